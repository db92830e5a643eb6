//! The audit trail of a school (or, for the platform admin, of every school): filters by kind,
//! person and dates, newest first, a page at a time.

use crate::api::audit::{AuditEntry, AuditFilter, AuditPage, audit_entries};
use crate::components::error_banner::ErrorBanner;
use crate::i18n::msg;
use crate::i18n::{Message, t, use_locale};
use domain::audit::AuditKind;
use domain::calendar;
use domain::ids::SchoolId;
use domain::lang::Lang;
use domain::locale;
use domain::time::Timestamp;
use leptos::prelude::*;

/// The name of a kind of entry, in the reader's language.
pub fn kind_label(lang: Lang, kind: AuditKind) -> String {
    use msg::Audit as A;
    match kind {
        AuditKind::SignIn => A::KindSignIn,
        AuditKind::SignInFailed => A::KindSignInFailed,
        AuditKind::SignInLocked => A::KindSignInLocked,
        AuditKind::SignOut => A::KindSignOut,
        AuditKind::PasswordChanged => A::KindPasswordChanged,
        AuditKind::PasswordReset => A::KindPasswordReset,
        AuditKind::AccessRefused => A::KindAccessRefused,
        AuditKind::CharterAccepted => A::KindCharterAccepted,
        AuditKind::CharterPublished => A::KindCharterPublished,
        AuditKind::AccountCreated => A::KindAccountCreated,
        AuditKind::AccountUpdated => A::KindAccountUpdated,
        AuditKind::GroupChanged => A::KindGroupChanged,
        AuditKind::SchoolCreated => A::KindSchoolCreated,
        AuditKind::PersonalDataRead => A::KindPersonalDataRead,
    }
    .text(lang)
}

fn readable(at: Timestamp) -> String {
    locale::date_time(at)
}

/// A day typed in a date field, as the first second of that day (or of the next, for `end`).
fn typed_day(value: &str, end: bool) -> Option<Timestamp> {
    if end {
        calendar::day_end(value)
    } else {
        calendar::day_start(value)
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
            <h2 id="audit-title">{t(msg::Audit::Title)}</h2>
            <p class="hint">{t(msg::Audit::Explain)}</p>
            <form class="inline-form audit-filters" role="search" on:submit=on_filter>
                {platform_admin.then(|| view! {
                    <div class="field">
                        <label for="audit-scope">{t(msg::Audit::Scope)}</label>
                        <select id="audit-scope" name="audit-scope" on:change=move |ev| {
                            newer.set(Vec::new());
                            filter.update(|f| f.before = None);
                            everywhere.set(event_target_value(&ev) == "all");
                        }>
                            <option value="school" selected=move || !everywhere.get()>{t(msg::Audit::ScopeSchool)}</option>
                            <option value="all" selected=move || everywhere.get()>{t(msg::Audit::ScopeAll)}</option>
                        </select>
                    </div>
                })}
                <div class="field">
                    <label for="audit-kind">{t(msg::Audit::Kind)}</label>
                    <select id="audit-kind" name="audit-kind"
                        on:change=move |ev| kind.set(event_target_value(&ev).parse::<AuditKind>().ok())>
                        <option value="">{t(msg::Audit::KindAny)}</option>
                        {AuditKind::ALL.into_iter().map(|k| view! {
                            <option value=k.code() selected=move || kind.get() == Some(k)>
                                {move || kind_label(locale.lang(), k)}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="audit-login">{t(msg::Audit::Login)}</label>
                    <input id="audit-login" type="search" autocomplete="off" spellcheck="false"
                        prop:value=move || login.get()
                        on:input=move |ev| login.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="audit-from">{t(msg::Audit::From)}</label>
                    <input id="audit-from" type="date" prop:value=move || from.get()
                        on:input=move |ev| from.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="audit-until">{t(msg::Audit::Until)}</label>
                    <input id="audit-until" type="date" prop:value=move || until.get()
                        on:input=move |ev| until.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="secondary">{t(msg::Audit::Filter)}</button>
            </form>
            <Transition fallback=move || view! { <p aria-busy="true">{t(msg::Common::Loading)}</p> }>
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
        return view! { <p role="status" class="audit-empty">{t(msg::Audit::None)}</p> }.into_any();
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
                <caption class="visually-hidden">{t(msg::Audit::Title)}</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th role="columnheader" scope="col">{t(msg::Audit::ColWhen)}</th>
                        <th role="columnheader" scope="col">{t(msg::Audit::Kind)}</th>
                        <th role="columnheader" scope="col">{t(msg::Audit::ColWho)}</th>
                        {show_school.then(|| view! { <th role="columnheader" scope="col">{t(msg::Audit::ColSchool)}</th> })}
                        <th role="columnheader" scope="col">{t(msg::Audit::ColAddress)}</th>
                        <th role="columnheader" scope="col">{t(msg::Audit::ColDetail)}</th>
                        <th role="columnheader" scope="col" class="number">{t(msg::Audit::ColCount)}</th>
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    {page.entries.into_iter().map(|e| entry_row(e, locale, show_school)).collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="pager" aria-label=t(msg::Admin::Pages)>
            <button type="button" class="secondary audit-newer" disabled=at_newest on:click=back>
                {t(msg::Audit::Newer)}
            </button>
            <button type="button" class="secondary audit-older" disabled=next.is_none() on:click=older>
                {t(msg::Audit::Older)}
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
            <td role="cell" class="audit-kind-name" data-label=t(msg::Audit::Kind)>{move || kind_label(locale.lang(), kind)}</td>
            <td role="cell" class="username" data-label=t(msg::Audit::ColWho)>{who}</td>
            {show_school.then(|| view! { <td role="cell" data-label=t(msg::Audit::ColSchool)>{school}</td> })}
            <td role="cell" data-label=t(msg::Audit::ColAddress)>{e.ip}</td>
            <td role="cell" class="audit-detail" data-label=t(msg::Audit::ColDetail)>{e.detail}</td>
            <td role="cell" class="number" data-label=t(msg::Audit::ColCount)>{e.count}</td>
        </tr>
    }
}
