//! Identity and stay documents on the person's page (list, add form, edit
//! and removal), and the page of the permit-expiry reminders the user
//! handles. The add form of the person's page posts here; when refused, it
//! comes back as a page of its own with what was typed and the messages.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use chrono::{NaiveDate, Utc};
use soleil_app::{AppError, AppResult, Operation, policy};
use soleil_domain::document::NewDocument;
use soleil_domain::{
    Document, DocumentId, DocumentInput, DocumentKind, Invalid, PermitType, PersonId, ReminderId, Role,
};
use soleil_store::documents::ReminderView;

use super::form::{
    Choice, ErrorSummary, Field, FormData, PathText, SummaryItem, add_missing, choice, chrome_for, date,
    iso_date, optional, path_id, vocabulary,
};
use super::time::date_text;
use super::{Chrome, FormErrors, done, error_page, render, render_with};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/persons/{id}/documents", post(add))
        .route("/persons/{id}/documents/new", get(new_form))
        .route("/documents/{id}/edit", get(edit_form).post(update))
        .route("/documents/{id}/remove", post(remove))
        .route("/reminders", get(reminders))
        .route("/reminders/{id}/done", post(complete))
}

/// The fields of the document form, in their order.
const FIELDS: [&str; 7] = [
    "kind",
    "permit_type",
    "number",
    "issued_by",
    "issued_on",
    "expires_on",
    "notes",
];

/// Days before an expiry from which a document's badge warns.
const WARN_DAYS: i64 = 60;

// ---------------------------------------------------------------------------
// The form

/// The document form, as typed.
#[derive(Default)]
struct DocumentForm {
    kind: String,
    permit_type: String,
    number: String,
    issued_by: String,
    issued_on: String,
    expires_on: String,
    notes: String,
}

impl DocumentForm {
    fn read(form: &FormData) -> Self {
        Self {
            kind: form.text("kind"),
            permit_type: form.text("permit_type"),
            number: form.text("number"),
            issued_by: form.text("issued_by"),
            issued_on: iso_date(form.text("issued_on")),
            expires_on: iso_date(form.text("expires_on")),
            notes: form.text("notes"),
        }
    }

    /// The form filled in with a saved document, for its edit.
    fn of(document: &Document) -> Self {
        let day = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
        Self {
            kind: document.kind.as_str().to_owned(),
            permit_type: document
                .permit_type
                .map(|t| t.as_str().to_owned())
                .unwrap_or_default(),
            number: document.number.clone().unwrap_or_default(),
            issued_by: document.issued_by.clone().unwrap_or_default(),
            issued_on: day(document.issued_on),
            expires_on: day(document.expires_on),
            notes: document.notes.clone().unwrap_or_default(),
        }
    }

    /// The input as the use case takes it, or every error found: the form's
    /// own (a choice or a date that does not parse) and the domain's.
    fn checked_input(&self) -> Result<DocumentInput, Invalid> {
        let mut invalid = Invalid::new();
        let kind = choice(&mut invalid, "kind", &self.kind);
        // The select of permit types stays in the form whatever the kind
        // (it hides only where the browser can): it counts for permits only.
        let permit_type = match kind {
            Some(DocumentKind::ResidencePermit) | None => {
                choice(&mut invalid, "permit_type", &self.permit_type)
            }
            Some(_) => None,
        };
        let input = DocumentInput {
            kind,
            permit_type,
            number: optional(&self.number),
            issued_by: optional(&self.issued_by),
            issued_on: date(&mut invalid, "issued_on", &self.issued_on),
            expires_on: date(&mut invalid, "expires_on", &self.expires_on),
            notes: optional(&self.notes),
        };
        if invalid.is_empty() {
            return Ok(input);
        }
        add_missing(&mut invalid, NewDocument::parse(&input, Utc::now().date_naive()));
        Err(invalid)
    }

    fn value(&self, name: &str) -> &str {
        match name {
            "kind" => &self.kind,
            "permit_type" => &self.permit_type,
            "number" => &self.number,
            "issued_by" => &self.issued_by,
            "issued_on" => &self.issued_on,
            "expires_on" => &self.expires_on,
            "notes" => &self.notes,
            _ => "",
        }
    }
}

/// The document form with its messages, as the templates show it. Field
/// ids start with `document-`, so the form can sit in the person's page.
pub struct DocumentFormView {
    form: DocumentForm,
    errors: FormErrors,
    pub action: String,
}

impl DocumentFormView {
    fn new(form: DocumentForm, errors: FormErrors, action: String) -> Self {
        let errors = super::form::in_form_order(errors, &FIELDS);
        Self { form, errors, action }
    }

    pub fn field(&self, name: &str) -> Field {
        Field::new(&format!("document-{name}"), name, self.form.value(name)).with_error(self.errors.get(name))
    }

    pub fn summary(&self) -> Option<ErrorSummary> {
        self.errors.any().then(|| ErrorSummary {
            id: "document-errors".to_owned(),
            heading: true,
            title: self.errors.lang.t("intake-errors-title"),
            problem: None,
            items: self
                .errors
                .all()
                .into_iter()
                .map(|(field, text)| SummaryItem {
                    href: format!("#document-{field}"),
                    text,
                })
                .collect(),
        })
    }

    pub fn kinds(&self) -> Vec<Choice> {
        vocabulary(
            self.errors.lang,
            "document_kind",
            DocumentKind::all().map(DocumentKind::as_str),
        )
    }

    pub fn permit_types(&self) -> Vec<Choice> {
        let lang = self.errors.lang;
        PermitType::in_form_order()
            .map(|t| Choice::new(t.as_str(), lang.label("permit_type", t.as_str())))
            .collect()
    }
}

// ---------------------------------------------------------------------------
// The section of the person's page

/// One document as the person's page shows it.
pub struct DocumentRow {
    pub heading: String,
    pub facts: Vec<(String, String)>,
    /// The expiry badge: its class and words.
    pub badge: Option<(&'static str, String)>,
    pub edit_href: String,
    pub remove_action: String,
}

impl DocumentRow {
    fn new(lang: Lang, document: &Document, today: NaiveDate) -> Self {
        let kind = lang.label("document_kind", document.kind.as_str());
        let heading = match document.permit_type {
            Some(permit) => format!("{kind} – {}", lang.label("permit_type", permit.as_str())),
            None => kind,
        };
        let mut facts = Vec::new();
        let mut fact = |id: &str, value: Option<String>| {
            if let Some(value) = value {
                facts.push((lang.t(id), value));
            }
        };
        fact("documents-field-number", document.number.clone());
        fact("documents-field-issued_by", document.issued_by.clone());
        fact("documents-field-issued_on", document.issued_on.map(date_text));
        fact("documents-field-expires_on", document.expires_on.map(date_text));
        fact("documents-field-notes", document.notes.clone());
        Self {
            heading,
            facts,
            badge: document
                .days_left(today)
                .and_then(|days| expiry_badge(lang, days)),
            edit_href: format!("/documents/{}/edit", document.id),
            remove_action: format!("/documents/{}/remove", document.id),
        }
    }
}

/// "Expired", "expires today", "expires in N days" from two months ahead.
fn expiry_badge(lang: Lang, days_left: i64) -> Option<(&'static str, String)> {
    match days_left {
        ..0 => Some(("bg-danger", lang.t("documents-expired"))),
        0 => Some(("bg-danger", lang.t("documents-expires-today"))),
        1..=7 => Some(("bg-danger", lang.count("documents-expires-in", "days", days_left))),
        8..=WARN_DAYS => Some((
            "bg-warning text-dark",
            lang.count("documents-expires-in", "days", days_left),
        )),
        _ => None,
    }
}

/// The documents section of the person's page (`documents/person_section.html`).
pub struct DocumentsSection {
    pub rows: Vec<DocumentRow>,
    pub may_manage: bool,
    /// The add form, blank.
    pub form: DocumentFormView,
}

impl DocumentsSection {
    pub fn new(lang: Lang, person: PersonId, documents: &[Document], role: Role) -> Self {
        let today = Utc::now().date_naive();
        Self {
            rows: documents
                .iter()
                .map(|d| DocumentRow::new(lang, d, today))
                .collect(),
            may_manage: policy::permits(role, Operation::ManageDocuments),
            form: DocumentFormView::new(
                DocumentForm::default(),
                FormErrors::new(lang, Vec::new()),
                format!("/persons/{person}/documents"),
            ),
        }
    }
}

// ---------------------------------------------------------------------------
// The form as a page of its own: a new document, a refused one, an edit

#[derive(Template)]
#[template(path = "documents/form.html")]
struct DocumentPage {
    chrome: Chrome,
    title: String,
    /// The person's page, the way back; `/persons` when unknown.
    back: String,
    /// Carried by the form, so a refused edit still knows the way back.
    person_id: String,
    form: DocumentFormView,
}

fn document_page(
    chrome: Chrome,
    title_id: &str,
    person: Option<PersonId>,
    form: DocumentFormView,
    status: StatusCode,
) -> Response {
    let title = chrome.t(title_id);
    render_with(
        status,
        DocumentPage {
            chrome,
            title,
            back: person.map_or_else(|| "/persons".to_owned(), |id| format!("/persons/{id}")),
            person_id: person.map(|id| id.to_string()).unwrap_or_default(),
            form,
        },
    )
}

async fn new_form(page: PageUser, PathText(id): PathText) -> Response {
    let chrome = Chrome::new(&page, "/persons");
    let Some(id) = path_id::<PersonId>(&id) else {
        return error_page(chrome, AppError::NotFound("person"));
    };
    if !policy::permits(page.user.role, Operation::ManageDocuments) {
        return error_page(chrome, AppError::Forbidden);
    }
    let chrome = Chrome::new(&page, &format!("/persons/{id}/documents/new"));
    let form = DocumentFormView::new(
        DocumentForm::default(),
        FormErrors::new(chrome.lang, Vec::new()),
        format!("/persons/{id}/documents"),
    );
    document_page(chrome, "documents-add-title", Some(id), form, StatusCode::OK)
}

async fn add(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let chrome = Chrome::new(&page, "/persons");
    let Some(id) = path_id::<PersonId>(&id) else {
        return error_page(chrome, AppError::NotFound("person"));
    };
    let typed = DocumentForm::read(&form);
    let result = match typed.checked_input() {
        Ok(input) => state.app.add_document(&page.user, id, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    let action = format!("/persons/{id}/documents");
    let form_page = FormPage::new(action, Some(id), "documents-add-title");
    answer(chrome, result, typed, form_page, "document-added")
}

async fn edit_form(State(state): State<AppState>, page: PageUser, PathText(id): PathText) -> Response {
    let chrome = Chrome::new(&page, "/persons");
    let Some(id) = path_id::<DocumentId>(&id) else {
        return error_page(chrome, AppError::NotFound("document"));
    };
    if !policy::permits(page.user.role, Operation::ManageDocuments) {
        return error_page(chrome, AppError::Forbidden);
    }
    let chrome = Chrome::new(&page, &format!("/documents/{id}/edit"));
    match state.app.document(&page.user, id).await {
        Ok(document) => {
            let form = DocumentFormView::new(
                DocumentForm::of(&document),
                FormErrors::new(chrome.lang, Vec::new()),
                format!("/documents/{id}/edit"),
            );
            let person = Some(document.person_id);
            document_page(chrome, "documents-edit-title", person, form, StatusCode::OK)
        }
        Err(error) => error_page(chrome, error),
    }
}

async fn update(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let chrome = Chrome::new(&page, "/persons");
    let Some(id) = path_id::<DocumentId>(&id) else {
        return error_page(chrome, AppError::NotFound("document"));
    };
    let typed = DocumentForm::read(&form);
    let result = match typed.checked_input() {
        Ok(input) => state.app.update_document(&page.user, id, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    let person = path_id::<PersonId>(form.get("person_id"));
    let form_page = FormPage::new(format!("/documents/{id}/edit"), person, "documents-edit-title");
    answer(chrome, result, typed, form_page, "document-saved")
}

/// Where a document form posts, for which person, under which title.
struct FormPage {
    action: String,
    person: Option<PersonId>,
    title: &'static str,
}

impl FormPage {
    fn new(action: String, person: Option<PersonId>, title: &'static str) -> Self {
        Self {
            action,
            person,
            title,
        }
    }
}

/// Where a posted document form leads: back to the person with a notice;
/// the form again with what was typed and the messages; or the error page
/// for anything but invalid input.
fn answer(
    chrome: Chrome,
    result: AppResult<Document>,
    typed: DocumentForm,
    form_page: FormPage,
    notice: &str,
) -> Response {
    match result {
        Ok(document) => done(&format!("/persons/{}", document.person_id), notice),
        Err(AppError::Invalid(invalid)) => {
            let form = DocumentFormView::new(
                typed,
                FormErrors::new(chrome.lang, invalid.errors),
                form_page.action,
            );
            document_page(
                chrome,
                form_page.title,
                form_page.person,
                form,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(other) => error_page(chrome, other),
    }
}

async fn remove(State(state): State<AppState>, page: PageUser, PathText(id): PathText) -> Response {
    let chrome = Chrome::new(&page, "/persons");
    let Some(id) = path_id::<DocumentId>(&id) else {
        return error_page(chrome, AppError::NotFound("document"));
    };
    match state.app.remove_document(&page.user, id).await {
        Ok(document) => done(&format!("/persons/{}", document.person_id), "document-removed"),
        Err(error) => error_page(chrome, error),
    }
}

// ---------------------------------------------------------------------------
// Reminders

/// One open reminder as the list shows it.
struct ReminderRow {
    person: Option<(String, String)>,
    document: String,
    expires_on: String,
    days_left: String,
    urgent: bool,
    stage: String,
    assigned_to: String,
    done_action: String,
}

impl ReminderRow {
    fn new(lang: Lang, view: &ReminderView, today: NaiveDate) -> Self {
        let reminder = &view.reminder;
        let kind = lang.label("document_kind", view.kind.as_str());
        let document = match view.permit_type {
            Some(permit) => format!("{kind} – {}", lang.label("permit_type", permit.as_str())),
            None => kind,
        };
        let days = (reminder.expires_on - today).num_days();
        Self {
            person: view
                .person_name
                .clone()
                .map(|name| (name, format!("/persons/{}", reminder.person_id))),
            document,
            expires_on: date_text(reminder.expires_on),
            days_left: match days {
                ..0 => lang.count("documents-expired-since", "days", -days),
                0 => lang.t("documents-expires-today"),
                _ => lang.count("documents-days-left", "days", days),
            },
            urgent: days <= 7,
            stage: lang.label("reminder_stage", reminder.stage.as_str()),
            assigned_to: view
                .assigned_to_name
                .clone()
                .unwrap_or_else(|| lang.t("documents-unassigned")),
            done_action: format!("/reminders/{}/done", reminder.id),
        }
    }
}

#[derive(Template)]
#[template(path = "documents/reminders.html")]
struct RemindersPage {
    chrome: Chrome,
    title: String,
    rows: Vec<ReminderRow>,
    count: i64,
}

async fn reminders(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = chrome_for(&page, "/reminders", query.as_deref());
    match state.app.reminders(&page.user).await {
        Ok(list) => {
            let today = Utc::now().date_naive();
            render(RemindersPage {
                title: chrome.t("documents-reminders-title"),
                count: i64::try_from(list.len()).unwrap_or(i64::MAX),
                rows: list
                    .iter()
                    .map(|view| ReminderRow::new(chrome.lang, view, today))
                    .collect(),
                chrome,
            })
        }
        Err(error) => error_page(chrome, error),
    }
}

async fn complete(State(state): State<AppState>, page: PageUser, PathText(id): PathText) -> Response {
    let chrome = Chrome::new(&page, "/reminders");
    let Some(id) = path_id::<ReminderId>(&id) else {
        return error_page(chrome, AppError::NotFound("reminder"));
    };
    match state.app.complete_reminder(&page.user, id).await {
        Ok(_) => done("/reminders", "reminder-done"),
        Err(error) => error_page(chrome, error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_document_keeps_what_was_typed() {
        let data = FormData::parse(
            b"kind=residence_permit&number=ab123456&issued_on=01/05/2026&expires_on=2026-04-01",
        );
        let typed = DocumentForm::read(&data);
        // The form reads; the use case refuses it with the domain's rules.
        let input = typed.checked_input().unwrap();
        let invalid = NewDocument::parse(&input, Utc::now().date_naive()).unwrap_err();
        let codes: Vec<_> = invalid
            .errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            codes,
            [
                ("permit_type", "permit_type_required"),
                ("expires_on", "expiry_before_issue")
            ]
        );
        let chrome = Chrome::anonymous(Lang::It, "/persons");
        let form = DocumentFormView::new(typed, FormErrors::new(Lang::It, invalid.errors), "/x".into());
        let html = DocumentPage {
            title: chrome.t("documents-add-title"),
            chrome,
            back: "/persons".into(),
            person_id: String::new(),
            form,
        }
        .render()
        .unwrap();
        assert!(html.contains(r#"value="ab123456""#), "{html}");
        assert!(html.contains(r#"value="2026-05-01""#));
        assert!(html.contains(r##"href="#document-permit_type""##));
        assert!(html.contains(r#"<option value="residence_permit" selected>"#));
    }

    #[test]
    fn badges_warn_from_two_months_ahead() {
        assert_eq!(expiry_badge(Lang::En, 61), None);
        assert_eq!(
            expiry_badge(Lang::En, 60).map(|b| b.0),
            Some("bg-warning text-dark")
        );
        assert_eq!(expiry_badge(Lang::En, 7).map(|b| b.0), Some("bg-danger"));
        assert_eq!(
            expiry_badge(Lang::En, -1).map(|b| b.1),
            Some(Lang::En.t("documents-expired"))
        );
    }
}
