use super::support::*;
use crate::school_calendar::SchoolYear;
use crate::timetable::*;

fn ranges(zone: Zone, year: SchoolYear, saturday: Saturday) -> Vec<(String, Date, Date)> {
    open_data::holidays(&open_data_file(), zone, year, saturday)
        .expect("the year is in the file")
        .into_iter()
        .map(|h| (h.name().to_owned(), h.first_day(), h.last_day()))
        .collect()
}

fn named(name: &str, first: Date, last: Date) -> (String, Date, Date) {
    (name.to_owned(), first, last)
}

#[test]
fn zone_a_2026_2027_from_the_real_file() {
    assert_eq!(
        ranges(Zone::A, YEAR, Saturday::Free),
        vec![
            // The summer that started in July 2026, cut at the 1st of August.
            named("Vacances d'été", d(2026, 8, 1), d(2026, 8, 31)),
            named("Vacances de la Toussaint", d(2026, 10, 17), d(2026, 11, 1)),
            named("Vacances de Noël", d(2026, 12, 19), d(2027, 1, 3)),
            named("Vacances d'hiver", d(2027, 2, 13), d(2027, 2, 28)),
            named("Vacances de printemps", d(2027, 4, 10), d(2027, 4, 25)),
            named("Pont de l'Ascension", d(2027, 5, 6), d(2027, 5, 8)),
            // The summer that starts, cut at the 31st of July.
            named("Vacances d'été", d(2027, 7, 3), d(2027, 7, 31)),
        ]
    );
}

#[test]
fn zones_differ_only_in_winter_and_spring() {
    let winter_and_spring = |zone| {
        ranges(zone, YEAR, Saturday::Free)
            .into_iter()
            .filter(|(name, _, _)| name.contains("hiver") || name.contains("printemps"))
            .map(|(_, first, last)| (first, last))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        winter_and_spring(Zone::B),
        vec![
            (d(2027, 2, 20), d(2027, 3, 7)),
            (d(2027, 4, 17), d(2027, 5, 2))
        ]
    );
    assert_eq!(
        winter_and_spring(Zone::C),
        vec![
            (d(2027, 2, 6), d(2027, 2, 21)),
            (d(2027, 4, 3), d(2027, 4, 18))
        ]
    );
    let toussaint = |zone| ranges(zone, YEAR, Saturday::Free)[1].clone();
    assert_eq!(toussaint(Zone::B), toussaint(Zone::C));
}

#[test]
fn a_school_teaching_on_saturday_starts_its_holidays_on_the_sunday() {
    let taught = ranges(Zone::A, YEAR, Saturday::Taught);
    let firsts: Vec<Date> = taught.iter().map(|(_, first, _)| *first).collect();
    assert_eq!(
        firsts,
        vec![
            // The 1st of August 2026 is a Saturday, but the file's summer started in July.
            d(2026, 8, 1),
            d(2026, 10, 18),
            d(2026, 12, 20),
            d(2027, 2, 14),
            d(2027, 4, 11),
            d(2027, 5, 6), // a Thursday: unchanged
            d(2027, 7, 4),
        ]
    );
    // The ends do not move.
    let free = ranges(Zone::A, YEAR, Saturday::Free);
    let lasts = |r: &[(String, Date, Date)]| r.iter().map(|(_, _, l)| *l).collect::<Vec<_>>();
    assert_eq!(lasts(&taught), lasts(&free));
}

#[test]
fn another_year_of_the_file() {
    let r = ranges(Zone::C, SchoolYear::starting(2027), Saturday::Free);
    assert_eq!(r[0], named("Vacances d'été", d(2027, 8, 1), d(2027, 8, 31)));
    assert_eq!(
        r[1],
        named("Vacances de la Toussaint", d(2027, 10, 23), d(2027, 11, 7))
    );
}

#[test]
fn a_file_that_is_not_the_calendar_is_refused() {
    let header = open_data::HEADER;
    let year = SchoolYear::starting(2026);
    let full = |extra: &str| {
        let mut text = format!("{header}\n");
        let mut day = d(2026, 8, 1);
        while day <= d(2027, 7, 31) {
            text.push_str(&format!(
                "{},False,False,False,\n",
                crate::timetable::day::iso(day)
            ));
            day = day.tomorrow().expect("a next day");
        }
        text.push_str(extra);
        text
    };
    for (text, expected) in [
        ("date;a;b\n".to_owned(), Err(OpenDataError::Header)),
        (String::new(), Err(OpenDataError::Header)),
        (
            format!("{header}\n2026-08-01,False,False\n"),
            Err(OpenDataError::Line(2)),
        ),
        (
            format!("{header}\n2026-08-01,Vrai,False,False,\n"),
            Err(OpenDataError::Line(2)),
        ),
        (
            format!("{header}\n01/08/2026,False,False,False,\n"),
            Err(OpenDataError::Line(2)),
        ),
        // A free day with no name.
        (
            format!("{header}\n2026-08-01,True,False,False,\n"),
            Err(OpenDataError::Line(2)),
        ),
        // Days out of order.
        (
            format!("{header}\n2026-08-02,False,False,False,\n2026-08-01,False,False,False,\n"),
            Err(OpenDataError::Line(3)),
        ),
        (
            format!("{header}\n2026-08-01,False,False,False,\n"),
            Err(OpenDataError::NotCovered),
        ),
        (full(""), Ok(0)),
        (format!("\u{FEFF}{}", full("\r\n")), Ok(0)),
    ] {
        let read = open_data::holidays(&text, Zone::A, year, Saturday::Free).map(|h| h.len());
        assert_eq!(read, expected, "{:?}", text.get(..80));
    }
}

#[test]
fn zones_read_back_from_their_codes() {
    assert_eq!("a".parse::<Zone>(), Ok(Zone::A));
    assert_eq!("c".parse::<Zone>(), Ok(Zone::C));
    assert!(
        "corse".parse::<Zone>().is_err(),
        "Corsica is not in the file"
    );
}
