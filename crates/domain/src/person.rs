//! The person the network helps (beneficiario/a). Identifying fields here are
//! the most protected data in SOLEIL: only the app layer's policy decides who
//! reads them, and every read is audited.

use chrono::NaiveDate;

use crate::codice_fiscale::{CodiceFiscale, normalise};
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
    /// The codice fiscale as on the card: uppercase, without spaces.
    pub codice_fiscale: Option<String>,
    /// Where the person was born, as declared: an Italian comune or a country.
    pub place_of_birth: Option<String>,
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
    /// The 16 characters of the codice fiscale; spaces and case do not matter.
    pub codice_fiscale: Option<String>,
    /// An Italian comune or a foreign country, as declared.
    pub place_of_birth: Option<String>,
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
    pub codice_fiscale: Option<String>,
    pub place_of_birth: Option<String>,
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
        let place_of_birth =
            invalid.optional_text("place_of_birth", input.place_of_birth.as_deref(), SHORT_TEXT);
        let codice_fiscale = check_codice_fiscale(&mut invalid, input, today);
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
            let identified = given_name.is_some()
                || surname.is_some()
                || phone.is_some()
                || input.date_of_birth.is_some()
                || codice_fiscale.is_some()
                || place_of_birth.is_some();
            if identified {
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
            codice_fiscale,
            place_of_birth,
        })
    }
}

/// The codice fiscale as typed, normalised (uppercase, no spaces), when it
/// is one; a field error when it is not, or when it was made for another
/// date of birth or sex than those given.
fn check_codice_fiscale(invalid: &mut Invalid, input: &PersonInput, today: NaiveDate) -> Option<String> {
    let typed = normalise(input.codice_fiscale.as_deref()?);
    if typed.is_empty() {
        return None;
    }
    let code = match CodiceFiscale::parse(&typed) {
        Ok(code) => code,
        Err(error) => {
            invalid.add_detail("codice_fiscale", error.code(), &error.detail());
            return Some(typed);
        }
    };
    let decoded = code.decode(today);
    let mut disagree = Vec::new();
    if input
        .date_of_birth
        .is_some_and(|born| !decoded.agrees_with_date(born))
    {
        disagree.push("date_of_birth");
    }
    if input
        .sex
        .is_some_and(|sex| sex != Sex::Other && sex != decoded.sex)
    {
        disagree.push("sex");
    }
    if !disagree.is_empty() {
        invalid.add_detail("codice_fiscale", "codice_fiscale_mismatch", &disagree.join(", "));
    }
    Some(code.as_str().to_owned())
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

    fn mario(code: &str) -> PersonInput {
        PersonInput {
            given_name: Some("Mario".into()),
            surname: Some("Rossi".into()),
            codice_fiscale: Some(code.into()),
            ..PersonInput::default()
        }
    }

    fn errors(input: &PersonInput) -> Vec<(String, String, Option<String>)> {
        NewPerson::parse(input, today())
            .unwrap_err()
            .errors
            .into_iter()
            .map(|e| (e.field, e.code, e.detail))
            .collect()
    }

    #[test]
    fn a_codice_fiscale_is_kept_normalised() {
        let mut input = mario(" rssmra 85t10 a562s");
        input.date_of_birth = NaiveDate::from_ymd_opt(1985, 12, 10);
        input.sex = Some(Sex::Male);
        input.place_of_birth = Some(" San Giuliano  Terme ".into());
        let person = NewPerson::parse(&input, today()).unwrap();
        assert_eq!(person.codice_fiscale.as_deref(), Some("RSSMRA85T10A562S"));
        assert_eq!(person.place_of_birth.as_deref(), Some("San Giuliano  Terme"));
        assert_eq!(
            NewPerson::parse(&mario("  "), today()).unwrap().codice_fiscale,
            None
        );
    }

    #[test]
    fn an_omocodic_codice_fiscale_is_kept_as_typed() {
        let person = NewPerson::parse(&mario("RSSMRA85T10A56NH"), today()).unwrap();
        assert_eq!(person.codice_fiscale.as_deref(), Some("RSSMRA85T10A56NH"));
    }

    #[test]
    fn a_codice_fiscale_that_is_not_one_is_refused_with_what_is_wrong() {
        let field = |err: &str, detail: &str| {
            (
                "codice_fiscale".to_owned(),
                err.to_owned(),
                Some(detail.to_owned()),
            )
        };
        assert_eq!(
            errors(&mario("RSSMRA85T10A562")),
            [field("invalid_codice_fiscale", "length 15")]
        );
        assert_eq!(
            errors(&mario("RSSMRA85Z10A562S")),
            [field("invalid_codice_fiscale", "position 9: Z")]
        );
        assert_eq!(
            errors(&mario("RSSMRA85T10A562T")),
            [field("codice_fiscale_check_character", "expected S")]
        );
    }

    #[test]
    fn a_codice_fiscale_of_another_birth_or_sex_is_refused() {
        let mut input = mario("RSSMRA85T10A562S");
        input.date_of_birth = NaiveDate::from_ymd_opt(1985, 12, 11);
        input.sex = Some(Sex::Female);
        assert_eq!(
            errors(&input),
            [(
                "codice_fiscale".to_owned(),
                "codice_fiscale_mismatch".to_owned(),
                Some("date_of_birth, sex".to_owned())
            )]
        );
        input.date_of_birth = NaiveDate::from_ymd_opt(1985, 12, 10);
        assert_eq!(errors(&input)[0].2.as_deref(), Some("sex"));
        // "Other" is not in the code: it disagrees with nothing.
        input.sex = Some(Sex::Other);
        assert!(NewPerson::parse(&input, today()).is_ok());
    }

    #[test]
    fn an_anonymous_contact_has_no_codice_fiscale_nor_place_of_birth() {
        let input = PersonInput {
            anonymous: true,
            alias: Some("uomo, circa 30 anni".into()),
            place_of_birth: Some("Marocco".into()),
            ..PersonInput::default()
        };
        assert_eq!(errors(&input)[0].1, "anonymous_with_identity");
    }
}
