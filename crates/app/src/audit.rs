//! Building audit events, and the use case that reads them back.

use soleil_domain::{AuditAction, AuditEvent, AuditEventId, RegionCode, User};
use soleil_store::audit::AuditFilter;
use soleil_store::{Page, Tx};

use crate::{App, AppResult, Operation, authorize};

/// One audit event about a record, by the signed-in user.
pub(crate) fn event(
    actor: Option<&User>,
    action: AuditAction,
    entity: &str,
    entity_id: Option<String>,
    region: Option<RegionCode>,
    detail: Option<String>,
) -> AuditEvent {
    AuditEvent {
        id: AuditEventId::new(),
        at: crate::clock::now(),
        actor_id: actor.map(|a| a.id),
        actor_email: actor.map(|a| a.email.clone()),
        action,
        entity: entity.to_owned(),
        entity_id,
        region,
        detail,
    }
}

/// The record an audit event is about: its kind, id and region.
pub(crate) struct Subject {
    entity: &'static str,
    id: String,
    region: Option<RegionCode>,
}

impl Subject {
    pub(crate) fn new(
        entity: &'static str,
        id: impl ToString,
        region: impl Into<Option<RegionCode>>,
    ) -> Self {
        Self {
            entity,
            id: id.to_string(),
            region: region.into(),
        }
    }
}

/// Writes one event in a transaction that is already open.
pub(crate) async fn record(
    tx: &mut Tx,
    actor: &User,
    action: AuditAction,
    subject: Subject,
    detail: Option<String>,
) -> AppResult<()> {
    let event = event(
        Some(actor),
        action,
        subject.entity,
        Some(subject.id),
        subject.region,
        detail,
    );
    soleil_store::audit::append(tx.conn(), &event).await?;
    Ok(())
}

impl App {
    /// Writes one event on its own, for reads of identifying data.
    pub(crate) async fn audit_read(
        &self,
        actor: &User,
        entity: &str,
        entity_id: Option<String>,
        region: Option<RegionCode>,
        detail: Option<String>,
    ) -> AppResult<()> {
        let event = event(Some(actor), AuditAction::Read, entity, entity_id, region, detail);
        let mut handle = self.store.handle().await?;
        soleil_store::audit::append(handle.conn(), &event).await?;
        Ok(())
    }

    /// The audit log, newest first, for admins and auditors.
    pub async fn audit_log(
        &self,
        actor: &User,
        filter: &AuditFilter,
        page: Page,
    ) -> AppResult<(Vec<AuditEvent>, i64)> {
        authorize(actor, Operation::ReadAudit)?;
        let mut handle = self.store.handle().await?;
        Ok(soleil_store::audit::events(handle.conn(), filter, page).await?)
    }
}
