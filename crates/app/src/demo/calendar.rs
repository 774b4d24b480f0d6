//! When the demo's stories happened. Each story's steps are played as of
//! their own days (see `crate::clock`), so that its timeline spans weeks
//! and months and the monitoring figures show real times between steps.
//! The days are drawn from a seed of their own: the people stay as they were.

use chrono::{DateTime, Duration, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// The days a story's steps happened on, each after the one before and none
/// after the calendar's latest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Timeline {
    pub(super) reported: DateTime<Utc>,
    /// Triage, the assessment and the opening of the path.
    pub(super) assessed: DateTime<Utc>,
    /// The plan drafted, submitted and reviewed.
    pub(super) planned: DateTime<Utc>,
    pub(super) agreed: DateTime<Utc>,
    pub(super) included: DateTime<Utc>,
    /// Actions carried out, and the case closed if its story ends so.
    pub(super) closed: DateTime<Utc>,
}

pub(super) struct Calendar {
    rng: StdRng,
    now: DateTime<Utc>,
    /// How many days ago the first contacts were made, at most and at least.
    reported_days_ago: (i64, i64),
    latest: DateTime<Utc>,
}

impl Calendar {
    /// Contacts over the last nine and a half months (after any cohort's,
    /// see [`Calendar::before`]), the steps after them until now.
    pub(super) fn recent(seed: u64) -> Self {
        let now = crate::clock::now();
        Self {
            rng: StdRng::seed_from_u64(seed),
            now,
            reported_days_ago: (290, 10),
            latest: now - Duration::hours(1),
        }
    }

    /// Contacts between two and one month before `days_ago`, every step
    /// done by then: for a cohort whose labs begin that many days ago.
    pub(super) fn before(seed: u64, days_ago: i64) -> Self {
        let now = crate::clock::now();
        Self {
            rng: StdRng::seed_from_u64(seed),
            now,
            reported_days_ago: (days_ago + 60, days_ago + 30),
            latest: now - Duration::days(days_ago),
        }
    }

    pub(super) fn draw(&mut self) -> Timeline {
        let (most, least) = self.reported_days_ago;
        let days_ago = self.rng.gen_range(least..=most);
        // Office hours: between 8:00 and 17:00.
        let minutes = self.rng.gen_range(8 * 60..17 * 60);
        let midnight = (self.now - Duration::days(days_ago))
            .date_naive()
            .and_time(chrono::NaiveTime::MIN)
            .and_utc();
        let reported = (midnight + Duration::minutes(minutes)).min(self.latest);
        let mut after = |from: DateTime<Utc>, days: (i64, i64)| {
            let later = from + Duration::days(self.rng.gen_range(days.0..=days.1)) + Duration::minutes(30);
            later.min(self.latest).max(from)
        };
        let assessed = after(reported, (0, 12));
        let planned = after(assessed, (1, 10));
        let agreed = after(planned, (3, 25));
        let included = after(agreed, (1, 8));
        let closed = after(included, (20, 120));
        Timeline {
            reported,
            assessed,
            planned,
            agreed,
            included,
            closed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_follow_each_other_and_end_by_the_latest() {
        let mut calendar = Calendar::recent(7);
        for _ in 0..200 {
            let t = calendar.draw();
            let steps = [t.reported, t.assessed, t.planned, t.agreed, t.included, t.closed];
            assert!(steps.windows(2).all(|pair| pair[0] <= pair[1]), "{t:?}");
            assert!(t.closed <= calendar.latest);
            assert!(t.reported >= calendar.now - Duration::days(291));
        }
        let mut cohort = Calendar::before(7, 280);
        let t = cohort.draw();
        assert!(t.included <= cohort.now - Duration::days(280));
        assert!(t.reported <= cohort.now - Duration::days(300));
    }
}
