//! Job offers, work profiles, candidate proposals and recruiting days. Lists
//! of codes and tags are stored as JSON arrays of strings. The reads of
//! other areas' tables the matching needs (employers, course enrolments)
//! are here too, so the SQL stays in the store.

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::DeserializeOwned;
use soleil_domain::inclusion::employer::EmployerId;
use soleil_domain::inclusion::job_offer::matching::CourseRecord;
use soleil_domain::inclusion::job_offer::{
    CommuteRange, ContractType, DrivingLicence, ItalianLevel, JobOffer, JobOfferId, OfferStatus, Proposal,
    ProposalId, ProposalStatus, RecruitingDay, RecruitingDayId, RecruitingOutcome, WorkProfile,
};
use soleil_domain::{CaseId, PersonId, RegionCode, UserId};
use sqlx::AssertSqlSafe;

use crate::filter::{Value, Where, bind_where};
use crate::{Conn, Result, StoreError, on};

fn to_json<T: serde::Serialize>(list: &[T]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".to_owned())
}

fn from_json<T: DeserializeOwned>(text: &str) -> Result<Vec<T>> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("JSON list: {e}")))
}

// ---------------------------------------------------------------------------
// Offers

const OFFER_COLUMNS: &str =
    "o.id, o.employer_id, e.legal_name AS employer_name, o.region, o.title, o.occupation,
    o.skills, o.comune, o.hours_per_week, o.contract_type, o.positions, o.italian_level, o.driving_licence,
    o.lab_sector, o.starts_on, o.description, o.status, o.created_by, o.created_at, o.updated_at";

#[derive(sqlx::FromRow)]
struct OfferRow {
    id: JobOfferId,
    employer_id: EmployerId,
    employer_name: Option<String>,
    region: RegionCode,
    title: String,
    occupation: String,
    skills: String,
    comune: String,
    hours_per_week: i32,
    contract_type: ContractType,
    positions: i32,
    italian_level: Option<ItalianLevel>,
    driving_licence: Option<DrivingLicence>,
    lab_sector: Option<String>,
    starts_on: NaiveDate,
    description: Option<String>,
    status: OfferStatus,
    created_by: UserId,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl TryFrom<OfferRow> for JobOffer {
    type Error = StoreError;

    fn try_from(row: OfferRow) -> Result<Self> {
        Ok(JobOffer {
            id: row.id,
            employer_id: row.employer_id,
            employer_name: row.employer_name,
            region: row.region,
            title: row.title,
            occupation: row.occupation,
            skills: from_json(&row.skills)?,
            comune: row.comune,
            hours_per_week: row.hours_per_week,
            contract_type: row.contract_type,
            positions: row.positions,
            italian_level: row.italian_level,
            driving_licence: row.driving_licence,
            lab_sector: row.lab_sector,
            starts_on: row.starts_on,
            description: row.description,
            status: row.status,
            created_by: row.created_by,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

pub async fn insert_offer(conn: Conn<'_>, offer: &JobOffer) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO job_offers (id, employer_id, region, title, occupation, skills, comune, hours_per_week,
                                 contract_type, positions, italian_level, driving_licence, lab_sector, starts_on,
                                 description, status, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)",
    )
    .bind(offer.id).bind(offer.employer_id).bind(offer.region).bind(&offer.title).bind(&offer.occupation)
    .bind(to_json(&offer.skills)).bind(&offer.comune).bind(offer.hours_per_week).bind(offer.contract_type)
    .bind(offer.positions).bind(offer.italian_level).bind(offer.driving_licence).bind(&offer.lab_sector)
    .bind(offer.starts_on).bind(&offer.description).bind(offer.status).bind(offer.created_by)
    .bind(offer.created_at).bind(offer.updated_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Writes what an edit may change: not the employer, nor the region.
pub async fn update_offer(conn: Conn<'_>, offer: &JobOffer) -> Result<()> {
    on!(conn, c => sqlx::query(
        "UPDATE job_offers SET title = $2, occupation = $3, skills = $4, comune = $5, hours_per_week = $6,
                contract_type = $7, positions = $8, italian_level = $9, driving_licence = $10, lab_sector = $11,
                starts_on = $12, description = $13, status = $14, updated_at = $15
         WHERE id = $1",
    )
    .bind(offer.id).bind(&offer.title).bind(&offer.occupation).bind(to_json(&offer.skills)).bind(&offer.comune)
    .bind(offer.hours_per_week).bind(offer.contract_type).bind(offer.positions).bind(offer.italian_level)
    .bind(offer.driving_licence).bind(&offer.lab_sector).bind(offer.starts_on).bind(&offer.description)
    .bind(offer.status).bind(offer.updated_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Which offers to list: every filter given must hold.
#[derive(Debug, Clone, Default)]
pub struct OfferFilter {
    pub region: Option<RegionCode>,
    pub employer: Option<EmployerId>,
    pub status: Option<OfferStatus>,
    pub occupation: Option<String>,
}

pub async fn offer(conn: Conn<'_>, id: JobOfferId) -> Result<Option<JobOffer>> {
    let mut w = Where::default();
    w.and("o.id = {}", Value::Uuid(id.0));
    Ok(read_offers(conn, w).await?.pop())
}

/// Offers, the soonest start first.
pub async fn offers(conn: Conn<'_>, filter: &OfferFilter) -> Result<Vec<JobOffer>> {
    let mut w = Where::default();
    if let Some(region) = filter.region {
        w.and("o.region = {}", Value::Text(region.as_str().into()));
    }
    if let Some(employer) = filter.employer {
        w.and("o.employer_id = {}", Value::Uuid(employer.0));
    }
    if let Some(status) = filter.status {
        w.and("o.status = {}", Value::Text(status.as_str().into()));
    }
    if let Some(occupation) = &filter.occupation {
        w.and("o.occupation = {}", Value::Text(occupation.clone()));
    }
    read_offers(conn, w).await
}

async fn read_offers(conn: Conn<'_>, w: Where) -> Result<Vec<JobOffer>> {
    let sql = format!(
        "SELECT {OFFER_COLUMNS} FROM job_offers o LEFT JOIN employers e ON e.id = o.employer_id {}
         ORDER BY o.starts_on, o.title, o.id",
        w.sql()
    );
    let rows: Vec<OfferRow> =
        on!(conn, c => bind_where!(sqlx::query_as(AssertSqlSafe(sql.as_str())), w).fetch_all(c).await)?;
    rows.into_iter().map(JobOffer::try_from).collect()
}

/// An employer's region and legal name.
pub async fn employer(conn: Conn<'_>, id: EmployerId) -> Result<Option<(RegionCode, String)>> {
    Ok(
        on!(conn, c => sqlx::query_as("SELECT region, legal_name FROM employers WHERE id = $1")
        .bind(id).fetch_optional(c).await)?,
    )
}

// ---------------------------------------------------------------------------
// Work profiles

const PROFILE_COLUMNS: &str =
    "person_id, occupations, skills, italian_level, other_languages, driving_licences,
    domicile_comune, commute, available_from, hours_per_week, updated_by, updated_at";

#[derive(sqlx::FromRow)]
struct ProfileRow {
    person_id: PersonId,
    occupations: String,
    skills: String,
    italian_level: Option<ItalianLevel>,
    other_languages: String,
    driving_licences: String,
    domicile_comune: Option<String>,
    commute: Option<CommuteRange>,
    available_from: Option<NaiveDate>,
    hours_per_week: Option<i32>,
    updated_by: UserId,
    updated_at: DateTime<Utc>,
}

impl TryFrom<ProfileRow> for WorkProfile {
    type Error = StoreError;

    fn try_from(row: ProfileRow) -> Result<Self> {
        Ok(WorkProfile {
            person_id: row.person_id,
            occupations: from_json(&row.occupations)?,
            skills: from_json(&row.skills)?,
            italian_level: row.italian_level,
            other_languages: from_json(&row.other_languages)?,
            driving_licences: from_json(&row.driving_licences)?,
            domicile_comune: row.domicile_comune,
            commute: row.commute,
            available_from: row.available_from,
            hours_per_week: row.hours_per_week,
            updated_by: row.updated_by,
            updated_at: row.updated_at,
        })
    }
}

pub async fn work_profile(conn: Conn<'_>, person: PersonId) -> Result<Option<WorkProfile>> {
    let sql = format!("SELECT {PROFILE_COLUMNS} FROM work_profiles WHERE person_id = $1");
    let row: Option<ProfileRow> =
        on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(person).fetch_optional(c).await)?;
    row.map(WorkProfile::try_from).transpose()
}

/// Writes a person's profile, whole.
pub async fn save_work_profile(conn: Conn<'_>, profile: &WorkProfile) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO work_profiles (person_id, occupations, skills, italian_level, other_languages, driving_licences,
                                    domicile_comune, commute, available_from, hours_per_week, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (person_id) DO UPDATE SET occupations = excluded.occupations, skills = excluded.skills,
             italian_level = excluded.italian_level, other_languages = excluded.other_languages,
             driving_licences = excluded.driving_licences, domicile_comune = excluded.domicile_comune,
             commute = excluded.commute, available_from = excluded.available_from,
             hours_per_week = excluded.hours_per_week, updated_by = excluded.updated_by,
             updated_at = excluded.updated_at",
    )
    .bind(profile.person_id).bind(to_json(&profile.occupations)).bind(to_json(&profile.skills))
    .bind(profile.italian_level).bind(to_json(&profile.other_languages)).bind(to_json(&profile.driving_licences))
    .bind(&profile.domicile_comune).bind(profile.commute).bind(profile.available_from).bind(profile.hours_per_week)
    .bind(profile.updated_by).bind(profile.updated_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The labs a person is enrolled in or completed (withdrawals left out).
pub async fn course_records(conn: Conn<'_>, person: PersonId) -> Result<Vec<CourseRecord>> {
    let rows: Vec<(String, Option<String>, String)> = on!(conn, c => sqlx::query_as(
        "SELECT co.kind, co.sector, en.status FROM course_enrolments en JOIN courses co ON co.id = en.course_id
         WHERE en.person_id = $1 AND en.status <> 'withdrawn'",
    )
    .bind(person).fetch_all(c).await)?;
    Ok(rows
        .into_iter()
        .map(|(kind, sector, status)| CourseRecord {
            empowerment: kind == "empowerment",
            sector,
            completed: status == "completed",
        })
        .collect())
}

// ---------------------------------------------------------------------------
// Proposals

const PROPOSAL_COLUMNS: &str = "p.id, p.offer_id, p.person_id, p.case_id, p.consent, p.status, p.note,
    p.proposed_by, p.proposed_at, p.answered_by, p.answered_at";

pub async fn insert_proposal(conn: Conn<'_>, proposal: &Proposal) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO candidate_proposals (id, offer_id, person_id, case_id, consent, status, note, proposed_by,
                                          proposed_at, answered_by, answered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(proposal.id).bind(proposal.offer_id).bind(proposal.person_id).bind(proposal.case_id)
    .bind(proposal.consent).bind(proposal.status).bind(&proposal.note).bind(proposal.proposed_by)
    .bind(proposal.proposed_at).bind(proposal.answered_by).bind(proposal.answered_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Moves a proposal on, if it is still in the status it was read in.
pub async fn answer_proposal(conn: Conn<'_>, proposal: &Proposal, from: ProposalStatus) -> Result<bool> {
    let changed = on!(conn, c => sqlx::query(
        "UPDATE candidate_proposals SET status = $2, note = $3, answered_by = $4, answered_at = $5
         WHERE id = $1 AND status = $6",
    )
    .bind(proposal.id).bind(proposal.status).bind(&proposal.note).bind(proposal.answered_by)
    .bind(proposal.answered_at).bind(from)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(changed == 1)
}

pub async fn proposal(conn: Conn<'_>, id: ProposalId) -> Result<Option<Proposal>> {
    let sql = format!("SELECT {PROPOSAL_COLUMNS} FROM candidate_proposals p WHERE p.id = $1");
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?)
}

/// Whether the person has an open proposal to the offer.
pub async fn has_open_proposal(conn: Conn<'_>, offer: JobOfferId, person: PersonId) -> Result<bool> {
    let found: Option<(i32,)> = on!(conn, c => sqlx::query_as(
        "SELECT 1 FROM candidate_proposals WHERE offer_id = $1 AND person_id = $2
         AND status IN ('proposed', 'interview')",
    )
    .bind(offer).bind(person).fetch_optional(c).await)?;
    Ok(found.is_some())
}

/// A proposal with its person's name and the offer's title, for lists.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct ProposalView {
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub proposal: Proposal,
    pub offer_title: String,
    pub employer_id: EmployerId,
    pub person_given_name: Option<String>,
    pub person_surname: Option<String>,
    pub person_alias: Option<String>,
}

/// Proposals of an offer or of a person, the newest first.
pub async fn proposals(
    conn: Conn<'_>,
    offer: Option<JobOfferId>,
    person: Option<PersonId>,
) -> Result<Vec<ProposalView>> {
    let mut w = Where::default();
    if let Some(offer) = offer {
        w.and("p.offer_id = {}", Value::Uuid(offer.0));
    }
    if let Some(person) = person {
        w.and("p.person_id = {}", Value::Uuid(person.0));
    }
    let sql = format!(
        "SELECT {PROPOSAL_COLUMNS}, o.title AS offer_title, o.employer_id, pe.given_name AS person_given_name,
                pe.surname AS person_surname, pe.alias AS person_alias
         FROM candidate_proposals p JOIN job_offers o ON o.id = p.offer_id JOIN persons pe ON pe.id = p.person_id
         {} ORDER BY p.proposed_at DESC, p.id",
        w.sql()
    );
    Ok(on!(conn, c => bind_where!(sqlx::query_as(AssertSqlSafe(sql.as_str())), w).fetch_all(c).await)?)
}

// ---------------------------------------------------------------------------
// Recruiting days

const DAY_COLUMNS: &str = "id, region, title, held_on, place, created_by, created_at";

pub async fn insert_day(conn: Conn<'_>, day: &RecruitingDay) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO recruiting_days (id, region, title, held_on, place, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(day.id).bind(day.region).bind(&day.title).bind(day.held_on).bind(&day.place)
    .bind(day.created_by).bind(day.created_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn day(conn: Conn<'_>, id: RecruitingDayId) -> Result<Option<RecruitingDay>> {
    let sql = format!("SELECT {DAY_COLUMNS} FROM recruiting_days WHERE id = $1");
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?)
}

/// The days of a region (every region's when `None`), the latest first.
pub async fn days(conn: Conn<'_>, region: Option<RegionCode>) -> Result<Vec<RecruitingDay>> {
    let mut w = Where::default();
    if let Some(region) = region {
        w.and("region = {}", Value::Text(region.as_str().into()));
    }
    let sql = format!(
        "SELECT {DAY_COLUMNS} FROM recruiting_days {} ORDER BY held_on DESC, id",
        w.sql()
    );
    Ok(on!(conn, c => bind_where!(sqlx::query_as(AssertSqlSafe(sql.as_str())), w).fetch_all(c).await)?)
}

/// Adds an employer to a day; false when it takes part already.
pub async fn add_day_employer(conn: Conn<'_>, day: RecruitingDayId, employer: EmployerId) -> Result<bool> {
    let added = on!(conn, c => sqlx::query(
        "INSERT INTO recruiting_day_employers (day_id, employer_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    )
    .bind(day).bind(employer).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(added == 1)
}

/// The employers taking part: id and legal name.
pub async fn day_employers(conn: Conn<'_>, day: RecruitingDayId) -> Result<Vec<(EmployerId, String)>> {
    Ok(on!(conn, c => sqlx::query_as(
        "SELECT e.id, e.legal_name FROM recruiting_day_employers d JOIN employers e ON e.id = d.employer_id
         WHERE d.day_id = $1 ORDER BY e.legal_name",
    )
    .bind(day).fetch_all(c).await)?)
}

/// A candidate invited to a day, with their name.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct DayCandidate {
    pub person_id: PersonId,
    pub case_id: CaseId,
    pub outcome: RecruitingOutcome,
    pub note: Option<String>,
    pub person_given_name: Option<String>,
    pub person_surname: Option<String>,
    pub person_alias: Option<String>,
}

/// Invites a candidate, or records their outcome when invited already.
pub async fn save_day_candidate(
    conn: Conn<'_>,
    day: RecruitingDayId,
    candidate: &DayCandidate,
    by: UserId,
    at: DateTime<Utc>,
) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO recruiting_day_candidates (day_id, person_id, case_id, outcome, note, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (day_id, person_id) DO UPDATE SET outcome = excluded.outcome, note = excluded.note,
             updated_by = excluded.updated_by, updated_at = excluded.updated_at",
    )
    .bind(day).bind(candidate.person_id).bind(candidate.case_id).bind(candidate.outcome).bind(&candidate.note)
    .bind(by).bind(at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn day_candidates(conn: Conn<'_>, day: RecruitingDayId) -> Result<Vec<DayCandidate>> {
    Ok(on!(conn, c => sqlx::query_as(
        "SELECT d.person_id, d.case_id, d.outcome, d.note, p.given_name AS person_given_name,
                p.surname AS person_surname, p.alias AS person_alias
         FROM recruiting_day_candidates d JOIN persons p ON p.id = d.person_id
         WHERE d.day_id = $1 ORDER BY p.surname, p.given_name, d.person_id",
    )
    .bind(day).fetch_all(c).await)?)
}
