//! Every SQL statement the server runs has a name: it is declared in a [`statements!`] block of
//! the module that runs it, and listed here in [`REGISTRY`], so that one test
//! (`server/tests/sql.rs`) prepares each of them on SQLite and on PostgreSQL: a typo or a
//! column that does not exist fails CI whether or not another test runs the query.
//!
//! The list is complete by construction and checked:
//! - a module's `STATEMENTS` that is missing from [`REGISTRY`] is dead code, which the lints
//!   refuse;
//! - statements run through [`Statement::query`] / [`Statement::query_as`] or, built from
//!   fragments, through [`Built`] (the only place that hands sqlx a string it did not get as a
//!   `'static` literal); the test reads every source file of `server/src` and fails on a call of
//!   `sqlx::query*`/`raw_sql`/`AssertSqlSafe` outside this file, and on a string literal that
//!   starts like a statement (`SELECT`, `INSERT`, `PRAGMA`…) outside a `statements!` or
//!   `fragments!` block;
//! - SQL built at run time ([`Family`]) lists every shape its builder can produce, and the test
//!   prepares each.

use sqlx::any::{AnyArguments, AnyRow};
use sqlx::query::{Query, QueryAs};
use sqlx::{Any, FromRow};

/// The backends a statement is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialects {
    Both,
    /// SQLite's own statements (`PRAGMA`, `VACUUM INTO`).
    Sqlite,
    /// Only run on PostgreSQL.
    Postgres,
}

impl Dialects {
    pub fn includes(self, backend: super::Backend) -> bool {
        matches!(
            (self, backend),
            (Dialects::Both, _)
                | (Dialects::Sqlite, super::Backend::Sqlite)
                | (Dialects::Postgres, super::Backend::Postgres)
        )
    }
}

/// One SQL statement, named after the constant that holds it.
#[derive(Clone, Copy, Debug)]
pub struct Statement {
    /// `module::CONSTANT`, for failure messages.
    pub name: &'static str,
    pub sql: &'static str,
    pub on: Dialects,
}

impl Statement {
    pub fn query<'q>(&self) -> Query<'q, Any, AnyArguments> {
        sqlx::query(self.sql)
    }

    /// Rows decoded by column name into `T` (`#[derive(sqlx::FromRow)]`).
    pub fn query_as<'q, T>(&self) -> QueryAs<'q, Any, T, AnyArguments>
    where
        T: for<'r> FromRow<'r, AnyRow>,
    {
        sqlx::query_as(self.sql)
    }
}

/// Declares named statements, and the module's `STATEMENTS` list for [`REGISTRY`]:
/// ```text
/// statements! {
///     /// What it does.
///     CREDENTIALS = "SELECT …";
///     INTEGRITY [sqlite] = "PRAGMA integrity_check";
/// }
/// ```
macro_rules! statements {
    ($($(#[$attr:meta])* $name:ident $([$on:ident])? = $sql:expr;)+) => {
        $(
            $(#[$attr])*
            pub(crate) const $name: $crate::db::sql::Statement = $crate::db::sql::Statement {
                name: concat!(module_path!(), "::", stringify!($name)),
                sql: $sql,
                on: $crate::db::sql::statements!(@on $($on)?),
            };
        )+
        /// Every statement of this module, for [`crate::db::sql::REGISTRY`].
        pub(crate) const STATEMENTS: &[$crate::db::sql::Statement] = &[$($name),+];
    };
    (@on) => { $crate::db::sql::Dialects::Both };
    (@on sqlite) => { $crate::db::sql::Dialects::Sqlite };
    (@on postgres) => { $crate::db::sql::Dialects::Postgres };
}
pub(crate) use statements;

/// Declares pieces of SQL a builder joins into statements (a [`Family`] lists what it builds).
macro_rules! fragments {
    ($($(#[$attr:meta])* $name:ident = $sql:expr;)+) => {
        $($(#[$attr])* const $name: &str = $sql;)+
    };
}
pub(crate) use fragments;

/// SQL built at run time from fragments (optional filters, multi-row inserts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Built(String);

impl Built {
    /// Only builders whose every shape a [`Family`] lists call this.
    pub(crate) fn new(sql: String) -> Self {
        Built(sql)
    }

    pub fn sql(&self) -> &str {
        &self.0
    }

    pub fn query<'q>(&self) -> Query<'q, Any, AnyArguments> {
        sqlx::query(sqlx::AssertSqlSafe(self.0.clone()))
    }

    /// Like [`Built::query`], not kept prepared: for shapes that vary with the data (one per
    /// batch length), which would fill the statement cache.
    pub fn query_once<'q>(&self) -> Query<'q, Any, AnyArguments> {
        self.query().persistent(false)
    }

    pub fn query_as<'q, T>(&self) -> QueryAs<'q, Any, T, AnyArguments>
    where
        T: for<'r> FromRow<'r, AnyRow>,
    {
        sqlx::query_as(sqlx::AssertSqlSafe(self.0.clone()))
    }
}

/// A builder's statements: every shape it can produce.
#[derive(Clone, Copy, Debug)]
pub struct Family {
    pub name: &'static str,
    pub shapes: fn() -> Vec<Built>,
    pub on: Dialects,
}

/// Every module's statements.
pub const REGISTRY: &[&[Statement]] = &[
    super::STATEMENTS,
    super::auth::STATEMENTS,
    super::account::STATEMENTS,
    super::directory::STATEMENTS,
    super::platform::STATEMENTS,
    super::charter::STATEMENTS,
    super::exercises::STATEMENTS,
    super::files::STATEMENTS,
    super::sequences::STATEMENTS,
    super::timetable::STATEMENTS,
    super::homework::STATEMENTS,
    super::timetable::feeds::STATEMENTS,
    super::audit::STATEMENTS,
    super::admin::accounts::STATEMENTS,
    super::admin::groups::STATEMENTS,
    super::school_years::STATEMENTS,
    crate::seed::STATEMENTS,
    crate::seed::exercises::STATEMENTS,
    crate::seed::timetable::STATEMENTS,
    crate::create_admin::STATEMENTS,
    crate::generate::STATEMENTS,
    crate::backup::STATEMENTS,
    crate::exercise_import::STATEMENTS,
];

/// Every builder of SQL.
pub const FAMILIES: &[Family] = &[super::audit::ENTRIES, crate::generate::ROWS];
