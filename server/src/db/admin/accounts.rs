//! Accounts of a school as its admin manages them: listing, creating, renaming, roles, links.

use crate::db::decode::{Code, Count, Flag, flag};
use crate::db::sql::statements;
use crate::db::{Db, fail};
use app::api::admin::{
    AccountChanges, AccountDetail, AccountPage, AccountQuery, AccountRow, AdminSchool,
};
use app::api::home::GroupRef;
use app::ports::{NewAccountRecord, SchoolAccounts, StoreError};
use async_trait::async_trait;
use domain::account::{PersonName, Username};
use domain::ids::{AccountId, GroupId, SchoolId};
use domain::profile::{Profile, Role};
use domain::school::{GroupKind, Place};
use domain::school_calendar::SchoolYear;

/// The accounts of school `$1`, holding profile `$2` there if not null, whose names or login
/// name contain the pattern `$3`. A macro, not a constant, so that `concat!` builds each query
/// as one static string.
macro_rules! accounts_matching {
    () => {
        " FROM accounts a WHERE EXISTS (SELECT 1 FROM roles r WHERE r.account_id = a.id \
           AND r.school_id = $1 AND (CAST($2 AS TEXT) IS NULL OR r.profile = $2)) \
         AND (LOWER(a.first_name || ' ' || a.last_name) LIKE $3 ESCAPE '\\' \
           OR LOWER(a.last_name || ' ' || a.first_name) LIKE $3 ESCAPE '\\' \
           OR a.username LIKE $3 ESCAPE '\\')"
    };
}

macro_rules! accounts_order {
    () => {
        " ORDER BY LOWER(a.last_name), LOWER(a.first_name), a.id LIMIT $4 OFFSET $5"
    };
}

statements! {
    /// Few schools per instance: filtering in Rust keeps the SQL free of dialect-specific
    /// arrays.
    SCHOOLS = "SELECT id, name, uai FROM schools ORDER BY name, id";
    COUNT_ACCOUNTS = concat!("SELECT COUNT(*) AS total", accounts_matching!());
    /// A page of accounts, each with its class in the school (`$1`) in the school year starting
    /// at `$6`.
    LIST_ACCOUNTS = concat!(
        "SELECT a.id AS id, a.username AS username, a.first_name AS first_name, \
           a.last_name AS last_name, a.must_change_password AS must_change_password, \
           (SELECT g.name FROM memberships m JOIN school_groups g ON g.id = m.group_id \
            JOIN school_years y ON y.id = g.year_id AND y.starts_at = $6 \
            WHERE m.account_id = a.id AND g.school_id = $1 AND g.kind = 'class' LIMIT 1) \
             AS class",
        accounts_matching!(),
        accounts_order!()
    );
    /// The roles in the school of the accounts of the same page.
    LIST_ROLES = concat!(
        "SELECT account_id, profile FROM roles WHERE school_id = $1 AND account_id IN \
         (SELECT a.id",
        accounts_matching!(),
        accounts_order!(),
        ") ORDER BY profile"
    );
    ACCOUNT = "SELECT username, first_name, last_name, must_change_password FROM accounts \
        WHERE id = $1";
    PROFILES_IN = "SELECT profile FROM roles WHERE account_id = $1 AND school_id = $2 \
        ORDER BY profile";
    /// The classes and groups of the school (`$2`) in the school year starting at `$3` the
    /// account is a pupil in or teaches.
    GROUPS_IN = "SELECT g.id AS id, g.name AS name, g.kind AS kind FROM school_groups g \
        JOIN school_years y ON y.id = g.year_id AND y.starts_at = $3 \
        WHERE g.school_id = $2 AND (\
          g.id IN (SELECT group_id FROM memberships WHERE account_id = $1) \
          OR g.id IN (SELECT group_id FROM teachings WHERE account_id = $1)) \
        ORDER BY g.kind, LOWER(g.name)";
    /// Every parent of a pupil of the school, wherever the parent comes from (even one whose
    /// role was withdrawn): whoever answers for the child must see who is linked to them, to
    /// undo it.
    PARENTS_IN = "SELECT a.id AS id, a.first_name AS first_name, a.last_name AS last_name \
        FROM parent_links l \
        JOIN accounts a ON a.id = l.parent_id WHERE l.child_id = $1 \
        AND EXISTS (SELECT 1 FROM roles r WHERE r.account_id = l.child_id \
          AND r.school_id = $2 AND r.profile = 'pupil') \
        ORDER BY LOWER(a.last_name), LOWER(a.first_name), a.id";
    /// Of a parent, only the children of this school: the others are no one's here.
    CHILDREN_IN = "SELECT a.id AS id, a.first_name AS first_name, a.last_name AS last_name \
        FROM parent_links l \
        JOIN accounts a ON a.id = l.child_id WHERE l.parent_id = $1 \
        AND EXISTS (SELECT 1 FROM roles r WHERE r.account_id = a.id AND r.school_id = $2) \
        ORDER BY LOWER(a.first_name), a.id";
    /// DO NOTHING rather than a unique violation: on PostgreSQL a failed statement would spoil
    /// the whole transaction, and the next candidate could not be tried.
    CREATE_ACCOUNT = "INSERT INTO accounts (username, first_name, last_name, password_hash, \
        must_change_password, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
        ON CONFLICT (username) DO NOTHING RETURNING id";
    INSERT_ROLE = "INSERT INTO roles (account_id, school_id, profile) VALUES ($1, $2, $3)";
    RENAME_ACCOUNT = "UPDATE accounts SET first_name = $1, last_name = $2 WHERE id = $3";
    ADD_ROLE = "INSERT INTO roles (account_id, school_id, profile) VALUES ($1, $2, $3) \
        ON CONFLICT (account_id, school_id, profile) DO NOTHING";
    REMOVE_ROLE = "DELETE FROM roles WHERE account_id = $1 AND school_id = $2 AND profile = $3";
    /// Leaves the classes and groups of the school (`$2`) in the school year starting at `$3`.
    LEAVE_GROUPS = "DELETE FROM memberships WHERE account_id = $1 AND group_id IN (\
        SELECT g.id FROM school_groups g JOIN school_years y ON y.id = g.year_id \
        WHERE y.starts_at = $3 AND g.school_id = $2)";
    /// Stops teaching the classes and groups of the school (`$2`) in the school year starting
    /// at `$3`.
    LEAVE_TEACHINGS = "DELETE FROM teachings WHERE account_id = $1 AND group_id IN (\
        SELECT g.id FROM school_groups g JOIN school_years y ON y.id = g.year_id \
        WHERE y.starts_at = $3 AND g.school_id = $2)";
    /// The links of a withdrawn parent (`$1`) to the pupils of the school (`$2`) that no
    /// longer count anywhere (see `link_counts!`).
    UNLINK_WITHDRAWN_PARENT = "DELETE FROM parent_links WHERE parent_id = $1 AND child_id IN (\
          SELECT account_id FROM roles WHERE school_id = $2 AND profile = 'pupil') \
        AND NOT EXISTS (SELECT 1 FROM roles pr JOIN roles cr ON cr.school_id = pr.school_id \
          WHERE pr.account_id = parent_links.parent_id AND pr.profile = 'parent' \
          AND cr.account_id = parent_links.child_id AND cr.profile = 'pupil')";
    LINK_PARENT = "INSERT INTO parent_links (parent_id, child_id) VALUES ($1, $2) \
        ON CONFLICT (parent_id, child_id) DO NOTHING";
    UNLINK_PARENT = "DELETE FROM parent_links WHERE parent_id = $1 AND child_id = $2";
}

#[derive(sqlx::FromRow)]
struct SchoolRow {
    id: i64,
    name: String,
    uai: String,
}

#[derive(sqlx::FromRow)]
struct TotalRow {
    total: Count,
}

#[derive(sqlx::FromRow)]
struct ListedRow {
    id: i64,
    username: String,
    first_name: String,
    last_name: String,
    must_change_password: Flag,
    class: Option<String>,
}

#[derive(sqlx::FromRow)]
struct ListedRoleRow {
    account_id: i64,
    profile: Code<Profile>,
}

#[derive(sqlx::FromRow)]
struct AccountDetailRow {
    username: String,
    first_name: String,
    last_name: String,
    must_change_password: Flag,
}

#[derive(sqlx::FromRow)]
struct ProfileRow {
    profile: Code<Profile>,
}

#[derive(sqlx::FromRow)]
struct GroupRow {
    id: i64,
    name: String,
    kind: Code<GroupKind>,
}

#[derive(sqlx::FromRow)]
struct IdRow {
    id: i64,
}

/// A `LIKE` pattern finding `search` anywhere, its own `%`, `_` and `\` taken literally.
fn contains_pattern(search: &str) -> String {
    let mut pattern = String::from("%");
    for c in search.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[async_trait]
impl SchoolAccounts for Db {
    async fn schools(&self, only: Option<Vec<SchoolId>>) -> Result<Vec<AdminSchool>, StoreError> {
        let rows: Vec<SchoolRow> = SCHOOLS
            .query_as()
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows
            .into_iter()
            .map(|r| AdminSchool {
                id: SchoolId::new(r.id),
                name: r.name,
                uai: r.uai,
            })
            .filter(|s| only.as_ref().is_none_or(|only| only.contains(&s.id)))
            .collect())
    }

    async fn list_accounts(
        &self,
        school: SchoolId,
        query: &AccountQuery,
        page_size: u32,
        year: SchoolYear,
    ) -> Result<AccountPage, StoreError> {
        let profile = query.profile.map(Profile::code);
        let pattern = contains_pattern(&query.search);
        let limit = i64::from(page_size);
        let offset = i64::from(query.page).saturating_mul(limit);
        let total: TotalRow = COUNT_ACCOUNTS
            .query_as()
            .bind(school.get())
            .bind(profile)
            .bind(&pattern)
            .fetch_one(&self.pool)
            .await
            .map_err(fail)?;
        let rows: Vec<ListedRow> = LIST_ACCOUNTS
            .query_as()
            .bind(school.get())
            .bind(profile)
            .bind(&pattern)
            .bind(limit)
            .bind(offset)
            .bind(year.starts().unix())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let roles: Vec<ListedRoleRow> = LIST_ROLES
            .query_as()
            .bind(school.get())
            .bind(profile)
            .bind(&pattern)
            .bind(limit)
            .bind(offset)
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let accounts = rows
            .into_iter()
            .map(|r| AccountRow {
                id: AccountId::new(r.id),
                username: r.username,
                first_name: r.first_name,
                last_name: r.last_name,
                must_change_password: r.must_change_password.0,
                class: r.class,
                profiles: roles
                    .iter()
                    .filter(|role| role.account_id == r.id)
                    .map(|role| role.profile.0)
                    .collect(),
            })
            .collect();
        Ok(AccountPage {
            accounts,
            total: u64::from(total.total.0),
            page: query.page,
            page_size,
        })
    }

    async fn account_detail(
        &self,
        school: SchoolId,
        account: AccountId,
        year: SchoolYear,
    ) -> Result<Option<AccountDetail>, StoreError> {
        let Some(row) = ACCOUNT
            .query_as::<AccountDetailRow>()
            .bind(account.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?
        else {
            return Ok(None);
        };
        let profiles = PROFILES_IN
            .query_as::<ProfileRow>()
            .bind(account.get())
            .bind(school.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?
            .into_iter()
            .map(|r| r.profile.0)
            .collect();
        let groups = GROUPS_IN
            .query_as::<GroupRow>()
            .bind(account.get())
            .bind(school.get())
            .bind(year.starts().unix())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?
            .into_iter()
            .map(|r| GroupRef {
                id: GroupId::new(r.id),
                name: r.name,
                kind: r.kind.0,
            })
            .collect();
        let parents = self
            .people_in(PARENTS_IN, account.get(), school.get())
            .await?;
        let children = self
            .people_in(CHILDREN_IN, account.get(), school.get())
            .await?;
        Ok(Some(AccountDetail {
            id: account,
            username: row.username,
            first_name: row.first_name,
            last_name: row.last_name,
            must_change_password: row.must_change_password.0,
            profiles,
            groups,
            parents,
            children,
            may: AccountChanges::default(),
        }))
    }

    async fn create_account(
        &self,
        new: NewAccountRecord,
    ) -> Result<Option<(AccountId, Username)>, StoreError> {
        let mut tx = self.writer.begin().await.map_err(fail)?;
        for candidate in new.candidates {
            let inserted: Option<IdRow> = CREATE_ACCOUNT
                .query_as()
                .bind(candidate.as_str())
                .bind(new.first_name.as_str())
                .bind(new.last_name.as_str())
                .bind(&new.password_hash)
                .bind(flag(true))
                .bind(new.now.unix())
                .fetch_optional(&mut *tx)
                .await
                .map_err(fail)?;
            let Some(row) = inserted else {
                continue;
            };
            let id = AccountId::new(row.id);
            INSERT_ROLE
                .query()
                .bind(id.get())
                .bind(new.role.school.get())
                .bind(new.role.profile.code())
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
            tx.commit().await.map_err(fail)?;
            return Ok(Some((id, candidate)));
        }
        Ok(None)
    }

    async fn rename_account(
        &self,
        account: AccountId,
        first_name: &PersonName,
        last_name: &PersonName,
    ) -> Result<(), StoreError> {
        RENAME_ACCOUNT
            .query()
            .bind(first_name.as_str())
            .bind(last_name.as_str())
            .bind(account.get())
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn add_role(&self, account: AccountId, role: Role) -> Result<bool, StoreError> {
        self.changed(
            ADD_ROLE
                .query()
                .bind(account.get())
                .bind(role.school.get())
                .bind(role.profile.code()),
        )
        .await
    }

    async fn remove_role(
        &self,
        account: AccountId,
        role: Role,
        year: SchoolYear,
    ) -> Result<bool, StoreError> {
        let mut tx = self.writer.begin().await.map_err(fail)?;
        let removed = REMOVE_ROLE
            .query()
            .bind(account.get())
            .bind(role.school.get())
            .bind(role.profile.code())
            .execute(&mut *tx)
            .await
            .map_err(fail)?
            .rows_affected()
            > 0;
        // Without the profile, the places that need it this year go too (past years stay as
        // they were: they are the school's history).
        let seats = if role.profile == Place::Member.requires() {
            Some(LEAVE_GROUPS)
        } else if role.profile == Place::Teacher.requires() {
            Some(LEAVE_TEACHINGS)
        } else {
            None
        };
        if let Some(statement) = seats.filter(|_| removed) {
            statement
                .query()
                .bind(account.get())
                .bind(role.school.get())
                .bind(year.starts().unix())
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
        }
        // A withdrawn parent loses the children of this school, unless they are still their
        // parent in another school the child attends (a link counts only then, see
        // `link_counts!`): the rows go, so that a Parent role given again later, maybe for
        // another child, does not bring back a link that was meant to end. Children of other
        // schools are not this school's to unlink.
        if removed && role.profile == Place::Parent.requires() {
            UNLINK_WITHDRAWN_PARENT
                .query()
                .bind(account.get())
                .bind(role.school.get())
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
        }
        tx.commit().await.map_err(fail)?;
        Ok(removed)
    }

    async fn link_parent(&self, parent: AccountId, child: AccountId) -> Result<bool, StoreError> {
        self.changed(LINK_PARENT.query().bind(parent.get()).bind(child.get()))
            .await
    }

    async fn unlink_parent(&self, parent: AccountId, child: AccountId) -> Result<bool, StoreError> {
        self.changed(UNLINK_PARENT.query().bind(parent.get()).bind(child.get()))
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::contains_pattern;

    #[test]
    fn search_patterns_take_wildcards_literally() {
        assert_eq!(contains_pattern(""), "%%");
        assert_eq!(contains_pattern("Anna"), "%anna%");
        assert_eq!(contains_pattern("50%_\\"), "%50\\%\\_\\\\%");
    }
}
