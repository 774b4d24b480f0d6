//! ATECO 2025, ISTAT's classification of economic activities (the Italian
//! version of NACE Rev. 2.1): 22 sections (letters), then divisions (`01`),
//! groups (`01.1`), classes (`01.11`), categories (`01.11.0`) and
//! subcategories (`01.11.00`). An employer is recorded with its activity;
//! the needs of employers are added up per section and division.

use std::sync::LazyLock;

/// The levels of the classification, from the broadest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Section,
    Division,
    Group,
    Class,
    Category,
    Subcategory,
}

impl Level {
    /// The level as the embedded file names it.
    fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "section" => Self::Section,
            "division" => Self::Division,
            "group" => Self::Group,
            "class" => Self::Class,
            "category" => Self::Category,
            "subcategory" => Self::Subcategory,
            _ => return None,
        })
    }
}

/// An activity of ATECO 2025, as ISTAT titles it (in Italian only).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Activity {
    /// `C` (section), `25` (division) ... `25.62.00` (subcategory).
    pub code: &'static str,
    pub level: Level,
    pub title_it: &'static str,
    /// The activity this one belongs to; `None` for a section.
    pub parent: Option<&'static str>,
}

impl Activity {
    /// The section (the letter) this activity belongs to: itself for a section.
    pub fn section(&self) -> &'static Activity {
        self.ancestor(Level::Section)
    }

    /// The division (two digits) this activity belongs to; `None` for a section.
    pub fn division(&self) -> Option<&'static Activity> {
        (self.level >= Level::Division).then(|| self.ancestor(Level::Division))
    }

    /// The ancestor at a level at or above this one's (itself at its own level).
    fn ancestor(&self, level: Level) -> &'static Activity {
        let mut current =
            get(self.code).unwrap_or_else(|| panic!("ATECO {} is not in the catalogue", self.code));
        while current.level > level {
            current = current
                .parent
                .and_then(get)
                .unwrap_or_else(|| panic!("embedded ateco-2025.csv: {} has no parent", current.code));
        }
        current
    }
}

const ATECO_2025_CSV: &str = include_str!("../data/ateco-2025.csv");

/// By code, so that [`get`] can search it.
static ACTIVITIES: LazyLock<Vec<Activity>> = LazyLock::new(|| {
    let mut all: Vec<Activity> = crate::csv::records(ATECO_2025_CSV).map(parse_record).collect();
    all.sort_by(|a, b| a.code.cmp(b.code));
    all
});

/// A line of the embedded file has four fields and a known level: anything
/// else means a broken file in the repository, not bad input.
fn parse_record(fields: Vec<&'static str>) -> Activity {
    let [code, level, title_it, parent] = fields[..] else {
        panic!("embedded ateco-2025.csv: not four fields in {fields:?}");
    };
    let Some(level) = Level::from_name(level) else {
        panic!("embedded ateco-2025.csv: unknown level {level:?}");
    };
    Activity {
        code,
        level,
        title_it,
        parent: (!parent.is_empty()).then_some(parent),
    }
}

/// Every activity of every level, by code (the sections, letters, last).
pub fn all() -> &'static [Activity] {
    &ACTIVITIES
}

/// The 22 sections, by letter.
pub fn sections() -> impl Iterator<Item = &'static Activity> {
    all().iter().filter(|a| a.level == Level::Section)
}

/// The activity with exactly this code.
pub fn get(code: &str) -> Option<&'static Activity> {
    let all = all();
    all.binary_search_by(|a| a.code.cmp(code)).ok().map(|i| &all[i])
}

/// The activity a person typed: the code as ISTAT writes it (`25.62.00`),
/// or its digits alone (`256200`, as some registry extracts give it), with
/// spaces around; a letter in any case.
pub fn parse(input: &str) -> Option<&'static Activity> {
    let input = input.trim();
    if input.len() == 1 {
        return get(&input.to_ascii_uppercase());
    }
    if let Some(found) = get(input) {
        return Some(found);
    }
    if !input.bytes().all(|b| b.is_ascii_digit()) || !(2..=6).contains(&input.len()) {
        return None;
    }
    // Digits alone: the dots go after the 2nd and the 4th digit.
    let mut dotted = String::with_capacity(8);
    for (i, digit) in input.chars().enumerate() {
        if i == 2 || i == 4 {
            dotted.push('.');
        }
        dotted.push(digit);
    }
    get(&dotted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_activity_of_the_2025_edition_is_there_once() {
        assert_eq!(all().len(), 3257);
        assert!(all().windows(2).all(|w| w[0].code < w[1].code));
        let count = |level| all().iter().filter(|a| a.level == level).count();
        assert_eq!(count(Level::Section), 22);
        assert_eq!(count(Level::Division), 87);
    }

    #[test]
    fn every_activity_but_the_sections_has_its_parent() {
        for activity in all() {
            match activity.parent.map(|p| get(p).map(|parent| parent.level)) {
                Some(Some(parent_level)) => assert!(parent_level < activity.level, "{}", activity.code),
                Some(None) => panic!("{}: parent not in the catalogue", activity.code),
                None => assert_eq!(activity.level, Level::Section, "{} has no parent", activity.code),
            }
        }
    }

    #[test]
    fn a_subcategory_knows_its_division_and_section() {
        let cereals = get("01.11.00").expect("01.11.00");
        assert_eq!(cereals.level, Level::Subcategory);
        assert_eq!(cereals.division().map(|d| d.code), Some("01"));
        assert_eq!(cereals.section().code, "A");
        assert_eq!(cereals.section().title_it, "AGRICOLTURA, SILVICOLTURA E PESCA");
        let section = get("A").expect("A");
        assert_eq!(section.division(), None);
        assert_eq!(section.section().code, "A");
    }

    #[test]
    fn codes_are_read_with_or_without_dots() {
        assert_eq!(parse(" 01.11.00 ").map(|a| a.code), Some("01.11.00"));
        assert_eq!(parse("011100").map(|a| a.code), Some("01.11.00"));
        assert_eq!(parse("0111").map(|a| a.code), Some("01.11"));
        assert_eq!(parse("a").map(|a| a.code), Some("A"));
        assert_eq!(parse("01.11.99"), None);
        assert_eq!(parse("0111000"), None);
        assert_eq!(parse(""), None);
    }
}
