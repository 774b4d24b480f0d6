//! Static files bundled into the binary: Bootstrap Italia (installed from npm by `build.rs`)
//! under `/static/bi/`, Leaflet (likewise) under `/static/leaflet/`, and our own files from
//! `crates/web/static/` under `/static/app/`.

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderName, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use rust_embed::Embed;

/// Bootstrap Italia stylesheet.
pub const BI_CSS: &str = "/static/bi/css/bootstrap-italia.min.css";
/// Bootstrap Italia script, Bootstrap and Popper included; exposes the global `bootstrap`.
pub const BI_JS: &str = "/static/bi/js/bootstrap-italia.bundle.min.js";
/// Icon sprite: `<svg class="icon"><use href="{BI_SPRITES}#it-search"></use></svg>`.
pub const BI_SPRITES: &str = "/static/bi/svg/sprites.svg";
/// Our stylesheet (also declares Bootstrap Italia's web fonts); load it after [`BI_CSS`].
pub const APP_CSS: &str = "/static/app/soleil.css";
/// Leaflet's stylesheet, for the pages with a map.
pub const LEAFLET_CSS: &str = "/static/leaflet/leaflet.css";
/// Leaflet's script; exposes the global `L`.
pub const LEAFLET_JS: &str = "/static/leaflet/leaflet.js";

/// The files of Bootstrap Italia's `dist/` that pages use.
#[derive(Embed)]
#[folder = "assets/node_modules/bootstrap-italia/dist/"]
#[include = "css/bootstrap-italia.min.css"]
#[include = "js/bootstrap-italia.bundle.min.js"]
#[include = "fonts/**"]
#[include = "svg/sprites.svg"]
struct BootstrapItalia;

/// The files of Leaflet's `dist/` that the maps use: the script, its
/// stylesheet and the images the stylesheet names (the layer control's).
#[derive(Embed)]
#[folder = "assets/node_modules/leaflet/dist/"]
#[include = "leaflet.js"]
#[include = "leaflet.css"]
#[include = "images/*"]
struct Leaflet;

/// Everything in `crates/web/static/`.
#[derive(Embed)]
#[folder = "static/"]
struct AppStatic;

/// Routes `GET /static/bi/{*path}`, `GET /static/leaflet/{*path}` and `GET /static/app/{*path}`.
pub fn router<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .route("/static/bi/{*path}", get(bootstrap_italia))
        .route("/static/leaflet/{*path}", get(leaflet))
        .route("/static/app/{*path}", get(app))
}

async fn bootstrap_italia(Path(path): Path<String>) -> Response {
    serve::<BootstrapItalia>(&path)
}

async fn leaflet(Path(path): Path<String>) -> Response {
    serve::<Leaflet>(&path)
}

async fn app(Path(path): Path<String>) -> Response {
    serve::<AppStatic>(&path)
}

fn serve<E: Embed>(path: &str) -> Response {
    const NOSNIFF: [(HeaderName, &str); 1] = [(header::X_CONTENT_TYPE_OPTIONS, "nosniff")];
    let Some(file) = E::get(path) else {
        return (StatusCode::NOT_FOUND, NOSNIFF).into_response();
    };
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let content_type = match mime.essence_str() {
        "text/css" | "text/javascript" | "application/javascript" => format!("{mime}; charset=utf-8"),
        _ => mime.to_string(),
    };
    let cache = [(header::CACHE_CONTROL, "public, max-age=86400")];
    ([(header::CONTENT_TYPE, content_type)], cache, NOSNIFF, file.data).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;

    #[test]
    fn bootstrap_italia_files_are_embedded() {
        for url in [BI_CSS, BI_JS, BI_SPRITES] {
            let path = url.strip_prefix("/static/bi/").expect("under /static/bi/");
            assert!(BootstrapItalia::get(path).is_some(), "{path} is not embedded");
        }
        let font = "fonts/Titillium_Web/titillium-web-v10-latin-ext_latin-regular.woff2";
        assert!(BootstrapItalia::get(font).is_some(), "{font} is not embedded");
        assert!(
            BootstrapItalia::get("js/bootstrap-italia.min.js").is_none(),
            "include patterns ignored"
        );
    }

    #[test]
    fn leaflet_files_are_embedded() {
        for url in [LEAFLET_CSS, LEAFLET_JS] {
            let path = url
                .strip_prefix("/static/leaflet/")
                .expect("under /static/leaflet/");
            assert!(Leaflet::get(path).is_some(), "{path} is not embedded");
        }
        assert!(Leaflet::get("images/layers.png").is_some());
        assert!(
            Leaflet::get("leaflet-src.js").is_none(),
            "include patterns ignored"
        );
    }

    #[test]
    fn app_files_are_embedded() {
        let path = APP_CSS.strip_prefix("/static/app/").expect("under /static/app/");
        assert!(AppStatic::get(path).is_some(), "{path} is not embedded");
    }

    #[test]
    fn app_css_font_urls_resolve_to_embedded_fonts() {
        let css = AppStatic::get("soleil.css").expect("soleil.css");
        let css = std::str::from_utf8(&css.data).expect("utf-8");
        let fonts: Vec<&str> = css
            .split("url(\"../bi/")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        assert!(!fonts.is_empty());
        for font in fonts {
            assert!(BootstrapItalia::get(font).is_some(), "{font} is not embedded");
        }
    }

    async fn fetch(uri: &str) -> Response {
        let request = Request::get(uri).body(Body::empty()).expect("request");
        router::<()>().oneshot(request).await.expect("infallible")
    }

    #[tokio::test]
    async fn serves_files_with_headers() {
        for (uri, content_type) in [
            (BI_CSS, "text/css; charset=utf-8"),
            (BI_SPRITES, "image/svg+xml"),
            (APP_CSS, "text/css; charset=utf-8"),
            (LEAFLET_CSS, "text/css; charset=utf-8"),
            (
                "/static/bi/fonts/Lora/lora-v20-latin-ext_latin-regular.woff2",
                "font/woff2",
            ),
        ] {
            let response = fetch(uri).await;
            assert_eq!(response.status(), StatusCode::OK, "{uri}");
            let headers = response.headers();
            assert_eq!(headers[header::CONTENT_TYPE], content_type, "{uri}");
            assert_eq!(headers[header::CACHE_CONTROL], "public, max-age=86400");
            assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        }
        let js = fetch(BI_JS).await;
        assert!(
            js.headers()[header::CONTENT_TYPE]
                .to_str()
                .expect("ascii")
                .contains("javascript")
        );
    }

    #[tokio::test]
    async fn unknown_paths_are_404() {
        for uri in [
            "/static/bi/js/bootstrap-italia.min.js",
            "/static/bi/../../package.json",
            "/static/app/missing.css",
            "/static/leaflet/leaflet-src.js",
            "/static/app/",
        ] {
            assert_eq!(fetch(uri).await.status(), StatusCode::NOT_FOUND, "{uri}");
        }
    }
}
