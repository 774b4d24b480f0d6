//! Support measures: budget lines, disbursements computed from attendance
//! and rules, approval, statements.
//!
//! A budget line belongs to one region: only that region's staff (and
//! admins, who belong to none) see or change it; others get a 404 so a
//! line's existence does not leak.

use chrono::Utc;
use soleil_domain::inclusion::measure::{
    BudgetAmountInput, BudgetLine, BudgetLineId, BudgetLineInput, BudgetLineTotals, NewBudgetLine,
};
use soleil_domain::{AuditAction, Invalid, RegionCode, User};
use soleil_store::Tx;
use soleil_store::measures as store;

use crate::audit::{Subject, record};
use crate::{App, AppError, AppResult, Operation, authorize};

/// Which lines to list.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BudgetLineQuery {
    /// For admins, who belong to no region: the region whose lines to list.
    pub region: Option<RegionCode>,
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
        let now = Utc::now();
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
        store::set_line_amount(tx.conn(), id, amount, Utc::now()).await?;
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
