//! (f) The scoring's speed in the build it runs in: natively (the server) and compiled to wasm32
//! (the browser, here under node). Ignored: a figure printed for `scripts/bench.sh`, never a
//! pass or a fail.

use super::super::fixtures::{full_response, twenty_items};
use super::super::score;
use std::hint::black_box;

const RUNS: u32 = 5_000;

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[ignore = "a figure for scripts/bench.sh, not a test"]
fn scoring_in_this_build() {
    let exercise = twenty_items();
    let key = exercise.key();
    let response = full_response();
    for _ in 0..RUNS / 10 {
        let _ = black_box(score(black_box(&key), black_box(&response)));
    }
    let clock = Clock::start();
    for _ in 0..RUNS {
        let _ = black_box(score(black_box(&key), black_box(&response)));
    }
    let micros = clock.elapsed_ms() * 1000.0 / f64::from(RUNS);
    let build = if cfg!(target_arch = "wasm32") {
        "wasm32"
    } else {
        "native"
    };
    report(&format!(
        "SCORING {build} {micros:.1} µs per {}-item exercise",
        exercise.items.len()
    ));
}

#[cfg(not(target_arch = "wasm32"))]
struct Clock(std::time::Instant);

#[cfg(not(target_arch = "wasm32"))]
impl Clock {
    fn start() -> Self {
        Clock(std::time::Instant::now())
    }
    fn elapsed_ms(&self) -> f64 {
        self.0.elapsed().as_secs_f64() * 1000.0
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn report(line: &str) {
    println!("{line}");
}

/// Node's clock, in milliseconds.
#[cfg(target_arch = "wasm32")]
struct Clock(f64);

#[cfg(target_arch = "wasm32")]
impl Clock {
    fn start() -> Self {
        Clock(js_sys::Date::now())
    }
    fn elapsed_ms(&self) -> f64 {
        js_sys::Date::now() - self.0
    }
}

#[cfg(target_arch = "wasm32")]
fn report(line: &str) {
    wasm_bindgen_test::console_log!("{line}");
}
