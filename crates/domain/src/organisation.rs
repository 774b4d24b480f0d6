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
    /// Street and comune where people are received.
    pub address: Option<String>,
    pub phone: Option<String>,
    pub opening_hours: Option<String>,
    /// Shown, with the three fields above, on the public "know your rights"
    /// page; the network's other data about it never is.
    pub public_listing: bool,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// How people can reach an organisation: what the public page may show.
/// Every field is optional; nothing is public until `public_listing`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PublicContacts {
    pub address: Option<String>,
    pub phone: Option<String>,
    pub opening_hours: Option<String>,
    pub public_listing: bool,
}

/// The longest phone number accepted, as typed with spaces.
const PHONE_CHARS: usize = 40;

impl PublicContacts {
    /// Checks contacts as typed: blank is absent, a phone must look like
    /// one, and a listing needs a way to reach the organisation — a listed
    /// desk without an address or a phone would send people nowhere.
    pub fn parse(
        address: Option<&str>,
        phone: Option<&str>,
        opening_hours: Option<&str>,
        public_listing: bool,
    ) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        let address = invalid.optional_text("address", address, SHORT_TEXT);
        let phone = invalid.optional_text("phone", phone, PHONE_CHARS);
        if phone.as_deref().is_some_and(|p| !plausible_phone(p)) {
            invalid.add("phone", "invalid_phone");
        }
        let opening_hours = invalid.optional_text("opening_hours", opening_hours, SHORT_TEXT);
        if public_listing && address.is_none() && phone.is_none() {
            invalid.add("public_listing", "public_contact_required");
        }
        invalid.into_result(Self {
            address,
            phone,
            opening_hours,
            public_listing,
        })
    }
}

/// Digits with the usual separators, and enough digits to dial.
pub(crate) fn plausible_phone(phone: &str) -> bool {
    phone.chars().all(|c| c.is_ascii_digit() || " +-()./".contains(c))
        && phone.chars().filter(char::is_ascii_digit).count() >= 6
}

/// An organisation as the public page shows it: only what it may show, so
/// nothing else can slip onto the page by mistake.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct ListedOrganisation {
    pub name: String,
    pub kind: OrganisationKind,
    pub region: RegionCode,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub opening_hours: Option<String>,
}

/// A parsed request to register an organisation.
#[derive(Debug, Clone)]
pub struct NewOrganisation {
    pub name: String,
    pub kind: OrganisationKind,
    pub region: RegionCode,
    pub contacts: PublicContacts,
}

impl NewOrganisation {
    /// An organisation without public contacts (add them with
    /// [`Self::with_contacts`]).
    pub fn parse(name: &str, kind: OrganisationKind, region: RegionCode) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        let name = invalid.text("name", name, SHORT_TEXT);
        invalid.into_result(Self {
            name,
            kind,
            region,
            contacts: PublicContacts::default(),
        })
    }

    pub fn with_contacts(self, contacts: PublicContacts) -> Self {
        Self { contacts, ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_are_optional_but_a_listing_needs_one() {
        assert_eq!(
            PublicContacts::parse(Some(" "), None, None, false),
            Ok(PublicContacts::default())
        );
        let refused = PublicContacts::parse(None, None, Some("lun-ven 9-13"), true);
        assert_eq!(
            refused.map_err(|e| e.errors[0].code.clone()),
            Err("public_contact_required".to_owned())
        );
        let listed = PublicContacts::parse(None, Some("06 0000 0101"), None, true);
        assert_eq!(listed.map(|c| c.phone), Ok(Some("06 0000 0101".to_owned())));
    }

    #[test]
    fn a_phone_must_look_like_one() {
        let refused = PublicContacts::parse(None, Some("call us"), None, false);
        assert_eq!(
            refused.map_err(|e| e.errors[0].code.clone()),
            Err("invalid_phone".to_owned())
        );
    }
}
