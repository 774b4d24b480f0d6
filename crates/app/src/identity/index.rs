//! The index of persons a process keeps for the intake check.
//!
//! Built lazily from every named person not merged into another, then kept
//! up to date before each check from what changed since the last look (read
//! by time, minus an overlap for transactions that committed after a later
//! one began): the ids of persons recorded, and the rows of those not yet
//! indexed; the persons merged away, dropped, and those an undo gave back,
//! taken again. Several servers sharing one database thus see each other's
//! work, and a merge costs the index two lookups rather than a rebuild.

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
    /// When the last read of changes began.
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

    /// Brings the persons merged or given back since the last look to their
    /// state now: `current` holds those of `touched` that are not merged.
    fn settle(&mut self, touched: &[PersonId], current: &[Person]) {
        for id in touched {
            self.index.remove(*id);
            self.indexed.remove(id);
        }
        self.add(current);
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
        let mut loaded = self.loaded.lock().await;
        let started = crate::clock::now();
        match loaded.as_mut() {
            Some(current) => {
                let since = current.watermark - OVERLAP;
                let recent = identity::matchable_ids_since(handle.conn(), since).await?;
                let unseen: Vec<PersonId> = recent
                    .into_iter()
                    .filter(|id| !current.indexed.contains(id))
                    .collect();
                let fresh = identity::persons_by_id(handle.conn(), &unseen, false).await?;
                current.add(&fresh);
                let touched = identity::merges_touched_since(handle.conn(), since).await?;
                if !touched.is_empty() {
                    let unmerged = identity::persons_by_id(handle.conn(), &touched, false).await?;
                    current.settle(&touched, &unmerged);
                }
                current.watermark = started;
            }
            None => {
                let persons = identity::matchable(handle.conn(), None).await?;
                let mut current = Loaded {
                    index: Index::new(),
                    indexed: HashSet::with_capacity(persons.len()),
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
