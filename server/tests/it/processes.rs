//! The real server binary: two processes on one database, and writes surviving SIGKILL.

use crate::support::process::{ServerProcess, call};
use crate::support::{DEMO_PASSWORD, fresh_database_url};
use serde_json::json;

fn data_dir(name: &str) -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    dir
}

async fn sign_in(server: &ServerProcess, username: &str) -> String {
    let (status, body, token) = server
        .call(
            None,
            "auth/login",
            &json!({ "username": username, "password": DEMO_PASSWORD }),
        )
        .await
        .expect("server answers");
    assert_eq!(status, 200, "{body}");
    let token = token.expect("session cookie");
    server
        .call(Some(&token), "charter/accept", &json!({ "version": 1 }))
        .await
        .expect("charter");
    token
}

/// The names of a school's groups, as its admin lists them.
async fn group_names(
    server: &ServerProcess,
    token: &str,
    school: Option<i64>,
) -> std::collections::BTreeSet<String> {
    let (_, groups, _) = server
        .call(
            Some(token),
            "admin/groups/list",
            &json!({ "school": school }),
        )
        .await
        .expect("list");
    groups
        .as_array()
        .expect("groups")
        .iter()
        .filter_map(|g| g["name"].as_str().map(str::to_owned))
        .collect()
}

/// Stateless servers: a session opened on one works on the other, a write on one is read on
/// the other (the scale-out path is PostgreSQL; this runs on whichever the suite uses).
#[tokio::test]
async fn two_servers_share_sessions_and_data() {
    let url = fresh_database_url().await;
    let dir = data_dir("two-servers");
    let a = ServerProcess::start(&url, &dir).await;
    let b = ServerProcess::start(&url, &dir).await;
    let token = sign_in(&a, "ghjuvanni.pieri").await;
    let (status, home, _) = b
        .call(Some(&token), "home", &json!({}))
        .await
        .expect("b answers");
    assert_eq!(status, 200, "{home}");
    assert_eq!(home["children"].as_array().map(Vec::len), Some(2));
    b.call(Some(&token), "auth/set_lang", &json!({ "lang": "Co" }))
        .await
        .expect("write on b");
    let (_, session, _) = a
        .call(Some(&token), "auth/session", &json!({}))
        .await
        .expect("read on a");
    assert_eq!(session["lang"], "Co");
    a.call(Some(&token), "auth/logout", &json!({}))
        .await
        .expect("sign out on a");
    let (status, _, _) = b
        .call(Some(&token), "home", &json!({}))
        .await
        .expect("b answers");
    assert_eq!(status, 401, "signed out everywhere");
}

/// Every write that got a success answer is there after the server is killed mid-stream, and
/// the database stays sound. A few rounds here; the benchmark script runs many.
#[tokio::test]
async fn acknowledged_writes_survive_sigkill() {
    let url = fresh_database_url().await;
    let dir = data_dir("crash");
    let rounds = std::env::var("SCOLA_CRASH_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4);
    let mut acknowledged: Vec<String> = vec![];
    let mut school = None;
    for round in 0..rounds {
        let server = ServerProcess::start(&url, &dir).await;
        let token = sign_in(&server, "petru.casanova").await;
        if school.is_none() {
            let (_, schools, _) = server
                .call(Some(&token), "admin/schools", &json!({}))
                .await
                .expect("schools");
            school = schools[0]["id"].as_i64();
        }
        // Writes go on in the background; the server is killed after a varying delay.
        let writer = {
            let token = token.clone();
            let addr = server.addr.clone();
            tokio::spawn(async move {
                let mut done = vec![];
                for i in 0.. {
                    let name = format!("Gruppu {round}-{i}");
                    let args = json!({ "school": school, "kind": "Group", "name": name });
                    match call(&addr, Some(&token), "admin/groups/create", &args).await {
                        Some((200, _, _)) => done.push(name),
                        Some((status, body, _)) => panic!("write refused: {status} {body}"),
                        None => break,
                    }
                }
                done
            })
        };
        let delay = 150 + (round as u64 * 97) % 400;
        tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
        server.kill();
        acknowledged.extend(writer.await.expect("writer"));
    }
    eprintln!(
        "{} acknowledged writes over {rounds} kills",
        acknowledged.len()
    );
    assert!(
        acknowledged.len() > rounds,
        "the stream wrote something ({})",
        acknowledged.len()
    );

    let server = ServerProcess::start(&url, &dir).await;
    let token = sign_in(&server, "petru.casanova").await;
    let present = group_names(&server, &token, school).await;
    let lost: Vec<&String> = acknowledged
        .iter()
        .filter(|n| !present.contains(n.as_str()))
        .collect();
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");
    server.kill();

    if url.starts_with("sqlite:") {
        use sqlx::Row;
        sqlx::any::install_default_drivers();
        let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&url)
            .await
            .expect("open");
        let check: String = sqlx::query("PRAGMA integrity_check")
            .fetch_one(&mut conn)
            .await
            .expect("integrity check")
            .get(0);
        assert_eq!(check, "ok");
    }
}

/// A backup taken while writes go on is a sound database holding every write acknowledged
/// before it began; restored into another data dir, a server starts on it and shows them, and
/// a restore over an existing database keeps that one aside. SQLite only: PostgreSQL is backed
/// up by its own tools.
#[tokio::test]
async fn backup_while_writing_then_restore() {
    let url = fresh_database_url().await;
    if !url.starts_with("sqlite:") {
        eprintln!("skipped: backups of PostgreSQL are pg_dump's job");
        return;
    }
    let dir = data_dir("backup");
    let server = ServerProcess::start(&url, &dir).await;
    let token = sign_in(&server, "petru.casanova").await;
    let (_, schools, _) = server
        .call(Some(&token), "admin/schools", &json!({}))
        .await
        .expect("schools");
    let school = schools[0]["id"].as_i64();
    let acknowledged = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let writer = {
        let (token, addr, acknowledged) =
            (token.clone(), server.addr.clone(), acknowledged.clone());
        tokio::spawn(async move {
            for i in 0..400 {
                let name = format!("Backup {i}");
                let args = json!({ "school": school, "kind": "Group", "name": name });
                match call(&addr, Some(&token), "admin/groups/create", &args).await {
                    Some((200, _, _)) => acknowledged.lock().expect("lock").push(name),
                    other => panic!("write refused: {other:?}"),
                }
            }
        })
    };
    while acknowledged.lock().expect("lock").len() < 20 {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let before: Vec<String> = acknowledged.lock().expect("lock").clone();
    let file = dir.join("scola-backup.db");
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["backup", file.to_str().expect("path")])
        .env("DATABASE_URL", &url)
        .env("RUST_LOG", "warn")
        .output()
        .await
        .expect("backup runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let during = acknowledged.lock().expect("lock").len();
    writer.await.expect("writer");
    assert!(
        during < 400,
        "the backup ran while writes went on ({during} of 400 done)"
    );
    server.kill();

    // A backup never overwrites a file.
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["backup", file.to_str().expect("path")])
        .env("DATABASE_URL", &url)
        .output()
        .expect("backup runs");
    assert!(!again.status.success());

    let restored = data_dir("restored");
    let restore = |into: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .args(["restore", file.to_str().expect("path")])
            .env("SCOLA_DATA_DIR", into)
            .env_remove("DATABASE_URL")
            .output()
            .expect("restore runs")
    };
    let out = restore(&restored);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let restored_url = format!("sqlite://{}?mode=rwc", restored.join("scola.db").display());
    let server = ServerProcess::start(&restored_url, &restored).await;
    let token = sign_in(&server, "petru.casanova").await;
    let present = group_names(&server, &token, school).await;
    let missing: Vec<&String> = before
        .iter()
        .filter(|n| !present.contains(n.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "acknowledged before the backup, missing: {missing:?}"
    );
    server.kill();

    // Restoring over a database keeps the replaced one beside it.
    let out = restore(&restored);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let kept = std::fs::read_dir(&restored)
        .expect("dir")
        .filter_map(Result::ok)
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("scola.db-replaced-")
        });
    assert!(kept, "the replaced database is kept");
}
