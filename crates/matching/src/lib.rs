//! Record linkage for persons: finding the records that are the same person although written at
//! different desks, by different operators, in different romanisations.
//!
//! The engine is pure (no I/O). It serves both `soleil dedup` (a whole file at once, [`dedup`]) and the
//! application (an incremental [`Index`] searched as an operator records a person).
//!
//! # Method
//!
//! **Normalisation** ([`Prepared::new`], once per record). Text is decomposed (NFKD), accents dropped,
//! lowercased; apostrophes vanish (`N'Diaye` → `ndiaye`), other punctuation and hyphens separate words.
//! Name particles are handled so that spellings agree: Arabic articles written apart are dropped
//! (`El Amrani` → `amrani`); every form of ʿAbd (`Abd el`, `Abdel`, `Abdul`, `Abdou`, `Abdur`...) is joined
//! to the next word as `abd` (`Abd el Rahman`, `Abdelrahman`, `Abdul Rahman` → `abdrahman`); `ben`/`bin`/`ibn`,
//! `ould`, `abu` and Romance/Dutch particles (`de`, `di`, `van der`...) are joined to the next word. Each
//! token gets a transliteration-aware phonetic key: spelling rules (`kh`→`h`, `gh`→`g`, `ph`→`f`,
//! `sh`/`ch`→`x`, `dj`→`j`, `ou`→`u`, `ee`→`i`, `w`→`v`, `y`→`i`, `q`/`c`→`k`, `z`→`s`, doubled letters once)
//! then a vowel-insensitive skeleton (`Hussain`/`Hussein`/`Hossain` → `hsn`), and a table of well-known
//! variant groups the rules cannot join (`Mohammed`/`Muhammad`/`Mohd`/`Md`, `Diallo`/`Jallow`,
//! `Oleksandr`/`Alexander`...). See the `phonetic` module for the rules and the table.
//!
//! **Comparison** ([`Model::compare`]). Each field is compared into a level ([`Outcome`]):
//! names order-insensitively (the tokens of one side assigned one-to-one to the other's: exact, known
//! variant or same key, close spelling (Jaro–Winkler ≥ 0.88), an extra middle name, disagree), read both as
//! recorded and with given name and surname swapped (a swap costs `name_order`/`swapped`); dates of birth
//! as exact, compatible with a placeholder (1 January, the first of a month, unknown parts), day and
//! month swapped, one typing slip, year one apart, disagree; sex, nationality (ISO code or name),
//! place of birth (close spelling), codice fiscale, documents (any number shared), phone (national
//! digits), address (street, else locality or postcode).
//!
//! **Weights** (Fellegi–Sunter). Every level has m (how often it is seen between two records of the
//! same person) and u (between two different persons); its weight is log2(m/u) bits, a missing field
//! weighs 0, and a pair's weight is the sum ([`Comparison::evidence`] lists every field with its level
//! and weight). Exact and variant name agreement is adjusted by how common the name is
//! ([`NameFrequencies`]: agreeing on Singh says less than agreeing on a rare name): the weight moves by
//! log2(u / share of records with this name), the share smoothed towards u as if 2,000 average records had
//! been seen, the move kept within −8..+4 bits. [`dedup`] counts the frequencies in its input; the
//! [`Index`] keeps them as records come and go.
//!
//! [`Model::default`] holds documented m and u (in `model.rs`): u from what random pairs of persons share
//! (a date of birth one in 5,000, a surname one in 250 before frequency adjustment, a nationality one in
//! seven in the migrant populations the networks meet), m from how often records of one person differ
//! (spelling variants are frequent, a disagreeing date or nationality rare), checked against the FEBRL
//! sets and a generated set of migrant names with known truth. [`Model::estimate`] re-estimates u from
//! random pairs and m by expectation–maximisation on the blocked pairs (see `estimate.rs`); on the sets
//! measured, the defaults scored better, so `soleil dedup` uses them unless `--estimate` is given.
//!
//! **Thresholds.** [`Model::is_match`]: weight ≥ 16 bits (e.g. same or variant names, a compatible date
//! and nationality; the same common name alone is not enough). [`Model::is_possible`]: weight ≥ 8 bits,
//! worth a person's look. The more records, the more namesakes each record meets by chance: the prior odds
//! that a pair is the same person fall as 1/N. [`dedup`] therefore raises the match threshold by
//! log2(N / 10,000) bits above 10,000 records (about 6.6 bits for a million).
//!
//! **Blocking** (`blocking.rs`). Only pairs sharing a key are compared: a name token's phonetic key with
//! the birth year; a name token's first letter with the full date (day and month in either order); a
//! surname token with a given-name token; codice fiscale; each document number; phone. Blocks over 100
//! records are searched as sorted neighbourhoods (each record with its 10 neighbours in name order), so a
//! million records stay within tens of millions of comparisons; the index leaves the largest blocks out
//! when smaller ones give enough candidates.
//!
//! **Clustering** (`cluster.rs`). Matching pairs are taken strongest first; two clusters merge only when
//! the average weight over all pairs across them reaches the match threshold (or, for clusters too large to
//! average, when the link is very strong). This avoids the chains of connected components, where A~B and
//! B~C put A and C together although they disagree.

mod blocking;
mod cluster;
mod compare;
mod countries;
mod dedup;
mod estimate;
mod evidence;
mod index;
mod model;
mod normalise;
mod phonetic;
mod prepare;
mod record;
mod similarity;

pub use dedup::{DedupReport, ModelChoice, Pair, dedup, dedup_prepared, dedup_report, possible_pairs};
pub use evidence::{Comparison, Evidence, Field, Outcome};
pub use index::Index;
pub use model::{Level, Model, NameFrequencies};
pub use prepare::Prepared;
pub use record::{BirthDate, Record, Sex};

/// A stable 64-bit hash (FxHash) for keys kept in maps.
pub(crate) fn hash_of<T: std::hash::Hash + ?Sized>(value: &T) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(value)
}
