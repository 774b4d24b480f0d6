//! Reference data shipped with SOLEIL (the comuni of Italy): the same for
//! everyone and about no one, so there is nothing to scope or audit; the web
//! layer reads it from `soleil-reference` once the caller may.

use soleil_domain::User;

use crate::{App, AppResult, Operation, authorize};

impl App {
    /// Refuses callers who may not read the reference data.
    pub fn authorize_reference_data(&self, actor: &User) -> AppResult<()> {
        authorize(actor, Operation::ReadReferenceData)
    }
}
