//! Phase 1, emersione: the front-line operator's first contact, the list of
//! persons, a person's file, and the screenings added to it.
//!
//! Forms are read as text ([`FormData`]) and turned into the use cases'
//! inputs here, with the helpers of [`super::form`]: a date or a choice
//! that does not parse is a field error like any other, and the form comes
//! back with what was typed.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use chrono::Utc;
use soleil_app::intake::{ContactInput, PersonFile, ScreeningInput};
use soleil_app::{AppError, Operation, policy};
use soleil_domain::{
    ContactChannel, DeclaredLegalStatus, FirstProfile, FirstProfileInput, Invalid, NewPerson, Person,
    PersonId, PersonInput, Priority, Screening, ScreeningId, ScreeningStatus, Sex, UrgentNeeds, WorkSector,
};

use super::explain::{ScreeningResult, Versions};
use super::form::{
    Checkbox, Choice, FormData, PathText, add_missing, choice, date, form_failure, in_form_order, iso_date,
    list_chrome, optional, path_id, vocabulary,
};
use super::identity::{MatchesView, merged_redirect};
use super::pager::Pager;
use super::sheet::{SheetForm, SheetView};
use super::time::{date_text, day_text, time_text};
use super::{Chrome, FormErrors, done, error_page, render, render_with};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/contacts/new", get(contact_form).post(record_contact))
        .route("/persons", get(persons))
        .route("/persons/{id}", get(person))
        .route(
            "/persons/{id}/screenings/new",
            get(new_screening_form).post(create_screening),
        )
        .route(
            "/screenings/{id}/edit",
            get(edit_screening_form).post(update_screening),
        )
        .route("/screenings/{id}/send", post(send_screening))
}

const PERSONS_PER_PAGE: u32 = 25;

/// The fields of the person's part of the contact form, in their order.
const PERSON_FIELDS: [&str; 10] = [
    "anonymous",
    "alias",
    "given_name",
    "surname",
    "sex",
    "date_of_birth",
    "place_of_birth",
    "nationality",
    "codice_fiscale",
    "phone",
];

/// The fields of the first profile, in their order.
const PROFILE_FIELDS: [&str; 7] = [
    "contact_channel",
    "work_place",
    "sector",
    "legal_status",
    "languages",
    "consent_to_referral",
    "notes",
];

/// Languages offered as checkboxes: those most often met by the network.
const COMMON_LANGUAGES: [&str; 12] = [
    "it", "en", "fr", "ar", "pa", "hi", "ur", "bn", "wo", "ro", "sq", "uk",
];

/// The label of a language code: a name for the common ones, the code otherwise.
fn language_label(lang: Lang, code: &str) -> String {
    if COMMON_LANGUAGES.contains(&code) {
        lang.label("intake-language", code)
    } else {
        code.to_owned()
    }
}

// ---------------------------------------------------------------------------
// The forms.

/// The person's part of the first-contact form, as typed.
#[derive(Default)]
struct PersonForm {
    anonymous: bool,
    alias: String,
    given_name: String,
    surname: String,
    sex: String,
    date_of_birth: String,
    nationality: String,
    phone: String,
    codice_fiscale: String,
    place_of_birth: String,
}

impl PersonForm {
    fn read(form: &FormData) -> Self {
        Self {
            anonymous: form.checked("anonymous"),
            alias: form.text("alias"),
            given_name: form.text("given_name"),
            surname: form.text("surname"),
            sex: form.text("sex"),
            date_of_birth: iso_date(form.text("date_of_birth")),
            nationality: form.text("nationality"),
            phone: form.text("phone"),
            codice_fiscale: form.text("codice_fiscale"),
            place_of_birth: form.text("place_of_birth"),
        }
    }

    fn input(&self, invalid: &mut Invalid) -> PersonInput {
        PersonInput {
            anonymous: self.anonymous,
            given_name: optional(&self.given_name),
            surname: optional(&self.surname),
            alias: optional(&self.alias),
            sex: choice::<Sex>(invalid, "sex", &self.sex),
            date_of_birth: date(invalid, "date_of_birth", &self.date_of_birth),
            nationality: optional(&self.nationality),
            phone: optional(&self.phone),
            codice_fiscale: optional(&self.codice_fiscale),
            place_of_birth: optional(&self.place_of_birth),
        }
    }

    fn sexes(&self, lang: &Lang) -> Vec<Choice> {
        vocabulary(*lang, "sex", Sex::all().map(Sex::as_str))
    }
}

/// The first-profiling facts, as typed: one form part for the first
/// contact, a new screening and the edit of a draft.
#[derive(Default)]
struct ProfileForm {
    contact_channel: String,
    work_place: String,
    sector: String,
    legal_status: String,
    urgent: UrgentNeeds,
    /// The common languages ticked.
    languages: Vec<String>,
    /// Other ISO 639 codes, separated by commas or spaces.
    other_languages: String,
    consent_to_referral: bool,
    notes: String,
    sheet: SheetForm,
}

impl ProfileForm {
    /// The form of a new screening, with the first instrument's questions.
    fn blank() -> Self {
        Self {
            sheet: SheetForm::new(),
            ..Self::default()
        }
    }

    fn read(form: &FormData) -> Self {
        Self {
            contact_channel: form.text("contact_channel"),
            work_place: form.text("work_place"),
            sector: form.text("sector"),
            legal_status: form.text("legal_status"),
            urgent: UrgentNeeds {
                danger: form.checked("danger"),
                health: form.checked("health"),
                no_shelter: form.checked("no_shelter"),
                minors: form.checked("minors"),
            },
            languages: form
                .values("languages")
                .into_iter()
                .filter(|code| COMMON_LANGUAGES.contains(&code.as_str()))
                .collect(),
            other_languages: form.text("other_languages"),
            consent_to_referral: form.checked("consent_to_referral"),
            notes: form.text("notes"),
            sheet: SheetForm::read(form),
        }
    }

    /// The form filled in with a saved screening, for its edit.
    fn of(profile: &FirstProfile) -> Self {
        let (common, other): (Vec<String>, Vec<String>) = profile
            .languages
            .iter()
            .cloned()
            .partition(|code| COMMON_LANGUAGES.contains(&code.as_str()));
        Self {
            contact_channel: profile.contact_channel.as_str().to_owned(),
            work_place: profile.work_place.clone().unwrap_or_default(),
            sector: profile.sector.as_str().to_owned(),
            legal_status: profile.legal_status.as_str().to_owned(),
            urgent: profile.urgent,
            languages: common,
            other_languages: other.join(", "),
            consent_to_referral: profile.consent_to_referral,
            notes: profile.notes.clone().unwrap_or_default(),
            sheet: SheetForm::of(&profile.indicators),
        }
    }

    fn input(&self, invalid: &mut Invalid) -> FirstProfileInput {
        let other = self
            .other_languages
            .split([',', ';', ' '])
            .filter(|code| !code.trim().is_empty())
            .map(str::to_owned);
        FirstProfileInput {
            contact_channel: choice(invalid, "contact_channel", &self.contact_channel),
            work_place: optional(&self.work_place),
            sector: choice(invalid, "sector", &self.sector),
            legal_status: choice(invalid, "legal_status", &self.legal_status),
            urgent: self.urgent,
            languages: self.languages.iter().cloned().chain(other).collect(),
            consent_to_referral: self.consent_to_referral,
            notes: optional(&self.notes),
            indicators: self.sheet.input(invalid),
        }
    }

    /// The facts as the use case takes them, or every error found: the
    /// form's own (a choice that does not parse) and the domain's.
    fn checked_input(&self) -> Result<FirstProfileInput, Invalid> {
        let mut invalid = Invalid::new();
        let input = self.input(&mut invalid);
        if invalid.is_empty() {
            return Ok(input);
        }
        add_missing(&mut invalid, FirstProfile::parse(&input));
        Err(invalid)
    }

    // The options of the selects; which one is chosen is the field's value.

    fn channels(&self, lang: &Lang) -> Vec<Choice> {
        vocabulary(
            *lang,
            "contact_channel",
            ContactChannel::all().map(ContactChannel::as_str),
        )
    }

    fn sectors(&self, lang: &Lang) -> Vec<Choice> {
        vocabulary(*lang, "work_sector", WorkSector::all().map(WorkSector::as_str))
    }

    fn legal_statuses(&self, lang: &Lang) -> Vec<Choice> {
        let values = DeclaredLegalStatus::all().map(DeclaredLegalStatus::as_str);
        vocabulary(*lang, "declared_legal_status", values)
    }

    fn urgent_needs(&self, lang: &Lang) -> Vec<Checkbox> {
        let urgent = self.urgent;
        [
            ("danger", urgent.danger),
            ("health", urgent.health),
            ("no_shelter", urgent.no_shelter),
            ("minors", urgent.minors),
        ]
        .into_iter()
        .map(|(value, checked)| Checkbox {
            value: value.to_owned(),
            label: lang.label("intake-urgent", value),
            checked,
        })
        .collect()
    }

    fn language_choices(&self, lang: &Lang) -> Vec<Checkbox> {
        COMMON_LANGUAGES
            .into_iter()
            .map(|code| Checkbox {
                value: code.to_owned(),
                label: language_label(*lang, code),
                checked: self.languages.iter().any(|c| c == code),
            })
            .collect()
    }
}

/// The first-contact form: the person and the first profile.
#[derive(Default)]
struct ContactForm {
    person: PersonForm,
    profile: ProfileForm,
    /// None of the possible matches shown is the person: record a new one.
    confirm_new_person: bool,
}

impl ContactForm {
    fn read(form: &FormData) -> Self {
        Self {
            person: PersonForm::read(form),
            profile: ProfileForm::read(form),
            confirm_new_person: form.checked("confirm_new_person"),
        }
    }

    /// The contact as the use case takes it, or every error found in it.
    fn checked_input(&self, send: bool) -> Result<ContactInput, Invalid> {
        let mut invalid = Invalid::new();
        let person = self.person.input(&mut invalid);
        let screening = self.profile.input(&mut invalid);
        if invalid.is_empty() {
            return Ok(ContactInput {
                person,
                screening,
                send,
                confirm_new_person: self.confirm_new_person,
            });
        }
        add_missing(&mut invalid, NewPerson::parse(&person, Utc::now().date_naive()));
        add_missing(&mut invalid, FirstProfile::parse(&screening));
        Err(invalid)
    }
}

// ---------------------------------------------------------------------------
// New contact.

#[derive(Template)]
#[template(path = "intake/contact.html")]
struct ContactPage {
    chrome: Chrome,
    title: String,
    person: PersonForm,
    profile: ProfileForm,
    sheet: SheetView,
    errors: FormErrors,
    /// Persons already recorded who may be this one, before recording.
    matches: MatchesView,
}

fn contact_page(
    chrome: Chrome,
    form: ContactForm,
    sheet: SheetView,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    contact_page_with_matches(chrome, form, sheet, errors, MatchesView::default(), status)
}

fn contact_page_with_matches(
    chrome: Chrome,
    form: ContactForm,
    sheet: SheetView,
    errors: FormErrors,
    matches: MatchesView,
    status: StatusCode,
) -> Response {
    let title = chrome.t("intake-contact-title");
    let errors = in_form_order(errors, &[PERSON_FIELDS.as_slice(), &PROFILE_FIELDS].concat());
    let ContactForm { person, profile, .. } = form;
    render_with(
        status,
        ContactPage {
            chrome,
            title,
            person,
            profile,
            sheet,
            errors,
            matches,
        },
    )
}

async fn contact_form(State(state): State<AppState>, page: PageUser) -> Response {
    let chrome = Chrome::new(&page, "/contacts/new");
    if !policy::permits(page.user.role, Operation::CreatePerson) {
        return error_page(chrome, AppError::Forbidden);
    }
    let errors = FormErrors::new(chrome.lang, Vec::new());
    let form = ContactForm {
        profile: ProfileForm::blank(),
        ..ContactForm::default()
    };
    let sheet = SheetView::load(&state.app, chrome.lang, &form.profile.sheet).await;
    contact_page(chrome, form, sheet, errors, StatusCode::OK)
}

async fn record_contact(State(state): State<AppState>, page: PageUser, form: FormData) -> Response {
    let chrome = Chrome::new(&page, "/contacts/new");
    let send = form.checked("send");
    let contact = ContactForm::read(&form);
    let sheet = SheetView::load(&state.app, chrome.lang, &contact.profile.sheet).await;
    if contact.profile.sheet.switched() {
        let chrome = chrome.with_notice(Some("instrument-switched"));
        let errors = FormErrors::new(chrome.lang, Vec::new());
        return contact_page(chrome, contact, sheet, errors, StatusCode::OK);
    }
    let result = match contact.checked_input(send) {
        Ok(input) => state.app.record_contact_with_report(&page.user, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(recorded) => {
            let key = match (send, recorded.secretariat_will_reconcile) {
                (true, false) => "sent",
                (false, false) => "saved",
                (true, true) => "sent-reconcile",
                (false, true) => "saved-reconcile",
            };
            done(&format!("/persons/{}", recorded.person.id), key)
        }
        Err(AppError::PossibleDuplicates(report)) => {
            // The matches sit by the buttons; the notice at the top says so.
            let chrome = chrome.with_warning("possible-duplicates");
            let matches = MatchesView::new(chrome.lang, &report);
            let errors = FormErrors::new(chrome.lang, Vec::new());
            contact_page_with_matches(chrome, contact, sheet, errors, matches, StatusCode::CONFLICT)
        }
        Err(error) => form_failure(chrome, error, |chrome, errors| {
            contact_page(chrome, contact, sheet, errors, StatusCode::UNPROCESSABLE_ENTITY)
        }),
    }
}

// ---------------------------------------------------------------------------
// Persons.

/// A line of the list of persons.
struct PersonRow {
    href: String,
    name: String,
    anonymous: bool,
    nationality: String,
    recorded_on: String,
}

impl From<&Person> for PersonRow {
    fn from(person: &Person) -> Self {
        Self {
            href: format!("/persons/{}", person.id),
            name: person.display_name(),
            anonymous: person.anonymous,
            nationality: person.nationality.clone().unwrap_or_default(),
            recorded_on: day_text(person.created_at),
        }
    }
}

#[derive(Template)]
#[template(path = "intake/persons.html")]
struct PersonsPage {
    chrome: Chrome,
    title: String,
    /// The search, as typed.
    filters: FormData,
    rows: Vec<PersonRow>,
    pager: Pager,
    may_add: bool,
}

async fn persons(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = list_chrome(&page, "/persons", query.as_deref());
    let filters = FormData::query(query.as_deref());
    let paging = Pager::requested(query.as_deref(), PERSONS_PER_PAGE);
    let search = optional(filters.get("q"));
    match state.app.persons(&page.user, search.as_deref(), paging).await {
        Ok((list, total)) => render(PersonsPage {
            title: chrome.t("intake-persons-title"),
            pager: Pager::new(chrome.lang, "/persons", query.as_deref(), paging, total),
            rows: list.iter().map(PersonRow::from).collect(),
            may_add: policy::permits(page.user.role, Operation::CreatePerson),
            filters,
            chrome,
        }),
        Err(error) => error_page(chrome, error),
    }
}

/// A screening as the person's file shows it.
struct ScreeningView {
    draft: bool,
    heading: String,
    status: String,
    priority: String,
    priority_class: &'static str,
    facts: Vec<(String, String)>,
    urgent: Vec<String>,
    notes: Option<String>,
    edit_href: String,
    send_action: String,
    case_href: Option<String>,
    result: Option<ScreeningResult>,
}

impl ScreeningView {
    fn new(lang: Lang, screening: &Screening, versions: &Versions) -> Self {
        let profile = &screening.profile;
        let yes_no = |value: bool| lang.t(if value { "yes" } else { "no" });
        let languages = profile
            .languages
            .iter()
            .map(|code| language_label(lang, code))
            .collect::<Vec<_>>()
            .join(", ");
        let mut facts = vec![
            (
                lang.t("intake-contact_channel"),
                lang.label("contact_channel", profile.contact_channel.as_str()),
            ),
            (
                lang.t("intake-work_place"),
                profile.work_place.clone().unwrap_or_else(|| "—".to_owned()),
            ),
            (
                lang.t("intake-sector"),
                lang.label("work_sector", profile.sector.as_str()),
            ),
            (
                lang.t("intake-legal_status"),
                lang.label("declared_legal_status", profile.legal_status.as_str()),
            ),
            (
                lang.t("intake-languages"),
                if languages.is_empty() {
                    "—".to_owned()
                } else {
                    languages
                },
            ),
            (
                lang.t("intake-consent_to_referral"),
                yes_no(profile.consent_to_referral),
            ),
        ];
        if let Some(sent) = screening.sent_at {
            facts.push((lang.t("intake-sent-on"), day_text(sent)));
        }
        let urgent = [
            ("danger", profile.urgent.danger),
            ("health", profile.urgent.health),
            ("no_shelter", profile.urgent.no_shelter),
            ("minors", profile.urgent.minors),
        ]
        .into_iter()
        .filter(|(_, present)| *present)
        .map(|(need, _)| lang.label("intake-urgent", need))
        .collect();
        Self {
            draft: screening.status == ScreeningStatus::Draft,
            heading: lang.t1("intake-screening-of", "date", time_text(screening.created_at)),
            status: lang.label("screening_status", screening.status.as_str()),
            priority: lang.label("priority", screening.priority.as_str()),
            priority_class: priority_class(screening.priority),
            facts,
            urgent,
            notes: profile.notes.clone(),
            edit_href: format!("/screenings/{}/edit", screening.id),
            send_action: format!("/screenings/{}/send", screening.id),
            case_href: screening.case_id.map(|id| format!("/cases/{id}")),
            result: versions.screening(lang, screening),
        }
    }
}

fn priority_class(priority: Priority) -> &'static str {
    match priority {
        Priority::Urgent => "bg-danger",
        Priority::High => "bg-warning text-dark",
        Priority::Normal => "bg-secondary",
    }
}

/// A case of the person, as a line of their file.
struct CaseRow {
    href: String,
    state: String,
    priority: String,
    priority_class: &'static str,
    opened_on: String,
}

#[derive(Template)]
#[template(path = "intake/person.html")]
struct PersonPage {
    chrome: Chrome,
    title: String,
    anonymous: bool,
    identity: Vec<(String, String)>,
    /// The codice fiscale computed for a person recorded without one.
    codice_fiscale_suggestion: Option<String>,
    screenings: Vec<ScreeningView>,
    cases: Vec<CaseRow>,
    new_screening_href: String,
    may_add_screening: bool,
    may_edit: bool,
    may_send: bool,
    documents: super::documents::DocumentsSection,
}

impl PersonPage {
    fn new(chrome: Chrome, file: &PersonFile, role: soleil_domain::Role, versions: &Versions) -> Self {
        let lang = chrome.lang;
        let person = &file.person;
        let or_dash = |value: Option<String>| value.unwrap_or_else(|| "—".to_owned());
        let mut identity = Vec::new();
        if person.anonymous {
            identity.push((lang.t("intake-alias"), or_dash(person.alias.clone())));
        } else {
            identity.push((lang.t("intake-given_name"), or_dash(person.given_name.clone())));
            identity.push((lang.t("intake-surname"), or_dash(person.surname.clone())));
            if let Some(alias) = &person.alias {
                identity.push((lang.t("intake-alias"), alias.clone()));
            }
        }
        identity.extend([
            (
                lang.t("intake-sex"),
                or_dash(person.sex.map(|s| lang.label("sex", s.as_str()))),
            ),
            (
                lang.t("intake-date_of_birth"),
                or_dash(person.date_of_birth.map(date_text)),
            ),
            (
                lang.t("intake-place_of_birth"),
                or_dash(person.place_of_birth.clone()),
            ),
            (lang.t("intake-nationality"), or_dash(person.nationality.clone())),
            (
                lang.t("intake-codice_fiscale"),
                or_dash(person.codice_fiscale.clone()),
            ),
            (lang.t("intake-phone"), or_dash(person.phone.clone())),
            (lang.t("intake-recorded-on"), day_text(person.created_at)),
        ]);
        let cases = file
            .cases
            .iter()
            .map(|summary| CaseRow {
                href: format!("/cases/{}", summary.case.id),
                state: lang.label("case_state", summary.case.state.as_str()),
                priority: lang.label("priority", summary.case.priority.as_str()),
                priority_class: priority_class(summary.case.priority),
                opened_on: day_text(summary.case.opened_at),
            })
            .collect();
        Self {
            title: person.display_name(),
            anonymous: person.anonymous,
            identity,
            codice_fiscale_suggestion: soleil_app::reference::suggested_codice_fiscale(person),
            screenings: file
                .screenings
                .iter()
                .map(|s| ScreeningView::new(lang, s, versions))
                .collect(),
            cases,
            new_screening_href: format!("/persons/{}/screenings/new", person.id),
            may_add_screening: policy::permits(role, Operation::CreateScreening),
            may_edit: policy::permits(role, Operation::UpdateScreening),
            may_send: policy::permits(role, Operation::SendScreening),
            documents: super::documents::DocumentsSection::new(lang, person.id, &file.documents, role),
            chrome,
        }
    }
}

async fn person(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let id: Option<PersonId> = path_id(&id);
    let path = id.map_or_else(|| "/persons".to_owned(), |id| format!("/persons/{id}"));
    let chrome = list_chrome(&page, &path, query.as_deref());
    let Some(id) = id else {
        return error_page(chrome, AppError::NotFound("person"));
    };
    match state.app.person(&page.user, id).await {
        Ok(file) => {
            let results: Vec<_> = file.screenings.iter().filter_map(|s| s.result.as_ref()).collect();
            let versions = Versions::load(&state.app, &results).await;
            render(PersonPage::new(chrome, &file, page.user.role, &versions))
        }
        Err(AppError::NotFound(what)) => match merged_redirect(&state, &page, id).await {
            Some(redirect) => redirect,
            None => error_page(chrome, AppError::NotFound(what)),
        },
        Err(error) => error_page(chrome, error),
    }
}

// ---------------------------------------------------------------------------
// Screenings: a new one for a known person, and the edit of a draft.

#[derive(Template)]
#[template(path = "intake/screening.html")]
struct ScreeningPage {
    chrome: Chrome,
    title: String,
    /// Whose screening it is, when known.
    person_name: String,
    /// Where the form posts to.
    action: String,
    /// The person's file, to go back to.
    back: String,
    /// The person's id, kept in a hidden field for the way back after a failed post.
    person_id: String,
    /// A new screening may be sent at once; an edit only saves the draft.
    new: bool,
    profile: ProfileForm,
    sheet: SheetView,
    errors: FormErrors,
}

/// What a screening form is about, carried across a failed post in hidden fields.
struct ScreeningTarget {
    person_name: String,
    person_id: Option<PersonId>,
    action: String,
    new: bool,
}

fn screening_page(
    chrome: Chrome,
    target: ScreeningTarget,
    (profile, sheet): (ProfileForm, SheetView),
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let errors = in_form_order(errors, &PROFILE_FIELDS);
    let title = chrome.t(if target.new {
        "intake-new-screening-title"
    } else {
        "intake-edit-screening-title"
    });
    render_with(
        status,
        ScreeningPage {
            chrome,
            title,
            person_name: target.person_name,
            action: target.action,
            back: target
                .person_id
                .map_or_else(|| "/persons".to_owned(), |id| format!("/persons/{id}")),
            person_id: target.person_id.map(|id| id.to_string()).unwrap_or_default(),
            new: target.new,
            profile,
            sheet,
            errors,
        },
    )
}

/// A screening form with its indicator sheet's questions.
async fn with_sheet(state: &AppState, lang: Lang, profile: ProfileForm) -> (ProfileForm, SheetView) {
    let sheet = SheetView::load(&state.app, lang, &profile.sheet).await;
    (profile, sheet)
}

/// Another instrument was chosen: its questions, nothing saved yet.
fn switched_page(chrome: Chrome, target: ScreeningTarget, form: (ProfileForm, SheetView)) -> Response {
    let chrome = chrome.with_notice(Some("instrument-switched"));
    let errors = FormErrors::new(chrome.lang, Vec::new());
    screening_page(chrome, target, form, errors, StatusCode::OK)
}

fn new_screening_target(id: PersonId, person_name: String) -> ScreeningTarget {
    ScreeningTarget {
        person_name,
        person_id: Some(id),
        action: format!("/persons/{id}/screenings/new"),
        new: true,
    }
}

async fn new_screening_form(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
) -> Response {
    let id: Option<PersonId> = path_id(&id);
    let chrome = Chrome::new(&page, "/persons");
    let Some(id) = id else {
        return error_page(chrome, AppError::NotFound("person"));
    };
    let chrome = Chrome::new(&page, &format!("/persons/{id}/screenings/new"));
    if !policy::permits(page.user.role, Operation::CreateScreening) {
        return error_page(chrome, AppError::Forbidden);
    }
    match state.app.person(&page.user, id).await {
        Ok(file) => {
            let errors = FormErrors::new(chrome.lang, Vec::new());
            let target = new_screening_target(id, file.person.display_name());
            let form = with_sheet(&state, chrome.lang, ProfileForm::blank()).await;
            screening_page(chrome, target, form, errors, StatusCode::OK)
        }
        Err(error) => error_page(chrome, error),
    }
}

async fn create_screening(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let id: Option<PersonId> = path_id(&id);
    let chrome = Chrome::new(&page, "/persons");
    let Some(id) = id else {
        return error_page(chrome, AppError::NotFound("person"));
    };
    let send = form.checked("send");
    let profile = with_sheet(&state, chrome.lang, ProfileForm::read(&form)).await;
    if profile.0.sheet.switched() {
        let target = new_screening_target(id, form.text("person_name"));
        return switched_page(chrome, target, profile);
    }
    let result = match profile.0.checked_input() {
        Ok(input) => {
            let input = ScreeningInput {
                person_id: id,
                profile: input,
                send,
            };
            state.app.create_screening(&page.user, &input).await
        }
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(_) => done(&format!("/persons/{id}"), if send { "sent" } else { "saved" }),
        Err(error) => form_failure(chrome, error, |chrome, errors| {
            let target = new_screening_target(id, form.text("person_name"));
            screening_page(chrome, target, profile, errors, StatusCode::UNPROCESSABLE_ENTITY)
        }),
    }
}

fn edit_target(id: ScreeningId, person: Option<PersonId>) -> ScreeningTarget {
    ScreeningTarget {
        person_name: String::new(),
        person_id: person,
        action: format!("/screenings/{id}/edit"),
        new: false,
    }
}

async fn edit_screening_form(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
) -> Response {
    let id: Option<ScreeningId> = path_id(&id);
    let chrome = Chrome::new(&page, "/persons");
    let Some(id) = id else {
        return error_page(chrome, AppError::NotFound("screening"));
    };
    let chrome = Chrome::new(&page, &format!("/screenings/{id}/edit"));
    match state.app.screening(&page.user, id).await {
        Ok(screening) if screening.status != ScreeningStatus::Draft => {
            error_page(chrome, AppError::conflict("screening_already_sent"))
        }
        Ok(screening) => {
            let errors = FormErrors::new(chrome.lang, Vec::new());
            let target = edit_target(id, Some(screening.person_id));
            let form = with_sheet(&state, chrome.lang, ProfileForm::of(&screening.profile)).await;
            screening_page(chrome, target, form, errors, StatusCode::OK)
        }
        Err(error) => error_page(chrome, error),
    }
}

async fn update_screening(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let id: Option<ScreeningId> = path_id(&id);
    let chrome = Chrome::new(&page, "/persons");
    let Some(id) = id else {
        return error_page(chrome, AppError::NotFound("screening"));
    };
    let profile = with_sheet(&state, chrome.lang, ProfileForm::read(&form)).await;
    if profile.0.sheet.switched() {
        return switched_page(
            chrome,
            edit_target(id, form.text("person_id").parse().ok()),
            profile,
        );
    }
    let result = match profile.0.checked_input() {
        Ok(input) => state.app.update_screening(&page.user, id, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(screening) => done(&format!("/persons/{}", screening.person_id), "saved"),
        Err(error) => form_failure(chrome, error, |chrome, errors| {
            let target = edit_target(id, form.text("person_id").parse().ok());
            screening_page(chrome, target, profile, errors, StatusCode::UNPROCESSABLE_ENTITY)
        }),
    }
}

async fn send_screening(State(state): State<AppState>, page: PageUser, PathText(id): PathText) -> Response {
    let chrome = Chrome::new(&page, "/persons");
    let Some(id) = path_id::<ScreeningId>(&id) else {
        return error_page(chrome, AppError::NotFound("screening"));
    };
    match state.app.send_screening(&page.user, id).await {
        Ok(screening) => done(&format!("/persons/{}", screening.person_id), "sent"),
        Err(error) => error_page(chrome, error),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn form(body: &str) -> FormData {
        FormData::parse(body.as_bytes())
    }

    #[test]
    fn a_contact_form_reads_into_the_use_case_input() {
        let data = form(
            "given_name=Gurpreet&surname=Singh&sex=male&date_of_birth=1990-03-12&nationality=in\
             &contact_channel=mobile_unit&sector=agriculture&legal_status=&danger=on\
             &languages=pa&languages=hi&other_languages=ur%2C+bn&consent_to_referral=on&send=1",
        );
        let input = ContactForm::read(&data)
            .checked_input(data.checked("send"))
            .unwrap();
        assert!(input.send);
        assert_eq!(input.person.sex, Some(Sex::Male));
        assert_eq!(input.person.date_of_birth, NaiveDate::from_ymd_opt(1990, 3, 12));
        assert_eq!(input.screening.contact_channel, Some(ContactChannel::MobileUnit));
        assert_eq!(input.screening.legal_status, None);
        assert!(input.screening.urgent.danger && !input.screening.urgent.minors);
        assert_eq!(input.screening.languages, ["pa", "hi", "ur", "bn"]);
        assert!(input.screening.consent_to_referral);
    }

    #[test]
    fn bad_values_are_field_errors_with_the_domain_errors() {
        let data = form("surname=&sex=alien&date_of_birth=31-31-2020&contact_channel=");
        let invalid = ContactForm::read(&data).checked_input(false).unwrap_err();
        let fields: Vec<_> = invalid.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["sex", "date_of_birth", "surname", "contact_channel"]);
        assert_eq!(invalid.errors[0].code, "invalid_choice");
        assert_eq!(invalid.errors[1].code, "invalid_date");
    }

    #[test]
    fn a_failed_contact_form_keeps_the_input_and_points_at_the_errors() {
        let data =
            form("given_name=Amir&sex=x&nationality=india&contact_channel=desk&languages=pa&danger=on");
        let contact = ContactForm::read(&data);
        let invalid = contact.checked_input(false).unwrap_err();
        let chrome = Chrome::anonymous(Lang::It, "/contacts/new");
        let errors = FormErrors::new(chrome.lang, invalid.errors);
        let html = ContactPage {
            title: chrome.t("intake-contact-title"),
            chrome,
            person: contact.person,
            profile: contact.profile,
            sheet: SheetView::default(),
            errors,
            matches: MatchesView::default(),
        }
        .render()
        .unwrap();
        assert!(html.contains(r##"<a href="#nationality">"##), "{html}");
        assert!(html.contains(r#"value="Amir""#));
        assert!(html.contains(r#"aria-describedby="nationality-hint nationality-error""#));
        assert!(html.contains(r#"id="nationality-error""#));
        assert!(html.contains(r#"<option value="desk" selected>"#));
        assert!(html.contains(r#"id="language-pa" name="languages" value="pa" checked"#));
        assert!(html.contains(r#"id="danger" name="danger" value="on" checked"#));
        assert_eq!(html.matches("<h1").count(), 1);
    }

    #[test]
    fn a_saved_profile_fills_the_form_back() {
        let input = FirstProfileInput {
            contact_channel: Some(ContactChannel::Desk),
            languages: vec!["pa".into(), "tl".into(), "it".into()],
            ..FirstProfileInput::default()
        };
        let profile = FirstProfile::parse(&input).unwrap();
        let form = ProfileForm::of(&profile);
        assert_eq!(form.languages, ["pa", "it"]);
        assert_eq!(form.other_languages, "tl");
        assert_eq!(form.contact_channel, "desk");
    }
}
