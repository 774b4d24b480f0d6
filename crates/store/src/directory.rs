//! The services directory: services, their languages, locations and
//! opening hours, and the search over them.
//!
//! A search answers one row per location of a service (a service without
//! locations is one row, found only when no place is asked for). Each write
//! of a service also writes its rows of `service_hits`, with everything a
//! search tests (need areas a bitmask, languages, the comune, province and
//! region codes, opening hours as quarter hours of the week) and the words
//! of its texts, and increments the directory's revision; searches run over
//! an in-memory copy of those rows ([`index`]) that follows the revision.
//! The exact great-circle distance is for the caller to show.

mod index;

use std::collections::HashMap;

use chrono::{DateTime, NaiveTime, Timelike, Utc};
use soleil_domain::directory::{
    GeoPoint, Location, LocationId, LocationKind, OpeningHours, Service, ServiceId, ServiceQuery, Weekday,
};
use soleil_domain::{NeedArea, OrganisationId, RegionCode};
use sqlx::AssertSqlSafe;

pub(crate) use index::SearchIndex;

use crate::{Conn, Page, Result, Store, on};

/// Where a location lies, from the reference data: copied onto the row so
/// searches by province or region need no reference data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocationArea {
    /// ISTAT code of the province, three digits.
    pub province_code: String,
    /// ISTAT code of the region, two digits.
    pub region_code: String,
}

/// Which services to list whole, e.g. for an export.
#[derive(Debug, Clone, Default)]
pub struct ExportFilter {
    /// Services of the organisations of this region.
    pub region: Option<RegionCode>,
    pub organisation: Option<OrganisationId>,
    /// Suspended services too.
    pub include_inactive: bool,
}

/// One row of a search: a service and the location that matched (none for
/// a service without locations).
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceMatch {
    pub service: Service,
    pub organisation_name: String,
    pub location: Option<Location>,
}

/// Kilometres per degree of latitude (and of longitude at the equator).
const KM_PER_DEGREE: f64 = 111.195;

// ---------------------------------------------------------------------------
// Writing

/// Saves a new service with its languages, locations and hours. `areas`
/// gives each location's province and region, in the order of `locations`.
pub async fn insert_service(mut conn: Conn<'_>, service: &Service, areas: &[LocationArea]) -> Result<()> {
    write_service(
        again(&mut conn),
        "INSERT INTO services (id, organisation_id, name, name_key, description, need_areas, eligibility,
                               email, phone, url, active, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        service,
    )
    .await?;
    insert_children(conn, service, areas).await
}

/// Overwrites a service: its own fields, and its languages, locations and
/// hours deleted and written again (locations keep the ids they are given).
pub async fn replace_service(mut conn: Conn<'_>, service: &Service, areas: &[LocationArea]) -> Result<()> {
    write_service(
        again(&mut conn),
        "UPDATE services SET organisation_id = $2, name = $3, name_key = $4, description = $5,
                need_areas = $6, eligibility = $7, email = $8, phone = $9, url = $10, active = $11, updated_at = $12
         WHERE id = $1",
        service,
    )
    .await?;
    // Hours go with their locations (ON DELETE CASCADE).
    for table in [
        "service_hits",
        "service_words",
        "service_languages",
        "service_locations",
    ] {
        let sql = format!("DELETE FROM {table} WHERE service_id = $1");
        on!(again(&mut conn), c => sqlx::query(AssertSqlSafe(sql.as_str()))
            .bind(service.id).execute(c).await.map(|r| r.rows_affected()))?;
    }
    insert_children(conn, service, areas).await
}

/// Runs an insert or update of the `services` row, whose `$1` … `$12` are
/// its fields in the order of the table, and moves the directory's revision.
async fn write_service(mut conn: Conn<'_>, sql: &'static str, service: &Service) -> Result<()> {
    let params = [
        Param::Uuid(service.id.0),
        Param::Uuid(service.organisation_id.0),
        Param::Text(service.name.clone()),
        Param::Text(fold(&service.name)),
        Param::Text(service.description.clone()),
        Param::Int(need_mask(&service.need_areas)),
        Param::OptionalText(service.eligibility.clone()),
        Param::OptionalText(service.email.clone()),
        Param::OptionalText(service.phone.clone()),
        Param::OptionalText(service.url.clone()),
        Param::Bool(service.active),
        Param::Time(service.updated_at),
    ];
    on!(again(&mut conn), c => bind_params!(sqlx::query(sql), params).execute(c).await.map(|r| r.rows_affected()))?;
    // Every process's search index follows this number (see `index`).
    on!(conn, c => sqlx::query("UPDATE directory_revision SET revision = revision + 1 WHERE id = 1")
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Languages, locations and hours, one multi-row insert each.
async fn insert_children(mut conn: Conn<'_>, service: &Service, areas: &[LocationArea]) -> Result<()> {
    let mut languages = Insert::new("service_languages (service_id, language, position)");
    for (position, language) in service.languages.iter().enumerate() {
        languages.row(vec![
            Param::Uuid(service.id.0),
            Param::Text(language.clone()),
            Param::Int(count(position)),
        ]);
    }
    languages.run(again(&mut conn)).await?;

    let mut locations = Insert::new(
        "service_locations (id, service_id, position, kind, name, street, postcode, comune, latitude, longitude,
                            accessibility)",
    );
    let mut hours = Insert::new("service_hours (location_id, day, opens, closes)");
    for (position, location) in service.locations.iter().enumerate() {
        locations.row(vec![
            Param::Uuid(location.id.0),
            Param::Uuid(service.id.0),
            Param::Int(count(position)),
            Param::Text(location.kind.as_str().to_owned()),
            Param::Text(location.name.clone()),
            Param::Text(location.street.clone()),
            Param::OptionalText(location.postcode.clone()),
            Param::Text(location.comune.clone()),
            Param::OptionalFloat(location.position.map(|p| p.latitude)),
            Param::OptionalFloat(location.position.map(|p| p.longitude)),
            Param::OptionalText(location.accessibility.clone()),
        ]);
        for interval in &location.hours {
            hours.row(vec![
                Param::Uuid(location.id.0),
                Param::Int(i32::from(interval.day.number())),
                Param::Int(minutes(interval.opens)),
                Param::Int(minutes(interval.closes)),
            ]);
        }
    }
    locations.run(again(&mut conn)).await?;
    hours.run(again(&mut conn)).await?;
    let mut words = Insert::new("service_words (word, service_id)");
    for word in words_of(service) {
        words.row(vec![Param::Text(word), Param::Uuid(service.id.0)]);
    }
    words.run(again(&mut conn)).await?;
    hits(service, areas).run(conn).await
}

/// The distinct words of a service's texts, folded; single letters aside.
fn words_of(service: &Service) -> Vec<String> {
    let mut words: Vec<String> = text_key(service)
        .split(' ')
        .filter(|word| word.chars().count() > 1)
        .map(str::to_owned)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// The rows a search reads: one per location, with the service's
/// searchable fields, or one for a service without locations.
fn hits(service: &Service, areas: &[LocationArea]) -> Insert {
    let mut hits = Insert::new(
        "service_hits (service_id, location_id, position, active, organisation_id, need_areas, languages, name_key,
                       kind, comune, province_code, region_code, latitude, longitude, open_0, open_1, open_2,
                       open_3, open_4, open_5, open_6, open_7, open_8, open_9, open_10, hours_exact)",
    );
    let name_key = fold(&service.name);
    let languages = format!(" {} ", service.languages.join(" "));
    let service_fields = |position: usize| {
        vec![
            Param::Uuid(service.id.0),
            Param::OptionalUuid(service.locations.get(position).map(|l| l.id.0)),
            Param::Int(count(position)),
            Param::Bool(service.active),
            Param::Uuid(service.organisation_id.0),
            Param::Int(need_mask(&service.need_areas)),
            Param::Text(languages.clone()),
            Param::Text(name_key.clone()),
        ]
    };
    if service.locations.is_empty() {
        let mut row = service_fields(0);
        row.extend([
            Param::OptionalText(None),
            Param::OptionalText(None),
            Param::OptionalText(None),
            Param::OptionalText(None),
            Param::OptionalFloat(None),
            Param::OptionalFloat(None),
        ]);
        row.extend(WeekBits::default().params());
        hits.row(row);
    }
    for (position, (location, area)) in service.locations.iter().zip(areas).enumerate() {
        let mut row = service_fields(position);
        row.extend([
            Param::OptionalText(Some(location.kind.as_str().to_owned())),
            Param::OptionalText(Some(location.comune.clone())),
            Param::OptionalText(Some(area.province_code.clone())),
            Param::OptionalText(Some(area.region_code.clone())),
            Param::OptionalFloat(location.position.map(|p| p.latitude)),
            Param::OptionalFloat(location.position.map(|p| p.longitude)),
        ]);
        row.extend(WeekBits::of(&location.hours).params());
        hits.row(row);
    }
    hits
}

/// The quarter hours of the week a location is open in, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WeekBits {
    words: [i64; Self::WORDS],
    /// Every interval starts and ends on a quarter hour.
    exact: bool,
}

impl Default for WeekBits {
    fn default() -> Self {
        Self {
            words: [0; Self::WORDS],
            exact: true,
        }
    }
}

impl WeekBits {
    const QUARTERS_A_DAY: i32 = 96;
    /// 7 × 96 quarters in 64-bit words.
    const WORDS: usize = 11;

    fn of(hours: &[OpeningHours]) -> Self {
        let mut bits = Self::default();
        for interval in hours {
            let (opens, closes) = (minutes(interval.opens), minutes(interval.closes));
            bits.exact &= opens % 15 == 0 && closes % 15 == 0;
            for minute in (opens - opens % 15..closes).step_by(15) {
                let (word, bit) = Self::quarter(interval.day, minute);
                bits.words[word] |= bit;
            }
        }
        bits
    }

    /// Which word, and which bit of it, stand for the quarter of a minute.
    fn quarter(day: Weekday, minute: i32) -> (usize, i64) {
        let q = i32::from(day.number()) * Self::QUARTERS_A_DAY + minute / 15;
        let q = usize::try_from(q).unwrap_or_default();
        (q / 64, 1_i64.rotate_left((q % 64) as u32))
    }

    fn params(self) -> Vec<Param> {
        let mut params: Vec<Param> = self.words.iter().map(|w| Param::BigInt(*w)).collect();
        params.push(Param::Bool(self.exact));
        params
    }
}

/// One `INSERT … VALUES (…), (…)` of rows of the same width, sent in
/// statements of at most [`Insert::MAX_PARAMS`] values.
struct Insert {
    into: &'static str,
    width: usize,
    params: Vec<Param>,
}

impl Insert {
    /// Far below either backend's limit of placeholders per statement.
    const MAX_PARAMS: usize = 2000;

    fn new(into: &'static str) -> Self {
        Self {
            into,
            width: 0,
            params: Vec::new(),
        }
    }

    fn row(&mut self, values: Vec<Param>) {
        self.width = values.len();
        self.params.extend(values);
    }

    async fn run(self, mut conn: Conn<'_>) -> Result<()> {
        if self.params.is_empty() {
            return Ok(());
        }
        let rows_per_statement = (Self::MAX_PARAMS / self.width).max(1);
        for params in self.params.chunks(rows_per_statement * self.width) {
            let rows: Vec<String> = params
                .chunks(self.width)
                .enumerate()
                .map(|(row, values)| {
                    let first = row * self.width + 1;
                    let placeholders: Vec<String> =
                        (first..first + values.len()).map(|n| format!("${n}")).collect();
                    format!("({})", placeholders.join(", "))
                })
                .collect();
            let sql = format!("INSERT INTO {} VALUES {}", self.into, rows.join(", "));
            on!(again(&mut conn), c => bind_params!(sqlx::query(AssertSqlSafe(sql.as_str())), params)
                .execute(c).await.map(|r| r.rows_affected()))?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Reading

pub async fn service(conn: Conn<'_>, id: ServiceId) -> Result<Option<Service>> {
    let found = load(conn, "s.id = $1", &[Param::Uuid(id.0)]).await?;
    Ok(found.into_iter().next().map(|(service, _)| service))
}

/// The languages some service speaks (ISO 639 codes, sorted), for the
/// search form's choices.
pub async fn languages(conn: Conn<'_>) -> Result<Vec<String>> {
    Ok(on!(conn, c => sqlx::query_scalar(
        "SELECT DISTINCT language FROM service_languages ORDER BY language",
    )
    .fetch_all(c).await)?)
}

/// Where a location is: `None` if there is no such location, `Some(None)`
/// if it has no coordinates.
pub async fn location_position(conn: Conn<'_>, id: LocationId) -> Result<Option<Option<GeoPoint>>> {
    let row: Option<(Option<f64>, Option<f64>)> = on!(conn, c => sqlx::query_as(
        "SELECT latitude, longitude FROM service_locations WHERE id = $1",
    )
    .bind(id).fetch_optional(c).await)?;
    Ok(row.map(|(latitude, longitude)| point(latitude, longitude)))
}

/// Whole services, by name.
pub async fn services(conn: Conn<'_>, filter: &ExportFilter) -> Result<Vec<Service>> {
    let mut clauses = vec!["1 = 1".to_owned()];
    let mut params = Vec::new();
    if let Some(region) = filter.region {
        params.push(Param::Text(region.as_str().to_owned()));
        clauses.push(format!(
            "s.organisation_id IN (SELECT id FROM organisations WHERE region = ${})",
            params.len()
        ));
    }
    if let Some(organisation) = filter.organisation {
        params.push(Param::Uuid(organisation.0));
        clauses.push(format!("s.organisation_id = ${}", params.len()));
    }
    if !filter.include_inactive {
        clauses.push("s.active = TRUE".to_owned());
    }
    let found = load(conn, &clauses.join(" AND "), &params).await?;
    Ok(found.into_iter().map(|(service, _)| service).collect())
}

#[derive(sqlx::FromRow)]
struct ServiceRow {
    id: ServiceId,
    organisation_id: OrganisationId,
    organisation_name: String,
    name: String,
    description: String,
    need_areas: i32,
    eligibility: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    url: Option<String>,
    active: bool,
    updated_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct LocationRow {
    id: LocationId,
    service_id: ServiceId,
    kind: LocationKind,
    name: String,
    street: String,
    postcode: Option<String>,
    comune: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    accessibility: Option<String>,
}

/// The services a condition on `services s` selects, whole, by name, with
/// their organisation's name. Four queries, however many services.
async fn load(mut conn: Conn<'_>, condition: &str, params: &[Param]) -> Result<Vec<(Service, String)>> {
    let sql = format!(
        "SELECT s.id, s.organisation_id, o.name AS organisation_name, s.name, s.description, s.need_areas,
                s.eligibility, s.email, s.phone, s.url, s.active, s.updated_at
         FROM services s JOIN organisations o ON o.id = s.organisation_id
         WHERE {condition} ORDER BY s.name_key, s.id"
    );
    let rows: Vec<ServiceRow> = on!(again(&mut conn), c =>
        bind_params!(sqlx::query_as(AssertSqlSafe(sql.as_str())), params).fetch_all(c).await)?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let selected = format!("SELECT s.id FROM services s WHERE {condition}");

    let sql = format!(
        "SELECT service_id, language FROM service_languages WHERE service_id IN ({selected})
         ORDER BY service_id, position"
    );
    let languages: Vec<(ServiceId, String)> = on!(again(&mut conn), c =>
        bind_params!(sqlx::query_as(AssertSqlSafe(sql.as_str())), params).fetch_all(c).await)?;

    let sql = format!(
        "SELECT id, service_id, kind, name, street, postcode, comune, latitude, longitude, accessibility
         FROM service_locations WHERE service_id IN ({selected}) ORDER BY service_id, position"
    );
    let locations: Vec<LocationRow> = on!(again(&mut conn), c =>
        bind_params!(sqlx::query_as(AssertSqlSafe(sql.as_str())), params).fetch_all(c).await)?;

    let sql = format!(
        "SELECT location_id, day, opens, closes FROM service_hours
         WHERE location_id IN (SELECT l.id FROM service_locations l WHERE l.service_id IN ({selected}))
         ORDER BY location_id, day, opens"
    );
    let hours: Vec<(LocationId, i32, i32, i32)> = on!(conn, c =>
        bind_params!(sqlx::query_as(AssertSqlSafe(sql.as_str())), params).fetch_all(c).await)?;

    let mut hours_of: HashMap<LocationId, Vec<OpeningHours>> = HashMap::new();
    for (location, day, opens, closes) in hours {
        hours_of
            .entry(location)
            .or_default()
            .push(opening_hours(day, opens, closes)?);
    }
    let mut locations_of: HashMap<ServiceId, Vec<Location>> = HashMap::new();
    for row in locations {
        locations_of.entry(row.service_id).or_default().push(Location {
            hours: hours_of.remove(&row.id).unwrap_or_default(),
            id: row.id,
            kind: row.kind,
            name: row.name,
            street: row.street,
            postcode: row.postcode,
            comune: row.comune,
            position: point(row.latitude, row.longitude),
            accessibility: row.accessibility,
        });
    }
    let mut languages_of: HashMap<ServiceId, Vec<String>> = HashMap::new();
    for (service, language) in languages {
        languages_of.entry(service).or_default().push(language);
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let service = Service {
                id: row.id,
                organisation_id: row.organisation_id,
                name: row.name,
                description: row.description,
                need_areas: need_areas(row.need_areas),
                eligibility: row.eligibility,
                languages: languages_of.remove(&row.id).unwrap_or_default(),
                email: row.email,
                phone: row.phone,
                url: row.url,
                active: row.active,
                locations: locations_of.remove(&row.id).unwrap_or_default(),
                updated_at: row.updated_at,
            };
            (service, row.organisation_name)
        })
        .collect())
}

// ---------------------------------------------------------------------------
// Searching

/// One page of the locations (and location-less services) that match every
/// criterion, ranked, and how many match in all: found in the in-memory
/// index ([`index`]), then the page's services loaded whole.
pub async fn search(store: &Store, query: &ServiceQuery, page: Page) -> Result<(Vec<ServiceMatch>, i64)> {
    let mut handle = store.handle().await?;
    let index = store.search_index().fresh(handle.conn()).await?;
    let (keys, total) = index.search(query, page);
    drop(index);
    if keys.is_empty() {
        return Ok((Vec::new(), total));
    }
    let mut ids: Vec<ServiceId> = keys.iter().map(|(service, _)| *service).collect();
    ids.sort();
    ids.dedup();
    let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let params: Vec<Param> = ids.iter().map(|id| Param::Uuid(id.0)).collect();
    let condition = format!("s.id IN ({})", placeholders.join(", "));
    let services: HashMap<ServiceId, (Service, String)> = load(handle.conn(), &condition, &params)
        .await?
        .into_iter()
        .map(|found| (found.0.id, found))
        .collect();
    let matches = keys
        .into_iter()
        .filter_map(|(service_id, location_id)| {
            let (service, organisation_name) = services.get(&service_id)?;
            let location = location_id.and_then(|id| service.locations.iter().find(|l| l.id == id).cloned());
            Some(ServiceMatch {
                service: service.clone(),
                organisation_name: organisation_name.clone(),
                location,
            })
        })
        .collect();
    Ok((matches, total))
}

// ---------------------------------------------------------------------------
// Values and conversions

/// A value bound to a numbered placeholder.
#[derive(Debug, Clone, PartialEq)]
enum Param {
    Text(String),
    OptionalText(Option<String>),
    Uuid(uuid::Uuid),
    OptionalUuid(Option<uuid::Uuid>),
    Bool(bool),
    Time(DateTime<Utc>),
    Int(i32),
    BigInt(i64),
    OptionalFloat(Option<f64>),
}

/// Binds a slice of [`Param`]s, in order, to a query.
macro_rules! bind_params {
    ($query:expr, $params:expr) => {{
        let mut query = $query;
        for param in $params.iter() {
            query = match param {
                Param::Text(v) => query.bind(v.clone()),
                Param::OptionalText(v) => query.bind(v.clone()),
                Param::Uuid(v) => query.bind(*v),
                Param::OptionalUuid(v) => query.bind(*v),
                Param::Bool(v) => query.bind(*v),
                Param::Time(v) => query.bind(*v),
                Param::Int(v) => query.bind(*v),
                Param::BigInt(v) => query.bind(*v),
                Param::OptionalFloat(v) => query.bind(*v),
            };
        }
        query
    }};
}
use bind_params;

/// The same connection again, for the next query of a function.
fn again<'a>(conn: &'a mut Conn<'_>) -> Conn<'a> {
    match conn {
        Conn::Sqlite(c) => Conn::Sqlite(c),
        Conn::Postgres(c) => Conn::Postgres(c),
    }
}

/// Bit n stands for the n-th need area.
fn need_mask(areas: &[NeedArea]) -> i32 {
    NeedArea::all()
        .enumerate()
        .filter(|(_, area)| areas.contains(area))
        .fold(0, |mask, (bit, _)| mask | (1 << bit))
}

fn need_areas(mask: i32) -> Vec<NeedArea> {
    NeedArea::all()
        .enumerate()
        .filter(|(bit, _)| mask & (1 << bit) != 0)
        .map(|(_, area)| area)
        .collect()
}

/// Text as searches compare it (lower case, no accents): the same folding
/// as the comuni's names, so one word finds both.
pub use soleil_reference::fold;

fn text_key(service: &Service) -> String {
    let eligibility = service.eligibility.as_deref().unwrap_or_default();
    fold(&format!("{} {} {eligibility}", service.name, service.description))
}

fn minutes(time: NaiveTime) -> i32 {
    (time.hour() * 60 + time.minute()) as i32
}

fn count(position: usize) -> i32 {
    i32::try_from(position).unwrap_or(i32::MAX)
}

fn point(latitude: Option<f64>, longitude: Option<f64>) -> Option<GeoPoint> {
    GeoPoint::new(latitude?, longitude?)
}

fn opening_hours(day: i32, opens: i32, closes: i32) -> Result<OpeningHours> {
    let corrupt = || crate::StoreError::Corrupt(format!("opening hours {day} {opens}-{closes}"));
    let time = |m: i32| {
        let m = u32::try_from(m).ok()?;
        NaiveTime::from_hms_opt(m / 60, m % 60, 0)
    };
    Ok(OpeningHours {
        day: Weekday::all()
            .nth(usize::try_from(day).map_err(|_| corrupt())?)
            .ok_or_else(corrupt)?,
        opens: time(opens).ok_or_else(corrupt)?,
        closes: time(closes).ok_or_else(corrupt)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_hours_are_bits_exact_when_aligned() {
        let time = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
        let interval = |day, opens, closes| OpeningHours { day, opens, closes };
        let bits = WeekBits::of(&[interval(Weekday::Monday, time(9, 0), time(9, 30))]);
        assert!(bits.exact);
        assert_eq!(bits.words[0], 0b11 << 36);
        // Sunday 23:45 is the week's last quarter, 671: bit 31 of word 10.
        let (word, bit) = WeekBits::quarter(Weekday::Sunday, 23 * 60 + 50);
        assert_eq!((word, bit), (10, 1 << 31));
        assert_eq!(WeekBits::quarter(Weekday::Monday, 15 * 60 + 45).1, i64::MIN);
        let late = WeekBits::of(&[interval(Weekday::Sunday, time(23, 40), time(23, 59))]);
        assert!(!late.exact);
        assert_eq!(late.words[10], 0b11 << 30);
    }

    #[test]
    fn need_areas_round_trip_through_the_mask() {
        let areas = vec![NeedArea::Work, NeedArea::Health, NeedArea::Language];
        assert_eq!(need_areas(need_mask(&areas)), areas);
        assert_eq!(need_mask(&[]), 0);
        assert_eq!(need_mask(&[NeedArea::Training]), 1);
    }

    #[test]
    fn closing_at_midnight_is_the_last_minute_that_fits() {
        let hours = opening_hours(6, 9 * 60, 23 * 60 + 59).ok();
        assert_eq!(hours.map(|h| h.day), Some(Weekday::Sunday));
        assert!(opening_hours(7, 0, 10).is_err());
        assert!(opening_hours(0, 0, 24 * 60).is_err());
    }
}
