//! What a school's admin changes: accounts and roles, classes and groups, parent links.

use super::{Db, fail, flag, is_set};
use app::api::admin::{
    AccountDetail, AccountPage, AccountQuery, AccountRow, AdminSchool, GroupDetail, GroupSummary,
    SubjectRef, TeacherRef,
};
use app::api::home::GroupRef;
use app::api::profile::PersonRef;
use app::ports::{GroupFacts, NewAccountRecord, SchoolAdmin, StoreError};
use async_trait::async_trait;
use domain::account::{PersonName, Username};
use domain::ids::{AccountId, GroupId, SchoolId, SchoolYearId, SubjectId};
use domain::profile::{Profile, Role};
use domain::school::{GroupKind, Label, Place};
use sqlx::Row;
use sqlx::any::AnyRow;

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

fn person(r: &AnyRow) -> PersonRef {
    PersonRef {
        id: AccountId::new(r.get(0)),
        first_name: r.get(1),
        last_name: r.get(2),
    }
}

fn count(r: &AnyRow, at: usize) -> u32 {
    u32::try_from(r.get::<i64, _>(at)).unwrap_or(u32::MAX)
}

impl Db {
    async fn people_in(
        &self,
        sql: &'static str,
        first: i64,
        second: i64,
    ) -> Result<Vec<PersonRef>, StoreError> {
        let rows = sqlx::query(sql)
            .bind(first)
            .bind(second)
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows.iter().map(person).collect())
    }

    async fn changed(&self, query: sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments>)
    -> Result<bool, StoreError> {
        let done = query.execute(&self.pool).await.map_err(fail)?;
        Ok(done.rows_affected() > 0)
    }
}

#[async_trait]
impl SchoolAdmin for Db {
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
        // Only relatives who belong to this school: an admin sees no one from elsewhere.
        let parents = self
            .people_in(
                "SELECT a.id, a.first_name, a.last_name FROM parent_links l \
                 JOIN accounts a ON a.id = l.parent_id WHERE l.child_id = $1 \
                 AND EXISTS (SELECT 1 FROM roles r WHERE r.account_id = a.id AND r.school_id = $2) \
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
            Some("DELETE FROM memberships WHERE account_id = $1 AND group_id IN (\
                  SELECT g.id FROM school_groups g JOIN school_years y ON y.id = g.year_id \
                  WHERE y.is_current = 1 AND g.school_id = $2)")
        } else if role.profile == Place::Teacher.requires() {
            Some("DELETE FROM teachings WHERE account_id = $1 AND group_id IN (\
                  SELECT g.id FROM school_groups g JOIN school_years y ON y.id = g.year_id \
                  WHERE y.is_current = 1 AND g.school_id = $2)")
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

    async fn unlink_parent(
        &self,
        parent: AccountId,
        child: AccountId,
    ) -> Result<bool, StoreError> {
        self.changed(
            sqlx::query("DELETE FROM parent_links WHERE parent_id = $1 AND child_id = $2")
                .bind(parent.get())
                .bind(child.get()),
        )
        .await
    }

    async fn current_year(&self) -> Result<Option<SchoolYearId>, StoreError> {
        let row = sqlx::query(
            "SELECT id FROM school_years WHERE is_current = 1 ORDER BY starts_on DESC, id DESC LIMIT 1",
        )
        .fetch_optional(&self.pool)
        .await
        .map_err(fail)?;
        Ok(row.map(|r| SchoolYearId::new(r.get(0))))
    }

    async fn groups(&self, school: SchoolId) -> Result<Vec<GroupSummary>, StoreError> {
        let rows = sqlx::query(
            "SELECT g.id, g.name, g.kind, \
               (SELECT COUNT(*) FROM memberships m WHERE m.group_id = g.id), \
               (SELECT COUNT(*) FROM teachings t WHERE t.group_id = g.id) \
             FROM school_groups g JOIN school_years y ON y.id = g.year_id AND y.is_current = 1 \
             WHERE g.school_id = $1 ORDER BY g.kind, LOWER(g.name), g.id",
        )
        .bind(school.get())
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                Some(GroupSummary {
                    id: GroupId::new(r.get(0)),
                    name: r.get(1),
                    kind: r.get::<String, _>(2).parse().ok()?,
                    members: count(r, 3),
                    teachers: count(r, 4),
                })
            })
            .collect())
    }

    async fn group_facts(&self, group: GroupId) -> Result<Option<GroupFacts>, StoreError> {
        let row = sqlx::query("SELECT school_id, year_id, kind FROM school_groups WHERE id = $1")
            .bind(group.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.and_then(|r| {
            Some(GroupFacts {
                school: SchoolId::new(r.get(0)),
                year: SchoolYearId::new(r.get(1)),
                kind: r.get::<String, _>(2).parse().ok()?,
            })
        }))
    }

    async fn group_detail(&self, group: GroupId) -> Result<Option<GroupDetail>, StoreError> {
        let Some(row) =
            sqlx::query("SELECT school_id, name, kind FROM school_groups WHERE id = $1")
                .bind(group.get())
                .fetch_optional(&self.pool)
                .await
                .map_err(fail)?
        else {
            return Ok(None);
        };
        let Ok(kind) = row.get::<String, _>(2).parse::<GroupKind>() else {
            return Ok(None);
        };
        let members = sqlx::query(
            "SELECT a.id, a.first_name, a.last_name FROM memberships m \
             JOIN accounts a ON a.id = m.account_id WHERE m.group_id = $1 \
             ORDER BY LOWER(a.last_name), LOWER(a.first_name), a.id",
        )
        .bind(group.get())
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?
        .iter()
        .map(person)
        .collect();
        let teachers = sqlx::query(
            "SELECT a.id, a.first_name, a.last_name, s.id, s.name FROM teachings t \
             JOIN accounts a ON a.id = t.account_id LEFT JOIN subjects s ON s.id = t.subject_id \
             WHERE t.group_id = $1 ORDER BY LOWER(a.last_name), LOWER(a.first_name), a.id",
        )
        .bind(group.get())
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?
        .iter()
        .map(|r| TeacherRef {
            id: AccountId::new(r.get(0)),
            first_name: r.get(1),
            last_name: r.get(2),
            subject: r.get::<Option<i64>, _>(3).map(|id| SubjectRef {
                id: SubjectId::new(id),
                name: r.get(4),
            }),
        })
        .collect();
        Ok(Some(GroupDetail {
            id: group,
            school: SchoolId::new(row.get(0)),
            name: row.get(1),
            kind,
            members,
            teachers,
        }))
    }

    async fn create_group(
        &self,
        school: SchoolId,
        year: SchoolYearId,
        kind: GroupKind,
        name: &Label,
    ) -> Result<GroupId, StoreError> {
        let row = sqlx::query(
            "INSERT INTO school_groups (school_id, year_id, kind, name) VALUES ($1, $2, $3, $4) \
             RETURNING id",
        )
        .bind(school.get())
        .bind(year.get())
        .bind(kind.code())
        .bind(name.as_str())
        .fetch_one(&self.pool)
        .await
        .map_err(fail)?;
        Ok(GroupId::new(row.get(0)))
    }

    async fn rename_group(&self, group: GroupId, name: &Label) -> Result<(), StoreError> {
        sqlx::query("UPDATE school_groups SET name = $1 WHERE id = $2")
            .bind(name.as_str())
            .bind(group.get())
            .execute(&self.pool)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn delete_group(&self, group: GroupId) -> Result<(), StoreError> {
        // Explicit deletes rather than relying on ON DELETE CASCADE, which SQLite only honours
        // on connections that enabled foreign keys.
        let mut tx = self.pool.begin().await.map_err(fail)?;
        for sql in [
            "DELETE FROM memberships WHERE group_id = $1",
            "DELETE FROM teachings WHERE group_id = $1",
            "DELETE FROM school_groups WHERE id = $1",
        ] {
            sqlx::query(sql)
                .bind(group.get())
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
        }
        tx.commit().await.map_err(fail)?;
        Ok(())
    }

    async fn add_member(
        &self,
        group: GroupId,
        account: AccountId,
    ) -> Result<Vec<String>, StoreError> {
        let mut tx = self.pool.begin().await.map_err(fail)?;
        // A write on the account row first: two admins placing the same pupil at once are
        // serialised (a row lock on PostgreSQL, the write lock on SQLite), so the second sees
        // the first's class and moves the pupil rather than leaving them in two.
        sqlx::query("UPDATE accounts SET created_at = created_at WHERE id = $1")
            .bind(account.get())
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        let Some(facts) =
            sqlx::query("SELECT school_id, year_id, kind FROM school_groups WHERE id = $1")
                .bind(group.get())
                .fetch_optional(&mut *tx)
                .await
                .map_err(fail)?
        else {
            return Ok(vec![]);
        };
        let (school, year, kind) = (
            facts.get::<i64, _>(0),
            facts.get::<i64, _>(1),
            facts.get::<String, _>(2),
        );
        let mut left = vec![];
        if kind.parse::<GroupKind>().is_ok_and(GroupKind::one_per_year) {
            left = sqlx::query(
                "SELECT g.name FROM memberships m JOIN school_groups g ON g.id = m.group_id \
                 WHERE m.account_id = $1 AND g.school_id = $2 AND g.year_id = $3 \
                 AND g.kind = $4 AND g.id <> $5 ORDER BY g.name",
            )
            .bind(account.get())
            .bind(school)
            .bind(year)
            .bind(&kind)
            .bind(group.get())
            .fetch_all(&mut *tx)
            .await
            .map_err(fail)?
            .iter()
            .map(|r| r.get::<String, _>(0))
            .collect();
            sqlx::query(
                "DELETE FROM memberships WHERE account_id = $1 AND group_id IN (\
                 SELECT id FROM school_groups WHERE school_id = $2 AND year_id = $3 \
                 AND kind = $4 AND id <> $5)",
            )
            .bind(account.get())
            .bind(school)
            .bind(year)
            .bind(&kind)
            .bind(group.get())
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        }
        sqlx::query(
            "INSERT INTO memberships (group_id, account_id) VALUES ($1, $2) \
             ON CONFLICT (group_id, account_id) DO NOTHING",
        )
        .bind(group.get())
        .bind(account.get())
        .execute(&mut *tx)
        .await
        .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(left)
    }

    async fn remove_member(&self, group: GroupId, account: AccountId) -> Result<bool, StoreError> {
        self.changed(
            sqlx::query("DELETE FROM memberships WHERE group_id = $1 AND account_id = $2")
                .bind(group.get())
                .bind(account.get()),
        )
        .await
    }

    async fn assign_teacher(
        &self,
        group: GroupId,
        account: AccountId,
        subject: Option<SubjectId>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO teachings (group_id, account_id, subject_id) VALUES ($1, $2, $3) \
             ON CONFLICT (group_id, account_id) DO UPDATE SET subject_id = excluded.subject_id",
        )
        .bind(group.get())
        .bind(account.get())
        .bind(subject.map(SubjectId::get))
        .execute(&self.pool)
        .await
        .map_err(fail)?;
        Ok(())
    }

    async fn unassign_teacher(
        &self,
        group: GroupId,
        account: AccountId,
    ) -> Result<bool, StoreError> {
        self.changed(
            sqlx::query("DELETE FROM teachings WHERE group_id = $1 AND account_id = $2")
                .bind(group.get())
                .bind(account.get()),
        )
        .await
    }

    async fn subjects(&self, school: SchoolId) -> Result<Vec<SubjectRef>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, name FROM subjects WHERE school_id = $1 ORDER BY LOWER(name), id",
        )
        .bind(school.get())
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        Ok(rows
            .iter()
            .map(|r| SubjectRef {
                id: SubjectId::new(r.get(0)),
                name: r.get(1),
            })
            .collect())
    }

    async fn subject_school(&self, subject: SubjectId) -> Result<Option<SchoolId>, StoreError> {
        let row = sqlx::query("SELECT school_id FROM subjects WHERE id = $1")
            .bind(subject.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(|r| SchoolId::new(r.get(0))))
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
