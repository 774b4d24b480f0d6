//! Emergency places: declared by facilities, allocated to cases by the
//! regional secretariat.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use soleil_app::places::{PlaceFile, PlaceUpdate};
use soleil_domain::place::{AllocationInput, PlaceInput, ReleaseInput, TransferInput};
use soleil_domain::{
    CaseId, OrganisationId, Place, PlaceAllocation, PlaceAllocationId, PlaceId, PlaceKind, RegionCode,
};
use soleil_store::places::{AllocationView, PlaceFilter, PlaceView};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Body, Failures, PathParams, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(places, declare_place))
        .routes(routes!(place, update_place))
        .routes(routes!(case_places, allocate))
        .routes(routes!(release))
        .routes(routes!(transfer))
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct PlaceQuery {
    region: Option<RegionCode>,
    /// Only the places of this facility.
    organisation: Option<OrganisationId>,
    kind: Option<PlaceKind>,
    accessible: Option<bool>,
    /// `true`: only free places; `false`: only allocated ones.
    free: Option<bool>,
    /// Withdrawn places too.
    #[serde(default)]
    include_inactive: bool,
}

/// Places the caller may see (the secretariat: its region; a facility: its
/// own), by facility, kind and label, each with the allocation in force.
#[utoipa::path(get, path = "/api/v1/places", tag = "places", params(PlaceQuery),
    responses((status = 200, body = Vec<PlaceView>), Failures))]
async fn places(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<PlaceQuery>,
) -> Result<Json<Vec<PlaceView>>, ApiError> {
    let filter = PlaceFilter {
        region: query.region,
        organisation: query.organisation,
        kind: query.kind,
        accessible: query.accessible,
        free: query.free,
        include_inactive: query.include_inactive,
    };
    api.check(state.app.places(&api.user, &filter).await).map(Json)
}

/// Declares a place of a facility (admins, and the facility's own users).
#[utoipa::path(post, path = "/api/v1/places", tag = "places", request_body = PlaceInput,
    responses((status = 201, body = Place), Failures))]
async fn declare_place(
    api: Api,
    State(state): State<AppState>,
    Body(input): Body<PlaceInput>,
) -> Result<(StatusCode, Json<Place>), ApiError> {
    let place = api.check(state.app.declare_place(&api.user, &input).await)?;
    Ok((StatusCode::CREATED, Json(place)))
}

/// A place with every allocation it has had, newest first.
#[utoipa::path(get, path = "/api/v1/places/{id}", tag = "places", params(("id" = PlaceId, Path)),
    responses((status = 200, body = PlaceFile), Failures))]
async fn place(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<PlaceId>,
) -> Result<Json<PlaceFile>, ApiError> {
    api.check(state.app.place(&api.user, id).await).map(Json)
}

/// Withdraws a place (not while allocated) or offers it again.
#[utoipa::path(patch, path = "/api/v1/places/{id}", tag = "places", params(("id" = PlaceId, Path)),
    request_body = PlaceUpdate, responses((status = 200, body = PlaceView), Failures))]
async fn update_place(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<PlaceId>,
    Body(input): Body<PlaceUpdate>,
) -> Result<Json<PlaceView>, ApiError> {
    api.check(state.app.set_place_active(&api.user, id, input.active).await)
        .map(Json)
}

/// The places a case has had, newest first.
#[utoipa::path(get, path = "/api/v1/cases/{id}/places", tag = "places", params(("id" = CaseId, Path)),
    responses((status = 200, body = Vec<AllocationView>), Failures))]
async fn case_places(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
) -> Result<Json<Vec<AllocationView>>, ApiError> {
    api.check(state.app.case_places(&api.user, id).await).map(Json)
}

/// Allocates a free place of the case's region (the regional secretariat).
/// A place allocated meanwhile answers 409 `place_taken`.
#[utoipa::path(post, path = "/api/v1/cases/{id}/places", tag = "places", params(("id" = CaseId, Path)),
    request_body = AllocationInput, responses((status = 201, body = PlaceAllocation), Failures))]
async fn allocate(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
    Body(input): Body<AllocationInput>,
) -> Result<(StatusCode, Json<PlaceAllocation>), ApiError> {
    let allocation = api.check(state.app.allocate_place(&api.user, id, &input).await)?;
    Ok((StatusCode::CREATED, Json(allocation)))
}

/// Ends an allocation: the place is free again.
#[utoipa::path(post, path = "/api/v1/cases/{id}/places/{allocation_id}/release", tag = "places",
    params(("id" = CaseId, Path), ("allocation_id" = PlaceAllocationId, Path)),
    request_body = ReleaseInput, responses((status = 200, body = PlaceAllocation), Failures))]
async fn release(
    api: Api,
    State(state): State<AppState>,
    PathParams((id, allocation)): PathParams<(CaseId, PlaceAllocationId)>,
    Body(input): Body<ReleaseInput>,
) -> Result<Json<PlaceAllocation>, ApiError> {
    api.check(state.app.release_place(&api.user, id, allocation, &input).await)
        .map(Json)
}

/// Moves the case to another place: releases this allocation and allocates
/// the new place in one transaction. Answers the new allocation.
#[utoipa::path(post, path = "/api/v1/cases/{id}/places/{allocation_id}/transfer", tag = "places",
    params(("id" = CaseId, Path), ("allocation_id" = PlaceAllocationId, Path)),
    request_body = TransferInput, responses((status = 201, body = PlaceAllocation), Failures))]
async fn transfer(
    api: Api,
    State(state): State<AppState>,
    PathParams((id, allocation)): PathParams<(CaseId, PlaceAllocationId)>,
    Body(input): Body<TransferInput>,
) -> Result<(StatusCode, Json<PlaceAllocation>), ApiError> {
    let allocation = api.check(state.app.transfer_place(&api.user, id, allocation, &input).await)?;
    Ok((StatusCode::CREATED, Json(allocation)))
}
