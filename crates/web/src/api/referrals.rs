//! Referrals from a case to a service of the network, with a closed loop:
//! accepted or declined, then completed with feedback.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use soleil_app::referrals::{ReferralFile, ReferralItem, ReferralQuery, ReferralStatistics, StatisticsQuery};
use soleil_domain::referral::{ReferralAnswer, ReferralInput};
use soleil_domain::{CaseId, ReferralId, ReferralState};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Body, Failures, PathParams, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(case_referrals, send))
        .routes(routes!(referrals))
        .routes(routes!(referral))
        .routes(routes!(accept))
        .routes(routes!(decline))
        .routes(routes!(complete))
        .routes(routes!(cancel))
        .routes(routes!(statistics))
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct ReferralListQuery {
    /// `true`: only those past their due date and still open.
    overdue: Option<bool>,
    state: Option<ReferralState>,
}

/// The referrals of a case, newest first.
#[utoipa::path(get, path = "/api/v1/cases/{id}/referrals", tag = "referrals", params(("id" = CaseId, Path)),
    responses((status = 200, body = Vec<ReferralItem>), Failures))]
async fn case_referrals(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
) -> Result<Json<Vec<ReferralItem>>, ApiError> {
    api.check(state.app.case_referrals(&api.user, id).await).map(Json)
}

/// Refers the person to a service of the region (the case manager or the
/// secretariat). Without the person's consent: 422 `consent_required`.
#[utoipa::path(post, path = "/api/v1/cases/{id}/referrals", tag = "referrals", params(("id" = CaseId, Path)),
    request_body = ReferralInput, responses((status = 201, body = ReferralItem), Failures))]
async fn send(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
    Body(input): Body<ReferralInput>,
) -> Result<(StatusCode, Json<ReferralItem>), ApiError> {
    let referral = api.check(state.app.send_referral(&api.user, id, &input).await)?;
    Ok((StatusCode::CREATED, Json(referral)))
}

/// The caller's referrals: the secretariat's region, the case manager's
/// cases, the service's incoming ones.
#[utoipa::path(get, path = "/api/v1/referrals", tag = "referrals", params(ReferralListQuery),
    responses((status = 200, body = Vec<ReferralItem>), Failures))]
async fn referrals(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<ReferralListQuery>,
) -> Result<Json<Vec<ReferralItem>>, ApiError> {
    let query = ReferralQuery {
        overdue: query.overdue,
        state: query.state,
    };
    api.check(state.app.referrals(&api.user, &query).await).map(Json)
}

/// One referral with only the case data it shares.
#[utoipa::path(get, path = "/api/v1/referrals/{id}", tag = "referrals", params(("id" = ReferralId, Path)),
    responses((status = 200, body = ReferralFile), Failures))]
async fn referral(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<ReferralId>,
) -> Result<Json<ReferralFile>, ApiError> {
    api.check(state.app.referral(&api.user, id).await).map(Json)
}

/// The receiving service accepts. Answered meanwhile: 409 `referral_changed_meanwhile`.
#[utoipa::path(post, path = "/api/v1/referrals/{id}/accept", tag = "referrals", params(("id" = ReferralId, Path)),
    responses((status = 200, body = ReferralItem), Failures))]
async fn accept(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<ReferralId>,
) -> Result<Json<ReferralItem>, ApiError> {
    api.check(state.app.accept_referral(&api.user, id).await)
        .map(Json)
}

/// The receiving service declines, with a `reason`.
#[utoipa::path(post, path = "/api/v1/referrals/{id}/decline", tag = "referrals", params(("id" = ReferralId, Path)),
    request_body = ReferralAnswer, responses((status = 200, body = ReferralItem), Failures))]
async fn decline(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<ReferralId>,
    Body(input): Body<ReferralAnswer>,
) -> Result<Json<ReferralItem>, ApiError> {
    api.check(state.app.decline_referral(&api.user, id, &input).await)
        .map(Json)
}

/// The receiving service completes an accepted referral, with `feedback`.
#[utoipa::path(post, path = "/api/v1/referrals/{id}/complete", tag = "referrals", params(("id" = ReferralId, Path)),
    request_body = ReferralAnswer, responses((status = 200, body = ReferralItem), Failures))]
async fn complete(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<ReferralId>,
    Body(input): Body<ReferralAnswer>,
) -> Result<Json<ReferralItem>, ApiError> {
    api.check(state.app.complete_referral(&api.user, id, &input).await)
        .map(Json)
}

/// The sender withdraws a referral not answered yet (optional `reason`).
#[utoipa::path(post, path = "/api/v1/referrals/{id}/cancel", tag = "referrals", params(("id" = ReferralId, Path)),
    request_body = ReferralAnswer, responses((status = 200, body = ReferralItem), Failures))]
async fn cancel(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<ReferralId>,
    Body(input): Body<ReferralAnswer>,
) -> Result<Json<ReferralItem>, ApiError> {
    api.check(state.app.cancel_referral(&api.user, id, &input).await)
        .map(Json)
}

/// Referrals per receiving organisation: sent, accepted, declined,
/// completed, overdue and the mean hours to an answer; of one region (admins
/// choose it) and of the referrals sent in a period, when given.
#[utoipa::path(get, path = "/api/v1/statistics/referrals", tag = "referrals", params(StatisticsQuery),
    responses((status = 200, body = ReferralStatistics), Failures))]
async fn statistics(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<StatisticsQuery>,
) -> Result<Json<ReferralStatistics>, ApiError> {
    api.check(state.app.referral_statistics(&api.user, &query).await)
        .map(Json)
}
