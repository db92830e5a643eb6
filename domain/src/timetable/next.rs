//! The next lesson of a subject for a class or group: when homework set today is due by default.
//!
//! Only an occurrence that takes place on a school day counts: holidays and public holidays are
//! skipped, a cancelled occurrence or one moved away is not the next lesson, one moved here is;
//! an extra lesson of that subject for that group is one too, unless it falls in the holidays
//! (homework is not due during them). Weeks A and B are honoured. The search stops at the end
//! of the school year: homework is not carried over the summer.

use super::day;
use super::occurrence::Occurrence;
use super::schedule::{Only, Timetable};
use crate::ids::{GroupId, SubjectId};
use jiff::civil::Date;

impl Timetable<'_> {
    /// The first lesson of `subject` for `group` on a day after `after`.
    pub fn next_lesson(
        &self,
        subject: SubjectId,
        group: GroupId,
        after: Date,
    ) -> Option<Occurrence> {
        self.first_from(subject, group, day::next(after), |_| true)
    }

    /// The first lesson of the same subject for the same group that starts after `occurrence`
    /// starts (later the same day, or on a later day).
    pub fn next_lesson_after(&self, occurrence: &Occurrence) -> Option<Occurrence> {
        let (date, start) = (occurrence.when.date(), occurrence.when.start());
        self.first_from(occurrence.subject, occurrence.group, date, |o| {
            (o.when.date(), o.when.start()) > (date, start)
        })
    }

    fn first_from(
        &self,
        subject: SubjectId,
        group: GroupId,
        from: Date,
        later: impl Fn(&Occurrence) -> bool,
    ) -> Option<Occurrence> {
        let last = self.days.last_day();
        // Week by week, so that a lesson next week is found without computing the year.
        let mut start = from;
        while start <= last {
            let end = day::plus(start, 6).min(last);
            let found = self
                .collect(start, end, Only::Taught(subject, group))
                .into_iter()
                .find(|o| o.takes_place() && self.days.is_school_day(o.when.date()) && later(o));
            if found.is_some() {
                return found;
            }
            if day::plus(end, 1) == end {
                return None;
            }
            start = day::plus(end, 1);
        }
        None
    }
}
