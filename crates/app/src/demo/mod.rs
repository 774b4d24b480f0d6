//! The demo network that `soleil demo` loads: organisations and users in the
//! five partner regions, and about two hundred people at every stage of the
//! pathway.
//!
//! Nothing here writes to the store directly. Every person, screening, case,
//! plan and review goes through the same use cases a user's click would call,
//! acting as the demo user whose role and region the policy asks for, so the
//! timelines, the audit log and the monitoring figures are the real ones.
//!
//! The people are drawn from a seeded generator: every load produces the same
//! names, ages, workplaces and stories. Their stories are planned first, as
//! plain data ([`stories`](fn@stories)), and only then played through the
//! use cases.
//!
//! The tables and the generator are split by what they describe: `network`
//! (organisations and accounts), `people` (origins, names, ages), `regions`
//! (how each region is filled, and where people work), `screening` (what
//! frontline operators write), `casework` (what the secretariat and the case
//! managers write), `needs` (the needs of a plan), `stories` (each person's
//! path) and `play` (the paths played through the use cases); `draw` holds
//! the seeded picks they share.

mod calendar;
mod casework;
mod directory;
mod documents;
mod draw;
mod duplicates;
mod inclusion;
mod needs;
mod network;
mod participants;
mod people;
mod places;
mod play;
mod referrals;
mod regions;
mod screening;
mod stories;
#[cfg(test)]
mod tests;

use std::time::Instant;

use rand::SeedableRng;
use rand::rngs::StdRng;
use soleil_domain::{CaseState, RegionCode, Role};
use soleil_store::network::{OrganisationFilter, UserFilter};
use soleil_store::{Page, Scope, cases, persons};

use self::calendar::Calendar;
use self::network::demo_accounts;
use self::play::Cast;
use self::stories::{inclusion_cohort, stories};
use crate::{App, AppResult};

/// The password of every demo account. The demo is for showing, never for
/// real data: anyone who reads this file can sign in.
pub const DEMO_PASSWORD: &str = "soleil-demo";
/// The e-mail domain of every demo account.
pub const DEMO_DOMAIN: &str = "demo.soleil.local";

/// What a load of the demo left in the database.
#[derive(Debug, Clone)]
pub struct DemoSummary {
    pub organisations: usize,
    pub users: usize,
    pub persons: usize,
    /// Every case state, in pathway order, with how many cases are in it.
    pub cases_by_state: Vec<(CaseState, usize)>,
    /// The demo accounts (e-mail and role); all share [`DEMO_PASSWORD`].
    pub accounts: Vec<(String, Role)>,
    /// The demo was there already: nothing was added, and the counts are
    /// those of the whole database.
    pub already_loaded: bool,
}

/// Seed of the people generator; change it and every demo person changes.
const SEED: u64 = 0x5013_11de_2026;
/// Seed of the Abruzzo inclusion cohort's people.
const COHORT_SEED: u64 = 0x5013_11de_0abe;
/// Seed of the days the stories happened on.
const CALENDAR_SEED: u64 = 0x5013_11de_0da7;

impl App {
    /// Loads the demo network, once. If `admin@demo.soleil.local` exists the
    /// demo is there already and nothing is added. The admin is created last,
    /// so it exists only after a complete load; a load that failed half-way
    /// leaves its organisations behind, and the next one stops on them
    /// (`organisation_exists`) rather than adding a second, partial copy.
    pub async fn load_demo(&self) -> AppResult<DemoSummary> {
        let started = Instant::now();
        if self.demo_loaded().await? {
            return self.database_summary().await;
        }
        let organisations = self.create_demo_organisations().await?;
        let staff = self.create_demo_staff(&organisations).await?;
        let mut users = staff.len();
        let casts = Cast::of_every_region(&organisations, staff);
        let mut rng = StdRng::seed_from_u64(SEED);
        let stories = stories(&mut rng);
        let mut reached = self
            .play_all(&casts, &stories, &mut Calendar::recent(CALENDAR_SEED))
            .await?;
        // The Abruzzo inclusion cohort, from its own seed so that the other
        // people stay as they were, and its nine-month cycle: in inclusion
        // before its first lab.
        let cohort = inclusion_cohort(&mut StdRng::seed_from_u64(COHORT_SEED));
        let days_ago = i64::try_from(inclusion::first_lab_days_ago()).unwrap_or_default();
        let mut before_the_labs = Calendar::before(CALENDAR_SEED, days_ago);
        reached.extend(self.play_all(&casts, &cohort, &mut before_the_labs).await?);
        let cycle = self.create_demo_inclusion(&cohort).await?;
        let duplicates = self.record_demo_duplicates(&stories).await?;
        users += cycle.users;
        users += self.create_network_accounts().await?;
        self.create_demo_places(&organisations).await?;
        self.create_demo_directory(&organisations).await?;
        self.create_demo_referrals().await?;
        self.create_demo_documents().await?;
        let cases_by_state = CaseState::all()
            .map(|state| (state, reached.iter().filter(|s| **s == state).count()))
            .collect();
        tracing::info!(
            persons = stories.len() + cohort.len(),
            elapsed_ms = started.elapsed().as_millis(),
            "demo network loaded"
        );
        Ok(DemoSummary {
            organisations: organisations.len() + cycle.organisations,
            users,
            persons: stories.len() + cohort.len() + duplicates,
            cases_by_state,
            accounts: demo_accounts(),
            already_loaded: false,
        })
    }

    /// What the database holds now, for a demo that was loaded before.
    async fn database_summary(&self) -> AppResult<DemoSummary> {
        let count = |n: i64| usize::try_from(n).unwrap_or(0);
        let one = Page::new(0, 1);
        let mut handle = self.store.handle().await?;
        let (_, organisations) =
            soleil_store::network::organisations(handle.conn(), &OrganisationFilter::default(), one).await?;
        let (_, users) = soleil_store::network::users(handle.conn(), &UserFilter::default(), one).await?;
        let mut persons = 0;
        for region in RegionCode::all() {
            persons += count(
                persons::list(handle.conn(), Scope::Region(region), None, one)
                    .await?
                    .1,
            );
        }
        let by_state = cases::count_by_state(handle.conn(), None).await?;
        let cases_by_state = CaseState::all()
            .map(|state| {
                let n = by_state.iter().find(|(s, _)| *s == state).map_or(0, |(_, n)| *n);
                (state, count(n))
            })
            .collect();
        Ok(DemoSummary {
            organisations: count(organisations),
            users: count(users),
            persons,
            cases_by_state,
            accounts: demo_accounts(),
            already_loaded: true,
        })
    }
}
