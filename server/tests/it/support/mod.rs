//! A fresh Scola per test: its own SQLite file, or its own PostgreSQL schema when
//! `SCOLA_TEST_DATABASE_URL` points at PostgreSQL. Server functions are called through the real
//! router, cookies and all, without opening a socket.
#![allow(dead_code)]

pub mod process;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use server::config::Config;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use tower::ServiceExt;

pub use server::seed::DEMO_PASSWORD;

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "t{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        nanos
    )
}

static SWEPT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Test schemas are named `t<pid>_…`; once per test process, those whose process has ended are
/// dropped, so the shared database does not fill up run after run.
async fn drop_schemas_of_finished_runs(conn: &mut sqlx::AnyConnection) {
    use sqlx::Row;
    if SWEPT.swap(true, Ordering::Relaxed) {
        return;
    }
    let rows = sqlx::query(
        "SELECT CAST(nspname AS TEXT) FROM pg_namespace WHERE nspname LIKE 't%\\_%\\_%'",
    )
    .fetch_all(&mut *conn)
    .await
    .unwrap_or_default();
    for row in rows {
        let name: String = row.get(0);
        let pid = name[1..]
            .split('_')
            .next()
            .and_then(|p| p.parse::<u32>().ok());
        let Some(pid) = pid else { continue };
        if pid != std::process::id() && !std::path::Path::new(&format!("/proc/{pid}")).exists() {
            let _ = sqlx::Executor::execute(
                &mut *conn,
                sqlx::AssertSqlSafe(format!("DROP SCHEMA IF EXISTS {name} CASCADE")),
            )
            .await;
        }
    }
}

/// Where this test's database lives: a PostgreSQL schema or a SQLite file.
pub async fn fresh_database_url() -> String {
    match std::env::var("SCOLA_TEST_DATABASE_URL") {
        Ok(base) if base.starts_with("postgres") => {
            let schema = unique_name();
            sqlx::any::install_default_drivers();
            let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&base)
                .await
                .expect("PostgreSQL reachable at SCOLA_TEST_DATABASE_URL");
            drop_schemas_of_finished_runs(&mut conn).await;
            sqlx::Executor::execute(
                &mut conn,
                sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")),
            )
            .await
            .expect("create schema");
            let sep = if base.contains('?') { '&' } else { '?' };
            format!("{base}{sep}options=-c%20search_path%3D{schema}")
        }
        _ => {
            let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("db");
            std::fs::create_dir_all(&dir).expect("temp dir");
            format!(
                "sqlite://{}?mode=rwc",
                dir.join(format!("{}.db", unique_name())).display()
            )
        }
    }
}

pub struct TestServer {
    pub app: server::App,
    pub config: Config,
}

/// A signed-in browser: the session token its cookie carries.
#[derive(Clone, Debug)]
pub struct Session(pub Option<String>);

impl Session {
    pub fn anonymous() -> Self {
        Session(None)
    }
}

/// What a server function answered.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub body: Value,
    pub set_cookie: Option<String>,
    pub headers: axum::http::HeaderMap,
}

impl Answer {
    pub fn ok(&self) -> &Value {
        assert!(
            self.status.is_success(),
            "expected success, got {} {}",
            self.status,
            self.body
        );
        &self.body
    }

    /// The error variant's name (`"Forbidden"`, `"Invalid"`…).
    pub fn error(&self) -> String {
        assert!(
            !self.status.is_success(),
            "expected an error, got {}",
            self.body
        );
        match &self.body {
            Value::String(s) => s.clone(),
            Value::Object(m) => m.keys().next().cloned().unwrap_or_default(),
            other => other.to_string(),
        }
    }
}

impl TestServer {
    /// A server on a fresh database holding the demo instance.
    pub async fn start() -> TestServer {
        Self::start_serving(PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-dist")).await
    }

    /// The same, with settings changed by `configure`.
    pub async fn start_configured(configure: impl FnOnce(&mut Config)) -> TestServer {
        Self::start_with(
            PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-dist"),
            configure,
        )
        .await
    }

    /// The same, serving the built app found in `dist`.
    pub async fn start_serving(dist: PathBuf) -> TestServer {
        Self::start_with(dist, |_| {}).await
    }

    /// A server on a fresh demo database serving `dist`, its settings changed by `configure`
    /// (plain http unless `configure` says otherwise: tests talk `scola_session` cookies).
    pub async fn start_with(dist: PathBuf, configure: impl FnOnce(&mut Config)) -> TestServer {
        // Server logs go to the test's output, shown when it fails.
        let _ = tracing_subscriber::fmt()
            .with_env_filter("warn,server=info,app=info")
            .with_test_writer()
            .try_init();
        let url = fresh_database_url().await;
        let mut config = Config::from_env(&[]).expect("config");
        config.database_url = url;
        config.data_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
        config.dist_dir = dist;
        config.demo = true;
        config.https = false;
        configure(&mut config);
        let app = server::App::build(&config).await.expect("server starts");
        TestServer { app, config }
    }

    pub async fn request(&self, req: Request<Body>) -> Answer {
        let response = self
            .app
            .router
            .clone()
            .oneshot(req)
            .await
            .expect("router answers");
        let status = response.status();
        let headers = response.headers().clone();
        let set_cookie = headers
            .get(header::SET_COOKIE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        let body = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
        Answer {
            status,
            body,
            set_cookie,
            headers,
        }
    }

    /// Calls the server function at `/api/{endpoint}` with JSON arguments.
    pub async fn call(&self, session: &Session, endpoint: &str, args: Value) -> Answer {
        let mut req = Request::post(format!("/api/{endpoint}"))
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::HOST, "scola.test");
        if let Some(token) = &session.0 {
            req = req.header(header::COOKIE, format!("scola_session={token}"));
        }
        self.request(req.body(Body::from(args.to_string())).expect("request"))
            .await
    }

    /// Signs in with a password and returns the session.
    pub async fn sign_in_with(&self, username: &str, password: &str) -> Session {
        let answer = self
            .call(
                &Session::anonymous(),
                "auth/login",
                json!({ "username": username, "password": password }),
            )
            .await;
        answer.ok();
        Session(Some(token_of(&answer).expect("a session cookie")))
    }

    /// Signs in a demo account and accepts the charter, ready to use the ENT.
    pub async fn sign_in(&self, username: &str) -> Session {
        let session = self.sign_in_with(username, DEMO_PASSWORD).await;
        let charter = self.call(&session, "charter/current", json!({})).await;
        let version = charter.ok()["version"].clone();
        self.call(&session, "charter/accept", json!({ "version": version }))
            .await
            .ok();
        session
    }

    /// A session opened directly in storage, charter accepted: for tests about what a signed-in
    /// person may do, not about signing in (which costs a password hash each time).
    pub async fn session_for(&self, username: &str) -> Session {
        use app::ports::Identity;
        let id = self.account_id(username).await;
        sqlx::query("UPDATE accounts SET charter_accepted = (SELECT MAX(version) FROM charters) WHERE id = $1")
            .bind(id)
            .execute(self.app.db.pool())
            .await
            .expect("accept charter");
        let now = server::system_clock();
        let token = self
            .app
            .db
            .open_session(
                domain::ids::AccountId::new(id),
                now,
                now.plus_seconds(3600),
                "127.0.0.1",
                "",
            )
            .await
            .expect("session");
        Session(Some(token))
    }

    /// The id of an account, by login name.
    pub async fn account_id(&self, username: &str) -> i64 {
        use sqlx::Row;
        sqlx::query("SELECT id FROM accounts WHERE username = $1")
            .bind(username)
            .fetch_one(self.app.db.pool())
            .await
            .expect("account exists")
            .get(0)
    }

    pub async fn count(&self, sql: &'static str) -> i64 {
        use sqlx::Row;
        sqlx::query(sql)
            .fetch_one(self.app.db.pool())
            .await
            .expect("count")
            .get(0)
    }
}

/// The session token a `Set-Cookie` header carries, if it opens a session.
pub fn token_of(answer: &Answer) -> Option<String> {
    let cookie = answer.set_cookie.as_deref()?;
    let value = cookie.split(';').next()?.strip_prefix("scola_session=")?;
    (!value.is_empty()).then(|| value.to_owned())
}
