//! Going through a given sequence, one step at a time: the steps listed with where the pupil
//! stands on each, the current step shown (a lesson rendered, a link to open, an exercise to do
//! in the exercises' player), "done" for lessons and links. A parent sees their child's way
//! through it, without the buttons.

use super::list::ProgressBar;
use super::names;
use crate::api::sequences::doing::{open_journey, step_done};
use crate::api::sequences::{self as api, JourneyStep, SequenceError, StepContent};
use crate::components::area_error::{area_banner, when_loaded};
use crate::i18n::msg::Sequences as M;
use crate::i18n::{Message, t, use_locale};
use crate::shell::use_session;
use domain::ids::{AccountId, SequenceAssignmentId};
use domain::locale::hundredths;
use domain::sequence::{Progress, StepState};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// `pupil`: whose way it is when not the reader's own (a parent's view).
#[component]
pub fn Journey(assignment: SequenceAssignmentId, pupil: Option<AccountId>) -> impl IntoView {
    let session = use_session();
    let me = session.info().map(|i| i.account);
    let whose = pupil.or(me);
    let data = LocalResource::new(move || async move {
        match whose {
            Some(pupil) => open_journey(assignment, pupil).await,
            None => Err(crate::error::AppError::SignInRequired.into()),
        }
    });
    let mine = pupil.is_none();
    view! {
        <p class="back"><a href="/sequences">{t(M::Back)}</a></p>
        {when_loaded(data, move |j: api::Journey| view! { <Steps journey=j mine/> })}
    }
}

#[component]
fn Steps(journey: api::Journey, mine: bool) -> impl IntoView {
    let locale = use_locale();
    let api::Journey {
        assignment,
        title,
        language,
        summary,
        licence,
        credits,
        rules,
        steps,
        ..
    } = journey;
    let lang_tag = language.as_str().to_owned();
    let (lang_title, lang_summary) = (lang_tag.clone(), lang_tag.clone());
    let count = steps.len();
    let steps = RwSignal::new(steps);
    // Open where the pupil stopped: the first step not done.
    let first_open = steps
        .get_untracked()
        .iter()
        .position(|s| s.state != StepState::Done)
        .unwrap_or(0);
    let current = RwSignal::new(first_open);
    let error = RwSignal::new(None::<SequenceError>);
    let progress = move || Progress::of(steps.get().iter().map(|s| s.state));
    let summary = summary.map(|s| domain::markdown::render(&s).into_string());
    let due = move || match rules.due {
        Some(due) => M::Due { due }.text(locale.lang()),
        None => M::NoDue.text(locale.lang()),
    };
    let mark_done = move |index: usize| {
        let Some(step) = steps.get_untracked().get(index).map(|s| s.id) else {
            return;
        };
        error.set(None);
        spawn_local(async move {
            match step_done(assignment, step).await {
                Ok(()) => {
                    steps.update(|all| {
                        if let Some(s) = all.get_mut(index) {
                            s.state = StepState::Done;
                        }
                    });
                    if index + 1 < count {
                        current.set(index + 1);
                    }
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let credit_lines = credits
        .into_iter()
        .map(|c| {
            move || {
                let lang = locale.lang();
                let by = if c.author.is_empty() {
                    M::CreditUnknown {
                        title: c.title.clone(),
                        school: c.school.clone(),
                    }
                    .text(lang)
                } else {
                    M::Credit {
                        title: c.title.clone(),
                        author: c.author.clone(),
                        school: c.school.clone(),
                    }
                    .text(lang)
                };
                format!("{by} — {}", names::licence(c.licence).text(lang))
            }
        })
        .collect::<Vec<_>>();
    view! {
        <article class="journey">
            <h1 lang=lang_title>{title}</h1>
            <p class="meta">{due}</p>
            {move || view! { <ProgressBar progress=progress()/> }}
            {summary.map(|html| view! { <div class="statement" lang=lang_summary inner_html=html></div> })}
            {(!mine).then(|| view! { <p class="notice">{t(M::ReadOnly)}</p> })}
            <div class="journey-layout">
                <nav class="card steps" aria-labelledby="steps-title">
                    <h2 id="steps-title">{t(M::StepList)}</h2>
                    <ol>
                        {move || steps.get().into_iter().enumerate().map(|(i, s)| {
                            let state = s.state;
                            view! {
                                <li class=move || if current.get() == i { "step current" } else { "step" }
                                    data-state=format!("{state:?}").to_lowercase()>
                                    <button type="button" class="link-button"
                                        aria-current=move || (current.get() == i).then_some("step")
                                        on:click=move |_| current.set(i)>
                                        <span class="state-mark" aria-hidden="true">{names::state_mark(state)}</span>
                                        " " {s.title.clone()}
                                        <span class="visually-hidden">" · " {t(names::state(state))}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </nav>
                <section class="card step-shown" aria-live="polite">
                    {move || {
                        let i = current.get();
                        steps.get().get(i).cloned().map(|step| view! {
                            <Shown step index=i count mine lang=lang_tag.clone() on_done=move || mark_done(i)/>
                        })
                    }}
                    {area_banner(error)}
                    <div class="step-nav">
                        <button type="button" class="secondary previous"
                            prop:disabled=move || current.get() == 0
                            on:click=move |_| current.update(|c| *c = c.saturating_sub(1))>{t(M::Previous)}</button>
                        <button type="button" class="secondary next"
                            prop:disabled={move || current.get() + 1 >= count}
                            on:click=move |_| current.update(|c| *c = (*c + 1).min(count.saturating_sub(1)))>{t(M::Next)}</button>
                    </div>
                    {move || progress().finished().then(|| view! {
                        <p class="success finished" role="status">{t(M::Finished)}</p>
                    })}
                </section>
            </div>
            <footer class="credits">
                <p>{move || names::licence(licence).text(locale.lang())}</p>
                {credit_lines.into_iter().map(|line| view! { <p class="credit">{line}</p> }).collect_view()}
            </footer>
        </article>
    }
}

/// One step as the pupil sees it.
#[component]
fn Shown(
    step: JourneyStep,
    index: usize,
    count: usize,
    mine: bool,
    /// The sequence's language, for its texts (the buttons are in the reader's).
    lang: String,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let locale = use_locale();
    let JourneyStep {
        title,
        content,
        state,
        ..
    } = step;
    let done = state == StepState::Done;
    // Lessons and links are done by the pupil's word; exercises by handing them in.
    let markable = mine && !done && !matches!(content, StepContent::Exercise { .. });
    let number = move || {
        M::StepNumber {
            number: i64::try_from(index + 1).unwrap_or(i64::MAX),
            count: i64::try_from(count).unwrap_or(i64::MAX),
        }
        .text(locale.lang())
    };
    let body = match content {
        StepContent::Lesson { text } => {
            let html = domain::markdown::render(&text).into_string();
            view! { <div class="lesson" lang=lang.clone() inner_html=html></div> }.into_any()
        }
        StepContent::Link { url } => view! {
            <p><a class="button secondary open-link" href=url target="_blank" rel="noopener noreferrer">{t(M::OpenLink)}</a></p>
        }
        .into_any(),
        // Shown to the pupil; those who follow see where the pupil is, not the file itself
        // (a parent may not read it: the file is the class's, not the child's).
        StepContent::File { file, kind } if mine => resource(&file, kind, &title),
        StepContent::File { .. } => ().into_any(),
        StepContent::Exercise { assignment, score } => view! {
            {score.map(|s| {
                let text = move || M::ExerciseScore {
                    earned: hundredths(locale.lang(), i64::from(s.earned.hundredths())),
                    max: hundredths(locale.lang(), i64::from(s.max.hundredths())),
                }.text(locale.lang());
                view! { <p class="score"><strong>{text}</strong></p> }
            })}
            {mine.then(|| view! {
                <p><a class="button primary do-exercise" href=format!("/exercises/do/{assignment}")>
                    {t(M::DoExercise)}
                </a></p>
            })}
        }
        .into_any(),
    };
    view! {
        <p class="step-number">{number}</p>
        <h2 lang=lang>{title}</h2>
        <p class="step-state">{t(names::state(state))}</p>
        {body}
        {markable.then(|| view! {
            <p><button type="button" class="primary mark-done" on:click=move |_| on_done()>{t(M::MarkDone)}</button></p>
        })}
    }
}

/// A step's file as the page can show it: a picture, a player for a recording; a document is
/// saved for the device's own reader (the server sends it as an attachment).
pub(super) fn resource(
    file: &domain::file::FileId,
    kind: domain::file::FileKind,
    title: &str,
) -> AnyView {
    let url = file.url(kind);
    if kind.is_image() {
        view! { <p><img class="resource" src=url alt=title.to_owned()/></p> }.into_any()
    } else if kind.is_audio() {
        view! { <p><audio class="resource" controls=true preload="metadata" src=url></audio></p> }
            .into_any()
    } else {
        view! {
            <p><a class="button secondary download-resource" href=url download="">{t(M::DownloadDocument)}</a></p>
        }
        .into_any()
    }
}
