//! Writing an exercise: its title, language and statement, its items (added, moved, duplicated,
//! deleted with an undo), each item's answers; beside it, the live preview drawn by the very
//! views a pupil gets; the problems the server would refuse, listed as one types; then giving it
//! to a class or group.

pub(crate) mod assign;
mod export;
mod kinds;
pub(crate) mod media;
pub(super) mod problems;

use super::errors::{ExerciseBanner, when_loaded};
use super::items::{Answers, ItemView};
use crate::api::exercises::authoring::{create_exercise, get_exercise, save_exercise};
use crate::api::exercises::{Authored, ExerciseError, Given};
use crate::i18n::msg::Exercises as M;
use crate::i18n::{Message, t, use_locale};
use domain::exercise::{
    Accepts, Card, Category, Checkbox, Choice, Cloze, ClozePart, Dictation, Exercise, FreeText,
    Item, ItemId, ItemKind, ItemType, LanguageTag, Matching, MultipleChoice, Numeric,
    NumericAnswer, OrderCredit, Ordering, Pair, Penalty, Percent, Points, Response, ShortText,
    SingleChoice, TextMatching, Tolerance, TrueFalse,
};
use domain::ids::{ExerciseId, SchoolId};
use kinds::{Edit, fresh, kind_form};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

/// What the editor opens.
#[derive(Clone, Copy, PartialEq)]
pub enum Opened {
    New(SchoolId),
    Existing(ExerciseId),
}

#[component]
pub fn Editor(opened: Opened) -> impl IntoView {
    let locale = use_locale();
    match opened {
        Opened::New(school) => {
            let lang = locale.0.get_untracked();
            let exercise = Exercise {
                title: String::new(),
                language: LanguageTag::from(lang),
                statement: None,
                items: Vec::new(),
            };
            view! { <Form school id=None exercise/> }.into_any()
        }
        Opened::Existing(id) => {
            let loaded = LocalResource::new(move || get_exercise(id));
            view! {
                {when_loaded(loaded, move |a: Authored| view! {
                    <Form school=a.school id=Some(id) exercise=a.exercise/>
                    <export::ExportGift id/>
                    <GivenList given=a.given/>
                })}
            }
            .into_any()
        }
    }
}

/// To whom the exercise was given, each with a link to its results.
#[component]
fn GivenList(given: Vec<Given>) -> impl IntoView {
    let locale = use_locale();
    (!given.is_empty()).then(|| {
        view! {
            <section class="card given" aria-labelledby="given-title">
                <h2 id="given-title">{t(M::GivenTitle)}</h2>
                <ul class="given-list">
                    {given.into_iter().map(|g| {
                        let count = i64::from(g.handed_in);
                        let due = g.rules.due;
                        view! {
                            <li>
                                <a href=format!("/exercises/results/{}", g.assignment)>{g.group}</a>
                                <span class="meta">{move || {
                                    let lang = locale.lang();
                                    let handed = M::HandedInCount { count }.text(lang);
                                    match due {
                                        Some(due) => format!("{} · {handed}", M::Due { due }.text(lang)),
                                        None => format!("{} · {handed}", M::NoDue.text(lang)),
                                    }
                                }}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// The kinds a teacher may add here: all of them.
const ADDABLE: [ItemType; 11] = [
    ItemType::SingleChoice,
    ItemType::MultipleChoice,
    ItemType::TrueFalse,
    ItemType::ShortText,
    ItemType::Cloze,
    ItemType::Numeric,
    ItemType::Matching,
    ItemType::Ordering,
    ItemType::Categorising,
    ItemType::Dictation,
    ItemType::FreeText,
];

pub fn type_name(item_type: ItemType) -> M {
    match item_type {
        ItemType::SingleChoice => M::TypeSingleChoice,
        ItemType::MultipleChoice => M::TypeMultipleChoice,
        ItemType::TrueFalse => M::TypeTrueFalse,
        ItemType::ShortText => M::TypeShortText,
        ItemType::Cloze => M::TypeCloze,
        ItemType::Numeric => M::TypeNumeric,
        ItemType::Matching => M::TypeMatching,
        ItemType::Ordering => M::TypeOrdering,
        ItemType::Categorising => M::TypeCategorising,
        ItemType::Dictation => M::TypeDictation,
        ItemType::FreeText => M::TypeFreeText,
    }
}

fn parse<T: std::str::FromStr>(raw: &str) -> T {
    raw.parse()
        .unwrap_or_else(|_| unreachable!("a fixed id parses"))
}

fn card(id: &str) -> Card {
    Card {
        id: parse(id),
        text: String::new(),
    }
}

/// A new item of `item_type`, with the rows it needs to make sense, worth one point.
fn blank(id: ItemId, item_type: ItemType) -> Item {
    let choice = |id: &str, credit| Choice {
        id: parse(id),
        text: String::new(),
        credit,
        feedback: None,
    };
    let kind = match item_type {
        ItemType::SingleChoice => ItemKind::SingleChoice(SingleChoice {
            choices: vec![choice("c1", Percent::FULL), choice("c2", Percent::ZERO)],
            shuffle: true,
        }),
        ItemType::MultipleChoice => ItemKind::MultipleChoice(MultipleChoice {
            choices: ["c1", "c2", "c3"]
                .iter()
                .enumerate()
                .map(|(n, id)| Checkbox {
                    id: parse(id),
                    text: String::new(),
                    correct: n == 0,
                    feedback: None,
                })
                .collect(),
            penalty: Penalty::default(),
            shuffle: true,
        }),
        ItemType::TrueFalse => ItemKind::TrueFalse(TrueFalse { answer: true }),
        ItemType::ShortText => ItemKind::ShortText(ShortText {
            answers: vec![kinds::blank_answer()],
        }),
        ItemType::Cloze => ItemKind::Cloze(Cloze {
            parts: vec![ClozePart::Text {
                text: String::new(),
            }],
        }),
        ItemType::Numeric => ItemKind::Numeric(Numeric {
            answers: vec![NumericAnswer {
                value: domain::exercise::Decimal::ZERO,
                tolerance: Tolerance::default(),
                credit: Percent::FULL,
                feedback: None,
            }],
            unit: None,
        }),
        ItemType::Matching => ItemKind::Matching(Matching {
            pairs: vec![
                Pair {
                    left: card("l1"),
                    right: card("r1"),
                },
                Pair {
                    left: card("l2"),
                    right: card("r2"),
                },
            ],
            distractors: Vec::new(),
        }),
        ItemType::Ordering => ItemKind::Ordering(Ordering {
            cards: vec![card("c1"), card("c2"), card("c3")],
            credit: OrderCredit::default(),
        }),
        ItemType::Categorising => ItemKind::Categorising(domain::exercise::Categorising {
            categories: ["k1", "k2"]
                .iter()
                .map(|id| Category {
                    id: parse(id),
                    name: String::new(),
                    cards: Vec::new(),
                })
                .collect(),
        }),
        ItemType::FreeText => ItemKind::FreeText(FreeText {
            accepts: Accepts::Text,
            guidance: None,
        }),
        // The recording comes next, uploaded or recorded in the item's form.
        ItemType::Dictation => ItemKind::Dictation(Dictation {
            audio: None,
            text: String::new(),
            matching: TextMatching::default(),
        }),
    };
    Item {
        id,
        prompt: String::new(),
        points: Points::from_hundredths(100),
        feedback: domain::exercise::Feedback::default(),
        kind,
    }
}

fn fresh_item_id(exercise: &Exercise) -> ItemId {
    let taken: Vec<&str> = exercise.items.iter().map(|i| i.id.as_str()).collect();
    fresh("q", &taken)
}

/// The languages offered; an imported exercise in another keeps its own.
pub(crate) const LANGUAGES: [(&str, &str); 6] = [
    ("fr", "Français"),
    ("co", "Corsu"),
    ("en", "English"),
    ("it", "Italiano"),
    ("es", "Español"),
    ("de", "Deutsch"),
];

#[component]
fn Form(school: SchoolId, id: Option<ExerciseId>, exercise: Exercise) -> impl IntoView {
    let locale = use_locale();
    let navigate = use_navigate();
    let draft = RwSignal::new(exercise);
    let shape = RwSignal::new(0_u64);
    let deleted = RwSignal::new(None::<(usize, Item)>);
    let saved = RwSignal::new(None::<i64>);
    let error = RwSignal::new(None::<ExerciseError>);
    let saving = RwSignal::new(false);
    let adding = RwSignal::new(ItemType::SingleChoice);

    let start = draft.get_untracked();
    let language = start.language.as_str().to_owned();
    let mut languages: Vec<(String, String)> = LANGUAGES
        .iter()
        .map(|(code, name)| ((*code).to_owned(), (*name).to_owned()))
        .collect();
    if !languages.iter().any(|(code, _)| *code == language) {
        languages.push((language.clone(), language.clone()));
    }

    // What the statement's field shows: set when a picture is inserted, not as one types (the
    // caret would jump).
    let statement_shown = RwSignal::new(start.statement.clone().unwrap_or_default());
    let insert_picture = move |markdown: String| {
        let mut text = draft.with_untracked(|e| e.statement.clone().unwrap_or_default());
        if !text.trim().is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&markdown);
        draft.update(|e| e.statement = Some(text.clone()));
        statement_shown.set(text);
    };
    let reshape = move || shape.update(|n| *n += 1);
    let move_item = move |from: usize, to: usize| {
        draft.update(|e| {
            if from < e.items.len() && to < e.items.len() {
                e.items.swap(from, to);
            }
        });
        reshape();
    };
    let duplicate = move |index: usize| {
        draft.update(|e| {
            if let Some(item) = e.items.get(index).cloned() {
                let id = fresh_item_id(e);
                e.items.insert(index + 1, Item { id, ..item });
            }
        });
        reshape();
    };
    let delete = move |index: usize| {
        draft.update(|e| {
            if index < e.items.len() {
                deleted.set(Some((index, e.items.remove(index))));
            }
        });
        reshape();
    };
    let undo = move |_| {
        if let Some((index, item)) = deleted.get_untracked() {
            draft.update(|e| {
                let at = index.min(e.items.len());
                e.items.insert(at, item);
            });
            deleted.set(None);
            reshape();
        }
    };
    let add = move |_| {
        draft.update(|e| {
            let item = blank(fresh_item_id(e), adding.get_untracked());
            e.items.push(item);
        });
        reshape();
    };

    let problems = Memo::new(move |_| draft.with(Exercise::problems));
    let save = move |_| {
        let exercise = draft.get_untracked();
        let navigate = navigate.clone();
        saving.set(true);
        error.set(None);
        spawn_local(async move {
            match id {
                None => match create_exercise(school, exercise).await {
                    Ok(created) => {
                        navigate(&format!("/exercises/edit/{created}"), Default::default())
                    }
                    Err(e) => error.set(Some(e)),
                },
                Some(id) => match save_exercise(id, exercise).await {
                    Ok(version) => saved.set(Some(version)),
                    Err(e) => error.set(Some(e)),
                },
            }
            let _ = saving.try_set(false);
        });
    };

    let items = move || {
        shape.track();
        let count = draft.with_untracked(|e| e.items.len());
        draft.with_untracked(|e| {
            e.items
                .iter()
                .enumerate()
                .map(|(index, item)| {
                    let edit = Edit { draft, shape, index, school };
                    let number = i64::try_from(index + 1).unwrap_or(i64::MAX);
                    let item_type = item.item_type();
                    let prompt_id = format!("field-{index}-prompt");
                    let points_id = format!("field-{index}-points");
                    let feedback_id = format!("field-{index}-feedback");
                    let bad_points = RwSignal::new(false);
                    let general = item.feedback.general.clone().unwrap_or_default();
                    let points = domain::locale::hundredths(locale.lang(), i64::from(item.points.hundredths()));
                    view! {
                        <li class="card item-editor" data-index=index.to_string()>
                            <div class="item-editor-head">
                                <h3>{t(M::Question { number })} " · " {t(type_name(item_type))}</h3>
                                <div class="button-row">
                                    <button type="button" class="secondary small" prop:disabled=index == 0
                                        aria-label=t(M::ItemUp { number }) on:click=move |_| move_item(index, index - 1)>"↑"</button>
                                    <button type="button" class="secondary small" prop:disabled=index + 1 == count
                                        aria-label=t(M::ItemDown { number }) on:click=move |_| move_item(index, index + 1)>"↓"</button>
                                    <button type="button" class="secondary small duplicate"
                                        aria-label=t(M::ItemDuplicate { number }) on:click=move |_| duplicate(index)>{t(M::ItemDuplicate { number })}</button>
                                    <button type="button" class="danger small delete"
                                        aria-label=t(M::ItemDelete { number }) on:click=move |_| delete(index)>{t(M::ItemDelete { number })}</button>
                                </div>
                            </div>
                            <div class="field">
                                <label for=prompt_id.clone()>{t(M::PromptLabel)}</label>
                                <textarea id=prompt_id rows="3" prop:value=item.prompt.clone() on:input=move |ev| {
                                    let text = event_target_value(&ev);
                                    edit.item(|item| item.prompt = text);
                                }></textarea>
                            </div>
                            <div class="field points">
                                <label for=points_id.clone()>{t(M::PointsLabel)}</label>
                                <input type="text" inputmode="decimal" id=points_id prop:value=points
                                    aria-invalid=move || bad_points.get().then_some("true")
                                    on:input=move |ev| match Points::parse(&event_target_value(&ev)) {
                                        Some(points) => { bad_points.set(false); edit.item(|item| item.points = points); }
                                        None => bad_points.set(true),
                                    }/>
                                {move || bad_points.get().then(|| view! { <p class="field-error">{t(M::PointsInvalid)}</p> })}
                            </div>
                            {kind_form(edit, item.kind.clone())}
                            <div class="field">
                                <label for=feedback_id.clone()>{t(M::Feedback)}</label>
                                <textarea id=feedback_id rows="2" prop:value=general on:input=move |ev| {
                                    let text = event_target_value(&ev);
                                    edit.item(|item| item.feedback.general = (!text.trim().is_empty()).then_some(text));
                                }></textarea>
                            </div>
                        </li>
                    }
                })
                .collect_view()
        })
    };

    // The preview: the pupil's paper, answerable, with no seed of any attempt's.
    let preview = move || {
        let exercise = draft.get();
        let paper = exercise.paper(0);
        let answers = Answers {
            response: RwSignal::new(Response::default()),
            changed: Callback::new(|()| {}),
            locked: Signal::derive(|| false),
            place: None,
        };
        let statement = paper
            .statement
            .as_deref()
            .map(|s| domain::markdown::render(s).into_string());
        view! {
            <div lang=paper.language.as_str().to_owned()>
                <h3>{paper.title.clone()}</h3>
                {statement.map(|html| view! { <div class="statement" inner_html=html></div> })}
                {paper.items.into_iter().enumerate().map(|(i, item)| {
                    view! { <ItemView item number=i + 1 answers mark=Signal::derive(|| None)/> }
                }).collect_view()}
            </div>
        }
    };

    view! {
        <p class="back"><a href="/exercises">{t(M::Back)}</a></p>
        <h1>{move || if id.is_some() { M::Edit.text(locale.lang()) } else { M::New.text(locale.lang()) }}</h1>
        <div class="editor-layout">
            <section class="editor" aria-label=t(M::Edit)>
                <div class="card">
                    <div class="field">
                        <label for="exercise-title">{t(M::TitleLabel)}</label>
                        <input type="text" id="exercise-title" prop:value=start.title.clone() on:input=move |ev| {
                            let title = event_target_value(&ev);
                            draft.update(|e| e.title = title);
                        }/>
                    </div>
                    <div class="field">
                        <label for="exercise-language">{t(M::LanguageLabel)}</label>
                        <select id="exercise-language" on:change=move |ev| {
                            if let Ok(tag) = event_target_value(&ev).parse::<LanguageTag>() {
                                draft.update(|e| e.language = tag);
                            }
                        }>
                            {languages.into_iter().map(|(code, name)| {
                                let selected = code == language;
                                view! { <option value=code.clone() lang=code selected=selected>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="exercise-statement">{t(M::StatementLabel)}</label>
                        <textarea id="exercise-statement" rows="3" prop:value=move || statement_shown.get()
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                draft.update(|e| e.statement = (!text.trim().is_empty()).then_some(text));
                            }></textarea>
                        {media::picture_button(school, insert_picture)}
                    </div>
                </div>
                <ol class="item-editors">{items}</ol>
                {move || deleted.with(Option::is_some).then(|| view! {
                    <p class="notice undo-bar" role="status">
                        {t(M::ItemDeleted)} " "
                        <button type="button" class="secondary small undo" on:click=undo>{t(M::Undo)}</button>
                    </p>
                })}
                <div class="card add-item">
                    <div class="field">
                        <label for="new-item-type">{t(M::ItemType)}</label>
                        <select id="new-item-type" on:change=move |ev| {
                            if let Ok(kind) = event_target_value(&ev).parse::<ItemType>() {
                                adding.set(kind);
                            }
                        }>
                            {ADDABLE.iter().map(|kind| view! {
                                <option value=kind.code()>{t(type_name(*kind))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="button" class="secondary add-item-button" on:click=add>{t(M::AddItem)}</button>
                </div>
                <div class="card save-bar">
                    {move || {
                        let list = problems.get();
                        (!list.is_empty()).then(|| {
                            let lang = locale.lang();
                            let texts: Vec<String> = draft.with(|e| list.iter().map(|p| problems::describe(lang, e, p)).collect());
                            view! {
                                <div class="problems" role="status">
                                    <h2>{M::ProblemsTitle.text(lang)}</h2>
                                    <ul>{texts.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                                </div>
                            }
                        })
                    }}
                    <button type="button" class="primary save" prop:disabled=move || saving.get() || !problems.with(Vec::is_empty)
                        on:click=save>{t(M::Save)}</button>
                    {move || saved.get().map(|version| view! {
                        <p class="success" role="status">{M::SavedVersion { version }.text(locale.lang())}</p>
                    })}
                    <ExerciseBanner error=error/>
                </div>
            </section>
            <section class="preview card" aria-labelledby="preview-title">
                <h2 id="preview-title">{t(M::Preview)}</h2>
                {preview}
            </section>
        </div>
        {id.map(|exercise| {
            let give = move |group, rules| async move {
                crate::api::exercises::assigning::assign_exercise(exercise, group, rules)
                    .await
                    .map(|_| ())
            };
            view! { <assign::AssignForm school give/> }
        })}
    }
}
