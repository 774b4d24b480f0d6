//! The access log (registro accessi): who read or changed what, and when.
//! Append-only: the store refuses updates and deletes.

use crate::region::RegionCode;
use crate::user::UserId;

crate::id_type!(AuditEventId);

crate::text_enum! {
    AuditAction {
        Read,
        Create,
        Update,
        /// A record removed (kept for the history, no longer shown).
        Delete,
        Transition,
        Login,
        LoginFailed,
        Logout,
        TokenCreated,
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct AuditEvent {
    pub id: AuditEventId,
    pub at: chrono::DateTime<chrono::Utc>,
    /// `None` when nobody was signed in (a failed login).
    pub actor_id: Option<UserId>,
    /// The actor's e-mail at the time, so the log reads without joins.
    pub actor_email: Option<String>,
    pub action: AuditAction,
    /// The kind of record: `person`, `case`, `plan`, `user`…
    pub entity: String,
    pub entity_id: Option<String>,
    pub region: Option<RegionCode>,
    /// What changed or why it was read, in a few words.
    pub detail: Option<String>,
}
