//! Answers kept on this device until the server holds them, so closing the tab, reloading or
//! losing the network loses nothing.
//!
//! A draft is written on every change and removed once the server has saved those very answers;
//! so a draft found when an attempt opens is newer than what the server has, and wins. Drafts
//! stay after signing out: they are one pupil's answers to one attempt (the key names it), shown
//! to nobody else, and deleting them would lose what the network could not yet send.

use domain::exercise::Response;
use domain::ids::AttemptId;

/// The draft of one attempt.
#[derive(Clone, Copy)]
pub struct Draft(AttemptId);

impl Draft {
    pub fn of(attempt: AttemptId) -> Self {
        Draft(attempt)
    }

    fn key(self) -> String {
        format!("scola-draft-{}", self.0)
    }

    pub fn keep(self, response: &Response) {
        store::set(&self.key(), response);
    }

    pub fn load(self) -> Option<Response> {
        store::get(&self.key())
    }

    /// The server has saved `saved`: the draft goes, unless the pupil has answered more since.
    pub fn saved(self, saved: &Response) {
        if self.load().as_ref() == Some(saved) {
            self.forget();
        }
    }

    pub fn forget(self) {
        store::remove(&self.key());
    }
}

#[cfg(feature = "csr")]
mod store {
    use domain::exercise::Response;

    fn local() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    /// A full or refused storage (private browsing) leaves the server as the only copy: the page
    /// still works, it only cannot outlive a reload while offline.
    pub fn set(key: &str, response: &Response) {
        if let (Some(storage), Ok(json)) = (local(), serde_json::to_string(response)) {
            let _ = storage.set_item(key, &json);
        }
    }

    pub fn get(key: &str) -> Option<Response> {
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
    use domain::exercise::Response;

    pub fn set(_: &str, _: &Response) {}

    pub fn get(_: &str) -> Option<Response> {
        None
    }

    pub fn remove(_: &str) {}
}
