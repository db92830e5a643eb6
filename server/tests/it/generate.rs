//! The region generator on the suite's backend: what it writes is a working ENT (people sign in
//! and see their own class, children, classes taught; pupils have exercises to do and done,
//! scored as the server scores them), it never writes a region twice, and what it gives is the
//! same for the same seed.

use crate::support::{Session, TestServer, login};
use app::api::exercises::doing::HandIn;
use app::api::home::LoadHome;
use app::api::timetable::week::WeekOf;
use app::api::timetable::{Day, Whom};
use app::ports::Exercises;
use app::ports::Timetables;
use domain::exercise::{Response, score};
use domain::ids::AttemptId;
use domain::ids::{AccountId, SchoolId};
use domain::school::GroupKind;
use domain::school_calendar::SchoolYear;
use domain::timetable::{Date, Saturday, Source, Status, WeekKind, Zone, day, open_data};
use server::generate::{GenerateError, Holidays, PASSWORD, Scale, generate};
use sqlx::Row;

/// The official open-data holiday calendar, in the shared fixtures.
const OPEN_DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/fixtures/school-calendar/vacances-scolaires-france-0.12.0/data.csv"
);

async fn first_of(server: &TestServer, profile: &str, school_uai: &str) -> String {
    sqlx::query(
        "SELECT a.username FROM accounts a JOIN roles r ON r.account_id = a.id \
         JOIN schools s ON s.id = r.school_id WHERE r.profile = $1 AND s.uai = $2 \
         ORDER BY a.id LIMIT 1",
    )
    .bind(profile)
    .bind(school_uai)
    .fetch_one(server.app.db.pool())
    .await
    .expect("a generated account")
    .get(0)
}

#[tokio::test]
async fn a_generated_region_is_a_working_ent() {
    let server = TestServer::start().await;
    let accounts_before = server.count("SELECT COUNT(*) FROM accounts").await;
    let mut seen = vec![];
    let done = generate(
        &server.app.db,
        Scale {
            schools: 2,
            seed: 11,
            activated: true,
            open_attempts: 0,
            holidays: Holidays::Shaped,
        },
        server::system_clock(),
        |p| seen.push(p.done),
    )
    .await
    .expect("generated");
    assert_eq!(seen, vec![1, 2], "progress after each school");
    assert_eq!(done.done, 2);
    assert!(done.pupils >= 2 * 480 && done.pupils <= 2 * 960, "{done:?}");
    let accounts = server.count("SELECT COUNT(*) FROM accounts").await;
    assert_eq!(
        accounts - accounts_before,
        i64::try_from(done.accounts).expect("count")
    );
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM roles r JOIN accounts a ON a.id = r.account_id WHERE r.profile = 'pupil' AND a.username NOT IN ('lisandru.pieri','anna.colonna','matteu.rossi','lucia.vincenti','ghjulia.pieri','santu.albertini')")
            .await,
        i64::try_from(done.pupils).expect("count")
    );

    let uai: String = sqlx::query("SELECT uai FROM schools ORDER BY id DESC LIMIT 1")
        .fetch_one(server.app.db.pool())
        .await
        .expect("school")
        .get(0);
    // A pupil signs in with the shared password, no charter or password step, and sees a class.
    let pupil = first_of(&server, "pupil", &uai).await;
    let session = server.sign_in_with(&pupil, PASSWORD).await;
    let home = server.call(&session, LoadHome {}).await.ok();
    let groups = &home.schools[0].groups;
    assert!(
        groups.iter().any(|g| g.kind == GroupKind::Class),
        "{home:?}"
    );
    // A parent sees their child; a teacher the classes they teach.
    let parent = first_of(&server, "parent", &uai).await;
    let home = server
        .call(&server.session_for(&parent).await, LoadHome {})
        .await
        .ok();
    assert!(!home.children.is_empty());
    let teacher = first_of(&server, "teacher", &uai).await;
    let home = server
        .call(&server.session_for(&teacher).await, LoadHome {})
        .await
        .ok();
    assert!(!home.schools[0].groups.is_empty());

    // Some families have children in both schools: their parents see both, in both schools.
    let parent: String = sqlx::query(
        "SELECT a.username FROM accounts a JOIN parent_links l ON l.parent_id = a.id \
         JOIN roles r ON r.account_id = l.child_id AND r.profile = 'pupil' \
         WHERE a.username <> 'ghjuvanni.pieri' \
         GROUP BY a.id, a.username HAVING COUNT(DISTINCT r.school_id) > 1 ORDER BY a.id LIMIT 1",
    )
    .fetch_one(server.app.db.pool())
    .await
    .expect("a family across two schools")
    .get(0);
    let home = server
        .call(&server.session_for(&parent).await, LoadHome {})
        .await
        .ok();
    let schools: std::collections::BTreeSet<&str> =
        home.children.iter().map(|c| c.school.as_str()).collect();
    assert_eq!(schools.len(), 2, "{:?}", home.children);
    assert_eq!(home.schools.len(), 2);

    // Nothing is written twice: the same region again is refused, whole.
    let again = generate(
        &server.app.db,
        Scale {
            schools: 1,
            seed: 11,
            activated: true,
            open_attempts: 0,
            holidays: Holidays::Shaped,
        },
        server::system_clock(),
        |_| {},
    )
    .await;
    assert!(
        matches!(again, Err(GenerateError::AlreadyGenerated(_))),
        "{again:?}"
    );
    assert_eq!(
        server.count("SELECT COUNT(*) FROM accounts").await,
        accounts
    );
}

#[tokio::test]
async fn the_same_seed_gives_the_same_region() {
    let (a, b) = (TestServer::start().await, TestServer::start().await);
    for server in [&a, &b] {
        generate(
            &server.app.db,
            Scale {
                schools: 1,
                seed: 3,
                activated: true,
                open_attempts: 0,
                holidays: Holidays::Shaped,
            },
            server::system_clock(),
            |_| {},
        )
        .await
        .expect("generated");
    }
    let names = |server: &TestServer| {
        let pool = server.app.db.pool().clone();
        async move {
            sqlx::query("SELECT username FROM accounts ORDER BY id")
                .fetch_all(&pool)
                .await
                .expect("names")
                .into_iter()
                .map(|r| r.get::<String, _>(0))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(names(&a).await, names(&b).await);
}

#[tokio::test]
async fn scale_out_of_bounds_is_refused() {
    let server = TestServer::start().await;
    let none = generate(
        &server.app.db,
        Scale {
            schools: 0,
            seed: 1,
            activated: true,
            open_attempts: 0,
            holidays: Holidays::Shaped,
        },
        server::system_clock(),
        |_| {},
    )
    .await;
    assert!(matches!(none, Err(GenerateError::Scale)));
}

#[tokio::test]
async fn generated_accounts_replace_their_password_unless_activated() {
    let server = TestServer::start().await;
    generate(
        &server.app.db,
        Scale {
            schools: 1,
            seed: 5,
            activated: false,
            open_attempts: 0,
            holidays: Holidays::Shaped,
        },
        server::system_clock(),
        |_| {},
    )
    .await
    .expect("generated");
    let pupil = first_of(&server, "pupil", &last_uai(&server).await).await;
    let signed_in = server
        .call(&Session::anonymous(), login(&pupil, PASSWORD))
        .await;
    let info = signed_in.ok();
    assert!(info.must_change_password, "{info:?}");
    assert!(info.must_accept_charter, "{info:?}");
    assert_eq!(
        server
            .count(
                "SELECT COUNT(*) FROM accounts WHERE must_change_password = 0 AND id IN \
                 (SELECT r.account_id FROM roles r JOIN schools s ON s.id = r.school_id \
                 WHERE s.uai NOT IN ('7200001N', '6200001G'))"
            )
            .await,
        0,
        "every generated account has a one-time password"
    );
}

async fn last_uai(server: &TestServer) -> String {
    sqlx::query("SELECT uai FROM schools ORDER BY id DESC LIMIT 1")
        .fetch_one(server.app.db.pool())
        .await
        .expect("a school")
        .get(0)
}

#[tokio::test]
async fn generated_work_is_scored_as_the_server_scores_it() {
    let server = TestServer::start().await;
    let done = generate(
        &server.app.db,
        Scale {
            schools: 1,
            seed: 8,
            activated: true,
            open_attempts: 500,
            holidays: Holidays::Shaped,
        },
        server::system_clock(),
        |_| {},
    )
    .await
    .expect("generated");
    let uai = last_uai(&server).await;
    let pool = server.app.db.pool();
    let of_school = |sql: &'static str| {
        let uai = uai.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .bind(uai)
                .fetch_one(pool)
                .await
                .expect("a count")
        }
    };
    let exercises = of_school(
        "SELECT COUNT(*) FROM exercises e JOIN schools s ON s.id = e.school_id WHERE s.uai = $1",
    )
    .await;
    assert_eq!(exercises, i64::try_from(done.exercises).expect("count"));
    assert!(exercises > 30, "{done:?}");
    assert_eq!(
        of_school(
            "SELECT COUNT(*) FROM exercises e JOIN schools s ON s.id = e.school_id \
             WHERE s.uai = $1 AND (e.items <> 20 OR e.owner_id IS NULL)"
        )
        .await,
        0,
        "20 items each, by a teacher"
    );
    assert!(
        of_school(
            "SELECT COUNT(*) FROM exercises e JOIN schools s ON s.id = e.school_id \
             WHERE s.uai = $1 AND e.language = 'co'"
        )
        .await
            > 0,
        "some in Corsican"
    );
    // Given by their authors, to groups they teach.
    assert_eq!(
        of_school(
            "SELECT COUNT(*) FROM assignments a JOIN exercises e ON e.id = a.exercise_id \
             JOIN schools s ON s.id = e.school_id WHERE s.uai = $1 AND (a.assigned_by <> e.owner_id \
             OR NOT EXISTS (SELECT 1 FROM teachings t WHERE t.group_id = a.group_id \
               AND t.account_id = a.assigned_by))"
        )
        .await,
        0
    );
    // Done by pupils of the group.
    assert_eq!(
        of_school(
            "SELECT COUNT(*) FROM attempts t JOIN assignments a ON a.id = t.assignment_id \
             JOIN exercises e ON e.id = a.exercise_id JOIN schools s ON s.id = e.school_id \
             WHERE s.uai = $1 AND NOT EXISTS (SELECT 1 FROM memberships m \
               WHERE m.group_id = a.group_id AND m.account_id = t.pupil_id)"
        )
        .await,
        0
    );
    let handed_in = done.attempts - done.open_attempts;
    assert!(handed_in > done.attempts / 3, "{done:?}");
    assert!(done.open_attempts >= 500, "{done:?}");

    // Every attempt reads back through the storage, and each one handed in scores again to
    // the outcome and points stored.
    let ids: Vec<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT t.id, t.earned FROM attempts t JOIN assignments a ON a.id = t.assignment_id \
         JOIN exercises e ON e.id = a.exercise_id JOIN schools s ON s.id = e.school_id \
         WHERE s.uai = $1 ORDER BY t.id",
    )
    .bind(&uai)
    .fetch_all(pool)
    .await
    .expect("attempts");
    assert_eq!(ids.len(), done.attempts);
    let mut rescored = 0;
    for (id, earned) in ids {
        let attempt = server
            .app
            .db
            .attempt(AttemptId::new(id))
            .await
            .expect("decodes")
            .expect("exists");
        let exercise = server
            .app
            .db
            .exercise_version(attempt.exercise, attempt.version)
            .await
            .expect("decodes")
            .expect("its version");
        attempt
            .response
            .check(&exercise.paper(attempt.seed))
            .expect("the answers fit the paper given");
        if let Some(handed_in) = attempt.handed_in {
            let again = score(&exercise.key(), &attempt.response).expect("scores");
            assert_eq!(again, handed_in.outcome, "attempt {id}");
            assert_eq!(
                earned,
                Some(i64::from(again.earned.hundredths())),
                "attempt {id}"
            );
            rescored += 1;
        }
    }
    assert_eq!(rescored, handed_in);

    // A pupil hands in one of the attempts left open, through the server function: what the
    // benchmark does.
    let (id, pupil, response): (i64, String, String) = sqlx::query_as(
        "SELECT t.id, p.username, t.response FROM attempts t \
         JOIN accounts p ON p.id = t.pupil_id JOIN assignments a ON a.id = t.assignment_id \
         JOIN exercises e ON e.id = a.exercise_id JOIN schools s ON s.id = e.school_id \
         WHERE t.submitted_at IS NULL AND a.due_at > $1 AND s.uai = $2 ORDER BY t.id LIMIT 1",
    )
    .bind(server::system_clock().unix())
    .bind(&uai)
    .fetch_one(pool)
    .await
    .expect("an attempt open");
    let response: Response = serde_json::from_str(&response).expect("answers");
    let session = server.session_for(&pupil).await;
    let receipt = server
        .call(
            &session,
            HandIn {
                attempt: AttemptId::new(id),
                response,
            },
        )
        .await
        .ok();
    let outcome = receipt.outcome.expect("shown once handed in");
    assert_eq!(outcome.items.len(), 20);
}

/// Hours of the weekly lessons of a week where they usually are (a moved lesson once, extra
/// lessons aside).
fn weekly_hours(week: &app::api::timetable::Week) -> i64 {
    week.lessons
        .iter()
        .map(|l| &l.occurrence)
        .filter(|o| matches!(o.source, Source::Weekly { date, .. } if date == o.when.date()))
        .filter(|o| {
            !matches!(
                o.status,
                Status::Extra
                    | Status::Changed {
                        moved_from: Some(_),
                        ..
                    }
            )
        })
        .map(|o| i64::from(o.when.end().minutes() - o.when.start().minutes()) / 60)
        .sum()
}

#[tokio::test]
async fn generated_schools_have_a_year_of_lessons_on_their_zone_calendar() {
    let server = TestServer::start().await;
    let text = std::fs::read_to_string(OPEN_DATA).expect("the shared open-data calendar");
    let now = server::system_clock();
    let done = generate(
        &server.app.db,
        Scale {
            schools: 1,
            seed: 4,
            activated: true,
            open_attempts: 0,
            holidays: Holidays::OpenData {
                text: text.clone(),
                zone: Zone::B,
            },
        },
        now,
        |_| {},
    )
    .await
    .expect("generated");
    assert!(done.lessons > 500, "{done:?}");
    assert!(done.lesson_changes > 100, "{done:?}");
    let uai = last_uai(&server).await;
    let pool = server.app.db.pool();
    let school: i64 = sqlx::query_scalar("SELECT id FROM schools WHERE uai = $1")
        .bind(&uai)
        .fetch_one(pool)
        .await
        .expect("the school");
    let count = |sql: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sql)
            .bind(school)
            .fetch_one(pool)
            .await
            .expect("a count")
    };
    assert_eq!(
        count("SELECT COUNT(*) FROM lessons WHERE school_id = $1").await,
        i64::try_from(done.lessons).expect("count")
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM lesson_changes WHERE school_id = $1").await,
        i64::try_from(done.lesson_changes).expect("count")
    );
    // Every lesson has its teacher, in a room of its school.
    assert_eq!(
        count(
            "SELECT COUNT(*) FROM lessons l WHERE l.school_id = $1 AND (NOT EXISTS \
             (SELECT 1 FROM lesson_teachers t WHERE t.lesson_id = l.id) OR NOT EXISTS \
             (SELECT 1 FROM rooms r WHERE r.id = l.room_id AND r.school_id = l.school_id))"
        )
        .await,
        0
    );
    // Substitutes and extra lessons have their teachers too.
    assert_eq!(
        count(
            "SELECT COUNT(*) FROM lesson_changes c WHERE c.school_id = $1 \
             AND (c.kind = 'extra' OR (c.kind = 'changed' AND c.moved_day IS NULL \
               AND c.room_id IS NULL)) \
             AND NOT EXISTS (SELECT 1 FROM lesson_change_teachers t WHERE t.change_id = c.id)"
        )
        .await,
        0
    );

    // The calendar is zone B's of the year, as the import reads it, with weeks A and B.
    let year = SchoolYear::at(now);
    let calendar = server
        .app
        .db
        .calendar(SchoolId::new(school), year)
        .await
        .expect("a calendar");
    assert_eq!(calendar.zone, Some(Zone::B));
    let zone_b = open_data::holidays(&text, Zone::B, year, Saturday::Free).expect("zone B");
    assert_eq!(calendar.days.holidays(), &zone_b[..]);
    let rule = calendar.ab.expect("weeks A and B");
    assert_eq!(rule.first_kind, WeekKind::A);

    // A pupil whose class had a lesson cancelled: their week of early October is full, and
    // the week of the cancellation shows it.
    let (login, pupil, cancelled): (String, i64, String) = sqlx::query_as(
        "SELECT a.username, a.id, c.on_day FROM lesson_changes c \
         JOIN lessons l ON l.id = c.lesson_id JOIN memberships m ON m.group_id = l.group_id \
         JOIN accounts a ON a.id = m.account_id \
         WHERE c.school_id = $1 AND c.kind = 'cancelled' ORDER BY c.id LIMIT 1",
    )
    .bind(school)
    .fetch_one(pool)
    .await
    .expect("a pupil with a lesson cancelled");
    let session = server.session_for(&login).await;
    let whom = Whom::Pupil(AccountId::new(pupil));
    let first = i16::try_from(year.first()).expect("a year");
    let october = Date::new(first, 10, 5).expect("a date");
    let week = server
        .call(
            &session,
            WeekOf {
                whom,
                day: Day(october),
            },
        )
        .await
        .ok();
    let hours = weekly_hours(&week);
    assert!((25..=34).contains(&hours), "{hours} hours: {week:?}");
    let date = day::parse(&cancelled).expect("a day");
    let week = server
        .call(
            &session,
            WeekOf {
                whom,
                day: Day(date),
            },
        )
        .await
        .ok();
    assert!(
        week.lessons
            .iter()
            .any(|l| l.occurrence.status == Status::Cancelled && l.occurrence.when.date() == date),
        "{week:?}"
    );
    // Nothing on a day of the holidays.
    let holiday = zone_b
        .iter()
        .find(|h| h.first_day() > october)
        .expect("holidays after October");
    let week = server
        .call(
            &session,
            WeekOf {
                whom,
                day: Day(day::plus(day::monday(holiday.first_day()), 7)),
            },
        )
        .await
        .ok();
    assert!(
        week.lessons
            .iter()
            .all(|l| !holiday.contains(l.occurrence.when.date())),
        "{week:?}"
    );
}
