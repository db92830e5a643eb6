//! Schools, classes and groups, and the people in them.

use super::{Db, fail, is_set};
use app::api::home::{Child, GroupRef, HomeSchool};
use app::api::profile::{AccountProfile, PersonRef, RoleAt};
use app::ports::{Directory, StoreError};
use async_trait::async_trait;
use domain::authz::{AccountFacts, Seen};
use domain::ids::{AccountId, GroupId, SchoolId};
use domain::profile::{Profile, Role};
use domain::school::SchoolKind;
use sqlx::Row;
use sqlx::any::AnyRow;

/// Joins making a parent link `l` count, by the school where it does (`pr.school_id`): the
/// parent's Parent role and the child's Pupil role there (see `link_counts!`).
macro_rules! relatives_joins {
    () => {
        "JOIN roles pr ON pr.account_id = l.parent_id AND pr.profile = 'parent' \
         JOIN roles cr ON cr.account_id = l.child_id AND cr.profile = 'pupil' \
         AND cr.school_id = pr.school_id"
    };
}

fn group_ref(r: &AnyRow, at: usize) -> Option<GroupRef> {
    Some(GroupRef {
        id: GroupId::new(r.get(at)),
        name: r.get(at + 1),
        kind: r.get::<String, _>(at + 2).parse().ok()?,
    })
}

fn person_ref(r: &AnyRow) -> PersonRef {
    PersonRef {
        id: AccountId::new(r.get(0)),
        first_name: r.get(1),
        last_name: r.get(2),
    }
}

impl Db {
    /// Classes and groups of the current year an account is a pupil in or teaches.
    async fn groups_of(&self, account: AccountId) -> Result<Vec<(SchoolId, GroupRef)>, StoreError> {
        let rows = sqlx::query(
            // Two joins, each driven by the person's index: PostgreSQL plans an `IN (… UNION …)`
            // as a scan of every group of the region.
            "SELECT g.school_id, g.id, g.name, g.kind FROM memberships m \
             JOIN school_groups g ON g.id = m.group_id \
             JOIN school_years y ON y.id = g.year_id AND y.is_current = 1 \
             WHERE m.account_id = $1 \
             UNION SELECT g.school_id, g.id, g.name, g.kind FROM teachings t \
             JOIN school_groups g ON g.id = t.group_id \
             JOIN school_years y ON y.id = g.year_id AND y.is_current = 1 \
             WHERE t.account_id = $1 \
             ORDER BY kind, name",
        )
        .bind(account.get())
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        Ok(rows
            .iter()
            .filter_map(|r| Some((SchoolId::new(r.get(0)), group_ref(r, 1)?)))
            .collect())
    }

    async fn roles_of(&self, account: AccountId) -> Result<Vec<(Role, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT r.school_id, r.profile, s.name FROM roles r JOIN schools s ON s.id = r.school_id \
             WHERE r.account_id = $1 ORDER BY s.name, r.profile",
        )
        .bind(account.get())
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                let role = Role {
                    school: SchoolId::new(r.get(0)),
                    profile: r.get::<String, _>(1).parse::<Profile>().ok()?,
                };
                Some((role, r.get(2)))
            })
            .collect())
    }

    /// Parents or children through links that count, each with a school where it counts
    /// (`id, first_name, last_name, school_id` rows), kept when `seen` includes that school.
    async fn relatives(
        &self,
        sql: &'static str,
        account: AccountId,
        seen: &Seen,
    ) -> Result<Vec<PersonRef>, StoreError> {
        let rows = sqlx::query(sql)
            .bind(account.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let mut people: Vec<PersonRef> = Vec::new();
        for r in rows
            .iter()
            .filter(|r| seen.includes(SchoolId::new(r.get(3))))
        {
            let person = person_ref(r);
            if !people.iter().any(|p| p.id == person.id) {
                people.push(person);
            }
        }
        Ok(people)
    }
}

#[async_trait]
impl Directory for Db {
    async fn home_schools(&self, account: AccountId) -> Result<Vec<HomeSchool>, StoreError> {
        let rows = sqlx::query(
            "SELECT s.id, s.name, s.uai, s.kind, r.profile FROM roles r \
             JOIN schools s ON s.id = r.school_id WHERE r.account_id = $1 ORDER BY s.name, s.id",
        )
        .bind(account.get())
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        let groups = self.groups_of(account).await?;
        let mut schools: Vec<HomeSchool> = Vec::new();
        for r in &rows {
            let id = SchoolId::new(r.get(0));
            let Ok(profile) = r.get::<String, _>(4).parse::<Profile>() else {
                continue;
            };
            if let Some(school) = schools.iter_mut().find(|s| s.id == id) {
                school.profiles.push(profile);
                continue;
            }
            schools.push(HomeSchool {
                id,
                name: r.get(1),
                uai: r.get(2),
                kind: r.get::<String, _>(3).parse().unwrap_or(SchoolKind::College),
                profiles: vec![profile],
                groups: groups
                    .iter()
                    .filter(|(s, _)| *s == id)
                    .map(|(_, g)| g.clone())
                    .collect(),
            });
        }
        Ok(schools)
    }

    async fn children_of(&self, parent: AccountId) -> Result<Vec<Child>, StoreError> {
        // One row per child and school; the class is the child's class of the current year there.
        // A child whose link counts is shown in all their schools.
        let rows = sqlx::query(concat!(
            "SELECT a.id, a.first_name, a.last_name, s.name, \
               (SELECT g.name FROM school_groups g JOIN memberships m ON m.group_id = g.id \
                JOIN school_years y ON y.id = g.year_id AND y.is_current = 1 \
                WHERE m.account_id = a.id AND g.school_id = s.id AND g.kind = 'class' LIMIT 1) \
             FROM parent_links l JOIN accounts a ON a.id = l.child_id \
             JOIN roles r ON r.account_id = a.id AND r.profile = 'pupil' \
             JOIN schools s ON s.id = r.school_id \
             WHERE l.parent_id = $1 AND ",
            link_counts!(),
            " ORDER BY a.first_name, a.id"
        ))
        .bind(parent.get())
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?;
        Ok(rows
            .iter()
            .map(|r| Child {
                id: AccountId::new(r.get(0)),
                first_name: r.get(1),
                last_name: r.get(2),
                school: r.get(3),
                class: r.get(4),
            })
            .collect())
    }

    async fn account_facts(&self, account: AccountId) -> Result<Option<AccountFacts>, StoreError> {
        let Some(row) = sqlx::query("SELECT platform_admin FROM accounts WHERE id = $1")
            .bind(account.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?
        else {
            return Ok(None);
        };
        let roles = self
            .roles_of(account)
            .await?
            .into_iter()
            .map(|(r, _)| r)
            .collect();
        let groups = sqlx::query(
            "SELECT m.group_id FROM memberships m JOIN school_groups g ON g.id = m.group_id \
             JOIN school_years y ON y.id = g.year_id AND y.is_current = 1 \
             WHERE m.account_id = $1",
        )
        .bind(account.get())
        .fetch_all(&self.pool)
        .await
        .map_err(fail)?
        .iter()
        .map(|r| GroupId::new(r.get(0)))
        .collect();
        Ok(Some(AccountFacts {
            id: Some(account),
            platform_admin: is_set(&row, 0),
            roles,
            groups,
        }))
    }

    async fn account_profile(
        &self,
        account: AccountId,
        seen: &Seen,
    ) -> Result<Option<AccountProfile>, StoreError> {
        let Some(row) =
            sqlx::query("SELECT username, first_name, last_name FROM accounts WHERE id = $1")
                .bind(account.get())
                .fetch_optional(&self.pool)
                .await
                .map_err(fail)?
        else {
            return Ok(None);
        };
        let roles = self
            .roles_of(account)
            .await?
            .into_iter()
            .filter(|(role, _)| seen.includes(role.school))
            .map(|(role, school_name)| RoleAt { role, school_name })
            .collect();
        let groups = self
            .groups_of(account)
            .await?
            .into_iter()
            .filter(|(school, _)| seen.includes(*school))
            .map(|(_, g)| g)
            .collect();
        Ok(Some(AccountProfile {
            id: account,
            username: row.get(0),
            first_name: row.get(1),
            last_name: row.get(2),
            roles,
            groups,
            parents: self
                .relatives(
                    concat!(
                        "SELECT a.id, a.first_name, a.last_name, pr.school_id FROM parent_links l \
                         JOIN accounts a ON a.id = l.parent_id ",
                        relatives_joins!(),
                        " WHERE l.child_id = $1 ORDER BY a.last_name, a.first_name, a.id"
                    ),
                    account,
                    seen,
                )
                .await?,
            children: self
                .relatives(
                    concat!(
                        "SELECT a.id, a.first_name, a.last_name, pr.school_id FROM parent_links l \
                         JOIN accounts a ON a.id = l.child_id ",
                        relatives_joins!(),
                        " WHERE l.parent_id = $1 ORDER BY a.first_name, a.last_name, a.id"
                    ),
                    account,
                    seen,
                )
                .await?,
        }))
    }
}
