//! Recordings and pictures sent from the browser, for the teacher's editor and the pupil's
//! spoken answers alike: where an upload stands and what to say about it, and what only a
//! browser can do (read a picked file, record from the microphone).

use crate::api::area_error::AreaError;
use crate::api::files::{FileError, FileUpload, UploadAbout, Uploaded, upload_file};
use crate::i18n::msg::Files as F;
use crate::i18n::{Message, describe_error, use_locale};
use crate::pages::file_problems::file_problem_text;
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

/// What went wrong, `microphone` saying what to do when recording is not possible (a teacher
/// may pick a file instead, a pupil may not).
pub(crate) fn describe(lang: Lang, failure: &Failure, microphone: &F) -> String {
    match failure {
        Failure::NoMicrophone => microphone.text(lang),
        Failure::Refused(AreaError::App(e)) => describe_error(lang, e),
        Failure::Refused(AreaError::Area(problem)) => file_problem_text(lang, problem),
    }
}

pub(crate) fn status_line(state: RwSignal<Upload>, microphone: F) -> impl IntoView {
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
                Some(view! { <p class="field-error" role="alert">{describe(lang, &failure, &microphone)}</p> }.into_any())
            }
        }
    }
}

/// Starts `recorder`, saying so in `state`, or that recording is not possible (no microphone,
/// or its use refused).
pub(crate) fn start_recording(recorder: browser::Recorder, state: RwSignal<Upload>) {
    spawn_local(async move {
        match recorder.start().await {
            Ok(()) => state.set(Upload::Recording),
            Err(()) => state.set(Upload::Failed(Failure::NoMicrophone)),
        }
    });
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

    /// A recording from the microphone, started and stopped by whoever records. Its browser
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
