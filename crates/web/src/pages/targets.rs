//! A region's targets for the referral chain, `/monitoring/targets`: how
//! many days each step should take at most. The region's coordinators (and
//! admins) change them; the secretariat reads them.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use axum::routing::get;
use soleil_app::monitoring::{RegionTargets, TargetInput, TargetsInput, TargetsQuery};
use soleil_app::{AppError, Operation, policy};
use soleil_domain::Invalid;
use soleil_domain::monitoring::Step;

use crate::AppState;
use crate::auth::PageUser;
use crate::pages::form::{Choice, Field, FormData, choice, list_chrome, region_choices};
use crate::pages::{Chrome, FormErrors, done, error_page, render_with};

pub fn routes() -> Router<AppState> {
    Router::new().route("/monitoring/targets", get(show).post(save))
}

/// One step's line: its name, its default and the field of its target.
struct TargetLine {
    step: String,
    default_days: String,
    field: Field,
}

#[derive(Template)]
#[template(path = "monitoring/targets.html")]
struct TargetsPage {
    chrome: Chrome,
    title: String,
    /// Only for readers who may choose a region.
    region_field: Option<(Field, Vec<Choice>)>,
    /// The region shown, as the form posts it back.
    region: String,
    region_name: String,
    lines: Vec<TargetLine>,
    may_change: bool,
    errors: FormErrors,
}

fn query_of(form: &FormData) -> (TargetsQuery, Invalid) {
    let mut invalid = Invalid::new();
    let region = choice(&mut invalid, "region", form.get("region"));
    (TargetsQuery { region }, invalid)
}

async fn show(State(state): State<AppState>, page: PageUser, RawQuery(raw): RawQuery) -> Response {
    let chrome = list_chrome(&page, "/monitoring/targets", raw.as_deref());
    let form = FormData::query(raw.as_deref());
    let (query, invalid) = query_of(&form);
    if !invalid.is_empty() {
        return error_page(chrome, invalid.into());
    }
    let result = if page.user.region.is_none() && query.region.is_none() {
        // Admins and network coordinators choose the region first.
        Ok(None)
    } else {
        state.app.step_targets(&page.user, query).await.map(Some)
    };
    match result {
        Ok(targets) => render(
            chrome,
            &page,
            targets.as_ref(),
            &FormData::default(),
            FormErrors::default(),
        ),
        Err(error) => error_page(chrome, error),
    }
}

async fn save(State(state): State<AppState>, page: PageUser, form: FormData) -> Response {
    let chrome = list_chrome(&page, "/monitoring/targets", None);
    let (query, invalid) = query_of(&form);
    if !invalid.is_empty() {
        return error_page(chrome, invalid.into());
    }
    let result = match targets_input(&form) {
        Ok(input) => state.app.set_step_targets(&page.user, query, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(saved) => done(
            &format!("/monitoring/targets?region={}", saved.region.as_str()),
            "targets-saved",
        ),
        Err(AppError::Invalid(invalid)) => {
            let shown = state.app.step_targets(&page.user, query).await;
            match shown {
                Ok(targets) => {
                    let errors = FormErrors::new(chrome.lang, invalid.errors);
                    render(chrome, &page, Some(&targets), &form, errors)
                }
                Err(error) => error_page(chrome, error),
            }
        }
        Err(error) => error_page(chrome, error),
    }
}

/// The field of a step's target.
fn field_name(step: Step) -> String {
    format!("days-{}", step.as_str())
}

/// The form as posted: a whole number of days for each step, or none to
/// go back to the default (the form shows every target set, so a field
/// left empty was emptied).
fn targets_input(form: &FormData) -> Result<TargetsInput, Invalid> {
    let mut invalid = Invalid::new();
    let mut targets = Vec::new();
    for step in Step::all().skip(1) {
        let name = field_name(step);
        let typed = form.get(&name).trim();
        if typed.is_empty() {
            targets.push(TargetInput { step, days: None });
            continue;
        }
        match typed.parse::<i32>() {
            Ok(days) if soleil_domain::monitoring::Targets::RANGE.contains(&days) => {
                targets.push(TargetInput {
                    step,
                    days: Some(days),
                });
            }
            _ => invalid.add(&name, "target_out_of_range"),
        }
    }
    invalid.into_result(TargetsInput { targets })
}

fn render(
    chrome: Chrome,
    page: &PageUser,
    targets: Option<&RegionTargets>,
    typed: &FormData,
    errors: FormErrors,
) -> Response {
    let lang = chrome.lang;
    let lines = targets
        .map(|t| {
            t.targets
                .iter()
                .map(|target| {
                    let name = field_name(target.step);
                    let saved = target.days.map(|d| d.to_string()).unwrap_or_default();
                    let value = if errors.any() {
                        typed.get(&name).to_owned()
                    } else {
                        saved
                    };
                    TargetLine {
                        step: lang.label("monitoring_step", target.step.as_str()),
                        default_days: target.default_days.map(|d| d.to_string()).unwrap_or_default(),
                        field: errors.field(&name, &value),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let region = targets.map(|t| t.region);
    render_with(
        errors.status(),
        TargetsPage {
            title: chrome.t("targets-title"),
            region_field: page.user.region.is_none().then(|| {
                (
                    Field::new("region", "region", region.map_or("", |r| r.as_str())),
                    region_choices(),
                )
            }),
            region: region.map(|r| r.as_str().to_owned()).unwrap_or_default(),
            region_name: region.map(|r| r.name().to_owned()).unwrap_or_default(),
            lines,
            may_change: policy::permits(page.user.role, Operation::ManageTargets),
            errors,
            chrome,
        },
    )
}
