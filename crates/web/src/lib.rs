//! SOLEIL over HTTP: server-rendered pages that work without JavaScript, and
//! the JSON API under `/api/v1` with its OpenAPI document. Stateless: every
//! session lives in the database, so instances can run side by side.

pub mod api;
pub mod assets;
pub mod auth;
pub mod chart;
pub mod error;
pub mod i18n;
pub mod pages;
pub mod pdf;
pub mod report;
pub mod statement;
pub mod table;

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
#[derive(Debug, Clone, Default)]
pub struct WebSettings {
    /// Mark cookies `Secure`, so browsers send them only over HTTPS. Turn on
    /// whenever SOLEIL is reached through TLS (directly or behind a proxy).
    pub secure_cookies: bool,
    /// The background of the directory's maps.
    pub map_tiles: MapTiles,
}

/// Where the maps of the directory get their background: a tile server's
/// URL template and the attribution its licence asks for. Without one (a
/// closed network) the maps show their markers on a plain background.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapTiles {
    url: Option<String>,
    attribution: String,
}

impl MapTiles {
    pub const OPENSTREETMAP_URL: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    pub const OPENSTREETMAP_ATTRIBUTION: &str =
        "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>";

    /// A tile server: `url` is an `http(s)://` or same-site (`/…`) template
    /// with `{z}`, `{x}` and `{y}`; only a leading `{s}.` may vary the host.
    /// An empty `url` means no tiles. The error says what to fix.
    pub fn new(url: &str, attribution: &str) -> Result<Self, String> {
        let url = url.trim();
        if url.is_empty() {
            return Ok(Self::none());
        }
        if let Some(missing) = ["{z}", "{x}", "{y}"].into_iter().find(|p| !url.contains(p)) {
            return Err(format!(
                "the map tile URL {url:?} lacks the placeholder {missing}"
            ));
        }
        if url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '\'')
        {
            return Err(format!("the map tile URL {url:?} has spaces or quotes"));
        }
        let tiles = Self {
            url: Some(url.to_owned()),
            attribution: attribution.trim().to_owned(),
        };
        tiles.origin()?;
        Ok(tiles)
    }

    /// No tiles: markers on a plain background.
    pub fn none() -> Self {
        Self {
            url: None,
            attribution: String::new(),
        }
    }

    /// The URL template, if there is a tile server.
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// What the map's corner credits (HTML, from the operator's settings).
    pub fn attribution(&self) -> &str {
        &self.attribution
    }

    /// The origin the browser fetches tiles from, as the Content Security
    /// Policy names it: `None` for no tiles or tiles of this site.
    fn origin(&self) -> Result<Option<String>, String> {
        let Some(url) = &self.url else { return Ok(None) };
        if url.starts_with('/') && !url.starts_with("//") {
            return Ok(None);
        }
        let (scheme, rest) = url
            .split_once("://")
            .filter(|(scheme, _)| matches!(*scheme, "http" | "https"))
            .ok_or_else(|| format!("the map tile URL {url:?} must start with https://, http:// or /"))?;
        let host = rest.split('/').next().unwrap_or_default();
        // A CSP source may only wildcard the leftmost label of the host.
        let host = host
            .strip_prefix("{s}.")
            .map_or(host.to_owned(), |h| format!("*.{h}"));
        let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']');
        let bare = host.strip_prefix("*.").unwrap_or(&host);
        if bare.is_empty() || !bare.chars().all(plain) {
            return Err(format!(
                "the map tile URL {url:?} has an unusable host: only a leading {{s}}. may vary"
            ));
        }
        Ok(Some(format!("{scheme}://{host}")))
    }

    /// The Content Security Policy of every answer: our own files, and
    /// images from the tile server.
    fn content_security_policy(&self) -> HeaderValue {
        let tiles = self
            .origin()
            .ok()
            .flatten()
            .map(|o| format!(" {o}"))
            .unwrap_or_default();
        let policy = format!(
            "default-src 'self'; img-src 'self' data:{tiles}; style-src 'self' 'unsafe-inline'; \
             frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        );
        // `new` let through only characters a header may carry.
        HeaderValue::from_str(&policy).unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"))
    }
}

impl Default for MapTiles {
    /// OpenStreetMap's tiles, with their attribution.
    fn default() -> Self {
        Self {
            url: Some(Self::OPENSTREETMAP_URL.to_owned()),
            attribution: Self::OPENSTREETMAP_ATTRIBUTION.to_owned(),
        }
    }
}

/// Bodies larger than this are refused before they are read.
const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

/// The whole site: pages, API, OpenAPI document, health check and assets.
pub fn router(app: App, settings: WebSettings) -> Router {
    let csp = settings.map_tiles.content_security_policy();
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
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            csp,
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

#[cfg(test)]
mod tests {
    use super::MapTiles;

    fn policy(tiles: &MapTiles) -> String {
        tiles
            .content_security_policy()
            .to_str()
            .unwrap_or_default()
            .to_owned()
    }

    #[test]
    fn the_tile_server_is_allowed_its_images_and_nothing_else() {
        let osm = MapTiles::default();
        assert!(policy(&osm).contains("img-src 'self' data: https://tile.openstreetmap.org;"));
        let varied = MapTiles::new("https://{s}.tiles.example.org:8443/{z}/{x}/{y}.png", "x").ok();
        assert_eq!(
            varied.and_then(|t| t.origin().ok().flatten()).as_deref(),
            Some("https://*.tiles.example.org:8443")
        );
        let local = MapTiles::new("/tiles/{z}/{x}/{y}.png", "").ok();
        assert!(local.is_some_and(|t| policy(&t).contains("img-src 'self' data:;")));
        let none = MapTiles::new("  ", "ignored").ok();
        assert_eq!(none, Some(MapTiles::none()));
    }

    #[test]
    fn unusable_tile_urls_are_refused_with_a_reason() {
        for url in [
            "https://tile.example.org/{z}/{x}.png",
            "ftp://tile.example.org/{z}/{x}/{y}.png",
            "tile.example.org/{z}/{x}/{y}.png",
            "https://a{s}.example.org/{z}/{x}/{y}.png",
            "https://tile.example.org/{z}/{x}/{y}.png'; script-src *",
            "//tile.example.org/{z}/{x}/{y}.png",
        ] {
            assert!(MapTiles::new(url, "").is_err(), "{url}");
        }
    }
}
