//! Table-driven tests of the authorization rule: each row is a person, an action and the verdict.

use super::*;

const A: SchoolId = SchoolId::new(1);
const B: SchoolId = SchoolId::new(2);
const CLASS_A: GroupId = GroupId::new(10);
const CLASS_A2: GroupId = GroupId::new(11);
const CLASS_B: GroupId = GroupId::new(20);

fn caller(id: i64, roles: &[(SchoolId, Profile)]) -> Caller {
    Caller {
        account: AccountId::new(id),
        platform_admin: false,
        roles: roles
            .iter()
            .map(|&(school, profile)| Role { school, profile })
            .collect(),
        children: vec![],
        teaches: vec![],
        groups: vec![],
    }
}

fn pupil(id: i64, school: SchoolId, class: GroupId) -> AccountFacts {
    AccountFacts {
        id: Some(AccountId::new(id)),
        platform_admin: false,
        roles: vec![Role {
            school,
            profile: Profile::Pupil,
        }],
        groups: vec![class],
    }
}

#[test]
fn who_sees_a_pupil() {
    let me = pupil(100, A, CLASS_A);
    let classmate = pupil(101, A, CLASS_A);
    let other_school = pupil(200, B, CLASS_B);

    let as_pupil = caller(100, &[(A, Profile::Pupil)]);
    let mut parent = caller(300, &[(A, Profile::Parent)]);
    parent.children = vec![AccountId::new(100)];
    let mut teacher = caller(400, &[(A, Profile::Teacher)]);
    teacher.teaches = vec![CLASS_A];
    let mut other_teacher = caller(401, &[(A, Profile::Teacher)]);
    other_teacher.teaches = vec![CLASS_A2];
    let staff = caller(500, &[(A, Profile::Staff)]);
    let admin_a = caller(600, &[(A, Profile::SchoolAdmin)]);
    let guest = caller(700, &[(A, Profile::Guest)]);
    let mut platform = caller(800, &[]);
    platform.platform_admin = true;

    let cases: &[(&str, &Caller, &AccountFacts, bool)] = &[
        ("pupil sees self", &as_pupil, &me, true),
        ("pupil not a classmate", &as_pupil, &classmate, false),
        ("parent sees own child", &parent, &me, true),
        ("parent not another child", &parent, &classmate, false),
        ("teacher sees pupil of own class", &teacher, &me, true),
        (
            "teacher not a pupil of another class",
            &other_teacher,
            &me,
            false,
        ),
        ("teacher not another school", &teacher, &other_school, false),
        ("staff sees pupils of the school", &staff, &classmate, true),
        ("staff not another school", &staff, &other_school, false),
        ("admin sees own school", &admin_a, &me, true),
        ("admin not another school", &admin_a, &other_school, false),
        ("guest sees nobody", &guest, &me, false),
        ("platform admin sees all", &platform, &other_school, true),
    ];
    for (what, who, target, expected) in cases {
        assert_eq!(
            authorize(who, profile::Action::View(target)).is_ok(),
            *expected,
            "{what}"
        );
    }
}

fn account(id: i64, roles: &[(SchoolId, Profile)]) -> AccountFacts {
    AccountFacts {
        id: Some(AccountId::new(id)),
        platform_admin: false,
        roles: roles
            .iter()
            .map(|&(school, profile)| Role { school, profile })
            .collect(),
        groups: vec![],
    }
}

#[test]
fn who_manages() {
    let admin_a = caller(600, &[(A, Profile::SchoolAdmin)]);
    let teacher = caller(400, &[(A, Profile::Teacher)]);
    let staff = caller(500, &[(A, Profile::Staff)]);
    let pupil_a = pupil(100, A, CLASS_A);
    let pupil_b = pupil(200, B, CLASS_B);
    let platform_admin = AccountFacts {
        id: Some(AccountId::new(1)),
        platform_admin: true,
        ..AccountFacts::default()
    };

    assert!(authorize(&admin_a, admin::Action::ChangeAccount(&pupil_a)).is_ok());
    assert!(authorize(&admin_a, admin::Action::ChangeAccountIn(&pupil_a, A)).is_ok());
    for refused in [
        admin::Action::ChangeAccount(&pupil_b),
        admin::Action::ChangeAccountIn(&pupil_b, A),
        admin::Action::ChangeAccountIn(&pupil_b, B),
        admin::Action::ChangeAccount(&platform_admin),
        admin::Action::ChangeAccountIn(&platform_admin, A),
    ] {
        assert_eq!(authorize(&admin_a, refused), Err(Forbidden), "{refused:?}");
    }
    for who in [&teacher, &staff] {
        assert_eq!(
            authorize(who, admin::Action::ChangeAccount(&pupil_a)),
            Err(Forbidden)
        );
        assert_eq!(
            authorize(who, admin::Action::ChangeAccountIn(&pupil_a, A)),
            Err(Forbidden)
        );
    }

    assert!(authorize(&admin_a, admin::Action::ManageSchool(A)).is_ok());
    assert_eq!(
        authorize(&admin_a, admin::Action::ManageSchool(B)),
        Err(Forbidden)
    );
    assert_eq!(
        authorize(&teacher, admin::Action::ManageSchool(A)),
        Err(Forbidden)
    );
    assert!(authorize(&teacher, admin::Action::ViewSchool(A)).is_ok());
    assert_eq!(
        authorize(&teacher, admin::Action::ViewSchool(B)),
        Err(Forbidden)
    );
    assert!(authorize(&admin_a, audit::Action::Read(Some(A))).is_ok());
    assert_eq!(
        authorize(&admin_a, audit::Action::Read(None)),
        Err(Forbidden)
    );
    assert_eq!(
        authorize(&admin_a, charter::Action::Publish),
        Err(Forbidden)
    );
    assert_eq!(
        authorize(&admin_a, platform::Action::ManageSchools),
        Err(Forbidden)
    );
}

/// Accounts shared between schools: what the admin of A may change of them. Account-wide
/// changes (password, names) need every school of the account; changes in A need that the
/// account runs no other school.
#[test]
fn shared_accounts_are_changed_only_where_the_caller_rules() {
    use Profile::*;
    let admin_a = caller(600, &[(A, SchoolAdmin)]);
    let admin_ab = caller(601, &[(A, SchoolAdmin), (B, SchoolAdmin)]);
    let mut platform = caller(1, &[]);
    platform.platform_admin = true;

    let only_a = account(10, &[(A, Parent), (A, Teacher)]);
    let teacher_ab = account(11, &[(A, Teacher), (B, Teacher)]);
    let parent_ab = account(12, &[(A, Parent), (B, Parent)]);
    let parent_a_admin_b = account(13, &[(A, Parent), (B, SchoolAdmin)]);
    let pupil_a_staff_b = account(14, &[(A, Pupil), (B, Staff)]);
    let guest_a_pupil_b = account(15, &[(A, Guest), (B, Pupil)]);
    let only_b = account(16, &[(B, Teacher)]);
    let nowhere = account(17, &[]);

    // (what, caller, account, account-wide change allowed, change in A allowed)
    type Case<'a> = (&'a str, &'a Caller, &'a AccountFacts, bool, bool);
    #[rustfmt::skip]
    let cases: &[Case] = &[
        ("all roles in A",                      &admin_a,  &only_a,           true,  true),
        ("teacher in two schools",              &admin_a,  &teacher_ab,       false, true),
        ("parent in two schools",               &admin_a,  &parent_ab,        false, true),
        ("parent in A, admin of B",             &admin_a,  &parent_a_admin_b, false, false),
        ("pupil in A, staff in B",              &admin_a,  &pupil_a_staff_b,  false, false),
        ("guest in A, pupil in B",              &admin_a,  &guest_a_pupil_b,  false, true),
        ("only in B",                           &admin_a,  &only_b,           false, false),
        ("no role anywhere",                    &admin_a,  &nowhere,          false, false),
        ("admin of both: teacher in both",      &admin_ab, &teacher_ab,       true,  true),
        ("admin of both: admin of B",           &admin_ab, &parent_a_admin_b, true,  true),
        ("admin of both: staff in B",           &admin_ab, &pupil_a_staff_b,  true,  true),
        ("platform admin: admin of B",          &platform, &parent_a_admin_b, true,  true),
        ("platform admin: staff in B",          &platform, &pupil_a_staff_b,  true,  true),
    ];
    for (what, who, target, account_wide, in_a) in cases {
        assert_eq!(
            authorize(who, admin::Action::ChangeAccount(target)).is_ok(),
            *account_wide,
            "account-wide: {what}"
        );
        assert_eq!(
            authorize(who, admin::Action::ChangeAccountIn(target, A)).is_ok(),
            *in_a,
            "in A: {what}"
        );
    }
    assert_eq!(
        authorize(&admin_a, admin::Action::ChangeAccountIn(&teacher_ab, B)),
        Err(Forbidden),
        "a change in B is B's"
    );
}

#[test]
fn links_need_both_sides_and_never_the_caller() {
    use Profile::*;
    let admin_a = caller(600, &[(A, SchoolAdmin), (A, Parent)]);
    let mut platform = caller(1, &[(A, Parent)]);
    platform.platform_admin = true;
    let child = pupil(100, A, CLASS_A);
    let parent = account(300, &[(A, Parent)]);
    let parent_admin_b = account(301, &[(A, Parent), (B, SchoolAdmin)]);
    let child_b = pupil(200, B, CLASS_B);
    let admin_self = account(600, &[(A, SchoolAdmin), (A, Parent)]);
    let platform_self = AccountFacts {
        platform_admin: true,
        ..account(1, &[(A, Parent)])
    };
    let link = |parent, child| admin::Action::LinkParent {
        parent,
        child,
        school: A,
    };

    // (what, caller, action, allowed)
    let cases: &[(&str, &Caller, admin::Action<'_>, bool)] = &[
        (
            "parent and child of A",
            &admin_a,
            link(&parent, &child),
            true,
        ),
        (
            "child of another school",
            &admin_a,
            link(&parent, &child_b),
            false,
        ),
        (
            "parent who runs B",
            &admin_a,
            link(&parent_admin_b, &child),
            false,
        ),
        (
            "the admin as parent",
            &admin_a,
            link(&admin_self, &child),
            false,
        ),
        (
            "platform admin: parent who runs B",
            &platform,
            link(&parent_admin_b, &child),
            true,
        ),
        (
            "platform admin as parent",
            &platform,
            link(&platform_self, &child),
            false,
        ),
    ];
    for (what, who, action, allowed) in cases {
        assert_eq!(authorize(who, *action).is_ok(), *allowed, "{what}");
    }
}

#[test]
fn profiles_show_the_callers_schools_and_a_child_everywhere() {
    use Profile::*;
    let target = account(100, &[(A, Pupil), (B, Pupil)]);
    let mut parent = caller(300, &[(A, Parent)]);
    parent.children = vec![AccountId::new(100)];
    let teacher_a = caller(400, &[(A, Teacher), (B, Parent)]);
    let staff_b = caller(500, &[(B, Staff), (B, Guest)]);
    let admin_ab = caller(600, &[(A, SchoolAdmin), (B, Teacher)]);
    let itself = caller(100, &[(A, Pupil), (B, Pupil)]);
    let mut platform = caller(1, &[]);
    platform.platform_admin = true;

    let cases: &[(&str, &Caller, Seen)] = &[
        ("the person", &itself, Seen::Everywhere),
        ("a parent, child in A and B", &parent, Seen::Everywhere),
        ("platform admin", &platform, Seen::Everywhere),
        (
            "teacher in A, parent in B",
            &teacher_a,
            Seen::Schools(vec![A]),
        ),
        ("staff in B", &staff_b, Seen::Schools(vec![B])),
        (
            "admin of A, teacher in B",
            &admin_ab,
            Seen::Schools(vec![A, B]),
        ),
    ];
    for (what, who, expected) in cases {
        assert_eq!(&profile_scope(who, &target), expected, "{what}");
    }
    assert!(Seen::Schools(vec![A]).includes(A));
    assert!(!Seen::Schools(vec![A]).includes(B));
    assert!(Seen::Everywhere.includes(B));
}

#[test]
fn platform_admin_may_do_everything() {
    let mut platform = caller(1, &[]);
    platform.platform_admin = true;
    assert!(authorize(&platform, charter::Action::Publish).is_ok());
    assert!(authorize(&platform, platform::Action::ManageSchools).is_ok());
    assert!(authorize(&platform, admin::Action::ManageSchool(B)).is_ok());
    assert!(authorize(&platform, audit::Action::Read(None)).is_ok());
}

#[test]
fn every_action_names_the_school_it_concerns() {
    let target = account(100, &[(A, Profile::Pupil)]);
    let cases: &[(Action<'_>, Option<SchoolId>)] = &[
        (profile::Action::View(&target).into(), None),
        (admin::Action::ViewSchool(A).into(), Some(A)),
        (admin::Action::ManageSchool(B).into(), Some(B)),
        (admin::Action::ChangeAccount(&target).into(), None),
        (admin::Action::ChangeAccountIn(&target, B).into(), Some(B)),
        (
            admin::Action::LinkParent {
                parent: &target,
                child: &target,
                school: A,
            }
            .into(),
            Some(A),
        ),
        (audit::Action::Read(Some(B)).into(), Some(B)),
        (audit::Action::Read(None).into(), None),
        (platform::Action::ManageSchools.into(), None),
        (charter::Action::Publish.into(), None),
    ];
    for (action, school) in cases {
        assert_eq!(action.school(), *school, "{action:?}");
    }
}

#[test]
fn only_admins_open_the_administration() {
    let mut platform = caller(800, &[]);
    platform.platform_admin = true;
    let cases: &[(&str, Caller, bool)] = &[
        (
            "school admin",
            caller(600, &[(A, Profile::SchoolAdmin)]),
            true,
        ),
        (
            "admin of B, parent in A",
            caller(601, &[(A, Profile::Parent), (B, Profile::SchoolAdmin)]),
            true,
        ),
        ("platform admin", platform, true),
        ("staff", caller(500, &[(A, Profile::Staff)]), false),
        ("teacher", caller(400, &[(A, Profile::Teacher)]), false),
        ("pupil", caller(100, &[(A, Profile::Pupil)]), false),
        ("nobody anywhere", caller(900, &[]), false),
    ];
    for (name, who, expected) in cases {
        assert_eq!(
            authorize(who, admin::Action::Administer).is_ok(),
            *expected,
            "{name}"
        );
    }
}

#[test]
fn exercises_stay_with_their_author_and_their_classes() {
    use exercises::{Action as X, AssignmentFacts, ExerciseFacts};
    let maria = AccountId::new(400);
    let mine = ExerciseFacts {
        school: A,
        owner: Some(maria),
    };
    let colleagues = ExerciseFacts {
        school: A,
        owner: Some(AccountId::new(401)),
    };
    let orphan = ExerciseFacts {
        school: A,
        owner: None,
    };
    let given = AssignmentFacts {
        school: A,
        group: CLASS_A,
        teacher: Some(maria),
    };
    let elsewhere = AssignmentFacts {
        school: B,
        group: CLASS_B,
        teacher: Some(AccountId::new(402)),
    };

    let mut teacher = caller(400, &[(A, Profile::Teacher)]);
    teacher.teaches = vec![CLASS_A];
    // Her class has moved on: last year's groups are not in `teaches` any more.
    let last_year = caller(400, &[(A, Profile::Teacher)]);
    let mut successor = caller(403, &[(A, Profile::Teacher)]);
    successor.teaches = vec![CLASS_A];
    let mut lisandru = caller(100, &[(A, Profile::Pupil)]);
    lisandru.groups = vec![CLASS_A];
    let mut lucia = caller(101, &[(A, Profile::Pupil)]);
    lucia.groups = vec![CLASS_A2];
    let mut parent = caller(300, &[(A, Profile::Parent)]);
    parent.children = vec![AccountId::new(100)];
    let admin_a = caller(600, &[(A, Profile::SchoolAdmin)]);
    let mut platform = caller(800, &[]);
    platform.platform_admin = true;
    let assign = |exercise, group, group_school| X::Assign {
        exercise,
        group,
        group_school,
    };
    let work = |assignment, pupil: i64| X::ReadWork {
        assignment,
        pupil: AccountId::new(pupil),
    };

    let cases: &[(&str, &Caller, X<'_>, bool)] = &[
        (
            "a teacher writes in her school",
            &teacher,
            X::Author(A),
            true,
        ),
        ("not in another school", &teacher, X::Author(B), false),
        ("a pupil writes none", &lisandru, X::Author(A), false),
        ("an admin writes none", &admin_a, X::Author(A), false),
        ("the author edits", &teacher, X::Edit(&mine), true),
        ("not a colleague's", &teacher, X::Edit(&colleagues), false),
        ("nobody edits an orphan", &teacher, X::Edit(&orphan), false),
        (
            "the platform admin reads no answers",
            &platform,
            X::Edit(&mine),
            false,
        ),
        ("to her class", &teacher, assign(&mine, CLASS_A, A), true),
        (
            "not to a class she does not teach",
            &teacher,
            assign(&mine, CLASS_A2, A),
            false,
        ),
        (
            "not to another school's group",
            &teacher,
            assign(&mine, CLASS_A, B),
            false,
        ),
        (
            "not last year's class",
            &last_year,
            assign(&mine, CLASS_A, A),
            false,
        ),
        (
            "not a colleague's exercise",
            &teacher,
            assign(&colleagues, CLASS_A, A),
            false,
        ),
        (
            "a pupil of the class does it",
            &lisandru,
            X::Do(&given),
            true,
        ),
        ("not a pupil of another class", &lucia, X::Do(&given), false),
        ("not a parent", &parent, X::Do(&given), false),
        ("not the teacher", &teacher, X::Do(&given), false),
        ("the teacher follows", &teacher, X::Follow(&given), true),
        (
            "so does whoever teaches the class now",
            &successor,
            X::Follow(&given),
            true,
        ),
        ("not a pupil", &lisandru, X::Follow(&given), false),
        (
            "not another school's",
            &teacher,
            X::Follow(&elsewhere),
            false,
        ),
        ("the teacher marks", &teacher, X::Mark(&given), true),
        (
            "not whoever teaches the class now",
            &successor,
            X::Mark(&given),
            false,
        ),
        ("a pupil marks nothing", &lisandru, X::Mark(&given), false),
        ("nor a parent", &parent, X::Mark(&given), false),
        (
            "not in another school",
            &teacher,
            X::Mark(&elsewhere),
            false,
        ),
        (
            "a pupil reads their work",
            &lisandru,
            work(&given, 100),
            true,
        ),
        ("not a classmate's", &lisandru, work(&given, 101), false),
        (
            "a parent reads their child's",
            &parent,
            work(&given, 100),
            true,
        ),
        ("not another child's", &parent, work(&given, 101), false),
        (
            "the teacher reads anyone's",
            &teacher,
            work(&given, 101),
            true,
        ),
        (
            "an admin reads no one's",
            &admin_a,
            work(&given, 100),
            false,
        ),
    ];
    for (name, who, action, expected) in cases {
        assert_eq!(authorize(who, *action).is_ok(), *expected, "{name}");
    }
}

#[test]
fn sequences_are_changed_by_their_author_and_read_from_the_library_by_teachers() {
    use crate::sequence::Licence;
    use exercises::AssignmentFacts;
    use sequences::{Action as S, SequenceFacts};
    let maria = AccountId::new(400);
    let facts = |owner: i64, published: bool, licence: Licence| SequenceFacts {
        school: A,
        owner: Some(AccountId::new(owner)),
        published,
        licence,
    };
    let mine = facts(400, false, Licence::CcBy);
    let shared = facts(401, true, Licence::CcBySa);
    let unshared = facts(401, false, Licence::CcBy);
    // Published before the licence was changed: the library no longer offers it.
    let reserved = facts(401, true, Licence::AllRightsReserved);
    let given = AssignmentFacts {
        school: A,
        group: CLASS_A,
        teacher: Some(maria),
    };

    let mut teacher = caller(400, &[(A, Profile::Teacher)]);
    teacher.teaches = vec![CLASS_A];
    let colleague_b = caller(410, &[(B, Profile::Teacher)]);
    let mut lisandru = caller(100, &[(A, Profile::Pupil)]);
    lisandru.groups = vec![CLASS_A];
    let mut lucia = caller(101, &[(A, Profile::Pupil)]);
    lucia.groups = vec![CLASS_A2];
    let mut parent = caller(300, &[(A, Profile::Parent)]);
    parent.children = vec![AccountId::new(100)];
    let admin_a = caller(600, &[(A, Profile::SchoolAdmin)]);
    let mut platform = caller(800, &[]);
    platform.platform_admin = true;

    let cases: &[(&str, &Caller, S<'_>, bool)] = &[
        (
            "a teacher writes in her school",
            &teacher,
            S::Author(A),
            true,
        ),
        ("not in another school", &teacher, S::Author(B), false),
        ("the author edits", &teacher, S::Edit(&mine), true),
        (
            "not a colleague's, published or not",
            &teacher,
            S::Edit(&shared),
            false,
        ),
        (
            "nor does a teacher elsewhere",
            &colleague_b,
            S::Edit(&shared),
            false,
        ),
        (
            "to her class",
            &teacher,
            S::Assign {
                sequence: &mine,
                group: CLASS_A,
                group_school: A,
            },
            true,
        ),
        (
            "not to a class she does not teach",
            &teacher,
            S::Assign {
                sequence: &mine,
                group: CLASS_A2,
                group_school: A,
            },
            false,
        ),
        (
            "not a colleague's sequence",
            &teacher,
            S::Assign {
                sequence: &shared,
                group: CLASS_A,
                group_school: A,
            },
            false,
        ),
        ("teachers browse the library", &colleague_b, S::Browse, true),
        ("pupils do not", &lisandru, S::Browse, false),
        ("nor parents", &parent, S::Browse, false),
        ("nor admins who teach nowhere", &admin_a, S::Browse, false),
        (
            "a teacher of another school reads it",
            &colleague_b,
            S::ReadPublished(&shared),
            true,
        ),
        (
            "not an unpublished one",
            &colleague_b,
            S::ReadPublished(&unshared),
            false,
        ),
        (
            "not an all-rights-reserved one",
            &colleague_b,
            S::ReadPublished(&reserved),
            false,
        ),
        (
            "her own, published or not",
            &teacher,
            S::ReadPublished(&mine),
            true,
        ),
        (
            "a pupil never reads the library",
            &lisandru,
            S::ReadPublished(&shared),
            false,
        ),
        (
            "the platform admin neither",
            &platform,
            S::ReadPublished(&shared),
            false,
        ),
        (
            "a pupil of the class does it",
            &lisandru,
            S::Do(&given),
            true,
        ),
        ("not a pupil of another class", &lucia, S::Do(&given), false),
        (
            "nor the parent (they follow)",
            &parent,
            S::Do(&given),
            false,
        ),
        ("the teacher follows", &teacher, S::Follow(&given), true),
        (
            "not a teacher elsewhere",
            &colleague_b,
            S::Follow(&given),
            false,
        ),
        (
            "a pupil's own list",
            &lisandru,
            S::Overview(AccountId::new(100)),
            true,
        ),
        (
            "not another pupil's",
            &lucia,
            S::Overview(AccountId::new(100)),
            false,
        ),
        (
            "a parent's child's",
            &parent,
            S::Overview(AccountId::new(100)),
            true,
        ),
        (
            "a parent reads the child's work",
            &parent,
            S::ReadWork {
                assignment: &given,
                pupil: AccountId::new(100),
            },
            true,
        ),
        (
            "not another child's",
            &parent,
            S::ReadWork {
                assignment: &given,
                pupil: AccountId::new(101),
            },
            false,
        ),
        (
            "a pupil out of the class reads none",
            &lucia,
            S::ReadWork {
                assignment: &given,
                pupil: AccountId::new(101),
            },
            false,
        ),
    ];
    for (name, who, action, expected) in cases {
        assert_eq!(authorize(who, *action).is_ok(), *expected, "{name}");
    }
    assert_eq!(S::Browse.school(), None);
    assert_eq!(S::ReadPublished(&shared).school(), Some(A));
    assert_eq!(S::Follow(&given).school(), Some(A));
}

#[test]
fn files_go_to_their_owner_and_to_those_who_see_an_exercise_using_them() {
    use crate::file::FileUse;
    use exercises::{AssignmentFacts, ExerciseFacts};
    use files::{Action as F, FileFacts};
    let maria = AccountId::new(400);
    let exercise = ExerciseFacts {
        school: A,
        owner: Some(maria),
    };
    let given = AssignmentFacts {
        school: A,
        group: CLASS_A,
        teacher: Some(maria),
    };
    let unused = FileFacts::unused(A, Some(maria), FileUse::Image);
    let written = FileFacts {
        exercises: vec![exercise],
        ..unused.clone()
    };
    let shared = FileFacts {
        assignments: vec![given],
        ..written.clone()
    };
    let colleagues = FileFacts {
        owner: Some(AccountId::new(401)),
        ..unused.clone()
    };
    let of_school_b = FileFacts {
        school: B,
        ..unused.clone()
    };

    let mut teacher = caller(400, &[(A, Profile::Teacher), (B, Profile::Teacher)]);
    teacher.teaches = vec![CLASS_A];
    let mut successor = caller(403, &[(A, Profile::Teacher)]);
    successor.teaches = vec![CLASS_A];
    let colleague = caller(401, &[(A, Profile::Teacher)]);
    let mut lisandru = caller(100, &[(A, Profile::Pupil)]);
    lisandru.groups = vec![CLASS_A];
    let mut lucia = caller(101, &[(A, Profile::Pupil)]);
    lucia.groups = vec![CLASS_A2];
    let mut parent = caller(300, &[(A, Profile::Parent)]);
    parent.children = vec![AccountId::new(100)];
    let admin_a = caller(600, &[(A, Profile::SchoolAdmin)]);
    let mut platform = caller(800, &[]);
    platform.platform_admin = true;
    let upload = |school, usage| F::Upload { school, usage };

    let cases: &[(&str, &Caller, F<'_>, bool)] = &[
        (
            "a teacher uploads where she teaches",
            &teacher,
            upload(A, FileUse::Audio),
            true,
        ),
        ("pictures too", &teacher, upload(A, FileUse::Image), true),
        (
            "a pupil does not",
            &lisandru,
            upload(A, FileUse::Audio),
            false,
        ),
        ("nor an admin", &admin_a, upload(A, FileUse::Image), false),
        (
            "nor elsewhere",
            &colleague,
            upload(B, FileUse::Image),
            false,
        ),
        ("the owner reads hers", &teacher, F::Read(&unused), true),
        ("not a colleague", &colleague, F::Read(&unused), false),
        (
            "not a pupil before it is used",
            &lisandru,
            F::Read(&written),
            false,
        ),
        ("a pupil it was given to", &lisandru, F::Read(&shared), true),
        (
            "not a pupil of another class",
            &lucia,
            F::Read(&shared),
            false,
        ),
        (
            "whoever teaches the class now",
            &successor,
            F::Read(&shared),
            true,
        ),
        ("not a parent", &parent, F::Read(&shared), false),
        ("not an admin", &admin_a, F::Read(&shared), false),
        ("not the platform admin", &platform, F::Read(&shared), false),
        (
            "the owner uses hers in her exercise",
            &teacher,
            F::Use {
                file: &unused,
                exercise: &exercise,
            },
            true,
        ),
        (
            "not a colleague's file",
            &teacher,
            F::Use {
                file: &colleagues,
                exercise: &exercise,
            },
            false,
        ),
        (
            "not a file of another school",
            &teacher,
            F::Use {
                file: &of_school_b,
                exercise: &exercise,
            },
            false,
        ),
        (
            "not in a colleague's exercise",
            &colleague,
            F::Use {
                file: &colleagues,
                exercise: &exercise,
            },
            false,
        ),
    ];
    for (name, who, action, expected) in cases {
        assert_eq!(authorize(who, *action).is_ok(), *expected, "{name}");
    }
    assert_eq!(Action::from(F::Read(&of_school_b)).school(), Some(B));
    assert_eq!(Action::from(upload(A, FileUse::Audio)).school(), Some(A));
}

#[test]
fn files_of_sequences_go_to_those_who_see_the_sequence() {
    use crate::file::FileUse;
    use crate::sequence::Licence;
    use exercises::AssignmentFacts;
    use files::{Action as F, FileFacts};
    use sequences::SequenceFacts;
    let maria = AccountId::new(400);
    let sequence = |published, licence| SequenceFacts {
        school: A,
        owner: Some(maria),
        published,
        licence,
    };
    let draft = sequence(false, Licence::CcBy);
    let unused = FileFacts::unused(A, Some(maria), FileUse::Resource);
    let written = FileFacts {
        sequences: vec![draft],
        ..unused.clone()
    };
    let given = FileFacts {
        given: vec![AssignmentFacts {
            school: A,
            group: CLASS_A,
            teacher: Some(maria),
        }],
        ..written.clone()
    };
    let in_library = FileFacts {
        sequences: vec![sequence(true, Licence::CcBySa)],
        ..unused.clone()
    };
    let reserved = FileFacts {
        sequences: vec![sequence(true, Licence::AllRightsReserved)],
        ..unused.clone()
    };

    let teacher = caller(400, &[(A, Profile::Teacher)]);
    let elsewhere = caller(402, &[(B, Profile::Teacher)]);
    let mut lisandru = caller(100, &[(A, Profile::Pupil)]);
    lisandru.groups = vec![CLASS_A];
    let mut lucia = caller(101, &[(A, Profile::Pupil)]);
    lucia.groups = vec![CLASS_A2];
    let mut parent = caller(300, &[(B, Profile::Parent)]);
    parent.children = vec![AccountId::new(100)];

    let cases: &[(&str, &Caller, F<'_>, bool)] = &[
        (
            "a teacher uploads a step's document",
            &teacher,
            F::Upload {
                school: A,
                usage: FileUse::Resource,
            },
            true,
        ),
        (
            "a pupil does not",
            &lisandru,
            F::Upload {
                school: A,
                usage: FileUse::Resource,
            },
            false,
        ),
        (
            "the author uses hers",
            &teacher,
            F::UseInSequence {
                file: &unused,
                sequence: &draft,
            },
            true,
        ),
        (
            "not a file of someone else's",
            &elsewhere,
            F::UseInSequence {
                file: &unused,
                sequence: &draft,
            },
            false,
        ),
        (
            "not a pupil before it is given",
            &lisandru,
            F::Read(&written),
            false,
        ),
        (
            "the pupils it was given to",
            &lisandru,
            F::Read(&given),
            true,
        ),
        ("not another class", &lucia, F::Read(&given), false),
        ("not a parent", &parent, F::Read(&given), false),
        (
            "teachers of every school, in the library",
            &elsewhere,
            F::Read(&in_library),
            true,
        ),
        (
            "not a pupil, in the library",
            &lucia,
            F::Read(&in_library),
            false,
        ),
        (
            "not what the library does not share",
            &elsewhere,
            F::Read(&reserved),
            false,
        ),
        ("not a draft", &elsewhere, F::Read(&written), false),
    ];
    for (name, who, action, expected) in cases {
        assert_eq!(authorize(who, *action).is_ok(), *expected, "{name}");
    }
}

#[test]
fn a_spoken_answer_goes_to_its_pupil_their_parents_and_the_teachers_who_follow() {
    use crate::file::FileUse;
    use exercises::{AssignmentFacts, ExerciseFacts};
    use files::{Action as F, AttemptFacts, FileFacts};
    let maria = AccountId::new(400);
    let given = AssignmentFacts {
        school: A,
        group: CLASS_A,
        teacher: Some(maria),
    };
    let attempt = AttemptFacts {
        assignment: given,
        pupil: AccountId::new(100),
    };
    let answer = FileFacts {
        answer: Some(attempt),
        ..FileFacts::unused(A, Some(AccountId::new(100)), FileUse::AnswerAudio)
    };
    // Named in an exercise (it cannot be: see `Use`), it would still not go to its pupils.
    let named = FileFacts {
        exercises: vec![ExerciseFacts {
            school: A,
            owner: Some(maria),
        }],
        assignments: vec![given],
        ..answer.clone()
    };
    let mut teacher = caller(400, &[(A, Profile::Teacher)]);
    teacher.teaches = vec![CLASS_A];
    let mut successor = caller(403, &[(A, Profile::Teacher)]);
    successor.teaches = vec![CLASS_A];
    let colleague = caller(401, &[(A, Profile::Teacher)]);
    let mut lisandru = caller(100, &[(A, Profile::Pupil)]);
    lisandru.groups = vec![CLASS_A];
    let mut classmate = caller(102, &[(A, Profile::Pupil)]);
    classmate.groups = vec![CLASS_A];
    let mut parent = caller(300, &[(A, Profile::Parent)]);
    parent.children = vec![AccountId::new(100)];
    let mut other_parent = caller(301, &[(A, Profile::Parent)]);
    other_parent.children = vec![AccountId::new(102)];
    let admin_a = caller(600, &[(A, Profile::SchoolAdmin)]);
    let classmates = AttemptFacts {
        pupil: AccountId::new(102),
        ..attempt
    };

    let cases: &[(&str, &Caller, F<'_>, bool)] = &[
        (
            "the pupil records during their attempt",
            &lisandru,
            F::Answer(&attempt),
            true,
        ),
        (
            "not during a classmate's",
            &lisandru,
            F::Answer(&classmates),
            false,
        ),
        ("not the teacher", &teacher, F::Answer(&attempt), false),
        (
            "never as a file of its own",
            &lisandru,
            F::Upload {
                school: A,
                usage: FileUse::AnswerAudio,
            },
            false,
        ),
        (
            "nor a teacher",
            &teacher,
            F::Upload {
                school: A,
                usage: FileUse::AnswerAudio,
            },
            false,
        ),
        ("the pupil hears it", &lisandru, F::Read(&answer), true),
        ("the teacher who gave it", &teacher, F::Read(&answer), true),
        (
            "whoever teaches the class now",
            &successor,
            F::Read(&answer),
            true,
        ),
        ("the pupil's parent", &parent, F::Read(&answer), true),
        ("not a classmate", &classmate, F::Read(&answer), false),
        (
            "not even when an exercise names it",
            &classmate,
            F::Read(&named),
            false,
        ),
        (
            "not another pupil's parent",
            &other_parent,
            F::Read(&answer),
            false,
        ),
        (
            "not a colleague of another class",
            &colleague,
            F::Read(&answer),
            false,
        ),
        ("not an admin", &admin_a, F::Read(&answer), false),
        (
            "no teacher shares a pupil's answer in an exercise",
            &teacher,
            F::Use {
                file: &FileFacts {
                    owner: Some(maria),
                    ..answer.clone()
                },
                exercise: &ExerciseFacts {
                    school: A,
                    owner: Some(maria),
                },
            },
            false,
        ),
    ];
    for (name, who, action, expected) in cases {
        assert_eq!(authorize(who, *action).is_ok(), *expected, "{name}");
    }
    assert_eq!(Action::from(F::Answer(&attempt)).school(), Some(A));
}

#[test]
fn timetables_are_read_by_whom_they_concern_and_set_up_by_staff() {
    use timetable::{Action as T, WeekOf};
    let pupil_id = AccountId::new(100);
    let teacher_id = AccountId::new(400);
    let in_a: &[SchoolId] = &[A];
    let pupil = caller(100, &[(A, Profile::Pupil)]);
    let classmate = caller(101, &[(A, Profile::Pupil)]);
    let mut parent = caller(300, &[(A, Profile::Parent)]);
    parent.children = vec![pupil_id];
    // A parent whose link no longer counts: the gate leaves the child out.
    let withdrawn = caller(301, &[(A, Profile::Parent)]);
    let teacher = caller(400, &[(A, Profile::Teacher)]);
    let colleague = caller(401, &[(A, Profile::Teacher)]);
    let staff = caller(500, &[(A, Profile::Staff)]);
    let admin = caller(600, &[(A, Profile::SchoolAdmin)]);
    let admin_b = caller(601, &[(B, Profile::SchoolAdmin), (A, Profile::Parent)]);
    let staff_b = caller(501, &[(B, Profile::Staff)]);
    let mut platform = caller(800, &[]);
    platform.platform_admin = true;
    // Someone with the pupil's id but no pupil role (a stale session): nothing.
    let not_a_pupil = caller(100, &[(A, Profile::Guest)]);
    let pupil_week = T::ReadWeek(WeekOf::Pupil {
        pupil: pupil_id,
        schools: in_a,
    });
    let teacher_week = T::ReadWeek(WeekOf::Teacher {
        teacher: teacher_id,
        schools: in_a,
    });
    let cases: &[(&str, &Caller, T<'_>, bool)] = &[
        ("pupil, own week", &pupil, pupil_week, true),
        ("classmate", &classmate, pupil_week, false),
        ("not a pupil", &not_a_pupil, pupil_week, false),
        ("parent", &parent, pupil_week, true),
        ("withdrawn parent", &withdrawn, pupil_week, false),
        ("teacher of the pupil", &teacher, pupil_week, false),
        ("staff", &staff, pupil_week, true),
        ("admin", &admin, pupil_week, true),
        ("admin of B, parent in A", &admin_b, pupil_week, false),
        ("staff of B", &staff_b, pupil_week, false),
        ("platform admin", &platform, pupil_week, false),
        ("teacher, own week", &teacher, teacher_week, true),
        ("colleague", &colleague, teacher_week, false),
        ("pupil, a teacher's week", &pupil, teacher_week, false),
        ("staff, a teacher's week", &staff, teacher_week, true),
        (
            "staff of B, a teacher's week",
            &staff_b,
            teacher_week,
            false,
        ),
        (
            "staff, a group",
            &staff,
            T::ReadWeek(WeekOf::Group(A)),
            true,
        ),
        ("staff, a room", &staff, T::ReadWeek(WeekOf::Room(A)), true),
        (
            "staff of B, a group of A",
            &staff_b,
            T::ReadWeek(WeekOf::Group(A)),
            false,
        ),
        (
            "teacher, a group",
            &teacher,
            T::ReadWeek(WeekOf::Group(A)),
            false,
        ),
        ("pupil, a room", &pupil, T::ReadWeek(WeekOf::Room(A)), false),
        ("staff manages", &staff, T::Manage(A), true),
        ("admin manages", &admin, T::Manage(A), true),
        ("admin of B manages A", &admin_b, T::Manage(A), false),
        ("admin of B manages B", &admin_b, T::Manage(B), true),
        ("teacher manages", &teacher, T::Manage(A), false),
        ("pupil manages", &pupil, T::Manage(A), false),
        ("parent manages", &parent, T::Manage(A), false),
        ("platform admin manages", &platform, T::Manage(A), false),
    ];
    for (name, who, action, expected) in cases {
        assert_eq!(authorize(who, *action).is_ok(), *expected, "{name}");
    }
    // A teacher in two schools reads their own week through either school.
    let both: &[SchoolId] = &[B, A];
    let two_schools = caller(400, &[(A, Profile::Teacher), (B, Profile::Teacher)]);
    assert!(
        authorize(
            &two_schools,
            T::ReadWeek(WeekOf::Teacher {
                teacher: teacher_id,
                schools: both
            })
        )
        .is_ok()
    );
    let schools: &[(T<'_>, Option<SchoolId>)] = &[
        (T::Manage(B), Some(B)),
        (T::ReadWeek(WeekOf::Group(A)), Some(A)),
        (T::ReadWeek(WeekOf::Room(B)), Some(B)),
        (pupil_week, None),
        (teacher_week, None),
    ];
    for (action, school) in schools {
        assert_eq!(action.school(), *school, "{action:?}");
    }
}

#[test]
fn homework_is_written_by_the_lessons_teachers_and_hand_ins_read_by_pupil_parents_and_setter() {
    use homework::{Action as H, GroupFacts, HandInFacts, HomeworkFacts, LessonFacts};
    let pupil_id = AccountId::new(100);
    let teacher_id = AccountId::new(400);
    let substitute_id = AccountId::new(402);
    let mut pupil = caller(100, &[(A, Profile::Pupil)]);
    pupil.groups = vec![CLASS_A];
    let mut classmate = caller(101, &[(A, Profile::Pupil)]);
    classmate.groups = vec![CLASS_A];
    let mut other_class = caller(102, &[(A, Profile::Pupil)]);
    other_class.groups = vec![CLASS_A2];
    let mut parent = caller(300, &[(A, Profile::Parent)]);
    parent.children = vec![pupil_id];
    let withdrawn = caller(301, &[(A, Profile::Parent)]);
    let mut teacher = caller(400, &[(A, Profile::Teacher)]);
    teacher.teaches = vec![CLASS_A];
    let mut colleague = caller(401, &[(A, Profile::Teacher)]);
    colleague.teaches = vec![CLASS_A];
    let substitute = caller(402, &[(A, Profile::Teacher)]);
    // The setter, no longer a teacher of the school: reviews nothing.
    let gone = caller(400, &[(B, Profile::Teacher)]);
    let staff = caller(500, &[(A, Profile::Staff)]);
    let staff_b = caller(501, &[(B, Profile::Staff)]);
    let admin_b = caller(601, &[(B, Profile::SchoolAdmin), (A, Profile::Parent)]);
    let mut platform = caller(800, &[]);
    platform.platform_admin = true;

    let teachers = [teacher_id];
    let lesson = H::Teach(LessonFacts {
        school: A,
        group: CLASS_A,
        teachers: &teachers,
    });
    let substituted = [substitute_id];
    let taken_over = H::Teach(LessonFacts {
        school: A,
        group: CLASS_A,
        teachers: &substituted,
    });
    let homework = HomeworkFacts {
        school: A,
        group: CLASS_A,
        author: Some(teacher_id),
    };
    let hand_in = HandInFacts {
        homework,
        pupil: pupil_id,
    };
    let in_a: &[SchoolId] = &[A];
    let list = H::ReadPupil {
        pupil: pupil_id,
        schools: in_a,
    };
    let group = H::ReadGroup(GroupFacts {
        school: A,
        group: CLASS_A,
        child_in_it: false,
    });
    let childs_group = H::ReadGroup(GroupFacts {
        school: A,
        group: CLASS_A,
        child_in_it: true,
    });
    let cases: &[(&str, &Caller, H<'_>, bool)] = &[
        ("teacher of the lesson", &teacher, lesson, true),
        ("colleague of the class", &colleague, lesson, false),
        ("substitute, not on that day", &substitute, lesson, false),
        ("substitute on the day", &substitute, taken_over, true),
        ("the usual teacher, replaced", &teacher, taken_over, false),
        ("teacher gone from the school", &gone, lesson, false),
        ("staff writes no cahier", &staff, lesson, false),
        ("pupil of the group reads it", &pupil, group, true),
        ("pupil of another class", &other_class, group, false),
        ("teacher of the group", &teacher, group, true),
        ("substitute, not teaching it", &substitute, group, false),
        ("staff (head of school)", &staff, group, true),
        ("staff of B", &staff_b, group, false),
        ("parent of a pupil of it", &parent, childs_group, true),
        ("parent of none of it", &parent, group, false),
        (
            "withdrawn parent, child in it",
            &withdrawn,
            childs_group,
            false,
        ),
        ("pupil, own list", &pupil, list, true),
        ("classmate's list", &classmate, list, false),
        ("parent", &parent, list, true),
        ("withdrawn parent", &withdrawn, list, false),
        ("teacher of the class", &teacher, list, false),
        ("staff", &staff, list, true),
        ("admin of B, parent in A", &admin_b, list, false),
        ("platform admin", &platform, list, false),
        ("pupil hands in", &pupil, H::Work(&hand_in), true),
        ("classmate for them", &classmate, H::Work(&hand_in), false),
        ("parent for the child", &parent, H::Work(&hand_in), false),
        (
            "pupil reads own hand-in",
            &pupil,
            H::ReadHandIn(&hand_in),
            true,
        ),
        ("parent reads it", &parent, H::ReadHandIn(&hand_in), true),
        ("setter reads it", &teacher, H::ReadHandIn(&hand_in), true),
        (
            "colleague does not",
            &colleague,
            H::ReadHandIn(&hand_in),
            false,
        ),
        ("staff does not", &staff, H::ReadHandIn(&hand_in), false),
        (
            "classmate does not",
            &classmate,
            H::ReadHandIn(&hand_in),
            false,
        ),
        (
            "withdrawn parent",
            &withdrawn,
            H::ReadHandIn(&hand_in),
            false,
        ),
        ("setter reviews", &teacher, H::Review(&homework), true),
        ("setter gone", &gone, H::Review(&homework), false),
        ("colleague", &colleague, H::Review(&homework), false),
        ("platform admin", &platform, H::Review(&homework), false),
    ];
    for (what, who, action, expected) in cases {
        assert_eq!(
            authorize(who, *action).is_ok(),
            *expected,
            "{what}: {action:?}"
        );
    }
    // A pupil who left the group hands in nothing more.
    let mut moved = pupil.clone();
    moved.groups = vec![CLASS_A2];
    assert!(authorize(&moved, H::Work(&hand_in)).is_err());
    assert_eq!(Action::from(H::Review(&homework)).school(), Some(A));
    assert_eq!(Action::from(list).school(), None);

    // Files: a hand-in's as the hand-in; an attachment as the group's cahier de textes.
    use crate::file::FileUse;
    use files::{Action as F, FileFacts};
    let handed = FileFacts {
        hand_in: Some(hand_in),
        ..FileFacts::unused(A, Some(pupil_id), FileUse::HandIn)
    };
    let draft = FileFacts::unused(A, Some(pupil_id), FileUse::HandIn);
    let attached = FileFacts {
        lessons: vec![GroupFacts {
            school: A,
            group: CLASS_A,
            child_in_it: true,
        }],
        ..FileFacts::unused(A, Some(teacher_id), FileUse::Resource)
    };
    let files: &[(&str, &Caller, F<'_>, bool)] = &[
        ("pupil, own hand-in", &pupil, F::Read(&handed), true),
        ("parent", &parent, F::Read(&handed), true),
        ("setter", &teacher, F::Read(&handed), true),
        ("colleague", &colleague, F::Read(&handed), false),
        ("classmate", &classmate, F::Read(&handed), false),
        ("a draft: its pupil", &pupil, F::Read(&draft), true),
        ("a draft: not the setter", &teacher, F::Read(&draft), false),
        ("attachment: pupil", &pupil, F::Read(&attached), true),
        ("attachment: parent", &parent, F::Read(&attached), true),
        (
            "attachment: other class",
            &other_class,
            F::Read(&attached),
            false,
        ),
        (
            "attachment: staff of B",
            &staff_b,
            F::Read(&attached),
            false,
        ),
        (
            "pupils upload hand-ins",
            &pupil,
            F::Upload {
                school: A,
                usage: FileUse::HandIn,
            },
            true,
        ),
        (
            "teachers do not",
            &teacher,
            F::Upload {
                school: A,
                usage: FileUse::HandIn,
            },
            false,
        ),
    ];
    for (what, who, action, expected) in files {
        assert_eq!(authorize(who, *action).is_ok(), *expected, "{what}");
    }
    // A pupil's work is never shared through an exercise.
    let exercise = exercises::ExerciseFacts {
        school: A,
        owner: Some(pupil_id),
    };
    assert!(
        authorize(
            &pupil,
            F::Use {
                file: &handed,
                exercise: &exercise
            }
        )
        .is_err()
    );
}

#[test]
fn a_calendar_feed_is_ones_own_week_or_ones_childs_never_staffs() {
    use timetable::{Action as T, WeekOf};
    let pupil_id = AccountId::new(100);
    let teacher_id = AccountId::new(400);
    let in_a: &[SchoolId] = &[A];
    let pupil = caller(100, &[(A, Profile::Pupil)]);
    let classmate = caller(101, &[(A, Profile::Pupil)]);
    let mut parent = caller(300, &[(A, Profile::Parent)]);
    parent.children = vec![pupil_id];
    let withdrawn = caller(301, &[(A, Profile::Parent)]);
    let teacher = caller(400, &[(A, Profile::Teacher)]);
    let mut teaching_parent = caller(401, &[(A, Profile::Teacher), (A, Profile::Parent)]);
    teaching_parent.children = vec![pupil_id];
    let staff = caller(500, &[(A, Profile::Staff)]);
    let admin = caller(600, &[(A, Profile::SchoolAdmin)]);
    let mut platform = caller(800, &[]);
    platform.platform_admin = true;
    // The pupil's id, but no pupil role left (they left the school): no feed of their own.
    let left = caller(100, &[(A, Profile::Guest)]);
    let pupil_feed = T::Feed(WeekOf::Pupil {
        pupil: pupil_id,
        schools: in_a,
    });
    let teacher_feed = T::Feed(WeekOf::Teacher {
        teacher: teacher_id,
        schools: in_a,
    });
    let cases: &[(&str, &Caller, T<'_>, bool)] = &[
        ("pupil, own feed", &pupil, pupil_feed, true),
        ("classmate", &classmate, pupil_feed, false),
        ("pupil who left", &left, pupil_feed, false),
        ("parent", &parent, pupil_feed, true),
        ("withdrawn parent", &withdrawn, pupil_feed, false),
        (
            "teacher who is a parent",
            &teaching_parent,
            pupil_feed,
            true,
        ),
        ("teacher of the pupil", &teacher, pupil_feed, false),
        ("staff, a pupil's feed", &staff, pupil_feed, false),
        ("admin, a pupil's feed", &admin, pupil_feed, false),
        ("platform admin", &platform, pupil_feed, false),
        ("teacher, own feed", &teacher, teacher_feed, true),
        ("another teacher", &teaching_parent, teacher_feed, false),
        ("staff, a teacher's feed", &staff, teacher_feed, false),
        ("pupil, a teacher's feed", &pupil, teacher_feed, false),
        ("staff, a group", &staff, T::Feed(WeekOf::Group(A)), false),
        ("admin, a room", &admin, T::Feed(WeekOf::Room(A)), false),
    ];
    for (name, who, action, expected) in cases {
        assert_eq!(authorize(who, *action).is_ok(), *expected, "{name}");
    }
    // Where one is not a teacher, one's own id is no teacher's feed.
    let not_teaching = caller(400, &[(B, Profile::Teacher)]);
    assert!(authorize(&not_teaching, teacher_feed).is_err());
    assert_eq!(pupil_feed.school(), None);
    assert_eq!(T::Feed(WeekOf::Room(B)).school(), Some(B));
}
