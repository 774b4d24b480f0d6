//! Reports a region hands in: the same figures for a person on a page, a
//! program through the API and an operator at the command line
//! (`soleil report`).
//!
//! `results` is the project's results table ("risultati a 9 mesi"): the
//! professional labs that ran in a period, by sector, and the work
//! placements that began in it — internships, and contracts of which
//! apprenticeships.

use chrono::NaiveDate;
use soleil_domain::inclusion::course::CourseSector;
use soleil_domain::inclusion::work_placement::PlacementKind;
use soleil_domain::{Invalid, RegionCode, User};
use soleil_store::monitoring::{self, CasePanel, CohortFilter, Counts};

use crate::statistics::statistics_region;
use crate::{App, AppResult, Operation, authorize, today};

/// The region and period a report covers, both days included.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// Admins and network coordinators: one region, or the whole network
    /// when absent. Others: their own region.
    pub region: Option<RegionCode>,
    /// First day, YYYY-MM-DD. Required: checked by the use case, so that a
    /// missing day is named in a 422 like any other.
    #[param(required = true)]
    pub from: Option<NaiveDate>,
    /// Last day, YYYY-MM-DD. Required.
    #[param(required = true)]
    pub to: Option<NaiveDate>,
}

/// The project's results table for a region and a period.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ResultsReport {
    /// None for the whole network.
    pub region: Option<RegionCode>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Professional labs that ran in the period (for at least a day), by
    /// sector, every sector listed.
    pub labs: Vec<SectorLabs>,
    pub labs_total: i64,
    /// Work placements that began in the period.
    pub placements: PlacementResults,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct SectorLabs {
    pub sector: CourseSector,
    pub labs: i64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct PlacementResults {
    /// Tirocini extracurricolari.
    pub internships: i64,
    /// Employment contracts and apprenticeships.
    pub contracts: i64,
    /// Of the contracts: apprendistati professionalizzanti.
    pub apprenticeships: i64,
    /// Internships and contracts.
    pub total: i64,
}

impl ReportQuery {
    /// Both ends are needed: a report covers a stated period.
    pub(crate) fn period(&self) -> Result<(NaiveDate, NaiveDate), Invalid> {
        let mut invalid = Invalid::new();
        if self.from.is_none() {
            invalid.add("from", "required");
        }
        if self.to.is_none() {
            invalid.add("to", "required");
        }
        match (self.from, self.to) {
            (Some(from), Some(to)) if to < from => Err(Invalid::single("to", "until_before_from")),
            (Some(from), Some(to)) => Ok((from, to)),
            _ => Err(invalid),
        }
    }
}

impl App {
    /// The results table, for the caller's region (admins and network
    /// coordinators: the region asked for, or the whole network).
    pub async fn results_report(&self, actor: &User, query: &ReportQuery) -> AppResult<ResultsReport> {
        authorize(actor, Operation::ReadMonitoring)?;
        let region = statistics_region(actor, query.region)?;
        self.results(region, query).await
    }

    /// The results table for the operator of the installation (the command
    /// line, with the database's own access): any region or all of them.
    pub async fn results_report_unattended(&self, query: &ReportQuery) -> AppResult<ResultsReport> {
        self.results(query.region, query).await
    }

    async fn results(&self, region: Option<RegionCode>, query: &ReportQuery) -> AppResult<ResultsReport> {
        let (from, to) = query.period()?;
        let filter = CohortFilter {
            region,
            from,
            to,
            organisation: None,
            sector: None,
            nationality: None,
            sex: None,
            age_band: None,
        };
        let mut handle = self.store.handle().await?;
        let labs = monitoring::labs_by_sector(handle.conn(), &filter).await?;
        let placements = CasePanel::Placements
            .counts(handle.conn(), &filter, today())
            .await?;
        Ok(results(region, from, to, &labs, &placements))
    }
}

/// The table from the counts: every sector, in the catalogue's order.
fn results(
    region: Option<RegionCode>,
    from: NaiveDate,
    to: NaiveDate,
    labs: &[Counts],
    placements: &[Counts],
) -> ResultsReport {
    let count = |rows: &[Counts], key: &str| rows.iter().filter(|row| row.key == key).map(|row| row.a).sum();
    let labs: Vec<SectorLabs> = CourseSector::all()
        .map(|sector| SectorLabs {
            sector,
            labs: count(labs, sector.as_str()),
        })
        .collect();
    let internships = count(placements, PlacementKind::Internship.as_str());
    let apprenticeships = count(placements, PlacementKind::Apprenticeship.as_str());
    let contracts = apprenticeships + count(placements, PlacementKind::Employment.as_str());
    ResultsReport {
        region,
        from,
        to,
        labs_total: labs.iter().map(|l| l.labs).sum(),
        labs,
        placements: PlacementResults {
            internships,
            contracts,
            apprenticeships,
            total: internships + contracts,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(key: &str, a: i64) -> Counts {
        Counts {
            key: key.into(),
            a,
            ..Counts::default()
        }
    }

    #[test]
    fn contracts_count_apprenticeships_and_employment() {
        let day = NaiveDate::from_ymd_opt(2026, 9, 30).unwrap();
        let report = results(
            Some(RegionCode::Abr),
            day,
            day,
            &[counts("construction", 2), counts("welding", 1)],
            &[
                counts("internship", 19),
                counts("apprenticeship", 4),
                counts("employment", 10),
            ],
        );
        assert_eq!(report.labs_total, 3);
        assert_eq!(report.labs.len(), CourseSector::all().count());
        assert_eq!(
            report.labs[0],
            SectorLabs {
                sector: CourseSector::Construction,
                labs: 2
            }
        );
        assert_eq!(
            report.placements,
            PlacementResults {
                internships: 19,
                contracts: 14,
                apprenticeships: 4,
                total: 33
            }
        );
    }

    #[test]
    fn a_report_covers_a_stated_period() {
        let day = NaiveDate::from_ymd_opt(2026, 9, 30);
        let missing = ReportQuery::default().period().unwrap_err();
        let fields: Vec<&str> = missing.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["from", "to"]);
        let backwards = ReportQuery {
            from: day,
            to: day.and_then(|d| d.pred_opt()),
            region: None,
        };
        assert_eq!(
            backwards.period().unwrap_err().errors[0].code,
            "until_before_from"
        );
    }
}
