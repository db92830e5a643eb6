//! Establishments: only the platform admin creates and lists them.

use crate::support::{Session, TestServer};
use serde_json::json;

#[tokio::test]
async fn the_platform_admin_creates_establishments() {
    let s = TestServer::start().await;
    let admin = s.sign_in("admin.scola").await;
    let new = json!({ "uai": "7200123p", "name": "École de Venacu", "kind": "ecole" });
    // 7200123 mod 23 = 9 → "K": a pseudonymised key is accepted (directory exports carry them).
    let id = s.call(&admin, "platform/create_school", new.clone()).await;
    assert!(id.ok().as_i64().is_some());
    let again = s.call(&admin, "platform/create_school", new).await;
    assert_eq!(
        again.body,
        json!({ "Invalid": [{ "field": "Uai", "problem": "Taken" }] })
    );

    let bad = s
        .call(
            &admin,
            "platform/create_school",
            json!({ "uai": "72001", "name": " ", "kind": "usine" }),
        )
        .await;
    assert_eq!(
        bad.body,
        json!({ "Invalid": [
            { "field": "Uai", "problem": { "School": "Uai" } },
            { "field": "Name", "problem": { "School": "EmptyName" } },
            { "field": "Kind", "problem": { "School": "Kind" } },
        ] })
    );

    let list = s.call(&admin, "platform/schools", json!({})).await;
    let rows = list.ok().as_array().expect("rows").clone();
    assert_eq!(rows.len(), 3);
    let venacu = rows
        .iter()
        .find(|r| r["uai"] == "7200123P")
        .expect("stored upper-case");
    assert_eq!(venacu["kind"], "Ecole");
    assert_eq!(venacu["people"], 0);
    assert_eq!(
        s.count("SELECT COUNT(*) FROM audit_log WHERE kind = 'school-created'")
            .await,
        1
    );
}

#[tokio::test]
async fn nobody_else_may() {
    let s = TestServer::start().await;
    let new = json!({ "uai": "7200124R", "name": "Scola", "kind": "ecole" });
    for who in [
        "petru.casanova",
        "maria.santoni",
        "lisandru.pieri",
        "paola.leca",
    ] {
        let session = s.sign_in(who).await;
        assert_eq!(
            s.call(&session, "platform/create_school", new.clone())
                .await
                .error(),
            "Forbidden",
            "{who}"
        );
        assert_eq!(
            s.call(&session, "platform/schools", json!({}))
                .await
                .error(),
            "Forbidden",
            "{who}"
        );
    }
    let anon = Session::anonymous();
    assert_eq!(
        s.call(&anon, "platform/create_school", new).await.error(),
        "SignInRequired"
    );
    assert_eq!(s.count("SELECT COUNT(*) FROM schools").await, 2);
}
