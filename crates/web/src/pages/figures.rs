//! The records behind a figure of the dashboard or of the reports: the
//! cases it counts (or the labs of a count of labs), a page at a time, for
//! the region's secretariat. Every figure its readers may follow links
//! here with the filters it was computed over.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use axum::routing::get;
use chrono::NaiveDate;
use soleil_app::figures::{FigureQuery, FigureRecords};
use soleil_app::monitoring::DashboardQuery;
use soleil_domain::inclusion::course::CourseId;
use soleil_domain::monitoring::Step;

use super::cases::CaseRow;
use super::monitoring::{dashboard_address, query_of, scope, step_label};
use super::pager::Pager;
use super::time::filters;
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;
use crate::pages::form::{FormData, list_chrome};
use crate::pages::{Chrome, error_page, render};

pub fn routes() -> Router<AppState> {
    Router::new().route("/monitoring/figures", get(figure_records))
}

const PAGE_SIZE: u32 = 25;

#[derive(Template)]
#[template(path = "monitoring/figure.html")]
struct FigurePage {
    chrome: Chrome,
    title: String,
    /// "Le fasi del percorso: Valutazione — Di cui interrotti per abbandono".
    what: String,
    /// "Lazio, dal 24/11/2025 al 23/11/2026".
    scope: String,
    /// The dashboard's filters the figure was computed with, named.
    filters: Vec<(String, String)>,
    /// What the figure counts and how many cases (or labs) are behind it.
    counts: String,
    cases: Vec<CaseRow>,
    labs: Vec<LabRow>,
    pager: Pager,
    /// Back to the dashboard or the reports the figure came from.
    back: String,
}

struct LabRow {
    id: CourseId,
    title: String,
    sector: String,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
}

async fn figure_records(State(state): State<AppState>, page: PageUser, RawQuery(raw): RawQuery) -> Response {
    let raw = raw.as_deref();
    let chrome = list_chrome(&page, "/monitoring", raw);
    let filters = FormData::query(raw);
    let (dashboard, invalid) = query_of(&filters);
    if !invalid.is_empty() {
        return error_page(chrome, invalid.into());
    }
    let figure = FigureQuery {
        figure: filters.trimmed("figure"),
    };
    let paging = Pager::requested(raw, PAGE_SIZE);
    let records = match state
        .app
        .figure_records(&page.user, &figure, &dashboard, paging)
        .await
    {
        Ok(records) => records,
        Err(error) => return error_page(chrome, error),
    };
    let lang = chrome.lang;
    let organisation = match dashboard.organisation {
        Some(id) => state.app.organisation(&page.user, id).await.ok().map(|o| o.name),
        None => None,
    };
    let applied = applied_filters(lang, &dashboard, organisation, &records);
    // The ESF+ indicators are on the reports; every other figure is on the dashboard.
    let back_to = if records.figure.starts_with("esf.") {
        "/reports"
    } else {
        "/monitoring"
    };
    let back = dashboard_address(&filters, back_to, &[]);
    render(FigurePage {
        title: chrome.t("figure-title"),
        what: what(lang, &records.figure),
        scope: scope(
            lang,
            if over_the_period(&records) {
                "monitoring-period"
            } else {
                "monitoring-scope"
            },
            records.region,
            records.from,
            records.to,
        ),
        filters: applied,
        counts: counts(lang, &records),
        cases: records.cases.iter().map(CaseRow::of).collect(),
        labs: records
            .labs
            .iter()
            .map(|lab| LabRow {
                id: lab.id,
                title: lab.title.clone(),
                sector: lab
                    .sector
                    .map(|s| lang.label("course_sector", s.as_str()))
                    .unwrap_or_default(),
                starts_on: lab.starts_on,
                ends_on: lab.ends_on,
            })
            .collect(),
        pager: Pager::new(lang, "/monitoring/figures", raw, paging, records.total),
        back,
        chrome,
    })
}

/// The dashboard's filters a figure of cases was computed with, each with
/// its label: the labs and the ESF+ indicators read the period only.
fn applied_filters(
    lang: Lang,
    dashboard: &DashboardQuery,
    organisation: Option<String>,
    records: &FigureRecords,
) -> Vec<(String, String)> {
    if over_the_period(records) {
        return Vec::new();
    }
    [
        ("monitoring-organisation", organisation),
        (
            "monitoring-sector",
            dashboard.sector.map(|s| lang.label("work_sector", s.as_str())),
        ),
        ("monitoring-nationality", dashboard.nationality.clone()),
        (
            "monitoring-sex",
            dashboard.sex.map(|s| lang.label("sex", s.as_str())),
        ),
        (
            "monitoring-age-band",
            dashboard.age_band.map(|b| lang.label("age_band", b.as_str())),
        ),
    ]
    .into_iter()
    .filter_map(|(label, value)| Some((lang.t(label), value?)))
    .collect()
}

/// Whether the figure counts over the period and region alone (labs, ESF+
/// participants) rather than the cases reported in it with the dashboard's
/// filters.
fn over_the_period(records: &FigureRecords) -> bool {
    matches!(records.counts, "labs" | "participants")
}

/// The figure in words: where it is shown, its row and its column.
fn what(lang: Lang, figure: &str) -> String {
    let mut parts = figure.splitn(3, '.');
    let (group, key, column) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    let (heading, row, column) = match group {
        "funnel" | "timings" => (
            lang.t(&format!("monitoring-{group}-heading")),
            key.parse::<Step>()
                .map_or_else(|_| key.to_owned(), |step| step_label(lang, step)),
            lang.t(&format!("monitoring-col-{}", column.replace('_', "-"))),
        ),
        "esf" => (
            lang.t("reports-esf-heading"),
            format!("{key} {}", lang.t(&format!("esf-{key}"))),
            lang.t(&format!("esf-col-{}", column.replace('_', "-"))),
        ),
        panel => {
            let vocabulary = soleil_app::figures::vocabulary(panel).unwrap_or_default();
            let rows: Vec<String> = key.split('+').map(|k| lang.label(vocabulary, k)).collect();
            (
                lang.t(&format!("monitoring-{panel}-heading")),
                rows.join(" + "),
                lang.t(&format!("monitoring-col-{column}")),
            )
        }
    };
    format!("{heading}: {row} — {column}")
}

/// "Il dato conta invii ai servizi: ecco i 4 casi a cui si riferiscono".
fn counts(lang: Lang, records: &FigureRecords) -> String {
    let total = || ("total", records.total.into());
    match records.counts {
        "cases" => lang.with_args("figure-total-cases", &[total()]),
        "labs" => lang.with_args("figure-total-labs", &[total()]),
        other => lang.with_args(
            "figure-total-records",
            &[
                total(),
                ("records", lang.t(&format!("figure-records-{other}")).into()),
            ],
        ),
    }
}
