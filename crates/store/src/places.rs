//! Emergency places and their allocations to cases. At most one allocation
//! of a place is in force at a time: a unique partial index says so, and a
//! second allocation of the same place fails with [`crate::StoreError::Conflict`].

use chrono::{DateTime, NaiveDate, Utc};
use soleil_domain::{
    CaseId, OrganisationId, Place, PlaceAllocation, PlaceAllocationId, PlaceId, PlaceKind, RegionCode, UserId,
};
use sqlx::AssertSqlSafe;

use crate::filter::{Value, Where, bind_where};
use crate::{Conn, Result, on};

const PLACE_COLUMNS: &str = "p.id, p.organisation_id, p.region, p.kind, p.accessible, p.label, p.active, p.created_at,
    o.name AS organisation_name, o.kind AS organisation_kind, a.id AS allocation_id, a.case_id AS allocation_case_id,
    a.from_date AS allocated_from, a.until_date AS allocated_until";

const PLACE_FROM: &str = "FROM places p JOIN organisations o ON o.id = p.organisation_id
    LEFT JOIN place_allocations a ON a.place_id = p.id AND a.released_at IS NULL";

/// A place with its facility and the allocation in force, if any.
#[derive(Debug, Clone, PartialEq, serde::Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct PlaceView {
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub place: Place,
    pub organisation_name: String,
    pub organisation_kind: soleil_domain::OrganisationKind,
    /// The allocation in force; `None` when the place is free.
    pub allocation_id: Option<PlaceAllocationId>,
    pub allocation_case_id: Option<CaseId>,
    pub allocated_from: Option<NaiveDate>,
    pub allocated_until: Option<NaiveDate>,
}

impl PlaceView {
    /// Active and not allocated.
    pub fn is_free(&self) -> bool {
        self.place.active && self.allocation_id.is_none()
    }
}

/// Which places to list.
#[derive(Debug, Clone, Default)]
pub struct PlaceFilter {
    pub region: Option<RegionCode>,
    pub organisation: Option<OrganisationId>,
    pub kind: Option<PlaceKind>,
    pub accessible: Option<bool>,
    /// Only the free ones (active, nothing in force), or only the taken ones.
    pub free: Option<bool>,
    /// Withdrawn places too.
    pub include_inactive: bool,
}

pub async fn insert_place(conn: Conn<'_>, place: &Place) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO places (id, organisation_id, region, kind, accessible, label, active, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(place.id)
    .bind(place.organisation_id)
    .bind(place.region)
    .bind(place.kind)
    .bind(place.accessible)
    .bind(&place.label)
    .bind(place.active)
    .bind(place.created_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn place(conn: Conn<'_>, id: PlaceId) -> Result<Option<PlaceView>> {
    let sql = format!("SELECT {PLACE_COLUMNS} {PLACE_FROM} WHERE p.id = $1");
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?)
}

pub async fn set_place_active(conn: Conn<'_>, id: PlaceId, active: bool) -> Result<()> {
    on!(conn, c => sqlx::query("UPDATE places SET active = $2 WHERE id = $1")
        .bind(id).bind(active).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Places by region, facility, kind and label.
pub async fn list(conn: Conn<'_>, filter: &PlaceFilter) -> Result<Vec<PlaceView>> {
    let mut w = Where::default();
    if let Some(region) = filter.region {
        w.and("p.region = {}", Value::Text(region.as_str().into()));
    }
    if let Some(organisation) = filter.organisation {
        w.and("p.organisation_id = {}", Value::Uuid(organisation.0));
    }
    if let Some(kind) = filter.kind {
        w.and("p.kind = {}", Value::Text(kind.as_str().into()));
    }
    match filter.accessible {
        Some(true) => w.and_raw("p.accessible = TRUE".into()),
        Some(false) => w.and_raw("p.accessible = FALSE".into()),
        None => {}
    }
    if !filter.include_inactive || filter.free == Some(true) {
        w.and_raw("p.active = TRUE".into());
    }
    match filter.free {
        Some(true) => w.and_raw("a.id IS NULL".into()),
        Some(false) => w.and_raw("a.id IS NOT NULL".into()),
        None => {}
    }
    let sql = format!(
        "SELECT {PLACE_COLUMNS} {PLACE_FROM} {} ORDER BY o.name, p.kind, p.label, p.id",
        w.sql()
    );
    Ok(on!(conn, c => bind_where!(sqlx::query_as(AssertSqlSafe(sql.as_str())), w).fetch_all(c).await)?)
}

/// Starts an allocation. [`crate::StoreError::Conflict`] when the place has one
/// in force already, however close the other came.
pub async fn insert_allocation(conn: Conn<'_>, allocation: &PlaceAllocation) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO place_allocations (id, place_id, case_id, from_date, until_date, allocated_by, allocated_at,
                                        released_at, released_by, release_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(allocation.id)
    .bind(allocation.place_id)
    .bind(allocation.case_id)
    .bind(allocation.from_date)
    .bind(allocation.until_date)
    .bind(allocation.allocated_by)
    .bind(allocation.allocated_at)
    .bind(allocation.released_at)
    .bind(allocation.released_by)
    .bind(&allocation.release_reason)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Ends an allocation in force. False when it had ended already.
pub async fn release(
    conn: Conn<'_>,
    id: PlaceAllocationId,
    by: UserId,
    at: DateTime<Utc>,
    reason: Option<&str>,
) -> Result<bool> {
    let done = on!(conn, c => sqlx::query(
        "UPDATE place_allocations SET released_at = $2, released_by = $3, release_reason = $4
         WHERE id = $1 AND released_at IS NULL",
    )
    .bind(id).bind(at).bind(by).bind(reason)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// The labels a facility uses, withdrawn places included: a new place must
/// not take one of them.
pub async fn labels(conn: Conn<'_>, organisation: OrganisationId) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = on!(conn, c => sqlx::query_as("SELECT label FROM places WHERE organisation_id = $1")
        .bind(organisation).fetch_all(c).await)?;
    Ok(rows.into_iter().map(|(label,)| label).collect())
}

/// An allocation in force whose last night has passed, with its case's region.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ExpiredAllocation {
    pub id: PlaceAllocationId,
    pub case_id: CaseId,
    pub region: RegionCode,
}

/// Allocations in force whose last night is before `today`, oldest end first.
pub async fn expired_allocations(conn: Conn<'_>, today: NaiveDate) -> Result<Vec<ExpiredAllocation>> {
    Ok(on!(conn, c => sqlx::query_as(
        "SELECT a.id, a.case_id, c.region FROM place_allocations a JOIN cases c ON c.id = a.case_id
         WHERE a.released_at IS NULL AND a.until_date < $1 ORDER BY a.until_date, a.id",
    )
    .bind(today).fetch_all(c).await)?)
}

const ALLOCATION_COLUMNS: &str =
    "a.id, a.place_id, a.case_id, a.from_date, a.until_date, a.allocated_by, a.allocated_at,
    a.released_at, a.released_by, a.release_reason";

pub async fn allocation(conn: Conn<'_>, id: PlaceAllocationId) -> Result<Option<PlaceAllocation>> {
    let sql = format!("SELECT {ALLOCATION_COLUMNS} FROM place_allocations a WHERE a.id = $1");
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?)
}

/// An allocation with its place, facility and the names of who did what.
#[derive(Debug, Clone, PartialEq, serde::Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct AllocationView {
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub allocation: PlaceAllocation,
    pub place_label: String,
    pub place_kind: PlaceKind,
    pub place_accessible: bool,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub allocated_by_name: String,
    pub released_by_name: Option<String>,
}

fn allocation_views_sql(by: &str) -> String {
    format!(
        "SELECT {ALLOCATION_COLUMNS}, p.label AS place_label, p.kind AS place_kind, p.accessible AS place_accessible,
                p.organisation_id, o.name AS organisation_name, u.display_name AS allocated_by_name,
                r.display_name AS released_by_name
         FROM place_allocations a JOIN places p ON p.id = a.place_id
         JOIN organisations o ON o.id = p.organisation_id
         JOIN users u ON u.id = a.allocated_by
         LEFT JOIN users r ON r.id = a.released_by
         WHERE {by} = $1 ORDER BY a.allocated_at DESC, a.id DESC"
    )
}

/// Every allocation of a place, newest first.
pub async fn history(conn: Conn<'_>, place: PlaceId) -> Result<Vec<AllocationView>> {
    let sql = allocation_views_sql("a.place_id");
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(place).fetch_all(c).await)?)
}

/// Every allocation of a case, newest first.
pub async fn for_case(conn: Conn<'_>, case: CaseId) -> Result<Vec<AllocationView>> {
    let sql = allocation_views_sql("a.case_id");
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(case).fetch_all(c).await)?)
}
