//! The directory's search as the search page and the map page take it: the
//! filters of their query string, checked into the app's query, and the
//! options of the filter form. Both pages read the same parameters, so a
//! filtered search links to its map and back.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use soleil_app::directory::ServiceSearch;
use soleil_app::directory::sheet::find_comune;
use soleil_app::{AppError, Page};
use soleil_domain::directory::{LocationKind, ServiceQuery};
use soleil_domain::{FieldError, Invalid, NeedArea, RegionCode, User};

use super::show::language_label;
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;
use crate::pages::FormErrors;
use crate::pages::form::{Choice, Field, FormData, region_choices, vocabulary};

/// The parameters of the place criteria: "search near here" replaces them.
const PLACE_PARAMS: [&str; 6] = [
    "region",
    "province",
    "comune",
    "near",
    "near_location",
    "within_km",
];
/// The radius of "search near here", in kilometres.
const NEAR_HERE_KM: &str = "25";

/// The filters of a request, as typed, and the query they make.
pub(super) struct Filters {
    pub values: FormData,
    /// The raw query string minus the page number: for the links between
    /// the list and the map.
    pub kept: String,
    pub query: Result<ServiceQuery, Invalid>,
}

impl Filters {
    pub(super) fn read(raw: Option<&str>) -> Self {
        let values = FormData::query(raw);
        let query = checked(&values);
        let kept = kept_query(&values, &["page", "done"]);
        Self { values, kept, query }
    }

    /// A field of the filter form, showing what was typed and its message.
    pub(super) fn field(&self, errors: &FormErrors, name: &str) -> Field {
        Field::new(&format!("filter-{name}"), name, self.values.get(name))
            .with_error(errors.get(&format!("filter-{name}")))
    }

    /// The link of this search with another page: `/directory/map?…`.
    pub(super) fn link(&self, path: &str) -> String {
        if self.kept.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{}", self.kept)
        }
    }
}

/// The query string of `values` without the named parameters and the empty ones.
fn kept_query(values: &FormData, dropped: &[&str]) -> String {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (key, value) in values.pairs() {
        if !value.trim().is_empty() && !dropped.contains(&key.as_str()) {
            serializer.append_pair(key, value);
        }
    }
    serializer.finish()
}

/// "Search near here": the same search, around a location instead of a place.
pub(super) fn near_here(values: &FormData, location: impl ToString) -> String {
    let mut dropped = vec!["page", "done"];
    dropped.extend(PLACE_PARAMS);
    let kept = kept_query(values, &dropped);
    let mut serializer = form_urlencoded::Serializer::new(kept);
    serializer.append_pair("near_location", &location.to_string());
    serializer.append_pair("within_km", NEAR_HERE_KM);
    format!("/directory?{}", serializer.finish())
}

/// The app's query from the filters, or every field that is wrong. The
/// comune may be typed as a name ("Latina", "Calliano (AT)") as well as an
/// ISTAT code, so the form works without the suggestions' script.
fn checked(values: &FormData) -> Result<ServiceQuery, Invalid> {
    let mut invalid = Invalid::new();
    let text = |name: &str| values.trimmed(name);
    let comune = text("comune").and_then(|typed| match find_comune(&typed, None) {
        Ok(code) => Some(code),
        Err((code, _)) => {
            invalid.add("comune", code);
            None
        }
    });
    let search = ServiceSearch {
        text: text("text"),
        need_area: text("need_area"),
        language: text("language"),
        kind: text("kind"),
        region: text("region"),
        province: text("province"),
        comune,
        open_now: values.checked("open_now").then(|| "true".to_owned()),
        near: text("near"),
        near_location: text("near_location"),
        within_km: text("within_km").map(|km| km.replace(',', ".")),
        ..ServiceSearch::default()
    };
    let parsed = search.parse(Utc::now());
    match parsed {
        Ok(query) if invalid.is_empty() => Ok(query),
        Ok(_) => Err(invalid),
        Err(found) => {
            invalid.errors.extend(found.errors);
            Err(invalid)
        }
    }
}

/// The errors of the filters, on the ids of the form's fields.
pub(super) fn filter_errors(lang: Lang, invalid: Invalid) -> FormErrors {
    let errors = invalid
        .errors
        .into_iter()
        .map(|e| FieldError {
            field: format!("filter-{}", e.field),
            ..e
        })
        .collect();
    FormErrors::new(lang, errors)
}

/// A search's refusal: its field errors for the form, or the error page.
pub(super) fn refusal(lang: Lang, error: AppError) -> Result<FormErrors, AppError> {
    match error {
        AppError::Invalid(invalid) => Ok(filter_errors(lang, invalid)),
        other => Err(other),
    }
}

/// The options of the filter form.
pub(super) struct Options {
    pub need_areas: Vec<Choice>,
    pub languages: Vec<Choice>,
    pub kinds: Vec<Choice>,
    pub regions: Vec<Choice>,
    pub provinces: Vec<Choice>,
}

impl Options {
    pub(super) async fn new(state: &AppState, user: &User, lang: Lang, chosen_language: &str) -> Self {
        Self {
            need_areas: vocabulary(lang, "need_area", NeedArea::all().map(NeedArea::as_str)),
            languages: languages_present(state, user, lang, chosen_language).await,
            kinds: vocabulary(
                lang,
                "location_kind",
                LocationKind::all().map(LocationKind::as_str),
            ),
            regions: region_choices(),
            provinces: network_provinces(),
        }
    }
}

/// The filter form of the search and map pages, as typed, with its messages.
pub(super) struct FilterForm {
    /// Where it searches: the list or the map.
    pub action: &'static str,
    pub text: Field,
    pub need_area: Field,
    pub language: Field,
    pub kind: Field,
    pub region: Field,
    pub province: Field,
    pub comune: Field,
    pub open_now: Field,
    pub open_now_checked: bool,
    pub near_location: Field,
    pub near: Field,
    pub within_km: Field,
    pub options: Options,
    /// The locations to search near: the one chosen and those of the results.
    pub near_locations: Vec<Choice>,
    pub summary: Option<crate::pages::form::ErrorSummary>,
}

impl FilterForm {
    pub(super) async fn new(
        state: &AppState,
        user: &User,
        lang: Lang,
        action: &'static str,
        filters: &Filters,
        errors: &FormErrors,
        hits: &[soleil_app::directory::ServiceHit],
    ) -> Self {
        let field = |name: &str| filters.field(errors, name);
        let options = Options::new(state, user, lang, filters.values.get("language")).await;
        Self {
            action,
            text: field("text"),
            need_area: field("need_area"),
            language: field("language"),
            kind: field("kind"),
            region: field("region"),
            province: field("province"),
            comune: field("comune"),
            open_now: field("open_now"),
            open_now_checked: filters.values.checked("open_now"),
            near_location: field("near_location"),
            near: field("near"),
            within_km: field("within_km"),
            options,
            near_locations: near_locations(state, user, filters.values.get("near_location"), hits).await,
            summary: errors.summary(),
        }
    }
}

/// "Service – location (comune)" for each located hit, the chosen location
/// first (looked up when it is not among the hits).
async fn near_locations(
    state: &AppState,
    user: &User,
    chosen: &str,
    hits: &[soleil_app::directory::ServiceHit],
) -> Vec<Choice> {
    let label = |service: &str, location: &soleil_domain::directory::Location| {
        let comune = soleil_reference::comune(&location.comune).map_or("", |c| c.name);
        format!("{service} – {} ({comune})", location.name)
    };
    let mut choices: Vec<Choice> = Vec::new();
    let chosen_id: Option<soleil_domain::directory::LocationId> = chosen.trim().parse().ok();
    if let Some(id) = chosen_id
        && !hits
            .iter()
            .any(|h| h.location.as_ref().is_some_and(|l| l.id == id))
    {
        choices.extend(
            chosen_location(state, user, id)
                .await
                .map(|(service, location)| Choice::new(id.to_string(), label(&service, &location))),
        );
    }
    for hit in hits {
        if let Some(location) = hit.location.as_ref().filter(|l| l.position.is_some())
            && !choices.iter().any(|c| c.value == location.id.to_string())
        {
            choices.push(Choice::new(
                location.id.to_string(),
                label(&hit.service_name, location),
            ));
        }
    }
    choices
}

/// The service and location of a location's id, found by searching near it.
async fn chosen_location(
    state: &AppState,
    user: &User,
    id: soleil_domain::directory::LocationId,
) -> Option<(String, soleil_domain::directory::Location)> {
    let query = ServiceQuery {
        near_location: Some(id),
        ..ServiceQuery::default()
    };
    // Nearest first: the location itself, or one at the same spot.
    let (hits, _) = state
        .app
        .search_services(user, &query, Page::new(0, 10))
        .await
        .ok()?;
    hits.into_iter().find_map(|hit| {
        let location = hit.location.filter(|l| l.id == id)?;
        Some((hit.service_name, location))
    })
}

/// The languages the directory's services speak, by name, and the one
/// asked for even if no service speaks it.
async fn languages_present(state: &AppState, user: &User, lang: Lang, chosen: &str) -> Vec<Choice> {
    let mut codes = state.app.directory_languages(user).await.unwrap_or_default();
    let chosen = chosen.trim().to_ascii_lowercase();
    if !chosen.is_empty() {
        codes.push(chosen);
    }
    codes.sort();
    codes.dedup();
    let mut choices: Vec<Choice> = codes
        .into_iter()
        .map(|code| {
            let label = language_label(lang, &code);
            Choice::new(code, label)
        })
        .collect();
    choices.sort_by_key(|c| c.label.to_lowercase());
    choices
}

/// The provinces of the network's regions, by name: "Latina (LT)".
fn network_provinces() -> Vec<Choice> {
    let regions: Vec<&str> = RegionCode::all().map(RegionCode::istat_code).collect();
    soleil_reference::provinces()
        .iter()
        .filter(|p| regions.contains(&p.region_code))
        .map(|p| Choice::new(p.code, format!("{} ({})", p.name, p.abbreviation)))
        .collect()
}

/// The comuni whose names match what is typed, for the suggestions of the
/// comune fields (`static/comuni.js`): `{"comuni": [{code, name,
/// province_abbreviation}]}`. Pages cannot call the API, which takes
/// tokens; this is the same list behind the session.
pub(super) async fn comuni(
    State(state): State<AppState>,
    page: PageUser,
    RawQuery(raw): RawQuery,
) -> Response {
    const SUGGESTIONS: usize = 10;
    if let Err(error) = state.app.authorize_reference_data(&page.user) {
        return crate::error::ApiError::from_app(page.lang, error).into_response();
    }
    let typed = FormData::query(raw.as_deref()).text("q");
    let found = if typed.trim().is_empty() {
        Vec::new()
    } else {
        soleil_reference::find(&typed, None, SUGGESTIONS)
    };
    let comuni: Vec<serde_json::Value> = found
        .into_iter()
        .map(|c| serde_json::json!({ "code": c.code, "name": c.name, "province_abbreviation": c.province_abbreviation }))
        .collect();
    Json(serde_json::json!({ "comuni": comuni })).into_response()
}

/// One page of a search's results with the filter form that asked for it.
pub(super) struct Found {
    pub hits: Vec<soleil_app::directory::ServiceHit>,
    pub total: i64,
    pub filter_form: FilterForm,
    /// 422 when a filter is wrong: the form says which.
    pub status: StatusCode,
}

/// One page of results, or no results and the filters' messages; the
/// error itself when the search failed otherwise.
pub(super) async fn search(
    state: &AppState,
    user: &User,
    lang: Lang,
    action: &'static str,
    filters: &Filters,
    page: Page,
) -> Result<Found, AppError> {
    let found = match &filters.query {
        Ok(query) => state.app.search_services(user, query, page).await,
        Err(invalid) => Err(invalid.clone().into()),
    };
    let (hits, total, errors) = match found {
        Ok((hits, total)) => (hits, total, FormErrors::new(lang, Vec::new())),
        Err(error) => (Vec::new(), 0, refusal(lang, error)?),
    };
    let status = errors.status();
    let filter_form = FilterForm::new(state, user, lang, action, filters, &errors, &hits).await;
    Ok(Found {
        hits,
        total,
        filter_form,
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filters(query: &str) -> Filters {
        Filters::read(Some(query))
    }

    #[test]
    fn a_comune_is_found_by_name_or_code() {
        for typed in ["Latina", "latina (lt)", "059011"] {
            let query = filters(&format!("comune={typed}")).query.ok().unwrap_or_default();
            assert_eq!(query.comune.as_deref(), Some("059011"), "{typed}");
        }
        let refused = filters("comune=Atlantide&within_km=abc")
            .query
            .err()
            .unwrap_or_default();
        let codes: Vec<(&str, &str)> = refused
            .errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(codes[0], ("comune", "unknown_comune"));
        assert!(codes.iter().any(|(field, _)| *field == "within_km"));
    }

    #[test]
    fn the_map_and_the_list_share_the_filters_but_not_the_page() {
        let read = filters("need_area=work&language=pa&text=&page=3&done=saved");
        assert_eq!(
            read.link("/directory/map"),
            "/directory/map?need_area=work&language=pa"
        );
        assert_eq!(filters("").link("/directory/map"), "/directory/map");
    }

    #[test]
    fn near_here_replaces_the_place() {
        let values = FormData::query(Some("language=pa&comune=Latina&region=laz&page=2"));
        assert_eq!(
            near_here(&values, "L1"),
            "/directory?language=pa&near_location=L1&within_km=25"
        );
    }

    #[test]
    fn only_the_network_provinces_are_offered() {
        let provinces = network_provinces();
        assert!(provinces.iter().any(|p| p.label == "Latina (LT)"));
        assert!(!provinces.iter().any(|p| p.label.starts_with("Milano")));
    }
}
