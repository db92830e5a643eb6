//! The demo's sequences: one in French for the 5e A (its fractions exercise as the last step),
//! one entirely in Corsican for the Corsican group, published in the library, given with the
//! days-of-the-week exercise. Given at the exercises' own opening, so the work pupils already
//! did on those exercises counts for the sequences' steps.

use super::SeedError;
use crate::db::sequences::{Columns, give, insert_sequence};
use domain::exercise::assignment::{Feedback, Rules};
use domain::ids::{AccountId, ExerciseId, GroupId, SchoolId, SequenceId};
use domain::sequence::Sequence;
use domain::time::Timestamp;
use sqlx::AnyConnection;

/// Fractions, step by step, in French.
pub const FRACTIONS: &str = r#"{"title":"Les fractions pas à pas","language":"fr","discipline":"mathematics","level":"5e","licence":"cc_by","summary":"Un parcours pour revoir les **fractions** avant le contrôle : lisez la leçon, regardez la vidéo, puis faites l’exercice.","steps":[
{"id":1,"title":"Ce qu’est une fraction","type":"lesson","text":"Une fraction $\\frac{a}{b}$ partage l’unité en $b$ parts égales et en prend $a$.\n\n- $a$ est le **numérateur** ;\n- $b$ est le **dénominateur**.\n\nDeux fractions sont égales quand on multiplie (ou divise) le numérateur et le dénominateur par un même nombre : $\\frac{1}{2} = \\frac{2}{4}$."},
{"id":2,"title":"Fractions et nombres décimaux","type":"lesson","text":"Pour écrire une fraction sous forme décimale, on divise le numérateur par le dénominateur : $\\frac{3}{4} = 3 \\div 4 = 0{,}75$."},
{"id":3,"title":"Pour aller plus loin","type":"link","url":"https://fr.wikipedia.org/wiki/Fraction_(math%C3%A9matiques)"},
{"id":4,"title":"Exercice : fractions et décimaux","type":"exercise","exercise":0}
]}"#;

/// The days of the week, entirely in Corsican.
pub const GHJORNI: &str = r#"{"title":"I ghjorni di a settimana","language":"co","discipline":"corsican","level":"6e","licence":"cc_by_sa","summary":"Un percorsu per amparà i **ghjorni di a settimana** in lingua corsa.","steps":[
{"id":1,"title":"I nomi di i ghjorni","type":"lesson","text":"A settimana hà sette ghjorni : **luni**, **marti**, **mercuri**, **ghjovi** (o *ghjovedì*), **venneri**, **sabbatu** è **dumenica**.\n\nIn certi lochi si dice *ghjovi*, in altri *ghjovedì* : tramindui sò ghjusti."},
{"id":2,"title":"Da dove venenu sti nomi ?","type":"lesson","text":"I nomi di i ghjorni venenu da u latinu : *luni* hè u ghjornu di a luna, *marti* quellu di Marte, *mercuri* quellu di Mercuriu.\n\nA *dumenica* hè u ghjornu di u Signore (*dies dominica*)."},
{"id":3,"title":"A settimana nant’à Wikipedia","type":"link","url":"https://co.wikipedia.org/wiki/Settimana"},
{"id":4,"title":"Eserciziu : i ghjorni","type":"exercise","exercise":0}
]}"#;

/// Who writes and receives the demo's sequences.
pub struct Demo {
    pub college: i64,
    pub teacher: i64,
    pub cinq_a: i64,
    pub corsu: i64,
    pub fractions: i64,
    pub ghjorni: i64,
    /// When the exercises were given: the sequences open then too.
    pub opens: i64,
    pub due: i64,
}

/// Reads one of the sequences above with its exercise step pointing to `exercise`; they are
/// checked by the tests, so a failure here is a programming error reported as a seeding error.
pub fn sequence(json: &str, exercise: i64) -> Result<Sequence, SeedError> {
    let mut sequence: Sequence =
        serde_json::from_str(json).map_err(|e| SeedError::Exercise(e.to_string()))?;
    for step in &mut sequence.steps {
        if let domain::sequence::StepBody::Exercise { exercise: e } = &mut step.body {
            *e = ExerciseId::new(exercise);
        }
    }
    match sequence.problems().as_slice() {
        [] => Ok(sequence),
        problems => Err(SeedError::Exercise(format!("{problems:?}"))),
    }
}

pub async fn seed(tx: &mut AnyConnection, d: &Demo, now: Timestamp) -> Result<(), SeedError> {
    let store = |e: app::ports::StoreError| SeedError::Exercise(e.to_string());
    let teacher = AccountId::new(d.teacher);
    let school = SchoolId::new(d.college);
    for (json, exercise, group, feedback, publish) in [
        (FRACTIONS, d.fractions, d.cinq_a, Feedback::Instant, false),
        (GHJORNI, d.ghjorni, d.corsu, Feedback::AfterSubmission, true),
    ] {
        let sequence = sequence(json, exercise)?;
        let id: SequenceId = insert_sequence(
            tx,
            school,
            teacher,
            Columns::of(&sequence).map_err(store)?,
            None,
            now,
        )
        .await
        .map_err(store)?;
        if publish {
            crate::db::sequences::SET_SEQUENCE_PUBLISHED
                .query()
                .bind(id.get())
                .bind(now.unix())
                .execute(&mut *tx)
                .await?;
        }
        let rules = Rules {
            opens: Timestamp::from_unix(d.opens),
            due: Some(Timestamp::from_unix(d.due)),
            feedback,
            attempts: None,
        };
        give(tx, id, &sequence, GroupId::new(group), teacher, &rules, now)
            .await
            .map_err(store)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_demo_sequences_have_no_problems() {
        for json in [super::FRACTIONS, super::GHJORNI] {
            assert!(super::sequence(json, 1).is_ok(), "{json}");
        }
    }
}
