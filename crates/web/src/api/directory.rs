//! The services directory: search, read, and keep an organisation's
//! services. It holds no personal data; everyone signed in reads it.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use soleil_app::directory::{ServiceFile, ServiceHit, ServiceSearch};
use soleil_domain::directory::{Service, ServiceId, ServiceInput};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Body, Failures, Paged, Paging, PathParams, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(search, create))
        .routes(routes!(service, update))
}

/// Locations of services that meet every criterion given, one hit each (a
/// service without locations is one hit, listed only when no place is
/// asked for). With `near` or `near_location`, nearest first; else by
/// relevance to `text`, then by name. A criterion that cannot be read
/// answers 422 naming it.
#[utoipa::path(get, path = "/api/v1/services", tag = "directory", params(ServiceSearch, Paging),
    responses((status = 200, body = Paged<ServiceHit>), Failures))]
async fn search(
    api: Api,
    State(state): State<AppState>,
    QueryParams(search): QueryParams<ServiceSearch>,
    QueryParams(paging): QueryParams<Paging>,
) -> Result<Json<Paged<ServiceHit>>, ApiError> {
    let query = api.check(search.parse(chrono::Utc::now()).map_err(Into::into))?;
    let page = paging.page();
    let found = api.check(state.app.search_services(&api.user, &query, page).await)?;
    Ok(Paged::new(found, page))
}

/// One service with its locations and hours, its organisation's name and
/// the names of its comuni.
#[utoipa::path(get, path = "/api/v1/services/{id}", tag = "directory", params(("id" = ServiceId, Path)),
    responses((status = 200, body = ServiceFile), Failures))]
async fn service(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<ServiceId>,
) -> Result<Json<ServiceFile>, ApiError> {
    api.check(state.app.service(&api.user, id).await).map(Json)
}

/// Adds a service of an organisation (its own staff, the secretariat of
/// its region, admins). Comuni are ISTAT codes; nested mistakes are named
/// by path, e.g. `locations[0].hours[1].closes`.
#[utoipa::path(post, path = "/api/v1/services", tag = "directory", request_body = ServiceInput,
    responses((status = 201, body = Service), Failures))]
async fn create(
    api: Api,
    State(state): State<AppState>,
    Body(input): Body<ServiceInput>,
) -> Result<(StatusCode, Json<Service>), ApiError> {
    let service = api.check(state.app.create_service(&api.user, &input).await)?;
    Ok((StatusCode::CREATED, Json(service)))
}

/// Overwrites a service. Give a location's `id` to keep it (and its
/// links); locations left out are removed.
#[utoipa::path(put, path = "/api/v1/services/{id}", tag = "directory", params(("id" = ServiceId, Path)),
    request_body = ServiceInput, responses((status = 200, body = Service), Failures))]
async fn update(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<ServiceId>,
    Body(input): Body<ServiceInput>,
) -> Result<Json<Service>, ApiError> {
    api.check(state.app.update_service(&api.user, id, &input).await)
        .map(Json)
}
