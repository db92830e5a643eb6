//! Calendar feeds (iCalendar, RFC 5545): a person's timetable and homework as a private address
//! that calendar apps subscribe to.
//!
//! - [`Calendar::write`] gives the feed's text: CRLF lines folded at 75 octets, TEXT escaped,
//!   `METHOD:PUBLISH`, the app-specific names and refresh hints (`X-WR-CALNAME`,
//!   `X-WR-TIMEZONE`, `REFRESH-INTERVAL`, `X-PUBLISHED-TTL`), and the Europe/Paris `VTIMEZONE`.
//! - Lessons are timed events at Paris wall-clock time (`TZID=Europe/Paris`); a cancelled one
//!   stays in the feed with `STATUS:CANCELLED` and a higher `SEQUENCE`, so apps strike it out
//!   or remove it rather than keep the old copy.
//! - Homework is an all-day event on its due day (`VALUE=DATE`, free time: `TRANSP:TRANSPARENT`),
//!   not a `VTODO`: Google Calendar and Outlook ignore the tasks of a subscribed feed, and Apple
//!   Calendar does not show them either; an all-day event shows everywhere, above the day.
//! - [`FeedToken`] is the secret the address carries.
//!
//! Everything that changes comes in as a parameter: the instant the feed is written
//! (`DTSTAMP`, as RFC 5545 asks for a feed with a `METHOD`), each event's last change.

mod text;
mod timezone;
mod token;

#[cfg(test)]
mod tests;

pub use text::{MAX_LINE_OCTETS, escape};
pub use timezone::{TZID, VTIMEZONE};
pub use token::{FeedToken, InvalidFeedToken, TOKEN_CHARS};

use crate::time::Timestamp;
use jiff::civil::Date;

/// Who made the feed, as calendar apps record it.
pub const PRODID: &str = "-//Scola//Scola ENT//FR";
/// How often apps should fetch the feed again (those that listen: Apple, Thunderbird, Outlook;
/// Google decides alone, every few hours).
pub const REFRESH: &str = "PT1H";

/// A lesson's (or a homework's) state in the feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Confirmed,
    Cancelled,
}

/// When an event takes place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum When {
    /// From `starts` to `ends` (a lesson).
    Timed(Span),
    /// The whole day (a homework's due day).
    Day(Date),
}

/// Two instants, the second after the first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    starts: Timestamp,
    ends: Timestamp,
}

impl Span {
    /// `None` unless `ends` is after `starts`.
    pub fn new(starts: Timestamp, ends: Timestamp) -> Option<Span> {
        (ends > starts).then_some(Span { starts, ends })
    }
    pub fn starts(self) -> Timestamp {
        self.starts
    }
    pub fn ends(self) -> Timestamp {
        self.ends
    }
}

/// One event of a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Stable across versions of the feed and unique in the world: the server names it after
    /// what it is and its host (`lesson-12-20261125@scola.example`, `homework-7@…`).
    pub uid: String,
    pub when: When,
    pub summary: String,
    pub location: Option<String>,
    pub description: Option<String>,
    pub status: Status,
    /// Raised at each change of the event (a moved or cancelled lesson), so apps take the new
    /// version over the one they hold.
    pub sequence: u32,
    pub last_modified: Timestamp,
}

/// Why an event is not put in a feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EventError {
    /// A UID is needed to match versions of an event; made of visible ASCII, so no app
    /// mangles it.
    #[error("the event's UID is empty or not printable ASCII")]
    Uid,
}

/// A feed: its name and events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    name: String,
    events: Vec<Event>,
}

impl Calendar {
    /// An empty feed shown as `name` in apps (`Scola – Ghjuvan Battista`).
    pub fn new(name: impl Into<String>) -> Calendar {
        Calendar {
            name: name.into(),
            events: Vec::new(),
        }
    }

    pub fn push(&mut self, event: Event) -> Result<(), EventError> {
        let printable = |c: char| c.is_ascii_graphic();
        if event.uid.is_empty() || !event.uid.chars().all(printable) {
            return Err(EventError::Uid);
        }
        self.events.push(event);
        Ok(())
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The feed's text, written at `now`.
    pub fn write(&self, now: Timestamp) -> String {
        let mut out = String::with_capacity(1_024 + self.events.len() * 400);
        let mut line = |l: &str| text::fold_into(&mut out, l);
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line(&format!("PRODID:{PRODID}"));
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        let name = escape(&self.name);
        line(&format!("NAME:{name}"));
        line(&format!("X-WR-CALNAME:{name}"));
        line(&format!("X-WR-TIMEZONE:{TZID}"));
        line(&format!("REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}"));
        line(&format!("X-PUBLISHED-TTL:{REFRESH}"));
        for l in VTIMEZONE {
            line(l);
        }
        for event in &self.events {
            write_event(&mut line, event, now);
        }
        line("END:VCALENDAR");
        out
    }
}

fn write_event(line: &mut impl FnMut(&str), event: &Event, now: Timestamp) {
    line("BEGIN:VEVENT");
    line(&format!("UID:{}", event.uid));
    line(&format!("DTSTAMP:{}", timezone::utc(now)));
    match event.when {
        When::Timed(span) => {
            line(&format!("DTSTART{}", timezone::paris(span.starts)));
            line(&format!("DTEND{}", timezone::paris(span.ends)));
        }
        When::Day(day) => {
            let next = day.tomorrow().unwrap_or(day);
            line(&format!("DTSTART;VALUE=DATE:{}", timezone::date(day)));
            line(&format!("DTEND;VALUE=DATE:{}", timezone::date(next)));
        }
    }
    line(&format!("SUMMARY:{}", escape(&event.summary)));
    if let Some(location) = &event.location {
        line(&format!("LOCATION:{}", escape(location)));
    }
    if let Some(description) = &event.description {
        line(&format!("DESCRIPTION:{}", escape(description)));
    }
    line(match event.status {
        Status::Confirmed => "STATUS:CONFIRMED",
        Status::Cancelled => "STATUS:CANCELLED",
    });
    line(&format!("SEQUENCE:{}", event.sequence));
    line(&format!(
        "LAST-MODIFIED:{}",
        timezone::utc(event.last_modified)
    ));
    line(match event.when {
        When::Timed(_) => "TRANSP:OPAQUE",
        When::Day(_) => "TRANSP:TRANSPARENT",
    });
    line("END:VEVENT");
}
