//! Phase 2, presa in carico: the secretariat's queue and first assessment,
//! the case team, and every change of a case's state.

use soleil_domain::{
    ActionId, ActionStatus, Assessment, AssessmentInput, AuditAction, Case, CaseEvent, CaseEventId,
    CaseEventKind, CaseId, CaseState, ClosingReason, Evaluation, Invalid, Person, Plan, PlanStatus,
    PlanVersion, Role, Screening, UrgentNeeds, User, UserId, case::check_transition,
};
use soleil_store::cases::{AssessmentRecord, CaseFilter, CaseSummary, StateChange, TeamMember};
use soleil_store::{Page, Scope, Tx, cases, network, persons, plans, screenings};

use crate::audit::{Subject, record};
use crate::{App, AppError, AppResult, Operation, authorize, policy};

/// A request to move a case by hand.
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct TransitionInput {
    pub to: CaseState,
    /// Required when closing.
    pub closing_reason: Option<ClosingReason>,
    pub note: Option<String>,
    /// Leaving emergency for a personalised path: who manages the case.
    pub case_manager_id: Option<UserId>,
    pub zonal_group: Option<String>,
}

/// A case in the secretariat's queue with the reasons for its place: the
/// urgent needs and indicator result of the screening that set its priority.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct QueueEntry {
    #[serde(flatten)]
    pub case: CaseSummary,
    pub urgent: UrgentNeeds,
    pub result: Option<Evaluation>,
}

/// What the caller may do on a case now; pages show only these buttons.
#[derive(Debug, Clone, Default, serde::Serialize, utoipa::ToSchema)]
pub struct Capabilities {
    pub assess: bool,
    /// States the caller may move the case to by hand.
    pub transitions: Vec<CaseState>,
    pub manage_team: bool,
    pub edit_plan: bool,
    pub review_plan: bool,
    pub record_agreement: bool,
    /// Open actions of the plan in force that the caller may mark done or dropped.
    pub actionable: Vec<ActionId>,
    /// Record the person's ESF+ participant answers (once the case is
    /// taken in charge).
    pub record_participant: bool,
}

/// Everything the caller may see of one case.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct CaseFile {
    pub case: Case,
    pub person: Person,
    pub case_manager_name: Option<String>,
    pub screenings: Vec<Screening>,
    pub assessments: Vec<AssessmentRecord>,
    pub team: Vec<TeamMember>,
    pub timeline: Vec<CaseEvent>,
    pub plan_versions: Vec<PlanVersion>,
    pub can: Capabilities,
}

#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct TeamInput {
    pub user_id: UserId,
}

impl App {
    /// The secretariat's queue: screenings waiting for triage in its region,
    /// urgent first, then oldest first, each with what its priority rests on.
    pub async fn queue(&self, actor: &User, page: Page) -> AppResult<(Vec<QueueEntry>, i64)> {
        authorize(actor, Operation::ViewQueue)?;
        let filter = CaseFilter {
            states: vec![CaseState::Reported, CaseState::Assessing],
            queue_order: true,
            ..CaseFilter::default()
        };
        let (list, total) = self.list_cases(actor, &filter, page).await?;
        let ids: Vec<CaseId> = list.iter().map(|summary| summary.case.id).collect();
        let mut handle = self.store.handle().await?;
        let sent = screenings::sent_for_cases(handle.conn(), &ids).await?;
        let entries = list
            .into_iter()
            .map(|summary| {
                // The newest screening that set the case's priority explains it.
                let of_case = || sent.iter().filter(|s| s.case_id == Some(summary.case.id));
                let screening = of_case()
                    .find(|s| s.priority == summary.case.priority)
                    .or_else(|| of_case().next());
                QueueEntry {
                    urgent: screening.map(|s| s.profile.urgent).unwrap_or_default(),
                    result: screening.and_then(|s| s.result.clone()),
                    case: summary,
                }
            })
            .collect();
        Ok((entries, total))
    }

    /// Cases the caller may see, newest first unless the filter says otherwise.
    pub async fn cases(
        &self,
        actor: &User,
        filter: &CaseFilter,
        page: Page,
    ) -> AppResult<(Vec<CaseSummary>, i64)> {
        authorize(actor, Operation::ListCases)?;
        self.list_cases(actor, filter, page).await
    }

    async fn list_cases(
        &self,
        actor: &User,
        filter: &CaseFilter,
        page: Page,
    ) -> AppResult<(Vec<CaseSummary>, i64)> {
        let mut handle = self.store.handle().await?;
        let (list, total) = cases::list(handle.conn(), policy::scope(actor), filter, page).await?;
        drop(handle);
        if !list.is_empty() {
            let detail = format!("list of {} cases, page {}", list.len(), page.number + 1);
            self.audit_read(actor, "case", None, actor.region, Some(detail))
                .await?;
        }
        Ok((list, total))
    }

    /// One case with its person, timeline, team and plan versions.
    pub async fn case(&self, actor: &User, id: CaseId) -> AppResult<CaseFile> {
        authorize(actor, Operation::ReadCase)?;
        let scope = policy::scope(actor);
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, scope, id).await?;
        let person = persons::get(tx.conn(), Scope::Region(case.region), case.person_id)
            .await?
            .ok_or(AppError::NotFound("person"))?;
        let screenings = screenings::for_person(tx.conn(), case.person_id)
            .await?
            .into_iter()
            .filter(|s| s.case_id == Some(id))
            .collect();
        let case_manager_name = match case.case_manager_id {
            Some(manager) => network::user(tx.conn(), manager).await?.map(|u| u.display_name),
            None => None,
        };
        let team = cases::team(tx.conn(), id).await?;
        let plan_versions = plans::versions(tx.conn(), id).await?;
        let (latest, in_force) = crate::plans::current_and_in_force(&mut tx, id, &plan_versions).await?;
        let on_team = team.iter().any(|m| m.user_id == actor.id);
        let can = capabilities(actor, &case, on_team, latest.as_ref(), in_force.as_ref());
        let file = CaseFile {
            assessments: cases::assessments(tx.conn(), id).await?,
            timeline: cases::events(tx.conn(), id).await?,
            case,
            person,
            case_manager_name,
            screenings,
            team,
            plan_versions,
            can,
        };
        record(
            &mut tx,
            actor,
            AuditAction::Read,
            Subject::new("case", id, Some(file.case.region)),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(file)
    }

    /// Records the secretariat's first assessment; its decision moves the case.
    pub async fn assess(&self, actor: &User, id: CaseId, input: &AssessmentInput) -> AppResult<Case> {
        authorize(actor, Operation::RecordAssessment)?;
        let assessment = Assessment::parse(input)?;
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, policy::scope(actor), id).await?;
        if !policy::is_secretariat_of(actor, &case) {
            return Err(AppError::Forbidden);
        }
        let case = if case.state == CaseState::Reported {
            move_case(&mut tx, actor, &case, CaseState::Assessing, None, None).await?
        } else {
            case
        };
        if case.state != CaseState::Assessing {
            return Err(AppError::Conflict {
                code: "already_assessed",
                allowed: case.state.next_states().to_vec(),
            });
        }
        if let Some(manager) = assessment.case_manager_id {
            check_case_manager(&mut tx, &case, manager).await?;
        }
        if let Some(organisation) = assessment.referred_to
            && network::organisation(tx.conn(), organisation).await?.is_none()
        {
            return Err(Invalid::single("referred_to", "unknown_organisation").into());
        }
        let now = crate::clock::now();
        cases::insert_assessment(tx.conn(), id, actor.id, &assessment, now).await?;
        cases::set_decision(
            tx.conn(),
            id,
            assessment.decision,
            assessment.zonal_group.as_deref(),
            assessment.case_manager_id,
            assessment.referred_to,
        )
        .await?;
        let step = Step::new(CaseEventKind::Assessment).code(Some(assessment.decision.as_str()));
        insert_event(&mut tx, actor, id, step).await?;
        record(
            &mut tx,
            actor,
            AuditAction::Create,
            Subject::new("assessment", id, Some(case.region)),
            Some(assessment.decision.to_string()),
        )
        .await?;
        let (to, reason) = assessment.outcome();
        let mut case = move_case(&mut tx, actor, &case, to, reason, assessment.reason.clone()).await?;
        case.decision = Some(assessment.decision);
        tx.commit().await?;
        Ok(case)
    }

    /// Moves a case to another state, if the state machine, the policy and
    /// the case's own facts allow it.
    pub async fn transition(&self, actor: &User, id: CaseId, input: &TransitionInput) -> AppResult<Case> {
        authorize(actor, Operation::TransitionCase)?;
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, policy::scope(actor), id).await?;
        check_transition(case.state, input.to)?;
        if !policy::may_transition(actor, &case, input.to) {
            return Err(AppError::Forbidden);
        }
        let note = Invalid::new().optional_text(
            "note",
            input.note.as_deref(),
            soleil_domain::validation::LONG_TEXT,
        );
        let moved = match (case.state, input.to) {
            (_, CaseState::Closed) => {
                let reason = input
                    .closing_reason
                    .ok_or_else(|| Invalid::single("closing_reason", "required"))?;
                move_case(&mut tx, actor, &case, CaseState::Closed, Some(reason), note).await?
            }
            (CaseState::Assessing, _) => {
                return Err(AppError::Conflict {
                    code: "assessment_required",
                    allowed: vec![CaseState::Closed],
                });
            }
            (CaseState::Emergency, CaseState::Planning) => {
                let manager = input
                    .case_manager_id
                    .or(case.case_manager_id)
                    .ok_or_else(|| Invalid::single("case_manager_id", "required"))?;
                check_case_manager(&mut tx, &case, manager).await?;
                cases::set_case_manager(tx.conn(), id, manager, input.zonal_group.as_deref()).await?;
                move_case(&mut tx, actor, &case, CaseState::Planning, None, note).await?
            }
            (CaseState::Planning | CaseState::Inclusion, CaseState::PlanReview) => {
                crate::plans::submit_in(&mut tx, actor, &case).await?
            }
            (CaseState::PlanReview, CaseState::Planning) => {
                crate::plans::withdraw_in(&mut tx, actor, &case).await?
            }
            (CaseState::PlanReview, CaseState::Inclusion) => {
                let in_force = match plans::versions(tx.conn(), id).await?.first() {
                    Some(v) => v.status == PlanStatus::Approved && v.agreed_at.is_some(),
                    None => false,
                };
                if !in_force {
                    return Err(AppError::conflict("plan_not_approved_and_agreed"));
                }
                move_case(&mut tx, actor, &case, CaseState::Inclusion, None, note).await?
            }
            _ => move_case(&mut tx, actor, &case, input.to, None, note).await?,
        };
        tx.commit().await?;
        Ok(moved)
    }

    /// Adds a member of the zonal working group to the case team.
    pub async fn add_team_member(
        &self,
        actor: &User,
        id: CaseId,
        user: UserId,
    ) -> AppResult<Vec<TeamMember>> {
        authorize(actor, Operation::ManageTeam)?;
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, policy::scope(actor), id).await?;
        if !policy::may_manage_team(actor, &case) {
            return Err(AppError::Forbidden);
        }
        if case.state == CaseState::Closed {
            return Err(AppError::conflict("case_closed"));
        }
        let member = network::user(tx.conn(), user).await?;
        let eligible = member.as_ref().is_some_and(|m| {
            m.active && m.region == Some(case.region) && matches!(m.role, Role::Service | Role::CaseManager)
        });
        let Some(member) = member.filter(|_| eligible) else {
            return Err(Invalid::single("user_id", "not_a_team_candidate").into());
        };
        if cases::team(tx.conn(), id)
            .await?
            .iter()
            .any(|m| m.user_id == user)
        {
            return Err(Invalid::single("user_id", "already_on_team").into());
        }
        cases::add_team_member(tx.conn(), id, user, actor.id, crate::clock::now()).await?;
        let change = (
            CaseEventKind::TeamMemberAdded,
            Some(member.display_name),
            format!("team + {user}"),
        );
        team_changed(tx, actor, &case, change).await
    }

    pub async fn remove_team_member(
        &self,
        actor: &User,
        id: CaseId,
        user: UserId,
    ) -> AppResult<Vec<TeamMember>> {
        authorize(actor, Operation::ManageTeam)?;
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, policy::scope(actor), id).await?;
        if !policy::may_manage_team(actor, &case) {
            return Err(AppError::Forbidden);
        }
        let name = network::user(tx.conn(), user).await?.map(|u| u.display_name);
        if !cases::remove_team_member(tx.conn(), id, user).await? {
            return Err(AppError::NotFound("team member"));
        }
        team_changed(
            tx,
            actor,
            &case,
            (CaseEventKind::TeamMemberRemoved, name, format!("team - {user}")),
        )
        .await
    }

    /// The zonal working group of a case.
    pub async fn team(&self, actor: &User, id: CaseId) -> AppResult<Vec<TeamMember>> {
        authorize(actor, Operation::ReadCase)?;
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, policy::scope(actor), id).await?;
        let team = cases::team(tx.conn(), id).await?;
        let subject = Subject::new("case", id, case.region);
        record(&mut tx, actor, AuditAction::Read, subject, Some("team".into())).await?;
        tx.commit().await?;
        Ok(team)
    }

    /// The case's timeline, oldest first.
    pub async fn timeline(&self, actor: &User, id: CaseId) -> AppResult<Vec<CaseEvent>> {
        authorize(actor, Operation::ReadCase)?;
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, policy::scope(actor), id).await?;
        let events = cases::events(tx.conn(), id).await?;
        record(
            &mut tx,
            actor,
            AuditAction::Read,
            Subject::new("case", id, Some(case.region)),
            Some("timeline".into()),
        )
        .await?;
        tx.commit().await?;
        Ok(events)
    }
}

/// Records a change of the working group on the timeline and in the audit
/// log, commits, and returns the team as it now is.
async fn team_changed(
    mut tx: Tx,
    actor: &User,
    case: &Case,
    (kind, member, detail): (CaseEventKind, Option<String>, String),
) -> AppResult<Vec<TeamMember>> {
    insert_event(&mut tx, actor, case.id, Step::new(kind).note(member)).await?;
    record(
        &mut tx,
        actor,
        AuditAction::Update,
        Subject::new("case", case.id, Some(case.region)),
        Some(detail),
    )
    .await?;
    let team = cases::team(tx.conn(), case.id).await?;
    tx.commit().await?;
    Ok(team)
}

fn capabilities(
    actor: &User,
    case: &Case,
    on_team: bool,
    latest: Option<&Plan>,
    in_force: Option<&Plan>,
) -> Capabilities {
    let permitted = |operation| policy::permits(actor.role, operation);
    let manager = policy::manages(actor, case);
    let latest_status = latest.map(|p| p.status);
    let transitions = if permitted(Operation::TransitionCase) {
        case.state
            .next_states()
            .iter()
            .copied()
            .filter(|to| policy::may_transition(actor, case, *to))
            .filter(|to| case.state != CaseState::Assessing || *to == CaseState::Closed)
            .collect()
    } else {
        Vec::new()
    };
    let actionable = match in_force {
        Some(plan) if permitted(Operation::UpdateAction) && case.state != CaseState::Closed => plan
            .actions
            .iter()
            .filter(|a| a.status == ActionStatus::Open)
            .filter(|a| policy::may_update_action(actor, case, on_team, a.responsible_organisation_id))
            .map(|a| a.id)
            .collect(),
        _ => Vec::new(),
    };
    Capabilities {
        assess: permitted(Operation::RecordAssessment)
            && policy::is_secretariat_of(actor, case)
            && case.state.is_in_queue(),
        transitions,
        manage_team: permitted(Operation::ManageTeam)
            && policy::may_manage_team(actor, case)
            && case.state != CaseState::Closed,
        edit_plan: permitted(Operation::DraftPlan)
            && manager
            && matches!(case.state, CaseState::Planning | CaseState::Inclusion)
            && latest_status != Some(PlanStatus::InReview),
        review_plan: permitted(Operation::ReviewPlan)
            && latest.is_some_and(|p| p.status == PlanStatus::InReview && policy::may_review(actor, p)),
        record_agreement: permitted(Operation::RecordAgreement)
            && manager
            && latest.is_some_and(|p| p.status == PlanStatus::Approved && p.agreed_at.is_none()),
        record_participant: permitted(Operation::RecordParticipantData)
            && policy::acts_for_case(actor, case)
            && !case.state.is_in_queue(),
        actionable,
    }
}

/// The case, if the scope lets the caller see it.
pub(crate) async fn visible_case(tx: &mut Tx, scope: Scope, id: CaseId) -> AppResult<Case> {
    cases::get(tx.conn(), scope, id)
        .await?
        .ok_or(AppError::NotFound("case"))
}

/// The case, if the caller sees it and acts for it.
pub(crate) async fn case_acted_for(tx: &mut Tx, actor: &User, id: CaseId) -> AppResult<Case> {
    let case = visible_case(tx, policy::scope(actor), id).await?;
    if !policy::acts_for_case(actor, &case) {
        return Err(AppError::Forbidden);
    }
    Ok(case)
}

/// A case manager of the case's region, active.
async fn check_case_manager(tx: &mut Tx, case: &Case, id: UserId) -> AppResult<User> {
    network::user(tx.conn(), id)
        .await?
        .filter(|u| u.active && u.role == Role::CaseManager && u.region == Some(case.region))
        .ok_or_else(|| Invalid::single("case_manager_id", "not_a_case_manager").into())
}

/// One entry for a case's timeline, built up before it is written.
pub(crate) struct Step {
    kind: CaseEventKind,
    states: Option<(CaseState, CaseState)>,
    code: Option<&'static str>,
    plan_version: Option<i32>,
    note: Option<String>,
}

impl Step {
    pub(crate) fn new(kind: CaseEventKind) -> Self {
        Self {
            kind,
            states: None,
            code: None,
            plan_version: None,
            note: None,
        }
    }

    pub(crate) fn states(mut self, from: CaseState, to: CaseState) -> Self {
        self.states = Some((from, to));
        self
    }

    /// The vocabulary value the kind implies (decision, verdict, reason).
    pub(crate) fn code(mut self, code: Option<&'static str>) -> Self {
        self.code = code;
        self
    }

    pub(crate) fn version(mut self, version: i32) -> Self {
        self.plan_version = Some(version);
        self
    }

    /// Words a person typed, shown as they are.
    pub(crate) fn note(mut self, note: Option<String>) -> Self {
        self.note = note;
        self
    }
}

/// Writes one entry of a case's timeline.
pub(crate) async fn insert_event(tx: &mut Tx, actor: &User, case: CaseId, step: Step) -> AppResult<()> {
    let event = CaseEvent {
        id: CaseEventId::new(),
        case_id: case,
        kind: step.kind,
        from_state: step.states.map(|s| s.0),
        to_state: step.states.map(|s| s.1),
        actor_id: actor.id,
        actor_name: actor.display_name.clone(),
        code: step.code.map(str::to_owned),
        plan_version: step.plan_version,
        note: step.note,
        at: crate::clock::now(),
    };
    cases::insert_event(tx.conn(), &event).await?;
    Ok(())
}

/// Moves a case, checked against the state machine and against a concurrent
/// move, and records the transition on the timeline and in the audit log.
pub(crate) async fn move_case(
    tx: &mut Tx,
    actor: &User,
    case: &Case,
    to: CaseState,
    closing_reason: Option<ClosingReason>,
    note: Option<String>,
) -> AppResult<Case> {
    check_transition(case.state, to)?;
    let change = StateChange {
        to,
        closing_reason,
        at: crate::clock::now(),
    };
    if !cases::change_state(tx.conn(), case.id, case.state, &change).await? {
        return Err(AppError::conflict("case_changed_meanwhile"));
    }
    let step = Step::new(CaseEventKind::Transition)
        .states(case.state, to)
        .code(closing_reason.map(ClosingReason::as_str))
        .note(note);
    insert_event(tx, actor, case.id, step).await?;
    let detail = Some(format!("{} -> {}", case.state, to));
    record(
        tx,
        actor,
        AuditAction::Transition,
        Subject::new("case", case.id, Some(case.region)),
        detail,
    )
    .await?;
    let mut moved = case.clone();
    moved.state = to;
    moved.updated_at = change.at;
    if to == CaseState::Closed {
        moved.closing_reason = closing_reason;
        moved.closed_at = Some(change.at);
    }
    Ok(moved)
}
