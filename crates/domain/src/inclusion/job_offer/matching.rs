//! How well a person fits an offer, criterion by criterion. Pure: the caller
//! gathers the person's profile, documents and courses and the places'
//! provinces and regions. Every criterion the offer asks gives a verdict
//! and a detail, so the case manager sees why and decides; two of them are
//! hard requirements that make a candidate not eligible when missing: a
//! permit that allows work, and the driving licence the offer needs.

use chrono::NaiveDate;

use super::JobOffer;
use super::profile::{CommuteRange, DrivingLicence, WorkProfile, normalise_tag};
use crate::document::{DocumentKind, PermitType};
use crate::esf::EU_MEMBER_STATES;

crate::text_enum! {
    /// What the matching looks at.
    Criterion {
        Occupation,
        Skills,
        ItalianLevel,
        Place,
        WorkPermit,
        DrivingLicence,
        LabSector,
        Empowerment,
        Availability,
    }
}

crate::text_enum! {
    /// How a candidate fares on one criterion.
    Verdict {
        Meets,
        Partly,
        Missing,
        /// Nothing recorded to tell.
        Unknown,
    }
}

impl Verdict {
    /// Quarters of the criterion's weight the verdict earns.
    fn quarters(self) -> u32 {
        match self {
            Self::Meets => 4,
            Self::Partly => 2,
            Self::Unknown => 1,
            Self::Missing => 0,
        }
    }
}

impl Criterion {
    /// How much the criterion counts in the score.
    fn weight(self) -> u32 {
        match self {
            Self::Occupation | Self::WorkPermit => 3,
            Self::Skills | Self::ItalianLevel | Self::Place | Self::LabSector => 2,
            Self::DrivingLicence | Self::Empowerment | Self::Availability => 1,
        }
    }

    /// Whether missing it makes the candidate not eligible.
    fn is_requirement(self) -> bool {
        matches!(self, Self::WorkPermit | Self::DrivingLicence)
    }
}

/// One criterion's verdict and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Reason {
    pub criterion: Criterion,
    pub verdict: Verdict,
    /// A stable code saying why (`same_minor_group`, `expired`…), translated by the pages.
    pub detail: String,
    /// A value the detail refers to: "2/3" skills, a date, a level.
    pub value: Option<String>,
    /// This reason alone makes the candidate not eligible.
    pub blocks: bool,
}

/// The matching of one candidate and one offer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Assessment {
    pub eligible: bool,
    /// 0 to 100: the weighted share of the criteria met.
    pub score: u32,
    pub reasons: Vec<Reason>,
}

/// A comune with its province and region (ISTAT codes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub comune: String,
    pub province: String,
    pub region: String,
}

/// The stay document that counts for the person now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StayDocument {
    pub kind: DocumentKind,
    pub permit_type: Option<PermitType>,
    pub expires_on: Option<NaiveDate>,
}

/// A lab the person is enrolled in or completed (withdrawals left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseRecord {
    pub empowerment: bool,
    pub sector: Option<String>,
    pub completed: bool,
}

/// Everything the matching knows of a candidate.
#[derive(Debug, Clone, Default)]
pub struct Candidate<'a> {
    pub profile: Option<&'a WorkProfile>,
    /// The profile's domicile, placed.
    pub domicile: Option<Location>,
    /// ISO 3166-1 alpha-2.
    pub nationality: Option<&'a str>,
    pub stay_document: Option<StayDocument>,
    pub courses: &'a [CourseRecord],
}

/// Besides the citizens of the EU, those of the rest of the EEA and of
/// Switzerland work without a permit.
const EEA_AND_SWITZERLAND: [&str; 4] = ["IS", "LI", "NO", "CH"];

/// A study permit allows up to 20 hours of work a week (art. 14 c.4 d.P.R. 394/1999).
const STUDY_PERMIT_HOURS: i32 = 20;

/// Matches a candidate to an offer placed at `place`, on `today`.
pub fn assess(
    offer: &JobOffer,
    place: Option<&Location>,
    candidate: &Candidate,
    today: NaiveDate,
) -> Assessment {
    let profile = candidate.profile;
    let mut reasons = vec![occupation(offer, profile)];
    if !offer.skills.is_empty() {
        reasons.push(skills(offer, profile));
    }
    if let Some(needed) = offer.italian_level {
        reasons.push(match profile.and_then(|p| p.italian_level) {
            None => reason(Criterion::ItalianLevel, Verdict::Unknown, "not_recorded", None),
            Some(level) => {
                let gap = (needed as i32) - (level as i32);
                let verdict = match gap {
                    ..=0 => Verdict::Meets,
                    1 => Verdict::Partly,
                    _ => Verdict::Missing,
                };
                reason(
                    Criterion::ItalianLevel,
                    verdict,
                    "level",
                    Some(level.as_str().to_owned()),
                )
            }
        });
    }
    reasons.push(commute(place, candidate));
    reasons.push(work_permit(offer, candidate, today));
    if let Some(needed) = offer.driving_licence {
        reasons.push(match profile {
            None => reason(Criterion::DrivingLicence, Verdict::Unknown, "not_recorded", None),
            Some(p) if p.driving_licences.iter().any(|held| covers(*held, needed)) => reason(
                Criterion::DrivingLicence,
                Verdict::Meets,
                "held",
                Some(needed.as_str().to_owned()),
            ),
            Some(_) => reason(
                Criterion::DrivingLicence,
                Verdict::Missing,
                "not_held",
                Some(needed.as_str().to_owned()),
            ),
        });
    }
    if let Some(sector) = &offer.lab_sector {
        let of_sector = |c: &&CourseRecord| c.sector.as_deref() == Some(sector.as_str());
        reasons.push(course(Criterion::LabSector, candidate.courses, of_sector));
    }
    reasons.push(course(Criterion::Empowerment, candidate.courses, |c| {
        c.empowerment
    }));
    reasons.push(match profile {
        None => reason(Criterion::Availability, Verdict::Unknown, "not_recorded", None),
        Some(p) => match p.available_from {
            Some(from) if from > offer.starts_on => reason(
                Criterion::Availability,
                Verdict::Partly,
                "available_later",
                Some(from.to_string()),
            ),
            _ => reason(Criterion::Availability, Verdict::Meets, "available", None),
        },
    });
    let total: u32 = reasons.iter().map(|r| r.criterion.weight() * 4).sum();
    let earned: u32 = reasons
        .iter()
        .map(|r| r.criterion.weight() * r.verdict.quarters())
        .sum();
    Assessment {
        eligible: !reasons.iter().any(|r| r.blocks),
        score: (earned * 100).checked_div(total).unwrap_or(0),
        reasons,
    }
}

fn reason(criterion: Criterion, verdict: Verdict, detail: &str, value: Option<String>) -> Reason {
    Reason {
        criterion,
        verdict,
        detail: detail.to_owned(),
        value,
        blocks: criterion.is_requirement() && verdict == Verdict::Missing,
    }
}

/// Same ISCO-08 unit group meets; same minor group (first three digits) partly.
fn occupation(offer: &JobOffer, profile: Option<&WorkProfile>) -> Reason {
    let sought = profile.map(|p| p.occupations.as_slice()).unwrap_or_default();
    let minor = |code: &str| code.get(..3).map(str::to_owned);
    if sought.is_empty() {
        reason(Criterion::Occupation, Verdict::Unknown, "not_recorded", None)
    } else if sought.contains(&offer.occupation) {
        reason(
            Criterion::Occupation,
            Verdict::Meets,
            "same_unit_group",
            Some(offer.occupation.clone()),
        )
    } else if let Some(close) = sought.iter().find(|code| minor(code) == minor(&offer.occupation)) {
        reason(
            Criterion::Occupation,
            Verdict::Partly,
            "same_minor_group",
            Some(close.clone()),
        )
    } else {
        reason(Criterion::Occupation, Verdict::Missing, "other_occupation", None)
    }
}

fn skills(offer: &JobOffer, profile: Option<&WorkProfile>) -> Reason {
    let Some(profile) = profile else {
        return reason(Criterion::Skills, Verdict::Unknown, "not_recorded", None);
    };
    let held: Vec<String> = profile.skills.iter().map(|s| normalise_tag(s)).collect();
    let shared = offer
        .skills
        .iter()
        .filter(|s| held.contains(&normalise_tag(s)))
        .count();
    let verdict = match shared {
        0 => Verdict::Missing,
        n if n == offer.skills.len() => Verdict::Meets,
        _ => Verdict::Partly,
    };
    reason(
        Criterion::Skills,
        verdict,
        "shared",
        Some(format!("{shared}/{}", offer.skills.len())),
    )
}

/// How far the work is from the domicile against how far the person can go:
/// one step further than they said is partly.
fn commute(place: Option<&Location>, candidate: &Candidate) -> Reason {
    let (Some(place), Some(home)) = (place, candidate.domicile.as_ref()) else {
        return reason(Criterion::Place, Verdict::Unknown, "not_recorded", None);
    };
    let (distance, detail) = if place.comune == home.comune {
        (0, "same_comune")
    } else if place.province == home.province {
        (1, "same_province")
    } else if place.region == home.region {
        (2, "same_region")
    } else {
        (3, "other_region")
    };
    let reach = match candidate.profile.and_then(|p| p.commute) {
        Some(CommuteRange::SameComune) | None => 0,
        Some(CommuteRange::Province) => 1,
        Some(CommuteRange::Region) => 2,
    };
    let verdict = match distance - reach {
        ..=0 => Verdict::Meets,
        1 => Verdict::Partly,
        _ => Verdict::Missing,
    };
    reason(Criterion::Place, verdict, detail, None)
}

/// Whether the person may work from the offer's start: citizens of the EU
/// need no permit; a permit must allow work and not be expired; a receipt
/// of a renewal stands for the permit; no stay document is unknown.
fn work_permit(offer: &JobOffer, candidate: &Candidate, today: NaiveDate) -> Reason {
    let permit = |verdict, detail: &str, value| reason(Criterion::WorkPermit, verdict, detail, value);
    if candidate
        .nationality
        .is_some_and(|n| EU_MEMBER_STATES.contains(&n) || EEA_AND_SWITZERLAND.contains(&n))
    {
        return permit(Verdict::Meets, "free_movement", None);
    }
    let Some(document) = &candidate.stay_document else {
        return permit(Verdict::Unknown, "no_stay_document", None);
    };
    let expiry = document.expires_on.map(|d| d.to_string());
    if document.expires_on.is_some_and(|expiry| expiry < today) {
        return permit(Verdict::Missing, "expired", expiry);
    }
    if document.kind == DocumentKind::PermitReceipt {
        return permit(Verdict::Meets, "renewal_receipt", expiry);
    }
    let allows = match document.permit_type {
        Some(PermitType::Study) if offer.hours_per_week > STUDY_PERMIT_HOURS => {
            return permit(
                Verdict::Missing,
                "study_permit_hours",
                Some(STUDY_PERMIT_HOURS.to_string()),
            );
        }
        Some(PermitType::Minor | PermitType::Other) | None => {
            return permit(Verdict::Unknown, "check_permit_type", None);
        }
        Some(_) => true,
    };
    match document.expires_on {
        Some(expiry) if allows && expiry < offer.starts_on => {
            permit(Verdict::Partly, "expires_before_start", Some(expiry.to_string()))
        }
        _ => permit(Verdict::Meets, "allows_work", expiry),
    }
}

/// A completed lab meets; one under way is partly.
fn course(criterion: Criterion, courses: &[CourseRecord], wanted: impl Fn(&&CourseRecord) -> bool) -> Reason {
    let mut relevant = courses.iter().filter(wanted);
    let (completed, enrolled): (Vec<_>, Vec<_>) = relevant.by_ref().partition(|c| c.completed);
    if !completed.is_empty() {
        reason(criterion, Verdict::Meets, "completed", None)
    } else if !enrolled.is_empty() {
        reason(criterion, Verdict::Partly, "under_way", None)
    } else {
        reason(criterion, Verdict::Missing, "not_attended", None)
    }
}

/// Whether a licence held covers the one needed: higher categories are
/// granted on top of the lower ones (B before C and D, C before CE…).
pub fn covers(held: DrivingLicence, needed: DrivingLicence) -> bool {
    use DrivingLicence::*;
    let includes: &[DrivingLicence] = match held {
        Am => &[],
        A1 => &[Am],
        A2 => &[Am, A1],
        A => &[Am, A1, A2],
        B => &[Am],
        Be | C1 | D1 => &[Am, B],
        C => &[Am, B, C1],
        Ce => &[Am, B, Be, C1, C],
        D => &[Am, B, D1],
        De => &[Am, B, Be, D1, D],
    };
    held == needed || includes.contains(&needed)
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::inclusion::employer::EmployerId;
    use crate::inclusion::job_offer::{ContractType, OfferStatus, profile::ItalianLevel};
    use crate::{PersonId, RegionCode, UserId};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        day(2026, 11, 23)
    }

    fn offer() -> JobOffer {
        JobOffer {
            id: super::super::JobOfferId::new(),
            employer_id: EmployerId::new(),
            employer_name: None,
            region: RegionCode::Laz,
            title: "Magazziniere".into(),
            occupation: "9333".into(),
            skills: vec!["muletto".into(), "inventario".into()],
            comune: "059011".into(),
            hours_per_week: 40,
            contract_type: ContractType::FixedTerm,
            positions: 1,
            italian_level: Some(ItalianLevel::A2),
            driving_licence: None,
            lab_sector: Some("warehouse_logistics".into()),
            starts_on: day(2027, 1, 10),
            description: None,
            status: OfferStatus::Open,
            created_by: UserId::new(),
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    fn latina() -> Location {
        Location {
            comune: "059011".into(),
            province: "059".into(),
            region: "12".into(),
        }
    }

    fn profile() -> WorkProfile {
        WorkProfile {
            person_id: PersonId::new(),
            occupations: vec!["9333".into()],
            skills: vec!["muletto".into(), "inventario".into()],
            italian_level: Some(ItalianLevel::B1),
            other_languages: vec![],
            driving_licences: vec![DrivingLicence::B],
            domicile_comune: Some("059011".into()),
            commute: Some(CommuteRange::Province),
            available_from: None,
            hours_per_week: Some(40),
            updated_by: UserId::new(),
            updated_at: Utc::now(),
        }
    }

    fn permit(permit_type: PermitType, expires_on: NaiveDate) -> Option<StayDocument> {
        Some(StayDocument {
            kind: DocumentKind::ResidencePermit,
            permit_type: Some(permit_type),
            expires_on: Some(expires_on),
        })
    }

    fn verdict(assessment: &Assessment, criterion: Criterion) -> (Verdict, String) {
        let r = assessment
            .reasons
            .iter()
            .find(|r| r.criterion == criterion)
            .unwrap();
        (r.verdict, r.detail.clone())
    }

    const FORKLIFT: [CourseRecord; 1] = [CourseRecord {
        empowerment: false,
        sector: None,
        completed: true,
    }];

    fn completed(sector: &str) -> Vec<CourseRecord> {
        vec![
            CourseRecord {
                sector: Some(sector.into()),
                ..FORKLIFT[0].clone()
            },
            CourseRecord {
                empowerment: true,
                ..FORKLIFT[0].clone()
            },
        ]
    }

    #[test]
    fn a_candidate_who_fits_is_eligible_with_every_reason_met() {
        let profile = profile();
        let courses = completed("warehouse_logistics");
        let candidate = Candidate {
            profile: Some(&profile),
            domicile: Some(latina()),
            nationality: Some("NG"),
            stay_document: permit(PermitType::Art18terLabourExploitation, day(2027, 6, 1)),
            courses: &courses,
        };
        let assessment = assess(&offer(), Some(&latina()), &candidate, today());
        assert!(assessment.eligible);
        assert_eq!(assessment.score, 100);
        assert!(
            assessment.reasons.iter().all(|r| r.verdict == Verdict::Meets),
            "{assessment:?}"
        );
    }

    #[test]
    fn an_expired_permit_blocks_whatever_else_fits() {
        let profile = profile();
        let candidate = Candidate {
            profile: Some(&profile),
            domicile: Some(latina()),
            nationality: Some("NG"),
            stay_document: permit(PermitType::WorkEmployed, day(2026, 11, 1)),
            courses: &[],
        };
        let assessment = assess(&offer(), Some(&latina()), &candidate, today());
        assert!(!assessment.eligible);
        assert_eq!(
            verdict(&assessment, Criterion::WorkPermit),
            (Verdict::Missing, "expired".into())
        );
        assert_eq!(
            verdict(&assessment, Criterion::LabSector),
            (Verdict::Missing, "not_attended".into())
        );
    }

    #[test]
    fn a_close_candidate_is_partly_there() {
        let mut profile = profile();
        profile.occupations = vec!["9334".into()];
        profile.skills = vec!["Muletto".into()];
        profile.italian_level = Some(ItalianLevel::A1);
        profile.commute = Some(CommuteRange::SameComune);
        profile.available_from = Some(day(2027, 2, 1));
        let elsewhere = Location {
            comune: "059001".into(),
            ..latina()
        };
        let candidate = Candidate {
            profile: Some(&profile),
            domicile: Some(elsewhere),
            nationality: Some("IT"),
            stay_document: None,
            courses: &[],
        };
        let assessment = assess(&offer(), Some(&latina()), &candidate, today());
        assert!(assessment.eligible);
        for criterion in [
            Criterion::Occupation,
            Criterion::Skills,
            Criterion::ItalianLevel,
            Criterion::Place,
            Criterion::Availability,
        ] {
            assert_eq!(verdict(&assessment, criterion).0, Verdict::Partly, "{criterion}");
        }
        assert_eq!(
            verdict(&assessment, Criterion::WorkPermit),
            (Verdict::Meets, "free_movement".into())
        );
        assert!(
            assessment.score > 30 && assessment.score < 80,
            "{}",
            assessment.score
        );
    }

    #[test]
    fn permits_are_read_at_the_start_date() {
        let profile = profile();
        let assess_with = |stay_document, hours| {
            let candidate = Candidate {
                profile: Some(&profile),
                stay_document,
                ..Candidate::default()
            };
            let offer = JobOffer {
                hours_per_week: hours,
                ..offer()
            };
            verdict(&assess(&offer, None, &candidate, today()), Criterion::WorkPermit)
        };
        assert_eq!(
            assess_with(None, 40),
            (Verdict::Unknown, "no_stay_document".into())
        );
        let receipt = Some(StayDocument {
            kind: DocumentKind::PermitReceipt,
            permit_type: None,
            expires_on: None,
        });
        assert_eq!(
            assess_with(receipt, 40),
            (Verdict::Meets, "renewal_receipt".into())
        );
        let study = permit(PermitType::Study, day(2027, 9, 1));
        assert_eq!(assess_with(study.clone(), 40).0, Verdict::Missing);
        assert_eq!(assess_with(study, 20).0, Verdict::Meets);
        let short = permit(PermitType::SpecialProtection, day(2026, 12, 31));
        assert_eq!(
            assess_with(short, 40),
            (Verdict::Partly, "expires_before_start".into())
        );
    }

    #[test]
    fn a_missing_licence_blocks_and_higher_ones_cover_lower() {
        let mut profile = profile();
        let offer = JobOffer {
            driving_licence: Some(DrivingLicence::C),
            ..offer()
        };
        fn candidate(profile: &WorkProfile) -> Candidate<'_> {
            Candidate {
                profile: Some(profile),
                nationality: Some("IT"),
                ..Candidate::default()
            }
        }
        assert!(!assess(&offer, None, &candidate(&profile), today()).eligible);
        profile.driving_licences = vec![DrivingLicence::Ce];
        assert!(assess(&offer, None, &candidate(&profile), today()).eligible);
        assert!(covers(DrivingLicence::C, DrivingLicence::B));
        assert!(!covers(DrivingLicence::B, DrivingLicence::C));
    }
}
