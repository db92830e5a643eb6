//! The exercise versions attempts were given, kept in memory.
//!
//! Every save of answers and every hand-in scores or checks against the version its attempt
//! was given: without this, a query and a 5 KB JSON parse each time. A version is never
//! rewritten once an attempt uses it (`save_exercise` writes a new one), so what is kept here
//! needs no invalidation, on one server process or several.

use domain::exercise::Exercise;
use domain::ids::ExerciseId;
use hashlink::LruCache;
use std::sync::{Arc, Mutex};

/// Versions kept: a region's exercises being done at once. At ≈ 10 KB each in memory, 40 MB.
const KEPT: usize = 4096;

pub(crate) struct Versions(Mutex<LruCache<(ExerciseId, i64), Arc<Exercise>>>);

impl Versions {
    pub(crate) fn new() -> Self {
        Self(Mutex::new(LruCache::new(KEPT)))
    }

    pub(crate) fn get(&self, id: ExerciseId, version: i64) -> Option<Arc<Exercise>> {
        self.lock().get(&(id, version)).cloned()
    }

    pub(crate) fn keep(&self, id: ExerciseId, version: i64, exercise: Arc<Exercise>) {
        self.lock().insert((id, version), exercise);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LruCache<(ExerciseId, i64), Arc<Exercise>>> {
        // A panic while holding it cannot leave the map half-written: take it over.
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
