//! Timetables through the server functions: the demo's weeks (a pupil's, a parent's, a
//! teacher's in two schools, read by staff of one school), lessons saved with their clash check,
//! and attacks: the same save forty times at once, ids of another school, a withdrawn parent.
//! Changes of one date are in `timetable_changes.rs`, what staff set up in
//! `timetable_setup.rs`.

use crate::support::{Session, TestServer};
use app::api::area_error::AreaError;
use app::api::timetable::calendar::ReadCalendar;
use app::api::timetable::lessons::{DeleteLesson, Lessons, SaveLesson};
use app::api::timetable::week::WeekOf;
use app::api::timetable::{Day, LessonsOf, TimetableError, TimetableProblem, Week, Whom};
use app::error::AppError;
use domain::ids::{GroupId, LessonId, SchoolId, SubjectId};
use domain::school_calendar::SchoolYear;
use domain::timetable::{
    Alternation, ClockTime, Conflict, Date, LessonSpec, SchoolDays, SchoolWeekday, Slot, Status,
    Teachers, day,
};
use futures::future::join_all;

pub(crate) fn year() -> SchoolYear {
    SchoolYear::at(server::system_clock())
}

/// The third week of September: week A of the demo, a school week whatever the year.
pub(crate) fn week_a() -> Date {
    let first = Date::new(i16::try_from(year().first()).expect("a year"), 9, 1).expect("a date");
    day::plus(day::monday(first), 14)
}

pub(crate) fn at(hour: u8, minute: u8) -> ClockTime {
    ClockTime::new(hour, minute).expect("a time")
}

pub(crate) async fn week(s: &TestServer, session: &Session, whom: Whom, date: Date) -> Week {
    s.call(
        session,
        WeekOf {
            whom,
            day: Day(date),
        },
    )
    .await
    .ok()
}

async fn week_refused(s: &TestServer, session: &Session, whom: Whom) -> AppError {
    match s
        .call(
            session,
            WeekOf {
                whom,
                day: Day(week_a()),
            },
        )
        .await
        .err()
    {
        AreaError::App(e) => e,
        other => panic!("expected an AppError, got {other:?}"),
    }
}

fn subjects(week: &Week) -> Vec<(String, String)> {
    week.lessons
        .iter()
        .map(|l| (l.subject.clone(), l.group.clone()))
        .collect()
}

#[tokio::test]
async fn the_demo_week_shows_each_persons_lessons_weeks_a_and_b_and_no_more() {
    let s = TestServer::start().await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let maria = s.account_id("maria.santoni").await;
    let pupil = s.session_for("lisandru.pieri").await;
    let parent = s.session_for("ghjuvanni.pieri").await;
    let a = week(&s, &pupil, Whom::Pupil(lisandru), week_a()).await;
    assert_eq!(a.monday, week_a());
    // 5e A's maths (three, one of them in week A only) and the Corsican group's two.
    assert_eq!(a.lessons.len(), 5, "{:?}", subjects(&a));
    assert!(
        a.lessons
            .iter()
            .all(|l| l.occurrence.status == Status::Normal)
    );
    let monday = &a.lessons[0];
    assert_eq!(
        (monday.subject.as_str(), monday.group.as_str()),
        ("Mathématiques", "5e A")
    );
    assert_eq!(monday.room.as_deref(), Some("Salle 101"));
    assert_eq!(monday.teachers, vec!["Maria Santoni".to_owned()]);
    let b = week(&s, &pupil, Whom::Pupil(lisandru), day::plus(week_a(), 9)).await;
    assert_eq!(b.monday, day::plus(week_a(), 7));
    assert_eq!(b.lessons.len(), 4, "week B has no Tuesday maths for 5e A");
    // The parent sees the same week as the child.
    assert_eq!(week(&s, &parent, Whom::Pupil(lisandru), week_a()).await, a);
    // This week, unless it is a holiday, Friday's maths lesson is cancelled.
    let today = domain::locale::local(server::system_clock()).date();
    let friday = day::plus(day::monday(today), 4);
    let now = week(&s, &parent, Whom::Pupil(lisandru), today).await;
    let staff = s.session_for("paola.leca").await;
    let school = s.school_id("7200001N").await;
    let calendar = s.call(&staff, ReadCalendar { school }).await.ok();
    let days = SchoolDays::new(year(), calendar.holidays).expect("the demo's holidays");
    if days.is_school_day(friday) {
        let cancelled: Vec<_> = now
            .lessons
            .iter()
            .filter(|l| l.occurrence.status == Status::Cancelled)
            .map(|l| l.occurrence.when.date())
            .collect();
        assert_eq!(cancelled, vec![friday]);
    }

    // The teacher, in two schools, sees both; staff of one school see that school's only.
    let teacher = s.session_for("maria.santoni").await;
    let hers = week(&s, &teacher, Whom::Teacher(maria), week_a()).await;
    assert_eq!(hers.lessons.len(), 7, "{:?}", subjects(&hers));
    assert!(hers.lessons.iter().any(|l| l.group == "2nde 1"));
    let seen = week(&s, &staff, Whom::Teacher(maria), week_a()).await;
    assert_eq!(seen.lessons.len(), 6);
    assert!(seen.lessons.iter().all(|l| l.group != "2nde 1"));
    let lycee_admin = s.session_for("catalina.rossi").await;
    let seen = week(&s, &lycee_admin, Whom::Teacher(maria), week_a()).await;
    assert_eq!(
        subjects(&seen),
        vec![("Mathématiques".into(), "2nde 1".into())]
    );
    // A group's and a room's week, for staff.
    let cinq_b = s.group_id("5e B").await;
    let group = week(&s, &staff, Whom::Group(cinq_b), week_a()).await;
    assert_eq!(group.lessons.len(), 1, "Tuesday's, week B's apart");
    let room = group.lessons[0].occurrence.room.expect("a room");
    let in_room = week(&s, &staff, Whom::Room(room), week_a()).await;
    assert_eq!(in_room.lessons.len(), 4, "{:?}", subjects(&in_room));

    // Refused: a teacher reading a pupil's, a group's or a colleague's week; staff of the other
    // school a room of this one; a parent whose role was withdrawn.
    assert_eq!(
        week_refused(&s, &teacher, Whom::Pupil(lisandru)).await,
        AppError::Forbidden
    );
    assert_eq!(
        week_refused(&s, &teacher, Whom::Group(cinq_b)).await,
        AppError::Forbidden
    );
    let paola = s.account_id("paola.leca").await;
    assert_eq!(
        week_refused(&s, &teacher, Whom::Teacher(paola)).await,
        AppError::Forbidden
    );
    assert_eq!(
        week_refused(&s, &lycee_admin, Whom::Room(room)).await,
        AppError::Forbidden
    );
    sqlx::query(
        "DELETE FROM roles WHERE profile = 'parent' AND account_id = $1 AND school_id = \
         (SELECT id FROM schools WHERE uai = '7200001N')",
    )
    .bind(s.account_id("ghjuvanni.pieri").await.get())
    .execute(s.app.db.writer())
    .await
    .expect("role withdrawn");
    assert_eq!(
        week_refused(&s, &parent, Whom::Pupil(lisandru)).await,
        AppError::Forbidden
    );
}

pub(crate) struct Setup {
    pub s: TestServer,
    pub staff: Session,
    pub school: SchoolId,
    pub maths: SubjectId,
    pub cinq_a: GroupId,
}

pub(crate) async fn setup() -> Setup {
    let s = TestServer::start().await;
    let staff = s.session_for("paola.leca").await;
    let school = s.school_id("7200001N").await;
    let maths = SubjectId::new(
        s.scalar(
            "SELECT id FROM subjects WHERE code = 'MATHS' AND school_id = \
             (SELECT id FROM schools WHERE uai = $1)",
            "7200001N",
        )
        .await,
    );
    let cinq_a = s.group_id("5e A").await;
    Setup {
        s,
        staff,
        school,
        maths,
        cinq_a,
    }
}

impl Setup {
    pub(crate) async fn spec(
        &self,
        weekday: SchoolWeekday,
        start: ClockTime,
        end: ClockTime,
    ) -> LessonSpec {
        LessonSpec {
            subject: self.maths,
            teachers: Teachers::one(self.s.account_id("maria.santoni").await),
            group: self.cinq_a,
            room: None,
            slot: Slot::new(weekday, start, end).expect("a slot"),
            alternation: Alternation::Every,
            from: day::first_of(year()),
            until: day::last_of(year()),
        }
    }

    pub(crate) async fn save(
        &self,
        spec: LessonSpec,
        confirmed: bool,
    ) -> Result<LessonId, TimetableError> {
        self.s
            .call(
                &self.staff,
                SaveLesson {
                    school: self.school,
                    id: None,
                    spec,
                    confirmed,
                },
            )
            .await
            .result
    }
}

#[tokio::test]
async fn a_clash_is_saved_only_once_confirmed_and_the_same_lesson_never_twice() {
    let t = setup().await;
    // Monday 08:30 for 5e A with maria: she, the class and its pupils are in maths already.
    let spec = t.spec(SchoolWeekday::Monday, at(8, 30), at(9, 30)).await;
    let Err(AreaError::Area(TimetableProblem::LessonClashes(clashes))) =
        t.save(spec.clone(), false).await
    else {
        panic!("clashes expected");
    };
    assert!(clashes.len() >= 2, "{clashes:?}");
    let id = t
        .save(spec.clone(), true)
        .await
        .expect("saved once confirmed");
    // Wednesday 09:00 in the collège: maria teaches at the lycée then; her other school counts.
    let wednesday = t.spec(SchoolWeekday::Wednesday, at(9, 0), at(10, 0)).await;
    let Err(AreaError::Area(TimetableProblem::LessonClashes(clashes))) =
        t.save(wednesday, false).await
    else {
        panic!("a clash with the lycée expected");
    };
    let maria = t.s.account_id("maria.santoni").await;
    assert_eq!(
        clashes.iter().map(|c| c.conflict).collect::<Vec<_>>(),
        vec![Conflict::Teacher(maria)]
    );
    let listed =
        t.s.call(
            &t.staff,
            Lessons {
                school: t.school,
                of: LessonsOf::Group(t.cinq_a),
            },
        )
        .await
        .ok();
    assert!(listed.iter().any(|l| l.id == id));

    // Forty saves of one new lesson at once: one lesson.
    let spec = t.spec(SchoolWeekday::Saturday, at(8, 0), at(9, 0)).await;
    let saves = join_all((0..40).map(|_| t.save(spec.clone(), true))).await;
    let saved = saves.iter().filter(|r| r.is_ok()).count();
    assert_eq!(saved, 1, "{saves:?}");
    assert!(saves.iter().all(|r| matches!(
        r,
        Ok(_)
            | Err(AreaError::Area(
                TimetableProblem::LessonTwice | TimetableProblem::LessonClashes(_)
            ))
    )));
    assert_eq!(
        t.s.count("SELECT COUNT(*) FROM lessons WHERE weekday = 'sat'")
            .await,
        1
    );

    // Ids of another school: its class, its subject, a teacher who does not teach here.
    let seconde = t.s.group_id("2nde 1").await;
    let foreign = [
        LessonSpec {
            group: seconde,
            ..spec.clone()
        },
        LessonSpec {
            teachers: Teachers::one(t.s.account_id("paola.leca").await),
            ..spec.clone()
        },
        LessonSpec {
            subject: SubjectId::new(
                t.s.scalar(
                    "SELECT id FROM subjects WHERE school_id = \
                     (SELECT id FROM schools WHERE uai = $1)",
                    "6200001G",
                )
                .await,
            ),
            ..spec.clone()
        },
    ];
    for spec in foreign {
        assert_eq!(
            t.save(spec, true).await,
            Err(AreaError::App(AppError::Forbidden))
        );
    }
    // A lesson of the lycée deleted through the collège.
    let lycee_lesson = LessonId::new(
        t.s.scalar(
            "SELECT MIN(l.id) FROM lessons l JOIN school_groups g ON g.id = l.group_id \
             WHERE g.name = $1",
            "2nde 1",
        )
        .await,
    );
    let refused =
        t.s.call(
            &t.staff,
            DeleteLesson {
                school: t.school,
                id: lycee_lesson,
            },
        )
        .await
        .err();
    assert_eq!(refused, AreaError::App(AppError::Forbidden));
    // A teacher does not edit the timetable.
    let teacher = t.s.session_for("maria.santoni").await;
    let refused =
        t.s.call(
            &teacher,
            SaveLesson {
                school: t.school,
                id: None,
                spec,
                confirmed: true,
            },
        )
        .await
        .err();
    assert_eq!(refused, AreaError::App(AppError::Forbidden));
}
