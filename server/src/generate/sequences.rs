//! The region's sequences (parcours): what a teacher builds from the exercises they wrote (a
//! lesson, a link, then the exercises), given to their groups at the opening of one of those
//! exercises so that the work already planned counts, and the steps pupils marked done.

use super::plan::{SchoolPlan, WorkPlan};
use domain::exercise::LanguageTag;
use domain::ids::ExerciseId;
use domain::lang::Lang;
use domain::school::SchoolKind;
use domain::sequence::{Discipline, Level, Licence, Sequence, Step, StepBody, StepId};
use rand::Rng;
use rand::rngs::StdRng;
use std::collections::HashSet;

/// A sequence a teacher wrote. Its exercise steps name exercises by their index in
/// `WorkPlan::exercises` (`ExerciseId::new(index)`), made real ids when written.
#[derive(Debug)]
pub struct SequencePlan {
    pub owner: usize,
    pub sequence: Sequence,
    pub published: bool,
}

/// A sequence given to a group with the rules of one of its exercises' assignments (by the same
/// teacher, to the same group, at the same opening), which the giving then shares.
#[derive(Debug)]
pub struct GivenSequencePlan {
    pub sequence: usize,
    pub assignment: usize,
    /// (pupil, step, seconds from generation) of the lessons and links marked done.
    pub done: Vec<(usize, StepId, i64)>,
}

const LESSON: StepId = StepId::new(1);
const LINK: StepId = StepId::new(2);

fn discipline(code: &str) -> Discipline {
    match code {
        "FRANC" => Discipline::French,
        "MATHS" => Discipline::Mathematics,
        "LCO" => Discipline::Corsican,
        "HG" => Discipline::HistoryGeography,
        "SVT" => Discipline::LifeSciences,
        "PC" => Discipline::PhysicsChemistry,
        "TECH" => Discipline::Technology,
        "ANG" => Discipline::English,
        "ITA" => Discipline::Italian,
        "LAT" => Discipline::Classics,
        "AP" => Discipline::VisualArts,
        "MUS" => Discipline::Music,
        "EPS" => Discipline::PhysicalEducation,
        "PHILO" => Discipline::Philosophy,
        _ => Discipline::Other,
    }
}

fn level(rng: &mut StdRng, kind: SchoolKind) -> Level {
    let levels: &[Level] = match kind {
        SchoolKind::College => &[
            Level::Sixieme,
            Level::Cinquieme,
            Level::Quatrieme,
            Level::Troisieme,
        ],
        SchoolKind::Ecole => &[Level::Ce2, Level::Cm1, Level::Cm2],
        _ => &[Level::Seconde, Level::Premiere, Level::Terminale],
    };
    levels[rng.gen_range(0..levels.len())]
}

/// One teacher's sequence over `exercises` (indices into the plan), on `subject`.
fn write(
    rng: &mut StdRng,
    school: &SchoolPlan,
    (code, subject): (&str, &str),
    exercises: &[usize],
    work: &WorkPlan,
) -> (Sequence, bool) {
    let co = exercises
        .first()
        .is_some_and(|&e| work.exercises[e].exercise.language.as_str() == "co");
    let (title, lesson, link) = if co {
        (
            format!("Percorsu di {subject}"),
            "Leghjite sta lezzione, po fate l’esercizii unu dopu à l’altru.\n\n\
             - ripassate e parolle nove ;\n- pruvate senza aiutu ;\n- verificate."
                .to_owned(),
            "https://co.wikipedia.org/wiki/Lingua_corsa",
        )
    } else {
        (
            format!("Parcours de {subject}"),
            format!(
                "Lisez cette leçon de **{subject}**, puis faites les exercices dans l’ordre.\n\n\
                 1. relisez le cours ;\n2. essayez sans aide ;\n3. vérifiez vos réponses."
            ),
            "https://fr.wikipedia.org/wiki/Coll%C3%A8ge_en_France",
        )
    };
    let mut steps = vec![
        Step {
            id: LESSON,
            title: if co { "A lezzione" } else { "La leçon" }.into(),
            body: StepBody::Lesson { text: lesson },
        },
        Step {
            id: LINK,
            title: if co {
                "Per andà più luntanu"
            } else {
                "Pour aller plus loin"
            }
            .into(),
            body: StepBody::Link { url: link.into() },
        },
    ];
    for (n, &exercise) in exercises.iter().enumerate() {
        steps.push(Step {
            id: StepId::new(3 + u32::try_from(n).unwrap_or(0)),
            title: work.exercises[exercise].exercise.title.clone(),
            body: StepBody::Exercise {
                exercise: ExerciseId::new(i64::try_from(exercise).unwrap_or_default()),
            },
        });
    }
    let published = rng.gen_bool(0.25);
    let licence = if published {
        [Licence::CcBy, Licence::CcBySa][rng.gen_range(0..2)]
    } else {
        [Licence::CcBy, Licence::CcBySa, Licence::AllRightsReserved][rng.gen_range(0..3)]
    };
    let language = LanguageTag::from(if co { Lang::Co } else { Lang::Fr });
    let sequence = Sequence {
        title,
        language,
        discipline: discipline(code),
        level: level(rng, school.kind),
        licence,
        summary: None,
        steps,
        credits: vec![],
    };
    (sequence, published)
}

/// Plans the sequences of a school whose exercises and assignments `work` holds: two teachers
/// in three build one from all the exercises they wrote; half the assignments of those
/// exercises come with the sequence; pupils who started the exercise mostly read the lesson,
/// and some the link.
pub fn plan(rng: &mut StdRng, school: &SchoolPlan, work: &mut WorkPlan, given_upto: usize) {
    let mut by_teacher: Vec<(usize, usize)> = vec![];
    let mut seen = HashSet::new();
    for &(_, teacher, subject) in &school.teachings {
        if !seen.insert(teacher) || !rng.gen_bool(0.66) {
            continue;
        }
        let exercises: Vec<usize> = (0..work.exercises.len())
            .filter(|&e| work.exercises[e].owner == teacher)
            .collect();
        if exercises.is_empty() {
            continue;
        }
        let (sequence, published) = write(rng, school, school.subjects[subject], &exercises, work);
        work.sequences.push(SequencePlan {
            owner: teacher,
            sequence,
            published,
        });
        by_teacher.push((teacher, work.sequences.len() - 1));
    }
    let mut members: Vec<Vec<usize>> = vec![vec![]; school.groups.len()];
    for &(group, pupil) in &school.memberships {
        members[group].push(pupil);
    }
    // A sequence is given to a group once per opening.
    let mut given = HashSet::new();
    for assignment in 0..given_upto {
        let a = &work.assignments[assignment];
        let Some(&(_, sequence)) = by_teacher.iter().find(|(t, _)| *t == a.by) else {
            continue;
        };
        if !rng.gen_bool(0.5) || !given.insert((sequence, a.group, a.opens)) {
            continue;
        }
        let end = a.due.min(0);
        let mut done = vec![];
        for &pupil in &members[a.group] {
            if rng.gen_bool(0.7) {
                done.push((pupil, LESSON, rng.gen_range(a.opens + 60..end - 60)));
                if rng.gen_bool(0.5) {
                    done.push((pupil, LINK, rng.gen_range(a.opens + 60..end - 60)));
                }
            }
        }
        work.given_sequences.push(GivenSequencePlan {
            sequence,
            assignment,
            done,
        });
    }
}
