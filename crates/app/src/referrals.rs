//! Referrals with a closed loop: from a case, its manager or the regional
//! secretariat refers the person to a service of the network, sharing only
//! what the person consented to; the service accepts or declines, then
//! completes with feedback. The receiving service never gets the case: it
//! sees a view built here, at read time, from the shared fields alone.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use soleil_domain::referral::{ReferralAnswer, ReferralInput};
use soleil_domain::validation::LONG_TEXT;
use soleil_domain::{
    AuditAction, Case, CaseEventKind, CaseId, CaseState, Invalid, NeedArea, OrganisationId, Priority,
    Referral, ReferralId, ReferralShare, ReferralState, RegionCode, Role, ScreeningStatus, User, WorkSector,
};
use soleil_store::referrals::{self, ReferralFilter, ReferralView};
use soleil_store::{Scope, Tx, cases, network, persons, plans, screenings};

use crate::audit::{Subject, record};
use crate::cases::{Step, insert_event, visible_case};
use crate::statistics::statistics_region;
use crate::{App, AppError, AppResult, Operation, authorize, policy, today};

/// Which referrals to list, besides the caller's own scope.
#[derive(Debug, Clone, Default)]
pub struct ReferralQuery {
    /// Only those past their due date and not closed (or only the others).
    pub overdue: Option<bool>,
    pub state: Option<ReferralState>,
}

/// A referral in a list or read on its own.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ReferralItem {
    #[serde(flatten)]
    pub referral: ReferralView,
    /// Past its due date and not completed, declined or cancelled.
    pub overdue: bool,
}

/// A referral with the case data it shares, as the receiving service sees it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ReferralFile {
    #[serde(flatten)]
    pub referral: ReferralItem,
    /// Only the fields named in `shares`; the others are absent.
    pub shared: SharedData,
}

/// The shared part of a case: every field is absent unless shared.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct SharedData {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub surname: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub languages: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub screening: Option<ScreeningSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_actions: Option<Vec<SharedAction>>,
}

/// Sector, work place, urgent needs and the screening result's outcome.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct ScreeningSummary {
    pub sector: WorkSector,
    pub work_place: Option<String>,
    pub urgent: soleil_domain::UrgentNeeds,
    pub priority: Priority,
    /// The outcome of the screening's result, if it reached one.
    pub outcome: Option<String>,
}

/// One action of the latest plan.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct SharedAction {
    pub area: NeedArea,
    pub description: String,
    pub due_date: Option<NaiveDate>,
    pub status: soleil_domain::ActionStatus,
}

/// Which referrals to count: a region (for whoever sees more than one) and
/// the days they were sent on, both ends included.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatisticsQuery {
    /// Admins and coordinators without a region: one region, or all when absent.
    pub region: Option<RegionCode>,
    /// Sent on or after this day, YYYY-MM-DD.
    pub from: Option<NaiveDate>,
    /// Sent on or before this day, YYYY-MM-DD.
    pub to: Option<NaiveDate>,
}

/// Referrals per receiving organisation.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ReferralStatistics {
    /// The region counted; none for the whole network.
    pub region: Option<RegionCode>,
    /// The period counted, when asked for.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub organisations: Vec<OrganisationReferrals>,
}

#[derive(Debug, Clone, Default, serde::Serialize, utoipa::ToSchema)]
pub struct OrganisationReferrals {
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub sent: u64,
    /// Accepted, whether completed since or not.
    pub accepted: u64,
    pub declined: u64,
    pub completed: u64,
    pub cancelled: u64,
    pub overdue: u64,
    /// Mean hours from sending to the answer (accept or decline).
    pub average_hours_to_answer: Option<f64>,
}

impl App {
    /// Refers the person of a case to a service of its region. The person's
    /// consent to sharing with that organisation is required.
    pub async fn send_referral(
        &self,
        actor: &User,
        case: CaseId,
        input: &ReferralInput,
    ) -> AppResult<ReferralItem> {
        authorize(actor, Operation::SendReferral)?;
        let (description, shares) = input.parse()?;
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, policy::scope(actor), case).await?;
        if !policy::acts_for_case(actor, &case) {
            return Err(AppError::Forbidden);
        }
        if case.state == CaseState::Closed {
            return Err(AppError::conflict("case_closed"));
        }
        let organisation = network::organisation(tx.conn(), input.organisation_id)
            .await?
            .filter(|o| o.region == case.region)
            .ok_or_else(|| Invalid::single("organisation_id", "unknown_organisation"))?;
        if !input.consent {
            return Err(Invalid::single("consent", "consent_required").into());
        }
        let now = crate::clock::now();
        let referral = Referral {
            id: ReferralId::new(),
            case_id: case.id,
            region: case.region,
            organisation_id: organisation.id,
            area: input.area,
            description,
            due_date: input.due_date,
            shares,
            consent: true,
            consent_confirmed_by: actor.id,
            consent_confirmed_at: now,
            state: ReferralState::Sent,
            sent_by: actor.id,
            sent_at: now,
            answered_by: None,
            answered_at: None,
            decline_reason: None,
            completed_at: None,
            feedback: None,
            cancelled_at: None,
        };
        referrals::insert(tx.conn(), &referral).await?;
        let note = format!("{} – {}", organisation.name, referral.area);
        insert_event(
            &mut tx,
            actor,
            case.id,
            Step::new(CaseEventKind::ReferralSent).note(Some(note)),
        )
        .await?;
        let shared: Vec<&str> = referral.shares.iter().map(|s| s.as_str()).collect();
        let detail = format!(
            "case {} to {} due {} sharing [{}], consent confirmed",
            case.id,
            organisation.id,
            referral.due_date,
            shared.join(", ")
        );
        let subject = Subject::new("referral", referral.id, Some(case.region));
        record(&mut tx, actor, AuditAction::Create, subject, Some(detail)).await?;
        let view = referrals::get(tx.conn(), referral.id)
            .await?
            .ok_or(AppError::NotFound("referral"))?;
        tx.commit().await?;
        Ok(item(view, today()))
    }

    /// The referrals of a case, for whoever may read the case.
    pub async fn case_referrals(&self, actor: &User, case: CaseId) -> AppResult<Vec<ReferralItem>> {
        authorize(actor, Operation::ReadCase)?;
        let mut tx = self.store.begin().await?;
        let found = visible_case(&mut tx, policy::scope(actor), case).await?;
        let filter = ReferralFilter {
            case: Some(case),
            ..ReferralFilter::default()
        };
        let list = referrals::list(tx.conn(), &filter).await?;
        let subject = Subject::new("case", case, Some(found.region));
        record(
            &mut tx,
            actor,
            AuditAction::Read,
            subject,
            Some("referrals".into()),
        )
        .await?;
        tx.commit().await?;
        let today = today();
        Ok(list.into_iter().map(|r| item(r, today)).collect())
    }

    /// The caller's referrals: the secretariat those of its region, a case
    /// manager those of its cases, a service those it received.
    pub async fn referrals(&self, actor: &User, query: &ReferralQuery) -> AppResult<Vec<ReferralItem>> {
        authorize(actor, Operation::ListReferrals)?;
        let Some(region) = actor.region else {
            return Ok(Vec::new());
        };
        let mut filter = ReferralFilter {
            region: Some(region),
            state: query.state,
            ..ReferralFilter::default()
        };
        match actor.role {
            Role::Secretariat => {}
            Role::CaseManager => filter.case_manager = Some(actor.id),
            Role::Service => {
                let Some(organisation) = actor.organisation_id else {
                    return Ok(Vec::new());
                };
                filter.organisation = Some(organisation);
            }
            _ => return Ok(Vec::new()),
        }
        let mut handle = self.store.handle().await?;
        let list = referrals::list(handle.conn(), &filter).await?;
        let today = today();
        Ok(list
            .into_iter()
            .map(|r| item(r, today))
            .filter(|r| query.overdue.is_none_or(|o| r.overdue == o))
            .collect())
    }

    /// One referral with the case data it shares.
    pub async fn referral(&self, actor: &User, id: ReferralId) -> AppResult<ReferralFile> {
        authorize(actor, Operation::ReadReferral)?;
        let mut tx = self.store.begin().await?;
        let (view, _) = visible_referral(&mut tx, actor, id).await?;
        let shared = shared_data(&mut tx, &view.referral).await?;
        let subject = Subject::new("referral", id, Some(view.referral.region));
        let shares: Vec<&str> = view.referral.shares.iter().map(|s| s.as_str()).collect();
        let detail = format!("shared [{}]", shares.join(", "));
        record(&mut tx, actor, AuditAction::Read, subject, Some(detail)).await?;
        tx.commit().await?;
        Ok(ReferralFile {
            referral: item(view, today()),
            shared,
        })
    }

    /// The receiving service takes the referral on.
    pub async fn accept_referral(&self, actor: &User, id: ReferralId) -> AppResult<ReferralItem> {
        self.answer(actor, id, ReferralState::Accepted, None).await
    }

    /// The receiving service declines, with a reason.
    pub async fn decline_referral(
        &self,
        actor: &User,
        id: ReferralId,
        answer: &ReferralAnswer,
    ) -> AppResult<ReferralItem> {
        let reason = required_text("reason", answer.reason.as_deref())?;
        self.answer(actor, id, ReferralState::Declined, Some(reason))
            .await
    }

    /// The receiving service reports what it did.
    pub async fn complete_referral(
        &self,
        actor: &User,
        id: ReferralId,
        answer: &ReferralAnswer,
    ) -> AppResult<ReferralItem> {
        let feedback = required_text("feedback", answer.feedback.as_deref())?;
        self.answer(actor, id, ReferralState::Completed, Some(feedback))
            .await
    }

    /// The sender withdraws a referral not answered yet.
    pub async fn cancel_referral(
        &self,
        actor: &User,
        id: ReferralId,
        answer: &ReferralAnswer,
    ) -> AppResult<ReferralItem> {
        authorize(actor, Operation::SendReferral)?;
        let mut invalid = Invalid::new();
        let reason = invalid.optional_text("reason", answer.reason.as_deref(), LONG_TEXT);
        let reason = invalid.into_result(reason)?;
        let mut tx = self.store.begin().await?;
        let (view, case) = visible_referral(&mut tx, actor, id).await?;
        let case = case.ok_or(AppError::NotFound("referral"))?;
        if !policy::acts_for_case(actor, &case) {
            return Err(AppError::Forbidden);
        }
        let updated = apply(&mut tx, actor, &view, ReferralState::Cancelled, reason).await?;
        tx.commit().await?;
        Ok(updated)
    }

    async fn answer(
        &self,
        actor: &User,
        id: ReferralId,
        to: ReferralState,
        text: Option<String>,
    ) -> AppResult<ReferralItem> {
        authorize(actor, Operation::AnswerReferral)?;
        let mut tx = self.store.begin().await?;
        let (view, _) = visible_referral(&mut tx, actor, id).await?;
        if !policy::may_answer_referral(actor, &view.referral) {
            return Err(AppError::Forbidden);
        }
        let updated = apply(&mut tx, actor, &view, to, text).await?;
        tx.commit().await?;
        Ok(updated)
    }

    /// Referrals per receiving organisation: the secretariat's and
    /// coordinators' own region; any region or the whole network for admins
    /// and coordinators without one.
    pub async fn referral_statistics(
        &self,
        actor: &User,
        query: &StatisticsQuery,
    ) -> AppResult<ReferralStatistics> {
        authorize(actor, Operation::ReadReferralStatistics)?;
        let region = statistics_region(actor, query.region)?;
        if let (Some(from), Some(to)) = (query.from, query.to)
            && to < from
        {
            return Err(Invalid::single("to", "until_before_from").into());
        }
        let midnight = |day: NaiveDate| day.and_time(chrono::NaiveTime::MIN).and_utc();
        let filter = ReferralFilter {
            region,
            sent_from: query.from.map(midnight),
            sent_before: query.to.and_then(|to| to.succ_opt()).map(midnight),
            ..ReferralFilter::default()
        };
        let mut handle = self.store.handle().await?;
        let list = referrals::list(handle.conn(), &filter).await?;
        let today = today();
        let mut per: BTreeMap<(String, OrganisationId), (OrganisationReferrals, f64, u64)> = BTreeMap::new();
        for view in list {
            let r = &view.referral;
            let key = (view.organisation_name.clone(), r.organisation_id);
            let entry = per.entry(key).or_insert_with(|| {
                let counts = OrganisationReferrals {
                    organisation_id: r.organisation_id,
                    organisation_name: view.organisation_name.clone(),
                    ..OrganisationReferrals::default()
                };
                (counts, 0.0, 0)
            });
            let counts = &mut entry.0;
            counts.sent += 1;
            match r.state {
                ReferralState::Accepted => counts.accepted += 1,
                ReferralState::Completed => {
                    counts.accepted += 1;
                    counts.completed += 1;
                }
                ReferralState::Declined => counts.declined += 1,
                ReferralState::Cancelled => counts.cancelled += 1,
                ReferralState::Sent => {}
            }
            if r.is_overdue(today) {
                counts.overdue += 1;
            }
            if let Some(answered) = r.answered_at {
                #[allow(clippy::cast_precision_loss)]
                let hours = (answered - r.sent_at).num_seconds() as f64 / 3600.0;
                entry.1 += hours;
                entry.2 += 1;
            }
        }
        let organisations = per
            .into_values()
            .map(|(mut counts, hours, answered)| {
                #[allow(clippy::cast_precision_loss)]
                let average = (answered > 0).then(|| hours / answered as f64);
                counts.average_hours_to_answer = average;
                counts
            })
            .collect();
        Ok(ReferralStatistics {
            region,
            from: query.from,
            to: query.to,
            organisations,
        })
    }
}

/// The region whose referrals a user may count: their own, or the one
/// asked for (none: all) when they act for the whole network.
fn item(referral: ReferralView, today: NaiveDate) -> ReferralItem {
    let overdue = referral.referral.is_overdue(today);
    ReferralItem { referral, overdue }
}

fn required_text(field: &str, value: Option<&str>) -> AppResult<String> {
    let mut invalid = Invalid::new();
    let text = invalid.text(field, value.unwrap_or_default(), LONG_TEXT);
    Ok(invalid.into_result(text)?)
}

/// The referral, if the caller receives it or may see its case; the case
/// only in the second instance.
async fn visible_referral(
    tx: &mut Tx,
    actor: &User,
    id: ReferralId,
) -> AppResult<(ReferralView, Option<Case>)> {
    let view = referrals::get(tx.conn(), id)
        .await?
        .ok_or(AppError::NotFound("referral"))?;
    if actor.region != Some(view.referral.region) {
        return Err(AppError::NotFound("referral"));
    }
    let case = cases::get(tx.conn(), policy::scope(actor), view.referral.case_id).await?;
    if case.is_none() && !policy::may_answer_referral(actor, &view.referral) {
        return Err(AppError::NotFound("referral"));
    }
    Ok((view, case))
}

/// Moves the referral on, if nobody did first; timeline and audit follow.
async fn apply(
    tx: &mut Tx,
    actor: &User,
    view: &ReferralView,
    to: ReferralState,
    text: Option<String>,
) -> AppResult<ReferralItem> {
    let referral = &view.referral;
    let (from, kind) = match to {
        ReferralState::Accepted => (ReferralState::Sent, CaseEventKind::ReferralAccepted),
        ReferralState::Declined => (ReferralState::Sent, CaseEventKind::ReferralDeclined),
        ReferralState::Completed => (ReferralState::Accepted, CaseEventKind::ReferralCompleted),
        ReferralState::Cancelled => (ReferralState::Sent, CaseEventKind::ReferralCancelled),
        ReferralState::Sent => return Err(AppError::conflict("referral_changed_meanwhile")),
    };
    let now = crate::clock::now();
    if !referrals::change_state(tx.conn(), referral.id, from, to, actor.id, now, text.as_deref()).await? {
        return Err(AppError::conflict("referral_changed_meanwhile"));
    }
    let note = match &text {
        Some(text) => format!("{}: {text}", view.organisation_name),
        None => view.organisation_name.clone(),
    };
    insert_event(tx, actor, referral.case_id, Step::new(kind).note(Some(note))).await?;
    let subject = Subject::new("referral", referral.id, Some(referral.region));
    record(tx, actor, AuditAction::Update, subject, Some(to.as_str().into())).await?;
    let updated = referrals::get(tx.conn(), referral.id)
        .await?
        .ok_or(AppError::NotFound("referral"))?;
    Ok(item(updated, today()))
}

/// The fields of the case the referral shares, read now.
async fn shared_data(tx: &mut Tx, referral: &Referral) -> AppResult<SharedData> {
    let mut shared = SharedData::default();
    let shares = |s: ReferralShare| referral.shares.contains(&s);
    let case = cases::get(tx.conn(), Scope::Region(referral.region), referral.case_id)
        .await?
        .ok_or(AppError::NotFound("case"))?;
    if shares(ReferralShare::Identity) || shares(ReferralShare::Contact) {
        let person = persons::get(tx.conn(), Scope::Region(case.region), case.person_id)
            .await?
            .ok_or(AppError::NotFound("person"))?;
        if shares(ReferralShare::Identity) {
            shared.given_name = person.given_name;
            shared.surname = person.surname;
        }
        if shares(ReferralShare::Contact) {
            shared.phone = person.phone;
        }
    }
    if shares(ReferralShare::Languages) || shares(ReferralShare::ScreeningSummary) {
        let screening = screenings::for_person(tx.conn(), case.person_id)
            .await?
            .into_iter()
            .filter(|s| s.case_id == Some(case.id) && s.status != ScreeningStatus::Draft)
            .max_by_key(|s| s.sent_at);
        if let Some(screening) = screening {
            if shares(ReferralShare::Languages) {
                shared.languages = Some(screening.profile.languages.clone());
            }
            if shares(ReferralShare::ScreeningSummary) {
                shared.screening = Some(ScreeningSummary {
                    sector: screening.profile.sector,
                    work_place: screening.profile.work_place.clone(),
                    urgent: screening.profile.urgent,
                    priority: screening.priority,
                    outcome: screening.result.as_ref().and_then(|r| r.outcome.clone()),
                });
            }
        }
    }
    if shares(ReferralShare::PlanActions) {
        let mut actions = Vec::new();
        if let Some(latest) = plans::versions(tx.conn(), case.id).await?.into_iter().next()
            && let Some(plan) = plans::plan(tx.conn(), case.id, latest.version).await?
        {
            actions = plan
                .actions
                .into_iter()
                .map(|a| SharedAction {
                    area: a.area,
                    description: a.description,
                    due_date: a.due_date,
                    status: a.status,
                })
                .collect();
        }
        shared.plan_actions = Some(actions);
    }
    Ok(shared)
}
