//! Scola's server: configuration → database → HTTP. `main.rs` only calls [`run`]; tests build
//! the same [`App`] on a fresh database.

pub mod backup;
pub mod config;
pub mod create_admin;
pub mod db;
pub mod exercise_import;
pub mod generate;
pub mod http;
pub mod passwords;
pub mod precompress;
pub mod private_files;
pub mod seed;
pub mod storage;
pub mod sweeper;

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
    #[error("{0}")]
    Import(#[from] exercise_import::ImportRunError),
    #[error(
        "this database holds the demo accounts, whose password is public; they are only served \
         on a loopback address over plain http (SCOLA_ADDR=127.0.0.1:…, SCOLA_HTTPS=0). For a real \
         instance, remove them with `server remove-demo` (or start on an empty database) and \
         create its administrator with `server create-admin LOGIN`"
    )]
    DemoExposed,
    #[error("{0}")]
    CreateAdmin(#[from] create_admin::CreateAdminError),
    #[error("{0}")]
    Storage(#[from] storage::StorageError),
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
        let files = storage::Storage::open(&config.storage, &config.data_dir)?;
        Self::build_with(config, Arc::new(files)).await
    }

    /// The same, keeping files' bytes in `files` (tests pass a store that fails).
    pub async fn build_with(
        config: &Config,
        files: Arc<dyn app::ports::FileStore>,
    ) -> Result<App, StartError> {
        let db = open_database(config).await?;
        let passwords = passwords::Argon2Passwords::new(config.hashers)
            .map_err(|e| StartError::Hash(e.to_string()))?;
        let ctx = ServerCtx {
            store: Arc::new(db.clone()),
            files,
            file_limits: config.file_limits,
            passwords: Arc::new(passwords),
            clock: Arc::new(system_clock),
            https: config.https,
            session_seconds: config.session_seconds,
            one_time_password_seconds: config.one_time_password_seconds,
            idle: config.idle,
            admin_second_factor: config.admin_second_factor,
        };
        let router = http::router(http::HttpState::new(config, ctx.clone()), &config.dist_dir);
        Ok(App { db, ctx, router })
    }
}

/// Opens (creating and migrating) the configured database; an empty one gets the demo if asked.
pub async fn open_database(config: &Config) -> Result<Db, StartError> {
    if let Some(file) = backup::sqlite_path(&config.database_url) {
        private_files::create_dir(&config.data_dir)?;
        private_files::ensure_file(&file)?;
    }
    let connections = if config.database_url.starts_with("sqlite:") {
        8
    } else {
        16
    };
    let db = Db::open(&config.database_url, connections).await?;
    if !config.demo_allowed() && seed::has_demo(&db).await? {
        return Err(StartError::DemoExposed);
    }
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
    } else if seed::is_empty(&app.db).await? {
        println!(
            "\nScola: no account yet. Create the platform administrator with\n  \
             server create-admin LOGIN   (the password is read from the terminal or stdin)\n"
        );
    }
    app.db.spawn_checkpointer();
    sweeper::spawn(
        app.db.clone(),
        app.ctx.files.clone(),
        config.audit_retention,
    );
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
