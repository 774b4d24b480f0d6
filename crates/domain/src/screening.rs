//! The screening (scheda indicatori + scheda di prima profilazione): what a
//! front-line operator learns at first contact and sends to the secretariat.
//!
//! The first-profiling facts are fixed fields. Indicator answers travel in
//! [`IndicatorSheet`], keyed by catalogue id, so versioned instruments can be
//! added as data without changing this type.

use std::collections::BTreeMap;

use crate::case::CaseId;
use crate::instrument::Evaluation;
use crate::organisation::OrganisationId;
use crate::person::PersonId;
use crate::region::RegionCode;
use crate::user::UserId;
use crate::validation::{Invalid, LONG_TEXT, SHORT_TEXT};

crate::id_type!(ScreeningId);

/// Room for what an operator notes beside one answer.
const ANSWER_NOTE: usize = 500;

crate::text_enum! {
    /// How the operator met the person.
    ContactChannel {
        Desk,
        MobileUnit,
        Union,
        ReceptionCentre,
        LabourInspection,
        HealthService,
        Helpline,
        TerritorialCommission,
        ReferralFromService,
        SelfReferral,
        Other,
    }
}

crate::text_enum! {
    /// The sector the person works in, as they describe it.
    WorkSector {
        Agriculture,
        Construction,
        Logistics,
        DomesticWork,
        CareWork,
        Manufacturing,
        Hospitality,
        Retail,
        Other,
        Unknown,
    }
}

crate::text_enum! {
    /// Legal status as declared by the person; the secretariat checks it.
    DeclaredLegalStatus {
        ItalianOrEuCitizen,
        ResidencePermit,
        PermitExpired,
        AsylumSeeker,
        InternationalProtection,
        NoPermit,
        Unknown,
    }
}

crate::text_enum! {
    ScreeningStatus { Draft, Sent }
}

crate::text_enum! {
    /// Order of the secretariat's queue: urgent first.
    Priority { Urgent, High, Normal }
}

impl Priority {
    /// A number that sorts urgent first in any database.
    pub fn rank(self) -> i32 {
        match self {
            Self::Urgent => 0,
            Self::High => 1,
            Self::Normal => 2,
        }
    }

    /// The more urgent of two priorities.
    pub fn most_urgent(self, other: Self) -> Self {
        if other.rank() < self.rank() { other } else { self }
    }
}

crate::text_enum! {
    /// An answer to one indicator question. Unknown is never counted as yes.
    Answer { Yes, No, Unknown }
}

/// Answers to a versioned indicator instrument, keyed by indicator id.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct IndicatorSheet {
    pub instrument_id: Option<String>,
    pub instrument_version: Option<String>,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// What the operator noted about an answer, keyed by indicator id.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
}

/// The urgent needs of the first profile; any of them puts the person first.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
pub struct UrgentNeeds {
    #[serde(default)]
    pub danger: bool,
    #[serde(default)]
    pub health: bool,
    #[serde(default)]
    pub no_shelter: bool,
    #[serde(default)]
    pub minors: bool,
}

impl UrgentNeeds {
    pub fn any(self) -> bool {
        self.danger || self.health || self.no_shelter || self.minors
    }

    /// Danger and minors cannot wait; health and shelter come next.
    pub fn priority(self) -> Priority {
        if self.danger || self.minors {
            Priority::Urgent
        } else if self.health || self.no_shelter {
            Priority::High
        } else {
            Priority::Normal
        }
    }
}

/// The first-profiling facts, as the operator enters them.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct FirstProfileInput {
    /// Required; optional here only so that its absence is reported with
    /// the other field errors.
    #[schema(required = true, nullable = false)]
    pub contact_channel: Option<ContactChannel>,
    /// Where the person works: comune, province or a description of the place.
    pub work_place: Option<String>,
    pub sector: Option<WorkSector>,
    pub legal_status: Option<DeclaredLegalStatus>,
    #[serde(default)]
    pub urgent: UrgentNeeds,
    /// Languages the person speaks, as ISO 639-1 codes (`pa`, `ar`, `bn`…).
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub consent_to_referral: bool,
    pub notes: Option<String>,
    #[serde(default)]
    pub indicators: IndicatorSheet,
}

/// Checked first-profiling facts.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct FirstProfile {
    pub contact_channel: ContactChannel,
    pub work_place: Option<String>,
    pub sector: WorkSector,
    pub legal_status: DeclaredLegalStatus,
    pub urgent: UrgentNeeds,
    pub languages: Vec<String>,
    pub consent_to_referral: bool,
    pub notes: Option<String>,
    pub indicators: IndicatorSheet,
}

impl FirstProfile {
    pub fn parse(input: &FirstProfileInput) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        let work_place = invalid.optional_text("work_place", input.work_place.as_deref(), SHORT_TEXT);
        let notes = invalid.optional_text("notes", input.notes.as_deref(), LONG_TEXT);
        let mut languages = Vec::new();
        for language in &input.languages {
            let code = language.trim().to_lowercase();
            if code.is_empty() {
                continue;
            }
            if !(2..=3).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_lowercase()) {
                invalid.add("languages", "invalid_language");
            } else if !languages.contains(&code) {
                languages.push(code);
            }
        }
        let mut indicators = input.indicators.clone();
        indicators.notes = BTreeMap::new();
        for (id, note) in &input.indicators.notes {
            let field = format!("indicators.notes.{id}");
            if let Some(note) = invalid.optional_text(&field, Some(note), ANSWER_NOTE) {
                indicators.notes.insert(id.clone(), note);
            }
        }
        if input.contact_channel.is_none() {
            invalid.add("contact_channel", "required");
        }
        invalid.into_result(Self {
            contact_channel: input.contact_channel.unwrap_or(ContactChannel::Other),
            work_place,
            sector: input.sector.unwrap_or(WorkSector::Unknown),
            legal_status: input.legal_status.unwrap_or(DeclaredLegalStatus::Unknown),
            urgent: input.urgent,
            languages,
            consent_to_referral: input.consent_to_referral,
            notes,
            indicators,
        })
    }

    /// The triage priority: the more urgent of what the urgent needs and
    /// the indicator sheet's result ask for.
    pub fn priority(&self, result: Option<&Evaluation>) -> Priority {
        let needs = self.urgent.priority();
        result.map_or(needs, |result| needs.most_urgent(result.priority))
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Screening {
    pub id: ScreeningId,
    pub person_id: PersonId,
    pub region: RegionCode,
    pub organisation_id: OrganisationId,
    pub recorded_by: UserId,
    pub status: ScreeningStatus,
    pub priority: Priority,
    pub profile: FirstProfile,
    /// What the indicator answers show, by the instrument version they were
    /// given to; kept as computed, even after newer versions are published.
    pub result: Option<Evaluation>,
    /// The case opened when the screening was sent.
    pub case_id: Option<CaseId>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub sent_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danger_and_minors_are_urgent() {
        let danger = UrgentNeeds {
            danger: true,
            ..UrgentNeeds::default()
        };
        let minors = UrgentNeeds {
            minors: true,
            ..UrgentNeeds::default()
        };
        let shelter = UrgentNeeds {
            no_shelter: true,
            ..UrgentNeeds::default()
        };
        assert_eq!(danger.priority(), Priority::Urgent);
        assert_eq!(minors.priority(), Priority::Urgent);
        assert_eq!(shelter.priority(), Priority::High);
        assert_eq!(UrgentNeeds::default().priority(), Priority::Normal);
        assert!(Priority::Urgent.rank() < Priority::Normal.rank());
    }

    #[test]
    fn languages_are_normalised_and_deduplicated() {
        let input = FirstProfileInput {
            contact_channel: Some(ContactChannel::MobileUnit),
            languages: vec!["PA".into(), " pa".into(), "".into(), "it".into()],
            ..FirstProfileInput::default()
        };
        assert_eq!(FirstProfile::parse(&input).unwrap().languages, ["pa", "it"]);
    }

    #[test]
    fn how_the_person_was_met_is_required() {
        let err = FirstProfile::parse(&FirstProfileInput::default()).unwrap_err();
        assert_eq!(err.errors[0].field, "contact_channel");
    }
}
