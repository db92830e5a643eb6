//! Files in an exercise being written: a dictation's recording (a file picked, or recorded
//! here with the microphone) and pictures inserted into the statement. Each is uploaded at once
//! (`files/upload`, checked by the server) and named in the exercise by its id, so saving the
//! exercise sends no file. The sequences' editor uploads its steps' files with the same
//! pieces (`send`, `status_line`, `browser::picked_file`).

use super::kinds::Edit;
use crate::api::area_error::AreaError;
use crate::api::files::{FileError, FileUpload, UploadAbout, Uploaded, upload_file};
use crate::i18n::msg::Files as F;
use crate::i18n::{Message, describe_error, t, use_locale};
use crate::pages::file_problems::file_problem_text;
use domain::exercise::{FileRef, ItemKind};
use domain::file::{FileId, FileUse, URL_PREFIX};
use domain::ids::SchoolId;
use domain::lang::Lang;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where an upload stands, for the line under its buttons.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Upload {
    Idle,
    Recording,
    Sending,
    Done,
    Failed(Failure),
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Failure {
    Refused(FileError),
    NoMicrophone,
}

fn describe(lang: Lang, failure: &Failure) -> String {
    match failure {
        Failure::NoMicrophone => F::NoMicrophone.text(lang),
        Failure::Refused(AreaError::App(e)) => describe_error(lang, e),
        Failure::Refused(AreaError::Area(problem)) => file_problem_text(lang, problem),
    }
}

pub(crate) fn status_line(state: RwSignal<Upload>) -> impl IntoView {
    let locale = use_locale();
    move || {
        let lang = locale.lang();
        match state.get() {
            Upload::Idle => None,
            Upload::Recording => {
                Some(view! { <p class="notice" role="status">{F::RecordingNow.text(lang)}</p> }.into_any())
            }
            Upload::Sending => {
                Some(view! { <p class="notice" role="status" aria-busy="true">{F::Uploading.text(lang)}</p> }.into_any())
            }
            Upload::Done => {
                Some(view! { <p class="success" role="status">{F::Uploaded.text(lang)}</p> }.into_any())
            }
            Upload::Failed(failure) => {
                Some(view! { <p class="field-error" role="alert">{describe(lang, &failure)}</p> }.into_any())
            }
        }
    }
}

/// Sends `bytes` and, once stored, hands the file to `done`.
pub(crate) fn send(
    state: RwSignal<Upload>,
    about: UploadAbout,
    bytes: Vec<u8>,
    done: impl FnOnce(Uploaded) + 'static,
) {
    state.set(Upload::Sending);
    spawn_local(async move {
        match upload_file(FileUpload::new(about, bytes)).await {
            Ok(uploaded) => {
                done(uploaded);
                let _ = state.try_set(Upload::Done);
            }
            Err(e) => {
                let _ = state.try_set(Upload::Failed(Failure::Refused(e)));
            }
        }
    });
}

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
                };
                send(state, about, bytes, keep);
            }
        });
    };
    let record = move |_| {
        spawn_local(async move {
            match recorder.start().await {
                Ok(()) => state.set(Upload::Recording),
                Err(()) => state.set(Upload::Failed(Failure::NoMicrophone)),
            }
        });
    };
    let stop = move |_| {
        spawn_local(async move {
            match recorder.stop().await {
                Some(bytes) => {
                    let about = UploadAbout {
                        school,
                        usage: FileUse::Audio,
                        name: None,
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
            {status_line(state)}
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
        {status_line(state)}
    }
    .into_any()
}

/// What only a browser can do: read a picked file (`pages::picked_file`), record from the
/// microphone, through the same `Reflect` calls (the recorder's constructor aside: see there
/// why).
#[cfg(feature = "csr")]
pub(crate) mod browser {
    use futures::channel::oneshot;
    use js_sys::Reflect;
    use leptos::prelude::{LocalStorage, SetValue, StoredValue, UpdateValue};
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    pub use crate::pages::picked_file::picked_file;
    use crate::pages::picked_file::{bytes, call, get, wait};

    /// A recording from the microphone, started and stopped by the teacher. Its browser
    /// objects stay in the page's thread (`LocalStorage`), which leaves the handle `Copy`.
    #[derive(Clone, Copy)]
    pub struct Recorder(StoredValue<Option<Running>, LocalStorage>);

    struct Running {
        recorder: web_sys::MediaRecorder,
        stream: JsValue,
        chunks: Rc<RefCell<Vec<JsValue>>>,
        _on_data: Closure<dyn FnMut(JsValue)>,
    }

    impl Recorder {
        pub fn new() -> Recorder {
            Recorder(StoredValue::new_local(None))
        }

        pub async fn start(&self) -> Result<(), ()> {
            let window: JsValue = web_sys::window().ok_or(())?.into();
            let devices = get(&get(&window, "navigator").ok_or(())?, "mediaDevices").ok_or(())?;
            // `Object()` called as a function is a new empty object.
            let constraints = call(&window, "Object", None).ok_or(())?;
            Reflect::set(&constraints, &"audio".into(), &JsValue::TRUE).map_err(|_| ())?;
            let stream = wait(&devices, "getUserMedia", Some(&constraints))
                .await
                .ok_or(())?;
            let recorder = web_sys::MediaRecorder::new_with_media_stream(stream.unchecked_ref())
                .map_err(|_| ())?;
            let chunks = Rc::new(RefCell::new(Vec::new()));
            let into = chunks.clone();
            let on_data = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
                if let Some(blob) = get(&ev, "data") {
                    into.borrow_mut().push(blob);
                }
            });
            Reflect::set(&recorder, &"ondataavailable".into(), on_data.as_ref()).map_err(|_| ())?;
            call(&recorder, "start", None).ok_or(())?;
            self.0.set_value(Some(Running {
                recorder,
                stream,
                chunks,
                _on_data: on_data,
            }));
            Ok(())
        }

        /// Stops, and answers what was recorded: the parts' bytes, one after the other.
        pub async fn stop(&self) -> Option<Vec<u8>> {
            let running = self.0.try_update_value(Option::take).flatten()?;
            let (sender, stopped) = oneshot::channel::<()>();
            let on_stop = Closure::once_into_js(move || {
                let _ = sender.send(());
            });
            Reflect::set(&running.recorder, &"onstop".into(), &on_stop).ok()?;
            call(&running.recorder, "stop", None)?;
            stopped.await.ok()?;
            if let Some(tracks) = call(&running.stream, "getTracks", None) {
                let count = get(&tracks, "length")
                    .and_then(|n| n.as_f64())
                    .unwrap_or(0.0);
                for n in 0..count as u32 {
                    if let Some(track) = get(&tracks, n) {
                        call(&track, "stop", None);
                    }
                }
            }
            let mut whole = Vec::new();
            let chunks: Vec<JsValue> = running.chunks.borrow().clone();
            for chunk in chunks {
                whole.extend(bytes(&chunk).await?);
            }
            Some(whole)
        }
    }
}

/// The server build compiles the views but never runs them.
#[cfg(not(feature = "csr"))]
pub(crate) mod browser {
    pub use crate::pages::picked_file::picked_file;

    #[derive(Clone, Copy)]
    pub struct Recorder;

    impl Recorder {
        pub fn new() -> Recorder {
            Recorder
        }

        pub async fn start(&self) -> Result<(), ()> {
            Err(())
        }

        pub async fn stop(&self) -> Option<Vec<u8>> {
            None
        }
    }
}
