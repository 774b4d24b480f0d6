//! The screening instruments: the catalogue shipped in the repository, the
//! versions administrators publish, and evaluation of indicator answers.
//!
//! Instruments are published standards, not personal data: reading them and
//! evaluating answers that are not stored needs no role, so the printable
//! sheets can serve people outside the network.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use soleil_domain::{
    Answer, AuditAction, Evaluation, IndicatorSheet, Instrument, InstrumentDefinition, Invalid, LocalText,
    User,
};
use soleil_store::{Conn, instruments};

use crate::audit::{Subject, record};
use crate::{App, AppError, AppResult, Operation, authorize};

/// The catalogue files shipped with SOLEIL, one per instrument version.
#[derive(rust_embed::Embed)]
#[folder = "../../catalogue/instruments/"]
#[include = "*.toml"]
struct Shipped;

/// An instrument and its published versions, newest first.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct InstrumentSummary {
    pub id: String,
    /// The name of the newest version.
    pub name: LocalText,
    pub current_version: String,
    pub versions: Vec<VersionSummary>,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct VersionSummary {
    pub version: String,
    pub published_at: DateTime<Utc>,
    /// Shipped in SOLEIL's catalogue rather than published by an administrator.
    pub shipped: bool,
}

/// Reads a catalogue file; a TOML mistake is reported with its line.
pub fn read_catalogue_file(text: &str) -> Result<InstrumentDefinition, Invalid> {
    toml::from_str(text).map_err(|error| {
        let mut invalid = Invalid::new();
        invalid.add_detail("definition", "invalid_catalogue_file", error.message());
        if let Some(span) = error.span() {
            let line = text[..span.start].lines().count().max(1);
            invalid.errors[0].detail = Some(format!("line {line}: {}", error.message()));
        }
        invalid
    })
}

/// Writes a version back as a catalogue file, the starting point of the next.
pub fn write_catalogue_file(definition: &InstrumentDefinition) -> String {
    toml::to_string_pretty(definition).unwrap_or_default()
}

/// The definitions shipped in the repository, checked.
pub fn shipped_catalogue() -> Result<Vec<Instrument>, String> {
    let mut instruments = Vec::new();
    for path in Shipped::iter() {
        let file = Shipped::get(&path).ok_or_else(|| format!("{path}: missing"))?;
        let text = String::from_utf8_lossy(&file.data);
        let definition = read_catalogue_file(&text).map_err(|invalid| format!("{path}: {invalid}"))?;
        let instrument = Instrument::parse(definition).map_err(|invalid| format!("{path}: {invalid}"))?;
        instruments.push(instrument);
    }
    Ok(instruments)
}

async fn load(conn: Conn<'_>, id: &str, version: Option<&str>) -> AppResult<Option<Instrument>> {
    let Some(published) = instruments::get(conn, id, version).await? else {
        return Ok(None);
    };
    // Versions were checked when published; a failure here is a damaged database.
    Instrument::parse(published.definition)
        .map(Some)
        .map_err(|invalid| AppError::Store(soleil_store::StoreError::Corrupt(invalid.to_string())))
}

impl App {
    /// Publishes the shipped versions the database does not have yet.
    pub(crate) async fn install_catalogue(&self) -> AppResult<()> {
        let shipped = shipped_catalogue()
            .map_err(|problem| AppError::Store(soleil_store::StoreError::Corrupt(problem)))?;
        let mut tx = self.store.begin().await?;
        for instrument in shipped {
            if instruments::publish(tx.conn(), instrument.definition(), crate::clock::now(), None).await? {
                tracing::info!(
                    id = instrument.id(),
                    version = instrument.version(),
                    "instrument installed"
                );
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Every instrument with its versions.
    pub async fn instruments(&self) -> AppResult<Vec<InstrumentSummary>> {
        let mut handle = self.store.handle().await?;
        let all = instruments::all(handle.conn()).await?;
        let mut summaries: Vec<InstrumentSummary> = Vec::new();
        for published in all {
            let version = VersionSummary {
                version: published.definition.version.clone(),
                published_at: published.published_at,
                shipped: published.published_by.is_none(),
            };
            match summaries.last_mut() {
                Some(summary) if summary.id == published.definition.id => summary.versions.push(version),
                _ => summaries.push(InstrumentSummary {
                    id: published.definition.id,
                    name: published.definition.name,
                    current_version: version.version.clone(),
                    versions: vec![version],
                }),
            }
        }
        Ok(summaries)
    }

    /// One version of an instrument; the newest when `version` is `None`.
    pub async fn instrument(&self, id: &str, version: Option<&str>) -> AppResult<Instrument> {
        let mut handle = self.store.handle().await?;
        load(handle.conn(), id, version)
            .await?
            .ok_or(AppError::NotFound("instrument"))
    }

    /// Evaluates answers without storing them, for training and quick checks.
    pub async fn evaluate(
        &self,
        id: &str,
        version: Option<&str>,
        answers: &BTreeMap<String, Answer>,
    ) -> AppResult<Evaluation> {
        let instrument = self.instrument(id, version).await?;
        instrument.check_answers(answers.keys())?;
        Ok(instrument.evaluate(answers))
    }

    /// Publishes a new version of an instrument (or a new instrument).
    /// Published versions never change: the same version twice is refused.
    pub async fn publish_instrument(
        &self,
        actor: &User,
        definition: InstrumentDefinition,
    ) -> AppResult<Instrument> {
        authorize(actor, Operation::PublishInstrument)?;
        let instrument = Instrument::parse(definition)?;
        let mut tx = self.store.begin().await?;
        if !instruments::publish(
            tx.conn(),
            instrument.definition(),
            crate::clock::now(),
            Some(actor.id),
        )
        .await?
        {
            return Err(AppError::conflict("instrument_version_exists"));
        }
        record(
            &mut tx,
            actor,
            AuditAction::Create,
            Subject::new(
                "instrument_version",
                format!("{}@{}", instrument.id(), instrument.version()),
                None,
            ),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(instrument)
    }
}

/// Evaluates the indicator sheet of a screening being saved, by the version
/// it names or else the newest, and records that version in the sheet.
/// A sheet without instrument and answers has no result.
pub(crate) async fn evaluate_sheet(
    conn: Conn<'_>,
    sheet: &mut IndicatorSheet,
) -> AppResult<Option<Evaluation>> {
    let Some(id) = sheet.instrument_id.clone() else {
        if sheet.answers.is_empty() {
            return Ok(None);
        }
        return Err(Invalid::single("indicators.instrument_id", "required").into());
    };
    let version = sheet.instrument_version.as_deref();
    let instrument = load(conn, &id, version).await?.ok_or_else(|| {
        let field = if version.is_some() {
            "indicators.instrument_version"
        } else {
            "indicators.instrument_id"
        };
        Invalid::single(field, "unknown_instrument")
    })?;
    instrument
        .check_answers(sheet.answers.keys().chain(sheet.notes.keys()))
        .map_err(|invalid| prefixed("indicators.", invalid))?;
    sheet.instrument_version = Some(instrument.version().to_owned());
    Ok(Some(instrument.evaluate(&sheet.answers)))
}

fn prefixed(prefix: &str, mut invalid: Invalid) -> Invalid {
    for error in &mut invalid.errors {
        error.field = format!("{prefix}{}", error.field);
    }
    invalid
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_catalogue_is_valid() {
        let instruments = shipped_catalogue().unwrap();
        let ids: Vec<&str> = instruments.iter().map(Instrument::id).collect();
        for id in ["ilo_forced_labour_11", "ilo_ec_delphi_labour", "cp_603bis"] {
            assert!(ids.contains(&id), "{id} missing from {ids:?}");
        }
    }

    #[test]
    fn a_catalogue_file_round_trips_through_toml() {
        for instrument in shipped_catalogue().unwrap() {
            let text = write_catalogue_file(instrument.definition());
            assert_eq!(&read_catalogue_file(&text).unwrap(), instrument.definition());
        }
    }

    #[test]
    fn a_broken_catalogue_file_says_where() {
        let invalid = read_catalogue_file("id = \"x\"\nversion = \n").unwrap_err();
        assert_eq!(invalid.errors[0].code, "invalid_catalogue_file");
        assert!(
            invalid.errors[0].detail.as_deref().unwrap().starts_with("line 2"),
            "{invalid:?}"
        );
    }
}
