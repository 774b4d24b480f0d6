//! Work placements (internship, apprenticeship, employment) and their follow-ups.
//!
//! A placement is the person's contract with an employer: a *tirocinio
//! extracurricolare* (at most 12 months, with a tutor), an *apprendistato
//! professionalizzante* (at least 6 months, with a tutor) or employment
//! under a fixed-term, permanent or seasonal contract. Whether the person
//! is still in work is asked 3, 6 and 12 months after the start: the
//! follow-ups are scheduled with the placement and recorded when they fall.

use chrono::{DateTime, Months, NaiveDate, Utc};

use crate::case::CaseId;
use crate::inclusion::employer::EmployerId;
use crate::inclusion::job_offer::{JobOfferId, ProposalId};
use crate::person::PersonId;
use crate::region::RegionCode;
use crate::user::UserId;
use crate::validation::{Invalid, LONG_TEXT, SHORT_TEXT};

crate::id_type!(WorkPlacementId);
crate::id_type!(FollowUpId);

crate::text_enum! {
    /// What kind of placement.
    PlacementKind {
        /// Tirocinio extracurricolare.
        Internship,
        /// Apprendistato professionalizzante.
        Apprenticeship,
        /// A job under an employment contract.
        Employment,
    }
}

impl PlacementKind {
    /// Internships and apprenticeships are accompanied by a tutor at the employer.
    pub fn needs_mentor(self) -> bool {
        matches!(self, Self::Internship | Self::Apprenticeship)
    }
}

crate::text_enum! {
    /// The contract of an employment.
    EmploymentContract {
        FixedTerm,
        Permanent,
        Seasonal,
    }
}

impl EmploymentContract {
    /// Fixed-term and seasonal contracts say when they end; a permanent one does not.
    pub fn has_end(self) -> bool {
        !matches!(self, Self::Permanent)
    }
}

crate::text_enum! {
    /// Why a placement ended.
    EndReason {
        Resigned,
        Dismissed,
        Completed,
        /// An internship or apprenticeship turned into an employment contract.
        ConvertedToContract,
        Other,
    }
}

crate::text_enum! {
    /// Where a placement stands on a given day.
    PlacementStatus {
        /// Starts later.
        Planned,
        Active,
        /// Ended early, or past its end date.
        Ended,
    }
}

crate::text_enum! {
    /// The person's contract when a follow-up is recorded.
    CurrentContract {
        Internship,
        Apprenticeship,
        FixedTerm,
        Permanent,
        Seasonal,
        SelfEmployed,
        Other,
    }
}

/// Longest internship (tirocinio extracurricolare), in months.
pub const INTERNSHIP_MAX_MONTHS: u32 = 12;
/// Shortest apprenticeship (apprendistato professionalizzante), in months.
pub const APPRENTICESHIP_MIN_MONTHS: u32 = 6;
/// The most weekly hours a contract can plausibly have (d.lgs. 66/2003: 48
/// on average, overtime included).
pub const MAX_HOURS_PER_WEEK: i32 = 48;
/// The months after the start when a follow-up falls.
pub const FOLLOW_UP_MONTHS: [u32; 3] = [3, 6, 12];
/// How many days ahead of its due date a follow-up may be recorded.
pub const FOLLOW_UP_EARLY_DAYS: i64 = 14;

/// A placement as stored.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct WorkPlacement {
    pub id: WorkPlacementId,
    /// The case's region.
    pub region: RegionCode,
    pub person_id: PersonId,
    pub case_id: CaseId,
    pub employer_id: EmployerId,
    /// The job offer the placement came from, if any.
    pub offer_id: Option<JobOfferId>,
    /// The candidate proposal the placement came from, if any.
    pub proposal_id: Option<ProposalId>,
    pub kind: PlacementKind,
    /// For employment only.
    pub contract_type: Option<EmploymentContract>,
    pub hours_per_week: i32,
    pub starts_on: NaiveDate,
    /// The agreed end; none for permanent contracts and open apprenticeships.
    pub ends_on: Option<NaiveDate>,
    /// The tutor at the employer.
    pub mentor: Option<String>,
    /// Monthly gross pay, or the internship allowance, in euro cents.
    pub monthly_pay_cents: Option<i64>,
    pub notes: Option<String>,
    /// Set when the placement ended before (or at) its agreed end.
    pub ended_on: Option<NaiveDate>,
    pub end_reason: Option<EndReason>,
    pub end_note: Option<String>,
    pub recorded_by: UserId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl WorkPlacement {
    /// Where the placement stands on `today`.
    pub fn status(&self, today: NaiveDate) -> PlacementStatus {
        let ended = self.ended_on.is_some() || self.ends_on.is_some_and(|end| end < today);
        if ended {
            PlacementStatus::Ended
        } else if self.starts_on > today {
            PlacementStatus::Planned
        } else {
            PlacementStatus::Active
        }
    }
}

/// What an operator types about a placement, before it is checked.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct WorkPlacementInput {
    pub employer_id: Option<EmployerId>,
    /// The job offer it came from, if any.
    pub offer_id: Option<JobOfferId>,
    /// The candidate proposal it came from, if any: it becomes accepted.
    pub proposal_id: Option<ProposalId>,
    pub kind: Option<PlacementKind>,
    /// Required for employment, refused for the other kinds.
    pub contract_type: Option<EmploymentContract>,
    pub hours_per_week: Option<i32>,
    /// YYYY-MM-DD.
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    pub starts_on: Option<NaiveDate>,
    /// YYYY-MM-DD; required for internships and fixed-term or seasonal contracts.
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    pub ends_on: Option<NaiveDate>,
    /// Required for internships and apprenticeships.
    pub mentor: Option<String>,
    /// Monthly gross pay or internship allowance, in euro cents.
    pub monthly_pay_cents: Option<i64>,
    pub notes: Option<String>,
}

/// A checked placement, ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewWorkPlacement {
    pub employer_id: EmployerId,
    pub offer_id: Option<JobOfferId>,
    pub proposal_id: Option<ProposalId>,
    pub kind: PlacementKind,
    pub contract_type: Option<EmploymentContract>,
    pub hours_per_week: i32,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub mentor: Option<String>,
    pub monthly_pay_cents: Option<i64>,
    pub notes: Option<String>,
}

impl NewWorkPlacement {
    /// Checks the input against the rules of its kind.
    pub fn parse(input: &WorkPlacementInput) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        if input.employer_id.is_none() {
            invalid.add("employer_id", "required");
        }
        let mentor = invalid.optional_text("mentor", input.mentor.as_deref(), SHORT_TEXT);
        let notes = invalid.optional_text("notes", input.notes.as_deref(), LONG_TEXT);
        match input.hours_per_week {
            None => invalid.add("hours_per_week", "required"),
            Some(hours) if !(1..=MAX_HOURS_PER_WEEK).contains(&hours) => {
                invalid.add("hours_per_week", "hours_out_of_range");
            }
            Some(_) => {}
        }
        if input.monthly_pay_cents.is_some_and(|cents| cents < 0) {
            invalid.add("monthly_pay_cents", "negative_amount");
        }
        if input.starts_on.is_none() {
            invalid.add("starts_on", "required");
        }
        match input.kind {
            None => invalid.add("kind", "required"),
            Some(kind) => check_kind(&mut invalid, kind, input, mentor.is_some()),
        }
        if let (Some(start), Some(end)) = (input.starts_on, input.ends_on)
            && end <= start
        {
            invalid.add("ends_on", "start_after_end");
        }
        invalid.into_result(Self {
            employer_id: input.employer_id.unwrap_or_default(),
            offer_id: input.offer_id,
            proposal_id: input.proposal_id,
            kind: input.kind.unwrap_or(PlacementKind::Employment),
            contract_type: input.contract_type,
            hours_per_week: input.hours_per_week.unwrap_or_default(),
            starts_on: input.starts_on.unwrap_or_default(),
            ends_on: input.ends_on,
            mentor,
            monthly_pay_cents: input.monthly_pay_cents,
            notes,
        })
    }
}

/// The rules that depend on the kind: the contract, the tutor, the length.
fn check_kind(invalid: &mut Invalid, kind: PlacementKind, input: &WorkPlacementInput, has_mentor: bool) {
    if kind.needs_mentor() && !has_mentor {
        invalid.add("mentor", "mentor_required");
    }
    let months_after_start = |months: u32| {
        input
            .starts_on
            .and_then(|start| start.checked_add_months(Months::new(months)))
    };
    match kind {
        PlacementKind::Employment => match input.contract_type {
            None => invalid.add("contract_type", "contract_type_required"),
            Some(contract) if contract.has_end() && input.ends_on.is_none() => {
                invalid.add("ends_on", "end_required");
            }
            Some(EmploymentContract::Permanent) if input.ends_on.is_some() => {
                invalid.add("ends_on", "end_not_for_permanent");
            }
            Some(_) => {}
        },
        _ if input.contract_type.is_some() => invalid.add("contract_type", "contract_type_not_for_kind"),
        PlacementKind::Internship => match (input.ends_on, months_after_start(INTERNSHIP_MAX_MONTHS)) {
            (None, _) => invalid.add("ends_on", "end_required"),
            (Some(end), Some(longest)) if end > longest => invalid.add("ends_on", "internship_too_long"),
            _ => {}
        },
        PlacementKind::Apprenticeship => {
            if let (Some(end), Some(shortest)) =
                (input.ends_on, months_after_start(APPRENTICESHIP_MIN_MONTHS))
                && end < shortest
            {
                invalid.add("ends_on", "apprenticeship_too_short");
            }
        }
    }
}

/// The day a follow-up falls: `months` after the start, on the last day of
/// the month when the start's day does not exist there (31 Aug → 30 Nov).
pub fn follow_up_due_on(starts_on: NaiveDate, months: u32) -> Option<NaiveDate> {
    starts_on.checked_add_months(Months::new(months))
}

/// The follow-ups of a placement starting on `starts_on`: month and due date.
pub fn follow_up_schedule(starts_on: NaiveDate) -> Vec<(i32, NaiveDate)> {
    FOLLOW_UP_MONTHS
        .into_iter()
        .filter_map(|months| {
            let due = follow_up_due_on(starts_on, months)?;
            Some((i32::try_from(months).ok()?, due))
        })
        .collect()
}

/// Whether a follow-up due on `due_on` may be recorded on `today`: from
/// [`FOLLOW_UP_EARLY_DAYS`] before it falls.
pub fn follow_up_open(due_on: NaiveDate, today: NaiveDate) -> bool {
    (due_on - today).num_days() <= FOLLOW_UP_EARLY_DAYS
}

/// How a placement ended, as typed.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct PlacementEndInput {
    /// YYYY-MM-DD; not before the start, not in the future.
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    pub ended_on: Option<NaiveDate>,
    pub reason: Option<EndReason>,
    pub note: Option<String>,
}

/// A checked end of a placement.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacementEnd {
    pub ended_on: NaiveDate,
    pub reason: EndReason,
    pub note: Option<String>,
}

impl PlacementEnd {
    /// Checks the end against the placement's start and today.
    pub fn parse(input: &PlacementEndInput, starts_on: NaiveDate, today: NaiveDate) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        let note = invalid.optional_text("note", input.note.as_deref(), LONG_TEXT);
        match input.ended_on {
            None => invalid.add("ended_on", "required"),
            Some(day) if day < starts_on => invalid.add("ended_on", "end_before_start"),
            Some(day) if day > today => invalid.add("ended_on", "ended_in_the_future"),
            Some(_) => {}
        }
        if input.reason.is_none() {
            invalid.add("reason", "required");
        }
        if input.reason == Some(EndReason::Other) && note.is_none() {
            invalid.add("note", "end_note_required");
        }
        invalid.into_result(Self {
            ended_on: input.ended_on.unwrap_or(today),
            reason: input.reason.unwrap_or(EndReason::Other),
            note,
        })
    }
}

/// A follow-up of a placement, scheduled or recorded.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct FollowUp {
    pub id: FollowUpId,
    pub placement_id: WorkPlacementId,
    /// 3, 6 or 12: months after the start.
    pub month: i32,
    pub due_on: NaiveDate,
    pub recorded_at: Option<DateTime<Utc>>,
    pub recorded_by: Option<UserId>,
    pub still_employed: Option<bool>,
    pub same_employer: Option<bool>,
    pub current_contract: Option<CurrentContract>,
    pub notes: Option<String>,
}

/// What is recorded at a follow-up, as typed.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct FollowUpInput {
    pub still_employed: Option<bool>,
    /// Required when still employed.
    pub same_employer: Option<bool>,
    /// Required when still employed.
    pub current_contract: Option<CurrentContract>,
    pub notes: Option<String>,
}

/// A checked follow-up answer.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpAnswer {
    pub still_employed: bool,
    pub same_employer: Option<bool>,
    pub current_contract: Option<CurrentContract>,
    pub notes: Option<String>,
}

impl FollowUpAnswer {
    /// Checks the answer; out of work, the employer and contract are dropped.
    pub fn parse(input: &FollowUpInput) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        let notes = invalid.optional_text("notes", input.notes.as_deref(), LONG_TEXT);
        let still_employed = input.still_employed.unwrap_or_default();
        match input.still_employed {
            None => invalid.add("still_employed", "required"),
            Some(true) => {
                if input.same_employer.is_none() {
                    invalid.add("same_employer", "required");
                }
                if input.current_contract.is_none() {
                    invalid.add("current_contract", "required");
                }
            }
            Some(false) => {}
        }
        invalid.into_result(Self {
            still_employed,
            same_employer: input.same_employer.filter(|_| still_employed),
            current_contract: input.current_contract.filter(|_| still_employed),
            notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn internship() -> WorkPlacementInput {
        WorkPlacementInput {
            employer_id: Some(EmployerId::new()),
            kind: Some(PlacementKind::Internship),
            hours_per_week: Some(30),
            starts_on: Some(day(2026, 9, 1)),
            ends_on: Some(day(2027, 3, 1)),
            mentor: Some("  Maria Rossi ".into()),
            monthly_pay_cents: Some(60_000),
            ..WorkPlacementInput::default()
        }
    }

    fn codes(input: &WorkPlacementInput) -> Vec<(String, String)> {
        NewWorkPlacement::parse(input)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    fn one(field: &str, code: &str) -> Vec<(String, String)> {
        vec![(field.into(), code.into())]
    }

    #[test]
    fn an_internship_has_a_tutor_and_lasts_at_most_a_year() {
        let placement = NewWorkPlacement::parse(&internship()).unwrap();
        assert_eq!(placement.mentor.as_deref(), Some("Maria Rossi"));
        let a_year = WorkPlacementInput {
            ends_on: Some(day(2027, 9, 1)),
            ..internship()
        };
        assert!(NewWorkPlacement::parse(&a_year).is_ok());
        let longer = WorkPlacementInput {
            ends_on: Some(day(2027, 9, 2)),
            ..internship()
        };
        assert_eq!(codes(&longer), one("ends_on", "internship_too_long"));
        let open = WorkPlacementInput {
            ends_on: None,
            ..internship()
        };
        assert_eq!(codes(&open), one("ends_on", "end_required"));
        let alone = WorkPlacementInput {
            mentor: Some("  ".into()),
            ..internship()
        };
        assert_eq!(codes(&alone), one("mentor", "mentor_required"));
    }

    #[test]
    fn an_apprenticeship_lasts_at_least_six_months() {
        let apprenticeship = |ends_on| WorkPlacementInput {
            kind: Some(PlacementKind::Apprenticeship),
            ends_on,
            ..internship()
        };
        assert!(NewWorkPlacement::parse(&apprenticeship(None)).is_ok());
        assert!(NewWorkPlacement::parse(&apprenticeship(Some(day(2027, 3, 1)))).is_ok());
        assert_eq!(
            codes(&apprenticeship(Some(day(2027, 2, 28)))),
            one("ends_on", "apprenticeship_too_short")
        );
    }

    #[test]
    fn employment_needs_its_contract_and_its_end_when_fixed() {
        let job = |contract_type, ends_on| WorkPlacementInput {
            kind: Some(PlacementKind::Employment),
            contract_type,
            ends_on,
            mentor: None,
            ..internship()
        };
        assert!(NewWorkPlacement::parse(&job(Some(EmploymentContract::Permanent), None)).is_ok());
        assert!(
            NewWorkPlacement::parse(&job(Some(EmploymentContract::FixedTerm), Some(day(2028, 9, 1)))).is_ok()
        );
        assert_eq!(
            codes(&job(None, None)),
            one("contract_type", "contract_type_required")
        );
        assert_eq!(
            codes(&job(Some(EmploymentContract::Seasonal), None)),
            one("ends_on", "end_required")
        );
        assert_eq!(
            codes(&job(Some(EmploymentContract::Permanent), Some(day(2027, 1, 1)))),
            one("ends_on", "end_not_for_permanent")
        );
        let internship_with_contract = WorkPlacementInput {
            contract_type: Some(EmploymentContract::Permanent),
            ..internship()
        };
        assert_eq!(
            codes(&internship_with_contract),
            one("contract_type", "contract_type_not_for_kind")
        );
    }

    #[test]
    fn the_end_comes_after_the_start_and_the_rest_is_checked() {
        let backwards = WorkPlacementInput {
            ends_on: Some(day(2026, 9, 1)),
            ..internship()
        };
        assert_eq!(codes(&backwards), one("ends_on", "start_after_end"));
        let empty = WorkPlacementInput::default();
        let fields: Vec<String> = codes(&empty).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["employer_id", "hours_per_week", "starts_on", "kind"]);
        let odd = WorkPlacementInput {
            hours_per_week: Some(60),
            monthly_pay_cents: Some(-1),
            ..internship()
        };
        assert_eq!(
            codes(&odd),
            [
                ("hours_per_week".into(), "hours_out_of_range".into()),
                ("monthly_pay_cents".into(), "negative_amount".into())
            ]
        );
    }

    #[test]
    fn follow_ups_fall_at_3_6_and_12_months_on_the_last_day_when_short() {
        assert_eq!(
            follow_up_schedule(day(2026, 8, 31)),
            [
                (3, day(2026, 11, 30)),
                (6, day(2027, 2, 28)),
                (12, day(2027, 8, 31))
            ]
        );
        assert_eq!(
            follow_up_schedule(day(2027, 11, 30)),
            [
                (3, day(2028, 2, 29)),
                (6, day(2028, 5, 30)),
                (12, day(2028, 11, 30))
            ]
        );
    }

    #[test]
    fn a_follow_up_opens_two_weeks_before_it_falls() {
        let due = day(2026, 12, 1);
        assert!(!follow_up_open(due, day(2026, 11, 16)));
        assert!(follow_up_open(due, day(2026, 11, 17)));
        assert!(follow_up_open(due, day(2027, 3, 1)));
    }

    #[test]
    fn a_follow_up_in_work_says_with_whom_and_how() {
        let in_work = FollowUpInput {
            still_employed: Some(true),
            ..FollowUpInput::default()
        };
        let fields: Vec<String> = FollowUpAnswer::parse(&in_work)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["same_employer", "current_contract"]);
        let out = FollowUpInput {
            still_employed: Some(false),
            same_employer: Some(true),
            ..FollowUpInput::default()
        };
        let answer = FollowUpAnswer::parse(&out).unwrap();
        assert_eq!(answer.same_employer, None);
        assert!(FollowUpAnswer::parse(&FollowUpInput::default()).is_err());
    }

    #[test]
    fn an_end_falls_between_the_start_and_today() {
        let start = day(2026, 9, 1);
        let today = day(2026, 11, 23);
        let end = |ended_on, reason| PlacementEndInput {
            ended_on: Some(ended_on),
            reason: Some(reason),
            note: None,
        };
        assert!(PlacementEnd::parse(&end(today, EndReason::Resigned), start, today).is_ok());
        let codes = |input: &PlacementEndInput| -> Vec<String> {
            PlacementEnd::parse(input, start, today)
                .unwrap_err()
                .errors
                .into_iter()
                .map(|e| e.code)
                .collect()
        };
        assert_eq!(
            codes(&end(day(2026, 8, 31), EndReason::Dismissed)),
            ["end_before_start"]
        );
        assert_eq!(
            codes(&end(day(2026, 11, 24), EndReason::Completed)),
            ["ended_in_the_future"]
        );
        assert_eq!(codes(&end(today, EndReason::Other)), ["end_note_required"]);
    }

    #[test]
    fn status_follows_the_dates_and_the_early_end() {
        let today = day(2026, 11, 23);
        let parsed = NewWorkPlacement::parse(&internship()).unwrap();
        let mut placement = WorkPlacement {
            id: WorkPlacementId::new(),
            region: RegionCode::Abr,
            person_id: PersonId::new(),
            case_id: CaseId::new(),
            employer_id: parsed.employer_id,
            offer_id: None,
            proposal_id: None,
            kind: parsed.kind,
            contract_type: None,
            hours_per_week: 30,
            starts_on: parsed.starts_on,
            ends_on: parsed.ends_on,
            mentor: parsed.mentor,
            monthly_pay_cents: None,
            notes: None,
            ended_on: None,
            end_reason: None,
            end_note: None,
            recorded_by: UserId::new(),
            created_at: Utc::now(),
            updated_at: Utc::now(),
        };
        assert_eq!(placement.status(today), PlacementStatus::Active);
        assert_eq!(placement.status(day(2026, 8, 1)), PlacementStatus::Planned);
        assert_eq!(placement.status(day(2027, 3, 2)), PlacementStatus::Ended);
        placement.ended_on = Some(today);
        assert_eq!(placement.status(today), PlacementStatus::Ended);
    }
}
