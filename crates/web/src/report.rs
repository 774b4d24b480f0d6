//! The reports as people and programs read them: a table in the reader's
//! language (on the page, and as CSV and XLSX), or the report's own JSON.
//! The page, the API and `soleil report` all write them here.

use soleil_app::reports::ResultsReport;

use crate::i18n::Lang;
use crate::table::Table;

/// A file a report is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Json,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Csv, Format::Xlsx, Format::Json];

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.extension() == value.trim())
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Json => "application/json",
        }
    }
}

/// A report that could not be written: never the reader's doing.
#[derive(Debug, thiserror::Error)]
#[error("report file: {0}")]
pub struct ReportError(String);

/// The results report as a file of `format`.
pub fn results_file(lang: Lang, report: &ResultsReport, format: Format) -> Result<Vec<u8>, ReportError> {
    let fail = |error: &dyn std::fmt::Display| ReportError(error.to_string());
    match format {
        Format::Csv => results_table(lang, report).to_csv().map_err(|e| fail(&e)),
        Format::Xlsx => results_table(lang, report)
            .to_xlsx(&lang.t("reports-results-sheet"))
            .map_err(|e| fail(&e)),
        Format::Json => serde_json::to_vec_pretty(report).map_err(|e| fail(&e)),
    }
}

/// "risultati-abr-2026-01-01-2026-09-30.csv"; "rete" for the whole network.
pub fn results_file_name(lang: Lang, report: &ResultsReport, format: Format) -> String {
    let region = report
        .region
        .map_or_else(|| lang.t("reports-file-network"), |r| r.as_str().to_owned());
    format!(
        "{}-{region}-{}-{}.{}",
        lang.t("reports-results-file-stem"),
        report.from.format("%Y-%m-%d"),
        report.to.format("%Y-%m-%d"),
        format.extension()
    )
}

/// The results table as the project's own reports lay it out: the labs of
/// each sector that had any, their total, then the placements.
pub fn results_table(lang: Lang, report: &ResultsReport) -> Table {
    let labs = lang.t("reports-results-labs");
    let placements = lang.t("reports-results-placements");
    let mut rows: Vec<Vec<String>> = report
        .labs
        .iter()
        .filter(|sector| sector.labs > 0)
        .map(|sector| {
            vec![
                labs.clone(),
                lang.label("course_sector", sector.sector.as_str()),
                sector.labs.to_string(),
            ]
        })
        .collect();
    rows.push(vec![
        labs,
        lang.t("reports-results-labs-total"),
        report.labs_total.to_string(),
    ]);
    let p = report.placements;
    for (id, value) in [
        ("reports-results-internships", p.internships),
        ("reports-results-contracts", p.contracts),
        ("reports-results-apprenticeships", p.apprenticeships),
        ("reports-results-placements-total", p.total),
    ] {
        rows.push(vec![placements.clone(), lang.t(id), value.to_string()]);
    }
    Table {
        caption: lang.with_args(
            "reports-results-caption",
            &[
                (
                    "region",
                    report
                        .region
                        .map_or_else(|| lang.t("monitoring-network"), |r| r.name().to_owned())
                        .into(),
                ),
                ("from", report.from.format("%d/%m/%Y").to_string().into()),
                ("to", report.to.format("%d/%m/%Y").to_string().into()),
            ],
        ),
        headings: ["reports-col-section", "reports-col-item", "reports-col-number"]
            .map(|id| lang.t(id))
            .to_vec(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use soleil_app::reports::{PlacementResults, SectorLabs};
    use soleil_domain::RegionCode;
    use soleil_domain::inclusion::course::CourseSector;

    use super::*;

    fn report() -> ResultsReport {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        ResultsReport {
            region: Some(RegionCode::Abr),
            from: day(1, 1),
            to: day(9, 30),
            labs: CourseSector::all()
                .map(|sector| SectorLabs {
                    sector,
                    labs: i64::from(sector == CourseSector::Construction) * 2,
                })
                .collect(),
            labs_total: 2,
            placements: PlacementResults {
                internships: 19,
                contracts: 14,
                apprenticeships: 4,
                total: 33,
            },
        }
    }

    #[test]
    fn the_results_read_as_the_projects_table() {
        let text = String::from_utf8(results_file(Lang::It, &report(), Format::Csv).unwrap()).unwrap();
        assert_eq!(
            text,
            "\u{feff}Sezione;Voce;Numero\nLaboratori;Edilizia;2\nLaboratori;Totale laboratori;2\n\
             Inserimenti;Tirocini extracurricolari;19\nInserimenti;Contratti di lavoro;14\n\
             Inserimenti;di cui apprendistati professionalizzanti;4\nInserimenti;Totale inserimenti;33\n"
        );
        assert_eq!(
            results_file_name(Lang::It, &report(), Format::Xlsx),
            "risultati-abr-2026-01-01-2026-09-30.xlsx"
        );
        let json: serde_json::Value =
            serde_json::from_slice(&results_file(Lang::En, &report(), Format::Json).unwrap()).unwrap();
        assert_eq!(json["placements"]["apprenticeships"], 4);
        assert!(
            results_file(Lang::En, &report(), Format::Xlsx)
                .unwrap()
                .starts_with(b"PK")
        );
    }
}
