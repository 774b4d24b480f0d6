//! Screenings: first-profiling facts and indicator answers.

use chrono::{DateTime, Utc};
use soleil_domain::{
    CaseId, ContactChannel, DeclaredLegalStatus, Evaluation, FirstProfile, IndicatorSheet, OrganisationId,
    PersonId, Priority, RegionCode, Screening, ScreeningId, ScreeningStatus, UrgentNeeds, UserId, WorkSector,
};
use sqlx::types::Json;

use sqlx::AssertSqlSafe;

use crate::filter::{Value, Where, bind_where};
use crate::{Conn, Result, on};

const COLUMNS: &str = "id, person_id, region, organisation_id, recorded_by, status, priority, contact_channel,
    work_place, sector, legal_status, urgent_danger, urgent_health, urgent_no_shelter, urgent_minors, languages,
    consent_to_referral, notes, indicators, result, case_id, created_at, sent_at";

#[derive(sqlx::FromRow)]
struct Row {
    id: ScreeningId,
    person_id: PersonId,
    region: RegionCode,
    organisation_id: OrganisationId,
    recorded_by: UserId,
    status: ScreeningStatus,
    priority: Priority,
    contact_channel: ContactChannel,
    work_place: Option<String>,
    sector: WorkSector,
    legal_status: DeclaredLegalStatus,
    urgent_danger: bool,
    urgent_health: bool,
    urgent_no_shelter: bool,
    urgent_minors: bool,
    languages: Json<Vec<String>>,
    consent_to_referral: bool,
    notes: Option<String>,
    indicators: Json<IndicatorSheet>,
    result: Option<Json<Evaluation>>,
    case_id: Option<CaseId>,
    created_at: DateTime<Utc>,
    sent_at: Option<DateTime<Utc>>,
}

impl From<Row> for Screening {
    fn from(row: Row) -> Self {
        Self {
            id: row.id,
            person_id: row.person_id,
            region: row.region,
            organisation_id: row.organisation_id,
            recorded_by: row.recorded_by,
            status: row.status,
            priority: row.priority,
            profile: FirstProfile {
                contact_channel: row.contact_channel,
                work_place: row.work_place,
                sector: row.sector,
                legal_status: row.legal_status,
                urgent: UrgentNeeds {
                    danger: row.urgent_danger,
                    health: row.urgent_health,
                    no_shelter: row.urgent_no_shelter,
                    minors: row.urgent_minors,
                },
                languages: row.languages.0,
                consent_to_referral: row.consent_to_referral,
                notes: row.notes,
                indicators: row.indicators.0,
            },
            result: row.result.map(|result| result.0),
            case_id: row.case_id,
            created_at: row.created_at,
            sent_at: row.sent_at,
        }
    }
}

pub async fn insert(conn: Conn<'_>, s: &Screening) -> Result<()> {
    let p = &s.profile;
    on!(conn, c => sqlx::query(AssertSqlSafe(format!(
        "INSERT INTO screenings ({COLUMNS}) VALUES
         ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)"
    )))
    .bind(s.id)
    .bind(s.person_id)
    .bind(s.region)
    .bind(s.organisation_id)
    .bind(s.recorded_by)
    .bind(s.status)
    .bind(s.priority)
    .bind(p.contact_channel)
    .bind(&p.work_place)
    .bind(p.sector)
    .bind(p.legal_status)
    .bind(p.urgent.danger)
    .bind(p.urgent.health)
    .bind(p.urgent.no_shelter)
    .bind(p.urgent.minors)
    .bind(Json(&p.languages))
    .bind(p.consent_to_referral)
    .bind(&p.notes)
    .bind(Json(&p.indicators))
    .bind(s.result.as_ref().map(Json))
    .bind(s.case_id)
    .bind(s.created_at)
    .bind(s.sent_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn get(conn: Conn<'_>, id: ScreeningId) -> Result<Option<Screening>> {
    let sql = format!("SELECT {COLUMNS} FROM screenings WHERE id = $1");
    let row: Option<Row> =
        on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?;
    Ok(row.map(Screening::from))
}

pub async fn for_person(conn: Conn<'_>, person: PersonId) -> Result<Vec<Screening>> {
    let sql = format!("SELECT {COLUMNS} FROM screenings WHERE person_id = $1 ORDER BY created_at DESC");
    let rows: Vec<Row> =
        on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(person).fetch_all(c).await)?;
    Ok(rows.into_iter().map(Screening::from).collect())
}

/// Marks a draft as sent and links the case it opened.
pub async fn mark_sent(conn: Conn<'_>, id: ScreeningId, case: CaseId, at: DateTime<Utc>) -> Result<()> {
    on!(conn, c => sqlx::query("UPDATE screenings SET status = 'sent', case_id = $2, sent_at = $3 WHERE id = $1")
        .bind(id).bind(case).bind(at).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Replaces the facts of a screening that is still a draft.
pub async fn update_draft(
    conn: Conn<'_>,
    id: ScreeningId,
    profile: &FirstProfile,
    priority: Priority,
    result: Option<&Evaluation>,
) -> Result<()> {
    on!(conn, c => sqlx::query(
        "UPDATE screenings SET priority = $2, contact_channel = $3, work_place = $4, sector = $5, legal_status = $6,
                urgent_danger = $7, urgent_health = $8, urgent_no_shelter = $9, urgent_minors = $10,
                languages = $11, consent_to_referral = $12, notes = $13, indicators = $14, result = $15
         WHERE id = $1 AND status = 'draft'",
    )
    .bind(id)
    .bind(priority)
    .bind(profile.contact_channel)
    .bind(&profile.work_place)
    .bind(profile.sector)
    .bind(profile.legal_status)
    .bind(profile.urgent.danger)
    .bind(profile.urgent.health)
    .bind(profile.urgent.no_shelter)
    .bind(profile.urgent.minors)
    .bind(Json(&profile.languages))
    .bind(profile.consent_to_referral)
    .bind(&profile.notes)
    .bind(Json(&profile.indicators))
    .bind(result.map(Json))
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The sent screenings of some cases, newest first: what the secretariat's
/// queue explains its order with.
pub async fn sent_for_cases(conn: Conn<'_>, cases: &[CaseId]) -> Result<Vec<Screening>> {
    if cases.is_empty() {
        return Ok(Vec::new());
    }
    let mut w = Where::default();
    let placeholders: Vec<String> = cases.iter().map(|id| w.bind(Value::Uuid(id.0))).collect();
    w.and_raw(format!("case_id IN ({})", placeholders.join(", ")));
    w.and_raw("status = 'sent'".into());
    let sql = format!(
        "SELECT {COLUMNS} FROM screenings {} ORDER BY sent_at DESC, id DESC",
        w.sql()
    );
    let rows: Vec<Row> =
        on!(conn, c => bind_where!(sqlx::query_as(AssertSqlSafe(sql.as_str())), w).fetch_all(c).await)?;
    Ok(rows.into_iter().map(Screening::from).collect())
}
