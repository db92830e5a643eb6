//! Production mode, on the real binary: the demo (a public password) is never reachable from a
//! network, a real instance starts with `create-admin`, and what Scola writes stays private.

use crate::support::process::{ServerProcess, call, command, request};
use crate::support::{DEMO_PASSWORD, fresh_database_url, login};
use app::api::auth::CurrentSession;
use app::api::platform::ListSchools;
use app::error::AppError;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

fn data_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("prod-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Runs the binary with `args`, `env` and `stdin`, expecting it to end within 60 s (a server
/// that starts instead of refusing fails the test rather than hanging it).
fn run(database_url: &str, dir: &Path, args: &[&str], env: &[(&str, &str)], stdin: &str) -> Output {
    let mut child = command(database_url, dir)
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("server binary");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("`server {}` did not end", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().expect("output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("exists")
        .permissions()
        .mode()
        & 0o777
}

#[tokio::test]
async fn the_demo_is_never_served_on_a_network_address() {
    let url = fresh_database_url().await;
    let dir = data_dir("demo");
    let public = "0.0.0.0:39181";
    // Asked for explicitly: refused before anything is written.
    let asked = run(
        &url,
        &dir,
        &[],
        &[("SCOLA_ADDR", public), ("SCOLA_DEMO", "1")],
        "",
    );
    assert!(!asked.status.success());
    assert!(
        stderr(&asked).contains("create-admin"),
        "{}",
        stderr(&asked)
    );
    let behind_https = run(
        &url,
        &dir,
        &[],
        &[("SCOLA_HTTPS", "1"), ("SCOLA_DEMO", "1")],
        "",
    );
    assert!(!behind_https.status.success(), "{}", stderr(&behind_https));

    // Seeded on loopback, as `scripts/run.sh` does; then moved to a network address: refused,
    // until the demo is removed.
    drop(ServerProcess::start(&url, &dir).await);
    let moved = run(&url, &dir, &[], &[("SCOLA_ADDR", public)], "");
    assert!(!moved.status.success());
    assert!(stderr(&moved).contains("remove-demo"), "{}", stderr(&moved));
    let removed = run(&url, &dir, &["remove-demo"], &[], "");
    assert!(removed.status.success(), "{}", stderr(&removed));
    let server = ServerProcess::start_on("0.0.0.0", &url, &dir, &[]).await;
    let signed_in = server
        .call(None, login("admin.scola", DEMO_PASSWORD))
        .await
        .expect("answers");
    assert_eq!(
        signed_in.err(),
        AppError::BadCredentials,
        "no demo account is left"
    );
}

#[tokio::test]
async fn a_network_instance_starts_empty_and_gets_its_admin_from_create_admin() {
    let url = fresh_database_url().await;
    let dir = data_dir("admin");
    let server = ServerProcess::start_on("0.0.0.0", &url, &dir, &[]).await;
    let signed_in = server
        .call(None, login("admin.scola", DEMO_PASSWORD))
        .await
        .expect("answers");
    assert_eq!(
        signed_in.err(),
        AppError::BadCredentials,
        "no demo by default on a network address"
    );

    let weak = run(
        &url,
        &dir,
        &["create-admin", "ana.mattei"],
        &[],
        "azerty123\n",
    );
    assert!(!weak.status.success());
    assert!(
        stderr(&weak).contains("password refused"),
        "{}",
        stderr(&weak)
    );
    let bad_login = run(&url, &dir, &["create-admin", "Ana Mattei"], &[], "x\n");
    assert!(!bad_login.status.success(), "{}", stderr(&bad_login));

    let password = "Muntagna di Cagna à l'alba";
    let made = run(
        &url,
        &dir,
        &[
            "create-admin",
            "ana.mattei",
            "--first-name",
            "Ana",
            "--last-name",
            "Mattei",
        ],
        &[],
        &format!("{password}\n"),
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let again = run(
        &url,
        &dir,
        &["create-admin", "ana.mattei"],
        &[],
        "Un'altra parolla longa assai\n",
    );
    assert!(
        !again.status.success(),
        "an existing account is never changed"
    );
    assert!(stderr(&again).contains("exists"), "{}", stderr(&again));

    let signed_in = server
        .call(None, login("ana.mattei", password))
        .await
        .expect("answers");
    let token = signed_in.token().expect("session");
    let info = signed_in.ok();
    assert!(info.platform_admin);
    assert!(!info.must_change_password, "the password was chosen");
    let schools = server
        .call(Some(&token), ListSchools {})
        .await
        .expect("answers")
        .ok();
    assert_eq!(schools, [], "a real instance starts with no school");
}

#[tokio::test]
async fn the_data_dir_database_and_backups_are_owner_only() {
    let dir = data_dir("modes");
    // SQLite whatever the suite's backend: the files are SQLite's.
    let url = format!("sqlite://{}?mode=rwc", dir.join("scola.db").display());
    let server = ServerProcess::start(&url, &dir).await;
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("scola.db")), 0o600);
    let wal = dir.join("scola.db-wal");
    if wal.exists() {
        assert_eq!(mode(&wal), 0o600);
    }
    let backup = dir.join("copy.db");
    let out = run(&url, &dir, &["backup", &backup.to_string_lossy()], &[], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(mode(&backup), 0o600);
    drop(server);

    // A backup left readable by an older version is restored owner-only.
    std::fs::set_permissions(&backup, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let elsewhere = data_dir("modes-restored");
    let restored_url = format!("sqlite://{}?mode=rwc", elsewhere.join("scola.db").display());
    let out = run(
        &restored_url,
        &elsewhere,
        &["restore", &backup.to_string_lossy()],
        &[],
        "",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(mode(&elsewhere.join("scola.db")), 0o600);
}

#[tokio::test]
async fn server_functions_answer_post_only() {
    let url = fresh_database_url().await;
    let dir = data_dir("get");
    let server = ServerProcess::start(&url, &dir).await;
    let status = request(&server.addr, "GET", "/api/auth/session")
        .await
        .expect("answers");
    assert_eq!(status, 405);
    let session = call(&server.addr, None, CurrentSession {})
        .await
        .expect("answers");
    assert_eq!(session.status.as_u16(), 200);
    assert_eq!(session.ok(), None);
}

#[tokio::test]
async fn removing_the_demo_leaves_none_of_its_accounts_or_schools() {
    let server = crate::support::TestServer::start().await;
    assert!(server.count("SELECT COUNT(*) FROM accounts").await > 0);
    server::seed::remove_demo(&server.app.db)
        .await
        .expect("removed");
    assert_eq!(server.count("SELECT COUNT(*) FROM accounts").await, 0);
    assert_eq!(server.count("SELECT COUNT(*) FROM schools").await, 0);
    assert!(!server::seed::has_demo(&server.app.db).await.expect("read"));
}
