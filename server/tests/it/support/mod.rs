//! A fresh Scola per test: its own SQLite file, or its own PostgreSQL schema when
//! `SCOLA_TEST_DATABASE_URL` points at PostgreSQL. Server functions are called through the real
//! router, cookies and all, without opening a socket: by their own type ([`TestServer::call`]),
//! which gives the endpoint, encodes the input and decodes the answer as the app does; by name
//! and raw JSON ([`TestServer::call_raw`]) only for what the app could never send.

pub mod process;
pub mod template;

use app::api::auth::Login;
use app::api::charter::{AcceptCharter, CurrentCharter};
use app::error::AppError;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use domain::ids::{AccountId, GroupId, SchoolId};
use http_body_util::BodyExt;
use leptos::server_fn::ServerFn;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use server::config::Config;
use std::fmt::Debug;
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

/// Test schemas and databases are named `t<pid>_…`; once per test process, those whose
/// process has ended are dropped, so the shared server does not fill up run after run.
async fn drop_leftovers_of_finished_runs(conn: &mut sqlx::AnyConnection) {
    use sqlx::Row;
    if SWEPT.swap(true, Ordering::Relaxed) {
        return;
    }
    let leftovers = [
        (
            "SELECT CAST(nspname AS TEXT) FROM pg_namespace WHERE nspname LIKE 't%\\_%\\_%'",
            "DROP SCHEMA IF EXISTS {} CASCADE",
        ),
        (
            "SELECT CAST(datname AS TEXT) FROM pg_database WHERE datname LIKE 't%\\_%\\_%'",
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
        ),
    ];
    for (list, drop) in leftovers {
        let rows = sqlx::query(list)
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
            if pid != std::process::id() && !std::path::Path::new(&format!("/proc/{pid}")).exists()
            {
                let _ = sqlx::Executor::execute(
                    &mut *conn,
                    sqlx::AssertSqlSafe(drop.replace("{}", &name)),
                )
                .await;
            }
        }
    }
}

/// Where the SQLite files of this run's tests go.
fn sqlite_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("db");
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A `dist` directory that does not exist: no built app, the API alone.
fn no_dist() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-dist")
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
            drop_leftovers_of_finished_runs(&mut conn).await;
            sqlx::Executor::execute(
                &mut conn,
                sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")),
            )
            .await
            .expect("create schema");
            let sep = if base.contains('?') { '&' } else { '?' };
            format!("{base}{sep}options=-c%20search_path%3D{schema}")
        }
        _ => format!(
            "sqlite://{}?mode=rwc",
            sqlite_dir().join(format!("{}.db", unique_name())).display()
        ),
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

/// What a server function answered, read as the app reads it: the function's own output type,
/// or the `AppError` it failed with.
#[derive(Debug)]
pub struct Reply<T, E = AppError> {
    pub status: StatusCode,
    pub result: Result<T, E>,
    pub set_cookie: Option<String>,
    pub headers: HeaderMap,
}

impl<T: Debug, E: Debug> Reply<T, E> {
    /// The output; fails the test with the error otherwise.
    #[track_caller]
    pub fn ok(self) -> T {
        match self.result {
            Ok(value) => value,
            Err(e) => panic!("expected success, got {} {e:?}", self.status),
        }
    }

    /// The error; fails the test with the output otherwise.
    #[track_caller]
    pub fn err(self) -> E {
        match self.result {
            Ok(value) => panic!("expected an error, got {} {value:?}", self.status),
            Err(e) => e,
        }
    }

    /// The session token this answer's cookie opens, if it opens one.
    pub fn token(&self) -> Option<String> {
        token_in(self.set_cookie.as_deref())
    }
}

/// An answer as raw JSON, for what the types cannot say (what crosses the wire, answers to
/// requests the app could never send, routes that are not server functions).
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub body: Value,
    pub set_cookie: Option<String>,
    pub headers: HeaderMap,
}

impl Answer {
    /// The error variant's name (`"Forbidden"`, `"Invalid"`…).
    #[track_caller]
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

    /// Reads the body as the app reads an answer of type `T`.
    #[track_caller]
    pub fn decode<T: DeserializeOwned, E: DeserializeOwned>(self) -> Reply<T, E> {
        let result = if self.status.is_success() {
            Ok(serde_json::from_value(self.body.clone())
                .unwrap_or_else(|e| panic!("not the function's output ({e}): {}", self.body)))
        } else {
            Err(serde_json::from_value(self.body.clone())
                .unwrap_or_else(|e| panic!("not the function's error ({e}): {}", self.body)))
        };
        Reply {
            status: self.status,
            result,
            set_cookie: self.set_cookie,
            headers: self.headers,
        }
    }
}

/// A call to some server function, its input built as the function's own type and encoded at
/// once: for tables of calls to different functions, where only whether and how each is refused
/// matters.
#[derive(Clone, Debug)]
pub struct AnyCall {
    pub path: &'static str,
    input: String,
}

impl AnyCall {
    pub fn new<F>(input: F) -> AnyCall
    where
        F: ServerFn + Serialize,
    {
        AnyCall {
            path: F::PATH,
            input: serde_json::to_string(&input).expect("input encodes"),
        }
    }
}

impl TestServer {
    /// A server on a fresh database holding the demo instance.
    pub async fn start() -> TestServer {
        Self::start_serving(no_dist()).await
    }

    /// The same, with settings changed by `configure`.
    pub async fn start_configured(configure: impl FnOnce(&mut Config)) -> TestServer {
        Self::start_with(no_dist(), configure).await
    }

    /// The same, serving the built app found in `dist`.
    pub async fn start_serving(dist: PathBuf) -> TestServer {
        Self::start_with(dist, |_| {}).await
    }

    /// A server on a fresh demo database serving `dist`, its settings changed by `configure`
    /// (plain http unless `configure` says otherwise: tests talk `scola_session` cookies).
    pub async fn start_with(dist: PathBuf, configure: impl FnOnce(&mut Config)) -> TestServer {
        Self::start_on(fresh_database_url().await, dist, configure).await
    }

    /// A server on a fresh demo database keeping files' bytes in `files`.
    pub async fn start_with_files(
        files: std::sync::Arc<dyn app::ports::FileStore>,
        configure: impl FnOnce(&mut Config),
    ) -> TestServer {
        Self::start_built(
            fresh_database_url().await,
            no_dist(),
            configure,
            Some(files),
        )
        .await
    }

    /// A server on the database at `url` (seeded with the demo if it is empty).
    pub async fn start_on(
        url: String,
        dist: PathBuf,
        configure: impl FnOnce(&mut Config),
    ) -> TestServer {
        Self::start_built(url, dist, configure, None).await
    }

    async fn start_built(
        url: String,
        dist: PathBuf,
        configure: impl FnOnce(&mut Config),
        files: Option<std::sync::Arc<dyn app::ports::FileStore>>,
    ) -> TestServer {
        // Server logs go to the test's output, shown when it fails.
        let _ = tracing_subscriber::fmt()
            .with_env_filter("warn,server=info,app=info")
            .with_test_writer()
            .try_init();
        let mut config = Config::from_env(&[]).expect("config");
        config.database_url = url;
        config.data_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
        config.storage = server::storage::StorageConfig::UnderDataDir;
        config.dist_dir = dist;
        config.demo = true;
        config.https = false;
        configure(&mut config);
        let app = match files {
            Some(files) => server::App::build_with(&config, files).await,
            None => server::App::build(&config).await,
        }
        .expect("server starts");
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

    /// Calls the server function `F` with `input`, as the app does: at `F`'s own path, the input
    /// as JSON, the answer read as `F`'s output or its `AppError`.
    pub async fn call<F>(&self, session: &Session, input: F) -> Reply<F::Output, F::Error>
    where
        F: ServerFn + Serialize,
        F::Output: DeserializeOwned + Debug,
        F::Error: DeserializeOwned + Debug,
    {
        self.call_with(session, input, &[]).await
    }

    /// The same, the request carrying more `headers` (a browser's user agent, a proxy's
    /// forwarded address).
    pub async fn call_with<F>(
        &self,
        session: &Session,
        input: F,
        headers: &[(&str, &str)],
    ) -> Reply<F::Output, F::Error>
    where
        F: ServerFn + Serialize,
        F::Output: DeserializeOwned + Debug,
        F::Error: DeserializeOwned + Debug,
    {
        let body = serde_json::to_string(&input).expect("input encodes");
        self.post(session, F::PATH, body, headers).await.decode()
    }

    /// Makes a call of a table of calls; its output is read as any JSON.
    pub async fn call_any(&self, session: &Session, call: &AnyCall) -> Reply<Value> {
        self.post(session, call.path, call.input.clone(), &[])
            .await
            .decode()
    }

    /// Calls the server function at `/api/{endpoint}` with raw JSON: only for what the app could
    /// never send (malformed input, unknown values) or to look at the wire itself.
    pub async fn call_raw(&self, session: &Session, endpoint: &str, args: Value) -> Answer {
        self.post(session, &format!("/api/{endpoint}"), args.to_string(), &[])
            .await
    }

    async fn post(
        &self,
        session: &Session,
        path: &str,
        body: String,
        headers: &[(&str, &str)],
    ) -> Answer {
        let mut req = Request::post(path)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::HOST, "scola.test");
        if let Some(token) = &session.0 {
            req = req.header(header::COOKIE, format!("scola_session={token}"));
        }
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        self.request(req.body(Body::from(body)).expect("request"))
            .await
    }

    /// Uploads `bytes` as the app does (`files/upload`: the file as the body, what it is for in
    /// the query), the answer read as the function's.
    pub async fn upload(
        &self,
        session: &Session,
        about: &app::api::files::UploadAbout,
        bytes: Vec<u8>,
    ) -> Reply<app::api::files::Uploaded, app::api::files::FileError> {
        self.upload_raw(session, &about.query(), bytes)
            .await
            .decode()
    }

    /// One part of a file sent in parts (`files/upload_part`), as the app sends it.
    pub async fn upload_part(
        &self,
        session: &Session,
        about: &app::api::files::UploadAbout,
        part: &app::api::files::Part,
        bytes: Vec<u8>,
    ) -> Reply<app::api::files::PartsReceived, app::api::files::FileError> {
        let query = format!(
            "{}&upload={}&offset={}",
            about.query(),
            part.upload,
            part.offset
        );
        self.post_bytes(session, "files/upload_part", &query, bytes)
            .await
            .decode()
    }

    /// The same with any query.
    pub async fn upload_raw(&self, session: &Session, query: &str, bytes: Vec<u8>) -> Answer {
        self.post_bytes(session, "files/upload", query, bytes).await
    }

    /// Posts `bytes` to a streaming endpoint with `query`, the answer as it is.
    pub async fn post_raw(
        &self,
        session: &Session,
        endpoint: &str,
        query: &str,
        bytes: Vec<u8>,
    ) -> Answer {
        self.post_bytes(session, endpoint, query, bytes).await
    }

    async fn post_bytes(
        &self,
        session: &Session,
        endpoint: &str,
        query: &str,
        bytes: Vec<u8>,
    ) -> Answer {
        let mut req = Request::post(format!("/api/{endpoint}?{query}"))
            .header(header::CONTENT_TYPE, "application/octet-stream")
            .header(header::HOST, "scola.test");
        if let Some(token) = &session.0 {
            req = req.header(header::COOKIE, format!("scola_session={token}"));
        }
        self.request(req.body(Body::from(bytes)).expect("request"))
            .await
    }

    /// Fetches `path` as a browser's `<img>` or `<audio>` does: the status, the headers and the
    /// bytes as they are.
    pub async fn get_bytes(
        &self,
        session: &Session,
        path: &str,
    ) -> (StatusCode, HeaderMap, axum::body::Bytes) {
        let mut req = Request::get(path).header(header::HOST, "scola.test");
        if let Some(token) = &session.0 {
            req = req.header(header::COOKIE, format!("scola_session={token}"));
        }
        let response = self
            .app
            .router
            .clone()
            .oneshot(req.body(Body::empty()).expect("request"))
            .await
            .expect("router answers");
        let (parts, body) = response.into_parts();
        let bytes = body.collect().await.expect("body").to_bytes();
        (parts.status, parts.headers, bytes)
    }

    /// Signs in with a password and returns the session.
    pub async fn sign_in_with(&self, username: &str, password: &str) -> Session {
        let reply = self
            .call(&Session::anonymous(), login(username, password))
            .await;
        let token = reply.token().expect("a session cookie");
        reply.ok();
        Session(Some(token))
    }

    /// Signs in a demo account and accepts the charter, ready to use the ENT.
    pub async fn sign_in(&self, username: &str) -> Session {
        let session = self.sign_in_with(username, DEMO_PASSWORD).await;
        self.accept_charter(&session).await;
        session
    }

    /// Accepts the charter in force, as the charter screen does.
    pub async fn accept_charter(&self, session: &Session) {
        let charter = self.call(session, CurrentCharter {}).await.ok();
        let version = charter.expect("a charter in force").version;
        self.call(session, AcceptCharter { version }).await.ok();
    }

    /// A session opened directly in storage, charter accepted: for tests about what a signed-in
    /// person may do, not about signing in (which costs a password hash each time).
    pub async fn session_for(&self, username: &str) -> Session {
        use app::ports::Identity;
        let id = self.account_id(username).await;
        sqlx::query("UPDATE accounts SET charter_accepted = (SELECT MAX(version) FROM charters) WHERE id = $1")
            .bind(id.get())
            .execute(self.app.db.writer())
            .await
            .expect("accept charter");
        let now = server::system_clock();
        let token = self
            .app
            .db
            .open_session(id, now, now.plus_seconds(3600), "127.0.0.1", "")
            .await
            .expect("session");
        Session(Some(token))
    }

    /// The id of an account, by login name.
    pub async fn account_id(&self, username: &str) -> AccountId {
        AccountId::new(
            self.scalar("SELECT id FROM accounts WHERE username = $1", username)
                .await,
        )
    }

    /// The id of a school, by UAI.
    pub async fn school_id(&self, uai: &str) -> SchoolId {
        SchoolId::new(
            self.scalar("SELECT id FROM schools WHERE uai = $1", uai)
                .await,
        )
    }

    /// The id of a class or group, by name.
    pub async fn group_id(&self, name: &str) -> GroupId {
        GroupId::new(
            self.scalar("SELECT id FROM school_groups WHERE name = $1", name)
                .await,
        )
    }

    /// The one number `sql` selects with `arg` bound to `$1`.
    pub async fn scalar(&self, sql: &'static str, arg: &str) -> i64 {
        use sqlx::Row;
        sqlx::query(sql)
            .bind(arg)
            .fetch_one(self.app.db.pool())
            .await
            .unwrap_or_else(|e| panic!("{sql} with {arg}: {e}"))
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

/// The input of a sign-in with a password, in the interface's default language.
pub fn login(username: &str, password: &str) -> Login {
    Login {
        username: username.to_owned(),
        password: password.to_owned(),
        lang: None,
    }
}

/// The session token a `Set-Cookie` header carries, if it opens a session.
pub fn token_in(set_cookie: Option<&str>) -> Option<String> {
    let value = set_cookie?
        .split(';')
        .next()?
        .strip_prefix("scola_session=")?;
    (!value.is_empty()).then(|| value.to_owned())
}
