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
            authorize(who, Action::ViewAccount(target)).is_ok(),
            *expected,
            "{what}"
        );
    }
}

#[test]
fn who_manages() {
    let admin_a = caller(600, &[(A, Profile::SchoolAdmin)]);
    let teacher = caller(400, &[(A, Profile::Teacher)]);
    let staff = caller(500, &[(A, Profile::Staff)]);
    let pupil_a = pupil(100, A, CLASS_A);
    let pupil_b = pupil(200, B, CLASS_B);
    let mut shared_parent = pupil(300, A, CLASS_A);
    shared_parent.roles = vec![
        Role {
            school: A,
            profile: Profile::Parent,
        },
        Role {
            school: B,
            profile: Profile::Parent,
        },
    ];
    let platform_admin = AccountFacts {
        id: Some(AccountId::new(1)),
        platform_admin: true,
        ..AccountFacts::default()
    };

    assert!(authorize(&admin_a, Action::ManageAccount(&pupil_a)).is_ok());
    assert!(authorize(&admin_a, Action::ManageAccount(&shared_parent)).is_ok());
    assert_eq!(
        authorize(&admin_a, Action::ManageAccount(&pupil_b)),
        Err(Forbidden)
    );
    assert_eq!(
        authorize(&admin_a, Action::ManageAccount(&platform_admin)),
        Err(Forbidden)
    );
    assert_eq!(
        authorize(&teacher, Action::ManageAccount(&pupil_a)),
        Err(Forbidden)
    );
    assert_eq!(
        authorize(&staff, Action::ManageAccount(&pupil_a)),
        Err(Forbidden)
    );

    assert!(authorize(&admin_a, Action::ManageSchool(A)).is_ok());
    assert_eq!(authorize(&admin_a, Action::ManageSchool(B)), Err(Forbidden));
    assert_eq!(authorize(&teacher, Action::ManageSchool(A)), Err(Forbidden));
    assert!(authorize(&teacher, Action::ViewSchool(A)).is_ok());
    assert_eq!(authorize(&teacher, Action::ViewSchool(B)), Err(Forbidden));
    assert!(authorize(&admin_a, Action::ReadAudit(Some(A))).is_ok());
    assert_eq!(authorize(&admin_a, Action::ReadAudit(None)), Err(Forbidden));
    assert_eq!(authorize(&admin_a, Action::EditCharter), Err(Forbidden));
    assert_eq!(authorize(&admin_a, Action::ManagePlatform), Err(Forbidden));
}

#[test]
fn platform_admin_may_do_everything() {
    let mut platform = caller(1, &[]);
    platform.platform_admin = true;
    assert!(authorize(&platform, Action::EditCharter).is_ok());
    assert!(authorize(&platform, Action::ManagePlatform).is_ok());
    assert!(authorize(&platform, Action::ManageSchool(B)).is_ok());
    assert!(authorize(&platform, Action::ReadAudit(None)).is_ok());
}
