//! The time the use cases record things at: now, except while the demo
//! replays a story as of the days it happened, so that the demo's timelines
//! (and the monitoring figures computed from them) span months as real
//! ones do. Only the demo sets it, for the task that plays the story.

use chrono::{DateTime, Utc};

tokio::task_local! {
    static REPLAYED: DateTime<Utc>;
}

/// The time to record: the replayed one in a replay, else now.
pub(crate) fn now() -> DateTime<Utc> {
    REPLAYED.try_with(|at| *at).unwrap_or_else(|_| Utc::now())
}

/// Runs `work` as of `at`: every use case it calls records that time.
pub(crate) async fn replay<F: std::future::Future>(at: DateTime<Utc>, work: F) -> F::Output {
    REPLAYED.scope(at, work).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_replay_sets_the_time_for_its_work_only() {
        let then = DateTime::parse_from_rfc3339("2026-03-02T09:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(replay(then, async { now() }).await, then);
        assert!(now() > then);
    }
}
