use super::support::*;
use crate::school_calendar::SchoolYear;
use crate::timetable::*;

#[test]
fn easter_follows_the_gregorian_computus() {
    for (year, expected) in [
        (1818, d(1818, 3, 22)), // the earliest possible
        (1943, d(1943, 4, 25)), // the latest possible
        (2000, d(2000, 4, 23)),
        (2024, d(2024, 3, 31)),
        (2025, d(2025, 4, 20)),
        (2026, d(2026, 4, 5)),
        (2027, d(2027, 3, 28)),
        (2028, d(2028, 4, 16)),
        (2038, d(2038, 4, 25)),
    ] {
        assert_eq!(easter(year), Some(expected), "{year}");
    }
    assert_eq!(easter(1500), None, "before the Gregorian calendar");
}

#[test]
fn the_public_holidays_of_a_year() {
    use PublicHoliday::*;
    assert_eq!(
        public_holidays(2027),
        vec![
            (d(2027, 1, 1), NewYear),
            (d(2027, 3, 29), EasterMonday),
            (d(2027, 5, 1), LabourDay),
            (d(2027, 5, 6), Ascension),
            (d(2027, 5, 8), VictoryInEurope),
            (d(2027, 5, 17), WhitMonday),
            (d(2027, 7, 14), BastilleDay),
            (d(2027, 8, 15), Assumption),
            (d(2027, 11, 1), AllSaints),
            (d(2027, 11, 11), Armistice),
            (d(2027, 12, 25), Christmas),
        ]
    );
    for (date, expected) in [
        (d(2028, 4, 17), Some(EasterMonday)),
        (d(2028, 5, 25), Some(Ascension)),
        (d(2028, 6, 5), Some(WhitMonday)),
        (d(2026, 5, 14), Some(Ascension)),
        (d(2026, 11, 11), Some(Armistice)),
        (d(2026, 11, 12), None),
        (d(2027, 3, 28), None), // Easter Sunday: a Sunday anyway
    ] {
        assert_eq!(PublicHoliday::on(date), expected, "{date}");
    }
}

#[test]
fn a_holiday_has_a_name_and_its_last_day_not_before_its_first() {
    for (name, first, last, expected) in [
        ("Toussaint", d(2026, 10, 17), d(2026, 11, 1), Ok(())),
        (
            "Journée pédagogique",
            d(2026, 11, 20),
            d(2026, 11, 20),
            Ok(()),
        ),
        (
            "  ",
            d(2026, 10, 17),
            d(2026, 11, 1),
            Err(HolidayError::NoName),
        ),
        (
            "Toussaint",
            d(2026, 11, 1),
            d(2026, 10, 17),
            Err(HolidayError::LastBeforeFirst),
        ),
        (
            &"x".repeat(81),
            d(2026, 10, 17),
            d(2026, 11, 1),
            Err(HolidayError::NameTooLong),
        ),
    ] {
        assert_eq!(
            Holiday::new(name, first, last).map(|_| ()),
            expected,
            "{name}"
        );
    }
}

#[test]
fn a_years_holidays_are_within_it_and_apart() {
    let h = |first, last| Holiday::new("Vacances", first, last).expect("valid");
    let toussaint = h(d(2026, 10, 17), d(2026, 11, 1));
    let noel = h(d(2026, 12, 19), d(2027, 1, 3));
    for (holidays, expected) in [
        (vec![noel.clone(), toussaint.clone()], Ok(())),
        (
            vec![h(d(2026, 7, 31), d(2026, 8, 2))],
            Err(YearError::OutsideYear(0)),
        ),
        (
            vec![toussaint.clone(), h(d(2027, 7, 30), d(2027, 8, 1))],
            Err(YearError::OutsideYear(1)),
        ),
        (
            vec![
                toussaint.clone(),
                noel.clone(),
                h(d(2026, 11, 1), d(2026, 11, 2)),
            ],
            Err(YearError::Overlap(0, 2)),
        ),
    ] {
        assert_eq!(SchoolDays::new(YEAR, holidays).map(|_| ()), expected);
    }
    let days = SchoolDays::new(YEAR, vec![noel, toussaint]).expect("valid");
    assert_eq!(
        days.holidays()[0].first_day(),
        d(2026, 10, 17),
        "in date order"
    );
    let json = serde_json::to_string(&days).expect("serialised");
    assert!(json.contains(r#""first_day":"2026-10-17""#), "{json}");
    assert_eq!(serde_json::from_str::<SchoolDays>(&json).ok(), Some(days));
}

#[test]
fn school_days_are_not_sundays_holidays_or_public_holidays() {
    let days = zone_a();
    for (date, expected) in [
        (d(2026, 9, 1), true),   // the rentrée, a Tuesday
        (d(2026, 8, 31), false), // the last day of the summer
        (d(2026, 9, 5), true),   // a Saturday of classes
        (d(2026, 9, 6), false),  // a Sunday
        (d(2026, 10, 16), true), // the Friday before the Toussaint
        (d(2026, 10, 17), false),
        (d(2026, 11, 2), true),   // back
        (d(2026, 11, 11), false), // Armistice
        (d(2027, 3, 29), false),  // Easter Monday
        (d(2027, 5, 6), false),   // Ascension
        (d(2027, 5, 7), false),   // its bridge
        (d(2027, 5, 10), true),
        (d(2027, 5, 17), false), // Whit Monday
        (d(2027, 7, 2), true),   // the last day of classes
        (d(2027, 7, 3), false),
        (d(2027, 8, 2), false), // another school year
    ] {
        assert_eq!(days.is_school_day(date), expected, "{date}");
    }
    assert_eq!(
        days.holiday(d(2026, 12, 25)).map(Holiday::name),
        Some("Vacances de Noël")
    );
    let empty = SchoolDays::new(SchoolYear::starting(2026), vec![]).expect("no holidays");
    assert!(empty.is_school_day(d(2026, 8, 3)));
}
