//! SOLEIL over HTTP: server-rendered pages that work without JavaScript, and
//! the JSON API under `/api/v1` with its OpenAPI document. Stateless: every
//! session lives in the database, so instances can run side by side.

pub mod api;
pub mod assets;
pub mod auth;
pub mod error;
pub mod i18n;
pub mod pages;

use std::net::SocketAddr;

use axum::Json;
use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use soleil_app::App;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::auth::request_lang;
use crate::error::ApiError;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub settings: WebSettings,
}

/// How the site is served.
#[derive(Debug, Clone, Copy, Default)]
pub struct WebSettings {
    /// Mark cookies `Secure`, so browsers send them only over HTTPS. Turn on
    /// whenever SOLEIL is reached through TLS (directly or behind a proxy).
    pub secure_cookies: bool,
}

/// Bodies larger than this are refused before they are read.
const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

/// The whole site: pages, API, OpenAPI document, health check and assets.
pub fn router(app: App, settings: WebSettings) -> Router {
    let state = AppState { app, settings };
    let (api, openapi) = api::router().split_for_parts();
    let openapi = std::sync::Arc::new(openapi);
    Router::new()
        .route("/healthz", get(healthz))
        .route(
            "/api/openapi.json",
            get(move || async move { Json(openapi.as_ref().clone()) }),
        )
        .merge(api)
        .route("/api/{*rest}", axum::routing::any(api_not_found))
        .merge(pages::router(state.clone()))
        .merge(assets::router())
        .fallback(pages::not_found)
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(security_header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(security_header(header::X_FRAME_OPTIONS, "DENY"))
        // Not "no-referrer": with it browsers send `Origin: null` on our own
        // form posts, and the anti-forgery check could not tell them apart.
        .layer(security_header(header::REFERRER_POLICY, "same-origin"))
        .layer(security_header(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
             frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

fn security_header(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

/// 200 when the database answers, 503 otherwise.
async fn healthz(State(state): State<AppState>) -> Response {
    if state.app.healthy().await {
        (StatusCode::OK, "ok").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
    }
}

async fn api_not_found(request: Request) -> ApiError {
    let lang = request_lang(request.headers());
    ApiError::from_app(lang, soleil_app::AppError::NotFound("route"))
}

/// Serves until Ctrl-C or SIGTERM, then lets requests in flight finish.
pub async fn serve(app: App, bind: SocketAddr, settings: WebSettings) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(bind).await?;
    serve_on(app, listener, settings).await
}

/// Serves on a listener the caller opened (tests bind port 0).
pub async fn serve_on(
    app: App,
    listener: tokio::net::TcpListener,
    settings: WebSettings,
) -> std::io::Result<()> {
    axum::serve(listener, router(app, settings))
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
