//! SOLEIL use cases. Each public method of [`App`] is one thing a user does:
//! it checks the [`policy`], does the work in one transaction and writes the
//! audit event in that same transaction. The web and CLI layers call these
//! and nothing below them.

mod audit;
mod clock;
mod error;

pub mod accounts;
pub mod cases;
pub mod courses;
pub mod demo;
pub mod directory;
pub mod documents;
pub mod employers;
pub mod esf;
pub mod figures;
pub mod identity;
pub mod instruments;
pub mod intake;
pub mod job_offers;
pub mod measures;
pub mod monitoring;
pub mod network;
pub mod places;
pub mod plans;
pub mod policy;
pub mod reference;
pub mod referrals;
pub mod reports;
pub mod research;
pub mod statistics;
pub mod work_placements;

pub use error::{AppError, AppResult};
pub use policy::Operation;
pub use soleil_store::audit::AuditFilter;
pub use soleil_store::{Page, StoreError};

use soleil_domain::User;
use soleil_store::Store;

/// Settings of the use cases that differ between production and tests.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Argon2id memory cost in KiB; OWASP's minimum is 19 MiB.
    pub password_memory_kib: u32,
    /// How long a browser session lasts.
    pub session_hours: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            password_memory_kib: 19 * 1024,
            session_hours: 12,
        }
    }
}

/// The application: every use case hangs off it. Cheap to clone.
#[derive(Clone)]
pub struct App {
    store: Store,
    settings: Settings,
    /// Checked when an e-mail is unknown, so sign-in takes as long either way.
    dummy_hash: String,
    /// The persons the intake check compares a new person with.
    identity: identity::PersonIndex,
    /// The matching engine's weights: its documented defaults.
    matching: std::sync::Arc<soleil_matching::Model>,
}

impl App {
    /// Opens the database a URL names and brings its schema up to date.
    pub async fn open(database_url: &str, settings: Settings) -> AppResult<Self> {
        let store = Store::connect(database_url).await?;
        store.migrate().await?;
        let mut app = Self {
            store,
            settings,
            dummy_hash: String::new(),
            identity: identity::PersonIndex::default(),
            matching: std::sync::Arc::new(soleil_matching::Model::default()),
        };
        app.dummy_hash = app.hash_password("not a password of anyone").await?;
        app.install_catalogue().await?;
        Ok(app)
    }

    /// Whether the database answers.
    pub async fn healthy(&self) -> bool {
        self.store.ping().await.is_ok()
    }

    pub async fn close(&self) {
        self.store.close().await;
    }
}

/// Refuses an operation the actor's role is not granted.
pub(crate) fn authorize(actor: &User, operation: Operation) -> AppResult<()> {
    if actor.active && policy::permits(actor.role, operation) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Today's date, as the rules about due and past days read it.
pub(crate) fn today() -> chrono::NaiveDate {
    crate::clock::now().date_naive()
}
