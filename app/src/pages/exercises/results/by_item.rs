//! Question by question: the class's average, the free answers still to score, and the wrong
//! answers given most often, with how many times.

use super::{item_heading, points};
use crate::api::exercises::ItemColumn;
use crate::i18n::msg::Exercises as M;
use crate::i18n::{Message, t, use_locale};
use domain::exercise::statistics::{Given, ItemStatistics};
use domain::lang::Lang;
use leptos::prelude::*;

#[component]
pub fn ByItem(items: Vec<ItemColumn>, statistics: Vec<ItemStatistics>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="card by-item" aria-labelledby="by-item-title">
            <h2 id="by-item-title">{t(M::ByItem)}</h2>
            <ol class="by-item-list">
                {items.into_iter().zip(statistics).enumerate().map(|(index, (item, stats))| {
                    let heading = item.clone();
                    let max = item.points;
                    let awaiting = i64::from(stats.awaiting);
                    view! {
                        <li class="by-item-entry" data-item=item.id.to_string()>
                            <h3>{move || item_heading(locale.lang(), &heading, index)}</h3>
                            <p class="item-average">{move || {
                                let lang = locale.lang();
                                match stats.average {
                                    Some(average) => M::ItemAverage {
                                        average: points(lang, average),
                                        max: points(lang, max),
                                    }.text(lang),
                                    None => M::ItemNoAverage.text(lang),
                                }
                            }}</p>
                            {(awaiting > 0).then(|| view! { <p>{t(M::ItemAwaiting { count: awaiting })}</p> })}
                            {if stats.wrong.is_empty() {
                                view! { <p class="no-wrong">{t(M::NoWrong)}</p> }.into_any()
                            } else {
                                view! {
                                    <p>{t(M::MostWrong)}</p>
                                    <ul class="most-wrong">
                                        {stats.wrong.into_iter().map(|w| {
                                            let count = i64::from(w.count);
                                            view! {
                                                <li>
                                                    <span class="given">{move || given(locale.lang(), &w.given)}</span>
                                                    " · "
                                                    <span class="times">{t(M::WrongTimes { count })}</span>
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

fn given(lang: Lang, given: &Given) -> String {
    match given {
        Given::TrueFalse { value: true } => M::True.text(lang),
        Given::TrueFalse { value: false } => M::False.text(lang),
        Given::Text { text } => text.clone(),
    }
}
