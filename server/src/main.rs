use server::config::Config;
use server::{StartError, backup, generate, system_clock};
use std::path::PathBuf;
use std::time::Instant;
use tracing_subscriber::EnvFilter;

const USAGE: &str = "usage:
  server [--addr ADDR] [--data-dir DIR]          serve Scola (settings: README, Configuration)
  server create-admin LOGIN [--first-name F] [--last-name L]
                                                 create a platform administrator; the password
                                                 is read from the terminal, or from stdin
  server remove-demo                             delete the demo's accounts and schools
  server generate --schools N [--seed S] [--activated] [--open-attempts N]
         [--holidays FILE [--zone a|b|c]]        add a generated region to the database (with
                                                 N more attempts in progress, for benchmarks),
                                                 its holidays read for the zone (a) from the
                                                 open-data calendar FILE (data.csv of
                                                 vacances-scolaires-france), else shaped like
                                                 zone A's
  server exercises import FILE --format gift|moodle-xml|qti [--dry-run] [--json]
         [--school UAI --teacher LOGIN]          read a question bank, report on each question,
                                                 and (unless --dry-run) make it one exercise of
                                                 the teacher in that school
  server backup FILE                             copy the SQLite database, server running
  server restore FILE                            put a backup back, server stopped";

fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    let args: Vec<String> = std::env::args().collect();
    let result = Config::from_env(&args)
        .map_err(StartError::from)
        .and_then(|config| {
            let runtime = runtime(config.request_nice)?;
            // `block_on` runs this future on the main thread, which keeps the process's
            // priority: the password hashers `App::build` starts from it inherit that.
            runtime.block_on(command(config, &args))
        });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e}");
            eprintln!("scola: {e}");
            if matches!(e, StartError::Usage(_)) {
                eprintln!("{USAGE}");
            }
            std::process::ExitCode::FAILURE
        }
    }
}

async fn command(config: Config, args: &[String]) -> Result<(), StartError> {
    match args.get(1).map(String::as_str) {
        Some("create-admin") => create_admin(&config, args).await,
        Some("remove-demo") => remove_demo(&config).await,
        Some("generate") => generate_region(&config, args).await,
        Some("exercises") => import_exercises(&config, args).await,
        Some("backup") => backup_to(&config, args).await,
        Some("restore") => restore_from(&config, args).await,
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => server::run(config).await,
    }
}

/// The runtime serving requests, its threads `nice` levels below the process: under load,
/// password hashing (on threads of its own, at the process's level) wins the CPU, so sign-ins
/// keep their pace while reads fill the machine; idle, requests have every core.
fn runtime(nice: i8) -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .on_thread_start(move || lower_current_thread(nice))
        .build()
}

/// Raises the calling thread's nice value by `by` (lowering its priority needs no privilege).
fn lower_current_thread(by: i8) {
    use thread_priority::{
        NormalThreadSchedulePolicy, ThreadPriority, ThreadPriorityValue, ThreadSchedulePolicy,
        get_current_thread_priority, set_current_thread_priority,
    };
    if by == 0 {
        return;
    }
    let policy = ThreadSchedulePolicy::Normal(NormalThreadSchedulePolicy::Other);
    let nice_of = |p: ThreadPriority| p.to_posix(policy).ok();
    let Some(base) = get_current_thread_priority().ok().and_then(nice_of) else {
        return;
    };
    let wanted = (base + i32::from(by)).min(19);
    // The crate sets priorities on a 0–99 scale mapped onto nice values: take the value that
    // maps onto the nice level wanted (or the nearest below it).
    let priority = (0..=u8::from(ThreadPriorityValue::MAX))
        .filter_map(|p| ThreadPriorityValue::try_from(p).ok())
        .map(ThreadPriority::Crossplatform)
        .filter(|p| nice_of(*p).is_some_and(|n| n <= wanted && n >= base))
        .max_by_key(|p| nice_of(*p));
    if let Some(priority) = priority
        && let Err(e) = set_current_thread_priority(priority)
    {
        tracing::warn!(error = ?e, "request threads keep the process's priority");
    }
}

/// The value after `--name`, parsed.
fn option<T: std::str::FromStr>(args: &[String], name: &str) -> Result<Option<T>, StartError> {
    match args.iter().position(|a| a == name) {
        None => Ok(None),
        Some(i) => args
            .get(i + 1)
            .and_then(|v| v.parse().ok())
            .map(Some)
            .ok_or_else(|| StartError::Usage(format!("{name}: a number is expected"))),
    }
}

/// The file named after the subcommand.
fn file_argument(args: &[String]) -> Result<PathBuf, StartError> {
    args.get(2)
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .ok_or_else(|| StartError::Usage("a file name is expected".into()))
}

async fn import_exercises(config: &Config, args: &[String]) -> Result<(), StartError> {
    use server::exercise_import::{Target, human, json, read, write};
    if args.get(2).map(String::as_str) != Some("import") {
        return Err(StartError::Usage(
            "exercises: only `import` is known".into(),
        ));
    }
    let file = args
        .get(3)
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .ok_or_else(|| StartError::Usage("a file name is expected".into()))?;
    let format = text_option(args, "--format")
        .ok_or_else(|| StartError::Usage("--format gift|moodle-xml|qti is required".into()))?
        .parse()
        .map_err(|_| StartError::Usage("--format: gift, moodle-xml or qti".into()))?;
    let dry_run = args.iter().any(|a| a == "--dry-run");
    let target = match (
        text_option(args, "--school"),
        text_option(args, "--teacher"),
    ) {
        (Some(uai), Some(teacher)) => Some(Target { uai, teacher }),
        _ if dry_run => None,
        _ => {
            return Err(StartError::Usage(
                "--school UAI --teacher LOGIN are required, unless --dry-run".into(),
            ));
        }
    };
    let report = read(&file, format)?;
    if args.iter().any(|a| a == "--json") {
        println!("{}", json(&report));
    } else {
        print!("{}", human(&report));
    }
    if let Some(target) = target.filter(|_| !dry_run) {
        let db = server::open_database(config).await?;
        write(&db, &report, &target, system_clock()).await?;
        eprintln!("written: one exercise of {} questions", report.taken());
    }
    Ok(())
}

async fn generate_region(config: &Config, args: &[String]) -> Result<(), StartError> {
    let schools = option(args, "--schools")?
        .ok_or_else(|| StartError::Usage("--schools N is required".into()))?;
    let seed = option(args, "--seed")?.unwrap_or(2026);
    let db = server::open_database(config).await?;
    let started = Instant::now();
    eprintln!(
        "generating {schools} schools (seed {seed}) into {}",
        config.database_url_redacted()
    );
    let activated = args.iter().any(|a| a == "--activated");
    let open_attempts = option(args, "--open-attempts")?.unwrap_or(0);
    let holidays = match text_option(args, "--holidays") {
        None => generate::Holidays::Shaped,
        Some(file) => {
            let zone = match text_option(args, "--zone") {
                None => domain::timetable::Zone::A,
                Some(code) => code
                    .parse()
                    .map_err(|_| StartError::Usage("--zone: a, b or c is expected".into()))?,
            };
            let text = std::fs::read_to_string(file)
                .map_err(|e| StartError::Usage(format!("--holidays {file}: {e}")))?;
            generate::Holidays::OpenData { text, zone }
        }
    };
    let scale = generate::Scale {
        schools,
        seed,
        activated,
        open_attempts,
        holidays,
    };
    let done = generate::generate(&db, scale, system_clock(), |p| {
        eprintln!(
            "[{:>3}/{}] {:<50} {:>7} accounts  {:>5.1} s",
            p.done,
            p.total,
            p.school,
            p.accounts,
            started.elapsed().as_secs_f64()
        );
    })
    .await?;
    println!(
        "{} schools, {} accounts ({} pupils, {} teachers, {} parents), {} classes and groups, \
         {} exercises, {} assignments, {} attempts ({} in progress), \
         {} sequences ({} given), {} weekly lessons, {} changes of a date, in {:.1} s; \
         password of every generated account: {}{}",
        done.done,
        done.accounts,
        done.pupils,
        done.teachers,
        done.parents,
        done.groups,
        done.exercises,
        done.assignments,
        done.attempts,
        done.open_attempts,
        done.sequences,
        done.given_sequences,
        done.lessons,
        done.lesson_changes,
        started.elapsed().as_secs_f64(),
        generate::PASSWORD,
        if activated {
            ""
        } else {
            " (to replace at first sign-in)"
        }
    );
    Ok(())
}

/// The text after `--name`, if given.
fn text_option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1).map(String::as_str)
}

async fn create_admin(config: &Config, args: &[String]) -> Result<(), StartError> {
    let login = args
        .get(2)
        .filter(|a| !a.starts_with("--"))
        .ok_or_else(|| StartError::Usage("a login name is expected".into()))?;
    let password = read_password()?;
    // Not `open_database`: creating an administrator never seeds the demo.
    let db = server::db::Db::open(&config.database_url, 1).await?;
    let new = server::create_admin::NewAdmin {
        login,
        first_name: text_option(args, "--first-name").unwrap_or("Admin"),
        last_name: text_option(args, "--last-name").unwrap_or("Scola"),
        password: &password,
    };
    server::create_admin::create_admin(&db, &new, system_clock()).await?;
    println!("platform administrator {login} created");
    Ok(())
}

/// The new password: typed twice without echo at a terminal, else the first line of stdin
/// (for scripts: `printf '%s\n' "$PASSWORD" | server create-admin LOGIN`).
fn read_password() -> Result<String, StartError> {
    use std::io::{BufRead, IsTerminal};
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("password: ")?;
        let again = rpassword::prompt_password("password again: ")?;
        if first != again {
            return Err(StartError::Usage("the two passwords differ".into()));
        }
        return Ok(first);
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

async fn remove_demo(config: &Config) -> Result<(), StartError> {
    let db = server::db::Db::open(&config.database_url, 1).await?;
    let accounts = server::seed::remove_demo(&db).await?;
    println!("demo removed: {accounts} accounts and the two demo establishments");
    Ok(())
}

async fn backup_to(config: &Config, args: &[String]) -> Result<(), StartError> {
    let to = file_argument(args)?;
    let db = server::db::Db::open(&config.database_url, 1).await?;
    let bytes = backup::backup(&db, &to).await?;
    println!(
        "backup written and checked: {} ({bytes} bytes)",
        to.display()
    );
    Ok(())
}

async fn restore_from(config: &Config, args: &[String]) -> Result<(), StartError> {
    let from = file_argument(args)?;
    let target = backup::sqlite_path(&config.database_url).ok_or(backup::BackupError::NotSqlite)?;
    let kept = backup::restore(&from, &target, system_clock().unix()).await?;
    println!("restored {} into {}", from.display(), target.display());
    if let Some(kept) = kept {
        println!("the replaced database is kept as {}", kept.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use thread_priority::{
        NormalThreadSchedulePolicy, ThreadSchedulePolicy, get_current_thread_priority,
    };

    fn nice() -> Option<i32> {
        let policy = ThreadSchedulePolicy::Normal(NormalThreadSchedulePolicy::Other);
        get_current_thread_priority().ok()?.to_posix(policy).ok()
    }

    /// The request threads end up `by` nice levels below the thread that started them (the
    /// hashers' level); the starting thread keeps its own.
    #[test]
    fn request_threads_run_below_the_hashers() {
        let before = nice().expect("nice value");
        let lowered = std::thread::spawn(|| {
            super::lower_current_thread(5);
            nice()
        })
        .join()
        .expect("thread");
        assert_eq!(lowered, Some((before + 5).min(19)));
        assert_eq!(nice(), Some(before));
    }
}
