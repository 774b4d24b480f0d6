//! Aggregates for regional monitoring: counts only, never identifying data.

use soleil_domain::{CaseState, RegionCode, Role, User};
use soleil_store::cases;

use crate::{App, AppError, AppResult, Operation, authorize};

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

/// The region a figure may count for its reader: their own region (asking for
/// another is refused); for admins and network coordinators, the region
/// asked for, or the whole network when none.
pub(crate) fn statistics_region(actor: &User, asked: Option<RegionCode>) -> AppResult<Option<RegionCode>> {
    match actor.region {
        Some(own) if actor.role != Role::Admin => match asked {
            Some(other) if other != own => Err(AppError::Forbidden),
            _ => Ok(Some(own)),
        },
        _ if actor.role == Role::Admin || actor.role == Role::Coordinator => Ok(asked),
        _ => Err(AppError::Forbidden),
    }
}
