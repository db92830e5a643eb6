//! The results of one assignment, for the teacher who gave it or who teaches the group: per
//! pupil the last score and each item's points, the class's average per item, the wrong answers
//! given most often, the free answers to score (with an undo); downloadable for a spreadsheet.

mod by_item;
mod marking;

use super::download::data_href;
use super::errors::when_loaded;
use super::list::score_text;
use crate::api::exercises::results::results;
use crate::api::exercises::{AssignmentResults as Loaded, ItemColumn, ItemScore, PupilResult};
use crate::i18n::msg::Exercises as M;
use crate::i18n::{Message, t, use_locale};
use domain::exercise::Points;
use domain::ids::AssignmentId;
use domain::lang::Lang;
use domain::locale::{date_time, hundredths};
use leptos::prelude::*;

fn points(lang: Lang, points: Points) -> String {
    hundredths(lang, i64::from(points.hundredths()))
}

fn number(n: usize) -> i64 {
    i64::try_from(n + 1).unwrap_or(i64::MAX)
}

#[component]
pub fn Results(assignment: AssignmentId) -> impl IntoView {
    let locale = use_locale();
    let loaded = LocalResource::new(move || results(assignment));
    let reload = move || loaded.refetch();
    let state = marking::MarkState::new();
    view! {
        <p class="back"><a href="/exercises">{t(M::Back)}</a></p>
        {when_loaded(loaded, move |r: Loaded| {
            let csv = csv_href(&csv(locale.lang(), &r));
            let Loaded { title, group, items, pupils, statistics, free_answers } = r;
            let averages: Vec<Option<Points>> = statistics.iter().map(|s| s.average).collect();
            let head = items.clone();
            view! {
                <h1>{t(M::ResultsOf { title, group })}</h1>
                <section class="card results">
                    <div class="table-scroll">
                        <table class="results-table">
                            <thead><tr>
                                <th scope="col">{t(M::LastName)}</th>
                                <th scope="col">{t(M::FirstName)}</th>
                                <th scope="col">{t(M::HandedInTimes)}</th>
                                <th scope="col">{t(M::LastScore)}</th>
                                {head.iter().enumerate().map(|(n, _)| view! {
                                    <th scope="col" class="number">{t(M::ItemColumn { number: number(n) })}</th>
                                }).collect_view()}
                                <th scope="col">{t(M::LastHandedIn)}</th>
                            </tr></thead>
                            <tbody>
                                {pupils.into_iter().map(|p| view! { <ResultRow pupil=p/> }).collect_view()}
                            </tbody>
                            <tfoot><tr class="averages">
                                <th scope="row" colspan="4">{t(M::ClassAverage)}</th>
                                {averages.into_iter().map(|a| view! {
                                    <td class="number">{move || a.map(|a| points(locale.lang(), a))}</td>
                                }).collect_view()}
                                <td></td>
                            </tr></tfoot>
                        </table>
                    </div>
                    <a class="button primary csv" href=csv download=move || M::CsvFile.text(locale.lang())>
                        {t(M::ExportCsv)}
                    </a>
                </section>
                <by_item::ByItem items=items.clone() statistics/>
                <marking::ToMark items free_answers state reload/>
            }
        })}
    }
}

#[component]
fn ResultRow(pupil: PupilResult) -> impl IntoView {
    let locale = use_locale();
    let PupilResult {
        first_name,
        last_name,
        handed_in,
        last_score,
        last_handed_in,
        items,
        ..
    } = pupil;
    view! {
        <tr>
            <th scope="row">{last_name}</th>
            <td>{first_name}</td>
            <td class="number">{domain::locale::number(locale.lang(), i64::from(handed_in))}</td>
            <td class="number last-score">{move || match last_score {
                Some(score) => score_text(locale.lang(), score),
                None => M::NotHandedIn.text(locale.lang()),
            }}</td>
            {items.into_iter().map(|score| view! { <ItemCell score/> }).collect_view()}
            <td>{last_handed_in.map(date_time)}</td>
        </tr>
    }
}

#[component]
fn ItemCell(score: Option<ItemScore>) -> impl IntoView {
    let locale = use_locale();
    let class = match score.map(|s| s.status) {
        Some(domain::exercise::Status::AwaitingTeacher) => "number awaiting",
        _ => "number",
    };
    view! {
        <td class=class>{move || score.map(|s| match s.status {
            // A free answer not scored yet: no points to show, and 0 would read as a mark.
            domain::exercise::Status::AwaitingTeacher => "…".to_owned(),
            _ => points(locale.lang(), s.earned),
        })}</td>
    }
}

/// The table as a spreadsheet reads it: one line per pupil, numbers with a decimal comma.
fn csv(lang: Lang, results: &Loaded) -> String {
    let mut out = String::from(domain::csv::START);
    let mut head = vec![
        M::LastName.text(lang),
        M::FirstName.text(lang),
        M::HandedInTimes.text(lang),
        M::LastScore.text(lang),
        M::OutOf.text(lang),
    ];
    head.extend(
        results
            .items
            .iter()
            .enumerate()
            .map(|(n, _)| M::ItemColumn { number: number(n) }.text(lang)),
    );
    head.push(M::LastHandedIn.text(lang));
    out.push_str(&domain::csv::row(&head));
    for p in &results.pupils {
        let score = |f: fn(&crate::api::exercises::Score) -> Points| {
            p.last_score
                .as_ref()
                .map(|s| points(lang, f(s)))
                .unwrap_or_default()
        };
        let mut row = vec![
            p.last_name.clone(),
            p.first_name.clone(),
            p.handed_in.to_string(),
            score(|s| s.earned),
            score(|s| s.max),
        ];
        row.extend(p.items.iter().map(|item| match item {
            Some(s) if s.status != domain::exercise::Status::AwaitingTeacher => {
                points(lang, s.earned)
            }
            _ => String::new(),
        }));
        row.push(p.last_handed_in.map(date_time).unwrap_or_default());
        out.push_str(&domain::csv::row(&row));
    }
    out
}

/// An item's question number and points, as the sections below the table name it.
fn item_heading(lang: Lang, item: &ItemColumn, index: usize) -> String {
    format!(
        "{} · {}",
        M::Question {
            number: number(index)
        }
        .text(lang),
        M::Points {
            points: points(lang, item.points)
        }
        .text(lang)
    )
}

/// A link that downloads `text` as CSV, built in the page: the results are already here.
pub(crate) fn csv_href(text: &str) -> String {
    data_href("text/csv", text)
}
