use super::school::lessons;
use super::support::*;
use crate::school_calendar::SchoolYear;
use crate::timetable::*;
use SchoolWeekday::*;

#[test]
fn a_lesson_stays_at_its_wall_clock_time_across_daylight_saving_changes() {
    let (days, lessons) = (zone_a(), lessons());
    let weeks = ab_weeks(&days);
    let tt = Timetable {
        days: &days,
        weeks: &weeks,
        lessons: &lessons,
        changes: &[],
    };
    let tuesday_maths = |date| {
        tt.occurrences(date, date)
            .into_iter()
            .find(|o| {
                o.source
                    == Source::Weekly {
                        lesson: id(5),
                        date,
                    }
            })
            .map(|o| (o.starts, o.ends))
    };
    // Spring: clocks go forward on Sunday 28 March 2027; 08:00 is 07:00 UTC before, 06:00 after.
    assert_eq!(
        tuesday_maths(d(2027, 3, 23)),
        Some((utc(2027, 3, 23, 7, 0), utc(2027, 3, 23, 8, 0)))
    );
    assert_eq!(
        tuesday_maths(d(2027, 3, 30)),
        Some((utc(2027, 3, 30, 6, 0), utc(2027, 3, 30, 7, 0)))
    );

    // Autumn: clocks go back on Sunday 31 October 2027, here for a school without holidays.
    let year = SchoolYear::starting(2027);
    let days = SchoolDays::new(year, vec![]).expect("no holidays");
    let lessons = vec![
        (
            id(9),
            Lesson::whole_year(
                year,
                spec(
                    MATHS,
                    SANTONI,
                    CLASS_6B,
                    None,
                    slot(Tuesday, "08:00", "09:00"),
                    Alternation::Every,
                ),
            )
            .expect("valid"),
        ),
        (
            id(10),
            Lesson::whole_year(
                year,
                spec(
                    MATHS,
                    SANTONI,
                    CLASS_6B,
                    None,
                    slot(Friday, "16:30", "17:30"),
                    Alternation::Every,
                ),
            )
            .expect("valid"),
        ),
    ];
    let weeks = AbWeeks::none();
    let tt = Timetable {
        days: &days,
        weeks: &weeks,
        lessons: &lessons,
        changes: &[],
    };
    let times: Vec<(Date, String, crate::time::Timestamp)> = tt
        .occurrences(d(2027, 10, 26), d(2027, 11, 2))
        .into_iter()
        .map(|o| (o.when.date(), o.when.start().to_string(), o.starts))
        .collect();
    assert_eq!(
        times,
        vec![
            (d(2027, 10, 26), "08:00".to_owned(), utc(2027, 10, 26, 6, 0)),
            (
                d(2027, 10, 29),
                "16:30".to_owned(),
                utc(2027, 10, 29, 14, 30)
            ),
            (d(2027, 11, 2), "08:00".to_owned(), utc(2027, 11, 2, 7, 0)),
        ]
    );
}
