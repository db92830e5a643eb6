//! Protections of the HTTP layer: CSRF, headers, body size.

mod support;

use axum::body::Body;
use axum::http::{Request, header};
use support::TestServer;

fn login_request(content_type: &str, origin: Option<&str>) -> Request<Body> {
    let mut req = Request::post("/api/auth/login")
        .header(header::HOST, "scola.test")
        .header(header::CONTENT_TYPE, content_type);
    if let Some(origin) = origin {
        req = req.header(header::ORIGIN, origin);
    }
    req.body(Body::from(r#"{"username":"admin.scola","password":"Scola-demo-2026"}"#))
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
    let same_site = s.request(login_request("application/json", Some("http://scola.test"))).await;
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
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(h.get(header::STRICT_TRANSPORT_SECURITY).is_none(), "no HSTS over plain http");
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let s = TestServer::start().await;
    let big = format!(r#"{{"username":"a","password":"{}"}}"#, "x".repeat(300 * 1024));
    let req = Request::post("/api/auth/login")
        .header(header::HOST, "scola.test")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, big.len())
        .body(Body::from(big))
        .expect("request");
    assert_eq!(s.request(req).await.status.as_u16(), 413);
}
