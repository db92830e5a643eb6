//! One line of a lessons file read into a [`LessonLine`], or refused with every reason found
//! (see [`super::import`] for the columns).

use super::day;
use super::import::{COLUMNS, Column, LessonLine, MAX_NAME_CHARS, Refusal};
use super::rows::Record;
use super::slot::{ClockTime, SchoolWeekday, Slot};
use super::week::Alternation;
use crate::account::Username;
use crate::lang::Lang;
use crate::locale;
use crate::school_calendar::SchoolYear;
use jiff::civil::{Date, Weekday};

pub(super) fn read_line(record: &Record, year: SchoolYear) -> Result<LessonLine, Vec<Refusal>> {
    let f = &record.fields;
    if f.len() != COLUMNS.len() {
        return Err(vec![Refusal::FieldCount { found: f.len() }]);
    }
    let mut refusals = Vec::new();
    // `COLUMNS` lists the columns in declaration order: a column's number is its place.
    let field = |c: Column| f.get(c as usize).map_or("", |text| text.trim());
    let unreadable = |column: Column, refusals: &mut Vec<Refusal>| {
        refusals.push(Refusal::Unreadable {
            column,
            text: field(column).to_owned(),
        });
    };

    let day = match field(Column::Day) {
        "" => {
            refusals.push(Refusal::Missing(Column::Day));
            None
        }
        text => match weekday(text) {
            Some(Weekday::Sunday) => {
                refusals.push(Refusal::Sunday);
                None
            }
            Some(w) => SchoolWeekday::of(w).ok(),
            None => {
                unreadable(Column::Day, &mut refusals);
                None
            }
        },
    };
    let time = |column: Column, refusals: &mut Vec<Refusal>| match field(column) {
        "" => {
            refusals.push(Refusal::Missing(column));
            None
        }
        text => text.parse::<ClockTime>().ok().or_else(|| {
            unreadable(column, refusals);
            None
        }),
    };
    let (start, end) = (
        time(Column::Start, &mut refusals),
        time(Column::End, &mut refusals),
    );
    let slot = match (day, start, end) {
        (Some(d), Some(s), Some(e)) => Slot::new(d, s, e)
            .map_err(|e| refusals.push(Refusal::Slot(e)))
            .ok(),
        _ => None,
    };

    let name = |column: Column, required: bool, refusals: &mut Vec<Refusal>| {
        let text = field(column);
        if text.is_empty() {
            if required {
                refusals.push(Refusal::Missing(column));
            }
            None
        } else if text.chars().count() > MAX_NAME_CHARS {
            refusals.push(Refusal::TooLong(column));
            None
        } else {
            Some(text.to_owned())
        }
    };
    let subject = name(Column::Subject, true, &mut refusals);
    let group = name(Column::Group, true, &mut refusals);
    let room = name(Column::Room, false, &mut refusals);
    let teachers = teachers(field(Column::Teachers), &mut refusals);

    let alternation = match field(Column::Week) {
        "" => Some(Alternation::Every),
        "A" | "a" => Some(Alternation::WeekA),
        "B" | "b" => Some(Alternation::WeekB),
        _ => {
            unreadable(Column::Week, &mut refusals);
            None
        }
    };
    let date = |column: Column, default: Date, refusals: &mut Vec<Refusal>| match field(column) {
        "" => Some(default),
        text => match day::parse(text) {
            Some(d) if day::in_year(year, d) => Some(d),
            Some(_) => {
                refusals.push(Refusal::OutsideYear(column));
                None
            }
            None => {
                unreadable(column, refusals);
                None
            }
        },
    };
    let from = date(Column::From, day::first_of(year), &mut refusals);
    let until = date(Column::Until, day::last_of(year), &mut refusals);
    if let (Some(from), Some(until)) = (from, until)
        && until < from
    {
        refusals.push(Refusal::UntilBeforeFrom);
    }

    match (slot, subject, group, alternation, from, until) {
        (Some(slot), Some(subject), Some(group), Some(alternation), Some(from), Some(until))
            if refusals.is_empty() =>
        {
            Ok(LessonLine {
                slot,
                subject,
                group,
                teachers,
                room,
                alternation,
                from,
                until,
            })
        }
        _ => Err(refusals),
    }
}

/// The login names of a field, each checked, none twice.
fn teachers(text: &str, refusals: &mut Vec<Refusal>) -> Vec<Username> {
    let mut out: Vec<Username> = Vec::new();
    for piece in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match Username::try_from(piece.to_owned()) {
            Ok(u) if out.contains(&u) => refusals.push(Refusal::TeacherTwice(u.to_string())),
            Ok(u) => out.push(u),
            Err(_) => refusals.push(Refusal::Login(piece.to_owned())),
        }
    }
    if out.len() > super::lesson::MAX_TEACHERS {
        refusals.push(Refusal::TooManyTeachers);
    }
    if out.is_empty() && !refusals.iter().any(|r| matches!(r, Refusal::Login(_))) {
        refusals.push(Refusal::Missing(Column::Teachers));
    }
    out
}

/// A weekday written in French or Corsican, in any case; Corsican also as `lunedì`, `martedì`
/// (with or without the accent), the forms some Corsican writers use.
pub(super) fn weekday(text: &str) -> Option<Weekday> {
    let text = text.trim().to_lowercase();
    let days = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];
    let named = days.into_iter().find(|d| {
        [Lang::Fr, Lang::Co]
            .into_iter()
            .any(|lang| locale::weekday_name(lang, *d) == text)
    });
    named.or(match text.as_str() {
        "lunedì" | "lunedi" => Some(Weekday::Monday),
        "martedì" | "martedi" => Some(Weekday::Tuesday),
        _ => None,
    })
}
