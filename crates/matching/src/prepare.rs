//! A record normalised once for comparing and blocking.

use crate::countries;
use crate::normalise::{self, plain};
use crate::phonetic;
use crate::record::{BirthDate, Record, Sex};

/// One name token with its transliterated spelling and phonetic key (see [`crate::phonetic`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NameToken {
    pub text: Box<str>,
    pub transliterated: Box<str>,
    pub key: Box<str>,
}

impl NameToken {
    pub(crate) fn new(text: String) -> NameToken {
        let transliterated = phonetic::transliterated(&text);
        let key = phonetic::key(&text);
        NameToken {
            text: text.into(),
            transliterated: transliterated.into(),
            key: key.into(),
        }
    }
}

/// A normalised record: name tokens and their phonetic keys, date parts, normalised identifiers.
/// Build it once per record; comparing two prepared records is then cheap.
#[derive(Clone, Debug, Default)]
pub struct Prepared {
    pub(crate) surname: Vec<NameToken>,
    pub(crate) given: Vec<NameToken>,
    /// The surname's tokens joined without spaces (`De Luca` and `Deluca` agree).
    pub(crate) surname_joined: Box<str>,
    pub(crate) given_joined: Box<str>,
    /// Hashes of [`part_key`] of the surname and given names (0 when empty), for name frequencies.
    pub(crate) surname_hash: u64,
    pub(crate) given_hash: u64,
    pub(crate) date_of_birth: Option<BirthDate>,
    pub(crate) sex: Option<Sex>,
    /// ISO alpha-2 code, or the plain text of an unknown name.
    pub(crate) nationality: Option<Box<str>>,
    pub(crate) place_of_birth: Option<Box<str>>,
    pub(crate) codice_fiscale: Option<Box<str>>,
    pub(crate) documents: Vec<Box<str>>,
    pub(crate) phone: Option<Box<str>>,
    pub(crate) address: Option<Box<str>>,
    pub(crate) locality: Option<Box<str>>,
    pub(crate) postcode: Option<Box<str>>,
}

impl Prepared {
    pub fn new(record: &Record) -> Prepared {
        let tokens = |text: &str| -> Vec<NameToken> {
            normalise::name_tokens(text)
                .into_iter()
                .map(NameToken::new)
                .collect()
        };
        let surname = tokens(&record.surname);
        let given = tokens(&record.given_name);
        let joined = |tokens: &[NameToken]| -> Box<str> {
            tokens.iter().map(|token| &*token.text).collect::<String>().into()
        };
        let text = |value: &Option<String>| -> Option<Box<str>> {
            value
                .as_deref()
                .map(plain)
                .filter(|plain| !plain.is_empty())
                .map(Into::into)
        };
        let identifier = |value: &str| -> Option<Box<str>> {
            let identifier = normalise::identifier(value);
            (identifier.len() >= 3).then(|| identifier.into())
        };
        let mut documents: Vec<Box<str>> = record
            .document_numbers
            .iter()
            .filter_map(|number| identifier(number))
            .collect();
        documents.sort();
        documents.dedup();
        Prepared {
            surname_hash: part_hash(&surname),
            given_hash: part_hash(&given),
            surname_joined: joined(&surname),
            given_joined: joined(&given),
            surname,
            given,
            date_of_birth: record
                .date_of_birth
                .filter(|date| date.year.is_some() || date.month.is_some()),
            sex: record.sex,
            nationality: record
                .nationality
                .as_deref()
                .and_then(countries::nationality)
                .map(Into::into),
            place_of_birth: text(&record.place_of_birth),
            codice_fiscale: record
                .codice_fiscale
                .as_deref()
                .and_then(identifier)
                .filter(|cf| cf.len() == 16),
            documents,
            phone: record.phone.as_deref().and_then(normalise::phone).map(Into::into),
            address: text(&record.address),
            locality: text(&record.locality),
            postcode: record.postcode.as_deref().and_then(identifier),
        }
    }

    /// Whether the record has a name to compare at all.
    pub fn has_name(&self) -> bool {
        !self.surname.is_empty() || !self.given.is_empty()
    }

    /// The hashes of the name parts there are.
    pub(crate) fn name_part_hashes(&self) -> impl Iterator<Item = u64> {
        [self.surname_hash, self.given_hash]
            .into_iter()
            .filter(|hash| *hash != 0)
    }

    /// The phonetic keys of all name tokens, surname first.
    pub(crate) fn name_keys(&self) -> impl Iterator<Item = &str> {
        self.surname.iter().chain(&self.given).map(|token| &*token.key)
    }
}

/// The hash under which a name part's frequency is counted: of its tokens' phonetic keys, sorted
/// (so that variants and reorderings count as one name); 0 for no tokens.
fn part_hash(tokens: &[NameToken]) -> u64 {
    if tokens.is_empty() {
        return 0;
    }
    let mut keys: Vec<&str> = tokens.iter().map(|token| &*token.key).collect();
    keys.sort_unstable();
    crate::hash_of(&keys).max(1)
}
