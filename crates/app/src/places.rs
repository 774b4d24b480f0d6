//! Emergency places: facilities declare their beds, the regional
//! secretariat sees the free ones of its region and allocates, releases and
//! transfers them for its cases. The database, not this code, guarantees
//! that a place has at most one allocation in force.

use soleil_domain::place::{AllocationInput, PlacesInput, ReleaseInput, TransferInput, is_facility};
use soleil_domain::validation::LONG_TEXT;
use soleil_domain::{
    AuditAction, Case, CaseEventKind, CaseId, CaseState, Invalid, Organisation, OrganisationId, Place,
    PlaceAllocation, PlaceAllocationId, PlaceId, PlaceKind, RegionCode, User, place::PlaceInput,
};
use soleil_store::places::{self, AllocationView, PlaceFilter, PlaceView};
use soleil_store::{StoreError, Tx, network};

use crate::audit::{Subject, record};
use crate::cases::{Step, insert_event, visible_case};
use crate::{App, AppError, AppResult, Operation, authorize, policy};

mod expiry;

/// A place with every allocation it has had, newest first.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PlaceFile {
    #[serde(flatten)]
    pub place: PlaceView,
    pub history: Vec<AllocationView>,
}

/// Withdraws a place or offers it again.
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct PlaceUpdate {
    pub active: bool,
}

impl App {
    /// Places the caller may see: the secretariat those of its region,
    /// a facility's users its own, admins all; narrowed by the filter.
    pub async fn places(&self, actor: &User, filter: &PlaceFilter) -> AppResult<Vec<PlaceView>> {
        authorize(actor, Operation::ListPlaces)?;
        let mut filter = filter.clone();
        match actor.role {
            soleil_domain::Role::Admin => {}
            soleil_domain::Role::Secretariat => {
                let Some(region) = actor.region else {
                    return Ok(Vec::new());
                };
                if filter.region.is_some_and(|r| r != region) {
                    return Ok(Vec::new());
                }
                filter.region = Some(region);
            }
            _ => {
                let Some(organisation) = actor.organisation_id else {
                    return Ok(Vec::new());
                };
                if filter.organisation.is_some_and(|o| o != organisation) {
                    return Ok(Vec::new());
                }
                filter.organisation = Some(organisation);
            }
        }
        let mut handle = self.store.handle().await?;
        Ok(places::list(handle.conn(), &filter).await?)
    }

    /// One place and its history of allocations.
    pub async fn place(&self, actor: &User, id: PlaceId) -> AppResult<PlaceFile> {
        authorize(actor, Operation::ReadPlace)?;
        let mut tx = self.store.begin().await?;
        let place = visible_place(&mut tx, actor, id).await?;
        let history = places::history(tx.conn(), id).await?;
        let subject = Subject::new("place", id, Some(place.place.region));
        record(&mut tx, actor, AuditAction::Read, subject, Some("history".into())).await?;
        tx.commit().await?;
        Ok(PlaceFile { place, history })
    }

    /// A facility declares a place.
    pub async fn declare_place(&self, actor: &User, input: &PlaceInput) -> AppResult<Place> {
        authorize(actor, Operation::DeclarePlace)?;
        let label = input.parse_label()?;
        let mut tx = self.store.begin().await?;
        let organisation = declaring_facility(&mut tx, actor, input.organisation_id).await?;
        let place = insert_place(&mut tx, actor, &organisation, input.kind, input.accessible, label).await?;
        tx.commit().await?;
        Ok(place)
    }

    /// A facility declares several places of one kind at once, numbered
    /// after the labels it uses already; all of them or none.
    pub async fn declare_places(&self, actor: &User, input: &PlacesInput) -> AppResult<Vec<Place>> {
        authorize(actor, Operation::DeclarePlace)?;
        let mut tx = self.store.begin().await?;
        let organisation = declaring_facility(&mut tx, actor, input.organisation_id).await?;
        let taken = places::labels(tx.conn(), organisation.id).await?;
        let mut declared = Vec::new();
        for label in input.labels(&taken)? {
            declared.push(
                insert_place(&mut tx, actor, &organisation, input.kind, input.accessible, label).await?,
            );
        }
        tx.commit().await?;
        Ok(declared)
    }

    /// The facility whose places the caller declares on the places page:
    /// a service user's own organisation, when it is a facility.
    pub async fn own_facility(&self, actor: &User) -> AppResult<Option<Organisation>> {
        let Some(id) = actor
            .organisation_id
            .filter(|_| policy::permits(actor.role, Operation::DeclarePlace))
        else {
            return Ok(None);
        };
        let mut handle = self.store.handle().await?;
        let organisation = network::organisation(handle.conn(), id).await?;
        Ok(organisation.filter(|o| is_facility(o.kind) && policy::may_declare_places(actor, o.id)))
    }

    /// A facility withdraws a place (not while allocated) or offers it again.
    pub async fn set_place_active(&self, actor: &User, id: PlaceId, active: bool) -> AppResult<PlaceView> {
        authorize(actor, Operation::DeclarePlace)?;
        let mut tx = self.store.begin().await?;
        let place = visible_place(&mut tx, actor, id).await?;
        if !policy::may_declare_places(actor, place.place.organisation_id) {
            return Err(AppError::Forbidden);
        }
        if !active && place.allocation_id.is_some() {
            return Err(AppError::conflict("place_occupied"));
        }
        places::set_place_active(tx.conn(), id, active).await?;
        let subject = Subject::new("place", id, Some(place.place.region));
        let detail = if active { "active" } else { "withdrawn" };
        record(&mut tx, actor, AuditAction::Update, subject, Some(detail.into())).await?;
        let updated = places::place(tx.conn(), id)
            .await?
            .ok_or(AppError::NotFound("place"))?;
        tx.commit().await?;
        Ok(updated)
    }

    /// The places a case has had, newest first: for whoever may read the case.
    pub async fn case_places(&self, actor: &User, case: CaseId) -> AppResult<Vec<AllocationView>> {
        authorize(actor, Operation::ReadCase)?;
        let mut tx = self.store.begin().await?;
        let found = visible_case(&mut tx, policy::scope(actor), case).await?;
        let list = places::for_case(tx.conn(), case).await?;
        let subject = Subject::new("case", case, Some(found.region));
        record(&mut tx, actor, AuditAction::Read, subject, Some("places".into())).await?;
        tx.commit().await?;
        Ok(list)
    }

    /// The secretariat allocates a free place of its region to a case.
    pub async fn allocate_place(
        &self,
        actor: &User,
        case: CaseId,
        input: &AllocationInput,
    ) -> AppResult<PlaceAllocation> {
        authorize(actor, Operation::AllocatePlace)?;
        input.check()?;
        let mut tx = self.store.begin().await?;
        let case = allocating_case(&mut tx, actor, case).await?;
        let allocation = allocate_in(&mut tx, actor, &case, input).await?;
        tx.commit().await?;
        Ok(allocation)
    }

    /// Ends an allocation in force: the place is free again.
    pub async fn release_place(
        &self,
        actor: &User,
        case: CaseId,
        allocation: PlaceAllocationId,
        input: &ReleaseInput,
    ) -> AppResult<PlaceAllocation> {
        authorize(actor, Operation::AllocatePlace)?;
        let reason = reason(input.reason.as_deref())?;
        let mut tx = self.store.begin().await?;
        let case = allocating_case(&mut tx, actor, case).await?;
        let released = release_in(&mut tx, actor, (case.id, case.region), allocation, reason).await?;
        tx.commit().await?;
        Ok(released)
    }

    /// Moves a case to another place in one step: the allocation in force
    /// ends and the new one starts, or neither happens.
    pub async fn transfer_place(
        &self,
        actor: &User,
        case: CaseId,
        allocation: PlaceAllocationId,
        input: &TransferInput,
    ) -> AppResult<PlaceAllocation> {
        authorize(actor, Operation::AllocatePlace)?;
        let reason = reason(input.reason.as_deref())?;
        let next = AllocationInput {
            place_id: input.place_id,
            from: input.from.unwrap_or_else(|| crate::clock::now().date_naive()),
            until: input.until,
        };
        next.check()?;
        let mut tx = self.store.begin().await?;
        let case = allocating_case(&mut tx, actor, case).await?;
        let reason = reason.or_else(|| Some("transfer".to_owned()));
        release_in(&mut tx, actor, (case.id, case.region), allocation, reason).await?;
        let allocation = allocate_in(&mut tx, actor, &case, &next).await?;
        tx.commit().await?;
        Ok(allocation)
    }
}

fn reason(reason: Option<&str>) -> AppResult<Option<String>> {
    let mut invalid = Invalid::new();
    let reason = invalid.optional_text("reason", reason, LONG_TEXT);
    Ok(invalid.into_result(reason)?)
}

/// An organisation the caller may declare places for, and that offers them.
async fn declaring_facility(tx: &mut Tx, actor: &User, id: OrganisationId) -> AppResult<Organisation> {
    let organisation = network::organisation(tx.conn(), id)
        .await?
        .ok_or_else(|| Invalid::single("organisation_id", "unknown_organisation"))?;
    if !policy::may_declare_places(actor, organisation.id) {
        return Err(AppError::Forbidden);
    }
    if !is_facility(organisation.kind) {
        return Err(Invalid::single("organisation_id", "not_a_facility").into());
    }
    Ok(organisation)
}

async fn insert_place(
    tx: &mut Tx,
    actor: &User,
    organisation: &Organisation,
    kind: PlaceKind,
    accessible: bool,
    label: String,
) -> AppResult<Place> {
    let place = Place {
        id: PlaceId::new(),
        organisation_id: organisation.id,
        region: organisation.region,
        kind,
        accessible,
        label,
        active: true,
        created_at: crate::clock::now(),
    };
    match places::insert_place(tx.conn(), &place).await {
        Ok(()) => {}
        Err(StoreError::Conflict(_)) => return Err(Invalid::single("label", "label_taken").into()),
        Err(error) => return Err(error.into()),
    }
    let detail = format!("{} {} {}", organisation.name, place.kind, place.label);
    let subject = Subject::new("place", place.id, Some(place.region));
    record(tx, actor, AuditAction::Create, subject, Some(detail)).await?;
    Ok(place)
}

/// The place, if the caller may see it.
async fn visible_place(tx: &mut Tx, actor: &User, id: PlaceId) -> AppResult<PlaceView> {
    places::place(tx.conn(), id)
        .await?
        .filter(|p| policy::may_see_place(actor, &p.place))
        .ok_or(AppError::NotFound("place"))
}

/// A case of the caller's region, open.
async fn allocating_case(tx: &mut Tx, actor: &User, id: CaseId) -> AppResult<Case> {
    let case = visible_case(tx, policy::scope(actor), id).await?;
    if !policy::is_secretariat_of(actor, &case) {
        return Err(AppError::Forbidden);
    }
    if case.state == CaseState::Closed {
        return Err(AppError::conflict("case_closed"));
    }
    Ok(case)
}

async fn allocate_in(
    tx: &mut Tx,
    actor: &User,
    case: &Case,
    input: &AllocationInput,
) -> AppResult<PlaceAllocation> {
    let place = places::place(tx.conn(), input.place_id)
        .await?
        .filter(|p| p.place.region == case.region)
        .ok_or_else(|| Invalid::single("place_id", "unknown_place"))?;
    if !place.place.active {
        return Err(AppError::conflict("place_withdrawn"));
    }
    let allocation = PlaceAllocation {
        id: PlaceAllocationId::new(),
        place_id: place.place.id,
        case_id: case.id,
        from_date: input.from,
        until_date: input.until,
        allocated_by: actor.id,
        allocated_at: crate::clock::now(),
        released_at: None,
        released_by: None,
        release_reason: None,
    };
    // The unique index on allocations in force decides between racing requests.
    match places::insert_allocation(tx.conn(), &allocation).await {
        Ok(()) => {}
        Err(StoreError::Conflict(_)) => return Err(AppError::conflict("place_taken")),
        Err(error) => return Err(error.into()),
    }
    let name = format!("{} – {}", place.place.label, place.organisation_name);
    let step = Step::new(CaseEventKind::PlaceAllocated).note(Some(name));
    insert_event(tx, actor, case.id, step).await?;
    let detail = format!(
        "place {} case {} from {}{}",
        place.place.id,
        case.id,
        input.from,
        input.until.map(|u| format!(" until {u}")).unwrap_or_default()
    );
    let subject = Subject::new("place_allocation", allocation.id, Some(case.region));
    record(tx, actor, AuditAction::Create, subject, Some(detail)).await?;
    Ok(allocation)
}

/// Ends an allocation of a case (given with its region) and records it on
/// the case's timeline and in the audit log.
async fn release_in(
    tx: &mut Tx,
    actor: &User,
    (case, region): (CaseId, RegionCode),
    id: PlaceAllocationId,
    reason: Option<String>,
) -> AppResult<PlaceAllocation> {
    let allocation = places::allocation(tx.conn(), id)
        .await?
        .filter(|a| a.case_id == case)
        .ok_or(AppError::NotFound("allocation"))?;
    let now = crate::clock::now();
    if !places::release(tx.conn(), id, actor.id, now, reason.as_deref()).await? {
        return Err(AppError::conflict("allocation_released"));
    }
    let place = places::place(tx.conn(), allocation.place_id)
        .await?
        .ok_or(AppError::NotFound("place"))?;
    let name = format!("{} – {}", place.place.label, place.organisation_name);
    let note = match &reason {
        Some(reason) => format!("{name}: {reason}"),
        None => name,
    };
    let step = Step::new(CaseEventKind::PlaceReleased).note(Some(note));
    insert_event(tx, actor, case, step).await?;
    let subject = Subject::new("place_allocation", id, Some(region));
    record(tx, actor, AuditAction::Update, subject, Some("released".into())).await?;
    Ok(PlaceAllocation {
        released_at: Some(now),
        released_by: Some(actor.id),
        release_reason: reason,
        ..allocation
    })
}
