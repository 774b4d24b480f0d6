//! Screening instruments as versioned data: their dimensions, indicators,
//! strengths and rules come from catalogue files, never from code, so a
//! rule marked uncertain can be corrected by publishing a new version.
//!
//! [`InstrumentDefinition`] is a catalogue file as written;
//! [`Instrument`] is one that has been checked and whose rules compiled.
//! Evaluating answers ([`Instrument::evaluate`]) is pure and explains
//! itself: see [`Evaluation`].

mod evaluation;
pub mod rule;

use std::collections::{BTreeMap, HashMap};

pub use evaluation::{DimensionResult, Evaluation, OutcomeResult};
use rule::{Atom, Count, Names, Rule};

use crate::screening::{Answer, Priority};
use crate::validation::{Invalid, LONG_TEXT, SHORT_TEXT};

/// A text in the two languages of the interface.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LocalText {
    pub it: String,
    pub en: String,
}

impl LocalText {
    /// The text in a language given by its code; Italian otherwise.
    pub fn get(&self, language: &str) -> &str {
        if language == "en" { &self.en } else { &self.it }
    }
}

crate::text_enum! {
    /// How strongly an indicator points to trafficking (Delphi instrument).
    Strength { Strong, Medium, Weak }
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InstrumentSource {
    pub title: String,
    pub publisher: Option<String>,
    pub year: i32,
    pub reference: Option<String>,
    #[serde(default)]
    pub urls: Vec<String>,
    /// How far the catalogue was checked against the source.
    pub note: Option<String>,
}

/// A group of indicators with the rule that says when it is met.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    /// A short name for outcome rules, such as `EX`.
    pub code: Option<String>,
    pub label: LocalText,
    pub help: LocalText,
    /// When the dimension is met, over the counts of its indicators answered
    /// yes: `s`, `m`, `w` by strength and `n` in all.
    pub met_when: String,
    /// The same rule in words.
    pub rule: LocalText,
    /// Why this part is not confirmed against its source.
    pub uncertain: Option<String>,
}

/// One question of the sheet.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub dimension: String,
    pub strength: Option<Strength>,
    pub label: LocalText,
    /// How the operator asks it.
    pub question: LocalText,
    /// What to look for.
    pub help: LocalText,
    pub legal_ref: Option<String>,
    pub uncertain: Option<String>,
}

/// A rung of the instrument's ladder of outcomes, most serious first.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub id: String,
    /// Over dimension ids or codes and indicator ids.
    pub when: String,
    /// The triage priority this outcome asks for.
    pub priority: Priority,
    pub label: LocalText,
    /// The next step, as support for the secretariat's judgement.
    pub advice: LocalText,
    pub uncertain: Option<String>,
}

/// An instrument version as its catalogue file writes it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InstrumentDefinition {
    pub id: String,
    pub version: String,
    /// Whether indicators carry a strength.
    #[serde(default)]
    pub has_strength: bool,
    pub name: LocalText,
    pub purpose: LocalText,
    pub source: InstrumentSource,
    pub dimensions: Vec<Dimension>,
    pub indicators: Vec<Indicator>,
    pub outcomes: Vec<Outcome>,
}

/// A checked instrument version with its rules compiled.
#[derive(Debug, Clone)]
pub struct Instrument {
    definition: InstrumentDefinition,
    /// Per indicator, the index of its dimension.
    dimension_of: Vec<usize>,
    met_when: Vec<Rule>,
    when: Vec<Rule>,
    index: HashMap<String, usize>,
}

/// Catalogue ids: lower-case words joined by underscores.
fn is_catalogue_id(id: &str) -> bool {
    (1..=80).contains(&id.len())
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Short names of dimensions for rules: capital letters, such as `EX`.
fn is_code(code: &str) -> bool {
    (1..=8).contains(&code.len()) && code.chars().all(|c| c.is_ascii_uppercase())
}

fn is_version(version: &str) -> bool {
    (1..=40).contains(&version.len())
        && version
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

impl Instrument {
    /// Checks a definition: ids, references, texts in both languages, and
    /// rules that compile and can only grow more true as answers turn yes.
    pub fn parse(definition: InstrumentDefinition) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        let d = &definition;
        if !is_catalogue_id(&d.id) {
            invalid.add("id", "invalid_catalogue_id");
        }
        if !is_version(&d.version) {
            invalid.add("version", "invalid_version");
        }
        local_text(&mut invalid, "name", &d.name, SHORT_TEXT);
        local_text(&mut invalid, "purpose", &d.purpose, LONG_TEXT);
        invalid.text("source.title", &d.source.title, LONG_TEXT);
        for (field, items) in [
            ("dimensions", d.dimensions.len()),
            ("indicators", d.indicators.len()),
            ("outcomes", d.outcomes.len()),
        ] {
            if items == 0 {
                invalid.add(field, "required");
            }
        }

        // Every id and code names one thing across the whole instrument.
        let mut names: Vec<String> = Vec::new();
        let mut unique = |invalid: &mut Invalid, field: String, id: &str| {
            if !is_catalogue_id(id) && !is_code(id) {
                invalid.add(&field, "invalid_catalogue_id");
            }
            if names.iter().any(|name| name == id) {
                invalid.add(&field, "duplicate_id");
            }
            names.push(id.to_owned());
        };
        for (i, dimension) in d.dimensions.iter().enumerate() {
            let at = format!("dimensions[{i}]");
            unique(&mut invalid, format!("{at}.id"), &dimension.id);
            if let Some(code) = &dimension.code {
                unique(&mut invalid, format!("{at}.code"), code);
            }
            local_text(&mut invalid, &format!("{at}.label"), &dimension.label, SHORT_TEXT);
            local_text(&mut invalid, &format!("{at}.help"), &dimension.help, LONG_TEXT);
            local_text(&mut invalid, &format!("{at}.rule"), &dimension.rule, LONG_TEXT);
        }
        let dimension_index: HashMap<&str, usize> = d
            .dimensions
            .iter()
            .enumerate()
            .map(|(i, dimension)| (dimension.id.as_str(), i))
            .collect();
        let mut dimension_of = Vec::with_capacity(d.indicators.len());
        for (i, indicator) in d.indicators.iter().enumerate() {
            let at = format!("indicators[{i}]");
            unique(&mut invalid, format!("{at}.id"), &indicator.id);
            match dimension_index.get(indicator.dimension.as_str()) {
                Some(dimension) => dimension_of.push(*dimension),
                None => {
                    invalid.add(&format!("{at}.dimension"), "unknown_dimension");
                    dimension_of.push(0);
                }
            }
            if indicator.strength.is_some() != d.has_strength {
                let code = if d.has_strength {
                    "required"
                } else {
                    "unexpected_strength"
                };
                invalid.add(&format!("{at}.strength"), code);
            }
            local_text(&mut invalid, &format!("{at}.label"), &indicator.label, SHORT_TEXT);
            local_text(
                &mut invalid,
                &format!("{at}.question"),
                &indicator.question,
                LONG_TEXT,
            );
            local_text(&mut invalid, &format!("{at}.help"), &indicator.help, LONG_TEXT);
        }
        for (i, outcome) in d.outcomes.iter().enumerate() {
            let at = format!("outcomes[{i}]");
            unique(&mut invalid, format!("{at}.id"), &outcome.id);
            local_text(&mut invalid, &format!("{at}.label"), &outcome.label, SHORT_TEXT);
            local_text(&mut invalid, &format!("{at}.advice"), &outcome.advice, LONG_TEXT);
        }

        // Rules are compiled once the names they may use are known.
        let mut met_when = Vec::new();
        for (i, dimension) in d.dimensions.iter().enumerate() {
            let names = DimensionNames {
                definition: d,
                dimension: i,
            };
            met_when.extend(compile(
                &mut invalid,
                &format!("dimensions[{i}].met_when"),
                &dimension.met_when,
                &names,
            ));
        }
        let mut when = Vec::new();
        for (i, outcome) in d.outcomes.iter().enumerate() {
            let names = OutcomeNames { definition: d };
            when.extend(compile(
                &mut invalid,
                &format!("outcomes[{i}].when"),
                &outcome.when,
                &names,
            ));
        }
        let index = d
            .indicators
            .iter()
            .enumerate()
            .map(|(i, indicator)| (indicator.id.clone(), i))
            .collect();
        invalid.into_result(Self {
            definition,
            dimension_of,
            met_when,
            when,
            index,
        })
    }

    pub fn definition(&self) -> &InstrumentDefinition {
        &self.definition
    }

    pub fn id(&self) -> &str {
        &self.definition.id
    }

    pub fn version(&self) -> &str {
        &self.definition.version
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.index.get(id).map(|i| &self.definition.indicators[*i])
    }

    /// The indicators of one dimension, in catalogue order.
    pub fn indicators_of(&self, dimension: usize) -> impl Iterator<Item = &Indicator> {
        self.definition
            .indicators
            .iter()
            .zip(&self.dimension_of)
            .filter(move |(_, of)| **of == dimension)
            .map(|(indicator, _)| indicator)
    }

    /// Answers must name this instrument's indicators; anything else is a
    /// mistake of the client, not an unknown.
    pub fn check_answers<'a>(&self, ids: impl IntoIterator<Item = &'a String>) -> Result<(), Invalid> {
        let mut invalid = Invalid::new();
        for id in ids {
            if !self.index.contains_key(id) {
                invalid.add(&format!("answers.{id}"), "unknown_indicator");
            }
        }
        invalid.into_result(())
    }

    /// The answer given to each indicator, in catalogue order; no answer is
    /// unknown.
    fn answers(&self, answers: &BTreeMap<String, Answer>) -> Vec<Answer> {
        self.definition
            .indicators
            .iter()
            .map(|indicator| answers.get(&indicator.id).copied().unwrap_or(Answer::Unknown))
            .collect()
    }
}

fn local_text(invalid: &mut Invalid, field: &str, text: &LocalText, max_chars: usize) {
    invalid.text(&format!("{field}.it"), &text.it, max_chars);
    invalid.text(&format!("{field}.en"), &text.en, max_chars);
}

fn compile(invalid: &mut Invalid, field: &str, text: &str, names: &dyn Names) -> Option<Rule> {
    match Rule::compile(text, names) {
        Ok(rule) if rule.is_monotone() => Some(rule),
        Ok(_) => {
            invalid.add_detail(field, "rule_not_monotone", text);
            None
        }
        Err(error) => {
            invalid.add_detail(field, "invalid_rule", &error.to_string());
            None
        }
    }
}

/// A dimension rule reads the counts of its own indicators answered yes,
/// or one of them by id.
struct DimensionNames<'a> {
    definition: &'a InstrumentDefinition,
    dimension: usize,
}

impl Names for DimensionNames<'_> {
    fn atom(&self, name: &str) -> Option<Atom> {
        let dimension = &self.definition.dimensions[self.dimension].id;
        self.definition
            .indicators
            .iter()
            .position(|indicator| indicator.id == name && &indicator.dimension == dimension)
            .map(Atom::Indicator)
    }

    fn count(&self, name: &str) -> Option<Count> {
        match name {
            "s" if self.definition.has_strength => Some(Count::Strong),
            "m" if self.definition.has_strength => Some(Count::Medium),
            "w" if self.definition.has_strength => Some(Count::Weak),
            "n" => Some(Count::All),
            _ => None,
        }
    }
}

/// An outcome rule reads whether dimensions are met (by id or code) and
/// whether indicators were answered yes.
struct OutcomeNames<'a> {
    definition: &'a InstrumentDefinition,
}

impl Names for OutcomeNames<'_> {
    fn atom(&self, name: &str) -> Option<Atom> {
        let d = self.definition;
        d.dimensions
            .iter()
            .position(|dimension| dimension.id == name || dimension.code.as_deref() == Some(name))
            .map(Atom::Dimension)
            .or_else(|| {
                d.indicators
                    .iter()
                    .position(|indicator| indicator.id == name)
                    .map(Atom::Indicator)
            })
    }

    fn count(&self, _name: &str) -> Option<Count> {
        None
    }
}

#[cfg(test)]
pub(crate) mod tests;
