//! The index of persons a process keeps for the intake check.
//!
//! Built lazily from every named person not merged into another, then kept
//! up to date before each check: the ids of persons recorded since the last
//! look are read by creation time (minus an overlap, for transactions that
//! committed after a later one began), and the rows of those not yet
//! indexed; a merge or
//! an undo anywhere, which moves the identity revision in its own
//! transaction (`0010_identity_matching.sql`), makes the next check rebuild
//! it. Several servers sharing one database thus see each other's work.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use soleil_domain::{Person, PersonId};
use soleil_matching::{Comparison, Index, Model, Prepared};
use soleil_store::{Store, identity};
use tokio::sync::Mutex;

use super::record::Identity;
use crate::AppResult;

/// How far before the last look new persons are read again: longer than any
/// transaction that records a person lasts.
const OVERLAP: TimeDelta = TimeDelta::minutes(2);

/// The process's index; shared by the clones of `App`.
#[derive(Default, Clone)]
pub(crate) struct PersonIndex {
    loaded: Arc<Mutex<Option<Loaded>>>,
}

struct Loaded {
    index: Index<PersonId>,
    indexed: HashSet<PersonId>,
    /// The identity revision read before the rows: the rows are at least as new.
    revision: i64,
    /// When the last read of new persons began.
    watermark: DateTime<Utc>,
}

impl Loaded {
    fn add(&mut self, persons: &[Person]) {
        for person in persons {
            if self.indexed.insert(person.id) {
                self.index.insert(person.id, prepare(person));
            }
        }
    }
}

/// A person as the engine compares it.
pub(crate) fn prepare(person: &Person) -> Prepared {
    Prepared::new(&Identity::from(person).record())
}

impl PersonIndex {
    /// The indexed persons most like the query, best first, after bringing
    /// the index up to date. Merged and anonymous persons are never in it.
    pub(crate) async fn search(
        &self,
        store: &Store,
        model: &Model,
        query: &Prepared,
        limit: usize,
    ) -> AppResult<Vec<(PersonId, Comparison)>> {
        let mut handle = store.handle().await?;
        let revision = identity::revision(handle.conn()).await?;
        let mut loaded = self.loaded.lock().await;
        match loaded.as_mut() {
            Some(current) if current.revision == revision => {
                let started = Utc::now();
                let recent =
                    identity::matchable_ids_since(handle.conn(), current.watermark - OVERLAP).await?;
                let unseen: Vec<PersonId> = recent
                    .into_iter()
                    .filter(|id| !current.indexed.contains(id))
                    .collect();
                let fresh = identity::persons_by_id(handle.conn(), &unseen, false).await?;
                current.add(&fresh);
                current.watermark = started;
            }
            _ => {
                let started = Utc::now();
                let persons = identity::matchable(handle.conn(), None).await?;
                let mut current = Loaded {
                    index: Index::new(),
                    indexed: HashSet::with_capacity(persons.len()),
                    revision,
                    watermark: started,
                };
                current.add(&persons);
                *loaded = Some(current);
            }
        }
        drop(handle);
        Ok(loaded
            .as_ref()
            .map(|current| current.index.search(model, query, limit))
            .unwrap_or_default())
    }
}
