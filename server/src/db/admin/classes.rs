//! Classes and teaching groups of a school year, their pupils, teachers and subjects.

use super::{count, person};
use crate::db::{Db, fail};
use app::api::admin::{GroupDetail, GroupSummary, SubjectRef, TeacherRef};
use app::ports::{GroupFacts, SchoolClasses, StoreError};
use async_trait::async_trait;
use domain::ids::{AccountId, GroupId, SchoolId, SchoolYearId, SubjectId};
use domain::school::{GroupKind, Label};
use sqlx::Row;

#[async_trait]
impl SchoolClasses for Db {
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
