//! The network: organisations and the users who act for them.

use soleil_domain::organisation::{ListedOrganisation, PublicContacts};
use soleil_domain::{Organisation, OrganisationId, OrganisationKind, RegionCode, Role, User, UserId};

use sqlx::AssertSqlSafe;

use crate::filter::{Value, Where, fetch_page};
use crate::{Conn, Page, Result, on};

const ORGANISATION_COLUMNS: &str =
    "id, name, kind, region, address, phone, opening_hours, public_listing, created_at";

pub async fn insert_organisation(conn: Conn<'_>, organisation: &Organisation) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO organisations (id, name, kind, region, address, phone, opening_hours, public_listing, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(organisation.id)
    .bind(&organisation.name)
    .bind(organisation.kind)
    .bind(organisation.region)
    .bind(&organisation.address)
    .bind(&organisation.phone)
    .bind(&organisation.opening_hours)
    .bind(organisation.public_listing)
    .bind(organisation.created_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn organisation(conn: Conn<'_>, id: OrganisationId) -> Result<Option<Organisation>> {
    let sql = format!("SELECT {ORGANISATION_COLUMNS} FROM organisations WHERE id = $1");
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?)
}

/// Replaces an organisation's public contacts.
pub async fn set_organisation_contacts(
    conn: Conn<'_>,
    id: OrganisationId,
    contacts: &PublicContacts,
) -> Result<()> {
    on!(conn, c => sqlx::query(
        "UPDATE organisations SET address = $2, phone = $3, opening_hours = $4, public_listing = $5 WHERE id = $1",
    )
    .bind(id)
    .bind(&contacts.address)
    .bind(&contacts.phone)
    .bind(&contacts.opening_hours)
    .bind(contacts.public_listing)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The organisations listed on the public page, of one region or all, by
/// region and name. Selects only the columns the public may see.
pub async fn listed_organisations(
    conn: Conn<'_>,
    region: Option<RegionCode>,
) -> Result<Vec<ListedOrganisation>> {
    let columns = "SELECT name, kind, region, address, phone, opening_hours FROM organisations";
    Ok(match region {
        Some(region) => {
            let sql = format!("{columns} WHERE public_listing = $1 AND region = $2 ORDER BY name");
            on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(true).bind(region).fetch_all(c).await)?
        }
        None => {
            let sql = format!("{columns} WHERE public_listing = $1 ORDER BY region, name");
            on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(true).fetch_all(c).await)?
        }
    })
}

#[derive(Debug, Clone, Default)]
pub struct OrganisationFilter {
    pub region: Option<RegionCode>,
    pub kind: Option<OrganisationKind>,
    pub search: Option<String>,
}

pub async fn organisations(
    conn: Conn<'_>,
    filter: &OrganisationFilter,
    page: Page,
) -> Result<(Vec<Organisation>, i64)> {
    let mut w = Where::default();
    if let Some(region) = filter.region {
        w.and("region = {}", Value::Text(region.as_str().into()));
    }
    if let Some(kind) = filter.kind {
        w.and("kind = {}", Value::Text(kind.as_str().into()));
    }
    if let Some(text) = filter.search.as_deref().filter(|s| !s.trim().is_empty()) {
        w.search(&["name"], text);
    }
    fetch_page(
        conn,
        ORGANISATION_COLUMNS,
        "FROM organisations",
        "region, name",
        &w,
        page,
    )
    .await
}

/// The account automatic jobs act as (the end of allocations past their
/// last night): no person, so never among the users to pick or manage,
/// though the audit log and timelines still name it. The same id on every
/// installation.
pub const SYSTEM_USER_ID: UserId = UserId(uuid::Uuid::from_u128(0x501e_11a0_0000_4000_8000_0000_0000_0001));

const USER_COLUMNS: &str = "id, email, display_name, role, organisation_id, region, active, created_at";

pub async fn insert_user(conn: Conn<'_>, user: &User, password_hash: &str) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO users (id, email, display_name, password_hash, role, organisation_id, region, active, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(user.id)
    .bind(&user.email)
    .bind(&user.display_name)
    .bind(password_hash)
    .bind(user.role)
    .bind(user.organisation_id)
    .bind(user.region)
    .bind(user.active)
    .bind(user.created_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn user(conn: Conn<'_>, id: UserId) -> Result<Option<User>> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?)
}

/// A user and their password hash, for signing in.
pub async fn user_by_email(conn: Conn<'_>, email: &str) -> Result<Option<(User, String)>> {
    let sql = format!("SELECT {USER_COLUMNS}, password_hash FROM users WHERE email = $1");
    on!(conn, c => {
        let found = sqlx::query_as::<_, UserWithHash>(AssertSqlSafe(sql.as_str())).bind(email).fetch_optional(c).await?;
        Ok(found.map(|u| (u.user, u.password_hash)))
    })
}

#[derive(sqlx::FromRow)]
struct UserWithHash {
    #[sqlx(flatten)]
    user: User,
    password_hash: String,
}

#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    pub region: Option<RegionCode>,
    pub organisation: Option<OrganisationId>,
    pub role: Option<Role>,
    pub search: Option<String>,
}

pub async fn users(conn: Conn<'_>, filter: &UserFilter, page: Page) -> Result<(Vec<User>, i64)> {
    let mut w = Where::default();
    w.and("id <> {}", Value::Uuid(SYSTEM_USER_ID.0));
    if let Some(region) = filter.region {
        w.and("region = {}", Value::Text(region.as_str().into()));
    }
    if let Some(organisation) = filter.organisation {
        w.and("organisation_id = {}", Value::Uuid(organisation.0));
    }
    if let Some(role) = filter.role {
        w.and("role = {}", Value::Text(role.as_str().into()));
    }
    if let Some(text) = filter.search.as_deref().filter(|s| !s.trim().is_empty()) {
        w.search(&["email", "display_name"], text);
    }
    fetch_page(conn, USER_COLUMNS, "FROM users", "display_name, email", &w, page).await
}

pub async fn set_user_active(conn: Conn<'_>, id: UserId, active: bool) -> Result<()> {
    on!(conn, c => sqlx::query("UPDATE users SET active = $2 WHERE id = $1").bind(id).bind(active).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
