//! The needs survey form of an employer's page: the day, what the employer
//! would do for the project's people, and rows of workers needed.
//!
//! The form has a fixed number of rows; a row left blank is no row. The use
//! case numbers the rows it keeps, blank ones left out, so its messages are
//! moved back to the rows of the page they came from.

use axum::extract::State;
use axum::response::Response;
use chrono::Utc;
use soleil_domain::inclusion::employer::survey::{NeedInput, NewSurvey, SurveyInput};
use soleil_domain::{FieldError, Invalid};

use super::{Reference, SURVEY_FORM, missing, refused_page};
use crate::AppState;
use crate::auth::PageUser;
use crate::i18n::Lang;
use crate::pages::done;
use crate::pages::form::{Choice, Field, FormData, PathText, Refused, date, optional, path_id};
use soleil_domain::inclusion::employer::EmployerId;

/// Rows of needs the form offers.
pub(super) const NEED_ROWS: usize = 5;

/// The name a field of a row of needs is posted with, as the use case names it.
fn need_field(row: usize, name: &str) -> String {
    format!("needs[{row}].{name}")
}

/// The fields of one row of needs, as the template shows them.
pub(super) struct NeedFields {
    pub legend: String,
    pub occupation: Field,
    pub workers: Field,
    pub skills: Field,
    pub needed_by: Field,
}

pub(super) fn need_fields(lang: Lang, refused: &Refused) -> Vec<NeedFields> {
    (0..NEED_ROWS)
        .map(|row| {
            let field = |name: &str| refused.field(SURVEY_FORM, &need_field(row, name));
            NeedFields {
                legend: lang.t1("emp-survey-need-row", "number", row + 1),
                occupation: field("occupation"),
                workers: field("workers"),
                skills: field("skills"),
                needed_by: field("needed_by"),
            }
        })
        .collect()
}

/// An ISCO-08 unit group with its title in the user's language.
pub(super) fn occupation_text(lang: Lang, code: &str) -> String {
    soleil_reference::occupations::get(code).map_or_else(
        || code.to_owned(),
        |o| format!("{code} – {}", o.title(lang.code())),
    )
}

/// The unit groups, suggested as the occupation is typed.
pub(super) fn occupation_choices(lang: Lang) -> Vec<Choice> {
    soleil_reference::occupations::unit_groups()
        .iter()
        .map(|o| Choice::new(o.code, o.title(lang.code())))
        .collect()
}

/// A whole number as typed: blank is none, anything else that does not
/// read is an `invalid_number` of the field.
fn number(invalid: &mut Invalid, field: &str, typed: &str) -> Option<i32> {
    let typed = typed.trim();
    if typed.is_empty() {
        return None;
    }
    let parsed = typed.parse().ok();
    if parsed.is_none() {
        invalid.add(field, "invalid_number");
    }
    parsed
}

/// The survey as typed, with what the page could not read, and for each
/// row the use case will number, the row of the page it is.
struct Typed {
    input: SurveyInput,
    invalid: Invalid,
    rows: Vec<usize>,
}

fn read(form: &FormData) -> Typed {
    let mut invalid = Invalid::new();
    let mut needs = Vec::new();
    let mut rows = Vec::new();
    for row in 0..NEED_ROWS {
        let text = |name: &str| form.get(&need_field(row, name)).to_owned();
        let need = NeedInput {
            // The suggestions give the code; a code typed with its title reads too.
            occupation: optional(text("occupation").split_whitespace().next().unwrap_or_default()),
            workers: number(&mut invalid, &need_field(row, "workers"), &text("workers")),
            skills: optional(&text("skills")),
            needed_by: date(&mut invalid, &need_field(row, "needed_by"), &text("needed_by")),
        };
        // Rows the use case would leave out, as it does blank ones.
        let blank = need.occupation.is_none()
            && need.workers.is_none()
            && need.skills.is_none()
            && need.needed_by.is_none();
        if !blank {
            needs.push(need);
            rows.push(row);
        }
    }
    let input = SurveyInput {
        surveyed_on: date(&mut invalid, "surveyed_on", form.get("surveyed_on")),
        open_to_training: form.checked("open_to_training"),
        internships: number(&mut invalid, "internships", form.get("internships")),
        apprenticeships: number(&mut invalid, "apprenticeships", form.get("apprenticeships")),
        other_insertion: optional(form.get("other_insertion")),
        notes: optional(form.get("notes")),
        needs,
    };
    Typed { input, invalid, rows }
}

/// A field of the use case's numbering (`needs[1].workers`) as the page's
/// row it came from (`needs[3].workers`).
fn page_field(field: &str, rows: &[usize]) -> String {
    field
        .strip_prefix("needs[")
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(index, name)| Some((rows.get(index.parse::<usize>().ok()?)?, name)))
        .map_or_else(|| field.to_owned(), |(row, name)| format!("needs[{row}]{name}"))
}

/// The use case's messages on the page's rows, after the page's own; a
/// field the page already has a message for keeps it.
fn merged(mut own: Invalid, found: Invalid, rows: &[usize]) -> Invalid {
    for error in found.errors {
        let field = page_field(&error.field, rows);
        if !own.errors.iter().any(|e| e.field == field) {
            own.errors.push(FieldError { field, ..error });
        }
    }
    own
}

pub(super) async fn record(
    State(state): State<AppState>,
    page: PageUser,
    PathText(id): PathText,
    form: FormData,
) -> Response {
    let Some(id) = path_id::<EmployerId>(&id) else {
        return missing(&page, "employer");
    };
    let Typed { input, invalid, rows } = read(&form);
    let result = if invalid.is_empty() {
        match state.app.record_survey(&page.user, id, &input).await {
            Err(soleil_app::AppError::Invalid(found)) => Err(merged(invalid, found, &rows).into()),
            other => other,
        }
    } else {
        let today = Utc::now().date_naive();
        let found = NewSurvey::parse(&input, today, &Reference)
            .err()
            .unwrap_or_default();
        Err(merged(invalid, found, &rows).into())
    };
    match result {
        Ok(_) => done(&format!("/employers/{id}"), "emp-survey-recorded"),
        Err(error) => refused_page(&state, &page, id, (SURVEY_FORM, form, error)).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_messages_of_a_row_land_on_the_row_it_was_typed_in() {
        let form = FormData::parse(
            b"surveyed_on=2026-03-01&internships=due\
              &needs%5B1%5D.occupation=9211&needs%5B1%5D.workers=12\
              &needs%5B3%5D.occupation=92&needs%5B3%5D.workers=0",
        );
        let typed = read(&form);
        assert_eq!(typed.rows, [1, 3]);
        assert_eq!(typed.input.needs.len(), 2);
        let fields: Vec<&str> = typed.invalid.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["internships"]);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let found = NewSurvey::parse(&typed.input, today, &Reference).expect_err("refused");
        let all = merged(typed.invalid, found, &typed.rows);
        let found: Vec<(&str, &str)> = all
            .errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("internships", "invalid_number"),
                ("needs[3].occupation", "unknown_occupation"),
                ("needs[3].workers", "out_of_range"),
            ]
        );
    }

    #[test]
    fn an_occupation_chosen_with_its_title_reads_as_its_code() {
        let form =
            FormData::parse("needs%5B0%5D.occupation=9211+–+Braccianti&needs%5B0%5D.workers=3".as_bytes());
        assert_eq!(read(&form).input.needs[0].occupation.as_deref(), Some("9211"));
    }
}
