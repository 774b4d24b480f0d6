//! Translations: Italian first, English second, from Fluent files under
//! `locales/`, embedded at compile time.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "it",
        // Unicode isolation marks would show up as stray characters in HTML.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    It,
    En,
}

static IT: LanguageIdentifier = langid!("it");
static EN: LanguageIdentifier = langid!("en");

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code.trim().get(..2)?.to_ascii_lowercase().as_str() {
            "it" => Some(Lang::It),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first supported language of an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Option<Self> {
        header
            .split(',')
            .find_map(|part| Self::parse(part.split(';').next().unwrap_or_default()))
    }

    /// The other language, for the switch in the header.
    pub fn other(self) -> Self {
        match self {
            Lang::It => Lang::En,
            Lang::En => Lang::It,
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::It => &IT,
            Lang::En => &EN,
        }
    }

    /// The message with this id; the id itself if it is missing, so a gap
    /// shows on the page instead of failing it.
    pub fn t(&self, id: &str) -> String {
        LOCALES.try_lookup(self.id(), id).unwrap_or_else(|| id.to_owned())
    }

    /// A message with arguments; numbers stay numbers so Fluent can choose
    /// plural forms.
    pub fn with_args(&self, id: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
            .collect();
        LOCALES
            .try_lookup_with_args(self.id(), id, &args)
            .unwrap_or_else(|| id.to_owned())
    }

    /// A message with one text argument.
    pub fn t1(&self, id: &str, name: &'static str, value: impl ToString) -> String {
        self.with_args(id, &[(name, FluentValue::from(value.to_string()))])
    }

    /// A message about a number, so Fluent can choose the plural form.
    pub fn count(&self, id: &str, name: &'static str, number: i64) -> String {
        self.with_args(id, &[(name, FluentValue::from(number))])
    }

    /// The label of a vocabulary value, e.g. `label("case_state", "planning")`.
    pub fn label(&self, vocabulary: &str, value: impl AsRef<str>) -> String {
        self.t(&format!("{vocabulary}-{}", value.as_ref()))
    }

    /// An amount of money as this language writes it: "1.250,50 €", "€1,250.50".
    pub fn money(self, amount: soleil_domain::inclusion::money::Cents) -> String {
        match self {
            Lang::It => amount.format_it(),
            Lang::En => amount.format_en(),
        }
    }

    /// What an error code means, for a person. The limits that messages
    /// name come as Fluent variables, so the text follows the code.
    pub fn error(&self, code: &str) -> String {
        let limits = [(
            "max_places",
            FluentValue::from(soleil_domain::place::MAX_PLACES_AT_ONCE),
        )];
        self.with_args(&format!("error-{code}"), &limits)
    }
}

/// A language of the public "know your rights" page (`/rights/{code}`),
/// for the workers themselves: the interface's two and the languages most
/// spoken by the people the networks meet. Separate from [`Lang`], which
/// stays the staff interface's choice. Texts: `locales/<code>/rights.ftl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RightsLang {
    It,
    En,
    Fr,
    Ar,
    Ur,
    /// Punjabi, in Gurmukhi script.
    Pa,
    Bn,
    Ro,
}

static FR: LanguageIdentifier = langid!("fr");
static AR: LanguageIdentifier = langid!("ar");
static UR: LanguageIdentifier = langid!("ur");
static PA: LanguageIdentifier = langid!("pa");
static BN: LanguageIdentifier = langid!("bn");
static RO: LanguageIdentifier = langid!("ro");

impl RightsLang {
    /// In the order the chooser lists them.
    pub const ALL: [Self; 8] = [
        Self::It,
        Self::En,
        Self::Fr,
        Self::Ar,
        Self::Ur,
        Self::Pa,
        Self::Bn,
        Self::Ro,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::It => "it",
            Self::En => "en",
            Self::Fr => "fr",
            Self::Ar => "ar",
            Self::Ur => "ur",
            Self::Pa => "pa",
            Self::Bn => "bn",
            Self::Ro => "ro",
        }
    }

    /// The language of a URL: its exact code, nothing guessed.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// `rtl` for the scripts written right to left (Arabic, Urdu).
    pub fn dir(self) -> &'static str {
        match self {
            Self::Ar | Self::Ur => "rtl",
            _ => "ltr",
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Self::It => &IT,
            Self::En => &EN,
            Self::Fr => &FR,
            Self::Ar => &AR,
            Self::Ur => &UR,
            Self::Pa => &PA,
            Self::Bn => &BN,
            Self::Ro => &RO,
        }
    }

    /// The message with this id; the id itself if it is missing.
    pub fn t(self, id: &str) -> String {
        LOCALES.try_lookup(self.id(), id).unwrap_or_else(|| id.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_translate_and_differ() {
        assert_eq!(Lang::It.t("app-name"), "SOLEIL");
        assert_ne!(Lang::It.t("nav-cases"), Lang::En.t("nav-cases"));
        assert_ne!(Lang::It.t("nav-cases"), "nav-cases");
    }

    #[test]
    fn counts_choose_the_plural_form() {
        assert_eq!(Lang::It.count("list-total", "count", 1), "1 risultato");
        assert_eq!(Lang::It.count("list-total", "count", 3), "3 risultati");
        assert_eq!(Lang::En.count("list-total", "count", 1), "1 result");
    }

    #[test]
    fn accept_language_picks_the_first_supported() {
        assert_eq!(
            Lang::from_accept_language("fr-FR,en;q=0.8,it;q=0.5"),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_accept_language("de"), None);
    }

    /// The message ids of a Fluent file.
    fn file_ids(path: &std::path::Path) -> std::collections::BTreeSet<String> {
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with([' ', '#', '\t']) && l.contains(" ="))
            .filter_map(|l| l.split(" =").next().map(str::to_owned))
            .collect()
    }

    fn locale_dir(lang: &str) -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang)
    }

    /// Every message id of Italian exists in English and the other way round.
    #[test]
    fn locales_have_the_same_ids() {
        let ids = |lang: &str| -> std::collections::BTreeSet<String> {
            let mut ids = std::collections::BTreeSet::new();
            for file in std::fs::read_dir(locale_dir(lang)).unwrap() {
                ids.extend(file_ids(&file.unwrap().path()));
            }
            ids
        };
        let (it, en) = (ids("it"), ids("en"));
        assert_eq!(
            it.symmetric_difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new()
        );
    }

    /// Every language of the rights page has every message of the Italian
    /// one, and only those, and it is really that language's text.
    #[test]
    fn rights_languages_have_the_same_ids() {
        let italian = file_ids(&locale_dir("it").join("rights.ftl"));
        assert!(italian.contains("rights-review-status"));
        for lang in RightsLang::ALL {
            let ids = file_ids(&locale_dir(lang.code()).join("rights.ftl"));
            assert_eq!(
                italian.symmetric_difference(&ids).collect::<Vec<_>>(),
                Vec::<&String>::new(),
                "{}",
                lang.code()
            );
            for id in &ids {
                assert_ne!(lang.t(id), *id, "{id} does not load in {}", lang.code());
            }
            if lang != RightsLang::It {
                assert_ne!(lang.t("rights-title"), RightsLang::It.t("rights-title"));
            }
        }
    }

    #[test]
    fn rights_languages_parse_exactly() {
        assert_eq!(RightsLang::parse("ar"), Some(RightsLang::Ar));
        assert_eq!(RightsLang::parse("ar-EG"), None);
        assert_eq!(RightsLang::parse("xx"), None);
        assert_eq!(RightsLang::Ur.dir(), "rtl");
        assert_eq!(RightsLang::Pa.dir(), "ltr");
    }
}
