//! A teacher brings questions from a file and reads what each became before anything is
//! written; gives the exercise; scores a pupil's free answer (with an undo), and the pupil sees
//! the teacher's points.

use crate::support::Browser;
use crate::support::ui::*;

/// The fixture's absolute path, without `..`: the browser takes no other.
fn fixture(path: &str) -> String {
    let full = format!(
        "{}/../../shared/fixtures/exercises/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::canonicalize(&full)
        .unwrap_or_else(|e| panic!("{full}: {e}"))
        .display()
        .to_string()
}

/// Chooses `path` in the import form and reads it.
async fn read_file(b: &Browser, path: &str) {
    b.find(IMPORT_FILE)
        .await
        .send_keys(&fixture(path))
        .await
        .expect("file chosen");
    b.click(IMPORT_READ).await;
}

#[tokio::test]
async fn a_teacher_imports_a_gift_file_gives_it_and_scores_a_free_answer_the_pupil_then_sees() {
    let b = Browser::start().await;
    b.enter_as("maria.santoni").await;
    b.click(EXERCISES_SERVICE).await;
    b.find_xpath(&import_in("Pasquale Paoli"))
        .await
        .click()
        .await
        .expect("click");

    // A Moodle file of broken questions: every one refused, each with why, nothing to create.
    read_file(&b, "moodle-xml/broken_cloze_questions.xml").await;
    let report = b.wait_text(IMPORT_REPORT, "5 refusées").await;
    assert!(report.contains("Lu comme Moodle XML"), "{report}");
    assert!(report.contains("« zero » n’est pas un nombre"), "{report}");
    assert!(
        b.client
            .find(fantoccini::Locator::Css(IMPORT_CREATE))
            .await
            .is_err(),
        "nothing to create"
    );
    b.screenshot("import-refused").await;

    // Moodle's GIFT example: nine questions taken, then created as one exercise.
    read_file(&b, "questions.gift.txt").await;
    let report = b.wait_text(IMPORT_REPORT, "9 questions reprises").await;
    assert!(report.contains("Reprise : Réponse libre"), "{report}");
    assert!(report.contains("Rien n’est encore enregistré"), "{report}");
    b.screenshot("import-report").await;
    b.click(IMPORT_CREATE).await;
    b.wait_value(EXERCISE_TITLE, "questions").await;
    assert_eq!(
        b.client
            .find_all(fantoccini::Locator::Css(ITEM_EDITORS))
            .await
            .expect("items")
            .len(),
        9
    );

    // Downloaded back as GIFT: everything fits.
    b.click(EXPORT_GIFT).await;
    b.wait_text(".export [role=status]", "Toutes les questions")
        .await;
    let href = b
        .find(DOWNLOAD_GIFT)
        .await
        .attr("href")
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(href.starts_with("data:text/plain"), "{href}");
    assert!(href.contains("How%20are%20you"), "{href}");

    // Given to 5e A, one attempt, the score shown once handed in.
    b.choose_group("5e A").await;
    b.find(ASSIGN_FEEDBACK)
        .await
        .select_by_value("after_submission")
        .await
        .expect("after submission");
    b.fill(ASSIGN_ATTEMPTS, "1").await;
    b.click(ASSIGN_SUBMIT).await;
    b.wait_text(ASSIGN_DONE, "5e A").await;

    // Lisandru answers the free question only, and hands in.
    b.sign_out().await;
    b.enter_as("lisandru.pieri").await;
    b.click(EXERCISES_SERVICE).await;
    b.find_xpath(&do_assignment("questions"))
        .await
        .click()
        .await
        .expect("open");
    b.wait_text(SHEET_TITLE, "questions").await;
    b.fill(&answer("Q8"), "Très bien, merci.").await;
    b.click(HAND_IN).await;
    b.wait_text(HANDED_IN_SCORE, "sur").await;
    b.wait_text(&mark("Q8"), "À corriger").await;

    // The teacher reads the results item by item and scores the free answer, then undoes it,
    // then scores it again.
    b.back_as("maria.santoni").await;
    b.click(EXERCISES_SERVICE).await;
    b.click_text("section.written h3 a", "questions").await;
    b.click_text(".given-list a", "5e A").await;
    b.wait_text(HEADING, "questions · 5e A").await;
    b.wait_text(BY_ITEM, "Aucune réponse fausse").await;
    b.wait_text(FREE_ANSWERS, "Très bien, merci.").await;
    b.wait_text(FREE_ANSWERS, "Pas encore noté").await;
    b.fill(MARK_POINTS, "2").await;
    b.click(MARK_SAVE).await;
    b.wait_text(".to-mark [role=alert]", "Au plus 1 points")
        .await;
    b.fill(MARK_POINTS, "0,5").await;
    b.click(MARK_SAVE).await;
    b.wait_text(MARK_NOTICE, "Note enregistrée").await;
    b.wait_text(FREE_ANSWERS, "Noté 0,5 sur 1").await;
    b.click(UNDO_MARK).await;
    b.wait_text(MARK_NOTICE, "Note annulée").await;
    b.wait_text(FREE_ANSWERS, "Pas encore noté").await;
    b.fill(MARK_POINTS, "1").await;
    b.click(MARK_SAVE).await;
    b.wait_text(FREE_ANSWERS, "Noté 1 sur 1").await;
    b.wait_text(RESULTS_TABLE, "Pieri").await;
    b.screenshot("results-marked").await;

    // Lisandru sees the teacher's point.
    b.back_as("lisandru.pieri").await;
    b.click(EXERCISES_SERVICE).await;
    b.wait_text(ASSIGNED, "questions").await;
    b.open("/exercises").await;
    b.find_xpath(&do_assignment("questions"))
        .await
        .click()
        .await
        .expect("open");
    let marked = b.wait_text(&mark("Q8"), "Noté par votre professeur").await;
    assert!(marked.contains("1 sur 1"), "{marked}");
    b.screenshot("pupil-sees-teacher-points").await;
    b.close().await;
}
