//! `/directory/services/new` and `/directory/services/{id}/edit`: a
//! service with all its fields and its locations as repeated fieldsets.
//! There are always some empty location slots; "add another location"
//! posts the form back with one more, so it works without JavaScript.
//! A location's hours are one line ("lun-ven 9-13; sab 9-12") read by the
//! same grammar as the import's sheets. A refused form comes back with
//! everything typed and each message next to its field.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use soleil_app::directory::sheet::{find_comune, language_from_word, parse_hours};
use soleil_app::{AppError, Operation, policy};
use soleil_domain::directory::{LocationInput, LocationKind, Service, ServiceId, ServiceInput};
use soleil_domain::{FieldError, Invalid, NeedArea, RegionCode, Role, User};

use super::show::hours_text;
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;
use crate::pages::form::{
    Checkbox, Choice, ChoiceGroup, ErrorSummary, Field, FormData, PathText, Refused, add_missing, choice,
    chrome_for, field_id, organisations, parse_id, required_choice, vocabulary,
};
use crate::pages::{Chrome, done, error_page, render_with};

/// The form's name: field ids are `service-{field}`.
const FORM: &str = "service";
/// Empty location slots the form always offers.
const EMPTY_SLOTS: usize = 1;
/// The fields of a location slot, as posted: `locations[2].street`.
const LOCATION_FIELDS: [&str; 9] = [
    "id",
    "name",
    "street",
    "postcode",
    "comune",
    "latitude",
    "longitude",
    "hours",
    "accessibility",
];

// ---------------------------------------------------------------------------
// Reading the form

/// A posted field of location slot `i`.
fn slot_field(i: usize, name: &str) -> String {
    format!("locations[{i}].{name}")
}

/// How many location slots the posted form had.
fn posted_slots(form: &FormData) -> usize {
    form.get("slots")
        .trim()
        .parse::<usize>()
        .unwrap_or(EMPTY_SLOTS)
        .min(soleil_domain::directory::MAX_LOCATIONS + EMPTY_SLOTS)
}

/// Whether nothing was typed in slot `i` (its kind has a value anyway).
fn slot_is_blank(form: &FormData, i: usize) -> bool {
    LOCATION_FIELDS
        .iter()
        .all(|name| form.get(&slot_field(i, name)).trim().is_empty())
}

/// A decimal number as people type it, with a comma or a point.
fn coordinate(invalid: &mut Invalid, field: &str, text: &str) -> Option<f64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let number = text
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite());
    if number.is_none() {
        invalid.add(field, "invalid_coordinates");
    }
    number
}

/// The location of slot `i`, with what could not be read recorded against
/// the slot's fields.
fn read_location(form: &FormData, i: usize, invalid: &mut Invalid) -> LocationInput {
    let field = |name: &str| slot_field(i, name);
    let text = |name: &str| form.get(&field(name)).to_owned();
    let optional = |name: &str| form.trimmed(&field(name));
    let kind = required_choice(invalid, &field("kind"), &text("kind"), "invalid_choice")
        .unwrap_or(LocationKind::Desk);
    let typed_comune = text("comune");
    let comune = match find_comune(&typed_comune, None) {
        _ if typed_comune.trim().is_empty() => String::new(),
        Ok(code) => code,
        Err((code, _)) => {
            invalid.add(&field("comune"), code);
            typed_comune.trim().to_owned()
        }
    };
    let hours = match parse_hours(&text("hours")) {
        Ok(hours) => hours,
        Err(segment) => {
            invalid.add_detail(&field("hours"), "invalid_hours", &segment);
            Vec::new()
        }
    };
    LocationInput {
        id: choice(invalid, &field("id"), &text("id")),
        kind,
        name: text("name"),
        street: text("street"),
        postcode: optional("postcode"),
        comune,
        latitude: coordinate(invalid, &field("latitude"), &text("latitude")),
        longitude: coordinate(invalid, &field("longitude"), &text("longitude")),
        accessibility: optional("accessibility"),
        hours,
    }
}

/// The service a posted form describes, the slot each of its locations
/// came from (blank slots are left out), and what could not be read.
fn read(form: &FormData) -> (ServiceInput, Vec<usize>, Invalid) {
    let mut invalid = Invalid::new();
    let organisation_id = required_choice(
        &mut invalid,
        "organisation_id",
        form.get("organisation_id"),
        "unknown_organisation",
    );
    let mut need_areas = Vec::new();
    for value in form.values("need_areas") {
        need_areas.extend(choice::<NeedArea>(&mut invalid, "need_areas", &value));
    }
    let mut languages = Vec::new();
    for word in form
        .get("languages")
        .split([',', ';'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
    {
        match language_from_word(word) {
            Some(code) => languages.push(code),
            None => invalid.add_detail("languages", "invalid_language", word),
        }
    }
    let slots: Vec<usize> = (0..posted_slots(form))
        .filter(|i| !slot_is_blank(form, *i))
        .collect();
    let locations = slots
        .iter()
        .map(|i| read_location(form, *i, &mut invalid))
        .collect();
    let input = ServiceInput {
        organisation_id: organisation_id.unwrap_or_default(),
        name: form.text("name"),
        description: form.text("description"),
        need_areas,
        eligibility: form.trimmed("eligibility"),
        languages,
        email: form.trimmed("email"),
        phone: form.trimmed("phone"),
        url: form.trimmed("url"),
        active: form.checked("active"),
        locations,
    };
    (input, slots, invalid)
}

/// The domain's errors on the form's fields: `locations[k]` of the input is
/// the slot `slots[k]`, and a mistake in one interval of the hours is a
/// mistake of the location's hours line.
fn on_form_fields(invalid: Invalid, slots: &[usize]) -> Invalid {
    let errors = invalid
        .errors
        .into_iter()
        .map(|error| {
            let field = match error
                .field
                .strip_prefix("locations[")
                .and_then(|rest| rest.split_once(']'))
            {
                Some((k, rest)) => {
                    let slot = k
                        .parse::<usize>()
                        .ok()
                        .and_then(|k| slots.get(k).copied())
                        .unwrap_or(0);
                    let rest = match rest.strip_prefix(".hours[") {
                        Some(_) => ".hours",
                        None => rest,
                    };
                    format!("locations[{slot}]{rest}")
                }
                None => error.field.clone(),
            };
            FieldError { field, ..error }
        })
        .collect();
    Invalid { errors }
}

// ---------------------------------------------------------------------------
// Showing the form

/// A service as the form shows it to edit.
fn values_of(lang: Lang, service: &Service) -> FormData {
    let mut pairs = vec![
        ("organisation_id".to_owned(), service.organisation_id.to_string()),
        ("name".to_owned(), service.name.clone()),
        ("description".to_owned(), service.description.clone()),
        (
            "eligibility".to_owned(),
            service.eligibility.clone().unwrap_or_default(),
        ),
        ("languages".to_owned(), service.languages.join(", ")),
        ("email".to_owned(), service.email.clone().unwrap_or_default()),
        ("phone".to_owned(), service.phone.clone().unwrap_or_default()),
        ("url".to_owned(), service.url.clone().unwrap_or_default()),
        (
            "slots".to_owned(),
            (service.locations.len() + EMPTY_SLOTS).to_string(),
        ),
    ];
    if service.active {
        pairs.push(("active".to_owned(), "on".to_owned()));
    }
    for area in &service.need_areas {
        pairs.push(("need_areas".to_owned(), area.as_str().to_owned()));
    }
    for (i, location) in service.locations.iter().enumerate() {
        let position = location.position;
        let comune = soleil_reference::comune(&location.comune).map_or_else(
            || location.comune.clone(),
            |c| format!("{} ({})", c.name, c.province_abbreviation),
        );
        for (name, value) in [
            ("id", location.id.to_string()),
            ("kind", location.kind.as_str().to_owned()),
            ("name", location.name.clone()),
            ("street", location.street.clone()),
            ("postcode", location.postcode.clone().unwrap_or_default()),
            ("comune", comune),
            (
                "latitude",
                position.map(|p| p.latitude.to_string()).unwrap_or_default(),
            ),
            (
                "longitude",
                position.map(|p| p.longitude.to_string()).unwrap_or_default(),
            ),
            ("hours", hours_text(lang, &location.hours)),
            (
                "accessibility",
                location.accessibility.clone().unwrap_or_default(),
            ),
        ] {
            pairs.push((slot_field(i, name), value));
        }
    }
    FormData::parse(
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&pairs)
            .finish()
            .as_bytes(),
    )
}

/// The form of a new service: active, for the user's own organisation.
fn blank(user: &User) -> FormData {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    serializer.append_pair("active", "on");
    serializer.append_pair("slots", &EMPTY_SLOTS.to_string());
    if let Some(organisation) = user.organisation_id {
        serializer.append_pair("organisation_id", &organisation.to_string());
    }
    FormData::parse(serializer.finish().as_bytes())
}

/// One location fieldset.
struct LocationSlot {
    number: usize,
    id: Field,
    kind: Field,
    name: Field,
    street: Field,
    postcode: Field,
    comune: Field,
    latitude: Field,
    longitude: Field,
    hours: Field,
    accessibility: Field,
    /// The comune field's suggestions (`static/comuni.js`).
    comune_attrs: String,
}

impl LocationSlot {
    fn new(refused: &Refused, i: usize) -> Self {
        let field = |name: &str| refused.field(FORM, &slot_field(i, name));
        Self {
            number: i + 1,
            id: field("id"),
            kind: field("kind"),
            name: field("name"),
            street: field("street"),
            postcode: field("postcode"),
            comune: field("comune"),
            latitude: field("latitude"),
            longitude: field("longitude"),
            hours: field("hours"),
            accessibility: field("accessibility"),
            comune_attrs: format!(
                "list=\"{}-suggestions\" autocomplete=\"off\" data-comuni-source=\"/directory/comuni\"",
                field_id(FORM, &slot_field(i, "comune"))
            ),
        }
    }
}

#[derive(Template)]
#[template(path = "directory/form.html")]
struct FormPage {
    chrome: Chrome,
    title: String,
    action: String,
    cancel: String,
    summary: Option<ErrorSummary>,
    organisation: Field,
    organisations: Vec<ChoiceGroup>,
    name: Field,
    description: Field,
    need_areas: Vec<Checkbox>,
    need_areas_error: Field,
    eligibility: Field,
    languages: Field,
    email: Field,
    phone: Field,
    url: Field,
    active: Field,
    active_checked: bool,
    slots: usize,
    locations: Vec<LocationSlot>,
    kinds: Vec<Choice>,
}

/// Where a form posts, and how it is titled.
enum Target {
    New,
    Edit(ServiceId),
}

impl Target {
    fn action(&self) -> String {
        match self {
            Self::New => "/directory/services/new".to_owned(),
            Self::Edit(id) => format!("/directory/services/{id}/edit"),
        }
    }

    fn cancel(&self) -> String {
        match self {
            Self::New => "/directory".to_owned(),
            Self::Edit(id) => format!("/directory/services/{id}"),
        }
    }

    fn title(&self, lang: Lang) -> String {
        lang.t(match self {
            Self::New => "directory-new-title",
            Self::Edit(_) => "directory-edit-title",
        })
    }
}

/// A field's name for the summary of a refused form: "Location 2: Comune".
fn label(lang: Lang) -> impl Fn(&str) -> Option<String> {
    move |field: &str| {
        let (prefix, name) = match field.strip_prefix("locations[").and_then(|r| r.split_once("].")) {
            Some((i, name)) => {
                let number = i.parse::<usize>().unwrap_or_default() + 1;
                (Some(lang.t1("directory-location-number", "number", number)), name)
            }
            None => (None, field),
        };
        let id = format!("directory-field-{name}");
        let text = lang.t(&id);
        let text = (text != id).then_some(text)?;
        Some(match prefix {
            Some(prefix) => format!("{prefix}: {text}"),
            None => text,
        })
    }
}

async fn show(
    state: &AppState,
    page: &PageUser,
    chrome: Chrome,
    target: &Target,
    values: FormData,
    invalid: Invalid,
    status: StatusCode,
) -> Response {
    let lang = chrome.lang;
    let slots = posted_slots(&values);
    let chosen: Vec<String> = values.values("need_areas");
    let active_checked = values.checked("active");
    let refused = Refused::invalid(lang, FORM, values, invalid, label(lang));
    let field = |name: &str| refused.field(FORM, name);
    render_with(
        status,
        FormPage {
            title: target.title(lang),
            action: target.action(),
            cancel: target.cancel(),
            summary: refused.summary(FORM),
            organisation: field("organisation_id"),
            organisations: editable_organisations(state, &page.user).await,
            name: field("name"),
            description: field("description"),
            need_areas: NeedArea::all()
                .map(|area| Checkbox {
                    value: area.as_str().to_owned(),
                    label: lang.label("need_area", area.as_str()),
                    checked: chosen.iter().any(|c| c == area.as_str()),
                })
                .collect(),
            need_areas_error: field("need_areas"),
            eligibility: field("eligibility"),
            languages: field("languages"),
            email: field("email"),
            phone: field("phone"),
            url: field("url"),
            active: field("active"),
            active_checked,
            slots,
            locations: (0..slots).map(|i| LocationSlot::new(&refused, i)).collect(),
            kinds: vocabulary(
                lang,
                "location_kind",
                LocationKind::all().map(LocationKind::as_str),
            ),
            chrome,
        },
    )
}

/// The organisations whose services the user keeps, by region: every one
/// for admins, the region's for its secretariat, one's own for the others.
async fn editable_organisations(state: &AppState, user: &User) -> Vec<ChoiceGroup> {
    let regions: Vec<RegionCode> = match (user.role, user.region) {
        (Role::Admin, _) => RegionCode::all().collect(),
        (Role::Secretariat, Some(region)) => vec![region],
        _ => Vec::new(),
    };
    let mut groups = Vec::new();
    for region in regions {
        let choices: Vec<Choice> = organisations(state, user, region)
            .await
            .iter()
            .map(|o| Choice::new(o.id.to_string(), o.name.clone()))
            .collect();
        if !choices.is_empty() {
            groups.push(ChoiceGroup {
                label: region.name().to_owned(),
                choices,
            });
        }
    }
    if groups.is_empty()
        && let Some(id) = user.organisation_id
        && let Ok(own) = state.app.organisation(user, id).await
    {
        groups.push(ChoiceGroup {
            label: own.region.name().to_owned(),
            choices: vec![Choice::new(own.id.to_string(), own.name)],
        });
    }
    groups
}

// ---------------------------------------------------------------------------
// Handlers

pub(super) async fn new_form(
    State(state): State<AppState>,
    page: PageUser,
    RawQuery(raw): RawQuery,
) -> Response {
    let chrome = chrome_for(&page, "/directory/services/new", raw.as_deref());
    if !policy::permits(page.user.role, Operation::EditService) {
        return error_page(chrome, AppError::Forbidden);
    }
    let values = blank(&page.user);
    show(
        &state,
        &page,
        chrome,
        &Target::New,
        values,
        Invalid::new(),
        StatusCode::OK,
    )
    .await
}

pub(super) async fn edit_form(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
) -> Response {
    let chrome = chrome_for(&page, &format!("/directory/services/{id}/edit"), None);
    let (id, file) = match super::service::file(&state, &page, &id).await {
        Ok(found) => found,
        Err(error) => return error_page(chrome, error),
    };
    let values = values_of(chrome.lang, &file.service);
    show(
        &state,
        &page,
        chrome,
        &Target::Edit(id),
        values,
        Invalid::new(),
        StatusCode::OK,
    )
    .await
}

pub(super) async fn create(State(state): State<AppState>, page: PageUser, form: FormData) -> Response {
    let chrome = chrome_for(&page, "/directory/services/new", None);
    submit(&state, &page, chrome, Target::New, form).await
}

pub(super) async fn update(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let chrome = chrome_for(&page, &format!("/directory/services/{id}/edit"), None);
    match parse_id(&id) {
        Ok(id) => submit(&state, &page, chrome, Target::Edit(id), form).await,
        Err(error) => error_page(chrome, error),
    }
}

/// Saves the posted service, or shows the form again: with one more
/// location slot when asked for, with the messages when refused.
async fn submit(
    state: &AppState,
    page: &PageUser,
    chrome: Chrome,
    target: Target,
    form: FormData,
) -> Response {
    if form.checked("add_location") {
        let slots = posted_slots(&form) + 1;
        let mut pairs: Vec<(String, String)> = form
            .pairs()
            .iter()
            .filter(|(k, _)| k != "slots" && k != "add_location")
            .cloned()
            .collect();
        pairs.push(("slots".to_owned(), slots.to_string()));
        let values = FormData::parse(
            form_urlencoded::Serializer::new(String::new())
                .extend_pairs(&pairs)
                .finish()
                .as_bytes(),
        );
        return show(
            state,
            page,
            chrome,
            &target,
            values,
            Invalid::new(),
            StatusCode::OK,
        )
        .await;
    }
    let (input, slots, mut invalid) = read(&form);
    let refused = if invalid.is_empty() {
        let saved = match target {
            Target::New => state.app.create_service(&page.user, &input).await,
            Target::Edit(id) => state.app.update_service(&page.user, id, &input).await,
        };
        match saved {
            Ok(service) => return done(&format!("/directory/services/{}", service.id), "service-saved"),
            Err(AppError::Invalid(found)) => on_form_fields(found, &slots),
            Err(error) => return error_page(chrome, error),
        }
    } else {
        // The domain's own checks too, so every mistake shows at once.
        let checked = input.parse(ServiceId::new(), chrono::Utc::now(), |code| {
            soleil_reference::comune(code).is_some()
        });
        add_missing(
            &mut invalid,
            checked.map_err(|found| on_form_fields(found, &slots)),
        );
        invalid
    };
    show(
        state,
        page,
        chrome,
        &target,
        form,
        refused,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted(pairs: &[(&str, &str)]) -> FormData {
        FormData::parse(
            form_urlencoded::Serializer::new(String::new())
                .extend_pairs(pairs)
                .finish()
                .as_bytes(),
        )
    }

    #[test]
    fn blank_slots_are_left_out_and_errors_land_on_their_slot() {
        let form = posted(&[
            (
                "organisation_id",
                &soleil_domain::OrganisationId::new().to_string(),
            ),
            ("name", "Sportello"),
            ("description", "Orientamento"),
            ("languages", "it, Punjabi"),
            ("slots", "3"),
            ("locations[0].kind", "desk"),
            ("locations[1].kind", "desk"),
            ("locations[2].kind", "shelter"),
            ("locations[2].name", "Casa"),
            ("locations[2].street", "Via Roma 1"),
            ("locations[2].comune", "Latina"),
            ("locations[2].latitude", "41,46"),
            ("locations[2].longitude", "12.9"),
            ("locations[2].hours", "lun-ven 9-13; sab 9-12"),
        ]);
        let (input, slots, invalid) = read(&form);
        assert!(invalid.is_empty(), "{invalid:?}");
        assert_eq!(slots, [2]);
        assert_eq!(input.languages, ["it", "pa"]);
        let location = &input.locations[0];
        assert_eq!(
            (location.comune.as_str(), location.latitude),
            ("059011", Some(41.46))
        );
        assert_eq!(location.hours.len(), 6);
        let found = Invalid::single("locations[0].hours[3].closes", "closes_before_opens");
        let moved = on_form_fields(found, &slots);
        assert_eq!(moved.errors[0].field, "locations[2].hours");
    }

    #[test]
    fn what_cannot_be_read_is_named() {
        let form = posted(&[
            ("slots", "1"),
            ("languages", "klingon"),
            ("locations[0].kind", "desk"),
            ("locations[0].comune", "Atlantide"),
            ("locations[0].latitude", "nord"),
            ("locations[0].hours", "quando capita"),
        ]);
        let (_, _, invalid) = read(&form);
        let codes: Vec<(&str, &str)> = invalid
            .errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            codes,
            [
                ("organisation_id", "required"),
                ("languages", "invalid_language"),
                ("locations[0].comune", "unknown_comune"),
                ("locations[0].hours", "invalid_hours"),
                ("locations[0].latitude", "invalid_coordinates"),
            ]
        );
    }

    #[test]
    fn the_summary_names_a_location_field_with_its_location() {
        let name = label(Lang::En)("locations[1].comune");
        assert_eq!(name.as_deref(), Some("Location 2: Comune"));
        assert_eq!(label(Lang::En)("name").as_deref(), Some("Name of the service"));
    }
}
