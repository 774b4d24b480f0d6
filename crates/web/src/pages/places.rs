//! Emergency places: the secretariat's page of the places of its region,
//! and the section of the case page where it allocates, releases and
//! transfers them.

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use chrono::{DateTime, NaiveDate, Utc};
use soleil_app::cases::CaseFile;
use soleil_app::{AppError, Operation, policy};
use soleil_domain::place::{AllocationInput, MAX_PLACES_AT_ONCE, PlacesInput, ReleaseInput, TransferInput};
use soleil_domain::{CaseId, CaseState, Invalid, Organisation, PlaceAllocationId, PlaceId, PlaceKind, User};
use soleil_store::places::{PlaceFilter, PlaceView};

use super::cases::{no_such_case, refused_case_page};
use super::form::{
    Choice, ChoiceGroup, Field, FormData, Refused, add_missing, date, filter_value, label_from, list_chrome,
    optional, path_id, required_choice, vocabulary,
};
use super::time::{date_text, filters};
use super::{Chrome, done, error_page, render_with};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/places", get(list).post(declare))
        .route("/places/{id}/availability", post(availability))
        .route("/cases/{id}/places", post(allocate))
        .route("/cases/{id}/places/{allocation}/release", post(release))
        .route("/cases/{id}/places/{allocation}/transfer", post(transfer))
}

// ---------------------------------------------------------------------------
// The places of the region
// ---------------------------------------------------------------------------

/// One place as the list shows it.
struct PlaceRow {
    id: PlaceId,
    label: String,
    kind: String,
    accessible: bool,
    active: bool,
    /// Since when, and for which case, when allocated.
    allocated: Option<(NaiveDate, CaseId)>,
}

/// The places of one facility.
struct Facility {
    name: String,
    kind: String,
    free: i64,
    rows: Vec<PlaceRow>,
    /// The caller may withdraw its places and offer them again.
    manage: bool,
}

/// How many places of one kind a facility has, by availability.
struct KindCount {
    kind: String,
    free: usize,
    taken: usize,
    withdrawn: usize,
}

/// The form a facility's users declare places with, and their places at a glance.
struct DeclareForm {
    facility: String,
    counts: Vec<KindCount>,
}

impl DeclareForm {
    fn new(lang: Lang, facility: &Organisation, places: &[PlaceView]) -> Self {
        let counts = PlaceKind::all()
            .map(|kind| {
                let own = || {
                    places
                        .iter()
                        .filter(move |p| p.place.organisation_id == facility.id && p.place.kind == kind)
                };
                KindCount {
                    kind: lang.label("place_kind", kind.as_str()),
                    free: own().filter(|p| p.is_free()).count(),
                    taken: own().filter(|p| p.place.active && !p.is_free()).count(),
                    withdrawn: own().filter(|p| !p.place.active).count(),
                }
            })
            .filter(|c| c.free + c.taken + c.withdrawn > 0)
            .collect();
        Self {
            facility: facility.name.clone(),
            counts,
        }
    }
}

#[derive(Template)]
#[template(path = "places/list.html")]
struct ListPage {
    chrome: Chrome,
    title: String,
    filters: FormData,
    kinds: Vec<Choice>,
    availability: Vec<Choice>,
    accessible_only: bool,
    facilities: Vec<Facility>,
    /// Links to the cases: only for whoever may open them.
    case_links: bool,
    /// For a facility's own users.
    declare: Option<DeclareForm>,
    /// The declaration or availability change that was refused, with what was typed.
    refused: Refused,
    /// How many places one declaration may create.
    max_count: u32,
}

impl ListPage {
    /// The number of places to declare: as typed, or one.
    fn count_field(&self) -> Field {
        let mut field = self.refused.field("declare", "count");
        if !self.refused.is("declare") {
            field.value = "1".into();
        }
        field
    }

    /// The bounds of the number of places, for the browser to check too.
    fn count_attrs(&self) -> String {
        format!(r#"min="1" max="{}" required"#, self.max_count)
    }
}

fn facilities(lang: Lang, user: &User, places: &[PlaceView]) -> Vec<Facility> {
    let mut groups: Vec<Facility> = Vec::new();
    for view in places {
        let row = PlaceRow {
            id: view.place.id,
            label: view.place.label.clone(),
            kind: lang.label("place_kind", view.place.kind.as_str()),
            accessible: view.place.accessible,
            active: view.place.active,
            allocated: view
                .allocation_case_id
                .zip(view.allocated_from)
                .map(|(c, f)| (f, c)),
        };
        let free = i64::from(view.is_free());
        match groups.last_mut().filter(|g| g.name == view.organisation_name) {
            Some(group) => {
                group.free += free;
                group.rows.push(row);
            }
            None => groups.push(Facility {
                name: view.organisation_name.clone(),
                kind: lang.label("organisation_kind", view.organisation_kind.as_str()),
                free,
                rows: vec![row],
                manage: policy::may_declare_places(user, view.place.organisation_id),
            }),
        }
    }
    groups
}

async fn list(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let query = query.as_deref();
    let chrome = list_chrome(&page, "/places", query);
    list_page(
        &state,
        &page,
        chrome,
        FormData::query(query),
        Refused::none(),
        StatusCode::OK,
    )
    .await
}

/// The places page, with a refused form shown again when there is one.
async fn list_page(
    state: &AppState,
    page: &PageUser,
    chrome: Chrome,
    filters: FormData,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let lang = chrome.lang;
    let accessible_only = filters.checked("accessible");
    let filter = PlaceFilter {
        kind: filter_value(filters.get("kind")),
        free: match filters.get("free") {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        },
        accessible: accessible_only.then_some(true),
        // A facility manages its withdrawn places too.
        include_inactive: policy::permits(page.user.role, Operation::DeclarePlace),
        ..PlaceFilter::default()
    };
    let places = match state.app.places(&page.user, &filter).await {
        Ok(places) => places,
        Err(error) => return error_page(chrome, error),
    };
    let declare = match state.app.own_facility(&page.user).await {
        Ok(Some(facility)) => {
            // The counts are of every place, whatever the filters.
            let all = PlaceFilter {
                include_inactive: true,
                ..PlaceFilter::default()
            };
            let own = state.app.places(&page.user, &all).await.unwrap_or_default();
            Some(DeclareForm::new(lang, &facility, &own))
        }
        Ok(None) => None,
        Err(error) => return error_page(chrome, error),
    };
    render_with(
        status,
        ListPage {
            title: chrome.t("places-title"),
            kinds: vocabulary(lang, "place_kind", PlaceKind::all().map(PlaceKind::as_str)),
            availability: vec![
                Choice::new("yes", lang.t("places-filter-free-yes")),
                Choice::new("no", lang.t("places-filter-free-no")),
            ],
            accessible_only,
            facilities: facilities(lang, &page.user, &places),
            case_links: policy::permits(page.user.role, Operation::ReadCase),
            declare,
            refused,
            max_count: MAX_PLACES_AT_ONCE,
            filters,
            chrome,
        },
    )
}

/// The places page after a refused post: the form's messages and values,
/// or the error page for what no form can fix.
async fn refused_list(
    state: &AppState,
    page: &PageUser,
    form_id: &str,
    form: FormData,
    error: AppError,
) -> Response {
    let chrome = Chrome::new(page, "/places");
    let lang = chrome.lang;
    match Refused::from_error(lang, form_id, form, error, label_from(lang, "places-field")) {
        Ok((refused, status)) => list_page(state, page, chrome, FormData::default(), refused, status).await,
        Err(error) => error_page(chrome, error),
    }
}

/// A facility declares one or more places of a kind.
async fn declare(State(state): State<AppState>, page: PageUser, form: FormData) -> Response {
    let result = match declaration(&page.user, &state, &form).await {
        Ok(input) => state.app.declare_places(&page.user, &input).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(_) => done("/places", "places-declared"),
        Err(error) => refused_list(&state, &page, "declare", form, error).await,
    }
}

/// The declaration a posted form asks for, for the caller's own facility.
async fn declaration(user: &User, state: &AppState, form: &FormData) -> Result<PlacesInput, AppError> {
    let facility = state.app.own_facility(user).await?.ok_or(AppError::Forbidden)?;
    let mut invalid = Invalid::new();
    let kind: Option<PlaceKind> = required_choice(&mut invalid, "kind", form.get("kind"), "invalid_choice");
    let count = match form.get("count").trim() {
        "" => 1,
        typed => typed.parse().unwrap_or_else(|_| {
            invalid.add("count", "place_count_out_of_range");
            0
        }),
    };
    let input = PlacesInput {
        organisation_id: facility.id,
        kind: kind.unwrap_or(PlaceKind::Men),
        accessible: form.checked("accessible"),
        count,
        label: optional(form.get("label")),
    };
    // The numbering is checked again against the labels in use when saving.
    add_missing(&mut invalid, input.labels(&[]));
    invalid.into_result(input).map_err(Into::into)
}

/// A facility withdraws a place or offers it again.
async fn availability(
    State(state): State<AppState>,
    page: PageUser,
    Path(id): Path<String>,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<PlaceId>(&id) else {
        return error_page(Chrome::new(&page, "/places"), AppError::NotFound("place"));
    };
    let active = form.get("active") == "true";
    match state.app.set_place_active(&page.user, id, active).await {
        Ok(_) if active => done("/places", "place-offered"),
        Ok(_) => done("/places", "place-withdrawn"),
        Err(error) => refused_list(&state, &page, &format!("place-{id}"), form, error).await,
    }
}

// ---------------------------------------------------------------------------
// The section of the case page
// ---------------------------------------------------------------------------

/// One allocation of the case.
pub(super) struct AllocationRow {
    pub id: PlaceAllocationId,
    pub place: String,
    pub kind: String,
    /// "from – until", or "from …" while open-ended.
    pub dates: String,
    pub by: String,
    pub released_at: Option<DateTime<Utc>>,
    pub reason: Option<String>,
}

/// What the case page shows of the case's places, and what it offers.
#[derive(Default)]
pub(super) struct CaseSection {
    pub allocations: Vec<AllocationRow>,
    /// The regional secretariat, on an open case.
    pub manage: bool,
    /// The free places of the region, by facility.
    pub free: Vec<ChoiceGroup>,
    /// Today, for the allocation form's first day.
    pub today: String,
}

impl CaseSection {
    /// The first day of the allocation form: as typed, or today.
    pub(super) fn first_day_field(&self, refused: &Refused) -> Field {
        let mut field = refused.field("place", "from");
        if !refused.is("place") {
            field.value = self.today.clone();
        }
        field
    }
}

/// The free places of the caller's region, grouped by facility.
async fn free_places(state: &AppState, user: &User, lang: Lang) -> Vec<ChoiceGroup> {
    let filter = PlaceFilter {
        free: Some(true),
        ..PlaceFilter::default()
    };
    let places = state.app.places(user, &filter).await.unwrap_or_default();
    let mut groups: Vec<ChoiceGroup> = Vec::new();
    for view in places {
        let accessible = if view.place.accessible {
            format!(", {}", lang.t("places-col-accessible").to_lowercase())
        } else {
            String::new()
        };
        let choice = Choice::new(
            view.place.id.to_string(),
            format!(
                "{} ({}{accessible})",
                view.place.label,
                lang.label("place_kind", view.place.kind.as_str())
            ),
        );
        match groups.last_mut().filter(|g| g.label == view.organisation_name) {
            Some(group) => group.choices.push(choice),
            None => groups.push(ChoiceGroup {
                label: view.organisation_name.clone(),
                choices: vec![choice],
            }),
        }
    }
    groups
}

/// The section for a case file the caller has opened.
pub(super) async fn case_section(state: &AppState, user: &User, lang: Lang, file: &CaseFile) -> CaseSection {
    let allocations = state
        .app
        .case_places(user, file.case.id)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|view| AllocationRow {
            id: view.allocation.id,
            place: format!("{} – {}", view.place_label, view.organisation_name),
            kind: lang.label("place_kind", view.place_kind.as_str()),
            dates: match view.allocation.until_date {
                Some(until) => lang.with_args(
                    "places-section-from-until",
                    &[
                        ("from", date_text(view.allocation.from_date).into()),
                        ("until", date_text(until).into()),
                    ],
                ),
                None => lang.t1(
                    "places-section-from",
                    "from",
                    date_text(view.allocation.from_date),
                ),
            },
            by: view.allocated_by_name,
            released_at: view.allocation.released_at,
            reason: view.allocation.release_reason,
        })
        .collect();
    let manage = policy::permits(user.role, Operation::AllocatePlace)
        && policy::is_secretariat_of(user, &file.case)
        && file.case.state != CaseState::Closed;
    let free = if manage {
        free_places(state, user, lang).await
    } else {
        Vec::new()
    };
    CaseSection {
        allocations,
        manage,
        free,
        today: Utc::now().date_naive().format("%Y-%m-%d").to_string(),
    }
}

/// The first and last day of a posted form; the first is required.
fn dates(invalid: &mut Invalid, form: &FormData) -> (Option<NaiveDate>, Option<NaiveDate>) {
    if form.get("from").trim().is_empty() {
        invalid.add("from", "required");
    }
    let from = date(invalid, "from", form.get("from"));
    let until = date(invalid, "until", form.get("until"));
    (from, until)
}

async fn allocate(
    State(state): State<AppState>,
    page: PageUser,
    Path(id): Path<String>,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<CaseId>(&id) else {
        return no_such_case(&page);
    };
    let mut invalid = Invalid::new();
    let place: Option<PlaceId> =
        required_choice(&mut invalid, "place_id", form.get("place_id"), "unknown_place");
    let (from, until) = dates(&mut invalid, &form);
    let result = match (place, from) {
        (Some(place_id), Some(from)) if invalid.is_empty() => {
            let input = AllocationInput {
                place_id,
                from,
                until,
            };
            state.app.allocate_place(&page.user, id, &input).await
        }
        _ => Err(invalid.into()),
    };
    match result {
        Ok(_) => done(&format!("/cases/{id}"), "place-allocated"),
        Err(error) => refused_case_page(&state, &page, id, "place", form, error).await,
    }
}

async fn release(
    State(state): State<AppState>,
    page: PageUser,
    Path((id, allocation)): Path<(String, String)>,
    form: FormData,
) -> Response {
    let (Some(id), Some(allocation)) = (path_id::<CaseId>(&id), path_id::<PlaceAllocationId>(&allocation))
    else {
        return no_such_case(&page);
    };
    let input = ReleaseInput {
        reason: form.trimmed("reason"),
    };
    match state.app.release_place(&page.user, id, allocation, &input).await {
        Ok(_) => done(&format!("/cases/{id}"), "place-released"),
        Err(error) => refused_case_page(&state, &page, id, "place-release", form, error).await,
    }
}

async fn transfer(
    State(state): State<AppState>,
    page: PageUser,
    Path((id, allocation)): Path<(String, String)>,
    form: FormData,
) -> Response {
    let (Some(id), Some(allocation)) = (path_id::<CaseId>(&id), path_id::<PlaceAllocationId>(&allocation))
    else {
        return no_such_case(&page);
    };
    let mut invalid = Invalid::new();
    let place: Option<PlaceId> =
        required_choice(&mut invalid, "place_id", form.get("place_id"), "unknown_place");
    let result = match place {
        Some(place_id) if invalid.is_empty() => {
            let input = TransferInput {
                place_id,
                from: None,
                until: None,
                reason: form.trimmed("reason"),
            };
            state.app.transfer_place(&page.user, id, allocation, &input).await
        }
        _ => Err(invalid.into()),
    };
    match result {
        Ok(_) => done(&format!("/cases/{id}"), "place-transferred"),
        Err(error) => refused_case_page(&state, &page, id, "place-transfer", form, error).await,
    }
}
