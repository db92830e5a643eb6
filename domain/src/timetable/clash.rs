//! Clashes: a teacher, a room or pupils in two places at once. They are shown before saving, and
//! saving with clashes needs an explicit confirmation ([`confirm`]): a timetable in the making
//! clashes for a while, and some clashes are meant (two half-groups in one big room).
//!
//! Two weekly lessons meet when their slots overlap on the same weekday (08:00–09:00 and
//! 09:00–10:00 do not), their weeks can coincide (A and B never do; every week meets both) and
//! their dates share a day. Pupils are in two places when both lessons are for the same class or
//! group, or for two groups the caller says share pupils (a class and a language group drawn
//! from it): the domain does not know who is in which group.

use super::change::LessonChange;
use super::lesson::Lesson;
use super::occurrence::{Occurrence, Source};
use super::schedule::Timetable;
use super::slot::spans_overlap;
use crate::ids::{AccountId, GroupId, LessonChangeId, LessonId, RoomId};
use serde::{Deserialize, Serialize};

/// Who or what would be in two places.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Conflict {
    Teacher(AccountId),
    Room(RoomId),
    Group(GroupId),
    /// Two groups with pupils in common.
    SharedPupils(GroupId, GroupId),
}

/// A lesson in a clash: one of those being saved (by its place in the list) or one saved before.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LessonKey {
    Draft(usize),
    Saved(LessonId),
}

/// Two weekly lessons that clash, and over what.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Clash {
    pub conflict: Conflict,
    pub first: LessonKey,
    pub second: LessonKey,
}

/// A change on a date that clashes with an occurrence of that date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ChangeClash {
    pub conflict: Conflict,
    pub with: Source,
}

/// The clashes a save was refused for, until it is confirmed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{} clash(es) to confirm", .0.len())]
pub struct Clashes<C>(pub Vec<C>);

/// Whether a save may go on: with no clash, or with clashes the person saving has confirmed.
pub fn confirm<C>(clashes: Vec<C>, confirmed: bool) -> Result<(), Clashes<C>> {
    if clashes.is_empty() || confirmed {
        Ok(())
    } else {
        Err(Clashes(clashes))
    }
}

/// What two lessons that meet in time clash over.
fn conflicts(
    (teachers_a, room_a, group_a): (&[AccountId], Option<RoomId>, GroupId),
    (teachers_b, room_b, group_b): (&[AccountId], Option<RoomId>, GroupId),
    shared: &impl Fn(GroupId, GroupId) -> bool,
) -> Vec<Conflict> {
    let mut out: Vec<Conflict> = teachers_a
        .iter()
        .filter(|t| teachers_b.contains(t))
        .map(|t| Conflict::Teacher(*t))
        .collect();
    if let (Some(a), Some(b)) = (room_a, room_b)
        && a == b
    {
        out.push(Conflict::Room(a));
    }
    if group_a == group_b {
        out.push(Conflict::Group(group_a));
    } else if shared(group_a, group_b) || shared(group_b, group_a) {
        out.push(Conflict::SharedPupils(group_a, group_b));
    }
    out
}

fn lesson_parts(l: &Lesson) -> (&[AccountId], Option<RoomId>, GroupId) {
    (l.teachers().as_slice(), l.room(), l.group())
}

fn occurrence_parts(o: &Occurrence) -> (&[AccountId], Option<RoomId>, GroupId) {
    (o.teachers.as_slice(), o.room, o.group)
}

/// Whether two weekly lessons are ever taught at the same moment.
pub fn meet(a: &Lesson, b: &Lesson) -> bool {
    a.slot().overlaps(b.slot()) && a.alternation().meets(b.alternation()) && a.dates_meet(b)
}

/// Every clash of the lessons being saved, among themselves and with the saved ones. A draft
/// that edits a saved lesson (its id given) replaces it: it does not clash with its old self.
pub fn lesson_clashes(
    drafts: &[(Option<LessonId>, Lesson)],
    saved: &[(LessonId, Lesson)],
    shared: impl Fn(GroupId, GroupId) -> bool,
) -> Vec<Clash> {
    let mut out = Vec::new();
    let mut push = |a: &Lesson, b: &Lesson, first, second| {
        if meet(a, b) {
            for conflict in conflicts(lesson_parts(a), lesson_parts(b), &shared) {
                out.push(Clash {
                    conflict,
                    first,
                    second,
                });
            }
        }
    };
    let edited: Vec<LessonId> = drafts.iter().filter_map(|(id, _)| *id).collect();
    for (i, (_, a)) in drafts.iter().enumerate() {
        for (j, (_, b)) in drafts.iter().enumerate().skip(i + 1) {
            push(a, b, LessonKey::Draft(i), LessonKey::Draft(j));
        }
        for (id, b) in saved.iter().filter(|(id, _)| !edited.contains(id)) {
            push(a, b, LessonKey::Draft(i), LessonKey::Saved(*id));
        }
    }
    out
}

impl Timetable<'_> {
    /// The clashes a change would make on the date it puts a lesson on, against that date's
    /// occurrences that take place. `editing` names the saved change it replaces, if any (an
    /// occurrence's change also replaces any other change of that occurrence). A cancellation
    /// clashes with nothing.
    pub fn change_clashes(
        &self,
        editing: Option<LessonChangeId>,
        change: &LessonChange,
        shared: impl Fn(GroupId, GroupId) -> bool,
    ) -> Vec<ChangeClash> {
        // The change is computed among the others, under an id no saved change has.
        let id = LessonChangeId::new(i64::MIN);
        let mut changes: Vec<(LessonChangeId, LessonChange)> = self
            .changes
            .iter()
            .filter(|(i, c)| Some(*i) != editing && !same_occurrence(c, change))
            .cloned()
            .collect();
        changes.push((id, change.clone()));
        let with_change = Timetable {
            changes: &changes,
            ..*self
        };
        let (mine, date) = match change {
            LessonChange::Extra(extra) => (Source::Extra(id), extra.when.date()),
            LessonChange::Occurrence(o) => {
                let date = match o.alteration() {
                    super::Alteration::Cancelled => return Vec::new(),
                    super::Alteration::Changed { moved_to, .. } => {
                        moved_to.map_or(o.date(), |to| to.date())
                    }
                };
                let source = Source::Weekly {
                    lesson: o.lesson(),
                    date: o.date(),
                };
                (source, date)
            }
        };
        let day: Vec<Occurrence> = with_change
            .occurrences(date, date)
            .into_iter()
            .filter(Occurrence::takes_place)
            .collect();
        let mut out = Vec::new();
        for a in day.iter().filter(|o| o.source == mine) {
            for b in day.iter().filter(|o| o.source != mine) {
                let span = |o: &Occurrence| (o.when.start(), o.when.end());
                if spans_overlap(span(a), span(b)) {
                    for conflict in conflicts(occurrence_parts(a), occurrence_parts(b), &shared) {
                        out.push(ChangeClash {
                            conflict,
                            with: b.source,
                        });
                    }
                }
            }
        }
        out
    }
}

fn same_occurrence(a: &LessonChange, b: &LessonChange) -> bool {
    match (a, b) {
        (LessonChange::Occurrence(a), LessonChange::Occurrence(b)) => {
            a.lesson() == b.lesson() && a.date() == b.date()
        }
        _ => false,
    }
}
