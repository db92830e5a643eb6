//! The homework rules, one file of tables per rule.

mod due;
mod hand_in;
mod history;
mod mark;
mod status;
mod upload;
mod zip_names;

use super::*;
use crate::file::FileId;
use jiff::civil::{Date, Time, time};

pub(super) fn day(text: &str) -> Date {
    crate::calendar::parse_iso(text).expect("a date in the test")
}

pub(super) fn file(n: u8) -> FileId {
    FileId::from_random([n; 16])
}

/// A homework due on `due` (set the same day), handed in online or not.
pub(super) fn homework(due: &str, time: Option<Time>, hand_in: HandInPolicy) -> Homework {
    Homework::new(
        "Exercices 3 et 4 p. 52".into(),
        day(due),
        day(due),
        time,
        None,
        hand_in,
        vec![],
    )
    .expect("a valid homework")
}

#[test]
fn texts_are_neither_blank_nor_too_long() {
    let cases: [(&str, usize, Result<(), TextProblem>); 6] = [
        ("Leghje a pagina 12", 100, Ok(())),
        ("", 100, Err(TextProblem::Empty)),
        (" \n\t\u{a0}", 100, Err(TextProblem::Empty)),
        ("ùùùùù", 5, Ok(())),
        ("ùùùùùù", 5, Err(TextProblem::TooLong { max: 5 })),
        ("$x^2$", 5, Ok(())),
    ];
    for (text, max, expected) in cases {
        assert_eq!(check_text(text, max), expected, "{text:?}");
    }
}

#[test]
fn a_homework_lists_all_its_problems() {
    let too_many: Vec<FileId> = (0..=10).map(file).collect();
    let cases: [(&str, &str, Vec<FileId>, Vec<HomeworkProblem>); 5] = [
        ("Leghje", "2026-11-26", vec![file(1), file(2)], vec![]),
        // Due the day it is set: homework for the next lesson that same day is allowed.
        ("Leghje", "2026-11-25", vec![], vec![]),
        (
            " ",
            "2026-11-24",
            vec![file(1), file(1)],
            vec![
                HomeworkProblem::Text(TextProblem::Empty),
                HomeworkProblem::Attachments(AttachmentProblem::Repeated),
                HomeworkProblem::DueBeforeSet,
            ],
        ),
        (
            "Leghje",
            "2026-11-26",
            too_many,
            vec![HomeworkProblem::Attachments(AttachmentProblem::TooMany {
                max: MAX_ATTACHMENTS,
            })],
        ),
        (
            &"x".repeat(MAX_WHAT_CHARS + 1),
            "2026-11-26",
            vec![],
            vec![HomeworkProblem::Text(TextProblem::TooLong {
                max: MAX_WHAT_CHARS,
            })],
        ),
    ];
    for (what, due, files, expected) in cases {
        let made = Homework::new(
            what.into(),
            day("2026-11-25"),
            day(due),
            None,
            None,
            HandInPolicy::None,
            files,
        );
        assert_eq!(made.err().unwrap_or_default(), expected, "{due}");
    }
}

#[test]
fn a_homework_travels_as_json_and_is_checked_on_arrival() {
    let sent = Homework::new(
        "Scrive *trè* frasi".into(),
        day("2026-11-25"),
        day("2026-11-27"),
        Some(time(8, 30, 15, 0)),
        Some(Minutes::new(45).expect("45 minutes")),
        HandInPolicy::Online { resubmit: true },
        vec![file(7)],
    )
    .expect("a valid homework");
    // Kept to the minute, as it travels.
    assert_eq!(sent.due_time(), Some(time(8, 30, 0, 0)));
    let json = serde_json::to_string(&sent).expect("serialises");
    assert_eq!(
        json,
        format!(
            r#"{{"what":"Scrive *trè* frasi","due":"2026-11-27","due_time":"08:30","minutes":45,"hand_in":{{"type":"online","resubmit":true}},"attachments":["{}"]}}"#,
            file(7)
        )
    );
    let back: Homework = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, sent);
    for wrong in [
        r#"{"what":"","due":"2026-11-27","hand_in":{"type":"none"}}"#,
        r#"{"what":"x","due":"2026-11-31","hand_in":{"type":"none"}}"#,
        r#"{"what":"x","due":"27/11/2026","hand_in":{"type":"none"}}"#,
        r#"{"what":"x","due":"2026-11-27","due_time":"8h30","hand_in":{"type":"none"}}"#,
        r#"{"what":"x","due":"2026-11-27","due_time":"24:00","hand_in":{"type":"none"}}"#,
        r#"{"what":"x","due":"2026-11-27","minutes":0,"hand_in":{"type":"none"}}"#,
        r#"{"what":"x","due":"2026-11-27","minutes":601,"hand_in":{"type":"none"}}"#,
    ] {
        assert!(serde_json::from_str::<Homework>(wrong).is_err(), "{wrong}");
    }
}
