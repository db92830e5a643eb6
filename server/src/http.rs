//! The HTTP side: server functions, the built app, and the protections around both.

use app::api::auth::session_cookie_name;
use app::error::AppError;
use app::ports::{RequestMeta, ServerCtx};
use axum::Router;
use axum::error_handling::HandleErrorLayer;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use leptos::prelude::provide_context;
use sha2::{Digest, Sha256};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use tower::{ServiceBuilder, ServiceExt};
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Largest request body a server function accepts, imports apart.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// The server functions that receive a teacher's file ([`MAX_IMPORT_BODY_BYTES`]), served under
/// their own in-flight limit ([`IMPORTS_IN_FLIGHT`]).
pub const IMPORTS: [&str; 4] = [
    "exercises/import_preview",
    "exercises/import",
    "timetable/import_holidays",
    "timetable/import",
];

/// An import's body: the file in base64 (four characters per three bytes) and a few fields.
pub const MAX_IMPORT_BODY_BYTES: usize =
    app::api::exercises::exchange::MAX_IMPORT_BYTES / 3 * 4 + 64 * 1024;

/// Imports read at once: each holds its file and what is read from it, several times its size.
pub const IMPORTS_IN_FLIGHT: usize = 4;

#[derive(Clone)]
pub struct HttpState {
    pub ctx: ServerCtx,
    pub trust_proxy: bool,
    /// Server-function calls served at once; past it the server answers 503 at once rather
    /// than queueing without limit.
    pub max_in_flight: usize,
    /// The same for the calls that check a password ([`PASSWORD_CHECKS`]), counted apart: they
    /// mostly wait for a hasher, and a flood of them must not take the budget of the others.
    pub max_sign_ins_in_flight: usize,
    /// The Content-Security-Policy, with the hashes of the inline scripts of `index.html`.
    pub csp: Arc<HeaderValue>,
    pub https: bool,
    /// The largest upload body (`files/upload`): the largest file of any use, and some room.
    pub max_upload_bytes: usize,
}

impl HttpState {
    /// The state of a server with these settings, serving through `ctx`.
    pub fn new(config: &crate::config::Config, ctx: ServerCtx) -> HttpState {
        let index = std::fs::read_to_string(config.dist_dir.join("index.html")).unwrap_or_default();
        HttpState {
            ctx,
            trust_proxy: config.trust_proxy,
            csp: Arc::new(content_security_policy(&index)),
            https: config.https,
            max_in_flight: config.max_in_flight,
            max_sign_ins_in_flight: config.max_sign_ins_in_flight,
            max_upload_bytes: upload_limit(config.file_limits),
        }
    }
}

/// The body limit of an upload: a file one byte too big must still reach the checks, which
/// answer why it is refused, rather than be cut by the transport.
fn upload_limit(limits: domain::file::SizeLimits) -> usize {
    let largest = limits
        .audio
        .max(limits.image)
        .max(limits.archive)
        .max(limits.resource);
    usize::try_from(largest)
        .unwrap_or(usize::MAX)
        .saturating_add(64 * 1024)
}

pub fn router(state: HttpState, dist: &Path) -> Router {
    // `X.br`/`X.gz` beside an asset (see `precompress`) are sent as they are to browsers that
    // accept them; the compression layer leaves encoded answers alone.
    let assets = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(app_page(dist));
    let password_checks = PASSWORD_CHECKS.iter().fold(Router::new(), |r, endpoint| {
        r.route(&format!("/api/{endpoint}"), post(server_fn))
    });
    let password_checks = in_flight_limit(password_checks, state.max_sign_ins_in_flight)
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES));
    let imports = IMPORTS.iter().fold(Router::new(), |r, endpoint| {
        r.route(&format!("/api/{endpoint}"), post(server_fn))
    });
    // axum's own default (2 MB) would stop an import before tower-http's limit does.
    let imports = in_flight_limit(imports, IMPORTS_IN_FLIGHT)
        .layer(RequestBodyLimitLayer::new(MAX_IMPORT_BODY_BYTES))
        .layer(DefaultBodyLimit::max(MAX_IMPORT_BODY_BYTES));
    let others = in_flight_limit(
        Router::new().route("/api/{*fn_name}", post(server_fn)),
        state.max_in_flight,
    )
    .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES));
    // An upload is read as a stream, checked as it comes; the limit is the largest file's.
    let uploads = in_flight_limit(
        Router::new().route(&format!("/api/{UPLOAD}"), post(server_fn)),
        state.max_in_flight,
    )
    .layer(RequestBodyLimitLayer::new(state.max_upload_bytes))
    .layer(DefaultBodyLimit::max(state.max_upload_bytes));
    // A part of a file sent in parts: at most the largest part, which the checks refuse beyond.
    let parts = in_flight_limit(
        Router::new().route(&format!("/api/{UPLOAD_PART}"), post(server_fn)),
        state.max_in_flight,
    )
    .layer(RequestBodyLimitLayer::new(MAX_PART_BODY_BYTES))
    .layer(DefaultBodyLimit::max(MAX_PART_BODY_BYTES));
    let api = password_checks
        .merge(imports)
        .merge(others)
        .merge(uploads)
        .merge(parts)
        .layer(middleware::from_fn(same_origin_only))
        .with_state(state.clone());
    let files = in_flight_limit(
        Router::new().route("/files/{name}", get(stored_file)),
        state.max_in_flight,
    )
    .with_state(state.clone());
    let feeds = in_flight_limit(
        Router::new().route(&format!("{FEED_PREFIX}{{name}}"), get(calendar_feed)),
        state.max_in_flight,
    )
    .with_state(state.clone());
    Router::new()
        .merge(api)
        .merge(files)
        .merge(feeds)
        .route("/healthz", get(|| async { "ok" }))
        .fallback_service(assets)
        .layer(middleware::from_fn(cache_policy))
        .layer(middleware::from_fn_with_state(state, security_headers))
        .layer(CompressionLayer::new().compress_when(
            // Recordings are compressed already; pictures are left alone by the default rule.
            DefaultPredicate::new().and(NotForContentType::const_new("audio/")),
        ))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(30),
        ))
        .layer(TraceLayer::new_for_http())
}

/// The server function whose body is a file, under its own body limit.
const UPLOAD: &str = "files/upload";
const UPLOAD_PART: &str = "files/upload_part";
/// A part's body: the largest part, and room for a byte too many to reach the checks.
const MAX_PART_BODY_BYTES: usize = domain::homework::MAX_CHUNK_BYTES as usize + 64 * 1024;

/// A stored file, `/files/<id>` (or `/files/<id>.<extension>`, as Markdown names it): served by
/// the server function `files/get`, which decides who may read it.
async fn stored_file(
    State(state): State<HttpState>,
    axum::extract::Path(name): axum::extract::Path<String>,
    mut req: Request,
) -> Response {
    let Ok(id) = domain::file::FileId::from_segment(&name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Ok(uri) = format!("/api/files/get?id={id}").parse() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    *req.uri_mut() = uri;
    server_fn(State(state), req).await
}

/// Where calendar feeds are served (`app::api::timetable::feeds::FEED_PATH`).
const FEED_PREFIX: &str = app::api::timetable::feeds::FEED_PATH;

/// How long a calendar app may keep a feed (never a shared cache: it is one person's): a
/// cancelled lesson shows within minutes of the app's next fetch.
const FEED_MAX_AGE: &str = "private, max-age=300";

/// A private calendar feed, `/calendar/<token>.ics`, for calendar apps: no session, no cookie,
/// the token is the permission (`app::api::timetable::feeds::server::calendar`). A malformed,
/// unknown or revoked token, or one whose owner may no longer have it, is a bare 404.
async fn calendar_feed(
    State(state): State<HttpState>,
    axum::extract::Path(name): axum::extract::Path<String>,
    headers: HeaderMap,
) -> Response {
    use app::api::timetable::feeds::server::{calendar, host as feed_host};
    let host = host(&headers);
    match calendar(&state.ctx, &name, feed_host(host.as_deref())).await {
        Ok(Some(text)) => (
            [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
            text,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "a calendar feed could not be read");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// The `Host` the request was sent to.
fn host(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The server functions that check a password, served under their own in-flight limit.
pub const PASSWORD_CHECKS: [&str; 2] = ["auth/login", "auth/change_password"];

/// At most `limit` calls at once through `routes`; past it, 503 with `Retry-After` at once,
/// never a queue.
fn in_flight_limit(routes: Router<HttpState>, limit: usize) -> Router<HttpState> {
    routes.layer(
        ServiceBuilder::new()
            .layer(HandleErrorLayer::new(|_: tower::BoxError| async {
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    [(header::RETRY_AFTER, "2")],
                    "\"Busy\"",
                )
            }))
            .load_shed()
            .concurrency_limit(limit.max(1)),
    )
}

/// The app's own routes (`/admin`, `/profile/12`) are the page itself; a missing file (an area
/// module of a build since replaced) is a 404, never the page: that answer would be taken for
/// the module, and kept for good under its hashed name.
fn app_page(
    dist: &Path,
) -> impl tower::Service<
    Request,
    Response = Response,
    Error = std::convert::Infallible,
    Future = impl Send + 'static,
> + Clone
+ Send
+ 'static {
    let index = ServeFile::new(dist.join("index.html"));
    tower::service_fn(move |req: Request| {
        let index = index.clone();
        async move {
            let names_a_file = req
                .uri()
                .path()
                .rsplit('/')
                .next()
                .is_some_and(|n| n.contains('.'));
            if names_a_file {
                return Ok(StatusCode::NOT_FOUND.into_response());
            }
            Ok(index.oneshot(req).await.into_response())
        }
    })
}

async fn server_fn(State(state): State<HttpState>, req: Request) -> Response {
    let meta = RequestMeta {
        ip: client_ip(&req, state.trust_proxy),
        session_token: session_cookie(req.headers(), state.https),
        user_agent: user_agent(req.headers()),
        host: host(req.headers()),
    };
    let ctx = state.ctx.clone();
    let response = leptos_axum::handle_server_fns_with_context(
        move || {
            provide_context(ctx.clone());
            provide_context(meta.clone());
        },
        req,
    )
    .await
    .into_response();
    with_error_status(response).await
}

/// Server functions answer every error with 500; the error itself says which status it means.
async fn with_error_status(response: Response) -> Response {
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY_BYTES).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "").into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status =
            StatusCode::from_u16(error.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        if let Some(seconds) = error.retry_after() {
            parts
                .headers
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
        }
    } else if let Some(status) = problem_status(&bytes) {
        parts.status = StatusCode::from_u16(status).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
    }
    if !parts.status.is_success() {
        // A refused file is an error, not the file: it takes the error's type, never the one
        // the file would have had.
        parts.headers.remove(header::CONTENT_DISPOSITION);
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        parts.headers.remove(header::CONTENT_LENGTH);
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// The status of an area's problem in a server function's error body, if it is one. A new area
/// with problems of its own (`app::api::area_error::AreaError`) adds itself here.
fn problem_status(body: &[u8]) -> Option<u16> {
    use app::api::area_error::{AreaError, AreaProblem};
    fn status<P: AreaProblem + serde::de::DeserializeOwned>(body: &[u8]) -> Option<u16> {
        match serde_json::from_slice::<AreaError<P>>(body) {
            Ok(AreaError::Area(problem)) => Some(problem.http_status()),
            _ => None,
        }
    }
    status::<app::api::exercises::ExerciseProblem>(body)
        .or_else(|| status::<app::api::sequences::SequenceProblem>(body))
        .or_else(|| status::<app::api::timetable::TimetableProblem>(body))
        .or_else(|| status::<app::api::homework::HomeworkProblem>(body))
        .or_else(|| status::<domain::file::FileProblem>(body))
}

/// The client's address. Behind a trusted proxy, the last `X-Forwarded-For` hop: the one the
/// proxy itself appended. Everything left of it was sent by the client and proves nothing (a
/// guesser would write a new address there at every attempt to escape per-address limits).
fn client_ip(req: &Request, trust_proxy: bool) -> String {
    let forwarded = trust_proxy
        .then(|| forwarded_client(req.headers()))
        .flatten();
    forwarded
        .or_else(|| {
            req.extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip().to_string())
        })
        .unwrap_or_default()
}

/// The rightmost address of the (last) `X-Forwarded-For` header.
fn forwarded_client(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all("x-forwarded-for")
        .iter()
        .next_back()
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// The browser's `User-Agent`, cut to a length worth storing.
fn user_agent(headers: &HeaderMap) -> String {
    headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.chars().take(256).collect())
        .unwrap_or_default()
}

/// The session token, from the cookie name that applies: `__Host-scola_session` over https,
/// `scola_session` otherwise (a plain-named cookie is ignored over https, where anyone on a
/// sibling subdomain or the network could have planted it).
pub fn session_cookie(headers: &HeaderMap, https: bool) -> Option<String> {
    let wanted = session_cookie_name(https);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == wanted)
        .map(|(_, value)| value.to_owned())
        .filter(|v| !v.is_empty())
}

/// Refuses cross-site calls to server functions (CSRF): they must be JSON, or an upload's octet
/// stream (neither of which a plain HTML form can send, nor another site's script without a
/// CORS preflight this server never grants) and, when the browser says where they come from,
/// come from this site.
async fn same_origin_only(req: Request, next: Next) -> Response {
    if req.method() == Method::POST {
        let headers = req.headers();
        let json = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.starts_with("application/json") || v.starts_with("application/octet-stream")
            });
        let cross_site = headers
            .get("sec-fetch-site")
            .is_some_and(|v| v == "cross-site");
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
        let foreign_origin = headers
            .get(header::ORIGIN)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|origin| {
                let origin_host = origin.split_once("://").map_or(origin, |(_, h)| h);
                Some(origin_host) != host
            });
        if !json || cross_site || foreign_origin {
            return (StatusCode::FORBIDDEN, "cross-site request refused").into_response();
        }
    }
    next.run(req).await
}

/// Built assets carry a content hash in their name: Trunk's style (`main-<hash>.css`) and the
/// app's directory (`app-<hash>/`, see `scripts/app-wasm.sh`: its area modules have fixed names,
/// so the hash is on the directory, which changes with any byte of any module). They never
/// change, so browsers keep them a year. Everything else (index.html) is revalidated, so a new
/// version is seen at once.
async fn cache_policy(req: Request, next: Next) -> Response {
    let hashed = req.uri().path().split('/').any(|segment| {
        let stem = segment.split('.').next().unwrap_or("");
        let stem = stem.strip_suffix("_bg").unwrap_or(stem);
        stem.rsplit_once('-')
            .is_some_and(|(_, h)| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
    });
    let is_api = req.uri().path().starts_with("/api/");
    let is_file = req.uri().path().starts_with(domain::file::URL_PREFIX);
    let is_feed = req.uri().path().starts_with(FEED_PREFIX);
    let mut response = next.run(req).await;
    let value = if is_api {
        "no-store"
    } else if is_feed && response.status().is_success() {
        FEED_MAX_AGE
    } else if is_feed {
        // A refused feed is never kept: turned on again, its owner's new address works at once.
        "no-store"
    } else if is_file {
        // Kept by the browser alone, and asked again each time: who may read a file can change.
        "private, no-cache"
    } else if hashed && response.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

async fn security_headers(State(state): State<HttpState>, req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let h = response.headers_mut();
    // A stored file comes with its own, stricter policy (see `app::api::files`).
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(header::CONTENT_SECURITY_POLICY, (*state.csp).clone());
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        // The microphone for this site’s own pages: a teacher records a dictation, a pupil an
        // answer.
        HeaderValue::from_static("camera=(), microphone=(self), geolocation=(), payment=()"),
    );
    if state.https {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    response
}

/// Builds the CSP for the built app: only our own scripts (and the wasm they instantiate, the
/// area modules included: fetched from our origin, compiled under 'wasm-unsafe-eval'), the
/// inline start script of `index.html` allowed by its hash.
pub fn content_security_policy(index_html: &str) -> HeaderValue {
    use base64::Engine;
    let mut hashes = String::new();
    let mut rest = index_html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let Some(close) = after.find("</script>") else {
            break;
        };
        let body = &after[open_end + 1..close];
        if !after[..open_end].contains(" src=") && !body.trim().is_empty() {
            let digest = Sha256::digest(body.as_bytes());
            hashes.push_str(&format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &after[close + 9..];
    }
    let policy = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    HeaderValue::from_str(&policy)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_allowed_by_hash_only() {
        let html = r#"<script type="module">import init from '/app.js';</script><script src="/x.js"></script>"#;
        let csp = content_security_policy(html);
        let csp = csp.to_str().expect("ascii");
        assert_eq!(csp.matches("'sha256-").count(), 1);
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(!csp.contains("unsafe-inline"));
    }

    #[test]
    fn the_proxy_hop_is_the_rightmost_forwarded_address() {
        let mut h = HeaderMap::new();
        assert_eq!(forwarded_client(&h), None);
        h.insert(
            "x-forwarded-for",
            HeaderValue::from_static("6.6.6.6, 10.0.0.1,  203.0.113.7 "),
        );
        assert_eq!(forwarded_client(&h).as_deref(), Some("203.0.113.7"));
        h.append("x-forwarded-for", HeaderValue::from_static("198.51.100.2"));
        assert_eq!(forwarded_client(&h).as_deref(), Some("198.51.100.2"));
    }

    #[test]
    fn session_cookie_is_found_among_others() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; scola_session=tok; b=2"),
        );
        assert_eq!(session_cookie(&h, false).as_deref(), Some("tok"));
        assert_eq!(session_cookie(&h, true), None);
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("scola_session=planted; __Host-scola_session=tok"),
        );
        assert_eq!(session_cookie(&h, true).as_deref(), Some("tok"));
        h.insert(header::COOKIE, HeaderValue::from_static("scola_session="));
        assert_eq!(session_cookie(&h, false), None);
    }
}
