//! Searching the directory: the criteria as a person or a client types
//! them, checked into a [`ServiceQuery`], and the hits as they are shown.

use chrono::{DateTime, NaiveDateTime, Utc};
use soleil_domain::directory::{
    GeoPoint, Location, LocationKind, ServiceId, ServiceQuery, WeekMoment, language_code,
};
use soleil_domain::time::rome_time;
use soleil_domain::{Invalid, NeedArea, OrganisationId, RegionCode, User};
use soleil_store::directory::{self, ServiceMatch};
use soleil_store::{Page, network};

use crate::{App, AppError, AppResult, Operation, authorize, policy};

/// One location of a service that a search found (or a service without
/// locations, when no place was asked for).
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct ServiceHit {
    pub service_id: ServiceId,
    pub service_name: String,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub need_areas: Vec<NeedArea>,
    /// ISO 639 codes.
    pub languages: Vec<String>,
    pub location: Option<Location>,
    pub comune_name: Option<String>,
    /// The province's sigla, e.g. `LT`.
    pub province_abbreviation: Option<String>,
    /// Great-circle distance from the point searched from, if any.
    pub distance_km: Option<f64>,
    /// Open at the moment searched for (the present by default), Italian civil time.
    pub open_now: bool,
    /// Suspended services are found only by those who keep them.
    pub active: bool,
}

/// A search as a query string or a form gives it: every field as typed,
/// blank meaning absent. [`ServiceSearch::parse`] checks it.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, serde::Serialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ServiceSearch {
    /// Words of the name, description or eligibility; accents and case do not matter.
    pub text: Option<String>,
    /// A need area: `training`, `work`, `housing`, `health`, `legal_aid`,
    /// `union_aid`, `social_support`, `documents`, `language`.
    pub need_area: Option<String>,
    /// An ISO 639 code: `pa`, `ar`, `ro`…
    pub language: Option<String>,
    /// A kind of location: `desk`, `one_stop_shop`, `mobile_unit_stop`, `shelter`, `office`.
    pub kind: Option<String>,
    /// An organisation's id.
    pub organisation: Option<String>,
    /// A region: `laz`, `tos`, `abr`, `mar`, `mol`, or an ISTAT region code (`12`).
    pub region: Option<String>,
    /// A province: its ISTAT code (`059`) or its sigla (`LT`).
    pub province: Option<String>,
    /// A comune: its ISTAT code (`059011`).
    pub comune: Option<String>,
    /// `true`: only locations open at `at` (by default, now).
    pub open_now: Option<String>,
    /// The moment "open now" refers to, Italian civil time: `2026-05-04T10:30`.
    pub at: Option<String>,
    /// Nearest first from this point: `latitude,longitude` (e.g. `41.467,12.904`).
    pub near: Option<String>,
    /// Nearest first from this location of the directory (its id).
    pub near_location: Option<String>,
    /// With `near` or `near_location`: no farther than this many kilometres.
    pub within_km: Option<String>,
    /// `true`: suspended services too (for those who keep them; needs `organisation` unless admin).
    pub include_inactive: Option<String>,
}

/// The farthest radius a search takes: Italy is about 1,200 km long.
const MAX_RADIUS_KM: f64 = 2000.0;

impl ServiceSearch {
    /// The query, or every field that is wrong. `now` is when "open now" is
    /// unless `at` says otherwise.
    pub fn parse(&self, now: DateTime<Utc>) -> Result<ServiceQuery, Invalid> {
        let mut invalid = Invalid::new();
        let mut query = ServiceQuery {
            text: given(&self.text).map(str::to_owned),
            ..ServiceQuery::default()
        };
        query.need_area = checked(
            &mut invalid,
            "need_area",
            &self.need_area,
            "invalid_need_area",
            |t| t.parse().ok(),
        );
        query.language = checked(
            &mut invalid,
            "language",
            &self.language,
            "invalid_language",
            language_code,
        );
        query.kind = checked(&mut invalid, "kind", &self.kind, "invalid_kind", |t| {
            t.parse::<LocationKind>().ok()
        });
        query.organisation = checked(
            &mut invalid,
            "organisation",
            &self.organisation,
            "invalid_id",
            |t| t.parse().ok(),
        );
        query.region = checked(
            &mut invalid,
            "region",
            &self.region,
            "unknown_region",
            region_code,
        );
        query.province = checked(
            &mut invalid,
            "province",
            &self.province,
            "unknown_province",
            |t| soleil_reference::province(t).map(|p| p.code.to_owned()),
        );
        query.comune = checked(&mut invalid, "comune", &self.comune, "unknown_comune", |t| {
            soleil_reference::comune(t).map(|c| c.code.to_owned())
        });
        let open_now = checked(
            &mut invalid,
            "open_now",
            &self.open_now,
            "invalid_boolean",
            boolean,
        );
        let at = checked(&mut invalid, "at", &self.at, "invalid_moment", local_moment)
            .unwrap_or_else(|| WeekMoment::of(rome_time(now)));
        query.at = Some(at);
        query.open_at = open_now.unwrap_or(false).then_some(at);
        query.near = checked(&mut invalid, "near", &self.near, "invalid_coordinates", point);
        query.near_location = checked(
            &mut invalid,
            "near_location",
            &self.near_location,
            "invalid_id",
            |t| t.parse().ok(),
        );
        if query.near.is_some() && query.near_location.is_some() {
            invalid.add("near_location", "near_twice");
        }
        query.within_km = checked(
            &mut invalid,
            "within_km",
            &self.within_km,
            "invalid_distance",
            |t| {
                t.parse::<f64>()
                    .ok()
                    .filter(|km| *km > 0.0 && *km <= MAX_RADIUS_KM)
            },
        );
        if query.within_km.is_some() && query.near.is_none() && query.near_location.is_none() {
            invalid.add("within_km", "near_required");
        }
        query.include_inactive = checked(
            &mut invalid,
            "include_inactive",
            &self.include_inactive,
            "invalid_boolean",
            boolean,
        )
        .unwrap_or(false);
        invalid.into_result(query)
    }
}

/// The trimmed text of a field, unless blank.
fn given(field: &Option<String>) -> Option<&str> {
    field.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

/// A field read by `read`; when it is given but unreadable, `code` is recorded against it.
fn checked<T>(
    invalid: &mut Invalid,
    name: &str,
    field: &Option<String>,
    code: &str,
    read: impl FnOnce(&str) -> Option<T>,
) -> Option<T> {
    let text = given(field)?;
    let value = read(text);
    if value.is_none() {
        invalid.add(name, code);
    }
    value
}

/// A partner region's short code, or any region's ISTAT code.
fn region_code(text: &str) -> Option<String> {
    if let Ok(region) = text.to_ascii_lowercase().parse::<RegionCode>() {
        return Some(region.istat_code().to_owned());
    }
    soleil_reference::comuni()
        .iter()
        .find(|c| c.region_code == text)
        .map(|c| c.region_code.to_owned())
}

fn boolean(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "true" | "on" | "1" | "yes" => Some(true),
        "false" | "off" | "0" | "no" => Some(false),
        _ => None,
    }
}

/// `2026-05-04T10:30` (or with seconds, or a space for the `T`).
fn local_moment(text: &str) -> Option<WeekMoment> {
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .map(WeekMoment::of)
}

/// `latitude,longitude`, each in range.
fn point(text: &str) -> Option<GeoPoint> {
    let (latitude, longitude) = text.split_once(',')?;
    GeoPoint::new(latitude.trim().parse().ok()?, longitude.trim().parse().ok()?)
}

impl App {
    /// One page of the locations that meet every criterion: nearest first
    /// from a point, else by relevance to the text, else by name.
    pub async fn search_services(
        &self,
        actor: &User,
        query: &ServiceQuery,
        page: Page,
    ) -> AppResult<(Vec<ServiceHit>, i64)> {
        authorize(actor, Operation::SearchServices)?;
        let mut handle = self.store.handle().await?;
        if query.include_inactive {
            let organisation = match query.organisation {
                Some(id) => network::organisation(handle.conn(), id).await?,
                None => None,
            };
            let keeps = actor.role == soleil_domain::Role::Admin
                || organisation.is_some_and(|o| policy::may_edit_services(actor, &o));
            if !keeps {
                return Err(AppError::Forbidden);
            }
        }
        let mut query = query.clone();
        if let Some(location) = query.near_location {
            let position = directory::location_position(handle.conn(), location)
                .await?
                .ok_or_else(|| Invalid::single("near_location", "unknown_location"))?;
            query.near = Some(position.ok_or_else(|| Invalid::single("near_location", "no_position"))?);
        }
        drop(handle);
        let (matches, total) = directory::search(&self.store, &query, page).await?;
        let at = query
            .at
            .unwrap_or_else(|| WeekMoment::of(rome_time(crate::clock::now())));
        let hits = matches
            .into_iter()
            .map(|found| hit(found, query.near, at))
            .collect();
        Ok((hits, total))
    }
}

fn hit(found: ServiceMatch, near: Option<GeoPoint>, at: WeekMoment) -> ServiceHit {
    let ServiceMatch {
        service,
        organisation_name,
        location,
    } = found;
    let comune = location
        .as_ref()
        .and_then(|l| soleil_reference::comune(&l.comune));
    ServiceHit {
        service_id: service.id,
        service_name: service.name,
        organisation_id: service.organisation_id,
        organisation_name,
        need_areas: service.need_areas,
        languages: service.languages,
        comune_name: comune.map(|c| c.name.to_owned()),
        province_abbreviation: comune.map(|c| c.province_abbreviation.to_owned()),
        distance_km: near
            .zip(location.as_ref().and_then(|l| l.position))
            .map(|(from, to)| from.distance_km(to)),
        open_now: location.as_ref().is_some_and(|l| l.is_open(at)),
        active: service.active,
        location,
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveTime, TimeZone};
    use soleil_domain::directory::Weekday;

    use super::*;

    fn search(fields: &[(&str, &str)]) -> Result<ServiceQuery, Vec<(String, String)>> {
        let pairs: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let raw: ServiceSearch = serde_json::from_value(serde_json::Value::Object(
            fields
                .iter()
                .map(|(k, v)| ((*k).to_owned(), serde_json::Value::String((*v).to_owned())))
                .collect(),
        ))
        .map_err(|e| vec![(pairs.join("&"), e.to_string())])?;
        let now = Utc
            .with_ymd_and_hms(2026, 7, 15, 8, 0, 0)
            .single()
            .unwrap_or_default();
        raw.parse(now)
            .map_err(|e| e.errors.into_iter().map(|e| (e.field, e.code)).collect())
    }

    #[test]
    fn criteria_are_read_into_reference_codes() {
        let query = search(&[
            ("need_area", "work"),
            ("language", "PA"),
            ("region", "laz"),
            ("province", "lt"),
            ("comune", "059011"),
            ("near", "41.47, 12.9"),
            ("within_km", "30"),
            ("open_now", "on"),
        ]);
        let query = query.unwrap_or_default();
        assert_eq!(query.need_area, Some(NeedArea::Work));
        assert_eq!(query.language.as_deref(), Some("pa"));
        assert_eq!(query.region.as_deref(), Some("12"));
        assert_eq!(query.province.as_deref(), Some("059"));
        assert_eq!(query.comune.as_deref(), Some("059011"));
        assert_eq!(query.near, GeoPoint::new(41.47, 12.9));
        // 08:00 UTC on a Wednesday in July is 10:00 in Italy.
        let at = WeekMoment {
            day: Weekday::Wednesday,
            time: NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default(),
        };
        assert_eq!(query.open_at, Some(at));
    }

    #[test]
    fn an_explicit_moment_replaces_the_present() {
        let query = search(&[("at", "2026-05-03T18:45")]).unwrap_or_default();
        assert_eq!(query.at.map(|a| a.day), Some(Weekday::Sunday));
        assert_eq!(query.open_at, None);
    }

    #[test]
    fn every_bad_field_is_named() {
        let errors = search(&[
            ("need_area", "food"),
            ("region", "lombardia"),
            ("province", "ZZ"),
            ("comune", "999999"),
            ("near", "abc"),
            ("within_km", "-3"),
            ("at", "tomorrow"),
        ])
        .err()
        .unwrap_or_default();
        let expected = [
            ("need_area", "invalid_need_area"),
            ("region", "unknown_region"),
            ("province", "unknown_province"),
            ("comune", "unknown_comune"),
            ("at", "invalid_moment"),
            ("near", "invalid_coordinates"),
            ("within_km", "invalid_distance"),
        ];
        assert_eq!(
            errors,
            expected.map(|(f, c)| (f.to_owned(), c.to_owned())).to_vec()
        );
    }

    #[test]
    fn out_of_range_points_and_lonely_radii_are_refused() {
        let errors = search(&[("near", "95,12")]).err().unwrap_or_default();
        assert_eq!(
            errors,
            vec![("near".to_owned(), "invalid_coordinates".to_owned())]
        );
        let errors = search(&[("within_km", "10")]).err().unwrap_or_default();
        assert_eq!(errors, vec![("within_km".to_owned(), "near_required".to_owned())]);
    }

    #[test]
    fn blank_fields_are_absent() {
        let query = search(&[("text", "  "), ("comune", ""), ("open_now", "")]).unwrap_or_default();
        assert_eq!(query.text, None);
        assert_eq!(query.comune, None);
        assert_eq!(query.open_at, None);
    }
}
