//! Identity and stay documents of persons, and the reminders raised before a
//! permit expires. A document is removed softly (`removed_at`), so the
//! reminders raised on it and the audit trail keep pointing at it. A reminder
//! is unique per document, stage and expiry: the job that raises them can run
//! twice, or on several servers at once.

use chrono::{DateTime, NaiveDate, Utc};
use soleil_domain::document::{
    Document, DocumentId, DocumentKind, PermitType, Reminder, ReminderId, ReminderStage,
};
use soleil_domain::{CaseId, PersonId, RegionCode, UserId};
use sqlx::AssertSqlSafe;

use crate::filter::{Value, Where, bind_where};
use crate::{Conn, Result, StoreError, on};

const COLUMNS: &str =
    "d.id, d.person_id, d.kind, d.permit_type, d.number, d.issued_by, d.issued_on, d.expires_on,
    d.notes, d.recorded_by, d.created_at, d.updated_at";

/// The stay documents (permits and receipts), as SQL.
const STAY_KINDS: &str = "('residence_permit', 'permit_receipt')";

pub async fn insert(conn: Conn<'_>, document: &Document) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO person_documents (id, person_id, kind, permit_type, number, issued_by, issued_on, expires_on,
                                       notes, recorded_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(document.id)
    .bind(document.person_id)
    .bind(document.kind)
    .bind(document.permit_type)
    .bind(&document.number)
    .bind(&document.issued_by)
    .bind(document.issued_on)
    .bind(document.expires_on)
    .bind(&document.notes)
    .bind(document.recorded_by)
    .bind(document.created_at)
    .bind(document.updated_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Writes the checked fields of a document. False when it was removed meanwhile.
pub async fn update(conn: Conn<'_>, document: &Document) -> Result<bool> {
    let changed = on!(conn, c => sqlx::query(
        "UPDATE person_documents SET kind = $2, permit_type = $3, number = $4, issued_by = $5, issued_on = $6,
                expires_on = $7, notes = $8, updated_at = $9
         WHERE id = $1 AND removed_at IS NULL",
    )
    .bind(document.id)
    .bind(document.kind)
    .bind(document.permit_type)
    .bind(&document.number)
    .bind(&document.issued_by)
    .bind(document.issued_on)
    .bind(document.expires_on)
    .bind(&document.notes)
    .bind(document.updated_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(changed == 1)
}

/// Removes a document softly. False when it was removed already.
pub async fn remove(conn: Conn<'_>, id: DocumentId, at: DateTime<Utc>) -> Result<bool> {
    let changed = on!(conn, c => sqlx::query(
        "UPDATE person_documents SET removed_at = $2 WHERE id = $1 AND removed_at IS NULL",
    )
    .bind(id).bind(at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(changed == 1)
}

/// A document that is not removed.
pub async fn get(conn: Conn<'_>, id: DocumentId) -> Result<Option<Document>> {
    let sql = format!("SELECT {COLUMNS} FROM person_documents d WHERE d.id = $1 AND d.removed_at IS NULL");
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?)
}

/// A person's documents, not removed: by kind, the latest expiry first.
pub async fn for_person(conn: Conn<'_>, person: PersonId) -> Result<Vec<Document>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM person_documents d WHERE d.person_id = $1 AND d.removed_at IS NULL
         ORDER BY d.kind, d.expires_on DESC, d.created_at DESC, d.id"
    );
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(person).fetch_all(c).await)?)
}

/// `n` is a newer stay document of the same person than `d`: issued later,
/// or issued the same day (or both without a date) and recorded later. A
/// document with an issue date is newer than one without.
const NEWER: &str = "n.person_id = d.person_id AND n.removed_at IS NULL AND n.id <> d.id
    AND n.kind IN ('residence_permit', 'permit_receipt')
    AND (n.issued_on > d.issued_on
         OR (n.issued_on IS NOT NULL AND d.issued_on IS NULL)
         OR ((n.issued_on = d.issued_on OR (n.issued_on IS NULL AND d.issued_on IS NULL))
             AND (n.created_at > d.created_at OR (n.created_at = d.created_at AND n.id > d.id))))";

/// The stay document that counts for a person: the newest permit or receipt,
/// not removed. A receipt of a renewal issued after the permit stands for it.
pub async fn current_stay_document(conn: Conn<'_>, person: PersonId) -> Result<Option<Document>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM person_documents d
         WHERE d.person_id = $1 AND d.removed_at IS NULL AND d.kind IN {STAY_KINDS}
           AND NOT EXISTS (SELECT 1 FROM person_documents n WHERE {NEWER})"
    );
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(person).fetch_optional(c).await)?)
}

/// A stay document the reminder job looks at, with its person's region.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ExpiringDocument {
    pub id: DocumentId,
    pub person_id: PersonId,
    pub region: RegionCode,
    pub expires_on: NaiveDate,
}

/// The current stay documents of every person expiring between `from` and
/// `until` (both included), the soonest first.
pub async fn expiring(conn: Conn<'_>, from: NaiveDate, until: NaiveDate) -> Result<Vec<ExpiringDocument>> {
    let sql = format!(
        "SELECT d.id, d.person_id, p.region, d.expires_on FROM person_documents d JOIN persons p ON p.id = d.person_id
         WHERE d.removed_at IS NULL AND d.kind IN {STAY_KINDS} AND d.expires_on >= $1 AND d.expires_on <= $2
           AND NOT EXISTS (SELECT 1 FROM person_documents n WHERE {NEWER})
         ORDER BY d.expires_on, d.id"
    );
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(from).bind(until).fetch_all(c).await)?)
}

// ---------------------------------------------------------------------------
// Reminders

const REMINDER_COLUMNS: &str = "r.id, r.document_id, r.person_id, r.case_id, r.stage, r.expires_on, r.due_on,
    r.assigned_to, r.region, r.created_at, r.done_at, r.done_by";

/// A reminder as stored: the stage is a number of days.
#[derive(sqlx::FromRow)]
struct ReminderRow {
    id: ReminderId,
    document_id: DocumentId,
    person_id: PersonId,
    case_id: Option<CaseId>,
    stage: i32,
    expires_on: NaiveDate,
    due_on: NaiveDate,
    assigned_to: Option<UserId>,
    region: RegionCode,
    created_at: DateTime<Utc>,
    done_at: Option<DateTime<Utc>>,
    done_by: Option<UserId>,
}

impl TryFrom<ReminderRow> for Reminder {
    type Error = StoreError;

    fn try_from(row: ReminderRow) -> Result<Self> {
        Ok(Reminder {
            id: row.id,
            document_id: row.document_id,
            person_id: row.person_id,
            case_id: row.case_id,
            stage: ReminderStage::try_from(row.stage).map_err(StoreError::Corrupt)?,
            expires_on: row.expires_on,
            due_on: row.due_on,
            assigned_to: row.assigned_to,
            region: row.region,
            created_at: row.created_at,
            done_at: row.done_at,
            done_by: row.done_by,
        })
    }
}

/// Raises a reminder. False when the same stage of the same expiry was
/// raised already, by an earlier run or another server running now.
pub async fn insert_reminder(conn: Conn<'_>, reminder: &Reminder) -> Result<bool> {
    let inserted = on!(conn, c => sqlx::query(
        "INSERT INTO document_reminders (id, document_id, person_id, case_id, stage, expires_on, due_on, assigned_to,
                                         region, created_at, done_at, done_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (document_id, stage, expires_on) DO NOTHING",
    )
    .bind(reminder.id)
    .bind(reminder.document_id)
    .bind(reminder.person_id)
    .bind(reminder.case_id)
    .bind(reminder.stage.days())
    .bind(reminder.expires_on)
    .bind(reminder.due_on)
    .bind(reminder.assigned_to)
    .bind(reminder.region)
    .bind(reminder.created_at)
    .bind(reminder.done_at)
    .bind(reminder.done_by)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(inserted == 1)
}

pub async fn reminder(conn: Conn<'_>, id: ReminderId) -> Result<Option<Reminder>> {
    let sql = format!("SELECT {REMINDER_COLUMNS} FROM document_reminders r WHERE r.id = $1");
    let row: Option<ReminderRow> =
        on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?;
    row.map(Reminder::try_from).transpose()
}

/// The open reminders of a person.
pub async fn open_reminders_of(conn: Conn<'_>, person: PersonId) -> Result<Vec<Reminder>> {
    let sql = format!(
        "SELECT {REMINDER_COLUMNS} FROM document_reminders r WHERE r.person_id = $1 AND r.done_at IS NULL
         ORDER BY r.created_at, r.id"
    );
    let rows: Vec<ReminderRow> =
        on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(person).fetch_all(c).await)?;
    rows.into_iter().map(Reminder::try_from).collect()
}

/// Closes an open reminder. False when it was closed already.
pub async fn close_reminder(conn: Conn<'_>, id: ReminderId, by: UserId, at: DateTime<Utc>) -> Result<bool> {
    let changed = on!(conn, c => sqlx::query(
        "UPDATE document_reminders SET done_at = $2, done_by = $3 WHERE id = $1 AND done_at IS NULL",
    )
    .bind(id).bind(at).bind(by)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(changed == 1)
}

/// Which open reminders to list: every filter given must hold.
#[derive(Debug, Clone, Default)]
pub struct ReminderFilter {
    pub region: Option<RegionCode>,
    /// Reminders assigned to this user, or whose case they manage now (the
    /// case manager may have changed, or been chosen, since it was raised).
    pub handled_by: Option<UserId>,
}

/// An open reminder with what a list shows of its person and document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct ReminderView {
    #[serde(flatten)]
    pub reminder: Reminder,
    /// Hidden (`None`) from those who may not see the person.
    pub person_name: Option<String>,
    pub kind: DocumentKind,
    pub permit_type: Option<PermitType>,
    pub number: Option<String>,
    pub assigned_to_name: Option<String>,
}

#[derive(sqlx::FromRow)]
struct ReminderViewRow {
    #[sqlx(flatten)]
    reminder: ReminderRow,
    given_name: Option<String>,
    surname: Option<String>,
    alias: Option<String>,
    kind: DocumentKind,
    permit_type: Option<PermitType>,
    number: Option<String>,
    assigned_to_name: Option<String>,
}

fn reminder_filter(filter: &ReminderFilter) -> Where {
    let mut w = Where::default();
    w.and_raw("r.done_at IS NULL".into());
    if let Some(region) = filter.region {
        w.and("r.region = {}", Value::Text(region.as_str().into()));
    }
    if let Some(user) = filter.handled_by {
        let u = w.bind(Value::Uuid(user.0));
        w.and_raw(format!(
            "(r.assigned_to = {u} OR EXISTS (SELECT 1 FROM cases c WHERE c.id = r.case_id AND c.case_manager_id = {u}))"
        ));
    }
    w
}

/// The open reminders a filter lets through, the soonest expiry first.
pub async fn open_reminders(conn: Conn<'_>, filter: &ReminderFilter) -> Result<Vec<ReminderView>> {
    let w = reminder_filter(filter);
    let sql = format!(
        "SELECT {REMINDER_COLUMNS}, p.given_name, p.surname, p.alias, d.kind, d.permit_type, d.number,
                u.display_name AS assigned_to_name
         FROM document_reminders r JOIN persons p ON p.id = r.person_id
         JOIN person_documents d ON d.id = r.document_id
         LEFT JOIN users u ON u.id = r.assigned_to
         {} ORDER BY r.expires_on, r.stage, r.id",
        w.sql()
    );
    let rows: Vec<ReminderViewRow> =
        on!(conn, c => bind_where!(sqlx::query_as(AssertSqlSafe(sql.as_str())), w).fetch_all(c).await)?;
    rows.into_iter()
        .map(|row| {
            let name = [row.given_name, row.surname]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            Ok(ReminderView {
                reminder: Reminder::try_from(row.reminder)?,
                person_name: Some(if name.is_empty() {
                    row.alias.unwrap_or_default()
                } else {
                    name
                }),
                kind: row.kind,
                permit_type: row.permit_type,
                number: row.number,
                assigned_to_name: row.assigned_to_name,
            })
        })
        .collect()
}

/// How many open reminders a filter lets through.
pub async fn count_open(conn: Conn<'_>, filter: &ReminderFilter) -> Result<i64> {
    let w = reminder_filter(filter);
    let sql = format!("SELECT COUNT(*) FROM document_reminders r {}", w.sql());
    Ok(on!(conn, c => bind_where!(sqlx::query_scalar(AssertSqlSafe(sql.as_str())), w).fetch_one(c).await)?)
}
