//! Labs and courses: sessions, enrolments, attendance and completion.
//!
//! A lab is either the empowerment path every person follows first (Italian
//! for work, digital skills, labour law, health and safety, the conduct
//! charter) or a short professional unit of a sector, which needs that path
//! completed. Attendance is kept in minutes per session; a person completes
//! a lab once the minutes attended reach the lab's completion percentage of
//! its planned minutes.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use super::money::Cents;
use crate::case::CaseId;
use crate::organisation::OrganisationId;
use crate::person::PersonId;
use crate::region::RegionCode;
use crate::user::UserId;
use crate::validation::{Invalid, SHORT_TEXT};

crate::id_type!(CourseId);
crate::id_type!(SessionId);
crate::id_type!(EnrolmentId);

crate::text_enum! {
    /// What a lab is for.
    CourseKind {
        /// The preparatory path every person follows before a professional lab.
        Empowerment,
        /// A short modular unit that trains for the work of a sector.
        Professional,
    }
}

crate::text_enum! {
    /// The sector a professional lab trains for.
    CourseSector {
        Construction,
        WarehouseLogistics,
        Welding,
        Mechatronics,
        FamilyCare,
        Tailoring,
        Electrician,
        Agriculture,
        Hospitality,
        Catering,
        Cleaning,
        Other,
    }
}

crate::text_enum! {
    /// The modules of the empowerment path.
    EmpowermentModule {
        ItalianForWork,
        TransversalDigitalSkills,
        LabourLaw,
        HealthSafety,
        ConductCharter,
    }
}

crate::text_enum! {
    /// Where a person stands in a lab.
    EnrolmentStatus {
        Enrolled,
        Completed,
        Withdrawn,
    }
}

/// The completion threshold when none is typed: 70% of the planned hours.
pub const DEFAULT_COMPLETION_PERCENT: i32 = 70;
/// The longest lab: 400 hours (professional units are usually 40 or 80).
pub const MAX_PLANNED_MINUTES: i32 = 400 * 60;
/// The longest single session: a working day and a half is not a session.
pub const MAX_SESSION_MINUTES: i32 = 12 * 60;
/// The largest class.
pub const MAX_CAPACITY: i32 = 200;

/// A lab as stored.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Course {
    pub id: CourseId,
    pub region: RegionCode,
    /// The training body that runs it.
    pub organisation_id: OrganisationId,
    pub kind: CourseKind,
    /// For professional labs only.
    pub sector: Option<CourseSector>,
    /// For the empowerment path only: the modules it covers.
    pub modules: Vec<EmpowermentModule>,
    pub title: String,
    pub planned_minutes: i32,
    /// Attendance, as a percentage of the planned minutes, that completes it.
    pub completion_percent: i32,
    /// Attendance allowance per hour attended, in euro cents; 0 for none.
    pub hourly_allowance_cents: i64,
    /// Attendance of a period's scheduled hours needed to earn its allowance.
    pub allowance_threshold_percent: i32,
    /// The intercultural mediator: name and languages.
    pub mediator: Option<String>,
    pub capacity: i32,
    /// Where the lab is held (comune, address).
    pub place: Option<String>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Course {
    /// Whether the lab still takes enrolments on `today`.
    pub fn is_open(&self, today: NaiveDate) -> bool {
        self.ends_on >= today
    }
}

/// What an operator types about a lab. Numbers come as text, as forms send
/// them (JSON clients may send numbers too): hours as "40", "2,5" or "2:30",
/// euros as "3,50".
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct CourseInput {
    pub organisation_id: Option<OrganisationId>,
    pub kind: Option<CourseKind>,
    pub sector: Option<CourseSector>,
    /// Empowerment only; every module when none is given.
    #[serde(default)]
    pub modules: Vec<EmpowermentModule>,
    #[serde(default)]
    pub title: String,
    #[serde(default, deserialize_with = "text_or_number")]
    #[schema(value_type = Option<String>)]
    pub planned_hours: Option<String>,
    /// Default 70.
    #[serde(default, deserialize_with = "text_or_number")]
    #[schema(value_type = Option<String>)]
    pub completion_percent: Option<String>,
    /// Euros per hour attended, e.g. "3,50"; empty for none.
    #[serde(default, deserialize_with = "text_or_number")]
    #[schema(value_type = Option<String>)]
    pub hourly_allowance: Option<String>,
    #[serde(default, deserialize_with = "text_or_number")]
    #[schema(value_type = Option<String>)]
    pub allowance_threshold_percent: Option<String>,
    pub mediator: Option<String>,
    #[serde(default, deserialize_with = "text_or_number")]
    #[schema(value_type = Option<String>)]
    pub capacity: Option<String>,
    pub place: Option<String>,
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    pub starts_on: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    pub ends_on: Option<NaiveDate>,
}

/// A checked lab, ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCourse {
    pub organisation_id: OrganisationId,
    pub kind: CourseKind,
    pub sector: Option<CourseSector>,
    pub modules: Vec<EmpowermentModule>,
    pub title: String,
    pub planned_minutes: i32,
    pub completion_percent: i32,
    pub hourly_allowance_cents: i64,
    pub allowance_threshold_percent: i32,
    pub mediator: Option<String>,
    pub capacity: i32,
    pub place: Option<String>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

impl NewCourse {
    pub fn parse(input: &CourseInput) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        let title = invalid.text("title", &input.title, SHORT_TEXT);
        let mediator = invalid.optional_text("mediator", input.mediator.as_deref(), SHORT_TEXT);
        let place = invalid.optional_text("place", input.place.as_deref(), SHORT_TEXT);
        if input.organisation_id.is_none() {
            invalid.add("organisation_id", "required");
        }
        let (sector, modules) = match input.kind {
            None => {
                invalid.add("kind", "required");
                (None, Vec::new())
            }
            Some(CourseKind::Professional) => {
                if input.sector.is_none() {
                    invalid.add("sector", "sector_required");
                }
                if !input.modules.is_empty() {
                    invalid.add("modules", "modules_only_for_empowerment");
                }
                (input.sector, Vec::new())
            }
            Some(CourseKind::Empowerment) => {
                if input.sector.is_some() {
                    invalid.add("sector", "sector_only_for_professional");
                }
                (None, empowerment_modules(&input.modules))
            }
        };
        let planned_minutes = match input.planned_hours.as_deref().map(str::trim) {
            None | Some("") => {
                invalid.add("planned_hours", "required");
                0
            }
            Some(text) => match parse_minutes(text) {
                Some(minutes) if (60..=MAX_PLANNED_MINUTES).contains(&minutes) => minutes,
                Some(_) => {
                    invalid.add("planned_hours", "planned_hours_out_of_range");
                    0
                }
                None => {
                    invalid.add("planned_hours", "invalid_duration");
                    0
                }
            },
        };
        let completion_percent = percent(
            &mut invalid,
            "completion_percent",
            input.completion_percent.as_deref(),
            DEFAULT_COMPLETION_PERCENT,
            1,
        );
        let allowance_threshold_percent = percent(
            &mut invalid,
            "allowance_threshold_percent",
            input.allowance_threshold_percent.as_deref(),
            0,
            0,
        );
        let hourly_allowance_cents = match input.hourly_allowance.as_deref().map(str::trim) {
            None | Some("") => 0,
            // Amounts are read one way everywhere (money.rs); the field keeps
            // its own code, which says what the amount is for.
            Some(text) => Cents::parse(text).map(|c| c.0).unwrap_or_else(|_| {
                invalid.add("hourly_allowance", "invalid_allowance");
                0
            }),
        };
        let capacity = match input.capacity.as_deref().map(str::trim) {
            None | Some("") => {
                invalid.add("capacity", "required");
                0
            }
            Some(text) => match text.parse::<i32>() {
                Ok(n) if (1..=MAX_CAPACITY).contains(&n) => n,
                _ => {
                    invalid.add("capacity", "capacity_out_of_range");
                    0
                }
            },
        };
        match (input.starts_on, input.ends_on) {
            (None, _) => invalid.add("starts_on", "required"),
            (_, None) => invalid.add("ends_on", "required"),
            (Some(starts), Some(ends)) if ends < starts => invalid.add("ends_on", "course_ends_before_start"),
            _ => {}
        }
        let any_day = NaiveDate::default();
        invalid.into_result(Self {
            organisation_id: input.organisation_id.unwrap_or_default(),
            kind: input.kind.unwrap_or(CourseKind::Empowerment),
            sector,
            modules,
            title,
            planned_minutes,
            completion_percent,
            hourly_allowance_cents,
            allowance_threshold_percent,
            mediator,
            capacity,
            place,
            starts_on: input.starts_on.unwrap_or(any_day),
            ends_on: input.ends_on.unwrap_or(any_day),
        })
    }
}

/// The modules chosen, in their catalogue order and once each; all of them
/// when none was chosen (the path is one, its modules are usually all held).
fn empowerment_modules(chosen: &[EmpowermentModule]) -> Vec<EmpowermentModule> {
    EmpowermentModule::all()
        .filter(|module| chosen.is_empty() || chosen.contains(module))
        .collect()
}

/// A percentage between `min` and 100, `default` when blank.
fn percent(invalid: &mut Invalid, field: &str, text: Option<&str>, default: i32, min: i32) -> i32 {
    match text.map(str::trim) {
        None | Some("") => default,
        Some(text) => match text.trim_end_matches('%').trim().parse::<i32>() {
            Ok(n) if (min..=100).contains(&n) => n,
            _ => {
                invalid.add(field, "percent_out_of_range");
                default
            }
        },
    }
}

/// Hours as people write them: "40", "2,5", "2.5" or "2:30", as minutes.
/// Decimal hours round to the nearest minute.
pub fn parse_minutes(text: &str) -> Option<i32> {
    let text = text.trim();
    if let Some((hours, minutes)) = text.split_once(':') {
        let minutes: i32 = digits(minutes, 2)?.parse().ok()?;
        return (minutes < 60).then_some(digits(hours, 3)?.parse::<i32>().ok()? * 60 + minutes);
    }
    let (hours, fraction) = text.split_once([',', '.']).unwrap_or((text, ""));
    let hours: i32 = digits(hours, 3)?.parse().ok()?;
    let fraction_minutes = if fraction.is_empty() {
        0
    } else {
        let fraction = digits(fraction, 2)?;
        let scale = if fraction.len() == 1 { 10 } else { 100 };
        let value: i32 = fraction.parse().ok()?;
        (value * 60 + scale / 2) / scale
    };
    Some(hours * 60 + fraction_minutes)
}

/// The text when it is 1 to `max` ASCII digits.
fn digits(text: &str, max: usize) -> Option<&str> {
    (!text.is_empty() && text.len() <= max && text.bytes().all(|b| b.is_ascii_digit())).then_some(text)
}

/// Minutes as hours for people: "2", "2,5" or "1,25" (it) — the web layer
/// swaps the comma for English.
pub fn format_hours(minutes: i32) -> String {
    let hours = minutes / 60;
    let rest = minutes % 60;
    if rest == 0 {
        return hours.to_string();
    }
    let hundredths = (rest * 100 + 30) / 60;
    let text = format!("{hours},{hundredths:02}");
    text.trim_end_matches('0').to_owned()
}

/// Cents as euros for people, Italian style: "3,50".
pub fn format_euros(cents: i64) -> String {
    format!("{},{:02}", cents / 100, cents % 100)
}

/// Accepts a JSON string or number (and nothing) as optional text.
fn text_or_number<'de, D>(deserializer: D) -> Result<Option<String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum TextOrNumber {
        Text(String),
        Integer(i64),
        Decimal(f64),
    }
    use serde::Deserialize;
    Ok(
        Option::<TextOrNumber>::deserialize(deserializer)?.map(|value| match value {
            TextOrNumber::Text(text) => text,
            TextOrNumber::Integer(n) => n.to_string(),
            TextOrNumber::Decimal(n) => n.to_string(),
        }),
    )
}

/// One meeting of a lab's class, in Italian civil time.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct CourseSession {
    pub id: SessionId,
    pub course_id: CourseId,
    /// Date and time in Italy, as the class register reads it.
    pub starts_at: NaiveDateTime,
    pub minutes: i32,
    pub topic: Option<String>,
    pub module: Option<EmpowermentModule>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// What an operator types about a session.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct SessionInput {
    /// YYYY-MM-DD.
    #[serde(default, deserialize_with = "crate::validation::optional_date")]
    pub date: Option<NaiveDate>,
    /// HH:MM, Italian time.
    #[serde(default)]
    pub start_time: String,
    /// Hours: "2", "2,5" or "2:30".
    #[serde(default, deserialize_with = "text_or_number")]
    #[schema(value_type = Option<String>)]
    pub duration: Option<String>,
    pub topic: Option<String>,
    pub module: Option<EmpowermentModule>,
}

/// A checked session.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSession {
    pub starts_at: NaiveDateTime,
    pub minutes: i32,
    pub topic: Option<String>,
    pub module: Option<EmpowermentModule>,
}

impl NewSession {
    /// Checks a session of `course`: within its dates, a module only of the
    /// empowerment path.
    pub fn parse(input: &SessionInput, course: &Course) -> Result<Self, Invalid> {
        let mut invalid = Invalid::new();
        let topic = invalid.optional_text("topic", input.topic.as_deref(), SHORT_TEXT);
        match input.date {
            None => invalid.add("date", "required"),
            Some(date) if date < course.starts_on || date > course.ends_on => {
                invalid.add("date", "session_outside_course");
            }
            Some(_) => {}
        }
        let time = NaiveTime::parse_from_str(input.start_time.trim(), "%H:%M");
        if time.is_err() {
            invalid.add("start_time", "invalid_start_time");
        }
        let minutes = match input.duration.as_deref().map(str::trim) {
            None | Some("") => {
                invalid.add("duration", "required");
                0
            }
            Some(text) => match parse_minutes(text) {
                Some(m) if (1..=MAX_SESSION_MINUTES).contains(&m) => m,
                Some(_) => {
                    invalid.add("duration", "session_length_out_of_range");
                    0
                }
                None => {
                    invalid.add("duration", "invalid_duration");
                    0
                }
            },
        };
        if input.module.is_some() && course.kind != CourseKind::Empowerment {
            invalid.add("module", "modules_only_for_empowerment");
        }
        invalid.into_result(Self {
            starts_at: input.date.unwrap_or_default().and_time(time.unwrap_or_default()),
            minutes,
            topic,
            module: input.module,
        })
    }
}

/// A person in a lab.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Enrolment {
    pub id: EnrolmentId,
    pub course_id: CourseId,
    pub person_id: PersonId,
    /// The case whose plan the enrolment serves.
    pub case_id: CaseId,
    pub status: EnrolmentStatus,
    pub enrolled_at: DateTime<Utc>,
    pub enrolled_by: UserId,
    /// The day of the session that brought attendance to the threshold.
    pub completed_on: Option<NaiveDate>,
    pub withdrawn_at: Option<DateTime<Utc>>,
}

/// One line of a class register: the minutes a person attended a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct AttendanceLine {
    pub enrolment_id: EnrolmentId,
    /// 0 for absent; at most the session's length.
    pub minutes: i32,
}

/// Checks a register against its session: every line between 0 and the
/// session's length, each enrolment once.
pub fn check_register(lines: &[AttendanceLine], session_minutes: i32) -> Result<(), Invalid> {
    let mut invalid = Invalid::new();
    for (i, line) in lines.iter().enumerate() {
        let field = format!("attendance[{i}].minutes");
        if line.minutes < 0 {
            invalid.add(&field, "negative_minutes");
        } else if line.minutes > session_minutes {
            invalid.add(&field, "attendance_exceeds_session");
        }
        if lines[..i].iter().any(|l| l.enrolment_id == line.enrolment_id) {
            invalid.add(&format!("attendance[{i}].enrolment_id"), "enrolment_listed_twice");
        }
    }
    invalid.into_result(())
}

/// Whether `attended` minutes reach `percent`% of `planned` (exact, in integers).
pub fn reaches_completion(attended: i64, planned: i32, percent: i32) -> bool {
    attended * 100 >= i64::from(planned) * i64::from(percent)
}

/// The day a person completed a lab: the date of the session at which the
/// minutes attended, in session order, first reached the threshold. `None`
/// while below it. `attended` is (session start, minutes), in any order.
pub fn completion_day(attended: &[(NaiveDateTime, i32)], planned: i32, percent: i32) -> Option<NaiveDate> {
    let mut sessions = attended.to_vec();
    sessions.sort();
    let mut total = 0_i64;
    sessions.into_iter().find_map(|(at, minutes)| {
        total += i64::from(minutes);
        reaches_completion(total, planned, percent).then(|| at.date())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn input() -> CourseInput {
        CourseInput {
            organisation_id: Some(OrganisationId::new()),
            kind: Some(CourseKind::Professional),
            sector: Some(CourseSector::Welding),
            title: "Saldatura base".into(),
            planned_hours: Some("40".into()),
            hourly_allowance: Some("3,50".into()),
            capacity: Some("12".into()),
            starts_on: Some(day(1)),
            ends_on: Some(day(20)),
            ..CourseInput::default()
        }
    }

    fn codes(input: &CourseInput) -> Vec<(String, String)> {
        NewCourse::parse(input)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn a_professional_lab_takes_defaults() {
        let course = NewCourse::parse(&input()).unwrap();
        assert_eq!(course.planned_minutes, 2400);
        assert_eq!(course.completion_percent, 70);
        assert_eq!(course.hourly_allowance_cents, 350);
        assert_eq!(course.allowance_threshold_percent, 0);
        assert!(course.modules.is_empty());
    }

    #[test]
    fn sectors_belong_to_professional_labs_and_modules_to_empowerment() {
        let no_sector = CourseInput {
            sector: None,
            ..input()
        };
        assert_eq!(codes(&no_sector), [("sector".into(), "sector_required".into())]);
        let empowerment = CourseInput {
            kind: Some(CourseKind::Empowerment),
            ..input()
        };
        assert_eq!(
            codes(&empowerment),
            [("sector".into(), "sector_only_for_professional".into())]
        );
        let empowerment = CourseInput {
            sector: None,
            ..empowerment
        };
        assert_eq!(NewCourse::parse(&empowerment).unwrap().modules.len(), 5);
    }

    #[test]
    fn hours_are_one_to_four_hundred() {
        for (hours, ok) in [
            ("0,5", false),
            ("1", true),
            ("400", true),
            ("400:01", false),
            ("abc", false),
        ] {
            let course = CourseInput {
                planned_hours: Some(hours.into()),
                ..input()
            };
            assert_eq!(NewCourse::parse(&course).is_ok(), ok, "{hours}");
        }
    }

    #[test]
    fn the_end_comes_after_the_start() {
        let backwards = CourseInput {
            ends_on: Some(day(1) - chrono::Duration::days(1)),
            ..input()
        };
        assert_eq!(
            codes(&backwards),
            [("ends_on".into(), "course_ends_before_start".into())]
        );
    }

    #[test]
    fn hours_read_as_people_write_them() {
        assert_eq!(parse_minutes("2,5"), Some(150));
        assert_eq!(parse_minutes("2.5"), Some(150));
        assert_eq!(parse_minutes("2:30"), Some(150));
        assert_eq!(parse_minutes("2,25"), Some(135));
        assert_eq!(parse_minutes("40"), Some(2400));
        assert_eq!(parse_minutes("2:75"), None);
        assert_eq!(parse_minutes("-1"), None);
        assert_eq!(parse_minutes(""), None);
        assert_eq!(format_hours(150), "2,5");
        assert_eq!(format_hours(135), "2,25");
        assert_eq!(format_hours(120), "2");
    }

    #[test]
    fn allowances_read_as_amounts() {
        let cents = |text: &str| {
            NewCourse::parse(&CourseInput {
                hourly_allowance: Some(text.into()),
                ..input()
            })
            .map(|course| course.hourly_allowance_cents)
            .map_err(|invalid| invalid.errors[0].code.clone())
        };
        assert_eq!(cents("3,50"), Ok(350));
        assert_eq!(cents("3.5"), Ok(350));
        assert_eq!(cents("12"), Ok(1200));
        assert_eq!(cents("€ 1.234,56"), Ok(123_456));
        assert_eq!(cents(" "), Ok(0));
        // Three digits after the one separator group thousands, as for every amount.
        assert_eq!(cents("3,505"), Ok(350_500));
        assert_eq!(cents("3,5 euro"), Err("invalid_allowance".into()));
        assert_eq!(cents("-3"), Err("invalid_allowance".into()));
        assert_eq!(format_euros(350), "3,50");
    }

    #[test]
    fn a_register_line_cannot_exceed_its_session() {
        let id = EnrolmentId::new();
        assert!(
            check_register(
                &[AttendanceLine {
                    enrolment_id: id,
                    minutes: 120
                }],
                120
            )
            .is_ok()
        );
        let over = check_register(
            &[AttendanceLine {
                enrolment_id: id,
                minutes: 121,
            }],
            120,
        )
        .unwrap_err();
        assert_eq!(over.errors[0].code, "attendance_exceeds_session");
    }

    #[test]
    fn completion_falls_on_the_session_that_reaches_the_threshold() {
        let at = |d: u32| day(d).and_hms_opt(9, 0, 0).unwrap();
        // 70% of 10 hours is 420 minutes.
        let exactly = [(at(3), 180), (at(1), 240)];
        assert_eq!(completion_day(&exactly, 600, 70), Some(day(3)));
        let one_short = [(at(3), 179), (at(1), 240)];
        assert_eq!(completion_day(&one_short, 600, 70), None);
        assert!(reaches_completion(420, 600, 70));
        assert!(!reaches_completion(419, 600, 70));
    }
}
