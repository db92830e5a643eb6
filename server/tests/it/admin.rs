//! School administration through the real router: accounts, roles, classes and groups, parent
//! links; and every way of being refused.

use crate::support::{Answer, DEMO_PASSWORD, Session, TestServer, token_of};
use serde_json::{Value, json};

const COLLEGE: &str = "7200001N";
const LYCEE: &str = "6200001G";

async fn scalar(s: &TestServer, sql: &'static str, arg: &str) -> i64 {
    use sqlx::Row;
    sqlx::query(sql)
        .bind(arg)
        .fetch_one(s.app.db.pool())
        .await
        .expect("one row")
        .get(0)
}

async fn school(s: &TestServer, uai: &str) -> i64 {
    scalar(s, "SELECT id FROM schools WHERE uai = $1", uai).await
}

async fn group(s: &TestServer, name: &str) -> i64 {
    scalar(s, "SELECT id FROM school_groups WHERE name = $1", name).await
}

async fn audited(s: &TestServer, kind: &str) -> i64 {
    // Refusals are counted per minute in one entry: the count, not the entries.
    scalar(
        s,
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

/// The fields an `Invalid` answer names, with their problems.
fn problems(answer: &Answer) -> Vec<(String, Value)> {
    assert_eq!(answer.error(), "Invalid", "{}", answer.body);
    answer.body["Invalid"]
        .as_array()
        .expect("field errors")
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap_or("").to_owned(),
                e["problem"].clone(),
            )
        })
        .collect()
}

fn names(list: &Value, key: &str) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .filter_map(|v| v[key].as_str().map(str::to_owned))
        .collect()
}

fn query(search: &str, profile: Value, page: u32) -> Value {
    json!({ "search": search, "profile": profile, "page": page })
}

/// Signs in with a one-time password, replaces it and accepts the charter.
async fn first_sign_in(s: &TestServer, username: &str, one_time: &str) -> Session {
    let session = s.sign_in_with(username, one_time).await;
    let change = json!({ "current": one_time, "new": "A lingua corsa hè a nostra" });
    s.call(&session, "auth/change_password", change).await.ok();
    let charter = s.call(&session, "charter/current", json!({})).await;
    let version = charter.ok()["version"].clone();
    s.call(&session, "charter/accept", json!({ "version": version }))
        .await
        .ok();
    session
}

#[tokio::test]
async fn admins_see_the_schools_they_administer() {
    let s = TestServer::start().await;
    let admin = s.sign_in("petru.casanova").await;
    let schools = s.call(&admin, "admin/schools", json!({})).await;
    assert_eq!(names(schools.ok(), "uai"), [COLLEGE]);
    let platform = s.sign_in("admin.scola").await;
    let schools = s.call(&platform, "admin/schools", json!({})).await;
    assert_eq!(
        names(schools.ok(), "name"),
        ["Collège Pasquale Paoli", "Lycée Sampiero Corso"]
    );
    let teacher = s.sign_in("maria.santoni").await;
    assert_eq!(
        s.call(&teacher, "admin/schools", json!({})).await.error(),
        "Forbidden"
    );
    let anon = Session::anonymous();
    assert_eq!(
        s.call(&anon, "admin/schools", json!({})).await.error(),
        "SignInRequired"
    );
}

#[tokio::test]
async fn accounts_are_listed_searched_filtered_and_paged() {
    let s = TestServer::start().await;
    let college = school(&s, COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let list = |q: Value| {
        let admin = admin.clone();
        let s = &s;
        async move {
            s.call(
                &admin,
                "admin/accounts/list",
                json!({ "school": college, "query": q }),
            )
            .await
        }
    };

    let all = list(query("", json!(null), 0)).await;
    let all = all.ok();
    assert_eq!(
        all["total"], 10,
        "everyone with a role in the collège, nobody from the lycée"
    );
    let usernames = names(&all["accounts"], "username");
    assert!(!usernames.contains(&"ghjulia.pieri".to_owned()));
    assert!(!usernames.contains(&"admin.scola".to_owned()));
    let lisandru = all["accounts"]
        .as_array()
        .and_then(|a| a.iter().find(|r| r["username"] == "lisandru.pieri"))
        .expect("lisandru listed");
    assert_eq!(lisandru["profiles"], json!(["Pupil"]));
    assert_eq!(lisandru["class"], "5e A");
    let ghjuvanni = all["accounts"]
        .as_array()
        .and_then(|a| a.iter().find(|r| r["username"] == "ghjuvanni.pieri"))
        .expect("ghjuvanni listed");
    assert_eq!(
        ghjuvanni["profiles"],
        json!(["Parent"]),
        "only the roles held in this school"
    );

    let pieri = list(query("PIERI", json!(null), 0)).await;
    assert_eq!(
        names(&pieri.ok()["accounts"], "username"),
        ["ghjuvanni.pieri", "lisandru.pieri"]
    );
    let full_name = list(query("  anna colonna ", json!(null), 0)).await;
    assert_eq!(
        names(&full_name.ok()["accounts"], "username"),
        ["anna.colonna"]
    );
    let by_login = list(query("matteu.r", json!(null), 0)).await;
    assert_eq!(
        names(&by_login.ok()["accounts"], "username"),
        ["matteu.rossi"]
    );
    let wildcard = list(query("%", json!(null), 0)).await;
    assert_eq!(
        wildcard.ok()["total"],
        0,
        "a % in a search is a % in a name"
    );
    let pupils = list(query("", json!("Pupil"), 0)).await;
    assert_eq!(
        names(&pupils.ok()["accounts"], "username"),
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
        let id = s.call(
            &admin,
            "admin/accounts/create",
            json!({ "school": college, "first_name": format!("Sculare{n:02}"), "last_name": "Test", "profile": "Pupil", "username": null }),
        );
        id.await.ok();
    }
    let first = list(query("", json!("Pupil"), 0)).await;
    let first = first.ok();
    assert_eq!(first["total"], 34);
    assert_eq!(first["page_size"], 25);
    assert_eq!(first["accounts"].as_array().map(Vec::len), Some(25));
    let second = list(query("", json!("Pupil"), 1)).await;
    let second = second.ok();
    assert_eq!(second["accounts"].as_array().map(Vec::len), Some(9));
    let mut seen = names(&first["accounts"], "username");
    seen.extend(names(&second["accounts"], "username"));
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 34, "pages neither overlap nor skip");
    assert!(second["accounts"][0]["profiles"] == json!(["Pupil"]));
    let beyond = list(query("", json!(null), 99)).await;
    assert_eq!(beyond.ok()["accounts"], json!([]));
}

#[tokio::test]
async fn a_new_account_gets_a_login_and_a_one_time_password() {
    let s = TestServer::start().await;
    let college = school(&s, COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let create = |first: &str, last: &str, profile: &str, username: Value| {
        let args = json!({ "school": college, "first_name": first, "last_name": last, "profile": profile, "username": username });
        let admin = admin.clone();
        let s = &s;
        async move { s.call(&admin, "admin/accounts/create", args).await }
    };

    let created = create("Ghjuvan Petru", "Lucciardi", "Pupil", json!(null)).await;
    let created = created.ok().clone();
    assert_eq!(created["username"], "ghjuvanpetru.lucciardi");
    let password = created["one_time_password"]
        .as_str()
        .expect("a password")
        .to_owned();
    assert!(password.len() >= 12, "{password}");
    assert_eq!(audited(&s, "account-created").await, 1);
    let stored = scalar(
        &s,
        "SELECT COUNT(*) FROM audit_log WHERE detail LIKE $1",
        &format!("%{password}%"),
    )
    .await;
    assert_eq!(stored, 0, "the password is never written to the trail");

    // The person signs in with it, and must replace it before anything else.
    let login = s
        .call(
            &Session::anonymous(),
            "auth/login",
            json!({ "username": "ghjuvanpetru.lucciardi", "password": password }),
        )
        .await;
    assert_eq!(login.ok()["must_change_password"], true);
    let session = Session(token_of(&login));
    assert_eq!(
        s.call(&session, "home", json!({})).await.error(),
        "PasswordChangeRequired"
    );
    let session = first_sign_in(&s, "ghjuvanpetru.lucciardi", &password).await;
    let home = s.call(&session, "home", json!({})).await;
    assert_eq!(home.ok()["schools"][0]["profiles"], json!(["Pupil"]));

    // Name collisions get a number; a chosen login name that is taken is reported on its field.
    let second = create("Anna", "Colonna", "Parent", json!(null)).await;
    assert_eq!(second.ok()["username"], "anna.colonna2");
    let third = create("Anna", "Colonna", "Teacher", json!("")).await;
    assert_eq!(third.ok()["username"], "anna.colonna3");
    let taken = create("Anna", "Colonna", "Teacher", json!("Anna.Colonna")).await;
    assert_eq!(problems(&taken), [("Username".to_owned(), json!("Taken"))]);
    let chosen = create("Anna", "Colonna", "Teacher", json!("a.colonna")).await;
    assert_eq!(chosen.ok()["username"], "a.colonna");
    let bad = create("Anna", "Colonna", "Teacher", json!("1 colonna")).await;
    assert_eq!(
        problems(&bad),
        [("Username".to_owned(), json!({ "Account": "Username" }))]
    );
}

#[tokio::test]
async fn bad_input_is_reported_next_to_its_field() {
    let s = TestServer::start().await;
    let college = school(&s, COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let accounts_before = s.count("SELECT COUNT(*) FROM accounts").await;

    let empty = s
        .call(&admin, "admin/accounts/create", json!({ "school": college, "first_name": " ", "last_name": "", "profile": "Pupil", "username": null }))
        .await;
    assert_eq!(
        problems(&empty),
        [
            ("FirstName".to_owned(), json!({ "Account": "EmptyName" })),
            ("LastName".to_owned(), json!({ "Account": "EmptyName" }))
        ]
    );
    let long = s
        .call(&admin, "admin/accounts/create", json!({ "school": college, "first_name": "x".repeat(101), "last_name": "Colonna", "profile": "Pupil", "username": null }))
        .await;
    assert_eq!(
        problems(&long),
        [("FirstName".to_owned(), json!({ "Account": "BadName" }))]
    );
    // Names with nothing to make a login name from: the admin is asked to choose one.
    let unusable = s
        .call(&admin, "admin/accounts/create", json!({ "school": college, "first_name": "李", "last_name": "华", "profile": "Pupil", "username": null }))
        .await;
    assert_eq!(
        problems(&unusable),
        [("Username".to_owned(), json!({ "Account": "Username" }))]
    );
    let bad_profile = s
        .call(&admin, "admin/accounts/create", json!({ "school": college, "first_name": "Anna", "last_name": "Rossi", "profile": "Wizard", "username": null }))
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
        .call(&admin, "admin/accounts/rename", json!({ "school": college, "account": lisandru, "first_name": "Lisandru", "last_name": "\u{7}" }))
        .await;
    assert_eq!(
        problems(&rename),
        [("LastName".to_owned(), json!({ "Account": "BadName" }))]
    );
    let group = s
        .call(
            &admin,
            "admin/groups/create",
            json!({ "school": college, "kind": "Class", "name": "   " }),
        )
        .await;
    assert_eq!(
        problems(&group),
        [("Name".to_owned(), json!({ "School": "EmptyName" }))]
    );
    let bad_kind = s
        .call(
            &admin,
            "admin/groups/create",
            json!({ "school": college, "kind": "Club", "name": "5e C" }),
        )
        .await;
    assert!(!bad_kind.status.is_success());
}

#[tokio::test]
async fn names_are_edited_and_roles_changed() {
    let s = TestServer::start().await;
    let college = school(&s, COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let paola = s.account_id("paola.leca").await;
    let matteu = s.account_id("matteu.rossi").await;

    s.call(&admin, "admin/accounts/rename", json!({ "school": college, "account": paola, "first_name": " Paola  Maria ", "last_name": "Leca-Santucci" }))
        .await
        .ok();
    let detail = s
        .call(
            &admin,
            "admin/accounts/get",
            json!({ "school": college, "account": paola }),
        )
        .await;
    let detail = detail.ok();
    assert_eq!(
        (detail["first_name"].as_str(), detail["last_name"].as_str()),
        (Some("Paola Maria"), Some("Leca-Santucci"))
    );
    assert_eq!(detail["username"], "paola.leca", "the login name stays");

    s.call(
        &admin,
        "admin/accounts/add_role",
        json!({ "school": college, "account": paola, "profile": "Teacher" }),
    )
    .await
    .ok();
    s.call(
        &admin,
        "admin/accounts/add_role",
        json!({ "school": college, "account": paola, "profile": "Teacher" }),
    )
    .await
    .ok();
    let detail = s
        .call(
            &admin,
            "admin/accounts/get",
            json!({ "school": college, "account": paola }),
        )
        .await;
    assert_eq!(detail.ok()["profiles"], json!(["Staff", "Teacher"]));

    // A pupil who leaves the school leaves its classes too.
    assert_eq!(classes_of(&s, "matteu.rossi").await, ["5e A"]);
    s.call(
        &admin,
        "admin/accounts/remove_role",
        json!({ "school": college, "account": matteu, "profile": "Pupil" }),
    )
    .await
    .ok();
    assert_eq!(classes_of(&s, "matteu.rossi").await, Vec::<String>::new());
    assert_eq!(
        s.call(
            &admin,
            "admin/accounts/get",
            json!({ "school": college, "account": matteu })
        )
        .await
        .error(),
        "Forbidden",
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
    let college = school(&s, COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let pupil = s.sign_in("lisandru.pieri").await;
    let lisandru = s.account_id("lisandru.pieri").await;

    let reset = s
        .call(
            &admin,
            "admin/accounts/reset_password",
            json!({ "school": college, "account": lisandru }),
        )
        .await;
    let reset = reset.ok().clone();
    assert_eq!(reset["username"], "lisandru.pieri");
    let password = reset["password"].as_str().expect("a password").to_owned();
    assert_eq!(
        s.call(&pupil, "home", json!({})).await.error(),
        "SignInRequired"
    );
    let old = s
        .call(
            &Session::anonymous(),
            "auth/login",
            json!({ "username": "lisandru.pieri", "password": DEMO_PASSWORD }),
        )
        .await;
    assert_eq!(old.error(), "BadCredentials");
    let fresh = s.sign_in_with("lisandru.pieri", &password).await;
    assert_eq!(
        s.call(&fresh, "home", json!({})).await.error(),
        "PasswordChangeRequired"
    );
    assert_eq!(audited(&s, "password-reset").await, 1);
    // The admin's own session is untouched.
    s.call(&admin, "admin/schools", json!({})).await.ok();
}

#[tokio::test]
async fn classes_and_groups_are_created_renamed_and_deleted() {
    let s = TestServer::start().await;
    let college = school(&s, COLLEGE).await;
    let lycee = school(&s, LYCEE).await;
    let admin = s.sign_in("petru.casanova").await;

    let listed = s
        .call(&admin, "admin/groups/list", json!({ "school": college }))
        .await;
    let listed = listed.ok();
    assert_eq!(
        names(listed, "name"),
        ["5e A", "5e B", "Lingua corsa 5e"],
        "classes first"
    );
    assert_eq!(listed[0]["members"], 2);
    assert_eq!(listed[0]["teachers"], 1);

    let created = s
        .call(
            &admin,
            "admin/groups/create",
            json!({ "school": college, "kind": "Class", "name": " 5e C " }),
        )
        .await;
    let id = created.ok().clone();
    let again = s
        .call(
            &admin,
            "admin/groups/create",
            json!({ "school": college, "kind": "Group", "name": "5e C" }),
        )
        .await;
    assert_eq!(problems(&again), [("Name".to_owned(), json!("NameTaken"))]);
    // The same name in another school is another class.
    let platform = s.sign_in("admin.scola").await;
    s.call(
        &platform,
        "admin/groups/create",
        json!({ "school": lycee, "kind": "Class", "name": "5e C" }),
    )
    .await
    .ok();

    let taken = s
        .call(
            &admin,
            "admin/groups/rename",
            json!({ "group": id, "name": "5e B" }),
        )
        .await;
    assert_eq!(problems(&taken), [("Name".to_owned(), json!("NameTaken"))]);
    s.call(
        &admin,
        "admin/groups/rename",
        json!({ "group": id, "name": "5e Cismonte" }),
    )
    .await
    .ok();
    let detail = s
        .call(&admin, "admin/groups/get", json!({ "group": id }))
        .await;
    let detail = detail.ok();
    assert_eq!(
        (detail["name"].as_str(), detail["kind"].as_str()),
        (Some("5e Cismonte"), Some("Class"))
    );
    assert_eq!(detail["school"], college);

    let lisandru = s.account_id("lisandru.pieri").await;
    s.call(
        &admin,
        "admin/groups/add_member",
        json!({ "group": id, "account": lisandru }),
    )
    .await
    .ok();
    s.call(&admin, "admin/groups/delete", json!({ "group": id }))
        .await
        .ok();
    assert_eq!(
        s.call(&admin, "admin/groups/get", json!({ "group": id }))
            .await
            .error(),
        "Forbidden"
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
        group(&s, "5e A").await,
        group(&s, "5e B").await,
        group(&s, "Lingua corsa 5e").await,
    );

    let moved = s
        .call(
            &admin,
            "admin/groups/add_member",
            json!({ "group": cinq_b, "account": lisandru }),
        )
        .await;
    assert_eq!(moved.ok(), &json!(["5e A"]), "the class left is named");
    assert_eq!(classes_of(&s, "lisandru.pieri").await, ["5e B"]);
    let same = s
        .call(
            &admin,
            "admin/groups/add_member",
            json!({ "group": cinq_b, "account": lisandru }),
        )
        .await;
    assert_eq!(same.ok(), &json!([]));
    assert_eq!(classes_of(&s, "lisandru.pieri").await, ["5e B"]);

    let created = s
        .call(
            &admin,
            "admin/groups/create",
            json!({ "school": school(&s, COLLEGE).await, "kind": "Group", "name": "Latin 5e" }),
        )
        .await;
    let latin = created.ok().clone();
    let joined = s
        .call(
            &admin,
            "admin/groups/add_member",
            json!({ "group": latin, "account": lisandru }),
        )
        .await;
    assert_eq!(joined.ok(), &json!([]), "joining a group leaves nothing");
    let detail = s
        .call(&admin, "admin/groups/get", json!({ "group": corsu }))
        .await;
    assert!(names(&detail.ok()["members"], "first_name").contains(&"Lisandru".to_owned()));
    assert_eq!(classes_of(&s, "lisandru.pieri").await, ["5e B"]);

    // Only pupils of the school are class members.
    let paola = s.account_id("paola.leca").await;
    let staff = s
        .call(
            &admin,
            "admin/groups/add_member",
            json!({ "group": cinq_a, "account": paola }),
        )
        .await;
    assert_eq!(
        problems(&staff),
        [("Member".to_owned(), json!({ "Place": "Pupil" }))]
    );

    s.call(
        &admin,
        "admin/groups/remove_member",
        json!({ "group": cinq_b, "account": lisandru }),
    )
    .await
    .ok();
    assert_eq!(classes_of(&s, "lisandru.pieri").await, Vec::<String>::new());
}

#[tokio::test]
async fn a_pupil_placed_in_two_classes_at_once_ends_up_in_one() {
    let s = TestServer::start().await;
    let college = school(&s, COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let cinq_b = group(&s, "5e B").await;
    let created = s
        .call(
            &admin,
            "admin/groups/create",
            json!({ "school": college, "kind": "Class", "name": "5e C" }),
        )
        .await;
    let cinq_c = created.ok().clone();
    for _ in 0..5 {
        let (b, c) = tokio::join!(
            s.call(
                &admin,
                "admin/groups/add_member",
                json!({ "group": cinq_b, "account": lisandru })
            ),
            s.call(
                &admin,
                "admin/groups/add_member",
                json!({ "group": cinq_c, "account": lisandru })
            ),
        );
        b.ok();
        c.ok();
        assert_eq!(classes_of(&s, "lisandru.pieri").await.len(), 1);
    }
}

#[tokio::test]
async fn teachers_are_assigned_with_a_subject_of_the_school() {
    let s = TestServer::start().await;
    let college = school(&s, COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let maria = s.account_id("maria.santoni").await;
    let cinq_b = group(&s, "5e B").await;

    let subjects = s
        .call(&admin, "admin/subjects", json!({ "school": college }))
        .await;
    let subjects = subjects.ok().clone();
    assert_eq!(names(&subjects, "name"), ["Langue corse", "Mathématiques"]);
    let maths = subjects[1]["id"].clone();
    s.call(
        &admin,
        "admin/groups/assign_teacher",
        json!({ "group": cinq_b, "account": maria, "subject": maths }),
    )
    .await
    .ok();
    let detail = s
        .call(&admin, "admin/groups/get", json!({ "group": cinq_b }))
        .await;
    let teachers = detail.ok()["teachers"].clone();
    assert_eq!(teachers[0]["first_name"], "Maria");
    assert_eq!(teachers[0]["subject"]["name"], "Mathématiques");
    // Assigning again changes the subject rather than adding a second teaching.
    s.call(
        &admin,
        "admin/groups/assign_teacher",
        json!({ "group": cinq_b, "account": maria, "subject": null }),
    )
    .await
    .ok();
    let detail = s
        .call(&admin, "admin/groups/get", json!({ "group": cinq_b }))
        .await;
    let teachers = detail.ok()["teachers"].clone();
    assert_eq!(teachers.as_array().map(Vec::len), Some(1));
    assert_eq!(teachers[0]["subject"], json!(null));

    // The teacher now sees the class on her home page.
    let teacher = s.sign_in("maria.santoni").await;
    let home = s.call(&teacher, "home", json!({})).await;
    let college_groups = home.ok()["schools"]
        .as_array()
        .and_then(|a| a.iter().find(|sc| sc["uai"] == COLLEGE))
        .map(|sc| names(&sc["groups"], "name"))
        .unwrap_or_default();
    assert!(
        college_groups.contains(&"5e B".to_owned()),
        "{college_groups:?}"
    );

    let anna = s.account_id("anna.colonna").await;
    let pupil = s
        .call(
            &admin,
            "admin/groups/assign_teacher",
            json!({ "group": cinq_b, "account": anna, "subject": null }),
        )
        .await;
    assert_eq!(
        problems(&pupil),
        [("Teacher".to_owned(), json!({ "Place": "Teacher" }))]
    );

    s.call(
        &admin,
        "admin/groups/unassign_teacher",
        json!({ "group": cinq_b, "account": maria }),
    )
    .await
    .ok();
    let detail = s
        .call(&admin, "admin/groups/get", json!({ "group": cinq_b }))
        .await;
    assert_eq!(detail.ok()["teachers"], json!([]));
}

#[tokio::test]
async fn a_linked_parent_sees_the_child_at_home() {
    let s = TestServer::start().await;
    let college = school(&s, COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let created = s
        .call(&admin, "admin/accounts/create", json!({ "school": college, "first_name": "Maria Ghjuvanna", "last_name": "Colonna", "profile": "Parent", "username": null }))
        .await;
    let created = created.ok().clone();
    let parent = created["id"].clone();
    let anna = s.account_id("anna.colonna").await;
    s.call(
        &admin,
        "admin/links/add",
        json!({ "school": college, "parent": parent, "child": anna }),
    )
    .await
    .ok();
    s.call(
        &admin,
        "admin/links/add",
        json!({ "school": college, "parent": parent, "child": anna }),
    )
    .await
    .ok();

    let username = created["username"].as_str().expect("username");
    let password = created["one_time_password"].as_str().expect("password");
    let session = first_sign_in(&s, username, password).await;
    let home = s.call(&session, "home", json!({})).await;
    let children = home.ok()["children"].clone();
    assert_eq!(names(&children, "first_name"), ["Anna"]);
    assert_eq!(children[0]["class"], "5e B");
    let detail = s
        .call(
            &admin,
            "admin/accounts/get",
            json!({ "school": college, "account": anna }),
        )
        .await;
    assert_eq!(
        names(&detail.ok()["parents"], "first_name"),
        ["Maria Ghjuvanna"]
    );

    // Each side must hold the right profile in the school.
    let lisandru = s.account_id("lisandru.pieri").await;
    let paola = s.account_id("paola.leca").await;
    let wrong = s
        .call(
            &admin,
            "admin/links/add",
            json!({ "school": college, "parent": lisandru, "child": paola }),
        )
        .await;
    assert_eq!(
        problems(&wrong),
        [
            ("Parent".to_owned(), json!({ "Place": "Parent" })),
            ("Child".to_owned(), json!({ "Place": "Pupil" }))
        ]
    );
    let itself = s
        .call(
            &admin,
            "admin/links/add",
            json!({ "school": college, "parent": lisandru, "child": lisandru }),
        )
        .await;
    assert_eq!(
        problems(&itself),
        [("Child".to_owned(), json!("SamePerson"))]
    );

    s.call(
        &admin,
        "admin/links/remove",
        json!({ "school": college, "parent": parent, "child": anna }),
    )
    .await
    .ok();
    let home = s.call(&session, "home", json!({})).await;
    assert_eq!(home.ok()["children"], json!([]));
}

#[tokio::test]
async fn an_admin_cannot_reach_into_another_school() {
    let s = TestServer::start().await;
    let college = school(&s, COLLEGE).await;
    let lycee = school(&s, LYCEE).await;
    let admin = s.sign_in("petru.casanova").await;
    let ghjulia = s.account_id("ghjulia.pieri").await;
    let santu = s.account_id("santu.albertini").await;
    let ghjuvanni = s.account_id("ghjuvanni.pieri").await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let platform = s.account_id("admin.scola").await;
    let seconde = group(&s, "2nde 1").await;
    let cinq_a = group(&s, "5e A").await;
    let max_account = s.count("SELECT MAX(id) FROM accounts").await;
    let max_group = s.count("SELECT MAX(id) FROM school_groups").await;
    let lycee_maths = scalar(
        &s,
        "SELECT s.id FROM subjects s JOIN schools sc ON sc.id = s.school_id WHERE sc.uai = $1",
        LYCEE,
    )
    .await;
    let maria = s.account_id("maria.santoni").await;
    let refused_before = audited(&s, "access-refused").await;

    let cases: Vec<(&str, Value)> = vec![
        (
            "admin/accounts/list",
            json!({ "school": lycee, "query": query("", json!(null), 0) }),
        ),
        (
            "admin/accounts/create",
            json!({ "school": lycee, "first_name": "A", "last_name": "B", "profile": "Pupil", "username": null }),
        ),
        (
            "admin/accounts/get",
            json!({ "school": lycee, "account": ghjulia }),
        ),
        (
            "admin/accounts/get",
            json!({ "school": college, "account": ghjulia }),
        ),
        (
            "admin/accounts/get",
            json!({ "school": college, "account": max_account + 1 }),
        ),
        (
            "admin/accounts/get",
            json!({ "school": college, "account": platform }),
        ),
        (
            "admin/accounts/rename",
            json!({ "school": college, "account": ghjulia, "first_name": "X", "last_name": "Y" }),
        ),
        (
            "admin/accounts/reset_password",
            json!({ "school": college, "account": ghjulia }),
        ),
        (
            "admin/accounts/reset_password",
            json!({ "school": college, "account": platform }),
        ),
        (
            "admin/accounts/add_role",
            json!({ "school": college, "account": ghjulia, "profile": "Pupil" }),
        ),
        (
            "admin/accounts/add_role",
            json!({ "school": lycee, "account": lisandru, "profile": "Pupil" }),
        ),
        (
            "admin/accounts/remove_role",
            json!({ "school": lycee, "account": santu, "profile": "Pupil" }),
        ),
        (
            "admin/links/add",
            json!({ "school": college, "parent": ghjuvanni, "child": ghjulia }),
        ),
        (
            "admin/links/remove",
            json!({ "school": college, "parent": ghjuvanni, "child": ghjulia }),
        ),
        ("admin/groups/list", json!({ "school": lycee })),
        (
            "admin/groups/create",
            json!({ "school": lycee, "kind": "Class", "name": "2nde 2" }),
        ),
        ("admin/groups/get", json!({ "group": seconde })),
        ("admin/groups/get", json!({ "group": max_group + 1 })),
        (
            "admin/groups/rename",
            json!({ "group": seconde, "name": "2nde A" }),
        ),
        ("admin/groups/delete", json!({ "group": seconde })),
        (
            "admin/groups/add_member",
            json!({ "group": seconde, "account": lisandru }),
        ),
        (
            "admin/groups/add_member",
            json!({ "group": cinq_a, "account": ghjulia }),
        ),
        (
            "admin/groups/add_member",
            json!({ "group": cinq_a, "account": max_account + 1 }),
        ),
        (
            "admin/groups/remove_member",
            json!({ "group": seconde, "account": santu }),
        ),
        (
            "admin/groups/assign_teacher",
            json!({ "group": seconde, "account": maria, "subject": null }),
        ),
        (
            "admin/groups/assign_teacher",
            json!({ "group": cinq_a, "account": maria, "subject": lycee_maths }),
        ),
        (
            "admin/groups/unassign_teacher",
            json!({ "group": seconde, "account": maria }),
        ),
        ("admin/subjects", json!({ "school": lycee })),
    ];
    for (endpoint, args) in &cases {
        let answer = s.call(&admin, endpoint, args.clone()).await;
        assert_eq!(answer.error(), "Forbidden", "{endpoint} {args}");
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
    let list = s
        .call(
            &platform,
            "admin/accounts/list",
            json!({ "school": lycee, "query": query("", json!(null), 0) }),
        )
        .await;
    assert_eq!(list.ok()["total"], 5);
    s.call(
        &platform,
        "admin/accounts/add_role",
        json!({ "school": lycee, "account": lisandru, "profile": "Guest" }),
    )
    .await
    .ok();
}

#[tokio::test]
async fn only_admins_may_call_admin_functions() {
    let s = TestServer::start().await;
    let college = school(&s, COLLEGE).await;
    let anna = s.account_id("anna.colonna").await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let ghjuvanni = s.account_id("ghjuvanni.pieri").await;
    let cinq_a = group(&s, "5e A").await;
    let maria = s.account_id("maria.santoni").await;
    let calls: Vec<(&str, Value)> = vec![
        ("admin/schools", json!({})),
        (
            "admin/accounts/list",
            json!({ "school": college, "query": query("", json!(null), 0) }),
        ),
        (
            "admin/accounts/get",
            json!({ "school": college, "account": anna }),
        ),
        (
            "admin/accounts/create",
            json!({ "school": college, "first_name": "A", "last_name": "B", "profile": "Pupil", "username": null }),
        ),
        (
            "admin/accounts/rename",
            json!({ "school": college, "account": anna, "first_name": "X", "last_name": "Y" }),
        ),
        (
            "admin/accounts/reset_password",
            json!({ "school": college, "account": anna }),
        ),
        (
            "admin/accounts/add_role",
            json!({ "school": college, "account": anna, "profile": "SchoolAdmin" }),
        ),
        (
            "admin/accounts/remove_role",
            json!({ "school": college, "account": anna, "profile": "Pupil" }),
        ),
        (
            "admin/links/add",
            json!({ "school": college, "parent": ghjuvanni, "child": anna }),
        ),
        (
            "admin/links/remove",
            json!({ "school": college, "parent": ghjuvanni, "child": lisandru }),
        ),
        ("admin/groups/list", json!({ "school": college })),
        ("admin/groups/get", json!({ "group": cinq_a })),
        (
            "admin/groups/create",
            json!({ "school": college, "kind": "Class", "name": "5e Z" }),
        ),
        (
            "admin/groups/rename",
            json!({ "group": cinq_a, "name": "5e Z" }),
        ),
        ("admin/groups/delete", json!({ "group": cinq_a })),
        (
            "admin/groups/add_member",
            json!({ "group": cinq_a, "account": anna }),
        ),
        (
            "admin/groups/remove_member",
            json!({ "group": cinq_a, "account": lisandru }),
        ),
        (
            "admin/groups/assign_teacher",
            json!({ "group": cinq_a, "account": maria, "subject": null }),
        ),
        (
            "admin/groups/unassign_teacher",
            json!({ "group": cinq_a, "account": maria }),
        ),
        ("admin/subjects", json!({ "school": college })),
    ];
    for who in [
        "maria.santoni",
        "lisandru.pieri",
        "ghjuvanni.pieri",
        "paola.leca",
        "invite.demo",
    ] {
        let session = s.sign_in(who).await;
        for (endpoint, args) in &calls {
            let answer = s.call(&session, endpoint, args.clone()).await;
            assert_eq!(answer.error(), "Forbidden", "{who} → {endpoint}");
        }
    }
    for (endpoint, args) in &calls {
        let answer = s.call(&Session::anonymous(), endpoint, args.clone()).await;
        assert_eq!(answer.error(), "SignInRequired", "anonymous → {endpoint}");
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
    let college = school(&s, COLLEGE).await;
    let lycee = school(&s, LYCEE).await;
    let admin = s.sign_in("petru.casanova").await;
    let catalina = s.account_id("catalina.rossi").await;
    let maria = s.account_id("maria.santoni").await;
    let ghjuvanni = s.account_id("ghjuvanni.pieri").await;
    let lucia = s.account_id("lucia.vincenti").await;
    let cinq_a = group(&s, "5e A").await;
    let refused_before = audited(&s, "access-refused").await;

    // Catalina Rossi runs the lycée and is a parent in the collège: the collège's admin could
    // sign in as her after a reset, so neither her password, nor her names, nor her roles, nor
    // her places are his to change. A teacher or a parent of both schools keeps password and
    // names out of reach too (they open the other school), but is placed in this one.
    let refused: Vec<(&str, Value)> = vec![
        (
            "admin/accounts/reset_password",
            json!({ "school": college, "account": catalina }),
        ),
        (
            "admin/accounts/rename",
            json!({ "school": college, "account": catalina, "first_name": "Catalina", "last_name": "Casanova" }),
        ),
        (
            "admin/accounts/add_role",
            json!({ "school": college, "account": catalina, "profile": "SchoolAdmin" }),
        ),
        (
            "admin/accounts/remove_role",
            json!({ "school": college, "account": catalina, "profile": "Parent" }),
        ),
        (
            "admin/groups/add_member",
            json!({ "group": cinq_a, "account": catalina }),
        ),
        (
            "admin/links/add",
            json!({ "school": college, "parent": catalina, "child": lucia }),
        ),
        (
            "admin/accounts/reset_password",
            json!({ "school": college, "account": maria }),
        ),
        (
            "admin/accounts/rename",
            json!({ "school": college, "account": maria, "first_name": "Maria", "last_name": "X" }),
        ),
        (
            "admin/accounts/reset_password",
            json!({ "school": college, "account": ghjuvanni }),
        ),
    ];
    for (endpoint, args) in &refused {
        let answer = s.call(&admin, endpoint, args.clone()).await;
        assert_eq!(answer.error(), "Forbidden", "{endpoint} {args}");
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
    s.call(
        &admin,
        "admin/accounts/add_role",
        json!({ "school": college, "account": maria, "profile": "Guest" }),
    )
    .await
    .ok();
    s.call(
        &admin,
        "admin/groups/unassign_teacher",
        json!({ "group": cinq_a, "account": maria }),
    )
    .await
    .ok();
    s.call(
        &admin,
        "admin/accounts/add_role",
        json!({ "school": college, "account": ghjuvanni, "profile": "Guest" }),
    )
    .await
    .ok();

    // The account page says what may be changed, and still shows her.
    let may = |account: i64| {
        let admin = admin.clone();
        let s = &s;
        async move {
            let detail = s
                .call(
                    &admin,
                    "admin/accounts/get",
                    json!({ "school": college, "account": account }),
                )
                .await;
            detail.ok()["may"].clone()
        }
    };
    assert_eq!(
        may(catalina).await,
        json!({ "account_wide": false, "in_school": false })
    );
    assert_eq!(
        may(maria).await,
        json!({ "account_wide": false, "in_school": true })
    );
    assert_eq!(
        may(lucia).await,
        json!({ "account_wide": true, "in_school": true })
    );

    // Her own school's admin, herself, acts in the lycée; the platform admin anywhere.
    let catalina_session = s.sign_in("catalina.rossi").await;
    let santu = s.account_id("santu.albertini").await;
    let reset = s
        .call(
            &catalina_session,
            "admin/accounts/reset_password",
            json!({ "school": lycee, "account": santu }),
        )
        .await;
    assert_eq!(reset.ok()["username"], "santu.albertini");
    assert_eq!(
        s.call(
            &catalina_session,
            "admin/accounts/reset_password",
            json!({ "school": lycee, "account": ghjuvanni }),
        )
        .await
        .error(),
        "Forbidden",
        "a parent of the collège too: the lycée's admin cannot take him over either"
    );
    assert_eq!(
        s.call(
            &catalina_session,
            "admin/accounts/list",
            json!({ "school": college, "query": query("", json!(null), 0) }),
        )
        .await
        .error(),
        "Forbidden",
        "a parent in the collège is no admin there"
    );
    let platform = s.sign_in("admin.scola").await;
    let reset = s
        .call(
            &platform,
            "admin/accounts/reset_password",
            json!({ "school": college, "account": catalina }),
        )
        .await;
    assert_eq!(reset.ok()["username"], "catalina.rossi");
}

#[tokio::test]
async fn a_withdrawn_parent_loses_the_children_of_the_school() {
    let s = TestServer::start().await;
    let college = school(&s, COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let parent = s.sign_in("ghjuvanni.pieri").await;
    let ghjuvanni = s.account_id("ghjuvanni.pieri").await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let ghjulia = s.account_id("ghjulia.pieri").await;

    s.call(
        &admin,
        "admin/accounts/remove_role",
        json!({ "school": college, "account": ghjuvanni, "profile": "Parent" }),
    )
    .await
    .ok();
    // The link to the collège's pupil went with the role; the lycée's child is another
    // school's, where he is still a parent.
    assert_eq!(parents_of(&s, "lisandru.pieri").await, Vec::<String>::new());
    assert_eq!(parents_of(&s, "ghjulia.pieri").await, ["ghjuvanni.pieri"]);
    let home = s.call(&parent, "home", json!({})).await;
    assert_eq!(names(&home.ok()["children"], "first_name"), ["Ghjulia"]);
    assert_eq!(
        s.call(&parent, "profile/get", json!({ "id": lisandru }))
            .await
            .error(),
        "Forbidden"
    );
    s.call(&parent, "profile/get", json!({ "id": ghjulia }))
        .await
        .ok();
}

#[tokio::test]
async fn the_childs_admin_sees_and_undoes_any_link() {
    let s = TestServer::start().await;
    let college = school(&s, COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let ghjuvanni = s.account_id("ghjuvanni.pieri").await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let catalina = s.account_id("catalina.rossi").await;
    let matteu = s.account_id("matteu.rossi").await;
    // A parent role withdrawn before links went with it: the link stayed, and its parent now
    // belongs to the lycée only.
    sqlx::query("DELETE FROM roles WHERE account_id = $1 AND school_id = $2")
        .bind(ghjuvanni)
        .bind(college)
        .execute(s.app.db.pool())
        .await
        .expect("withdraw");
    let parent = s.sign_in("ghjuvanni.pieri").await;
    let home = s.call(&parent, "home", json!({})).await;
    assert_eq!(
        names(&home.ok()["children"], "first_name"),
        ["Ghjulia"],
        "a link without the parent role counts for nothing"
    );
    assert_eq!(
        s.call(&parent, "profile/get", json!({ "id": lisandru }))
            .await
            .error(),
        "Forbidden"
    );

    let detail = s
        .call(
            &admin,
            "admin/accounts/get",
            json!({ "school": college, "account": lisandru }),
        )
        .await;
    assert_eq!(
        names(&detail.ok()["parents"], "first_name"),
        ["Ghjuvanni"],
        "the child's admin sees who is linked to the child"
    );
    s.call(
        &admin,
        "admin/links/remove",
        json!({ "school": college, "parent": ghjuvanni, "child": lisandru }),
    )
    .await
    .ok();
    assert_eq!(parents_of(&s, "lisandru.pieri").await, Vec::<String>::new());
    assert_eq!(parents_of(&s, "ghjulia.pieri").await, ["ghjuvanni.pieri"]);

    // A parent who runs the lycée is unlinked from a collège pupil by the collège's admin too.
    s.call(
        &admin,
        "admin/links/remove",
        json!({ "school": college, "parent": catalina, "child": matteu }),
    )
    .await
    .ok();
    assert_eq!(parents_of(&s, "matteu.rossi").await, Vec::<String>::new());
}

#[tokio::test]
async fn an_admin_cannot_become_a_parent_by_their_own_hand() {
    let s = TestServer::start().await;
    let college = school(&s, COLLEGE).await;
    let admin = s.sign_in("petru.casanova").await;
    let petru = s.account_id("petru.casanova").await;
    let anna = s.account_id("anna.colonna").await;
    s.call(
        &admin,
        "admin/accounts/add_role",
        json!({ "school": college, "account": petru, "profile": "Parent" }),
    )
    .await
    .ok();
    let refused_before = audited(&s, "access-refused").await;
    let own = s
        .call(
            &admin,
            "admin/links/add",
            json!({ "school": college, "parent": petru, "child": anna }),
        )
        .await;
    assert_eq!(problems(&own), [("Parent".to_owned(), json!("OwnChild"))]);
    assert_eq!(parents_of(&s, "anna.colonna").await, Vec::<String>::new());
    assert_eq!(audited(&s, "access-refused").await - refused_before, 1);
    assert_eq!(
        s.call(&admin, "profile/get", json!({ "id": anna }))
            .await
            .ok()["parents"],
        json!([])
    );

    // The same link made by someone else is an ordinary link.
    let platform = s.sign_in("admin.scola").await;
    s.call(
        &platform,
        "admin/links/add",
        json!({ "school": college, "parent": petru, "child": anna }),
    )
    .await
    .ok();
    assert_eq!(parents_of(&s, "anna.colonna").await, ["petru.casanova"]);
}
