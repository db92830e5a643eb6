//! Files in exercises, as people use them: a teacher attaches a recording to a dictation and a
//! picture to the statement, hears the recording back, gives the exercise; the pupil gets a
//! player whose recording loads, and the picture. A pupil records a spoken answer (Chromium's
//! fake microphone), hears it back, hands it in; the teacher hears it and marks it, the pupil's
//! father hears it in the work handed in; another pupil cannot fetch it.

use crate::support::Browser;
use crate::support::ui::*;
use fantoccini::Locator;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A one-second WAV file, as a teacher's computer would hold it.
fn wav_file(name: &str) -> PathBuf {
    let samples: u32 = 8000;
    let mut bytes = Vec::new();
    bytes.extend_from_slice(b"RIFF");
    bytes.extend_from_slice(&(36 + samples * 2).to_le_bytes());
    bytes.extend_from_slice(b"WAVEfmt ");
    bytes.extend_from_slice(&16_u32.to_le_bytes());
    bytes.extend_from_slice(&1_u16.to_le_bytes());
    bytes.extend_from_slice(&1_u16.to_le_bytes());
    bytes.extend_from_slice(&8000_u32.to_le_bytes());
    bytes.extend_from_slice(&16000_u32.to_le_bytes());
    bytes.extend_from_slice(&2_u16.to_le_bytes());
    bytes.extend_from_slice(&16_u16.to_le_bytes());
    bytes.extend_from_slice(b"data");
    bytes.extend_from_slice(&(samples * 2).to_le_bytes());
    for n in 0..samples {
        let sample: i16 = if (n / 9) % 2 == 0 { 3000 } else { -3000 };
        bytes.extend_from_slice(&sample.to_le_bytes());
    }
    write(name, &bytes)
}

/// A 1×1 PNG.
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\xdac\xfc\xff\xff?\0\x05\xfe\x02\xfe\xa7\xd1\xa2\xbe\0\0\0\0IEND\xaeB`\x82";

/// Writes `bytes` where a person's computer keeps their files.
pub fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("e2e-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("file");
    path
}

/// Saves the exercise being written and gives it to 5e A.
async fn save_and_give_to_5e_a(b: &Browser) {
    b.wait_enabled(SAVE_EXERCISE).await;
    b.click(SAVE_EXERCISE).await;
    b.choose_group("5e A").await;
    b.click(ASSIGN_SUBMIT).await;
    b.wait_text(ASSIGN_DONE, "5e A").await;
}

/// From the home page, the pupil's sheet of the exercise titled `title`.
async fn open_assignment(b: &Browser, title: &str) {
    b.click(EXERCISES_SERVICE).await;
    b.find_xpath(&do_assignment(title))
        .await
        .click()
        .await
        .expect("open");
    b.wait_text(SHEET_TITLE, title).await;
}

/// Picks `path` in the file field `css`, as the file chooser does.
pub async fn pick(b: &Browser, css: &str, path: &Path) {
    b.find(css)
        .await
        .send_keys(&path.display().to_string())
        .await
        .expect("file picked");
}

/// Waits until the `<audio>` at `css` has loaded its recording; answers its duration.
async fn loaded_duration(b: &Browser, css: &str) -> f64 {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let state = b
            .js(&format!(
                "const a = document.querySelector(\"{css}\"); \
                 return a ? [a.readyState, a.duration, a.error ? a.error.code : 0] : null;"
            ))
            .await;
        if let Some([ready, duration, error]) = state
            .as_array()
            .map(|a| [a[0].clone(), a[1].clone(), a[2].clone()])
        {
            assert_eq!(error.as_i64(), Some(0), "the recording failed to load");
            if ready.as_i64().unwrap_or(0) >= 1 {
                return duration.as_f64().unwrap_or(0.0);
            }
        }
        assert!(Instant::now() < deadline, "{css} never loaded: {state}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// What fetching the `src` of `css` answers: the status and the content type.
async fn fetched(b: &Browser, css: &str) -> (i64, String) {
    let answer = b
        .client
        .execute_async(
            &format!(
                "const done = arguments[arguments.length - 1]; \
             const src = document.querySelector(\"{css}\").getAttribute('src'); \
             fetch(src).then(r => done([r.status, r.headers.get('content-type')]));"
            ),
            vec![],
        )
        .await
        .expect("fetched");
    (
        answer[0].as_i64().unwrap_or(0),
        answer[1].as_str().unwrap_or_default().to_owned(),
    )
}

#[tokio::test]
async fn a_teacher_attaches_a_recording_and_a_picture_and_the_pupil_hears_and_sees_them() {
    let b = Browser::start().await;
    b.enter_as("maria.santoni").await;
    b.new_exercise("Pasquale Paoli").await;
    b.fill(EXERCISE_TITLE, "Dittatu di u fiume").await;
    b.find(NEW_ITEM_TYPE)
        .await
        .select_by_value("dictation")
        .await
        .expect("dictation");
    b.click(ADD_ITEM).await;
    b.fill(&item_field(0, "prompt"), "Scrivite ciò chì sentite.")
        .await;
    b.fill(&item_field(0, "dictation-0"), "L’acqua hè fresca.")
        .await;
    // No recording yet: the exercise cannot be saved.
    b.wait_text(PROBLEMS, "enregistrement").await;

    // A file that is no recording is refused, with the reason.
    pick(
        &b,
        &recording_file(0),
        &write("dictee.wav", b"<html>not a recording</html>"),
    )
    .await;
    b.wait_text(".recording .field-error", "n’est pas un enregistrement")
        .await;

    pick(&b, &recording_file(0), &wav_file("dictee.wav")).await;
    b.wait_text(".recording .success", "envoyé").await;
    let duration = loaded_duration(&b, &recording_player(0)).await;
    assert!((0.9..1.1).contains(&duration), "heard back: {duration} s");

    // A picture in the statement: its Markdown is inserted, the preview shows it.
    pick(&b, STATEMENT_PICTURE, &write("fiume.png", PNG)).await;
    b.wait_value(EXERCISE_STATEMENT, "![fiume](/files/").await;
    b.find(".preview .statement img[src^='/files/']").await;
    b.screenshot("exercise-editor-files").await;

    // Nothing left to mend: saving is offered.
    save_and_give_to_5e_a(&b).await;

    // The pupil's sheet plays the recording and shows the picture.
    b.sign_out().await;
    b.enter_as("lisandru.pieri").await;
    open_assignment(&b, "Dittatu di u fiume").await;
    let duration = loaded_duration(&b, DICTATION_PLAYER).await;
    assert!(
        (0.9..1.1).contains(&duration),
        "the pupil's player: {duration} s"
    );
    assert_eq!(
        fetched(&b, DICTATION_PLAYER).await,
        (200, "audio/wav".to_owned())
    );
    assert_eq!(
        fetched(&b, ".sheet .statement img").await,
        (200, "image/png".to_owned())
    );
    b.screenshot("dictation-pupil").await;
    b.close().await;
}

/// Fetches `path` from the page: the status and the content type.
async fn fetch_status(b: &Browser, path: &str) -> (i64, String) {
    let answer = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             fetch(arguments[0]).then(r => done([r.status, r.headers.get('content-type')]));",
            vec![serde_json::Value::String(path.to_owned())],
        )
        .await
        .expect("fetched");
    (
        answer[0].as_i64().unwrap_or(0),
        answer[1].as_str().unwrap_or_default().to_owned(),
    )
}

/// Records for a moment with the keyboard, and waits until the recording is stored.
async fn record(b: &Browser) {
    b.find(RECORD_ANSWER)
        .await
        .send_keys(ENTER)
        .await
        .expect("Enter");
    b.wait_text(".sheet .spoken-answer .notice", "Enregistrement en cours")
        .await;
    // A recording needs time to pass: a second of the fake microphone's tone.
    tokio::time::sleep(Duration::from_secs(1)).await;
    b.find(STOP_RECORDING)
        .await
        .send_keys(ENTER)
        .await
        .expect("Enter");
    b.wait_text(RECORDING_SENT, "envoyé").await;
}

/// Waits until the `<audio>` at `css` has loaded enough to play, without error. (A recording
/// made by the browser may not know its duration before it is played through.)
async fn playable(b: &Browser, css: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let state = b
            .js(&format!(
                "const a = document.querySelector(\"{css}\"); \
                 return a ? [a.readyState, a.error ? a.error.code : 0] : null;"
            ))
            .await;
        if let Some(state) = state.as_array() {
            assert_eq!(state[1].as_i64(), Some(0), "{css} failed to load");
            if state[0].as_i64().unwrap_or(0) >= 1 {
                return;
            }
        }
        assert!(Instant::now() < deadline, "{css} never loaded: {state}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_pupil_records_a_spoken_answer_the_teacher_hears_and_marks_it() {
    let b = Browser::start().await;
    b.enter_as("maria.santoni").await;
    b.new_exercise("Pasquale Paoli").await;
    b.fill(EXERCISE_TITLE, "Leghje à voce").await;
    b.find(NEW_ITEM_TYPE)
        .await
        .select_by_value("free_text")
        .await
        .expect("free text");
    b.click(ADD_ITEM).await;
    b.fill(
        &item_field(0, "prompt"),
        "Leghji : « A muntagna hè bella. »",
    )
    .await;
    b.find(&item_field(0, "accepts-0"))
        .await
        .select_by_value("audio")
        .await
        .expect("spoken");
    // The preview shows the recorder, with nothing to record into.
    b.find(".preview .spoken-answer button.record-answer[disabled]")
        .await;
    b.screenshot("spoken-editor").await;
    save_and_give_to_5e_a(&b).await;

    // The pupil records, hears it back, records again, and hands in.
    b.sign_out().await;
    b.enter_as("lisandru.pieri").await;
    open_assignment(&b, "Leghje à voce").await;
    // Only a recording is asked for: no text field.
    assert!(
        b.client
            .find(Locator::Css(".sheet textarea"))
            .await
            .is_err(),
        "a spoken answer only"
    );
    record(&b).await;
    playable(&b, ANSWER_RECORDING).await;
    let first = b
        .find(ANSWER_RECORDING)
        .await
        .attr("src")
        .await
        .ok()
        .flatten()
        .expect("a recording");
    assert_eq!(
        fetch_status(&b, &first).await,
        (200, "audio/webm".to_owned())
    );
    b.click(DELETE_RECORDING).await;
    b.wait_text(".sheet .spoken-answer .hint", "Pas encore")
        .await;
    record(&b).await;
    playable(&b, ANSWER_RECORDING).await;
    let recording = b
        .find(ANSWER_RECORDING)
        .await
        .attr("src")
        .await
        .ok()
        .flatten()
        .expect("a recording");
    assert_ne!(recording, first, "recorded again");
    b.find(SAVED).await;
    b.screenshot("spoken-pupil").await;
    b.click(HAND_IN).await;
    b.wait_text(&mark("q1"), "À corriger").await;
    // Handed in: still heard, no longer changed.
    playable(&b, ANSWER_RECORDING).await;
    assert!(
        b.client.find(Locator::Css(RECORD_ANSWER)).await.is_err(),
        "nothing more to record"
    );
    b.screenshot("spoken-handed-in").await;

    // A classmate cannot fetch it.
    b.sign_out().await;
    b.enter_as("matteu.rossi").await;
    assert_eq!(fetch_status(&b, &recording).await.0, 403);

    // The teacher hears it beside the marking controls, and marks it.
    b.back_as("maria.santoni").await;
    b.click(EXERCISES_SERVICE).await;
    b.click_text("section.written h3 a", "Leghje à voce").await;
    b.click_text(".given-list a", "5e A").await;
    b.wait_text(FREE_ANSWERS, "Pas encore noté").await;
    playable(&b, MARK_RECORDING).await;
    assert_eq!(
        fetch_status(&b, &recording).await,
        (200, "audio/webm".to_owned())
    );
    b.fill(MARK_POINTS, "0,5").await;
    b.click(MARK_SAVE).await;
    b.wait_text(FREE_ANSWERS, "Noté 0,5 sur 1").await;
    b.js(&format!(
        "document.querySelector(\"{MARK_RECORDING}\").scrollIntoView(); return null;"
    ))
    .await;
    b.screenshot("spoken-marked").await;

    // His father opens the work handed in and hears it.
    b.sign_out().await;
    b.enter_as("ghjuvanni.pieri").await;
    b.click(EXERCISES_SERVICE).await;
    b.find_xpath(&see_work("Leghje à voce"))
        .await
        .click()
        .await
        .expect("open");
    b.wait_text(SHEET_TITLE, "Leghje à voce").await;
    playable(&b, ANSWER_RECORDING).await;
    assert_eq!(
        b.find(ANSWER_RECORDING)
            .await
            .attr("src")
            .await
            .ok()
            .flatten(),
        Some(recording)
    );
    b.screenshot("spoken-parent").await;
    b.close().await;
}
