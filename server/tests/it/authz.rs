//! The authorization matrix (`authz/<area>.txt`, one file per area): every registered server
//! function, called by every kind of person, on their own data and on someone else's (ids of
//! another school swapped in to catch IDOR). The test fails when a registered server function
//! has no row, a row names no server function, or a cell answers otherwise than the table says.
//!
//! Columns (who calls, and which objects the placeholders stand for):
//! - `anon`: nobody signed in;
//! - `pupil`: lisandru.pieri on himself; `pupil*`: … on lucia.vincenti (another pupil);
//! - `parent`: ghjuvanni.pieri on his son Lisandru; `parent*`: … on Lucia;
//! - `teacher`: maria.santoni on Lisandru (5e A); `teacher*`: … on Lucia (5e B, not hers);
//! - `staff`: paola.leca (vie scolaire) on Lucia, in her collège;
//! - `admin`: petru.casanova on his collège (Lucia, 5e B); `admin*`: … on the lycée (Santu,
//!   2nde 1); `idor`: … naming his collège but the lycée's objects (Santu, 2nde 1);
//! - `platform`: admin.scola on the lycée (Santu, 2nde 1).
//!
//! Accounts shared by the two schools:
//! - `teacher²`: maria.santoni, who teaches in both, on the lycée (Santu, her 2nde 1);
//! - `adminB`: catalina.rossi, admin of the lycée and parent in the collège, on the lycée;
//!   `adminB@A`: … on the collège and her son Matteu (5e A): a parent there, no more;
//! - `takeover`: petru.casanova on his collège, the account being catalina.rossi (a parent
//!   there, but the lycée's admin: hers to change only for the lycée and the platform).
//!
//! People whose standing is narrower than it looks:
//! - `former`: ghjuvanni.pieri once his parent role in the collège is withdrawn (the link to
//!   Lisandru left in place, as older databases have it), on Lisandru (5e A);
//! - `guest`: invite.demo, a guest (invité) of the collège, on Lisandru (5e A);
//! - `lastyear`: maria.santoni once every class she teaches is last year's, on Lisandru (her
//!   pupil in 5e A then).
//!
//! Outcomes: `ok`, or the error: `signin`, `forbid`, `notfound`, `invalid`, `badcred`.
//! Placeholders in the arguments: `{school}` `{account}` `{group}` per column; `{parent}`
//! ghjuvanni.pieri, `{teacher}` maria.santoni; `{n}` the column's number (to keep names apart);
//! `{assignment}` and `{exercise}`: the demo's exercise given to the column's group;
//! `{attempt}`: the column's account's latest attempt (0, an unknown id, if none);
//! `{given}` and `{sequence}`: the demo's sequence given to the column's group (0 if none);
//! `{published}`: a sequence of the library; `{file}`: a picture of maria.santoni's, used by
//! `{exercise}`; `{archive}`: a sequence's archive uploaded by the caller (maria.santoni when
//! nobody is signed in) in the column's school; `{subject}`: the first subject of the school of
//! the column's group; `{lesson}`: the column's group's first lesson (0 if none); `{change}`: an
//! extra lesson made for the column in its group's school; `{first_day}`, `{last_day}` and
//! `{monday}`: the current school year's first and last days and its first Monday, `{later}`
//! sixty days after it; `{occurrence}`: the column's group's first weekly lesson in the third
//! week of September (week A); `{homework}`: the first homework of the column's group (0 if
//! none).
//!
//! `{upload}`: a hand-in's file being sent in parts by lisandru.pieri in the column's school.
//!
//! `files/upload` is sent as the app sends it (a PNG as the body, its arguments as the query),
//! `files/upload_part` likewise (a PDF's first part),
//! `files/get` as a page loads a file (`GET /files/<id>`). (A pupil's spoken answer, uploaded
//! for an attempt, is tested in `exercises_spoken.rs`: one row per function.)
//!
//! Each row runs its columns left to right on a copy of one seeded demo, starting again on a
//! fresh copy at `teacher²` (the lycée's admin must not find her class already deleted by the
//! platform admin) and at `former` (whose setup must not touch the columns before it); rows
//! and these runs go in parallel, on copies of a demo seeded once.

use crate::support::template::Template;
use crate::support::{Answer, Session, TestServer};
use futures::StreamExt;
use serde_json::Value;
use std::collections::BTreeSet;

/// The areas' tables, named as the areas of `app/src/api` and their endpoints' first part.
const AREAS: [(&str, &str); 13] = [
    ("auth", include_str!("authz/auth.txt")),
    ("account", include_str!("authz/account.txt")),
    ("home", include_str!("authz/home.txt")),
    ("profile", include_str!("authz/profile.txt")),
    ("charter", include_str!("authz/charter.txt")),
    ("audit", include_str!("authz/audit.txt")),
    ("platform", include_str!("authz/platform.txt")),
    ("admin", include_str!("authz/admin.txt")),
    ("exercises", include_str!("authz/exercises.txt")),
    ("files", include_str!("authz/files.txt")),
    ("sequences", include_str!("authz/sequences.txt")),
    ("timetable", include_str!("authz/timetable.txt")),
    ("homework", include_str!("authz/homework.txt")),
];

/// How many runs of columns go at once: enough to overlap one run's waits for the database
/// with another's work.
const PARALLEL: usize = 6;

/// Who calls in a column, and which demo objects its placeholders name.
struct Column {
    name: &'static str,
    login: Option<&'static str>,
    school: &'static str,
    account: &'static str,
    group: &'static str,
    /// Whether this column starts on a fresh copy, away from what the columns before it
    /// changed.
    fresh: bool,
    /// Changes to the demo made just before this column's call; the columns after it see them
    /// too, those before it do not.
    setup: &'static [&'static str],
}

/// The parent role of ghjuvanni.pieri in the collège withdrawn the way it was before links went
/// with the role: the link to Lisandru stays behind.
const WITHDRAW_PARENT: &str = "DELETE FROM roles WHERE profile = 'parent' \
    AND account_id = (SELECT id FROM accounts WHERE username = 'ghjuvanni.pieri') \
    AND school_id = (SELECT id FROM schools WHERE uai = '7200001N')";

/// Last school year, and every class and group maria.santoni teaches moved into it, pupils and
/// all: she taught them, she teaches nothing this year.
const LAST_YEAR: [&str; 2] = [
    // 1 August 2025, midnight in Paris: a year before the current one whenever the tests run.
    "INSERT INTO school_years (label, starts_at) VALUES ('2025-2026', 1753999200)",
    "UPDATE school_groups SET year_id = (SELECT id FROM school_years WHERE label = '2025-2026') \
     WHERE id IN (SELECT group_id FROM teachings \
     WHERE account_id = (SELECT id FROM accounts WHERE username = 'maria.santoni'))",
];

/// The same order as the tables' columns.
const COLUMNS: [Column; 19] = [
    col("anon", None, "7200001N", "lisandru.pieri", "5e A"),
    col(
        "pupil",
        Some("lisandru.pieri"),
        "7200001N",
        "lisandru.pieri",
        "5e A",
    ),
    col(
        "pupil*",
        Some("lisandru.pieri"),
        "7200001N",
        "lucia.vincenti",
        "5e B",
    ),
    col(
        "parent",
        Some("ghjuvanni.pieri"),
        "7200001N",
        "lisandru.pieri",
        "5e A",
    ),
    col(
        "parent*",
        Some("ghjuvanni.pieri"),
        "7200001N",
        "lucia.vincenti",
        "5e B",
    ),
    col(
        "teacher",
        Some("maria.santoni"),
        "7200001N",
        "lisandru.pieri",
        "5e A",
    ),
    col(
        "teacher*",
        Some("maria.santoni"),
        "7200001N",
        "lucia.vincenti",
        "5e B",
    ),
    col(
        "staff",
        Some("paola.leca"),
        "7200001N",
        "lucia.vincenti",
        "5e B",
    ),
    col(
        "admin",
        Some("petru.casanova"),
        "7200001N",
        "lucia.vincenti",
        "5e B",
    ),
    col(
        "admin*",
        Some("petru.casanova"),
        "6200001G",
        "santu.albertini",
        "2nde 1",
    ),
    col(
        "idor",
        Some("petru.casanova"),
        "7200001N",
        "santu.albertini",
        "2nde 1",
    ),
    col(
        "platform",
        Some("admin.scola"),
        "6200001G",
        "santu.albertini",
        "2nde 1",
    ),
    Column {
        fresh: true,
        ..col(
            "teacher²",
            Some("maria.santoni"),
            "6200001G",
            "santu.albertini",
            "2nde 1",
        )
    },
    col(
        "adminB",
        Some("catalina.rossi"),
        "6200001G",
        "santu.albertini",
        "2nde 1",
    ),
    col(
        "adminB@A",
        Some("catalina.rossi"),
        "7200001N",
        "matteu.rossi",
        "5e A",
    ),
    col(
        "takeover",
        Some("petru.casanova"),
        "7200001N",
        "catalina.rossi",
        "5e A",
    ),
    Column {
        fresh: true,
        setup: &[WITHDRAW_PARENT],
        ..col(
            "former",
            Some("ghjuvanni.pieri"),
            "7200001N",
            "lisandru.pieri",
            "5e A",
        )
    },
    col(
        "guest",
        Some("invite.demo"),
        "7200001N",
        "lisandru.pieri",
        "5e A",
    ),
    Column {
        setup: &LAST_YEAR,
        ..col(
            "lastyear",
            Some("maria.santoni"),
            "7200001N",
            "lisandru.pieri",
            "5e A",
        )
    },
];

const fn col(
    name: &'static str,
    login: Option<&'static str>,
    school: &'static str,
    account: &'static str,
    group: &'static str,
) -> Column {
    Column {
        name,
        login,
        school,
        account,
        group,
        fresh: false,
        setup: &[],
    }
}

struct Row {
    endpoint: String,
    expected: Vec<String>,
    args: String,
}

/// The rows of every area's table; each table names the columns in order, and each row lands
/// in the table of its area.
fn rows() -> Vec<Row> {
    let names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
    let mut rows = vec![];
    for (area, table) in AREAS {
        let header = table
            .lines()
            .find_map(|l| l.strip_prefix("# endpoint"))
            .unwrap_or_else(|| panic!("authz/{area}.txt: no `# endpoint | …` header"));
        let header: Vec<&str> = header.split('|').map(str::trim).collect();
        assert_eq!(
            header.get(1..=COLUMNS.len()),
            Some(&names[..]),
            "authz/{area}.txt: the columns, in order"
        );
        for line in table
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let cells: Vec<&str> = line.splitn(COLUMNS.len() + 2, '|').map(str::trim).collect();
            assert_eq!(cells.len(), COLUMNS.len() + 2, "malformed row: {line}");
            let endpoint = cells[0].to_owned();
            assert_eq!(
                endpoint.split('/').next(),
                Some(area),
                "{endpoint} belongs in the table of its area"
            );
            rows.push(Row {
                endpoint,
                expected: cells[1..=COLUMNS.len()]
                    .iter()
                    .map(|c| (*c).to_owned())
                    .collect(),
                args: cells[COLUMNS.len() + 1].to_owned(),
            });
        }
    }
    rows
}

fn outcome(answer: &Answer) -> String {
    if answer.status.is_success() {
        return "ok".into();
    }
    match answer.error().as_str() {
        "SignInRequired" => "signin",
        "Forbidden" => "forbid",
        "NotFound" => "notfound",
        "Invalid" => "invalid",
        "BadCredentials" => "badcred",
        other => return other.to_owned(),
    }
    .into()
}

/// Fills the placeholders of a row's arguments for one column.
async fn arguments(s: &TestServer, template: &str, c: &Column, n: usize) -> Value {
    let text = template
        .replace("{school}", &s.school_id(c.school).await.to_string())
        .replace("{account}", &s.account_id(c.account).await.to_string())
        .replace("{group}", &s.group_id(c.group).await.to_string())
        .replace(
            "{parent}",
            &s.account_id("ghjuvanni.pieri").await.to_string(),
        )
        .replace(
            "{teacher}",
            &s.account_id("maria.santoni").await.to_string(),
        )
        .replace(
            "{assignment}",
            &s.scalar(
                "SELECT MIN(a.id) FROM assignments a \
                 JOIN school_groups g ON g.id = a.group_id WHERE g.name = $1",
                c.group,
            )
            .await
            .to_string(),
        )
        .replace(
            "{exercise}",
            &s.scalar(
                "SELECT MIN(a.exercise_id) FROM assignments a \
                 JOIN school_groups g ON g.id = a.group_id WHERE g.name = $1",
                c.group,
            )
            .await
            .to_string(),
        )
        .replace(
            "{attempt}",
            &s.scalar(
                "SELECT COALESCE(MAX(t.id), 0) FROM attempts t \
                 JOIN accounts p ON p.id = t.pupil_id WHERE p.username = $1",
                c.account,
            )
            .await
            .to_string(),
        )
        .replace(
            "{given}",
            &s.scalar(
                "SELECT COALESCE(MIN(a.id), 0) FROM sequence_assignments a \
                 JOIN school_groups g ON g.id = a.group_id WHERE g.name = $1",
                c.group,
            )
            .await
            .to_string(),
        )
        .replace(
            "{sequence}",
            &s.scalar(
                "SELECT COALESCE(MIN(a.sequence_id), 0) FROM sequence_assignments a \
                 JOIN school_groups g ON g.id = a.group_id WHERE g.name = $1",
                c.group,
            )
            .await
            .to_string(),
        )
        .replace(
            "{published}",
            &s.scalar(
                "SELECT COALESCE(MIN(id), 0) FROM sequences WHERE published_at IS NOT NULL \
                 AND $1 <> ''",
                c.group,
            )
            .await
            .to_string(),
        )
        .replace("{n}", &n.to_string());
    let text = timetable_placeholders(s, text, c, n).await;
    let text = homework_placeholders(s, text, c).await;
    let text = if text.contains("{file}") {
        text.replace("{file}", &file_of(s, c).await)
    } else {
        text
    };
    let text = if text.contains("{upload}") {
        text.replace("{upload}", &upload_of(s, c).await)
    } else {
        text
    };
    let text = if text.contains("{archive}") {
        text.replace("{archive}", &archive_of(s, c).await)
    } else {
        text
    };
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("arguments {text}: {e}"))
}

/// The timetable's placeholders (see the module's documentation).
async fn timetable_placeholders(s: &TestServer, text: String, c: &Column, n: usize) -> String {
    use domain::timetable::day;
    let year = domain::school_calendar::SchoolYear::at(server::system_clock());
    let text = text
        .replace("{first_day}", &day::iso(day::first_of(year)))
        .replace("{last_day}", &day::iso(day::last_of(year)))
        .replace(
            "{monday}",
            &day::iso(day::plus(day::monday(day::first_of(year)), 7)),
        );
    let text = if text.contains("{subject}") {
        text.replace(
            "{subject}",
            &s.scalar(
                "SELECT MIN(j.id) FROM subjects j \
                 JOIN school_groups g ON g.school_id = j.school_id WHERE g.name = $1",
                c.group,
            )
            .await
            .to_string(),
        )
    } else {
        text
    };
    let text = if text.contains("{lesson}") {
        text.replace(
            "{lesson}",
            &s.scalar(
                "SELECT COALESCE(MIN(l.id), 0) FROM lessons l \
                 JOIN school_groups g ON g.id = l.group_id WHERE g.name = $1",
                c.group,
            )
            .await
            .to_string(),
        )
    } else {
        text
    };
    if !text.contains("{change}") {
        return text;
    }
    let row: (i64,) = sqlx::query_as(
        "INSERT INTO lesson_changes (school_id, on_day, kind, starts, ends, subject_id, \
           group_id, made_at) \
         SELECT g.school_id, '2026-09-07', 'extra', 600 + $2, 1300, \
           (SELECT MIN(id) FROM subjects WHERE school_id = g.school_id), g.id, 0 \
         FROM school_groups g WHERE g.name = $1 RETURNING id",
    )
    .bind(c.group)
    .bind(i64::try_from(n).expect("a column"))
    .fetch_one(s.app.db.writer())
    .await
    .expect("a change to undo");
    text.replace("{change}", &row.0.to_string())
}

/// The cahier de textes' placeholders (see the module's documentation).
async fn homework_placeholders(s: &TestServer, text: String, c: &Column) -> String {
    use domain::timetable::{SchoolWeekday, day};
    let year = domain::school_calendar::SchoolYear::at(server::system_clock());
    let monday = day::plus(day::monday(day::first_of(year)), 7);
    let text = text.replace("{later}", &day::iso(day::plus(monday, 60)));
    let text = if text.contains("{homework}") {
        text.replace(
            "{homework}",
            &s.scalar(
                "SELECT COALESCE(MIN(h.id), 0) FROM homework h \
                 JOIN school_groups g ON g.id = h.group_id WHERE g.name = $1",
                c.group,
            )
            .await
            .to_string(),
        )
    } else {
        text
    };
    if !text.contains("{occurrence}") {
        return text;
    }
    let row: Option<(i64, String)> = sqlx::query_as(
        "SELECT l.id, l.weekday FROM lessons l JOIN school_groups g ON g.id = l.group_id \
         WHERE g.name = $1 AND l.alternation = 'every' ORDER BY l.id LIMIT 1",
    )
    .bind(c.group)
    .fetch_optional(s.app.db.pool())
    .await
    .expect("the group's lessons");
    let (lesson, weekday) = row.unwrap_or((0, "monday".into()));
    let weekday: SchoolWeekday = weekday.parse().unwrap_or(SchoolWeekday::Monday);
    // The third week of September: week A of the demo, a school week whatever the year.
    let first = domain::timetable::Date::new(i16::try_from(year.first()).expect("a year"), 9, 1)
        .expect("a date");
    let week_a = day::plus(day::monday(first), 14);
    let date = day::plus(week_a, weekday.offset());
    text.replace(
        "{occurrence}",
        &format!(
            r#"{{"weekly": {{"lesson": {lesson}, "date": "{}"}}}}"#,
            day::iso(date)
        ),
    )
}

/// A picture of maria.santoni's, stored and used by the exercise given to the column's group.
async fn file_of(s: &TestServer, c: &Column) -> String {
    use futures::stream;
    let id = domain::file::FileId::from_random(rand_bytes());
    let body = stream::iter([Ok(axum::body::Bytes::from_static(crate::files::PNG))]).boxed();
    s.app.ctx.files.put(&id, body).await.expect("stored");
    let exercise = s
        .scalar(
            "SELECT MIN(a.exercise_id) FROM assignments a \
             JOIN school_groups g ON g.id = a.group_id WHERE g.name = $1",
            c.group,
        )
        .await;
    sqlx::query(
        "INSERT INTO files (id, school_id, owner_id, purpose, content_type, size, name, sha256, \
           created_at) \
         SELECT $1, e.school_id, e.owner_id, 'image', 'image/png', $2, NULL, '', 0 \
         FROM exercises e WHERE e.id = $3",
    )
    .bind(id.as_str())
    .bind(i64::try_from(crate::files::PNG.len()).expect("small"))
    .bind(exercise)
    .execute(s.app.db.writer())
    .await
    .expect("file record");
    sqlx::query("INSERT INTO exercise_files (exercise_id, file_id) VALUES ($1, $2)")
        .bind(exercise)
        .bind(id.as_str())
        .execute(s.app.db.writer())
        .await
        .expect("file used");
    id.to_string()
}

/// A file being sent in parts by lisandru.pieri for a hand-in in the column's school, nothing
/// sent yet.
async fn upload_of(s: &TestServer, c: &Column) -> String {
    let id = domain::file::UploadId::from_random(rand_bytes());
    sqlx::query(
        "INSERT INTO uploads (id, school_id, owner_id, purpose, total, part_size, received, \
           created_at) \
         SELECT $1, s.id, a.id, 'hand_in', 131072, 65536, 0, 0 FROM schools s, accounts a \
         WHERE s.uai = $2 AND a.username = 'lisandru.pieri'",
    )
    .bind(id.as_str())
    .bind(c.school)
    .execute(s.app.db.writer())
    .await
    .expect("an upload");
    id.to_string()
}

/// A sequence's archive (one lesson) uploaded by the column's caller in the column's school.
async fn archive_of(s: &TestServer, c: &Column) -> String {
    use futures::stream;
    let bytes = crate::sequences_archive::lesson_archive();
    let size = i64::try_from(bytes.len()).expect("small");
    let id = domain::file::FileId::from_random(rand_bytes());
    let body = stream::iter([Ok(axum::body::Bytes::from(bytes))]).boxed();
    s.app.ctx.files.put(&id, body).await.expect("stored");
    let owner = s.account_id(c.login.unwrap_or("maria.santoni")).await;
    let school = s.school_id(c.school).await;
    sqlx::query(
        "INSERT INTO files (id, school_id, owner_id, purpose, content_type, size, name, sha256, \
           created_at) VALUES ($1, $2, $3, 'archive', 'application/zip', $4, NULL, '', 0)",
    )
    .bind(id.as_str())
    .bind(school.get())
    .bind(owner.get())
    .bind(size)
    .execute(s.app.db.writer())
    .await
    .expect("archive record");
    id.to_string()
}

fn rand_bytes() -> [u8; 16] {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let mut bytes = [0_u8; 16];
    bytes[..8].copy_from_slice(&n.to_le_bytes());
    bytes[8..].copy_from_slice(&u64::from(std::process::id()).to_le_bytes());
    bytes
}

/// Calls a row's function as the app or a page does.
async fn call(s: &TestServer, session: &Session, endpoint: &str, args: Value) -> Answer {
    match endpoint {
        "files/upload" => {
            let about = app::api::files::UploadAbout {
                school: domain::ids::SchoolId::new(args["school"].as_i64().expect("school")),
                usage: args["usage"]
                    .as_str()
                    .expect("usage")
                    .parse()
                    .expect("a use"),
                name: None,
                attempt: None,
            };
            s.upload_raw(session, &about.query(), crate::files::PNG.to_vec())
                .await
        }
        "files/upload_part" => {
            let about = app::api::files::UploadAbout {
                school: domain::ids::SchoolId::new(args["school"].as_i64().expect("school")),
                usage: domain::file::FileUse::HandIn,
                name: None,
                attempt: None,
            };
            let part = app::api::files::Part {
                upload: args["upload"]
                    .as_str()
                    .expect("upload")
                    .parse()
                    .expect("an id"),
                offset: 0,
            };
            let mut pdf = b"%PDF-1.4\n".to_vec();
            pdf.resize(64 * 1024, b' ');
            let query = format!("{}&upload={}&offset=0", about.query(), part.upload);
            s.post_raw(session, "files/upload_part", &query, pdf).await
        }
        "files/get" => {
            let id = args["id"].as_str().expect("id");
            let (status, _, bytes) = s.get_bytes(session, &format!("/files/{id}")).await;
            let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
            Answer {
                status,
                body,
                set_cookie: None,
                headers: Default::default(),
            }
        }
        _ => s.call_raw(session, endpoint, args).await,
    }
}

/// Where each run of columns sharing one copy of the demo starts.
fn runs() -> Vec<std::ops::Range<usize>> {
    let starts: Vec<usize> = (0..COLUMNS.len())
        .filter(|&n| n == 0 || COLUMNS[n].fresh)
        .collect();
    starts
        .iter()
        .zip(starts.iter().skip(1).chain([&COLUMNS.len()]))
        .map(|(&start, &end)| start..end)
        .collect()
}

/// Calls one row's function as the columns of `run`, left to right, on a fresh copy; returns
/// the cells that differ from the table.
async fn run_columns(template: &Template, row: &Row, run: std::ops::Range<usize>) -> Vec<String> {
    let s = template.start().await;
    let mut failures = vec![];
    for n in run {
        let (c, expected) = (&COLUMNS[n], &row.expected[n]);
        for sql in c.setup {
            sqlx::query(*sql)
                .execute(s.app.db.writer())
                .await
                .unwrap_or_else(|e| panic!("setup of {}: {e}", c.name));
        }
        let session = match c.login {
            Some(login) => s.session_for(login).await,
            None => Session::anonymous(),
        };
        let args = arguments(&s, &row.args, c, n).await;
        let answer = call(&s, &session, &row.endpoint, args).await;
        let got = outcome(&answer);
        if &got != expected {
            failures.push(format!(
                "{:<30} {:<9} expected {expected:<8} got {got} {}",
                row.endpoint, c.name, answer.body
            ));
        }
        if got == "forbid" || got == "signin" {
            let leaked = answer.body.to_string();
            assert!(leaked.len() < 40, "a refusal carries no data: {leaked}");
        }
    }
    template.discard(s).await;
    failures
}

#[test]
fn every_server_function_has_a_row_and_every_row_a_function() {
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_owned())
        .collect();
    let endpoints: Vec<String> = rows().into_iter().map(|r| r.endpoint).collect();
    let listed: BTreeSet<String> = endpoints.iter().cloned().collect();
    assert_eq!(listed.len(), endpoints.len(), "one row per function");
    let missing: Vec<_> = registered.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&registered).collect();
    assert!(
        missing.is_empty(),
        "server functions without a row in authz/<area>.txt: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "rows naming no server function: {stale:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_cell_answers_as_the_table_says() {
    let template = Template::seeded().await;
    let rows = rows();
    let runs = runs();
    let work = rows
        .iter()
        .flat_map(|row| runs.iter().map(move |run| (row, run.clone())));
    let mut failures: Vec<String> = futures::stream::iter(work)
        .map(|(row, run)| run_columns(&template, row, run))
        .buffer_unordered(PARALLEL)
        .flat_map(futures::stream::iter)
        .collect()
        .await;
    template.remove().await;
    failures.sort();
    assert!(
        failures.is_empty(),
        "cells that differ from the table:\n{}",
        failures.join("\n")
    );
}
