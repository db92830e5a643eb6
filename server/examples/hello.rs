//! The ceiling of the machine for the benchmarks (`scripts/bench.sh`): a plain axum route on the
//! same runtime, with none of Scola's layers, sessions or database. Scola's own figures are
//! read against this one, measured in the same run.

use axum::Router;
use axum::routing::get;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3101".to_owned());
    let app = Router::new().route("/", get(|| async { "hello" }));
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    axum::serve(listener, app).await
}
