//! Who is calling: an API client with a bearer token, or a browser with a
//! session cookie. Pages are also guarded against cross-site forgery here.

use axum::body::{Body, to_bytes};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use soleil_domain::User;

use crate::AppState;
use crate::error::ApiError;
use crate::i18n::Lang;

pub const SESSION_COOKIE: &str = "soleil_session";
pub const LANG_COOKIE: &str = "soleil_lang";
/// The hidden form field that carries the session's anti-forgery token.
pub const CSRF_FIELD: &str = "csrf";
/// Forms are small; a larger body is refused before it is read.
const MAX_FORM_BYTES: usize = 256 * 1024;

/// The language of a request: the user's choice, else the browser's, else Italian.
pub fn request_lang(headers: &HeaderMap) -> Lang {
    let jar = CookieJar::from_headers(headers);
    jar.get(LANG_COOKIE)
        .and_then(|c| Lang::parse(c.value()))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default()
}

/// An API caller, authenticated by `Authorization: Bearer <token>`.
pub struct Api {
    pub user: User,
    pub lang: Lang,
}

impl Api {
    /// Turns a use case's outcome into the API's answer, in the caller's language.
    pub fn check<T>(&self, result: soleil_app::AppResult<T>) -> Result<T, ApiError> {
        result.map_err(|e| ApiError::from_app(self.lang, e))
    }
}

impl FromRequestParts<AppState> for Api {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let lang = request_lang(&parts.headers);
        let unauthenticated = || ApiError::from_app(lang, soleil_app::AppError::Unauthenticated);
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(unauthenticated)?;
        let user = state
            .app
            .token_user(token)
            .await
            .map_err(|e| ApiError::from_app(lang, e))?
            .ok_or_else(unauthenticated)?;
        Ok(Self { user, lang })
    }
}

/// A signed-in browser user.
pub struct PageUser {
    pub user: User,
    pub csrf: String,
    pub lang: Lang,
    pub token: String,
}

/// The session behind the request's cookie, if any.
pub async fn session_of(state: &AppState, headers: &HeaderMap) -> Option<PageUser> {
    let jar = CookieJar::from_headers(headers);
    let token = jar.get(SESSION_COOKIE)?.value().to_owned();
    let session = state.app.session(&token).await.ok()??;
    Some(PageUser {
        user: session.user,
        csrf: session.csrf_token,
        lang: request_lang(headers),
        token,
    })
}

impl FromRequestParts<AppState> for PageUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        match session_of(state, &parts.headers).await {
            Some(user) => Ok(user),
            None => {
                let next = parts.uri.path_and_query().map_or("/", |p| p.as_str());
                let target =
                    form_urlencoded::Serializer::for_suffix(String::from("/login?"), "/login?".len())
                        .append_pair("next", next)
                        .finish();
                Err(Redirect::to(&target).into_response())
            }
        }
    }
}

/// Refuses page form posts that do not carry the session's anti-forgery
/// token, or that come from another site. Handlers never see them.
pub async fn csrf_guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    if !same_origin(request.headers()) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_FORM_BYTES).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    // Signing in has no session yet; the origin check above covers it.
    if parts.uri.path() != "/login" && !is_public_self_check(parts.uri.path()) {
        let sent = form_urlencoded::parse(&bytes)
            .find(|(k, _)| k == CSRF_FIELD)
            .map(|(_, v)| v.into_owned());
        let expected = session_of(&state, &parts.headers).await.map(|s| s.csrf);
        let valid =
            matches!((&sent, &expected), (Some(sent), Some(expected)) if constant_time_eq(sent, expected));
        if !valid {
            if expected.is_none() {
                return Redirect::to("/login").into_response();
            }
            return StatusCode::FORBIDDEN.into_response();
        }
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

/// The self-check of the public rights page, `/rights/{lang}/check`: its
/// readers have no session (and must not get one), so there is no token to
/// send; it changes nothing and only answers with a page, so the origin
/// check is all the guard it needs.
fn is_public_self_check(path: &str) -> bool {
    path.strip_prefix("/rights/")
        .and_then(|rest| rest.strip_suffix("/check"))
        .is_some_and(|lang| !lang.is_empty() && !lang.contains('/'))
}

/// A browser states where a form was posted from; another site is refused.
/// `Sec-Fetch-Site` is the browser's own verdict; older browsers send only
/// `Origin`; a client that sends neither is not a browser on another site.
fn same_origin(headers: &HeaderMap) -> bool {
    let header = |name| {
        headers
            .get(name)
            .and_then(|v: &axum::http::HeaderValue| v.to_str().ok())
    };
    if let Some(site) = header("sec-fetch-site") {
        return site == "same-origin";
    }
    match (header(header::ORIGIN.as_str()), header(header::HOST.as_str())) {
        (Some(origin), Some(host)) => origin.split_once("://").is_some_and(|(_, rest)| rest == host),
        (None, _) => true,
        (Some(_), None) => false,
    }
}

fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0_u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::is_public_self_check;

    #[test]
    fn only_the_public_self_check_goes_without_a_token() {
        assert!(is_public_self_check("/rights/ar/check"));
        for path in [
            "/rights/check",
            "/rights//check",
            "/rights/ar/x/check",
            "/rights/ar",
            "/admin/rights/ar/check",
            "/rights/ar/check/more",
        ] {
            assert!(!is_public_self_check(path), "{path}");
        }
    }
}
