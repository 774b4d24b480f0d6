//! The statements page: a budget line's or a person's disbursements over a
//! period, on screen and as CSV, XLSX and PDF for expense reporting.
//!
//! One GET form, so that a statement has an address: a person's case page
//! links to `?person=…`, and each download is the same address with
//! `format=csv|xlsx|pdf`. The files name vulnerable persons: like every
//! page, they are sent `Cache-Control: no-store` (see `pages::router`).

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use axum::routing::get;
use chrono::{Datelike, NaiveDate, Utc};
use soleil_app::measures::{BudgetLineQuery, Statement, StatementQuery};
use soleil_app::{AppError, Operation, policy};
use soleil_domain::inclusion::measure::BudgetLineTotals;
use soleil_domain::{FieldError, Invalid};

use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;
use crate::pages::form::{
    Choice, Field, FormData, choice, date, date_filter_value, in_form_order, list_chrome,
};
use crate::pages::{Chrome, FormErrors, error_page, render_with, written_file};
use crate::statement::{
    FileError, ShownRow, by_person, csv, file_name, money, period, person_column, region, shown_headings,
    subject, totals, xlsx,
};

pub fn routes() -> Router<AppState> {
    Router::new().route("/statements", get(statements))
}

/// The fields of the form, in the order it shows them.
const FIELDS: [&str; 4] = ["budget_line", "person", "from", "to"];

/// A file a statement downloads as.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Csv,
    Xlsx,
    Pdf,
}

impl Format {
    const ALL: [Format; 3] = [Format::Csv, Format::Xlsx, Format::Pdf];

    /// `format=` of the address; anything else shows the page.
    fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.extension() == value.trim())
    }

    fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Pdf => "pdf",
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Pdf => "application/pdf",
        }
    }

    /// The link's text on the page.
    fn label(self, lang: Lang) -> String {
        lang.t(&format!("statements-download-{}", self.extension()))
    }

    fn write(self, lang: Lang, statement: &Statement) -> Result<Vec<u8>, FileError> {
        match self {
            Format::Csv => csv::write(lang, statement),
            Format::Xlsx => xlsx::write(lang, statement),
            Format::Pdf => Ok(crate::pdf::statement::render(lang, statement)),
        }
    }
}

#[derive(Template)]
#[template(path = "measures/statements.html")]
struct StatementsPage {
    chrome: Chrome,
    title: String,
    /// The line's select; not shown for a person's statement.
    budget_line: Field,
    lines: Vec<Choice>,
    person: Option<ChosenPerson>,
    from: Field,
    to: Field,
    errors: FormErrors,
    shown: Option<Shown>,
}

/// The person of a person's statement, kept by a hidden field.
struct ChosenPerson {
    field: Field,
    /// From the statement; a placeholder while the query is refused.
    name: String,
}

/// The statement as the page shows it.
struct Shown {
    subject: String,
    period: String,
    region: String,
    caption: String,
    headings: Vec<String>,
    rows: Vec<Vec<String>>,
    /// The column whose cell heads each row: the person's.
    row_header: usize,
    totals: Vec<(String, String)>,
    downloads: Vec<Download>,
}

/// A link to the statement as a file.
struct Download {
    href: String,
    label: String,
}

impl Shown {
    fn new(lang: Lang, statement: &Statement, query: &StatementQuery) -> Self {
        let by_person = by_person(statement);
        let period = period(lang, statement);
        Self {
            subject: subject(lang, statement),
            caption: lang.t1("statements-caption", "period", &period),
            period,
            region: region(lang, statement),
            headings: shown_headings(lang, by_person),
            rows: statement
                .rows
                .iter()
                .map(|row| ShownRow::new(lang, row).cells(by_person))
                .collect(),
            row_header: person_column(by_person),
            totals: totals(lang, statement)
                .into_iter()
                .map(|(label, amount)| (label, money(lang, amount)))
                .collect(),
            downloads: Format::ALL
                .into_iter()
                .map(|format| Download {
                    href: file_href(statement, query, format),
                    label: format.label(lang),
                })
                .collect(),
        }
    }
}

/// Whether the form was sent. A first visit shows the form filled in with
/// this year, and no refusal.
fn asked(filters: &FormData) -> bool {
    filters
        .pairs()
        .iter()
        .any(|(key, _)| FIELDS.contains(&key.as_str()))
}

/// The form as typed, and the use case's query. Without a period, the
/// current year up to today.
fn query_of(filters: &FormData, today: NaiveDate) -> (StatementQuery, Invalid) {
    let mut invalid = Invalid::new();
    let (from, to) = if filters.trimmed("from").is_none() && filters.trimmed("to").is_none() {
        (NaiveDate::from_ymd_opt(today.year(), 1, 1), Some(today))
    } else {
        (
            date(&mut invalid, "from", filters.get("from")),
            date(&mut invalid, "to", filters.get("to")),
        )
    };
    let query = StatementQuery {
        budget_line: choice(&mut invalid, "budget_line", filters.get("budget_line")),
        person: choice(&mut invalid, "person", filters.get("person")),
        from,
        to,
    };
    (query, invalid)
}

/// The address of the statement as a file: the same query, and its format.
fn file_href(statement: &Statement, query: &StatementQuery, format: Format) -> String {
    let start = "/statements?";
    let mut href = form_urlencoded::Serializer::for_suffix(start.to_owned(), start.len());
    if let Some(line) = query.budget_line {
        href.append_pair("budget_line", &line.to_string());
    }
    if let Some(person) = query.person {
        href.append_pair("person", &person.to_string());
    }
    href.append_pair("from", &statement.from.format("%Y-%m-%d").to_string());
    href.append_pair("to", &statement.to.format("%Y-%m-%d").to_string());
    href.append_pair("format", format.extension());
    href.finish()
}

/// The page, or with `format=` and a complete query, the file.
async fn statements(State(state): State<AppState>, page: PageUser, RawQuery(raw): RawQuery) -> Response {
    let chrome = list_chrome(&page, "/statements", raw.as_deref());
    // Checked before anything is read: even the form lists the region's lines.
    if !policy::permits(page.user.role, Operation::ReadStatements) {
        return error_page(chrome, AppError::Forbidden);
    }
    let filters = FormData::query(raw.as_deref());
    let (query, invalid) = query_of(&filters, Utc::now().date_naive());
    let result = if !asked(&filters) {
        Ok(None)
    } else if invalid.is_empty() {
        state.app.statement(&page.user, &query).await.map(Some)
    } else {
        Err(invalid.into())
    };
    let (statement, errors) = match result {
        Ok(statement) => (statement, Vec::new()),
        Err(AppError::Invalid(invalid)) => (None, invalid.errors),
        Err(other) => return error_page(chrome, other),
    };
    if let (Some(statement), Some(format)) = (&statement, Format::parse(filters.get("format"))) {
        return download(chrome, statement, format);
    }
    match state
        .app
        .budget_lines(&page.user, &BudgetLineQuery::default())
        .await
    {
        Ok(lines) => show(chrome, &filters, &query, &lines, statement, errors),
        Err(error) => error_page(chrome, error),
    }
}

/// The statement as a file to save, named by its line (never its person)
/// and period.
fn download(chrome: Chrome, statement: &Statement, format: Format) -> Response {
    let name = file_name(chrome.lang, statement, format.extension());
    let file = format.write(chrome.lang, statement);
    written_file(chrome, format.content_type(), &name, file)
}

fn show(
    chrome: Chrome,
    filters: &FormData,
    query: &StatementQuery,
    lines: &[BudgetLineTotals],
    statement: Option<Statement>,
    errors: Vec<FieldError>,
) -> Response {
    let lang = chrome.lang;
    let errors = in_form_order(FormErrors::new(lang, errors), &FIELDS);
    let status = errors.status();
    let person = filters.trimmed("person").map(|typed| ChosenPerson {
        field: errors.field("person", &typed),
        name: statement
            .as_ref()
            .and_then(|s| s.person_name.clone())
            .unwrap_or_else(|| lang.t("statements-person-chosen")),
    });
    let date_field = |name: &str, chosen: Option<NaiveDate>| {
        errors.field(name, &date_filter_value(filters.text(name), chosen))
    };
    render_with(
        status,
        StatementsPage {
            title: chrome.t("statements-title"),
            budget_line: errors.field("budget_line", filters.get("budget_line")),
            lines: lines
                .iter()
                .map(|l| {
                    Choice::new(
                        l.line.id.to_string(),
                        format!("{} – {}", l.line.code, l.line.name),
                    )
                })
                .collect(),
            person,
            from: date_field("from", query.from),
            to: date_field("to", query.to),
            shown: statement.as_ref().map(|s| Shown::new(lang, s, query)),
            errors,
            chrome,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::tests::two_rows;

    #[test]
    fn a_first_visit_asks_for_this_year() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let (query, invalid) = query_of(&FormData::default(), today);
        assert!(invalid.is_empty() && !asked(&FormData::default()));
        assert_eq!(query.from, NaiveDate::from_ymd_opt(2026, 1, 1));
        assert_eq!(query.to, Some(today));
        let typed = FormData::query(Some("budget_line=nope&from=2026-02-01&to=soon"));
        let (query, invalid) = query_of(&typed, today);
        assert!(asked(&typed));
        assert_eq!(
            (query.from, query.to),
            (NaiveDate::from_ymd_opt(2026, 2, 1), None)
        );
        let fields: Vec<_> = invalid.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["to", "budget_line"]);
    }

    #[test]
    fn a_download_is_the_same_query_with_its_format() {
        let statement = two_rows();
        let query = StatementQuery {
            budget_line: statement.budget_line.as_ref().map(|l| l.id),
            ..StatementQuery::default()
        };
        let href = file_href(&statement, &query, Format::Xlsx);
        let line = query.budget_line.unwrap();
        assert_eq!(
            href,
            format!("/statements?budget_line={line}&from=2026-01-01&to=2026-11-23&format=xlsx")
        );
        assert_eq!(Format::parse("pdf"), Some(Format::Pdf));
        assert_eq!(Format::parse("doc"), None);
    }
}
