//! `soleil report NAME --region CODE --from DATE --to DATE --format FORMAT`:
//! a report written by the operator of the installation, from the database
//! itself, as the pages and the API write it (counts only, no person).

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use soleil_app::App;
use soleil_app::reports::ReportQuery;
use soleil_app::research::AnonymityQuery;
use soleil_domain::RegionCode;
use soleil_web::i18n::Lang;
use soleil_web::report::{Format, Report, file, file_name};

#[derive(Args)]
pub struct ReportArgs {
    /// Which report.
    name: ReportName,
    /// The region's code (laz, tos, abr, mar, mol); the whole network when absent.
    #[arg(long)]
    region: Option<RegionCode>,
    /// First day of the period, YYYY-MM-DD.
    #[arg(long)]
    from: NaiveDate,
    /// Last day of the period, YYYY-MM-DD.
    #[arg(long)]
    to: NaiveDate,
    #[arg(long, value_enum, default_value_t = FileFormat::Csv)]
    format: FileFormat,
    /// The language of the labels in CSV and XLSX.
    #[arg(long, value_enum, default_value_t = Language::It)]
    lang: Language,
    /// For `research`: every combination of quasi-identifiers occurs at least this many times.
    #[arg(long, default_value_t = AnonymityQuery::DEFAULT_K)]
    k: usize,
    /// Where to write the file; standard output when absent (not for xlsx).
    #[arg(long)]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportName {
    /// Professional labs by sector and work placements by kind (the project's results table).
    Results,
    /// The ESF+ common indicators for participants (Regulation (EU) 2021/1057, Annex I).
    Esf,
    /// The pseudonymised, k-anonymous dataset of the persons who consented to research use.
    Research,
}

#[derive(Clone, Copy, ValueEnum)]
enum FileFormat {
    Csv,
    Xlsx,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Language {
    It,
    En,
}

pub async fn run(app: &App, args: &ReportArgs) -> anyhow::Result<()> {
    let format = match args.format {
        FileFormat::Csv => Format::Csv,
        FileFormat::Xlsx => Format::Xlsx,
        FileFormat::Json => Format::Json,
    };
    if format == Format::Xlsx && args.output.is_none() {
        bail!("an XLSX report is a binary file: name it with --output FILE");
    }
    let lang = match args.lang {
        Language::It => Lang::It,
        Language::En => Lang::En,
    };
    let query = ReportQuery {
        region: args.region,
        from: Some(args.from),
        to: Some(args.to),
    };
    let bytes = match args.name {
        ReportName::Results => {
            let report = app.results_report_unattended(&query).await;
            written(lang, &report.map_err(crate::describe)?, format, args)?
        }
        ReportName::Esf => {
            let report = app.esf_report_unattended(&query).await;
            written(lang, &report.map_err(crate::describe)?, format, args)?
        }
        ReportName::Research => {
            let anonymity = AnonymityQuery { k: Some(args.k) };
            let export = app.research_export_unattended(&query, anonymity).await;
            let export = export.map_err(crate::describe)?;
            let a = &export.anonymisation;
            eprintln!(
                "k = {}: {} of {} persons exported, {} suppressed; generalisation steps {:?}",
                a.k,
                export.rows.len(),
                a.records,
                a.suppressed,
                a.steps
            );
            written(lang, &export, format, args)?
        }
    };
    match &args.output {
        Some(path) => {
            std::fs::write(path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("report written to {}", path.display());
        }
        None => std::io::stdout()
            .write_all(&bytes)
            .context("cannot write the report")?,
    }
    Ok(())
}

/// The report's bytes, its file's name said on standard error when it goes
/// to a file.
fn written<R: Report>(lang: Lang, report: &R, format: Format, args: &ReportArgs) -> anyhow::Result<Vec<u8>> {
    if args.output.is_some() {
        eprintln!("{}", file_name(lang, report, format));
    }
    Ok(file(lang, report, format)?)
}
