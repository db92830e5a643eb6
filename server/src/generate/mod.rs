//! Region-scale data for load tests and benchmarks: `server generate --schools 50` adds to the
//! configured database a deterministic, realistic region (at 50 schools about LEIA's size:
//! ≈36,000 pupils, ≈3,200 teachers, ≈64,000 parents, their classes, option groups, teachings and
//! family links, some families with children in two establishments; the teachers' exercises,
//! given to their groups, and the pupils' attempts, handed in and scored or in progress; the
//! sequences built from those exercises, some in the library, given with them, and the steps
//! pupils marked done).
//! Planning is pure and
//! seeded ([`plan`]); writing takes one transaction per school, so an interrupted run leaves
//! whole schools only, and rows go in multi-row statements so that 50 schools take seconds, not
//! hours.

mod exercises;
mod names;
pub mod plan;
mod sequences;

use crate::db::Db;
use crate::db::exercises::{CREATE_EXERCISE, CREATE_VERSION};
use crate::db::school_years::year_id;
use crate::db::sql::{Built, Dialects, Family, fragments, statements};
use domain::exercise::Points;
use domain::profile::Profile;
use domain::school_calendar::SchoolYear;
use domain::time::Timestamp;
use plan::{Region, SchoolPlan, WorkPlan, plan_exercises, plan_school};
use sqlx::AnyConnection;
use std::collections::HashMap;

/// The password of every generated account (they share one hash, as the demo's do).
pub const PASSWORD: &str = "Scola-region-2026";

/// Rows per multi-row statement: well under SQLite's (32,766) and PostgreSQL's (65,535)
/// bound-parameter limits at 14 columns.
const BATCH: usize = 500;

statements! {
    LAST_CHARTER = "SELECT MAX(version) AS version FROM charters";
    USERNAMES = "SELECT username FROM accounts";
    UAI_TAKEN = "SELECT COUNT(*) AS n FROM schools WHERE uai = $1";
    INSERT_SCHOOL = "INSERT INTO schools (uai, name, kind) VALUES ($1, $2, $3) RETURNING id";
    INSERT_SUBJECT = "INSERT INTO subjects (school_id, code, name) VALUES ($1, $2, $3) \
        RETURNING id";
    INSERT_GROUP = "INSERT INTO school_groups (school_id, year_id, kind, name) \
        VALUES ($1, $2, $3, $4) RETURNING id";
    /// Fresh statistics, as after any bulk import: without them PostgreSQL plans the first
    /// requests on a region as if its tables were empty (scans instead of index lookups). Not
    /// on SQLite: its plans here are index lookups without statistics, and with the
    /// `sqlite_stat4` table ANALYZE writes, every statement is planned again at each execution
    /// (measured: the pupil's home page at half the rate).
    ANALYZE [postgres] = "ANALYZE";
}

fragments! {
    ACCOUNTS = "INSERT INTO accounts (username, first_name, last_name, password_hash, \
        must_change_password, lang, platform_admin, charter_accepted, created_at) VALUES ";
    ROLES = "INSERT INTO roles (account_id, school_id, profile) VALUES ";
    MEMBERSHIPS = "INSERT INTO memberships (group_id, account_id) VALUES ";
    TEACHINGS = "INSERT INTO teachings (group_id, account_id, subject_id) VALUES ";
    PARENT_LINKS = "INSERT INTO parent_links (parent_id, child_id) VALUES ";
    STEPS_DONE = "INSERT INTO sequence_progress (sequence_assignment_id, pupil_id, step_id, \
        done_at) VALUES ";
    /// Ids come back with their login names, whatever order the database uses.
    RETURNING_ACCOUNTS = " RETURNING id, username";
    ASSIGNMENTS = "INSERT INTO assignments (exercise_id, group_id, assigned_by, opens_at, \
        due_at, feedback, attempts, created_at) VALUES ";
    /// Ids come back with what makes an assignment unique.
    RETURNING_ASSIGNMENTS = " RETURNING id, exercise_id, group_id, opens_at";
    ATTEMPTS = "INSERT INTO attempts (assignment_id, pupil_id, number, exercise_id, version, \
        seed, response, started_at, saved_at, submitted_at, earned, max_points, \
        awaiting_teacher, outcome) VALUES ";
}

/// A table written by batches of rows, every value bound.
#[derive(Clone, Copy, Debug)]
enum Bulk {
    Accounts,
    Roles,
    Memberships,
    Teachings,
    ParentLinks,
    Assignments,
    Attempts,
    StepsDone,
}

impl Bulk {
    const ALL: [Bulk; 8] = [
        Bulk::Accounts,
        Bulk::Roles,
        Bulk::Memberships,
        Bulk::Teachings,
        Bulk::ParentLinks,
        Bulk::Assignments,
        Bulk::Attempts,
        Bulk::StepsDone,
    ];

    /// The insert's head, how many values a row has, and what follows the rows.
    fn parts(self) -> (&'static str, usize, &'static str) {
        match self {
            Bulk::Accounts => (ACCOUNTS, 9, RETURNING_ACCOUNTS),
            Bulk::Roles => (ROLES, 3, ""),
            Bulk::Memberships => (MEMBERSHIPS, 2, ""),
            Bulk::Teachings => (TEACHINGS, 3, ""),
            Bulk::ParentLinks => (PARENT_LINKS, 2, ""),
            Bulk::Assignments => (ASSIGNMENTS, 8, RETURNING_ASSIGNMENTS),
            Bulk::Attempts => (ATTEMPTS, 14, ""),
            Bulk::StepsDone => (STEPS_DONE, 4, ""),
        }
    }

    /// The insert of `rows` rows: `head ($1, $2), ($3, $4) tail`.
    fn sql(self, rows: usize) -> Built {
        let (head, columns, tail) = self.parts();
        let tuples: Vec<String> = (0..rows)
            .map(|r| {
                let values: Vec<String> = (1..=columns)
                    .map(|c| format!("${}", r * columns + c))
                    .collect();
                format!("({})", values.join(", "))
            })
            .collect();
        Built::new(format!("{head}{}{tail}", tuples.join(", ")))
    }
}

/// Every table's batch insert. Batches differ only by how many times the row repeats: one
/// row, two, and a full batch cover the text the builder writes.
pub(crate) const ROWS: Family = Family {
    name: "generate::ROWS",
    shapes: || {
        Bulk::ALL
            .iter()
            .flat_map(|bulk| [1, 2, BATCH].map(|rows| bulk.sql(rows)))
            .collect()
    },
    on: Dialects::Both,
};

/// A value of a batch.
#[derive(Clone, Copy, Debug)]
enum Value<'a> {
    Int(i64),
    Text(&'a str),
    Nullable(Option<i64>),
    NullableText(Option<&'a str>),
}

#[derive(sqlx::FromRow)]
struct VersionRow {
    version: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct UsernameRow {
    username: String,
}

#[derive(sqlx::FromRow)]
struct CountRow {
    n: i64,
}

#[derive(sqlx::FromRow)]
struct IdRow {
    id: i64,
}

#[derive(sqlx::FromRow)]
struct NewAccountRow {
    id: i64,
    username: String,
}

#[derive(sqlx::FromRow)]
struct NewAssignmentRow {
    id: i64,
    exercise_id: i64,
    group_id: i64,
    opens_at: i64,
}

#[derive(Clone, Copy, Debug)]
pub struct Scale {
    pub schools: u32,
    pub seed: u64,
    /// Accounts ready to use (password kept, charter accepted), as benchmarks need them.
    /// Otherwise every account must replace the shared password at first sign-in, like an
    /// account an admin creates: a region generated for a trial never has thousands of
    /// accounts open with a password written in the README.
    pub activated: bool,
    /// Attempts to leave in progress for a load test of handing in, over the whole region
    /// (see [`plan::plan_exercises`]); 0 for a region as it is.
    pub open_attempts: u32,
}

/// What was written so far, after each school.
#[derive(Clone, Debug, Default)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
    pub school: String,
    pub accounts: usize,
    pub pupils: usize,
    pub teachers: usize,
    pub parents: usize,
    pub groups: usize,
    pub exercises: usize,
    pub assignments: usize,
    pub attempts: usize,
    /// Attempts in progress, of `attempts`.
    pub open_attempts: usize,
    pub sequences: usize,
    /// Sequences given to a group.
    pub given_sequences: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("password hashing: {0}")]
    Hash(String),
    #[error(
        "the database already holds generated school {0}: generate into a fresh database \
         (another SCOLA_DATA_DIR or DATABASE_URL)"
    )]
    AlreadyGenerated(String),
    #[error("--schools must be between 1 and 2000")]
    Scale,
    #[error("writing an exercise: {0}")]
    Json(#[from] serde_json::Error),
    #[error("writing a sequence: {0}")]
    Store(#[from] app::ports::StoreError),
}

/// Writes the region into `db`, calling `progress` after each school.
pub async fn generate(
    db: &Db,
    scale: Scale,
    now: Timestamp,
    mut progress: impl FnMut(&Progress),
) -> Result<Progress, GenerateError> {
    if !(1..=2000).contains(&scale.schools) {
        return Err(GenerateError::Scale);
    }
    let hash =
        crate::passwords::hash_now(PASSWORD).map_err(|e| GenerateError::Hash(e.to_string()))?;
    let pool = db.writer();
    // The classes are this school year's.
    let year = year_id(pool, SchoolYear::at(now)).await?.get();
    let charter = LAST_CHARTER
        .query_as::<VersionRow>()
        .fetch_one(pool)
        .await?
        .version;
    let existing = USERNAMES
        .query_as::<UsernameRow>()
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|r| r.username);
    let mut region = Region::new(existing);
    let mut total = Progress {
        total: scale.schools,
        ..Progress::default()
    };
    let accounts = Accounts {
        hash: &hash,
        activated: scale.activated,
        charter: charter.filter(|_| scale.activated),
        now,
    };
    // Every generated account's id by login name, for links to people of earlier schools.
    let mut ids: HashMap<String, i64> = HashMap::new();
    for index in 0..scale.schools {
        let plan = plan_school(scale.seed, index, &mut region);
        // The school's share of the open attempts asked for.
        let open = scale.open_attempts / scale.schools
            + u32::from(index < scale.open_attempts % scale.schools);
        let work = plan_exercises(scale.seed, index, &plan, open as usize);
        let taken = UAI_TAKEN
            .query_as::<CountRow>()
            .bind(&plan.uai)
            .fetch_one(pool)
            .await?
            .n;
        if taken > 0 {
            return Err(GenerateError::AlreadyGenerated(plan.uai));
        }
        let mut tx = pool.begin().await?;
        let school = write_school(&mut tx, &plan, year, &accounts, &mut ids).await?;
        write_work(&mut tx, &work, &school, now).await?;
        tx.commit().await?;
        total.done = index + 1;
        total.school = plan.name.clone();
        total.accounts += plan.people.len();
        total.pupils += plan.count(Profile::Pupil);
        total.teachers += plan.count(Profile::Teacher);
        total.parents += plan.count(Profile::Parent);
        total.groups += plan.groups.len();
        total.exercises += work.exercises.len();
        total.assignments += work.assignments.len();
        total.attempts += work.attempts.len();
        total.open_attempts += work.open_attempts();
        total.sequences += work.sequences.len();
        total.given_sequences += work.given_sequences.len();
        progress(&total);
    }
    if ANALYZE.on.includes(db.backend()) {
        ANALYZE.query().execute(pool).await?;
    }
    Ok(total)
}

/// What every generated account shares: a one-time password, or, activated, the state most
/// accounts of a region in use are in (password chosen, charter accepted).
struct Accounts<'a> {
    hash: &'a str,
    activated: bool,
    charter: Option<i64>,
    now: Timestamp,
}

/// The ids a school's rows were given, by their index in its plan.
struct Written {
    school: i64,
    people: Vec<i64>,
    groups: Vec<i64>,
}

async fn write_school(
    conn: &mut AnyConnection,
    plan: &SchoolPlan,
    year: i64,
    accounts: &Accounts<'_>,
    ids: &mut HashMap<String, i64>,
) -> Result<Written, sqlx::Error> {
    let school = INSERT_SCHOOL
        .query_as::<IdRow>()
        .bind(&plan.uai)
        .bind(&plan.name)
        .bind(plan.kind.code())
        .fetch_one(&mut *conn)
        .await?
        .id;

    let mut subjects = Vec::with_capacity(plan.subjects.len());
    for (code, name) in &plan.subjects {
        let row: IdRow = INSERT_SUBJECT
            .query_as()
            .bind(school)
            .bind(*code)
            .bind(*name)
            .fetch_one(&mut *conn)
            .await?;
        subjects.push(row.id);
    }
    let mut groups = Vec::with_capacity(plan.groups.len());
    for group in &plan.groups {
        let row: IdRow = INSERT_GROUP
            .query_as()
            .bind(school)
            .bind(year)
            .bind(group.kind.code())
            .bind(&group.name)
            .fetch_one(&mut *conn)
            .await?;
        groups.push(row.id);
    }

    let must_change = i64::from(!accounts.activated);
    for chunk in plan.people.chunks(BATCH) {
        let sql = Bulk::Accounts.sql(chunk.len());
        let mut query = sql.query_as::<NewAccountRow>().persistent(false);
        for person in chunk {
            query = query
                .bind(person.username.as_str())
                .bind(person.first_name)
                .bind(person.last_name)
                .bind(accounts.hash)
                .bind(must_change)
                .bind(if person.corsican { "co" } else { "fr" })
                .bind(0_i64)
                .bind(accounts.charter)
                .bind(accounts.now.unix());
        }
        for row in query.fetch_all(&mut *conn).await? {
            ids.insert(row.username, row.id);
        }
    }
    let ids = &*ids;
    let id = |login: &str| ids.get(login).copied().unwrap_or_default();
    let person = |i: usize| id(plan.people[i].username.as_str());

    use Value::{Int, Nullable, Text};
    insert_rows(
        conn,
        Bulk::Roles,
        plan.people
            .iter()
            .enumerate()
            .map(|(i, p)| vec![Int(person(i)), Int(school), Text(p.profile.code())]),
    )
    .await?;
    insert_rows(
        conn,
        Bulk::Memberships,
        plan.memberships
            .iter()
            .map(|&(g, p)| vec![Int(groups[g]), Int(person(p))]),
    )
    .await?;
    insert_rows(
        conn,
        Bulk::Teachings,
        plan.teachings
            .iter()
            .map(|&(g, t, s)| vec![Int(groups[g]), Int(person(t)), Nullable(Some(subjects[s]))]),
    )
    .await?;
    insert_rows(
        conn,
        Bulk::ParentLinks,
        plan.parent_links
            .iter()
            .map(|&(p, c)| vec![Int(person(p)), Int(person(c))]),
    )
    .await?;

    // Parents of an earlier school become parents here too.
    let mut parents: Vec<i64> = plan.outside_parents.iter().map(|(l, _)| id(l)).collect();
    parents.sort_unstable();
    parents.dedup();
    insert_rows(
        conn,
        Bulk::Roles,
        parents
            .iter()
            .map(|&p| vec![Int(p), Int(school), Text(Profile::Parent.code())]),
    )
    .await?;
    insert_rows(
        conn,
        Bulk::ParentLinks,
        plan.outside_parents
            .iter()
            .map(|(login, c)| vec![Int(id(login)), Int(person(*c))]),
    )
    .await?;
    Ok(Written {
        school,
        people: (0..plan.people.len()).map(person).collect(),
        groups,
    })
}

/// The school's exercises (each with its first version), assignments and attempts.
async fn write_work(
    conn: &mut AnyConnection,
    work: &WorkPlan,
    school: &Written,
    now: Timestamp,
) -> Result<(), GenerateError> {
    let at = |offset: i64| now.unix() + offset;
    let mut exercises = Vec::with_capacity(work.exercises.len());
    for written in &work.exercises {
        let exercise = &written.exercise;
        let row: IdRow = CREATE_EXERCISE
            .query_as()
            .bind(school.school)
            .bind(school.people[written.owner])
            .bind(exercise.title.as_str())
            .bind(exercise.language.as_str())
            .bind(i64::try_from(exercise.items.len()).unwrap_or(i64::MAX))
            .bind(i64::from(exercise.max_points().hundredths()))
            .bind(now.unix())
            .fetch_one(&mut *conn)
            .await?;
        CREATE_VERSION
            .query()
            .bind(row.id)
            .bind(1_i64)
            .bind(serde_json::to_string(exercise)?)
            .bind(now.unix())
            .execute(&mut *conn)
            .await?;
        exercises.push(row.id);
    }

    use Value::{Int, Nullable, NullableText, Text};
    let feedback: Vec<&str> = work.assignments.iter().map(|a| a.feedback.code()).collect();
    let mut assignments: HashMap<(i64, i64, i64), i64> = HashMap::new();
    for (chunk, codes) in work.assignments.chunks(BATCH).zip(feedback.chunks(BATCH)) {
        let sql = Bulk::Assignments.sql(chunk.len());
        let mut query = sql.query_as::<NewAssignmentRow>().persistent(false);
        for (a, code) in chunk.iter().zip(codes) {
            query = query
                .bind(exercises[a.exercise])
                .bind(school.groups[a.group])
                .bind(school.people[a.by])
                .bind(at(a.opens))
                .bind(at(a.due))
                .bind(*code)
                .bind(a.attempts.map(i64::from))
                .bind(at(a.opens));
        }
        for row in query.fetch_all(&mut *conn).await? {
            assignments.insert((row.exercise_id, row.group_id, row.opens_at), row.id);
        }
    }
    let assignment = |i: usize| {
        let a = &work.assignments[i];
        assignments
            .get(&(exercises[a.exercise], school.groups[a.group], at(a.opens)))
            .copied()
            .unwrap_or_default()
    };

    let responses = work
        .attempts
        .iter()
        .map(|t| serde_json::to_string(&t.response))
        .collect::<Result<Vec<_>, _>>()?;
    let outcomes = work
        .attempts
        .iter()
        .map(|t| {
            t.handed_in
                .as_ref()
                .map(|(_, o)| serde_json::to_string(o))
                .transpose()
        })
        .collect::<Result<Vec<_>, _>>()?;
    let points = |t: &plan::AttemptPlan, of: fn(&domain::exercise::Outcome) -> Points| {
        t.handed_in
            .as_ref()
            .map(|(_, o)| i64::from(of(o).hundredths()))
    };
    insert_rows(
        conn,
        Bulk::Attempts,
        work.attempts.iter().enumerate().map(|(i, t)| {
            vec![
                Int(assignment(t.assignment)),
                Int(school.people[t.pupil]),
                Int(1),
                Int(exercises[work.assignments[t.assignment].exercise]),
                Int(1),
                // Stored as the signed integer both databases have; the bits are the seed's.
                Int(i64::from_ne_bytes(t.seed.to_ne_bytes())),
                Text(responses[i].as_str()),
                Int(at(t.started)),
                Int(at(t.saved)),
                Nullable(t.handed_in.as_ref().map(|(when, _)| at(*when))),
                Nullable(points(t, |o| o.earned)),
                Nullable(points(t, |o| o.max)),
                Nullable(points(t, |o| o.awaiting_teacher)),
                NullableText(outcomes[i].as_deref()),
            ]
        }),
    )
    .await?;
    write_sequences(conn, work, school, &exercises, now).await
}

/// The school's sequences (exercise steps pointing to the exercises just written), those in
/// the library, their giving (through the one `give` the app uses: it finds the exercise
/// assignments written above) and the steps pupils marked done.
async fn write_sequences(
    conn: &mut AnyConnection,
    work: &WorkPlan,
    school: &Written,
    exercises: &[i64],
    now: Timestamp,
) -> Result<(), GenerateError> {
    use crate::db::sequences::{Columns, SET_SEQUENCE_PUBLISHED, give, insert_sequence};
    use domain::exercise::assignment::Rules;
    use domain::ids::{AccountId, ExerciseId, GroupId, SchoolId};
    use domain::sequence::StepBody;
    let at = |offset: i64| Timestamp::from_unix(now.unix() + offset);
    let mut written = Vec::with_capacity(work.sequences.len());
    for planned in &work.sequences {
        let mut sequence = planned.sequence.clone();
        for step in &mut sequence.steps {
            if let StepBody::Exercise { exercise } = &mut step.body {
                let index = usize::try_from(exercise.get()).unwrap_or(usize::MAX);
                *exercise = ExerciseId::new(exercises[index]);
            }
        }
        let owner = AccountId::new(school.people[planned.owner]);
        let columns = Columns::of(&sequence)?;
        let id = insert_sequence(
            conn,
            SchoolId::new(school.school),
            owner,
            columns,
            None,
            now,
        )
        .await?;
        if planned.published {
            SET_SEQUENCE_PUBLISHED
                .query()
                .bind(id.get())
                .bind(now.unix())
                .execute(&mut *conn)
                .await?;
        }
        written.push((id, sequence));
    }
    let mut done = vec![];
    for given in &work.given_sequences {
        let a = &work.assignments[given.assignment];
        let rules = Rules {
            opens: at(a.opens),
            due: Some(at(a.due)),
            feedback: a.feedback,
            attempts: a.attempts,
        };
        let (id, sequence) = &written[given.sequence];
        let made = give(
            conn,
            *id,
            sequence,
            GroupId::new(school.groups[a.group]),
            AccountId::new(school.people[a.by]),
            &rules,
            now,
        )
        .await?;
        for &(pupil, step, when) in &given.done {
            done.push((
                made.get(),
                school.people[pupil],
                i64::from(step.get()),
                at(when).unix(),
            ));
        }
    }
    insert_rows(
        conn,
        Bulk::StepsDone,
        done.iter().map(|&(given, pupil, step, when)| {
            vec![
                Value::Int(given),
                Value::Int(pupil),
                Value::Int(step),
                Value::Int(when),
            ]
        }),
    )
    .await?;
    Ok(())
}

/// Inserts `rows` into a [`Bulk`] table in statements of [`BATCH`] rows.
async fn insert_rows<'a>(
    conn: &mut AnyConnection,
    bulk: Bulk,
    rows: impl Iterator<Item = Vec<Value<'a>>>,
) -> Result<(), sqlx::Error> {
    let rows: Vec<Vec<Value<'a>>> = rows.collect();
    for chunk in rows.chunks(BATCH) {
        let sql = bulk.sql(chunk.len());
        let mut query = sql.query_once();
        for value in chunk.iter().flatten() {
            query = match *value {
                Value::Int(v) => query.bind(v),
                Value::Text(v) => query.bind(v),
                Value::Nullable(v) => query.bind(v),
                Value::NullableText(v) => query.bind(v),
            };
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}
