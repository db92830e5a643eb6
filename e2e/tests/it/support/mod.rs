//! A real browser against a real server: Debian's Chromium driven through chromedriver, the
//! Scola server in-process on a free port with a fresh SQLite database and the app built by
//! Trunk and split by area (`dist/`, built by the test command before the tests run).
#![allow(dead_code)]

pub mod ui;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::net::TcpListener as StdListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// How long a step may take to show before a test fails. Generous: a passing test never waits
/// for it, and two browsers and the server share two cores in CI (a page's first visit to the
/// exercises also starts the service worker, which fetches the app's files again).
const PATIENCE: Duration = Duration::from_secs(40);

pub const PASSWORD: &str = server::seed::DEMO_PASSWORD;
static COUNTER: AtomicU32 = AtomicU32::new(0);

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn free_port() -> u16 {
    StdListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A browser session on a fresh Scola.
pub struct Browser {
    pub client: Client,
    pub base: String,
    driver: Child,
    shots: PathBuf,
    /// Set: the cable between the browser and the server is pulled (see [`cable`]).
    unplugged: tokio::sync::watch::Sender<bool>,
}

impl Browser {
    /// Starts a server on a fresh database and a headless Chromium of `width` pixels.
    pub async fn start_with_width(width: u32) -> Browser {
        Self::start_configured(width, |_| {}).await
    }

    /// The same, the server's settings changed by `change` (plain http unless it says otherwise).
    pub async fn start_configured(
        width: u32,
        change: impl FnOnce(&mut server::config::Config),
    ) -> Browser {
        let dist = workspace().join("dist");
        assert!(
            dist.join("index.html").exists(),
            "build the app first: trunk build --release (scripts/test.sh does)"
        );
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("e2e-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&tmp).expect("temp dir");

        let mut config = server::config::Config::from_env(&[]).expect("config");
        config.database_url = format!("sqlite://{}?mode=rwc", tmp.join("scola.db").display());
        config.data_dir = tmp.clone();
        config.dist_dir = dist;
        config.demo = true;
        config.https = false;
        change(&mut config);
        let app = server::App::build(&config).await.expect("server starts");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let server = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            let service = app
                .router
                .into_make_service_with_connect_info::<std::net::SocketAddr>();
            let _ = axum::serve(listener, service).await;
        });
        // The browser reaches the server through a cable the test can pull.
        let public = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!("http://{}", public.local_addr().expect("addr"));
        let (unplugged, plug) = tokio::sync::watch::channel(false);
        tokio::spawn(cable(public, server, plug));

        let port = free_port();
        let driver = Command::new("/usr/bin/chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (apt-get install chromium-driver)");
        // Headless windows are never narrower than 500 px: phones are emulated instead.
        let mobile = (width < 500).then(
            || json!({ "deviceMetrics": { "width": width, "height": 740, "pixelRatio": 1.0 } }),
        );
        let mut caps = json!({
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage",
                    // A microphone that plays a tone, granted without asking: pupils record.
                    "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                    format!("--window-size={width},900"),
                    format!("--user-data-dir={}", tmp.join("chromium").display()),
                ]
            }
        });
        if let Some(mobile) = mobile {
            caps["goog:chromeOptions"]["mobileEmulation"] = mobile;
        }
        let caps = caps.as_object().cloned().expect("object");
        // chromedriver needs a moment to listen: retry until it answers, for at most 20 s.
        let deadline = Instant::now() + Duration::from_secs(20);
        let client = loop {
            match ClientBuilder::rustls()
                .expect("tls")
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() > deadline => panic!("chromedriver did not start: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        let shots = workspace().join("target").join("e2e-screenshots");
        std::fs::create_dir_all(&shots).expect("screenshot dir");
        Browser {
            client,
            base,
            driver,
            shots,
            unplugged,
        }
    }

    pub async fn start() -> Browser {
        Self::start_with_width(1280).await
    }

    pub async fn open(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .expect("navigate");
    }

    /// Waits (polling, up to `PATIENCE`) for an element and returns it.
    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    /// Waits (up to `PATIENCE`) for an element found by XPath, for what CSS cannot say (an element
    /// by the text it holds), and returns it.
    pub async fn find_xpath(&self, xpath: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(xpath))
            .await
            .unwrap_or_else(|e| panic!("no element {xpath}: {e}"))
    }

    /// Waits until the page's text contains `needle`.
    pub async fn wait_text(&self, css: &str, needle: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await
                && let Ok(text) = el.text().await
                && text.contains(needle)
            {
                return text;
            }
            if Instant::now() > deadline {
                let body = self.text("body").await;
                panic!("{css} never contained {needle:?}; page: {body}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until an input's value contains `needle`.
    pub async fn wait_value(&self, css: &str, needle: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let value = self.find(css).await.prop("value").await.ok().flatten();
            if value.as_deref().is_some_and(|v| v.contains(needle)) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{css} never held {needle:?} (has {value:?})"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until a control is enabled again (a form's request has been answered).
    pub async fn wait_enabled(&self, css: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let el = self.find(css).await;
            if el.attr("disabled").await.ok().flatten().is_none() {
                return;
            }
            assert!(Instant::now() < deadline, "{css} stayed disabled");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn text(&self, css: &str) -> String {
        match self.client.find(Locator::Css(css)).await {
            Ok(el) => el.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    pub async fn fill(&self, css: &str, value: &str) {
        let el = self.find(css).await;
        el.clear().await.expect("clear");
        el.send_keys(value).await.expect("type");
    }

    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.expect("click");
    }

    /// Clicks the first `css` element whose text is exactly `text` (waiting for it).
    pub async fn click_text(&self, css: &str, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            for el in self
                .client
                .find_all(Locator::Css(css))
                .await
                .unwrap_or_default()
            {
                if el.text().await.is_ok_and(|t| t.trim() == text) {
                    el.click().await.expect("click");
                    return;
                }
            }
            assert!(Instant::now() < deadline, "no {css} reading {text:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.client.execute(script, vec![]).await.expect("script")
    }

    /// Has Chromium emulate `network` until told otherwise; offline, the cable to the server is
    /// pulled as well: Chromium's emulation does not reach a service worker's requests, and
    /// a page that opens offline must owe nothing to a server still answering.
    pub async fn network(&self, network: Network) {
        let offline = matches!(network, Network::Offline);
        self.client
            .issue_cmd(network)
            .await
            .expect("ChromeDriver emulates the network");
        self.unplugged.send_replace(offline);
    }

    /// The addresses the service worker keeps (its cache), by path.
    pub async fn kept_by_worker(&self) -> Vec<String> {
        let paths = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                caches.open('scola-app').then(c => c.keys())
                    .then(keys => done(keys.map(k => new URL(k.url).pathname)))
                    .catch(() => done([]));",
                vec![],
            )
            .await
            .expect("script");
        strings(&paths)
    }

    /// The WebAssembly modules this page has downloaded, by file name.
    pub async fn modules_loaded(&self) -> Vec<String> {
        let names = self
            .js("return performance.getEntriesByType('resource')
                .map(e => new URL(e.name).pathname.split('/').pop())
                .filter(n => n.endsWith('.wasm'))")
            .await;
        strings(&names)
    }

    pub async fn screenshot(&self, name: &str) {
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(self.shots.join(format!("{name}.png")), png);
        }
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// The strings of a script's answer that is an array of them.
fn strings(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|n| n.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Carries the browser's connections to the server until `unplugged` says otherwise; then cuts
/// those open and refuses new ones, as a pulled cable does.
async fn cable(
    public: tokio::net::TcpListener,
    server: std::net::SocketAddr,
    unplugged: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        let Ok((mut inbound, _)) = public.accept().await else {
            continue;
        };
        if *unplugged.borrow() {
            continue;
        }
        let mut cut = unplugged.clone();
        tokio::spawn(async move {
            let Ok(mut outbound) = tokio::net::TcpStream::connect(server).await else {
                return;
            };
            tokio::select! {
                _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
                _ = cut.wait_for(|unplugged| *unplugged) => {}
            }
        });
    }
}

/// ChromeDriver's network emulation (`/session/{id}/chromium/network_conditions`), which
/// fantoccini has no method for.
#[derive(Debug)]
pub enum Network {
    /// No network at all: every request fails as with the cable pulled.
    Offline,
    /// 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip: Lighthouse's "slow 4G".
    Slow4g,
    /// Back to the real (loopback) network.
    Normal,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Network {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/chromium/network_conditions"))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        // Throughputs in bytes per second.
        let (offline, latency, down, up) = match self {
            Network::Normal => return (http::Method::DELETE, None),
            Network::Offline => (true, 0, 0, 0),
            Network::Slow4g => (false, 150, 1_600_000 / 8, 750_000 / 8),
        };
        let body = json!({
            "network_conditions": {
                "offline": offline,
                "latency": latency,
                "download_throughput": down,
                "upload_throughput": up,
            }
        });
        (http::Method::POST, Some(body.to_string()))
    }
}
