//! "My week" as people open it every day: a pupil on the timetable page,
//! turning weeks with the keyboard and the buttons; his father choosing between his two
//! children; the same pupil on a phone, turning weeks with a swipe.

use crate::support::Browser;
use crate::support::ui::*;
use std::time::Duration;

/// The week the page shows, with its lessons: turned forward (at most ten weeks: the summer)
/// until a week of school, so the test holds whatever the date it runs on.
async fn a_school_week(b: &Browser) -> String {
    for _ in 0..10 {
        b.find(WEEK_HEADING).await;
        // The week's answer replaces "loading": lessons, or none on a holiday week.
        tokio::time::sleep(Duration::from_millis(400)).await;
        if b.js("return document.querySelectorAll('section.week li.lesson').length")
            .await
            .as_i64()
            .unwrap_or(0)
            > 0
        {
            return b.text(WEEK_HEADING).await;
        }
        b.click(WEEK_NEXT).await;
    }
    panic!("no lesson in ten weeks");
}

#[tokio::test]
async fn a_pupil_sees_his_week_with_what_changed_and_turns_the_weeks_by_keyboard() {
    let b = Browser::start().await;
    b.enter_as("lisandru.pieri").await;
    b.click(TIMETABLE_SERVICE).await;
    let heading = b.wait_text(WEEK_HEADING, "Semaine du lundi").await;
    let shown = a_school_week(&b).await;
    // His class's lessons only: maths with Maria Santoni in room 101, his Corsican group's.
    let lessons = b.text(WEEK).await;
    assert!(lessons.contains("Mathématiques"), "{lessons}");
    assert!(lessons.contains("08:00–09:00"), "{lessons}");
    assert!(lessons.contains("Salle 101"), "{lessons}");
    assert!(lessons.contains("Maria Santoni"), "{lessons}");
    assert!(
        !lessons.contains("5e B"),
        "another class's lessons: {lessons}"
    );
    assert!(
        !lessons.contains("2nde"),
        "another school's lessons: {lessons}"
    );
    if shown == heading {
        // This week (a school week): Friday's maths lesson is cancelled, and says so.
        b.wait_text("section.week li.lesson.off", "Annulé").await;
    }
    b.screenshot("timetable-week").await;

    // The arrow keys turn the weeks; "this week" comes back.
    // WebDriver's "ArrowRight" key, typed on the week (it takes the focus, like a tab to it).
    b.find(WEEK)
        .await
        .send_keys("\u{e014}")
        .await
        .expect("a key typed");
    let next = b.wait_text(WEEK_HEADING, "Semaine du").await;
    assert_ne!(next, shown, "the right arrow shows the next week");
    b.click(WEEK_THIS).await;
    b.wait_text(WEEK_HEADING, &heading).await;
    b.close().await;
}

#[tokio::test]
async fn a_father_chooses_which_childs_week_he_reads() {
    let b = Browser::start().await;
    b.enter_as("ghjuvanni.pieri").await;
    b.click(TIMETABLE_SERVICE).await;
    b.wait_text(WEEK_WHOSE, "Lisandru").await;
    b.wait_text(WEEK_WHOSE, "Ghjulia").await;
    b.click_text(".week-whose button", "Emploi du temps de Ghjulia Pieri")
        .await;
    a_school_week(&b).await;
    // Ghjulia is in 2nde 1 at the lycée: her maths there, not her brother's collège lessons.
    b.wait_text(WEEK, "2nde 1").await;
    let lessons = b.text(WEEK).await;
    assert!(!lessons.contains("5e A"), "{lessons}");
    b.close().await;
}

#[tokio::test]
async fn at_phone_width_the_days_stack_and_a_swipe_turns_the_week() {
    let b = Browser::start_with_width(360).await;
    b.enter_as("lisandru.pieri").await;
    // By its address, as a bookmark on the phone's home screen would open it.
    b.open("/timetable").await;
    let shown = a_school_week(&b).await;
    let width = b
        .js("return document.documentElement.scrollWidth")
        .await
        .as_i64()
        .unwrap_or(i64::MAX);
    assert!(width <= 360, "nothing wider than the phone: {width}px");
    b.screenshot("timetable-phone").await;
    // A finger moving from right to left: the next week.
    b.js("const w = document.querySelector('section.week');
          const touch = x => new Touch({identifier: 1, target: w, clientX: x, clientY: 300});
          w.dispatchEvent(new TouchEvent('touchstart', {changedTouches: [touch(300)], bubbles: true}));
          w.dispatchEvent(new TouchEvent('touchend', {changedTouches: [touch(120)], bubbles: true}));")
        .await;
    let next = b.wait_text(WEEK_HEADING, "Semaine du").await;
    for _ in 0..50 {
        if b.text(WEEK_HEADING).await != shown {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_ne!(
        b.text(WEEK_HEADING).await,
        shown,
        "the swipe turned the week ({next})"
    );
    b.close().await;
}

#[tokio::test]
async fn a_pupil_turns_on_his_calendar_feed_and_his_calendar_app_can_read_it() {
    let b = Browser::start().await;
    b.enter_as("lisandru.pieri").await;
    b.click(TIMETABLE_SERVICE).await;
    b.wait_text(FEEDS, "Abonnement à l’agenda").await;
    b.wait_text(FEEDS, "Désactivé").await;
    // By the keyboard: the button takes the focus and Enter presses it.
    b.find(FEED_ON)
        .await
        .send_keys("\u{e007}")
        .await
        .expect("Enter typed");
    b.wait_value(FEED_URL, ".ics").await;
    b.wait_text(FEEDS, "Toute personne qui a cette adresse")
        .await;
    let url = b
        .js("return document.querySelector('section.feeds input.feed-url').value")
        .await;
    let url = url.as_str().unwrap_or_default().to_owned();
    assert!(url.contains("/calendar/"), "{url}");
    b.screenshot("timetable-feed").await;
    // What a calendar app fetches, without the page's session (nor the browser's copy: the
    // feed may be kept five minutes).
    let fetched = b
        .js(&format!(
            "return fetch('{url}', {{credentials: 'omit', cache: 'no-store'}})
               .then(async r => r.status + ' ' + r.headers.get('content-type') + ' '
                 + (await r.text()).startsWith('BEGIN:VCALENDAR'))"
        ))
        .await;
    assert_eq!(
        fetched.as_str(),
        Some("200 text/calendar; charset=utf-8 true"),
        "{fetched}"
    );
    b.click(FEED_OFF).await;
    b.wait_text(FEEDS, "Désactivé").await;
    let fetched = b
        .js(&format!(
            "return fetch('{url}', {{credentials: 'omit', cache: 'no-store'}}).then(r => r.status)"
        ))
        .await;
    assert_eq!(fetched.as_i64(), Some(404), "turned off");
    b.close().await;
}
