//! The teacher's table of a homework's hand-ins: every pupil of the group, who handed in, on
//! time or late, their work, and a form to give each back with a comment and a mark.

use super::shown::{HomeworkText, Markdown};
use super::work::FileLinks;
use crate::api::homework::review::{give_back, review};
use crate::api::homework::{HomeworkError, ReviewLine, ReviewTable};
use crate::components::area_error::{area_banner, when_loaded};
use crate::i18n::msg::Homework as M;
use crate::i18n::{Message, t, use_locale};
use domain::homework::{HandIn, Mark, OutOf};
use domain::ids::HomeworkId;
use domain::locale;
use leptos::prelude::*;

#[component]
pub fn ReviewPage(homework: HomeworkId) -> impl IntoView {
    let reload = RwSignal::new(0u32);
    let page = LocalResource::new(move || {
        reload.track();
        crate::api::retry::patiently(move || review(homework))
    });
    view! {
        <h1>{t(M::OpenReview)}</h1>
        {when_loaded::<ReviewTable, HomeworkError, _>(page, move |r| view! { <Loaded r reload/> })}
    }
}

#[component]
fn Loaded(r: ReviewTable, reload: RwSignal<u32>) -> impl IntoView {
    let locale = use_locale();
    let s = r.summary;
    let count = move |n: usize| locale::number(locale.lang(), i64::try_from(n).unwrap_or(0));
    let counts = move || {
        M::HandIns {
            on_time: count(s.on_time),
            late: count(s.late),
            missing: count(s.missing),
            returned: count(s.returned),
        }
        .text(locale.lang())
    };
    let homework = r.homework.id;
    view! {
        <section class="card">
            <HomeworkText homework=r.homework.clone()/>
            <p class="meta" id="hand-in-counts">{counts}</p>
        </section>
        <ul class="lessons review">
            {r.lines.into_iter().map(|line| view! { <Line line homework reload/> }).collect_view()}
        </ul>
    }
}

#[component]
fn Line(line: ReviewLine, homework: HomeworkId, reload: RwSignal<u32>) -> impl IntoView {
    let locale = use_locale();
    let pupil = line.pupil;
    let Some(h) = line.hand_in else {
        return view! {
            <li class="card review-line">
                <h2>{line.name}</h2>
                <p class="meta">{t(M::NothingHandedIn)}</p>
            </li>
        }
        .into_any();
    };
    let at = h.handed_in_at();
    let late = line.late;
    let work = h.work().clone();
    let returned = match &h {
        HandIn::Returned { returned, .. } => Some(returned.clone()),
        _ => None,
    };
    let comment = RwSignal::new(
        returned
            .as_ref()
            .and_then(|r| r.comment.clone())
            .unwrap_or_default(),
    );
    let mark = RwSignal::new(
        returned
            .as_ref()
            .and_then(|r| r.mark)
            .map(|m| locale::hundredths(locale.lang(), i64::from(m.hundredths())))
            .unwrap_or_default(),
    );
    let out_of = RwSignal::new(
        returned
            .as_ref()
            .and_then(|r| r.mark)
            .map_or(OutOf::TWENTY, |m| m.out_of()),
    );
    let error = RwSignal::new(None::<HomeworkError>);
    let mark_error = RwSignal::new(false);
    let send = Action::new_local(move |(comment, mark): &(String, Option<Mark>)| {
        let (comment, mark) = (comment.clone(), *mark);
        async move {
            match give_back(homework, pupil, Some(comment), mark, vec![]).await {
                Ok(()) => reload.update(|n| *n += 1),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = mark.get_untracked();
        let parsed = if typed.trim().is_empty() {
            Ok(None)
        } else {
            Mark::parse(&typed, out_of.get_untracked()).map(Some)
        };
        match parsed {
            Ok(m) => {
                mark_error.set(false);
                send.dispatch((comment.get_untracked(), m));
            }
            Err(_) => mark_error.set(true),
        }
    };
    let field = move |name: &str| format!("{name}-{pupil}");
    let out_of_text =
        move || locale::hundredths(locale.lang(), i64::from(out_of.get().hundredths()));
    view! {
        <li class="card review-line" id=format!("pupil-{pupil}")>
            <h2>{line.name}</h2>
            {at.map(|at| view! {
                <p class="meta">
                    {move || M::HandedInAt { day: locale::long_date_at(locale.lang(), at), time: locale::time_of_day(at) }.text(locale.lang())}
                    {late.then(|| view! { " " <span class="badge warn">{t(M::Late)}</span> })}
                    {returned.is_some().then(|| view! { " " <span class="badge ok">{t(M::StatusReturned)}</span> })}
                </p>
            })}
            {work.text().map(|text| view! { <Markdown text=text.to_owned()/> })}
            <FileLinks files=work.files().to_vec()/>
            <form class="stack" on:submit=submit>
                <label for=field("comment")>{t(M::Comment)}</label>
                <textarea id=field("comment") rows="3" prop:value=comment.get_untracked()
                    on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                <div>
                    <label>{t(M::Mark)}
                        <input type="text" inputmode="decimal" id=field("mark") size="6" prop:value=mark.get_untracked()
                            aria-invalid=move || mark_error.get().then_some("true")
                            on:input=move |ev| mark.set(event_target_value(&ev))/>
                    </label>
                    <span>" / " {out_of_text}</span>
                </div>
                {move || mark_error.get().then(|| view! { <p class="error-banner" role="alert">{t(M::ProblemMark)}</p> })}
                {area_banner(error)}
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || send.pending().get()>{t(M::GiveBack)}</button>
                </div>
            </form>
        </li>
    }
    .into_any()
}
