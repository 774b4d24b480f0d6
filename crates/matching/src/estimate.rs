//! Estimating the model from the data.
//!
//! - u (how often an outcome is seen between different persons) from random pairs: two records drawn at
//!   random are almost never the same person. Levels seen fewer than [`MIN_COUNT`] times keep their default u
//!   (a million random pairs cannot measure a one-in-a-million agreement on a document number).
//! - m (how often an outcome is seen between records of the same person) by expectation–maximisation on the
//!   pairs that blocking proposes, u held fixed: each round weighs every pair by its current probability of
//!   being a match and re-counts the outcomes. The defaults act as a prior worth [`PRIOR_PAIRS`] pairs, rounds
//!   stop after [`MAX_ROUNDS`] or when m moves less than 10⁻⁴, and a field whose estimate comes out upside down
//!   (agreement weighing less than disagreement) keeps its defaults.
//! - The name-order levels are not estimated: the swap penalty is a fixed choice.
//! - With fewer than [`MIN_RECORDS`] records the defaults are kept.

use rayon::prelude::*;

use crate::blocking;
use crate::evidence::{Field, Outcome};
use crate::model::{FIELDS, Level, Model, OUTCOMES};
use crate::prepare::Prepared;

/// Fewer records than this say too little: the defaults are kept.
pub const MIN_RECORDS: usize = 1000;
pub const RANDOM_PAIRS: usize = 1_000_000;
pub const MIN_COUNT: u64 = 10;
pub const MAX_EM_PAIRS: usize = 2_000_000;
pub const MAX_ROUNDS: usize = 30;
pub const PRIOR_PAIRS: f64 = 20.0;

type Table = [[f64; OUTCOMES]; FIELDS];

pub fn estimate(records: &[Prepared]) -> Model {
    let base = Model::default();
    if records.len() < MIN_RECORDS {
        return base;
    }
    let mut levels = *base.levels();
    estimate_u(&base, records, &mut levels);
    let with_u = base.with_levels(levels, base.prior());
    let order: Vec<usize> = (0..records.len()).collect();
    let candidates = blocking::candidates(records, &order);
    let total_pairs: usize = candidates.iter().map(Vec::len).sum();
    if total_pairs == 0 {
        return with_u;
    }
    let step = total_pairs.div_ceil(MAX_EM_PAIRS);
    let pairs: Vec<(usize, usize)> = candidates
        .iter()
        .enumerate()
        .flat_map(|(first, later)| later.iter().map(move |second| (first, *second as usize)))
        .step_by(step)
        .collect();
    drop(candidates);
    let observed: Vec<[Outcome; FIELDS]> = pairs
        .par_iter()
        .map(|&(a, b)| with_u.score(&records[a], &records[b], None).outcomes)
        .collect();
    let (levels, share) = expectation_maximisation(&with_u, &observed);
    let all_pairs = records.len() as f64 * (records.len() as f64 - 1.0) / 2.0;
    let prior = (share * total_pairs as f64 / all_pairs).clamp(1e-9, 0.5);
    with_u.with_levels(levels, prior)
}

/// Splitmix64: a small deterministic generator, so that an estimate is reproducible.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % bound as u64) as usize
    }
}

fn estimate_u(base: &Model, records: &[Prepared], levels: &mut [[Option<Level>; OUTCOMES]; FIELDS]) {
    let mut random = Random(0x5EED);
    let pairs: Vec<(usize, usize)> = (0..RANDOM_PAIRS)
        .map(|_| (random.below(records.len()), random.below(records.len())))
        .filter(|(a, b)| a != b)
        .collect();
    let counts = pairs
        .par_iter()
        .map(|&(a, b)| base.score(&records[a], &records[b], None).outcomes)
        .fold(
            || [[0u64; OUTCOMES]; FIELDS],
            |mut counts, outcomes| {
                for (field, outcome) in outcomes.iter().enumerate() {
                    counts[field][outcome.index()] += 1;
                }
                counts
            },
        )
        .reduce(|| [[0u64; OUTCOMES]; FIELDS], add_counts);
    for field in Field::ALL.into_iter().filter(|field| *field != Field::NameOrder) {
        let counts = &counts[field.index()];
        let present: u64 = counts.iter().sum::<u64>() - counts[Outcome::Missing.index()];
        for outcome in Outcome::ALL {
            let count = counts[outcome.index()];
            if let Some(level) = &mut levels[field.index()][outcome.index()]
                && count >= MIN_COUNT
            {
                level.u = count as f64 / present as f64;
            }
        }
    }
}

fn add_counts(mut a: [[u64; OUTCOMES]; FIELDS], b: [[u64; OUTCOMES]; FIELDS]) -> [[u64; OUTCOMES]; FIELDS] {
    for (row_a, row_b) in a.iter_mut().zip(b) {
        for (x, y) in row_a.iter_mut().zip(row_b) {
            *x += y;
        }
    }
    a
}

/// Returns the levels with m estimated, and the share of the pairs that are matches.
fn expectation_maximisation(
    model: &Model,
    observed: &[[Outcome; FIELDS]],
) -> ([[Option<Level>; OUTCOMES]; FIELDS], f64) {
    let defaults = *model.levels();
    let mut levels = defaults;
    let mut share = (observed
        .iter()
        .filter(|outcomes| total(&levels, outcomes) >= model.match_threshold())
        .count() as f64
        / observed.len() as f64)
        .clamp(0.001, 0.5);
    for _ in 0..MAX_ROUNDS {
        let prior_weight = (share / (1.0 - share)).log2();
        let (sums, matches) = observed
            .par_iter()
            .map(|outcomes| {
                let odds = (prior_weight + total(&levels, outcomes))
                    .clamp(-60.0, 60.0)
                    .exp2();
                let probability = odds / (1.0 + odds);
                let mut sums: Table = [[0.0; OUTCOMES]; FIELDS];
                for (field, outcome) in outcomes.iter().enumerate() {
                    sums[field][outcome.index()] += probability;
                }
                (sums, probability)
            })
            .reduce(
                || ([[0.0; OUTCOMES]; FIELDS], 0.0),
                |(a, p), (b, q)| (add_sums(a, b), p + q),
            );
        share = (matches / observed.len() as f64).clamp(1e-6, 0.9);
        let mut largest_move: f64 = 0.0;
        for field in Field::ALL.into_iter().filter(|field| *field != Field::NameOrder) {
            let row = &sums[field.index()];
            let present: f64 = row.iter().sum::<f64>() - row[Outcome::Missing.index()];
            for outcome in Outcome::ALL {
                let (Some(level), Some(default)) = (
                    &mut levels[field.index()][outcome.index()],
                    defaults[field.index()][outcome.index()],
                ) else {
                    continue;
                };
                let m =
                    ((row[outcome.index()] + PRIOR_PAIRS * default.m) / (present + PRIOR_PAIRS)).max(1e-4);
                largest_move = largest_move.max((m - level.m).abs());
                level.m = m;
            }
        }
        if largest_move < 1e-4 {
            break;
        }
    }
    for field in Field::ALL {
        let weight =
            |outcome: Outcome| levels[field.index()][outcome.index()].map(|level| (level.m / level.u).log2());
        if let (Some(agree), Some(disagree)) = (weight(Outcome::Exact), weight(Outcome::Disagree))
            && agree <= disagree
        {
            levels[field.index()] = defaults[field.index()];
        }
    }
    (levels, share)
}

fn total(levels: &[[Option<Level>; OUTCOMES]; FIELDS], outcomes: &[Outcome; FIELDS]) -> f64 {
    outcomes
        .iter()
        .enumerate()
        .filter_map(|(field, outcome)| levels[field][outcome.index()])
        .map(|level| (level.m / level.u).log2())
        .sum()
}

fn add_sums(mut a: Table, b: Table) -> Table {
    for (row_a, row_b) in a.iter_mut().zip(b) {
        for (x, y) in row_a.iter_mut().zip(row_b) {
            *x += y;
        }
    }
    a
}
