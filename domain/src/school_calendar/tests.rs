use super::*;

/// An instant given as a UTC date and time.
fn utc(year: i16, month: i8, day: i8, hour: i8, minute: i8) -> Timestamp {
    let at = jiff::tz::TimeZone::UTC
        .to_timestamp(jiff::civil::date(year, month, day).at(hour, minute, 0, 0))
        .expect("a valid instant");
    Timestamp::from_unix(at.as_second())
}

#[test]
fn a_year_starts_on_the_first_of_august_at_midnight_in_paris() {
    let year = SchoolYear::starting(2026);
    // Summer time: midnight in Paris is 22:00 UTC the day before.
    assert_eq!(year.starts(), utc(2026, 7, 31, 22, 0));
    assert_eq!(year.ends(), utc(2027, 7, 31, 22, 0));
    assert_eq!(year.ends(), year.next().starts());
    assert_eq!(year.to_string(), "2026-2027");
}

#[test]
fn the_current_year_changes_at_midnight_in_paris_not_in_utc() {
    let last_second_of_july = utc(2026, 7, 31, 21, 59).plus_seconds(59);
    assert_eq!(
        SchoolYear::at(last_second_of_july),
        SchoolYear::starting(2025)
    );
    assert_eq!(
        SchoolYear::at(last_second_of_july.plus_seconds(1)),
        SchoolYear::starting(2026)
    );
    // 23:00 UTC on the 31st of July is already August in Paris.
    assert_eq!(
        SchoolYear::at(utc(2026, 7, 31, 23, 0)),
        SchoolYear::starting(2026)
    );
}

#[test]
fn every_day_of_a_school_year_belongs_to_it() {
    let year = SchoolYear::starting(2026);
    for (at, expected) in [
        (utc(2026, 9, 1, 6, 0), year),              // la rentrée
        (utc(2026, 12, 31, 23, 30), year),          // New Year's Eve (00:30 in Paris)
        (utc(2027, 2, 28, 12, 0), year),            // winter
        (utc(2027, 3, 28, 0, 30), year),            // the night clocks go forward
        (utc(2027, 7, 4, 10, 0), year),             // the last days of classes
        (utc(2027, 8, 15, 10, 0), year.next()),     // the summer after
        (utc(2026, 6, 30, 10, 0), year.previous()), // the June before
    ] {
        assert_eq!(SchoolYear::at(at), expected, "{at:?}");
        assert_eq!(year.contains(at), expected == year, "{at:?}");
    }
    assert!(year.contains(year.starts()));
    assert!(!year.contains(year.ends()));
    assert!(!year.contains(year.starts().plus_seconds(-1)));
}

#[test]
fn paris_time_follows_the_eu_summer_time_rule() {
    // 2027: summer time from Sunday 28 March to Sunday 31 October, 01:00 UTC both.
    assert_eq!(paris_date(utc(2027, 3, 28, 21, 59)), (2027, 3, 28));
    assert_eq!(paris_date(utc(2027, 3, 28, 22, 0)), (2027, 3, 29));
    assert_eq!(paris_date(utc(2027, 10, 31, 22, 59)), (2027, 10, 31));
    assert_eq!(paris_date(utc(2027, 10, 31, 23, 0)), (2027, 11, 1));
    // Midnight in winter is 23:00 UTC the day before.
    assert_eq!(paris_midnight(2027, 1, 1), utc(2026, 12, 31, 23, 0));
    assert_eq!(paris_midnight(2027, 3, 28), utc(2027, 3, 27, 23, 0));
    assert_eq!(paris_midnight(2027, 10, 31), utc(2027, 10, 30, 22, 0));
    // A year whose 1st of August (2027: a Sunday) falls otherwise in the week.
    assert_eq!(SchoolYear::starting(2027).starts(), utc(2027, 7, 31, 22, 0));
}

#[test]
fn names_read_back_and_wrong_names_are_refused() {
    for year in [1999, 2026, 2099] {
        let y = SchoolYear::starting(year);
        assert_eq!(y.to_string().parse(), Ok(y));
    }
    for wrong in [
        "",
        "2026",
        "2026-2028",
        "2026/2027",
        "2027-2026",
        "+2026-2027",
        "a-b",
    ] {
        assert_eq!(
            wrong.parse::<SchoolYear>(),
            Err(NotASchoolYear(wrong.to_owned())),
            "{wrong}"
        );
    }
}

#[test]
fn periods_cut_a_year_without_gap_or_overlap() {
    let year = SchoolYear::starting(2026);
    let (christmas, easter) = (paris_midnight(2026, 12, 1), paris_midnight(2027, 3, 1));
    let trimesters =
        Periods::new(year, Division::Trimesters, vec![christmas, easter]).expect("trimesters");
    let periods: Vec<Period> = trimesters.iter().collect();
    assert_eq!(periods.len(), 3);
    assert_eq!(periods[0].starts, year.starts());
    assert_eq!(periods[0].ends, christmas);
    assert_eq!(periods[1].starts, christmas);
    assert_eq!(periods[2].ends, year.ends());
    assert_eq!(trimesters.at(christmas).map(|p| p.number), Some(2));
    assert_eq!(
        trimesters.at(christmas.plus_seconds(-1)).map(|p| p.number),
        Some(1)
    );
    assert_eq!(trimesters.at(year.ends()), None);

    assert_eq!(
        Periods::new(year, Division::Semesters, vec![christmas, easter]),
        Err(InvalidPeriods::Count {
            division: Division::Semesters,
            expected: 1,
            given: 2
        })
    );
    assert_eq!(
        Periods::new(year, Division::Trimesters, vec![easter, christmas]),
        Err(InvalidPeriods::Order(2))
    );
    assert_eq!(
        Periods::new(year, Division::Semesters, vec![year.starts()]),
        Err(InvalidPeriods::Order(1))
    );
    assert_eq!(
        Periods::new(year, Division::Semesters, vec![year.ends()]),
        Err(InvalidPeriods::Order(1))
    );
}
