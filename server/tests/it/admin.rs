//! School administration through the real router: accounts, roles, classes and groups, parent
//! links; and every way of being refused.

use crate::support::{AnyCall, DEMO_PASSWORD, Session, TestServer, login};
use app::api::admin::{
    AccountChanges, AccountQuery, AddMember, AddRole, AdminSchools, AssignTeacher, CreateAccount,
    CreateGroup, DeleteGroup, GetAccount, GetGroup, LinkParent, ListAccounts, ListGroups,
    ListSubjects, RemoveMember, RemoveRole, RenameAccount, RenameGroup, ResetPassword,
    UnassignTeacher, UnlinkParent,
};
use app::api::auth::ChangePassword;
use app::api::home::LoadHome;
use app::api::profile::{PersonRef, ViewProfile};
use app::error::{AppError, Field, Problem};
use domain::account::InvalidAccount;
use domain::ids::{AccountId, GroupId, SchoolId, SubjectId};
use domain::lang::Lang;
use domain::profile::Profile;
use domain::school::{GroupKind, InvalidSchool, Misplaced};

const COLLEGE: &str = "7200001N";
const LYCEE: &str = "6200001G";

async fn audited(s: &TestServer, kind: &str) -> i64 {
    // Refusals are counted per minute in one entry: the count, not the entries.
    s.scalar(
        "SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) FROM audit_log WHERE kind = $1",
        kind,
    )
    .await
}

/// The classes of the current year a pupil is in, by name.
async fn classes_of(s: &TestServer, username: &str) -> Vec<String> {
    use sqlx::Row;
    sqlx::query(
        "SELECT g.name FROM memberships m JOIN school_groups g ON g.id = m.group_id \
         JOIN accounts a ON a.id = m.account_id WHERE a.username = $1 AND g.kind = 'class' \
         ORDER BY g.name",
    )
    .bind(username)
    .fetch_all(s.app.db.pool())
    .await
    .expect("classes")
    .iter()
    .map(|r| r.get(0))
    .collect()
}

/// The fields an `Invalid` error names, with their problems.
#[track_caller]
fn problems(error: AppError) -> Vec<(Field, Problem)> {
    match error {
        AppError::Invalid(fields) => fields.into_iter().map(|f| (f.field, f.problem)).collect(),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn first_names(people: &[PersonRef]) -> Vec<&str> {
    people.iter().map(|p| p.first_name.as_str()).collect()
}

fn query(search: &str, profile: Option<Profile>, page: u32) -> AccountQuery {
    AccountQuery {
        search: search.to_owned(),
        profile,
        page,
    }
}

fn everyone(school: SchoolId) -> ListAccounts {
    ListAccounts {
        school,
        query: query("", None, 0),
    }
}

fn create_account(
    school: SchoolId,
    first_name: &str,
    last_name: &str,
    profile: Profile,
    username: Option<&str>,
) -> CreateAccount {
    CreateAccount {
        school,
        first_name: first_name.to_owned(),
        last_name: last_name.to_owned(),
        profile,
        username: username.map(str::to_owned),
    }
}

fn rename_account(school: SchoolId, account: AccountId, first: &str, last: &str) -> RenameAccount {
    RenameAccount {
        school,
        account,
        first_name: first.to_owned(),
        last_name: last.to_owned(),
    }
}

fn create_group(school: SchoolId, kind: GroupKind, name: &str) -> CreateGroup {
    CreateGroup {
        school,
        kind,
        name: name.to_owned(),
    }
}

fn rename_group(group: GroupId, name: &str) -> RenameGroup {
    RenameGroup {
        group,
        name: name.to_owned(),
    }
}

/// Signs in with a one-time password, replaces it and accepts the charter.
async fn first_sign_in(s: &TestServer, username: &str, one_time: &str) -> Session {
    let session = s.sign_in_with(username, one_time).await;
    let change = ChangePassword {
        current: one_time.to_owned(),
        new: "A lingua corsa hè a nostra".to_owned(),
    };
    s.call(&session, change).await.ok();
    s.accept_charter(&session).await;
    session
}

#[tokio::test]
async fn admins_see_the_schools_they_administer() {
    let s = TestServer::start().await;
    let admin = s.sign_in("petru.casanova").await;
    let schools = s.call(&admin, AdminSchools {}).await.ok();
    let uais: Vec<&str> = schools.iter().map(|s| s.uai.as_str()).collect();
    assert_eq!(uais, [COLLEGE]);
    let platform = s.sign_in("admin.scola").await;
    let schools = s.call(&platform, AdminSchools {}).await.ok();
    let names: Vec<&str> = schools.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Collège Pasquale Paoli", "Lycée Sampiero Corso"]);
    let teacher = s.sign_in("maria.santoni").await;
    assert_eq!(
        s.call(&teacher, AdminSchools {}).await.err(),
        AppError::Forbidden
    );
    let anon = Session::anonymous();
    assert_eq!(
        s.call(&anon, AdminSchools {}).await.err(),
        AppError::SignInRequired
    );
}

#[tokio::test]
async fn accounts_are_listed_searched_filtered_and_paged() {
    let s = TestServer::start().await;
    let college = s.school_id(COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let list = |query: AccountQuery| {
        let admin = admin.clone();
        let s = &s;
        async move {
            s.call(
                &admin,
                ListAccounts {
                    school: college,
                    query,
                },
            )
            .await
            .ok()
        }
    };
    let usernames = |page: &app::api::admin::AccountPage| -> Vec<String> {
        page.accounts.iter().map(|a| a.username.clone()).collect()
    };

    let all = list(query("", None, 0)).await;
    assert_eq!(
        all.total, 10,
        "everyone with a role in the collège, nobody from the lycée"
    );
    let listed = usernames(&all);
    assert!(!listed.contains(&"ghjulia.pieri".to_owned()));
    assert!(!listed.contains(&"admin.scola".to_owned()));
    let lisandru = all
        .accounts
        .iter()
        .find(|r| r.username == "lisandru.pieri")
        .expect("lisandru listed");
    assert_eq!(lisandru.profiles, [Profile::Pupil]);
    assert_eq!(lisandru.class.as_deref(), Some("5e A"));
    let ghjuvanni = all
        .accounts
        .iter()
        .find(|r| r.username == "ghjuvanni.pieri")
        .expect("ghjuvanni listed");
    assert_eq!(
        ghjuvanni.profiles,
        [Profile::Parent],
        "only the roles held in this school"
    );

    let pieri = list(query("PIERI", None, 0)).await;
    assert_eq!(usernames(&pieri), ["ghjuvanni.pieri", "lisandru.pieri"]);
    let full_name = list(query("  anna colonna ", None, 0)).await;
    assert_eq!(usernames(&full_name), ["anna.colonna"]);
    let by_login = list(query("matteu.r", None, 0)).await;
    assert_eq!(usernames(&by_login), ["matteu.rossi"]);
    let wildcard = list(query("%", None, 0)).await;
    assert_eq!(wildcard.total, 0, "a % in a search is a % in a name");
    let pupils = list(query("", Some(Profile::Pupil), 0)).await;
    assert_eq!(
        usernames(&pupils),
        [
            "anna.colonna",
            "lisandru.pieri",
            "matteu.rossi",
            "lucia.vincenti"
        ],
        "by last name"
    );

    // Thirty more pupils: two pages.
    for n in 0..30 {
        let first = format!("Sculare{n:02}");
        let new = create_account(college, &first, "Test", Profile::Pupil, None);
        s.call(&admin, new).await.ok();
    }
    let first = list(query("", Some(Profile::Pupil), 0)).await;
    assert_eq!(first.total, 34);
    assert_eq!(first.page_size, 25);
    assert_eq!(first.accounts.len(), 25);
    let second = list(query("", Some(Profile::Pupil), 1)).await;
    assert_eq!(second.accounts.len(), 9);
    let mut seen = usernames(&first);
    seen.extend(usernames(&second));
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 34, "pages neither overlap nor skip");
    assert_eq!(second.accounts[0].profiles, [Profile::Pupil]);
    let beyond = list(query("", None, 99)).await;
    assert_eq!(beyond.accounts, []);
}

#[tokio::test]
async fn a_new_account_gets_a_login_and_a_one_time_password() {
    let s = TestServer::start().await;
    let college = s.school_id(COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let create = |first: &str, last: &str, profile: Profile, username: Option<&str>| {
        let new = create_account(college, first, last, profile, username);
        let admin = admin.clone();
        let s = &s;
        async move { s.call(&admin, new).await }
    };

    let created = create("Ghjuvan Petru", "Lucciardi", Profile::Pupil, None)
        .await
        .ok();
    assert_eq!(created.username.as_str(), "ghjuvanpetru.lucciardi");
    let password = created.one_time_password;
    assert!(password.len() >= 12, "{password}");
    assert_eq!(audited(&s, "account-created").await, 1);
    let stored = s
        .scalar(
            "SELECT COUNT(*) FROM audit_log WHERE detail LIKE $1",
            &format!("%{password}%"),
        )
        .await;
    assert_eq!(stored, 0, "the password is never written to the trail");

    // The person signs in with it, and must replace it before anything else.
    let signed_in = s
        .call(
            &Session::anonymous(),
            login("ghjuvanpetru.lucciardi", &password),
        )
        .await;
    let session = Session(signed_in.token());
    assert!(signed_in.ok().must_change_password);
    assert_eq!(
        s.call(&session, LoadHome {}).await.err(),
        AppError::PasswordChangeRequired
    );
    let session = first_sign_in(&s, "ghjuvanpetru.lucciardi", &password).await;
    let home = s.call(&session, LoadHome {}).await.ok();
    assert_eq!(home.schools[0].profiles, [Profile::Pupil]);

    // Name collisions get a number; a chosen login name that is taken is reported on its field.
    let second = create("Anna", "Colonna", Profile::Parent, None).await;
    assert_eq!(second.ok().username.as_str(), "anna.colonna2");
    let third = create("Anna", "Colonna", Profile::Teacher, Some("")).await;
    assert_eq!(third.ok().username.as_str(), "anna.colonna3");
    let taken = create("Anna", "Colonna", Profile::Teacher, Some("Anna.Colonna")).await;
    assert_eq!(problems(taken.err()), [(Field::Username, Problem::Taken)]);
    let chosen = create("Anna", "Colonna", Profile::Teacher, Some("a.colonna")).await;
    assert_eq!(chosen.ok().username.as_str(), "a.colonna");
    let bad = create("Anna", "Colonna", Profile::Teacher, Some("1 colonna")).await;
    assert_eq!(
        problems(bad.err()),
        [(Field::Username, Problem::Account(InvalidAccount::Username))]
    );
}

#[tokio::test]
async fn bad_input_is_reported_next_to_its_field() {
    let s = TestServer::start().await;
    let college = s.school_id(COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let accounts_before = s.count("SELECT COUNT(*) FROM accounts").await;
    let create = |first: &str, last: &str| {
        let new = create_account(college, first, last, Profile::Pupil, None);
        let admin = admin.clone();
        let s = &s;
        async move { s.call(&admin, new).await.err() }
    };

    assert_eq!(
        problems(create(" ", "").await),
        [
            (
                Field::FirstName,
                Problem::Account(InvalidAccount::EmptyName)
            ),
            (Field::LastName, Problem::Account(InvalidAccount::EmptyName))
        ]
    );
    assert_eq!(
        problems(create(&"x".repeat(101), "Colonna").await),
        [(Field::FirstName, Problem::Account(InvalidAccount::BadName))]
    );
    // Names with nothing to make a login name from: the admin is asked to choose one.
    assert_eq!(
        problems(create("李", "华").await),
        [(Field::Username, Problem::Account(InvalidAccount::Username))]
    );
    // Raw: the app cannot name a profile that does not exist.
    let bad_profile = s
        .call_raw(
            &admin,
            "admin/accounts/create",
            serde_json::json!({ "school": college, "first_name": "Anna", "last_name": "Rossi", "profile": "Wizard", "username": null }),
        )
        .await;
    assert!(
        !bad_profile.status.is_success(),
        "an unknown profile is refused"
    );
    assert_eq!(
        s.count("SELECT COUNT(*) FROM accounts").await,
        accounts_before
    );

    let lisandru = s.account_id("lisandru.pieri").await;
    let rename = s
        .call(
            &admin,
            rename_account(college, lisandru, "Lisandru", "\u{7}"),
        )
        .await;
    assert_eq!(
        problems(rename.err()),
        [(Field::LastName, Problem::Account(InvalidAccount::BadName))]
    );
    let group = s
        .call(&admin, create_group(college, GroupKind::Class, "   "))
        .await;
    assert_eq!(
        problems(group.err()),
        [(Field::Name, Problem::School(InvalidSchool::EmptyName))]
    );
    // Raw: the app cannot name a kind of group that does not exist.
    let bad_kind = s
        .call_raw(
            &admin,
            "admin/groups/create",
            serde_json::json!({ "school": college, "kind": "Club", "name": "5e C" }),
        )
        .await;
    assert!(!bad_kind.status.is_success());
}

#[tokio::test]
async fn names_are_edited_and_roles_changed() {
    let s = TestServer::start().await;
    let college = s.school_id(COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let paola = s.account_id("paola.leca").await;
    let matteu = s.account_id("matteu.rossi").await;
    let get = |account| GetAccount {
        school: college,
        account,
    };

    let rename = rename_account(college, paola, " Paola  Maria ", "Leca-Santucci");
    s.call(&admin, rename).await.ok();
    let detail = s.call(&admin, get(paola)).await.ok();
    assert_eq!(
        (detail.first_name.as_str(), detail.last_name.as_str()),
        ("Paola Maria", "Leca-Santucci")
    );
    assert_eq!(detail.username, "paola.leca", "the login name stays");

    let teacher = AddRole {
        school: college,
        account: paola,
        profile: Profile::Teacher,
    };
    s.call(&admin, teacher.clone()).await.ok();
    s.call(&admin, teacher).await.ok();
    let detail = s.call(&admin, get(paola)).await.ok();
    assert_eq!(detail.profiles, [Profile::Staff, Profile::Teacher]);

    // A pupil who leaves the school leaves its classes too.
    assert_eq!(classes_of(&s, "matteu.rossi").await, ["5e A"]);
    let leaves = RemoveRole {
        school: college,
        account: matteu,
        profile: Profile::Pupil,
    };
    s.call(&admin, leaves).await.ok();
    assert_eq!(classes_of(&s, "matteu.rossi").await, Vec::<String>::new());
    assert_eq!(
        s.call(&admin, get(matteu)).await.err(),
        AppError::Forbidden,
        "with no role left in the school, the account is out of its admin's reach"
    );
    assert_eq!(
        audited(&s, "account-updated").await,
        3,
        "rename, role added once, role removed"
    );
}

#[tokio::test]
async fn a_password_reset_ends_the_sessions_of_the_account() {
    let s = TestServer::start().await;
    let college = s.school_id(COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let pupil = s.sign_in("lisandru.pieri").await;
    let lisandru = s.account_id("lisandru.pieri").await;

    let reset = ResetPassword {
        school: college,
        account: lisandru,
    };
    let reset = s.call(&admin, reset).await.ok();
    assert_eq!(reset.username, "lisandru.pieri");
    assert_eq!(
        s.call(&pupil, LoadHome {}).await.err(),
        AppError::SignInRequired
    );
    let old = s
        .call(
            &Session::anonymous(),
            login("lisandru.pieri", DEMO_PASSWORD),
        )
        .await;
    assert_eq!(old.err(), AppError::BadCredentials);
    let fresh = s.sign_in_with("lisandru.pieri", &reset.password).await;
    assert_eq!(
        s.call(&fresh, LoadHome {}).await.err(),
        AppError::PasswordChangeRequired
    );
    assert_eq!(audited(&s, "password-reset").await, 1);
    // The admin's own session is untouched.
    s.call(&admin, AdminSchools {}).await.ok();
}

#[tokio::test]
async fn classes_and_groups_are_created_renamed_and_deleted() {
    let s = TestServer::start().await;
    let college = s.school_id(COLLEGE).await;
    let lycee = s.school_id(LYCEE).await;
    let admin = s.sign_in("petru.casanova").await;

    let listed = s.call(&admin, ListGroups { school: college }).await.ok();
    let names: Vec<&str> = listed.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["5e A", "5e B", "Lingua corsa 5e"], "classes first");
    assert_eq!(listed[0].members, 2);
    assert_eq!(listed[0].teachers, 1);

    let id = s
        .call(&admin, create_group(college, GroupKind::Class, " 5e C "))
        .await
        .ok();
    let again = s
        .call(&admin, create_group(college, GroupKind::Group, "5e C"))
        .await;
    assert_eq!(problems(again.err()), [(Field::Name, Problem::NameTaken)]);
    // The same name in another school is another class.
    let platform = s.sign_in("admin.scola").await;
    s.call(&platform, create_group(lycee, GroupKind::Class, "5e C"))
        .await
        .ok();

    let taken = s.call(&admin, rename_group(id, "5e B")).await;
    assert_eq!(problems(taken.err()), [(Field::Name, Problem::NameTaken)]);
    s.call(&admin, rename_group(id, "5e Cismonte")).await.ok();
    let detail = s.call(&admin, GetGroup { group: id }).await.ok();
    assert_eq!(
        (detail.name.as_str(), detail.kind),
        ("5e Cismonte", GroupKind::Class)
    );
    assert_eq!(detail.school, college);

    let lisandru = s.account_id("lisandru.pieri").await;
    let member = AddMember {
        group: id,
        account: lisandru,
    };
    s.call(&admin, member).await.ok();
    s.call(&admin, DeleteGroup { group: id }).await.ok();
    assert_eq!(
        s.call(&admin, GetGroup { group: id }).await.err(),
        AppError::Forbidden
    );
    assert_eq!(
        classes_of(&s, "lisandru.pieri").await,
        Vec::<String>::new(),
        "the class went with its pupils"
    );
    assert_eq!(
        s.count("SELECT COUNT(*) FROM accounts WHERE username = 'lisandru.pieri'")
            .await,
        1
    );
    assert!(audited(&s, "group-changed").await >= 5);
}

#[tokio::test]
async fn a_pupil_is_in_one_class_but_any_number_of_groups() {
    let s = TestServer::start().await;
    let admin = s.sign_in("petru.casanova").await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let (cinq_a, cinq_b, corsu) = (
        s.group_id("5e A").await,
        s.group_id("5e B").await,
        s.group_id("Lingua corsa 5e").await,
    );
    let add = |group, account| AddMember { group, account };

    let moved = s.call(&admin, add(cinq_b, lisandru)).await;
    assert_eq!(moved.ok(), ["5e A"], "the class left is named");
    assert_eq!(classes_of(&s, "lisandru.pieri").await, ["5e B"]);
    let same = s.call(&admin, add(cinq_b, lisandru)).await;
    assert_eq!(same.ok(), Vec::<String>::new());
    assert_eq!(classes_of(&s, "lisandru.pieri").await, ["5e B"]);

    let college = s.school_id(COLLEGE).await;
    let latin = s
        .call(&admin, create_group(college, GroupKind::Group, "Latin 5e"))
        .await
        .ok();
    let joined = s.call(&admin, add(latin, lisandru)).await;
    assert_eq!(
        joined.ok(),
        Vec::<String>::new(),
        "joining a group leaves nothing"
    );
    let detail = s.call(&admin, GetGroup { group: corsu }).await.ok();
    assert!(first_names(&detail.members).contains(&"Lisandru"));
    assert_eq!(classes_of(&s, "lisandru.pieri").await, ["5e B"]);

    // Only pupils of the school are class members.
    let paola = s.account_id("paola.leca").await;
    let staff = s.call(&admin, add(cinq_a, paola)).await;
    assert_eq!(
        problems(staff.err()),
        [(Field::Member, Problem::Place(Misplaced(Profile::Pupil)))]
    );

    let out = RemoveMember {
        group: cinq_b,
        account: lisandru,
    };
    s.call(&admin, out).await.ok();
    assert_eq!(classes_of(&s, "lisandru.pieri").await, Vec::<String>::new());
}

#[tokio::test]
async fn a_pupil_placed_in_two_classes_at_once_ends_up_in_one() {
    let s = TestServer::start().await;
    let college = s.school_id(COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let cinq_b = s.group_id("5e B").await;
    let cinq_c = s
        .call(&admin, create_group(college, GroupKind::Class, "5e C"))
        .await
        .ok();
    let add = |group| AddMember {
        group,
        account: lisandru,
    };
    for _ in 0..5 {
        let (b, c) = tokio::join!(s.call(&admin, add(cinq_b)), s.call(&admin, add(cinq_c)),);
        b.ok();
        c.ok();
        assert_eq!(classes_of(&s, "lisandru.pieri").await.len(), 1);
    }
}

#[tokio::test]
async fn teachers_are_assigned_with_a_subject_of_the_school() {
    let s = TestServer::start().await;
    let college = s.school_id(COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let maria = s.account_id("maria.santoni").await;
    let cinq_b = s.group_id("5e B").await;
    let assign = |account, subject| AssignTeacher {
        group: cinq_b,
        account,
        subject,
    };

    let subjects = s.call(&admin, ListSubjects { school: college }).await.ok();
    let names: Vec<&str> = subjects.iter().map(|s| s.name.fr.as_str()).collect();
    assert_eq!(names, ["Langue corse", "Mathématiques"]);
    // Reference data carries both languages.
    let corsican: Vec<&str> = subjects.iter().map(|s| s.name.in_lang(Lang::Co)).collect();
    assert_eq!(corsican, ["Lingua corsa", "Matematiche"]);
    let maths = subjects[1].id;
    s.call(&admin, assign(maria, Some(maths))).await.ok();
    let detail = s.call(&admin, GetGroup { group: cinq_b }).await.ok();
    assert_eq!(detail.teachers[0].first_name, "Maria");
    assert_eq!(
        detail.teachers[0]
            .subject
            .as_ref()
            .map(|s| s.name.fr.as_str()),
        Some("Mathématiques")
    );
    // Assigning again changes the subject rather than adding a second teaching.
    s.call(&admin, assign(maria, None)).await.ok();
    let detail = s.call(&admin, GetGroup { group: cinq_b }).await.ok();
    assert_eq!(detail.teachers.len(), 1);
    assert_eq!(detail.teachers[0].subject, None);

    // The teacher now sees the class on her home page.
    let teacher = s.sign_in("maria.santoni").await;
    let home = s.call(&teacher, LoadHome {}).await.ok();
    let college_groups: Vec<&str> = home
        .schools
        .iter()
        .find(|sc| sc.uai == COLLEGE)
        .map(|sc| sc.groups.iter().map(|g| g.name.as_str()).collect())
        .unwrap_or_default();
    assert!(college_groups.contains(&"5e B"), "{college_groups:?}");

    let anna = s.account_id("anna.colonna").await;
    let pupil = s.call(&admin, assign(anna, None)).await;
    assert_eq!(
        problems(pupil.err()),
        [(Field::Teacher, Problem::Place(Misplaced(Profile::Teacher)))]
    );

    let unassign = UnassignTeacher {
        group: cinq_b,
        account: maria,
    };
    s.call(&admin, unassign).await.ok();
    let detail = s.call(&admin, GetGroup { group: cinq_b }).await.ok();
    assert_eq!(detail.teachers, []);
}

#[tokio::test]
async fn a_linked_parent_sees_the_child_at_home() {
    let s = TestServer::start().await;
    let college = s.school_id(COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let new = create_account(college, "Maria Ghjuvanna", "Colonna", Profile::Parent, None);
    let created = s.call(&admin, new).await.ok();
    let parent = created.id;
    let anna = s.account_id("anna.colonna").await;
    let link = |parent, child| LinkParent {
        school: college,
        parent,
        child,
    };
    s.call(&admin, link(parent, anna)).await.ok();
    s.call(&admin, link(parent, anna)).await.ok();

    let session = first_sign_in(&s, created.username.as_str(), &created.one_time_password).await;
    let home = s.call(&session, LoadHome {}).await.ok();
    let children: Vec<&str> = home
        .children
        .iter()
        .map(|c| c.first_name.as_str())
        .collect();
    assert_eq!(children, ["Anna"]);
    assert_eq!(home.children[0].class.as_deref(), Some("5e B"));
    let get = GetAccount {
        school: college,
        account: anna,
    };
    let detail = s.call(&admin, get).await.ok();
    assert_eq!(first_names(&detail.parents), ["Maria Ghjuvanna"]);

    // Each side must hold the right profile in the school.
    let lisandru = s.account_id("lisandru.pieri").await;
    let paola = s.account_id("paola.leca").await;
    let wrong = s.call(&admin, link(lisandru, paola)).await;
    assert_eq!(
        problems(wrong.err()),
        [
            (Field::Parent, Problem::Place(Misplaced(Profile::Parent))),
            (Field::Child, Problem::Place(Misplaced(Profile::Pupil)))
        ]
    );
    let itself = s.call(&admin, link(lisandru, lisandru)).await;
    assert_eq!(
        problems(itself.err()),
        [(Field::Child, Problem::SamePerson)]
    );

    let unlink = UnlinkParent {
        school: college,
        parent,
        child: anna,
    };
    s.call(&admin, unlink).await.ok();
    let home = s.call(&session, LoadHome {}).await.ok();
    assert_eq!(home.children, []);
}

#[tokio::test]
async fn an_admin_cannot_reach_into_another_school() {
    let s = TestServer::start().await;
    let college = s.school_id(COLLEGE).await;
    let lycee = s.school_id(LYCEE).await;
    let admin = s.sign_in("petru.casanova").await;
    let ghjulia = s.account_id("ghjulia.pieri").await;
    let santu = s.account_id("santu.albertini").await;
    let ghjuvanni = s.account_id("ghjuvanni.pieri").await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let platform = s.account_id("admin.scola").await;
    let seconde = s.group_id("2nde 1").await;
    let cinq_a = s.group_id("5e A").await;
    let no_account = AccountId::new(s.count("SELECT MAX(id) FROM accounts").await + 1);
    let no_group = GroupId::new(s.count("SELECT MAX(id) FROM school_groups").await + 1);
    let lycee_maths = SubjectId::new(
        s.scalar(
            "SELECT s.id FROM subjects s JOIN schools sc ON sc.id = s.school_id WHERE sc.uai = $1",
            LYCEE,
        )
        .await,
    );
    let maria = s.account_id("maria.santoni").await;
    let refused_before = audited(&s, "access-refused").await;

    let get = |school, account| GetAccount { school, account };
    let reset = |account| ResetPassword {
        school: college,
        account,
    };
    let add_role = |school, account| AddRole {
        school,
        account,
        profile: Profile::Pupil,
    };
    let add = |group, account| AddMember { group, account };
    let assign = |group, subject| AssignTeacher {
        group,
        account: maria,
        subject,
    };
    let cases = [
        AnyCall::new(everyone(lycee)),
        AnyCall::new(create_account(lycee, "A", "B", Profile::Pupil, None)),
        AnyCall::new(get(lycee, ghjulia)),
        AnyCall::new(get(college, ghjulia)),
        AnyCall::new(get(college, no_account)),
        AnyCall::new(get(college, platform)),
        AnyCall::new(rename_account(college, ghjulia, "X", "Y")),
        AnyCall::new(reset(ghjulia)),
        AnyCall::new(reset(platform)),
        AnyCall::new(add_role(college, ghjulia)),
        AnyCall::new(add_role(lycee, lisandru)),
        AnyCall::new(RemoveRole {
            school: lycee,
            account: santu,
            profile: Profile::Pupil,
        }),
        AnyCall::new(LinkParent {
            school: college,
            parent: ghjuvanni,
            child: ghjulia,
        }),
        AnyCall::new(UnlinkParent {
            school: college,
            parent: ghjuvanni,
            child: ghjulia,
        }),
        AnyCall::new(ListGroups { school: lycee }),
        AnyCall::new(create_group(lycee, GroupKind::Class, "2nde 2")),
        AnyCall::new(GetGroup { group: seconde }),
        AnyCall::new(GetGroup { group: no_group }),
        AnyCall::new(rename_group(seconde, "2nde A")),
        AnyCall::new(DeleteGroup { group: seconde }),
        AnyCall::new(add(seconde, lisandru)),
        AnyCall::new(add(cinq_a, ghjulia)),
        AnyCall::new(add(cinq_a, no_account)),
        AnyCall::new(RemoveMember {
            group: seconde,
            account: santu,
        }),
        AnyCall::new(assign(seconde, None)),
        AnyCall::new(assign(cinq_a, Some(lycee_maths))),
        AnyCall::new(UnassignTeacher {
            group: seconde,
            account: maria,
        }),
        AnyCall::new(ListSubjects { school: lycee }),
    ];
    for call in &cases {
        let answer = s.call_any(&admin, call).await;
        assert_eq!(answer.err(), AppError::Forbidden, "{call:?}");
    }
    assert_eq!(
        audited(&s, "access-refused").await - refused_before,
        i64::try_from(cases.len()).unwrap_or(0),
        "every refusal is in the audit trail"
    );
    // Nothing changed in the lycée.
    assert_eq!(classes_of(&s, "ghjulia.pieri").await, ["2nde 1"]);
    assert_eq!(classes_of(&s, "santu.albertini").await, ["2nde 1"]);
    assert_eq!(
        s.count("SELECT COUNT(*) FROM school_groups WHERE name LIKE '2nde%'")
            .await,
        1
    );

    // The platform admin may act in any school.
    let platform = s.sign_in("admin.scola").await;
    let list = s.call(&platform, everyone(lycee)).await;
    assert_eq!(list.ok().total, 5);
    let guest = AddRole {
        school: lycee,
        account: lisandru,
        profile: Profile::Guest,
    };
    s.call(&platform, guest).await.ok();
}

#[tokio::test]
async fn only_admins_may_call_admin_functions() {
    let s = TestServer::start().await;
    let college = s.school_id(COLLEGE).await;
    let anna = s.account_id("anna.colonna").await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let ghjuvanni = s.account_id("ghjuvanni.pieri").await;
    let cinq_a = s.group_id("5e A").await;
    let maria = s.account_id("maria.santoni").await;
    let role = |profile| AddRole {
        school: college,
        account: anna,
        profile,
    };
    let calls = [
        AnyCall::new(AdminSchools {}),
        AnyCall::new(everyone(college)),
        AnyCall::new(GetAccount {
            school: college,
            account: anna,
        }),
        AnyCall::new(create_account(college, "A", "B", Profile::Pupil, None)),
        AnyCall::new(rename_account(college, anna, "X", "Y")),
        AnyCall::new(ResetPassword {
            school: college,
            account: anna,
        }),
        AnyCall::new(role(Profile::SchoolAdmin)),
        AnyCall::new(RemoveRole {
            school: college,
            account: anna,
            profile: Profile::Pupil,
        }),
        AnyCall::new(LinkParent {
            school: college,
            parent: ghjuvanni,
            child: anna,
        }),
        AnyCall::new(UnlinkParent {
            school: college,
            parent: ghjuvanni,
            child: lisandru,
        }),
        AnyCall::new(ListGroups { school: college }),
        AnyCall::new(GetGroup { group: cinq_a }),
        AnyCall::new(create_group(college, GroupKind::Class, "5e Z")),
        AnyCall::new(rename_group(cinq_a, "5e Z")),
        AnyCall::new(DeleteGroup { group: cinq_a }),
        AnyCall::new(AddMember {
            group: cinq_a,
            account: anna,
        }),
        AnyCall::new(RemoveMember {
            group: cinq_a,
            account: lisandru,
        }),
        AnyCall::new(AssignTeacher {
            group: cinq_a,
            account: maria,
            subject: None,
        }),
        AnyCall::new(UnassignTeacher {
            group: cinq_a,
            account: maria,
        }),
        AnyCall::new(ListSubjects { school: college }),
    ];
    for who in [
        "maria.santoni",
        "lisandru.pieri",
        "ghjuvanni.pieri",
        "paola.leca",
        "invite.demo",
    ] {
        let session = s.sign_in(who).await;
        for call in &calls {
            let answer = s.call_any(&session, call).await;
            assert_eq!(answer.err(), AppError::Forbidden, "{who} → {}", call.path);
        }
    }
    for call in &calls {
        let answer = s.call_any(&Session::anonymous(), call).await;
        assert_eq!(
            answer.err(),
            AppError::SignInRequired,
            "anonymous → {}",
            call.path
        );
    }
    assert_eq!(
        classes_of(&s, "lisandru.pieri").await,
        ["5e A"],
        "nothing changed"
    );
    assert_eq!(s.count("SELECT COUNT(*) FROM parent_links").await, 3);
    assert_eq!(
        s.count("SELECT COUNT(*) FROM accounts WHERE must_change_password = 1")
            .await,
        0
    );
}

/// The parents linked to a pupil, by login name.
async fn parents_of(s: &TestServer, username: &str) -> Vec<String> {
    use sqlx::Row;
    sqlx::query(
        "SELECT p.username FROM parent_links l JOIN accounts p ON p.id = l.parent_id \
         JOIN accounts c ON c.id = l.child_id WHERE c.username = $1 ORDER BY p.username",
    )
    .bind(username)
    .fetch_all(s.app.db.pool())
    .await
    .expect("parents")
    .iter()
    .map(|r| r.get(0))
    .collect()
}

#[tokio::test]
async fn an_account_that_runs_another_school_is_out_of_reach() {
    let s = TestServer::start().await;
    let college = s.school_id(COLLEGE).await;
    let lycee = s.school_id(LYCEE).await;
    let admin = s.sign_in("petru.casanova").await;
    let catalina = s.account_id("catalina.rossi").await;
    let maria = s.account_id("maria.santoni").await;
    let ghjuvanni = s.account_id("ghjuvanni.pieri").await;
    let lucia = s.account_id("lucia.vincenti").await;
    let cinq_a = s.group_id("5e A").await;
    let refused_before = audited(&s, "access-refused").await;
    let reset = |school, account| ResetPassword { school, account };
    let role = |account, profile| AddRole {
        school: college,
        account,
        profile,
    };

    // Catalina Rossi runs the lycée and is a parent in the collège: the collège's admin could
    // sign in as her after a reset, so neither her password, nor her names, nor her roles, nor
    // her places are his to change. A teacher or a parent of both schools keeps password and
    // names out of reach too (they open the other school), but is placed in this one.
    let refused = [
        AnyCall::new(reset(college, catalina)),
        AnyCall::new(rename_account(college, catalina, "Catalina", "Casanova")),
        AnyCall::new(role(catalina, Profile::SchoolAdmin)),
        AnyCall::new(RemoveRole {
            school: college,
            account: catalina,
            profile: Profile::Parent,
        }),
        AnyCall::new(AddMember {
            group: cinq_a,
            account: catalina,
        }),
        AnyCall::new(LinkParent {
            school: college,
            parent: catalina,
            child: lucia,
        }),
        AnyCall::new(reset(college, maria)),
        AnyCall::new(rename_account(college, maria, "Maria", "X")),
        AnyCall::new(reset(college, ghjuvanni)),
    ];
    for call in &refused {
        let answer = s.call_any(&admin, call).await;
        assert_eq!(answer.err(), AppError::Forbidden, "{call:?}");
    }
    assert_eq!(
        audited(&s, "access-refused").await - refused_before,
        i64::try_from(refused.len()).unwrap_or(0),
        "every refusal is in the audit trail"
    );
    assert_eq!(
        s.count("SELECT COUNT(*) FROM accounts WHERE must_change_password = 1")
            .await,
        0,
        "no password was reset"
    );
    assert_eq!(
        s.count("SELECT COUNT(*) FROM accounts WHERE last_name IN ('Casanova', 'X')")
            .await,
        1,
        "nobody renamed (Petru is the only Casanova)"
    );
    assert_eq!(parents_of(&s, "lucia.vincenti").await, Vec::<String>::new());

    // What stays in the collège: Maria's roles and classes there, a parent of both schools'
    // roles there.
    s.call(&admin, role(maria, Profile::Guest)).await.ok();
    let unassign = UnassignTeacher {
        group: cinq_a,
        account: maria,
    };
    s.call(&admin, unassign).await.ok();
    s.call(&admin, role(ghjuvanni, Profile::Guest)).await.ok();

    // The account page says what may be changed, and still shows her.
    let may = |account| {
        let admin = admin.clone();
        let s = &s;
        async move {
            let get = GetAccount {
                school: college,
                account,
            };
            s.call(&admin, get).await.ok().may
        }
    };
    let may_be = |account_wide, in_school| AccountChanges {
        account_wide,
        in_school,
    };
    assert_eq!(may(catalina).await, may_be(false, false));
    assert_eq!(may(maria).await, may_be(false, true));
    assert_eq!(may(lucia).await, may_be(true, true));

    // Her own school's admin, herself, acts in the lycée; the platform admin anywhere.
    let catalina_session = s.sign_in("catalina.rossi").await;
    let santu = s.account_id("santu.albertini").await;
    let reset_santu = s.call(&catalina_session, reset(lycee, santu)).await;
    assert_eq!(reset_santu.ok().username, "santu.albertini");
    assert_eq!(
        s.call(&catalina_session, reset(lycee, ghjuvanni))
            .await
            .err(),
        AppError::Forbidden,
        "a parent of the collège too: the lycée's admin cannot take him over either"
    );
    assert_eq!(
        s.call(&catalina_session, everyone(college)).await.err(),
        AppError::Forbidden,
        "a parent in the collège is no admin there"
    );
    let platform = s.sign_in("admin.scola").await;
    let reset_catalina = s.call(&platform, reset(college, catalina)).await;
    assert_eq!(reset_catalina.ok().username, "catalina.rossi");
}

#[tokio::test]
async fn a_withdrawn_parent_loses_the_children_of_the_school() {
    let s = TestServer::start().await;
    let college = s.school_id(COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let parent = s.sign_in("ghjuvanni.pieri").await;
    let ghjuvanni = s.account_id("ghjuvanni.pieri").await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let ghjulia = s.account_id("ghjulia.pieri").await;

    let withdraw = RemoveRole {
        school: college,
        account: ghjuvanni,
        profile: Profile::Parent,
    };
    s.call(&admin, withdraw).await.ok();
    // The link to the collège's pupil went with the role; the lycée's child is another
    // school's, where he is still a parent.
    assert_eq!(parents_of(&s, "lisandru.pieri").await, Vec::<String>::new());
    assert_eq!(parents_of(&s, "ghjulia.pieri").await, ["ghjuvanni.pieri"]);
    let home = s.call(&parent, LoadHome {}).await.ok();
    let children: Vec<&str> = home
        .children
        .iter()
        .map(|c| c.first_name.as_str())
        .collect();
    assert_eq!(children, ["Ghjulia"]);
    assert_eq!(
        s.call(&parent, ViewProfile { id: lisandru }).await.err(),
        AppError::Forbidden
    );
    s.call(&parent, ViewProfile { id: ghjulia }).await.ok();
}

#[tokio::test]
async fn the_childs_admin_sees_and_undoes_any_link() {
    let s = TestServer::start().await;
    let college = s.school_id(COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let ghjuvanni = s.account_id("ghjuvanni.pieri").await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let catalina = s.account_id("catalina.rossi").await;
    let matteu = s.account_id("matteu.rossi").await;
    // A parent role withdrawn before links went with it: the link stayed, and its parent now
    // belongs to the lycée only.
    sqlx::query("DELETE FROM roles WHERE account_id = $1 AND school_id = $2")
        .bind(ghjuvanni.get())
        .bind(college.get())
        .execute(s.app.db.writer())
        .await
        .expect("withdraw");
    let parent = s.sign_in("ghjuvanni.pieri").await;
    let home = s.call(&parent, LoadHome {}).await.ok();
    let children: Vec<&str> = home
        .children
        .iter()
        .map(|c| c.first_name.as_str())
        .collect();
    assert_eq!(
        children,
        ["Ghjulia"],
        "a link without the parent role counts for nothing"
    );
    assert_eq!(
        s.call(&parent, ViewProfile { id: lisandru }).await.err(),
        AppError::Forbidden
    );

    let get = GetAccount {
        school: college,
        account: lisandru,
    };
    let detail = s.call(&admin, get).await.ok();
    assert_eq!(
        first_names(&detail.parents),
        ["Ghjuvanni"],
        "the child's admin sees who is linked to the child"
    );
    let unlink = |parent, child| UnlinkParent {
        school: college,
        parent,
        child,
    };
    s.call(&admin, unlink(ghjuvanni, lisandru)).await.ok();
    assert_eq!(parents_of(&s, "lisandru.pieri").await, Vec::<String>::new());
    assert_eq!(parents_of(&s, "ghjulia.pieri").await, ["ghjuvanni.pieri"]);

    // A parent who runs the lycée is unlinked from a collège pupil by the collège's admin too.
    s.call(&admin, unlink(catalina, matteu)).await.ok();
    assert_eq!(parents_of(&s, "matteu.rossi").await, Vec::<String>::new());
}

#[tokio::test]
async fn an_admin_cannot_become_a_parent_by_their_own_hand() {
    let s = TestServer::start().await;
    let college = s.school_id(COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let petru = s.account_id("petru.casanova").await;
    let anna = s.account_id("anna.colonna").await;
    let parent = AddRole {
        school: college,
        account: petru,
        profile: Profile::Parent,
    };
    s.call(&admin, parent).await.ok();
    let refused_before = audited(&s, "access-refused").await;
    let link = LinkParent {
        school: college,
        parent: petru,
        child: anna,
    };
    let own = s.call(&admin, link.clone()).await;
    assert_eq!(problems(own.err()), [(Field::Parent, Problem::OwnChild)]);
    assert_eq!(parents_of(&s, "anna.colonna").await, Vec::<String>::new());
    assert_eq!(audited(&s, "access-refused").await - refused_before, 1);
    let profile = s.call(&admin, ViewProfile { id: anna }).await.ok();
    assert_eq!(profile.parents, []);

    // The same link made by someone else is an ordinary link.
    let platform = s.sign_in("admin.scola").await;
    s.call(&platform, link).await.ok();
    assert_eq!(parents_of(&s, "anna.colonna").await, ["petru.casanova"]);
}
