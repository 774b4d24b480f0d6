//! An incremental in-memory index of prepared records, for checking a new record against everyone
//! already registered.

use std::hash::Hash;

use rustc_hash::FxHashMap;

use crate::blocking;
use crate::evidence::Comparison;
use crate::model::{Model, NameFrequencies};
use crate::prepare::Prepared;

/// Most records compared in one search. Blocks are taken smallest first (the most specific keys: a
/// document number, a name with a full date) while they fit; a block too large to fit is left out, unless
/// nothing was found at all, when the first records of the smallest block are compared.
pub const MAX_SEARCH_CANDIDATES: usize = 3000;

struct Entry<Id> {
    id: Id,
    record: Prepared,
    keys: Vec<u64>,
}

/// Persons indexed for searching possible matches: blocking maps (see [`crate::blocking`]) from key to
/// records, and name frequencies for the term-frequency adjustment, both kept up to date on insert and
/// remove.
pub struct Index<Id> {
    entries: Vec<Option<Entry<Id>>>,
    free: Vec<u32>,
    slots: FxHashMap<Id, u32>,
    blocks: FxHashMap<u64, Vec<u32>>,
    frequencies: NameFrequencies,
}

impl<Id: Copy + Eq + Hash> Default for Index<Id> {
    fn default() -> Self {
        Self::new()
    }
}

impl<Id: Copy + Eq + Hash> Index<Id> {
    pub fn new() -> Self {
        Index {
            entries: Vec::new(),
            free: Vec::new(),
            slots: FxHashMap::default(),
            blocks: FxHashMap::default(),
            frequencies: NameFrequencies::default(),
        }
    }

    /// Adds a record, replacing the one with the same id if any.
    pub fn insert(&mut self, id: Id, record: Prepared) {
        self.remove(id);
        let keys = blocking::keys(&record);
        let slot = match self.free.pop() {
            Some(slot) => slot,
            None => {
                self.entries.push(None);
                (self.entries.len() - 1) as u32
            }
        };
        for key in &keys {
            self.blocks.entry(*key).or_default().push(slot);
        }
        self.frequencies.add(&record);
        self.entries[slot as usize] = Some(Entry { id, record, keys });
        self.slots.insert(id, slot);
    }

    /// Removes a record; nothing happens when the id is not indexed.
    pub fn remove(&mut self, id: Id) {
        let Some(slot) = self.slots.remove(&id) else {
            return;
        };
        let Some(entry) = self.entries[slot as usize].take() else {
            return;
        };
        for key in &entry.keys {
            if let Some(block) = self.blocks.get_mut(key) {
                block.retain(|member| *member != slot);
                if block.is_empty() {
                    self.blocks.remove(key);
                }
            }
        }
        self.frequencies.remove(&entry.record);
        self.free.push(slot);
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    pub fn contains(&self, id: Id) -> bool {
        self.slots.contains_key(&id)
    }

    /// The indexed records that may be the same person as `query` ([`Model::is_possible`]), best first, at
    /// most `limit`. A record indexed under the same id as the query is not left out: callers checking an
    /// existing person skip its own id.
    pub fn search(&self, model: &Model, query: &Prepared, limit: usize) -> Vec<(Id, Comparison)> {
        let mut found: Vec<(Id, Comparison)> = self
            .candidates(query)
            .into_iter()
            .filter_map(|slot| self.entries[slot as usize].as_ref())
            .map(|entry| {
                (
                    entry.id,
                    model.compare_with(query, &entry.record, Some(&self.frequencies)),
                )
            })
            .filter(|(_, comparison)| model.is_possible(comparison))
            .collect();
        found.sort_by(|a, b| b.1.weight.total_cmp(&a.1.weight));
        found.truncate(limit);
        found
    }

    fn candidates(&self, query: &Prepared) -> Vec<u32> {
        let mut blocks: Vec<&Vec<u32>> = blocking::keys(query)
            .iter()
            .filter_map(|key| self.blocks.get(key))
            .collect();
        blocks.sort_by_key(|block| block.len());
        let mut candidates: Vec<u32> = Vec::new();
        for block in &blocks {
            if candidates.len() + block.len() <= MAX_SEARCH_CANDIDATES {
                candidates.extend(block.iter().copied());
            }
        }
        if candidates.is_empty()
            && let Some(smallest) = blocks.first()
        {
            candidates.extend(smallest.iter().take(MAX_SEARCH_CANDIDATES));
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates
    }
}
