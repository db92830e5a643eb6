//! A spoken answer to a free-text item: the pupil records it (start, stop), listens back,
//! records again or deletes it. Each recording is uploaded as soon as it stops (`files/upload`,
//! for this attempt, checked by the server) and named in the answer by its id, so that it is
//! kept in the draft, saved and handed in like any other answer. Every control is a button:
//! keyboard and touch alike.

use super::media::{Failure, Upload, browser, send, start_recording, status_line};
use crate::api::files::UploadAbout;
use crate::i18n::msg::Files as F;
use crate::i18n::t;
use domain::exercise::FileRef;
use domain::file::{FileId, FileUse, URL_PREFIX};
use domain::ids::{AttemptId, SchoolId};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where a pupil's recordings go: the attempt they answer in, and its school.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnswerPlace {
    pub attempt: AttemptId,
    pub school: SchoolId,
}

/// The recorder of one item. `place` is `None` in the teacher's preview, where nothing is
/// recorded; `keep` is handed each new recording, or `None` when the pupil deletes it.
pub fn recorder(
    item: &str,
    recording: Option<FileRef>,
    place: Option<AnswerPlace>,
    locked: impl Fn() -> bool + Copy + Send + Sync + 'static,
    keep: impl Fn(Option<FileRef>) + Copy + Send + Sync + 'static,
) -> AnyView {
    let current = RwSignal::new(recording.and_then(|file| file.as_str().parse::<FileId>().ok()));
    let state = RwSignal::new(Upload::Idle);
    let recorder = browser::Recorder::new();
    let cannot = move || place.is_none() || state.get() == Upload::Sending;
    let record = move |_| start_recording(recorder, state);
    let stop = move |_| {
        spawn_local(async move {
            let (Some(bytes), Some(place)) = (recorder.stop().await, place) else {
                state.set(Upload::Failed(Failure::NoMicrophone));
                return;
            };
            let about = UploadAbout {
                school: place.school,
                usage: FileUse::AnswerAudio,
                name: None,
                attempt: Some(place.attempt),
            };
            send(state, about, bytes, move |uploaded| {
                keep(uploaded.id.as_str().parse().ok());
                current.set(Some(uploaded.id));
            });
        });
    };
    let delete = move |_| {
        keep(None);
        current.set(None);
        state.set(Upload::Idle);
    };
    view! {
        <fieldset class="spoken-answer" data-item=item.to_owned()>
            <legend>{t(F::AnswerRecording)}</legend>
            {move || match current.get() {
                Some(file) => view! {
                    <audio class="answer-audio" controls preload="auto" src=format!("{URL_PREFIX}{file}")></audio>
                }.into_any(),
                None => view! { <p class="hint">{t(F::AnswerNone)}</p> }.into_any(),
            }}
            // Handed in: heard, no longer changed.
            {move || (!locked()).then(|| view! { <div class="button-row">
                {move || if state.get() == Upload::Recording {
                    view! {
                        <button type="button" class="danger small stop-recording" on:click=stop>
                            {t(F::AnswerStop)}
                        </button>
                    }.into_any()
                } else {
                    let again = current.with(Option::is_some);
                    view! {
                        <button type="button" class="secondary small record-answer"
                            prop:disabled=cannot on:click=record>
                            {if again { t(F::AnswerRecordAgain) } else { t(F::AnswerRecord) }}
                        </button>
                        {again.then(|| view! {
                            <button type="button" class="secondary small delete-recording"
                                prop:disabled=cannot on:click=delete>
                                {t(F::AnswerDelete)}
                            </button>
                        })}
                    }.into_any()
                }}
            </div> })}
            {status_line(state, F::AnswerNoMicrophone)}
        </fieldset>
    }
    .into_any()
}
