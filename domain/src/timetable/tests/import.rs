use super::support::*;
use crate::timetable::import::{Column, ImportError, Refusal};
use crate::timetable::rows::{Record, Unclosed, records};
use crate::timetable::*;

const HEADER: &str = "jour;début;fin;matière;classe ou groupe;enseignants;salle;semaine;du;au";

fn read(lines: &[&str]) -> Result<ImportReport, ImportError> {
    let mut text = format!("\u{FEFF}{HEADER}\r\n");
    for line in lines {
        text.push_str(line);
        text.push_str("\r\n");
    }
    read_lessons(&text, YEAR)
}

fn refusals(line: &str) -> Vec<Refusal> {
    let report = read(&[line]).expect("a readable file");
    assert!(!report.is_clean(), "{line}");
    report
        .refused()
        .next()
        .map(|(_, r)| r.to_vec())
        .unwrap_or_default()
}

#[test]
fn columns_are_listed_in_their_order() {
    for (place, column) in crate::timetable::import::COLUMNS.iter().enumerate() {
        assert_eq!(*column as usize, place, "{column:?}");
    }
}

#[test]
fn rows_read_back_as_spreadsheets_write_them() {
    let written = format!(
        "{}{}{}",
        crate::csv::START,
        crate::csv::row(&["a;b", "dit \"non\"", "l1\nl2"]),
        crate::csv::row(&["=1+1", "", "x"])
    );
    assert_eq!(
        records(&written),
        Ok(vec![
            Record {
                line: 1,
                fields: vec!["a;b".into(), "dit \"non\"".into(), "l1\nl2".into()]
            },
            Record {
                line: 3,
                fields: vec!["=1+1".into(), String::new(), "x".into()]
            },
        ])
    );
    assert_eq!(
        records("a;b\n\n;;\nc;d"),
        Ok(vec![
            Record {
                line: 1,
                fields: vec!["a".into(), "b".into()]
            },
            Record {
                line: 4,
                fields: vec!["c".into(), "d".into()]
            },
        ])
    );
    assert_eq!(records("a;\"b\nc"), Err(Unclosed(1)));
}

#[test]
fn a_good_file_is_read_line_by_line() {
    let report = read(&[
        "lundi;08:00;09:00;MATHS;6e B;marie.santoni;B12;;;",
        "Mardi;8h;8h55;Lingua corsa;Corsu 6e;paul.orsini, Marie.Santoni;;A;1/9/2026;31/01/2027",
        "ghjovi;14h00;15h00;MATHS;6e B;marie.santoni;B12;b;2027-02-01;",
        "sabbatu;08:00;10:00;SVT;\"6e B; groupe 1\";anna.paoli;Labo;;;",
        "lunedì;10:00;11:00;MATHS;5e A;marie.santoni;;;;",
    ])
    .expect("readable");
    assert!(report.is_clean());
    let lines: Vec<usize> = report.taken().map(|(line, _)| line).collect();
    assert_eq!(lines, vec![2, 3, 4, 5, 6]);
    let taken: Vec<&LessonLine> = report.taken().map(|(_, l)| l).collect();
    assert_eq!(taken[0].slot, slot(SchoolWeekday::Monday, "08:00", "09:00"));
    assert_eq!(
        (taken[0].from, taken[0].until),
        (d(2026, 8, 1), d(2027, 7, 31))
    );
    assert_eq!(taken[0].room.as_deref(), Some("B12"));
    assert_eq!(taken[0].alternation, Alternation::Every);
    assert_eq!(
        taken[1].slot,
        slot(SchoolWeekday::Tuesday, "08:00", "08:55")
    );
    let logins: Vec<&str> = taken[1].teachers.iter().map(|u| u.as_str()).collect();
    assert_eq!(logins, ["paul.orsini", "marie.santoni"]);
    assert_eq!(taken[1].room, None);
    assert_eq!(taken[1].alternation, Alternation::WeekA);
    assert_eq!(
        (taken[1].from, taken[1].until),
        (d(2026, 9, 1), d(2027, 1, 31))
    );
    assert_eq!(taken[2].slot.day(), SchoolWeekday::Thursday);
    assert_eq!(taken[2].alternation, Alternation::WeekB);
    assert_eq!(
        (taken[2].from, taken[2].until),
        (d(2027, 2, 1), d(2027, 7, 31))
    );
    assert_eq!(taken[3].group, "6e B; groupe 1");
    assert_eq!(taken[3].slot.day(), SchoolWeekday::Saturday);
    assert_eq!(taken[4].slot.day(), SchoolWeekday::Monday);
}

#[test]
fn every_kind_of_wrong_line_is_refused_with_its_reasons() {
    use Column::*;
    let unreadable = |column, text: &str| Refusal::Unreadable {
        column,
        text: text.to_owned(),
    };
    for (line, expected) in [
        (
            "lundi;08:00;09:00;MATHS;6e B;marie.santoni;B12;",
            vec![Refusal::FieldCount { found: 8 }],
        ),
        (
            "lundi;08:00;09:00;MATHS;6e B;marie.santoni;B12;;;;",
            vec![Refusal::FieldCount { found: 11 }],
        ),
        (
            "dimanche;08:00;09:00;MATHS;6e B;marie.santoni;;;;",
            vec![Refusal::Sunday],
        ),
        (
            "dumenica;08:00;09:00;MATHS;6e B;marie.santoni;;;;",
            vec![Refusal::Sunday],
        ),
        (
            "lun;08:00;09:00;MATHS;6e B;marie.santoni;;;;",
            vec![unreadable(Day, "lun")],
        ),
        (
            ";08:00;09:00;MATHS;6e B;marie.santoni;;;;",
            vec![Refusal::Missing(Day)],
        ),
        (
            "lundi;;09:00;MATHS;6e B;marie.santoni;;;;",
            vec![Refusal::Missing(Start)],
        ),
        (
            "lundi;8.00;9h;MATHS;6e B;marie.santoni;;;;",
            vec![unreadable(Start, "8.00")],
        ),
        (
            "lundi;08:00;25:00;MATHS;6e B;marie.santoni;;;;",
            vec![unreadable(End, "25:00")],
        ),
        (
            "lundi;09:00;08:00;MATHS;6e B;marie.santoni;;;;",
            vec![Refusal::Slot(SlotError::EndNotAfterStart)],
        ),
        (
            "lundi;09:00;09:03;MATHS;6e B;marie.santoni;;;;",
            vec![Refusal::Slot(SlotError::TooShort)],
        ),
        (
            "lundi;08:00;09:00;;6e B;marie.santoni;;;;",
            vec![Refusal::Missing(Subject)],
        ),
        (
            "lundi;08:00;09:00;MATHS;  ;marie.santoni;;;;",
            vec![Refusal::Missing(Group)],
        ),
        (
            "lundi;08:00;09:00;MATHS;6e B;;;;;",
            vec![Refusal::Missing(Teachers)],
        ),
        (
            "lundi;08:00;09:00;MATHS;6e B; , ;;;;",
            vec![Refusal::Missing(Teachers)],
        ),
        (
            "lundi;08:00;09:00;MATHS;6e B;Marie Santoni;;;;",
            vec![Refusal::Login("Marie Santoni".into())],
        ),
        (
            "lundi;08:00;09:00;MATHS;6e B;marie.santoni,MARIE.SANTONI;;;;",
            vec![Refusal::TeacherTwice("marie.santoni".into())],
        ),
        (
            "lundi;08:00;09:00;MATHS;6e B;a1,a2,a3,a4,a5,a6,a7,a8,a9;;;;",
            vec![Refusal::TooManyTeachers],
        ),
        (
            &format!(
                "lundi;08:00;09:00;{};6e B;marie.santoni;;;;",
                "M".repeat(101)
            ),
            vec![Refusal::TooLong(Subject)],
        ),
        (
            "lundi;08:00;09:00;MATHS;6e B;marie.santoni;;C;;",
            vec![unreadable(Week, "C")],
        ),
        (
            "lundi;08:00;09:00;MATHS;6e B;marie.santoni;;;31/02/2027;",
            vec![unreadable(From, "31/02/2027")],
        ),
        (
            "lundi;08:00;09:00;MATHS;6e B;marie.santoni;;;;3 juillet 2027",
            vec![unreadable(Until, "3 juillet 2027")],
        ),
        (
            "lundi;08:00;09:00;MATHS;6e B;marie.santoni;;;2026-07-01;",
            vec![Refusal::OutsideYear(From)],
        ),
        (
            "lundi;08:00;09:00;MATHS;6e B;marie.santoni;;;;2027-08-01",
            vec![Refusal::OutsideYear(Until)],
        ),
        (
            "lundi;08:00;09:00;MATHS;6e B;marie.santoni;;;01/02/2027;31/01/2027",
            vec![Refusal::UntilBeforeFrom],
        ),
        // Every reason of a line at once.
        (
            "jeudi;10h;9h;;6e B;x;;Z;;",
            vec![
                Refusal::Slot(SlotError::EndNotAfterStart),
                Refusal::Missing(Subject),
                Refusal::Login("x".into()),
                unreadable(Week, "Z"),
            ],
        ),
    ] {
        assert_eq!(refusals(line), expected, "{line}");
    }
}

#[test]
fn one_refused_line_makes_the_file_unclean_and_says_where() {
    let report = read(&[
        "lundi;08:00;09:00;MATHS;6e B;marie.santoni;B12;;;",
        "dimanche;08:00;09:00;MATHS;6e B;marie.santoni;B12;;;",
        "mardi;08:00;09:00;MATHS;6e B;marie.santoni;B12;;;",
    ])
    .expect("readable");
    assert!(!report.is_clean());
    assert_eq!(report.taken().count(), 2);
    let refused: Vec<(usize, Vec<Refusal>)> =
        report.refused().map(|(l, r)| (l, r.to_vec())).collect();
    assert_eq!(refused, vec![(3, vec![Refusal::Sunday])]);
    let json = serde_json::to_string(&report).expect("serialised");
    assert_eq!(
        serde_json::from_str::<ImportReport>(&json).ok(),
        Some(report)
    );
}

#[test]
fn a_file_without_header_or_lessons_is_refused_whole() {
    let line = "lundi;08:00;09:00;MATHS;6e B;marie.santoni;B12;;;";
    for (text, expected) in [
        (String::new(), ImportError::NoHeader),
        (format!("{line}\n{line}\n"), ImportError::NoHeader),
        ("jour;début;fin\n".to_owned(), ImportError::NoHeader),
        (format!("{HEADER}\n"), ImportError::NoLesson),
        (format!("{HEADER}\n\"{line}\n"), ImportError::Unclosed(2)),
        (
            format!("{HEADER}\n{}", format!("{line}\n").repeat(5_001)),
            ImportError::TooManyLines,
        ),
    ] {
        assert_eq!(
            read_lessons(&text, YEAR),
            Err(expected),
            "{:?}",
            text.get(..40)
        );
    }
}
