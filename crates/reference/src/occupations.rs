//! ISCO-08, the International Standard Classification of Occupations of
//! the ILO: 10 major groups, 43 sub-major groups, 130 minor groups and 436
//! unit groups, with their official English titles and the project's
//! Italian translation (see README.md). A need of an employer, a job offer
//! and a work profile name an occupation by its unit group (four digits).

use std::sync::LazyLock;

/// An occupation group of ISCO-08. Its level is the length of its code, and
/// its parent is its code without the last digit.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Occupation {
    /// One to four digits: `7` (major group) to `7212` (unit group).
    pub code: &'static str,
    pub title_it: &'static str,
    pub title_en: &'static str,
}

impl Occupation {
    /// The title in a language (`it`, or English for any other).
    pub fn title(&self, lang: &str) -> &'static str {
        if lang == "it" {
            self.title_it
        } else {
            self.title_en
        }
    }

    /// A unit group, the finest level (four digits).
    pub fn is_unit_group(&self) -> bool {
        self.code.len() == 4
    }

    /// The group this one belongs to; `None` for a major group.
    pub fn parent(&self) -> Option<&'static Occupation> {
        let code = self.code;
        (code.len() > 1).then(|| get(&code[..code.len() - 1])).flatten()
    }
}

const ISCO_08_CSV: &str = include_str!("../data/isco-08.csv");

/// By code, so that [`get`] can search it.
static OCCUPATIONS: LazyLock<Vec<Occupation>> = LazyLock::new(|| {
    let mut all: Vec<Occupation> = crate::csv::records(ISCO_08_CSV).map(parse_record).collect();
    all.sort_by(|a, b| a.code.cmp(b.code));
    all
});

static UNIT_GROUPS: LazyLock<Vec<Occupation>> =
    LazyLock::new(|| all().iter().filter(|o| o.is_unit_group()).cloned().collect());

/// A line of the embedded file has three fields: a line without them means
/// a broken file in the repository, not bad input.
fn parse_record(fields: Vec<&'static str>) -> Occupation {
    let [code, title_en, title_it] = fields[..] else {
        panic!("embedded isco-08.csv: not three fields in {fields:?}");
    };
    Occupation {
        code,
        title_it,
        title_en,
    }
}

/// Every group of every level, by code.
pub fn all() -> &'static [Occupation] {
    &OCCUPATIONS
}

/// The 436 unit groups (four digits), by code.
pub fn unit_groups() -> &'static [Occupation] {
    &UNIT_GROUPS
}

/// The group with this code, of any level.
pub fn get(code: &str) -> Option<&'static Occupation> {
    let all = all();
    all.binary_search_by(|o| o.code.cmp(code)).ok().map(|i| &all[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_level_has_the_groups_of_isco_08() {
        let count = |digits: usize| all().iter().filter(|o| o.code.len() == digits).count();
        assert_eq!(count(1), 10);
        assert_eq!(count(2), 43);
        assert_eq!(count(3), 130);
        assert_eq!(count(4), 436);
        assert_eq!(all().len(), 619);
        assert_eq!(unit_groups().len(), 436);
    }

    #[test]
    fn codes_are_unique_digits() {
        assert!(all().windows(2).all(|w| w[0].code < w[1].code));
        assert!(all().iter().all(|o| o.code.bytes().all(|b| b.is_ascii_digit())));
        assert!(
            all()
                .iter()
                .all(|o| !o.title_en.is_empty() && !o.title_it.is_empty())
        );
    }

    #[test]
    fn every_group_but_the_major_ones_has_its_parent() {
        for occupation in all() {
            match occupation.parent() {
                Some(parent) => assert!(occupation.code.starts_with(parent.code)),
                None => assert_eq!(occupation.code.len(), 1, "{} has no parent", occupation.code),
            }
        }
    }

    #[test]
    fn a_welder_is_a_craft_worker() {
        let welder = get("7212").expect("7212");
        assert_eq!(welder.title_en, "Welders and flame cutters");
        assert_eq!(welder.title("it"), "Saldatori e tagliatori a fiamma");
        let major = welder
            .parent()
            .and_then(Occupation::parent)
            .and_then(Occupation::parent);
        assert_eq!(major.map(|o| o.code), Some("7"));
        assert_eq!(get("72120"), None);
        assert_eq!(get(""), None);
    }
}
