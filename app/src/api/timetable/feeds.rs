//! Private calendar feeds: one's week (a pupil's, a teacher's) or a child's, at a secret address
//! calendar apps subscribe to (`GET /calendar/<token>.ics`, served by `server::http` through
//! [`server::calendar`]). Listed without their address (`feeds`: shown once, when turned on,
//! and never again), turned on with a new address that revokes the old one (`feed_on`), or off
//! (`feed_off`).

use super::{TimetableError, Whom};
use domain::ids::AccountId;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

/// Whose week a feed gives: a pupil's (one's own, or one's child's) or a teacher's (one's own).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Whose {
    Pupil(AccountId),
    Teacher(AccountId),
}

impl Whose {
    pub fn whom(self) -> Whom {
        match self {
            Whose::Pupil(p) => Whom::Pupil(p),
            Whose::Teacher(t) => Whom::Teacher(t),
        }
    }

    pub fn account(self) -> AccountId {
        match self {
            Whose::Pupil(a) | Whose::Teacher(a) => a,
        }
    }
}

/// A week one may have a feed of, and whether it is on (its address is never sent again).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedEntry {
    pub whose: Whose,
    /// One's own week (else a child's).
    pub own: bool,
    pub first_name: String,
    pub last_name: String,
    pub on: bool,
}

/// The path of a feed's address, before the token.
pub const FEED_PATH: &str = "/calendar/";

/// The weeks one may have a feed of: one's own as a pupil or a teacher, each child's.
#[server(endpoint = "timetable/feeds", input = Json)]
pub async fn feeds() -> Result<Vec<FeedEntry>, TimetableError> {
    server::feeds().await
}

/// Turns the feed of `whose` on at a new address, which is answered this once; the address it
/// had before, if any, stops working.
#[server(endpoint = "timetable/feed_on", input = Json)]
pub async fn feed_on(whose: Whose) -> Result<String, TimetableError> {
    server::feed_on(whose).await
}

/// Turns the feed of `whose` off: its address answers 404 from now on.
#[server(endpoint = "timetable/feed_off", input = Json)]
pub async fn feed_off(whose: Whose) -> Result<(), TimetableError> {
    server::feed_off(whose).await
}

#[cfg(feature = "ssr")]
pub mod server {
    use super::super::week::server::{between, schools_as};
    use super::super::{TimetableError, WeekLesson, Whom};
    use super::{FEED_PATH, FeedEntry, Whose};
    use crate::api::gate::Me;
    use crate::ports::{ServerCtx, StoreError};
    use domain::authz::timetable::{Action, WeekOf};
    use domain::authz::{Caller, authorize};
    use domain::ics::{Calendar, Event, FeedToken, Span, Status, When};
    use domain::profile::Profile;
    use domain::time::Timestamp;
    use domain::timetable::{Date, Source, Status as Occurs, day};

    const FEEDS: &str = "timetable/feeds";
    const FEED_ON: &str = "timetable/feed_on";
    const FEED_OFF: &str = "timetable/feed_off";

    /// How far a feed reaches: from the Monday two weeks back to the Saturday ten weeks ahead.
    const WEEKS_BACK: i64 = 2;
    const WEEKS_AHEAD: i64 = 10;

    /// The feed rule's question about `whose`, for `caller`: one's own schools as a pupil or
    /// a teacher (a child's need none, the link decides).
    fn may_feed(caller: &Caller, whose: Whose) -> bool {
        let action = |schools: &[_]| match whose {
            Whose::Pupil(pupil) => {
                authorize(caller, Action::Feed(WeekOf::Pupil { pupil, schools }))
            }
            Whose::Teacher(teacher) => {
                authorize(caller, Action::Feed(WeekOf::Teacher { teacher, schools }))
            }
        };
        let profile = match whose {
            Whose::Pupil(_) => Profile::Pupil,
            Whose::Teacher(_) => Profile::Teacher,
        };
        action(&schools_as(caller, profile)).is_ok()
    }

    async fn allowed(me: &Me, whose: Whose, what: &str) -> Result<(), TimetableError> {
        if may_feed(&me.caller, whose) {
            Ok(())
        } else {
            Err(me.refuse(what, None).await.into())
        }
    }

    pub(crate) async fn feeds() -> Result<Vec<FeedEntry>, TimetableError> {
        let me = crate::api::gate::me(FEEDS).await?;
        let caller = &me.caller;
        let store = &me.ctx.store;
        let mut out = Vec::new();
        let own = [
            (Profile::Pupil, Whose::Pupil(caller.account)),
            (Profile::Teacher, Whose::Teacher(caller.account)),
        ];
        for (profile, whose) in own {
            if caller.roles.iter().any(|r| r.profile == profile) && may_feed(caller, whose) {
                out.push(FeedEntry {
                    whose,
                    own: true,
                    first_name: me.info.first_name.clone(),
                    last_name: me.info.last_name.clone(),
                    on: false,
                });
            }
        }
        if !caller.children.is_empty() {
            // One entry per child, whatever the number of schools they are a pupil in.
            let mut children = store
                .children_of(caller.account, me.ctx.school_year())
                .await?;
            children.dedup_by_key(|c| c.id);
            for child in children {
                let whose = Whose::Pupil(child.id);
                if may_feed(caller, whose) && !out.iter().any(|e| e.whose == whose) {
                    out.push(FeedEntry {
                        whose,
                        own: false,
                        first_name: child.first_name,
                        last_name: child.last_name,
                        on: false,
                    });
                }
            }
        }
        if !out.is_empty() {
            let live = store.live_feeds(caller.account).await?;
            for entry in &mut out {
                entry.on = live.contains(&entry.whose);
            }
        }
        Ok(out)
    }

    pub(crate) async fn feed_on(whose: Whose) -> Result<String, TimetableError> {
        use rand::RngCore;
        let me = crate::api::gate::me(FEED_ON).await?;
        allowed(&me, whose, FEED_ON).await?;
        let mut secret = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut secret);
        let token = FeedToken::from_random(secret);
        me.ctx
            .store
            .renew_feed(me.caller.account, whose, &token, me.ctx.now())
            .await?;
        let scheme = if me.ctx.https { "https" } else { "http" };
        Ok(format!(
            "{scheme}://{}{FEED_PATH}{token}.ics",
            host(me.meta.host.as_deref())
        ))
    }

    pub(crate) async fn feed_off(whose: Whose) -> Result<(), TimetableError> {
        let me = crate::api::gate::me(FEED_OFF).await?;
        allowed(&me, whose, FEED_OFF).await?;
        me.ctx
            .store
            .revoke_feed(me.caller.account, whose, me.ctx.now())
            .await?;
        Ok(())
    }

    /// The host the request named, if it is one (letters, digits, `.-:[]`: a name or an
    /// address with its port), else `localhost`. It names the feed's address and its events.
    pub fn host(header: Option<&str>) -> &str {
        header
            .filter(|h| {
                !h.is_empty()
                    && h.len() <= 255
                    && h.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
            })
            .unwrap_or("localhost")
    }

    /// The feed at the address whose last segment is `segment`, read at `host`: `None` for a
    /// malformed, unknown or revoked token, and when its owner may no longer have it (a
    /// withdrawn parent, a pupil who left). The token is the only permission asked: no session.
    pub async fn calendar(
        ctx: &ServerCtx,
        segment: &str,
        host: &str,
    ) -> Result<Option<String>, StoreError> {
        let Ok(token) = FeedToken::from_segment(segment) else {
            return Ok(None);
        };
        let Some(feed) = ctx.store.live_feed(&token).await? else {
            return Ok(None);
        };
        if !may_feed(&feed.owner, feed.whose) {
            return Ok(None);
        }
        let now = ctx.now();
        let this_monday = day::monday(domain::locale::local(now).date());
        let from = day::plus(this_monday, -7 * WEEKS_BACK);
        let until = day::plus(this_monday, 7 * WEEKS_AHEAD + 5);
        let lessons = between(&*ctx.store, feed.whose.whom(), None, from, until).await?;
        // The feed is made of parts, one kind of event each: the lessons, a pupil's homework.
        let mut events: Vec<Event> = Vec::new();
        events.extend(lesson_events(&lessons, host));
        if let Whom::Pupil(pupil) = feed.whose.whom() {
            let year = ctx.school_year();
            let groups: Vec<_> = ctx
                .store
                .pupil_groups(pupil, year.starts())
                .await?
                .into_iter()
                .map(|(_, group)| group)
                .collect();
            let due = ctx.store.homework_due(&groups, from, until).await?;
            events.extend(homework_events(&due, host));
        }
        let name = format!(
            "Scola – {}",
            crate::i18n::full_name(&feed.first_name, &feed.last_name)
        );
        let mut calendar = Calendar::new(name);
        for event in events {
            // UIDs are built below of ASCII ids and a checked host: never refused.
            if calendar.push(event).is_err() {
                tracing::error!("a calendar event was refused");
            }
        }
        Ok(Some(calendar.write(now)))
    }

    /// The lessons as events: one per occurrence where it takes place, named after its lesson
    /// and date (a moved lesson keeps its name, so apps move it; where it was is left out), a
    /// cancelled one kept as cancelled.
    pub(crate) fn lesson_events(lessons: &[(WeekLesson, Timestamp)], host: &str) -> Vec<Event> {
        lessons
            .iter()
            .filter_map(|(lesson, written)| {
                let o = &lesson.occurrence;
                let (status, sequence) = match o.status {
                    Occurs::MovedAway { .. } => return None,
                    Occurs::Normal | Occurs::Extra => (Status::Confirmed, 0),
                    Occurs::Changed { .. } => (Status::Confirmed, 1),
                    Occurs::Cancelled => (Status::Cancelled, 1),
                };
                let uid = match o.source {
                    Source::Weekly { lesson, date } => {
                        format!("lesson-{lesson}-{}@{host}", compact(date))
                    }
                    Source::Extra(change) => format!("extra-{change}@{host}"),
                };
                let mut description = lesson.group.clone();
                if !lesson.teachers.is_empty() {
                    description = format!("{description} · {}", lesson.teachers.join(", "));
                }
                Some(Event {
                    uid,
                    when: When::Timed(Span::new(o.starts, o.ends)?),
                    summary: lesson.subject.clone(),
                    location: lesson.room.clone(),
                    description: Some(description),
                    status,
                    sequence,
                    last_modified: *written,
                })
            })
            .collect()
    }

    /// Homework as all-day events on its due day: the subject and what to do (its Markdown
    /// source, which reads as plain text), free time.
    pub(crate) fn homework_events(due: &[crate::ports::StoredHomework], host: &str) -> Vec<Event> {
        due.iter()
            .map(|h| Event {
                uid: format!("homework-{}@{host}", h.id),
                when: When::Day(h.homework.due()),
                summary: format!("{} : {}", h.shown.subject, first_line(h.homework.what())),
                location: None,
                description: Some(h.homework.what().to_owned()),
                status: Status::Confirmed,
                sequence: u32::try_from(h.version.saturating_sub(1)).unwrap_or(u32::MAX),
                last_modified: h.modified,
            })
            .collect()
    }

    /// The first line of a text, shortened to what a calendar shows.
    fn first_line(text: &str) -> String {
        let line = text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim();
        let mut short: String = line.chars().take(80).collect();
        if line.chars().count() > 80 {
            short.push('…');
        }
        short
    }

    /// `20261125`.
    fn compact(date: Date) -> String {
        format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
    }
}
