//! The part of an item's form that depends on its kind: choices, accepted answers, cards…
//! Fields write into the exercise being edited as they are typed; adding or removing a row
//! redraws the item's form (`Edit::reshape`).

use super::problems::cloze as cloze_problem;
use crate::i18n::msg::Exercises as M;
use crate::i18n::{Message, t, use_locale};
use domain::exercise::cloze_text;
use domain::exercise::{
    Accepts, Card, CardId, Category, CategoryId, Checkbox, Choice, ChoiceId, Decimal, Exercise,
    Item, ItemKind, NumericAnswer, Pair, Percent, TextAnswer, TextMatching, Tolerance, Unit,
};
use domain::ids::SchoolId;
use leptos::prelude::*;

/// Edits item `index` of the exercise.
#[derive(Clone, Copy)]
pub struct Edit {
    pub draft: RwSignal<Exercise>,
    /// Bumped when rows are added or removed: the item's form is drawn again.
    pub shape: RwSignal<u64>,
    pub index: usize,
    /// The exercise's school, where its files are uploaded.
    pub school: SchoolId,
}

impl Edit {
    pub fn item(self, change: impl FnOnce(&mut Item)) {
        self.draft.update(|e| {
            if let Some(item) = e.items.get_mut(self.index) {
                change(item);
            }
        });
    }

    pub fn kind(self, change: impl FnOnce(&mut ItemKind)) {
        self.item(|item| change(&mut item.kind));
    }

    fn reshape(self, change: impl FnOnce(&mut ItemKind)) {
        self.kind(change);
        self.shape.update(|n| *n += 1);
    }
}

/// A field id unique in the page: `field-<item index>-<what>-<row>`.
fn field(edit: Edit, what: &str, row: usize) -> String {
    format!("field-{}-{what}-{row}", edit.index)
}

fn number(n: usize) -> i64 {
    i64::try_from(n + 1).unwrap_or(i64::MAX)
}

/// A fresh id among `taken`: `prefix1`, `prefix2`…
pub fn fresh<T: std::str::FromStr>(prefix: &str, taken: &[&str]) -> T {
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !taken.contains(&id.as_str()))
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| unreachable!("an unused id exists and parses"))
}

/// A labelled one-line text field writing through `write`.
fn text_input(
    id: String,
    label: impl Fn() -> String + Send + Sync + 'static,
    value: String,
    write: impl Fn(String) + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input type="text" id=id prop:value=value on:input=move |ev| write(event_target_value(&ev))/>
        </div>
    }
}

fn check_box(
    id: String,
    label: M,
    checked: bool,
    write: impl Fn(bool) + Send + Sync + 'static,
) -> impl IntoView {
    let for_id = id.clone();
    view! {
        <label class="check inline" for=for_id>
            <input type="checkbox" id=id prop:checked=checked on:change=move |ev| write(event_target_checked(&ev))/>
            <span>{t(label)}</span>
        </label>
    }
}

fn remove_button(action: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    view! { <button type="button" class="secondary small remove" on:click=move |_| action()>{t(M::Remove)}</button> }
}

fn add_button(label: M, action: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    view! { <button type="button" class="secondary small add" on:click=move |_| action()>{t(label)}</button> }
}

pub fn kind_form(edit: Edit, kind: ItemKind) -> AnyView {
    match kind {
        ItemKind::SingleChoice(k) => single_choice(edit, k.choices, k.shuffle),
        ItemKind::MultipleChoice(k) => multiple_choice(edit, k.choices, k.shuffle),
        ItemKind::TrueFalse(k) => true_false(edit, k.answer),
        ItemKind::ShortText(k) => text_answers(edit, k.answers),
        ItemKind::Cloze(k) => cloze(edit, &k.parts),
        ItemKind::Numeric(k) => numeric(edit, k.answers, k.unit),
        ItemKind::Matching(k) => matching(edit, k.pairs),
        ItemKind::Ordering(k) => ordering(edit, k.cards),
        ItemKind::Categorising(k) => categorising(edit, k.categories),
        ItemKind::Dictation(k) => {
            let id = field(edit, "dictation", 0);
            view! {
                {super::media::recording_field(edit, edit.school, k.audio)}
                <div class="field">
                    <label for=id.clone()>{t(M::DictationText)}</label>
                    <textarea id=id rows="4" prop:value=k.text on:input=move |ev| {
                        let text = event_target_value(&ev);
                        edit.kind(|kind| if let ItemKind::Dictation(k) = kind { k.text = text; });
                    }></textarea>
                </div>
            }
            .into_any()
        }
        ItemKind::FreeText(k) => {
            let id = field(edit, "guidance", 0);
            let accepts_id = field(edit, "accepts", 0);
            let options = [
                (Accepts::Text, "text", M::AcceptsText),
                (Accepts::Audio, "audio", M::AcceptsAudio),
                (Accepts::TextOrAudio, "text_or_audio", M::AcceptsTextOrAudio),
            ];
            let codes: Vec<(Accepts, &str)> =
                options.iter().map(|(a, code, _)| (*a, *code)).collect();
            view! {
                <div class="field">
                    <label for=accepts_id.clone()>{t(M::Accepts)}</label>
                    <select id=accepts_id class="accepts" on:change=move |ev| {
                        let code = event_target_value(&ev);
                        if let Some((accepts, _)) = codes.iter().find(|(_, c)| *c == code) {
                            let accepts = *accepts;
                            edit.kind(|kind| if let ItemKind::FreeText(k) = kind { k.accepts = accepts; });
                        }
                    }>
                        {options.into_iter().map(|(accepts, code, label)| view! {
                            <option value=code selected=accepts == k.accepts>{t(label)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=id.clone()>{t(M::Guidance)}</label>
                    <textarea id=id rows="3" prop:value=k.guidance.unwrap_or_default() on:input=move |ev| {
                        let text = event_target_value(&ev);
                        edit.kind(|kind| if let ItemKind::FreeText(k) = kind {
                            k.guidance = (!text.trim().is_empty()).then_some(text);
                        });
                    }></textarea>
                </div>
            }
            .into_any()
        }
    }
}

fn shuffle_box(edit: Edit, shuffle: bool) -> impl IntoView {
    check_box(field(edit, "shuffle", 0), M::Shuffle, shuffle, move |on| {
        edit.kind(|kind| match kind {
            ItemKind::SingleChoice(k) => k.shuffle = on,
            ItemKind::MultipleChoice(k) => k.shuffle = on,
            _ => {}
        });
    })
}

fn choice_ids<'a>(ids: impl Iterator<Item = &'a ChoiceId>) -> Vec<&'a str> {
    ids.map(ChoiceId::as_str).collect()
}

fn single_choice(edit: Edit, choices: Vec<Choice>, shuffle: bool) -> AnyView {
    let locale = use_locale();
    let name = field(edit, "right", 0);
    let rows = choices.into_iter().enumerate().map(|(row, choice)| {
        let n = number(row);
        view! {
            <li class="row">
                {text_input(field(edit, "choice", row), move || M::Choice { number: n }.text(locale.lang()), choice.text, move |text| {
                    edit.kind(|kind| if let ItemKind::SingleChoice(k) = kind && let Some(c) = k.choices.get_mut(row) { c.text = text; });
                })}
                <label class="check inline">
                    <input type="radio" name=name.clone() prop:checked=choice.credit.is_full() on:change=move |_| {
                        edit.kind(|kind| if let ItemKind::SingleChoice(k) = kind {
                            for (i, c) in k.choices.iter_mut().enumerate() {
                                c.credit = if i == row { Percent::FULL } else { Percent::ZERO };
                            }
                        });
                    }/>
                    <span>{t(M::Right)}</span>
                </label>
                {remove_button(move || edit.reshape(|kind| if let ItemKind::SingleChoice(k) = kind && row < k.choices.len() { k.choices.remove(row); }))}
            </li>
        }
    }).collect_view();
    view! {
        <ul class="rows">{rows}</ul>
        {add_button(M::AddChoice, move || edit.reshape(|kind| if let ItemKind::SingleChoice(k) = kind {
            let id = fresh("c", &choice_ids(k.choices.iter().map(|c| &c.id)));
            k.choices.push(Choice { id, text: String::new(), credit: Percent::ZERO, feedback: None });
        }))}
        {shuffle_box(edit, shuffle)}
    }
    .into_any()
}

fn multiple_choice(edit: Edit, choices: Vec<Checkbox>, shuffle: bool) -> AnyView {
    let locale = use_locale();
    let rows = choices.into_iter().enumerate().map(|(row, choice)| {
        let n = number(row);
        view! {
            <li class="row">
                {text_input(field(edit, "choice", row), move || M::Choice { number: n }.text(locale.lang()), choice.text, move |text| {
                    edit.kind(|kind| if let ItemKind::MultipleChoice(k) = kind && let Some(c) = k.choices.get_mut(row) { c.text = text; });
                })}
                {check_box(field(edit, "right", row), M::Right, choice.correct, move |on| {
                    edit.kind(|kind| if let ItemKind::MultipleChoice(k) = kind && let Some(c) = k.choices.get_mut(row) { c.correct = on; });
                })}
                {remove_button(move || edit.reshape(|kind| if let ItemKind::MultipleChoice(k) = kind && row < k.choices.len() { k.choices.remove(row); }))}
            </li>
        }
    }).collect_view();
    view! {
        <ul class="rows">{rows}</ul>
        {add_button(M::AddChoice, move || edit.reshape(|kind| if let ItemKind::MultipleChoice(k) = kind {
            let id = fresh("c", &choice_ids(k.choices.iter().map(|c| &c.id)));
            k.choices.push(Checkbox { id, text: String::new(), correct: false, feedback: None });
        }))}
        {shuffle_box(edit, shuffle)}
    }
    .into_any()
}

fn true_false(edit: Edit, answer: bool) -> AnyView {
    let name = field(edit, "right", 0);
    let option = move |value: bool, label: M| {
        view! {
            <label class="check inline">
                <input type="radio" name=name.clone() prop:checked=answer == value on:change=move |_| {
                    edit.kind(|kind| if let ItemKind::TrueFalse(k) = kind { k.answer = value; });
                }/>
                <span>{t(label)}</span>
            </label>
        }
    };
    view! {
        <fieldset class="inline-choices">
            <legend>{t(M::RightAnswer)}</legend>
            {option(true, M::True)}
            {option(false, M::False)}
        </fieldset>
    }
    .into_any()
}

/// The spellings typed in one field: `ghjovi / ghjovedì`.
fn spellings(text: &str) -> Vec<String> {
    text.split('/')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn text_answers(edit: Edit, answers: Vec<TextAnswer>) -> AnyView {
    let locale = use_locale();
    let with_answer = move |row: usize, change: Box<dyn FnOnce(&mut TextAnswer)>| {
        edit.kind(|kind| {
            if let ItemKind::ShortText(k) = kind
                && let Some(a) = k.answers.get_mut(row)
            {
                change(a);
            }
        });
    };
    let rows = answers.into_iter().enumerate().map(|(row, answer)| {
        let n = number(row);
        let m = answer.matching;
        view! {
            <li class="row answer-row">
                {text_input(field(edit, "answer", row), move || M::Accepted { number: n }.text(locale.lang()), answer.text, move |text| {
                    with_answer(row, Box::new(move |a| a.text = text));
                })}
                {text_input(field(edit, "variants", row), move || M::Variants.text(locale.lang()), answer.variants.join(" / "), move |text| {
                    with_answer(row, Box::new(move |a| a.variants = spellings(&text)));
                })}
                <div class="options">
                    {check_box(field(edit, "case", row), M::CaseSensitive, m.case_sensitive, move |on| with_answer(row, Box::new(move |a| a.matching.case_sensitive = on)))}
                    {check_box(field(edit, "accents", row), M::AccentSensitive, m.accent_sensitive, move |on| with_answer(row, Box::new(move |a| a.matching.accent_sensitive = on)))}
                    {check_box(field(edit, "typos", row), M::Typos, m.typos, move |on| with_answer(row, Box::new(move |a| a.matching.typos = on)))}
                </div>
                {remove_button(move || edit.reshape(|kind| if let ItemKind::ShortText(k) = kind && row < k.answers.len() { k.answers.remove(row); }))}
            </li>
        }
    }).collect_view();
    view! {
        <ul class="rows">{rows}</ul>
        {add_button(M::AddAnswer, move || edit.reshape(|kind| if let ItemKind::ShortText(k) = kind {
            k.answers.push(blank_answer());
        }))}
    }
    .into_any()
}

pub fn blank_answer() -> TextAnswer {
    TextAnswer {
        text: String::new(),
        variants: Vec::new(),
        matching: TextMatching::default(),
        credit: Percent::FULL,
        feedback: None,
    }
}

fn cloze(edit: Edit, parts: &[domain::exercise::ClozePart]) -> AnyView {
    let locale = use_locale();
    let id = field(edit, "cloze", 0);
    let matching = RwSignal::new(cloze_text::matching_of(parts));
    let text = RwSignal::new(cloze_text::write(parts));
    let error = RwSignal::new(None::<M>);
    // The text is read again on every change, with the item's matching options.
    let read = move || match cloze_text::parse(&text.get_untracked(), matching.get_untracked()) {
        Ok(parts) => {
            error.set(None);
            edit.kind(|kind| {
                if let ItemKind::Cloze(k) = kind {
                    k.parts = parts;
                }
            });
        }
        Err(e) => error.set(Some(cloze_problem(e))),
    };
    let m = matching.get_untracked();
    let option = move |what: &str, label: M, on: bool, set: fn(&mut TextMatching, bool)| {
        check_box(field(edit, what, 0), label, on, move |value| {
            matching.update(|m| set(m, value));
            read();
        })
    };
    view! {
        <div class="field">
            <label for=id.clone()>{t(M::ClozeText)}</label>
            <textarea id=id rows="4" prop:value=text.get_untracked()
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                on:input=move |ev| { text.set(event_target_value(&ev)); read(); }></textarea>
            {move || error.get().map(|e| view! { <p class="field-error">{e.text(locale.lang())}</p> })}
        </div>
        <div class="options">
            {option("case", M::CaseSensitive, m.case_sensitive, |m, on| m.case_sensitive = on)}
            {option("accents", M::AccentSensitive, m.accent_sensitive, |m, on| m.accent_sensitive = on)}
            {option("typos", M::Typos, m.typos, |m, on| m.typos = on)}
        </div>
    }
    .into_any()
}

fn numeric(edit: Edit, answers: Vec<NumericAnswer>, unit: Option<Unit>) -> AnyView {
    let locale = use_locale();
    // One expected value is what the editor writes; more come from imports and are kept.
    let first = answers.first().cloned();
    let value = first
        .as_ref()
        .map(|a| a.value.to_string())
        .unwrap_or_default();
    let margin = match first.as_ref().map(|a| a.tolerance) {
        Some(Tolerance::Absolute { margin }) => margin.to_string(),
        _ => "0".to_owned(),
    };
    let bad_value = RwSignal::new(false);
    let bad_margin = RwSignal::new(false);
    let with_first = move |change: Box<dyn FnOnce(&mut NumericAnswer)>| {
        edit.kind(|kind| {
            if let ItemKind::Numeric(k) = kind {
                if k.answers.is_empty() {
                    k.answers.push(NumericAnswer {
                        value: Decimal::ZERO,
                        tolerance: Tolerance::default(),
                        credit: Percent::FULL,
                        feedback: None,
                    });
                }
                change(&mut k.answers[0]);
            }
        });
    };
    view! {
        <div class="form-row">
            {text_input(field(edit, "value", 0), move || M::Value.text(locale.lang()), value, move |text| {
                match text.parse::<Decimal>() {
                    Ok(v) => { bad_value.set(false); with_first(Box::new(move |a| a.value = v)); }
                    Err(_) => bad_value.set(true),
                }
            })}
            {text_input(field(edit, "margin", 0), move || M::Margin.text(locale.lang()), margin, move |text| {
                match text.parse::<Decimal>() {
                    Ok(margin) => { bad_margin.set(false); with_first(Box::new(move |a| a.tolerance = Tolerance::Absolute { margin })); }
                    Err(_) => bad_margin.set(true),
                }
            })}
            {text_input(field(edit, "unit", 0), move || M::Unit.text(locale.lang()), unit.map(|u| u.symbol).unwrap_or_default(), move |text| {
                let symbol = text.trim().to_owned();
                edit.kind(|kind| if let ItemKind::Numeric(k) = kind {
                    k.unit = (!symbol.is_empty()).then(|| Unit { symbol, variants: Vec::new(), required: false });
                });
            })}
        </div>
        {move || (bad_value.get() || bad_margin.get()).then(|| view! { <p class="field-error">{t(M::NumberInvalid)}</p> })}
    }
    .into_any()
}

fn card_ids<'a>(ids: impl Iterator<Item = &'a CardId>) -> Vec<&'a str> {
    ids.map(CardId::as_str).collect()
}

fn ordering(edit: Edit, cards: Vec<Card>) -> AnyView {
    let locale = use_locale();
    let rows = cards.into_iter().enumerate().map(|(row, card)| {
        let n = number(row);
        view! {
            <li class="row">
                {text_input(field(edit, "card", row), move || M::Card { number: n }.text(locale.lang()), card.text, move |text| {
                    edit.kind(|kind| if let ItemKind::Ordering(k) = kind && let Some(c) = k.cards.get_mut(row) { c.text = text; });
                })}
                {remove_button(move || edit.reshape(|kind| if let ItemKind::Ordering(k) = kind && row < k.cards.len() { k.cards.remove(row); }))}
            </li>
        }
    }).collect_view();
    view! {
        <p class="hint">{t(M::OrderHint)}</p>
        <ol class="rows">{rows}</ol>
        {add_button(M::AddCard, move || edit.reshape(|kind| if let ItemKind::Ordering(k) = kind {
            let id = fresh("c", &card_ids(k.cards.iter().map(|c| &c.id)));
            k.cards.push(Card { id, text: String::new() });
        }))}
    }
    .into_any()
}

fn matching(edit: Edit, pairs: Vec<Pair>) -> AnyView {
    let locale = use_locale();
    let rows = pairs.into_iter().enumerate().map(|(row, pair)| {
        let n = number(row);
        view! {
            <li class="row">
                {text_input(field(edit, "left", row), move || M::Left { number: n }.text(locale.lang()), pair.left.text, move |text| {
                    edit.kind(|kind| if let ItemKind::Matching(k) = kind && let Some(p) = k.pairs.get_mut(row) { p.left.text = text; });
                })}
                {text_input(field(edit, "right", row), move || M::RightSide { number: n }.text(locale.lang()), pair.right.text, move |text| {
                    edit.kind(|kind| if let ItemKind::Matching(k) = kind && let Some(p) = k.pairs.get_mut(row) { p.right.text = text; });
                })}
                {remove_button(move || edit.reshape(|kind| if let ItemKind::Matching(k) = kind && row < k.pairs.len() { k.pairs.remove(row); }))}
            </li>
        }
    }).collect_view();
    view! {
        <ul class="rows">{rows}</ul>
        {add_button(M::AddPair, move || edit.reshape(|kind| if let ItemKind::Matching(k) = kind {
            let taken: Vec<&str> = k.pairs.iter().flat_map(|p| [p.left.id.as_str(), p.right.id.as_str()])
                .chain(k.distractors.iter().map(|d| d.id.as_str())).collect();
            let left: CardId = fresh("l", &taken);
            let right: CardId = fresh("r", &taken);
            k.pairs.push(Pair { left: Card { id: left, text: String::new() }, right: Card { id: right, text: String::new() } });
        }))}
    }
    .into_any()
}

fn categorising(edit: Edit, categories: Vec<Category>) -> AnyView {
    let locale = use_locale();
    let rows = categories.into_iter().enumerate().map(|(row, category)| {
        let n = number(row);
        let cards_id = field(edit, "cards", row);
        let cards: Vec<String> = category.cards.iter().map(|c| c.text.clone()).collect();
        view! {
            <li class="row">
                {text_input(field(edit, "category", row), move || M::Category { number: n }.text(locale.lang()), category.name, move |text| {
                    edit.kind(|kind| if let ItemKind::Categorising(k) = kind && let Some(c) = k.categories.get_mut(row) { c.name = text; });
                })}
                <div class="field">
                    <label for=cards_id.clone()>{t(M::CategoryCards)}</label>
                    <textarea id=cards_id rows="3" prop:value=cards.join("\n") on:input=move |ev| {
                        let lines = event_target_value(&ev);
                        edit.kind(|kind| if let ItemKind::Categorising(k) = kind { set_cards(k, row, &lines); });
                    }></textarea>
                </div>
                {remove_button(move || edit.reshape(|kind| if let ItemKind::Categorising(k) = kind && row < k.categories.len() { k.categories.remove(row); }))}
            </li>
        }
    }).collect_view();
    view! {
        <ul class="rows">{rows}</ul>
        {add_button(M::AddCategory, move || edit.reshape(|kind| if let ItemKind::Categorising(k) = kind {
            let taken: Vec<&str> = k.categories.iter().map(|c| c.id.as_str()).collect();
            let id: CategoryId = fresh("k", &taken);
            k.categories.push(Category { id, name: String::new(), cards: Vec::new() });
        }))}
    }
    .into_any()
}

/// Category `row`'s cards from its lines, keeping the id of a card whose line is unchanged.
fn set_cards(k: &mut domain::exercise::Categorising, row: usize, lines: &str) {
    let old: Vec<Card> = k
        .categories
        .get(row)
        .map(|c| c.cards.clone())
        .unwrap_or_default();
    let mut taken: Vec<String> = k
        .categories
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != row)
        .flat_map(|(_, c)| c.cards.iter().map(|card| card.id.as_str().to_owned()))
        .collect();
    let mut cards = Vec::new();
    for line in lines.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let id = match old
            .iter()
            .find(|c| c.text == line && !taken.contains(&c.id.as_str().to_owned()))
        {
            Some(card) => card.id.clone(),
            None => {
                let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
                fresh::<CardId>("c", &refs)
            }
        };
        taken.push(id.as_str().to_owned());
        cards.push(Card {
            id,
            text: line.to_owned(),
        });
    }
    if let Some(category) = k.categories.get_mut(row) {
        category.cards = cards;
    }
}
