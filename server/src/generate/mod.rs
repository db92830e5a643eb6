//! Region-scale data for load tests and benchmarks: `server generate --schools 50` adds to the
//! configured database a deterministic, realistic region (at 50 schools about LEIA's size:
//! ≈36,000 pupils, ≈3,200 teachers, ≈64,000 parents, their classes, option groups, teachings and
//! family links, some families with children in two establishments; the teachers' exercises,
//! given to their groups, and the pupils' attempts, handed in and scored or in progress; the
//! sequences built from those exercises, some in the library, given with them, and the steps
//! pupils marked done; every school's calendar of the year, rooms, a year of weekly lessons for
//! its classes and groups, and the changes of its dates).
//! Planning is pure and
//! seeded ([`plan`]); writing takes one transaction per school, so an interrupted run leaves
//! whole schools only, and rows go in multi-row statements so that 50 schools take seconds, not
//! hours.

mod exercises;
mod names;
pub mod plan;
mod sequences;
pub mod timetable;

use crate::db::Db;
use crate::db::exercises::{CREATE_EXERCISE, CREATE_VERSION};
use crate::db::school_years::year_id;
use crate::db::sql::{Built, Dialects, Family, fragments, statements};
use domain::exercise::Points;
use domain::profile::Profile;
use domain::school_calendar::SchoolYear;
use domain::time::Timestamp;
use domain::timetable::{Alteration, LessonChange, Saturday, Zone, day, open_data};
use plan::{Region, SchoolPlan, WorkPlan, plan_exercises, plan_school};
use sqlx::AnyConnection;
use std::collections::HashMap;
use timetable::{CalendarPlan, Ids, TimetablePlan, plan_timetable};

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
    ROOMS = "INSERT INTO rooms (school_id, name, name_key) VALUES ";
    RETURNING_ROOMS = " RETURNING id, name_key";
    LESSONS = "INSERT INTO lessons (school_id, year_id, subject_id, group_id, room_id, weekday, \
        starts, ends, alternation, from_day, until_day, updated_by, updated_at) VALUES ";
    /// Ids come back with what makes a lesson unique (its first day is the year's for all).
    RETURNING_LESSONS = " RETURNING id, group_id, subject_id, weekday, starts, alternation";
    LESSON_TEACHERS = "INSERT INTO lesson_teachers (lesson_id, teacher_id, position) VALUES ";
    OCCURRENCE_CHANGES = "INSERT INTO lesson_changes (school_id, lesson_id, on_day, kind, \
        moved_day, starts, ends, room_id, made_by, made_at) VALUES ";
    RETURNING_OCCURRENCE_CHANGES = " RETURNING id, lesson_id, on_day";
    EXTRA_LESSONS = "INSERT INTO lesson_changes (school_id, on_day, kind, starts, ends, room_id, \
        subject_id, group_id, made_by, made_at) VALUES ";
    RETURNING_EXTRA_LESSONS = " RETURNING id, group_id, subject_id, on_day, starts";
    CHANGE_TEACHERS = "INSERT INTO lesson_change_teachers (change_id, teacher_id, position) \
        VALUES ";
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
    Rooms,
    Lessons,
    LessonTeachers,
    OccurrenceChanges,
    ExtraLessons,
    ChangeTeachers,
}

impl Bulk {
    const ALL: [Bulk; 14] = [
        Bulk::Accounts,
        Bulk::Roles,
        Bulk::Memberships,
        Bulk::Teachings,
        Bulk::ParentLinks,
        Bulk::Assignments,
        Bulk::Attempts,
        Bulk::StepsDone,
        Bulk::Rooms,
        Bulk::Lessons,
        Bulk::LessonTeachers,
        Bulk::OccurrenceChanges,
        Bulk::ExtraLessons,
        Bulk::ChangeTeachers,
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
            Bulk::Rooms => (ROOMS, 3, RETURNING_ROOMS),
            Bulk::Lessons => (LESSONS, 13, RETURNING_LESSONS),
            Bulk::LessonTeachers => (LESSON_TEACHERS, 3, ""),
            Bulk::OccurrenceChanges => (OCCURRENCE_CHANGES, 10, RETURNING_OCCURRENCE_CHANGES),
            Bulk::ExtraLessons => (EXTRA_LESSONS, 10, RETURNING_EXTRA_LESSONS),
            Bulk::ChangeTeachers => (CHANGE_TEACHERS, 3, ""),
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

#[derive(Clone, Debug)]
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
    pub holidays: Holidays,
}

/// Where every school's holidays of the year come from: the schools of one region share one
/// calendar.
#[derive(Clone, Debug)]
pub enum Holidays {
    /// The official open-data calendar (the text of its CSV file), read for `zone` as the
    /// timetable area's import reads it. The file has no zone of Corsica's own: its académie
    /// sets its calendar apart, close to the zones', and every generated school is Corsican.
    OpenData { text: String, zone: Zone },
    /// Holidays shaped like zone A's, as the demo's: for a region generated without the file.
    Shaped,
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
    /// Weekly lessons of classes and groups.
    pub lessons: usize,
    /// Changes of a date: cancelled, moved, another room, a substitute, an extra lesson.
    pub lesson_changes: usize,
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
    #[error("writing a sequence or a calendar: {0}")]
    Store(#[from] app::ports::StoreError),
    #[error("the open-data holiday calendar: {0}")]
    OpenData(#[from] domain::timetable::OpenDataError),
    #[error("the school calendar: {0}")]
    Calendar(String),
    #[error("the school calendar: {0}")]
    Year(#[from] domain::timetable::YearError),
    #[error("a planned lesson: {0}")]
    Lesson(#[from] domain::timetable::LessonError),
    #[error("a planned change of a lesson: {0}")]
    Change(#[from] domain::timetable::ChangeError),
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
    let school_year = SchoolYear::at(now);
    let year = year_id(pool, school_year).await?.get();
    let calendar = region_calendar(&scale.holidays, school_year)?;
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
        let timetable = plan_timetable(scale.seed, index, &plan, &calendar);
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
        let year = (school_year, year);
        write_timetable(&mut tx, &plan, &timetable, &calendar, &school, year, now).await?;
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
        total.lessons += timetable.lessons.len();
        total.lesson_changes += timetable.changes.len();
        progress(&total);
    }
    if ANALYZE.on.includes(db.backend()) {
        ANALYZE.query().execute(pool).await?;
    }
    Ok(total)
}

/// The region's calendar of the year: holidays from the open-data file (or shaped like zone
/// A's), weeks A and B from the first week of classes.
fn region_calendar(holidays: &Holidays, year: SchoolYear) -> Result<CalendarPlan, GenerateError> {
    let (holidays, zone) = match holidays {
        // Lessons are Monday to Friday: a holiday the file starts on a Saturday starts then.
        Holidays::OpenData { text, zone } => (
            open_data::holidays(text, *zone, year, Saturday::Free)?,
            Some(*zone),
        ),
        Holidays::Shaped => (
            crate::seed::timetable::holidays(year)
                .map_err(|e| GenerateError::Calendar(e.to_string()))?,
            None,
        ),
    };
    Ok(CalendarPlan::new(year, holidays, zone)?)
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
    subjects: Vec<i64>,
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
        subjects,
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

#[derive(sqlx::FromRow)]
struct NewRoomRow {
    id: i64,
    name_key: String,
}

#[derive(sqlx::FromRow)]
struct NewLessonRow {
    id: i64,
    group_id: i64,
    subject_id: i64,
    weekday: String,
    starts: i64,
    alternation: String,
}

#[derive(sqlx::FromRow)]
struct NewOccurrenceChangeRow {
    id: i64,
    lesson_id: i64,
    on_day: String,
}

#[derive(sqlx::FromRow)]
struct NewExtraRow {
    id: i64,
    group_id: i64,
    subject_id: i64,
    on_day: String,
    starts: i64,
}

/// The school's calendar (through the timetable area's own writer), rooms, weekly lessons with
/// their teachers, and the changes of the year with theirs; checked as the area checks them on
/// the way (`Lesson`, `LessonChange`).
async fn write_timetable(
    conn: &mut AnyConnection,
    plan: &SchoolPlan,
    timetable: &TimetablePlan,
    calendar: &CalendarPlan,
    school: &Written,
    (school_year, year): (SchoolYear, i64),
    now: Timestamp,
) -> Result<(), GenerateError> {
    use crate::db::timetable::write_calendar;
    use Value::{Int, Nullable, Text};
    use app::ports::SchoolCalendar;
    use domain::ids::{AccountId, SchoolId};
    use domain::sequence::search_key;
    // Set up by the school's first administrator.
    let by = plan
        .people
        .iter()
        .position(|p| p.profile == Profile::SchoolAdmin)
        .map(|i| school.people[i]);
    let school_calendar = SchoolCalendar {
        school: SchoolId::new(school.school),
        days: calendar.days.clone(),
        ab: Some(calendar.ab.clone()),
        zone: calendar.zone,
    };
    write_calendar(conn, &school_calendar, by.map(AccountId::new), now).await?;

    let keys: Vec<String> = timetable.rooms.iter().map(|n| search_key(n)).collect();
    let rows: Vec<NewRoomRow> = insert_returning(
        conn,
        Bulk::Rooms,
        timetable
            .rooms
            .iter()
            .zip(&keys)
            .map(|(name, key)| vec![Int(school.school), Text(name), Text(key)]),
    )
    .await?;
    let by_key: HashMap<String, i64> = rows.into_iter().map(|r| (r.name_key, r.id)).collect();
    let rooms: Vec<i64> = keys
        .iter()
        .map(|k| by_key.get(k).copied().unwrap_or_default())
        .collect();

    let mut ids = Ids {
        subjects: &school.subjects,
        people: &school.people,
        groups: &school.groups,
        rooms: &rooms,
        lessons: &[],
    };
    let lessons = timetable
        .lessons
        .iter()
        .map(|l| l.lesson(school_year, &ids))
        .collect::<Result<Vec<_>, _>>()?;
    let from = day::iso(day::first_of(school_year));
    let until = day::iso(day::last_of(school_year));
    let rows: Vec<NewLessonRow> = insert_returning(
        conn,
        Bulk::Lessons,
        lessons.iter().map(|l| {
            let slot = l.slot();
            vec![
                Int(school.school),
                Int(year),
                Int(l.subject().get()),
                Int(l.group().get()),
                Nullable(l.room().map(|r| r.get())),
                Text(slot.day().code()),
                Int(i64::from(slot.start().minutes())),
                Int(i64::from(slot.end().minutes())),
                Text(l.alternation().code()),
                Text(&from),
                Text(&until),
                Nullable(by),
                Int(now.unix()),
            ]
        }),
    )
    .await?;
    let by_key: HashMap<(i64, i64, String, i64, String), i64> = rows
        .into_iter()
        .map(|r| {
            let key = (r.group_id, r.subject_id, r.weekday, r.starts, r.alternation);
            (key, r.id)
        })
        .collect();
    let lesson_ids: Vec<i64> = lessons
        .iter()
        .map(|l| {
            let slot = l.slot();
            let key = (
                l.group().get(),
                l.subject().get(),
                slot.day().code().to_owned(),
                i64::from(slot.start().minutes()),
                l.alternation().code().to_owned(),
            );
            by_key.get(&key).copied().unwrap_or_default()
        })
        .collect();
    insert_rows(
        conn,
        Bulk::LessonTeachers,
        lessons.iter().zip(&lesson_ids).flat_map(|(l, &id)| {
            l.teachers()
                .as_slice()
                .iter()
                .enumerate()
                .map(move |(position, t)| vec![Int(id), Int(t.get()), Int(position as i64)])
        }),
    )
    .await?;

    ids.lessons = &lesson_ids;
    let changes = timetable
        .changes
        .iter()
        .map(|c| c.change(&ids))
        .collect::<Result<Vec<_>, _>>()?;
    // The days as text, borrowed by the rows: (the date, where it is moved to).
    let days: Vec<(String, Option<String>)> = changes
        .iter()
        .map(|c| match c {
            LessonChange::Occurrence(o) => {
                let to = match o.alteration() {
                    Alteration::Changed {
                        moved_to: Some(to), ..
                    } => Some(day::iso(to.date())),
                    _ => None,
                };
                (day::iso(o.date()), to)
            }
            LessonChange::Extra(e) => (day::iso(e.when.date()), None),
        })
        .collect();
    let mut occurrences = vec![];
    let mut extras = vec![];
    for (change, (on_day, moved_day)) in changes.iter().zip(&days) {
        match change {
            LessonChange::Occurrence(o) => {
                let (kind, moved_to, room) = match o.alteration() {
                    Alteration::Cancelled => ("cancelled", None, None),
                    Alteration::Changed { moved_to, room, .. } => ("changed", *moved_to, *room),
                };
                occurrences.push(vec![
                    Int(school.school),
                    Int(o.lesson().get()),
                    Text(on_day),
                    Text(kind),
                    Value::NullableText(moved_day.as_deref()),
                    Nullable(moved_to.map(|m| i64::from(m.start().minutes()))),
                    Nullable(moved_to.map(|m| i64::from(m.end().minutes()))),
                    Nullable(room.map(|r| r.get())),
                    Nullable(by),
                    Int(now.unix()),
                ]);
            }
            LessonChange::Extra(e) => extras.push(vec![
                Int(school.school),
                Text(on_day),
                Text("extra"),
                Int(i64::from(e.when.start().minutes())),
                Int(i64::from(e.when.end().minutes())),
                Nullable(e.room.map(|r| r.get())),
                Int(e.subject.get()),
                Int(e.group.get()),
                Nullable(by),
                Int(now.unix()),
            ]),
        }
    }
    let rows: Vec<NewOccurrenceChangeRow> =
        insert_returning(conn, Bulk::OccurrenceChanges, occurrences.into_iter()).await?;
    let occurrence_ids: HashMap<(i64, String), i64> = rows
        .into_iter()
        .map(|r| ((r.lesson_id, r.on_day), r.id))
        .collect();
    let rows: Vec<NewExtraRow> =
        insert_returning(conn, Bulk::ExtraLessons, extras.into_iter()).await?;
    let extra_ids: HashMap<(i64, i64, String, i64), i64> = rows
        .into_iter()
        .map(|r| ((r.group_id, r.subject_id, r.on_day, r.starts), r.id))
        .collect();
    // The substitutes and the extra lessons' teachers.
    let mut teachers = vec![];
    for (change, (on_day, _)) in changes.iter().zip(&days) {
        let (id, who) = match change {
            LessonChange::Occurrence(o) => match o.alteration() {
                Alteration::Changed {
                    teachers: Some(t), ..
                } => (occurrence_ids.get(&(o.lesson().get(), on_day.clone())), t),
                _ => continue,
            },
            LessonChange::Extra(e) => {
                let key = (
                    e.group.get(),
                    e.subject.get(),
                    on_day.clone(),
                    i64::from(e.when.start().minutes()),
                );
                (extra_ids.get(&key), &e.teachers)
            }
        };
        let id = id.copied().unwrap_or_default();
        for (position, t) in who.as_slice().iter().enumerate() {
            teachers.push(vec![Int(id), Int(t.get()), Int(position as i64)]);
        }
    }
    insert_rows(conn, Bulk::ChangeTeachers, teachers.into_iter()).await?;
    Ok(())
}

/// Inserts `rows` into a [`Bulk`] table whose insert returns rows, in statements of [`BATCH`]
/// rows; answers the rows returned.
async fn insert_returning<'a, R>(
    conn: &mut AnyConnection,
    bulk: Bulk,
    rows: impl Iterator<Item = Vec<Value<'a>>>,
) -> Result<Vec<R>, sqlx::Error>
where
    R: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    let rows: Vec<Vec<Value<'a>>> = rows.collect();
    let mut out = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(BATCH) {
        let sql = bulk.sql(chunk.len());
        let mut query = sql.query_as::<R>().persistent(false);
        for value in chunk.iter().flatten() {
            query = match *value {
                Value::Int(v) => query.bind(v),
                Value::Text(v) => query.bind(v),
                Value::Nullable(v) => query.bind(v),
                Value::NullableText(v) => query.bind(v),
            };
        }
        out.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(out)
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
