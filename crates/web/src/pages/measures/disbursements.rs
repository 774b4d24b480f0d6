//! The disbursements pages: the region's queue and list, one disbursement
//! with its decision, payment and cancellation, and a case's own page where
//! its manager proposes an allowance or a voucher.
//!
//! A refused form comes back on its page with what was typed and the rule
//! it broke (an exhausted line names what is left).

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use fluent_templates::fluent_bundle::FluentValue;
use soleil_app::measures::{BudgetLineQuery, DisbursementQuery};
use soleil_app::{AppError, Operation, policy};
use soleil_domain::inclusion::measure::{
    AllowanceComputation, DisbursementId, DisbursementInput, DisbursementStatus, MeasureKind, PaymentInput,
    RefusalInput,
};
use soleil_domain::{CaseId, Invalid};
use soleil_store::Page;
use soleil_store::measures::DisbursementView;

use super::super::courses::hours;
use super::super::form::{
    Choice, FormData, PathText, Refused, choice, chrome_for, date, filter_value, label_from, list_chrome,
    optional, path_id, vocabulary,
};
use super::super::pager::Pager;
use super::super::time::{date_text, day_text, rome_time};
use super::super::{
    Answer, CaseForm, Chrome, answer_form, case_sub_page, case_sub_post, error_page, render, render_with,
};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/disbursements", get(list))
        .route("/disbursements/{id}", get(show))
        .route("/disbursements/{id}/{decision}", post(decide))
        .route("/cases/{id}/disbursements", get(case_disbursements).post(propose))
}

/// One disbursement as the pages show it.
pub struct DisbursementRow {
    pub href: String,
    pub person: String,
    pub case_href: String,
    pub measure: String,
    /// "01/03/2026 – 31/03/2026".
    pub period: String,
    pub amount: String,
    pub line: String,
    pub status: String,
    /// The status's value, for the badge's colour.
    pub status_code: &'static str,
    /// How an allowance was computed, in words.
    pub how: Option<String>,
}

impl DisbursementRow {
    pub fn new(lang: Lang, view: &DisbursementView) -> Self {
        let d = &view.disbursement;
        Self {
            href: format!("/disbursements/{}", d.id),
            person: view.person_name.clone(),
            case_href: format!("/cases/{}/disbursements", d.case_id),
            measure: lang.label("measure_kind", d.measure.as_str()),
            period: format!("{} – {}", date_text(d.period_from), date_text(d.period_to)),
            amount: lang.money(d.amount),
            line: view.budget_line_code.clone(),
            status: lang.label("disbursement_status", d.status.as_str()),
            status_code: d.status.as_str(),
            how: d.computation.map(|c| computation_text(lang, &c)),
        }
    }
}

/// "2,5 h attended of 2,5 h held (100%), at 3,50 € an hour; 70% needed;
/// rounded to the cent": what the person's team and the secretariat check.
fn computation_text(lang: Lang, c: &AllowanceComputation) -> String {
    let text = lang.with_args(
        "disbursements-computation",
        &[
            ("attended", FluentValue::from(hours(lang, c.attended_minutes))),
            ("scheduled", FluentValue::from(hours(lang, c.scheduled_minutes))),
            ("percent", FluentValue::from(c.attended_percent())),
            ("rate", FluentValue::from(lang.money(c.hourly_rate))),
            ("threshold", FluentValue::from(c.threshold_percent)),
        ],
    );
    match c.rounded {
        true => format!("{text} {}", lang.t("disbursements-rounded")),
        false => text,
    }
}

// ---------------------------------------------------------------------------
// The list

/// Rows of a page of the list.
const ROWS_PER_PAGE: u32 = 25;

#[derive(Template)]
#[template(path = "measures/disbursements.html")]
struct DisbursementsPage {
    chrome: Chrome,
    title: String,
    filters: FormData,
    statuses: Vec<Choice>,
    measures: Vec<Choice>,
    rows: Vec<DisbursementRow>,
    pager: Pager,
}

async fn list(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = list_chrome(&page, "/disbursements", query.as_deref());
    let filters = FormData::query(query.as_deref());
    let wanted = DisbursementQuery {
        status: filter_value(filters.get("status")),
        measure: filter_value(filters.get("measure")),
        ..DisbursementQuery::default()
    };
    let paging = Pager::requested(query.as_deref(), ROWS_PER_PAGE);
    let (list, total) = match state.app.disbursements(&page.user, &wanted, paging).await {
        Ok(found) => found,
        Err(error) => return error_page(chrome, error),
    };
    let lang = chrome.lang;
    render(DisbursementsPage {
        title: chrome.t("disbursements-title"),
        statuses: vocabulary(
            lang,
            "disbursement_status",
            DisbursementStatus::all().map(DisbursementStatus::as_str),
        ),
        measures: measure_choices(lang),
        rows: list.iter().map(|v| DisbursementRow::new(lang, v)).collect(),
        pager: Pager::new(lang, "/disbursements", query.as_deref(), paging, total),
        filters,
        chrome,
    })
}

fn measure_choices(lang: Lang) -> Vec<Choice> {
    vocabulary(lang, "measure_kind", MeasureKind::all().map(MeasureKind::as_str))
}

// ---------------------------------------------------------------------------
// One disbursement and its decisions

/// What the secretariat or the case's team does to a disbursement; each
/// is a form of the disbursement's page with this id.
#[derive(Clone, Copy)]
enum Decision {
    Approve,
    Refuse,
    Pay,
    Cancel,
}

impl Decision {
    fn parse(text: &str) -> Option<Self> {
        match text {
            "approve" => Some(Self::Approve),
            "refuse" => Some(Self::Refuse),
            "pay" => Some(Self::Pay),
            "cancel" => Some(Self::Cancel),
            _ => None,
        }
    }

    fn form(self) -> &'static str {
        match self {
            Self::Approve => "approve",
            Self::Refuse => "refuse",
            Self::Pay => "pay",
            Self::Cancel => "cancel",
        }
    }

    /// The confirmation shown after it.
    fn done(self) -> &'static str {
        match self {
            Self::Approve => "disbursement-approved",
            Self::Refuse => "disbursement-refused",
            Self::Pay => "disbursement-paid",
            Self::Cancel => "disbursement-cancelled",
        }
    }
}

#[derive(Template)]
#[template(path = "measures/disbursement.html")]
struct DisbursementPage {
    chrome: Chrome,
    title: String,
    row: DisbursementRow,
    facts: Vec<(String, String)>,
    action: String,
    may_decide: bool,
    may_pay: bool,
    may_cancel: bool,
    /// The payment date's attributes: required, not after today.
    paid_on_attrs: String,
    refused: Refused,
}

async fn show(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(id) = path_id::<DisbursementId>(&id) else {
        return not_found(&page);
    };
    let chrome = chrome_for(&page, &format!("/disbursements/{id}"), query.as_deref());
    disbursement_page(&state, chrome, &page, id, Refused::none(), StatusCode::OK).await
}

fn not_found(page: &PageUser) -> Response {
    error_page(
        Chrome::new(page, "/disbursements"),
        AppError::NotFound("disbursement"),
    )
}

/// A disbursement's page, with a form as typed when refused.
async fn disbursement_page(
    state: &AppState,
    chrome: Chrome,
    page: &PageUser,
    id: DisbursementId,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let view = match state.app.disbursement(&page.user, id).await {
        Ok(view) => view,
        Err(error) => return error_page(chrome, error),
    };
    let lang = chrome.lang;
    let d = &view.disbursement;
    let row = DisbursementRow::new(lang, &view);
    let mut facts = vec![
        (chrome.t("disbursements-person"), row.person.clone()),
        (chrome.t("disbursements-field-measure"), row.measure.clone()),
        (chrome.t("disbursements-period"), row.period.clone()),
        (chrome.t("disbursements-field-amount"), row.amount.clone()),
        (chrome.t("disbursements-field-budget_line_id"), row.line.clone()),
        (chrome.t("disbursements-status"), row.status.clone()),
        (chrome.t("disbursements-proposed-on"), day_text(d.proposed_at)),
    ];
    if let Some(how) = &row.how {
        facts.push((chrome.t("disbursements-how"), how.clone()));
    }
    if let Some(note) = &d.note {
        facts.push((chrome.t("disbursements-field-note"), note.clone()));
    }
    if let Some(at) = d.decided_at {
        facts.push((chrome.t("disbursements-decided-on"), day_text(at)));
    }
    if let Some(reason) = &d.refusal_reason {
        facts.push((chrome.t("disbursements-refuse-reason"), reason.clone()));
    }
    if let (Some(day), Some(reference)) = (d.paid_on, &d.payment_reference) {
        facts.push((
            chrome.t("disbursements-paid"),
            format!("{} ({reference})", date_text(day)),
        ));
    }
    let decides = policy::permits(page.user.role, Operation::ApproveDisbursement);
    render_with(
        status,
        DisbursementPage {
            title: format!("{} – {}", row.measure, row.person),
            action: format!("/disbursements/{id}"),
            may_decide: decides && d.status == DisbursementStatus::Proposed,
            may_pay: decides && d.status == DisbursementStatus::Approved,
            may_cancel: policy::permits(page.user.role, Operation::ProposeDisbursement)
                && d.status.cancellable(),
            paid_on_attrs: format!("required max=\"{}\"", rome_time(chrono::Utc::now()).date()),
            row,
            facts,
            refused,
            chrome,
        },
    )
}

/// A decision's form as typed, done by its use case.
async fn decide(
    State(state): State<AppState>,
    page: PageUser,
    axum::extract::Path((raw_id, decision)): axum::extract::Path<(String, String)>,
    form: FormData,
) -> Response {
    let (Some(id), Some(decision)) = (path_id::<DisbursementId>(&raw_id), Decision::parse(&decision)) else {
        return not_found(&page);
    };
    let path = format!("/disbursements/{id}");
    let chrome = Chrome::new(&page, &path);
    let (app, user) = (&state.app, &page.user);
    let result = match decision {
        Decision::Approve => app.approve_disbursement(user, id).await,
        Decision::Refuse => {
            let input = RefusalInput {
                reason: optional(form.get("reason")),
            };
            app.refuse_disbursement(user, id, &input).await
        }
        Decision::Pay => match payment_input(&form) {
            Ok(input) => app.pay_disbursement(user, id, &input).await,
            Err(invalid) => Err(invalid.into()),
        },
        Decision::Cancel => app.cancel_disbursement(user, id).await,
    };
    let answer = Answer {
        path: &path,
        form: decision.form(),
        done: decision.done(),
        label: |lang, field| label_from(lang, "disbursements-field")(field),
    };
    answer_form(chrome, answer, form, result, async |chrome, refused, status| {
        disbursement_page(&state, chrome, &page, id, refused, status).await
    })
    .await
}

fn payment_input(form: &FormData) -> Result<PaymentInput, Invalid> {
    let mut invalid = Invalid::new();
    let input = PaymentInput {
        paid_on: date(&mut invalid, "paid_on", form.get("paid_on")),
        payment_reference: optional(form.get("payment_reference")),
    };
    invalid.into_result(input)
}

// ---------------------------------------------------------------------------
// A case's disbursements

/// The id of the proposal form in the case's page.
const PROPOSE_FORM: &str = "disbursement";

#[derive(Template)]
#[template(path = "measures/case.html")]
struct CaseDisbursementsPage {
    chrome: Chrome,
    title: String,
    back: String,
    action: String,
    rows: Vec<DisbursementRow>,
    may_propose: bool,
    lines: Vec<Choice>,
    measures: Vec<Choice>,
    enrolments: Vec<Choice>,
    /// The person's statement, for the secretariat.
    statement_href: Option<String>,
    refused: Refused,
}

async fn case_disbursements(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let show =
        async |chrome, id, refused, status| case_page(&state, chrome, &page, id, refused, status).await;
    case_sub_page(&page, &id, "disbursements", query.as_deref(), show).await
}

/// The proposal form as typed: each field read on its own.
fn proposal_input(form: &FormData) -> Result<DisbursementInput, Invalid> {
    let mut invalid = Invalid::new();
    let input = DisbursementInput {
        budget_line_id: choice(&mut invalid, "budget_line_id", form.get("budget_line_id")),
        measure: choice(&mut invalid, "measure", form.get("measure")),
        enrolment_id: choice(&mut invalid, "enrolment_id", form.get("enrolment_id")),
        period_from: date(&mut invalid, "period_from", form.get("period_from")),
        period_to: date(&mut invalid, "period_to", form.get("period_to")),
        amount: optional(form.get("amount")),
        note: optional(form.get("note")),
    };
    invalid.into_result(input)
}

async fn propose(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let posted = CaseForm {
        sub: "disbursements",
        form: PROPOSE_FORM,
        done: "disbursement-proposed",
        label: |lang, field| label_from(lang, "disbursements-field")(field),
    };
    let act = async |case, form: &FormData| match proposal_input(form) {
        Ok(input) => state.app.propose_disbursement(&page.user, case, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    let show =
        async |chrome, id, refused, status| case_page(&state, chrome, &page, id, refused, status).await;
    case_sub_post(&page, &id, posted, form, act, show).await
}

/// The case's disbursements page, with the proposal form as typed when refused.
async fn case_page(
    state: &AppState,
    chrome: Chrome,
    page: &PageUser,
    id: CaseId,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let lang = chrome.lang;
    let query = DisbursementQuery {
        case: Some(id),
        ..DisbursementQuery::default()
    };
    let whole = Page::new(0, Page::MAX_SIZE);
    let list = match state.app.disbursements(&page.user, &query, whole).await {
        Ok((list, _)) => list,
        Err(error) => return error_page(chrome, error),
    };
    let may_propose = policy::permits(page.user.role, Operation::ProposeDisbursement);
    let (lines, enrolments) = if may_propose {
        (
            line_choices(state, page).await,
            enrolment_choices(state, page, id).await,
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let statement_href = list
        .first()
        .filter(|_| policy::permits(page.user.role, Operation::ReadStatements))
        .map(|v| format!("/statements?person={}", v.disbursement.person_id));
    render_with(
        status,
        CaseDisbursementsPage {
            title: chrome.t("disbursements-case-title"),
            back: format!("/cases/{id}"),
            action: format!("/cases/{id}/disbursements"),
            rows: list.iter().map(|v| DisbursementRow::new(lang, v)).collect(),
            may_propose,
            lines,
            measures: measure_choices(lang),
            enrolments,
            statement_href,
            refused,
            chrome,
        },
    )
}

/// The region's lines, for the proposal form: code, name and what is left.
async fn line_choices(state: &AppState, page: &PageUser) -> Vec<Choice> {
    let lang = page.lang;
    match state
        .app
        .budget_lines(&page.user, &BudgetLineQuery::default())
        .await
    {
        Ok(lines) => lines
            .iter()
            .map(|l| {
                let left = lang.t1("disbursements-line-left", "amount", lang.money(l.remaining));
                Choice::new(
                    l.line.id.to_string(),
                    format!("{} – {} ({left})", l.line.code, l.line.name),
                )
            })
            .collect(),
        // The select is a convenience: the use case still checks the line.
        Err(error) => {
            tracing::warn!(%error, "budget lines for the proposal form");
            Vec::new()
        }
    }
}

/// The case's lab enrolments, for the attendance allowance.
async fn enrolment_choices(state: &AppState, page: &PageUser, case: CaseId) -> Vec<Choice> {
    match state.app.case_enrolments(&page.user, case).await {
        Ok(list) => list
            .into_iter()
            .map(|e| Choice::new(e.enrolment.id.to_string(), e.course_title))
            .collect(),
        Err(error) => {
            tracing::warn!(%error, "enrolments for the proposal form");
            Vec::new()
        }
    }
}
