//! The case pages: the secretariat's queue, the list of cases, the case file
//! with its action panel, and the first assessment. Also the header the
//! plan pages share with them.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use soleil_app::AppError;
use soleil_app::cases::{CaseFile, TransitionInput};
use soleil_domain::{
    Assessment, AssessmentInput, CaseEvent, CaseEventKind, CaseId, CaseState, ClosingReason, Decision,
    Invalid, OrganisationId, PersonId, PlanStatus, PlanVersion, Priority, Role, Screening, User, UserId,
};
use soleil_store::cases::{CaseFilter, CaseSummary};

use super::explain::{Explained, ScreeningResult, Versions, urgent_needs};
use super::form::{
    Choice, ChoiceGroup, FormData, PathText, Refused, add_missing, case_manager_choices, choice_or,
    chrome_for, filter_value, label_from, list_chrome, organisation_choices, organisation_names,
    organisations, parse_id, path_id, region_users, required_choice, user_choice, vocabulary,
};
use super::pager::Pager;
use super::time::filters;
use super::{Chrome, done, error_page, render, render_with};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/queue", get(queue))
        .route("/cases", get(list))
        .route("/cases/{id}", get(show))
        .route("/cases/{id}/assessment", get(assessment_form).post(assess))
        .route("/cases/{id}/transition", post(transition))
        .route("/cases/{id}/team", post(add_member))
        .route("/cases/{id}/team/{user}/remove", post(remove_member))
}

/// Rows per page of the queue and of the list of cases.
const PAGE_SIZE: u32 = 25;

/// Who may join the working group: the region's active service users and
/// case managers not on it yet, other than the case's own manager, grouped
/// by role.
async fn team_candidates(state: &AppState, user: &User, lang: Lang, file: &CaseFile) -> Vec<ChoiceGroup> {
    let names = organisation_names(&organisations(state, user, file.case.region).await);
    let mut groups = Vec::new();
    for role in [Role::Service, Role::CaseManager] {
        let choices: Vec<Choice> = region_users(state, user, role)
            .await
            .iter()
            .filter(|u| !file.team.iter().any(|m| m.user_id == u.id))
            // The case's own manager leads the group; the others review the plan.
            .filter(|u| file.case.case_manager_id != Some(u.id))
            .map(|u| user_choice(u, &names))
            .collect();
        if !choices.is_empty() {
            groups.push(ChoiceGroup {
                label: lang.label("role", role.as_str()),
                choices,
            });
        }
    }
    groups
}

// ---------------------------------------------------------------------------
// Shared with the plan pages
// ---------------------------------------------------------------------------

/// What the header of every case and plan page shows.
pub(super) struct CaseHeader {
    pub id: CaseId,
    pub person: String,
    pub person_id: PersonId,
    pub state: CaseState,
    pub priority: Priority,
    pub decision: Option<Decision>,
    pub zonal_group: Option<String>,
    pub case_manager: Option<String>,
    pub closing_reason: Option<ClosingReason>,
    pub opened_at: DateTime<Utc>,
}

impl CaseHeader {
    pub(super) fn of(file: &CaseFile) -> Self {
        Self {
            id: file.case.id,
            person: file.person.display_name(),
            person_id: file.person.id,
            state: file.case.state,
            priority: file.case.priority,
            decision: file.case.decision,
            zonal_group: file.case.zonal_group.clone(),
            case_manager: file.case_manager_name.clone(),
            closing_reason: file.case.closing_reason,
            opened_at: file.case.opened_at,
        }
    }
}

/// The answer to a post whose path has an id that does not read.
pub(super) fn no_such_case(page: &PageUser) -> Response {
    error_page(Chrome::new(page, "/cases"), AppError::NotFound("page"))
}

// ---------------------------------------------------------------------------
// Queue and list
// ---------------------------------------------------------------------------

/// A row of the queue or of the list of cases.
pub(super) struct CaseRow {
    pub(super) id: CaseId,
    pub(super) person: String,
    pub(super) state: CaseState,
    pub(super) priority: Priority,
    pub(super) case_manager: Option<String>,
    pub(super) opened_at: DateTime<Utc>,
}

impl CaseRow {
    pub(super) fn of(summary: &CaseSummary) -> Self {
        Self {
            id: summary.case.id,
            person: summary.person_name(),
            state: summary.case.state,
            priority: summary.case.priority,
            case_manager: summary.case_manager_name.clone(),
            opened_at: summary.case.opened_at,
        }
    }
}

/// A row of the queue: the case and why it has its place.
struct QueueRow {
    case: CaseRow,
    urgent: Vec<String>,
    explained: Option<Explained>,
}

#[derive(Template)]
#[template(path = "cases/queue.html")]
struct QueuePage {
    chrome: Chrome,
    title: String,
    rows: Vec<QueueRow>,
    pager: Pager,
}

async fn queue(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let query = query.as_deref();
    let chrome = list_chrome(&page, "/queue", query);
    let paging = Pager::requested(query, PAGE_SIZE);
    match state.app.queue(&page.user, paging).await {
        Ok((list, total)) => {
            let title = chrome.t("cases-queue-title");
            let pager = Pager::new(chrome.lang, "/queue", query, paging, total);
            let results: Vec<_> = list.iter().filter_map(|entry| entry.result.as_ref()).collect();
            let versions = Versions::load(&state.app, &results).await;
            let rows = list
                .iter()
                .map(|entry| QueueRow {
                    case: CaseRow::of(&entry.case),
                    urgent: urgent_needs(chrome.lang, entry.urgent),
                    explained: entry
                        .result
                        .as_ref()
                        .and_then(|r| versions.explain(chrome.lang, r)),
                })
                .collect();
            render(QueuePage {
                chrome,
                title,
                rows,
                pager,
            })
        }
        Err(error) => error_page(chrome, error),
    }
}

#[derive(Template)]
#[template(path = "cases/list.html")]
struct ListPage {
    chrome: Chrome,
    title: String,
    rows: Vec<CaseRow>,
    pager: Pager,
    /// The filters, as typed.
    filters: FormData,
    states: Vec<Choice>,
    priorities: Vec<Choice>,
}

async fn list(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let query = query.as_deref();
    let filters = FormData::query(query);
    let chrome = list_chrome(&page, "/cases", query);
    let lang = chrome.lang;
    let filter = CaseFilter {
        states: filter_value(filters.get("state")).into_iter().collect(),
        priority: filter_value(filters.get("priority")),
        search: filters.trimmed("q"),
        ..CaseFilter::default()
    };
    let paging = Pager::requested(query, PAGE_SIZE);
    let (list, total) = match state.app.cases(&page.user, &filter, paging).await {
        Ok(found) => found,
        Err(error) => return error_page(chrome, error),
    };
    render(ListPage {
        title: chrome.t("cases-list-title"),
        rows: list.iter().map(CaseRow::of).collect(),
        pager: Pager::new(lang, "/cases", query, paging, total),
        filters,
        states: vocabulary(lang, "case_state", CaseState::all().map(CaseState::as_str)),
        priorities: vocabulary(lang, "priority", Priority::all().map(Priority::as_str)),
        chrome,
    })
}

// ---------------------------------------------------------------------------
// The case file
// ---------------------------------------------------------------------------

/// The forms of the action panel, from what the viewer may do now.
#[derive(Debug, Default, PartialEq, Eq)]
struct Panel {
    /// Link to the assessment form.
    assess: bool,
    /// reported → assessing.
    take_in_charge: bool,
    /// emergency → planning, with a case manager and zonal group.
    leave_emergency: bool,
    /// planning or inclusion → plan review, when a draft is ready.
    submit_plan: bool,
    /// The manager may submit but there is no draft: a hint to write one.
    submit_needs_draft: bool,
    /// plan review → planning.
    take_back: bool,
    /// plan review → inclusion, when the plan is in force.
    start_inclusion: bool,
    /// The move is allowed but the plan is not approved and agreed yet.
    inclusion_waits: bool,
    close: bool,
}

impl Panel {
    fn of(file: &CaseFile) -> Self {
        let can = &file.can;
        let to = |state: CaseState| can.transitions.contains(&state);
        let from = file.case.state;
        // The use cases decide; the newest version only spares the viewer a
        // button they would refuse, and says what is missing instead.
        let latest = file.plan_versions.first();
        let draft = latest.is_some_and(|v| v.status == PlanStatus::Draft);
        let in_force = latest.is_some_and(|v| v.status == PlanStatus::Approved && v.agreed_at.is_some());
        Self {
            assess: can.assess,
            take_in_charge: from == CaseState::Reported && to(CaseState::Assessing),
            leave_emergency: from == CaseState::Emergency && to(CaseState::Planning),
            submit_plan: to(CaseState::PlanReview) && draft,
            submit_needs_draft: from == CaseState::Planning && to(CaseState::PlanReview) && !draft,
            take_back: from == CaseState::PlanReview && to(CaseState::Planning),
            start_inclusion: to(CaseState::Inclusion) && in_force,
            inclusion_waits: to(CaseState::Inclusion) && !in_force,
            close: to(CaseState::Closed),
        }
    }

    fn any(&self) -> bool {
        *self != Self::default()
    }
}

/// The first-profiling facts of a screening, ready to show.
struct ScreeningView {
    screening: Screening,
    urgent: Vec<String>,
    languages: String,
    result: Option<ScreeningResult>,
}

impl ScreeningView {
    fn of(lang: Lang, screening: Screening, versions: &Versions) -> Self {
        let urgent = &screening.profile.urgent;
        let urgent = [
            (urgent.danger, "cases-urgent-danger"),
            (urgent.health, "cases-urgent-health"),
            (urgent.no_shelter, "cases-urgent-no_shelter"),
            (urgent.minors, "cases-urgent-minors"),
        ]
        .into_iter()
        .filter(|(yes, _)| *yes)
        .map(|(_, id)| lang.t(id))
        .collect();
        let languages = screening
            .profile
            .languages
            .iter()
            .map(|l| l.to_uppercase())
            .collect::<Vec<_>>()
            .join(", ");
        Self {
            result: versions.screening(lang, &screening),
            screening,
            urgent,
            languages,
        }
    }
}

/// One entry of the timeline, in words.
struct TimelineEntry {
    what: String,
    states: Option<String>,
    who: String,
    at: DateTime<Utc>,
    note: Option<String>,
}

impl TimelineEntry {
    fn of(lang: Lang, event: &CaseEvent) -> Self {
        let states = match (event.from_state, event.to_state) {
            (Some(from), Some(to)) => Some(format!(
                "{} → {}",
                lang.label("case_state", from.as_str()),
                lang.label("case_state", to.as_str())
            )),
            (None, Some(to)) => Some(lang.label("case_state", to.as_str())),
            _ => None,
        };
        Self {
            what: lang.label("case_event_kind", event.kind.as_str()),
            states,
            who: event.actor_name.clone(),
            at: event.at,
            note: event_note(lang, event),
        }
    }
}

/// What a timeline entry says besides its kind: the plan version it
/// concerns, the decision, verdict or closing reason it records, in the
/// reader's language, and what a person wrote.
fn event_note(lang: Lang, event: &CaseEvent) -> Option<String> {
    let version = event
        .plan_version
        .map(|n| lang.t1("cases-note-version", "version", n));
    let vocabulary = match event.kind {
        CaseEventKind::Assessment => Some("decision"),
        CaseEventKind::Transition => Some("closing_reason"),
        CaseEventKind::PlanReviewed => Some("review_verdict"),
        CaseEventKind::DocumentAdded => Some("document_kind"),
        CaseEventKind::PermitReminder => Some("reminder_stage"),
        CaseEventKind::DisbursementProposed => Some("measure_kind"),
        CaseEventKind::DisbursementDecided | CaseEventKind::DisbursementPaid => Some("disbursement_status"),
        _ => None,
    };
    let code = event.code.as_deref().map(|code| match vocabulary {
        Some(vocabulary) => lang.label(vocabulary, code),
        None => code.to_owned(),
    });
    let coded = match (code, event.note.clone()) {
        (Some(code), Some(note)) => Some(format!("{code}: {note}")),
        (code, note) => code.or(note),
    };
    let parts: Vec<String> = version.into_iter().chain(coded).collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

#[derive(Template)]
#[template(path = "cases/show.html")]
struct CasePage {
    chrome: Chrome,
    title: String,
    header: CaseHeader,
    file: CaseFile,
    panel: Panel,
    screenings: Vec<ScreeningView>,
    /// Names of the organisations the assessments referred the person to.
    referred: HashMap<OrganisationId, String>,
    timeline: Vec<TimelineEntry>,
    plan: Option<PlanVersion>,
    managers: Vec<Choice>,
    candidates: Vec<ChoiceGroup>,
    closing_reasons: Vec<Choice>,
    refused: Refused,
    places: super::places::CaseSection,
    referrals: super::referrals::CaseSection,
}

impl CasePage {
    fn referred_name(&self, id: &OrganisationId) -> String {
        self.referred.get(id).cloned().unwrap_or_else(|| id.to_string())
    }
}

async fn show(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let chrome = chrome_for(&page, &format!("/cases/{id}"), query.as_deref());
    match parse_id(&id) {
        Ok(id) => case_page(&state, &page.user, chrome, id, Refused::none(), StatusCode::OK).await,
        Err(error) => error_page(chrome, error),
    }
}

/// The case file, with a refused form shown again if there is one.
async fn case_page(
    state: &AppState,
    user: &User,
    chrome: Chrome,
    id: CaseId,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let file = match state.app.case(user, id).await {
        Ok(file) => file,
        Err(error) => return error_page(chrome, error),
    };
    let lang = chrome.lang;
    let results: Vec<_> = file.screenings.iter().filter_map(|s| s.result.as_ref()).collect();
    let versions = Versions::load(&state.app, &results).await;
    let panel = Panel::of(&file);
    let managers = if panel.leave_emergency {
        case_manager_choices(state, user, file.case.region).await
    } else {
        Vec::new()
    };
    let candidates = if file.can.manage_team {
        team_candidates(state, user, lang, &file).await
    } else {
        Vec::new()
    };
    let places = super::places::case_section(state, user, lang, &file).await;
    let referrals = super::referrals::case_section(state, user, lang, &file).await;
    let mut referred = HashMap::new();
    for organisation in file.assessments.iter().filter_map(|a| a.referred_to) {
        if let Ok(found) = state.app.organisation(user, organisation).await {
            referred.insert(organisation, found.name);
        }
    }
    render_with(
        status,
        CasePage {
            title: file.person.display_name(),
            header: CaseHeader::of(&file),
            panel,
            screenings: file
                .screenings
                .iter()
                .cloned()
                .map(|s| ScreeningView::of(lang, s, &versions))
                .collect(),
            referred,
            timeline: file.timeline.iter().map(|e| TimelineEntry::of(lang, e)).collect(),
            plan: file.plan_versions.first().cloned(),
            managers,
            candidates,
            closing_reasons: vocabulary(
                lang,
                "closing_reason",
                ClosingReason::all().map(ClosingReason::as_str),
            ),
            refused,
            places,
            referrals,
            file,
            chrome,
        },
    )
}

/// Shows the case file again after a refused post, or the error page.
pub(super) async fn refused_case_page(
    state: &AppState,
    page: &PageUser,
    id: CaseId,
    form: &str,
    values: FormData,
    error: AppError,
) -> Response {
    let chrome = Chrome::new(page, &format!("/cases/{id}"));
    let label = label_from(chrome.lang, "cases-field");
    match Refused::from_error(chrome.lang, form, values, error, label) {
        Ok((refused, status)) => case_page(state, &page.user, chrome, id, refused, status).await,
        Err(error) => error_page(chrome, error),
    }
}

/// Reads a posted change of state. The form is named after the target
/// state, so its errors show next to it.
fn transition_input(form: &FormData) -> (String, Result<TransitionInput, Invalid>) {
    let mut invalid = Invalid::new();
    let to: Option<CaseState> = choice_or(&mut invalid, "to", form.get("to"), "transition_not_allowed");
    let closing_reason = choice_or(
        &mut invalid,
        "closing_reason",
        form.get("closing_reason"),
        "required",
    );
    let case_manager_id = choice_or(
        &mut invalid,
        "case_manager_id",
        form.get("case_manager_id"),
        "not_a_case_manager",
    );
    let name = to.map_or("transition", CaseState::as_str).to_owned();
    let Some(to) = to else {
        invalid.add("to", "transition_not_allowed");
        return (name, Err(invalid));
    };
    let input = TransitionInput {
        to,
        closing_reason,
        note: form.trimmed("note"),
        case_manager_id,
        zonal_group: form.trimmed("zonal_group"),
    };
    (name, invalid.into_result(input))
}

async fn transition(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<CaseId>(&id) else {
        return no_such_case(&page);
    };
    let (name, input) = transition_input(&form);
    let result = match &input {
        Ok(input) => state.app.transition(&page.user, id, input).await,
        Err(invalid) => Err(invalid.clone().into()),
    };
    match result {
        Ok(case) if case.state == CaseState::PlanReview => done(&format!("/cases/{id}"), "plan-submitted"),
        Ok(_) => done(&format!("/cases/{id}"), "moved"),
        Err(error) => refused_case_page(&state, &page, id, &name, form, error).await,
    }
}

async fn add_member(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<CaseId>(&id) else {
        return no_such_case(&page);
    };
    let mut invalid = Invalid::new();
    let member: Option<UserId> = required_choice(
        &mut invalid,
        "user_id",
        form.get("user_id"),
        "not_a_team_candidate",
    );
    let result = match member {
        Some(member) => state.app.add_team_member(&page.user, id, member).await,
        None => Err(invalid.into()),
    };
    match result {
        Ok(_) => done(&format!("/cases/{id}"), "team"),
        Err(error) => refused_case_page(&state, &page, id, "team", form, error).await,
    }
}

async fn remove_member(
    State(state): State<AppState>,
    page: PageUser,
    Path((id, user)): Path<(String, String)>,
) -> Response {
    let (Some(id), Some(member)) = (path_id::<CaseId>(&id), path_id::<UserId>(&user)) else {
        return no_such_case(&page);
    };
    match state.app.remove_team_member(&page.user, id, member).await {
        Ok(_) => done(&format!("/cases/{id}"), "team"),
        Err(error) => refused_case_page(&state, &page, id, "team", FormData::default(), error).await,
    }
}

// ---------------------------------------------------------------------------
// The first assessment
// ---------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "cases/assessment.html")]
struct AssessmentPage {
    chrome: Chrome,
    title: String,
    header: CaseHeader,
    /// What the person declared at first contact, as a hint for the check.
    declared_legal_status: Option<String>,
    /// The decisions, each with the words that explain it.
    decisions: Vec<Choice>,
    managers: Vec<Choice>,
    organisations: Vec<Choice>,
    refused: Refused,
}

async fn assessment_form(State(state): State<AppState>, page: PageUser, PathText(id): PathText) -> Response {
    let chrome = Chrome::new(&page, &format!("/cases/{id}/assessment"));
    match parse_id(&id) {
        Ok(id) => assessment_page(&state, &page.user, chrome, id, Refused::none(), StatusCode::OK).await,
        Err(error) => error_page(chrome, error),
    }
}

async fn assessment_page(
    state: &AppState,
    user: &User,
    chrome: Chrome,
    id: CaseId,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let file = match state.app.case(user, id).await {
        Ok(file) => file,
        Err(error) => return error_page(chrome, error),
    };
    if !file.can.assess {
        let assessor = soleil_app::policy::permits(user.role, soleil_app::Operation::RecordAssessment);
        let error = if assessor && !file.case.state.is_in_queue() {
            AppError::conflict("already_assessed")
        } else {
            AppError::Forbidden
        };
        return error_page(chrome, error);
    }
    let lang = chrome.lang;
    let region = file.case.region;
    let decisions = Decision::all()
        .map(|d| Choice {
            help: Some(lang.t(&format!("cases-decision-help-{d}"))),
            ..Choice::new(d.as_str(), lang.label("decision", d.as_str()))
        })
        .collect();
    render_with(
        status,
        AssessmentPage {
            title: chrome.t("cases-assess-title"),
            header: CaseHeader::of(&file),
            declared_legal_status: file
                .screenings
                .first()
                .map(|s| lang.label("declared_legal_status", s.profile.legal_status.as_str())),
            decisions,
            managers: case_manager_choices(state, user, region).await,
            organisations: organisation_choices(&organisations(state, user, region).await),
            refused,
            chrome,
        },
    )
}

/// Reads the assessment form. Fields of the other decisions' sections are
/// left out, so that a hidden choice never reaches the case.
fn assessment_input(form: &FormData) -> Result<AssessmentInput, Invalid> {
    let mut invalid = Invalid::new();
    let decision: Option<Decision> = choice_or(&mut invalid, "decision", form.get("decision"), "required");
    let case_manager_id = choice_or(
        &mut invalid,
        "case_manager_id",
        form.get("case_manager_id"),
        "not_a_case_manager",
    );
    let referred_to = choice_or(
        &mut invalid,
        "referred_to",
        form.get("referred_to"),
        "unknown_organisation",
    );
    let Some(decision) = decision else {
        if invalid.is_empty() {
            invalid.add("decision", "required");
        }
        return Err(invalid);
    };
    let personalised = decision == Decision::PersonalisedPath;
    let refer = decision == Decision::ReferElsewhere;
    let input = AssessmentInput {
        decision,
        legal_status_checked: form.trimmed("legal_status_checked"),
        summary: form.trimmed("summary"),
        zonal_group: form.trimmed("zonal_group").filter(|_| personalised),
        case_manager_id: case_manager_id.filter(|_| personalised),
        referred_to: referred_to.filter(|_| refer),
        reason: form
            .trimmed("reason")
            .filter(|_| matches!(decision, Decision::NotInScope | Decision::ReferElsewhere)),
    };
    invalid.errors.retain(|e| match e.field.as_str() {
        "case_manager_id" => personalised,
        "referred_to" => refer,
        _ => true,
    });
    // With a choice that did not read, the domain's own checks still run,
    // so that every message shows at once.
    if !invalid.is_empty() {
        add_missing(&mut invalid, Assessment::parse(&input));
    }
    invalid.into_result(input)
}

async fn assess(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let chrome = Chrome::new(&page, &format!("/cases/{id}/assessment"));
    let id: CaseId = match parse_id(&id) {
        Ok(id) => id,
        Err(error) => return error_page(chrome, error),
    };
    let result = match assessment_input(&form) {
        Ok(input) => state.app.assess(&page.user, id, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    let error = match result {
        Ok(_) => return done(&format!("/cases/{id}"), "assessed"),
        Err(error) => error,
    };
    let label = label_from(chrome.lang, "cases-assess");
    match Refused::from_error(chrome.lang, "assess", form, error, label) {
        Ok((refused, status)) => assessment_page(&state, &page.user, chrome, id, refused, status).await,
        Err(error) => error_page(chrome, error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(body: &str) -> FormData {
        FormData::parse(body.as_bytes())
    }

    #[test]
    fn closing_needs_a_known_reason() {
        let (name, input) = transition_input(&form("to=closed&closing_reason=goals_met&note=ok"));
        assert_eq!(name, "closed");
        let input = input.unwrap();
        assert_eq!(input.closing_reason, Some(ClosingReason::GoalsMet));
        assert_eq!(input.note.as_deref(), Some("ok"));
        let (_, refused) = transition_input(&form("to=closed&closing_reason=bored"));
        assert_eq!(refused.unwrap_err().errors[0].field, "closing_reason");
        let (name, refused) = transition_input(&form("to=nowhere"));
        assert_eq!(name, "transition");
        assert!(refused.is_err());
    }

    #[test]
    fn an_assessment_keeps_only_the_chosen_decisions_fields() {
        let input = assessment_input(&form(
            "decision=not_in_scope&reason=lavoro+regolare&zonal_group=Roma&case_manager_id=bad&referred_to=bad",
        ))
        .unwrap();
        assert_eq!(input.decision, Decision::NotInScope);
        assert_eq!(input.reason.as_deref(), Some("lavoro regolare"));
        assert_eq!(
            (input.zonal_group, input.case_manager_id, input.referred_to),
            (None, None, None)
        );

        let refused = assessment_input(&form("decision=personalised_path&case_manager_id=bad")).unwrap_err();
        let fields: Vec<_> = refused.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["case_manager_id", "zonal_group"]);
        let refused = assessment_input(&form("summary=x")).unwrap_err();
        assert_eq!(refused.errors[0].field, "decision");
    }

    /// Every message id the case and plan pages name exists in both
    /// languages, and no id is defined twice in a language (the loader
    /// refuses a bundle with duplicates).
    #[test]
    fn case_and_plan_messages_exist_once_in_both_languages() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut sources = vec![
            root.join("src/pages/cases.rs"),
            root.join("src/pages/plans.rs"),
            root.join("src/pages/form.rs"),
        ];
        for dir in ["templates/cases", "templates/plans", "templates/partials"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                sources.push(entry.unwrap().path());
            }
        }
        let mut ids = std::collections::BTreeSet::new();
        for source in sources {
            let text = std::fs::read_to_string(source).unwrap();
            for (start, _) in text.match_indices('"') {
                let rest = &text[start + 1..];
                let id: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                let literal = rest[id.len()..].starts_with('"');
                if literal && (id.starts_with("cases-") || id.starts_with("plans-")) && !id.ends_with('-') {
                    ids.insert(id);
                }
            }
        }
        // Ids put together at run time.
        ids.extend(Decision::all().map(|d| format!("cases-decision-help-{d}")));
        ids.extend(
            ["area", "description", "responsible_organisation_id", "due_date"]
                .map(|f| format!("plans-field-{f}")),
        );
        ids.extend(["invalid_choice", "invalid_date"].map(|c| format!("error-{c}")));
        // Prefixes of field labels, completed with the field's name.
        for prefix in ["cases-assess", "cases-field", "plans-field"] {
            ids.remove(prefix);
        }
        for lang in ["it", "en"] {
            let mut defined = std::collections::BTreeSet::new();
            for entry in std::fs::read_dir(root.join("locales").join(lang)).unwrap() {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
                for line in text
                    .lines()
                    .filter(|l| !l.starts_with([' ', '#', '\t']) && l.contains(" ="))
                {
                    let id = line.split(" =").next().unwrap_or_default().to_owned();
                    assert!(defined.insert(id.clone()), "{id} is defined twice in {lang}");
                }
            }
            let missing: Vec<_> = ids.difference(&defined).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        }
        assert_ne!(Lang::It.t("cases-queue-title"), Lang::En.t("cases-queue-title"));
    }

    #[test]
    fn timeline_notes_word_the_codes_in_the_readers_language() {
        let event = |kind, code: Option<&str>, plan_version, note: Option<&str>| CaseEvent {
            id: soleil_domain::CaseEventId::new(),
            case_id: CaseId::new(),
            kind,
            from_state: None,
            to_state: None,
            actor_id: UserId::new(),
            actor_name: String::new(),
            code: code.map(str::to_owned),
            plan_version,
            note: note.map(str::to_owned),
            at: Utc::now(),
        };
        let assessed = event(CaseEventKind::Assessment, Some("personalised_path"), None, None);
        assert_eq!(
            event_note(Lang::It, &assessed).as_deref(),
            Some("Percorso personalizzato")
        );
        let closed = event(
            CaseEventKind::Transition,
            Some("goals_met"),
            None,
            Some("all done"),
        );
        assert_eq!(
            event_note(Lang::En, &closed),
            Some(format!(
                "{}: all done",
                Lang::En.label("closing_reason", "goals_met")
            ))
        );
        let reviewed = event(CaseEventKind::PlanReviewed, Some("approve"), Some(2), None);
        let note = event_note(Lang::It, &reviewed).unwrap();
        assert!(note.contains('2') && note.contains(&Lang::It.label("review_verdict", "approve")));
        assert_eq!(
            event_note(Lang::It, &event(CaseEventKind::Reported, None, None, None)),
            None
        );
    }
}
