//! Files in an exercise being written: a dictation's recording (a file picked, or recorded
//! here with the microphone) and pictures inserted into the statement. Each is uploaded at once
//! (`files/upload`, checked by the server) and named in the exercise by its id, so saving the
//! exercise sends no file. The sequences' editor uploads its steps' files with the same
//! pieces (`send`, `status_line`, `browser::picked_file`).

use super::kinds::Edit;
use crate::api::files::{UploadAbout, Uploaded};
use crate::i18n::msg::Files as F;
use crate::i18n::t;
use crate::pages::exercises::media::{
    Failure, Upload, browser, send, start_recording, status_line,
};
use domain::exercise::{FileRef, ItemKind};
use domain::file::{FileId, FileUse, URL_PREFIX};
use domain::ids::SchoolId;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The recording of a dictation: heard back, replaced by a file or by the microphone.
pub fn recording_field(edit: Edit, school: SchoolId, audio: Option<FileRef>) -> AnyView {
    let current = RwSignal::new(audio.and_then(|file| file.as_str().parse::<FileId>().ok()));
    let state = RwSignal::new(Upload::Idle);
    let recorder = browser::Recorder::new();
    let input_id = format!("field-{}-audio-file", edit.index);
    let keep = move |uploaded: Uploaded| {
        let reference: Option<FileRef> = uploaded.id.as_str().parse().ok();
        edit.item(|item| {
            if let ItemKind::Dictation(dictation) = &mut item.kind {
                dictation.audio = reference;
            }
        });
        current.set(Some(uploaded.id));
    };
    let picked = move |ev: leptos::ev::Event| {
        spawn_local(async move {
            if let Some((bytes, name)) = browser::picked_file(&ev).await {
                let about = UploadAbout {
                    school,
                    usage: FileUse::Audio,
                    name,
                    attempt: None,
                };
                send(state, about, bytes, keep);
            }
        });
    };
    let record = move |_| start_recording(recorder, state);
    let stop = move |_| {
        spawn_local(async move {
            match recorder.stop().await {
                Some(bytes) => {
                    let about = UploadAbout {
                        school,
                        usage: FileUse::Audio,
                        name: None,
                        attempt: None,
                    };
                    send(state, about, bytes, keep);
                }
                None => state.set(Upload::Failed(Failure::NoMicrophone)),
            }
        });
    };
    view! {
        <fieldset class="field recording">
            <legend>{t(F::Recording)}</legend>
            {move || match current.get() {
                Some(file) => view! {
                    <audio class="recording-player" controls preload="auto" src=format!("{URL_PREFIX}{file}")></audio>
                }.into_any(),
                None => view! { <p class="hint">{t(F::NoRecording)}</p> }.into_any(),
            }}
            <div class="field">
                <label for=input_id.clone()>{t(F::ChooseAudio)}</label>
                <input type="file" class="audio-file" id=input_id
                    accept="audio/ogg,audio/opus,audio/webm,audio/mpeg,audio/mp4,audio/x-m4a,audio/wav,audio/x-wav"
                    on:change=picked/>
            </div>
            <div class="button-row">
                {move || if state.get() == Upload::Recording {
                    view! { <button type="button" class="danger small stop-recording" on:click=stop>{t(F::Stop)}</button> }.into_any()
                } else {
                    view! { <button type="button" class="secondary small record" on:click=record>{t(F::Record)}</button> }.into_any()
                }}
            </div>
            {status_line(state, F::NoMicrophone)}
        </fieldset>
    }
    .into_any()
}

/// A button that uploads a picture and hands its Markdown to `insert`.
pub fn picture_button(school: SchoolId, insert: impl Fn(String) + Clone + 'static) -> AnyView {
    let state = RwSignal::new(Upload::Idle);
    let picked = move |ev: leptos::ev::Event| {
        let insert = insert.clone();
        spawn_local(async move {
            if let Some((bytes, name)) = browser::picked_file(&ev).await {
                let alt = name
                    .as_deref()
                    .map(|n| n.rsplit_once('.').map_or(n, |(stem, _)| stem))
                    .unwrap_or_default()
                    .replace(['[', ']', '\\'], " ");
                let about = UploadAbout {
                    school,
                    usage: FileUse::Image,
                    name,
                    attempt: None,
                };
                send(state, about, bytes, move |uploaded| {
                    insert(format!("![{alt}]({})", uploaded.url()));
                });
            }
        });
    };
    view! {
        <div class="field picture">
            <label for="statement-picture">{t(F::InsertPicture)}</label>
            <input type="file" class="picture-file" id="statement-picture"
                accept="image/png,image/jpeg,image/gif,image/webp" on:change=picked/>
        </div>
        {status_line(state, F::NoMicrophone)}
    }
    .into_any()
}
