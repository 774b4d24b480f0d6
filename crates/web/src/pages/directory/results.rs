//! A search's hits as the pages show them: rows of the list (the search
//! page, and under the map as its accessible alternative) and points of
//! the map, worded in the reader's language.

use soleil_app::directory::ServiceHit;
use soleil_domain::directory::{Location, LocationKind};

use super::show::{address, distance_text, hours_text, language_label};
use crate::i18n::Lang;
use crate::pages::form::FormData;

/// The page of a service.
pub(super) fn service_href(hit: &ServiceHit) -> String {
    format!("/directory/services/{}", hit.service_id)
}

/// One hit: a location of a service (or a service without locations).
pub(super) struct ResultRow {
    pub href: String,
    pub service: String,
    pub organisation: String,
    pub need_areas: String,
    pub languages: String,
    /// The kind of location (`desk`…), for the marker's shape of the legend; empty without one.
    pub kind: String,
    pub kind_label: String,
    pub location: String,
    pub address: String,
    pub hours: String,
    /// Open or closed now; `None` without hours to tell.
    pub open_now: Option<bool>,
    pub distance: Option<String>,
    /// The same search around this location.
    pub near_href: Option<String>,
    pub suspended: bool,
}

impl ResultRow {
    pub(super) fn of(lang: Lang, hit: &ServiceHit, filters: &FormData) -> Self {
        let location = hit.location.as_ref();
        let labels = |items: Vec<String>| items.join(", ");
        Self {
            href: service_href(hit),
            service: hit.service_name.clone(),
            organisation: hit.organisation_name.clone(),
            need_areas: labels(
                hit.need_areas
                    .iter()
                    .map(|a| lang.label("need_area", a.as_str()))
                    .collect(),
            ),
            languages: labels(
                hit.languages
                    .iter()
                    .map(|code| language_label(lang, code))
                    .collect(),
            ),
            kind: location.map_or_else(String::new, |l| l.kind.as_str().to_owned()),
            kind_label: location.map_or_else(String::new, |l| lang.label("location_kind", l.kind.as_str())),
            location: location.map_or_else(String::new, |l| l.name.clone()),
            address: location.map_or_else(String::new, address),
            hours: location.map_or_else(String::new, |l| hours_text(lang, &l.hours)),
            open_now: location.filter(|l| !l.hours.is_empty()).map(|_| hit.open_now),
            distance: hit.distance_km.map(|km| distance_text(lang, km)),
            near_href: location
                .filter(|l| l.position.is_some())
                .map(|l| super::filters::near_here(filters, l.id)),
            suspended: !hit.active,
        }
    }
}

/// One marker of the map, as `static/map.js` reads it.
#[derive(serde::Serialize)]
pub(super) struct MapPoint {
    pub latitude: f64,
    pub longitude: f64,
    pub kind: LocationKind,
    pub kind_label: String,
    pub service: String,
    pub organisation: String,
    pub location: String,
    pub address: String,
    pub hours: String,
    pub open_now: bool,
    /// "Open now" or "Closed now"; `None` without hours to tell.
    pub open_label: Option<String>,
    pub href: String,
}

impl MapPoint {
    /// The marker of a hit, if its location has coordinates.
    pub(super) fn of(lang: Lang, hit: &ServiceHit) -> Option<Self> {
        let location = hit.location.as_ref()?;
        Self::at(
            lang,
            &hit.service_name,
            &hit.organisation_name,
            location,
            hit.open_now,
            service_href(hit),
        )
    }

    /// The marker of a service's location, if it has coordinates.
    pub(super) fn at(
        lang: Lang,
        service: &str,
        organisation: &str,
        location: &Location,
        open_now: bool,
        href: String,
    ) -> Option<Self> {
        let position = location.position?;
        Some(Self {
            latitude: position.latitude,
            longitude: position.longitude,
            kind: location.kind,
            kind_label: lang.label("location_kind", location.kind.as_str()),
            service: service.to_owned(),
            organisation: organisation.to_owned(),
            location: location.name.clone(),
            address: address(location),
            hours: hours_text(lang, &location.hours),
            open_now,
            open_label: open_label(lang, !location.hours.is_empty(), open_now),
            href,
        })
    }
}

/// "Open now" or "Closed now", for a location with hours.
pub(super) fn open_label(lang: Lang, has_hours: bool, open: bool) -> Option<String> {
    has_hours.then(|| {
        lang.t(if open {
            "directory-open-now"
        } else {
            "directory-closed-now"
        })
    })
}

/// The kinds of location with their labels: the legend of the maps.
pub(super) fn legend(lang: Lang) -> Vec<(&'static str, String)> {
    LocationKind::all()
        .map(|kind| (kind.as_str(), lang.label("location_kind", kind.as_str())))
        .collect()
}
