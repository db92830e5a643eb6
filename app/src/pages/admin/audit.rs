//! The audit trail of a school (or, for the platform admin, of every school): filters by kind,
//! person and dates, newest first, a page at a time.

use crate::api::audit::{AuditEntry, AuditFilter, AuditPage, audit_entries};
use crate::components::error_banner::ErrorBanner;
use crate::i18n::{t, tr, use_locale};
use domain::audit::AuditKind;
use domain::calendar;
use domain::ids::SchoolId;
use domain::lang::Lang;
use domain::time::Timestamp;
use leptos::prelude::*;

/// The name of a kind of entry, in the reader's language.
pub fn kind_label(lang: Lang, kind: AuditKind) -> String {
    tr(lang, &format!("audit-kind-{}", kind.code()), &[])
}

/// Minutes the reader's clock is ahead of UTC at `at` (summer time included).
fn utc_offset_minutes(at: Timestamp) -> i32 {
    #[cfg(feature = "csr")]
    {
        #[allow(clippy::cast_precision_loss)]
        let millis = (at.unix() as f64) * 1000.0;
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis));
        // JavaScript counts the other way: minutes UTC is ahead of local time.
        #[allow(clippy::cast_possible_truncation)]
        let behind = date.get_timezone_offset() as i32;
        -behind
    }
    #[cfg(not(feature = "csr"))]
    {
        let _ = at;
        0
    }
}

fn readable(at: Timestamp) -> String {
    calendar::date_time(at, utc_offset_minutes(at))
}

/// A day typed in a date field, as the first second of that day (or of the next, for `end`).
fn typed_day(value: &str, end: bool) -> Option<Timestamp> {
    let offset = calendar::day_start(value, 0).map_or(0, utc_offset_minutes);
    if end {
        calendar::day_end(value, offset)
    } else {
        calendar::day_start(value, offset)
    }
}

#[component]
pub fn AuditSection(school: SchoolId) -> impl IntoView {
    let platform_admin = crate::shell::use_session()
        .info()
        .is_some_and(|i| i.platform_admin);
    // The platform admin may widen the view to every school.
    let everywhere = RwSignal::new(false);
    let kind = RwSignal::new(None::<AuditKind>);
    let login = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let until = RwSignal::new(String::new());
    let filter = RwSignal::new(AuditFilter::default());
    // The `before` of each page already seen, to go back to newer entries.
    let newer = RwSignal::new(Vec::<Option<i64>>::new());
    let page = LocalResource::new(move || {
        let filter = filter.get();
        let scope = (!everywhere.get()).then_some(school);
        async move { audit_entries(scope, filter).await }
    });
    let on_filter = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        newer.set(Vec::new());
        filter.set(AuditFilter {
            kind: kind.get_untracked(),
            login: Some(login.get_untracked()).filter(|l| !l.trim().is_empty()),
            from: typed_day(&from.get_untracked(), false),
            until: typed_day(&until.get_untracked(), true),
            before: None,
        });
    };
    let locale = use_locale();
    view! {
        <section class="card admin-section" aria-labelledby="audit-title">
            <h2 id="audit-title">{t("audit-title")}</h2>
            <p class="hint">{t("audit-explain")}</p>
            <form class="inline-form audit-filters" role="search" on:submit=on_filter>
                {platform_admin.then(|| view! {
                    <div class="field">
                        <label for="audit-scope">{t("audit-scope")}</label>
                        <select id="audit-scope" name="audit-scope" on:change=move |ev| {
                            newer.set(Vec::new());
                            filter.update(|f| f.before = None);
                            everywhere.set(event_target_value(&ev) == "all");
                        }>
                            <option value="school" selected=move || !everywhere.get()>{t("audit-scope-school")}</option>
                            <option value="all" selected=move || everywhere.get()>{t("audit-scope-all")}</option>
                        </select>
                    </div>
                })}
                <div class="field">
                    <label for="audit-kind">{t("audit-kind")}</label>
                    <select id="audit-kind" name="audit-kind"
                        on:change=move |ev| kind.set(event_target_value(&ev).parse::<AuditKind>().ok())>
                        <option value="">{t("audit-kind-any")}</option>
                        {AuditKind::ALL.into_iter().map(|k| view! {
                            <option value=k.code() selected=move || kind.get() == Some(k)>
                                {move || kind_label(locale.lang(), k)}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="audit-login">{t("audit-login")}</label>
                    <input id="audit-login" type="search" autocomplete="off" spellcheck="false"
                        prop:value=move || login.get()
                        on:input=move |ev| login.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="audit-from">{t("audit-from")}</label>
                    <input id="audit-from" type="date" prop:value=move || from.get()
                        on:input=move |ev| from.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="audit-until">{t("audit-until")}</label>
                    <input id="audit-until" type="date" prop:value=move || until.get()
                        on:input=move |ev| until.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="secondary">{t("audit-filter")}</button>
            </form>
            <Transition fallback=move || view! { <p aria-busy="true">{t("loading")}</p> }>
                {move || page.get().map(|r| match r {
                    Ok(p) => view! {
                        <AuditTable page=p filter=filter newer=newer show_school=everywhere.get()/>
                    }.into_any(),
                    Err(e) => view! { <ErrorBanner error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn AuditTable(
    page: AuditPage,
    filter: RwSignal<AuditFilter>,
    newer: RwSignal<Vec<Option<i64>>>,
    show_school: bool,
) -> impl IntoView {
    let locale = use_locale();
    if page.entries.is_empty() {
        return view! { <p role="status" class="audit-empty">{t("audit-none")}</p> }.into_any();
    }
    let next = page.next;
    let at_newest = newer.with_untracked(Vec::is_empty);
    let older = move |_| {
        let current = filter.with_untracked(|f| f.before);
        newer.update(|n| n.push(current));
        filter.update(|f| f.before = next);
    };
    let back = move |_| {
        let previous = newer.try_update(Vec::pop).flatten().flatten();
        filter.update(|f| f.before = previous);
    };
    view! {
        <div class="table-scroll">
            <table class="admin-table audit-table" role="table">
                <caption class="visually-hidden">{t("audit-title")}</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th role="columnheader" scope="col">{t("audit-col-when")}</th>
                        <th role="columnheader" scope="col">{t("audit-kind")}</th>
                        <th role="columnheader" scope="col">{t("audit-col-who")}</th>
                        {show_school.then(|| view! { <th role="columnheader" scope="col">{t("audit-col-school")}</th> })}
                        <th role="columnheader" scope="col">{t("audit-col-address")}</th>
                        <th role="columnheader" scope="col">{t("audit-col-detail")}</th>
                        <th role="columnheader" scope="col" class="number">{t("audit-col-count")}</th>
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    {page.entries.into_iter().map(|e| entry_row(e, locale, show_school)).collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="pager" aria-label=t("admin-pages")>
            <button type="button" class="secondary audit-newer" disabled=at_newest on:click=back>
                {t("audit-newer")}
            </button>
            <button type="button" class="secondary audit-older" disabled=next.is_none() on:click=older>
                {t("audit-older")}
            </button>
        </nav>
    }
    .into_any()
}

fn entry_row(e: AuditEntry, locale: crate::i18n::Locale, show_school: bool) -> impl IntoView {
    let kind = e.kind;
    let who = e.username.clone().unwrap_or_else(|| "—".to_owned());
    let school = e.school_name.clone().unwrap_or_else(|| "—".to_owned());
    view! {
        <tr role="row" data-kind=kind.code()>
            <th role="rowheader" scope="row" class="audit-when">{readable(e.at)}</th>
            <td role="cell" class="audit-kind-name" data-label=t("audit-kind")>{move || kind_label(locale.lang(), kind)}</td>
            <td role="cell" class="username" data-label=t("audit-col-who")>{who}</td>
            {show_school.then(|| view! { <td role="cell" data-label=t("audit-col-school")>{school}</td> })}
            <td role="cell" data-label=t("audit-col-address")>{e.ip}</td>
            <td role="cell" class="audit-detail" data-label=t("audit-col-detail")>{e.detail}</td>
            <td role="cell" class="number" data-label=t("audit-col-count")>{e.count}</td>
        </tr>
    }
}
