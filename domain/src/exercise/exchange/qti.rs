//! IMS QTI 2.1 items (`<assessmentItem>`, one per file), read.
//!
//! | interaction | item |
//! |---|---|
//! | `choiceInteraction`, single cardinality | single choice |
//! | `choiceInteraction`, multiple | multiple choice (`match_correct`: all or nothing; `map_response`: penalty read from the mapping) |
//! | `textEntryInteraction`, `inlineChoiceInteraction` | cloze: typed gap (string: case counts, as QTI compares) or drop-down gap; a number alone is a numeric item |
//! | `orderInteraction` | ordering, all or nothing |
//! | `matchInteraction` | matching when one to one; cards sorted into categories when several sources share a target |
//! | `associateInteraction` | matching, each pair's first and second shown as two columns |
//! | `gapMatchInteraction` | cloze of drop-down gaps, the gap texts as each gap's options |
//! | `extendedTextInteraction` | free text |
//! | hotspot, graphic, slider, select point, position object, hottext, media, upload, drawing, custom, … | refused |
//!
//! Response processing: the standard templates `match_correct` and `map_response` (by URI, or
//! written out inline as in the templates, optionally setting a `FEEDBACK` outcome to the
//! response (inline feedback per choice) or to an identifier (modal feedback, kept as the
//! item's right and wrong feedback)); anything else is refused, as are adaptive items, template
//! items (random values), MathML and items with no correct response or mapping (a survey, a
//! Likert scale). A mapped value becomes a credit relative to the best score; where QTI scores
//! in a way Scola does not (unequal pairs, penalties beyond Scola's, a whole item all or
//! nothing), the item is taken with [`Note::ApproximateScoring`]. Points: `SCORE`'s
//! `normalMaximum`, else the best score the processing gives, else 1.

mod body;

use super::build::{self, Collector, Draft, Notes, ONE_POINT, Origin, Weighted};
use super::markup::Converted;
use super::report::{Note, Reason};
use super::{Defaults, Format, ImportError, Report, number, xml};
use crate::exercise::{
    Accepts, Card, CardId, Categorising, Category, CategoryId, Checkbox, Choice, ChoiceId, Cloze,
    ClozePart, Decimal, Feedback, FreeText, ItemKind, LanguageTag, Matching, MultipleChoice,
    Numeric, NumericAnswer, OrderCredit, Ordering, Pair, Penalty, Percent, SingleChoice,
    TextAnswer, TextMatching, Tolerance,
};
use body::{Body, MARK};
use roxmltree::Node;
use std::str::FromStr;

/// Reads a QTI 2.1 item file's text. See the module's documentation.
pub fn import(text: &str, defaults: &Defaults) -> Result<Report, ImportError> {
    let document = xml::parse(text)?;
    let root = document.root_element();
    if root.tag_name().name() != "assessmentItem" {
        return Err(ImportError::WrongRoot {
            found: root.tag_name().name().to_owned(),
            expected: "assessmentItem".to_owned(),
        });
    }
    let mut collector = Collector::new(Format::Qti, defaults);
    let title = root
        .attribute("title")
        .map(str::trim)
        .filter(|t| !t.is_empty());
    if let Some(title) = title {
        collector.set_title(title.to_owned());
    }
    let lang = root.attribute(("http://www.w3.org/XML/1998/namespace", "lang"));
    if let Some(language) = lang.and_then(|l| LanguageTag::from_str(l).ok()) {
        collector.set_language(language);
    }
    let origin = Origin {
        line: Some(xml::line(&document, root)),
        name: title.map(str::to_owned),
        ids: root
            .attribute("identifier")
            .into_iter()
            .map(str::to_owned)
            .collect(),
    };
    match Item::new(root).and_then(|item| item.read()) {
        Ok(draft) => collector.take(origin, draft),
        Err(reason) => collector.refuse(origin, reason),
    }
    collector.finish()
}

/// How the item is scored.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Scoring {
    /// Full score for the correct response, none otherwise.
    MatchCorrect {
        score: Option<Decimal>,
        feedback: Modal,
    },
    /// The sum of the mapped values of the response.
    MapResponse,
    /// No response processing (a teacher scores it, or nothing does).
    Absent,
}

/// What a match-correct processing sets `FEEDBACK` to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Modal {
    /// `FEEDBACK` is the response: each choice's inline feedback shows when it is picked.
    inline: bool,
    /// The modal feedback shown when right, and when wrong.
    right: Option<String>,
    wrong: Option<String>,
}

/// A response declaration.
struct Declaration {
    cardinality: String,
    base_type: String,
    correct: Vec<String>,
    mapping: Option<Mapping>,
}

struct Mapping {
    default: Decimal,
    lower: Option<Decimal>,
    upper: Option<Decimal>,
    entries: Vec<Entry>,
}

struct Entry {
    key: String,
    value: Decimal,
    case_sensitive: bool,
}

impl Mapping {
    fn value(&self, key: &str) -> Decimal {
        self.entries
            .iter()
            .find(|entry| entry.key == key)
            .map_or(self.default, |entry| entry.value)
    }

    /// The best score of a response holding several values: the positive values summed, capped.
    fn best_sum(&self) -> Decimal {
        let sum = self
            .entries
            .iter()
            .filter(|e| e.value > Decimal::ZERO)
            .fold(Decimal::ZERO, |sum, e| {
                number::add(sum, e.value).unwrap_or(sum)
            });
        self.cap(sum)
    }

    /// The best score of a single value.
    fn best_one(&self) -> Decimal {
        let best = self
            .entries
            .iter()
            .map(|e| e.value)
            .chain([self.default])
            .max()
            .unwrap_or(Decimal::ZERO);
        self.cap(best)
    }

    fn cap(&self, value: Decimal) -> Decimal {
        self.upper.map_or(value, |upper| value.min(upper))
    }

    /// Whether a sum of mapped values scores as Scola does: never below zero (Scola floors
    /// at zero), and the cap no lower than all the positive values.
    fn exact_for_sums(&self) -> bool {
        let positives = self
            .entries
            .iter()
            .filter(|e| e.value > Decimal::ZERO)
            .fold(Decimal::ZERO, |sum, e| {
                number::add(sum, e.value).unwrap_or(sum)
            });
        !self.unbounded_below() && self.upper.is_none_or(|upper| upper >= positives)
    }

    /// Whether QTI may give a negative score that Scola floors at zero.
    fn unbounded_below(&self) -> bool {
        let negative =
            self.default < Decimal::ZERO || self.entries.iter().any(|e| e.value < Decimal::ZERO);
        negative && self.lower.is_none_or(|lower| lower < Decimal::ZERO)
    }
}

/// `value / best` as a weight in percent (−100..100), exact or rounded.
fn weight(value: Decimal, best: Decimal) -> Decimal {
    match number::percent_of(value, best) {
        Some((percent, true)) => Decimal::new(percent, 0).unwrap_or(Decimal::ZERO),
        // A share like a third: five places, as Moodle writes it, so penalties are recognised.
        _ => {
            let (num, den) = (value, best);
            number::percent_of(
                number::mul(num, Decimal::from_int(100_000)).unwrap_or(num),
                den,
            )
            .and_then(|(p, _)| Decimal::new(p, 5))
            .unwrap_or(Decimal::ZERO)
        }
    }
}

struct Item<'a, 'input> {
    root: Node<'a, 'input>,
    body: Node<'a, 'input>,
    scoring: Scoring,
    notes: Notes,
}

impl<'a, 'input> Item<'a, 'input> {
    fn new(root: Node<'a, 'input>) -> Result<Self, Reason> {
        if root.attribute("adaptive") == Some("true") {
            return Err(Reason::Adaptive);
        }
        if xml::child(root, "templateDeclaration").is_some()
            || xml::child(root, "templateProcessing").is_some()
        {
            return Err(Reason::Template);
        }
        let body = xml::child(root, "itemBody").ok_or_else(|| Reason::Missing {
            element: "itemBody".to_owned(),
        })?;
        if let Some(math) = body
            .descendants()
            .find(|n| n.is_element() && n.tag_name().name() == "math")
        {
            return Err(Reason::UnsupportedContent {
                element: math.tag_name().name().to_owned(),
            });
        }
        if body
            .descendants()
            .any(|n| n.is_element() && n.tag_name().name() == "printedVariable")
        {
            return Err(Reason::Template);
        }
        Ok(Item {
            root,
            body,
            // Read once the interactions are known to be supported (a point-scoring template
            // is refused for its interaction).
            scoring: Scoring::Absent,
            notes: Notes::default(),
        })
    }

    fn read(mut self) -> Result<Draft, Reason> {
        let interactions: Vec<Node> = self
            .body
            .descendants()
            .filter(|n| body::is_interaction(*n))
            .collect();
        const BLOCK: [&str; 6] = [
            "choiceInteraction",
            "orderInteraction",
            "matchInteraction",
            "associateInteraction",
            "gapMatchInteraction",
            "extendedTextInteraction",
        ];
        if let Some(other) = interactions
            .iter()
            .find(|n| !body::is_inline(**n) && !BLOCK.contains(&n.tag_name().name()))
        {
            return Err(Reason::UnsupportedInteraction {
                name: other.tag_name().name().to_owned(),
            });
        }
        self.scoring = scoring(self.root)?;
        let inline = interactions.iter().filter(|n| body::is_inline(**n)).count();
        let (kind, prompt, feedback) = match (interactions.as_slice(), inline) {
            ([], _) => return Err(Reason::NoInteraction),
            (all, n) if n == all.len() => self.cloze()?,
            ([one], 0) => self.block(*one)?,
            _ => return Err(Reason::SeveralInteractions),
        };
        let points = self.points()?;
        Ok(Draft {
            prompt,
            points,
            feedback,
            kind,
            notes: self.notes,
        })
    }

    fn declaration(&self, interaction: Node) -> Result<Declaration, Reason> {
        let identifier = interaction.attribute("responseIdentifier").unwrap_or("");
        let node = xml::children(self.root, "responseDeclaration")
            .find(|d| d.attribute("identifier") == Some(identifier))
            .ok_or_else(|| Reason::Missing {
                element: format!("responseDeclaration {identifier}"),
            })?;
        // The standard templates score the response called RESPONSE, and only it.
        if identifier != "RESPONSE" && self.scoring != Scoring::Absent {
            return Err(Reason::NoScoring);
        }
        let correct = xml::child(node, "correctResponse")
            .map(|c| {
                xml::children(c, "value")
                    .map(|v| xml::text(v).trim().to_owned())
                    .collect()
            })
            .unwrap_or_default();
        let number = |raw: Option<&str>| raw.map(decimal).transpose();
        let mapping = match xml::child(node, "mapping") {
            None => None,
            Some(mapping) => {
                let entries = xml::children(mapping, "mapEntry")
                    .map(|entry| {
                        Ok(Entry {
                            key: entry.attribute("mapKey").unwrap_or("").trim().to_owned(),
                            value: decimal(entry.attribute("mappedValue").unwrap_or("0"))?,
                            case_sensitive: entry.attribute("caseSensitive") != Some("false"),
                        })
                    })
                    .collect::<Result<Vec<_>, Reason>>()?;
                build::check_parts(entries.len())?;
                Some(Mapping {
                    default: number(mapping.attribute("defaultValue"))?.unwrap_or(Decimal::ZERO),
                    lower: number(mapping.attribute("lowerBound"))?,
                    upper: number(mapping.attribute("upperBound"))?,
                    entries,
                })
            }
        };
        Ok(Declaration {
            cardinality: node.attribute("cardinality").unwrap_or("single").to_owned(),
            base_type: node.attribute("baseType").unwrap_or("").to_owned(),
            correct,
            mapping,
        })
    }

    /// The mapping, when the processing maps the response.
    fn mapping<'d>(&self, declaration: &'d Declaration) -> Result<Option<&'d Mapping>, Reason> {
        match self.scoring {
            Scoring::MapResponse => declaration
                .mapping
                .as_ref()
                .map(Some)
                .ok_or(Reason::NoScoring),
            Scoring::MatchCorrect { .. } if declaration.correct.is_empty() => {
                Err(Reason::NoScoring)
            }
            Scoring::MatchCorrect { .. } => Ok(None),
            Scoring::Absent => Err(Reason::NoScoring),
        }
    }

    /// Markdown of a node's content, noting what was removed.
    fn text(&mut self, node: Node) -> String {
        let mut body = Body::new();
        body.content(node);
        let (converted, _) = body.finish();
        self.note(&converted);
        converted.text
    }

    fn note(&mut self, converted: &Converted) {
        self.notes.converted(converted);
    }

    fn feedback(&self) -> Feedback {
        match &self.scoring {
            Scoring::MatchCorrect { feedback, .. } => Feedback {
                correct: feedback.right.as_ref().and_then(|id| self.modal(id)),
                wrong: feedback.wrong.as_ref().and_then(|id| self.modal(id)),
                ..Feedback::default()
            },
            _ => Feedback::default(),
        }
    }

    fn modal(&self, identifier: &str) -> Option<String> {
        let node = xml::children(self.root, "modalFeedback").find(|m| {
            m.attribute("outcomeIdentifier") == Some("FEEDBACK")
                && m.attribute("identifier") == Some(identifier)
                && m.attribute("showHide") != Some("hide")
        })?;
        let mut body = Body::new();
        body.content(node);
        Some(body.finish().0.text).filter(|t| !t.is_empty())
    }

    /// A block interaction: the item's prompt is the body with the interaction's prompt.
    fn block(&mut self, interaction: Node) -> Result<(ItemKind, String, Feedback), Reason> {
        let name = interaction.tag_name().name();
        if name == "gapMatchInteraction" {
            return self.gap_match(interaction);
        }
        let prompt = self.text(self.body);
        let feedback = self.feedback();
        let kind = match name {
            "choiceInteraction" => self.choice(interaction)?,
            "orderInteraction" => self.order(interaction)?,
            "matchInteraction" => self.pairs(interaction, true)?,
            "associateInteraction" => self.pairs(interaction, false)?,
            _ => {
                if self.scoring != Scoring::Absent {
                    // Scored by a teacher: the processing has nothing to say.
                    self.declaration(interaction)?;
                }
                ItemKind::FreeText(FreeText {
                    accepts: Accepts::Text,
                    guidance: None,
                })
            }
        };
        Ok((kind, prompt, feedback))
    }

    fn choice(&mut self, interaction: Node) -> Result<ItemKind, Reason> {
        let declaration = self.declaration(interaction)?;
        if declaration.base_type != "identifier" {
            return Err(Reason::ResponseMismatch {
                declared: declaration.base_type,
            });
        }
        let mapping = self.mapping(&declaration)?;
        let inline =
            matches!(&self.scoring, Scoring::MatchCorrect { feedback, .. } if feedback.inline);
        let nodes: Vec<Node> = xml::children(interaction, "simpleChoice").collect();
        build::check_parts(nodes.len())?;
        let mut shuffle = interaction.attribute("shuffle") == Some("true");
        if shuffle && nodes.iter().any(|n| n.attribute("fixed") == Some("true")) {
            // Keeping the written order keeps "none of the above" last.
            shuffle = false;
            self.notes.add(Note::FixedPositionsIgnored);
        }
        let mut choices = Vec::with_capacity(nodes.len());
        for (index, node) in nodes.iter().enumerate() {
            let identifier = node.attribute("identifier").unwrap_or("");
            let feedback = if inline {
                xml::children(*node, "feedbackInline")
                    .find(|f| f.attribute("identifier") == Some(identifier))
                    .map(|f| self.text(f))
                    .filter(|f| !f.is_empty())
            } else {
                None
            };
            choices.push((index, identifier.to_owned(), self.text(*node), feedback));
        }
        check_known(
            declaration.correct.iter().map(String::as_str),
            choices.iter().map(|c| c.1.as_str()),
        )?;
        if let Some(mapping) = mapping {
            check_known(
                mapping.entries.iter().map(|e| e.key.as_str()),
                choices.iter().map(|c| c.1.as_str()),
            )?;
        }
        let multiple = match declaration.cardinality.as_str() {
            "single" => false,
            "multiple" => true,
            other => {
                return Err(Reason::ResponseMismatch {
                    declared: other.to_owned(),
                });
            }
        };
        let best = mapping.map(|m| if multiple { m.best_sum() } else { m.best_one() });
        let weighted: Vec<Weighted> = choices
            .iter()
            .map(|(_, identifier, text, feedback)| {
                let weight = match (mapping, best) {
                    (Some(mapping), Some(best)) => weight(mapping.value(identifier), best),
                    _ if declaration.correct.contains(identifier) => Decimal::from_int(100),
                    _ => Decimal::ZERO,
                };
                Weighted {
                    text: text.clone(),
                    weight,
                    feedback: feedback.clone(),
                }
            })
            .collect();
        let mut kind = match (multiple, mapping) {
            // match_correct: exactly the right boxes, or nothing.
            (true, None) => ItemKind::MultipleChoice(MultipleChoice {
                choices: weighted
                    .into_iter()
                    .enumerate()
                    .map(|(index, answer)| Checkbox {
                        id: build::choice_id(index),
                        text: answer.text,
                        correct: answer.weight > Decimal::ZERO,
                        feedback: answer.feedback,
                    })
                    .collect(),
                penalty: Penalty::AllOrNothing,
                shuffle,
            }),
            (true, Some(mapping)) => {
                if !mapping.exact_for_sums() {
                    self.notes.add(Note::ApproximateScoring);
                }
                build::multiple_choice(weighted, shuffle, &mut self.notes)
            }
            (false, _) => build::single_choice(weighted, shuffle, &mut self.notes),
        };
        match &mut kind {
            ItemKind::SingleChoice(SingleChoice { choices: made, .. }) => {
                for (choice, (index, identifier, ..)) in made.iter_mut().zip(&choices) {
                    choice.id = choice_id(identifier, *index);
                }
            }
            ItemKind::MultipleChoice(MultipleChoice { choices: made, .. }) => {
                for (choice, (index, identifier, ..)) in made.iter_mut().zip(&choices) {
                    choice.id = choice_id(identifier, *index);
                }
            }
            _ => {}
        }
        Ok(kind)
    }

    fn order(&mut self, interaction: Node) -> Result<ItemKind, Reason> {
        let declaration = self.declaration(interaction)?;
        if declaration.cardinality != "ordered" {
            return Err(Reason::ResponseMismatch {
                declared: declaration.cardinality,
            });
        }
        if self.mapping(&declaration)?.is_some() {
            return Err(Reason::ResponseMismatch {
                declared: "a mapping of an order".to_owned(),
            });
        }
        let nodes: Vec<Node> = xml::children(interaction, "simpleChoice").collect();
        build::check_parts(nodes.len())?;
        if nodes.iter().any(|n| n.attribute("fixed") == Some("true")) {
            self.notes.add(Note::FixedPositionsIgnored);
        }
        let mut cards = Vec::with_capacity(nodes.len());
        for identifier in &declaration.correct {
            let (index, node) = nodes
                .iter()
                .enumerate()
                .find(|(_, n)| n.attribute("identifier") == Some(identifier.as_str()))
                .ok_or_else(|| Reason::UnknownIdentifier {
                    identifier: identifier.clone(),
                })?;
            cards.push(Card {
                id: card_id(identifier, index),
                text: self.text(*node),
            });
        }
        if let Some(left_out) = nodes.iter().find(|n| {
            !declaration
                .correct
                .iter()
                .any(|c| Some(c.as_str()) == n.attribute("identifier"))
        }) {
            return Err(Reason::UnmatchedCard {
                card: left_out.attribute("identifier").unwrap_or("").to_owned(),
            });
        }
        Ok(ItemKind::Ordering(Ordering {
            cards,
            credit: OrderCredit::AllOrNothing,
        }))
    }

    /// The pairs of a match (sources to targets) or an associate interaction, and their values.
    fn pairs(&mut self, interaction: Node, directed: bool) -> Result<ItemKind, Reason> {
        let declaration = self.declaration(interaction)?;
        let expected = if directed { "directedPair" } else { "pair" };
        if declaration.base_type != expected {
            return Err(Reason::ResponseMismatch {
                declared: declaration.base_type,
            });
        }
        let mapping = self.mapping(&declaration)?;
        let (sources, targets): (Vec<Node>, Vec<Node>) = if directed {
            let sets: Vec<Node> = xml::children(interaction, "simpleMatchSet").collect();
            let [first, second] = sets.as_slice() else {
                return Err(Reason::Missing {
                    element: "two simpleMatchSet".to_owned(),
                });
            };
            (
                xml::children(*first, "simpleAssociableChoice").collect(),
                xml::children(*second, "simpleAssociableChoice").collect(),
            )
        } else {
            let all: Vec<Node> = xml::children(interaction, "simpleAssociableChoice").collect();
            (all.clone(), all)
        };
        build::check_parts(sources.len() + targets.len())?;
        let raw_pairs: Vec<(String, Decimal)> = match mapping {
            Some(mapping) => mapping
                .entries
                .iter()
                .filter(|e| e.value > Decimal::ZERO)
                .map(|e| (e.key.clone(), e.value))
                .collect(),
            None => declaration
                .correct
                .iter()
                .map(|c| (c.clone(), Decimal::from_int(1)))
                .collect(),
        };
        let id = |node: &Node| node.attribute("identifier").unwrap_or("").to_owned();
        let mut pairs = Vec::with_capacity(raw_pairs.len());
        for (raw, value) in &raw_pairs {
            let mut halves = raw.split_whitespace();
            let (Some(a), Some(b), None) = (halves.next(), halves.next(), halves.next()) else {
                return Err(Reason::UnknownIdentifier {
                    identifier: raw.clone(),
                });
            };
            for half in [a, b] {
                if !sources.iter().chain(&targets).any(|n| id(n) == half) {
                    return Err(Reason::UnknownIdentifier {
                        identifier: half.to_owned(),
                    });
                }
            }
            pairs.push((a.to_owned(), b.to_owned(), *value));
        }
        // Scored per pair in Scola: the same as QTI only for equal values, no penalty, and more
        // than one pair mapped (a correct response is all or nothing).
        let equal = pairs.windows(2).all(|w| w[0].2 == w[1].2);
        let approximate = match mapping {
            Some(mapping) => !equal || mapping.default < Decimal::ZERO || mapping.unbounded_below(),
            None => pairs.len() > 1,
        };
        if approximate {
            self.notes.add(Note::ApproximateScoring);
        }
        let text = |item: &mut Self, ident: &str| {
            let node = sources
                .iter()
                .chain(&targets)
                .find(|n| id(n) == ident)
                .copied();
            node.map(|n| item.text(n)).unwrap_or_default()
        };
        let index = |ident: &str| {
            sources
                .iter()
                .chain(&targets)
                .position(|n| id(n) == ident)
                .unwrap_or(0)
        };
        if !directed {
            self.notes.add(Note::AssociationAsMatching);
            let mut used: Vec<&str> = Vec::new();
            for (a, b, _) in &pairs {
                if used.contains(&a.as_str()) || used.contains(&b.as_str()) || a == b {
                    return Err(Reason::ManyToManyMatching);
                }
                used.extend([a.as_str(), b.as_str()]);
            }
            let made: Vec<Pair> = pairs
                .iter()
                .map(|(a, b, _)| Pair {
                    left: Card {
                        id: card_id(a, index(a)),
                        text: text(self, a),
                    },
                    right: Card {
                        id: card_id(b, index(b)),
                        text: text(self, b),
                    },
                })
                .collect();
            let distractors = sources
                .iter()
                .map(id)
                .filter(|i| !used.contains(&i.as_str()))
                .map(|i| Card {
                    id: card_id(&i, index(&i)),
                    text: text(self, &i),
                })
                .collect();
            return Ok(ItemKind::Matching(Matching {
                pairs: made,
                distractors,
            }));
        }
        // Directed: each source matched once; targets shared make categories.
        let mut target_of = Vec::with_capacity(sources.len());
        for source in &sources {
            let source = id(source);
            let mine: Vec<&String> = pairs
                .iter()
                .filter(|(a, ..)| *a == source)
                .map(|(_, b, _)| b)
                .collect();
            match mine.as_slice() {
                [] => return Err(Reason::UnmatchedCard { card: source }),
                [one] => target_of.push((source, (*one).clone())),
                _ => return Err(Reason::ManyToManyMatching),
            }
        }
        let shared = target_of
            .iter()
            .enumerate()
            .any(|(i, (_, t))| target_of[..i].iter().any(|(_, u)| u == t));
        if !shared {
            let made: Vec<Pair> = target_of
                .iter()
                .map(|(s, t)| Pair {
                    left: Card {
                        id: card_id(s, index(s)),
                        text: text(self, s),
                    },
                    right: Card {
                        id: card_id(t, index(t)),
                        text: text(self, t),
                    },
                })
                .collect();
            let distractors = targets
                .iter()
                .map(id)
                .filter(|t| !target_of.iter().any(|(_, u)| u == t))
                .map(|t| Card {
                    id: card_id(&t, index(&t)),
                    text: text(self, &t),
                })
                .collect();
            return Ok(ItemKind::Matching(Matching {
                pairs: made,
                distractors,
            }));
        }
        self.notes.add(Note::MatchingAsCategorising);
        let categories = targets
            .iter()
            .map(id)
            .map(|t| Category {
                id: CategoryId::from_str(&t).unwrap_or_else(|_| category_id(index(&t))),
                name: text(self, &t),
                cards: target_of
                    .iter()
                    .filter(|(_, u)| *u == t)
                    .map(|(s, _)| Card {
                        id: card_id(s, index(s)),
                        text: text(self, s),
                    })
                    .collect(),
            })
            .collect();
        Ok(ItemKind::Categorising(Categorising { categories }))
    }

    /// Inline interactions: the body before the first paragraph holding one is the prompt, the
    /// rest the cloze's text.
    fn cloze(&mut self) -> Result<(ItemKind, String, Feedback), Reason> {
        let mut prompt = Body::new();
        let mut text = Body::new();
        let mut started = false;
        for child in self.body.children() {
            started |= child.descendants().any(|n| body::is_inline(n));
            if started {
                text.node(child);
            } else {
                prompt.node(child);
            }
        }
        let (prompt, _) = prompt.finish();
        let (converted, gaps) = text.finish();
        self.note(&prompt);
        self.note(&converted);
        let feedback = self.feedback();
        if let [gap] = gaps.as_slice() {
            let declaration = self.declaration(*gap)?;
            if matches!(declaration.base_type.as_str(), "integer" | "float") {
                let numeric = self.numeric(&declaration)?;
                let blanked = converted.text.replace(MARK, "\\_\\_\\_\\_\\_");
                let prompt = [prompt.text, blanked]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n\n");
                return Ok((numeric, prompt, feedback));
            }
        }
        if gaps.len() > 1 && self.scoring != Scoring::Absent {
            // Templates score one response; several gaps need processing of their own.
            return Err(Reason::CustomResponseProcessing);
        }
        let mut parts = Vec::with_capacity(2 * gaps.len() + 1);
        for (index, piece) in converted.text.split(MARK).enumerate() {
            if !piece.is_empty() {
                parts.push(ClozePart::Text {
                    text: piece.to_owned(),
                });
            }
            if let Some(gap) = gaps.get(index) {
                parts.push(self.inline(*gap)?);
            }
        }
        Ok((ItemKind::Cloze(Cloze { parts }), prompt.text, feedback))
    }

    fn inline(&mut self, gap: Node) -> Result<ClozePart, Reason> {
        let declaration = self.declaration(gap)?;
        if declaration.cardinality != "single" {
            return Err(Reason::ResponseMismatch {
                declared: declaration.cardinality,
            });
        }
        let mapping = self.mapping(&declaration)?;
        if gap.tag_name().name() == "inlineChoiceInteraction" {
            let nodes: Vec<Node> = xml::children(gap, "inlineChoice").collect();
            build::check_parts(nodes.len())?;
            let ids: Vec<String> = nodes
                .iter()
                .map(|n| n.attribute("identifier").unwrap_or("").to_owned())
                .collect();
            check_known(
                declaration.correct.iter().map(String::as_str),
                ids.iter().map(String::as_str),
            )?;
            if gap.attribute("shuffle") == Some("true") {
                // Drop-down options show as written.
                self.notes.add(Note::FixedPositionsIgnored);
            }
            let best = mapping.map(Mapping::best_one);
            let mut options = Vec::with_capacity(nodes.len());
            for (index, (node, identifier)) in nodes.iter().zip(&ids).enumerate() {
                let weight = match (mapping, best) {
                    (Some(m), Some(best)) => weight(m.value(identifier), best),
                    _ if declaration.correct.contains(identifier) => Decimal::from_int(100),
                    _ => Decimal::ZERO,
                };
                let credit = number::credit(weight);
                options.push(Choice {
                    id: choice_id(identifier, index),
                    text: self.text(*node),
                    credit: credit.percent,
                    feedback: None,
                });
            }
            return Ok(ClozePart::ChoiceGap { options });
        }
        if declaration.base_type != "string" {
            return Err(Reason::ResponseMismatch {
                declared: declaration.base_type,
            });
        }
        let answers = match mapping {
            None => declaration
                .correct
                .iter()
                .map(|text| typed(text, Percent::FULL, true))
                .collect(),
            Some(mapping) => {
                let best = mapping.best_one();
                mapping
                    .entries
                    .iter()
                    .map(|e| {
                        let credit = number::credit(weight(e.value, best));
                        typed(&e.key, credit.percent, e.case_sensitive)
                    })
                    .collect()
            }
        };
        Ok(ClozePart::TypedGap { answers })
    }

    fn numeric(&mut self, declaration: &Declaration) -> Result<ItemKind, Reason> {
        let mapping = self.mapping(declaration)?;
        let answers = match mapping {
            None => declaration
                .correct
                .iter()
                .map(|value| Ok((decimal(value)?, Decimal::from_int(100))))
                .collect::<Result<Vec<_>, Reason>>()?,
            Some(mapping) => {
                let best = mapping.best_one();
                mapping
                    .entries
                    .iter()
                    .map(|e| Ok((decimal(&e.key)?, weight(e.value, best))))
                    .collect::<Result<Vec<_>, Reason>>()?
            }
        };
        Ok(ItemKind::Numeric(Numeric {
            answers: answers
                .into_iter()
                .map(|(value, weight)| NumericAnswer {
                    value,
                    tolerance: Tolerance::default(),
                    credit: number::credit(weight).percent,
                    feedback: None,
                })
                .collect(),
            unit: None,
        }))
    }

    /// A gap match: gap texts dragged into gaps, each gap a drop-down of all the gap texts.
    fn gap_match(&mut self, interaction: Node) -> Result<(ItemKind, String, Feedback), Reason> {
        let declaration = self.declaration(interaction)?;
        if declaration.base_type != "directedPair" {
            return Err(Reason::ResponseMismatch {
                declared: declaration.base_type,
            });
        }
        let mapping = self.mapping(&declaration)?;
        self.notes.add(Note::ShownAsDropDown);
        let prompt = self.text(self.body);
        let feedback = self.feedback();
        let texts: Vec<(String, String)> = xml::children(interaction, "gapText")
            .map(|n| {
                (
                    n.attribute("identifier").unwrap_or("").to_owned(),
                    xml::text(n).trim().to_owned(),
                )
            })
            .collect();
        build::check_parts(texts.len())?;
        let mut body = Body::with_gap_elements();
        for child in interaction.children() {
            if !(child.is_element() && matches!(child.tag_name().name(), "prompt" | "gapText")) {
                body.node(child);
            }
        }
        let (converted, gaps) = body.finish();
        self.note(&converted);
        let value = |text: &str, gap: &str| -> Decimal {
            let key = format!("{text} {gap}");
            match mapping {
                Some(m) => m.value(&key),
                None if declaration
                    .correct
                    .iter()
                    .any(|c| c.split_whitespace().eq(key.split_whitespace())) =>
                {
                    Decimal::from_int(1)
                }
                None => Decimal::ZERO,
            }
        };
        let mut parts = Vec::with_capacity(2 * gaps.len() + 1);
        let mut bests = Vec::with_capacity(gaps.len());
        for (index, piece) in converted.text.split(MARK).enumerate() {
            if !piece.is_empty() {
                parts.push(ClozePart::Text {
                    text: piece.to_owned(),
                });
            }
            let Some(gap) = gaps.get(index) else { continue };
            let gap_id = gap.attribute("identifier").unwrap_or("");
            let best = texts
                .iter()
                .map(|(t, _)| value(t, gap_id))
                .max()
                .unwrap_or(Decimal::ZERO);
            bests.push(best);
            let options = texts
                .iter()
                .enumerate()
                .map(|(i, (t, text))| Choice {
                    id: choice_id(t, i),
                    text: crate::exercise::exchange::markup::escape(text),
                    credit: if best > Decimal::ZERO {
                        number::credit(weight(value(t, gap_id), best)).percent
                    } else {
                        Percent::ZERO
                    },
                    feedback: None,
                })
                .collect();
            parts.push(ClozePart::ChoiceGap { options });
        }
        let unequal = bests.windows(2).any(|w| w[0] != w[1]);
        let all_or_nothing = mapping.is_none() && gaps.len() > 1;
        if unequal || all_or_nothing || mapping.is_some_and(|m| m.default < Decimal::ZERO) {
            self.notes.add(Note::ApproximateScoring);
        }
        Ok((ItemKind::Cloze(Cloze { parts }), prompt, feedback))
    }

    /// What the item is worth (see the module's documentation).
    fn points(&self) -> Result<crate::exercise::Points, Reason> {
        let declared = xml::children(self.root, "outcomeDeclaration")
            .find(|o| o.attribute("identifier") == Some("SCORE"))
            .and_then(|o| o.attribute("normalMaximum"));
        let value = match (declared, &self.scoring) {
            (Some(max), _) => decimal(max)?,
            (
                None,
                Scoring::MatchCorrect {
                    score: Some(score), ..
                },
            ) => *score,
            (None, Scoring::MapResponse) => self.best_mapped(),
            _ => return Ok(ONE_POINT),
        };
        build::points(value)
            .filter(|p| p.hundredths() > 0 || value.is_zero())
            .ok_or_else(|| Reason::NotANumber {
                text: value.to_string(),
            })
    }

    /// The best score of the mapped response, for an item whose processing maps it.
    fn best_mapped(&self) -> Decimal {
        let declaration = self
            .body
            .descendants()
            .find(|n| body::is_interaction(*n))
            .and_then(|n| self.declaration(n).ok());
        let Some(mapping) = declaration.as_ref().and_then(|d| d.mapping.as_ref()) else {
            return Decimal::from_int(1);
        };
        let several = declaration
            .as_ref()
            .is_some_and(|d| d.cardinality != "single");
        if several {
            mapping.best_sum()
        } else {
            mapping.best_one()
        }
    }
}

fn typed(text: &str, credit: Percent, case_sensitive: bool) -> TextAnswer {
    TextAnswer {
        text: text.to_owned(),
        variants: Vec::new(),
        matching: TextMatching {
            case_sensitive,
            ..TextMatching::default()
        },
        credit,
        feedback: None,
    }
}

fn decimal(raw: &str) -> Result<Decimal, Reason> {
    Decimal::from_str(raw.trim()).map_err(|_| Reason::NotANumber {
        text: raw.trim().to_owned(),
    })
}

/// Refuses identifiers (of a correct response or mapping) that name no choice.
fn check_known<'s>(
    named: impl Iterator<Item = &'s str>,
    known: impl Iterator<Item = &'s str> + Clone,
) -> Result<(), Reason> {
    for name in named {
        if !known.clone().any(|k| k == name) {
            return Err(Reason::UnknownIdentifier {
                identifier: name.to_owned(),
            });
        }
    }
    Ok(())
}

/// The item's own identifier for a choice when it is one of ours, else positional.
fn choice_id(identifier: &str, index: usize) -> ChoiceId {
    ChoiceId::from_str(identifier).unwrap_or_else(|_| build::choice_id(index))
}

fn card_id(identifier: &str, index: usize) -> CardId {
    CardId::from_str(identifier).unwrap_or_else(|_| {
        CardId::from_str(&format!("c{}", index + 1))
            .unwrap_or_else(|_| unreachable!("a letter and digits make an identifier"))
    })
}

fn category_id(index: usize) -> CategoryId {
    CategoryId::from_str(&format!("g{}", index + 1))
        .unwrap_or_else(|_| unreachable!("a letter and digits make an identifier"))
}

/// The item's response processing, recognised.
fn scoring(root: Node) -> Result<Scoring, Reason> {
    let Some(processing) = xml::child(root, "responseProcessing") else {
        return Ok(Scoring::Absent);
    };
    if let Some(uri) = processing
        .attribute("template")
        .or_else(|| processing.attribute("templateLocation"))
    {
        let name = uri
            .trim_end_matches(".xml")
            .rsplit('/')
            .next()
            .unwrap_or("");
        return match name {
            "match_correct" => Ok(Scoring::MatchCorrect {
                score: None,
                feedback: Modal::default(),
            }),
            "map_response" => Ok(Scoring::MapResponse),
            _ => Err(Reason::UnknownTemplate {
                uri: uri.to_owned(),
            }),
        };
    }
    recognise(root, processing)
}

/// Response processing written out: recognised when it is one of the two templates, possibly
/// with a `FEEDBACK` outcome set.
fn recognise(root: Node, processing: Node) -> Result<Scoring, Reason> {
    let custom = || Reason::CustomResponseProcessing;
    let mut inline = false;
    let mut condition = None;
    for child in processing.children().filter(Node::is_element) {
        match child.tag_name().name() {
            "setOutcomeValue" if is_feedback_from_response(child) => inline = true,
            "responseCondition" if condition.is_none() => condition = Some(child),
            _ => return Err(custom()),
        }
    }
    let condition = condition.ok_or_else(custom)?;
    let branches: Vec<Node> = condition.children().filter(Node::is_element).collect();
    let (first, otherwise) = match branches.as_slice() {
        [first] if first.tag_name().name() == "responseIf" => (*first, None),
        [first, second]
            if first.tag_name().name() == "responseIf"
                && second.tag_name().name() == "responseElse" =>
        {
            (*first, Some(*second))
        }
        _ => return Err(custom()),
    };
    let mut parts = first.children().filter(Node::is_element);
    let test = parts.next().ok_or_else(custom)?;
    let sets: Vec<Node> = parts.collect();
    let else_sets: Vec<Node> = otherwise
        .map(|o| o.children().filter(Node::is_element).collect())
        .unwrap_or_default();
    if is_response_test(test, "match", Some("correct")) {
        let mut score = None;
        let mut feedback = Modal {
            inline,
            ..Modal::default()
        };
        for set in &sets {
            match outcome(*set).ok_or_else(custom)? {
                ("SCORE", value) => score = Some(score_value(root, value).ok_or_else(custom)?),
                ("FEEDBACK", value) => {
                    feedback.right = Some(identifier_value(value).ok_or_else(custom)?)
                }
                _ => return Err(custom()),
            }
        }
        for set in &else_sets {
            match outcome(*set).ok_or_else(custom)? {
                ("SCORE", value) if score_value(root, value) == Some(Decimal::ZERO) => {}
                ("FEEDBACK", value) => {
                    feedback.wrong = Some(identifier_value(value).ok_or_else(custom)?)
                }
                _ => return Err(custom()),
            }
        }
        let score = score.filter(|s| *s > Decimal::ZERO).ok_or_else(custom)?;
        return Ok(Scoring::MatchCorrect {
            score: Some(score),
            feedback,
        });
    }
    if is_response_test(test, "isNull", None) && !inline {
        let zero = matches!(sets.as_slice(), [set] if outcome(*set).is_some_and(|(name, value)| name == "SCORE" && score_value(root, value) == Some(Decimal::ZERO)));
        let mapped = matches!(else_sets.as_slice(), [set] if outcome(*set).is_some_and(|(name, value)| name == "SCORE" && value.tag_name().name() == "mapResponse" && value.attribute("identifier") == Some("RESPONSE")));
        if zero && mapped {
            return Ok(Scoring::MapResponse);
        }
        let point = matches!(else_sets.as_slice(), [set] if outcome(*set).is_some_and(|(_, value)| value.tag_name().name() == "mapResponsePoint"));
        if point {
            return Err(Reason::UnknownTemplate {
                uri: "map_response_point".to_owned(),
            });
        }
    }
    Err(custom())
}

fn is_feedback_from_response(node: Node) -> bool {
    matches!(outcome(node), Some(("FEEDBACK", value)) if value.tag_name().name() == "variable" && value.attribute("identifier") == Some("RESPONSE"))
}

/// `<op><variable RESPONSE/>[<second RESPONSE/>]</op>`.
fn is_response_test(node: Node, op: &str, second: Option<&str>) -> bool {
    if node.tag_name().name() != op {
        return false;
    }
    let operands: Vec<Node> = node.children().filter(Node::is_element).collect();
    let is = |n: &Node, name: &str| {
        n.tag_name().name() == name && n.attribute("identifier") == Some("RESPONSE")
    };
    match (operands.as_slice(), second) {
        ([variable], None) => is(variable, "variable"),
        ([variable, other], Some(name)) => is(variable, "variable") && is(other, name),
        _ => false,
    }
}

/// A `setOutcomeValue`'s outcome and its one expression.
fn outcome<'a, 'input>(node: Node<'a, 'input>) -> Option<(&'a str, Node<'a, 'input>)> {
    if node.tag_name().name() != "setOutcomeValue" {
        return None;
    }
    let mut values = node.children().filter(Node::is_element);
    let value = values.next()?;
    values.next().is_none().then_some(())?;
    Some((node.attribute("identifier")?, value))
}

/// A score set to a constant or to `MAXSCORE`'s default value.
fn score_value(root: Node, value: Node) -> Option<Decimal> {
    match value.tag_name().name() {
        "baseValue" => Decimal::from_str(xml::text(value).trim()).ok(),
        "variable" => {
            let name = value.attribute("identifier")?;
            let declaration = xml::children(root, "outcomeDeclaration")
                .find(|o| o.attribute("identifier") == Some(name))?;
            let default = xml::child(declaration, "defaultValue")?;
            Decimal::from_str(xml::child_text(default, "value").as_str()).ok()
        }
        _ => None,
    }
}

fn identifier_value(value: Node) -> Option<String> {
    (value.tag_name().name() == "baseValue").then(|| xml::text(value).trim().to_owned())
}
