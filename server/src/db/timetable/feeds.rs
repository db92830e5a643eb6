//! Private calendar feeds (`app::ports::CalendarFeeds`): only the SHA-256 of a token is kept.
//! One feed per owner and week is live (`live` = 1, NULL once revoked: see the migration); a
//! feed read by a calendar app is found, with what its owner may still do, in one query.

use super::super::decode::{corrupt, parse};
use super::super::sql::statements;
use super::super::{Db, fail};
use app::api::timetable::feeds::Whose;
use app::ports::{CalendarFeeds, LiveFeed, StoreError};
use async_trait::async_trait;
use domain::authz::Caller;
use domain::ics::FeedToken;
use domain::ids::{AccountId, SchoolId};
use domain::profile::{Profile, Role};
use domain::time::Timestamp;
use sha2::{Digest, Sha256};

statements! {
    LIVE_FEEDS = "SELECT whose_id, kind FROM calendar_feeds WHERE owner_id = $1 AND live = 1 \
        ORDER BY id";
    REVOKE_FEED = "UPDATE calendar_feeds SET live = NULL, revoked_at = $4 \
        WHERE owner_id = $1 AND whose_id = $2 AND kind = $3 AND live = 1";
    /// A feed turned on. When another was turned on for the same week in the meantime (two
    /// at once: each revoked what it saw, none saw the other's), the later one takes its
    /// place, so one stays live.
    INSERT_FEED = "INSERT INTO calendar_feeds \
          (owner_id, whose_id, kind, token_hash, live, created_at) \
        VALUES ($1, $2, $3, $4, 1, $5) \
        ON CONFLICT (owner_id, whose_id, kind, live) DO UPDATE \
          SET token_hash = excluded.token_hash, created_at = excluded.created_at";
    /// The live feed of a token, whose week it is named, with one row per role of its owner
    /// (none: one row) and whether the owner's link to the pupil still counts.
    LIVE_FEED = concat!(
        "SELECT f.owner_id AS owner_id, f.whose_id AS whose_id, f.kind AS kind, \
           w.first_name AS first_name, w.last_name AS last_name, \
           (SELECT COUNT(*) FROM parent_links l WHERE l.parent_id = f.owner_id \
              AND l.child_id = f.whose_id AND ",
        link_counts!(),
        ") AS links, r.school_id AS school_id, r.profile AS profile \
         FROM calendar_feeds f JOIN accounts w ON w.id = f.whose_id \
         LEFT JOIN roles r ON r.account_id = f.owner_id \
         WHERE f.token_hash = $1 AND f.live = 1"
    );
}

#[derive(sqlx::FromRow)]
struct WhoseRow {
    whose_id: i64,
    kind: String,
}

#[derive(sqlx::FromRow)]
struct LiveFeedRow {
    owner_id: i64,
    whose_id: i64,
    kind: String,
    first_name: String,
    last_name: String,
    links: i64,
    school_id: Option<i64>,
    profile: Option<String>,
}

/// How a week's kind is stored.
fn kind(whose: Whose) -> &'static str {
    match whose {
        Whose::Pupil(_) => "pupil",
        Whose::Teacher(_) => "teacher",
    }
}

fn whose(kind: &str, id: i64) -> Result<Whose, StoreError> {
    let account = AccountId::new(id);
    match kind {
        "pupil" => Ok(Whose::Pupil(account)),
        "teacher" => Ok(Whose::Teacher(account)),
        other => Err(corrupt("calendar_feeds.kind", other)),
    }
}

/// What is stored of a token: its SHA-256, in hex.
fn token_hash(token: &FeedToken) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[async_trait]
impl CalendarFeeds for Db {
    async fn live_feeds(&self, owner: AccountId) -> Result<Vec<Whose>, StoreError> {
        let rows: Vec<WhoseRow> = LIVE_FEEDS
            .query_as()
            .bind(owner.get())
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        rows.iter().map(|r| whose(&r.kind, r.whose_id)).collect()
    }

    async fn renew_feed(
        &self,
        owner: AccountId,
        whose: Whose,
        token: &FeedToken,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let mut tx = self.writer.begin().await.map_err(fail)?;
        REVOKE_FEED
            .query()
            .bind(owner.get())
            .bind(whose.account().get())
            .bind(kind(whose))
            .bind(now.unix())
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        INSERT_FEED
            .query()
            .bind(owner.get())
            .bind(whose.account().get())
            .bind(kind(whose))
            .bind(token_hash(token))
            .bind(now.unix())
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)
    }

    async fn revoke_feed(
        &self,
        owner: AccountId,
        whose: Whose,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        self.changed(
            REVOKE_FEED
                .query()
                .bind(owner.get())
                .bind(whose.account().get())
                .bind(kind(whose))
                .bind(now.unix()),
        )
        .await
    }

    async fn live_feed(&self, token: &FeedToken) -> Result<Option<LiveFeed>, StoreError> {
        let rows: Vec<LiveFeedRow> = LIVE_FEED
            .query_as()
            .bind(token_hash(token))
            .fetch_all(&self.pool)
            .await
            .map_err(fail)?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let whose = whose(&first.kind, first.whose_id)?;
        let mut owner = Caller {
            account: AccountId::new(first.owner_id),
            platform_admin: false,
            roles: vec![],
            children: vec![],
            teaches: vec![],
            groups: vec![],
        };
        if first.links > 0 {
            owner.children.push(whose.account());
        }
        for row in &rows {
            if let (Some(school), Some(profile)) = (row.school_id, &row.profile) {
                owner.roles.push(Role {
                    school: SchoolId::new(school),
                    profile: parse::<Profile>("roles.profile", profile)?,
                });
            }
        }
        Ok(Some(LiveFeed {
            whose,
            first_name: first.first_name.clone(),
            last_name: first.last_name.clone(),
            owner,
        }))
    }
}
