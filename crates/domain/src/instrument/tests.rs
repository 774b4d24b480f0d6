//! The shipped catalogue's rules at their boundaries, and the properties
//! every instrument must have: unknown never counts as yes, and a yes never
//! lowers a result.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;

pub(crate) const SHIPPED: [&str; 3] = [
    include_str!("../../../../catalogue/instruments/ilo_forced_labour_11/2012.toml"),
    include_str!("../../../../catalogue/instruments/ilo_ec_delphi_labour/2009.toml"),
    include_str!("../../../../catalogue/instruments/cp_603bis/2016.toml"),
];

pub(crate) fn shipped(id: &str) -> Instrument {
    SHIPPED
        .iter()
        .map(|text| toml::from_str::<InstrumentDefinition>(text).unwrap())
        .find(|definition| definition.id == id)
        .map(|definition| Instrument::parse(definition).unwrap())
        .unwrap()
}

fn answers(pairs: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
    pairs
        .iter()
        .map(|(id, answer)| ((*id).to_owned(), *answer))
        .collect()
}

/// Answers every indicator of the instrument no, except those given.
fn all_no_but(instrument: &Instrument, pairs: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
    let mut all: BTreeMap<String, Answer> = instrument
        .definition()
        .indicators
        .iter()
        .map(|indicator| (indicator.id.clone(), Answer::No))
        .collect();
    all.extend(answers(pairs));
    all
}

fn dimension<'a>(evaluation: &'a Evaluation, id: &str) -> &'a DimensionResult {
    evaluation.dimensions.iter().find(|d| d.id == id).unwrap()
}

fn outcome<'a>(evaluation: &'a Evaluation, id: &str) -> &'a OutcomeResult {
    evaluation.outcomes.iter().find(|o| o.id == id).unwrap()
}

#[test]
fn every_shipped_instrument_is_valid_and_keeps_its_catalogue_ids() {
    let ilo = shipped("ilo_forced_labour_11");
    let delphi = shipped("ilo_ec_delphi_labour");
    let cp = shipped("cp_603bis");
    assert_eq!(ilo.definition().indicators.len(), 11);
    assert_eq!(delphi.definition().indicators.len(), 67);
    assert_eq!(cp.definition().indicators.len(), 11);
    assert!(ilo.indicator("fl_debt_bondage").is_some());
    assert!(delphi.indicator("cd_confiscation_of_documents").is_some());
    assert!(cp.indicator("idx_retribuzione_difforme").is_some());
    // Delphi dimensions as the source counts them: strong/medium/weak.
    let expected = [
        ("deceptive_recruitment", [1, 8, 1]),
        ("coercive_recruitment", [1, 9, 0]),
        ("recruitment_abuse_of_vulnerability", [0, 12, 4]),
        ("exploitative_conditions_of_work", [1, 7, 1]),
        ("coercion_at_destination", [4, 10, 1]),
        ("abuse_of_vulnerability_at_destination", [0, 5, 2]),
    ];
    for (i, (id, counts)) in expected.into_iter().enumerate() {
        assert_eq!(delphi.definition().dimensions[i].id, id);
        let strengths: Vec<Strength> = delphi.indicators_of(i).filter_map(|ind| ind.strength).collect();
        let count = |s: Strength| strengths.iter().filter(|x| **x == s).count();
        assert_eq!(
            [
                count(Strength::Strong),
                count(Strength::Medium),
                count(Strength::Weak)
            ],
            counts,
            "{id}"
        );
    }
}

/// The Delphi element rule as the source states it, to check the data
/// against: 2 strong, or 1 strong + 1 other, or 3 medium, or 2 medium + 1 weak.
fn delphi_element(strong: usize, medium: usize, weak: usize) -> bool {
    strong >= 2 || (strong >= 1 && medium + weak >= 1) || medium >= 3 || (medium >= 2 && weak >= 1)
}

/// Answers yes to the first `s` strong, `m` medium and `w` weak indicators
/// of a dimension, no to the rest of the sheet.
fn delphi_sheet(delphi: &Instrument, dimension: usize, [s, m, w]: [usize; 3]) -> BTreeMap<String, Answer> {
    let of = |strength: Strength, n: usize| {
        delphi
            .indicators_of(dimension)
            .filter(move |ind| ind.strength == Some(strength))
            .take(n)
            .map(|ind| (ind.id.as_str(), Answer::Yes))
    };
    let yes: Vec<(&str, Answer)> = of(Strength::Strong, s)
        .chain(of(Strength::Medium, m))
        .chain(of(Strength::Weak, w))
        .collect();
    all_no_but(delphi, &yes)
}

#[test]
fn delphi_element_rule_at_its_boundaries_in_every_dimension() {
    let delphi = shipped("ilo_ec_delphi_labour");
    for (i, definition) in delphi.definition().dimensions.iter().enumerate() {
        let available = |strength| {
            delphi
                .indicators_of(i)
                .filter(|ind| ind.strength == Some(strength))
                .count()
        };
        let (strong, medium, weak) = (
            available(Strength::Strong),
            available(Strength::Medium),
            available(Strength::Weak),
        );
        for s in 0..=strong {
            for m in 0..=medium {
                for w in 0..=weak {
                    let evaluation = delphi.evaluate(&delphi_sheet(&delphi, i, [s, m, w]));
                    assert_eq!(
                        dimension(&evaluation, &definition.id).met,
                        Some(delphi_element(s, m, w)),
                        "{} with {s} strong, {m} medium, {w} weak",
                        definition.id
                    );
                }
            }
        }
    }
}

#[test]
fn delphi_element_rule_named_cases() {
    let delphi = shipped("ilo_ec_delphi_labour");
    // Coercion at destination has strong, medium and weak indicators.
    let cd = 4;
    let met = |counts| {
        dimension(
            &delphi.evaluate(&delphi_sheet(&delphi, cd, counts)),
            "coercion_at_destination",
        )
        .met
    };
    assert_eq!(met([1, 0, 0]), Some(false), "one strong alone is not enough");
    assert_eq!(met([1, 0, 1]), Some(true), "strong + weak");
    assert_eq!(met([1, 1, 0]), Some(true), "strong + medium");
    assert_eq!(met([2, 0, 0]), Some(true), "two strong");
    assert_eq!(met([0, 3, 0]), Some(true), "three medium");
    assert_eq!(met([0, 2, 0]), Some(false), "two medium");
    assert_eq!(met([0, 2, 1]), Some(true), "two medium + one weak");
    assert_eq!(met([0, 1, 1]), Some(false), "one medium + one weak");
    assert_eq!(met([0, 0, 1]), Some(false), "weak only");
    // Recruitment by abuse of vulnerability has 4 weak and no strong: weak
    // indicators never suffice on their own.
    let weak_only = delphi.evaluate(&delphi_sheet(&delphi, 2, [0, 0, 4]));
    let rv = dimension(&weak_only, "recruitment_abuse_of_vulnerability");
    assert_eq!(rv.met, Some(false));
    assert_eq!(rv.present.len(), 4);
}

#[test]
fn an_unknown_is_never_counted_as_yes() {
    let delphi = shipped("ilo_ec_delphi_labour");
    // One strong known, the other strong unknown: undecided, and the
    // unknown is named as what could change it.
    let evaluation = delphi.evaluate(&all_no_but(
        &delphi,
        &[
            ("cd_confiscation_of_documents", Answer::Yes),
            ("cd_debt_bondage", Answer::Unknown),
        ],
    ));
    let cd = dimension(&evaluation, "coercion_at_destination");
    assert_eq!(cd.met, None);
    assert_eq!(cd.present, ["cd_confiscation_of_documents"]);
    assert_eq!(cd.could_change, ["cd_debt_bondage"]);
    // Nothing answered: nothing is met, and everything is unknown.
    let blank = delphi.evaluate(&BTreeMap::new());
    assert!(blank.dimensions.iter().all(|d| d.met.is_none()));
    assert_eq!(blank.unknown.len(), 67);
    assert!(blank.present.is_empty());
    assert_eq!(blank.priority, Priority::Normal);
    // A decided dimension lists no unknown as able to change it.
    let decided = delphi.evaluate(&answers(&[
        ("cd_confiscation_of_documents", Answer::Yes),
        ("cd_debt_bondage", Answer::Yes),
    ]));
    let cd = dimension(&decided, "coercion_at_destination");
    assert_eq!(cd.met, Some(true));
    assert!(cd.could_change.is_empty());
}

/// Answers that meet exactly the Delphi dimensions given (by code).
fn delphi_dimensions(delphi: &Instrument, met: &[&str]) -> BTreeMap<String, Answer> {
    let mut yes = Vec::new();
    for (i, dimension) in delphi.definition().dimensions.iter().enumerate() {
        if met.contains(&dimension.code.as_deref().unwrap()) {
            // Three medium meet every dimension.
            yes.extend(
                delphi
                    .indicators_of(i)
                    .filter(|ind| ind.strength == Some(Strength::Medium))
                    .take(3)
                    .map(|ind| (ind.id.as_str(), Answer::Yes)),
            );
        }
    }
    all_no_but(delphi, &yes)
}

#[test]
fn delphi_outcome_ladder_over_every_combination_of_dimensions() {
    let delphi = shipped("ilo_ec_delphi_labour");
    let codes = ["DR", "CR", "RV", "EX", "CD", "VD"];
    for mask in 0..(1 << codes.len()) {
        let met: Vec<&str> = (0..codes.len())
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| codes[i])
            .collect();
        let has = |code| met.contains(&code);
        let means = has("DR") || has("CR") || has("RV");
        let destination = has("CD") || has("VD");
        let expected = if means && has("EX") && destination {
            "trafficking_indicators"
        } else if has("EX") && destination {
            "exploitation_with_coercion"
        } else if has("EX") {
            "exploitation_only"
        } else {
            ""
        };
        let evaluation = delphi.evaluate(&delphi_dimensions(&delphi, &met));
        let outcome = evaluation.outcome.clone().unwrap();
        if expected.is_empty() {
            assert!(
                ![
                    "trafficking_indicators",
                    "exploitation_with_coercion",
                    "exploitation_only"
                ]
                .contains(&outcome.as_str()),
                "{met:?} gave {outcome}"
            );
        } else {
            assert_eq!(outcome, expected, "{met:?}");
        }
        // Everything is known: no rung is undecided.
        assert!(evaluation.outcomes.iter().all(|o| o.met.is_some()));
    }
}

#[test]
fn delphi_trafficking_outcome_is_explained_and_urgent() {
    let delphi = shipped("ilo_ec_delphi_labour");
    let evaluation = delphi.evaluate(&delphi_dimensions(&delphi, &["DR", "EX", "CD"]));
    assert_eq!(evaluation.outcome.as_deref(), Some("trafficking_indicators"));
    assert_eq!(evaluation.priority, Priority::Urgent);
    let because = &outcome(&evaluation, "trafficking_indicators").because;
    for id in [
        "deceptive_recruitment",
        "exploitative_conditions_of_work",
        "coercion_at_destination",
    ] {
        assert!(because.contains(&id.to_owned()), "{because:?}");
    }
    assert!(!because.contains(&"coercive_recruitment".to_owned()));
}

#[test]
fn a_possible_more_serious_outcome_names_the_unknowns_that_decide_it() {
    let delphi = shipped("ilo_ec_delphi_labour");
    // Exploitation and coercion are known; recruitment is not asked yet.
    let mut sheet = delphi_dimensions(&delphi, &["EX", "CD"]);
    for indicator in &delphi.definition().indicators {
        if ["deceptive_recruitment", "coercive_recruitment"].contains(&indicator.dimension.as_str()) {
            sheet.insert(indicator.id.clone(), Answer::Unknown);
        }
    }
    let evaluation = delphi.evaluate(&sheet);
    assert_eq!(evaluation.outcome.as_deref(), Some("exploitation_with_coercion"));
    let possible: Vec<&str> = evaluation.possible().map(|o| o.id.as_str()).collect();
    assert_eq!(possible, ["trafficking_indicators"]);
    let trafficking = outcome(&evaluation, "trafficking_indicators");
    assert_eq!(trafficking.met, None);
    assert!(
        trafficking
            .could_change
            .contains(&"dr_nature_job_location_employer".to_owned())
    );
    assert!(
        trafficking
            .could_change
            .contains(&"cr_violence_on_victim".to_owned())
    );
    assert!(!trafficking.could_change.iter().any(|id| id.starts_with("ex_")));
}

#[test]
fn ilo_list_names_the_indicators_present() {
    let ilo = shipped("ilo_forced_labour_11");
    let none = ilo.evaluate(&all_no_but(&ilo, &[]));
    assert_eq!(dimension(&none, "forced_labour").met, Some(false));
    let one = ilo.evaluate(&all_no_but(&ilo, &[("fl_isolation", Answer::Yes)]));
    assert_eq!(dimension(&one, "forced_labour").met, Some(true));
    assert_eq!(one.present, ["fl_isolation"]);
    // Involuntary work together with coercion reaches the highest rung.
    let both = ilo.evaluate(&all_no_but(
        &ilo,
        &[
            ("fl_deception", Answer::Yes),
            ("fl_retention_of_documents", Answer::Yes),
        ],
    ));
    assert_eq!(both.rung(), 0);
    assert!(both.rung() < one.rung());
}

#[test]
fn ilo_involuntariness_and_coercion_rung_at_its_boundaries() {
    let ilo = shipped("ilo_forced_labour_11");
    let top = ilo.definition().outcomes[0].id.clone();
    let rung = |yes: &[&str]| {
        let pairs: Vec<(&str, Answer)> = yes.iter().map(|id| (*id, Answer::Yes)).collect();
        ilo.evaluate(&all_no_but(&ilo, &pairs))
    };
    // Involuntary work alone, or coercion alone, is not the top rung.
    assert_ne!(
        rung(&["fl_deception", "fl_excessive_overtime"]).outcome,
        Some(top.clone())
    );
    assert_ne!(
        rung(&["fl_isolation", "fl_retention_of_documents"]).outcome,
        Some(top.clone())
    );
    // One of each is.
    assert_eq!(rung(&["fl_deception", "fl_isolation"]).outcome, Some(top.clone()));
    // Debt bondage is in both lists, so it reaches the rung on its own.
    assert_eq!(rung(&["fl_debt_bondage"]).outcome, Some(top.clone()));
    // With coercion known and involuntariness unknown, the rung is possible.
    let mut sheet = all_no_but(&ilo, &[("fl_isolation", Answer::Yes)]);
    sheet.insert("fl_deception".into(), Answer::Unknown);
    let evaluation = ilo.evaluate(&sheet);
    let possible: Vec<&str> = evaluation.possible().map(|o| o.id.as_str()).collect();
    assert_eq!(possible, [top.as_str()]);
    assert_eq!(outcome(&evaluation, &top).could_change, ["fl_deception"]);
}

#[test]
fn cp603bis_names_the_indices_present_and_never_more() {
    let cp = shipped("cp_603bis");
    let index = cp.evaluate(&all_no_but(&cp, &[("idx_violazione_orario_riposi", Answer::Yes)]));
    assert_eq!(dimension(&index, "exploitation_index").met, Some(true));
    assert_eq!(index.present, ["idx_violazione_orario_riposi"]);
    let threatened = cp.evaluate(&all_no_but(
        &cp,
        &[
            ("idx_violazione_orario_riposi", Answer::Yes),
            ("el_violenza_minaccia", Answer::Yes),
        ],
    ));
    assert!(threatened.rung() < index.rung());
    assert_eq!(threatened.priority, Priority::Urgent);
    let nothing = cp.evaluate(&all_no_but(&cp, &[]));
    assert_eq!(dimension(&nothing, "exploitation_index").met, Some(false));
    assert!(nothing.rung() > index.rung());
}

#[test]
fn every_ladder_ends_with_a_rung_that_is_always_met() {
    for id in ["ilo_forced_labour_11", "ilo_ec_delphi_labour", "cp_603bis"] {
        let instrument = shipped(id);
        let evaluation = instrument.evaluate(&BTreeMap::new());
        assert!(evaluation.outcome.is_some(), "{id}");
    }
}

// ---------------------------------------------------------------------------
// Checking a definition.

fn broken(change: impl FnOnce(&mut InstrumentDefinition)) -> Vec<(String, String)> {
    let mut definition: InstrumentDefinition = toml::from_str(SHIPPED[1]).unwrap();
    change(&mut definition);
    Instrument::parse(definition)
        .unwrap_err()
        .errors
        .into_iter()
        .map(|e| (e.field, e.code))
        .collect()
}

fn has(errors: &[(String, String)], field: &str, code: &str) -> bool {
    errors.iter().any(|(f, c)| f == field && c == code)
}

#[test]
fn a_definition_with_mistakes_names_each_of_them() {
    let errors = broken(|d| d.indicators[1].id = d.indicators[0].id.clone());
    assert!(has(&errors, "indicators[1].id", "duplicate_id"), "{errors:?}");
    let errors = broken(|d| d.indicators[0].dimension = "nowhere".into());
    assert!(has(&errors, "indicators[0].dimension", "unknown_dimension"));
    let errors = broken(|d| d.indicators[0].strength = None);
    assert!(has(&errors, "indicators[0].strength", "required"));
    let errors = broken(|d| d.dimensions[0].met_when = "s >= ".into());
    assert!(has(&errors, "dimensions[0].met_when", "invalid_rule"));
    let errors = broken(|d| d.outcomes[0].when = "EX && !DR".into());
    assert!(has(&errors, "outcomes[0].when", "rule_not_monotone"));
    let errors = broken(|d| d.outcomes[0].when = "EX && XX".into());
    assert!(has(&errors, "outcomes[0].when", "invalid_rule"));
    let errors = broken(|d| d.indicators[3].question.en = " ".into());
    assert!(has(&errors, "indicators[3].question.en", "required"));
    let errors = broken(|d| d.version = "2009 bis!".into());
    assert!(has(&errors, "version", "invalid_version"));
    let errors = broken(|d| d.outcomes.clear());
    assert!(has(&errors, "outcomes", "required"));
}

#[test]
fn answers_to_unknown_indicators_are_refused() {
    let ilo = shipped("ilo_forced_labour_11");
    let sheet = answers(&[("fl_isolation", Answer::Yes), ("not_an_indicator", Answer::No)]);
    let invalid = ilo.check_answers(sheet.keys()).unwrap_err();
    assert_eq!(invalid.errors[0].field, "answers.not_an_indicator");
    assert!(
        ilo.check_answers(answers(&[("fl_isolation", Answer::No)]).keys())
            .is_ok()
    );
}

// ---------------------------------------------------------------------------
// Properties.

/// false < undecided < true: the order in which a yes may move a truth.
fn level(truth: Option<bool>) -> u8 {
    match truth {
        Some(false) => 0,
        None => 1,
        Some(true) => 2,
    }
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![Just(Answer::Yes), Just(Answer::No), Just(Answer::Unknown)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Turning an unknown or a no into yes never lowers a dimension, an
    /// outcome, the rung reached or the priority.
    #[test]
    fn a_yes_never_lowers_a_result(
        which in 0..SHIPPED.len(),
        sheet in proptest::collection::vec(answer(), 67),
        flip in 0usize..67,
    ) {
        let definition: InstrumentDefinition = toml::from_str(SHIPPED[which]).unwrap();
        let instrument = Instrument::parse(definition).unwrap();
        let indicators = &instrument.definition().indicators;
        let before: BTreeMap<String, Answer> = indicators
            .iter()
            .zip(&sheet)
            .map(|(indicator, answer)| (indicator.id.clone(), *answer))
            .collect();
        let flipped = &indicators[flip % indicators.len()].id;
        let mut after = before.clone();
        after.insert(flipped.clone(), Answer::Yes);
        let (before, after) = (instrument.evaluate(&before), instrument.evaluate(&after));
        for (b, a) in before.dimensions.iter().zip(&after.dimensions) {
            prop_assert!(level(a.met) >= level(b.met), "{} lowered by {flipped}", a.id);
        }
        for (b, a) in before.outcomes.iter().zip(&after.outcomes) {
            prop_assert!(level(a.met) >= level(b.met), "{} lowered by {flipped}", a.id);
        }
        prop_assert!(after.rung() <= before.rung());
        prop_assert!(after.priority.rank() <= before.priority.rank());
    }

    /// Whatever the unknowns turn out to be, a decided result stays.
    #[test]
    fn a_decided_result_holds_for_every_answer_to_the_unknowns(
        which in 0..SHIPPED.len(),
        sheet in proptest::collection::vec(answer(), 67),
        fill in proptest::collection::vec(any::<bool>(), 67),
    ) {
        let definition: InstrumentDefinition = toml::from_str(SHIPPED[which]).unwrap();
        let instrument = Instrument::parse(definition).unwrap();
        let indicators = &instrument.definition().indicators;
        let partial: BTreeMap<String, Answer> = indicators
            .iter()
            .zip(&sheet)
            .map(|(indicator, answer)| (indicator.id.clone(), *answer))
            .collect();
        let complete: BTreeMap<String, Answer> = partial
            .iter()
            .zip(&fill)
            .map(|((id, answer), yes)| {
                let known = match answer {
                    Answer::Unknown if *yes => Answer::Yes,
                    Answer::Unknown => Answer::No,
                    known => *known,
                };
                (id.clone(), known)
            })
            .collect();
        let (partial, complete) = (instrument.evaluate(&partial), instrument.evaluate(&complete));
        for (p, c) in partial.dimensions.iter().zip(&complete.dimensions) {
            prop_assert!(c.met.is_some());
            if p.met.is_some() {
                prop_assert_eq!(p.met, c.met);
            }
        }
        for (p, c) in partial.outcomes.iter().zip(&complete.outcomes) {
            if p.met.is_some() {
                prop_assert_eq!(p.met, c.met);
            }
        }
    }
}
