//! The work profile of a person in inclusion: what work they seek, what they
//! know, where they can get to and from when. Kept from the case by its
//! case manager or the regional secretariat; the matching reads it.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Catalogues, MAX_HOURS_PER_WEEK, is_comune_code, is_unit_group_code};
use crate::person::PersonId;
use crate::user::UserId;
use crate::validation::Invalid;

crate::text_enum! {
    /// Knowledge of Italian on the CEFR scale, from below A1 up: the order
    /// of the variants is the order of the levels.
    ItalianLevel {
        PreA1,
        A1,
        A2,
        B1,
        B2,
        C1,
        C2,
    }
}

crate::text_enum! {
    /// Italian driving licence categories (d.lgs. 59/2011).
    DrivingLicence {
        Am,
        A1,
        A2,
        A,
        B,
        Be,
        C1,
        C,
        Ce,
        D1,
        D,
        De,
    }
}

crate::text_enum! {
    /// How far a person can travel to work from their domicile.
    CommuteRange {
        SameComune,
        Province,
        Region,
    }
}

/// A work profile as stored.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct WorkProfile {
    pub person_id: PersonId,
    /// ISCO-08 unit groups sought.
    pub occupations: Vec<String>,
    /// Short tags, lowercase.
    pub skills: Vec<String>,
    pub italian_level: Option<ItalianLevel>,
    /// ISO 639-1 codes, lowercase.
    pub other_languages: Vec<String>,
    pub driving_licences: Vec<DrivingLicence>,
    /// ISTAT code of the comune of domicile.
    pub domicile_comune: Option<String>,
    pub commute: Option<CommuteRange>,
    pub available_from: Option<NaiveDate>,
    pub hours_per_week: Option<i32>,
    pub updated_by: UserId,
    pub updated_at: DateTime<Utc>,
}

/// What is typed about a work profile; the whole profile each time.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct WorkProfileInput {
    #[serde(default)]
    pub occupations: Vec<String>,
    #[serde(default)]
    pub skills: Vec<String>,
    pub italian_level: Option<ItalianLevel>,
    #[serde(default)]
    pub other_languages: Vec<String>,
    #[serde(default)]
    pub driving_licences: Vec<DrivingLicence>,
    pub domicile_comune: Option<String>,
    pub commute: Option<CommuteRange>,
    /// YYYY-MM-DD.
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    pub available_from: Option<NaiveDate>,
    pub hours_per_week: Option<i32>,
}

/// A checked work profile.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewWorkProfile {
    pub occupations: Vec<String>,
    pub skills: Vec<String>,
    pub italian_level: Option<ItalianLevel>,
    pub other_languages: Vec<String>,
    pub driving_licences: Vec<DrivingLicence>,
    pub domicile_comune: Option<String>,
    pub commute: Option<CommuteRange>,
    pub available_from: Option<NaiveDate>,
    pub hours_per_week: Option<i32>,
}

/// A tag is a word or two, not a sentence.
const SKILL_CHARS: usize = 40;
const MAX_TAGS: usize = 20;

impl NewWorkProfile {
    pub fn parse(input: &WorkProfileInput, catalogues: &impl Catalogues) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        let mut occupations = Vec::new();
        for code in input
            .occupations
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
        {
            if !is_unit_group_code(code) || !catalogues.is_occupation(code) {
                invalid.add_detail("occupations", "unknown_occupation", code);
            } else if !occupations.iter().any(|known| known == code) {
                occupations.push(code.to_owned());
            }
        }
        if occupations.len() > MAX_TAGS {
            invalid.add("occupations", "too_many");
        }
        let skills = parse_skills(&mut invalid, &input.skills);
        let mut other_languages = Vec::new();
        for code in input
            .other_languages
            .iter()
            .map(|c| c.trim().to_lowercase())
            .filter(|c| !c.is_empty())
        {
            if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_lowercase()) {
                invalid.add_detail("other_languages", "invalid_language", &code);
            } else if !other_languages.contains(&code) {
                other_languages.push(code);
            }
        }
        let mut driving_licences = input.driving_licences.clone();
        driving_licences.sort();
        driving_licences.dedup();
        let domicile_comune = input
            .domicile_comune
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        if domicile_comune.is_some_and(|code| !is_comune_code(code) || !catalogues.is_comune(code)) {
            invalid.add("domicile_comune", "unknown_comune");
        }
        if input
            .hours_per_week
            .is_some_and(|hours| !(1..=MAX_HOURS_PER_WEEK).contains(&hours))
        {
            invalid.add("hours_per_week", "hours_out_of_range");
        }
        invalid.into_result(Self {
            occupations,
            skills,
            italian_level: input.italian_level,
            other_languages,
            driving_licences,
            domicile_comune: domicile_comune.map(str::to_owned),
            commute: input.commute,
            available_from: input.available_from,
            hours_per_week: input.hours_per_week,
        })
    }
}

/// Skills as tags: trimmed, lowercase, without repeats; letters, digits,
/// spaces and dashes.
pub(super) fn parse_skills(invalid: &mut Invalid, skills: &[String]) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in skills.iter().map(|s| normalise_tag(s)).filter(|s| !s.is_empty()) {
        let plain = tag.chars().all(|c| c.is_alphanumeric() || " -'".contains(c));
        if !plain || tag.chars().count() > SKILL_CHARS {
            invalid.add_detail("skills", "invalid_skill", &tag);
        } else if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if tags.len() > MAX_TAGS {
        invalid.add("skills", "too_many");
    }
    tags
}

/// A tag as compared: lowercase, single spaces.
pub fn normalise_tag(tag: &str) -> String {
    tag.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::super::tests::Known;
    use super::*;

    #[test]
    fn a_profile_is_normalised() {
        let input = WorkProfileInput {
            occupations: vec!["9333".into(), " 9333".into(), "".into()],
            skills: vec!["  Carrello   Elevatore ".into(), "carrello elevatore".into()],
            other_languages: vec!["EN".into()],
            driving_licences: vec![DrivingLicence::B, DrivingLicence::Am, DrivingLicence::B],
            domicile_comune: Some("059011".into()),
            ..WorkProfileInput::default()
        };
        let profile = NewWorkProfile::parse(&input, &Known).unwrap();
        assert_eq!(profile.occupations, ["9333"]);
        assert_eq!(profile.skills, ["carrello elevatore"]);
        assert_eq!(profile.other_languages, ["en"]);
        assert_eq!(profile.driving_licences, [DrivingLicence::Am, DrivingLicence::B]);
    }

    #[test]
    fn a_profile_refuses_unknown_codes() {
        let input = WorkProfileInput {
            occupations: vec!["1".into()],
            skills: vec!["<script>".into()],
            other_languages: vec!["english".into()],
            domicile_comune: Some("123".into()),
            hours_per_week: Some(0),
            ..WorkProfileInput::default()
        };
        let codes: Vec<_> = NewWorkProfile::parse(&input, &Known)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect();
        assert_eq!(
            codes,
            [
                ("occupations".into(), "unknown_occupation".into()),
                ("skills".into(), "invalid_skill".into()),
                ("other_languages".into(), "invalid_language".into()),
                ("domicile_comune".into(), "unknown_comune".into()),
                ("hours_per_week".into(), "hours_out_of_range".into()),
            ]
        );
    }

    #[test]
    fn levels_are_ordered() {
        assert!(ItalianLevel::PreA1 < ItalianLevel::A1);
        assert!(ItalianLevel::B1 < ItalianLevel::C2);
        assert_eq!(ItalianLevel::PreA1.as_str(), "pre_a1");
    }
}
