//! The services directory in the Open Referral Human Services Data
//! Specification, version 3 (HSDS): organizations, each with its services,
//! each service with its locations (`service_at_locations`), phones,
//! languages and weekly schedules.
//!
//! What HSDS has no field for — need areas, the kind of a location, the
//! comune's ISTAT code, an organisation's kind and region — travels as HSDS
//! `attributes` of a small SOLEIL taxonomy ([`Term`]). HSDS wants an id on
//! every record; those our model has no id for (a phone, an address, a
//! schedule) get a UUIDv5 derived from their owner's id, so exporting the
//! same directory twice gives the same JSON, and so does export → import →
//! export.
//!
//! Times are Italian civil time (Europe/Rome), written `HH:MM` without an
//! offset, because the offset changes with daylight saving.

use chrono::{DateTime, NaiveTime, SecondsFormat, Utc};
use soleil_domain::directory::{
    LocationId, LocationInput, LocationKind, OpeningHours, Service, ServiceId, ServiceInput, Weekday,
    language_code,
};
use soleil_domain::plan::NeedArea;
use soleil_domain::{Organisation, OrganisationId};
use uuid::Uuid;

use super::import::{ImportRow, OrganisationRef, RowError, RowOrigin};
use super::sheet;

/// The taxonomy name our attributes carry.
pub const TAXONOMY: &str = "SOLEIL";

/// Root of the derived ids; never change it, or every export's ids change.
const NAMESPACE: Uuid = uuid::uuid!("0eefb0ba-bf05-4b15-afba-5380fe71876b");

/// An id derived from its owner's, stable across exports.
fn derived_id(owner: Uuid, what: &str) -> String {
    Uuid::new_v5(&owner, what.as_bytes()).to_string()
}

/// The terms of the SOLEIL taxonomy: each names a fact, and an attribute's
/// `value` gives it (`need_area` = `work`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    NeedArea,
    LocationKind,
    IstatComune,
    OrganisationKind,
    Region,
}

impl Term {
    pub fn code(self) -> &'static str {
        match self {
            Self::NeedArea => "need_area",
            Self::LocationKind => "location_kind",
            Self::IstatComune => "istat_comune",
            Self::OrganisationKind => "organisation_kind",
            Self::Region => "region",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::NeedArea => "Need area",
            Self::LocationKind => "Kind of location",
            Self::IstatComune => "ISTAT code of the comune",
            Self::OrganisationKind => "Kind of organisation",
            Self::Region => "Region of the network",
        }
    }

    fn description(self) -> &'static str {
        match self {
            Self::NeedArea => {
                "A need the service meets: training, work, housing, health, legal_aid, union_aid, \
                 social_support, documents or language."
            }
            Self::LocationKind => {
                "desk, one_stop_shop, mobile_unit_stop, shelter (address for the network only) or office."
            }
            Self::IstatComune => "The six-digit ISTAT code of the comune the location is in.",
            Self::OrganisationKind => "What the organisation is in the network (desk, union, job_centre, …).",
            Self::Region => "The SOLEIL region: laz, tos, abr, mar or mol.",
        }
    }

    pub fn id(self) -> Uuid {
        Uuid::new_v5(&NAMESPACE, self.code().as_bytes())
    }

    fn attribute(self, link_entity: &str, link_id: Uuid, value: &str) -> Attribute {
        Attribute {
            id: derived_id(link_id, &format!("{}:{value}", self.code())),
            link_id: Some(link_id.to_string()),
            link_type: Some(self.code().to_owned()),
            link_entity: Some(link_entity.to_owned()),
            taxonomy_term_id: Some(self.id().to_string()),
            value: Some(value.to_owned()),
            taxonomy_term: Some(TaxonomyTerm {
                id: self.id().to_string(),
                code: Some(self.code().to_owned()),
                name: self.name().to_owned(),
                description: self.description().to_owned(),
                taxonomy: Some(TAXONOMY.to_owned()),
            }),
        }
    }

    /// Whether an attribute read from a file is of this term: by the term's
    /// id, or by its code in the SOLEIL taxonomy.
    fn matches(self, attribute: &Attribute) -> bool {
        attribute.taxonomy_term_id.as_deref() == Some(&self.id().to_string())
            || attribute.taxonomy_term.as_ref().is_some_and(|term| {
                term.taxonomy.as_deref() == Some(TAXONOMY) && term.code.as_deref() == Some(self.code())
            })
    }

    fn values(self, attributes: &[Attribute]) -> impl Iterator<Item = &str> {
        attributes
            .iter()
            .filter(move |a| self.matches(a))
            .filter_map(|a| a.value.as_deref().map(str::trim))
    }
}

// The HSDS records we write and read. Absent and empty fields are left out;
// reading tolerates every field HSDS allows and ignores those we do not use.

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    /// Locations a service may point at by `location_id` (we nest ours).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<HsdsLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute>,
    pub services: Vec<HsdsService>,
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct HsdsService {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eligibility_description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    /// Schedules of the service as a whole; read, never written (ours
    /// belong to a location).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub schedules: Vec<Schedule>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Language>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub service_at_locations: Vec<ServiceAtLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute>,
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ServiceAtLocation {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location_id: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub schedules: Vec<Schedule>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<HsdsLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct HsdsLocation {
    pub id: String,
    pub location_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<Address>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub accessibility: Vec<Accessibility>,
    /// Read when the service_at_location has none; never written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub schedules: Vec<Schedule>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute>,
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Address {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location_id: Option<String>,
    pub address_1: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_2: Option<String>,
    pub city: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub state_province: String,
    pub postal_code: String,
    pub country: String,
    pub address_type: String,
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Accessibility {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Schedule {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_at_location_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freq: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wkst: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byday: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opens_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closes_at: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Phone {
    pub id: String,
    pub number: String,
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Language {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Attribute {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_entity: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taxonomy_term_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taxonomy_term: Option<TaxonomyTerm>,
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct TaxonomyTerm {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub name: String,
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taxonomy: Option<String>,
}

// ---------------------------------------------------------------- export

/// The directory as a JSON array of HSDS organizations with their services.
pub fn export(directory: &[(Organisation, Vec<Service>)]) -> serde_json::Value {
    let organizations: Vec<Organization> = directory
        .iter()
        .map(|(organisation, services)| organization(organisation, services))
        .collect();
    serde_json::to_value(organizations).unwrap_or_default()
}

pub fn organization(organisation: &Organisation, services: &[Service]) -> Organization {
    let id = organisation.id.0;
    Organization {
        id: id.to_string(),
        name: organisation.name.clone(),
        description: format!(
            "SOLEIL network, {}: {}",
            organisation.region.name(),
            organisation.kind
        ),
        phones: organisation
            .phone
            .iter()
            .map(|number| phone(id, number))
            .collect(),
        locations: Vec::new(),
        attributes: vec![
            Term::OrganisationKind.attribute("organization", id, organisation.kind.as_str()),
            Term::Region.attribute("organization", id, organisation.region.as_str()),
        ],
        services: services.iter().map(service).collect(),
    }
}

pub fn service(service: &Service) -> HsdsService {
    let id = service.id.0;
    HsdsService {
        id: id.to_string(),
        organization_id: Some(service.organisation_id.to_string()),
        name: service.name.clone(),
        description: Some(service.description.clone()),
        url: service.url.clone(),
        email: service.email.clone(),
        status: if service.active { "active" } else { "inactive" }.to_owned(),
        eligibility_description: service.eligibility.clone(),
        last_modified: Some(service.updated_at.to_rfc3339_opts(SecondsFormat::Secs, true)),
        phones: service.phone.iter().map(|number| phone(id, number)).collect(),
        schedules: Vec::new(),
        languages: service
            .languages
            .iter()
            .map(|code| Language {
                id: derived_id(id, &format!("language:{code}")),
                name: sheet::language_name(code).map(str::to_owned),
                code: Some(code.clone()),
            })
            .collect(),
        service_at_locations: service
            .locations
            .iter()
            .map(|location| {
                let location_id = location.id.0;
                let link_id = derived_id(location_id, "service_at_location");
                ServiceAtLocation {
                    schedules: schedules(location_id, &link_id, &location.hours),
                    id: link_id,
                    service_id: Some(id.to_string()),
                    location_id: Some(location_id.to_string()),
                    location: Some(hsds_location(location)),
                }
            })
            .collect(),
        attributes: service
            .need_areas
            .iter()
            .map(|area| Term::NeedArea.attribute("service", id, area.as_str()))
            .collect(),
    }
}

fn phone(owner: Uuid, number: &str) -> Phone {
    Phone {
        id: derived_id(owner, "phone"),
        number: number.to_owned(),
    }
}

fn hsds_location(location: &soleil_domain::directory::Location) -> HsdsLocation {
    let id = location.id.0;
    let comune = soleil_reference::comune(&location.comune);
    HsdsLocation {
        id: id.to_string(),
        location_type: "physical".to_owned(),
        name: Some(location.name.clone()),
        latitude: location.position.map(|p| p.latitude),
        longitude: location.position.map(|p| p.longitude),
        addresses: vec![Address {
            id: derived_id(id, "address"),
            location_id: Some(id.to_string()),
            address_1: location.street.clone(),
            address_2: None,
            city: comune.map_or_else(|| location.comune.clone(), |c| c.name.to_owned()),
            region: comune.map(|c| c.region_name.to_owned()),
            state_province: comune
                .map(|c| c.province_abbreviation.to_owned())
                .unwrap_or_default(),
            // HSDS requires the field; an unknown postcode is empty.
            postal_code: location.postcode.clone().unwrap_or_default(),
            country: "IT".to_owned(),
            address_type: "physical".to_owned(),
        }],
        accessibility: location
            .accessibility
            .iter()
            .map(|description| Accessibility {
                id: derived_id(id, "accessibility"),
                location_id: Some(id.to_string()),
                description: Some(description.clone()),
            })
            .collect(),
        schedules: Vec::new(),
        attributes: vec![
            Term::LocationKind.attribute("location", id, location.kind.as_str()),
            Term::IstatComune.attribute("location", id, &location.comune),
        ],
    }
}

/// One weekly schedule per opening interval, with every day that has it:
/// "MO,TU,WE 09:00–13:00".
fn schedules(location: Uuid, link_id: &str, hours: &[OpeningHours]) -> Vec<Schedule> {
    let mut intervals: Vec<(NaiveTime, NaiveTime, Vec<Weekday>)> = Vec::new();
    for h in hours {
        match intervals
            .iter_mut()
            .find(|(o, c, _)| (*o, *c) == (h.opens, h.closes))
        {
            Some((_, _, days)) => days.push(h.day),
            None => intervals.push((h.opens, h.closes, vec![h.day])),
        }
    }
    intervals
        .into_iter()
        .map(|(opens, closes, days)| {
            let (opens, closes) = (clock(opens), clock(closes));
            Schedule {
                id: derived_id(location, &format!("schedule:{opens}-{closes}")),
                service_at_location_id: Some(link_id.to_owned()),
                freq: Some("WEEKLY".to_owned()),
                wkst: Some("MO".to_owned()),
                byday: Some(days.iter().map(|d| d.ical()).collect::<Vec<_>>().join(",")),
                opens_at: Some(opens),
                closes_at: Some(closes),
            }
        })
        .collect()
}

/// `09:00`, or `09:00:30` when the seconds matter.
fn clock(time: NaiveTime) -> String {
    use chrono::Timelike;
    if time.second() == 0 {
        time.format("%H:%M").to_string()
    } else {
        time.format("%H:%M:%S").to_string()
    }
}

// ---------------------------------------------------------------- import

/// Reads an HSDS document: an array of organizations with their services,
/// one organization, or an array of services that name their
/// `organization_id`. Each service becomes one row; a document that is not
/// one of those shapes is refused whole, with serde's words for why.
pub fn read(bytes: &[u8]) -> Result<Vec<ImportRow>, RowError> {
    let unreadable =
        |e: serde_json::Error| RowError::new(None, "file", "unreadable_file").with_detail(&e.to_string());
    let document: serde_json::Value = serde_json::from_slice(bytes).map_err(unreadable)?;
    let is_service =
        |v: &serde_json::Value| v.get("organization_id").is_some() && v.get("services").is_none();
    let rows = match document {
        serde_json::Value::Array(items) if !items.is_empty() && items.iter().all(is_service) => {
            let services: Vec<HsdsService> =
                serde_json::from_value(serde_json::Value::Array(items)).map_err(unreadable)?;
            services
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let label = format!("service {}: {}", i + 1, s.name.trim());
                    let organisation = OrganisationRef {
                        id: s.organization_id.as_deref().and_then(|id| id.trim().parse().ok()),
                        name: None,
                    };
                    service_row(label, organisation, s, &[])
                })
                .collect()
        }
        serde_json::Value::Array(items) => {
            let organizations: Vec<Organization> =
                serde_json::from_value(serde_json::Value::Array(items)).map_err(unreadable)?;
            organization_rows(&organizations)
        }
        object @ serde_json::Value::Object(_) => {
            let organization: Organization = serde_json::from_value(object).map_err(unreadable)?;
            organization_rows(&[organization])
        }
        _ => return Err(RowError::new(None, "file", "unreadable_file")),
    };
    Ok(rows)
}

fn organization_rows(organizations: &[Organization]) -> Vec<ImportRow> {
    let mut rows = Vec::new();
    for (o, organization) in organizations.iter().enumerate() {
        let organisation = OrganisationRef {
            id: organization.id.trim().parse().ok(),
            name: Some(organization.name.trim().to_owned()).filter(|n| !n.is_empty()),
        };
        for (s, service) in organization.services.iter().enumerate() {
            let label = format!(
                "organization {} / service {}: {}",
                o + 1,
                s + 1,
                service.name.trim()
            );
            rows.push(service_row(
                label,
                organisation.clone(),
                service,
                &organization.locations,
            ));
        }
    }
    rows
}

/// One HSDS service as an import row; `shared` are the organization's
/// locations, which a service_at_location may name by `location_id`.
fn service_row(
    label: String,
    organisation: OrganisationRef,
    service: &HsdsService,
    shared: &[HsdsLocation],
) -> ImportRow {
    let mut problems = Vec::new();
    let problem = |problems: &mut Vec<RowError>, field: &str, code: &str, detail: &str| {
        problems.push(RowError::new(None, field, code).with_detail(detail));
    };
    let service_id = match service.id.trim() {
        "" => None,
        id => id.parse::<ServiceId>().map_or_else(
            |_| {
                problem(&mut problems, "id", "invalid_id", id);
                None
            },
            Some,
        ),
    };
    let last_modified = service.last_modified.as_deref().and_then(|text| {
        DateTime::parse_from_rfc3339(text.trim())
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| problem(&mut problems, "last_modified", "invalid_date", text))
            .ok()
    });
    let active = match service.status.trim() {
        "" | "active" => true,
        "inactive" | "defunct" | "temporarily closed" => false,
        other => {
            problem(&mut problems, "status", "invalid_choice", other);
            true
        }
    };
    let mut languages = Vec::new();
    for (i, language) in service.languages.iter().enumerate() {
        let code = language.code.as_deref().and_then(language_code);
        match code.or_else(|| language.name.as_deref().and_then(sheet::language_from_word)) {
            Some(code) => languages.push(code),
            None => problem(
                &mut problems,
                &format!("languages[{i}]"),
                "unknown_language",
                language
                    .code
                    .as_deref()
                    .or(language.name.as_deref())
                    .unwrap_or_default(),
            ),
        }
    }
    let mut need_areas = Vec::new();
    for value in Term::NeedArea.values(&service.attributes) {
        match value.parse::<NeedArea>() {
            Ok(area) => need_areas.push(area),
            Err(_) => problem(&mut problems, "attributes", "unknown_need_area", value),
        }
    }
    let mut locations = Vec::new();
    for (i, link) in service.service_at_locations.iter().enumerate() {
        let field = format!("service_at_locations[{i}]");
        let location = link.location.as_ref().or_else(|| {
            let id = link.location_id.as_deref()?;
            shared.iter().find(|l| l.id == id)
        });
        let Some(location) = location else {
            problem(&mut problems, &format!("{field}.location"), "required", "");
            continue;
        };
        let hours = [&link.schedules, &location.schedules, &service.schedules]
            .into_iter()
            .find(|s| !s.is_empty())
            .map(|s| opening_hours(s, &format!("{field}.schedules"), &mut problems))
            .unwrap_or_default();
        locations.push(location_input(location, &field, hours, &mut problems));
    }
    let input = ServiceInput {
        organisation_id: OrganisationId(Uuid::nil()),
        name: service.name.clone(),
        description: service.description.clone().unwrap_or_default(),
        need_areas,
        eligibility: service.eligibility_description.clone(),
        languages,
        email: service.email.clone(),
        phone: service.phones.first().map(|p| p.number.clone()),
        url: service.url.clone(),
        active,
        locations,
    };
    ImportRow {
        label,
        origin: RowOrigin::Hsds,
        organisation,
        service_id,
        last_modified,
        input,
        problems,
    }
}

fn location_input(
    location: &HsdsLocation,
    field: &str,
    hours: Vec<OpeningHours>,
    problems: &mut Vec<RowError>,
) -> LocationInput {
    let field = format!("{field}.location");
    let mut problem = |name: &str, code: &str, detail: &str| {
        problems.push(RowError::new(None, &format!("{field}.{name}"), code).with_detail(detail));
    };
    let id = match location.id.trim() {
        "" => None,
        id => id
            .parse::<LocationId>()
            .map_err(|_| problem("id", "invalid_id", id))
            .ok(),
    };
    let kind = match Term::LocationKind.values(&location.attributes).next() {
        // Other directories do not say; "any other office" claims least.
        None => LocationKind::Office,
        Some(value) => value.parse().unwrap_or_else(|_| {
            problem("attributes", "unknown_location_kind", value);
            LocationKind::Office
        }),
    };
    let address = location
        .addresses
        .iter()
        .find(|a| a.address_type == "physical")
        .or(location.addresses.first());
    let street = address.map(|a| match a.address_2.as_deref().map(str::trim) {
        Some(more) if !more.is_empty() => format!("{}, {more}", a.address_1.trim()),
        _ => a.address_1.clone(),
    });
    let comune = match Term::IstatComune.values(&location.attributes).next() {
        Some(code) => code.to_owned(),
        None => match address {
            Some(a) => sheet::find_comune(&a.city, Some(a.state_province.as_str())).unwrap_or_else(
                |(code, detail)| {
                    problem("addresses[0].city", code, &detail);
                    String::new()
                },
            ),
            None => String::new(),
        },
    };
    LocationInput {
        id,
        kind,
        name: location.name.clone().unwrap_or_default(),
        street: street.unwrap_or_default(),
        postcode: address.map(|a| a.postal_code.clone()),
        comune,
        latitude: location.latitude,
        longitude: location.longitude,
        accessibility: location.accessibility.iter().find_map(|a| a.description.clone()),
        hours,
    }
}

/// Weekly schedules as opening hours; anything else HSDS can say (monthly,
/// a date range, words only) is refused, as SOLEIL could not show it right.
fn opening_hours(schedules: &[Schedule], field: &str, problems: &mut Vec<RowError>) -> Vec<OpeningHours> {
    let mut hours = Vec::new();
    for (i, schedule) in schedules.iter().enumerate() {
        let at = format!("{field}[{i}]");
        let mut refuse = |name: &str, detail: &str| {
            problems.push(
                RowError::new(None, &format!("{at}.{name}"), "unsupported_schedule").with_detail(detail),
            );
        };
        if schedule
            .freq
            .as_deref()
            .is_some_and(|f| !f.eq_ignore_ascii_case("WEEKLY"))
        {
            refuse("freq", schedule.freq.as_deref().unwrap_or_default());
            continue;
        }
        let times = (
            schedule.opens_at.as_deref().and_then(parse_clock),
            schedule.closes_at.as_deref().and_then(parse_clock),
        );
        let (Some(opens), Some(closes)) = times else {
            refuse("opens_at", schedule.opens_at.as_deref().unwrap_or_default());
            continue;
        };
        let byday = schedule.byday.as_deref().unwrap_or_default();
        let days: Option<Vec<Weekday>> = byday.split(',').map(Weekday::from_ical).collect();
        match days {
            Some(days) if !byday.trim().is_empty() => {
                hours.extend(days.into_iter().map(|day| OpeningHours { day, opens, closes }));
            }
            _ => refuse("byday", byday),
        }
    }
    hours
}

/// `09:00` or `09:00:00`.
fn parse_clock(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
        .ok()
}

/// The HSDS path of a field as [`ServiceInput::parse`] names it, so the
/// report points into the file that was sent.
pub fn field_path(field: &str) -> String {
    let Some(rest) = field.strip_prefix("locations[") else {
        return match field {
            "eligibility" => "eligibility_description".to_owned(),
            "phone" => "phones[0].number".to_owned(),
            "locations" => "service_at_locations".to_owned(),
            other => other.to_owned(),
        };
    };
    let (index, inner) = rest.split_once("].").unwrap_or((rest.trim_end_matches(']'), ""));
    let inner = match inner.split(['.', '[']).next().unwrap_or_default() {
        "name" => "location.name",
        "street" => "location.addresses[0].address_1",
        "postcode" => "location.addresses[0].postal_code",
        "comune" => "location.addresses[0].city",
        "latitude" => "location.latitude",
        "accessibility" => "location.accessibility[0].description",
        "hours" => "schedules",
        _ => "location",
    };
    format!("service_at_locations[{index}].{inner}")
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use soleil_domain::directory::{GeoPoint, Location};
    use soleil_domain::{OrganisationKind, RegionCode};

    use super::*;

    fn at(text: &str) -> NaiveTime {
        text.parse().unwrap_or_default()
    }

    fn organisation() -> Organisation {
        Organisation {
            id: OrganisationId::new(),
            name: "Sportello Latina".to_owned(),
            kind: OrganisationKind::Desk,
            region: RegionCode::Laz,
            address: None,
            phone: Some("0773 000 111".to_owned()),
            opening_hours: None,
            public_listing: false,
            created_at: Utc::now(),
        }
    }

    fn location(kind: LocationKind, comune: &str, hours: Vec<OpeningHours>) -> Location {
        Location {
            id: LocationId::new(),
            kind,
            name: "Sede di Latina".to_owned(),
            street: "Via Roma 1".to_owned(),
            postcode: Some("04100".to_owned()),
            comune: comune.to_owned(),
            position: GeoPoint::new(41.4676, 12.9037),
            accessibility: Some("Ingresso senza gradini".to_owned()),
            hours,
        }
    }

    fn service(organisation: &Organisation) -> Service {
        let day = |day, opens, closes| OpeningHours {
            day,
            opens: at(opens),
            closes: at(closes),
        };
        Service {
            id: ServiceId::new(),
            organisation_id: organisation.id,
            name: "Orientamento al lavoro".to_owned(),
            description: "Colloqui di orientamento e accompagnamento".to_owned(),
            need_areas: vec![NeedArea::Work, NeedArea::Documents],
            eligibility: Some("Lavoratori agricoli".to_owned()),
            languages: vec!["it".to_owned(), "pa".to_owned(), "wo".to_owned()],
            email: Some("lavoro@example.org".to_owned()),
            phone: Some("0773 000 222".to_owned()),
            url: Some("https://example.org/lavoro".to_owned()),
            active: true,
            locations: vec![
                location(
                    LocationKind::Desk,
                    "059011",
                    vec![
                        day(Weekday::Monday, "09:00", "13:00"),
                        day(Weekday::Tuesday, "09:00", "13:00"),
                        day(Weekday::Tuesday, "15:00", "18:00"),
                    ],
                ),
                location(LocationKind::MobileUnitStop, "059024", Vec::new()),
            ],
            updated_at: Utc
                .with_ymd_and_hms(2025, 3, 1, 10, 30, 0)
                .single()
                .unwrap_or_default(),
        }
    }

    fn schema(name: &str) -> jsonschema::Validator {
        let path = format!(
            "{}/tests/hsds-schema/compiled/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let schema: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let validator = jsonschema::options().should_validate_formats(true).build(&schema);
        assert!(validator.is_ok(), "{path}: {:?}", validator.err());
        validator.unwrap_or_else(|_| unreachable!())
    }

    fn violations(validator: &jsonschema::Validator, value: &serde_json::Value) -> Vec<String> {
        validator
            .iter_errors(value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect()
    }

    /// Reads an export back as the import would, parsing with the comuni
    /// of the reference data, and builds the services again.
    fn reimport(document: &serde_json::Value) -> Vec<Service> {
        let bytes = serde_json::to_vec(document).unwrap_or_default();
        let rows = read(&bytes).unwrap_or_default();
        rows.into_iter()
            .map(|row| {
                assert_eq!(row.problems, Vec::new(), "{}", row.label);
                let mut input = row.input;
                input.organisation_id = row.organisation.id.unwrap_or_default();
                let id = row.service_id.unwrap_or_default();
                let parsed = input.parse(id, row.last_modified.unwrap_or_default(), |code| {
                    soleil_reference::comune(code).is_some()
                });
                assert!(parsed.is_ok(), "{parsed:?}");
                parsed.unwrap_or_else(|_| unreachable!())
            })
            .collect()
    }

    #[test]
    fn an_export_is_valid_hsds() {
        let organisation = organisation();
        let service = service(&organisation);
        let document = export(&[(organisation, vec![service])]);
        let organizations = document.as_array().cloned().unwrap_or_default();
        assert_eq!(organizations.len(), 1);
        let organization_schema = schema("organization");
        let service_schema = schema("service");
        for organization in &organizations {
            assert_eq!(
                violations(&organization_schema, organization),
                Vec::<String>::new()
            );
            for service in organization["services"].as_array().into_iter().flatten() {
                assert_eq!(violations(&service_schema, service), Vec::<String>::new());
            }
        }
        // The validator does catch a broken record.
        let mut broken = organizations[0].clone();
        broken["services"][0]["status"] = "open".into();
        assert!(!violations(&organization_schema, &broken).is_empty());
    }

    #[test]
    fn an_export_says_where_and_when_in_hsds_words() {
        let organisation = organisation();
        let service = service(&organisation);
        let document = export(&[(organisation, vec![service])]);
        let hsds = &document[0]["services"][0];
        let location = &hsds["service_at_locations"][0]["location"];
        let address = &location["addresses"][0];
        assert_eq!(address["city"], "Latina");
        assert_eq!(address["state_province"], "LT");
        assert_eq!(address["region"], "Lazio");
        assert_eq!(address["country"], "IT");
        let schedules = &hsds["service_at_locations"][0]["schedules"];
        assert_eq!(schedules[0]["byday"], "MO,TU");
        assert_eq!(schedules[0]["opens_at"], "09:00");
        assert_eq!(schedules[1]["byday"], "TU");
        assert_eq!(schedules[1]["freq"], "WEEKLY");
        assert_eq!(hsds["languages"][1]["name"], "Punjabi");
        assert_eq!(hsds["last_modified"], "2025-03-01T10:30:00Z");
    }

    #[test]
    fn export_import_export_is_lossless() {
        let organisation = organisation();
        let services = vec![service(&organisation), {
            let mut inactive = service(&organisation);
            inactive.id = ServiceId::new();
            inactive.active = false;
            inactive.locations.clear();
            inactive.email = None;
            inactive
        }];
        let first = export(&[(organisation.clone(), services.clone())]);
        let again = reimport(&first);
        assert_eq!(again, services);
        assert_eq!(export(&[(organisation, again)]), first);
    }

    #[test]
    fn another_directory_s_hsds_is_read_by_its_words() {
        let document = serde_json::json!([{
            "id": "1e8b2d8e-6c3e-4c0c-9d3a-0d3c1e2b4a51",
            "organization_id": "0b1e8c4e-3a43-4c4b-8f6d-5f4c3e2d1a10",
            "name": "Ambulatorio",
            "description": "Visite senza appuntamento",
            "status": "active",
            "languages": [{"id": "x", "name": "Urdu"}, {"id": "y", "code": "AR"}],
            "service_at_locations": [{
                "id": "z",
                "schedules": [{"id": "s", "freq": "WEEKLY", "byday": "MO,WE", "opens_at": "09:00:00", "closes_at": "12:30"}],
                "location": {
                    "id": "3f1f0f40-2f0d-4a57-9a0e-2f8f4a7e1c11",
                    "location_type": "physical",
                    "name": "Ambulatorio Latina",
                    "addresses": [{"id": "a", "address_1": "Via Roma 2", "city": "latina",
                        "state_province": "LT", "postal_code": "04100", "country": "IT", "address_type": "physical"}]
                }
            }]
        }]);
        let rows = read(&serde_json::to_vec(&document).unwrap_or_default()).unwrap_or_default();
        assert_eq!(rows.len(), 1);
        let row = &rows[0];
        assert_eq!(row.label, "service 1: Ambulatorio");
        assert_eq!(row.problems, Vec::new());
        assert!(row.organisation.id.is_some());
        assert_eq!(row.input.languages, vec!["ur".to_owned(), "ar".to_owned()]);
        let location = &row.input.locations[0];
        assert_eq!(location.comune, "059011");
        assert_eq!(location.kind, LocationKind::Office);
        assert_eq!(location.hours.len(), 2);
        assert_eq!(location.hours[1].day, Weekday::Wednesday);
        assert_eq!(location.hours[1].closes, at("12:30"));
    }

    #[test]
    fn what_cannot_be_read_is_named_by_its_path() {
        let document = serde_json::json!({
            "id": "0b1e8c4e-3a43-4c4b-8f6d-5f4c3e2d1a10",
            "name": "Ente",
            "description": "x",
            "services": [{
                "id": "not-a-uuid",
                "name": "Servizio",
                "status": "open",
                "service_at_locations": [{
                    "id": "l",
                    "schedules": [{"id": "s", "freq": "MONTHLY", "byday": "1MO", "opens_at": "09:00", "closes_at": "12:00"}],
                    "location": {"id": "", "location_type": "physical", "addresses": [{"id": "a",
                        "address_1": "Via", "city": "Nowhere", "state_province": "", "postal_code": "",
                        "country": "IT", "address_type": "physical"}]}
                }]
            }]
        });
        let rows = read(&serde_json::to_vec(&document).unwrap_or_default()).unwrap_or_default();
        let problems: Vec<(String, String)> = rows[0]
            .problems
            .iter()
            .map(|p| (p.field.clone(), p.code.clone()))
            .collect();
        let expected = [
            ("id", "invalid_id"),
            ("status", "invalid_choice"),
            (
                "service_at_locations[0].schedules[0].freq",
                "unsupported_schedule",
            ),
            (
                "service_at_locations[0].location.addresses[0].city",
                "unknown_comune",
            ),
        ];
        assert_eq!(
            problems,
            expected.map(|(f, c)| (f.to_owned(), c.to_owned())).to_vec()
        );
        assert_eq!(rows[0].label, "organization 1 / service 1: Servizio");
        assert_eq!(
            field_path("locations[2].hours[0].closes"),
            "service_at_locations[2].schedules"
        );
        assert_eq!(field_path("eligibility"), "eligibility_description");
    }

    #[test]
    fn a_document_of_another_shape_is_refused_whole() {
        for bad in [&b"{"[..], b"42", b"[1, 2]"] {
            let refused = read(bad);
            assert_eq!(refused.map_err(|e| e.code), Err("unreadable_file".to_owned()));
        }
    }
}
