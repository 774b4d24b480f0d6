//! Persons, first contacts and screenings.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use soleil_app::intake::{ContactInput, PersonFile, ScreeningInput};
use soleil_domain::{FirstProfileInput, Person, PersonId, PersonInput, Screening, ScreeningId};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Body, Failures, Paged, Paging, PathParams, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(persons, create_person))
        .routes(routes!(person))
        .routes(routes!(create_contact))
        .routes(routes!(create_screening))
        .routes(routes!(screening, update_screening))
        .routes(routes!(send_screening))
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct PersonQuery {
    /// Part of a name, alias or phone number.
    q: Option<String>,
}

/// Persons the caller may see, newest first.
#[utoipa::path(get, path = "/api/v1/persons", tag = "intake", params(PersonQuery, Paging),
    responses((status = 200, body = Paged<Person>), Failures))]
async fn persons(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<PersonQuery>,
    QueryParams(paging): QueryParams<Paging>,
) -> Result<Json<Paged<Person>>, ApiError> {
    let page = paging.page();
    api.check(state.app.persons(&api.user, query.q.as_deref(), page).await)
        .map(|list| Paged::new(list, page))
}

/// Records a person, or an anonymous contact (`anonymous: true` and an `alias`).
#[utoipa::path(post, path = "/api/v1/persons", tag = "intake", request_body = PersonInput,
    responses((status = 201, body = Person), Failures))]
async fn create_person(
    api: Api,
    State(state): State<AppState>,
    Body(input): Body<PersonInput>,
) -> Result<(StatusCode, Json<Person>), ApiError> {
    let person = api.check(state.app.create_person(&api.user, &input).await)?;
    Ok((StatusCode::CREATED, Json(person)))
}

/// A person's file: identity, screenings, and the cases the caller may see.
#[utoipa::path(get, path = "/api/v1/persons/{id}", tag = "intake", params(("id" = PersonId, Path)),
    responses((status = 200, body = PersonFile), Failures))]
async fn person(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<PersonId>,
) -> Result<Json<PersonFile>, ApiError> {
    api.check(state.app.person(&api.user, id).await).map(Json)
}

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
struct Contact {
    person: Person,
    screening: Screening,
}

/// Records a first contact in one step: the person and the screening,
/// kept as a draft or sent to the secretariat (`send: true`).
#[utoipa::path(post, path = "/api/v1/contacts", tag = "intake", request_body = ContactInput,
    responses((status = 201, body = Contact), Failures))]
async fn create_contact(
    api: Api,
    State(state): State<AppState>,
    Body(input): Body<ContactInput>,
) -> Result<(StatusCode, Json<Contact>), ApiError> {
    let (person, screening) = api.check(state.app.record_contact(&api.user, &input).await)?;
    Ok((StatusCode::CREATED, Json(Contact { person, screening })))
}

/// Adds a screening to a person.
#[utoipa::path(post, path = "/api/v1/screenings", tag = "intake", request_body = ScreeningInput,
    responses((status = 201, body = Screening), Failures))]
async fn create_screening(
    api: Api,
    State(state): State<AppState>,
    Body(input): Body<ScreeningInput>,
) -> Result<(StatusCode, Json<Screening>), ApiError> {
    let screening = api.check(state.app.create_screening(&api.user, &input).await)?;
    Ok((StatusCode::CREATED, Json(screening)))
}

#[utoipa::path(get, path = "/api/v1/screenings/{id}", tag = "intake", params(("id" = ScreeningId, Path)),
    responses((status = 200, body = Screening), Failures))]
async fn screening(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<ScreeningId>,
) -> Result<Json<Screening>, ApiError> {
    api.check(state.app.screening(&api.user, id).await).map(Json)
}

/// Replaces the facts of a screening that is still a draft.
#[utoipa::path(put, path = "/api/v1/screenings/{id}", tag = "intake", params(("id" = ScreeningId, Path)),
    request_body = FirstProfileInput, responses((status = 200, body = Screening), Failures))]
async fn update_screening(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<ScreeningId>,
    Body(input): Body<FirstProfileInput>,
) -> Result<Json<Screening>, ApiError> {
    api.check(state.app.update_screening(&api.user, id, &input).await)
        .map(Json)
}

/// Sends a draft screening to the regional secretariat; it opens a case.
#[utoipa::path(post, path = "/api/v1/screenings/{id}/send", tag = "intake", params(("id" = ScreeningId, Path)),
    responses((status = 200, body = Screening), Failures))]
async fn send_screening(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<ScreeningId>,
) -> Result<Json<Screening>, ApiError> {
    api.check(state.app.send_screening(&api.user, id).await).map(Json)
}
