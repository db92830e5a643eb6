//! Sequences as people use them: a teacher builds one (a lesson, a link, one of her exercises,
//! a picture she uploads), undoes a removal, saves, publishes and gives it to her class; the pupil goes through it step
//! by step and his father sees how far he is; a colleague finds a sequence in the library and
//! copies it with its credits.

use crate::support::Browser;
use crate::support::ui::*;

const TITLE: &str = "A Corsica è i so paesi";

#[tokio::test]
async fn a_teacher_builds_and_gives_a_sequence_the_pupil_goes_through_it_and_his_father_follows() {
    let b = Browser::start().await;
    b.enter_as("maria.santoni").await;
    b.click(SEQUENCES_SERVICE).await;
    b.find_xpath(&new_sequence_in("Pasquale Paoli"))
        .await
        .click()
        .await
        .expect("click");
    b.fill(SEQUENCE_TITLE, TITLE).await;
    b.find(SEQUENCE_DISCIPLINE)
        .await
        .select_by_value("corsican")
        .await
        .expect("discipline");
    b.find(SEQUENCE_LEVEL)
        .await
        .select_by_value("5e")
        .await
        .expect("level");
    // Nothing in it yet: the problems say so before anything is sent.
    b.wait_text(SEQUENCE_PROBLEMS, "au moins une étape").await;

    b.click(ADD_LESSON).await;
    b.click(ADD_LINK).await;
    b.click(ADD_EXERCISE).await;
    b.fill(&step_field(0, "step-title"), "I paesi").await;
    b.fill(
        &step_field(0, "lesson-text"),
        "A Corsica conta **360** cumune.",
    )
    .await;
    b.fill(&step_field(1, "step-title"), "A carta").await;
    // A link that is no web address is named at its step.
    b.fill(&step_field(1, "link-url"), "javascript:alert(1)")
        .await;
    b.wait_text(SEQUENCE_PROBLEMS, "Étape 2").await;
    b.fill(
        &step_field(1, "link-url"),
        "https://co.wikipedia.org/wiki/Corsica",
    )
    .await;
    b.fill(&step_field(2, "step-title"), "Eserciziu").await;
    b.find(&step_field(2, "exercise-choice"))
        .await
        .select_by_label("I ghjorni di a settimana")
        .await
        .expect("exercise chosen");
    // Removed by mistake, and back with its text.
    b.click("ol.step-forms > li:nth-child(2) button.remove")
        .await;
    b.click(UNDO).await;
    b.wait_value(&step_field(1, "link-url"), "co.wikipedia.org")
        .await;
    // A picture from her computer becomes a step, titled after its file until she renames it.
    let picture = crate::files::write("carta-corsica.png", crate::files::PNG);
    crate::files::pick(&b, ADD_FILE, &picture).await;
    b.wait_value(&step_field(3, "step-title"), "carta-corsica")
        .await;
    b.fill(&step_field(3, "step-title"), "A carta di a Corsica")
        .await;
    b.screenshot("sequence-editor").await;

    b.click(SAVE_SEQUENCE).await;
    b.find(PUBLISH_TOGGLE).await;
    b.click(PUBLISH_TOGGLE).await;
    b.wait_text(".publish .notice", "bibliothèque").await;
    b.wait_text(ASSIGN_GROUP, "5e A").await;
    let five_a = b
        .js(
            "return [...document.querySelectorAll('#assign-group option')]\
             .find(o => o.textContent.trim().endsWith('5e A')).value",
        )
        .await;
    b.find(ASSIGN_GROUP)
        .await
        .select_by_value(five_a.as_str().expect("5e A offered"))
        .await
        .expect("group");
    b.click(ASSIGN_SUBMIT).await;
    b.wait_text(ASSIGN_DONE, "5e A").await;
    b.sign_out().await;

    b.enter_as("lisandru.pieri").await;
    b.click(SEQUENCES_SERVICE).await;
    b.find_xpath(&go_to_sequence(TITLE))
        .await
        .click()
        .await
        .expect("open");
    b.wait_text(JOURNEY_TITLE, TITLE).await;
    b.wait_text(STEP_SHOWN, "360").await;
    b.wait_text(PROGRESS_WORDS, "0 étape sur 4").await;
    b.click(MARK_DONE).await;
    // Done, and on to the next step.
    b.wait_text(STEP_SHOWN, "A carta").await;
    b.click(MARK_DONE).await;
    b.wait_text(STEP_SHOWN, "Eserciziu").await;
    b.wait_text(PROGRESS_WORDS, "2 étapes sur 4").await;
    b.find(DO_EXERCISE).await;
    b.screenshot("sequence-journey").await;
    // The picture step: the picture the teacher uploaded, loaded for him.
    b.click(NEXT_STEP).await;
    b.wait_text(STEP_SHOWN, "A carta di a Corsica").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while b
        .js(
            "const i = document.querySelector('.step-shown img.resource'); \
             return !!i && i.complete && i.naturalWidth > 0",
        )
        .await
        != serde_json::Value::Bool(true)
    {
        assert!(std::time::Instant::now() < deadline, "the picture loads");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    b.click(MARK_DONE).await;
    b.wait_text(PROGRESS_WORDS, "3 étapes sur 4").await;
    b.sign_out().await;

    b.enter_as("ghjuvanni.pieri").await;
    b.click(SEQUENCES_SERVICE).await;
    b.wait_text("main", "Parcours de Lisandru Pieri").await;
    b.wait_text("main", TITLE).await;
    b.wait_text("main", "3 étapes sur 4").await;
    b.screenshot("sequence-parent").await;
    b.close().await;
}

#[tokio::test]
async fn a_teacher_finds_a_sequence_in_the_library_and_copies_it_with_its_credits() {
    let b = Browser::start().await;
    b.enter_as("maria.santoni").await;
    b.click(SEQUENCES_SERVICE).await;
    b.click(LIBRARY_LINK).await;
    b.fill(LIBRARY_TEXT, "ghjovedi").await;
    b.click(LIBRARY_SEARCH).await;
    b.wait_text(LIBRARY_RESULTS, "I ghjorni di a settimana")
        .await;
    b.click_text("ul.library a", "I ghjorni di a settimana")
        .await;
    b.wait_text(".preview", "luni").await;
    b.screenshot("sequence-library").await;
    // Share-alike: the copy can only be CC BY-SA.
    let choices = b
        .js("return [...document.querySelectorAll('#copy-licence option')].map(o => o.value)")
        .await;
    assert_eq!(choices, serde_json::json!(["cc_by_sa"]));
    b.click(COPY_BUTTON).await;
    b.wait_value(SEQUENCE_TITLE, "I ghjorni di a settimana")
        .await;
    assert!(
        b.js("return location.pathname")
            .await
            .as_str()
            .unwrap_or("")
            .starts_with("/sequences/edit/")
    );
    b.close().await;
}

/// An archive a colleague of another instance made: one lesson and an exercise showing a
/// picture.
fn colleagues_archive() -> Vec<u8> {
    use domain::exercise::Exercise;
    use domain::file::{FileId, FileKind};
    use domain::ids::ExerciseId;
    use domain::sequence::Sequence;
    use domain::sequence::archive::{Media, pack};
    let picture: FileId = "0123456789abcdef0123456789abcdef".parse().expect("id");
    let sequence: Sequence = serde_json::from_value(serde_json::json!({
        "title": "U mare è i so pesci", "language": "co", "discipline": "corsican",
        "level": "5e", "licence": "cc_by_sa",
        "steps": [
            {"id": 1, "title": "I pesci", "type": "lesson", "text": "U **tonu** è a *sardina*."},
            {"id": 2, "title": "Eserciziu", "type": "exercise", "exercise": 41}
        ],
        "credits": [{"title": "U mare", "author": "Anna Colonna", "school": "Liceu di Corti",
                     "licence": "cc_by_sa"}]
    }))
    .expect("a sequence");
    let exercise: Exercise = serde_json::from_value(serde_json::json!({
        "title": "U mare", "language": "co",
        "statement": format!("![u mare](/files/{picture}.png)"),
        "items": [{"id": "q1", "prompt": "U tonu hè un pesciu.", "points": 100,
                   "type": "true_false", "answer": true}]
    }))
    .expect("an exercise");
    let media = Media {
        id: picture,
        kind: FileKind::Png,
        name: Some("mare.png".into()),
        bytes: crate::files::PNG.to_vec(),
    };
    pack(&sequence, &[(ExerciseId::new(41), exercise)], &[media]).expect("packed")
}

#[tokio::test]
async fn a_teacher_exports_a_sequence_and_imports_a_colleagues_archive() {
    let b = Browser::start().await;
    b.enter_as("maria.santoni").await;
    b.click(SEQUENCES_SERVICE).await;
    b.find_xpath(&edit_sequence("Les fractions pas à pas"))
        .await
        .click()
        .await
        .expect("opened");
    b.wait_value(SEQUENCE_TITLE, "Les fractions pas à pas")
        .await;
    b.click(EXPORT_ARCHIVE).await;
    b.find(ARCHIVE_DOWNLOAD).await;
    b.screenshot("sequence-exported").await;
    // What the link downloads: a zip, to be saved, holding the manifest.
    let fetched = b
        .js("const a = document.querySelector('a.archive-download'); \
             return fetch(a.href).then(async r => { \
               const bytes = new Uint8Array(await r.arrayBuffer()); \
               const text = new TextDecoder('latin1').decode(bytes); \
               return [r.status, r.headers.get('content-type'), \
                       r.headers.get('content-disposition'), bytes[0], bytes[1], \
                       text.includes('scola-sequence.json'), bytes.length]; });")
        .await;
    assert_eq!(fetched[0], 200, "{fetched}");
    assert_eq!(fetched[1], "application/zip");
    assert!(
        fetched[2].as_str().unwrap_or("").starts_with("attachment"),
        "{fetched}"
    );
    assert_eq!(
        (fetched[3].as_i64(), fetched[4].as_i64()),
        (Some(80), Some(75))
    );
    assert_eq!(fetched[5], true);

    // A file that is no archive is refused, in her language.
    b.open("/sequences").await;
    let not_zip = crate::files::write("notes.zip", b"<html>not a zip</html>");
    b.find_xpath(&import_archive_in("Pasquale Paoli"))
        .await
        .send_keys(&not_zip.display().to_string())
        .await
        .expect("picked");
    b.wait_text(IMPORT_ERROR, "n’est pas une archive .zip")
        .await;
    b.screenshot("sequence-import-refused").await;

    // A colleague's archive becomes her own sequence, opened in the editor.
    let archive = crate::files::write("u-mare.zip", &colleagues_archive());
    b.find_xpath(&import_archive_in("Pasquale Paoli"))
        .await
        .send_keys(&archive.display().to_string())
        .await
        .expect("picked");
    b.wait_value(SEQUENCE_TITLE, "U mare è i so pesci").await;
    assert!(
        b.js("return location.pathname")
            .await
            .as_str()
            .unwrap_or("")
            .starts_with("/sequences/edit/")
    );
    b.wait_value(&step_field(0, "step-title"), "I pesci").await;
    b.screenshot("sequence-imported").await;
    b.close().await;
}
