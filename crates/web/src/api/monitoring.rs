//! The referral chain measured: counts and times; for the region's
//! secretariat, the cases behind a figure.

use axum::Json;
use axum::extract::State;
use soleil_app::esf::EsfReport;
use soleil_app::figures::{FigureQuery, FigureRecords};
use soleil_app::monitoring::{Dashboard, DashboardQuery, RegionTargets, TargetsInput, TargetsQuery};
use soleil_app::reports::{ReportQuery, ResultsReport};
use soleil_app::research::{AnonymityQuery, ResearchExport};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Body, Failures, Paging, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(dashboard))
        .routes(routes!(figure_records))
        .routes(routes!(results))
        .routes(routes!(esf))
        .routes(routes!(research))
        .routes(routes!(targets, set_targets))
}

/// The funnel of the referral chain and the time each step took, for the
/// cases reported in a period (by default the twelve months up to today):
/// the caller's region; admins and network coordinators choose a region or
/// count the whole network.
#[utoipa::path(get, path = "/api/v1/monitoring/dashboard", tag = "monitoring", params(DashboardQuery),
    responses((status = 200, body = Dashboard), Failures))]
async fn dashboard(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<DashboardQuery>,
) -> Result<Json<Dashboard>, ApiError> {
    api.check(state.app.dashboard(&api.user, &query).await).map(Json)
}

/// The records behind a figure of the dashboard (over the same filters) or
/// of the reports (over the region and period): the cases it counts, each
/// once, the latest to enter the chain first, or the labs of a count of
/// labs. The region's secretariat only: others read counts. Audited.
#[utoipa::path(get, path = "/api/v1/monitoring/figures", tag = "monitoring",
    params(FigureQuery, DashboardQuery, Paging),
    responses((status = 200, body = FigureRecords), Failures))]
async fn figure_records(
    api: Api,
    State(state): State<AppState>,
    QueryParams(figure): QueryParams<FigureQuery>,
    QueryParams(query): QueryParams<DashboardQuery>,
    QueryParams(paging): QueryParams<Paging>,
) -> Result<Json<FigureRecords>, ApiError> {
    let page = paging.page();
    api.check(state.app.figure_records(&api.user, &figure, &query, page).await)
        .map(Json)
}

/// Says in the document which figures may be followed: the pattern the
/// vocabularies give, too long to write by hand in the route's attributes.
pub(super) fn describe_figures(openapi: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::Schema;

    let figure = openapi
        .paths
        .paths
        .get_mut("/api/v1/monitoring/figures")
        .and_then(|item| item.get.as_mut())
        .and_then(|get| get.parameters.as_mut())
        .and_then(|parameters| parameters.iter_mut().find(|p| p.name == "figure"));
    if let Some(RefOr::T(Schema::Object(object))) = figure.and_then(|p| p.schema.as_mut()) {
        object.pattern = Some(soleil_app::figures::figure_pattern());
    }
}

/// The project's results table: professional labs that ran in the period,
/// by sector, and work placements that began in it (internships, and
/// contracts of which apprenticeships). `from` and `to` are required.
#[utoipa::path(get, path = "/api/v1/reports/results", tag = "monitoring", params(ReportQuery),
    responses((status = 200, body = ResultsReport), Failures))]
async fn results(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<ReportQuery>,
) -> Result<Json<ResultsReport>, ApiError> {
    api.check(state.app.results_report(&api.user, &query).await)
        .map(Json)
}

/// The ESF+ common indicators for participants (Regulation (EU) 2021/1057,
/// Annex I), each with its definition and how it is computed: participants
/// who entered in the period, left in it, or reached six months after
/// leaving in it, each person once, by gender, with the answers not
/// recorded or not disclosed. `from` and `to` are required.
#[utoipa::path(get, path = "/api/v1/reports/esf", tag = "monitoring", params(ReportQuery),
    responses((status = 200, body = EsfReport), Failures))]
async fn esf(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<ReportQuery>,
) -> Result<Json<EsfReport>, ApiError> {
    api.check(state.app.esf_report(&api.user, &query).await).map(Json)
}

/// The research dataset for the impact evaluation (network coordinators and
/// admins): the persons who consented to research use and entered the chain
/// in the period, one row each under a pseudonym drawn for this export, the
/// quasi-identifiers (age band, nationality, sex, region, month of entry)
/// generalised until every combination occurs at least `k` times (default
/// 5), the rows of smaller groups suppressed; `anonymisation` says what was
/// done. Each export is audited.
#[utoipa::path(get, path = "/api/v1/research/export", tag = "monitoring", params(ReportQuery, AnonymityQuery),
    responses((status = 200, body = ResearchExport), Failures))]
async fn research(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<ReportQuery>,
    QueryParams(anonymity): QueryParams<AnonymityQuery>,
) -> Result<Json<ResearchExport>, ApiError> {
    api.check(state.app.research_export(&api.user, &query, anonymity).await)
        .map(Json)
}

/// How many days each step of the referral chain should take at most in a
/// region (from the step before it): what its coordinators set, or the
/// defaults. Admins and network coordinators name the region.
#[utoipa::path(get, path = "/api/v1/monitoring/targets", tag = "monitoring", params(TargetsQuery),
    responses((status = 200, body = RegionTargets), Failures))]
async fn targets(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<TargetsQuery>,
) -> Result<Json<RegionTargets>, ApiError> {
    api.check(state.app.step_targets(&api.user, query).await)
        .map(Json)
}

/// Sets some of a region's targets (its coordinators, or admins): 1 to 3650
/// days; the screening has none. Audited.
#[utoipa::path(put, path = "/api/v1/monitoring/targets", tag = "monitoring", params(TargetsQuery),
    request_body = TargetsInput, responses((status = 200, body = RegionTargets), Failures))]
async fn set_targets(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<TargetsQuery>,
    Body(input): Body<TargetsInput>,
) -> Result<Json<RegionTargets>, ApiError> {
    api.check(state.app.set_step_targets(&api.user, query, &input).await)
        .map(Json)
}
