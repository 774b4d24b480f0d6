//! Evaluating a sheet of answers: each dimension, each outcome, and the
//! reasons for each, including what is still unknown that could change it.

use std::collections::BTreeMap;

use super::Instrument;
use super::rule::{Atom, Count, Truth, Values};
use crate::instrument::Strength;
use crate::screening::{Answer, Priority};

/// What a screening's answers show, as indicative support for the
/// secretariat's judgement: never a legal qualification.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Evaluation {
    pub instrument_id: String,
    pub instrument_version: String,
    /// Every dimension, in catalogue order.
    pub dimensions: Vec<DimensionResult>,
    /// Every rung of the ladder, most serious first.
    pub outcomes: Vec<OutcomeResult>,
    /// The first outcome met; higher rungs that are still undecided are
    /// possible once the unknown answers are known.
    pub outcome: Option<String>,
    /// The triage priority the outcome asks for.
    pub priority: Priority,
    /// Indicators answered yes, in catalogue order.
    pub present: Vec<String>,
    /// Indicators answered unknown or not at all.
    pub unknown: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct DimensionResult {
    pub id: String,
    /// `null` when the unknown answers could still decide it either way.
    #[schema(required = true)]
    pub met: Option<bool>,
    /// Its indicators answered yes.
    pub present: Vec<String>,
    /// Its indicators answered no.
    pub absent: Vec<String>,
    /// Its unknown indicators, when they could still change `met`.
    pub could_change: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct OutcomeResult {
    pub id: String,
    #[schema(required = true)]
    pub met: Option<bool>,
    /// The dimensions and indicators of its rule that decided it (those
    /// that hold when it is met or undecided, those that fail when not).
    pub because: Vec<String>,
    /// The unknown indicators that could still change `met`.
    pub could_change: Vec<String>,
}

impl Evaluation {
    /// The outcome met, with its reasons.
    pub fn outcome_result(&self) -> Option<&OutcomeResult> {
        let id = self.outcome.as_deref()?;
        self.outcomes.iter().find(|outcome| outcome.id == id)
    }

    /// More serious outcomes that unknown answers could still bring about.
    pub fn possible(&self) -> impl Iterator<Item = &OutcomeResult> {
        self.outcomes
            .iter()
            .take(self.rung())
            .filter(|outcome| outcome.met.is_none())
    }

    /// The position of the outcome met on the ladder (0 is the most
    /// serious); one past the last rung when none is met.
    pub fn rung(&self) -> usize {
        self.outcomes
            .iter()
            .position(|outcome| outcome.met == Some(true))
            .unwrap_or(self.outcomes.len())
    }
}

/// The answers of one sheet, read by the compiled rules.
struct Sheet<'a> {
    instrument: &'a Instrument,
    answers: Vec<Answer>,
    /// Dimensions evaluated so far; outcomes read them.
    met: Vec<Truth>,
    /// The dimension whose counts a dimension rule reads.
    dimension: usize,
}

fn truth(answer: Answer) -> Truth {
    match answer {
        Answer::Yes => Some(true),
        Answer::No => Some(false),
        Answer::Unknown => None,
    }
}

impl Values for Sheet<'_> {
    fn atom(&self, atom: Atom) -> Truth {
        match atom {
            Atom::Dimension(i) => self.met.get(i).copied().flatten(),
            Atom::Indicator(i) => truth(self.answers[i]),
        }
    }

    fn count(&self, count: Count) -> (i64, i64) {
        let wanted = |strength: Option<Strength>| match count {
            Count::All => true,
            Count::Strong => strength == Some(Strength::Strong),
            Count::Medium => strength == Some(Strength::Medium),
            Count::Weak => strength == Some(Strength::Weak),
        };
        let (mut yes, mut unknown) = (0, 0);
        let indicators = self.instrument.definition.indicators.iter().zip(&self.answers);
        for (i, (indicator, answer)) in indicators.enumerate() {
            if self.instrument.dimension_of[i] != self.dimension || !wanted(indicator.strength) {
                continue;
            }
            match answer {
                Answer::Yes => yes += 1,
                Answer::Unknown => unknown += 1,
                Answer::No => {}
            }
        }
        (yes, yes + unknown)
    }
}

impl Instrument {
    /// Evaluates answers keyed by indicator id; a missing answer is unknown,
    /// and unknown is never counted as yes.
    pub fn evaluate(&self, answers: &BTreeMap<String, Answer>) -> Evaluation {
        let definition = &self.definition;
        let mut sheet = Sheet {
            instrument: self,
            answers: self.answers(answers),
            met: Vec::new(),
            dimension: 0,
        };
        let with = |wanted: Answer, sheet: &Sheet, dimension: Option<usize>| -> Vec<String> {
            definition
                .indicators
                .iter()
                .enumerate()
                .filter(|(i, _)| sheet.answers[*i] == wanted)
                .filter(|(i, _)| dimension.is_none_or(|d| self.dimension_of[*i] == d))
                .map(|(_, indicator)| indicator.id.clone())
                .collect()
        };

        let mut dimensions = Vec::with_capacity(definition.dimensions.len());
        for (i, (dimension, rule)) in definition.dimensions.iter().zip(&self.met_when).enumerate() {
            sheet.dimension = i;
            let met = rule.evaluate(&sheet);
            sheet.met.push(met);
            dimensions.push(DimensionResult {
                id: dimension.id.clone(),
                met,
                present: with(Answer::Yes, &sheet, Some(i)),
                absent: with(Answer::No, &sheet, Some(i)),
                could_change: if met.is_none() {
                    with(Answer::Unknown, &sheet, Some(i))
                } else {
                    Vec::new()
                },
            });
        }

        let outcomes: Vec<OutcomeResult> = definition
            .outcomes
            .iter()
            .zip(&self.when)
            .map(|(outcome, rule)| {
                let met = rule.evaluate(&sheet);
                let atoms = rule.atoms();
                let deciding = met.unwrap_or(true);
                let because = atoms
                    .iter()
                    .filter(|atom| sheet.atom(**atom) == Some(deciding))
                    .map(|atom| self.atom_id(*atom).to_owned())
                    .collect();
                let mut could_change: Vec<String> = Vec::new();
                if met.is_none() {
                    for atom in atoms.iter().filter(|atom| sheet.atom(**atom).is_none()) {
                        let unknown = match atom {
                            Atom::Dimension(d) => dimensions[*d].could_change.clone(),
                            Atom::Indicator(_) => vec![self.atom_id(*atom).to_owned()],
                        };
                        for id in unknown {
                            if !could_change.contains(&id) {
                                could_change.push(id);
                            }
                        }
                    }
                }
                OutcomeResult {
                    id: outcome.id.clone(),
                    met,
                    because,
                    could_change,
                }
            })
            .collect();

        let first_met = definition
            .outcomes
            .iter()
            .zip(&outcomes)
            .find(|(_, result)| result.met == Some(true))
            .map(|(outcome, _)| outcome);
        Evaluation {
            instrument_id: definition.id.clone(),
            instrument_version: definition.version.clone(),
            outcome: first_met.map(|outcome| outcome.id.clone()),
            priority: first_met.map_or(Priority::Normal, |outcome| outcome.priority),
            present: with(Answer::Yes, &sheet, None),
            unknown: with(Answer::Unknown, &sheet, None),
            dimensions,
            outcomes,
        }
    }

    fn atom_id(&self, atom: Atom) -> &str {
        match atom {
            Atom::Dimension(i) => &self.definition.dimensions[i].id,
            Atom::Indicator(i) => &self.definition.indicators[i].id,
        }
    }
}
