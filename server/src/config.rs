//! Settings, read once at start from the environment (and `--flags`), typed.

use crate::storage::{S3Config, StorageConfig};
use domain::auth::second_factor::AdminPolicy;
use domain::auth::session::IdleLimit;
use domain::file::SizeLimits;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Config {
    /// Where the SQLite database (and later, files) live.
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; SQLite under `data_dir` when unset.
    pub database_url: String,
    pub addr: SocketAddr,
    /// The app built by Trunk.
    pub dist_dir: PathBuf,
    /// Served over https (behind a proxy): the session cookie is `__Host-` prefixed and
    /// `Secure`, responses carry HSTS. On unless `SCOLA_HTTPS=0` (local development).
    pub https: bool,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_proxy: bool,
    /// Fill an empty database with the demo schools and accounts (by default only where the demo
    /// is allowed: see [`demo_allowed`]).
    pub demo: bool,
    pub session_seconds: i64,
    /// How long a session may go unused (`SCOLA_IDLE_MINUTES`, default 30).
    pub idle: IdleLimit,
    /// Whether admins must use a second factor (`SCOLA_ADMIN_2FA=required`).
    pub admin_second_factor: AdminPolicy,
    /// Server-function calls served at once before answering 503 (`SCOLA_MAX_IN_FLIGHT`),
    /// sign-ins and password changes apart.
    pub max_in_flight: usize,
    /// How long audit entries are kept (`SCOLA_AUDIT_DAYS`, default 365).
    pub audit_retention: domain::audit::Retention,
    /// Sign-ins and password changes served at once (most of them waiting for a hasher),
    /// counted apart so that a flood of them never starves other calls
    /// (`SCOLA_MAX_SIGN_INS_IN_FLIGHT`).
    pub max_sign_ins_in_flight: usize,
    /// Threads hashing passwords (`SCOLA_HASHERS`, default: one per core).
    pub hashers: usize,
    /// How many nice levels below the hashers the request threads run (`SCOLA_REQUEST_NICE`,
    /// 0 to 19; 0: same priority).
    pub request_nice: i8,
    /// How long a one-time password can be used, in seconds (`SCOLA_OTP_DAYS`).
    pub one_time_password_seconds: i64,
    /// Where uploaded files are kept: `<data dir>/files` unless `SCOLA_FILES_DIR` or an S3
    /// bucket (`SCOLA_S3_*`) says otherwise.
    pub storage: StorageConfig,
    /// The largest upload of each use (`SCOLA_MAX_AUDIO_MB`, default 20; `SCOLA_MAX_IMAGE_MB`,
    /// default 5).
    pub file_limits: SizeLimits,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name}: cannot read {value:?}")]
    Invalid { name: &'static str, value: String },
    #[error("SCOLA_S3_BUCKET is set: {name} must be set too")]
    Missing { name: &'static str },
    #[error(
        "SCOLA_DEMO=1 asks for the demo, whose accounts share a public password, on {addr}{https}: \
         the demo is only served on a loopback address over plain http (SCOLA_HTTPS=0). For a \
         real instance, leave SCOLA_DEMO unset and create its administrator with \
         `server create-admin LOGIN`"
    )]
    DemoExposed {
        addr: SocketAddr,
        https: &'static str,
    },
}

/// The demo's accounts share a password printed in the README: they may only be reached from
/// the machine itself, never through a network or behind an https proxy.
pub fn demo_allowed(addr: SocketAddr, https: bool) -> bool {
    addr.ip().is_loopback() && !https
}

impl Config {
    /// Reads `SCOLA_*` variables and `DATABASE_URL`; `--data-dir DIR` and `--addr ADDR` on the
    /// command line win over them.
    pub fn from_env(args: &[String]) -> Result<Config, ConfigError> {
        Self::from_vars(args, |name| std::env::var(name).ok())
    }

    /// The same, reading variables through `lookup` (tests pass their own).
    pub fn from_vars(
        args: &[String],
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<Config, ConfigError> {
        let var = |name: &str| lookup(name).filter(|v| !v.is_empty());
        let flag = |name: &str| {
            args.iter()
                .position(|a| a == name)
                .and_then(|i| args.get(i + 1).cloned())
        };
        let boolean = |name: &'static str, default: bool| match var(name).as_deref() {
            None => Ok(default),
            Some("1" | "true" | "yes") => Ok(true),
            Some("0" | "false" | "no") => Ok(false),
            Some(other) => Err(ConfigError::Invalid {
                name,
                value: other.to_owned(),
            }),
        };
        let data_dir = PathBuf::from(
            flag("--data-dir")
                .or_else(|| var("SCOLA_DATA_DIR"))
                .unwrap_or_else(|| "data".into()),
        );
        let database_url = var("DATABASE_URL").unwrap_or_else(|| {
            format!("sqlite://{}?mode=rwc", data_dir.join("scola.db").display())
        });
        let addr_text = flag("--addr")
            .or_else(|| var("SCOLA_ADDR"))
            .unwrap_or_else(|| "127.0.0.1:3000".into());
        let addr = addr_text.parse().map_err(|_| ConfigError::Invalid {
            name: "SCOLA_ADDR",
            value: addr_text.clone(),
        })?;
        let session_hours = var("SCOLA_SESSION_HOURS").unwrap_or_else(|| "12".into());
        let session_seconds = session_hours
            .parse::<i64>()
            .ok()
            .filter(|h| (1..=24 * 30).contains(h))
            .ok_or(ConfigError::Invalid {
                name: "SCOLA_SESSION_HOURS",
                value: session_hours,
            })?
            * 3600;
        let idle_minutes = var("SCOLA_IDLE_MINUTES")
            .unwrap_or_else(|| domain::auth::session::DEFAULT_IDLE_MINUTES.to_string());
        let idle = idle_minutes
            .parse::<i64>()
            .ok()
            .and_then(IdleLimit::minutes)
            .ok_or(ConfigError::Invalid {
                name: "SCOLA_IDLE_MINUTES",
                value: idle_minutes,
            })?;
        let admin_second_factor = match var("SCOLA_ADMIN_2FA") {
            None => AdminPolicy::default(),
            Some(text) => text.parse().map_err(|()| ConfigError::Invalid {
                name: "SCOLA_ADMIN_2FA",
                value: text,
            })?,
        };
        let in_flight = var("SCOLA_MAX_IN_FLIGHT").unwrap_or_else(|| "512".into());
        let max_in_flight =
            in_flight
                .parse::<usize>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or(ConfigError::Invalid {
                    name: "SCOLA_MAX_IN_FLIGHT",
                    value: in_flight,
                })?;
        // Off only when explicitly asked: a forgotten setting must not send cookies in clear.
        let https = boolean("SCOLA_HTTPS", true)?;
        let demo_allowed = demo_allowed(addr, https);
        let demo = boolean("SCOLA_DEMO", demo_allowed)?;
        if demo && !demo_allowed {
            return Err(ConfigError::DemoExposed {
                addr,
                https: if https { " with SCOLA_HTTPS=1" } else { "" },
            });
        }
        let audit_days = var("SCOLA_AUDIT_DAYS");
        let audit_retention = match audit_days {
            None => domain::audit::Retention::default(),
            Some(days) => days
                .parse::<u32>()
                .ok()
                .and_then(domain::audit::Retention::days)
                .ok_or(ConfigError::Invalid {
                    name: "SCOLA_AUDIT_DAYS",
                    value: days,
                })?,
        };
        let number = |name: &'static str,
                      default: usize,
                      range: std::ops::RangeInclusive<usize>| match var(name) {
            None => Ok(default),
            Some(text) => text
                .parse::<usize>()
                .ok()
                .filter(|n| range.contains(n))
                .ok_or(ConfigError::Invalid { name, value: text }),
        };
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let otp_days = number(
            "SCOLA_OTP_DAYS",
            usize::try_from(domain::auth::password::ONE_TIME_PASSWORD_DAYS).unwrap_or(14),
            1..=365,
        )?;
        let megabytes = |name: &'static str, default: u64| -> Result<u64, ConfigError> {
            let default = usize::try_from(default / (1024 * 1024)).unwrap_or(1);
            let mb = number(name, default, 1..=4096)?;
            Ok(u64::try_from(mb).unwrap_or(1) * 1024 * 1024)
        };
        let defaults = SizeLimits::default();
        let file_limits = SizeLimits {
            audio: megabytes("SCOLA_MAX_AUDIO_MB", defaults.audio)?,
            image: megabytes("SCOLA_MAX_IMAGE_MB", defaults.image)?,
            resource: megabytes("SCOLA_MAX_RESOURCE_MB", defaults.resource)?,
            // The format's own limit: an archive read elsewhere is read here.
            archive: defaults.archive,
        };
        let storage = match var("SCOLA_S3_BUCKET") {
            Some(bucket) => {
                let required = |name: &'static str| var(name).ok_or(ConfigError::Missing { name });
                StorageConfig::S3(S3Config {
                    endpoint: var("SCOLA_S3_ENDPOINT"),
                    bucket,
                    region: var("SCOLA_S3_REGION").unwrap_or_else(|| "us-east-1".into()),
                    access_key_id: required("SCOLA_S3_ACCESS_KEY_ID")?,
                    secret_access_key: required("SCOLA_S3_SECRET_ACCESS_KEY")?,
                    allow_http: boolean("SCOLA_S3_ALLOW_HTTP", false)?,
                })
            }
            None => var("SCOLA_FILES_DIR").map_or(StorageConfig::UnderDataDir, |dir| {
                StorageConfig::Dir(dir.into())
            }),
        };
        Ok(Config {
            storage,
            file_limits,
            data_dir,
            database_url,
            addr,
            dist_dir: PathBuf::from(var("SCOLA_DIST").unwrap_or_else(|| "dist".into())),
            https,
            trust_proxy: boolean("SCOLA_TRUST_PROXY", false)?,
            demo,
            session_seconds,
            idle,
            admin_second_factor,
            max_in_flight,
            audit_retention,
            max_sign_ins_in_flight: number("SCOLA_MAX_SIGN_INS_IN_FLIGHT", 256, 1..=100_000)?,
            hashers: number("SCOLA_HASHERS", cores, 1..=1024)?,
            request_nice: i8::try_from(number("SCOLA_REQUEST_NICE", 5, 0..=19)?).unwrap_or(0),
            one_time_password_seconds: i64::try_from(otp_days).unwrap_or(14) * 24 * 3600,
        })
    }

    /// Whether the demo may be served by this configuration (see [`demo_allowed`]).
    pub fn demo_allowed(&self) -> bool {
        demo_allowed(self.addr, self.https)
    }

    /// Hides the password of a database URL in logs.
    pub fn database_url_redacted(&self) -> String {
        match (self.database_url.find("://"), self.database_url.rfind('@')) {
            (Some(scheme), Some(at)) if at > scheme => format!(
                "{}://***{}",
                &self.database_url[..scheme],
                &self.database_url[at..]
            ),
            _ => self.database_url.clone(),
        }
    }
}
