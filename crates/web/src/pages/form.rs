//! What the forms of every page share: reading a posted form or a query
//! string as text, turning its values into the use cases' types (choices,
//! dates, ids from the path), the options of selects, and what a refused
//! form shows again: each field with what was typed and its message, and
//! the summary at the top.
//!
//! Nothing the user types can make a request fail before the handler: a
//! value that does not parse is a field error like any other, and the form
//! comes back with what was typed. The templates' side is
//! `templates/partials/form.html`, whose macros take a [`Field`].

use std::collections::HashMap;
use std::str::FromStr;

use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use soleil_app::{AppError, Page};
use soleil_domain::{Invalid, Organisation, OrganisationId, RegionCode, Role, User};
use soleil_store::network::{OrganisationFilter, UserFilter};

use super::{Chrome, FormErrors, error_page, pager};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

// ---------------------------------------------------------------------------
// Reading

/// A posted form or a query string, as text pairs in order, without the
/// anti-forgery token. Reading it never fails on its content, so a bad
/// value is always answered with the form again, never a plain-text
/// rejection.
#[derive(Debug, Clone, Default)]
pub(super) struct FormData(Vec<(String, String)>);

impl FormData {
    pub(super) fn parse(bytes: &[u8]) -> Self {
        Self(
            form_urlencoded::parse(bytes)
                .into_owned()
                .filter(|(key, _)| key != crate::auth::CSRF_FIELD)
                .collect(),
        )
    }

    pub(super) fn query(query: Option<&str>) -> Self {
        Self::parse(query.unwrap_or_default().as_bytes())
    }

    /// The first value of a field, as typed; empty when absent.
    pub(super) fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map_or("", |(_, value)| value.as_str())
    }

    /// [`Self::get`], owned: what a form shows again.
    pub(super) fn text(&self, name: &str) -> String {
        self.get(name).to_owned()
    }

    /// The value trimmed; `None` when blank.
    pub(super) fn trimmed(&self, name: &str) -> Option<String> {
        Some(self.get(name).trim())
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    }

    /// Every value of a repeated field (checkboxes of one group).
    pub(super) fn values(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .collect()
    }

    /// Whether a checkbox was ticked, or a submit button with this name pressed.
    pub(super) fn checked(&self, name: &str) -> bool {
        self.0
            .iter()
            .any(|(key, value)| key == name && !value.is_empty() && value != "false")
    }

    pub(super) fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    /// A field of a form without messages (a filter), showing what was typed.
    pub(super) fn field(&self, id: &str, name: &str) -> Field {
        Field::new(id, name, self.get(name))
    }
}

impl<S: Send + Sync> FromRequest<S> for FormData {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Response> {
        let bytes = axum::body::Bytes::from_request(request, state)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(Self::parse(&bytes))
    }
}

/// The one parameter of a route's path, as typed. It never rejects a
/// request, so that a malformed id is the page of a record that does not
/// exist, in the user's language, rather than a plain-text 400.
pub(super) struct PathText(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathText {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let raw = Path::<String>::from_request_parts(parts, state).await;
        Ok(Self(raw.map(|Path(raw)| raw).unwrap_or_default()))
    }
}

/// An id from the path; `None` when it does not read.
pub(super) fn path_id<T: FromStr>(raw: &str) -> Option<T> {
    raw.trim().parse().ok()
}

/// An id from the path, or the page that does not exist.
pub(super) fn parse_id<T: FromStr>(raw: &str) -> Result<T, AppError> {
    path_id(raw).ok_or(AppError::NotFound("page"))
}

/// The frame of a page, with the confirmation a redirect asked for with
/// `?done=KEY`. `here` is what the language switch returns to.
pub(super) fn chrome_for(page: &PageUser, here: &str, query: Option<&str>) -> Chrome {
    let done = FormData::query(query).trimmed("done");
    Chrome::new(page, here).with_notice(done.as_deref())
}

/// [`chrome_for`] a list, whose filters and page the language switch keeps.
pub(super) fn list_chrome(page: &PageUser, path: &str, query: Option<&str>) -> Chrome {
    chrome_for(page, &pager::here(path, query), query)
}

// ---------------------------------------------------------------------------
// Values

/// Blank is absent; otherwise the text as typed (the domain trims and checks it).
pub(super) fn optional(value: &str) -> Option<String> {
    (!value.trim().is_empty()).then(|| value.to_owned())
}

/// A value of a closed vocabulary, from a select or radio group: blank is
/// `None`, and a value outside the vocabulary is an `invalid_choice` of
/// that field.
pub(super) fn choice<T: FromStr>(invalid: &mut Invalid, field: &str, value: &str) -> Option<T> {
    choice_or(invalid, field, value, "invalid_choice")
}

/// [`choice`], with the error code that explains a value outside the
/// choices (`not_a_case_manager`, `unknown_organisation`…).
pub(super) fn choice_or<T: FromStr>(
    invalid: &mut Invalid,
    field: &str,
    value: &str,
    code: &str,
) -> Option<T> {
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

/// A choice that must be made: blank is `required`, a value outside the
/// choices is `code`.
pub(super) fn required_choice<T: FromStr>(
    invalid: &mut Invalid,
    field: &str,
    value: &str,
    code: &str,
) -> Option<T> {
    if value.trim().is_empty() {
        invalid.add(field, "required");
        return None;
    }
    choice_or(invalid, field, value, code)
}

/// A filter of a list: a value outside the vocabulary filters nothing.
pub(super) fn filter_value<T: FromStr>(value: &str) -> Option<T> {
    value.trim().parse().ok()
}

/// A date from an `<input type="date">` (YYYY-MM-DD); also accepts the
/// dd/mm/yyyy a person types where the browser shows a plain text box.
/// Blank is no date; anything else is an `invalid_date` of the field.
pub(super) fn date(invalid: &mut Invalid, field: &str, value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let parsed = NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(value, "%d/%m/%Y"))
        .ok();
    if parsed.is_none() {
        invalid.add(field, "invalid_date");
    }
    parsed
}

/// A date as `<input type="date">` shows it again: a typed dd/mm/yyyy
/// becomes YYYY-MM-DD; anything else is kept as typed.
pub(super) fn iso_date(value: String) -> String {
    match date(&mut Invalid::new(), "", &value) {
        Some(day) => day.format("%Y-%m-%d").to_string(),
        None => value,
    }
}

/// What a date filter shows again: what was typed (a dd/mm/yyyy made
/// YYYY-MM-DD), or, when left blank, the day the page chose for it.
pub(super) fn date_filter_value(typed: String, chosen: Option<NaiveDate>) -> String {
    match chosen {
        Some(day) if typed.trim().is_empty() => day.format("%Y-%m-%d").to_string(),
        _ => iso_date(typed),
    }
}

/// Adds the errors a domain check found on fields that have none yet, so
/// one form shows the form's own errors and the domain's together.
pub(super) fn add_missing<T>(invalid: &mut Invalid, checked: Result<T, Invalid>) {
    if let Err(found) = checked {
        for error in found.errors {
            if !invalid.errors.iter().any(|e| e.field == error.field) {
                invalid.errors.push(error);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Fields and their messages

/// One field as a form shows it: its id in the page, its name in the post,
/// the value to show and its message. What the macros of
/// `partials/form.html` take.
pub(super) struct Field {
    pub id: String,
    pub name: String,
    pub value: String,
    pub error: Option<String>,
}

impl Field {
    /// A field without a message: a filter, or a form not posted yet.
    pub(super) fn new(id: &str, name: &str, value: &str) -> Self {
        Self {
            id: id.to_owned(),
            name: name.to_owned(),
            value: value.to_owned(),
            error: None,
        }
    }

    pub(super) fn with_error(self, error: Option<String>) -> Self {
        Self { error, ..self }
    }
}

/// The id of a form field in a page of several forms: `plan` +
/// `actions[2].due_date` gives `plan-actions-2-due_date`.
pub(super) fn field_id(form: &str, field: &str) -> String {
    format!(
        "{form}-{}",
        field.replace('[', "-").replace(']', "").replace('.', "-")
    )
}

/// One line of the error summary: a link to the field and its message.
pub(super) struct SummaryItem {
    pub href: String,
    pub text: String,
}

/// The box at the top of a refused form. A page that is one form titles it
/// with a heading; a form among several on a page (the case file, the
/// plan) has a line instead, and the box takes the focus it is linked to.
pub(super) struct ErrorSummary {
    pub id: String,
    pub heading: bool,
    pub title: String,
    /// A refusal in words that is not about one field.
    pub problem: Option<String>,
    pub items: Vec<SummaryItem>,
}

// The forms that are a page of their own (intake, admin) keep their field
// errors in the page's `FormErrors`, and the field id is the field name.
impl FormErrors {
    /// A field whose id is its name.
    pub(super) fn field(&self, name: &str, value: &str) -> Field {
        self.field_as(name, name, value)
    }

    /// A field whose id (and messages) differ from the name it is posted with.
    pub(super) fn field_as(&self, id: &str, name: &str, value: &str) -> Field {
        Field::new(id, name, value).with_error(self.get(id))
    }

    pub(super) fn summary(&self) -> Option<ErrorSummary> {
        self.any().then(|| ErrorSummary {
            id: "error-summary".to_owned(),
            heading: true,
            title: self.lang.t("intake-errors-title"),
            problem: None,
            items: self
                .all()
                .into_iter()
                .map(|(field, text)| SummaryItem {
                    href: format!("#{field}"),
                    text,
                })
                .collect(),
        })
    }
}

/// Puts the errors in the order of the form's fields, so the summary at the
/// top reads like the form; fields not named come last.
pub(super) fn in_form_order(mut errors: FormErrors, fields: &[&str]) -> FormErrors {
    errors
        .errors
        .sort_by_key(|e| fields.iter().position(|f| *f == e.field).unwrap_or(fields.len()));
    errors
}

/// The answer to a form that is a page of its own, when its use case
/// failed: the form again with its messages when the input was invalid,
/// the error page otherwise.
pub(super) fn form_failure(
    chrome: Chrome,
    error: AppError,
    show: impl FnOnce(Chrome, FormErrors) -> Response,
) -> Response {
    match error {
        AppError::Invalid(invalid) => {
            let errors = FormErrors::new(chrome.lang, invalid.errors);
            show(chrome, errors)
        }
        other => error_page(chrome, other),
    }
}

/// A form of a page with several (the case file, the plan) that was posted
/// and refused, shown again with what was typed: its values, its field
/// errors and a summary, or a refusal in words that is not about one field
/// (a conflict with the case's state). Field ids are `{form}-{field}`.
#[derive(Default)]
pub(super) struct Refused {
    pub form: String,
    values: FormData,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
    title: String,
    problem: Option<String>,
}

impl Refused {
    pub(super) fn none() -> Self {
        Self::default()
    }

    /// Field errors of `form`; `label` names a field for the summary.
    pub(super) fn invalid(
        lang: Lang,
        form: &str,
        values: FormData,
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
            title: lang.error("invalid_input"),
            problem: None,
        }
    }

    /// A refusal that concerns the whole form.
    pub(super) fn problem(form: &str, values: FormData, message: String) -> Self {
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
        values: FormData,
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

    /// Every value typed in a field of `form` (ticked checkboxes); none for
    /// the other forms.
    pub(super) fn values_of(&self, form: &str, field: &str) -> Vec<String> {
        if self.is(form) {
            self.values.values(field)
        } else {
            Vec::new()
        }
    }

    pub(super) fn error(&self, form: &str, field: &str) -> Option<String> {
        if self.is(form) {
            self.errors.get(field)
        } else {
            None
        }
    }

    /// A field of `form`, with what was typed in it if it is the refused one.
    pub(super) fn field(&self, form: &str, name: &str) -> Field {
        Field::new(&field_id(form, name), name, self.value(form, name)).with_error(self.error(form, name))
    }

    /// The summary of `form`, if it is the refused one.
    pub(super) fn summary(&self, form: &str) -> Option<ErrorSummary> {
        let shown = self.is(form) && (!self.summary.is_empty() || self.problem.is_some());
        shown.then(|| ErrorSummary {
            id: format!("{form}-errors"),
            heading: false,
            title: self.title.clone(),
            problem: self.problem.clone(),
            items: self
                .summary
                .iter()
                .map(|item| SummaryItem {
                    href: item.href.clone(),
                    text: item.text.clone(),
                })
                .collect(),
        })
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

// ---------------------------------------------------------------------------
// Choices

/// An option of a select or of a radio group. Which one is chosen is the
/// field's value, so a refused form keeps it.
pub(super) struct Choice {
    pub value: String,
    pub label: String,
    /// Words that explain the option, under it.
    pub help: Option<String>,
}

impl Choice {
    pub(super) fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            label: label.into(),
            help: None,
        }
    }
}

/// Options of a select, in groups (`<optgroup>`).
pub(super) struct ChoiceGroup {
    pub label: String,
    pub choices: Vec<Choice>,
}

/// One checkbox of a group: several may be ticked.
pub(super) struct Checkbox {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

/// The options of a closed vocabulary, labelled in the user's language.
pub(super) fn vocabulary<'a>(lang: Lang, name: &str, values: impl Iterator<Item = &'a str>) -> Vec<Choice> {
    values
        .map(|value| Choice::new(value, lang.label(name, value)))
        .collect()
}

/// The regions, by their names.
pub(super) fn region_choices() -> Vec<Choice> {
    RegionCode::all()
        .map(|region| Choice::new(region.as_str(), region.name()))
        .collect()
}

/// Rows read at once for a select: the largest page the store serves.
const FETCH_SIZE: u32 = 200;
/// Selects stop after this many pages of users or organisations.
const FETCH_PAGES: u32 = 10;

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
        .map(|o| Choice::new(o.id.to_string(), o.name.clone()))
        .collect()
}

pub(super) fn organisation_names(list: &[Organisation]) -> HashMap<OrganisationId, String> {
    list.iter().map(|o| (o.id, o.name.clone())).collect()
}

/// The active users of the caller's region with a role, by name. Empty when
/// the caller may not list users.
pub(super) async fn region_users(state: &AppState, user: &User, role: Role) -> Vec<User> {
    let filter = UserFilter {
        role: Some(role),
        ..UserFilter::default()
    };
    let mut all = all_pages("users", |page| state.app.users(user, &filter, page)).await;
    all.retain(|u| u.active);
    all
}

/// A user as an option: "Name (organisation)".
pub(super) fn user_choice(user: &User, organisations: &HashMap<OrganisationId, String>) -> Choice {
    let label = match user.organisation_id.and_then(|id| organisations.get(&id)) {
        Some(organisation) => format!("{} ({organisation})", user.display_name),
        None => user.display_name.clone(),
    };
    Choice::new(user.id.to_string(), label)
}

/// The case managers of the region, for the assessment and for leaving
/// the emergency response.
pub(super) async fn case_manager_choices(state: &AppState, user: &User, region: RegionCode) -> Vec<Choice> {
    let names = organisation_names(&organisations(state, user, region).await);
    region_users(state, user, Role::CaseManager)
        .await
        .iter()
        .map(|u| user_choice(u, &names))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(body: &str) -> FormData {
        FormData::parse(body.as_bytes())
    }

    #[test]
    fn posted_fields_are_read_without_the_token() {
        let posted = form("csrf=abc&note=+firmato+&to=closed&note=second&box=on&off=false");
        assert_eq!(posted.get("note"), " firmato ");
        assert_eq!(posted.text("note"), " firmato ");
        assert_eq!(posted.trimmed("note").as_deref(), Some("firmato"));
        assert_eq!(posted.values("note"), [" firmato ", "second"]);
        assert_eq!(posted.get("csrf"), "");
        assert_eq!(posted.trimmed("missing"), None);
        assert!(posted.checked("box") && !posted.checked("off") && !posted.checked("missing"));
    }

    #[test]
    fn choices_are_field_errors_with_their_code() {
        let mut invalid = Invalid::new();
        assert_eq!(choice::<Role>(&mut invalid, "role", " "), None);
        assert!(invalid.is_empty());
        assert_eq!(choice::<Role>(&mut invalid, "role", "admin"), Some(Role::Admin));
        assert_eq!(
            choice_or::<Role>(&mut invalid, "a", "x", "not_a_case_manager"),
            None
        );
        assert_eq!(
            required_choice::<Role>(&mut invalid, "b", "", "invalid_choice"),
            None
        );
        assert_eq!(
            required_choice::<Role>(&mut invalid, "c", "x", "invalid_choice"),
            None
        );
        let found: Vec<_> = invalid
            .errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("a", "not_a_case_manager"),
                ("b", "required"),
                ("c", "invalid_choice")
            ]
        );
        assert_eq!(filter_value::<Role>("nobody"), None);
    }

    #[test]
    fn a_typed_italian_date_is_understood() {
        let mut invalid = Invalid::new();
        assert_eq!(
            date(&mut invalid, "d", "12/03/1990"),
            NaiveDate::from_ymd_opt(1990, 3, 12)
        );
        assert_eq!(date(&mut invalid, "d", " "), None);
        assert!(invalid.is_empty());
        assert_eq!(date(&mut invalid, "d", "31/02/2026"), None);
        assert_eq!(invalid.errors[0].code, "invalid_date");
        assert_eq!(iso_date("12/03/1990".into()), "1990-03-12");
        assert_eq!(iso_date("soon".into()), "soon");
        let chosen = NaiveDate::from_ymd_opt(2026, 1, 1);
        assert_eq!(date_filter_value(" ".into(), chosen), "2026-01-01");
        assert_eq!(date_filter_value("02/01/2026".into(), chosen), "2026-01-02");
        assert_eq!(date_filter_value("soon".into(), None), "soon");
    }

    #[test]
    fn field_ids_are_plain() {
        assert_eq!(field_id("plan", "actions[2].due_date"), "plan-actions-2-due_date");
        assert_eq!(field_id("closed", "note"), "closed-note");
    }

    #[test]
    fn path_ids_that_do_not_read_are_pages_that_do_not_exist() {
        assert_eq!(path_id::<i32>(" 3 "), Some(3));
        assert!(matches!(parse_id::<i32>("x"), Err(AppError::NotFound("page"))));
    }

    #[test]
    fn a_refused_form_keeps_its_values_and_only_its_own() {
        let invalid = Invalid::single("note", "required");
        let refused = Refused::invalid(Lang::En, "closed", form("note=typed"), invalid, |_| None);
        let field = refused.field("closed", "note");
        assert_eq!(
            (field.id.as_str(), field.value.as_str()),
            ("closed-note", "typed")
        );
        assert!(field.error.is_some());
        assert!(refused.field("team", "note").error.is_none());
        let summary = refused.summary("closed").unwrap();
        assert_eq!(summary.items[0].href, "#closed-note");
        assert!(refused.summary("team").is_none());
    }
}
