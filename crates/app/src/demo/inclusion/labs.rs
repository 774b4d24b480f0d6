//! The labs of the cycle: four editions of the empowerment path, then the
//! eight professional labs, each with its calendar, its class and its
//! registers.

use chrono::{Datelike, NaiveDate, Weekday};
use rand::Rng;
use soleil_domain::WorkSector;
use soleil_domain::inclusion::course::{
    AttendanceLine, Course, CourseInput, CourseKind, CourseSector, EmpowermentModule, EnrolmentId,
    EnrolmentStatus, SessionInput,
};

use super::{Cycle, Member};
use crate::{App, AppResult};

/// A lab as the demo plans it. `starts` counts days back from today.
pub(in crate::demo) struct LabPlan {
    pub(in crate::demo) sector: Option<CourseSector>,
    pub(in crate::demo) title: &'static str,
    hours: i32,
    starts: u64,
    weekdays: &'static [Weekday],
    start_time: &'static str,
    place: &'static str,
    mediator: &'static str,
    /// Positions in the class of who leaves after that many sessions, and
    /// of who stays but attends only every other session.
    drops_out: Option<(usize, usize)>,
    below_threshold: Option<usize>,
    /// How many the lab takes; the empowerment editions take twelve.
    pub(in crate::demo) class: usize,
}

/// How many days ago the cycle's first lab began: the cohort is in
/// inclusion by then.
pub(in crate::demo) fn first_lab_days_ago() -> u64 {
    EMPOWERMENT
        .iter()
        .chain(PROFESSIONAL_LABS)
        .map(|lab| lab.starts)
        .max()
        .unwrap_or_default()
}

const SESSION_MINUTES: i32 = 4 * 60;
/// Seed 004: the professional labs pay an attendance allowance per hour
/// attended; the empowerment path is supported with vouchers instead.
const HOURLY_ALLOWANCE: &str = "3,50";
const TUE_THU: &[Weekday] = &[Weekday::Tue, Weekday::Thu];
const MON_TO_THU: &[Weekday] = &[Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu];
const MON_WED_FRI: &[Weekday] = &[Weekday::Mon, Weekday::Wed, Weekday::Fri];

/// The empowerment path, once in each province, with an intercultural mediator.
const EMPOWERMENT: &[LabPlan] = &[
    LabPlan {
        sector: None,
        title: "Percorso di empowerment – edizione di Avezzano",
        hours: 40,
        starts: 270,
        weekdays: TUE_THU,
        start_time: "09:00",
        place: "Avezzano (AQ), Centro di formazione professionale Fucino",
        mediator: "Youssef Benali (arabo, francese)",
        drops_out: None,
        below_threshold: None,
        class: 12,
    },
    LabPlan {
        sector: None,
        title: "Percorso di empowerment – edizione di Pescara",
        hours: 40,
        starts: 245,
        weekdays: TUE_THU,
        start_time: "14:30",
        place: "Pescara, aula didattica di Via degli Esempi 12",
        mediator: "Ioana Popescu (rumeno, moldavo)",
        drops_out: Some((5, 3)),
        below_threshold: None,
        class: 12,
    },
    LabPlan {
        sector: None,
        title: "Percorso di empowerment – edizione di Chieti",
        hours: 40,
        starts: 215,
        weekdays: TUE_THU,
        start_time: "09:00",
        place: "Chieti Scalo, aula didattica di Via Dimostrativa 5",
        mediator: "Rahul Singh (hindi, punjabi, inglese)",
        drops_out: None,
        below_threshold: Some(8),
        class: 12,
    },
    LabPlan {
        sector: None,
        title: "Percorso di empowerment – edizione di Teramo",
        hours: 40,
        starts: 190,
        weekdays: TUE_THU,
        start_time: "14:30",
        place: "Teramo, aula didattica di Piazza dell'Esempio 3",
        mediator: "Arben Hoxha (albanese, italiano)",
        drops_out: Some((2, 4)),
        below_threshold: None,
        class: 12,
    },
];

/// The eight professional labs of seed 004, in the order they start.
pub(in crate::demo) const PROFESSIONAL_LABS: &[LabPlan] = &[
    LabPlan {
        sector: Some(CourseSector::Construction),
        title: "Edilizia: muratura e sicurezza in cantiere",
        hours: 80,
        starts: 225,
        weekdays: MON_TO_THU,
        start_time: "08:30",
        place: "Avezzano (AQ), cantiere scuola del Centro di formazione Fucino",
        mediator: "Youssef Benali (arabo, francese)",
        drops_out: None,
        below_threshold: None,
        class: 6,
    },
    LabPlan {
        sector: Some(CourseSector::WarehouseLogistics),
        title: "Logistica di magazzino e patentino per carrello elevatore",
        hours: 40,
        starts: 200,
        weekdays: MON_WED_FRI,
        start_time: "08:30",
        place: "San Giovanni Teatino (CH), polo logistico, area formazione",
        mediator: "Ioana Popescu (rumeno, moldavo)",
        drops_out: Some((3, 2)),
        below_threshold: None,
        class: 6,
    },
    LabPlan {
        sector: Some(CourseSector::Welding),
        title: "Saldatura a filo continuo e a elettrodo",
        hours: 80,
        starts: 170,
        weekdays: MON_TO_THU,
        start_time: "08:30",
        place: "Chieti Scalo, officina didattica di Via Dimostrativa 9",
        mediator: "Rahul Singh (hindi, punjabi, inglese)",
        drops_out: None,
        below_threshold: Some(4),
        class: 5,
    },
    LabPlan {
        sector: Some(CourseSector::FamilyCare),
        title: "Assistente familiare: cura della persona e della casa",
        hours: 80,
        starts: 165,
        weekdays: MON_TO_THU,
        start_time: "14:00",
        place: "Pescara, aula didattica di Via degli Esempi 12",
        mediator: "Aminata Diallo (francese, wolof)",
        drops_out: None,
        below_threshold: None,
        class: 6,
    },
    LabPlan {
        sector: Some(CourseSector::Construction),
        title: "Edilizia: carpenteria e finiture",
        hours: 40,
        starts: 145,
        weekdays: MON_WED_FRI,
        start_time: "08:30",
        place: "Teramo, cantiere scuola di Via degli Esempi 40",
        mediator: "Arben Hoxha (albanese, italiano)",
        drops_out: None,
        below_threshold: None,
        class: 6,
    },
    LabPlan {
        sector: Some(CourseSector::Tailoring),
        title: "Sartoria: taglio, cucito e confezione",
        hours: 80,
        starts: 130,
        weekdays: MON_TO_THU,
        start_time: "09:00",
        place: "Sant'Egidio alla Vibrata (TE), laboratorio di Via Dimostrativa 2",
        mediator: "Aminata Diallo (francese, wolof)",
        drops_out: None,
        below_threshold: None,
        class: 5,
    },
    LabPlan {
        sector: Some(CourseSector::Mechatronics),
        title: "Meccatronica: manutenzione di linee automatizzate",
        hours: 80,
        starts: 115,
        weekdays: MON_TO_THU,
        start_time: "08:30",
        place: "Atessa (CH), officina didattica della zona industriale Val di Sangro",
        mediator: "Rahul Singh (hindi, punjabi, inglese)",
        drops_out: None,
        below_threshold: None,
        class: 5,
    },
    LabPlan {
        sector: Some(CourseSector::Electrician),
        title: "Elettricista: impianti elettrici civili",
        hours: 80,
        starts: 95,
        weekdays: MON_TO_THU,
        start_time: "08:30",
        place: "Sulmona (AQ), laboratorio impianti di Piazza dell'Esempio 8",
        mediator: "Youssef Benali (arabo, francese)",
        drops_out: None,
        below_threshold: None,
        class: 6,
    },
];

/// The empowerment modules in the order the path holds its ten sessions.
const MODULES: [(EmpowermentModule, &str); 10] = [
    (
        EmpowermentModule::ItalianForWork,
        "Italiano per il lavoro: presentarsi e capire le istruzioni",
    ),
    (
        EmpowermentModule::ItalianForWork,
        "Italiano per il lavoro: lessico di cantiere, magazzino e cura",
    ),
    (
        EmpowermentModule::ItalianForWork,
        "Italiano per il lavoro: moduli, orari e turni",
    ),
    (
        EmpowermentModule::TransversalDigitalSkills,
        "Competenze trasversali: lavoro in squadra e colloquio",
    ),
    (
        EmpowermentModule::TransversalDigitalSkills,
        "Competenze digitali: SPID, posta elettronica, curriculum",
    ),
    (
        EmpowermentModule::LabourLaw,
        "Normativa del lavoro: contratto, busta paga, orario",
    ),
    (
        EmpowermentModule::LabourLaw,
        "Normativa del lavoro: diritti, tutele e a chi rivolgersi",
    ),
    (
        EmpowermentModule::HealthSafety,
        "Sicurezza sul lavoro: formazione generale (art. 37 d.lgs. 81/2008)",
    ),
    (
        EmpowermentModule::HealthSafety,
        "Sicurezza sul lavoro: rischi, dispositivi di protezione, emergenze",
    ),
    (
        EmpowermentModule::ConductCharter,
        "Carta dei comportamenti in ambito professionale",
    ),
];

/// How one person of a class turns up.
#[derive(Clone, Copy, PartialEq)]
enum Pace {
    /// Nearly always there: at most one absence and three late arrivals.
    Steady,
    /// Every other session: below the completion threshold.
    Patchy,
    /// Leaves the lab after this many sessions.
    Leaves(usize),
}

/// One enrolment of a lab, with what it attended session by session.
pub(super) struct Seat {
    pub(super) member: usize,
    pub(super) enrolment: EnrolmentId,
    pub(super) completed: bool,
    /// Minutes attended, one per session of the lab (0 after leaving).
    pub(super) minutes: Vec<i32>,
}

/// A lab as played: its course, its sessions' days and its class.
pub(super) struct LabRun {
    pub(super) course: Course,
    pub(super) days: Vec<NaiveDate>,
    pub(super) seats: Vec<Seat>,
}

impl LabRun {
    /// The first day the lab met: the day it starts may have no session.
    pub(super) fn starts_on(&self) -> NaiveDate {
        self.days.first().copied().unwrap_or(self.course.starts_on)
    }

    /// The last day of the lab.
    pub(super) fn ends_on(&self) -> NaiveDate {
        self.days.last().copied().unwrap_or(self.course.starts_on)
    }
}

/// The labs of the cycle, as played.
pub(super) struct Labs {
    pub(super) professional: Vec<LabRun>,
}

/// The days of `count` sessions on these weekdays from `start` on.
fn calendar(start: NaiveDate, count: usize, weekdays: &[Weekday]) -> Vec<NaiveDate> {
    start
        .iter_days()
        .filter(|day| weekdays.contains(&day.weekday()))
        .take(count)
        .collect()
}

impl LabPlan {
    fn kind(&self) -> CourseKind {
        if self.sector.is_some() {
            CourseKind::Professional
        } else {
            CourseKind::Empowerment
        }
    }

    fn input(
        &self,
        organisation: soleil_domain::OrganisationId,
        starts_on: NaiveDate,
        ends_on: NaiveDate,
    ) -> CourseInput {
        let professional = self.kind() == CourseKind::Professional;
        CourseInput {
            organisation_id: Some(organisation),
            kind: Some(self.kind()),
            sector: self.sector,
            modules: Vec::new(),
            title: self.title.to_owned(),
            planned_hours: Some(self.hours.to_string()),
            completion_percent: Some("70".to_owned()),
            hourly_allowance: professional.then(|| HOURLY_ALLOWANCE.to_owned()),
            allowance_threshold_percent: professional.then(|| "70".to_owned()),
            mediator: Some(self.mediator.to_owned()),
            capacity: Some(if professional { "8" } else { "15" }.to_owned()),
            place: Some(self.place.to_owned()),
            starts_on: Some(starts_on),
            ends_on: Some(ends_on),
        }
    }

    /// The most the lab's allowance can pay one person: every hour.
    #[cfg(test)]
    pub(in crate::demo) fn most_allowance(&self) -> soleil_domain::inclusion::money::Cents {
        use soleil_domain::inclusion::money::Cents;
        let rate = Cents::parse(HOURLY_ALLOWANCE).unwrap_or_default();
        Cents(rate.0 * i64::from(self.hours))
    }

    fn pace(&self, position: usize) -> Pace {
        match (self.drops_out, self.below_threshold) {
            (Some((who, after)), _) if who == position => Pace::Leaves(after),
            (_, Some(who)) if who == position => Pace::Patchy,
            _ => Pace::Steady,
        }
    }

    /// Whether a person fits the lab's usual class: the sectors they
    /// worked in, and the work most women of the cohort ask to train for.
    fn fits(&self, member: &Member) -> bool {
        match self.sector {
            Some(CourseSector::FamilyCare | CourseSector::Tailoring) => member.female,
            Some(CourseSector::Construction) => {
                !member.female && member.sector == Some(WorkSector::Construction)
            }
            Some(CourseSector::WarehouseLogistics) => member.sector == Some(WorkSector::Logistics),
            _ => !member.female,
        }
    }
}

impl App {
    /// Runs every lab of the cycle in the order they start.
    pub(super) async fn run_demo_labs(&self, cycle: &mut Cycle) -> AppResult<Labs> {
        let mut completed_path: Vec<(usize, NaiveDate)> = Vec::new();
        let mut next = 0;
        for plan in EMPOWERMENT {
            let class: Vec<usize> = (next..next + plan.class)
                .filter(|i| *i < cycle.members.len())
                .collect();
            next += plan.class;
            let run = self.run_lab(cycle, plan, &class).await?;
            let ends_on = run.ends_on();
            completed_path.extend(
                run.seats
                    .iter()
                    .filter(|s| s.completed)
                    .map(|s| (s.member, ends_on)),
            );
        }
        let mut professional = Vec::new();
        for plan in PROFESSIONAL_LABS {
            let starts_on = cycle.ago(plan.starts);
            let mut ready: Vec<(usize, NaiveDate)> = completed_path
                .iter()
                .copied()
                .filter(|(_, ended)| *ended < starts_on)
                .collect();
            // Those who fit the lab first, then in the order they finished the path.
            ready.sort_by_key(|(member, ended)| (!plan.fits(&cycle.members[*member]), *ended, *member));
            let class: Vec<usize> = ready.iter().take(plan.class).map(|(m, _)| *m).collect();
            completed_path.retain(|(member, _)| !class.contains(member));
            professional.push(self.run_lab(cycle, plan, &class).await?);
        }
        Ok(Labs { professional })
    }

    /// One lab: the training body adds it and its calendar, the case
    /// managers enrol their people, the training body keeps the registers.
    ///
    /// A lab takes enrolments only until it ends, and the cycle's labs are
    /// played after the fact: so a lab that ended before today is added
    /// running until today, and its end is corrected once its class is
    /// complete, as a training body does when it closes a lab's calendar.
    async fn run_lab(&self, cycle: &mut Cycle, plan: &'static LabPlan, class: &[usize]) -> AppResult<LabRun> {
        let trainer = cycle.crew.trainer.clone();
        let organisation = trainer
            .organisation_id
            .ok_or(crate::AppError::NotFound("demo training body"))?;
        let starts_on = cycle.ago(plan.starts);
        let count = usize::try_from(plan.hours * 60 / SESSION_MINUTES).unwrap_or(0);
        let days = calendar(starts_on, count, plan.weekdays);
        let ends_on = days.last().copied().unwrap_or(starts_on);
        let course = self
            .create_course(
                &trainer,
                &plan.input(organisation, starts_on, ends_on.max(cycle.today)),
            )
            .await?;
        let mut sessions = Vec::with_capacity(days.len());
        for (i, day) in days.iter().enumerate() {
            let (module, topic) = match plan.kind() {
                CourseKind::Empowerment => {
                    let (module, topic) = MODULES[i % MODULES.len()];
                    (Some(module), topic.to_owned())
                }
                CourseKind::Professional => (None, format!("{} – unità {}", plan.title, i + 1)),
            };
            let input = SessionInput {
                date: Some(*day),
                start_time: plan.start_time.to_owned(),
                duration: Some((SESSION_MINUTES / 60).to_string()),
                topic: Some(topic),
                module,
            };
            sessions.push(self.add_session(&trainer, course.id, &input).await?);
        }
        let mut seats = Vec::with_capacity(class.len());
        for &member in class {
            let m = &cycle.members[member];
            let view = self.enrol(&m.manager, m.case, course.id).await?;
            seats.push(Seat {
                member,
                enrolment: view.enrolment.id,
                completed: false,
                minutes: Vec::with_capacity(sessions.len()),
            });
        }
        let paces: Vec<Pace> = (0..seats.len()).map(|p| plan.pace(p)).collect();
        let mut absences = vec![0; seats.len()];
        let mut late = vec![0; seats.len()];
        for (i, session) in sessions.iter().enumerate() {
            if session.starts_at.date() > cycle.today {
                break;
            }
            let mut lines = Vec::new();
            for (p, seat) in seats.iter_mut().enumerate() {
                let minutes = match paces[p] {
                    Pace::Leaves(after) if i >= after => {
                        seat.minutes.push(0);
                        continue;
                    }
                    Pace::Patchy => {
                        if i % 2 == 0 {
                            SESSION_MINUTES
                        } else {
                            0
                        }
                    }
                    _ => {
                        let roll = cycle.rng.gen_range(0..100);
                        if roll < 6 && absences[p] < 1 {
                            absences[p] += 1;
                            0
                        } else if roll < 20 && late[p] < 3 {
                            late[p] += 1;
                            SESSION_MINUTES - if roll % 2 == 0 { 30 } else { 60 }
                        } else {
                            SESSION_MINUTES
                        }
                    }
                };
                seat.minutes.push(minutes);
                lines.push(AttendanceLine {
                    enrolment_id: seat.enrolment,
                    minutes,
                });
            }
            self.record_attendance(&trainer, session.id, &lines).await?;
            for (p, seat) in seats.iter().enumerate() {
                if paces[p] == Pace::Leaves(i + 1) {
                    let m = &cycle.members[seat.member];
                    self.withdraw(&m.manager, seat.enrolment).await?;
                }
            }
        }
        let mut course = course;
        if ends_on < cycle.today {
            course = self
                .update_course(&trainer, course.id, &plan.input(organisation, starts_on, ends_on))
                .await?;
        }
        let detail = self.course(&trainer, course.id).await?;
        for seat in &mut seats {
            seat.completed = detail.enrolments.iter().any(|e| {
                e.enrolment.id == seat.enrolment && e.enrolment.status == EnrolmentStatus::Completed
            });
        }
        Ok(LabRun { course, days, seats })
    }
}
