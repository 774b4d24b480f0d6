//! Pages: work placements and follow-ups.
//!
//! The case's placements page lists the placements of the case and holds
//! the form that records one; a refused placement comes back on the same
//! page with what was typed and the reasons.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use soleil_app::work_placements::{EmployerPortal, PlacementQuery};
use soleil_app::{AppError, Operation, policy};
use soleil_domain::inclusion::money::Cents;
use soleil_domain::inclusion::work_placement::{EmploymentContract, PlacementKind, WorkPlacementInput};
use soleil_domain::{CaseId, Invalid};
use soleil_store::Page;
use soleil_store::work_placements::PlacementView;

use super::form::{
    Choice, FormData, PathText, Refused, choice, chrome_for, date, label_from, optional, path_id, vocabulary,
};
use super::time::date_text;
use super::{Chrome, done, error_page, render_with};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cases/{id}/work-placements", get(case_placements).post(record))
        .route("/employer", get(employer_portal))
}

/// The id of the placement form in the case's page.
const RECORD_FORM: &str = "placement";

/// One placement as the pages show it.
pub struct PlacementRow {
    pub person: String,
    pub employer: String,
    pub kind: String,
    /// "01/09/2026 – 28/02/2027", or from the start only.
    pub dates: String,
    pub mentor: String,
    pub ended: Option<String>,
}

impl PlacementRow {
    fn new(lang: Lang, view: &PlacementView) -> Self {
        let placement = &view.placement;
        let mut kind = lang.label("placement_kind", placement.kind.as_str());
        if let Some(contract) = placement.contract_type {
            kind = format!(
                "{kind} ({})",
                lang.label("employment_contract", contract.as_str())
            );
        }
        let dates = match placement.ends_on {
            Some(end) => format!("{} – {}", date_text(placement.starts_on), date_text(end)),
            None => date_text(placement.starts_on),
        };
        Self {
            person: view.person_name.clone(),
            employer: view.employer_name.clone(),
            kind,
            dates,
            mentor: placement.mentor.clone().unwrap_or_default(),
            ended: placement.ended_on.map(|day| {
                let reason = placement
                    .end_reason
                    .map(|r| lang.label("end_reason", r.as_str()))
                    .unwrap_or_default();
                format!("{} ({reason})", date_text(day))
            }),
        }
    }
}

/// The placement form as typed: each field read on its own, so a bad value
/// is a message on its field and the others are still checked.
fn placement_input(form: &FormData) -> Result<WorkPlacementInput, Invalid> {
    let mut invalid = Invalid::new();
    let hours = form.get("hours_per_week").trim();
    let hours_per_week = if hours.is_empty() {
        None
    } else {
        let parsed = hours.parse().ok();
        if parsed.is_none() {
            invalid.add("hours_per_week", "hours_out_of_range");
        }
        parsed
    };
    let pay = form.get("monthly_pay").trim();
    let monthly_pay_cents = if pay.is_empty() {
        None
    } else {
        match Cents::parse(pay) {
            Ok(cents) => Some(cents.0),
            Err(_) => {
                invalid.add("monthly_pay", "invalid_pay");
                None
            }
        }
    };
    let input = WorkPlacementInput {
        employer_id: choice(&mut invalid, "employer_id", form.get("employer_id")),
        offer_id: None,
        proposal_id: None,
        kind: choice::<PlacementKind>(&mut invalid, "kind", form.get("kind")),
        contract_type: choice::<EmploymentContract>(&mut invalid, "contract_type", form.get("contract_type")),
        hours_per_week,
        starts_on: date(&mut invalid, "starts_on", form.get("starts_on")),
        ends_on: date(&mut invalid, "ends_on", form.get("ends_on")),
        mentor: optional(form.get("mentor")),
        monthly_pay_cents,
        notes: optional(form.get("notes")),
    };
    invalid.into_result(input)
}

#[derive(Template)]
#[template(path = "work_placements/case.html")]
struct CasePlacementsPage {
    chrome: Chrome,
    title: String,
    back: String,
    action: String,
    rows: Vec<PlacementRow>,
    may_record: bool,
    employers: Vec<Choice>,
    kinds: Vec<Choice>,
    contracts: Vec<Choice>,
    refused: Refused,
}

async fn case_placements(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(id) = path_id::<CaseId>(&id) else {
        return error_page(Chrome::new(&page, "/cases"), AppError::NotFound("case"));
    };
    let chrome = chrome_for(&page, &format!("/cases/{id}/work-placements"), query.as_deref());
    case_page(&state, chrome, &page, id, Refused::none(), StatusCode::OK).await
}

async fn record(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<CaseId>(&id) else {
        return error_page(Chrome::new(&page, "/cases"), AppError::NotFound("case"));
    };
    let path = format!("/cases/{id}/work-placements");
    let chrome = Chrome::new(&page, &path);
    let result = match placement_input(&form) {
        Ok(input) => state.app.record_work_placement(&page.user, id, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(_) => done(&path, "work-placement-recorded"),
        Err(error) => {
            let label = label_from(chrome.lang, "work-placements-field");
            match Refused::from_error(chrome.lang, RECORD_FORM, form, error, label) {
                Ok((refused, status)) => case_page(&state, chrome, &page, id, refused, status).await,
                Err(other) => error_page(chrome, other),
            }
        }
    }
}

/// The case's placements page, with the record form as typed when refused.
async fn case_page(
    state: &AppState,
    chrome: Chrome,
    page: &PageUser,
    id: CaseId,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let lang = chrome.lang;
    let query = PlacementQuery {
        case: Some(id),
        ..PlacementQuery::default()
    };
    let whole = Page::new(0, Page::MAX_SIZE);
    let placements = match state.app.work_placements(&page.user, &query, whole).await {
        Ok((list, _)) => list,
        Err(error) => return error_page(chrome, error),
    };
    // The form is for those who may record on this very case.
    let employers = if policy::permits(page.user.role, Operation::RecordWorkPlacements) {
        match state.app.placement_employers(&page.user, id).await {
            Ok(list) => Some(
                list.into_iter()
                    .map(|e| Choice::new(e.id.to_string(), e.legal_name))
                    .collect(),
            ),
            Err(AppError::Forbidden) => None,
            Err(error) => return error_page(chrome, error),
        }
    } else {
        None
    };
    render_with(
        status,
        CasePlacementsPage {
            title: chrome.t("work-placements-case-title"),
            back: format!("/cases/{id}"),
            action: format!("/cases/{id}/work-placements"),
            rows: placements.iter().map(|v| PlacementRow::new(lang, v)).collect(),
            may_record: employers.is_some(),
            employers: employers.unwrap_or_default(),
            kinds: vocabulary(
                lang,
                "placement_kind",
                PlacementKind::all().map(PlacementKind::as_str),
            ),
            contracts: vocabulary(
                lang,
                "employment_contract",
                EmploymentContract::all().map(EmploymentContract::as_str),
            ),
            refused,
            chrome,
        },
    )
}

/// A candidate proposed to the employer, as its portal shows them.
pub struct CandidateRow {
    pub person: String,
    pub offer: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "work_placements/employer.html")]
struct EmployerPage {
    chrome: Chrome,
    title: String,
    portal: EmployerPortal,
    offers: Vec<Choice>,
    candidates: Vec<CandidateRow>,
    rows: Vec<PlacementRow>,
}

/// The employer's own portal: its record, open offers, the candidates who
/// consented to be proposed to it, and its placements.
async fn employer_portal(
    State(state): State<AppState>,
    page: PageUser,
    RawQuery(query): RawQuery,
) -> Response {
    let chrome = chrome_for(&page, "/employer", query.as_deref());
    let lang = chrome.lang;
    let portal = match state.app.employer_portal(&page.user).await {
        Ok(portal) => portal,
        Err(error) => return error_page(chrome, error),
    };
    let offers = portal
        .open_offers
        .iter()
        .map(|o| {
            let contract = lang.label("work-placements-offer-contract", o.contract_type.as_str());
            Choice::new(o.id.to_string(), format!("{} ({contract})", o.title))
        })
        .collect();
    let candidates = portal
        .candidates
        .iter()
        .map(|c| CandidateRow {
            person: c.person_name.clone(),
            offer: c.offer_title.clone(),
            status: lang.label("work-placements-proposal", c.status.as_str()),
        })
        .collect();
    let rows = portal
        .placements
        .iter()
        .map(|v| PlacementRow::new(lang, v))
        .collect();
    render_with(
        StatusCode::OK,
        EmployerPage {
            title: chrome.t("work-placements-employer-title"),
            offers,
            candidates,
            rows,
            portal,
            chrome,
        },
    )
}
