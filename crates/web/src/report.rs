//! The reports as people and programs read them: a table in the reader's
//! language (on the page, and as CSV and XLSX), or the report's own JSON.
//! The page, the API and `soleil report` all write them here.

use chrono::NaiveDate;
use soleil_app::esf::EsfReport;
use soleil_app::reports::ResultsReport;
use soleil_app::research::ResearchExport;
use soleil_domain::RegionCode;
use soleil_domain::esf::IndicatorFigure;
use soleil_domain::inclusion::work_placement::PlacementKind;

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

/// A report as its files and its table on the page hold it.
pub trait Report: serde::Serialize {
    /// Its messages' middle name: `reports-{ID}-sheet`, `-file-stem`, `-caption`.
    const ID: &'static str;

    fn region(&self) -> Option<RegionCode>;
    fn period(&self) -> (NaiveDate, NaiveDate);
    /// Its headings and rows, in the reader's language.
    fn headings_and_rows(&self, lang: Lang) -> (Vec<String>, Vec<Vec<String>>);

    /// The figure a cell of its table shows, as
    /// `soleil_app::figures::FigureQuery` names it: the cells that can be
    /// followed to the records behind them.
    fn figure(&self, _row: usize, _column: usize) -> Option<String> {
        None
    }

    /// What the caption adds after the region and the period, if anything.
    fn note(&self, _lang: Lang) -> Option<String> {
        None
    }

    /// The table, with a caption naming the region and the period (and the
    /// report's note).
    fn table(&self, lang: Lang) -> Table {
        let (from, to) = self.period();
        let region = self
            .region()
            .map_or_else(|| lang.t("monitoring-network"), |r| r.name().to_owned());
        let (headings, rows) = self.headings_and_rows(lang);
        let caption = lang.with_args(
            &format!("reports-{}-caption", Self::ID),
            &[
                ("region", region.into()),
                ("from", from.format("%d/%m/%Y").to_string().into()),
                ("to", to.format("%d/%m/%Y").to_string().into()),
            ],
        );
        Table {
            caption: match self.note(lang) {
                Some(note) => format!("{caption}. {note}"),
                None => caption,
            },
            headings,
            rows,
        }
    }
}

/// A report as a file of `format`.
pub fn file<R: Report>(lang: Lang, report: &R, format: Format) -> Result<Vec<u8>, ReportError> {
    let fail = |error: &dyn std::fmt::Display| ReportError(error.to_string());
    match format {
        Format::Csv => report.table(lang).to_csv().map_err(|e| fail(&e)),
        Format::Xlsx => report
            .table(lang)
            .to_xlsx(&lang.t(&format!("reports-{}-sheet", R::ID)))
            .map_err(|e| fail(&e)),
        Format::Json => serde_json::to_vec_pretty(report).map_err(|e| fail(&e)),
    }
}

/// "risultati-abr-2026-01-01-2026-09-30.csv"; "rete" for the whole network.
pub fn file_name<R: Report>(lang: Lang, report: &R, format: Format) -> String {
    let region = report
        .region()
        .map_or_else(|| lang.t("reports-file-network"), |r| r.as_str().to_owned());
    let (from, to) = report.period();
    format!(
        "{}-{region}-{}-{}.{}",
        lang.t(&format!("reports-{}-file-stem", R::ID)),
        from.format("%Y-%m-%d"),
        to.format("%Y-%m-%d"),
        format.extension()
    )
}

/// The results table as the project's own reports lay it out: the labs of
/// each sector that had any, their total, then the placements.
impl Report for ResultsReport {
    const ID: &'static str = "results";

    fn region(&self) -> Option<RegionCode> {
        self.region
    }

    fn period(&self) -> (NaiveDate, NaiveDate) {
        (self.from, self.to)
    }

    fn headings_and_rows(&self, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
        let labs = lang.t("reports-results-labs");
        let placements = lang.t("reports-results-placements");
        let mut rows: Vec<Vec<String>> = self
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
            self.labs_total.to_string(),
        ]);
        let p = self.placements;
        for (id, value) in [
            ("reports-results-internships", p.internships),
            ("reports-results-contracts", p.contracts),
            ("reports-results-apprenticeships", p.apprenticeships),
            ("reports-results-placements-total", p.total),
        ] {
            rows.push(vec![placements.clone(), lang.t(id), value.to_string()]);
        }
        let headings = ["reports-col-section", "reports-col-item", "reports-col-number"]
            .map(|id| lang.t(id))
            .to_vec();
        (headings, rows)
    }

    /// The rows as [`Self::headings_and_rows`] lays them out: the sectors
    /// with labs, their total, then internships, contracts (employment and
    /// apprenticeships), apprenticeships and every placement.
    fn figure(&self, row: usize, column: usize) -> Option<String> {
        if column != 2 {
            return None;
        }
        let sectors: Vec<&str> = self
            .labs
            .iter()
            .filter(|sector| sector.labs > 0)
            .map(|sector| sector.sector.as_str())
            .collect();
        let placements = |kinds: &[PlacementKind]| {
            let kinds: Vec<&str> = kinds.iter().map(|kind| kind.as_str()).collect();
            format!("placements.{}.placements", kinds.join("+"))
        };
        if let Some(sector) = sectors.get(row) {
            return Some(format!("labs.{sector}.labs"));
        }
        match row - sectors.len() {
            0 if !sectors.is_empty() => Some(format!("labs.{}.labs", sectors.join("+"))),
            1 => Some(placements(&[PlacementKind::Internship])),
            2 => Some(placements(&[
                PlacementKind::Employment,
                PlacementKind::Apprenticeship,
            ])),
            3 => Some(placements(&[PlacementKind::Apprenticeship])),
            4 => Some(placements(&PlacementKind::all().collect::<Vec<_>>())),
            _ => None,
        }
    }
}

/// The ESF+ common indicators, one row each in Annex I's order: code, name,
/// the participants counted (all, women, men, non-binary), those the
/// indicator looked at, and of those the answers not recorded or not given.
impl Report for EsfReport {
    const ID: &'static str = "esf";

    fn region(&self) -> Option<RegionCode> {
        self.region
    }

    fn period(&self) -> (NaiveDate, NaiveDate) {
        (self.from, self.to)
    }

    fn headings_and_rows(&self, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
        let headings = [
            "esf-col-code",
            "esf-col-indicator",
            "esf-col-total",
            "esf-col-women",
            "esf-col-men",
            "esf-col-non-binary",
            "esf-col-considered",
            "esf-col-not-recorded",
            "esf-col-not-disclosed",
        ]
        .map(|id| lang.t(id))
        .to_vec();
        let rows = self
            .indicators
            .iter()
            .map(|i| {
                let figures = [
                    i.total,
                    i.women,
                    i.men,
                    i.non_binary,
                    i.considered,
                    i.not_recorded,
                    i.not_disclosed,
                ];
                [i.code.to_owned(), lang.t(&format!("esf-{}", i.code))]
                    .into_iter()
                    .chain(figures.map(|n| n.to_string()))
                    .collect()
            })
            .collect();
        (headings, rows)
    }

    /// A row per indicator: its figures from the third column on.
    fn figure(&self, row: usize, column: usize) -> Option<String> {
        let figure = IndicatorFigure::all().nth(column.checked_sub(2)?)?;
        let indicator = self.indicators.get(row)?;
        Some(format!("esf.{}.{}", indicator.code, figure.as_str()))
    }
}

/// The research dataset: one row per person, the pseudonym, the
/// quasi-identifiers as generalised and the attributes, under their
/// technical names (a dataset for analysis, not a table to read).
impl Report for ResearchExport {
    const ID: &'static str = "research";

    fn region(&self) -> Option<RegionCode> {
        self.region
    }

    fn period(&self) -> (NaiveDate, NaiveDate) {
        (self.from, self.to)
    }

    fn headings_and_rows(&self, _lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
        let headings = std::iter::once("pseudonym")
            .chain(self.quasi_identifiers.iter().copied())
            .chain(self.attributes.iter().copied())
            .map(str::to_owned)
            .collect();
        let rows = self
            .rows
            .iter()
            .map(|row| {
                std::iter::once(row.pseudonym.clone())
                    .chain(row.quasi_identifiers.iter().cloned())
                    .chain(row.attributes.iter().map(|(_, value)| value.clone()))
                    .collect()
            })
            .collect();
        (headings, rows)
    }

    /// What was done to make it k-anonymous: a sheet says it above the rows.
    fn note(&self, lang: Lang) -> Option<String> {
        let a = &self.anonymisation;
        let steps: Vec<String> = self
            .quasi_identifiers
            .iter()
            .zip(&a.steps)
            .map(|(name, step)| format!("{name} {step}"))
            .collect();
        Some(lang.with_args(
            "reports-research-note",
            &[
                ("k", a.k.into()),
                ("rows", self.rows.len().into()),
                ("records", a.records.into()),
                ("suppressed", a.suppressed.into()),
                ("steps", steps.join(", ").into()),
            ],
        ))
    }
}

#[cfg(test)]
mod tests {
    use soleil_app::reports::{PlacementResults, SectorLabs};
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
        let text = String::from_utf8(file(Lang::It, &report(), Format::Csv).unwrap()).unwrap();
        assert_eq!(
            text,
            "\u{feff}Sezione;Voce;Numero\nLaboratori;Edilizia;2\nLaboratori;Totale laboratori;2\n\
             Inserimenti;Tirocini extracurricolari;19\nInserimenti;Contratti di lavoro;14\n\
             Inserimenti;di cui apprendistati professionalizzanti;4\nInserimenti;Totale inserimenti;33\n"
        );
        assert_eq!(
            file_name(Lang::It, &report(), Format::Xlsx),
            "risultati-abr-2026-01-01-2026-09-30.xlsx"
        );
        let json: serde_json::Value =
            serde_json::from_slice(&file(Lang::En, &report(), Format::Json).unwrap()).unwrap();
        assert_eq!(json["placements"]["apprenticeships"], 4);
        assert!(
            file(Lang::En, &report(), Format::Xlsx)
                .unwrap()
                .starts_with(b"PK")
        );
    }

    #[test]
    fn the_research_sheet_says_what_was_suppressed() {
        let export = ResearchExport {
            region: Some(RegionCode::Laz),
            from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            to: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
            quasi_identifiers: vec!["age_band", "entry_month"],
            attributes: Vec::new(),
            anonymisation: soleil_domain::research::Anonymisation {
                k: 5,
                steps: vec![0, 2],
                records: 12,
                suppressed: 2,
            },
            rows: Vec::new(),
        };
        let caption = export.table(Lang::It).caption;
        assert!(
            caption.starts_with("Dati per la valutazione d'impatto: Lazio"),
            "{caption}"
        );
        assert!(
            caption.contains("k = 5: 0 persone esportate su 12, 2 tolte")
                && caption.contains("age_band 0, entry_month 2"),
            "{caption}"
        );
    }
}
