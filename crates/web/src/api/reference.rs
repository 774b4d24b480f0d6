//! Reference data: the comuni of Italy (ISTAT), for forms that ask where a
//! person lives or works, and the codice fiscale computed or checked with
//! the Belfiore codes of comuni and foreign states. The data ships with
//! SOLEIL (`soleil-reference`); the app only decides who may read it.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use soleil_app::reference::{CodiceFiscaleCheck, CodiceFiscaleInput, ComputedCodiceFiscale};
use soleil_domain::RegionCode;
use soleil_reference::Comune;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Failures, PathParams, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

/// Most comuni one search answers: enough to choose from while typing.
const MAX_LIMIT: usize = 50;
const DEFAULT_LIMIT: usize = 10;
/// Longer than any comune's name ("San Giovanni in Fiore"... ≈ 40 characters).
const MAX_QUERY_CHARS: usize = 100;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(comuni))
        .routes(routes!(comune))
        .routes(routes!(compute_codice_fiscale))
        .routes(routes!(check_codice_fiscale))
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[serde(try_from = "RawComuniQuery")]
#[into_params(parameter_in = Query)]
struct ComuniQuery {
    /// What the person typed: the start of the name or a part of it; case,
    /// accents and punctuation do not matter.
    #[param(min_length = 1, max_length = 100)]
    q: String,
    /// Only the comuni of this region of the network.
    region: Option<RegionCode>,
    /// From 1 to 50; 10 when absent.
    #[param(minimum = 1, maximum = 50)]
    limit: Option<usize>,
}

#[derive(serde::Deserialize)]
struct RawComuniQuery {
    q: Option<String>,
    region: Option<RegionCode>,
    limit: Option<usize>,
}

impl TryFrom<RawComuniQuery> for ComuniQuery {
    type Error = String;

    fn try_from(raw: RawComuniQuery) -> Result<Self, String> {
        let q = raw.q.unwrap_or_default().trim().to_owned();
        if q.is_empty() {
            return Err("q: type at least one letter of the comune's name".into());
        }
        if q.chars().count() > MAX_QUERY_CHARS {
            return Err(format!("q: at most {MAX_QUERY_CHARS} characters"));
        }
        if raw.limit.is_some_and(|n| !(1..=MAX_LIMIT).contains(&n)) {
            return Err(format!("limit must be between 1 and {MAX_LIMIT}"));
        }
        Ok(Self {
            q,
            region: raw.region,
            limit: raw.limit,
        })
    }
}

/// Comuni whose name starts with `q`, then those that contain it: for autocompletion.
#[utoipa::path(get, path = "/api/v1/comuni", tag = "reference", params(ComuniQuery),
    responses((status = 200, body = Vec<Comune>), Failures))]
async fn comuni(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<ComuniQuery>,
) -> Result<Json<Vec<&'static Comune>>, ApiError> {
    api.check(state.app.authorize_reference_data(&api.user))?;
    let region = query.region.map(RegionCode::istat_code);
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    Ok(Json(soleil_reference::find(&query.q, region, limit)))
}

/// One comune by its ISTAT code (six digits, e.g. `058091` for Roma).
#[utoipa::path(get, path = "/api/v1/comuni/{code}", tag = "reference",
    params(("code" = String, Path, pattern = "^[0-9]{6}$", description = "ISTAT code of the comune")),
    responses((status = 200, body = Comune), Failures))]
async fn comune(
    api: Api,
    State(state): State<AppState>,
    PathParams(code): PathParams<String>,
) -> Result<Json<&'static Comune>, ApiError> {
    api.check(state.app.authorize_reference_data(&api.user))?;
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ApiError::bad_request(
            api.lang,
            "the ISTAT code of a comune is six digits, e.g. 058091",
        ));
    }
    soleil_reference::comune(&code).map(Json).ok_or_else(|| {
        let message = format!("{} (ISTAT {code})", api.lang.error("not_found"));
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    })
}

/// The codice fiscale of a person, computed from their surname, given name,
/// sex, date and place of birth, as the Agenzia delle Entrate does (without
/// omocodia, which only it knows of): a suggestion to check against the card.
/// A place of birth that is unknown or names several places is a 422 on
/// `place_of_birth` (`unknown_birth_place`, `ambiguous_birth_place` with the candidates).
#[utoipa::path(get, path = "/api/v1/codice-fiscale", tag = "reference", params(CodiceFiscaleInput),
    responses((status = 200, body = ComputedCodiceFiscale), Failures))]
async fn compute_codice_fiscale(
    api: Api,
    State(state): State<AppState>,
    QueryParams(input): QueryParams<CodiceFiscaleInput>,
) -> Result<Json<ComputedCodiceFiscale>, ApiError> {
    api.check(state.app.compute_codice_fiscale(&api.user, &input))
        .map(Json)
}

/// Checks a codice fiscale (case and spaces do not matter) and decodes it:
/// `valid`, the `errors` when it is not, otherwise the date of birth, sex,
/// place of birth and omocodia level it holds. Always 200: an invalid code
/// is an answer, not a failure.
#[utoipa::path(get, path = "/api/v1/codice-fiscale/{code}", tag = "reference",
    params(("code" = String, Path, description = "The codice fiscale, 16 characters")),
    responses((status = 200, body = CodiceFiscaleCheck), Failures))]
async fn check_codice_fiscale(
    api: Api,
    State(state): State<AppState>,
    PathParams(code): PathParams<String>,
) -> Result<Json<CodiceFiscaleCheck>, ApiError> {
    api.check(state.app.check_codice_fiscale(&api.user, &code))
        .map(Json)
}
