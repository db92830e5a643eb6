//! One's homework for the coming two weeks, by day or by subject: a pupil's own, each child's
//! for a parent (a choice when there are several), with where each stands.

use super::shown::{HomeworkText, StatusBadge};
use super::{on, work_path};
use crate::api::home::load_home;
use crate::api::homework::lists::pupil_days;
use crate::api::homework::{Days, HomeworkError, PupilHomework};
use crate::components::area_error::when_loaded;
use crate::components::error_banner::ErrorBanner;
use crate::i18n::msg::{self, Homework as M};
use crate::i18n::{AnyMessage, full_name, t, use_locale};
use crate::shell::use_session;
use domain::ids::AccountId;
use domain::locale;
use domain::profile::Profile;
use domain::timetable::day;
use leptos::prelude::*;

/// The days listed from today.
const DAYS: i64 = 13;

#[component]
pub fn MyHomework() -> impl IntoView {
    let home = LocalResource::new(|| crate::api::retry::patiently(load_home));
    let session = use_session();
    view! {
        <h1>{t(M::Title)}</h1>
        <Suspense fallback=move || view! { <p aria-busy="true">{t(msg::Common::Loading)}</p> }>
            {move || home.get().map(|r| match r {
                Ok(home) => {
                    let mut whose: Vec<(AccountId, AnyMessage)> = vec![];
                    let pupil = home.schools.iter().any(|s| s.profiles.contains(&Profile::Pupil));
                    if let (true, Some(me)) = (pupil, session.info().map(|i| i.account)) {
                        whose.push((me, M::All.into()));
                    }
                    for child in &home.children {
                        let name = full_name(&child.first_name, &child.last_name);
                        whose.push((child.id, M::OfChild { name }.into()));
                    }
                    view! { <Whose whose/> }.into_any()
                }
                Err(e) => view! { <ErrorBanner error=Signal::derive(move || Some(e.clone()))/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Whose(whose: Vec<(AccountId, AnyMessage)>) -> impl IntoView {
    let Some(&(first, _)) = whose.first() else {
        return view! { <p>{t(M::Nothing)}</p> }.into_any();
    };
    let locale = use_locale();
    let chosen = RwSignal::new(first);
    let by_subject = RwSignal::new(false);
    let several = whose.len() > 1;
    view! {
        {several.then(|| view! {
            <div class="week-whose" role="group">
                {whose.into_iter().map(|(pupil, label)| view! {
                    <button type="button" class="secondary"
                        aria-pressed=move || (chosen.get() == pupil).to_string()
                        on:click=move |_| chosen.set(pupil)>
                        {move || label.text(locale.lang())}
                    </button>
                }).collect_view()}
            </div>
        })}
        <div class="week-whose" role="group">
            <button type="button" class="secondary" aria-pressed=move || (!by_subject.get()).to_string()
                on:click=move |_| by_subject.set(false)>{t(M::ByDay)}</button>
            <button type="button" class="secondary" aria-pressed=move || by_subject.get().to_string()
                on:click=move |_| by_subject.set(true)>{t(M::BySubject)}</button>
        </div>
        {move || {
            let pupil = chosen.get();
            view! { <Listed pupil by_subject/> }
        }}
    }
    .into_any()
}

#[component]
fn Listed(pupil: AccountId, by_subject: RwSignal<bool>) -> impl IntoView {
    let today = locale::local(crate::components::idle::now()).date();
    let days = LocalResource::new(move || {
        crate::api::retry::patiently(move || {
            pupil_days(pupil, on(today), on(day::plus(today, DAYS)))
        })
    });
    when_loaded::<Days, HomeworkError, _>(days, move |d| {
        let homework = d.homework;
        move || {
            if homework.is_empty() {
                return view! { <p class="meta">{t(M::Nothing)}</p> }.into_any();
            }
            let groups = grouped(&homework, by_subject.get());
            view! {
                <ol class="lessons homework-days">
                    {groups.into_iter().map(|(heading, items)| view! {
                        <li>
                            <h2>{heading.view()}</h2>
                            <ul class="lessons homework-list">
                                {items.into_iter().map(|h| view! { <Item h pupil/> }).collect_view()}
                            </ul>
                        </li>
                    }).collect_view()}
                </ol>
            }
            .into_any()
        }
    })
}

/// The homework by due day (in order) or by subject (by name), each group with its heading.
fn grouped(
    homework: &[PupilHomework],
    by_subject: bool,
) -> Vec<(GroupHeading, Vec<PupilHomework>)> {
    let mut groups: Vec<(GroupHeading, Vec<PupilHomework>)> = vec![];
    let mut sorted = homework.to_vec();
    if by_subject {
        sorted.sort_by(|a, b| {
            (&a.homework.lesson.subject, a.homework.homework.due())
                .cmp(&(&b.homework.lesson.subject, b.homework.homework.due()))
        });
    }
    for h in sorted {
        let heading = if by_subject {
            GroupHeading::Subject(h.homework.lesson.subject.clone())
        } else {
            GroupHeading::Day(h.homework.homework.due())
        };
        match groups.last_mut() {
            Some((last, items)) if *last == heading => items.push(h),
            _ => groups.push((heading, vec![h])),
        }
    }
    groups
}

#[derive(Clone, PartialEq)]
enum GroupHeading {
    Day(domain::timetable::Date),
    Subject(String),
}

impl GroupHeading {
    fn view(self) -> AnyView {
        let locale = use_locale();
        match self {
            GroupHeading::Day(date) => (move || locale::long_date(locale.lang(), date)).into_any(),
            GroupHeading::Subject(name) => name.into_any(),
        }
    }
}

#[component]
fn Item(h: PupilHomework, pupil: AccountId) -> impl IntoView {
    let id = h.homework.id;
    view! {
        <li class="homework">
            <HomeworkText homework=h.homework/>
            <p>
                {h.status.map(|status| view! { <StatusBadge status/> })}
                " "
                <a href=work_path(id, pupil)>{t(M::OpenWork)}</a>
            </p>
        </li>
    }
}
