//! Importing a file of questions (`/exercises/import/:school`): the teacher picks a file and
//! its format (or lets it be detected), reads what each question becomes before anything is
//! written, then creates the exercise of every question taken, which opens in the editor.

use super::editor::type_name;
use super::exchange_text::{describe, file_note, format_name, megabytes, note, reason};
use crate::api::exercises::ExerciseError;
use crate::api::exercises::exchange::{MAX_IMPORT_BYTES, Upload, import_exercise, preview_import};
use crate::i18n::msg::Exercises as E;
use crate::i18n::msg::ExercisesImport as M;
use crate::i18n::{Message, t, use_locale};
use domain::exercise::LanguageTag;
use domain::exercise::exchange::{Format, ItemReport, Outcome, Report};
use domain::ids::SchoolId;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

/// What went wrong before the server answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
// Files are read only in the browser.
#[cfg_attr(not(feature = "csr"), allow(dead_code))]
enum Local {
    NoFile,
    TooLarge { bytes: usize },
    Unreadable,
}

#[derive(Clone, Debug, PartialEq)]
enum Failure {
    Local(Local),
    Server(ExerciseError),
}

#[component]
pub fn Import(school: SchoolId) -> impl IntoView {
    let locale = use_locale();
    let navigate = use_navigate();
    let format = RwSignal::new(None::<Format>);
    let upload = RwSignal::new(None::<Upload>);
    let report = RwSignal::new(None::<Report>);
    let failure = RwSignal::new(None::<Failure>);
    let busy = RwSignal::new(false);

    let read = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        report.set(None);
        failure.set(None);
        upload.set(None);
        busy.set(true);
        let language = LanguageTag::from(locale.0.get_untracked());
        let chosen = format.get_untracked();
        read_file("import-file", move |read| match read {
            Err(local) => {
                failure.set(Some(Failure::Local(local)));
                busy.set(false);
            }
            Ok((name, content)) => {
                let file = Upload {
                    name,
                    format: chosen,
                    language,
                    content,
                };
                spawn_local(async move {
                    match preview_import(school, file.clone()).await {
                        Ok(r) => {
                            report.set(Some(r));
                            upload.set(Some(file));
                        }
                        Err(e) => failure.set(Some(Failure::Server(e))),
                    }
                    let _ = busy.try_set(false);
                });
            }
        });
    };

    let create = move |_| {
        let Some(file) = upload.get_untracked() else {
            return;
        };
        let navigate = navigate.clone();
        busy.set(true);
        failure.set(None);
        spawn_local(async move {
            match import_exercise(school, file).await {
                Ok(id) => navigate(&format!("/exercises/edit/{id}"), Default::default()),
                Err(e) => failure.set(Some(Failure::Server(e))),
            }
            let _ = busy.try_set(false);
        });
    };

    view! {
        <p class="back"><a href="/exercises">{t(E::Back)}</a></p>
        <h1>{t(M::Title)}</h1>
        <section class="card import">
            <p>{t(M::Explain)}</p>
            <form on:submit=read>
                <div class="field">
                    <label for="import-file">{t(M::File)}</label>
                    <input type="file" id="import-file" required
                        accept=".txt,.gift,.xml,text/plain,application/xml,text/xml"
                        on:change=move |_| { report.set(None); upload.set(None); failure.set(None); }/>
                </div>
                <div class="field">
                    <label for="import-format">{t(M::Format)}</label>
                    <select id="import-format" on:change=move |ev| {
                        format.set(event_target_value(&ev).parse::<Format>().ok());
                        report.set(None);
                        upload.set(None);
                    }>
                        <option value="">{t(M::FormatAuto)}</option>
                        {Format::ALL.iter().map(|f| view! {
                            <option value=f.code()>{t(format_name(*f))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="primary" prop:disabled=move || busy.get()>{t(M::Read)}</button>
            </form>
            {move || busy.get().then(|| view! { <p aria-busy="true">{t(M::Reading)}</p> })}
            {move || failure.get().map(|f| {
                let lang = locale.lang();
                let text = match f {
                    Failure::Local(Local::NoFile) => M::ChooseFile.text(lang),
                    Failure::Local(Local::Unreadable) => M::UnreadableFile.text(lang),
                    Failure::Local(Local::TooLarge { bytes }) => M::TooLarge {
                        size: megabytes(lang, bytes),
                        max: megabytes(lang, MAX_IMPORT_BYTES),
                    }.text(lang),
                    Failure::Server(e) => describe(lang, &e),
                };
                view! { <p class="error-banner" role="alert">{text}</p> }
            })}
        </section>
        {move || {
            let create = create.clone();
            report.get().map(move |r| view! { <ReportView report=r busy create/> })
        }}
    }
}

/// The report: per question what it becomes, the file's notes, and the button that creates the
/// exercise when at least one question is taken.
#[component]
fn ReportView(
    report: Report,
    busy: RwSignal<bool>,
    create: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let locale = use_locale();
    let taken = i64::try_from(report.taken()).unwrap_or(i64::MAX);
    let refused = i64::try_from(report.refused()).unwrap_or(i64::MAX);
    let format = report.format;
    let notes = report.notes.clone();
    view! {
        <section class="card import-report" aria-labelledby="import-report-title">
            <h2 id="import-report-title">{t(M::Report)}</h2>
            <p>{move || M::ReadAs { format: format_name(format).text(locale.lang()) }.text(locale.lang())}</p>
            <p class="import-summary" role="status">
                <strong>{t(M::Summary { taken, refused })}</strong> " " {t(M::NothingWritten)}
            </p>
            {(!notes.is_empty()).then(|| view! {
                <ul class="import-file-notes">
                    {notes.into_iter().map(|n| view! { <li>{move || file_note(locale.lang(), &n)}</li> }).collect_view()}
                </ul>
            })}
            <div class="table-scroll">
                <table class="import-table">
                    <thead><tr>
                        <th scope="col">{t(M::Position)}</th>
                        <th scope="col">{t(M::Line)}</th>
                        <th scope="col">{t(M::Name)}</th>
                        <th scope="col">{t(M::Outcome)}</th>
                        <th scope="col">{t(M::Notes)}</th>
                    </tr></thead>
                    <tbody>
                        {report.items.into_iter().map(|item| view! { <ItemRow item/> }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(taken > 0).then(|| view! {
                <button type="button" class="primary import-create" prop:disabled=move || busy.get() on:click=create>
                    {t(M::Create { count: taken })}
                </button>
            })}
        </section>
    }
}

#[component]
fn ItemRow(item: ItemReport) -> impl IntoView {
    let locale = use_locale();
    let ItemReport {
        position,
        line,
        name,
        outcome,
        notes,
    } = item;
    let class = match outcome {
        Outcome::Taken { .. } => "taken",
        Outcome::Statement => "statement",
        Outcome::Refused { .. } => "refused",
    };
    view! {
        <tr class=class>
            <td class="number">{position}</td>
            <td class="number">{line}</td>
            <td>{name}</td>
            <td>{move || {
                let lang = locale.lang();
                match &outcome {
                    Outcome::Taken { item_type, .. } => M::Taken { kind: type_name(*item_type).text(lang) }.text(lang),
                    Outcome::Statement => M::Statement.text(lang),
                    Outcome::Refused { reason: why } => M::Refused { reason: reason(lang, why) }.text(lang),
                }
            }}</td>
            <td>{move || {
                let lang = locale.lang();
                notes.iter().map(|n| note(lang, n)).collect::<Vec<_>>().join(" ")
            }}</td>
        </tr>
    }
}

/// Reads the file chosen in the input `input_id` as base64, checking its size first; `done` is
/// called once, with the file's name and content or why not.
#[cfg(feature = "csr")]
fn read_file(input_id: &str, done: impl FnOnce(Result<(String, String), Local>) + 'static) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let file = document()
        .get_element_by_id(input_id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0));
    let Some(file) = file else {
        return done(Err(Local::NoFile));
    };
    // A size past what any platform allows is still a whole number of bytes.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let bytes = file.size() as usize;
    if bytes > MAX_IMPORT_BYTES {
        return done(Err(Local::TooLarge { bytes }));
    }
    let Ok(reader) = web_sys::FileReader::new() else {
        return done(Err(Local::Unreadable));
    };
    let name = file.name();
    // Whichever of load and error comes first answers; the other finds `done` taken.
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let on_error = {
        let done = done.clone();
        Closure::once_into_js(move || {
            if let Some(done) = done.borrow_mut().take() {
                done(Err(Local::Unreadable));
            }
        })
    };
    let on_load = {
        let reader = reader.clone();
        let done = done.clone();
        Closure::once_into_js(move || {
            let url = reader.result().ok().and_then(|r| r.as_string());
            // `data:<type>;base64,<content>`: the content is what follows the first comma.
            let content = url
                .as_deref()
                .and_then(|u| u.split_once(','))
                .map(|(_, content)| content.to_owned());
            if let Some(done) = done.borrow_mut().take() {
                done(content.map(|c| (name, c)).ok_or(Local::Unreadable));
            }
        })
    };
    reader.set_onload(Some(on_load.unchecked_ref()));
    reader.set_onerror(Some(on_error.unchecked_ref()));
    if reader.read_as_data_url(&file).is_err()
        && let Some(done) = done.borrow_mut().take()
    {
        done(Err(Local::Unreadable));
    }
}

#[cfg(not(feature = "csr"))]
fn read_file(_: &str, done: impl FnOnce(Result<(String, String), Local>) + 'static) {
    done(Err(Local::Unreadable));
}
