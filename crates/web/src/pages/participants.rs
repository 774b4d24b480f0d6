//! A case's ESF+ participant answers, `/cases/{id}/participant`: the
//! situation at entry, upon leaving and six months after, each answer left
//! "not recorded" until known.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use soleil_domain::esf::{Disclosure, EducationLevel, LabourStatus, ParticipantInput};
use soleil_domain::{CaseId, Invalid};

use super::form::{Choice, Field, FormData, PathText, Refused, choice, field_id, label_from, vocabulary};
use super::{CaseForm, Chrome, case_sub_page, case_sub_post, error_page, render_with};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

pub fn routes() -> Router<AppState> {
    Router::new().route("/cases/{id}/participant", get(participant_page).post(record))
}

const FORM: &str = "participant";

/// One question of the form: a select.
struct Question {
    field: Field,
    label: String,
    choices: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "cases/participant.html")]
struct ParticipantPage {
    chrome: Chrome,
    title: String,
    back: String,
    action: String,
    /// The questions at entry, upon leaving and six months after, each
    /// group with its legend.
    groups: Vec<(String, Vec<Question>)>,
    refused: Refused,
}

/// The answers' fields, with the vocabulary each is chosen from.
fn questions() -> [(&'static str, &'static str); 14] {
    [
        ("labour_status", "labour_status"),
        ("education", "education_level"),
        ("disability", "disclosure"),
        ("foreign_background", "disclosure"),
        ("minority", "disclosure"),
        ("homeless", "disclosure"),
        ("rural_area", "disclosure"),
        ("job_searching_on_leaving", "esf_answer"),
        ("in_education_on_leaving", "esf_answer"),
        ("qualification_on_leaving", "esf_answer"),
        ("employed_on_leaving", "esf_answer"),
        ("employed_six_months_after", "esf_answer"),
        ("improved_six_months_after", "esf_answer"),
        ("research_consent", "esf_answer"),
    ]
}

fn values_of(vocabulary: &str) -> Vec<&'static str> {
    match vocabulary {
        "labour_status" => LabourStatus::all().map(LabourStatus::as_str).collect(),
        "education_level" => EducationLevel::all().map(EducationLevel::as_str).collect(),
        "disclosure" => Disclosure::all().map(Disclosure::as_str).collect(),
        _ => vec!["true", "false"],
    }
}

/// The saved answers as the form's text: what serialises them for the
/// API writes them as a query (unrecorded answers left out).
fn saved_values(answers: &ParticipantInput) -> FormData {
    FormData::query(serde_html_form::to_string(answers).ok().as_deref())
}

/// The form as posted; a value outside its vocabulary is refused by name.
fn participant_input(form: &FormData) -> Result<ParticipantInput, Invalid> {
    let mut invalid = Invalid::new();
    let input = ParticipantInput {
        labour_status: choice(&mut invalid, "labour_status", form.get("labour_status")),
        education: choice(&mut invalid, "education", form.get("education")),
        disability: choice(&mut invalid, "disability", form.get("disability")),
        foreign_background: choice(&mut invalid, "foreign_background", form.get("foreign_background")),
        minority: choice(&mut invalid, "minority", form.get("minority")),
        homeless: choice(&mut invalid, "homeless", form.get("homeless")),
        rural_area: choice(&mut invalid, "rural_area", form.get("rural_area")),
        job_searching_on_leaving: choice(
            &mut invalid,
            "job_searching_on_leaving",
            form.get("job_searching_on_leaving"),
        ),
        in_education_on_leaving: choice(
            &mut invalid,
            "in_education_on_leaving",
            form.get("in_education_on_leaving"),
        ),
        qualification_on_leaving: choice(
            &mut invalid,
            "qualification_on_leaving",
            form.get("qualification_on_leaving"),
        ),
        employed_on_leaving: choice(
            &mut invalid,
            "employed_on_leaving",
            form.get("employed_on_leaving"),
        ),
        employed_six_months_after: choice(
            &mut invalid,
            "employed_six_months_after",
            form.get("employed_six_months_after"),
        ),
        improved_six_months_after: choice(
            &mut invalid,
            "improved_six_months_after",
            form.get("improved_six_months_after"),
        ),
        research_consent: choice(&mut invalid, "research_consent", form.get("research_consent")),
    };
    invalid.into_result(input)
}

async fn participant_page(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let show = async |chrome, id, refused, status| show(&state, &page, chrome, id, refused, status).await;
    case_sub_page(&page, &id, FORM, query.as_deref(), show).await
}

async fn record(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let posted = CaseForm {
        sub: FORM,
        form: FORM,
        done: "participant-recorded",
        label: |lang, field| label_from(lang, "esf-field")(field),
    };
    let act = async |case, form: &FormData| match participant_input(form) {
        Ok(input) => state.app.record_participant(&page.user, case, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    let show = async |chrome, id, refused, status| show(&state, &page, chrome, id, refused, status).await;
    case_sub_post(&page, &id, posted, form, act, show).await
}

/// The form, with the saved answers, or as typed when it was refused.
async fn show(
    state: &AppState,
    page: &PageUser,
    chrome: Chrome,
    id: CaseId,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let saved = match state.app.participant(&page.user, id).await {
        Ok(answers) => saved_values(&answers),
        Err(error) => return error_page(chrome, error),
    };
    let lang = chrome.lang;
    let question = |(name, vocabulary): (&'static str, &'static str)| {
        let field = if refused.is(FORM) {
            refused.field(FORM, name)
        } else {
            Field::new(&field_id(FORM, name), name, saved.get(name))
        };
        Question {
            field,
            label: lang.t(&format!("esf-field-{name}")),
            choices: vocabulary_choices(lang, vocabulary),
        }
    };
    let mut all = questions().into_iter().map(question);
    let groups = [
        ("esf-at-entry", 7),
        ("esf-on-leaving", 4),
        ("esf-six-months-after", 2),
        ("esf-consent", 1),
    ]
    .into_iter()
    .map(|(legend, count)| (lang.t(legend), all.by_ref().take(count).collect()))
    .collect();
    render_with(
        status,
        ParticipantPage {
            title: chrome.t("esf-participant-title"),
            back: format!("/cases/{id}"),
            action: format!("/cases/{id}/participant"),
            groups,
            refused,
            chrome,
        },
    )
}

fn vocabulary_choices(lang: Lang, name: &str) -> Vec<Choice> {
    vocabulary(lang, name, values_of(name).into_iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_saved_answers_fill_the_form_and_read_back_the_same() {
        let answers = ParticipantInput {
            labour_status: Some(LabourStatus::LongTermUnemployed),
            minority: Some(Disclosure::PrefersNotToSay),
            employed_on_leaving: Some(false),
            ..ParticipantInput::default()
        };
        let form = saved_values(&answers);
        assert_eq!(form.get("labour_status"), "long_term_unemployed");
        assert_eq!(form.get("minority"), "prefers_not_to_say");
        assert_eq!(form.get("employed_on_leaving"), "false");
        assert_eq!(form.get("education"), "");
        assert_eq!(participant_input(&form).ok(), Some(answers));
    }

    #[test]
    fn a_value_outside_its_vocabulary_is_refused_by_name() {
        let form = FormData::query(Some("labour_status=student&disability=yes"));
        let invalid = participant_input(&form).unwrap_err();
        assert_eq!(invalid.errors.len(), 1);
        assert_eq!(invalid.errors[0].field, "labour_status");
    }
}
