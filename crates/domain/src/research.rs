//! The research export for the impact evaluation: one row per consenting
//! person, no direct identifier, and k-anonymity on the quasi-identifiers.
//!
//! The quasi-identifiers — age band, nationality, sex, region and month of
//! entry — are what an outsider could know of someone and match a row on.
//! They are generalised step by step (nationality to EU / third country,
//! then hidden; the month to its quarter, then its year, then hidden; the
//! others hidden) as Datafly does: while more rows sit in groups of fewer
//! than k than may be suppressed, the quasi-identifier with the most
//! distinct values is generalised one step. The rows still in groups of
//! fewer than k are then suppressed, so every combination of
//! quasi-identifiers in an export occurs at least k times.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};

use crate::esf::EU_MEMBER_STATES;

/// What is hidden at a quasi-identifier's last step.
pub const HIDDEN: &str = "*";

/// One consenting person's latest participation, as recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResearchRecord {
    /// A pseudonym, not the person's id: the caller draws it for the export.
    pub pseudonym: String,
    pub age_band: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub nationality: Option<String>,
    pub sex: Option<String>,
    pub region: String,
    /// The day the screening reached the secretariat.
    pub entered_on: NaiveDate,
    /// What is studied, kept as recorded: sector of work, furthest step,
    /// closing reason, days to each step.
    pub attributes: Vec<(&'static str, String)>,
}

/// The quasi-identifiers, in the order of [`QUASI_IDENTIFIERS`].
const QI: usize = 5;

/// Their names, as the export's columns.
pub const QUASI_IDENTIFIERS: [&str; QI] = ["age_band", "nationality", "sex", "region", "entry_month"];

/// How many steps of generalisation each quasi-identifier has, the last
/// one hiding it.
const STEPS: [u8; QI] = [1, 2, 1, 1, 3];

/// A quasi-identifier of a record at a step of generalisation.
fn generalised(record: &ResearchRecord, qi: usize, step: u8) -> String {
    let text = |value: &Option<String>| value.clone().unwrap_or_else(|| "unknown".into());
    if step >= STEPS[qi] {
        return HIDDEN.into();
    }
    match (qi, step) {
        (0, _) => text(&record.age_band),
        (1, 0) => text(&record.nationality),
        (1, _) => match record.nationality.as_deref() {
            Some(code) if EU_MEMBER_STATES.contains(&code.to_uppercase().as_str()) => "eu".into(),
            Some(_) => "third_country".into(),
            None => "unknown".into(),
        },
        (2, _) => text(&record.sex),
        (3, _) => record.region.clone(),
        (_, 0) => format!("{}-{:02}", record.entered_on.year(), record.entered_on.month()),
        (_, 1) => format!(
            "{}-Q{}",
            record.entered_on.year(),
            record.entered_on.month0() / 3 + 1
        ),
        _ => record.entered_on.year().to_string(),
    }
}

/// One exported row: the pseudonym, the quasi-identifiers as generalised,
/// and the attributes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ResearchRow {
    pub pseudonym: String,
    /// age_band, nationality, sex, region, entry_month.
    pub quasi_identifiers: Vec<String>,
    #[schema(value_type = Vec<Vec<String>>)]
    pub attributes: Vec<(&'static str, String)>,
}

/// What the export did to reach k.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Anonymisation {
    pub k: usize,
    /// The step each quasi-identifier was generalised to (0: as recorded),
    /// in the order of [`QUASI_IDENTIFIERS`].
    pub steps: Vec<u8>,
    /// Consenting persons found.
    pub records: usize,
    /// Of those, left out because their group stayed smaller than k.
    pub suppressed: usize,
}

/// The rows of an export and how they were made k-anonymous. At most
/// `max_suppressed` rows are suppressed before generalising further, unless
/// every quasi-identifier is already hidden.
pub fn anonymise(
    records: &[ResearchRecord],
    k: usize,
    max_suppressed: usize,
) -> (Vec<ResearchRow>, Anonymisation) {
    let k = k.max(1);
    let mut steps = [0_u8; QI];
    let key = |record: &ResearchRecord, steps: &[u8; QI]| -> Vec<String> {
        (0..QI).map(|qi| generalised(record, qi, steps[qi])).collect()
    };
    loop {
        let sizes = group_sizes(records.iter().map(|r| key(r, &steps)));
        let small: usize = sizes.values().filter(|n| **n < k).sum();
        if small <= max_suppressed {
            break;
        }
        // The quasi-identifier that still tells the most apart goes one step up.
        let widest = (0..QI).filter(|qi| steps[*qi] < STEPS[*qi]).max_by_key(|qi| {
            records
                .iter()
                .map(|r| generalised(r, *qi, steps[*qi]))
                .collect::<BTreeSet<_>>()
                .len()
        });
        match widest {
            Some(qi) => steps[qi] += 1,
            None => break,
        }
    }
    let keys: Vec<Vec<String>> = records.iter().map(|r| key(r, &steps)).collect();
    let sizes = group_sizes(keys.iter().cloned());
    let mut rows: Vec<ResearchRow> = records
        .iter()
        .zip(keys)
        .filter(|(_, key)| sizes.get(key).is_some_and(|n| *n >= k))
        .map(|(record, key)| ResearchRow {
            pseudonym: record.pseudonym.clone(),
            quasi_identifiers: key,
            attributes: record.attributes.clone(),
        })
        .collect();
    // The order of the rows tells nothing of the order of entry.
    rows.sort_by(|a, b| a.pseudonym.cmp(&b.pseudonym));
    let report = Anonymisation {
        k,
        steps: steps.to_vec(),
        records: records.len(),
        suppressed: records.len() - rows.len(),
    };
    (rows, report)
}

fn group_sizes(keys: impl Iterator<Item = Vec<String>>) -> HashMap<Vec<String>, usize> {
    let mut sizes = HashMap::new();
    for key in keys {
        *sizes.entry(key).or_insert(0) += 1;
    }
    sizes
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn record(n: usize, age: &str, nationality: &str, sex: &str, month: u32) -> ResearchRecord {
        ResearchRecord {
            pseudonym: format!("P{n:04}"),
            age_band: Some(age.into()),
            nationality: Some(nationality.into()),
            sex: Some(sex.into()),
            region: "laz".into(),
            entered_on: NaiveDate::from_ymd_opt(2026, month, 10).unwrap(),
            attributes: vec![("sector", "agriculture".into())],
        }
    }

    #[test]
    fn a_dataset_that_is_already_k_anonymous_is_kept_as_recorded() {
        let records: Vec<ResearchRecord> = (0..10)
            .map(|n| record(n, "from30_to54", "IN", "male", 3))
            .collect();
        let (rows, report) = anonymise(&records, 5, 0);
        assert_eq!(rows.len(), 10);
        assert_eq!(report.steps, [0, 0, 0, 0, 0]);
        assert_eq!(
            rows[0].quasi_identifiers,
            ["from30_to54", "IN", "male", "laz", "2026-03"]
        );
    }

    #[test]
    fn rare_values_are_generalised_then_suppressed() {
        let mut records: Vec<ResearchRecord> = (0..6)
            .map(|n| record(n, "from30_to54", "IN", "male", 3))
            .collect();
        // Five from Pakistan and Morocco over two months: together with India
        // they are third-country nationals of the first quarter.
        records.extend((6..9).map(|n| record(n, "from30_to54", "PK", "male", 1)));
        records.extend((9..11).map(|n| record(n, "from30_to54", "MA", "male", 2)));
        // One woman alone: suppressed rather than hide everyone's sex.
        records.push(record(11, "from30_to54", "IN", "female", 3));
        let (rows, report) = anonymise(&records, 5, 1);
        assert_eq!(report.suppressed, 1);
        assert_eq!(rows.len(), 11);
        assert!(rows.iter().all(|r| r.quasi_identifiers[1] == "third_country"));
        assert!(rows.iter().all(|r| r.quasi_identifiers[4] == "2026-Q1"));
        assert_eq!(report.steps, [0, 1, 0, 0, 1]);
    }

    fn arbitrary_record() -> impl Strategy<Value = ResearchRecord> {
        (
            0..100_000_usize,
            prop::sample::select(vec!["under18", "from18_to29", "from30_to54", "from55"]),
            prop::sample::select(vec!["IN", "PK", "MA", "RO", "NG", "IT"]),
            prop::sample::select(vec!["male", "female", "other"]),
            prop::sample::select(vec!["laz", "tos", "abr"]),
            1..=12_u32,
        )
            .prop_map(|(n, age, nationality, sex, region, month)| ResearchRecord {
                region: region.into(),
                ..record(n, age, nationality, sex, month)
            })
    }

    proptest! {
        #[test]
        fn every_combination_in_an_export_occurs_at_least_k_times(
            records in prop::collection::vec(arbitrary_record(), 0..200),
            k in 1..12_usize,
            max_suppressed in 0..20_usize,
        ) {
            let (rows, report) = anonymise(&records, k, max_suppressed);
            let sizes = group_sizes(rows.iter().map(|r| r.quasi_identifiers.clone()));
            prop_assert!(sizes.values().all(|n| *n >= k));
            prop_assert_eq!(rows.len() + report.suppressed, records.len());
            // Nothing is suppressed beyond the allowance while something
            // could still be generalised.
            if report.steps.iter().zip(STEPS).any(|(step, last)| *step < last) {
                prop_assert!(report.suppressed <= max_suppressed);
            }
        }
    }
}
