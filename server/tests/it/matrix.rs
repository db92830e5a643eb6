//! Runs `authz-matrix.txt`: every registered server function, as every kind of person, on their
//! own data and on someone else's (ids of another school swapped in to catch IDOR).

use crate::support::{Session, TestServer};
use serde_json::Value;
use std::collections::BTreeSet;

const MATRIX: &str = include_str!("authz-matrix.txt");

/// Who calls in a column, and which demo objects its placeholders name.
struct Column {
    name: &'static str,
    login: Option<&'static str>,
    school: &'static str,
    account: &'static str,
    group: &'static str,
    /// Whether this column starts on a fresh demo, away from what the columns before it
    /// changed (the platform admin deleting the lycée's class before its own admin does).
    fresh: bool,
    /// A change to the demo made just before this column's call.
    setup: Option<&'static str>,
}

/// The parent role of ghjuvanni.pieri in the collège withdrawn the way it was before links went
/// with the role: the link to Lisandru stays behind.
const WITHDRAW_PARENT: &str = "DELETE FROM roles WHERE profile = 'parent' \
    AND account_id = (SELECT id FROM accounts WHERE username = 'ghjuvanni.pieri') \
    AND school_id = (SELECT id FROM schools WHERE uai = '7200001N')";

/// The same order as the table's columns.
const COLUMNS: [Column; 17] = [
    col("anon", None, "7200001N", "lisandru.pieri", "5e A"),
    col(
        "pupil",
        Some("lisandru.pieri"),
        "7200001N",
        "lisandru.pieri",
        "5e A",
    ),
    col(
        "pupil*",
        Some("lisandru.pieri"),
        "7200001N",
        "lucia.vincenti",
        "5e B",
    ),
    col(
        "parent",
        Some("ghjuvanni.pieri"),
        "7200001N",
        "lisandru.pieri",
        "5e A",
    ),
    col(
        "parent*",
        Some("ghjuvanni.pieri"),
        "7200001N",
        "lucia.vincenti",
        "5e B",
    ),
    col(
        "teacher",
        Some("maria.santoni"),
        "7200001N",
        "lisandru.pieri",
        "5e A",
    ),
    col(
        "teacher*",
        Some("maria.santoni"),
        "7200001N",
        "lucia.vincenti",
        "5e B",
    ),
    col(
        "staff",
        Some("paola.leca"),
        "7200001N",
        "lucia.vincenti",
        "5e B",
    ),
    col(
        "admin",
        Some("petru.casanova"),
        "7200001N",
        "lucia.vincenti",
        "5e B",
    ),
    col(
        "admin*",
        Some("petru.casanova"),
        "6200001G",
        "santu.albertini",
        "2nde 1",
    ),
    col(
        "idor",
        Some("petru.casanova"),
        "7200001N",
        "santu.albertini",
        "2nde 1",
    ),
    col(
        "platform",
        Some("admin.scola"),
        "6200001G",
        "santu.albertini",
        "2nde 1",
    ),
    Column {
        fresh: true,
        ..col(
            "teacher²",
            Some("maria.santoni"),
            "6200001G",
            "santu.albertini",
            "2nde 1",
        )
    },
    col(
        "adminB",
        Some("catalina.rossi"),
        "6200001G",
        "santu.albertini",
        "2nde 1",
    ),
    col(
        "adminB@A",
        Some("catalina.rossi"),
        "7200001N",
        "matteu.rossi",
        "5e A",
    ),
    col(
        "takeover",
        Some("petru.casanova"),
        "7200001N",
        "catalina.rossi",
        "5e A",
    ),
    Column {
        fresh: true,
        setup: Some(WITHDRAW_PARENT),
        ..col(
            "former",
            Some("ghjuvanni.pieri"),
            "7200001N",
            "lisandru.pieri",
            "5e A",
        )
    },
];

const fn col(
    name: &'static str,
    login: Option<&'static str>,
    school: &'static str,
    account: &'static str,
    group: &'static str,
) -> Column {
    Column {
        name,
        login,
        school,
        account,
        group,
        fresh: false,
        setup: None,
    }
}

struct Row {
    endpoint: String,
    expected: Vec<String>,
    args: String,
}

fn rows() -> Vec<Row> {
    MATRIX
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let cells: Vec<&str> = line.splitn(COLUMNS.len() + 2, '|').map(str::trim).collect();
            assert_eq!(cells.len(), COLUMNS.len() + 2, "malformed row: {line}");
            Row {
                endpoint: cells[0].to_owned(),
                expected: cells[1..=COLUMNS.len()]
                    .iter()
                    .map(|c| (*c).to_owned())
                    .collect(),
                args: cells[COLUMNS.len() + 1].to_owned(),
            }
        })
        .collect()
}

fn outcome(answer: &crate::support::Answer) -> String {
    if answer.status.is_success() {
        return "ok".into();
    }
    match answer.error().as_str() {
        "SignInRequired" => "signin",
        "Forbidden" => "forbid",
        "NotFound" => "notfound",
        "Invalid" => "invalid",
        "BadCredentials" => "badcred",
        other => return other.to_owned(),
    }
    .into()
}

async fn id_of(s: &TestServer, sql: &'static str, key: &str) -> i64 {
    use sqlx::Row;
    sqlx::query(sql)
        .bind(key)
        .fetch_one(s.app.db.pool())
        .await
        .unwrap_or_else(|e| panic!("{key}: {e}"))
        .get(0)
}

/// Fills the placeholders of a row's arguments for one column.
async fn arguments(s: &TestServer, template: &str, c: &Column, n: usize) -> Value {
    let school = id_of(s, "SELECT id FROM schools WHERE uai = $1", c.school).await;
    let group = id_of(s, "SELECT id FROM school_groups WHERE name = $1", c.group).await;
    let text = template
        .replace("{school}", &school.to_string())
        .replace("{account}", &s.account_id(c.account).await.to_string())
        .replace("{group}", &group.to_string())
        .replace(
            "{parent}",
            &s.account_id("ghjuvanni.pieri").await.to_string(),
        )
        .replace(
            "{teacher}",
            &s.account_id("maria.santoni").await.to_string(),
        )
        .replace("{n}", &n.to_string());
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("arguments {text}: {e}"))
}

#[test]
fn every_server_function_has_a_row_and_every_row_a_function() {
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_owned())
        .collect();
    let listed: BTreeSet<String> = rows().into_iter().map(|r| r.endpoint).collect();
    let missing: Vec<_> = registered.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&registered).collect();
    assert!(
        missing.is_empty(),
        "server functions without a row in authz-matrix.txt: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "rows naming no server function: {stale:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_cell_answers_as_the_table_says() {
    let mut failures = vec![];
    for row in rows() {
        // A fresh instance per row: what one call changes cannot sway the next row.
        let mut s = TestServer::start().await;
        for (n, (c, expected)) in COLUMNS.iter().zip(&row.expected).enumerate() {
            if c.fresh {
                s = TestServer::start().await;
            }
            if let Some(sql) = c.setup {
                sqlx::query(sql)
                    .execute(s.app.db.pool())
                    .await
                    .unwrap_or_else(|e| panic!("setup of {}: {e}", c.name));
            }
            let session = match c.login {
                Some(login) => s.session_for(login).await,
                None => Session::anonymous(),
            };
            let args = arguments(&s, &row.args, c, n).await;
            let answer = s.call_raw(&session, &row.endpoint, args).await;
            let got = outcome(&answer);
            if &got != expected {
                failures.push(format!(
                    "{:<30} {:<9} expected {expected:<8} got {got} {}",
                    row.endpoint, c.name, answer.body
                ));
            }
            if got == "forbid" || got == "signin" {
                let leaked = answer.body.to_string();
                assert!(leaked.len() < 40, "a refusal carries no data: {leaked}");
            }
        }
    }
    assert!(
        failures.is_empty(),
        "cells that differ from the table:\n{}",
        failures.join("\n")
    );
}
