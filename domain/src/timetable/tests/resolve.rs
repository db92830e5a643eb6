use super::support::*;
use crate::ids::{AccountId, GroupId, RoomId, SubjectId};
use crate::timetable::*;

const HEADER: &str = "jour;début;fin;matière;classe ou groupe;enseignants;salle;semaine;du;au";

fn names() -> SchoolNames {
    SchoolNames {
        subjects: vec![
            (MATHS, "MATHS".into(), "Mathématiques".into()),
            (CORSICAN, "LCO".into(), "Langue corse".into()),
        ],
        groups: vec![
            (CLASS_6B, "6e B".into()),
            (CORSICAN_GROUP, "Lingua corsa".into()),
        ],
        teachers: vec![
            (SANTONI, "maria.santoni".into()),
            (ORSINI, "ghjuvan.orsini".into()),
        ],
        rooms: vec![(B12, "Salle B12".into())],
    }
}

fn resolved(lines: &[&str]) -> Resolution {
    let text = format!("{HEADER}\n{}", lines.join("\n"));
    resolve(
        &read_lessons(&text, YEAR).expect("readable"),
        &names(),
        YEAR,
    )
}

/// A case: its name, the line, and the subject, group, teachers and room it resolves to.
type Case<'a> = (
    &'a str,
    &'a str,
    SubjectId,
    GroupId,
    &'a [AccountId],
    Option<RoomId>,
);

#[test]
fn names_are_found_folded_codes_and_logins_case_aside() {
    let cases: &[Case<'_>] = &[
        (
            "by code",
            "lundi;8h;9h;MATHS;6e B;maria.santoni;;;;",
            MATHS,
            CLASS_6B,
            &[SANTONI],
            None,
        ),
        (
            "code in lower case",
            "lundi;8h;9h;lco;6e B;maria.santoni;;;;",
            CORSICAN,
            CLASS_6B,
            &[SANTONI],
            None,
        ),
        (
            "name without accents",
            "lundi;8h;9h;mathematiques;6E b;MARIA.SANTONI;;;;",
            MATHS,
            CLASS_6B,
            &[SANTONI],
            None,
        ),
        (
            "two teachers, a known room",
            "lundi;8h;9h;Langue Corse;lingua  corsa;maria.santoni, ghjuvan.orsini;salle b12;;;",
            CORSICAN,
            CORSICAN_GROUP,
            &[SANTONI, ORSINI],
            Some(B12),
        ),
    ];
    for (name, line, subject, group, teachers, room) in cases {
        let r = resolved(&[line]);
        assert!(r.is_clean(), "{name}: {:?}", r.lines);
        let lesson = &r.lessons[0].1.lesson;
        assert_eq!(
            (
                lesson.subject(),
                lesson.group(),
                lesson.teachers().as_slice(),
                lesson.room()
            ),
            (*subject, *group, *teachers, *room),
            "{name}"
        );
        assert!(r.new_rooms.is_empty(), "{name}");
    }
}

#[test]
fn each_unknown_name_is_said_and_refuses_its_line_only() {
    let r = resolved(&[
        "lundi;8h;9h;Physique;6e Z;personne, maria.santoni;;;;",
        "mardi;8h;9h;MATHS;6e B;maria.santoni;;;;",
        "dimanche;8h;9h;MATHS;6e B;maria.santoni;;;;",
    ]);
    assert!(!r.is_clean());
    assert_eq!(
        r.lines[0],
        (
            2,
            vec![
                ImportRefusal::Subject("Physique".into()),
                ImportRefusal::Group("6e Z".into()),
                ImportRefusal::Teacher("personne".into()),
            ]
        )
    );
    assert_eq!(r.lines[1], (3, vec![]));
    assert!(matches!(r.lines[2].1[..], [ImportRefusal::Read(_), ..]));
    assert_eq!(r.lessons.len(), 1);
    assert_eq!(r.lessons[0].0, 3);
}

#[test]
fn a_new_room_is_created_once_and_clashes_within_the_file() {
    let r = resolved(&[
        "lundi;8h;9h;MATHS;6e B;maria.santoni;Labo 2;;;",
        "lundi;8h30;9h30;LCO;Lingua corsa;ghjuvan.orsini;LABO  2;;;",
        "mardi;8h;9h;MATHS;6e B;maria.santoni;Labo 3;;;",
    ]);
    assert!(r.is_clean(), "{:?}", r.lines);
    let rooms: Vec<&str> = r.new_rooms.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(rooms, ["Labo 2", "Labo 3"]);
    let placed: Vec<Option<usize>> = r.lessons.iter().map(|(_, l)| l.new_room).collect();
    assert_eq!(placed, [Some(0), Some(0), Some(1)]);
    assert!(r.lessons.iter().all(|(_, l)| l.lesson.room().is_none()));
    // Stand-in rooms: the two lessons in "Labo 2" clash, the one in "Labo 3" does not.
    let drafts: Vec<_> = r
        .lessons
        .iter()
        .map(|(_, l)| (None, l.for_clash_check()))
        .collect();
    let clashes = lesson_clashes(&drafts, &[], |_, _| false);
    let rooms: Vec<_> = clashes
        .iter()
        .filter(|c| matches!(c.conflict, Conflict::Room(_)))
        .map(|c| (c.first, c.second))
        .collect();
    assert_eq!(rooms, [(LessonKey::Draft(0), LessonKey::Draft(1))]);
}

#[test]
fn a_room_name_that_cannot_be_a_rooms_refuses_the_line() {
    let r = resolved(&["lundi;8h;9h;MATHS;6e B;maria.santoni;---;;;"]);
    assert_eq!(r.lines[0].1, vec![ImportRefusal::Room("---".into())]);
}
