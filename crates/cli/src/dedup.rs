//! `soleil dedup`: groups the rows of a CSV file of persons that are the same person.
//!
//! Input: a CSV file with a header. Required columns: `id, given_name, surname, date_of_birth, sex,
//! nationality, place_of_birth` (values may be empty). Optional columns, used when present:
//! `codice_fiscale`, `phone`, document numbers (`document_number`, `passport_number`, `permit_number`,
//! `soc_sec_id` and any column whose name ends in `_number`), the address (`address`, `address_1`,
//! `address_2`, `street_number`), the locality (`locality`, `city`, `suburb`) and `postcode`.
//! A date that cannot be read counts as missing.
//!
//! Output: `id,cluster` for every input row, in input order; a cluster is named by the id of its first row.
//! A summary goes to standard error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use soleil_matching::{BirthDate, ModelChoice, Record, Sex};

#[derive(clap::Args)]
pub struct DedupArgs {
    /// The CSV file of persons.
    #[arg(long)]
    pub input: PathBuf,
    /// Where to write `id,cluster`.
    #[arg(long)]
    pub output: PathBuf,
    /// Estimate the model's m and u probabilities from the input (EM) instead of using the defaults.
    #[arg(long)]
    pub estimate: bool,
}

const REQUIRED_COLUMNS: [&str; 7] = [
    "id",
    "given_name",
    "surname",
    "date_of_birth",
    "sex",
    "nationality",
    "place_of_birth",
];

/// Why a run failed: the input is not usable as given (exit code 2), or something else went wrong (1).
#[derive(Debug)]
pub enum DedupError {
    BadInput(String),
    Failed(anyhow::Error),
}

impl From<anyhow::Error> for DedupError {
    fn from(error: anyhow::Error) -> Self {
        DedupError::Failed(error)
    }
}

/// Runs the command, reporting errors on standard error.
pub fn main(args: &DedupArgs) -> ExitCode {
    match run(args) {
        Ok(summary) => {
            eprintln!("{summary}");
            ExitCode::SUCCESS
        }
        Err(DedupError::BadInput(message)) => {
            eprintln!("soleil dedup: {message}");
            ExitCode::from(2)
        }
        Err(DedupError::Failed(error)) => {
            eprintln!("soleil dedup: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Reads, deduplicates, writes; returns the summary line.
pub fn run(args: &DedupArgs) -> Result<String, DedupError> {
    let started = Instant::now();
    let (ids, records) = read_persons(&args.input)?;
    let choice = if args.estimate {
        ModelChoice::Estimate
    } else {
        ModelChoice::Default
    };
    let report = soleil_matching::dedup_report(&records, choice);
    write_clusters(&args.output, &ids, &report.clusters)?;
    let clusters = report
        .clusters
        .iter()
        .enumerate()
        .filter(|(row, cluster)| row == *cluster)
        .count();
    Ok(format!(
        "soleil dedup: {} records, {} candidate pairs, {} matching pairs, {} clusters, {:.2} s",
        records.len(),
        report.candidate_pairs,
        report.matching_pairs,
        clusters,
        started.elapsed().as_secs_f64()
    ))
}

/// Where each recognised column is in the header.
struct Columns {
    required: [usize; 7],
    codice_fiscale: Option<usize>,
    phone: Option<usize>,
    documents: Vec<usize>,
    address: Vec<usize>,
    locality: Vec<usize>,
    postcode: Option<usize>,
}

impl Columns {
    fn from_header(header: &csv::StringRecord) -> Result<Columns, DedupError> {
        let names: Vec<String> = header.iter().map(|name| name.trim().to_lowercase()).collect();
        let position = |wanted: &str| names.iter().position(|name| name == wanted);
        let missing: Vec<&str> = REQUIRED_COLUMNS
            .iter()
            .copied()
            .filter(|column| position(column).is_none())
            .collect();
        if !missing.is_empty() {
            return Err(DedupError::BadInput(format!(
                "the input lacks the required column(s) {}; required: {}",
                missing.join(", "),
                REQUIRED_COLUMNS.join(", ")
            )));
        }
        let mut required = [0; 7];
        for (slot, column) in required.iter_mut().zip(REQUIRED_COLUMNS) {
            *slot = position(column).unwrap_or_default();
        }
        let all_of =
            |wanted: &[&str]| -> Vec<usize> { wanted.iter().filter_map(|name| position(name)).collect() };
        let documents = names
            .iter()
            .enumerate()
            .filter(|(_, name)| {
                name.as_str() == "soc_sec_id" || name.as_str() == "document" || name.ends_with("_number")
            })
            .filter(|(_, name)| name.as_str() != "street_number")
            .map(|(column, _)| column)
            .collect();
        Ok(Columns {
            required,
            codice_fiscale: position("codice_fiscale"),
            phone: position("phone").or_else(|| position("phone_number")),
            documents,
            address: all_of(&["street_number", "address", "address_1", "address_2"]),
            locality: all_of(&["locality", "city", "suburb"]),
            postcode: position("postcode"),
        })
    }

    fn record(&self, row: &csv::StringRecord) -> (String, Record) {
        let text = |column: usize| row.get(column).unwrap_or("").trim();
        let optional = |column: Option<usize>| {
            column
                .map(text)
                .filter(|value| !value.is_empty())
                .map(str::to_owned)
        };
        let joined = |columns: &[usize]| {
            let parts: Vec<&str> = columns
                .iter()
                .map(|column| text(*column))
                .filter(|v| !v.is_empty())
                .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        };
        let [
            id,
            given_name,
            surname,
            date_of_birth,
            sex,
            nationality,
            place_of_birth,
        ] = self.required;
        let record = Record {
            given_name: text(given_name).to_owned(),
            surname: text(surname).to_owned(),
            date_of_birth: BirthDate::parse(text(date_of_birth)),
            sex: Sex::parse(text(sex)),
            nationality: optional(Some(nationality)),
            place_of_birth: optional(Some(place_of_birth)),
            codice_fiscale: optional(self.codice_fiscale),
            document_numbers: self
                .documents
                .iter()
                .map(|column| text(*column))
                .filter(|value| !value.is_empty())
                .map(str::to_owned)
                .collect(),
            phone: optional(self.phone),
            address: joined(&self.address),
            locality: joined(&self.locality),
            postcode: optional(self.postcode),
        };
        (text(id).to_owned(), record)
    }
}

fn read_persons(path: &Path) -> Result<(Vec<String>, Vec<Record>), DedupError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .map_err(|error| DedupError::BadInput(format!("cannot read {}: {error}", path.display())))?;
    let header = reader.headers().map_err(|error| {
        DedupError::BadInput(format!("cannot read the header of {}: {error}", path.display()))
    })?;
    let columns = Columns::from_header(header)?;
    let mut ids = Vec::new();
    let mut records = Vec::new();
    let mut row = csv::StringRecord::new();
    loop {
        let more = reader.read_record(&mut row).map_err(|error| {
            DedupError::BadInput(format!("{}: line {}: {error}", path.display(), records.len() + 2))
        })?;
        if !more {
            break;
        }
        let (id, record) = columns.record(&row);
        ids.push(id);
        records.push(record);
    }
    Ok((ids, records))
}

fn write_clusters(path: &Path, ids: &[String], clusters: &[usize]) -> Result<(), DedupError> {
    let mut writer =
        csv::Writer::from_path(path).with_context(|| format!("cannot write {}", path.display()))?;
    writer
        .write_record(["id", "cluster"])
        .context("cannot write the output")?;
    for (id, cluster) in ids.iter().zip(clusters) {
        let cluster_id = ids.get(*cluster).unwrap_or(id);
        writer
            .write_record([id, cluster_id])
            .context("cannot write the output")?;
    }
    writer.flush().context("cannot write the output")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the command on `input` in a folder of its own: `test` names it,
    /// so tests running at the same time never share files.
    fn run_on(test: &str, input: &str, estimate: bool) -> (Result<String, DedupError>, String) {
        let dir = std::env::temp_dir().join(format!("soleil-dedup-{test}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let args = DedupArgs {
            input: dir.join("persons.csv"),
            output: dir.join("clusters.csv"),
            estimate,
        };
        std::fs::write(&args.input, input).unwrap();
        let result = run(&args);
        let output = std::fs::read_to_string(&args.output).unwrap_or_default();
        std::fs::remove_dir_all(&dir).unwrap();
        (result, output)
    }

    const PERSONS: &str = "\
id,given_name,surname,date_of_birth,sex,nationality,place_of_birth,phone
p1,Mohamed,Diallo,1994-01-01,M,GN,Conakry,+39 333 1234567
p2,Gurpreet,Singh,1988-03-17,M,IN,Jalandhar,
p3,Muhammad,Jallow,1994-06-15,M,Guinea,Conakry,00393331234567
p4,Singh,Gurprit,1988-03-17,M,India,Jalandhar,
p5,Amina,Kone,1990-11-02,F,CI,Abidjan,
p6,Mohammed,Diallo,not a date,M,GN,Conakry,
";

    #[test]
    fn writes_a_cluster_for_every_row_in_input_order() {
        let (result, output) = run_on("order", PERSONS, false);
        let summary = result.unwrap();
        assert!(summary.contains("6 records"), "{summary}");
        let lines: Vec<&str> = output.lines().collect();
        assert_eq!(lines[0], "id,cluster");
        assert_eq!(
            lines[1..]
                .iter()
                .map(|line| line.split(',').next().unwrap())
                .collect::<Vec<_>>(),
            ["p1", "p2", "p3", "p4", "p5", "p6"]
        );
        let cluster_of = |id: &str| {
            lines
                .iter()
                .find(|l| l.starts_with(&format!("{id},")))
                .unwrap()
                .split(',')
                .nth(1)
                .unwrap()
                .to_owned()
        };
        assert_eq!(cluster_of("p2"), "p2");
        assert_eq!(
            cluster_of("p4"),
            "p2",
            "swapped names, variant spelling:\n{output}"
        );
        assert_eq!(cluster_of("p5"), "p5");
        assert_eq!(cluster_of("p1"), "p1");
        assert_eq!(
            cluster_of("p3"),
            "p1",
            "variant names, placeholder date, same phone:\n{output}"
        );
    }

    #[test]
    fn names_the_missing_columns() {
        let (result, _) = run_on("missing", "id,given_name,surname,sex\n1,A,B,F\n", false);
        match result {
            Err(DedupError::BadInput(message)) => {
                assert!(
                    message.contains("date_of_birth, nationality, place_of_birth"),
                    "{message}"
                );
            }
            other => panic!("expected a bad input error, got {other:?}"),
        }
    }

    #[test]
    fn estimating_also_writes_every_row() {
        let (result, output) = run_on("estimate", PERSONS, true);
        assert!(result.is_ok());
        assert_eq!(output.lines().count(), 7);
    }
}
