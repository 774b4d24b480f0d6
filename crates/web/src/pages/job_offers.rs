//! Pages: job offers, work profiles, matches, proposals and recruiting days.

use axum::Router;

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}
