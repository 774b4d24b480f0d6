//! Job offers, the work profile of a person, and how the two are matched.
//!
//! An offer belongs to an employer and is kept by the staff of its region
//! or by the employer's own login. A case manager proposes a person to an
//! offer only with the person's consent to share their name and profile
//! with that employer; the employer answers. Recruiting days gather
//! employers and invited candidates on one date.

pub mod matching;
pub mod profile;

use chrono::{DateTime, NaiveDate, Utc};

use crate::case::CaseId;
use crate::inclusion::employer::EmployerId;
use crate::person::PersonId;
use crate::region::RegionCode;
use crate::user::UserId;
use crate::validation::{Invalid, LONG_TEXT, SHORT_TEXT};

pub use profile::{
    CommuteRange, DrivingLicence, ItalianLevel, NewWorkProfile, WorkProfile, WorkProfileInput,
};

crate::id_type!(JobOfferId);
crate::id_type!(ProposalId);
crate::id_type!(RecruitingDayId);

crate::text_enum! {
    /// The contract an offer proposes.
    ContractType {
        Internship,
        Apprenticeship,
        FixedTerm,
        Permanent,
        Seasonal,
    }
}

crate::text_enum! {
    /// Where an offer stands: only open offers are matched.
    OfferStatus {
        Open,
        Filled,
        Closed,
    }
}

crate::text_enum! {
    /// Where a proposal of a candidate to an offer stands.
    ProposalStatus {
        Proposed,
        Interview,
        Accepted,
        Rejected,
        Withdrawn,
    }
}

impl ProposalStatus {
    /// Whether the proposal is still waiting for an outcome.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Proposed | Self::Interview)
    }

    /// The answers an employer (or staff) may record: withdrawing is the
    /// case manager's.
    pub fn is_answer(self) -> bool {
        matches!(self, Self::Interview | Self::Accepted | Self::Rejected)
    }
}

crate::text_enum! {
    /// What came of a candidate invited to a recruiting day.
    RecruitingOutcome {
        Invited,
        Attended,
        NoShow,
        InterviewFixed,
        Proposed,
        Hired,
    }
}

/// Whether a code is an ISCO-08 unit group as written: four digits. The
/// catalogue says whether it exists.
pub fn is_unit_group_code(code: &str) -> bool {
    code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a code is written as an ISTAT comune code: six digits.
pub fn is_comune_code(code: &str) -> bool {
    code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit())
}

/// The catalogues an input is checked against, given by the caller so the
/// domain stays pure.
pub trait Catalogues {
    fn is_occupation(&self, code: &str) -> bool;
    fn is_comune(&self, code: &str) -> bool;
    fn is_course_sector(&self, code: &str) -> bool;
}

/// A job offer as stored.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct JobOffer {
    pub id: JobOfferId,
    pub employer_id: EmployerId,
    /// The employer's legal name, when read with it.
    pub employer_name: Option<String>,
    pub region: RegionCode,
    pub title: String,
    /// ISCO-08 unit group (4 digits).
    pub occupation: String,
    pub skills: Vec<String>,
    /// ISTAT code of the comune where the work is.
    pub comune: String,
    pub hours_per_week: i32,
    pub contract_type: ContractType,
    pub positions: i32,
    pub italian_level: Option<ItalianLevel>,
    pub driving_licence: Option<DrivingLicence>,
    /// A lab sector (courses.sector) whose completion the employer asks.
    pub lab_sector: Option<String>,
    pub starts_on: NaiveDate,
    pub description: Option<String>,
    pub status: OfferStatus,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What is typed about an offer, before it is checked.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct JobOfferInput {
    pub employer_id: Option<EmployerId>,
    pub title: Option<String>,
    pub occupation: Option<String>,
    #[serde(default)]
    pub skills: Vec<String>,
    pub comune: Option<String>,
    pub hours_per_week: Option<i32>,
    pub contract_type: Option<ContractType>,
    pub positions: Option<i32>,
    pub italian_level: Option<ItalianLevel>,
    pub driving_licence: Option<DrivingLicence>,
    pub lab_sector: Option<String>,
    /// YYYY-MM-DD.
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    pub starts_on: Option<NaiveDate>,
    pub description: Option<String>,
    /// Open when not given.
    pub status: Option<OfferStatus>,
}

/// A checked offer.
#[derive(Debug, Clone, PartialEq)]
pub struct NewJobOffer {
    pub employer_id: EmployerId,
    pub title: String,
    pub occupation: String,
    pub skills: Vec<String>,
    pub comune: String,
    pub hours_per_week: i32,
    pub contract_type: ContractType,
    pub positions: i32,
    pub italian_level: Option<ItalianLevel>,
    pub driving_licence: Option<DrivingLicence>,
    pub lab_sector: Option<String>,
    pub starts_on: NaiveDate,
    pub description: Option<String>,
    pub status: OfferStatus,
}

/// A week of work cannot exceed 48 hours (d.lgs. 66/2003).
pub const MAX_HOURS_PER_WEEK: i32 = 48;
const MAX_POSITIONS: i32 = 500;

impl NewJobOffer {
    pub fn parse(input: &JobOfferInput, catalogues: &impl Catalogues) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        if input.employer_id.is_none() {
            invalid.add("employer_id", "required");
        }
        let title = invalid.text("title", input.title.as_deref().unwrap_or(""), SHORT_TEXT);
        let occupation = input.occupation.as_deref().map(str::trim).unwrap_or("");
        if occupation.is_empty() {
            invalid.add("occupation", "required");
        } else if !is_unit_group_code(occupation) || !catalogues.is_occupation(occupation) {
            invalid.add("occupation", "unknown_occupation");
        }
        let skills = profile::parse_skills(&mut invalid, &input.skills);
        let comune = input.comune.as_deref().map(str::trim).unwrap_or("");
        if comune.is_empty() {
            invalid.add("comune", "required");
        } else if !is_comune_code(comune) || !catalogues.is_comune(comune) {
            invalid.add("comune", "unknown_comune");
        }
        match input.hours_per_week {
            None => invalid.add("hours_per_week", "required"),
            Some(hours) if !(1..=MAX_HOURS_PER_WEEK).contains(&hours) => {
                invalid.add("hours_per_week", "hours_out_of_range")
            }
            Some(_) => {}
        }
        if input.contract_type.is_none() {
            invalid.add("contract_type", "required");
        }
        let positions = input.positions.unwrap_or(1);
        if !(1..=MAX_POSITIONS).contains(&positions) {
            invalid.add("positions", "positions_out_of_range");
        }
        let lab_sector = input
            .lab_sector
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        if lab_sector.is_some_and(|sector| !catalogues.is_course_sector(sector)) {
            invalid.add("lab_sector", "unknown_sector");
        }
        if input.starts_on.is_none() {
            invalid.add("starts_on", "required");
        }
        let description = invalid.optional_text("description", input.description.as_deref(), LONG_TEXT);
        invalid.into_result(Self {
            employer_id: input.employer_id.unwrap_or_default(),
            title,
            occupation: occupation.to_owned(),
            skills,
            comune: comune.to_owned(),
            hours_per_week: input.hours_per_week.unwrap_or_default(),
            contract_type: input.contract_type.unwrap_or(ContractType::FixedTerm),
            positions,
            italian_level: input.italian_level,
            driving_licence: input.driving_licence,
            lab_sector: lab_sector.map(str::to_owned),
            starts_on: input.starts_on.unwrap_or_default(),
            description,
            status: input.status.unwrap_or(OfferStatus::Open),
        })
    }
}

/// A candidate proposed to an offer.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Proposal {
    pub id: ProposalId,
    pub offer_id: JobOfferId,
    pub person_id: PersonId,
    pub case_id: CaseId,
    /// The person agreed to share their name and profile with the employer.
    pub consent: bool,
    pub status: ProposalStatus,
    pub note: Option<String>,
    pub proposed_by: UserId,
    pub proposed_at: DateTime<Utc>,
    pub answered_by: Option<UserId>,
    pub answered_at: Option<DateTime<Utc>>,
}

/// A proposal as the case manager sends it.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct ProposalInput {
    pub case_id: Option<CaseId>,
    /// Must be `true`: the person agreed to share their name and profile
    /// with this employer.
    #[serde(default)]
    pub consent: bool,
    pub note: Option<String>,
}

/// An answer to a proposal (interview, accepted, rejected) or its withdrawal.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct ProposalAnswer {
    pub status: Option<ProposalStatus>,
    pub note: Option<String>,
}

/// Checks a proposal: a case and the person's consent.
pub fn parse_proposal(input: &ProposalInput) -> Result<(CaseId, Option<String>), Invalid> {
    let mut invalid = Invalid::new();
    if input.case_id.is_none() {
        invalid.add("case_id", "required");
    }
    if !input.consent {
        invalid.add("consent", "consent_required");
    }
    let note = invalid.optional_text("note", input.note.as_deref(), LONG_TEXT);
    invalid.into_result((input.case_id.unwrap_or_default(), note))
}

/// Which step may follow which: an open proposal moves on; a closed one stays.
pub fn may_move(from: ProposalStatus, to: ProposalStatus) -> bool {
    use ProposalStatus::*;
    matches!(
        (from, to),
        (Proposed, Interview | Accepted | Rejected | Withdrawn)
            | (Interview, Accepted | Rejected | Withdrawn)
    )
}

/// A recruiting day (seed 004, phase 4): employers meet invited candidates.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct RecruitingDay {
    pub id: RecruitingDayId,
    pub region: RegionCode,
    pub title: String,
    pub held_on: NaiveDate,
    pub place: String,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct RecruitingDayInput {
    pub title: Option<String>,
    /// YYYY-MM-DD.
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    pub held_on: Option<NaiveDate>,
    pub place: Option<String>,
}

/// A checked recruiting day: title, date, place.
pub fn parse_recruiting_day(input: &RecruitingDayInput) -> Result<(String, NaiveDate, String), Invalid> {
    let mut invalid = Invalid::new();
    let title = invalid.text("title", input.title.as_deref().unwrap_or(""), SHORT_TEXT);
    if input.held_on.is_none() {
        invalid.add("held_on", "required");
    }
    let place = invalid.text("place", input.place.as_deref().unwrap_or(""), SHORT_TEXT);
    invalid.into_result((title, input.held_on.unwrap_or_default(), place))
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) struct Known;

    impl Catalogues for Known {
        fn is_occupation(&self, code: &str) -> bool {
            ["9333", "8344", "7411"].contains(&code)
        }
        fn is_comune(&self, code: &str) -> bool {
            ["059011", "058091"].contains(&code)
        }
        fn is_course_sector(&self, code: &str) -> bool {
            code == "warehouse_logistics"
        }
    }

    fn offer() -> JobOfferInput {
        JobOfferInput {
            employer_id: Some(EmployerId::new()),
            title: Some(" Magazziniere ".into()),
            occupation: Some("9333".into()),
            skills: vec!["Muletto".into()],
            comune: Some("059011".into()),
            hours_per_week: Some(40),
            contract_type: Some(ContractType::FixedTerm),
            starts_on: NaiveDate::from_ymd_opt(2027, 1, 10),
            lab_sector: Some("warehouse_logistics".into()),
            ..JobOfferInput::default()
        }
    }

    fn codes(input: &JobOfferInput) -> Vec<(String, String)> {
        NewJobOffer::parse(input, &Known)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn an_offer_is_checked_against_the_catalogues() {
        let parsed = NewJobOffer::parse(&offer(), &Known).unwrap();
        assert_eq!(parsed.title, "Magazziniere");
        assert_eq!(parsed.skills, ["muletto"]);
        assert_eq!(parsed.positions, 1);
        assert_eq!(parsed.status, OfferStatus::Open);
        let wrong = JobOfferInput {
            occupation: Some("93".into()),
            comune: Some("999999".into()),
            hours_per_week: Some(60),
            lab_sector: Some("juggling".into()),
            ..offer()
        };
        assert_eq!(
            codes(&wrong),
            [
                ("occupation".into(), "unknown_occupation".into()),
                ("comune".into(), "unknown_comune".into()),
                ("hours_per_week".into(), "hours_out_of_range".into()),
                ("lab_sector".into(), "unknown_sector".into()),
            ]
        );
    }

    #[test]
    fn a_proposal_needs_consent() {
        let input = ProposalInput {
            case_id: Some(CaseId::new()),
            consent: false,
            note: None,
        };
        let invalid = parse_proposal(&input).unwrap_err();
        assert_eq!(invalid.errors[0].code, "consent_required");
        assert!(
            parse_proposal(&ProposalInput {
                consent: true,
                ..input
            })
            .is_ok()
        );
    }

    #[test]
    fn a_closed_proposal_stays_closed() {
        use ProposalStatus::*;
        assert!(may_move(Proposed, Interview));
        assert!(may_move(Interview, Accepted));
        assert!(!may_move(Accepted, Rejected));
        assert!(!may_move(Withdrawn, Interview));
        assert!(!may_move(Proposed, Proposed));
    }
}
