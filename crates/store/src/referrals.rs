//! Referrals from cases to services. Answers are conditional updates on the
//! state the answer expects, so of two racing answers exactly one applies.

use chrono::{DateTime, NaiveDate, Utc};
use soleil_domain::{
    CaseId, NeedArea, OrganisationId, Referral, ReferralId, ReferralShare, ReferralState, RegionCode, UserId,
};
use sqlx::AssertSqlSafe;
use sqlx::types::Json;

use crate::filter::{Value, Where, bind_where};
use crate::{Conn, Result, on};

const COLUMNS: &str =
    "r.id, r.case_id, r.region, r.organisation_id, r.area, r.description, r.due_date, r.shares,
    r.consent, r.consent_confirmed_by, r.consent_confirmed_at, r.state, r.sent_by, r.sent_at, r.answered_by,
    r.answered_at, r.decline_reason, r.completed_at, r.feedback, r.cancelled_at,
    o.name AS organisation_name, u.display_name AS sent_by_name";

const FROM: &str = "FROM referrals r JOIN organisations o ON o.id = r.organisation_id
    JOIN users u ON u.id = r.sent_by JOIN cases c ON c.id = r.case_id";

#[derive(sqlx::FromRow)]
struct Row {
    id: ReferralId,
    case_id: CaseId,
    region: RegionCode,
    organisation_id: OrganisationId,
    area: NeedArea,
    description: String,
    due_date: NaiveDate,
    shares: Json<Vec<ReferralShare>>,
    consent: bool,
    consent_confirmed_by: UserId,
    consent_confirmed_at: DateTime<Utc>,
    state: ReferralState,
    sent_by: UserId,
    sent_at: DateTime<Utc>,
    answered_by: Option<UserId>,
    answered_at: Option<DateTime<Utc>>,
    decline_reason: Option<String>,
    completed_at: Option<DateTime<Utc>>,
    feedback: Option<String>,
    cancelled_at: Option<DateTime<Utc>>,
    organisation_name: String,
    sent_by_name: String,
}

/// A referral with the names of its receiving service and its sender.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct ReferralView {
    #[serde(flatten)]
    pub referral: Referral,
    pub organisation_name: String,
    pub sent_by_name: String,
}

impl From<Row> for ReferralView {
    fn from(row: Row) -> Self {
        Self {
            referral: Referral {
                id: row.id,
                case_id: row.case_id,
                region: row.region,
                organisation_id: row.organisation_id,
                area: row.area,
                description: row.description,
                due_date: row.due_date,
                shares: row.shares.0,
                consent: row.consent,
                consent_confirmed_by: row.consent_confirmed_by,
                consent_confirmed_at: row.consent_confirmed_at,
                state: row.state,
                sent_by: row.sent_by,
                sent_at: row.sent_at,
                answered_by: row.answered_by,
                answered_at: row.answered_at,
                decline_reason: row.decline_reason,
                completed_at: row.completed_at,
                feedback: row.feedback,
                cancelled_at: row.cancelled_at,
            },
            organisation_name: row.organisation_name,
            sent_by_name: row.sent_by_name,
        }
    }
}

/// Which referrals to list.
#[derive(Debug, Clone, Default)]
pub struct ReferralFilter {
    pub region: Option<RegionCode>,
    pub case: Option<CaseId>,
    /// The receiving service.
    pub organisation: Option<OrganisationId>,
    /// Referrals of the cases this user manages.
    pub case_manager: Option<UserId>,
    pub state: Option<ReferralState>,
    /// Sent at or after this instant.
    pub sent_from: Option<DateTime<Utc>>,
    /// Sent before this instant.
    pub sent_before: Option<DateTime<Utc>>,
}

pub async fn insert(conn: Conn<'_>, r: &Referral) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO referrals (id, case_id, region, organisation_id, area, description, due_date, shares, consent,
                                consent_confirmed_by, consent_confirmed_at, state, sent_by, sent_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(r.id)
    .bind(r.case_id)
    .bind(r.region)
    .bind(r.organisation_id)
    .bind(r.area)
    .bind(&r.description)
    .bind(r.due_date)
    .bind(Json(&r.shares))
    .bind(r.consent)
    .bind(r.consent_confirmed_by)
    .bind(r.consent_confirmed_at)
    .bind(r.state)
    .bind(r.sent_by)
    .bind(r.sent_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn get(conn: Conn<'_>, id: ReferralId) -> Result<Option<ReferralView>> {
    let sql = format!("SELECT {COLUMNS} {FROM} WHERE r.id = $1");
    let row: Option<Row> =
        on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?;
    Ok(row.map(Into::into))
}

/// Referrals by region, case, receiving service, case manager and state; newest first.
pub async fn list(conn: Conn<'_>, filter: &ReferralFilter) -> Result<Vec<ReferralView>> {
    let mut w = Where::default();
    if let Some(region) = filter.region {
        w.and("r.region = {}", Value::Text(region.as_str().into()));
    }
    if let Some(case) = filter.case {
        w.and("r.case_id = {}", Value::Uuid(case.0));
    }
    if let Some(organisation) = filter.organisation {
        w.and("r.organisation_id = {}", Value::Uuid(organisation.0));
    }
    if let Some(manager) = filter.case_manager {
        w.and("c.case_manager_id = {}", Value::Uuid(manager.0));
    }
    if let Some(state) = filter.state {
        w.and("r.state = {}", Value::Text(state.as_str().into()));
    }
    if let Some(from) = filter.sent_from {
        w.and("r.sent_at >= {}", Value::Time(from));
    }
    if let Some(before) = filter.sent_before {
        w.and("r.sent_at < {}", Value::Time(before));
    }
    let sql = format!(
        "SELECT {COLUMNS} {FROM} {} ORDER BY r.sent_at DESC, r.id",
        w.sql()
    );
    let rows: Vec<Row> =
        on!(conn, c => bind_where!(sqlx::query_as(AssertSqlSafe(sql.as_str())), w).fetch_all(c).await)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Moves a referral from `from` to `to`, with the answer's fields. False when
/// it was no longer in `from`: another answer came first.
pub async fn change_state(
    conn: Conn<'_>,
    id: ReferralId,
    from: ReferralState,
    to: ReferralState,
    by: UserId,
    at: DateTime<Utc>,
    text: Option<&str>,
) -> Result<bool> {
    let set = match to {
        ReferralState::Accepted => {
            "answered_by = $4, answered_at = $5, decline_reason = COALESCE($6, decline_reason)"
        }
        ReferralState::Declined => "answered_by = $4, answered_at = $5, decline_reason = $6",
        ReferralState::Completed => {
            "completed_at = $5, feedback = $6, answered_by = COALESCE(answered_by, $4)"
        }
        ReferralState::Cancelled | ReferralState::Sent => {
            // The canceller is the audit log's and the timeline's to tell; $4 stays bound.
            "cancelled_at = $5, decline_reason = COALESCE($6, decline_reason),
             answered_by = CASE WHEN $4 IS NULL THEN NULL ELSE answered_by END"
        }
    };
    let sql = format!("UPDATE referrals SET state = $3, {set} WHERE id = $1 AND state = $2");
    let done = on!(conn, c => sqlx::query(AssertSqlSafe(sql.as_str()))
        .bind(id).bind(from).bind(to).bind(by).bind(at).bind(text)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}
