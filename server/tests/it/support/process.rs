//! The server as a separate process (the real binary), talked to over a socket: for tests that
//! kill it or run two of it.

use super::{Answer, Reply, token_in};
use app::error::AppError;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use leptos::server_fn::ServerFn;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::fmt::Debug;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub struct ServerProcess {
    pub child: Child,
    pub addr: String,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl ServerProcess {
    /// Starts `server` on `database_url` and waits (up to 30 s) until it answers.
    pub async fn start(database_url: &str, data_dir: &Path) -> ServerProcess {
        Self::start_on("127.0.0.1", database_url, data_dir, &[]).await
    }

    /// Starts `server` listening on `host`, with more settings in `env`.
    pub async fn start_on(
        host: &str,
        database_url: &str,
        data_dir: &Path,
        env: &[(&str, &str)],
    ) -> ServerProcess {
        let addr = format!("{host}:{}", free_port());
        let child = command(database_url, data_dir)
            .env("SCOLA_ADDR", &addr)
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("server binary");
        let server = ServerProcess { child, addr };
        let deadline = Instant::now() + Duration::from_secs(30);
        while http(&server.addr, "GET", "/healthz", None, None)
            .await
            .is_none()
        {
            assert!(Instant::now() < deadline, "server did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        server
    }

    /// SIGKILL: no shutdown, no flush, as when power or the kernel ends it.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Calls the server function `F` with `input` (see [`call`]).
    pub async fn call<F>(&self, token: Option<&str>, input: F) -> Option<Reply<F::Output>>
    where
        F: ServerFn<Error = AppError> + Serialize,
        F::Output: DeserializeOwned + Debug,
    {
        call(&self.addr, token, input).await
    }
}

/// The server binary with the settings every test gives it.
pub fn command(database_url: &str, data_dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .env("DATABASE_URL", database_url)
        .env("SCOLA_DATA_DIR", data_dir)
        // Plain http on loopback, as `scripts/run.sh` serves: `scola_session` cookies.
        .env("SCOLA_HTTPS", "0")
        .env("SCOLA_DIST", data_dir.join("no-dist"))
        .env("RUST_LOG", "warn");
    command
}

/// Sends a request with any method (for routes that are not server functions).
pub async fn request(addr: &str, method: &str, path: &str) -> Option<u16> {
    http(addr, method, path, None, None)
        .await
        .map(|answer| answer.status.as_u16())
}

/// Calls the server function `F` at `addr` as the app does (its path, its input as JSON, its
/// answer decoded); `token` is the session's. `None` when the connection failed (the server is
/// gone).
pub async fn call<F>(addr: &str, token: Option<&str>, input: F) -> Option<Reply<F::Output>>
where
    F: ServerFn<Error = AppError> + Serialize,
    F::Output: DeserializeOwned + Debug,
{
    let body = serde_json::to_string(&input).expect("input encodes");
    let answer = http(addr, "POST", F::PATH, token, Some(&body)).await?;
    Some(answer.decode())
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A minimal HTTP/1.1 exchange: enough for these tests, no client library needed.
async fn http(
    addr: &str,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> Option<Answer> {
    let mut stream = TcpStream::connect(addr).await.ok()?;
    let body = body.unwrap_or("");
    let cookie = token
        .map(|t| format!("Cookie: scola_session={t}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n{cookie}Connection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.ok()?;
    let text = String::from_utf8_lossy(&raw);
    let (head, payload) = text.split_once("\r\n\r\n")?;
    let mut lines = head.lines();
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let mut headers = HeaderMap::new();
    for line in lines {
        let (name, value) = line.split_once(':')?;
        headers.append(
            HeaderName::try_from(name.trim()).ok()?,
            HeaderValue::try_from(value.trim()).ok()?,
        );
    }
    // The session cookie, if one of the cookies set is it.
    let set_cookie = headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| token_in(Some(c)).is_some())
        .map(str::to_owned);
    let body = serde_json::from_str(payload).unwrap_or(Value::String(payload.to_owned()));
    Some(Answer {
        status: StatusCode::from_u16(status).ok()?,
        body,
        set_cookie,
        headers,
    })
}
