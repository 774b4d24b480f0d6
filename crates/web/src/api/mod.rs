//! The JSON API under `/api/v1`, described by the OpenAPI document served at
//! `/api/openapi.json`. Handlers are thin: they read the request, call one
//! use case as the bearer-token user, and shape the answer.

mod cases;
mod courses;
mod directory;
mod directory_exchange;
mod documents;
pub(crate) mod employers;
mod identity;
mod instruments;
mod intake;
mod job_offers;
mod measures;
mod monitoring;
mod network;
mod oversight;
mod participants;
mod places;
mod plans;
mod reference;
mod referrals;
mod work_placements;

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use soleil_app::Page;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;

use crate::AppState;
use crate::auth::request_lang;
use crate::error::ApiError;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "SOLEIL API",
        description = "Case management and referral for the regional networks against labour exploitation. \
            Every call needs `Authorization: Bearer <token>` (`soleil token create --email ADDRESS`). \
            Errors answer `{\"error\": {\"code\", \"message\"}}` in the language of `Accept-Language`. \
            A query parameter is either left out or given a value: `?to=` is refused.",
        license(name = "AGPL-3.0-or-later")
    ),
    modifiers(&BearerAuth),
    components(schemas(crate::error::ErrorBody, crate::error::ErrorDetail, crate::error::FieldMessage)),
    security(("bearer" = [])),
    tags(
        (name = "network", description = "Regions, organisations and users"),
        (name = "instruments", description = "Screening instruments: versions and evaluation of answers"),
        (name = "intake", description = "Persons and screenings: the first contact"),
        (name = "cases", description = "The secretariat's queue, assessments and case states"),
        (name = "plans", description = "The personalised plan and its review"),
        (name = "oversight", description = "Audit log and aggregate statistics"),
        (name = "monitoring", description = "The referral chain measured: steps reached, time between steps, drop-out"),
        (name = "places", description = "Emergency places: declared by facilities, allocated by the secretariat"),
        (name = "referrals", description = "Referrals from a case to a service, answered and completed with feedback"),
        (name = "reference", description = "Reference data shipped with SOLEIL: the comuni of Italy (ISTAT), the codice fiscale"),
        (name = "documents", description = "Identity and stay documents of a person, and reminders before a permit expires"),
        (name = "identity", description = "One person, one record: possible duplicates, merges and their undo"),
        (name = "directory", description = "The services directory: who offers what, for whom, in which languages, where and when"),
    )
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Every API route, with its OpenAPI description.
pub fn router() -> OpenApiRouter<AppState> {
    let mut router = routes();
    refuse_empty_query_values(router.get_openapi_mut());
    monitoring::describe_figures(router.get_openapi_mut());
    router
}

/// Says in the document what [`QueryParams`] enforces: a text query
/// parameter, when given, is not empty.
fn refuse_empty_query_values(openapi: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::RefOr;
    use utoipa::openapi::path::ParameterIn;
    use utoipa::openapi::schema::{Schema, SchemaType, Type};

    let is_text = |schema_type: &SchemaType| match schema_type {
        SchemaType::Type(t) => *t == Type::String,
        SchemaType::Array(types) => types.contains(&Type::String),
        SchemaType::AnyValue => false,
    };
    for item in openapi.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ];
        for operation in operations.into_iter().flatten() {
            for parameter in operation.parameters.iter_mut().flatten() {
                if let (ParameterIn::Query, Some(RefOr::T(Schema::Object(object)))) =
                    (&parameter.parameter_in, &mut parameter.schema)
                    && is_text(&object.schema_type)
                {
                    object.min_length.get_or_insert(1);
                }
            }
        }
    }
}

fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(network::routes())
        .merge(instruments::routes())
        .merge(intake::routes())
        .merge(cases::routes())
        .merge(plans::routes())
        .merge(oversight::routes())
        .merge(monitoring::routes())
        .merge(participants::routes())
        .merge(places::routes())
        .merge(referrals::routes())
        .merge(reference::routes())
        .merge(directory::routes())
        .merge(directory_exchange::routes())
        .merge(identity::routes())
        .merge(documents::routes())
        .merge(courses::routes())
        .merge(measures::routes())
        .merge(employers::routes())
        .merge(job_offers::routes())
        .merge(work_placements::routes())
}

/// A JSON object for a body; unreadable JSON gets the API's error body,
/// not axum's text.
///
/// Anything but an object is refused: serde would otherwise read a struct
/// from an array of its fields in order, so `[null, null]` would pass for
/// an answer the client never named.
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        json_of(request, state, Shape::Object).await.map(Self)
    }
}

/// A JSON array for a body: a list of lines, each read as `T`.
pub struct ListBody<T>(pub Vec<T>);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ListBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        json_of(request, state, Shape::Array).await.map(Self)
    }
}

/// What a JSON body must be.
#[derive(Clone, Copy)]
enum Shape {
    Object,
    Array,
}

/// The request's body read as `T`, refused with the API's error body when
/// it is not JSON (415 without a JSON content type) or not of `shape`.
async fn json_of<S: Send + Sync, T: DeserializeOwned>(
    request: Request,
    state: &S,
    shape: Shape,
) -> Result<T, ApiError> {
    let lang = request_lang(request.headers());
    let value = match axum::Json::<serde_json::Value>::from_request(request, state).await {
        Ok(axum::Json(value)) => value,
        Err(rejection) => {
            let mut error = ApiError::bad_request(lang, &rejection.body_text());
            if rejection.status() == StatusCode::UNSUPPORTED_MEDIA_TYPE {
                error.status = StatusCode::UNSUPPORTED_MEDIA_TYPE;
            }
            return Err(error);
        }
    };
    let (fits, expected) = match shape {
        Shape::Object => (value.is_object(), "Expected a JSON object."),
        Shape::Array => (value.is_array(), "Expected a JSON array."),
    };
    if !fits {
        return Err(ApiError::bad_request(lang, expected));
    }
    serde_json::from_value(value).map_err(|error| ApiError::bad_request(lang, &error.to_string()))
}

/// Path parameters, with the API's error body when they do not parse.
pub struct PathParams<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for PathParams<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let lang = request_lang(&parts.headers);
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| Self(p.0))
            .map_err(|rejection| {
                let mut error = ApiError::bad_request(lang, &rejection.body_text());
                error.status = StatusCode::BAD_REQUEST;
                error
            })
    }
}

/// Query parameters, with the API's error body when they do not parse.
///
/// A parameter named with no value (`?to=`) is refused rather than read as
/// absent: in an API that is a client's mistake, and taking it for "no
/// filter" would widen what the answer shows.
pub struct QueryParams<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for QueryParams<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let lang = request_lang(&parts.headers);
        let query = parts.uri.query().unwrap_or_default();
        if let Some((name, _)) = form_urlencoded::parse(query.as_bytes()).find(|(_, value)| value.is_empty())
        {
            let message = lang.t1("error-empty_query_parameter", "name", name.as_ref());
            return Err(ApiError::new(StatusCode::BAD_REQUEST, "invalid_request", message));
        }
        serde_html_form::from_str(query)
            .map(Self)
            .map_err(|e| ApiError::bad_request(lang, &e.to_string()))
    }
}

/// Which page of a list to return.
#[derive(Debug, Clone, Copy, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(try_from = "RawPaging")]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// From 1.
    #[param(minimum = 1, maximum = 1_000_000)]
    page: Option<u32>,
    /// From 1 to 200; 25 when absent.
    #[param(minimum = 1, maximum = 200)]
    per_page: Option<u32>,
}

#[derive(serde::Deserialize)]
struct RawPaging {
    page: Option<u32>,
    per_page: Option<u32>,
}

impl TryFrom<RawPaging> for Paging {
    type Error = String;

    fn try_from(raw: RawPaging) -> Result<Self, String> {
        if raw.page.is_some_and(|n| !(1..=1_000_000).contains(&n)) {
            return Err("page counts from 1 to 1000000".into());
        }
        if raw.per_page.is_some_and(|n| !(1..=Page::MAX_SIZE).contains(&n)) {
            return Err(format!("per_page must be between 1 and {}", Page::MAX_SIZE));
        }
        Ok(Self {
            page: raw.page,
            per_page: raw.per_page,
        })
    }
}

impl Paging {
    pub fn page(self) -> Page {
        Page::new(
            self.page.unwrap_or(1).saturating_sub(1),
            self.per_page.unwrap_or(25),
        )
    }
}

/// One page of a list, with the total for paging.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

impl<T> Paged<T> {
    pub fn new((items, total): (Vec<T>, i64), page: Page) -> axum::Json<Self> {
        axum::Json(Self {
            items,
            total,
            page: page.number + 1,
            per_page: page.size,
        })
    }
}

/// The errors every authenticated call may answer, for the OpenAPI document.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)]
pub enum Failures {
    /// The request could not be read: malformed JSON, a bad id or query.
    #[response(status = 400)]
    BadRequest(crate::error::ErrorBody),
    /// No valid bearer token.
    #[response(status = 401)]
    Unauthenticated(crate::error::ErrorBody),
    /// The caller's role may not do this, or not on this record.
    #[response(status = 403)]
    Forbidden(crate::error::ErrorBody),
    /// No such record, or not visible to the caller.
    #[response(status = 404)]
    NotFound(crate::error::ErrorBody),
    /// The body is not `application/json`.
    #[response(status = 415)]
    UnsupportedMediaType(crate::error::ErrorBody),
    /// The record's state does not allow this now; `allowed` names what does.
    #[response(status = 409)]
    Conflict(crate::error::ErrorBody),
    /// The input breaks a rule; `fields` says which and why.
    #[response(status = 422)]
    Invalid(crate::error::ErrorBody),
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    fn document() -> Value {
        let openapi = super::router().into_openapi();
        serde_json::to_value(&openapi).unwrap_or_default()
    }

    /// Every `$ref` under `value`, with where it was found.
    fn references<'a>(value: &'a Value, at: &str, found: &mut Vec<(String, &'a str)>) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map {
                    match (key.as_str(), inner) {
                        ("$ref", Value::String(target)) => found.push((at.to_owned(), target)),
                        _ => references(inner, &format!("{at}/{key}"), found),
                    }
                }
            }
            Value::Array(items) => {
                for (i, inner) in items.iter().enumerate() {
                    references(inner, &format!("{at}/{i}"), found);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_reference_of_the_document_resolves() {
        let document = document();
        let mut found = Vec::new();
        references(&document, "", &mut found);
        assert!(!found.is_empty());
        let dangling: Vec<_> = found
            .iter()
            .filter(|(_, target)| {
                let name = target.trim_start_matches("#/components/schemas/");
                document["components"]["schemas"][name].is_null()
            })
            .collect();
        assert!(dangling.is_empty(), "unresolvable: {dangling:?}");
    }

    #[test]
    fn path_parameters_are_in_their_path_and_text_query_parameters_are_not_empty() {
        let document = document();
        let paths = document["paths"].as_object().cloned().unwrap_or_default();
        assert!(paths.len() > 100);
        for (path, item) in &paths {
            for (method, operation) in item.as_object().into_iter().flatten() {
                for parameter in operation["parameters"].as_array().into_iter().flatten() {
                    let name = parameter["name"].as_str().unwrap_or_default();
                    match parameter["in"].as_str() {
                        Some("path") => assert!(
                            path.contains(&format!("{{{name}}}")),
                            "{method} {path}: `{name}` is declared in the path"
                        ),
                        Some("query") if parameter["schema"]["type"].to_string().contains("string") => {
                            assert!(
                                parameter["schema"]["minLength"].as_u64() >= Some(1),
                                "{method} {path}: `{name}` may be empty"
                            );
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}
