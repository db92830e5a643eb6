//! The occurrences of some days computed from a school's [`Timetable`]: the weekly lessons that
//! take place on them, the changes of those days applied, the extra lessons added.

use super::change::{Alteration, DatedSlot, ExtraLesson, LessonChange, OccurrenceChange};
use super::day;
use super::lesson::{Lesson, Teachers};
use super::occurrence::{Occurrence, Source, Status};
use super::week::AbWeeks;
use super::year::SchoolDays;
use crate::ids::{GroupId, LessonChangeId, LessonId, RoomId, SubjectId};
use crate::locale;
use jiff::civil::Date;
use std::collections::BTreeMap;

/// A school's timetable for a year: what the occurrences are computed from.
#[derive(Clone, Copy, Debug)]
pub struct Timetable<'a> {
    pub days: &'a SchoolDays,
    pub weeks: &'a AbWeeks,
    pub lessons: &'a [(LessonId, Lesson)],
    /// At most one change per occurrence (the server replaces, never adds); if there are more,
    /// the last one counts.
    pub changes: &'a [(LessonChangeId, LessonChange)],
}

/// Which lessons a computation keeps: all, or one subject of one group.
#[derive(Clone, Copy)]
pub(super) enum Only {
    All,
    Taught(SubjectId, GroupId),
}

impl Only {
    fn keeps(self, subject: SubjectId, group: GroupId) -> bool {
        match self {
            Only::All => true,
            Only::Taught(s, g) => s == subject && g == group,
        }
    }
}

impl Timetable<'_> {
    /// Whether `lesson` takes place on `date`: its weekday, within its dates, in its weeks, on a
    /// school day.
    pub fn occurs(&self, lesson: &Lesson, date: Date) -> bool {
        lesson.falls_on(date)
            && lesson.alternation().runs_in(self.weeks.week_kind(date))
            && self.days.is_school_day(date)
    }

    /// Whether a change names an occurrence that exists.
    pub fn check_change(&self, change: &OccurrenceChange) -> Result<(), super::ChangeError> {
        match self.lesson(change.lesson()) {
            Some(lesson) if self.occurs(lesson, change.date()) => Ok(()),
            _ => Err(super::ChangeError::NoSuchOccurrence),
        }
    }

    /// The occurrences from `from` to `until` (both included), by date and start.
    pub fn occurrences(&self, from: Date, until: Date) -> Vec<Occurrence> {
        self.collect(from, until, Only::All)
    }

    /// The occurrences of the week (Monday to Saturday) `date` falls in.
    pub fn week(&self, date: Date) -> Vec<Occurrence> {
        let monday = day::monday(date);
        self.occurrences(monday, day::plus(monday, 5))
    }

    fn lesson(&self, id: LessonId) -> Option<&Lesson> {
        self.lessons.iter().find(|(i, _)| *i == id).map(|(_, l)| l)
    }

    /// The change of every changed occurrence, by lesson and date; the last one counts.
    fn changes_by_occurrence(&self) -> BTreeMap<(LessonId, Date), &OccurrenceChange> {
        self.changes
            .iter()
            .filter_map(|(_, c)| match c {
                LessonChange::Occurrence(o) => Some(((o.lesson(), o.date()), o)),
                LessonChange::Extra(_) => None,
            })
            .collect()
    }

    pub(super) fn collect(&self, from: Date, until: Date, only: Only) -> Vec<Occurrence> {
        let changes = self.changes_by_occurrence();
        let lessons: Vec<&(LessonId, Lesson)> = self
            .lessons
            .iter()
            .filter(|(_, l)| only.keeps(l.subject(), l.group()))
            .collect();
        let mut out = Vec::new();
        let mut date = from;
        while date <= until {
            // What holds for the whole day is asked once, not once per lesson.
            if self.days.is_school_day(date) {
                let week = self.weeks.week_kind(date);
                for (id, lesson) in lessons.iter().copied() {
                    if lesson.falls_on(date) && lesson.alternation().runs_in(week) {
                        let change = changes.get(&(*id, date)).copied();
                        out.extend(self.weekly(*id, lesson, date, change));
                    }
                }
            }
            if day::next(date) == date {
                break;
            }
            date = day::next(date);
        }
        // Moved here from any date, even one outside the range.
        for c in changes.values() {
            let Alteration::Changed {
                moved_to: Some(to), ..
            } = c.alteration()
            else {
                continue;
            };
            let Some((_, lesson)) = lessons.iter().find(|(id, _)| *id == c.lesson()) else {
                continue;
            };
            if from <= to.date() && to.date() <= until && self.occurs(lesson, c.date()) {
                out.extend(self.moved_here(c, lesson, *to));
            }
        }
        for (id, change) in self.changes {
            if let LessonChange::Extra(extra) = change {
                let d = extra.when.date();
                if only.keeps(extra.subject, extra.group) && from <= d && d <= until {
                    out.extend(extra_occurrence(*id, extra));
                }
            }
        }
        out.sort_by_key(|o| (o.when.date(), o.when.start(), o.when.end(), o.source));
        out
    }

    /// A weekly lesson's occurrence at its usual place, with its change if any.
    fn weekly(
        &self,
        id: LessonId,
        lesson: &Lesson,
        date: Date,
        change: Option<&OccurrenceChange>,
    ) -> Option<Occurrence> {
        let slot = lesson.slot();
        let usual = DatedSlot::new(date, slot.start(), slot.end()).ok()?;
        let mut o = occurrence(
            Source::Weekly { lesson: id, date },
            lesson.subject(),
            lesson.group(),
            lesson.teachers().clone(),
            lesson.room(),
            usual,
        )?;
        match change.map(OccurrenceChange::alteration) {
            None => {}
            Some(Alteration::Cancelled) => o.status = Status::Cancelled,
            Some(Alteration::Changed {
                moved_to: Some(to), ..
            }) if *to != usual => o.status = Status::MovedAway { to: *to },
            Some(Alteration::Changed { room, teachers, .. }) => {
                apply(&mut o, *room, teachers.as_ref(), None);
            }
        }
        Some(o)
    }

    /// A moved occurrence where it goes.
    fn moved_here(
        &self,
        c: &OccurrenceChange,
        lesson: &Lesson,
        to: DatedSlot,
    ) -> Option<Occurrence> {
        let slot = lesson.slot();
        let usual = DatedSlot::new(c.date(), slot.start(), slot.end()).ok()?;
        if usual == to {
            return None;
        }
        let mut o = occurrence(
            Source::Weekly {
                lesson: c.lesson(),
                date: c.date(),
            },
            lesson.subject(),
            lesson.group(),
            lesson.teachers().clone(),
            lesson.room(),
            to,
        )?;
        if let Alteration::Changed { room, teachers, .. } = c.alteration() {
            apply(&mut o, *room, teachers.as_ref(), Some(usual));
        }
        Some(o)
    }
}

/// A change's room and teachers applied to an occurrence that takes place.
fn apply(
    o: &mut Occurrence,
    room: Option<RoomId>,
    teachers: Option<&Teachers>,
    moved_from: Option<DatedSlot>,
) {
    let room_changed = room.is_some_and(|r| o.room != Some(r));
    if let Some(r) = room {
        o.room = Some(r);
    }
    let substitute = teachers.is_some_and(|t| *t != o.teachers);
    if let (true, Some(t)) = (substitute, teachers) {
        o.replaced = Some(std::mem::replace(&mut o.teachers, t.clone()));
    }
    o.status = if moved_from.is_none() && !room_changed && !substitute {
        Status::Normal
    } else {
        Status::Changed {
            moved_from,
            room_changed,
            substitute,
        }
    };
}

fn extra_occurrence(id: LessonChangeId, extra: &ExtraLesson) -> Option<Occurrence> {
    let mut o = occurrence(
        Source::Extra(id),
        extra.subject,
        extra.group,
        extra.teachers.clone(),
        extra.room,
        extra.when,
    )?;
    o.status = Status::Extra;
    Some(o)
}

/// An occurrence as usual, at its instants: the wall-clock times of `when` in Paris, whatever
/// the offset of that day.
fn occurrence(
    source: Source,
    subject: SubjectId,
    group: GroupId,
    teachers: Teachers,
    room: Option<RoomId>,
    when: DatedSlot,
) -> Option<Occurrence> {
    let at = |t: super::ClockTime| locale::instant(when.date().to_datetime(t.to_civil()));
    Some(Occurrence {
        source,
        subject,
        group,
        teachers,
        replaced: None,
        room,
        starts: at(when.start())?,
        ends: at(when.end())?,
        when,
        status: Status::Normal,
    })
}
