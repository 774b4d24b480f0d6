//! Playing the stories through the use cases, as the demo users of each
//! region.

use chrono::{Days, Utc};
use soleil_domain::OrganisationKind as Kind;
use soleil_domain::{
    ActionInput, ActionOutcome, AssessmentInput, CaseId, CaseState, Decision, NeedArea, NeedInput,
    Organisation, OrganisationId, Plan, PlanInput, RegionCode, ReviewVerdict, Role, User,
};

use super::calendar::{Calendar, Timeline};
use super::casework::{
    AGREEMENT_NOTE, APPROVAL_COMMENT, DROPPED_ACTION, EMERGENCY_SUMMARY, IN_FORCE_NOTE, NOT_IN_SCOPE,
    OUT_OF_EMERGENCY, PATH_SUMMARY, REFERRALS, TRIAGE_NOTE, legal_status_checked,
};
use super::needs::need_template;
use super::regions::REGIONS;
use super::screening::FOLLOW_UP_NOTE;
use super::stories::{Stage, Story, closing};
use crate::cases::TransitionInput;
use crate::clock::replay;
use crate::intake::{ContactInput, ScreeningInput};
use crate::plans::{ActionUpdateInput, AgreementInput, ReviewInput};
use crate::{App, AppError, AppResult};

/// The demo users and organisations of one region, who act in its stories.
pub(super) struct Cast {
    region: RegionCode,
    organisations: Vec<Organisation>,
    secretariat: Option<User>,
    frontline: Vec<User>,
    case_managers: Vec<User>,
    services: Vec<User>,
}

impl Cast {
    fn new(region: RegionCode, organisations: &[Organisation]) -> Self {
        Self {
            region,
            organisations: organisations
                .iter()
                .filter(|o| o.region == region)
                .cloned()
                .collect(),
            secretariat: None,
            frontline: Vec::new(),
            case_managers: Vec::new(),
            services: Vec::new(),
        }
    }

    /// The cast of every demo region: its organisations, and its staff in
    /// the order they were created.
    pub(super) fn of_every_region(organisations: &[Organisation], staff: Vec<User>) -> Vec<Self> {
        let mut casts: Vec<Self> = REGIONS.iter().map(|r| Self::new(r.code, organisations)).collect();
        for user in staff {
            if let Some(cast) = casts.iter_mut().find(|c| user.region == Some(c.region)) {
                cast.join(user);
            }
        }
        casts
    }

    fn join(&mut self, user: User) {
        match user.role {
            Role::Secretariat => self.secretariat = Some(user),
            Role::Frontline => self.frontline.push(user),
            Role::CaseManager => self.case_managers.push(user),
            Role::Service => self.services.push(user),
            _ => {}
        }
    }

    fn secretariat(&self) -> AppResult<&User> {
        self.secretariat
            .as_ref()
            .ok_or(AppError::NotFound("demo secretariat user"))
    }

    fn nth(users: &[User], index: usize) -> AppResult<&User> {
        users.get(index).ok_or(AppError::NotFound("demo user"))
    }

    /// The first organisation of the region of the first kind it has.
    fn organisation_of(&self, kinds: &[Kind]) -> Option<OrganisationId> {
        kinds
            .iter()
            .find_map(|kind| self.organisations.iter().find(|o| o.kind == *kind))
            .map(|o| o.id)
    }

    /// Who marks an action: the team member of the organisation responsible
    /// for it, or the case manager.
    fn action_owner<'a>(&'a self, manager: &'a User, responsible: OrganisationId) -> &'a User {
        self.services
            .iter()
            .find(|s| s.organisation_id == Some(responsible))
            .unwrap_or(manager)
    }

    /// The plan a case manager writes for these needs; an area no
    /// organisation of the region covers stays with the case manager's own.
    fn plan(&self, manager: &User, needs: &[(NeedArea, usize)]) -> AppResult<PlanInput> {
        let today = Utc::now().date_naive();
        let mut plan = PlanInput::default();
        for &(area, variant) in needs {
            let template = need_template(area)?;
            let variant = variant % 2;
            let responsible = self
                .organisation_of(template.responsible)
                .or(manager.organisation_id)
                .ok_or(AppError::NotFound("demo organisation"))?;
            plan.needs.push(NeedInput {
                area,
                description: template.needs[variant].to_owned(),
            });
            plan.actions.push(ActionInput {
                area,
                description: template.actions[variant].to_owned(),
                responsible_organisation_id: responsible,
                due_date: today.checked_add_days(Days::new(template.due_in_days)),
            });
        }
        Ok(plan)
    }

    /// The assessment that closes a case at triage or sends it to emergency.
    fn decision(&self, story: &Story) -> AssessmentInput {
        let mut input = assessment(Decision::EmergencyResponse, story);
        match story.stage {
            Stage::NotInScope => {
                input.decision = Decision::NotInScope;
                input.summary = None;
                input.reason = Some(NOT_IN_SCOPE[story.referral % NOT_IN_SCOPE.len()].to_owned());
            }
            Stage::ReferredElsewhere => {
                // The story's choice if the region has such a body, else the next one.
                let target = (0..REFERRALS.len())
                    .map(|i| REFERRALS[(story.referral + i) % REFERRALS.len()])
                    .find_map(|(kind, reason)| self.organisation_of(&[kind]).map(|id| (id, reason)));
                input.decision = Decision::ReferElsewhere;
                input.summary = None;
                input.referred_to = target.map(|(id, _)| id);
                input.reason = target.map(|(_, reason)| reason.to_owned());
            }
            _ => {}
        }
        input
    }
}

fn assessment(decision: Decision, story: &Story) -> AssessmentInput {
    AssessmentInput {
        decision,
        legal_status_checked: Some(legal_status_checked(story.profile.legal_status).to_owned()),
        summary: Some(
            if decision == Decision::EmergencyResponse {
                EMERGENCY_SUMMARY
            } else {
                PATH_SUMMARY
            }
            .to_owned(),
        ),
        zonal_group: None,
        case_manager_id: None,
        referred_to: None,
        reason: None,
    }
}

fn move_to(to: CaseState, note: &str) -> TransitionInput {
    TransitionInput {
        to,
        closing_reason: None,
        note: Some(note.to_owned()),
        case_manager_id: None,
        zonal_group: None,
    }
}

impl App {
    /// Plays every story in turn, each as of the days its steps happened
    /// ([`Timeline`]); returns the states their cases end in.
    pub(super) async fn play_all(
        &self,
        casts: &[Cast],
        stories: &[Story],
        calendar: &mut Calendar,
    ) -> AppResult<Vec<CaseState>> {
        let mut reached = Vec::with_capacity(stories.len());
        for story in stories {
            let cast = casts
                .iter()
                .find(|c| c.region == story.region)
                .ok_or(AppError::NotFound("demo region"))?;
            let timeline = calendar.draw();
            if let Some(state) = self.play(cast, story, &timeline).await? {
                reached.push(state);
            }
        }
        Ok(reached)
    }

    /// Plays one story as far as its stage; returns the state its case ends
    /// in, or `None` when no screening was sent and so no case opened.
    async fn play(&self, cast: &Cast, story: &Story, when: &Timeline) -> AppResult<Option<CaseState>> {
        let Some(case) = replay(when.reported, self.report(cast, story)).await? else {
            return Ok(None);
        };
        if story.stage == Stage::Reported {
            return Ok(Some(CaseState::Reported));
        }
        let secretariat = cast.secretariat()?;
        let triaged = replay(
            when.assessed,
            self.transition(secretariat, case, &move_to(CaseState::Assessing, TRIAGE_NOTE)),
        )
        .await?;
        if matches!(
            story.stage,
            Stage::Assessing | Stage::Emergency | Stage::NotInScope | Stage::ReferredElsewhere
        ) {
            if story.stage == Stage::Assessing {
                return Ok(Some(triaged.state));
            }
            let decided = replay(when.assessed, async {
                let decided = self.assess(secretariat, case, &cast.decision(story)).await?;
                if decided.state == CaseState::Emergency {
                    self.record_entry(secretariat, case, story).await?;
                }
                AppResult::Ok(decided)
            })
            .await?;
            return Ok(Some(decided.state));
        }
        let manager = Cast::nth(&cast.case_managers, story.case_manager)?;
        replay(when.assessed, self.open_path(cast, story, case, manager)).await?;
        replay(when.planned, self.plan_and_review(cast, story, case, manager)).await?;
        if story.stage == Stage::Planning || (story.stage == Stage::DroppedOut && story.early_exit) {
            return replay(
                when.closed,
                self.close_if_due(story, case, manager, CaseState::Planning),
            )
            .await;
        }
        if story.stage == Stage::PlanReview {
            return Ok(Some(CaseState::PlanReview));
        }
        let agreement = AgreementInput {
            note: Some(AGREEMENT_NOTE.to_owned()),
        };
        let plan = replay(when.agreed, self.record_agreement(manager, case, &agreement)).await?;
        replay(
            when.included,
            self.transition(manager, case, &move_to(CaseState::Inclusion, IN_FORCE_NOTE)),
        )
        .await?;
        replay(when.closed, async {
            self.carry_out(cast, story.stage, case, manager, &plan).await?;
            self.close_if_due(story, case, manager, CaseState::Inclusion)
                .await
        })
        .await
    }

    /// The plan drafted and, unless the story stops before, submitted to
    /// the working group and reviewed (approved, or first sent back for a
    /// missing need).
    async fn plan_and_review(
        &self,
        cast: &Cast,
        story: &Story,
        case: CaseId,
        manager: &User,
    ) -> AppResult<()> {
        self.save_plan(manager, case, &cast.plan(manager, &story.needs)?)
            .await?;
        if story.stage == Stage::Planning || (story.stage == Stage::DroppedOut && story.early_exit) {
            return Ok(());
        }
        for service in &cast.services {
            self.add_team_member(manager, case, service.id).await?;
        }
        self.submit_plan(manager, case).await?;
        if story.stage == Stage::PlanReview {
            // One member of the group has answered; the others have not yet.
            if let Some(first) = cast.services.first() {
                self.review(first, case, ReviewVerdict::Approve, Some(APPROVAL_COMMENT))
                    .await?;
            }
            return Ok(());
        }
        if let Some(area) = story.requested_change {
            self.revise(cast, story, case, manager, area).await?;
        }
        for service in &cast.services {
            self.review(service, case, ReviewVerdict::Approve, None).await?;
        }
        Ok(())
    }

    /// The first contact: person and screening, sent unless the story stops
    /// at a draft; a follow-up screening joins the case before triage.
    async fn report(&self, cast: &Cast, story: &Story) -> AppResult<Option<CaseId>> {
        let recorder = Cast::nth(&cast.frontline, story.recorder)?;
        let contact = ContactInput {
            person: story.person.clone(),
            screening: story.profile.clone(),
            send: !matches!(story.stage, Stage::Anonymous | Stage::Draft),
            // The stories' people are different persons, even when namesakes.
            confirm_new_person: true,
        };
        let (person, screening) = self.record_contact(recorder, &contact).await?;
        if !contact.send {
            return Ok(None);
        }
        if story.follow_up {
            let mut profile = story.profile.clone();
            profile.notes = Some(FOLLOW_UP_NOTE.to_owned());
            let again = ScreeningInput {
                person_id: person.id,
                profile,
                send: true,
            };
            self.create_screening(recorder, &again).await?;
        }
        screening
            .case_id
            .map(Some)
            .ok_or(AppError::NotFound("case of the sent screening"))
    }

    /// The secretariat opens the personalised path: straight away, or after
    /// emergency protection when the person was in danger or on the street.
    async fn open_path(&self, cast: &Cast, story: &Story, case: CaseId, manager: &User) -> AppResult<()> {
        let secretariat = cast.secretariat()?;
        if story.via_emergency {
            let input = assessment(Decision::EmergencyResponse, story);
            self.assess(secretariat, case, &input).await?;
            let onwards = TransitionInput {
                case_manager_id: Some(manager.id),
                zonal_group: Some(story.zonal_group.to_owned()),
                ..move_to(CaseState::Planning, OUT_OF_EMERGENCY)
            };
            self.transition(secretariat, case, &onwards).await?;
        } else {
            let input = AssessmentInput {
                zonal_group: Some(story.zonal_group.to_owned()),
                case_manager_id: Some(manager.id),
                ..assessment(Decision::PersonalisedPath, story)
            };
            self.assess(secretariat, case, &input).await?;
        }
        self.record_entry(secretariat, case, story).await
    }

    /// The participant's answers at entry, once the case is taken in charge.
    async fn record_entry(&self, secretariat: &User, case: CaseId, story: &Story) -> AppResult<()> {
        let answers = super::participants::participant_answers(story);
        self.record_participant(secretariat, case, &answers).await?;
        Ok(())
    }

    async fn review(
        &self,
        reviewer: &User,
        case: CaseId,
        verdict: ReviewVerdict,
        comment: Option<&str>,
    ) -> AppResult<Plan> {
        let input = ReviewInput {
            verdict,
            comment: comment.map(str::to_owned),
        };
        self.review_plan(reviewer, case, &input).await
    }

    /// The working group asks for a missing need; the case manager adds it
    /// and submits the plan again.
    async fn revise(
        &self,
        cast: &Cast,
        story: &Story,
        case: CaseId,
        manager: &User,
        area: NeedArea,
    ) -> AppResult<()> {
        let Some(reviewer) = cast.services.first() else {
            return Ok(());
        };
        let comment = format!(
            "Manca un'azione per l'area {}: da aggiungere prima dell'approvazione.",
            need_template(area)?.label
        );
        self.review(reviewer, case, ReviewVerdict::RequestChanges, Some(&comment))
            .await?;
        let mut needs = story.needs.clone();
        needs.push((area, 0));
        self.save_plan(manager, case, &cast.plan(manager, &needs)?)
            .await?;
        self.submit_plan(manager, case).await?;
        Ok(())
    }

    /// Marks the actions of the plan in force as far as the story goes: some
    /// done (and one dropped) while inclusion goes on, all done when the
    /// goals are met, the first only for those who leave.
    async fn carry_out(
        &self,
        cast: &Cast,
        stage: Stage,
        case: CaseId,
        manager: &User,
        plan: &Plan,
    ) -> AppResult<()> {
        let actions = &plan.actions;
        let done = match stage {
            Stage::GoalsMet => actions.len(),
            Stage::Inclusion | Stage::DroppedOut | Stage::MovedRegion => 1,
            _ => 0,
        };
        let dropped = usize::from(stage == Stage::Inclusion && actions.len() >= 4);
        let updates = actions.iter().take(done).map(|a| (a, ActionOutcome::Done)).chain(
            actions
                .iter()
                .rev()
                .take(dropped)
                .map(|a| (a, ActionOutcome::Dropped)),
        );
        for (action, status) in updates {
            let note = match status {
                ActionOutcome::Dropped => DROPPED_ACTION,
                ActionOutcome::Done => need_template(action.area)?.done,
            };
            let input = ActionUpdateInput {
                status,
                note: Some(note.to_owned()),
            };
            let owner = cast.action_owner(manager, action.responsible_organisation_id);
            self.update_action(owner, case, action.id, &input).await?;
        }
        Ok(())
    }

    /// Closes the case if the story ends that way; otherwise it stays in
    /// `current`.
    async fn close_if_due(
        &self,
        story: &Story,
        case: CaseId,
        manager: &User,
        current: CaseState,
    ) -> AppResult<Option<CaseState>> {
        let Some((reason, note)) = closing(story.stage) else {
            return Ok(Some(current));
        };
        let input = TransitionInput {
            closing_reason: Some(reason),
            ..move_to(CaseState::Closed, note)
        };
        Ok(Some(self.transition(manager, case, &input).await?.state))
    }
}
