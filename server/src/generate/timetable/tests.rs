use super::*;
use crate::generate::plan::{Region, plan_school};
use domain::ids::LessonChangeId;
use domain::timetable::{Saturday, Timetable, lesson_clashes, open_data};

const YEAR: SchoolYear = SchoolYear::starting(2026);

/// The year's calendar of zone A, read from the open-data file of the shared fixtures.
fn calendar() -> CalendarPlan {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/fixtures/school-calendar/vacances-scolaires-france-0.12.0/data.csv"
    );
    let text = std::fs::read_to_string(path).expect("the shared open-data calendar");
    let holidays = open_data::holidays(&text, Zone::A, YEAR, Saturday::Free).expect("zone A");
    CalendarPlan::new(YEAR, holidays, Some(Zone::A)).expect("a calendar")
}

/// Two collèges and a lycée of one region, with their timetables.
fn schools(seed: u64) -> Vec<(SchoolPlan, TimetablePlan)> {
    let calendar = calendar();
    let mut region = Region::default();
    (0..3)
        .map(|index| {
            let school = plan_school(seed, index, &mut region);
            let timetable = plan_timetable(seed, index, &school, &calendar);
            (school, timetable)
        })
        .collect()
}

/// The plan's indices as ids.
fn indices(n: usize) -> Vec<i64> {
    (0..i64::try_from(n).expect("small")).collect()
}

struct AsIds {
    subjects: Vec<i64>,
    people: Vec<i64>,
    groups: Vec<i64>,
    rooms: Vec<i64>,
    lessons: Vec<i64>,
}

impl AsIds {
    fn new(school: &SchoolPlan, timetable: &TimetablePlan) -> Self {
        Self {
            subjects: indices(school.subjects.len()),
            people: indices(school.people.len()),
            groups: indices(school.groups.len()),
            rooms: indices(timetable.rooms.len()),
            lessons: indices(timetable.lessons.len()),
        }
    }

    fn ids(&self) -> Ids<'_> {
        Ids {
            subjects: &self.subjects,
            people: &self.people,
            groups: &self.groups,
            rooms: &self.rooms,
            lessons: &self.lessons,
        }
    }
}

/// Pairs of groups with a pupil in common, read from the memberships (what the server's clash
/// check asks the database).
fn sharing(school: &SchoolPlan) -> HashSet<(GroupId, GroupId)> {
    let mut of_pupil: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(group, pupil) in &school.memberships {
        of_pupil.entry(pupil).or_default().push(group);
    }
    let id = |g: usize| GroupId::new(i64::try_from(g).expect("small"));
    let mut pairs = HashSet::new();
    for groups in of_pupil.values() {
        for &a in groups {
            for &b in groups {
                if a != b {
                    pairs.insert((id(a), id(b)));
                }
            }
        }
    }
    pairs
}

fn lessons(
    school: &SchoolPlan,
    timetable: &TimetablePlan,
) -> Vec<(LessonId, domain::timetable::Lesson)> {
    let ids = AsIds::new(school, timetable);
    timetable
        .lessons
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let lesson = l.lesson(YEAR, &ids.ids()).expect("a valid lesson");
            (LessonId::new(i64::try_from(i).expect("small")), lesson)
        })
        .collect()
}

#[test]
fn weekly_lessons_never_clash() {
    for (school, timetable) in schools(2026) {
        assert_eq!(timetable.unplaced, 0, "{}", school.name);
        let drafts: Vec<_> = lessons(&school, &timetable)
            .into_iter()
            .map(|(_, l)| (None, l))
            .collect();
        let shared = sharing(&school);
        let clashes = lesson_clashes(&drafts, &[], |a, b| shared.contains(&(a, b)));
        assert_eq!(clashes, vec![], "{}", school.name);
        // The check sees clashes: the same lessons twice clash over everything.
        let twice: Vec<_> = drafts.iter().take(2).chain(&drafts[..2]).cloned().collect();
        assert!(!lesson_clashes(&twice, &[], |_, _| false).is_empty());
    }
}

#[test]
fn every_class_has_a_full_week_in_weeks_a_and_b() {
    for (school, timetable) in schools(7) {
        let half_of: HashMap<usize, usize> = school
            .halves
            .iter()
            .map(|&(class, [first, _])| (class, first))
            .collect();
        for (g, group) in school.groups.iter().enumerate() {
            if group.kind != GroupKind::Class {
                continue;
            }
            // A pupil of the first half group: the class's lessons and that half's.
            let theirs = |l: &&LessonPlan| l.group == g || half_of.get(&g) == Some(&l.group);
            for kind in [WeekKind::A, WeekKind::B] {
                let hours: u16 = timetable
                    .lessons
                    .iter()
                    .filter(theirs)
                    .filter(|l| l.alternation.runs_in(Some(kind)))
                    .map(|l| (l.slot.end().minutes() - l.slot.start().minutes()) / 60)
                    .sum();
                assert!(
                    (25..=30).contains(&hours),
                    "{} {}: {hours} hours in week {kind:?}",
                    school.name,
                    group.name
                );
            }
        }
        // Half hours alternate, options and half groups have their lessons, rooms are named once.
        for alternation in [Alternation::WeekA, Alternation::WeekB] {
            assert!(
                timetable
                    .lessons
                    .iter()
                    .any(|l| l.alternation == alternation)
            );
        }
        for (g, group) in school.groups.iter().enumerate() {
            if group.kind == GroupKind::Group {
                assert!(
                    timetable.lessons.iter().any(|l| l.group == g),
                    "{} has no lesson",
                    group.name
                );
            }
        }
        let names: HashSet<&String> = timetable.rooms.iter().collect();
        assert_eq!(names.len(), timetable.rooms.len());
        // Each lesson by one of the teachers the plan gave the group for that subject.
        for l in &timetable.lessons {
            assert!(school.teachings.contains(&(l.group, l.teacher, l.subject)));
        }
    }
}

#[test]
fn changes_are_spread_over_the_year_and_clash_with_nothing() {
    let calendar = calendar();
    for (school, timetable) in schools(11) {
        let ids = AsIds::new(&school, &timetable);
        let lessons = lessons(&school, &timetable);
        let changes: Vec<(LessonChangeId, LessonChange)> = timetable
            .changes
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let id = LessonChangeId::new(i64::try_from(i).expect("small"));
                (id, c.change(&ids.ids()).expect("a valid change"))
            })
            .collect();
        let year = Timetable {
            days: &calendar.days,
            weeks: &calendar.weeks,
            lessons: &lessons,
            changes: &changes,
        };
        let shared = sharing(&school);
        let mut occurrences = HashSet::new();
        let mut extras = HashSet::new();
        let mut months = BTreeSet::new();
        for (id, change) in &changes {
            match change {
                LessonChange::Occurrence(o) => {
                    year.check_change(o)
                        .expect("an occurrence that takes place");
                    assert!(occurrences.insert((o.lesson(), o.date())), "{o:?} twice");
                    months.insert(o.date().month());
                }
                LessonChange::Extra(e) => {
                    assert!(calendar.days.is_school_day(e.when.date()));
                    assert!(extras.insert((e.group, e.subject, e.when.date(), e.when.start())));
                    months.insert(e.when.date().month());
                }
            }
            let clashes = year.change_clashes(Some(*id), change, |a, b| shared.contains(&(a, b)));
            assert_eq!(clashes, vec![], "{}: {change:?}", school.name);
        }
        assert!(months.len() >= 9, "{months:?}");
        let count = |f: fn(&ChangePlan) -> bool| timetable.changes.iter().filter(|c| f(c)).count();
        assert!(count(|c| matches!(c, ChangePlan::Cancelled { .. })) > 20);
        let substitutes = count(|c| {
            matches!(
                c,
                ChangePlan::Changed {
                    substitute: Some(_),
                    ..
                }
            )
        });
        let moves = count(|c| {
            matches!(
                c,
                ChangePlan::Changed {
                    moved_to: Some(_),
                    ..
                }
            )
        });
        let rooms = count(|c| {
            matches!(
                c,
                ChangePlan::Changed {
                    moved_to: None,
                    room: Some(_),
                    ..
                }
            )
        });
        let extra = count(|c| matches!(c, ChangePlan::Extra { .. }));
        assert!(
            substitutes > 5 && moves > 10 && rooms > 5 && extra > 3,
            "{substitutes} substitutes, {moves} moves, {rooms} rooms, {extra} extra"
        );
    }
}

#[test]
fn the_same_seed_gives_the_same_timetable() {
    let (a, b) = (schools(5), schools(5));
    for ((_, x), (_, y)) in a.iter().zip(&b) {
        assert_eq!(x, y);
    }
    assert_ne!(a[0].1, schools(6)[0].1, "another seed, another timetable");
}

#[test]
fn the_calendar_starts_weeks_a_and_b_with_the_first_week_of_classes() {
    let calendar = calendar();
    // The rentrée 2026 is Tuesday 1 September: its week is A, the next B.
    let rentree = Date::new(2026, 9, 1).expect("a date");
    assert_eq!(calendar.ab.first_week, day::monday(rentree));
    assert_eq!(calendar.weeks.week_kind(rentree), Some(WeekKind::A));
    assert_eq!(
        calendar.weeks.week_kind(day::plus(rentree, 7)),
        Some(WeekKind::B)
    );
    assert!(!calendar.days.holidays().is_empty());
    assert_eq!(calendar.zone, Some(Zone::A));
}
