//! The library shared by the teachers of every school: search by words, discipline, level and
//! language; read a sequence before copying it; copy it (and its exercises) into one of one's
//! schools under a licence its own allows, its authors credited.

use super::names;
use crate::api::home::load_home;
use crate::api::sequences::library::{copy_sequence, read_published, search_library};
use crate::api::sequences::{LibraryEntry, LibraryQuery, PublishedSequence, SequenceError};
use crate::components::area_error::{area_banner, when_loaded};
use crate::i18n::msg::Sequences as M;
use crate::i18n::{Message, t, use_locale};
use crate::pages::exercises::editor::LANGUAGES;
use domain::exercise::LanguageTag;
use domain::ids::{SchoolId, SequenceId};
use domain::profile::Profile;
use domain::sequence::{Discipline, Level, Licence, StepBody};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

#[component]
pub fn Library() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let discipline = RwSignal::new(None::<Discipline>);
    let level = RwSignal::new(None::<Level>);
    let language = RwSignal::new(None::<LanguageTag>);
    // The query sent: changed by submitting the form, not by each key typed.
    let query = RwSignal::new(LibraryQuery::default());
    let found = LocalResource::new(move || search_library(query.get()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        query.set(LibraryQuery {
            text: text.get_untracked(),
            discipline: discipline.get_untracked(),
            level: level.get_untracked(),
            language: language.get_untracked(),
        });
    };
    view! {
        <p class="back"><a href="/sequences">{t(M::Back)}</a></p>
        <h1>{t(M::Library)}</h1>
        <form class="card library-search" role="search" on:submit=submit>
            <div class="form-row">
                <div class="field">
                    <label for="library-text">{t(M::SearchText)}</label>
                    <input id="library-text" type="search" on:input=move |ev| text.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="library-discipline">{t(M::Discipline)}</label>
                    <select id="library-discipline" on:change=move |ev| discipline.set(event_target_value(&ev).parse().ok())>
                        <option value="">{t(M::Any)}</option>
                        {Discipline::ALL.into_iter().map(|d| view! { <option value=d.code()>{t(names::discipline(d))}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="library-level">{t(M::Level)}</label>
                    <select id="library-level" on:change=move |ev| level.set(event_target_value(&ev).parse().ok())>
                        <option value="">{t(M::Any)}</option>
                        {Level::ALL.into_iter().map(|l| view! { <option value=l.code()>{t(names::level(l))}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="library-language">{t(M::Language)}</label>
                    <select id="library-language" on:change=move |ev| language.set(event_target_value(&ev).parse().ok())>
                        <option value="">{t(M::Any)}</option>
                        {LANGUAGES.into_iter().map(|(code, name)| view! { <option value=code>{name}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <button type="submit" class="primary search">{t(M::Search)}</button>
        </form>
        <section class="card library-results" aria-live="polite">
            {when_loaded(found, move |list: Vec<LibraryEntry>| if list.is_empty() {
                view! { <p>{t(M::ResultsNone)}</p> }.into_any()
            } else {
                view! {
                    <ul class="library">
                        {list.into_iter().map(|e| view! { <Entry entry=e linked=true/> }).collect_view()}
                    </ul>
                }.into_any()
            })}
        </section>
    }
}

/// A sequence of the library: title, tags, author.
#[component]
fn Entry(entry: LibraryEntry, linked: bool) -> impl IntoView {
    let locale = use_locale();
    let LibraryEntry {
        id,
        title,
        language,
        discipline,
        level,
        licence,
        steps,
        author,
        school,
        ..
    } = entry;
    let facts = move || {
        let lang = locale.lang();
        let by = if author.is_empty() {
            M::ByUnknown {
                school: school.clone(),
            }
            .text(lang)
        } else {
            M::By {
                author: author.clone(),
                school: school.clone(),
            }
            .text(lang)
        };
        [
            names::discipline(discipline).text(lang),
            names::level(level).text(lang),
            M::Steps {
                count: i64::from(steps),
            }
            .text(lang),
            names::licence(licence).text(lang),
            by,
        ]
        .join(" · ")
    };
    let heading = if linked {
        view! { <a href=format!("/sequences/library/{id}")>{title}</a> }.into_any()
    } else {
        view! { {title} }.into_any()
    };
    view! {
        <li class="library-entry" data-sequence=id.to_string()>
            <h3 lang=language.as_str().to_owned()>{heading}</h3>
            <p class="meta">{facts}</p>
        </li>
    }
}

/// A published sequence, read in full, with the form to copy it.
#[component]
pub fn Published(id: SequenceId) -> impl IntoView {
    let found = LocalResource::new(move || read_published(id));
    view! {
        <p class="back"><a href="/sequences/library">{t(M::Library)}</a></p>
        {when_loaded(found, move |p: PublishedSequence| {
            let PublishedSequence { entry, sequence, exercises } = p;
            let licence = entry.licence;
            let summary = sequence.summary.as_deref().map(|s| domain::markdown::render(s).into_string());
            let lang_tag = sequence.language.as_str().to_owned();
            view! {
                <h1 lang=lang_tag.clone()>{sequence.title.clone()}</h1>
                <ul class="library"><Entry entry linked=false/></ul>
                <article class="card preview" lang=lang_tag>
                    {summary.map(|html| view! { <div class="statement" inner_html=html></div> })}
                    <ol class="preview-steps">
                        {sequence.steps.into_iter().map(|step| {
                            let body = match step.body {
                                StepBody::Lesson { text } => {
                                    let html = domain::markdown::render(&text).into_string();
                                    view! { <div class="lesson" inner_html=html></div> }.into_any()
                                }
                                StepBody::Link { url } => view! {
                                    <p><a href=url.clone() target="_blank" rel="noopener noreferrer">{url.clone()}</a></p>
                                }.into_any(),
                                // Library readers may read the files of a published sequence.
                                StepBody::File { file, kind } => super::journey::resource(&file, kind, &step.title),
                                StepBody::Exercise { exercise } => {
                                    let about = exercises.iter().find(|e| e.id == exercise).cloned();
                                    view! {
                                        {about.map(|e| view! {
                                            <p class="exercise-title">{t(M::ExerciseItems { title: e.title, count: i64::from(e.items) })}</p>
                                        })}
                                    }.into_any()
                                }
                            };
                            view! { <li><h3>{step.title}</h3>{body}</li> }
                        }).collect_view()}
                    </ol>
                </article>
                <CopyForm id licence/>
            }
        })}
    }
}

#[component]
fn CopyForm(id: SequenceId, licence: Licence) -> impl IntoView {
    let navigate = use_navigate();
    let home = LocalResource::new(|| crate::api::retry::patiently(load_home));
    let school = RwSignal::new(None::<SchoolId>);
    let allowed: Vec<Licence> = Licence::ALL
        .into_iter()
        .filter(|l| licence.allows_copy_under(*l))
        .collect();
    let chosen = RwSignal::new(allowed.first().copied().unwrap_or(licence));
    let error = RwSignal::new(None::<SequenceError>);
    let busy = RwSignal::new(false);
    let schools = move || {
        home.get()
            .and_then(Result::ok)
            .map(|h| {
                h.schools
                    .into_iter()
                    .filter(|s| s.profiles.contains(&Profile::Teacher))
                    .map(|s| (s.id, s.name))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let into = school
            .get_untracked()
            .or_else(|| schools().first().map(|(s, _)| *s));
        let Some(into) = into else {
            return;
        };
        let navigate = navigate.clone();
        let licence = chosen.get_untracked();
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match copy_sequence(id, into, licence).await {
                Ok(copy) => navigate(&format!("/sequences/edit/{copy}"), Default::default()),
                Err(e) => error.set(Some(e)),
            }
            let _ = busy.try_set(false);
        });
    };
    view! {
        <form class="card copy" on:submit=submit>
            <h2>{t(M::Copy)}</h2>
            {move || (schools().len() > 1).then(|| view! {
                <div class="field">
                    <label for="copy-school">{t(M::CopyInto)}</label>
                    <select id="copy-school" on:change=move |ev| {
                        school.set(event_target_value(&ev).parse::<i64>().ok().map(SchoolId::new));
                    }>
                        {schools().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                    </select>
                </div>
            })}
            <div class="field">
                <label for="copy-licence">{t(M::CopyLicence)}</label>
                <select id="copy-licence" on:change=move |ev| {
                    if let Ok(l) = event_target_value(&ev).parse::<Licence>() {
                        chosen.set(l);
                    }
                }>
                    {allowed.into_iter().map(|l| view! { <option value=l.code()>{t(names::licence(l))}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="primary copy-button" prop:disabled=move || busy.get()>{t(M::Copy)}</button>
            {area_banner(error)}
        </form>
    }
}
