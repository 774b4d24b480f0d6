//! `/directory/map`: the search's results on a Leaflet map, with a legend
//! of the kinds of location and the same results listed under it (the map
//! is a second way to read them, not the only one). The page's script
//! (`static/map.js`) fetches the markers from `/directory/map/points` with
//! the same filters.

use askama::Template;
use axum::Json;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use soleil_app::Page;

use super::filters::{FilterForm, Filters, Found, search};
use super::results::{MapPoint, ResultRow, legend};
use crate::AppState;
use crate::auth::PageUser;
use crate::error::ApiError;
use crate::pages::form::list_chrome;
use crate::pages::{Chrome, error_page, render_with};

/// The most results one map shows: the largest page the store serves.
const MAP_SIZE: u32 = Page::MAX_SIZE;

/// What `templates/directory/map_frame.html` draws: the map's markers (or
/// where to fetch them), the tile server and the messages, for the data
/// attributes `static/map.js` reads, and the legend.
pub(super) struct MapFrame {
    /// Where the script fetches the markers, when `points` does not give them.
    pub source: String,
    /// The markers as JSON.
    pub points: Option<String>,
    /// " soleil-map-small" for the map of one service.
    pub size_class: &'static str,
    pub tiles: String,
    pub attribution: String,
    pub tiles_failed: String,
    pub load_failed: String,
    pub legend: Vec<(&'static str, String)>,
}

impl MapFrame {
    /// The map of a search, whose markers the script fetches from `source`.
    fn of_search(state: &AppState, chrome: &Chrome, source: String) -> Self {
        let tiles = &state.settings.map_tiles;
        Self {
            source,
            points: None,
            size_class: "",
            tiles: tiles.url().unwrap_or_default().to_owned(),
            attribution: tiles.attribution().to_owned(),
            tiles_failed: chrome.t("directory-map-tiles-failed"),
            load_failed: chrome.t("directory-map-load-failed"),
            legend: legend(chrome.lang),
        }
    }

    /// A small map of known markers (a service's locations).
    pub(super) fn of_points(state: &AppState, chrome: &Chrome, points: &[MapPoint]) -> Self {
        Self {
            points: Some(serde_json::to_string(points).unwrap_or_else(|_| "[]".to_owned())),
            size_class: " soleil-map-small",
            ..Self::of_search(state, chrome, String::new())
        }
    }
}

#[derive(Template)]
#[template(path = "directory/map.html")]
struct MapPage {
    chrome: Chrome,
    title: String,
    filter_form: FilterForm,
    map: MapFrame,
    list_href: String,
    rows: Vec<ResultRow>,
    /// "42 results", or "the first 200 of 250" when the map cannot show all.
    count: String,
    /// How many results have no coordinates, so only the list shows them.
    unplaced: Option<String>,
}

pub(super) async fn page(State(state): State<AppState>, page: PageUser, RawQuery(raw): RawQuery) -> Response {
    let raw = raw.as_deref();
    let chrome = list_chrome(&page, "/directory/map", raw);
    let lang = chrome.lang;
    let filters = Filters::read(raw);
    let Found {
        hits,
        total,
        filter_form,
        status,
    } = match search(
        &state,
        &page.user,
        lang,
        "/directory/map",
        &filters,
        Page::new(0, MAP_SIZE),
    )
    .await
    {
        Ok(found) => found,
        Err(error) => return error_page(chrome, error),
    };
    let count = if total > hits.len() as i64 {
        lang.with_args(
            "directory-map-some",
            &[("shown", (hits.len() as i64).into()), ("total", total.into())],
        )
    } else {
        lang.count("list-total", "count", total)
    };
    render_with(
        status,
        MapPage {
            title: chrome.t("directory-map-title"),
            map: MapFrame::of_search(&state, &chrome, filters.link("/directory/map/points")),
            list_href: filters.link("/directory"),
            unplaced: unplaced(&chrome, &hits),
            rows: hits
                .iter()
                .map(|hit| ResultRow::of(lang, hit, &filters.values))
                .collect(),
            count,
            filter_form,
            chrome,
        },
    )
}

/// "3 results have no coordinates and are only in the list", if any.
fn unplaced(chrome: &Chrome, hits: &[soleil_app::directory::ServiceHit]) -> Option<String> {
    let count = hits
        .iter()
        .filter(|h| h.location.as_ref().and_then(|l| l.position).is_none())
        .count();
    (count > 0).then(|| chrome.lang.count("directory-map-unplaced", "count", count as i64))
}

/// The markers of a search: `{"points": [...], "total": n}`, for the map's script.
pub(super) async fn points(
    State(state): State<AppState>,
    page: PageUser,
    RawQuery(raw): RawQuery,
) -> Response {
    let filters = Filters::read(raw.as_deref());
    let query = match filters.query {
        Ok(query) => query,
        Err(invalid) => return ApiError::from_app(page.lang, invalid.into()).into_response(),
    };
    match state
        .app
        .search_services(&page.user, &query, Page::new(0, MAP_SIZE))
        .await
    {
        Ok((hits, total)) => {
            let points: Vec<MapPoint> = hits
                .iter()
                .filter_map(|hit| MapPoint::of(page.lang, hit))
                .collect();
            Json(serde_json::json!({ "points": points, "total": total })).into_response()
        }
        Err(error) => ApiError::from_app(page.lang, error).into_response(),
    }
}
