//! The budgets pages: the region's lines with what each has committed,
//! paid and left; opening a line; raising or lowering its amount.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use soleil_app::measures::{BudgetLineQuery, DisbursementQuery};
use soleil_app::{AppError, Operation, policy};
use soleil_domain::inclusion::measure::{
    BudgetAmountInput, BudgetLineId, BudgetLineInput, BudgetLineTotals, FundingSource, MeasureKind,
};
use soleil_domain::{Invalid, RegionCode};
use soleil_store::Page;

use super::super::form::{
    Checkbox, Choice, Field, FormData, PathText, Refused, choice, chrome_for, date, label_from, optional,
    path_id, region_choices, vocabulary,
};
use super::super::time::date_text;
use super::super::{Answer, Chrome, answer_form, done, error_page, render_with};
use super::DisbursementRow;
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/budgets", get(list).post(open))
        .route("/budgets/{id}", get(show))
        .route("/budgets/{id}/amount", post(change_amount))
}

/// The id of the form that opens a line.
const OPEN_FORM: &str = "line";
/// The id of the form that changes a line's amount.
const AMOUNT_FORM: &str = "amount";

/// One line as the pages show it.
pub struct LineRow {
    pub href: String,
    pub code: String,
    pub name: String,
    pub region: String,
    pub funding_source: String,
    pub measures: String,
    pub amount: String,
    pub committed: String,
    pub paid: String,
    pub remaining: String,
    /// "01/01/2026 – 31/12/2026".
    pub validity: String,
    /// Committed as a share of the amount, for the bar: 0 to 100.
    pub used_percent: i64,
}

impl LineRow {
    fn new(lang: Lang, totals: &BudgetLineTotals) -> Self {
        let line = &totals.line;
        let measures: Vec<String> = line
            .measures
            .iter()
            .map(|m| lang.label("measure_kind", m.as_str()))
            .collect();
        let used_percent = (totals.committed.0 * 100)
            .checked_div(line.amount.0)
            .unwrap_or(0)
            .clamp(0, 100);
        Self {
            href: format!("/budgets/{}", line.id),
            code: line.code.clone(),
            name: line.name.clone(),
            region: line.region.name().to_owned(),
            funding_source: lang.label("funding_source", line.funding_source.as_str()),
            measures: measures.join(", "),
            amount: lang.money(line.amount),
            committed: lang.money(totals.committed),
            paid: lang.money(totals.paid),
            remaining: lang.money(totals.remaining),
            validity: format!("{} – {}", date_text(line.valid_from), date_text(line.valid_to)),
            used_percent,
        }
    }
}

#[derive(Template)]
#[template(path = "measures/budgets.html")]
struct BudgetsPage {
    chrome: Chrome,
    title: String,
    rows: Vec<LineRow>,
    /// Admins see every region's lines: the table names the region.
    shows_region: bool,
    may_manage: bool,
    /// For admins, who belong to no region: where the new line is.
    region: Option<Field>,
    regions: Vec<Choice>,
    funding_sources: Vec<Choice>,
    measures: Vec<Checkbox>,
    measures_field: Field,
    refused: Refused,
}

async fn list(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = chrome_for(&page, "/budgets", query.as_deref());
    budgets_page(&state, chrome, &page, Refused::none(), StatusCode::OK).await
}

/// The list of lines, with the opening form as typed when refused.
async fn budgets_page(
    state: &AppState,
    chrome: Chrome,
    page: &PageUser,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let lines = match state
        .app
        .budget_lines(&page.user, &BudgetLineQuery::default())
        .await
    {
        Ok(lines) => lines,
        Err(error) => return error_page(chrome, error),
    };
    let lang = chrome.lang;
    let ticked = refused.values_of(OPEN_FORM, "measures");
    let measures = MeasureKind::all()
        .map(|measure| Checkbox {
            value: measure.as_str().to_owned(),
            label: lang.label("measure_kind", measure.as_str()),
            checked: ticked.iter().any(|m| m == measure.as_str()),
        })
        .collect();
    let admin = page.user.region.is_none();
    render_with(
        status,
        BudgetsPage {
            title: chrome.t("budgets-title"),
            rows: lines.iter().map(|line| LineRow::new(lang, line)).collect(),
            shows_region: admin,
            may_manage: policy::permits(page.user.role, Operation::ManageBudgets),
            region: admin.then(|| refused.field(OPEN_FORM, "region")),
            regions: region_choices(),
            funding_sources: vocabulary(
                lang,
                "funding_source",
                FundingSource::all().map(FundingSource::as_str),
            ),
            measures,
            measures_field: refused.field(OPEN_FORM, "measures"),
            refused,
            chrome,
        },
    )
}

/// The opening form as typed: each field read on its own.
fn line_input(form: &FormData) -> Result<(Option<RegionCode>, BudgetLineInput), Invalid> {
    let mut invalid = Invalid::new();
    let region = choice(&mut invalid, "region", form.get("region"));
    let mut measures = Vec::new();
    for value in form.values("measures") {
        match value.parse() {
            Ok(measure) => measures.push(measure),
            Err(_) => invalid.add("measures", "invalid_choice"),
        }
    }
    let input = BudgetLineInput {
        funding_source: choice(&mut invalid, "funding_source", form.get("funding_source")),
        code: Some(form.text("code")),
        name: Some(form.text("name")),
        measures,
        amount: optional(form.get("amount")),
        per_person_cap: optional(form.get("per_person_cap")),
        valid_from: date(&mut invalid, "valid_from", form.get("valid_from")),
        valid_to: date(&mut invalid, "valid_to", form.get("valid_to")),
    };
    invalid.into_result((region, input))
}

async fn open(State(state): State<AppState>, page: PageUser, form: FormData) -> Response {
    let chrome = Chrome::new(&page, "/budgets");
    let result = match line_input(&form) {
        Ok((region, input)) => state.app.create_budget_line(&page.user, region, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    // A line opened has a page of its own; a refused one shows the list again.
    let opened = match result {
        Ok(line) => return done(&format!("/budgets/{}", line.line.id), "budget-line-opened"),
        Err(error) => Err::<(), _>(error),
    };
    let answer = Answer {
        path: "/budgets",
        form: OPEN_FORM,
        done: "budget-line-opened",
        label: |lang, field| label_from(lang, "budgets-field")(field),
    };
    answer_form(chrome, answer, form, opened, async |chrome, refused, status| {
        budgets_page(&state, chrome, &page, refused, status).await
    })
    .await
}

// ---------------------------------------------------------------------------
// One line

#[derive(Template)]
#[template(path = "measures/budget.html")]
struct BudgetPage {
    chrome: Chrome,
    title: String,
    line: LineRow,
    cap: Option<String>,
    amount_action: String,
    may_manage: bool,
    /// The line's statement, for those who may read it.
    statement_href: Option<String>,
    /// The line's disbursements, for those who may read them.
    disbursements: Option<Vec<DisbursementRow>>,
    refused: Refused,
}

async fn show(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(id) = path_id::<BudgetLineId>(&id) else {
        return error_page(Chrome::new(&page, "/budgets"), AppError::NotFound("budget_line"));
    };
    let chrome = chrome_for(&page, &format!("/budgets/{id}"), query.as_deref());
    budget_page(&state, chrome, &page, id, Refused::none(), StatusCode::OK).await
}

/// A line's page, with the amount form as typed when refused.
async fn budget_page(
    state: &AppState,
    chrome: Chrome,
    page: &PageUser,
    id: BudgetLineId,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let totals = match state.app.budget_line(&page.user, id).await {
        Ok(totals) => totals,
        Err(error) => return error_page(chrome, error),
    };
    let lang = chrome.lang;
    let disbursements = if policy::permits(page.user.role, Operation::ReadDisbursements) {
        let query = DisbursementQuery {
            budget_line: Some(id),
            ..DisbursementQuery::default()
        };
        match state
            .app
            .disbursements(&page.user, &query, Page::new(0, Page::MAX_SIZE))
            .await
        {
            Ok((list, _)) => Some(list.iter().map(|v| DisbursementRow::new(lang, v)).collect()),
            Err(error) => return error_page(chrome, error),
        }
    } else {
        None
    };
    let statement_href = policy::permits(page.user.role, Operation::ReadStatements)
        .then(|| format!("/statements?budget_line={id}"));
    render_with(
        status,
        BudgetPage {
            title: format!("{} – {}", totals.line.code, totals.line.name),
            line: LineRow::new(lang, &totals),
            cap: totals.line.per_person_cap.map(|cap| lang.money(cap)),
            amount_action: format!("/budgets/{id}/amount"),
            may_manage: policy::permits(page.user.role, Operation::ManageBudgets),
            statement_href,
            disbursements,
            refused,
            chrome,
        },
    )
}

async fn change_amount(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<BudgetLineId>(&id) else {
        return error_page(Chrome::new(&page, "/budgets"), AppError::NotFound("budget_line"));
    };
    let path = format!("/budgets/{id}");
    let chrome = Chrome::new(&page, &path);
    let input = BudgetAmountInput {
        amount: optional(form.get("amount")),
    };
    let result = state.app.change_budget_amount(&page.user, id, &input).await;
    let answer = Answer {
        path: &path,
        form: AMOUNT_FORM,
        done: "budget-amount-changed",
        label: |lang, field| label_from(lang, "budgets-field")(field),
    };
    answer_form(chrome, answer, form, result, async |chrome, refused, status| {
        budget_page(&state, chrome, &page, id, refused, status).await
    })
    .await
}
