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
use fantoccini::wd::WebDriverCompatibleCommand;
use std::time::Duration;
use support::{Browser, ui};

/// ChromeDriver's network emulation (`POST /session/{id}/chromium/network_conditions`), which
/// fantoccini has no method for. Throughputs are in bytes per second.
#[derive(Debug)]
struct NetworkConditions {
    latency_ms: u32,
    download_bytes_per_second: u32,
    upload_bytes_per_second: u32,
}

/// 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip.
const SLOW_4G: NetworkConditions = NetworkConditions {
    latency_ms: 150,
    download_bytes_per_second: 1_600_000 / 8,
    upload_bytes_per_second: 750_000 / 8,
};

impl WebDriverCompatibleCommand for NetworkConditions {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/chromium/network_conditions"))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({
            "network_conditions": {
                "offline": false,
                "latency": self.latency_ms,
                "download_throughput": self.download_bytes_per_second,
                "upload_throughput": self.upload_bytes_per_second,
            }
        });
        (http::Method::POST, Some(body.to_string()))
    }
}

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
            browser
                .client
                .issue_cmd(SLOW_4G)
                .await
                .expect("ChromeDriver emulates the network");
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
