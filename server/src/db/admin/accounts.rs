//! Accounts of a school as its admin manages them: listing, creating, renaming, roles, links.

use crate::db::{Db, fail, flag, is_set};
use app::api::admin::{
    AccountChanges, AccountDetail, AccountPage, AccountQuery, AccountRow, AdminSchool,
};
use app::api::home::GroupRef;
use app::ports::{NewAccountRecord, SchoolAccounts, StoreError};
use async_trait::async_trait;
use domain::account::{PersonName, Username};
use domain::ids::{AccountId, GroupId, SchoolId};
use domain::profile::{Profile, Role};
use domain::school::Place;
use sqlx::Row;

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
        // Few schools per instance: filtering here keeps the SQL free of dialect-specific arrays.
        let rows = sqlx::query("SELECT id, name, uai FROM schools ORDER BY name, id")
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows
            .iter()
            .map(|r| AdminSchool {
                id: SchoolId::new(r.get(0)),
                name: r.get(1),
                uai: r.get(2),
            })
            .filter(|s| only.as_ref().is_none_or(|only| only.contains(&s.id)))
            .collect())
    }

    async fn list_accounts(
        &self,
        school: SchoolId,
        query: &AccountQuery,
        page_size: u32,
    ) -> Result<AccountPage, StoreError> {
        let profile = query.profile.map(Profile::code);
        let pattern = contains_pattern(&query.search);
        let limit = i64::from(page_size);
        let offset = i64::from(query.page).saturating_mul(limit);
        let total = sqlx::query(concat!("SELECT COUNT(*)", accounts_matching!()))
            .bind(school.get())
            .bind(profile)
            .bind(&pattern)
            .fetch_one(&self.pool)
            .await
            .map_err(fail)?
            .get::<i64, _>(0);
        let rows = sqlx::query(concat!(
            "SELECT a.id, a.username, a.first_name, a.last_name, a.must_change_password, \
               (SELECT g.name FROM memberships m JOIN school_groups g ON g.id = m.group_id \
                JOIN school_years y ON y.id = g.year_id AND y.is_current = 1 \
                WHERE m.account_id = a.id AND g.school_id = $1 AND g.kind = 'class' LIMIT 1)",
            accounts_matching!(),
            accounts_order!()
        ))
        .bind(school.get())
        .bind(profile)
        .bind(&pattern)
        .bind(limit)
        .bind(offset)
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        let roles = sqlx::query(concat!(
            "SELECT account_id, profile FROM roles WHERE school_id = $1 AND account_id IN \
             (SELECT a.id",
            accounts_matching!(),
            accounts_order!(),
            ") ORDER BY profile"
        ))
        .bind(school.get())
        .bind(profile)
        .bind(&pattern)
        .bind(limit)
        .bind(offset)
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        let accounts = rows
            .iter()
            .map(|r| {
                let id = r.get::<i64, _>(0);
                AccountRow {
                    id: AccountId::new(id),
                    username: r.get(1),
                    first_name: r.get(2),
                    last_name: r.get(3),
                    must_change_password: is_set(r, 4),
                    class: r.get(5),
                    profiles: roles
                        .iter()
                        .filter(|role| role.get::<i64, _>(0) == id)
                        .filter_map(|role| role.get::<String, _>(1).parse().ok())
                        .collect(),
                }
            })
            .collect();
        Ok(AccountPage {
            accounts,
            total: u64::try_from(total).unwrap_or(0),
            page: query.page,
            page_size,
        })
    }

    async fn account_detail(
        &self,
        school: SchoolId,
        account: AccountId,
    ) -> Result<Option<AccountDetail>, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT username, first_name, last_name, must_change_password FROM accounts \
             WHERE id = $1",
        )
        .bind(account.get())
        .fetch_optional(&self.pool)
        .await
        .map_err(fail)?
        else {
            return Ok(None);
        };
        let profiles = sqlx::query(
            "SELECT profile FROM roles WHERE account_id = $1 AND school_id = $2 ORDER BY profile",
        )
        .bind(account.get())
        .bind(school.get())
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?
        .iter()
        .filter_map(|r| r.get::<String, _>(0).parse().ok())
        .collect();
        let groups = sqlx::query(
            "SELECT g.id, g.name, g.kind FROM school_groups g \
             JOIN school_years y ON y.id = g.year_id AND y.is_current = 1 \
             WHERE g.school_id = $2 AND (\
               g.id IN (SELECT group_id FROM memberships WHERE account_id = $1) \
               OR g.id IN (SELECT group_id FROM teachings WHERE account_id = $1)) \
             ORDER BY g.kind, LOWER(g.name)",
        )
        .bind(account.get())
        .bind(school.get())
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?
        .iter()
        .filter_map(|r| {
            Some(GroupRef {
                id: GroupId::new(r.get(0)),
                name: r.get(1),
                kind: r.get::<String, _>(2).parse().ok()?,
            })
        })
        .collect();
        // Every parent of a pupil of the school, wherever the parent comes from (even one whose
        // role was withdrawn): whoever answers for the child must see who is linked to them, to
        // undo it. Of a parent, only the children of this school: the others are no one's here.
        let parents = self
            .people_in(
                "SELECT a.id, a.first_name, a.last_name FROM parent_links l \
                 JOIN accounts a ON a.id = l.parent_id WHERE l.child_id = $1 \
                 AND EXISTS (SELECT 1 FROM roles r WHERE r.account_id = l.child_id \
                   AND r.school_id = $2 AND r.profile = 'pupil') \
                 ORDER BY LOWER(a.last_name), LOWER(a.first_name), a.id",
                account.get(),
                school.get(),
            )
            .await?;
        let children = self
            .people_in(
                "SELECT a.id, a.first_name, a.last_name FROM parent_links l \
                 JOIN accounts a ON a.id = l.child_id WHERE l.parent_id = $1 \
                 AND EXISTS (SELECT 1 FROM roles r WHERE r.account_id = a.id AND r.school_id = $2) \
                 ORDER BY LOWER(a.first_name), a.id",
                account.get(),
                school.get(),
            )
            .await?;
        Ok(Some(AccountDetail {
            id: account,
            username: row.get(0),
            first_name: row.get(1),
            last_name: row.get(2),
            must_change_password: is_set(&row, 3),
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
        let mut tx = self.pool.begin().await.map_err(fail)?;
        for candidate in new.candidates {
            // DO NOTHING rather than a unique violation: on PostgreSQL a failed statement would
            // spoil the whole transaction, and the next candidate could not be tried.
            let inserted = sqlx::query(
                "INSERT INTO accounts (username, first_name, last_name, password_hash, \
                 must_change_password, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (username) DO NOTHING RETURNING id",
            )
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
            let id = AccountId::new(row.get(0));
            sqlx::query("INSERT INTO roles (account_id, school_id, profile) VALUES ($1, $2, $3)")
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
        sqlx::query("UPDATE accounts SET first_name = $1, last_name = $2 WHERE id = $3")
            .bind(first_name.as_str())
            .bind(last_name.as_str())
            .bind(account.get())
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn add_role(&self, account: AccountId, role: Role) -> Result<bool, StoreError> {
        self.changed(
            sqlx::query(
                "INSERT INTO roles (account_id, school_id, profile) VALUES ($1, $2, $3) \
                 ON CONFLICT (account_id, school_id, profile) DO NOTHING",
            )
            .bind(account.get())
            .bind(role.school.get())
            .bind(role.profile.code()),
        )
        .await
    }

    async fn remove_role(&self, account: AccountId, role: Role) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await.map_err(fail)?;
        let removed = sqlx::query(
            "DELETE FROM roles WHERE account_id = $1 AND school_id = $2 AND profile = $3",
        )
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
            Some(
                "DELETE FROM memberships WHERE account_id = $1 AND group_id IN (\
                  SELECT g.id FROM school_groups g JOIN school_years y ON y.id = g.year_id \
                  WHERE y.is_current = 1 AND g.school_id = $2)",
            )
        } else if role.profile == Place::Teacher.requires() {
            Some(
                "DELETE FROM teachings WHERE account_id = $1 AND group_id IN (\
                  SELECT g.id FROM school_groups g JOIN school_years y ON y.id = g.year_id \
                  WHERE y.is_current = 1 AND g.school_id = $2)",
            )
        } else {
            None
        };
        if let Some(sql) = seats.filter(|_| removed) {
            sqlx::query(sql)
                .bind(account.get())
                .bind(role.school.get())
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
            sqlx::query(
                "DELETE FROM parent_links WHERE parent_id = $1 AND child_id IN (\
                   SELECT account_id FROM roles WHERE school_id = $2 AND profile = 'pupil') \
                 AND NOT EXISTS (SELECT 1 FROM roles pr JOIN roles cr ON cr.school_id = pr.school_id \
                   WHERE pr.account_id = parent_links.parent_id AND pr.profile = 'parent' \
                   AND cr.account_id = parent_links.child_id AND cr.profile = 'pupil')",
            )
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
        self.changed(
            sqlx::query(
                "INSERT INTO parent_links (parent_id, child_id) VALUES ($1, $2) \
                 ON CONFLICT (parent_id, child_id) DO NOTHING",
            )
            .bind(parent.get())
            .bind(child.get()),
        )
        .await
    }

    async fn unlink_parent(&self, parent: AccountId, child: AccountId) -> Result<bool, StoreError> {
        self.changed(
            sqlx::query("DELETE FROM parent_links WHERE parent_id = $1 AND child_id = $2")
                .bind(parent.get())
                .bind(child.get()),
        )
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
