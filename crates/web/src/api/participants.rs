//! A case's ESF+ participant answers.

use axum::Json;
use axum::extract::State;
use soleil_domain::CaseId;
use soleil_domain::esf::ParticipantInput;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Body, Failures, PathParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(participant, record_participant))
}

/// What the case records about its person for the ESF+ common indicators
/// (every field null until recorded). Those who act for the case; each
/// read is audited, as some answers are special categories of personal data.
#[utoipa::path(get, path = "/api/v1/cases/{id}/participant", tag = "cases",
    params(("id" = CaseId, Path)), responses((status = 200, body = ParticipantInput), Failures))]
async fn participant(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
) -> Result<Json<ParticipantInput>, ApiError> {
    api.check(state.app.participant(&api.user, id).await).map(Json)
}

/// Records the case's ESF+ answers, replacing the earlier ones: at entry,
/// upon leaving and six months after. An improved situation is asked only
/// of those employed at entry (422 `improved_needs_employed_at_entry`).
#[utoipa::path(put, path = "/api/v1/cases/{id}/participant", tag = "cases",
    params(("id" = CaseId, Path)), request_body = ParticipantInput,
    responses((status = 200, body = ParticipantInput), Failures))]
async fn record_participant(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
    Body(input): Body<ParticipantInput>,
) -> Result<Json<ParticipantInput>, ApiError> {
    api.check(state.app.record_participant(&api.user, id, &input).await)
        .map(Json)
}
