//! The schema a dialect's migrations describe, as a model both dialects map onto: tables,
//! columns (normalised type, nullability, default, generated id), primary keys, unique
//! constraints, foreign keys with their `ON DELETE`, checks, and indexes. Migrations are parsed
//! with `sqlparser` and replayed in order; data statements (`UPDATE`, `INSERT`) change no schema
//! and are skipped, and any other statement fails the test rather than being ignored.

use sqlparser::ast::{
    AlterTableOperation, ColumnDef, ColumnOption, CreateIndex, CreateTable, DataType, Expr,
    ForeignKeyConstraint, IndexColumn, ObjectName, ObjectType, ReferentialAction, Statement,
    TableConstraint,
};
use sqlparser::dialect::{Dialect, PostgreSqlDialect, SQLiteDialect};
use sqlparser::parser::Parser;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::Path;

#[derive(Clone, Copy, Debug)]
pub enum SqlDialect {
    Sqlite,
    Postgres,
}

impl SqlDialect {
    fn parser(self) -> Box<dyn Dialect> {
        match self {
            SqlDialect::Sqlite => Box::new(SQLiteDialect {}),
            SqlDialect::Postgres => Box::new(PostgreSqlDialect {}),
        }
    }
}

/// A column type as both dialects mean it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Type {
    /// INTEGER, INT, BIGINT, SMALLINT, BIGSERIAL…: sqlx's `Any` reads them all as `i64`.
    Integer,
    Text,
    Boolean,
    /// BLOB, BYTEA.
    Bytes,
    Real,
    /// A type this model does not know: compared as written.
    Other(String),
}

/// PostgreSQL's SERIAL types, which the parser leaves as custom names.
fn serial(t: &DataType) -> bool {
    matches!(t, DataType::Custom(name, _)
        if ["serial", "bigserial", "smallserial"].contains(&name.to_string().to_lowercase().as_str()))
}

fn normalise_type(t: &DataType) -> Type {
    match t {
        DataType::Integer(_)
        | DataType::Int(_)
        | DataType::BigInt(_)
        | DataType::SmallInt(_)
        | DataType::Int2(_)
        | DataType::Int4(_)
        | DataType::Int8(_)
        | DataType::TinyInt(_) => Type::Integer,
        t if serial(t) => Type::Integer,
        DataType::Text | DataType::Varchar(_) | DataType::CharacterVarying(_) => Type::Text,
        DataType::Boolean | DataType::Bool => Type::Boolean,
        DataType::Bytea | DataType::Blob(_) => Type::Bytes,
        DataType::Real | DataType::Double(_) | DataType::DoublePrecision | DataType::Float8 => {
            Type::Real
        }
        other => Type::Other(other.to_string().to_lowercase()),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub ty: Type,
    /// Primary-key columns count as not null in both (SQLite would let a `TEXT PRIMARY KEY` be
    /// null, which no statement here relies on).
    pub not_null: bool,
    /// The default as written, dialect-neutral (`0`, `'fr'`, `-1`).
    pub default: Option<String>,
    /// An id the database assigns: SQLite's `INTEGER PRIMARY KEY AUTOINCREMENT`, PostgreSQL's
    /// identity or serial columns.
    pub generated_id: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ForeignKey {
    pub columns: Vec<String>,
    pub table: String,
    pub referred: Vec<String>,
    /// `no action` when not said (the default of both).
    pub on_delete: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub columns: BTreeMap<String, Column>,
    pub primary_key: Vec<String>,
    pub uniques: BTreeSet<Vec<String>>,
    pub foreign_keys: BTreeSet<ForeignKey>,
    pub checks: BTreeSet<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Index {
    pub table: String,
    pub columns: Vec<String>,
    pub unique: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Schema {
    pub tables: BTreeMap<String, Table>,
    pub indexes: BTreeMap<String, Index>,
}

fn name(object: &ObjectName) -> String {
    object.to_string().to_lowercase()
}

fn index_columns(columns: &[IndexColumn]) -> Vec<String> {
    columns
        .iter()
        .map(|c| c.to_string().to_lowercase())
        .collect()
}

fn idents(columns: &[sqlparser::ast::Ident]) -> Vec<String> {
    columns.iter().map(|c| c.value.to_lowercase()).collect()
}

fn on_delete(action: Option<ReferentialAction>) -> String {
    action.map_or_else(|| "no action".to_owned(), |a| a.to_string().to_lowercase())
}

fn foreign_key(fk: &ForeignKeyConstraint, columns: Vec<String>) -> ForeignKey {
    ForeignKey {
        columns,
        table: name(&fk.foreign_table),
        referred: idents(&fk.referred_columns),
        on_delete: on_delete(fk.on_delete),
    }
}

/// Normalises an expression (default, check) by its text: both dialects' parsers print it alike.
fn expression(e: &Expr) -> String {
    e.to_string().to_lowercase()
}

impl Table {
    fn add_column(&mut self, def: &ColumnDef) -> Result<(), String> {
        let column = def.name.value.to_lowercase();
        let mut c = Column {
            ty: normalise_type(&def.data_type),
            not_null: false,
            default: None,
            generated_id: false,
        };
        let mut primary = false;
        for option in &def.options {
            match &option.option {
                ColumnOption::Null => {}
                ColumnOption::NotNull => c.not_null = true,
                ColumnOption::Default(e) => c.default = Some(expression(e)),
                ColumnOption::PrimaryKey(_) => primary = true,
                ColumnOption::Unique(_) => {
                    self.uniques.insert(vec![column.clone()]);
                }
                ColumnOption::ForeignKey(fk) => {
                    self.foreign_keys
                        .insert(foreign_key(fk, vec![column.clone()]));
                }
                ColumnOption::Check(check) => {
                    self.checks.insert(expression(&check.expr));
                }
                // SQLite's AUTOINCREMENT.
                ColumnOption::DialectSpecific(tokens)
                    if tokens
                        .iter()
                        .any(|t| t.to_string().eq_ignore_ascii_case("autoincrement")) =>
                {
                    c.generated_id = true
                }
                // PostgreSQL's GENERATED … AS IDENTITY.
                ColumnOption::Generated {
                    generation_expr: None,
                    ..
                } => c.generated_id = true,
                other => return Err(format!("column {column}: unhandled option {other}")),
            }
        }
        if serial(&def.data_type) {
            c.generated_id = true;
        }
        if primary {
            c.not_null = true;
            self.primary_key = vec![column.clone()];
        }
        if self.columns.insert(column.clone(), c).is_some() {
            return Err(format!("column {column} defined twice"));
        }
        Ok(())
    }

    fn add_constraint(&mut self, constraint: &TableConstraint) -> Result<(), String> {
        match constraint {
            TableConstraint::PrimaryKey(pk) => {
                self.primary_key = index_columns(&pk.columns);
                for column in &self.primary_key {
                    if let Some(c) = self.columns.get_mut(column) {
                        c.not_null = true;
                    }
                }
            }
            TableConstraint::Unique(u) => {
                self.uniques.insert(index_columns(&u.columns));
            }
            TableConstraint::ForeignKey(fk) => {
                self.foreign_keys
                    .insert(foreign_key(fk, idents(&fk.columns)));
            }
            TableConstraint::Check(check) => {
                self.checks.insert(expression(&check.expr));
            }
            other => return Err(format!("unhandled constraint {other}")),
        }
        Ok(())
    }
}

impl Schema {
    /// The schema the `.sql` files of `dir`, applied in name order, leave.
    pub fn of_migrations(dir: &Path, dialect: SqlDialect) -> Result<Schema, String> {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "sql"))
            .collect();
        files.sort();
        let mut schema = Schema::default();
        for file in files {
            let sql = std::fs::read_to_string(&file).map_err(|e| format!("{e}"))?;
            schema
                .apply(&sql, dialect)
                .map_err(|e| format!("{}: {e}", file.display()))?;
        }
        Ok(schema)
    }

    /// Applies one migration's statements.
    pub fn apply(&mut self, sql: &str, dialect: SqlDialect) -> Result<(), String> {
        let statements =
            Parser::parse_sql(&*dialect.parser(), sql).map_err(|e| format!("parse: {e}"))?;
        for statement in &statements {
            self.statement(statement)?;
        }
        Ok(())
    }

    fn table(&mut self, table: &str) -> Result<&mut Table, String> {
        self.tables
            .get_mut(table)
            .ok_or_else(|| format!("no table {table}"))
    }

    fn statement(&mut self, statement: &Statement) -> Result<(), String> {
        match statement {
            Statement::CreateTable(CreateTable {
                name: table,
                columns,
                constraints,
                ..
            }) => {
                let mut t = Table::default();
                for column in columns {
                    t.add_column(column)?;
                }
                for constraint in constraints {
                    t.add_constraint(constraint)?;
                }
                if self.tables.insert(name(table), t).is_some() {
                    return Err(format!("table {table} created twice"));
                }
            }
            Statement::CreateIndex(CreateIndex {
                name: Some(index),
                table_name,
                columns,
                unique,
                predicate: None,
                ..
            }) => {
                let definition = Index {
                    table: name(table_name),
                    columns: index_columns(columns),
                    unique: *unique,
                };
                self.table(&definition.table)?;
                if self.indexes.insert(name(index), definition).is_some() {
                    return Err(format!("index {index} created twice"));
                }
            }
            Statement::AlterTable(alter) => {
                let table = name(&alter.name);
                for operation in &alter.operations {
                    match operation {
                        AlterTableOperation::AddColumn { column_def, .. } => {
                            self.table(&table)?.add_column(column_def)?
                        }
                        AlterTableOperation::DropColumn { column_names, .. } => {
                            for column in idents(column_names) {
                                if let Some((index, _)) = self
                                    .indexes
                                    .iter()
                                    .find(|(_, i)| i.table == table && i.columns.contains(&column))
                                {
                                    return Err(format!(
                                        "{table}.{column} dropped while index {index} uses it"
                                    ));
                                }
                                self.table(&table)?
                                    .columns
                                    .remove(&column)
                                    .ok_or_else(|| format!("no column {table}.{column}"))?;
                            }
                        }
                        AlterTableOperation::AddConstraint { constraint, .. } => {
                            self.table(&table)?.add_constraint(constraint)?
                        }
                        other => return Err(format!("unhandled {other}")),
                    }
                }
            }
            Statement::Drop {
                object_type: ObjectType::Index,
                names,
                ..
            } => {
                for index in names {
                    self.indexes
                        .remove(&name(index))
                        .ok_or_else(|| format!("no index {index}"))?;
                }
            }
            Statement::Drop {
                object_type: ObjectType::Table,
                names,
                ..
            } => {
                for table in names {
                    let table = name(table);
                    self.tables
                        .remove(&table)
                        .ok_or_else(|| format!("no table {table}"))?;
                    self.indexes.retain(|_, i| i.table != table);
                }
            }
            // Data, not schema.
            Statement::Insert(_) | Statement::Update { .. } | Statement::Delete(_) => {}
            other => return Err(format!("unhandled statement: {other}")),
        }
        Ok(())
    }

    /// Every difference between two schemas, one line each, naming what differs; empty when
    /// they describe the same schema.
    pub fn differences(&self, other: &Schema, (a, b): (&str, &str)) -> Vec<String> {
        let mut out = Vec::new();
        for table in union(self.tables.keys(), other.tables.keys()) {
            let (Some(x), Some(y)) = (self.tables.get(table), other.tables.get(table)) else {
                let (has, lacks) = if self.tables.contains_key(table) {
                    (a, b)
                } else {
                    (b, a)
                };
                out.push(format!("table {table}: in {has}, not in {lacks}"));
                continue;
            };
            for column in union(x.columns.keys(), y.columns.keys()) {
                match (x.columns.get(column), y.columns.get(column)) {
                    (Some(p), Some(q)) if p == q => {}
                    (Some(p), Some(q)) => out.push(format!(
                        "column {table}.{column}: {a} has {p:?}, {b} has {q:?}"
                    )),
                    (p, _) => {
                        let (has, lacks) = if p.is_some() { (a, b) } else { (b, a) };
                        out.push(format!("column {table}.{column}: in {has}, not in {lacks}"))
                    }
                }
            }
            let mut compare = |what: &str, p: String, q: String| {
                if p != q {
                    out.push(format!("{what} of {table}: {a} has {p}, {b} has {q}"));
                }
            };
            compare(
                "primary key",
                format!("{:?}", x.primary_key),
                format!("{:?}", y.primary_key),
            );
            compare(
                "unique constraints",
                format!("{:?}", x.uniques),
                format!("{:?}", y.uniques),
            );
            compare(
                "foreign keys",
                format!("{:?}", x.foreign_keys),
                format!("{:?}", y.foreign_keys),
            );
            compare(
                "checks",
                format!("{:?}", x.checks),
                format!("{:?}", y.checks),
            );
        }
        for index in union(self.indexes.keys(), other.indexes.keys()) {
            match (self.indexes.get(index), other.indexes.get(index)) {
                (Some(p), Some(q)) if p == q => {}
                (Some(p), Some(q)) => {
                    out.push(format!("index {index}: {a} has {p:?}, {b} has {q:?}"))
                }
                (p, _) => {
                    let (has, lacks) = if p.is_some() { (a, b) } else { (b, a) };
                    out.push(format!("index {index}: in {has}, not in {lacks}"))
                }
            }
        }
        out
    }

    /// One line per table, column and index, for a failure message.
    pub fn describe(&self) -> String {
        let mut s = String::new();
        for (table, t) in &self.tables {
            let _ = writeln!(s, "{table} {t:?}");
        }
        for (index, i) in &self.indexes {
            let _ = writeln!(s, "index {index} {i:?}");
        }
        s
    }
}

fn union<'a>(
    a: impl Iterator<Item = &'a String>,
    b: impl Iterator<Item = &'a String>,
) -> BTreeSet<&'a String> {
    a.chain(b).collect()
}
