//! Pages: employers, their sites, needs surveys and logins, and the needs
//! of the surveyed employers per sector and province.
//!
//! An employer's page holds the forms that change it (a site, a survey, a
//! login); a refused one comes back on the same page, 422, with what was
//! typed and the reasons next to the fields.

mod edit;
mod needs;
mod survey;

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use soleil_app::directory::sheet::find_comune;
use soleil_app::employers::{EmployerDetail, EmployerLoginInput, EmployerQuery};
use soleil_app::{AppError, Operation, policy};
use soleil_domain::inclusion::employer::survey::EmployerSurvey;
use soleil_domain::inclusion::employer::{
    Catalogues, Employer, EmployerId, EmployerSite, EmployerSiteId, NewSite, SiteInput,
};
use soleil_domain::{Invalid, OrganisationKind, RegionCode, User, UserId};

use super::form::{
    Choice, FormData, PathText, Refused, add_missing, choice, chrome_for, filter_value, label_from,
    list_chrome, optional, organisation_choices, organisations, path_id, region_choices,
};
use super::pager::Pager;
use super::time::{date_text, day_text};
use super::{Chrome, done, error_page, render, render_with};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/employers", get(list))
        .route("/employers/new", get(edit::new_form).post(edit::create))
        .route("/employers/{id}", get(show))
        .route("/employers/{id}/edit", get(edit::edit_form).post(edit::update))
        .route("/employers/{id}/sites", post(add_site))
        .route("/employers/{id}/sites/{site}/remove", post(remove_site))
        .route("/employers/{id}/surveys", post(survey::record))
        .route("/employers/{id}/logins", post(create_login))
        .route("/employers/{id}/logins/{user}/deactivate", post(deactivate_login))
        .route("/employer-needs", get(needs::table))
        .route("/employer-needs.csv", get(needs::csv))
}

/// Employers per page of the list.
const ROWS_PER_PAGE: u32 = 25;

/// The ids of the forms of an employer's page.
const SITE_FORM: &str = "site";
const SURVEY_FORM: &str = "survey";
const LOGIN_FORM: &str = "login";

/// The catalogues, as the use cases check input against them. The pages
/// check a form with them only to show every message of a refused form at
/// once, together with the page's own (a number or date that does not
/// read); what is saved is always checked again by the use case.
struct Reference;

impl Catalogues for Reference {
    fn activity(&self, code: &str) -> Option<&'static str> {
        soleil_reference::ateco::parse(code)
            .filter(|a| a.parent.is_some())
            .map(|a| a.code)
    }
    fn province_of(&self, comune: &str) -> Option<&'static str> {
        soleil_reference::comune(comune).map(|c| c.province_code)
    }
    fn is_unit_group(&self, code: &str) -> bool {
        soleil_reference::occupations::get(code).is_some_and(|o| o.is_unit_group())
    }
}

/// A comune as people read it: "Latina (LT)"; the code when unknown.
fn comune_text(code: &str) -> String {
    soleil_reference::comune(code).map_or_else(
        || code.to_owned(),
        |c| format!("{} ({})", c.name, c.province_abbreviation),
    )
}

/// A comune as typed (a name, "Name (XX)" or an ISTAT code) as its code:
/// blank is none (the use case says it is required), a name that finds no
/// comune, or several, an error of the field.
fn comune_code(invalid: &mut Invalid, field: &str, typed: &str) -> Option<String> {
    if typed.trim().is_empty() {
        return None;
    }
    match find_comune(typed, None) {
        Ok(code) => Some(code),
        Err((code, _)) => {
            invalid.add(field, code);
            None
        }
    }
}

/// An ATECO code with its title: "01.13.11 – Coltivazione di ...".
fn activity_text(code: &str) -> String {
    soleil_reference::ateco::get(code).map_or_else(|| code.to_owned(), |a| format!("{code} – {}", a.title_it))
}

/// The ATECO sections, as the sector filter offers them.
fn sector_choices() -> Vec<Choice> {
    soleil_reference::ateco::sections()
        .map(|s| Choice::new(s.code, format!("{} – {}", s.code, s.title_it)))
        .collect()
}

/// The provinces of a region (all the network's for those of no region), by name.
fn province_choices(region: Option<RegionCode>) -> Vec<Choice> {
    let regions: Vec<&str> = match region {
        Some(region) => vec![region.istat_code()],
        None => RegionCode::all().map(RegionCode::istat_code).collect(),
    };
    soleil_reference::provinces()
        .iter()
        .filter(|p| regions.contains(&p.region_code))
        .map(|p| Choice::new(p.code, p.name))
        .collect()
}

/// The attributes that give a comune field its suggestions (`static/comuni.js`).
fn comune_attrs(id: &str) -> String {
    format!("list=\"{id}-suggestions\" autocomplete=\"off\" data-comuni-source=\"/directory/comuni\"")
}

// ---------------------------------------------------------------------------
// The list

struct EmployerRow {
    name: String,
    href: String,
    vat_number: String,
    activity: String,
    comune: String,
}

impl EmployerRow {
    fn new(employer: &Employer) -> Self {
        Self {
            name: employer.legal_name.clone(),
            href: format!("/employers/{}", employer.id),
            vat_number: employer.vat_number.clone(),
            activity: activity_text(&employer.ateco_code),
            comune: comune_text(&employer.comune),
        }
    }
}

#[derive(Template)]
#[template(path = "employers/list.html")]
struct ListPage {
    chrome: Chrome,
    title: String,
    /// The filters, as typed.
    filters: FormData,
    sectors: Vec<Choice>,
    provinces: Vec<Choice>,
    /// For admins, who belong to no region.
    regions: Option<Vec<Choice>>,
    rows: Vec<EmployerRow>,
    pager: Pager,
    may_create: bool,
    may_read_needs: bool,
}

async fn list(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = list_chrome(&page, "/employers", query.as_deref());
    let filters = FormData::query(query.as_deref());
    let paging = Pager::requested(query.as_deref(), ROWS_PER_PAGE);
    // A filter value outside its choices filters nothing.
    let sector = filters
        .trimmed("sector")
        .map(|s| s.to_uppercase())
        .filter(|s| soleil_reference::ateco::sections().any(|a| a.code == s));
    let province = filters
        .trimmed("province")
        .filter(|p| soleil_reference::province(p).is_some());
    let employer_query = EmployerQuery {
        q: optional(filters.get("q")),
        sector,
        province,
        region: filter_value(filters.get("region")),
        page: paging.number,
        page_size: Some(paging.size),
    };
    match state.app.employers(&page.user, &employer_query).await {
        Ok(found) => {
            let own_region = page.user.region;
            render(ListPage {
                title: chrome.t("emp-list-title"),
                filters,
                sectors: sector_choices(),
                provinces: province_choices(own_region),
                regions: own_region.is_none().then(region_choices),
                rows: found.employers.iter().map(EmployerRow::new).collect(),
                pager: Pager::new(chrome.lang, "/employers", query.as_deref(), paging, found.total),
                may_create: policy::permits(page.user.role, Operation::ManageEmployers),
                may_read_needs: policy::permits(page.user.role, Operation::ReadEmployerNeeds),
                chrome,
            })
        }
        Err(error) => error_page(chrome, error),
    }
}

// ---------------------------------------------------------------------------
// An employer's page

struct SiteRow {
    comune: String,
    address: String,
    remove_action: String,
}

impl SiteRow {
    fn new(site: &EmployerSite) -> Self {
        Self {
            comune: comune_text(&site.comune),
            address: site.address.clone().unwrap_or_default(),
            remove_action: format!("/employers/{}/sites/{}/remove", site.employer_id, site.id),
        }
    }
}

/// One row of needs of a survey.
struct NeedRow {
    occupation: String,
    workers: i32,
    skills: String,
    needed_by: String,
}

struct SurveyRow {
    /// "12/03/2026", what the survey's table is captioned with.
    surveyed_on: String,
    open_to_training: String,
    internships: i32,
    apprenticeships: i32,
    other_insertion: String,
    notes: String,
    needs: Vec<NeedRow>,
}

impl SurveyRow {
    fn new(lang: Lang, survey: &EmployerSurvey) -> Self {
        let yes_no = if survey.open_to_training {
            "emp-yes"
        } else {
            "emp-no"
        };
        Self {
            surveyed_on: date_text(survey.surveyed_on),
            open_to_training: lang.t(yes_no),
            internships: survey.internships,
            apprenticeships: survey.apprenticeships,
            other_insertion: survey.other_insertion.clone().unwrap_or_default(),
            notes: survey.notes.clone().unwrap_or_default(),
            needs: survey
                .needs
                .iter()
                .map(|need| NeedRow {
                    occupation: survey::occupation_text(lang, &need.occupation),
                    workers: need.workers,
                    skills: need.skills.clone().unwrap_or_default(),
                    needed_by: need.needed_by.map(date_text).unwrap_or_default(),
                })
                .collect(),
        }
    }
}

struct LoginRow {
    name: String,
    email: String,
    active: bool,
    deactivate_action: String,
}

impl LoginRow {
    fn new(employer: EmployerId, user: &User) -> Self {
        Self {
            name: user.display_name.clone(),
            email: user.email.clone(),
            active: user.active,
            deactivate_action: format!("/employers/{employer}/logins/{}/deactivate", user.id),
        }
    }
}

#[derive(Template)]
#[template(path = "employers/show.html")]
struct ShowPage {
    chrome: Chrome,
    title: String,
    base: String,
    facts: Vec<(String, String)>,
    sites: Vec<SiteRow>,
    surveys: Vec<SurveyRow>,
    /// The logins of the employer, for those who manage logins.
    logins: Option<Vec<LoginRow>>,
    /// The organisations a new login may belong to.
    login_organisations: Vec<Choice>,
    may_manage: bool,
    refused: Refused,
    /// The rows of needs of the survey form.
    need_rows: Vec<survey::NeedFields>,
    occupations: Vec<Choice>,
    site_comune_attrs: String,
    /// A survey is not dated in the future.
    surveyed_on_attrs: String,
}

fn facts(lang: Lang, employer: &Employer) -> Vec<(String, String)> {
    let mut facts = vec![
        (lang.t("emp-field-vat_number"), employer.vat_number.clone()),
        (
            lang.t("emp-field-ateco_code"),
            activity_text(&employer.ateco_code),
        ),
        (lang.t("emp-field-comune"), comune_text(&employer.comune)),
        (lang.t("emp-region"), employer.region.name().to_owned()),
    ];
    let optional = [
        ("emp-field-tax_code", &employer.tax_code),
        ("emp-field-address", &employer.address),
        ("emp-field-contact_name", &employer.contact_name),
        ("emp-field-contact_email", &employer.contact_email),
        ("emp-field-contact_phone", &employer.contact_phone),
        ("emp-field-notes", &employer.notes),
    ];
    for (label, value) in optional {
        if let Some(value) = value {
            facts.push((lang.t(label), value.clone()));
        }
    }
    if let Some(band) = employer.size_band {
        facts.push((
            lang.t("emp-field-size_band"),
            lang.label("emp-size", band.as_str()),
        ));
    }
    facts.push((lang.t("emp-updated-on"), day_text(employer.updated_at)));
    facts
}

async fn show(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(id) = path_id::<EmployerId>(&id) else {
        return missing(&page, "employer");
    };
    let chrome = chrome_for(&page, &format!("/employers/{id}"), query.as_deref());
    employer_page(&state, chrome, &page, id, Refused::none(), StatusCode::OK).await
}

/// The employer's page, with the form that was refused as typed.
async fn employer_page(
    state: &AppState,
    chrome: Chrome,
    page: &PageUser,
    id: EmployerId,
    refused: Refused,
    status: StatusCode,
) -> Response {
    let lang = chrome.lang;
    let EmployerDetail {
        employer,
        sites,
        surveys,
    } = match state.app.employer(&page.user, id).await {
        Ok(detail) => detail,
        Err(error) => return error_page(chrome, error),
    };
    let (logins, login_organisations) = if policy::permits(page.user.role, Operation::ManageEmployerLogins) {
        let rows = match state.app.employer_logins(&page.user, id).await {
            Ok(list) => list.iter().map(|u| LoginRow::new(id, u)).collect(),
            Err(error) => return error_page(chrome, error),
        };
        let mut employers = organisations(state, &page.user, employer.region).await;
        employers.retain(|o| o.kind == OrganisationKind::Employer);
        (Some(rows), organisation_choices(&employers))
    } else {
        (None, Vec::new())
    };
    let may_manage = policy::permits(page.user.role, Operation::ManageEmployers);
    render_with(
        status,
        ShowPage {
            title: employer.legal_name.clone(),
            base: format!("/employers/{id}"),
            facts: facts(lang, &employer),
            sites: sites.iter().map(SiteRow::new).collect(),
            surveys: surveys.iter().map(|s| SurveyRow::new(lang, s)).collect(),
            logins,
            login_organisations,
            may_manage,
            need_rows: survey::need_fields(lang, &refused),
            occupations: if may_manage {
                survey::occupation_choices(lang)
            } else {
                Vec::new()
            },
            site_comune_attrs: comune_attrs(&super::form::field_id(SITE_FORM, "comune")),
            surveyed_on_attrs: format!(
                "required max=\"{}\"",
                chrono::Utc::now().date_naive().format("%Y-%m-%d")
            ),
            refused,
            chrome,
        },
    )
}

/// What the page shows for a refused form of the employer's page: the page
/// again with the form as typed, or the error page.
async fn refused_page(
    state: &AppState,
    page: &PageUser,
    id: EmployerId,
    (form_id, form, error): (&str, FormData, AppError),
) -> Response {
    let chrome = Chrome::new(page, &format!("/employers/{id}"));
    let label = label_from(chrome.lang, "emp-field");
    match Refused::from_error(chrome.lang, form_id, form, error, label) {
        Ok((refused, status)) => employer_page(state, chrome, page, id, refused, status).await,
        Err(other) => error_page(chrome, other),
    }
}

/// The page of a record that does not exist, for a path that does not read.
fn missing(page: &PageUser, what: &'static str) -> Response {
    error_page(Chrome::new(page, "/employers"), AppError::NotFound(what))
}

async fn add_site(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<EmployerId>(&id) else {
        return missing(&page, "employer");
    };
    let mut invalid = Invalid::new();
    let input = SiteInput {
        comune: comune_code(&mut invalid, "comune", form.get("comune")),
        address: optional(form.get("address")),
    };
    let result = if invalid.is_empty() {
        state.app.add_employer_site(&page.user, id, &input).await
    } else {
        add_missing(&mut invalid, NewSite::parse(&input, &Reference));
        Err(invalid.into())
    };
    match result {
        Ok(_) => done(&format!("/employers/{id}"), "emp-site-added"),
        Err(error) => refused_page(&state, &page, id, (SITE_FORM, form, error)).await,
    }
}

/// The two ids of a path such as `/employers/{id}/sites/{site}/remove`;
/// `None` when one does not read.
fn two_ids<A: std::str::FromStr, B: std::str::FromStr>((first, second): (String, String)) -> Option<(A, B)> {
    Some((path_id(&first)?, path_id(&second)?))
}

async fn remove_site(
    State(state): State<AppState>,
    page: PageUser,
    Path(raw): Path<(String, String)>,
) -> Response {
    let Some((id, site)) = two_ids::<EmployerId, EmployerSiteId>(raw) else {
        return missing(&page, "site");
    };
    match state.app.remove_employer_site(&page.user, id, site).await {
        Ok(()) => done(&format!("/employers/{id}"), "emp-site-removed"),
        Err(error) => error_page(Chrome::new(&page, &format!("/employers/{id}")), error),
    }
}

async fn create_login(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<EmployerId>(&id) else {
        return missing(&page, "employer");
    };
    let mut invalid = Invalid::new();
    let input = EmployerLoginInput {
        email: form.text("email"),
        display_name: form.text("display_name"),
        password: form.text("password"),
        organisation_id: choice(&mut invalid, "organisation_id", form.get("organisation_id")),
    };
    let result = if invalid.is_empty() {
        state.app.create_employer_login(&page.user, id, &input).await
    } else {
        Err(invalid.into())
    };
    // The password is never shown again, not even to the one who typed it.
    let kept = FormData::parse(
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form.pairs().iter().filter(|(key, _)| key != "password"))
            .finish()
            .as_bytes(),
    );
    match result {
        Ok(_) => done(&format!("/employers/{id}"), "emp-login-created"),
        Err(error) => refused_page(&state, &page, id, (LOGIN_FORM, kept, error)).await,
    }
}

async fn deactivate_login(
    State(state): State<AppState>,
    page: PageUser,
    Path(raw): Path<(String, String)>,
) -> Response {
    let Some((id, user)) = two_ids::<EmployerId, UserId>(raw) else {
        return missing(&page, "login");
    };
    match state.app.deactivate_employer_login(&page.user, id, user).await {
        Ok(_) => done(&format!("/employers/{id}"), "emp-login-deactivated"),
        Err(error) => error_page(Chrome::new(&page, &format!("/employers/{id}")), error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comune_is_read_by_name_or_code() {
        let mut invalid = Invalid::new();
        assert_eq!(
            comune_code(&mut invalid, "comune", "Latina").as_deref(),
            Some("059011")
        );
        assert_eq!(
            comune_code(&mut invalid, "comune", "059011").as_deref(),
            Some("059011")
        );
        assert_eq!(comune_code(&mut invalid, "comune", " "), None);
        assert!(invalid.is_empty());
        assert_eq!(comune_code(&mut invalid, "comune", "Atlantide"), None);
        assert_eq!(invalid.errors[0].code, "unknown_comune");
        assert_eq!(comune_text("059011"), "Latina (LT)");
    }

    #[test]
    fn the_provinces_offered_are_the_regions() {
        let lazio: Vec<String> = province_choices(Some(RegionCode::Laz))
            .into_iter()
            .map(|c| c.value)
            .collect();
        assert_eq!(lazio.len(), 5);
        assert!(lazio.contains(&"059".to_owned()));
        assert!(province_choices(None).len() > lazio.len());
    }
}
