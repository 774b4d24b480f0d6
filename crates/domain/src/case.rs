//! The case (presa in carico): one person's path in one region, as a state
//! machine. Every change of state is an event with actor and time; the
//! timeline and all monitoring are computed from those events.

use crate::organisation::OrganisationId;
use crate::person::PersonId;
use crate::region::RegionCode;
use crate::screening::{Priority, ScreeningId};
use crate::user::UserId;
use crate::validation::{Invalid, LONG_TEXT, SHORT_TEXT};

crate::id_type!(CaseId);
crate::id_type!(CaseEventId);

crate::text_enum! {
    CaseState {
        /// A screening reached the secretariat and waits in its queue.
        Reported,
        /// The secretariat is making the first assessment.
        Assessing,
        /// Emergency protection: shelter, art. 18 path.
        Emergency,
        /// The case manager drafts the personalised plan.
        Planning,
        /// The zonal working group reviews the plan.
        PlanReview,
        /// Training, work, housing, health, legal aid under way.
        Inclusion,
        Closed,
    }
}

crate::text_enum! {
    ClosingReason {
        GoalsMet,
        DroppedOut,
        /// Referred to, or taken over by, another body.
        Transferred,
        NotInScope,
        MovedRegion,
    }
}

crate::text_enum! {
    /// The outcome of the secretariat's first assessment.
    Decision {
        EmergencyResponse,
        PersonalisedPath,
        NotInScope,
        ReferElsewhere,
    }
}

impl CaseState {
    /// The states a case may move to from this one. Closing is always
    /// possible until the case is closed; nothing leaves `Closed`.
    pub fn next_states(self) -> &'static [CaseState] {
        use CaseState::*;
        match self {
            Reported => &[Assessing, Closed],
            Assessing => &[Emergency, Planning, Closed],
            Emergency => &[Planning, Closed],
            Planning => &[PlanReview, Closed],
            PlanReview => &[Planning, Inclusion, Closed],
            // A revised plan goes back to the working group.
            Inclusion => &[PlanReview, Closed],
            Closed => &[],
        }
    }

    pub fn can_move_to(self, to: CaseState) -> bool {
        self.next_states().contains(&to)
    }

    /// Whether the secretariat still has to triage it.
    pub fn is_in_queue(self) -> bool {
        matches!(self, Self::Reported | Self::Assessing)
    }
}

/// A move the state machine refuses, with where the case could go instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a case cannot move from {from} to {to}")]
pub struct TransitionRefused {
    pub from: CaseState,
    pub to: CaseState,
    pub allowed: Vec<CaseState>,
}

/// Checks one move against the state machine.
pub fn check_transition(from: CaseState, to: CaseState) -> Result<(), TransitionRefused> {
    if from.can_move_to(to) {
        Ok(())
    } else {
        Err(TransitionRefused {
            from,
            to,
            allowed: from.next_states().to_vec(),
        })
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Case {
    pub id: CaseId,
    pub person_id: PersonId,
    pub region: RegionCode,
    pub state: CaseState,
    pub priority: Priority,
    /// The screening that opened the case.
    pub screening_id: ScreeningId,
    /// Who recorded the first contact, and for which organisation.
    pub reported_by: UserId,
    pub reported_by_organisation: OrganisationId,
    pub decision: Option<Decision>,
    pub zonal_group: Option<String>,
    pub case_manager_id: Option<UserId>,
    pub referred_to: Option<OrganisationId>,
    pub closing_reason: Option<ClosingReason>,
    pub opened_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    pub closed_at: Option<chrono::DateTime<chrono::Utc>>,
}

crate::text_enum! {
    /// What a timeline entry records.
    CaseEventKind {
        Reported,
        /// A further screening joined a case already open.
        ScreeningAdded,
        Transition,
        Assessment,
        TeamMemberAdded,
        TeamMemberRemoved,
        PlanDrafted,
        PlanSubmitted,
        PlanReviewed,
        PlanApproved,
        PlanChangesRequested,
        AgreementRecorded,
        ActionDone,
        ActionDropped,
        PlaceAllocated,
        PlaceReleased,
        ReferralSent,
        ReferralAccepted,
        ReferralDeclined,
        ReferralCompleted,
        ReferralCancelled,
        /// An identity or stay document of the person was recorded.
        DocumentAdded,
        /// The person's permit expires soon: its renewal is due.
        PermitReminder,
        /// The case's person was recorded twice; the two records were merged.
        PersonsMerged,
        /// A merge of the case's person was undone.
        MergeUndone,
        /// The person was enrolled in a lab (course); the code is its kind.
        EnrolledInCourse,
        /// The person reached the attendance a lab asks to complete it.
        CourseCompleted,
        /// The person left a lab before completing it.
        CourseWithdrawn,
        /// The person started an internship, an apprenticeship or a job.
        WorkPlacementStarted,
        /// A work placement ended (early or at its end date).
        WorkPlacementEnded,
        /// A follow-up of a work placement (3, 6 or 12 months) was recorded.
        FollowUpRecorded,
        /// The person was proposed to a job offer, with their consent.
        CandidateProposed,
        /// The employer answered a proposal of the person, or it was withdrawn.
        ProposalAnswered,
        /// A support measure (allowance, voucher…) was proposed; the code is the measure.
        DisbursementProposed,
        /// A proposed measure was approved, refused or cancelled; the code is the outcome.
        DisbursementDecided,
        /// An approved measure was paid.
        DisbursementPaid,
    }
}

/// One entry of a case's timeline.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct CaseEvent {
    pub id: CaseEventId,
    pub case_id: CaseId,
    pub kind: CaseEventKind,
    pub from_state: Option<CaseState>,
    pub to_state: Option<CaseState>,
    pub actor_id: UserId,
    /// The actor's name when the event was read, for the timeline.
    #[cfg_attr(feature = "sqlx", sqlx(default))]
    pub actor_name: String,
    /// A vocabulary value the kind implies: an assessment's decision, a
    /// review's verdict, a closing reason. Shown translated.
    pub code: Option<String>,
    /// The plan version a plan step concerns.
    pub plan_version: Option<i32>,
    /// What a person wrote: a comment, a note, a team member's name.
    pub note: Option<String>,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// The secretariat's first assessment, as entered.
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct AssessmentInput {
    pub decision: Decision,
    /// Outcome of the legal-status check.
    pub legal_status_checked: Option<String>,
    pub summary: Option<String>,
    /// For a personalised path: the zonal group and the case manager.
    pub zonal_group: Option<String>,
    pub case_manager_id: Option<UserId>,
    /// For "refer elsewhere": the receiving organisation.
    pub referred_to: Option<OrganisationId>,
    /// For "not in scope" and "refer elsewhere": why.
    pub reason: Option<String>,
}

/// A checked assessment, with the state it moves the case to.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub decision: Decision,
    pub legal_status_checked: Option<String>,
    pub summary: Option<String>,
    pub zonal_group: Option<String>,
    pub case_manager_id: Option<UserId>,
    pub referred_to: Option<OrganisationId>,
    pub reason: Option<String>,
}

impl Assessment {
    pub fn parse(input: &AssessmentInput) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        let legal_status_checked = invalid.optional_text(
            "legal_status_checked",
            input.legal_status_checked.as_deref(),
            SHORT_TEXT,
        );
        let summary = invalid.optional_text("summary", input.summary.as_deref(), LONG_TEXT);
        let zonal_group = invalid.optional_text("zonal_group", input.zonal_group.as_deref(), SHORT_TEXT);
        let reason = invalid.optional_text("reason", input.reason.as_deref(), LONG_TEXT);
        match input.decision {
            Decision::PersonalisedPath => {
                if zonal_group.is_none() {
                    invalid.add("zonal_group", "required");
                }
                if input.case_manager_id.is_none() {
                    invalid.add("case_manager_id", "required");
                }
            }
            Decision::NotInScope => {
                if reason.is_none() {
                    invalid.add("reason", "required");
                }
            }
            Decision::ReferElsewhere => {
                if input.referred_to.is_none() {
                    invalid.add("referred_to", "required");
                }
                if reason.is_none() {
                    invalid.add("reason", "required");
                }
            }
            Decision::EmergencyResponse => {}
        }
        invalid.into_result(Self {
            decision: input.decision,
            legal_status_checked,
            summary,
            zonal_group,
            case_manager_id: input.case_manager_id,
            referred_to: input.referred_to,
            reason,
        })
    }

    /// Where the decision takes the case, and why it closes if it does.
    pub fn outcome(&self) -> (CaseState, Option<ClosingReason>) {
        match self.decision {
            Decision::EmergencyResponse => (CaseState::Emergency, None),
            Decision::PersonalisedPath => (CaseState::Planning, None),
            Decision::NotInScope => (CaseState::Closed, Some(ClosingReason::NotInScope)),
            Decision::ReferElsewhere => (CaseState::Closed, Some(ClosingReason::Transferred)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_is_final_and_reachable_from_every_other_state() {
        for state in CaseState::all() {
            if state == CaseState::Closed {
                assert!(state.next_states().is_empty());
            } else {
                assert!(state.can_move_to(CaseState::Closed), "{state} cannot close");
            }
        }
    }

    #[test]
    fn every_state_is_reachable_from_reported() {
        let mut seen = vec![CaseState::Reported];
        let mut frontier = vec![CaseState::Reported];
        while let Some(state) = frontier.pop() {
            for next in state.next_states() {
                if !seen.contains(next) {
                    seen.push(*next);
                    frontier.push(*next);
                }
            }
        }
        assert_eq!(seen.len(), CaseState::all().count());
    }

    #[test]
    fn a_refused_move_names_the_allowed_ones() {
        let refused = check_transition(CaseState::Reported, CaseState::Inclusion).unwrap_err();
        assert_eq!(refused.allowed, [CaseState::Assessing, CaseState::Closed]);
    }

    #[test]
    fn a_personalised_path_needs_a_group_and_a_case_manager() {
        let input = AssessmentInput {
            decision: Decision::PersonalisedPath,
            legal_status_checked: None,
            summary: None,
            zonal_group: None,
            case_manager_id: None,
            referred_to: None,
            reason: None,
        };
        let fields: Vec<_> = Assessment::parse(&input)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["zonal_group", "case_manager_id"]);
    }
}
