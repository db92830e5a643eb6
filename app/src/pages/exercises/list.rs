//! The exercises page: what a pupil has to do, each child's for a parent, a teacher's own. One
//! person may be all three (a teacher who is a parent), so every part that applies is shown.

use super::errors::{ExerciseBanner, when_loaded};
use crate::api::exercises::authoring::{delete_exercise, my_exercises};
use crate::api::exercises::doing::assigned;
use crate::api::exercises::{AssignedExercise, ExerciseError, ExerciseSummary, Score};
use crate::api::home::load_home;
use crate::components::error_banner::ErrorBanner;
use crate::i18n::msg::{self, Exercises as M};
use crate::i18n::{AnyMessage, Message, full_name, t, use_locale};
use crate::shell::use_session;
use domain::ids::{AccountId, SchoolId};
use domain::lang::Lang;
use domain::locale::hundredths;
use domain::profile::Profile;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Lists() -> impl IntoView {
    let home = LocalResource::new(|| crate::api::retry::patiently(load_home));
    let session = use_session();
    view! {
        <h1>{t(msg::Home::ServiceExercises)}</h1>
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
                    view! {
                        {me.filter(|_| pupil).map(|me| view! {
                            <Assigned pupil=me heading=M::ToDo mine=true/>
                        })}
                        {home.children.into_iter().map(|child| {
                            let name = full_name(&child.first_name, &child.last_name);
                            view! { <Assigned pupil=child.id heading=M::OfChild { name } mine=false/> }
                        }).collect_view()}
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

/// What was given to `pupil`: with a link to do it when it is the reader's own list.
#[component]
fn Assigned(pupil: AccountId, #[prop(into)] heading: AnyMessage, mine: bool) -> impl IntoView {
    let locale = use_locale();
    let list = LocalResource::new(move || assigned(pupil));
    let title = format!("assigned-{pupil}");
    let labelled = title.clone();
    view! {
        <section class=if mine { "card assigned" } else { "card assigned child" } aria-labelledby=labelled>
            <h2 id=title>{move || heading.text(locale.lang())}</h2>
            {when_loaded(list, move |list: Vec<AssignedExercise>| if list.is_empty() {
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
fn AssignedEntry(entry: AssignedExercise, pupil: AccountId, mine: bool) -> impl IntoView {
    let locale = use_locale();
    let AssignedExercise {
        assignment,
        title,
        group,
        rules,
        handed_in,
        in_progress,
        last_score,
    } = entry;
    let due = move || match rules.due {
        Some(due) => M::Due { due }.text(locale.lang()),
        None => M::NoDue.text(locale.lang()),
    };
    let state = move || {
        let lang = locale.lang();
        if in_progress {
            M::StateInProgress.text(lang)
        } else if handed_in > 0 {
            M::StateHandedIn {
                count: i64::from(handed_in),
            }
            .text(lang)
        } else {
            M::StateNew.text(lang)
        }
    };
    let score = move || last_score.map(|s| score_text(locale.lang(), s));
    view! {
        <li class="assignment" data-assignment=assignment.to_string()>
            <h3>{title}</h3>
            <p class="meta">{group} " · " {due}</p>
            <p class="state">{state} {move || score().map(|s| view! { " · " <strong class="score">{s}</strong> })}</p>
            {mine.then(|| view! {
                <a class="button primary do" href=format!("/exercises/do/{assignment}")>{t(M::Do)}</a>
            })}
            {(!mine && handed_in > 0).then(|| view! {
                <a class="button secondary see-work" href=format!("/exercises/work/{assignment}/{pupil}")>
                    {t(M::SeeWork)}
                </a>
            })}
        </li>
    }
}

pub fn score_text(lang: Lang, score: Score) -> String {
    M::Score {
        earned: hundredths(lang, i64::from(score.earned.hundredths())),
        max: hundredths(lang, i64::from(score.max.hundredths())),
    }
    .text(lang)
}

/// A teacher's exercises in one school.
#[component]
fn Written(school: SchoolId, heading: AnyMessage) -> impl IntoView {
    let locale = use_locale();
    let list = LocalResource::new(move || my_exercises(school));
    let title = format!("written-{school}");
    let labelled = title.clone();
    view! {
        <section class="card written" aria-labelledby=labelled>
            <h2 id=title>{move || heading.text(locale.lang())}</h2>
            {when_loaded(list, move |list: Vec<ExerciseSummary>| if list.is_empty() {
                view! { <p>{t(M::NoneWritten)}</p> }.into_any()
            } else {
                view! {
                    <ul class="exercises">
                        {list.into_iter().map(|e| view! { <WrittenEntry exercise=e/> }).collect_view()}
                    </ul>
                }.into_any()
            })}
            <div class="button-row">
                <a class="button primary new-exercise" href=format!("/exercises/new/{school}")>{t(M::New)}</a>
                <a class="button secondary import-exercise" href=format!("/exercises/import/{school}")>{t(M::ImportQuestions)}</a>
            </div>
        </section>
    }
}

/// One of the teacher's exercises: open it, or delete it (and undo).
#[component]
fn WrittenEntry(exercise: ExerciseSummary) -> impl IntoView {
    let locale = use_locale();
    let ExerciseSummary {
        id,
        title,
        language,
        items,
        points,
        assignments,
        ..
    } = exercise;
    let deleted = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ExerciseError>);
    let set_deleted = move |on: bool| {
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match delete_exercise(id, on).await {
                Ok(()) => deleted.set(on),
                Err(e) => error.set(Some(e)),
            }
            let _ = busy.try_set(false);
        });
    };
    let facts = move || {
        let lang = locale.lang();
        let questions = M::Questions {
            count: i64::from(items),
        }
        .text(lang);
        let points = M::Points {
            points: hundredths(lang, i64::from(points.hundredths())),
        }
        .text(lang);
        let given = M::GivenTo {
            count: i64::from(assignments),
        }
        .text(lang);
        format!("{questions} · {points} · {given}")
    };
    let shown = title.clone();
    let marker = title.clone();
    view! {
        <li class="exercise" data-title=marker>
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
                        <a href=format!("/exercises/edit/{id}")>{title.clone()}</a>
                    </h3>
                    <p class="meta">{facts}</p>
                    <button type="button" class="danger small delete" prop:disabled=move || busy.get()
                        on:click=move |_| set_deleted(true)>{t(M::Delete)}</button>
                }.into_any()
            }}
            <ExerciseBanner error=error/>
        </li>
    }
}
