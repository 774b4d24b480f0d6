//! The secretariat's queue of possible duplicates, the pair side by side,
//! "these are two different persons", and the sweep of a region.

use chrono::{DateTime, NaiveDate, Utc};
use soleil_domain::identity::{Pair, PairId, PairStatus};
use soleil_domain::{AuditAction, Invalid, Person, PersonId, RegionCode, Role, Sex, User};
use soleil_matching::{Index, Model};
use soleil_store::identity;
use soleil_store::{Page, Tx, screenings};

use super::check::prepared;
use super::record::{FieldEvidence, evidence_json, evidence_of};
use crate::audit::{Subject, record};
use crate::{App, AppError, AppResult, Operation, authorize, policy};

/// How many possible matches of each person the sweep looks at.
const SWEEP_CANDIDATES: usize = 10;

/// One person of a pair, as the secretariat compares them.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PairSide {
    pub person_id: PersonId,
    pub display_name: String,
    pub given_name: Option<String>,
    pub surname: Option<String>,
    pub alias: Option<String>,
    pub sex: Option<Sex>,
    pub date_of_birth: Option<NaiveDate>,
    pub nationality: Option<String>,
    pub place_of_birth: Option<String>,
    pub codice_fiscale: Option<String>,
    pub phone: Option<String>,
    pub region: RegionCode,
    pub recorded_at: DateTime<Utc>,
    /// Screenings and cases that follow the person into a merge.
    pub screenings: usize,
    pub cases: usize,
}

/// A line of the queue. For a region's secretariat, a person of another
/// region is not shown: only that a possible duplicate exists there.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PairSummary {
    pub id: PairId,
    pub score: f64,
    pub status: PairStatus,
    pub found_at: DateTime<Utc>,
    pub left: PairSide,
    /// `None` when the other person lies in a region the caller may not see.
    pub right: Option<PairSide>,
    /// The other person is recorded in another region.
    pub cross_region: bool,
    /// Whether the caller may merge the pair or mark it distinct.
    pub may_decide: bool,
}

/// A pair with the engine's explanation, field by field.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PairView {
    #[serde(flatten)]
    pub summary: PairSummary,
    /// Empty when the other person is hidden from the caller.
    pub evidence: Vec<FieldEvidence>,
}

/// What a sweep of a region did.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct SweepReport {
    pub region: RegionCode,
    /// Persons compared.
    pub persons: usize,
    /// Pairs newly opened; pairs already known, or marked distinct, are not.
    pub opened: usize,
}

/// The regions whose pairs a user reconciles: `None` for every region.
fn reconciled_regions(actor: &User) -> AppResult<Option<RegionCode>> {
    match (actor.role, actor.region) {
        (Role::Admin, _) => Ok(None),
        (Role::Secretariat, Some(region)) => Ok(Some(region)),
        _ => Err(AppError::Forbidden),
    }
}

impl App {
    /// Open possible duplicates of the caller's region (all for admins), best first.
    pub async fn identity_pairs(&self, actor: &User, page: Page) -> AppResult<(Vec<PairSummary>, i64)> {
        authorize(actor, Operation::ReviewIdentityPairs)?;
        let region = reconciled_regions(actor)?;
        let mut tx = self.store.begin().await?;
        let (pairs, total) = identity::open_pairs(tx.conn(), region, page).await?;
        let mut list = Vec::with_capacity(pairs.len());
        for pair in &pairs {
            list.push(summary(&mut tx, actor, pair).await?);
        }
        if !list.is_empty() {
            let detail = format!("identity pairs: {} pairs, page {}", list.len(), page.number + 1);
            record(
                &mut tx,
                actor,
                AuditAction::Read,
                Subject::new("identity_pair", "list", region),
                Some(detail),
            )
            .await?;
        }
        tx.commit().await?;
        Ok((list, total))
    }

    /// One pair, side by side, with the explanation.
    pub async fn identity_pair(&self, actor: &User, id: PairId) -> AppResult<PairView> {
        authorize(actor, Operation::ReviewIdentityPairs)?;
        let mut tx = self.store.begin().await?;
        let pair = visible_pair(&mut tx, actor, id).await?;
        let summary = summary(&mut tx, actor, &pair).await?;
        for side in [Some(&summary.left), summary.right.as_ref()]
            .into_iter()
            .flatten()
        {
            let subject = Subject::new("person", side.person_id, Some(side.region));
            record(
                &mut tx,
                actor,
                AuditAction::Read,
                subject,
                Some(format!("identity pair {id}")),
            )
            .await?;
        }
        tx.commit().await?;
        let evidence = if summary.right.is_some() {
            evidence_of(&pair.evidence)
        } else {
            Vec::new()
        };
        Ok(PairView { summary, evidence })
    }

    /// The two persons of a pair are different people: the pair is closed
    /// and never proposed again.
    pub async fn mark_distinct(&self, actor: &User, id: PairId) -> AppResult<()> {
        authorize(actor, Operation::DecideIdentityPairs)?;
        let mut tx = self.store.begin().await?;
        let pair = decidable_pair(&mut tx, actor, id).await?;
        identity::decide_pair(tx.conn(), id, PairStatus::Distinct, Some(actor.id)).await?;
        let detail = format!("{} and {} are different persons", pair.person_a, pair.person_b);
        record(
            &mut tx,
            actor,
            AuditAction::Update,
            Subject::new("identity_pair", id, pair.region_a),
            Some(detail),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Runs the matching engine over a region's persons and opens a pair for
    /// every possible duplicate not known yet. A secretariat sweeps its own
    /// region; an admin names one.
    pub async fn sweep_region(&self, actor: &User, region: Option<RegionCode>) -> AppResult<SweepReport> {
        authorize(actor, Operation::SearchDuplicates)?;
        let region = match (reconciled_regions(actor)?, region) {
            (Some(own), None) => own,
            (Some(own), Some(asked)) if own == asked => own,
            (Some(_), Some(_)) => return Err(AppError::Forbidden),
            (None, Some(asked)) => asked,
            (None, None) => {
                let mut invalid = Invalid::new();
                invalid.add("region", "required");
                return Err(invalid.into());
            }
        };
        let mut handle = self.store.handle().await?;
        let persons = identity::matchable(handle.conn(), Some(region)).await?;
        drop(handle);
        let found = possible_pairs(&self.matching, &persons);
        let mut tx = self.store.begin().await?;
        let mut opened = 0;
        for (a, b, comparison) in found {
            let (a, b) = (&persons[a], &persons[b]);
            let pair = Pair::open(
                (a.id, a.region),
                (b.id, b.region),
                comparison.weight,
                evidence_json(&comparison),
                actor.id,
            );
            if identity::insert_pair(tx.conn(), &pair).await? {
                opened += 1;
                let subject = Subject::new("identity_pair", pair.id, Some(region));
                record(
                    &mut tx,
                    actor,
                    AuditAction::Create,
                    subject,
                    Some("found by a sweep".into()),
                )
                .await?;
            }
        }
        let detail = format!("sweep: {} persons, {opened} new pairs", persons.len());
        record(
            &mut tx,
            actor,
            AuditAction::Read,
            Subject::new("person", "sweep", region),
            Some(detail),
        )
        .await?;
        tx.commit().await?;
        Ok(SweepReport {
            region,
            persons: persons.len(),
            opened,
        })
    }
}

/// Every pair of persons (by position) the engine finds possibly the same,
/// each once.
fn possible_pairs(model: &Model, persons: &[Person]) -> Vec<(usize, usize, soleil_matching::Comparison)> {
    let prepared = prepared(persons);
    let mut index = Index::new();
    for (position, person) in prepared.iter().enumerate() {
        index.insert(position, person.clone());
    }
    let mut pairs = Vec::new();
    for (position, person) in prepared.iter().enumerate() {
        for (other, comparison) in index.search(model, person, SWEEP_CANDIDATES + 1) {
            if other > position {
                pairs.push((position, other, comparison));
            }
        }
    }
    pairs
}

/// A pair the caller may see: admins every one, a secretariat those
/// touching its region. Others do not exist for the caller.
pub(super) async fn visible_pair(tx: &mut Tx, actor: &User, id: PairId) -> AppResult<Pair> {
    let pair = identity::pair(tx.conn(), id)
        .await?
        .ok_or(AppError::NotFound("identity_pair"))?;
    if policy::may_see_identity_pair(actor, &[pair.region_a, pair.region_b]) {
        Ok(pair)
    } else {
        Err(AppError::NotFound("identity_pair"))
    }
}

/// An open pair the caller may decide: a cross-region pair only by admins.
pub(super) async fn decidable_pair(tx: &mut Tx, actor: &User, id: PairId) -> AppResult<Pair> {
    let pair = visible_pair(tx, actor, id).await?;
    if !policy::may_decide_identity_pair(actor, &[pair.region_a, pair.region_b]) {
        return Err(AppError::Forbidden);
    }
    if pair.status != PairStatus::Open {
        return Err(AppError::conflict("pair_not_open"));
    }
    Ok(pair)
}

async fn summary(tx: &mut Tx, actor: &User, pair: &Pair) -> AppResult<PairSummary> {
    let persons = identity::persons_by_id(tx.conn(), &[pair.person_a, pair.person_b], true).await?;
    let find = |id: PersonId| {
        persons
            .iter()
            .find(|p| p.id == id)
            .ok_or(AppError::NotFound("person"))
    };
    let (a, b) = (find(pair.person_a)?, find(pair.person_b)?);
    // The caller's own region first; a person of another region stays hidden
    // from a region's secretariat.
    let (left, right) = if actor.region == Some(b.region) && actor.region != Some(a.region) {
        (b, a)
    } else {
        (a, b)
    };
    let shows_right = policy::may_see_identity_pair(actor, &[right.region]);
    Ok(PairSummary {
        id: pair.id,
        score: (pair.score * 100.0).round() / 100.0,
        status: pair.status,
        found_at: pair.found_at,
        left: side(tx, left).await?,
        right: match shows_right {
            true => Some(side(tx, right).await?),
            false => None,
        },
        cross_region: pair.is_cross_region(),
        may_decide: policy::may_decide_identity_pair(actor, &[pair.region_a, pair.region_b]),
    })
}

async fn side(tx: &mut Tx, person: &Person) -> AppResult<PairSide> {
    let screenings = screenings::for_person(tx.conn(), person.id).await?.len();
    let cases = identity::cases_of(tx.conn(), &[person.id]).await?.len();
    Ok(PairSide {
        person_id: person.id,
        display_name: person.display_name(),
        given_name: person.given_name.clone(),
        surname: person.surname.clone(),
        alias: person.alias.clone(),
        sex: person.sex,
        date_of_birth: person.date_of_birth,
        nationality: person.nationality.clone(),
        place_of_birth: person.place_of_birth.clone(),
        codice_fiscale: person.codice_fiscale.clone(),
        phone: person.phone.clone(),
        region: person.region,
        recorded_at: person.created_at,
        screenings,
        cases,
    })
}
