//! Network actors (enti / soggetti della rete).

use crate::region::RegionCode;
use crate::validation::{Invalid, SHORT_TEXT};

crate::id_type!(OrganisationId);

crate::text_enum! {
    /// What an organisation is in the network; decides nothing by itself,
    /// but tells users and reports who is who.
    OrganisationKind {
        Desk,
        MobileUnit,
        Secretariat,
        JobCentre,
        SocialServices,
        HealthAuthority,
        Inspectorate,
        Union,
        ReceptionCentre,
        AntiTrafficking,
        ThirdSector,
        TrainingBody,
        Employer,
        Municipality,
        Helpline,
        TerritorialCommission,
        Court,
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Organisation {
    pub id: OrganisationId,
    pub name: String,
    pub kind: OrganisationKind,
    pub region: RegionCode,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// A parsed request to register an organisation.
#[derive(Debug, Clone)]
pub struct NewOrganisation {
    pub name: String,
    pub kind: OrganisationKind,
    pub region: RegionCode,
}

impl NewOrganisation {
    pub fn parse(name: &str, kind: OrganisationKind, region: RegionCode) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        let name = invalid.text("name", name, SHORT_TEXT);
        invalid.into_result(Self { name, kind, region })
    }
}
