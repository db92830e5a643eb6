use super::*;
use crate::coded::Coded;

fn lesson(id: u32, title: &str, text: &str) -> Step {
    Step {
        id: StepId::new(id),
        title: title.into(),
        body: StepBody::Lesson { text: text.into() },
    }
}

fn link(id: u32, url: &str) -> Step {
    Step {
        id: StepId::new(id),
        title: "Lien".into(),
        body: StepBody::Link { url: url.into() },
    }
}

fn exercise_step(id: u32, exercise: i64) -> Step {
    Step {
        id: StepId::new(id),
        title: "Exercice".into(),
        body: StepBody::Exercise {
            exercise: ExerciseId::new(exercise),
        },
    }
}

fn sequence(steps: Vec<Step>) -> Sequence {
    Sequence {
        title: "I ghjorni".into(),
        language: "co".parse().expect("a language tag"),
        discipline: Discipline::Corsican,
        level: Level::Sixieme,
        licence: Licence::CcBySa,
        summary: None,
        steps,
        credits: vec![],
    }
}

#[test]
fn a_well_formed_sequence_has_no_problem() {
    let s = sequence(vec![
        lesson(1, "Lezzione", "I ghjorni di a settimana."),
        link(2, "https://www.adecec.net/parlate/"),
        exercise_step(3, 7),
    ]);
    assert_eq!(s.problems(), vec![]);
}

#[test]
fn every_problem_is_named_at_its_step() {
    let mut s = sequence(vec![
        lesson(1, " ", "texte"),
        lesson(1, "Vide", "  "),
        link(2, "javascript:alert(1)"),
        link(3, "data:text/html,<script>alert(1)</script>"),
        link(4, "/relative/page"),
        link(5, "https://example.org/ok"),
    ]);
    s.title = "   ".into();
    assert_eq!(
        s.problems(),
        vec![
            Problem::NoTitle,
            Problem::StepWithoutTitle(StepId::new(1)),
            Problem::DuplicateStep(StepId::new(1)),
            Problem::EmptyLesson(StepId::new(1)),
            Problem::NotAWebAddress(StepId::new(2)),
            Problem::NotAWebAddress(StepId::new(3)),
            Problem::NotAWebAddress(StepId::new(4)),
        ]
    );
    assert_eq!(sequence(vec![]).problems(), vec![Problem::NoSteps]);
    let long: Vec<Step> = (1..=61).map(|n| lesson(n, "L", "t")).collect();
    assert_eq!(sequence(long).problems(), vec![Problem::TooManySteps]);
}

#[test]
fn share_alike_copies_stay_share_alike_and_reserved_ones_are_not_copied() {
    use Licence::*;
    let cases = [
        (CcBy, CcBy, true),
        (CcBy, CcBySa, true),
        (CcBy, AllRightsReserved, true),
        (CcBySa, CcBySa, true),
        (CcBySa, CcBy, false),
        (CcBySa, AllRightsReserved, false),
        (AllRightsReserved, AllRightsReserved, false),
        (AllRightsReserved, CcBy, false),
    ];
    for (original, copy, allowed) in cases {
        assert_eq!(
            original.allows_copy_under(copy),
            allowed,
            "{original:?} → {copy:?}"
        );
    }
    assert!(CcBy.shareable() && CcBySa.shareable() && !AllRightsReserved.shareable());
}

#[test]
fn a_copy_credits_every_author_and_points_to_the_copied_exercises() {
    let mut s = sequence(vec![
        exercise_step(1, 7),
        lesson(2, "L", "t"),
        exercise_step(3, 9),
        exercise_step(4, 7),
    ]);
    s.credits.push(Credit {
        title: "Prima".into(),
        author: "Anna Rossi".into(),
        school: "Scola A".into(),
        licence: Licence::CcBySa,
    });
    assert_eq!(s.exercises(), vec![ExerciseId::new(7), ExerciseId::new(9)]);
    let credit = Credit {
        title: s.title.clone(),
        author: "Maria Santoni".into(),
        school: "Collège".into(),
        licence: Licence::CcBySa,
    };
    let map = [
        (ExerciseId::new(7), ExerciseId::new(70)),
        (ExerciseId::new(9), ExerciseId::new(90)),
    ];
    assert_eq!(s.copied(credit.clone(), Licence::CcBy, &map), None);
    let copy = s
        .copied(credit.clone(), Licence::CcBySa, &map)
        .expect("a share-alike copy");
    assert_eq!(copy.credits.len(), 2);
    assert_eq!(copy.credits[1], credit);
    assert_eq!(
        copy.exercises(),
        vec![ExerciseId::new(70), ExerciseId::new(90)]
    );
    assert_eq!(copy.steps[3].id, StepId::new(4));
    // An exercise without its copy would point to the original: no copy at all rather.
    assert_eq!(s.copied(credit, Licence::CcBySa, &map[..1]), None);
}

#[test]
fn the_search_folds_case_accents_and_punctuation() {
    assert_eq!(search_key("  Ghjovedì, l’ÉTÉ!  "), "ghjovedi l ete");
    assert_eq!(search_key("Œuvre"), "œuvre");
    let mut s = sequence(vec![lesson(1, "A settimana", "U ghjovedì")]);
    s.summary = Some("Per i sculari di **sesta**".into());
    assert_eq!(
        s.search_text(),
        "i ghjorni a settimana u ghjovedi per i sculari di sesta"
    );
}

#[test]
fn new_steps_get_numbers_never_used() {
    let s = sequence(vec![lesson(4, "L", "t"), lesson(2, "L", "t")]);
    assert_eq!(s.next_step_id(), StepId::new(5));
    assert_eq!(sequence(vec![]).next_step_id(), StepId::new(1));
}

#[test]
fn progress_counts_steps_done() {
    use StepState::*;
    let p = Progress::of([Done, Started, ToDo, Done]);
    assert_eq!(p, Progress { done: 2, steps: 4 });
    assert_eq!(p.percent(), 50);
    assert!(!p.finished());
    assert!(Progress::of([Done]).finished());
    assert_eq!(Progress::of([]).percent(), 0);
    assert!(!Progress::of([]).finished());
    assert_eq!(Progress::of([Done, ToDo, ToDo]).percent(), 33);
}

#[test]
fn tags_round_trip_and_the_json_shape_is_stable() {
    fn round_trip<T: Coded>() {
        for &v in T::VALUES {
            assert_eq!(v.code().parse::<T>().ok(), Some(v));
        }
    }
    round_trip::<Discipline>();
    round_trip::<Level>();
    round_trip::<Licence>();
    round_trip::<StepKind>();
    let s = sequence(vec![exercise_step(1, 7), link(2, "https://a.org/")]);
    let json = serde_json::to_value(&s).expect("written");
    assert_eq!(
        json["steps"][0],
        serde_json::json!({"id": 1, "title": "Exercice", "type": "exercise", "exercise": 7})
    );
    assert_eq!(json["licence"], "cc_by_sa");
    assert_eq!(json["level"], "6e");
    let back: Sequence = serde_json::from_value(json).expect("read back");
    assert_eq!(back, s);
}

#[test]
fn the_files_a_sequence_shows_are_its_steps_and_its_lessons_addresses() {
    let (doc, picture, sound) = (
        "0123456789abcdef0123456789abcdef",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
    );
    let id = |s: &str| s.parse::<FileId>().expect("a file id");
    let mut s = sequence(vec![
        lesson(
            1,
            "Lezzione",
            &format!("![carta](/files/{picture}.png) and again /files/{picture}"),
        ),
        Step {
            id: StepId::new(2),
            title: "A scheda".into(),
            body: StepBody::File {
                file: id(doc),
                kind: FileKind::Pdf,
            },
        },
        exercise_step(3, 7),
    ]);
    s.summary = Some(format!("Sintite : /files/{sound}.ogg"));
    assert_eq!(
        s.files().into_iter().collect::<Vec<_>>(),
        vec![id(doc), id(picture), id(sound)]
    );
    assert_eq!(s.problems(), vec![]);
    assert_eq!(s.steps[1].body.kind(), StepKind::File);
    // As the archive and the stored JSON write it.
    let json = serde_json::to_value(&s.steps[1]).expect("json");
    assert_eq!(
        json,
        serde_json::json!({"id": 2, "title": "A scheda", "type": "file", "file": doc,
            "kind": "Pdf"})
    );
}
