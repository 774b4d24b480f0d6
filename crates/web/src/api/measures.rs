//! Budget lines, disbursements and statements.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use soleil_app::measures::BudgetLineQuery;
use soleil_domain::inclusion::measure::{BudgetAmountInput, BudgetLineId, BudgetLineInput, BudgetLineTotals};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Body, Failures, PathParams, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_budget_lines, create_budget_line))
        .routes(routes!(budget_line))
        .routes(routes!(change_budget_amount))
}

/// The budget lines of the caller's region, each with what it has
/// committed (approved and paid), paid and left.
#[utoipa::path(get, path = "/api/v1/budget-lines", tag = "measures", params(BudgetLineQuery),
    responses((status = 200, body = Vec<BudgetLineTotals>), Failures))]
async fn list_budget_lines(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<BudgetLineQuery>,
) -> Result<Json<Vec<BudgetLineTotals>>, ApiError> {
    api.check(state.app.budget_lines(&api.user, &query).await)
        .map(Json)
}

/// Opens a budget line: amounts in euros as typed ("150.000,00"), its code
/// unique in the region. Admins name the region with `?region=`.
#[utoipa::path(post, path = "/api/v1/budget-lines", tag = "measures", params(BudgetLineQuery),
    request_body = BudgetLineInput, responses((status = 201, body = BudgetLineTotals), Failures))]
async fn create_budget_line(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<BudgetLineQuery>,
    Body(input): Body<BudgetLineInput>,
) -> Result<(StatusCode, Json<BudgetLineTotals>), ApiError> {
    let line = api.check(
        state
            .app
            .create_budget_line(&api.user, query.region, &input)
            .await,
    )?;
    Ok((StatusCode::CREATED, Json(line)))
}

/// One budget line with its figures.
#[utoipa::path(get, path = "/api/v1/budget-lines/{id}", tag = "measures", params(("id" = BudgetLineId, Path)),
    responses((status = 200, body = BudgetLineTotals), Failures))]
async fn budget_line(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<BudgetLineId>,
) -> Result<Json<BudgetLineTotals>, ApiError> {
    api.check(state.app.budget_line(&api.user, id).await).map(Json)
}

/// Raises or lowers a line's amount; never below what it has committed.
#[utoipa::path(put, path = "/api/v1/budget-lines/{id}/amount", tag = "measures",
    params(("id" = BudgetLineId, Path)), request_body = BudgetAmountInput,
    responses((status = 200, body = BudgetLineTotals), Failures))]
async fn change_budget_amount(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<BudgetLineId>,
    Body(input): Body<BudgetAmountInput>,
) -> Result<Json<BudgetLineTotals>, ApiError> {
    api.check(state.app.change_budget_amount(&api.user, id, &input).await)
        .map(Json)
}
