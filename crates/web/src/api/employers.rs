//! Employers, their needs surveys and logins.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use soleil_app::employers::{EmployerDetail, EmployerLoginInput, EmployerPage, EmployerQuery, NeedsQuery};
use soleil_domain::inclusion::employer::needs::{NeedsRow, NeedsTable};
use soleil_domain::inclusion::employer::survey::{EmployerSurvey, SurveyInput};
use soleil_domain::inclusion::employer::{
    Employer, EmployerId, EmployerInput, EmployerSite, EmployerSiteId, SiteInput,
};
use soleil_domain::{User, UserId};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Body, Failures, PathParams, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_employers, create_employer))
        .routes(routes!(employer, update_employer))
        .routes(routes!(add_site))
        .routes(routes!(remove_site))
        .routes(routes!(surveys, record_survey))
        .routes(routes!(logins, create_login))
        .routes(routes!(deactivate_login))
        .routes(routes!(needs))
        .routes(routes!(needs_csv))
}

/// The employers of the caller's region by name, filtered by name or VAT
/// number (`q`), ATECO section (`sector`) and province; an employer's own
/// login sees itself only.
#[utoipa::path(get, path = "/api/v1/employers", tag = "employers", params(EmployerQuery),
    responses((status = 200, body = EmployerPage), Failures))]
async fn list_employers(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<EmployerQuery>,
) -> Result<Json<EmployerPage>, ApiError> {
    api.check(state.app.employers(&api.user, &query).await).map(Json)
}

/// Adds an employer: VAT number checked (its check digit and office code),
/// ATECO code at least a division, the ISTAT code of the registered site's
/// comune. 409 `employer_exists` when the VAT number is already in the region.
#[utoipa::path(post, path = "/api/v1/employers", tag = "employers", request_body = EmployerInput,
    responses((status = 201, body = Employer), Failures))]
async fn create_employer(
    api: Api,
    State(state): State<AppState>,
    Body(input): Body<EmployerInput>,
) -> Result<(StatusCode, Json<Employer>), ApiError> {
    let employer = api.check(state.app.create_employer(&api.user, &input).await)?;
    Ok((StatusCode::CREATED, Json(employer)))
}

/// An employer with its sites and needs surveys.
#[utoipa::path(get, path = "/api/v1/employers/{id}", tag = "employers", params(("id" = EmployerId, Path)),
    responses((status = 200, body = EmployerDetail), Failures))]
async fn employer(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<EmployerId>,
) -> Result<Json<EmployerDetail>, ApiError> {
    api.check(state.app.employer(&api.user, id).await).map(Json)
}

/// Corrects an employer: the whole record, as when it was added.
#[utoipa::path(put, path = "/api/v1/employers/{id}", tag = "employers", params(("id" = EmployerId, Path)),
    request_body = EmployerInput, responses((status = 200, body = Employer), Failures))]
async fn update_employer(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<EmployerId>,
    Body(input): Body<EmployerInput>,
) -> Result<Json<Employer>, ApiError> {
    api.check(state.app.update_employer(&api.user, id, &input).await)
        .map(Json)
}

/// Adds a further site (comune and address) to an employer.
#[utoipa::path(post, path = "/api/v1/employers/{id}/sites", tag = "employers", params(("id" = EmployerId, Path)),
    request_body = SiteInput, responses((status = 201, body = EmployerSite), Failures))]
async fn add_site(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<EmployerId>,
    Body(input): Body<SiteInput>,
) -> Result<(StatusCode, Json<EmployerSite>), ApiError> {
    let site = api.check(state.app.add_employer_site(&api.user, id, &input).await)?;
    Ok((StatusCode::CREATED, Json(site)))
}

/// Removes a site of an employer.
#[utoipa::path(delete, path = "/api/v1/employers/{id}/sites/{site}", tag = "employers",
    params(("id" = EmployerId, Path), ("site" = EmployerSiteId, Path)),
    responses((status = 204), Failures))]
async fn remove_site(
    api: Api,
    State(state): State<AppState>,
    PathParams((id, site)): PathParams<(EmployerId, EmployerSiteId)>,
) -> Result<StatusCode, ApiError> {
    api.check(state.app.remove_employer_site(&api.user, id, site).await)?;
    Ok(StatusCode::NO_CONTENT)
}

/// The needs surveys of an employer, the latest first.
#[utoipa::path(get, path = "/api/v1/employers/{id}/surveys", tag = "employers", params(("id" = EmployerId, Path)),
    responses((status = 200, body = Vec<EmployerSurvey>), Failures))]
async fn surveys(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<EmployerId>,
) -> Result<Json<Vec<EmployerSurvey>>, ApiError> {
    api.check(state.app.employer_surveys(&api.user, id).await)
        .map(Json)
}

/// Records a needs survey: its date (not future), internships and
/// apprenticeships it would activate (0 to 1000), openness to training,
/// and rows of workers needed per ISCO-08 unit group.
#[utoipa::path(post, path = "/api/v1/employers/{id}/surveys", tag = "employers", params(("id" = EmployerId, Path)),
    request_body = SurveyInput, responses((status = 201, body = EmployerSurvey), Failures))]
async fn record_survey(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<EmployerId>,
    Body(input): Body<SurveyInput>,
) -> Result<(StatusCode, Json<EmployerSurvey>), ApiError> {
    let survey = api.check(state.app.record_survey(&api.user, id, &input).await)?;
    Ok((StatusCode::CREATED, Json(survey)))
}

/// The logins of an employer.
#[utoipa::path(get, path = "/api/v1/employers/{id}/logins", tag = "employers", params(("id" = EmployerId, Path)),
    responses((status = 200, body = Vec<User>), Failures))]
async fn logins(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<EmployerId>,
) -> Result<Json<Vec<User>>, ApiError> {
    api.check(state.app.employer_logins(&api.user, id).await)
        .map(Json)
}

/// Gives the employer a login of role employer, which sees its own record only.
#[utoipa::path(post, path = "/api/v1/employers/{id}/logins", tag = "employers", params(("id" = EmployerId, Path)),
    request_body = EmployerLoginInput, responses((status = 201, body = User), Failures))]
async fn create_login(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<EmployerId>,
    Body(input): Body<EmployerLoginInput>,
) -> Result<(StatusCode, Json<User>), ApiError> {
    let user = api.check(state.app.create_employer_login(&api.user, id, &input).await)?;
    Ok((StatusCode::CREATED, Json(user)))
}

/// Turns off a login of the employer.
#[utoipa::path(post, path = "/api/v1/employers/{id}/logins/{user}/deactivate", tag = "employers",
    params(("id" = EmployerId, Path), ("user" = UserId, Path)),
    responses((status = 200, body = User), Failures))]
async fn deactivate_login(
    api: Api,
    State(state): State<AppState>,
    PathParams((id, user)): PathParams<(EmployerId, UserId)>,
) -> Result<Json<User>, ApiError> {
    api.check(state.app.deactivate_employer_login(&api.user, id, user).await)
        .map(Json)
}

/// The needs of the employers surveyed in a period (`from`, `to`), per ATECO
/// section and province, with their total: the latest survey of each
/// employer counts. Counts only, no names.
#[utoipa::path(get, path = "/api/v1/employer-needs", tag = "employers", params(NeedsQuery),
    responses((status = 200, body = NeedsTable), Failures))]
async fn needs(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<NeedsQuery>,
) -> Result<Json<NeedsTable>, ApiError> {
    api.check(state.app.employer_needs(&api.user, &query).await)
        .map(Json)
}

/// The same table as CSV (semicolon separated, as Italian spreadsheets read it).
#[utoipa::path(get, path = "/api/v1/employer-needs/csv", tag = "employers", params(NeedsQuery),
    responses((status = 200, content_type = "text/csv", body = String), Failures))]
async fn needs_csv(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<NeedsQuery>,
) -> Result<Response, ApiError> {
    let table = api.check(state.app.employer_needs(&api.user, &query).await)?;
    Ok((
        [(header::CONTENT_TYPE, "text/csv; charset=utf-8")],
        to_csv(&table),
    )
        .into_response())
}

const CSV_HEADER: &str = "sector;sector_title;province_code;province_name;employers_surveyed;workers_needed;\
internships;apprenticeships;open_to_training;top_occupations";

pub(crate) fn to_csv(table: &NeedsTable) -> String {
    let mut out = format!("{CSV_HEADER}\n");
    for row in table.rows.iter().chain([&table.total]) {
        out.push_str(&csv_line(row));
        out.push('\n');
    }
    out
}

fn csv_line(row: &NeedsRow) -> String {
    let top: Vec<String> = row
        .top_occupations
        .iter()
        .map(|o| format!("{} {} ({})", o.occupation, o.title, o.workers))
        .collect();
    [
        row.sector.clone(),
        row.sector_title.clone(),
        row.province_code.clone(),
        row.province_name.clone(),
        row.employers_surveyed.to_string(),
        row.workers_needed.to_string(),
        row.internships.to_string(),
        row.apprenticeships.to_string(),
        row.open_to_training.to_string(),
        top.join(", "),
    ]
    .iter()
    .map(|field| quote(field))
    .collect::<Vec<_>>()
    .join(";")
}

/// A field quoted when it holds the separator, a quote or a line break.
fn quote(field: &str) -> String {
    if field.contains([';', '"', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}
