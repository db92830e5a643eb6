//! Pupils doing exercises as a person does: by keyboard only, through a network loss, at phone
//! width; the score shown is the one the server computed and stored.

use crate::support::Browser;
use crate::support::Network;
use crate::support::ui::*;
use fantoccini::Locator;
use std::time::{Duration, Instant};

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
        order.push(
            li.attr("data-card")
                .await
                .ok()
                .flatten()
                .unwrap_or_default(),
        );
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
    b.find_xpath(&do_assignment("I ghjorni di a settimana"))
        .await
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
    assert_eq!(
        value(&b, &gap("q2", 1)).await,
        "a",
        "dumenica chosen by typing"
    );
    b.find(SAVED).await;
    // The worker keeps the page and every module this page has loaded, for a reload offline.
    let modules = b.modules_loaded().await;
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let kept = b.kept_by_worker().await;
        let all = kept.iter().any(|p| p == "/")
            && modules
                .iter()
                .all(|m| kept.iter().any(|p| p.ends_with(m.as_str())));
        if all {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "kept: {kept:?}, loaded: {modules:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // The network goes (the server out of reach, for the worker too): the answers stay on the
    // device, and the page says so.
    b.network(Network::Offline).await;
    sort_by_keyboard(&b, "q3", &["a", "b", "c", "d"]).await;
    type_into(&b, &place("q4", "l1"), "v").await;
    type_into(&b, &place("q4", "l2"), "s").await;
    b.wait_text(".saving", "Hors connexion").await;
    b.find(ON_DEVICE).await;
    b.screenshot("exercise-offline").await;

    // Halfway, still offline, the page is reloaded: it opens from what the device kept, with
    // every answer, those the server has and those it never got.
    b.client.refresh().await.expect("reload");
    b.wait_text(SHEET_TITLE, "I ghjorni di a settimana").await;
    b.wait_text(OFFLINE_BANNER, "Pas de réseau").await;
    b.find(OPENED_HERE).await;
    b.wait_value(&answer("q1"), "ghjovedì").await;
    assert_eq!(value(&b, &gap("q2", 0)).await, "marti");
    assert_eq!(shown_order(&b, "q3").await, ["a", "b", "c", "d"]);
    assert_eq!(value(&b, &place("q4", "l1")).await, "r1");
    assert_eq!(value(&b, &place("q4", "l2")).await, "r2");
    b.screenshot("exercise-reloaded-offline").await;

    // More answers, still offline; handing in says the network is missing, and hands nothing in.
    type_into(&b, &place("q4", "l3"), "d").await;
    b.wait_text(".unanswered", "Toutes les questions").await;
    b.find(ON_DEVICE).await;
    press(&b, HAND_IN).await;
    b.wait_text(".sheet-foot .error-banner", "Pas de réseau")
        .await;
    b.screenshot("exercise-hand-in-offline").await;

    // The network comes back: the server is asked who is here, the answers go.
    b.network(Network::Normal).await;
    b.find(SAVED).await;
    let deadline = Instant::now() + Duration::from_secs(20);
    while b.client.find(Locator::Css(OFFLINE_BANNER)).await.is_ok() {
        assert!(Instant::now() < deadline, "the server was asked again");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(value(&b, &place("q4", "l3")).await, "r3");

    press(&b, HAND_IN).await;
    // 1 + 2 + 2 + 1,5 points: every answer right, scored by the server.
    let score = b.wait_text(HANDED_IN_SCORE, "sur").await;
    assert_eq!(score.trim(), "Votre note : 6,5 sur 6,5");
    b.wait_text(&mark("q4"), "Juste").await;
    b.screenshot("exercise-handed-in").await;

    // The list has the score the server stored; so has the list a parent sees of their child's.
    b.open("/exercises").await;
    b.wait_text(ASSIGNED, "6,5 sur 6,5").await;
    b.sign_out().await;
    b.enter_as("ghjuvanni.pieri").await;
    b.click(EXERCISES_SERVICE).await;
    b.wait_text("main", "Exercices de Lisandru Pieri").await;
    let lisandru = b.find_xpath(&child_exercises("Lisandru")).await;
    let deadline = Instant::now() + Duration::from_secs(15);
    while !lisandru
        .text()
        .await
        .unwrap_or_default()
        .contains("6,5 sur 6,5")
    {
        assert!(Instant::now() < deadline, "the parent sees the score");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        b.client
            .find(Locator::Css(&format!("{CHILD_EXERCISES} a.do")))
            .await
            .is_err(),
        "a parent follows, and does not do the child's work"
    );

    // The teacher who gave it reads the results, and can take them to a spreadsheet.
    b.sign_out().await;
    b.enter_as("maria.santoni").await;
    b.click(EXERCISES_SERVICE).await;
    b.click_text("section.written h3 a", "I ghjorni di a settimana")
        .await;
    b.click_text(".given-list a", "Lingua corsa 5e").await;
    let table = b.wait_text(RESULTS_TABLE, "6,5 sur 6,5").await;
    assert!(table.contains("Pieri"), "{table}");
    let csv = b
        .find(RESULTS_CSV)
        .await
        .attr("href")
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(csv.starts_with("data:text/csv"), "{csv}");
    assert!(
        csv.contains("Pieri%3BLisandru%3B1%3B6%2C5%3B6%2C5"),
        "{csv}"
    );
    b.screenshot("exercise-results").await;
    b.close().await;
}

#[tokio::test]
async fn at_phone_width_a_pupil_checks_answers_on_the_device_then_hands_in() {
    let b = Browser::start_with_width(360).await;
    b.enter_as("lisandru.pieri").await;
    b.click(EXERCISES_SERVICE).await;
    b.find_xpath(&do_assignment("Fractions et nombres décimaux"))
        .await
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

    // The last answer typed and handed in at once: the hand-in carries it, and the save still
    // waiting for a pause is dropped, never shown refused.
    b.fill(&answer("q4"), "dénominateur").await;
    b.click(HAND_IN).await;
    let score = b.wait_text(HANDED_IN_SCORE, "sur").await;
    assert_eq!(score.trim(), "Votre note : 3,5 sur 5");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        b.find(".saving")
            .await
            .attr("data-state")
            .await
            .ok()
            .flatten()
            .as_deref(),
        Some("saved")
    );
    b.screenshot("exercise-phone-handed-in").await;
    let loaded = b.modules_loaded().await;
    assert!(
        loaded.iter().any(|m| m == "split_exercises.wasm")
            && !loaded.iter().any(|m| m.contains("exercises_teacher")),
        "a pupil gets the player, never the teachers' screens: {loaded:?}"
    );
    b.close().await;
}

/// Waits until `css` matches exactly `n` elements.
async fn wait_count(b: &Browser, css: &str, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let found = b
            .client
            .find_all(Locator::Css(css))
            .await
            .map_or(0, |all| all.len());
        if found == n {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{css}: {found} found, {n} expected"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn add_item(b: &Browser, item_type: &str) {
    b.find(NEW_ITEM_TYPE)
        .await
        .select_by_value(item_type)
        .await
        .expect("type chosen");
    b.click(ADD_ITEM).await;
}

#[tokio::test]
async fn a_teacher_writes_an_exercise_of_eight_kinds_with_a_live_preview_and_gives_it_to_a_class() {
    let b = Browser::start().await;
    b.enter_as("maria.santoni").await;
    b.click(EXERCISES_SERVICE).await;
    b.find_xpath(&new_exercise_in("Pasquale Paoli"))
        .await
        .click()
        .await
        .expect("click");
    b.fill(EXERCISE_TITLE, "Ripassu di i ghjorni").await;
    b.find(EXERCISE_LANGUAGE)
        .await
        .select_by_value("co")
        .await
        .expect("Corsican");
    // Nothing written yet: the problems say so and saving waits.
    b.wait_text(PROBLEMS, "aucune question").await;

    let kinds = [
        "single_choice",
        "multiple_choice",
        "true_false",
        "short_text",
        "cloze",
        "numeric",
        "ordering",
        "matching",
    ];
    for kind in kinds {
        add_item(&b, kind).await;
    }
    wait_count(&b, ITEM_EDITORS, 8).await;
    wait_count(&b, PREVIEW_ITEMS, 8).await;

    b.fill(&item_field(0, "prompt"), "Chì ghjornu vene dopu à u luni ?")
        .await;
    b.fill(&item_field(0, "choice-0"), "marti").await;
    b.fill(&item_field(0, "choice-1"), "mercuri").await;
    b.fill(
        &item_field(1, "prompt"),
        "Quali sò ghjorni di a settimana ?",
    )
    .await;
    b.fill(&item_field(1, "choice-0"), "luni").await;
    b.fill(&item_field(1, "choice-1"), "sabbatu").await;
    b.click(&item_field(1, "right-1")).await;
    b.fill(&item_field(1, "choice-2"), "frutta").await;
    b.fill(
        &item_field(2, "prompt"),
        "A dumenica vene dopu à u sabbatu.",
    )
    .await;
    b.fill(&item_field(3, "prompt"), "Cumu si dice « jeudi » ?")
        .await;
    b.fill(&item_field(3, "answer-0"), "ghjovedì").await;
    b.fill(&item_field(3, "variants-0"), "ghjovi").await;
    b.fill(&item_field(4, "prompt"), "Compie a frase.").await;
    b.fill(&item_field(4, "cloze-0"), "Dopu à u luni vene u [marti")
        .await;
    // A gap left open is named at once, and mended.
    b.wait_text(".item-editor[data-index='4'] .field-error", "pas fermé")
        .await;
    b.fill(
        &item_field(4, "cloze-0"),
        "Dopu à u luni vene u [marti], poi u {*mercuri|venneri}.",
    )
    .await;
    b.fill(
        &item_field(5, "prompt"),
        "Quanti ghjorni ci sò in una settimana ?",
    )
    .await;
    b.fill(&item_field(5, "value-0"), "7").await;
    b.fill(&item_field(6, "prompt"), "Metti in ordine.").await;
    for (n, day) in ["luni", "marti", "mercuri"].iter().enumerate() {
        b.fill(&item_field(6, &format!("card-{n}")), day).await;
    }
    b.fill(&item_field(7, "prompt"), "Associa.").await;
    b.fill(&item_field(7, "left-0"), "luni").await;
    b.fill(&item_field(7, "right-0"), "lundi").await;
    b.fill(&item_field(7, "left-1"), "marti").await;
    b.fill(&item_field(7, "right-1"), "mardi").await;
    b.fill(&item_field(7, "points"), "1,5").await;

    // The preview is the pupil's view of what is typed: the cloze has its gap and its list.
    b.wait_text(".preview", "Cumu si dice « jeudi » ?").await;
    b.find(".preview [data-item=q5] input.gap").await;
    b.find(".preview [data-item=q5] select.gap").await;
    wait_count(&b, PROBLEMS, 0).await;

    // Deleting an item can be undone.
    b.click(&delete_item(2)).await;
    wait_count(&b, ITEM_EDITORS, 7).await;
    b.click(UNDO).await;
    wait_count(&b, ITEM_EDITORS, 8).await;
    b.wait_value(&item_field(2, "prompt"), "dumenica").await;
    b.screenshot("exercise-editor").await;

    b.click(SAVE_EXERCISE).await;
    // Saved, the exercise opens at its own address, with the form to give it.
    let group = b.find(ASSIGN_GROUP).await;
    assert!(
        b.client
            .current_url()
            .await
            .expect("url")
            .path()
            .starts_with("/exercises/edit/")
    );
    let mut five_a = None;
    for option in b
        .client
        .find_all(Locator::Css(&format!("{ASSIGN_GROUP} option")))
        .await
        .expect("options")
    {
        if option.text().await.unwrap_or_default().ends_with("5e A") {
            five_a = option.attr("value").await.ok().flatten();
        }
    }
    let five_a = five_a.expect("the teacher's class 5e A is offered");
    group.select_by_value(&five_a).await.expect("5e A");
    b.find(ASSIGN_FEEDBACK)
        .await
        .select_by_value("instant")
        .await
        .expect("instant");
    b.click(ASSIGN_SUBMIT).await;
    b.wait_text(ASSIGN_DONE, "5e A").await;
    b.screenshot("exercise-assigned").await;
    assert!(
        b.modules_loaded()
            .await
            .iter()
            .any(|m| m == "split_exercises_teacher.wasm")
    );

    // Deleted from the teacher's list by mistake, and brought back.
    b.open("/exercises").await;
    b.click(&written_action("Ripassu di i ghjorni", "delete"))
        .await;
    b.wait_text("section.written .deleted", "Ripassu di i ghjorni")
        .await;
    b.click("section.written .deleted button.undo").await;
    b.wait_text("section.written", "Ripassu di i ghjorni").await;
    b.find(&written_action("Ripassu di i ghjorni", "delete"))
        .await;

    // A pupil of 5e A has it, all eight items, in Corsican.
    b.sign_out().await;
    b.enter_as("lisandru.pieri").await;
    b.click(EXERCISES_SERVICE).await;
    b.find_xpath(&do_assignment("Ripassu di i ghjorni"))
        .await
        .click()
        .await
        .expect("open");
    b.wait_text(SHEET_TITLE, "Ripassu di i ghjorni").await;
    wait_count(&b, ".sheet section.item", 8).await;
    assert_eq!(
        b.find(".sheet")
            .await
            .attr("lang")
            .await
            .ok()
            .flatten()
            .as_deref(),
        Some("co")
    );
    b.close().await;
}
