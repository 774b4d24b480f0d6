//! Allocations end by themselves once their last night has passed: a job
//! releases them as the system account, with the reason "period ended", on
//! the case's timeline and in the audit log like a release by hand.
//!
//! The timeline and the audit log name a user for every step, so the job
//! acts as an account of its own: created on first need, inactive, with no
//! usable password and no region, it can never sign in nor see a record.

use chrono::NaiveDate;
use soleil_domain::place::PERIOD_ENDED;
use soleil_domain::{AuditAction, Role, User};
use soleil_store::{StoreError, network, places};

use super::release_in;
use crate::audit::{Subject, record};
use crate::{App, AppError, AppResult};

pub use soleil_store::network::SYSTEM_USER_ID;
/// Under a reserved top-level domain, so no real mailbox can be it.
pub const SYSTEM_EMAIL: &str = "system@soleil.invalid";
const SYSTEM_NAME: &str = "SOLEIL (automatico)";
/// Not a password hash at all: no password ever matches it.
const NO_PASSWORD: &str = "!";

impl App {
    /// Releases every allocation whose last night is before `today`. Safe
    /// to run again and from several instances at once: an allocation that
    /// another run released meanwhile is left alone. Returns how many this
    /// run ended.
    pub async fn end_expired_allocations(&self, today: NaiveDate) -> AppResult<usize> {
        let expired = {
            let mut handle = self.store.handle().await?;
            places::expired_allocations(handle.conn(), today).await?
        };
        if expired.is_empty() {
            return Ok(0);
        }
        let system = self.system_account().await?;
        let mut ended = 0;
        // One transaction each: a failure leaves the others ended.
        for allocation in expired {
            let mut tx = self.store.begin().await?;
            let case = (allocation.case_id, allocation.region);
            let reason = Some(PERIOD_ENDED.to_owned());
            match release_in(&mut tx, &system, case, allocation.id, reason).await {
                Ok(_) => {
                    tx.commit().await?;
                    ended += 1;
                }
                // Released by hand or by another run since the list was read.
                Err(AppError::Conflict {
                    code: "allocation_released",
                    ..
                }) => {}
                Err(error) => return Err(error),
            }
        }
        Ok(ended)
    }

    /// [`Self::end_expired_allocations`] as of today, the date the rest of
    /// SOLEIL counts days by (UTC).
    pub async fn end_expired_allocations_today(&self) -> AppResult<usize> {
        self.end_expired_allocations(crate::clock::now().date_naive())
            .await
    }

    /// The account automatic jobs act as, created the first time it is needed.
    pub(crate) async fn system_account(&self) -> AppResult<User> {
        let mut tx = self.store.begin().await?;
        if let Some(user) = network::user(tx.conn(), SYSTEM_USER_ID).await? {
            return Ok(user);
        }
        let user = User {
            id: SYSTEM_USER_ID,
            email: SYSTEM_EMAIL.to_owned(),
            display_name: SYSTEM_NAME.to_owned(),
            // A role without a region sees nothing, should it ever be switched on.
            role: Role::Secretariat,
            organisation_id: None,
            region: None,
            active: false,
            created_at: crate::clock::now(),
        };
        match network::insert_user(tx.conn(), &user, NO_PASSWORD).await {
            Ok(()) => {}
            // Another instance created it first.
            Err(StoreError::Conflict(_)) => {
                drop(tx);
                let mut handle = self.store.handle().await?;
                return network::user(handle.conn(), SYSTEM_USER_ID)
                    .await?
                    .ok_or(AppError::NotFound("user"));
            }
            Err(error) => return Err(error.into()),
        }
        let subject = Subject::new("user", user.id, None);
        let detail = Some("system account for automatic jobs".to_owned());
        record(&mut tx, &user, AuditAction::Create, subject, detail).await?;
        tx.commit().await?;
        Ok(user)
    }
}
