//! Work placements and their follow-ups at 3, 6 and 12 months; the employer portal.
//!
//! A placement is recorded on a case in inclusion by its manager or the
//! region's secretariat, with its three follow-ups scheduled at once. It is
//! read by them, the case team, and the employer's own login (its own
//! placements only: the placement is a contract with it). Every read of a
//! person's name and every change is audited.

use soleil_domain::inclusion::work_placement::{
    FOLLOW_UP_EARLY_DAYS, FollowUp, FollowUpAnswer, FollowUpId, FollowUpInput, NewWorkPlacement,
    PlacementEnd, PlacementEndInput, PlacementKind, PlacementStatus, WorkPlacement, WorkPlacementId,
    WorkPlacementInput, follow_up_open, follow_up_schedule,
};
use soleil_domain::{AuditAction, Case, CaseEventKind, CaseId, CaseState, Invalid, Role, User};
use soleil_store::work_placements::{
    self as store, EmployerChoice, EmployerRecord, FollowUpReach, FollowUpView, PlacementFilter,
    PlacementView, PortalCandidate, PortalOffer, Reach,
};
use soleil_store::{Page, Scope, Tx, cases};

use crate::audit::{Subject, record};
use crate::cases::{Step, insert_event};
use crate::employers::own_employer;
use crate::{App, AppError, AppResult, Operation, authorize, policy, today};

/// A placement with its follow-ups, as its page shows it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PlacementDetail {
    #[serde(flatten)]
    pub placement: PlacementView,
    /// Empty for the employer: whether the person is still in work after
    /// leaving it is none of its business.
    pub follow_ups: Vec<FollowUp>,
    /// Whether the caller may end it and record its follow-ups.
    pub may_record: bool,
}

/// Which placements to list, besides what the caller may see.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlacementQuery {
    pub case: Option<CaseId>,
    #[param(inline)]
    pub kind: Option<PlacementKind>,
    pub employer: Option<soleil_domain::inclusion::employer::EmployerId>,
    #[param(inline)]
    pub status: Option<PlacementStatus>,
}

/// What an employer's own login sees of itself.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct EmployerPortal {
    pub employer: EmployerRecord,
    pub open_offers: Vec<PortalOffer>,
    /// Only those who consented to be proposed to it.
    pub candidates: Vec<PortalCandidate>,
    pub placements: Vec<PlacementView>,
}

impl App {
    /// Records a placement of a case in inclusion, its three follow-ups, and
    /// what it settles of the proposal and offer it came from.
    pub async fn record_work_placement(
        &self,
        actor: &User,
        case: CaseId,
        input: &WorkPlacementInput,
    ) -> AppResult<WorkPlacement> {
        authorize(actor, Operation::RecordWorkPlacements)?;
        let new = NewWorkPlacement::parse(input)?;
        let mut tx = self.store.begin().await?;
        let case = recordable_case(&mut tx, actor, case).await?;
        if case.state != CaseState::Inclusion {
            return Err(AppError::conflict("case_not_in_inclusion"));
        }
        check_origin(&mut tx, &case, &new).await?;
        let now = crate::clock::now();
        let placement = WorkPlacement {
            id: WorkPlacementId::new(),
            region: case.region,
            person_id: case.person_id,
            case_id: case.id,
            employer_id: new.employer_id,
            offer_id: new.offer_id,
            proposal_id: new.proposal_id,
            kind: new.kind,
            contract_type: new.contract_type,
            hours_per_week: new.hours_per_week,
            starts_on: new.starts_on,
            ends_on: new.ends_on,
            mentor: new.mentor,
            monthly_pay_cents: new.monthly_pay_cents,
            notes: new.notes,
            ended_on: None,
            end_reason: None,
            end_note: None,
            recorded_by: actor.id,
            created_at: now,
            updated_at: now,
        };
        store::insert(tx.conn(), &placement).await?;
        for (month, due_on) in follow_up_schedule(placement.starts_on) {
            let follow_up = FollowUp {
                id: FollowUpId::new(),
                placement_id: placement.id,
                month,
                due_on,
                recorded_at: None,
                recorded_by: None,
                still_employed: None,
                same_employer: None,
                current_contract: None,
                notes: None,
            };
            store::insert_follow_up(tx.conn(), &follow_up).await?;
        }
        if let Some(proposal) = placement.proposal_id {
            store::accept_proposal(tx.conn(), proposal, actor.id, now).await?;
        }
        if let Some(offer) = placement.offer_id {
            store::fill_offer_when_complete(tx.conn(), offer).await?;
        }
        let detail = format!("{} at employer {}", placement.kind, placement.employer_id);
        audit_change(&mut tx, actor, AuditAction::Create, &placement, detail).await?;
        let step = Step::new(CaseEventKind::WorkPlacementStarted).code(Some(placement.kind.as_str()));
        insert_event(&mut tx, actor, case.id, step).await?;
        tx.commit().await?;
        Ok(placement)
    }

    /// One placement the caller may see, with its follow-ups.
    pub async fn work_placement(&self, actor: &User, id: WorkPlacementId) -> AppResult<PlacementDetail> {
        authorize(actor, Operation::ReadWorkPlacements)?;
        let mut tx = self.store.begin().await?;
        let placement = store::get(tx.conn(), id)
            .await?
            .ok_or(AppError::NotFound("work_placement"))?;
        let reach = reach(&mut tx, actor).await?;
        let filter = PlacementFilter {
            case: Some(placement.case_id),
            ..PlacementFilter::new(reach, today())
        };
        let (list, _) = store::list(tx.conn(), &filter, Page::new(0, Page::MAX_SIZE)).await?;
        let view = list
            .into_iter()
            .find(|view| view.placement.id == id)
            .ok_or(AppError::NotFound("work_placement"))?;
        let employer_login = matches!(reach, Reach::Employer(_));
        let follow_ups = if employer_login {
            Vec::new()
        } else {
            store::follow_ups(tx.conn(), id).await?
        };
        let may_record = match employer_login {
            true => false,
            false => recordable_case(&mut tx, actor, placement.case_id).await.is_ok(),
        };
        let subject = Subject::new("person", placement.person_id, Some(placement.region));
        let detail = Some(format!("work placement {id}"));
        record(&mut tx, actor, AuditAction::Read, subject, detail).await?;
        tx.commit().await?;
        Ok(PlacementDetail {
            placement: view,
            follow_ups,
            may_record,
        })
    }

    /// One page of the placements the caller may see: the region's for the
    /// secretariat, those of their cases for the case team, its own for an
    /// employer. Reading the names is audited.
    pub async fn work_placements(
        &self,
        actor: &User,
        query: &PlacementQuery,
        page: Page,
    ) -> AppResult<(Vec<PlacementView>, i64)> {
        authorize(actor, Operation::ReadWorkPlacements)?;
        let mut tx = self.store.begin().await?;
        let filter = PlacementFilter {
            case: query.case,
            kind: query.kind,
            employer: query.employer,
            status: query.status,
            ..PlacementFilter::new(reach(&mut tx, actor).await?, today())
        };
        let (list, total) = store::list(tx.conn(), &filter, page).await?;
        audit_list_read(&mut tx, actor, &list).await?;
        tx.commit().await?;
        Ok((list, total))
    }

    /// Ends a placement, early or at its agreed end, with the reason.
    pub async fn end_work_placement(
        &self,
        actor: &User,
        id: WorkPlacementId,
        input: &PlacementEndInput,
    ) -> AppResult<WorkPlacement> {
        authorize(actor, Operation::RecordWorkPlacements)?;
        let mut tx = self.store.begin().await?;
        let placement = recordable_placement(&mut tx, actor, id).await?;
        if placement.ended_on.is_some() {
            return Err(AppError::conflict("placement_ended"));
        }
        let end = PlacementEnd::parse(input, placement.starts_on, today())?;
        if !store::end(tx.conn(), id, &end, crate::clock::now()).await? {
            return Err(AppError::conflict("placement_ended"));
        }
        let detail = format!("ended: {}", end.reason);
        audit_change(&mut tx, actor, AuditAction::Update, &placement, detail).await?;
        let step = Step::new(CaseEventKind::WorkPlacementEnded).code(Some(end.reason.as_str()));
        insert_event(&mut tx, actor, placement.case_id, step).await?;
        let ended = store::get(tx.conn(), id)
            .await?
            .ok_or(AppError::NotFound("work_placement"))?;
        tx.commit().await?;
        Ok(ended)
    }

    /// Records a follow-up, from two weeks before it falls.
    pub async fn record_follow_up(
        &self,
        actor: &User,
        id: FollowUpId,
        input: &FollowUpInput,
    ) -> AppResult<FollowUp> {
        authorize(actor, Operation::RecordFollowUps)?;
        let answer = FollowUpAnswer::parse(input)?;
        let mut tx = self.store.begin().await?;
        let follow_up = store::follow_up(tx.conn(), id)
            .await?
            .ok_or(AppError::NotFound("follow_up"))?;
        let placement = recordable_placement(&mut tx, actor, follow_up.placement_id).await?;
        if follow_up.recorded_at.is_some() {
            return Err(AppError::conflict("follow_up_recorded"));
        }
        if !follow_up_open(follow_up.due_on, today()) {
            return Err(Invalid::single("due_on", "follow_up_not_due").into());
        }
        let recorded = FollowUp {
            recorded_at: Some(crate::clock::now()),
            recorded_by: Some(actor.id),
            still_employed: Some(answer.still_employed),
            same_employer: answer.same_employer,
            current_contract: answer.current_contract,
            notes: answer.notes,
            ..follow_up
        };
        if !store::record_follow_up(tx.conn(), &recorded).await? {
            return Err(AppError::conflict("follow_up_recorded"));
        }
        let detail = format!("follow-up at {} months", recorded.month);
        audit_change(&mut tx, actor, AuditAction::Update, &placement, detail).await?;
        let step = Step::new(CaseEventKind::FollowUpRecorded).note(Some(recorded.month.to_string()));
        insert_event(&mut tx, actor, placement.case_id, step).await?;
        tx.commit().await?;
        Ok(recorded)
    }

    /// The follow-ups due within two weeks or overdue that the caller
    /// handles: a case manager's own cases, the region's for the secretariat.
    pub async fn due_follow_ups(&self, actor: &User) -> AppResult<Vec<FollowUpView>> {
        authorize(actor, Operation::RecordFollowUps)?;
        let reach = match (actor.role, actor.region) {
            (Role::Secretariat, Some(region)) => FollowUpReach::Region(region),
            (Role::CaseManager, Some(_)) => FollowUpReach::CaseManager(actor.id),
            _ => return Err(AppError::Forbidden),
        };
        let until = today() + chrono::Duration::days(FOLLOW_UP_EARLY_DAYS);
        let mut tx = self.store.begin().await?;
        let list = store::open_follow_ups(tx.conn(), reach, until).await?;
        for view in &list {
            let subject = Subject::new("person", view.person_id, actor.region);
            let detail = Some("work placement follow-ups".to_owned());
            record(&mut tx, actor, AuditAction::Read, subject, detail).await?;
        }
        tx.commit().await?;
        Ok(list)
    }

    /// The employers of the case's region, for the placement form.
    pub async fn placement_employers(&self, actor: &User, case: CaseId) -> AppResult<Vec<EmployerChoice>> {
        authorize(actor, Operation::RecordWorkPlacements)?;
        let mut tx = self.store.begin().await?;
        let case = recordable_case(&mut tx, actor, case).await?;
        let list = store::employers_of_region(tx.conn(), case.region).await?;
        tx.commit().await?;
        Ok(list)
    }

    /// The employer's own page: its record, open offers, the candidates who
    /// consented to be proposed to it, and its placements.
    pub async fn employer_portal(&self, actor: &User) -> AppResult<EmployerPortal> {
        authorize(actor, Operation::UseEmployerPortal)?;
        let mut tx = self.store.begin().await?;
        let employer_id = own_employer(&mut tx, actor)
            .await?
            .ok_or(AppError::NotFound("employer"))?;
        let employer = store::employer(tx.conn(), employer_id)
            .await?
            .ok_or(AppError::NotFound("employer"))?;
        let open_offers = store::open_offers(tx.conn(), employer_id).await?;
        let candidates = store::consented_candidates(tx.conn(), employer_id).await?;
        let filter = PlacementFilter::new(Reach::Employer(employer_id), today());
        let (placements, _) = store::list(tx.conn(), &filter, Page::new(0, Page::MAX_SIZE)).await?;
        for person in candidates
            .iter()
            .map(|c| c.person_id)
            .chain(placements.iter().map(|p| p.placement.person_id))
        {
            let subject = Subject::new("person", person, Some(employer.region));
            let detail = Some(format!("employer portal of {employer_id}"));
            record(&mut tx, actor, AuditAction::Read, subject, detail).await?;
        }
        tx.commit().await?;
        Ok(EmployerPortal {
            employer,
            open_offers,
            candidates,
            placements,
        })
    }
}

/// Whose placements the caller reaches: the employer login its own, anyone
/// else the cases of their scope.
async fn reach(tx: &mut Tx, actor: &User) -> AppResult<Reach> {
    Ok(match own_employer(tx, actor).await? {
        Some(employer) => Reach::Employer(employer),
        None if actor.role == Role::Employer => Reach::Cases(Scope::Nothing),
        None => Reach::Cases(policy::scope(actor)),
    })
}

/// The case, if the caller sees it and may record its placements.
async fn recordable_case(tx: &mut Tx, actor: &User, id: CaseId) -> AppResult<Case> {
    let case = cases::get(tx.conn(), policy::scope(actor), id)
        .await?
        .ok_or(AppError::NotFound("case"))?;
    if !policy::acts_for_case(actor, &case) {
        return Err(AppError::Forbidden);
    }
    Ok(case)
}

/// The placement, if the caller may record on its case.
async fn recordable_placement(tx: &mut Tx, actor: &User, id: WorkPlacementId) -> AppResult<WorkPlacement> {
    let placement = store::get(tx.conn(), id)
        .await?
        .ok_or(AppError::NotFound("work_placement"))?;
    match recordable_case(tx, actor, placement.case_id).await {
        Ok(_) => Ok(placement),
        Err(AppError::NotFound(_)) => Err(AppError::NotFound("work_placement")),
        Err(other) => Err(other),
    }
}

/// The employer must be of the case's region; an offer must be the
/// employer's, and a proposal that offer's, for this person, not withdrawn.
async fn check_origin(tx: &mut Tx, case: &Case, new: &NewWorkPlacement) -> AppResult<()> {
    let employer = store::employer(tx.conn(), new.employer_id).await?;
    if employer.is_none_or(|e| e.region != case.region) {
        return Err(Invalid::single("employer_id", "unknown_employer").into());
    }
    if let Some(offer) = new.offer_id {
        let owner = store::offer_employer(tx.conn(), offer).await?;
        if owner != Some(new.employer_id) {
            return Err(Invalid::single("offer_id", "offer_not_of_employer").into());
        }
    }
    if let Some(id) = new.proposal_id {
        let proposal = store::proposal(tx.conn(), id).await?;
        let fits = proposal.is_some_and(|p| {
            p.person_id == case.person_id
                && p.employer_id == new.employer_id
                && new.offer_id.is_none_or(|offer| offer == p.offer_id)
                && !matches!(p.status.as_str(), "withdrawn" | "rejected")
        });
        if !fits {
            return Err(Invalid::single("proposal_id", "proposal_not_for_placement").into());
        }
    }
    Ok(())
}

/// The audit event of a change to a placement.
async fn audit_change(
    tx: &mut Tx,
    actor: &User,
    action: AuditAction,
    placement: &WorkPlacement,
    detail: String,
) -> AppResult<()> {
    let subject = Subject::new("work_placement", placement.id, Some(placement.region));
    let detail = format!("{detail}; person {}", placement.person_id);
    record(tx, actor, action, subject, Some(detail)).await
}

/// A list shows persons' names: each person read is audited once.
async fn audit_list_read(tx: &mut Tx, actor: &User, list: &[PlacementView]) -> AppResult<()> {
    let mut persons: Vec<_> = list
        .iter()
        .map(|view| (view.placement.person_id, view.placement.region))
        .collect();
    persons.sort();
    persons.dedup();
    for (person, region) in persons {
        let subject = Subject::new("person", person, Some(region));
        record(
            tx,
            actor,
            AuditAction::Read,
            subject,
            Some("work placements".into()),
        )
        .await?;
    }
    Ok(())
}
