//! Test support: [`spawn`] starts the whole SOLEIL server on `127.0.0.1:0`
//! over a fresh database of either backend; [`TestApp::user`] signs up a user
//! of any role and region with an API token. Tests talk to it over real HTTP.
//!
//! PostgreSQL tests run when `SOLEIL_TEST_POSTGRES_URL` names a server
//! (e.g. `postgres://postgres@127.0.0.1:5432/test`); each test gets its own
//! database, dropped afterwards. Without it they pass as skipped.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicU32, Ordering};

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use soleil_app::accounts::UserInput;
use soleil_app::{App, Settings};
use soleil_domain::{NewOrganisation, Organisation, OrganisationKind, RegionCode, Role, User};
use sqlx::Executor;

pub mod browser;
pub mod inclusion;
pub mod matrix;

pub use reqwest;
pub use serde_json;

pub const POSTGRES_URL_VAR: &str = "SOLEIL_TEST_POSTGRES_URL";
pub const PASSWORD: &str = "correct horse battery";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// For screenshots and messages.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// A message of the interface in a language, read from its own files, so
/// that a change of wording does not break a test.
pub fn message(lang: &str, id: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../web/locales/");
    let key = format!("{id} = ");
    std::fs::read_dir(format!("{dir}{lang}"))
        .expect("messages")
        .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path()).ok())
        .find_map(|text| {
            text.lines()
                .find_map(|line| line.strip_prefix(key.as_str()))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| panic!("no message {id} in {lang}"))
}

/// A page as a browser without JavaScript gets it: what the tests of
/// public pages look at.
pub struct Seen {
    pub status: StatusCode,
    /// How many cookies the answer sets.
    pub cookies: usize,
    pub cache: String,
    pub location: String,
    pub html: String,
}

impl Seen {
    pub async fn of(response: reqwest::Response) -> Self {
        let headers = response.headers();
        let header = |name| {
            headers
                .get(name)
                .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        Self {
            status: response.status(),
            cookies: headers.get_all(reqwest::header::SET_COOKIE).iter().count(),
            cache: header(reqwest::header::CACHE_CONTROL),
            location: header(reqwest::header::LOCATION),
            html: response.text().await.expect("page body"),
        }
    }
}

/// A reader without any cookie that does not follow redirects, as someone
/// arriving from a link.
pub fn reader() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// Generates one `#[tokio::test]` per backend for each `async fn NAME(Backend)`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::Backend::Sqlite).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$name($crate::Backend::Postgres).await;
                }
            }
        )+
    };
}

/// A running server over its own database.
pub struct TestApp {
    pub base_url: String,
    /// The database the server runs on, for tests that look underneath it.
    pub database_url: String,
    pub app: App,
    pub backend: Backend,
    client: reqwest::Client,
    database: Database,
    organisations: std::sync::Mutex<Vec<Organisation>>,
}

enum Database {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

/// A user signed up for a test, with an API token.
#[derive(Debug, Clone)]
pub struct TestUser {
    pub user: User,
    pub token: String,
}

/// An answer of the API: its status and JSON body (`Null` when empty).
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: StatusCode,
    pub body: Value,
}

impl Reply {
    /// The body, after checking the status; the body is shown on failure.
    pub fn expect(self, status: u16) -> Value {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body: {:#}",
            self.body
        );
        self.body
    }

    pub fn error_code(&self) -> &str {
        self.body["error"]["code"].as_str().unwrap_or_default()
    }
}

/// Set (as CI does) to make a test fail instead of skipping when PostgreSQL
/// or the browser is missing.
pub const REQUIRE_ALL_VAR: &str = "SOLEIL_TEST_REQUIRE_ALL";

/// Skips a test whose outside part is missing, unless everything is required.
pub fn skip(why: &str) {
    assert!(
        std::env::var_os(REQUIRE_ALL_VAR).is_none(),
        "{REQUIRE_ALL_VAR} is set but {why}"
    );
    eprintln!("skipped: {why}");
}

static DATABASES: AtomicU32 = AtomicU32::new(0);

/// Starts a server over a fresh database, or `None` (the test is skipped)
/// for PostgreSQL when no server is configured.
pub async fn spawn(backend: Backend) -> Option<TestApp> {
    let (url, database) = match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("temporary directory");
            let url = format!("sqlite://{}", dir.path().join("soleil.db").display());
            (url, Database::Sqlite(dir))
        }
        Backend::Postgres => {
            let Ok(admin_url) = std::env::var(POSTGRES_URL_VAR) else {
                skip(&format!("{POSTGRES_URL_VAR} is not set"));
                return None;
            };
            let name = format!(
                "soleil_test_{}_{}_{}",
                std::process::id(),
                DATABASES.fetch_add(1, Ordering::SeqCst),
                uuid::Uuid::now_v7().simple()
            );
            let mut admin = admin_connection(&admin_url).await;
            admin
                .execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .await
                .expect("create database");
            let url = with_database(&admin_url, &name);
            (url, Database::Postgres { admin_url, name })
        }
    };
    let settings = Settings {
        password_memory_kib: 1024,
        ..Settings::default()
    };
    let app = App::open(&url, settings).await.expect("open the database");
    let database_url = url.clone();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind port 0");
    let base_url = format!("http://{}", listener.local_addr().expect("local address"));
    tokio::spawn(soleil_web::serve_on(
        app.clone(),
        listener,
        soleil_web::WebSettings::default(),
    ));
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .expect("HTTP client");
    Some(TestApp {
        base_url,
        database_url,
        app,
        backend,
        client,
        database,
        organisations: std::sync::Mutex::new(Vec::new()),
    })
}

async fn admin_connection(url: &str) -> sqlx::PgConnection {
    use sqlx::Connection;
    sqlx::PgConnection::connect(url)
        .await
        .expect("connect to the PostgreSQL test server")
}

/// The same server URL with another database name.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let server = base.rsplit_once('/').map_or(base, |(server, _)| server);
    match query {
        Some(query) => format!("{server}/{name}?{query}"),
        None => format!("{server}/{name}"),
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Database::Postgres { admin_url, name } = &self.database {
            let (admin_url, name) = (admin_url.clone(), name.clone());
            // Drop runs outside async code: a thread with its own runtime.
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime");
                runtime.block_on(async {
                    let mut admin = admin_connection(&admin_url).await;
                    let _ = admin
                        .execute(sqlx::AssertSqlSafe(format!(
                            "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                        )))
                        .await;
                });
            })
            .join();
        }
    }
}

impl TestApp {
    /// The organisation of a kind in a region, created on first use.
    pub async fn organisation(&self, kind: OrganisationKind, region: RegionCode) -> Organisation {
        if let Some(found) = self
            .organisations
            .lock()
            .expect("lock")
            .iter()
            .find(|o| o.kind == kind && o.region == region)
        {
            return found.clone();
        }
        let name = format!("{} {}", kind, region.name());
        let organisation = self
            .app
            .create_organisation_unattended(
                NewOrganisation::parse(&name, kind, region).expect("organisation"),
            )
            .await
            .expect("create organisation");
        self.organisations
            .lock()
            .expect("lock")
            .push(organisation.clone());
        organisation
    }

    /// A new user of a role, in a fitting organisation of the region, with
    /// an API token. `tag` tells apart several users of one role.
    pub async fn user(&self, role: Role, region: RegionCode, tag: &str) -> TestUser {
        let kind = match role {
            Role::Frontline => OrganisationKind::Desk,
            Role::Secretariat | Role::Coordinator => OrganisationKind::Secretariat,
            Role::CaseManager => OrganisationKind::SocialServices,
            Role::Service => OrganisationKind::JobCentre,
            Role::Admin | Role::Auditor => OrganisationKind::Secretariat,
            Role::Employer => OrganisationKind::Employer,
        };
        let organisation = if role.is_network_wide() {
            None
        } else {
            Some(self.organisation(kind, region).await.id)
        };
        let email = format!("{role}.{region}.{tag}@test.soleil.local");
        let input = UserInput {
            email: email.clone(),
            display_name: format!("{role} {region} {tag}"),
            role,
            organisation_id: organisation,
            password: PASSWORD.into(),
        };
        let user = self
            .app
            .create_user_unattended(&input)
            .await
            .expect("create user");
        let token = self.app.create_api_token(&email).await.expect("token");
        TestUser { user, token }
    }

    /// Runs one statement on the server's database, underneath it: to make
    /// days pass between the steps of a case.
    pub async fn underneath(&self, sql: &str) {
        use sqlx::Connection;
        let statement = sqlx::AssertSqlSafe(sql);
        match self.backend {
            Backend::Sqlite => {
                let mut db = sqlx::SqliteConnection::connect(&self.database_url)
                    .await
                    .expect("SQLite");
                sqlx::query(statement).execute(&mut db).await.expect("statement");
            }
            Backend::Postgres => {
                let mut db = sqlx::PgConnection::connect(&self.database_url)
                    .await
                    .expect("PostgreSQL");
                sqlx::query(statement).execute(&mut db).await.expect("statement");
            }
        }
    }

    /// An id as a literal of the backend's SQL.
    pub fn sql_uuid(&self, id: &str) -> String {
        match self.backend {
            Backend::Sqlite => format!("X'{}'", id.replace('-', "")),
            Backend::Postgres => format!("'{id}'"),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// Calls the API as a user; `body` is sent as JSON when given.
    pub async fn call(
        &self,
        as_user: Option<&TestUser>,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> Reply {
        let mut request = self.client.request(method, self.url(path));
        if let Some(user) = as_user {
            request = request.bearer_auth(&user.token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        let text = response.text().await.expect("body");
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or_else(|_| json!({ "text": text }))
        };
        Reply { status, body }
    }

    pub async fn get(&self, user: &TestUser, path: &str) -> Reply {
        self.call(Some(user), Method::GET, path, None).await
    }

    pub async fn post(&self, user: &TestUser, path: &str, body: Value) -> Reply {
        self.call(Some(user), Method::POST, path, Some(body)).await
    }

    pub async fn put(&self, user: &TestUser, path: &str, body: Value) -> Reply {
        self.call(Some(user), Method::PUT, path, Some(body)).await
    }

    /// A browser-like client with its own cookie jar.
    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("HTTP client")
    }

    /// A case reported by `frontline` and triaged by `secretariat`: an
    /// emergency, or a personalised path managed by `manager`. `n` tells
    /// apart the persons of one test.
    pub async fn triaged_case(
        &self,
        frontline: &TestUser,
        secretariat: &TestUser,
        manager: Option<&TestUser>,
        n: usize,
    ) -> String {
        let sent = self
            .post(
                frontline,
                "/api/v1/contacts",
                contact(&format!("Persona{n}"), true),
            )
            .await
            .expect(201);
        let case = sent["screening"]["case_id"].as_str().expect("case").to_owned();
        let assessment = match manager {
            Some(manager) => json!({ "decision": "personalised_path", "zonal_group": "Ambito Latina 2",
                                     "case_manager_id": manager.user.id }),
            None => json!({ "decision": "emergency_response", "summary": "Rischio immediato" }),
        };
        self.post(
            secretariat,
            &format!("/api/v1/cases/{case}/assessment"),
            assessment,
        )
        .await
        .expect(200);
        case
    }

    /// A page as `client` (a signed-in browser) gets it: status and HTML.
    pub async fn page(&self, client: &reqwest::Client, path: &str) -> (u16, String) {
        let reply = client.get(self.url(path)).send().await.expect("page");
        (reply.status().as_u16(), reply.text().await.expect("page body"))
    }

    /// A form posted as `client`: status, the redirect's target (empty
    /// when none) and the body.
    pub async fn post_form(
        &self,
        client: &reqwest::Client,
        path: &str,
        form: &[(&str, &str)],
    ) -> (u16, String, String) {
        let reply = client.post(self.url(path)).form(form).send().await.expect("form");
        let status = reply.status().as_u16();
        let location = reply
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        (status, location, reply.text().await.expect("form reply"))
    }

    /// A browser-like client signed in through the login form.
    pub async fn signed_in(&self, user: &TestUser) -> reqwest::Client {
        let client = self.browser();
        let login = client
            .post(self.url("/login"))
            .form(&[("email", user.user.email.as_str()), ("password", PASSWORD)])
            .send()
            .await
            .expect("sign in");
        assert_eq!(
            login.status(),
            StatusCode::SEE_OTHER,
            "signing in as {}",
            user.user.email
        );
        client
    }
}

/// The ids of a JSON list of records.
pub fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("list")
        .iter()
        .map(|record| record["id"].as_str().expect("id").to_owned())
        .collect()
}

/// The anti-forgery token of a page's forms.
pub fn csrf(html: &str) -> String {
    let field = r#"name="csrf" value=""#;
    let start = html.find(field).expect("a form with its token") + field.len();
    html[start..].split('"').next().unwrap_or_default().to_owned()
}

/// The body of a first contact sent by a front-line operator, urgent or not.
pub fn contact(surname: &str, danger: bool) -> Value {
    json!({
        "person": { "given_name": "Test", "surname": surname, "sex": "male", "nationality": "IN",
                    "date_of_birth": "1990-05-01", "phone": "+39 333 123 4567" },
        "screening": {
            "contact_channel": "mobile_unit",
            "work_place": "Sabaudia (LT)",
            "sector": "agriculture",
            "legal_status": "permit_expired",
            "urgent": { "danger": danger, "no_shelter": true },
            "languages": ["pa", "hi"],
            "consent_to_referral": true,
            "notes": "Lavora 12 ore al giorno nei campi, paga 3 euro l'ora."
        },
        "send": true,
        // Test contacts share a name, a birth date and a phone: they are
        // different persons all the same.
        "confirm_new_person": true
    })
}
