//! The reports page: the project's results table for a region and a period,
//! on screen and as CSV, XLSX and JSON (the same files `soleil report`
//! writes). One GET form, so each file is the page's address with
//! `format=`.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use axum::routing::get;
use chrono::Datelike;
use soleil_app::reports::{ReportQuery, ResultsReport};
use soleil_app::{AppError, Operation, policy};
use soleil_domain::Invalid;

use crate::AppState;
use crate::auth::PageUser;
use crate::pages::form::{
    Choice, Field, FormData, choice, date, date_filter_value, in_form_order, list_chrome, region_choices,
};
use crate::pages::{Chrome, FormErrors, error_page, render_with, written_file};
use crate::report::{Format, results_file, results_file_name, results_table};
use crate::table::Table;

pub fn routes() -> Router<AppState> {
    Router::new().route("/reports", get(reports))
}

const FIELDS: [&str; 3] = ["region", "from", "to"];

#[derive(Template)]
#[template(path = "monitoring/reports.html")]
struct ReportsPage {
    chrome: Chrome,
    title: String,
    /// Only for readers who may choose a region.
    region: Option<(Field, Vec<Choice>)>,
    from: Field,
    to: Field,
    errors: FormErrors,
    shown: Option<(Table, Vec<(String, String)>)>,
}

/// The form as typed. Without a period: this year up to today.
fn query_of(filters: &FormData, today: chrono::NaiveDate) -> (ReportQuery, Invalid) {
    let mut invalid = Invalid::new();
    let asked = filters.trimmed("from").is_some() || filters.trimmed("to").is_some();
    let query = ReportQuery {
        region: choice(&mut invalid, "region", filters.get("region")),
        from: if asked {
            date(&mut invalid, "from", filters.get("from"))
        } else {
            today.with_ordinal(1)
        },
        to: if asked {
            date(&mut invalid, "to", filters.get("to"))
        } else {
            Some(today)
        },
    };
    (query, invalid)
}

async fn reports(State(state): State<AppState>, page: PageUser, RawQuery(raw): RawQuery) -> Response {
    let chrome = list_chrome(&page, "/reports", raw.as_deref());
    if !policy::permits(page.user.role, Operation::ReadMonitoring) {
        return error_page(chrome, AppError::Forbidden);
    }
    let filters = FormData::query(raw.as_deref());
    let (query, invalid) = query_of(&filters, chrono::Utc::now().date_naive());
    let result = if invalid.is_empty() {
        state.app.results_report(&page.user, &query).await
    } else {
        Err(invalid.into())
    };
    let (report, errors) = match result {
        Ok(report) => (Some(report), Vec::new()),
        Err(AppError::Invalid(invalid)) => (None, invalid.errors),
        Err(other) => return error_page(chrome, other),
    };
    if let (Some(report), Some(format)) = (&report, Format::parse(filters.get("format"))) {
        return download(chrome, report, format);
    }
    let lang = chrome.lang;
    let errors = in_form_order(FormErrors::new(lang, errors), &FIELDS);
    let date_field = |name: &str, chosen| errors.field(name, &date_filter_value(filters.text(name), chosen));
    let (from, to) = report
        .as_ref()
        .map_or((query.from, query.to), |r| (Some(r.from), Some(r.to)));
    render_with(
        errors.status(),
        ReportsPage {
            title: chrome.t("reports-title"),
            region: page
                .user
                .region
                .is_none()
                .then(|| (errors.field("region", filters.get("region")), region_choices())),
            from: date_field("from", from),
            to: date_field("to", to),
            shown: report.map(|r| (results_table(lang, &r), downloads(lang, &r))),
            errors,
            chrome,
        },
    )
}

/// The links to the report as files: the same query and a format.
fn downloads(lang: crate::i18n::Lang, report: &ResultsReport) -> Vec<(String, String)> {
    Format::ALL
        .into_iter()
        .map(|format| {
            let start = "/reports?";
            let mut href = form_urlencoded::Serializer::for_suffix(start.to_owned(), start.len());
            if let Some(region) = report.region {
                href.append_pair("region", region.as_str());
            }
            href.append_pair("from", &report.from.to_string());
            href.append_pair("to", &report.to.to_string());
            href.append_pair("format", format.extension());
            (
                href.finish(),
                lang.t(&format!("reports-download-{}", format.extension())),
            )
        })
        .collect()
}

fn download(chrome: Chrome, report: &ResultsReport, format: Format) -> Response {
    let name = results_file_name(chrome.lang, report, format);
    let file = results_file(chrome.lang, report, format);
    written_file(chrome, format.content_type(), &name, file)
}
