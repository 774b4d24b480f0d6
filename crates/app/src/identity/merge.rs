//! Merging two records of one person, and undoing it. The survivor takes
//! every screening, case and document of the merged record, each keeping its origin
//! (region, organisation, recorder); the merge lists what it moved so that
//! its undo moves exactly those rows back.

use soleil_domain::identity::{Merge, MergeId, PairId, PairStatus};
use soleil_domain::{AuditAction, CaseEventKind, Invalid, PersonId, RegionCode, Role, User};
use soleil_store::identity::{self, PERSON_TABLES};
use soleil_store::{Page, Tx};

use super::pairs::decidable_pair;
use crate::audit::{Subject, record};
use crate::cases::{Step, insert_event};
use crate::{App, AppError, AppResult, Operation, authorize, policy};

/// A merge in force, with the names the caller may see.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct MergeSummary {
    #[serde(flatten)]
    pub merge: Merge,
    pub survivor_name: String,
    pub merged_name: String,
    /// Whether the caller may undo it.
    pub may_undo: bool,
}

impl App {
    /// Merges the two persons of a pair into the survivor, one of the two.
    pub async fn merge_pair(&self, actor: &User, id: PairId, survivor: PersonId) -> AppResult<Merge> {
        authorize(actor, Operation::DecideIdentityPairs)?;
        let mut tx = self.store.begin().await?;
        let pair = decidable_pair(&mut tx, actor, id).await?;
        let (merged, merged_region, survivor_region) = if survivor == pair.person_a {
            (pair.person_b, pair.region_b, pair.region_a)
        } else if survivor == pair.person_b {
            (pair.person_a, pair.region_a, pair.region_b)
        } else {
            let mut invalid = Invalid::new();
            invalid.add("survivor", "not_in_pair");
            return Err(invalid.into());
        };
        for person in [survivor, merged] {
            if identity::merged_into(tx.conn(), person).await?.is_some() {
                return Err(AppError::conflict("person_already_merged"));
            }
        }
        let merge = Merge {
            id: MergeId::new(),
            pair_id: Some(id),
            survivor_id: survivor,
            merged_id: merged,
            survivor_region,
            merged_region,
            merged_by: actor.id,
            merged_at: crate::clock::now(),
            undone_by: None,
            undone_at: None,
        };
        identity::insert_merge(tx.conn(), &merge).await?;
        let mut moved = 0;
        for table in PERSON_TABLES {
            moved += identity::move_rows(tx.conn(), merge.id, table, merged, survivor)
                .await?
                .len();
        }
        identity::set_merged_into(tx.conn(), merged, Some(survivor)).await?;
        identity::decide_pair(tx.conn(), id, PairStatus::Merged, Some(actor.id)).await?;
        let detail = format!("merged into {survivor}; {moved} records moved");
        record(
            &mut tx,
            actor,
            AuditAction::Update,
            Subject::new("person", merged, merged_region),
            Some(detail),
        )
        .await?;
        let subject = Subject::new("person_merge", merge.id, survivor_region);
        let detail = format!("{merged} into {survivor}, pair {id}");
        record(&mut tx, actor, AuditAction::Create, subject, Some(detail)).await?;
        on_timelines(&mut tx, actor, &[survivor], CaseEventKind::PersonsMerged).await?;
        tx.commit().await?;
        Ok(merge)
    }

    /// Undoes a merge: the rows it moved go back to the merged person, who
    /// is a person of their own again, and the pair is open again.
    pub async fn undo_merge(&self, actor: &User, id: MergeId) -> AppResult<Merge> {
        authorize(actor, Operation::DecideIdentityPairs)?;
        let mut tx = self.store.begin().await?;
        let mut merge = identity::merge(tx.conn(), id)
            .await?
            .ok_or(AppError::NotFound("person_merge"))?;
        let regions = [merge.survivor_region, merge.merged_region];
        if !policy::may_see_identity_pair(actor, &regions) {
            return Err(AppError::NotFound("person_merge"));
        }
        if !policy::may_decide_identity_pair(actor, &regions) {
            return Err(AppError::Forbidden);
        }
        if merge.undone_at.is_some() {
            return Err(AppError::conflict("merge_already_undone"));
        }
        // The survivor merged since into a third record holds the rows through
        // that later merge: it must be undone first.
        if identity::merged_into(tx.conn(), merge.survivor_id)
            .await?
            .is_some()
        {
            return Err(AppError::conflict("survivor_merged_since"));
        }
        let moved = identity::move_back(tx.conn(), &merge).await?;
        identity::set_merged_into(tx.conn(), merge.merged_id, None).await?;
        identity::mark_undone(tx.conn(), id, actor.id).await?;
        if let Some(pair) = merge.pair_id {
            identity::decide_pair(tx.conn(), pair, PairStatus::Open, None).await?;
        }
        let detail = format!(
            "merge into {} undone; {} records moved back",
            merge.survivor_id,
            moved.len()
        );
        let subject = Subject::new("person", merge.merged_id, merge.merged_region);
        record(&mut tx, actor, AuditAction::Update, subject, Some(detail)).await?;
        let subject = Subject::new("person_merge", id, merge.survivor_region);
        record(
            &mut tx,
            actor,
            AuditAction::Update,
            subject,
            Some("undone".into()),
        )
        .await?;
        let persons = [merge.survivor_id, merge.merged_id];
        on_timelines(&mut tx, actor, &persons, CaseEventKind::MergeUndone).await?;
        tx.commit().await?;
        merge.undone_by = Some(actor.id);
        merge.undone_at = Some(crate::clock::now());
        Ok(merge)
    }

    /// Merges in force in the caller's region (every region for admins), newest first.
    pub async fn merges(&self, actor: &User, page: Page) -> AppResult<(Vec<MergeSummary>, i64)> {
        authorize(actor, Operation::ReviewIdentityPairs)?;
        let region = match (actor.role, actor.region) {
            (Role::Admin, _) => None,
            (_, Some(region)) => Some(region),
            _ => return Err(AppError::Forbidden),
        };
        let mut tx = self.store.begin().await?;
        let (merges, total) = identity::merges(tx.conn(), region, page).await?;
        let ids: Vec<PersonId> = merges.iter().flat_map(|m| [m.survivor_id, m.merged_id]).collect();
        let persons = identity::persons_by_id(tx.conn(), &ids, true).await?;
        let name = |id: PersonId, region: RegionCode| {
            if policy::may_see_identity_pair(actor, &[region]) {
                persons
                    .iter()
                    .find(|p| p.id == id)
                    .map(|p| p.display_name())
                    .unwrap_or_default()
            } else {
                String::new()
            }
        };
        let list: Vec<MergeSummary> = merges
            .into_iter()
            .map(|merge| MergeSummary {
                survivor_name: name(merge.survivor_id, merge.survivor_region),
                merged_name: name(merge.merged_id, merge.merged_region),
                may_undo: policy::may_decide_identity_pair(
                    actor,
                    &[merge.survivor_region, merge.merged_region],
                ),
                merge,
            })
            .collect();
        if !list.is_empty() {
            let detail = format!("person merges: {} merges, page {}", list.len(), page.number + 1);
            record(
                &mut tx,
                actor,
                AuditAction::Read,
                Subject::new("person_merge", "list", region),
                Some(detail),
            )
            .await?;
        }
        tx.commit().await?;
        Ok((list, total))
    }

    /// The merge that folded a person into another, for whoever may see
    /// the survivor or reconciles the region: a merged id then points on.
    pub async fn merged_person(&self, actor: &User, id: PersonId) -> AppResult<Merge> {
        authorize(actor, Operation::ReadPerson)
            .or_else(|_| authorize(actor, Operation::ReviewIdentityPairs))?;
        let mut handle = self.store.handle().await?;
        let merge = identity::merge_of(handle.conn(), id)
            .await?
            .ok_or(AppError::NotFound("person"))?;
        let sees_survivor =
            soleil_store::persons::get(handle.conn(), policy::scope(actor), merge.survivor_id)
                .await?
                .is_some();
        drop(handle);
        if sees_survivor
            || policy::may_see_identity_pair(actor, &[merge.survivor_region, merge.merged_region])
        {
            Ok(merge)
        } else {
            Err(AppError::NotFound("person"))
        }
    }
}

/// The merge, or its undo, on the timeline of every case of the persons.
async fn on_timelines(tx: &mut Tx, actor: &User, persons: &[PersonId], kind: CaseEventKind) -> AppResult<()> {
    for case in identity::cases_of(tx.conn(), persons).await? {
        insert_event(tx, actor, case, Step::new(kind)).await?;
    }
    Ok(())
}
