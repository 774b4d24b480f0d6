//! Prints the comparison of two records given on the command line as
//! `given|surname|date|sex|nationality|place|phone`.

use soleil_matching::{BirthDate, Model, Prepared, Record, Sex};

fn record(text: &str) -> Record {
    let parts: Vec<&str> = text.split('|').collect();
    let part = |i: usize| parts.get(i).copied().unwrap_or("").to_owned();
    let optional = |i: usize| Some(part(i)).filter(|value| !value.is_empty());
    Record {
        given_name: part(0),
        surname: part(1),
        date_of_birth: BirthDate::parse(&part(2)),
        sex: Sex::parse(&part(3)),
        nationality: optional(4),
        place_of_birth: optional(5),
        phone: optional(6),
        ..Record::default()
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let model = Model::default();
    for pair in args.chunks(2) {
        if let [a, b] = pair {
            let comparison = model.compare(&Prepared::new(&record(a)), &Prepared::new(&record(b)));
            println!("{a}  <>  {b}: weight {:.1}", comparison.weight);
            for evidence in &comparison.evidence {
                println!(
                    "  {:<15} {:<18} {:>6.2}",
                    evidence.field.as_str(),
                    evidence.outcome.as_str(),
                    evidence.weight
                );
            }
        }
    }
}
