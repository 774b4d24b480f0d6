//! Budget lines and disbursements, and the facts of the class register an
//! attendance allowance is computed from (courses, sessions, attendance:
//! tables of the courses area, read here only).

use chrono::{DateTime, NaiveDate, Utc};
use soleil_domain::inclusion::measure::{
    AllowanceComputation, BudgetLine, BudgetLineId, Disbursement, DisbursementId, DisbursementStatus,
    FundingSource, LineUse, MeasureKind,
};
use soleil_domain::inclusion::money::Cents;
use soleil_domain::{CaseId, PersonId, RegionCode, UserId};
use sqlx::AssertSqlSafe;
use uuid::Uuid;

use crate::filter::{Value, Where, bind_where, scope_cases};
use crate::{Conn, PERSON_NAME, Page, Result, Scope, on};

const LINE_COLUMNS: &str = "l.id, l.region, l.funding_source, l.code, l.name, l.measures, l.amount_cents,
    l.per_person_cap_cents, l.valid_from, l.valid_to, l.created_by, l.created_at, l.updated_at";

/// A line as stored: its measures are one comma-separated column.
#[derive(sqlx::FromRow)]
struct LineRow {
    id: BudgetLineId,
    region: RegionCode,
    funding_source: FundingSource,
    code: String,
    name: String,
    measures: String,
    amount_cents: Cents,
    per_person_cap_cents: Option<Cents>,
    valid_from: NaiveDate,
    valid_to: NaiveDate,
    created_by: UserId,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<LineRow> for BudgetLine {
    fn from(row: LineRow) -> Self {
        BudgetLine {
            id: row.id,
            region: row.region,
            funding_source: row.funding_source,
            code: row.code,
            name: row.name,
            // Written by `insert_line` from the enum: an unknown name can only
            // be one a later version dropped, and is skipped.
            measures: row.measures.split(',').filter_map(|m| m.parse().ok()).collect(),
            amount: row.amount_cents,
            per_person_cap: row.per_person_cap_cents,
            valid_from: row.valid_from,
            valid_to: row.valid_to,
            created_by: row.created_by,
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }
}

fn measures_column(measures: &[MeasureKind]) -> String {
    measures.iter().map(|m| m.as_str()).collect::<Vec<_>>().join(",")
}

/// False when the region already has a line with this code.
pub async fn insert_line(conn: Conn<'_>, line: &BudgetLine) -> Result<bool> {
    let inserted = on!(conn, c => sqlx::query(
        "INSERT INTO budget_lines (id, region, funding_source, code, name, measures, amount_cents,
                                   per_person_cap_cents, valid_from, valid_to, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (region, code) DO NOTHING",
    )
    .bind(line.id)
    .bind(line.region)
    .bind(line.funding_source)
    .bind(&line.code)
    .bind(&line.name)
    .bind(measures_column(&line.measures))
    .bind(line.amount)
    .bind(line.per_person_cap)
    .bind(line.valid_from)
    .bind(line.valid_to)
    .bind(line.created_by)
    .bind(line.created_at)
    .bind(line.updated_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(inserted == 1)
}

pub async fn set_line_amount(
    conn: Conn<'_>,
    id: BudgetLineId,
    amount: Cents,
    at: DateTime<Utc>,
) -> Result<()> {
    on!(conn, c => sqlx::query("UPDATE budget_lines SET amount_cents = $2, updated_at = $3 WHERE id = $1")
        .bind(id).bind(amount).bind(at)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn get_line(conn: Conn<'_>, id: BudgetLineId) -> Result<Option<BudgetLine>> {
    let sql = format!("SELECT {LINE_COLUMNS} FROM budget_lines l WHERE l.id = $1");
    let row: Option<LineRow> =
        on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?;
    Ok(row.map(BudgetLine::from))
}

/// Reads a line and holds it until the transaction ends, so two approvals
/// on it check the money one after the other. PostgreSQL locks the row;
/// SQLite's write transactions (`BEGIN IMMEDIATE`) already run one at a time.
pub async fn lock_line(conn: Conn<'_>, id: BudgetLineId) -> Result<Option<BudgetLine>> {
    let sql = format!("SELECT {LINE_COLUMNS} FROM budget_lines l WHERE l.id = $1");
    let row: Option<LineRow> = match conn {
        Conn::Sqlite(c) => {
            sqlx::query_as(AssertSqlSafe(sql.as_str()))
                .bind(id)
                .fetch_optional(c)
                .await?
        }
        Conn::Postgres(c) => {
            let locking = format!("{sql} FOR UPDATE");
            sqlx::query_as(AssertSqlSafe(locking.as_str()))
                .bind(id)
                .fetch_optional(c)
                .await?
        }
    };
    Ok(row.map(BudgetLine::from))
}

/// The lines of a region (every region when `None`), by funding source and code.
pub async fn list_lines(conn: Conn<'_>, region: Option<RegionCode>) -> Result<Vec<BudgetLine>> {
    let sql = format!(
        "SELECT {LINE_COLUMNS} FROM budget_lines l WHERE ($1 IS NULL OR l.region = $1)
         ORDER BY l.region, l.funding_source, l.code"
    );
    let rows: Vec<LineRow> = on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str()))
        .bind(region.map(|r| r.as_str()))
        .fetch_all(c).await)?;
    Ok(rows.into_iter().map(BudgetLine::from).collect())
}

/// What a line holds: committed (approved and paid) and paid.
pub async fn line_figures(conn: Conn<'_>, id: BudgetLineId) -> Result<(Cents, Cents)> {
    let (committed, paid): (i64, i64) = on!(conn, c => sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(CASE WHEN status IN ('approved', 'paid') THEN amount_cents ELSE 0 END), 0) AS BIGINT),
                CAST(COALESCE(SUM(CASE WHEN status = 'paid' THEN amount_cents ELSE 0 END), 0) AS BIGINT)
         FROM disbursements WHERE budget_line_id = $1",
    )
    .bind(id)
    .fetch_one(c).await)?;
    Ok((Cents(committed), Cents(paid)))
}

/// What the line has committed, in all and for one person.
pub async fn line_use(conn: Conn<'_>, id: BudgetLineId, person: PersonId) -> Result<LineUse> {
    let (committed, for_person): (i64, i64) = on!(conn, c => sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT),
                CAST(COALESCE(SUM(CASE WHEN person_id = $2 THEN amount_cents ELSE 0 END), 0) AS BIGINT)
         FROM disbursements WHERE budget_line_id = $1 AND status IN ('approved', 'paid')",
    )
    .bind(id)
    .bind(person)
    .fetch_one(c).await)?;
    Ok(LineUse {
        committed: Cents(committed),
        committed_for_person: Cents(for_person),
    })
}

// ---------------------------------------------------------------------------
// Disbursements

const COLUMNS: &str = "d.id, d.budget_line_id, d.region, d.person_id, d.case_id, d.measure, d.period_from,
    d.period_to, d.amount_cents, d.status, d.enrolment_id, d.attended_minutes, d.scheduled_minutes,
    d.hourly_rate_cents, d.threshold_percent, d.rounded, d.note, d.proposed_by, d.proposed_at, d.decided_by,
    d.decided_at, d.refusal_reason, d.paid_on, d.payment_reference";

#[derive(sqlx::FromRow)]
struct DisbursementRow {
    id: DisbursementId,
    budget_line_id: BudgetLineId,
    region: RegionCode,
    person_id: PersonId,
    case_id: CaseId,
    measure: MeasureKind,
    period_from: NaiveDate,
    period_to: NaiveDate,
    amount_cents: Cents,
    status: DisbursementStatus,
    enrolment_id: Option<Uuid>,
    attended_minutes: Option<i64>,
    scheduled_minutes: Option<i64>,
    hourly_rate_cents: Option<i64>,
    threshold_percent: Option<i64>,
    rounded: Option<bool>,
    note: Option<String>,
    proposed_by: UserId,
    proposed_at: DateTime<Utc>,
    decided_by: Option<UserId>,
    decided_at: Option<DateTime<Utc>>,
    refusal_reason: Option<String>,
    paid_on: Option<NaiveDate>,
    payment_reference: Option<String>,
}

impl From<DisbursementRow> for Disbursement {
    fn from(row: DisbursementRow) -> Self {
        let computation = match (row.attended_minutes, row.scheduled_minutes, row.hourly_rate_cents) {
            (Some(attended_minutes), Some(scheduled_minutes), Some(rate)) => Some(AllowanceComputation {
                attended_minutes,
                scheduled_minutes,
                hourly_rate: Cents(rate),
                threshold_percent: row.threshold_percent.unwrap_or(0),
                rounded: row.rounded.unwrap_or(false),
            }),
            _ => None,
        };
        Disbursement {
            id: row.id,
            budget_line_id: row.budget_line_id,
            region: row.region,
            person_id: row.person_id,
            case_id: row.case_id,
            measure: row.measure,
            period_from: row.period_from,
            period_to: row.period_to,
            amount: row.amount_cents,
            status: row.status,
            enrolment_id: row.enrolment_id,
            computation,
            note: row.note,
            proposed_by: row.proposed_by,
            proposed_at: row.proposed_at,
            decided_by: row.decided_by,
            decided_at: row.decided_at,
            refusal_reason: row.refusal_reason,
            paid_on: row.paid_on,
            payment_reference: row.payment_reference,
        }
    }
}

pub async fn insert(conn: Conn<'_>, d: &Disbursement) -> Result<()> {
    let c = d.computation;
    on!(conn, conn => sqlx::query(
        "INSERT INTO disbursements (id, budget_line_id, region, person_id, case_id, measure, period_from, period_to,
                                    amount_cents, status, enrolment_id, attended_minutes, scheduled_minutes,
                                    hourly_rate_cents, threshold_percent, rounded, note, proposed_by, proposed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)",
    )
    .bind(d.id)
    .bind(d.budget_line_id)
    .bind(d.region)
    .bind(d.person_id)
    .bind(d.case_id)
    .bind(d.measure)
    .bind(d.period_from)
    .bind(d.period_to)
    .bind(d.amount)
    .bind(d.status)
    .bind(d.enrolment_id)
    .bind(c.map(|c| c.attended_minutes))
    .bind(c.map(|c| c.scheduled_minutes))
    .bind(c.map(|c| c.hourly_rate.0))
    .bind(c.map(|c| c.threshold_percent))
    .bind(c.map(|c| c.rounded))
    .bind(&d.note)
    .bind(d.proposed_by)
    .bind(d.proposed_at)
    .execute(conn).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn get(conn: Conn<'_>, id: DisbursementId) -> Result<Option<Disbursement>> {
    let sql = format!("SELECT {COLUMNS} FROM disbursements d WHERE d.id = $1");
    let row: Option<DisbursementRow> =
        on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?;
    Ok(row.map(Disbursement::from))
}

/// Writes the decision, payment or cancellation of a disbursement, if it
/// still is in the status `from`. False when someone changed it meanwhile.
pub async fn set_status(conn: Conn<'_>, d: &Disbursement, from: DisbursementStatus) -> Result<bool> {
    let changed = on!(conn, c => sqlx::query(
        "UPDATE disbursements SET status = $3, decided_by = $4, decided_at = $5, refusal_reason = $6, paid_on = $7,
                payment_reference = $8
         WHERE id = $1 AND status = $2",
    )
    .bind(d.id)
    .bind(from)
    .bind(d.status)
    .bind(d.decided_by)
    .bind(d.decided_at)
    .bind(&d.refusal_reason)
    .bind(d.paid_on)
    .bind(&d.payment_reference)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(changed == 1)
}

/// A disbursement with the names a list shows.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct DisbursementView {
    #[serde(flatten)]
    pub disbursement: Disbursement,
    pub person_name: String,
    pub budget_line_code: String,
}

#[derive(sqlx::FromRow)]
struct DisbursementViewRow {
    #[sqlx(flatten)]
    row: DisbursementRow,
    person_name: String,
    budget_line_code: String,
}

impl From<DisbursementViewRow> for DisbursementView {
    fn from(view: DisbursementViewRow) -> Self {
        DisbursementView {
            disbursement: view.row.into(),
            person_name: view.person_name,
            budget_line_code: view.budget_line_code,
        }
    }
}

/// Which disbursements to list: those of the cases a scope sees, narrowed.
#[derive(Debug, Clone, Copy)]
pub struct DisbursementFilter {
    pub scope: Scope,
    pub id: Option<DisbursementId>,
    pub status: Option<DisbursementStatus>,
    pub line: Option<BudgetLineId>,
    pub case: Option<CaseId>,
    pub measure: Option<MeasureKind>,
}

impl DisbursementFilter {
    pub fn new(scope: Scope) -> Self {
        DisbursementFilter {
            scope,
            id: None,
            status: None,
            line: None,
            case: None,
            measure: None,
        }
    }

    fn clauses(&self) -> Where {
        let mut w = Where::default();
        scope_cases(&mut w, self.scope);
        if let Some(id) = self.id {
            w.and("d.id = {}", Value::Uuid(id.0));
        }
        if let Some(status) = self.status {
            w.and("d.status = {}", Value::Text(status.as_str().into()));
        }
        if let Some(line) = self.line {
            w.and("d.budget_line_id = {}", Value::Uuid(line.0));
        }
        if let Some(case) = self.case {
            w.and("d.case_id = {}", Value::Uuid(case.0));
        }
        if let Some(measure) = self.measure {
            w.and("d.measure = {}", Value::Text(measure.as_str().into()));
        }
        w
    }
}

const DISBURSEMENT_FROM: &str = "FROM disbursements d JOIN cases c ON c.id = d.case_id
    JOIN persons p ON p.id = d.person_id JOIN budget_lines l ON l.id = d.budget_line_id";

/// One page of the disbursements a filter lets through, and how many there
/// are in all. Proposals waiting for a decision come first, oldest first
/// (the order they are dealt with); the rest newest first.
pub async fn list(
    conn: Conn<'_>,
    filter: &DisbursementFilter,
    page: Page,
) -> Result<(Vec<DisbursementView>, i64)> {
    let w = filter.clauses();
    let n = w.values.len();
    let list = format!(
        "SELECT {COLUMNS}, {PERSON_NAME} AS person_name, l.code AS budget_line_code {DISBURSEMENT_FROM} {}
         ORDER BY CASE WHEN d.status = 'proposed' THEN 0 ELSE 1 END,
                  CASE WHEN d.status = 'proposed' THEN d.proposed_at END,
                  d.proposed_at DESC, d.id
         LIMIT ${} OFFSET ${}",
        w.sql(),
        n + 1,
        n + 2
    );
    let count = format!("SELECT COUNT(*) {DISBURSEMENT_FROM} {}", w.sql());
    on!(conn, c => {
        let rows = bind_where!(sqlx::query_as::<_, DisbursementViewRow>(AssertSqlSafe(list.as_str())), w)
            .bind(page.limit())
            .bind(page.offset())
            .fetch_all(&mut *c)
            .await?;
        let total: i64 = bind_where!(sqlx::query_scalar(AssertSqlSafe(count.as_str())), w)
            .fetch_one(&mut *c)
            .await?;
        Ok((rows.into_iter().map(DisbursementView::from).collect(), total))
    })
}

/// One row of a statement: a disbursement with who it paid.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct StatementRow {
    pub id: DisbursementId,
    pub budget_line_code: String,
    pub person_id: PersonId,
    pub given_name: Option<String>,
    pub surname: Option<String>,
    pub codice_fiscale: Option<String>,
    pub measure: MeasureKind,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub attended_minutes: Option<i64>,
    pub amount_cents: Cents,
    pub status: DisbursementStatus,
    pub paid_on: Option<NaiveDate>,
    pub payment_reference: Option<String>,
}

/// The disbursements of a region's line or person whose period meets
/// `from..=to`, oldest period first. Refused and cancelled ones included:
/// the statement shows them and leaves them out of the totals.
pub async fn statement_rows(
    conn: Conn<'_>,
    region: RegionCode,
    line: Option<BudgetLineId>,
    person: Option<PersonId>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<StatementRow>> {
    let mut w = Where::default();
    w.and("d.region = {}", Value::Text(region.as_str().into()));
    if let Some(line) = line {
        w.and("d.budget_line_id = {}", Value::Uuid(line.0));
    }
    if let Some(person) = person {
        w.and("d.person_id = {}", Value::Uuid(person.0));
    }
    let n = w.values.len();
    let sql = format!(
        "SELECT d.id, l.code AS budget_line_code, d.person_id, p.given_name, p.surname, p.codice_fiscale, d.measure,
                d.period_from, d.period_to, d.attended_minutes, d.amount_cents, d.status, d.paid_on,
                d.payment_reference
         FROM disbursements d JOIN budget_lines l ON l.id = d.budget_line_id JOIN persons p ON p.id = d.person_id
         {} AND d.period_from <= ${} AND d.period_to >= ${}
         ORDER BY d.period_from, p.surname, p.given_name, d.id",
        w.sql(),
        n + 2,
        n + 1
    );
    Ok(
        on!(conn, c => bind_where!(sqlx::query_as(AssertSqlSafe(sql.as_str())), w)
        .bind(from)
        .bind(to)
        .fetch_all(c)
        .await)?,
    )
}

/// The name of a person of the region, as statements head it.
pub async fn person_name(conn: Conn<'_>, region: RegionCode, person: PersonId) -> Result<Option<String>> {
    let sql = format!("SELECT {PERSON_NAME} FROM persons p WHERE p.id = $1 AND p.region = $2");
    Ok(on!(conn, c => sqlx::query_scalar(AssertSqlSafe(sql.as_str()))
        .bind(person)
        .bind(region)
        .fetch_optional(c)
        .await)?)
}

// ---------------------------------------------------------------------------
// The class register, for the attendance allowance

/// An enrolment with its course's allowance rules.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct EnrolmentAllowance {
    pub enrolment_id: Uuid,
    pub person_id: PersonId,
    pub case_id: CaseId,
    pub region: RegionCode,
    pub hourly_allowance_cents: i64,
    pub allowance_threshold_percent: i64,
}

pub async fn enrolment(conn: Conn<'_>, id: Uuid) -> Result<Option<EnrolmentAllowance>> {
    Ok(on!(conn, c => sqlx::query_as(
        "SELECT e.id AS enrolment_id, e.person_id, e.case_id, co.region,
                CAST(co.hourly_allowance_cents AS BIGINT) AS hourly_allowance_cents,
                CAST(co.allowance_threshold_percent AS BIGINT) AS allowance_threshold_percent
         FROM course_enrolments e JOIN courses co ON co.id = e.course_id WHERE e.id = $1",
    )
    .bind(id)
    .fetch_optional(c).await)?)
}

/// Minutes scheduled (sessions held, not cancelled) and attended by the
/// enrolment in the sessions that start on a day of `from..=to`.
pub async fn attendance_in_period(
    conn: Conn<'_>,
    enrolment: Uuid,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(i64, i64)> {
    // Sessions start in Italian civil time; the day is the first ten
    // characters on SQLite's text and the date part on PostgreSQL.
    let day = match conn {
        Conn::Sqlite(_) => "substr(s.starts_at, 1, 10)",
        Conn::Postgres(_) => "CAST(s.starts_at AS DATE)",
    };
    let bounds = match conn {
        Conn::Sqlite(_) => "$2 AND $3",
        Conn::Postgres(_) => "CAST($2 AS DATE) AND CAST($3 AS DATE)",
    };
    let sql = format!(
        "SELECT CAST(COALESCE(SUM(s.minutes), 0) AS BIGINT), CAST(COALESCE(SUM(a.minutes), 0) AS BIGINT)
         FROM course_enrolments e JOIN course_sessions s ON s.course_id = e.course_id
         LEFT JOIN course_attendance a ON a.session_id = s.id AND a.enrolment_id = e.id
         WHERE e.id = $1 AND s.cancelled_at IS NULL AND {day} BETWEEN {bounds}"
    );
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str()))
        .bind(enrolment).bind(from).bind(to)
        .fetch_one(c).await)?)
}

/// Whether a disbursement that still stands already pays the enrolment
/// for a day of `from..=to`.
pub async fn period_covered(conn: Conn<'_>, enrolment: Uuid, from: NaiveDate, to: NaiveDate) -> Result<bool> {
    let found: Option<(DisbursementId,)> = on!(conn, c => sqlx::query_as(
        "SELECT id FROM disbursements
         WHERE enrolment_id = $1 AND status NOT IN ('refused', 'cancelled') AND period_from <= $3 AND period_to >= $2
         LIMIT 1",
    )
    .bind(enrolment).bind(from).bind(to)
    .fetch_optional(c).await)?;
    Ok(found.is_some())
}
