//! One mapping from use-case errors to HTTP: the status, and a body a person
//! can act on. A server fault gets an opaque body with an operation id the
//! user can quote; its cause goes to the log.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use soleil_app::AppError;
use soleil_domain::FieldError;

use crate::i18n::Lang;

/// The JSON error body: `{"error": {"code": …, "message": …}}`.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable, for programs: `invalid_input`, `not_found`, `transition_not_allowed`…
    pub code: String,
    /// For people, in the language of `Accept-Language` (Italian by default).
    pub message: String,
    /// For `invalid_input`: what is wrong with each field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldMessage>,
    /// For a refused change of state: the states the case may move to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allowed: Vec<String>,
}

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct FieldMessage {
    pub field: String,
    pub code: String,
    pub message: String,
}

/// Translated field errors, for forms and JSON alike.
pub fn field_messages(lang: Lang, errors: &[FieldError]) -> Vec<FieldMessage> {
    errors
        .iter()
        .map(|e| FieldMessage {
            field: e.field.clone(),
            code: e.code.clone(),
            message: match &e.detail {
                Some(detail) => format!("{} ({detail})", lang.error(&e.code)),
                None => lang.error(&e.code),
            },
        })
        .collect()
}

/// An error as the API answers it.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: ErrorBody,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &str, message: String) -> Self {
        Self {
            status,
            body: ErrorBody {
                error: ErrorDetail {
                    code: code.to_owned(),
                    message,
                    fields: Vec::new(),
                    allowed: Vec::new(),
                },
            },
        }
    }

    /// A request the server could not read (bad JSON, wrong id format…).
    pub fn bad_request(lang: Lang, detail: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            format!("{} {detail}", lang.error("invalid_request")),
        )
    }

    pub fn from_app(lang: Lang, error: AppError) -> Self {
        let (status, code) = status_and_code(&error);
        let message = match &error {
            AppError::RateLimited { retry_after_minutes } => {
                lang.t1("error-rate_limited", "minutes", retry_after_minutes)
            }
            AppError::Store(cause) => {
                let id = uuid::Uuid::now_v7();
                tracing::error!(operation = %id, error = %cause, "store failure");
                lang.t1("error-internal", "id", id)
            }
            _ => lang.error(code),
        };
        let mut api = Self::new(status, code, message);
        match error {
            AppError::Invalid(invalid) => api.body.error.fields = field_messages(lang, &invalid.errors),
            AppError::Conflict { allowed, .. } => {
                api.body.error.allowed = allowed.iter().map(|s| s.to_string()).collect();
                if !allowed.is_empty() {
                    let states: Vec<String> = allowed
                        .iter()
                        .map(|s| lang.label("case_state", s.as_str()))
                        .collect();
                    let next = lang.t1("error-allowed-next", "states", states.join(", "));
                    api.body.error.message = format!("{} {next}", api.body.error.message);
                }
            }
            _ => {}
        }
        api
    }
}

/// The status and stable code of a use-case error.
pub fn status_and_code(error: &AppError) -> (StatusCode, &'static str) {
    match error {
        AppError::Unauthenticated => (StatusCode::UNAUTHORIZED, "unauthenticated"),
        AppError::BadCredentials => (StatusCode::UNAUTHORIZED, "bad_credentials"),
        AppError::RateLimited { .. } => (StatusCode::TOO_MANY_REQUESTS, "rate_limited"),
        AppError::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
        AppError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
        AppError::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input"),
        AppError::Conflict { code, .. } => (StatusCode::CONFLICT, code),
        AppError::PossibleDuplicates(_) => (StatusCode::CONFLICT, "possible_duplicates"),
        AppError::Store(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}
