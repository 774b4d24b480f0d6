//! Regions, organisations, users and the caller's own account.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use soleil_app::accounts::UserInput;
use soleil_app::network::OrganisationInput;
use soleil_domain::{Organisation, OrganisationId, OrganisationKind, Region, RegionCode, Role, User, UserId};
use soleil_store::network::{OrganisationFilter, UserFilter};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Body, Failures, Paged, Paging, PathParams, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(regions))
        .routes(routes!(me))
        .routes(routes!(organisations, create_organisation))
        .routes(routes!(organisation))
        .routes(routes!(users, create_user))
        .routes(routes!(user, update_user))
}

/// The regions of the network.
#[utoipa::path(get, path = "/api/v1/regions", tag = "network",
    responses((status = 200, body = Vec<Region>), Failures))]
async fn regions(api: Api, State(state): State<AppState>) -> Result<Json<Vec<Region>>, ApiError> {
    api.check(state.app.regions(&api.user)).map(Json)
}

/// The caller's own account.
#[utoipa::path(get, path = "/api/v1/me", tag = "network", responses((status = 200, body = User), Failures))]
async fn me(api: Api) -> Json<User> {
    Json(api.user)
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct OrganisationQuery {
    region: Option<RegionCode>,
    kind: Option<OrganisationKind>,
    /// Part of the name.
    q: Option<String>,
}

/// Organisations of the network, by region and name.
#[utoipa::path(get, path = "/api/v1/organisations", tag = "network", params(OrganisationQuery, Paging),
    responses((status = 200, body = Paged<Organisation>), Failures))]
async fn organisations(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<OrganisationQuery>,
    QueryParams(paging): QueryParams<Paging>,
) -> Result<Json<Paged<Organisation>>, ApiError> {
    let filter = OrganisationFilter {
        region: query.region,
        kind: query.kind,
        search: query.q,
    };
    let page = paging.page();
    api.check(state.app.organisations(&api.user, &filter, page).await)
        .map(|list| Paged::new(list, page))
}

/// Registers an organisation (admins).
#[utoipa::path(post, path = "/api/v1/organisations", tag = "network", request_body = OrganisationInput,
    responses((status = 201, body = Organisation), Failures))]
async fn create_organisation(
    api: Api,
    State(state): State<AppState>,
    Body(input): Body<OrganisationInput>,
) -> Result<(StatusCode, Json<Organisation>), ApiError> {
    let organisation = api.check(state.app.create_organisation(&api.user, &input).await)?;
    Ok((StatusCode::CREATED, Json(organisation)))
}

#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "network", params(("id" = OrganisationId, Path)),
    responses((status = 200, body = Organisation), Failures))]
async fn organisation(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<OrganisationId>,
) -> Result<Json<Organisation>, ApiError> {
    api.check(state.app.organisation(&api.user, id).await).map(Json)
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct UserQuery {
    region: Option<RegionCode>,
    organisation: Option<OrganisationId>,
    role: Option<Role>,
    /// Part of the name or e-mail.
    q: Option<String>,
}

/// Users: all for admins; the caller's region for the secretariat and case managers.
#[utoipa::path(get, path = "/api/v1/users", tag = "network", params(UserQuery, Paging),
    responses((status = 200, body = Paged<User>), Failures))]
async fn users(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<UserQuery>,
    QueryParams(paging): QueryParams<Paging>,
) -> Result<Json<Paged<User>>, ApiError> {
    let filter = UserFilter {
        region: query.region,
        organisation: query.organisation,
        role: query.role,
        search: query.q,
    };
    let page = paging.page();
    api.check(state.app.users(&api.user, &filter, page).await)
        .map(|list| Paged::new(list, page))
}

/// Creates a user with a role in an organisation (admins).
#[utoipa::path(post, path = "/api/v1/users", tag = "network", request_body = UserInput,
    responses((status = 201, body = User), Failures))]
async fn create_user(
    api: Api,
    State(state): State<AppState>,
    Body(input): Body<UserInput>,
) -> Result<(StatusCode, Json<User>), ApiError> {
    let user = api.check(state.app.create_user(&api.user, &input).await)?;
    Ok((StatusCode::CREATED, Json(user)))
}

#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "network", params(("id" = UserId, Path)),
    responses((status = 200, body = User), Failures))]
async fn user(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<UserId>,
) -> Result<Json<User>, ApiError> {
    api.check(state.app.user(&api.user, id).await).map(Json)
}

#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
struct UserUpdate {
    /// False revokes the user's access at once.
    active: bool,
}

/// Turns a user's access on or off (admins).
#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "network", params(("id" = UserId, Path)),
    request_body = UserUpdate, responses((status = 200, body = User), Failures))]
async fn update_user(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<UserId>,
    Body(update): Body<UserUpdate>,
) -> Result<Json<User>, ApiError> {
    api.check(state.app.set_user_active(&api.user, id, update.active).await)
        .map(Json)
}
