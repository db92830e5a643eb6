//! What responses are scored against.

use super::Exercise;
use super::item::{Item, ItemKind};
use serde::{Deserialize, Serialize};

/// The items with their answers, credits and feedback: everything [`super::score`] needs, and
/// what a [`super::Paper`] leaves out. The server keeps it, and sends it to the browser only when
/// the teacher lets pupils see their results as they answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerKey {
    items: Vec<Item>,
}

impl AnswerKey {
    pub fn items(&self) -> &[Item] {
        &self.items
    }
}

impl Exercise {
    /// The key to this exercise. The teacher's guidance for free answers stays out of it: the
    /// key may reach a pupil's browser, the guidance is for whoever scores those answers.
    pub fn key(&self) -> AnswerKey {
        AnswerKey {
            items: self
                .items
                .iter()
                .map(|item| {
                    let mut item = item.clone();
                    if let ItemKind::FreeText(free) = &mut item.kind {
                        free.guidance = None;
                    }
                    item
                })
                .collect(),
        }
    }
}
