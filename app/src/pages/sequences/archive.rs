//! A sequence as an open archive (`api::sequences::archive`): its author exports it from the
//! editor and downloads the zip at the address the server answers; a teacher picks a zip on
//! their list of a school, which is uploaded, imported, and opened in the editor.

use crate::api::area_error::AreaError;
use crate::api::files::{FileUpload, UploadAbout, upload_file};
use crate::api::sequences::SequenceError;
use crate::api::sequences::archive::{export_sequence, import_sequence};
use crate::components::area_error::{Described, area_banner};
use crate::i18n::msg::Sequences as M;
use crate::i18n::{t, use_locale};
use crate::pages::file_problems::file_problem_text;
use crate::pages::picked_file::picked_file;
use domain::file::FileUse;
use domain::ids::{SchoolId, SequenceId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

/// The author's export: a button, then the link that downloads the archive made.
#[component]
pub fn ExportArchive(id: SequenceId) -> impl IntoView {
    let busy = RwSignal::new(false);
    let ready = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<SequenceError>);
    let export = move |_| {
        busy.set(true);
        ready.set(None);
        error.set(None);
        spawn_local(async move {
            match export_sequence(id).await {
                Ok(made) => ready.set(Some(made.url())),
                Err(e) => error.set(Some(e)),
            }
            let _ = busy.try_set(false);
        });
    };
    view! {
        <div class="archive-export">
            <button type="button" class="secondary export-archive" prop:disabled=move || busy.get()
                on:click=export>
                {move || t(if busy.get() { M::Exporting } else { M::Export })}
            </button>
            {move || ready.get().map(|href| view! {
                <a class="button secondary archive-download" href=href download="scola-sequence.zip">
                    {t(M::ExportReady)}
                </a>
            })}
            {area_banner(error)}
        </div>
    }
}

/// Why an import did not happen: the upload's refusal (not a zip, too big) or the archive's.
#[derive(Clone, Debug, PartialEq)]
enum Failed {
    Upload(crate::api::files::FileError),
    Import(SequenceError),
}

/// Importing an archive into the teacher's sequences of `school`.
#[component]
pub fn ImportArchive(school: SchoolId) -> impl IntoView {
    let locale = use_locale();
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<Failed>);
    let navigate = use_navigate();
    let input_id = format!("import-archive-{school}");
    let picked = move |ev: leptos::ev::Event| {
        let navigate = navigate.clone();
        spawn_local(async move {
            let Some((bytes, name)) = picked_file(&ev).await else {
                return;
            };
            busy.set(true);
            failed.set(None);
            let about = UploadAbout {
                attempt: None,
                school,
                usage: FileUse::Archive,
                name,
            };
            match upload_file(FileUpload::new(about, bytes)).await {
                Err(e) => failed.set(Some(Failed::Upload(e))),
                Ok(uploaded) => match import_sequence(school, uploaded.id).await {
                    Ok(id) => {
                        busy.set(false);
                        // Leaving the list disposes this control: not from inside its own task.
                        request_animation_frame(move || {
                            navigate(&format!("/sequences/edit/{id}"), Default::default());
                        });
                        return;
                    }
                    Err(e) => failed.set(Some(Failed::Import(e))),
                },
            }
            let _ = busy.try_set(false);
        });
    };
    let said = move || {
        let lang = locale.lang();
        failed.get().map(|f| {
            let text = match f {
                Failed::Upload(AreaError::Area(problem)) => file_problem_text(lang, &problem),
                Failed::Upload(AreaError::App(e)) => crate::i18n::describe_error(lang, &e),
                Failed::Import(e) => e.describe(lang),
            };
            view! { <p class="error-banner import-error" role="alert">{text}</p> }
        })
    };
    view! {
        <div class="archive-import">
            <label for=input_id.clone()>{t(M::Import)}</label>
            <input type="file" class="archive-file" id=input_id
                accept=".zip,application/zip" prop:disabled=move || busy.get() on:change=picked/>
            {move || busy.get().then(|| view! {
                <p class="notice" role="status" aria-busy="true">{t(M::Importing)}</p>
            })}
            {said}
        </div>
    }
}
