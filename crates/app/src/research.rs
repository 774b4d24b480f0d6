//! The research export for the impact-evaluation group: the cases of the
//! persons who consented to research use, one row per person (their latest
//! case), pseudonymised, with the quasi-identifiers generalised until the
//! export is k-anonymous (`soleil_domain::research`).

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use soleil_domain::monitoring::from_epoch_day;
use soleil_domain::research::{Anonymisation, QUASI_IDENTIFIERS, ResearchRecord, ResearchRow, anonymise};
use soleil_domain::{AuditAction, Invalid, RegionCode, User};
use soleil_store::esf::{self as store, ResearchCase};

use crate::audit::{Subject, record};
use crate::reports::ReportQuery;
use crate::statistics::statistics_region;
use crate::{App, AppResult, Operation, authorize};

/// How anonymous the export must be.
#[derive(Debug, Clone, Copy, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AnonymityQuery {
    /// Every combination of quasi-identifiers occurs at least k times; 5
    /// when absent, at least 2.
    #[param(minimum = 2, maximum = 100)]
    pub k: Option<usize>,
}

impl AnonymityQuery {
    pub const DEFAULT_K: usize = 5;

    fn k(self) -> Result<usize, Invalid> {
        match self.k.unwrap_or(Self::DEFAULT_K) {
            k @ 2..=100 => Ok(k),
            _ => Err(Invalid::single("k", "k_out_of_range")),
        }
    }
}

/// The export: its rows and what was generalised and suppressed to reach k.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ResearchExport {
    /// None for the whole network.
    pub region: Option<RegionCode>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The names of each row's quasi-identifiers, in order.
    pub quasi_identifiers: Vec<&'static str>,
    /// The names of each row's attributes, in order.
    pub attributes: Vec<&'static str>,
    pub anonymisation: Anonymisation,
    pub rows: Vec<ResearchRow>,
}

/// What each row says besides its quasi-identifiers.
const ATTRIBUTES: [&str; 8] = [
    "sector",
    "furthest_step",
    "closing_reason",
    "days_to_assessment",
    "days_to_taken_in_charge",
    "days_to_plan_agreed",
    "days_to_inclusion",
    "days_to_outcome",
];

impl App {
    /// The export for the caller's region (admins and network coordinators:
    /// the region asked for, or the whole network). Audited.
    pub async fn research_export(
        &self,
        actor: &User,
        query: &ReportQuery,
        anonymity: AnonymityQuery,
    ) -> AppResult<ResearchExport> {
        authorize(actor, Operation::ExportResearch)?;
        let region = statistics_region(actor, query.region)?;
        let export = self.research(region, query, anonymity).await?;
        let mut tx = self.store.begin().await?;
        let subject = Subject::new(
            "research_export",
            format!("{}..{}", export.from, export.to),
            region,
        );
        let detail = format!(
            "k = {}, {} rows, {} suppressed",
            export.anonymisation.k,
            export.rows.len(),
            export.anonymisation.suppressed
        );
        record(&mut tx, actor, AuditAction::Read, subject, Some(detail)).await?;
        tx.commit().await?;
        Ok(export)
    }

    /// The export for the operator of the installation (the command line).
    pub async fn research_export_unattended(
        &self,
        query: &ReportQuery,
        anonymity: AnonymityQuery,
    ) -> AppResult<ResearchExport> {
        self.research(query.region, query, anonymity).await
    }

    async fn research(
        &self,
        region: Option<RegionCode>,
        query: &ReportQuery,
        anonymity: AnonymityQuery,
    ) -> AppResult<ResearchExport> {
        let (from, to) = query.period()?;
        let k = anonymity.k()?;
        let mut handle = self.store.handle().await?;
        let cases = store::research_cases(handle.conn(), region, from, to).await?;
        let records = latest_per_person(cases);
        // Up to one row in twenty may be left out before generalising further.
        let (rows, anonymisation) = anonymise(&records, k, records.len() / 20);
        Ok(ResearchExport {
            region,
            from,
            to,
            quasi_identifiers: QUASI_IDENTIFIERS.to_vec(),
            attributes: ATTRIBUTES.to_vec(),
            anonymisation,
            rows,
        })
    }
}

/// Each person's latest case, under a pseudonym drawn for this export alone.
fn latest_per_person(cases: Vec<ResearchCase>) -> Vec<ResearchRecord> {
    let mut latest: BTreeMap<uuid::Uuid, ResearchCase> = BTreeMap::new();
    for case in cases {
        latest.insert(case.person_id.0, case);
    }
    let mut drawn = HashSet::new();
    latest
        .into_values()
        .map(|case| {
            let pseudonym = loop {
                let candidate = format!("R{:08x}", rand::random::<u32>());
                if drawn.insert(candidate.clone()) {
                    break candidate;
                }
            };
            record_of(case, pseudonym)
        })
        .collect()
}

fn record_of(case: ResearchCase, pseudonym: String) -> ResearchRecord {
    let steps = [
        case.assessed_on,
        case.taken_in_charge_on,
        case.plan_agreed_on,
        case.in_inclusion_on,
        case.outcome_on,
    ];
    let furthest = soleil_domain::monitoring::Step::all()
        .zip(std::iter::once(Some(case.screened_on)).chain(steps))
        .filter(|(_, day)| day.is_some())
        .map(|(step, _)| step.as_str())
        .last()
        .unwrap_or_default();
    let mut attributes = vec![
        ("sector", case.sector),
        ("furthest_step", furthest.to_owned()),
        ("closing_reason", case.closing_reason.unwrap_or_default()),
    ];
    for (name, day) in ATTRIBUTES[3..].iter().zip(steps) {
        let days = day
            .map(|d| (d - case.screened_on).to_string())
            .unwrap_or_default();
        attributes.push((name, days));
    }
    ResearchRecord {
        pseudonym,
        age_band: case.age_band,
        nationality: case.nationality,
        sex: case.sex,
        region: case.region,
        entered_on: from_epoch_day(case.screened_on),
        attributes,
    }
}
