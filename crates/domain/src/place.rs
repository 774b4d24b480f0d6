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
}
