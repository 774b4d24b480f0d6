//! Support measures: budget lines, disbursements computed from attendance
//! and rules, approval, statements.
//!
//! A budget line belongs to one region: only that region's staff (and
//! admins, who belong to none) see or change it; others get a 404 so a
//! line's existence does not leak.
//!
//! A disbursement is proposed on a case in inclusion by whoever acts for it
//! (its manager, the region's secretariat), checked against its line when
//! proposed, and checked again under the line's lock when the secretariat
//! approves it: two approvals can never spend the same euro twice. Every
//! change is audited and put on the case's timeline.

use chrono::NaiveDate;
use soleil_domain::inclusion::measure::{
    AllowanceComputation, BudgetAmountInput, BudgetLine, BudgetLineId, BudgetLineInput, BudgetLineTotals,
    Disbursement, DisbursementId, DisbursementInput, DisbursementStatus, MeasureKind, NewBudgetLine,
    NewDisbursement, PaymentInput, RefusalInput, check_against_line,
};
use soleil_domain::inclusion::money::Cents;
use soleil_domain::{
    AuditAction, Case, CaseEventKind, CaseId, CaseState, Invalid, PersonId, RegionCode, User,
};
use soleil_store::measures::{self as store, DisbursementFilter, DisbursementView, StatementRow};
use soleil_store::{Page, Tx, cases};

use crate::audit::{Subject, record};
use crate::cases::{Step, case_acted_for, insert_event};
use crate::{App, AppError, AppResult, Operation, authorize, policy};

/// Which lines to list.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BudgetLineQuery {
    /// For admins, who belong to no region: the region whose lines to list.
    pub region: Option<RegionCode>,
}

/// Which disbursements to list, besides what the caller may see.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DisbursementQuery {
    pub status: Option<DisbursementStatus>,
    pub budget_line: Option<BudgetLineId>,
    pub case: Option<CaseId>,
    pub measure: Option<MeasureKind>,
}

/// The statement asked for: of one line or one person, over a period.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatementQuery {
    /// The line whose disbursements to list; or
    pub budget_line: Option<BudgetLineId>,
    /// the person whose disbursements to list (from every line of the region).
    pub person: Option<PersonId>,
    /// YYYY-MM-DD: disbursements whose period meets `from..=to`.
    #[serde(default, deserialize_with = "soleil_domain::validation::optional_date")]
    #[param(value_type = Option<String>, format = Date)]
    pub from: Option<NaiveDate>,
    /// YYYY-MM-DD.
    #[serde(default, deserialize_with = "soleil_domain::validation::optional_date")]
    #[param(value_type = Option<String>, format = Date)]
    pub to: Option<NaiveDate>,
}

/// A statement for expense reporting: every disbursement of a line or a
/// person in a period, refused and cancelled ones shown but not counted.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Statement {
    pub region: RegionCode,
    /// The line, for a line's statement.
    pub budget_line: Option<BudgetLine>,
    /// The person's name, for a person's statement.
    pub person_name: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub rows: Vec<StatementRow>,
    /// Waiting for a decision.
    pub proposed: Cents,
    /// Approved, not yet paid.
    pub approved: Cents,
    pub paid: Cents,
}

impl Statement {
    fn total_of(rows: &[StatementRow], status: DisbursementStatus) -> Cents {
        let amounts = rows.iter().filter(|r| r.status == status).map(|r| r.amount_cents);
        // Each amount fits a line of at most i64 cents; their sum does too.
        Cents::checked_sum(amounts).unwrap_or(Cents::ZERO)
    }
}

impl App {
    /// The lines of the caller's region (admins: of the region asked, or
    /// all), each with what it has committed and paid.
    pub async fn budget_lines(
        &self,
        actor: &User,
        query: &BudgetLineQuery,
    ) -> AppResult<Vec<BudgetLineTotals>> {
        authorize(actor, Operation::ReadBudgets)?;
        let mut tx = self.store.begin().await?;
        let lines = store::list_lines(tx.conn(), actor.region.or(query.region)).await?;
        let mut list = Vec::with_capacity(lines.len());
        for line in lines {
            list.push(totals(&mut tx, line).await?);
        }
        tx.commit().await?;
        Ok(list)
    }

    /// One line with its figures.
    pub async fn budget_line(&self, actor: &User, id: BudgetLineId) -> AppResult<BudgetLineTotals> {
        authorize(actor, Operation::ReadBudgets)?;
        let mut tx = self.store.begin().await?;
        let line = visible_line(&mut tx, actor, id).await?;
        let line = totals(&mut tx, line).await?;
        tx.commit().await?;
        Ok(line)
    }

    /// Opens a line in the caller's region (an admin names the region).
    pub async fn create_budget_line(
        &self,
        actor: &User,
        region: Option<RegionCode>,
        input: &BudgetLineInput,
    ) -> AppResult<BudgetLineTotals> {
        authorize(actor, Operation::ManageBudgets)?;
        let region = actor
            .region
            .or(region)
            .ok_or_else(|| AppError::Invalid(Invalid::single("region", "required")))?;
        let new = NewBudgetLine::parse(input)?;
        let now = crate::clock::now();
        let line = BudgetLine {
            id: BudgetLineId::new(),
            region,
            funding_source: new.funding_source,
            code: new.code,
            name: new.name,
            measures: new.measures,
            amount: new.amount,
            per_person_cap: new.per_person_cap,
            valid_from: new.valid_from,
            valid_to: new.valid_to,
            created_by: actor.id,
            created_at: now,
            updated_at: now,
        };
        let mut tx = self.store.begin().await?;
        if !store::insert_line(tx.conn(), &line).await? {
            return Err(Invalid::single("code", "budget_code_taken").into());
        }
        audit_line(
            &mut tx,
            actor,
            AuditAction::Create,
            &line,
            format!("line {} {}", line.code, line.amount.to_plain()),
        )
        .await?;
        let line = totals(&mut tx, line).await?;
        tx.commit().await?;
        Ok(line)
    }

    /// Raises or lowers a line's amount, never below what it has committed.
    /// The line is locked so no approval slips in between the check and the change.
    pub async fn change_budget_amount(
        &self,
        actor: &User,
        id: BudgetLineId,
        input: &BudgetAmountInput,
    ) -> AppResult<BudgetLineTotals> {
        authorize(actor, Operation::ManageBudgets)?;
        let mut tx = self.store.begin().await?;
        visible_line(&mut tx, actor, id).await?;
        let line = store::lock_line(tx.conn(), id)
            .await?
            .ok_or(AppError::NotFound("budget_line"))?;
        let (committed, _) = store::line_figures(tx.conn(), id).await?;
        let amount = input.parse(committed)?;
        store::set_line_amount(tx.conn(), id, amount, crate::clock::now()).await?;
        let detail = format!("amount {} -> {}", line.amount.to_plain(), amount.to_plain());
        audit_line(&mut tx, actor, AuditAction::Update, &line, detail).await?;
        let line = store::get_line(tx.conn(), id)
            .await?
            .ok_or(AppError::NotFound("budget_line"))?;
        let line = totals(&mut tx, line).await?;
        tx.commit().await?;
        Ok(line)
    }
}

/// A line of the caller's region (any, for admins); 404 otherwise.
async fn visible_line(tx: &mut Tx, actor: &User, id: BudgetLineId) -> AppResult<BudgetLine> {
    store::get_line(tx.conn(), id)
        .await?
        .filter(|line| actor.region.is_none_or(|region| region == line.region))
        .ok_or(AppError::NotFound("budget_line"))
}

async fn totals(tx: &mut Tx, line: BudgetLine) -> AppResult<BudgetLineTotals> {
    let (committed, paid) = store::line_figures(tx.conn(), line.id).await?;
    let remaining = line
        .amount
        .checked_sub(committed)
        .unwrap_or(soleil_domain::inclusion::money::Cents::ZERO);
    Ok(BudgetLineTotals {
        line,
        committed,
        paid,
        remaining,
    })
}

async fn audit_line(
    tx: &mut Tx,
    actor: &User,
    action: AuditAction,
    line: &BudgetLine,
    detail: String,
) -> AppResult<()> {
    let subject = Subject::new("budget_line", line.id, Some(line.region));
    record(tx, actor, action, subject, Some(detail)).await
}

impl App {
    /// Proposes a disbursement on a case in inclusion. The attendance
    /// allowance is computed from the register of the enrolment for the
    /// period; other measures carry the amount typed. Refused, with the rule
    /// it breaks, when the line does not pay it, has no money left or the
    /// person's cap is reached.
    pub async fn propose_disbursement(
        &self,
        actor: &User,
        case: CaseId,
        input: &DisbursementInput,
    ) -> AppResult<Disbursement> {
        authorize(actor, Operation::ProposeDisbursement)?;
        let new = NewDisbursement::parse(input)?;
        let mut tx = self.store.begin().await?;
        let case = case_acted_for(&mut tx, actor, case).await?;
        if case.state != CaseState::Inclusion {
            return Err(AppError::conflict("case_not_in_inclusion"));
        }
        let line = store::get_line(tx.conn(), new.budget_line_id)
            .await?
            .filter(|line| line.region == case.region)
            .ok_or_else(|| Invalid::single("budget_line_id", "unknown_budget_line"))?;
        let (amount, computation) = match new.typed_amount {
            Some(amount) => (amount, None),
            None => {
                let computation = allowance(&mut tx, &case, &new).await?;
                (computation.amount, Some(computation.how))
            }
        };
        let used = store::line_use(tx.conn(), line.id, case.person_id).await?;
        let period = (new.period_from, new.period_to);
        check_against_line(&line, new.measure, period, amount, used)?;
        let disbursement = Disbursement {
            id: DisbursementId::new(),
            budget_line_id: line.id,
            region: case.region,
            person_id: case.person_id,
            case_id: case.id,
            measure: new.measure,
            period_from: new.period_from,
            period_to: new.period_to,
            amount,
            status: DisbursementStatus::Proposed,
            enrolment_id: new.enrolment_id,
            computation,
            note: new.note,
            proposed_by: actor.id,
            proposed_at: crate::clock::now(),
            decided_by: None,
            decided_at: None,
            refusal_reason: None,
            paid_on: None,
            payment_reference: None,
        };
        store::insert(tx.conn(), &disbursement).await?;
        audit_disbursement(&mut tx, actor, AuditAction::Create, &disbursement).await?;
        let step = Step::new(CaseEventKind::DisbursementProposed).code(Some(disbursement.measure.as_str()));
        insert_event(&mut tx, actor, case.id, step).await?;
        tx.commit().await?;
        Ok(disbursement)
    }

    /// One page of the disbursements the caller may see: the region's for
    /// the secretariat, those of their cases for a case manager. Proposals
    /// waiting for a decision come first.
    pub async fn disbursements(
        &self,
        actor: &User,
        query: &DisbursementQuery,
        page: Page,
    ) -> AppResult<(Vec<DisbursementView>, i64)> {
        authorize(actor, Operation::ReadDisbursements)?;
        let filter = DisbursementFilter {
            status: query.status,
            line: query.budget_line,
            case: query.case,
            measure: query.measure,
            ..DisbursementFilter::new(policy::scope(actor))
        };
        let mut tx = self.store.begin().await?;
        // A case the caller does not see has no list: 404, as the case itself.
        if let Some(case) = query.case {
            cases::get(tx.conn(), filter.scope, case)
                .await?
                .ok_or(AppError::NotFound("case"))?;
        }
        let (list, total) = store::list(tx.conn(), &filter, page).await?;
        for view in &list {
            let subject = Subject::new(
                "person",
                view.disbursement.person_id,
                Some(view.disbursement.region),
            );
            let detail = Some(format!("disbursement {}", view.disbursement.id));
            record(&mut tx, actor, AuditAction::Read, subject, detail).await?;
        }
        tx.commit().await?;
        Ok((list, total))
    }

    /// One disbursement the caller may see.
    pub async fn disbursement(&self, actor: &User, id: DisbursementId) -> AppResult<DisbursementView> {
        authorize(actor, Operation::ReadDisbursements)?;
        let mut tx = self.store.begin().await?;
        let view = visible_disbursement(&mut tx, actor, id).await?;
        let subject = Subject::new(
            "person",
            view.disbursement.person_id,
            Some(view.disbursement.region),
        );
        let detail = Some(format!("disbursement {id}"));
        record(&mut tx, actor, AuditAction::Read, subject, detail).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Approves a proposal. The line is locked and the money checked again:
    /// the line may have been lowered, or other proposals approved, since
    /// this one was made.
    pub async fn approve_disbursement(&self, actor: &User, id: DisbursementId) -> AppResult<Disbursement> {
        authorize(actor, Operation::ApproveDisbursement)?;
        let mut tx = self.store.begin().await?;
        let mut disbursement = visible_disbursement(&mut tx, actor, id).await?.disbursement;
        if disbursement.status != DisbursementStatus::Proposed {
            return Err(AppError::conflict("disbursement_not_proposed"));
        }
        let line = store::lock_line(tx.conn(), disbursement.budget_line_id)
            .await?
            .ok_or(AppError::NotFound("budget_line"))?;
        let used = store::line_use(tx.conn(), line.id, disbursement.person_id).await?;
        let period = (disbursement.period_from, disbursement.period_to);
        check_against_line(&line, disbursement.measure, period, disbursement.amount, used)?;
        disbursement.status = DisbursementStatus::Approved;
        decide(tx, actor, disbursement, DisbursementStatus::Proposed).await
    }

    /// Refuses a proposal, with the reason the person's team will read.
    pub async fn refuse_disbursement(
        &self,
        actor: &User,
        id: DisbursementId,
        input: &RefusalInput,
    ) -> AppResult<Disbursement> {
        authorize(actor, Operation::ApproveDisbursement)?;
        let reason = input.parse()?;
        let mut tx = self.store.begin().await?;
        let mut disbursement = visible_disbursement(&mut tx, actor, id).await?.disbursement;
        if disbursement.status != DisbursementStatus::Proposed {
            return Err(AppError::conflict("disbursement_not_proposed"));
        }
        disbursement.status = DisbursementStatus::Refused;
        disbursement.refusal_reason = Some(reason);
        decide(tx, actor, disbursement, DisbursementStatus::Proposed).await
    }

    /// Records the payment of an approved disbursement.
    pub async fn pay_disbursement(
        &self,
        actor: &User,
        id: DisbursementId,
        input: &PaymentInput,
    ) -> AppResult<Disbursement> {
        authorize(actor, Operation::ApproveDisbursement)?;
        let (paid_on, reference) = input.parse(crate::today())?;
        let mut tx = self.store.begin().await?;
        let mut disbursement = visible_disbursement(&mut tx, actor, id).await?.disbursement;
        if disbursement.status != DisbursementStatus::Approved {
            return Err(AppError::conflict("disbursement_not_approved"));
        }
        disbursement.status = DisbursementStatus::Paid;
        disbursement.paid_on = Some(paid_on);
        disbursement.payment_reference = Some(reference);
        decide(tx, actor, disbursement, DisbursementStatus::Approved).await
    }

    /// Withdraws a proposal or an approval not yet paid: by whoever acts for
    /// the case. The money it held returns to the line.
    pub async fn cancel_disbursement(&self, actor: &User, id: DisbursementId) -> AppResult<Disbursement> {
        authorize(actor, Operation::ProposeDisbursement)?;
        let mut tx = self.store.begin().await?;
        let mut disbursement = visible_disbursement(&mut tx, actor, id).await?.disbursement;
        case_acted_for(&mut tx, actor, disbursement.case_id).await?;
        let from = disbursement.status;
        if !from.cancellable() {
            return Err(AppError::conflict("disbursement_not_cancellable"));
        }
        disbursement.status = DisbursementStatus::Cancelled;
        decide(tx, actor, disbursement, from).await
    }

    /// The statement of a line or of a person for a period, for the
    /// region's expense reporting. Reading it is audited.
    pub async fn statement(&self, actor: &User, query: &StatementQuery) -> AppResult<Statement> {
        authorize(actor, Operation::ReadStatements)?;
        let mut invalid = Invalid::new();
        match (query.budget_line, query.person) {
            (None, None) => invalid.add("budget_line", "statement_of_line_or_person"),
            (Some(_), Some(_)) => invalid.add("person", "statement_of_line_or_person"),
            _ => {}
        }
        if query.from.is_none() {
            invalid.add("from", "required");
        }
        if query.to.is_none() {
            invalid.add("to", "required");
        }
        let (from, to) = (query.from.unwrap_or_default(), query.to.unwrap_or_default());
        if from > to {
            invalid.add("to", "period_ends_before_start");
        }
        invalid.into_result(())?;
        let region = actor.region.ok_or(AppError::Forbidden)?;
        let mut tx = self.store.begin().await?;
        let budget_line = match query.budget_line {
            Some(id) => Some(visible_line(&mut tx, actor, id).await?),
            None => None,
        };
        let person_name = match query.person {
            Some(person) => Some(statement_person(&mut tx, region, person).await?),
            None => None,
        };
        let rows =
            store::statement_rows(tx.conn(), region, query.budget_line, query.person, from, to).await?;
        let (kind, id) = match (&budget_line, query.person) {
            (Some(line), _) => ("budget_line", line.id.0),
            (None, Some(person)) => ("person", person.0),
            (None, None) => unreachable!("checked above"),
        };
        let detail = Some(format!("statement {from}..{to}, {} rows", rows.len()));
        record(
            &mut tx,
            actor,
            AuditAction::Read,
            Subject::new(kind, id, Some(region)),
            detail,
        )
        .await?;
        tx.commit().await?;
        Ok(Statement {
            region,
            budget_line,
            person_name,
            from,
            to,
            proposed: Statement::total_of(&rows, DisbursementStatus::Proposed),
            approved: Statement::total_of(&rows, DisbursementStatus::Approved),
            paid: Statement::total_of(&rows, DisbursementStatus::Paid),
            rows,
        })
    }
}

/// An attendance allowance and how it came about.
struct Allowance {
    amount: Cents,
    how: AllowanceComputation,
}

/// Computes the allowance of the enrolment for the period from the class
/// register; refuses a period some standing disbursement already pays.
async fn allowance(tx: &mut Tx, case: &Case, new: &NewDisbursement) -> AppResult<Allowance> {
    let enrolment = match new.enrolment_id {
        Some(id) => store::enrolment(tx.conn(), id).await?,
        None => None,
    }
    .filter(|e| e.case_id == case.id)
    .ok_or_else(|| Invalid::single("enrolment_id", "unknown_enrolment"))?;
    let (from, to) = (new.period_from, new.period_to);
    if store::period_covered(tx.conn(), enrolment.enrolment_id, from, to).await? {
        return Err(Invalid::single("period_from", "period_already_paid").into());
    }
    let (scheduled_minutes, attended_minutes) =
        store::attendance_in_period(tx.conn(), enrolment.enrolment_id, from, to).await?;
    let hourly_rate = Cents(enrolment.hourly_allowance_cents);
    let how = AllowanceComputation {
        attended_minutes,
        scheduled_minutes,
        hourly_rate,
        threshold_percent: enrolment.allowance_threshold_percent,
        rounded: Cents::is_rounded_for_minutes(hourly_rate, attended_minutes),
    };
    let amount = how.amount().map_err(|code| {
        let mut invalid = Invalid::new();
        match code {
            "course_has_no_allowance" => invalid.add("enrolment_id", code),
            "attendance_below_threshold" => invalid.add_detail(
                "period_from",
                code,
                &format!("{}% / {}%", how.attended_percent(), how.threshold_percent),
            ),
            _ => invalid.add("period_from", code),
        }
        invalid
    })?;
    Ok(Allowance { amount, how })
}

/// A disbursement of a case the caller sees; 404 otherwise.
async fn visible_disbursement(tx: &mut Tx, actor: &User, id: DisbursementId) -> AppResult<DisbursementView> {
    let filter = DisbursementFilter {
        id: Some(id),
        ..DisbursementFilter::new(policy::scope(actor))
    };
    let (mut list, _) = store::list(tx.conn(), &filter, Page::new(0, 1)).await?;
    list.pop().ok_or(AppError::NotFound("disbursement"))
}

/// Writes a decision, payment or cancellation if nobody changed the
/// disbursement meanwhile, audits it, puts it on the case's timeline and
/// commits.
async fn decide(
    mut tx: Tx,
    actor: &User,
    mut disbursement: Disbursement,
    from: DisbursementStatus,
) -> AppResult<Disbursement> {
    let now = crate::clock::now();
    if disbursement.status != DisbursementStatus::Paid {
        disbursement.decided_by = Some(actor.id);
        disbursement.decided_at = Some(now);
    }
    if !store::set_status(tx.conn(), &disbursement, from).await? {
        return Err(AppError::conflict("disbursement_changed"));
    }
    audit_disbursement(&mut tx, actor, AuditAction::Update, &disbursement).await?;
    let kind = match disbursement.status {
        DisbursementStatus::Paid => CaseEventKind::DisbursementPaid,
        _ => CaseEventKind::DisbursementDecided,
    };
    let step = Step::new(kind)
        .code(Some(disbursement.status.as_str()))
        .note(disbursement.refusal_reason.clone());
    insert_event(&mut tx, actor, disbursement.case_id, step).await?;
    tx.commit().await?;
    Ok(disbursement)
}

/// The name of a person of the region, for the heading of their statement.
async fn statement_person(tx: &mut Tx, region: RegionCode, person: PersonId) -> AppResult<String> {
    store::person_name(tx.conn(), region, person)
        .await?
        .ok_or(AppError::NotFound("person"))
}

async fn audit_disbursement(
    tx: &mut Tx,
    actor: &User,
    action: AuditAction,
    disbursement: &Disbursement,
) -> AppResult<()> {
    let subject = Subject::new("disbursement", disbursement.id, Some(disbursement.region));
    let detail = format!(
        "{} {} {} {}..{}; person {}",
        disbursement.status,
        disbursement.measure,
        disbursement.amount.to_plain(),
        disbursement.period_from,
        disbursement.period_to,
        disbursement.person_id
    );
    record(tx, actor, action, subject, Some(detail)).await
}
