//! The append-only access log. The schema's triggers refuse updates and
//! deletes, so nothing here could rewrite history even by mistake.

use chrono::{DateTime, Utc};
use soleil_domain::{AuditAction, AuditEvent, RegionCode, UserId};

use crate::filter::{Value, Where, fetch_page};
use crate::{Conn, Page, Result, on};

pub async fn append(conn: Conn<'_>, event: &AuditEvent) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO audit_events (id, at, actor_id, actor_email, action, entity, entity_id, region, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(event.id)
    .bind(event.at)
    .bind(event.actor_id)
    .bind(&event.actor_email)
    .bind(event.action)
    .bind(&event.entity)
    .bind(&event.entity_id)
    .bind(event.region)
    .bind(&event.detail)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor: Option<UserId>,
    pub actor_email: Option<String>,
    pub action: Option<AuditAction>,
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub region: Option<RegionCode>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// Events matching the filter, newest first.
pub async fn events(conn: Conn<'_>, filter: &AuditFilter, page: Page) -> Result<(Vec<AuditEvent>, i64)> {
    let mut w = Where::default();
    if let Some(actor) = filter.actor {
        w.and("actor_id = {}", Value::Uuid(actor.0));
    }
    if let Some(email) = filter.actor_email.as_deref().filter(|s| !s.trim().is_empty()) {
        w.search(&["actor_email"], email);
    }
    if let Some(action) = filter.action {
        w.and("action = {}", Value::Text(action.as_str().into()));
    }
    if let Some(entity) = filter.entity.as_deref().filter(|s| !s.is_empty()) {
        w.and("entity = {}", Value::Text(entity.into()));
    }
    if let Some(id) = filter.entity_id.as_deref().filter(|s| !s.is_empty()) {
        w.and("entity_id = {}", Value::Text(id.into()));
    }
    if let Some(region) = filter.region {
        w.and("region = {}", Value::Text(region.as_str().into()));
    }
    if let Some(from) = filter.from {
        w.and("at >= {}", Value::Time(from));
    }
    if let Some(to) = filter.to {
        w.and("at < {}", Value::Time(to));
    }
    fetch_page(
        conn,
        "id, at, actor_id, actor_email, action, entity, entity_id, region, detail",
        "FROM audit_events",
        "at DESC, id DESC",
        &w,
        page,
    )
    .await
}
