//! The needs of the surveyed employers of a period, per sector and
//! province: counts only, no names. The same table downloads as CSV.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use chrono::{Months, NaiveDate, Utc};
use soleil_app::AppError;
use soleil_app::employers::NeedsQuery;
use soleil_domain::inclusion::employer::needs::{NeedsRow, NeedsTable};
use soleil_domain::{Invalid, RegionCode};

use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;
use crate::pages::form::{
    Choice, Field, FormData, choice, date, date_filter_value, list_chrome, region_choices,
};
use crate::pages::time::date_text;
use crate::pages::{Chrome, FormErrors, attachment, error_page, render_with};

/// One row of the table as shown.
pub(super) struct Row {
    sector: String,
    province: String,
    employers_surveyed: i64,
    workers_needed: i64,
    internships: i64,
    apprenticeships: i64,
    open_to_training: i64,
    top_occupations: String,
}

impl Row {
    fn new(lang: Lang, row: &NeedsRow) -> Self {
        let top: Vec<String> = row
            .top_occupations
            .iter()
            .map(|o| {
                let title = soleil_reference::occupations::get(&o.occupation)
                    .map_or(o.title.as_str(), |found| found.title(lang.code()));
                format!("{} {title} ({})", o.occupation, o.workers)
            })
            .collect();
        Self {
            sector: format!("{} – {}", row.sector, row.sector_title),
            province: row.province_name.clone(),
            employers_surveyed: row.employers_surveyed,
            workers_needed: row.workers_needed,
            internships: row.internships,
            apprenticeships: row.apprenticeships,
            open_to_training: row.open_to_training,
            top_occupations: top.join("; "),
        }
    }
}

#[derive(Template)]
#[template(path = "employers/needs.html")]
struct NeedsPage {
    chrome: Chrome,
    title: String,
    from: Field,
    to: Field,
    region: Field,
    /// For admins, who belong to no region.
    regions: Option<Vec<Choice>>,
    errors: FormErrors,
    /// "dal 01/01/2026 al 31/12/2026", what the table covers.
    caption: String,
    rows: Vec<Row>,
    total: Option<Row>,
    csv_href: String,
}

/// The filters as typed, and the use case's query. A page opened without
/// a period shows the last twelve months.
fn query_of(filters: &FormData, today: NaiveDate) -> (NeedsQuery, Invalid) {
    let mut invalid = Invalid::new();
    let typed = |name: &str| filters.trimmed(name);
    let (from, to) = if typed("from").is_none() && typed("to").is_none() {
        (today.checked_sub_months(Months::new(12)), Some(today))
    } else {
        (
            date(&mut invalid, "from", filters.get("from")),
            date(&mut invalid, "to", filters.get("to")),
        )
    };
    let region = choice::<RegionCode>(&mut invalid, "region", filters.get("region"));
    (NeedsQuery { from, to, region }, invalid)
}

/// The period's link to the CSV, with the filters of the table.
fn csv_href(query: &NeedsQuery) -> String {
    let start = "/employer-needs.csv?";
    let mut serializer = form_urlencoded::Serializer::for_suffix(start.to_owned(), start.len());
    let day = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
    serializer.append_pair("from", &day(query.from));
    serializer.append_pair("to", &day(query.to));
    if let Some(region) = query.region {
        serializer.append_pair("region", region.as_str());
    }
    serializer.finish()
}

pub(super) async fn table(
    State(state): State<AppState>,
    page: PageUser,
    RawQuery(raw): RawQuery,
) -> Response {
    let chrome = list_chrome(&page, "/employer-needs", raw.as_deref());
    let lang = chrome.lang;
    let filters = FormData::query(raw.as_deref());
    let (query, invalid) = query_of(&filters, Utc::now().date_naive());
    let result = if invalid.is_empty() {
        state.app.employer_needs(&page.user, &query).await
    } else {
        Err(invalid.into())
    };
    let (table, errors): (Option<NeedsTable>, Vec<_>) = match result {
        Ok(table) => (Some(table), Vec::new()),
        Err(AppError::Invalid(invalid)) => (None, invalid.errors),
        Err(other) => return error_page(chrome, other),
    };
    let errors = FormErrors::new(lang, errors);
    let shown = |name: &str, value: Option<NaiveDate>| {
        errors.field(name, &date_filter_value(filters.text(name), value))
    };
    let status = errors.status();
    let caption = match (query.from, query.to) {
        (Some(from), Some(to)) => lang.with_args(
            "emp-needs-caption",
            &[("from", date_text(from).into()), ("to", date_text(to).into())],
        ),
        _ => lang.t("emp-needs-title"),
    };
    render_with(
        status,
        NeedsPage {
            title: chrome.t("emp-needs-title"),
            from: shown("from", query.from),
            to: shown("to", query.to),
            region: errors.field("region", filters.get("region")),
            regions: page.user.region.is_none().then(region_choices),
            caption,
            rows: table
                .as_ref()
                .map(|t| t.rows.iter().map(|r| Row::new(lang, r)).collect())
                .unwrap_or_default(),
            total: table
                .as_ref()
                .filter(|t| !t.rows.is_empty())
                .map(|t| Row::new(lang, &t.total)),
            csv_href: csv_href(&query),
            errors,
            chrome,
        },
    )
}

/// The table as CSV, for the spreadsheets of the network's planning.
pub(super) async fn csv(State(state): State<AppState>, page: PageUser, RawQuery(raw): RawQuery) -> Response {
    let chrome = Chrome::new(&page, "/employer-needs");
    let (query, invalid) = query_of(&FormData::query(raw.as_deref()), Utc::now().date_naive());
    let result = if invalid.is_empty() {
        state.app.employer_needs(&page.user, &query).await
    } else {
        Err(invalid.into())
    };
    match result {
        Ok(table) => {
            let day = |d: Option<NaiveDate>| d.map(|d| d.format("%Y%m%d").to_string()).unwrap_or_default();
            let name = format!("soleil-employer-needs-{}-{}.csv", day(query.from), day(query.to));
            attachment(
                "text/csv; charset=utf-8",
                &name,
                crate::api::employers::to_csv(&table).into_bytes(),
            )
        }
        Err(error) => error_page(chrome, error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_without_a_period_shows_the_last_twelve_months() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let (query, invalid) = query_of(&FormData::default(), today);
        assert!(invalid.is_empty());
        assert_eq!(query.from, NaiveDate::from_ymd_opt(2025, 11, 23));
        assert_eq!(query.to, Some(today));
        assert_eq!(
            csv_href(&query),
            "/employer-needs.csv?from=2025-11-23&to=2026-11-23"
        );
        let typed = FormData::query(Some("from=2026-01-01&to=soon"));
        let (query, invalid) = query_of(&typed, today);
        assert_eq!(query.to, None);
        assert_eq!(invalid.errors[0].field, "to");
    }
}
