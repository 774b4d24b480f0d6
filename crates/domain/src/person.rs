//! The person the network helps (beneficiario/a). Identifying fields here are
//! the most protected data in SOLEIL: only the app layer's policy decides who
//! reads them, and every read is audited.

use chrono::NaiveDate;

use crate::organisation::OrganisationId;
use crate::region::RegionCode;
use crate::user::UserId;
use crate::validation::{Invalid, SHORT_TEXT};

crate::id_type!(PersonId);

crate::text_enum! {
    Sex { Female, Male, Other }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Person {
    pub id: PersonId,
    pub region: RegionCode,
    /// True for a contact who gave no name: only a description is kept.
    pub anonymous: bool,
    pub given_name: Option<String>,
    pub surname: Option<String>,
    /// How operators recognise an anonymous contact ("man, about 30, Punjabi").
    pub alias: Option<String>,
    pub sex: Option<Sex>,
    pub date_of_birth: Option<NaiveDate>,
    /// ISO 3166-1 alpha-2 country code, as declared.
    pub nationality: Option<String>,
    pub phone: Option<String>,
    pub recorded_by: UserId,
    pub recorded_by_organisation: OrganisationId,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl Person {
    /// The name operators see in lists: full name, or the anonymous alias.
    pub fn display_name(&self) -> String {
        let name = [self.given_name.as_deref(), self.surname.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        if name.is_empty() {
            self.alias.clone().unwrap_or_default()
        } else {
            name
        }
    }
}

/// What an operator types about a person, before it is checked.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct PersonInput {
    #[serde(default)]
    pub anonymous: bool,
    pub given_name: Option<String>,
    pub surname: Option<String>,
    pub alias: Option<String>,
    pub sex: Option<Sex>,
    /// YYYY-MM-DD; empty when not known.
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    pub date_of_birth: Option<NaiveDate>,
    pub nationality: Option<String>,
    pub phone: Option<String>,
}

/// A checked person record, ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPerson {
    pub anonymous: bool,
    pub given_name: Option<String>,
    pub surname: Option<String>,
    pub alias: Option<String>,
    pub sex: Option<Sex>,
    pub date_of_birth: Option<NaiveDate>,
    pub nationality: Option<String>,
    pub phone: Option<String>,
}

impl NewPerson {
    /// Checks the input against today's date: a person is named, or anonymous
    /// with a description and no identifying fields at all.
    pub fn parse(input: &PersonInput, today: NaiveDate) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        let given_name = invalid.optional_text("given_name", input.given_name.as_deref(), SHORT_TEXT);
        let surname = invalid.optional_text("surname", input.surname.as_deref(), SHORT_TEXT);
        let alias = invalid.optional_text("alias", input.alias.as_deref(), SHORT_TEXT);
        let phone = invalid.optional_text("phone", input.phone.as_deref(), 40);
        if let Some(phone) = &phone {
            let plausible = phone.chars().all(|c| c.is_ascii_digit() || " +-()./".contains(c))
                && phone.chars().filter(char::is_ascii_digit).count() >= 6;
            if !plausible {
                invalid.add("phone", "invalid_phone");
            }
        }
        let nationality = input
            .nationality
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_uppercase);
        if let Some(code) = &nationality
            && (code.len() != 2 || !code.chars().all(|c| c.is_ascii_uppercase()))
        {
            invalid.add("nationality", "invalid_country");
        }
        if let Some(born) = input.date_of_birth {
            let too_old = today.years_since(born).is_some_and(|age| age > 110);
            if born > today || too_old {
                invalid.add("date_of_birth", "implausible_date");
            }
        }
        if input.anonymous {
            if given_name.is_some() || surname.is_some() || phone.is_some() || input.date_of_birth.is_some() {
                invalid.add("anonymous", "anonymous_with_identity");
            }
            if alias.is_none() {
                invalid.add("alias", "required");
            }
        } else if given_name.is_none() && surname.is_none() {
            invalid.add("surname", "name_required");
        }
        invalid.into_result(Self {
            anonymous: input.anonymous,
            given_name,
            surname,
            alias,
            sex: input.sex,
            date_of_birth: input.date_of_birth,
            nationality,
            phone,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default()
    }

    #[test]
    fn a_named_person_needs_a_name() {
        let err = NewPerson::parse(&PersonInput::default(), today()).unwrap_err();
        assert_eq!(err.errors[0].field, "surname");
    }

    #[test]
    fn an_anonymous_contact_keeps_no_identity() {
        let input = PersonInput {
            anonymous: true,
            given_name: Some("Amir".into()),
            ..PersonInput::default()
        };
        let codes: Vec<_> = NewPerson::parse(&input, today())
            .unwrap_err()
            .errors
            .into_iter()
            .map(|e| e.code)
            .collect();
        assert_eq!(codes, ["anonymous_with_identity", "required"]);
    }

    #[test]
    fn input_is_trimmed_and_normalised() {
        let input = PersonInput {
            given_name: Some("  Gurpreet ".into()),
            surname: Some("Singh".into()),
            nationality: Some("in".into()),
            ..PersonInput::default()
        };
        let person = NewPerson::parse(&input, today()).unwrap();
        assert_eq!(person.given_name.as_deref(), Some("Gurpreet"));
        assert_eq!(person.nationality.as_deref(), Some("IN"));
    }

    #[test]
    fn a_birth_date_in_the_future_is_refused() {
        let input = PersonInput {
            surname: Some("Diallo".into()),
            date_of_birth: NaiveDate::from_ymd_opt(2030, 1, 1),
            ..PersonInput::default()
        };
        assert_eq!(
            NewPerson::parse(&input, today()).unwrap_err().errors[0].code,
            "implausible_date"
        );
    }
}
