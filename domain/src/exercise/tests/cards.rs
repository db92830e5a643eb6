use super::*;
use Status::*;

fn card(i: &str) -> Card {
    Card {
        id: id(i),
        text: i.to_uppercase(),
    }
}

fn matching() -> ItemKind {
    let pair = |l: &str, r: &str| Pair {
        left: card(l),
        right: card(r),
    };
    ItemKind::Matching(Matching {
        pairs: vec![
            pair("casa", "maison"),
            pair("acqua", "eau"),
            pair("pane", "pain"),
            pair("vinu", "vin"),
        ],
        distractors: vec![card("lait")],
    })
}

fn pairs(given: &[(&str, &str)]) -> Option<Answer> {
    Some(Answer::Matching {
        pairs: given.iter().map(|&(l, r)| (id(l), id(r))).collect(),
    })
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn each_pair_matched_earns_its_share() {
    let kind = matching();
    let right = [
        ("casa", "maison"),
        ("acqua", "eau"),
        ("pane", "pain"),
        ("vinu", "vin"),
    ];
    for (given, earned, status) in [
        (pairs(&right), 100, Correct),
        (pairs(&right[..3]), 75, Partial),
        (
            pairs(&[
                ("casa", "maison"),
                ("acqua", "lait"),
                ("pane", "pain"),
                ("vinu", "eau"),
            ]),
            50,
            Partial,
        ),
        (pairs(&[("casa", "eau")]), 0, Wrong),
        // One right card given to every left card: one right.
        (
            pairs(&[
                ("casa", "maison"),
                ("acqua", "maison"),
                ("pane", "maison"),
                ("vinu", "maison"),
            ]),
            25,
            Partial,
        ),
        (pairs(&[]), 0, Unanswered),
        (None, 0, Unanswered),
    ] {
        assert_scores(&kind, given, earned, status);
    }
}

fn ordering(credit: OrderCredit) -> ItemKind {
    ItemKind::Ordering(Ordering {
        cards: ["a", "b", "c", "d", "e"].map(card).to_vec(),
        credit,
    })
}

fn order(cards: &str) -> Option<Answer> {
    Some(Answer::Ordering {
        order: cards.chars().map(|c| id(&c.to_string())).collect(),
    })
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn an_order_earns_by_its_longest_sequence_its_positions_or_all_or_nothing() {
    use OrderCredit::*;
    for (credit, given, earned, status) in [
        // (L − 1) / (n − 1), n = 5.
        (LongestSequence, "abcde", 100, Correct),
        (LongestSequence, "bacde", 75, Partial), // two neighbours swapped: L = 4
        (LongestSequence, "bcdea", 75, Partial), // the first card moved last: L = 4
        (LongestSequence, "eabcd", 75, Partial),
        (LongestSequence, "badce", 50, Partial), // L = 3
        (LongestSequence, "edcba", 0, Wrong),    // reversed: L = 1
        // Right positions / n.
        (Positions, "abcde", 100, Correct),
        (Positions, "bacde", 60, Partial),
        (Positions, "bcdea", 0, Wrong),    // every card one place off
        (Positions, "edcba", 20, Partial), // c stays in the middle
        (AllOrNothing, "abcde", 100, Correct),
        (AllOrNothing, "bacde", 0, Wrong),
    ] {
        let got = outcome(&one_item(ordering(credit)), order(given));
        assert_eq!(
            (got.earned.hundredths(), got.status),
            (earned, status),
            "{credit:?} {given}"
        );
    }
    assert_scores(&ordering(LongestSequence), order(""), 0, Unanswered);
    assert_scores(&ordering(LongestSequence), None, 0, Unanswered);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_cards_in_place_are_marked() {
    let in_place = |credit, given| {
        let got = outcome(&one_item(ordering(credit)), order(given));
        match got.detail {
            Detail::Ordering(mark) => {
                assert_eq!(mark.order, ids::<CardId>(&["a", "b", "c", "d", "e"]));
                mark.given
                    .iter()
                    .map(|card| if card.in_place { '+' } else { '-' })
                    .collect::<String>()
            }
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(in_place(OrderCredit::LongestSequence, "bcdea"), "++++-");
    assert_eq!(in_place(OrderCredit::LongestSequence, "eabcd"), "-++++");
    assert_eq!(in_place(OrderCredit::Positions, "bacde"), "--+++");
}

fn categorising() -> ItemKind {
    let category = |i: &str, cards: &[&str]| Category {
        id: id(i),
        name: i.to_uppercase(),
        cards: cards.iter().map(|&c| card(c)).collect(),
    };
    ItemKind::Categorising(Categorising {
        categories: vec![
            category("mammals", &["mouflon", "sanglier"]),
            category("birds", &["gypaete", "sittelle"]),
            category("fish", &[]),
        ],
    })
}

fn placed(given: &[(&str, &str)]) -> Option<Answer> {
    Some(Answer::Categorising {
        placed: given.iter().map(|&(c, g)| (id(c), id(g))).collect(),
    })
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn each_card_sorted_right_earns_its_share() {
    let kind = categorising();
    for (given, earned, status) in [
        (
            placed(&[
                ("mouflon", "mammals"),
                ("sanglier", "mammals"),
                ("gypaete", "birds"),
                ("sittelle", "birds"),
            ]),
            100,
            Correct,
        ),
        (
            placed(&[
                ("mouflon", "mammals"),
                ("sanglier", "mammals"),
                ("gypaete", "birds"),
                ("sittelle", "fish"),
            ]),
            75,
            Partial,
        ),
        (placed(&[("mouflon", "mammals")]), 25, Partial),
        (
            placed(&[("mouflon", "fish"), ("gypaete", "mammals")]),
            0,
            Wrong,
        ),
        (placed(&[]), 0, Unanswered),
    ] {
        assert_scores(&kind, given, earned, status);
    }
}
