//! The cahier de textes by days: a pupil's (their classes' and groups' entries, the homework due
//! with where each stands for them), read by the pupil, their parents and the school's staff;
//! and a class's or group's, read by its pupils and their parents, its teachers and the staff.

use super::{Day, Days, HomeworkError};
use domain::ids::{AccountId, GroupId};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The most days one call reads (a school term fits; a year is read term by term).
pub const MAX_DAYS: i32 = 120;

/// A pupil's days from `from` to `until`.
#[server(endpoint = "homework/pupil", input = Json)]
pub async fn pupil_days(pupil: AccountId, from: Day, until: Day) -> Result<Days, HomeworkError> {
    server::pupil_days(pupil, from, until).await
}

/// A class's or group's days from `from` to `until`.
#[server(endpoint = "homework/group", input = Json)]
pub async fn group_days(group: GroupId, from: Day, until: Day) -> Result<Days, HomeworkError> {
    server::group_days(group, from, until).await
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::super::server::{entry, homework};
    use super::super::{Day, Days, HomeworkError, HomeworkProblem, PupilHomework};
    use super::MAX_DAYS;
    use crate::api::gate::Me;
    use domain::authz::homework::{Action, GroupFacts};
    use domain::homework::pupil_status;
    use domain::ids::{AccountId, GroupId, SchoolId};
    use domain::timetable::Date;

    /// The days asked, at most [`MAX_DAYS`] of them, in order.
    fn span(from: Day, until: Day) -> Result<(Date, Date), HomeworkError> {
        let days = (until.0 - from.0).get_days();
        if !(0..=MAX_DAYS).contains(&days) {
            return Err(HomeworkProblem::DaysAsked { max: MAX_DAYS }.into());
        }
        Ok((from.0, until.0))
    }

    pub(crate) async fn pupil_days(
        pupil: AccountId,
        from: Day,
        until: Day,
    ) -> Result<Days, HomeworkError> {
        let what = "homework/pupil";
        let me = crate::api::gate::me(what).await?;
        let (from, until) = span(from, until)?;
        pupil_days_for(&me, what, pupil, from, until).await
    }

    /// A pupil's days as `me` may see them (authorized here).
    pub(crate) async fn pupil_days_for(
        me: &Me,
        what: &str,
        pupil: AccountId,
        from: Date,
        until: Date,
    ) -> Result<Days, HomeworkError> {
        let store = &me.ctx.store;
        let caller = &me.caller;
        let own = pupil == caller.account || caller.children.contains(&pupil);
        let schools: Vec<SchoolId> = store.pupil_schools(pupil).await?;
        me.may(
            Action::ReadPupil {
                pupil,
                schools: &schools,
            },
            what,
        )
        .await?;
        if !own {
            me.audit_read(what, pupil, schools.first().copied()).await;
        }
        let groups: Vec<GroupId> = store
            .pupil_groups(pupil, me.ctx.school_year().starts())
            .await?
            .into_iter()
            // Staff see what happens in their schools only.
            .filter(|(school, _)| own || domain::authz::timetable::manages(caller, *school))
            .map(|(_, group)| group)
            .collect();
        days_of(me, &groups, from, until, Some(pupil)).await
    }

    pub(crate) async fn group_days(
        group: GroupId,
        from: Day,
        until: Day,
    ) -> Result<Days, HomeworkError> {
        let what = "homework/group";
        let me = crate::api::gate::me(what).await?;
        let (from, until) = span(from, until)?;
        let store = &me.ctx.store;
        let Some(school) = store
            .group_of_year(group, me.ctx.school_year().starts())
            .await?
        else {
            return Err(me.refuse(what, None).await.into());
        };
        let child_in_it = !me.caller.children.is_empty()
            && store.any_in_group(&me.caller.children, group).await?;
        me.may(
            Action::ReadGroup(GroupFacts {
                school,
                group,
                child_in_it,
            }),
            what,
        )
        .await?;
        days_of(&me, &[group], from, until, None).await
    }

    /// The entries and homework of `groups`, with `pupil`'s states when it is a pupil's list.
    pub(crate) async fn days_of(
        me: &Me,
        groups: &[GroupId],
        from: Date,
        until: Date,
        pupil: Option<AccountId>,
    ) -> Result<Days, HomeworkError> {
        let store = &me.ctx.store;
        let entries = store.entries_of(groups, from, until).await?;
        let due = store.homework_due(groups, from, until).await?;
        let (hand_ins, done) = match pupil {
            Some(p) => {
                let ids: Vec<_> = due.iter().map(|h| h.id).collect();
                store.pupil_work(p, &ids).await?
            }
            None => (vec![], vec![]),
        };
        let now = me.ctx.now();
        let homework_list = due
            .into_iter()
            .map(|h| {
                let ticked = done.contains(&h.id);
                let status = pupil.map(|_| {
                    let hand_in = hand_ins.iter().find(|w| w.homework == h.id);
                    pupil_status(&h.homework, hand_in.map(|w| &w.hand_in), ticked, now)
                });
                PupilHomework {
                    homework: homework(h),
                    status,
                    done: ticked,
                }
            })
            .collect();
        Ok(Days {
            entries: entries.into_iter().map(entry).collect(),
            homework: homework_list,
        })
    }
}
