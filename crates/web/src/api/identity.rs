//! One person, one record: the intake check, the secretariat's possible
//! duplicates, merges and their undo.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use soleil_app::identity::{
    MatchReport, Merge, MergeId, MergeSummary, PairId, PairSummary, PairView, SweepReport,
};
use soleil_domain::{PersonId, PersonInput, RegionCode};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Body, Failures, Paged, Paging, PathParams, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;
use crate::i18n::Lang;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(possible_matches))
        .routes(routes!(pairs))
        .routes(routes!(pair))
        .routes(routes!(merge))
        .routes(routes!(distinct))
        .routes(routes!(merges))
        .routes(routes!(undo))
        .routes(routes!(sweep))
}

/// The refusal of a person who may already be recorded: the error body
/// with the possible matches the caller may see.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct PossibleDuplicatesBody {
    error: PossibleDuplicatesDetail,
}

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
struct PossibleDuplicatesDetail {
    /// `possible_duplicates`.
    code: String,
    message: String,
    matches: MatchReport,
}

/// 409 `possible_duplicates` with the matches: send again with
/// `confirm_new_person: true` if none of them is the person.
pub fn possible_duplicates(lang: Lang, report: MatchReport) -> Response {
    let body = PossibleDuplicatesBody {
        error: PossibleDuplicatesDetail {
            code: "possible_duplicates".into(),
            message: lang.error("possible_duplicates"),
            matches: report,
        },
    };
    (StatusCode::CONFLICT, Json(body)).into_response()
}

/// Persons already recorded who may be the person described, as the intake
/// form asks before recording: those the caller may see, with the
/// explanation; of the others only `hidden: true`.
#[utoipa::path(post, path = "/api/v1/persons/matches", tag = "identity", request_body = PersonInput,
    responses((status = 200, body = MatchReport), Failures))]
async fn possible_matches(
    api: Api,
    State(state): State<AppState>,
    Body(input): Body<PersonInput>,
) -> Result<Json<MatchReport>, ApiError> {
    api.check(state.app.possible_matches(&api.user, &input).await)
        .map(Json)
}

/// Open possible duplicates of the caller's region (every region for admins), best first.
#[utoipa::path(get, path = "/api/v1/identity/pairs", tag = "identity", params(Paging),
    responses((status = 200, body = Paged<PairSummary>), Failures))]
async fn pairs(
    api: Api,
    State(state): State<AppState>,
    QueryParams(paging): QueryParams<Paging>,
) -> Result<Json<Paged<PairSummary>>, ApiError> {
    let page = paging.page();
    api.check(state.app.identity_pairs(&api.user, page).await)
        .map(|list| Paged::new(list, page))
}

/// A possible duplicate side by side, with the explanation field by field.
#[utoipa::path(get, path = "/api/v1/identity/pairs/{id}", tag = "identity", params(("id" = PairId, Path)),
    responses((status = 200, body = PairView), Failures))]
async fn pair(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<PairId>,
) -> Result<Json<PairView>, ApiError> {
    api.check(state.app.identity_pair(&api.user, id).await).map(Json)
}

#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
struct MergeInput {
    /// The record that stays: one of the pair's two persons.
    survivor: PersonId,
}

/// Merges the pair into the survivor, who takes every screening and case.
#[utoipa::path(post, path = "/api/v1/identity/pairs/{id}/merge", tag = "identity",
    params(("id" = PairId, Path)), request_body = MergeInput, responses((status = 200, body = Merge), Failures))]
async fn merge(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<PairId>,
    Body(input): Body<MergeInput>,
) -> Result<Json<Merge>, ApiError> {
    api.check(state.app.merge_pair(&api.user, id, input.survivor).await)
        .map(Json)
}

/// The two persons are different people: the pair is never proposed again.
#[utoipa::path(post, path = "/api/v1/identity/pairs/{id}/distinct", tag = "identity",
    params(("id" = PairId, Path)), responses((status = 204), Failures))]
async fn distinct(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<PairId>,
) -> Result<StatusCode, ApiError> {
    api.check(state.app.mark_distinct(&api.user, id).await)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Merges in force of the caller's region (every region for admins), newest first.
#[utoipa::path(get, path = "/api/v1/identity/merges", tag = "identity", params(Paging),
    responses((status = 200, body = Paged<MergeSummary>), Failures))]
async fn merges(
    api: Api,
    State(state): State<AppState>,
    QueryParams(paging): QueryParams<Paging>,
) -> Result<Json<Paged<MergeSummary>>, ApiError> {
    let page = paging.page();
    api.check(state.app.merges(&api.user, page).await)
        .map(|list| Paged::new(list, page))
}

/// Undoes a merge: exactly the rows it moved go back to the merged person.
#[utoipa::path(post, path = "/api/v1/identity/merges/{id}/undo", tag = "identity",
    params(("id" = MergeId, Path)), responses((status = 200, body = Merge), Failures))]
async fn undo(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<MergeId>,
) -> Result<Json<Merge>, ApiError> {
    api.check(state.app.undo_merge(&api.user, id).await).map(Json)
}

#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
struct SweepInput {
    /// The region to sweep: the secretariat's own when absent; admins name one.
    region: Option<RegionCode>,
}

/// Looks for possible duplicates among a region's persons and opens a pair
/// for each one not known yet (pairs marked distinct stay closed).
#[utoipa::path(post, path = "/api/v1/identity/sweep", tag = "identity", request_body = SweepInput,
    responses((status = 200, body = SweepReport), Failures))]
async fn sweep(
    api: Api,
    State(state): State<AppState>,
    Body(input): Body<SweepInput>,
) -> Result<Json<SweepReport>, ApiError> {
    api.check(state.app.sweep_region(&api.user, input.region).await)
        .map(Json)
}
