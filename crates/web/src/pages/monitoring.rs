//! The monitoring dashboard: the referral chain of a region (or the whole
//! network) over a period, as charts drawn on the server, each beside a
//! table of the same figures and a CSV of them.
//!
//! One GET form, so that a dashboard has an address to share; each panel's
//! CSV is the same address with `format=csv&panel=NAME`.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use axum::routing::get;
use chrono::NaiveDate;
use soleil_app::monitoring::{CountPanel, Dashboard, DashboardQuery, FunnelStep, StepTiming};
use soleil_app::{AppError, Operation, policy};
use soleil_domain::monitoring::AgeBand;
use soleil_domain::{FieldError, Invalid, RegionCode, Sex, WorkSector};

use crate::AppState;
use crate::auth::PageUser;
use crate::chart::{BarChart, Figures, LegendItem};
use crate::i18n::Lang;
use crate::pages::form::{
    Choice, Field, FormData, choice, date, date_filter_value, in_form_order, list_chrome,
    organisation_choices, organisations, region_choices, vocabulary,
};
use crate::pages::{Chrome, FormErrors, error_page, render_with, written_file};
use crate::table::{Cell, Table};

pub fn routes() -> Router<AppState> {
    Router::new().route("/monitoring", get(dashboard))
}

/// The fields of the form, in the order it shows them.
const FIELDS: [&str; 8] = [
    "region",
    "from",
    "to",
    "organisation",
    "sector",
    "nationality",
    "sex",
    "age_band",
];

/// The panels of the dashboard, each a chart and a table of the same
/// figures, by the name their CSV is asked for with: the funnel, the time
/// between steps, then the counts by category.
fn panels(lang: Lang, dashboard: &Dashboard) -> Vec<(&'static str, BarChart, Table)> {
    let mut panels = vec![
        (
            "funnel",
            funnel_chart(lang, &dashboard.funnel),
            funnel_table(lang, dashboard),
        ),
        (
            "timings",
            timings_chart(lang, &dashboard.timings),
            timings_table(lang, dashboard),
        ),
    ];
    panels.extend(
        dashboard
            .panels
            .iter()
            .map(|panel| (panel.panel, count_chart(lang, panel), count_table(lang, panel))),
    );
    panels
}

#[derive(Template)]
#[template(path = "monitoring/dashboard.html")]
struct DashboardPage {
    chrome: Chrome,
    title: String,
    /// Only for readers who may choose a region (admins, network coordinators).
    region: Option<(Field, Vec<Choice>)>,
    from: Field,
    to: Field,
    organisation: Field,
    organisations: Vec<Choice>,
    sector: Field,
    sectors: Vec<Choice>,
    nationality: Field,
    sex: Field,
    sexes: Vec<Choice>,
    age_band: Field,
    age_bands: Vec<Choice>,
    errors: FormErrors,
    shown: Option<Shown>,
}

/// The figures as the page shows them.
struct Shown {
    /// "Lazio, dal 24/11/2025 al 23/11/2026".
    scope: String,
    /// That the figures link to their cases, for readers who may follow them.
    follow: Option<String>,
    panels: Vec<ShownPanel>,
}

struct ShownPanel {
    id: &'static str,
    heading: String,
    lead: String,
    chart: BarChart,
    table: Table,
    /// The table's rows, each figure linked to the cases behind it for
    /// readers who may see them.
    rows: Vec<Vec<Cell>>,
    csv_href: String,
}

/// The form as typed, and the use case's query.
pub(super) fn query_of(filters: &FormData) -> (DashboardQuery, Invalid) {
    let mut invalid = Invalid::new();
    let nationality = filters.trimmed("nationality");
    if let Some(code) = &nationality
        && !(code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic()))
    {
        invalid.add("nationality", "invalid_country");
    }
    let query = DashboardQuery {
        region: choice(&mut invalid, "region", filters.get("region")),
        from: date(&mut invalid, "from", filters.get("from")),
        to: date(&mut invalid, "to", filters.get("to")),
        organisation: choice(&mut invalid, "organisation", filters.get("organisation")),
        sector: choice(&mut invalid, "sector", filters.get("sector")),
        nationality,
        sex: choice(&mut invalid, "sex", filters.get("sex")),
        age_band: choice(&mut invalid, "age_band", filters.get("age_band")),
    };
    (query, invalid)
}

async fn dashboard(State(state): State<AppState>, page: PageUser, RawQuery(raw): RawQuery) -> Response {
    let chrome = list_chrome(&page, "/monitoring", raw.as_deref());
    if !policy::permits(page.user.role, Operation::ReadMonitoring) {
        return error_page(chrome, AppError::Forbidden);
    }
    let filters = FormData::query(raw.as_deref());
    let (query, invalid) = query_of(&filters);
    let result = if invalid.is_empty() {
        state.app.dashboard(&page.user, &query).await
    } else {
        Err(invalid.into())
    };
    let (dashboard, errors) = match result {
        Ok(dashboard) => (Some(dashboard), Vec::new()),
        Err(AppError::Invalid(invalid)) => (None, invalid.errors),
        Err(other) => return error_page(chrome, other),
    };
    if let Some(dashboard) = &dashboard
        && filters.get("format") == "csv"
        && let Some((name, _, table)) = panels(chrome.lang, dashboard)
            .into_iter()
            .find(|(name, _, _)| *name == filters.get("panel").trim())
    {
        return download(chrome, dashboard, name, &table);
    }
    let region = dashboard.as_ref().and_then(|d| d.region).or(page.user.region);
    let organisations = match region {
        Some(region) => organisation_choices(&organisations(&state, &page.user, region).await),
        None => Vec::new(),
    };
    show(chrome, &page, &filters, &query, organisations, dashboard, errors)
}

/// A panel's table as a CSV file, named by the panel and period.
fn download(chrome: Chrome, dashboard: &Dashboard, name: &str, table: &Table) -> Response {
    let file_name = format!(
        "{}-{name}-{}-{}.csv",
        chrome.t("monitoring-file-stem"),
        dashboard.from.format("%Y-%m-%d"),
        dashboard.to.format("%Y-%m-%d")
    );
    written_file(chrome, "text/csv; charset=utf-8", &file_name, table.to_csv())
}

fn show(
    chrome: Chrome,
    page: &PageUser,
    filters: &FormData,
    query: &DashboardQuery,
    organisations: Vec<Choice>,
    dashboard: Option<Dashboard>,
    errors: Vec<FieldError>,
) -> Response {
    let lang = chrome.lang;
    let errors = in_form_order(FormErrors::new(lang, errors), &FIELDS);
    let status = errors.status();
    let may_choose_region = page.user.region.is_none();
    let may_trace = policy::permits(page.user.role, Operation::TraceFigures);
    let (from, to) = match &dashboard {
        Some(d) => (Some(d.from), Some(d.to)),
        None => (query.from, query.to),
    };
    let date_field = |name: &str, chosen| errors.field(name, &date_filter_value(filters.text(name), chosen));
    let shown = dashboard.as_ref().map(|d| Shown {
        scope: scope(lang, "monitoring-scope", d.region, d.from, d.to),
        follow: may_trace.then(|| lang.t("figure-follow")),
        panels: panels(lang, d)
            .into_iter()
            .map(|(name, chart, table)| ShownPanel {
                id: name,
                heading: lang.t(&format!("monitoring-{name}-heading")),
                lead: lang.t(&format!("monitoring-{name}-lead")),
                chart,
                rows: table.cells(|row, column| {
                    let figure = figure_of(d, name, row, column).filter(|_| may_trace)?;
                    Some(dashboard_address(
                        filters,
                        "/monitoring/figures",
                        &[("figure", &figure)],
                    ))
                }),
                table,
                csv_href: dashboard_address(filters, "/monitoring", &[("format", "csv"), ("panel", name)]),
            })
            .collect(),
    });
    render_with(
        status,
        DashboardPage {
            title: chrome.t("monitoring-title"),
            region: may_choose_region
                .then(|| (errors.field("region", filters.get("region")), region_choices())),
            from: date_field("from", from),
            to: date_field("to", to),
            organisation: errors.field("organisation", filters.get("organisation")),
            organisations,
            sector: errors.field("sector", filters.get("sector")),
            sectors: vocabulary(lang, "work_sector", WorkSector::all().map(WorkSector::as_str)),
            nationality: errors.field("nationality", filters.get("nationality")),
            sex: errors.field("sex", filters.get("sex")),
            sexes: vocabulary(lang, "sex", Sex::all().map(Sex::as_str)),
            age_band: errors.field("age_band", filters.get("age_band")),
            age_bands: vocabulary(lang, "age_band", AgeBand::all().map(AgeBand::as_str)),
            errors,
            shown,
            chrome,
        },
    )
}

/// "Lazio, casi segnalati dal 24/11/2025 al 23/11/2026", in the words of the
/// message `id`.
pub(super) fn scope(
    lang: Lang,
    id: &str,
    region: Option<RegionCode>,
    from: NaiveDate,
    to: NaiveDate,
) -> String {
    let region = region.map_or_else(|| lang.t("monitoring-network"), |r| r.name().to_owned());
    lang.with_args(
        id,
        &[
            ("region", region.into()),
            ("from", from.format("%d/%m/%Y").to_string().into()),
            ("to", to.format("%d/%m/%Y").to_string().into()),
        ],
    )
}

/// An address at `path` with the dashboard's own filters and `extra`: a
/// panel's CSV, the cases behind a figure.
pub(super) fn dashboard_address(filters: &FormData, path: &str, extra: &[(&str, &str)]) -> String {
    let start = format!("{path}?");
    let mut href = form_urlencoded::Serializer::for_suffix(start.clone(), start.len());
    for (key, value) in filters.pairs() {
        if FIELDS.contains(&key.as_str()) && !value.trim().is_empty() {
            href.append_pair(key, value);
        }
    }
    href.extend_pairs(extra);
    href.finish()
}

/// The figure a cell of a panel's table shows, as
/// `soleil_app::figures::FigureQuery` names it; none for a cell that is
/// not a count of cases or records.
fn figure_of(dashboard: &Dashboard, panel: &str, row: usize, column: usize) -> Option<String> {
    let (key, column) = match panel {
        "funnel" => {
            let columns = [
                "reached",
                "waiting",
                "dropped_out",
                "closed_otherwise",
                "goals_met",
            ];
            let step = dashboard.funnel.get(row)?.step;
            (step.as_str().to_owned(), *columns.get(column.checked_sub(1)?)?)
        }
        "timings" => {
            let step = dashboard.timings.get(row)?.step;
            let column = match column {
                2 => "cases",
                6 => "within_target",
                7 => "over_target",
                _ => return None,
            };
            (step.as_str().to_owned(), column)
        }
        _ => {
            let counts = dashboard.panels.iter().find(|p| p.panel == panel)?;
            let key = counts.rows.get(row)?.key.clone();
            (key, *counts.columns.get(column.checked_sub(1)?)?)
        }
    };
    Some(format!("{panel}.{key}.{column}"))
}

pub(super) fn step_label(lang: Lang, step: soleil_domain::monitoring::Step) -> String {
    lang.label("monitoring_step", step.as_str())
}

/// A figure that may not exist (the median of no case): empty in the table.
fn maybe(days: Option<i32>) -> String {
    days.map(|d| d.to_string()).unwrap_or_default()
}

fn funnel_table(lang: Lang, dashboard: &Dashboard) -> Table {
    Table {
        caption: lang.t("monitoring-funnel-caption"),
        headings: [
            "monitoring-col-step",
            "monitoring-col-reached",
            "monitoring-col-waiting",
            "monitoring-col-dropped-out",
            "monitoring-col-closed-otherwise",
            "monitoring-col-goals-met",
        ]
        .map(|id| lang.t(id))
        .to_vec(),
        rows: dashboard
            .funnel
            .iter()
            .map(|line| {
                vec![
                    step_label(lang, line.step),
                    line.reached.to_string(),
                    line.waiting.to_string(),
                    line.dropped_out.to_string(),
                    line.closed_otherwise.to_string(),
                    line.goals_met.to_string(),
                ]
            })
            .collect(),
    }
}

fn timings_table(lang: Lang, dashboard: &Dashboard) -> Table {
    Table {
        caption: lang.t("monitoring-timings-caption"),
        headings: [
            "monitoring-col-step",
            "monitoring-col-from-step",
            "monitoring-col-cases",
            "monitoring-col-median",
            "monitoring-col-p90",
            "monitoring-col-target",
            "monitoring-col-within-target",
            "monitoring-col-over-target",
        ]
        .map(|id| lang.t(id))
        .to_vec(),
        rows: dashboard
            .timings
            .iter()
            .map(|timing| {
                vec![
                    step_label(lang, timing.step),
                    step_label(lang, timing.from_step),
                    timing.cases.to_string(),
                    maybe(timing.median_days),
                    maybe(timing.p90_days),
                    maybe(timing.target_days),
                    timing.within_target.to_string(),
                    // Over the target: only where there is one.
                    maybe(timing.target_days.map(|_| {
                        i32::try_from(timing.cases.saturating_sub(timing.within_target)).unwrap_or(i32::MAX)
                    })),
                ]
            })
            .collect(),
    }
}

#[allow(clippy::cast_precision_loss)]
fn funnel_chart(lang: Lang, funnel: &[FunnelStep]) -> BarChart {
    BarChart::new(
        "funnel",
        lang.t("monitoring-funnel-heading"),
        lang.t("monitoring-funnel-description"),
        funnel
            .iter()
            .map(|line| Figures {
                label: step_label(lang, line.step),
                value: line.reached.to_string(),
                bar: line.reached as f64,
                back: None,
                marker: None,
            })
            .collect(),
        Vec::new(),
    )
}

fn timings_chart(lang: Lang, timings: &[StepTiming]) -> BarChart {
    let days = |d: Option<i32>| d.map(f64::from);
    BarChart::new(
        "timings",
        lang.t("monitoring-timings-heading"),
        lang.t("monitoring-timings-description"),
        timings
            .iter()
            .map(|timing| Figures {
                label: step_label(lang, timing.step),
                value: match (timing.median_days, timing.p90_days) {
                    (Some(median), Some(p90)) => lang.with_args(
                        "monitoring-days-median-p90",
                        &[("median", median.into()), ("p90", p90.into())],
                    ),
                    _ => lang.t("monitoring-no-cases"),
                },
                bar: days(timing.median_days).unwrap_or_default(),
                back: days(timing.p90_days),
                marker: days(timing.target_days),
            })
            .collect(),
        ["bar", "back", "marker"]
            .into_iter()
            .map(|mark| LegendItem {
                label: lang.t(&format!("monitoring-legend-{mark}")),
                mark,
            })
            .collect(),
    )
}

/// A panel of counts: one row per category, one column per figure.
fn count_table(lang: Lang, panel: &CountPanel) -> Table {
    let mut headings = vec![lang.t(&format!("monitoring-{}-key", panel.panel))];
    headings.extend(
        panel
            .columns
            .iter()
            .map(|column| lang.t(&format!("monitoring-col-{column}"))),
    );
    Table {
        caption: lang.t(&format!("monitoring-{}-caption", panel.panel)),
        headings,
        rows: panel
            .rows
            .iter()
            .map(|row| {
                let mut cells = vec![lang.label(panel.vocabulary, &row.key)];
                cells.extend(row.counts.iter().map(ToString::to_string));
                cells
            })
            .collect(),
    }
}

/// A panel of counts as bars of its first figure.
#[allow(clippy::cast_precision_loss)]
fn count_chart(lang: Lang, panel: &CountPanel) -> BarChart {
    BarChart::new(
        panel.panel,
        lang.t(&format!("monitoring-{}-heading", panel.panel)),
        lang.t(&format!("monitoring-{}-description", panel.panel)),
        panel
            .rows
            .iter()
            .map(|row| {
                let first = row.counts.first().copied().unwrap_or_default();
                Figures {
                    label: lang.label(panel.vocabulary, &row.key),
                    value: first.to_string(),
                    bar: first as f64,
                    back: None,
                    marker: None,
                }
            })
            .collect(),
        Vec::new(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_reads_into_the_query() {
        let (query, invalid) = query_of(&FormData::query(Some(
            "from=2026-01-01&to=&sector=construction&sex=female&nationality=in",
        )));
        assert!(invalid.is_empty());
        assert_eq!(query.from, chrono::NaiveDate::from_ymd_opt(2026, 1, 1));
        assert_eq!(
            (query.sector, query.sex),
            (Some(WorkSector::Construction), Some(Sex::Female))
        );
        assert_eq!(query.nationality.as_deref(), Some("in"));
        let (_, invalid) = query_of(&FormData::query(Some("from=ieri&sector=moon&nationality=India")));
        let fields: Vec<&str> = invalid.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["nationality", "from", "sector"]);
    }

    #[test]
    fn a_panels_file_keeps_the_dashboards_filters() {
        let filters = FormData::query(Some("region=laz&from=2026-01-01&sector=&panel=x&format=pdf"));
        assert_eq!(
            dashboard_address(
                &filters,
                "/monitoring",
                &[("format", "csv"), ("panel", "timings")]
            ),
            "/monitoring?region=laz&from=2026-01-01&format=csv&panel=timings"
        );
    }
}
