//! ESF+ participants: the answers a case records for the common indicators
//! (table `esf_participants`), and the participations a report counts.

use chrono::{DateTime, NaiveDate, Utc};
use soleil_domain::esf::{Disclosure, EducationLevel, LabourStatus, ParticipantInput, Participation};
use soleil_domain::monitoring::{epoch_day, from_epoch_day};
use soleil_domain::{CaseId, PersonId, RegionCode, Sex, UserId};

use crate::filter::{Value, Where, bind_where};
use crate::{Conn, Result, on};

/// The answers as stored.
#[derive(sqlx::FromRow)]
struct Answers {
    labour_status: Option<LabourStatus>,
    education: Option<EducationLevel>,
    disability: Option<Disclosure>,
    foreign_background: Option<Disclosure>,
    minority: Option<Disclosure>,
    homeless: Option<Disclosure>,
    rural_area: Option<Disclosure>,
    job_searching_on_leaving: Option<bool>,
    in_education_on_leaving: Option<bool>,
    qualification_on_leaving: Option<bool>,
    employed_on_leaving: Option<bool>,
    employed_six_months_after: Option<bool>,
    improved_six_months_after: Option<bool>,
    research_consent: Option<bool>,
}

impl From<Answers> for ParticipantInput {
    fn from(a: Answers) -> Self {
        Self {
            labour_status: a.labour_status,
            education: a.education,
            disability: a.disability,
            foreign_background: a.foreign_background,
            minority: a.minority,
            homeless: a.homeless,
            rural_area: a.rural_area,
            job_searching_on_leaving: a.job_searching_on_leaving,
            in_education_on_leaving: a.in_education_on_leaving,
            qualification_on_leaving: a.qualification_on_leaving,
            employed_on_leaving: a.employed_on_leaving,
            employed_six_months_after: a.employed_six_months_after,
            improved_six_months_after: a.improved_six_months_after,
            research_consent: a.research_consent,
        }
    }
}

const ANSWERS: &str =
    "e.labour_status, e.education, e.disability, e.foreign_background, e.minority, e.homeless,
    e.rural_area, e.job_searching_on_leaving, e.in_education_on_leaving, e.qualification_on_leaving,
    e.employed_on_leaving, e.employed_six_months_after, e.improved_six_months_after, e.research_consent";

/// A case's answers, if any were recorded.
pub async fn answers(conn: Conn<'_>, case: CaseId) -> Result<Option<ParticipantInput>> {
    let sql = format!("SELECT {ANSWERS} FROM esf_participants e WHERE e.case_id = $1");
    let found: Option<Answers> = on!(conn, c => sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(case).fetch_optional(c).await)?;
    Ok(found.map(Into::into))
}

/// Records a case's answers, replacing those it had.
pub async fn save(
    conn: Conn<'_>,
    case: CaseId,
    answers: &ParticipantInput,
    by: UserId,
    at: DateTime<Utc>,
) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO esf_participants (case_id, labour_status, education, disability, foreign_background, minority,
             homeless, rural_area, job_searching_on_leaving, in_education_on_leaving, qualification_on_leaving,
             employed_on_leaving, employed_six_months_after, improved_six_months_after, research_consent,
             updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $17, $15, $16)
         ON CONFLICT (case_id) DO UPDATE SET labour_status = $2, education = $3, disability = $4,
             foreign_background = $5, minority = $6, homeless = $7, rural_area = $8,
             job_searching_on_leaving = $9, in_education_on_leaving = $10, qualification_on_leaving = $11,
             employed_on_leaving = $12, employed_six_months_after = $13, improved_six_months_after = $14,
             research_consent = $17, updated_by = $15, updated_at = $16")
        .bind(case).bind(answers.labour_status).bind(answers.education).bind(answers.disability)
        .bind(answers.foreign_background).bind(answers.minority).bind(answers.homeless).bind(answers.rural_area)
        .bind(answers.job_searching_on_leaving).bind(answers.in_education_on_leaving)
        .bind(answers.qualification_on_leaving).bind(answers.employed_on_leaving)
        .bind(answers.employed_six_months_after).bind(answers.improved_six_months_after)
        .bind(by).bind(at).bind(answers.research_consent)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct ParticipationRow {
    person_id: PersonId,
    case_id: CaseId,
    sex: Option<Sex>,
    date_of_birth: Option<NaiveDate>,
    nationality: Option<String>,
    taken_in_charge_on: i32,
    closed_on: Option<i32>,
    #[sqlx(flatten)]
    answers: Answers,
}

/// Every case of the region (or of all) taken in charge by `to` and not
/// closed more than seven months before `from`: the participations a
/// report over `from..=to` may count at entry, upon leaving or six months
/// after (`soleil_domain::esf::indicators` picks).
pub async fn participations(
    conn: Conn<'_>,
    region: Option<RegionCode>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Participation>> {
    let mut w = Where::default();
    w.and_raw("m.taken_in_charge_on IS NOT NULL".into());
    w.and("m.taken_in_charge_on <= {}", Value::Int(epoch_day(to).into()));
    let seven_months_before = epoch_day(from) - 7 * 31;
    w.and(
        "(m.closed_on IS NULL OR m.closed_on >= {})",
        Value::Int(seven_months_before.into()),
    );
    if let Some(region) = region {
        w.and("m.region = {}", Value::Text(region.as_str().into()));
    }
    let sql = format!(
        "SELECT c.person_id, m.case_id, p.sex, p.date_of_birth, p.nationality, m.taken_in_charge_on, m.closed_on, {ANSWERS}
         FROM case_milestones m JOIN cases c ON c.id = m.case_id JOIN persons p ON p.id = c.person_id
         LEFT JOIN esf_participants e ON e.case_id = m.case_id {}",
        w.sql()
    );
    let rows: Vec<ParticipationRow> =
        on!(conn, c => bind_where!(sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())), w).fetch_all(c).await)?;
    Ok(rows
        .into_iter()
        .map(|row| Participation {
            person: row.person_id.0,
            case: row.case_id.0,
            sex: row.sex,
            date_of_birth: row.date_of_birth,
            nationality: row.nationality,
            entered_on: from_epoch_day(row.taken_in_charge_on),
            left_on: row.closed_on.map(from_epoch_day),
            answers: row.answers.into(),
        })
        .collect())
}

/// One case of a person who consented to research use, as the research
/// export reads it: what the dashboards already keep, no name.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ResearchCase {
    pub person_id: PersonId,
    pub age_band: Option<String>,
    pub nationality: Option<String>,
    pub sex: Option<String>,
    pub region: String,
    pub sector: String,
    pub screened_on: i32,
    pub assessed_on: Option<i32>,
    pub taken_in_charge_on: Option<i32>,
    pub plan_agreed_on: Option<i32>,
    pub in_inclusion_on: Option<i32>,
    pub outcome_on: Option<i32>,
    pub closing_reason: Option<String>,
}

/// The cases that entered the chain in `from..=to` (in a region, or all)
/// whose person consented to research use, oldest first. A refusal recorded
/// on any of the person's cases leaves the person out: consent is asked
/// again on each case, and a later "no" withdraws an earlier "yes".
pub async fn research_cases(
    conn: Conn<'_>,
    region: Option<RegionCode>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<ResearchCase>> {
    let mut w = Where::default();
    w.and_raw("e.research_consent = TRUE".into());
    w.and_raw(
        "NOT EXISTS (SELECT 1 FROM cases other JOIN esf_participants refused ON refused.case_id = other.id
                     WHERE other.person_id = c.person_id AND refused.research_consent = FALSE)"
            .into(),
    );
    w.and("m.screened_on >= {}", Value::Int(epoch_day(from).into()));
    w.and("m.screened_on <= {}", Value::Int(epoch_day(to).into()));
    if let Some(region) = region {
        w.and("m.region = {}", Value::Text(region.as_str().into()));
    }
    let sql = format!(
        "SELECT c.person_id, m.age_band, m.nationality, m.sex, m.region, m.sector, m.screened_on, m.assessed_on,
                m.taken_in_charge_on, m.plan_agreed_on, m.in_inclusion_on, m.outcome_on, m.closing_reason
         FROM case_milestones m JOIN cases c ON c.id = m.case_id JOIN esf_participants e ON e.case_id = m.case_id
         {} ORDER BY m.screened_on",
        w.sql()
    );
    Ok(on!(conn, c => bind_where!(sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())), w).fetch_all(c).await)?)
}
