//! Emergency places (posti in accoglienza): the beds that facilities declare,
//! and their allocation to a case by the regional secretariat.

use chrono::{DateTime, NaiveDate, Utc};

use crate::case::CaseId;
use crate::organisation::{OrganisationId, OrganisationKind};
use crate::region::RegionCode;
use crate::user::UserId;
use crate::validation::{Invalid, SHORT_TEXT};

crate::id_type!(PlaceId);
crate::id_type!(PlaceAllocationId);

crate::text_enum! {
    /// Who a place is for.
    PlaceKind { Men, Women, Families, Minors }
}

/// Whether an organisation of this kind may declare places: the
/// anti-trafficking system, reception, the social emergency service, the
/// third sector and the municipalities.
pub fn is_facility(kind: OrganisationKind) -> bool {
    matches!(
        kind,
        OrganisationKind::ReceptionCentre
            | OrganisationKind::AntiTrafficking
            | OrganisationKind::ThirdSector
            | OrganisationKind::SocialServices
            | OrganisationKind::Municipality
    )
}

/// One place (a bed) of a facility.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Place {
    pub id: PlaceId,
    pub organisation_id: OrganisationId,
    pub region: RegionCode,
    pub kind: PlaceKind,
    /// Without architectural barriers.
    pub accessible: bool,
    /// How the facility names it, e.g. "Letto 3".
    pub label: String,
    /// A place withdrawn by its facility is no longer offered.
    pub active: bool,
    pub created_at: DateTime<Utc>,
}

/// One allocation of a place to a case; released when `released_at` is set.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct PlaceAllocation {
    pub id: PlaceAllocationId,
    pub place_id: PlaceId,
    pub case_id: CaseId,
    pub from_date: NaiveDate,
    pub until_date: Option<NaiveDate>,
    pub allocated_by: UserId,
    pub allocated_at: DateTime<Utc>,
    pub released_at: Option<DateTime<Utc>>,
    pub released_by: Option<UserId>,
    pub release_reason: Option<String>,
}

impl PlaceAllocation {
    pub fn is_active(&self) -> bool {
        self.released_at.is_none()
    }
}

/// A request to declare a place.
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct PlaceInput {
    /// The facility: an organisation that may declare places.
    pub organisation_id: OrganisationId,
    pub kind: PlaceKind,
    #[serde(default)]
    pub accessible: bool,
    /// e.g. "Letto 3".
    pub label: String,
}

impl PlaceInput {
    /// The label, trimmed and checked.
    pub fn parse_label(&self) -> Result<String, Invalid> {
        let mut invalid = Invalid::new();
        let label = invalid.text("label", &self.label, SHORT_TEXT);
        invalid.into_result(label)
    }
}

/// The most places one declaration creates: a larger facility declares again.
pub const MAX_PLACES_AT_ONCE: u32 = 50;

/// What numbered places are called when the facility names none.
pub const DEFAULT_PLACE_LABEL: &str = "Letto";

/// A request to declare several places of one kind at once, e.g. five beds
/// for women.
#[derive(Debug, Clone)]
pub struct PlacesInput {
    pub organisation_id: OrganisationId,
    pub kind: PlaceKind,
    pub accessible: bool,
    /// How many, from 1 to [`MAX_PLACES_AT_ONCE`].
    pub count: u32,
    /// One place's own label, or the name several are numbered after.
    pub label: Option<String>,
}

impl PlacesInput {
    /// The labels of the places to create, given the labels the facility
    /// uses already. One place with a label takes it as typed; otherwise
    /// the places are numbered after the label ("Letto" when none), with
    /// the first numbers that are still free, so declaring five more beds
    /// after "Letto 1".."Letto 5" gives "Letto 6".."Letto 10".
    pub fn labels(&self, taken: &[String]) -> Result<Vec<String>, Invalid> {
        let mut invalid = Invalid::new();
        let label = invalid.optional_text("label", self.label.as_deref(), SHORT_TEXT);
        if !(1..=MAX_PLACES_AT_ONCE).contains(&self.count) {
            invalid.add("count", "place_count_out_of_range");
        }
        let labels = match label {
            Some(label) if self.count == 1 => {
                if taken.contains(&label) {
                    invalid.add("label", "label_taken");
                }
                vec![label]
            }
            label => {
                let base = label.unwrap_or_else(|| DEFAULT_PLACE_LABEL.to_owned());
                (1..)
                    .map(|n| format!("{base} {n}"))
                    .filter(|candidate| !taken.contains(candidate))
                    .take(self.count.min(MAX_PLACES_AT_ONCE) as usize)
                    .collect()
            }
        };
        // A label just short enough can outgrow the limit once numbered.
        let label_refused = invalid.errors.iter().any(|e| e.field == "label");
        if !label_refused && labels.iter().any(|l| l.chars().count() > SHORT_TEXT) {
            invalid.add("label", "too_long");
        }
        invalid.into_result(labels)
    }
}

/// Why an allocation that reached its last night ended, as the automatic
/// job records it.
pub const PERIOD_ENDED: &str = "period ended";

/// A request to allocate a place to a case.
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct AllocationInput {
    pub place_id: PlaceId,
    /// First night, YYYY-MM-DD.
    pub from: NaiveDate,
    /// Last night, if known.
    pub until: Option<NaiveDate>,
}

impl AllocationInput {
    /// An end before the start is refused.
    pub fn check(&self) -> Result<(), Invalid> {
        match self.until {
            Some(until) if until < self.from => Err(Invalid::single("until", "until_before_from")),
            _ => Ok(()),
        }
    }
}

/// Why an allocation ends.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct ReleaseInput {
    pub reason: Option<String>,
}

/// Moving a case to another place: the allocation in force ends and a new one starts.
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct TransferInput {
    pub place_id: PlaceId,
    /// First night at the new place; today when absent.
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub reason: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_allocation_cannot_end_before_it_starts() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default();
        let input = |until| AllocationInput {
            place_id: PlaceId::new(),
            from: day(10),
            until,
        };
        assert!(input(None).check().is_ok());
        assert!(input(Some(day(10))).check().is_ok());
        assert!(input(Some(day(9))).check().is_err());
        assert!(is_facility(OrganisationKind::AntiTrafficking));
        assert!(!is_facility(OrganisationKind::Union));
    }

    fn batch(count: u32, label: Option<&str>) -> PlacesInput {
        PlacesInput {
            organisation_id: OrganisationId::new(),
            kind: PlaceKind::Women,
            accessible: false,
            count,
            label: label.map(str::to_owned),
        }
    }

    #[test]
    fn several_places_are_numbered_after_the_ones_in_use() {
        let taken = vec!["Letto 1".to_owned(), "Letto 3".to_owned()];
        assert_eq!(
            batch(3, None).labels(&taken).unwrap_or_default(),
            ["Letto 2", "Letto 4", "Letto 5"]
        );
        assert_eq!(
            batch(2, Some(" Stanza ")).labels(&[]).unwrap_or_default(),
            ["Stanza 1", "Stanza 2"]
        );
        assert_eq!(
            batch(1, Some("Culla")).labels(&taken).unwrap_or_default(),
            ["Culla"]
        );
        assert_eq!(batch(1, None).labels(&taken).unwrap_or_default(), ["Letto 2"]);
    }

    #[test]
    fn a_declaration_is_bounded_and_a_label_is_not_reused() {
        let taken = vec!["Culla".to_owned()];
        let codes = |input: PlacesInput| -> Vec<(String, String)> {
            input
                .labels(&taken)
                .err()
                .map(|i| i.errors.into_iter().map(|e| (e.field, e.code)).collect())
                .unwrap_or_default()
        };
        let out_of_range = ("count".to_owned(), "place_count_out_of_range".to_owned());
        assert_eq!(codes(batch(0, None)), std::slice::from_ref(&out_of_range));
        assert_eq!(codes(batch(MAX_PLACES_AT_ONCE + 1, None)), [out_of_range]);
        assert!(codes(batch(MAX_PLACES_AT_ONCE, None)).is_empty());
        assert_eq!(
            codes(batch(1, Some("Culla"))),
            [("label".to_owned(), "label_taken".to_owned())]
        );
    }
}
