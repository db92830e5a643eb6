//! A pupil's work on one homework. The pupil writes a text and adds files (a photo of a page, a
//! PDF, a recording), kept as they go on this device at once and on the server after a pause
//! (the draft), then hands it in; a parent and the teacher read it, and what the teacher gave
//! back (a comment, a mark).
//!
//! The draft on this device is removed once the server holds that very text and those files,
//! so a draft found on opening is newer than the server's and wins (as exercises' drafts do).

use super::shown::{HomeworkText, Markdown, StatusBadge};
use crate::api::area_error::AreaError;
use crate::api::files::{
    FileError, FileUpload, Part, UploadAbout, Uploaded, upload_part, upload_start, upload_status,
};
use crate::api::homework::work::{hand_in, save_draft, tick, work};
use crate::api::homework::{HomeworkError, MyWork};
use crate::components::area_error::{area_banner, when_loaded};
use crate::device;
use crate::error::AppError;
use crate::i18n::msg::Homework as M;
use crate::i18n::{Message, t, use_locale};
use crate::shell::use_session;
use domain::file::{FileId, FileUse};
use domain::homework::{HandIn, HandedFile, Work};
use domain::ids::{AccountId, HomeworkId};
use domain::locale;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};

/// How long typing must pause before the draft goes to the server.
const PAUSE_MS: u32 = 1500;

/// The size of the parts a file is sent in: a few seconds on a slow connection, so a drop
/// costs little (`domain::homework::Upload`).
const PART_BYTES: u64 = 1024 * 1024;

/// How many times in a row a part may fail on the network before the pupil is told.
const TRIES: u32 = 8;

/// Sends a file in parts, going on where the server stopped after a drop (it says where);
/// `progress` follows the bytes the server holds.
async fn send_in_parts(
    about: UploadAbout,
    bytes: Vec<u8>,
    progress: RwSignal<(u64, u64)>,
) -> Result<Uploaded, FileError> {
    use domain::file::FileProblem;
    use domain::homework::UploadError;
    let total = bytes.len() as u64;
    progress.set((0, total));
    let upload = upload_start(
        about.school,
        about.usage,
        about.name.clone(),
        total,
        PART_BYTES,
    )
    .await?;
    let (mut offset, mut failures) = (0u64, 0u32);
    loop {
        let end = (offset + PART_BYTES).min(total);
        let slice = bytes[offset as usize..end as usize].to_vec();
        let part = Part {
            upload: upload.clone(),
            offset,
        };
        match crate::api::retry::patiently(|| {
            upload_part(FileUpload::part(about.clone(), part.clone(), slice.clone()))
        })
        .await
        {
            Ok(answer) => {
                if let Some(file) = answer.file {
                    return Ok(file);
                }
                offset = answer.received;
                failures = 0;
            }
            // Out of step (a part's answer lost): the server says where to go on from.
            Err(AreaError::Area(FileProblem::Part {
                problem: UploadError::Gap { expected } | UploadError::Overlap { expected },
            })) => offset = expected,
            Err(AreaError::App(AppError::Communication(_))) if failures < TRIES => {
                failures += 1;
                crate::api::retry::wait_ms(500 * failures).await;
                if let Ok(answer) = upload_status(upload.clone()).await {
                    if let Some(file) = answer.file {
                        return Ok(file);
                    }
                    offset = answer.received;
                }
            }
            Err(e) => return Err(e),
        }
        progress.set((offset, total));
    }
}

/// What the pupil is writing: the text and the files added.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Draft {
    text: String,
    files: Vec<HandedFile>,
}

impl Draft {
    fn of(work: &Work) -> Draft {
        Draft {
            text: work.text().unwrap_or_default().to_owned(),
            files: work.files().to_vec(),
        }
    }

    fn key(homework: HomeworkId, pupil: AccountId) -> String {
        format!("scola-hand-in-{homework}-{pupil}")
    }

    fn ids(&self) -> Vec<FileId> {
        self.files.iter().map(|f| f.file.clone()).collect()
    }

    fn text(&self) -> Option<String> {
        (!self.text.trim().is_empty()).then(|| self.text.clone())
    }
}

#[component]
pub fn WorkPage(homework: HomeworkId, pupil: AccountId) -> impl IntoView {
    let reload = RwSignal::new(0u32);
    let page = LocalResource::new(move || {
        reload.track();
        crate::api::retry::patiently(move || work(homework, pupil))
    });
    view! {
        {when_loaded::<MyWork, HomeworkError, _>(page, move |w| view! { <Loaded w pupil reload/> })}
    }
}

#[component]
fn Loaded(w: MyWork, pupil: AccountId, reload: RwSignal<u32>) -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let is_pupil = session.info().map(|i| i.account) == Some(pupil);
    let id = w.homework.id;
    let deadline = w.deadline;
    let deadline_text = move || {
        M::Deadline {
            day: locale::long_date_at(locale.lang(), deadline),
            time: locale::time_of_day(deadline),
        }
        .text(locale.lang())
    };
    let status = w.status;
    let done = RwSignal::new(w.done);
    let handed = w
        .hand_in
        .clone()
        .filter(|h| !matches!(h, HandIn::Draft { .. }));
    // What the form starts from: the draft on this device, else the server's.
    let server_draft = match (&w.hand_in, &w.next_draft) {
        (_, Some(next)) => Some(Draft::of(next)),
        (Some(HandIn::Draft { work }), None) => Some(Draft::of(work)),
        _ => None,
    };
    let key = Draft::key(id, pupil);
    let start = device::get::<Draft>(&key)
        .or(server_draft)
        .unwrap_or_default();
    view! {
        <h1>{if is_pupil { t(M::MyWork).into_any() } else { t(M::PupilsWork).into_any() }}</h1>
        <section class="card">
            <HomeworkText homework=w.homework.clone()/>
            {w.homework.homework.is_online().then(|| view! { <p class="meta">{deadline_text}</p> })}
            <p><StatusBadge status/></p>
            {is_pupil.then(|| view! {
                <label class="check">
                    <input type="checkbox" id="homework-done" prop:checked=move || done.get()
                        on:change=move |ev| {
                            let value = event_target_checked(&ev);
                            done.set(value);
                            spawn_local(async move { let _ = tick(id, value).await; });
                        }/>
                    {t(M::Tick)}
                </label>
            })}
        </section>
        {handed.map(|h| view! { <Handed h deadline/> })}
        {(is_pupil && w.may_hand_in).then(|| {
            let school = w.homework.lesson.school;
            let again = w.hand_in.as_ref().is_some_and(|h| !matches!(h, HandIn::Draft { .. }));
            view! { <HandInForm homework=id pupil school start key again reload/> }
        })}
    }
}

/// The work handed in and, once given back, the teacher's comment and mark.
#[component]
fn Handed(h: HandIn, deadline: domain::time::Timestamp) -> impl IntoView {
    let locale = use_locale();
    let late = h.is_late(deadline).unwrap_or(false);
    let at = h.handed_in_at();
    let work = h.work().clone();
    let returned = match &h {
        HandIn::Returned { returned, .. } => Some(returned.clone()),
        _ => None,
    };
    view! {
        <section class="card hand-in" aria-labelledby="handed-heading">
            <h2 id="handed-heading">{t(M::PupilsWork)}</h2>
            {at.map(|at| view! {
                <p class="meta">
                    {move || M::HandedInAt { day: locale::long_date_at(locale.lang(), at), time: locale::time_of_day(at) }.text(locale.lang())}
                    {late.then(|| view! { " " <span class="badge warn">{t(M::Late)}</span> })}
                </p>
            })}
            {work.text().map(|text| view! { <Markdown text=text.to_owned()/> })}
            <FileLinks files=work.files().to_vec()/>
            {returned.map(|r| view! {
                <div class="returned" id="returned">
                    <h3>{t(M::Returned)}</h3>
                    {r.mark.map(|m| view! {
                        <p class="mark"><strong>{t(M::Mark)}" : "</strong>{move || m.to_text(locale.lang())}</p>
                    })}
                    {r.comment.map(|c| view! { <Markdown text=c class="comment"/> })}
                    <FileLinks files=r.annotated.files().to_vec()/>
                </div>
            })}
        </section>
    }
}

#[component]
pub fn FileLinks(files: Vec<HandedFile>) -> impl IntoView {
    (!files.is_empty()).then(|| {
        view! {
            <ul class="lessons files">
                {files.into_iter().map(|f| view! {
                    <li><a href=f.file.url(f.kind) target="_blank" rel="noopener">{f.name}</a></li>
                }).collect_view()}
            </ul>
        }
    })
}

/// The pupil's form: a text and files, kept as they go, handed in with one button.
#[component]
fn HandInForm(
    homework: HomeworkId,
    pupil: AccountId,
    school: domain::ids::SchoolId,
    start: Draft,
    key: String,
    again: bool,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let locale = use_locale();
    let draft = RwSignal::new(start);
    let error = RwSignal::new(None::<HomeworkError>);
    let file_error = RwSignal::new(None::<String>);
    let uploading = RwSignal::new(false);
    // Bytes sent of the file being sent, and its size.
    let progress = RwSignal::new((0u64, 0u64));
    // Which change the server has: a pause sends the latest only.
    let changes = StoredValue::new(0u64);
    let kept = RwSignal::new(None::<bool>);
    let key = StoredValue::new(key);
    let keep = move |d: &Draft| {
        device::set(&key.get_value(), d);
        changes.update_value(|n| *n += 1);
        let change = changes.get_value();
        let d = d.clone();
        kept.set(Some(false));
        spawn_local(async move {
            crate::api::retry::wait_ms(PAUSE_MS).await;
            if changes.get_value() != change {
                return;
            }
            if save_draft(homework, d.text(), d.ids()).await.is_ok() {
                // The server holds these very words: the device's copy goes.
                if device::get::<Draft>(&key.get_value()).as_ref() == Some(&d) {
                    device::remove(&key.get_value());
                }
                let _ = kept.try_set(Some(true));
            }
        });
    };
    let pick = move |ev: leptos::ev::Event| {
        spawn_local(async move {
            let Some((bytes, name)) = crate::pages::picked_file::picked_file(&ev).await else {
                return;
            };
            uploading.set(true);
            file_error.set(None);
            let about = UploadAbout {
                school,
                usage: FileUse::HandIn,
                name: name.clone(),
                attempt: None,
            };
            match send_in_parts(about, bytes, progress).await {
                Ok(up) => {
                    let file = HandedFile {
                        name: name.unwrap_or_else(|| format!("{}.{}", up.id, up.kind.extension())),
                        file: up.id,
                        kind: up.kind,
                        size: up.size,
                    };
                    draft.update(|d| d.files.push(file));
                    keep(&draft.get_untracked());
                }
                Err(e) => {
                    let lang = locale.lang();
                    file_error.set(Some(match e {
                        crate::api::area_error::AreaError::Area(p) => {
                            crate::pages::file_problems::file_problem_text(lang, &p)
                        }
                        crate::api::area_error::AreaError::App(e) => {
                            crate::i18n::describe_error(lang, &e)
                        }
                    }));
                }
            }
            uploading.set(false);
        });
    };
    let send = Action::new_local(move |d: &Draft| {
        let d = d.clone();
        async move {
            match hand_in(homework, d.text(), d.ids()).await {
                Ok(()) => {
                    device::remove(&key.get_value());
                    error.set(None);
                    reload.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let _ = pupil;
    view! {
        <form class="card stack hand-in-form" on:submit=move |ev| {
            ev.prevent_default();
            send.dispatch(draft.get_untracked());
        }>
            <label for="hand-in-text">{t(M::Text)}</label>
            <textarea id="hand-in-text" rows="8" prop:value=draft.get_untracked().text
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    draft.update(|d| d.text = text);
                    keep(&draft.get_untracked());
                }></textarea>
            <p class="meta" role="status">
                {move || match kept.get() {
                    Some(true) => M::DraftSaved.text(locale.lang()),
                    Some(false) => M::DraftLocal.text(locale.lang()),
                    None => String::new(),
                }}
            </p>
            <label for="hand-in-file">{t(M::Files)}</label>
            <input type="file" id="hand-in-file" accept="application/pdf,image/*,audio/*"
                on:change=pick disabled=move || uploading.get()/>
            {move || uploading.get().then(|| {
                let (sent, total) = progress.get();
                view! {
                    <p class="meta" aria-busy="true">{t(M::Uploading)}</p>
                    <progress max=total.to_string() value=sent.to_string()></progress>
                }
            })}
            {move || file_error.get().map(|e| view! { <p class="error-banner" role="alert">{e}</p> })}
            <ul class="lessons files">
                {move || draft.get().files.into_iter().map(|f| {
                    let id = f.file.clone();
                    let name = f.name.clone();
                    let label = move || M::RemoveFile { name: name.clone() }.text(locale.lang());
                    view! {
                        <li>
                            <a href=f.file.url(f.kind) target="_blank" rel="noopener">{f.name.clone()}</a>
                            " "
                            <button type="button" class="link" aria-label=label.clone() title=label
                                on:click=move |_| {
                                    draft.update(|d| d.files.retain(|x| x.file != id));
                                    keep(&draft.get_untracked());
                                }>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {area_banner(error)}
            <div class="actions">
                <button type="submit" class="primary" id="hand-in"
                    disabled=move || send.pending().get() || uploading.get()>
                    {if again { t(M::HandInAgain).into_any() } else { t(M::HandIn).into_any() }}
                </button>
            </div>
        </form>
    }
}
