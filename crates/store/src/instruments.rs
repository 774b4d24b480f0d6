//! Published versions of the screening instruments.

use chrono::{DateTime, Utc};
use soleil_domain::{InstrumentDefinition, UserId};
use sqlx::types::Json;

use crate::{Conn, Result, on};

/// A version as it was published.
#[derive(Debug, Clone)]
pub struct Published {
    pub definition: InstrumentDefinition,
    pub published_at: DateTime<Utc>,
    /// `None` for versions shipped in the catalogue.
    pub published_by: Option<UserId>,
}

#[derive(sqlx::FromRow)]
struct Row {
    definition: Json<InstrumentDefinition>,
    published_at: DateTime<Utc>,
    published_by: Option<UserId>,
}

impl From<Row> for Published {
    fn from(row: Row) -> Self {
        Self {
            definition: row.definition.0,
            published_at: row.published_at,
            published_by: row.published_by,
        }
    }
}

/// Publishes a version unless one with the same id and version exists;
/// says whether it was added.
pub async fn publish(
    conn: Conn<'_>,
    definition: &InstrumentDefinition,
    at: DateTime<Utc>,
    by: Option<UserId>,
) -> Result<bool> {
    let added = on!(conn, c => sqlx::query(
        "INSERT INTO instrument_versions (instrument_id, version, definition, published_at, published_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (instrument_id, version) DO NOTHING",
    )
    .bind(&definition.id)
    .bind(&definition.version)
    .bind(Json(definition))
    .bind(at)
    .bind(by)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(added == 1)
}

/// One version; the newest published when `version` is `None`.
pub async fn get(conn: Conn<'_>, id: &str, version: Option<&str>) -> Result<Option<Published>> {
    let row: Option<Row> = on!(conn, c => sqlx::query_as(
        "SELECT definition, published_at, published_by FROM instrument_versions
         WHERE instrument_id = $1 AND ($2 IS NULL OR version = $2)
         ORDER BY published_at DESC, version DESC LIMIT 1",
    )
    .bind(id)
    .bind(version)
    .fetch_optional(c).await)?;
    Ok(row.map(Published::from))
}

/// Every version of every instrument: by instrument, newest first.
pub async fn all(conn: Conn<'_>) -> Result<Vec<Published>> {
    let rows: Vec<Row> = on!(conn, c => sqlx::query_as(
        "SELECT definition, published_at, published_by FROM instrument_versions
         ORDER BY instrument_id, published_at DESC, version DESC",
    )
    .fetch_all(c).await)?;
    Ok(rows.into_iter().map(Published::from).collect())
}
