//! Sign-in state: browser sessions, API tokens and failed logins. Secrets are
//! never stored, only their SHA-256 hashes, computed by the app layer.

use chrono::{DateTime, Utc};
use soleil_domain::{User, UserId};

use crate::{Conn, Result, on};

/// A live browser session and its user.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    #[sqlx(flatten)]
    pub user: User,
    pub csrf_token: String,
    pub expires_at: DateTime<Utc>,
}

pub async fn insert_session(
    conn: Conn<'_>,
    token_hash: &str,
    user: UserId,
    csrf_token: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(user)
    .bind(csrf_token)
    .bind(now)
    .bind(expires_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The session behind a token, if it is neither revoked nor expired and its
/// user is still active.
pub async fn live_session(
    conn: Conn<'_>,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<SessionRow>> {
    let sql =
        "SELECT u.id, u.email, u.display_name, u.role, u.organisation_id, u.region, u.active, u.created_at,
                      s.csrf_token, s.expires_at
               FROM sessions s JOIN users u ON u.id = s.user_id
               WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.active";
    Ok(on!(conn, c => sqlx::query_as(sql).bind(token_hash).bind(now).fetch_optional(c).await)?)
}

pub async fn revoke_session(conn: Conn<'_>, token_hash: &str, now: DateTime<Utc>) -> Result<()> {
    on!(conn, c => sqlx::query("UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL")
        .bind(token_hash).bind(now).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn insert_api_token(
    conn: Conn<'_>,
    token_hash: &str,
    user: UserId,
    now: DateTime<Utc>,
) -> Result<()> {
    on!(conn, c => sqlx::query("INSERT INTO api_tokens (token_hash, user_id, created_at) VALUES ($1, $2, $3)")
        .bind(token_hash).bind(user).bind(now).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The active user an unrevoked API token belongs to.
pub async fn api_token_user(conn: Conn<'_>, token_hash: &str) -> Result<Option<User>> {
    let sql =
        "SELECT u.id, u.email, u.display_name, u.role, u.organisation_id, u.region, u.active, u.created_at
               FROM api_tokens t JOIN users u ON u.id = t.user_id
               WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.active";
    Ok(on!(conn, c => sqlx::query_as(sql).bind(token_hash).fetch_optional(c).await)?)
}

pub async fn record_login_failure(conn: Conn<'_>, email: &str, at: DateTime<Utc>) -> Result<()> {
    on!(conn, c => sqlx::query("INSERT INTO login_failures (email, at) VALUES ($1, $2)")
        .bind(email).bind(at).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn login_failures_since(conn: Conn<'_>, email: &str, since: DateTime<Utc>) -> Result<i64> {
    Ok(
        on!(conn, c => sqlx::query_scalar("SELECT COUNT(*) FROM login_failures WHERE email = $1 AND at > $2")
        .bind(email).bind(since).fetch_one(c).await)?,
    )
}

pub async fn clear_login_failures(conn: Conn<'_>, email: &str) -> Result<()> {
    on!(conn, c => sqlx::query("DELETE FROM login_failures WHERE email = $1").bind(email).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
