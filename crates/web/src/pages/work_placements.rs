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
use axum::routing::{get, post};
use chrono::NaiveDate;
use fluent_templates::fluent_bundle::FluentValue;
use soleil_app::employers::EmployerQuery;
use soleil_app::work_placements::{EmployerPortal, PlacementDetail, PlacementQuery};
use soleil_app::{AppError, Operation, policy};
use soleil_domain::inclusion::money::Cents;
use soleil_domain::inclusion::work_placement::{
    CurrentContract, EmploymentContract, EndReason, FollowUp, FollowUpId, FollowUpInput, PlacementEndInput,
    PlacementKind, PlacementStatus, WorkPlacementId, WorkPlacementInput, follow_up_open,
};
use soleil_domain::{CaseId, Invalid, Role, User};
use soleil_store::Page;
use soleil_store::work_placements::PlacementView;

use super::form::{
    Choice, FormData, PathText, Refused, choice, chrome_for, date, filter_value, label_from, list_chrome,
    optional, path_id, vocabulary,
};
use super::pager::Pager;
use super::time::{date_text, day_text, rome_time};
use super::{CaseForm, Chrome, case_sub_page, case_sub_post, done, error_page, render, render_with};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cases/{id}/work-placements", get(case_placements).post(record))
        .route("/employer", get(employer_portal))
        .route("/work-placements", get(list))
        .route("/work-placements/{id}", get(show))
        .route("/work-placements/{id}/end", post(end))
        .route("/work-placements/{id}/follow-up", post(follow_up))
        .route("/follow-ups", get(follow_ups))
}

/// The id of the placement form in the case's page.
const RECORD_FORM: &str = "placement";

/// One placement as the pages show it.
pub struct PlacementRow {
    /// The placement's own page.
    pub href: String,
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
            href: format!("/work-placements/{}", placement.id),
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
    let show =
        async |chrome, id, refused, status| case_page(&state, chrome, &page, id, refused, status).await;
    case_sub_page(&page, &id, "work-placements", query.as_deref(), show).await
}

async fn record(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let posted = CaseForm {
        sub: "work-placements",
        form: RECORD_FORM,
        done: "work-placement-recorded",
        label: |lang, field| label_from(lang, "work-placements-field")(field),
    };
    let act = async |case, form: &FormData| match placement_input(form) {
        Ok(input) => state.app.record_work_placement(&page.user, case, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    let show =
        async |chrome, id, refused, status| case_page(&state, chrome, &page, id, refused, status).await;
    case_sub_post(&page, &id, posted, form, act, show).await
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

// ---------------------------------------------------------------------------
// The list of placements

/// Rows of a page of the list.
const ROWS_PER_PAGE: u32 = 25;

#[derive(Template)]
#[template(path = "work_placements/list.html")]
struct PlacementsPage {
    chrome: Chrome,
    title: String,
    filters: FormData,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    /// Empty for an employer's own login: its placements are all its own.
    employers: Vec<Choice>,
    rows: Vec<PlacementRow>,
    pager: Pager,
}

/// The employers of the user's region, for the list's filter.
async fn employer_choices(state: &AppState, user: &User) -> Vec<Choice> {
    if user.role == Role::Employer || !policy::permits(user.role, Operation::ListEmployers) {
        return Vec::new();
    }
    let query = EmployerQuery {
        page_size: Some(200),
        ..EmployerQuery::default()
    };
    match state.app.employers(user, &query).await {
        Ok(page) => page
            .employers
            .into_iter()
            .map(|e| Choice::new(e.id.to_string(), e.legal_name))
            .collect(),
        // The filter is a convenience: the list still shows without it.
        Err(error) => {
            tracing::warn!(%error, "employers for the placements filter");
            Vec::new()
        }
    }
}

async fn list(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = list_chrome(&page, "/work-placements", query.as_deref());
    let filters = FormData::query(query.as_deref());
    let placement_query = PlacementQuery {
        kind: filter_value(filters.get("kind")),
        employer: filter_value(filters.get("employer")),
        status: filter_value(filters.get("status")),
        ..PlacementQuery::default()
    };
    let paging = Pager::requested(query.as_deref(), ROWS_PER_PAGE);
    let (list, total) = match state
        .app
        .work_placements(&page.user, &placement_query, paging)
        .await
    {
        Ok(found) => found,
        Err(error) => return error_page(chrome, error),
    };
    let lang = chrome.lang;
    render(PlacementsPage {
        title: chrome.t("work-placements-title"),
        kinds: vocabulary(
            lang,
            "placement_kind",
            PlacementKind::all().map(PlacementKind::as_str),
        ),
        statuses: vocabulary(
            lang,
            "work-placements-status",
            PlacementStatus::all().map(PlacementStatus::as_str),
        ),
        employers: employer_choices(&state, &page.user).await,
        rows: list.iter().map(|v| PlacementRow::new(lang, v)).collect(),
        pager: Pager::new(lang, "/work-placements", query.as_deref(), paging, total),
        filters,
        chrome,
    })
}

// ---------------------------------------------------------------------------
// A placement, its end and its follow-ups

/// The id of the form that ends a placement.
const END_FORM: &str = "end";

/// The id of the form of one follow-up: each has its own.
fn follow_up_form(id: FollowUpId) -> String {
    format!("follow-up-{id}")
}

/// One follow-up as the placement's page shows it.
struct FollowUpRow {
    /// The anchor of its form, which the list of due follow-ups links to.
    form: String,
    id: String,
    month: String,
    due: String,
    /// What was recorded, in words; `None` while it is not.
    answer: Option<String>,
    /// Whether its form is shown: not recorded, within two weeks of falling.
    open: bool,
}

impl FollowUpRow {
    fn new(lang: Lang, follow_up: &FollowUp, today: NaiveDate) -> Self {
        let answer = follow_up.recorded_at.map(|at| {
            let mut words = vec![match follow_up.still_employed {
                Some(true) => lang.t("work-placements-still-employed"),
                _ => lang.t("work-placements-not-employed"),
            }];
            if let Some(same) = follow_up.same_employer {
                words.push(lang.t(if same {
                    "work-placements-same-employer"
                } else {
                    "work-placements-other-employer"
                }));
            }
            if let Some(contract) = follow_up.current_contract {
                words.push(lang.label("work-placements-now", contract.as_str()));
            }
            if let Some(notes) = &follow_up.notes {
                words.push(notes.clone());
            }
            lang.with_args(
                "work-placements-recorded-on",
                &[
                    ("date", FluentValue::from(day_text(at))),
                    ("answer", FluentValue::from(words.join("; "))),
                ],
            )
        });
        Self {
            form: follow_up_form(follow_up.id),
            id: follow_up.id.to_string(),
            month: lang.t1("work-placements-month", "month", follow_up.month),
            due: date_text(follow_up.due_on),
            open: answer.is_none() && follow_up_open(follow_up.due_on, today),
            answer,
        }
    }
}

#[derive(Template)]
#[template(path = "work_placements/show.html")]
struct PlacementPage {
    chrome: Chrome,
    title: String,
    facts: Vec<(String, String)>,
    case_href: Option<String>,
    follow_ups: Vec<FollowUpRow>,
    /// Whether the employer's login reads it: no follow-ups for it.
    employer_login: bool,
    may_end: bool,
    may_record: bool,
    end_action: String,
    follow_up_action: String,
    reasons: Vec<Choice>,
    yes_no: Vec<Choice>,
    contracts: Vec<Choice>,
    refused: Refused,
}

impl PlacementPage {
    fn new(chrome: Chrome, detail: &PlacementDetail, employer_login: bool, refused: Refused) -> Self {
        let lang = chrome.lang;
        let view = &detail.placement;
        let placement = &view.placement;
        let row = PlacementRow::new(lang, view);
        let mut facts = vec![
            (chrome.t("work-placements-field-person"), row.person.clone()),
            (
                chrome.t("work-placements-field-employer_id"),
                row.employer.clone(),
            ),
            (chrome.t("work-placements-field-kind"), row.kind.clone()),
            (chrome.t("work-placements-dates"), row.dates.clone()),
        ];
        facts.push((
            chrome.t("work-placements-field-hours_per_week"),
            placement.hours_per_week.to_string(),
        ));
        if let Some(mentor) = &placement.mentor {
            facts.push((chrome.t("work-placements-field-mentor"), mentor.clone()));
        }
        if let Some(pay) = placement.monthly_pay_cents {
            facts.push((
                chrome.t("work-placements-field-monthly_pay"),
                lang.money(Cents(pay)),
            ));
        }
        if let Some(ended) = &row.ended {
            facts.push((chrome.t("work-placements-ended"), ended.clone()));
        }
        if let Some(note) = &placement.end_note {
            facts.push((chrome.t("work-placements-end-note"), note.clone()));
        }
        let today = rome_time(chrono::Utc::now()).date();
        let follow_ups: Vec<FollowUpRow> = detail
            .follow_ups
            .iter()
            .map(|f| FollowUpRow::new(lang, f, today))
            .collect();
        Self {
            title: chrome.t("work-placements-show-title"),
            facts,
            case_href: (!employer_login).then(|| format!("/cases/{}/work-placements", placement.case_id)),
            may_end: detail.may_record && placement.ended_on.is_none(),
            may_record: detail.may_record,
            follow_ups,
            employer_login,
            end_action: format!("/work-placements/{}/end", placement.id),
            follow_up_action: format!("/work-placements/{}/follow-up", placement.id),
            reasons: vocabulary(lang, "end_reason", EndReason::all().map(EndReason::as_str)),
            yes_no: vec![
                Choice::new("yes", lang.t("work-placements-yes")),
                Choice::new("no", lang.t("work-placements-no")),
            ],
            contracts: vocabulary(
                lang,
                "work-placements-now",
                CurrentContract::all().map(CurrentContract::as_str),
            ),
            refused,
            chrome,
        }
    }
}

/// A placement's page, with a form as typed when refused.
async fn placement_page(
    state: &AppState,
    chrome: Chrome,
    page: &PageUser,
    id: WorkPlacementId,
    refused: Refused,
    status: StatusCode,
) -> Response {
    match state.app.work_placement(&page.user, id).await {
        Ok(detail) => {
            let employer_login = page.user.role == Role::Employer;
            render_with(
                status,
                PlacementPage::new(chrome, &detail, employer_login, refused),
            )
        }
        Err(error) => error_page(chrome, error),
    }
}

async fn show(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(id) = path_id::<WorkPlacementId>(&id) else {
        return error_page(
            Chrome::new(&page, "/work-placements"),
            AppError::NotFound("work_placement"),
        );
    };
    let chrome = chrome_for(&page, &format!("/work-placements/{id}"), query.as_deref());
    placement_page(&state, chrome, &page, id, Refused::none(), StatusCode::OK).await
}

/// A yes or no from a radio group: blank is no answer.
fn yes_no(invalid: &mut Invalid, field: &str, value: &str) -> Option<bool> {
    match value.trim() {
        "" => None,
        "yes" => Some(true),
        "no" => Some(false),
        _ => {
            invalid.add(field, "invalid_choice");
            None
        }
    }
}

/// The end form as typed.
fn end_input(form: &FormData) -> Result<PlacementEndInput, Invalid> {
    let mut invalid = Invalid::new();
    let input = PlacementEndInput {
        ended_on: date(&mut invalid, "ended_on", form.get("ended_on")),
        reason: choice(&mut invalid, "reason", form.get("reason")),
        note: optional(form.get("note")),
    };
    invalid.into_result(input)
}

/// The follow-up form as typed.
fn follow_up_input(form: &FormData) -> Result<FollowUpInput, Invalid> {
    let mut invalid = Invalid::new();
    let input = FollowUpInput {
        still_employed: yes_no(&mut invalid, "still_employed", form.get("still_employed")),
        same_employer: yes_no(&mut invalid, "same_employer", form.get("same_employer")),
        current_contract: choice(&mut invalid, "current_contract", form.get("current_contract")),
        notes: optional(form.get("notes")),
    };
    invalid.into_result(input)
}

async fn end(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<WorkPlacementId>(&id) else {
        return error_page(
            Chrome::new(&page, "/work-placements"),
            AppError::NotFound("work_placement"),
        );
    };
    let path = format!("/work-placements/{id}");
    let chrome = Chrome::new(&page, &path);
    let result = match end_input(&form) {
        Ok(input) => state.app.end_work_placement(&page.user, id, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(_) => done(&path, "work-placement-ended"),
        Err(error) => {
            let label = label_from(chrome.lang, "work-placements-end");
            match Refused::from_error(chrome.lang, END_FORM, form, error, label) {
                Ok((refused, status)) => placement_page(&state, chrome, &page, id, refused, status).await,
                Err(other) => error_page(chrome, other),
            }
        }
    }
}

async fn follow_up(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<WorkPlacementId>(&id) else {
        return error_page(
            Chrome::new(&page, "/work-placements"),
            AppError::NotFound("work_placement"),
        );
    };
    let path = format!("/work-placements/{id}");
    let chrome = Chrome::new(&page, &path);
    let Some(follow_up) = path_id::<FollowUpId>(form.get("follow_up_id")) else {
        return error_page(chrome, AppError::NotFound("follow_up"));
    };
    let result = match follow_up_input(&form) {
        Ok(input) => state.app.record_follow_up(&page.user, follow_up, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        // A follow-up of another placement is recorded all the same (the
        // use case checks it): its own page is where it shows.
        Ok(recorded) => done(
            &format!("/work-placements/{}", recorded.placement_id),
            "follow-up-recorded",
        ),
        Err(error) => {
            let label = label_from(chrome.lang, "work-placements-follow-up");
            let form_id = follow_up_form(follow_up);
            match Refused::from_error(chrome.lang, &form_id, form, error, label) {
                Ok((refused, status)) => placement_page(&state, chrome, &page, id, refused, status).await,
                Err(other) => error_page(chrome, other),
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The follow-ups due

/// A follow-up due, as the list shows it.
struct DueRow {
    person: String,
    employer: String,
    kind: String,
    month: String,
    due: String,
    overdue: bool,
    href: String,
}

#[derive(Template)]
#[template(path = "work_placements/follow_ups.html")]
struct FollowUpsPage {
    chrome: Chrome,
    title: String,
    rows: Vec<DueRow>,
}

async fn follow_ups(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = chrome_for(&page, "/follow-ups", query.as_deref());
    let lang = chrome.lang;
    let today = rome_time(chrono::Utc::now()).date();
    match state.app.due_follow_ups(&page.user).await {
        Ok(list) => render(FollowUpsPage {
            title: chrome.t("work-placements-follow-ups-title"),
            rows: list
                .iter()
                .map(|view| DueRow {
                    person: view.person_name.clone(),
                    employer: view.employer_name.clone(),
                    kind: lang.label("placement_kind", view.kind.as_str()),
                    month: lang.t1("work-placements-month", "month", view.follow_up.month),
                    due: date_text(view.follow_up.due_on),
                    overdue: view.follow_up.due_on < today,
                    href: format!(
                        "/work-placements/{}#{}",
                        view.follow_up.placement_id,
                        follow_up_form(view.follow_up.id)
                    ),
                })
                .collect(),
            chrome,
        }),
        Err(error) => error_page(chrome, error),
    }
}
