//! The survey of an employer's needs ("analisi fabbisogno imprese", seed
//! 004 phase 1): which workers it needs and by when, and what it would do
//! for the project's people (training, internships, apprenticeships).
//! An employer is surveyed again over time; each survey is kept.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Catalogues, EmployerId, EmployerSurveyId};
use crate::region::RegionCode;
use crate::user::UserId;
use crate::validation::{Invalid, LONG_TEXT};

/// One row of needs: how many workers of an occupation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct WorkerNeed {
    /// ISCO-08 unit group, four digits.
    pub occupation: String,
    pub workers: i32,
    pub skills: Option<String>,
    pub needed_by: Option<NaiveDate>,
}

/// A survey as stored, with its rows of needs.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct EmployerSurvey {
    pub id: EmployerSurveyId,
    pub employer_id: EmployerId,
    pub region: RegionCode,
    pub surveyed_on: NaiveDate,
    /// Open to the project's training paths (labs, courses).
    pub open_to_training: bool,
    /// Internships (tirocini) it would activate.
    pub internships: i32,
    /// Apprenticeships it would activate.
    pub apprenticeships: i32,
    /// Other forms of insertion it would consider.
    pub other_insertion: Option<String>,
    pub notes: Option<String>,
    pub recorded_by: UserId,
    pub created_at: DateTime<Utc>,
    pub needs: Vec<WorkerNeed>,
}

/// One row of needs as typed; a row left blank is no row.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct NeedInput {
    pub occupation: Option<String>,
    pub workers: Option<i32>,
    pub skills: Option<String>,
    /// YYYY-MM-DD.
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    pub needed_by: Option<NaiveDate>,
}

impl NeedInput {
    fn is_blank(&self) -> bool {
        let blank = |t: &Option<String>| t.as_deref().is_none_or(|t| t.trim().is_empty());
        blank(&self.occupation) && self.workers.is_none() && blank(&self.skills) && self.needed_by.is_none()
    }
}

/// A survey as typed.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct SurveyInput {
    /// YYYY-MM-DD.
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    pub surveyed_on: Option<NaiveDate>,
    #[serde(default)]
    pub open_to_training: bool,
    pub internships: Option<i32>,
    pub apprenticeships: Option<i32>,
    pub other_insertion: Option<String>,
    pub notes: Option<String>,
    #[serde(default)]
    pub needs: Vec<NeedInput>,
}

/// A checked survey, ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSurvey {
    pub surveyed_on: NaiveDate,
    pub open_to_training: bool,
    pub internships: i32,
    pub apprenticeships: i32,
    pub other_insertion: Option<String>,
    pub notes: Option<String>,
    pub needs: Vec<WorkerNeed>,
}

/// More than this many of one thing from one employer is a typing slip.
const MOST_PER_ROW: i32 = 1_000;
/// Rows of needs one survey may hold.
const MOST_ROWS: usize = 50;

impl NewSurvey {
    pub fn parse(
        input: &SurveyInput,
        today: NaiveDate,
        catalogues: &impl Catalogues,
    ) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        match input.surveyed_on {
            None => invalid.add("surveyed_on", "required"),
            Some(day) if day > today => invalid.add("surveyed_on", "date_in_the_future"),
            Some(_) => {}
        }
        let internships = count(&mut invalid, "internships", input.internships);
        let apprenticeships = count(&mut invalid, "apprenticeships", input.apprenticeships);
        let other_insertion =
            invalid.optional_text("other_insertion", input.other_insertion.as_deref(), LONG_TEXT);
        let notes = invalid.optional_text("notes", input.notes.as_deref(), LONG_TEXT);
        let rows: Vec<&NeedInput> = input.needs.iter().filter(|n| !n.is_blank()).collect();
        if rows.len() > MOST_ROWS {
            invalid.add("needs", "too_many_rows");
        }
        let needs = rows
            .iter()
            .enumerate()
            .map(|(i, row)| parse_need(&mut invalid, i, row, input.surveyed_on, catalogues))
            .collect();
        let surveyed_on = input.surveyed_on.unwrap_or(today);
        invalid.into_result(Self {
            surveyed_on,
            open_to_training: input.open_to_training,
            internships,
            apprenticeships,
            other_insertion,
            notes,
            needs,
        })
    }
}

/// A count that may be left blank (none).
fn count(invalid: &mut Invalid, field: &str, value: Option<i32>) -> i32 {
    let value = value.unwrap_or(0);
    if !(0..=MOST_PER_ROW).contains(&value) {
        invalid.add(field, "out_of_range");
    }
    value
}

fn parse_need(
    invalid: &mut Invalid,
    index: usize,
    row: &NeedInput,
    surveyed_on: Option<NaiveDate>,
    catalogues: &impl Catalogues,
) -> WorkerNeed {
    let field = |name: &str| format!("needs[{index}].{name}");
    let occupation = row.occupation.as_deref().map(str::trim).unwrap_or("").to_owned();
    if occupation.is_empty() {
        invalid.add(&field("occupation"), "required");
    } else if !catalogues.is_unit_group(&occupation) {
        invalid.add(&field("occupation"), "unknown_occupation");
    }
    let workers = row.workers.unwrap_or(0);
    match row.workers {
        None => invalid.add(&field("workers"), "required"),
        Some(n) if !(1..=MOST_PER_ROW).contains(&n) => invalid.add(&field("workers"), "out_of_range"),
        Some(_) => {}
    }
    let skills = invalid.optional_text(&field("skills"), row.skills.as_deref(), LONG_TEXT);
    if let (Some(by), Some(surveyed)) = (row.needed_by, surveyed_on)
        && by < surveyed
    {
        invalid.add(&field("needed_by"), "needed_before_survey");
    }
    WorkerNeed {
        occupation,
        workers,
        skills,
        needed_by: row.needed_by,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::Few;
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    fn need(occupation: &str, workers: i32) -> NeedInput {
        NeedInput {
            occupation: Some(occupation.into()),
            workers: Some(workers),
            ..NeedInput::default()
        }
    }

    #[test]
    fn a_survey_keeps_its_rows_and_drops_blank_ones() {
        let input = SurveyInput {
            surveyed_on: Some(day("2026-03-01")),
            open_to_training: true,
            internships: Some(2),
            needs: vec![need("9211", 12), NeedInput::default(), need("5120", 1)],
            ..SurveyInput::default()
        };
        let survey = NewSurvey::parse(&input, day("2026-03-02"), &Few).expect("valid");
        assert_eq!(survey.needs.len(), 2);
        assert_eq!(survey.internships, 2);
        assert_eq!(survey.apprenticeships, 0);
    }

    #[test]
    fn rows_are_checked_one_by_one() {
        let input = SurveyInput {
            surveyed_on: Some(day("2026-03-01")),
            internships: Some(-1),
            needs: vec![
                need("92", 3),
                NeedInput {
                    workers: Some(0),
                    needed_by: Some(day("2026-02-01")),
                    ..need("9211", 0)
                },
            ],
            ..SurveyInput::default()
        };
        let errors: Vec<(String, String)> = NewSurvey::parse(&input, day("2026-03-02"), &Few)
            .expect_err("invalid")
            .errors
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect();
        assert_eq!(
            errors,
            [
                ("internships".into(), "out_of_range".into()),
                ("needs[0].occupation".into(), "unknown_occupation".into()),
                ("needs[1].workers".into(), "out_of_range".into()),
                ("needs[1].needed_by".into(), "needed_before_survey".into()),
            ]
        );
    }

    #[test]
    fn a_survey_is_not_dated_in_the_future() {
        let input = SurveyInput {
            surveyed_on: Some(day("2026-03-03")),
            ..SurveyInput::default()
        };
        assert!(NewSurvey::parse(&input, day("2026-03-02"), &Few).is_err());
        assert!(NewSurvey::parse(&SurveyInput::default(), day("2026-03-02"), &Few).is_err());
    }
}
