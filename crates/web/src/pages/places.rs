//! Emergency places: the secretariat's page of the places of its region,
//! and the section of the case page where it allocates, releases and
//! transfers them.

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use axum::routing::{get, post};
use chrono::{DateTime, NaiveDate, Utc};
use soleil_app::cases::CaseFile;
use soleil_app::{Operation, policy};
use soleil_domain::place::{AllocationInput, ReleaseInput, TransferInput};
use soleil_domain::{CaseId, CaseState, Invalid, PlaceAllocationId, PlaceId, PlaceKind, User};
use soleil_store::places::{PlaceFilter, PlaceView};

use super::cases::{no_such_case, refused_case_page};
use super::form::{
    Choice, ChoiceGroup, Field, FormData, Refused, date, filter_value, list_chrome, path_id, required_choice,
    vocabulary,
};
use super::time::{date_text, filters};
use super::{Chrome, done, error_page, render};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/places", get(list))
        .route("/cases/{id}/places", post(allocate))
        .route("/cases/{id}/places/{allocation}/release", post(release))
        .route("/cases/{id}/places/{allocation}/transfer", post(transfer))
}

// ---------------------------------------------------------------------------
// The places of the region
// ---------------------------------------------------------------------------

/// One place as the list shows it.
struct PlaceRow {
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
}

fn facilities(lang: Lang, places: &[PlaceView]) -> Vec<Facility> {
    let mut groups: Vec<Facility> = Vec::new();
    for view in places {
        let row = PlaceRow {
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
            }),
        }
    }
    groups
}

async fn list(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let query = query.as_deref();
    let filters = FormData::query(query);
    let chrome = list_chrome(&page, "/places", query);
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
        ..PlaceFilter::default()
    };
    let places = match state.app.places(&page.user, &filter).await {
        Ok(places) => places,
        Err(error) => return error_page(chrome, error),
    };
    render(ListPage {
        title: chrome.t("places-title"),
        kinds: vocabulary(lang, "place_kind", PlaceKind::all().map(PlaceKind::as_str)),
        availability: vec![
            Choice::new("yes", lang.t("places-filter-free-yes")),
            Choice::new("no", lang.t("places-filter-free-no")),
        ],
        accessible_only,
        facilities: facilities(lang, &places),
        case_links: policy::permits(page.user.role, Operation::ReadCase),
        filters,
        chrome,
    })
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
