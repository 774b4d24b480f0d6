//! Cases, their team, their timeline and the secretariat's assessments.

use chrono::{DateTime, Utc};
use soleil_domain::{
    Assessment, Case, CaseEvent, CaseId, CaseState, ClosingReason, Decision, OrganisationId, Priority,
    RegionCode, UserId,
};

use sqlx::AssertSqlSafe;

use crate::filter::{Value, Where, bind_where, fetch_page, scope_cases};
use crate::{Conn, Page, Result, Scope, on};

const COLUMNS: &str = "c.id, c.person_id, c.region, c.state, c.priority, c.screening_id, c.reported_by,
    c.reported_by_organisation, c.decision, c.zonal_group, c.case_manager_id, c.referred_to, c.closing_reason,
    c.opened_at, c.updated_at, c.closed_at";

pub async fn insert(conn: Conn<'_>, case: &Case) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO cases (id, person_id, region, state, priority, priority_rank, screening_id, reported_by,
                            reported_by_organisation, decision, zonal_group, case_manager_id, referred_to,
                            closing_reason, opened_at, updated_at, closed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
    )
    .bind(case.id)
    .bind(case.person_id)
    .bind(case.region)
    .bind(case.state)
    .bind(case.priority)
    .bind(case.priority.rank())
    .bind(case.screening_id)
    .bind(case.reported_by)
    .bind(case.reported_by_organisation)
    .bind(case.decision)
    .bind(&case.zonal_group)
    .bind(case.case_manager_id)
    .bind(case.referred_to)
    .bind(case.closing_reason)
    .bind(case.opened_at)
    .bind(case.updated_at)
    .bind(case.closed_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The case, if the scope lets its holder see it.
pub async fn get(conn: Conn<'_>, scope: Scope, id: CaseId) -> Result<Option<Case>> {
    let mut w = Where::default();
    w.and("c.id = {}", Value::Uuid(id.0));
    scope_cases(&mut w, scope);
    let sql = format!("SELECT {COLUMNS} FROM cases c {}", w.sql());
    Ok(on!(conn, c => bind_where!(sqlx::query_as(AssertSqlSafe(sql.as_str())), w).fetch_optional(c).await)?)
}

/// A case with the name of its person, for lists and the queue.
#[derive(Debug, Clone, serde::Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct CaseSummary {
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub case: Case,
    pub person_given_name: Option<String>,
    pub person_surname: Option<String>,
    pub person_alias: Option<String>,
    pub case_manager_name: Option<String>,
}

impl CaseSummary {
    pub fn person_name(&self) -> String {
        let name = [self.person_given_name.as_deref(), self.person_surname.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        if name.is_empty() {
            self.person_alias.clone().unwrap_or_default()
        } else {
            name
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub person: Option<soleil_domain::PersonId>,
    pub states: Vec<CaseState>,
    pub priority: Option<Priority>,
    pub case_manager: Option<UserId>,
    /// Matches the person's names and alias.
    pub search: Option<String>,
    /// Urgent and oldest first (the secretariat's queue) instead of newest.
    pub queue_order: bool,
    /// Only these cases, when any.
    pub ids: Vec<CaseId>,
}

pub async fn list(
    conn: Conn<'_>,
    scope: Scope,
    filter: &CaseFilter,
    page: Page,
) -> Result<(Vec<CaseSummary>, i64)> {
    let mut w = Where::default();
    scope_cases(&mut w, scope);
    if !filter.states.is_empty() {
        let placeholders: Vec<String> = filter
            .states
            .iter()
            .map(|s| w.bind(Value::Text(s.as_str().into())))
            .collect();
        w.and_raw(format!("c.state IN ({})", placeholders.join(", ")));
    }
    if !filter.ids.is_empty() {
        let placeholders: Vec<String> = filter.ids.iter().map(|id| w.bind(Value::Uuid(id.0))).collect();
        w.and_raw(format!("c.id IN ({})", placeholders.join(", ")));
    }
    if let Some(person) = filter.person {
        w.and("c.person_id = {}", Value::Uuid(person.0));
    }
    if let Some(priority) = filter.priority {
        w.and("c.priority = {}", Value::Text(priority.as_str().into()));
    }
    if let Some(manager) = filter.case_manager {
        w.and("c.case_manager_id = {}", Value::Uuid(manager.0));
    }
    if let Some(text) = filter.search.as_deref().filter(|s| !s.trim().is_empty()) {
        w.search(&["p.given_name", "p.surname", "p.alias"], text);
    }
    let order = if filter.queue_order {
        "c.priority_rank, c.opened_at, c.id"
    } else {
        "c.opened_at DESC, c.id DESC"
    };
    let from =
        "FROM cases c JOIN persons p ON p.id = c.person_id LEFT JOIN users m ON m.id = c.case_manager_id";
    fetch_page(
        conn,
        &format!(
            "{COLUMNS}, p.given_name AS person_given_name, p.surname AS person_surname,
                 p.alias AS person_alias, m.display_name AS case_manager_name"
        ),
        from,
        order,
        &w,
        page,
    )
    .await
}

/// The fields a state change may set.
#[derive(Debug, Clone)]
pub struct StateChange {
    pub to: CaseState,
    pub closing_reason: Option<ClosingReason>,
    pub at: DateTime<Utc>,
}

/// Moves a case from `from` to a new state. Returns false when the case was
/// no longer in `from`: someone else moved it first.
pub async fn change_state(conn: Conn<'_>, id: CaseId, from: CaseState, change: &StateChange) -> Result<bool> {
    let closed_at = (change.to == CaseState::Closed).then_some(change.at);
    let done = on!(conn, c => sqlx::query(
        "UPDATE cases SET state = $3, closing_reason = COALESCE($4, closing_reason), closed_at = $5, updated_at = $6
         WHERE id = $1 AND state = $2",
    )
    .bind(id)
    .bind(from)
    .bind(change.to)
    .bind(change.closing_reason)
    .bind(closed_at)
    .bind(change.at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Moves a case up or down the queue.
pub async fn set_priority(conn: Conn<'_>, id: CaseId, priority: Priority) -> Result<()> {
    on!(conn, c => sqlx::query("UPDATE cases SET priority = $2, priority_rank = $3 WHERE id = $1")
        .bind(id).bind(priority).bind(priority.rank()).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Records the decision of the first assessment on the case.
pub async fn set_decision(
    conn: Conn<'_>,
    id: CaseId,
    decision: Decision,
    zonal_group: Option<&str>,
    case_manager: Option<UserId>,
    referred_to: Option<OrganisationId>,
) -> Result<()> {
    on!(conn, c => sqlx::query(
        "UPDATE cases SET decision = $2, zonal_group = COALESCE($3, zonal_group),
                case_manager_id = COALESCE($4, case_manager_id), referred_to = $5
         WHERE id = $1",
    )
    .bind(id)
    .bind(decision)
    .bind(zonal_group)
    .bind(case_manager)
    .bind(referred_to)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn set_case_manager(
    conn: Conn<'_>,
    id: CaseId,
    manager: UserId,
    zonal_group: Option<&str>,
) -> Result<()> {
    on!(conn, c => sqlx::query(
        "UPDATE cases SET case_manager_id = $2, zonal_group = COALESCE($3, zonal_group) WHERE id = $1",
    )
    .bind(id).bind(manager).bind(zonal_group).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn insert_assessment(
    conn: Conn<'_>,
    case: CaseId,
    by: UserId,
    assessment: &Assessment,
    at: DateTime<Utc>,
) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO assessments (id, case_id, assessed_by, decision, legal_status_checked, summary, zonal_group,
                                 case_manager_id, referred_to, reason, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(uuid::Uuid::now_v7())
    .bind(case)
    .bind(by)
    .bind(assessment.decision)
    .bind(&assessment.legal_status_checked)
    .bind(&assessment.summary)
    .bind(&assessment.zonal_group)
    .bind(assessment.case_manager_id)
    .bind(assessment.referred_to)
    .bind(&assessment.reason)
    .bind(at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A recorded first assessment.
#[derive(Debug, Clone, serde::Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct AssessmentRecord {
    pub assessed_by: UserId,
    pub assessor_name: String,
    pub decision: Decision,
    pub legal_status_checked: Option<String>,
    pub summary: Option<String>,
    pub zonal_group: Option<String>,
    pub case_manager_id: Option<UserId>,
    pub referred_to: Option<OrganisationId>,
    pub reason: Option<String>,
    pub at: DateTime<Utc>,
}

pub async fn assessments(conn: Conn<'_>, case: CaseId) -> Result<Vec<AssessmentRecord>> {
    let sql = "SELECT a.assessed_by, u.display_name AS assessor_name, a.decision, a.legal_status_checked, a.summary,
                      a.zonal_group, a.case_manager_id, a.referred_to, a.reason, a.at
               FROM assessments a JOIN users u ON u.id = a.assessed_by
               WHERE a.case_id = $1 ORDER BY a.at";
    Ok(on!(conn, c => sqlx::query_as(sql).bind(case).fetch_all(c).await)?)
}

/// Adds an event to a case's timeline, and keeps the case's monitoring
/// milestones in step with it.
pub async fn insert_event(mut conn: Conn<'_>, event: &CaseEvent) -> Result<()> {
    on!(conn.reborrow(), c => sqlx::query(
        "INSERT INTO case_events (id, case_id, kind, from_state, to_state, actor_id, code, plan_version, note, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(event.id)
    .bind(event.case_id)
    .bind(event.kind)
    .bind(event.from_state)
    .bind(event.to_state)
    .bind(event.actor_id)
    .bind(&event.code)
    .bind(event.plan_version)
    .bind(&event.note)
    .bind(event.at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    crate::monitoring::record_event(conn, event).await
}

/// The timeline, oldest first, with each actor's name.
pub async fn events(conn: Conn<'_>, case: CaseId) -> Result<Vec<CaseEvent>> {
    let sql =
        "SELECT e.id, e.case_id, e.kind, e.from_state, e.to_state, e.actor_id, u.display_name AS actor_name,
                      e.code, e.plan_version, e.note, e.at
               FROM case_events e JOIN users u ON u.id = e.actor_id
               WHERE e.case_id = $1 ORDER BY e.at, e.id";
    Ok(on!(conn, c => sqlx::query_as(sql).bind(case).fetch_all(c).await)?)
}

/// A member of a case's team.
#[derive(Debug, Clone, serde::Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct TeamMember {
    pub user_id: UserId,
    pub display_name: String,
    pub email: String,
    pub role: soleil_domain::Role,
    pub organisation_id: Option<OrganisationId>,
    pub organisation_name: Option<String>,
    pub added_at: DateTime<Utc>,
}

pub async fn add_team_member(
    conn: Conn<'_>,
    case: CaseId,
    user: UserId,
    by: UserId,
    at: DateTime<Utc>,
) -> Result<()> {
    on!(conn, c => sqlx::query("INSERT INTO case_team (case_id, user_id, added_by, added_at) VALUES ($1, $2, $3, $4)")
        .bind(case).bind(user).bind(by).bind(at).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn remove_team_member(conn: Conn<'_>, case: CaseId, user: UserId) -> Result<bool> {
    let done = on!(conn, c => sqlx::query("DELETE FROM case_team WHERE case_id = $1 AND user_id = $2")
        .bind(case).bind(user).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

pub async fn team(conn: Conn<'_>, case: CaseId) -> Result<Vec<TeamMember>> {
    let sql = "SELECT u.id AS user_id, u.display_name, u.email, u.role, u.organisation_id,
                      o.name AS organisation_name, t.added_at
               FROM case_team t JOIN users u ON u.id = t.user_id
               LEFT JOIN organisations o ON o.id = u.organisation_id
               WHERE t.case_id = $1 ORDER BY t.added_at";
    Ok(on!(conn, c => sqlx::query_as(sql).bind(case).fetch_all(c).await)?)
}

/// Open cases per state in a region: aggregates with no identifying data.
pub async fn count_by_state(conn: Conn<'_>, region: Option<RegionCode>) -> Result<Vec<(CaseState, i64)>> {
    let sql =
        "SELECT state, COUNT(*) FROM cases WHERE ($1 IS NULL OR region = $1) GROUP BY state ORDER BY state";
    Ok(on!(conn, c => sqlx::query_as(sql).bind(region).fetch_all(c).await)?)
}
