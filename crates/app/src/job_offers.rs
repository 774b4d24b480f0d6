//! Job offers, work profiles, matching persons to offers with reasons, proposals and recruiting days.
//!
//! Offers hold no personal data: staff of their region and the employer's
//! own login keep them. Profiles, matches and proposals read persons, so
//! they go through the caller's scope and are audited; an employer sees a
//! person only through a proposal, made with the person's consent.

use std::str::FromStr;

use chrono::Utc;
use soleil_domain::inclusion::course::CourseSector;
use soleil_domain::inclusion::employer::EmployerId;
use soleil_domain::inclusion::job_offer::matching::{self, Assessment, Candidate, Location, StayDocument};
use soleil_domain::inclusion::job_offer::{
    self as offers_domain, Catalogues, JobOffer, JobOfferId, JobOfferInput, NewJobOffer, NewWorkProfile,
    OfferStatus, Proposal, ProposalAnswer, ProposalId, ProposalInput, ProposalStatus, RecruitingDay,
    RecruitingDayId, RecruitingDayInput, RecruitingOutcome, WorkProfile, WorkProfileInput,
};
use soleil_domain::{
    AuditAction, Case, CaseEventKind, CaseId, CaseState, Invalid, Person, PersonId, Role, User,
};
use soleil_store::cases::CaseFilter;
use soleil_store::job_offers::{self as store, DayCandidate, OfferFilter, ProposalView};
use soleil_store::{Page, Scope, Tx, cases, documents, persons};

use crate::audit::{Subject, record};
use crate::cases::{Step, insert_event, visible_case};
use crate::employers::own_employer;
use crate::{App, AppError, AppResult, Operation, authorize, policy};

/// The catalogues of the reference crate, as the domain checks input against them.
struct Reference;

impl Catalogues for Reference {
    fn is_occupation(&self, code: &str) -> bool {
        soleil_reference::occupations::get(code).is_some_and(|o| o.is_unit_group())
    }
    fn is_comune(&self, code: &str) -> bool {
        soleil_reference::comune(code).is_some()
    }
    fn is_course_sector(&self, code: &str) -> bool {
        CourseSector::from_str(code).is_ok()
    }
}

/// A comune with its province and region, for the matching.
fn locate(comune: &str) -> Option<Location> {
    soleil_reference::comune(comune).map(|c| Location {
        comune: c.code.to_owned(),
        province: c.province_code.to_owned(),
        region: c.region_code.to_owned(),
    })
}

/// A person's name as lists show it: given name and surname, or the alias.
pub fn person_name(given: Option<&str>, surname: Option<&str>, alias: Option<&str>) -> String {
    let name = [given, surname]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    if name.is_empty() {
        alias.unwrap_or_default().to_owned()
    } else {
        name
    }
}

/// A candidate for an offer, ranked: who, and why.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct CandidateMatch {
    pub case_id: CaseId,
    pub person_id: PersonId,
    pub person_name: String,
    #[serde(flatten)]
    pub assessment: Assessment,
    /// The person's open proposal to this offer, if any.
    pub proposal_status: Option<ProposalStatus>,
}

/// An open offer for a case's person, ranked.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct OfferMatch {
    pub offer: JobOffer,
    #[serde(flatten)]
    pub assessment: Assessment,
}

/// A proposal as its readers see it: the person's name, and for the
/// employer the profile the person agreed to share.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ProposalCard {
    #[serde(flatten)]
    pub view: ProposalView,
    pub person_name: String,
    pub profile: Option<WorkProfile>,
}

/// A recruiting day with who takes part.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct RecruitingDayFile {
    pub day: RecruitingDay,
    pub employers: Vec<DayEmployer>,
    pub candidates: Vec<DayCandidateView>,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct DayEmployer {
    pub id: EmployerId,
    pub legal_name: String,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct DayCandidateView {
    pub person_id: PersonId,
    pub case_id: CaseId,
    pub outcome: RecruitingOutcome,
    pub note: Option<String>,
    /// Hidden (`None`) from those who may not see the person.
    pub person_name: Option<String>,
}

/// An employer taking part in a recruiting day.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct DayEmployerInput {
    pub employer_id: Option<EmployerId>,
}

/// A candidate invited to a recruiting day, or their outcome.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct DayCandidateInput {
    pub case_id: Option<CaseId>,
    /// `invited` when not given.
    pub outcome: Option<RecruitingOutcome>,
    pub note: Option<String>,
}

/// Which offers to list.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OfferQuery {
    #[param(inline)]
    pub status: Option<OfferStatus>,
    pub employer_id: Option<EmployerId>,
    /// ISCO-08 unit group.
    pub occupation: Option<String>,
}

impl App {
    // -----------------------------------------------------------------------
    // Work profiles

    /// The work profile of a person the caller may see; `None` when none is kept yet.
    pub async fn work_profile(&self, actor: &User, person: PersonId) -> AppResult<Option<WorkProfile>> {
        authorize(actor, Operation::ReadWorkProfile)?;
        let mut tx = self.store.begin().await?;
        let person = visible_person(&mut tx, actor, person).await?;
        let profile = store::work_profile(tx.conn(), person.id).await?;
        audit_person(&mut tx, actor, AuditAction::Read, &person, "work profile").await?;
        tx.commit().await?;
        Ok(profile)
    }

    /// Writes the whole work profile of a person whose case in inclusion
    /// (or before) the caller manages, or of their region for the secretariat.
    pub async fn save_work_profile(
        &self,
        actor: &User,
        person: PersonId,
        input: &WorkProfileInput,
    ) -> AppResult<WorkProfile> {
        authorize(actor, Operation::ManageWorkProfile)?;
        let new = NewWorkProfile::parse(input, &Reference)?;
        let mut tx = self.store.begin().await?;
        let person = visible_person(&mut tx, actor, person).await?;
        let cases = open_cases(&mut tx, &person).await?;
        if !cases.iter().any(|case| policy::acts_for_case(actor, case)) {
            return Err(AppError::Forbidden);
        }
        let profile = WorkProfile {
            person_id: person.id,
            occupations: new.occupations,
            skills: new.skills,
            italian_level: new.italian_level,
            other_languages: new.other_languages,
            driving_licences: new.driving_licences,
            domicile_comune: new.domicile_comune,
            commute: new.commute,
            available_from: new.available_from,
            hours_per_week: new.hours_per_week,
            updated_by: actor.id,
            updated_at: crate::clock::now(),
        };
        store::save_work_profile(tx.conn(), &profile).await?;
        audit_person(&mut tx, actor, AuditAction::Update, &person, "work profile").await?;
        tx.commit().await?;
        Ok(profile)
    }

    // -----------------------------------------------------------------------
    // Offers

    /// The offers the caller keeps: their region's for staff, every
    /// region's for admins, its own for an employer's login.
    pub async fn job_offers(&self, actor: &User, query: &OfferQuery) -> AppResult<Vec<JobOffer>> {
        authorize(actor, Operation::ReadJobOffers)?;
        let mut tx = self.store.begin().await?;
        let mut filter = OfferFilter {
            region: None,
            employer: query.employer_id,
            status: query.status,
            occupation: query.occupation.clone(),
        };
        match actor.role {
            Role::Admin => {}
            Role::Employer => match own_employer(&mut tx, actor).await? {
                Some(own) => filter.employer = Some(own),
                None => return Ok(Vec::new()),
            },
            _ => filter.region = Some(actor.region.ok_or(AppError::Forbidden)?),
        }
        if actor.role == Role::Employer
            && query
                .employer_id
                .is_some_and(|asked| Some(asked) != filter.employer)
        {
            return Ok(Vec::new());
        }
        let list = store::offers(tx.conn(), &filter).await?;
        tx.commit().await?;
        Ok(list)
    }

    pub async fn job_offer(&self, actor: &User, id: JobOfferId) -> AppResult<JobOffer> {
        authorize(actor, Operation::ReadJobOffers)?;
        let mut tx = self.store.begin().await?;
        let offer = kept_offer(&mut tx, actor, id).await?;
        tx.commit().await?;
        Ok(offer)
    }

    /// Records an offer of an employer the caller keeps.
    pub async fn create_job_offer(&self, actor: &User, input: &JobOfferInput) -> AppResult<JobOffer> {
        authorize(actor, Operation::ManageJobOffers)?;
        let mut tx = self.store.begin().await?;
        // An employer's login offers for itself, whatever it sends.
        let own = own_employer(&mut tx, actor).await?;
        let mut input = input.clone();
        if actor.role == Role::Employer {
            input.employer_id = own;
        }
        let new = NewJobOffer::parse(&input, &Reference)?;
        let (region, name) = store::employer(tx.conn(), new.employer_id)
            .await?
            .ok_or_else(|| Invalid::single("employer_id", "unknown_employer"))?;
        if !policy::may_keep_offer(actor, region, new.employer_id, own) {
            return Err(Invalid::single("employer_id", "unknown_employer").into());
        }
        let now = crate::clock::now();
        let origin = Origin {
            id: JobOfferId::new(),
            employer_name: Some(name),
            region,
            created_by: actor.id,
            created_at: now,
        };
        let offer = offer_from(new, origin, now);
        store::insert_offer(tx.conn(), &offer).await?;
        audit_offer(&mut tx, actor, AuditAction::Create, &offer).await?;
        tx.commit().await?;
        Ok(offer)
    }

    /// Corrects an offer: the whole offer; its employer stays.
    pub async fn update_job_offer(
        &self,
        actor: &User,
        id: JobOfferId,
        input: &JobOfferInput,
    ) -> AppResult<JobOffer> {
        authorize(actor, Operation::ManageJobOffers)?;
        let mut tx = self.store.begin().await?;
        let old = kept_offer(&mut tx, actor, id).await?;
        let input = JobOfferInput {
            employer_id: Some(old.employer_id),
            ..input.clone()
        };
        let new = NewJobOffer::parse(&input, &Reference)?;
        let origin = Origin {
            id: old.id,
            employer_name: old.employer_name,
            region: old.region,
            created_by: old.created_by,
            created_at: old.created_at,
        };
        let offer = offer_from(new, origin, crate::clock::now());
        store::update_offer(tx.conn(), &offer).await?;
        audit_offer(&mut tx, actor, AuditAction::Update, &offer).await?;
        tx.commit().await?;
        Ok(offer)
    }

    // -----------------------------------------------------------------------
    // Matching

    /// The persons of cases in inclusion in the offer's region that the
    /// caller may see, the best match first. Each person shown is audited.
    pub async fn offer_matches(&self, actor: &User, id: JobOfferId) -> AppResult<Vec<CandidateMatch>> {
        authorize(actor, Operation::MatchCandidates)?;
        let mut tx = self.store.begin().await?;
        let offer = kept_offer(&mut tx, actor, id).await?;
        let place = locate(&offer.comune);
        let today = crate::clock::now().date_naive();
        let filter = CaseFilter {
            states: vec![CaseState::Inclusion],
            ..CaseFilter::default()
        };
        let (list, _) = cases::list(
            tx.conn(),
            policy::scope(actor),
            &filter,
            Page::new(0, Page::MAX_SIZE),
        )
        .await?;
        let mut matches = Vec::new();
        for summary in list.iter().filter(|s| s.case.region == offer.region) {
            let Some(person) =
                persons::get(tx.conn(), Scope::Region(offer.region), summary.case.person_id).await?
            else {
                continue;
            };
            let facts = CandidateFacts::read(&mut tx, &person).await?;
            let assessment = matching::assess(&offer, place.as_ref(), &facts.candidate(&person), today);
            let open = store::has_open_proposal(tx.conn(), offer.id, person.id).await?;
            audit_person(
                &mut tx,
                actor,
                AuditAction::Read,
                &person,
                &format!("matched to offer {}", offer.id),
            )
            .await?;
            matches.push(CandidateMatch {
                case_id: summary.case.id,
                person_id: person.id,
                person_name: person.display_name(),
                assessment,
                proposal_status: open.then_some(ProposalStatus::Proposed),
            });
        }
        rank(&mut matches, |m| &m.assessment);
        tx.commit().await?;
        Ok(matches)
    }

    /// The open offers of the case's region for its person, the best first.
    pub async fn case_matches(&self, actor: &User, case: CaseId) -> AppResult<Vec<OfferMatch>> {
        authorize(actor, Operation::MatchCandidates)?;
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, policy::scope(actor), case).await?;
        let person = persons::get(tx.conn(), Scope::Region(case.region), case.person_id)
            .await?
            .ok_or(AppError::NotFound("person"))?;
        let facts = CandidateFacts::read(&mut tx, &person).await?;
        let candidate = facts.candidate(&person);
        let filter = OfferFilter {
            region: Some(case.region),
            status: Some(OfferStatus::Open),
            ..OfferFilter::default()
        };
        let today = crate::clock::now().date_naive();
        let mut matches: Vec<OfferMatch> = store::offers(tx.conn(), &filter)
            .await?
            .into_iter()
            .map(|offer| OfferMatch {
                assessment: matching::assess(&offer, locate(&offer.comune).as_ref(), &candidate, today),
                offer,
            })
            .collect();
        rank(&mut matches, |m| &m.assessment);
        audit_person(&mut tx, actor, AuditAction::Read, &person, "matched to offers").await?;
        tx.commit().await?;
        Ok(matches)
    }

    // -----------------------------------------------------------------------
    // Proposals

    /// Proposes a case's person to an offer, with their consent to share
    /// their name and profile with the employer.
    pub async fn propose_candidate(
        &self,
        actor: &User,
        offer: JobOfferId,
        input: &ProposalInput,
    ) -> AppResult<Proposal> {
        authorize(actor, Operation::ProposeCandidates)?;
        let (case_id, note) = offers_domain::parse_proposal(input)?;
        let mut tx = self.store.begin().await?;
        let offer = kept_offer(&mut tx, actor, offer).await?;
        let case = visible_case(&mut tx, policy::scope(actor), case_id).await?;
        if !policy::acts_for_case(actor, &case) {
            return Err(AppError::Forbidden);
        }
        if case.state != CaseState::Inclusion {
            return Err(AppError::conflict("case_not_in_inclusion"));
        }
        if offer.status != OfferStatus::Open || offer.region != case.region {
            return Err(AppError::conflict("offer_not_open"));
        }
        if store::has_open_proposal(tx.conn(), offer.id, case.person_id).await? {
            return Err(AppError::conflict("already_proposed"));
        }
        let proposal = Proposal {
            id: ProposalId::new(),
            offer_id: offer.id,
            person_id: case.person_id,
            case_id: case.id,
            consent: true,
            status: ProposalStatus::Proposed,
            note,
            proposed_by: actor.id,
            proposed_at: crate::clock::now(),
            answered_by: None,
            answered_at: None,
        };
        store::insert_proposal(tx.conn(), &proposal).await?;
        audit_proposal(&mut tx, actor, AuditAction::Create, &proposal, &offer).await?;
        let step = Step::new(CaseEventKind::CandidateProposed).note(Some(offer.title.clone()));
        insert_event(&mut tx, actor, case.id, step).await?;
        tx.commit().await?;
        Ok(proposal)
    }

    /// Records the employer's answer (interview, accepted, rejected), or the
    /// case manager's withdrawal. A closed proposal answers 409.
    pub async fn answer_proposal(
        &self,
        actor: &User,
        id: ProposalId,
        input: &ProposalAnswer,
    ) -> AppResult<Proposal> {
        authorize(actor, Operation::AnswerProposals)?;
        let Some(status) = input.status else {
            return Err(Invalid::single("status", "required").into());
        };
        if status == ProposalStatus::Proposed {
            return Err(Invalid::single("status", "invalid_choice").into());
        }
        let mut tx = self.store.begin().await?;
        let (old, offer, case) = answerable_proposal(&mut tx, actor, id).await?;
        // Withdrawing is the case's side, not the employer's.
        if status == ProposalStatus::Withdrawn && case.is_none() {
            return Err(AppError::Forbidden);
        }
        if !offers_domain::may_move(old.status, status) {
            return Err(AppError::conflict("proposal_closed"));
        }
        let note = optional_note(input.note.as_deref())?;
        let proposal = Proposal {
            status,
            note: note.or(old.note.clone()),
            answered_by: Some(actor.id),
            answered_at: Some(crate::clock::now()),
            ..old.clone()
        };
        if !store::answer_proposal(tx.conn(), &proposal, old.status).await? {
            return Err(AppError::conflict("proposal_closed"));
        }
        audit_proposal(&mut tx, actor, AuditAction::Update, &proposal, &offer).await?;
        let step = Step::new(CaseEventKind::ProposalAnswered)
            .code(Some(status.as_str()))
            .note(Some(offer.title.clone()));
        insert_event(&mut tx, actor, proposal.case_id, step).await?;
        tx.commit().await?;
        Ok(proposal)
    }

    /// The proposals of an offer: every one for the employer (each made with
    /// consent), with the profile shared; for staff those of persons they may see.
    pub async fn offer_proposals(&self, actor: &User, id: JobOfferId) -> AppResult<Vec<ProposalCard>> {
        authorize(actor, Operation::ReadJobOffers)?;
        let mut tx = self.store.begin().await?;
        let offer = kept_offer(&mut tx, actor, id).await?;
        let mut cards = Vec::new();
        for view in store::proposals(tx.conn(), Some(offer.id), None).await? {
            let person = if actor.role == Role::Employer {
                persons::get(tx.conn(), Scope::Region(offer.region), view.proposal.person_id).await?
            } else {
                persons::get(tx.conn(), policy::scope(actor), view.proposal.person_id).await?
            };
            let Some(person) = person else { continue };
            let profile = store::work_profile(tx.conn(), person.id).await?;
            audit_person(
                &mut tx,
                actor,
                AuditAction::Read,
                &person,
                &format!("proposed to offer {}", offer.id),
            )
            .await?;
            cards.push(ProposalCard {
                person_name: person.display_name(),
                view,
                profile,
            });
        }
        tx.commit().await?;
        Ok(cards)
    }

    /// The proposals of a case's person, for the case manager.
    pub async fn case_proposals(&self, actor: &User, case: CaseId) -> AppResult<Vec<ProposalView>> {
        authorize(actor, Operation::MatchCandidates)?;
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, policy::scope(actor), case).await?;
        let list = store::proposals(tx.conn(), None, Some(case.person_id)).await?;
        tx.commit().await?;
        Ok(list)
    }

    // -----------------------------------------------------------------------
    // Recruiting days

    pub async fn recruiting_days(&self, actor: &User) -> AppResult<Vec<RecruitingDay>> {
        authorize(actor, Operation::ManageRecruitingDays)?;
        let mut tx = self.store.begin().await?;
        let list = store::days(tx.conn(), Some(actor.region.ok_or(AppError::Forbidden)?)).await?;
        tx.commit().await?;
        Ok(list)
    }

    pub async fn create_recruiting_day(
        &self,
        actor: &User,
        input: &RecruitingDayInput,
    ) -> AppResult<RecruitingDay> {
        authorize(actor, Operation::ManageRecruitingDays)?;
        let region = actor.region.ok_or(AppError::Forbidden)?;
        let (title, held_on, place) = offers_domain::parse_recruiting_day(input)?;
        let mut tx = self.store.begin().await?;
        let day = RecruitingDay {
            id: RecruitingDayId::new(),
            region,
            title,
            held_on,
            place,
            created_by: actor.id,
            created_at: crate::clock::now(),
        };
        store::insert_day(tx.conn(), &day).await?;
        let subject = Subject::new("recruiting_day", day.id, Some(region));
        record(&mut tx, actor, AuditAction::Create, subject, None).await?;
        tx.commit().await?;
        Ok(day)
    }

    /// A day, its employers and its candidates; names of persons the caller
    /// may not see are hidden.
    pub async fn recruiting_day(&self, actor: &User, id: RecruitingDayId) -> AppResult<RecruitingDayFile> {
        authorize(actor, Operation::ManageRecruitingDays)?;
        let mut tx = self.store.begin().await?;
        let day = kept_day(&mut tx, actor, id).await?;
        let employers = store::day_employers(tx.conn(), day.id)
            .await?
            .into_iter()
            .map(|(id, legal_name)| DayEmployer { id, legal_name })
            .collect();
        let mut candidates = Vec::new();
        for candidate in store::day_candidates(tx.conn(), day.id).await? {
            let visible = persons::get(tx.conn(), policy::scope(actor), candidate.person_id).await?;
            if let Some(person) = &visible {
                audit_person(
                    &mut tx,
                    actor,
                    AuditAction::Read,
                    person,
                    &format!("recruiting day {}", day.id),
                )
                .await?;
            }
            candidates.push(DayCandidateView {
                person_id: candidate.person_id,
                case_id: candidate.case_id,
                outcome: candidate.outcome,
                note: candidate.note,
                person_name: visible.map(|p| p.display_name()),
            });
        }
        tx.commit().await?;
        Ok(RecruitingDayFile {
            day,
            employers,
            candidates,
        })
    }

    /// Adds an employer of the day's region to a day.
    pub async fn add_day_employer(
        &self,
        actor: &User,
        id: RecruitingDayId,
        input: &DayEmployerInput,
    ) -> AppResult<()> {
        authorize(actor, Operation::ManageRecruitingDays)?;
        let employer = input
            .employer_id
            .ok_or_else(|| Invalid::single("employer_id", "required"))?;
        let mut tx = self.store.begin().await?;
        let day = kept_day(&mut tx, actor, id).await?;
        match store::employer(tx.conn(), employer).await? {
            Some((region, _)) if region == day.region => {}
            _ => return Err(Invalid::single("employer_id", "unknown_employer").into()),
        }
        if store::add_day_employer(tx.conn(), day.id, employer).await? {
            let subject = Subject::new("recruiting_day", day.id, Some(day.region));
            record(
                &mut tx,
                actor,
                AuditAction::Update,
                subject,
                Some(format!("employer {employer}")),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Invites the person of a case in inclusion the caller may see, or
    /// records what came of their day.
    pub async fn save_day_candidate(
        &self,
        actor: &User,
        id: RecruitingDayId,
        input: &DayCandidateInput,
    ) -> AppResult<()> {
        authorize(actor, Operation::ManageRecruitingDays)?;
        let case = input
            .case_id
            .ok_or_else(|| Invalid::single("case_id", "required"))?;
        let note = optional_note(input.note.as_deref())?;
        let mut tx = self.store.begin().await?;
        let day = kept_day(&mut tx, actor, id).await?;
        let case = visible_case(&mut tx, policy::scope(actor), case).await?;
        if case.state != CaseState::Inclusion || case.region != day.region {
            return Err(AppError::conflict("case_not_in_inclusion"));
        }
        let candidate = DayCandidate {
            person_id: case.person_id,
            case_id: case.id,
            outcome: input.outcome.unwrap_or(RecruitingOutcome::Invited),
            note,
            person_given_name: None,
            person_surname: None,
            person_alias: None,
        };
        store::save_day_candidate(tx.conn(), day.id, &candidate, actor.id, crate::clock::now()).await?;
        let subject = Subject::new("recruiting_day", day.id, Some(day.region));
        let detail = format!("person {}: {}", case.person_id, candidate.outcome);
        record(&mut tx, actor, AuditAction::Update, subject, Some(detail)).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// What an offer keeps from its creation whatever its edits.
struct Origin {
    id: JobOfferId,
    employer_name: Option<String>,
    region: soleil_domain::RegionCode,
    created_by: soleil_domain::UserId,
    created_at: chrono::DateTime<Utc>,
}

/// The offer a checked input makes, on top of its origin.
fn offer_from(new: NewJobOffer, origin: Origin, updated_at: chrono::DateTime<Utc>) -> JobOffer {
    JobOffer {
        id: origin.id,
        employer_id: new.employer_id,
        employer_name: origin.employer_name,
        region: origin.region,
        title: new.title,
        occupation: new.occupation,
        skills: new.skills,
        comune: new.comune,
        hours_per_week: new.hours_per_week,
        contract_type: new.contract_type,
        positions: new.positions,
        italian_level: new.italian_level,
        driving_licence: new.driving_licence,
        lab_sector: new.lab_sector,
        starts_on: new.starts_on,
        description: new.description,
        status: new.status,
        created_by: origin.created_by,
        created_at: origin.created_at,
        updated_at,
    }
}

/// An optional note, checked.
fn optional_note(note: Option<&str>) -> Result<Option<String>, Invalid> {
    let mut invalid = Invalid::new();
    let note = invalid.optional_text("note", note, soleil_domain::validation::LONG_TEXT);
    invalid.into_result(note)
}

/// Eligible first, then the highest score.
fn rank<T>(list: &mut [T], assessment: impl Fn(&T) -> &Assessment) {
    list.sort_by(|a, b| {
        let (a, b) = (assessment(a), assessment(b));
        b.eligible.cmp(&a.eligible).then(b.score.cmp(&a.score))
    });
}

/// What the matching reads of a person besides the person record.
struct CandidateFacts {
    profile: Option<WorkProfile>,
    domicile: Option<Location>,
    stay_document: Option<StayDocument>,
    courses: Vec<matching::CourseRecord>,
}

impl CandidateFacts {
    async fn read(tx: &mut Tx, person: &Person) -> AppResult<Self> {
        let profile = store::work_profile(tx.conn(), person.id).await?;
        let domicile = profile
            .as_ref()
            .and_then(|p| p.domicile_comune.as_deref())
            .and_then(locate);
        let stay_document = documents::current_stay_document(tx.conn(), person.id)
            .await?
            .map(|d| StayDocument {
                kind: d.kind,
                permit_type: d.permit_type,
                expires_on: d.expires_on,
            });
        let courses = store::course_records(tx.conn(), person.id).await?;
        Ok(Self {
            profile,
            domicile,
            stay_document,
            courses,
        })
    }

    fn candidate<'a>(&'a self, person: &'a Person) -> Candidate<'a> {
        Candidate {
            profile: self.profile.as_ref(),
            domicile: self.domicile.clone(),
            nationality: person.nationality.as_deref(),
            stay_document: self.stay_document.clone(),
            courses: &self.courses,
        }
    }
}

/// The person, if the caller may see them.
async fn visible_person(tx: &mut Tx, actor: &User, id: PersonId) -> AppResult<Person> {
    persons::get(tx.conn(), policy::scope(actor), id)
        .await?
        .ok_or(AppError::NotFound("person"))
}

/// The person's cases that are not closed.
async fn open_cases(tx: &mut Tx, person: &Person) -> AppResult<Vec<Case>> {
    let open = CaseFilter {
        person: Some(person.id),
        states: CaseState::all().filter(|s| *s != CaseState::Closed).collect(),
        ..CaseFilter::default()
    };
    let (list, _) = cases::list(
        tx.conn(),
        Scope::Region(person.region),
        &open,
        Page::new(0, Page::MAX_SIZE),
    )
    .await?;
    Ok(list.into_iter().map(|s| s.case).collect())
}

/// An offer the caller keeps; others are not found.
async fn kept_offer(tx: &mut Tx, actor: &User, id: JobOfferId) -> AppResult<JobOffer> {
    let offer = store::offer(tx.conn(), id)
        .await?
        .ok_or(AppError::NotFound("job_offer"))?;
    let own = own_employer(tx, actor).await?;
    if policy::may_keep_offer(actor, offer.region, offer.employer_id, own) {
        Ok(offer)
    } else {
        Err(AppError::NotFound("job_offer"))
    }
}

/// A proposal the caller may answer, its offer, and its case when the
/// caller answers for the case's side (`None` for the employer's login).
async fn answerable_proposal(
    tx: &mut Tx,
    actor: &User,
    id: ProposalId,
) -> AppResult<(Proposal, JobOffer, Option<Case>)> {
    let proposal = store::proposal(tx.conn(), id)
        .await?
        .ok_or(AppError::NotFound("proposal"))?;
    let offer = kept_offer(tx, actor, proposal.offer_id)
        .await
        .map_err(|_| AppError::NotFound("proposal"))?;
    if actor.role == Role::Employer {
        return Ok((proposal, offer, None));
    }
    let case = visible_case(tx, policy::scope(actor), proposal.case_id)
        .await
        .map_err(|_| AppError::NotFound("proposal"))?;
    if !policy::acts_for_case(actor, &case) {
        return Err(AppError::Forbidden);
    }
    Ok((proposal, offer, Some(case)))
}

/// A recruiting day of the caller's region.
async fn kept_day(tx: &mut Tx, actor: &User, id: RecruitingDayId) -> AppResult<RecruitingDay> {
    store::day(tx.conn(), id)
        .await?
        .filter(|day| actor.region == Some(day.region))
        .ok_or(AppError::NotFound("recruiting_day"))
}

async fn audit_person(
    tx: &mut Tx,
    actor: &User,
    action: AuditAction,
    person: &Person,
    detail: &str,
) -> AppResult<()> {
    let subject = Subject::new("person", person.id, Some(person.region));
    record(tx, actor, action, subject, Some(detail.to_owned())).await
}

async fn audit_offer(tx: &mut Tx, actor: &User, action: AuditAction, offer: &JobOffer) -> AppResult<()> {
    let subject = Subject::new("job_offer", offer.id, Some(offer.region));
    record(
        tx,
        actor,
        action,
        subject,
        Some(format!("employer {}", offer.employer_id)),
    )
    .await
}

async fn audit_proposal(
    tx: &mut Tx,
    actor: &User,
    action: AuditAction,
    proposal: &Proposal,
    offer: &JobOffer,
) -> AppResult<()> {
    let subject = Subject::new("proposal", proposal.id, Some(offer.region));
    let detail = format!(
        "{} of person {} to offer {}",
        proposal.status, proposal.person_id, offer.id
    );
    record(tx, actor, action, subject, Some(detail)).await
}
