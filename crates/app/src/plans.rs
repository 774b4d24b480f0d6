//! Phases 2c-3: the personalised plan. The case manager drafts it, the zonal
//! working group reviews it, the person agrees to it, and its actions are
//! carried out. A version is edited only while it is a draft.

use soleil_domain::{
    ActionId, ActionOutcome, AuditAction, Case, CaseEventKind, CaseId, CaseState, Invalid, Plan, PlanContent,
    PlanId, PlanInput, PlanStatus, PlanVersion, ReviewVerdict, User,
};
use soleil_store::{Tx, cases, network, plans};

use crate::audit::{Subject, record};
use crate::cases::{Step, insert_event, move_case, visible_case};
use crate::{App, AppError, AppResult, Operation, authorize, policy};

/// A case's plan: its newest version in full and the list of all versions.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PlanFile {
    /// The newest version: a draft, under review, or the one in force.
    pub current: Option<Plan>,
    /// The approved version the person agreed to, whose actions are under
    /// way; it differs from `current` while a revision is being drafted.
    pub in_force: Option<Plan>,
    pub versions: Vec<PlanVersion>,
}

#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct ReviewInput {
    pub verdict: ReviewVerdict,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct AgreementInput {
    /// How the person agreed: signed form, oral with a mediator…
    pub note: Option<String>,
}

#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct ActionUpdateInput {
    pub status: ActionOutcome,
    pub note: Option<String>,
}

impl App {
    pub async fn plan(&self, actor: &User, case: CaseId) -> AppResult<PlanFile> {
        authorize(actor, Operation::ReadPlan)?;
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, policy::scope(actor), case).await?;
        let file = plan_file(&mut tx, case.id).await?;
        record(
            &mut tx,
            actor,
            AuditAction::Read,
            Subject::new("plan", case.id, Some(case.region)),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(file)
    }

    pub async fn plan_version(&self, actor: &User, case: CaseId, version: i32) -> AppResult<Plan> {
        authorize(actor, Operation::ReadPlan)?;
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, policy::scope(actor), case).await?;
        let plan = plans::plan(tx.conn(), case.id, version)
            .await?
            .ok_or(AppError::NotFound("plan version"))?;
        record(
            &mut tx,
            actor,
            AuditAction::Read,
            Subject::new("plan", plan.id, Some(case.region)),
            Some(format!("version {version}")),
        )
        .await?;
        tx.commit().await?;
        Ok(plan)
    }

    /// Saves the draft: the newest version if it is a draft, otherwise a new
    /// version. Approved versions stay as they were.
    pub async fn save_plan(&self, actor: &User, case: CaseId, input: &PlanInput) -> AppResult<Plan> {
        authorize(actor, Operation::DraftPlan)?;
        let content = PlanContent::parse(input)?;
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, policy::scope(actor), case).await?;
        if !policy::manages(actor, &case) {
            return Err(AppError::Forbidden);
        }
        if !matches!(case.state, CaseState::Planning | CaseState::Inclusion) {
            return Err(AppError::conflict("plan_not_editable_now"));
        }
        let mut invalid = Invalid::new();
        for (i, action) in content.actions.iter().enumerate() {
            if network::organisation(tx.conn(), action.2).await?.is_none() {
                invalid.add(
                    &format!("actions[{i}].responsible_organisation_id"),
                    "unknown_organisation",
                );
            }
        }
        invalid.into_result(())?;
        let latest = plans::versions(tx.conn(), case.id).await?.into_iter().next();
        let draft = match latest {
            Some(v) if v.status == PlanStatus::Draft => v,
            Some(v) if v.status == PlanStatus::InReview => return Err(AppError::conflict("plan_in_review")),
            latest => {
                let version = PlanVersion {
                    id: PlanId::new(),
                    case_id: case.id,
                    version: latest.map_or(1, |v| v.version + 1),
                    status: PlanStatus::Draft,
                    author_id: actor.id,
                    created_at: crate::clock::now(),
                    submitted_at: None,
                    approved_at: None,
                    agreed_at: None,
                    agreement_note: None,
                };
                plans::insert_version(tx.conn(), &version).await?;
                let step = Step::new(CaseEventKind::PlanDrafted).version(version.version);
                insert_event(&mut tx, actor, case.id, step).await?;
                version
            }
        };
        plans::replace_content(tx.conn(), draft.id, &content.needs, &content.actions).await?;
        let detail = Some(format!("version {} saved", draft.version));
        record(
            &mut tx,
            actor,
            AuditAction::Update,
            Subject::new("plan", draft.id, Some(case.region)),
            detail,
        )
        .await?;
        let plan = plans::plan(tx.conn(), case.id, draft.version)
            .await?
            .ok_or(AppError::NotFound("plan"))?;
        tx.commit().await?;
        Ok(plan)
    }

    /// Puts the draft to the zonal working group (the case team).
    pub async fn submit_plan(&self, actor: &User, case: CaseId) -> AppResult<Case> {
        authorize(actor, Operation::DraftPlan)?;
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, policy::scope(actor), case).await?;
        let moved = submit_in(&mut tx, actor, &case).await?;
        tx.commit().await?;
        Ok(moved)
    }

    /// A reviewer comments, approves or asks for changes. The plan is
    /// approved when every reviewer has approved; a request for changes
    /// sends it back to the case manager as a draft.
    pub async fn review_plan(&self, actor: &User, case: CaseId, input: &ReviewInput) -> AppResult<Plan> {
        authorize(actor, Operation::ReviewPlan)?;
        let mut invalid = Invalid::new();
        let comment = invalid.optional_text(
            "comment",
            input.comment.as_deref(),
            soleil_domain::validation::LONG_TEXT,
        );
        if input.verdict != ReviewVerdict::Approve && comment.is_none() {
            invalid.add("comment", "required");
        }
        invalid.into_result(())?;
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, policy::scope(actor), case).await?;
        let plan = current_plan(&mut tx, case.id).await?;
        if plan.status != PlanStatus::InReview {
            return Err(AppError::conflict("plan_not_in_review"));
        }
        if !policy::may_review(actor, &plan) {
            return Err(AppError::Forbidden);
        }
        let now = crate::clock::now();
        plans::insert_review(
            tx.conn(),
            plan.id,
            actor.id,
            input.verdict,
            comment.as_deref(),
            now,
        )
        .await?;
        let step = Step::new(CaseEventKind::PlanReviewed)
            .version(plan.version)
            .code(Some(input.verdict.as_str()))
            .note(comment);
        insert_event(&mut tx, actor, case.id, step).await?;
        record(
            &mut tx,
            actor,
            AuditAction::Create,
            Subject::new("plan_review", plan.id, Some(case.region)),
            Some(input.verdict.to_string()),
        )
        .await?;
        match input.verdict {
            ReviewVerdict::RequestChanges => {
                plans::change_status(tx.conn(), plan.id, PlanStatus::InReview, PlanStatus::Draft, now)
                    .await?;
                let step = Step::new(CaseEventKind::PlanChangesRequested).version(plan.version);
                insert_event(&mut tx, actor, case.id, step).await?;
                move_case(&mut tx, actor, &case, CaseState::Planning, None, None).await?;
            }
            ReviewVerdict::Approve => {
                let reviewed = current_plan(&mut tx, case.id).await?;
                if reviewed.approved_by_all() {
                    approve(&mut tx, actor, &case, &reviewed).await?;
                }
            }
            ReviewVerdict::Comment => {}
        }
        let plan = current_plan(&mut tx, case.id).await?;
        tx.commit().await?;
        Ok(plan)
    }

    /// Records that the person agreed to the approved plan.
    pub async fn record_agreement(
        &self,
        actor: &User,
        case: CaseId,
        input: &AgreementInput,
    ) -> AppResult<Plan> {
        authorize(actor, Operation::RecordAgreement)?;
        let note = Invalid::new().optional_text(
            "note",
            input.note.as_deref(),
            soleil_domain::validation::LONG_TEXT,
        );
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, policy::scope(actor), case).await?;
        if !policy::manages(actor, &case) {
            return Err(AppError::Forbidden);
        }
        let plan = current_plan(&mut tx, case.id).await?;
        if plan.status != PlanStatus::Approved {
            return Err(AppError::conflict("plan_not_approved"));
        }
        if plan.agreed_at.is_some() {
            return Err(AppError::conflict("agreement_already_recorded"));
        }
        plans::record_agreement(tx.conn(), plan.id, crate::clock::now(), note.as_deref()).await?;
        let step = Step::new(CaseEventKind::AgreementRecorded)
            .version(plan.version)
            .note(note);
        insert_event(&mut tx, actor, case.id, step).await?;
        record(
            &mut tx,
            actor,
            AuditAction::Update,
            Subject::new("plan", plan.id, Some(case.region)),
            Some("person agreed".into()),
        )
        .await?;
        let plan = current_plan(&mut tx, case.id).await?;
        tx.commit().await?;
        Ok(plan)
    }

    /// Marks an action of the plan in force as done or dropped.
    pub async fn update_action(
        &self,
        actor: &User,
        case: CaseId,
        action: ActionId,
        input: &ActionUpdateInput,
    ) -> AppResult<Plan> {
        authorize(actor, Operation::UpdateAction)?;
        let note = Invalid::new().optional_text(
            "note",
            input.note.as_deref(),
            soleil_domain::validation::LONG_TEXT,
        );
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, policy::scope(actor), case).await?;
        let versions = plans::versions(tx.conn(), case.id).await?;
        let Some(plan) = in_force(&mut tx, case.id, &versions).await? else {
            return Err(AppError::conflict("no_plan_in_force"));
        };
        let target = plan
            .actions
            .iter()
            .find(|a| a.id == action)
            .ok_or(AppError::NotFound("action"))?;
        let on_team = cases::team(tx.conn(), case.id)
            .await?
            .iter()
            .any(|m| m.user_id == actor.id);
        if !policy::may_update_action(actor, &case, on_team, target.responsible_organisation_id) {
            return Err(AppError::Forbidden);
        }
        if case.state == CaseState::Closed {
            return Err(AppError::conflict("case_closed"));
        }
        if !plans::close_action(
            tx.conn(),
            action,
            input.status.into(),
            note.as_deref(),
            crate::clock::now(),
        )
        .await?
        {
            return Err(AppError::conflict("action_already_closed"));
        }
        let kind = if input.status == ActionOutcome::Done {
            CaseEventKind::ActionDone
        } else {
            CaseEventKind::ActionDropped
        };
        let step = Step::new(kind)
            .version(plan.version)
            .note(Some(target.description.clone()));
        insert_event(&mut tx, actor, case.id, step).await?;
        record(
            &mut tx,
            actor,
            AuditAction::Update,
            Subject::new("plan_action", action, Some(case.region)),
            Some(input.status.to_string()),
        )
        .await?;
        let plan = plans::plan(tx.conn(), case.id, plan.version)
            .await?
            .ok_or(AppError::NotFound("plan"))?;
        tx.commit().await?;
        Ok(plan)
    }
}

async fn plan_file(tx: &mut Tx, case: CaseId) -> AppResult<PlanFile> {
    let versions = plans::versions(tx.conn(), case).await?;
    let (current, in_force) = current_and_in_force(tx, case, &versions).await?;
    Ok(PlanFile {
        current,
        in_force,
        versions,
    })
}

/// One version in full.
pub(crate) async fn version_of(
    tx: &mut Tx,
    case: CaseId,
    version: Option<&PlanVersion>,
) -> AppResult<Option<Plan>> {
    match version {
        Some(v) => Ok(plans::plan(tx.conn(), case, v.version).await?),
        None => Ok(None),
    }
}

/// The plan in force: approved by the working group and agreed by the person.
pub(crate) async fn in_force(tx: &mut Tx, case: CaseId, versions: &[PlanVersion]) -> AppResult<Option<Plan>> {
    let approved = versions
        .iter()
        .find(|v| v.status == PlanStatus::Approved && v.agreed_at.is_some());
    version_of(tx, case, approved).await
}

/// The newest version and the one in force, loading a version once when
/// they are the same.
pub(crate) async fn current_and_in_force(
    tx: &mut Tx,
    case: CaseId,
    versions: &[PlanVersion],
) -> AppResult<(Option<Plan>, Option<Plan>)> {
    let current = version_of(tx, case, versions.first()).await?;
    let in_force = match &current {
        Some(plan) if plan.is_in_force() => Some(plan.clone()),
        _ => in_force(tx, case, versions).await?,
    };
    Ok((current, in_force))
}

async fn current_plan(tx: &mut Tx, case: CaseId) -> AppResult<Plan> {
    let versions = plans::versions(tx.conn(), case).await?;
    version_of(tx, case, versions.first())
        .await?
        .ok_or(AppError::NotFound("plan"))
}

/// Submits the draft to the case team; the case goes to plan review.
pub(crate) async fn submit_in(tx: &mut Tx, actor: &User, case: &Case) -> AppResult<Case> {
    if !policy::manages(actor, case) {
        return Err(AppError::Forbidden);
    }
    let plan = current_plan(tx, case.id)
        .await
        .map_err(|_| AppError::conflict("no_plan_draft"))?;
    if plan.status != PlanStatus::Draft {
        return Err(AppError::conflict("no_plan_draft"));
    }
    PlanContent::check_submittable(plan.needs.len(), plan.actions.len())?;
    let reviewers: Vec<_> = cases::team(tx.conn(), case.id)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .filter(|id| *id != actor.id)
        .collect();
    if reviewers.is_empty() {
        return Err(AppError::conflict("team_required_for_review"));
    }
    let now = crate::clock::now();
    plans::set_reviewers(tx.conn(), plan.id, &reviewers).await?;
    plans::change_status(tx.conn(), plan.id, PlanStatus::Draft, PlanStatus::InReview, now).await?;
    log_plan_step(tx, actor, case, &plan, CaseEventKind::PlanSubmitted, "submitted").await?;
    move_case(tx, actor, case, CaseState::PlanReview, None, None).await
}

/// The case manager takes a plan back from review to change it.
pub(crate) async fn withdraw_in(tx: &mut Tx, actor: &User, case: &Case) -> AppResult<Case> {
    if !policy::manages(actor, case) {
        return Err(AppError::Forbidden);
    }
    let plan = current_plan(tx, case.id).await?;
    if plan.status == PlanStatus::InReview {
        plans::change_status(
            tx.conn(),
            plan.id,
            PlanStatus::InReview,
            PlanStatus::Draft,
            crate::clock::now(),
        )
        .await?;
    }
    // An approved version stays approved: changes go in a new version.
    move_case(tx, actor, case, CaseState::Planning, None, None).await
}

/// Approves the version under review; the version it replaces is superseded.
async fn approve(tx: &mut Tx, actor: &User, case: &Case, plan: &Plan) -> AppResult<()> {
    let now = crate::clock::now();
    for older in plans::versions(tx.conn(), case.id).await? {
        if older.id != plan.id && older.status == PlanStatus::Approved {
            plans::change_status(
                tx.conn(),
                older.id,
                PlanStatus::Approved,
                PlanStatus::Superseded,
                now,
            )
            .await?;
        }
    }
    plans::change_status(
        tx.conn(),
        plan.id,
        PlanStatus::InReview,
        PlanStatus::Approved,
        now,
    )
    .await?;
    log_plan_step(tx, actor, case, plan, CaseEventKind::PlanApproved, "approved").await
}

/// A step of a plan version, on the case's timeline and in the audit log.
async fn log_plan_step(
    tx: &mut Tx,
    actor: &User,
    case: &Case,
    plan: &Plan,
    kind: CaseEventKind,
    detail: &str,
) -> AppResult<()> {
    insert_event(tx, actor, case.id, Step::new(kind).version(plan.version)).await?;
    record(
        tx,
        actor,
        AuditAction::Update,
        Subject::new("plan", plan.id, Some(case.region)),
        Some(detail.into()),
    )
    .await
}
