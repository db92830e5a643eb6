//! Giving a saved exercise (or sequence) to one of the author's classes or groups: when it
//! opens, when it is due, when pupils see the answers, how many attempts. The rules are checked
//! in `domain` here and again by the server.

use crate::api::home::load_home;
use crate::components::area_error::{Described, area_banner};
use crate::components::idle::now;
use crate::i18n::msg::Exercises as M;
use crate::i18n::{Message, group_kind_name, t, use_locale};
use domain::exercise::assignment::{Feedback, MAX_ATTEMPTS, Rules};
use domain::ids::{GroupId, SchoolId};
use domain::time::Timestamp;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn feedback_name(feedback: Feedback) -> M {
    match feedback {
        Feedback::Instant => M::FeedbackInstant,
        Feedback::AfterSubmission => M::FeedbackAfterSubmission,
        Feedback::AfterDue => M::FeedbackAfterDue,
    }
}

/// `give` sends the gift to the server: an exercise's, a sequence's.
#[component]
pub fn AssignForm<E, F, Fut>(school: SchoolId, give: F) -> impl IntoView
where
    E: Described,
    F: Fn(GroupId, Rules) -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<(), E>> + 'static,
{
    let locale = use_locale();
    let home = LocalResource::new(|| crate::api::retry::patiently(load_home));
    let group = RwSignal::new(None::<GroupId>);
    let opens = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let feedback = RwSignal::new(Feedback::AfterSubmission);
    let attempts = RwSignal::new(String::new());
    let invalid_day = RwSignal::new(false);
    let error = RwSignal::new(None::<E>);
    let done = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let groups = move || {
        home.get()
            .and_then(Result::ok)
            .map(|home| {
                home.schools
                    .into_iter()
                    .filter(|s| s.id == school)
                    .flat_map(|s| s.groups)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        done.set(None);
        let Some(to) = group.get_untracked() else {
            return;
        };
        let opens_at = match opens.get_untracked().trim() {
            "" => Some(now()),
            day => domain::calendar::day_start(day),
        };
        // Due at the end of the day chosen: 23:59 in Paris.
        let due_at = match due.get_untracked().trim() {
            "" => Some(None),
            day => domain::calendar::day_end(day)
                .map(|end| Some(Timestamp::from_unix(end.unix() - 60))),
        };
        let (Some(opens_at), Some(due_at)) = (opens_at, due_at) else {
            invalid_day.set(true);
            return;
        };
        invalid_day.set(false);
        let attempts = attempts.get_untracked().trim().parse::<u8>().ok();
        let rules = Rules {
            opens: opens_at,
            due: due_at,
            feedback: feedback.get_untracked(),
            attempts,
        };
        let name = groups()
            .into_iter()
            .find(|g| g.id == to)
            .map(|g| g.name)
            .unwrap_or_default();
        busy.set(true);
        spawn_local(async move {
            match give(to, rules).await {
                Ok(_) => done.set(Some(name)),
                Err(e) => error.set(Some(e)),
            }
            let _ = busy.try_set(false);
        });
    };

    view! {
        <section class="card assign" aria-labelledby="assign-title">
            <h2 id="assign-title">{t(M::Assign)}</h2>
            <form on:submit=submit>
                <div class="field">
                    <label for="assign-group">{t(M::AssignGroup)}</label>
                    <select id="assign-group" required on:change=move |ev| {
                        group.set(event_target_value(&ev).parse::<i64>().ok().map(GroupId::new));
                    }>
                        <option value="">{t(M::Choose)}</option>
                        {move || groups().into_iter().map(|g| {
                            let kind = g.kind;
                            let name = g.name.clone();
                            view! {
                                <option value=g.id.to_string()>
                                    {move || format!("{} {}", group_kind_name(locale.lang(), kind), name)}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-row">
                    <div class="field">
                        <label for="assign-opens">{t(M::AssignOpens)}</label>
                        <input type="date" id="assign-opens" on:input=move |ev| opens.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="assign-due">{t(M::AssignDue)}</label>
                        <input type="date" id="assign-due" on:input=move |ev| due.set(event_target_value(&ev))/>
                    </div>
                </div>
                {move || invalid_day.get().then(|| view! { <p class="field-error">{t(M::DayInvalid)}</p> })}
                <div class="field">
                    <label for="assign-feedback">{t(M::AssignFeedback)}</label>
                    <select id="assign-feedback" on:change=move |ev| {
                        if let Ok(f) = event_target_value(&ev).parse::<Feedback>() {
                            feedback.set(f);
                        }
                    }>
                        {Feedback::ALL.iter().map(|f| view! {
                            <option value=f.code() selected=*f == Feedback::AfterSubmission>{t(feedback_name(*f))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="assign-attempts">{t(M::AssignAttempts)}</label>
                    <input type="number" id="assign-attempts" min="1" max=MAX_ATTEMPTS.to_string()
                        on:input=move |ev| attempts.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="primary" prop:disabled=move || busy.get()>{t(M::AssignButton)}</button>
                {move || done.get().map(|group| view! {
                    <p class="success" role="status">{M::AssignedTo { group }.text(locale.lang())}</p>
                })}
                {area_banner(error)}
            </form>
        </section>
    }
}
