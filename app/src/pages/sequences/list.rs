//! The sequences page: what a pupil goes through, each child's for a parent, a teacher's own
//! with the way to the library. One person may be all three, so every part that applies shows.

use super::ImportOnList;
use super::names;
use crate::api::home::load_home;
use crate::api::sequences::authoring::{delete_sequence, my_sequences};
use crate::api::sequences::doing::assigned_sequences;
use crate::api::sequences::{AssignedSequence, SequenceError, SequenceSummary};
use crate::components::area_error::{area_banner, when_loaded};
use crate::components::error_banner::ErrorBanner;
use crate::i18n::msg::{self, Sequences as M};
use crate::i18n::{AnyMessage, Message, full_name, t, use_locale};
use crate::shell::use_session;
use domain::ids::{AccountId, SchoolId};
use domain::profile::Profile;
use domain::sequence::Progress;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Lists() -> impl IntoView {
    let home = LocalResource::new(|| crate::api::retry::patiently(load_home));
    let session = use_session();
    view! {
        <h1>{t(msg::Home::ServiceSequences)}</h1>
        <Suspense fallback=move || view! { <p aria-busy="true">{t(msg::Common::Loading)}</p> }>
            {move || home.get().map(|r| match r {
                Ok(home) => {
                    let me = session.info().map(|i| i.account);
                    let pupil = home.schools.iter().any(|s| s.profiles.contains(&Profile::Pupil));
                    let teaching: Vec<(SchoolId, String)> = home.schools.iter()
                        .filter(|s| s.profiles.contains(&Profile::Teacher))
                        .map(|s| (s.id, s.name.clone()))
                        .collect();
                    let several = teaching.len() > 1;
                    let teacher = !teaching.is_empty();
                    view! {
                        {me.filter(|_| pupil).map(|me| view! {
                            <Assigned pupil=me heading=M::ToFollow mine=true/>
                        })}
                        {home.children.into_iter().map(|child| {
                            let name = full_name(&child.first_name, &child.last_name);
                            view! { <Assigned pupil=child.id heading=M::OfChild { name } mine=false/> }
                        }).collect_view()}
                        {teacher.then(|| view! {
                            <p class="library-link"><a class="button secondary" href="/sequences/library">{t(M::Library)}</a></p>
                        })}
                        {teaching.into_iter().map(|(school, name)| {
                            let heading: AnyMessage = if several {
                                M::MineIn { school: name }.into()
                            } else {
                                M::Mine.into()
                            };
                            view! { <Written school heading/> }
                        }).collect_view()}
                    }.into_any()
                }
                Err(e) => view! { <ErrorBanner error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
            })}
        </Suspense>
    }
}

/// The sequences given to `pupil`: to go through when it is the reader's own list, to follow
/// otherwise.
#[component]
fn Assigned(pupil: AccountId, #[prop(into)] heading: AnyMessage, mine: bool) -> impl IntoView {
    let locale = use_locale();
    let list = LocalResource::new(move || assigned_sequences(pupil));
    let title = format!("sequences-of-{pupil}");
    let labelled = title.clone();
    view! {
        <section class=if mine { "card assigned" } else { "card assigned child" } aria-labelledby=labelled>
            <h2 id=title>{move || heading.text(locale.lang())}</h2>
            {when_loaded(list, move |list: Vec<AssignedSequence>| if list.is_empty() {
                view! { <p>{t(M::Nothing)}</p> }.into_any()
            } else {
                view! {
                    <ul class="assignments">
                        {list.into_iter().map(|a| view! { <AssignedEntry entry=a pupil mine/> }).collect_view()}
                    </ul>
                }.into_any()
            })}
        </section>
    }
}

#[component]
fn AssignedEntry(entry: AssignedSequence, pupil: AccountId, mine: bool) -> impl IntoView {
    let locale = use_locale();
    let AssignedSequence {
        assignment,
        title,
        group,
        rules,
        progress,
    } = entry;
    let due = move || match rules.due {
        Some(due) => M::Due { due }.text(locale.lang()),
        None => M::NoDue.text(locale.lang()),
    };
    let href = if mine {
        format!("/sequences/go/{assignment}")
    } else {
        format!("/sequences/follow/{assignment}/{pupil}")
    };
    view! {
        <li class="assignment sequence" data-assignment=assignment.to_string()>
            <h3>{title}</h3>
            <p class="meta">{group} " · " {due}</p>
            <ProgressBar progress/>
            <a class=if mine { "button primary go" } else { "button secondary go" } href=href>
                {t(if mine { M::Go } else { M::See })}
            </a>
        </li>
    }
}

/// How far a pupil is: a bar with its words, for eyes and screen readers alike.
#[component]
pub fn ProgressBar(progress: Progress) -> impl IntoView {
    let locale = use_locale();
    let words = move || {
        M::Progress {
            done: i64::from(progress.done),
            steps: i64::from(progress.steps),
        }
        .text(locale.lang())
    };
    view! {
        <p class="progress">
            <progress max=progress.steps.to_string() value=progress.done.to_string() aria-hidden="true"></progress>
            " " <span class="progress-words">{words}</span>
        </p>
    }
}

/// A teacher's sequences in one school.
#[component]
fn Written(school: SchoolId, heading: AnyMessage) -> impl IntoView {
    let locale = use_locale();
    let list = LocalResource::new(move || my_sequences(school));
    let title = format!("sequences-written-{school}");
    let labelled = title.clone();
    view! {
        <section class="card written" aria-labelledby=labelled>
            <h2 id=title>{move || heading.text(locale.lang())}</h2>
            {when_loaded(list, move |list: Vec<SequenceSummary>| if list.is_empty() {
                view! { <p>{t(M::NoneWritten)}</p> }.into_any()
            } else {
                view! {
                    <ul class="sequences">
                        {list.into_iter().map(|s| view! { <WrittenEntry sequence=s/> }).collect_view()}
                    </ul>
                }.into_any()
            })}
            <a class="button primary new-sequence" href=format!("/sequences/new/{school}")>{t(M::New)}</a>
            <ImportOnList school/>
        </section>
    }
}

/// One of the teacher's sequences: open it, or delete it (and undo).
#[component]
fn WrittenEntry(sequence: SequenceSummary) -> impl IntoView {
    let locale = use_locale();
    let SequenceSummary {
        id,
        title,
        language,
        discipline,
        level,
        steps,
        published,
        given,
        ..
    } = sequence;
    let deleted = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<SequenceError>);
    let set_deleted = move |on: bool| {
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match delete_sequence(id, on).await {
                Ok(()) => deleted.set(on),
                Err(e) => error.set(Some(e)),
            }
            let _ = busy.try_set(false);
        });
    };
    let facts = move || {
        let lang = locale.lang();
        [
            M::Steps {
                count: i64::from(steps),
            }
            .text(lang),
            names::discipline(discipline).text(lang),
            names::level(level).text(lang),
            if published { M::Published } else { M::Private }.text(lang),
            M::GivenTo {
                count: i64::from(given),
            }
            .text(lang),
        ]
        .join(" · ")
    };
    let shown = title.clone();
    let marker = title.clone();
    view! {
        <li class="sequence" data-title=marker>
            {move || if deleted.get() {
                let title = shown.clone();
                view! {
                    <p class="notice deleted" role="status">
                        {move || M::Deleted { title: title.clone() }.text(locale.lang())} " "
                        <button type="button" class="secondary small undo" prop:disabled=move || busy.get()
                            on:click=move |_| set_deleted(false)>{t(M::Undo)}</button>
                    </p>
                }.into_any()
            } else {
                view! {
                    <h3 lang=language.as_str().to_owned()>
                        <a href=format!("/sequences/edit/{id}")>{title.clone()}</a>
                    </h3>
                    <p class="meta">{facts}</p>
                    <button type="button" class="danger small delete" prop:disabled=move || busy.get()
                        on:click=move |_| set_deleted(true)>{t(M::Delete)}</button>
                }.into_any()
            }}
            {area_banner(error)}
        </li>
    }
}
