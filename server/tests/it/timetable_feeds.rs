//! Private calendar feeds, end to end: turned on through the server functions, fetched at their
//! address through the real router without a session, and read back by the `ical` crate (not
//! `domain::ics`, which writes them), against the same weeks as "my week" shows. And what the
//! token must not do: outlive its revocation, open another feed or a session, or keep working
//! once its owner lost the right.

use crate::support::{Session, TestServer};
use app::api::timetable::feeds::{FeedEntry, FeedOff, FeedOn, Feeds, Whose};
use app::api::timetable::week::WeekOf;
use app::api::timetable::{Day, WeekLesson, Whom};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use domain::time::Timestamp;
use domain::timetable::{Date, Status, day};
use futures::future::join_all;
use http_body_util::BodyExt;
use ical::parser::ical::component::IcalEvent;
use std::collections::BTreeSet;
use tower::ServiceExt;

/// An event as a calendar app sees it: summary, start and end as Paris wall-clock text with
/// their zone, status, location.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Seen {
    summary: String,
    start: String,
    end: String,
    status: String,
    location: Option<String>,
}

/// What a feed's fetch answered.
struct Fetched {
    status: StatusCode,
    content_type: Option<String>,
    cache: Option<String>,
    body: String,
}

/// `GET <path>` as a calendar app sends it: no cookie.
async fn fetch(s: &TestServer, path: &str) -> Fetched {
    let request = Request::get(path)
        .header(header::HOST, "scola.test")
        .body(Body::empty())
        .expect("request");
    let response = s.app.router.clone().oneshot(request).await.expect("answer");
    let header = |name| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let (status, content_type, cache) = (
        response.status(),
        header(header::CONTENT_TYPE),
        header(header::CACHE_CONTROL),
    );
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    Fetched {
        status,
        content_type,
        cache,
        body: String::from_utf8(bytes.to_vec()).expect("UTF-8"),
    }
}

/// The address's path (the address is `http://scola.test/calendar/<token>.ics`).
fn path_of(url: &str) -> String {
    let path = url
        .strip_prefix("http://scola.test")
        .unwrap_or_else(|| panic!("an address on the request's host: {url}"));
    assert!(
        path.starts_with("/calendar/") && path.ends_with(".ics"),
        "{path}"
    );
    path.to_owned()
}

fn token_of(url: &str) -> String {
    let path = path_of(url);
    path["/calendar/".len()..path.len() - ".ics".len()].to_owned()
}

async fn turn_on(s: &TestServer, session: &Session, whose: Whose) -> String {
    s.call(session, FeedOn { whose }).await.ok()
}

async fn status_of(s: &TestServer, url: &str) -> StatusCode {
    fetch(s, &path_of(url)).await.status
}

fn property(event: &IcalEvent, name: &str) -> Option<String> {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.clone())
}

/// A date-time property's value, checked to be Paris time (`;TZID=Europe/Paris:`).
fn paris_time(event: &IcalEvent, name: &str) -> String {
    let p = event
        .properties
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name} in {event:?}"));
    assert_eq!(
        p.params,
        Some(vec![("TZID".to_owned(), vec!["Europe/Paris".to_owned()])]),
        "{name} in Paris time"
    );
    p.value.clone().expect("a value")
}

/// The feed read by the `ical` crate: its events as an app sees them, their UIDs checked unique.
fn read_feed(text: &str) -> Vec<Seen> {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser.next().expect("a calendar").expect("it parses");
    assert!(parser.next().is_none(), "one calendar");
    assert_eq!(calendar.timezones.len(), 1, "the Paris VTIMEZONE");
    let tzid = calendar.timezones[0]
        .properties
        .iter()
        .find(|p| p.name == "TZID")
        .and_then(|p| p.value.clone());
    assert_eq!(tzid.as_deref(), Some("Europe/Paris"));
    let uids: BTreeSet<String> = calendar
        .events
        .iter()
        .map(|e| property(e, "UID").expect("a UID"))
        .collect();
    assert_eq!(uids.len(), calendar.events.len(), "one UID per event");
    calendar
        .events
        .iter()
        // Homework is all day: read apart (`homework_in`).
        .filter(|e| !property(e, "UID").is_some_and(|u| u.starts_with("homework-")))
        .map(|e| Seen {
            summary: property(e, "SUMMARY").expect("a summary"),
            start: paris_time(e, "DTSTART"),
            end: paris_time(e, "DTEND"),
            status: property(e, "STATUS").expect("a status"),
            location: property(e, "LOCATION"),
        })
        .collect()
}

/// The homework of a feed as the `ical` crate reads it: its summary and its day, checked to be
/// a whole day (`VALUE=DATE`), by day.
fn homework_in(text: &str) -> Vec<(String, String)> {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser.next().expect("a calendar").expect("it parses");
    let mut out: Vec<(String, String)> = calendar
        .events
        .iter()
        .filter(|e| property(e, "UID").is_some_and(|u| u.starts_with("homework-")))
        .map(|e| {
            let start = e
                .properties
                .iter()
                .find(|p| p.name == "DTSTART")
                .expect("a start");
            assert_eq!(
                start.params,
                Some(vec![("VALUE".to_owned(), vec!["DATE".to_owned()])]),
                "a whole day"
            );
            (
                property(e, "SUMMARY").expect("a summary"),
                start.value.clone().expect("a day"),
            )
        })
        .collect();
    out.sort();
    out
}

/// Paris wall-clock time as iCalendar writes it, computed apart from the feed's writer.
fn wall_clock(at: Timestamp) -> String {
    let t = domain::locale::local(at);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// What the feed must hold for a lesson of "my week": where it takes place (a lesson moved away
/// is found where it goes), cancelled ones as cancelled.
fn expected(lesson: &WeekLesson) -> Option<Seen> {
    let o = &lesson.occurrence;
    let status = match o.status {
        Status::MovedAway { .. } => return None,
        Status::Cancelled => "CANCELLED",
        _ => "CONFIRMED",
    };
    Some(Seen {
        summary: lesson.subject.clone(),
        start: wall_clock(o.starts),
        end: wall_clock(o.ends),
        status: status.to_owned(),
        location: lesson.room.clone(),
    })
}

fn this_monday() -> Date {
    day::monday(domain::locale::local(server::system_clock()).date())
}

/// The weeks a feed covers, as "my week" shows them to `session`: two back, this one, ten ahead.
async fn weeks(s: &TestServer, session: &Session, whom: Whom) -> Vec<Vec<WeekLesson>> {
    let mut out = vec![];
    for k in -2..=10 {
        let monday = day::plus(this_monday(), 7 * k);
        let week = s
            .call(
                session,
                WeekOf {
                    whom,
                    day: Day(monday),
                },
            )
            .await
            .ok();
        out.push(week.lessons);
    }
    out
}

fn sorted(mut seen: Vec<Seen>) -> Vec<Seen> {
    seen.sort();
    seen
}

#[tokio::test]
async fn a_pupils_feed_holds_the_weeks_of_my_week_with_paris_times_and_cancellations() {
    let s = TestServer::start().await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let pupil = s.session_for("lisandru.pieri").await;
    let listed: Vec<FeedEntry> = s.call(&pupil, Feeds {}).await.ok();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0].whose, Whose::Pupil(lisandru));
    assert!(listed[0].own && !listed[0].on);

    let url = turn_on(&s, &pupil, Whose::Pupil(lisandru)).await;
    let feed = fetch(&s, &path_of(&url)).await;
    assert_eq!(feed.status, StatusCode::OK, "{}", feed.body);
    assert_eq!(
        feed.content_type.as_deref(),
        Some("text/calendar; charset=utf-8")
    );
    let cache = feed.cache.expect("a cache policy");
    assert!(cache.starts_with("private, max-age="), "{cache}");
    let seen = read_feed(&feed.body);

    let weeks = weeks(&s, &pupil, Whom::Pupil(lisandru)).await;
    let want: Vec<Seen> = weeks.iter().flatten().filter_map(expected).collect();
    assert!(!want.is_empty(), "the demo has lessons in these weeks");
    assert_eq!(sorted(seen.clone()), sorted(want));

    // This week's Friday maths of 5e A is cancelled in the demo (unless this is a holiday week,
    // which has no lesson at all).
    let this_week = &weeks[2];
    if !this_week.is_empty() {
        let friday = day::plus(this_monday(), 4);
        let cancelled: Vec<&Seen> = seen.iter().filter(|e| e.status == "CANCELLED").collect();
        assert_eq!(cancelled.len(), 1, "{seen:?}");
        let c = cancelled[0];
        assert_eq!(c.summary, "Mathématiques");
        assert_eq!(&c.start[..8], &friday.to_string().replace('-', ""));
        assert_eq!(&c.start[8..], "T100000");
        assert_eq!(c.location.as_deref(), Some("Salle 101"));
    }

    // The homework due in those weeks (the demo's cahier sets some), each on its due day.
    let from = day::plus(this_monday(), -14);
    let days = s
        .call(
            &pupil,
            app::api::homework::lists::PupilDays {
                pupil: lisandru,
                from: app::api::homework::Day(from),
                until: app::api::homework::Day(day::plus(this_monday(), 75)),
            },
        )
        .await
        .ok();
    let mut due: Vec<(String, String)> = days
        .homework
        .iter()
        .map(|h| {
            let what = h
                .homework
                .homework
                .what()
                .lines()
                .next()
                .unwrap_or("")
                .trim();
            (
                format!("{} : {what}", h.homework.lesson.subject),
                h.homework.homework.due().to_string().replace('-', ""),
            )
        })
        .collect();
    due.sort();
    assert!(!due.is_empty(), "the demo sets homework");
    assert_eq!(homework_in(&feed.body), due);

    // On now, and the list never carries the token again.
    let token = token_of(&url);
    let raw = s
        .call_raw(&pupil, "timetable/feeds", serde_json::json!({}))
        .await;
    assert_eq!(raw.status, StatusCode::OK);
    assert!(!raw.body.to_string().contains(&token));
    let listed: Vec<FeedEntry> = raw.decode::<Vec<FeedEntry>, serde_json::Value>().ok();
    assert!(listed[0].on);
}

#[tokio::test]
async fn a_new_address_revokes_the_old_one_and_turning_off_revokes_for_good() {
    let s = TestServer::start().await;
    let lisandru = Whose::Pupil(s.account_id("lisandru.pieri").await);
    let pupil = s.session_for("lisandru.pieri").await;
    let first = turn_on(&s, &pupil, lisandru).await;
    assert_eq!(status_of(&s, &first).await, StatusCode::OK);
    let second = turn_on(&s, &pupil, lisandru).await;
    assert_ne!(first, second);
    assert_eq!(status_of(&s, &first).await, StatusCode::NOT_FOUND);
    assert_eq!(status_of(&s, &second).await, StatusCode::OK);

    s.call(&pupil, FeedOff { whose: lisandru }).await.ok();
    let off = fetch(&s, &path_of(&second)).await;
    assert_eq!(off.status, StatusCode::NOT_FOUND);
    assert_eq!(off.body, "", "no detail");
    let listed: Vec<FeedEntry> = s.call(&pupil, Feeds {}).await.ok();
    assert!(!listed[0].on);
    // Turning off twice is no error.
    s.call(&pupil, FeedOff { whose: lisandru }).await.ok();

    // On again: a new address; the revoked ones stay dead.
    let third = turn_on(&s, &pupil, lisandru).await;
    assert_eq!(status_of(&s, &third).await, StatusCode::OK);
    for dead in [&first, &second] {
        assert_eq!(status_of(&s, dead).await, StatusCode::NOT_FOUND);
    }
    // Unknown and malformed tokens: the same bare 404.
    let unknown = "A".repeat(42) + "A";
    let token = token_of(&third);
    let flipped = format!(
        "{}{}",
        if token.starts_with('A') { 'B' } else { 'A' },
        &token[1..]
    );
    for path in [
        format!("/calendar/{unknown}.ics"),
        format!("/calendar/{flipped}.ics"),
        "/calendar/abc.ics".to_owned(),
        format!("/calendar/{token}x.ics"),
        format!("/calendar/{}.ics", &token[1..]),
    ] {
        let answer = fetch(&s, &path).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(answer.body, "", "{path}");
    }
    let rows = s
        .count("SELECT COUNT(*) AS n FROM calendar_feeds WHERE live = 1")
        .await;
    assert_eq!(rows, 1);
}

#[tokio::test]
async fn a_token_opens_its_one_feed_and_nothing_else() {
    let s = TestServer::start().await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let maria = s.account_id("maria.santoni").await;
    let pupil = s.session_for("lisandru.pieri").await;
    let teacher = s.session_for("maria.santoni").await;
    let parent = s.session_for("ghjuvanni.pieri").await;

    // The teacher's own feed: her lessons in both schools, the lycée's included.
    let listed: Vec<FeedEntry> = s.call(&teacher, Feeds {}).await.ok();
    assert_eq!(
        listed.iter().map(|e| e.whose).collect::<Vec<_>>(),
        vec![Whose::Teacher(maria)]
    );
    let hers = turn_on(&s, &teacher, Whose::Teacher(maria)).await;
    let her_feed = read_feed(&fetch(&s, &path_of(&hers)).await.body);
    let her_weeks = weeks(&s, &teacher, Whom::Teacher(maria)).await;
    let want: Vec<Seen> = her_weeks.iter().flatten().filter_map(expected).collect();
    assert_eq!(sorted(her_feed.clone()), sorted(want));
    let in_b12 = |feed: &[Seen]| feed.iter().any(|e| e.location.as_deref() == Some("B12"));
    // (Unless these thirteen weeks are all holidays, which the demo's calendar never makes.)
    assert!(in_b12(&her_feed), "the lycée's lesson");

    // The pupil's feed and the parent's feed of him: his lessons, none of the lycée.
    let his = turn_on(&s, &pupil, Whose::Pupil(lisandru)).await;
    let by_parent = turn_on(&s, &parent, Whose::Pupil(lisandru)).await;
    let his_feed = read_feed(&fetch(&s, &path_of(&his)).await.body);
    let parents_feed = read_feed(&fetch(&s, &path_of(&by_parent)).await.body);
    assert!(!in_b12(&his_feed));
    assert_eq!(sorted(his_feed.clone()), sorted(parents_feed));
    assert_ne!(sorted(his_feed), sorted(her_feed));
    // Each owner's address is their own: the pupil's new address leaves his parent's working.
    let renewed = turn_on(&s, &pupil, Whose::Pupil(lisandru)).await;
    assert_eq!(status_of(&s, &his).await, StatusCode::NOT_FOUND);
    assert_eq!(status_of(&s, &renewed).await, StatusCode::OK);
    assert_eq!(status_of(&s, &by_parent).await, StatusCode::OK);

    // A token is no session: as a cookie it opens nothing.
    for url in [&hers, &renewed, &by_parent] {
        let as_session = Session(Some(token_of(url)));
        let answer = s
            .call_raw(&as_session, "timetable/feeds", serde_json::json!({}))
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{}", answer.body);
        let answer = s
            .call_raw(
                &as_session,
                "timetable/week",
                serde_json::json!({"whom": {"pupil": lisandru}, "day": this_monday().to_string()}),
            )
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{}", answer.body);
    }

    // Nobody turns on someone else's feed: a classmate, the teacher, the school's staff.
    let classmate = s.session_for("lucia.vincenti").await;
    let staff = s.session_for("paola.leca").await;
    for (session, whose) in [
        (&classmate, Whose::Pupil(lisandru)),
        (&teacher, Whose::Pupil(lisandru)),
        (&staff, Whose::Pupil(lisandru)),
        (&staff, Whose::Teacher(maria)),
        (&pupil, Whose::Teacher(maria)),
        (&pupil, Whose::Teacher(lisandru)),
    ] {
        let refused = s.call(session, FeedOn { whose }).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{whose:?}");
        let refused = s.call(session, FeedOff { whose }).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{whose:?}");
    }
    // Their refused attempts revoked nothing.
    for url in [&hers, &renewed, &by_parent] {
        assert_eq!(status_of(&s, url).await, StatusCode::OK);
    }
}

#[tokio::test]
async fn a_feed_stops_when_its_owner_loses_the_right() {
    let s = TestServer::start().await;
    let lisandru = s.account_id("lisandru.pieri").await;
    let father = s.account_id("ghjuvanni.pieri").await;
    let parent = s.session_for("ghjuvanni.pieri").await;
    let pupil = s.session_for("lisandru.pieri").await;
    let ghjulia = s.account_id("ghjulia.pieri").await;
    let listed: Vec<FeedEntry> = s.call(&parent, Feeds {}).await.ok();
    // His two children, by first name; no week of his own.
    assert_eq!(
        listed
            .iter()
            .map(|e| (e.whose, e.own, e.first_name.as_str()))
            .collect::<Vec<_>>(),
        vec![
            (Whose::Pupil(ghjulia), false, "Ghjulia"),
            (Whose::Pupil(lisandru), false, "Lisandru")
        ]
    );
    let by_parent = turn_on(&s, &parent, Whose::Pupil(lisandru)).await;
    let his = turn_on(&s, &pupil, Whose::Pupil(lisandru)).await;
    assert_eq!(status_of(&s, &by_parent).await, StatusCode::OK);

    // The parent's role in the collège withdrawn, the link left behind: his feed is gone, the
    // pupil's own stays.
    sqlx::query(
        "DELETE FROM roles WHERE profile = 'parent' AND account_id = $1 AND school_id = \
         (SELECT id FROM schools WHERE uai = '7200001N')",
    )
    .bind(father.get())
    .execute(s.app.db.writer())
    .await
    .expect("role withdrawn");
    assert_eq!(status_of(&s, &by_parent).await, StatusCode::NOT_FOUND);
    assert_eq!(status_of(&s, &his).await, StatusCode::OK);
    // His daughter at the lycée, where he is still a parent, is all he may have a feed of.
    let listed: Vec<FeedEntry> = s.call(&parent, Feeds {}).await.ok();
    assert_eq!(
        listed.iter().map(|e| e.whose).collect::<Vec<_>>(),
        vec![Whose::Pupil(ghjulia)]
    );
    let refused = s
        .call(
            &parent,
            FeedOn {
                whose: Whose::Pupil(lisandru),
            },
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    // The pupil leaves the school: no pupil role, no feed.
    sqlx::query("DELETE FROM roles WHERE profile = 'pupil' AND account_id = $1")
        .bind(lisandru.get())
        .execute(s.app.db.writer())
        .await
        .expect("pupil left");
    assert_eq!(status_of(&s, &his).await, StatusCode::NOT_FOUND);

    // A teacher who teaches nowhere any more: no feed.
    let maria = s.account_id("maria.santoni").await;
    let teacher = s.session_for("maria.santoni").await;
    let hers = turn_on(&s, &teacher, Whose::Teacher(maria)).await;
    assert_eq!(status_of(&s, &hers).await, StatusCode::OK);
    sqlx::query("DELETE FROM roles WHERE profile = 'teacher' AND account_id = $1")
        .bind(maria.get())
        .execute(s.app.db.writer())
        .await
        .expect("teacher left");
    assert_eq!(status_of(&s, &hers).await, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn twenty_feeds_turned_on_at_once_leave_exactly_one_live() {
    let s = TestServer::start().await;
    let lisandru = Whose::Pupil(s.account_id("lisandru.pieri").await);
    let pupil = s.session_for("lisandru.pieri").await;
    let urls: Vec<String> = join_all((0..20).map(|_| turn_on(&s, &pupil, lisandru))).await;
    let live = s
        .count("SELECT COUNT(*) AS n FROM calendar_feeds WHERE live = 1")
        .await;
    assert_eq!(live, 1);
    let mut working = 0;
    for url in &urls {
        match status_of(&s, url).await {
            StatusCode::OK => working += 1,
            StatusCode::NOT_FOUND => {}
            other => panic!("{other}"),
        }
    }
    assert_eq!(working, 1, "exactly one address works");
    let listed: Vec<FeedEntry> = s.call(&pupil, Feeds {}).await.ok();
    assert!(listed[0].on);
}
