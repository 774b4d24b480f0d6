//! Pages: job offers, work profiles, matches, proposals and recruiting days.
//!
//! The offer's page shows the candidates the matching ranks for it, each
//! with every criterion's verdict and why, so the case manager decides whom
//! to propose; a proposal needs the person's consent, and a refused one
//! comes back on the same page with the reason next to the consent. The
//! case's matches page does the same from the person's side, and its work
//! profile is what the matching reads. Employers answer on their own page.

mod days;
mod employer;
mod matches;
mod offers;

use axum::Router;
use soleil_app::directory::sheet::find_comune;
use soleil_domain::Invalid;
use soleil_domain::inclusion::job_offer::matching::{Assessment, Criterion, Reason};
use soleil_domain::inclusion::job_offer::{DrivingLicence, ItalianLevel};

use super::form::{Choice, ChoiceGroup, FormData};
use super::time::date_text;
use crate::AppState;
use crate::i18n::Lang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(offers::routes())
        .merge(matches::routes())
        .merge(employer::routes())
        .merge(days::routes())
}

/// An ISCO-08 unit group as people read it: "9333 – Addetti al carico…".
fn occupation_text(lang: Lang, code: &str) -> String {
    match soleil_reference::occupations::get(code) {
        Some(occupation) => format!("{code} – {}", occupation.title(lang.code())),
        None => code.to_owned(),
    }
}

/// The unit groups of ISCO-08 for a select, grouped by their major group.
fn occupation_groups(lang: Lang) -> Vec<ChoiceGroup> {
    let mut groups: Vec<ChoiceGroup> = Vec::new();
    for unit in soleil_reference::occupations::unit_groups() {
        let major = &unit.code[..1];
        let choice = Choice::new(unit.code, format!("{} – {}", unit.code, unit.title(lang.code())));
        match groups.last_mut() {
            Some(group) if group.label.starts_with(major) => group.choices.push(choice),
            _ => {
                let title = soleil_reference::occupations::get(major).map_or("", |o| o.title(lang.code()));
                groups.push(ChoiceGroup {
                    label: format!("{major} – {title}"),
                    choices: vec![choice],
                });
            }
        }
    }
    groups
}

/// A comune as people read it: "Pescara (PE)"; the code if unknown.
fn comune_text(code: &str) -> String {
    soleil_reference::comune(code).map_or_else(
        || code.to_owned(),
        |c| format!("{} ({})", c.name, c.province_abbreviation),
    )
}

/// A comune typed as a name ("Pescara", "Calliano (AT)") or an ISTAT code:
/// its code, or the field's error and the text as typed for the domain to
/// refuse again.
fn read_comune(invalid: &mut Invalid, field: &str, typed: &str) -> Option<String> {
    if typed.trim().is_empty() {
        return None;
    }
    match find_comune(typed, None) {
        Ok(code) => Some(code),
        Err((code, _)) => {
            invalid.add(field, code);
            Some(typed.trim().to_owned())
        }
    }
}

/// A whole number typed in a field; anything else is `code` on the field.
fn number(invalid: &mut Invalid, field: &str, value: &str, code: &str) -> Option<i32> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let parsed = value.parse().ok();
    if parsed.is_none() {
        invalid.add(field, code);
    }
    parsed
}

/// Words separated by commas, as a list of tags.
fn tags(typed: &str) -> Vec<String> {
    typed
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The levels of Italian, for a select.
fn italian_levels(lang: Lang) -> Vec<Choice> {
    super::form::vocabulary(lang, "jo-italian", ItalianLevel::all().map(ItalianLevel::as_str))
}

/// A licence category as written on the licence: "B", "CE".
fn licence_text(licence: DrivingLicence) -> String {
    licence.as_str().to_uppercase()
}

/// The licence categories, for a select.
fn licences() -> Vec<Choice> {
    DrivingLicence::all()
        .map(|l| Choice::new(l.as_str(), licence_text(l)))
        .collect()
}

/// A form's values as a [`FormData`], to show a record in its form.
fn form_of(pairs: &[(&str, String)]) -> FormData {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs {
        serializer.append_pair(name, value);
    }
    FormData::parse(serializer.finish().as_bytes())
}

/// One criterion of a match, in words.
pub struct ReasonRow {
    pub criterion: String,
    pub verdict: String,
    pub why: String,
    pub blocks: bool,
}

impl ReasonRow {
    fn new(lang: Lang, reason: &Reason) -> Self {
        Self {
            criterion: lang.label("jo-criterion", reason.criterion.as_str()),
            verdict: lang.label("jo-verdict", reason.verdict.as_str()),
            why: why(lang, reason),
            blocks: reason.blocks,
        }
    }
}

/// Why a criterion has its verdict, with the value the reason names read
/// as people read it: a level's name, an occupation's title, a date.
fn why(lang: Lang, reason: &Reason) -> String {
    let id = format!("jo-why-{}", reason.detail);
    let Some(value) = &reason.value else {
        return lang.t(&id);
    };
    let shown = match (reason.criterion, reason.detail.as_str()) {
        (Criterion::ItalianLevel, _) => lang.label("jo-italian", value),
        (Criterion::Occupation, _) => occupation_text(lang, value),
        (Criterion::DrivingLicence, _) => value.to_uppercase(),
        (_, "expired" | "expires_before_start" | "allows_work" | "renewal_receipt" | "available_later") => {
            chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").map_or_else(|_| value.clone(), date_text)
        }
        _ => value.clone(),
    };
    lang.t1(&id, "value", shown)
}

/// A match's summary and reasons, as the pages show them.
pub struct AssessmentView {
    /// "Idonea/o, corrispondenza 75%" or why not.
    pub summary: String,
    pub reasons: Vec<ReasonRow>,
}

impl AssessmentView {
    fn new(lang: Lang, assessment: &Assessment) -> Self {
        let key = if assessment.eligible {
            "jo-eligible"
        } else {
            "jo-not-eligible"
        };
        Self {
            summary: lang.count(key, "score", i64::from(assessment.score)),
            reasons: assessment
                .reasons
                .iter()
                .map(|r| ReasonRow::new(lang, r))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use soleil_domain::inclusion::job_offer::matching::Verdict;

    #[test]
    fn values_of_reasons_read_as_words() {
        let reason = |criterion, detail: &str, value: Option<&str>| Reason {
            criterion,
            verdict: Verdict::Meets,
            detail: detail.to_owned(),
            value: value.map(str::to_owned),
            blocks: false,
        };
        let expired = why(
            Lang::En,
            &reason(Criterion::WorkPermit, "expired", Some("2022-01-31")),
        );
        assert!(expired.contains("31/01/2022"), "{expired}");
        let level = why(Lang::En, &reason(Criterion::ItalianLevel, "level", Some("b1")));
        assert!(level.contains("B1"), "{level}");
        let job = why(
            Lang::It,
            &reason(Criterion::Occupation, "same_unit_group", Some("9333")),
        );
        assert!(job.contains("9333 – "), "{job}");
        assert_eq!(tags(" muletto, ,inventario "), ["muletto", "inventario"]);
        assert_eq!(comune_text("068028"), "Pescara (PE)");
        let groups = occupation_groups(Lang::It);
        assert_eq!(groups.len(), 10);
        assert_eq!(groups.iter().map(|g| g.choices.len()).sum::<usize>(), 436);
    }
}
