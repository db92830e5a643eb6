//! First load of the app in headless Chromium, for `scripts/bench.sh`: the time from navigation
//! to the sign-in form ready for typing (page, script and WebAssembly downloaded, compiled and
//! started, the session asked of the server, the form rendered), over loopback, each time in a
//! new browser profile, so with an empty cache. A figure, not a test: it prints, it never fails
//! on time. Usage: `cargo bench -p e2e --bench first_load -- [LOADS] [slow]`.
//!
//! `slow` has Chromium emulate a weak link (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip:
//! Lighthouse's "slow 4G", a busy school network or a phone at the edge of coverage), where the
//! download size, not the CPU, decides.

#[path = "../tests/it/support/mod.rs"]
mod support;

use fantoccini::Locator;
use std::time::Duration;
use support::{Browser, Network, ui};

#[tokio::main]
async fn main() {
    let loads: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let slow = std::env::args().nth(2).is_some_and(|a| a == "slow");
    let mut interactive = Vec::with_capacity(loads);
    for _ in 0..loads {
        let browser = Browser::start().await;
        if slow {
            browser.network(Network::Slow4g).await;
        }
        browser.open("/").await;
        browser
            .client
            .wait()
            .at_most(Duration::from_secs(30))
            .every(Duration::from_millis(2))
            .for_element(Locator::Css(ui::USERNAME))
            .await
            .expect("the sign-in form appears");
        // Milliseconds since the navigation started, read as soon as the form was seen.
        let ms = browser
            .js("return performance.now()")
            .await
            .as_f64()
            .unwrap_or(f64::NAN);
        let dom = browser
            .js("const n = performance.getEntriesByType('navigation')[0]; \
                 return n ? n.domContentLoadedEventEnd : null")
            .await
            .as_f64()
            .unwrap_or(f64::NAN);
        println!("LOAD {ms:.0} {dom:.0}");
        interactive.push(ms);
        browser.close().await;
    }
    interactive.sort_by(f64::total_cmp);
    let median = interactive
        .get(interactive.len() / 2)
        .copied()
        .unwrap_or(f64::NAN);
    let worst = interactive.last().copied().unwrap_or(f64::NAN);
    let label = if slow { "SLOW_LOAD" } else { "FIRST_LOAD" };
    println!("{label} {median:.0} {worst:.0} {loads}");
}
