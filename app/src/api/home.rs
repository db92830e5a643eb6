//! The home page: one's schools, classes or children, and services.

use crate::error::AppError;
use domain::ids::{AccountId, GroupId, SchoolId, SequenceAssignmentId};
use domain::profile::Profile;
use domain::school::{GroupKind, SchoolKind};
use domain::services::Service;
use domain::time::Timestamp;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Home {
    pub schools: Vec<HomeSchool>,
    pub children: Vec<Child>,
    pub services: Vec<Service>,
    /// A pupil's sequences open now and not finished, soonest due first.
    #[serde(default)]
    pub to_finish: Vec<ToFinish>,
}

/// A sequence a pupil has still to finish.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToFinish {
    pub assignment: SequenceAssignmentId,
    pub title: String,
    pub due: Option<Timestamp>,
    pub done: u32,
    pub steps: u32,
}

/// A school the person belongs to, with what they are there and the classes that concern them
/// (their own class as a pupil, the classes and groups they teach).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeSchool {
    pub id: SchoolId,
    pub name: String,
    pub uai: String,
    pub kind: SchoolKind,
    pub profiles: Vec<Profile>,
    pub groups: Vec<GroupRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupRef {
    pub id: GroupId,
    pub name: String,
    pub kind: GroupKind,
}

/// A child of a parent, wherever the child's school is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Child {
    pub id: AccountId,
    pub first_name: String,
    pub last_name: String,
    pub school: String,
    pub class: Option<String>,
}

#[server(endpoint = "home", input = Json)]
pub async fn load_home() -> Result<Home, AppError> {
    let me = super::gate::me("home").await?;
    let schools = me
        .ctx
        .store
        .home_schools(me.info.account, me.ctx.school_year())
        .await?;
    // Most callers are pupils and teachers: no children, no query.
    let children = if me.caller.children.is_empty() {
        vec![]
    } else {
        me.ctx
            .store
            .children_of(me.info.account, me.ctx.school_year())
            .await?
    };
    // Only pupils are given sequences: no query for anyone else.
    let to_finish = if me.caller.groups.is_empty() {
        vec![]
    } else {
        let now = me.ctx.now();
        me.ctx
            .store
            .sequences_assigned_to(me.info.account, me.ctx.school_year())
            .await?
            .into_iter()
            .filter(|s| s.rules.open_at(now).is_ok() && !s.progress.finished())
            .map(|s| ToFinish {
                assignment: s.assignment,
                title: s.title,
                due: s.rules.due,
                done: s.progress.done,
                steps: s.progress.steps,
            })
            .collect()
    };
    Ok(Home {
        schools,
        children,
        services: domain::services::services_for(&me.caller),
        to_finish,
    })
}
