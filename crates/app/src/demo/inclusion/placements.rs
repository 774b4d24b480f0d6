//! From the labs to work (seed 004, phase 4): work profiles, offers,
//! proposals made with the person's consent, two recruiting days, and the
//! thirty-three placements with their tutors, ends and follow-ups.

use chrono::{Days, Months, NaiveDate};
use rand::Rng;
use soleil_domain::inclusion::job_offer::{
    CommuteRange, ContractType, DrivingLicence, ItalianLevel, JobOffer, JobOfferInput, ProposalAnswer,
    ProposalInput, ProposalStatus, RecruitingDayInput, RecruitingOutcome, WorkProfileInput,
};
use soleil_domain::inclusion::work_placement::{
    CurrentContract, EmploymentContract, EndReason, FollowUpInput, PlacementEndInput, PlacementKind,
    WorkPlacementInput,
};
use soleil_domain::{CaseId, User};

use super::Cycle;
use super::employers::{EMPLOYERS, EmployersMet};
use super::labs::{LabRun, Labs};
use crate::clock::replay;
use crate::job_offers::{DayCandidateInput, DayEmployerInput};
use crate::{App, AppResult};

use EmploymentContract::{FixedTerm, Permanent};
use PlacementKind::{Apprenticeship as A, Employment as E, Internship as I};

/// The placements of each professional lab's people, in lab order: seed
/// 004's 19 internships and 14 contracts, 4 of them apprenticeships.
pub(in crate::demo) const PLACEMENTS: [&[(PlacementKind, Option<EmploymentContract>)]; 8] = [
    &[
        (I, None),
        (I, None),
        (I, None),
        (E, Some(FixedTerm)),
        (E, Some(FixedTerm)),
    ],
    &[
        (I, None),
        (I, None),
        (A, None),
        (E, Some(Permanent)),
        (E, Some(FixedTerm)),
    ],
    &[(I, None), (I, None), (A, None), (E, Some(FixedTerm))],
    &[(I, None), (I, None), (E, Some(FixedTerm)), (E, Some(Permanent))],
    &[(I, None), (I, None), (I, None), (A, None), (E, Some(FixedTerm))],
    &[(I, None), (I, None), (I, None), (E, Some(FixedTerm))],
    &[(I, None), (I, None), (A, None), (E, Some(Permanent))],
    &[(I, None), (I, None)],
];

/// What each professional lab trains for, as offers name it, and where its
/// people live (ISTAT code).
const ROLES: [(&str, &str); 8] = [
    ("muratore", "066006"),
    (
        "addetto al magazzino con patentino per carrello elevatore",
        "068028",
    ),
    ("saldatore", "069022"),
    ("assistente familiare", "068028"),
    ("carpentiere edile", "067041"),
    ("addetto alla confezione sartoriale", "067038"),
    ("manutentore meccatronico", "069005"),
    ("elettricista", "066098"),
];

/// One placement as planned: who, where, from which offer and proposal.
struct Planned {
    lab: usize,
    member: usize,
    case: CaseId,
    manager: User,
    employer: usize,
    kind: PlacementKind,
    contract: Option<EmploymentContract>,
    starts_on: NaiveDate,
    offer: Option<JobOffer>,
    proposal: Option<soleil_domain::inclusion::job_offer::ProposalId>,
}

fn contract_type(kind: PlacementKind, contract: Option<EmploymentContract>) -> ContractType {
    match (kind, contract) {
        (PlacementKind::Internship, _) => ContractType::Internship,
        (PlacementKind::Apprenticeship, _) => ContractType::Apprenticeship,
        (_, Some(EmploymentContract::Permanent)) => ContractType::Permanent,
        (_, Some(EmploymentContract::Seasonal)) => ContractType::Seasonal,
        _ => ContractType::FixedTerm,
    }
}

fn current(kind: PlacementKind, contract: Option<EmploymentContract>) -> CurrentContract {
    match contract_type(kind, contract) {
        ContractType::Internship => CurrentContract::Internship,
        ContractType::Apprenticeship => CurrentContract::Apprenticeship,
        ContractType::Permanent => CurrentContract::Permanent,
        ContractType::Seasonal => CurrentContract::Seasonal,
        ContractType::FixedTerm => CurrentContract::FixedTerm,
    }
}

fn label(contract: ContractType) -> &'static str {
    match contract {
        ContractType::Internship => "Tirocinio extracurricolare",
        ContractType::Apprenticeship => "Apprendistato professionalizzante",
        ContractType::FixedTerm => "Contratto a tempo determinato",
        ContractType::Permanent => "Contratto a tempo indeterminato",
        ContractType::Seasonal => "Contratto stagionale",
    }
}

fn days_after(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_add_days(Days::new(days)).unwrap_or(day)
}

fn months_after(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(Months::new(months)).unwrap_or(day)
}

impl App {
    /// Everything from the labs' end to the follow-ups.
    pub(super) async fn place_demo_cohort(
        &self,
        cycle: &mut Cycle,
        labs: &Labs,
        met: &EmployersMet,
    ) -> AppResult<()> {
        let mut planned = Vec::new();
        let mut unplaced = Vec::new();
        for (lab, run) in labs.professional.iter().enumerate() {
            self.save_demo_profiles(cycle, lab, run).await?;
            let employers: Vec<usize> = (0..EMPLOYERS.len())
                .filter(|e| EMPLOYERS[*e].lab == lab)
                .collect();
            let completers: Vec<usize> = run
                .seats
                .iter()
                .filter(|s| s.completed)
                .map(|s| s.member)
                .collect();
            if completers.len() < PLACEMENTS[lab].len() || employers.is_empty() {
                return Err(crate::AppError::NotFound("demo lab completers"));
            }
            for (j, &member) in completers.iter().enumerate() {
                let Some(&(kind, contract)) = PLACEMENTS[lab].get(j) else {
                    unplaced.push((lab, member));
                    continue;
                };
                let starts_on = days_after(run.ends_on(), 12 + 5 * j as u64).min(cycle.ago(3));
                let m = &cycle.members[member];
                planned.push(Planned {
                    lab,
                    member,
                    case: m.case,
                    manager: m.manager.clone(),
                    employer: employers[j % employers.len()],
                    kind,
                    contract,
                    starts_on,
                    offer: None,
                    proposal: None,
                });
            }
        }
        self.publish_demo_offers(cycle, met, &mut planned).await?;
        self.propose_demo_candidates(cycle, met, &mut planned, &unplaced)
            .await?;
        self.hold_demo_recruiting_days(cycle, labs, met, &planned).await?;
        for plan in &planned {
            self.record_demo_placement(cycle, plan).await?;
        }
        Ok(())
    }

    /// The case manager writes the work profile of each person who
    /// finished a professional lab.
    async fn save_demo_profiles(&self, cycle: &Cycle, lab: usize, run: &LabRun) -> AppResult<()> {
        let seed = EMPLOYERS.iter().find(|e| e.lab == lab);
        for seat in run.seats.iter().filter(|s| s.completed) {
            let m = &cycle.members[seat.member];
            let input = WorkProfileInput {
                occupations: seed.map(|s| vec![s.occupation.to_owned()]).unwrap_or_default(),
                skills: seed
                    .map(|s| s.skills.iter().map(|k| (*k).to_owned()).collect())
                    .unwrap_or_default(),
                italian_level: Some(if m.languages.iter().any(|l| l == "it") {
                    ItalianLevel::B1
                } else {
                    ItalianLevel::A2
                }),
                other_languages: m
                    .languages
                    .iter()
                    .filter(|l| l.len() == 2 && *l != "it")
                    .cloned()
                    .collect(),
                driving_licences: if seat.member % 3 == 0 {
                    vec![DrivingLicence::B]
                } else {
                    Vec::new()
                },
                domicile_comune: Some(ROLES[lab].1.to_owned()),
                commute: Some(CommuteRange::Province),
                available_from: Some(run.ends_on()),
                hours_per_week: Some(40),
            };
            self.save_work_profile(&m.manager, m.person, &input).await?;
        }
        Ok(())
    }

    /// One offer per employer and contract, for as many people as it takes:
    /// the employers with a login publish their own, the job centre the others.
    async fn publish_demo_offers(
        &self,
        cycle: &Cycle,
        met: &EmployersMet,
        planned: &mut [Planned],
    ) -> AppResult<()> {
        let mut offers: Vec<(usize, ContractType, JobOffer)> = Vec::new();
        for i in 0..planned.len() {
            let (employer, contract) = (
                planned[i].employer,
                contract_type(planned[i].kind, planned[i].contract),
            );
            if let Some((_, _, offer)) = offers.iter().find(|(e, c, _)| *e == employer && *c == contract) {
                planned[i].offer = Some(offer.clone());
                continue;
            }
            let same: Vec<&Planned> = planned
                .iter()
                .filter(|p| p.employer == employer && contract_type(p.kind, p.contract) == contract)
                .collect();
            let seed = &EMPLOYERS[employer];
            let lab = planned[i].lab;
            let input = JobOfferInput {
                employer_id: Some(met.employers[employer].id),
                title: Some(format!("{}: {}", label(contract), ROLES[lab].0)),
                occupation: Some(seed.occupation.to_owned()),
                skills: seed.skills.iter().map(|s| (*s).to_owned()).collect(),
                comune: Some(met.employers[employer].comune.clone()),
                hours_per_week: Some(hours(contract, lab)),
                contract_type: Some(contract),
                positions: Some(i32::try_from(same.len()).unwrap_or(1)),
                italian_level: Some(ItalianLevel::A2),
                driving_licence: None,
                lab_sector: super::labs::PROFESSIONAL_LABS[lab]
                    .sector
                    .map(|s| s.as_str().to_owned()),
                starts_on: same.iter().map(|p| p.starts_on).min(),
                description: Some(format!(
                    "Inserimento riservato a chi ha concluso il laboratorio professionalizzante; tutor aziendale: {}.",
                    seed.mentor
                )),
                status: None,
            };
            let author = met
                .logins
                .iter()
                .find(|(e, _)| *e == employer)
                .map_or(&cycle.crew.job_centre, |(_, user)| user);
            let offer = self.create_job_offer(author, &input).await?;
            planned[i].offer = Some(offer.clone());
            offers.push((employer, contract, offer));
        }
        Ok(())
    }

    /// The case managers propose their people, who agreed to share their
    /// profile; the employers (or, for them, the case manager) answer: an
    /// interview for those who will start, a refusal for a few others.
    async fn propose_demo_candidates(
        &self,
        cycle: &Cycle,
        met: &EmployersMet,
        planned: &mut [Planned],
        unplaced: &[(usize, usize)],
    ) -> AppResult<()> {
        let consent =
            "Consenso della persona a condividere nome e profilo con l'azienda raccolto al colloquio.";
        for plan in planned.iter_mut() {
            let Some(offer) = &plan.offer else { continue };
            let input = ProposalInput {
                case_id: Some(plan.case),
                consent: true,
                note: Some(consent.to_owned()),
            };
            let proposal = self.propose_candidate(&plan.manager, offer.id, &input).await?;
            let answerer = met
                .logins
                .iter()
                .find(|(e, _)| *e == plan.employer)
                .map_or(&plan.manager, |(_, user)| user);
            let answer = ProposalAnswer {
                status: Some(ProposalStatus::Interview),
                note: Some("Colloquio in azienda fissato con il tutor.".to_owned()),
            };
            self.answer_proposal(answerer, proposal.id, &answer).await?;
            plan.proposal = Some(proposal.id);
        }
        for &(lab, member) in unplaced {
            let Some(plan) = planned.iter().find(|p| p.lab == lab && p.offer.is_some()) else {
                continue;
            };
            let Some(offer) = &plan.offer else { continue };
            let m = &cycle.members[member];
            let input = ProposalInput {
                case_id: Some(m.case),
                consent: true,
                note: Some(consent.to_owned()),
            };
            let proposal = self.propose_candidate(&m.manager, offer.id, &input).await?;
            let answerer = met
                .logins
                .iter()
                .find(|(e, _)| *e == plan.employer)
                .map_or(&m.manager, |(_, user)| user);
            let answer = ProposalAnswer {
                status: Some(ProposalStatus::Rejected),
                note: Some(
                    "Posizione coperta; il profilo resta tra i candidati per le prossime selezioni."
                        .to_owned(),
                ),
            };
            self.answer_proposal(answerer, proposal.id, &answer).await?;
        }
        Ok(())
    }

    /// Two recruiting days, each after a round of labs: the employers of
    /// those labs meet the people who finished them.
    async fn hold_demo_recruiting_days(
        &self,
        cycle: &Cycle,
        labs: &Labs,
        met: &EmployersMet,
        planned: &[Planned],
    ) -> AppResult<()> {
        let days = [
            (
                "Recruiting Day SOLEIL – Pescara",
                "Pescara, sala convegni di Via degli Esempi 1",
                0..4,
            ),
            (
                "Recruiting Day SOLEIL – Val di Sangro",
                "Atessa (CH), sala della zona industriale",
                4..7,
            ),
        ];
        let job_centre = &cycle.crew.job_centre;
        for (title, place, round) in days {
            let last_end = labs.professional[round.clone()]
                .iter()
                .map(LabRun::ends_on)
                .max()
                .unwrap_or(cycle.today);
            let input = RecruitingDayInput {
                title: Some(title.to_owned()),
                held_on: Some(days_after(last_end, 4).min(cycle.today)),
                place: Some(place.to_owned()),
            };
            let day = self.create_recruiting_day(job_centre, &input).await?;
            for (e, seed) in EMPLOYERS.iter().enumerate() {
                if round.contains(&seed.lab) {
                    let input = DayEmployerInput {
                        employer_id: Some(met.employers[e].id),
                    };
                    self.add_day_employer(job_centre, day.id, &input).await?;
                }
            }
            for lab in round {
                for (n, seat) in labs.professional[lab]
                    .seats
                    .iter()
                    .filter(|s| s.completed)
                    .enumerate()
                {
                    let hired = planned.iter().any(|p| p.member == seat.member);
                    let outcome = match (hired, n) {
                        (true, 0) => RecruitingOutcome::InterviewFixed,
                        (true, _) => RecruitingOutcome::Hired,
                        (false, 1) => RecruitingOutcome::NoShow,
                        (false, _) => RecruitingOutcome::Attended,
                    };
                    let input = DayCandidateInput {
                        case_id: Some(cycle.members[seat.member].case),
                        outcome: Some(outcome),
                        note: None,
                    };
                    self.save_day_candidate(job_centre, day.id, &input).await?;
                }
            }
        }
        Ok(())
    }

    /// The case manager records the placement; ends what has ended and the
    /// follow-ups that have fallen due.
    async fn record_demo_placement(&self, cycle: &mut Cycle, plan: &Planned) -> AppResult<()> {
        let seed = &EMPLOYERS[plan.employer];
        let contract = contract_type(plan.kind, plan.contract);
        // Internships of the first two labs were of four months; the others of six.
        let ends_on = match (plan.kind, plan.contract) {
            (PlacementKind::Internship, _) => {
                Some(months_after(plan.starts_on, if plan.lab < 2 { 4 } else { 6 }))
            }
            (PlacementKind::Apprenticeship, _) => Some(months_after(plan.starts_on, 24)),
            (_, Some(EmploymentContract::Permanent)) => None,
            _ => Some(months_after(plan.starts_on, 12)),
        };
        let pay = match contract {
            ContractType::Internship => 60_000,
            ContractType::Apprenticeship => 125_000,
            _ if plan.lab == 3 => 115_000,
            _ => 150_000,
        };
        let input = WorkPlacementInput {
            employer_id: plan.offer.as_ref().map(|o| o.employer_id),
            offer_id: plan.offer.as_ref().map(|o| o.id),
            proposal_id: plan.proposal,
            kind: Some(plan.kind),
            contract_type: plan.contract,
            hours_per_week: Some(hours(contract, plan.lab)),
            starts_on: Some(plan.starts_on),
            ends_on,
            mentor: Some(seed.mentor.to_owned()),
            monthly_pay_cents: Some(pay),
            notes: Some(format!(
                "Avviato dopo il laboratorio «{}».",
                super::labs::PROFESSIONAL_LABS[plan.lab].title
            )),
        };
        // Recorded on its first day, so the case's timeline (and the time
        // to its outcome) dates it then.
        let first_day = plan
            .starts_on
            .and_hms_opt(9, 0, 0)
            .map(|t| t.and_utc())
            .filter(|t| *t <= crate::clock::now());
        let placement = match first_day {
            Some(day) => replay(day, self.record_work_placement(&plan.manager, plan.case, &input)).await?,
            None => {
                self.record_work_placement(&plan.manager, plan.case, &input)
                    .await?
            }
        };
        // One person leaves a fixed-term job after two months; the short
        // internships that ran their course are closed as completed.
        let resigned = plan.lab == 0 && plan.kind == PlacementKind::Employment && plan.employer == 1;
        let end = if resigned {
            Some((
                months_after(plan.starts_on, 2),
                EndReason::Resigned,
                "Dimissioni per trasferimento presso parenti in Lombardia.",
            ))
        } else {
            ends_on
                .filter(|end| *end < cycle.today && plan.kind == PlacementKind::Internship)
                .map(|end| {
                    (
                        end,
                        EndReason::Completed,
                        "Tirocinio concluso; attestazione delle competenze rilasciata.",
                    )
                })
        };
        if let Some((ended_on, reason, note)) = end.filter(|(day, _, _)| *day < cycle.today) {
            let input = PlacementEndInput {
                ended_on: Some(ended_on),
                reason: Some(reason),
                note: Some(note.to_owned()),
            };
            self.end_work_placement(&plan.manager, placement.id, &input)
                .await?;
        }
        let detail = self.work_placement(&plan.manager, placement.id).await?;
        let ended_on = end.map(|(day, _, _)| day).filter(|day| *day < cycle.today);
        for follow_up in detail
            .follow_ups
            .iter()
            .filter(|f| f.due_on <= cycle.today && f.recorded_at.is_none())
        {
            let employed = match ended_on {
                Some(day) if day <= follow_up.due_on => !resigned && cycle.rng.gen_bool(0.6),
                _ => true,
            };
            let still_in_placement = ended_on.is_none_or(|day| day > follow_up.due_on);
            let input = FollowUpInput {
                still_employed: Some(employed),
                same_employer: employed.then_some(true),
                current_contract: employed.then(|| {
                    if still_in_placement {
                        current(plan.kind, plan.contract)
                    } else {
                        CurrentContract::FixedTerm
                    }
                }),
                notes: Some(if employed {
                    "Sentiti la persona e il tutor aziendale: inserimento regolare.".to_owned()
                } else {
                    "Non lavora al momento; riattivata la ricerca con il centro per l'impiego.".to_owned()
                }),
            };
            self.record_follow_up(&plan.manager, follow_up.id, &input).await?;
        }
        Ok(())
    }
}

/// Weekly hours of a contract: part-time internships, full-time contracts,
/// family care on a part-time schedule.
fn hours(contract: ContractType, lab: usize) -> i32 {
    match contract {
        ContractType::Internship => 30,
        _ if lab == 3 => 30,
        _ => 40,
    }
}
