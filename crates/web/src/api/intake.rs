//! Persons, first contacts and screenings.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use soleil_app::AppError;
use soleil_app::intake::{ContactInput, PersonFile, ScreeningInput};
use soleil_domain::{FirstProfileInput, Person, PersonId, PersonInput, Screening, ScreeningId};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::identity::possible_duplicates;
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

/// A person to record, and the operator's word that none of the possible
/// matches shown is the person.
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
struct NewPersonBody {
    #[serde(flatten)]
    person: PersonInput,
    /// Record a new person although possible matches exist: the operator saw
    /// them and none is the person. Without it such a person is refused with
    /// 409 `possible_duplicates` and the matches.
    #[serde(default)]
    confirm_new_person: bool,
}

/// Records a person, or an anonymous contact (`anonymous: true` and an `alias`).
/// Possible duplicates the caller may see answer 409 `possible_duplicates`
/// with `error.matches`; send again with `confirm_new_person: true`.
#[utoipa::path(post, path = "/api/v1/persons", tag = "intake", request_body = NewPersonBody,
    responses((status = 201, body = Person), Failures))]
async fn create_person(
    api: Api,
    State(state): State<AppState>,
    Body(input): Body<NewPersonBody>,
) -> Result<Response, ApiError> {
    match state
        .app
        .create_person(&api.user, &input.person, input.confirm_new_person)
        .await
    {
        Err(AppError::PossibleDuplicates(report)) => Ok(possible_duplicates(api.lang, *report)),
        result => Ok((StatusCode::CREATED, Json(api.check(result)?)).into_response()),
    }
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
    /// Possible duplicates outside the caller's view were found: the
    /// secretariat will reconcile them.
    secretariat_will_reconcile: bool,
}

/// Records a first contact in one step: the person and the screening,
/// kept as a draft or sent to the secretariat (`send: true`). Possible
/// duplicates the caller may see answer 409 `possible_duplicates` with
/// `error.matches`; send again with `confirm_new_person: true`.
#[utoipa::path(post, path = "/api/v1/contacts", tag = "intake", request_body = ContactInput,
    responses((status = 201, body = Contact), Failures))]
async fn create_contact(
    api: Api,
    State(state): State<AppState>,
    Body(input): Body<ContactInput>,
) -> Result<Response, ApiError> {
    match state.app.record_contact_with_report(&api.user, &input).await {
        Err(AppError::PossibleDuplicates(report)) => Ok(possible_duplicates(api.lang, *report)),
        result => {
            let recorded = api.check(result)?;
            let contact = Contact {
                person: recorded.person,
                screening: recorded.screening,
                secretariat_will_reconcile: recorded.secretariat_will_reconcile,
            };
            Ok((StatusCode::CREATED, Json(contact)).into_response())
        }
    }
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
