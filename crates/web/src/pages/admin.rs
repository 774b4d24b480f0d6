//! Setting up and watching over the network: organisations and users
//! (admins), the access log (admins and auditors) and the cases per state
//! of a region (coordinators and secretariats). The use cases decide who
//! may see what; these pages only read filters and show the answer.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use soleil_app::accounts::UserInput;
use soleil_app::network::{ContactsInput, OrganisationInput};
use soleil_app::{App, AppError, AppResult, AuditFilter, Operation, Page, policy};
use soleil_domain::{
    AuditAction, AuditEvent, Invalid, NewOrganisation, NewUser, Organisation, OrganisationId,
    OrganisationKind, RegionCode, Role, User, UserId,
};
use soleil_store::network::{OrganisationFilter, UserFilter};

use super::form::{
    Choice, ChoiceGroup, FormData, PathText, add_missing, choice_or, date, filter_value, form_failure,
    in_form_order, list_chrome, optional, path_id, region_choices, required_choice, vocabulary,
};
use super::pager::{self, Pager};
use super::time::{day_text, rome_midnight, time_text};
use super::{Chrome, FormErrors, done, error_page, render, render_with};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/organisations", get(organisations))
        .route(
            "/admin/organisations/new",
            get(organisation_form).post(create_organisation),
        )
        .route(
            "/admin/organisations/{id}/contacts",
            get(contacts_form).post(update_contacts),
        )
        .route("/admin/users", get(users))
        .route("/admin/users/new", get(user_form).post(create_user))
        .route("/admin/users/{id}/active", post(set_user_active))
        .route("/audit", get(audit))
        .route("/statistics", get(statistics))
}

const ROWS_PER_PAGE: u32 = 25;
/// The fields of the new-user form, in their order.
const USER_FIELDS: [&str; 5] = ["display_name", "email", "role", "organisation_id", "password"];
const AUDIT_ROWS_PER_PAGE: u32 = 50;

/// The kinds of record the audit log names, offered as a filter.
const AUDITED_ENTITIES: [&str; 9] = [
    "person",
    "screening",
    "case",
    "assessment",
    "plan",
    "plan_review",
    "plan_action",
    "user",
    "organisation",
];

fn role_choices(lang: Lang) -> Vec<Choice> {
    vocabulary(lang, "role", Role::all().map(Role::as_str))
}

fn kind_choices(lang: Lang) -> Vec<Choice> {
    vocabulary(
        lang,
        "organisation_kind",
        OrganisationKind::all().map(OrganisationKind::as_str),
    )
}

/// Every organisation of the network, page after page, by region and name.
async fn all_organisations(app: &App, actor: &User) -> AppResult<Vec<Organisation>> {
    let mut all = Vec::new();
    for number in 0.. {
        let (list, total) = app
            .organisations(
                actor,
                &OrganisationFilter::default(),
                Page::new(number, Page::MAX_SIZE),
            )
            .await?;
        let last = list.is_empty();
        all.extend(list);
        if last || i64::try_from(all.len()).unwrap_or(i64::MAX) >= total {
            break;
        }
    }
    Ok(all)
}

// ---------------------------------------------------------------------------
// Organisations.

struct OrganisationRow {
    name: String,
    kind: String,
    region: String,
    created_on: String,
    /// Shown on the public "know your rights" page.
    listed: bool,
    contacts_href: String,
}

#[derive(Template)]
#[template(path = "admin/organisations.html")]
struct OrganisationsPage {
    chrome: Chrome,
    title: String,
    /// The filters, as typed.
    filters: FormData,
    regions: Vec<Choice>,
    kinds: Vec<Choice>,
    rows: Vec<OrganisationRow>,
    pager: Pager,
    may_create: bool,
}

async fn organisations(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = list_chrome(&page, "/admin/organisations", query.as_deref());
    let filters = FormData::query(query.as_deref());
    let filter = OrganisationFilter {
        region: filter_value(filters.get("region")),
        kind: filter_value(filters.get("kind")),
        search: optional(filters.get("q")),
    };
    let paging = Pager::requested(query.as_deref(), ROWS_PER_PAGE);
    match state.app.organisations(&page.user, &filter, paging).await {
        Ok((list, total)) => {
            let lang = chrome.lang;
            render(OrganisationsPage {
                title: chrome.t("admin-organisations-title"),
                filters,
                regions: region_choices(),
                kinds: kind_choices(lang),
                rows: list
                    .iter()
                    .map(|o| OrganisationRow {
                        name: o.name.clone(),
                        kind: lang.label("organisation_kind", o.kind.as_str()),
                        region: o.region.name().to_owned(),
                        created_on: day_text(o.created_at),
                        listed: o.public_listing,
                        contacts_href: format!("/admin/organisations/{}/contacts", o.id),
                    })
                    .collect(),
                pager: Pager::new(lang, "/admin/organisations", query.as_deref(), paging, total),
                may_create: policy::permits(page.user.role, Operation::CreateOrganisation),
                chrome,
            })
        }
        Err(error) => error_page(chrome, error),
    }
}

/// The fields of the organisation form, in their order.
const ORGANISATION_FIELDS: [&str; 7] = [
    "name",
    "kind",
    "region",
    "address",
    "phone",
    "opening_hours",
    "public_listing",
];

/// The organisation form, as typed: a new organisation, or the public
/// contacts of one already registered (then name, kind and region are only
/// shown).
#[derive(Default)]
struct OrganisationForm {
    name: String,
    kind: String,
    region: String,
    address: String,
    phone: String,
    opening_hours: String,
    public_listing: bool,
}

impl OrganisationForm {
    fn read(form: &FormData) -> Self {
        Self {
            name: form.text("name"),
            kind: form.text("kind"),
            region: form.text("region"),
            address: form.text("address"),
            phone: form.text("phone"),
            opening_hours: form.text("opening_hours"),
            public_listing: form.checked("public_listing"),
        }
    }

    /// An organisation as its contacts form first shows it.
    fn of(organisation: &Organisation) -> Self {
        Self {
            name: organisation.name.clone(),
            kind: organisation.kind.as_str().to_owned(),
            region: organisation.region.as_str().to_owned(),
            address: organisation.address.clone().unwrap_or_default(),
            phone: organisation.phone.clone().unwrap_or_default(),
            opening_hours: organisation.opening_hours.clone().unwrap_or_default(),
            public_listing: organisation.public_listing,
        }
    }

    fn contacts(&self) -> ContactsInput {
        ContactsInput {
            address: optional(&self.address),
            phone: optional(&self.phone),
            opening_hours: optional(&self.opening_hours),
            public_listing: self.public_listing,
        }
    }

    fn checked_input(&self) -> Result<OrganisationInput, Invalid> {
        let mut invalid = Invalid::new();
        let kind = required_choice::<OrganisationKind>(&mut invalid, "kind", &self.kind, "invalid_choice");
        let region = required_choice::<RegionCode>(&mut invalid, "region", &self.region, "invalid_choice");
        let contacts = self.contacts();
        match (kind, region) {
            (Some(kind), Some(region)) if invalid.is_empty() => Ok(OrganisationInput {
                name: self.name.clone(),
                kind,
                region,
                address: contacts.address,
                phone: contacts.phone,
                opening_hours: contacts.opening_hours,
                public_listing: contacts.public_listing,
            }),
            (kind, region) => {
                let kind = kind.unwrap_or(OrganisationKind::Desk);
                add_missing(
                    &mut invalid,
                    NewOrganisation::parse(&self.name, kind, region.unwrap_or(RegionCode::Laz)),
                );
                add_missing(&mut invalid, contacts.parse());
                Err(invalid)
            }
        }
    }
}

#[derive(Template)]
#[template(path = "admin/organisation_form.html")]
struct OrganisationFormPage {
    chrome: Chrome,
    title: String,
    form: OrganisationForm,
    errors: FormErrors,
    /// Where the form posts: the new organisation, or one's contacts.
    action: String,
    /// Only the contacts of a registered organisation change.
    editing: bool,
}

impl OrganisationFormPage {
    fn kinds(&self) -> Vec<Choice> {
        kind_choices(self.chrome.lang)
    }

    fn regions(&self) -> Vec<Choice> {
        region_choices()
    }

    /// The kind and region of the organisation being edited, in words.
    fn kind_label(&self) -> String {
        self.chrome.lang.label("organisation_kind", &self.form.kind)
    }

    fn region_name(&self) -> &'static str {
        self.form
            .region
            .parse::<RegionCode>()
            .map_or("—", RegionCode::name)
    }
}

fn organisation_form_page(
    chrome: Chrome,
    form: OrganisationForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let title = chrome.t("admin-organisation-new-title");
    let action = "/admin/organisations/new".to_owned();
    organisation_page(chrome, title, action, (form, errors), status)
}

fn contacts_form_page(
    chrome: Chrome,
    id: OrganisationId,
    form: OrganisationForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let title = chrome.lang.t1("admin-contacts-title", "name", &form.name);
    let action = format!("/admin/organisations/{id}/contacts");
    organisation_page(chrome, title, action, (form, errors), status)
}

/// The organisation form: a new organisation, or (posting to its contacts)
/// the public contacts of one already registered.
fn organisation_page(
    chrome: Chrome,
    title: String,
    action: String,
    (form, errors): (OrganisationForm, FormErrors),
    status: StatusCode,
) -> Response {
    let errors = in_form_order(errors, &ORGANISATION_FIELDS);
    let editing = action.ends_with("/contacts");
    render_with(
        status,
        OrganisationFormPage {
            chrome,
            title,
            form,
            errors,
            action,
            editing,
        },
    )
}

async fn organisation_form(page: PageUser) -> Response {
    let chrome = Chrome::new(&page, "/admin/organisations/new");
    if !policy::permits(page.user.role, Operation::CreateOrganisation) {
        return error_page(chrome, AppError::Forbidden);
    }
    let errors = FormErrors::new(chrome.lang, Vec::new());
    organisation_form_page(chrome, OrganisationForm::default(), errors, StatusCode::OK)
}

async fn create_organisation(State(state): State<AppState>, page: PageUser, form: FormData) -> Response {
    let chrome = Chrome::new(&page, "/admin/organisations/new");
    let form = OrganisationForm::read(&form);
    let result = match form.checked_input() {
        Ok(input) => state.app.create_organisation(&page.user, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(_) => done("/admin/organisations", "created"),
        Err(error) => form_failure(chrome, error, |chrome, errors| {
            organisation_form_page(chrome, form, errors, StatusCode::UNPROCESSABLE_ENTITY)
        }),
    }
}

/// The public contacts of an organisation, for admins to change.
async fn contacts_form(State(state): State<AppState>, page: PageUser, PathText(raw): PathText) -> Response {
    let chrome = Chrome::new(&page, &format!("/admin/organisations/{raw}/contacts"));
    if !policy::permits(page.user.role, Operation::UpdateOrganisation) {
        return error_page(chrome, AppError::Forbidden);
    }
    let Some(id) = path_id::<OrganisationId>(&raw) else {
        return error_page(chrome, AppError::NotFound("organisation"));
    };
    match state.app.organisation(&page.user, id).await {
        Ok(organisation) => {
            let errors = FormErrors::new(chrome.lang, Vec::new());
            let form = OrganisationForm::of(&organisation);
            contacts_form_page(chrome, id, form, errors, StatusCode::OK)
        }
        Err(error) => error_page(chrome, error),
    }
}

async fn update_contacts(
    State(state): State<AppState>,
    page: PageUser,
    PathText(raw): PathText,
    form: FormData,
) -> Response {
    let chrome = Chrome::new(&page, &format!("/admin/organisations/{raw}/contacts"));
    let Some(id) = path_id::<OrganisationId>(&raw) else {
        return error_page(chrome, AppError::NotFound("organisation"));
    };
    let typed = OrganisationForm::read(&form);
    match state
        .app
        .update_organisation_contacts(&page.user, id, &typed.contacts())
        .await
    {
        Ok(_) => done("/admin/organisations", "saved"),
        Err(error) => {
            // The form shows the organisation as it is, with the contacts as typed.
            let shown = match state.app.organisation(&page.user, id).await {
                Ok(organisation) => OrganisationForm {
                    address: typed.address,
                    phone: typed.phone,
                    opening_hours: typed.opening_hours,
                    public_listing: typed.public_listing,
                    ..OrganisationForm::of(&organisation)
                },
                Err(other) => return error_page(chrome, other),
            };
            form_failure(chrome, error, |chrome, errors| {
                contacts_form_page(chrome, id, shown, errors, StatusCode::UNPROCESSABLE_ENTITY)
            })
        }
    }
}

// ---------------------------------------------------------------------------
// Users.

struct UserRow {
    name: String,
    email: String,
    role: String,
    organisation: String,
    region: String,
    active: bool,
    /// Where the activate/deactivate button posts.
    toggle_action: String,
    /// One's own account cannot be deactivated.
    is_self: bool,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    chrome: Chrome,
    title: String,
    /// The filters, as typed.
    filters: FormData,
    regions: Vec<Choice>,
    roles: Vec<Choice>,
    rows: Vec<UserRow>,
    pager: Pager,
    may_create: bool,
    may_update: bool,
    /// This list with its filters, to come back to after a change.
    back: String,
}

async fn users(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = list_chrome(&page, "/admin/users", query.as_deref());
    let filters = FormData::query(query.as_deref());
    let filter = UserFilter {
        region: filter_value(filters.get("region")),
        role: filter_value(filters.get("role")),
        search: optional(filters.get("q")),
        organisation: None,
    };
    let paging = Pager::requested(query.as_deref(), ROWS_PER_PAGE);
    let found = match state.app.users(&page.user, &filter, paging).await {
        Ok(found) => found,
        Err(error) => return error_page(chrome, error),
    };
    let names: HashMap<OrganisationId, String> = match all_organisations(&state.app, &page.user).await {
        Ok(list) => list.into_iter().map(|o| (o.id, o.name)).collect(),
        Err(error) => return error_page(chrome, error),
    };
    let (list, total) = found;
    let lang = chrome.lang;
    let rows = list
        .iter()
        .map(|user| UserRow {
            name: user.display_name.clone(),
            email: user.email.clone(),
            role: lang.label("role", user.role.as_str()),
            organisation: user
                .organisation_id
                .and_then(|id| names.get(&id).cloned())
                .unwrap_or_else(|| "—".to_owned()),
            region: user.region.map_or("—", RegionCode::name).to_owned(),
            active: user.active,
            toggle_action: format!("/admin/users/{}/active", user.id),
            is_self: user.id == page.user.id,
        })
        .collect();
    render(UsersPage {
        title: chrome.t("admin-users-title"),
        filters,
        regions: region_choices(),
        roles: role_choices(lang),
        rows,
        pager: Pager::new(lang, "/admin/users", query.as_deref(), paging, total),
        may_create: policy::permits(page.user.role, Operation::CreateUser),
        may_update: policy::permits(page.user.role, Operation::UpdateUser),
        back: pager::here("/admin/users", query.as_deref()),
        chrome,
    })
}

/// The list a change returns to: only the list of users, with its filters.
fn users_list_path(back: &str) -> &str {
    let safe =
        (back == "/admin/users" || back.starts_with("/admin/users?")) && !back.contains(['\\', '\r', '\n']);
    if safe { back } else { "/admin/users" }
}

async fn set_user_active(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let chrome = Chrome::new(&page, "/admin/users");
    let Some(id) = path_id::<UserId>(&id) else {
        return error_page(chrome, AppError::NotFound("user"));
    };
    let active = form.text("active") == "true";
    match state.app.set_user_active(&page.user, id, active).await {
        Ok(_) => done(
            users_list_path(&form.text("back")),
            if active {
                "admin-activated"
            } else {
                "admin-deactivated"
            },
        ),
        Err(error) => error_page(chrome, error),
    }
}

/// The new-user form, as typed. The password is never sent back to the browser.
#[derive(Default)]
struct UserForm {
    email: String,
    display_name: String,
    role: String,
    organisation_id: String,
}

impl UserForm {
    fn read(form: &FormData) -> Self {
        Self {
            email: form.text("email"),
            display_name: form.text("display_name"),
            role: form.text("role"),
            organisation_id: form.text("organisation_id"),
        }
    }

    fn checked_input(&self, password: String) -> Result<UserInput, Invalid> {
        let mut invalid = Invalid::new();
        let role = required_choice::<Role>(&mut invalid, "role", &self.role, "invalid_choice");
        let organisation_id = choice_or(
            &mut invalid,
            "organisation_id",
            &self.organisation_id,
            "unknown_organisation",
        );
        match role {
            Some(role) if invalid.is_empty() => Ok(UserInput {
                email: self.email.clone(),
                display_name: self.display_name.clone(),
                role,
                organisation_id,
                password,
            }),
            role => {
                let role = role.unwrap_or(Role::Frontline);
                let checked =
                    NewUser::parse(&self.email, &self.display_name, role, organisation_id, &password);
                add_missing(&mut invalid, checked);
                Err(invalid)
            }
        }
    }
}

#[derive(Template)]
#[template(path = "admin/user_form.html")]
struct UserFormPage {
    chrome: Chrome,
    title: String,
    form: UserForm,
    roles: Vec<Choice>,
    /// The organisations, one `<optgroup>` per region.
    organisations: Vec<ChoiceGroup>,
    errors: FormErrors,
}

fn organisation_groups(list: Vec<Organisation>) -> Vec<ChoiceGroup> {
    let mut groups: Vec<ChoiceGroup> = Vec::new();
    for organisation in list {
        let choice = Choice::new(organisation.id.to_string(), organisation.name);
        let region = organisation.region.name();
        match groups.last_mut() {
            Some(group) if group.label == region => group.choices.push(choice),
            _ => groups.push(ChoiceGroup {
                label: region.to_owned(),
                choices: vec![choice],
            }),
        }
    }
    groups
}

/// The form with the organisations to choose from: a use case of its own.
async fn user_form_page(
    app: &App,
    page: &PageUser,
    form: UserForm,
    errors: Vec<soleil_domain::FieldError>,
    status: StatusCode,
) -> Response {
    let chrome = Chrome::new(page, "/admin/users/new");
    if !policy::permits(page.user.role, Operation::CreateUser) {
        return error_page(chrome, AppError::Forbidden);
    }
    match all_organisations(app, &page.user).await {
        Ok(list) => render_with(
            status,
            UserFormPage {
                title: chrome.t("admin-user-new-title"),
                roles: role_choices(chrome.lang),
                organisations: organisation_groups(list),
                errors: in_form_order(FormErrors::new(chrome.lang, errors), &USER_FIELDS),
                form,
                chrome,
            },
        ),
        Err(error) => error_page(chrome, error),
    }
}

async fn user_form(State(state): State<AppState>, page: PageUser) -> Response {
    user_form_page(&state.app, &page, UserForm::default(), Vec::new(), StatusCode::OK).await
}

async fn create_user(State(state): State<AppState>, page: PageUser, form: FormData) -> Response {
    let password = form.text("password");
    let form = UserForm::read(&form);
    let result = match form.checked_input(password) {
        Ok(input) => state.app.create_user(&page.user, &input).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(_) => done("/admin/users", "created"),
        Err(AppError::Invalid(invalid)) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            user_form_page(&state.app, &page, form, invalid.errors, status).await
        }
        Err(error) => error_page(Chrome::new(&page, "/admin/users/new"), error),
    }
}

// ---------------------------------------------------------------------------
// The access log.

struct AuditRow {
    at: String,
    actor: String,
    action: String,
    entity: String,
    entity_id: String,
    region: String,
    detail: String,
}

impl AuditRow {
    fn new(lang: Lang, event: &AuditEvent) -> Self {
        Self {
            at: time_text(event.at),
            actor: event.actor_email.clone().unwrap_or_else(|| "—".to_owned()),
            action: lang.label("audit_action", event.action.as_str()),
            entity: entity_label(lang, &event.entity),
            entity_id: event.entity_id.clone().unwrap_or_default(),
            region: event.region.map_or("—", RegionCode::name).to_owned(),
            detail: event.detail.clone().unwrap_or_default(),
        }
    }
}

fn entity_label(lang: Lang, entity: &str) -> String {
    if AUDITED_ENTITIES.contains(&entity) {
        lang.label("admin-entity", entity)
    } else {
        entity.to_owned()
    }
}

/// The audit filters, as typed.
#[derive(Default)]
struct AuditForm {
    actor: String,
    action: String,
    entity: String,
    entity_id: String,
    region: String,
    from: String,
    to: String,
}

impl AuditForm {
    fn read(params: &FormData) -> Self {
        Self {
            actor: params.text("actor"),
            action: params.text("action"),
            entity: params.text("entity"),
            entity_id: params.text("entity_id"),
            region: params.text("region"),
            from: params.text("from"),
            to: params.text("to"),
        }
    }

    /// The filter, and the dates that could not be read (they filter nothing).
    fn filter(&self) -> (AuditFilter, Invalid) {
        let mut invalid = Invalid::new();
        let from = date(&mut invalid, "from", &self.from).map(rome_midnight);
        let to = date(&mut invalid, "to", &self.to)
            .and_then(|day| day.succ_opt())
            .map(rome_midnight);
        let filter = AuditFilter {
            actor: None,
            actor_email: optional(self.actor.trim()),
            action: filter_value(&self.action),
            entity: Some(self.entity.trim().to_owned()).filter(|e| AUDITED_ENTITIES.contains(&e.as_str())),
            entity_id: optional(self.entity_id.trim()),
            region: filter_value(&self.region),
            from,
            to,
        };
        (filter, invalid)
    }

    fn actions(&self, lang: &Lang) -> Vec<Choice> {
        vocabulary(*lang, "audit_action", AuditAction::all().map(AuditAction::as_str))
    }

    fn entities(&self, lang: &Lang) -> Vec<Choice> {
        vocabulary(*lang, "admin-entity", AUDITED_ENTITIES.into_iter())
    }

    fn regions(&self) -> Vec<Choice> {
        region_choices()
    }
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    chrome: Chrome,
    title: String,
    form: AuditForm,
    errors: FormErrors,
    rows: Vec<AuditRow>,
    pager: Pager,
}

async fn audit(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = list_chrome(&page, "/audit", query.as_deref());
    let form = AuditForm::read(&FormData::query(query.as_deref()));
    let (filter, invalid) = form.filter();
    let paging = Pager::requested(query.as_deref(), AUDIT_ROWS_PER_PAGE);
    match state.app.audit_log(&page.user, &filter, paging).await {
        Ok((list, total)) => {
            let lang = chrome.lang;
            render(AuditPage {
                title: chrome.t("admin-audit-title"),
                form,
                errors: FormErrors::new(lang, invalid.errors),
                rows: list.iter().map(|event| AuditRow::new(lang, event)).collect(),
                pager: Pager::new(lang, "/audit", query.as_deref(), paging, total),
                chrome,
            })
        }
        Err(error) => error_page(chrome, error),
    }
}

// ---------------------------------------------------------------------------
// Statistics.

#[derive(Template)]
#[template(path = "admin/statistics.html")]
struct StatisticsPage {
    chrome: Chrome,
    title: String,
    caption: String,
    rows: Vec<(String, i64)>,
    total: i64,
}

async fn statistics(State(state): State<AppState>, page: PageUser) -> Response {
    let chrome = Chrome::new(&page, "/statistics");
    match state.app.case_statistics(&page.user).await {
        Ok(stats) => {
            let lang = chrome.lang;
            let caption = match stats.region {
                Some(region) => lang.t1("admin-statistics-caption", "region", region.name()),
                None => lang.t("admin-statistics-caption-all"),
            };
            render(StatisticsPage {
                title: chrome.t("admin-statistics-title"),
                caption,
                rows: stats
                    .by_state
                    .iter()
                    .map(|count| (lang.label("case_state", count.state.as_str()), count.cases))
                    .collect(),
                total: stats.total,
                chrome,
            })
        }
        Err(error) => error_page(chrome, error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_organisation_needs_kind_region_and_name() {
        let form = OrganisationForm::read(&FormData::parse(b"name=+&kind=&region=xyz"));
        let invalid = form.checked_input().unwrap_err();
        let found: Vec<_> = invalid
            .errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("kind", "required"),
                ("region", "invalid_choice"),
                ("name", "required")
            ]
        );
    }

    #[test]
    fn a_new_user_form_reads_into_the_use_case_input() {
        let id = OrganisationId::new();
        let body = format!("email=a%40b.it&display_name=Ada&role=frontline&organisation_id={id}");
        let form = UserForm::read(&FormData::parse(body.as_bytes()));
        let input = form.checked_input("long enough password".into()).unwrap();
        assert_eq!((input.role, input.organisation_id), (Role::Frontline, Some(id)));
        let form = UserForm::read(&FormData::parse(b"email=x&role=&organisation_id=nope"));
        let fields: Vec<_> = form
            .checked_input(String::new())
            .unwrap_err()
            .errors
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            ["role", "organisation_id", "email", "display_name", "password"]
        );
    }

    #[test]
    fn audit_dates_cover_whole_italian_days() {
        let form = AuditForm::read(&FormData::parse(
            b"from=2026-07-01&to=2026-07-01&action=read&entity=x",
        ));
        let (filter, invalid) = form.filter();
        assert!(invalid.is_empty());
        assert_eq!(
            filter.from.map(|t| t.to_rfc3339()).as_deref(),
            Some("2026-06-30T22:00:00+00:00")
        );
        assert_eq!(
            filter.to.map(|t| t.to_rfc3339()).as_deref(),
            Some("2026-07-01T22:00:00+00:00")
        );
        assert_eq!(filter.action, Some(AuditAction::Read));
        assert_eq!(filter.entity, None);
        let (_, invalid) = AuditForm::read(&FormData::parse(b"from=yesterday")).filter();
        assert_eq!(invalid.errors[0].field, "from");
    }

    #[test]
    fn a_change_returns_only_to_the_list_of_users() {
        assert_eq!(
            users_list_path("/admin/users?role=admin"),
            "/admin/users?role=admin"
        );
        assert_eq!(users_list_path("https://evil.example"), "/admin/users");
        assert_eq!(users_list_path("/admin/users/new"), "/admin/users");
        assert_eq!(users_list_path("/admin/usersx"), "/admin/users");
    }
}
