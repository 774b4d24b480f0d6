//! The nine-month inclusion cycle of the Abruzzo demo region, as seed 004
//! reports it: empowerment labs, then eight professional labs (two in
//! construction, warehouse logistics with the forklift licence, welding,
//! mechatronics, family care, tailoring, electrician), the employers met
//! and surveyed, their offers and recruiting days, and thirty-three
//! placements — nineteen internships and fourteen contracts, four of them
//! apprenticeships — and the money: the labs' attendance allowances, month
//! by month, and the vouchers for transport, housing and care.
//!
//! As for the rest of the demo, everything goes through the use cases, as
//! the Abruzzo demo user the policy asks for. Dates count back from today,
//! so the cycle always ends about now; every other choice is fixed in the
//! tables or drawn from a seeded generator, so every load is the same.

mod allowances;
mod employers;
mod labs;
mod placements;

pub(super) use labs::first_lab_days_ago;

use chrono::{Days, NaiveDate, Utc};
use rand::SeedableRng;
use rand::rngs::StdRng;
use soleil_domain::RegionCode::Abr;
use soleil_domain::{CaseId, CaseState, NeedArea, PersonId, Role, Sex, User, WorkSector};
use soleil_store::cases::CaseFilter;
use soleil_store::{Page, network};

use super::DEMO_DOMAIN;
use super::network::{staff_login, staff_of};
use super::stories::Story;
use crate::{App, AppError, AppResult};

#[cfg(test)]
pub(super) use self::allowances::{ALLOWANCE_LINE, VOUCHER_LINE, VOUCHERS};
#[cfg(test)]
pub(super) use self::employers::{EMPLOYERS, vat_number};
#[cfg(test)]
pub(super) use self::labs::PROFESSIONAL_LABS;
#[cfg(test)]
pub(super) use self::placements::PLACEMENTS;

/// Seed of the cycle's own draws (attendance, who goes where).
const CYCLE_SEED: u64 = 0x5013_11de_0004;

/// What the cycle left behind, for the load's summary.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct CycleSummary {
    /// Employer logins given (they count among the users).
    pub(super) users: usize,
    /// Employer organisations added to the network for those logins.
    pub(super) organisations: usize,
}

/// The Abruzzo demo users who act in the cycle.
struct Crew {
    secretariat: User,
    /// The training body's service user, who keeps its class registers.
    trainer: User,
    /// The job centre's service user, who keeps the offers.
    job_centre: User,
    managers: Vec<User>,
}

impl Crew {
    fn manager(&self, id: Option<soleil_domain::UserId>) -> AppResult<&User> {
        self.managers
            .iter()
            .find(|m| Some(m.id) == id)
            .ok_or(AppError::NotFound("demo case manager"))
    }
}

/// A person of the cohort, with the case that carries them through the cycle.
struct Member {
    case: CaseId,
    person: PersonId,
    manager: User,
    female: bool,
    sector: Option<WorkSector>,
    languages: Vec<String>,
    /// The zonal group of where they live and worked.
    home: &'static str,
    /// Their plan has a housing need.
    housing_need: bool,
}

/// The cycle as it is played: who acts, who takes part, and the day it ends.
struct Cycle {
    crew: Crew,
    members: Vec<Member>,
    today: NaiveDate,
    rng: StdRng,
}

impl Cycle {
    /// The day `days` before today.
    fn ago(&self, days: u64) -> NaiveDate {
        self.today.checked_sub_days(Days::new(days)).unwrap_or(self.today)
    }
}

impl App {
    /// Plays the Abruzzo inclusion cycle for the cohort's cases, which must
    /// already be in inclusion with their plans agreed.
    pub(super) async fn create_demo_inclusion(&self, cohort: &[Story]) -> AppResult<CycleSummary> {
        let crew = self.abruzzo_crew().await?;
        let members = self.cohort_members(&crew, cohort).await?;
        let mut cycle = Cycle {
            crew,
            members,
            today: Utc::now().date_naive(),
            rng: StdRng::seed_from_u64(CYCLE_SEED),
        };
        let lines = self.open_demo_budget_lines(&cycle).await?;
        let labs = self.run_demo_labs(&mut cycle).await?;
        let employers = self.create_demo_employers(&cycle).await?;
        let summary = CycleSummary {
            users: employers.logins.len(),
            organisations: employers.logins.len(),
        };
        self.place_demo_cohort(&mut cycle, &labs, &employers).await?;
        // The money last: the allowances are reckoned from the complete
        // registers, and the draws the placements made stay as they were.
        self.pay_demo_support(&mut cycle, &lines, &labs).await?;
        Ok(summary)
    }

    /// The Abruzzo demo staff, read back by their demo e-mail.
    async fn abruzzo_crew(&self) -> AppResult<Crew> {
        let mut handle = self.store.handle().await?;
        let by_role = |role: Role| {
            staff_of(Abr, role)
                .map(|seed| format!("{}@{DEMO_DOMAIN}", staff_login(seed)))
                .collect::<Vec<_>>()
        };
        let logins = [
            by_role(Role::Secretariat),
            by_role(Role::Service),
            by_role(Role::CaseManager),
        ];
        let mut found: Vec<Vec<User>> = Vec::new();
        for emails in logins {
            let mut users = Vec::new();
            for email in emails {
                let (user, _) = network::user_by_email(handle.conn(), &email)
                    .await?
                    .ok_or(AppError::NotFound("demo user"))?;
                users.push(user);
            }
            found.push(users);
        }
        let [secretariat, services, managers]: [Vec<User>; 3] =
            found.try_into().map_err(|_| AppError::NotFound("demo user"))?;
        let secretariat = secretariat
            .into_iter()
            .next()
            .ok_or(AppError::NotFound("demo secretariat user"))?;
        let organisation_kind = |user: &User, kind: soleil_domain::OrganisationKind| {
            let name = staff_of(Abr, Role::Service)
                .find(|seed| seed.3 == user.display_name)
                .map(|seed| seed.4);
            name.and_then(|n| super::network::organisation_kind(Abr, n)) == Some(kind)
        };
        let trainer = services
            .iter()
            .find(|u| organisation_kind(u, soleil_domain::OrganisationKind::TrainingBody))
            .cloned()
            .ok_or(AppError::NotFound("demo training body user"))?;
        let job_centre = services
            .iter()
            .find(|u| organisation_kind(u, soleil_domain::OrganisationKind::JobCentre))
            .cloned()
            .ok_or(AppError::NotFound("demo job centre user"))?;
        Ok(Crew {
            secretariat,
            trainer,
            job_centre,
            managers,
        })
    }

    /// The cohort's cases: for each cohort story, the oldest Abruzzo case
    /// in inclusion of a person of that name not yet taken (the cohort came
    /// in before every other story of the demo; see `Calendar::before`).
    async fn cohort_members(&self, crew: &Crew, cohort: &[Story]) -> AppResult<Vec<Member>> {
        let filter = CaseFilter {
            states: vec![CaseState::Inclusion],
            ..CaseFilter::default()
        };
        let (mut cases, _) = self
            .cases(&crew.secretariat, &filter, Page::new(0, Page::MAX_SIZE))
            .await?;
        cases.sort_by_key(|summary| summary.case.opened_at);
        let mut taken = vec![false; cases.len()];
        let mut members = Vec::with_capacity(cohort.len());
        for story in cohort {
            let found = cases.iter().zip(taken.iter_mut()).find(|(summary, taken)| {
                !**taken
                    && summary.person_given_name == story.person.given_name
                    && summary.person_surname == story.person.surname
            });
            let Some((summary, taken)) = found else {
                return Err(AppError::NotFound("demo cohort case"));
            };
            *taken = true;
            members.push(Member {
                case: summary.case.id,
                person: summary.case.person_id,
                manager: crew.manager(summary.case.case_manager_id)?.clone(),
                female: story.person.sex == Some(Sex::Female),
                sector: story.profile.sector,
                languages: story.profile.languages.clone(),
                home: story.zonal_group,
                housing_need: story.needs.iter().any(|(area, _)| *area == NeedArea::Housing),
            });
        }
        Ok(members)
    }
}
