//! The intake check: as an operator records a person, the persons already
//! recorded who may be the same one. Those the operator may see come with
//! their identity and the explanation; those outside their view only say
//! that some exist, and the secretariat is told through an open pair.

use chrono::{DateTime, NaiveDate, Utc};
use soleil_domain::identity::Pair;
use soleil_domain::{AuditAction, NewPerson, Person, PersonId, PersonInput, RegionCode, User};
use soleil_matching::Comparison;
use soleil_store::identity;
use soleil_store::{Tx, persons};

use super::index::prepare;
use super::record::{FieldEvidence, Identity, evidence, evidence_json};
use crate::audit::{Subject, record};
use crate::{App, AppError, AppResult, Operation, authorize, policy};

/// How many candidates a check reads back: more would not help a person.
const CANDIDATES: usize = 10;

/// What the intake check found.
#[derive(Debug, Clone, Default, serde::Serialize, utoipa::ToSchema)]
pub struct MatchReport {
    /// Persons the caller may see who may be the one being recorded, best first.
    pub visible: Vec<PossibleMatch>,
    /// Whether possible matches exist outside what the caller may see; the
    /// secretariat reconciles them. Nothing else is said about them.
    pub hidden: bool,
}

impl MatchReport {
    pub fn is_empty(&self) -> bool {
        self.visible.is_empty() && !self.hidden
    }
}

/// A person already recorded who may be the one being recorded.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PossibleMatch {
    pub person_id: PersonId,
    pub display_name: String,
    pub date_of_birth: Option<NaiveDate>,
    pub nationality: Option<String>,
    pub place_of_birth: Option<String>,
    /// Where and when the person was recorded.
    pub region: RegionCode,
    pub recorded_by_organisation: String,
    pub recorded_at: DateTime<Utc>,
    /// The match weight in bits: the higher, the likelier the same person.
    pub score: f64,
    /// Field by field, what agreed and what did not.
    pub evidence: Vec<FieldEvidence>,
}

/// A candidate read back from the database, with whether the caller may see it.
pub(crate) struct Candidate {
    pub(crate) person: Person,
    pub(crate) comparison: Comparison,
    pub(crate) visible: bool,
}

impl App {
    /// The persons already recorded who may be the person described: the
    /// intake form asks before recording. Anonymous contacts are not checked.
    pub async fn possible_matches(&self, actor: &User, input: &PersonInput) -> AppResult<MatchReport> {
        authorize(actor, Operation::CheckPossibleMatches)?;
        let new = NewPerson::parse(input, crate::clock::now().date_naive())?;
        let candidates = self.identity_candidates(actor, &new).await?;
        let report = self.match_report(&candidates).await?;
        self.audit_shown(actor, &report).await?;
        Ok(report)
    }

    /// The check of a person about to be recorded: refused with the visible
    /// matches unless the operator confirmed none of them is the person.
    pub(crate) async fn check_new_person(
        &self,
        actor: &User,
        new: &NewPerson,
        confirmed: bool,
    ) -> AppResult<Vec<Candidate>> {
        let candidates = self.identity_candidates(actor, new).await?;
        if !confirmed && candidates.iter().any(|c| c.visible) {
            let report = self.match_report(&candidates).await?;
            self.audit_shown(actor, &report).await?;
            return Err(AppError::PossibleDuplicates(Box::new(report)));
        }
        Ok(candidates)
    }

    async fn identity_candidates(&self, actor: &User, new: &NewPerson) -> AppResult<Vec<Candidate>> {
        if new.anonymous {
            return Ok(Vec::new());
        }
        let query = soleil_matching::Prepared::new(&Identity::from(new).record());
        let found = self
            .identity
            .search(&self.store, &self.matching, &query, CANDIDATES)
            .await?;
        if found.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<PersonId> = found.iter().map(|(id, _)| *id).collect();
        let mut handle = self.store.handle().await?;
        let stored = identity::persons_by_id(handle.conn(), &ids, false).await?;
        let scope = policy::scope(actor);
        let mut candidates = Vec::new();
        for (id, comparison) in found {
            let Some(person) = stored.iter().find(|p| p.id == id).cloned() else {
                continue;
            };
            let visible = persons::get(handle.conn(), scope, id).await?.is_some();
            candidates.push(Candidate {
                person,
                comparison,
                visible,
            });
        }
        Ok(candidates)
    }

    async fn match_report(&self, candidates: &[Candidate]) -> AppResult<MatchReport> {
        let mut handle = self.store.handle().await?;
        let mut visible = Vec::new();
        for candidate in candidates.iter().filter(|c| c.visible) {
            let person = &candidate.person;
            let organisation =
                soleil_store::network::organisation(handle.conn(), person.recorded_by_organisation)
                    .await?
                    .map(|o| o.name)
                    .unwrap_or_default();
            visible.push(PossibleMatch {
                person_id: person.id,
                display_name: person.display_name(),
                date_of_birth: person.date_of_birth,
                nationality: person.nationality.clone(),
                place_of_birth: person.place_of_birth.clone(),
                region: person.region,
                recorded_by_organisation: organisation,
                recorded_at: person.created_at,
                score: (candidate.comparison.weight * 100.0).round() / 100.0,
                evidence: evidence(&candidate.comparison),
            });
        }
        Ok(MatchReport {
            visible,
            hidden: candidates.iter().any(|c| !c.visible),
        })
    }

    /// Showing candidates is a read of their identity.
    async fn audit_shown(&self, actor: &User, report: &MatchReport) -> AppResult<()> {
        if report.visible.is_empty() {
            return Ok(());
        }
        let mut tx = self.store.begin().await?;
        for shown in &report.visible {
            let subject = Subject::new("person", shown.person_id, Some(shown.region));
            record(
                &mut tx,
                actor,
                AuditAction::Read,
                subject,
                Some("possible match".into()),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Opens a pair between a person just recorded and each candidate, so the
/// secretariat reconciles them; in the transaction that records the person.
pub(crate) async fn open_pairs(
    tx: &mut Tx,
    actor: &User,
    person: &Person,
    candidates: &[Candidate],
) -> AppResult<()> {
    for candidate in candidates {
        let pair = Pair::open(
            (person.id, person.region),
            (candidate.person.id, candidate.person.region),
            candidate.comparison.weight,
            evidence_json(&candidate.comparison),
            actor.id,
        );
        if identity::insert_pair(tx.conn(), &pair).await? {
            let subject = Subject::new("identity_pair", pair.id, Some(person.region));
            record(
                tx,
                actor,
                AuditAction::Create,
                subject,
                Some("found at intake".into()),
            )
            .await?;
        }
    }
    Ok(())
}

/// Persons as the engine compares them, for the sweep.
pub(crate) fn prepared(persons: &[Person]) -> Vec<soleil_matching::Prepared> {
    persons.iter().map(prepare).collect()
}
