//! Labs: courses, sessions, enrolments, attendance, certificates.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use soleil_app::courses::{CourseDetail, CourseQuery, EnrolmentView, Register};
use soleil_domain::CaseId;
use soleil_domain::inclusion::course::{
    AttendanceLine, Course, CourseId, CourseInput, CourseSession, EnrolmentId, SessionId, SessionInput,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Body, Failures, ListBody, PathParams, QueryParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_courses, create_course))
        .routes(routes!(course, update_course))
        .routes(routes!(add_session))
        .routes(routes!(cancel_session))
        .routes(routes!(register, record_attendance))
        .routes(routes!(case_enrolments, enrol))
        .routes(routes!(withdraw))
        .routes(routes!(certificate))
}

/// The labs of the caller's region, the soonest start first: no personal
/// data. `open=true` keeps those not ended yet.
#[utoipa::path(get, path = "/api/v1/courses", tag = "courses", params(CourseQuery),
    responses((status = 200, body = Vec<Course>), Failures))]
async fn list_courses(
    api: Api,
    State(state): State<AppState>,
    QueryParams(query): QueryParams<CourseQuery>,
) -> Result<Json<Vec<Course>>, ApiError> {
    api.check(state.app.courses(&api.user, &query).await).map(Json)
}

/// Adds a lab. Hours as "40", "2,5" or "2:30" (1 to 400); the allowance in
/// euros per hour attended ("3,50"); completion at 70% of the planned hours
/// unless said otherwise. A professional lab names its sector; the
/// empowerment path its modules (all of them when none is given).
#[utoipa::path(post, path = "/api/v1/courses", tag = "courses", request_body = CourseInput,
    responses((status = 201, body = Course), Failures))]
async fn create_course(
    api: Api,
    State(state): State<AppState>,
    Body(input): Body<CourseInput>,
) -> Result<(StatusCode, Json<Course>), ApiError> {
    let course = api.check(state.app.create_course(&api.user, &input).await)?;
    Ok((StatusCode::CREATED, Json(course)))
}

/// A lab with its sessions and the enrolled persons the caller may see
/// (its training body, the region's secretariat, each case's manager).
#[utoipa::path(get, path = "/api/v1/courses/{id}", tag = "courses", params(("id" = CourseId, Path)),
    responses((status = 200, body = CourseDetail), Failures))]
async fn course(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CourseId>,
) -> Result<Json<CourseDetail>, ApiError> {
    api.check(state.app.course(&api.user, id).await).map(Json)
}

/// Corrects a lab: the whole lab, as when it was added.
#[utoipa::path(put, path = "/api/v1/courses/{id}", tag = "courses", params(("id" = CourseId, Path)),
    request_body = CourseInput, responses((status = 200, body = Course), Failures))]
async fn update_course(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CourseId>,
    Body(input): Body<CourseInput>,
) -> Result<Json<Course>, ApiError> {
    api.check(state.app.update_course(&api.user, id, &input).await)
        .map(Json)
}

/// Adds a session to a lab's calendar: a date within the lab's, a start
/// time (Italian time) and a duration in hours.
#[utoipa::path(post, path = "/api/v1/courses/{id}/sessions", tag = "courses", params(("id" = CourseId, Path)),
    request_body = SessionInput, responses((status = 201, body = CourseSession), Failures))]
async fn add_session(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CourseId>,
    Body(input): Body<SessionInput>,
) -> Result<(StatusCode, Json<CourseSession>), ApiError> {
    let session = api.check(state.app.add_session(&api.user, id, &input).await)?;
    Ok((StatusCode::CREATED, Json(session)))
}

/// Cancels a session; what was recorded on it stops counting.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/cancel", tag = "courses", params(("id" = SessionId, Path)),
    responses((status = 200, body = CourseSession), Failures))]
async fn cancel_session(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<SessionId>,
) -> Result<Json<CourseSession>, ApiError> {
    api.check(state.app.cancel_session(&api.user, id).await).map(Json)
}

/// The class register of a session: every person enrolled, with the
/// minutes recorded.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/attendance", tag = "courses", params(("id" = SessionId, Path)),
    responses((status = 200, body = Register), Failures))]
async fn register(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<SessionId>,
) -> Result<Json<Register>, ApiError> {
    api.check(state.app.register(&api.user, id).await).map(Json)
}

/// Records or corrects the register: minutes per enrolment, 0 for absent,
/// never more than the session (422 `attendance_exceeds_session`). Persons
/// reaching the lab's threshold complete it; a correction below it undoes that.
#[utoipa::path(put, path = "/api/v1/sessions/{id}/attendance", tag = "courses", params(("id" = SessionId, Path)),
    request_body = Vec<AttendanceLine>, responses((status = 200, body = Register), Failures))]
async fn record_attendance(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<SessionId>,
    ListBody(lines): ListBody<AttendanceLine>,
) -> Result<Json<Register>, ApiError> {
    api.check(state.app.record_attendance(&api.user, id, &lines).await)
        .map(Json)
}

/// The labs the case's person was enrolled in from this case.
#[utoipa::path(get, path = "/api/v1/cases/{id}/enrolments", tag = "courses", params(("id" = CaseId, Path)),
    responses((status = 200, body = Vec<EnrolmentView>), Failures))]
async fn case_enrolments(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
) -> Result<Json<Vec<EnrolmentView>>, ApiError> {
    api.check(state.app.case_enrolments(&api.user, id).await)
        .map(Json)
}

#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
struct EnrolInput {
    course_id: CourseId,
}

/// Enrols the case's person in a lab of the region. The case must be in
/// inclusion (409 `case_not_in_inclusion`); a professional lab needs the
/// empowerment path completed (422 `empowerment_required`); 409
/// `course_full` and `already_enrolled`.
#[utoipa::path(post, path = "/api/v1/cases/{id}/enrolments", tag = "courses", params(("id" = CaseId, Path)),
    request_body = EnrolInput, responses((status = 201, body = EnrolmentView), Failures))]
async fn enrol(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<CaseId>,
    Body(input): Body<EnrolInput>,
) -> Result<(StatusCode, Json<EnrolmentView>), ApiError> {
    let enrolment = api.check(state.app.enrol(&api.user, id, input.course_id).await)?;
    Ok((StatusCode::CREATED, Json(enrolment)))
}

/// Takes the person out of the lab; the place frees, the record stays.
#[utoipa::path(post, path = "/api/v1/enrolments/{id}/withdraw", tag = "courses", params(("id" = EnrolmentId, Path)),
    responses((status = 200, body = EnrolmentView), Failures))]
async fn withdraw(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<EnrolmentId>,
) -> Result<Json<EnrolmentView>, ApiError> {
    api.check(state.app.withdraw(&api.user, id).await).map(Json)
}

/// The certificate of attendance of a completed lab, as PDF (409
/// `course_not_completed` before).
#[utoipa::path(get, path = "/api/v1/enrolments/{id}/certificate", tag = "courses", params(("id" = EnrolmentId, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), Failures))]
async fn certificate(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<EnrolmentId>,
) -> Result<Response, ApiError> {
    let certificate = api.check(state.app.certificate(&api.user, id).await)?;
    let pdf = crate::pdf::certificate::render(api.lang, &certificate);
    Ok(([(header::CONTENT_TYPE, "application/pdf")], pdf).into_response())
}
