//! The money of the cycle: the Abruzzo FSE+ lines that pay the attendance
//! allowance of the professional labs and the vouchers that support taking
//! part (seed 004: transport, housing, care).
//!
//! The case managers propose each lab's allowance month by month, as the
//! registers come in; the secretariat approves it and pays each month
//! around the 15th of the next. When the cycle ends the last month is
//! still waiting, one month was refused and one proposal withdrawn. The
//! vouchers, typed by the case managers, are paid once their lab is over.

use chrono::{Datelike, Days, Months, NaiveDate};
use rand::seq::SliceRandom;
use soleil_domain::RegionCode;
use soleil_domain::inclusion::measure::{
    BudgetLineId, BudgetLineInput, DisbursementId, DisbursementInput, FundingSource, MeasureKind,
    PaymentInput, RefusalInput,
};

use super::labs::{LabRun, Labs};
use super::{Cycle, Member};
use crate::demo::regions::{MARSICA, PESCARA};
use crate::{App, AppError, AppResult};

/// A line the region opens for the cycle. Amounts are euros, as typed.
pub(in crate::demo) struct LineSeed {
    pub(in crate::demo) code: &'static str,
    name: &'static str,
    measures: &'static [MeasureKind],
    pub(in crate::demo) amount: &'static str,
    pub(in crate::demo) per_person_cap: &'static str,
}

/// The allowance line holds every hour of every seat at 3,50 € (10.920,00
/// €), so no month is ever refused for money, and little more, so the
/// cycle spends most of it. The cap is above 80 hours at 3,50 € (280,00 €).
pub(in crate::demo) const ALLOWANCE_LINE: LineSeed = LineSeed {
    code: "ABR-FSE+-IF-2025",
    name: "Indennità di frequenza dei laboratori professionalizzanti",
    measures: &[MeasureKind::AttendanceAllowance],
    amount: "11.000,00",
    per_person_cap: "300,00",
};

/// The vouchers' line; its cap holds all three vouchers for one person.
pub(in crate::demo) const VOUCHER_LINE: LineSeed = LineSeed {
    code: "ABR-FSE+-VP-2025",
    name: "Voucher di partecipazione: trasporto, alloggio, conciliazione",
    measures: &[
        MeasureKind::TransportVoucher,
        MeasureKind::HousingVoucher,
        MeasureKind::CareVoucher,
    ],
    amount: "4.000,00",
    per_person_cap: "1.200,00",
};

/// The lines as opened.
pub(super) struct DemoLines {
    allowances: BudgetLineId,
    vouchers: BudgetLineId,
}

/// A voucher as the case manager types it.
pub(in crate::demo) struct Voucher {
    pub(in crate::demo) measure: MeasureKind,
    /// How many the cycle gives.
    pub(in crate::demo) count: usize,
    pub(in crate::demo) amount: &'static str,
    note: &'static str,
}

const TRANSPORT: Voucher = Voucher {
    measure: MeasureKind::TransportVoucher,
    count: 5,
    amount: "116,00",
    note: "Due abbonamenti mensili TUA extraurbani per raggiungere il laboratorio.",
};
const HOUSING: Voucher = Voucher {
    measure: MeasureKind::HousingVoucher,
    count: 1,
    amount: "600,00",
    note: "Posto letto in affitto vicino al laboratorio per tutta la sua durata.",
};
const CARE: Voucher = Voucher {
    measure: MeasureKind::CareVoucher,
    count: 2,
    amount: "360,00",
    note: "Baby-sitting per i figli nelle ore del laboratorio.",
};

/// Every voucher of the cycle.
#[cfg(test)]
pub(in crate::demo) const VOUCHERS: [&Voucher; 3] = [&TRANSPORT, &HOUSING, &CARE];

/// The codes of a month the allowance rightly refuses, because the person
/// attended too little of it: no allowance is due, nothing went wrong.
const NO_ALLOWANCE_DUE: [&str; 2] = ["attendance_below_threshold", "no_attendance_in_period"];

/// Why the secretariat refuses one month.
const REFUSAL: &str = "Periodo già coperto dall'indennità INPS di disoccupazione (NASpI), \
                       non cumulabile con l'indennità di frequenza.";

/// How long after a month ends its register is checked and its allowance paid.
const PAYMENT_LAG_DAYS: u64 = 21;

/// The labs' towns a person reaches by local bus from their zone; a lab
/// anywhere else is far from home, and its trips take a transport voucher.
const WITHIN_REACH: &[(&str, &[&str])] = &[
    (MARSICA, &["Avezzano"]),
    (PESCARA, &["Pescara", "Chieti Scalo", "San Giovanni Teatino"]),
];

/// An allowance proposed for one month of a lab.
struct MonthAllowance {
    id: DisbursementId,
    member: usize,
    /// The last day of its calendar month.
    month_ends: NaiveDate,
}

/// A disbursement approved, to be paid on a day.
struct Due {
    id: DisbursementId,
    on: NaiveDate,
}

/// The last day of the month of `day`.
fn month_end(day: NaiveDate) -> NaiveDate {
    day.with_day(1)
        .and_then(|first| first.checked_add_months(Months::new(1)))
        .and_then(|next| next.pred_opt())
        .unwrap_or(day)
}

/// The calendar months from `from` to `to`, each clipped to them.
fn months(from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
    let mut periods = Vec::new();
    let mut start = from;
    while start <= to {
        let end = month_end(start).min(to);
        periods.push((start, end));
        let Some(next) = end.succ_opt() else { break };
        start = next;
    }
    periods
}

/// The region pays on the 15th of the month after `month_ends`, never
/// after today.
fn payday(month_ends: NaiveDate, today: NaiveDate) -> NaiveDate {
    month_ends
        .checked_add_days(Days::new(15))
        .unwrap_or(month_ends)
        .min(today)
}

fn far_from_home(member: &Member, lab: &LabRun) -> bool {
    let place = lab.course.place.as_deref().unwrap_or_default();
    !WITHIN_REACH
        .iter()
        .filter(|(zone, _)| *zone == member.home)
        .flat_map(|(_, towns)| towns.iter())
        .any(|town| place.starts_with(town))
}

/// Whether the use case refused a month's allowance only because the
/// person attended too little of it.
fn no_allowance_due(error: &AppError) -> bool {
    match error {
        AppError::Invalid(invalid) => {
            !invalid.errors.is_empty()
                && invalid
                    .errors
                    .iter()
                    .all(|e| NO_ALLOWANCE_DUE.contains(&e.code.as_str()))
        }
        _ => false,
    }
}

impl App {
    /// The secretariat opens the lines the cycle draws on, valid from
    /// before the first lab to a season after today.
    pub(super) async fn open_demo_budget_lines(&self, cycle: &Cycle) -> AppResult<DemoLines> {
        Ok(DemoLines {
            allowances: self.open_demo_line(cycle, &ALLOWANCE_LINE).await?,
            vouchers: self.open_demo_line(cycle, &VOUCHER_LINE).await?,
        })
    }

    async fn open_demo_line(&self, cycle: &Cycle, seed: &LineSeed) -> AppResult<BudgetLineId> {
        let input = BudgetLineInput {
            funding_source: Some(FundingSource::FsePlus),
            code: Some(seed.code.to_owned()),
            name: Some(seed.name.to_owned()),
            measures: seed.measures.to_vec(),
            amount: Some(seed.amount.to_owned()),
            per_person_cap: Some(seed.per_person_cap.to_owned()),
            valid_from: Some(cycle.ago(300)),
            valid_to: cycle.today.checked_add_days(Days::new(90)),
        };
        let line = self
            .create_budget_line(&cycle.crew.secretariat, Some(RegionCode::Abr), &input)
            .await?;
        Ok(line.line.id)
    }

    /// The allowances and the vouchers of the cycle, from proposal to
    /// payment. Payments go out in date order, so the transfers' numbers
    /// follow the calendar.
    pub(super) async fn pay_demo_support(
        &self,
        cycle: &mut Cycle,
        lines: &DemoLines,
        labs: &Labs,
    ) -> AppResult<()> {
        let proposed = self
            .propose_demo_allowances(cycle, lines.allowances, labs)
            .await?;
        let mut due = self.decide_demo_allowances(cycle, &proposed).await?;
        due.extend(self.grant_demo_vouchers(cycle, lines.vouchers, labs).await?);
        due.sort_by_key(|d| d.on);
        let secretariat = &cycle.crew.secretariat;
        for (number, d) in (1..).zip(&due) {
            let input = PaymentInput {
                paid_on: Some(d.on),
                payment_reference: Some(format!("TRN ABR {} {number:06}", d.on.year())),
            };
            self.pay_disbursement(secretariat, d.id, &input).await?;
        }
        Ok(())
    }

    /// Each case manager proposes the allowance of each month their
    /// people's professional labs met in. A month the person attended too
    /// little of is refused by the rules and left out.
    async fn propose_demo_allowances(
        &self,
        cycle: &Cycle,
        line: BudgetLineId,
        labs: &Labs,
    ) -> AppResult<Vec<MonthAllowance>> {
        let mut proposed = Vec::new();
        for run in labs
            .professional
            .iter()
            .filter(|run| run.course.hourly_allowance_cents > 0)
        {
            for (from, to) in months(run.starts_on(), run.ends_on()) {
                for seat in &run.seats {
                    let member = &cycle.members[seat.member];
                    let input = DisbursementInput {
                        budget_line_id: Some(line),
                        measure: Some(MeasureKind::AttendanceAllowance),
                        enrolment_id: Some(seat.enrolment.0),
                        period_from: Some(from),
                        period_to: Some(to),
                        ..DisbursementInput::default()
                    };
                    match self
                        .propose_disbursement(&member.manager, member.case, &input)
                        .await
                    {
                        Ok(allowance) => proposed.push(MonthAllowance {
                            id: allowance.id,
                            member: seat.member,
                            month_ends: month_end(from),
                        }),
                        Err(error) if no_allowance_due(&error) => {}
                        Err(error) => return Err(error),
                    }
                }
            }
        }
        Ok(proposed)
    }

    /// The secretariat approves the months long enough ended to be paid,
    /// but refuses one (the person had NASpI for it). The last month waits:
    /// a case manager withdraws one of its proposals, and the secretariat
    /// has approved half of the others. Returns what is to be paid.
    async fn decide_demo_allowances(
        &self,
        cycle: &mut Cycle,
        proposed: &[MonthAllowance],
    ) -> AppResult<Vec<Due>> {
        let last_month = proposed.iter().map(|a| a.month_ends).max();
        let settled = |a: &&MonthAllowance| {
            Some(a.month_ends) != last_month
                && a.month_ends.checked_add_days(Days::new(PAYMENT_LAG_DAYS)) < Some(cycle.today)
        };
        let (closed, waiting): (Vec<&MonthAllowance>, Vec<&MonthAllowance>) =
            proposed.iter().partition(settled);
        let refused = closed.choose(&mut cycle.rng).map(|a| a.id);
        let withdrawn = waiting.choose(&mut cycle.rng).map(|a| a.id);
        let secretariat = &cycle.crew.secretariat;
        let mut due = Vec::with_capacity(closed.len());
        for allowance in closed {
            if Some(allowance.id) == refused {
                let input = RefusalInput {
                    reason: Some(REFUSAL.to_owned()),
                };
                self.refuse_disbursement(secretariat, allowance.id, &input)
                    .await?;
            } else {
                self.approve_disbursement(secretariat, allowance.id).await?;
                due.push(Due {
                    id: allowance.id,
                    on: payday(allowance.month_ends, cycle.today),
                });
            }
        }
        let (withdrawn, left): (Vec<&MonthAllowance>, Vec<&MonthAllowance>) =
            waiting.into_iter().partition(|a| Some(a.id) == withdrawn);
        for allowance in withdrawn {
            let manager = &cycle.members[allowance.member].manager;
            self.cancel_disbursement(manager, allowance.id).await?;
        }
        // Every other one, so that half still waits for the secretariat.
        for allowance in left.into_iter().skip(1).step_by(2) {
            self.approve_disbursement(secretariat, allowance.id).await?;
        }
        Ok(due)
    }

    /// The vouchers of the second line, each covering its lab's dates,
    /// proposed by the case manager and approved at once, to be paid after
    /// the lab.
    async fn grant_demo_vouchers(
        &self,
        cycle: &mut Cycle,
        line: BudgetLineId,
        labs: &Labs,
    ) -> AppResult<Vec<Due>> {
        let granted = voucher_holders(cycle, labs)?;
        let mut due = Vec::with_capacity(granted.len());
        for (voucher, run, member) in granted {
            let m = &cycle.members[member];
            let input = DisbursementInput {
                budget_line_id: Some(line),
                measure: Some(voucher.measure),
                period_from: Some(run.course.starts_on),
                period_to: Some(run.ends_on()),
                amount: Some(voucher.amount.to_owned()),
                note: Some(voucher.note.to_owned()),
                ..DisbursementInput::default()
            };
            let proposal = self.propose_disbursement(&m.manager, m.case, &input).await?;
            self.approve_disbursement(&cycle.crew.secretariat, proposal.id)
                .await?;
            due.push(Due {
                id: proposal.id,
                on: payday(month_end(run.ends_on()), cycle.today),
            });
        }
        Ok(due)
    }
}

/// Who gets which voucher: transport for a handful of people whose lab is
/// far from home, a room near the lab for one of them whose plan has a
/// housing need, care of the children of two women of the labs.
fn voucher_holders<'a>(
    cycle: &mut Cycle,
    labs: &'a Labs,
) -> AppResult<Vec<(&'static Voucher, &'a LabRun, usize)>> {
    let seats: Vec<(&LabRun, usize)> = labs
        .professional
        .iter()
        .flat_map(|run| run.seats.iter().map(move |seat| (run, seat.member)))
        .collect();
    let members = &cycle.members;
    let far: Vec<_> = seats
        .iter()
        .copied()
        .filter(|(run, m)| far_from_home(&members[*m], run))
        .collect();
    let far_needing_housing: Vec<_> = far
        .iter()
        .copied()
        .filter(|(_, m)| members[*m].housing_need)
        .collect();
    let women: Vec<_> = seats
        .iter()
        .copied()
        .filter(|(_, m)| members[*m].female)
        .collect();
    let mut holders = Vec::new();
    for (voucher, among) in [(&TRANSPORT, far), (&HOUSING, far_needing_housing), (&CARE, women)] {
        let chosen: Vec<_> = among.choose_multiple(&mut cycle.rng, voucher.count).collect();
        if chosen.len() < voucher.count {
            return Err(AppError::NotFound("demo voucher holders"));
        }
        holders.extend(chosen.into_iter().map(|(run, member)| (voucher, *run, *member)));
    }
    Ok(holders)
}
