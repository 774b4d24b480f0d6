//! A real browser for page tests: Debian's headless Chromium driven through
//! ChromeDriver, with axe-core (from the project's npm packages) checking
//! every page against WCAG 2.1 AA.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::elements::Element;
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

/// A headless Chromium session; the driver process ends with it. It keeps
/// what its checks found, so a test fails once at the end naming every
/// page that breaks WCAG 2.1 AA.
pub struct Browser {
    pub client: Client,
    driver: Child,
    base_url: String,
    /// Tells apart the screenshots of several runs of one test.
    pub label: String,
    /// Screenshots taken by [`Self::check`], to number them in order.
    shots: u32,
    violations: Vec<String>,
}

/// How long a page may take to replace the previous one.
const PAGE_TIMEOUT: Duration = Duration::from_secs(20);

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
            shots: 0,
            violations: Vec::new(),
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
        // Waits for the page after the login, or a page opened next could be
        // overtaken by the login's redirect.
        self.follow(Locator::Css("form[action='/login'] button[type=submit]"))
            .await;
    }

    /// Signs out with the button in the header, and waits for the login page.
    pub async fn sign_out(&self) {
        self.follow(Locator::Css("form[action='/logout'] button")).await;
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

    /// Saves a numbered screenshot of the whole page
    /// (`screenshots/LABEL-NN-NAME.png`) and records its WCAG 2.1 A/AA
    /// violations, if any.
    pub async fn check(&mut self, name: &str) {
        self.shots += 1;
        let shot = format!("{:02}-{name}", self.shots);
        // Web fonts load with `font-display: swap`: wait for them.
        let fonts =
            "const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done(true));";
        self.client.execute_async(fonts, vec![]).await.expect("fonts");
        self.full_page_screenshot(&shot).await;
        let path = self.path().await;
        for violation in self.accessibility_violations().await {
            // Shown at once too, in case a later step fails the test first.
            let finding = format!("{shot} ({path}): {violation}");
            eprintln!("accessibility: {finding}");
            self.violations.push(finding);
        }
    }

    /// A screenshot of the whole page: the window grows to the page's
    /// height for it, then goes back.
    pub async fn full_page_screenshot(&self, name: &str) {
        let (width, height) = self.client.get_window_size().await.expect("window size");
        let script =
            "return [document.documentElement.scrollHeight, window.outerHeight - window.innerHeight];";
        let sizes = self.client.execute(script, vec![]).await.expect("page height");
        let page = sizes[0].as_u64().expect("height") + sizes[1].as_u64().expect("frame");
        let page = u32::try_from(page.clamp(height, 16_000)).expect("height");
        let width = u32::try_from(width).expect("width");
        self.client.set_window_size(width, page).await.expect("resize");
        self.screenshot(name).await;
        let height = u32::try_from(height).expect("height");
        self.client
            .set_window_size(width, height)
            .await
            .expect("resize back");
    }

    /// Clicks a link or button, and waits until the next page has replaced
    /// this one and finished loading.
    pub async fn follow(&self, at: Locator<'_>) {
        let old = self.client.find(Locator::Css("html")).await.expect("page");
        let target = match self.client.find(at).await {
            Ok(element) => element,
            Err(error) => panic!("no {at:?} at {}: {error}", self.path().await),
        };
        target.click().await.expect("click");
        let start = std::time::Instant::now();
        // The old page's root goes stale once the new page is there.
        while old.tag_name().await.is_ok() || !self.loaded().await {
            assert!(
                start.elapsed() < PAGE_TIMEOUT,
                "no new page after {at:?} within {PAGE_TIMEOUT:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Whether the page shown has finished loading.
    async fn loaded(&self) -> bool {
        let state = self.client.execute("return document.readyState", vec![]).await;
        state.ok() == Some(json!("complete"))
    }

    /// Ends the session; fails the test with every accessibility violation
    /// [`Self::check`] found.
    pub async fn finish(self) {
        let violations = self.violations.clone();
        self.close().await;
        assert!(
            violations.is_empty(),
            "{} accessibility violations:\n{}",
            violations.len(),
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
// ---------------------------------------------------------------------------
// A walk through the pages

/// A browser walking through the pages as one person after another, with
/// the steps every page test takes: signing in and out, submitting forms
/// and waiting for the next page, ticking boxes by their labels.
pub struct Walk {
    pub b: Browser,
}

impl Walk {
    pub fn new(b: Browser) -> Self {
        Self { b }
    }

    pub async fn check(&mut self, name: &str) {
        self.b.check(name).await;
    }

    /// Ends the walk; fails with every accessibility violation found.
    pub async fn finish(self) {
        self.b.finish().await;
    }

    pub async fn sign_in(&self, user: &crate::TestUser) {
        self.b.open("/login").await;
        self.b.fill("#email", &user.user.email).await;
        self.b.fill("#password", crate::PASSWORD).await;
        self.submit("form[action='/login'] button[type=submit]").await;
        let at = self.b.path().await;
        // An employer's own login has its portal for a home page.
        let home = if user.user.role == soleil_domain::Role::Employer {
            "/employer"
        } else {
            "/"
        };
        if at != home {
            let (status, page) = (self.status().await, self.b.page_text().await);
            panic!(
                "{} could not sign in: HTTP {status} at {at}:\n{page}",
                user.user.email
            );
        }
    }

    pub async fn sign_out(&self) {
        self.submit("form[action='/logout'] button[type=submit]").await;
        assert_eq!(self.b.path().await, "/login");
    }

    /// Clicks a submit button and waits for the page the post leads to.
    pub async fn submit(&self, css: &str) {
        self.follow(css).await;
    }

    /// Clicks a link or button, and waits for the page it leads to.
    pub async fn follow(&self, at: &(impl Target + ?Sized)) {
        self.b.follow(at.locator()).await;
    }

    pub async fn find(&self, at: &(impl Target + ?Sized)) -> Element {
        let locator = at.locator();
        match self.b.client.find(locator).await {
            Ok(element) => element,
            Err(error) => panic!("no {locator:?} at {}: {error}", self.b.path().await),
        }
    }

    /// Ticks a checkbox or radio button by its label, as a person does
    /// (Bootstrap Italia draws the box on the label).
    pub async fn tick(&self, css: &str) {
        let input = self.find(css).await;
        let id = input
            .attr("id")
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{css} has no id"));
        self.b.click(&format!("label[for='{id}']")).await;
        assert!(input.is_selected().await.unwrap(), "{css} is not ticked");
    }

    /// Sets a field's value directly: date inputs take typing in the
    /// browser's locale format, which a test should not depend on.
    pub async fn set_value(&self, css: &str, value: &str) {
        let script = "const field = document.querySelector(arguments[0]);
            field.value = arguments[1];
            field.dispatchEvent(new Event('change', { bubbles: true }));
            return field.value;";
        let set = self
            .b
            .client
            .execute(script, vec![json!(css), json!(value)])
            .await
            .unwrap_or_else(|e| panic!("set {css}: {e}"));
        assert_eq!(set, json!(value), "{css} refused {value}");
    }

    pub async fn value(&self, css: &str) -> String {
        let field = self.b.client.find(Locator::Css(css)).await.unwrap();
        field.prop("value").await.unwrap().unwrap_or_default()
    }

    pub async fn count(&self, at: &(impl Target + ?Sized)) -> usize {
        self.b.client.find_all(at.locator()).await.unwrap().len()
    }

    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut texts = Vec::new();
        for element in self.b.client.find_all(Locator::Css(css)).await.unwrap() {
            texts.push(element.text().await.unwrap().trim().to_owned());
        }
        texts
    }

    pub async fn html_lang(&self) -> String {
        let html = self.b.client.find(Locator::Css("html")).await.unwrap();
        html.attr("lang").await.unwrap().unwrap_or_default()
    }

    /// The HTTP status of the page shown.
    pub async fn status(&self) -> u64 {
        let script = "return performance.getEntriesByType('navigation')[0].responseStatus;";
        let status: Value = self.b.client.execute(script, vec![]).await.unwrap();
        status.as_u64().expect("a response status")
    }

    /// The confirmation the post/redirect/get left on the page.
    pub async fn expect_notice(&self) {
        assert_eq!(self.status().await, 200, "at {}", self.b.path().await);
        assert_eq!(
            self.count("main > .alert-success[role=status]").await,
            1,
            "no confirmation at {}",
            self.b.path().await
        );
    }
}

/// Where an element is: a CSS selector, or any locator (an XPath).
pub trait Target {
    fn locator(&self) -> Locator<'_>;
}

impl Target for str {
    fn locator(&self) -> Locator<'_> {
        Locator::Css(self)
    }
}

impl Target for String {
    fn locator(&self) -> Locator<'_> {
        Locator::Css(self)
    }
}

impl Target for Locator<'_> {
    fn locator(&self) -> Locator<'_> {
        *self
    }
}
