//! Monitoring: the day each case reached each step of the referral chain
//! (table `case_milestones`), kept here as the case's timeline grows, and the
//! counts the dashboards read from it, with the ids of the cases behind
//! each count. No row here names a person.

use chrono::NaiveDate;
use soleil_domain::monitoring::{AgeBand, Step, epoch_day, from_epoch_day};
use soleil_domain::{
    CaseEvent, CaseEventKind, CaseId, CaseState, ContactChannel, OrganisationId, RegionCode, Sex, WorkSector,
};
use sqlx::AssertSqlSafe;

use crate::filter::{Value, Where, bind_where};
use crate::{Conn, Result, on};

mod cohort;

pub(crate) use cohort::MilestoneCopy;
pub use cohort::{CohortFigure, CohortFigures, cohort_cases, cohort_figures, refresh_copy};

/// The column holding the day a step was reached.
fn column(step: Step) -> &'static str {
    match step {
        Step::Screened => "screened_on",
        Step::Assessed => "assessed_on",
        Step::TakenInCharge => "taken_in_charge_on",
        Step::PlanAgreed => "plan_agreed_on",
        Step::InInclusion => "in_inclusion_on",
        Step::Outcome => "outcome_on",
    }
}

/// Keeps the case's milestones up to date with one more event of its
/// timeline: called with every event the store records. A change stamps
/// the row with the next monitoring revision, which the in-memory copies
/// ([`cohort`]) follow.
pub(crate) async fn record_event(mut conn: Conn<'_>, event: &CaseEvent) -> Result<()> {
    let day = epoch_day(event.at.date_naive());
    let step = Step::reached_by(event.kind, event.to_state, event.code.as_deref());
    let closes = event.to_state == Some(CaseState::Closed);
    if step.is_none() && !closes {
        return Ok(());
    }
    let revision = next_revision(&mut conn).await?;
    if event.kind == CaseEventKind::Reported {
        insert_case(&mut conn, event.case_id, day, revision).await?;
    } else if let Some(step) = step {
        // The first day counts: a second placement does not move the outcome.
        let column = column(step);
        let sql = format!(
            "UPDATE case_milestones SET {column} = COALESCE({column}, $1), revision = $2 WHERE case_id = $3"
        );
        on!(&mut conn, c => sqlx::query(AssertSqlSafe(sql.as_str()))
            .bind(day).bind(revision).bind(event.case_id).execute(&mut **c).await.map(|r| r.rows_affected()))?;
    }
    if closes {
        on!(&mut conn, c => sqlx::query(
            "UPDATE case_milestones SET closed_on = $1, closing_reason = $2, revision = $3 WHERE case_id = $4")
            .bind(day).bind(&event.code).bind(revision).bind(event.case_id)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

/// Takes the next monitoring revision. The counter's row stays locked until
/// the transaction ends, so writers commit their revisions in order.
async fn next_revision(conn: &mut Conn<'_>) -> Result<i64> {
    Ok(on!(conn, c => sqlx::query_scalar(
        "UPDATE monitoring_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision")
        .fetch_one(&mut **c).await)?)
}

/// What the dashboards filter by, as the first contact recorded it.
#[derive(sqlx::FromRow)]
struct Entry {
    region: RegionCode,
    reported_by_organisation: OrganisationId,
    sector: WorkSector,
    nationality: Option<String>,
    sex: Option<Sex>,
    date_of_birth: Option<NaiveDate>,
    contact_channel: ContactChannel,
    urgent: bool,
}

async fn insert_case(conn: &mut Conn<'_>, case: CaseId, day: i32, revision: i64) -> Result<()> {
    let entry: Option<Entry> = on!(conn, c => sqlx::query_as(
        "SELECT c.region, c.reported_by_organisation, s.sector, p.nationality, p.sex, p.date_of_birth,
                s.contact_channel, s.urgent_danger OR s.urgent_health AS urgent
         FROM cases c JOIN screenings s ON s.id = c.screening_id JOIN persons p ON p.id = c.person_id
         WHERE c.id = $1")
        .bind(case).fetch_optional(&mut **c).await)?;
    let Some(entry) = entry else {
        return Ok(());
    };
    let screened = from_epoch_day(day);
    let age_band = entry.date_of_birth.and_then(|born| AgeBand::at(born, screened));
    on!(conn, c => sqlx::query(
        "INSERT INTO case_milestones (case_id, region, organisation_id, sector, nationality, sex, age_band,
             contact_channel, urgent, screened_on, revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (case_id) DO NOTHING")
        .bind(case).bind(entry.region).bind(entry.reported_by_organisation).bind(entry.sector)
        .bind(&entry.nationality).bind(entry.sex).bind(age_band).bind(entry.contact_channel)
        .bind(entry.urgent).bind(day).bind(revision)
        .execute(&mut **c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Fills in the milestones of cases that have none, from their timeline:
/// the cases opened before the monitoring tables existed. Answers how many.
pub async fn fill_missing(mut conn: Conn<'_>) -> Result<usize> {
    let missing: Vec<CaseId> = on!(&mut conn, c => sqlx::query_scalar(
        "SELECT id FROM cases WHERE id NOT IN (SELECT case_id FROM case_milestones) ORDER BY id")
        .fetch_all(&mut **c).await)?;
    for case in &missing {
        let events: Vec<CaseEvent> = on!(&mut conn, c => sqlx::query_as(
            "SELECT id, case_id, kind, from_state, to_state, actor_id, code, plan_version, note, at
             FROM case_events WHERE case_id = $1 ORDER BY at, id")
            .bind(case).fetch_all(&mut **c).await)?;
        for event in &events {
            record_event(conn.reborrow(), event).await?;
        }
    }
    Ok(missing.len())
}

/// Which cases a figure counts: those that entered the chain (were
/// screened) in a region, between two days, and matched the filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortFilter {
    /// Every region when none.
    pub region: Option<RegionCode>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub organisation: Option<OrganisationId>,
    pub sector: Option<WorkSector>,
    pub nationality: Option<String>,
    pub sex: Option<Sex>,
    pub age_band: Option<AgeBand>,
}

impl CohortFilter {
    /// The cases that entered the chain in the period, as SQL over
    /// `case_milestones` aliased `m`.
    pub(crate) fn to_where(&self) -> Where {
        let mut w = self.who();
        w.and("m.screened_on >= {}", Value::Int(epoch_day(self.from).into()));
        w.and("m.screened_on <= {}", Value::Int(epoch_day(self.to).into()));
        w
    }

    /// Whatever the cohort's cases did in the period, whenever they entered
    /// the chain: `column` holds the day or the instant it was done.
    fn during(&self, column: &str, instant: bool) -> Where {
        let mut w = self.who();
        if instant {
            let midnight = |day: NaiveDate| day.and_time(chrono::NaiveTime::MIN).and_utc();
            w.and(&format!("{column} >= {{}}"), Value::Time(midnight(self.from)));
            if let Some(after) = self.to.succ_opt() {
                w.and(&format!("{column} < {{}}"), Value::Time(midnight(after)));
            }
        } else {
            w.and(&format!("{column} >= {{}}"), Value::Date(self.from));
            w.and(&format!("{column} <= {{}}"), Value::Date(self.to));
        }
        w
    }

    /// The region and who the cases are, over `case_milestones` aliased `m`.
    fn who(&self) -> Where {
        let mut w = Where::default();
        if let Some(region) = self.region {
            w.and("m.region = {}", Value::Text(region.as_str().into()));
        }
        if let Some(organisation) = self.organisation {
            w.and("m.organisation_id = {}", Value::Uuid(organisation.0));
        }
        if let Some(sector) = self.sector {
            w.and("m.sector = {}", Value::Text(sector.as_str().into()));
        }
        if let Some(nationality) = &self.nationality {
            w.and("m.nationality = {}", Value::Text(nationality.clone()));
        }
        if let Some(sex) = self.sex {
            w.and("m.sex = {}", Value::Text(sex.as_str().into()));
        }
        if let Some(band) = self.age_band {
            w.and("m.age_band = {}", Value::Text(band.as_str().into()));
        }
        w
    }
}

/// How many cases of a cohort got how far, and how those that stopped there
/// closed: one row per furthest step and closing reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FurthestStep {
    /// The index of the furthest step reached (see [`Step::index`]).
    pub furthest: i32,
    /// None while the case is open.
    pub closing_reason: Option<String>,
    pub cases: i64,
}

/// Counts of one category (a channel, an area, a sector, a kind of
/// placement): up to four figures, in the order the query names them.
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct Counts {
    pub key: String,
    pub a: i64,
    pub b: i64,
    pub c: i64,
    pub d: i64,
}

/// A panel of counts by category: the rows it reads, which of them count,
/// the category of each, and the condition each of its (up to four)
/// figures counts. The same query gives the figures and, for one of them,
/// the cases behind it.
struct PanelQuery {
    from: &'static str,
    w: Where,
    key: &'static str,
    figures: Vec<String>,
}

/// A figure that counts every row.
const EVERY_ROW: &str = "1 = 1";

impl PanelQuery {
    /// `SELECT key, a, b, c, d … GROUP BY key`, with the figures the panel
    /// does not have counted as 0.
    async fn counts(&self, conn: Conn<'_>) -> Result<Vec<Counts>> {
        let mut figures: Vec<String> = self
            .figures
            .iter()
            .map(|condition| format!("SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)"))
            .collect();
        figures.resize(4, "CAST(0 AS BIGINT)".into());
        let sql = format!(
            "SELECT {} AS key, {} AS a, {} AS b, {} AS c, {} AS d {} {} GROUP BY 1 ORDER BY 1",
            self.key,
            figures[0],
            figures[1],
            figures[2],
            figures[3],
            self.from,
            self.w.sql()
        );
        let w = &self.w;
        Ok(on!(conn, c => bind_where!(sqlx::query_as(AssertSqlSafe(sql.as_str())), w).fetch_all(c).await)?)
    }

    /// The cases behind the figure at `figure` of the rows `keys`, the
    /// latest to enter the chain first.
    async fn cases(mut self, conn: Conn<'_>, keys: &[String], figure: usize) -> Result<Vec<CaseId>> {
        let Some(condition) = self.figures.get(figure) else {
            return Ok(Vec::new());
        };
        let condition = format!("({condition})");
        key_in(&mut self.w, self.key, keys);
        self.w.and_raw(condition);
        let sql = format!(
            "SELECT m.case_id {} {} GROUP BY m.case_id, m.screened_on ORDER BY m.screened_on DESC, m.case_id DESC",
            self.from,
            self.w.sql()
        );
        let w = &self.w;
        Ok(
            on!(conn, c => bind_where!(sqlx::query_scalar(AssertSqlSafe(sql.as_str())), w).fetch_all(c).await)?,
        )
    }
}

/// The panels of counts whose figures count the cohort's cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CasePanel {
    /// Referrals sent in the period, by area: (sent, accepted, declined,
    /// answered after their due date or still unanswered past it).
    Referrals,
    /// The needs of the latest plan of each case, by area: (needs, of
    /// which met by no action of the plan and no referral still standing).
    Needs,
    /// The cohort's persons in professional labs running in the period, by
    /// sector: (0, enrolled, completed, withdrawn) — the first figure is the
    /// labs', from [`labs_by_sector`].
    LabSeats,
    /// Work placements that began in the period, by kind: (placements,
    /// ended early by resignation or dismissal, turned into a contract).
    Placements,
    /// Work placements that began in the period, by kind, and their
    /// six-month follow-up: (placements, six months passed, follow-up
    /// recorded, still in work).
    EmploymentAtSixMonths,
}

impl CasePanel {
    /// The panel's query for a cohort, on `today`.
    fn query(self, conn: &Conn<'_>, filter: &CohortFilter, today: NaiveDate) -> PanelQuery {
        match self {
            Self::Referrals => {
                let mut w = filter.during("r.sent_at", true);
                // The day of an instant: SQLite keeps instants as RFC 3339 text.
                let answered_on = match conn {
                    Conn::Sqlite(_) => "substr(r.answered_at, 1, 10)",
                    Conn::Postgres(_) => "CAST(r.answered_at AS DATE)",
                };
                let today = w.bind(Value::Date(today));
                PanelQuery {
                    from: "FROM referrals r JOIN case_milestones m ON m.case_id = r.case_id",
                    w,
                    key: "r.area",
                    figures: vec![
                        EVERY_ROW.into(),
                        "r.state IN ('accepted', 'completed')".into(),
                        "r.state = 'declined'".into(),
                        format!(
                            "(r.answered_at IS NOT NULL AND {answered_on} > r.due_date) OR (r.state = 'sent' AND r.due_date < {today})"
                        ),
                    ],
                }
            }
            Self::Needs => {
                let mut w = filter.to_where();
                w.and_raw(
                    "pl.version = (SELECT MAX(latest.version) FROM plans latest WHERE latest.case_id = pl.case_id)"
                        .into(),
                );
                PanelQuery {
                    from: "FROM plan_needs n JOIN plans pl ON pl.id = n.plan_id
                           JOIN case_milestones m ON m.case_id = pl.case_id",
                    w,
                    key: "n.area",
                    figures: vec![
                        EVERY_ROW.into(),
                        "NOT EXISTS (SELECT 1 FROM plan_actions a WHERE a.plan_id = pl.id AND a.area = n.area)
                         AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = pl.case_id AND r.area = n.area
                                         AND r.state NOT IN ('declined', 'cancelled'))"
                            .into(),
                    ],
                }
            }
            Self::LabSeats => {
                let mut w = filter.who();
                running_labs(&mut w, filter);
                PanelQuery {
                    from: "FROM course_enrolments e JOIN courses c ON c.id = e.course_id
                           JOIN case_milestones m ON m.case_id = e.case_id",
                    w,
                    key: LAB_SECTOR,
                    figures: vec![
                        "1 = 0".into(),
                        EVERY_ROW.into(),
                        "e.status = 'completed'".into(),
                        "e.status = 'withdrawn'".into(),
                    ],
                }
            }
            Self::Placements => PanelQuery {
                from: "FROM work_placements w JOIN case_milestones m ON m.case_id = w.case_id",
                w: filter.during("w.starts_on", false),
                key: "w.kind",
                figures: vec![
                    EVERY_ROW.into(),
                    "w.end_reason IN ('resigned', 'dismissed')".into(),
                    "w.end_reason = 'converted_to_contract'".into(),
                ],
            },
            Self::EmploymentAtSixMonths => {
                let mut w = filter.during("w.starts_on", false);
                let today = w.bind(Value::Date(today));
                PanelQuery {
                    from: "FROM work_placements w JOIN case_milestones m ON m.case_id = w.case_id
                           LEFT JOIN work_placement_follow_ups f ON f.placement_id = w.id AND f.month = 6",
                    w,
                    key: "w.kind",
                    figures: vec![
                        EVERY_ROW.into(),
                        format!("f.due_on <= {today}"),
                        "f.recorded_at IS NOT NULL".into(),
                        "f.still_employed".into(),
                    ],
                }
            }
        }
    }

    /// The panel's figures for a cohort, on `today`, by category.
    pub async fn counts(
        self,
        conn: Conn<'_>,
        filter: &CohortFilter,
        today: NaiveDate,
    ) -> Result<Vec<Counts>> {
        self.query(&conn, filter, today).counts(conn).await
    }

    /// The cases behind one figure (by its place, from 0) of some
    /// categories.
    pub async fn cases(
        self,
        conn: Conn<'_>,
        filter: &CohortFilter,
        today: NaiveDate,
        keys: &[String],
        figure: usize,
    ) -> Result<Vec<CaseId>> {
        self.query(&conn, filter, today).cases(conn, keys, figure).await
    }
}

/// Keeps the rows whose category (`key`, an SQL expression) is one of `keys`.
fn key_in(w: &mut Where, key: &str, keys: &[String]) {
    let placeholders: Vec<String> = keys.iter().map(|k| w.bind(Value::Text(k.clone()))).collect();
    if placeholders.is_empty() {
        w.and_raw("1 = 0".into());
    } else {
        w.and_raw(format!("{key} IN ({})", placeholders.join(", ")));
    }
}

/// A lab's sector, as the panels group by it.
const LAB_SECTOR: &str = "COALESCE(c.sector, 'other')";

/// Professional labs (`courses` aliased `c`) that ran in the period for at
/// least a day.
fn running_labs(w: &mut Where, filter: &CohortFilter) {
    w.and_raw("c.kind = 'professional'".into());
    w.and("c.starts_on <= {}", Value::Date(filter.to));
    w.and("c.ends_on >= {}", Value::Date(filter.from));
}

/// Professional labs running in the period, by sector: (labs).
pub async fn labs_by_sector(conn: Conn<'_>, filter: &CohortFilter) -> Result<Vec<Counts>> {
    let mut w = Where::default();
    if let Some(region) = filter.region {
        w.and("c.region = {}", Value::Text(region.as_str().into()));
    }
    running_labs(&mut w, filter);
    let query = PanelQuery {
        from: "FROM courses c",
        w,
        key: LAB_SECTOR,
        figures: vec![EVERY_ROW.into()],
    };
    query.counts(conn).await
}

/// The professional labs of some sectors running in the period, the first
/// to start first.
pub async fn running_labs_of(
    conn: Conn<'_>,
    filter: &CohortFilter,
    sectors: &[String],
) -> Result<Vec<soleil_domain::inclusion::course::CourseId>> {
    let mut w = Where::default();
    if let Some(region) = filter.region {
        w.and("c.region = {}", Value::Text(region.as_str().into()));
    }
    running_labs(&mut w, filter);
    key_in(&mut w, LAB_SECTOR, sectors);
    let sql = format!(
        "SELECT c.id FROM courses c {} ORDER BY c.starts_on, c.id",
        w.sql()
    );
    Ok(on!(conn, c => bind_where!(sqlx::query_scalar(AssertSqlSafe(sql.as_str())), w).fetch_all(c).await)?)
}

/// The targets regions have set: (region, step, days).
pub async fn step_targets(conn: Conn<'_>) -> Result<Vec<(RegionCode, Step, i32)>> {
    Ok(
        on!(conn, c => sqlx::query_as("SELECT region, step, days FROM step_targets ORDER BY region, step")
        .fetch_all(c).await)?,
    )
}

/// Takes a region's target for a step back to the default.
pub async fn clear_step_target(conn: Conn<'_>, region: RegionCode, step: Step) -> Result<()> {
    on!(conn, c => sqlx::query("DELETE FROM step_targets WHERE region = $1 AND step = $2")
        .bind(region).bind(step).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Sets a region's target for a step.
pub async fn set_step_target(
    conn: Conn<'_>,
    region: RegionCode,
    step: Step,
    days: i32,
    by: soleil_domain::UserId,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO step_targets (region, step, days, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (region, step) DO UPDATE SET days = $3, updated_by = $4, updated_at = $5")
        .bind(region).bind(step).bind(days).bind(by).bind(at)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
