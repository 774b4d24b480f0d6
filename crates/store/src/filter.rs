//! What a query may return: the caller's [`Scope`], decided by the app
//! layer's policy, and a [`Page`] of a list. The store only turns them into SQL.

use soleil_domain::{RegionCode, UserId};
use sqlx::AssertSqlSafe;

use crate::{Conn, on};

/// The records of a region a user may see, as the policy decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every record of the region (the regional secretariat).
    Region(RegionCode),
    /// Only records the user recorded (until triage), manages or is on the
    /// team of.
    Member { user: UserId, region: RegionCode },
    /// Nothing: the role sees no identifying records.
    Nothing,
}

/// One page of a list, counted from zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub number: u32,
    pub size: u32,
}

impl Page {
    pub const MAX_SIZE: u32 = 200;

    pub fn new(number: u32, size: u32) -> Self {
        Self {
            number,
            size: size.clamp(1, Self::MAX_SIZE),
        }
    }

    pub fn limit(self) -> i64 {
        i64::from(self.size)
    }

    pub fn offset(self) -> i64 {
        i64::from(self.number) * i64::from(self.size)
    }
}

impl Default for Page {
    fn default() -> Self {
        Self::new(0, 25)
    }
}

/// A value bound to a numbered placeholder of a dynamically built query.
#[derive(Debug, Clone)]
pub(crate) enum Value {
    Text(String),
    Uuid(uuid::Uuid),
    Time(chrono::DateTime<chrono::Utc>),
    Date(chrono::NaiveDate),
    Int(i64),
}

/// Builds `WHERE` clauses with `$n` placeholders numbered in binding order.
#[derive(Debug, Default)]
pub(crate) struct Where {
    clauses: Vec<String>,
    pub(crate) values: Vec<Value>,
}

impl Where {
    /// Adds a value and returns its placeholder.
    pub(crate) fn bind(&mut self, value: Value) -> String {
        self.values.push(value);
        format!("${}", self.values.len())
    }

    /// Adds a clause; `{}` in it is replaced by the placeholder of `value`.
    pub(crate) fn and(&mut self, clause: &str, value: Value) {
        let placeholder = self.bind(value);
        self.clauses.push(clause.replace("{}", &placeholder));
    }

    pub(crate) fn and_raw(&mut self, clause: String) {
        self.clauses.push(clause);
    }

    /// A case-insensitive substring match over several columns.
    pub(crate) fn search(&mut self, columns: &[&str], text: &str) {
        let pattern = format!("%{}%", text.trim().to_lowercase().replace(['%', '_'], ""));
        let placeholder = self.bind(Value::Text(pattern));
        let any = columns
            .iter()
            .map(|column| format!("LOWER(COALESCE({column}, '')) LIKE {placeholder}"))
            .collect::<Vec<_>>()
            .join(" OR ");
        self.clauses.push(format!("({any})"));
    }

    pub(crate) fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }

    /// Placeholders for `LIMIT` and `OFFSET` after the filter's own.
    pub(crate) fn paging(&self) -> String {
        let n = self.values.len();
        format!("LIMIT ${} OFFSET ${}", n + 1, n + 2)
    }
}

/// Binds a [`Where`]'s values, then any extra ones, to a query.
macro_rules! bind_where {
    ($query:expr, $filter:expr) => {{
        let mut query = $query;
        for value in &$filter.values {
            query = match value {
                $crate::filter::Value::Text(v) => query.bind(v.clone()),
                $crate::filter::Value::Uuid(v) => query.bind(*v),
                $crate::filter::Value::Time(v) => query.bind(*v),
                $crate::filter::Value::Date(v) => query.bind(*v),
                $crate::filter::Value::Int(v) => query.bind(*v),
            };
        }
        query
    }};
}
pub(crate) use bind_where;

/// Cases a scope lets its holder see; `c` is the alias of `cases`.
pub(crate) fn scope_cases(w: &mut Where, scope: Scope) {
    match scope {
        Scope::Region(region) => w.and("c.region = {}", Value::Text(region.as_str().into())),
        Scope::Member { user, region } => {
            w.and("c.region = {}", Value::Text(region.as_str().into()));
            let u = w.bind(Value::Uuid(user.0));
            w.and_raw(format!(
                "(c.case_manager_id = {u}
                  OR EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = c.id AND t.user_id = {u})
                  OR (c.reported_by = {u} AND c.state IN ('reported', 'assessing')))"
            ));
        }
        Scope::Nothing => w.and_raw("1 = 0".into()),
    }
}

/// Persons a scope lets its holder see; `p` is the alias of `persons`. A
/// recorder sees the person until the secretariat has triaged every case.
/// A person merged into another is seen only through the survivor.
pub(crate) fn scope_persons(w: &mut Where, scope: Scope) {
    w.and_raw("p.merged_into IS NULL".into());
    match scope {
        Scope::Region(region) => w.and("p.region = {}", Value::Text(region.as_str().into())),
        Scope::Member { user, region } => {
            w.and("p.region = {}", Value::Text(region.as_str().into()));
            let u = w.bind(Value::Uuid(user.0));
            w.and_raw(format!(
                "((p.recorded_by = {u} AND NOT EXISTS (
                      SELECT 1 FROM cases c WHERE c.person_id = p.id AND c.state NOT IN ('reported', 'assessing')))
                  OR EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p.id AND (c.case_manager_id = {u}
                      OR EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = c.id AND t.user_id = {u}))))"
            ));
        }
        Scope::Nothing => w.and_raw("1 = 0".into()),
    }
}

/// One page of `SELECT columns FROM … WHERE … ORDER BY …`, and how many rows
/// the filter matches in all.
pub(crate) async fn fetch_page<T>(
    conn: Conn<'_>,
    columns: &str,
    from: &str,
    order: &str,
    filter: &Where,
    page: Page,
) -> crate::Result<(Vec<T>, i64)>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
        + Send
        + Unpin,
{
    let list = format!(
        "SELECT {columns} {from} {} ORDER BY {order} {}",
        filter.sql(),
        filter.paging()
    );
    let count = format!("SELECT COUNT(*) {from} {}", filter.sql());
    on!(conn, c => {
        let items = bind_where!(sqlx::query_as::<_, T>(AssertSqlSafe(list.as_str())), filter)
            .bind(page.limit())
            .bind(page.offset())
            .fetch_all(&mut *c)
            .await?;
        let total: i64 =
            bind_where!(sqlx::query_scalar(AssertSqlSafe(count.as_str())), filter).fetch_one(&mut *c).await?;
        Ok((items, total))
    })
}
