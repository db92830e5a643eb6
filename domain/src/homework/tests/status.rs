use super::hand_in::text;
use super::*;
use crate::coded::Coded;
use crate::ids::AccountId;
use crate::time::Timestamp;

fn returned(at: Timestamp) -> HandIn {
    HandIn::Returned {
        work: text("v1"),
        at,
        returned: Return {
            at,
            comment: None,
            mark: None,
            annotated: Work::default(),
        },
    }
}

#[test]
fn a_pupils_list_shows_one_state_per_homework() {
    use PupilStatus::*;
    let online = homework("2026-11-27", None, HandInPolicy::Online { resubmit: false });
    let paper = homework("2026-11-27", None, HandInPolicy::None);
    let deadline = online.deadline();
    let (before, after) = (deadline.plus_seconds(-1), deadline.plus_seconds(1));
    let draft = HandIn::draft(text("brouillon"));
    let on_time = HandIn::HandedIn {
        work: text("v1"),
        at: deadline,
    };
    let late = HandIn::HandedIn {
        work: text("v1"),
        at: after,
    };
    let back = returned(after);
    type Case<'a> = (
        &'a Homework,
        Option<&'a HandIn>,
        bool,
        Timestamp,
        PupilStatus,
    );
    let cases: [Case; 16] = [
        (&paper, None, false, before, ToDo),
        (&paper, None, true, before, Done),
        // Paper homework is never overdue: Scola cannot know.
        (&paper, None, false, after, ToDo),
        (&paper, None, true, after, Done),
        (&online, None, false, before, ToDo),
        (&online, None, true, before, Done),
        (&online, Some(&draft), false, before, ToDo),
        (&online, Some(&draft), true, before, Done),
        (&online, None, false, deadline, ToDo),
        (&online, None, false, after, Overdue),
        // Ticking done hands nothing in.
        (&online, None, true, after, Overdue),
        (&online, Some(&draft), true, after, Overdue),
        (&online, Some(&on_time), false, after, HandedIn),
        (&online, Some(&late), true, after, HandedInLate),
        (&online, Some(&back), false, after, Returned),
        (&online, Some(&back), true, before, Returned),
    ];
    for (i, (homework, hand_in, done, now, expected)) in cases.into_iter().enumerate() {
        assert_eq!(
            pupil_status(homework, hand_in, done, now),
            expected,
            "case {i}"
        );
    }
}

#[test]
fn statuses_have_stable_codes() {
    let codes: Vec<&str> = PupilStatus::VALUES.iter().map(|s| s.code()).collect();
    assert_eq!(
        codes.join(" "),
        "to_do done handed_in handed_in_late returned overdue"
    );
    for status in PupilStatus::ALL {
        assert_eq!(status.code().parse::<PupilStatus>().ok(), Some(status));
    }
}

#[test]
fn a_teacher_counts_each_pupil_of_the_group_once() {
    let deadline = Timestamp::from_unix(1_000);
    let pupil = AccountId::new;
    let hand_ins = vec![
        (
            pupil(1),
            HandIn::HandedIn {
                work: text("a"),
                at: deadline,
            },
        ),
        (
            pupil(2),
            HandIn::HandedIn {
                work: text("b"),
                at: deadline.plus_seconds(1),
            },
        ),
        (pupil(3), returned(deadline.plus_seconds(5))),
        (pupil(4), HandIn::draft(text("d"))),
        // Left the group: not counted.
        (
            pupil(9),
            HandIn::HandedIn {
                work: text("z"),
                at: deadline,
            },
        ),
    ];
    type Case = (Vec<i64>, Summary);
    let cases: [Case; 4] = [
        (
            vec![1, 2, 3, 4, 5],
            Summary {
                on_time: 1,
                late: 1,
                missing: 2,
                returned: 1,
            },
        ),
        (
            vec![1, 1, 5],
            Summary {
                on_time: 1,
                late: 0,
                missing: 1,
                returned: 0,
            },
        ),
        (vec![], Summary::default()),
        (
            vec![4, 5, 6],
            Summary {
                on_time: 0,
                late: 0,
                missing: 3,
                returned: 0,
            },
        ),
    ];
    for (pupils, expected) in cases {
        let pupils: Vec<AccountId> = pupils.into_iter().map(pupil).collect();
        let summary = Summary::of(&pupils, &hand_ins, deadline);
        assert_eq!(summary, expected, "{pupils:?}");
        let distinct: std::collections::BTreeSet<_> = pupils.iter().collect();
        assert_eq!(summary.pupils(), distinct.len());
    }
}
