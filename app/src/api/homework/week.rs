//! "My week" in one call: the week's lessons (changes included), and for a pupil (one's own, a
//! child's) the cahier de textes of those days and the homework due with where each stands; for
//! a teacher, which of their lessons of the week have an entry and the hand-ins waiting for them.

use super::{Day, HomeworkError, WeekWithHomework};
use crate::api::timetable::Whom;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The week `day` falls in, of a pupil or a teacher.
#[server(endpoint = "homework/my_week", input = Json)]
pub async fn my_week(whom: Whom, day: Day) -> Result<WeekWithHomework, HomeworkError> {
    server::my_week(whom, day).await
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::super::lists::server::pupil_days_for;
    use super::super::server::homework as shown;
    use super::super::work::server::facts;
    use super::super::{Day, HomeworkError, Waiting, WeekWithHomework};
    use crate::api::area_error::AreaError;
    use crate::api::timetable::Whom;
    use crate::api::timetable::week::server::week_for;
    use crate::error::AppError;
    use domain::timetable::day;

    const WHAT: &str = "homework/my_week";

    pub(crate) async fn my_week(whom: Whom, date: Day) -> Result<WeekWithHomework, HomeworkError> {
        let me = crate::api::gate::me(WHAT).await?;
        let week = week_for(&me, whom, date.0).await.map_err(|e| match e {
            AreaError::App(e) => AreaError::App(e),
            AreaError::Area(_) => AreaError::App(AppError::Internal),
        })?;
        let (monday, saturday) = (week.monday, day::plus(week.monday, 5));
        match whom {
            Whom::Pupil(pupil) => {
                let days = pupil_days_for(&me, WHAT, pupil, monday, saturday).await?;
                Ok(WeekWithHomework {
                    week,
                    entries: days.entries,
                    homework: days.homework,
                    waiting: vec![],
                })
            }
            Whom::Teacher(teacher) => {
                let store = &me.ctx.store;
                let mut groups: Vec<_> = week.lessons.iter().map(|l| l.occurrence.group).collect();
                groups.sort();
                groups.dedup();
                // Only one's own waiting hand-ins: staff reading a teacher's week see lessons.
                let waiting = if teacher == me.info.account {
                    let mut out = vec![];
                    for (id, count) in store.waiting_hand_ins(teacher).await? {
                        let Some(stored) = store.homework(id).await? else {
                            continue;
                        };
                        if domain::authz::authorize(
                            &me.caller,
                            domain::authz::homework::Action::Review(&facts(&stored)),
                        )
                        .is_ok()
                        {
                            out.push(Waiting {
                                homework: shown(stored),
                                handed_in: count,
                            });
                        }
                    }
                    out
                } else {
                    vec![]
                };
                let entries = store
                    .entries_of(&groups, monday, saturday)
                    .await?
                    .into_iter()
                    .filter(|e| {
                        week.lessons
                            .iter()
                            .any(|l| l.occurrence.source == e.place.occurrence)
                    })
                    .map(super::super::server::entry)
                    .collect();
                Ok(WeekWithHomework {
                    week,
                    entries,
                    homework: vec![],
                    waiting,
                })
            }
            Whom::Group(_) | Whom::Room(_) => Err(me.refuse(WHAT, None).await.into()),
        }
    }
}
