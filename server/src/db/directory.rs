//! Schools, classes and groups, and the people in them.

use super::decode::{Code, Flag};
use super::sql::{Statement, statements};
use super::{Db, fail};
use app::api::home::{Child, GroupRef, HomeSchool};
use app::api::profile::{AccountProfile, PersonRef, RoleAt};
use app::ports::{Directory, StoreError};
use async_trait::async_trait;
use domain::authz::{AccountFacts, Seen};
use domain::ids::{AccountId, GroupId, SchoolId};
use domain::profile::{Profile, Role};
use domain::school::{GroupKind, SchoolKind};
use domain::school_calendar::SchoolYear;

/// Joins making a parent link `l` count, by the school where it does (`pr.school_id`): the
/// parent's Parent role and the child's Pupil role there (see `link_counts!`).
macro_rules! relatives_joins {
    () => {
        "JOIN roles pr ON pr.account_id = l.parent_id AND pr.profile = 'parent' \
         JOIN roles cr ON cr.account_id = l.child_id AND cr.profile = 'pupil' \
         AND cr.school_id = pr.school_id"
    };
}

statements! {
    /// Classes and groups of the school year starting at `$2` an account is a pupil in or
    /// teaches. Two joins, each driven by the person's index: PostgreSQL plans an
    /// `IN (… UNION …)` as a scan of every group of the region.
    GROUPS_OF = "SELECT g.school_id AS school_id, g.id AS id, g.name AS name, g.kind AS kind \
        FROM memberships m \
        JOIN school_groups g ON g.id = m.group_id \
        JOIN school_years y ON y.id = g.year_id AND y.starts_at = $2 \
        WHERE m.account_id = $1 \
        UNION SELECT g.school_id, g.id, g.name, g.kind FROM teachings t \
        JOIN school_groups g ON g.id = t.group_id \
        JOIN school_years y ON y.id = g.year_id AND y.starts_at = $2 \
        WHERE t.account_id = $1 \
        ORDER BY kind, name";
    ROLES_OF = "SELECT r.school_id AS school_id, r.profile AS profile, s.name AS school_name \
        FROM roles r JOIN schools s ON s.id = r.school_id \
        WHERE r.account_id = $1 ORDER BY s.name, r.profile";
    HOME_SCHOOLS = "SELECT s.id AS id, s.name AS name, s.uai AS uai, s.kind AS kind, \
        r.profile AS profile FROM roles r \
        JOIN schools s ON s.id = r.school_id WHERE r.account_id = $1 ORDER BY s.name, s.id";
    /// One row per child and school; the class is the child's class of the school year
    /// starting at `$2` there. A child whose link counts is shown in all their schools.
    CHILDREN_OF = concat!(
        "SELECT a.id AS id, a.first_name AS first_name, a.last_name AS last_name, \
           s.name AS school, \
           (SELECT g.name FROM school_groups g JOIN memberships m ON m.group_id = g.id \
            JOIN school_years y ON y.id = g.year_id AND y.starts_at = $2 \
            WHERE m.account_id = a.id AND g.school_id = s.id AND g.kind = 'class' LIMIT 1) \
             AS class \
         FROM parent_links l JOIN accounts a ON a.id = l.child_id \
         JOIN roles r ON r.account_id = a.id AND r.profile = 'pupil' \
         JOIN schools s ON s.id = r.school_id \
         WHERE l.parent_id = $1 AND ",
        link_counts!(),
        " ORDER BY a.first_name, a.id"
    );
    PLATFORM_ADMIN = "SELECT platform_admin FROM accounts WHERE id = $1";
    /// The classes and groups of the school year starting at `$2` an account is a pupil in.
    MEMBER_OF = "SELECT m.group_id AS group_id FROM memberships m \
        JOIN school_groups g ON g.id = m.group_id \
        JOIN school_years y ON y.id = g.year_id AND y.starts_at = $2 \
        WHERE m.account_id = $1";
    ACCOUNT_NAMES = "SELECT username, first_name, last_name FROM accounts WHERE id = $1";
    /// Parents through links that count, each with a school where it counts.
    PARENTS = concat!(
        "SELECT a.id AS id, a.first_name AS first_name, a.last_name AS last_name, \
           pr.school_id AS school_id FROM parent_links l \
         JOIN accounts a ON a.id = l.parent_id ",
        relatives_joins!(),
        " WHERE l.child_id = $1 ORDER BY a.last_name, a.first_name, a.id"
    );
    /// Children through links that count, each with a school where it counts.
    CHILDREN = concat!(
        "SELECT a.id AS id, a.first_name AS first_name, a.last_name AS last_name, \
           pr.school_id AS school_id FROM parent_links l \
         JOIN accounts a ON a.id = l.child_id ",
        relatives_joins!(),
        " WHERE l.parent_id = $1 ORDER BY a.first_name, a.last_name, a.id"
    );
}

#[derive(sqlx::FromRow)]
struct GroupRow {
    school_id: i64,
    id: i64,
    name: String,
    kind: Code<GroupKind>,
}

#[derive(sqlx::FromRow)]
struct RoleRow {
    school_id: i64,
    profile: Code<Profile>,
    school_name: String,
}

#[derive(sqlx::FromRow)]
struct HomeSchoolRow {
    id: i64,
    name: String,
    uai: String,
    kind: Code<SchoolKind>,
    profile: Code<Profile>,
}

#[derive(sqlx::FromRow)]
struct ChildRow {
    id: i64,
    first_name: String,
    last_name: String,
    school: String,
    class: Option<String>,
}

#[derive(sqlx::FromRow)]
struct PlatformAdminRow {
    platform_admin: Flag,
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    group_id: i64,
}

#[derive(sqlx::FromRow)]
struct NamesRow {
    username: String,
    first_name: String,
    last_name: String,
}

/// A relative and a school where the link counts.
#[derive(sqlx::FromRow)]
struct RelativeRow {
    id: i64,
    first_name: String,
    last_name: String,
    school_id: i64,
}

impl Db {
    /// Classes and groups of `year` an account is a pupil in or teaches.
    async fn groups_of(
        &self,
        account: AccountId,
        year: SchoolYear,
    ) -> Result<Vec<(SchoolId, GroupRef)>, StoreError> {
        let rows: Vec<GroupRow> = GROUPS_OF
            .query_as()
            .bind(account.get())
            .bind(year.starts().unix())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let group = GroupRef {
                    id: GroupId::new(r.id),
                    name: r.name,
                    kind: r.kind.0,
                };
                (SchoolId::new(r.school_id), group)
            })
            .collect())
    }

    async fn roles_of(&self, account: AccountId) -> Result<Vec<(Role, String)>, StoreError> {
        let rows: Vec<RoleRow> = ROLES_OF
            .query_as()
            .bind(account.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let role = Role {
                    school: SchoolId::new(r.school_id),
                    profile: r.profile.0,
                };
                (role, r.school_name)
            })
            .collect())
    }

    /// Parents or children ([`PARENTS`], [`CHILDREN`]), kept when `seen` includes a school
    /// where the link counts.
    async fn relatives(
        &self,
        statement: Statement,
        account: AccountId,
        seen: &Seen,
    ) -> Result<Vec<PersonRef>, StoreError> {
        let rows: Vec<RelativeRow> = statement
            .query_as()
            .bind(account.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let mut people: Vec<PersonRef> = Vec::new();
        for r in rows {
            if seen.includes(SchoolId::new(r.school_id))
                && !people.iter().any(|p| p.id.get() == r.id)
            {
                people.push(PersonRef {
                    id: AccountId::new(r.id),
                    first_name: r.first_name,
                    last_name: r.last_name,
                });
            }
        }
        Ok(people)
    }
}

#[async_trait]
impl Directory for Db {
    async fn home_schools(
        &self,
        account: AccountId,
        year: SchoolYear,
    ) -> Result<Vec<HomeSchool>, StoreError> {
        let rows: Vec<HomeSchoolRow> = HOME_SCHOOLS
            .query_as()
            .bind(account.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let groups = self.groups_of(account, year).await?;
        let mut schools: Vec<HomeSchool> = Vec::new();
        for r in rows {
            let id = SchoolId::new(r.id);
            if let Some(school) = schools.iter_mut().find(|s| s.id == id) {
                school.profiles.push(r.profile.0);
                continue;
            }
            schools.push(HomeSchool {
                id,
                name: r.name,
                uai: r.uai,
                kind: r.kind.0,
                profiles: vec![r.profile.0],
                groups: groups
                    .iter()
                    .filter(|(s, _)| *s == id)
                    .map(|(_, g)| g.clone())
                    .collect(),
            });
        }
        Ok(schools)
    }

    async fn children_of(
        &self,
        parent: AccountId,
        year: SchoolYear,
    ) -> Result<Vec<Child>, StoreError> {
        let rows: Vec<ChildRow> = CHILDREN_OF
            .query_as()
            .bind(parent.get())
            .bind(year.starts().unix())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows
            .into_iter()
            .map(|r| Child {
                id: AccountId::new(r.id),
                first_name: r.first_name,
                last_name: r.last_name,
                school: r.school,
                class: r.class,
            })
            .collect())
    }

    async fn account_facts(
        &self,
        account: AccountId,
        year: SchoolYear,
    ) -> Result<Option<AccountFacts>, StoreError> {
        let Some(row) = PLATFORM_ADMIN
            .query_as::<PlatformAdminRow>()
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
        let groups = MEMBER_OF
            .query_as::<MemberRow>()
            .bind(account.get())
            .bind(year.starts().unix())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?
            .into_iter()
            .map(|r| GroupId::new(r.group_id))
            .collect();
        Ok(Some(AccountFacts {
            id: Some(account),
            platform_admin: row.platform_admin.0,
            roles,
            groups,
        }))
    }

    async fn account_profile(
        &self,
        account: AccountId,
        seen: &Seen,
        year: SchoolYear,
    ) -> Result<Option<AccountProfile>, StoreError> {
        let Some(names) = ACCOUNT_NAMES
            .query_as::<NamesRow>()
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
            .groups_of(account, year)
            .await?
            .into_iter()
            .filter(|(school, _)| seen.includes(*school))
            .map(|(_, g)| g)
            .collect();
        Ok(Some(AccountProfile {
            id: account,
            username: names.username,
            first_name: names.first_name,
            last_name: names.last_name,
            roles,
            groups,
            parents: self.relatives(PARENTS, account, seen).await?,
            children: self.relatives(CHILDREN, account, seen).await?,
        }))
    }
}
