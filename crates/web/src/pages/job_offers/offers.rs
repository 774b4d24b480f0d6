//! The offers: their list, their form, and an offer's page with its
//! matches, the proposals made to it and the forms that propose and answer.

use std::str::FromStr;

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use soleil_app::employers::EmployerQuery;
use soleil_app::job_offers::{CandidateMatch, OfferQuery, ProposalCard};
use soleil_app::{AppError, Operation, policy};
use soleil_domain::inclusion::course::CourseSector;
use soleil_domain::inclusion::job_offer::{
    Catalogues, ContractType, JobOffer, JobOfferId, JobOfferInput, NewJobOffer, OfferStatus, ProposalAnswer,
    ProposalId, ProposalInput, ProposalStatus,
};
use soleil_domain::{Invalid, Role, User};

use super::super::form::{
    Choice, ChoiceGroup, Field, FormData, PathText, Refused, add_missing, choice, chrome_for, date,
    filter_value, in_form_order, iso_date, label_from, optional, path_id, vocabulary,
};
use super::super::time::{date_text, day_text};
use super::super::{Chrome, FormErrors, done, error_page, render, render_with};
use super::{
    AssessmentView, comune_text, form_of, italian_levels, licence_text, licences, number, occupation_groups,
    occupation_text, read_comune, tags,
};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/job-offers", get(list))
        .route("/job-offers/new", get(new_form).post(create))
        .route("/job-offers/{id}", get(show))
        .route("/job-offers/{id}/edit", get(edit_form).post(update))
        .route("/job-offers/{id}/proposals", post(propose))
        .route("/proposals/{id}/answer", post(answer))
}

/// The fields of the offer form, in the form's order.
const OFFER_FIELDS: [&str; 14] = [
    "employer_id",
    "title",
    "occupation",
    "skills",
    "comune",
    "hours_per_week",
    "contract_type",
    "positions",
    "starts_on",
    "italian_level",
    "driving_licence",
    "lab_sector",
    "description",
    "status",
];

/// The contracts an offer may propose, labelled.
fn contracts(lang: Lang) -> Vec<Choice> {
    vocabulary(lang, "jo-contract", ContractType::all().map(ContractType::as_str))
}

fn statuses(lang: Lang) -> Vec<Choice> {
    vocabulary(lang, "jo-status", OfferStatus::all().map(OfferStatus::as_str))
}

fn sectors(lang: Lang) -> Vec<Choice> {
    vocabulary(
        lang,
        "course_sector",
        CourseSector::all().map(CourseSector::as_str),
    )
}

/// The employers the user keeps, by name, for the offer form and the list's
/// filter. A role that may not list them gets none.
async fn employer_choices(state: &AppState, user: &User) -> Vec<Choice> {
    let query = EmployerQuery {
        page_size: Some(soleil_store::Page::MAX_SIZE),
        ..EmployerQuery::default()
    };
    match state.app.employers(user, &query).await {
        Ok(page) => page
            .employers
            .into_iter()
            .map(|e| Choice::new(e.id.to_string(), e.legal_name))
            .collect(),
        Err(AppError::Forbidden) => Vec::new(),
        Err(error) => {
            tracing::warn!(%error, "employers for the offer form");
            Vec::new()
        }
    }
}

// ---------------------------------------------------------------------------
// The list

struct OfferRow {
    title: String,
    href: String,
    employer: String,
    occupation: String,
    place: String,
    starts_on: String,
    status: String,
}

impl OfferRow {
    fn new(lang: Lang, offer: &JobOffer) -> Self {
        Self {
            title: offer.title.clone(),
            href: format!("/job-offers/{}", offer.id),
            employer: offer.employer_name.clone().unwrap_or_default(),
            occupation: occupation_text(lang, &offer.occupation),
            place: comune_text(&offer.comune),
            starts_on: date_text(offer.starts_on),
            status: lang.label("jo-status", offer.status.as_str()),
        }
    }
}

#[derive(Template)]
#[template(path = "job_offers/list.html")]
struct ListPage {
    chrome: Chrome,
    title: String,
    status: Field,
    employer: Field,
    occupation: Field,
    statuses: Vec<Choice>,
    employers: Vec<Choice>,
    occupations: Vec<ChoiceGroup>,
    rows: Vec<OfferRow>,
    may_create: bool,
    may_run_days: bool,
}

async fn list(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = chrome_for(&page, "/job-offers", query.as_deref());
    let filters = FormData::query(query.as_deref());
    // A filter value that does not read filters nothing.
    let offer_query = OfferQuery {
        status: filter_value(filters.get("status")),
        employer_id: filter_value(filters.get("employer_id")),
        occupation: filters.trimmed("occupation"),
    };
    let lang = chrome.lang;
    let offers = match state.app.job_offers(&page.user, &offer_query).await {
        Ok(list) => list,
        Err(error) => return error_page(chrome, error),
    };
    render(ListPage {
        title: chrome.t("jo-title"),
        status: filters.field("status", "status"),
        employer: filters.field("employer_id", "employer_id"),
        occupation: filters.field("occupation", "occupation"),
        statuses: statuses(lang),
        employers: employer_choices(&state, &page.user).await,
        occupations: occupation_groups(lang),
        rows: offers.iter().map(|o| OfferRow::new(lang, o)).collect(),
        may_create: policy::permits(page.user.role, Operation::ManageJobOffers),
        may_run_days: policy::permits(page.user.role, Operation::ManageRecruitingDays),
        chrome,
    })
}

// ---------------------------------------------------------------------------
// The form

/// The catalogues the domain checks an offer against, so that a form with
/// fields the page could not read still shows the domain's messages for the
/// others in the same answer.
struct Reference;

impl Catalogues for Reference {
    fn is_occupation(&self, code: &str) -> bool {
        soleil_reference::occupations::get(code).is_some_and(|o| o.is_unit_group())
    }
    fn is_comune(&self, code: &str) -> bool {
        soleil_reference::comune(code).is_some()
    }
    fn is_course_sector(&self, code: &str) -> bool {
        CourseSector::from_str(code).is_ok()
    }
}

/// The offer form as typed: each field read on its own, so a bad value is a
/// message on its field and the others are still checked.
fn offer_input(form: &FormData) -> Result<JobOfferInput, Invalid> {
    let mut invalid = Invalid::new();
    let input = JobOfferInput {
        employer_id: choice(&mut invalid, "employer_id", form.get("employer_id")),
        title: Some(form.text("title")),
        occupation: optional(form.get("occupation")),
        skills: tags(form.get("skills")),
        comune: read_comune(&mut invalid, "comune", form.get("comune")),
        hours_per_week: number(
            &mut invalid,
            "hours_per_week",
            form.get("hours_per_week"),
            "hours_out_of_range",
        ),
        contract_type: choice(&mut invalid, "contract_type", form.get("contract_type")),
        positions: number(
            &mut invalid,
            "positions",
            form.get("positions"),
            "positions_out_of_range",
        ),
        italian_level: choice(&mut invalid, "italian_level", form.get("italian_level")),
        driving_licence: choice(&mut invalid, "driving_licence", form.get("driving_licence")),
        lab_sector: optional(form.get("lab_sector")),
        starts_on: date(&mut invalid, "starts_on", form.get("starts_on")),
        description: optional(form.get("description")),
        status: choice(&mut invalid, "status", form.get("status")),
    };
    if invalid.is_empty() {
        Ok(input)
    } else {
        add_missing(&mut invalid, NewJobOffer::parse(&input, &Reference));
        Err(invalid)
    }
}

/// An offer in its form, as it is.
fn offer_form(offer: &JobOffer) -> FormData {
    let optional = |value: Option<&str>| value.unwrap_or_default().to_owned();
    form_of(&[
        ("employer_id", offer.employer_id.to_string()),
        ("title", offer.title.clone()),
        ("occupation", offer.occupation.clone()),
        ("skills", offer.skills.join(", ")),
        ("comune", offer.comune.clone()),
        ("hours_per_week", offer.hours_per_week.to_string()),
        ("contract_type", offer.contract_type.as_str().to_owned()),
        ("positions", offer.positions.to_string()),
        ("starts_on", offer.starts_on.to_string()),
        ("italian_level", optional(offer.italian_level.map(|l| l.as_str()))),
        (
            "driving_licence",
            optional(offer.driving_licence.map(|l| l.as_str())),
        ),
        ("lab_sector", optional(offer.lab_sector.as_deref())),
        ("description", optional(offer.description.as_deref())),
        ("status", offer.status.as_str().to_owned()),
    ])
}

#[derive(Template)]
#[template(path = "job_offers/form.html")]
struct FormPage {
    chrome: Chrome,
    title: String,
    action: String,
    cancel: String,
    /// The employer's name when editing: an offer keeps its employer.
    fixed_employer: Option<String>,
    values: FormData,
    errors: FormErrors,
    employers: Vec<Choice>,
    occupations: Vec<ChoiceGroup>,
    contracts: Vec<Choice>,
    levels: Vec<Choice>,
    licences: Vec<Choice>,
    sectors: Vec<Choice>,
    statuses: Vec<Choice>,
}

impl FormPage {
    /// A field of the form, with what was typed and its message.
    fn field(&self, name: &str) -> Field {
        let value = self.values.get(name);
        // Dates typed as dd/mm/yyyy come back as the date input shows them.
        let value = if name == "starts_on" {
            iso_date(value.to_owned())
        } else if name == "comune" && value.bytes().all(|b| b.is_ascii_digit()) && !value.is_empty() {
            comune_text(value)
        } else {
            value.to_owned()
        };
        self.errors.field(name, &value)
    }
}

/// The offer form, new (`offer` is `None`) or of an offer.
async fn form_page(
    state: &AppState,
    chrome: Chrome,
    user: &User,
    offer: Option<&JobOffer>,
    values: FormData,
    errors: FormErrors,
) -> Response {
    let lang = chrome.lang;
    let status = errors.status();
    let (title, action, cancel) = match offer {
        Some(offer) => (
            lang.t1("jo-edit-title", "title", &offer.title),
            format!("/job-offers/{}/edit", offer.id),
            format!("/job-offers/{}", offer.id),
        ),
        None => (
            lang.t("jo-new-title"),
            "/job-offers/new".to_owned(),
            "/job-offers".to_owned(),
        ),
    };
    render_with(
        status,
        FormPage {
            title,
            action,
            cancel,
            fixed_employer: offer.map(|o| o.employer_name.clone().unwrap_or_default()),
            values,
            errors: in_form_order(errors, &OFFER_FIELDS),
            employers: if offer.is_none() {
                employer_choices(state, user).await
            } else {
                Vec::new()
            },
            occupations: occupation_groups(lang),
            contracts: contracts(lang),
            levels: italian_levels(lang),
            licences: licences(),
            sectors: sectors(lang),
            statuses: statuses(lang),
            chrome,
        },
    )
}

async fn new_form(State(state): State<AppState>, page: PageUser) -> Response {
    let chrome = Chrome::new(&page, "/job-offers/new");
    if !policy::permits(page.user.role, Operation::ManageJobOffers) {
        return error_page(chrome, AppError::Forbidden);
    }
    let errors = FormErrors::new(chrome.lang, Vec::new());
    let mut defaults = vec![("positions", "1".to_owned()), ("status", "open".to_owned())];
    // An employer's login offers for itself: its one choice is made.
    if page.user.role == Role::Employer
        && let [own] = &employer_choices(&state, &page.user).await[..]
    {
        defaults.push(("employer_id", own.value.clone()));
    }
    let values = form_of(&defaults);
    form_page(&state, chrome, &page.user, None, values, errors).await
}

async fn create(State(state): State<AppState>, page: PageUser, form: FormData) -> Response {
    let chrome = Chrome::new(&page, "/job-offers/new");
    let result = match offer_input(&form) {
        Ok(input) => state.app.create_job_offer(&page.user, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(offer) => done(&format!("/job-offers/{}", offer.id), "jo-offer-created"),
        Err(AppError::Invalid(invalid)) => {
            let errors = FormErrors::new(chrome.lang, invalid.errors);
            form_page(&state, chrome, &page.user, None, form, errors).await
        }
        Err(error) => error_page(chrome, error),
    }
}

async fn edit_form(State(state): State<AppState>, page: PageUser, PathText(raw): PathText) -> Response {
    let chrome = Chrome::new(&page, &format!("/job-offers/{raw}/edit"));
    if !policy::permits(page.user.role, Operation::ManageJobOffers) {
        return error_page(chrome, AppError::Forbidden);
    }
    let Some(id) = path_id::<JobOfferId>(&raw) else {
        return error_page(chrome, AppError::NotFound("job_offer"));
    };
    match state.app.job_offer(&page.user, id).await {
        Ok(offer) => {
            let errors = FormErrors::new(chrome.lang, Vec::new());
            let values = offer_form(&offer);
            form_page(&state, chrome, &page.user, Some(&offer), values, errors).await
        }
        Err(error) => error_page(chrome, error),
    }
}

async fn update(
    State(state): State<AppState>,
    page: PageUser,
    PathText(raw): PathText,
    form: FormData,
) -> Response {
    let chrome = Chrome::new(&page, &format!("/job-offers/{raw}/edit"));
    let Some(id) = path_id::<JobOfferId>(&raw) else {
        return error_page(chrome, AppError::NotFound("job_offer"));
    };
    let offer = match state.app.job_offer(&page.user, id).await {
        Ok(offer) => offer,
        Err(error) => return error_page(chrome, error),
    };
    // The offer keeps its employer, whatever is posted.
    let mut typed = form.clone();
    if typed.get("employer_id").is_empty() {
        typed = form_of(
            &[("employer_id", offer.employer_id.to_string())]
                .into_iter()
                .chain(form.pairs().iter().map(|(k, v)| (k.as_str(), v.clone())))
                .collect::<Vec<_>>(),
        );
    }
    let result = match offer_input(&typed) {
        Ok(input) => state.app.update_job_offer(&page.user, id, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(_) => done(&format!("/job-offers/{id}"), "jo-offer-saved"),
        Err(AppError::Invalid(invalid)) => {
            let errors = FormErrors::new(chrome.lang, invalid.errors);
            form_page(&state, chrome, &page.user, Some(&offer), form, errors).await
        }
        Err(error) => error_page(chrome, error),
    }
}

// ---------------------------------------------------------------------------
// An offer's page

/// A candidate the matching found for the offer.
struct CandidateRow {
    name: String,
    case_href: String,
    case_id: String,
    assessment: AssessmentView,
    /// Already proposed and waiting for an answer: no second proposal.
    proposed: bool,
    /// The id of the candidate's proposal form in the page.
    form: String,
    consent_label: String,
}

impl CandidateRow {
    fn new(lang: Lang, offer: &JobOffer, candidate: &CandidateMatch) -> Self {
        let employer = offer.employer_name.clone().unwrap_or_default();
        Self {
            name: candidate.person_name.clone(),
            case_href: format!("/cases/{}", candidate.case_id),
            case_id: candidate.case_id.to_string(),
            assessment: AssessmentView::new(lang, &candidate.assessment),
            proposed: candidate.proposal_status.is_some_and(ProposalStatus::is_open),
            form: propose_form(&candidate.case_id.to_string()),
            consent_label: lang.with_args(
                "jo-consent",
                &[
                    ("name", candidate.person_name.clone().into()),
                    ("employer", employer.into()),
                ],
            ),
        }
    }
}

/// The id of the proposal form of a case in the offer's page.
fn propose_form(case: &str) -> String {
    format!("propose-{case}")
}

/// The id of a proposal's answer form.
pub(super) fn answer_form(proposal: ProposalId) -> String {
    format!("answer-{proposal}")
}

/// A proposal as the offer's page and the employer's page show it.
pub(super) struct ProposalRow {
    pub person: String,
    pub offer: String,
    pub offer_href: String,
    pub proposed_on: String,
    pub status: String,
    pub answered_on: String,
    pub note: String,
    /// What the person agreed to share of their work profile.
    pub profile: Vec<(String, String)>,
    pub open: bool,
    pub form: String,
    pub action: String,
}

impl ProposalRow {
    pub(super) fn new(lang: Lang, card: &ProposalCard) -> Self {
        let proposal = &card.view.proposal;
        let mut profile = Vec::new();
        if let Some(p) = &card.profile {
            if !p.occupations.is_empty() {
                let jobs: Vec<String> = p.occupations.iter().map(|o| occupation_text(lang, o)).collect();
                profile.push((lang.t("jo-field-occupations"), jobs.join("; ")));
            }
            if !p.skills.is_empty() {
                profile.push((lang.t("jo-field-skills"), p.skills.join(", ")));
            }
            if let Some(level) = p.italian_level {
                profile.push((
                    lang.t("jo-field-italian_level"),
                    lang.label("jo-italian", level.as_str()),
                ));
            }
            if !p.driving_licences.is_empty() {
                let held: Vec<String> = p.driving_licences.iter().map(|l| licence_text(*l)).collect();
                profile.push((lang.t("jo-field-driving_licences"), held.join(", ")));
            }
            if let Some(from) = p.available_from {
                profile.push((lang.t("jo-field-available_from"), date_text(from)));
            }
        }
        Self {
            person: card.person_name.clone(),
            offer: card.view.offer_title.clone(),
            offer_href: format!("/job-offers/{}", proposal.offer_id),
            proposed_on: day_text(proposal.proposed_at),
            status: lang.label("jo-proposal", proposal.status.as_str()),
            answered_on: proposal.answered_at.map(day_text).unwrap_or_default(),
            note: proposal.note.clone().unwrap_or_default(),
            profile,
            open: proposal.status.is_open(),
            form: answer_form(proposal.id),
            action: format!("/proposals/{}/answer", proposal.id),
        }
    }
}

/// The answers a user may record: the employer's three, and for the
/// case's side also the withdrawal.
pub(super) fn answers(lang: Lang, role: Role) -> Vec<Choice> {
    ProposalStatus::all()
        .filter(|s| s.is_answer() || (*s == ProposalStatus::Withdrawn && role != Role::Employer))
        .map(|s| Choice::new(s.as_str(), lang.label("jo-proposal", s.as_str())))
        .collect()
}

#[derive(Template)]
#[template(path = "job_offers/show.html")]
struct OfferPage {
    chrome: Chrome,
    title: String,
    facts: Vec<(String, String)>,
    edit_href: Option<String>,
    /// `None` for those who may not match candidates.
    candidates: Option<Vec<CandidateRow>>,
    may_propose: bool,
    open: bool,
    propose_action: String,
    offer_id: String,
    proposals: Vec<ProposalRow>,
    may_answer: bool,
    answers: Vec<Choice>,
    refused: Refused,
}

impl OfferPage {
    fn consent_ticked(&self, form: &str) -> bool {
        self.refused.value(form, "consent") == "on"
    }
}

/// What an offer's page says of it.
fn facts(lang: Lang, offer: &JobOffer) -> Vec<(String, String)> {
    let mut facts = vec![
        (
            lang.t("jo-field-employer_id"),
            offer.employer_name.clone().unwrap_or_default(),
        ),
        (
            lang.t("jo-field-occupation"),
            occupation_text(lang, &offer.occupation),
        ),
        (lang.t("jo-field-comune"), comune_text(&offer.comune)),
        (
            lang.t("jo-field-contract_type"),
            lang.label("jo-contract", offer.contract_type.as_str()),
        ),
        (
            lang.t("jo-field-hours_per_week"),
            offer.hours_per_week.to_string(),
        ),
        (lang.t("jo-field-positions"), offer.positions.to_string()),
        (lang.t("jo-field-starts_on"), date_text(offer.starts_on)),
        (
            lang.t("jo-field-status"),
            lang.label("jo-status", offer.status.as_str()),
        ),
    ];
    if !offer.skills.is_empty() {
        facts.push((lang.t("jo-field-skills"), offer.skills.join(", ")));
    }
    if let Some(level) = offer.italian_level {
        facts.push((
            lang.t("jo-field-italian_level"),
            lang.label("jo-italian", level.as_str()),
        ));
    }
    if let Some(licence) = offer.driving_licence {
        facts.push((lang.t("jo-field-driving_licence"), licence_text(licence)));
    }
    if let Some(sector) = &offer.lab_sector {
        facts.push((lang.t("jo-field-lab_sector"), lang.label("course_sector", sector)));
    }
    if let Some(description) = &offer.description {
        facts.push((lang.t("jo-field-description"), description.clone()));
    }
    facts
}

async fn show(
    State(state): State<AppState>,
    page: PageUser,
    PathText(raw): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(id) = path_id::<JobOfferId>(&raw) else {
        return error_page(Chrome::new(&page, "/job-offers"), AppError::NotFound("job_offer"));
    };
    let chrome = chrome_for(&page, &format!("/job-offers/{id}"), query.as_deref());
    offer_page(&state, chrome, &page, id, Refused::none(), StatusCode::OK).await
}

/// The offer's page, with the form that was refused as typed.
async fn offer_page(
    state: &AppState,
    chrome: Chrome,
    page: &PageUser,
    id: JobOfferId,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let lang = chrome.lang;
    let user = &page.user;
    let offer = match state.app.job_offer(user, id).await {
        Ok(offer) => offer,
        Err(error) => return error_page(chrome, error),
    };
    let candidates = if policy::permits(user.role, Operation::MatchCandidates) {
        match state.app.offer_matches(user, id).await {
            Ok(list) => Some(list.iter().map(|c| CandidateRow::new(lang, &offer, c)).collect()),
            Err(error) => return error_page(chrome, error),
        }
    } else {
        None
    };
    let proposals = match state.app.offer_proposals(user, id).await {
        Ok(list) => list.iter().map(|c| ProposalRow::new(lang, c)).collect(),
        Err(error) => return error_page(chrome, error),
    };
    render_with(
        status,
        OfferPage {
            title: offer.title.clone(),
            facts: facts(lang, &offer),
            edit_href: policy::permits(user.role, Operation::ManageJobOffers)
                .then(|| format!("/job-offers/{id}/edit")),
            candidates,
            may_propose: policy::permits(user.role, Operation::ProposeCandidates),
            open: offer.status == OfferStatus::Open,
            propose_action: format!("/job-offers/{id}/proposals"),
            offer_id: id.to_string(),
            proposals,
            may_answer: policy::permits(user.role, Operation::AnswerProposals),
            answers: answers(lang, user.role),
            refused,
            chrome,
        },
    )
}

/// A proposal as typed: the case, the person's consent and a note.
pub(super) fn proposal_input(form: &FormData) -> Result<ProposalInput, Invalid> {
    let mut invalid = Invalid::new();
    let input = ProposalInput {
        case_id: choice(&mut invalid, "case_id", form.get("case_id")),
        consent: form.checked("consent"),
        note: optional(form.get("note")),
    };
    invalid.into_result(input)
}

async fn propose(
    State(state): State<AppState>,
    page: PageUser,
    PathText(raw): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<JobOfferId>(&raw) else {
        return error_page(Chrome::new(&page, "/job-offers"), AppError::NotFound("job_offer"));
    };
    let path = format!("/job-offers/{id}");
    let chrome = Chrome::new(&page, &path);
    let result = match proposal_input(&form) {
        Ok(input) => state.app.propose_candidate(&page.user, id, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(_) => done(&path, "jo-proposed"),
        Err(error) => {
            let form_id = propose_form(form.get("case_id"));
            let label = label_from(chrome.lang, "jo-field");
            match Refused::from_error(chrome.lang, &form_id, form, error, label) {
                Ok((refused, status)) => offer_page(&state, chrome, &page, id, refused, status).await,
                Err(other) => error_page(chrome, other),
            }
        }
    }
}

/// Records an answer to a proposal, from the offer's page or from the
/// employer's proposals page (`from=employer`), and goes back there.
async fn answer(
    State(state): State<AppState>,
    page: PageUser,
    PathText(raw): PathText,
    form: FormData,
) -> Response {
    let from_employer = form.get("from") == "employer";
    let back_chrome = |path: &str| Chrome::new(&page, path);
    let Some(id) = path_id::<ProposalId>(&raw) else {
        return error_page(back_chrome("/job-offers"), AppError::NotFound("proposal"));
    };
    let mut invalid = Invalid::new();
    let input = ProposalAnswer {
        status: choice(&mut invalid, "status", form.get("status")),
        note: optional(form.get("note")),
    };
    let result = if invalid.is_empty() {
        state.app.answer_proposal(&page.user, id, &input).await
    } else {
        Err(invalid.into())
    };
    let offer = path_id::<JobOfferId>(form.get("offer_id"));
    match (result, from_employer, offer) {
        (Ok(_), true, _) => done(super::employer::PATH, "jo-answered"),
        (Ok(proposal), false, _) => done(&format!("/job-offers/{}", proposal.offer_id), "jo-answered"),
        (Err(error), true, _) => {
            let chrome = back_chrome(super::employer::PATH);
            let label = label_from(chrome.lang, "jo-field");
            match Refused::from_error(chrome.lang, &answer_form(id), form, error, label) {
                Ok((refused, status)) => {
                    super::employer::proposals_page(&state, chrome, &page, refused, status).await
                }
                Err(other) => error_page(chrome, other),
            }
        }
        (Err(error), false, Some(offer)) => {
            let chrome = back_chrome(&format!("/job-offers/{offer}"));
            let label = label_from(chrome.lang, "jo-field");
            match Refused::from_error(chrome.lang, &answer_form(id), form, error, label) {
                Ok((refused, status)) => offer_page(&state, chrome, &page, offer, refused, status).await,
                Err(other) => error_page(chrome, other),
            }
        }
        (Err(error), false, None) => error_page(back_chrome("/job-offers"), error),
    }
}
