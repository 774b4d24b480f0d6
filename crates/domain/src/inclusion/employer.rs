//! Employers: VAT number, ATECO sector, sites, contact, and their needs survey.
//!
//! The catalogues an employer is checked against (ATECO, the comuni,
//! ISCO-08) live in `soleil-reference`, which this crate does not depend
//! on: the caller hands them in through [`Catalogues`], so every field
//! error of a form is still found in one pass.

pub mod needs;
pub mod survey;
pub mod vat;

use chrono::{DateTime, Utc};

use crate::region::RegionCode;
use crate::user::UserId;
use crate::validation::{Invalid, LONG_TEXT, SHORT_TEXT};

pub use vat::{VatError, VatNumber};

crate::id_type!(EmployerId);
crate::id_type!(EmployerSurveyId);
crate::id_type!(EmployerSiteId);

crate::text_enum! {
    /// Size by number of employees, as the EU counts SMEs (Recommendation
    /// 2003/361/EC): fewer than 10, 50, 250, or more.
    SizeBand { Micro, Small, Medium, Large }
}

/// What the reference catalogues say about a code typed in a form.
pub trait Catalogues {
    /// The ATECO 2025 code as ISTAT writes it, if the text names an activity
    /// finer than a section.
    fn activity(&self, code: &str) -> Option<&'static str>;
    /// The ISTAT code of the province of a comune, if the comune exists.
    fn province_of(&self, comune: &str) -> Option<&'static str>;
    /// Whether the code is an ISCO-08 unit group (four digits).
    fn is_unit_group(&self, code: &str) -> bool;
}

/// An employer as stored.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Employer {
    pub id: EmployerId,
    pub region: RegionCode,
    pub legal_name: String,
    /// Eleven digits, without prefix.
    pub vat_number: String,
    /// The company's codice fiscale, when it differs from its VAT number.
    pub tax_code: Option<String>,
    /// ATECO 2025, e.g. `01.13.11`.
    pub ateco_code: String,
    /// ISTAT code of the comune of the registered site.
    pub comune: String,
    pub province_code: String,
    pub address: Option<String>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub size_band: Option<SizeBand>,
    pub notes: Option<String>,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A further site of an employer (a warehouse, a field, a shop).
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct EmployerSite {
    pub id: EmployerSiteId,
    pub employer_id: EmployerId,
    pub comune: String,
    pub province_code: String,
    pub address: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// What an operator types about an employer, before it is checked.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct EmployerInput {
    /// The region that keeps the employer; only an administrator chooses it,
    /// everyone else records employers of their own region.
    pub region: Option<RegionCode>,
    pub legal_name: Option<String>,
    /// Partita IVA: eleven digits, an `IT` prefix and spaces allowed.
    pub vat_number: Option<String>,
    /// Codice fiscale of the company: eleven digits, or sixteen characters
    /// for a sole trader; blank when it is the VAT number.
    pub tax_code: Option<String>,
    /// ATECO 2025 code, with or without dots (`01.13.11` or `011311`).
    pub ateco_code: Option<String>,
    /// ISTAT code of the comune of the registered site (six digits).
    pub comune: Option<String>,
    pub address: Option<String>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub size_band: Option<SizeBand>,
    pub notes: Option<String>,
}

/// A checked employer, ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEmployer {
    pub legal_name: String,
    pub vat_number: VatNumber,
    pub tax_code: Option<String>,
    pub ateco_code: String,
    pub comune: String,
    pub province_code: String,
    pub address: Option<String>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub size_band: Option<SizeBand>,
    pub notes: Option<String>,
}

impl NewEmployer {
    pub fn parse(input: &EmployerInput, catalogues: &impl Catalogues) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        let legal_name = invalid.text(
            "legal_name",
            input.legal_name.as_deref().unwrap_or(""),
            SHORT_TEXT,
        );
        let vat_number = parse_vat(&mut invalid, input.vat_number.as_deref());
        let tax_code = parse_tax_code(&mut invalid, input.tax_code.as_deref(), vat_number.as_ref());
        let ateco_code = match input
            .ateco_code
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            None => {
                invalid.add("ateco_code", "required");
                ""
            }
            Some(code) => catalogues.activity(code).unwrap_or_else(|| {
                invalid.add("ateco_code", "unknown_ateco_code");
                ""
            }),
        };
        let (comune, province_code) =
            parse_comune(&mut invalid, "comune", input.comune.as_deref(), catalogues);
        let address = invalid.optional_text("address", input.address.as_deref(), SHORT_TEXT);
        let contact_name = invalid.optional_text("contact_name", input.contact_name.as_deref(), SHORT_TEXT);
        let contact_email =
            invalid.optional_text("contact_email", input.contact_email.as_deref(), SHORT_TEXT);
        if contact_email.as_deref().is_some_and(|e| !looks_like_email(e)) {
            invalid.add("contact_email", "invalid_email");
        }
        let contact_phone = invalid.optional_text("contact_phone", input.contact_phone.as_deref(), 40);
        if contact_phone.as_deref().is_some_and(|p| !looks_like_phone(p)) {
            invalid.add("contact_phone", "invalid_phone");
        }
        let notes = invalid.optional_text("notes", input.notes.as_deref(), LONG_TEXT);
        match (invalid.is_empty(), vat_number) {
            (true, Some(vat_number)) => Ok(Self {
                legal_name,
                vat_number,
                tax_code,
                ateco_code: ateco_code.to_owned(),
                comune,
                province_code,
                address,
                contact_name,
                contact_email,
                contact_phone,
                size_band: input.size_band,
                notes,
            }),
            _ => Err(invalid),
        }
    }
}

/// What an operator types about a further site.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct SiteInput {
    /// ISTAT code of the comune (six digits).
    pub comune: Option<String>,
    pub address: Option<String>,
}

/// A checked site: comune, its province, address.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSite {
    pub comune: String,
    pub province_code: String,
    pub address: Option<String>,
}

impl NewSite {
    pub fn parse(input: &SiteInput, catalogues: &impl Catalogues) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        let (comune, province_code) =
            parse_comune(&mut invalid, "comune", input.comune.as_deref(), catalogues);
        let address = invalid.optional_text("address", input.address.as_deref(), SHORT_TEXT);
        invalid.into_result(Self {
            comune,
            province_code,
            address,
        })
    }
}

fn parse_vat(invalid: &mut Invalid, text: Option<&str>) -> Option<VatNumber> {
    let text = text.map(str::trim).filter(|t| !t.is_empty());
    let Some(text) = text else {
        invalid.add("vat_number", "required");
        return None;
    };
    VatNumber::parse(text)
        .map_err(|e| invalid.add("vat_number", e.code()))
        .ok()
}

/// A company's codice fiscale is its VAT number's kind of number (eleven
/// digits, same check) or, for a sole trader, the person's sixteen
/// characters. Equal to the VAT number, it is not kept twice.
fn parse_tax_code(invalid: &mut Invalid, text: Option<&str>, vat: Option<&VatNumber>) -> Option<String> {
    let compact: String = text?
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    if compact.is_empty() {
        return None;
    }
    let checked = if compact.len() == 16 {
        crate::codice_fiscale::CodiceFiscale::parse(&compact)
            .map(|cf| cf.as_str().to_owned())
            .map_err(|_| ())
    } else {
        VatNumber::parse(&compact)
            .map(|v| v.as_str().to_owned())
            .map_err(|_| ())
    };
    match checked {
        Ok(code) if vat.is_some_and(|v| v.as_str() == code) => None,
        Ok(code) => Some(code),
        Err(()) => {
            invalid.add("tax_code", "invalid_company_tax_code");
            None
        }
    }
}

fn parse_comune(
    invalid: &mut Invalid,
    field: &str,
    text: Option<&str>,
    catalogues: &impl Catalogues,
) -> (String, String) {
    let code = text.map(str::trim).unwrap_or("");
    if code.is_empty() {
        invalid.add(field, "required");
        return (String::new(), String::new());
    }
    match catalogues.province_of(code) {
        Some(province) => (code.to_owned(), province.to_owned()),
        None => {
            invalid.add(field, "unknown_comune");
            (String::new(), String::new())
        }
    }
}

/// Enough to catch a name typed in the e-mail field; the address is never
/// written to by SOLEIL, so no stricter check is worth its false refusals.
fn looks_like_email(email: &str) -> bool {
    email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && domain.contains('.') && !email.contains(char::is_whitespace)
    })
}

/// Digits, with a leading `+` and the separators people type.
fn looks_like_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&digits)
        && phone
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || " -./()".contains(c) || (c == '+' && i == 0))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A stand-in for the reference catalogues with a handful of codes.
    pub(crate) struct Few;

    impl Catalogues for Few {
        fn activity(&self, code: &str) -> Option<&'static str> {
            ["01.13.11", "41.00.00", "56.10.11"]
                .into_iter()
                .find(|c| *c == code || c.replace('.', "") == code)
        }
        fn province_of(&self, comune: &str) -> Option<&'static str> {
            match comune {
                "058091" => Some("058"),
                "059011" => Some("059"),
                _ => None,
            }
        }
        fn is_unit_group(&self, code: &str) -> bool {
            ["9211", "7112", "5120"].contains(&code)
        }
    }

    pub(crate) fn input() -> EmployerInput {
        EmployerInput {
            legal_name: Some(" Agricola Pontina S.r.l. ".into()),
            vat_number: Some("IT 00905811006".into()),
            ateco_code: Some("011311".into()),
            comune: Some("059011".into()),
            contact_email: Some("hr@agricola.example".into()),
            contact_phone: Some("+39 0773 123456".into()),
            ..EmployerInput::default()
        }
    }

    fn codes(result: Result<NewEmployer, Invalid>) -> Vec<(String, String)> {
        result
            .err()
            .map(|i| i.errors.into_iter().map(|e| (e.field, e.code)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_complete_employer_is_checked_and_normalised() {
        let employer = NewEmployer::parse(&input(), &Few).expect("valid");
        assert_eq!(employer.legal_name, "Agricola Pontina S.r.l.");
        assert_eq!(employer.vat_number.as_str(), "00905811006");
        assert_eq!(employer.ateco_code, "01.13.11");
        assert_eq!(employer.province_code, "059");
        assert_eq!(employer.tax_code, None);
    }

    #[test]
    fn every_missing_or_unknown_field_is_reported_at_once() {
        let empty = EmployerInput::default();
        let errors = codes(NewEmployer::parse(&empty, &Few));
        for field in ["legal_name", "vat_number", "ateco_code", "comune"] {
            assert!(
                errors.contains(&(field.into(), "required".into())),
                "{field}: {errors:?}"
            );
        }
        let unknown = EmployerInput {
            ateco_code: Some("99.99".into()),
            comune: Some("000000".into()),
            contact_email: Some("not an address".into()),
            contact_phone: Some("call me".into()),
            ..input()
        };
        assert_eq!(
            codes(NewEmployer::parse(&unknown, &Few)),
            [
                ("ateco_code".into(), "unknown_ateco_code".into()),
                ("comune".into(), "unknown_comune".into()),
                ("contact_email".into(), "invalid_email".into()),
                ("contact_phone".into(), "invalid_phone".into()),
            ]
        );
    }

    #[test]
    fn each_vat_error_has_its_code() {
        for (vat, code) in [
            ("0090581100", "vat_number_length"),
            ("00905811007", "vat_number_check_digit"),
            ("12345678903", "vat_number_office"),
        ] {
            let input = EmployerInput {
                vat_number: Some(vat.into()),
                ..input()
            };
            assert_eq!(
                codes(NewEmployer::parse(&input, &Few)),
                [("vat_number".into(), code.into())]
            );
        }
    }

    #[test]
    fn the_company_tax_code_is_a_number_or_a_sole_traders_code() {
        let with = |tax_code: &str| EmployerInput {
            tax_code: Some(tax_code.into()),
            ..input()
        };
        assert_eq!(
            NewEmployer::parse(&with("00488410010"), &Few).map(|e| e.tax_code),
            Ok(Some("00488410010".into()))
        );
        assert_eq!(
            NewEmployer::parse(&with("00905811006"), &Few).map(|e| e.tax_code),
            Ok(None)
        );
        assert_eq!(
            NewEmployer::parse(&with("rssmra85t10a562s"), &Few).map(|e| e.tax_code),
            Ok(Some("RSSMRA85T10A562S".into()))
        );
        assert_eq!(
            codes(NewEmployer::parse(&with("12345"), &Few)),
            [("tax_code".into(), "invalid_company_tax_code".into())]
        );
    }
}
