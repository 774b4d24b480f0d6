//! The directory search, in memory.
//!
//! A national directory is about 130,000 rows of `service_hits`, read far
//! more often than written. Searches whose criteria no database index
//! narrows (open now, a common word) had to scan them all twice; in memory
//! the same scan takes a few milliseconds. So each process keeps a compact
//! copy of the rows, rebuilt from the database when the directory's
//! revision (a counter every directory write increments in its own
//! transaction, see `0007_directory_revision.sql`) moves past it: servers
//! sharing one PostgreSQL database see each other's writes at their next
//! search.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use soleil_domain::OrganisationId;
use soleil_domain::directory::{GeoPoint, LocationId, LocationKind, ServiceId, ServiceQuery, WeekMoment};

use super::{KM_PER_DEGREE, WeekBits, again, fold, minutes, need_mask, point};
use crate::{Conn, Page, Result, on};

/// The copy a process keeps, and the one rebuild allowed at a time.
///
/// A search that finds the copy older than the database waits for the
/// rebuild (its own or one already under way) rather than answering from
/// the old copy: whoever has just saved a service must find it at once.
#[derive(Default)]
pub(crate) struct SearchIndex {
    current: RwLock<Option<Arc<Snapshot>>>,
    rebuilding: tokio::sync::Mutex<()>,
}

impl SearchIndex {
    /// The copy of the rows as of the database's revision, rebuilt first if
    /// it is older.
    pub(super) async fn fresh(&self, mut conn: Conn<'_>) -> Result<Arc<Snapshot>> {
        let revision = revision(again(&mut conn)).await?;
        if let Some(snapshot) = self.at_least(revision) {
            return Ok(snapshot);
        }
        let _turn = self.rebuilding.lock().await;
        // Another search may have rebuilt it while this one waited.
        if let Some(snapshot) = self.at_least(revision) {
            return Ok(snapshot);
        }
        let snapshot = Arc::new(Snapshot::load(conn).await?);
        *self.current.write().unwrap_or_else(PoisonError::into_inner) = Some(Arc::clone(&snapshot));
        Ok(snapshot)
    }

    fn at_least(&self, revision: i64) -> Option<Arc<Snapshot>> {
        let current = self.current.read().unwrap_or_else(PoisonError::into_inner);
        current.as_ref().filter(|s| s.revision >= revision).cloned()
    }
}

/// The directory's revision: one primary-key lookup.
async fn revision(conn: Conn<'_>) -> Result<i64> {
    Ok(
        on!(conn, c => sqlx::query_scalar("SELECT revision FROM directory_revision WHERE id = 1")
        .fetch_one(c).await)?,
    )
}

/// What every location of a service shares.
struct ServiceEntry {
    id: ServiceId,
    organisation: OrganisationId,
    active: bool,
    need_areas: i32,
    /// Codes of [`Snapshot::codes`], sorted.
    languages: Box<[u32]>,
    name_key: Box<str>,
}

/// One row of `service_hits`: a location of a service, or a service
/// without locations.
struct Hit {
    /// Index in [`Snapshot::services`].
    service: u32,
    location: Option<LocationId>,
    kind: Option<LocationKind>,
    /// Codes of [`Snapshot::codes`]; [`NO_CODE`] without a location.
    comune: u32,
    province: u32,
    region: u32,
    point: Option<GeoPoint>,
    /// Quarter hours of the week, as `WeekBits`.
    open: [u64; WeekBits::WORDS],
    /// The intervals themselves (day, opens, closes in minutes) when some
    /// does not start or end on a quarter hour, so that a set bit is not
    /// enough.
    inexact_hours: Option<Box<[(i32, i32, i32)]>>,
}

const NO_CODE: u32 = u32::MAX;

/// Every hit of the directory as of a revision.
pub(super) struct Snapshot {
    /// The revision read before the rows: the rows are at least as new.
    revision: i64,
    services: Vec<ServiceEntry>,
    /// In the order of names: name key, service id, position.
    hits: Vec<Hit>,
    /// Every distinct word of the services' texts, sorted, with the
    /// services (indices) that have it.
    words: Vec<(Box<str>, Vec<u32>)>,
    /// Place and language codes, as numbers.
    codes: HashMap<Box<str>, u32>,
}

#[derive(sqlx::FromRow)]
struct HitRow {
    service_id: ServiceId,
    location_id: Option<LocationId>,
    position: i32,
    active: bool,
    organisation_id: OrganisationId,
    need_areas: i32,
    languages: String,
    name_key: String,
    kind: Option<LocationKind>,
    comune: Option<String>,
    province_code: Option<String>,
    region_code: Option<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    open_0: i64,
    open_1: i64,
    open_2: i64,
    open_3: i64,
    open_4: i64,
    open_5: i64,
    open_6: i64,
    open_7: i64,
    open_8: i64,
    open_9: i64,
    open_10: i64,
    hours_exact: bool,
}

impl HitRow {
    fn open(&self) -> [u64; WeekBits::WORDS] {
        [
            self.open_0,
            self.open_1,
            self.open_2,
            self.open_3,
            self.open_4,
            self.open_5,
            self.open_6,
            self.open_7,
            self.open_8,
            self.open_9,
            self.open_10,
        ]
        .map(|word| u64::from_ne_bytes(word.to_ne_bytes()))
    }
}

impl Snapshot {
    /// Reads the whole directory: the revision first, then three queries.
    /// A write that lands between them makes the rows newer than the
    /// revision, never older, and the next search rebuilds again.
    async fn load(mut conn: Conn<'_>) -> Result<Self> {
        let revision = revision(again(&mut conn)).await?;
        let mut rows: Vec<HitRow> = on!(again(&mut conn), c => sqlx::query_as(
            "SELECT service_id, location_id, position, active, organisation_id, need_areas, languages, name_key,
                    kind, comune, province_code, region_code, latitude, longitude, open_0, open_1, open_2,
                    open_3, open_4, open_5, open_6, open_7, open_8, open_9, open_10, hours_exact
             FROM service_hits",
        )
        .fetch_all(c).await)?;
        let words: Vec<(ServiceId, String)> = on!(again(&mut conn), c => sqlx::query_as(
            "SELECT service_id, string_agg(word, ' ') FROM service_words GROUP BY service_id",
        )
        .fetch_all(c).await)?;
        let hours: Vec<(LocationId, i32, i32, i32)> = on!(conn, c => sqlx::query_as(
            "SELECT location_id, day, opens, closes FROM service_hours
             WHERE location_id IN (SELECT location_id FROM service_hits WHERE hours_exact = FALSE)",
        )
        .fetch_all(c).await)?;

        rows.sort_by(|a, b| {
            (&a.name_key, a.service_id, a.position).cmp(&(&b.name_key, b.service_id, b.position))
        });
        let mut snapshot = Self {
            revision,
            services: Vec::new(),
            hits: Vec::with_capacity(rows.len()),
            words: Vec::new(),
            codes: HashMap::new(),
        };
        let mut inexact: HashMap<LocationId, Vec<(i32, i32, i32)>> = HashMap::new();
        for (location, day, opens, closes) in hours {
            inexact.entry(location).or_default().push((day, opens, closes));
        }
        let mut service_index: HashMap<ServiceId, u32> = HashMap::new();
        for row in rows {
            let service = match service_index.get(&row.service_id) {
                Some(index) => *index,
                None => {
                    let index = snapshot.services.len() as u32;
                    let mut languages: Vec<u32> = row
                        .languages
                        .split_whitespace()
                        .map(|l| snapshot.code(l))
                        .collect();
                    languages.sort_unstable();
                    snapshot.services.push(ServiceEntry {
                        id: row.service_id,
                        organisation: row.organisation_id,
                        active: row.active,
                        need_areas: row.need_areas,
                        languages: languages.into(),
                        name_key: row.name_key.as_str().into(),
                    });
                    service_index.insert(row.service_id, index);
                    index
                }
            };
            let hit = Hit {
                service,
                location: row.location_id,
                kind: row.kind,
                comune: snapshot.optional_code(row.comune.as_deref()),
                province: snapshot.optional_code(row.province_code.as_deref()),
                region: snapshot.optional_code(row.region_code.as_deref()),
                point: point(row.latitude, row.longitude),
                open: row.open(),
                inexact_hours: match (row.hours_exact, row.location_id) {
                    (false, Some(location)) => Some(inexact.remove(&location).unwrap_or_default().into()),
                    _ => None,
                },
            };
            snapshot.hits.push(hit);
        }
        let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
        for (service_id, text) in words {
            let Some(service) = service_index.get(&service_id) else {
                continue;
            };
            for word in text.split(' ') {
                postings.entry(word.to_owned()).or_default().push(*service);
            }
        }
        snapshot.words = postings
            .into_iter()
            .map(|(word, services)| (word.into_boxed_str(), services))
            .collect();
        snapshot.words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Ok(snapshot)
    }

    fn code(&mut self, text: &str) -> u32 {
        let next = self.codes.len() as u32;
        *self.codes.entry(text.into()).or_insert(next)
    }

    fn optional_code(&mut self, text: Option<&str>) -> u32 {
        text.map_or(NO_CODE, |text| self.code(text))
    }

    /// The services with a word that begins with `prefix`, as flags by index.
    fn services_with_prefix(&self, prefix: &str) -> Vec<bool> {
        let mut found = vec![false; self.services.len()];
        let first = self.words.partition_point(|(word, _)| &**word < prefix);
        for (_, services) in self.words[first..]
            .iter()
            .take_while(|(word, _)| word.starts_with(prefix))
        {
            for service in services {
                found[*service as usize] = true;
            }
        }
        found
    }

    /// The page's services and locations, ranked, and how many match in
    /// all: nearest first from a point, else names that begin with the text
    /// first, then names that contain it, else by name.
    pub(super) fn search(
        &self,
        query: &ServiceQuery,
        page: Page,
    ) -> (Vec<(ServiceId, Option<LocationId>)>, i64) {
        let Some(filter) = Filter::of(query, self) else {
            return (Vec::new(), 0);
        };
        let matches: Vec<u32> = (0..self.hits.len() as u32)
            .filter(|i| filter.accepts(self, &self.hits[*i as usize]))
            .collect();
        let total = matches.len() as i64;
        let offset = usize::try_from(page.offset()).unwrap_or(usize::MAX);
        let end = offset.saturating_add(usize::try_from(page.limit()).unwrap_or_default());
        let ranked = if let Some(near) = query.near {
            // Without a position, last; ties by name.
            let keyed = matches.into_iter().map(|i| {
                let distance = self.hits[i as usize].point.map(|p| near.distance_km(p));
                ((distance.is_none(), distance.unwrap_or_default()), i)
            });
            top(keyed.collect(), end, |a, b| {
                a.0.0
                    .cmp(&b.0.0)
                    .then(a.0.1.total_cmp(&b.0.1))
                    .then(a.1.cmp(&b.1))
            })
        } else if let Some(text) = &filter.text {
            let keyed = matches.into_iter().map(|i| {
                let name = &self.services[self.hits[i as usize].service as usize].name_key;
                let relevance = match name.find(text.as_str()) {
                    Some(0) => 0_u8,
                    Some(_) => 1,
                    None => 2,
                };
                (relevance, i)
            });
            top(keyed.collect(), end, Ord::cmp)
        } else {
            matches.into_iter().take(end).collect()
        };
        let page = ranked
            .into_iter()
            .skip(offset)
            .map(|i| {
                let hit = &self.hits[i as usize];
                (self.services[hit.service as usize].id, hit.location)
            })
            .collect();
        (page, total)
    }
}

/// The first `end` of `keyed` in the order of `compare`, without sorting
/// the rest; their hit indices.
fn top<K>(
    mut keyed: Vec<(K, u32)>,
    end: usize,
    compare: impl Fn(&(K, u32), &(K, u32)) -> std::cmp::Ordering,
) -> Vec<u32> {
    if end == 0 {
        return Vec::new();
    }
    if keyed.len() > end {
        keyed.select_nth_unstable_by(end - 1, &compare);
        keyed.truncate(end);
    }
    keyed.sort_unstable_by(&compare);
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// A [`ServiceQuery`] with its codes turned into the snapshot's numbers.
struct Filter {
    include_inactive: bool,
    needs_location: bool,
    organisation: Option<OrganisationId>,
    need_mask: Option<i32>,
    language: Option<u32>,
    /// The text folded, and the services each of its words begins a word of.
    text: Option<String>,
    text_services: Option<Vec<bool>>,
    kind: Option<LocationKind>,
    region: Option<u32>,
    province: Option<u32>,
    comune: Option<u32>,
    open_at: Option<WeekMoment>,
    within: Option<Circle>,
}

/// A point and a radius, with the box around them that is cheaper to test.
struct Circle {
    centre: GeoPoint,
    km: f64,
    south: f64,
    north: f64,
    west: f64,
    east: f64,
}

impl Filter {
    /// `None` when a code the query names is nowhere in the directory.
    fn of(query: &ServiceQuery, snapshot: &Snapshot) -> Option<Self> {
        let code = |text: &Option<String>| match text {
            Some(text) => snapshot.codes.get(text.as_str()).copied().map(Some),
            None => Some(None),
        };
        let places = query.region.is_some() || query.province.is_some() || query.comune.is_some();
        let text = query.text.as_deref().map(fold).filter(|text| !text.is_empty());
        let text_services = text.as_ref().map(|text| {
            text.split(' ')
                .map(|word| snapshot.services_with_prefix(word))
                .reduce(|all, next| all.iter().zip(next).map(|(a, b)| *a && b).collect())
                .unwrap_or_default()
        });
        Some(Self {
            include_inactive: query.include_inactive,
            // A place criterion needs a location; without one, services
            // that have none are listed too.
            needs_location: places || query.near.is_some() || query.kind.is_some() || query.open_at.is_some(),
            organisation: query.organisation,
            need_mask: query.need_area.map(|area| need_mask(&[area])),
            language: code(&query.language)?,
            text,
            text_services,
            kind: query.kind,
            region: code(&query.region)?,
            province: code(&query.province)?,
            comune: code(&query.comune)?,
            open_at: query.open_at,
            within: query
                .near
                .zip(query.within_km)
                .map(|(centre, km)| Circle::new(centre, km)),
        })
    }

    fn accepts(&self, snapshot: &Snapshot, hit: &Hit) -> bool {
        let service = &snapshot.services[hit.service as usize];
        (self.include_inactive || service.active)
            && (!self.needs_location || hit.location.is_some())
            && self.organisation.is_none_or(|o| o == service.organisation)
            && self.need_mask.is_none_or(|mask| service.need_areas & mask != 0)
            && self
                .language
                .is_none_or(|l| service.languages.binary_search(&l).is_ok())
            && self.kind.is_none_or(|kind| hit.kind == Some(kind))
            && self.region.is_none_or(|code| hit.region == code)
            && self.province.is_none_or(|code| hit.province == code)
            && self.comune.is_none_or(|code| hit.comune == code)
            && self
                .text_services
                .as_ref()
                .is_none_or(|services| services[hit.service as usize])
            && self.open_at.is_none_or(|at| is_open(hit, at))
            && self
                .within
                .as_ref()
                .is_none_or(|circle| hit.point.is_some_and(|p| circle.holds(p)))
    }
}

fn is_open(hit: &Hit, at: WeekMoment) -> bool {
    let minute = minutes(at.time);
    let (word, bit) = WeekBits::quarter(at.day, minute);
    let bit = u64::from_ne_bytes(bit.to_ne_bytes());
    if hit.open[word] & bit == 0 {
        return false;
    }
    let day = i32::from(at.day.number());
    hit.inexact_hours.as_ref().is_none_or(|hours| {
        hours
            .iter()
            .any(|(d, opens, closes)| *d == day && *opens <= minute && *closes > minute)
    })
}

impl Circle {
    fn new(centre: GeoPoint, km: f64) -> Self {
        // No point within the circle lies farther in latitude than its
        // radius in degrees, nor farther in longitude than the tangent
        // great circles (the usual bounding box of a spherical cap); the
        // exact distance decides within the box.
        let radians = km / (KM_PER_DEGREE * 180.0 / std::f64::consts::PI);
        let degrees = radians.to_degrees();
        let sin_span = radians.sin() / centre.latitude.to_radians().cos();
        let span = if radians < std::f64::consts::FRAC_PI_2 && sin_span < 1.0 {
            sin_span.asin().to_degrees()
        } else {
            180.0
        };
        Self {
            centre,
            km,
            south: centre.latitude - degrees,
            north: centre.latitude + degrees,
            west: centre.longitude - span,
            east: centre.longitude + span,
        }
    }

    fn holds(&self, p: GeoPoint) -> bool {
        (self.south..=self.north).contains(&p.latitude)
            && (self.west..=self.east).contains(&p.longitude)
            && self.centre.distance_km(p) <= self.km
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_holds_every_point_of_the_circle() {
        let centre = GeoPoint::new(45.0, 12.0).unwrap_or_else(|| unreachable!());
        let circle = Circle::new(centre, 500.0);
        // 499 km away in every direction: heading east, the great circle
        // bends towards the equator and lies farther in longitude than
        // 499 km along the parallel would.
        for bearing in 0..360 {
            let far = destination(centre, f64::from(bearing), 499.0);
            assert!(circle.holds(far), "bearing {bearing}: {far:?}");
        }
        assert!(!circle.holds(destination(centre, 90.0, 501.0)));
        assert!(!circle.holds(destination(centre, 0.0, 501.0)));
    }

    /// The point `km` away from `from` on the initial bearing `degrees`.
    fn destination(from: GeoPoint, degrees: f64, km: f64) -> GeoPoint {
        let d = km / 6371.0;
        let (lat, lon, bearing) = (
            from.latitude.to_radians(),
            from.longitude.to_radians(),
            degrees.to_radians(),
        );
        let lat2 = (lat.sin() * d.cos() + lat.cos() * d.sin() * bearing.cos()).asin();
        let lon2 = lon + (bearing.sin() * d.sin() * lat.cos()).atan2(d.cos() - lat.sin() * lat2.sin());
        GeoPoint::new(lat2.to_degrees(), lon2.to_degrees()).unwrap_or_else(|| unreachable!())
    }
}
