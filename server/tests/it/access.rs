//! Who sees whom: home pages and profiles, refusals included.

use crate::support::{Session, TestServer};
use app::api::audit::{AuditEntries, AuditFilter};
use app::api::home::LoadHome;
use app::api::profile::{AccountProfile, ViewProfile};
use app::error::AppError;
use domain::ids::{AccountId, SchoolId};
use domain::profile::Profile;
use domain::services::Service;

#[tokio::test]
async fn each_profile_lands_on_its_own_home() {
    let s = TestServer::start().await;

    let pupil = s.sign_in("lisandru.pieri").await;
    let home = s.call(&pupil, LoadHome {}).await.ok();
    assert_eq!(home.schools.len(), 1);
    assert_eq!(home.schools[0].profiles, [Profile::Pupil]);
    let groups: Vec<&str> = home.schools[0]
        .groups
        .iter()
        .map(|g| g.name.as_str())
        .collect();
    assert_eq!(groups, ["5e A", "Lingua corsa 5e"]);
    assert_eq!(
        home.services,
        [
            Service::Timetable,
            Service::Sequences,
            Service::Exercises,
            Service::MyAccount,
            Service::Charter
        ]
    );

    let parent = s.sign_in("ghjuvanni.pieri").await;
    let home = s.call(&parent, LoadHome {}).await.ok();
    let children: Vec<(&str, Option<&str>)> = home
        .children
        .iter()
        .map(|c| (c.first_name.as_str(), c.class.as_deref()))
        .collect();
    assert_eq!(
        children,
        [("Ghjulia", Some("2nde 1")), ("Lisandru", Some("5e A"))],
        "a parent sees children of two schools from one login"
    );

    assert!(home.services.contains(&Service::Exercises));

    let teacher = s.sign_in("maria.santoni").await;
    let home = s.call(&teacher, LoadHome {}).await.ok();
    assert_eq!(home.schools.len(), 2);
    assert!(home.services.contains(&Service::Exercises));

    let admin = s.sign_in("petru.casanova").await;
    let home = s.call(&admin, LoadHome {}).await.ok();
    assert_eq!(
        home.services,
        [
            Service::SchoolAdministration,
            Service::Timetable,
            Service::MyAccount,
            Service::Charter
        ]
    );

    let platform = s.sign_in("admin.scola").await;
    let home = s.call(&platform, LoadHome {}).await.ok();
    assert_eq!(
        home.services,
        [
            Service::PlatformAdministration,
            Service::SchoolAdministration,
            Service::MyAccount,
            Service::Charter
        ]
    );
}

#[tokio::test]
async fn profiles_are_seen_only_by_those_related() {
    let s = TestServer::start().await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let anna = s.account_id("anna.colonna").await;
    let ghjulia = s.account_id("ghjulia.pieri").await;
    let max_id = s.count("SELECT MAX(id) FROM accounts").await;
    let next = AccountId::new(lisandru.get() + 1);
    let unknown = AccountId::new(max_id + 1);

    let cases: &[(&str, AccountId, &str)] = &[
        ("lisandru.pieri", lisandru, "ok"),
        ("lisandru.pieri", anna, "Forbidden"),
        ("lisandru.pieri", next, "Forbidden"),
        ("lisandru.pieri", unknown, "Forbidden"),
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
        // Raw, to see the wire: nothing beyond the profile's fields crosses it.
        let answer = s
            .call_raw(&session, "profile/get", serde_json::json!({ "id": target }))
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
            answer.decode::<AccountProfile, AppError>().ok();
        }
    }
    assert_eq!(
        s.call(&Session::anonymous(), ViewProfile { id: lisandru })
            .await
            .err(),
        AppError::SignInRequired
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
    let college = s.school_id("7200001N").await;
    let lycee = SchoolId::new(college.get() + 1);
    let list = |school| AuditEntries {
        school,
        filter: AuditFilter::default(),
    };
    s.call(&admin, list(Some(college))).await.ok();
    assert_eq!(
        s.call(&admin, list(Some(lycee))).await.err(),
        AppError::Forbidden
    );
    assert_eq!(s.call(&admin, list(None)).await.err(), AppError::Forbidden);
    let teacher = s.sign_in("maria.santoni").await;
    assert_eq!(
        s.call(&teacher, list(Some(college))).await.err(),
        AppError::Forbidden
    );
    let platform = s.sign_in("admin.scola").await;
    s.call(&platform, list(None)).await.ok();
}

/// What a profile lists, as comparable text: roles as `profile@school`, groups, parents and
/// children by first name.
fn seen(profile: &AccountProfile) -> (Vec<String>, Vec<String>, Vec<String>, Vec<String>) {
    (
        profile
            .roles
            .iter()
            .map(|r| format!("{:?}@{}", r.role.profile, r.school_name))
            .collect(),
        profile.groups.iter().map(|g| g.name.clone()).collect(),
        profile
            .parents
            .iter()
            .map(|p| p.first_name.clone())
            .collect(),
        profile
            .children
            .iter()
            .map(|c| c.first_name.clone())
            .collect(),
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
    let cases: Vec<(&str, AccountId, Expected)> = vec![
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
        let profile = s.call(&session, ViewProfile { id: target }).await.ok();
        assert_eq!(seen(&profile), expected, "{who} → account {target}");
    }
}

#[tokio::test]
async fn last_years_classes_give_nothing_to_last_years_teacher() {
    let s = TestServer::start().await;
    let pool = s.app.db.writer();
    let maria = s.account_id("maria.santoni").await;
    let lucia = s.account_id("lucia.vincenti").await;
    let session = s.session_for("maria.santoni").await;
    // Maria does not teach Lucia's class this year.
    assert_eq!(
        s.call(&session, ViewProfile { id: lucia }).await.err(),
        AppError::Forbidden
    );
    // Last year she did: a past school year, Lucia's class then, Maria its teacher.
    sqlx::query("INSERT INTO school_years (label, starts_at) VALUES ('2025-2026', $1)")
        .bind(
            domain::school_calendar::SchoolYear::starting(2025)
                .starts()
                .unix(),
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
            .bind(account.get())
            .execute(pool)
            .await
            .expect("last year's pupil and teacher");
    }
    assert_eq!(
        s.call(&session, ViewProfile { id: lucia }).await.err(),
        AppError::Forbidden,
        "a former teacher of the class"
    );
    // This year's pupils of hers she still sees, and last year's class is not in her profile.
    let lisandru = s.account_id("lisandru.pieri").await;
    s.call(&session, ViewProfile { id: lisandru }).await.ok();
    let own = s.call(&session, ViewProfile { id: maria }).await.ok();
    assert!(!seen(&own).1.contains(&"6e B".to_owned()));
}
