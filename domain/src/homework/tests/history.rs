use super::*;
use crate::ids::{AccountId, LessonId};
use crate::time::Timestamp;

const ANNA: AccountId = AccountId::new(1);
const PAOLU: AccountId = AccountId::new(2);

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_unix(seconds)
}

fn entry(text: &str) -> LogEntry {
    LogEntry::new(
        Occurrence::Weekly {
            lesson: LessonId::new(3),
            date: day("2026-11-25"),
        },
        text.into(),
        vec![],
    )
    .expect("a valid entry")
}

#[test]
fn an_entry_says_something_within_its_limit() {
    let occurrence = Occurrence::Extra(crate::ids::LessonChangeId::new(1));
    let cases: [(String, Vec<FileId>, Vec<HomeworkProblem>); 4] = [
        ("Lettura di *A Lingua*".into(), vec![file(1)], vec![]),
        (
            "\n \n".into(),
            vec![],
            vec![HomeworkProblem::Text(TextProblem::Empty)],
        ),
        (
            "é".repeat(MAX_LOG_CHARS + 1),
            vec![],
            vec![HomeworkProblem::Text(TextProblem::TooLong {
                max: MAX_LOG_CHARS,
            })],
        ),
        (
            "ok".into(),
            vec![file(2), file(2)],
            vec![HomeworkProblem::Attachments(AttachmentProblem::Repeated)],
        ),
    ];
    for (text, files, expected) in cases {
        let made = LogEntry::new(occurrence, text.clone(), files);
        assert_eq!(made.err().unwrap_or_default(), expected, "{text:.20}");
    }
    assert_eq!(entry("Lettura").text(), "Lettura");
}

#[test]
fn every_save_is_kept_and_only_the_author_edits() {
    let mut history = History::new(ANNA, at(100), entry("Lettura"));
    type Step = (AccountId, i64, &'static str, Result<(), HistoryError>);
    let steps: [Step; 5] = [
        (ANNA, 200, "Lettura è dettatu", Ok(())),
        (PAOLU, 300, "Altru", Err(HistoryError::NotAuthor)),
        (ANNA, 150, "Più prestu", Err(HistoryError::OutOfOrder)),
        (ANNA, 300, "Lettura è dettatu", Err(HistoryError::Unchanged)),
        // Two saves in one second are both kept.
        (ANNA, 200, "Lettura, dettatu", Ok(())),
    ];
    for (editor, when, text, expected) in steps {
        assert_eq!(
            history.edit(editor, at(when), entry(text)),
            expected,
            "{text}"
        );
    }
    assert!(history.may_edit(ANNA));
    assert!(!history.may_edit(PAOLU));
    assert_eq!(history.author(), ANNA);
    assert_eq!(history.revisions().len(), 3);
    assert_eq!(history.current().text(), "Lettura, dettatu");
    assert_eq!((history.created(), history.modified()), (at(100), at(200)));
    let as_of = |t| history.as_of(at(t)).map(|e| e.text().to_owned());
    assert_eq!(as_of(99), None);
    assert_eq!(as_of(100).as_deref(), Some("Lettura"));
    assert_eq!(as_of(199).as_deref(), Some("Lettura"));
    assert_eq!(as_of(200).as_deref(), Some("Lettura, dettatu"));
}

#[test]
fn a_stored_history_is_checked_when_read() {
    let mut history = History::new(ANNA, at(100), entry("Lettura"));
    history
        .edit(ANNA, at(200), entry("Dettatu"))
        .expect("a later save");
    let json = serde_json::to_string(&history).expect("json");
    let back: History<LogEntry> = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, history);
    let empty: Result<History<LogEntry>, _> = serde_json::from_str("[]");
    assert!(empty.is_err());
    let revisions: Vec<Revision<LogEntry>> = history.into();
    let reversed: Vec<Revision<LogEntry>> = revisions.into_iter().rev().collect();
    assert_eq!(
        History::try_from(reversed).err(),
        Some(HistoryError::OutOfOrder)
    );
}
