//! The indicator sheet inside the screening form: the questions of one
//! instrument version, grouped by dimension, each answered yes, no or
//! "don't know" with an optional note.
//!
//! The operator may switch instrument without losing what was typed: the
//! form is posted with the switch button and comes back with the other
//! instrument's questions. Answers travel as `answer-<indicator id>` and
//! notes as `note-<indicator id>`.

use std::collections::BTreeMap;

use soleil_app::App;
use soleil_domain::{Answer, IndicatorSheet, Invalid};

use super::form::{Choice, FormData, choice};
use super::instruments::InstrumentView;
use crate::i18n::Lang;

/// The instrument a new screening starts with: the ILO list is short and
/// written for people without specific training.
const FIRST_INSTRUMENT: &str = "ilo_forced_labour_11";

const ANSWER: &str = "answer-";
const NOTE: &str = "note-";

/// The sheet as typed.
#[derive(Debug, Clone, Default)]
pub(super) struct SheetForm {
    /// The instrument chosen; empty for a screening without a sheet.
    pub instrument_id: String,
    /// The version whose questions were shown; empty for the newest.
    pub instrument_version: String,
    /// The instrument whose questions were shown, to tell a switch.
    pub shown: String,
    pub answers: BTreeMap<String, String>,
    pub notes: BTreeMap<String, String>,
}

impl SheetForm {
    /// The sheet of a new screening.
    pub fn new() -> Self {
        Self {
            instrument_id: FIRST_INSTRUMENT.to_owned(),
            ..Self::default()
        }
    }

    pub fn read(form: &FormData) -> Self {
        let prefixed = |prefix: &str| -> BTreeMap<String, String> {
            form.pairs()
                .iter()
                .filter_map(|(key, value)| Some((key.strip_prefix(prefix)?.to_owned(), value.clone())))
                .collect()
        };
        let mut sheet = Self {
            instrument_id: form.text("instrument_id"),
            instrument_version: form.text("instrument_version"),
            shown: form.text("shown_instrument"),
            answers: prefixed(ANSWER),
            notes: prefixed(NOTE),
        };
        // Another instrument's questions start from its newest version.
        if sheet.switched() {
            sheet.instrument_version.clear();
        }
        sheet
    }

    /// The sheet of a saved screening.
    pub fn of(sheet: &IndicatorSheet) -> Self {
        let id = sheet.instrument_id.clone().unwrap_or_default();
        Self {
            shown: id.clone(),
            instrument_id: id,
            instrument_version: sheet.instrument_version.clone().unwrap_or_default(),
            answers: sheet
                .answers
                .iter()
                .map(|(id, answer)| (id.clone(), answer.as_str().to_owned()))
                .collect(),
            notes: sheet.notes.clone(),
        }
    }

    /// Whether another instrument was chosen than the one whose questions
    /// were answered: the form comes back with the new questions, unsaved.
    pub fn switched(&self) -> bool {
        self.instrument_id != self.shown
    }

    pub fn input(&self, invalid: &mut Invalid) -> IndicatorSheet {
        let id = Some(self.instrument_id.trim().to_owned()).filter(|id| !id.is_empty());
        if id.is_none() {
            return IndicatorSheet::default();
        }
        let answers = self
            .answers
            .iter()
            .filter_map(|(id, answer)| {
                let field = format!("indicators.answers.{id}");
                choice::<Answer>(invalid, &field, answer).map(|answer| (id.clone(), answer))
            })
            .collect();
        let notes = self
            .notes
            .iter()
            .filter(|(_, note)| !note.trim().is_empty())
            .map(|(id, note)| (id.clone(), note.clone()))
            .collect();
        IndicatorSheet {
            instrument_id: id,
            instrument_version: Some(self.instrument_version.clone()).filter(|v| !v.is_empty()),
            answers,
            notes,
        }
    }
}

/// What the template shows of the sheet.
#[derive(Default)]
pub(super) struct SheetView {
    pub instruments: Vec<Choice>,
    pub instrument_id: String,
    /// The questions, by dimension, with the answers and notes typed.
    pub instrument: Option<InstrumentView>,
}

impl SheetView {
    /// The sheet for a form; the instrument is read from the database. An
    /// instrument that cannot be found shows no questions: the field error
    /// of the save says why.
    pub async fn load(app: &App, lang: Lang, form: &SheetForm) -> Self {
        let instruments = match app.instruments().await {
            Ok(list) => list
                .into_iter()
                .map(|summary| Choice::new(summary.id, summary.name.get(lang.code())))
                .collect(),
            Err(error) => {
                tracing::warn!(%error, "instruments unreadable");
                Vec::new()
            }
        };
        let version = Some(form.instrument_version.as_str()).filter(|v| !v.is_empty());
        let instrument = if form.instrument_id.is_empty() {
            None
        } else {
            app.instrument(&form.instrument_id, version).await.ok()
        };
        // An answer that does not read is shown as unknown; saving names it.
        let answers: BTreeMap<String, Answer> = form
            .answers
            .iter()
            .filter_map(|(id, answer)| Some((id.clone(), answer.parse().ok()?)))
            .collect();
        Self {
            instruments,
            instrument_id: form.instrument_id.clone(),
            instrument: instrument
                .map(|instrument| InstrumentView::new(lang, &instrument, &answers).with_notes(&form.notes)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_and_notes_are_read_by_indicator() {
        let form = FormData::parse(
            b"instrument_id=ilo_forced_labour_11&shown_instrument=ilo_forced_labour_11&instrument_version=2012\
              &answer-fl_isolation=yes&answer-fl_deception=unknown&note-fl_isolation=campo+lontano&note-fl_deception=",
        );
        let sheet = SheetForm::read(&form);
        assert!(!sheet.switched());
        let mut invalid = Invalid::new();
        let input = sheet.input(&mut invalid);
        assert!(invalid.is_empty());
        assert_eq!(input.instrument_version.as_deref(), Some("2012"));
        assert_eq!(input.answers["fl_isolation"], Answer::Yes);
        assert_eq!(input.answers["fl_deception"], Answer::Unknown);
        assert_eq!(input.notes.len(), 1);
        assert_eq!(input.notes["fl_isolation"], "campo lontano");
        // The saved sheet fills the form back.
        let again = SheetForm::of(&input);
        assert_eq!(again.answers["fl_isolation"], "yes");
        assert_eq!(again.notes["fl_isolation"], "campo lontano");
    }

    #[test]
    fn choosing_another_instrument_is_a_switch_to_its_newest_version() {
        let form = FormData::parse(
            b"instrument_id=cp_603bis&shown_instrument=ilo_forced_labour_11&instrument_version=2012",
        );
        let sheet = SheetForm::read(&form);
        assert!(sheet.switched());
        assert!(sheet.instrument_version.is_empty());
    }

    #[test]
    fn no_instrument_means_no_sheet_and_a_bad_answer_is_a_field_error() {
        let none = SheetForm::read(&FormData::parse(b"instrument_id=&answer-fl_isolation=yes"));
        assert_eq!(none.input(&mut Invalid::new()), IndicatorSheet::default());
        let bad = SheetForm::read(&FormData::parse(
            b"instrument_id=ilo_forced_labour_11&shown_instrument=ilo_forced_labour_11&answer-fl_isolation=maybe",
        ));
        let mut invalid = Invalid::new();
        bad.input(&mut invalid);
        assert_eq!(invalid.errors[0].field, "indicators.answers.fl_isolation");
    }
}
