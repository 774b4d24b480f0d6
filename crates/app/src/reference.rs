//! Reference data shipped with SOLEIL (the comuni of Italy, the foreign
//! states) and the codice fiscale worked out from it: the same for everyone
//! and about no one, so there is nothing to scope or audit. The web layer
//! reads the lists from `soleil-reference` once the caller may.
//!
//! Computing or checking a codice fiscale reads no record and stores
//! nothing: what the caller sends is all there is.

use chrono::NaiveDate;
use soleil_domain::codice_fiscale::{CodiceFiscale, Holder};
use soleil_domain::validation::SHORT_TEXT;
use soleil_domain::{Invalid, Person, Sex, User};
use soleil_reference::{Comune, ForeignState};

use crate::{App, AppResult, Operation, authorize};

impl App {
    /// Refuses callers who may not read the reference data.
    pub fn authorize_reference_data(&self, actor: &User) -> AppResult<()> {
        authorize(actor, Operation::ReadReferenceData)
    }

    /// The codice fiscale of a person, as the Agenzia delle Entrate would
    /// compute it (without omocodia, which only it can know of). Every field
    /// that is missing or cannot be used is a field error.
    pub fn compute_codice_fiscale(
        &self,
        actor: &User,
        input: &CodiceFiscaleInput,
    ) -> AppResult<ComputedCodiceFiscale> {
        self.authorize_reference_data(actor)?;
        Ok(compute(input)?)
    }

    /// Checks a codice fiscale and says what it holds.
    pub fn check_codice_fiscale(&self, actor: &User, code: &str) -> AppResult<CodiceFiscaleCheck> {
        self.authorize_reference_data(actor)?;
        Ok(check(code, crate::clock::now().date_naive()))
    }
}

/// What a codice fiscale is computed from, as typed.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CodiceFiscaleInput {
    pub surname: Option<String>,
    pub given_name: Option<String>,
    /// `female` or `male`: the codice fiscale knows no other.
    pub sex: Option<String>,
    /// YYYY-MM-DD.
    pub date_of_birth: Option<String>,
    /// An Italian comune ("Roma", "Castro (LE)"), a foreign state in Italian
    /// ("Marocco"), its ISO code ("MA") or a Belfiore code ("Z330").
    pub place_of_birth: Option<String>,
}

/// A codice fiscale computed, with the place it was computed for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ComputedCodiceFiscale {
    pub codice_fiscale: String,
    pub place_of_birth: BirthPlace,
}

/// A place of birth as the codice fiscale writes it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct BirthPlace {
    /// The Belfiore code: a comune's cadastral code or `Z` and three digits.
    pub belfiore_code: String,
    /// "San Giuliano Terme (PI)" or "Marocco".
    pub name: String,
    pub abroad: bool,
}

impl BirthPlace {
    fn of_comune(comune: &Comune) -> Self {
        Self {
            belfiore_code: comune.cadastral_code.to_owned(),
            name: format!("{} ({})", comune.name, comune.province_abbreviation),
            abroad: false,
        }
    }

    fn of_state(state: &ForeignState) -> Self {
        Self {
            belfiore_code: state.code.to_owned(),
            name: state.name.to_owned(),
            abroad: true,
        }
    }

    /// The place with this Belfiore code, if the reference data knows it
    /// (comuni that no longer exist are not in the list).
    pub fn of_code(code: &str) -> Option<Self> {
        soleil_reference::comune_by_cadastral_code(code)
            .map(Self::of_comune)
            .or_else(|| soleil_reference::foreign_state_by_code(code).map(Self::of_state))
    }
}

/// What a codice fiscale says, or why it is not one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct CodiceFiscaleCheck {
    /// The code as read: uppercase, without spaces.
    pub codice_fiscale: String,
    pub valid: bool,
    /// Empty when valid; otherwise the mistake, with a stable `code`
    /// (`invalid_codice_fiscale`, `codice_fiscale_check_character`) and a
    /// `detail` ("position 9: Z", "expected S").
    pub errors: Vec<soleil_domain::FieldError>,
    /// The rest is there only for a valid code.
    pub date_of_birth: Option<NaiveDate>,
    pub sex: Option<Sex>,
    pub place_of_birth: Option<BirthPlace>,
    /// How many digits the Agenzia replaced with letters because another
    /// person had the same code (0 for most).
    pub omocodia_level: Option<u8>,
    /// The same code without omocodia: two codes of one person have the same.
    pub canonical: Option<String>,
}

fn check(code: &str, today: NaiveDate) -> CodiceFiscaleCheck {
    let typed = soleil_domain::codice_fiscale::normalise(code);
    match CodiceFiscale::parse(&typed) {
        Ok(code) => {
            let decoded = code.decode(today);
            CodiceFiscaleCheck {
                codice_fiscale: typed,
                valid: true,
                errors: Vec::new(),
                date_of_birth: decoded.date_of_birth,
                sex: Some(decoded.sex),
                place_of_birth: BirthPlace::of_code(&decoded.belfiore_code),
                omocodia_level: Some(decoded.omocodia_level),
                canonical: Some(code.canonical().to_string()),
            }
        }
        Err(error) => {
            let mut invalid = Invalid::new();
            invalid.add_detail("codice_fiscale", error.code(), &error.detail());
            CodiceFiscaleCheck {
                codice_fiscale: typed,
                valid: false,
                errors: invalid.errors,
                date_of_birth: None,
                sex: None,
                place_of_birth: None,
                omocodia_level: None,
                canonical: None,
            }
        }
    }
}

fn compute(input: &CodiceFiscaleInput) -> Result<ComputedCodiceFiscale, Invalid> {
    let mut invalid = Invalid::new();
    let mut required = |field: &str, value: &Option<String>| {
        let value = value.as_deref().map(str::trim).filter(|v| !v.is_empty());
        match value {
            None => invalid.add(field, "required"),
            Some(text) if text.chars().count() > SHORT_TEXT => invalid.add(field, "too_long"),
            Some(_) => return value.map(str::to_owned),
        }
        None
    };
    let surname = required("surname", &input.surname);
    let given_name = required("given_name", &input.given_name);
    let sex = required("sex", &input.sex);
    let date = required("date_of_birth", &input.date_of_birth);
    let place = required("place_of_birth", &input.place_of_birth);

    let sex = sex.and_then(|sex| match sex.to_ascii_lowercase().as_str() {
        "female" | "f" => Some(Sex::Female),
        "male" | "m" => Some(Sex::Male),
        _ => {
            invalid.add("sex", "codice_fiscale_sex");
            None
        }
    });
    let date = date.and_then(|date| {
        let parsed = date.parse::<NaiveDate>().ok();
        if parsed.is_none() {
            invalid.add("date_of_birth", "invalid_date");
        }
        parsed
    });
    let place = place.and_then(|place| match birth_place(&place) {
        Ok(place) => Some(place),
        Err(PlaceError::Unknown) => {
            invalid.add("place_of_birth", "unknown_birth_place");
            None
        }
        Err(PlaceError::Ambiguous(names)) => {
            invalid.add_detail("place_of_birth", "ambiguous_birth_place", &names.join("; "));
            None
        }
    });
    let (Some(surname), Some(given_name), Some(sex), Some(date_of_birth), Some(place)) =
        (surname, given_name, sex, date, place)
    else {
        return Err(invalid);
    };
    let holder = Holder {
        surname: &surname,
        given_name: &given_name,
        sex,
        date_of_birth,
        belfiore_code: &place.belfiore_code,
    };
    match CodiceFiscale::compute(&holder) {
        Ok(code) => Ok(ComputedCodiceFiscale {
            codice_fiscale: code.to_string(),
            place_of_birth: place,
        }),
        Err(error) => Err(Invalid::single(error.field(), "codice_fiscale_not_computable")),
    }
}

/// Why a place of birth cannot be written as a Belfiore code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceError {
    /// No comune nor foreign state is called so.
    Unknown,
    /// Several are: their names, to choose from ("Castro (BG)", "Castro (LE)").
    Ambiguous(Vec<String>),
}

/// The place of birth a person declared, as the codice fiscale writes it:
/// a Belfiore code (`H501`, `Z330`), an Italian comune ("Forlì"; "Castro
/// (LE)" where two share a name), a foreign state by its Italian name
/// ("Marocco") or by its ISO code ("MA").
pub fn birth_place(text: &str) -> Result<BirthPlace, PlaceError> {
    let text = text.trim();
    if let Some(place) = BirthPlace::of_code(text) {
        return Ok(place);
    }
    let (name, province) = split_province(text);
    let mut found: Vec<BirthPlace> = soleil_reference::comuni_by_name(name)
        .into_iter()
        .filter(|c| province.is_none_or(|p| c.province_abbreviation.eq_ignore_ascii_case(p)))
        .map(BirthPlace::of_comune)
        .collect();
    if province.is_none() {
        found.extend(
            soleil_reference::foreign_states_by_name(name)
                .into_iter()
                .map(BirthPlace::of_state),
        );
    }
    if found.is_empty() && text.len() == 2 {
        found.extend(soleil_reference::foreign_state_by_iso(text).map(BirthPlace::of_state));
    }
    match found.len() {
        0 => Err(PlaceError::Unknown),
        1 => Ok(found.remove(0)),
        _ => Err(PlaceError::Ambiguous(found.into_iter().map(|p| p.name).collect())),
    }
}

/// "Castro (LE)" → ("Castro", Some("LE")); any other text stays whole.
fn split_province(text: &str) -> (&str, Option<&str>) {
    let Some(open) = text.strip_suffix(')').and_then(|t| t.rfind('(')) else {
        return (text, None);
    };
    let abbreviation = text[open + 1..text.len() - 1].trim();
    if abbreviation.len() == 2 && abbreviation.bytes().all(|b| b.is_ascii_alphabetic()) {
        (text[..open].trim(), Some(abbreviation))
    } else {
        (text, None)
    }
}

/// The codice fiscale a person would have, to show beside a record that has
/// none: only when everything it needs is known and the place of birth is
/// found. A suggestion to check against the card, never stored.
pub fn suggested_codice_fiscale(person: &Person) -> Option<String> {
    if person.codice_fiscale.is_some() || person.anonymous {
        return None;
    }
    let place = birth_place(person.place_of_birth.as_deref()?).ok()?;
    let holder = Holder {
        surname: person.surname.as_deref()?,
        given_name: person.given_name.as_deref()?,
        sex: person.sex?,
        date_of_birth: person.date_of_birth?,
        belfiore_code: &place.belfiore_code,
    };
    CodiceFiscale::compute(&holder).ok().map(|code| code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(place: &str) -> CodiceFiscaleInput {
        CodiceFiscaleInput {
            surname: Some("Rossi".into()),
            given_name: Some("Mario".into()),
            sex: Some("male".into()),
            date_of_birth: Some("1985-12-10".into()),
            place_of_birth: Some(place.into()),
        }
    }

    fn codes(invalid: &Invalid) -> Vec<(&str, &str)> {
        invalid
            .errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect()
    }

    #[test]
    fn a_place_is_a_comune_a_state_or_a_code() {
        assert_eq!(birth_place("san giuliano terme").unwrap().belfiore_code, "A562");
        assert_eq!(birth_place("Forli").unwrap().name, "Forlì (FC)");
        assert_eq!(birth_place("Marocco").unwrap().belfiore_code, "Z330");
        assert!(birth_place("Marocco").unwrap().abroad);
        assert_eq!(birth_place("IN").unwrap().name, "India");
        assert_eq!(birth_place("z222").unwrap().name, "India");
        assert_eq!(birth_place("H501").unwrap().name, "Roma (RM)");
        assert_eq!(birth_place("Castro (LE)").unwrap().name, "Castro (LE)");
    }

    #[test]
    fn a_place_that_is_not_one_or_is_several_is_told() {
        assert_eq!(birth_place("Atlantide"), Err(PlaceError::Unknown));
        assert_eq!(
            birth_place("Castro"),
            Err(PlaceError::Ambiguous(vec![
                "Castro (BG)".into(),
                "Castro (LE)".into()
            ]))
        );
        assert_eq!(birth_place("Castro (RM)"), Err(PlaceError::Unknown));
    }

    #[test]
    fn the_agenzia_example_is_computed() {
        let computed = compute(&input("San Giuliano Terme")).unwrap();
        assert_eq!(computed.codice_fiscale, "RSSMRA85T10A562S");
        assert_eq!(computed.place_of_birth.name, "San Giuliano Terme (PI)");
    }

    #[test]
    fn every_missing_or_wrong_field_is_named() {
        let err = compute(&CodiceFiscaleInput::default()).unwrap_err();
        assert_eq!(
            codes(&err),
            [
                ("surname", "required"),
                ("given_name", "required"),
                ("sex", "required"),
                ("date_of_birth", "required"),
                ("place_of_birth", "required")
            ]
        );
        let mut wrong = input("Castro");
        wrong.sex = Some("other".into());
        wrong.date_of_birth = Some("10/12/1985".into());
        let err = compute(&wrong).unwrap_err();
        assert_eq!(
            codes(&err),
            [
                ("sex", "codice_fiscale_sex"),
                ("date_of_birth", "invalid_date"),
                ("place_of_birth", "ambiguous_birth_place")
            ]
        );
        assert_eq!(err.errors[2].detail.as_deref(), Some("Castro (BG); Castro (LE)"));
        let mut arabic = input("Marocco");
        arabic.surname = Some("محمد".into());
        assert_eq!(
            codes(&compute(&arabic).unwrap_err()),
            [("surname", "codice_fiscale_not_computable")]
        );
    }

    #[test]
    fn a_check_says_what_the_code_holds() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let good = check("rssmra85t10a562s", today);
        assert!(good.valid);
        assert_eq!(good.date_of_birth, NaiveDate::from_ymd_opt(1985, 12, 10));
        assert_eq!(good.sex, Some(Sex::Male));
        assert_eq!(
            good.place_of_birth.map(|p| p.name).as_deref(),
            Some("San Giuliano Terme (PI)")
        );
        let omocodic = check("RSSMRA85T10A56NH", today);
        assert_eq!(omocodic.omocodia_level, Some(1));
        assert_eq!(omocodic.canonical.as_deref(), Some("RSSMRA85T10A562S"));
        let bad = check("RSSMRA85T10A562T", today);
        assert!(!bad.valid);
        assert_eq!(bad.errors[0].code, "codice_fiscale_check_character");
        assert_eq!(bad.errors[0].detail.as_deref(), Some("expected S"));
    }
}
