//! Recruiting days: their list with the form that creates one, and a day's
//! page with the employers taking part, the candidates invited and what
//! came of each.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use soleil_app::AppError;
use soleil_app::employers::EmployerQuery;
use soleil_app::job_offers::{DayCandidateInput, DayEmployerInput};
use soleil_domain::inclusion::job_offer::{RecruitingDayId, RecruitingDayInput, RecruitingOutcome};
use soleil_domain::{CaseState, Invalid};
use soleil_store::Page;
use soleil_store::cases::CaseFilter;

use super::super::form::{
    Choice, FormData, PathText, Refused, choice, chrome_for, date, label_from, optional, path_id, vocabulary,
};
use super::super::time::date_text;
use super::super::{Chrome, done, error_page, render_with};
use crate::AppState;
use crate::auth::PageUser;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/recruiting-days", get(list).post(create))
        .route("/recruiting-days/{id}", get(show))
        .route("/recruiting-days/{id}/employers", post(add_employer))
        .route("/recruiting-days/{id}/candidates", post(save_candidate))
}

/// The id of the form that creates a day.
const DAY_FORM: &str = "day";
const EMPLOYER_FORM: &str = "employer";
const INVITE_FORM: &str = "invite";

struct DayRow {
    title: String,
    href: String,
    held_on: String,
    place: String,
}

#[derive(Template)]
#[template(path = "job_offers/days.html")]
struct DaysPage {
    chrome: Chrome,
    title: String,
    rows: Vec<DayRow>,
    refused: Refused,
}

async fn list(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = chrome_for(&page, "/recruiting-days", query.as_deref());
    days_page(&state, chrome, &page, Refused::none(), StatusCode::OK).await
}

async fn days_page(
    state: &AppState,
    chrome: Chrome,
    page: &PageUser,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let days = match state.app.recruiting_days(&page.user).await {
        Ok(list) => list,
        Err(error) => return error_page(chrome, error),
    };
    render_with(
        status,
        DaysPage {
            title: chrome.t("jo-days-title"),
            rows: days
                .iter()
                .map(|d| DayRow {
                    title: d.title.clone(),
                    href: format!("/recruiting-days/{}", d.id),
                    held_on: date_text(d.held_on),
                    place: d.place.clone(),
                })
                .collect(),
            refused,
            chrome,
        },
    )
}

async fn create(State(state): State<AppState>, page: PageUser, form: FormData) -> Response {
    let chrome = Chrome::new(&page, "/recruiting-days");
    let mut invalid = Invalid::new();
    let input = RecruitingDayInput {
        title: Some(form.text("title")),
        held_on: date(&mut invalid, "held_on", form.get("held_on")),
        place: Some(form.text("place")),
    };
    let result = if invalid.is_empty() {
        state.app.create_recruiting_day(&page.user, &input).await
    } else {
        Err(invalid.into())
    };
    match result {
        Ok(day) => done(&format!("/recruiting-days/{}", day.id), "jo-day-created"),
        Err(error) => {
            let label = label_from(chrome.lang, "jo-field");
            match Refused::from_error(chrome.lang, DAY_FORM, form, error, label) {
                Ok((refused, status)) => days_page(&state, chrome, &page, refused, status).await,
                Err(other) => error_page(chrome, other),
            }
        }
    }
}

// ---------------------------------------------------------------------------
// A day's page

struct CandidateRow {
    /// Hidden from those who may not see the person.
    name: String,
    case_id: String,
    outcome: String,
    outcome_code: String,
    note: String,
    form: String,
}

#[derive(Template)]
#[template(path = "job_offers/day.html")]
struct DayPage {
    chrome: Chrome,
    title: String,
    facts: Vec<(String, String)>,
    employers: Vec<String>,
    employer_choices: Vec<Choice>,
    employers_action: String,
    candidates: Vec<CandidateRow>,
    case_choices: Vec<Choice>,
    outcomes: Vec<Choice>,
    candidates_action: String,
    refused: Refused,
}

impl DayPage {
    /// The outcome a candidate's form shows: as typed when refused, else the recorded one.
    fn outcome_field(&self, row: &CandidateRow) -> super::super::form::Field {
        let field = self.refused.field(&row.form, "outcome");
        if self.refused.is(&row.form) {
            field
        } else {
            super::super::form::Field {
                value: row.outcome_code.clone(),
                ..field
            }
        }
    }
}

async fn show(
    State(state): State<AppState>,
    page: PageUser,
    PathText(raw): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(id) = path_id::<RecruitingDayId>(&raw) else {
        return error_page(
            Chrome::new(&page, "/recruiting-days"),
            AppError::NotFound("recruiting_day"),
        );
    };
    let chrome = chrome_for(&page, &format!("/recruiting-days/{id}"), query.as_deref());
    day_page(&state, chrome, &page, id, Refused::none(), StatusCode::OK).await
}

async fn day_page(
    state: &AppState,
    chrome: Chrome,
    page: &PageUser,
    id: RecruitingDayId,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let lang = chrome.lang;
    let file = match state.app.recruiting_day(&page.user, id).await {
        Ok(file) => file,
        Err(error) => return error_page(chrome, error),
    };
    // The region's employers not taking part yet.
    let query = EmployerQuery {
        page_size: Some(Page::MAX_SIZE),
        ..EmployerQuery::default()
    };
    let employer_choices = match state.app.employers(&page.user, &query).await {
        Ok(found) => found
            .employers
            .into_iter()
            .filter(|e| e.region == file.day.region && !file.employers.iter().any(|d| d.id == e.id))
            .map(|e| Choice::new(e.id.to_string(), e.legal_name))
            .collect(),
        Err(AppError::Forbidden) => Vec::new(),
        Err(error) => return error_page(chrome, error),
    };
    // The persons of cases in inclusion the user sees, not invited yet.
    let filter = CaseFilter {
        states: vec![CaseState::Inclusion],
        ..CaseFilter::default()
    };
    let case_choices = match state
        .app
        .cases(&page.user, &filter, Page::new(0, Page::MAX_SIZE))
        .await
    {
        Ok((list, _)) => list
            .iter()
            .filter(|s| {
                s.case.region == file.day.region && !file.candidates.iter().any(|c| c.case_id == s.case.id)
            })
            .map(|s| Choice::new(s.case.id.to_string(), s.person_name()))
            .collect(),
        Err(AppError::Forbidden) => Vec::new(),
        Err(error) => return error_page(chrome, error),
    };
    let day = &file.day;
    render_with(
        status,
        DayPage {
            title: day.title.clone(),
            facts: vec![
                (lang.t("jo-field-held_on"), date_text(day.held_on)),
                (lang.t("jo-field-place"), day.place.clone()),
            ],
            employers: file.employers.iter().map(|e| e.legal_name.clone()).collect(),
            employer_choices,
            employers_action: format!("/recruiting-days/{id}/employers"),
            candidates: file
                .candidates
                .iter()
                .map(|c| CandidateRow {
                    name: c
                        .person_name
                        .clone()
                        .unwrap_or_else(|| lang.t("jo-hidden-person")),
                    case_id: c.case_id.to_string(),
                    outcome: lang.label("jo-outcome", c.outcome.as_str()),
                    outcome_code: c.outcome.as_str().to_owned(),
                    note: c.note.clone().unwrap_or_default(),
                    form: format!("outcome-{}", c.case_id),
                })
                .collect(),
            case_choices,
            outcomes: vocabulary(
                lang,
                "jo-outcome",
                RecruitingOutcome::all().map(RecruitingOutcome::as_str),
            ),
            candidates_action: format!("/recruiting-days/{id}/candidates"),
            refused,
            chrome,
        },
    )
}

async fn add_employer(
    State(state): State<AppState>,
    page: PageUser,
    PathText(raw): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<RecruitingDayId>(&raw) else {
        return error_page(
            Chrome::new(&page, "/recruiting-days"),
            AppError::NotFound("recruiting_day"),
        );
    };
    let path = format!("/recruiting-days/{id}");
    let chrome = Chrome::new(&page, &path);
    let mut invalid = Invalid::new();
    let input = DayEmployerInput {
        employer_id: choice(&mut invalid, "employer_id", form.get("employer_id")),
    };
    let result = if invalid.is_empty() {
        state.app.add_day_employer(&page.user, id, &input).await
    } else {
        Err(invalid.into())
    };
    match result {
        Ok(()) => done(&path, "jo-day-employer-added"),
        Err(error) => {
            let label = label_from(chrome.lang, "jo-field");
            match Refused::from_error(chrome.lang, EMPLOYER_FORM, form, error, label) {
                Ok((refused, status)) => day_page(&state, chrome, &page, id, refused, status).await,
                Err(other) => error_page(chrome, other),
            }
        }
    }
}

/// Invites a case's person (the invite form) or records a candidate's
/// outcome (a row's form, which names its case).
async fn save_candidate(
    State(state): State<AppState>,
    page: PageUser,
    PathText(raw): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<RecruitingDayId>(&raw) else {
        return error_page(
            Chrome::new(&page, "/recruiting-days"),
            AppError::NotFound("recruiting_day"),
        );
    };
    let path = format!("/recruiting-days/{id}");
    let chrome = Chrome::new(&page, &path);
    let form_id = if form.get("form") == "outcome" {
        format!("outcome-{}", form.get("case_id"))
    } else {
        INVITE_FORM.to_owned()
    };
    let mut invalid = Invalid::new();
    let input = DayCandidateInput {
        case_id: choice(&mut invalid, "case_id", form.get("case_id")),
        outcome: choice(&mut invalid, "outcome", form.get("outcome")),
        note: optional(form.get("note")),
    };
    let result = if invalid.is_empty() {
        state.app.save_day_candidate(&page.user, id, &input).await
    } else {
        Err(invalid.into())
    };
    match result {
        Ok(()) => done(&path, "jo-day-candidate-saved"),
        Err(error) => {
            let label = label_from(chrome.lang, "jo-field");
            match Refused::from_error(chrome.lang, &form_id, form, error, label) {
                Ok((refused, status)) => day_page(&state, chrome, &page, id, refused, status).await,
                Err(other) => error_page(chrome, other),
            }
        }
    }
}
