//! The services directory: what each organisation of the network offers,
//! for whom, in which languages, where and when. It holds no personal data,
//! so everyone signed in reads and searches it; an organisation's own staff,
//! the secretariat of its region and admins keep it. Every change is audited.

pub mod hsds;
pub mod import;
mod search;
pub mod sheet;

use std::collections::BTreeMap;

use soleil_domain::directory::{Service, ServiceId, ServiceInput};
use soleil_domain::{AuditAction, Invalid, Organisation, RegionCode, User};
use soleil_store::directory::{self, ExportFilter, LocationArea};
use soleil_store::{StoreError, Tx, network};

pub use self::search::{ServiceHit, ServiceSearch};
use crate::audit::{Subject, record};
use crate::{App, AppError, AppResult, Operation, authorize, policy};

/// A service with the names a reader needs: its organisation's, and those of
/// the comuni of its locations.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ServiceFile {
    #[serde(flatten)]
    pub service: Service,
    pub organisation_name: String,
    /// The comuni of the locations, by ISTAT code.
    pub comuni: BTreeMap<String, ComuneName>,
}

/// Where a comune is, by name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ComuneName {
    pub name: String,
    pub province_abbreviation: String,
    pub region_name: String,
}

impl ComuneName {
    fn of(code: &str) -> Option<Self> {
        soleil_reference::comune(code).map(|c| Self {
            name: c.name.to_owned(),
            province_abbreviation: c.province_abbreviation.to_owned(),
            region_name: c.region_name.to_owned(),
        })
    }
}

impl App {
    /// One service, whole.
    pub async fn service(&self, actor: &User, id: ServiceId) -> AppResult<ServiceFile> {
        authorize(actor, Operation::ReadService)?;
        let mut handle = self.store.handle().await?;
        let service = directory::service(handle.conn(), id)
            .await?
            .ok_or(AppError::NotFound("service"))?;
        let organisation = network::organisation(handle.conn(), service.organisation_id)
            .await?
            .ok_or(AppError::NotFound("organisation"))?;
        let comuni = service
            .locations
            .iter()
            .filter_map(|l| Some((l.comune.clone(), ComuneName::of(&l.comune)?)))
            .collect();
        Ok(ServiceFile {
            service,
            organisation_name: organisation.name,
            comuni,
        })
    }

    /// The languages some service of the directory speaks (ISO 639 codes).
    pub async fn directory_languages(&self, actor: &User) -> AppResult<Vec<String>> {
        authorize(actor, Operation::SearchServices)?;
        let mut handle = self.store.handle().await?;
        Ok(directory::languages(handle.conn()).await?)
    }

    /// Adds a service of an organisation the caller may keep. Locations get
    /// new ids: ids are for keeping locations across updates.
    pub async fn create_service(&self, actor: &User, input: &ServiceInput) -> AppResult<Service> {
        authorize(actor, Operation::EditService)?;
        let mut tx = self.store.begin().await?;
        editable_organisation(&mut tx, actor, input).await?;
        let mut service = parse(input, ServiceId::new())?;
        for location in &mut service.locations {
            location.id = Default::default();
        }
        save(&mut tx, actor, &service, false).await?;
        tx.commit().await?;
        Ok(service)
    }

    /// Overwrites a service. A location keeps its id when the input gives
    /// it; an id of another service's location is refused.
    pub async fn update_service(
        &self,
        actor: &User,
        id: ServiceId,
        input: &ServiceInput,
    ) -> AppResult<Service> {
        authorize(actor, Operation::EditService)?;
        let mut tx = self.store.begin().await?;
        let existing = directory::service(tx.conn(), id)
            .await?
            .ok_or(AppError::NotFound("service"))?;
        let current = network::organisation(tx.conn(), existing.organisation_id)
            .await?
            .ok_or(AppError::NotFound("organisation"))?;
        if !policy::may_edit_services(actor, &current) {
            return Err(AppError::Forbidden);
        }
        editable_organisation(&mut tx, actor, input).await?;
        let service = parse(input, id)?;
        let mut invalid = Invalid::new();
        for (i, location) in input.locations.iter().enumerate() {
            if location
                .id
                .is_some_and(|id| !existing.locations.iter().any(|l| l.id == id))
            {
                invalid.add(&format!("locations[{i}].id"), "unknown_location");
            }
        }
        invalid.into_result(())?;
        save(&mut tx, actor, &service, true).await?;
        tx.commit().await?;
        Ok(service)
    }

    /// The services of a region's organisations (or of all), by
    /// organisation, for an export.
    pub async fn services_for_export(
        &self,
        actor: &User,
        region: Option<RegionCode>,
    ) -> AppResult<Vec<(Organisation, Vec<Service>)>> {
        authorize(actor, Operation::ExportDirectory)?;
        let mut handle = self.store.handle().await?;
        let filter = ExportFilter {
            region,
            ..ExportFilter::default()
        };
        let services = directory::services(handle.conn(), &filter).await?;
        let mut by_organisation: BTreeMap<_, Vec<Service>> = BTreeMap::new();
        for service in services {
            by_organisation
                .entry(service.organisation_id)
                .or_default()
                .push(service);
        }
        let mut exported = Vec::new();
        for (id, services) in by_organisation {
            let organisation = network::organisation(handle.conn(), id)
                .await?
                .ok_or(AppError::NotFound("organisation"))?;
            exported.push((organisation, services));
        }
        exported.sort_by(|a, b| a.0.name.cmp(&b.0.name));
        Ok(exported)
    }
}

/// Writes one service that was parsed already (by an import), inside the
/// caller's transaction: inserted, or replacing the one with its id. The
/// caller authorised the import; this checks the organisation, the comuni
/// and the locations' ids, and writes the audit event.
pub(crate) async fn save_parsed_service(tx: &mut Tx, actor: &User, service: &Service) -> AppResult<()> {
    let organisation = network::organisation(tx.conn(), service.organisation_id)
        .await?
        .ok_or_else(|| Invalid::single("organisation_id", "unknown_organisation"))?;
    if !policy::may_edit_services(actor, &organisation) {
        return Err(AppError::Forbidden);
    }
    let existing = directory::service(tx.conn(), service.id).await?;
    if let Some(existing) = existing
        .as_ref()
        .filter(|e| e.organisation_id != service.organisation_id)
    {
        let owner = network::organisation(tx.conn(), existing.organisation_id).await?;
        if !owner.is_some_and(|owner| policy::may_edit_services(actor, &owner)) {
            return Err(AppError::Forbidden);
        }
    }
    save(tx, actor, service, existing.is_some()).await
}

/// The organisation the input names, if the caller may keep its services.
async fn editable_organisation(tx: &mut Tx, actor: &User, input: &ServiceInput) -> AppResult<Organisation> {
    let organisation = network::organisation(tx.conn(), input.organisation_id)
        .await?
        .ok_or_else(|| Invalid::single("organisation_id", "unknown_organisation"))?;
    if !policy::may_edit_services(actor, &organisation) {
        return Err(AppError::Forbidden);
    }
    Ok(organisation)
}

/// Checks an input against the reference list of comuni.
fn parse(input: &ServiceInput, id: ServiceId) -> AppResult<Service> {
    Ok(input.parse(id, crate::clock::now(), |code| {
        soleil_reference::comune(code).is_some()
    })?)
}

/// Inserts or replaces a service, and records who did it.
async fn save(tx: &mut Tx, actor: &User, service: &Service, replace: bool) -> AppResult<()> {
    let areas = location_areas(service)?;
    let saved = if replace {
        directory::replace_service(tx.conn(), service, &areas).await
    } else {
        directory::insert_service(tx.conn(), service, &areas).await
    };
    match saved {
        Ok(()) => {}
        // A location id that another service's location has.
        Err(StoreError::Conflict(_)) => return Err(Invalid::single("locations", "location_taken").into()),
        Err(error) => return Err(error.into()),
    }
    let region = network::organisation(tx.conn(), service.organisation_id)
        .await?
        .map(|o| o.region);
    let (action, detail) = if replace {
        (AuditAction::Update, "updated")
    } else {
        (AuditAction::Create, "created")
    };
    let detail = format!(
        "{detail} \"{}\", {} locations",
        service.name,
        service.locations.len()
    );
    record(
        tx,
        actor,
        action,
        Subject::new("service", service.id, region),
        Some(detail),
    )
    .await
}

/// The province and region of each location's comune.
fn location_areas(service: &Service) -> AppResult<Vec<LocationArea>> {
    let mut invalid = Invalid::new();
    let areas = service
        .locations
        .iter()
        .enumerate()
        .map(|(i, location)| match soleil_reference::comune(&location.comune) {
            Some(comune) => LocationArea {
                province_code: comune.province_code.to_owned(),
                region_code: comune.region_code.to_owned(),
            },
            None => {
                invalid.add(&format!("locations[{i}].comune"), "unknown_comune");
                LocationArea {
                    province_code: String::new(),
                    region_code: String::new(),
                }
            }
        })
        .collect();
    Ok(invalid.into_result(areas)?)
}
