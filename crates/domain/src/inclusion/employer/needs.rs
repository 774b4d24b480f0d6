//! The employers' needs added up per sector and province, for a region and
//! a period: how many employers were surveyed, how many workers they need,
//! the internships and apprenticeships they offer, how many are open to
//! training, and the occupations most needed. An employer surveyed twice
//! in the period counts once, with its latest survey: a survey restates
//! the needs, it does not add to them. Figures only: no names.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::EmployerId;

crate::text_enum! {
    /// How finely the sectors are told apart: by ATECO section (a letter)
    /// or division (two digits).
    SectorLevel { Section, Division }
}

/// What one survey brings to the sums.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyFacts {
    pub employer_id: EmployerId,
    pub surveyed_on: NaiveDate,
    /// Orders two surveys of the same day: the one recorded later wins.
    pub recorded_at: chrono::DateTime<chrono::Utc>,
    pub ateco_code: String,
    pub province_code: String,
    pub open_to_training: bool,
    pub internships: i32,
    pub apprenticeships: i32,
    /// (ISCO-08 unit group, workers).
    pub needs: Vec<(String, i32)>,
}

/// Workers needed of one occupation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct OccupationCount {
    pub occupation: String,
    pub title: String,
    pub workers: i64,
}

/// One sector in one province; the total row has empty codes.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, utoipa::ToSchema)]
pub struct NeedsRow {
    /// ATECO section letter or division digits.
    pub sector: String,
    pub sector_title: String,
    pub province_code: String,
    pub province_name: String,
    pub employers_surveyed: i64,
    pub workers_needed: i64,
    pub internships: i64,
    pub apprenticeships: i64,
    /// Employers open to the project's training paths.
    pub open_to_training: i64,
    /// The three occupations most needed, the most first.
    pub top_occupations: Vec<OccupationCount>,
}

/// The rows by sector then province, and their total.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct NeedsTable {
    pub rows: Vec<NeedsRow>,
    pub total: NeedsRow,
}

/// How many occupations a row names.
const TOP: usize = 3;

/// The names the table shows: a sector's code and title from an ATECO
/// code, a province's name, an occupation's title.
pub trait Labels {
    fn sector(&self, ateco_code: &str) -> (String, String);
    fn province(&self, code: &str) -> String;
    fn occupation(&self, code: &str) -> String;
}

/// Adds up the surveys, the latest of each employer only.
pub fn aggregate(surveys: &[SurveyFacts], labels: &impl Labels) -> NeedsTable {
    let mut latest: BTreeMap<EmployerId, &SurveyFacts> = BTreeMap::new();
    for survey in surveys {
        let entry = latest.entry(survey.employer_id).or_insert(survey);
        if (survey.surveyed_on, survey.recorded_at) > (entry.surveyed_on, entry.recorded_at) {
            *entry = survey;
        }
    }
    // Keyed by sector code then province, so the rows come out in that order.
    let mut groups: BTreeMap<(String, String), (String, Sums)> = BTreeMap::new();
    let mut total = Sums::default();
    for survey in latest.values() {
        let (sector, title) = labels.sector(&survey.ateco_code);
        let (_, sums) = groups
            .entry((sector, survey.province_code.clone()))
            .or_insert_with(|| (title, Sums::default()));
        sums.add(survey);
        total.add(survey);
    }
    let rows = groups
        .into_iter()
        .map(|((sector, province), (title, sums))| NeedsRow {
            sector,
            sector_title: title,
            province_name: labels.province(&province),
            province_code: province,
            ..sums.row(labels)
        })
        .collect();
    NeedsTable {
        rows,
        total: total.row(labels),
    }
}

#[derive(Default)]
struct Sums {
    employers: i64,
    workers: i64,
    internships: i64,
    apprenticeships: i64,
    open_to_training: i64,
    by_occupation: BTreeMap<String, i64>,
}

impl Sums {
    fn add(&mut self, survey: &SurveyFacts) {
        self.employers += 1;
        self.internships += i64::from(survey.internships);
        self.apprenticeships += i64::from(survey.apprenticeships);
        self.open_to_training += i64::from(survey.open_to_training);
        for (occupation, workers) in &survey.needs {
            self.workers += i64::from(*workers);
            *self.by_occupation.entry(occupation.clone()).or_default() += i64::from(*workers);
        }
    }

    fn row(self, labels: &impl Labels) -> NeedsRow {
        let mut top: Vec<(String, i64)> = self.by_occupation.into_iter().collect();
        // The most workers first; among equals, by code, so the table is stable.
        top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        top.truncate(TOP);
        NeedsRow {
            employers_surveyed: self.employers,
            workers_needed: self.workers,
            internships: self.internships,
            apprenticeships: self.apprenticeships,
            open_to_training: self.open_to_training,
            top_occupations: top
                .into_iter()
                .map(|(occupation, workers)| OccupationCount {
                    title: labels.occupation(&occupation),
                    occupation,
                    workers,
                })
                .collect(),
            ..NeedsRow::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sectors by the first two characters of the code (a division).
    struct ByDivision;

    impl Labels for ByDivision {
        fn sector(&self, ateco_code: &str) -> (String, String) {
            let code: String = ateco_code.chars().take(2).collect();
            (code.clone(), format!("division {code}"))
        }
        fn province(&self, code: &str) -> String {
            format!("province {code}")
        }
        fn occupation(&self, code: &str) -> String {
            format!("occupation {code}")
        }
    }

    fn survey(
        employer: EmployerId,
        on: &str,
        ateco: &str,
        province: &str,
        needs: &[(&str, i32)],
    ) -> SurveyFacts {
        SurveyFacts {
            employer_id: employer,
            surveyed_on: on.parse().expect("date"),
            recorded_at: chrono::Utc::now(),
            ateco_code: ateco.into(),
            province_code: province.into(),
            open_to_training: true,
            internships: 1,
            apprenticeships: 0,
            needs: needs.iter().map(|(o, w)| ((*o).to_owned(), *w)).collect(),
        }
    }

    #[test]
    fn each_employer_counts_once_with_its_latest_survey() {
        let farm = EmployerId::new();
        let builder = EmployerId::new();
        let other_farm = EmployerId::new();
        let table = aggregate(
            &[
                survey(farm, "2026-01-10", "01.13.11", "059", &[("9211", 10)]),
                survey(farm, "2026-02-10", "01.13.11", "059", &[("9211", 4), ("6111", 1)]),
                survey(
                    other_farm,
                    "2026-01-20",
                    "01.21.00",
                    "059",
                    &[("9211", 2), ("7112", 2)],
                ),
                survey(builder, "2026-01-15", "41.00.00", "058", &[("7112", 3)]),
            ],
            &ByDivision,
        );
        assert_eq!(table.rows.len(), 2);
        let farms = &table.rows[0];
        assert_eq!(
            (farms.sector.as_str(), farms.province_code.as_str()),
            ("01", "059")
        );
        assert_eq!(farms.sector_title, "division 01");
        assert_eq!(farms.province_name, "province 059");
        assert_eq!(farms.employers_surveyed, 2);
        assert_eq!(farms.workers_needed, 4 + 1 + 2 + 2);
        assert_eq!(farms.internships, 2);
        assert_eq!(farms.open_to_training, 2);
        let top: Vec<(&str, i64)> = farms
            .top_occupations
            .iter()
            .map(|o| (o.occupation.as_str(), o.workers))
            .collect();
        assert_eq!(top, [("9211", 6), ("7112", 2), ("6111", 1)]);
        assert_eq!(table.total.employers_surveyed, 3);
        assert_eq!(table.total.workers_needed, 12);
        assert_eq!(table.total.top_occupations[0].occupation, "9211");
        assert_eq!(table.total.sector, "");
    }

    #[test]
    fn no_surveys_make_an_empty_table() {
        let table = aggregate(&[], &ByDivision);
        assert!(table.rows.is_empty());
        assert_eq!(table.total.employers_surveyed, 0);
    }
}
