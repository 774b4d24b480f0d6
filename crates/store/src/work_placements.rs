//! Work placements and their follow-ups; what the employer portal reads of
//! an employer's offers and the candidates proposed to it; and the two
//! writes a placement makes on the proposal and the offer it came from.

use chrono::{DateTime, NaiveDate, Utc};
use soleil_domain::inclusion::employer::EmployerId;
use soleil_domain::inclusion::job_offer::{JobOfferId, ProposalId};
use soleil_domain::inclusion::work_placement::{
    FollowUp, FollowUpId, PlacementEnd, PlacementKind, PlacementStatus, WorkPlacement, WorkPlacementId,
};
use soleil_domain::{CaseId, PersonId, RegionCode, UserId};
use sqlx::AssertSqlSafe;

use crate::filter::{Value, Where, bind_where, scope_cases};
use crate::{Conn, PERSON_NAME, Page, Result, Scope, on};

const COLUMNS: &str =
    "w.id, w.region, w.person_id, w.case_id, w.employer_id, w.offer_id, w.proposal_id, w.kind,
    w.contract_type, w.hours_per_week, w.starts_on, w.ends_on, w.mentor, w.monthly_pay_cents, w.notes,
    w.ended_on, w.end_reason, w.end_note, w.recorded_by, w.created_at, w.updated_at";

const FOLLOW_UP_COLUMNS: &str = "f.id, f.placement_id, f.month, f.due_on, f.recorded_at, f.recorded_by,
    f.still_employed, f.same_employer, f.current_contract, f.notes";

pub async fn insert(conn: Conn<'_>, placement: &WorkPlacement) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO work_placements (id, region, person_id, case_id, employer_id, offer_id, proposal_id, kind,
                                      contract_type, hours_per_week, starts_on, ends_on, mentor, monthly_pay_cents,
                                      notes, ended_on, end_reason, end_note, recorded_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)",
    )
    .bind(placement.id)
    .bind(placement.region)
    .bind(placement.person_id)
    .bind(placement.case_id)
    .bind(placement.employer_id)
    .bind(placement.offer_id)
    .bind(placement.proposal_id)
    .bind(placement.kind)
    .bind(placement.contract_type)
    .bind(placement.hours_per_week)
    .bind(placement.starts_on)
    .bind(placement.ends_on)
    .bind(&placement.mentor)
    .bind(placement.monthly_pay_cents)
    .bind(&placement.notes)
    .bind(placement.ended_on)
    .bind(placement.end_reason)
    .bind(&placement.end_note)
    .bind(placement.recorded_by)
    .bind(placement.created_at)
    .bind(placement.updated_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn get(conn: Conn<'_>, id: WorkPlacementId) -> Result<Option<WorkPlacement>> {
    let sql = format!("SELECT {COLUMNS} FROM work_placements w WHERE w.id = $1");
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?)
}

/// Records how a placement ended. False when it had ended already.
pub async fn end(conn: Conn<'_>, id: WorkPlacementId, end: &PlacementEnd, at: DateTime<Utc>) -> Result<bool> {
    let changed = on!(conn, c => sqlx::query(
        "UPDATE work_placements SET ended_on = $2, end_reason = $3, end_note = $4, updated_at = $5
         WHERE id = $1 AND ended_on IS NULL",
    )
    .bind(id)
    .bind(end.ended_on)
    .bind(end.reason)
    .bind(&end.note)
    .bind(at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(changed == 1)
}

/// Whose placements a list reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Those of the cases a scope lets its holder see.
    Cases(Scope),
    /// Those of one employer (its own login).
    Employer(EmployerId),
}

/// Which placements to list: every filter given must hold.
#[derive(Debug, Clone)]
pub struct PlacementFilter {
    pub reach: Reach,
    pub case: Option<CaseId>,
    pub kind: Option<PlacementKind>,
    pub employer: Option<EmployerId>,
    /// Where they stand on `today`.
    pub status: Option<PlacementStatus>,
    pub today: NaiveDate,
}

impl PlacementFilter {
    pub fn new(reach: Reach, today: NaiveDate) -> Self {
        Self {
            reach,
            case: None,
            kind: None,
            employer: None,
            status: None,
            today,
        }
    }
}

/// A placement with the names a list shows.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct PlacementView {
    #[serde(flatten)]
    #[sqlx(flatten)]
    pub placement: WorkPlacement,
    pub person_name: String,
    pub employer_name: String,
}

/// The clauses of a filter; `today` is bound after them, as `$n+1`.
fn placement_filter(filter: &PlacementFilter) -> Where {
    let mut w = Where::default();
    match filter.reach {
        Reach::Cases(scope) => scope_cases(&mut w, scope),
        Reach::Employer(employer) => w.and("w.employer_id = {}", Value::Uuid(employer.0)),
    }
    if let Some(case) = filter.case {
        w.and("w.case_id = {}", Value::Uuid(case.0));
    }
    if let Some(kind) = filter.kind {
        w.and("w.kind = {}", Value::Text(kind.as_str().into()));
    }
    if let Some(employer) = filter.employer {
        w.and("w.employer_id = {}", Value::Uuid(employer.0));
    }
    let today = format!("${}", w.values.len() + 1);
    // An open-ended contract (no end date) has not ended: the comparison
    // with NULL must not turn the whole clause NULL.
    let ended = format!("(w.ended_on IS NOT NULL OR (w.ends_on IS NOT NULL AND w.ends_on < {today}))");
    match filter.status {
        Some(PlacementStatus::Ended) => w.and_raw(ended),
        Some(PlacementStatus::Planned) => w.and_raw(format!("NOT {ended} AND w.starts_on > {today}")),
        Some(PlacementStatus::Active) => w.and_raw(format!("NOT {ended} AND w.starts_on <= {today}")),
        // The placeholder is bound whatever the filter: keep it in use.
        None => w.and_raw(format!("({today} IS NOT NULL OR {today} IS NULL)")),
    }
    w
}

const PLACEMENT_FROM: &str = "FROM work_placements w JOIN cases c ON c.id = w.case_id
    JOIN persons p ON p.id = w.person_id JOIN employers e ON e.id = w.employer_id";

/// One page of the placements a filter lets through, the latest start first,
/// and how many there are in all.
pub async fn list(conn: Conn<'_>, filter: &PlacementFilter, page: Page) -> Result<(Vec<PlacementView>, i64)> {
    let w = placement_filter(filter);
    let n = w.values.len();
    let columns = format!("{COLUMNS}, {PERSON_NAME} AS person_name, e.legal_name AS employer_name");
    let list = format!(
        "SELECT {columns} {PLACEMENT_FROM} {} ORDER BY w.starts_on DESC, w.id LIMIT ${} OFFSET ${}",
        w.sql(),
        n + 2,
        n + 3
    );
    let count = format!("SELECT COUNT(*) {PLACEMENT_FROM} {}", w.sql());
    on!(conn, c => {
        let items = bind_where!(sqlx::query_as::<_, PlacementView>(AssertSqlSafe(list.as_str())), w)
            .bind(filter.today)
            .bind(page.limit())
            .bind(page.offset())
            .fetch_all(&mut *c)
            .await?;
        let total: i64 = bind_where!(sqlx::query_scalar(AssertSqlSafe(count.as_str())), w)
            .bind(filter.today)
            .fetch_one(&mut *c)
            .await?;
        Ok((items, total))
    })
}

// ---------------------------------------------------------------------------
// Follow-ups

pub async fn insert_follow_up(conn: Conn<'_>, follow_up: &FollowUp) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO work_placement_follow_ups (id, placement_id, month, due_on, recorded_at, recorded_by,
                                                still_employed, same_employer, current_contract, notes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(follow_up.id)
    .bind(follow_up.placement_id)
    .bind(follow_up.month)
    .bind(follow_up.due_on)
    .bind(follow_up.recorded_at)
    .bind(follow_up.recorded_by)
    .bind(follow_up.still_employed)
    .bind(follow_up.same_employer)
    .bind(follow_up.current_contract)
    .bind(&follow_up.notes)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A placement's follow-ups, the earliest first.
pub async fn follow_ups(conn: Conn<'_>, placement: WorkPlacementId) -> Result<Vec<FollowUp>> {
    let sql = format!(
        "SELECT {FOLLOW_UP_COLUMNS} FROM work_placement_follow_ups f WHERE f.placement_id = $1 ORDER BY f.month"
    );
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(placement).fetch_all(c).await)?)
}

pub async fn follow_up(conn: Conn<'_>, id: FollowUpId) -> Result<Option<FollowUp>> {
    let sql = format!("SELECT {FOLLOW_UP_COLUMNS} FROM work_placement_follow_ups f WHERE f.id = $1");
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?)
}

/// Writes the answer of a follow-up. False when it was recorded already.
pub async fn record_follow_up(conn: Conn<'_>, follow_up: &FollowUp) -> Result<bool> {
    let changed = on!(conn, c => sqlx::query(
        "UPDATE work_placement_follow_ups SET recorded_at = $2, recorded_by = $3, still_employed = $4,
                same_employer = $5, current_contract = $6, notes = $7
         WHERE id = $1 AND recorded_at IS NULL",
    )
    .bind(follow_up.id)
    .bind(follow_up.recorded_at)
    .bind(follow_up.recorded_by)
    .bind(follow_up.still_employed)
    .bind(follow_up.same_employer)
    .bind(follow_up.current_contract)
    .bind(&follow_up.notes)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(changed == 1)
}

/// Whose open follow-ups to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpReach {
    /// The region's (the secretariat).
    Region(RegionCode),
    /// Those of the cases a user manages.
    CaseManager(UserId),
}

/// An open follow-up with what a list shows of its placement.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct FollowUpView {
    #[serde(flatten)]
    #[sqlx(flatten)]
    pub follow_up: FollowUp,
    pub case_id: CaseId,
    pub person_id: PersonId,
    pub person_name: String,
    pub employer_name: String,
    pub kind: PlacementKind,
    pub starts_on: NaiveDate,
}

/// The open follow-ups due on or before `until`, the earliest first.
pub async fn open_follow_ups(
    conn: Conn<'_>,
    reach: FollowUpReach,
    until: NaiveDate,
) -> Result<Vec<FollowUpView>> {
    let (clause, value) = match reach {
        FollowUpReach::Region(region) => ("w.region = $2", Value::Text(region.as_str().into())),
        FollowUpReach::CaseManager(user) => ("c.case_manager_id = $2", Value::Uuid(user.0)),
    };
    let sql = format!(
        "SELECT {FOLLOW_UP_COLUMNS}, w.case_id, w.person_id, {PERSON_NAME} AS person_name,
                e.legal_name AS employer_name, w.kind, w.starts_on
         FROM work_placement_follow_ups f JOIN work_placements w ON w.id = f.placement_id
         JOIN cases c ON c.id = w.case_id JOIN persons p ON p.id = w.person_id
         JOIN employers e ON e.id = w.employer_id
         WHERE f.recorded_at IS NULL AND f.due_on <= $1 AND {clause}
         ORDER BY f.due_on, f.id"
    );
    let mut w = Where::default();
    w.bind(value);
    Ok(on!(conn, c => {
        let query = sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(until);
        bind_where!(query, w).fetch_all(c).await
    })?)
}

// ---------------------------------------------------------------------------
// The proposal and offer a placement came from

/// A candidate proposal as a placement needs it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ProposalLink {
    pub id: ProposalId,
    pub offer_id: JobOfferId,
    pub person_id: PersonId,
    pub status: String,
    pub employer_id: EmployerId,
}

pub async fn proposal(conn: Conn<'_>, id: ProposalId) -> Result<Option<ProposalLink>> {
    Ok(on!(conn, c => sqlx::query_as(
        "SELECT cp.id, cp.offer_id, cp.person_id, cp.status, o.employer_id
         FROM candidate_proposals cp JOIN job_offers o ON o.id = cp.offer_id WHERE cp.id = $1",
    )
    .bind(id).fetch_optional(c).await)?)
}

/// The employer of an offer, if the offer exists.
pub async fn offer_employer(conn: Conn<'_>, id: JobOfferId) -> Result<Option<EmployerId>> {
    Ok(
        on!(conn, c => sqlx::query_scalar("SELECT employer_id FROM job_offers WHERE id = $1")
        .bind(id).fetch_optional(c).await)?,
    )
}

/// Marks the proposal accepted, by whoever recorded the placement: the
/// person took the job.
pub async fn accept_proposal(conn: Conn<'_>, id: ProposalId, by: UserId, at: DateTime<Utc>) -> Result<()> {
    on!(conn, c => sqlx::query(
        "UPDATE candidate_proposals SET status = 'accepted', answered_by = $2, answered_at = $3 WHERE id = $1",
    )
    .bind(id).bind(by).bind(at).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Once a placement comes from an offer: the offer is filled when it has
/// as many placements as it had positions.
pub async fn fill_offer_when_complete(conn: Conn<'_>, offer: JobOfferId) -> Result<()> {
    on!(conn, c => sqlx::query(
        "UPDATE job_offers SET status = 'filled'
         WHERE id = $1 AND status = 'open'
           AND positions <= (SELECT COUNT(*) FROM work_placements w WHERE w.offer_id = $1)",
    )
    .bind(offer).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// An employer to choose in a form.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct EmployerChoice {
    pub id: EmployerId,
    pub legal_name: String,
}

/// The employers of a region, by name.
pub async fn employers_of_region(conn: Conn<'_>, region: RegionCode) -> Result<Vec<EmployerChoice>> {
    Ok(on!(conn, c => sqlx::query_as(
        "SELECT id, legal_name FROM employers WHERE region = $1 ORDER BY legal_name, id",
    )
    .bind(region).fetch_all(c).await)?)
}

// ---------------------------------------------------------------------------
// The employer portal

/// An employer's own record, as its portal shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct EmployerRecord {
    pub id: EmployerId,
    pub region: RegionCode,
    pub legal_name: String,
    pub vat_number: String,
    /// ATECO code of its main activity.
    pub ateco_code: String,
    pub comune: String,
}

pub async fn employer(conn: Conn<'_>, id: EmployerId) -> Result<Option<EmployerRecord>> {
    Ok(on!(conn, c => sqlx::query_as(
        "SELECT id, region, legal_name, vat_number, ateco_code, comune FROM employers WHERE id = $1",
    )
    .bind(id).fetch_optional(c).await)?)
}

/// An open offer of the employer.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct PortalOffer {
    pub id: JobOfferId,
    pub title: String,
    /// ISCO-08 unit group.
    pub occupation: String,
    pub contract_type: String,
    pub hours_per_week: Option<i32>,
}

pub async fn open_offers(conn: Conn<'_>, employer: EmployerId) -> Result<Vec<PortalOffer>> {
    Ok(on!(conn, c => sqlx::query_as(
        "SELECT id, title, occupation, contract_type, hours_per_week FROM job_offers
         WHERE employer_id = $1 AND status = 'open' ORDER BY title, id",
    )
    .bind(employer).fetch_all(c).await)?)
}

/// A candidate proposed to the employer who consented to be: their name
/// is theirs to give, and they gave it to this employer for this offer.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct PortalCandidate {
    pub proposal_id: ProposalId,
    pub offer_id: JobOfferId,
    pub offer_title: String,
    pub person_id: PersonId,
    pub person_name: String,
    pub status: String,
}

pub async fn consented_candidates(conn: Conn<'_>, employer: EmployerId) -> Result<Vec<PortalCandidate>> {
    let sql = format!(
        "SELECT cp.id AS proposal_id, o.id AS offer_id, o.title AS offer_title, cp.person_id,
                {PERSON_NAME} AS person_name, cp.status
         FROM candidate_proposals cp JOIN job_offers o ON o.id = cp.offer_id JOIN persons p ON p.id = cp.person_id
         WHERE o.employer_id = $1 AND cp.consent = $2 ORDER BY o.title, cp.proposed_at, cp.id"
    );
    Ok(
        on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(employer).bind(true).fetch_all(c).await)?,
    )
}
