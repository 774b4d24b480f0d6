//! Work placements and follow-ups, and the employer portal.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use soleil_app::work_placements::{EmployerPortal, PlacementDetail, PlacementQuery};
use soleil_domain::CaseId;
use soleil_domain::inclusion::work_placement::{
    FollowUp, FollowUpId, FollowUpInput, PlacementEndInput, WorkPlacement, WorkPlacementId,
    WorkPlacementInput,
};
use soleil_store::work_placements::{FollowUpView, PlacementView};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Body, Failures, Paged, Paging, PathParams, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(case_placements, record))
        .routes(routes!(placements))
        .routes(routes!(placement))
        .routes(routes!(end))
        .routes(routes!(due_follow_ups))
        .routes(routes!(record_follow_up))
        .routes(routes!(employer_portal))
}

/// The placements of a case, the latest start first.
#[utoipa::path(get, path = "/api/v1/cases/{id}/work-placements", tag = "work_placements",
    params(("id" = CaseId, Path)), responses((status = 200, body = Vec<PlacementView>), Failures))]
async fn case_placements(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
) -> Result<Json<Vec<PlacementView>>, ApiError> {
    let query = PlacementQuery {
        case: Some(id),
        ..PlacementQuery::default()
    };
    let page = soleil_store::Page::new(0, soleil_store::Page::MAX_SIZE);
    let (list, _) = api.check(state.app.work_placements(&api.user, &query, page).await)?;
    Ok(Json(list))
}

/// Records a placement of a case in inclusion (its manager or the region's
/// secretariat), with its follow-ups at 3, 6 and 12 months. Internships
/// need an end at most 12 months on and a tutor; apprenticeships a tutor
/// and at least 6 months; employment its contract type, and an end unless
/// permanent. A `proposal_id` becomes accepted; the offer is filled once
/// all its positions are. A case not in inclusion: 409 `case_not_in_inclusion`.
#[utoipa::path(post, path = "/api/v1/cases/{id}/work-placements", tag = "work_placements",
    params(("id" = CaseId, Path)), request_body = WorkPlacementInput,
    responses((status = 201, body = WorkPlacement), Failures))]
async fn record(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
    Body(input): Body<WorkPlacementInput>,
) -> Result<(StatusCode, Json<WorkPlacement>), ApiError> {
    let placement = api.check(state.app.record_work_placement(&api.user, id, &input).await)?;
    Ok((StatusCode::CREATED, Json(placement)))
}

/// The placements the caller may see: the region's for the secretariat,
/// their cases' for the case team, its own for an employer.
#[utoipa::path(get, path = "/api/v1/work-placements", tag = "work_placements", params(PlacementQuery, Paging),
    responses((status = 200, body = Paged<PlacementView>), Failures))]
async fn placements(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<PlacementQuery>,
    QueryParams(paging): QueryParams<Paging>,
) -> Result<Json<Paged<PlacementView>>, ApiError> {
    let page = paging.page();
    let list = api.check(state.app.work_placements(&api.user, &query, page).await)?;
    Ok(Paged::new(list, page))
}

/// One placement with its follow-ups (none shown to the employer).
#[utoipa::path(get, path = "/api/v1/work-placements/{id}", tag = "work_placements",
    params(("id" = WorkPlacementId, Path)), responses((status = 200, body = PlacementDetail), Failures))]
async fn placement(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<WorkPlacementId>,
) -> Result<Json<PlacementDetail>, ApiError> {
    api.check(state.app.work_placement(&api.user, id).await).map(Json)
}

/// Ends a placement with its date and reason. Ended already: 409 `placement_ended`.
#[utoipa::path(post, path = "/api/v1/work-placements/{id}/end", tag = "work_placements",
    params(("id" = WorkPlacementId, Path)), request_body = PlacementEndInput,
    responses((status = 200, body = WorkPlacement), Failures))]
async fn end(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<WorkPlacementId>,
    Body(input): Body<PlacementEndInput>,
) -> Result<Json<WorkPlacement>, ApiError> {
    api.check(state.app.end_work_placement(&api.user, id, &input).await)
        .map(Json)
}

/// The follow-ups due within two weeks or overdue: a case manager's own
/// cases, the region's for the secretariat.
#[utoipa::path(get, path = "/api/v1/follow-ups", tag = "work_placements",
    responses((status = 200, body = Vec<FollowUpView>), Failures))]
async fn due_follow_ups(
    api: Api,
    State(state): State<AppState>,
) -> Result<Json<Vec<FollowUpView>>, ApiError> {
    api.check(state.app.due_follow_ups(&api.user).await).map(Json)
}

/// Records a follow-up: still employed, with the same employer, under which
/// contract. More than 14 days before it falls: 422 `follow_up_not_due`;
/// recorded already: 409 `follow_up_recorded`.
#[utoipa::path(post, path = "/api/v1/follow-ups/{id}", tag = "work_placements",
    params(("id" = FollowUpId, Path)), request_body = FollowUpInput,
    responses((status = 200, body = FollowUp), Failures))]
async fn record_follow_up(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<FollowUpId>,
    Body(input): Body<FollowUpInput>,
) -> Result<Json<FollowUp>, ApiError> {
    api.check(state.app.record_follow_up(&api.user, id, &input).await)
        .map(Json)
}

/// The employer's own portal: its record, its open offers, the candidates
/// who consented to be proposed to it, and its placements.
#[utoipa::path(get, path = "/api/v1/employer-portal", tag = "work_placements",
    responses((status = 200, body = EmployerPortal), Failures))]
async fn employer_portal(api: Api, State(state): State<AppState>) -> Result<Json<EmployerPortal>, ApiError> {
    api.check(state.app.employer_portal(&api.user).await).map(Json)
}
