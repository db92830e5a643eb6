//! The demo's exercises: one in French for the collège's 5e classes, one entirely in Corsican
//! for its Corsican group, one for the lycée; given to their classes, with some work done.

use super::{IdRow, SeedError};
use crate::db::exercises::{CREATE_EXERCISE, CREATE_VERSION};
use crate::db::sql::statements;
use domain::exercise::assignment::Feedback;
use domain::exercise::{Exercise, Outcome, Response, score};
use domain::time::Timestamp;
use sqlx::AnyConnection;

statements! {
    INSERT_ASSIGNMENT = "INSERT INTO assignments (exercise_id, group_id, assigned_by, opens_at, \
        due_at, feedback, attempts, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $4) \
        RETURNING id";
    INSERT_ATTEMPT = "INSERT INTO attempts (assignment_id, pupil_id, number, exercise_id, \
        version, seed, response, started_at, saved_at, submitted_at, earned, max_points, \
        awaiting_teacher, outcome) \
        VALUES ($1, $2, 1, $3, 1, $4, $5, $6, $6, $7, $8, $9, $10, $11) RETURNING id";
}

/// Fractions and decimals, in French.
pub const FRACTIONS: &str = r#"{"title":"Fractions et nombres décimaux","language":"fr","statement":"Réponds à chaque question. Tu peux écrire les nombres avec une virgule.","items":[
{"id":"q1","prompt":"Quelle fraction est égale à $\\frac{1}{2}$ ?","points":100,"type":"single_choice","choices":[{"id":"a","text":"2/4","credit":100},{"id":"b","text":"1/4","credit":0,"feedback":"1/4 est la moitié de 1/2."},{"id":"c","text":"2/3","credit":0}],"shuffle":true},
{"id":"q2","prompt":"Écris 3/4 sous forme décimale.","points":100,"type":"numeric","answers":[{"value":"0.75","tolerance":{"type":"absolute","margin":"0"},"credit":100}]},
{"id":"q3","prompt":"0,5 est plus grand que 0,45.","points":50,"type":"true_false","answer":true},
{"id":"q4","prompt":"Comment appelle-t-on le nombre écrit sous la barre de fraction ?","points":100,"type":"short_text","answers":[{"text":"dénominateur","matching":{"case_sensitive":false,"accent_sensitive":false,"typos":true},"credit":100}]},
{"id":"q5","prompt":"Range du plus petit au plus grand.","points":150,"type":"ordering","cards":[{"id":"a","text":"0,2"},{"id":"b","text":"1/4"},{"id":"c","text":"0,3"},{"id":"d","text":"1/2"}],"credit":"longest_sequence"}
]}"#;

/// The days of the week, entirely in Corsican.
pub const GHJORNI: &str = r#"{"title":"I ghjorni di a settimana","language":"co","statement":"Rispondi in lingua corsa.","items":[
{"id":"q1","prompt":"Cumu si dice « jeudi » in corsu ?","points":100,"type":"short_text","answers":[{"text":"ghjovedì","variants":["ghjovi"],"matching":{"case_sensitive":false,"accent_sensitive":true,"typos":false},"credit":100}]},
{"id":"q2","prompt":"Compie a frase.","points":200,"type":"cloze","parts":[{"type":"text","text":"Dopu à u luni vene u "},{"type":"typed_gap","answers":[{"text":"marti","matching":{"case_sensitive":false,"accent_sensitive":true,"typos":false},"credit":100}]},{"type":"text","text":", è a settimana finisce cù a "},{"type":"choice_gap","options":[{"id":"a","text":"dumenica","credit":100},{"id":"b","text":"sabbatu","credit":0}]},{"type":"text","text":"."}]},
{"id":"q3","prompt":"Metti i ghjorni in ordine.","points":200,"type":"ordering","cards":[{"id":"a","text":"luni"},{"id":"b","text":"marti"},{"id":"c","text":"mercuri"},{"id":"d","text":"ghjovi"}],"credit":"positions"},
{"id":"q4","prompt":"Associa ogni ghjornu à u so nome in francese.","points":150,"type":"matching","pairs":[{"left":{"id":"l1","text":"venneri"},"right":{"id":"r1","text":"vendredi"}},{"left":{"id":"l2","text":"sabbatu"},"right":{"id":"r2","text":"samedi"}},{"left":{"id":"l3","text":"dumenica"},"right":{"id":"r3","text":"dimanche"}}],"distractors":[{"id":"r4","text":"lundi"}]}
]}"#;

/// Equations, for the lycée.
pub const EQUATIONS: &str = r#"{"title":"Équations du premier degré","language":"fr","items":[
{"id":"q1","prompt":"Résous $2x + 3 = 11$. Que vaut $x$ ?","points":200,"type":"numeric","answers":[{"value":"4","tolerance":{"type":"absolute","margin":"0"},"credit":100}]},
{"id":"q2","prompt":"Quelles équations ont pour solution $x = 1$ ?","points":200,"type":"multiple_choice","choices":[{"id":"a","text":"x + 1 = 2","correct":true},{"id":"b","text":"2x = 1","correct":false},{"id":"c","text":"3x − 3 = 0","correct":true}],"penalty":"wrong_cancels_right","shuffle":true}
]}"#;

/// Reads one of the exercises above; they are checked by the tests, so a failure here is a
/// programming error reported as a seeding error.
pub fn exercise(json: &str) -> Result<Exercise, SeedError> {
    let exercise: Exercise =
        serde_json::from_str(json).map_err(|e| SeedError::Exercise(e.to_string()))?;
    match exercise.problems().as_slice() {
        [] => Ok(exercise),
        problems => Err(SeedError::Exercise(format!("{problems:?}"))),
    }
}

/// The demo's people and groups the exercises need, by id.
pub struct Demo {
    pub college: i64,
    pub lycee: i64,
    pub teacher: i64,
    pub cinq_a: i64,
    pub cinq_b: i64,
    pub corsu: i64,
    pub seconde: i64,
    pub lisandru: i64,
    pub matteu: i64,
    pub lucia: i64,
    pub anna: i64,
    pub santu: i64,
}

/// A week in seconds: assignments opened a week ago, due in a week.
const WEEK: i64 = 7 * 24 * 3600;

pub async fn seed(tx: &mut AnyConnection, d: &Demo, now: Timestamp) -> Result<(), SeedError> {
    let fractions = exercise(FRACTIONS)?;
    let ghjorni = exercise(GHJORNI)?;
    let equations = exercise(EQUATIONS)?;
    let f = write(tx, d.college, d.teacher, &fractions, now).await?;
    let g = write(tx, d.college, d.teacher, &ghjorni, now).await?;
    let e = write(tx, d.lycee, d.teacher, &equations, now).await?;
    let lisandru_fractions = r#"{"answers":{"q1":{"type":"single_choice","choice":"a"},"q2":{"type":"numeric","text":"0,75"},"q3":{"type":"true_false","value":true},"q4":{"type":"short_text","text":"denominateur"},"q5":{"type":"ordering","order":["a","b","c","d"]}}}"#;
    let lucia_fractions = r#"{"answers":{"q1":{"type":"single_choice","choice":"b"},"q2":{"type":"numeric","text":"0,7"},"q3":{"type":"true_false","value":false}}}"#;
    let anna_ghjorni = r#"{"answers":{"q1":{"type":"short_text","text":"ghjovi"},"q2":{"type":"cloze","gaps":[{"type":"typed","text":"marti"},{"type":"chosen","option":"a"}]}}}"#;
    let santu_equations = r#"{"answers":{"q1":{"type":"numeric","text":"4"},"q2":{"type":"multiple_choice","choices":["a"]}}}"#;
    // 5e A: the teacher's own class. 5e B: given by a colleague who has left (nobody teaches
    // it in the demo), so the teacher follows one and not the other.
    let gifts = [
        (
            &fractions,
            f,
            d.cinq_a,
            Some(d.teacher),
            Feedback::Instant,
            vec![(d.lisandru, Some(lisandru_fractions)), (d.matteu, None)],
        ),
        (
            &fractions,
            f,
            d.cinq_b,
            None,
            Feedback::AfterSubmission,
            vec![(d.lucia, Some(lucia_fractions))],
        ),
        (
            &ghjorni,
            g,
            d.corsu,
            Some(d.teacher),
            Feedback::AfterSubmission,
            vec![(d.anna, Some(anna_ghjorni)), (d.lisandru, None)],
        ),
        (
            &equations,
            e,
            d.seconde,
            Some(d.teacher),
            Feedback::AfterDue,
            vec![(d.santu, Some(santu_equations))],
        ),
    ];
    for (exercise, id, group, by, feedback, work) in gifts {
        // The same exercise given to the same group at the same opening is one assignment: the
        // sequences below find these.
        let row: IdRow = INSERT_ASSIGNMENT
            .query_as()
            .bind(id)
            .bind(group)
            .bind(by)
            .bind(now.unix() - WEEK)
            .bind(now.unix() + WEEK)
            .bind(feedback.code())
            .bind(Option::<i64>::None)
            .fetch_one(&mut *tx)
            .await?;
        for (pupil, response) in work {
            attempt(tx, row.id, id, exercise, pupil, response, now).await?;
        }
    }
    super::sequences::seed(
        tx,
        &super::sequences::Demo {
            college: d.college,
            teacher: d.teacher,
            cinq_a: d.cinq_a,
            corsu: d.corsu,
            fractions: f,
            ghjorni: g,
            opens: now.unix() - WEEK,
            due: now.unix() + WEEK,
        },
        now,
    )
    .await
}

async fn write(
    tx: &mut AnyConnection,
    school: i64,
    owner: i64,
    exercise: &Exercise,
    now: Timestamp,
) -> Result<i64, SeedError> {
    // The app's own statements, run inside the demo's one transaction.
    let row: IdRow = CREATE_EXERCISE
        .query_as()
        .bind(school)
        .bind(owner)
        .bind(exercise.title.as_str())
        .bind(exercise.language.as_str())
        .bind(i64::try_from(exercise.items.len()).unwrap_or(i64::MAX))
        .bind(i64::from(exercise.max_points().hundredths()))
        .bind(now.unix())
        .fetch_one(&mut *tx)
        .await?;
    CREATE_VERSION
        .query()
        .bind(row.id)
        .bind(1_i64)
        .bind(json(exercise)?)
        .bind(now.unix())
        .execute(&mut *tx)
        .await?;
    Ok(row.id)
}

/// A pupil's attempt, handed in (`Some(response)`, scored by the one scoring function) or just
/// started.
async fn attempt(
    tx: &mut AnyConnection,
    assignment: i64,
    exercise_id: i64,
    exercise: &Exercise,
    pupil: i64,
    response: Option<&str>,
    now: Timestamp,
) -> Result<(), SeedError> {
    let seed = pupil;
    let (response, outcome) = match response {
        None => (Response::default(), None),
        Some(text) => {
            let response: Response =
                serde_json::from_str(text).map_err(|e| SeedError::Exercise(e.to_string()))?;
            response
                .check(&exercise.paper(u64::from_ne_bytes(seed.to_ne_bytes())))
                .map_err(|e| SeedError::Exercise(e.to_string()))?;
            let outcome = score(&exercise.key(), &response)
                .map_err(|e| SeedError::Exercise(e.to_string()))?;
            (response, Some(outcome))
        }
    };
    let handed_in = outcome.as_ref().map(|_| now.unix() - 3600);
    let points = |f: fn(&Outcome) -> domain::exercise::Points| {
        outcome.as_ref().map(|o| i64::from(f(o).hundredths()))
    };
    INSERT_ATTEMPT
        .query_as::<IdRow>()
        .bind(assignment)
        .bind(pupil)
        .bind(exercise_id)
        .bind(seed)
        .bind(json(&response)?)
        .bind(now.unix() - 7200)
        .bind(handed_in)
        .bind(points(|o| o.earned))
        .bind(points(|o| o.max))
        .bind(points(|o| o.awaiting_teacher))
        .bind(outcome.as_ref().map(json).transpose()?)
        .fetch_one(&mut *tx)
        .await?;
    Ok(())
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, SeedError> {
    serde_json::to_string(value).map_err(|e| SeedError::Exercise(e.to_string()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_demo_exercises_have_no_problems() {
        for json in [super::FRACTIONS, super::GHJORNI, super::EQUATIONS] {
            assert!(super::exercise(json).is_ok(), "{json}");
        }
    }
}
