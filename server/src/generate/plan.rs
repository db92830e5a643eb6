//! The shape of one generated establishment, decided by a seeded RNG and nothing else: the same
//! seed and index give the same school, classes, people and links on every machine.

use super::exercises;
use super::names::{EPONYMS, FIRST_NAMES, LAST_NAMES, TOWNS_2A, TOWNS_2B};
pub use super::sequences::{GivenSequencePlan, SequencePlan};
use domain::account::Username;
use domain::exercise::assignment::Feedback;
use domain::exercise::{Exercise, Outcome, Response};
use domain::profile::Profile;
use domain::school::{GroupKind, SchoolKind};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::{HashMap, HashSet};

/// Pupils in one class, as in French collèges and lycées.
const CLASS_SIZE: usize = 28;

/// A subject: code, name, how many classes one teacher takes, the levels it is taught in as a
/// class subject (`None`: all; `Some(&[])`: only in option groups).
struct Subject {
    code: &'static str,
    name: &'static str,
    classes_per_teacher: usize,
    levels: Option<&'static [&'static str]>,
}

const fn subject(
    code: &'static str,
    name: &'static str,
    classes_per_teacher: usize,
    levels: Option<&'static [&'static str]>,
) -> Subject {
    Subject {
        code,
        name,
        classes_per_teacher,
        levels,
    }
}

const COLLEGE_SUBJECTS: &[Subject] = &[
    subject("FRANC", "Français", 3, None),
    subject("MATHS", "Mathématiques", 3, None),
    subject("HG", "Histoire-géographie", 4, None),
    subject("ANG", "Anglais", 4, None),
    subject("ITA", "Italien", 6, Some(&["5e", "4e", "3e"])),
    subject("SVT", "Sciences de la vie et de la Terre", 6, None),
    subject("PC", "Physique-chimie", 6, None),
    subject("TECH", "Technologie", 6, None),
    subject("EPS", "Éducation physique et sportive", 5, None),
    subject("AP", "Arts plastiques", 8, None),
    subject("MUS", "Éducation musicale", 8, None),
    subject("LCO", "Langue corse", 4, Some(&[])),
    subject("LAT", "Latin", 3, Some(&[])),
];

const LYCEE_SUBJECTS: &[Subject] = &[
    subject("FRANC", "Français", 3, Some(&["2nde", "1re"])),
    subject("PHILO", "Philosophie", 3, Some(&["Tle"])),
    subject("MATHS", "Mathématiques", 3, None),
    subject("HG", "Histoire-géographie", 4, None),
    subject("ANG", "Anglais", 4, None),
    subject("ITA", "Italien", 5, None),
    subject("SVT", "Sciences de la vie et de la Terre", 5, None),
    subject("PC", "Physique-chimie", 5, None),
    subject(
        "SES",
        "Sciences économiques et sociales",
        6,
        Some(&["2nde"]),
    ),
    subject("EPS", "Éducation physique et sportive", 5, None),
    subject("LCO", "Langue corse", 4, Some(&[])),
];

/// An option group per level: its name prefix, subject, share of the level's pupils, levels.
const COLLEGE_OPTIONS: &[(&str, &str, f64, &[&str])] = &[
    ("Lingua corsa", "LCO", 0.35, &["6e", "5e", "4e", "3e"]),
    ("Latin", "LAT", 0.15, &["5e", "4e", "3e"]),
];
const LYCEE_OPTIONS: &[(&str, &str, f64, &[&str])] = &[
    ("Lingua corsa", "LCO", 0.25, &["2nde", "1re", "Tle"]),
    ("Section européenne", "ANG", 0.15, &["2nde", "1re", "Tle"]),
];

#[derive(Debug)]
pub struct Person {
    pub username: String,
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub profile: Profile,
    /// Chose the Corsican interface.
    pub corsican: bool,
}

#[derive(Debug)]
pub struct GroupPlan {
    pub name: String,
    pub kind: GroupKind,
}

/// One establishment; relations are indices into `people`, `groups` and `subjects`.
#[derive(Debug)]
pub struct SchoolPlan {
    pub uai: String,
    pub name: String,
    pub kind: SchoolKind,
    pub subjects: Vec<(&'static str, &'static str)>,
    pub groups: Vec<GroupPlan>,
    pub people: Vec<Person>,
    /// (group, pupil)
    pub memberships: Vec<(usize, usize)>,
    /// (group, teacher, subject)
    pub teachings: Vec<(usize, usize, usize)>,
    /// (parent, pupil)
    pub parent_links: Vec<(usize, usize)>,
    /// (login name of a parent planned in an earlier school, pupil): brothers and sisters in
    /// several establishments, a collégien and a lycéenne.
    pub outside_parents: Vec<(String, usize)>,
    /// (class, its two half groups)
    pub halves: Vec<(usize, [usize; 2])>,
}

impl SchoolPlan {
    pub fn count(&self, profile: Profile) -> usize {
        self.people.iter().filter(|p| p.profile == profile).count()
    }
}

/// What the schools of one generated region share: login names (each person gets one no one
/// else has, the way an admin would give it: `prenom.nom`, then `prenom.nom2`…, including the
/// names already in the database), and families, whose children may be in several schools.
#[derive(Default)]
pub struct Region {
    taken: HashSet<String>,
    next: HashMap<String, u32>,
    /// Family name and parents' login names of every family planned so far.
    families: Vec<(&'static str, Vec<String>)>,
}

impl Region {
    pub fn new(existing: impl IntoIterator<Item = String>) -> Region {
        Region {
            taken: existing.into_iter().collect(),
            ..Region::default()
        }
    }

    fn assign(&mut self, first: &str, last: &str) -> String {
        let base = Username::suggest(first, last, 1)
            .map(String::from)
            .unwrap_or_else(|_| "compte".to_owned());
        let mut n = self.next.get(&base).copied().unwrap_or(1);
        loop {
            let candidate = match Username::suggest(first, last, n) {
                Ok(name) => String::from(name),
                Err(_) => format!("{base}{n}"),
            };
            n += 1;
            if self.taken.insert(candidate.clone()) {
                self.next.insert(base, n);
                return candidate;
            }
        }
    }
}

struct Builder<'a> {
    rng: StdRng,
    region: &'a mut Region,
    plan: SchoolPlan,
}

impl Builder<'_> {
    fn person(&mut self, profile: Profile, last_name: Option<&'static str>) -> usize {
        let first = FIRST_NAMES[self.rng.gen_range(0..FIRST_NAMES.len())];
        let last = last_name.unwrap_or_else(|| LAST_NAMES[self.rng.gen_range(0..LAST_NAMES.len())]);
        let username = self.region.assign(first, last);
        self.plan.people.push(Person {
            username,
            first_name: first,
            last_name: last,
            profile,
            corsican: self.rng.gen_bool(0.12),
        });
        self.plan.people.len() - 1
    }

    fn group(&mut self, kind: GroupKind, name: String) -> usize {
        self.plan.groups.push(GroupPlan { name, kind });
        self.plan.groups.len() - 1
    }
}

/// Plans establishment number `index` (from 0) of a region generated with `seed`.
pub fn plan_school(seed: u64, index: u32, region: &mut Region) -> SchoolPlan {
    let mut rng =
        StdRng::seed_from_u64(seed.wrapping_mul(1_000_003).wrapping_add(u64::from(index)));
    // About two collèges for one lycée, as in Corsica (31 and 15).
    let kind = if index % 3 == 2 {
        SchoolKind::Lycee
    } else {
        SchoolKind::College
    };
    let (department, towns) = if index.is_multiple_of(2) {
        (620, TOWNS_2A)
    } else {
        (720, TOWNS_2B)
    };
    // Serial numbers from 5000 stay clear of the demo's; the key letter is the national one.
    let number = department * 10_000 + 5000 + index;
    let key = b"ABCDEFGHJKLMNPRSTUVWXYZ"[(number % 23) as usize] as char;
    let eponym = EPONYMS[index as usize % EPONYMS.len()];
    let town = towns[(index as usize / 2) % towns.len()];
    let label = match kind {
        SchoolKind::Lycee => "Lycée",
        _ => "Collège",
    };
    let (subjects, options, levels): (&[Subject], _, &[&str]) = match kind {
        SchoolKind::Lycee => (LYCEE_SUBJECTS, LYCEE_OPTIONS, &["2nde", "1re", "Tle"]),
        _ => (COLLEGE_SUBJECTS, COLLEGE_OPTIONS, &["6e", "5e", "4e", "3e"]),
    };
    let pupil_count = rng.gen_range(480..=960_usize);
    let mut b = Builder {
        rng,
        region,
        plan: SchoolPlan {
            uai: format!("{number:07}{key}"),
            name: format!("{label} {eponym} ({town})"),
            kind,
            subjects: subjects.iter().map(|s| (s.code, s.name)).collect(),
            groups: vec![],
            people: vec![],
            memberships: vec![],
            teachings: vec![],
            parent_links: vec![],
            outside_parents: vec![],
            halves: vec![],
        },
    };

    // Pupils by level and class, with their families (some siblings share one).
    let mut pupils_by_level: Vec<Vec<usize>> = vec![];
    let mut families: Vec<(&'static str, Vec<usize>)> = vec![];
    for (l, level) in levels.iter().enumerate() {
        let in_level = pupil_count / levels.len() + usize::from(l < pupil_count % levels.len());
        let classes = in_level.div_ceil(CLASS_SIZE).max(1);
        let class_ids: Vec<usize> = (0..classes)
            .map(|c| {
                let name = match kind {
                    SchoolKind::Lycee => format!("{level} {}", c + 1),
                    _ => format!("{level} {}", (b'A' + (c % 26) as u8) as char),
                };
                b.group(GroupKind::Class, name)
            })
            .collect();
        let mut pupils = vec![];
        for i in 0..in_level {
            // One pupil in 25 has a brother or sister in an establishment planned before.
            let elsewhere = !b.region.families.is_empty() && b.rng.gen_bool(0.04);
            if elsewhere {
                let (name, parents) =
                    b.region.families[b.rng.gen_range(0..b.region.families.len())].clone();
                let pupil = b.person(Profile::Pupil, Some(name));
                for parent in parents {
                    b.plan.outside_parents.push((parent, pupil));
                }
                b.plan.memberships.push((class_ids[i % classes], pupil));
                pupils.push(pupil);
                continue;
            }
            let sibling = !families.is_empty() && b.rng.gen_bool(0.08);
            let family = if sibling {
                b.rng.gen_range(0..families.len())
            } else {
                let name = LAST_NAMES[b.rng.gen_range(0..LAST_NAMES.len())];
                let parents =
                    1 + usize::from(b.rng.gen_bool(0.9)) + usize::from(b.rng.gen_bool(0.12));
                let members = (0..parents)
                    .map(|p| {
                        let keeps_name = p == 0 || b.rng.gen_bool(0.6);
                        b.person(Profile::Parent, keeps_name.then_some(name))
                    })
                    .collect();
                families.push((name, members));
                families.len() - 1
            };
            let pupil = b.person(Profile::Pupil, Some(families[family].0));
            for parent in families[family].1.clone() {
                b.plan.parent_links.push((parent, pupil));
            }
            b.plan.memberships.push((class_ids[i % classes], pupil));
            pupils.push(pupil);
        }
        pupils_by_level.push(pupils);
    }

    // Option groups, drawn from each level's pupils.
    let mut taught: Vec<(usize, &'static str)> = vec![];
    for (prefix, subject_code, share, option_levels) in options {
        for (l, level) in levels.iter().enumerate() {
            if !option_levels.contains(level) {
                continue;
            }
            let group = b.group(GroupKind::Group, format!("{prefix} {level}"));
            for &pupil in &pupils_by_level[l] {
                if b.rng.gen_bool(*share) {
                    b.plan.memberships.push((group, pupil));
                }
            }
            taught.push((group, subject_code));
        }
    }
    // Every class has its subjects; teachers take a few classes each.
    for g in 0..b.plan.groups.len() {
        if b.plan.groups[g].kind != GroupKind::Class {
            continue;
        }
        let level = b.plan.groups[g]
            .name
            .split(' ')
            .next()
            .unwrap_or_default()
            .to_owned();
        for s in subjects {
            if s.levels.is_none_or(|ls| ls.contains(&level.as_str())) {
                taught.push((g, s.code));
            }
        }
    }
    for (s, subject) in subjects.iter().enumerate() {
        let groups: Vec<usize> = taught
            .iter()
            .filter(|(_, code)| *code == subject.code)
            .map(|(g, _)| *g)
            .collect();
        let teachers: Vec<usize> = (0..groups.len().div_ceil(subject.classes_per_teacher))
            .map(|_| b.person(Profile::Teacher, None))
            .collect();
        for (k, group) in groups.into_iter().enumerate() {
            b.plan
                .teachings
                .push((group, teachers[k % teachers.len()], s));
        }
    }
    half_groups(&mut b.plan);
    for _ in 0..8 {
        b.person(Profile::Staff, None);
    }
    for _ in 0..2 {
        b.person(Profile::SchoolAdmin, None);
    }
    for (name, parents) in families {
        let logins = parents
            .into_iter()
            .map(|p| b.plan.people[p].username.clone())
            .collect();
        b.region.families.push((name, logins));
    }
    b.plan
}

/// The subjects whose practical work a class does in half groups, the two halves swapping
/// teachers from one hour to the next (see [`super::timetable`]).
pub const HALF_GROUP_SUBJECTS: [&str; 2] = ["PC", "SVT"];

/// Every class taught both [`HALF_GROUP_SUBJECTS`] is split in two half groups (pupils one in
/// two, in the order they joined the class), taught those subjects by the class's teachers of
/// them. Drawn without the RNG, so the people of a seed stay the same.
fn half_groups(plan: &mut SchoolPlan) {
    let classes: Vec<usize> = (0..plan.groups.len())
        .filter(|&g| plan.groups[g].kind == GroupKind::Class)
        .collect();
    for class in classes {
        let teachers: Vec<(usize, usize)> = HALF_GROUP_SUBJECTS
            .iter()
            .filter_map(|code| {
                plan.teachings
                    .iter()
                    .find(|&&(g, _, s)| g == class && plan.subjects[s].0 == *code)
                    .map(|&(_, t, s)| (t, s))
            })
            .collect();
        if teachers.len() < HALF_GROUP_SUBJECTS.len() {
            continue;
        }
        let pupils: Vec<usize> = plan
            .memberships
            .iter()
            .filter(|(g, _)| *g == class)
            .map(|&(_, p)| p)
            .collect();
        let mut halves = [0; 2];
        for (half, group) in halves.iter_mut().enumerate() {
            let name = format!("{} G{}", plan.groups[class].name, half + 1);
            plan.groups.push(GroupPlan {
                name,
                kind: GroupKind::Group,
            });
            *group = plan.groups.len() - 1;
            for &pupil in pupils.iter().skip(half).step_by(2) {
                plan.memberships.push((*group, pupil));
            }
            for &(teacher, subject) in &teachers {
                plan.teachings.push((*group, teacher, subject));
            }
        }
        plan.halves.push((class, halves));
    }
}

/// A day in seconds.
const DAY: i64 = 86_400;

/// The practice exercises a class chosen for the hand-in benchmark has open (see
/// [`plan_exercises`]).
pub const PRACTICE: usize = 60;

/// An exercise a teacher wrote.
#[derive(Debug)]
pub struct ExercisePlan {
    /// The author, in `people`.
    pub owner: usize,
    pub exercise: Exercise,
}

/// An exercise given to a group. Times are seconds from the moment of generation (negative:
/// before), so that a region generated today has this week's work open.
#[derive(Debug)]
pub struct AssignmentPlan {
    pub exercise: usize,
    pub group: usize,
    /// The teacher who gave it, in `people`.
    pub by: usize,
    pub opens: i64,
    pub due: i64,
    pub feedback: Feedback,
    pub attempts: Option<u8>,
}

/// A pupil's (first) attempt at an assignment: handed in and scored, or in progress.
#[derive(Debug)]
pub struct AttemptPlan {
    pub assignment: usize,
    pub pupil: usize,
    pub seed: u64,
    pub response: Response,
    pub started: i64,
    pub saved: i64,
    /// When it was handed in and what the one scoring function made of it.
    pub handed_in: Option<(i64, Outcome)>,
}

/// The exercises of one establishment: what its teachers wrote, gave and got back, and the
/// sequences (parcours) they built from them.
#[derive(Debug, Default)]
pub struct WorkPlan {
    pub exercises: Vec<ExercisePlan>,
    pub assignments: Vec<AssignmentPlan>,
    pub attempts: Vec<AttemptPlan>,
    pub sequences: Vec<SequencePlan>,
    pub given_sequences: Vec<GivenSequencePlan>,
}

impl WorkPlan {
    pub fn open_attempts(&self) -> usize {
        self.attempts
            .iter()
            .filter(|a| a.handed_in.is_none())
            .count()
    }
}

/// Plans the exercises of `school` (number `index` of a region generated with `seed`).
///
/// Every teacher has written one to three 20-item exercises (in Corsican for the Corsican
/// lessons, in French otherwise) and given some to the groups they teach: past ones, mostly
/// handed in; this week's, about a third handed in and a third in progress; the rest not started.
///
/// `open_attempts` asks for that many more attempts in progress for a load test of handing in
/// (`scripts/bench.sh` (e)): classes spread over the school get up to [`PRACTICE`] practice
/// exercises from their teachers, and each of their pupils has answered every one and not handed it in
/// yet, so few sessions are enough to hand in many distinct attempts.
pub fn plan_exercises(
    seed: u64,
    index: u32,
    school: &SchoolPlan,
    open_attempts: usize,
) -> WorkPlan {
    // A stream of its own: the people of a seed stay the same whatever is planned here.
    let mut rng = StdRng::seed_from_u64(
        seed.wrapping_mul(1_000_003).wrapping_add(u64::from(index)) ^ 0x6578_6572_6369_7365,
    );
    let mut work = WorkPlan::default();
    let mut keys = vec![];
    // Each teacher's exercises, by the subject they teach first.
    let mut written: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(_, teacher, subject) in &school.teachings {
        if written.contains_key(&teacher) {
            continue;
        }
        let (code, name) = school.subjects[subject];
        let corsican = code == "LCO" || rng.gen_bool(0.05);
        let mine = (1..=rng.gen_range(1..=3_usize))
            .map(|n| {
                let exercise = exercises::write(&mut rng, name, n, corsican);
                keys.push(exercise.key());
                work.exercises.push(ExercisePlan {
                    owner: teacher,
                    exercise,
                });
                work.exercises.len() - 1
            })
            .collect();
        written.insert(teacher, mine);
    }
    let mut members: Vec<Vec<usize>> = vec![vec![]; school.groups.len()];
    for &(group, pupil) in &school.memberships {
        members[group].push(pupil);
    }

    for &(group, teacher, _) in &school.teachings {
        if !rng.gen_bool(0.2) {
            continue;
        }
        let mine = &written[&teacher];
        let exercise = mine[rng.gen_range(0..mine.len())];
        let past = rng.gen_bool(0.6);
        let (opens, due) = if past {
            let opens = -rng.gen_range(10..30) * DAY;
            (opens, opens + rng.gen_range(3..=9) * DAY)
        } else {
            (-rng.gen_range(1..7) * DAY, rng.gen_range(1..10) * DAY)
        };
        let feedback = [
            Feedback::Instant,
            Feedback::AfterSubmission,
            Feedback::AfterDue,
        ][rng.gen_range(0..3)];
        let attempts = [None, Some(1), Some(2), Some(3)][rng.gen_range(0..4)];
        work.assignments.push(AssignmentPlan {
            exercise,
            group,
            by: teacher,
            opens,
            due,
            feedback,
            attempts,
        });
        let assignment = work.assignments.len() - 1;
        // Past work: 85 % handed in, 5 % left in progress; this week's: 35 % and 35 %.
        let (handed_in, in_progress) = if past { (0.85, 0.05) } else { (0.35, 0.35) };
        let end = due.min(0);
        for &pupil in &members[group] {
            let roll: f64 = rng.r#gen();
            if roll >= handed_in + in_progress {
                continue;
            }
            let skill = rng.gen_range(0.4..0.95);
            let done = roll < handed_in;
            let items = work.exercises[exercise].exercise.items.len();
            let answered = if done {
                items
            } else {
                rng.gen_range(1..=items)
            };
            let response = exercises::answer(
                &mut rng,
                &work.exercises[exercise].exercise,
                skill,
                answered,
            );
            let started = rng.gen_range(opens + 3600..end - 3600);
            let saved = started + rng.gen_range(300..3000);
            let handed_in = done.then(|| {
                let outcome = domain::exercise::score(&keys[exercise], &response)
                    .expect("generated answers fit their exercise");
                (saved, outcome)
            });
            work.attempts.push(AttemptPlan {
                assignment,
                pupil,
                seed: rng.r#gen(),
                response,
                started,
                saved,
                handed_in,
            });
        }
    }

    // A stream of its own again: adding sequences changed none of the work planned above.
    let mut sequences_rng = StdRng::seed_from_u64(rng.r#gen::<u64>() ^ 0x7061_7263_6f75_7273);
    let given_upto = work.assignments.len();
    super::sequences::plan(&mut sequences_rng, school, &mut work, given_upto);
    practice(
        &mut rng,
        school,
        &mut work,
        &written,
        &members,
        open_attempts,
    );
    work
}

/// The benchmark's open attempts (see [`plan_exercises`]).
fn practice(
    rng: &mut StdRng,
    school: &SchoolPlan,
    work: &mut WorkPlan,
    written: &HashMap<usize, Vec<usize>>,
    members: &[Vec<usize>],
    wanted: usize,
) {
    if wanted == 0 {
        return;
    }
    let classes: Vec<usize> = (0..school.groups.len())
        .filter(|&g| school.groups[g].kind == GroupKind::Class && !members[g].is_empty())
        .collect();
    // Classes spread over the levels first, then the others if those were too small.
    let needed = wanted
        .div_ceil(PRACTICE * CLASS_SIZE)
        .clamp(1, classes.len().max(1));
    let step = (classes.len() / needed).max(1);
    let mut order: Vec<usize> = classes.iter().copied().step_by(step).collect();
    let rest: Vec<usize> = classes
        .iter()
        .copied()
        .filter(|c| !order.contains(c))
        .collect();
    order.extend(rest);
    let mut planned = 0;
    for class in order {
        if planned >= wanted {
            break;
        }
        let teachers: Vec<usize> = school
            .teachings
            .iter()
            .filter(|(g, _, _)| *g == class)
            .map(|&(_, t, _)| t)
            .collect();
        // The last class gets only as many as still wanted.
        let count = PRACTICE.min((wanted - planned).div_ceil(members[class].len()));
        for k in 0..count {
            let teacher = teachers[k % teachers.len()];
            let mine = &written[&teacher];
            let exercise = mine[(k / teachers.len()) % mine.len()];
            // Half an hour off the day, so never the opening of an assignment above.
            let opens = -(k as i64 + 1) * DAY - 1800;
            work.assignments.push(AssignmentPlan {
                exercise,
                group: class,
                by: teacher,
                opens,
                due: 14 * DAY,
                feedback: Feedback::AfterSubmission,
                attempts: None,
            });
            let assignment = work.assignments.len() - 1;
            for &pupil in &members[class] {
                let skill = rng.gen_range(0.4..0.95);
                let response =
                    exercises::answer(rng, &work.exercises[exercise].exercise, skill, 20);
                work.attempts.push(AttemptPlan {
                    assignment,
                    pupil,
                    seed: rng.r#gen(),
                    response,
                    started: opens + 600,
                    saved: opens + 1800,
                    handed_in: None,
                });
                planned += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(seed: u64, index: u32) -> SchoolPlan {
        plan_school(seed, index, &mut Region::default())
    }

    #[test]
    fn same_seed_same_school() {
        let (a, b) = (plan(7, 3), plan(7, 3));
        assert_eq!(a.uai, b.uai);
        let names = |p: &SchoolPlan| {
            p.people
                .iter()
                .map(|p| p.username.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&a), names(&b));
        assert_ne!(names(&a), names(&plan(8, 3)), "another seed, other people");
    }

    #[test]
    fn schools_have_valid_keys_and_realistic_sizes() {
        for index in 0..6 {
            let p = plan(1, index);
            let uai: domain::school::Uai = p.uai.parse().expect("UAI shape");
            assert!(uai.key_matches(), "{}", p.uai);
            let pupils = p.count(Profile::Pupil);
            assert!((480..=960).contains(&pupils), "{pupils}");
            let teachers = p.count(Profile::Teacher);
            assert!(
                (25..=140).contains(&teachers),
                "{teachers} teachers for {pupils} pupils"
            );
            let parents = p.count(Profile::Parent);
            assert!(parents > pupils && parents < pupils * 3, "{parents}");
        }
    }

    #[test]
    fn every_pupil_has_one_class_and_a_parent() {
        let p = plan(2, 0);
        for (i, person) in p.people.iter().enumerate() {
            if person.profile != Profile::Pupil {
                continue;
            }
            let classes = p
                .memberships
                .iter()
                .filter(|(g, m)| *m == i && p.groups[*g].kind == GroupKind::Class)
                .count();
            assert_eq!(classes, 1, "{}", person.username);
            assert!(p.parent_links.iter().any(|(_, child)| *child == i));
        }
        let class_sizes = p
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.kind == GroupKind::Class);
        for (g, group) in class_sizes {
            let size = p.memberships.iter().filter(|(m, _)| *m == g).count();
            assert!(
                (1..=CLASS_SIZE).contains(&size),
                "{} has {size}",
                group.name
            );
            assert!(
                p.teachings.iter().any(|(t, _, _)| *t == g),
                "{} untaught",
                group.name
            );
        }
    }

    #[test]
    fn some_families_have_children_in_two_schools() {
        let mut region = Region::default();
        let first = plan_school(4, 0, &mut region);
        assert!(
            first.outside_parents.is_empty(),
            "no school before the first"
        );
        let second = plan_school(4, 1, &mut region);
        assert!(!second.outside_parents.is_empty());
        for (login, pupil) in &second.outside_parents {
            let parent = first
                .people
                .iter()
                .find(|p| &p.username == login)
                .expect("a parent planned in the first school");
            assert_eq!(parent.profile, Profile::Parent);
            assert_eq!(second.people[*pupil].profile, Profile::Pupil);
        }
    }

    #[test]
    fn work_is_seeded_and_done_by_the_groups_it_was_given_to() {
        let school = plan(6, 2);
        let (a, b) = (
            plan_exercises(6, 2, &school, 0),
            plan_exercises(6, 2, &school, 0),
        );
        let titles = |w: &WorkPlan| {
            w.exercises
                .iter()
                .map(|e| e.exercise.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(titles(&a), titles(&b));
        assert!(!a.assignments.is_empty());
        for attempt in &a.attempts {
            let given = &a.assignments[attempt.assignment];
            assert!(
                school.memberships.contains(&(given.group, attempt.pupil)),
                "{attempt:?}"
            );
            assert!(given.opens < attempt.started && attempt.saved <= given.due.min(0));
            assert!(
                school
                    .teachings
                    .iter()
                    .any(|&(g, t, _)| g == given.group && t == given.by),
                "given by a teacher of the group"
            );
        }
        let open = a.open_attempts();
        assert!(open > 0 && open < a.attempts.len() / 2, "{open}");
        // Sequences of the teachers' own exercises, given with one of them to its group.
        assert!(!a.sequences.is_empty() && !a.given_sequences.is_empty());
        for s in &a.sequences {
            assert_eq!(s.sequence.problems(), vec![]);
            for e in s.sequence.exercises() {
                let e = usize::try_from(e.get()).expect("an index");
                assert_eq!(a.exercises[e].owner, s.owner);
            }
        }
        for g in &a.given_sequences {
            let given = &a.assignments[g.assignment];
            let sequence = &a.sequences[g.sequence];
            assert_eq!(given.by, sequence.owner);
            let exercise =
                domain::ids::ExerciseId::new(i64::try_from(given.exercise).expect("small"));
            assert!(sequence.sequence.exercises().contains(&exercise));
            for (pupil, _, when) in &g.done {
                assert!(school.memberships.contains(&(given.group, *pupil)));
                assert!(given.opens < *when && *when < given.due.min(0));
            }
        }
        // Asked for more: practice work in progress for the benchmark, a class at a time.
        let more = plan_exercises(6, 2, &school, 3000);
        assert!(more.open_attempts() >= open + 3000);
        assert!(more.open_attempts() < open + 3000 + CLASS_SIZE);
    }

    #[test]
    fn login_names_are_unique_and_valid() {
        let mut region = Region::new(["lisandru.pieri".to_owned()]);
        let mut seen = HashSet::new();
        for index in 0..3 {
            for person in plan_school(5, index, &mut region).people {
                let name = Username::try_from(person.username.clone()).expect("valid login name");
                assert!(seen.insert(name), "{} twice", person.username);
                assert_ne!(person.username, "lisandru.pieri", "already in the database");
            }
        }
    }
}
