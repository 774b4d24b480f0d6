//! Importing the services directory from a file: HSDS JSON or a region's
//! sheet. Every service read is checked as a whole; when any is rejected
//! nothing is saved, and the report says what to fix, row by row.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use chrono::{DateTime, Utc};
use soleil_domain::directory::LocationId;
use soleil_domain::directory::{Service, ServiceId, ServiceInput};
use soleil_domain::{AuditAction, Organisation, OrganisationId, RegionCode, User};
use soleil_store::directory::{self, ExportFilter};
use soleil_store::network::{self, OrganisationFilter};
use soleil_store::{Page, Tx};

use super::sheet::fold;
use super::{hsds, save_parsed_service, sheet};
use crate::audit::{Subject, record};
use crate::{App, AppResult, Operation, authorize, policy};

/// The formats a directory can be imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportFormat {
    /// Open Referral HSDS 3 JSON: an array of organizations with their
    /// services, one organization, or an array of services.
    Hsds,
    /// A sheet saved as CSV (comma or semicolon separated, UTF-8).
    Csv,
    /// A sheet saved as Excel (.xlsx); the first worksheet is read.
    Xlsx,
}

/// Who a file says a service belongs to; matched against the network's
/// organisations by id, else by exact name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrganisationRef {
    pub id: Option<OrganisationId>,
    pub name: Option<String>,
}

/// Where in the file a row came from, so a mistake can be pointed at.
#[derive(Debug, Clone, PartialEq)]
pub enum RowOrigin {
    Hsds,
    /// The sheet lines (1 is the headings) of the service's locations, in
    /// order: `locations[i]` came from `lines[i]`.
    Sheet {
        lines: Vec<usize>,
    },
}

/// One mistake of a row: the sheet line (if any), the field or column, and
/// a stable code the pages translate.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct RowError {
    /// The sheet line, counting the headings as line 1; absent for HSDS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The sheet column heading, or the HSDS path (`service_at_locations[0].location.name`).
    pub field: String,
    pub code: String,
    /// The text that could not be read, where it helps to see it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl RowError {
    pub fn new(line: Option<usize>, field: &str, code: &str) -> Self {
        Self {
            line,
            field: field.to_owned(),
            code: code.to_owned(),
            detail: None,
        }
    }

    pub fn with_detail(mut self, detail: &str) -> Self {
        self.detail = Some(detail.to_owned());
        self
    }
}

/// One service as a file gives it, before it is checked against the
/// directory and the network.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRow {
    /// How the report names it: "organization 2 / service 5: Sportello".
    pub label: String,
    pub origin: RowOrigin,
    pub organisation: OrganisationRef,
    /// The id the file gives; a re-import updates that service.
    pub service_id: Option<ServiceId>,
    /// When the source last changed the service (HSDS `last_modified`).
    pub last_modified: Option<DateTime<Utc>>,
    /// `organisation_id` is set once the organisation is found.
    pub input: ServiceInput,
    /// What could not even be read (a bad time, an unknown word).
    pub problems: Vec<RowError>,
}

/// What an import read, and what it did or would do with each service.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct ImportReport {
    pub format: ImportFormat,
    pub dry_run: bool,
    /// Whether the services were saved: only when nothing was rejected and
    /// it was not a dry run.
    pub saved: bool,
    /// Services read.
    pub services: usize,
    /// Services that are (or would be) new, updated, or were rejected.
    pub created: usize,
    pub updated: usize,
    pub rejected: usize,
    /// Mistakes of the file as a whole (unreadable, a column missing):
    /// when there are any, no service was read.
    pub file_errors: Vec<RowError>,
    pub rows: Vec<RowReport>,
}

impl ImportReport {
    /// Nothing to fix: every service can be saved.
    pub fn accepted(&self) -> bool {
        self.file_errors.is_empty() && self.rejected == 0
    }
}

/// One service of the file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct RowReport {
    /// "organization 2 / service 5: Sportello", "rows 2, 3: Orientamento".
    pub label: String,
    /// The sheet lines it came from; empty for HSDS.
    pub lines: Vec<usize>,
    pub name: String,
    /// The id it has, or would have once saved.
    pub service_id: ServiceId,
    pub organisation_id: Option<OrganisationId>,
    pub outcome: RowOutcome,
    pub errors: Vec<RowError>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RowOutcome {
    /// A new service (in a dry run: would be).
    Create,
    /// Replaces the service with the same id, or of the same organisation
    /// and name (in a dry run: would).
    Update,
    Rejected,
}

/// A file to import, as uploaded.
#[derive(Debug, Clone)]
pub struct ImportSource {
    pub format: ImportFormat,
    pub bytes: Vec<u8>,
}

impl App {
    /// Imports a directory file: every service is checked (its fields, its
    /// comuni, that its organisation exists and the caller may import for
    /// its region); if none is rejected and this is not a dry run, all are
    /// saved in one transaction. If any is rejected, nothing is saved.
    pub async fn import_directory(
        &self,
        actor: &User,
        source: &ImportSource,
        dry_run: bool,
    ) -> AppResult<ImportReport> {
        authorize(actor, Operation::ImportDirectory)?;
        let read = match source.format {
            ImportFormat::Hsds => hsds::read(&source.bytes).map_err(|e| vec![e]),
            ImportFormat::Csv => sheet::read_csv(&source.bytes),
            ImportFormat::Xlsx => sheet::read_xlsx(&source.bytes),
        };
        let mut report = ImportReport {
            format: source.format,
            dry_run,
            saved: false,
            services: 0,
            created: 0,
            updated: 0,
            rejected: 0,
            file_errors: Vec::new(),
            rows: Vec::new(),
        };
        let rows = match read {
            Ok(rows) if rows.is_empty() => {
                report.file_errors.push(RowError::new(None, "file", "empty_file"));
                return Ok(report);
            }
            Ok(rows) => rows,
            Err(errors) => {
                report.file_errors = errors;
                return Ok(report);
            }
        };
        let mut tx = self.store.begin().await?;
        let mut checker = Checker::load(&mut tx, actor).await?;
        let mut parsed = Vec::new();
        for row in rows {
            let (row_report, service) = checker.check(&mut tx, row).await?;
            match row_report.outcome {
                RowOutcome::Create => report.created += 1,
                RowOutcome::Update => report.updated += 1,
                RowOutcome::Rejected => report.rejected += 1,
            }
            report.rows.push(row_report);
            parsed.extend(service);
        }
        report.services = report.rows.len();
        if !report.accepted() || dry_run {
            return Ok(report);
        }
        for service in &parsed {
            save_parsed_service(&mut tx, actor, service).await?;
        }
        let detail = format!(
            "{} import: {} services, {} created, {} updated",
            format_name(source.format),
            report.services,
            report.created,
            report.updated
        );
        let subject = Subject::new(
            "directory_import",
            uuid::Uuid::now_v7(),
            single_region(&checker.regions),
        );
        record(&mut tx, actor, AuditAction::Create, subject, Some(detail)).await?;
        tx.commit().await?;
        report.saved = true;
        Ok(report)
    }

    /// The directory (of one region, or all) as HSDS 3 JSON: an array of
    /// organizations with their services.
    pub async fn export_hsds(
        &self,
        actor: &User,
        region: Option<RegionCode>,
    ) -> AppResult<serde_json::Value> {
        let directory = self.services_for_export(actor, region).await?;
        Ok(hsds::export(&directory))
    }
}

fn format_name(format: ImportFormat) -> &'static str {
    match format {
        ImportFormat::Hsds => "HSDS",
        ImportFormat::Csv => "CSV",
        ImportFormat::Xlsx => "XLSX",
    }
}

/// The region of the audit event: the one the import touched, if only one.
fn single_region(regions: &[RegionCode]) -> Option<RegionCode> {
    match regions {
        [region] => Some(*region),
        _ => None,
    }
}

/// Checks rows against the network and the directory as they are, and
/// against each other: no service and no location id twice in one file.
struct Checker<'a> {
    actor: &'a User,
    now: DateTime<Utc>,
    /// Every service of the directory, suspended ones too.
    existing: HashMap<ServiceId, Service>,
    /// Which service each existing location belongs to.
    location_owners: HashMap<LocationId, ServiceId>,
    /// Organisations found so far, by id and by name.
    by_id: HashMap<OrganisationId, Option<Organisation>>,
    by_name: HashMap<String, Vec<Organisation>>,
    seen_services: Vec<ServiceId>,
    seen_names: Vec<(OrganisationId, String)>,
    seen_locations: Vec<LocationId>,
    /// The regions of the organisations the file names.
    regions: Vec<RegionCode>,
}

impl<'a> Checker<'a> {
    async fn load(tx: &mut Tx, actor: &'a User) -> AppResult<Self> {
        let every = ExportFilter {
            include_inactive: true,
            ..ExportFilter::default()
        };
        let services = directory::services(tx.conn(), &every).await?;
        let location_owners = services
            .iter()
            .flat_map(|s| s.locations.iter().map(|l| (l.id, s.id)))
            .collect();
        Ok(Self {
            actor,
            now: crate::clock::now(),
            existing: services.into_iter().map(|s| (s.id, s)).collect(),
            location_owners,
            by_id: HashMap::new(),
            by_name: HashMap::new(),
            seen_services: Vec::new(),
            seen_names: Vec::new(),
            seen_locations: Vec::new(),
            regions: Vec::new(),
        })
    }

    /// The organisation a row names: by id, else by exact name. `Err`
    /// says why none could be chosen.
    async fn organisation(
        &mut self,
        tx: &mut Tx,
        wanted: &OrganisationRef,
    ) -> AppResult<Result<Organisation, &'static str>> {
        if let Some(id) = wanted.id {
            if let Entry::Vacant(entry) = self.by_id.entry(id) {
                entry.insert(network::organisation(tx.conn(), id).await?);
            }
            if let Some(Some(organisation)) = self.by_id.get(&id) {
                return Ok(Ok(organisation.clone()));
            }
        }
        let Some(name) = wanted.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) else {
            return Ok(Err("unknown_organisation"));
        };
        if !self.by_name.contains_key(name) {
            let filter = OrganisationFilter {
                search: Some(name.to_owned()),
                ..OrganisationFilter::default()
            };
            let (candidates, _) =
                network::organisations(tx.conn(), &filter, Page::new(0, Page::MAX_SIZE)).await?;
            let exact = candidates.into_iter().filter(|o| o.name.trim() == name).collect();
            self.by_name.insert(name.to_owned(), exact);
        }
        Ok(match self.by_name.get(name).map(Vec::as_slice) {
            Some([organisation]) => Ok(organisation.clone()),
            Some([_, _, ..]) => Err("ambiguous_organisation"),
            _ => Err("unknown_organisation"),
        })
    }

    /// Checks one row; the service comes back only when nothing is wrong.
    async fn check(&mut self, tx: &mut Tx, row: ImportRow) -> AppResult<(RowReport, Option<Service>)> {
        let lines = match &row.origin {
            RowOrigin::Sheet { lines } => lines.clone(),
            RowOrigin::Hsds => Vec::new(),
        };
        let place = Place {
            origin: &row.origin,
            lines: &lines,
        };
        let mut errors = row.problems.clone();
        let organisation = match self.organisation(tx, &row.organisation).await? {
            Ok(organisation) if policy::may_import_directory(self.actor, organisation.region) => {
                if !self.regions.contains(&organisation.region) {
                    self.regions.push(organisation.region);
                }
                Some(organisation)
            }
            Ok(_) => {
                errors.push(place.error("organisation", "organisation_of_another_region"));
                None
            }
            Err(code) => {
                let named = row
                    .organisation
                    .name
                    .clone()
                    .or(row.organisation.id.map(|id| id.to_string()));
                errors.push(
                    place
                        .error("organisation", code)
                        .with_detail(&named.unwrap_or_default()),
                );
                None
            }
        };
        let organisation_id = organisation.as_ref().map(|o| o.id);
        let name = fold(&row.input.name);
        let existing = match row.service_id {
            Some(id) => self.existing.get(&id),
            None => self
                .existing
                .values()
                .find(|s| Some(s.organisation_id) == organisation_id && fold(&s.name) == name),
        };
        let id = row.service_id.or(existing.map(|s| s.id)).unwrap_or_default();
        if existing.is_some_and(|s| Some(s.organisation_id) != organisation_id) && organisation_id.is_some() {
            errors.push(place.error("id", "service_of_another_organisation"));
        }
        if self.seen_services.contains(&id) {
            errors.push(place.error("id", "duplicate_service"));
        }
        if let Some(organisation_id) = organisation_id {
            if self.seen_names.contains(&(organisation_id, name.clone())) {
                errors.push(place.error("name", "duplicate_service"));
            }
            self.seen_names.push((organisation_id, name));
        }
        self.seen_services.push(id);
        let mut input = row.input.clone();
        input.organisation_id = organisation_id.unwrap_or(OrganisationId(uuid::Uuid::nil()));
        if let Some(existing) = existing {
            keep_location_ids(&mut input, existing);
        }
        for (i, location) in input.locations.iter().enumerate() {
            let Some(location_id) = location.id else { continue };
            let taken = self
                .location_owners
                .get(&location_id)
                .is_some_and(|owner| *owner != id);
            if taken || self.seen_locations.contains(&location_id) {
                errors.push(place.error(&format!("locations[{i}].id"), "location_taken"));
            }
            self.seen_locations.push(location_id);
        }
        let modified = row.last_modified.map_or(self.now, |at| at.min(self.now));
        let parsed = input.parse(id, modified, |code| soleil_reference::comune(code).is_some());
        let parsed = parsed
            .map_err(|invalid| {
                for error in place.errors(&invalid) {
                    // A value that could not be read was reported already.
                    if !errors
                        .iter()
                        .any(|e| (e.line, &e.field) == (error.line, &error.field))
                    {
                        errors.push(error);
                    }
                }
            })
            .ok();
        let outcome = match (errors.is_empty(), existing.is_some()) {
            (false, _) => RowOutcome::Rejected,
            (true, true) => RowOutcome::Update,
            (true, false) => RowOutcome::Create,
        };
        let report = RowReport {
            label: row.label,
            lines,
            name: row.input.name.trim().to_owned(),
            service_id: id,
            organisation_id,
            outcome,
            errors,
        };
        let service = parsed.filter(|_| outcome != RowOutcome::Rejected);
        Ok((report, service))
    }
}

/// A sheet has no location ids: a location with the name and comune of
/// one the service has keeps that one's id, so its history stays with it.
fn keep_location_ids(input: &mut ServiceInput, existing: &Service) {
    let mut free: Vec<_> = existing.locations.iter().collect();
    for location in input.locations.iter_mut().filter(|l| l.id.is_none()) {
        let same = free
            .iter()
            .position(|l| fold(&l.name) == fold(&location.name) && l.comune == location.comune.trim());
        if let Some(index) = same {
            location.id = Some(free.remove(index).id);
        }
    }
}

/// Names a field of a row as its file does: sheet line and column, or HSDS path.
struct Place<'a> {
    origin: &'a RowOrigin,
    lines: &'a [usize],
}

impl Place<'_> {
    /// An error about a field named as [`ServiceInput::parse`] names it (or
    /// `organisation`, `id`).
    fn error(&self, field: &str, code: &str) -> RowError {
        match (self.origin, field) {
            (RowOrigin::Hsds, "organisation") => RowError::new(None, "organization", code),
            (RowOrigin::Hsds, "id") => RowError::new(None, "id", code),
            (RowOrigin::Hsds, _) => RowError::new(None, &hsds::field_path(field), code),
            (RowOrigin::Sheet { .. }, "organisation") => RowError::new(
                self.lines.first().copied(),
                sheet::Column::Organisation.heading(),
                code,
            ),
            (RowOrigin::Sheet { .. }, "id") => RowError::new(
                self.lines.first().copied(),
                sheet::Column::Service.heading(),
                code,
            ),
            (RowOrigin::Sheet { .. }, _) => {
                let (line, column) = sheet::locate(field, self.lines);
                RowError::new(line, column, code)
            }
        }
    }

    fn errors(&self, invalid: &soleil_domain::Invalid) -> Vec<RowError> {
        invalid
            .errors
            .iter()
            .map(|e| {
                let error = self.error(&e.field, &e.code);
                match &e.detail {
                    Some(detail) => error.with_detail(detail),
                    None => error,
                }
            })
            .collect()
    }
}
