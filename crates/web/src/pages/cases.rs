//! The case pages: the secretariat's queue, the list of cases, the case file
//! with its action panel, and the first assessment. Also the pieces the plan
//! pages share with them: the case header, form reading and refused forms,
//! selects of users and organisations, dates in Italian time.

use std::collections::HashMap;
use std::str::FromStr;

use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use soleil_app::cases::{CaseFile, TransitionInput};
use soleil_app::{AppError, Page};
use soleil_domain::{
    Assessment, AssessmentInput, CaseEvent, CaseEventKind, CaseId, CaseState, ClosingReason, Decision,
    Invalid, Organisation, OrganisationId, PersonId, PlanStatus, PlanVersion, Priority, RegionCode,
    ReviewVerdict, Role, Screening, User, UserId,
};
use soleil_store::cases::{CaseFilter, CaseSummary};
use soleil_store::network::{OrganisationFilter, UserFilter};

use super::pager::{self, Pager};
use super::{Chrome, FormErrors, done, error_page, render, render_with};
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
/// The largest page the store serves; selects read every page of it.
const FETCH_SIZE: u32 = 200;
/// Selects stop after this many pages of users or organisations.
const FETCH_PAGES: u32 = 10;

// ---------------------------------------------------------------------------
// Shared with the plan pages
// ---------------------------------------------------------------------------

/// Date filters for the templates of case and plan pages.
pub(super) mod filters {
    use chrono::{DateTime, NaiveDate, Utc};

    /// A value that is a moment, however many references askama puts before it.
    pub trait Moment {
        fn moment(&self) -> DateTime<Utc>;
    }

    impl Moment for DateTime<Utc> {
        fn moment(&self) -> DateTime<Utc> {
            *self
        }
    }

    impl<T: Moment + ?Sized> Moment for &T {
        fn moment(&self) -> DateTime<Utc> {
            (**self).moment()
        }
    }

    /// A value that is a calendar date.
    pub trait Day {
        fn day(&self) -> NaiveDate;
    }

    impl Day for NaiveDate {
        fn day(&self) -> NaiveDate {
            *self
        }
    }

    impl<T: Day + ?Sized> Day for &T {
        fn day(&self) -> NaiveDate {
            (**self).day()
        }
    }

    // The formats are the intake pages' own, so every page writes dates alike.
    use crate::pages::intake::{date_text, day_text, time_text};

    /// dd/mm/yyyy hh:mm, in Italian civil time.
    pub fn datetime(at: impl Moment, _: &dyn askama::Values) -> askama::Result<String> {
        Ok(time_text(at.moment()))
    }

    /// dd/mm/yyyy of a moment, in Italian civil time.
    pub fn day(at: impl Moment, _: &dyn askama::Values) -> askama::Result<String> {
        Ok(day_text(at.moment()))
    }

    /// A calendar date as dd/mm/yyyy.
    pub fn date(day: impl Day, _: &dyn askama::Values) -> askama::Result<String> {
        Ok(date_text(day.day()))
    }
}

/// The fields of a posted form (or a query string), in order. Read by hand,
/// so that nothing a browser sends turns into a plain-text rejection: bad
/// input comes back as the form with messages.
#[derive(Debug, Clone, Default)]
pub(super) struct Posted(Vec<(String, String)>);

impl Posted {
    pub(super) fn parse(body: &[u8]) -> Self {
        Self(
            form_urlencoded::parse(body)
                .into_owned()
                .filter(|(key, _)| key != crate::auth::CSRF_FIELD)
                .collect(),
        )
    }

    pub(super) fn query(query: Option<&str>) -> Self {
        Self::parse(query.unwrap_or_default().as_bytes())
    }

    /// The first value of a field; empty when absent.
    pub(super) fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map_or("", |(_, value)| value.as_str())
    }

    /// The value trimmed; `None` when blank.
    pub(super) fn text(&self, name: &str) -> Option<String> {
        Some(self.get(name).trim())
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    }

    pub(super) fn pairs(&self) -> &[(String, String)] {
        &self.0
    }
}

/// A value chosen in a select or radio group: `None` when nothing was
/// chosen, and a field error when the value is not one of the choices.
pub(super) fn choice<T: FromStr>(invalid: &mut Invalid, field: &str, value: &str, code: &str) -> Option<T> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let parsed = value.parse().ok();
    if parsed.is_none() {
        invalid.add(field, code);
    }
    parsed
}

/// The id of a form field in the page: `plan` + `actions[2].due_date` gives
/// `plan-actions-2-due_date`.
pub(super) fn field_id(form: &str, field: &str) -> String {
    format!(
        "{form}-{}",
        field.replace('[', "-").replace(']', "").replace('.', "-")
    )
}

/// One line of the error summary at the top of a form: a link to the field.
pub(super) struct SummaryItem {
    pub href: String,
    pub text: String,
}

/// A form that was posted and refused, shown again with what was typed: its
/// values, its field errors and a summary, or a refusal in words that is not
/// about one field (a conflict with the case's state).
#[derive(Default)]
pub(super) struct Refused {
    pub form: String,
    values: Posted,
    errors: FormErrors,
    pub summary: Vec<SummaryItem>,
    pub problem: Option<String>,
}

impl Refused {
    pub(super) fn none() -> Self {
        Self::default()
    }

    /// Field errors of `form`; `label` names a field for the summary.
    pub(super) fn invalid(
        lang: Lang,
        form: &str,
        values: Posted,
        invalid: Invalid,
        label: impl Fn(&str) -> Option<String>,
    ) -> Self {
        let errors = FormErrors::new(lang, invalid.errors);
        let summary = errors
            .all()
            .into_iter()
            .map(|(field, message)| SummaryItem {
                href: format!("#{}", field_id(form, &field)),
                text: match label(&field) {
                    Some(label) => format!("{label}: {message}"),
                    None => message,
                },
            })
            .collect();
        Self {
            form: form.to_owned(),
            values,
            errors,
            summary,
            problem: None,
        }
    }

    /// A refusal that concerns the whole form.
    pub(super) fn problem(form: &str, values: Posted, message: String) -> Self {
        Self {
            form: form.to_owned(),
            values,
            problem: Some(message),
            ..Self::default()
        }
    }

    /// How a page shows a use case's refusal, and with which status; the
    /// error back for those that get the error page (not found, forbidden,
    /// faults).
    pub(super) fn from_error(
        lang: Lang,
        form: &str,
        values: Posted,
        error: AppError,
        label: impl Fn(&str) -> Option<String>,
    ) -> Result<(Self, StatusCode), AppError> {
        match error {
            AppError::Invalid(invalid) => Ok((
                Self::invalid(lang, form, values, invalid, label),
                StatusCode::UNPROCESSABLE_ENTITY,
            )),
            conflict @ AppError::Conflict { .. } => {
                let message = crate::error::ApiError::from_app(lang, conflict)
                    .body
                    .error
                    .message;
                Ok((Self::problem(form, values, message), StatusCode::CONFLICT))
            }
            other => Err(other),
        }
    }

    pub(super) fn is(&self, form: &str) -> bool {
        self.form == form
    }

    /// What was typed in a field of `form`; empty for the other forms.
    pub(super) fn value(&self, form: &str, field: &str) -> &str {
        if self.is(form) { self.values.get(field) } else { "" }
    }

    pub(super) fn error(&self, form: &str, field: &str) -> Option<String> {
        if self.is(form) {
            self.errors.get(field)
        } else {
            None
        }
    }

    /// The summary and problem of `form`, if it is the refused one.
    pub(super) fn has_summary(&self, form: &str) -> bool {
        self.is(form) && (!self.summary.is_empty() || self.problem.is_some())
    }
}

/// A field's label for an error summary, from the message `{prefix}-{field}`.
pub(super) fn label_from(lang: Lang, prefix: &'static str) -> impl Fn(&str) -> Option<String> {
    move |field: &str| {
        let id = format!("{prefix}-{field}");
        let label = lang.t(&id);
        (label != id).then_some(label)
    }
}

/// An option of a select.
pub(super) struct Choice {
    pub value: String,
    pub label: String,
}

/// Options of a select, in groups (`<optgroup>`).
pub(super) struct ChoiceGroup {
    pub label: String,
    pub choices: Vec<Choice>,
}

/// The options of a closed vocabulary, labelled in the user's language.
pub(super) fn vocabulary<'a>(lang: Lang, name: &str, values: impl Iterator<Item = &'a str>) -> Vec<Choice> {
    values
        .map(|value| Choice {
            value: value.to_owned(),
            label: lang.label(name, value),
        })
        .collect()
}

/// Every page of a list, up to [`FETCH_PAGES`] pages. A failure ends the
/// list where it is: a select shows what could be read, and the use case
/// still refuses what it cannot check.
async fn all_pages<T, F, Fut>(what: &str, fetch: F) -> Vec<T>
where
    F: Fn(Page) -> Fut,
    Fut: std::future::Future<Output = Result<(Vec<T>, i64), AppError>>,
{
    let mut all = Vec::new();
    for number in 0..FETCH_PAGES {
        match fetch(Page::new(number, FETCH_SIZE)).await {
            Ok((list, total)) => {
                let last = list.len() < FETCH_SIZE as usize;
                all.extend(list);
                if last || all.len() as i64 >= total {
                    break;
                }
            }
            // A role that may not list these: no options, nothing to log.
            Err(AppError::Forbidden) => break,
            Err(error) => {
                tracing::warn!(%error, "{what} for a select");
                break;
            }
        }
    }
    all
}

/// The organisations of a region, by name.
pub(super) async fn organisations(state: &AppState, user: &User, region: RegionCode) -> Vec<Organisation> {
    let filter = OrganisationFilter {
        region: Some(region),
        ..OrganisationFilter::default()
    };
    let mut all = all_pages("organisations", |page| {
        state.app.organisations(user, &filter, page)
    })
    .await;
    all.sort_by_key(|a| a.name.to_lowercase());
    all
}

pub(super) fn organisation_choices(list: &[Organisation]) -> Vec<Choice> {
    list.iter()
        .map(|o| Choice {
            value: o.id.to_string(),
            label: o.name.clone(),
        })
        .collect()
}

pub(super) fn organisation_names(list: &[Organisation]) -> HashMap<OrganisationId, String> {
    list.iter().map(|o| (o.id, o.name.clone())).collect()
}

/// The active users of the caller's region with a role, by name. Empty when
/// the caller may not list users.
async fn region_users(state: &AppState, user: &User, role: Role) -> Vec<User> {
    let filter = UserFilter {
        role: Some(role),
        ..UserFilter::default()
    };
    let mut all = all_pages("users", |page| state.app.users(user, &filter, page)).await;
    all.retain(|u| u.active);
    all
}

/// "Name (organisation)" for a user in a select.
fn user_label(user: &User, organisations: &HashMap<OrganisationId, String>) -> String {
    match user.organisation_id.and_then(|id| organisations.get(&id)) {
        Some(organisation) => format!("{} ({organisation})", user.display_name),
        None => user.display_name.clone(),
    }
}

/// The case managers of the region, for the assessment and for leaving
/// the emergency response.
async fn case_manager_choices(state: &AppState, user: &User, region: RegionCode) -> Vec<Choice> {
    let names = organisation_names(&organisations(state, user, region).await);
    region_users(state, user, Role::CaseManager)
        .await
        .iter()
        .map(|u| Choice {
            value: u.id.to_string(),
            label: user_label(u, &names),
        })
        .collect()
}

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
            .map(|u| Choice {
                value: u.id.to_string(),
                label: user_label(u, &names),
            })
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

/// A path id that does not parse is a page that does not exist.
pub(super) fn parse_id<T: FromStr>(text: &str) -> Result<T, AppError> {
    text.parse().map_err(|_| AppError::NotFound("page"))
}

// ---------------------------------------------------------------------------
// Queue and list
// ---------------------------------------------------------------------------

/// A row of the queue or of the list of cases.
struct CaseRow {
    id: CaseId,
    person: String,
    state: CaseState,
    priority: Priority,
    case_manager: Option<String>,
    opened_at: DateTime<Utc>,
}

impl CaseRow {
    fn of(summary: &CaseSummary) -> Self {
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

#[derive(Template)]
#[template(path = "cases/queue.html")]
struct QueuePage {
    chrome: Chrome,
    title: String,
    rows: Vec<CaseRow>,
    pager: Pager,
}

async fn queue(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let query = query.as_deref();
    let chrome = Chrome::new(&page, &pager::here("/queue", query))
        .with_notice(Posted::query(query).text("done").as_deref());
    let paging = Pager::requested(query, PAGE_SIZE);
    match state.app.queue(&page.user, paging).await {
        Ok((list, total)) => {
            let title = chrome.t("cases-queue-title");
            let pager = Pager::new(chrome.lang, "/queue", query, paging, total);
            let rows = list.iter().map(CaseRow::of).collect();
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
    states: Vec<Choice>,
    priorities: Vec<Choice>,
    state: String,
    priority: String,
    q: String,
}

async fn list(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let query = query.as_deref();
    let params = Posted::query(query);
    let chrome =
        Chrome::new(&page, &pager::here("/cases", query)).with_notice(params.text("done").as_deref());
    let lang = chrome.lang;
    // A filter value that is not in the list is no filter.
    let mut ignored = Invalid::new();
    let filter = CaseFilter {
        states: choice::<CaseState>(&mut ignored, "state", params.get("state"), "")
            .into_iter()
            .collect(),
        priority: choice(&mut ignored, "priority", params.get("priority"), ""),
        search: params.text("q"),
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
        states: vocabulary(lang, "case_state", CaseState::all().map(CaseState::as_str)),
        priorities: vocabulary(lang, "priority", Priority::all().map(Priority::as_str)),
        state: filter.states.first().map_or("", |s| s.as_str()).to_owned(),
        priority: filter.priority.map_or("", Priority::as_str).to_owned(),
        q: params.get("q").to_owned(),
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
}

impl ScreeningView {
    fn of(lang: Lang, screening: Screening) -> Self {
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
            note: event
                .note
                .as_deref()
                .map(|note| event_note(lang, event.kind, note)),
        }
    }
}

/// The note of a timeline event in the user's language where the app wrote
/// a code (a decision, a closing reason, a verdict, a version number).
fn event_note(lang: Lang, kind: CaseEventKind, note: &str) -> String {
    // "code" or "code: free text", the form the app layer writes.
    let coded = |vocabulary: &str, known: &dyn Fn(&str) -> bool| {
        let (code, rest) = note.split_once(": ").unwrap_or((note, ""));
        known(code).then(|| {
            let label = lang.label(vocabulary, code);
            if rest.is_empty() {
                label
            } else {
                format!("{label}: {rest}")
            }
        })
    };
    let translated = match kind {
        CaseEventKind::Assessment => coded("decision", &|c| c.parse::<Decision>().is_ok()),
        CaseEventKind::Transition => coded("closing_reason", &|c| c.parse::<ClosingReason>().is_ok())
            .or_else(|| (note == "plan taken back for changes").then(|| lang.t("cases-note-taken-back"))),
        CaseEventKind::Reported => {
            (note == "further screening added").then(|| lang.t("cases-note-further-screening"))
        }
        CaseEventKind::PlanReviewed => coded("review_verdict", &|c| c.parse::<ReviewVerdict>().is_ok()),
        CaseEventKind::PlanDrafted | CaseEventKind::PlanSubmitted | CaseEventKind::PlanApproved => note
            .strip_prefix("version ")
            .and_then(|n| n.parse::<i32>().ok())
            .map(|n| lang.t1("cases-note-version", "version", n)),
        _ => None,
    };
    translated.unwrap_or_else(|| note.to_owned())
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
}

impl CasePage {
    fn referred_name(&self, id: &OrganisationId) -> String {
        self.referred.get(id).cloned().unwrap_or_else(|| id.to_string())
    }
}

async fn show(
    State(state): State<AppState>,
    page: PageUser,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let notice = Posted::query(query.as_deref()).text("done");
    let chrome = Chrome::new(&page, &format!("/cases/{id}")).with_notice(notice.as_deref());
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
                .map(|s| ScreeningView::of(lang, s))
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
            file,
            chrome,
        },
    )
}

/// Shows the case file again after a refused post, or the error page.
async fn refused_case_page(
    state: &AppState,
    page: &PageUser,
    id: CaseId,
    form: &str,
    values: Posted,
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
fn transition_input(form: &Posted) -> (String, Result<TransitionInput, Invalid>) {
    let mut invalid = Invalid::new();
    let to: Option<CaseState> = choice(&mut invalid, "to", form.get("to"), "transition_not_allowed");
    let closing_reason = choice(
        &mut invalid,
        "closing_reason",
        form.get("closing_reason"),
        "required",
    );
    let case_manager_id = choice(
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
        note: form.text("note"),
        case_manager_id,
        zonal_group: form.text("zonal_group"),
    };
    (name, invalid.into_result(input))
}

async fn transition(
    State(state): State<AppState>,
    page: PageUser,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let id: CaseId = match parse_id(&id) {
        Ok(id) => id,
        Err(error) => return error_page(Chrome::new(&page, "/cases"), error),
    };
    let form = Posted::parse(&body);
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
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let id: CaseId = match parse_id(&id) {
        Ok(id) => id,
        Err(error) => return error_page(Chrome::new(&page, "/cases"), error),
    };
    let form = Posted::parse(&body);
    let mut invalid = Invalid::new();
    let member: Option<UserId> = choice(
        &mut invalid,
        "user_id",
        form.get("user_id"),
        "not_a_team_candidate",
    );
    let result = match member {
        Some(member) => state.app.add_team_member(&page.user, id, member).await,
        None if invalid.is_empty() => Err(Invalid::single("user_id", "required").into()),
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
    let ids = parse_id::<CaseId>(&id).and_then(|id| Ok((id, parse_id::<UserId>(&user)?)));
    let (id, member) = match ids {
        Ok(ids) => ids,
        Err(error) => return error_page(Chrome::new(&page, "/cases"), error),
    };
    match state.app.remove_team_member(&page.user, id, member).await {
        Ok(_) => done(&format!("/cases/{id}"), "team"),
        Err(error) => refused_case_page(&state, &page, id, "team", Posted::default(), error).await,
    }
}

// ---------------------------------------------------------------------------
// The first assessment
// ---------------------------------------------------------------------------

/// A decision of the assessment, with the words that explain it.
struct DecisionChoice {
    value: &'static str,
    label: String,
    help: String,
}

#[derive(Template)]
#[template(path = "cases/assessment.html")]
struct AssessmentPage {
    chrome: Chrome,
    title: String,
    header: CaseHeader,
    /// What the person declared at first contact, as a hint for the check.
    declared_legal_status: Option<String>,
    decisions: Vec<DecisionChoice>,
    managers: Vec<Choice>,
    organisations: Vec<Choice>,
    refused: Refused,
}

async fn assessment_form(State(state): State<AppState>, page: PageUser, Path(id): Path<String>) -> Response {
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
        .map(|d| DecisionChoice {
            value: d.as_str(),
            label: lang.label("decision", d.as_str()),
            help: lang.t(&format!("cases-decision-help-{}", d.as_str())),
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
fn assessment_input(form: &Posted) -> Result<AssessmentInput, Invalid> {
    let mut invalid = Invalid::new();
    let decision: Option<Decision> = choice(&mut invalid, "decision", form.get("decision"), "required");
    let case_manager_id = choice(
        &mut invalid,
        "case_manager_id",
        form.get("case_manager_id"),
        "not_a_case_manager",
    );
    let referred_to = choice(
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
        legal_status_checked: form.text("legal_status_checked"),
        summary: form.text("summary"),
        zonal_group: form.text("zonal_group").filter(|_| personalised),
        case_manager_id: case_manager_id.filter(|_| personalised),
        referred_to: referred_to.filter(|_| refer),
        reason: form
            .text("reason")
            .filter(|_| matches!(decision, Decision::NotInScope | Decision::ReferElsewhere)),
    };
    invalid.errors.retain(|e| match e.field.as_str() {
        "case_manager_id" => personalised,
        "referred_to" => refer,
        _ => true,
    });
    // With a choice that did not read, the domain's own checks still run,
    // so that every message shows at once.
    if !invalid.is_empty()
        && let Err(domain) = Assessment::parse(&input)
    {
        for error in domain.errors {
            if !invalid.errors.iter().any(|e| e.field == error.field) {
                invalid.errors.push(error);
            }
        }
    }
    invalid.into_result(input)
}

async fn assess(
    State(state): State<AppState>,
    page: PageUser,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let chrome = Chrome::new(&page, &format!("/cases/{id}/assessment"));
    let id: CaseId = match parse_id(&id) {
        Ok(id) => id,
        Err(error) => return error_page(chrome, error),
    };
    let form = Posted::parse(&body);
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
    use chrono::TimeZone;

    fn form(body: &str) -> Posted {
        Posted::parse(body.as_bytes())
    }

    #[test]
    fn dates_show_in_italian_time() {
        let at = |y, m, d, h, min| Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().unwrap();
        let shown = |t| filters::datetime(t, &()).unwrap();
        assert_eq!(shown(at(2026, 1, 15, 9, 5)), "15/01/2026 10:05");
        assert_eq!(shown(at(2026, 7, 1, 22, 30)), "02/07/2026 00:30");
        // 2026: summer time from 29 March to 25 October, at 01:00 UTC.
        assert_eq!(shown(at(2026, 3, 29, 0, 59)), "29/03/2026 01:59");
        assert_eq!(shown(at(2026, 3, 29, 1, 0)), "29/03/2026 03:00");
        assert_eq!(shown(at(2026, 10, 25, 0, 59)), "25/10/2026 02:59");
        assert_eq!(shown(at(2026, 10, 25, 1, 0)), "25/10/2026 02:00");
    }

    #[test]
    fn posted_fields_are_read_without_the_token() {
        let posted = form("csrf=abc&note=+firmato+&to=closed&note=second");
        assert_eq!(posted.get("note"), " firmato ");
        assert_eq!(posted.text("note").as_deref(), Some("firmato"));
        assert_eq!(posted.get("csrf"), "");
        assert_eq!(posted.text("missing"), None);
    }

    #[test]
    fn field_ids_are_plain() {
        assert_eq!(field_id("plan", "actions[2].due_date"), "plan-actions-2-due_date");
        assert_eq!(field_id("closed", "note"), "closed-note");
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
        let mut sources = vec![root.join("src/pages/cases.rs"), root.join("src/pages/plans.rs")];
        for dir in ["templates/cases", "templates/plans"] {
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
        ids.extend(["plans_invalid_choice", "plans_invalid_date"].map(|c| format!("error-{c}")));
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
    fn timeline_notes_are_translated_where_they_are_codes() {
        assert_eq!(
            event_note(Lang::It, CaseEventKind::Assessment, "personalised_path"),
            "Percorso personalizzato"
        );
        assert_eq!(
            event_note(Lang::En, CaseEventKind::Transition, "goals_met: all done"),
            format!("{}: all done", Lang::En.label("closing_reason", "goals_met"))
        );
        assert_eq!(
            event_note(Lang::It, CaseEventKind::Transition, "a free note"),
            "a free note"
        );
        assert_ne!(
            event_note(Lang::It, CaseEventKind::PlanDrafted, "version 2"),
            "version 2"
        );
    }
}
