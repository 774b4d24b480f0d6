//! The secretariat's queue, cases, assessments, transitions and teams.

use axum::Json;
use axum::extract::State;
use soleil_app::cases::{CaseFile, QueueEntry, TeamInput, TransitionInput};
use soleil_domain::{AssessmentInput, Case, CaseEvent, CaseId, CaseState, Priority, UserId};
use soleil_store::cases::{CaseFilter, CaseSummary, TeamMember};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Body, Failures, Paged, Paging, PathParams, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(queue))
        .routes(routes!(cases))
        .routes(routes!(case))
        .routes(routes!(assess))
        .routes(routes!(timeline, transition))
        .routes(routes!(team, add_team_member))
        .routes(routes!(remove_team_member))
}

/// The secretariat's queue: cases waiting for triage, urgent and oldest first.
#[utoipa::path(get, path = "/api/v1/queue", tag = "cases", params(Paging),
    responses((status = 200, body = Paged<QueueEntry>), Failures))]
async fn queue(
    api: Api,
    State(state): State<AppState>,
    QueryParams(paging): QueryParams<Paging>,
) -> Result<Json<Paged<QueueEntry>>, ApiError> {
    let page = paging.page();
    api.check(state.app.queue(&api.user, page).await)
        .map(|list| Paged::new(list, page))
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct CaseQuery {
    /// Only cases in this state.
    state: Option<CaseState>,
    priority: Option<Priority>,
    case_manager: Option<UserId>,
    /// Part of the person's name or alias.
    q: Option<String>,
}

/// Cases the caller may see, newest first.
#[utoipa::path(get, path = "/api/v1/cases", tag = "cases", params(CaseQuery, Paging),
    responses((status = 200, body = Paged<CaseSummary>), Failures))]
async fn cases(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<CaseQuery>,
    QueryParams(paging): QueryParams<Paging>,
) -> Result<Json<Paged<CaseSummary>>, ApiError> {
    let filter = CaseFilter {
        states: query.state.into_iter().collect(),
        priority: query.priority,
        case_manager: query.case_manager,
        search: query.q,
        ..CaseFilter::default()
    };
    let page = paging.page();
    api.check(state.app.cases(&api.user, &filter, page).await)
        .map(|list| Paged::new(list, page))
}

/// A case with its person, timeline, team, plan versions and what the caller may do next.
#[utoipa::path(get, path = "/api/v1/cases/{id}", tag = "cases", params(("id" = CaseId, Path)),
    responses((status = 200, body = CaseFile), Failures))]
async fn case(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
) -> Result<Json<CaseFile>, ApiError> {
    api.check(state.app.case(&api.user, id).await).map(Json)
}

/// Records the secretariat's first assessment; its decision moves the case.
#[utoipa::path(post, path = "/api/v1/cases/{id}/assessment", tag = "cases", params(("id" = CaseId, Path)),
    request_body = AssessmentInput, responses((status = 200, body = Case), Failures))]
async fn assess(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
    Body(input): Body<AssessmentInput>,
) -> Result<Json<Case>, ApiError> {
    api.check(state.app.assess(&api.user, id, &input).await).map(Json)
}

/// The case's timeline: every step with who and when.
#[utoipa::path(get, path = "/api/v1/cases/{id}/transitions", tag = "cases", params(("id" = CaseId, Path)),
    responses((status = 200, body = Vec<CaseEvent>), Failures))]
async fn timeline(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
) -> Result<Json<Vec<CaseEvent>>, ApiError> {
    api.check(state.app.timeline(&api.user, id).await).map(Json)
}

/// Moves a case to another state. An impossible move answers 409 with the allowed ones.
#[utoipa::path(post, path = "/api/v1/cases/{id}/transitions", tag = "cases", params(("id" = CaseId, Path)),
    request_body = TransitionInput, responses((status = 200, body = Case), Failures))]
async fn transition(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
    Body(input): Body<TransitionInput>,
) -> Result<Json<Case>, ApiError> {
    api.check(state.app.transition(&api.user, id, &input).await)
        .map(Json)
}

/// The zonal working group of the case.
#[utoipa::path(get, path = "/api/v1/cases/{id}/team", tag = "cases", params(("id" = CaseId, Path)),
    responses((status = 200, body = Vec<TeamMember>), Failures))]
async fn team(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
) -> Result<Json<Vec<TeamMember>>, ApiError> {
    api.check(state.app.team(&api.user, id).await).map(Json)
}

/// Adds a member of the zonal working group.
#[utoipa::path(post, path = "/api/v1/cases/{id}/team", tag = "cases", params(("id" = CaseId, Path)),
    request_body = TeamInput, responses((status = 200, body = Vec<TeamMember>), Failures))]
async fn add_team_member(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
    Body(input): Body<TeamInput>,
) -> Result<Json<Vec<TeamMember>>, ApiError> {
    api.check(state.app.add_team_member(&api.user, id, input.user_id).await)
        .map(Json)
}

#[utoipa::path(delete, path = "/api/v1/cases/{id}/team/{user_id}", tag = "cases",
    params(("id" = CaseId, Path), ("user_id" = UserId, Path)),
    responses((status = 200, body = Vec<TeamMember>), Failures))]
async fn remove_team_member(
    api: Api,
    State(state): State<AppState>,
    PathParams((id, user)): PathParams<(CaseId, UserId)>,
) -> Result<Json<Vec<TeamMember>>, ApiError> {
    api.check(state.app.remove_team_member(&api.user, id, user).await)
        .map(Json)
}
