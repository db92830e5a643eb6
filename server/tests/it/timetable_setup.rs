//! What staff set a timetable up with: rooms (one name per school, case and accents aside),
//! the calendar (holidays typed or imported from the open-data file, weeks A/B), and lessons
//! imported from a spreadsheet, all or nothing.

use crate::timetable::{setup, week, week_a, year};
use app::api::area_error::AreaError;
use app::api::timetable::calendar::{ImportHolidays, ReadCalendar, SaveCalendar};
use app::api::timetable::import::ImportLessons;
use app::api::timetable::rooms::{CreateRoom, Rooms};
use app::api::timetable::{TimetableProblem, Whom};
use domain::timetable::{
    AbRule, Holiday, ImportRefusal, OpenDataError, Saturday, WeekKind, YearError, Zone, day,
};

#[tokio::test]
async fn rooms_are_named_once_per_school_case_and_accents_aside() {
    let t = setup().await;
    let create = |name: &str| {
        t.s.call(
            &t.staff,
            CreateRoom {
                school: t.school,
                name: name.into(),
            },
        )
    };
    create("Salle d'Été").await.ok();
    assert_eq!(
        create("SALLE D'ETE").await.err(),
        AreaError::Area(TimetableProblem::RoomTaken)
    );
    assert_eq!(
        create("  ").await.err(),
        AreaError::Area(TimetableProblem::RoomName)
    );
    let rooms = t.s.call(&t.staff, Rooms { school: t.school }).await.ok();
    let names: Vec<&str> = rooms.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Salle 101", "Salle 102", "Salle d'Été"]);
}

/// The open-data calendar of the whole school year, zone A off on `off` (first, last, name).
fn open_data(off: &[(domain::timetable::Date, domain::timetable::Date, &str)]) -> String {
    let mut text = String::from(domain::timetable::open_data::HEADER);
    let mut date = day::first_of(year());
    while date <= day::last_of(year()) {
        let holiday = off.iter().find(|(a, b, _)| *a <= date && date <= *b);
        let (free, name) = holiday.map_or(("False", ""), |(_, _, n)| ("True", *n));
        text.push_str(&format!("\n{},{free},False,False,{name}", day::iso(date)));
        date = day::next(date);
    }
    text
}

#[tokio::test]
async fn the_calendar_is_saved_whole_and_imported_from_the_open_data_file() {
    let t = setup().await;
    let s = &t.s;
    let lisandru = s.account_id("lisandru.pieri").await;
    let pupil = s.session_for("lisandru.pieri").await;
    let monday = week_a();
    let overlapping = vec![
        Holiday::new("Une", monday, day::plus(monday, 3)).expect("a holiday"),
        Holiday::new("Deux", day::plus(monday, 2), day::plus(monday, 5)).expect("a holiday"),
    ];
    let save = |holidays: Vec<Holiday>, ab: Option<AbRule>| {
        s.call(
            &t.staff,
            SaveCalendar {
                school: t.school,
                holidays,
                ab,
            },
        )
    };
    assert_eq!(
        save(overlapping, None).await.err(),
        AreaError::Area(TimetableProblem::Year(YearError::Overlap(0, 1)))
    );
    // The week of `monday` off; weeks A/B gone: a week-A lesson no longer takes place.
    let off = Holiday::new("Semaine banalisée", monday, day::plus(monday, 5)).expect("a holiday");
    save(vec![off.clone()], None).await.ok();
    assert!(
        week(s, &pupil, Whom::Pupil(lisandru), monday)
            .await
            .lessons
            .is_empty()
    );
    let next = week(s, &pupil, Whom::Pupil(lisandru), day::plus(monday, 7)).await;
    assert_eq!(
        next.lessons.len(),
        4,
        "weekly lessons only, without weeks A/B"
    );
    // Weeks A/B again from the week off, which has no school day and so no kind: the next
    // week is the first, week A.
    let ab = AbRule {
        first_week: monday,
        first_kind: WeekKind::A,
        overrides: vec![],
    };
    save(vec![off.clone()], Some(ab.clone())).await.ok();
    let calendar = s
        .call(&t.staff, ReadCalendar { school: t.school })
        .await
        .ok();
    assert_eq!(
        (calendar.holidays, calendar.ab),
        (vec![off], Some(ab.clone()))
    );
    let next = week(s, &pupil, Whom::Pupil(lisandru), day::plus(monday, 7)).await;
    assert_eq!(next.lessons.len(), 5);

    // The open-data file: the holidays replaced, the weeks A/B kept, the zone named.
    let toussaint = (
        day::plus(monday, 35),
        day::plus(monday, 50),
        "Vacances de la Toussaint",
    );
    let import = |text: String| {
        s.call(
            &t.staff,
            ImportHolidays {
                school: t.school,
                zone: Zone::A,
                saturday: Saturday::Free,
                text,
            },
        )
    };
    assert_eq!(
        import("date,zone\n".into()).await.err(),
        AreaError::Area(TimetableProblem::OpenData(OpenDataError::Header))
    );
    let taken = import(open_data(&[toussaint])).await.ok();
    assert_eq!(taken.len(), 1);
    assert_eq!(taken[0].name(), "Vacances de la Toussaint");
    let calendar = s
        .call(&t.staff, ReadCalendar { school: t.school })
        .await
        .ok();
    assert_eq!(calendar.zone, Some(Zone::A));
    assert_eq!(calendar.ab, Some(ab));
    assert_eq!(calendar.holidays, taken);
    assert!(
        week(s, &pupil, Whom::Pupil(lisandru), day::plus(monday, 42))
            .await
            .lessons
            .is_empty()
    );
}

const HEADER: &str = "jour;début;fin;matière;classe;enseignants;salle;semaine;du;au";

#[tokio::test]
async fn an_import_writes_every_lesson_or_none() {
    let t = setup().await;
    let s = &t.s;
    let import = |text: String, confirmed: bool| {
        s.call(
            &t.staff,
            ImportLessons {
                school: t.school,
                text,
                confirmed,
            },
        )
    };
    let count = || s.count("SELECT COUNT(*) FROM lessons");
    let before = count().await;
    let rooms_before = s.count("SELECT COUNT(*) FROM rooms").await;
    let (from, until) = (
        day::iso(day::first_of(year())),
        day::iso(day::last_of(year())),
    );
    let good = format!(
        "samedi;08:00;09:00;MATHS;5e A;maria.santoni;Labo;;{from};{until}\n\
         samedi;09:00;10:00;Langue corse;Lingua corsa 5e;maria.santoni;labo;A;;"
    );
    let bad = "samedi;10:00;11:00;Physique;6e Z;personne;;;;";
    // One line refused: a report, nothing written, even confirmed.
    let outcome = import(format!("{HEADER}\n{good}\n{bad}"), true).await.ok();
    assert!(!outcome.written);
    assert_eq!(outcome.taken, vec![2, 3]);
    assert_eq!(outcome.new_rooms, vec!["Labo".to_owned()]);
    assert_eq!(
        outcome.lines[2].refusals,
        vec![
            ImportRefusal::Subject("Physique".into()),
            ImportRefusal::Group("6e Z".into()),
            ImportRefusal::Teacher("personne".into()),
        ]
    );
    assert_eq!(count().await, before);
    // Clean but not confirmed: the report only.
    let outcome = import(format!("{HEADER}\n{good}"), false).await.ok();
    assert!(!outcome.written && outcome.lines.iter().all(|l| l.refusals.is_empty()));
    assert_eq!(count().await, before);
    // Confirmed: both lessons and the new room, at once.
    let outcome = import(format!("{HEADER}\n{good}"), true).await.ok();
    assert!(outcome.written);
    assert_eq!(count().await, before + 2);
    assert_eq!(
        s.count("SELECT COUNT(*) FROM rooms").await,
        rooms_before + 1
    );
    // The same file again clashes with what it wrote, and each lesson is there already: with
    // the clashes confirmed, nothing is written twice.
    let outcome = import(format!("{HEADER}\n{good}"), false).await.ok();
    assert!(!outcome.clashes.is_empty());
    assert_eq!(
        import(format!("{HEADER}\n{good}"), true).await.err(),
        AreaError::Area(TimetableProblem::LessonTwice)
    );
    assert_eq!(count().await, before + 2);
    assert_eq!(
        s.count("SELECT COUNT(*) FROM rooms").await,
        rooms_before + 1
    );
    // A line clashing with a lesson of the demo is reported, and needs the confirmation.
    let clash = "lundi;08:30;09:30;MATHS;5e A;maria.santoni;;;;";
    let outcome = import(format!("{HEADER}\n{clash}"), false).await.ok();
    assert!(!outcome.written && !outcome.clashes.is_empty());
}
