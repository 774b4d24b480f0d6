//! The foreign states with their Belfiore codes: in a codice fiscale, a
//! person born abroad has the code of the state (`Z330` for Morocco) where a
//! person born in Italy has the cadastral code of the comune.

use std::sync::LazyLock;

use crate::search::fold;

/// A foreign state, as in the tables of ISTAT and the Agenzia delle Entrate.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ForeignState {
    /// Belfiore code: `Z` and three digits, e.g. `Z330`.
    pub code: &'static str,
    /// The Italian name, e.g. `Marocco`.
    pub name: &'static str,
    /// ISO 3166-1 alpha-2 code, when the state has one (ceased states keep
    /// their former code, e.g. `YU`).
    pub iso_alpha2: Option<&'static str>,
    /// A state that no longer exists (Yugoslavia, the Soviet Union...): its
    /// code stays in the codici fiscali of persons born there.
    pub ceased: bool,
}

/// Written by build.rs: one state a line, tab-separated, by Belfiore code.
const FOREIGN_STATES_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/foreign_states.tsv"));

static FOREIGN_STATES: LazyLock<Vec<ForeignState>> =
    LazyLock::new(|| FOREIGN_STATES_TSV.lines().map(parse_line).collect());

/// Each state's names as a person may type them, folded, in the order of
/// [`foreign_states`]: the whole name and, for "Myanmar/Birmania" or
/// "Isole Falkland (Malvine)", each of its parts.
static FOLDED_NAMES: LazyLock<Vec<Vec<String>>> =
    LazyLock::new(|| foreign_states().iter().map(|s| names_of(s.name)).collect());

/// One line of the embedded file. build.rs wrote it with four fields, so a
/// line without them means a broken build, not bad input.
fn parse_line(line: &'static str) -> ForeignState {
    let fields: Vec<&'static str> = line.split('\t').collect();
    let [code, name, iso, ceased] = fields[..] else {
        panic!("embedded foreign_states.tsv: not four fields in {line:?}");
    };
    ForeignState {
        code,
        name,
        iso_alpha2: (!iso.is_empty()).then_some(iso),
        ceased: ceased == "1",
    }
}

fn names_of(name: &str) -> Vec<String> {
    let mut names = vec![fold(name)];
    for part in name.split(['/', '(', ')']) {
        let part = fold(part);
        if !part.is_empty() && !names.contains(&part) {
            names.push(part);
        }
    }
    names
}

/// Every foreign state, current and ceased, by Belfiore code.
pub fn foreign_states() -> &'static [ForeignState] {
    &FOREIGN_STATES
}

/// The state with this Belfiore code (`Z330`, in any case).
pub fn foreign_state_by_code(code: &str) -> Option<&'static ForeignState> {
    let code = code.to_ascii_uppercase();
    let states = foreign_states();
    states
        .binary_search_by(|s| s.code.cmp(code.as_str()))
        .ok()
        .map(|i| &states[i])
}

/// The states whose Italian name is `name`, without regard to case, accents
/// or punctuation ("marocco", "Perù", "Birmania"). Usually one; empty when
/// none is called so.
pub fn foreign_states_by_name(name: &str) -> Vec<&'static ForeignState> {
    let name = fold(name);
    if name.is_empty() {
        return Vec::new();
    }
    foreign_states()
        .iter()
        .zip(FOLDED_NAMES.iter())
        .filter(|(_, names)| names.contains(&name))
        .map(|(state, _)| state)
        .collect()
}

/// The state with this ISO 3166-1 alpha-2 code (`MA`, in any case).
pub fn foreign_state_by_iso(code: &str) -> Option<&'static ForeignState> {
    foreign_states()
        .iter()
        .find(|s| s.iso_alpha2.is_some_and(|iso| iso.eq_ignore_ascii_case(code)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_has_a_z_code_once() {
        let states = foreign_states();
        assert!(states.len() > 200, "only {} states", states.len());
        assert!(states.windows(2).all(|w| w[0].code < w[1].code));
        assert!(states.iter().all(|s| {
            s.code.len() == 4 && s.code.starts_with('Z') && s.code[1..].bytes().all(|b| b.is_ascii_digit())
        }));
    }

    #[test]
    fn the_countries_of_the_people_the_network_meets_are_there() {
        for (code, name, iso) in [
            ("Z330", "Marocco", "MA"),
            ("Z222", "India", "IN"),
            ("Z236", "Pakistan", "PK"),
            ("Z249", "Bangladesh", "BD"),
            ("Z343", "Senegal", "SN"),
            ("Z335", "Nigeria", "NG"),
            ("Z129", "Romania", "RO"),
            ("Z100", "Albania", "AL"),
            ("Z352", "Tunisia", "TN"),
        ] {
            let state = foreign_state_by_code(code).unwrap_or_else(|| panic!("{code}"));
            assert_eq!(state.name, name);
            assert_eq!(state.iso_alpha2, Some(iso));
            assert!(!state.ceased);
            assert_eq!(foreign_state_by_iso(iso), Some(state));
            assert_eq!(foreign_states_by_name(name), [state]);
        }
    }

    #[test]
    fn names_are_found_without_regard_to_case_accents_or_parts() {
        assert_eq!(foreign_states_by_name("  MAROCCO ")[0].code, "Z330");
        assert_eq!(foreign_states_by_name("peru")[0].code, "Z611");
        assert_eq!(foreign_states_by_name("Birmania")[0].code, "Z206");
        assert_eq!(foreign_states_by_name("Myanmar")[0].code, "Z206");
        assert_eq!(foreign_states_by_name("costa d avorio")[0].code, "Z313");
        assert!(foreign_states_by_name("Atlantide").is_empty());
        assert!(foreign_states_by_name("").is_empty());
    }

    #[test]
    fn a_garbled_name_of_the_source_is_repaired() {
        let vatican = foreign_state_by_code("z106").expect("Vatican");
        assert_eq!(vatican.name, "Stato della Città del Vaticano");
    }

    #[test]
    fn ceased_states_keep_their_codes() {
        let yugoslavia = foreign_state_by_code("Z118").expect("Yugoslavia");
        assert!(yugoslavia.ceased);
        assert_eq!(foreign_state_by_iso("GB").map(|s| s.code), Some("Z114"));
        assert_eq!(foreign_state_by_code("Z999"), None);
        assert_eq!(foreign_state_by_iso("XX"), None);
    }
}
