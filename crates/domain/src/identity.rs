//! One person, one record: the possible duplicates the matching engine finds
//! and the merges the secretariat decides. The engine itself is the crate
//! `soleil-matching`; these are the records SOLEIL keeps of its findings.

use chrono::{DateTime, Utc};

use crate::person::PersonId;
use crate::region::RegionCode;
use crate::user::UserId;

crate::id_type!(
    /// Identifies a possible duplicate.
    PairId
);
crate::id_type!(
    /// Identifies a merge.
    MergeId
);

crate::text_enum! {
    /// Where a possible duplicate stands.
    PairStatus { Open, Merged, Distinct }
}

/// Two person records that may be one person. `person_a` sorts before
/// `person_b`, so a pair is stored once whichever side was found first.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Pair {
    pub id: PairId,
    pub person_a: PersonId,
    pub person_b: PersonId,
    pub region_a: RegionCode,
    pub region_b: RegionCode,
    /// The engine's match weight, in bits.
    pub score: f64,
    /// The engine's explanation, as JSON.
    pub evidence: String,
    pub status: PairStatus,
    pub found_by: UserId,
    pub found_at: DateTime<Utc>,
}

impl Pair {
    /// A new open pair; the two persons are put in the stored order.
    pub fn open(
        one: (PersonId, RegionCode),
        other: (PersonId, RegionCode),
        score: f64,
        evidence: String,
        found_by: UserId,
    ) -> Self {
        let ((person_a, region_a), (person_b, region_b)) = if one.0 < other.0 {
            (one, other)
        } else {
            (other, one)
        };
        Self {
            id: PairId::new(),
            person_a,
            person_b,
            region_a,
            region_b,
            score,
            evidence,
            status: PairStatus::Open,
            found_by,
            found_at: Utc::now(),
        }
    }

    pub fn involves(&self, person: PersonId) -> bool {
        self.person_a == person || self.person_b == person
    }

    pub fn is_cross_region(&self) -> bool {
        self.region_a != self.region_b
    }
}

/// Two records made one: the merged person's rows moved to the survivor.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Merge {
    pub id: MergeId,
    pub pair_id: Option<PairId>,
    pub survivor_id: PersonId,
    pub merged_id: PersonId,
    pub survivor_region: RegionCode,
    pub merged_region: RegionCode,
    pub merged_by: UserId,
    pub merged_at: DateTime<Utc>,
    pub undone_by: Option<UserId>,
    pub undone_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_is_stored_in_one_order_whichever_side_came_first() {
        let (first, second) = (PersonId::new(), PersonId::new());
        let region = RegionCode::Laz;
        let found_by = UserId::new();
        let one = Pair::open((first, region), (second, region), 20.0, String::new(), found_by);
        let other = Pair::open((second, region), (first, region), 20.0, String::new(), found_by);
        assert_eq!((one.person_a, one.person_b), (other.person_a, other.person_b));
        assert!(one.involves(second) && !one.is_cross_region());
    }
}
