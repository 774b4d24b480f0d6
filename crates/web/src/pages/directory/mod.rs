//! The services directory's pages: the search (`/directory`) and its map,
//! a service's page and its form, and the import and export of a region's
//! directory. The directory holds no personal data: every signed-in role
//! searches and reads it; who may change what is the app's decision.

mod edit;
mod filters;
mod import;
mod map;
mod results;
mod search;
mod service;
mod show;

use axum::Router;
use axum::routing::{get, post};

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/directory", get(search::page))
        .route("/directory/map", get(map::page))
        .route("/directory/map/points", get(map::points))
        .route("/directory/comuni", get(filters::comuni))
        .route("/directory/services/new", get(edit::new_form).post(edit::create))
        .route("/directory/services/{id}", get(service::page))
        .route(
            "/directory/services/{id}/edit",
            get(edit::edit_form).post(edit::update),
        )
        .route("/directory/import", get(import::page))
        .route("/directory/import/template.csv", get(import::template))
        .route("/directory/export.json", get(import::export))
}

/// The upload of a directory file: a multipart form, which the pages'
/// anti-forgery guard cannot read, so it checks the token itself.
pub fn upload_routes() -> Router<AppState> {
    Router::new().route("/directory/import/file", post(import::upload))
}
