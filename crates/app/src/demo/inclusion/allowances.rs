//! The money of the cycle: the Abruzzo FSE+ lines that pay the attendance
//! allowance of the professional labs and the vouchers that support taking
//! part (seed 004: transport, housing, care).

use chrono::Days;
use soleil_domain::RegionCode;
use soleil_domain::inclusion::measure::{BudgetLineInput, BudgetLineTotals, FundingSource, MeasureKind};

use super::Cycle;
use crate::{App, AppResult};

/// The region's lines: code, name, measures, amount and cap per person (euro).
const LINES: &[(&str, &str, &[MeasureKind], &str, &str)] = &[
    (
        "ABR-FSE+-IF-2025",
        "Indennità di frequenza dei laboratori professionalizzanti",
        &[MeasureKind::AttendanceAllowance],
        "24.000,00",
        "600,00",
    ),
    (
        "ABR-FSE+-VP-2025",
        "Voucher di partecipazione: trasporto, alloggio, conciliazione",
        &[
            MeasureKind::TransportVoucher,
            MeasureKind::HousingVoucher,
            MeasureKind::CareVoucher,
        ],
        "18.000,00",
        "900,00",
    ),
];

impl App {
    /// The secretariat opens the lines the cycle draws on, valid from
    /// before the first lab to a season after today.
    pub(super) async fn open_demo_budget_lines(&self, cycle: &Cycle) -> AppResult<Vec<BudgetLineTotals>> {
        let mut lines = Vec::with_capacity(LINES.len());
        for (code, name, measures, amount, cap) in LINES {
            let input = BudgetLineInput {
                funding_source: Some(FundingSource::FsePlus),
                code: Some((*code).to_owned()),
                name: Some((*name).to_owned()),
                measures: measures.to_vec(),
                amount: Some((*amount).to_owned()),
                per_person_cap: Some((*cap).to_owned()),
                valid_from: Some(cycle.ago(300)),
                valid_to: cycle.today.checked_add_days(Days::new(90)),
            };
            let line = self
                .create_budget_line(&cycle.crew.secretariat, Some(RegionCode::Abr), &input)
                .await?;
            lines.push(line);
        }
        Ok(lines)
    }
}
