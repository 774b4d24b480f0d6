//! Fellegi–Sunter model: m and u probabilities per field outcome, prior, thresholds.

use rustc_hash::FxHashMap;

use crate::compare::{self, AddressParts};
use crate::evidence::{Comparison, Evidence, Field, Outcome};
use crate::prepare::{NameToken, Prepared};

pub(crate) const FIELDS: usize = Field::ALL.len();
pub(crate) const OUTCOMES: usize = Outcome::ALL.len();

/// The m and u probabilities of one comparison level: how often it is seen between two records of the same
/// person (m) and between two records of different persons (u).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Level {
    pub m: f64,
    pub u: f64,
}

impl Level {
    fn weight(self) -> f64 {
        (self.m / self.u).log2()
    }
}

/// What one comparison found, field by field (in the order of [`Field::ALL`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scored {
    pub outcomes: [Outcome; FIELDS],
    pub weights: [f64; FIELDS],
}

impl Scored {
    pub fn total(&self) -> f64 {
        self.weights.iter().sum()
    }
}

/// How often each name (the phonetic key of a surname or given-name part) occurs, for the
/// term-frequency adjustment: agreeing on `Singh` says less than agreeing on a rare name.
#[derive(Clone, Debug, Default)]
pub struct NameFrequencies {
    counts: FxHashMap<u64, u32>,
    records: u32,
}

impl NameFrequencies {
    /// Counts the names of all records.
    pub fn of(records: &[Prepared]) -> NameFrequencies {
        let mut frequencies = NameFrequencies::default();
        for record in records {
            frequencies.add(record);
        }
        frequencies
    }

    pub fn add(&mut self, record: &Prepared) {
        self.records += 1;
        for key in record.name_part_hashes() {
            *self.counts.entry(key).or_default() += 1;
        }
    }

    pub fn remove(&mut self, record: &Prepared) {
        self.records = self.records.saturating_sub(1);
        for key in record.name_part_hashes() {
            if let Some(count) = self.counts.get_mut(&key) {
                *count = count.saturating_sub(1);
                if *count == 0 {
                    self.counts.remove(&key);
                }
            }
        }
    }

    /// The share of records having this name part, smoothed towards `average` (the model's u for exact
    /// agreement) as if [`TF_PRIOR_RECORDS`] records of average names had been seen: in a small set a name
    /// seen twice is not yet known to be common.
    fn share(&self, key: u64, average: f64) -> Option<f64> {
        (key != 0).then(|| {
            let count = f64::from(self.counts.get(&key).copied().unwrap_or(1).max(1));
            (count + TF_PRIOR_RECORDS * average) / (f64::from(self.records) + TF_PRIOR_RECORDS)
        })
    }
}

/// The term-frequency adjustment is kept within these bounds (bits): a name seen once in a small set is
/// not proof, and a very common one still says something.
const TF_ADJUSTMENT_MIN: f64 = -8.0;
const TF_ADJUSTMENT_MAX: f64 = 4.0;
/// Weight of the average in a name's smoothed frequency, in records.
const TF_PRIOR_RECORDS: f64 = 2000.0;

/// The scoring model: for every field and outcome, m and u probabilities; the weight of an outcome is
/// log2(m/u) bits; a missing field weighs 0. See the crate documentation for the defaults and why.
#[derive(Clone, Debug)]
pub struct Model {
    levels: [[Option<Level>; OUTCOMES]; FIELDS],
    weights: [[f64; OUTCOMES]; FIELDS],
    /// Probability that two records drawn at random are the same person.
    prior: f64,
    match_threshold: f64,
    possible_threshold: f64,
    frequencies: Option<std::sync::Arc<NameFrequencies>>,
}

/// Default m and u per field and outcome (see the crate documentation for why).
/// A level's default: outcome, m, u.
type DefaultLevel = (Outcome, f64, f64);

const DEFAULT_LEVELS: &[(Field, &[DefaultLevel])] = &[
    (
        Field::Surname,
        &[
            (Outcome::Exact, 0.65, 0.004),
            (Outcome::Variant, 0.18, 0.002),
            (Outcome::Fuzzy, 0.08, 0.003),
            (Outcome::Partial, 0.03, 0.002),
            (Outcome::Disagree, 0.06, 0.989),
        ],
    ),
    (
        Field::GivenName,
        &[
            (Outcome::Exact, 0.58, 0.008),
            (Outcome::Variant, 0.20, 0.004),
            (Outcome::Fuzzy, 0.07, 0.005),
            (Outcome::Partial, 0.08, 0.006),
            (Outcome::Disagree, 0.07, 0.977),
        ],
    ),
    (
        Field::NameOrder,
        &[(Outcome::Exact, 0.95, 0.95), (Outcome::Swapped, 0.05, 0.10)],
    ),
    (
        Field::DateOfBirth,
        &[
            (Outcome::Exact, 0.74, 0.0002),
            (Outcome::Placeholder, 0.12, 0.006),
            (Outcome::SwappedDayMonth, 0.02, 0.0001),
            (Outcome::TypingSlip, 0.07, 0.002),
            (Outcome::YearClose, 0.01, 0.0003),
            (Outcome::Disagree, 0.04, 0.9914),
        ],
    ),
    (
        Field::Sex,
        &[(Outcome::Exact, 0.98, 0.5), (Outcome::Disagree, 0.02, 0.5)],
    ),
    (
        Field::Nationality,
        &[(Outcome::Exact, 0.98, 0.15), (Outcome::Disagree, 0.02, 0.85)],
    ),
    (
        Field::PlaceOfBirth,
        &[
            (Outcome::Exact, 0.78, 0.04),
            (Outcome::Fuzzy, 0.12, 0.01),
            (Outcome::Disagree, 0.10, 0.95),
        ],
    ),
    (
        Field::CodiceFiscale,
        &[
            (Outcome::Exact, 0.95, 0.000_001),
            (Outcome::TypingSlip, 0.02, 0.000_01),
            (Outcome::Disagree, 0.03, 1.0),
        ],
    ),
    (
        Field::Document,
        &[
            (Outcome::Exact, 0.80, 0.000_01),
            (Outcome::TypingSlip, 0.08, 0.000_1),
            (Outcome::Disagree, 0.12, 1.0),
        ],
    ),
    (
        Field::Phone,
        &[
            (Outcome::Exact, 0.85, 0.000_1),
            (Outcome::TypingSlip, 0.03, 0.000_1),
            (Outcome::Disagree, 0.12, 1.0),
        ],
    ),
    (
        Field::Address,
        &[
            (Outcome::Exact, 0.30, 0.0005),
            (Outcome::Fuzzy, 0.45, 0.001),
            (Outcome::Partial, 0.15, 0.05),
            (Outcome::Disagree, 0.10, 0.9485),
        ],
    ),
];

impl Default for Model {
    fn default() -> Self {
        let mut levels = [[None; OUTCOMES]; FIELDS];
        for (field, outcomes) in DEFAULT_LEVELS {
            for (outcome, m, u) in *outcomes {
                levels[field.index()][outcome.index()] = Some(Level { m: *m, u: *u });
            }
        }
        Model::from_levels(levels, 1e-4, 16.0, 8.0)
    }
}

impl Model {
    fn from_levels(
        levels: [[Option<Level>; OUTCOMES]; FIELDS],
        prior: f64,
        match_threshold: f64,
        possible_threshold: f64,
    ) -> Model {
        let mut weights = [[0.0; OUTCOMES]; FIELDS];
        for (field_weights, field_levels) in weights.iter_mut().zip(&levels) {
            for (weight, level) in field_weights.iter_mut().zip(field_levels) {
                *weight = level.map_or(0.0, Level::weight);
            }
        }
        Model {
            levels,
            weights,
            prior,
            match_threshold,
            possible_threshold,
            frequencies: None,
        }
    }

    /// Estimates the model from the records themselves: u from random pairs, m by EM on the pairs that
    /// blocking proposes (see [`crate::estimate`]).
    pub fn estimate(records: &[Prepared]) -> Model {
        crate::estimate::estimate(records)
    }

    /// The m and u of an outcome, when the field has it.
    pub fn level(&self, field: Field, outcome: Outcome) -> Option<Level> {
        self.levels[field.index()][outcome.index()]
    }

    pub(crate) fn levels(&self) -> &[[Option<Level>; OUTCOMES]; FIELDS] {
        &self.levels
    }

    /// The same model with other m and u for the levels given, prior and thresholds kept.
    pub(crate) fn with_levels(&self, levels: [[Option<Level>; OUTCOMES]; FIELDS], prior: f64) -> Model {
        let mut model = Model::from_levels(levels, prior, self.match_threshold, self.possible_threshold);
        model.frequencies = self.frequencies.clone();
        model
    }

    /// The weight (bits) of an outcome, before any term-frequency adjustment.
    pub fn weight(&self, field: Field, outcome: Outcome) -> f64 {
        self.weights[field.index()][outcome.index()]
    }

    /// The probability that two records drawn at random are the same person.
    pub fn prior(&self) -> f64 {
        self.prior
    }

    /// Total weight (bits) from which a pair is the same person: 16 bits by default, e.g. variant names with
    /// a compatible date and the same nationality, or the same name and the same document; the same
    /// common name alone is not enough.
    pub fn match_threshold(&self) -> f64 {
        self.match_threshold
    }

    /// Total weight (bits) from which a pair is worth a person's look: 8 bits by default (e.g. close names
    /// and a compatible placeholder birth date).
    pub fn possible_threshold(&self) -> f64 {
        self.possible_threshold
    }

    /// The same model with other thresholds.
    pub fn with_thresholds(mut self, match_threshold: f64, possible_threshold: f64) -> Model {
        self.match_threshold = match_threshold;
        self.possible_threshold = possible_threshold.min(match_threshold);
        self
    }

    /// The same model, adjusting name agreements by how common the names are.
    pub fn with_frequencies(mut self, frequencies: NameFrequencies) -> Model {
        self.frequencies = Some(std::sync::Arc::new(frequencies));
        self
    }

    /// The name frequencies given with [`Model::with_frequencies`].
    pub fn frequencies(&self) -> Option<&NameFrequencies> {
        self.frequencies.as_deref()
    }

    /// Compares two records and explains the result.
    pub fn compare(&self, a: &Prepared, b: &Prepared) -> Comparison {
        self.compare_with(a, b, self.frequencies.as_deref())
    }

    pub(crate) fn compare_with(
        &self,
        a: &Prepared,
        b: &Prepared,
        frequencies: Option<&NameFrequencies>,
    ) -> Comparison {
        let scored = self.score(a, b, frequencies);
        let evidence = Field::ALL
            .iter()
            .zip(scored.outcomes.iter().zip(scored.weights))
            .map(|(field, (outcome, weight))| Evidence {
                field: *field,
                outcome: *outcome,
                weight,
            })
            .collect();
        let weight = scored.total();
        Comparison {
            weight,
            probability: self.probability(weight),
            evidence,
        }
    }

    /// The probability of being the same person for a total weight, given the prior.
    pub fn probability(&self, weight: f64) -> f64 {
        let prior_odds = self.prior / (1.0 - self.prior);
        let odds = prior_odds * weight.exp2();
        if odds.is_infinite() {
            1.0
        } else {
            odds / (1.0 + odds)
        }
    }

    pub fn is_match(&self, comparison: &Comparison) -> bool {
        comparison.weight >= self.match_threshold
    }

    pub fn is_possible(&self, comparison: &Comparison) -> bool {
        comparison.weight >= self.possible_threshold
    }

    /// Outcomes and weights of every field, without building the explanation.
    pub(crate) fn score(&self, a: &Prepared, b: &Prepared, frequencies: Option<&NameFrequencies>) -> Scored {
        let mut outcomes = [Outcome::Missing; FIELDS];
        let mut weights = [0.0; FIELDS];
        self.score_names(a, b, frequencies, &mut outcomes, &mut weights);
        let other_fields = [
            (
                Field::DateOfBirth,
                compare::dates(a.date_of_birth, b.date_of_birth),
            ),
            (Field::Sex, compare::sexes(a.sex, b.sex)),
            (
                Field::Nationality,
                compare::equality(a.nationality.as_deref(), b.nationality.as_deref()),
            ),
            (
                Field::PlaceOfBirth,
                compare::places(a.place_of_birth.as_deref(), b.place_of_birth.as_deref()),
            ),
            (
                Field::CodiceFiscale,
                compare::identifiers(a.codice_fiscale.as_deref(), b.codice_fiscale.as_deref()),
            ),
            (Field::Document, compare::documents(&a.documents, &b.documents)),
            (
                Field::Phone,
                compare::identifiers(a.phone.as_deref(), b.phone.as_deref()),
            ),
            (
                Field::Address,
                compare::addresses(&address_parts(a), &address_parts(b)),
            ),
        ];
        for (field, outcome) in other_fields {
            outcomes[field.index()] = outcome;
            weights[field.index()] = self.weight(field, outcome);
        }
        Scored { outcomes, weights }
    }

    /// Names are compared as recorded and with given name and surname swapped; the reading with the higher
    /// weight wins, a swapped reading paying the `name_order` / `swapped` weight.
    fn score_names(
        &self,
        a: &Prepared,
        b: &Prepared,
        frequencies: Option<&NameFrequencies>,
        outcomes: &mut [Outcome; FIELDS],
        weights: &mut [f64; FIELDS],
    ) {
        let surname = compare::name_parts(&a.surname, &a.surname_joined, &b.surname, &b.surname_joined);
        let given = compare::name_parts(&a.given, &a.given_joined, &b.given, &b.given_joined);
        let as_recorded = [
            (
                surname,
                self.name_weight(
                    Field::Surname,
                    surname,
                    frequencies,
                    a.surname_hash,
                    b.surname_hash,
                ),
            ),
            (
                given,
                self.name_weight(Field::GivenName, given, frequencies, a.given_hash, b.given_hash),
            ),
            (Outcome::Exact, self.weight(Field::NameOrder, Outcome::Exact)),
        ];
        let mut best = as_recorded;
        let settled = matches!(surname, Outcome::Exact | Outcome::Variant)
            && matches!(given, Outcome::Exact | Outcome::Variant);
        if !settled && may_be_swapped(a, b) {
            let surname = compare::name_parts(&a.surname, &a.surname_joined, &b.given, &b.given_joined);
            let given = compare::name_parts(&a.given, &a.given_joined, &b.surname, &b.surname_joined);
            let swapped = [
                (
                    surname,
                    self.name_weight(Field::Surname, surname, frequencies, a.surname_hash, b.given_hash),
                ),
                (
                    given,
                    self.name_weight(Field::GivenName, given, frequencies, a.given_hash, b.surname_hash),
                ),
                (Outcome::Swapped, self.weight(Field::NameOrder, Outcome::Swapped)),
            ];
            let total = |reading: &[(Outcome, f64); 3]| reading.iter().map(|(_, weight)| weight).sum::<f64>();
            if total(&swapped) > total(&as_recorded) {
                best = swapped;
            }
        }
        if best[0].0 == Outcome::Missing && best[1].0 == Outcome::Missing {
            best[2] = (Outcome::Missing, 0.0);
        }
        for (field, (outcome, weight)) in [Field::Surname, Field::GivenName, Field::NameOrder]
            .into_iter()
            .zip(best)
        {
            outcomes[field.index()] = outcome;
            weights[field.index()] = weight;
        }
    }

    /// The weight of a name outcome; exact and variant agreement adjusted by how common the name is.
    fn name_weight(
        &self,
        field: Field,
        outcome: Outcome,
        frequencies: Option<&NameFrequencies>,
        key_a: u64,
        key_b: u64,
    ) -> f64 {
        let weight = self.weight(field, outcome);
        let (Some(frequencies), Outcome::Exact | Outcome::Variant) = (frequencies, outcome) else {
            return weight;
        };
        let Some(exact) = self.level(field, Outcome::Exact) else {
            return weight;
        };
        let (Some(share_a), Some(share_b)) = (
            frequencies.share(key_a, exact.u),
            frequencies.share(key_b, exact.u),
        ) else {
            return weight;
        };
        let adjustment = (exact.u / share_a.max(share_b)).log2();
        weight + adjustment.clamp(TF_ADJUSTMENT_MIN, TF_ADJUSTMENT_MAX)
    }
}

/// Whether reading the names swapped can help: a token of one side's surname has the phonetic key of a
/// token of the other's given names (or the other way round), or a side lacks one of the parts.
fn may_be_swapped(a: &Prepared, b: &Prepared) -> bool {
    let share_a_key = |x: &[NameToken], y: &[NameToken]| x.iter().any(|s| y.iter().any(|t| s.key == t.key));
    [&a.surname, &a.given, &b.surname, &b.given]
        .iter()
        .any(|part| part.is_empty())
        || share_a_key(&a.surname, &b.given)
        || share_a_key(&a.given, &b.surname)
}

fn address_parts(record: &Prepared) -> AddressParts<'_> {
    AddressParts {
        address: record.address.as_deref(),
        locality: record.locality.as_deref(),
        postcode: record.postcode.as_deref(),
    }
}
