//! One person, one record: possible duplicates found by the matching engine
//! (`identity_pairs`), the merges the secretariat decides (`person_merges`,
//! with every row each one moved, so that an undo moves exactly those back)
//! and what each server's index of persons reads to stay up to date.

use chrono::{DateTime, Utc};
use soleil_domain::identity::{Merge, MergeId, Pair, PairId, PairStatus};
use soleil_domain::{Person, PersonId, RegionCode, UserId};
use sqlx::AssertSqlSafe;
use uuid::Uuid;

use crate::filter::{Value, Where, bind_where, fetch_page};
use crate::persons::COLUMNS;
use crate::{Conn, Page, Result, on};

const PAIR_COLUMNS: &str = "i.id, i.person_a, i.person_b, i.region_a, i.region_b, i.score, i.evidence, i.status, i.found_by, i.found_at";

const MERGE_COLUMNS: &str = "m.id, m.pair_id, m.survivor_id, m.merged_id, m.survivor_region, m.merged_region,
    m.merged_by, m.merged_at, m.undone_by, m.undone_at";

/// The tables whose rows belong to a person and follow them into a merge.
/// Names come only from this list, never from input.
pub const PERSON_TABLES: &[&str] = &["screenings", "cases", "person_documents", "document_reminders"];

// ---------------------------------------------------------------------------
// The persons the index reads.

/// Named persons not merged into another, optionally of one region: what
/// the matching engine compares.
pub async fn matchable(conn: Conn<'_>, region: Option<RegionCode>) -> Result<Vec<Person>> {
    let mut w = Where::default();
    w.and_raw("p.merged_into IS NULL AND p.anonymous = FALSE".into());
    if let Some(region) = region {
        w.and("p.region = {}", Value::Text(region.as_str().into()));
    }
    let sql = format!("SELECT {COLUMNS} FROM persons p {}", w.sql());
    Ok(on!(conn, c => bind_where!(sqlx::query_as(AssertSqlSafe(sql.as_str())), w).fetch_all(c).await)?)
}

/// The ids of the persons the index takes (named, not merged) recorded
/// since a time: cheap to read on every check, the rows follow only for ids
/// not yet indexed.
pub async fn matchable_ids_since(conn: Conn<'_>, since: DateTime<Utc>) -> Result<Vec<PersonId>> {
    Ok(on!(conn, c => sqlx::query_scalar(
        "SELECT id FROM persons WHERE created_at >= $1 AND merged_into IS NULL AND anonymous = FALSE",
    )
    .bind(since)
    .fetch_all(c).await)?)
}

/// The persons merged into another, or given back by an undo, since a time:
/// the index drops the first and takes the second back.
pub async fn merges_touched_since(conn: Conn<'_>, since: DateTime<Utc>) -> Result<Vec<PersonId>> {
    Ok(on!(conn, c => sqlx::query_scalar(
        "SELECT merged_id FROM person_merges WHERE merged_at >= $1 OR undone_at >= $1",
    )
    .bind(since)
    .fetch_all(c).await)?)
}

/// Persons by id, merged too when asked, whatever their region: for the
/// secretariat's reconciliation, which the app layer authorises.
pub async fn persons_by_id(conn: Conn<'_>, ids: &[PersonId], include_merged: bool) -> Result<Vec<Person>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut w = Where::default();
    let placeholders: Vec<String> = ids.iter().map(|id| w.bind(Value::Uuid(id.0))).collect();
    w.and_raw(format!("p.id IN ({})", placeholders.join(", ")));
    if !include_merged {
        w.and_raw("p.merged_into IS NULL".into());
    }
    let sql = format!("SELECT {COLUMNS} FROM persons p {}", w.sql());
    Ok(on!(conn, c => bind_where!(sqlx::query_as(AssertSqlSafe(sql.as_str())), w).fetch_all(c).await)?)
}

/// The survivor a person was merged into, if they were.
pub async fn merged_into(conn: Conn<'_>, id: PersonId) -> Result<Option<PersonId>> {
    let found: Option<Option<PersonId>> = on!(conn, c => sqlx::query_scalar(
        "SELECT merged_into FROM persons WHERE id = $1")
        .bind(id).fetch_optional(c).await)?;
    Ok(found.flatten())
}

pub async fn set_merged_into(conn: Conn<'_>, id: PersonId, survivor: Option<PersonId>) -> Result<()> {
    on!(conn, c => sqlx::query("UPDATE persons SET merged_into = $1 WHERE id = $2")
        .bind(survivor).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

// ---------------------------------------------------------------------------
// Pairs.

/// Records a pair unless those two persons already have one (open, merged
/// or marked distinct). Answers whether it was new.
pub async fn insert_pair(conn: Conn<'_>, pair: &Pair) -> Result<bool> {
    let inserted = on!(conn, c => sqlx::query(
        "INSERT INTO identity_pairs (id, person_a, person_b, region_a, region_b, score, evidence, status,
                                     found_by, found_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (person_a, person_b) DO NOTHING",
    )
    .bind(pair.id)
    .bind(pair.person_a)
    .bind(pair.person_b)
    .bind(pair.region_a)
    .bind(pair.region_b)
    .bind(pair.score)
    .bind(&pair.evidence)
    .bind(pair.status.as_str())
    .bind(pair.found_by)
    .bind(pair.found_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(inserted == 1)
}

pub async fn pair(conn: Conn<'_>, id: PairId) -> Result<Option<Pair>> {
    let sql = format!("SELECT {PAIR_COLUMNS} FROM identity_pairs i WHERE i.id = $1");
    let row: Option<Pair> =
        on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?;
    Ok(row)
}

/// Open pairs of two persons neither of whom was merged, touching a region
/// (every region when `None`), best score first.
pub async fn open_pairs(conn: Conn<'_>, region: Option<RegionCode>, page: Page) -> Result<(Vec<Pair>, i64)> {
    let mut w = Where::default();
    w.and_raw("i.status = 'open' AND a.merged_into IS NULL AND b.merged_into IS NULL".into());
    if let Some(region) = region {
        let r = w.bind(Value::Text(region.as_str().into()));
        w.and_raw(format!("(i.region_a = {r} OR i.region_b = {r})"));
    }
    let (rows, total): (Vec<Pair>, i64) = fetch_page(
        conn,
        PAIR_COLUMNS,
        "FROM identity_pairs i JOIN persons a ON a.id = i.person_a JOIN persons b ON b.id = i.person_b",
        "i.score DESC, i.id",
        &w,
        page,
    )
    .await?;
    Ok((rows, total))
}

pub async fn decide_pair(conn: Conn<'_>, id: PairId, status: PairStatus, by: Option<UserId>) -> Result<()> {
    let at = by.map(|_| Utc::now());
    on!(conn, c => sqlx::query(
        "UPDATE identity_pairs SET status = $1, decided_by = $2, decided_at = $3 WHERE id = $4")
        .bind(status.as_str()).bind(by).bind(at).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

// ---------------------------------------------------------------------------
// Merges.

pub async fn insert_merge(conn: Conn<'_>, merge: &Merge) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO person_merges (id, pair_id, survivor_id, merged_id, survivor_region, merged_region,
                                    merged_by, merged_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(merge.id)
    .bind(merge.pair_id)
    .bind(merge.survivor_id)
    .bind(merge.merged_id)
    .bind(merge.survivor_region)
    .bind(merge.merged_region)
    .bind(merge.merged_by)
    .bind(merge.merged_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn merge(conn: Conn<'_>, id: MergeId) -> Result<Option<Merge>> {
    let sql = format!("SELECT {MERGE_COLUMNS} FROM person_merges m WHERE m.id = $1");
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?)
}

/// The merge that made a person point at its survivor, if still in force.
pub async fn merge_of(conn: Conn<'_>, merged: PersonId) -> Result<Option<Merge>> {
    let sql = format!(
        "SELECT {MERGE_COLUMNS} FROM person_merges m WHERE m.merged_id = $1 AND m.undone_at IS NULL
         ORDER BY m.merged_at DESC LIMIT 1"
    );
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(merged).fetch_optional(c).await)?)
}

/// Merges still in force touching a region (every region when `None`), newest first.
pub async fn merges(conn: Conn<'_>, region: Option<RegionCode>, page: Page) -> Result<(Vec<Merge>, i64)> {
    let mut w = Where::default();
    w.and_raw("m.undone_at IS NULL".into());
    if let Some(region) = region {
        let r = w.bind(Value::Text(region.as_str().into()));
        w.and_raw(format!("(m.survivor_region = {r} OR m.merged_region = {r})"));
    }
    fetch_page(
        conn,
        MERGE_COLUMNS,
        "FROM person_merges m",
        "m.merged_at DESC, m.id DESC",
        &w,
        page,
    )
    .await
}

pub async fn mark_undone(conn: Conn<'_>, id: MergeId, by: UserId) -> Result<()> {
    on!(conn, c => sqlx::query("UPDATE person_merges SET undone_by = $1, undone_at = $2 WHERE id = $3")
        .bind(by).bind(Utc::now()).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Moves every row of a person-owned table from one person to another and
/// records each in the merge, so the undo can move exactly those back.
pub async fn move_rows(
    mut conn: Conn<'_>,
    merge: MergeId,
    table: &'static str,
    from: PersonId,
    to: PersonId,
) -> Result<Vec<Uuid>> {
    let select = format!("SELECT id FROM {table} WHERE person_id = $1");
    let ids: Vec<Uuid> = on!(&mut conn, c => sqlx::query_scalar(AssertSqlSafe(select.as_str()))
        .bind(from).fetch_all(&mut **c).await)?;
    let update = format!("UPDATE {table} SET person_id = $1 WHERE id = $2");
    for id in &ids {
        on!(&mut conn, c => sqlx::query(AssertSqlSafe(update.as_str()))
            .bind(to).bind(id).execute(&mut **c).await.map(|r| r.rows_affected()))?;
        on!(&mut conn, c => sqlx::query(
            "INSERT INTO person_merge_moves (merge_id, table_name, row_id) VALUES ($1, $2, $3)")
            .bind(merge).bind(table).bind(id).execute(&mut **c).await.map(|r| r.rows_affected()))?;
    }
    Ok(ids)
}

/// Moves back to the merged person exactly the rows a merge moved.
/// Answers the moved rows per table.
pub async fn move_back(mut conn: Conn<'_>, merge: &Merge) -> Result<Vec<(String, Uuid)>> {
    let moved: Vec<(String, Uuid)> = on!(&mut conn, c => sqlx::query_as(
        "SELECT table_name, row_id FROM person_merge_moves WHERE merge_id = $1 ORDER BY table_name, row_id")
        .bind(merge.id).fetch_all(&mut **c).await)?;
    for (table, id) in &moved {
        let Some(table) = PERSON_TABLES.iter().find(|t| **t == table.as_str()) else {
            continue;
        };
        let update = format!("UPDATE {table} SET person_id = $1 WHERE id = $2");
        on!(&mut conn, c => sqlx::query(AssertSqlSafe(update.as_str()))
            .bind(merge.merged_id).bind(id).execute(&mut **c).await.map(|r| r.rows_affected()))?;
    }
    Ok(moved)
}

/// The cases of some persons, for the timeline events of a merge.
pub async fn cases_of(conn: Conn<'_>, persons: &[PersonId]) -> Result<Vec<soleil_domain::CaseId>> {
    let mut w = Where::default();
    let placeholders: Vec<String> = persons.iter().map(|id| w.bind(Value::Uuid(id.0))).collect();
    w.and_raw(format!("person_id IN ({})", placeholders.join(", ")));
    let sql = format!("SELECT id FROM cases {} ORDER BY id", w.sql());
    Ok(on!(conn, c => bind_where!(sqlx::query_scalar(AssertSqlSafe(sql.as_str())), w).fetch_all(c).await)?)
}
