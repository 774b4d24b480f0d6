//! A screening's result in words: the outcome reached, the answers that
//! produced it, the more serious outcomes still possible and the unknown
//! answers that would decide them. Shared by the screening, the queue, the
//! case and the instrument pages (`templates/partials/explanation.html`).

use std::collections::HashMap;

use soleil_app::App;
use soleil_domain::{Evaluation, Instrument, Priority, Screening, UrgentNeeds};

use crate::i18n::Lang;

/// One dimension of the instrument, as the result found it.
pub struct DimensionLine {
    pub label: String,
    /// `yes`, `no` or `unknown`, for the badge.
    pub met: &'static str,
    /// The indicators answered yes, by label.
    pub present: Vec<String>,
    /// The unknown answers that could still decide it.
    pub could_change: Vec<String>,
}

/// A more serious outcome the unknown answers could still bring about.
pub struct Possible {
    pub label: String,
    /// "It would be decided by…", or empty.
    pub decided_by: String,
    pub could_change: Vec<String>,
}

pub struct Explained {
    pub outcome: String,
    pub advice: String,
    pub priority: Priority,
    /// The outcome's rule is marked uncertain in the catalogue.
    pub uncertain: bool,
    /// What decided the outcome: dimensions met and indicators present.
    pub because: Vec<String>,
    pub possible: Vec<Possible>,
    pub dimensions: Vec<DimensionLine>,
    /// How many indicators are present and unknown, and by which instrument.
    pub summary: String,
}

/// The urgent needs of a first profile, in words.
pub fn urgent_needs(lang: Lang, urgent: UrgentNeeds) -> Vec<String> {
    [
        ("danger", urgent.danger),
        ("health", urgent.health),
        ("no_shelter", urgent.no_shelter),
        ("minors", urgent.minors),
    ]
    .into_iter()
    .filter(|(_, present)| *present)
    .map(|(need, _)| lang.label("intake-urgent", need))
    .collect()
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn met(truth: Option<bool>) -> &'static str {
    match truth {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unknown",
    }
}

impl Explained {
    pub fn new(lang: Lang, instrument: &Instrument, evaluation: &Evaluation) -> Self {
        let code = lang.code();
        let definition = instrument.definition();
        // Ids name a dimension or an indicator; show their labels.
        let label = |id: &str| -> String {
            definition
                .dimensions
                .iter()
                .find(|d| d.id == id)
                .map(|d| d.label.get(code).to_owned())
                .or_else(|| instrument.indicator(id).map(|i| i.label.get(code).to_owned()))
                .unwrap_or_else(|| id.to_owned())
        };
        let labels = |ids: &[String]| ids.iter().map(|id| label(id)).collect::<Vec<_>>();
        let outcome = evaluation
            .outcome
            .as_deref()
            .and_then(|id| definition.outcomes.iter().find(|o| o.id == id));
        let because = evaluation
            .outcome_result()
            .map(|result| labels(&result.because))
            .unwrap_or_default();
        let possible = evaluation
            .possible()
            .map(|result| Possible {
                label: definition
                    .outcomes
                    .iter()
                    .find(|o| o.id == result.id)
                    .map_or_else(|| result.id.clone(), |o| o.label.get(code).to_owned()),
                decided_by: if result.could_change.is_empty() {
                    String::new()
                } else {
                    lang.count("explain-could-change", "count", count(result.could_change.len()))
                },
                could_change: labels(&result.could_change),
            })
            .collect();
        let dimensions = evaluation
            .dimensions
            .iter()
            .map(|result| DimensionLine {
                label: label(&result.id),
                met: met(result.met),
                present: labels(&result.present),
                could_change: labels(&result.could_change),
            })
            .collect();
        let summary = [
            lang.count("explain-present", "count", count(evaluation.present.len())),
            lang.count("explain-unknown", "count", count(evaluation.unknown.len())),
            format!("{} ({})", definition.name.get(code), definition.version),
        ]
        .join(" · ");
        Self {
            outcome: outcome.map_or_else(|| lang.t("explain-no-outcome"), |o| o.label.get(code).to_owned()),
            advice: outcome.map(|o| o.advice.get(code).to_owned()).unwrap_or_default(),
            priority: evaluation.priority,
            uncertain: outcome.is_some_and(|o| o.uncertain.is_some()),
            because,
            possible,
            dimensions,
            summary,
        }
    }
}

/// What a saved screening's indicator sheet showed.
pub struct ScreeningResult {
    pub explained: Explained,
    /// The operator's notes beside answers: indicator label, note.
    pub notes: Vec<(String, String)>,
}

/// The instrument versions a page's results were computed with, each
/// loaded once.
#[derive(Default)]
pub struct Versions(HashMap<(String, String), Instrument>);

impl Versions {
    pub async fn load(app: &App, results: &[&Evaluation]) -> Self {
        let mut versions = Self::default();
        for result in results.iter() {
            let key = (result.instrument_id.clone(), result.instrument_version.clone());
            if versions.0.contains_key(&key) {
                continue;
            }
            // Published versions are never removed; a failure to read one
            // leaves that result unexplained rather than the page broken.
            match app.instrument(&key.0, Some(&key.1)).await {
                Ok(instrument) => {
                    versions.0.insert(key, instrument);
                }
                Err(error) => {
                    tracing::warn!(%error, id = key.0, version = key.1, "instrument version unreadable")
                }
            }
        }
        versions
    }

    /// A saved screening's result with the operator's notes on answers.
    pub fn screening(&self, lang: Lang, screening: &Screening) -> Option<ScreeningResult> {
        let result = screening.result.as_ref()?;
        let key = (result.instrument_id.clone(), result.instrument_version.clone());
        let instrument = self.0.get(&key)?;
        let code = lang.code();
        let notes = screening
            .profile
            .indicators
            .notes
            .iter()
            .map(|(id, note)| {
                let question = instrument
                    .indicator(id)
                    .map_or(id.as_str(), |i| i.label.get(code));
                (question.to_owned(), note.clone())
            })
            .collect();
        Some(ScreeningResult {
            explained: Explained::new(lang, instrument, result),
            notes,
        })
    }

    pub fn explain(&self, lang: Lang, result: &Evaluation) -> Option<Explained> {
        let key = (result.instrument_id.clone(), result.instrument_version.clone());
        self.0
            .get(&key)
            .map(|instrument| Explained::new(lang, instrument, result))
    }
}
