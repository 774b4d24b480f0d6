//! The referral chain measured: how many cases reach each step, how long each
//! step takes against its target, and where people drop out, for a region
//! (or the whole network) and a period, filtered by who reported the case,
//! the sector of work, nationality, sex and age band.
//!
//! Every figure is computed from the cases' timelines (see
//! `soleil_store::monitoring`), never typed in, and none names a person.

use chrono::{Months, NaiveDate};
use soleil_domain::inclusion::course::CourseSector;
use soleil_domain::inclusion::work_placement::PlacementKind;
use soleil_domain::monitoring::{AgeBand, Standing, Step, Targets, default_target_days};
use soleil_domain::{ContactChannel, Invalid, NeedArea, OrganisationId, RegionCode, Sex, User, WorkSector};
use soleil_store::Conn;
use soleil_store::monitoring::{self, CasePanel, CohortFilter, Counts};

use crate::statistics::statistics_region;
use crate::{App, AppResult, Operation, authorize, today};

/// Which cases a dashboard counts: those whose screening reached the
/// secretariat between `from` and `to` (both included), by default in the
/// twelve months up to today.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DashboardQuery {
    /// Admins and coordinators without a region: one region, or the whole
    /// network when absent.
    pub region: Option<RegionCode>,
    /// First day of the period, YYYY-MM-DD.
    pub from: Option<NaiveDate>,
    /// Last day of the period, YYYY-MM-DD.
    pub to: Option<NaiveDate>,
    /// The organisation that reported the case.
    pub organisation: Option<OrganisationId>,
    pub sector: Option<WorkSector>,
    /// ISO 3166-1 alpha-2 code, as recorded.
    pub nationality: Option<String>,
    pub sex: Option<Sex>,
    /// Age at the first contact.
    #[param(inline)]
    pub age_band: Option<AgeBand>,
}

/// One step of the funnel.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct FunnelStep {
    pub step: Step,
    /// Cases that got at least this far.
    pub reached: i64,
    /// Of those that got no further: still open at this step.
    pub waiting: i64,
    /// Of those that got no further: closed because the person dropped out.
    pub dropped_out: i64,
    /// Of those that got no further: closed for another reason (not in
    /// scope, transferred, moved to another region).
    pub closed_otherwise: i64,
    /// Closed with their goals met (at the outcome only).
    pub goals_met: i64,
}

/// How long a step took: from the step before it to this one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct StepTiming {
    pub step: Step,
    /// The step it is counted from.
    pub from_step: Step,
    /// Cases that reached both steps.
    pub cases: u64,
    pub median_days: Option<i32>,
    pub p90_days: Option<i32>,
    /// The most days the step should take: the region's target (for the
    /// whole network, the one every region shares, if they do).
    pub target_days: Option<i32>,
    /// Cases that took the step within their region's target.
    pub within_target: u64,
}

/// The figures of the referral chain for a region and a period.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Dashboard {
    /// None for the whole network.
    pub region: Option<RegionCode>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Every step in order, from the screening to the outcome.
    pub funnel: Vec<FunnelStep>,
    /// Every step after the screening, in order.
    pub timings: Vec<StepTiming>,
    /// Counts by category: contacts by channel, referrals and needs by
    /// area, labs by sector, placements and employment at six months by
    /// kind of placement.
    pub panels: Vec<CountPanel>,
}

/// Figures of one panel, by category.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct CountPanel {
    /// contacts, referrals, needs, labs, placements, employment_at_six_months.
    pub panel: &'static str,
    /// The vocabulary the rows' keys belong to (contact_channel, need_area,
    /// course_sector, placement_kind).
    pub vocabulary: &'static str,
    /// What each figure of a row counts, in order.
    pub columns: Vec<&'static str>,
    /// Every value of the vocabulary, in its order, with its figures.
    pub rows: Vec<CountRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct CountRow {
    pub key: String,
    pub counts: Vec<i64>,
}

impl CountPanel {
    /// A row for every key of the vocabulary (those with no figures at 0),
    /// then any key the data holds that the vocabulary does not.
    fn new(
        panel: &'static str,
        vocabulary: &'static str,
        columns: &[&'static str],
        keys: impl Iterator<Item = &'static str>,
        counts: &[Counts],
    ) -> Self {
        let figures = |c: &Counts| {
            [c.a, c.b, c.c, c.d]
                .into_iter()
                .take(columns.len())
                .collect::<Vec<_>>()
        };
        let mut rows: Vec<CountRow> = keys
            .map(|key| CountRow {
                key: key.to_owned(),
                counts: counts
                    .iter()
                    .find(|c| c.key == key)
                    .map_or_else(|| vec![0; columns.len()], figures),
            })
            .collect();
        let unknown: Vec<CountRow> = counts
            .iter()
            .filter(|c| !rows.iter().any(|row| row.key == c.key))
            .map(|extra| CountRow {
                key: extra.key.clone(),
                counts: figures(extra),
            })
            .collect();
        rows.extend(unknown);
        Self {
            panel,
            vocabulary,
            columns: columns.to_vec(),
            rows,
        }
    }
}

impl DashboardQuery {
    /// The period asked for, checked: twelve months up to today unless said.
    pub fn period(&self) -> Result<(NaiveDate, NaiveDate), Invalid> {
        let to = self.to.unwrap_or_else(today);
        let from = self.from.unwrap_or_else(|| {
            to.checked_sub_months(Months::new(12))
                .map_or(to, |d| d + chrono::Duration::days(1))
        });
        if to < from {
            return Err(Invalid::single("to", "until_before_from"));
        }
        Ok((from, to))
    }

    pub(crate) fn cohort(&self, region: Option<RegionCode>) -> Result<CohortFilter, Invalid> {
        let (from, to) = self.period()?;
        let nationality = self
            .nationality
            .as_deref()
            .map(str::trim)
            .filter(|code| !code.is_empty())
            .map(str::to_uppercase);
        Ok(CohortFilter {
            region,
            from,
            to,
            organisation: self.organisation,
            sector: self.sector,
            nationality,
            sex: self.sex,
            age_band: self.age_band,
        })
    }
}

impl App {
    /// The referral chain's figures for the caller's region (admins and
    /// network coordinators: the region asked for, or the whole network).
    pub async fn dashboard(&self, actor: &User, query: &DashboardQuery) -> AppResult<Dashboard> {
        authorize(actor, Operation::ReadMonitoring)?;
        let region = statistics_region(actor, query.region)?;
        let filter = query.cohort(region)?;
        // One pooled connection for the whole dashboard.
        let mut handle = self.store.handle().await?;
        let targets = targets(handle.conn()).await?;
        let cohort = monitoring::cohort_figures(&self.store, handle.conn(), &filter, &targets).await?;
        let funnel = funnel(&cohort.furthest);
        let timings = cohort
            .durations
            .iter()
            .zip(Step::all())
            .zip(&cohort.within_target)
            .map(|(((step, durations), from_step), within)| StepTiming {
                step: *step,
                from_step,
                cases: durations.cases(),
                median_days: durations.median(),
                p90_days: durations.p90(),
                target_days: match region {
                    Some(region) => targets.days(region, *step),
                    None => targets.common(*step),
                },
                within_target: *within,
            })
            .collect();
        let panels = count_panels(handle.conn(), &filter, &cohort.contacts).await?;
        Ok(Dashboard {
            region,
            from: filter.from,
            to: filter.to,
            funnel,
            timings,
            panels,
        })
    }
}

/// Where a panel's figures come from.
#[derive(Clone, Copy)]
pub(crate) enum Source {
    /// The first contacts, from the cohort's milestones.
    Contacts,
    /// The labs running in the period, then the cohort's seats in them.
    Labs,
    /// A query over the cohort's cases.
    Cases(CasePanel),
}

/// A panel of counts by category.
pub(crate) struct PanelSpec {
    pub(crate) panel: &'static str,
    pub(crate) vocabulary: &'static str,
    pub(crate) columns: &'static [&'static str],
    pub(crate) keys: fn() -> Vec<&'static str>,
    pub(crate) source: Source,
}

fn need_areas() -> Vec<&'static str> {
    NeedArea::all().map(NeedArea::as_str).collect()
}

fn placement_kinds() -> Vec<&'static str> {
    PlacementKind::all().map(PlacementKind::as_str).collect()
}

/// The panels of counts, in the order the dashboard shows them.
pub(crate) const PANELS: [PanelSpec; 6] = [
    PanelSpec {
        panel: "contacts",
        vocabulary: "contact_channel",
        columns: &["contacts", "urgent"],
        keys: || ContactChannel::all().map(ContactChannel::as_str).collect(),
        source: Source::Contacts,
    },
    PanelSpec {
        panel: "referrals",
        vocabulary: "need_area",
        columns: &["sent", "accepted", "declined", "late"],
        keys: need_areas,
        source: Source::Cases(CasePanel::Referrals),
    },
    PanelSpec {
        panel: "needs",
        vocabulary: "need_area",
        columns: &["needs", "unmet"],
        keys: need_areas,
        source: Source::Cases(CasePanel::Needs),
    },
    PanelSpec {
        panel: "labs",
        vocabulary: "course_sector",
        columns: &["labs", "enrolled", "completed", "withdrawn"],
        keys: || CourseSector::all().map(CourseSector::as_str).collect(),
        source: Source::Labs,
    },
    PanelSpec {
        panel: "placements",
        vocabulary: "placement_kind",
        columns: &["placements", "ended_early", "converted"],
        keys: placement_kinds,
        source: Source::Cases(CasePanel::Placements),
    },
    PanelSpec {
        panel: "employment_at_six_months",
        vocabulary: "placement_kind",
        columns: &["placements", "six_months_passed", "recorded", "still_employed"],
        keys: placement_kinds,
        source: Source::Cases(CasePanel::EmploymentAtSixMonths),
    },
];

/// The panels of counts by category.
async fn count_panels(
    mut conn: Conn<'_>,
    filter: &CohortFilter,
    contacts: &[Counts],
) -> AppResult<Vec<CountPanel>> {
    let mut panels = Vec::with_capacity(PANELS.len());
    for spec in &PANELS {
        let counts = match spec.source {
            Source::Contacts => contacts.to_vec(),
            Source::Cases(panel) => panel.counts(conn.reborrow(), filter, today()).await?,
            Source::Labs => {
                // The labs' own count and their seats, one row per sector.
                let mut labs = monitoring::labs_by_sector(conn.reborrow(), filter).await?;
                let seats = CasePanel::LabSeats
                    .counts(conn.reborrow(), filter, today())
                    .await?;
                for seats in seats {
                    match labs.iter_mut().find(|lab| lab.key == seats.key) {
                        Some(lab) => (lab.b, lab.c, lab.d) = (seats.b, seats.c, seats.d),
                        None => labs.push(seats),
                    }
                }
                labs
            }
        };
        panels.push(CountPanel::new(
            spec.panel,
            spec.vocabulary,
            spec.columns,
            (spec.keys)().into_iter(),
            &counts,
        ));
    }
    Ok(panels)
}

/// The funnel from the cases counted by furthest step and closing reason:
/// a case that got to a step also got through every step before it.
fn funnel(rows: &[monitoring::FurthestStep]) -> Vec<FunnelStep> {
    Step::all()
        .map(|step| {
            let index = i32::try_from(step.index()).unwrap_or_default();
            let stopped_here = rows.iter().filter(|row| row.furthest == index);
            let mut line = FunnelStep {
                step,
                reached: rows
                    .iter()
                    .filter(|row| row.furthest >= index)
                    .map(|row| row.cases)
                    .sum(),
                waiting: 0,
                dropped_out: 0,
                closed_otherwise: 0,
                goals_met: 0,
            };
            for row in stopped_here {
                let count = match Standing::of(row.closing_reason.as_deref()) {
                    Standing::Waiting => &mut line.waiting,
                    Standing::DroppedOut => &mut line.dropped_out,
                    Standing::GoalsMet => &mut line.goals_met,
                    Standing::ClosedOtherwise => &mut line.closed_otherwise,
                };
                *count += row.cases;
            }
            line
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use monitoring::FurthestStep;
    use soleil_domain::ClosingReason;

    fn row(furthest: Step, reason: Option<ClosingReason>, cases: i64) -> FurthestStep {
        FurthestStep {
            furthest: i32::try_from(furthest.index()).unwrap(),
            closing_reason: reason.map(|r| r.as_str().to_owned()),
            cases,
        }
    }

    #[test]
    fn the_funnel_counts_every_case_at_each_step_it_got_through() {
        let rows = [
            row(Step::Screened, None, 4),
            row(Step::Screened, Some(ClosingReason::NotInScope), 2),
            row(Step::Assessed, Some(ClosingReason::DroppedOut), 1),
            row(Step::PlanAgreed, None, 3),
            row(Step::Outcome, Some(ClosingReason::GoalsMet), 5),
        ];
        let funnel = funnel(&rows);
        let reached: Vec<i64> = funnel.iter().map(|s| s.reached).collect();
        assert_eq!(reached, [15, 9, 8, 8, 5, 5]);
        assert_eq!((funnel[0].waiting, funnel[0].closed_otherwise), (4, 2));
        assert_eq!(funnel[1].dropped_out, 1);
        assert_eq!(funnel[3].waiting, 3);
        assert_eq!((funnel[5].goals_met, funnel[5].closed_otherwise), (5, 0));
    }

    #[test]
    fn the_period_is_twelve_months_unless_said() {
        let to = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let query = DashboardQuery {
            to: Some(to),
            ..DashboardQuery::default()
        };
        assert_eq!(
            query.period().unwrap(),
            (NaiveDate::from_ymd_opt(2025, 11, 24).unwrap(), to)
        );
        let backwards = DashboardQuery {
            from: Some(to),
            to: to.pred_opt(),
            ..DashboardQuery::default()
        };
        assert!(backwards.period().is_err());
    }
}

/// A region's target for one step.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct StepTarget {
    pub step: Step,
    /// The most days the step should take, from the step before it.
    pub days: Option<i32>,
    /// SOLEIL's default, for comparison.
    pub default_days: Option<i32>,
}

/// A region's targets, step by step.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct RegionTargets {
    pub region: RegionCode,
    /// Every step after the screening, in order.
    pub targets: Vec<StepTarget>,
}

/// New targets for some steps of a region.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct TargetsInput {
    pub targets: Vec<TargetInput>,
}

#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct TargetInput {
    pub step: Step,
    /// 1 to 3650; null to go back to SOLEIL's default.
    #[schema(minimum = 1, maximum = 3650)]
    pub days: Option<i32>,
}

/// Which region's targets: admins and network coordinators name it.
#[derive(Debug, Clone, Copy, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TargetsQuery {
    pub region: Option<RegionCode>,
}

impl App {
    /// Loads the in-memory copy of the cases' milestones the dashboards
    /// count from: a server does it as it starts.
    pub async fn prepare_monitoring(&self) -> AppResult<()> {
        Ok(monitoring::refresh_copy(&self.store).await?)
    }

    /// A region's target for every step after the screening.
    pub async fn step_targets(&self, actor: &User, query: TargetsQuery) -> AppResult<RegionTargets> {
        authorize(actor, Operation::ReadMonitoring)?;
        let region = targets_region(actor, query)?;
        let mut handle = self.store.handle().await?;
        let targets = targets(handle.conn()).await?;
        let targets = Step::all()
            .skip(1)
            .map(|step| StepTarget {
                step,
                days: targets.days(region, step),
                default_days: default_target_days(step),
            })
            .collect();
        Ok(RegionTargets { region, targets })
    }

    /// Sets some of a region's targets (its coordinators, or admins).
    pub async fn set_step_targets(
        &self,
        actor: &User,
        query: TargetsQuery,
        input: &TargetsInput,
    ) -> AppResult<RegionTargets> {
        authorize(actor, Operation::ManageTargets)?;
        let region = targets_region(actor, query)?;
        let mut invalid = Invalid::new();
        for (i, target) in input.targets.iter().enumerate() {
            if target.step == Step::Screened {
                invalid.add(&format!("targets[{i}].step"), "no_target_for_step");
            } else if target.days.is_some_and(|days| !Targets::RANGE.contains(&days)) {
                invalid.add(&format!("targets[{i}].days"), "target_out_of_range");
            }
        }
        invalid.into_result(())?;
        let mut tx = self.store.begin().await?;
        let now = crate::clock::now();
        for target in &input.targets {
            match target.days {
                Some(days) => {
                    monitoring::set_step_target(tx.conn(), region, target.step, days, actor.id, now).await?;
                }
                None => monitoring::clear_step_target(tx.conn(), region, target.step).await?,
            }
        }
        let detail = input
            .targets
            .iter()
            .map(|t| match t.days {
                Some(days) => format!("{} {days} days", t.step.as_str()),
                None => format!("{} default", t.step.as_str()),
            })
            .collect::<Vec<_>>()
            .join(", ");
        let subject = crate::audit::Subject::new("step_targets", region.as_str(), region);
        crate::audit::record(
            &mut tx,
            actor,
            soleil_domain::AuditAction::Update,
            subject,
            Some(detail),
        )
        .await?;
        tx.commit().await?;
        self.step_targets(actor, TargetsQuery { region: Some(region) })
            .await
    }
}

/// Every region's targets, as set or by default.
pub(crate) async fn targets(conn: Conn<'_>) -> AppResult<Targets> {
    Ok(Targets::new(monitoring::step_targets(conn).await?))
}

/// The region whose targets are read or set: one's own, or the one named.
fn targets_region(actor: &User, query: TargetsQuery) -> AppResult<RegionCode> {
    statistics_region(actor, query.region)?.ok_or_else(|| Invalid::single("region", "required").into())
}
