//! Employers: their records, needs surveys aggregated per sector and province, and their logins.

use soleil_domain::inclusion::employer::EmployerId;
use soleil_domain::{Role, User};
use soleil_store::{Tx, employers};

use crate::AppResult;

/// The employer a login of role employer belongs to; `None` for every other
/// role (and for an employer login not linked, which then sees nothing).
pub(crate) async fn own_employer(tx: &mut Tx, user: &User) -> AppResult<Option<EmployerId>> {
    if user.role != Role::Employer {
        return Ok(None);
    }
    Ok(employers::employer_of_user(tx.conn(), user.id).await?)
}
