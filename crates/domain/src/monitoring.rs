//! Monitoring: the referral chain as the steps a case reaches, and the
//! figures computed over them (how many reach each step, how long each step
//! takes, where people drop out).
//!
//! Nothing here is typed in: a case reaches a step when its timeline records
//! the event that marks it ([`Step::reached_by`]), and every figure is
//! computed from those dates. Times are counted in whole days, the unit the
//! regions set their targets in.

use chrono::NaiveDate;

use crate::case::{CaseEventKind, CaseState, ClosingReason};

crate::text_enum! {
    /// The steps of the referral chain, in the order a case reaches them.
    Step {
        /// The screening reached the secretariat: the case exists.
        Screened,
        /// The secretariat recorded its assessment.
        Assessed,
        /// Emergency protection or a personalised path began.
        TakenInCharge,
        /// The person agreed to their personalised plan.
        PlanAgreed,
        /// The inclusion phase began: labs, measures, work.
        InInclusion,
        /// A work placement began, or the case closed with its goals met.
        Outcome,
    }
}

impl Step {
    /// The step a case event marks as reached, if any. The timeline writes
    /// the event; the monitoring tables keep the first date of each step.
    pub fn reached_by(kind: CaseEventKind, to_state: Option<CaseState>, code: Option<&str>) -> Option<Self> {
        match (kind, to_state) {
            (CaseEventKind::Reported, _) => Some(Self::Screened),
            (CaseEventKind::Assessment, _) => Some(Self::Assessed),
            (CaseEventKind::Transition, Some(CaseState::Emergency | CaseState::Planning)) => {
                Some(Self::TakenInCharge)
            }
            (CaseEventKind::AgreementRecorded, _) => Some(Self::PlanAgreed),
            (CaseEventKind::Transition, Some(CaseState::Inclusion)) => Some(Self::InInclusion),
            (CaseEventKind::WorkPlacementStarted, _) => Some(Self::Outcome),
            (CaseEventKind::Transition, Some(CaseState::Closed))
                if code == Some(ClosingReason::GoalsMet.as_str()) =>
            {
                Some(Self::Outcome)
            }
            _ => None,
        }
    }

    /// The step after this one, if any.
    pub fn next(self) -> Option<Self> {
        Self::all().skip_while(|step| *step != self).nth(1)
    }

    /// The step's place in the chain, from 0.
    pub fn index(self) -> usize {
        Self::all().position(|step| step == self).unwrap_or_default()
    }

    /// The number of steps.
    pub const COUNT: usize = 6;
}

crate::text_enum! {
    /// Where a case that got no further than a step stands: still open
    /// there, or closed, and why.
    Standing {
        Waiting,
        DroppedOut,
        ClosedOtherwise,
        GoalsMet,
    }
}

impl Standing {
    /// The standing of a case closed for `reason` (open when none).
    pub fn of(reason: Option<&str>) -> Self {
        match reason {
            None => Self::Waiting,
            Some(reason) if reason == ClosingReason::DroppedOut.as_str() => Self::DroppedOut,
            Some(reason) if reason == ClosingReason::GoalsMet.as_str() => Self::GoalsMet,
            Some(_) => Self::ClosedOtherwise,
        }
    }
}

crate::text_enum! {
    /// Age at the first contact, in the bands of the ESF+ indicators.
    AgeBand {
        Under18,
        From18To29,
        From30To54,
        From55,
    }
}

impl AgeBand {
    /// The band of someone born on `born`, on `day`.
    pub fn at(born: NaiveDate, day: NaiveDate) -> Option<Self> {
        let age = day.years_since(born)?;
        Some(match age {
            0..=17 => Self::Under18,
            18..=29 => Self::From18To29,
            30..=54 => Self::From30To54,
            _ => Self::From55,
        })
    }

    /// The ages the band holds, as `(youngest, oldest)`; the oldest band has no end.
    pub fn ages(self) -> (u32, Option<u32>) {
        match self {
            Self::Under18 => (0, Some(17)),
            Self::From18To29 => (18, Some(29)),
            Self::From30To54 => (30, Some(54)),
            Self::From55 => (55, None),
        }
    }
}

/// Days since 1970-01-01: how the monitoring tables store the day a step was
/// reached, so that a step's length is a subtraction on both databases.
pub fn epoch_day(day: NaiveDate) -> i32 {
    i32::try_from((day - NaiveDate::default()).num_days()).unwrap_or(i32::MAX)
}

/// The day an [`epoch_day`] stands for.
pub fn from_epoch_day(days: i32) -> NaiveDate {
    NaiveDate::default() + chrono::Duration::days(i64::from(days))
}

/// How many cases took how many days over one step: the distribution the
/// median and the 90th percentile are read from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Durations {
    /// `(days, cases)`, by days.
    counts: Vec<(i32, u64)>,
}

impl Durations {
    /// The distribution of some `(days, cases)` pairs, in any order.
    pub fn from_counts(pairs: impl IntoIterator<Item = (i32, u64)>) -> Self {
        let mut counts: Vec<(i32, u64)> = Vec::new();
        let mut pairs: Vec<(i32, u64)> = pairs.into_iter().filter(|(_, n)| *n > 0).collect();
        pairs.sort_unstable();
        for (days, n) in pairs {
            match counts.last_mut() {
                Some((last, total)) if *last == days => *total += n,
                _ => counts.push((days, n)),
            }
        }
        Self { counts }
    }

    /// How many cases the distribution holds.
    pub fn cases(&self) -> u64 {
        self.counts.iter().map(|(_, n)| n).sum()
    }

    /// The nearest-rank percentile: the fewest days within which at least
    /// `percent`% of the cases took the step. None with no cases.
    pub fn percentile(&self, percent: u32) -> Option<i32> {
        let cases = self.cases();
        if cases == 0 {
            return None;
        }
        // The rank is ceil(percent × cases / 100), at least 1.
        let rank = (u64::from(percent.min(100)) * cases).div_ceil(100).max(1);
        let mut seen = 0;
        self.counts.iter().find_map(|(days, n)| {
            seen += n;
            (seen >= rank).then_some(*days)
        })
    }

    pub fn median(&self) -> Option<i32> {
        self.percentile(50)
    }

    pub fn p90(&self) -> Option<i32> {
        self.percentile(90)
    }

    /// How many cases took the step within `days`.
    pub fn within(&self, days: i32) -> u64 {
        self.counts
            .iter()
            .filter(|(d, _)| *d <= days)
            .map(|(_, n)| n)
            .sum()
    }
}

/// The days each region wants each step to take at most: what it set, or
/// the defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Targets {
    set: std::collections::HashMap<(crate::RegionCode, Step), i32>,
}

impl Targets {
    pub fn new(set: impl IntoIterator<Item = (crate::RegionCode, Step, i32)>) -> Self {
        Self {
            set: set
                .into_iter()
                .map(|(region, step, days)| ((region, step), days))
                .collect(),
        }
    }

    /// The most days `step` should take in `region`.
    pub fn days(&self, region: crate::RegionCode, step: Step) -> Option<i32> {
        self.set
            .get(&(region, step))
            .copied()
            .or_else(|| default_target_days(step))
    }

    /// The target every region shares for `step`, if they share one.
    pub fn common(&self, step: Step) -> Option<i32> {
        let mut days = crate::RegionCode::all().map(|region| self.days(region, step));
        let first = days.next().flatten();
        days.all(|d| d == first).then_some(first).flatten()
    }

    /// Days a step may be given as a target: at least one, at most ten years.
    pub const RANGE: std::ops::RangeInclusive<i32> = 1..=3650;
}

/// The days each step should take at most, unless a region sets its own:
/// from the step before it to this one.
pub fn default_target_days(step: Step) -> Option<i32> {
    match step {
        Step::Screened => None,
        // The secretariat assesses within a week of the screening.
        Step::Assessed => Some(7),
        // Protection or a case manager within two weeks of the assessment.
        Step::TakenInCharge => Some(14),
        Step::PlanAgreed => Some(30),
        Step::InInclusion => Some(30),
        // A placement or the goals met within six months of inclusion.
        Step::Outcome => Some(180),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn events_mark_the_steps_they_reach() {
        use CaseEventKind as K;
        assert_eq!(Step::reached_by(K::Reported, None, None), Some(Step::Screened));
        assert_eq!(
            Step::reached_by(K::Assessment, None, Some("personalised_path")),
            Some(Step::Assessed)
        );
        for to in [CaseState::Emergency, CaseState::Planning] {
            assert_eq!(
                Step::reached_by(K::Transition, Some(to), None),
                Some(Step::TakenInCharge)
            );
        }
        assert_eq!(
            Step::reached_by(K::Transition, Some(CaseState::PlanReview), None),
            None
        );
        assert_eq!(
            Step::reached_by(K::AgreementRecorded, None, None),
            Some(Step::PlanAgreed)
        );
        assert_eq!(
            Step::reached_by(K::Transition, Some(CaseState::Inclusion), None),
            Some(Step::InInclusion)
        );
        assert_eq!(
            Step::reached_by(K::WorkPlacementStarted, None, Some("internship")),
            Some(Step::Outcome)
        );
        assert_eq!(
            Step::reached_by(K::Transition, Some(CaseState::Closed), Some("goals_met")),
            Some(Step::Outcome)
        );
        assert_eq!(
            Step::reached_by(K::Transition, Some(CaseState::Closed), Some("dropped_out")),
            None
        );
        assert_eq!(Step::reached_by(K::ReferralSent, None, None), None);
    }

    #[test]
    fn steps_follow_each_other() {
        assert_eq!(Step::Screened.next(), Some(Step::Assessed));
        assert_eq!(Step::InInclusion.next(), Some(Step::Outcome));
        assert_eq!(Step::Outcome.next(), None);
        assert_eq!(Step::Outcome.index(), Step::COUNT - 1);
        assert_eq!(Step::all().count(), Step::COUNT);
    }

    #[test]
    fn age_bands_are_those_of_the_esf_indicators() {
        let on = day(2026, 6, 1);
        assert_eq!(AgeBand::at(day(2008, 6, 2), on), Some(AgeBand::Under18));
        assert_eq!(AgeBand::at(day(2008, 6, 1), on), Some(AgeBand::From18To29));
        assert_eq!(AgeBand::at(day(1996, 6, 2), on), Some(AgeBand::From18To29));
        assert_eq!(AgeBand::at(day(1996, 6, 1), on), Some(AgeBand::From30To54));
        assert_eq!(AgeBand::at(day(1971, 6, 1), on), Some(AgeBand::From55));
        assert_eq!(AgeBand::at(day(2027, 1, 1), on), None);
    }

    #[test]
    fn epoch_days_count_from_1970() {
        assert_eq!(epoch_day(day(1970, 1, 1)), 0);
        assert_eq!(epoch_day(day(1970, 2, 1)), 31);
        assert_eq!(from_epoch_day(epoch_day(day(2026, 11, 23))), day(2026, 11, 23));
    }

    #[test]
    fn percentiles_are_read_by_nearest_rank() {
        // 1, 2, 2, 3, 10 days.
        let durations = Durations::from_counts([(2, 1), (1, 1), (10, 1), (3, 1), (2, 1)]);
        assert_eq!(durations.cases(), 5);
        assert_eq!(durations.median(), Some(2));
        assert_eq!(durations.p90(), Some(10));
        assert_eq!(durations.percentile(20), Some(1));
        assert_eq!(durations.percentile(40), Some(2));
        assert_eq!(durations.percentile(0), Some(1));
        assert_eq!(durations.within(2), 3);
        // Ten cases: the 90th percentile is the 9th.
        let ten = Durations::from_counts((1..=10).map(|d| (d, 1)));
        assert_eq!((ten.median(), ten.p90()), (Some(5), Some(9)));
        assert_eq!(Durations::default().median(), None);
        assert_eq!(Durations::from_counts([(4, 0)]).cases(), 0);
    }
}
