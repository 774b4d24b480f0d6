//! The reports page: the project's results table and the ESF+ common
//! indicators for a region and a period, on screen and as CSV, XLSX and
//! JSON (the same files `soleil report` writes). One GET form, so each file
//! is the page's address with `report=` and `format=`.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use axum::routing::get;
use chrono::Datelike;
use soleil_app::reports::ReportQuery;
use soleil_app::research::AnonymityQuery;
use soleil_app::{AppError, Operation, policy};
use soleil_domain::Invalid;

use crate::AppState;
use crate::auth::PageUser;
use crate::pages::form::{
    Choice, Field, FormData, choice, date, date_filter_value, in_form_order, list_chrome, region_choices,
};
use crate::pages::{Chrome, FormErrors, error_page, render_with, written_file};
use crate::report::{Format, Report, file, file_name};
use crate::table::{Cell, Table};

pub fn routes() -> Router<AppState> {
    Router::new().route("/reports", get(reports))
}

const FIELDS: [&str; 4] = ["region", "from", "to", "k"];

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
    /// The results table, then the ESF+ indicators: each with its links.
    shown: Vec<Shown>,
    /// That the figures link to their cases, for readers who may follow them.
    follow: Option<String>,
    /// The research dataset's form, for those who may export it.
    research: Option<ResearchForm>,
}

/// The research dataset for the period shown: its k, and the period and
/// region it keeps as hidden fields.
struct ResearchForm {
    k: Field,
    hidden: Vec<(&'static str, String)>,
    formats: Vec<(&'static str, String)>,
}

/// One report on the page: its heading's id, its lead, its table and the
/// links to its files.
struct Shown {
    id: &'static str,
    heading: String,
    lead: String,
    table: Table,
    /// The table's rows, each figure linked to the records behind it for
    /// readers who may see them.
    rows: Vec<Vec<Cell>>,
    downloads: Vec<(String, String)>,
}

impl Shown {
    fn new<R: Report>(lang: crate::i18n::Lang, report: &R, may_trace: bool) -> Self {
        let table = report.table(lang);
        Self {
            id: R::ID,
            heading: lang.t(&format!("reports-{}-heading", R::ID)),
            lead: lang.t(&format!("reports-{}-lead", R::ID)),
            rows: table.cells(|row, column| {
                let figure = report.figure(row, column).filter(|_| may_trace)?;
                Some(figure_address(report, &figure))
            }),
            table,
            downloads: downloads(lang, report),
        }
    }
}

/// The address of the records behind a figure of a report: its region and
/// period, and the figure.
fn figure_address<R: Report>(report: &R, figure: &str) -> String {
    let (from, to) = report.period();
    let mut href = form_urlencoded::Serializer::new(String::new());
    if let Some(region) = report.region() {
        href.append_pair("region", region.as_str());
    }
    href.append_pair("from", &from.to_string());
    href.append_pair("to", &to.to_string());
    href.append_pair("figure", figure);
    format!("/monitoring/figures?{}", href.finish())
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
    let mut file_errors = Vec::new();
    // A file is one report: only that one is computed. A refused period
    // falls through to the page, which shows the form with its message.
    if let (true, Some(format)) = (invalid.is_empty(), Format::parse(filters.get("format"))) {
        let lang = chrome.lang;
        let asked = match filters.get("report") {
            "esf" => (state.app.esf_report(&page.user, &query).await).map(|r| as_file(lang, &r, format)),
            "research" => match anonymity_of(&filters) {
                Ok(anonymity) => (state.app.research_export(&page.user, &query, anonymity).await)
                    .map(|r| as_file(lang, &r, format)),
                Err(invalid) => Err(invalid.into()),
            },
            _ => (state.app.results_report(&page.user, &query).await).map(|r| as_file(lang, &r, format)),
        };
        match asked {
            Ok((name, bytes)) => return written_file(chrome, format.content_type(), &name, bytes),
            // Shown beside the field it names, the page kept as it was.
            Err(AppError::Invalid(refused)) => file_errors = refused.errors,
            Err(other) => return error_page(chrome, other),
        }
    }
    let result = if invalid.is_empty() {
        let results = state.app.results_report(&page.user, &query).await;
        match results {
            Ok(results) => state
                .app
                .esf_report(&page.user, &query)
                .await
                .map(|esf| (results, esf)),
            Err(error) => Err(error),
        }
    } else {
        Err(invalid.into())
    };
    let (reports, mut errors) = match result {
        Ok(reports) => (Some(reports), Vec::new()),
        Err(AppError::Invalid(invalid)) => (None, invalid.errors),
        Err(other) => return error_page(chrome, other),
    };
    let lang = chrome.lang;
    errors.extend(file_errors);
    let may_trace = policy::permits(page.user.role, Operation::TraceFigures);
    let errors = in_form_order(FormErrors::new(lang, errors), &FIELDS);
    let date_field = |name: &str, chosen| errors.field(name, &date_filter_value(filters.text(name), chosen));
    let (from, to) = reports
        .as_ref()
        .map_or((query.from, query.to), |(r, _)| (Some(r.from), Some(r.to)));
    let research = reports
        .as_ref()
        .filter(|_| policy::permits(page.user.role, Operation::ExportResearch))
        .map(|(results, _)| ResearchForm {
            k: errors.field("k", filters.get("k")),
            hidden: hidden_period(results),
            formats: Format::ALL
                .into_iter()
                .map(|f| {
                    (
                        f.extension(),
                        lang.t(&format!("reports-download-{}", f.extension())),
                    )
                })
                .collect(),
        });
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
            shown: reports
                .map(|(results, esf)| {
                    vec![
                        Shown::new(lang, &results, may_trace),
                        Shown::new(lang, &esf, may_trace),
                    ]
                })
                .unwrap_or_default(),
            follow: may_trace.then(|| lang.t("figure-follow")),
            research,
            errors,
            chrome,
        },
    )
}

/// The research dataset's k, as typed: the default when left empty.
fn anonymity_of(filters: &FormData) -> Result<AnonymityQuery, Invalid> {
    match filters.trimmed("k") {
        None => Ok(AnonymityQuery::default()),
        Some(k) => k
            .parse()
            .map(|k| AnonymityQuery { k: Some(k) })
            .map_err(|_| Invalid::single("k", "k_out_of_range")),
    }
}

/// A report's region and period, as the fields of a form.
fn hidden_period<R: Report>(report: &R) -> Vec<(&'static str, String)> {
    let (from, to) = report.period();
    let region = report.region().map(|r| ("region", r.as_str().to_owned()));
    region
        .into_iter()
        .chain([("from", from.to_string()), ("to", to.to_string())])
        .collect()
}

/// The links to a report as files: the same query, the report and a format.
fn downloads<R: Report>(lang: crate::i18n::Lang, report: &R) -> Vec<(String, String)> {
    let (from, to) = report.period();
    Format::ALL
        .into_iter()
        .map(|format| {
            let start = "/reports?";
            let mut href = form_urlencoded::Serializer::for_suffix(start.to_owned(), start.len());
            if let Some(region) = report.region() {
                href.append_pair("region", region.as_str());
            }
            href.append_pair("from", &from.to_string());
            href.append_pair("to", &to.to_string());
            href.append_pair("report", R::ID);
            href.append_pair("format", format.extension());
            (
                href.finish(),
                lang.t(&format!("reports-download-{}", format.extension())),
            )
        })
        .collect()
}

/// A report as the file `format` asks for: its name and its bytes.
fn as_file<R: Report>(
    lang: crate::i18n::Lang,
    report: &R,
    format: Format,
) -> (String, Result<Vec<u8>, crate::report::ReportError>) {
    (file_name(lang, report, format), file(lang, report, format))
}
