//! Times `dedup` on 100,000 generated records (names from small pools so that namesakes are frequent,
//! one record in three a noisy copy of another). `cargo bench -p soleil-matching`; `DEDUP_RECORDS=N` for
//! another size.

use std::time::Instant;

use soleil_matching::{BirthDate, ModelChoice, Record, Sex, dedup_report};

const GIVEN: [&str; 12] = [
    "Mohamed",
    "Gurpreet",
    "Amina",
    "Ousmane",
    "Oleksandr",
    "Fatoumata",
    "Ion",
    "Harpreet",
    "Ibrahima",
    "Maria",
    "Abdel Rahman",
    "Kwame",
];
const SURNAMES: [&str; 12] = [
    "Diallo",
    "Singh",
    "Kone",
    "Traore",
    "Kovalenko",
    "Popescu",
    "Hussain",
    "Coulibaly",
    "Kaur",
    "Ben Ali",
    "Mensah",
    "Hoxha",
];

struct Random(u64);

impl Random {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % bound
    }
}

fn person(random: &mut Random) -> Record {
    let suffix = |random: &mut Random| ["", "a", "e", "ou", "i"][random.below(5) as usize];
    Record {
        given_name: format!("{}{}", GIVEN[random.below(12) as usize], suffix(random)),
        surname: format!("{}{}", SURNAMES[random.below(12) as usize], suffix(random)),
        date_of_birth: Some(BirthDate {
            year: Some(1960 + random.below(45) as u16),
            month: Some(1 + random.below(12) as u8),
            day: Some(1 + random.below(28) as u8),
        }),
        sex: Some(if random.below(2) == 0 {
            Sex::Female
        } else {
            Sex::Male
        }),
        nationality: Some(["MA", "IN", "SN", "UA", "RO"][random.below(5) as usize].to_owned()),
        ..Record::default()
    }
}

fn noisy_copy(random: &mut Random, original: &Record) -> Record {
    let mut copy = original.clone();
    match random.below(4) {
        0 => std::mem::swap(&mut copy.given_name, &mut copy.surname),
        1 => copy.given_name = copy.given_name.to_uppercase(),
        2 => {
            copy.date_of_birth = copy.date_of_birth.map(|date| BirthDate {
                month: Some(1),
                day: Some(1),
                ..date
            })
        }
        _ => copy.surname.push('h'),
    }
    copy
}

fn main() {
    let size: usize = std::env::var("DEDUP_RECORDS")
        .ok()
        .and_then(|size| size.parse().ok())
        .unwrap_or(100_000);
    let mut random = Random(7);
    let mut records: Vec<Record> = Vec::with_capacity(size);
    while records.len() < size {
        let next = if records.len() > 10 && random.below(3) == 0 {
            let original = records[random.below(records.len() as u64) as usize].clone();
            noisy_copy(&mut random, &original)
        } else {
            person(&mut random)
        };
        records.push(next);
    }
    let started = Instant::now();
    let report = dedup_report(&records, ModelChoice::Default);
    let clusters = report
        .clusters
        .iter()
        .enumerate()
        .filter(|(position, cluster)| position == *cluster)
        .count();
    println!(
        "dedup of {size} records: {:.2} s, {} candidate pairs, {} matching pairs, {clusters} clusters",
        started.elapsed().as_secs_f64(),
        report.candidate_pairs,
        report.matching_pairs
    );
}
