//! Employers, their sites, logins and needs surveys.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use soleil_domain::inclusion::employer::needs::SurveyFacts;
use soleil_domain::inclusion::employer::survey::{EmployerSurvey, WorkerNeed};
use soleil_domain::inclusion::employer::{
    Employer, EmployerId, EmployerSite, EmployerSiteId, EmployerSurveyId,
};
use soleil_domain::{RegionCode, User, UserId};
use sqlx::AssertSqlSafe;

use crate::filter::{Value, Where, fetch_page};
use crate::{Conn, Page, Result, on};

const COLUMNS: &str = "e.id, e.region, e.legal_name, e.vat_number, e.tax_code, e.ateco_code, e.comune, e.province_code,
    e.address, e.contact_name, e.contact_email, e.contact_phone, e.size_band, e.notes, e.created_by, e.created_at,
    e.updated_at";

pub async fn insert(conn: Conn<'_>, employer: &Employer) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO employers (id, region, legal_name, vat_number, tax_code, ateco_code, comune, province_code,
                                address, contact_name, contact_email, contact_phone, size_band, notes, created_by,
                                created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
    )
    .bind(employer.id)
    .bind(employer.region)
    .bind(&employer.legal_name)
    .bind(&employer.vat_number)
    .bind(&employer.tax_code)
    .bind(&employer.ateco_code)
    .bind(&employer.comune)
    .bind(&employer.province_code)
    .bind(&employer.address)
    .bind(&employer.contact_name)
    .bind(&employer.contact_email)
    .bind(&employer.contact_phone)
    .bind(employer.size_band)
    .bind(&employer.notes)
    .bind(employer.created_by)
    .bind(employer.created_at)
    .bind(employer.updated_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Writes the checked fields of an employer (not its region or creator).
pub async fn update(conn: Conn<'_>, employer: &Employer) -> Result<bool> {
    let changed = on!(conn, c => sqlx::query(
        "UPDATE employers SET legal_name = $2, vat_number = $3, tax_code = $4, ateco_code = $5, comune = $6,
                province_code = $7, address = $8, contact_name = $9, contact_email = $10, contact_phone = $11,
                size_band = $12, notes = $13, updated_at = $14
         WHERE id = $1",
    )
    .bind(employer.id)
    .bind(&employer.legal_name)
    .bind(&employer.vat_number)
    .bind(&employer.tax_code)
    .bind(&employer.ateco_code)
    .bind(&employer.comune)
    .bind(&employer.province_code)
    .bind(&employer.address)
    .bind(&employer.contact_name)
    .bind(&employer.contact_email)
    .bind(&employer.contact_phone)
    .bind(employer.size_band)
    .bind(&employer.notes)
    .bind(employer.updated_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(changed == 1)
}

pub async fn get(conn: Conn<'_>, id: EmployerId) -> Result<Option<Employer>> {
    let sql = format!("SELECT {COLUMNS} FROM employers e WHERE e.id = $1");
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?)
}

/// The employer of a region with this VAT number, other than `except`.
pub async fn with_vat_number(
    conn: Conn<'_>,
    region: RegionCode,
    vat_number: &str,
    except: Option<EmployerId>,
) -> Result<Option<EmployerId>> {
    let found: Option<EmployerId> = on!(conn, c => sqlx::query_scalar(
        "SELECT id FROM employers WHERE region = $1 AND vat_number = $2",
    )
    .bind(region).bind(vat_number)
    .fetch_optional(c).await)?;
    Ok(found.filter(|id| Some(*id) != except))
}

/// Which employers a list shows: every filter given must hold.
#[derive(Debug, Clone, Default)]
pub struct EmployerFilter {
    pub region: Option<RegionCode>,
    /// Only this employer: what an employer's own login sees.
    pub only: Option<EmployerId>,
    /// Part of the legal name or of the VAT number.
    pub search: Option<String>,
    /// ATECO codes starting with any of these (the divisions of a sector).
    pub ateco_prefixes: Vec<String>,
    pub province_code: Option<String>,
}

pub async fn list(conn: Conn<'_>, filter: &EmployerFilter, page: Page) -> Result<(Vec<Employer>, i64)> {
    let mut w = Where::default();
    if let Some(region) = filter.region {
        w.and("e.region = {}", Value::Text(region.as_str().into()));
    }
    if let Some(only) = filter.only {
        w.and("e.id = {}", Value::Uuid(only.0));
    }
    if let Some(text) = filter.search.as_deref().filter(|s| !s.trim().is_empty()) {
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        if digits.len() >= 4 && digits.len() == text.trim().trim_start_matches("IT").replace(' ', "").len() {
            w.search(&["e.vat_number"], &digits);
        } else {
            w.search(&["e.legal_name", "e.vat_number"], text);
        }
    }
    if !filter.ateco_prefixes.is_empty() {
        let any: Vec<String> = filter
            .ateco_prefixes
            .iter()
            .map(|prefix| format!("e.ateco_code LIKE {}", w.bind(Value::Text(format!("{prefix}%")))))
            .collect();
        w.and_raw(format!("({})", any.join(" OR ")));
    }
    if let Some(province) = &filter.province_code {
        w.and("e.province_code = {}", Value::Text(province.clone()));
    }
    fetch_page(conn, COLUMNS, "FROM employers e", "e.legal_name, e.id", &w, page).await
}

// ---------------------------------------------------------------------------
// Sites

pub async fn insert_site(conn: Conn<'_>, site: &EmployerSite) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO employer_sites (id, employer_id, comune, province_code, address, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(site.id).bind(site.employer_id).bind(&site.comune).bind(&site.province_code).bind(&site.address)
    .bind(site.created_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Removes a site of an employer. False when it is not one of its sites.
pub async fn remove_site(conn: Conn<'_>, employer: EmployerId, site: EmployerSiteId) -> Result<bool> {
    let removed = on!(conn, c => sqlx::query("DELETE FROM employer_sites WHERE id = $1 AND employer_id = $2")
        .bind(site).bind(employer)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(removed == 1)
}

pub async fn sites(conn: Conn<'_>, employer: EmployerId) -> Result<Vec<EmployerSite>> {
    Ok(on!(conn, c => sqlx::query_as(
        "SELECT id, employer_id, comune, province_code, address, created_at FROM employer_sites
         WHERE employer_id = $1 ORDER BY created_at, id",
    )
    .bind(employer).fetch_all(c).await)?)
}

// ---------------------------------------------------------------------------
// Logins

/// The employer an employer-role login belongs to, if any.
pub async fn employer_of_user(conn: Conn<'_>, user: UserId) -> Result<Option<EmployerId>> {
    Ok(
        on!(conn, c => sqlx::query_scalar("SELECT employer_id FROM employer_users WHERE user_id = $1")
        .bind(user)
        .fetch_optional(c)
        .await)?,
    )
}

pub async fn link_user(conn: Conn<'_>, user: UserId, employer: EmployerId) -> Result<()> {
    on!(conn, c => sqlx::query("INSERT INTO employer_users (user_id, employer_id) VALUES ($1, $2)")
        .bind(user).bind(employer)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The logins of an employer, by name.
pub async fn logins(conn: Conn<'_>, employer: EmployerId) -> Result<Vec<User>> {
    Ok(on!(conn, c => sqlx::query_as(
        "SELECT u.id, u.email, u.display_name, u.role, u.organisation_id, u.region, u.active, u.created_at
         FROM users u JOIN employer_users eu ON eu.user_id = u.id
         WHERE eu.employer_id = $1 ORDER BY u.display_name, u.email",
    )
    .bind(employer).fetch_all(c).await)?)
}

// ---------------------------------------------------------------------------
// Needs surveys

pub async fn insert_survey(conn: Conn<'_>, survey: &EmployerSurvey) -> Result<()> {
    on!(conn, c => {
        sqlx::query(
            "INSERT INTO employer_surveys (id, employer_id, region, surveyed_on, open_to_training, internships,
                                           apprenticeships, other_insertion, notes, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(survey.id).bind(survey.employer_id).bind(survey.region).bind(survey.surveyed_on)
        .bind(survey.open_to_training).bind(survey.internships).bind(survey.apprenticeships)
        .bind(&survey.other_insertion).bind(&survey.notes).bind(survey.recorded_by).bind(survey.created_at)
        .execute(&mut *c).await?;
        for (position, need) in (1_i32..).zip(&survey.needs) {
            sqlx::query(
                "INSERT INTO employer_survey_needs (survey_id, position, occupation, workers, skills, needed_by)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(survey.id).bind(position).bind(&need.occupation).bind(need.workers).bind(&need.skills)
            .bind(need.needed_by)
            .execute(&mut *c).await?;
        }
        Ok::<_, sqlx::Error>(())
    })?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct SurveyRow {
    id: EmployerSurveyId,
    employer_id: EmployerId,
    region: RegionCode,
    surveyed_on: NaiveDate,
    open_to_training: bool,
    internships: i32,
    apprenticeships: i32,
    other_insertion: Option<String>,
    notes: Option<String>,
    recorded_by: UserId,
    created_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct NeedRow {
    survey_id: EmployerSurveyId,
    occupation: String,
    workers: i32,
    skills: Option<String>,
    needed_by: Option<NaiveDate>,
}

/// The same connection again, for a second query in one function.
fn again<'a>(conn: &'a mut Conn<'_>) -> Conn<'a> {
    match conn {
        Conn::Sqlite(c) => Conn::Sqlite(c),
        Conn::Postgres(c) => Conn::Postgres(c),
    }
}

/// Groups rows of needs by survey, in their order.
fn by_survey(rows: Vec<NeedRow>) -> HashMap<EmployerSurveyId, Vec<WorkerNeed>> {
    let mut by_survey: HashMap<EmployerSurveyId, Vec<WorkerNeed>> = HashMap::new();
    for row in rows {
        by_survey.entry(row.survey_id).or_default().push(WorkerNeed {
            occupation: row.occupation,
            workers: row.workers,
            skills: row.skills,
            needed_by: row.needed_by,
        });
    }
    by_survey
}

const NEED_COLUMNS: &str = "n.survey_id, n.occupation, n.workers, n.skills, n.needed_by";

/// The surveys of an employer, the latest first, with their needs.
pub async fn surveys_of(mut conn: Conn<'_>, employer: EmployerId) -> Result<Vec<EmployerSurvey>> {
    let rows: Vec<SurveyRow> = on!(again(&mut conn), c => sqlx::query_as(
        "SELECT s.id, s.employer_id, s.region, s.surveyed_on, s.open_to_training, s.internships, s.apprenticeships,
                s.other_insertion, s.notes, s.recorded_by, s.created_at
         FROM employer_surveys s WHERE s.employer_id = $1 ORDER BY s.surveyed_on DESC, s.created_at DESC",
    )
    .bind(employer).fetch_all(c).await)?;
    let sql = format!(
        "SELECT {NEED_COLUMNS} FROM employer_survey_needs n JOIN employer_surveys s ON s.id = n.survey_id
         WHERE s.employer_id = $1 ORDER BY n.survey_id, n.position"
    );
    let needs: Vec<NeedRow> =
        on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(employer).fetch_all(c).await)?;
    let mut needs = by_survey(needs);
    Ok(rows
        .into_iter()
        .map(|row| EmployerSurvey {
            needs: needs.remove(&row.id).unwrap_or_default(),
            id: row.id,
            employer_id: row.employer_id,
            region: row.region,
            surveyed_on: row.surveyed_on,
            open_to_training: row.open_to_training,
            internships: row.internships,
            apprenticeships: row.apprenticeships,
            other_insertion: row.other_insertion,
            notes: row.notes,
            recorded_by: row.recorded_by,
            created_at: row.created_at,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct FactsRow {
    id: EmployerSurveyId,
    employer_id: EmployerId,
    surveyed_on: NaiveDate,
    created_at: DateTime<Utc>,
    ateco_code: String,
    province_code: String,
    open_to_training: bool,
    internships: i32,
    apprenticeships: i32,
}

/// What each survey of a period (both days included), in a region or all,
/// brings to the sums of the needs.
pub async fn survey_facts(
    mut conn: Conn<'_>,
    region: Option<RegionCode>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<SurveyFacts>> {
    let condition = match region {
        Some(_) => "s.surveyed_on >= $1 AND s.surveyed_on <= $2 AND s.region = $3",
        None => "s.surveyed_on >= $1 AND s.surveyed_on <= $2",
    };
    let surveys = format!(
        "SELECT s.id, s.employer_id, s.surveyed_on, s.created_at, e.ateco_code, e.province_code, s.open_to_training,
                s.internships, s.apprenticeships
         FROM employer_surveys s JOIN employers e ON e.id = s.employer_id
         WHERE {condition} ORDER BY s.surveyed_on, s.id"
    );
    let needs = format!(
        "SELECT {NEED_COLUMNS} FROM employer_survey_needs n JOIN employer_surveys s ON s.id = n.survey_id
         WHERE {condition} ORDER BY n.survey_id, n.position"
    );
    let rows: Vec<FactsRow> = on!(again(&mut conn), c => {
        let query = sqlx::query_as(AssertSqlSafe(surveys.as_str())).bind(from).bind(to);
        match region { Some(r) => query.bind(r), None => query }.fetch_all(c).await
    })?;
    let needs: Vec<NeedRow> = on!(conn, c => {
        let query = sqlx::query_as(AssertSqlSafe(needs.as_str())).bind(from).bind(to);
        match region { Some(r) => query.bind(r), None => query }.fetch_all(c).await
    })?;
    let mut needs = by_survey(needs);
    Ok(rows
        .into_iter()
        .map(|row| SurveyFacts {
            needs: needs
                .remove(&row.id)
                .unwrap_or_default()
                .into_iter()
                .map(|n| (n.occupation, n.workers))
                .collect(),
            employer_id: row.employer_id,
            surveyed_on: row.surveyed_on,
            recorded_at: row.created_at,
            ateco_code: row.ateco_code,
            province_code: row.province_code,
            open_to_training: row.open_to_training,
            internships: row.internships,
            apprenticeships: row.apprenticeships,
        })
        .collect())
}
