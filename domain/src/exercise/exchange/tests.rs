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

#[test]
fn the_report_serialises_one_object_per_question() {
    let report = gift::import(
        "::Q2::Couleur ?{=jaune ~rouge}\n\n::bad::{=x\n\n::m::[html]<b>Vrai</b> ?{T}",
        &defaults(),
    )
    .expect("reads");
    let json = serde_json::to_value(&report.items).expect("serialises");
    assert_eq!(
        json,
        serde_json::json!([
            {"position": 1, "line": 1, "name": "Q2", "status": "taken", "type": "single_choice", "id": "Q2"},
            {"position": 2, "line": 3, "name": "bad", "status": "refused", "reason": {"type": "brace_not_closed"}},
            {"position": 3, "line": 5, "name": "m", "status": "taken", "type": "true_false", "id": "m", "notes": [{"type": "markup_removed"}]},
        ])
    );
    let back: Report =
        serde_json::from_str(&serde_json::to_string(&report).expect("serialises")).expect("reads");
    assert_eq!(back, report);
    assert_eq!(
        Reason::InvalidGrade {
            grade: "33".to_owned()
        }
        .to_string(),
        "grade 33 is not one of Moodle's grades"
    );
    assert_eq!("moodle-xml".parse::<Format>(), Ok(Format::MoodleXml));
}
