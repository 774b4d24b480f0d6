//! The engine through its public API: the cases, explanations, dedup and the index.

use soleil_matching::{
    BirthDate, Field, Index, Model, ModelChoice, NameFrequencies, Outcome, Prepared, Record, Sex, dedup,
    possible_pairs,
};

fn person(given: &str, surname: &str, date: &str, sex: Sex) -> Record {
    Record {
        given_name: given.into(),
        surname: surname.into(),
        date_of_birth: BirthDate::parse(date),
        sex: Some(sex),
        ..Record::default()
    }
}

fn compare(a: &Record, b: &Record) -> soleil_matching::Comparison {
    Model::default().compare(&Prepared::new(a), &Prepared::new(b))
}

fn outcome(comparison: &soleil_matching::Comparison, field: Field) -> Outcome {
    comparison
        .evidence_for(field)
        .map(|evidence| evidence.outcome)
        .unwrap_or(Outcome::Missing)
}

#[test]
fn spellings_of_mohammed_match() {
    let model = Model::default();
    let base = person("Mohamed", "Diallo", "1994-03-17", Sex::Male);
    for variant in ["Muhammad", "Mohammed", "Mohd"] {
        let comparison = compare(&base, &person(variant, "Diallo", "1994-03-17", Sex::Male));
        assert_eq!(
            outcome(&comparison, Field::GivenName),
            Outcome::Variant,
            "{variant}"
        );
        assert!(model.is_match(&comparison), "{variant}: {comparison:?}");
    }
}

#[test]
fn singh_and_sing_match() {
    let comparison = compare(
        &person("Gurpreet", "Singh", "1988-03-17", Sex::Male),
        &person("Gurprit", "Sing", "1988-03-17", Sex::Male),
    );
    assert_eq!(outcome(&comparison, Field::Surname), Outcome::Variant);
    assert_eq!(outcome(&comparison, Field::GivenName), Outcome::Variant);
    assert!(Model::default().is_match(&comparison), "{comparison:?}");
}

#[test]
fn swapped_names_score_high_but_below_exact() {
    let base = person("Gurpreet", "Singh", "1988-03-17", Sex::Male);
    let exact = compare(&base, &base.clone());
    let swapped = compare(&base, &person("Singh", "Gurpreet", "1988-03-17", Sex::Male));
    assert_eq!(outcome(&swapped, Field::NameOrder), Outcome::Swapped);
    assert_eq!(outcome(&swapped, Field::Surname), Outcome::Exact);
    assert!(swapped.weight < exact.weight);
    assert!(Model::default().is_match(&swapped), "{swapped:?}");
}

#[test]
fn an_extra_middle_name_scores_below_the_same_names() {
    let base = person("Mohamed", "Kone", "1990-05-20", Sex::Male);
    let same = compare(&base, &base.clone());
    let extra = compare(&base, &person("Mohamed Lamine", "Kone", "1990-05-20", Sex::Male));
    assert_eq!(outcome(&extra, Field::GivenName), Outcome::Partial);
    assert!(extra.weight < same.weight);
    assert!(Model::default().is_match(&extra), "{extra:?}");
}

#[test]
fn a_placeholder_date_is_compatible_not_contradicting() {
    let real = person("Amina", "Traore", "1994-06-15", Sex::Female);
    let placeholder = compare(&real, &person("Amina", "Traore", "01/01/1994", Sex::Female));
    assert_eq!(outcome(&placeholder, Field::DateOfBirth), Outcome::Placeholder);
    assert!(
        placeholder
            .evidence_for(Field::DateOfBirth)
            .is_some_and(|e| e.weight > 0.0)
    );
    let other_year = compare(&real, &person("Amina", "Traore", "01/01/1990", Sex::Female));
    assert_eq!(outcome(&other_year, Field::DateOfBirth), Outcome::Disagree);
    assert!(placeholder.weight > other_year.weight);
    // Two equal placeholders say less than two equal real dates.
    let both_placeholders = compare(
        &person("Amina", "Traore", "01/01/1994", Sex::Female),
        &person("Amina", "Traore", "01/01/1994", Sex::Female),
    );
    assert!(both_placeholders.weight < compare(&real, &real.clone()).weight);
}

#[test]
fn swapped_day_month_and_typing_slips_count_for_the_match() {
    let model = Model::default();
    let base = person("Oleksandr", "Kovalenko", "1985-04-07", Sex::Male);
    let swapped = compare(&base, &person("Aleksandr", "Kovalenko", "1985-07-04", Sex::Male));
    assert_eq!(outcome(&swapped, Field::DateOfBirth), Outcome::SwappedDayMonth);
    assert!(model.is_match(&swapped), "{swapped:?}");
    let slip = compare(&base, &person("Alexander", "Kovalenko", "1985-04-08", Sex::Male));
    assert_eq!(outcome(&slip, Field::DateOfBirth), Outcome::TypingSlip);
    assert!(model.is_match(&slip), "{slip:?}");
}

#[test]
fn different_persons_do_not_match() {
    let model = Model::default();
    let comparison = compare(
        &person("Mohamed", "Diallo", "1994-03-17", Sex::Male),
        &person("Ibrahima", "Diallo", "1971-11-02", Sex::Male),
    );
    assert!(!model.is_possible(&comparison), "{comparison:?}");
    // Same common name, different dates: at most for a person to look at.
    let namesakes = compare(
        &person("Mohamed", "Diallo", "1994-03-17", Sex::Male),
        &person("Mohamed", "Diallo", "1979-08-30", Sex::Male),
    );
    assert!(!model.is_match(&namesakes), "{namesakes:?}");
}

#[test]
fn identifiers_weigh_heavily() {
    let mut a = person("Mohamed", "Diallo", "", Sex::Male);
    let mut b = person("Mouhamed", "Djalo", "", Sex::Male);
    a.phone = Some("+39 333 1234567".into());
    b.phone = Some("0039 3331234567".into());
    a.document_numbers = vec!["YA1234567".into()];
    b.document_numbers = vec!["ya 1234567".into(), "X9".into()];
    let comparison = compare(&a, &b);
    assert_eq!(outcome(&comparison, Field::Phone), Outcome::Exact);
    assert_eq!(outcome(&comparison, Field::Document), Outcome::Exact);
    assert!(Model::default().is_match(&comparison), "{comparison:?}");
}

#[test]
fn the_explanation_lists_every_field_and_adds_up() {
    let mut a = person("Abd el Rahman", "Al Hassan", "1990-02-03", Sex::Male);
    a.nationality = Some("Sudan".into());
    let mut b = person("Abdulrahman", "Hassan", "03/02/1990", Sex::Male);
    b.nationality = Some("SD".into());
    b.place_of_birth = Some("Khartoum".into());
    let comparison = compare(&a, &b);
    let fields: Vec<Field> = comparison
        .evidence
        .iter()
        .map(|evidence| evidence.field)
        .collect();
    assert_eq!(fields, Field::ALL);
    assert_eq!(outcome(&comparison, Field::GivenName), Outcome::Exact);
    assert_eq!(outcome(&comparison, Field::Surname), Outcome::Exact);
    assert_eq!(outcome(&comparison, Field::Nationality), Outcome::Exact);
    assert_eq!(outcome(&comparison, Field::PlaceOfBirth), Outcome::Missing);
    assert_eq!(
        comparison.evidence_for(Field::PlaceOfBirth).map(|e| e.weight),
        Some(0.0)
    );
    let sum: f64 = comparison.evidence.iter().map(|evidence| evidence.weight).sum();
    assert!((sum - comparison.weight).abs() < 1e-9);
    assert!(comparison.probability > 0.99);
    let json = serde_json::to_value(&comparison).unwrap();
    assert_eq!(json["evidence"][0]["field"], "surname");
    assert_eq!(json["evidence"][3]["outcome"], "exact");
    assert_eq!(json["evidence"][6]["outcome"], "missing");
}

#[test]
fn common_names_weigh_less_when_frequencies_are_known() {
    let mut records: Vec<Record> = (0..200)
        .map(|i| person(&format!("Given{i}"), "Singh", "", Sex::Male))
        .collect();
    records.push(person("Harjit", "Rare", "", Sex::Male));
    let prepared: Vec<Prepared> = records.iter().map(Prepared::new).collect();
    let model = Model::default().with_frequencies(NameFrequencies::of(&prepared));
    let singh = model.compare(
        &prepared[0],
        &Prepared::new(&person("Other", "Singh", "", Sex::Male)),
    );
    let rare = model.compare(
        &prepared[200],
        &Prepared::new(&person("Other", "Rare", "", Sex::Male)),
    );
    let surname_weight = |c: &soleil_matching::Comparison| c.evidence_for(Field::Surname).map(|e| e.weight);
    assert!(
        surname_weight(&singh) < surname_weight(&rare),
        "{singh:?} {rare:?}"
    );
}

#[test]
fn dedup_groups_a_small_hand_built_set() {
    let records = vec![
        person("Mohamed", "Diallo", "1994-01-01", Sex::Male),  // 0
        person("Gurpreet", "Singh", "1988-03-17", Sex::Male),  // 1
        person("Muhammad", "Jallow", "1994-06-15", Sex::Male), // 2 ~ 0 (placeholder date)
        person("Singh", "Gurprit", "1988-03-17", Sex::Male),   // 3 ~ 1 (swapped, variant)
        person("Amina", "Kone", "1990-11-02", Sex::Female),    // 4
        person("Mohammed", "Diallo", "1994-06-15", Sex::Male), // 5 ~ 0, 2
        person("Harpreet", "Singh", "1988-03-17", Sex::Male),  // 6: a different person, same date
        person("Amina", "Kone", "1990-02-11", Sex::Female),    // 7 ~ 4 (swapped day/month)
        person("Oleksandr", "Kovalenko", "1985-04-07", Sex::Male), // 8
        person("Aleksandr", "Kovalenko", "1985-04-17", Sex::Male), // 9 ~ 8 (typing slip)
        person("Olena", "Kovalenko", "1987-09-12", Sex::Female), // 10: his sister
    ];
    for choice in [ModelChoice::Default, ModelChoice::Estimate] {
        let clusters = dedup(&records, choice.clone());
        assert_eq!(clusters, vec![0, 1, 0, 1, 4, 0, 6, 4, 8, 8, 10], "{choice:?}");
    }
}

#[test]
fn possible_pairs_are_explained_and_ordered() {
    let records: Vec<Prepared> = [
        person("Mohamed", "Diallo", "1994-03-17", Sex::Male),
        person("Amina", "Kone", "1990-11-02", Sex::Female),
        person("Mohammed", "Diallo", "1994-03-17", Sex::Male),
        person("Mohamed", "Diallo", "1994", Sex::Male),
    ]
    .iter()
    .map(Prepared::new)
    .collect();
    let pairs = possible_pairs(&Model::default(), &records);
    let found: Vec<(usize, usize)> = pairs.iter().map(|pair| (pair.first, pair.second)).collect();
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        pairs
            .windows(2)
            .all(|w| w[0].comparison.weight >= w[1].comparison.weight)
    );
    assert!(
        found
            .iter()
            .all(|(first, second)| first < second && *first != 1 && *second != 1)
    );
}

#[test]
fn the_index_finds_what_dedup_would_and_forgets_removed_records() {
    let model = Model::default();
    let mut index: Index<u32> = Index::new();
    index.insert(
        1,
        Prepared::new(&person("Gurpreet", "Singh", "1988-03-17", Sex::Male)),
    );
    index.insert(
        2,
        Prepared::new(&person("Amina", "Kone", "1990-11-02", Sex::Female)),
    );
    index.insert(
        3,
        Prepared::new(&person("Harpreet", "Singh", "1975-01-09", Sex::Male)),
    );
    assert_eq!(index.len(), 3);
    let query = Prepared::new(&person("Singh", "Gurprit", "1988-03-17", Sex::Male));
    let found = index.search(&model, &query, 10);
    assert_eq!(found.iter().map(|(id, _)| *id).collect::<Vec<_>>(), [1]);
    assert!(model.is_match(&found[0].1));
    index.remove(1);
    index.remove(1);
    assert_eq!(index.len(), 2);
    assert!(index.search(&model, &query, 10).is_empty());
    index.insert(
        2,
        Prepared::new(&person("Gurpreet", "Singh", "1988-03-17", Sex::Male)),
    );
    assert_eq!(index.len(), 2);
    assert_eq!(
        index.search(&model, &query, 10).first().map(|(id, _)| *id),
        Some(2)
    );
}
