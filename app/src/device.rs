//! What this browser keeps in `localStorage`, as JSON: a pupil's drafts and sittings, the
//! identity the app starts with offline (see `pages::exercises::draft`, `offline`).

#[cfg(feature = "csr")]
mod store {
    use serde::Serialize;
    use serde::de::DeserializeOwned;

    fn local() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    /// A full or refused storage (private browsing) keeps nothing: the page still works, it only
    /// cannot outlive a reload while offline.
    pub fn set<T: Serialize>(key: &str, value: &T) {
        if let (Some(storage), Ok(json)) = (local(), serde_json::to_string(value)) {
            let _ = storage.set_item(key, &json);
        }
    }

    pub fn get<T: DeserializeOwned>(key: &str) -> Option<T> {
        let json = local()?.get_item(key).ok()??;
        serde_json::from_str(&json).ok()
    }

    pub fn remove(key: &str) {
        if let Some(storage) = local() {
            let _ = storage.remove_item(key);
        }
    }
}

/// The server build compiles the views but never runs them: no storage there.
#[cfg(not(feature = "csr"))]
mod store {
    use serde::Serialize;
    use serde::de::DeserializeOwned;

    pub fn set<T: Serialize>(_: &str, _: &T) {}

    pub fn get<T: DeserializeOwned>(_: &str) -> Option<T> {
        None
    }

    pub fn remove(_: &str) {}
}

pub use store::{get, remove, set};
