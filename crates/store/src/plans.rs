//! Personalised plans: versions, their needs and actions, reviewers and
//! reviews. Content rows belong to one version and are only replaced while
//! that version is a draft; the app layer enforces it, the queries assume it.

use chrono::{DateTime, NaiveDate, Utc};
use soleil_domain::{
    Action, ActionId, ActionStatus, CaseId, Need, NeedArea, OrganisationId, Plan, PlanId, PlanStatus,
    PlanVersion, Review, ReviewVerdict, UserId,
};

use sqlx::AssertSqlSafe;

use crate::{Conn, Result, on};

const VERSION_COLUMNS: &str = "id, case_id, version, status, author_id, created_at, submitted_at, approved_at, agreed_at, agreement_note";

pub async fn insert_version(conn: Conn<'_>, plan: &PlanVersion) -> Result<()> {
    on!(conn, c => sqlx::query(AssertSqlSafe(format!(
        "INSERT INTO plans ({VERSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
    )))
    .bind(plan.id)
    .bind(plan.case_id)
    .bind(plan.version)
    .bind(plan.status)
    .bind(plan.author_id)
    .bind(plan.created_at)
    .bind(plan.submitted_at)
    .bind(plan.approved_at)
    .bind(plan.agreed_at)
    .bind(&plan.agreement_note)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Every version of a case's plan, newest first.
pub async fn versions(conn: Conn<'_>, case: CaseId) -> Result<Vec<PlanVersion>> {
    let sql = format!("SELECT {VERSION_COLUMNS} FROM plans WHERE case_id = $1 ORDER BY version DESC");
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(case).fetch_all(c).await)?)
}

/// One version with its content, reviewers and reviews.
pub async fn plan(conn: Conn<'_>, case: CaseId, version: i32) -> Result<Option<Plan>> {
    let header = format!("SELECT {VERSION_COLUMNS} FROM plans WHERE case_id = $1 AND version = $2");
    let needs = "SELECT id, plan_id, area, description FROM plan_needs WHERE plan_id = $1 ORDER BY position";
    let actions = "SELECT id, plan_id, area, description, responsible_organisation_id, due_date, status,
                          status_note, status_changed_at
                   FROM plan_actions WHERE plan_id = $1 ORDER BY position";
    let reviewers = "SELECT user_id FROM plan_reviewers WHERE plan_id = $1 ORDER BY user_id";
    let reviews =
        "SELECT r.id, r.plan_id, r.reviewer_id, u.display_name AS reviewer_name, r.verdict, r.comment, r.at
                   FROM plan_reviews r JOIN users u ON u.id = r.reviewer_id
                   WHERE r.plan_id = $1 ORDER BY r.at, r.id";
    on!(conn, c => {
        let found: Option<PlanVersion> =
            sqlx::query_as(AssertSqlSafe(header.as_str())).bind(case).bind(version).fetch_optional(&mut *c).await?;
        let Some(found) = found else { return Ok(None) };
        let needs: Vec<Need> = sqlx::query_as(needs).bind(found.id).fetch_all(&mut *c).await?;
        let actions: Vec<Action> = sqlx::query_as(actions).bind(found.id).fetch_all(&mut *c).await?;
        let reviewers: Vec<UserId> = sqlx::query_scalar(reviewers).bind(found.id).fetch_all(&mut *c).await?;
        let reviews: Vec<Review> = sqlx::query_as(reviews).bind(found.id).fetch_all(&mut *c).await?;
        Ok(Some(Plan::from_parts(found, reviewers, needs, actions, reviews)))
    })
}

/// Replaces the needs and actions of a draft version.
pub async fn replace_content(
    conn: Conn<'_>,
    plan: PlanId,
    needs: &[(NeedArea, String)],
    actions: &[(NeedArea, String, OrganisationId, Option<NaiveDate>)],
) -> Result<()> {
    on!(conn, c => {
        sqlx::query("DELETE FROM plan_needs WHERE plan_id = $1").bind(plan).execute(&mut *c).await?;
        sqlx::query("DELETE FROM plan_actions WHERE plan_id = $1").bind(plan).execute(&mut *c).await?;
        for (position, (area, description)) in (0_i32..).zip(needs) {
            sqlx::query("INSERT INTO plan_needs (id, plan_id, position, area, description) VALUES ($1, $2, $3, $4, $5)")
                .bind(uuid::Uuid::now_v7())
                .bind(plan)
                .bind(position)
                .bind(*area)
                .bind(description)
                .execute(&mut *c)
                .await?;
        }
        for (position, (area, description, organisation, due)) in (0_i32..).zip(actions) {
            sqlx::query(
                "INSERT INTO plan_actions (id, plan_id, position, area, description, responsible_organisation_id,
                                           due_date, status)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 'open')",
            )
            .bind(uuid::Uuid::now_v7())
            .bind(plan)
            .bind(position)
            .bind(*area)
            .bind(description)
            .bind(*organisation)
            .bind(*due)
            .execute(&mut *c)
            .await?;
        }
        Ok(())
    })
}

/// Moves a version from one status to another; false if it was not in `from`.
pub async fn change_status(
    conn: Conn<'_>,
    plan: PlanId,
    from: PlanStatus,
    to: PlanStatus,
    at: DateTime<Utc>,
) -> Result<bool> {
    let done = on!(conn, c => sqlx::query(
        "UPDATE plans SET status = $3,
                submitted_at = CASE WHEN $3 = 'in_review' THEN $4 ELSE submitted_at END,
                approved_at = CASE WHEN $3 = 'approved' THEN $4 ELSE approved_at END
         WHERE id = $1 AND status = $2",
    )
    .bind(plan)
    .bind(from)
    .bind(to)
    .bind(at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

pub async fn record_agreement(
    conn: Conn<'_>,
    plan: PlanId,
    at: DateTime<Utc>,
    note: Option<&str>,
) -> Result<()> {
    on!(conn, c => sqlx::query("UPDATE plans SET agreed_at = $2, agreement_note = $3 WHERE id = $1")
        .bind(plan).bind(at).bind(note).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn set_reviewers(conn: Conn<'_>, plan: PlanId, reviewers: &[UserId]) -> Result<()> {
    on!(conn, c => {
        sqlx::query("DELETE FROM plan_reviewers WHERE plan_id = $1").bind(plan).execute(&mut *c).await?;
        for reviewer in reviewers {
            sqlx::query("INSERT INTO plan_reviewers (plan_id, user_id) VALUES ($1, $2)")
                .bind(plan)
                .bind(*reviewer)
                .execute(&mut *c)
                .await?;
        }
        Ok(())
    })
}

pub async fn insert_review(
    conn: Conn<'_>,
    plan: PlanId,
    reviewer: UserId,
    verdict: ReviewVerdict,
    comment: Option<&str>,
    at: DateTime<Utc>,
) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO plan_reviews (id, plan_id, reviewer_id, verdict, comment, at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(uuid::Uuid::now_v7())
    .bind(plan)
    .bind(reviewer)
    .bind(verdict)
    .bind(comment)
    .bind(at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Records the outcome of an open action; false if it was no longer open.
pub async fn close_action(
    conn: Conn<'_>,
    action: ActionId,
    status: ActionStatus,
    note: Option<&str>,
    at: DateTime<Utc>,
) -> Result<bool> {
    let done = on!(conn, c => sqlx::query(
        "UPDATE plan_actions SET status = $2, status_note = $3, status_changed_at = $4
         WHERE id = $1 AND status = 'open'",
    )
    .bind(action)
    .bind(status)
    .bind(note)
    .bind(at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}
