//! Server-rendered pages. They work without JavaScript: every action is a
//! form post followed by a redirect (post/redirect/get), and a form that
//! fails validation is shown again with what the user typed.

mod admin;
mod cases;
mod courses;
mod directory;
mod documents;
mod employers;
mod explain;
mod figures;
mod form;
mod identity;
mod instruments;
mod intake;
mod job_offers;
mod measures;
mod monitoring;
mod pager;
mod participants;
mod places;
mod plans;
mod referrals;
mod reports;
mod rights;
mod session;
mod sheet;
mod targets;
mod time;
mod work_placements;

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::middleware;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use soleil_app::{AppError, Operation, policy};
use soleil_domain::{FieldError, User};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::AppState;
use crate::auth::{PageUser, csrf_guard};
use crate::error::status_and_code;
use crate::i18n::Lang;

pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .merge(session::routes())
        .merge(intake::routes())
        .merge(cases::routes())
        .merge(plans::routes())
        .merge(places::routes())
        .merge(referrals::routes())
        .merge(admin::routes())
        .merge(rights::routes())
        .merge(instruments::routes())
        .merge(directory::routes())
        .merge(identity::routes())
        .merge(documents::routes())
        .merge(courses::routes())
        .merge(measures::routes())
        .merge(monitoring::routes())
        .merge(figures::routes())
        .merge(targets::routes())
        .merge(participants::routes())
        .merge(reports::routes())
        .merge(employers::routes())
        .merge(job_offers::routes())
        .merge(work_placements::routes())
        .layer(middleware::from_fn_with_state(state, csrf_guard))
        // After the guard, which reads only plain forms: checks its own token.
        .merge(directory::upload_routes())
        // Pages show personal data: no browser or proxy may keep a copy.
        .layer(SetResponseHeaderLayer::overriding(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        ))
}

/// The national anti-trafficking toll-free number (Numero verde antitratta):
/// free, anonymous, every hour of every day, in many languages. The public
/// pages and the printable sheets give it.
pub const HOTLINE: &str = "800 290 290";
pub const HOTLINE_TEL: &str = "tel:800290290";

/// A link of the main menu.
pub struct NavItem {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
}

/// What every page's frame needs: language, user, menu, anti-forgery token
/// and the notice left by the previous action.
pub struct Chrome {
    pub lang: Lang,
    pub user: Option<User>,
    pub csrf: String,
    /// The path and query of this page, for the language switch to return to.
    pub here: String,
    pub notice: Option<String>,
    /// Something to check before going on, shown apart from confirmations.
    pub warning: Option<String>,
}

impl Chrome {
    pub fn new(page: &PageUser, here: &str) -> Self {
        Self {
            lang: page.lang,
            user: Some(page.user.clone()),
            csrf: page.csrf.clone(),
            here: here.to_owned(),
            notice: None,
            warning: None,
        }
    }

    /// For pages seen before signing in.
    pub fn anonymous(lang: Lang, here: &str) -> Self {
        Self {
            lang,
            user: None,
            csrf: String::new(),
            here: here.to_owned(),
            notice: None,
            warning: None,
        }
    }

    /// Shows the confirmation a redirect asked for with `?done=KEY`.
    pub fn with_notice(mut self, done: Option<&str>) -> Self {
        self.notice = done
            .filter(|key| key.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
            .map(|key| self.lang.t(&format!("done-{key}")));
        self
    }

    /// Shows a warning (message `warning-KEY`) above the page's content.
    pub fn with_warning(mut self, key: &str) -> Self {
        self.warning = Some(self.lang.t(&format!("warning-{key}")));
        self
    }

    pub fn t(&self, id: &str) -> String {
        self.lang.t(id)
    }

    /// The main menu: only what the user's role may open.
    pub fn nav(&self) -> Vec<NavItem> {
        let Some(user) = &self.user else { return Vec::new() };
        let items: [(&'static str, &str, Operation); 25] = [
            ("/contacts/new", "nav-new-contact", Operation::CreatePerson),
            ("/queue", "nav-queue", Operation::ViewQueue),
            ("/cases", "nav-cases", Operation::ListCases),
            ("/places", "nav-places", Operation::ListPlaces),
            ("/referrals", "nav-referrals", Operation::ListReferrals),
            ("/reminders", "nav-reminders", Operation::ListReminders),
            ("/persons", "nav-persons", Operation::ListPersons),
            ("/courses", "nav-courses", Operation::ListCourses),
            ("/budgets", "nav-budgets", Operation::ReadBudgets),
            (
                "/disbursements",
                "nav-disbursements",
                Operation::ReadDisbursements,
            ),
            ("/employers", "nav-employers", Operation::ListEmployers),
            ("/job-offers", "nav-job-offers", Operation::ReadJobOffers),
            (
                "/work-placements",
                "nav-work-placements",
                Operation::ReadWorkPlacements,
            ),
            ("/follow-ups", "nav-follow-ups", Operation::RecordFollowUps),
            ("/employer", "nav-employer-portal", Operation::UseEmployerPortal),
            ("/identity", "nav-identity", Operation::ReviewIdentityPairs),
            ("/monitoring", "nav-monitoring", Operation::ReadMonitoring),
            ("/reports", "nav-reports", Operation::ReadMonitoring),
            ("/statistics", "nav-statistics", Operation::ReadStatistics),
            (
                "/admin/organisations",
                "nav-organisations",
                Operation::CreateOrganisation,
            ),
            ("/admin/users", "nav-users", Operation::CreateUser),
            ("/audit", "nav-audit", Operation::ReadAudit),
            ("/instruments", "nav-instruments", Operation::ReadOwnAccount),
            ("/directory", "nav-directory", Operation::SearchServices),
            ("/", "nav-home", Operation::ReadOwnAccount),
        ];
        items
            .into_iter()
            .filter(|(_, _, operation)| policy::permits(user.role, *operation))
            .map(|(href, label, _)| NavItem {
                href,
                label: self.lang.t(label),
                current: if href == "/" {
                    self.here == "/"
                } else {
                    self.here.starts_with(href)
                },
            })
            .collect()
    }

    /// The link that switches language and comes back here.
    pub fn switch_language_href(&self) -> String {
        let start = format!("/lang/{}?", self.lang.other().code());
        form_urlencoded::Serializer::for_suffix(start.clone(), start.len())
            .append_pair("next", &self.here)
            .finish()
    }
}

/// Field errors of a form that failed validation, translated.
#[derive(Default)]
pub struct FormErrors {
    pub lang: Lang,
    pub errors: Vec<FieldError>,
}

impl FormErrors {
    pub fn new(lang: Lang, errors: Vec<FieldError>) -> Self {
        Self { lang, errors }
    }

    pub fn any(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The status of a page shown with these errors: 422 when there are any.
    pub fn status(&self) -> StatusCode {
        if self.any() {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        }
    }

    /// The message for one field, if it has an error. Errors of list items
    /// (`actions[2].description`) are found by their full name.
    pub fn get(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| self.lang.error(&e.code))
    }

    /// Every message with its field, for the summary at the top of a form.
    pub fn all(&self) -> Vec<(String, String)> {
        self.errors
            .iter()
            .map(|e| (e.field.clone(), self.lang.error(&e.code)))
            .collect()
    }
}

/// Renders a template, or an error page if the template fails.
pub fn render(template: impl Template) -> Response {
    render_with(StatusCode::OK, template)
}

pub fn render_with(status: StatusCode, template: impl Template) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => {
            tracing::error!(%error, "template failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Redirects after a successful post, with a confirmation to show.
pub fn done(path: &str, key: &str) -> Response {
    let separator = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{path}{separator}done={key}")).into_response()
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub chrome: Chrome,
    pub title: String,
    pub message: String,
}

/// The page for a use case that did not happen: the status of the API and a
/// message in the user's language.
/// A file to save, named `name`.
pub(super) fn attachment(content_type: &str, name: &str, body: Vec<u8>) -> Response {
    (
        [
            (axum::http::header::CONTENT_TYPE, content_type.to_owned()),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// A written file to save; or, when it could not be written (never the
/// reader's doing), the page of an internal error, logged with an id the
/// page shows like any fault.
pub(super) fn written_file<E: std::fmt::Display>(
    chrome: Chrome,
    content_type: &str,
    name: &str,
    file: Result<Vec<u8>, E>,
) -> Response {
    match file {
        Ok(body) => attachment(content_type, name, body),
        Err(error) => error_page(
            chrome,
            AppError::Store(soleil_store::StoreError::Corrupt(error.to_string())),
        ),
    }
}

pub fn error_page(chrome: Chrome, error: AppError) -> Response {
    let (status, _) = status_and_code(&error);
    let error = crate::error::ApiError::from_app(chrome.lang, error).body.error;
    // A page without a form says what is wrong with what its address asked.
    let message = if error.fields.is_empty() {
        error.message
    } else {
        let fields: Vec<String> = error.fields.into_iter().map(|field| field.message).collect();
        fields.join(" ")
    };
    let title = chrome.t("error-page-title");
    render_with(
        status,
        ErrorPage {
            chrome,
            title,
            message,
        },
    )
}

pub async fn not_found(headers: axum::http::HeaderMap) -> Response {
    let chrome = Chrome::anonymous(crate::auth::request_lang(&headers), "/");
    error_page(chrome, AppError::NotFound("page"))
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    chrome: Chrome,
    title: String,
    /// Open permit-expiry reminders the user handles.
    open_reminders: i64,
}

async fn home(axum::extract::State(state): axum::extract::State<AppState>, page: PageUser) -> Response {
    // An employer's own login has its portal for a home.
    if page.user.role == soleil_domain::Role::Employer {
        return Redirect::to("/employer").into_response();
    }
    let chrome = Chrome::new(&page, "/");
    let title = chrome.t("home-title");
    let open_reminders = state
        .app
        .open_reminder_count(&page.user)
        .await
        .unwrap_or_else(|error| {
            tracing::warn!(%error, "counting the open reminders for the home page");
            0
        });
    render(HomePage {
        chrome,
        title,
        open_reminders,
    })
}

// ---------------------------------------------------------------------------
// Pages under a case

/// Shows a page under a case, `/cases/{id}/{sub}`: a path id that does not
/// read is the page of a case that does not exist; the frame carries the
/// notice a redirect asked for; `show` renders the rest, its form empty.
async fn case_sub_page(
    page: &PageUser,
    raw_id: &str,
    sub: &str,
    query: Option<&str>,
    show: impl AsyncFnOnce(Chrome, soleil_domain::CaseId, form::Refused, StatusCode) -> Response,
) -> Response {
    let Some(id) = form::path_id(raw_id) else {
        return error_page(Chrome::new(page, "/cases"), AppError::NotFound("case"));
    };
    let chrome = form::chrome_for(page, &format!("/cases/{id}/{sub}"), query);
    show(chrome, id, form::Refused::none(), StatusCode::OK).await
}

/// A form posted to a page under a case.
struct CaseForm<'a> {
    /// The page: `/cases/{id}/{sub}`.
    pub sub: &'a str,
    /// The form's id in the page (its fields' ids start with it).
    pub form: &'a str,
    /// The confirmation the redirect asks for when `act` succeeds.
    pub done: &'a str,
    /// A field's label for the error summary.
    pub label: fn(Lang, &str) -> Option<String>,
}

/// Answers a form posted to a page under a case: `act` does the use case;
/// on success a redirect to the page with its confirmation, on an invalid
/// input or a conflict the page again (`show`) with the form as typed and
/// the reasons, otherwise the error page.
async fn case_sub_post<T>(
    page: &PageUser,
    raw_id: &str,
    posted: CaseForm<'_>,
    values: form::FormData,
    act: impl AsyncFnOnce(soleil_domain::CaseId, &form::FormData) -> Result<T, AppError>,
    show: impl AsyncFnOnce(Chrome, soleil_domain::CaseId, form::Refused, StatusCode) -> Response,
) -> Response {
    let Some(id) = form::path_id(raw_id) else {
        return error_page(Chrome::new(page, "/cases"), AppError::NotFound("case"));
    };
    let path = format!("/cases/{id}/{}", posted.sub);
    let chrome = Chrome::new(page, &path);
    let result = act(id, &values).await;
    let answer = Answer {
        path: &path,
        form: posted.form,
        done: posted.done,
        label: posted.label,
    };
    answer_form(chrome, answer, values, result, async |chrome, refused, status| {
        show(chrome, id, refused, status).await
    })
    .await
}

/// How a page answers one of its forms.
struct Answer<'a> {
    /// Where a success redirects.
    pub path: &'a str,
    /// The form's id in the page (its fields' ids start with it).
    pub form: &'a str,
    /// The confirmation the redirect asks for.
    pub done: &'a str,
    /// A field's label for the error summary.
    pub label: fn(Lang, &str) -> Option<String>,
}

/// Answers a posted form once its use case has run: on success a redirect
/// to the page with its confirmation; on an invalid input or a conflict the
/// page again (`show`) with the form as typed and the reasons; otherwise
/// the error page.
async fn answer_form<T>(
    chrome: Chrome,
    answer: Answer<'_>,
    values: form::FormData,
    result: Result<T, AppError>,
    show: impl AsyncFnOnce(Chrome, form::Refused, StatusCode) -> Response,
) -> Response {
    let error = match result {
        Ok(_) => return done(answer.path, answer.done),
        Err(error) => error,
    };
    let lang = chrome.lang;
    let label = |field: &str| (answer.label)(lang, field);
    match form::Refused::from_error(lang, answer.form, values, error, label) {
        Ok((refused, status)) => show(chrome, refused, status).await,
        Err(other) => error_page(chrome, other),
    }
}
