//! Downloading the exercise as saved in GIFT, Moodle's text format; the items GIFT cannot hold
//! are named with why, never silently dropped.

use super::super::download::data_href;
use super::super::errors::ExerciseBanner;
use super::super::exchange_text::unexpressible;
use crate::api::exercises::ExerciseError;
use crate::api::exercises::exchange::{GiftFile, export_gift};
use crate::i18n::msg::ExercisesImport as M;
use crate::i18n::{Message, t, use_locale};
use domain::ids::ExerciseId;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ExportGift(id: ExerciseId) -> impl IntoView {
    let locale = use_locale();
    let file = RwSignal::new(None::<GiftFile>);
    let error = RwSignal::new(None::<ExerciseError>);
    let busy = RwSignal::new(false);
    let export = move |_| {
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match export_gift(id).await {
                Ok(f) => file.set(Some(f)),
                Err(e) => error.set(Some(e)),
            }
            let _ = busy.try_set(false);
        });
    };
    view! {
        <section class="card export" aria-labelledby="export-title">
            <h2 id="export-title">{t(M::Export)}</h2>
            <button type="button" class="secondary export-gift" prop:disabled=move || busy.get() on:click=export>
                {t(M::Export)}
            </button>
            {move || busy.get().then(|| view! { <p aria-busy="true">{t(M::Exporting)}</p> })}
            {move || file.get().map(|f| {
                let href = data_href("text/plain", &f.text);
                let name = f.name.clone();
                let file_name = f.name.clone();
                let count = i64::try_from(f.not_exported.len()).unwrap_or(i64::MAX);
                view! {
                    <a class="button primary download-gift" href=href download=file_name>
                        {t(M::Download { name })}
                    </a>
                    {if f.not_exported.is_empty() {
                        view! { <p class="success" role="status">{t(M::AllExported)}</p> }.into_any()
                    } else {
                        view! {
                            <div class="notice not-exported" role="status">
                                <p>{t(M::LeftOut { count })}</p>
                                <ul>
                                    {f.not_exported.into_iter().map(|(number, left)| view! {
                                        <li>{move || {
                                            let lang = locale.lang();
                                            M::LeftOutItem {
                                                number: i64::from(number),
                                                reason: unexpressible(lang, &left.reason),
                                            }.text(lang)
                                        }}</li>
                                    }).collect_view()}
                                </ul>
                            </div>
                        }.into_any()
                    }}
                }
            })}
            <ExerciseBanner error=error/>
        </section>
    }
}
