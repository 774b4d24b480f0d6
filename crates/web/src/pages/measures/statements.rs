//! The statements page: a budget line's or a person's disbursements over a
//! period, on screen and as CSV, XLSX and PDF for expense reporting.

use axum::Router;

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}
