//! One demo database migrated and seeded once, then copied for each use: a copy costs a file
//! copy on SQLite and a `CREATE DATABASE … TEMPLATE` on PostgreSQL, instead of the migrations,
//! the seed and its password hash. For suites that need many fresh instances (the
//! authorization matrix).

use super::{TestServer, no_dist, unique_name};
use std::path::PathBuf;

/// The seeded original, kept closed so it can be copied.
pub enum Template {
    Sqlite(PathBuf),
    Postgres {
        /// `SCOLA_TEST_DATABASE_URL`: the database whose server holds the copies.
        base: String,
        name: String,
    },
}

impl Template {
    /// Seeds the original on the suite's backend.
    pub async fn seeded() -> Template {
        let template = match std::env::var("SCOLA_TEST_DATABASE_URL") {
            Ok(base) if base.starts_with("postgres") => {
                let name = unique_name();
                admin(&base, &format!("CREATE DATABASE {name}")).await;
                Template::Postgres { base, name }
            }
            _ => Template::Sqlite(super::sqlite_dir().join(format!("{}.db", unique_name()))),
        };
        let seeded = TestServer::start_on(template.url(), no_dist(), |_| {}).await;
        close(seeded).await;
        template
    }

    fn url(&self) -> String {
        match self {
            Template::Sqlite(path) => sqlite_url(path),
            Template::Postgres { base, name } => with_database(base, name),
        }
    }

    /// A server on a fresh copy of the original.
    pub async fn start(&self) -> TestServer {
        let url = match self {
            Template::Sqlite(path) => {
                let copy = super::sqlite_dir().join(format!("{}.db", unique_name()));
                std::fs::copy(path, &copy).expect("copy the template");
                sqlite_url(&copy)
            }
            Template::Postgres { base, name } => {
                let copy = unique_name();
                admin(base, &format!("CREATE DATABASE {copy} TEMPLATE {name}")).await;
                with_database(base, &copy)
            }
        };
        TestServer::start_on(url, no_dist(), |_| {}).await
    }

    /// Ends a server started by [`Template::start`] and deletes its copy: a run makes hundreds.
    pub async fn discard(&self, server: TestServer) {
        let url = server.config.database_url.clone();
        close(server).await;
        match self {
            Template::Sqlite(_) => remove_sqlite(&url),
            Template::Postgres { base, .. } => {
                let name = database_of(&url);
                admin(
                    base,
                    &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                )
                .await;
            }
        }
    }

    /// Deletes the original.
    pub async fn remove(self) {
        match &self {
            Template::Sqlite(_) => remove_sqlite(&self.url()),
            Template::Postgres { base, name } => {
                admin(
                    base,
                    &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                )
                .await;
            }
        }
    }
}

/// Closes every connection of `server`'s pool, leaving its database whole on disk (SQLite
/// folds its write-ahead log back into the file when the last connection closes).
async fn close(server: TestServer) {
    server.app.db.close().await;
}

fn sqlite_url(path: &std::path::Path) -> String {
    format!("sqlite://{}?mode=rwc", path.display())
}

fn remove_sqlite(url: &str) {
    if let Some(path) = url
        .strip_prefix("sqlite://")
        .and_then(|rest| rest.split('?').next())
    {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{path}{suffix}"));
        }
    }
}

/// Runs one statement on the PostgreSQL server, from the base database (`CREATE DATABASE`
/// cannot run inside the database it copies).
async fn admin(base: &str, sql: &str) {
    sqlx::any::install_default_drivers();
    let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(base)
        .await
        .expect("PostgreSQL reachable at SCOLA_TEST_DATABASE_URL");
    sqlx::Executor::execute(&mut conn, sqlx::AssertSqlSafe(sql.to_owned()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    let _ = sqlx::Connection::close(conn).await;
}

/// `base` naming the database `name` instead of its own (its options kept).
fn with_database(base: &str, name: &str) -> String {
    let (address, options) = base.split_once('?').unwrap_or((base, ""));
    let server = address
        .rsplit_once('/')
        .map_or(address, |(server, _)| server);
    if options.is_empty() {
        format!("{server}/{name}")
    } else {
        format!("{server}/{name}?{options}")
    }
}

fn database_of(url: &str) -> &str {
    let address = url.split('?').next().unwrap_or(url);
    address.rsplit('/').next().unwrap_or(address)
}
