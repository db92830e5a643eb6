//! The results of one assignment, for the teacher who gave it or who teaches the group: who
//! handed in, how many times, the last score and when; downloadable for a spreadsheet.

use super::errors::when_loaded;
use super::list::score_text;
use crate::api::exercises::PupilResult;
use crate::api::exercises::assigning::results;
use crate::i18n::msg::Exercises as M;
use crate::i18n::{Message, t, use_locale};
use domain::ids::AssignmentId;
use domain::lang::Lang;
use domain::locale::{date_time, hundredths};
use leptos::prelude::*;

#[component]
pub fn Results(assignment: AssignmentId) -> impl IntoView {
    let locale = use_locale();
    let list = LocalResource::new(move || results(assignment));
    view! {
        <p class="back"><a href="/exercises">{t(M::Back)}</a></p>
        <h1>{t(M::Results)}</h1>
        {when_loaded(list, move |pupils: Vec<PupilResult>| {
                    let csv = csv_href(&csv(locale.lang(), &pupils));
                    view! {
                        <section class="card results">
                            <div class="table-scroll">
                                <table class="results-table">
                                    <thead><tr>
                                        <th scope="col">{t(M::LastName)}</th>
                                        <th scope="col">{t(M::FirstName)}</th>
                                        <th scope="col">{t(M::HandedInTimes)}</th>
                                        <th scope="col">{t(M::LastScore)}</th>
                                        <th scope="col">{t(M::LastHandedIn)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {pupils.into_iter().map(|p| view! { <ResultRow pupil=p/> }).collect_view()}
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
fn ResultRow(pupil: PupilResult) -> impl IntoView {
    let locale = use_locale();
    let PupilResult {
        first_name,
        last_name,
        handed_in,
        last_score,
        last_handed_in,
        ..
    } = pupil;
    view! {
        <tr>
            <th scope="row">{last_name}</th>
            <td>{first_name}</td>
            <td class="number">{domain::locale::number(locale.lang(), i64::from(handed_in))}</td>
            <td class="number">{move || match last_score {
                Some(score) => score_text(locale.lang(), score),
                None => M::NotHandedIn.text(locale.lang()),
            }}</td>
            <td>{last_handed_in.map(date_time)}</td>
        </tr>
    }
}

/// The table as a spreadsheet reads it: one line per pupil, numbers with a decimal comma.
fn csv(lang: Lang, pupils: &[PupilResult]) -> String {
    let mut out = String::from(domain::csv::START);
    out.push_str(&domain::csv::row(&[
        M::LastName.text(lang),
        M::FirstName.text(lang),
        M::HandedInTimes.text(lang),
        M::LastScore.text(lang),
        M::OutOf.text(lang),
        M::LastHandedIn.text(lang),
    ]));
    for p in pupils {
        let points = |f: fn(&crate::api::exercises::Score) -> u32| {
            p.last_score
                .as_ref()
                .map(|s| hundredths(lang, i64::from(f(s))))
                .unwrap_or_default()
        };
        out.push_str(&domain::csv::row(&[
            p.last_name.clone(),
            p.first_name.clone(),
            p.handed_in.to_string(),
            points(|s| s.earned.hundredths()),
            points(|s| s.max.hundredths()),
            p.last_handed_in.map(date_time).unwrap_or_default(),
        ]));
    }
    out
}

/// A link that downloads `text`, built in the page: the results are already here.
pub(crate) fn csv_href(text: &str) -> String {
    #[cfg(feature = "csr")]
    {
        format!(
            "data:text/csv;charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(text))
        )
    }
    #[cfg(not(feature = "csr"))]
    {
        let _ = text;
        String::new()
    }
}
