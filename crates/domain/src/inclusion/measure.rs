//! Support measures, budget lines and disbursements, and the rules that refuse them.
//!
//! A budget line is money of one funding source in one region, for some
//! measures and a validity period. A disbursement pays one measure to one
//! person in inclusion, for a period, from one line: proposed, then approved
//! or refused by the secretariat, then paid (or cancelled). What a line has
//! *committed* is what it approved or paid: proposals commit nothing until
//! approved, so the budget is checked when proposing and again, under a lock,
//! when approving.

use chrono::{DateTime, NaiveDate, Utc};

use super::money::Cents;
use crate::case::CaseId;
use crate::person::PersonId;
use crate::region::RegionCode;
use crate::user::UserId;
use crate::validation::{Invalid, LONG_TEXT, SHORT_TEXT};

crate::id_type!(BudgetLineId);
crate::id_type!(DisbursementId);

crate::text_enum! {
    /// What a disbursement pays for.
    MeasureKind {
        /// Indennità di frequenza: per hour attended at a lab, at the
        /// course's own rate.
        AttendanceAllowance,
        TransportVoucher,
        HousingVoucher,
        /// Voucher di conciliazione: childcare or care of a relative.
        CareVoucher,
        IncomeSupport,
        BasicGoods,
    }
}

crate::text_enum! {
    /// Where a line's money comes from.
    FundingSource {
        /// FSE+ 2021-2027, the region's programme (PR).
        FsePlus,
        PonInclusione,
        /// Fondo Asilo, Migrazione e Integrazione.
        Fami,
        RegionalFund,
        Other,
    }
}

crate::text_enum! {
    /// Where a disbursement stands.
    DisbursementStatus {
        Proposed,
        Approved,
        Refused,
        Paid,
        Cancelled,
    }
}

impl DisbursementStatus {
    /// Approved and paid disbursements hold the line's money.
    pub fn commits(self) -> bool {
        matches!(self, Self::Approved | Self::Paid)
    }

    /// Whether the disbursement still stands (covers its period).
    pub fn stands(self) -> bool {
        !matches!(self, Self::Refused | Self::Cancelled)
    }

    /// May be cancelled: not yet paid, not already closed.
    pub fn cancellable(self) -> bool {
        matches!(self, Self::Proposed | Self::Approved)
    }
}

/// A budget line as stored.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct BudgetLine {
    pub id: BudgetLineId,
    pub region: RegionCode,
    pub funding_source: FundingSource,
    /// The programme's own code of the line, unique in the region.
    pub code: String,
    pub name: String,
    /// The measures the line pays.
    pub measures: Vec<MeasureKind>,
    pub amount: Cents,
    /// At most this much per person, over the whole line.
    pub per_person_cap: Option<Cents>,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl BudgetLine {
    pub fn pays(&self, measure: MeasureKind) -> bool {
        self.measures.contains(&measure)
    }

    /// Whether a period lies wholly within the line's validity.
    pub fn covers(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.valid_from <= from && to <= self.valid_to
    }
}

/// A line with what it holds: the figures of the budgets page.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct BudgetLineTotals {
    #[serde(flatten)]
    pub line: BudgetLine,
    /// Approved and paid.
    pub committed: Cents,
    pub paid: Cents,
    /// Amount minus committed.
    pub remaining: Cents,
}

/// What an operator types about a budget line.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct BudgetLineInput {
    #[schema(required = true, nullable = false)]
    pub funding_source: Option<FundingSource>,
    /// Unique in the region.
    #[schema(
        required = true,
        nullable = false,
        min_length = 1,
        max_length = 50,
        pattern = "\\S"
    )]
    pub code: Option<String>,
    #[schema(required = true, nullable = false, min_length = 1, pattern = "\\S")]
    pub name: Option<String>,
    /// The measures the line pays: at least one.
    #[serde(default)]
    #[schema(required = true, min_items = 1)]
    pub measures: Vec<MeasureKind>,
    /// Euros as typed: "150.000,00".
    #[schema(required = true, nullable = false, min_length = 1, pattern = "[1-9]")]
    pub amount: Option<String>,
    /// Euros; blank for no cap.
    pub per_person_cap: Option<String>,
    /// YYYY-MM-DD.
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    #[schema(required = true, nullable = false)]
    pub valid_from: Option<NaiveDate>,
    /// YYYY-MM-DD, not before `valid_from`.
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    #[schema(required = true, nullable = false)]
    pub valid_to: Option<NaiveDate>,
}

/// A checked budget line.
#[derive(Debug, Clone, PartialEq)]
pub struct NewBudgetLine {
    pub funding_source: FundingSource,
    pub code: String,
    pub name: String,
    pub measures: Vec<MeasureKind>,
    pub amount: Cents,
    pub per_person_cap: Option<Cents>,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
}

/// Reads a required amount field into `invalid`.
fn amount_field(invalid: &mut Invalid, field: &str, text: Option<&str>) -> Cents {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => {
            invalid.add(field, "required");
            Cents::ZERO
        }
        Some(text) => Cents::parse_positive(text).unwrap_or_else(|code| {
            invalid.add(field, code);
            Cents::ZERO
        }),
    }
}

/// Reads an optional amount field into `invalid`.
fn optional_amount_field(invalid: &mut Invalid, field: &str, text: Option<&str>) -> Option<Cents> {
    let text = text.map(str::trim).filter(|t| !t.is_empty())?;
    match Cents::parse_positive(text) {
        Ok(amount) => Some(amount),
        Err(code) => {
            invalid.add(field, code);
            None
        }
    }
}

/// Reads a period: both dates required, `from` not after `to`.
fn period(
    invalid: &mut Invalid,
    names: (&str, &str),
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> (NaiveDate, NaiveDate) {
    if from.is_none() {
        invalid.add(names.0, "required");
    }
    if to.is_none() {
        invalid.add(names.1, "required");
    }
    let (from, to) = (from.unwrap_or_default(), to.unwrap_or_default());
    if from > to {
        invalid.add(names.1, "period_ends_before_start");
    }
    (from, to)
}

impl NewBudgetLine {
    pub fn parse(input: &BudgetLineInput) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        let funding_source = input.funding_source.unwrap_or(FundingSource::Other);
        if input.funding_source.is_none() {
            invalid.add("funding_source", "required");
        }
        let code = invalid.text("code", input.code.as_deref().unwrap_or(""), 50);
        let name = invalid.text("name", input.name.as_deref().unwrap_or(""), SHORT_TEXT);
        let mut measures = input.measures.clone();
        measures.sort();
        measures.dedup();
        if measures.is_empty() {
            invalid.add("measures", "required");
        }
        let amount = amount_field(&mut invalid, "amount", input.amount.as_deref());
        let per_person_cap =
            optional_amount_field(&mut invalid, "per_person_cap", input.per_person_cap.as_deref());
        if per_person_cap.is_some_and(|cap| cap > amount) && amount > Cents::ZERO {
            invalid.add("per_person_cap", "cap_above_amount");
        }
        let (valid_from, valid_to) = period(
            &mut invalid,
            ("valid_from", "valid_to"),
            input.valid_from,
            input.valid_to,
        );
        invalid.into_result(Self {
            funding_source,
            code,
            name,
            measures,
            amount,
            per_person_cap,
            valid_from,
            valid_to,
        })
    }
}

/// A new amount for a line: raised or lowered.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct BudgetAmountInput {
    /// Euros as typed.
    #[schema(required = true, nullable = false, min_length = 1, pattern = "[1-9]")]
    pub amount: Option<String>,
}

impl BudgetAmountInput {
    /// The amount, never below what the line has committed.
    pub fn parse(&self, committed: Cents) -> Result<Cents, Invalid> {
        let mut invalid = Invalid::new();
        let amount = amount_field(&mut invalid, "amount", self.amount.as_deref());
        if invalid.is_empty() && amount < committed {
            invalid.add_detail("amount", "budget_below_committed", &committed.format_it());
        }
        invalid.into_result(amount)
    }
}

/// How a disbursement's amount came about, kept with it and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct AllowanceComputation {
    /// Minutes attended in the period's sessions.
    pub attended_minutes: i64,
    /// Minutes of the period's sessions that were held (not cancelled).
    pub scheduled_minutes: i64,
    /// The course's rate per hour attended.
    pub hourly_rate: Cents,
    /// Attendance needed, as a percent of the scheduled minutes.
    pub threshold_percent: i64,
    /// Whether rate × minutes / 60 was not a whole number of cents and
    /// was rounded half up.
    pub rounded: bool,
}

impl AllowanceComputation {
    /// The allowance for this attendance, or the code of the rule that refuses it.
    pub fn amount(&self) -> Result<Cents, &'static str> {
        if self.hourly_rate == Cents::ZERO {
            return Err("course_has_no_allowance");
        }
        if self.attended_minutes <= 0 {
            return Err("no_attendance_in_period");
        }
        // Integers only: attended / scheduled >= threshold / 100.
        let attended = i128::from(self.attended_minutes) * 100;
        let needed = i128::from(self.threshold_percent) * i128::from(self.scheduled_minutes);
        if attended < needed {
            return Err("attendance_below_threshold");
        }
        Cents::for_minutes(self.hourly_rate, self.attended_minutes).ok_or("invalid_amount")
    }

    /// The percent attended, rounded down, for display.
    pub fn attended_percent(&self) -> i64 {
        (self.attended_minutes * 100)
            .checked_div(self.scheduled_minutes)
            .unwrap_or(0)
    }
}

/// A disbursement as stored.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Disbursement {
    pub id: DisbursementId,
    pub budget_line_id: BudgetLineId,
    pub region: RegionCode,
    pub person_id: PersonId,
    pub case_id: CaseId,
    pub measure: MeasureKind,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub amount: Cents,
    pub status: DisbursementStatus,
    /// The enrolment whose attendance is paid: attendance allowance only.
    #[schema(value_type = Option<String>, format = Uuid)]
    pub enrolment_id: Option<uuid::Uuid>,
    /// How an attendance allowance was computed.
    pub computation: Option<AllowanceComputation>,
    pub note: Option<String>,
    pub proposed_by: UserId,
    pub proposed_at: DateTime<Utc>,
    pub decided_by: Option<UserId>,
    pub decided_at: Option<DateTime<Utc>>,
    pub refusal_reason: Option<String>,
    pub paid_on: Option<NaiveDate>,
    pub payment_reference: Option<String>,
}

/// What a case manager types to propose a disbursement.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct DisbursementInput {
    #[schema(required = true, nullable = false)]
    pub budget_line_id: Option<BudgetLineId>,
    #[schema(required = true, nullable = false)]
    pub measure: Option<MeasureKind>,
    /// Attendance allowance only: the person's enrolment in the course.
    #[schema(value_type = Option<String>, format = Uuid)]
    pub enrolment_id: Option<uuid::Uuid>,
    /// YYYY-MM-DD.
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    #[schema(required = true, nullable = false)]
    pub period_from: Option<NaiveDate>,
    /// YYYY-MM-DD, not before `period_from`.
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    #[schema(required = true, nullable = false)]
    pub period_to: Option<NaiveDate>,
    /// Euros as typed, for every measure but the attendance allowance
    /// (computed from the register).
    pub amount: Option<String>,
    pub note: Option<String>,
}

/// A checked proposal: the amount is known for typed measures, computed
/// from the register for the allowance.
#[derive(Debug, Clone, PartialEq)]
pub struct NewDisbursement {
    pub budget_line_id: BudgetLineId,
    pub measure: MeasureKind,
    pub enrolment_id: Option<uuid::Uuid>,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    /// `None` for the attendance allowance.
    pub typed_amount: Option<Cents>,
    pub note: Option<String>,
}

impl NewDisbursement {
    pub fn parse(input: &DisbursementInput) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        if input.budget_line_id.is_none() {
            invalid.add("budget_line_id", "required");
        }
        let measure = input.measure.unwrap_or(MeasureKind::BasicGoods);
        if input.measure.is_none() {
            invalid.add("measure", "required");
        }
        let (period_from, period_to) = period(
            &mut invalid,
            ("period_from", "period_to"),
            input.period_from,
            input.period_to,
        );
        let typed = input.amount.as_deref().map(str::trim).filter(|t| !t.is_empty());
        let typed_amount = if measure == MeasureKind::AttendanceAllowance {
            if input.enrolment_id.is_none() {
                invalid.add("enrolment_id", "required");
            }
            if typed.is_some() {
                invalid.add("amount", "amount_is_computed");
            }
            None
        } else {
            if input.enrolment_id.is_some() {
                invalid.add("enrolment_id", "enrolment_only_for_allowance");
            }
            Some(amount_field(&mut invalid, "amount", typed))
        };
        let note = invalid.optional_text("note", input.note.as_deref(), LONG_TEXT);
        invalid.into_result(Self {
            budget_line_id: input.budget_line_id.unwrap_or_default(),
            measure,
            enrolment_id: input
                .enrolment_id
                .filter(|_| measure == MeasureKind::AttendanceAllowance),
            period_from,
            period_to,
            typed_amount,
            note,
        })
    }
}

/// What the line already holds when a disbursement is checked against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineUse {
    /// Approved and paid on the whole line.
    pub committed: Cents,
    /// Approved and paid on the line for this person.
    pub committed_for_person: Cents,
}

/// Checks a disbursement of `amount` for `measure` over a period against a
/// line: it must pay the measure, cover the period, have the money left and
/// keep the person under the cap. The message of an exhausted budget names
/// what remains.
pub fn check_against_line(
    line: &BudgetLine,
    measure: MeasureKind,
    period: (NaiveDate, NaiveDate),
    amount: Cents,
    used: LineUse,
) -> Result<(), Invalid> {
    let mut invalid = Invalid::new();
    if !line.pays(measure) {
        invalid.add("measure", "measure_not_on_line");
    }
    if !line.covers(period.0, period.1) {
        invalid.add("period_from", "outside_line_period");
    }
    let remaining = line.amount.checked_sub(used.committed).unwrap_or(Cents::ZERO);
    if used
        .committed
        .checked_add(amount)
        .is_none_or(|after| after > line.amount)
    {
        invalid.add_detail(
            "amount",
            "budget_exhausted",
            &remaining.max(Cents::ZERO).format_it(),
        );
    }
    if let Some(cap) = line.per_person_cap {
        let left = cap.checked_sub(used.committed_for_person).unwrap_or(Cents::ZERO);
        if used
            .committed_for_person
            .checked_add(amount)
            .is_none_or(|after| after > cap)
        {
            invalid.add_detail(
                "amount",
                "per_person_cap_exceeded",
                &left.max(Cents::ZERO).format_it(),
            );
        }
    }
    invalid.into_result(())
}

/// Why a disbursement is refused.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct RefusalInput {
    #[schema(required = true, nullable = false, min_length = 1, pattern = "\\S")]
    pub reason: Option<String>,
}

impl RefusalInput {
    pub fn parse(&self) -> Result<String, Invalid> {
        let mut invalid = Invalid::new();
        let reason = invalid.text("reason", self.reason.as_deref().unwrap_or(""), LONG_TEXT);
        invalid.into_result(reason)
    }
}

/// The payment of an approved disbursement.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct PaymentInput {
    /// YYYY-MM-DD, not in the future.
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    #[schema(required = true, nullable = false)]
    pub paid_on: Option<NaiveDate>,
    /// The bank transfer's reference (CRO/TRN) or the voucher's number.
    #[schema(required = true, nullable = false, min_length = 1, pattern = "\\S")]
    pub payment_reference: Option<String>,
}

impl PaymentInput {
    pub fn parse(&self, today: NaiveDate) -> Result<(NaiveDate, String), Invalid> {
        let mut invalid = Invalid::new();
        let reference = invalid.text(
            "payment_reference",
            self.payment_reference.as_deref().unwrap_or(""),
            SHORT_TEXT,
        );
        match self.paid_on {
            None => invalid.add("paid_on", "required"),
            Some(day) if day > today => invalid.add("paid_on", "paid_in_the_future"),
            Some(_) => {}
        }
        invalid.into_result((self.paid_on.unwrap_or(today), reference))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn line(amount: i64, cap: Option<i64>) -> BudgetLine {
        let now = Utc::now();
        BudgetLine {
            id: BudgetLineId::new(),
            region: RegionCode::Abr,
            funding_source: FundingSource::FsePlus,
            code: "FSE-1".into(),
            name: "Indennità".into(),
            measures: vec![MeasureKind::TransportVoucher],
            amount: Cents(amount),
            per_person_cap: cap.map(Cents),
            valid_from: day(2026, 1, 1),
            valid_to: day(2026, 12, 31),
            created_by: UserId::new(),
            created_at: now,
            updated_at: now,
        }
    }

    fn codes(result: Result<(), Invalid>) -> Vec<String> {
        result
            .err()
            .map(|i| i.errors.into_iter().map(|e| e.code).collect())
            .unwrap_or_default()
    }

    const PERIOD: (NaiveDate, NaiveDate) = (
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
    );

    fn used(committed: i64, for_person: i64) -> LineUse {
        LineUse {
            committed: Cents(committed),
            committed_for_person: Cents(for_person),
        }
    }

    #[test]
    fn the_exact_remaining_fits_one_cent_more_does_not() {
        let line = line(10_000, None);
        let measure = MeasureKind::TransportVoucher;
        assert!(check_against_line(&line, measure, PERIOD, Cents(4_000), used(6_000, 0)).is_ok());
        let refused = check_against_line(&line, measure, PERIOD, Cents(4_001), used(6_000, 0));
        let error = refused.err().map(|i| i.errors[0].clone());
        assert_eq!(error.as_ref().map(|e| e.code.as_str()), Some("budget_exhausted"));
        assert_eq!(error.and_then(|e| e.detail), Some("40,00 €".into()));
    }

    #[test]
    fn the_cap_counts_what_the_person_already_has() {
        let line = line(100_000, Some(5_000));
        let measure = MeasureKind::TransportVoucher;
        assert!(check_against_line(&line, measure, PERIOD, Cents(2_000), used(3_000, 3_000)).is_ok());
        assert_eq!(
            codes(check_against_line(
                &line,
                measure,
                PERIOD,
                Cents(2_001),
                used(3_000, 3_000)
            )),
            ["per_person_cap_exceeded"]
        );
    }

    #[test]
    fn the_line_must_pay_the_measure_in_its_period() {
        let line = line(100_000, None);
        assert_eq!(
            codes(check_against_line(
                &line,
                MeasureKind::HousingVoucher,
                PERIOD,
                Cents(1),
                used(0, 0)
            )),
            ["measure_not_on_line"]
        );
        let late = (day(2026, 12, 1), day(2027, 1, 31));
        assert_eq!(
            codes(check_against_line(
                &line,
                MeasureKind::TransportVoucher,
                late,
                Cents(1),
                used(0, 0)
            )),
            ["outside_line_period"]
        );
    }

    fn attendance(attended: i64, scheduled: i64, rate: i64, threshold: i64) -> AllowanceComputation {
        AllowanceComputation {
            attended_minutes: attended,
            scheduled_minutes: scheduled,
            hourly_rate: Cents(rate),
            threshold_percent: threshold,
            rounded: Cents::is_rounded_for_minutes(Cents(rate), attended),
        }
    }

    #[test]
    fn the_allowance_pays_minutes_attended_at_the_course_rate() {
        assert_eq!(attendance(150, 150, 350, 70).amount(), Ok(Cents(875)));
        assert_eq!(attendance(50, 60, 333, 0).amount(), Ok(Cents(278)));
    }

    #[test]
    fn the_threshold_is_met_at_exactly_its_percent() {
        assert_eq!(
            attendance(69, 100, 350, 70).amount(),
            Err("attendance_below_threshold")
        );
        assert!(attendance(70, 100, 350, 70).amount().is_ok());
        assert_eq!(
            attendance(0, 100, 350, 0).amount(),
            Err("no_attendance_in_period")
        );
        assert_eq!(
            attendance(100, 100, 0, 0).amount(),
            Err("course_has_no_allowance")
        );
    }

    #[test]
    fn an_amount_cannot_go_below_what_is_committed() {
        let input = BudgetAmountInput {
            amount: Some("99,99".into()),
        };
        let codes: Vec<_> = input
            .parse(Cents(10_000))
            .err()
            .map(|i| i.errors)
            .unwrap_or_default();
        assert_eq!(codes[0].code, "budget_below_committed");
        assert_eq!(
            BudgetAmountInput {
                amount: Some("100".into())
            }
            .parse(Cents(10_000)),
            Ok(Cents(10_000))
        );
    }

    #[test]
    fn a_typed_measure_needs_an_amount_the_allowance_refuses_one() {
        let input = DisbursementInput {
            budget_line_id: Some(BudgetLineId::new()),
            measure: Some(MeasureKind::AttendanceAllowance),
            period_from: Some(day(2026, 3, 1)),
            period_to: Some(day(2026, 2, 1)),
            amount: Some("5".into()),
            ..DisbursementInput::default()
        };
        let errors = NewDisbursement::parse(&input)
            .err()
            .map(|i| i.errors)
            .unwrap_or_default();
        let codes: Vec<_> = errors.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "period_ends_before_start",
                "enrolment_id_required",
                "amount_is_computed"
            ]
            .map(|c| {
                if c == "enrolment_id_required" {
                    "required"
                } else {
                    c
                }
            })
        );
    }
}
