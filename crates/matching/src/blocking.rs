//! Blocking: which pairs of records are worth comparing at all.
//!
//! Comparing every pair of a million records is 5·10¹¹ comparisons; blocking proposes only pairs that share
//! at least one key. Each record gets several keys, so that a difference in one field (a typo in the
//! surname, a placeholder date, swapped names) still leaves another key in common:
//!
//! - `name_year`: the phonetic key of any name token (surname or given, so swapped names still meet) and the
//!   year of birth;
//! - `name_date`: the first letter of any name token's key and the full date of birth, day and month in
//!   either order (so swapped day and month still meet); not for placeholder dates;
//! - `name_pair`: the phonetic keys of a surname token and a given-name token, in either order (so that a
//!   pair with the date missing or mistyped, swapped names or a dropped middle name still meets);
//! - `name_sex`: for a record lacking its surname or its given name, the phonetic key of any name token
//!   and the sex (when unknown, the key alone);
//! - `full_name`: the phonetic keys of all name tokens, sorted;
//! - `codice_fiscale`, `document` (each number), `phone`.
//!
//! A key shared by too many records (`name_sex` for Mohammed among a million men) would explode into
//! millions of pairs. In [`candidates`], a block larger than [`MAX_BLOCK`] is searched as a sorted
//! neighbourhood instead: its records, in the order of their full names and dates, are paired only with
//! their [`WINDOW`] nearest neighbours on each side. In the [`crate::Index`], the largest blocks are left out
//! when smaller ones already give enough candidates.

use rayon::prelude::*;

use crate::hash_of;
use crate::prepare::Prepared;

/// Blocks up to this size are compared in full.
pub const MAX_BLOCK: usize = 100;
/// In larger blocks, each record is compared with this many neighbours on each side.
pub const WINDOW: usize = 10;

#[derive(Hash)]
enum Key<'a> {
    NameYear(&'a str, u16),
    NameDate(u8, u16, u8, u8),
    NamePair(&'a str, &'a str),
    NameSex(&'a str, u8),
    FullName(&'a [&'a str]),
    CodiceFiscale(&'a str),
    Document(&'a str),
    Phone(&'a str),
}

/// The blocking keys of a record (hashed), without duplicates.
pub fn keys(record: &Prepared) -> Vec<u64> {
    let mut keys = Vec::with_capacity(16);
    let mut name_keys: Vec<&str> = record.name_keys().filter(|key| !key.is_empty()).collect();
    name_keys.sort_unstable();
    name_keys.dedup();
    let date = record.date_of_birth;
    let year = date.and_then(|date| date.year);
    let full_date = date
        .filter(|date| !date.is_placeholder())
        .and_then(|date| Some((date.year?, date.month?, date.day?)))
        .map(|(year, month, day)| (year, month.min(day), month.max(day)));
    let sex = record.sex.map_or(0, |sex| sex as u8 + 1);
    for name_key in &name_keys {
        if let Some(year) = year {
            keys.push(hash_of(&Key::NameYear(name_key, year)));
        }
        if let Some((year, low, high)) = full_date {
            keys.push(hash_of(&Key::NameDate(name_key.as_bytes()[0], year, low, high)));
        }
    }
    for surname in record
        .surname
        .iter()
        .map(|token| &*token.key)
        .filter(|key| !key.is_empty())
    {
        for given in record
            .given
            .iter()
            .map(|token| &*token.key)
            .filter(|key| !key.is_empty())
        {
            keys.push(hash_of(&Key::NamePair(surname.min(given), surname.max(given))));
        }
    }
    if record.surname.is_empty() || record.given.is_empty() {
        for name_key in &name_keys {
            keys.push(hash_of(&Key::NameSex(name_key, sex)));
        }
    }
    if name_keys.len() > 1 {
        keys.push(hash_of(&Key::FullName(&name_keys)));
    }
    if let Some(codice_fiscale) = &record.codice_fiscale {
        keys.push(hash_of(&Key::CodiceFiscale(codice_fiscale)));
    }
    for document in &record.documents {
        keys.push(hash_of(&Key::Document(document)));
    }
    if let Some(phone) = &record.phone {
        keys.push(hash_of(&Key::Phone(phone)));
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// For every position of `order` (a permutation of the records), the later positions that blocking pairs
/// it with, sorted. The order should be meaningful (by name, then date) for the sorted neighbourhoods of
/// large blocks to make sense.
pub fn candidates(records: &[Prepared], order: &[usize]) -> Vec<Vec<u32>> {
    let keys_of: Vec<Vec<u64>> = order.par_iter().map(|&record| keys(&records[record])).collect();
    let mut entries: Vec<(u64, u32)> = keys_of
        .iter()
        .enumerate()
        .flat_map(|(record, keys)| keys.iter().map(move |key| (*key, record as u32)))
        .collect();
    entries.par_sort_unstable();
    // Where each block starts and ends, for each entry; and where each (record, key) entry is.
    let mut block_of_entry: Vec<(u32, u32)> = vec![(0, 0); entries.len()];
    let mut start = 0;
    while start < entries.len() {
        let key = entries[start].0;
        let end = start + entries[start..].partition_point(|entry| entry.0 == key);
        for bounds in &mut block_of_entry[start..end] {
            *bounds = (start as u32, end as u32);
        }
        start = end;
    }
    let mut entry_index: Vec<u32> = Vec::with_capacity(entries.len());
    let mut offsets: Vec<u32> = Vec::with_capacity(order.len() + 1);
    offsets.push(0);
    for keys in &keys_of {
        offsets.push(offsets[offsets.len() - 1] + keys.len() as u32);
    }
    entry_index.resize(entries.len(), 0);
    let mut filled: Vec<u32> = offsets[..order.len()].to_vec();
    for (position, (_, record)) in entries.iter().enumerate() {
        let slot = &mut filled[*record as usize];
        entry_index[*slot as usize] = position as u32;
        *slot += 1;
    }
    drop(keys_of);
    (0..order.len())
        .into_par_iter()
        .map(|record| {
            let mut found = Vec::new();
            for &position in &entry_index[offsets[record] as usize..offsets[record + 1] as usize] {
                let position = position as usize;
                let (start, end) = block_of_entry[position];
                let (start, end) = (start as usize, end as usize);
                let (from, to) = if end - start <= MAX_BLOCK {
                    (position + 1, end)
                } else {
                    (position + 1, (position + 1 + WINDOW).min(end))
                };
                found.extend(entries[from..to].iter().map(|entry| entry.1));
            }
            found.sort_unstable();
            found.dedup();
            found
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{BirthDate, Record, Sex};

    fn person(given: &str, surname: &str, date: &str) -> Prepared {
        Prepared::new(&Record {
            given_name: given.into(),
            surname: surname.into(),
            date_of_birth: BirthDate::parse(date),
            sex: Some(Sex::Male),
            ..Record::default()
        })
    }

    fn shares_a_key(a: &Prepared, b: &Prepared) -> bool {
        let b_keys = keys(b);
        keys(a).iter().any(|key| b_keys.contains(key))
    }

    #[test]
    fn variants_swaps_and_slips_share_a_key() {
        let base = person("Gurpreet", "Singh", "1988-03-17");
        assert!(shares_a_key(&base, &person("Singh", "Gurprit", "1988-03-17")));
        assert!(shares_a_key(&base, &person("Gurpreet", "Sing", "1988-01-01")));
        assert!(shares_a_key(&base, &person("Gurpreet", "Xingh", "1988-17-03")));
        assert!(!shares_a_key(&base, &person("Amina", "Kone", "1990-11-02")));
    }

    #[test]
    fn candidates_pair_each_record_with_later_ones_only() {
        let records = vec![
            person("Mohamed", "Diallo", "1994-01-01"),
            person("Amina", "Kone", "1990-11-02"),
            person("Muhammad", "Jallow", "1994-06-15"),
        ];
        assert_eq!(
            candidates(&records, &(0..records.len()).collect::<Vec<_>>()),
            vec![vec![2], vec![], vec![]]
        );
    }

    #[test]
    fn large_blocks_become_sorted_neighbourhoods() {
        let records: Vec<Prepared> = (0..MAX_BLOCK * 2)
            .map(|_| person("Mohamed", "Singh", ""))
            .collect();
        let found = candidates(&records, &(0..records.len()).collect::<Vec<_>>());
        assert_eq!(found[0], (1..=WINDOW as u32).collect::<Vec<_>>());
        assert!(found.iter().all(|later| later.len() <= WINDOW));
    }
}
