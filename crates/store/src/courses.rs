//! Labs: courses, sessions, enrolments and attendance. Sessions are
//! cancelled softly (`cancelled_at`), so attendance recorded on them stays in
//! the history; cancelled sessions count for nothing.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use soleil_domain::inclusion::course::{
    Course, CourseId, CourseKind, CourseSector, CourseSession, EmpowermentModule, Enrolment, EnrolmentId,
    EnrolmentStatus, SessionId,
};
use soleil_domain::{CaseId, OrganisationId, PersonId, RegionCode, UserId};
use sqlx::AssertSqlSafe;

use crate::{Conn, Result, StoreError, on};

const COURSE_COLUMNS: &str = "c.id, c.region, c.organisation_id, c.kind, c.sector, c.modules, c.title,
    c.planned_minutes, c.completion_percent, c.hourly_allowance_cents, c.allowance_threshold_percent,
    c.mediator, c.capacity, c.place, c.starts_on, c.ends_on, c.created_by, c.created_at, c.updated_at";

/// A course as stored: its modules are one comma-separated text.
#[derive(sqlx::FromRow)]
struct CourseRow {
    id: CourseId,
    region: RegionCode,
    organisation_id: OrganisationId,
    kind: CourseKind,
    sector: Option<CourseSector>,
    modules: String,
    title: String,
    planned_minutes: i32,
    completion_percent: i32,
    hourly_allowance_cents: i64,
    allowance_threshold_percent: i32,
    mediator: Option<String>,
    capacity: i32,
    place: Option<String>,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    created_by: UserId,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl TryFrom<CourseRow> for Course {
    type Error = StoreError;

    fn try_from(row: CourseRow) -> Result<Self> {
        let modules = row
            .modules
            .split(',')
            .filter(|m| !m.is_empty())
            .map(|m| m.parse::<EmpowermentModule>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| StoreError::Corrupt(format!("course {}: module: {e}", row.id)))?;
        Ok(Course {
            id: row.id,
            region: row.region,
            organisation_id: row.organisation_id,
            kind: row.kind,
            sector: row.sector,
            modules,
            title: row.title,
            planned_minutes: row.planned_minutes,
            completion_percent: row.completion_percent,
            hourly_allowance_cents: row.hourly_allowance_cents,
            allowance_threshold_percent: row.allowance_threshold_percent,
            mediator: row.mediator,
            capacity: row.capacity,
            place: row.place,
            starts_on: row.starts_on,
            ends_on: row.ends_on,
            created_by: row.created_by,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

fn modules_text(course: &Course) -> String {
    course
        .modules
        .iter()
        .map(|m| m.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

pub async fn insert_course(conn: Conn<'_>, course: &Course) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO courses (id, region, organisation_id, kind, sector, modules, title, planned_minutes,
                              completion_percent, hourly_allowance_cents, allowance_threshold_percent, mediator,
                              capacity, place, starts_on, ends_on, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)",
    )
    .bind(course.id)
    .bind(course.region)
    .bind(course.organisation_id)
    .bind(course.kind)
    .bind(course.sector)
    .bind(modules_text(course))
    .bind(&course.title)
    .bind(course.planned_minutes)
    .bind(course.completion_percent)
    .bind(course.hourly_allowance_cents)
    .bind(course.allowance_threshold_percent)
    .bind(&course.mediator)
    .bind(course.capacity)
    .bind(&course.place)
    .bind(course.starts_on)
    .bind(course.ends_on)
    .bind(course.created_by)
    .bind(course.created_at)
    .bind(course.updated_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Writes the fields an edit may change (not its region nor its creator).
pub async fn update_course(conn: Conn<'_>, course: &Course) -> Result<()> {
    on!(conn, c => sqlx::query(
        "UPDATE courses SET organisation_id = $2, kind = $3, sector = $4, modules = $5, title = $6,
                planned_minutes = $7, completion_percent = $8, hourly_allowance_cents = $9,
                allowance_threshold_percent = $10, mediator = $11, capacity = $12, place = $13,
                starts_on = $14, ends_on = $15, updated_at = $16
         WHERE id = $1",
    )
    .bind(course.id)
    .bind(course.organisation_id)
    .bind(course.kind)
    .bind(course.sector)
    .bind(modules_text(course))
    .bind(&course.title)
    .bind(course.planned_minutes)
    .bind(course.completion_percent)
    .bind(course.hourly_allowance_cents)
    .bind(course.allowance_threshold_percent)
    .bind(&course.mediator)
    .bind(course.capacity)
    .bind(&course.place)
    .bind(course.starts_on)
    .bind(course.ends_on)
    .bind(course.updated_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn course(conn: Conn<'_>, id: CourseId) -> Result<Option<Course>> {
    let sql = format!("SELECT {COURSE_COLUMNS} FROM courses c WHERE c.id = $1");
    let row: Option<CourseRow> =
        on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?;
    row.map(Course::try_from).transpose()
}

/// Which courses of a region to list: every filter given must hold.
#[derive(Debug, Clone, Default)]
pub struct CourseFilter {
    pub kind: Option<CourseKind>,
    pub sector: Option<CourseSector>,
    /// Only courses not ended on this day.
    pub open_on: Option<NaiveDate>,
}

/// A region's courses, the soonest start first.
pub async fn list_courses(conn: Conn<'_>, region: RegionCode, filter: &CourseFilter) -> Result<Vec<Course>> {
    let sql = format!(
        "SELECT {COURSE_COLUMNS} FROM courses c
         WHERE c.region = $1 AND ($2 IS NULL OR c.kind = $2) AND ($3 IS NULL OR c.sector = $3)
           AND ($4 IS NULL OR c.ends_on >= $4)
         ORDER BY c.starts_on, c.title, c.id"
    );
    let rows: Vec<CourseRow> = on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str()))
        .bind(region)
        .bind(filter.kind.map(CourseKind::as_str))
        .bind(filter.sector.map(CourseSector::as_str))
        .bind(filter.open_on)
        .fetch_all(c).await)?;
    rows.into_iter().map(Course::try_from).collect()
}

// ---------------------------------------------------------------------------
// Sessions

const SESSION_COLUMNS: &str =
    "s.id, s.course_id, s.starts_at, s.minutes, s.topic, s.module, s.cancelled_at, s.created_at";

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: SessionId,
    course_id: CourseId,
    starts_at: NaiveDateTime,
    minutes: i32,
    topic: Option<String>,
    module: Option<EmpowermentModule>,
    cancelled_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
}

impl From<SessionRow> for CourseSession {
    fn from(row: SessionRow) -> Self {
        CourseSession {
            id: row.id,
            course_id: row.course_id,
            starts_at: row.starts_at,
            minutes: row.minutes,
            topic: row.topic,
            module: row.module,
            cancelled_at: row.cancelled_at,
            created_at: row.created_at,
        }
    }
}

pub async fn insert_session(conn: Conn<'_>, session: &CourseSession) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO course_sessions (id, course_id, starts_at, minutes, topic, module, created_at, cancelled_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(session.id)
    .bind(session.course_id)
    .bind(session.starts_at)
    .bind(session.minutes)
    .bind(&session.topic)
    .bind(session.module)
    .bind(session.created_at)
    .bind(session.cancelled_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn session(conn: Conn<'_>, id: SessionId) -> Result<Option<CourseSession>> {
    let sql = format!("SELECT {SESSION_COLUMNS} FROM course_sessions s WHERE s.id = $1");
    let row: Option<SessionRow> =
        on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?;
    Ok(row.map(CourseSession::from))
}

/// A course's sessions, cancelled ones too, in calendar order.
pub async fn sessions_of(conn: Conn<'_>, course: CourseId) -> Result<Vec<CourseSession>> {
    let sql = format!(
        "SELECT {SESSION_COLUMNS} FROM course_sessions s WHERE s.course_id = $1 ORDER BY s.starts_at, s.id"
    );
    let rows: Vec<SessionRow> =
        on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(course).fetch_all(c).await)?;
    Ok(rows.into_iter().map(CourseSession::from).collect())
}

/// Cancels a session. False when it was cancelled already.
pub async fn cancel_session(conn: Conn<'_>, id: SessionId, at: DateTime<Utc>) -> Result<bool> {
    let changed = on!(conn, c => sqlx::query(
        "UPDATE course_sessions SET cancelled_at = $2 WHERE id = $1 AND cancelled_at IS NULL",
    )
    .bind(id).bind(at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(changed == 1)
}

// ---------------------------------------------------------------------------
// Enrolments

const ENROLMENT_COLUMNS: &str =
    "e.id, e.course_id, e.person_id, e.case_id, e.status, e.enrolled_at, e.enrolled_by,
    e.completed_on, e.withdrawn_at";

#[derive(Debug, Clone, sqlx::FromRow)]
struct EnrolmentRow {
    id: EnrolmentId,
    course_id: CourseId,
    person_id: PersonId,
    case_id: CaseId,
    status: EnrolmentStatus,
    enrolled_at: DateTime<Utc>,
    enrolled_by: UserId,
    completed_on: Option<NaiveDate>,
    withdrawn_at: Option<DateTime<Utc>>,
}

impl From<EnrolmentRow> for Enrolment {
    fn from(row: EnrolmentRow) -> Self {
        Enrolment {
            id: row.id,
            course_id: row.course_id,
            person_id: row.person_id,
            case_id: row.case_id,
            status: row.status,
            enrolled_at: row.enrolled_at,
            enrolled_by: row.enrolled_by,
            completed_on: row.completed_on,
            withdrawn_at: row.withdrawn_at,
        }
    }
}

/// Enrols a person. False when the person is in the course already (the
/// same person twice is refused by the table too, for concurrent requests).
pub async fn insert_enrolment(conn: Conn<'_>, enrolment: &Enrolment) -> Result<bool> {
    let inserted = on!(conn, c => sqlx::query(
        "INSERT INTO course_enrolments (id, course_id, person_id, case_id, status, enrolled_at, enrolled_by,
                                        completed_on, withdrawn_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (course_id, person_id) DO NOTHING",
    )
    .bind(enrolment.id)
    .bind(enrolment.course_id)
    .bind(enrolment.person_id)
    .bind(enrolment.case_id)
    .bind(enrolment.status)
    .bind(enrolment.enrolled_at)
    .bind(enrolment.enrolled_by)
    .bind(enrolment.completed_on)
    .bind(enrolment.withdrawn_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(inserted == 1)
}

pub async fn enrolment(conn: Conn<'_>, id: EnrolmentId) -> Result<Option<Enrolment>> {
    let sql = format!("SELECT {ENROLMENT_COLUMNS} FROM course_enrolments e WHERE e.id = $1");
    let row: Option<EnrolmentRow> =
        on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?;
    Ok(row.map(Enrolment::from))
}

/// Writes an enrolment's status, completion day and withdrawal.
pub async fn update_enrolment(conn: Conn<'_>, enrolment: &Enrolment) -> Result<()> {
    on!(conn, c => sqlx::query(
        "UPDATE course_enrolments SET status = $2, completed_on = $3, withdrawn_at = $4 WHERE id = $1",
    )
    .bind(enrolment.id)
    .bind(enrolment.status)
    .bind(enrolment.completed_on)
    .bind(enrolment.withdrawn_at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// How many persons take a place in a course: those not withdrawn.
pub async fn taken_places(conn: Conn<'_>, course: CourseId) -> Result<i64> {
    Ok(on!(conn, c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM course_enrolments WHERE course_id = $1 AND status <> 'withdrawn'",
    )
    .bind(course).fetch_one(c).await)?)
}

/// Whether a person completed a course of this kind.
pub async fn has_completed(conn: Conn<'_>, person: PersonId, kind: CourseKind) -> Result<bool> {
    let found: Option<i32> = on!(conn, c => sqlx::query_scalar(
        "SELECT 1 FROM course_enrolments e JOIN courses c ON c.id = e.course_id
         WHERE e.person_id = $1 AND c.kind = $2 AND e.status = 'completed' LIMIT 1",
    )
    .bind(person).bind(kind)
    .fetch_optional(c).await)?;
    Ok(found.is_some())
}

/// An enrolment with what lists show about it: the minutes attended (on
/// sessions not cancelled), the course's title and planned minutes, and
/// the person's name and birth date (the app layer drops them for those
/// who may not see the person).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EnrolmentRecord {
    #[sqlx(flatten)]
    enrolment: EnrolmentRow,
    pub attended_minutes: i64,
    pub course_title: String,
    pub planned_minutes: i32,
    pub given_name: Option<String>,
    pub surname: Option<String>,
    pub alias: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    pub case_manager_id: Option<UserId>,
}

impl EnrolmentRecord {
    pub fn enrolment(&self) -> Enrolment {
        Enrolment::from(self.enrolment.clone())
    }

    /// Full name, or the alias of an anonymous contact.
    pub fn person_name(&self) -> String {
        let name = [self.given_name.as_deref(), self.surname.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        if name.is_empty() {
            self.alias.clone().unwrap_or_default()
        } else {
            name
        }
    }
}

const RECORD_SQL: &str =
    "SELECT e.id, e.course_id, e.person_id, e.case_id, e.status, e.enrolled_at, e.enrolled_by,
        e.completed_on, e.withdrawn_at,
        COALESCE((SELECT SUM(a.minutes) FROM course_attendance a JOIN course_sessions s ON s.id = a.session_id
                  WHERE a.enrolment_id = e.id AND s.cancelled_at IS NULL), 0) AS attended_minutes,
        c.title AS course_title, c.planned_minutes,
        p.given_name, p.surname, p.alias, p.date_of_birth, k.case_manager_id
    FROM course_enrolments e JOIN courses c ON c.id = e.course_id JOIN persons p ON p.id = e.person_id
    JOIN cases k ON k.id = e.case_id";

/// The enrolments of a course, by enrolment order.
pub async fn enrolments_of_course(conn: Conn<'_>, course: CourseId) -> Result<Vec<EnrolmentRecord>> {
    let sql = format!("{RECORD_SQL} WHERE e.course_id = $1 ORDER BY e.enrolled_at, e.id");
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(course).fetch_all(c).await)?)
}

/// The enrolments made from a case, newest first.
pub async fn enrolments_of_case(conn: Conn<'_>, case: CaseId) -> Result<Vec<EnrolmentRecord>> {
    let sql = format!("{RECORD_SQL} WHERE e.case_id = $1 ORDER BY e.enrolled_at DESC, e.id");
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(case).fetch_all(c).await)?)
}

/// One enrolment with its record.
pub async fn enrolment_record(conn: Conn<'_>, id: EnrolmentId) -> Result<Option<EnrolmentRecord>> {
    let sql = format!("{RECORD_SQL} WHERE e.id = $1");
    Ok(on!(conn, c => sqlx::query_as(AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)?)
}

// ---------------------------------------------------------------------------
// Attendance

/// Records (or corrects) the minutes an enrolment attended a session.
pub async fn record_attendance(
    conn: Conn<'_>,
    session: SessionId,
    enrolment: EnrolmentId,
    minutes: i32,
    by: UserId,
    at: DateTime<Utc>,
) -> Result<()> {
    on!(conn, c => sqlx::query(
        "INSERT INTO course_attendance (session_id, enrolment_id, minutes, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (session_id, enrolment_id)
         DO UPDATE SET minutes = excluded.minutes, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at",
    )
    .bind(session).bind(enrolment).bind(minutes).bind(by).bind(at)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The minutes recorded on a session, per enrolment.
pub async fn attendance_of_session(conn: Conn<'_>, session: SessionId) -> Result<Vec<(EnrolmentId, i32)>> {
    Ok(on!(conn, c => sqlx::query_as(
        "SELECT enrolment_id, minutes FROM course_attendance WHERE session_id = $1",
    )
    .bind(session).fetch_all(c).await)?)
}

/// What an enrolment attended of each session not cancelled: (start, minutes).
pub async fn attended_sessions(conn: Conn<'_>, enrolment: EnrolmentId) -> Result<Vec<(NaiveDateTime, i32)>> {
    Ok(on!(conn, c => sqlx::query_as(
        "SELECT s.starts_at, a.minutes FROM course_attendance a JOIN course_sessions s ON s.id = a.session_id
         WHERE a.enrolment_id = $1 AND s.cancelled_at IS NULL ORDER BY s.starts_at",
    )
    .bind(enrolment).fetch_all(c).await)?)
}
