//! A school's calendar of the current school year: its holidays (typed, or imported from the
//! official open-data calendar of its zone) and its weeks A and B.

use super::TimetableError;
use domain::ids::SchoolId;
use domain::timetable::{AbRule, Holiday, Saturday, Zone};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

/// The largest holiday calendar accepted, as the exercises' imports.
pub const MAX_CALENDAR_BYTES: usize = crate::api::exercises::exchange::MAX_IMPORT_BYTES;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Calendar {
    pub holidays: Vec<Holiday>,
    /// Weeks A and B; none: every lesson is weekly.
    pub ab: Option<AbRule>,
    /// The zone the holidays were imported from.
    pub zone: Option<Zone>,
}

#[server(endpoint = "timetable/calendar", input = Json)]
pub async fn read_calendar(school: SchoolId) -> Result<Calendar, TimetableError> {
    let me = super::lessons::server::manager("timetable/calendar", school).await?;
    let stored = me.ctx.store.calendar(school, me.ctx.school_year()).await?;
    Ok(Calendar {
        holidays: stored.days.holidays().to_vec(),
        ab: stored.ab,
        zone: stored.zone,
    })
}

/// Replaces the holidays and weeks A/B of the year (the zone imported from stays named).
#[server(endpoint = "timetable/save_calendar", input = Json)]
pub async fn save_calendar(
    school: SchoolId,
    holidays: Vec<Holiday>,
    ab: Option<AbRule>,
) -> Result<(), TimetableError> {
    use super::TimetableProblem;
    use domain::timetable::SchoolDays;
    let me = super::lessons::server::manager("timetable/save_calendar", school).await?;
    let year = me.ctx.school_year();
    let days = SchoolDays::new(year, holidays).map_err(TimetableProblem::Year)?;
    server::check_ab(year, ab.as_ref())?;
    let stored = me.ctx.store.calendar(school, year).await?;
    let calendar = crate::ports::SchoolCalendar {
        school,
        days,
        ab,
        zone: stored.zone,
    };
    Ok(me
        .ctx
        .store
        .save_calendar(&calendar, me.info.account, me.ctx.now())
        .await?)
}

/// Replaces the year's holidays with the zone's, read from the official open-data calendar
/// (`text`, the CSV file as downloaded); answers the holidays taken. The weeks A/B stay.
#[server(endpoint = "timetable/import_holidays", input = Json)]
pub async fn import_holidays(
    school: SchoolId,
    zone: Zone,
    saturday: Saturday,
    text: String,
) -> Result<Vec<Holiday>, TimetableError> {
    use super::TimetableProblem;
    use domain::timetable::{SchoolDays, open_data};
    let me = super::lessons::server::manager("timetable/import_holidays", school).await?;
    if text.len() > MAX_CALENDAR_BYTES {
        return Err(TimetableProblem::TooLarge.into());
    }
    let year = me.ctx.school_year();
    let holidays =
        open_data::holidays(&text, zone, year, saturday).map_err(TimetableProblem::OpenData)?;
    let days = SchoolDays::new(year, holidays).map_err(TimetableProblem::Year)?;
    let stored = me.ctx.store.calendar(school, year).await?;
    let calendar = crate::ports::SchoolCalendar {
        school,
        days,
        ab: stored.ab,
        zone: Some(zone),
    };
    me.ctx
        .store
        .save_calendar(&calendar, me.info.account, me.ctx.now())
        .await?;
    Ok(calendar.days.holidays().to_vec())
}

#[cfg(feature = "ssr")]
mod server {
    use super::super::{TimetableError, TimetableProblem};
    use domain::school_calendar::SchoolYear;
    use domain::timetable::{AbRule, day};

    /// The first week A/B and every forced week are in the year.
    pub(super) fn check_ab(year: SchoolYear, ab: Option<&AbRule>) -> Result<(), TimetableError> {
        let Some(rule) = ab else { return Ok(()) };
        let inside = |d| day::in_year(year, d);
        if inside(rule.first_week) && rule.overrides.iter().all(|o| inside(o.week)) {
            Ok(())
        } else {
            Err(TimetableProblem::FirstWeek.into())
        }
    }
}
