//! One item of a paper as the pupil answers it. Every control is a native one (radio, checkbox,
//! text field, drop-down, button), so each works by keyboard, by touch and with a screen reader;
//! nothing needs a mouse drag. Cards to order move with buttons; cards to match or sort are
//! placed with drop-downs.

use super::char_bar::Target;
use super::spoken::{self, AnswerPlace};
use crate::i18n::msg::Exercises as M;
use crate::i18n::{Message, t, use_locale};
use domain::exercise::{
    Accepts, Answer, Card, CardId, CategoryId, ChoiceId, Detail, GapAnswer, ItemId, ItemOutcome,
    PaperItem, PaperKind, PaperPart, Response, ShownCategory, ShownChoice, Status,
};
use domain::locale::hundredths;
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// The answers being given: each control reads its starting value here and writes every change
/// back, which the sheet then keeps on the device and sends.
#[derive(Clone, Copy)]
pub struct Answers {
    pub response: RwSignal<Response>,
    pub changed: Callback<()>,
    /// Handed in (or closed): shown, no longer changed.
    pub locked: Signal<bool>,
    /// Where spoken answers are uploaded; `None` in the teacher's preview.
    pub place: Option<AnswerPlace>,
}

impl Answers {
    fn get(self, item: &ItemId) -> Option<Answer> {
        self.response
            .with_untracked(|r| r.answers.get(item).cloned())
    }

    /// An empty answer is no answer: it is left out, as it scores.
    fn set(self, item: &ItemId, answer: Option<Answer>) {
        let answer = answer.filter(|a| !a.is_empty());
        self.response.update(|r| match answer {
            Some(a) => {
                r.answers.insert(item.clone(), a);
            }
            None => {
                r.answers.remove(item);
            }
        });
        self.changed.run(());
    }

    fn disabled(self) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
        move || self.locked.get()
    }
}

#[component]
pub fn ItemView(
    item: PaperItem,
    number: usize,
    answers: Answers,
    #[prop(into)] mark: Signal<Option<ItemOutcome>>,
) -> impl IntoView {
    let locale = use_locale();
    let PaperItem {
        id,
        prompt,
        points,
        kind,
    } = item;
    let prompt = domain::markdown::render(&prompt).into_string();
    let title = format!("item-{id}-title");
    let number = i64::try_from(number).unwrap_or(i64::MAX);
    let points = move || {
        let lang = locale.lang();
        M::Points {
            points: hundredths(lang, i64::from(points.hundredths())),
        }
        .text(lang)
    };
    view! {
        <section class="card item" data-item=id.as_str().to_owned() aria-labelledby=title.clone()>
            <h2 id=title.clone()>
                <span>{t(M::Question { number })}</span>
                <span class="points">{points}</span>
            </h2>
            <div class="prompt" inner_html=prompt></div>
            {controls(&id, kind, &title, answers)}
            <ItemMark mark/>
        </section>
    }
}

fn controls(id: &ItemId, kind: PaperKind, title: &str, answers: Answers) -> AnyView {
    let id = id.clone();
    match kind {
        PaperKind::SingleChoice { choices } => single_choice(id, choices, title, answers),
        PaperKind::MultipleChoice { choices } => multiple_choice(id, choices, title, answers),
        PaperKind::TrueFalse => true_false(id, title, answers),
        PaperKind::ShortText => {
            let text = match answers.get(&id) {
                Some(Answer::ShortText { text }) => text,
                _ => String::new(),
            };
            text_field(id, text, title, answers, |text| Answer::ShortText { text })
        }
        PaperKind::Numeric => {
            let text = match answers.get(&id) {
                Some(Answer::Numeric { text }) => text,
                _ => String::new(),
            };
            text_field(id, text, title, answers, |text| Answer::Numeric { text })
        }
        PaperKind::Cloze { parts } => cloze(id, parts, answers),
        PaperKind::Matching { left, right } => matching(id, left, right, answers),
        PaperKind::Ordering { cards } => ordering(id, cards, title, answers),
        PaperKind::Categorising { categories, cards } => {
            categorising(id, categories, cards, answers)
        }
        PaperKind::Dictation { audio } => {
            let text = match answers.get(&id) {
                Some(Answer::Dictation { text }) => text,
                _ => String::new(),
            };
            // The recording is a stored file (`/files/<id>`); a reference of another kind (an
            // imported one) has nothing to play.
            let source = audio
                .and_then(|file| file.as_str().parse::<domain::file::FileId>().ok())
                .map(|file| format!("{}{file}", domain::file::URL_PREFIX));
            view! {
                {source.map(|src| view! { <audio class="dictation-audio" controls preload="auto" src=src></audio> })}
                <p class="hint">{t(M::Dictation)}</p>
                {text_area(id, text, title, answers, |text| Answer::Dictation { text })}
            }
            .into_any()
        }
        PaperKind::FreeText { accepts } => free_text(id, accepts, title, answers),
    }
}

fn single_choice(id: ItemId, choices: Vec<ShownChoice>, title: &str, answers: Answers) -> AnyView {
    let chosen = match answers.get(&id) {
        Some(Answer::SingleChoice { choice }) => Some(choice),
        _ => None,
    };
    let name = format!("choice-{id}");
    view! {
        <div class="choices" role="radiogroup" aria-labelledby=title.to_owned()>
            {choices.into_iter().map(|choice| {
                let checked = chosen.as_ref() == Some(&choice.id);
                let (id, value) = (id.clone(), choice.id.clone());
                view! {
                    <label class="choice">
                        <input type="radio" name=name.clone() value=choice.id.as_str().to_owned()
                            prop:checked=checked prop:disabled=answers.disabled()
                            on:change=move |_| answers.set(&id, Some(Answer::SingleChoice { choice: value.clone() }))/>
                        <span>{choice.text}</span>
                    </label>
                }
            }).collect_view()}
        </div>
    }
    .into_any()
}

fn multiple_choice(
    id: ItemId,
    choices: Vec<ShownChoice>,
    title: &str,
    answers: Answers,
) -> AnyView {
    let ticked = match answers.get(&id) {
        Some(Answer::MultipleChoice { choices }) => choices,
        _ => BTreeSet::new(),
    };
    view! {
        <div class="choices" role="group" aria-labelledby=title.to_owned()>
            {choices.into_iter().map(|choice| {
                let checked = ticked.contains(&choice.id);
                let (id, value) = (id.clone(), choice.id.clone());
                view! {
                    <label class="choice">
                        <input type="checkbox" value=choice.id.as_str().to_owned()
                            prop:checked=checked prop:disabled=answers.disabled()
                            on:change=move |ev| {
                                let mut now = match answers.get(&id) {
                                    Some(Answer::MultipleChoice { choices }) => choices,
                                    _ => BTreeSet::new(),
                                };
                                if event_target_checked(&ev) {
                                    now.insert(value.clone());
                                } else {
                                    now.remove(&value);
                                }
                                answers.set(&id, Some(Answer::MultipleChoice { choices: now }));
                            }/>
                        <span>{choice.text}</span>
                    </label>
                }
            }).collect_view()}
        </div>
    }
    .into_any()
}

fn true_false(id: ItemId, title: &str, answers: Answers) -> AnyView {
    let given = match answers.get(&id) {
        Some(Answer::TrueFalse { value }) => Some(value),
        _ => None,
    };
    let name = format!("choice-{id}");
    let option = |value: bool, label: M| {
        let id = id.clone();
        view! {
            <label class="choice">
                <input type="radio" name=name.clone() value=value.to_string()
                    prop:checked=given == Some(value) prop:disabled=answers.disabled()
                    on:change=move |_| answers.set(&id, Some(Answer::TrueFalse { value }))/>
                <span>{t(label)}</span>
            </label>
        }
    };
    view! {
        <div class="choices" role="radiogroup" aria-labelledby=title.to_owned()>
            {option(true, M::True)}
            {option(false, M::False)}
        </div>
    }
    .into_any()
}

/// A one-line answer. Never spell-checked nor corrected by the browser: the spelling is the
/// answer.
fn text_field(
    id: ItemId,
    text: String,
    title: &str,
    answers: Answers,
    answer: fn(String) -> Answer,
) -> AnyView {
    view! {
        <input type="text" class="answer" id=format!("answer-{id}") aria-labelledby=title.to_owned()
            autocomplete="off" autocapitalize="off" spellcheck="false"
            prop:value=text prop:disabled=answers.disabled()
            on:input=move |ev| answers.set(&id, Some(answer(event_target_value(&ev))))/>
    }
    .into_any()
}

fn text_area(
    id: ItemId,
    text: String,
    title: &str,
    answers: Answers,
    answer: fn(String) -> Answer,
) -> AnyView {
    view! {
        <textarea class="answer" id=format!("answer-{id}") rows="5" aria-labelledby=title.to_owned()
            autocomplete="off" autocapitalize="off" spellcheck="false"
            prop:value=text prop:disabled=answers.disabled()
            on:input=move |ev| answers.set(&id, Some(answer(event_target_value(&ev))))></textarea>
    }
    .into_any()
}

/// Text, a recording, or both, as the item accepts. Each part changes on its own: the other is
/// read back from the answer as it stands.
fn free_text(id: ItemId, accepts: Accepts, title: &str, answers: Answers) -> AnyView {
    let (text, audio) = match answers.get(&id) {
        Some(Answer::FreeText { text, audio }) => (text, audio),
        _ => (String::new(), None),
    };
    let parts = move |id: &ItemId| match answers.get(id) {
        Some(Answer::FreeText { text, audio }) => (text, audio),
        _ => (String::new(), None),
    };
    let written = accepts.text().then(|| {
        let id = id.clone();
        view! {
            <textarea class="answer" id=format!("answer-{id}") rows="8" aria-labelledby=title.to_owned()
                prop:value=text prop:disabled=answers.disabled()
                on:input=move |ev| answers.set(&id, Some(Answer::FreeText {
                    text: event_target_value(&ev),
                    audio: parts(&id).1,
                }))></textarea>
        }
    });
    let spoken = accepts.audio().then(|| {
        let item = StoredValue::new(id.clone());
        let keep = move |audio| {
            item.with_value(|id| {
                let text = parts(id).0;
                answers.set(id, Some(Answer::FreeText { text, audio }));
            });
        };
        spoken::recorder(id.as_str(), audio, answers.place, answers.disabled(), keep)
    });
    view! { {written} {spoken} }.into_any()
}

/// A text with gaps, each typed or chosen in a drop-down, read in one flow.
fn cloze(id: ItemId, parts: Vec<PaperPart>, answers: Answers) -> AnyView {
    let locale = use_locale();
    let count = parts
        .iter()
        .filter(|p| !matches!(p, PaperPart::Text { .. }))
        .count();
    let given = match answers.get(&id) {
        Some(Answer::Cloze { gaps }) if gaps.len() == count => gaps,
        _ => vec![None; count],
    };
    let set_gap = {
        let id = id.clone();
        move |gap: usize, value: Option<GapAnswer>| {
            let mut gaps = match answers.get(&id) {
                Some(Answer::Cloze { gaps }) if gaps.len() == count => gaps,
                _ => vec![None; count],
            };
            gaps[gap] = value;
            answers.set(&id, Some(Answer::Cloze { gaps }));
        }
    };
    let mut gap = 0;
    let views = parts
        .into_iter()
        .map(|part| {
            let label = move |n: usize| {
                let number = i64::try_from(n + 1).unwrap_or(i64::MAX);
                move || M::Gap { number }.text(locale.lang())
            };
            match part {
                PaperPart::Text { text } => view! { <span>{text}</span> }.into_any(),
                PaperPart::TypedGap => {
                    let n = gap;
                    gap += 1;
                    let text = match &given[n] {
                        Some(GapAnswer::Typed { text }) => text.clone(),
                        _ => String::new(),
                    };
                    let set_gap = set_gap.clone();
                    view! {
                        <input type="text" class="gap" id=format!("gap-{id}-{n}") aria-label=label(n)
                            autocomplete="off" autocapitalize="off" spellcheck="false"
                            size="12" prop:value=text prop:disabled=answers.disabled()
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                set_gap(n, (!text.trim().is_empty()).then_some(GapAnswer::Typed { text }));
                            }/>
                    }
                    .into_any()
                }
                PaperPart::ChoiceGap { options } => {
                    let n = gap;
                    gap += 1;
                    let chosen = match &given[n] {
                        Some(GapAnswer::Chosen { option }) => Some(option.clone()),
                        _ => None,
                    };
                    let set_gap = set_gap.clone();
                    view! {
                        <select class="gap" id=format!("gap-{id}-{n}") aria-label=label(n)
                            prop:disabled=answers.disabled()
                            on:change=move |ev| {
                                let option = event_target_value(&ev).parse::<ChoiceId>().ok();
                                set_gap(n, option.map(|option| GapAnswer::Chosen { option }));
                            }>
                            <option value="" selected=chosen.is_none()>{t(M::Choose)}</option>
                            {options.into_iter().map(|o| view! {
                                <option value=o.id.as_str().to_owned() selected=chosen.as_ref() == Some(&o.id)>{o.text}</option>
                            }).collect_view()}
                        </select>
                    }
                    .into_any()
                }
            }
        })
        .collect_view();
    view! { <p class="cloze">{views}</p> }.into_any()
}

/// One drop-down per card: "match « venneri » with …", "put « 0,2 » in …". `K` is what a card
/// is placed on (a right card, a category).
struct Placing<K> {
    label: fn(String) -> M,
    parse: fn(&str) -> Option<K>,
    answer: fn(BTreeMap<CardId, K>) -> Answer,
    placed: fn(Option<Answer>) -> BTreeMap<CardId, K>,
}

impl<K: Clone + Ord + Send + Sync + 'static> Placing<K> {
    /// `options`: each place's value in the drop-down, and its text.
    fn view(
        self,
        id: ItemId,
        cards: Vec<Card>,
        options: Vec<(K, String, String)>,
        answers: Answers,
    ) -> AnyView {
        let locale = use_locale();
        let Placing {
            label,
            parse,
            answer,
            placed,
        } = self;
        let given = placed(answers.get(&id));
        view! {
            <ul class="placing">
                {cards.into_iter().map(|card| {
                    let select = format!("place-{id}-{}", card.id);
                    let chosen = given.get(&card.id).cloned();
                    let (id, card_id) = (id.clone(), card.id.clone());
                    let text = card.text.clone();
                    view! {
                        <li>
                            <label for=select.clone()>{move || label(text.clone()).text(locale.lang())}</label>
                            <select id=select prop:disabled=answers.disabled()
                                on:change=move |ev| {
                                    let mut now = placed(answers.get(&id));
                                    match parse(&event_target_value(&ev)) {
                                        Some(to) => { now.insert(card_id.clone(), to); }
                                        None => { now.remove(&card_id); }
                                    }
                                    answers.set(&id, Some(answer(now)));
                                }>
                                <option value="" selected=chosen.is_none()>{t(M::Choose)}</option>
                                {options.iter().map(|(key, value, text)| view! {
                                    <option value=value.clone() selected=chosen.as_ref() == Some(key)>{text.clone()}</option>
                                }).collect_view()}
                            </select>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    }
}

fn matching(id: ItemId, left: Vec<Card>, right: Vec<Card>, answers: Answers) -> AnyView {
    let options = right
        .into_iter()
        .map(|c| (c.id.clone(), c.id.as_str().to_owned(), c.text))
        .collect();
    Placing {
        label: |card| M::MatchWith { card },
        parse: |raw| raw.parse::<CardId>().ok(),
        answer: |pairs| Answer::Matching { pairs },
        placed: |answer| match answer {
            Some(Answer::Matching { pairs }) => pairs,
            _ => BTreeMap::new(),
        },
    }
    .view(id, left, options, answers)
}

fn categorising(
    id: ItemId,
    categories: Vec<ShownCategory>,
    cards: Vec<Card>,
    answers: Answers,
) -> AnyView {
    let options = categories
        .into_iter()
        .map(|c| (c.id.clone(), c.id.as_str().to_owned(), c.name))
        .collect();
    Placing {
        label: |card| M::Place { card },
        parse: |raw| raw.parse::<CategoryId>().ok(),
        answer: |placed| Answer::Categorising { placed },
        placed: |answer| match answer {
            Some(Answer::Categorising { placed }) => placed,
            _ => BTreeMap::new(),
        },
    }
    .view(id, cards, options, answers)
}

/// Cards in a list, each moved up or down by a button; where a card went is said aloud.
fn ordering(id: ItemId, cards: Vec<Card>, title: &str, answers: Answers) -> AnyView {
    let locale = use_locale();
    // The pupil's order when there is one that holds exactly these cards, else as shown.
    let start = match answers.get(&id) {
        Some(Answer::Ordering { order }) => {
            let by_id: BTreeMap<&CardId, &Card> = cards.iter().map(|c| (&c.id, c)).collect();
            let mine: Vec<Card> = order
                .iter()
                .filter_map(|c| by_id.get(c).map(|card| (*card).clone()))
                .collect();
            if mine.len() == cards.len() {
                mine
            } else {
                cards
            }
        }
        _ => cards,
    };
    let order = RwSignal::new(start);
    let said = RwSignal::new(None::<M>);
    let item = StoredValue::new(id);
    let step = move |from: usize, up: bool| {
        let to = if up {
            from.checked_sub(1)
        } else {
            Some(from + 1)
        };
        let Some(to) = to.filter(|to| *to < order.with_untracked(Vec::len)) else {
            return;
        };
        order.update(|cards| cards.swap(from, to));
        let cards = order.get_untracked();
        let moved = cards[to].clone();
        item.with_value(|id| {
            answers.set(
                id,
                Some(Answer::Ordering {
                    order: cards.iter().map(|c| c.id.clone()).collect(),
                }),
            );
            // The list is drawn anew: the focus goes back to the button just pressed, or to
            // its neighbour once the card reaches an end.
            let last = cards.len() - 1;
            let button = match (up, to) {
                (true, 0) => "down",
                (false, t) if t == last => "up",
                (true, _) => "up",
                (false, _) => "down",
            };
            focus_later(format!("{button}-{id}-{}", moved.id));
        });
        said.set(Some(M::Moved {
            card: moved.text,
            position: i64::try_from(to + 1).unwrap_or(i64::MAX),
        }));
    };
    view! {
        <ol class="ordering" aria-labelledby=title.to_owned()>
            {move || {
                let cards = order.get();
                let last = cards.len().saturating_sub(1);
                let id = item.get_value();
                cards.into_iter().enumerate().map(|(i, card)| {
                    let (up_label, down_label) = (card.text.clone(), card.text.clone());
                    view! {
                        <li data-card=card.id.as_str().to_owned()>
                            <span class="card-text">{card.text.clone()}</span>
                            <button type="button" class="move" id=format!("up-{id}-{}", card.id)
                                aria-label=move || M::MoveUp { card: up_label.clone() }.text(locale.lang())
                                prop:disabled=move || i == 0 || answers.locked.get()
                                on:click=move |_| step(i, true)>"↑"</button>
                            <button type="button" class="move" id=format!("down-{id}-{}", card.id)
                                aria-label=move || M::MoveDown { card: down_label.clone() }.text(locale.lang())
                                prop:disabled=move || i == last || answers.locked.get()
                                on:click=move |_| step(i, false)>"↓"</button>
                        </li>
                    }
                }).collect_view()
            }}
        </ol>
        <p class="visually-hidden" aria-live="polite">
            {move || said.get().map(|m| m.text(locale.lang()))}
        </p>
    }
    .into_any()
}

#[cfg(feature = "csr")]
fn focus_later(element: String) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(button) = document()
            .get_element_by_id(&element)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = button.focus();
        }
    });
}

#[cfg(not(feature = "csr"))]
fn focus_later(_: String) {}

/// How an item was marked: by the browser while doing it (when the teacher allows), or by the
/// server once handed in.
#[component]
fn ItemMark(mark: Signal<Option<ItemOutcome>>) -> impl IntoView {
    let locale = use_locale();
    move || {
        mark.get().map(|m| {
            let lang = locale.lang();
            let (class, label) = status(m.status);
            // A free answer with a status of its own was scored by the teacher.
            let by_teacher = m.detail == Detail::FreeText
                && !matches!(m.status, Status::AwaitingTeacher | Status::Unanswered);
            let points = M::Score {
                earned: hundredths(lang, i64::from(m.earned.hundredths())),
                max: hundredths(lang, i64::from(m.max.hundredths())),
            }
            .text(lang);
            view! {
                <div class=format!("mark {class}")>
                    <p><strong>{label.text(lang)}</strong> " · " {points}</p>
                    {by_teacher.then(|| view! { <p class="by-teacher">{M::MarkedByTeacher.text(lang)}</p> })}
                    {(!m.feedback.is_empty()).then(|| view! {
                        <ul class="feedback">
                            {m.feedback.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                        </ul>
                    })}
                </div>
            }
        })
    }
}

fn status(status: Status) -> (&'static str, M) {
    match status {
        Status::Correct => ("correct", M::StatusCorrect),
        Status::Partial => ("partial", M::StatusPartial),
        Status::Wrong => ("wrong", M::StatusWrong),
        Status::Unanswered => ("unanswered", M::StatusUnanswered),
        Status::AwaitingTeacher => ("awaiting", M::StatusAwaitingTeacher),
    }
}

/// Where the character bar inserts: the text field last focused inside `children`.
#[component]
pub fn Fields(target: Target, lang: String, children: Children) -> impl IntoView {
    view! {
        <div class="sheet-items" lang=lang on:focusin=move |ev| target.follow(&ev)>
            {children()}
        </div>
    }
}
