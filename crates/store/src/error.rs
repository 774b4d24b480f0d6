#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness rule was broken, e.g. an e-mail already in use.
    #[error("conflicts with an existing record ({0})")]
    Conflict(String),
    #[error("invalid database URL: {0}")]
    BadUrl(String),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error(transparent)]
    Database(sqlx::Error),
    /// A stored record no longer passes the checks it passed when saved.
    #[error("stored data cannot be read: {0}")]
    Corrupt(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                Self::Conflict(db.constraint().unwrap_or("unique").to_owned())
            }
            _ => Self::Database(error),
        }
    }
}
