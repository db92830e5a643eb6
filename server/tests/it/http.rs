//! Protections of the HTTP layer: CSRF, headers, body size.

use crate::support::{Session, TestServer, login};
use app::api::auth::CurrentSession;
use app::api::home::LoadHome;
use app::error::AppError;
use axum::body::Body;
use axum::http::{Request, header};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// A sign-in request built by hand: the HTTP layer is tested with what browsers and attackers
/// can send, not only what the app sends.
fn login_request(content_type: &str, origin: Option<&str>) -> Request<Body> {
    let mut req = Request::post("/api/auth/login")
        .header(header::HOST, "scola.test")
        .header(header::CONTENT_TYPE, content_type);
    if let Some(origin) = origin {
        req = req.header(header::ORIGIN, origin);
    }
    req.body(Body::from(
        r#"{"username":"admin.scola","password":"Scola-demo-2026"}"#,
    ))
    .expect("request")
}

#[tokio::test]
async fn cross_site_calls_are_refused() {
    let s = TestServer::start().await;
    for (content_type, origin) in [
        ("text/plain", None),
        ("application/x-www-form-urlencoded", None),
        ("application/json", Some("https://evil.example")),
    ] {
        let answer = s.request(login_request(content_type, origin)).await;
        assert_eq!(answer.status.as_u16(), 403, "{content_type} {origin:?}");
        assert!(answer.set_cookie.is_none());
    }
    let same_site = s
        .request(login_request("application/json", Some("http://scola.test")))
        .await;
    assert_eq!(same_site.status.as_u16(), 200);
}

#[tokio::test]
async fn security_headers_are_sent() {
    let s = TestServer::start().await;
    let answer = s
        .request(Request::get("/").body(Body::empty()).expect("request"))
        .await;
    let h = &answer.headers;
    let csp = h[header::CONTENT_SECURITY_POLICY].to_str().expect("csp");
    assert!(
        csp.contains("frame-ancestors 'none'") && csp.contains("'wasm-unsafe-eval'"),
        "{csp}"
    );
    assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(
        h.get(header::STRICT_TRANSPORT_SECURITY).is_none(),
        "no HSTS over plain http"
    );
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let s = TestServer::start().await;
    let big = format!(
        r#"{{"username":"a","password":"{}"}}"#,
        "x".repeat(300 * 1024)
    );
    let req = Request::post("/api/auth/login")
        .header(header::HOST, "scola.test")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, big.len())
        .body(Body::from(big))
        .expect("request");
    assert_eq!(s.request(req).await.status.as_u16(), 413);
}

/// A stand-in for the built app: an index with its inline start script, Trunk's hashed style,
/// and the app's directory named by a hash of its modules (`scripts/app-wasm.sh`): the main
/// module and an area module, whose own names carry no hash.
fn fake_dist() -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fake-dist");
    let app = dir.join("app-0123456789abcdef");
    std::fs::create_dir_all(&app).expect("dir");
    let index = "<!doctype html><html><head><script type=\"module\">import init from '/app-0123456789abcdef/app.js';</script></head><body></body></html>";
    std::fs::write(dir.join("index.html"), index).expect("index");
    std::fs::write(
        dir.join("main-0123456789abcdef.css"),
        "body{margin:0}".repeat(50),
    )
    .expect("css");
    std::fs::write(app.join("app.js"), "export default 1;".repeat(200)).expect("js");
    std::fs::write(app.join("app_bg.wasm"), vec![0u8; 4096]).expect("wasm");
    std::fs::write(app.join("split_admin.wasm"), vec![0u8; 4096]).expect("area");
    std::fs::write(
        dir.join("sw.js"),
        "self.addEventListener('fetch', () => {});",
    )
    .expect("sw");
    dir
}

fn get(path: &str) -> Request<Body> {
    Request::get(path)
        .header(header::ACCEPT_ENCODING, "br, gzip")
        .body(Body::empty())
        .expect("request")
}

#[tokio::test]
async fn hashed_assets_are_cached_for_good_and_the_page_is_revalidated() {
    let s = TestServer::start_serving(fake_dist()).await;
    for path in [
        "/app-0123456789abcdef/app.js",
        "/app-0123456789abcdef/app_bg.wasm",
        "/app-0123456789abcdef/split_admin.wasm",
        "/main-0123456789abcdef.css",
    ] {
        let asset = s.request(get(path)).await;
        assert_eq!(asset.status.as_u16(), 200, "{path}");
        assert_eq!(
            asset.headers[header::CACHE_CONTROL],
            "public, max-age=31536000, immutable",
            "{path}"
        );
        assert_eq!(asset.headers[header::CONTENT_ENCODING], "br", "{path}");
    }
    // An area module of a build since replaced: a 404 the browser may retry, never the page
    // kept for good under the module's name.
    for path in [
        "/app-fedcba9876543210/split_admin.wasm",
        "/app-0123456789abcdef/split_gone.wasm",
    ] {
        let gone = s.request(get(path)).await;
        assert_eq!(gone.status.as_u16(), 404, "{path}");
        assert_eq!(gone.headers[header::CACHE_CONTROL], "no-cache", "{path}");
    }
    for path in ["/", "/admin", "/profile/12"] {
        let page = s.request(get(path)).await;
        assert_eq!(
            page.status.as_u16(),
            200,
            "{path}: the app handles its own routes"
        );
        assert_eq!(page.headers[header::CACHE_CONTROL], "no-cache", "{path}");
        let csp = page.headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .expect("csp");
        assert_eq!(
            csp.matches("'sha256-").count(),
            1,
            "the inline bootstrap is allowed by hash: {csp}"
        );
    }
    let api = s.call(&Session::anonymous(), CurrentSession {}).await;
    assert_eq!(api.headers[header::CACHE_CONTROL], "no-store");
}

/// The service worker (`public/sw.js`, copied to the root by Trunk) is served from the root, so
/// its scope is the whole app, as a script, and revalidated: a new version is seen at once. The
/// policy lets the page start it.
#[tokio::test]
async fn the_service_worker_is_served_from_the_root_as_a_script_and_revalidated() {
    let s = TestServer::start_serving(fake_dist()).await;
    let worker = s.request(get("/sw.js")).await;
    assert_eq!(worker.status.as_u16(), 200);
    assert_eq!(worker.headers[header::CACHE_CONTROL], "no-cache");
    let kind = worker.headers[header::CONTENT_TYPE].to_str().expect("type");
    assert!(kind.starts_with("text/javascript"), "{kind}");
    let csp = worker.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("csp");
    assert!(csp.contains("worker-src 'self'"), "{csp}");
}

/// The strongest compressions, made once beside the assets, are what browsers receive; a
/// browser that takes neither brotli nor gzip gets the asset itself.
#[tokio::test]
async fn precompressed_assets_are_sent_as_they_are() {
    let dist = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("precompressed-dist");
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(&dist).expect("dir");
    std::fs::write(dist.join("index.html"), "<!doctype html><html></html>").expect("index");
    let script = "export const scola = 'bonghjornu';\n".repeat(300);
    std::fs::create_dir_all(dist.join("app-0123456789abcdef")).expect("dir");
    std::fs::write(dist.join("app-0123456789abcdef/app.js"), &script).expect("js");
    assert_eq!(
        server::precompress::precompress_dist(&dist).expect("precompress"),
        2
    );
    let stored = std::fs::read(dist.join("app-0123456789abcdef/app.js.br")).expect("br");

    let s = TestServer::start_serving(dist.clone()).await;
    let br = s.request(get("/app-0123456789abcdef/app.js")).await;
    assert_eq!(br.status.as_u16(), 200);
    assert_eq!(br.headers[header::CONTENT_ENCODING], "br");
    assert_eq!(
        br.headers[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    let sent = s
        .app
        .router
        .clone()
        .oneshot(get("/app-0123456789abcdef/app.js"))
        .await
        .expect("answer")
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    assert_eq!(
        sent.as_ref(),
        stored.as_slice(),
        "the stored brotli 11 copy"
    );

    let plain = s
        .request(
            Request::get("/app-0123456789abcdef/app.js")
                .header(header::ACCEPT_ENCODING, "identity")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    assert!(plain.headers.get(header::CONTENT_ENCODING).is_none());
    assert_eq!(plain.body, serde_json::Value::String(script));
}

/// Past capacity the server says so at once (503 + Retry-After) instead of queueing.
#[tokio::test]
async fn past_capacity_the_answer_is_503_with_retry_after() {
    // Sign-ins have a budget of their own: both are one call.
    let s = TestServer::start_configured(|c| {
        c.max_in_flight = 1;
        c.max_sign_ins_in_flight = 1;
    })
    .await;
    // Sign-ins hash passwords: slow enough for twenty at once to overlap.
    let calls = (0..20).map(|_| s.request(login_request("application/json", None)));
    let answers = futures::future::join_all(calls).await;
    let busy: Vec<_> = answers
        .iter()
        .filter(|a| a.status.as_u16() == 503)
        .collect();
    assert!(!busy.is_empty(), "some calls are turned away");
    assert!(
        busy.iter()
            .all(|a| a.headers.contains_key(header::RETRY_AFTER) && a.body == "Busy")
    );
    assert!(
        answers.iter().any(|a| a.status.as_u16() == 200),
        "the rest are served"
    );
}

/// Behind a trusted proxy, the client's address is the hop the proxy appended, never what the
/// client wrote to the left of it.
#[tokio::test]
async fn the_client_address_is_the_rightmost_forwarded_hop() {
    for (trust_proxy, expected) in [(true, "203.0.113.7"), (false, "")] {
        let s = TestServer::start_configured(|c| c.trust_proxy = trust_proxy).await;
        let req = Request::post("/api/auth/login")
            .header(header::HOST, "scola.test")
            .header(header::CONTENT_TYPE, "application/json")
            .header("x-forwarded-for", "6.6.6.6, 203.0.113.7")
            .body(Body::from(
                r#"{"username":"maria.santoni","password":"wrong-guess"}"#,
            ))
            .expect("request");
        assert_eq!(s.request(req).await.status.as_u16(), 401);
        let ip: String = {
            use sqlx::Row;
            sqlx::query("SELECT ip FROM audit_log WHERE kind = 'sign-in-failed'")
                .fetch_one(s.app.db.pool())
                .await
                .expect("audited")
                .get(0)
        };
        assert_eq!(ip, expected, "trust_proxy = {trust_proxy}");
    }
}

/// Sign-ins waiting for a password hasher have a budget of their own: while they fill it,
/// other calls are still served.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_flood_of_sign_ins_leaves_other_calls_served() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    const MAX_IN_FLIGHT: usize = 4;
    const SIGN_INS: usize = 20;
    let s = TestServer::start_configured(|c| {
        c.max_in_flight = MAX_IN_FLIGHT;
        c.max_sign_ins_in_flight = 64;
        c.hashers = 1;
    })
    .await;
    let reader = s.session_for("maria.santoni").await;
    let pending = AtomicUsize::new(SIGN_INS);
    let flood = futures::future::join_all((0..SIGN_INS).map(|i| {
        let (s, pending) = (&s, &pending);
        async move {
            let answer = s
                .call(
                    &Session::anonymous(),
                    login(&format!("nobody.number{i}"), "guess"),
                )
                .await;
            pending.fetch_sub(1, Ordering::SeqCst);
            answer.err()
        }
    }));
    let reads = async {
        // Reads made while more sign-ins were waiting than the general budget holds.
        let mut served_past_budget = 0;
        loop {
            let waiting = pending.load(Ordering::SeqCst);
            if waiting == 0 {
                break served_past_budget;
            }
            s.call(&reader, LoadHome {}).await.ok();
            if waiting > MAX_IN_FLIGHT {
                served_past_budget += 1;
            }
            tokio::task::yield_now().await;
        }
    };
    let (answers, served) = tokio::join!(flood, reads);
    assert!(served > 0, "reads were served while sign-ins waited");
    assert!(
        answers
            .iter()
            .all(|a| matches!(a, AppError::BadCredentials | AppError::Busy)),
        "{answers:?}"
    );
}

/// Logs in over `server` and returns the `Set-Cookie` answer and the HSTS header of a page.
async fn cookie_and_hsts(s: &TestServer) -> (String, Option<String>) {
    let answer = s.request(login_request("application/json", None)).await;
    let cookie = answer.set_cookie.clone().expect("a session cookie");
    let page = s.request(get("/")).await;
    let hsts = page
        .headers
        .get(header::STRICT_TRANSPORT_SECURITY)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (cookie, hsts)
}

/// Asks `auth/session` with a cookie named `name`: whether the server saw a session.
async fn seen_with(s: &TestServer, name: &str, token: &str) -> bool {
    let req = Request::post("/api/auth/session")
        .header(header::HOST, "scola.test")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::COOKIE, format!("{name}={token}"))
        .body(Body::from("{}"))
        .expect("request");
    !s.request(req).await.body.is_null()
}

#[tokio::test]
async fn by_default_the_session_cookie_is_host_prefixed_and_secure_with_hsts() {
    // The defaults, whatever this machine's environment holds.
    let defaults = server::config::Config::from_vars(&[], |_| None).expect("defaults");
    assert!(defaults.https, "https is on unless SCOLA_HTTPS=0");
    let s = TestServer::start_with(fake_dist(), |c| c.https = defaults.https).await;
    let (cookie, hsts) = cookie_and_hsts(&s).await;
    assert!(cookie.starts_with("__Host-scola_session="), "{cookie}");
    assert!(
        cookie.contains("; Secure") && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(!cookie.to_ascii_lowercase().contains("domain="), "{cookie}");
    assert!(hsts.is_some_and(|h| h.contains("max-age=")));
    // Only the `__Host-` cookie is read: a plain one (plantable over http) is ignored.
    let token = cookie
        .split(';')
        .next()
        .and_then(|c| c.strip_prefix("__Host-scola_session="))
        .expect("token");
    assert!(seen_with(&s, "__Host-scola_session", token).await);
    assert!(!seen_with(&s, "scola_session", token).await);
}

#[tokio::test]
async fn with_https_off_the_cookie_is_plain_and_there_is_no_hsts() {
    let off = server::config::Config::from_vars(&[], |name| {
        (name == "SCOLA_HTTPS").then(|| "0".to_owned())
    })
    .expect("config");
    assert!(!off.https);
    let s = TestServer::start_with(fake_dist(), |c| c.https = off.https).await;
    let (cookie, hsts) = cookie_and_hsts(&s).await;
    assert!(cookie.starts_with("scola_session="), "{cookie}");
    assert!(!cookie.contains("Secure"), "{cookie}");
    assert_eq!(hsts, None);
}
