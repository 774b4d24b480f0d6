//! Identity and stay documents of a person, and the reminders before a
//! permit expires.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use soleil_domain::{Document, DocumentId, DocumentInput, PersonId, Reminder, ReminderId};
use soleil_store::documents::ReminderView;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Body, Failures, PathParams};
use crate::AppState;
use crate::auth::Api;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(person_documents, add_document))
        .routes(routes!(update_document, remove_document))
        .routes(routes!(reminders))
        .routes(routes!(complete_reminder))
}

/// The documents of a person the caller may see: by kind, the latest expiry first.
#[utoipa::path(get, path = "/api/v1/persons/{id}/documents", tag = "documents", params(("id" = PersonId, Path)),
    responses((status = 200, body = Vec<Document>), Failures))]
async fn person_documents(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<PersonId>,
) -> Result<Json<Vec<Document>>, ApiError> {
    api.check(state.app.person_documents(&api.user, id).await)
        .map(Json)
}

/// Records a document. A residence permit needs its `permit_type` (and no
/// other kind has one); passports and permits need `expires_on`, after
/// `issued_on`. A newer permit closes the reminders of the one it renews.
#[utoipa::path(post, path = "/api/v1/persons/{id}/documents", tag = "documents", params(("id" = PersonId, Path)),
    request_body = DocumentInput, responses((status = 201, body = Document), Failures))]
async fn add_document(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<PersonId>,
    Body(input): Body<DocumentInput>,
) -> Result<(StatusCode, Json<Document>), ApiError> {
    let document = api.check(state.app.add_document(&api.user, id, &input).await)?;
    Ok((StatusCode::CREATED, Json(document)))
}

/// Corrects a document: the whole document, as when it was recorded.
#[utoipa::path(put, path = "/api/v1/documents/{id}", tag = "documents", params(("id" = DocumentId, Path)),
    request_body = DocumentInput, responses((status = 200, body = Document), Failures))]
async fn update_document(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<DocumentId>,
    Body(input): Body<DocumentInput>,
) -> Result<Json<Document>, ApiError> {
    api.check(state.app.update_document(&api.user, id, &input).await)
        .map(Json)
}

/// Removes a document; it stays in the history and its reminders close.
#[utoipa::path(delete, path = "/api/v1/documents/{id}", tag = "documents", params(("id" = DocumentId, Path)),
    responses((status = 204, description = "Removed"), Failures))]
async fn remove_document(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<DocumentId>,
) -> Result<StatusCode, ApiError> {
    api.check(state.app.remove_document(&api.user, id).await)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Open permit-expiry reminders the caller handles, the soonest expiry
/// first: a case manager's own, the region's for the secretariat (those
/// without a case manager too), every region's for admins (without names).
#[utoipa::path(get, path = "/api/v1/reminders", tag = "documents",
    responses((status = 200, body = Vec<ReminderView>), Failures))]
async fn reminders(api: Api, State(state): State<AppState>) -> Result<Json<Vec<ReminderView>>, ApiError> {
    api.check(state.app.reminders(&api.user).await).map(Json)
}

/// Marks a reminder done. One done already answers 409 `reminder_done`.
#[utoipa::path(post, path = "/api/v1/reminders/{id}/done", tag = "documents", params(("id" = ReminderId, Path)),
    responses((status = 200, body = Reminder), Failures))]
async fn complete_reminder(
    api: Api,
    State(state): State<AppState>,
    PathParams(id): PathParams<ReminderId>,
) -> Result<Json<Reminder>, ApiError> {
    api.check(state.app.complete_reminder(&api.user, id).await)
        .map(Json)
}
