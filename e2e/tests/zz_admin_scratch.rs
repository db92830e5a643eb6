//! SCRATCH (admin helper, to be deleted): drives the admin page against /tmp/admin-dist.
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct B { c: Client, base: String }

async fn start(width: u32) -> (B, std::process::Child) {
    let tmp = std::path::PathBuf::from(format!("/tmp/scratch/run-{width}"));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).unwrap();
    let mut config = server::config::Config::from_env(&[]).unwrap();
    config.database_url = format!("sqlite://{}?mode=rwc", tmp.join("scola.db").display());
    config.data_dir = tmp.clone();
    config.dist_dir = "/tmp/admin-dist".into();
    config.demo = true;
    let app = server::App::build(&config).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app.router.into_make_service_with_connect_info::<std::net::SocketAddr>()).await;
    });
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let driver = Command::new("/usr/bin/chromedriver").arg(format!("--port={port}")).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    let mut caps = json!({"goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": ["--headless","--no-sandbox","--disable-gpu","--disable-dev-shm-usage", format!("--window-size={width},900"), format!("--user-data-dir={}", tmp.join("chromium").display())]}});
    if width < 500 { caps["goog:chromeOptions"]["mobileEmulation"] = json!({"deviceMetrics": {"width": width, "height": 740, "pixelRatio": 1.0}}); }
    let caps = caps.as_object().cloned().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let c = loop {
        match ClientBuilder::rustls().unwrap().capabilities(caps.clone()).connect(&format!("http://127.0.0.1:{port}")).await {
            Ok(c) => break c,
            Err(e) if Instant::now() > deadline => panic!("{e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    };
    (B { c, base }, driver)
}

impl B {
    async fn find(&self, css: &str) -> fantoccini::elements::Element {
        self.c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no {css}: {e}"))
    }
    async fn click(&self, css: &str) { self.find(css).await.click().await.unwrap(); }
    async fn fill(&self, css: &str, v: &str) { let e = self.find(css).await; e.clear().await.unwrap(); e.send_keys(v).await.unwrap(); }
    async fn text(&self) -> String { self.find("main").await.text().await.unwrap_or_default() }
    async fn wait_text(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let t = self.text().await;
            if t.contains(needle) { return t; }
            if Instant::now() > deadline { self.shot("failure").await; let h = self.js("return document.body.innerHTML").await; std::fs::write("/tmp/scratch/failure.html", h.as_str().unwrap_or("")).unwrap(); panic!("never {needle:?}; page: {t}"); }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    async fn shot(&self, name: &str) {
        let png = self.c.screenshot().await.unwrap();
        std::fs::write(format!("/tmp/scratch/{name}.png"), png).unwrap();
    }
    async fn full_shot(&self, name: &str, width: u32) {
        if width < 500 { self.shot(name).await; return; }
        let h = self.c.execute("return document.documentElement.scrollHeight", vec![]).await.unwrap().as_u64().unwrap_or(900);
        let _ = self.c.set_window_size(width, h as u32 + 50).await;
        self.shot(name).await;
        let _ = self.c.set_window_size(width, 900).await;
    }
    async fn js(&self, s: &str) -> serde_json::Value { self.c.execute(s, vec![]).await.unwrap() }
}

async fn flow(width: u32) {
    let (b, mut driver) = start(width).await;
    b.c.goto(&format!("{}/", b.base)).await.unwrap();
    b.fill("#username", "petru.casanova").await;
    b.fill("#password", server::seed::DEMO_PASSWORD).await;
    b.click("form button[type=submit]").await;
    b.click("#charter-agree").await;
    b.click("button.primary").await;
    b.find("ul.services").await;
    b.c.goto(&format!("{}/admin", b.base)).await.unwrap();
    b.wait_text("Lisandru").await;
    b.full_shot(&format!("{width}-1-accounts"), width).await;
    // Search + filter
    b.fill("#account-search", "pieri").await;
    b.click("form.admin-search button[type=submit]").await;
    b.wait_text("2 comptes trouvés").await;
    // Create
    b.fill("#new-first-name", "Anna").await;
    b.fill("#new-last-name", "Colonna").await;
    b.find("#new-last-name").await.send_keys("\u{E007}").await.unwrap();
    let _ = b.wait_text("Mot de passe provisoire").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let t = b.wait_text("anna.colonna2").await;
    assert!(t.contains("Mot de passe provisoire"), "{t}");
    let focused = b.js("return document.activeElement && document.activeElement.id").await;
    println!("focus after create: {focused}");
    b.full_shot(&format!("{width}-2-created"), width).await;
    b.click(".one-time button").await;
    // Create with empty names
    b.click(".admin-create button[type=submit]").await;
    b.wait_text("Ce champ est obligatoire").await;
    b.full_shot(&format!("{width}-3-invalid"), width).await;
    // Manage Anna Colonna (original)
    b.fill("#account-search", "anna").await;
    b.click("form.admin-search button[type=submit]").await;
    b.wait_text("2 comptes trouvés").await;
    b.js("document.querySelector('table.admin-table tbody tr:first-child button').dataset.mark = 'x'; document.querySelector('main').dataset.mark='m'; window.__log = []; const f = HTMLElement.prototype.focus; HTMLElement.prototype.focus = function() { window.__log.push('focus() ' + this.tagName + '#' + this.id + ' ' + this.isConnected + ' ' + (this.getRootNode() === document)); return f.apply(this, arguments); }; document.addEventListener('focusin', e => window.__log.push('in ' + e.target.tagName + '#' + e.target.id), true); document.addEventListener('focusout', e => window.__log.push('out ' + e.target.tagName + '#' + e.target.id + ' ' + e.target.isConnected), true); return 1").await;
    b.click("table.admin-table tbody tr:first-child button").await;
    b.wait_text("Compte de").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    println!("marks: {}", b.js("return [document.querySelector('table.admin-table tbody tr:first-child button').dataset.mark, document.querySelector('main').dataset.mark, JSON.stringify(window.__log)]").await);
    for ms in [0u64, 50, 200, 1000] {
        tokio::time::sleep(Duration::from_millis(ms)).await;
        println!("{ms}: {}", b.js("return document.activeElement.tagName + ' ' + document.activeElement.id").await);
    }
    println!("manual: {}", b.js("var h = document.getElementById('account-panel-title'); h.focus(); return document.activeElement.id + ' / ' + h.getAttribute('tabindex')").await);
    let focused = b.js("return document.activeElement && document.activeElement.outerHTML.slice(0, 120)").await;
    println!("focus after manage: {focused}");
    b.full_shot(&format!("{width}-4-panel"), width).await;
    // Reset password
    b.click(".admin-panel .admin-subform:nth-of-type(2) button.secondary").await;
    b.wait_text("Donner un nouveau mot de passe").await;
    b.click(".admin-panel button.danger").await;
    b.wait_text("Mot de passe réinitialisé").await;
    b.full_shot(&format!("{width}-5-reset"), width).await;
    b.click(".one-time button").await;
    // Add a role
    b.click(".admin-panel form.inline-form button[type=submit]").await;
    b.wait_text("Profil ajouté").await;
    // Link a parent via picker
    b.fill("#link-parent", "pieri").await;
    b.click(".admin-panel .picker button[type=submit]").await;
    b.wait_text("Choisir").await;
    b.full_shot(&format!("{width}-6-picker"), width).await;
    b.click(".admin-panel .pick-list li:first-child button").await;
    b.wait_text("Lien enregistré").await;
    b.full_shot(&format!("{width}-7-linked"), width).await;
    // Groups
    b.click(".admin-parts button:nth-child(2)").await;
    b.wait_text("Lingua corsa 5e").await;
    b.full_shot(&format!("{width}-8-groups"), width).await;
    b.click("table.admin-table tbody tr:first-child button").await;
    b.wait_text("Classe 5e A").await;
    b.fill("#add-member", "anna").await;
    b.click("#add-member").await;
    b.c.active_element().await.unwrap().send_keys("\u{E007}").await.unwrap();
    b.wait_text("anna.colonna").await;
    b.click(".admin-panel .pick-list li:first-child button").await;
    b.wait_text("a quitté 5e B").await;
    b.full_shot(&format!("{width}-9-group-panel"), width).await;
    b.click(".danger-zone button.danger").await;
    b.wait_text("Ses élèves et ses enseignants restent").await;
    b.click(".danger-zone button.danger").await;
    b.wait_text("ne figure plus dans la liste").await;
    b.full_shot(&format!("{width}-10-deleted"), width).await;
    // Corsican
    b.click(".topbar .lang-switch button[lang=co]").await;
    b.wait_text("Classe è gruppi").await;
    b.full_shot(&format!("{width}-11-co"), width).await;
    let overflow = b.js("return document.documentElement.scrollWidth > window.innerWidth").await;
    println!("{width}: horizontal overflow: {overflow}");
    let _ = b.c.close().await;
    let _ = driver.kill();
}

#[tokio::test]
async fn scratch_desktop() { flow(1280).await; }
#[tokio::test]
async fn scratch_phone() { flow(360).await; }
