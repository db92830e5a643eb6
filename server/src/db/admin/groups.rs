//! Classes and teaching groups of a school year, their pupils, teachers and subjects.

use super::PersonRow;
use crate::db::decode::{Code, Count};
use crate::db::sql::statements;
use crate::db::{Db, fail, school_years};
use app::api::admin::{GroupDetail, GroupSummary, SubjectRef, TeacherRef};
use app::api::profile::PersonRef;
use app::ports::{GroupFacts, SchoolGroups, StoreError};
use async_trait::async_trait;
use domain::ids::{AccountId, GroupId, SchoolId, SchoolYearId, SubjectId};
use domain::lang::Bilingual;
use domain::school::{GroupKind, Label};
use domain::school_calendar::SchoolYear;

statements! {
    /// The classes and groups of a school (`$1`) in the school year starting at `$2`.
    GROUPS = "SELECT g.id AS id, g.name AS name, g.kind AS kind, \
          (SELECT COUNT(*) FROM memberships m WHERE m.group_id = g.id) AS members, \
          (SELECT COUNT(*) FROM teachings t WHERE t.group_id = g.id) AS teachers \
        FROM school_groups g JOIN school_years y ON y.id = g.year_id AND y.starts_at = $2 \
        WHERE g.school_id = $1 ORDER BY g.kind, LOWER(g.name), g.id";
    GROUP_FACTS = "SELECT school_id, year_id, kind FROM school_groups WHERE id = $1";
    GROUP = "SELECT school_id, name, kind FROM school_groups WHERE id = $1";
    MEMBERS = "SELECT a.id AS id, a.first_name AS first_name, a.last_name AS last_name \
        FROM memberships m \
        JOIN accounts a ON a.id = m.account_id WHERE m.group_id = $1 \
        ORDER BY LOWER(a.last_name), LOWER(a.first_name), a.id";
    TEACHERS = "SELECT a.id AS id, a.first_name AS first_name, a.last_name AS last_name, \
          s.id AS subject_id, s.name AS subject_name, s.name_co AS subject_name_co FROM teachings t \
        JOIN accounts a ON a.id = t.account_id LEFT JOIN subjects s ON s.id = t.subject_id \
        WHERE t.group_id = $1 ORDER BY LOWER(a.last_name), LOWER(a.first_name), a.id";
    CREATE_GROUP = "INSERT INTO school_groups (school_id, year_id, kind, name) \
        VALUES ($1, $2, $3, $4) RETURNING id";
    RENAME_GROUP = "UPDATE school_groups SET name = $1 WHERE id = $2";
    // Explicit deletes rather than relying on ON DELETE CASCADE, which SQLite only honours on
    // connections that enabled foreign keys.
    DELETE_MEMBERSHIPS = "DELETE FROM memberships WHERE group_id = $1";
    DELETE_TEACHINGS = "DELETE FROM teachings WHERE group_id = $1";
    DELETE_GROUP = "DELETE FROM school_groups WHERE id = $1";
    /// A write on the account row first: two admins placing the same pupil at once are
    /// serialised (a row lock on PostgreSQL, the write lock on SQLite), so the second sees the
    /// first's class and moves the pupil rather than leaving them in two.
    LOCK_ACCOUNT = "UPDATE accounts SET created_at = created_at WHERE id = $1";
    /// The other groups of the same kind, school and year a pupil is in.
    SAME_KIND_GROUPS = "SELECT g.name AS name FROM memberships m \
        JOIN school_groups g ON g.id = m.group_id \
        WHERE m.account_id = $1 AND g.school_id = $2 AND g.year_id = $3 \
        AND g.kind = $4 AND g.id <> $5 ORDER BY g.name";
    LEAVE_SAME_KIND = "DELETE FROM memberships WHERE account_id = $1 AND group_id IN (\
        SELECT id FROM school_groups WHERE school_id = $2 AND year_id = $3 \
        AND kind = $4 AND id <> $5)";
    ADD_MEMBER = "INSERT INTO memberships (group_id, account_id) VALUES ($1, $2) \
        ON CONFLICT (group_id, account_id) DO NOTHING";
    REMOVE_MEMBER = "DELETE FROM memberships WHERE group_id = $1 AND account_id = $2";
    ASSIGN_TEACHER = "INSERT INTO teachings (group_id, account_id, subject_id) \
        VALUES ($1, $2, $3) \
        ON CONFLICT (group_id, account_id) DO UPDATE SET subject_id = excluded.subject_id";
    UNASSIGN_TEACHER = "DELETE FROM teachings WHERE group_id = $1 AND account_id = $2";
    SUBJECTS = "SELECT id, name, name_co FROM subjects WHERE school_id = $1 ORDER BY LOWER(name), id";
    SUBJECT_SCHOOL = "SELECT school_id FROM subjects WHERE id = $1";
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    name: String,
    kind: Code<GroupKind>,
    members: Count,
    teachers: Count,
}

#[derive(sqlx::FromRow)]
struct FactsRow {
    school_id: i64,
    year_id: i64,
    kind: Code<GroupKind>,
}

#[derive(sqlx::FromRow)]
struct GroupRow {
    school_id: i64,
    name: String,
    kind: Code<GroupKind>,
}

#[derive(sqlx::FromRow)]
struct TeacherRow {
    #[sqlx(flatten)]
    person: PersonRow,
    subject_id: Option<i64>,
    subject_name: Option<String>,
    subject_name_co: Option<String>,
}

#[derive(sqlx::FromRow)]
struct IdRow {
    id: i64,
}

#[derive(sqlx::FromRow)]
struct NameRow {
    name: String,
}

#[derive(sqlx::FromRow)]
struct SubjectRow {
    id: i64,
    name: String,
    name_co: String,
}

#[derive(sqlx::FromRow)]
struct SchoolIdRow {
    school_id: i64,
}

impl From<FactsRow> for GroupFacts {
    fn from(r: FactsRow) -> Self {
        GroupFacts {
            school: SchoolId::new(r.school_id),
            year: SchoolYearId::new(r.year_id),
            kind: r.kind.0,
        }
    }
}

#[async_trait]
impl SchoolGroups for Db {
    async fn school_year(&self, year: SchoolYear) -> Result<SchoolYearId, StoreError> {
        school_years::year_id(&self.writer, year)
            .await
            .map_err(fail)
    }

    async fn groups(
        &self,
        school: SchoolId,
        year: SchoolYear,
    ) -> Result<Vec<GroupSummary>, StoreError> {
        let rows: Vec<SummaryRow> = GROUPS
            .query_as()
            .bind(school.get())
            .bind(year.starts().unix())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows
            .into_iter()
            .map(|r| GroupSummary {
                id: GroupId::new(r.id),
                name: r.name,
                kind: r.kind.0,
                members: r.members.0,
                teachers: r.teachers.0,
            })
            .collect())
    }

    async fn group_facts(&self, group: GroupId) -> Result<Option<GroupFacts>, StoreError> {
        let row: Option<FactsRow> = GROUP_FACTS
            .query_as()
            .bind(group.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(GroupFacts::from))
    }

    async fn group_detail(&self, group: GroupId) -> Result<Option<GroupDetail>, StoreError> {
        let Some(row) = GROUP
            .query_as::<GroupRow>()
            .bind(group.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?
        else {
            return Ok(None);
        };
        let members = MEMBERS
            .query_as::<PersonRow>()
            .bind(group.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?
            .into_iter()
            .map(PersonRef::from)
            .collect();
        let teachers = TEACHERS
            .query_as::<TeacherRow>()
            .bind(group.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?
            .into_iter()
            .map(|r| {
                let person = PersonRef::from(r.person);
                TeacherRef {
                    id: person.id,
                    first_name: person.first_name,
                    last_name: person.last_name,
                    // The join finds the subject's name whenever it finds its id.
                    subject: r
                        .subject_id
                        .zip(r.subject_name)
                        .map(|(id, name)| SubjectRef {
                            id: SubjectId::new(id),
                            name: Bilingual::new(name, r.subject_name_co.unwrap_or_default()),
                        }),
                }
            })
            .collect();
        Ok(Some(GroupDetail {
            id: group,
            school: SchoolId::new(row.school_id),
            name: row.name,
            kind: row.kind.0,
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
        let row: IdRow = CREATE_GROUP
            .query_as()
            .bind(school.get())
            .bind(year.get())
            .bind(kind.code())
            .bind(name.as_str())
            .fetch_one(&self.writer)
            .await
            .map_err(fail)?;
        Ok(GroupId::new(row.id))
    }

    async fn rename_group(&self, group: GroupId, name: &Label) -> Result<(), StoreError> {
        RENAME_GROUP
            .query()
            .bind(name.as_str())
            .bind(group.get())
            .execute(&self.writer)
            .await
            .map_err(fail)?;
        Ok(())
    }

    async fn delete_group(&self, group: GroupId) -> Result<(), StoreError> {
        let mut tx = self.writer.begin().await.map_err(fail)?;
        for statement in [DELETE_MEMBERSHIPS, DELETE_TEACHINGS, DELETE_GROUP] {
            statement
                .query()
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
        let mut tx = self.writer.begin().await.map_err(fail)?;
        LOCK_ACCOUNT
            .query()
            .bind(account.get())
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        let Some(facts) = GROUP_FACTS
            .query_as::<FactsRow>()
            .bind(group.get())
            .fetch_optional(&mut *tx)
            .await
            .map_err(fail)?
        else {
            return Ok(vec![]);
        };
        let facts = GroupFacts::from(facts);
        let mut left = vec![];
        if facts.kind.one_per_year() {
            left = SAME_KIND_GROUPS
                .query_as::<NameRow>()
                .bind(account.get())
                .bind(facts.school.get())
                .bind(facts.year.get())
                .bind(facts.kind.code())
                .bind(group.get())
                .fetch_all(&mut *tx)
                .await
                .map_err(fail)?
                .into_iter()
                .map(|r| r.name)
                .collect();
            LEAVE_SAME_KIND
                .query()
                .bind(account.get())
                .bind(facts.school.get())
                .bind(facts.year.get())
                .bind(facts.kind.code())
                .bind(group.get())
                .execute(&mut *tx)
                .await
                .map_err(fail)?;
        }
        ADD_MEMBER
            .query()
            .bind(group.get())
            .bind(account.get())
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(left)
    }

    async fn remove_member(&self, group: GroupId, account: AccountId) -> Result<bool, StoreError> {
        self.changed(REMOVE_MEMBER.query().bind(group.get()).bind(account.get()))
            .await
    }

    async fn assign_teacher(
        &self,
        group: GroupId,
        account: AccountId,
        subject: Option<SubjectId>,
    ) -> Result<(), StoreError> {
        ASSIGN_TEACHER
            .query()
            .bind(group.get())
            .bind(account.get())
            .bind(subject.map(SubjectId::get))
            .execute(&self.writer)
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
            UNASSIGN_TEACHER
                .query()
                .bind(group.get())
                .bind(account.get()),
        )
        .await
    }

    async fn subjects(&self, school: SchoolId) -> Result<Vec<SubjectRef>, StoreError> {
        let rows: Vec<SubjectRow> = SUBJECTS
            .query_as()
            .bind(school.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        Ok(rows
            .into_iter()
            .map(|r| SubjectRef {
                id: SubjectId::new(r.id),
                name: Bilingual::new(r.name, r.name_co),
            })
            .collect())
    }

    async fn subject_school(&self, subject: SubjectId) -> Result<Option<SchoolId>, StoreError> {
        let row: Option<SchoolIdRow> = SUBJECT_SCHOOL
            .query_as()
            .bind(subject.get())
            .fetch_optional(&self.pool)
            .await
            .map_err(fail)?;
        Ok(row.map(|r| SchoolId::new(r.school_id)))
    }
}
