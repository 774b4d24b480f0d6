//! Aggregates for regional monitoring: counts only, never identifying data.

use soleil_domain::{CaseState, RegionCode, User};
use soleil_store::cases;

use crate::{App, AppResult, Operation, authorize};

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct StateCount {
    pub state: CaseState,
    pub cases: i64,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct CaseStatistics {
    pub region: Option<RegionCode>,
    pub by_state: Vec<StateCount>,
    pub total: i64,
}

impl App {
    /// Cases per state in the caller's region.
    pub async fn case_statistics(&self, actor: &User) -> AppResult<CaseStatistics> {
        authorize(actor, Operation::ReadStatistics)?;
        let region = actor.region;
        let mut handle = self.store.handle().await?;
        let counts = cases::count_by_state(handle.conn(), region).await?;
        let by_state: Vec<StateCount> = CaseState::all()
            .map(|state| StateCount {
                state,
                cases: counts.iter().find(|(s, _)| *s == state).map_or(0, |(_, n)| *n),
            })
            .collect();
        let total = by_state.iter().map(|s| s.cases).sum();
        Ok(CaseStatistics {
            region,
            by_state,
            total,
        })
    }
}
