//! The personalised plan of a case: drafting, review, agreement and actions.

use axum::Json;
use axum::extract::State;
use soleil_app::plans::{ActionUpdateInput, AgreementInput, PlanFile, ReviewInput};
use soleil_domain::{ActionId, Case, CaseId, Plan, PlanInput};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Body, Failures, PathParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(plan, save_plan))
        .routes(routes!(plan_version))
        .routes(routes!(submit_plan))
        .routes(routes!(review_plan))
        .routes(routes!(record_agreement))
        .routes(routes!(update_action))
}

/// The newest plan version in full, and the list of versions.
#[utoipa::path(get, path = "/api/v1/cases/{id}/plan", tag = "plans", params(("id" = CaseId, Path)),
    responses((status = 200, body = PlanFile), Failures))]
async fn plan(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
) -> Result<Json<PlanFile>, ApiError> {
    api.check(state.app.plan(&api.user, id).await).map(Json)
}

/// Saves the draft's needs and actions (the case manager). An approved
/// version is never changed: saving after approval starts a new version.
#[utoipa::path(put, path = "/api/v1/cases/{id}/plan", tag = "plans", params(("id" = CaseId, Path)),
    request_body = PlanInput, responses((status = 200, body = Plan), Failures))]
async fn save_plan(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
    Body(input): Body<PlanInput>,
) -> Result<Json<Plan>, ApiError> {
    api.check(state.app.save_plan(&api.user, id, &input).await)
        .map(Json)
}

#[utoipa::path(get, path = "/api/v1/cases/{id}/plan/versions/{version}", tag = "plans",
    params(("id" = CaseId, Path), ("version" = i32, Path)),
    responses((status = 200, body = Plan), Failures))]
async fn plan_version(
    api: Api,
    State(state): State<AppState>,
    PathParams((id, version)): PathParams<(CaseId, i32)>,
) -> Result<Json<Plan>, ApiError> {
    api.check(state.app.plan_version(&api.user, id, version).await)
        .map(Json)
}

/// Puts the draft to the zonal working group; the case goes to plan review.
#[utoipa::path(post, path = "/api/v1/cases/{id}/plan/submit", tag = "plans", params(("id" = CaseId, Path)),
    responses((status = 200, body = Case), Failures))]
async fn submit_plan(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
) -> Result<Json<Case>, ApiError> {
    api.check(state.app.submit_plan(&api.user, id).await).map(Json)
}

/// A reviewer comments, approves or asks for changes.
#[utoipa::path(post, path = "/api/v1/cases/{id}/plan/reviews", tag = "plans", params(("id" = CaseId, Path)),
    request_body = ReviewInput, responses((status = 200, body = Plan), Failures))]
async fn review_plan(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
    Body(input): Body<ReviewInput>,
) -> Result<Json<Plan>, ApiError> {
    api.check(state.app.review_plan(&api.user, id, &input).await)
        .map(Json)
}

/// Records the person's agreement to the approved plan.
#[utoipa::path(post, path = "/api/v1/cases/{id}/plan/agreement", tag = "plans", params(("id" = CaseId, Path)),
    request_body = AgreementInput, responses((status = 200, body = Plan), Failures))]
async fn record_agreement(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
    Body(input): Body<AgreementInput>,
) -> Result<Json<Plan>, ApiError> {
    api.check(state.app.record_agreement(&api.user, id, &input).await)
        .map(Json)
}

/// Marks an action of the plan in force as done or dropped.
#[utoipa::path(post, path = "/api/v1/cases/{id}/plan/actions/{action_id}", tag = "plans",
    params(("id" = CaseId, Path), ("action_id" = ActionId, Path)),
    request_body = ActionUpdateInput, responses((status = 200, body = Plan), Failures))]
async fn update_action(
    api: Api,
    State(state): State<AppState>,
    PathParams((id, action)): PathParams<(CaseId, ActionId)>,
    Body(input): Body<ActionUpdateInput>,
) -> Result<Json<Plan>, ApiError> {
    api.check(state.app.update_action(&api.user, id, action, &input).await)
        .map(Json)
}
