//! Phase 1, emersione: the front-line operator's first contact, the list of
//! persons, a person's file, and the screenings added to it.
//!
//! Forms are read as text pairs ([`FormData`]) and turned into the use
//! cases' inputs here, so nothing the user types can make the request fail
//! before the handler: a date or a choice that does not parse is a field
//! error like any other, and the form comes back with what was typed.
//! [`FormData`], [`Choice`] and the date helpers are shared with the admin pages.

use std::str::FromStr;

use askama::Template;
use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequest, Path, RawQuery, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use soleil_app::intake::{ContactInput, PersonFile, ScreeningInput};
use soleil_app::{AppError, Operation, policy};
use soleil_domain::{
    ContactChannel, DeclaredLegalStatus, FirstProfile, FirstProfileInput, Invalid, NewPerson, Person,
    PersonId, PersonInput, Priority, Screening, ScreeningId, ScreeningStatus, Sex, UrgentNeeds, WorkSector,
};

use super::pager::{self, Pager};
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
const PERSON_FIELDS: [&str; 8] = [
    "anonymous",
    "alias",
    "given_name",
    "surname",
    "sex",
    "date_of_birth",
    "nationality",
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

// ---------------------------------------------------------------------------
// Form reading, shared with the admin pages.

/// A posted form or a query string, as text pairs. Reading it never fails
/// on its content, so a bad value is always answered with the form again.
pub(super) struct FormData(Vec<(String, String)>);

impl FormData {
    pub(super) fn parse(bytes: &[u8]) -> Self {
        Self(form_urlencoded::parse(bytes).into_owned().collect())
    }

    pub(super) fn query(query: Option<&str>) -> Self {
        Self::parse(query.unwrap_or_default().as_bytes())
    }

    /// The first value of a field, as typed; empty when absent.
    pub(super) fn text(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
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

/// Blank is absent; otherwise the text as typed (the domain trims and checks it).
pub(super) fn optional(value: &str) -> Option<String> {
    (!value.trim().is_empty()).then(|| value.to_owned())
}

/// A value of a closed vocabulary, from a select: blank is `None`, and a
/// value outside the vocabulary is an error of that field.
pub(super) fn choice<T: FromStr>(invalid: &mut Invalid, field: &str, value: &str) -> Option<T> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let parsed = value.parse().ok();
    if parsed.is_none() {
        invalid.add(field, "invalid_choice");
    }
    parsed
}

/// A date from an `<input type="date">` (YYYY-MM-DD); also accepts the
/// dd/mm/yyyy a person types where the browser shows a plain text box.
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

/// The answer to a form whose use case failed: the form again with its
/// messages (422) when the input was invalid, the error page otherwise.
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

/// Puts the errors in the order of the form's fields, so the summary at the
/// top reads like the form; fields not named come last.
pub(super) fn in_form_order(mut errors: FormErrors, fields: &[&str]) -> FormErrors {
    errors
        .errors
        .sort_by_key(|e| fields.iter().position(|f| *f == e.field).unwrap_or(fields.len()));
    errors
}

/// The frame of a page reached with a query string: the language switch
/// returns to it, and a `done` confirmation is shown once.
pub(super) fn chrome_for(page: &PageUser, path: &str, query: Option<&str>) -> Chrome {
    let done = FormData::query(query).text("done");
    Chrome::new(page, &pager::here(path, query)).with_notice(Some(done.as_str()).filter(|d| !d.is_empty()))
}

/// An id from the path; a malformed one is a record that does not exist.
pub(super) fn path_id<T: FromStr>(path: Result<Path<String>, PathRejection>) -> Option<T> {
    path.ok().and_then(|Path(raw)| raw.trim().parse().ok())
}

/// One option of a select, or one checkbox of a group.
pub(super) struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

impl Choice {
    /// The options of a closed vocabulary, labelled in the user's language.
    pub(super) fn vocabulary(
        lang: Lang,
        vocabulary: &str,
        values: impl Iterator<Item = &'static str>,
        selected: &str,
    ) -> Vec<Self> {
        values
            .map(|value| Self {
                value: value.to_owned(),
                label: lang.label(vocabulary, value),
                selected: value == selected,
            })
            .collect()
    }
}

/// Civil time in Italy (Europe/Rome): CET, and CEST from the last Sunday
/// of March to the last Sunday of October, switching at 01:00 UTC.
pub(super) fn rome_time(at: DateTime<Utc>) -> NaiveDateTime {
    let utc = at.naive_utc();
    let switch = |month: u32| {
        let last_day = NaiveDate::from_ymd_opt(at.year(), month, 31).unwrap_or_default();
        let back = last_day.weekday().num_days_from_sunday();
        (last_day - Duration::days(i64::from(back)))
            .and_hms_opt(1, 0, 0)
            .unwrap_or_default()
    };
    let summer = utc >= switch(3) && utc < switch(10);
    utc + Duration::hours(if summer { 2 } else { 1 })
}

/// The instant a day starts in Italy, for date filters.
pub(super) fn rome_midnight(day: NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    let winter = Utc.from_utc_datetime(&(midnight - Duration::hours(1)));
    if rome_time(winter) == midnight {
        winter
    } else {
        Utc.from_utc_datetime(&(midnight - Duration::hours(2)))
    }
}

/// dd/mm/yyyy.
pub(super) fn date_text(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

/// The day of an instant in Italy, dd/mm/yyyy.
pub(super) fn day_text(at: DateTime<Utc>) -> String {
    date_text(rome_time(at).date())
}

/// An instant in Italian time, dd/mm/yyyy hh:mm.
pub(super) fn time_text(at: DateTime<Utc>) -> String {
    rome_time(at).format("%d/%m/%Y %H:%M").to_string()
}

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
        }
    }

    fn sexes(&self, lang: &Lang) -> Vec<Choice> {
        Choice::vocabulary(*lang, "sex", Sex::all().map(Sex::as_str), &self.sex)
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
}

impl ProfileForm {
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
            ..FirstProfileInput::default()
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

    fn channels(&self, lang: &Lang) -> Vec<Choice> {
        let values = ContactChannel::all().map(ContactChannel::as_str);
        Choice::vocabulary(*lang, "contact_channel", values, &self.contact_channel)
    }

    fn sectors(&self, lang: &Lang) -> Vec<Choice> {
        Choice::vocabulary(
            *lang,
            "work_sector",
            WorkSector::all().map(WorkSector::as_str),
            &self.sector,
        )
    }

    fn legal_statuses(&self, lang: &Lang) -> Vec<Choice> {
        let values = DeclaredLegalStatus::all().map(DeclaredLegalStatus::as_str);
        Choice::vocabulary(*lang, "declared_legal_status", values, &self.legal_status)
    }

    fn urgent_needs(&self, lang: &Lang) -> Vec<Choice> {
        let urgent = self.urgent;
        [
            ("danger", urgent.danger),
            ("health", urgent.health),
            ("no_shelter", urgent.no_shelter),
            ("minors", urgent.minors),
        ]
        .into_iter()
        .map(|(value, selected)| Choice {
            value: value.to_owned(),
            label: lang.label("intake-urgent", value),
            selected,
        })
        .collect()
    }

    fn language_choices(&self, lang: &Lang) -> Vec<Choice> {
        COMMON_LANGUAGES
            .into_iter()
            .map(|code| Choice {
                value: code.to_owned(),
                label: language_label(*lang, code),
                selected: self.languages.iter().any(|c| c == code),
            })
            .collect()
    }
}

/// The first-contact form: the person and the first profile.
#[derive(Default)]
struct ContactForm {
    person: PersonForm,
    profile: ProfileForm,
}

impl ContactForm {
    fn read(form: &FormData) -> Self {
        Self {
            person: PersonForm::read(form),
            profile: ProfileForm::read(form),
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
    errors: FormErrors,
}

fn contact_page(chrome: Chrome, form: ContactForm, errors: FormErrors, status: StatusCode) -> Response {
    let title = chrome.t("intake-contact-title");
    let errors = in_form_order(errors, &[PERSON_FIELDS.as_slice(), &PROFILE_FIELDS].concat());
    let ContactForm { person, profile } = form;
    render_with(
        status,
        ContactPage {
            chrome,
            title,
            person,
            profile,
            errors,
        },
    )
}

async fn contact_form(page: PageUser) -> Response {
    let chrome = Chrome::new(&page, "/contacts/new");
    if !policy::permits(page.user.role, Operation::CreatePerson) {
        return error_page(chrome, AppError::Forbidden);
    }
    let errors = FormErrors::new(chrome.lang, Vec::new());
    contact_page(chrome, ContactForm::default(), errors, StatusCode::OK)
}

async fn record_contact(State(state): State<AppState>, page: PageUser, form: FormData) -> Response {
    let chrome = Chrome::new(&page, "/contacts/new");
    let send = form.checked("send");
    let contact = ContactForm::read(&form);
    let result = match contact.checked_input(send) {
        Ok(input) => state.app.record_contact(&page.user, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok((person, _)) => done(
            &format!("/persons/{}", person.id),
            if send { "sent" } else { "saved" },
        ),
        Err(error) => form_failure(chrome, error, |chrome, errors| {
            contact_page(chrome, contact, errors, StatusCode::UNPROCESSABLE_ENTITY)
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
    q: String,
    rows: Vec<PersonRow>,
    pager: Pager,
    may_add: bool,
}

async fn persons(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = chrome_for(&page, "/persons", query.as_deref());
    let q = FormData::query(query.as_deref()).text("q");
    let paging = Pager::requested(query.as_deref(), PERSONS_PER_PAGE);
    match state
        .app
        .persons(&page.user, optional(&q).as_deref(), paging)
        .await
    {
        Ok((list, total)) => render(PersonsPage {
            title: chrome.t("intake-persons-title"),
            pager: Pager::new(chrome.lang, "/persons", query.as_deref(), paging, total),
            rows: list.iter().map(PersonRow::from).collect(),
            may_add: policy::permits(page.user.role, Operation::CreatePerson),
            q,
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
}

impl ScreeningView {
    fn new(lang: Lang, screening: &Screening) -> Self {
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
    screenings: Vec<ScreeningView>,
    cases: Vec<CaseRow>,
    new_screening_href: String,
    may_add_screening: bool,
    may_edit: bool,
    may_send: bool,
}

impl PersonPage {
    fn new(chrome: Chrome, file: &PersonFile, role: soleil_domain::Role) -> Self {
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
            (lang.t("intake-nationality"), or_dash(person.nationality.clone())),
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
            screenings: file
                .screenings
                .iter()
                .map(|s| ScreeningView::new(lang, s))
                .collect(),
            cases,
            new_screening_href: format!("/persons/{}/screenings/new", person.id),
            may_add_screening: policy::permits(role, Operation::CreateScreening),
            may_edit: policy::permits(role, Operation::UpdateScreening),
            may_send: policy::permits(role, Operation::SendScreening),
            chrome,
        }
    }
}

async fn person(
    State(state): State<AppState>,
    page: PageUser,
    id: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
) -> Response {
    let id: Option<PersonId> = path_id(id);
    let path = id.map_or_else(|| "/persons".to_owned(), |id| format!("/persons/{id}"));
    let chrome = chrome_for(&page, &path, query.as_deref());
    let Some(id) = id else {
        return error_page(chrome, AppError::NotFound("person"));
    };
    match state.app.person(&page.user, id).await {
        Ok(file) => render(PersonPage::new(chrome, &file, page.user.role)),
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
    profile: ProfileForm,
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
            errors,
        },
    )
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
    id: Result<Path<String>, PathRejection>,
) -> Response {
    let id: Option<PersonId> = path_id(id);
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
            screening_page(chrome, target, ProfileForm::default(), errors, StatusCode::OK)
        }
        Err(error) => error_page(chrome, error),
    }
}

async fn create_screening(
    State(state): State<AppState>,
    page: PageUser,
    id: Result<Path<String>, PathRejection>,
    form: FormData,
) -> Response {
    let id: Option<PersonId> = path_id(id);
    let chrome = Chrome::new(&page, "/persons");
    let Some(id) = id else {
        return error_page(chrome, AppError::NotFound("person"));
    };
    let send = form.checked("send");
    let profile = ProfileForm::read(&form);
    let result = match profile.checked_input() {
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
    id: Result<Path<String>, PathRejection>,
) -> Response {
    let id: Option<ScreeningId> = path_id(id);
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
            let profile = ProfileForm::of(&screening.profile);
            screening_page(chrome, target, profile, errors, StatusCode::OK)
        }
        Err(error) => error_page(chrome, error),
    }
}

async fn update_screening(
    State(state): State<AppState>,
    page: PageUser,
    id: Result<Path<String>, PathRejection>,
    form: FormData,
) -> Response {
    let id: Option<ScreeningId> = path_id(id);
    let chrome = Chrome::new(&page, "/persons");
    let Some(id) = id else {
        return error_page(chrome, AppError::NotFound("screening"));
    };
    let profile = ProfileForm::read(&form);
    let result = match profile.checked_input() {
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

async fn send_screening(
    State(state): State<AppState>,
    page: PageUser,
    id: Result<Path<String>, PathRejection>,
) -> Response {
    let chrome = Chrome::new(&page, "/persons");
    let Some(id) = path_id::<ScreeningId>(id) else {
        return error_page(chrome, AppError::NotFound("screening"));
    };
    match state.app.send_screening(&page.user, id).await {
        Ok(screening) => done(&format!("/persons/{}", screening.person_id), "sent"),
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
            errors,
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
    fn a_typed_italian_date_is_understood() {
        let mut invalid = Invalid::new();
        assert_eq!(
            date(&mut invalid, "d", "12/03/1990"),
            NaiveDate::from_ymd_opt(1990, 3, 12)
        );
        assert!(invalid.is_empty());
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

    #[test]
    fn italian_time_follows_summer_time() {
        let winter = Utc.with_ymd_and_hms(2026, 1, 15, 9, 30, 0).unwrap();
        let summer = Utc.with_ymd_and_hms(2026, 7, 15, 9, 30, 0).unwrap();
        assert_eq!(time_text(winter), "15/01/2026 10:30");
        assert_eq!(time_text(summer), "15/07/2026 11:30");
        // 2026: summer time from 29 March to 25 October, at 01:00 UTC.
        let before = Utc.with_ymd_and_hms(2026, 3, 29, 0, 59, 0).unwrap();
        let after = Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap();
        assert_eq!(time_text(before), "29/03/2026 01:59");
        assert_eq!(time_text(after), "29/03/2026 03:00");
        let day = NaiveDate::from_ymd_opt(2026, 7, 15).unwrap();
        assert_eq!(
            rome_midnight(day),
            Utc.with_ymd_and_hms(2026, 7, 14, 22, 0, 0).unwrap()
        );
        let day = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        assert_eq!(
            rome_midnight(day),
            Utc.with_ymd_and_hms(2026, 1, 14, 23, 0, 0).unwrap()
        );
    }
}
