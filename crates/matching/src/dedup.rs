//! Deduplication of a whole set of records: prepare, block, score, cluster.

use rayon::prelude::*;

use crate::blocking;
use crate::cluster;
use crate::evidence::Comparison;
use crate::model::{Model, NameFrequencies};
use crate::prepare::Prepared;
use crate::record::Record;

/// Which model `dedup` scores with.
#[derive(Clone, Debug, Default)]
pub enum ModelChoice {
    /// [`Model::default`].
    #[default]
    Default,
    /// [`Model::estimate`] on the records being deduplicated.
    Estimate,
    /// A model given by the caller.
    Given(Box<Model>),
}

/// What a deduplication found.
#[derive(Clone, Debug)]
pub struct DedupReport {
    /// For every record, its cluster: the position of the cluster's first record.
    pub clusters: Vec<usize>,
    /// How many pairs blocking proposed and were compared.
    pub candidate_pairs: usize,
    /// How many of them the model judged to be the same person.
    pub matching_pairs: usize,
    /// The model used.
    pub model: Model,
}

/// Groups the records that are the same person; returns, for every record, the number of its cluster:
/// the position of the cluster's first record.
pub fn dedup(records: &[Record], choice: ModelChoice) -> Vec<usize> {
    dedup_report(records, choice).clusters
}

/// Like [`dedup`], with the counts a summary needs.
pub fn dedup_report(records: &[Record], choice: ModelChoice) -> DedupReport {
    let prepared: Vec<Prepared> = records.par_iter().map(Prepared::new).collect();
    dedup_prepared(&prepared, choice)
}

/// [`dedup`] on records already prepared.
pub fn dedup_prepared(records: &[Prepared], choice: ModelChoice) -> DedupReport {
    let model = match choice {
        ModelChoice::Default => Model::default(),
        ModelChoice::Estimate => Model::estimate(records),
        ModelChoice::Given(model) => *model,
    };
    let sorted = Sorted::new(records);
    let frequencies = NameFrequencies::of(records);
    let candidates = sorted.candidates();
    let candidate_pairs = candidates.iter().map(Vec::len).sum();
    let threshold = size_aware_threshold(model.match_threshold(), records.len());
    let pairs: Vec<(u32, u32, f32)> = candidates
        .par_iter()
        .enumerate()
        .flat_map_iter(|(first, later)| {
            let (model, frequencies, sorted) = (&model, &frequencies, &sorted);
            later.iter().filter_map(move |&second| {
                let weight = model
                    .score(sorted.get(first), sorted.get(second as usize), Some(frequencies))
                    .total();
                (weight > 0.0).then_some((first as u32, second, weight as f32))
            })
        })
        .collect();
    drop(candidates);
    let matching_pairs = pairs.iter().filter(|pair| f64::from(pair.2) >= threshold).count();
    let sorted_clusters = cluster::average_linkage(records.len(), pairs, threshold as f32);
    let mut clusters = vec![0; records.len()];
    // Cluster numbers: the smallest original position in each cluster.
    let mut first_of_cluster = vec![usize::MAX; records.len()];
    for (position, cluster) in sorted_clusters.iter().enumerate() {
        let original = sorted.original[position];
        first_of_cluster[*cluster] = first_of_cluster[*cluster].min(original);
    }
    for (position, cluster) in sorted_clusters.iter().enumerate() {
        clusters[sorted.original[position]] = first_of_cluster[*cluster];
    }
    DedupReport {
        clusters,
        candidate_pairs,
        matching_pairs,
        model,
    }
}

/// Records up to this many are deduplicated at the model's match threshold.
pub const THRESHOLD_BASE_RECORDS: f64 = 10_000.0;

/// The match threshold for a set of `records`: the prior odds that two records are the same person fall as
/// the set grows (each record meets more namesakes by chance), so the weight needed rises by log2 of the
/// size above [`THRESHOLD_BASE_RECORDS`].
pub fn size_aware_threshold(threshold: f64, records: usize) -> f64 {
    threshold + (records as f64 / THRESHOLD_BASE_RECORDS).log2().max(0.0)
}

/// The records in the order blocking wants (full name, then date): `original[position]` is the record
/// at that position.
struct Sorted<'a> {
    records: &'a [Prepared],
    original: Vec<usize>,
}

impl Sorted<'_> {
    fn new(records: &[Prepared]) -> Sorted<'_> {
        let mut original: Vec<usize> = (0..records.len()).collect();
        original.par_sort_by(|&a, &b| {
            let (a, b) = (&records[a], &records[b]);
            a.surname_joined
                .cmp(&b.surname_joined)
                .then_with(|| a.given_joined.cmp(&b.given_joined))
                .then_with(|| {
                    a.date_of_birth
                        .map(date_order)
                        .cmp(&b.date_of_birth.map(date_order))
                })
        });
        Sorted { records, original }
    }

    fn get(&self, position: usize) -> &Prepared {
        &self.records[self.original[position]]
    }

    fn candidates(&self) -> Vec<Vec<u32>> {
        blocking::candidates(self.records, &self.original)
    }
}

fn date_order(date: crate::record::BirthDate) -> (Option<u16>, Option<u8>, Option<u8>) {
    (date.year, date.month, date.day)
}

/// A pair of records worth showing to a person (see [`Model::is_possible`]), by position.
#[derive(Clone, Debug)]
pub struct Pair {
    pub first: usize,
    pub second: usize,
    pub comparison: Comparison,
}

/// Every pair of records that blocking proposes and the model finds possible, best first (`first` <
/// `second`). This is what a sweep over a region records for review: the same blocking and scoring as
/// [`dedup`]. Name frequencies are the model's when it has them, else counted on these records.
pub fn possible_pairs(model: &Model, records: &[Prepared]) -> Vec<Pair> {
    let counted;
    let frequencies = match model.frequencies() {
        Some(frequencies) => frequencies,
        None => {
            counted = NameFrequencies::of(records);
            &counted
        }
    };
    let sorted = Sorted::new(records);
    let candidates = sorted.candidates();
    let mut pairs: Vec<Pair> = candidates
        .par_iter()
        .enumerate()
        .flat_map_iter(|(first, later)| {
            let sorted = &sorted;
            later.iter().filter_map(move |&second| {
                let comparison =
                    model.compare_with(sorted.get(first), sorted.get(second as usize), Some(frequencies));
                model.is_possible(&comparison).then(|| {
                    let (a, b) = (sorted.original[first], sorted.original[second as usize]);
                    Pair {
                        first: a.min(b),
                        second: a.max(b),
                        comparison,
                    }
                })
            })
        })
        .collect();
    pairs.sort_by(|a, b| b.comparison.weight.total_cmp(&a.comparison.weight));
    pairs
}
