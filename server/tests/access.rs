//! Who sees whom: home pages and profiles, refusals included.

mod support;

use serde_json::json;
use support::{Session, TestServer};

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
