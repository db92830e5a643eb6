//! Writing a sequence: its title, language, discipline, level and licence, a presentation, its
//! steps (lessons, links, files uploaded for them, the author's exercises; added, moved,
//! removed with an undo); the
//! problems the server would refuse, listed as one types; then publishing it to the library and
//! giving it to a class or group.

use super::archive::ExportArchive;
use super::errors::problem_text;
use super::names;
use crate::api::exercises::ExerciseSummary;
use crate::api::exercises::authoring::my_exercises;
use crate::api::files::UploadAbout;
use crate::api::sequences::authoring::{
    create_sequence, get_sequence, publish_sequence, save_sequence,
};
use crate::api::sequences::{AuthoredSequence, GivenSequence, SequenceError, SequenceProblem};
use crate::components::area_error::{Described, when_loaded};
use crate::i18n::msg::Files as F;
use crate::i18n::msg::Sequences as M;
use crate::i18n::{Message, t, use_locale};
use crate::pages::exercises::editor::LANGUAGES;
use crate::pages::exercises::editor::assign::AssignForm;
use crate::pages::exercises::media::{Upload, browser, send, status_line};
use domain::exercise::LanguageTag;
use domain::file::FileUse;
use domain::ids::{ExerciseId, SchoolId, SequenceId};
use domain::lang::Lang;
use domain::sequence::{Discipline, Level, Licence, Sequence, Step, StepBody, StepId, StepKind};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

/// What the editor opens.
#[derive(Clone, Copy, PartialEq)]
pub enum Opened {
    New(SchoolId),
    Existing(SequenceId),
}

#[component]
pub fn Editor(opened: Opened) -> impl IntoView {
    let locale = use_locale();
    view! {
        <p class="back"><a href="/sequences">{t(M::Back)}</a></p>
        {match opened {
            Opened::New(school) => {
                let sequence = Sequence {
                    title: String::new(),
                    language: LanguageTag::from(locale.0.get_untracked()),
                    discipline: Discipline::Other,
                    level: Level::Sixieme,
                    licence: Licence::CcBySa,
                    summary: None,
                    steps: Vec::new(),
                    credits: Vec::new(),
                };
                view! {
                    <h1>{t(M::EditorNew)}</h1>
                    <Form school id=None sequence published=false/>
                }
                .into_any()
            }
            Opened::Existing(id) => {
                let loaded = LocalResource::new(move || get_sequence(id));
                view! {
                    <h1>{t(M::EditorEdit)}</h1>
                    {when_loaded(loaded, move |a: AuthoredSequence| view! {
                        <Form school=a.school id=Some(id) sequence=a.sequence published=a.published/>
                        <Giving school=a.school id given=a.given/>
                    })}
                }
                .into_any()
            }
        }}
    }
}

fn kind_name(kind: StepKind) -> M {
    match kind {
        StepKind::Lesson => M::KindLesson,
        StepKind::Link => M::KindLink,
        StepKind::Exercise => M::KindExercise,
        StepKind::File => M::KindFile,
    }
}

fn blank_lesson() -> StepBody {
    StepBody::Lesson {
        text: String::new(),
    }
}

fn blank_link() -> StepBody {
    StepBody::Link { url: String::new() }
}

/// Pointing to no exercise yet (id 0 exists nowhere): the server names it as a problem until
/// one is chosen. A file step has no blank: it is added once its file is stored.
fn blank_exercise() -> StepBody {
    StepBody::Exercise {
        exercise: ExerciseId::new(0),
    }
}

/// The file picked in `ev`, uploaded for a step of a sequence of `school`, handed to `done`
/// with the name it had on the device, without its extension (a first title for the step).
fn upload_resource(
    ev: leptos::ev::Event,
    school: SchoolId,
    state: RwSignal<Upload>,
    done: impl FnOnce(StepBody, String) + 'static,
) {
    spawn_local(async move {
        if let Some((bytes, name)) = browser::picked_file(&ev).await {
            let title = name
                .as_deref()
                .map(|n| n.rsplit_once('.').map_or(n, |(stem, _)| stem).to_owned())
                .unwrap_or_default();
            let about = UploadAbout {
                attempt: None,
                school,
                usage: FileUse::Resource,
                name,
            };
            send(state, about, bytes, move |uploaded| {
                let body = StepBody::File {
                    file: uploaded.id,
                    kind: uploaded.kind,
                };
                done(body, title);
            });
        }
    });
}

/// A step's position as the reader counts, from its id.
fn position(draft: RwSignal<Sequence>, id: StepId) -> i64 {
    draft.with_untracked(|s| {
        s.steps
            .iter()
            .position(|st| st.id == id)
            .map_or(0, |p| i64::try_from(p + 1).unwrap_or(i64::MAX))
    })
}

#[component]
fn Form(
    school: SchoolId,
    id: Option<SequenceId>,
    sequence: Sequence,
    published: bool,
) -> impl IntoView {
    let locale = use_locale();
    let navigate = use_navigate();
    let draft = RwSignal::new(sequence);
    // Bumped when steps are added, moved or removed: only then is the list drawn again, so a
    // field being typed in keeps its focus.
    let shape = RwSignal::new(0_u64);
    let removed = RwSignal::new(None::<(usize, Step)>);
    let saved = RwSignal::new(false);
    let error = RwSignal::new(None::<SequenceError>);
    let saving = RwSignal::new(false);
    let in_library = RwSignal::new(published);
    let exercises = LocalResource::new(move || my_exercises(school));

    let start = draft.get_untracked();
    let language = start.language.as_str().to_owned();
    let mut languages: Vec<(String, String)> = LANGUAGES
        .iter()
        .map(|(code, name)| ((*code).to_owned(), (*name).to_owned()))
        .collect();
    if !languages.iter().any(|(code, _)| *code == language) {
        languages.push((language.clone(), language.clone()));
    }

    let reshape = move || shape.update(|n| *n += 1);
    let edit = move |f: &dyn Fn(&mut Sequence)| {
        saved.set(false);
        draft.update(|s| f(s));
    };
    let add_step = move |body: StepBody, title: String| {
        draft.update(|s| {
            let id = s.next_step_id();
            s.steps.push(Step { id, title, body });
        });
        saved.set(false);
        reshape();
    };
    let add = move |body: StepBody| add_step(body, String::new());
    let file_upload = RwSignal::new(Upload::Idle);
    let add_file = move |ev: leptos::ev::Event| upload_resource(ev, school, file_upload, add_step);
    let move_step = move |from: usize, to: usize| {
        draft.update(|s| {
            if from < s.steps.len() && to < s.steps.len() {
                s.steps.swap(from, to);
            }
        });
        saved.set(false);
        reshape();
    };
    let remove = move |index: usize| {
        draft.update(|s| {
            if index < s.steps.len() {
                removed.set(Some((index, s.steps.remove(index))));
            }
        });
        saved.set(false);
        reshape();
    };
    let undo = move |_| {
        if let Some((index, step)) = removed.get_untracked() {
            draft.update(|s| {
                let at = index.min(s.steps.len());
                s.steps.insert(at, step);
            });
            removed.set(None);
            reshape();
        }
    };

    let problems = Memo::new(move |_| draft.with(Sequence::problems));
    let save = move |_| {
        let sequence = draft.get_untracked();
        let navigate = navigate.clone();
        saving.set(true);
        error.set(None);
        spawn_local(async move {
            match id {
                None => match create_sequence(school, sequence).await {
                    Ok(created) => {
                        navigate(&format!("/sequences/edit/{created}"), Default::default())
                    }
                    Err(e) => error.set(Some(e)),
                },
                Some(id) => match save_sequence(id, sequence).await {
                    Ok(()) => saved.set(true),
                    Err(e) => error.set(Some(e)),
                },
            }
            let _ = saving.try_set(false);
        });
    };
    let publish = move |on: bool| {
        let Some(id) = id else {
            return;
        };
        error.set(None);
        spawn_local(async move {
            match publish_sequence(id, on).await {
                Ok(()) => in_library.set(on),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    // Problems named with the step numbers the teacher sees.
    let said = move |lang: Lang, e: &SequenceError| match e {
        SequenceError::Area(p) => problem_text(lang, p, |s| position(draft, s)),
        other => other.describe(lang),
    };

    let steps = move || {
        shape.track();
        let count = draft.with_untracked(|s| s.steps.len());
        draft.with_untracked(|s| {
            s.steps
                .iter()
                .enumerate()
                .map(|(index, step)| {
                    view! { <StepForm draft school step=step.clone() index count exercises
                    on_move=move_step on_remove=remove edit/> }
                })
                .collect_view()
        })
    };

    view! {
        <section class="card sequence-form">
            <div class="field">
                <label for="sequence-title">{t(M::Title)}</label>
                <input id="sequence-title" type="text" maxlength="200" prop:value=start.title.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); edit(&|s| s.title = v.clone()); }/>
            </div>
            <div class="form-row">
                <div class="field">
                    <label for="sequence-language">{t(M::Language)}</label>
                    <select id="sequence-language" on:change=move |ev| {
                        if let Ok(tag) = event_target_value(&ev).parse::<LanguageTag>() {
                            edit(&|s| s.language = tag.clone());
                        }
                    }>
                        {languages.into_iter().map(|(code, name)| {
                            let selected = code == language;
                            view! { <option value=code selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="sequence-discipline">{t(M::Discipline)}</label>
                    <select id="sequence-discipline" on:change=move |ev| {
                        if let Ok(d) = event_target_value(&ev).parse::<Discipline>() {
                            edit(&|s| s.discipline = d);
                        }
                    }>
                        {Discipline::ALL.into_iter().map(|d| view! {
                            <option value=d.code() selected=d == start.discipline>{t(names::discipline(d))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="sequence-level">{t(M::Level)}</label>
                    <select id="sequence-level" on:change=move |ev| {
                        if let Ok(l) = event_target_value(&ev).parse::<Level>() {
                            edit(&|s| s.level = l);
                        }
                    }>
                        {Level::ALL.into_iter().map(|l| view! {
                            <option value=l.code() selected=l == start.level>{t(names::level(l))}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="field">
                <label for="sequence-licence">{t(M::Licence)}</label>
                <select id="sequence-licence" aria-describedby="licence-help" on:change=move |ev| {
                    if let Ok(l) = event_target_value(&ev).parse::<Licence>() {
                        edit(&|s| s.licence = l);
                    }
                }>
                    {Licence::ALL.into_iter().map(|l| view! {
                        <option value=l.code() selected=l == start.licence>{t(names::licence(l))}</option>
                    }).collect_view()}
                </select>
                <p class="help" id="licence-help">{t(M::LicenceHelp)}</p>
            </div>
            <div class="field">
                <label for="sequence-summary">{t(M::Summary)}</label>
                <textarea id="sequence-summary" rows="3" prop:value=start.summary.clone().unwrap_or_default()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit(&|s| s.summary = (!v.trim().is_empty()).then(|| v.clone()));
                    }></textarea>
            </div>
        </section>
        <section class="card sequence-steps" aria-labelledby="steps-heading">
            <h2 id="steps-heading">{t(M::StepList)}</h2>
            <ol class="step-forms">{steps}</ol>
            {move || removed.get().map(|(_, step)| {
                let title = step.title.clone();
                view! {
                    <p class="notice deleted" role="status">
                        {move || M::StepRemoved { title: title.clone() }.text(locale.lang())} " "
                        <button type="button" class="secondary small undo" on:click=undo>{t(M::Undo)}</button>
                    </p>
                }
            })}
            <div class="add-steps">
                <button type="button" class="secondary add-lesson" on:click=move |_| add(blank_lesson())>{t(M::AddLesson)}</button>
                <button type="button" class="secondary add-link" on:click=move |_| add(blank_link())>{t(M::AddLink)}</button>
                <button type="button" class="secondary add-exercise" on:click=move |_| add(blank_exercise())>{t(M::AddExercise)}</button>
            </div>
            <div class="field add-file">
                <label for="add-file">{t(M::AddFile)}</label>
                <input type="file" id="add-file" class="add-file"
                    accept="application/pdf,image/png,image/jpeg,image/gif,image/webp,audio/*" on:change=add_file/>
                <p class="help">{t(M::AddFileHelp)}</p>
            </div>
            {status_line(file_upload, F::NoMicrophone)}
        </section>
        <section class="card sequence-save">
            {move || {
                let found = problems.get();
                (!found.is_empty()).then(|| {
                    let text = problem_text(locale.lang(), &SequenceProblem::Problems(found), |s| position(draft, s));
                    view! { <p class="problems" role="status">{text}</p> }
                })
            }}
            <button type="button" class="primary save" prop:disabled=move || saving.get() on:click=save>
                {move || t(if saving.get() { M::Saving } else { M::Save })}
            </button>
            {move || saved.get().then(|| view! { <p class="success" role="status">{t(M::Saved)}</p> })}
            {move || error.get().map(|e| view! { <p class="error-banner" role="alert">{said(locale.lang(), &e)}</p> })}
            {id.map(|_| view! {
                <div class="publish">
                    {move || in_library.get().then(|| view! { <p class="notice">{t(M::IsPublished)}</p> })}
                    <button type="button" class="secondary publish-toggle"
                        on:click=move |_| publish(!in_library.get_untracked())>
                        {move || t(if in_library.get() { M::Unpublish } else { M::Publish })}
                    </button>
                </div>
            })}
            {id.map(|id| view! { <ExportArchive id/> })}
        </section>
    }
}

/// One step's fields.
#[component]
fn StepForm(
    school: SchoolId,
    draft: RwSignal<Sequence>,
    step: Step,
    index: usize,
    count: usize,
    exercises: LocalResource<Result<Vec<ExerciseSummary>, crate::api::exercises::ExerciseError>>,
    on_move: impl Fn(usize, usize) + Copy + Send + Sync + 'static,
    on_remove: impl Fn(usize) + Copy + Send + Sync + 'static,
    edit: impl Fn(&dyn Fn(&mut Sequence)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let locale = use_locale();
    let id = step.id;
    let with_step = move |f: &dyn Fn(&mut Step)| {
        edit(&|s| {
            if let Some(st) = s.steps.iter_mut().find(|st| st.id == id) {
                f(st);
            }
        });
    };
    let title_id = format!("step-{id}-title");
    let body_id = format!("step-{id}-body");
    let title_for = title_id.clone();
    let body_for = body_id.clone();
    let kind = step.body.kind();
    let heading = move || format!("{}. {}", index + 1, kind_name(kind).text(locale.lang()));
    let current_title = move || {
        draft.with(|s| {
            s.steps
                .iter()
                .find(|st| st.id == id)
                .map(|st| st.title.clone())
                .unwrap_or_default()
        })
    };
    let up_label = move || {
        M::MoveUp {
            title: current_title(),
        }
        .text(locale.lang())
    };
    let down_label = move || {
        M::MoveDown {
            title: current_title(),
        }
        .text(locale.lang())
    };
    let remove_label = move || {
        M::RemoveStep {
            title: current_title(),
        }
        .text(locale.lang())
    };
    let body = match step.body.clone() {
        StepBody::Lesson { text } => view! {
            <label for=body_for>{t(M::LessonText)}</label>
            <textarea id=body_id class="lesson-text" rows="6" prop:value=text on:input=move |ev| {
                let v = event_target_value(&ev);
                with_step(&|st| st.body = StepBody::Lesson { text: v.clone() });
            }></textarea>
        }
        .into_any(),
        StepBody::Link { url } => view! {
            <label for=body_for>{t(M::LinkUrl)}</label>
            <input id=body_id class="link-url" type="url" inputmode="url" prop:value=url on:input=move |ev| {
                let v = event_target_value(&ev);
                with_step(&|st| st.body = StepBody::Link { url: v.trim().to_owned() });
            }/>
        }
        .into_any(),
        StepBody::File { file, kind } => {
            let state = RwSignal::new(Upload::Idle);
            let replace = move |ev: leptos::ev::Event| {
                upload_resource(ev, school, state, move |body, _| with_step(&|st| st.body = body.clone()));
            };
            view! {
                {super::journey::resource(&file, kind, &step.title)}
                <label for=body_for>{t(M::ReplaceFile)}</label>
                <input id=body_id type="file" class="replace-file"
                    accept="application/pdf,image/png,image/jpeg,image/gif,image/webp,audio/*" on:change=replace/>
                {status_line(state, F::NoMicrophone)}
            }
            .into_any()
        }
        StepBody::Exercise { exercise } => view! {
            <label for=body_for>{t(M::ExerciseChoice)}</label>
            <select id=body_id class="exercise-choice" on:change=move |ev| {
                if let Ok(raw) = event_target_value(&ev).parse::<i64>() {
                    with_step(&|st| st.body = StepBody::Exercise { exercise: ExerciseId::new(raw) });
                }
            }>
                <option value="0">{t(M::Choose)}</option>
                {move || exercises.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|e| {
                    let selected = e.id == exercise;
                    view! { <option value=e.id.to_string() selected=selected>{e.title}</option> }
                }).collect_view()}
            </select>
            {move || exercises.get().and_then(Result::ok).is_some_and(|l| l.is_empty())
                .then(|| view! { <p class="help">{t(M::NoExercise)}</p> })}
        }
        .into_any(),
    };
    view! {
        <li class="step-form" data-kind=kind.code()>
            <h3>{heading}</h3>
            <div class="field">
                <label for=title_for>{t(M::StepTitle)}</label>
                <input id=title_id class="step-title" type="text" maxlength="200" prop:value=step.title.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); with_step(&|st| st.title = v.clone()); }/>
            </div>
            <div class="field">{body}</div>
            <div class="step-actions">
                <button type="button" class="secondary small up" prop:disabled=index == 0
                    aria-label=up_label
                    on:click=move |_| on_move(index, index - 1)>"↑"</button>
                <button type="button" class="secondary small down" prop:disabled={index + 1 >= count}
                    aria-label=down_label
                    on:click=move |_| on_move(index, index + 1)>"↓"</button>
                <button type="button" class="danger small remove"
                    aria-label=remove_label
                    on:click=move |_| on_remove(index)>"✕"</button>
            </div>
        </li>
    }
}

/// Giving the saved sequence to a group, and the groups it was given to.
#[component]
fn Giving(school: SchoolId, id: SequenceId, given: Vec<GivenSequence>) -> impl IntoView {
    let locale = use_locale();
    let give = move |group, rules| async move {
        crate::api::sequences::assigning::assign_sequence(id, group, rules)
            .await
            .map(|_| ())
    };
    view! {
        <AssignForm school give/>
        {(!given.is_empty()).then(|| view! {
            <section class="card given" aria-labelledby="given-title">
                <h2 id="given-title">{t(M::Given)}</h2>
                <ul>
                    {given.into_iter().map(|g| {
                        let due = move || match g.rules.due {
                            Some(due) => M::Due { due }.text(locale.lang()),
                            None => M::NoDue.text(locale.lang()),
                        };
                        view! {
                            <li>
                                <strong>{g.group.clone()}</strong> " · " {due} " · "
                                <a href=format!("/sequences/results/{}", g.assignment)>{t(M::Follow)}</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
