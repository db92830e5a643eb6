//! The changes of a school's year, planned week after week where the week's lessons and the
//! changes already planned leave everyone free (see [`super`]).

use super::{CalendarPlan, ChangePlan, Mask, Planner, RoomKind, bits, week_index};
use domain::school::GroupKind;
use domain::timetable::{Date, DatedSlot, day};
use rand::Rng;
use rand::seq::SliceRandom;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Who a change takes at an hour of a date, besides the week's lessons.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Who {
    Teacher(usize),
    Room(usize),
    Group(usize),
}

impl Planner<'_> {
    /// Whether the teacher, the pupils of the group and the room given are all free for `hours`
    /// from `at` on `date`, in week `w`: no lesson of that week there, no change planned there.
    fn free_on(
        &self,
        date: Date,
        w: usize,
        (at, hours): (usize, u8),
        teacher: Option<usize>,
        group: Option<usize>,
        room: Option<usize>,
    ) -> bool {
        let bits = bits(at, hours);
        let slots = at..at + usize::from(hours);
        let clear = |mask: &Mask, who: Who| {
            mask[w] & bits == 0 && slots.clone().all(|s| !self.dated.contains(&(date, s, who)))
        };
        teacher.is_none_or(|t| clear(&self.teachers[t], Who::Teacher(t)))
            && room.is_none_or(|r| clear(&self.rooms[r].1, Who::Room(r)))
            && group.is_none_or(|g| {
                self.overlaps[g]
                    .iter()
                    .all(|&h| clear(&self.groups[h], Who::Group(h)))
            })
    }

    fn mark(&mut self, date: Date, (at, hours): (usize, u8), who: &[Who]) {
        for s in at..at + usize::from(hours) {
            for &w in who {
                self.dated.insert((date, s, w));
            }
        }
    }

    /// A free room of the kind of `lesson`'s, other than its own, on `date` at its hours.
    fn other_room(&self, date: Date, w: usize, lesson: usize, at: (usize, u8)) -> Option<usize> {
        let own = self.lessons[lesson].room;
        (0..self.rooms.len()).find(|&r| {
            r != own
                && self.rooms[r].0 == self.rooms[own].0
                && self.free_on(date, w, at, None, None, Some(r))
        })
    }

    /// The changes of the year, week after week: about one absent teacher, a lesson moved, and
    /// every other week another room or an extra lesson.
    pub(super) fn changes(&mut self, calendar: &CalendarPlan) -> Vec<ChangePlan> {
        let mut out = vec![];
        let mut changed: HashSet<(usize, Date)> = HashSet::new();
        let mut absent: HashSet<(usize, Date)> = HashSet::new();
        // The colleagues who may take a lesson: the school's teachers of its subject.
        let mut by_subject: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        for &(_, teacher, subject) in &self.school.teachings {
            by_subject.entry(subject).or_default().insert(teacher);
        }
        let classes: Vec<usize> = (0..self.school.groups.len())
            .filter(|&g| self.school.groups[g].kind == GroupKind::Class)
            .collect();
        let mut monday = day::monday(calendar.ab.first_week);
        while monday <= calendar.days.last_day() {
            let this = monday;
            monday = day::plus(monday, 7);
            let Some(kind) = calendar.weeks.week_kind(this) else {
                continue;
            };
            let w = week_index(kind);
            let dates: Vec<Date> = (0..5)
                .map(|d| day::plus(this, d))
                .filter(|d| calendar.days.is_school_day(*d))
                .collect();
            let occurring: Vec<(usize, Date)> = self
                .lessons
                .iter()
                .enumerate()
                .filter_map(|(i, l)| {
                    let date = day::plus(this, l.slot.day().offset());
                    (dates.contains(&date) && l.alternation.runs_in(Some(kind)))
                        .then_some((i, date))
                })
                .collect();
            if occurring.is_empty() {
                continue;
            }
            // An absent teacher: each lesson of the day cancelled, or taken by a colleague.
            for _ in 0..self.rng.gen_range(0..=2) {
                let Some(&(lesson, date)) = occurring.choose(&mut self.rng) else {
                    break;
                };
                let teacher = self.lessons[lesson].teacher;
                // Not one already taking a colleague's lesson that day.
                let substituting = (0..self.grid.len())
                    .any(|s| self.dated.contains(&(date, s, Who::Teacher(teacher))));
                if substituting || !absent.insert((teacher, date)) {
                    continue;
                }
                let of_day: Vec<usize> = occurring
                    .iter()
                    .filter(|&&(l, d)| d == date && self.lessons[l].teacher == teacher)
                    .map(|&(l, _)| l)
                    .collect();
                for l in of_day {
                    if !changed.insert((l, date)) {
                        continue;
                    }
                    let at = self.placed[l];
                    let mut colleagues: Vec<usize> = by_subject
                        .get(&self.lessons[l].subject)
                        .into_iter()
                        .flatten()
                        .copied()
                        .filter(|&t| t != teacher && !absent.contains(&(t, date)))
                        .collect();
                    colleagues.shuffle(&mut self.rng);
                    let substitute = if self.rng.gen_bool(0.35) {
                        colleagues
                            .into_iter()
                            .find(|&t| self.free_on(date, w, at, Some(t), None, None))
                    } else {
                        None
                    };
                    out.push(match substitute {
                        Some(t) => {
                            self.mark(date, at, &[Who::Teacher(t)]);
                            ChangePlan::Changed {
                                lesson: l,
                                date,
                                moved_to: None,
                                room: None,
                                substitute: Some(t),
                            }
                        }
                        None => ChangePlan::Cancelled { lesson: l, date },
                    });
                }
            }
            // A lesson moved to another hour of the week (with another room if its own is taken).
            for _ in 0..self.rng.gen_range(0..=2) {
                let Some(&(lesson, date)) = occurring.choose(&mut self.rng) else {
                    break;
                };
                if let Some(change) = self.move_lesson(lesson, date, w, &dates, &absent, &changed) {
                    changed.insert((lesson, date));
                    out.push(change);
                }
            }
            // Another room for one lesson.
            if self.rng.gen_bool(0.5)
                && let Some(&(lesson, date)) = occurring.choose(&mut self.rng)
                && !changed.contains(&(lesson, date))
                && let Some(room) = self.other_room(date, w, lesson, self.placed[lesson])
            {
                changed.insert((lesson, date));
                self.mark(date, self.placed[lesson], &[Who::Room(room)]);
                out.push(ChangePlan::Changed {
                    lesson,
                    date,
                    moved_to: None,
                    room: Some(room),
                    substitute: None,
                });
            }
            // An extra lesson for a class (a make-up hour, a mock exam).
            if self.rng.gen_bool(0.3)
                && let Some(&class) = classes.choose(&mut self.rng)
                && let Some(change) = self.extra(class, w, &dates, &absent)
            {
                out.push(change);
            }
        }
        out
    }

    fn move_lesson(
        &mut self,
        lesson: usize,
        date: Date,
        w: usize,
        dates: &[Date],
        absent: &HashSet<(usize, Date)>,
        changed: &HashSet<(usize, Date)>,
    ) -> Option<ChangePlan> {
        let l = self.lessons[lesson].clone();
        let (at, hours) = self.placed[lesson];
        if changed.contains(&(lesson, date)) || absent.contains(&(l.teacher, date)) {
            return None;
        }
        let mut candidates: Vec<(Date, usize)> = dates
            .iter()
            .flat_map(|&d| {
                self.grid
                    .iter()
                    .enumerate()
                    .filter(move |(_, (day, _))| day.to_civil() == d.weekday())
                    .map(move |(i, _)| (d, i))
            })
            .collect();
        candidates.shuffle(&mut self.rng);
        for (to, to_at) in candidates {
            if (to, to_at) == (date, at) || absent.contains(&(l.teacher, to)) {
                continue;
            }
            let Some(slot) = self.span(to_at, hours) else {
                continue;
            };
            let span = (to_at, hours);
            if !self.free_on(to, w, span, Some(l.teacher), Some(l.group), None) {
                continue;
            }
            let room = if self.free_on(to, w, span, None, None, Some(l.room)) {
                None
            } else {
                match self.other_room(to, w, lesson, span) {
                    Some(r) => Some(r),
                    None => continue,
                }
            };
            let Ok(moved_to) = DatedSlot::new(to, slot.start(), slot.end()) else {
                continue;
            };
            self.mark(
                to,
                span,
                &[
                    Who::Teacher(l.teacher),
                    Who::Group(l.group),
                    Who::Room(room.unwrap_or(l.room)),
                ],
            );
            return Some(ChangePlan::Changed {
                lesson,
                date,
                moved_to: Some(moved_to),
                room,
                substitute: None,
            });
        }
        None
    }

    fn extra(
        &mut self,
        class: usize,
        w: usize,
        dates: &[Date],
        absent: &HashSet<(usize, Date)>,
    ) -> Option<ChangePlan> {
        let teachings: Vec<(usize, usize)> = self
            .school
            .teachings
            .iter()
            .filter(|t| t.0 == class)
            .map(|&(_, t, s)| (t, s))
            .collect();
        let &(teacher, subject) = teachings.choose(&mut self.rng)?;
        let kind = RoomKind::of(self.school.subjects[subject].0);
        let mut candidates: Vec<(Date, usize)> = dates
            .iter()
            .flat_map(|&d| {
                self.grid
                    .iter()
                    .enumerate()
                    .filter(move |(_, (day, _))| day.to_civil() == d.weekday())
                    .map(move |(i, _)| (d, i))
            })
            .collect();
        candidates.shuffle(&mut self.rng);
        for (date, at) in candidates {
            if absent.contains(&(teacher, date))
                || !self.free_on(date, w, (at, 1), Some(teacher), Some(class), None)
            {
                continue;
            }
            let Some(room) = (0..self.rooms.len()).find(|&r| {
                self.rooms[r].0 == kind && self.free_on(date, w, (at, 1), None, None, Some(r))
            }) else {
                continue;
            };
            let slot = self.span(at, 1)?;
            let when = DatedSlot::new(date, slot.start(), slot.end()).ok()?;
            self.mark(
                date,
                (at, 1),
                &[Who::Teacher(teacher), Who::Group(class), Who::Room(room)],
            );
            return Some(ChangePlan::Extra {
                subject,
                teacher,
                group: class,
                room,
                when,
            });
        }
        None
    }
}
