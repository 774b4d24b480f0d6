//! The personalised plan (piano personalizzato): needs by area and the
//! actions that meet them. Plans are versioned: a draft is edited in place,
//! a submitted or approved version never is; a change means a new version.

use chrono::NaiveDate;

use crate::case::CaseId;
use crate::organisation::OrganisationId;
use crate::user::UserId;
use crate::validation::{Invalid, LONG_TEXT};

crate::id_type!(PlanId);
crate::id_type!(NeedId);
crate::id_type!(ActionId);
crate::id_type!(ReviewId);

crate::text_enum! {
    /// The areas of secondary profiling.
    NeedArea {
        Training,
        Work,
        Housing,
        Health,
        LegalAid,
        UnionAid,
        SocialSupport,
        Documents,
        Language,
    }
}

crate::text_enum! {
    PlanStatus {
        /// Being written by the case manager; editable.
        Draft,
        /// Put to the zonal working group; frozen.
        InReview,
        /// Approved by every reviewer; frozen for good.
        Approved,
        /// Replaced by a later version.
        Superseded,
    }
}

crate::text_enum! {
    ActionStatus { Open, Done, Dropped }
}

crate::text_enum! {
    /// How an open action ends.
    ActionOutcome { Done, Dropped }
}

impl From<ActionOutcome> for ActionStatus {
    fn from(outcome: ActionOutcome) -> Self {
        match outcome {
            ActionOutcome::Done => Self::Done,
            ActionOutcome::Dropped => Self::Dropped,
        }
    }
}

crate::text_enum! {
    ReviewVerdict { Comment, Approve, RequestChanges }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Need {
    pub id: NeedId,
    pub plan_id: PlanId,
    pub area: NeedArea,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Action {
    pub id: ActionId,
    pub plan_id: PlanId,
    pub area: NeedArea,
    pub description: String,
    pub responsible_organisation_id: OrganisationId,
    pub due_date: Option<NaiveDate>,
    pub status: ActionStatus,
    pub status_note: Option<String>,
    pub status_changed_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Review {
    pub id: ReviewId,
    pub plan_id: PlanId,
    pub reviewer_id: UserId,
    #[cfg_attr(feature = "sqlx", sqlx(default))]
    pub reviewer_name: String,
    pub verdict: ReviewVerdict,
    pub comment: Option<String>,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// One version of a case's plan, with its content.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Plan {
    pub id: PlanId,
    pub case_id: CaseId,
    pub version: i32,
    pub status: PlanStatus,
    pub author_id: UserId,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub submitted_at: Option<chrono::DateTime<chrono::Utc>>,
    pub approved_at: Option<chrono::DateTime<chrono::Utc>>,
    /// When the person agreed to this version, and how it was recorded.
    pub agreed_at: Option<chrono::DateTime<chrono::Utc>>,
    pub agreement_note: Option<String>,
    /// Who must approve: the zonal working group at submission.
    pub reviewers: Vec<UserId>,
    pub needs: Vec<Need>,
    pub actions: Vec<Action>,
    pub reviews: Vec<Review>,
}

/// The header of a plan version, as stored.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct PlanVersion {
    pub id: PlanId,
    pub case_id: CaseId,
    pub version: i32,
    pub status: PlanStatus,
    pub author_id: UserId,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub submitted_at: Option<chrono::DateTime<chrono::Utc>>,
    pub approved_at: Option<chrono::DateTime<chrono::Utc>>,
    pub agreed_at: Option<chrono::DateTime<chrono::Utc>>,
    pub agreement_note: Option<String>,
}

impl Plan {
    pub fn from_parts(
        version: PlanVersion,
        reviewers: Vec<UserId>,
        needs: Vec<Need>,
        actions: Vec<Action>,
        reviews: Vec<Review>,
    ) -> Self {
        Self {
            id: version.id,
            case_id: version.case_id,
            version: version.version,
            status: version.status,
            author_id: version.author_id,
            created_at: version.created_at,
            submitted_at: version.submitted_at,
            approved_at: version.approved_at,
            agreed_at: version.agreed_at,
            agreement_note: version.agreement_note,
            reviewers,
            needs,
            actions,
            reviews,
        }
    }

    /// Whether every reviewer has approved since the plan was last submitted.
    /// Approvals given before a request for changes do not count: the
    /// reviewer has not seen the content as it stands now.
    pub fn approved_by_all(&self) -> bool {
        let Some(submitted) = self.submitted_at else {
            return false;
        };
        !self.reviewers.is_empty()
            && self.reviewers.iter().all(|reviewer| {
                self.reviews.iter().any(|r| {
                    r.reviewer_id == *reviewer && r.verdict == ReviewVerdict::Approve && r.at >= submitted
                })
            })
    }

    /// Ready for inclusion: approved by the group and agreed by the person.
    pub fn is_in_force(&self) -> bool {
        self.status == PlanStatus::Approved && self.agreed_at.is_some()
    }
}

/// Need and action content typed by the case manager.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct PlanInput {
    #[serde(default)]
    pub needs: Vec<NeedInput>,
    #[serde(default)]
    pub actions: Vec<ActionInput>,
}

#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct NeedInput {
    pub area: NeedArea,
    #[schema(min_length = 1)]
    pub description: String,
}

#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct ActionInput {
    pub area: NeedArea,
    #[schema(min_length = 1)]
    pub description: String,
    pub responsible_organisation_id: OrganisationId,
    /// YYYY-MM-DD; empty when there is none.
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    pub due_date: Option<NaiveDate>,
}

/// Checked plan content.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanContent {
    pub needs: Vec<(NeedArea, String)>,
    pub actions: Vec<(NeedArea, String, OrganisationId, Option<NaiveDate>)>,
}

impl PlanContent {
    pub fn parse(input: &PlanInput) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        let needs = input
            .needs
            .iter()
            .enumerate()
            .map(|(i, need)| {
                (
                    need.area,
                    invalid.text(&format!("needs[{i}].description"), &need.description, LONG_TEXT),
                )
            })
            .collect();
        let actions = input
            .actions
            .iter()
            .enumerate()
            .map(|(i, action)| {
                let description = invalid.text(
                    &format!("actions[{i}].description"),
                    &action.description,
                    LONG_TEXT,
                );
                (
                    action.area,
                    description,
                    action.responsible_organisation_id,
                    action.due_date,
                )
            })
            .collect();
        invalid.into_result(Self { needs, actions })
    }

    /// A plan goes to the working group only with something in it.
    pub fn check_submittable(needs: usize, actions: usize) -> Result<(), Invalid> {
        let mut invalid = Invalid::new();
        if needs == 0 {
            invalid.add("needs", "plan_needs_required");
        }
        if actions == 0 {
            invalid.add("actions", "plan_actions_required");
        }
        invalid.into_result(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(reviewers: Vec<UserId>, reviews: Vec<(UserId, ReviewVerdict)>) -> Plan {
        let plan_id = PlanId::new();
        let now = chrono::Utc::now();
        let version = PlanVersion {
            id: plan_id,
            case_id: CaseId::new(),
            version: 1,
            status: PlanStatus::InReview,
            author_id: UserId::new(),
            created_at: now,
            submitted_at: Some(now),
            approved_at: None,
            agreed_at: None,
            agreement_note: None,
        };
        let reviews = reviews
            .into_iter()
            .map(|(reviewer_id, verdict)| Review {
                id: ReviewId::new(),
                plan_id,
                reviewer_id,
                reviewer_name: String::new(),
                verdict,
                comment: None,
                at: now,
            })
            .collect();
        Plan::from_parts(version, reviewers, vec![], vec![], reviews)
    }

    #[test]
    fn approval_needs_every_reviewer() {
        let (a, b) = (UserId::new(), UserId::new());
        assert!(!plan(vec![a, b], vec![(a, ReviewVerdict::Approve)]).approved_by_all());
        assert!(
            !plan(
                vec![a, b],
                vec![(a, ReviewVerdict::Approve), (b, ReviewVerdict::Comment)]
            )
            .approved_by_all()
        );
        assert!(
            plan(
                vec![a, b],
                vec![(a, ReviewVerdict::Approve), (b, ReviewVerdict::Approve)]
            )
            .approved_by_all()
        );
    }

    #[test]
    fn approvals_before_a_resubmission_do_not_count() {
        let (a, b) = (UserId::new(), UserId::new());
        let mut resubmitted = plan(
            vec![a, b],
            vec![(a, ReviewVerdict::Approve), (b, ReviewVerdict::Approve)],
        );
        resubmitted.submitted_at = Some(chrono::Utc::now() + chrono::Duration::seconds(1));
        assert!(!resubmitted.approved_by_all());
    }

    #[test]
    fn a_plan_with_no_reviewers_is_never_approved() {
        assert!(!plan(vec![], vec![]).approved_by_all());
    }

    #[test]
    fn an_empty_plan_cannot_be_submitted() {
        assert!(PlanContent::check_submittable(0, 1).is_err());
        assert!(PlanContent::check_submittable(1, 0).is_err());
        assert!(PlanContent::check_submittable(1, 1).is_ok());
    }
}
