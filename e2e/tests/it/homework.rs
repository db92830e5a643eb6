//! The cahier de textes and homework as people use them: the teacher fills in what was done in
//! a lesson of her week and sets homework to be handed in online; the pupil reads both on his
//! week, hands in a PDF; the teacher gives it back with a comment and a mark; the father reads
//! all of it on his son's week.

use crate::support::Browser;
use crate::support::ui::*;
use domain::school_calendar::SchoolYear;
use domain::timetable::{Date, day};

/// The third week of September: week A of the demo, a school week whatever the year.
fn week_a() -> Date {
    let year = SchoolYear::at(server::system_clock());
    let first = Date::new(i16::try_from(year.first()).expect("a year"), 9, 1).expect("a date");
    day::plus(day::monday(first), 14)
}

#[tokio::test]
async fn a_teacher_sets_homework_the_pupil_hands_it_in_and_gets_it_back_marked() {
    let b = Browser::start().await;
    let week = format!("/timetable?day={}", day::iso(week_a()));

    // The teacher: her week A, the Monday 8:00 lesson of 5e A, its page of the cahier.
    b.enter_as("maria.santoni").await;
    b.open(&week).await;
    b.wait_text(WEEK_HEADING, "Semaine du").await;
    b.click(WEEK_CAHIER_LINK).await;
    b.wait_text("#lesson-heading", "5e A").await;
    b.fill(ENTRY_TEXT, "Nous avons vu les **fractions**.").await;
    b.click(ENTRY_SAVE).await;
    b.wait_text(ENTRY_SAVED, "Enregistré").await;
    // Homework for the next lesson (the form's default day), handed in online.
    let due = b
        .js(&format!(
            "return document.querySelector(\"{HOMEWORK_DUE}\").value"
        ))
        .await;
    assert_eq!(
        due.as_str(),
        Some(day::iso(day::plus(week_a(), 1)).as_str()),
        "due at the next maths lesson of 5e A"
    );
    b.fill(HOMEWORK_WHAT, "Exercice 4 : rendre une photo de la copie.")
        .await;
    b.click(HOMEWORK_ONLINE).await;
    b.click(HOMEWORK_SAVE).await;
    b.wait_text(HOMEWORK_SET, "Exercice 4").await;
    b.screenshot("homework-lesson").await;
    b.sign_out().await;

    // The pupil: on his week, what was done on Monday and the homework due on Tuesday.
    b.enter_as("lisandru.pieri").await;
    b.open(&week).await;
    b.wait_text(WEEK_DUE, "Exercice 4").await;
    b.find(WEEK_ENTRY).await.click().await.expect("opened");
    b.wait_text(WEEK_ENTRY, "fractions").await;
    b.screenshot("homework-week").await;
    b.click(WEEK_DUE_OPEN).await;
    b.fill(HAND_IN_TEXT, "Voici ma copie.").await;
    let dir = std::env::temp_dir().join(format!("scola-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let pdf = dir.join("copie.pdf");
    std::fs::write(
        &pdf,
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    )
    .expect("a PDF");
    b.find(HAND_IN_FILE)
        .await
        .send_keys(&pdf.display().to_string())
        .await
        .expect("file picked");
    b.wait_text(HAND_IN_FILES, "copie.pdf").await;
    b.click(HOMEWORK_HAND_IN).await;
    b.wait_text(HANDED, "Rendu le").await;
    b.wait_text(HANDED, "copie.pdf").await;
    b.screenshot("homework-handed-in").await;
    b.sign_out().await;

    // The teacher: the hand-in waits on her week; she gives it back with a comment and a mark.
    // (Her charter is accepted already.)
    b.sign_in_as("maria.santoni", crate::support::PASSWORD)
        .await;
    b.find(SERVICES).await;
    b.open(&week).await;
    b.wait_text(WAITING, "1 copie rendue").await;
    b.click(WAITING_OPEN).await;
    b.wait_text(REVIEW_COUNTS, "1").await;
    b.wait_text("li.review-line", "Voici ma copie").await;
    b.fill(REVIEW_COMMENT, "Bien vu, attention aux signes.")
        .await;
    b.fill(REVIEW_MARK, "15,5").await;
    b.click(REVIEW_SEND).await;
    b.wait_text("li.review-line", "Corrigé").await;
    b.screenshot("homework-review").await;
    b.sign_out().await;

    // The father: his son's week, the homework, the comment and the mark.
    b.enter_as("ghjuvanni.pieri").await;
    b.open(&week).await;
    b.click_text(".week-whose button", "Emploi du temps de Lisandru Pieri")
        .await;
    b.wait_text(WEEK_DUE, "Exercice 4").await;
    b.click(WEEK_DUE_OPEN).await;
    b.wait_text(RETURNED, "15,5/20").await;
    b.wait_text(RETURNED, "attention aux signes").await;
    b.wait_text(HANDED, "Voici ma copie").await;
    b.screenshot("homework-parent").await;
    let _ = std::fs::remove_dir_all(&dir);
    b.close().await;
}
