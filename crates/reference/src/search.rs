//! Finding comuni by name as a person types it: without regard to case,
//! accents or punctuation, names that start with the query first.

use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::{Comune, comuni};

/// Each comune's folded name, in the order of [`comuni`].
static FOLDED_NAMES: LazyLock<Vec<String>> =
    LazyLock::new(|| comuni().iter().map(|c| fold(c.name)).collect());

/// Lower case without accents, every run of other characters (apostrophes,
/// hyphens, slashes, spaces) one space: "Forlì" → "forli", "Sant'Angelo" →
/// "sant angelo". Public so that other searches of Italian names compare
/// text the same way.
pub fn fold(text: &str) -> String {
    let plain: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The comuni called exactly `name`, without regard to case, accents or
/// punctuation: usually one, several where two comuni share a name (Castro,
/// Samone...), none when no comune is called so.
pub fn comuni_by_name(name: &str) -> Vec<&'static Comune> {
    let name = fold(name);
    comuni()
        .iter()
        .zip(FOLDED_NAMES.iter())
        .filter(|(_, folded)| **folded == name)
        .map(|(c, _)| c)
        .collect()
}

/// Comuni whose name starts with `query`, then those whose name contains it,
/// each group by name; only those of one region when `region_istat_code`
/// (e.g. `12`) is given; at most `limit`.
pub fn find(query: &str, region_istat_code: Option<&str>, limit: usize) -> Vec<&'static Comune> {
    let query = fold(query);
    let mut matches: Vec<(bool, &str, &'static Comune)> = comuni()
        .iter()
        .zip(FOLDED_NAMES.iter())
        .filter(|(c, _)| region_istat_code.is_none_or(|region| c.region_code == region))
        .filter_map(|(c, name)| {
            let starts = name.starts_with(&query);
            (starts || name.contains(&query)).then_some((!starts, name.as_str(), c))
        })
        .collect();
    matches.sort_by(|a, b| (a.0, a.1, a.2.code).cmp(&(b.0, b.1, b.2.code)));
    matches.into_iter().take(limit).map(|(_, _, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(found: &[&Comune]) -> Vec<&'static str> {
        found.iter().map(|c| c.name).collect()
    }

    #[test]
    fn a_comune_is_found_by_its_whole_name() {
        assert_eq!(names(&comuni_by_name("forli")), ["Forlì"]);
        assert_eq!(names(&comuni_by_name("ROMA")), ["Roma"]);
        assert_eq!(comuni_by_name("Castro").len(), 2, "Castro (BG) and Castro (LE)");
        assert!(comuni_by_name("Rom").is_empty());
    }

    #[test]
    fn folding_drops_case_accents_and_punctuation() {
        assert_eq!(fold("Forlì"), "forli");
        assert_eq!(fold("  Sant'Angelo  d'Alife "), "sant angelo d alife");
        assert_eq!(
            fold("Trentino-Alto Adige/Südtirol"),
            "trentino alto adige sudtirol"
        );
        assert_eq!(fold("CHÂTILLON"), "chatillon");
    }

    #[test]
    fn latina_comes_first_for_latina() {
        let found = find("latina", None, 10);
        assert_eq!(found.first().map(|c| c.code), Some("059011"));
        assert!(found.iter().all(|c| fold(c.name).contains("latina")));
    }

    #[test]
    fn accents_need_not_be_typed() {
        let found = names(&find("forli", None, 10));
        assert_eq!(found.first(), Some(&"Forlì"));
        assert!(found.contains(&"Forlimpopoli"), "{found:?}");
        assert_eq!(names(&find("FORLÌ", None, 1)), ["Forlì"]);
        assert_eq!(names(&find("cantu", None, 1)), ["Cantù"]);
    }

    #[test]
    fn names_that_start_with_the_query_come_before_those_that_contain_it() {
        let found = find("roma", Some("12"), 50);
        let starts = found
            .iter()
            .take_while(|c| fold(c.name).starts_with("roma"))
            .count();
        assert!(starts >= 1 && found[0].name == "Roma", "{:?}", names(&found));
        assert!(found[starts..].iter().all(|c| !fold(c.name).starts_with("roma")));
        assert!(
            found.len() > starts,
            "some Lazio comuni contain 'roma' further in"
        );
    }

    #[test]
    fn a_region_limits_the_answer() {
        let everywhere = find("san", None, 10_000);
        let molise = find("san", Some("14"), 10_000);
        assert!(!molise.is_empty());
        assert!(molise.len() < everywhere.len());
        assert!(molise.iter().all(|c| c.region_code == "14"));
        assert!(find("roma", Some("09"), 10).iter().all(|c| c.name != "Roma"));
    }

    #[test]
    fn the_limit_is_kept_and_nonsense_finds_nothing() {
        assert_eq!(find("a", None, 7).len(), 7);
        assert!(find("a", None, 0).is_empty());
        assert!(find("xyzzy", None, 10).is_empty());
    }
}
