use super::*;
use crate::file::FileKind;
use crate::time::Timestamp;

pub(super) fn handed(n: u8, size: u64) -> HandedFile {
    HandedFile {
        file: file(n),
        name: format!("pagina-{n}.jpg"),
        kind: FileKind::Jpeg,
        size,
    }
}

pub(super) fn text(t: &str) -> Work {
    Work::new(Some(t.into()), vec![]).expect("a valid work")
}

#[test]
fn a_work_stays_within_the_limits() {
    let many: Vec<HandedFile> = (0..=10).map(|n| handed(n, 1)).collect();
    let half = MAX_HAND_IN_BYTES / 2;
    type Case = (Option<String>, Vec<HandedFile>, Result<bool, WorkProblem>);
    let cases: [Case; 8] = [
        (Some("Ghjuvan Battista".into()), vec![], Ok(false)),
        (None, vec![handed(1, 10)], Ok(false)),
        // A draft may be empty; a blank text is no text.
        (None, vec![], Ok(true)),
        (Some(" \n".into()), vec![], Ok(true)),
        (
            Some("à".repeat(MAX_TEXT_CHARS + 1)),
            vec![],
            Err(WorkProblem::TextTooLong {
                max: MAX_TEXT_CHARS,
            }),
        ),
        (
            None,
            many,
            Err(WorkProblem::TooManyFiles { max: MAX_FILES }),
        ),
        (
            None,
            vec![handed(1, half), handed(2, half + 1)],
            Err(WorkProblem::TooLarge {
                max: MAX_HAND_IN_BYTES,
            }),
        ),
        (
            None,
            vec![handed(1, 1), handed(1, 1)],
            Err(WorkProblem::RepeatedFile),
        ),
    ];
    for (t, files, expected) in cases {
        let label = format!("{:.10?} {}", t, files.len());
        assert_eq!(
            Work::new(t, files).map(|w| w.is_empty()),
            expected,
            "{label}"
        );
    }
    let overflow = Work::new(None, vec![handed(1, u64::MAX), handed(2, 1)]);
    assert_eq!(
        overflow,
        Err(WorkProblem::TooLarge {
            max: MAX_HAND_IN_BYTES
        })
    );
    let work = Work::new(Some("x".into()), vec![handed(1, 5), handed(2, 7)]).expect("valid");
    assert_eq!(
        (work.bytes(), work.text(), work.files().len()),
        (12, Some("x"), 2)
    );
}

/// Every transition of a hand-in, from each state, before and after the deadline.
#[test]
fn handing_in_follows_the_homework_and_the_deadline() {
    let once = homework("2026-11-27", None, HandInPolicy::Online { resubmit: false });
    let again = homework("2026-11-27", None, HandInPolicy::Online { resubmit: true });
    let paper = homework("2026-11-27", None, HandInPolicy::None);
    let deadline = again.deadline();
    let before = deadline.plus_seconds(-3_600);
    let after = deadline.plus_seconds(1);
    let draft = HandIn::draft(text("brouillon"));
    let sent = HandIn::HandedIn {
        work: text("v1"),
        at: before.plus_seconds(-10),
    };
    let returned = sent
        .give_back(Return {
            at: before,
            comment: Some("Bè".into()),
            mark: None,
            annotated: Work::default(),
        })
        .expect("returned");
    type Case<'a> = (
        &'a HandIn,
        &'a Homework,
        Work,
        Timestamp,
        Option<HandInError>,
    );
    let cases: [Case; 11] = [
        (&draft, &once, text("v1"), before, None),
        (&draft, &once, text("v1"), deadline, None),
        // Late is taken, and shown late.
        (&draft, &once, text("v1"), after, None),
        (
            &draft,
            &paper,
            text("v1"),
            before,
            Some(HandInError::NotOnline),
        ),
        (
            &draft,
            &once,
            Work::default(),
            before,
            Some(HandInError::Empty),
        ),
        (
            &sent,
            &once,
            text("v2"),
            before,
            Some(HandInError::NoResubmission),
        ),
        (&sent, &again, text("v2"), before, None),
        (&sent, &again, text("v2"), deadline, None),
        (
            &sent,
            &again,
            text("v2"),
            after,
            Some(HandInError::PastDeadline),
        ),
        (
            &returned,
            &again,
            text("v2"),
            before,
            Some(HandInError::Returned),
        ),
        (
            &returned,
            &once,
            text("v2"),
            after,
            Some(HandInError::Returned),
        ),
    ];
    for (i, (from, homework, work, now, refused)) in cases.into_iter().enumerate() {
        match (from.hand_in(homework, work.clone(), now), refused) {
            (Ok(state), None) => {
                assert_eq!(state, HandIn::HandedIn { work, at: now }, "case {i}");
                assert_eq!(state.is_late(deadline), Some(now > deadline), "case {i}");
            }
            (Err(error), Some(expected)) => assert_eq!(error, expected, "case {i}"),
            (outcome, expected) => panic!("case {i}: {outcome:?}, expected {expected:?}"),
        }
    }
}

#[test]
fn a_draft_autosaves_until_the_first_hand_in() {
    let mut draft = HandIn::draft(Work::default());
    assert_eq!(draft.save_draft(text("a")), Ok(()));
    assert_eq!(draft.work(), &text("a"));
    assert_eq!(
        (draft.handed_in_at(), draft.is_late(Timestamp::from_unix(0))),
        (None, None)
    );
    let h = homework("2026-11-27", None, HandInPolicy::Online { resubmit: true });
    let mut sent = draft
        .hand_in(&h, text("a"), Timestamp::from_unix(5))
        .expect("handed in");
    assert_eq!(
        sent.save_draft(text("b")),
        Err(HandInError::AlreadyHandedIn)
    );
    assert_eq!(sent.work(), &text("a"));
}

#[test]
fn the_teacher_returns_a_handed_in_work_and_may_correct_the_return() {
    let at = Timestamp::from_unix;
    let back = |when, comment: Option<&str>, mark: Option<&str>| Return {
        at: at(when),
        comment: comment.map(str::to_owned),
        mark: mark.map(|m| Mark::parse(m, OutOf::TWENTY).expect("a mark")),
        annotated: Work::new(None, vec![handed(9, 100)]).expect("annotated"),
    };
    let sent = HandIn::HandedIn {
        work: text("v1"),
        at: at(100),
    };
    let cases: [(&HandIn, Return, Option<HandInError>); 6] = [
        (&sent, back(200, Some("Bravu"), Some("15,5")), None),
        (&sent, back(100, None, None), None),
        (
            &sent,
            back(99, None, None),
            Some(HandInError::ReturnBeforeHandIn),
        ),
        (
            &sent,
            back(200, Some(" "), None),
            Some(HandInError::Comment(TextProblem::Empty)),
        ),
        (
            &sent,
            back(200, Some(&"x".repeat(MAX_COMMENT_CHARS + 1)), None),
            Some(HandInError::Comment(TextProblem::TooLong {
                max: MAX_COMMENT_CHARS,
            })),
        ),
        (
            &HandIn::draft(text("v1")),
            back(200, None, None),
            Some(HandInError::NotHandedIn),
        ),
    ];
    for (i, (from, returned, refused)) in cases.into_iter().enumerate() {
        let outcome = from.give_back(returned.clone());
        match refused {
            None => assert_eq!(
                outcome,
                Ok(HandIn::Returned {
                    work: text("v1"),
                    at: at(100),
                    returned
                }),
                "case {i}"
            ),
            Some(expected) => assert_eq!(outcome, Err(expected), "case {i}"),
        }
    }
    // A corrected mark replaces the return; the work and its time stay.
    let first = sent
        .give_back(back(200, None, Some("12")))
        .expect("returned");
    let corrected = first
        .give_back(back(300, None, Some("13")))
        .expect("corrected");
    assert_eq!(corrected.handed_in_at(), Some(at(100)));
    let HandIn::Returned { returned, .. } = corrected else {
        panic!("still returned");
    };
    assert_eq!(returned.mark.map(Mark::hundredths), Some(1300));
}

#[test]
fn a_hand_in_travels_as_json() {
    let state = HandIn::Returned {
        work: Work::new(Some("Testu".into()), vec![handed(1, 3)]).expect("valid"),
        at: Timestamp::from_unix(100),
        returned: Return {
            at: Timestamp::from_unix(200),
            comment: None,
            mark: Some(Mark::parse("15,5", OutOf::TWENTY).expect("a mark")),
            annotated: Work::default(),
        },
    };
    let json = serde_json::to_string(&state).expect("json");
    assert!(json.starts_with(r#"{"state":"returned","#), "{json}");
    assert_eq!(serde_json::from_str::<HandIn>(&json).ok(), Some(state));
    let too_many_files = format!(
        r#"{{"state":"draft","work":{{"files":[{}]}}}}"#,
        (0..=10)
            .map(|n| serde_json::to_string(&handed(n, 1)).expect("json"))
            .collect::<Vec<_>>()
            .join(",")
    );
    assert!(serde_json::from_str::<HandIn>(&too_many_files).is_err());
}
