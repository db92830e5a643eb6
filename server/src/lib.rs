//! Scola's server: configuration → database → HTTP. `main.rs` only calls [`run`]; tests build
//! the same [`App`] on a fresh database.

pub mod backup;
pub mod config;
pub mod db;
pub mod generate;
pub mod http;
pub mod passwords;
pub mod precompress;
pub mod seed;

use app::ports::ServerCtx;
use config::Config;
use db::Db;
use domain::time::Timestamp;
use std::sync::Arc;

/// The running parts of a Scola server.
#[derive(Clone)]
pub struct App {
    pub db: Db,
    pub ctx: ServerCtx,
    pub router: axum::Router,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("configuration: {0}")]
    Config(#[from] config::ConfigError),
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("demo data: {0}")]
    Seed(#[from] seed::SeedError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("password hashing: {0}")]
    Hash(String),
    #[error("{0}")]
    Generate(#[from] generate::GenerateError),
    #[error("{0}")]
    Backup(#[from] backup::BackupError),
    #[error("{0}")]
    Usage(String),
}

pub fn system_clock() -> Timestamp {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Timestamp::from_unix(i64::try_from(secs).unwrap_or(i64::MAX))
}

impl App {
    /// Opens the database (migrating it), seeds the demo if asked and empty, builds the router.
    pub async fn build(config: &Config) -> Result<App, StartError> {
        let db = open_database(config).await?;
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let passwords =
            passwords::Argon2Passwords::new(cores).map_err(|e| StartError::Hash(e.to_string()))?;
        let ctx = ServerCtx {
            store: Arc::new(db.clone()),
            passwords: Arc::new(passwords),
            clock: Arc::new(system_clock),
            https: config.https,
            session_seconds: config.session_seconds,
            idle: config.idle,
            admin_second_factor: config.admin_second_factor,
        };
        let index = std::fs::read_to_string(config.dist_dir.join("index.html")).unwrap_or_default();
        let state = http::HttpState {
            ctx: ctx.clone(),
            trust_proxy: config.trust_proxy,
            csp: Arc::new(http::content_security_policy(&index)),
            https: config.https,
            max_in_flight: config.max_in_flight,
        };
        let router = http::router(state, &config.dist_dir);
        Ok(App { db, ctx, router })
    }
}

/// Opens (creating and migrating) the configured database; an empty one gets the demo if asked.
pub async fn open_database(config: &Config) -> Result<Db, StartError> {
    if config.database_url.starts_with("sqlite:") {
        std::fs::create_dir_all(&config.data_dir)?;
    }
    let connections = if config.database_url.starts_with("sqlite:") {
        8
    } else {
        16
    };
    let db = Db::open(&config.database_url, connections).await?;
    if config.demo && seed::is_empty(&db).await? {
        seed::seed_demo(&db, system_clock()).await?;
        tracing::info!("demo schools and accounts created");
    }
    Ok(db)
}

/// Starts the server and serves until interrupted.
pub async fn run(config: Config) -> Result<(), StartError> {
    tracing::info!(database = %config.database_url_redacted(), "starting");
    let app = App::build(&config).await?;
    if !config.dist_dir.join("index.html").exists() {
        tracing::warn!(dist = %config.dist_dir.display(), "no built app found: run `trunk build --release`");
    } else {
        // In the background: until it is done, assets are compressed on the fly.
        let dist = config.dist_dir.clone();
        tokio::task::spawn_blocking(move || match precompress::precompress_dist(&dist) {
            Ok(0) => {}
            Ok(n) => tracing::info!(files = n, "app assets precompressed"),
            Err(e) => {
                tracing::info!(error = %e, "app assets not precompressed: served compressed on the fly")
            }
        });
    }
    if seed::has_demo(&app.db).await? {
        print_demo_accounts(config.addr);
    }
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    tracing::info!(addr = %config.addr, "listening");
    axum::serve(
        listener,
        app.router
            .into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}

fn print_demo_accounts(addr: std::net::SocketAddr) {
    println!(
        "\nScola — démo sur http://{addr}  (mot de passe de tous les comptes : {})",
        seed::DEMO_PASSWORD
    );
    for (username, what) in seed::DEMO_ACCOUNTS {
        println!("  {username:<18} {what}");
    }
    println!();
}
