//! Phase 1, emersione: a front-line operator records a person, or an
//! anonymous contact, and a screening, and sends it to the secretariat.

use soleil_domain::{
    AuditAction, Case, CaseEventKind, CaseId, CaseState, FirstProfile, FirstProfileInput, NewPerson, Person,
    PersonId, PersonInput, RegionCode, Screening, ScreeningId, ScreeningStatus, User,
};
use soleil_store::cases::{CaseFilter, CaseSummary};
use soleil_store::{Page, Tx, cases, persons, screenings};

use crate::audit::{Subject, record};
use crate::cases::{Step, insert_event};
use crate::identity;
use crate::instruments::evaluate_sheet;
use crate::{App, AppError, AppResult, Operation, authorize, policy};

/// A first contact as the operator's form sends it: the person and the
/// first-profiling facts, saved as a draft or sent at once.
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct ContactInput {
    pub person: PersonInput,
    pub screening: FirstProfileInput,
    /// Send to the secretariat now rather than keep a draft.
    #[serde(default)]
    pub send: bool,
    /// The operator saw the possible matches and none is the person: record
    /// a new one. Without it, visible possible matches refuse the contact.
    #[serde(default)]
    pub confirm_new_person: bool,
}

/// A first contact recorded, and whether possible duplicates outside the
/// operator's view were found: the secretariat will reconcile them.
#[derive(Debug, Clone)]
pub struct RecordedContact {
    pub person: Person,
    pub screening: Screening,
    pub secretariat_will_reconcile: bool,
}

#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct ScreeningInput {
    pub person_id: PersonId,
    #[serde(flatten)]
    pub profile: FirstProfileInput,
    #[serde(default)]
    pub send: bool,
}

/// A person with what the caller may see of their path.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PersonFile {
    pub person: Person,
    pub screenings: Vec<Screening>,
    pub cases: Vec<CaseSummary>,
    /// Identity and stay documents, not removed: by kind, the latest expiry first.
    pub documents: Vec<soleil_domain::Document>,
}

/// The region and organisation a user acts for; identifying records need both.
fn home(actor: &User) -> AppResult<(RegionCode, soleil_domain::OrganisationId)> {
    match (actor.region, actor.organisation_id) {
        (Some(region), Some(organisation)) => Ok((region, organisation)),
        _ => Err(AppError::Forbidden),
    }
}

impl App {
    /// Records a person on their own (for a screening added later). Persons
    /// already recorded who may be the same one refuse it, unless the
    /// operator confirmed none of them is.
    pub async fn create_person(
        &self,
        actor: &User,
        input: &PersonInput,
        confirm_new_person: bool,
    ) -> AppResult<Person> {
        authorize(actor, Operation::CreatePerson)?;
        let new = NewPerson::parse(input, crate::clock::now().date_naive())?;
        let candidates = self.check_new_person(actor, &new, confirm_new_person).await?;
        let mut tx = self.store.begin().await?;
        let person = insert_person(&mut tx, actor, new).await?;
        identity::open_pairs(&mut tx, actor, &person, &candidates).await?;
        tx.commit().await?;
        Ok(person)
    }

    /// Records a first contact: person and screening in one step, as the
    /// operator's form does. Everything is checked before anything is saved.
    pub async fn record_contact(&self, actor: &User, input: &ContactInput) -> AppResult<(Person, Screening)> {
        let recorded = self.record_contact_with_report(actor, input).await?;
        Ok((recorded.person, recorded.screening))
    }

    /// [`Self::record_contact`], saying whether the secretariat was told of
    /// possible duplicates the operator may not see.
    pub async fn record_contact_with_report(
        &self,
        actor: &User,
        input: &ContactInput,
    ) -> AppResult<RecordedContact> {
        authorize(actor, Operation::CreatePerson)?;
        authorize(actor, Operation::CreateScreening)?;
        let person = NewPerson::parse(&input.person, crate::clock::now().date_naive());
        let profile = FirstProfile::parse(&input.screening);
        let (person, profile) = match (person, profile) {
            (Ok(person), Ok(profile)) => (person, profile),
            (person, profile) => {
                let mut invalid = person.err().unwrap_or_default();
                invalid.errors.extend(profile.err().unwrap_or_default().errors);
                return Err(invalid.into());
            }
        };
        let candidates = self
            .check_new_person(actor, &person, input.confirm_new_person)
            .await?;
        let mut tx = self.store.begin().await?;
        let person = insert_person(&mut tx, actor, person).await?;
        identity::open_pairs(&mut tx, actor, &person, &candidates).await?;
        let mut screening = insert_screening(&mut tx, actor, &person, profile).await?;
        if input.send {
            send(&mut tx, actor, &person, &mut screening).await?;
        }
        tx.commit().await?;
        Ok(RecordedContact {
            secretariat_will_reconcile: candidates.iter().any(|c| !c.visible),
            person,
            screening,
        })
    }

    /// Adds a screening to a person the caller can see.
    pub async fn create_screening(&self, actor: &User, input: &ScreeningInput) -> AppResult<Screening> {
        authorize(actor, Operation::CreateScreening)?;
        let profile = FirstProfile::parse(&input.profile)?;
        let mut tx = self.store.begin().await?;
        let person = persons::get(tx.conn(), policy::scope(actor), input.person_id)
            .await?
            .ok_or(AppError::NotFound("person"))?;
        let mut screening = insert_screening(&mut tx, actor, &person, profile).await?;
        if input.send {
            send(&mut tx, actor, &person, &mut screening).await?;
        }
        tx.commit().await?;
        Ok(screening)
    }

    /// Changes the facts of a draft screening.
    pub async fn update_screening(
        &self,
        actor: &User,
        id: ScreeningId,
        input: &FirstProfileInput,
    ) -> AppResult<Screening> {
        authorize(actor, Operation::UpdateScreening)?;
        let mut profile = FirstProfile::parse(input)?;
        let mut tx = self.store.begin().await?;
        let (_, mut screening) = visible_screening(&mut tx, actor, id).await?;
        if screening.status != ScreeningStatus::Draft {
            return Err(AppError::conflict("screening_already_sent"));
        }
        let result = evaluate_sheet(tx.conn(), &mut profile.indicators).await?;
        let priority = profile.priority(result.as_ref());
        screenings::update_draft(tx.conn(), id, &profile, priority, result.as_ref()).await?;
        screening.priority = priority;
        screening.profile = profile;
        screening.result = result;
        record(
            &mut tx,
            actor,
            AuditAction::Update,
            Subject::new("screening", id, Some(screening.region)),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(screening)
    }

    /// Sends a draft screening to the regional secretariat.
    pub async fn send_screening(&self, actor: &User, id: ScreeningId) -> AppResult<Screening> {
        authorize(actor, Operation::SendScreening)?;
        let mut tx = self.store.begin().await?;
        let (person, mut screening) = visible_screening(&mut tx, actor, id).await?;
        if screening.status != ScreeningStatus::Draft {
            return Err(AppError::conflict("screening_already_sent"));
        }
        send(&mut tx, actor, &person, &mut screening).await?;
        tx.commit().await?;
        Ok(screening)
    }

    pub async fn screening(&self, actor: &User, id: ScreeningId) -> AppResult<Screening> {
        authorize(actor, Operation::ReadScreening)?;
        let mut tx = self.store.begin().await?;
        let (_, screening) = visible_screening(&mut tx, actor, id).await?;
        record(
            &mut tx,
            actor,
            AuditAction::Read,
            Subject::new("screening", id, Some(screening.region)),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(screening)
    }

    /// A person's file: identity, screenings and the cases the caller may see.
    pub async fn person(&self, actor: &User, id: PersonId) -> AppResult<PersonFile> {
        authorize(actor, Operation::ReadPerson)?;
        let scope = policy::scope(actor);
        let mut tx = self.store.begin().await?;
        let person = persons::get(tx.conn(), scope, id)
            .await?
            .ok_or(AppError::NotFound("person"))?;
        let screenings = screenings::for_person(tx.conn(), id).await?;
        let documents = soleil_store::documents::for_person(tx.conn(), id).await?;
        let of_person = CaseFilter {
            person: Some(id),
            ..CaseFilter::default()
        };
        let (cases, _) = cases::list(tx.conn(), scope, &of_person, Page::new(0, Page::MAX_SIZE)).await?;
        record(
            &mut tx,
            actor,
            AuditAction::Read,
            Subject::new("person", id, Some(person.region)),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(PersonFile {
            person,
            screenings,
            cases,
            documents,
        })
    }

    /// Persons the caller may see, newest first.
    pub async fn persons(
        &self,
        actor: &User,
        search: Option<&str>,
        page: Page,
    ) -> AppResult<(Vec<Person>, i64)> {
        authorize(actor, Operation::ListPersons)?;
        let mut handle = self.store.handle().await?;
        let (list, total) = persons::list(handle.conn(), policy::scope(actor), search, page).await?;
        drop(handle);
        if !list.is_empty() {
            let detail = format!("list of {} persons, page {}", list.len(), page.number + 1);
            self.audit_read(actor, "person", None, actor.region, Some(detail))
                .await?;
        }
        Ok((list, total))
    }
}

async fn insert_person(tx: &mut Tx, actor: &User, new: NewPerson) -> AppResult<Person> {
    let (region, organisation) = home(actor)?;
    let person = Person {
        id: PersonId::new(),
        region,
        anonymous: new.anonymous,
        given_name: new.given_name,
        surname: new.surname,
        alias: new.alias,
        sex: new.sex,
        date_of_birth: new.date_of_birth,
        nationality: new.nationality,
        phone: new.phone,
        codice_fiscale: new.codice_fiscale,
        place_of_birth: new.place_of_birth,
        recorded_by: actor.id,
        recorded_by_organisation: organisation,
        created_at: crate::clock::now(),
    };
    persons::insert(tx.conn(), &person).await?;
    let detail = person.anonymous.then(|| "anonymous contact".to_owned());
    record(
        tx,
        actor,
        AuditAction::Create,
        Subject::new("person", person.id, Some(region)),
        detail,
    )
    .await?;
    Ok(person)
}

async fn insert_screening(
    tx: &mut Tx,
    actor: &User,
    person: &Person,
    mut profile: FirstProfile,
) -> AppResult<Screening> {
    let (_, organisation) = home(actor)?;
    let result = evaluate_sheet(tx.conn(), &mut profile.indicators).await?;
    let screening = Screening {
        id: ScreeningId::new(),
        person_id: person.id,
        region: person.region,
        organisation_id: organisation,
        recorded_by: actor.id,
        status: ScreeningStatus::Draft,
        priority: profile.priority(result.as_ref()),
        profile,
        result,
        case_id: None,
        created_at: crate::clock::now(),
        sent_at: None,
    };
    screenings::insert(tx.conn(), &screening).await?;
    record(
        tx,
        actor,
        AuditAction::Create,
        Subject::new("screening", screening.id, Some(screening.region)),
        None,
    )
    .await?;
    Ok(screening)
}

/// A screening and its person, if the caller can see the person.
async fn visible_screening(tx: &mut Tx, actor: &User, id: ScreeningId) -> AppResult<(Person, Screening)> {
    let screening = screenings::get(tx.conn(), id)
        .await?
        .ok_or(AppError::NotFound("screening"))?;
    let person = persons::get(tx.conn(), policy::scope(actor), screening.person_id)
        .await?
        .ok_or(AppError::NotFound("screening"))?;
    Ok((person, screening))
}

/// Sends a screening: it joins the person's open case in the region, or
/// opens a new case in the secretariat's queue.
async fn send(tx: &mut Tx, actor: &User, person: &Person, screening: &mut Screening) -> AppResult<()> {
    let now = crate::clock::now();
    let region_scope = soleil_store::Scope::Region(person.region);
    let open = CaseFilter {
        person: Some(person.id),
        states: CaseState::all().filter(|s| *s != CaseState::Closed).collect(),
        ..CaseFilter::default()
    };
    let (existing, _) = cases::list(tx.conn(), region_scope, &open, Page::new(0, Page::MAX_SIZE)).await?;
    let (case_id, step) = match existing.into_iter().next() {
        Some(open_case) => {
            // A more urgent screening moves the open case up the queue.
            let priority = open_case.case.priority.most_urgent(screening.priority);
            if priority != open_case.case.priority {
                cases::set_priority(tx.conn(), open_case.case.id, priority).await?;
            }
            (open_case.case.id, Step::new(CaseEventKind::ScreeningAdded))
        }
        None => {
            let case = Case {
                id: CaseId::new(),
                person_id: person.id,
                region: person.region,
                state: CaseState::Reported,
                priority: screening.priority,
                screening_id: screening.id,
                reported_by: actor.id,
                reported_by_organisation: screening.organisation_id,
                decision: None,
                zonal_group: None,
                case_manager_id: None,
                referred_to: None,
                closing_reason: None,
                opened_at: now,
                updated_at: now,
                closed_at: None,
            };
            cases::insert(tx.conn(), &case).await?;
            record(
                tx,
                actor,
                AuditAction::Create,
                Subject::new("case", case.id, Some(case.region)),
                None,
            )
            .await?;
            let opened = Step::new(CaseEventKind::Reported);
            (case.id, opened)
        }
    };
    screenings::mark_sent(tx.conn(), screening.id, case_id, now).await?;
    insert_event(tx, actor, case_id, step).await?;
    record(
        tx,
        actor,
        AuditAction::Transition,
        Subject::new("screening", screening.id, Some(screening.region)),
        Some("sent".into()),
    )
    .await?;
    screening.status = ScreeningStatus::Sent;
    screening.case_id = Some(case_id);
    screening.sent_at = Some(now);
    Ok(())
}
