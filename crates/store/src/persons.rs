//! Persons: the most protected records. Every query here is filtered by the
//! [`Scope`] the app layer's policy decided.

use soleil_domain::{Person, PersonId};

use sqlx::AssertSqlSafe;

use crate::filter::{Value, Where, bind_where, fetch_page, scope_persons};
use crate::{Conn, Page, Result, Scope, on};

pub(crate) const COLUMNS: &str = "p.id, p.region, p.anonymous, p.given_name, p.surname, p.alias, p.sex, p.date_of_birth,
    p.nationality, p.phone, p.codice_fiscale, p.place_of_birth, p.recorded_by, p.recorded_by_organisation, p.created_at";

pub async fn insert(conn: Conn<'_>, person: &Person) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO persons (id, region, anonymous, given_name, surname, alias, sex, date_of_birth, nationality,
                              phone, codice_fiscale, place_of_birth, recorded_by, recorded_by_organisation,
                              created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
    )
    .bind(person.id)
    .bind(person.region)
    .bind(person.anonymous)
    .bind(&person.given_name)
    .bind(&person.surname)
    .bind(&person.alias)
    .bind(person.sex)
    .bind(person.date_of_birth)
    .bind(&person.nationality)
    .bind(&person.phone)
    .bind(&person.codice_fiscale)
    .bind(&person.place_of_birth)
    .bind(person.recorded_by)
    .bind(person.recorded_by_organisation)
    .bind(person.created_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The person, if the scope lets its holder see them.
pub async fn get(conn: Conn<'_>, scope: Scope, id: PersonId) -> Result<Option<Person>> {
    let mut w = Where::default();
    w.and("p.id = {}", Value::Uuid(id.0));
    scope_persons(&mut w, scope);
    let sql = format!("SELECT {COLUMNS} FROM persons p {}", w.sql());
    Ok(on!(conn, c => bind_where!(sqlx::query_as(AssertSqlSafe(sql.as_str())), w).fetch_optional(c).await)?)
}

/// Persons visible in the scope, newest first, optionally matching a text.
pub async fn list(
    conn: Conn<'_>,
    scope: Scope,
    search: Option<&str>,
    page: Page,
) -> Result<(Vec<Person>, i64)> {
    let mut w = Where::default();
    scope_persons(&mut w, scope);
    if let Some(text) = search.filter(|s| !s.trim().is_empty()) {
        w.search(
            &[
                "p.given_name",
                "p.surname",
                "p.alias",
                "p.phone",
                "p.codice_fiscale",
            ],
            text,
        );
    }
    fetch_page(
        conn,
        COLUMNS,
        "FROM persons p",
        "p.created_at DESC, p.id DESC",
        &w,
        page,
    )
    .await
}
