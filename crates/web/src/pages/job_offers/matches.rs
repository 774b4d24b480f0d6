//! The case's side: the open offers that fit its person, with why, the
//! form that proposes them, and the work profile the matching reads.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use soleil_app::job_offers::OfferMatch;
use soleil_app::{AppError, Operation, policy};
use soleil_domain::inclusion::job_offer::{
    CommuteRange, DrivingLicence, JobOfferId, ProposalInput, WorkProfile, WorkProfileInput,
};
use soleil_domain::{CaseId, Invalid, PersonId};

use super::super::form::{
    Checkbox, Choice, ChoiceGroup, Field, FormData, PathText, Refused, choice, chrome_for, date, field_id,
    iso_date, label_from, optional, path_id, vocabulary,
};
use super::super::time::date_text;
use super::super::{Chrome, FormErrors, done, error_page, render_with};
use super::{
    AssessmentView, comune_text, form_of, italian_levels, licence_text, number, occupation_groups,
    read_comune, tags,
};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/cases/{id}/matches", get(case_matches).post(propose))
        .route("/cases/{id}/work-profile", get(work_profile).post(save_profile))
}

/// An offer that the matching found for the case's person.
struct OfferRow {
    title: String,
    href: String,
    employer: String,
    place: String,
    offer_id: String,
    assessment: AssessmentView,
    /// Already proposed and waiting for an answer.
    proposed: bool,
    form: String,
    consent_label: String,
}

/// The id of an offer's proposal form in the case's page.
fn propose_form(offer: &str) -> String {
    format!("propose-{offer}")
}

/// A proposal of the person, with where it stands.
struct CaseProposalRow {
    offer: String,
    href: String,
    status: String,
}

#[derive(Template)]
#[template(path = "job_offers/case.html")]
struct CasePage {
    chrome: Chrome,
    title: String,
    back: String,
    profile_href: String,
    action: String,
    rows: Vec<OfferRow>,
    proposals: Vec<CaseProposalRow>,
    may_propose: bool,
    refused: Refused,
}

impl CasePage {
    fn consent_ticked(&self, form: &str) -> bool {
        self.refused.value(form, "consent") == "on"
    }
}

async fn case_matches(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(id) = path_id::<CaseId>(&id) else {
        return error_page(Chrome::new(&page, "/cases"), AppError::NotFound("case"));
    };
    let chrome = chrome_for(&page, &format!("/cases/{id}/matches"), query.as_deref());
    case_page(&state, chrome, &page, id, Refused::none(), StatusCode::OK).await
}

/// The case's matches page, with the proposal form that was refused as typed.
async fn case_page(
    state: &AppState,
    chrome: Chrome,
    page: &PageUser,
    id: CaseId,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let lang = chrome.lang;
    let matches = match state.app.case_matches(&page.user, id).await {
        Ok(list) => list,
        Err(error) => return error_page(chrome, error),
    };
    let proposals = match state.app.case_proposals(&page.user, id).await {
        Ok(list) => list,
        Err(error) => return error_page(chrome, error),
    };
    let open: Vec<JobOfferId> = proposals
        .iter()
        .filter(|p| p.proposal.status.is_open())
        .map(|p| p.proposal.offer_id)
        .collect();
    let row = |m: &OfferMatch| {
        let employer = m.offer.employer_name.clone().unwrap_or_default();
        OfferRow {
            title: m.offer.title.clone(),
            href: format!("/job-offers/{}", m.offer.id),
            consent_label: lang.t1("jo-consent-case", "employer", &employer),
            employer,
            place: comune_text(&m.offer.comune),
            offer_id: m.offer.id.to_string(),
            assessment: AssessmentView::new(lang, &m.assessment),
            proposed: open.contains(&m.offer.id),
            form: propose_form(&m.offer.id.to_string()),
        }
    };
    render_with(
        status,
        CasePage {
            title: chrome.t("jo-case-title"),
            back: format!("/cases/{id}"),
            profile_href: format!("/cases/{id}/work-profile"),
            action: format!("/cases/{id}/matches"),
            rows: matches.iter().map(row).collect(),
            proposals: proposals
                .iter()
                .map(|p| CaseProposalRow {
                    offer: p.offer_title.clone(),
                    href: format!("/job-offers/{}", p.proposal.offer_id),
                    status: lang.label("jo-proposal", p.proposal.status.as_str()),
                })
                .collect(),
            may_propose: policy::permits(page.user.role, Operation::ProposeCandidates),
            refused,
            chrome,
        },
    )
}

async fn propose(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<CaseId>(&id) else {
        return error_page(Chrome::new(&page, "/cases"), AppError::NotFound("case"));
    };
    let path = format!("/cases/{id}/matches");
    let chrome = Chrome::new(&page, &path);
    let typed_offer = form.get("offer_id");
    let result = match path_id::<JobOfferId>(typed_offer) {
        Some(offer) => {
            let input = ProposalInput {
                case_id: Some(id),
                consent: form.checked("consent"),
                note: optional(form.get("note")),
            };
            state.app.propose_candidate(&page.user, offer, &input).await
        }
        None => Err(AppError::NotFound("job_offer")),
    };
    match result {
        Ok(_) => done(&path, "jo-proposed"),
        Err(error) => {
            let form_id = propose_form(typed_offer);
            let label = label_from(chrome.lang, "jo-field");
            match Refused::from_error(chrome.lang, &form_id, form, error, label) {
                Ok((refused, status)) => case_page(&state, chrome, &page, id, refused, status).await,
                Err(other) => error_page(chrome, other),
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The work profile

/// How many occupations the form offers to choose.
const OCCUPATION_SLOTS: usize = 3;

/// The fields of the profile form, in the form's order.
const PROFILE_FIELDS: [&str; 9] = [
    "occupations",
    "skills",
    "italian_level",
    "other_languages",
    "driving_licences",
    "domicile_comune",
    "commute",
    "available_from",
    "hours_per_week",
];

/// The profile form as typed.
fn profile_input(form: &FormData) -> Result<WorkProfileInput, Invalid> {
    let mut invalid = Invalid::new();
    let mut driving_licences = Vec::new();
    for typed in form.values("driving_licences") {
        if let Some(licence) = choice::<DrivingLicence>(&mut invalid, "driving_licences", &typed) {
            driving_licences.push(licence);
        }
    }
    let input = WorkProfileInput {
        occupations: form
            .values("occupations")
            .into_iter()
            .filter(|o| !o.trim().is_empty())
            .collect(),
        skills: tags(form.get("skills")),
        italian_level: choice(&mut invalid, "italian_level", form.get("italian_level")),
        other_languages: tags(form.get("other_languages")),
        driving_licences,
        domicile_comune: read_comune(&mut invalid, "domicile_comune", form.get("domicile_comune")),
        commute: choice(&mut invalid, "commute", form.get("commute")),
        available_from: date(&mut invalid, "available_from", form.get("available_from")),
        hours_per_week: number(
            &mut invalid,
            "hours_per_week",
            form.get("hours_per_week"),
            "hours_out_of_range",
        ),
    };
    invalid.into_result(input)
}

/// A kept profile in its form.
fn profile_form(profile: &WorkProfile) -> FormData {
    let mut pairs: Vec<(&str, String)> = profile
        .occupations
        .iter()
        .map(|o| ("occupations", o.clone()))
        .collect();
    pairs.extend(
        profile
            .driving_licences
            .iter()
            .map(|l| ("driving_licences", l.as_str().to_owned())),
    );
    let text = |value: Option<String>| value.unwrap_or_default();
    pairs.extend([
        ("skills", profile.skills.join(", ")),
        (
            "italian_level",
            text(profile.italian_level.map(|l| l.as_str().to_owned())),
        ),
        ("other_languages", profile.other_languages.join(", ")),
        (
            "domicile_comune",
            text(profile.domicile_comune.as_deref().map(comune_text)),
        ),
        ("commute", text(profile.commute.map(|c| c.as_str().to_owned()))),
        (
            "available_from",
            text(profile.available_from.map(|d| d.to_string())),
        ),
        (
            "hours_per_week",
            text(profile.hours_per_week.map(|h| h.to_string())),
        ),
    ]);
    form_of(&pairs)
}

#[derive(Template)]
#[template(path = "job_offers/work_profile.html")]
struct ProfilePage {
    chrome: Chrome,
    title: String,
    person: String,
    back: String,
    matches_href: String,
    action: String,
    may_edit: bool,
    /// The kept profile in words, for those who read it only.
    summary: Vec<(String, String)>,
    values: FormData,
    errors: FormErrors,
    occupations: Vec<ChoiceGroup>,
    levels: Vec<Choice>,
    commutes: Vec<Choice>,
}

impl ProfilePage {
    fn field(&self, name: &str) -> Field {
        let value = self.values.get(name);
        let value = if name == "available_from" {
            iso_date(value.to_owned())
        } else {
            value.to_owned()
        };
        self.errors.field(name, &value)
    }

    /// The occupation selects with their labels: the first carries the
    /// field's id and message.
    fn occupation_fields(&self) -> Vec<(Field, String)> {
        let chosen = self.values.values("occupations");
        (0..OCCUPATION_SLOTS.max(chosen.len()))
            .map(|i| {
                let value = chosen.get(i).map_or("", String::as_str);
                let field = if i == 0 {
                    self.errors.field("occupations", value)
                } else {
                    Field::new(
                        &field_id("occupations", &(i + 1).to_string()),
                        "occupations",
                        value,
                    )
                };
                let number = i64::try_from(i + 1).unwrap_or(i64::MAX);
                (field, self.chrome.lang.count("jo-occupation-n", "n", number))
            })
            .collect()
    }

    fn licences(&self) -> Vec<Checkbox> {
        let held = self.values.values("driving_licences");
        DrivingLicence::all()
            .map(|l| Checkbox {
                value: l.as_str().to_owned(),
                label: licence_text(l),
                checked: held.iter().any(|h| h == l.as_str()),
            })
            .collect()
    }
}

/// What the page says of a kept profile.
fn summary(lang: Lang, profile: &WorkProfile) -> Vec<(String, String)> {
    let mut facts = Vec::new();
    let jobs: Vec<String> = profile
        .occupations
        .iter()
        .map(|o| super::occupation_text(lang, o))
        .collect();
    facts.push((lang.t("jo-field-occupations"), jobs.join("; ")));
    facts.push((lang.t("jo-field-skills"), profile.skills.join(", ")));
    if let Some(level) = profile.italian_level {
        facts.push((
            lang.t("jo-field-italian_level"),
            lang.label("jo-italian", level.as_str()),
        ));
    }
    let held: Vec<String> = profile
        .driving_licences
        .iter()
        .map(|l| licence_text(*l))
        .collect();
    facts.push((lang.t("jo-field-driving_licences"), held.join(", ")));
    if let Some(comune) = &profile.domicile_comune {
        facts.push((lang.t("jo-field-domicile_comune"), comune_text(comune)));
    }
    if let Some(commute) = profile.commute {
        facts.push((
            lang.t("jo-field-commute"),
            lang.label("jo-commute", commute.as_str()),
        ));
    }
    if let Some(from) = profile.available_from {
        facts.push((lang.t("jo-field-available_from"), date_text(from)));
    }
    facts
}

/// The person of a case, by id and name, as the caller sees the case.
async fn case_person(state: &AppState, page: &PageUser, id: CaseId) -> Result<(PersonId, String), AppError> {
    let file = state.app.case(&page.user, id).await?;
    Ok((file.person.id, file.person.display_name()))
}

async fn work_profile(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(id) = path_id::<CaseId>(&id) else {
        return error_page(Chrome::new(&page, "/cases"), AppError::NotFound("case"));
    };
    let chrome = chrome_for(&page, &format!("/cases/{id}/work-profile"), query.as_deref());
    let (person, name) = match case_person(&state, &page, id).await {
        Ok(found) => found,
        Err(error) => return error_page(chrome, error),
    };
    let profile = match state.app.work_profile(&page.user, person).await {
        Ok(profile) => profile,
        Err(error) => return error_page(chrome, error),
    };
    let values = profile.as_ref().map(profile_form).unwrap_or_default();
    let errors = FormErrors::new(chrome.lang, Vec::new());
    let summary = profile
        .as_ref()
        .map(|p| summary(chrome.lang, p))
        .unwrap_or_default();
    profile_page(chrome, &page, id, name, summary, values, errors)
}

fn profile_page(
    chrome: Chrome,
    page: &PageUser,
    id: CaseId,
    person: String,
    summary: Vec<(String, String)>,
    values: FormData,
    errors: FormErrors,
) -> Response {
    let lang = chrome.lang;
    let status = errors.status();
    let mut errors = errors;
    errors
        .errors
        .sort_by_key(|e| PROFILE_FIELDS.iter().position(|f| *f == e.field));
    render_with(
        status,
        ProfilePage {
            title: chrome.t("jo-profile-title"),
            person,
            back: format!("/cases/{id}"),
            matches_href: format!("/cases/{id}/matches"),
            action: format!("/cases/{id}/work-profile"),
            may_edit: policy::permits(page.user.role, Operation::ManageWorkProfile),
            summary,
            values,
            errors,
            occupations: occupation_groups(lang),
            levels: italian_levels(lang),
            commutes: vocabulary(lang, "jo-commute", CommuteRange::all().map(CommuteRange::as_str)),
            chrome,
        },
    )
}

async fn save_profile(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<CaseId>(&id) else {
        return error_page(Chrome::new(&page, "/cases"), AppError::NotFound("case"));
    };
    let path = format!("/cases/{id}/work-profile");
    let chrome = Chrome::new(&page, &path);
    let (person, name) = match case_person(&state, &page, id).await {
        Ok(found) => found,
        Err(error) => return error_page(chrome, error),
    };
    let result = match profile_input(&form) {
        Ok(input) => state.app.save_work_profile(&page.user, person, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(_) => done(&path, "jo-profile-saved"),
        Err(AppError::Invalid(invalid)) => {
            let errors = FormErrors::new(chrome.lang, invalid.errors);
            profile_page(chrome, &page, id, name, Vec::new(), form, errors)
        }
        Err(error) => error_page(chrome, error),
    }
}
