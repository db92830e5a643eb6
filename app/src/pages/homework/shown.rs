//! How the area shows a homework, a status and a text: the same everywhere it appears (a
//! pupil's list, a lesson's page, the teacher's table, my week).

use crate::api::homework::HomeworkView;
use crate::i18n::msg::Homework as M;
use crate::i18n::{Message, use_locale};
use domain::homework::{Homework, PupilStatus};
use domain::lang::Lang;
use domain::locale;
use leptos::prelude::*;

/// A status in words, and the class that colours it.
pub fn status_text(lang: Lang, status: PupilStatus) -> (String, &'static str) {
    let (message, class) = match status {
        PupilStatus::ToDo => (M::StatusToDo, "badge"),
        PupilStatus::Done => (M::StatusDone, "badge ok"),
        PupilStatus::HandedIn => (M::StatusHandedIn, "badge ok"),
        PupilStatus::HandedInLate => (M::StatusHandedInLate, "badge warn"),
        PupilStatus::Returned => (M::StatusReturned, "badge ok"),
        PupilStatus::Overdue => (M::StatusOverdue, "badge warn"),
    };
    (message.text(lang), class)
}

#[component]
pub fn StatusBadge(status: PupilStatus) -> impl IntoView {
    let locale = use_locale();
    move || {
        let (text, class) = status_text(locale.lang(), status);
        view! { <span class=class>{text}</span> }
    }
}

/// "For Tuesday 24 November at 14:00", or without the time when it is the end of the day.
pub fn due_text(lang: Lang, homework: &Homework) -> String {
    let day = locale::long_date(lang, homework.due());
    match homework.due_time() {
        Some(t) => M::DueAt {
            day,
            time: format!("{:02}:{:02}", t.hour(), t.minute()),
        }
        .text(lang),
        None => M::DueOn { day }.text(lang),
    }
}

/// Markdown as the one renderer makes it safe.
#[component]
pub fn Markdown(text: String, #[prop(optional)] class: &'static str) -> impl IntoView {
    let html = domain::markdown::render(&text).into_string();
    view! { <div class=format!("markdown {class}") inner_html=html></div> }
}

/// A homework's text and what to know about it: due when, how long, handed in online.
#[component]
pub fn HomeworkText(homework: HomeworkView) -> impl IntoView {
    let locale = use_locale();
    let h = homework.homework.clone();
    let due = {
        let h = h.clone();
        move || due_text(locale.lang(), &h)
    };
    let minutes = h.minutes().map(|m| {
        move || {
            M::Estimated {
                minutes: locale::number(locale.lang(), i64::from(m.get())),
            }
            .text(locale.lang())
        }
    });
    let online = h.is_online();
    view! {
        <p class="meta">
            <strong>{homework.lesson.subject.clone()}</strong>
            " · " {due}
            {minutes.map(|m| view! { " · " {m} })}
            {online.then(|| view! { " · " <span class="badge">{move || M::ToHandIn.text(locale.lang())}</span> })}
        </p>
        <Markdown text=h.what().to_owned()/>
    }
}
