//! The cahier de textes and homework through the server functions: a teacher writes what was
//! done and sets homework, pupils and parents read it, a pupil hands work in with a file, the
//! teacher gives it back with a comment and a mark; and the refusals: another class, another
//! family, staff writing, a file not one's own, a hand-in twice when once is allowed, forty
//! saves at once.

use crate::support::{Session, TestServer};
use crate::timetable::{week, week_a};
use app::api::area_error::AreaError;
use app::api::files::UploadAbout;
use app::api::homework::lesson::{Lesson, RemoveHomework, SaveEntry, SaveHomework};
use app::api::homework::lists::{GroupDays, PupilDays};
use app::api::homework::review::{GiveBack, Review};
use app::api::homework::work::{HandIn as HandInCall, SaveDraft, Tick, Work};
use app::api::homework::{Day, HomeworkError, HomeworkInput, HomeworkProblem};
use app::api::timetable::Whom;
use app::error::AppError;
use domain::file::FileUse;
use domain::homework::Occurrence;
use domain::homework::{HandIn, HandInError, HandInPolicy, Mark, OutOf, PupilStatus};
use domain::ids::HomeworkId;
use domain::timetable::{Date, day};
use futures::future::join_all;
use http::StatusCode;

/// A small PDF: what `infer` knows a PDF by, and a body.
const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// maria.santoni's Monday maths lesson of 5e A in week A.
async fn monday_maths(s: &TestServer, teacher: &Session) -> domain::timetable::Occurrence {
    let maria = s.account_id("maria.santoni").await;
    let lessons = week(s, teacher, Whom::Teacher(maria), week_a())
        .await
        .lessons;
    let first = lessons
        .iter()
        .find(|l| l.group == "5e A" && l.occurrence.when.date() == week_a())
        .expect("5e A's Monday maths");
    first.occurrence.clone()
}

/// A day a week from today (in the school year), for work due in the future.
fn next_week() -> Date {
    let today = domain::locale::local(server::system_clock()).date();
    let year = domain::school_calendar::SchoolYear::at(server::system_clock());
    day::plus(today, 7).min(day::last_of(year))
}

fn input(what: &str, due: Date, hand_in: HandInPolicy) -> HomeworkInput {
    HomeworkInput {
        what: what.to_owned(),
        due: Day(due),
        due_time: None,
        minutes: None,
        hand_in,
        attachments: vec![],
    }
}

fn app_error(e: HomeworkError) -> AppError {
    match e {
        AreaError::App(e) => e,
        other => panic!("expected an AppError, got {other:?}"),
    }
}

fn problem(e: HomeworkError) -> HomeworkProblem {
    match e {
        AreaError::Area(p) => p,
        other => panic!("expected a homework problem, got {other:?}"),
    }
}

#[tokio::test]
async fn a_teacher_writes_the_cahier_and_pupils_and_parents_read_it_by_day() {
    let s = TestServer::start().await;
    let teacher = s.session_for("maria.santoni").await;
    let occurrence = monday_maths(&s, &teacher).await;
    let source = occurrence.source;

    let page = s.call(&teacher, Lesson { occurrence: source }).await.ok();
    assert!(page.may_write);
    assert_eq!(page.lesson.group, "5e A");
    assert_eq!(page.lesson.subject, "Mathématiques");
    // The next maths lesson of 5e A: Tuesday of week A at 14:00.
    let due = page.default_due.expect("a next lesson");
    assert_eq!(due.due.0, day::plus(week_a(), 1));
    assert_eq!((due.due_time.hour(), due.due_time.minute()), (14, 0));

    let first = s
        .call(
            &teacher,
            SaveEntry {
                occurrence: source,
                text: "Les **fractions**.".into(),
                attachments: vec![],
            },
        )
        .await
        .ok();
    assert_eq!(first.saves, 1);
    // Saved again as it is (a second click): no new version, no error.
    let again = s
        .call(
            &teacher,
            SaveEntry {
                occurrence: source,
                text: "Les **fractions**.".into(),
                attachments: vec![],
            },
        )
        .await
        .ok();
    assert_eq!((again.id, again.saves), (first.id, 1));
    let edited = s
        .call(
            &teacher,
            SaveEntry {
                occurrence: source,
                text: "Les **fractions** : addition.".into(),
                attachments: vec![],
            },
        )
        .await
        .ok();
    assert_eq!((edited.id, edited.saves), (first.id, 2));
    let id = s
        .call(
            &teacher,
            SaveHomework {
                occurrence: source,
                id: None,
                input: input("Exercice 3 p. 12", due.due.0, HandInPolicy::None),
            },
        )
        .await
        .ok();

    let lisandru = s.account_id("lisandru.pieri").await;
    let pupil = s.session_for("lisandru.pieri").await;
    let parent = s.session_for("ghjuvanni.pieri").await;
    let (monday, saturday) = (Day(week_a()), Day(day::plus(week_a(), 5)));
    let days = |who: Session| {
        let s = &s;
        async move {
            s.call(
                &who,
                PupilDays {
                    pupil: lisandru,
                    from: monday,
                    until: saturday,
                },
            )
            .await
        }
    };
    let seen = days(pupil.clone()).await.ok();
    let entry = seen
        .entries
        .iter()
        .find(|e| e.id == first.id)
        .expect("the entry");
    assert_eq!(entry.text, "Les **fractions** : addition.");
    assert_eq!(entry.author, "Maria Santoni");
    let due_here = seen
        .homework
        .iter()
        .find(|h| h.homework.id == id)
        .expect("the homework");
    // Done on paper and its day past: still "to do" as the pupil says, never overdue.
    assert_eq!(due_here.status, Some(PupilStatus::ToDo));
    assert_eq!(days(parent.clone()).await.ok(), seen);
    // The classmate's mother, the other class, a teacher: not Lisandru's list.
    for who in ["catalina.rossi", "anna.colonna", "maria.santoni"] {
        let other = s.session_for(who).await;
        assert_eq!(
            app_error(days(other).await.err()),
            AppError::Forbidden,
            "{who}"
        );
    }
    // The vie scolaire reads it.
    let staff = s.session_for("paola.leca").await;
    assert_eq!(
        days(staff.clone()).await.ok().entries.len(),
        seen.entries.len()
    );

    // The class's cahier: its pupils, the parent of one, its teacher, staff; not 5e B.
    let cinq_a = s.group_id("5e A").await;
    let class = |who: Session| {
        let s = &s;
        async move {
            s.call(
                &who,
                GroupDays {
                    group: cinq_a,
                    from: monday,
                    until: saturday,
                },
            )
            .await
        }
    };
    for who in [
        "matteu.rossi",
        "catalina.rossi",
        "maria.santoni",
        "paola.leca",
    ] {
        let reader = s.session_for(who).await;
        let read = class(reader).await.ok();
        assert!(read.entries.iter().any(|e| e.id == first.id), "{who}");
        assert!(read.homework.iter().all(|h| h.status.is_none()), "{who}");
    }
    let anna = s.session_for("anna.colonna").await;
    assert_eq!(
        app_error(class(anna.clone()).await.err()),
        AppError::Forbidden
    );
    assert_eq!(
        app_error(s.call(&anna, Lesson { occurrence: source }).await.err()),
        AppError::Forbidden
    );
    // A classmate reads the lesson's page and may not write it.
    let matteu = s.session_for("matteu.rossi").await;
    let page = s.call(&matteu, Lesson { occurrence: source }).await.ok();
    assert!(!page.may_write && page.default_due.is_none());
    assert_eq!(page.entry.map(|e| e.id), Some(first.id));
    // Nobody but the lesson's teacher writes in it.
    for who in [&staff, &pupil, &parent] {
        let refused = s
            .call(
                who,
                SaveEntry {
                    occurrence: source,
                    text: "Rien".into(),
                    attachments: vec![],
                },
            )
            .await
            .err();
        assert_eq!(app_error(refused), AppError::Forbidden);
    }
    // An occurrence that does not exist (a Monday lesson on a Sunday) is refused like another's.
    let Occurrence::Weekly { lesson, .. } = source else {
        panic!("a weekly lesson")
    };
    let sunday = Occurrence::Weekly {
        lesson,
        date: day::plus(week_a(), 6),
    };
    assert_eq!(
        app_error(s.call(&teacher, Lesson { occurrence: sunday }).await.err()),
        AppError::Forbidden
    );
    // More days than one call reads.
    let far = s
        .call(
            &pupil,
            PupilDays {
                pupil: lisandru,
                from: monday,
                until: Day(day::plus(week_a(), 200)),
            },
        )
        .await
        .err();
    assert!(matches!(problem(far), HomeworkProblem::DaysAsked { .. }));

    // Removed, it leaves the lists; brought back, it is there again.
    s.call(&teacher, RemoveHomework { id, removed: true })
        .await
        .ok();
    assert!(
        !days(pupil.clone())
            .await
            .ok()
            .homework
            .iter()
            .any(|h| h.homework.id == id)
    );
    s.call(&teacher, RemoveHomework { id, removed: false })
        .await
        .ok();
    assert!(
        days(pupil)
            .await
            .ok()
            .homework
            .iter()
            .any(|h| h.homework.id == id)
    );
}

/// Sets an online homework from the Monday maths lesson, due next week.
async fn online_homework(s: &TestServer, teacher: &Session, resubmit: bool) -> HomeworkId {
    let source = monday_maths(s, teacher).await.source;
    s.call(
        teacher,
        SaveHomework {
            occurrence: source,
            id: None,
            input: input(
                "Rendre l'exercice 4",
                next_week(),
                HandInPolicy::Online { resubmit },
            ),
        },
    )
    .await
    .ok()
}

async fn upload_pdf(s: &TestServer, who: &Session, bytes: &[u8]) -> domain::file::FileId {
    let school = s.school_id("7200001N").await;
    s.upload(
        who,
        &UploadAbout {
            school,
            usage: FileUse::HandIn,
            name: Some("copie.pdf".into()),
            attempt: None,
        },
        bytes.to_vec(),
    )
    .await
    .ok()
    .id
}

#[tokio::test]
async fn a_pupil_hands_in_a_file_and_the_teacher_gives_it_back_with_a_mark() {
    let s = TestServer::start().await;
    let teacher = s.session_for("maria.santoni").await;
    let homework = online_homework(&s, &teacher, false).await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let pupil = s.session_for("lisandru.pieri").await;
    let file = upload_pdf(&s, &pupil, PDF).await;

    // The draft: the pupil's only.
    s.call(
        &pupil,
        SaveDraft {
            homework,
            text: Some("Mon brouillon".into()),
            files: vec![file.clone()],
        },
    )
    .await
    .ok();
    let mine = s
        .call(
            &pupil,
            Work {
                homework,
                pupil: lisandru,
            },
        )
        .await
        .ok();
    assert!(matches!(mine.hand_in, Some(HandIn::Draft { .. })));
    assert!(mine.may_hand_in);
    let review = s.call(&teacher, Review { homework }).await.ok();
    assert_eq!(review.summary.missing, review.summary.pupils());
    assert!(review.lines.iter().all(|l| l.hand_in.is_none()));
    let path = format!("/files/{file}");
    assert_eq!(s.get_bytes(&teacher, &path).await.0, StatusCode::FORBIDDEN);

    // Handed in: the teacher, the pupil and his father read the file; a classmate and his
    // mother do not.
    s.call(
        &pupil,
        HandInCall {
            homework,
            text: Some("Ma copie".into()),
            files: vec![file.clone()],
        },
    )
    .await
    .ok();
    let review = s.call(&teacher, Review { homework }).await.ok();
    assert_eq!(review.summary.on_time, 1);
    assert_eq!(review.summary.missing, review.summary.pupils() - 1);
    let line = review
        .lines
        .iter()
        .find(|l| l.pupil == lisandru)
        .expect("Lisandru's line");
    assert!(!line.late);
    for (who, status) in [
        ("maria.santoni", StatusCode::OK),
        ("lisandru.pieri", StatusCode::OK),
        ("ghjuvanni.pieri", StatusCode::OK),
        ("matteu.rossi", StatusCode::FORBIDDEN),
        ("catalina.rossi", StatusCode::FORBIDDEN),
        ("paola.leca", StatusCode::FORBIDDEN),
    ] {
        let session = s.session_for(who).await;
        assert_eq!(s.get_bytes(&session, &path).await.0, status, "{who}");
    }
    // Once only: a second hand-in is refused, the first kept.
    let again = s
        .call(
            &pupil,
            HandInCall {
                homework,
                text: Some("Autre copie".into()),
                files: vec![],
            },
        )
        .await
        .err();
    assert_eq!(
        problem(again),
        HomeworkProblem::HandInRefused(HandInError::NoResubmission)
    );

    // Given back with a comment and 15,5/20; the pupil and his father see both.
    let mark = Mark::from_hundredths(1550, OutOf::TWENTY).expect("a mark");
    s.call(
        &teacher,
        GiveBack {
            homework,
            pupil: lisandru,
            comment: Some("Bien, attention aux signes.".into()),
            mark: Some(mark),
            annotated: vec![],
        },
    )
    .await
    .ok();
    let parent = s.session_for("ghjuvanni.pieri").await;
    for who in [&pupil, &parent] {
        let seen = s
            .call(
                who,
                Work {
                    homework,
                    pupil: lisandru,
                },
            )
            .await
            .ok();
        assert_eq!(seen.status, PupilStatus::Returned);
        let Some(HandIn::Returned { work, returned, .. }) = seen.hand_in else {
            panic!("returned: {:?}", seen.hand_in)
        };
        assert_eq!(work.text(), Some("Ma copie"));
        assert_eq!(returned.mark, Some(mark));
        assert_eq!(
            returned.comment.as_deref(),
            Some("Bien, attention aux signes.")
        );
    }
    // A classmate's work is not his to read, nor to hand in for.
    let matteu = s.session_for("matteu.rossi").await;
    let refused = s
        .call(
            &matteu,
            Work {
                homework,
                pupil: lisandru,
            },
        )
        .await
        .err();
    assert_eq!(app_error(refused), AppError::Forbidden);
    // A file that is not his own is refused, nothing written.
    let matteus = upload_pdf(&s, &matteu, PDF).await;
    let refused = s
        .call(
            &pupil,
            SaveDraft {
                homework,
                text: None,
                files: vec![matteus],
            },
        )
        .await
        .err();
    assert_eq!(problem(refused), HomeworkProblem::FileNotYours);
    // Ticked done on his own list.
    s.call(
        &pupil,
        Tick {
            homework,
            done: true,
        },
    )
    .await
    .ok();
    let seen = s
        .call(
            &pupil,
            Work {
                homework,
                pupil: lisandru,
            },
        )
        .await
        .ok();
    assert!(seen.done);
}

#[tokio::test]
async fn a_hand_in_is_checked_by_content_and_size() {
    let s = TestServer::start_configured(|c| c.file_limits.resource = 1024).await;
    let pupil = s.session_for("lisandru.pieri").await;
    let school = s.school_id("7200001N").await;
    let about = UploadAbout {
        school,
        usage: FileUse::HandIn,
        name: Some("copie.pdf".into()),
        attempt: None,
    };
    // A text file named .pdf.
    let text = s
        .upload(&pupil, &about, b"not a pdf at all, just text".to_vec())
        .await
        .err();
    assert!(
        matches!(
            text,
            AreaError::Area(domain::file::FileProblem::NotAccepted { .. })
        ),
        "{text:?}"
    );
    // Over the limit.
    let mut big = PDF.to_vec();
    big.resize(4096, b' ');
    let over = s.upload(&pupil, &about, big).await.err();
    assert!(
        matches!(
            over,
            AreaError::Area(domain::file::FileProblem::TooBig { .. })
        ),
        "{over:?}"
    );
    assert_eq!(
        s.count("SELECT COUNT(*) FROM files WHERE purpose = 'hand_in'")
            .await,
        0,
        "nothing half-stored"
    );
    // A teacher does not upload hand-ins.
    let teacher = s.session_for("maria.santoni").await;
    let refused = s.upload(&teacher, &about, PDF.to_vec()).await.err();
    assert!(
        matches!(refused, AreaError::App(AppError::Forbidden)),
        "{refused:?}"
    );
}

#[tokio::test]
async fn forty_hand_ins_at_once_count_once_and_forty_saves_keep_one_entry() {
    let s = TestServer::start().await;
    let teacher = s.session_for("maria.santoni").await;
    let homework = online_homework(&s, &teacher, false).await;
    let pupil = s.session_for("lisandru.pieri").await;
    let answers = join_all((0..40).map(|n| {
        s.call(
            &pupil,
            HandInCall {
                homework,
                text: Some(format!("Copie {n}")),
                files: vec![],
            },
        )
    }))
    .await;
    let taken = answers.iter().filter(|a| a.status.is_success()).count();
    assert_eq!(taken, 1);
    assert_eq!(
        s.count("SELECT COUNT(*) FROM hand_ins").await,
        1,
        "one hand-in stored"
    );

    let source = monday_maths(&s, &teacher).await.source;
    let saves = join_all((0..40).map(|n| {
        s.call(
            &teacher,
            SaveEntry {
                occurrence: source,
                text: format!("Version {n}"),
                attachments: vec![],
            },
        )
    }))
    .await;
    let failed: Vec<String> = saves
        .iter()
        .filter_map(|a| a.result.as_ref().err().map(|e| format!("{e:?}")))
        .collect();
    assert!(failed.is_empty(), "{failed:?}");
    assert_eq!(
        s.count("SELECT COUNT(*) FROM log_entries WHERE body LIKE '%Version%'")
            .await,
        1,
        "one entry for the lesson"
    );
    // Every save is a version: none lost (the demo may have written it first).
    assert!(
        s.count("SELECT MAX(version) FROM log_entries WHERE body LIKE '%Version%'")
            .await
            >= 40
    );
}

#[tokio::test]
async fn my_week_is_one_call_with_lessons_cahier_homework_and_hand_ins_waiting() {
    use app::api::homework::week::MyWeek;
    let s = TestServer::start().await;
    let teacher = s.session_for("maria.santoni").await;
    let maria = s.account_id("maria.santoni").await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let source = monday_maths(&s, &teacher).await.source;
    let written = s
        .call(
            &teacher,
            SaveEntry {
                occurrence: source,
                text: "Géométrie".into(),
                attachments: vec![],
            },
        )
        .await
        .ok();
    let due_monday = s
        .call(
            &teacher,
            SaveHomework {
                occurrence: source,
                id: None,
                input: input("Figure 2", day::plus(week_a(), 4), HandInPolicy::None),
            },
        )
        .await
        .ok();
    let pupil = s.session_for("lisandru.pieri").await;
    let mine = s
        .call(
            &pupil,
            MyWeek {
                whom: Whom::Pupil(lisandru),
                day: Day(week_a()),
            },
        )
        .await
        .ok();
    assert_eq!(mine.week.monday, week_a());
    assert!(!mine.week.lessons.is_empty());
    assert!(mine.entries.iter().any(|e| e.id == written.id));
    assert!(mine.homework.iter().any(|h| h.homework.id == due_monday));
    assert!(mine.waiting.is_empty());
    let parent = s.session_for("ghjuvanni.pieri").await;
    let theirs = s
        .call(
            &parent,
            MyWeek {
                whom: Whom::Pupil(lisandru),
                day: Day(week_a()),
            },
        )
        .await
        .ok();
    assert_eq!(theirs, mine);

    // The teacher: her lessons, the entry written, and a hand-in waiting.
    let online = online_homework(&s, &teacher, true).await;
    s.call(
        &pupil,
        HandInCall {
            homework: online,
            text: Some("Fait".into()),
            files: vec![],
        },
    )
    .await
    .ok();
    let hers = s
        .call(
            &teacher,
            MyWeek {
                whom: Whom::Teacher(maria),
                day: Day(week_a()),
            },
        )
        .await
        .ok();
    assert!(hers.entries.iter().any(|e| e.id == written.id));
    let waiting = hers
        .waiting
        .iter()
        .find(|w| w.homework.id == online)
        .expect("the hand-in waiting");
    assert_eq!(waiting.handed_in, 1);
    // Another pupil's week, and a group's: refused.
    let matteu = s.session_for("matteu.rossi").await;
    let refused = s
        .call(
            &matteu,
            MyWeek {
                whom: Whom::Pupil(lisandru),
                day: Day(week_a()),
            },
        )
        .await
        .err();
    assert_eq!(app_error(refused), AppError::Forbidden);
    let group = s.group_id("5e A").await;
    let refused = s
        .call(
            &teacher,
            MyWeek {
                whom: Whom::Group(group),
                day: Day(week_a()),
            },
        )
        .await
        .err();
    assert_eq!(app_error(refused), AppError::Forbidden);
}
