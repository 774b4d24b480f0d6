//! Labs: courses, their sessions, enrolment of persons from their plans,
//! attendance, completion and certificates.
//!
//! The catalogue holds no personal data: everyone of the region reads it.
//! Enrolled persons are shown to the lab's training body, the region's
//! secretariat and, for their own enrolments, the case managers (see
//! [`policy::may_see_enrolment`]); every such read is audited.

use chrono::{NaiveDate, Utc};
use soleil_domain::inclusion::course::{
    self, AttendanceLine, Course, CourseId, CourseInput, CourseKind, CourseSession, Enrolment, EnrolmentId,
    EnrolmentStatus, NewCourse, NewSession, SessionId, SessionInput,
};
use soleil_domain::{
    AuditAction, Case, CaseEventKind, CaseId, CaseState, Invalid, OrganisationId, RegionCode, User,
};
use soleil_store::courses::{self as store, CourseFilter, EnrolmentRecord};
use soleil_store::{Tx, network};

use crate::audit::{Subject, record};
use crate::cases::{Step, insert_event, visible_case};
use crate::{App, AppError, AppResult, Operation, authorize, policy};

/// An enrolment as lists show it: the person's name only to those who may see it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct EnrolmentView {
    #[serde(flatten)]
    pub enrolment: Enrolment,
    pub course_title: String,
    pub person_name: Option<String>,
    pub attended_minutes: i64,
    pub planned_minutes: i32,
    /// Minutes attended as a whole percentage of the planned minutes.
    pub attended_percent: i64,
}

impl EnrolmentView {
    fn new(record: &EnrolmentRecord, named: bool) -> Self {
        let planned = i64::from(record.planned_minutes.max(1));
        Self {
            enrolment: record.enrolment(),
            course_title: record.course_title.clone(),
            person_name: named.then(|| record.person_name()),
            attended_minutes: record.attended_minutes,
            planned_minutes: record.planned_minutes,
            attended_percent: record.attended_minutes * 100 / planned,
        }
    }
}

/// A lab with its calendar and the enrolments the caller may see.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct CourseDetail {
    pub course: Course,
    pub organisation_name: String,
    pub sessions: Vec<CourseSession>,
    /// Places taken (every enrolment not withdrawn, seen or not).
    pub taken_places: i64,
    pub enrolments: Vec<EnrolmentView>,
    /// Whether the caller may edit the lab and keep its register.
    pub may_run: bool,
}

/// The class register of a session: one line per person enrolled.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Register {
    pub session: CourseSession,
    pub course: Course,
    pub lines: Vec<RegisterLine>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct RegisterLine {
    pub enrolment_id: EnrolmentId,
    pub person_name: String,
    /// What is recorded; `None` before the register is filled.
    pub minutes: Option<i32>,
}

/// What a certificate of attendance says.
#[derive(Debug, Clone, PartialEq)]
pub struct Certificate {
    pub person_name: String,
    pub date_of_birth: Option<NaiveDate>,
    pub course: Course,
    pub training_body: String,
    pub attended_minutes: i64,
    pub completed_on: Option<NaiveDate>,
    pub issued_on: NaiveDate,
}

/// Which labs to list.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CourseQuery {
    pub kind: Option<CourseKind>,
    pub sector: Option<course::CourseSector>,
    /// Only labs not ended yet.
    #[serde(default)]
    pub open: bool,
    /// For admins, who belong to no region: the region whose labs to list.
    pub region: Option<RegionCode>,
}

impl App {
    /// The labs of the caller's region (admins: of the region asked).
    pub async fn courses(&self, actor: &User, query: &CourseQuery) -> AppResult<Vec<Course>> {
        authorize(actor, Operation::ListCourses)?;
        let region = actor
            .region
            .or(query.region)
            .ok_or_else(|| AppError::Invalid(Invalid::single("region", "required")))?;
        let filter = CourseFilter {
            kind: query.kind,
            sector: query.sector,
            open_on: query.open.then(|| crate::clock::now().date_naive()),
        };
        let mut handle = self.store.handle().await?;
        Ok(store::list_courses(handle.conn(), region, &filter).await?)
    }

    /// A lab, its sessions, and the persons enrolled whom the caller may see.
    pub async fn course(&self, actor: &User, id: CourseId) -> AppResult<CourseDetail> {
        authorize(actor, Operation::ReadCourse)?;
        let mut tx = self.store.begin().await?;
        let course = readable_course(&mut tx, actor, id).await?;
        let organisation_name = network::organisation(tx.conn(), course.organisation_id)
            .await?
            .map(|o| o.name)
            .unwrap_or_default();
        let sessions = store::sessions_of(tx.conn(), id).await?;
        let taken_places = store::taken_places(tx.conn(), id).await?;
        let enrolments = if policy::permits(actor.role, Operation::ReadEnrolments) {
            let records = store::enrolments_of_course(tx.conn(), id).await?;
            let seen: Vec<EnrolmentView> = records
                .iter()
                .filter(|r| policy::may_see_enrolment(actor, &course, r.case_manager_id))
                .map(|r| EnrolmentView::new(r, true))
                .collect();
            audit_names(&mut tx, actor, &course, &seen).await?;
            seen
        } else {
            Vec::new()
        };
        let may_run =
            policy::permits(actor.role, Operation::ManageCourses) && policy::may_run_course(actor, &course);
        tx.commit().await?;
        Ok(CourseDetail {
            course,
            organisation_name,
            sessions,
            taken_places,
            enrolments,
            may_run,
        })
    }

    /// Adds a lab to the catalogue of its training body's region.
    pub async fn create_course(&self, actor: &User, input: &CourseInput) -> AppResult<Course> {
        authorize(actor, Operation::ManageCourses)?;
        let new = NewCourse::parse(input)?;
        let mut tx = self.store.begin().await?;
        let region = training_body_region(&mut tx, actor, new.organisation_id).await?;
        let now = crate::clock::now();
        let course = Course {
            id: CourseId::new(),
            region,
            created_by: actor.id,
            created_at: now,
            updated_at: now,
            ..from_new(new, region, actor, now)
        };
        if !policy::may_run_course(actor, &course) {
            return Err(AppError::Forbidden);
        }
        store::insert_course(tx.conn(), &course).await?;
        audit_course(&mut tx, actor, AuditAction::Create, &course).await?;
        tx.commit().await?;
        Ok(course)
    }

    /// Corrects a lab: the whole lab, as when it was added. Its region stays.
    pub async fn update_course(&self, actor: &User, id: CourseId, input: &CourseInput) -> AppResult<Course> {
        authorize(actor, Operation::ManageCourses)?;
        let new = NewCourse::parse(input)?;
        let mut tx = self.store.begin().await?;
        let old = runnable_course(&mut tx, actor, id).await?;
        let region = training_body_region(&mut tx, actor, new.organisation_id).await?;
        if region != old.region {
            return Err(Invalid::single("organisation_id", "training_body_of_another_region").into());
        }
        let course = Course {
            id: old.id,
            created_by: old.created_by,
            created_at: old.created_at,
            ..from_new(new, region, actor, crate::clock::now())
        };
        if !policy::may_run_course(actor, &course) {
            return Err(AppError::Forbidden);
        }
        store::update_course(tx.conn(), &course).await?;
        audit_course(&mut tx, actor, AuditAction::Update, &course).await?;
        tx.commit().await?;
        Ok(course)
    }

    /// Adds a session to a lab's calendar.
    pub async fn add_session(
        &self,
        actor: &User,
        id: CourseId,
        input: &SessionInput,
    ) -> AppResult<CourseSession> {
        authorize(actor, Operation::ManageCourses)?;
        let mut tx = self.store.begin().await?;
        let course = runnable_course(&mut tx, actor, id).await?;
        let new = NewSession::parse(input, &course)?;
        let session = CourseSession {
            id: SessionId::new(),
            course_id: course.id,
            starts_at: new.starts_at,
            minutes: new.minutes,
            topic: new.topic,
            module: new.module,
            cancelled_at: None,
            created_at: crate::clock::now(),
        };
        store::insert_session(tx.conn(), &session).await?;
        let detail = format!("session {} of course {}", session.id, course.id);
        audit_course_detail(&mut tx, actor, AuditAction::Update, &course, detail).await?;
        tx.commit().await?;
        Ok(session)
    }

    /// Cancels a session: what was recorded on it no longer counts, so the
    /// completion of its class is worked out again.
    pub async fn cancel_session(&self, actor: &User, id: SessionId) -> AppResult<CourseSession> {
        authorize(actor, Operation::ManageCourses)?;
        let mut tx = self.store.begin().await?;
        let (course, session) = runnable_session(&mut tx, actor, id).await?;
        if !store::cancel_session(tx.conn(), id, crate::clock::now()).await? {
            return Err(AppError::conflict("session_cancelled"));
        }
        for record in store::enrolments_of_course(tx.conn(), course.id).await? {
            settle_completion(&mut tx, actor, &course, record.enrolment()).await?;
        }
        let detail = format!("session {} of course {} cancelled", session.id, course.id);
        audit_course_detail(&mut tx, actor, AuditAction::Update, &course, detail).await?;
        let session = store::session(tx.conn(), id)
            .await?
            .ok_or(AppError::NotFound("session"))?;
        tx.commit().await?;
        Ok(session)
    }

    /// Enrols the person of a case in inclusion in a lab of the case's
    /// region. A professional lab needs the empowerment path completed.
    pub async fn enrol(&self, actor: &User, case: CaseId, course: CourseId) -> AppResult<EnrolmentView> {
        authorize(actor, Operation::EnrolPersons)?;
        let mut tx = self.store.begin().await?;
        let case = enrolling_case(&mut tx, actor, case).await?;
        let course = store::course(tx.conn(), course)
            .await?
            .filter(|c| c.region == case.region)
            .ok_or_else(|| Invalid::single("course_id", "unknown_course"))?;
        if case.state != CaseState::Inclusion {
            return Err(AppError::conflict("case_not_in_inclusion"));
        }
        if !course.is_open(crate::clock::now().date_naive()) {
            return Err(AppError::conflict("course_ended"));
        }
        if course.kind == CourseKind::Professional
            && !store::has_completed(tx.conn(), case.person_id, CourseKind::Empowerment).await?
        {
            return Err(Invalid::single("course_id", "empowerment_required").into());
        }
        if store::taken_places(tx.conn(), course.id).await? >= i64::from(course.capacity) {
            return Err(AppError::conflict("course_full"));
        }
        let enrolment = Enrolment {
            id: EnrolmentId::new(),
            course_id: course.id,
            person_id: case.person_id,
            case_id: case.id,
            status: EnrolmentStatus::Enrolled,
            enrolled_at: crate::clock::now(),
            enrolled_by: actor.id,
            completed_on: None,
            withdrawn_at: None,
        };
        if !store::insert_enrolment(tx.conn(), &enrolment).await? {
            return Err(AppError::conflict("already_enrolled"));
        }
        audit_enrolment(&mut tx, actor, AuditAction::Create, &course, &enrolment).await?;
        let step = Step::new(CaseEventKind::EnrolledInCourse)
            .code(Some(course.kind.as_str()))
            .note(Some(course.title.clone()));
        insert_event(&mut tx, actor, case.id, step).await?;
        let record = enrolment_record(&mut tx, enrolment.id).await?;
        tx.commit().await?;
        Ok(EnrolmentView::new(&record, true))
    }

    /// The labs a case's person was enrolled in from this case.
    pub async fn case_enrolments(&self, actor: &User, case: CaseId) -> AppResult<Vec<EnrolmentView>> {
        authorize(actor, Operation::ReadEnrolments)?;
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, policy::scope(actor), case).await?;
        let list: Vec<EnrolmentView> = store::enrolments_of_case(tx.conn(), case.id)
            .await?
            .iter()
            .map(|r| EnrolmentView::new(r, true))
            .collect();
        let subject = Subject::new("case", case.id, Some(case.region));
        record(
            &mut tx,
            actor,
            AuditAction::Read,
            subject,
            Some("enrolments".into()),
        )
        .await?;
        tx.commit().await?;
        Ok(list)
    }

    /// Takes a person out of a lab: their place frees, the record stays.
    pub async fn withdraw(&self, actor: &User, id: EnrolmentId) -> AppResult<EnrolmentView> {
        authorize(actor, Operation::EnrolPersons)?;
        let mut tx = self.store.begin().await?;
        let enrolment = store::enrolment(tx.conn(), id)
            .await?
            .ok_or(AppError::NotFound("enrolment"))?;
        let case = enrolling_case(&mut tx, actor, enrolment.case_id)
            .await
            .map_err(|_| AppError::NotFound("enrolment"))?;
        if enrolment.status == EnrolmentStatus::Withdrawn {
            return Err(AppError::conflict("enrolment_withdrawn"));
        }
        let course = course_of(&mut tx, enrolment.course_id).await?;
        let withdrawn = Enrolment {
            status: EnrolmentStatus::Withdrawn,
            withdrawn_at: Some(crate::clock::now()),
            ..enrolment
        };
        store::update_enrolment(tx.conn(), &withdrawn).await?;
        audit_enrolment(&mut tx, actor, AuditAction::Update, &course, &withdrawn).await?;
        let step = Step::new(CaseEventKind::CourseWithdrawn).note(Some(course.title.clone()));
        insert_event(&mut tx, actor, case.id, step).await?;
        let record = enrolment_record(&mut tx, id).await?;
        tx.commit().await?;
        Ok(EnrolmentView::new(&record, true))
    }

    /// The class register of a session: everyone enrolled and not withdrawn.
    pub async fn register(&self, actor: &User, id: SessionId) -> AppResult<Register> {
        authorize(actor, Operation::RecordAttendance)?;
        let mut tx = self.store.begin().await?;
        let (course, session) = runnable_session(&mut tx, actor, id).await?;
        let recorded = store::attendance_of_session(tx.conn(), id).await?;
        let lines: Vec<RegisterLine> = store::enrolments_of_course(tx.conn(), course.id)
            .await?
            .iter()
            .filter(|r| r.enrolment().status != EnrolmentStatus::Withdrawn)
            .map(|r| RegisterLine {
                enrolment_id: r.enrolment().id,
                person_name: r.person_name(),
                minutes: recorded
                    .iter()
                    .find(|(e, _)| *e == r.enrolment().id)
                    .map(|(_, m)| *m),
            })
            .collect();
        let detail = format!("register of session {id}");
        audit_course_detail(&mut tx, actor, AuditAction::Read, &course, detail).await?;
        tx.commit().await?;
        Ok(Register {
            session,
            course,
            lines,
        })
    }

    /// Records (or corrects) a session's register, then works out again the
    /// completion of each person it names.
    pub async fn record_attendance(
        &self,
        actor: &User,
        id: SessionId,
        lines: &[AttendanceLine],
    ) -> AppResult<Register> {
        authorize(actor, Operation::RecordAttendance)?;
        let mut tx = self.store.begin().await?;
        let (course, session) = runnable_session(&mut tx, actor, id).await?;
        if session.cancelled_at.is_some() {
            return Err(AppError::conflict("session_cancelled"));
        }
        course::check_register(lines, session.minutes)?;
        let class = store::enrolments_of_course(tx.conn(), course.id).await?;
        let mut enrolments = Vec::new();
        let mut invalid = Invalid::new();
        for (i, line) in lines.iter().enumerate() {
            match class
                .iter()
                .map(EnrolmentRecord::enrolment)
                .find(|e| e.id == line.enrolment_id)
            {
                Some(e) if e.status != EnrolmentStatus::Withdrawn => enrolments.push(e),
                _ => invalid.add(&format!("attendance[{i}].enrolment_id"), "not_in_class"),
            }
        }
        invalid.into_result(())?;
        let now = crate::clock::now();
        for line in lines {
            store::record_attendance(tx.conn(), id, line.enrolment_id, line.minutes, actor.id, now).await?;
        }
        for enrolment in enrolments {
            settle_completion(&mut tx, actor, &course, enrolment).await?;
        }
        let detail = format!("attendance of session {id}: {} lines", lines.len());
        audit_course_detail(&mut tx, actor, AuditAction::Update, &course, detail).await?;
        tx.commit().await?;
        self.register(actor, id).await
    }

    /// What the certificate of attendance of a completed lab says.
    pub async fn certificate(&self, actor: &User, id: EnrolmentId) -> AppResult<Certificate> {
        authorize(actor, Operation::ReadEnrolments)?;
        let mut tx = self.store.begin().await?;
        let record = enrolment_record(&mut tx, id).await?;
        let course = course_of(&mut tx, record.enrolment().course_id).await?;
        if !policy::may_see_enrolment(actor, &course, record.case_manager_id) {
            return Err(AppError::NotFound("enrolment"));
        }
        let enrolment = record.enrolment();
        if enrolment.status != EnrolmentStatus::Completed {
            return Err(AppError::conflict("course_not_completed"));
        }
        let training_body = network::organisation(tx.conn(), course.organisation_id)
            .await?
            .map(|o| o.name)
            .unwrap_or_default();
        let subject = Subject::new("person", enrolment.person_id, Some(course.region));
        let detail = Some(format!("certificate of enrolment {id}"));
        crate::audit::record(&mut tx, actor, AuditAction::Read, subject, detail).await?;
        tx.commit().await?;
        Ok(Certificate {
            person_name: record.person_name(),
            date_of_birth: record.date_of_birth,
            course,
            training_body,
            attended_minutes: record.attended_minutes,
            completed_on: enrolment.completed_on,
            issued_on: crate::clock::now().date_naive(),
        })
    }

    /// The open labs of a case's region, for its enrolment form.
    pub async fn open_courses_for_case(&self, actor: &User, case: CaseId) -> AppResult<Vec<Course>> {
        authorize(actor, Operation::EnrolPersons)?;
        let mut tx = self.store.begin().await?;
        let case = visible_case(&mut tx, policy::scope(actor), case).await?;
        let filter = CourseFilter {
            open_on: Some(crate::clock::now().date_naive()),
            ..CourseFilter::default()
        };
        let list = store::list_courses(tx.conn(), case.region, &filter).await?;
        tx.commit().await?;
        Ok(list)
    }
}

/// A course from its checked input.
fn from_new(new: NewCourse, region: RegionCode, actor: &User, now: chrono::DateTime<Utc>) -> Course {
    Course {
        id: CourseId::new(),
        region,
        organisation_id: new.organisation_id,
        kind: new.kind,
        sector: new.sector,
        modules: new.modules,
        title: new.title,
        planned_minutes: new.planned_minutes,
        completion_percent: new.completion_percent,
        hourly_allowance_cents: new.hourly_allowance_cents,
        allowance_threshold_percent: new.allowance_threshold_percent,
        mediator: new.mediator,
        capacity: new.capacity,
        place: new.place,
        starts_on: new.starts_on,
        ends_on: new.ends_on,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
    }
}

/// The region of the training body chosen; admins may choose any, the
/// others one of their own region.
async fn training_body_region(tx: &mut Tx, actor: &User, id: OrganisationId) -> AppResult<RegionCode> {
    network::organisation(tx.conn(), id)
        .await?
        .filter(|o| actor.role == soleil_domain::Role::Admin || actor.region == Some(o.region))
        .map(|o| o.region)
        .ok_or_else(|| Invalid::single("organisation_id", "unknown_organisation").into())
}

async fn course_of(tx: &mut Tx, id: CourseId) -> AppResult<Course> {
    store::course(tx.conn(), id)
        .await?
        .ok_or(AppError::NotFound("course"))
}

/// A course the caller may read.
async fn readable_course(tx: &mut Tx, actor: &User, id: CourseId) -> AppResult<Course> {
    let course = course_of(tx, id).await?;
    if !policy::may_read_course(actor, &course) {
        return Err(AppError::NotFound("course"));
    }
    Ok(course)
}

/// A course the caller may run: readable ones they may not run are refused.
async fn runnable_course(tx: &mut Tx, actor: &User, id: CourseId) -> AppResult<Course> {
    let course = readable_course(tx, actor, id).await?;
    if !policy::may_run_course(actor, &course) {
        return Err(AppError::Forbidden);
    }
    Ok(course)
}

/// A session of a course the caller may run.
async fn runnable_session(tx: &mut Tx, actor: &User, id: SessionId) -> AppResult<(Course, CourseSession)> {
    let session = store::session(tx.conn(), id)
        .await?
        .ok_or(AppError::NotFound("session"))?;
    let course = runnable_course(tx, actor, session.course_id).await?;
    Ok((course, session))
}

/// A case the caller may enrol its person from: its manager or its secretariat.
async fn enrolling_case(tx: &mut Tx, actor: &User, id: CaseId) -> AppResult<Case> {
    let case = visible_case(tx, policy::scope(actor), id).await?;
    if !(policy::manages(actor, &case) || policy::is_secretariat_of(actor, &case)) {
        return Err(AppError::Forbidden);
    }
    Ok(case)
}

async fn enrolment_record(tx: &mut Tx, id: EnrolmentId) -> AppResult<EnrolmentRecord> {
    store::enrolment_record(tx.conn(), id)
        .await?
        .ok_or(AppError::NotFound("enrolment"))
}

/// Works out an enrolment's completion from its attendance: completed on
/// the day of the session that reached the threshold, back to enrolled when
/// a correction falls below it. A withdrawn person stays withdrawn.
async fn settle_completion(
    tx: &mut Tx,
    actor: &User,
    course: &Course,
    enrolment: Enrolment,
) -> AppResult<()> {
    if enrolment.status == EnrolmentStatus::Withdrawn {
        return Ok(());
    }
    let attended = store::attended_sessions(tx.conn(), enrolment.id).await?;
    let completed_on = course::completion_day(&attended, course.planned_minutes, course.completion_percent);
    let status = if completed_on.is_some() {
        EnrolmentStatus::Completed
    } else {
        EnrolmentStatus::Enrolled
    };
    if status == enrolment.status && completed_on == enrolment.completed_on {
        return Ok(());
    }
    let newly_completed =
        status == EnrolmentStatus::Completed && enrolment.status != EnrolmentStatus::Completed;
    let settled = Enrolment {
        status,
        completed_on,
        ..enrolment
    };
    store::update_enrolment(tx.conn(), &settled).await?;
    audit_enrolment(tx, actor, AuditAction::Update, course, &settled).await?;
    if newly_completed {
        let step = Step::new(CaseEventKind::CourseCompleted).note(Some(course.title.clone()));
        insert_event(tx, actor, settled.case_id, step).await?;
    }
    Ok(())
}

/// A read of enrolled persons' names, audited once per page, naming them.
async fn audit_names(tx: &mut Tx, actor: &User, course: &Course, seen: &[EnrolmentView]) -> AppResult<()> {
    if seen.is_empty() {
        return Ok(());
    }
    let persons: Vec<String> = seen.iter().map(|e| e.enrolment.person_id.to_string()).collect();
    let detail = format!("enrolled persons of course {}: {}", course.id, persons.join(", "));
    audit_course_detail(tx, actor, AuditAction::Read, course, detail).await
}

async fn audit_course(tx: &mut Tx, actor: &User, action: AuditAction, course: &Course) -> AppResult<()> {
    let detail = format!("{} course {}", course.kind, course.title);
    audit_course_detail(tx, actor, action, course, detail).await
}

async fn audit_course_detail(
    tx: &mut Tx,
    actor: &User,
    action: AuditAction,
    course: &Course,
    detail: String,
) -> AppResult<()> {
    let subject = Subject::new("course", course.id, Some(course.region));
    record(tx, actor, action, subject, Some(detail)).await
}

/// The audit event of an enrolment's change: its status and person.
async fn audit_enrolment(
    tx: &mut Tx,
    actor: &User,
    action: AuditAction,
    course: &Course,
    enrolment: &Enrolment,
) -> AppResult<()> {
    let subject = Subject::new("enrolment", enrolment.id, Some(course.region));
    let detail = format!(
        "{} in course {} of person {}",
        enrolment.status, course.id, enrolment.person_id
    );
    record(tx, actor, action, subject, Some(detail)).await
}
