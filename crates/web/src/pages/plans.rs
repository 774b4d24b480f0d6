//! The plan pages: the case's current plan with its review, the person's
//! agreement and the actions carried out; a read-only view of every
//! version; and the editor, which works without JavaScript (blank rows,
//! and a button that saves and adds more).

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use chrono::{DateTime, NaiveDate, Utc};
use soleil_app::AppError;
use soleil_app::cases::CaseFile;
use soleil_app::plans::{ActionUpdateInput, AgreementInput, ReviewInput};
use soleil_domain::{
    ActionId, ActionInput, ActionStatus, CaseId, CaseState, Invalid, NeedArea, NeedInput, OrganisationId,
    Plan, PlanContent, PlanInput, PlanStatus, PlanVersion, ReviewVerdict, User,
};

use super::cases::{CaseHeader, no_such_case};
use super::form::{
    Choice, Field, FormData, PathText, Refused, choice_or, chrome_for, date, field_id, label_from,
    organisation_choices, organisation_names, organisations, parse_id, path_id, required_choice, vocabulary,
};
use super::time::filters;
use super::{Chrome, done, error_page, render_with};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cases/{id}/plan", get(show))
        .route("/cases/{id}/plan/versions/{version}", get(version))
        .route("/cases/{id}/plan/edit", get(edit).post(save))
        .route("/cases/{id}/plan/submit", post(submit))
        .route("/cases/{id}/plan/review", post(review))
        .route("/cases/{id}/plan/agreement", post(agree))
        .route("/cases/{id}/plan/actions/{action}", post(update_action))
}

/// Blank rows the editor offers for needs and for actions.
const BLANK_ROWS: usize = 3;
/// At most this many blank rows, however often "add more" is pressed.
const MAX_BLANK_ROWS: usize = 30;

// ---------------------------------------------------------------------------
// Showing a plan
// ---------------------------------------------------------------------------

/// The needs of one area.
struct NeedGroup {
    area: String,
    items: Vec<String>,
}

struct ActionView {
    id: ActionId,
    /// The name of its update form, so a refused update shows next to it.
    form: String,
    area: String,
    description: String,
    organisation: String,
    due_date: Option<NaiveDate>,
    status: ActionStatus,
    note: Option<String>,
    changed_at: Option<DateTime<Utc>>,
    /// Whether the viewer may mark it done or dropped here.
    may_update: bool,
}

struct ReviewerView {
    name: String,
    verdict: Option<ReviewVerdict>,
}

struct ReviewView {
    who: String,
    verdict: ReviewVerdict,
    comment: Option<String>,
    at: DateTime<Utc>,
}

struct PlanView {
    version: i32,
    status: PlanStatus,
    created_at: DateTime<Utc>,
    submitted_at: Option<DateTime<Utc>>,
    approved_at: Option<DateTime<Utc>>,
    agreed_at: Option<DateTime<Utc>>,
    agreement_note: Option<String>,
    needs: Vec<NeedGroup>,
    actions: Vec<ActionView>,
    reviewers: Vec<ReviewerView>,
    reviews: Vec<ReviewView>,
}

impl PlanView {
    /// `updates` is whether this page offers the action forms at all.
    fn of(
        lang: Lang,
        plan: &Plan,
        file: &CaseFile,
        organisations: &HashMap<OrganisationId, String>,
        updates: bool,
    ) -> Self {
        let needs = NeedArea::all()
            .map(|area| NeedGroup {
                area: lang.label("need_area", area.as_str()),
                items: plan
                    .needs
                    .iter()
                    .filter(|n| n.area == area)
                    .map(|n| n.description.clone())
                    .collect(),
            })
            .filter(|group| !group.items.is_empty())
            .collect();
        let actions = plan
            .actions
            .iter()
            .map(|a| ActionView {
                id: a.id,
                form: format!("action-{}", a.id),
                area: lang.label("need_area", a.area.as_str()),
                description: a.description.clone(),
                organisation: organisations
                    .get(&a.responsible_organisation_id)
                    .cloned()
                    .unwrap_or_else(|| lang.t("plans-organisation-unknown")),
                due_date: a.due_date,
                status: a.status,
                note: a.status_note.clone(),
                changed_at: a.status_changed_at,
                may_update: updates && file.can.actionable.contains(&a.id),
            })
            .collect();
        let name_of = |id| {
            file.team
                .iter()
                .find(|m| m.user_id == id)
                .map(|m| m.display_name.clone())
                .or_else(|| {
                    plan.reviews
                        .iter()
                        .find(|r| r.reviewer_id == id)
                        .map(|r| r.reviewer_name.clone())
                })
                .unwrap_or_else(|| lang.t("plans-reviewer-unknown"))
        };
        let reviewers = plan
            .reviewers
            .iter()
            .map(|id| ReviewerView {
                name: name_of(*id),
                // The verdict on this submission; earlier rounds are history.
                verdict: plan
                    .reviews
                    .iter()
                    .filter(|r| r.reviewer_id == *id && plan.submitted_at.is_none_or(|s| r.at >= s))
                    .max_by_key(|r| r.at)
                    .map(|r| r.verdict),
            })
            .collect();
        let reviews = plan
            .reviews
            .iter()
            .map(|r| ReviewView {
                who: r.reviewer_name.clone(),
                verdict: r.verdict,
                comment: r.comment.clone(),
                at: r.at,
            })
            .collect();
        Self {
            version: plan.version,
            status: plan.status,
            created_at: plan.created_at,
            submitted_at: plan.submitted_at,
            approved_at: plan.approved_at,
            agreed_at: plan.agreed_at,
            agreement_note: plan.agreement_note.clone(),
            needs,
            actions,
            reviewers,
            reviews,
        }
    }

    fn any_update(&self) -> bool {
        self.actions.iter().any(|a| a.may_update)
    }
}

/// The forms of the plan page, from what the viewer may do now.
#[derive(Debug, Default)]
struct PlanForms {
    edit: bool,
    submit: bool,
    review: bool,
    agreement: bool,
    actions: bool,
}

impl PlanForms {
    fn of(file: &CaseFile, plan: Option<&Plan>) -> Self {
        let can = &file.can;
        let status = plan.map(|p| p.status);
        Self {
            edit: can.edit_plan,
            submit: can.transitions.contains(&CaseState::PlanReview) && status == Some(PlanStatus::Draft),
            review: can.review_plan,
            agreement: can.record_agreement,
            // The use case names the actions of the version in force the
            // viewer may close; the page offers them wherever that version shows.
            actions: !can.actionable.is_empty(),
        }
    }
}

#[derive(Template)]
#[template(path = "plans/show.html")]
struct PlanPage {
    chrome: Chrome,
    title: String,
    header: CaseHeader,
    plan: Option<PlanView>,
    /// The version in force, when a newer one is being drafted, reviewed or
    /// waits for the person's agreement: its actions go on meanwhile.
    in_force: Option<PlanView>,
    versions: Vec<PlanVersion>,
    /// The current version with its forms, or a past version, read-only.
    current: bool,
    forms: PlanForms,
    verdicts: Vec<Choice>,
    refused: Refused,
}

async fn show(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let chrome = chrome_for(&page, &format!("/cases/{id}/plan"), query.as_deref());
    match parse_id(&id) {
        Ok(id) => plan_page(&state, &page.user, chrome, id, Refused::none(), StatusCode::OK).await,
        Err(error) => error_page(chrome, error),
    }
}

/// The current plan, with a refused form shown again if there is one.
async fn plan_page(
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
    let plans = match state.app.plan(user, id).await {
        Ok(plans) => plans,
        Err(error) => return error_page(chrome, error),
    };
    let forms = PlanForms::of(&file, plans.current.as_ref());
    let names = organisation_names(&organisations(state, user, file.case.region).await);
    let in_force_version = plans.in_force.as_ref().map(|p| p.version);
    let view = |plan: &Plan| {
        let in_force = in_force_version == Some(plan.version);
        PlanView::of(chrome.lang, plan, &file, &names, forms.actions && in_force)
    };
    let plan = plans.current.as_ref().map(view);
    let in_force = plans
        .in_force
        .as_ref()
        .filter(|p| plans.current.as_ref().is_none_or(|c| c.version != p.version))
        .map(view);
    let page = PlanPage {
        title: chrome.t("plans-title"),
        header: CaseHeader::of(&file),
        plan,
        in_force,
        versions: file.plan_versions,
        current: true,
        forms,
        verdicts: vocabulary(
            chrome.lang,
            "review_verdict",
            ReviewVerdict::all().map(ReviewVerdict::as_str),
        ),
        refused,
        chrome,
    };
    render_with(status, page)
}

async fn version(
    State(state): State<AppState>,
    page: PageUser,
    Path((id, number)): Path<(String, String)>,
) -> Response {
    let chrome = Chrome::new(&page, &format!("/cases/{id}/plan/versions/{number}"));
    let ids = parse_id::<CaseId>(&id).and_then(|id| Ok((id, parse_id::<i32>(&number)?)));
    let (id, number) = match ids {
        Ok(ids) => ids,
        Err(error) => return error_page(chrome, error),
    };
    let file = match state.app.case(&page.user, id).await {
        Ok(file) => file,
        Err(error) => return error_page(chrome, error),
    };
    let plan = match state.app.plan_version(&page.user, id, number).await {
        Ok(plan) => plan,
        Err(error) => return error_page(chrome, error),
    };
    let names = organisation_names(&organisations(&state, &page.user, file.case.region).await);
    let view = PlanView::of(chrome.lang, &plan, &file, &names, false);
    render_with(
        StatusCode::OK,
        PlanPage {
            title: chrome.lang.t1("plans-version-title", "version", number),
            header: CaseHeader::of(&file),
            plan: Some(view),
            in_force: None,
            versions: file.plan_versions,
            current: false,
            forms: PlanForms::default(),
            verdicts: Vec::new(),
            refused: Refused::none(),
            chrome,
        },
    )
}

/// After a post on the plan page: back to it with a notice, or the page
/// again with the refused form.
async fn after_post<T>(
    state: &AppState,
    page: &PageUser,
    id: CaseId,
    form: &str,
    values: FormData,
    result: Result<T, AppError>,
    notice: &str,
) -> Response {
    let chrome = Chrome::new(page, &format!("/cases/{id}/plan"));
    let error = match result {
        Ok(_) => return done(&format!("/cases/{id}/plan"), notice),
        Err(error) => error,
    };
    let label = label_from(chrome.lang, "plans-field");
    match Refused::from_error(chrome.lang, form, values, error, label) {
        Ok((refused, status)) => plan_page(state, &page.user, chrome, id, refused, status).await,
        Err(error) => error_page(chrome, error),
    }
}

async fn submit(State(state): State<AppState>, page: PageUser, PathText(id): PathText) -> Response {
    let Some(id) = path_id::<CaseId>(&id) else {
        return no_such_case(&page);
    };
    let result = state.app.submit_plan(&page.user, id).await;
    after_post(
        &state,
        &page,
        id,
        "submit",
        FormData::default(),
        result,
        "plan-submitted",
    )
    .await
}

async fn review(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<CaseId>(&id) else {
        return no_such_case(&page);
    };
    let mut invalid = Invalid::new();
    let result = match required_choice(&mut invalid, "verdict", form.get("verdict"), "required") {
        Some(verdict) => {
            let input = ReviewInput {
                verdict,
                comment: form.trimmed("comment"),
            };
            state.app.review_plan(&page.user, id, &input).await
        }
        None => Err(invalid.into()),
    };
    after_post(&state, &page, id, "review", form, result, "reviewed").await
}

async fn agree(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<CaseId>(&id) else {
        return no_such_case(&page);
    };
    let input = AgreementInput {
        note: form.trimmed("note"),
    };
    let result = state.app.record_agreement(&page.user, id, &input).await;
    after_post(&state, &page, id, "agreement", form, result, "agreed").await
}

async fn update_action(
    State(state): State<AppState>,
    page: PageUser,
    Path((id, action)): Path<(String, String)>,
    form: FormData,
) -> Response {
    let (Some(id), Some(action)) = (path_id::<CaseId>(&id), path_id::<ActionId>(&action)) else {
        return no_such_case(&page);
    };
    let mut invalid = Invalid::new();
    let status = choice_or(&mut invalid, "status", form.get("status"), "action_status_final");
    let result = match status {
        Some(status) => {
            let input = ActionUpdateInput {
                status,
                note: form.trimmed("note"),
            };
            state.app.update_action(&page.user, id, action, &input).await
        }
        None => {
            if invalid.is_empty() {
                invalid.add("status", "action_status_final");
            }
            Err(invalid.into())
        }
    };
    let name = format!("action-{action}");
    after_post(&state, &page, id, &name, form, result, "action").await
}

// ---------------------------------------------------------------------------
// The editor
// ---------------------------------------------------------------------------

/// A need as typed in the editor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct NeedFields {
    area: String,
    description: String,
}

/// An action as typed in the editor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct ActionFields {
    area: String,
    description: String,
    organisation: String,
    due_date: String,
}

/// The rows of the editor: those with a description, in order. Rows left
/// without a description are ignored, only counted.
#[derive(Debug, Default, PartialEq, Eq)]
struct Rows {
    needs: Vec<NeedFields>,
    actions: Vec<ActionFields>,
    /// Rows posted with no description, in the list that had more of them.
    blank: usize,
}

/// `actions[2].due_date` → (`actions`, 2, `due_date`).
fn row_field(key: &str) -> Option<(&str, usize, &str)> {
    let (list, rest) = key.split_once('[')?;
    let (index, field) = rest.split_once("].")?;
    Some((list, index.parse().ok()?, field))
}

impl Rows {
    fn from_plan(plan: Option<&Plan>) -> Self {
        let Some(plan) = plan else {
            return Self::default();
        };
        Self {
            needs: plan
                .needs
                .iter()
                .map(|n| NeedFields {
                    area: n.area.as_str().to_owned(),
                    description: n.description.clone(),
                })
                .collect(),
            actions: plan
                .actions
                .iter()
                .map(|a| ActionFields {
                    area: a.area.as_str().to_owned(),
                    description: a.description.clone(),
                    organisation: a.responsible_organisation_id.to_string(),
                    due_date: a.due_date.map(|d| d.to_string()).unwrap_or_default(),
                })
                .collect(),
            blank: 0,
        }
    }

    fn parse(form: &FormData) -> Self {
        let mut needs: BTreeMap<usize, NeedFields> = BTreeMap::new();
        let mut actions: BTreeMap<usize, ActionFields> = BTreeMap::new();
        for (key, value) in form.pairs() {
            let Some((list, index, field)) = row_field(key) else {
                continue;
            };
            let value = value.clone();
            match (list, field) {
                ("needs", "area") => needs.entry(index).or_default().area = value,
                ("needs", "description") => needs.entry(index).or_default().description = value,
                ("actions", "area") => actions.entry(index).or_default().area = value,
                ("actions", "description") => actions.entry(index).or_default().description = value,
                ("actions", "responsible_organisation_id") => {
                    actions.entry(index).or_default().organisation = value;
                }
                ("actions", "due_date") => actions.entry(index).or_default().due_date = value,
                _ => {}
            }
        }
        let posted = (needs.len(), actions.len());
        let needs: Vec<_> = needs
            .into_values()
            .filter(|n| !n.description.trim().is_empty())
            .collect();
        let actions: Vec<_> = actions
            .into_values()
            .filter(|a| !a.description.trim().is_empty())
            .collect();
        let blank = (posted.0 - needs.len()).max(posted.1 - actions.len());
        Self {
            needs,
            actions,
            blank,
        }
    }

    /// The plan content, or every error found in the rows: the editor's own
    /// (a choice or a date that does not read) and the domain's (too long).
    fn input(&self) -> Result<PlanInput, Invalid> {
        let mut invalid = Invalid::new();
        let area = |invalid: &mut Invalid, field: &str, value: &str| {
            required_choice(invalid, field, value, "invalid_choice").unwrap_or(NeedArea::Training)
        };
        let needs: Vec<_> = self
            .needs
            .iter()
            .enumerate()
            .map(|(i, n)| NeedInput {
                area: area(&mut invalid, &format!("needs[{i}].area"), &n.area),
                description: n.description.clone(),
            })
            .collect();
        let actions: Vec<_> = self
            .actions
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let field = |name: &str| format!("actions[{i}].{name}");
                let organisation = required_choice(
                    &mut invalid,
                    &field("responsible_organisation_id"),
                    &a.organisation,
                    "unknown_organisation",
                );
                ActionInput {
                    area: area(&mut invalid, &field("area"), &a.area),
                    description: a.description.clone(),
                    responsible_organisation_id: organisation.unwrap_or(OrganisationId(uuid::Uuid::nil())),
                    due_date: date(&mut invalid, &field("due_date"), &a.due_date),
                }
            })
            .collect();
        let input = PlanInput { needs, actions };
        if let Err(domain) = PlanContent::parse(&input) {
            invalid.errors.extend(domain.errors);
        }
        // In the order of the form: row by row, field by field.
        invalid.errors.sort_by_key(|e| form_order(&e.field));
        invalid.into_result(input)
    }
}

/// Where a row field comes in the editor, for the error summary.
fn form_order(field: &str) -> (usize, usize, usize) {
    let Some((list, index, name)) = row_field(field) else {
        return (0, 0, 0);
    };
    let list = usize::from(list == "actions");
    let name = ["area", "description", "responsible_organisation_id", "due_date"]
        .iter()
        .position(|n| *n == name)
        .unwrap_or(4);
    (list, index, name)
}

/// A row of the editor: its fields with what they hold and their messages.
struct NeedRow {
    index: usize,
    area: Field,
    description: Field,
}

struct ActionRow {
    index: usize,
    area: Field,
    description: Field,
    organisation: Field,
    due_date: Field,
}

#[derive(Template)]
#[template(path = "plans/edit.html")]
struct EditPage {
    chrome: Chrome,
    title: String,
    header: CaseHeader,
    /// Which version saving writes, in words.
    note: String,
    needs: Vec<NeedRow>,
    actions: Vec<ActionRow>,
    areas: Vec<Choice>,
    organisations: Vec<Choice>,
    refused: Refused,
}

/// "Need 3 – Description" for the error summary of the editor.
fn row_label(lang: Lang) -> impl Fn(&str) -> Option<String> {
    move |field: &str| {
        let (list, index, name) = row_field(field)?;
        let row = match list {
            "needs" => lang.t1("plans-need-n", "n", index + 1),
            "actions" => lang.t1("plans-action-n", "n", index + 1),
            _ => return None,
        };
        Some(format!("{row}, {}", lang.t(&format!("plans-field-{name}"))))
    }
}

async fn edit(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let params = FormData::query(query.as_deref());
    let chrome = chrome_for(&page, &format!("/cases/{id}/plan/edit"), query.as_deref());
    let id = match parse_id(&id) {
        Ok(id) => id,
        Err(error) => return error_page(chrome, error),
    };
    let blank = params
        .get("blank")
        .parse()
        .unwrap_or(BLANK_ROWS)
        .clamp(BLANK_ROWS, MAX_BLANK_ROWS);
    editor_page(
        &state,
        &page.user,
        chrome,
        id,
        None,
        blank,
        Refused::none(),
        StatusCode::OK,
    )
    .await
}

/// The editor, with the saved content (`rows` = None) or what was posted.
#[allow(clippy::too_many_arguments)]
async fn editor_page(
    state: &AppState,
    user: &User,
    chrome: Chrome,
    id: CaseId,
    rows: Option<Rows>,
    blank: usize,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let file = match state.app.case(user, id).await {
        Ok(file) => file,
        Err(error) => return error_page(chrome, error),
    };
    if !file.can.edit_plan {
        let error = if file.case.case_manager_id == Some(user.id) {
            AppError::conflict("plan_not_editable_now")
        } else {
            AppError::Forbidden
        };
        return error_page(chrome, error);
    }
    let current = match state.app.plan(user, id).await {
        Ok(plans) => plans.current,
        Err(error) => return error_page(chrome, error),
    };
    let lang = chrome.lang;
    let note = match &current {
        Some(plan) if plan.status == PlanStatus::Draft => {
            lang.t1("plans-edit-draft", "version", plan.version)
        }
        Some(plan) => lang.t1("plans-edit-new-version", "version", plan.version + 1),
        None => lang.t("plans-edit-first"),
    };
    let rows = rows.unwrap_or_else(|| Rows::from_plan(current.as_ref()));
    // What was posted is shown again as it was; the saved content as saved.
    let field = |name: String, value: &str| {
        Field::new(&field_id("plan", &name), &name, value).with_error(refused.error("plan", &name))
    };
    let needs = rows
        .needs
        .into_iter()
        .chain(std::iter::repeat_with(NeedFields::default).take(blank))
        .enumerate()
        .map(|(index, row)| NeedRow {
            index,
            area: field(format!("needs[{index}].area"), &row.area),
            description: field(format!("needs[{index}].description"), &row.description),
        })
        .collect();
    let actions = rows
        .actions
        .into_iter()
        .chain(std::iter::repeat_with(ActionFields::default).take(blank))
        .enumerate()
        .map(|(index, row)| {
            let name = |field: &str| format!("actions[{index}].{field}");
            ActionRow {
                index,
                area: field(name("area"), &row.area),
                description: field(name("description"), &row.description),
                organisation: field(name("responsible_organisation_id"), &row.organisation),
                due_date: field(name("due_date"), &row.due_date),
            }
        })
        .collect();
    let page = EditPage {
        title: chrome.t("plans-edit-title"),
        header: CaseHeader::of(&file),
        note,
        needs,
        actions,
        areas: vocabulary(lang, "need_area", NeedArea::all().map(NeedArea::as_str)),
        organisations: organisation_choices(&organisations(state, user, file.case.region).await),
        refused,
        chrome,
    };
    render_with(status, page)
}

async fn save(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let chrome = Chrome::new(&page, &format!("/cases/{id}/plan/edit"));
    let id: CaseId = match parse_id(&id) {
        Ok(id) => id,
        Err(error) => return error_page(chrome, error),
    };
    let more = form.get("more") == "1";
    let rows = Rows::parse(&form);
    let blank = (rows.blank + if more { BLANK_ROWS } else { 0 }).clamp(BLANK_ROWS, MAX_BLANK_ROWS);
    let result = match rows.input() {
        Ok(input) => state.app.save_plan(&page.user, id, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    let error = match result {
        Ok(_) if more => return done(&format!("/cases/{id}/plan/edit?blank={blank}"), "plan-saved"),
        Ok(_) => return done(&format!("/cases/{id}/plan"), "plan-saved"),
        Err(error) => error,
    };
    let lang = chrome.lang;
    match Refused::from_error(lang, "plan", form, error, row_label(lang)) {
        Ok((refused, status)) => {
            editor_page(&state, &page.user, chrome, id, Some(rows), blank, refused, status).await
        }
        Err(error) => error_page(chrome, error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(body: &str) -> Rows {
        Rows::parse(&FormData::parse(body.as_bytes()))
    }

    #[test]
    fn row_fields_are_read_by_index() {
        assert_eq!(
            row_field("actions[12].due_date"),
            Some(("actions", 12, "due_date"))
        );
        assert_eq!(row_field("needs[x].area"), None);
        assert_eq!(row_field("csrf"), None);
    }

    #[test]
    fn rows_without_a_description_are_ignored() {
        let parsed = rows(
            "needs[0].area=work&needs[0].description=Contratto&needs[1].area=&needs[1].description=+\
             &actions[3].area=housing&actions[3].description=Posto+letto&actions[3].responsible_organisation_id=x\
             &actions[0].area=&actions[0].description=",
        );
        assert_eq!(parsed.needs.len(), 1);
        assert_eq!(parsed.actions.len(), 1);
        assert_eq!(parsed.actions[0].description, "Posto letto");
        assert_eq!(parsed.blank, 1);
    }

    #[test]
    fn bad_rows_name_their_fields() {
        let org = OrganisationId::new();
        let parsed = rows(&format!(
            "needs[0].area=nowhere&needs[0].description=x\
             &actions[0].area=work&actions[0].description=ok&actions[0].responsible_organisation_id={org}&actions[0].due_date=2026-09-30\
             &actions[1].area=&actions[1].description=y&actions[1].responsible_organisation_id=&actions[1].due_date=31/02/2026"
        ));
        let fields: Vec<_> = parsed
            .input()
            .unwrap_err()
            .errors
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "needs[0].area",
                "actions[1].area",
                "actions[1].responsible_organisation_id",
                "actions[1].due_date"
            ]
        );
    }

    #[test]
    fn good_rows_make_the_plan() {
        let org = OrganisationId::new();
        let input = rows(&format!(
            "actions[0].area=work&actions[0].description=Tirocinio&actions[0].responsible_organisation_id={org}\
             &actions[0].due_date=30/09/2026"
        ))
        .input()
        .unwrap();
        assert_eq!(input.actions[0].responsible_organisation_id, org);
        assert_eq!(input.actions[0].due_date, NaiveDate::from_ymd_opt(2026, 9, 30));
        assert!(input.needs.is_empty());
    }

    #[test]
    fn the_summary_names_the_row() {
        let label = row_label(Lang::It)("actions[2].description").unwrap();
        assert!(label.contains('3'), "{label}");
        assert_eq!(row_label(Lang::It)("needs"), None);
    }
}
