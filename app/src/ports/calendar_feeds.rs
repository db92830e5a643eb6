use super::StoreError;
use crate::api::timetable::feeds::Whose;
use async_trait::async_trait;
use domain::authz::Caller;
use domain::ics::FeedToken;
use domain::ids::AccountId;
use domain::time::Timestamp;

/// A feed that is on, found by its token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveFeed {
    pub whose: Whose,
    /// Whose week it is, named (the calendar's name in apps).
    pub first_name: String,
    pub last_name: String,
    /// Its owner as the feed's rule (`domain::authz::timetable::Action::Feed`) sees them now:
    /// their roles, and the child in `children` while the link counts. Nothing else is read
    /// (no classes): the rule asks nothing else.
    pub owner: Caller,
}

/// Private calendar feeds: only a hash of each token is stored.
#[async_trait]
pub trait CalendarFeeds: Send + Sync {
    /// Whose weeks `owner` has a feed of that is on.
    async fn live_feeds(&self, owner: AccountId) -> Result<Vec<Whose>, StoreError>;
    /// Revokes the feed of `whose` that `owner` has on, if any, and keeps `token` as the new
    /// one: one live feed per owner and week, even when several are asked for at once.
    async fn renew_feed(
        &self,
        owner: AccountId,
        whose: Whose,
        token: &FeedToken,
        now: Timestamp,
    ) -> Result<(), StoreError>;
    /// Revokes the feed of `whose` that `owner` has on; whether there was one.
    async fn revoke_feed(
        &self,
        owner: AccountId,
        whose: Whose,
        now: Timestamp,
    ) -> Result<bool, StoreError>;
    /// The feed `token` opens, while it is on: one query, read on every fetch by calendar apps.
    async fn live_feed(&self, token: &FeedToken) -> Result<Option<LiveFeed>, StoreError>;
}
