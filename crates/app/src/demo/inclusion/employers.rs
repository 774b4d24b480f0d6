//! The employers the cycle works with: surveyed before the labs were
//! designed (seed 004, phase 1), each with its VAT number, ATECO activity,
//! sites and needs; two of them sign in to answer proposals themselves.

use soleil_domain::inclusion::employer::survey::{NeedInput, SurveyInput};
use soleil_domain::inclusion::employer::{Employer, EmployerInput, SiteInput, SizeBand};
use soleil_domain::{NewOrganisation, OrganisationKind, RegionCode, User};

use super::Cycle;
use crate::demo::{DEMO_DOMAIN, DEMO_PASSWORD};
use crate::employers::EmployerLoginInput;
use crate::{App, AppResult};

/// An employer as the demo plans it.
pub(in crate::demo) struct EmployerSeed {
    pub(super) name: &'static str,
    /// The taxpayer's seven digits and the tax office's three; the check
    /// digit is worked out, as the Agenzia delle Entrate does.
    pub(in crate::demo) vat: &'static str,
    ateco: &'static str,
    /// ISTAT code of the comune of the registered office.
    comune: &'static str,
    address: &'static str,
    contact: &'static str,
    size: SizeBand,
    /// Index of the professional lab it takes people from.
    pub(super) lab: usize,
    /// ISCO-08 unit group of the work it offers, and the skills it asks.
    pub(super) occupation: &'static str,
    pub(super) skills: &'static [&'static str],
    /// A further site, as an ISTAT code and address.
    site: Option<(&'static str, &'static str)>,
    /// The tutor the employer names for internships and apprenticeships.
    pub(super) mentor: &'static str,
    /// The login given to the employer, if any.
    login: Option<&'static str>,
}

pub(in crate::demo) const EMPLOYERS: &[EmployerSeed] = &[
    EmployerSeed {
        name: "Edilizia Marsicana S.r.l.",
        vat: "0210457066",
        ateco: "41.00",
        comune: "066006",
        address: "Via degli Esempi 101, Avezzano (AQ)",
        contact: "Paolo Cipollone",
        size: SizeBand::Small,
        lab: 0,
        occupation: "7112",
        skills: &["muratura", "sicurezza in cantiere", "lettura disegni"],
        site: Some(("066032", "Cantiere di Via Dimostrativa, Celano (AQ)")),
        mentor: "Geom. Marco Di Censo",
        login: None,
    },
    EmployerSeed {
        name: "Costruzioni Valle dell'Aterno S.r.l.",
        vat: "0188213066",
        ateco: "41.00",
        comune: "066049",
        address: "Via degli Esempi 7, L'Aquila",
        contact: "Lucia Marinelli",
        size: SizeBand::Medium,
        lab: 0,
        occupation: "9313",
        skills: &["muratura", "ponteggi"],
        site: None,
        mentor: "Ing. Stefano Ciccarelli",
        login: None,
    },
    EmployerSeed {
        name: "Logistica Adriatica S.p.A.",
        vat: "0233871069",
        ateco: "52.10",
        comune: "069081",
        address: "Via Dimostrativa 21, San Giovanni Teatino (CH)",
        contact: "Roberta D'Alessandro",
        size: SizeBand::Large,
        lab: 1,
        occupation: "8344",
        skills: &["carrello elevatore", "gestione scorte", "lettore barcode"],
        site: Some(("068022", "Polo logistico di Via degli Esempi 3, Manoppello (PE)")),
        mentor: "Dott.ssa Chiara Di Giacomo",
        login: Some("logistica.adriatica"),
    },
    EmployerSeed {
        name: "Magazzini del Sangro S.r.l.",
        vat: "0197302069",
        ateco: "52.10",
        comune: "069046",
        address: "Piazza dell'Esempio 14, Lanciano (CH)",
        contact: "Antonio Memmo",
        size: SizeBand::Small,
        lab: 1,
        occupation: "9333",
        skills: &["movimentazione merci", "carrello elevatore"],
        site: None,
        mentor: "Sig. Nicola Sciarra",
        login: None,
    },
    EmployerSeed {
        name: "Carpenteria Metallica Teatina S.r.l.",
        vat: "0221546069",
        ateco: "25.11",
        comune: "069022",
        address: "Via degli Esempi 55, Chieti",
        contact: "Franco Tavani",
        size: SizeBand::Small,
        lab: 2,
        occupation: "7212",
        skills: &["saldatura a filo", "saldatura a elettrodo", "lettura disegni"],
        site: None,
        mentor: "Sig. Walter Di Renzo",
        login: None,
    },
    EmployerSeed {
        name: "Cooperativa sociale Porto Sicuro",
        vat: "0176420068",
        ateco: "88.10",
        comune: "068028",
        address: "Via Dimostrativa 33, Pescara",
        contact: "Elena Santavenere",
        size: SizeBand::Medium,
        lab: 3,
        occupation: "5322",
        skills: &["assistenza anziani", "igiene della persona", "cucina"],
        site: Some((
            "068024",
            "Sede operativa di Via degli Esempi 9, Montesilvano (PE)",
        )),
        mentor: "Dott.ssa Sara Di Pasquale",
        login: Some("coop.portosicuro"),
    },
    EmployerSeed {
        name: "Impresa Edile Gran Sasso S.n.c.",
        vat: "0240118067",
        ateco: "41.00",
        comune: "067041",
        address: "Via degli Esempi 18, Teramo",
        contact: "Giuseppe Di Sabatino",
        size: SizeBand::Micro,
        lab: 4,
        occupation: "7115",
        skills: &["carpenteria", "finiture", "sicurezza in cantiere"],
        site: None,
        mentor: "Sig. Dario Marcozzi",
        login: None,
    },
    EmployerSeed {
        name: "Confezioni Val Vibrata S.r.l.",
        vat: "0205983067",
        ateco: "14.21",
        comune: "067038",
        address: "Via Dimostrativa 4, Sant'Egidio alla Vibrata (TE)",
        contact: "Maria Rita Ciarrocchi",
        size: SizeBand::Small,
        lab: 5,
        occupation: "7531",
        skills: &["cucito a macchina", "taglio", "rifinitura"],
        site: None,
        mentor: "Sig.ra Anna Di Febo",
        login: None,
    },
    EmployerSeed {
        name: "Componenti Auto Val di Sangro S.r.l.",
        vat: "0259064069",
        ateco: "29.32",
        comune: "069005",
        address: "Zona industriale, Via degli Esempi 60, Atessa (CH)",
        contact: "Luca Piccirilli",
        size: SizeBand::Large,
        lab: 6,
        occupation: "7233",
        skills: &["manutenzione impianti", "pneumatica", "PLC di base"],
        site: None,
        mentor: "Per. ind. Davide Tinari",
        login: None,
    },
    EmployerSeed {
        name: "Impianti Elettrici Peligni S.r.l.",
        vat: "0213379066",
        ateco: "43.21",
        comune: "066098",
        address: "Piazza dell'Esempio 2, Sulmona (AQ)",
        contact: "Claudio Di Loreto",
        size: SizeBand::Micro,
        lab: 7,
        occupation: "7411",
        skills: &["impianti civili", "quadri elettrici"],
        site: None,
        mentor: "Sig. Fabrizio Iannamorelli",
        login: None,
    },
];

/// The eleven digits of a VAT number: the ten given and their Luhn check digit.
pub(in crate::demo) fn vat_number(first_ten: &str) -> String {
    let sum: u32 = first_ten
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let digit = u32::from(b - b'0');
            if i % 2 == 1 {
                let doubled = digit * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                digit
            }
        })
        .sum();
    format!("{first_ten}{}", (10 - sum % 10) % 10)
}

/// The employers as stored, in table order, and the logins given.
pub(super) struct EmployersMet {
    pub(super) employers: Vec<Employer>,
    /// Employer index and the login's user.
    pub(super) logins: Vec<(usize, User)>,
}

impl App {
    /// The job centre adds the employers and their sites and records the
    /// needs survey; the secretariat gives two of them a login.
    pub(super) async fn create_demo_employers(&self, cycle: &Cycle) -> AppResult<EmployersMet> {
        let job_centre = &cycle.crew.job_centre;
        let mut employers = Vec::with_capacity(EMPLOYERS.len());
        let mut logins = Vec::new();
        for (index, seed) in EMPLOYERS.iter().enumerate() {
            let input = EmployerInput {
                region: None,
                legal_name: Some(seed.name.to_owned()),
                vat_number: Some(vat_number(seed.vat)),
                tax_code: None,
                ateco_code: Some(seed.ateco.to_owned()),
                comune: Some(seed.comune.to_owned()),
                address: Some(seed.address.to_owned()),
                contact_name: Some(seed.contact.to_owned()),
                contact_email: None,
                contact_phone: None,
                size_band: Some(seed.size),
                notes: Some("Aderisce alla rete SOLEIL Abruzzo: questionario di rilevazione dei fabbisogni compilato.".to_owned()),
            };
            let employer = self.create_employer(job_centre, &input).await?;
            if let Some((comune, address)) = seed.site {
                let site = SiteInput {
                    comune: Some(comune.to_owned()),
                    address: Some(address.to_owned()),
                };
                self.add_employer_site(job_centre, employer.id, &site).await?;
            }
            // Phase 1 of seed 004: the needs survey, before the labs were designed.
            let surveyed_on = cycle.ago(285 - 3 * index as u64);
            let apprenticeships = i32::from(matches!(seed.lab, 1 | 2 | 4 | 6));
            let survey = SurveyInput {
                surveyed_on: Some(surveyed_on),
                open_to_training: true,
                internships: Some(2 + i32::from(index % 2 == 0)),
                apprenticeships: Some(apprenticeships),
                other_insertion: Some(
                    "Disponibile a ospitare visite in azienda durante i laboratori.".to_owned(),
                ),
                notes: None,
                needs: vec![NeedInput {
                    occupation: Some(seed.occupation.to_owned()),
                    workers: Some(2 + (index % 3) as i32),
                    skills: Some(seed.skills.join(", ")),
                    needed_by: surveyed_on.checked_add_months(chrono::Months::new(6)),
                }],
            };
            self.record_survey(job_centre, employer.id, &survey).await?;
            if let Some(login) = seed.login {
                let user = self.give_employer_login(cycle, &employer, seed, login).await?;
                logins.push((index, user));
            }
            employers.push(employer);
        }
        Ok(EmployersMet { employers, logins })
    }

    /// An employer's login belongs to an organisation of the network of
    /// kind employer, as every login does: the employer joins the network
    /// first, then the secretariat gives the login.
    async fn give_employer_login(
        &self,
        cycle: &Cycle,
        employer: &Employer,
        seed: &EmployerSeed,
        login: &str,
    ) -> AppResult<User> {
        let new = NewOrganisation::parse(seed.name, OrganisationKind::Employer, RegionCode::Abr)?;
        let organisation = self.create_organisation_unattended(new).await?;
        let input = EmployerLoginInput {
            email: format!("{login}@{DEMO_DOMAIN}"),
            display_name: seed.contact.to_owned(),
            password: DEMO_PASSWORD.to_owned(),
            organisation_id: Some(organisation.id),
        };
        self.create_employer_login(&cycle.crew.secretariat, employer.id, &input)
            .await
    }
}
