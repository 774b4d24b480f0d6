//! The cohort's figures, in memory.
//!
//! The funnel, the time between steps and the first contacts read every
//! case that entered the chain in the period: for a region with a million
//! cases, aggregate queries over `case_milestones` took seconds. So each
//! process keeps a compact copy of the table and brings it up to date, before
//! each count, from the rows stamped with a revision newer than its own
//! (see `0017_monitoring_revision.sql`): whoever has just moved a case sees
//! it counted at once, and servers sharing one PostgreSQL database see each
//! other's changes. Counting is then one pass over the copy.

use std::sync::{PoisonError, RwLock};

use rustc_hash::FxHashMap as HashMap;
use soleil_domain::monitoring::{Durations, Standing, Step, Targets, epoch_day};
use soleil_domain::{CaseId, ContactChannel, OrganisationId, RegionCode};

use super::{CohortFilter, Counts, FurthestStep};
use crate::{Conn, Result, Store, on};

/// The figures of a cohort that its milestones give.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CohortFigures {
    /// How far the cases got, by closing reason.
    pub furthest: Vec<FurthestStep>,
    /// For each step after the screening, in order: the days it took from
    /// the step before, for the cases that reached both.
    pub durations: Vec<(Step, Durations)>,
    /// For each step after the screening, in order: of those cases, how
    /// many took no more than their region's target.
    pub within_target: Vec<u64>,
    /// First contacts by channel: (contacts, of which in danger or with
    /// urgent health needs).
    pub contacts: Vec<Counts>,
}

/// The figures of the cases that entered the chain in the filter's period
/// and match it, from this process's copy brought up to date first.
pub async fn cohort_figures(
    store: &Store,
    conn: Conn<'_>,
    filter: &CohortFilter,
    targets: &Targets,
) -> Result<CohortFigures> {
    let copy = store.milestone_copy();
    copy.refresh(conn).await?;
    Ok(copy.figures(filter, targets))
}

/// Which of a cohort's cases a figure of the funnel, the step times or the
/// first contacts counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CohortFigure {
    /// Got at least as far as the step.
    Reached(Step),
    /// Got no further than the step, and stand there so.
    StoppedAt(Step, Standing),
    /// Reached the step and the one before it.
    Took(Step),
    /// Took the step within their region's target.
    WithinTarget(Step),
    /// Took the step, and longer than their region's target.
    OverTarget(Step),
    /// First contacts through a channel.
    Contacts(ContactChannel),
    /// Of those, the ones in danger or with urgent health needs.
    UrgentContacts(ContactChannel),
}

/// The cases a figure of the cohort counts, the latest to enter the chain
/// first, from this process's copy brought up to date first.
pub async fn cohort_cases(
    store: &Store,
    conn: Conn<'_>,
    filter: &CohortFilter,
    targets: &Targets,
    figure: CohortFigure,
) -> Result<Vec<CaseId>> {
    let copy = store.milestone_copy();
    copy.refresh(conn).await?;
    Ok(copy.read().cases(filter, targets, figure))
}

/// Brings this process's copy up to date: what a server does as it starts,
/// so that its first dashboard does not wait for the whole table.
pub async fn refresh_copy(store: &Store) -> Result<()> {
    let mut handle = store.handle().await?;
    store.milestone_copy().refresh(handle.conn()).await
}

/// The copy a process keeps, and the one refresh allowed at a time.
#[derive(Default)]
pub(crate) struct MilestoneCopy {
    rows: RwLock<Rows>,
    refreshing: tokio::sync::Mutex<()>,
}

impl MilestoneCopy {
    /// Applies the rows changed since the copy's revision, if the
    /// database's has moved past it.
    async fn refresh(&self, mut conn: Conn<'_>) -> Result<()> {
        let revision = on!(conn.reborrow(), c => sqlx::query_scalar(
            "SELECT revision FROM monitoring_revision WHERE id = 1").fetch_one(c).await)?;
        if self.revision() >= revision {
            return Ok(());
        }
        let _turn = self.refreshing.lock().await;
        // Another count may have refreshed it while this one waited.
        let mut after = (self.revision(), CaseId(uuid::Uuid::nil()));
        if after.0 >= revision {
            return Ok(());
        }
        let mut newest = revision;
        loop {
            let page = changed_since(conn.reborrow(), after).await?;
            let Some(last) = page.last() else { break };
            after = (last.revision, last.case_id);
            newest = newest.max(last.revision);
            let last_page = page.len() < PAGE;
            self.write().apply(page);
            if last_page {
                break;
            }
        }
        self.write().revision = newest;
        Ok(())
    }

    fn revision(&self) -> i64 {
        self.read().revision
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Rows> {
        self.rows.write().unwrap_or_else(PoisonError::into_inner)
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Rows> {
        self.rows.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn figures(&self, filter: &CohortFilter, targets: &Targets) -> CohortFigures {
        self.read().figures(filter, targets)
    }
}

/// Rows read from the database at a time while refreshing.
const PAGE: usize = 20_000;

/// A row of `case_milestones` as stored.
#[derive(sqlx::FromRow)]
struct Stored {
    case_id: CaseId,
    region: String,
    organisation_id: OrganisationId,
    sector: String,
    nationality: Option<String>,
    sex: Option<String>,
    age_band: Option<String>,
    contact_channel: Option<String>,
    urgent: bool,
    screened_on: i32,
    assessed_on: Option<i32>,
    taken_in_charge_on: Option<i32>,
    plan_agreed_on: Option<i32>,
    in_inclusion_on: Option<i32>,
    outcome_on: Option<i32>,
    closing_reason: Option<String>,
    revision: i64,
}

/// The rows stamped after `(revision, case)`, in that order.
async fn changed_since(conn: Conn<'_>, (revision, case): (i64, CaseId)) -> Result<Vec<Stored>> {
    let limit = i64::try_from(PAGE).unwrap_or(i64::MAX);
    Ok(on!(conn, c => sqlx::query_as(
        "SELECT case_id, region, organisation_id, sector, nationality, sex, age_band, contact_channel, urgent,
                screened_on, assessed_on, taken_in_charge_on, plan_agreed_on, in_inclusion_on, outcome_on,
                closing_reason, revision
         FROM case_milestones
         WHERE (revision, case_id) > ($1, $2)
         ORDER BY revision, case_id LIMIT $3")
        .bind(revision).bind(case).bind(limit).fetch_all(c).await)?)
}

/// The columns of a row that hold text, each coded by its own [`Codes`].
#[derive(Clone, Copy)]
enum Key {
    Region,
    Organisation,
    Sector,
    Nationality,
    Sex,
    AgeBand,
    Channel,
    ClosingReason,
}

const KEYS: usize = 8;

/// A step not reached.
const NOT_REACHED: i32 = i32::MIN;

/// One case, compact.
#[derive(Clone, Copy)]
struct Row {
    /// A code of each [`Key`]'s [`Codes`]; 0 for none.
    keys: [u32; KEYS],
    urgent: bool,
    /// The epoch day each step was reached, in the order of [`Step`].
    days: [i32; Step::COUNT],
}

impl Row {
    fn key(&self, key: Key) -> u32 {
        self.keys[key as usize]
    }

    /// The index of the furthest step reached.
    fn furthest(&self) -> usize {
        self.days.iter().rposition(|day| *day != NOT_REACHED).unwrap_or(0)
    }

    /// The days from the step before the one at `index` to it, if the case
    /// reached both.
    fn took(&self, index: usize) -> Option<i32> {
        let (before, after) = (*self.days.get(index.checked_sub(1)?)?, *self.days.get(index)?);
        (before != NOT_REACHED && after != NOT_REACHED).then(|| after - before)
    }
}

/// The texts of one column as small numbers, from 1.
#[derive(Default)]
struct Codes {
    codes: HashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Codes {
    fn code(&mut self, text: Option<&str>) -> u32 {
        let Some(text) = text else { return 0 };
        if let Some(code) = self.codes.get(text) {
            return *code;
        }
        self.names.push(text.into());
        let code = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.codes.insert(text.into(), code);
        code
    }

    fn find(&self, text: &str) -> Option<u32> {
        self.codes.get(text).copied()
    }

    fn name(&self, code: u32) -> Option<&str> {
        let index = usize::try_from(code).ok()?.checked_sub(1)?;
        self.names.get(index).map(AsRef::as_ref)
    }

    /// How many codes there are, 0 included.
    fn len(&self) -> usize {
        self.names.len() + 1
    }
}

/// The copy: every case once, and the revision it reflects.
struct Rows {
    revision: i64,
    rows: Vec<Row>,
    /// The case of each row, in the same order.
    cases: Vec<CaseId>,
    by_case: HashMap<CaseId, usize>,
    codes: [Codes; KEYS],
}

impl Default for Rows {
    fn default() -> Self {
        Self {
            // Below every row's revision: the first refresh reads them all.
            revision: -1,
            rows: Vec::new(),
            cases: Vec::new(),
            by_case: HashMap::default(),
            codes: Default::default(),
        }
    }
}

impl Rows {
    fn apply(&mut self, stored: Vec<Stored>) {
        for s in stored {
            let organisation = s.organisation_id.0.to_string();
            let texts = [
                Some(s.region.as_str()),
                Some(organisation.as_str()),
                Some(s.sector.as_str()),
                s.nationality.as_deref(),
                s.sex.as_deref(),
                s.age_band.as_deref(),
                s.contact_channel.as_deref(),
                s.closing_reason.as_deref(),
            ];
            let mut keys = [0; KEYS];
            for ((key, text), codes) in keys.iter_mut().zip(texts).zip(&mut self.codes) {
                *key = codes.code(text);
            }
            let day = |day: Option<i32>| day.unwrap_or(NOT_REACHED);
            let row = Row {
                keys,
                urgent: s.urgent,
                days: [
                    s.screened_on,
                    day(s.assessed_on),
                    day(s.taken_in_charge_on),
                    day(s.plan_agreed_on),
                    day(s.in_inclusion_on),
                    day(s.outcome_on),
                ],
            };
            match self.by_case.get(&s.case_id) {
                Some(&at) => self.rows[at] = row,
                None => {
                    self.by_case.insert(s.case_id, self.rows.len());
                    self.rows.push(row);
                    self.cases.push(s.case_id);
                }
            }
        }
    }

    fn figures(&self, filter: &CohortFilter, targets: &Targets) -> CohortFigures {
        let Some(wanted) = self.wanted(filter) else {
            return CohortFigures {
                durations: Step::all()
                    .skip(1)
                    .map(|step| (step, Durations::default()))
                    .collect(),
                within_target: vec![0; Step::COUNT - 1],
                ..CohortFigures::default()
            };
        };
        let region_targets = self.region_targets(targets);
        let mut within_target = vec![0_u64; Step::COUNT - 1];
        let closings = self.codes[Key::ClosingReason as usize].len();
        let channels = self.codes[Key::Channel as usize].len();
        let mut furthest = vec![[0_i64; Step::COUNT]; closings];
        let mut took: Vec<DayCounts> = (1..Step::COUNT).map(|_| DayCounts::default()).collect();
        let mut contacts = vec![(0_i64, 0_i64); channels];
        for row in self.rows.iter().filter(|row| wanted.matches(row)) {
            furthest[row.key(Key::ClosingReason) as usize][row.furthest()] += 1;
            let target = &region_targets[row.key(Key::Region) as usize];
            for (i, took) in took.iter_mut().enumerate() {
                if let Some(days) = row.took(i + 1) {
                    took.add(days);
                    if target[i + 1].is_some_and(|most| days <= most) {
                        within_target[i] += 1;
                    }
                }
            }
            let contact = &mut contacts[row.key(Key::Channel) as usize];
            contact.0 += 1;
            contact.1 += i64::from(row.urgent);
        }
        let closing_names = &self.codes[Key::ClosingReason as usize];
        let furthest = furthest
            .iter()
            .enumerate()
            .flat_map(|(code, by_step)| {
                let reason = u32::try_from(code).ok().and_then(|c| closing_names.name(c));
                by_step
                    .iter()
                    .enumerate()
                    .filter(|(_, cases)| **cases > 0)
                    .map(move |(step, cases)| FurthestStep {
                        furthest: i32::try_from(step).unwrap_or_default(),
                        closing_reason: reason.map(str::to_owned),
                        cases: *cases,
                    })
            })
            .collect();
        let channel_names = &self.codes[Key::Channel as usize];
        let contacts = contacts
            .iter()
            .enumerate()
            .filter(|(_, (contacts, _))| *contacts > 0)
            .filter_map(|(code, (contacts, urgent))| {
                let key = channel_names.name(u32::try_from(code).ok()?)?;
                Some(Counts {
                    key: key.to_owned(),
                    a: *contacts,
                    b: *urgent,
                    ..Counts::default()
                })
            })
            .collect();
        CohortFigures {
            furthest,
            durations: Step::all()
                .skip(1)
                .zip(took.into_iter().map(DayCounts::into_durations))
                .collect(),
            within_target,
            contacts,
        }
    }

    /// Each region's target for every step (none for the screening), by the
    /// region's code in the copy.
    fn region_targets(&self, targets: &Targets) -> Vec<[Option<i32>; Step::COUNT]> {
        let regions = &self.codes[Key::Region as usize];
        (0..regions.len())
            .map(|code| {
                let region = u32::try_from(code)
                    .ok()
                    .and_then(|c| regions.name(c))
                    .and_then(|name| name.parse::<RegionCode>().ok());
                let mut days = [None; Step::COUNT];
                for (day, step) in days.iter_mut().zip(Step::all()) {
                    *day = region.and_then(|r| targets.days(r, step));
                }
                days
            })
            .collect()
    }

    fn cases(&self, filter: &CohortFilter, targets: &Targets, figure: CohortFigure) -> Vec<CaseId> {
        let Some(wanted) = self.wanted(filter) else {
            return Vec::new();
        };
        let region_targets = self.region_targets(targets);
        let closings = &self.codes[Key::ClosingReason as usize];
        let channels = &self.codes[Key::Channel as usize];
        let target_kept = |row: &Row, step: Step, within: bool| {
            let index = step.index();
            let most = region_targets[row.key(Key::Region) as usize][index];
            match (row.took(index), most) {
                (Some(days), Some(most)) => (days <= most) == within,
                _ => false,
            }
        };
        let counts = |row: &Row| match figure {
            CohortFigure::Reached(step) => row.furthest() >= step.index(),
            CohortFigure::StoppedAt(step, standing) => {
                row.furthest() == step.index()
                    && Standing::of(closings.name(row.key(Key::ClosingReason))) == standing
            }
            CohortFigure::Took(step) => row.took(step.index()).is_some(),
            CohortFigure::WithinTarget(step) => target_kept(row, step, true),
            CohortFigure::OverTarget(step) => target_kept(row, step, false),
            CohortFigure::Contacts(channel) => channels.name(row.key(Key::Channel)) == Some(channel.as_str()),
            CohortFigure::UrgentContacts(channel) => {
                row.urgent && channels.name(row.key(Key::Channel)) == Some(channel.as_str())
            }
        };
        let mut found: Vec<(i32, CaseId)> = self
            .rows
            .iter()
            .zip(&self.cases)
            .filter(|(row, _)| wanted.matches(row) && counts(row))
            .map(|(row, case)| (row.days[0], *case))
            .collect();
        found.sort_unstable_by(|a, b| b.cmp(a));
        found.into_iter().map(|(_, case)| case).collect()
    }

    /// The filter in codes; none when it names a value no case has.
    fn wanted(&self, filter: &CohortFilter) -> Option<Wanted> {
        let code = |key: Key, text: Option<&str>| -> Option<Option<u32>> {
            match text {
                None => Some(None),
                Some(text) => self.codes[key as usize].find(text).map(Some),
            }
        };
        let organisation = filter.organisation.map(|o| o.0.to_string());
        Some(Wanted {
            keys: [
                (Key::Region, code(Key::Region, filter.region.map(|r| r.as_str()))?),
                (
                    Key::Organisation,
                    code(Key::Organisation, organisation.as_deref())?,
                ),
                (Key::Sector, code(Key::Sector, filter.sector.map(|s| s.as_str()))?),
                (
                    Key::Nationality,
                    code(Key::Nationality, filter.nationality.as_deref())?,
                ),
                (Key::Sex, code(Key::Sex, filter.sex.map(|s| s.as_str()))?),
                (
                    Key::AgeBand,
                    code(Key::AgeBand, filter.age_band.map(|b| b.as_str()))?,
                ),
            ],
            from: epoch_day(filter.from),
            to: epoch_day(filter.to),
        })
    }
}

/// A [`CohortFilter`] in the copy's codes.
struct Wanted {
    keys: [(Key, Option<u32>); 6],
    from: i32,
    to: i32,
}

impl Wanted {
    fn matches(&self, row: &Row) -> bool {
        let screened = row.days[0];
        screened >= self.from
            && screened <= self.to
            && self
                .keys
                .iter()
                .all(|(key, code)| code.is_none_or(|code| row.key(*key) == code))
    }
}

/// Days counted: an array for the spans steps usually take, a map for the
/// rest (a step recorded years later, or before the one it follows).
struct DayCounts {
    usual: Vec<u64>,
    other: HashMap<i32, u64>,
}

impl Default for DayCounts {
    fn default() -> Self {
        Self {
            usual: vec![0; 1024],
            other: HashMap::default(),
        }
    }
}

impl DayCounts {
    fn add(&mut self, days: i32) {
        match usize::try_from(days).ok().and_then(|d| self.usual.get_mut(d)) {
            Some(count) => *count += 1,
            None => *self.other.entry(days).or_default() += 1,
        }
    }

    fn into_durations(self) -> Durations {
        let usual = self
            .usual
            .into_iter()
            .enumerate()
            .map(|(days, cases)| (i32::try_from(days).unwrap_or(i32::MAX), cases));
        Durations::from_counts(usual.chain(self.other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_number_texts_from_one_and_keep_zero_for_none() {
        let mut codes = Codes::default();
        assert_eq!(codes.code(None), 0);
        assert_eq!(codes.code(Some("laz")), 1);
        assert_eq!(codes.code(Some("tos")), 2);
        assert_eq!(codes.code(Some("laz")), 1);
        assert_eq!(codes.find("tos"), Some(2));
        assert_eq!(codes.find("abr"), None);
        assert_eq!(
            (codes.name(1), codes.name(0), codes.name(3)),
            (Some("laz"), None, None)
        );
        assert_eq!(codes.len(), 3);
    }

    #[test]
    fn day_counts_keep_unusual_spans() {
        let mut counts = DayCounts::default();
        for days in [3, 3, 5, -2, 4000] {
            counts.add(days);
        }
        let durations = counts.into_durations();
        assert_eq!(durations.cases(), 5);
        assert_eq!(durations.median(), Some(3));
        assert_eq!(durations.percentile(100), Some(4000));
        assert_eq!(durations.within(0), 1);
    }
}
