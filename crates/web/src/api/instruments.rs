//! Screening instruments: the catalogue, its versions, and evaluation of
//! answers without storing them.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use soleil_app::instruments::InstrumentSummary;
use soleil_domain::{Answer, Evaluation, InstrumentDefinition, Priority, UrgentNeeds};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Body, Failures, PathParams, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(instruments, publish))
        .routes(routes!(instrument))
        .routes(routes!(evaluate))
}

/// The screening instruments and their published versions, newest first.
#[utoipa::path(get, path = "/api/v1/instruments", tag = "instruments",
    responses((status = 200, body = Vec<InstrumentSummary>), Failures))]
async fn instruments(
    api: Api,
    State(state): State<AppState>,
) -> Result<Json<Vec<InstrumentSummary>>, ApiError> {
    api.check(state.app.instruments().await).map(Json)
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct VersionQuery {
    /// A published version; the newest when absent.
    version: Option<String>,
}

/// One version of an instrument: dimensions, questions and rules.
#[utoipa::path(get, path = "/api/v1/instruments/{id}", tag = "instruments",
    params(("id" = String, Path, description = "Catalogue id, such as `ilo_ec_delphi_labour`"), VersionQuery),
    responses((status = 200, body = InstrumentDefinition), Failures))]
async fn instrument(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    QueryParams(query): QueryParams<VersionQuery>,
) -> Result<Json<InstrumentDefinition>, ApiError> {
    let instrument = api.check(state.app.instrument(&id, query.version.as_deref()).await)?;
    Ok(Json(instrument.definition().clone()))
}

/// Publishes a new version of an instrument, or a new instrument
/// (administrators). A published version never changes.
#[utoipa::path(post, path = "/api/v1/instruments", tag = "instruments", request_body = InstrumentDefinition,
    responses((status = 201, body = InstrumentDefinition), Failures))]
async fn publish(
    api: Api,
    State(state): State<AppState>,
    Body(definition): Body<InstrumentDefinition>,
) -> Result<(StatusCode, Json<InstrumentDefinition>), ApiError> {
    let instrument = api.check(state.app.publish_instrument(&api.user, definition).await)?;
    Ok((StatusCode::CREATED, Json(instrument.definition().clone())))
}

#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
struct EvaluateInput {
    /// A published version; the newest when absent.
    version: Option<String>,
    /// Answers keyed by indicator id; a missing answer is unknown.
    #[serde(default)]
    answers: BTreeMap<String, Answer>,
    /// The first profile's urgent needs, to weigh into the triage priority.
    #[serde(default)]
    urgent: UrgentNeeds,
}

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
struct Evaluated {
    #[serde(flatten)]
    evaluation: Evaluation,
    /// The more urgent of what the urgent needs and the outcome ask for.
    triage_priority: Priority,
}

/// Evaluates answers without storing anything, for training and quick
/// checks. The result is indicative and never a legal qualification.
#[utoipa::path(post, path = "/api/v1/instruments/{id}/evaluate", tag = "instruments",
    params(("id" = String, Path, description = "Catalogue id")), request_body = EvaluateInput,
    responses((status = 200, body = Evaluated), Failures))]
async fn evaluate(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    Body(input): Body<EvaluateInput>,
) -> Result<Json<Evaluated>, ApiError> {
    let evaluation = api.check(
        state
            .app
            .evaluate(&id, input.version.as_deref(), &input.answers)
            .await,
    )?;
    let triage_priority = input.urgent.priority().most_urgent(evaluation.priority);
    Ok(Json(Evaluated {
        evaluation,
        triage_priority,
    }))
}
