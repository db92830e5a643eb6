//! Showing an area's errors ([`crate::api::area_error::AreaError`]): each area says its problems
//! in the reader's language ([`Described`]); loading and banners are the same everywhere.

use crate::i18n::{msg, t, use_locale};
use domain::lang::Lang;
use leptos::prelude::*;

/// An error an area can say in the reader's language.
pub trait Described: Clone + Send + Sync + 'static {
    fn describe(&self, lang: Lang) -> String;
}

/// An error of a whole page or form, announced to screen readers.
pub fn area_banner<E: Described>(
    error: impl Get<Value = Option<E>> + Send + Sync + 'static,
) -> impl IntoView {
    let locale = use_locale();
    move || {
        error.get().map(|e| {
            view! { <p class="error-banner" role="alert">{e.describe(locale.lang())}</p> }
        })
    }
}

/// What a loading resource shows: "loading", then `ok` of its value, or the error.
pub fn when_loaded<T, E, V>(
    resource: LocalResource<Result<T, E>>,
    ok: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    E: Described,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=move || view! { <p aria-busy="true">{t(msg::Common::Loading)}</p> }>
            {move || resource.get().map(|r| match r {
                Ok(value) => ok(value).into_any(),
                Err(e) => area_banner(Signal::derive(move || Some(e.clone()))).into_any(),
            })}
        </Suspense>
    }
}
