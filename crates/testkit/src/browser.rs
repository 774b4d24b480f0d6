//! A real browser for page tests: Debian's headless Chromium driven through
//! ChromeDriver, with axe-core (from the project's npm packages) checking
//! every page against WCAG 2.1 AA.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

use crate::skip;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Where screenshots go: `screenshots/` at the top of the workspace.
pub fn screenshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../screenshots")
}

fn axe_source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/assets/node_modules/axe-core/axe.min.js")
}

/// A headless Chromium session; the driver process ends with it.
pub struct Browser {
    pub client: Client,
    driver: Child,
    base_url: String,
    /// Tells apart the screenshots of several runs of one test.
    pub label: String,
}

impl Browser {
    /// Starts ChromeDriver and a headless Chromium, or `None` (the test is
    /// skipped) when they are not installed.
    pub async fn start(base_url: &str, label: &str) -> Option<Self> {
        if !Path::new(CHROMIUM).exists() || !Path::new(CHROMEDRIVER).exists() {
            skip("Chromium or ChromeDriver is not installed (apt-get install chromium chromium-driver)");
            return None;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .ok()?
            .local_addr()
            .ok()?
            .port();
        let mut driver = Command::new(CHROMEDRIVER);
        driver
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // Its own process group, which Chromium joins: see `Drop`.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut driver, 0);
        let driver = driver.spawn().expect("start chromedriver");
        let capabilities = json!({
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                // The machine's network is closed: no background calls home.
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-quic", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--window-size=1280,1600",
                         "--lang=it-IT",
                         // Bootstrap scrolls smoothly unless motion is reduced: ChromeDriver's
                         // scroll into view would then still be running when it clicks, and a
                         // click below the fold fails as "element click intercepted".
                         "--force-prefers-reduced-motion"],
                // Headless Chromium ignores --lang for Accept-Language: Italian pages
                // come from this preference.
                "prefs": { "intl.accept_languages": "it-IT,it" }
            }
        });
        let capabilities = capabilities.as_object().cloned().expect("capabilities");
        let mut client = None;
        for _ in 0..50 {
            match ClientBuilder::rustls()
                .expect("TLS setup")
                .capabilities(capabilities.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(connected) => {
                    client = Some(connected);
                    break;
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
        let client = client.expect("connect to chromedriver");
        Some(Self {
            client,
            driver,
            base_url: base_url.to_owned(),
            label: label.to_owned(),
        })
    }

    pub async fn open(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base_url))
            .await
            .expect("open page");
    }

    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("current url");
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// Signs in through the login form.
    pub async fn sign_in(&self, email: &str, password: &str) {
        self.open("/login").await;
        self.fill("#email", email).await;
        self.fill("#password", password).await;
        self.click("form[action='/login'] button[type=submit]").await;
    }

    /// Signs out with the button in the header.
    pub async fn sign_out(&self) {
        self.click("form[action='/logout'] button").await;
    }

    pub async fn fill(&self, css: &str, text: &str) {
        let field = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"));
        field.clear().await.expect("clear");
        field.send_keys(text).await.expect("type");
    }

    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"))
            .click()
            .await
            .expect("click");
    }

    /// Picks an option of a `<select>` by its value.
    pub async fn select(&self, css: &str, value: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"))
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("no option {value} in {css}: {e}"));
    }

    pub async fn text(&self, css: &str) -> String {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"))
            .text()
            .await
            .expect("text")
    }

    pub async fn page_text(&self) -> String {
        self.text("body").await
    }

    /// Saves a PNG of the page as `screenshots/LABEL-NAME.png`.
    pub async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.expect("screenshot");
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        std::fs::write(dir.join(format!("{}-{name}.png", self.label)), png).expect("write screenshot");
    }

    /// Runs axe-core on the page and returns the WCAG 2.1 A/AA violations,
    /// one line each.
    pub async fn accessibility_violations(&self) -> Vec<String> {
        let axe = std::fs::read_to_string(axe_source()).expect("axe-core (npm ci in crates/web/assets)");
        self.client.execute(&axe, vec![]).await.expect("load axe-core");
        let script = r"
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
               .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' — ' +
                    v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))))
               .catch(e => done(['axe failed: ' + e]));";
        let result = self
            .client
            .execute_async(script, vec![])
            .await
            .expect("run axe-core");
        match result {
            Value::Array(items) => items
                .into_iter()
                .map(|v| v.as_str().unwrap_or_default().to_owned())
                .collect(),
            other => vec![format!("unexpected axe result {other}")],
        }
    }

    /// Fails the test if the page breaks WCAG 2.1 AA, naming the page.
    pub async fn assert_accessible(&self, page: &str) {
        let violations = self.accessibility_violations().await;
        assert!(
            violations.is_empty(),
            "{page} is not accessible:\n{}",
            violations.join("\n")
        );
    }

    /// Ends the session, which quits Chromium, then the driver (on drop).
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Browser {
    /// Killing ChromeDriver alone would leave Chromium running (when a test
    /// fails, nothing closed the session): the whole process group ends.
    /// The group is killed before the driver is reaped, so that its id
    /// cannot belong to another process yet.
    fn drop(&mut self) {
        #[cfg(unix)]
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.driver.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
