//! Referrals (invii): from a case, an operator asks a service of the network
//! for something by a date, sharing only what the person agreed to share.
//! The receiving service accepts or declines, then completes with feedback.

use chrono::{DateTime, NaiveDate, Utc};

use crate::case::CaseId;
use crate::organisation::OrganisationId;
use crate::plan::NeedArea;
use crate::region::RegionCode;
use crate::user::UserId;
use crate::validation::{Invalid, LONG_TEXT};

crate::id_type!(ReferralId);

crate::text_enum! {
    /// Where a referral stands.
    ReferralState {
        /// Waiting for the receiving service's answer; the sender may cancel.
        Sent,
        Accepted,
        Declined,
        Completed,
        Cancelled,
    }
}

impl ReferralState {
    /// Whether the loop is closed: nothing more is expected.
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Declined | Self::Completed | Self::Cancelled)
    }
}

crate::text_enum! {
    /// What of the case the receiving service may see.
    ReferralShare {
        /// The person's names.
        Identity,
        /// The person's phone.
        Contact,
        Languages,
        /// Sector, work place, urgent needs and the screening's outcome.
        ScreeningSummary,
        /// The actions of the latest plan.
        PlanActions,
    }
}

/// One referral, as stored.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Referral {
    pub id: ReferralId,
    pub case_id: CaseId,
    pub region: RegionCode,
    /// The receiving service.
    pub organisation_id: OrganisationId,
    pub area: NeedArea,
    pub description: String,
    pub due_date: NaiveDate,
    pub shares: Vec<ReferralShare>,
    /// The person consented to sharing with this organisation.
    pub consent: bool,
    pub consent_confirmed_by: UserId,
    pub consent_confirmed_at: DateTime<Utc>,
    pub state: ReferralState,
    pub sent_by: UserId,
    pub sent_at: DateTime<Utc>,
    pub answered_by: Option<UserId>,
    pub answered_at: Option<DateTime<Utc>>,
    pub decline_reason: Option<String>,
    pub completed_at: Option<DateTime<Utc>>,
    pub feedback: Option<String>,
    pub cancelled_at: Option<DateTime<Utc>>,
}

impl Referral {
    /// Not answered to the end by its due date.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.state.is_closed() && self.due_date < today
    }
}

/// A request to refer the person of a case to a service.
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct ReferralInput {
    pub organisation_id: OrganisationId,
    pub area: NeedArea,
    pub description: String,
    /// YYYY-MM-DD.
    pub due_date: NaiveDate,
    #[serde(default)]
    pub shares: Vec<ReferralShare>,
    /// The person consented to sharing with this organisation.
    #[serde(default)]
    pub consent: bool,
}

impl ReferralInput {
    /// The description, trimmed and checked; the shares without repeats.
    pub fn parse(&self) -> Result<(String, Vec<ReferralShare>), Invalid> {
        let mut invalid = Invalid::new();
        let description = invalid.text("description", &self.description, LONG_TEXT);
        let mut shares = self.shares.clone();
        shares.sort();
        shares.dedup();
        invalid.into_result((description, shares))
    }
}

/// A decline needs a reason; a completion its feedback.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct ReferralAnswer {
    /// Why the service declines (decline).
    pub reason: Option<String>,
    /// What was done (complete).
    pub feedback: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_referrals_are_never_overdue() {
        assert!(ReferralState::Completed.is_closed());
        assert!(!ReferralState::Accepted.is_closed());
        assert_eq!(ReferralShare::ScreeningSummary.as_str(), "screening_summary");
    }
}
