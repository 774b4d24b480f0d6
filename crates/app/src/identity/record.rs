//! The one place a person becomes a record of the matching engine, and the
//! engine's explanation becomes what SOLEIL stores and shows.

use soleil_domain::{NewPerson, Person, Sex};
use soleil_matching::{BirthDate, Comparison, Record};

/// The identifying fields the engine compares, from a stored person or from
/// a person being recorded.
pub(crate) struct Identity<'a> {
    given_name: Option<&'a str>,
    surname: Option<&'a str>,
    date_of_birth: Option<chrono::NaiveDate>,
    sex: Option<Sex>,
    nationality: Option<&'a str>,
    place_of_birth: Option<&'a str>,
    codice_fiscale: Option<&'a str>,
    phone: Option<&'a str>,
}

impl<'a> From<&'a Person> for Identity<'a> {
    fn from(p: &'a Person) -> Self {
        Self {
            given_name: p.given_name.as_deref(),
            surname: p.surname.as_deref(),
            date_of_birth: p.date_of_birth,
            sex: p.sex,
            nationality: p.nationality.as_deref(),
            place_of_birth: p.place_of_birth.as_deref(),
            codice_fiscale: p.codice_fiscale.as_deref(),
            phone: p.phone.as_deref(),
        }
    }
}

impl<'a> From<&'a NewPerson> for Identity<'a> {
    fn from(p: &'a NewPerson) -> Self {
        Self {
            given_name: p.given_name.as_deref(),
            surname: p.surname.as_deref(),
            date_of_birth: p.date_of_birth,
            sex: p.sex,
            nationality: p.nationality.as_deref(),
            place_of_birth: p.place_of_birth.as_deref(),
            codice_fiscale: p.codice_fiscale.as_deref(),
            phone: p.phone.as_deref(),
        }
    }
}

impl Identity<'_> {
    pub(crate) fn record(&self) -> Record {
        let text = |value: Option<&str>| value.map(str::to_owned);
        Record {
            given_name: self.given_name.unwrap_or_default().to_owned(),
            surname: self.surname.unwrap_or_default().to_owned(),
            date_of_birth: self.date_of_birth.map(BirthDate::from),
            sex: match self.sex {
                Some(Sex::Female) => Some(soleil_matching::Sex::Female),
                Some(Sex::Male) => Some(soleil_matching::Sex::Male),
                Some(Sex::Other) | None => None,
            },
            nationality: text(self.nationality),
            place_of_birth: text(self.place_of_birth),
            codice_fiscale: text(self.codice_fiscale),
            phone: text(self.phone),
            ..Record::default()
        }
    }
}

/// How one field compared, as stored with a pair and shown to people.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct FieldEvidence {
    /// `name`, `date_of_birth`, `sex`, `nationality`, `place_of_birth`, `codice_fiscale`, `phone`…
    pub field: String,
    /// The engine's level for the field: `exact`, a kind of near agreement, `disagree` or `missing`.
    pub outcome: String,
    /// What the field adds to the score, in bits: positive when it agrees.
    pub weight: f64,
}

impl FieldEvidence {
    /// Agreed, disagreed, missing on one side, or neutral (compared, but
    /// weighing nothing): how a person reads it.
    pub fn verdict(&self) -> &'static str {
        if self.outcome == "missing" {
            "missing"
        } else if self.weight > 0.0 {
            "agreed"
        } else if self.weight < 0.0 {
            "disagreed"
        } else {
            "neutral"
        }
    }
}

pub(crate) fn evidence(comparison: &Comparison) -> Vec<FieldEvidence> {
    comparison
        .evidence
        .iter()
        .map(|e| FieldEvidence {
            field: e.field.as_str().to_owned(),
            outcome: e.outcome.as_str().to_owned(),
            weight: (e.weight * 100.0).round() / 100.0,
        })
        .collect()
}

pub(crate) fn evidence_json(comparison: &Comparison) -> String {
    serde_json::to_string(&evidence(comparison)).unwrap_or_else(|_| "[]".to_owned())
}

pub(crate) fn evidence_of(json: &str) -> Vec<FieldEvidence> {
    serde_json::from_str(json).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(outcome: &str, weight: f64) -> FieldEvidence {
        FieldEvidence {
            field: "surname".into(),
            outcome: outcome.into(),
            weight,
        }
    }

    #[test]
    fn a_field_reads_as_agreed_disagreed_missing_or_neutral() {
        assert_eq!(field("variant", 4.4).verdict(), "agreed");
        assert_eq!(field("disagree", -3.0).verdict(), "disagreed");
        assert_eq!(field("missing", 0.0).verdict(), "missing");
        assert_eq!(field("exact", 0.0).verdict(), "neutral");
    }

    #[test]
    fn an_other_sex_is_not_compared() {
        let person = NewPerson {
            anonymous: false,
            given_name: Some("Amina".into()),
            surname: Some("Diallo".into()),
            alias: None,
            sex: Some(Sex::Other),
            date_of_birth: None,
            nationality: Some("SN".into()),
            phone: None,
            codice_fiscale: None,
            place_of_birth: None,
        };
        let record = Identity::from(&person).record();
        assert_eq!(record.sex, None);
        assert_eq!(record.surname, "Diallo");
        assert_eq!(record.nationality.as_deref(), Some("SN"));
    }
}
