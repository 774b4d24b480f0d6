//! `soleil report` as an operator runs it: the real binary over a fresh
//! SQLite data directory.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Output};

fn soleil(data: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_soleil"))
        .args(args)
        .env("SOLEIL_DATA_DIR", data)
        .env_remove("SOLEIL_DATABASE_URL")
        .output()
        .expect("run soleil")
}

const PERIOD: [&str; 4] = ["--from", "2026-01-01", "--to", "2026-09-30"];

#[test]
fn the_results_report_is_written_in_each_format() {
    let data = tempfile::tempdir().unwrap();
    let mut args = vec!["report", "results", "--region", "abr"];
    args.extend(PERIOD);

    let csv = soleil(data.path(), &args);
    assert!(csv.status.success(), "{}", String::from_utf8_lossy(&csv.stderr));
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(text.starts_with("\u{feff}Sezione;Voce;Numero\n"), "{text}");
    assert!(text.ends_with("Inserimenti;Totale inserimenti;0\n"), "{text}");

    let json = soleil(data.path(), &[&args[..], &["--format", "json"]].concat());
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["region"], "abr");
    assert_eq!(report["from"], "2026-01-01");
    assert_eq!(report["placements"]["total"], 0);

    let refused = soleil(data.path(), &[&args[..], &["--format", "xlsx"]].concat());
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--output"));
    let file = data.path().join("results.xlsx");
    let file_arg = file.to_str().unwrap();
    let written = soleil(
        data.path(),
        &[
            &args[..],
            &["--format", "xlsx", "--output", file_arg, "--lang", "en"],
        ]
        .concat(),
    );
    assert!(
        written.status.success(),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    assert!(std::fs::read(&file).unwrap().starts_with(b"PK"));
}

#[test]
fn a_period_that_ends_before_it_starts_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let backwards = soleil(
        data.path(),
        &["report", "results", "--from", "2026-09-30", "--to", "2026-01-01"],
    );
    assert!(!backwards.status.success());
    let message = String::from_utf8_lossy(&backwards.stderr);
    assert!(message.contains("to"), "{message}");
    let unknown = soleil(data.path(), &[&["report", "nonesuch"][..], &PERIOD].concat());
    assert!(!unknown.status.success());
}

#[test]
fn the_esf_indicators_are_written_with_their_definitions() {
    let data = tempfile::tempdir().unwrap();
    let args = [&["report", "esf", "--region", "laz", "--lang", "en"][..], &PERIOD].concat();
    let csv = soleil(data.path(), &args);
    assert!(csv.status.success(), "{}", String::from_utf8_lossy(&csv.stderr));
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(
        text.starts_with("\u{feff}Code;Indicator;Total;Women;Men;Non-binary;"),
        "{text}"
    );
    assert!(
        text.contains("\nEECO01;Total number of participants;0;0;0;0;0;0;0\n"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 24);

    let json = soleil(data.path(), &[&args[..], &["--format", "json"]].concat());
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let indicators = report["indicators"].as_array().unwrap();
    assert_eq!(indicators.len(), 23);
    assert_eq!(indicators[22]["code"], "EECR06");
    assert!(
        indicators
            .iter()
            .all(|i| !i["computed_as"].as_str().unwrap().is_empty())
    );
}

#[test]
fn the_research_export_says_what_it_suppressed() {
    let data = tempfile::tempdir().unwrap();
    let args = [&["report", "research", "--k", "3"][..], &PERIOD].concat();
    let csv = soleil(data.path(), &args);
    assert!(csv.status.success(), "{}", String::from_utf8_lossy(&csv.stderr));
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(
        text.starts_with("\u{feff}pseudonym;age_band;nationality;sex;region;entry_month;sector;"),
        "{text}"
    );
    assert!(String::from_utf8_lossy(&csv.stderr).contains("k = 3: 0 of 0 persons exported"));
    let refused = soleil(data.path(), &[&args[..], &["--k", "1"]].concat());
    assert!(!refused.status.success());
}
