//! Referrals in the pages: the section of the case page where the case
//! manager or the secretariat refers the person to a service and follows
//! the answer, and `/referrals`, where a service answers what it received,
//! seeing only what was shared, and senders follow theirs.

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use soleil_app::cases::CaseFile;
use soleil_app::referrals::{ReferralItem, ReferralQuery, ReferralStatistics, SharedData, StatisticsQuery};
use soleil_app::{AppError, AppResult, Page, policy};
use soleil_domain::referral::{ReferralAnswer, ReferralInput};
use soleil_domain::{
    CaseId, CaseState, Invalid, NeedArea, ReferralId, ReferralShare, ReferralState, Role, User,
};
use soleil_store::network::OrganisationFilter;

use super::cases::{no_such_case, refused_case_page};
use super::form::{
    Choice, Field, FormData, Refused, choice, date, iso_date, label_from, list_chrome, path_id,
    region_choices, required_choice, vocabulary,
};
use super::time::date_text;
use super::{Chrome, FormErrors, done, error_page, render_with};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/referrals", get(list))
        .route("/referrals/statistics", get(statistics))
        .route("/cases/{id}/referrals", post(send))
        .route("/referrals/{id}/{answer}", post(answer))
}

/// One referral as a list shows it.
pub(super) struct ReferralRow {
    pub id: ReferralId,
    pub case_id: CaseId,
    pub organisation: String,
    pub area: String,
    pub description: String,
    pub due: String,
    pub state: String,
    pub open: bool,
    pub overdue: bool,
    pub accepted: bool,
    /// The reason of a decline, or the feedback of a completion.
    pub answer: Option<String>,
    /// The names of what it shares.
    pub shares: String,
}

fn row(lang: Lang, item: &ReferralItem) -> ReferralRow {
    let r = &item.referral.referral;
    ReferralRow {
        id: r.id,
        case_id: r.case_id,
        organisation: item.referral.organisation_name.clone(),
        area: lang.label("need_area", r.area.as_str()),
        description: r.description.clone(),
        due: date_text(r.due_date),
        state: lang.label("referral_state", r.state.as_str()),
        open: r.state == ReferralState::Sent,
        overdue: item.overdue,
        accepted: r.state == ReferralState::Accepted,
        answer: r.feedback.clone().or_else(|| r.decline_reason.clone()),
        shares: r
            .shares
            .iter()
            .map(|s| lang.label("referral_share", s.as_str()))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// What the case page shows of the case's referrals, and what it offers.
#[derive(Default)]
pub(super) struct CaseSection {
    pub rows: Vec<ReferralRow>,
    pub overdue: usize,
    /// The case manager or the secretariat, on an open case.
    pub send: bool,
    pub organisations: Vec<Choice>,
    pub areas: Vec<Choice>,
    pub shares: Vec<Choice>,
}

impl CaseSection {
    pub(super) fn shared(&self, refused: &Refused, value: &str) -> bool {
        !refused.value("referral", &format!("share_{value}")).is_empty()
    }
}

/// The section for a case file the caller has opened.
pub(super) async fn case_section(state: &AppState, user: &User, lang: Lang, file: &CaseFile) -> CaseSection {
    let rows: Vec<ReferralRow> = state
        .app
        .case_referrals(user, file.case.id)
        .await
        .unwrap_or_default()
        .iter()
        .map(|item| row(lang, item))
        .collect();
    let send = matches!(user.role, Role::CaseManager | Role::Secretariat)
        && policy::acts_for_case(user, &file.case)
        && file.case.state != CaseState::Closed;
    let organisations = if send {
        let filter = OrganisationFilter {
            region: Some(file.case.region),
            ..OrganisationFilter::default()
        };
        state
            .app
            .organisations(user, &filter, Page::new(0, 200))
            .await
            .map(|(list, _)| list)
            .unwrap_or_default()
            .into_iter()
            .map(|o| Choice::new(o.id.to_string(), o.name))
            .collect()
    } else {
        Vec::new()
    };
    CaseSection {
        overdue: rows.iter().filter(|r| r.overdue).count(),
        rows,
        send,
        organisations,
        areas: vocabulary(lang, "need_area", NeedArea::all().map(NeedArea::as_str)),
        shares: vocabulary(
            lang,
            "referral_share",
            ReferralShare::all().map(ReferralShare::as_str),
        ),
    }
}

async fn send(
    State(state): State<AppState>,
    page: PageUser,
    Path(id): Path<String>,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<CaseId>(&id) else {
        return no_such_case(&page);
    };
    let mut invalid = Invalid::new();
    let organisation = required_choice(
        &mut invalid,
        "organisation_id",
        form.get("organisation_id"),
        "unknown_organisation",
    );
    let area = required_choice(&mut invalid, "area", form.get("area"), "required");
    if form.get("due_date").trim().is_empty() {
        invalid.add("due_date", "required");
    }
    let due = date(&mut invalid, "due_date", form.get("due_date"));
    let shares: Vec<ReferralShare> = ReferralShare::all()
        .filter(|s| form.checked(&format!("share_{s}")))
        .collect();
    let result = match (organisation, area, due) {
        (Some(organisation_id), Some(area), Some(due_date)) if invalid.is_empty() => {
            let input = ReferralInput {
                organisation_id,
                area,
                description: form.text("description"),
                due_date,
                shares,
                consent: form.checked("consent"),
            };
            state.app.send_referral(&page.user, id, &input).await
        }
        _ => Err(invalid.into()),
    };
    match result {
        Ok(_) => done(&format!("/cases/{id}"), "referral-sent"),
        Err(error) => refused_case_page(&state, &page, id, "referral", form, error).await,
    }
}

/// A referral as `/referrals` shows it: with the shared data for its receiver.
struct ListRow {
    row: ReferralRow,
    shared: Option<SharedView>,
}

/// The shared data in words.
struct SharedView {
    lines: Vec<(String, String)>,
    actions: Vec<String>,
}

fn shared_view(lang: Lang, shared: SharedData) -> SharedView {
    let mut lines = Vec::new();
    let name = [shared.given_name, shared.surname]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    if !name.is_empty() {
        lines.push((lang.t("referrals-shared-name"), name));
    }
    if let Some(phone) = shared.phone {
        lines.push((lang.t("referrals-shared-phone"), phone));
    }
    if let Some(languages) = shared.languages {
        lines.push((lang.t("referrals-shared-languages"), languages.join(", ")));
    }
    if let Some(screening) = shared.screening {
        lines.push((
            lang.t("referrals-shared-sector"),
            lang.label("work_sector", screening.sector.as_str()),
        ));
        if let Some(place) = screening.work_place {
            lines.push((lang.t("referrals-shared-work-place"), place));
        }
        let urgent: Vec<&str> = [
            (screening.urgent.danger, "danger"),
            (screening.urgent.health, "health"),
            (screening.urgent.no_shelter, "no_shelter"),
            (screening.urgent.minors, "minors"),
        ]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect();
        if !urgent.is_empty() {
            let urgent: Vec<String> = urgent
                .into_iter()
                .map(|u| lang.t(&format!("referrals-urgent-{u}")))
                .collect();
            lines.push((lang.t("referrals-shared-urgent"), urgent.join(", ")));
        }
        if let Some(outcome) = screening.outcome {
            lines.push((lang.t("referrals-shared-outcome"), outcome));
        }
    }
    let actions = shared
        .plan_actions
        .unwrap_or_default()
        .into_iter()
        .map(|a| format!("{}: {}", lang.label("need_area", a.area.as_str()), a.description))
        .collect();
    SharedView { lines, actions }
}

#[derive(Template)]
#[template(path = "referrals/list.html")]
struct ListPage {
    chrome: Chrome,
    title: String,
    rows: Vec<ListRow>,
    overdue_only: bool,
    /// A receiving service: answer forms and shared data.
    receiver: bool,
    refused: Refused,
    /// Who may read the figures per service gets a link to them.
    statistics_link: bool,
}

async fn list(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = list_chrome(&page, "/referrals", query.as_deref());
    let filters = FormData::query(query.as_deref());
    list_page(
        &state,
        &page.user,
        chrome,
        filters.checked("overdue"),
        Refused::none(),
        StatusCode::OK,
    )
    .await
}

async fn list_page(
    state: &AppState,
    user: &User,
    chrome: Chrome,
    overdue_only: bool,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let lang = chrome.lang;
    let query = ReferralQuery {
        overdue: overdue_only.then_some(true),
        state: None,
    };
    let items = match state.app.referrals(user, &query).await {
        Ok(items) => items,
        Err(error) => return error_page(chrome, error),
    };
    let receiver = user.role == Role::Service;
    let mut rows = Vec::new();
    for item in &items {
        let shared = if receiver {
            match state.app.referral(user, item.referral.referral.id).await {
                Ok(file) => Some(shared_view(lang, file.shared)),
                Err(error) => return error_page(chrome, error),
            }
        } else {
            None
        };
        rows.push(ListRow {
            row: row(lang, item),
            shared,
        });
    }
    render_with(
        status,
        ListPage {
            statistics_link: policy::permits(user.role, soleil_app::Operation::ReadReferralStatistics),
            title: chrome.t("referrals-title"),
            rows,
            overdue_only,
            receiver,
            refused,
            chrome,
        },
    )
}

async fn answer(
    State(state): State<AppState>,
    page: PageUser,
    Path((id, answer)): Path<(String, String)>,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<ReferralId>(&id) else {
        let chrome = Chrome::new(&page, "/referrals");
        return error_page(chrome, AppError::NotFound("referral"));
    };
    let input = ReferralAnswer {
        reason: form.trimmed("reason"),
        feedback: form.trimmed("feedback"),
    };
    let user = &page.user;
    let result = match answer.as_str() {
        "accept" => state.app.accept_referral(user, id).await,
        "decline" => state.app.decline_referral(user, id, &input).await,
        "complete" => state.app.complete_referral(user, id, &input).await,
        "cancel" => state.app.cancel_referral(user, id, &input).await,
        _ => Err(AppError::NotFound("referral")),
    };
    match result {
        Ok(item) if answer == "cancel" => done(
            &format!("/cases/{}", item.referral.referral.case_id),
            "referral-cancelled",
        ),
        Ok(item) => {
            let key = match item.referral.referral.state {
                ReferralState::Accepted => "referral-accepted",
                ReferralState::Declined => "referral-declined",
                _ => "referral-completed",
            };
            done("/referrals", key)
        }
        Err(error) => {
            let chrome = Chrome::new(&page, "/referrals");
            let form_name = format!("{answer}-{id}");
            let label = label_from(chrome.lang, "referrals-field");
            match Refused::from_error(chrome.lang, &form_name, form, error, label) {
                Ok((refused, status)) => list_page(&state, user, chrome, false, refused, status).await,
                Err(error) => error_page(chrome, error),
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Statistics per receiving service
// ---------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "referrals/statistics.html")]
struct StatisticsPage {
    chrome: Chrome,
    title: String,
    /// The filters as typed, with the message of each that could not be read.
    region: Field,
    from: Field,
    to: Field,
    errors: FormErrors,
    /// Admins and coordinators without a region choose one.
    regions: Option<Vec<Choice>>,
    caption: String,
    statistics: ReferralStatistics,
}

impl StatisticsPage {
    /// Hours with one decimal; a dash where nothing was answered yet.
    fn hours(value: &Option<f64>) -> String {
        value.map(|h| format!("{h:.1}")).unwrap_or_else(|| "–".into())
    }
}

/// The figures asked for in the query, or why they cannot be given.
async fn asked_statistics(
    state: &AppState,
    user: &User,
    filters: &FormData,
) -> AppResult<ReferralStatistics> {
    let mut invalid = Invalid::new();
    let asked = StatisticsQuery {
        region: choice(&mut invalid, "region", filters.get("region")),
        from: date(&mut invalid, "from", filters.get("from")),
        to: date(&mut invalid, "to", filters.get("to")),
    };
    let asked = invalid.into_result(asked)?;
    state.app.referral_statistics(user, &asked).await
}

async fn statistics(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let query = query.as_deref();
    let filters = FormData::query(query);
    let chrome = list_chrome(&page, "/referrals/statistics", query);
    let lang = chrome.lang;
    let (statistics, errors, status) = match asked_statistics(&state, &page.user, &filters).await {
        Ok(statistics) => (statistics, FormErrors::default(), StatusCode::OK),
        // A period that cannot be read: the form again, nothing counted.
        Err(AppError::Invalid(invalid)) => {
            let nothing = ReferralStatistics {
                region: None,
                from: None,
                to: None,
                organisations: Vec::new(),
            };
            let errors = FormErrors::new(lang, invalid.errors);
            (nothing, errors, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(error) => return error_page(chrome, error),
    };
    let choose_region = page.user.region.is_none() || page.user.role == Role::Admin;
    let caption = match statistics.region {
        Some(region) => lang.t1("referrals-stats-caption", "region", region.name()),
        None => lang.t("referrals-stats-caption-all"),
    };
    let typed_date = |name: &str| errors.field(name, &iso_date(filters.get(name).to_owned()));
    render_with(
        status,
        StatisticsPage {
            title: chrome.t("referrals-stats-title"),
            region: errors.field("region", filters.get("region")),
            from: typed_date("from"),
            to: typed_date("to"),
            regions: choose_region.then(region_choices),
            caption,
            statistics,
            errors,
            chrome,
        },
    )
}
