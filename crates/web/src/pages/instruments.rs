//! The screening instruments as people read them: the catalogue
//! (`/instruments`), one version with every question and rule in words
//! (`/instruments/{id}`), a training form that evaluates answers without
//! storing them (`/instruments/{id}/try`), the printable indicator sheet
//! for anyone, signed in or not (`/sheets/{id}`), and the admins' page that
//! publishes a new version (`/admin/instruments/{id}/publish`).
//!
//! The catalogue is public knowledge, so reading it needs no role. The
//! sheet is for actors outside the network too: it looks up no session,
//! sets no cookie and is not audited; its language comes from `?lang=` or
//! the browser.

use std::collections::BTreeMap;

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use fluent_templates::fluent_bundle::FluentValue;
use soleil_app::instruments::{read_catalogue_file, write_catalogue_file};
use soleil_app::{AppError, Operation, policy};
use soleil_domain::{Answer, FieldError, Instrument, InstrumentDefinition, Invalid, Priority};

use super::explain::Explained;
use super::form::{FormData, PathText, chrome_for};
use super::time::day_text;
use super::{Chrome, HOTLINE, HOTLINE_TEL, done, error_page, render, render_with};
use crate::AppState;
use crate::auth::{PageUser, request_lang};
use crate::i18n::Lang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/instruments", get(list))
        .route("/instruments/{id}", get(show))
        .route("/instruments/{id}/try", get(try_form).post(try_answers))
        .route("/sheets/{id}", get(sheet))
        .route("/admin/instruments/{id}/publish", get(publish_form).post(publish))
}

/// The answers of a question, in the order the forms offer them.
const ANSWERS: [Answer; 3] = [Answer::Yes, Answer::No, Answer::Unknown];
/// Dimensions with at least this many questions start a new printed page.
const PAGE_BREAK_FROM: usize = 6;

/// A query or form value naming a version; blank is the newest.
fn version_param(form: &FormData) -> Option<String> {
    form.trimmed("version")
}

/// `path?version=V`, with the version encoded.
fn with_version(path: &str, version: &str) -> String {
    let start = format!("{path}?");
    form_urlencoded::Serializer::for_suffix(start.clone(), start.len())
        .append_pair("version", version)
        .finish()
}

/// The printable sheet of a version in a language.
fn sheet_href(id: &str, version: &str, lang: Lang) -> String {
    let start = format!("/sheets/{id}?");
    form_urlencoded::Serializer::for_suffix(start.clone(), start.len())
        .append_pair("lang", lang.code())
        .append_pair("version", version)
        .finish()
}

// ---------------------------------------------------------------------------
// An instrument in words

/// An instrument version's texts in one language, as the instrument page,
/// the training form and the sheet show it.
pub struct InstrumentView {
    pub id: String,
    pub version: String,
    pub name: String,
    pub purpose: String,
    pub has_strength: bool,
    pub source: SourceView,
    pub dimensions: Vec<DimensionView>,
    pub outcomes: Vec<OutcomeView>,
    pub indicator_count: usize,
}

pub struct SourceView {
    pub title: String,
    pub publisher: Option<String>,
    pub year: i32,
    pub reference: Option<String>,
    pub urls: Vec<String>,
    /// How far the catalogue was checked against the source (English).
    pub note: Option<String>,
}

pub struct DimensionView {
    pub id: String,
    /// From 1, in catalogue order.
    pub number: usize,
    pub code: Option<String>,
    pub label: String,
    pub help: String,
    /// When it is met, in words.
    pub rule: String,
    /// The same rule as the catalogue writes it.
    pub met_when: String,
    /// What is not confirmed against the source (English).
    pub uncertain: Option<String>,
    pub indicators: Vec<IndicatorView>,
    /// A long dimension starts a new printed page.
    pub page_break: bool,
}

pub struct IndicatorView {
    pub id: String,
    /// From 1 across the whole instrument, as the sheet numbers questions.
    pub number: usize,
    pub label: String,
    pub question: String,
    pub help: String,
    pub strength: Option<StrengthView>,
    pub legal_ref: Option<String>,
    pub uncertain: Option<String>,
    /// The radio buttons of the training form and of the screening's
    /// sheet, with the answer given.
    pub choices: Vec<AnswerChoice>,
    /// What the operator noted beside the answer (the screening's sheet).
    pub note: String,
}

/// How strongly an indicator points to trafficking (Delphi instrument).
pub struct StrengthView {
    /// `strong`, `medium` or `weak`.
    pub value: &'static str,
    pub label: String,
}

pub struct AnswerChoice {
    pub value: &'static str,
    pub label: String,
    pub checked: bool,
}

pub struct OutcomeView {
    pub id: String,
    pub label: String,
    pub advice: String,
    pub priority: Priority,
    /// The rule as the catalogue writes it, and in words.
    pub when: String,
    pub when_words: String,
    pub uncertain: Option<String>,
}

impl InstrumentView {
    /// The operator's notes beside the answers, by indicator id.
    pub(super) fn with_notes(mut self, notes: &BTreeMap<String, String>) -> Self {
        for dimension in &mut self.dimensions {
            for indicator in &mut dimension.indicators {
                indicator.note = notes.get(&indicator.id).cloned().unwrap_or_default();
            }
        }
        self
    }

    /// The instrument in `lang`, with the answers given so far (none is
    /// unknown) checked.
    pub(super) fn new(lang: Lang, instrument: &Instrument, answers: &BTreeMap<String, Answer>) -> Self {
        let code = lang.code();
        let d = instrument.definition();
        let mut number = 0;
        let dimensions = d
            .dimensions
            .iter()
            .enumerate()
            .map(|(i, dimension)| {
                let indicators: Vec<IndicatorView> = instrument
                    .indicators_of(i)
                    .map(|indicator| {
                        number += 1;
                        let given = answers.get(&indicator.id).copied().unwrap_or(Answer::Unknown);
                        IndicatorView {
                            id: indicator.id.clone(),
                            number,
                            label: indicator.label.get(code).to_owned(),
                            question: indicator.question.get(code).to_owned(),
                            help: indicator.help.get(code).to_owned(),
                            strength: indicator.strength.map(|s| StrengthView {
                                value: s.as_str(),
                                label: lang.label("instruments-strength", s.as_str()),
                            }),
                            legal_ref: indicator.legal_ref.clone(),
                            uncertain: indicator.uncertain.clone(),
                            choices: ANSWERS
                                .iter()
                                .map(|answer| AnswerChoice {
                                    value: answer.as_str(),
                                    label: lang.label("instruments-answer", answer.as_str()),
                                    checked: *answer == given,
                                })
                                .collect(),
                            note: String::new(),
                        }
                    })
                    .collect();
                DimensionView {
                    id: dimension.id.clone(),
                    number: i + 1,
                    code: dimension.code.clone(),
                    label: dimension.label.get(code).to_owned(),
                    help: dimension.help.get(code).to_owned(),
                    rule: dimension.rule.get(code).to_owned(),
                    met_when: dimension.met_when.clone(),
                    uncertain: dimension.uncertain.clone(),
                    page_break: i > 0 && indicators.len() >= PAGE_BREAK_FROM,
                    indicators,
                }
            })
            .collect();
        let outcomes = d
            .outcomes
            .iter()
            .map(|outcome| OutcomeView {
                id: outcome.id.clone(),
                label: outcome.label.get(code).to_owned(),
                advice: outcome.advice.get(code).to_owned(),
                priority: outcome.priority,
                when: outcome.when.clone(),
                when_words: rule_in_words(lang, d, &outcome.when),
                uncertain: outcome.uncertain.clone(),
            })
            .collect();
        Self {
            id: d.id.clone(),
            version: d.version.clone(),
            name: d.name.get(code).to_owned(),
            purpose: d.purpose.get(code).to_owned(),
            has_strength: d.has_strength,
            source: SourceView {
                title: d.source.title.clone(),
                publisher: d.source.publisher.clone(),
                year: d.source.year,
                reference: d.source.reference.clone(),
                urls: d.source.urls.clone(),
                note: d.source.note.clone(),
            },
            dimensions,
            outcomes,
            indicator_count: d.indicators.len(),
        }
    }
}

/// An outcome rule in words: dimension ids and codes and indicator ids
/// become their labels, `&&` and `||` the words for "and" and "or", and a
/// rule that is only `true` says that it is reached when nothing above is.
fn rule_in_words(lang: Lang, definition: &InstrumentDefinition, rule: &str) -> String {
    if rule.trim() == "true" {
        return lang.t("instruments-rule-always");
    }
    let code = lang.code();
    let name = |word: &str| -> Option<String> {
        definition
            .dimensions
            .iter()
            .find(|d| d.id == word || d.code.as_deref() == Some(word))
            .map(|d| d.label.get(code).to_owned())
            .or_else(|| {
                definition
                    .indicators
                    .iter()
                    .find(|i| i.id == word)
                    .map(|i| i.label.get(code).to_owned())
            })
    };
    let mut words = String::new();
    let mut chars = rule.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' | '|' => {
                if chars.peek() == Some(&c) {
                    chars.next();
                }
                let id = if c == '&' {
                    "instruments-rule-and"
                } else {
                    "instruments-rule-or"
                };
                words.push_str(&format!(" {} ", lang.t(id)));
            }
            '!' if chars.peek() != Some(&'=') => {
                words.push_str(&format!("{} ", lang.t("instruments-rule-not")));
            }
            c if c.is_ascii_alphanumeric() || c == '_' => {
                let mut word = String::from(c);
                while let Some(next) = chars
                    .peek()
                    .copied()
                    .filter(|n| n.is_ascii_alphanumeric() || *n == '_')
                {
                    word.push(next);
                    chars.next();
                }
                match name(&word) {
                    Some(label) => words.push_str(&lang.t1("instruments-rule-name", "name", label)),
                    None if word == "true" => words.push_str(&lang.t("instruments-rule-true")),
                    None => words.push_str(&word),
                }
            }
            c if c.is_whitespace() => {}
            other => words.push(other),
        }
    }
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------
// The catalogue

struct VersionRow {
    version: String,
    href: String,
    published_on: String,
    shipped: bool,
}

struct InstrumentRow {
    name: String,
    href: String,
    current_version: String,
    versions: Vec<VersionRow>,
    try_href: String,
    sheet_href: String,
}

#[derive(Template)]
#[template(path = "instruments/list.html")]
struct ListPage {
    chrome: Chrome,
    title: String,
    rows: Vec<InstrumentRow>,
}

async fn list(State(state): State<AppState>, page: PageUser, RawQuery(query): RawQuery) -> Response {
    let chrome = chrome_for(&page, "/instruments", query.as_deref());
    match state.app.instruments().await {
        Ok(summaries) => {
            let lang = chrome.lang;
            let rows = summaries
                .into_iter()
                .map(|summary| {
                    let href = format!("/instruments/{}", summary.id);
                    InstrumentRow {
                        name: summary.name.get(lang.code()).to_owned(),
                        try_href: format!("{href}/try"),
                        sheet_href: sheet_href(&summary.id, &summary.current_version, lang),
                        versions: summary
                            .versions
                            .iter()
                            .map(|v| VersionRow {
                                version: v.version.clone(),
                                href: with_version(&href, &v.version),
                                published_on: day_text(v.published_at),
                                shipped: v.shipped,
                            })
                            .collect(),
                        current_version: summary.current_version,
                        href,
                    }
                })
                .collect();
            render(ListPage {
                title: chrome.t("instruments-title"),
                rows,
                chrome,
            })
        }
        Err(error) => error_page(chrome, error),
    }
}

// ---------------------------------------------------------------------------
// One instrument

#[derive(Template)]
#[template(path = "instruments/show.html")]
struct ShowPage {
    chrome: Chrome,
    title: String,
    view: InstrumentView,
    /// Every version of the instrument, newest first.
    versions: Vec<VersionRow>,
    newest: bool,
    /// How many indicators in how many dimensions, in words.
    counts: String,
    try_href: String,
    sheet_it: String,
    sheet_en: String,
    /// For admins: where a new version is published.
    publish_href: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let path = format!("/instruments/{id}");
    let chrome = chrome_for(
        &page,
        &super::pager::here(&path, query.as_deref()),
        query.as_deref(),
    );
    let version = version_param(&FormData::query(query.as_deref()));
    let instrument = match state.app.instrument(&id, version.as_deref()).await {
        Ok(instrument) => instrument,
        Err(error) => return error_page(chrome, error),
    };
    let summary = match state.app.instruments().await {
        Ok(all) => all.into_iter().find(|s| s.id == instrument.id()),
        Err(error) => return error_page(chrome, error),
    };
    let shown = instrument.version().to_owned();
    let versions = summary
        .as_ref()
        .map(|s| {
            s.versions
                .iter()
                .map(|v| VersionRow {
                    version: v.version.clone(),
                    href: with_version(&path, &v.version),
                    published_on: day_text(v.published_at),
                    shipped: v.shipped,
                })
                .collect()
        })
        .unwrap_or_default();
    let newest = summary.is_none_or(|s| s.current_version == shown);
    let view = InstrumentView::new(chrome.lang, &instrument, &BTreeMap::new());
    let counts = chrome.lang.with_args(
        "instruments-dimensions-count",
        &[
            ("indicators", FluentValue::from(view.indicator_count)),
            ("dimensions", FluentValue::from(view.dimensions.len())),
        ],
    );
    render(ShowPage {
        title: view.name.clone(),
        counts,
        try_href: with_version(&format!("{path}/try"), &shown),
        sheet_it: sheet_href(&id, &shown, Lang::It),
        sheet_en: sheet_href(&id, &shown, Lang::En),
        publish_href: policy::permits(page.user.role, Operation::PublishInstrument)
            .then(|| format!("/admin/instruments/{id}/publish")),
        versions,
        newest,
        view,
        chrome,
    })
}

// ---------------------------------------------------------------------------
// Training: answers evaluated, never stored

#[derive(Template)]
#[template(path = "instruments/try.html")]
struct TryPage {
    chrome: Chrome,
    title: String,
    view: InstrumentView,
    action: String,
    back: String,
    /// The result of the answers posted, in words.
    explained: Option<Explained>,
}

/// The answer of each indicator; none, or anything but the radio values,
/// is unknown.
fn answers_of(instrument: &Instrument, form: &FormData) -> BTreeMap<String, Answer> {
    instrument
        .definition()
        .indicators
        .iter()
        .map(|indicator| {
            let posted = form.get(&format!("answer-{}", indicator.id));
            (indicator.id.clone(), posted.parse().unwrap_or(Answer::Unknown))
        })
        .collect()
}

fn try_page(
    chrome: Chrome,
    instrument: &Instrument,
    answers: &BTreeMap<String, Answer>,
    explained: Option<Explained>,
) -> Response {
    let view = InstrumentView::new(chrome.lang, instrument, answers);
    let path = format!("/instruments/{}", instrument.id());
    render(TryPage {
        title: chrome.lang.t1("instruments-try-title", "name", &view.name),
        action: format!("{path}/try#result"),
        back: with_version(&path, instrument.version()),
        explained,
        view,
        chrome,
    })
}

async fn try_form(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
) -> Response {
    let path = format!("/instruments/{id}/try");
    let chrome = chrome_for(
        &page,
        &super::pager::here(&path, query.as_deref()),
        query.as_deref(),
    );
    let version = version_param(&FormData::query(query.as_deref()));
    match state.app.instrument(&id, version.as_deref()).await {
        Ok(instrument) => try_page(chrome, &instrument, &BTreeMap::new(), None),
        Err(error) => error_page(chrome, error),
    }
}

async fn try_answers(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let version = version_param(&form);
    let here = match &version {
        Some(version) => with_version(&format!("/instruments/{id}/try"), version),
        None => format!("/instruments/{id}/try"),
    };
    let chrome = Chrome::new(&page, &here);
    let instrument = match state.app.instrument(&id, version.as_deref()).await {
        Ok(instrument) => instrument,
        Err(error) => return error_page(chrome, error),
    };
    let answers = answers_of(&instrument, &form);
    match state
        .app
        .evaluate(instrument.id(), Some(instrument.version()), &answers)
        .await
    {
        Ok(evaluation) => {
            let explained = Explained::new(chrome.lang, &instrument, &evaluation);
            try_page(chrome, &instrument, &answers, Some(explained))
        }
        Err(error) => error_page(chrome, error),
    }
}

// ---------------------------------------------------------------------------
// The printable sheet, for anyone

#[derive(Template)]
#[template(path = "instruments/sheet.html")]
struct SheetPage {
    lang: Lang,
    view: InstrumentView,
    /// The same sheet in the other language.
    other_href: String,
    hotline: &'static str,
    hotline_tel: &'static str,
}

/// Public: no session is looked up and no cookie set. The language is
/// `?lang=`, else the browser's.
async fn sheet(
    State(state): State<AppState>,
    PathText(id): PathText,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let params = FormData::query(query.as_deref());
    let lang = Lang::parse(params.get("lang")).unwrap_or_else(|| request_lang(&headers));
    let version = version_param(&params);
    match state.app.instrument(&id, version.as_deref()).await {
        Ok(instrument) => {
            let view = InstrumentView::new(lang, &instrument, &BTreeMap::new());
            render(SheetPage {
                other_href: sheet_href(&view.id, &view.version, lang.other()),
                hotline: HOTLINE,
                hotline_tel: HOTLINE_TEL,
                lang,
                view,
            })
        }
        Err(error) => error_page(Chrome::anonymous(lang, &format!("/sheets/{id}")), error),
    }
}

// ---------------------------------------------------------------------------
// Publishing a new version (admins)

/// One problem of a refused catalogue file: where, what, and the exact
/// mistake where the code alone cannot say.
struct ErrorLine {
    field: String,
    message: String,
    detail: Option<String>,
}

#[derive(Template)]
#[template(path = "instruments/publish.html")]
struct PublishPage {
    chrome: Chrome,
    title: String,
    action: String,
    back: String,
    /// The newest version, which the text started from.
    newest_version: String,
    /// The catalogue file, as typed.
    text: String,
    errors: Vec<ErrorLine>,
    /// A refusal of the whole file (the version exists already).
    problem: Option<String>,
}

impl PublishPage {
    /// "The file has N errors".
    fn errors_title(&self) -> String {
        let count = i64::try_from(self.errors.len()).unwrap_or(i64::MAX);
        self.chrome
            .lang
            .count("instruments-publish-errors", "count", count)
    }
}

fn error_lines(lang: Lang, errors: Vec<FieldError>) -> Vec<ErrorLine> {
    errors
        .into_iter()
        .map(|e| ErrorLine {
            message: lang.error(&e.code),
            field: e.field,
            detail: e.detail,
        })
        .collect()
}

fn publish_page(
    chrome: Chrome,
    instrument: &Instrument,
    text: String,
    errors: Vec<FieldError>,
    problem: Option<String>,
    status: StatusCode,
) -> Response {
    let lang = chrome.lang;
    let id = instrument.id();
    render_with(
        status,
        PublishPage {
            title: lang.t1(
                "instruments-publish-title",
                "name",
                instrument.definition().name.get(lang.code()),
            ),
            action: format!("/admin/instruments/{id}/publish"),
            back: format!("/instruments/{id}"),
            newest_version: instrument.version().to_owned(),
            text,
            errors: error_lines(lang, errors),
            problem,
            chrome,
        },
    )
}

async fn publish_form(State(state): State<AppState>, page: PageUser, PathText(id): PathText) -> Response {
    let chrome = Chrome::new(&page, &format!("/admin/instruments/{id}/publish"));
    if !policy::permits(page.user.role, Operation::PublishInstrument) {
        return error_page(chrome, AppError::Forbidden);
    }
    match state.app.instrument(&id, None).await {
        Ok(newest) => {
            let text = write_catalogue_file(newest.definition());
            publish_page(chrome, &newest, text, Vec::new(), None, StatusCode::OK)
        }
        Err(error) => error_page(chrome, error),
    }
}

/// The file as posted, read and checked to be a version of this instrument.
fn read_version_of(id: &str, text: &str) -> Result<InstrumentDefinition, Invalid> {
    let definition = read_catalogue_file(text)?;
    if definition.id != id {
        let mut invalid = Invalid::new();
        invalid.add_detail("id", "instrument_id_mismatch", &format!("id = \"{id}\""));
        return Err(invalid);
    }
    Ok(definition)
}

async fn publish(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let chrome = Chrome::new(&page, &format!("/admin/instruments/{id}/publish"));
    if !policy::permits(page.user.role, Operation::PublishInstrument) {
        return error_page(chrome, AppError::Forbidden);
    }
    let newest = match state.app.instrument(&id, None).await {
        Ok(newest) => newest,
        Err(error) => return error_page(chrome, error),
    };
    let text = form.text("definition");
    let result = match read_version_of(&id, &text) {
        Ok(definition) => state.app.publish_instrument(&page.user, definition).await,
        Err(invalid) => Err(invalid.into()),
    };
    match result {
        Ok(published) => done(
            &with_version(&format!("/instruments/{}", published.id()), published.version()),
            "instrument-published",
        ),
        Err(AppError::Invalid(invalid)) => publish_page(
            chrome,
            &newest,
            text,
            invalid.errors,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(conflict @ AppError::Conflict { .. }) => {
            let message = crate::error::ApiError::from_app(chrome.lang, conflict)
                .body
                .error
                .message;
            publish_page(
                chrome,
                &newest,
                text,
                Vec::new(),
                Some(message),
                StatusCode::CONFLICT,
            )
        }
        Err(error) => error_page(chrome, error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use soleil_app::instruments::shipped_catalogue;

    fn delphi() -> Instrument {
        shipped_catalogue()
            .unwrap()
            .into_iter()
            .find(|i| i.id() == "ilo_ec_delphi_labour")
            .unwrap()
    }

    #[test]
    fn outcome_rules_read_as_words() {
        let instrument = delphi();
        let d = instrument.definition();
        let words = rule_in_words(Lang::En, d, "(DR || CR) && EX");
        assert_eq!(
            words,
            "(“Deceptive recruitment” or “Coercive recruitment”) and “Exploitative conditions of work”"
        );
        let words = rule_in_words(Lang::It, d, "EX && cd_debt_bondage");
        assert!(
            words.starts_with("«Condizioni di lavoro di sfruttamento» e «"),
            "{words}"
        );
        assert_eq!(
            rule_in_words(Lang::En, d, "true"),
            Lang::En.t("instruments-rule-always")
        );
        assert_eq!(rule_in_words(Lang::En, d, "nobody"), "nobody");
    }

    #[test]
    fn answers_not_given_are_unknown() {
        let instrument = delphi();
        let form = FormData::parse(
            b"answer-ex_excessive_hours=yes&answer-cd_debt_bondage=no&answer-ex_hazardous_work=maybe",
        );
        let answers = answers_of(&instrument, &form);
        assert_eq!(answers.len(), instrument.definition().indicators.len());
        assert_eq!(answers["ex_excessive_hours"], Answer::Yes);
        assert_eq!(answers["cd_debt_bondage"], Answer::No);
        assert_eq!(answers["ex_hazardous_work"], Answer::Unknown);
        assert_eq!(answers["dr_wages_earnings"], Answer::Unknown);
    }

    #[test]
    fn every_indicator_is_numbered_and_every_choice_translated() {
        let instrument = delphi();
        let answers = BTreeMap::from([("dr_wages_earnings".to_owned(), Answer::Yes)]);
        for lang in [Lang::It, Lang::En] {
            let view = InstrumentView::new(lang, &instrument, &answers);
            let numbers: Vec<usize> = view
                .dimensions
                .iter()
                .flat_map(|d| d.indicators.iter().map(|i| i.number))
                .collect();
            assert_eq!(numbers, (1..=67).collect::<Vec<_>>());
            let wages = view
                .dimensions
                .iter()
                .flat_map(|d| &d.indicators)
                .find(|i| i.id == "dr_wages_earnings")
                .unwrap();
            let checked: Vec<&str> = wages
                .choices
                .iter()
                .filter(|c| c.checked)
                .map(|c| c.value)
                .collect();
            assert_eq!(checked, ["yes"]);
            for choice in &wages.choices {
                assert!(!choice.label.starts_with("instruments-"), "{}", choice.label);
            }
            let strength = &wages.strength.as_ref().unwrap().label;
            assert!(!strength.starts_with("instruments-"), "{strength}");
        }
    }

    #[test]
    fn a_version_of_another_instrument_is_refused() {
        let text = write_catalogue_file(delphi().definition());
        assert!(read_version_of("ilo_ec_delphi_labour", &text).is_ok());
        let invalid = read_version_of("cp_603bis", &text).unwrap_err();
        assert_eq!(invalid.errors[0].code, "instrument_id_mismatch");
    }
}
