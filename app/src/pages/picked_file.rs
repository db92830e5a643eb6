//! The file a person picks in an `<input type="file">`, read in the page: a picture or a
//! recording for an exercise, a sequence's archive to import.
//!
//! The browser's objects are reached through `Reflect` and `Function::call` rather than
//! `web-sys`' typed bindings: each binding adds its own shim to the one JavaScript file every
//! page loads first, which has no room left for them (`scripts/bench/sizes.sh`).

#[cfg(feature = "csr")]
pub use browser::*;

#[cfg(feature = "csr")]
mod browser {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    pub fn get(target: &JsValue, key: impl Into<JsValue>) -> Option<JsValue> {
        Reflect::get(target, &key.into())
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }

    /// `target.method()` or `target.method(arg)`.
    pub fn call(target: &JsValue, method: &str, arg: Option<&JsValue>) -> Option<JsValue> {
        let function: Function = get(target, method)?.unchecked_into();
        match arg {
            Some(arg) => function.call1(target, arg),
            None => function.call0(target),
        }
        .ok()
    }

    /// The same, a promise, awaited.
    pub async fn wait(target: &JsValue, method: &str, arg: Option<&JsValue>) -> Option<JsValue> {
        let promise: js_sys::Promise = call(target, method, arg)?.unchecked_into();
        JsFuture::from(promise).await.ok()
    }

    pub async fn bytes(blob: &JsValue) -> Option<Vec<u8>> {
        let buffer = wait(blob, "arrayBuffer", None).await?;
        Some(js_sys::Uint8Array::new(&buffer).to_vec())
    }

    /// The file picked in the `<input type="file">` of `ev`, and its name.
    pub async fn picked_file(ev: &leptos::ev::Event) -> Option<(Vec<u8>, Option<String>)> {
        let input: JsValue = ev.target()?.into();
        let file = get(&get(&input, "files")?, 0)?;
        let name = get(&file, "name").and_then(|n| n.as_string());
        let read = bytes(&file).await;
        // The same file picked again is a change too.
        let _ = Reflect::set(&input, &"value".into(), &"".into());
        Some((read?, name))
    }
}

/// The server build compiles the views but never runs them.
#[cfg(not(feature = "csr"))]
pub async fn picked_file(_: &leptos::ev::Event) -> Option<(Vec<u8>, Option<String>)> {
    None
}
