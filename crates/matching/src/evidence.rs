//! The explanation of a comparison: for every field, what was found and how much it weighed.

use serde::{Deserialize, Serialize};

/// A field (or group of fields) that is compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Surname,
    GivenName,
    /// Whether given name and surname were found in the same places or swapped.
    NameOrder,
    DateOfBirth,
    Sex,
    Nationality,
    PlaceOfBirth,
    CodiceFiscale,
    Document,
    Phone,
    Address,
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::Surname,
        Field::GivenName,
        Field::NameOrder,
        Field::DateOfBirth,
        Field::Sex,
        Field::Nationality,
        Field::PlaceOfBirth,
        Field::CodiceFiscale,
        Field::Document,
        Field::Phone,
        Field::Address,
    ];

    /// The stable code, as in the JSON form.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Surname => "surname",
            Field::GivenName => "given_name",
            Field::NameOrder => "name_order",
            Field::DateOfBirth => "date_of_birth",
            Field::Sex => "sex",
            Field::Nationality => "nationality",
            Field::PlaceOfBirth => "place_of_birth",
            Field::CodiceFiscale => "codice_fiscale",
            Field::Document => "document",
            Field::Phone => "phone",
            Field::Address => "address",
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// What the comparison of one field found: a comparison level in Fellegi–Sunter terms.
/// Which outcomes a field can have is listed by [`Field::outcomes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The same value once normalised (for names: the same tokens in the same order).
    Exact,
    /// Names: every token agrees as a known variant or by its transliteration-aware phonetic key,
    /// or the same tokens in another order.
    Variant,
    /// Names, places, addresses: close spelling (Jaro–Winkler similarity at or above 0.88).
    Fuzzy,
    /// Names: the tokens of one side are all found in the other, which has more (extra middle name),
    /// or at least one token agrees. Address: only the locality or postcode agrees.
    Partial,
    /// Date of birth: one side is a placeholder (1 January, the first of a month, unknown parts)
    /// and the parts known on both sides agree.
    Placeholder,
    /// Date of birth: day and month written the other way round.
    SwappedDayMonth,
    /// One digit differs or two adjacent digits are transposed (dates, document numbers, phones,
    /// codice fiscale: one character).
    TypingSlip,
    /// Date of birth: same day and month, year one apart.
    YearClose,
    /// Name order: given name and surname were found swapped.
    Swapped,
    /// Both sides present and different.
    Disagree,
    /// At least one side missing: no evidence either way, weight 0.
    Missing,
}

impl Outcome {
    pub const ALL: [Outcome; 11] = [
        Outcome::Exact,
        Outcome::Variant,
        Outcome::Fuzzy,
        Outcome::Partial,
        Outcome::Placeholder,
        Outcome::SwappedDayMonth,
        Outcome::TypingSlip,
        Outcome::YearClose,
        Outcome::Swapped,
        Outcome::Disagree,
        Outcome::Missing,
    ];

    /// The stable code, as in the JSON form.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Exact => "exact",
            Outcome::Variant => "variant",
            Outcome::Fuzzy => "fuzzy",
            Outcome::Partial => "partial",
            Outcome::Placeholder => "placeholder",
            Outcome::SwappedDayMonth => "swapped_day_month",
            Outcome::TypingSlip => "typing_slip",
            Outcome::YearClose => "year_close",
            Outcome::Swapped => "swapped",
            Outcome::Disagree => "disagree",
            Outcome::Missing => "missing",
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// One field's part of an explanation. `weight` is in bits: log2(m/u) of the outcome, 0 when missing.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub field: Field,
    pub outcome: Outcome,
    pub weight: f64,
}

/// The result of comparing two records: the total weight of evidence (sum of the fields' weights, in bits),
/// the probability that they are the same person (the weight combined with the model's prior), and the
/// explanation, one [`Evidence`] per field in the order of [`Field::ALL`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub weight: f64,
    pub probability: f64,
    pub evidence: Vec<Evidence>,
}

impl Comparison {
    /// The evidence about one field.
    pub fn evidence_for(&self, field: Field) -> Option<&Evidence> {
        self.evidence.iter().find(|evidence| evidence.field == field)
    }
}
