//! How far everyone of a group is through a given sequence, step by step, with the exercise
//! steps' scores; downloadable for a spreadsheet.

use super::list::ProgressBar;
use super::names;
use crate::api::sequences::assigning::results_of;
use crate::api::sequences::{PupilProgress, SequenceResults};
use crate::components::area_error::when_loaded;
use crate::i18n::msg::Sequences as M;
use crate::i18n::{Message, t, use_locale};
use crate::pages::exercises::list::score_text;
use crate::pages::exercises::results::csv_href;
use domain::ids::SequenceAssignmentId;
use domain::lang::Lang;
use leptos::prelude::*;

#[component]
pub fn Results(assignment: SequenceAssignmentId) -> impl IntoView {
    let locale = use_locale();
    let data = LocalResource::new(move || results_of(assignment));
    view! {
        <p class="back"><a href="/sequences">{t(M::Back)}</a></p>
        {when_loaded(data, move |r: SequenceResults| {
            let heading = M::ResultsOf { title: r.title.clone(), group: r.group.clone() };
            let csv = csv_href(&csv(locale.lang(), &r));
            let SequenceResults { steps, pupils, .. } = r;
            view! {
                <h1>{move || heading.text(locale.lang())}</h1>
                <section class="card results">
                    <div class="table-scroll">
                        <table class="results-table sequence-results">
                            <thead><tr>
                                <th scope="col">{t(M::Pupil)}</th>
                                {steps.iter().enumerate().map(|(i, s)| {
                                    let head = format!("{}. {}", i + 1, s.title);
                                    match s.assignment {
                                        Some(a) => view! { <th scope="col"><a href=format!("/exercises/results/{a}")>{head}</a></th> }.into_any(),
                                        None => view! { <th scope="col">{head}</th> }.into_any(),
                                    }
                                }).collect_view()}
                                <th scope="col">{t(M::Total)}</th>
                            </tr></thead>
                            <tbody>
                                {pupils.into_iter().map(|p| view! { <Row pupil=p/> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <a class="button primary csv" href=csv download=move || M::CsvFile.text(locale.lang())>
                        {t(M::ExportCsv)}
                    </a>
                </section>
            }
        })}
    }
}

#[component]
fn Row(pupil: PupilProgress) -> impl IntoView {
    let locale = use_locale();
    let progress = pupil.progress();
    let name = format!("{} {}", pupil.last_name, pupil.first_name);
    view! {
        <tr>
            <th scope="row">{name}</th>
            {pupil.states.iter().zip(&pupil.scores).map(|(state, score)| {
                let state = *state;
                let score = *score;
                view! {
                    <td data-state=format!("{state:?}").to_lowercase()>
                        <span aria-hidden="true">{names::state_mark(state)}</span>
                        <span class="visually-hidden">{t(names::state(state))}</span>
                        {score.map(|s| view! { " " <span class="score">{move || score_text(locale.lang(), s)}</span> })}
                    </td>
                }
            }).collect_view()}
            <td><ProgressBar progress/></td>
        </tr>
    }
}

/// One line per pupil: name, each step's state (and score), steps done.
fn csv(lang: Lang, r: &SequenceResults) -> String {
    let mut out = String::from(domain::csv::START);
    let mut head = vec![M::Pupil.text(lang)];
    head.extend(r.steps.iter().map(|s| s.title.clone()));
    head.push(M::Total.text(lang));
    out.push_str(&domain::csv::row(&head));
    for p in &r.pupils {
        let mut row = vec![format!("{} {}", p.last_name, p.first_name)];
        row.extend(
            p.states
                .iter()
                .zip(&p.scores)
                .map(|(state, score)| match score {
                    Some(s) => score_text(lang, *s),
                    None => names::state(*state).text(lang),
                }),
        );
        let progress = p.progress();
        row.push(format!("{}/{}", progress.done, progress.steps));
        out.push_str(&domain::csv::row(&row));
    }
    out
}
