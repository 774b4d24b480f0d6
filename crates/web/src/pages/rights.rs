//! "Know your rights": the public pages for the people themselves, read
//! without signing in, in their own language (`/rights/{lang}`): the
//! anti-trafficking toll-free number, what exploitation is, their rights,
//! the help that exists, a short self-check and the network's desks.
//!
//! They store nothing about their reader, because a reader may be watched
//! by the person who exploits them: no session is looked up and no cookie
//! set, nothing is audited, the self-check's answers are neither logged nor
//! saved (they only shape the page sent back), responses are `no-store`
//! (the pages router's layer), and every file comes from this site. The
//! self-check posts past the anti-forgery guard's token check, which it
//! cannot have without a session; see `auth::csrf_guard`.

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use soleil_domain::organisation::ListedOrganisation;
use soleil_domain::{OrganisationKind, RegionCode};

use super::form::FormData;
use super::{HOTLINE, HOTLINE_TEL, render, render_with};
use crate::AppState;
use crate::i18n::RightsLang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/rights", get(chooser))
        .route("/rights/{lang}", get(rights))
        .route("/rights/{lang}/check", post(self_check))
}

/// The single European emergency number.
const EMERGENCY: &str = "112";

/// One question of the self-check: its field, and the answer that is a sign
/// of exploitation. Its words are `rights-q-NAME`, and what the sign means
/// `rights-sign-NAME`.
struct Question {
    name: &'static str,
    worrying: Answer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    Yes,
    No,
}

impl Answer {
    /// The values of the form's radio buttons.
    fn parse(value: &str) -> Option<Self> {
        match value {
            "yes" => Some(Answer::Yes),
            "no" => Some(Answer::No),
            _ => None,
        }
    }
}

const QUESTIONS: [Question; 6] = [
    Question {
        name: "documents",
        worrying: Answer::Yes,
    },
    Question {
        name: "pay",
        worrying: Answer::Yes,
    },
    Question {
        name: "hours",
        worrying: Answer::Yes,
    },
    Question {
        name: "debt",
        worrying: Answer::Yes,
    },
    Question {
        name: "threats",
        worrying: Answer::Yes,
    },
    Question {
        name: "leave",
        worrying: Answer::No,
    },
];

/// What the pages of one language share: its texts and direction.
pub struct RightsFrame {
    pub lang: RightsLang,
}

impl RightsFrame {
    fn new(lang: RightsLang) -> Self {
        Self { lang }
    }

    pub fn t(&self, id: &str) -> String {
        self.lang.t(id)
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn dir(&self) -> &'static str {
        self.lang.dir()
    }

    /// Italian and English were reviewed by the SOLEIL team; the other
    /// languages are drafts until an intercultural mediator checks them.
    pub fn reviewed(&self) -> bool {
        self.t("rights-review-state") == "reviewed"
    }

    pub fn hotline(&self) -> &'static str {
        HOTLINE
    }

    pub fn hotline_tel(&self) -> &'static str {
        HOTLINE_TEL
    }

    pub fn emergency(&self) -> &'static str {
        EMERGENCY
    }
}

/// A language as the chooser offers it, in its own words.
pub struct LanguageLink {
    pub code: &'static str,
    pub dir: &'static str,
    pub name: String,
    pub title: String,
}

fn language_links() -> Vec<LanguageLink> {
    RightsLang::ALL
        .into_iter()
        .map(|lang| LanguageLink {
            code: lang.code(),
            dir: lang.dir(),
            name: lang.t("rights-language-name"),
            title: lang.t("rights-title"),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// The chooser

#[derive(Template)]
#[template(path = "rights/chooser.html")]
struct ChooserPage {
    /// The chooser speaks Italian first (the page's language), then each
    /// language in its own words.
    frame: RightsFrame,
    languages: Vec<LanguageLink>,
    /// The language asked for does not exist.
    unknown: bool,
}

impl ChooserPage {
    /// A message in English, beside the Italian, for readers of neither
    /// who may know some English.
    fn english(&self, id: &str) -> String {
        RightsLang::En.t(id)
    }
}

async fn chooser() -> Response {
    chooser_page(false)
}

fn chooser_page(unknown: bool) -> Response {
    let page = ChooserPage {
        frame: RightsFrame::new(RightsLang::It),
        languages: language_links(),
        unknown,
    };
    let status = if unknown {
        StatusCode::NOT_FOUND
    } else {
        StatusCode::OK
    };
    render_with(status, page)
}

// ---------------------------------------------------------------------------
// The desks of the network

/// A listed organisation as the page shows it.
pub struct Desk {
    pub name: String,
    pub kind: String,
    pub address: Option<String>,
    pub phone: Option<String>,
    /// The phone as a `tel:` link: its digits, and a leading `+`.
    pub phone_tel: Option<String>,
    pub opening_hours: Option<String>,
}

/// The listed organisations of one region.
pub struct RegionDesks {
    code: RegionCode,
    pub name: &'static str,
    pub desks: Vec<Desk>,
}

/// The region choice of the desks' selector.
pub struct RegionOption {
    pub code: &'static str,
    pub name: &'static str,
    pub selected: bool,
}

/// The desks part of a page: the region chosen (none: every region), the
/// selector's options and the desks grouped by region.
pub struct Desks {
    pub region: Option<RegionCode>,
    pub options: Vec<RegionOption>,
    pub groups: Vec<RegionDesks>,
}

impl Desks {
    pub fn region_code(&self) -> &'static str {
        self.region.map_or("", RegionCode::as_str)
    }
}

/// A region from the selector, in any case (`LAZ` or `laz`); anything else
/// is every region.
fn region_of(value: &str) -> Option<RegionCode> {
    value.trim().to_ascii_lowercase().parse().ok()
}

/// The kinds a reader should know by name; the others are "a service of the
/// network".
fn kind_label(lang: RightsLang, kind: OrganisationKind) -> String {
    match kind {
        OrganisationKind::Desk
        | OrganisationKind::MobileUnit
        | OrganisationKind::Union
        | OrganisationKind::ReceptionCentre
        | OrganisationKind::Helpline => lang.t(&format!("rights-kind-{kind}")),
        _ => lang.t("rights-kind-other"),
    }
}

/// Only digits and a leading `+`: what a phone dials.
fn tel_href(phone: &str) -> Option<String> {
    let digits: String = phone
        .chars()
        .enumerate()
        .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
        .map(|(_, c)| c)
        .collect();
    (digits.chars().filter(char::is_ascii_digit).count() >= 3).then(|| format!("tel:{digits}"))
}

fn desk(lang: RightsLang, listed: ListedOrganisation) -> Desk {
    Desk {
        kind: kind_label(lang, listed.kind),
        phone_tel: listed.phone.as_deref().and_then(tel_href),
        name: listed.name,
        address: listed.address,
        phone: listed.phone,
        opening_hours: listed.opening_hours,
    }
}

/// The listed organisations of the region chosen, or of every region, in
/// the regions' order. When the database does not answer, the page still
/// shows the toll-free number: it says so and lists no desk.
async fn desks(state: &AppState, lang: RightsLang, region: Option<RegionCode>) -> Desks {
    let listed = match state.app.listed_organisations(region).await {
        Ok(listed) => listed,
        Err(error) => {
            tracing::error!(%error, "listed organisations for the rights page");
            Vec::new()
        }
    };
    let mut groups: Vec<RegionDesks> = RegionCode::all()
        .map(|code| RegionDesks {
            code,
            name: code.name(),
            desks: Vec::new(),
        })
        .collect();
    for organisation in listed {
        if let Some(group) = groups.iter_mut().find(|g| g.code == organisation.region) {
            group.desks.push(desk(lang, organisation));
        }
    }
    groups.retain(|g| !g.desks.is_empty());
    groups.sort_by_key(|g| g.name);
    let mut options: Vec<RegionOption> = RegionCode::all()
        .map(|code| RegionOption {
            code: code.as_str(),
            name: code.name(),
            selected: Some(code) == region,
        })
        .collect();
    options.sort_by_key(|o| o.name);
    Desks {
        region,
        options,
        groups,
    }
}

// ---------------------------------------------------------------------------
// The page of one language

/// A question of the self-check as the form shows it.
pub struct QuestionField {
    pub name: &'static str,
    pub text: String,
}

#[derive(Template)]
#[template(path = "rights/page.html")]
struct RightsPage {
    frame: RightsFrame,
    questions: Vec<QuestionField>,
    desks: Desks,
}

async fn rights(
    State(state): State<AppState>,
    Path(code): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(lang) = RightsLang::parse(&code) else {
        return chooser_page(true);
    };
    let region = region_of(FormData::query(query.as_deref()).get("region"));
    let questions = QUESTIONS
        .iter()
        .map(|q| QuestionField {
            name: q.name,
            text: lang.t(&format!("rights-q-{}", q.name)),
        })
        .collect();
    render(RightsPage {
        frame: RightsFrame::new(lang),
        questions,
        desks: desks(&state, lang, region).await,
    })
}

// ---------------------------------------------------------------------------
// The self-check's answer

#[derive(Template)]
#[template(path = "rights/result.html")]
struct ResultPage {
    frame: RightsFrame,
    /// What each worrying answer means, in words.
    signs: Vec<String>,
    desks: Desks,
}

/// The signs of exploitation among the answers. A question not answered is
/// no sign: the check only ever adds reasons to ask for help.
fn signs(form: &FormData) -> Vec<&'static str> {
    QUESTIONS
        .iter()
        .filter(|q| Answer::parse(form.get(q.name)) == Some(q.worrying))
        .map(|q| q.name)
        .collect()
}

/// Answers the self-check with a page and nothing else: the answers are not
/// logged, saved or put in any address.
async fn self_check(State(state): State<AppState>, Path(code): Path<String>, form: FormData) -> Response {
    let Some(lang) = RightsLang::parse(&code) else {
        return chooser_page(true);
    };
    let region = region_of(form.get("region"));
    let signs = signs(&form)
        .into_iter()
        .map(|name| lang.t(&format!("rights-sign-{name}")))
        .collect();
    render(ResultPage {
        frame: RightsFrame::new(lang),
        signs,
        desks: desks(&state, lang, region).await,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_worrying_answers_are_signs() {
        let form = FormData::parse(b"documents=yes&pay=no&leave=no&threats=maybe");
        assert_eq!(signs(&form), vec!["documents", "leave"]);
        assert!(signs(&FormData::parse(b"leave=yes&documents=no")).is_empty());
        assert!(signs(&FormData::default()).is_empty());
    }

    #[test]
    fn answers_are_the_radio_values() {
        assert_eq!(Answer::parse("yes"), Some(Answer::Yes));
        assert_eq!(Answer::parse("no"), Some(Answer::No));
        assert_eq!(Answer::parse("Yes"), None);
    }

    #[test]
    fn regions_read_in_any_case() {
        assert_eq!(region_of("LAZ"), Some(RegionCode::Laz));
        assert_eq!(region_of(" tos "), Some(RegionCode::Tos));
        assert_eq!(region_of("xx"), None);
        assert_eq!(region_of(""), None);
    }

    #[test]
    fn phones_become_tel_links() {
        assert_eq!(tel_href("06 0000 0101").as_deref(), Some("tel:0600000101"));
        assert_eq!(tel_href("+39 0773 000-101").as_deref(), Some("tel:+390773000101"));
        assert_eq!(tel_href("--"), None);
    }

    #[test]
    fn every_question_and_sign_is_translated() {
        for lang in RightsLang::ALL {
            for q in &QUESTIONS {
                for id in [format!("rights-q-{}", q.name), format!("rights-sign-{}", q.name)] {
                    assert_ne!(lang.t(&id), id, "{} {id}", lang.code());
                }
            }
            for kind in [
                "desk",
                "mobile_unit",
                "union",
                "reception_centre",
                "helpline",
                "other",
            ] {
                let id = format!("rights-kind-{kind}");
                assert_ne!(lang.t(&id), id, "{} {id}", lang.code());
            }
        }
    }
}
