//! Files made in the page and saved by the browser (results as CSV, an exercise as GIFT): a
//! `data:` link, the text being here already.

/// A link that downloads `text` as `mime` (UTF-8).
pub fn data_href(mime: &str, text: &str) -> String {
    #[cfg(feature = "csr")]
    {
        format!(
            "data:{mime};charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(text))
        )
    }
    #[cfg(not(feature = "csr"))]
    {
        let _ = (mime, text);
        String::new()
    }
}
