//! A school's year of lessons, planned from its classes, groups and teachings: the calendar
//! (holidays, weeks A and B), rooms, every class's weekly lessons (its level's subjects by the
//! teachers the plan gave it, a half hour as a lesson of week A or week B), its half groups'
//! practical work and the option groups' lessons, then the changes of the year (an absent
//! teacher's lessons cancelled or taken by a colleague, lessons moved, another room, a few extra
//! lessons).
//!
//! Nothing planned here clashes, by construction: lessons are placed one by one on a grid of the
//! week where every teacher, room and group keeps the hours it is taken in week A and in week B,
//! and a group counts as taken whenever a group sharing pupils with it is (a class, its half
//! groups, its level's options). A change goes only where that week's lessons and the changes
//! already planned leave the teacher, the room and the pupils free (a cancelled or moved lesson
//! still counts as taken, which is only prudent). Pure and seeded, like the rest of the plan.

use super::plan::{HALF_GROUP_SUBJECTS, SchoolPlan};
use changes::Who;
use domain::ids::{AccountId, GroupId, LessonId, RoomId, SubjectId};
use domain::school::{GroupKind, SchoolKind};
use domain::school_calendar::SchoolYear;
use domain::timetable::{
    AbRule, AbWeeks, Alteration, Alternation, ChangeError, ClockTime, Date, DatedSlot, ExtraLesson,
    Holiday, Lesson, LessonChange, LessonError, LessonSpec, OccurrenceChange, SchoolDays,
    SchoolWeekday, Slot, Teachers, WeekKind, YearError, Zone, day,
};
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The school calendar every school of the region shares (one académie): the year's holidays,
/// weeks A and B counted from the first week of classes, and the zone the holidays were read for.
#[derive(Clone, Debug)]
pub struct CalendarPlan {
    pub days: SchoolDays,
    pub ab: AbRule,
    pub weeks: AbWeeks,
    pub zone: Option<Zone>,
}

impl CalendarPlan {
    pub fn new(
        year: SchoolYear,
        holidays: Vec<Holiday>,
        zone: Option<Zone>,
    ) -> Result<Self, YearError> {
        let days = SchoolDays::new(year, holidays)?;
        // The week of the first school day from the 1st of September is a week A.
        let mut first = day::plus(day::first_of(year), 31);
        while !days.is_school_day(first) && first < days.last_day() {
            first = day::next(first);
        }
        let ab = AbRule {
            first_week: day::monday(first),
            first_kind: WeekKind::A,
            overrides: vec![],
        };
        let weeks = ab.weeks(&days);
        Ok(Self {
            days,
            ab,
            weeks,
            zone,
        })
    }
}

/// A weekly lesson; subject, teacher, group and room are indices into the school's plan and
/// [`TimetablePlan::rooms`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonPlan {
    pub subject: usize,
    pub teacher: usize,
    pub group: usize,
    pub room: usize,
    pub slot: Slot,
    pub alternation: Alternation,
}

/// A change of one date; `lesson` is an index into [`TimetablePlan::lessons`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangePlan {
    Cancelled {
        lesson: usize,
        date: Date,
    },
    /// Any of: another day and time, another room, a colleague teaching it.
    Changed {
        lesson: usize,
        date: Date,
        moved_to: Option<DatedSlot>,
        room: Option<usize>,
        substitute: Option<usize>,
    },
    Extra {
        subject: usize,
        teacher: usize,
        group: usize,
        room: usize,
        when: DatedSlot,
    },
}

/// A school's rooms, weekly lessons and changes of the year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimetablePlan {
    pub rooms: Vec<String>,
    pub lessons: Vec<LessonPlan>,
    pub changes: Vec<ChangePlan>,
    /// Lessons the grid had no place for: none in a school the generator plans (tested).
    pub unplaced: usize,
}

/// The ids the plan's indices stand for once written (in tests, the indices themselves).
pub struct Ids<'a> {
    pub subjects: &'a [i64],
    pub people: &'a [i64],
    pub groups: &'a [i64],
    pub rooms: &'a [i64],
    /// By index in [`TimetablePlan::lessons`].
    pub lessons: &'a [i64],
}

impl LessonPlan {
    /// The lesson for the whole year, as the timetable area keeps it.
    pub fn lesson(&self, year: SchoolYear, ids: &Ids) -> Result<Lesson, LessonError> {
        Lesson::whole_year(
            year,
            LessonSpec {
                subject: SubjectId::new(ids.subjects[self.subject]),
                teachers: Teachers::one(AccountId::new(ids.people[self.teacher])),
                group: GroupId::new(ids.groups[self.group]),
                room: Some(RoomId::new(ids.rooms[self.room])),
                slot: self.slot,
                alternation: self.alternation,
                from: day::first_of(year),
                until: day::last_of(year),
            },
        )
    }
}

impl ChangePlan {
    /// The change as the timetable area keeps it.
    pub fn change(&self, ids: &Ids) -> Result<LessonChange, ChangeError> {
        let teachers = |t: usize| Teachers::one(AccountId::new(ids.people[t]));
        let room = |r: usize| RoomId::new(ids.rooms[r]);
        Ok(match *self {
            ChangePlan::Cancelled { lesson, date } => LessonChange::Occurrence(
                OccurrenceChange::cancel(LessonId::new(ids.lessons[lesson]), date),
            ),
            ChangePlan::Changed {
                lesson,
                date,
                moved_to,
                room: new_room,
                substitute,
            } => LessonChange::Occurrence(OccurrenceChange::new(
                LessonId::new(ids.lessons[lesson]),
                date,
                Alteration::Changed {
                    moved_to,
                    room: new_room.map(room),
                    teachers: substitute.map(teachers),
                },
            )?),
            ChangePlan::Extra {
                subject,
                teacher,
                group,
                room: r,
                when,
            } => LessonChange::Extra(ExtraLesson {
                subject: SubjectId::new(ids.subjects[subject]),
                teachers: teachers(teacher),
                group: GroupId::new(ids.groups[group]),
                room: Some(room(r)),
                when,
            }),
        })
    }
}

/// The hours lessons start at: four in the morning, four after lunch.
const HOURS: [u8; 8] = [8, 9, 10, 11, 13, 14, 15, 16];

/// Half hours a week of a class subject by level (an odd count: one hour every other week).
type Hours = &'static [(&'static str, &'static [u8])];
const COLLEGE_LEVELS: &[&str] = &["6e", "5e", "4e", "3e"];
const COLLEGE_HOURS: Hours = &[
    ("FRANC", &[9, 9, 9, 8]),
    ("MATHS", &[9, 7, 7, 7]),
    ("HG", &[6, 6, 6, 7]),
    ("ANG", &[8, 6, 6, 6]),
    ("ITA", &[0, 5, 5, 5]),
    ("SVT", &[3, 3, 3, 3]),
    ("PC", &[3, 3, 3, 3]),
    ("TECH", &[3, 3, 3, 3]),
    ("EPS", &[8, 6, 6, 6]),
    ("AP", &[2, 2, 2, 2]),
    ("MUS", &[2, 2, 2, 2]),
];
const LYCEE_LEVELS: &[&str] = &["2nde", "1re", "Tle"];
const LYCEE_HOURS: Hours = &[
    ("FRANC", &[8, 8, 0]),
    ("PHILO", &[0, 0, 8]),
    ("MATHS", &[8, 9, 9]),
    ("HG", &[7, 6, 6]),
    ("ANG", &[6, 6, 6]),
    ("ITA", &[5, 5, 5]),
    ("SVT", &[3, 6, 6]),
    ("PC", &[6, 6, 6]),
    ("SES", &[3, 0, 0]),
    ("EPS", &[4, 4, 4]),
];

/// Hours a week of an option group (Corsican, Latin, the European section).
const OPTION_HOURS: usize = 2;

fn half_hours(kind: SchoolKind, level: &str, code: &str) -> u8 {
    let (levels, table) = match kind {
        SchoolKind::Lycee => (LYCEE_LEVELS, LYCEE_HOURS),
        _ => (COLLEGE_LEVELS, COLLEGE_HOURS),
    };
    let Some(l) = levels.iter().position(|x| *x == level) else {
        return 0;
    };
    table
        .iter()
        .find(|(c, _)| *c == code)
        .and_then(|(_, h)| h.get(l).copied())
        .unwrap_or(0)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum RoomKind {
    Classroom,
    Laboratory,
    Technology,
    Arts,
    Music,
    Sports,
}

impl RoomKind {
    const ALL: [RoomKind; 6] = [
        RoomKind::Classroom,
        RoomKind::Laboratory,
        RoomKind::Technology,
        RoomKind::Arts,
        RoomKind::Music,
        RoomKind::Sports,
    ];

    fn of(code: &str) -> Self {
        match code {
            "SVT" | "PC" => RoomKind::Laboratory,
            "TECH" => RoomKind::Technology,
            "AP" => RoomKind::Arts,
            "MUS" => RoomKind::Music,
            "EPS" => RoomKind::Sports,
            _ => RoomKind::Classroom,
        }
    }

    /// The `n`th room of the kind (from 0), named as schools name them.
    fn name(self, n: usize) -> String {
        match self {
            RoomKind::Classroom => format!("Salle {}{:02}", 1 + n / 12, 1 + n % 12),
            RoomKind::Laboratory => format!("Laboratoire {}", n + 1),
            RoomKind::Technology => format!("Technologie {}", n + 1),
            RoomKind::Arts => format!("Arts plastiques {}", n + 1),
            RoomKind::Music => format!("Musique {}", n + 1),
            RoomKind::Sports => match n {
                0 => "Gymnase".to_owned(),
                1 => "Stade".to_owned(),
                2 => "Plateau sportif".to_owned(),
                _ => format!("Gymnase {}", n - 1),
            },
        }
    }
}

/// The hours something is taken, a bit per slot of the grid: week A, week B.
type Mask = [u64; 2];

fn weeks_of(alternation: Alternation) -> &'static [usize] {
    match alternation {
        Alternation::Every => &[0, 1],
        Alternation::WeekA => &[0],
        Alternation::WeekB => &[1],
    }
}

fn week_index(kind: WeekKind) -> usize {
    match kind {
        WeekKind::A => 0,
        WeekKind::B => 1,
    }
}

/// The bits of `hours` slots from `at`.
fn bits(at: usize, hours: u8) -> u64 {
    ((1_u64 << hours) - 1) << at
}

/// One lesson to place: for a half group's practical work, two lessons at the same hour (each
/// half with its teacher).
struct Demand {
    parts: Vec<Part>,
    hours: u8,
    alternation: Alternation,
    /// Options go at the end of the day first, as schools put them.
    afternoon_first: bool,
}

#[derive(Clone, Copy)]
struct Part {
    group: usize,
    subject: usize,
    teacher: usize,
    kind: RoomKind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// A lesson of one week where the group has one of the other week: the two make an hour.
    Paired,
    /// A day the group has no lesson of the subject yet.
    NewDay,
    Any,
}

struct Planner<'a> {
    school: &'a SchoolPlan,
    rng: StdRng,
    /// The week's one-hour slots: Monday to Friday, Wednesday morning only.
    grid: Vec<(SchoolWeekday, u8)>,
    /// The groups sharing pupils with each group, itself included.
    overlaps: Vec<Vec<usize>>,
    teachers: Vec<Mask>,
    groups: Vec<Mask>,
    rooms: Vec<(RoomKind, Mask)>,
    /// The room each teacher had last, tried first: teachers keep to their room.
    usual_room: Vec<Option<usize>>,
    /// The days (a bit per weekday) a group has a lesson of a subject on.
    days_of: HashMap<(usize, usize), u8>,
    lessons: Vec<LessonPlan>,
    /// Each lesson's first slot in the grid and length in hours.
    placed: Vec<(usize, u8)>,
    unplaced: usize,
    /// Teachers, rooms and groups taken by the changes planned, by date and slot.
    dated: HashSet<(Date, usize, Who)>,
}

/// Plans the rooms, weekly lessons and changes of the school `index` of a region generated with
/// `seed`.
pub fn plan_timetable(
    seed: u64,
    index: u32,
    school: &SchoolPlan,
    calendar: &CalendarPlan,
) -> TimetablePlan {
    // A stream of its own: people and work stay the same whatever is planned here.
    let rng = StdRng::seed_from_u64(
        seed.wrapping_mul(1_000_003).wrapping_add(u64::from(index)) ^ 0x7469_6d65_7461_626c,
    );
    let grid: Vec<(SchoolWeekday, u8)> = [
        SchoolWeekday::Monday,
        SchoolWeekday::Tuesday,
        SchoolWeekday::Wednesday,
        SchoolWeekday::Thursday,
        SchoolWeekday::Friday,
    ]
    .into_iter()
    .flat_map(|d| {
        let hours: &[u8] = if d == SchoolWeekday::Wednesday {
            &HOURS[..4]
        } else {
            &HOURS
        };
        hours.iter().map(move |&h| (d, h))
    })
    .collect();
    let mut planner = Planner {
        school,
        rng,
        grid,
        overlaps: overlaps(school),
        teachers: vec![[0; 2]; school.people.len()],
        groups: vec![[0; 2]; school.groups.len()],
        rooms: vec![],
        usual_room: vec![None; school.people.len()],
        days_of: HashMap::new(),
        lessons: vec![],
        placed: vec![],
        unplaced: 0,
        dated: HashSet::new(),
    };
    let demands = planner.demands();
    // Enough rooms of each kind for its hours, a few hours a week free in each.
    let mut half_hours_of: BTreeMap<RoomKind, usize> = BTreeMap::new();
    for demand in &demands {
        let per_week = if demand.alternation == Alternation::Every {
            2
        } else {
            1
        };
        for part in &demand.parts {
            *half_hours_of.entry(part.kind).or_default() += usize::from(demand.hours) * per_week;
        }
    }
    let mut names = vec![];
    for kind in RoomKind::ALL {
        let count = half_hours_of.get(&kind).map_or(0, |h| h.div_ceil(52) + 1);
        for n in 0..count {
            planner.rooms.push((kind, [0; 2]));
            names.push(kind.name(n));
        }
    }
    for demand in &demands {
        planner.place(demand);
    }
    let changes = planner.changes(calendar);
    TimetablePlan {
        rooms: names,
        lessons: planner.lessons,
        changes,
        unplaced: planner.unplaced,
    }
}

/// The groups sharing a pupil with each group, itself included.
fn overlaps(school: &SchoolPlan) -> Vec<Vec<usize>> {
    let mut of_pupil: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(group, pupil) in &school.memberships {
        of_pupil.entry(pupil).or_default().push(group);
    }
    let mut sets: Vec<BTreeSet<usize>> = (0..school.groups.len())
        .map(|g| BTreeSet::from([g]))
        .collect();
    for groups in of_pupil.values() {
        for &a in groups {
            sets[a].extend(groups.iter().copied());
        }
    }
    sets.into_iter().map(|s| s.into_iter().collect()).collect()
}

impl Planner<'_> {
    fn subject(&self, code: &str) -> Option<usize> {
        self.school.subjects.iter().position(|(c, _)| *c == code)
    }

    /// Every lesson to place, in the order they are placed: what ties a whole level (options)
    /// first, then the half groups (two teachers at once), the two-hour blocks, the weekly hours
    /// class after class, the half hours last.
    fn demands(&mut self) -> Vec<Demand> {
        let school = self.school;
        let part = |group: usize, teacher: usize, subject: usize| Part {
            group,
            subject,
            teacher,
            kind: RoomKind::of(school.subjects[subject].0),
        };
        let halves: HashSet<usize> = school.halves.iter().flat_map(|(_, h)| *h).collect();
        let mut options = vec![];
        for &(group, teacher, subject) in &school.teachings {
            if school.groups[group].kind == GroupKind::Group && !halves.contains(&group) {
                for _ in 0..OPTION_HOURS {
                    options.push(Demand {
                        parts: vec![part(group, teacher, subject)],
                        hours: 1,
                        alternation: Alternation::Every,
                        afternoon_first: true,
                    });
                }
            }
        }
        let teacher_of = |group: usize, subject: usize| {
            school
                .teachings
                .iter()
                .find(|&&(g, _, s)| g == group && s == subject)
                .map(|&(_, t, _)| t)
        };
        let mut pairs = vec![];
        let practical: Vec<usize> = HALF_GROUP_SUBJECTS
            .iter()
            .filter_map(|code| self.subject(code))
            .collect();
        if let [first, second] = practical[..] {
            for &(_, [one, two]) in &school.halves {
                // One half does the first subject while the other does the second, then swap.
                for (a, b) in [(first, second), (second, first)] {
                    if let (Some(ta), Some(tb)) = (teacher_of(one, a), teacher_of(two, b)) {
                        pairs.push(Demand {
                            parts: vec![part(one, ta, a), part(two, tb, b)],
                            hours: 1,
                            alternation: Alternation::Every,
                            afternoon_first: false,
                        });
                    }
                }
            }
        }
        let with_halves: HashSet<usize> = school.halves.iter().map(|(c, _)| *c).collect();
        let mut blocks = vec![];
        let mut weekly: Vec<Vec<Demand>> = vec![];
        let mut halves_of_week = vec![];
        for (g, group) in school.groups.iter().enumerate() {
            if group.kind != GroupKind::Class {
                continue;
            }
            let level = group.name.split(' ').next().unwrap_or_default();
            // (n-th hour of its subject, demand): the first hours of every subject first.
            let mut ones: Vec<(u8, Demand)> = vec![];
            let mut odd = 0;
            for &(_, teacher, subject) in school.teachings.iter().filter(|t| t.0 == g) {
                let code = school.subjects[subject].0;
                let mut left = half_hours(school.kind, level, code);
                if with_halves.contains(&g) && HALF_GROUP_SUBJECTS.contains(&code) {
                    left = left.saturating_sub(2);
                }
                while code == "EPS" && left >= 4 {
                    blocks.push(Demand {
                        parts: vec![part(g, teacher, subject)],
                        hours: 2,
                        alternation: Alternation::Every,
                        afternoon_first: false,
                    });
                    left -= 4;
                }
                let mut n = 0;
                while left >= 2 {
                    ones.push((
                        n,
                        Demand {
                            parts: vec![part(g, teacher, subject)],
                            hours: 1,
                            alternation: Alternation::Every,
                            afternoon_first: false,
                        },
                    ));
                    n += 1;
                    left -= 2;
                }
                if left == 1 {
                    // Half hours alternate between weeks A and B, so both weeks weigh the same.
                    let alternation = if odd % 2 == 0 {
                        Alternation::WeekA
                    } else {
                        Alternation::WeekB
                    };
                    odd += 1;
                    halves_of_week.push(Demand {
                        parts: vec![part(g, teacher, subject)],
                        hours: 1,
                        alternation,
                        afternoon_first: false,
                    });
                }
            }
            ones.sort_by_key(|(n, _)| *n);
            weekly.push(ones.into_iter().map(|(_, d)| d).collect());
        }
        blocks.shuffle(&mut self.rng);
        weekly.shuffle(&mut self.rng);
        let mut out = options;
        out.extend(pairs);
        out.extend(blocks);
        // Round after round, an hour of every class: none gets the best hours of the week.
        let rounds = weekly.iter().map(Vec::len).max().unwrap_or(0);
        let mut iters: Vec<_> = weekly.into_iter().map(Vec::into_iter).collect();
        for _ in 0..rounds {
            for it in &mut iters {
                out.extend(it.next());
            }
        }
        out.extend(halves_of_week);
        out
    }

    /// The slot of `hours` hours from `at`, when they follow each other on one day.
    fn span(&self, at: usize, hours: u8) -> Option<Slot> {
        let (day, start) = *self.grid.get(at)?;
        let (end_day, end_hour) = *self.grid.get(at + usize::from(hours) - 1)?;
        if end_day != day || end_hour != start + hours - 1 {
            return None;
        }
        Slot::new(
            day,
            ClockTime::new(start, 0)?,
            ClockTime::new(start + hours, 0)?,
        )
        .ok()
    }

    fn place(&mut self, demand: &Demand) {
        let mut order: Vec<usize> = (0..self.grid.len()).collect();
        order.shuffle(&mut self.rng);
        if demand.afternoon_first {
            order.sort_by_key(|&at| self.grid[at].1 < 13);
        }
        for pass in [Pass::Paired, Pass::NewDay, Pass::Any] {
            if pass == Pass::Paired && demand.alternation == Alternation::Every {
                continue;
            }
            for &at in &order {
                if let Some((slot, rooms)) = self.fits(demand, at, pass) {
                    self.take(demand, at, slot, &rooms);
                    return;
                }
            }
        }
        self.unplaced += demand.parts.len();
    }

    /// The slot and rooms the demand would have at `at`, if everyone is free then.
    fn fits(&self, demand: &Demand, at: usize, pass: Pass) -> Option<(Slot, Vec<usize>)> {
        let slot = self.span(at, demand.hours)?;
        let bits = bits(at, demand.hours);
        let weeks = weeks_of(demand.alternation);
        let free = |m: &Mask| weeks.iter().all(|&w| m[w] & bits == 0);
        let day_bit = 1_u8 << slot.day().offset();
        let mut rooms: Vec<usize> = vec![];
        for p in &demand.parts {
            if !free(&self.teachers[p.teacher])
                || !self.overlaps[p.group]
                    .iter()
                    .all(|&g| free(&self.groups[g]))
            {
                return None;
            }
            let that_day = self
                .days_of
                .get(&(p.group, p.subject))
                .is_some_and(|d| d & day_bit != 0);
            if pass != Pass::Any && that_day {
                return None;
            }
            if pass == Pass::Paired {
                let other = 1 - weeks[0];
                if self.groups[p.group][other] & bits != bits {
                    return None;
                }
            }
            let usual = self.usual_room[p.teacher];
            let room = usual.into_iter().chain(0..self.rooms.len()).find(|&r| {
                self.rooms[r].0 == p.kind && free(&self.rooms[r].1) && !rooms.contains(&r)
            })?;
            rooms.push(room);
        }
        Some((slot, rooms))
    }

    fn take(&mut self, demand: &Demand, at: usize, slot: Slot, rooms: &[usize]) {
        let bits = bits(at, demand.hours);
        let day_bit = 1_u8 << slot.day().offset();
        for (p, &room) in demand.parts.iter().zip(rooms) {
            for &w in weeks_of(demand.alternation) {
                self.teachers[p.teacher][w] |= bits;
                self.groups[p.group][w] |= bits;
                self.rooms[room].1[w] |= bits;
            }
            self.usual_room[p.teacher] = Some(room);
            *self.days_of.entry((p.group, p.subject)).or_default() |= day_bit;
            self.lessons.push(LessonPlan {
                subject: p.subject,
                teacher: p.teacher,
                group: p.group,
                room,
                slot,
                alternation: demand.alternation,
            });
            self.placed.push((at, demand.hours));
        }
    }
}

mod changes;

#[cfg(test)]
mod tests;
