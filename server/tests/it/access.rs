//! Who sees whom: home pages and profiles, refusals included.

use crate::support::{Session, TestServer};
use serde_json::json;

#[tokio::test]
async fn each_profile_lands_on_its_own_home() {
    let s = TestServer::start().await;

    let pupil = s.sign_in("lisandru.pieri").await;
    let home = s.call(&pupil, "home", json!({})).await;
    let home = home.ok();
    assert_eq!(home["schools"].as_array().map(Vec::len), Some(1));
    assert_eq!(home["schools"][0]["profiles"], json!(["Pupil"]));
    let groups: Vec<&str> = home["schools"][0]["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .filter_map(|g| g["name"].as_str())
        .collect();
    assert_eq!(groups, ["5e A", "Lingua corsa 5e"]);
    assert_eq!(home["services"], json!(["MyAccount", "Charter"]));

    let parent = s.sign_in("ghjuvanni.pieri").await;
    let home = s.call(&parent, "home", json!({})).await;
    let children: Vec<(String, String)> = home.ok()["children"]
        .as_array()
        .expect("children")
        .iter()
        .map(|c| {
            (
                c["first_name"].as_str().unwrap_or("").to_owned(),
                c["class"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        children,
        [
            ("Ghjulia".to_owned(), "2nde 1".to_owned()),
            ("Lisandru".to_owned(), "5e A".to_owned())
        ],
        "a parent sees children of two schools from one login"
    );

    let teacher = s.sign_in("maria.santoni").await;
    let home = s.call(&teacher, "home", json!({})).await;
    assert_eq!(home.ok()["schools"].as_array().map(Vec::len), Some(2));

    let admin = s.sign_in("petru.casanova").await;
    let home = s.call(&admin, "home", json!({})).await;
    assert_eq!(
        home.ok()["services"],
        json!(["SchoolAdministration", "MyAccount", "Charter"])
    );

    let platform = s.sign_in("admin.scola").await;
    let home = s.call(&platform, "home", json!({})).await;
    assert_eq!(
        home.ok()["services"],
        json!([
            "PlatformAdministration",
            "SchoolAdministration",
            "MyAccount",
            "Charter"
        ])
    );
}

#[tokio::test]
async fn profiles_are_seen_only_by_those_related() {
    let s = TestServer::start().await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let anna = s.account_id("anna.colonna").await;
    let ghjulia = s.account_id("ghjulia.pieri").await;
    let max_id = s.count("SELECT MAX(id) FROM accounts").await;

    let cases: &[(&str, i64, &str)] = &[
        ("lisandru.pieri", lisandru, "ok"),
        ("lisandru.pieri", anna, "Forbidden"),
        ("lisandru.pieri", lisandru + 1, "Forbidden"),
        ("lisandru.pieri", max_id + 1, "Forbidden"),
        ("ghjuvanni.pieri", lisandru, "ok"),
        ("ghjuvanni.pieri", ghjulia, "ok"),
        ("ghjuvanni.pieri", anna, "Forbidden"),
        ("maria.santoni", lisandru, "ok"),
        (
            "maria.santoni",
            s.account_id("lucia.vincenti").await,
            "Forbidden",
        ),
        ("paola.leca", anna, "ok"),
        ("paola.leca", ghjulia, "Forbidden"),
        ("petru.casanova", anna, "ok"),
        ("petru.casanova", ghjulia, "Forbidden"),
        ("invite.demo", anna, "Forbidden"),
        ("admin.scola", ghjulia, "ok"),
    ];
    for (who, target, expected) in cases {
        let session = s.sign_in(who).await;
        let answer = s
            .call(&session, "profile/get", json!({ "id": target }))
            .await;
        let got = if answer.status.is_success() {
            "ok".to_owned()
        } else {
            answer.error()
        };
        if got == "Forbidden" {
            assert_eq!(answer.status.as_u16(), 403);
        }
        assert_eq!(&got, expected, "{who} → account {target}");
        if got == "ok" {
            assert!(answer.body.get("password_hash").is_none());
        }
    }
    assert_eq!(
        s.call(
            &Session::anonymous(),
            "profile/get",
            json!({ "id": lisandru })
        )
        .await
        .error(),
        "SignInRequired"
    );
    let refused = s
        .count("SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) FROM audit_log WHERE kind = 'access-refused'")
        .await;
    assert!(
        refused >= 9,
        "every refusal is in the audit trail ({refused})"
    );
}

#[tokio::test]
async fn the_audit_trail_is_for_admins() {
    let s = TestServer::start().await;
    let admin = s.sign_in("petru.casanova").await;
    let college = {
        use sqlx::Row;
        sqlx::query("SELECT id FROM schools WHERE uai = '7200001N'")
            .fetch_one(s.app.db.pool())
            .await
            .expect("school")
            .get::<i64, _>(0)
    };
    let lycee = college + 1;
    let entries = s
        .call(&admin, "audit/list", json!({ "school": college }))
        .await;
    assert!(entries.ok()["entries"].is_array());
    assert_eq!(
        s.call(&admin, "audit/list", json!({ "school": lycee }))
            .await
            .error(),
        "Forbidden"
    );
    assert_eq!(
        s.call(&admin, "audit/list", json!({ "school": null }))
            .await
            .error(),
        "Forbidden"
    );
    let teacher = s.sign_in("maria.santoni").await;
    assert_eq!(
        s.call(&teacher, "audit/list", json!({ "school": college }))
            .await
            .error(),
        "Forbidden"
    );
    let platform = s.sign_in("admin.scola").await;
    s.call(&platform, "audit/list", json!({ "school": null }))
        .await
        .ok();
}

/// What a profile lists, as comparable text: roles as `profile@school`, groups, parents and
/// children by first name.
fn seen(profile: &serde_json::Value) -> (Vec<String>, Vec<String>, Vec<String>, Vec<String>) {
    let list = |key: &str, f: &dyn Fn(&serde_json::Value) -> String| -> Vec<String> {
        profile[key]
            .as_array()
            .unwrap_or_else(|| panic!("{key} in {profile}"))
            .iter()
            .map(f)
            .collect()
    };
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
    (
        list("roles", &|r| {
            format!(
                "{}@{}",
                text(&r["role"]["profile"]),
                text(&r["school_name"])
            )
        }),
        list("groups", &|g| text(&g["name"])),
        list("parents", &|p| text(&p["first_name"])),
        list("children", &|c| text(&c["first_name"])),
    )
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

#[tokio::test]
async fn profiles_show_only_what_concerns_the_callers_schools() {
    let s = TestServer::start().await;
    let ghjuvanni = s.account_id("ghjuvanni.pieri").await;
    let ghjulia = s.account_id("ghjulia.pieri").await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let maria = s.account_id("maria.santoni").await;
    let catalina = s.account_id("catalina.rossi").await;
    const COLLEGE: &str = "Collège Pasquale Paoli";
    const LYCEE: &str = "Lycée Sampiero Corso";
    let role = |profile: &str, school: &str| format!("{profile}@{school}");

    type Expected = (Vec<String>, Vec<String>, Vec<String>, Vec<String>);
    let cases: Vec<(&str, i64, Expected)> = vec![
        // Staff of the collège: a parent of both schools as the collège knows him.
        (
            "paola.leca",
            ghjuvanni,
            (
                vec![role("Parent", COLLEGE)],
                vec![],
                vec![],
                strings(&["Lisandru"]),
            ),
        ),
        // The lycée's admin (a parent in the collège herself): the same parent, lycée side.
        (
            "catalina.rossi",
            ghjuvanni,
            (
                vec![role("Parent", LYCEE)],
                vec![],
                vec![],
                strings(&["Ghjulia"]),
            ),
        ),
        // The collège's admin: a teacher of both schools, collège side.
        (
            "petru.casanova",
            maria,
            (
                vec![role("Teacher", COLLEGE)],
                strings(&["5e A", "Lingua corsa 5e"]),
                vec![],
                vec![],
            ),
        ),
        // The collège's admin: the lycée's admin is only a parent in the collège.
        (
            "petru.casanova",
            catalina,
            (
                vec![role("Parent", COLLEGE)],
                vec![],
                vec![],
                strings(&["Matteu"]),
            ),
        ),
        // A teacher of both schools, on a pupil of her class: her parent counts there.
        (
            "maria.santoni",
            lisandru,
            (
                vec![role("Pupil", COLLEGE)],
                strings(&["5e A", "Lingua corsa 5e"]),
                strings(&["Ghjuvanni"]),
                vec![],
            ),
        ),
        // A parent sees his child everywhere, and himself everywhere.
        (
            "ghjuvanni.pieri",
            ghjulia,
            (
                vec![role("Pupil", LYCEE)],
                strings(&["2nde 1"]),
                strings(&["Ghjuvanni"]),
                vec![],
            ),
        ),
        (
            "ghjuvanni.pieri",
            ghjuvanni,
            (
                vec![role("Parent", COLLEGE), role("Parent", LYCEE)],
                vec![],
                vec![],
                strings(&["Ghjulia", "Lisandru"]),
            ),
        ),
        // The platform admin sees all.
        (
            "admin.scola",
            maria,
            (
                vec![role("Teacher", COLLEGE), role("Teacher", LYCEE)],
                strings(&["2nde 1", "5e A", "Lingua corsa 5e"]),
                vec![],
                vec![],
            ),
        ),
    ];
    for (who, target, expected) in cases {
        let session = s.session_for(who).await;
        let answer = s
            .call(&session, "profile/get", json!({ "id": target }))
            .await;
        assert_eq!(seen(answer.ok()), expected, "{who} → account {target}");
    }
}

#[tokio::test]
async fn last_years_classes_give_nothing_to_last_years_teacher() {
    let s = TestServer::start().await;
    let pool = s.app.db.pool();
    let maria = s.account_id("maria.santoni").await;
    let lucia = s.account_id("lucia.vincenti").await;
    let session = s.session_for("maria.santoni").await;
    // Maria does not teach Lucia's class this year.
    assert_eq!(
        s.call(&session, "profile/get", json!({ "id": lucia }))
            .await
            .error(),
        "Forbidden"
    );
    // Last year she did: a past school year, Lucia's class then, Maria its teacher.
    sqlx::query(
        "INSERT INTO school_years (label, starts_on, ends_on, is_current) \
         VALUES ('2025-2026', '2025-09-01', '2026-07-04', 0)",
    )
    .execute(pool)
    .await
    .expect("last year");
    sqlx::query(
        "INSERT INTO school_groups (school_id, year_id, kind, name) \
         SELECT school_id, (SELECT id FROM school_years WHERE label = '2025-2026'), 'class', '6e B' \
         FROM school_groups WHERE name = '5e B'",
    )
    .execute(pool)
    .await
    .expect("last year's class");
    for (sql, account) in [
        (
            "INSERT INTO memberships (group_id, account_id) \
             SELECT id, $1 FROM school_groups WHERE name = '6e B'",
            lucia,
        ),
        (
            "INSERT INTO teachings (group_id, account_id) \
             SELECT id, $1 FROM school_groups WHERE name = '6e B'",
            maria,
        ),
    ] {
        sqlx::query(sql)
            .bind(account)
            .execute(pool)
            .await
            .expect("last year's pupil and teacher");
    }
    let answer = s
        .call(&session, "profile/get", json!({ "id": lucia }))
        .await;
    assert_eq!(
        answer.error(),
        "Forbidden",
        "a former teacher of the class: {}",
        answer.body
    );
    // This year's pupils of hers she still sees, and last year's class is not in her profile.
    s.call(
        &session,
        "profile/get",
        json!({ "id": s.account_id("lisandru.pieri").await }),
    )
    .await
    .ok();
    let own = s
        .call(&session, "profile/get", json!({ "id": maria }))
        .await;
    assert!(!seen(own.ok()).1.contains(&"6e B".to_owned()));
}
