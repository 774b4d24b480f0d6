//! Reminders before a residence permit (or the receipt standing for it)
//! expires, so the case manager accompanies its renewal in time: 60, 30 and
//! 7 days ahead, and until the renewal can no longer be asked.
//!
//! A job raises them once a day as the system account (see
//! [`crate::places::expiry`]): for every person's current stay document it
//! raises the most urgent stage due, assigned to the case manager of the
//! person's open case, or to nobody, which leaves it to the region's
//! secretariat. A reminder is unique per document, stage and expiry, so the
//! job may run twice or on several servers at once. A newer permit, a
//! changed expiry or a removed document closes the reminders it outdates.

use chrono::{Duration, NaiveDate};
use soleil_domain::document::{RENEWAL_GRACE_DAYS, stage_to_raise};
use soleil_domain::{AuditAction, CaseEventKind, PersonId, Reminder, ReminderId, ReminderStage, Role, User};
use soleil_store::documents::{self, ExpiringDocument, ReminderFilter, ReminderView};
use soleil_store::{Scope, Tx, cases, persons};

use super::open_cases;
use crate::audit::{Subject, record};
use crate::cases::{Step, insert_event};
use crate::{App, AppError, AppResult, Operation, authorize, policy};

/// The earliest stage, in days before the expiry.
const FIRST_STAGE_DAYS: i64 = 60;

impl App {
    /// Raises the permit reminders due on `today`; returns how many this run
    /// raised. One transaction per document: a failure leaves the others raised.
    pub async fn raise_permit_reminders(&self, today: NaiveDate) -> AppResult<usize> {
        let from = today - Duration::days(RENEWAL_GRACE_DAYS);
        let until = today + Duration::days(FIRST_STAGE_DAYS);
        let expiring = {
            let mut handle = self.store.handle().await?;
            documents::expiring(handle.conn(), from, until).await?
        };
        let due: Vec<(ExpiringDocument, ReminderStage)> = expiring
            .into_iter()
            .filter_map(|document| stage_to_raise(document.expires_on, today).map(|stage| (document, stage)))
            .collect();
        if due.is_empty() {
            return Ok(0);
        }
        let system = self.system_account().await?;
        let mut raised = 0;
        for (document, stage) in due {
            let mut tx = self.store.begin().await?;
            if raise(&mut tx, &system, &document, stage).await? {
                tx.commit().await?;
                raised += 1;
            }
        }
        Ok(raised)
    }

    /// [`Self::raise_permit_reminders`] as of today (UTC), as the server runs it.
    pub async fn raise_permit_reminders_today(&self) -> AppResult<usize> {
        self.raise_permit_reminders(crate::clock::now().date_naive())
            .await
    }

    /// The open reminders the caller handles, the soonest expiry first: a
    /// case manager's own, the secretariat's region's (unassigned ones too),
    /// every region's for admins, who do not see the persons' names.
    pub async fn reminders(&self, actor: &User) -> AppResult<Vec<ReminderView>> {
        authorize(actor, Operation::ListReminders)?;
        let filter = reminder_filter(actor)?;
        let mut list = {
            let mut handle = self.store.handle().await?;
            documents::open_reminders(handle.conn(), &filter).await?
        };
        if actor.role == Role::Admin {
            list.iter_mut().for_each(|view| view.person_name = None);
        } else if !list.is_empty() {
            let detail = format!("list of {} permit reminders", list.len());
            self.audit_read(actor, "person", None, actor.region, Some(detail))
                .await?;
        }
        Ok(list)
    }

    /// How many open reminders the caller handles; zero for the roles that
    /// handle none. A count names nobody, so it is not a read to audit.
    pub async fn open_reminder_count(&self, actor: &User) -> AppResult<i64> {
        if !actor.active || !policy::permits(actor.role, Operation::ListReminders) {
            return Ok(0);
        }
        let filter = reminder_filter(actor)?;
        let mut handle = self.store.handle().await?;
        Ok(documents::count_open(handle.conn(), &filter).await?)
    }

    /// Marks a reminder done: the renewal is being taken care of.
    pub async fn complete_reminder(&self, actor: &User, id: ReminderId) -> AppResult<Reminder> {
        authorize(actor, Operation::CompleteReminder)?;
        let mut tx = self.store.begin().await?;
        let not_found = || AppError::NotFound("reminder");
        let mut reminder = documents::reminder(tx.conn(), id).await?.ok_or_else(not_found)?;
        let case_manager = match reminder.case_id {
            Some(case) => cases::get(tx.conn(), Scope::Region(reminder.region), case)
                .await?
                .and_then(|case| case.case_manager_id),
            None => None,
        };
        if !policy::may_handle_reminder(actor, &reminder, case_manager) {
            return Err(not_found());
        }
        let now = crate::clock::now();
        if !documents::close_reminder(tx.conn(), id, actor.id, now).await? {
            return Err(AppError::conflict("reminder_done"));
        }
        let subject = Subject::new("reminder", id, Some(reminder.region));
        record(&mut tx, actor, AuditAction::Update, subject, Some("done".into())).await?;
        tx.commit().await?;
        reminder.done_at = Some(now);
        reminder.done_by = Some(actor.id);
        Ok(reminder)
    }
}

/// Which open reminders a user handles.
fn reminder_filter(actor: &User) -> AppResult<ReminderFilter> {
    match (actor.role, actor.region) {
        (Role::Admin, _) => Ok(ReminderFilter::default()),
        (Role::Secretariat, Some(region)) => Ok(ReminderFilter {
            region: Some(region),
            handled_by: None,
        }),
        (Role::CaseManager, Some(region)) => Ok(ReminderFilter {
            region: Some(region),
            handled_by: Some(actor.id),
        }),
        _ => Err(AppError::Forbidden),
    }
}

/// Raises one stage of one document, unless it was raised already or the
/// document stopped being the person's current one since it was listed.
/// Earlier stages of the same document still open are closed: the newest
/// reminder says it all.
async fn raise(
    tx: &mut Tx,
    system: &User,
    document: &ExpiringDocument,
    stage: ReminderStage,
) -> AppResult<bool> {
    let current = documents::current_stay_document(tx.conn(), document.person_id).await?;
    if current.is_none_or(|c| c.id != document.id || c.expires_on != Some(document.expires_on)) {
        return Ok(false);
    }
    // A person merged into another since: their documents follow the survivor.
    let Some(person) = persons::get(tx.conn(), Scope::Region(document.region), document.person_id).await?
    else {
        return Ok(false);
    };
    let open = open_cases(tx, &person).await?;
    let managed = open
        .iter()
        .find(|summary| summary.case.case_manager_id.is_some())
        .or(open.first());
    let now = crate::clock::now();
    let reminder = Reminder {
        id: ReminderId::new(),
        document_id: document.id,
        person_id: person.id,
        case_id: managed.map(|summary| summary.case.id),
        stage,
        expires_on: document.expires_on,
        due_on: stage.due_on(document.expires_on),
        assigned_to: managed.and_then(|summary| summary.case.case_manager_id),
        region: person.region,
        created_at: now,
        done_at: None,
        done_by: None,
    };
    if !documents::insert_reminder(tx.conn(), &reminder).await? {
        return Ok(false);
    }
    for earlier in documents::open_reminders_of(tx.conn(), person.id).await? {
        if earlier.document_id == document.id && earlier.id != reminder.id {
            close(tx, system, &earlier, "superseded by a later stage").await?;
        }
    }
    for summary in &open {
        let step = Step::new(CaseEventKind::PermitReminder).code(Some(stage.as_str()));
        insert_event(tx, system, summary.case.id, step).await?;
    }
    let subject = Subject::new("reminder", reminder.id, Some(reminder.region));
    let detail = format!(
        "{} days before the expiry of document {}",
        stage.days(),
        document.id
    );
    record(tx, system, AuditAction::Create, subject, Some(detail)).await?;
    Ok(true)
}

/// Closes the open reminders of a person that no longer concern their
/// current stay document or its expiry: the permit was renewed, corrected
/// or removed.
pub(super) async fn close_superseded(tx: &mut Tx, actor: &User, person: PersonId) -> AppResult<()> {
    let current = documents::current_stay_document(tx.conn(), person).await?;
    for reminder in documents::open_reminders_of(tx.conn(), person).await? {
        let still_current = current
            .as_ref()
            .is_some_and(|c| c.id == reminder.document_id && c.expires_on == Some(reminder.expires_on));
        if !still_current {
            close(
                tx,
                actor,
                &reminder,
                "the permit was renewed, corrected or removed",
            )
            .await?;
        }
    }
    Ok(())
}

async fn close(tx: &mut Tx, actor: &User, reminder: &Reminder, why: &str) -> AppResult<()> {
    if documents::close_reminder(tx.conn(), reminder.id, actor.id, crate::clock::now()).await? {
        let subject = Subject::new("reminder", reminder.id, Some(reminder.region));
        record(
            tx,
            actor,
            AuditAction::Update,
            subject,
            Some(format!("closed: {why}")),
        )
        .await?;
    }
    Ok(())
}
