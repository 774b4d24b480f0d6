//! The referral chain measured: counts and times, never a person.

use axum::Json;
use axum::extract::State;
use soleil_app::monitoring::{Dashboard, DashboardQuery};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Failures, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(dashboard))
}

/// The funnel of the referral chain and the time each step took, for the
/// cases reported in a period (by default the twelve months up to today):
/// the caller's region; admins and network coordinators choose a region or
/// count the whole network.
#[utoipa::path(get, path = "/api/v1/monitoring/dashboard", tag = "monitoring", params(DashboardQuery),
    responses((status = 200, body = Dashboard), Failures))]
async fn dashboard(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<DashboardQuery>,
) -> Result<Json<Dashboard>, ApiError> {
    api.check(state.app.dashboard(&api.user, &query).await).map(Json)
}
