use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool};

use crate::directory::SearchIndex;
use crate::monitoring::MilestoneCopy;
use crate::{Result, StoreError};

/// Runs one expression on whichever concrete driver a [`Conn`] holds. The
/// body is compiled once per backend, so it may use each driver's own types.
#[macro_export]
macro_rules! on {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            $crate::Conn::Sqlite($c) => $body,
            $crate::Conn::Postgres($c) => $body,
        }
    };
}

/// A connection borrowed from a [`Tx`] or a [`Handle`] for one query.
pub enum Conn<'a> {
    Sqlite(&'a mut SqliteConnection),
    Postgres(&'a mut PgConnection),
}

impl Conn<'_> {
    /// The same connection for one more query, keeping this one usable after.
    pub fn reborrow(&mut self) -> Conn<'_> {
        match self {
            Conn::Sqlite(c) => Conn::Sqlite(c),
            Conn::Postgres(c) => Conn::Postgres(c),
        }
    }
}

#[derive(Clone)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// The database, shared by every request. Cheap to clone.
#[derive(Clone)]
pub struct Store {
    pool: Pool,
    /// The directory search's copy of the rows, shared by the clones.
    search_index: Arc<SearchIndex>,
    /// The monitoring's copy of the cases' milestones, shared by the clones.
    milestone_copy: Arc<MilestoneCopy>,
}

/// A transaction: everything in it, audit events included, lands or nothing does.
pub enum Tx {
    Sqlite(sqlx::Transaction<'static, Sqlite>),
    Postgres(sqlx::Transaction<'static, Postgres>),
}

/// A pooled connection for reads outside a transaction.
pub enum Handle {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

impl Store {
    /// Opens the database a URL names: `sqlite://PATH` (created if missing)
    /// or `postgres://…`.
    pub async fn connect(url: &str) -> Result<Self> {
        let pool = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options = PgConnectOptions::from_str(url).map_err(|e| StoreError::BadUrl(e.to_string()))?;
            Pool::Postgres(
                PgPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await?,
            )
        } else if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)
                .map_err(|e| StoreError::BadUrl(e.to_string()))?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10));
            Pool::Sqlite(
                SqlitePoolOptions::new()
                    .max_connections(8)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await?,
            )
        } else {
            return Err(StoreError::BadUrl(format!(
                "{url:?}: expected sqlite://PATH or postgres://…"
            )));
        };
        Ok(Self {
            pool,
            search_index: Arc::default(),
            milestone_copy: Arc::default(),
        })
    }

    /// Applies the migrations of this backend that have not run yet.
    pub async fn migrate(&self) -> Result<()> {
        match &self.pool {
            Pool::Sqlite(pool) => sqlx::migrate!("./migrations/sqlite").run(pool).await?,
            Pool::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        // Cases opened before the monitoring tables existed get their
        // milestones from their timeline.
        let mut tx = self.begin().await?;
        crate::monitoring::fill_missing(tx.conn()).await?;
        tx.commit().await
    }

    /// Starts a write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so two writers queue instead of deadlocking.
    pub async fn begin(&self) -> Result<Tx> {
        Ok(match &self.pool {
            Pool::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    pub(crate) fn search_index(&self) -> &SearchIndex {
        &self.search_index
    }

    pub(crate) fn milestone_copy(&self) -> &MilestoneCopy {
        &self.milestone_copy
    }

    pub async fn handle(&self) -> Result<Handle> {
        Ok(match &self.pool {
            Pool::Sqlite(pool) => Handle::Sqlite(pool.acquire().await?),
            Pool::Postgres(pool) => Handle::Postgres(pool.acquire().await?),
        })
    }

    /// Answers whether the database answers.
    pub async fn ping(&self) -> Result<()> {
        let mut handle = self.handle().await?;
        on!(handle.conn(), c => sqlx::query("SELECT 1").execute(c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn close(&self) {
        match &self.pool {
            Pool::Sqlite(pool) => pool.close().await,
            Pool::Postgres(pool) => pool.close().await,
        }
    }
}

impl Tx {
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            Tx::Sqlite(tx) => Conn::Sqlite(&mut *tx),
            Tx::Postgres(tx) => Conn::Postgres(&mut *tx),
        }
    }

    pub async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await?,
            Tx::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }
}

impl Handle {
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            Handle::Sqlite(c) => Conn::Sqlite(&mut *c),
            Handle::Postgres(c) => Conn::Postgres(&mut *c),
        }
    }
}
