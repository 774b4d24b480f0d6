//! Pages: labs: courses, sessions, enrolments, attendance, certificates.
//!
//! The case's labs page lists the enrolments made from the case and holds
//! the form that enrols its person in an open lab of the region; a refused
//! enrolment comes back on the same page with the choice and the reason.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use soleil_app::courses::{CourseDetail, CourseQuery, EnrolmentView, Register};
use soleil_app::{AppError, Operation, policy};
use soleil_domain::inclusion::course::{
    AttendanceLine, Course, CourseId, CourseInput, CourseKind, CourseSector, CourseSession,
    EmpowermentModule, EnrolmentId, EnrolmentStatus, NewCourse, SessionId, SessionInput, format_hours,
    parse_minutes,
};
use soleil_domain::inclusion::money::Cents;
use soleil_domain::{CaseId, Invalid, RegionCode, Role, User};

use super::form::{
    Checkbox, Choice, ChoiceGroup, Field, FormData, PathText, Refused, add_missing, choice, choice_or,
    chrome_for, date, in_form_order, optional, organisation_choices, organisations, path_id, region_choices,
    vocabulary,
};
use super::time::{date_text, rome_time};
use super::{
    CaseForm, Chrome, FormErrors, case_sub_page, case_sub_post, done, error_page, render, render_with,
};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/courses", get(list))
        .route("/courses/new", get(new_course).post(create_course))
        .route("/courses/{id}", get(show))
        .route("/courses/{id}/edit", get(edit_course).post(update_course))
        .route("/courses/{id}/sessions", post(add_session))
        .route("/sessions/{id}/cancel", post(cancel_session))
        .route("/sessions/{id}/attendance", get(register).post(record_register))
        .route("/cases/{id}/courses", get(case_courses).post(enrol))
        .route("/enrolments/{id}/certificate", get(certificate))
}

/// The id of the enrolment form in the case's labs page.
const ENROL_FORM: &str = "enrol";

/// Minutes as hours in the user's language: "2,5" (it), "2.5" (en).
pub(super) fn hours(lang: Lang, minutes: i64) -> String {
    let text = format_hours(i32::try_from(minutes).unwrap_or(i32::MAX));
    match lang {
        Lang::It => text,
        Lang::En => text.replace(',', "."),
    }
}

/// One enrolment as the pages show it.
pub struct EnrolmentRow {
    pub course: String,
    pub course_href: String,
    pub person: Option<String>,
    /// "12 / 40".
    pub hours: String,
    pub percent: i64,
    pub status: String,
    pub certificate_href: Option<String>,
}

impl EnrolmentRow {
    fn new(lang: Lang, view: &EnrolmentView) -> Self {
        let enrolment = &view.enrolment;
        Self {
            course: view.course_title.clone(),
            course_href: format!("/courses/{}", enrolment.course_id),
            person: view.person_name.clone(),
            hours: format!(
                "{} / {}",
                hours(lang, view.attended_minutes),
                hours(lang, i64::from(view.planned_minutes))
            ),
            percent: view.attended_percent,
            status: lang.label("enrolment_status", enrolment.status.as_str()),
            certificate_href: (enrolment.status == EnrolmentStatus::Completed)
                .then(|| format!("/enrolments/{}/certificate", enrolment.id)),
        }
    }
}

/// An open lab as a choice of the enrolment form: its title and dates.
fn course_choice(lang: Lang, course: &Course) -> Choice {
    let kind = course
        .sector
        .map(|s| lang.label("course_sector", s.as_str()))
        .unwrap_or_else(|| lang.label("course_kind", course.kind.as_str()));
    Choice::new(
        course.id.to_string(),
        format!(
            "{} ({kind}, {} – {})",
            course.title,
            date_text(course.starts_on),
            date_text(course.ends_on)
        ),
    )
}

#[derive(Template)]
#[template(path = "courses/case.html")]
struct CaseCoursesPage {
    chrome: Chrome,
    title: String,
    back: String,
    action: String,
    rows: Vec<EnrolmentRow>,
    may_enrol: bool,
    courses: Vec<Choice>,
    refused: Refused,
}

async fn case_courses(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let show =
        async |chrome, id, refused, status| case_page(&state, chrome, &page, id, refused, status).await;
    case_sub_page(&page, &id, "courses", query.as_deref(), show).await
}

async fn enrol(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let posted = CaseForm {
        sub: "courses",
        form: ENROL_FORM,
        done: "enrolled",
        // The form has one field.
        label: |lang, _| Some(lang.t("courses-case-course")),
    };
    let act = async |case, form: &FormData| {
        let chosen = form.get("course_id");
        match (chosen.is_empty(), path_id::<CourseId>(chosen)) {
            (true, _) => Err(Invalid::single("course_id", "required").into()),
            (false, None) => Err(Invalid::single("course_id", "unknown_course").into()),
            (false, Some(course)) => state.app.enrol(&page.user, case, course).await,
        }
    };
    let show =
        async |chrome, id, refused, status| case_page(&state, chrome, &page, id, refused, status).await;
    case_sub_post(&page, &id, posted, form, act, show).await
}

/// The case's labs page, with the enrolment form as typed when refused.
async fn case_page(
    state: &AppState,
    chrome: Chrome,
    page: &PageUser,
    id: CaseId,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let lang = chrome.lang;
    let enrolments = match state.app.case_enrolments(&page.user, id).await {
        Ok(list) => list,
        Err(error) => return error_page(chrome, error),
    };
    let may_enrol = policy::permits(page.user.role, Operation::EnrolPersons);
    let courses = if may_enrol {
        match state.app.open_courses_for_case(&page.user, id).await {
            Ok(list) => list.iter().map(|c| course_choice(lang, c)).collect(),
            Err(error) => return error_page(chrome, error),
        }
    } else {
        Vec::new()
    };
    render_with(
        status,
        CaseCoursesPage {
            title: chrome.t("courses-case-title"),
            back: format!("/cases/{id}"),
            action: format!("/cases/{id}/courses"),
            rows: enrolments.iter().map(|v| EnrolmentRow::new(lang, v)).collect(),
            may_enrol,
            courses,
            refused,
            chrome,
        },
    )
}

/// The certificate of attendance of a completed lab, as PDF.
async fn certificate(State(state): State<AppState>, page: PageUser, PathText(id): PathText) -> Response {
    let chrome = Chrome::new(&page, "/cases");
    let Some(id) = path_id::<EnrolmentId>(&id) else {
        return error_page(chrome, AppError::NotFound("enrolment"));
    };
    match state.app.certificate(&page.user, id).await {
        Ok(certificate) => {
            let pdf = crate::pdf::certificate::render(chrome.lang, &certificate);
            ([(header::CONTENT_TYPE, "application/pdf")], pdf).into_response()
        }
        Err(error) => error_page(chrome, error),
    }
}

// ---------------------------------------------------------------------------
// The catalogue and a lab's page

/// What a lab's kind and sector (or, for empowerment, its kind) read as.
fn kind_text(lang: Lang, course: &Course) -> String {
    match course.sector {
        Some(sector) => format!(
            "{} – {}",
            lang.label("course_kind", course.kind.as_str()),
            lang.label("course_sector", sector.as_str())
        ),
        None => lang.label("course_kind", course.kind.as_str()),
    }
}

/// One lab of the catalogue.
struct CourseRow {
    title: String,
    href: String,
    kind: String,
    dates: String,
    hours: String,
}

impl CourseRow {
    fn new(lang: Lang, course: &Course) -> Self {
        Self {
            title: course.title.clone(),
            href: format!("/courses/{}", course.id),
            kind: kind_text(lang, course),
            dates: format!("{} – {}", date_text(course.starts_on), date_text(course.ends_on)),
            hours: hours(lang, i64::from(course.planned_minutes)),
        }
    }
}

#[derive(Template)]
#[template(path = "courses/list.html")]
struct CoursesPage {
    chrome: Chrome,
    title: String,
    kind: Field,
    sector: Field,
    kinds: Vec<Choice>,
    sectors: Vec<Choice>,
    /// For admins, who belong to no region: which region's labs to list.
    region: Option<Field>,
    regions: Vec<Choice>,
    /// An admin who has not chosen a region yet sees no list.
    rows: Option<Vec<CourseRow>>,
    may_create: bool,
}

async fn list(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = chrome_for(&page, "/courses", query.as_deref());
    let filters = FormData::query(query.as_deref());
    // A filter value that does not read filters nothing.
    let course_query = CourseQuery {
        kind: path_id::<CourseKind>(filters.get("kind")),
        sector: path_id::<CourseSector>(filters.get("sector")),
        region: path_id::<RegionCode>(filters.get("region")),
        ..CourseQuery::default()
    };
    let lang = chrome.lang;
    let chooses_region = page.user.region.is_none();
    let rows = if chooses_region && course_query.region.is_none() {
        None
    } else {
        match state.app.courses(&page.user, &course_query).await {
            Ok(courses) => Some(courses.iter().map(|c| CourseRow::new(lang, c)).collect()),
            Err(error) => return error_page(chrome, error),
        }
    };
    render(CoursesPage {
        title: chrome.t("courses-title"),
        kind: Field::new("kind", "kind", course_query.kind.map_or("", |k| k.as_str())),
        sector: Field::new("sector", "sector", course_query.sector.map_or("", |s| s.as_str())),
        kinds: vocabulary(lang, "course_kind", CourseKind::all().map(CourseKind::as_str)),
        sectors: vocabulary(
            lang,
            "course_sector",
            CourseSector::all().map(CourseSector::as_str),
        ),
        region: chooses_region
            .then(|| Field::new("region", "region", course_query.region.map_or("", |r| r.as_str()))),
        regions: region_choices(),
        rows,
        may_create: policy::permits(page.user.role, Operation::ManageCourses),
        chrome,
    })
}

/// One session of a lab's calendar.
struct SessionRow {
    when: String,
    hours: String,
    topic: String,
    cancelled: bool,
    register_href: Option<String>,
    /// Where to post the cancelling of a session still to come.
    cancel_action: Option<String>,
}

impl SessionRow {
    fn new(lang: Lang, session: &CourseSession, may_run: bool, now: chrono::NaiveDateTime) -> Self {
        let topic = match (&session.topic, session.module) {
            (Some(topic), _) => topic.clone(),
            (None, Some(module)) => lang.label("empowerment_module", module.as_str()),
            (None, None) => String::new(),
        };
        let cancelled = session.cancelled_at.is_some();
        Self {
            // Sessions are kept in Italian local time.
            when: session.starts_at.format("%d/%m/%Y %H:%M").to_string(),
            hours: hours(lang, i64::from(session.minutes)),
            topic,
            cancelled,
            register_href: (may_run && !cancelled).then(|| format!("/sessions/{}/attendance", session.id)),
            cancel_action: (may_run && !cancelled && session.starts_at > now)
                .then(|| format!("/sessions/{}/cancel", session.id)),
        }
    }
}

#[derive(Template)]
#[template(path = "courses/show.html")]
struct CoursePage {
    chrome: Chrome,
    title: String,
    facts: Vec<(String, String)>,
    sessions: Vec<SessionRow>,
    rows: Vec<EnrolmentRow>,
    may_see_enrolments: bool,
    /// The lab's correction and its session form, for who may run it.
    edit_href: Option<String>,
    session_action: String,
    /// The modules a session may be about: empowerment labs only.
    modules: Vec<Choice>,
    refused: Refused,
}

impl CoursePage {
    fn new(chrome: Chrome, detail: &CourseDetail, may_see_enrolments: bool, refused: Refused) -> Self {
        let lang = chrome.lang;
        let course = &detail.course;
        let mut facts = vec![
            (chrome.t("courses-kind"), kind_text(lang, course)),
            (
                chrome.t("courses-training-body"),
                detail.organisation_name.clone(),
            ),
            (
                chrome.t("courses-dates"),
                format!("{} – {}", date_text(course.starts_on), date_text(course.ends_on)),
            ),
            (
                chrome.t("courses-planned-hours"),
                hours(lang, i64::from(course.planned_minutes)),
            ),
            (
                chrome.t("courses-completion-percent"),
                course.completion_percent.to_string(),
            ),
            (
                chrome.t("courses-places-taken"),
                format!("{} / {}", detail.taken_places, course.capacity),
            ),
        ];
        if !course.modules.is_empty() {
            let modules: Vec<String> = course
                .modules
                .iter()
                .map(|m| lang.label("empowerment_module", m.as_str()))
                .collect();
            facts.push((chrome.t("courses-modules"), modules.join(", ")));
        }
        for (label, value) in [
            ("courses-mediator", &course.mediator),
            ("courses-place", &course.place),
        ] {
            if let Some(value) = value {
                facts.push((chrome.t(label), value.clone()));
            }
        }
        // Sessions are in Italian time: "still to come" is too.
        let now = rome_time(chrono::Utc::now());
        Self {
            title: course.title.clone(),
            facts,
            sessions: detail
                .sessions
                .iter()
                .map(|s| SessionRow::new(lang, s, detail.may_run, now))
                .collect(),
            edit_href: detail.may_run.then(|| format!("/courses/{}/edit", course.id)),
            session_action: format!("/courses/{}/sessions", course.id),
            modules: course
                .modules
                .iter()
                .map(|m| Choice::new(m.as_str(), lang.label("empowerment_module", m.as_str())))
                .collect(),
            refused,
            rows: detail
                .enrolments
                .iter()
                .map(|v| EnrolmentRow::new(lang, v))
                .collect(),
            may_see_enrolments,
            chrome,
        }
    }
}

async fn show(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(id) = path_id::<CourseId>(&id) else {
        return error_page(Chrome::new(&page, "/courses"), AppError::NotFound("course"));
    };
    let chrome = chrome_for(&page, &format!("/courses/{id}"), query.as_deref());
    course_page(&state, chrome, &page, id, Refused::none(), StatusCode::OK).await
}

/// A lab's page, with the session form as typed when refused.
async fn course_page(
    state: &AppState,
    chrome: Chrome,
    page: &PageUser,
    id: CourseId,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let may_see_enrolments = policy::permits(page.user.role, Operation::ReadEnrolments);
    match state.app.course(&page.user, id).await {
        Ok(detail) => render_with(
            status,
            CoursePage::new(chrome, &detail, may_see_enrolments, refused),
        ),
        Err(error) => error_page(chrome, error),
    }
}

// ---------------------------------------------------------------------------
// The class register

/// One person of the register: a field of hours named after the enrolment.
struct RegisterRow {
    label: String,
    field: Field,
}

#[derive(Template)]
#[template(path = "courses/register.html")]
struct RegisterPage {
    chrome: Chrome,
    title: String,
    subtitle: String,
    back: String,
    action: String,
    rows: Vec<RegisterRow>,
    errors: FormErrors,
}

/// The name a line of the register is posted with.
fn hours_field(enrolment: EnrolmentId) -> String {
    format!("hours-{enrolment}")
}

/// The id of the field of the line `index` of the register in the page,
/// which its messages and the summary's links use.
fn line_field(index: usize) -> String {
    format!("hours-{index}")
}

/// The domain names a line's field `attendance[i].minutes`: the page's id.
fn page_field(domain_field: &str) -> String {
    domain_field
        .strip_prefix("attendance[")
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(index, _)| index.parse().ok())
        .map_or_else(|| domain_field.to_owned(), line_field)
}

/// The register page; `typed` holds what was posted, else the recorded
/// hours, else the session's length (everyone present).
fn register_page(
    chrome: Chrome,
    register: &Register,
    typed: Option<&FormData>,
    errors: FormErrors,
) -> Response {
    let lang = chrome.lang;
    let session = &register.session;
    let rows = register
        .lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let name = hours_field(line.enrolment_id);
            let value = match typed {
                Some(form) => form.get(&name).to_owned(),
                None => hours(lang, i64::from(line.minutes.unwrap_or(session.minutes))),
            };
            RegisterRow {
                label: lang.t1("courses-register-hours-of", "name", &line.person_name),
                field: Field::new(&line_field(index), &name, &value)
                    .with_error(errors.get(&line_field(index))),
            }
        })
        .collect();
    let status = errors.status();
    render_with(
        status,
        RegisterPage {
            title: chrome.t("courses-register-title"),
            subtitle: format!(
                "{}, {} ({} h)",
                register.course.title,
                session.starts_at.format("%d/%m/%Y %H:%M"),
                hours(lang, i64::from(session.minutes))
            ),
            back: format!("/courses/{}", register.course.id),
            action: format!("/sessions/{}/attendance", session.id),
            rows,
            errors,
            chrome,
        },
    )
}

async fn register(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(id) = path_id::<SessionId>(&id) else {
        return error_page(Chrome::new(&page, "/courses"), AppError::NotFound("session"));
    };
    let chrome = chrome_for(&page, &format!("/sessions/{id}/attendance"), query.as_deref());
    match state.app.register(&page.user, id).await {
        Ok(register) => {
            let errors = FormErrors::new(chrome.lang, Vec::new());
            register_page(chrome, &register, None, errors)
        }
        Err(error) => error_page(chrome, error),
    }
}

/// Reads the register as typed: one line per person, in the register's order.
fn read_register(register: &Register, form: &FormData) -> Result<Vec<AttendanceLine>, Invalid> {
    let mut invalid = Invalid::new();
    let mut lines = Vec::new();
    for (index, line) in register.lines.iter().enumerate() {
        match parse_minutes(form.get(&hours_field(line.enrolment_id)).trim()) {
            Some(minutes) => lines.push(AttendanceLine {
                enrolment_id: line.enrolment_id,
                minutes,
            }),
            None => invalid.add(&line_field(index), "invalid_duration"),
        }
    }
    if invalid.is_empty() {
        Ok(lines)
    } else {
        Err(invalid)
    }
}

async fn record_register(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<SessionId>(&id) else {
        return error_page(Chrome::new(&page, "/courses"), AppError::NotFound("session"));
    };
    let chrome = Chrome::new(&page, &format!("/sessions/{id}/attendance"));
    let register = match state.app.register(&page.user, id).await {
        Ok(register) => register,
        Err(error) => return error_page(chrome, error),
    };
    let result = match read_register(&register, &form) {
        Ok(lines) => state.app.record_attendance(&page.user, id, &lines).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(_) => done(&format!("/sessions/{id}/attendance"), "attendance-saved"),
        Err(AppError::Invalid(mut invalid)) => {
            for error in &mut invalid.errors {
                error.field = page_field(&error.field);
            }
            let errors = FormErrors::new(chrome.lang, invalid.errors);
            register_page(chrome, &register, Some(&form), errors)
        }
        Err(other) => error_page(chrome, other),
    }
}

// ---------------------------------------------------------------------------
// Adding and correcting a lab

/// The fields of the lab form, in the order the page shows them: the
/// summary of a refused form reads like the form.
const COURSE_FIELDS: [&str; 14] = [
    "title",
    "organisation_id",
    "kind",
    "sector",
    "modules",
    "planned_hours",
    "completion_percent",
    "hourly_allowance",
    "allowance_threshold_percent",
    "capacity",
    "mediator",
    "place",
    "starts_on",
    "ends_on",
];

/// The lab form as typed (or as the lab is, when correcting it).
#[derive(Default)]
struct CourseForm {
    values: FormData,
    modules: Vec<String>,
}

impl CourseForm {
    fn read(form: &FormData) -> Self {
        Self {
            values: form.clone(),
            modules: form.values("modules"),
        }
    }

    /// The lab as its form shows it, for correcting it.
    fn of(lang: Lang, course: &Course) -> Self {
        let pairs = vec![
            ("title", course.title.clone()),
            ("organisation_id", course.organisation_id.to_string()),
            ("kind", course.kind.as_str().to_owned()),
            (
                "sector",
                course.sector.map(|s| s.as_str().to_owned()).unwrap_or_default(),
            ),
            ("planned_hours", hours(lang, i64::from(course.planned_minutes))),
            ("completion_percent", course.completion_percent.to_string()),
            (
                "hourly_allowance",
                match course.hourly_allowance_cents {
                    0 => String::new(),
                    cents => Cents(cents).to_input(),
                },
            ),
            (
                "allowance_threshold_percent",
                course.allowance_threshold_percent.to_string(),
            ),
            ("capacity", course.capacity.to_string()),
            ("mediator", course.mediator.clone().unwrap_or_default()),
            ("place", course.place.clone().unwrap_or_default()),
            ("starts_on", course.starts_on.format("%Y-%m-%d").to_string()),
            ("ends_on", course.ends_on.format("%Y-%m-%d").to_string()),
        ];
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        Self {
            values: FormData::parse(body.as_bytes()),
            modules: course.modules.iter().map(|m| m.as_str().to_owned()).collect(),
        }
    }

    /// The use case's input; what does not read is a field error, and the
    /// domain's own checks of the other fields are added to them.
    fn input(&self) -> Result<CourseInput, Invalid> {
        let form = &self.values;
        let mut invalid = Invalid::new();
        let mut modules = Vec::new();
        for value in &self.modules {
            match path_id::<EmpowermentModule>(value) {
                Some(module) => modules.push(module),
                None => invalid.add("modules", "invalid_choice"),
            }
        }
        let input = CourseInput {
            organisation_id: choice_or(
                &mut invalid,
                "organisation_id",
                form.get("organisation_id"),
                "unknown_organisation",
            ),
            kind: choice(&mut invalid, "kind", form.get("kind")),
            sector: choice(&mut invalid, "sector", form.get("sector")),
            modules,
            title: form.text("title"),
            planned_hours: optional(form.get("planned_hours")),
            completion_percent: optional(form.get("completion_percent")),
            hourly_allowance: optional(form.get("hourly_allowance")),
            allowance_threshold_percent: optional(form.get("allowance_threshold_percent")),
            mediator: optional(form.get("mediator")),
            capacity: optional(form.get("capacity")),
            place: optional(form.get("place")),
            starts_on: date(&mut invalid, "starts_on", form.get("starts_on")),
            ends_on: date(&mut invalid, "ends_on", form.get("ends_on")),
        };
        if invalid.is_empty() {
            return Ok(input);
        }
        add_missing(&mut invalid, NewCourse::parse(&input));
        Err(invalid)
    }
}

#[derive(Template)]
#[template(path = "courses/form.html")]
struct CourseFormPage {
    chrome: Chrome,
    title: String,
    back: String,
    action: String,
    fields: Vec<Field>,
    training_bodies: Vec<ChoiceGroup>,
    kinds: Vec<Choice>,
    sectors: Vec<Choice>,
    modules: Vec<Checkbox>,
    modules_field: Field,
    errors: FormErrors,
}

impl CourseFormPage {
    /// A field of the form by its name.
    fn field(&self, name: &str) -> &Field {
        let index = COURSE_FIELDS.iter().position(|f| *f == name).unwrap_or(0);
        &self.fields[index]
    }
}

/// The training bodies the user may give a lab: the organisations of their
/// region (admins: of every region, by region); a service's users run labs
/// of their own organisation only.
async fn training_bodies(state: &AppState, user: &User) -> Vec<ChoiceGroup> {
    let regions: Vec<RegionCode> = match user.region {
        Some(region) => vec![region],
        None => RegionCode::all().collect(),
    };
    let mut groups = Vec::new();
    for region in regions {
        let mut list = organisations(state, user, region).await;
        if user.role == Role::Service {
            list.retain(|o| Some(o.id) == user.organisation_id);
        }
        if !list.is_empty() {
            groups.push(ChoiceGroup {
                label: region.name().to_owned(),
                choices: organisation_choices(&list),
            });
        }
    }
    groups
}

/// The lab form page; `course` is the lab being corrected, if any.
async fn course_form_page(
    state: &AppState,
    chrome: Chrome,
    user: &User,
    course: Option<CourseId>,
    form: CourseForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = chrome.lang;
    let errors = in_form_order(errors, &COURSE_FIELDS);
    let fields = COURSE_FIELDS
        .iter()
        .map(|name| errors.field(name, form.values.get(name)))
        .collect();
    let modules = EmpowermentModule::all()
        .map(|module| Checkbox {
            value: module.as_str().to_owned(),
            label: lang.label("empowerment_module", module.as_str()),
            checked: form.modules.iter().any(|m| m == module.as_str()),
        })
        .collect();
    let (title, back, action) = match course {
        Some(id) => (
            chrome.t("courses-edit"),
            format!("/courses/{id}"),
            format!("/courses/{id}/edit"),
        ),
        None => (
            chrome.t("courses-new"),
            "/courses".to_owned(),
            "/courses/new".to_owned(),
        ),
    };
    render_with(
        status,
        CourseFormPage {
            title,
            back,
            action,
            fields,
            training_bodies: training_bodies(state, user).await,
            kinds: vocabulary(lang, "course_kind", CourseKind::all().map(CourseKind::as_str)),
            sectors: vocabulary(
                lang,
                "course_sector",
                CourseSector::all().map(CourseSector::as_str),
            ),
            modules,
            modules_field: errors.field("modules", ""),
            errors,
            chrome,
        },
    )
}

async fn new_course(State(state): State<AppState>, page: PageUser) -> Response {
    let chrome = Chrome::new(&page, "/courses/new");
    if !policy::permits(page.user.role, Operation::ManageCourses) {
        return error_page(chrome, AppError::Forbidden);
    }
    let errors = FormErrors::new(chrome.lang, Vec::new());
    course_form_page(
        &state,
        chrome,
        &page.user,
        None,
        CourseForm::default(),
        errors,
        StatusCode::OK,
    )
    .await
}

async fn create_course(State(state): State<AppState>, page: PageUser, form: FormData) -> Response {
    let chrome = Chrome::new(&page, "/courses/new");
    let form = CourseForm::read(&form);
    let result = match form.input() {
        Ok(input) => state.app.create_course(&page.user, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(course) => done(&format!("/courses/{}", course.id), "course-created"),
        Err(AppError::Invalid(invalid)) => {
            let errors = FormErrors::new(chrome.lang, invalid.errors);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            course_form_page(&state, chrome, &page.user, None, form, errors, status).await
        }
        Err(other) => error_page(chrome, other),
    }
}

async fn edit_course(State(state): State<AppState>, page: PageUser, PathText(id): PathText) -> Response {
    let Some(id) = path_id::<CourseId>(&id) else {
        return error_page(Chrome::new(&page, "/courses"), AppError::NotFound("course"));
    };
    let chrome = Chrome::new(&page, &format!("/courses/{id}/edit"));
    match state.app.course(&page.user, id).await {
        // Only who may run the lab corrects it; the others see its page.
        Ok(detail) if detail.may_run => {
            let errors = FormErrors::new(chrome.lang, Vec::new());
            let form = CourseForm::of(chrome.lang, &detail.course);
            course_form_page(&state, chrome, &page.user, Some(id), form, errors, StatusCode::OK).await
        }
        Ok(_) => error_page(chrome, AppError::Forbidden),
        Err(error) => error_page(chrome, error),
    }
}

async fn update_course(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<CourseId>(&id) else {
        return error_page(Chrome::new(&page, "/courses"), AppError::NotFound("course"));
    };
    let chrome = Chrome::new(&page, &format!("/courses/{id}/edit"));
    let form = CourseForm::read(&form);
    let result = match form.input() {
        Ok(input) => state.app.update_course(&page.user, id, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(_) => done(&format!("/courses/{id}"), "course-saved"),
        Err(AppError::Invalid(invalid)) => {
            let errors = FormErrors::new(chrome.lang, invalid.errors);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            course_form_page(&state, chrome, &page.user, Some(id), form, errors, status).await
        }
        Err(other) => error_page(chrome, other),
    }
}

// ---------------------------------------------------------------------------
// The calendar: adding and cancelling sessions

/// The id of the session form in a lab's page.
const SESSION_FORM: &str = "session";

/// The label of a field of the session form, for the summary.
fn session_label(field: &str) -> Option<&'static str> {
    match field {
        "date" => Some("courses-session-date"),
        "start_time" => Some("courses-session-start"),
        "duration" => Some("courses-session-duration"),
        "topic" => Some("courses-session-topic"),
        "module" => Some("courses-session-module"),
        _ => None,
    }
}

/// The session form as typed.
fn session_input(form: &FormData) -> Result<SessionInput, Invalid> {
    let mut invalid = Invalid::new();
    let input = SessionInput {
        date: date(&mut invalid, "date", form.get("date")),
        start_time: form.text("start_time"),
        duration: optional(form.get("duration")),
        topic: optional(form.get("topic")),
        module: choice(&mut invalid, "module", form.get("module")),
    };
    invalid.into_result(input)
}

async fn add_session(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<CourseId>(&id) else {
        return error_page(Chrome::new(&page, "/courses"), AppError::NotFound("course"));
    };
    let path = format!("/courses/{id}");
    let chrome = Chrome::new(&page, &path);
    let result = match session_input(&form) {
        Ok(input) => state.app.add_session(&page.user, id, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(_) => done(&path, "session-added"),
        Err(error) => {
            let lang = chrome.lang;
            let label = move |field: &str| session_label(field).map(|id| lang.t(id));
            match Refused::from_error(chrome.lang, SESSION_FORM, form, error, label) {
                Ok((refused, status)) => course_page(&state, chrome, &page, id, refused, status).await,
                Err(other) => error_page(chrome, other),
            }
        }
    }
}

async fn cancel_session(State(state): State<AppState>, page: PageUser, PathText(id): PathText) -> Response {
    let chrome = Chrome::new(&page, "/courses");
    let Some(id) = path_id::<SessionId>(&id) else {
        return error_page(chrome, AppError::NotFound("session"));
    };
    match state.app.cancel_session(&page.user, id).await {
        Ok(session) => done(&format!("/courses/{}", session.course_id), "session-cancelled"),
        Err(error) => error_page(chrome, error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_errors_point_at_the_pages_fields() {
        assert_eq!(page_field("attendance[2].minutes"), "hours-2");
        assert_eq!(page_field("course_id"), "course_id");
        assert_eq!(hours(Lang::En, 150), "2.5");
        assert_eq!(hours(Lang::It, 150), "2,5");
    }
}
