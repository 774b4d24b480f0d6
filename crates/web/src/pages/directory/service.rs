//! `/directory/services/{id}`: everything about one service: what it does
//! and for whom, its languages and contacts, and each location with its
//! address, hours, accessibility and a small map; "services near here";
//! the edit button for those who keep it.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use chrono::Utc;
use soleil_app::directory::ServiceFile;
use soleil_app::{AppResult, policy};
use soleil_domain::directory::{Location, ServiceId, WeekMoment};
use soleil_domain::time::rome_time;

use super::filters::near_here;
use super::map::MapFrame;
use super::results::{MapPoint, open_label};
use super::show::{address, hours_by_day, language_label};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;
use crate::pages::form::{FormData, PathText, chrome_for, parse_id};
use crate::pages::time::day_text;
use crate::pages::{Chrome, error_page, render};

/// One location as the service's page shows it.
struct LocationView {
    name: String,
    kind: &'static str,
    kind_label: String,
    address: String,
    /// "Lazio": the comune and province are in the address.
    region: String,
    hours: Vec<(String, String)>,
    open_now: bool,
    open_label: Option<String>,
    accessibility: Option<String>,
    near_href: Option<String>,
}

impl LocationView {
    fn of(lang: Lang, location: &Location, file: &ServiceFile, now: WeekMoment) -> Self {
        let open_now = location.is_open(now);
        Self {
            name: location.name.clone(),
            kind: location.kind.as_str(),
            kind_label: lang.label("location_kind", location.kind.as_str()),
            address: address(location),
            region: file
                .comuni
                .get(&location.comune)
                .map(|c| c.region_name.clone())
                .unwrap_or_default(),
            hours: hours_by_day(lang, &location.hours),
            open_now,
            open_label: open_label(lang, !location.hours.is_empty(), open_now),
            accessibility: location.accessibility.clone(),
            near_href: location
                .position
                .map(|_| near_here(&FormData::default(), location.id)),
        }
    }
}

#[derive(Template)]
#[template(path = "directory/service.html")]
struct ServicePage {
    chrome: Chrome,
    title: String,
    organisation: String,
    description: String,
    eligibility: Option<String>,
    need_areas: Vec<String>,
    languages: Vec<String>,
    email: Option<String>,
    phone: Option<String>,
    url: Option<String>,
    suspended: bool,
    updated: String,
    locations: Vec<LocationView>,
    /// A map when some location has coordinates.
    map: Option<MapFrame>,
    edit_href: Option<String>,
}

pub(super) async fn page(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(raw): RawQuery,
) -> Response {
    let chrome = chrome_for(&page, &format!("/directory/services/{id}"), raw.as_deref());
    let (id, file) = match file(&state, &page, &id).await {
        Ok(found) => found,
        Err(error) => return error_page(chrome, error),
    };
    let may_edit = may_edit(&state, &page, &file).await.unwrap_or(false);
    let lang = chrome.lang;
    let service = &file.service;
    let now = WeekMoment::of(rome_time(Utc::now()));
    let href = format!("/directory/services/{id}");
    let points: Vec<MapPoint> = service
        .locations
        .iter()
        .filter_map(|l| {
            MapPoint::at(
                lang,
                &service.name,
                &file.organisation_name,
                l,
                l.is_open(now),
                href.clone(),
            )
        })
        .collect();
    render(ServicePage {
        title: service.name.clone(),
        organisation: file.organisation_name.clone(),
        description: service.description.clone(),
        eligibility: service.eligibility.clone(),
        need_areas: service
            .need_areas
            .iter()
            .map(|a| lang.label("need_area", a.as_str()))
            .collect(),
        languages: service
            .languages
            .iter()
            .map(|code| language_label(lang, code))
            .collect(),
        email: service.email.clone(),
        phone: service.phone.clone(),
        url: service.url.clone(),
        suspended: !service.active,
        updated: day_text(service.updated_at),
        locations: service
            .locations
            .iter()
            .map(|l| LocationView::of(lang, l, &file, now))
            .collect(),
        map: (!points.is_empty()).then(|| MapFrame::of_points(&state, &chrome, &points)),
        edit_href: may_edit.then(|| format!("{href}/edit")),
        chrome,
    })
}

/// The service whose id the path gives, whole.
pub(super) async fn file(state: &AppState, page: &PageUser, id: &str) -> AppResult<(ServiceId, ServiceFile)> {
    let id: ServiceId = parse_id(id)?;
    Ok((id, state.app.service(&page.user, id).await?))
}

/// Whether the reader keeps this service's organisation's entries.
async fn may_edit(state: &AppState, page: &PageUser, file: &ServiceFile) -> AppResult<bool> {
    let organisation = state
        .app
        .organisation(&page.user, file.service.organisation_id)
        .await?;
    Ok(policy::may_edit_services(&page.user, &organisation))
}
