//! Pupils doing exercises as a person does: by keyboard only, through a network loss, at phone
//! width; the score shown is the one the server computed and stored.

use crate::support::Browser;
use crate::support::Network;
use crate::support::ui::*;
use fantoccini::Locator;
use std::time::{Duration, Instant};

const ENTER: &str = "\u{E007}";

/// Presses Enter on an element, as a keyboard user does once it has the focus.
async fn press(b: &Browser, css: &str) {
    b.find(css).await.send_keys(ENTER).await.expect("Enter");
}

/// Types into an element with the keyboard (a text field, or a closed drop-down, which picks the
/// first option starting with what is typed).
async fn type_into(b: &Browser, css: &str, keys: &str) {
    b.find(css).await.send_keys(keys).await.expect("type");
}

async fn value(b: &Browser, css: &str) -> String {
    b.find(css)
        .await
        .prop("value")
        .await
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// The cards of an ordering item as shown.
async fn shown_order(b: &Browser, item: &str) -> Vec<String> {
    let mut order = Vec::new();
    for li in b
        .client
        .find_all(Locator::Css(&ordering_cards(item)))
        .await
        .expect("cards")
    {
        order.push(li.attr("data-card").await.ok().flatten().unwrap_or_default());
    }
    order
}

/// Puts the cards of `item` in `wanted` order with the "up" buttons, by keyboard.
async fn sort_by_keyboard(b: &Browser, item: &str, wanted: &[&str]) {
    for (place, card) in wanted.iter().enumerate() {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let order = shown_order(b, item).await;
            let at = order.iter().position(|c| c == card).expect("card shown");
            if at == place {
                break;
            }
            assert!(Instant::now() < deadline, "{card} never reached {place}");
            press(b, &move_up(item, card)).await;
            // The list is drawn anew after each move.
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    assert_eq!(shown_order(b, item).await, wanted);
}

#[tokio::test]
async fn a_pupil_does_an_exercise_by_keyboard_through_a_network_loss_and_gets_the_servers_score() {
    let b = Browser::start().await;
    b.enter_as("lisandru.pieri").await;
    press(&b, EXERCISES_SERVICE).await;
    b.wait_text(ASSIGNED, "I ghjorni di a settimana").await;
    b.screenshot("exercises-list").await;
    b.client
        .find(Locator::XPath(&do_assignment("I ghjorni di a settimana")))
        .await
        .expect("the Corsican exercise is given to Lisandru")
        .send_keys(ENTER)
        .await
        .expect("Enter");
    b.wait_text(SHEET_TITLE, "I ghjorni di a settimana").await;

    // The accent Lisandru's keyboard lacks comes from the character bar, at the cursor.
    type_into(&b, &answer("q1"), "ghjoved").await;
    press(&b, &insert_char("ì")).await;
    assert_eq!(value(&b, &answer("q1")).await, "ghjovedì");
    type_into(&b, &gap("q2", 0), "marti").await;
    type_into(&b, &gap("q2", 1), "d").await;
    assert_eq!(value(&b, &gap("q2", 1)).await, "a", "dumenica chosen by typing");
    b.find(SAVED).await;

    // The network goes: the answers stay on the device, and the page says so.
    b.network(Network::Offline).await;
    sort_by_keyboard(&b, "q3", &["a", "b", "c", "d"]).await;
    type_into(&b, &place("q4", "l1"), "v").await;
    type_into(&b, &place("q4", "l2"), "s").await;
    type_into(&b, &place("q4", "l3"), "d").await;
    b.wait_text(".saving", "Hors connexion").await;
    b.find(ON_DEVICE).await;
    b.screenshot("exercise-offline").await;

    // The tab is left while offline, with answers the server never got; the network comes
    // back; the pupil opens the exercise again and finds every answer.
    let sheet = b.client.current_url().await.expect("url");
    b.client.goto("about:blank").await.expect("leave");
    b.network(Network::Normal).await;
    b.client.goto(sheet.as_str()).await.expect("come back");
    b.wait_text(SHEET_TITLE, "I ghjorni di a settimana").await;
    b.wait_value(&answer("q1"), "ghjovedì").await;
    assert_eq!(value(&b, &gap("q2", 0)).await, "marti");
    assert_eq!(shown_order(&b, "q3").await, ["a", "b", "c", "d"]);
    assert_eq!(value(&b, &place("q4", "l1")).await, "r1");
    assert_eq!(value(&b, &place("q4", "l3")).await, "r3");
    b.wait_text(".unanswered", "Toutes les questions").await;
    b.find(SAVED).await;

    press(&b, HAND_IN).await;
    // 1 + 2 + 2 + 1,5 points: every answer right, scored by the server.
    let score = b.wait_text(HANDED_IN_SCORE, "sur").await;
    assert_eq!(score.trim(), "Votre note : 6,5 sur 6,5");
    b.wait_text(&mark("q4"), "Juste").await;
    b.screenshot("exercise-handed-in").await;

    // The list has the score the server stored.
    b.open("/exercises").await;
    b.wait_text(ASSIGNED, "6,5 sur 6,5").await;
    b.close().await;
}

#[tokio::test]
async fn at_phone_width_a_pupil_checks_answers_on_the_device_then_hands_in() {
    let b = Browser::start_with_width(360).await;
    b.enter_as("lisandru.pieri").await;
    b.click(EXERCISES_SERVICE).await;
    b.client
        .wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::XPath(&do_assignment("Fractions et nombres décimaux")))
        .await
        .expect("fractions given to 5e A")
        .click()
        .await
        .expect("tap");
    b.wait_text(SHEET_TITLE, "Fractions").await;
    // Choices are shuffled per attempt: pick them by their text.
    b.click_text("[data-item=q1] label.choice", "2/4").await;
    b.fill(&answer("q2"), "0,75").await;
    b.click_text("[data-item=q3] label.choice", "Vrai").await;
    b.fill(&answer("q4"), "denominateur").await;
    b.wait_text(".unanswered", "1 question sans réponse").await;

    // The teacher allows instant feedback: the browser scores with the server's own code.
    b.click(CHECK_ANSWERS).await;
    b.wait_text(PROVISIONAL, "3,5 sur 5").await;
    b.wait_text(&mark("q1"), "Juste").await;
    b.wait_text(&mark("q5"), "Sans réponse").await;
    let width = b
        .js("return document.documentElement.scrollWidth")
        .await
        .as_i64()
        .unwrap_or(i64::MAX);
    assert!(width <= 360, "nothing wider than the phone: {width}px");
    b.screenshot("exercise-phone-checked").await;

    b.find(SAVED).await;
    b.click(HAND_IN).await;
    let score = b.wait_text(HANDED_IN_SCORE, "sur").await;
    assert_eq!(score.trim(), "Votre note : 3,5 sur 5");
    b.screenshot("exercise-phone-handed-in").await;
    b.close().await;
}
