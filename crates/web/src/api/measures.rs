//! Budget lines, disbursements and statements.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use soleil_app::measures::{BudgetLineQuery, DisbursementQuery, Statement, StatementQuery};
use soleil_domain::CaseId;
use soleil_domain::inclusion::measure::{
    BudgetAmountInput, BudgetLineId, BudgetLineInput, BudgetLineTotals, Disbursement, DisbursementId,
    DisbursementInput, PaymentInput, RefusalInput,
};
use soleil_store::Page;
use soleil_store::measures::DisbursementView;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Body, Failures, Paged, Paging, PathParams, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_budget_lines, create_budget_line))
        .routes(routes!(budget_line))
        .routes(routes!(change_budget_amount))
        .routes(routes!(case_disbursements, propose))
        .routes(routes!(disbursements))
        .routes(routes!(disbursement))
        .routes(routes!(approve))
        .routes(routes!(refuse))
        .routes(routes!(pay))
        .routes(routes!(cancel))
        .routes(routes!(statement))
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

/// The disbursements of a case, proposals waiting first.
#[utoipa::path(get, path = "/api/v1/cases/{id}/disbursements", tag = "measures",
    params(("id" = CaseId, Path)), responses((status = 200, body = Vec<DisbursementView>), Failures))]
async fn case_disbursements(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
) -> Result<Json<Vec<DisbursementView>>, ApiError> {
    let query = DisbursementQuery {
        case: Some(id),
        ..DisbursementQuery::default()
    };
    let page = Page::new(0, Page::MAX_SIZE);
    let (list, _) = api.check(state.app.disbursements(&api.user, &query, page).await)?;
    Ok(Json(list))
}

/// Proposes a support measure for a case in inclusion (its manager or the
/// region's secretariat). The attendance allowance names the enrolment and
/// is computed from the class register: minutes attended in the period
/// times the lab's hourly rate, rounded half up to the cent, refused below
/// the lab's attendance threshold (`attendance_below_threshold`) or for a
/// period already paid (`period_already_paid`). Other measures carry the
/// amount in euros. A line that does not pay the measure, does not cover
/// the period, has not the money left (`budget_exhausted`, with what is
/// left) or would take the person over its cap (`per_person_cap_exceeded`):
/// 422 naming the rule.
#[utoipa::path(post, path = "/api/v1/cases/{id}/disbursements", tag = "measures",
    params(("id" = CaseId, Path)), request_body = DisbursementInput,
    responses((status = 201, body = Disbursement), Failures))]
async fn propose(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
    Body(input): Body<DisbursementInput>,
) -> Result<(StatusCode, Json<Disbursement>), ApiError> {
    let disbursement = api.check(state.app.propose_disbursement(&api.user, id, &input).await)?;
    Ok((StatusCode::CREATED, Json(disbursement)))
}

/// The disbursements the caller may see (the region's for the secretariat,
/// their cases' for a case manager): proposals waiting first, oldest first.
#[utoipa::path(get, path = "/api/v1/disbursements", tag = "measures", params(DisbursementQuery, Paging),
    responses((status = 200, body = Paged<DisbursementView>), Failures))]
async fn disbursements(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<DisbursementQuery>,
    QueryParams(paging): QueryParams<Paging>,
) -> Result<Json<Paged<DisbursementView>>, ApiError> {
    let page = paging.page();
    let list = api.check(state.app.disbursements(&api.user, &query, page).await)?;
    Ok(Paged::new(list, page))
}

/// One disbursement, with how an allowance was computed.
#[utoipa::path(get, path = "/api/v1/disbursements/{id}", tag = "measures",
    params(("id" = DisbursementId, Path)), responses((status = 200, body = DisbursementView), Failures))]
async fn disbursement(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<DisbursementId>,
) -> Result<Json<DisbursementView>, ApiError> {
    api.check(state.app.disbursement(&api.user, id).await).map(Json)
}

/// Approves a proposal (the region's secretariat). The line's money is
/// checked again under its lock: 422 `budget_exhausted` when the line was
/// lowered or other approvals took it meanwhile. Decided already: 409.
#[utoipa::path(post, path = "/api/v1/disbursements/{id}/approve", tag = "measures",
    params(("id" = DisbursementId, Path)), responses((status = 200, body = Disbursement), Failures))]
async fn approve(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<DisbursementId>,
) -> Result<Json<Disbursement>, ApiError> {
    api.check(state.app.approve_disbursement(&api.user, id).await)
        .map(Json)
}

/// Refuses a proposal with its reason (the region's secretariat).
#[utoipa::path(post, path = "/api/v1/disbursements/{id}/refuse", tag = "measures",
    params(("id" = DisbursementId, Path)), request_body = RefusalInput,
    responses((status = 200, body = Disbursement), Failures))]
async fn refuse(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<DisbursementId>,
    Body(input): Body<RefusalInput>,
) -> Result<Json<Disbursement>, ApiError> {
    api.check(state.app.refuse_disbursement(&api.user, id, &input).await)
        .map(Json)
}

/// Records the payment of an approved disbursement: its date (not in the
/// future) and the transfer's or voucher's reference.
#[utoipa::path(post, path = "/api/v1/disbursements/{id}/pay", tag = "measures",
    params(("id" = DisbursementId, Path)), request_body = PaymentInput,
    responses((status = 200, body = Disbursement), Failures))]
async fn pay(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<DisbursementId>,
    Body(input): Body<PaymentInput>,
) -> Result<Json<Disbursement>, ApiError> {
    api.check(state.app.pay_disbursement(&api.user, id, &input).await)
        .map(Json)
}

/// Cancels a proposal or an unpaid approval (whoever acts for the case);
/// the money returns to the line.
#[utoipa::path(post, path = "/api/v1/disbursements/{id}/cancel", tag = "measures",
    params(("id" = DisbursementId, Path)), responses((status = 200, body = Disbursement), Failures))]
async fn cancel(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<DisbursementId>,
) -> Result<Json<Disbursement>, ApiError> {
    api.check(state.app.cancel_disbursement(&api.user, id).await)
        .map(Json)
}

/// The statement of a budget line or of a person over a period, for
/// expense reporting (the region's secretariat): every disbursement whose
/// period meets it, with totals proposed, approved and paid. The pages
/// offer it as CSV, XLSX and PDF.
#[utoipa::path(get, path = "/api/v1/statements", tag = "measures", params(StatementQuery),
    responses((status = 200, body = Statement), Failures))]
async fn statement(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<StatementQuery>,
) -> Result<Json<Statement>, ApiError> {
    api.check(state.app.statement(&api.user, &query).await).map(Json)
}
