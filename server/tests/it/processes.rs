//! The real server binary: two processes on one database, and writes surviving SIGKILL.

use crate::support::process::{ServerProcess, call};
use crate::support::{DEMO_PASSWORD, fresh_database_url, login};
use app::api::admin::{AdminSchools, CreateGroup, ListGroups};
use app::api::auth::{CurrentSession, Logout, SetLang};
use app::api::charter::AcceptCharter;
use app::api::home::LoadHome;
use app::error::AppError;
use domain::charter::CharterVersion;
use domain::ids::SchoolId;
use domain::lang::Lang;
use domain::school::GroupKind;

fn data_dir(name: &str) -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    dir
}

async fn sign_in(server: &ServerProcess, username: &str) -> String {
    let signed_in = server
        .call(None, login(username, DEMO_PASSWORD))
        .await
        .expect("server answers");
    let token = signed_in.token().expect("session cookie");
    signed_in.ok();
    let accept = AcceptCharter {
        version: CharterVersion::new(1),
    };
    server
        .call(Some(&token), accept)
        .await
        .expect("charter")
        .ok();
    token
}

/// The collège, as its admin sees it first.
async fn first_school(server: &ServerProcess, token: &str) -> SchoolId {
    let schools = server
        .call(Some(token), AdminSchools {})
        .await
        .expect("schools")
        .ok();
    schools[0].id
}

fn new_group(school: SchoolId, name: &str) -> CreateGroup {
    CreateGroup {
        school,
        kind: GroupKind::Group,
        name: name.to_owned(),
    }
}

/// The names of a school's groups, as its admin lists them.
async fn group_names(
    server: &ServerProcess,
    token: &str,
    school: SchoolId,
) -> std::collections::BTreeSet<String> {
    let groups = server
        .call(Some(token), ListGroups { school })
        .await
        .expect("list")
        .ok();
    groups.into_iter().map(|g| g.name).collect()
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
    let home = b
        .call(Some(&token), LoadHome {})
        .await
        .expect("b answers")
        .ok();
    assert_eq!(home.children.len(), 2);
    b.call(Some(&token), SetLang { lang: Lang::Co })
        .await
        .expect("write on b")
        .ok();
    let session = a
        .call(Some(&token), CurrentSession {})
        .await
        .expect("read on a")
        .ok();
    assert_eq!(session.map(|s| s.lang), Some(Lang::Co));
    a.call(Some(&token), Logout {})
        .await
        .expect("sign out on a")
        .ok();
    let home = b.call(Some(&token), LoadHome {}).await.expect("b answers");
    assert_eq!(home.status.as_u16(), 401, "signed out everywhere");
    assert_eq!(home.err(), AppError::SignInRequired);
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
        let school = match school {
            Some(known) => known,
            None => *school.insert(first_school(&server, &token).await),
        };
        // Writes go on in the background; the server is killed after a varying delay.
        let written = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let writer = {
            let token = token.clone();
            let addr = server.addr.clone();
            let written = written.clone();
            tokio::spawn(async move {
                let mut done = vec![];
                for i in 0.. {
                    let name = format!("Gruppu {round}-{i}");
                    match call(&addr, Some(&token), new_group(school, &name)).await {
                        Some(reply) if reply.result.is_ok() => {
                            done.push(name);
                            written.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        }
                        Some(refused) => panic!("write refused: {refused:?}"),
                        None => break,
                    }
                }
                done
            })
        };
        // The kill lands mid-stream, never before it started: on a loaded machine the first
        // write can take longer than the delay.
        let started = std::time::Instant::now();
        while written.load(std::sync::atomic::Ordering::SeqCst) < 2 {
            assert!(
                !writer.is_finished() && started.elapsed().as_secs() < 60,
                "the server took no write"
            );
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
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
    let present = group_names(&server, &token, school.expect("a school")).await;
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
    let school = first_school(&server, &token).await;
    let acknowledged = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let writer = {
        let (token, addr, acknowledged) =
            (token.clone(), server.addr.clone(), acknowledged.clone());
        tokio::spawn(async move {
            for i in 0..400 {
                let name = format!("Backup {i}");
                match call(&addr, Some(&token), new_group(school, &name)).await {
                    Some(reply) if reply.result.is_ok() => {
                        acknowledged.lock().expect("lock").push(name);
                    }
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
