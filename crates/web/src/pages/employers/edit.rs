//! The employer form: a new employer, or the correction of one.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use soleil_app::{AppError, Operation, policy};
use soleil_domain::inclusion::employer::{Employer, EmployerId, EmployerInput, NewEmployer, SizeBand};
use soleil_domain::{Invalid, RegionCode};

use super::{Reference, comune_attrs, comune_code, comune_text, missing};
use crate::AppState;
use crate::auth::PageUser;
use crate::pages::form::{
    Choice, FormData, PathText, add_missing, choice, form_failure, in_form_order, optional, path_id,
    region_choices, vocabulary,
};
use crate::pages::{Chrome, FormErrors, done, error_page, render_with};

/// The fields of the form, in their order.
const FIELDS: [&str; 12] = [
    "region",
    "legal_name",
    "vat_number",
    "tax_code",
    "ateco_code",
    "comune",
    "address",
    "size_band",
    "contact_name",
    "contact_email",
    "contact_phone",
    "notes",
];

/// The form as typed, every field as text.
#[derive(Default)]
pub(super) struct EmployerForm {
    region: String,
    legal_name: String,
    vat_number: String,
    tax_code: String,
    ateco_code: String,
    comune: String,
    address: String,
    size_band: String,
    contact_name: String,
    contact_email: String,
    contact_phone: String,
    notes: String,
}

impl EmployerForm {
    fn read(form: &FormData) -> Self {
        Self {
            region: form.text("region"),
            legal_name: form.text("legal_name"),
            vat_number: form.text("vat_number"),
            tax_code: form.text("tax_code"),
            ateco_code: form.text("ateco_code"),
            comune: form.text("comune"),
            address: form.text("address"),
            size_band: form.text("size_band"),
            contact_name: form.text("contact_name"),
            contact_email: form.text("contact_email"),
            contact_phone: form.text("contact_phone"),
            notes: form.text("notes"),
        }
    }

    /// An employer as its correction form first shows it.
    fn of(employer: &Employer) -> Self {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        Self {
            region: employer.region.as_str().to_owned(),
            legal_name: employer.legal_name.clone(),
            vat_number: employer.vat_number.clone(),
            tax_code: text(&employer.tax_code),
            ateco_code: employer.ateco_code.clone(),
            comune: comune_text(&employer.comune),
            address: text(&employer.address),
            size_band: employer.size_band.map_or("", |b| b.as_str()).to_owned(),
            contact_name: text(&employer.contact_name),
            contact_email: text(&employer.contact_email),
            contact_phone: text(&employer.contact_phone),
            notes: text(&employer.notes),
        }
    }

    /// The use case's input; what the page cannot read (a comune no one is
    /// called, a choice outside the list) is refused here with every other
    /// message of the form.
    fn checked_input(&self) -> Result<EmployerInput, Invalid> {
        let mut invalid = Invalid::new();
        let input = EmployerInput {
            region: choice::<RegionCode>(&mut invalid, "region", &self.region),
            legal_name: optional(&self.legal_name),
            vat_number: optional(&self.vat_number),
            tax_code: optional(&self.tax_code),
            ateco_code: optional(&self.ateco_code),
            comune: comune_code(&mut invalid, "comune", &self.comune),
            address: optional(&self.address),
            contact_name: optional(&self.contact_name),
            contact_email: optional(&self.contact_email),
            contact_phone: optional(&self.contact_phone),
            size_band: choice::<SizeBand>(&mut invalid, "size_band", &self.size_band),
            notes: optional(&self.notes),
        };
        if invalid.is_empty() {
            return Ok(input);
        }
        add_missing(&mut invalid, NewEmployer::parse(&input, &Reference));
        Err(invalid)
    }
}

#[derive(Template)]
#[template(path = "employers/form.html")]
struct FormPage {
    chrome: Chrome,
    title: String,
    form: EmployerForm,
    errors: FormErrors,
    action: String,
    back: String,
    /// An admin chooses the region of a new employer; everyone else adds
    /// employers of their own region, and a correction keeps it.
    choose_region: bool,
    regions: Vec<Choice>,
    sizes: Vec<Choice>,
    /// The divisions and groups of ATECO, suggested as the code is typed.
    activities: Vec<Choice>,
    comune_attrs: String,
}

/// Suggestions of the activity field: divisions and groups, enough to find
/// one's way to the finer code, which the field takes as well.
fn activity_choices() -> Vec<Choice> {
    use soleil_reference::ateco::Level;
    soleil_reference::ateco::all()
        .iter()
        .filter(|a| matches!(a.level, Level::Division | Level::Group))
        .map(|a| Choice::new(a.code, a.title_it))
        .collect()
}

fn form_page(
    chrome: Chrome,
    (title, action, back): (String, String, String),
    form: EmployerForm,
    errors: FormErrors,
    choose_region: bool,
) -> Response {
    let lang = chrome.lang;
    let status = errors.status();
    render_with(
        status,
        FormPage {
            title,
            form,
            errors: in_form_order(errors, &FIELDS),
            action,
            back,
            choose_region,
            regions: region_choices(),
            sizes: vocabulary(lang, "emp-size", SizeBand::all().map(SizeBand::as_str)),
            activities: activity_choices(),
            comune_attrs: comune_attrs("comune"),
            chrome,
        },
    )
}

/// The title, action and way back of the new employer's form.
fn new_target(chrome: &Chrome) -> (String, String, String) {
    (
        chrome.t("emp-new-title"),
        "/employers/new".to_owned(),
        "/employers".to_owned(),
    )
}

pub(super) async fn new_form(page: PageUser) -> Response {
    let chrome = Chrome::new(&page, "/employers/new");
    if !policy::permits(page.user.role, Operation::ManageEmployers) {
        return error_page(chrome, AppError::Forbidden);
    }
    let target = new_target(&chrome);
    let errors = FormErrors::new(chrome.lang, Vec::new());
    let choose_region = page.user.region.is_none();
    form_page(chrome, target, EmployerForm::default(), errors, choose_region)
}

/// A VAT number already registered is a message on its field.
fn on_vat_number(error: AppError) -> AppError {
    match error {
        AppError::Conflict {
            code: "employer_exists",
            ..
        } => Invalid::single("vat_number", "employer_exists").into(),
        other => other,
    }
}

pub(super) async fn create(State(state): State<AppState>, page: PageUser, form: FormData) -> Response {
    let chrome = Chrome::new(&page, "/employers/new");
    let form = EmployerForm::read(&form);
    let result = match form.checked_input() {
        Ok(input) => state.app.create_employer(&page.user, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(employer) => done(&format!("/employers/{}", employer.id), "emp-created"),
        Err(error) => {
            let choose_region = page.user.region.is_none();
            form_failure(chrome, on_vat_number(error), |chrome, errors| {
                let target = new_target(&chrome);
                form_page(chrome, target, form, errors, choose_region)
            })
        }
    }
}

fn edit_target(chrome: &Chrome, id: EmployerId, name: &str) -> (String, String, String) {
    (
        chrome.lang.t1("emp-edit-title", "name", name),
        format!("/employers/{id}/edit"),
        format!("/employers/{id}"),
    )
}

pub(super) async fn edit_form(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
) -> Response {
    let Some(id) = path_id::<EmployerId>(&id) else {
        return missing(&page, "employer");
    };
    let chrome = Chrome::new(&page, &format!("/employers/{id}/edit"));
    if !policy::permits(page.user.role, Operation::ManageEmployers) {
        return error_page(chrome, AppError::Forbidden);
    }
    match state.app.employer(&page.user, id).await {
        Ok(detail) => {
            let target = edit_target(&chrome, id, &detail.employer.legal_name);
            let errors = FormErrors::new(chrome.lang, Vec::new());
            form_page(chrome, target, EmployerForm::of(&detail.employer), errors, false)
        }
        Err(error) => error_page(chrome, error),
    }
}

pub(super) async fn update(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<EmployerId>(&id) else {
        return missing(&page, "employer");
    };
    let chrome = Chrome::new(&page, &format!("/employers/{id}/edit"));
    let form = EmployerForm::read(&form);
    // The region stays the employer's: what the form says of it is not read.
    let result = match form.checked_input() {
        Ok(input) => {
            let input = EmployerInput {
                region: None,
                ..input
            };
            state.app.update_employer(&page.user, id, &input).await
        }
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(_) => done(&format!("/employers/{id}"), "emp-saved"),
        Err(error) => form_failure(chrome, on_vat_number(error), |chrome, errors| {
            let target = edit_target(&chrome, id, &form.legal_name);
            form_page(chrome, target, form, errors, false)
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_of_a_refused_form_is_found_at_once() {
        let form = EmployerForm::read(&FormData::parse(
            b"legal_name=&vat_number=00905811007&ateco_code=01.13.11&comune=Atlantide&size_band=huge",
        ));
        let invalid = form.checked_input().expect_err("refused");
        let found: Vec<(&str, &str)> = invalid
            .errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert!(found.contains(&("comune", "unknown_comune")), "{found:?}");
        assert!(found.contains(&("size_band", "invalid_choice")), "{found:?}");
        assert!(found.contains(&("legal_name", "required")), "{found:?}");
        assert!(
            found.contains(&("vat_number", "vat_number_check_digit")),
            "{found:?}"
        );
    }

    #[test]
    fn a_complete_form_reads_into_the_use_cases_input() {
        let form = EmployerForm::read(&FormData::parse(
            b"legal_name=Agricola+Pontina&vat_number=00905811006&ateco_code=011311&comune=Latina&size_band=small",
        ));
        let input = form.checked_input().expect("valid");
        assert_eq!(input.comune.as_deref(), Some("059011"));
        assert_eq!(input.size_band, Some(SizeBand::Small));
        assert_eq!(input.region, None);
    }
}
