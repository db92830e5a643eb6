//! Cards to match, put in order, or sort into categories.

use super::{Detail, Marked, OrderMark, OrderedCard, PairMark, PlacementMark};
use crate::exercise::ids::{CardId, CategoryId};
use crate::exercise::item::{Categorising, Matching, OrderCredit, Ordering};
use crate::exercise::points::Credit;
use std::collections::BTreeMap;

/// Each pair weighs the same; a left card left unmatched earns nothing.
pub(super) fn matching(item: &Matching, given: Option<&BTreeMap<CardId, CardId>>) -> Marked {
    let pairs: Vec<PairMark> = item
        .pairs
        .iter()
        .map(|pair| PairMark {
            left: pair.left.id.clone(),
            given: given.and_then(|given| given.get(&pair.left.id)).cloned(),
            right: pair.right.id.clone(),
        })
        .collect();
    let right = pairs
        .iter()
        .filter(|pair| pair.given.as_ref() == Some(&pair.right))
        .count();
    Marked::new(
        Credit::ratio(right as u64, pairs.len() as u64),
        Detail::Matching { pairs },
    )
}

/// Under the item's [`OrderCredit`]; `given` is empty or lists every card once (checked).
pub(super) fn ordering(item: &Ordering, given: &[CardId]) -> Marked {
    let order: Vec<CardId> = item.cards.iter().map(|card| card.id.clone()).collect();
    // Where each given card belongs.
    let positions: Vec<usize> = given
        .iter()
        .filter_map(|id| order.iter().position(|card| card == id))
        .collect();
    let n = order.len() as u64;
    let (in_place, credit) = match item.credit {
        OrderCredit::LongestSequence => {
            let kept = longest_increasing(&positions);
            let length = kept.iter().filter(|&&kept| kept).count() as u64;
            let credit = match n {
                0 => Credit::NONE,
                1 => Credit::ratio(length, 1),
                _ => Credit::ratio(length.saturating_sub(1), n - 1),
            };
            (kept, credit)
        }
        OrderCredit::Positions | OrderCredit::AllOrNothing => {
            let at: Vec<bool> = positions.iter().enumerate().map(|(i, &p)| i == p).collect();
            let right = at.iter().filter(|&&at| at).count() as u64;
            let credit = match item.credit {
                OrderCredit::AllOrNothing if right == n && n > 0 => Credit::FULL,
                OrderCredit::AllOrNothing => Credit::NONE,
                _ => Credit::ratio(right, n),
            };
            (at, credit)
        }
    };
    Marked::new(
        credit,
        Detail::Ordering(OrderMark {
            given: given
                .iter()
                .zip(in_place)
                .map(|(card, in_place)| OrderedCard {
                    card: card.clone(),
                    in_place,
                })
                .collect(),
            order,
        }),
    )
}

/// Which elements of `values` form a longest strictly increasing subsequence (the first found
/// when several are as long, so the same order is always marked alike).
fn longest_increasing(values: &[usize]) -> Vec<bool> {
    let n = values.len();
    // length[i]: the longest increasing run ending at i; before[i]: its previous element.
    let mut length = vec![1usize; n];
    let mut before: Vec<Option<usize>> = vec![None; n];
    for i in 0..n {
        for j in 0..i {
            if values[j] < values[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1;
                before[i] = Some(j);
            }
        }
    }
    let mut kept = vec![false; n];
    let longest = length.iter().copied().max().unwrap_or(0);
    let mut at = length.iter().position(|&l| l == longest);
    while let Some(i) = at {
        kept[i] = true;
        at = before[i];
    }
    kept
}

/// Each card weighs the same; a card left unsorted earns nothing.
pub(super) fn categorising(
    item: &Categorising,
    given: Option<&BTreeMap<CardId, CategoryId>>,
) -> Marked {
    let cards: Vec<PlacementMark> = item
        .categories
        .iter()
        .flat_map(|category| {
            category.cards.iter().map(|card| PlacementMark {
                card: card.id.clone(),
                given: given.and_then(|given| given.get(&card.id)).cloned(),
                category: category.id.clone(),
            })
        })
        .collect();
    let right = cards
        .iter()
        .filter(|card| card.given.as_ref() == Some(&card.category))
        .count();
    Marked::new(
        Credit::ratio(right as u64, cards.len() as u64),
        Detail::Categorising { cards },
    )
}
