//! The services directory: what each organisation of the network offers,
//! for whom, where and when. Its shape follows the Open Referral Human
//! Services Data Specification (HSDS v3) — a service with need areas,
//! eligibility and languages, delivered at locations with an address,
//! coordinates and opening hours — so it can be exchanged with any HSDS
//! directory; the mapping itself lives in the app's HSDS module.

use chrono::{DateTime, NaiveTime, Utc};

use crate::organisation::OrganisationId;
use crate::plan::NeedArea;
use crate::validation::{Invalid, LONG_TEXT, SHORT_TEXT};

crate::id_type!(ServiceId);
crate::id_type!(LocationId);

crate::text_enum! {
    /// What kind of place a location is: it tells an operator whether a
    /// person can walk in, must wait for a van, or can sleep there.
    LocationKind {
        /// A fixed desk (sportello) with regular hours.
        Desk,
        /// A one-stop shop gathering several services (sportello unico, PAS).
        OneStopShop,
        /// A stop of a mobile unit (unità di strada), e.g. at a farm road.
        MobileUnitStop,
        /// A shelter or reception facility; its address is for the network only.
        Shelter,
        /// Any other office: a job centre, a union office, a clinic.
        Office,
    }
}

crate::text_enum! {
    /// A day of the week, as opening hours name it.
    Weekday { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday }
}

impl Weekday {
    /// The HSDS/iCalendar two-letter code (`MO` … `SU`).
    pub fn ical(self) -> &'static str {
        match self {
            Self::Monday => "MO",
            Self::Tuesday => "TU",
            Self::Wednesday => "WE",
            Self::Thursday => "TH",
            Self::Friday => "FR",
            Self::Saturday => "SA",
            Self::Sunday => "SU",
        }
    }

    pub fn from_ical(code: &str) -> Option<Self> {
        Self::all().find(|day| day.ical().eq_ignore_ascii_case(code.trim()))
    }

    /// Monday is 0, as `chrono::Weekday::num_days_from_monday` counts.
    pub fn number(self) -> u8 {
        Self::all().position(|day| day == self).unwrap_or_default() as u8
    }

    pub fn from_chrono(day: chrono::Weekday) -> Self {
        Self::all()
            .nth(day.num_days_from_monday() as usize)
            .unwrap_or(Self::Monday)
    }
}

/// A point on the map, WGS 84.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct GeoPoint {
    pub latitude: f64,
    pub longitude: f64,
}

impl GeoPoint {
    const EARTH_RADIUS_KM: f64 = 6371.0;

    /// A point, if both coordinates are within their ranges.
    pub fn new(latitude: f64, longitude: f64) -> Option<Self> {
        ((-90.0..=90.0).contains(&latitude) && (-180.0..=180.0).contains(&longitude))
            .then_some(Self { latitude, longitude })
    }

    /// Great-circle distance (haversine).
    pub fn distance_km(self, other: GeoPoint) -> f64 {
        let (lat1, lat2) = (self.latitude.to_radians(), other.latitude.to_radians());
        let dlat = lat2 - lat1;
        let dlon = (other.longitude - self.longitude).to_radians();
        let a = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * Self::EARTH_RADIUS_KM * a.sqrt().asin()
    }
}

/// One opening interval of a week day, in Italian civil time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct OpeningHours {
    pub day: Weekday,
    /// e.g. "09:00".
    #[schema(value_type = String, example = "09:00")]
    pub opens: NaiveTime,
    /// e.g. "13:00"; after `opens`.
    #[schema(value_type = String, example = "13:00")]
    pub closes: NaiveTime,
}

impl OpeningHours {
    /// Whether the interval covers a moment of the week.
    pub fn covers(&self, at: WeekMoment) -> bool {
        self.day == at.day && self.opens <= at.time && at.time < self.closes
    }
}

/// A moment of the week in Italian civil time, for "open now".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekMoment {
    pub day: Weekday,
    pub time: NaiveTime,
}

impl WeekMoment {
    pub fn of(local: chrono::NaiveDateTime) -> Self {
        use chrono::Datelike;
        Self {
            day: Weekday::from_chrono(local.weekday()),
            time: local.time(),
        }
    }
}

/// Where a service is delivered.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Location {
    pub id: LocationId,
    pub kind: LocationKind,
    /// How people know it: "Sportello Latina", "Sosta Borgo Hermada".
    pub name: String,
    /// Street and number.
    pub street: String,
    pub postcode: Option<String>,
    /// ISTAT code of the comune (six digits).
    pub comune: String,
    pub position: Option<GeoPoint>,
    /// Step-free access, interpreters on site, …; in words.
    pub accessibility: Option<String>,
    pub hours: Vec<OpeningHours>,
}

impl Location {
    /// Open at that moment of the week; a location without hours never is.
    pub fn is_open(&self, at: WeekMoment) -> bool {
        self.hours.iter().any(|hours| hours.covers(at))
    }
}

/// What an organisation offers, for whom, in which languages, and where.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Service {
    pub id: ServiceId,
    pub organisation_id: OrganisationId,
    pub name: String,
    /// What the service does.
    pub description: String,
    pub need_areas: Vec<NeedArea>,
    /// Who it is for, in words ("lavoratori agricoli, anche senza permesso").
    pub eligibility: Option<String>,
    /// ISO 639 codes of the languages spoken (e.g. `it`, `pa`, `ar`).
    pub languages: Vec<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub url: Option<String>,
    /// A suspended service stays in the directory but is not found.
    pub active: bool,
    pub locations: Vec<Location>,
    pub updated_at: DateTime<Utc>,
}

/// A location as a form or an import gives it; an id keeps an existing one.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct LocationInput {
    #[serde(default)]
    pub id: Option<LocationId>,
    pub kind: LocationKind,
    pub name: String,
    pub street: String,
    #[serde(default)]
    pub postcode: Option<String>,
    /// ISTAT code of the comune.
    pub comune: String,
    #[serde(default)]
    pub latitude: Option<f64>,
    #[serde(default)]
    pub longitude: Option<f64>,
    #[serde(default)]
    pub accessibility: Option<String>,
    #[serde(default)]
    pub hours: Vec<OpeningHours>,
}

/// A service as a form, the API or an import gives it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct ServiceInput {
    pub organisation_id: OrganisationId,
    pub name: String,
    pub description: String,
    #[serde(default)]
    pub need_areas: Vec<NeedArea>,
    #[serde(default)]
    pub eligibility: Option<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default = "active_by_default")]
    pub active: bool,
    #[serde(default)]
    pub locations: Vec<LocationInput>,
}

fn active_by_default() -> bool {
    true
}

/// The most locations one service may have (a mobile unit's stops included).
pub const MAX_LOCATIONS: usize = 100;
/// The most opening intervals one location may have.
pub const MAX_HOURS: usize = 28;

impl ServiceInput {
    /// Checks every field and builds the service; `known_comune` tells
    /// whether an ISTAT code names a comune of the reference data. Errors
    /// name nested fields as `locations[1].hours[0].closes`.
    pub fn parse(
        &self,
        id: ServiceId,
        now: DateTime<Utc>,
        known_comune: impl Fn(&str) -> bool,
    ) -> Result<Service, Invalid> {
        let mut invalid = Invalid::new();
        let name = invalid.text("name", &self.name, SHORT_TEXT);
        let description = invalid.text("description", &self.description, LONG_TEXT);
        let eligibility = invalid.optional_text("eligibility", self.eligibility.as_deref(), LONG_TEXT);
        let email = invalid.optional_text("email", self.email.as_deref(), SHORT_TEXT);
        if email.as_deref().is_some_and(|e| !plausible_email(e)) {
            invalid.add("email", "invalid_email");
        }
        let phone = invalid.optional_text("phone", self.phone.as_deref(), SHORT_TEXT);
        if phone
            .as_deref()
            .is_some_and(|p| !crate::organisation::plausible_phone(p))
        {
            invalid.add("phone", "invalid_phone");
        }
        let url = invalid.optional_text("url", self.url.as_deref(), SHORT_TEXT);
        if url
            .as_deref()
            .is_some_and(|u| !(u.starts_with("https://") || u.starts_with("http://")))
        {
            invalid.add("url", "invalid_url");
        }
        let mut need_areas = self.need_areas.clone();
        need_areas.sort();
        need_areas.dedup();
        let mut languages = Vec::new();
        for (i, language) in self.languages.iter().enumerate() {
            match language_code(language) {
                Some(code) if !languages.contains(&code) => languages.push(code),
                Some(_) => {}
                None => invalid.add(&format!("languages[{i}]"), "invalid_language"),
            }
        }
        if self.locations.len() > MAX_LOCATIONS {
            invalid.add("locations", "too_many");
        }
        let locations = self
            .locations
            .iter()
            .enumerate()
            .map(|(i, location)| location.parse(&format!("locations[{i}]"), &mut invalid, &known_comune))
            .collect();
        invalid.into_result(Service {
            id,
            organisation_id: self.organisation_id,
            name,
            description,
            need_areas,
            eligibility,
            languages,
            email,
            phone,
            url,
            active: self.active,
            locations,
            updated_at: now,
        })
    }
}

impl LocationInput {
    fn parse(&self, field: &str, invalid: &mut Invalid, known_comune: &impl Fn(&str) -> bool) -> Location {
        let at = |name: &str| format!("{field}.{name}");
        let name = invalid.text(&at("name"), &self.name, SHORT_TEXT);
        let street = invalid.text(&at("street"), &self.street, SHORT_TEXT);
        let postcode = invalid.optional_text(&at("postcode"), self.postcode.as_deref(), SHORT_TEXT);
        if postcode
            .as_deref()
            .is_some_and(|p| p.len() != 5 || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            invalid.add(&at("postcode"), "invalid_postcode");
        }
        let comune = self.comune.trim().to_owned();
        if comune.is_empty() {
            invalid.add(&at("comune"), "required");
        } else if !known_comune(&comune) {
            invalid.add(&at("comune"), "unknown_comune");
        }
        let position = match (self.latitude, self.longitude) {
            (None, None) => None,
            (Some(latitude), Some(longitude)) => {
                let point = GeoPoint::new(latitude, longitude);
                if point.is_none() {
                    invalid.add(&at("latitude"), "invalid_coordinates");
                }
                point
            }
            _ => {
                invalid.add(&at("latitude"), "coordinates_in_pairs");
                None
            }
        };
        let accessibility =
            invalid.optional_text(&at("accessibility"), self.accessibility.as_deref(), LONG_TEXT);
        if self.hours.len() > MAX_HOURS {
            invalid.add(&at("hours"), "too_many");
        }
        for (i, hours) in self.hours.iter().enumerate() {
            if hours.closes <= hours.opens {
                invalid.add(&at(&format!("hours[{i}].closes")), "closes_before_opens");
            }
        }
        let mut hours = self.hours.clone();
        hours.sort_by_key(|h| (h.day.number(), h.opens));
        hours.dedup();
        Location {
            id: self.id.unwrap_or_default(),
            kind: self.kind,
            name,
            street,
            postcode,
            comune,
            position,
            accessibility,
            hours,
        }
    }
}

/// An ISO 639-1 or 639-3 code, lower-cased; `None` if it cannot be one.
pub fn language_code(text: &str) -> Option<String> {
    let code = text.trim().to_ascii_lowercase();
    ((2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())).then_some(code)
}

fn plausible_email(email: &str) -> bool {
    email
        .split_once('@')
        .is_some_and(|(user, domain)| !user.is_empty() && domain.contains('.') && !email.contains(' '))
}

/// What to look for in the directory; every criterion is optional and they
/// all must hold. With a point, the nearest come first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServiceQuery {
    /// Words of the name or the description.
    pub text: Option<String>,
    pub need_area: Option<NeedArea>,
    /// ISO 639 code.
    pub language: Option<String>,
    pub kind: Option<LocationKind>,
    pub organisation: Option<OrganisationId>,
    /// ISTAT code of the region (two digits).
    pub region: Option<String>,
    /// ISTAT code of the province (three digits).
    pub province: Option<String>,
    /// ISTAT code of the comune (six digits).
    pub comune: Option<String>,
    /// Only locations open at that moment.
    pub open_at: Option<WeekMoment>,
    /// Rank by distance from this point.
    pub near: Option<GeoPoint>,
    /// Rank by distance from this location of the directory (the app
    /// resolves it to its point).
    pub near_location: Option<LocationId>,
    /// With `near`: no farther than this.
    pub within_km: Option<f64>,
    /// The moment each hit's "open now" is judged at; the present when `None`.
    pub at: Option<WeekMoment>,
    /// Suspended services too (for their organisation's editors).
    pub include_inactive: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(text: &str) -> NaiveTime {
        text.parse().unwrap_or_default()
    }

    fn input() -> ServiceInput {
        ServiceInput {
            organisation_id: OrganisationId::new(),
            name: "Sportello lavoro".to_owned(),
            description: "Orientamento al lavoro".to_owned(),
            need_areas: vec![NeedArea::Work, NeedArea::Work],
            eligibility: None,
            languages: vec!["IT".to_owned(), "pa".to_owned(), "it".to_owned()],
            email: Some("info@example.org".to_owned()),
            phone: None,
            url: None,
            active: true,
            locations: vec![LocationInput {
                id: None,
                kind: LocationKind::Desk,
                name: "Latina".to_owned(),
                street: "Via Roma 1".to_owned(),
                postcode: Some("04100".to_owned()),
                comune: "059011".to_owned(),
                latitude: Some(41.47),
                longitude: Some(12.9),
                accessibility: None,
                hours: vec![OpeningHours {
                    day: Weekday::Monday,
                    opens: time("09:00"),
                    closes: time("13:00"),
                }],
            }],
        }
    }

    fn codes(result: Result<Service, Invalid>) -> Vec<(String, String)> {
        result
            .err()
            .map(|e| e.errors.into_iter().map(|e| (e.field, e.code)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_service_is_normalised() {
        let service = input().parse(ServiceId::new(), Utc::now(), |_| true);
        let service = service.ok();
        assert_eq!(
            service.as_ref().map(|s| s.need_areas.clone()),
            Some(vec![NeedArea::Work])
        );
        assert_eq!(
            service.map(|s| s.languages),
            Some(vec!["it".to_owned(), "pa".to_owned()])
        );
    }

    #[test]
    fn nested_mistakes_are_named_by_path() {
        let mut bad = input();
        bad.languages.push("punjabi".to_owned());
        bad.locations[0].comune = "999999".to_owned();
        bad.locations[0].latitude = None;
        bad.locations[0].hours[0].closes = time("08:00");
        let errors = codes(bad.parse(ServiceId::new(), Utc::now(), |code| code == "059011"));
        let expected = [
            ("languages[3]", "invalid_language"),
            ("locations[0].comune", "unknown_comune"),
            ("locations[0].latitude", "coordinates_in_pairs"),
            ("locations[0].hours[0].closes", "closes_before_opens"),
        ];
        assert_eq!(
            errors,
            expected.map(|(f, c)| (f.to_owned(), c.to_owned())).to_vec()
        );
    }

    #[test]
    fn open_hours_cover_their_interval_only() {
        let hours = input().locations[0].hours[0];
        let at = |day, t| WeekMoment { day, time: time(t) };
        assert!(hours.covers(at(Weekday::Monday, "09:00")));
        assert!(hours.covers(at(Weekday::Monday, "12:59")));
        assert!(!hours.covers(at(Weekday::Monday, "13:00")));
        assert!(!hours.covers(at(Weekday::Tuesday, "10:00")));
        assert_eq!(Weekday::from_ical("sa"), Some(Weekday::Saturday));
        assert_eq!(Weekday::Sunday.number(), 6);
    }

    #[test]
    fn distances_are_great_circle() {
        let rome = GeoPoint::new(41.9028, 12.4964);
        let latina = GeoPoint::new(41.4676, 12.9037);
        let km = rome
            .zip(latina)
            .map(|(a, b)| a.distance_km(b))
            .unwrap_or_default();
        assert!((58.0..61.0).contains(&km), "{km}");
        assert_eq!(GeoPoint::new(91.0, 0.0), None);
    }
}
