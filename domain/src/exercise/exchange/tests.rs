//! Tests of the exchange formats, on the third-party fixtures read in place and on generated
//! input.

mod gift_read;
mod gift_write;
mod hostile;
mod moodle_read;
mod qti_read;
mod texts;

use super::*;
use crate::exercise::{Item, ItemKind, ItemType};
use crate::lang::Lang;

/// The shared fixtures folder (`/work/shared/fixtures` beside the project).
pub(super) fn fixture(path: &str) -> Vec<u8> {
    let full = format!(
        "{}/../../shared/fixtures/exercises/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&full).unwrap_or_else(|error| panic!("{full}: {error}"))
}

pub(super) fn defaults() -> Defaults {
    Defaults {
        title: "Import".to_owned(),
        language: LanguageTag::from(Lang::Fr),
    }
}

/// Each entry's status, type (if taken) and reason (if refused), in order.
pub(super) fn outcomes(report: &Report) -> Vec<(Option<ItemType>, Option<Reason>)> {
    report
        .items
        .iter()
        .map(|item| match &item.outcome {
            Outcome::Taken { item_type, .. } => (Some(*item_type), None),
            Outcome::Statement => (None, None),
            Outcome::Refused { reason } => (None, Some(reason.clone())),
        })
        .collect()
}

/// The taken item of id `id`.
pub(super) fn item<'a>(report: &'a Report, id: &str) -> &'a Item {
    report
        .exercise
        .as_ref()
        .and_then(|exercise| exercise.items.iter().find(|item| item.id.as_str() == id))
        .unwrap_or_else(|| panic!("no item {id} in {report:#?}"))
}

pub(super) fn kind<'a>(report: &'a Report, id: &str) -> &'a ItemKind {
    &item(report, id).kind
}
