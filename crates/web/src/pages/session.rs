//! Signing in and out, and choosing the language.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use soleil_app::AppError;

use super::{Chrome, render_with};
use crate::AppState;
use crate::auth::{LANG_COOKIE, PageUser, SESSION_COOKIE, request_lang};
use crate::i18n::Lang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/lang/{code}", get(switch_language))
}

#[derive(Debug, Default, serde::Deserialize)]
struct NextQuery {
    next: Option<String>,
}

/// Only a path of this site: never an open redirect to another one.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    chrome: Chrome,
    title: String,
    email: String,
    next: String,
    error: Option<String>,
}

fn login_page(
    lang: Lang,
    email: String,
    next: String,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let chrome = Chrome::anonymous(lang, "/login");
    let title = chrome.t("login-title");
    render_with(
        status,
        LoginPage {
            chrome,
            title,
            email,
            next,
            error,
        },
    )
}

async fn login_form(headers: HeaderMap, Query(query): Query<NextQuery>) -> Response {
    let next = safe_next(query.next.as_deref());
    login_page(request_lang(&headers), String::new(), next, None, StatusCode::OK)
}

#[derive(Debug, serde::Deserialize)]
struct Credentials {
    email: String,
    password: String,
    next: Option<String>,
}

async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    jar: CookieJar,
    Form(form): Form<Credentials>,
) -> Response {
    let lang = request_lang(&headers);
    let next = safe_next(form.next.as_deref());
    match state.app.sign_in(&form.email, &form.password).await {
        Ok(session) => {
            let cookie = Cookie::build((SESSION_COOKIE, session.token))
                .path("/")
                .http_only(true)
                .secure(state.settings.secure_cookies)
                .same_site(SameSite::Lax)
                .build();
            (jar.add(cookie), Redirect::to(&next)).into_response()
        }
        Err(error) => {
            let (status, _) = crate::error::status_and_code(&error);
            let message = match &error {
                AppError::RateLimited { retry_after_minutes } => {
                    lang.t1("error-rate_limited", "minutes", retry_after_minutes)
                }
                AppError::BadCredentials => lang.error("bad_credentials"),
                _ => crate::error::ApiError::from_app(lang, error).body.error.message,
            };
            login_page(lang, form.email, next, Some(message), status)
        }
    }
}

async fn logout(State(state): State<AppState>, page: PageUser, jar: CookieJar) -> Response {
    if let Err(error) = state.app.sign_out(&page.token, &page.user).await {
        tracing::warn!(%error, "sign-out failed");
    }
    (
        jar.remove(Cookie::build(SESSION_COOKIE).path("/")),
        Redirect::to("/login"),
    )
        .into_response()
}

async fn switch_language(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<NextQuery>,
    jar: CookieJar,
) -> Response {
    let lang = Lang::parse(&code).unwrap_or_default();
    let cookie = Cookie::build((LANG_COOKIE, lang.code()))
        .path("/")
        .same_site(SameSite::Lax)
        .secure(state.settings.secure_cookies)
        .permanent()
        .build();
    (jar.add(cookie), Redirect::to(&safe_next(query.next.as_deref()))).into_response()
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/cases?page=2")), "/cases?page=2");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(None), "/");
    }
}
