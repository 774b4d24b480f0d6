//! Pages: budget lines, disbursements and statements.

use axum::Router;

use crate::AppState;

mod budgets;
mod disbursements;
mod statements;

use self::disbursements::DisbursementRow;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(budgets::routes())
        .merge(disbursements::routes())
        .merge(statements::routes())
}
