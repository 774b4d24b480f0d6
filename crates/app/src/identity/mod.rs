//! One person, one record: the application side of the matching engine
//! (`soleil_matching`). The intake check ([`check`]) warns the operator of
//! persons already recorded who may be the same one and tells the
//! secretariat through open pairs; the secretariat reviews the pairs
//! ([`pairs`]), merges them or marks them distinct, and may undo a merge
//! ([`merge`]).

mod check;
mod index;
mod merge;
mod pairs;
mod record;

pub use check::{MatchReport, PossibleMatch};
pub use merge::MergeSummary;
pub use pairs::{PairSide, PairSummary, PairView, SweepReport};
pub use record::FieldEvidence;
pub use soleil_domain::identity::{Merge, MergeId, PairId, PairStatus};

pub(crate) use check::open_pairs;
pub(crate) use index::PersonIndex;
