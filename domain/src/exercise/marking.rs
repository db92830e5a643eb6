//! A teacher's points on a free answer, after the attempt was handed in: the outcome the server
//! scored is changed for that item and its totals, and can be changed back (undo) to awaiting.

use super::ids::ItemId;
use super::points::{Credit, Points};
use super::score::{Detail, Outcome, Status};
use serde::{Deserialize, Serialize};

/// Why points cannot be given to an item of an outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MarkError {
    /// Only an attempt handed in has an outcome to change.
    #[error("the attempt is not handed in")]
    NotHandedIn,
    #[error("no such item in the attempt")]
    NoSuchItem,
    /// Only free answers are scored by a teacher; the others are the scoring function's.
    #[error("not a free answer")]
    NotFree,
    /// A free item left empty has nothing to score.
    #[error("the pupil gave no answer")]
    Unanswered,
    #[error("more than the item's {max:?} points")]
    TooMany { max: Points },
}

impl Outcome {
    /// Gives `points` to the free answer `item` (`None`: back to awaiting the teacher), within
    /// the item's points, and sums the totals again.
    pub fn mark(&mut self, item: &ItemId, points: Option<Points>) -> Result<(), MarkError> {
        let found = self
            .items
            .iter_mut()
            .find(|outcome| outcome.item == *item)
            .ok_or(MarkError::NoSuchItem)?;
        if found.detail != Detail::FreeText {
            return Err(MarkError::NotFree);
        }
        if found.status == Status::Unanswered {
            return Err(MarkError::Unanswered);
        }
        match points {
            Some(points) if points > found.max => {
                return Err(MarkError::TooMany { max: found.max });
            }
            Some(points) => {
                found.earned = points;
                let credit = Credit::ratio(
                    u64::from(points.hundredths()),
                    u64::from(found.max.hundredths()),
                );
                found.status = Status::of(credit);
            }
            None => {
                found.earned = Points::ZERO;
                found.status = Status::AwaitingTeacher;
            }
        }
        self.earned = self.items.iter().map(|outcome| outcome.earned).sum();
        self.awaiting_teacher = self
            .items
            .iter()
            .filter(|outcome| outcome.status == Status::AwaitingTeacher)
            .map(|outcome| outcome.max)
            .sum();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercise::score::ItemOutcome;

    fn item(id: &str, max: u32, status: Status, detail: Detail) -> ItemOutcome {
        ItemOutcome {
            item: id.parse().expect("id"),
            earned: if status == Status::Correct {
                Points::from_hundredths(max)
            } else {
                Points::ZERO
            },
            max: Points::from_hundredths(max),
            status,
            detail,
            feedback: Vec::new(),
        }
    }

    fn outcome() -> Outcome {
        let items = vec![
            item(
                "tf",
                100,
                Status::Correct,
                Detail::TrueFalse {
                    given: Some(true),
                    answer: true,
                },
            ),
            item("essay", 400, Status::AwaitingTeacher, Detail::FreeText),
            item("other", 200, Status::AwaitingTeacher, Detail::FreeText),
            item("blank", 100, Status::Unanswered, Detail::FreeText),
        ];
        Outcome {
            earned: Points::from_hundredths(100),
            max: Points::from_hundredths(800),
            awaiting_teacher: Points::from_hundredths(600),
            items,
        }
    }

    fn id(raw: &str) -> ItemId {
        raw.parse().expect("id")
    }

    #[test]
    fn points_count_in_the_total_and_leave_awaiting() {
        let mut o = outcome();
        o.mark(&id("essay"), Some(Points::from_hundredths(250)))
            .expect("marked");
        assert_eq!(o.earned, Points::from_hundredths(350));
        assert_eq!(o.awaiting_teacher, Points::from_hundredths(200));
        assert_eq!(o.items[1].status, Status::Partial);
        o.mark(&id("other"), Some(Points::from_hundredths(200)))
            .expect("marked");
        assert_eq!(o.items[2].status, Status::Correct);
        assert_eq!(o.awaiting_teacher, Points::ZERO);
        assert_eq!(o.earned, Points::from_hundredths(550));
        o.mark(&id("other"), Some(Points::ZERO)).expect("marked");
        assert_eq!(o.items[2].status, Status::Wrong);
        assert_eq!(o.earned, Points::from_hundredths(350));
    }

    #[test]
    fn undo_gives_back_the_outcome_as_scored() {
        let mut o = outcome();
        o.mark(&id("essay"), Some(Points::from_hundredths(400)))
            .expect("marked");
        o.mark(&id("essay"), None).expect("unmarked");
        assert_eq!(o, outcome());
    }

    #[test]
    fn only_answered_free_items_within_their_points() {
        let mut o = outcome();
        let before = o.clone();
        let one = Some(Points::from_hundredths(100));
        assert_eq!(o.mark(&id("tf"), one), Err(MarkError::NotFree));
        assert_eq!(o.mark(&id("blank"), one), Err(MarkError::Unanswered));
        assert_eq!(o.mark(&id("nope"), one), Err(MarkError::NoSuchItem));
        assert_eq!(
            o.mark(&id("essay"), Some(Points::from_hundredths(401))),
            Err(MarkError::TooMany {
                max: Points::from_hundredths(400)
            })
        );
        assert_eq!(o, before);
    }
}
