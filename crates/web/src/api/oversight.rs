//! The audit log and aggregate statistics.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use soleil_app::AuditFilter;
use soleil_app::statistics::CaseStatistics;
use soleil_domain::{AuditAction, AuditEvent, RegionCode, UserId};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Failures, Paged, Paging, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(audit))
        .routes(routes!(case_statistics))
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct AuditQuery {
    actor: Option<UserId>,
    /// Part of the actor's e-mail.
    actor_email: Option<String>,
    action: Option<AuditAction>,
    /// Kind of record: person, case, plan, screening, user, organisation…
    entity: Option<String>,
    entity_id: Option<String>,
    region: Option<RegionCode>,
    /// From this instant (RFC 3339).
    from: Option<DateTime<Utc>>,
    /// Before this instant (RFC 3339).
    to: Option<DateTime<Utc>>,
}

/// The access log, newest first (admins and auditors).
#[utoipa::path(get, path = "/api/v1/audit", tag = "oversight", params(AuditQuery, Paging),
    responses((status = 200, body = Paged<AuditEvent>), Failures))]
async fn audit(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<AuditQuery>,
    QueryParams(paging): QueryParams<Paging>,
) -> Result<Json<Paged<AuditEvent>>, ApiError> {
    let filter = AuditFilter {
        actor: query.actor,
        actor_email: query.actor_email,
        action: query.action,
        entity: query.entity,
        entity_id: query.entity_id,
        region: query.region,
        from: query.from,
        to: query.to,
    };
    let page = paging.page();
    api.check(state.app.audit_log(&api.user, &filter, page).await)
        .map(|list| Paged::new(list, page))
}

/// Cases per state in the caller's region: aggregates only.
#[utoipa::path(get, path = "/api/v1/statistics/cases", tag = "oversight",
    responses((status = 200, body = CaseStatistics), Failures))]
async fn case_statistics(api: Api, State(state): State<AppState>) -> Result<Json<CaseStatistics>, ApiError> {
    api.check(state.app.case_statistics(&api.user).await).map(Json)
}
