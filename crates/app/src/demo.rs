//! The demo network that `soleil demo` loads: organisations and users in the
//! five partner regions, and about two hundred people at every stage of the
//! pathway.
//!
//! Nothing here writes to the store directly. Every person, screening, case,
//! plan and review goes through the same use cases a user's click would call,
//! acting as the demo user whose role and region the policy asks for, so the
//! timelines, the audit log and the monitoring figures are the real ones.
//!
//! The people are drawn from a seeded generator: every load produces the same
//! names, ages, workplaces and stories. Their stories are planned first, as
//! plain data ([`stories`]), and only then played through the use cases.

use std::time::Instant;

use chrono::{Days, NaiveDate, Utc};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use soleil_domain::DeclaredLegalStatus as Status;
use soleil_domain::OrganisationKind as Kind;
use soleil_domain::RegionCode::{Abr, Laz, Mar, Mol, Tos};
use soleil_domain::WorkSector as Sector;
use soleil_domain::{
    ActionInput, ActionStatus, Answer, AssessmentInput, CaseId, CaseState, ClosingReason, ContactChannel,
    Decision, DeclaredLegalStatus, FirstProfileInput, IndicatorSheet, NeedArea, NeedInput, NewOrganisation,
    Organisation, OrganisationId, PersonInput, Plan, PlanInput, RegionCode, ReviewVerdict, Role, Sex,
    UrgentNeeds, User, WorkSector,
};
use soleil_store::network::{self, OrganisationFilter, UserFilter};
use soleil_store::{Page, Scope, cases, persons};

use crate::accounts::UserInput;
use crate::cases::TransitionInput;
use crate::intake::{ContactInput, ScreeningInput};
use crate::plans::{ActionUpdateInput, AgreementInput, ReviewInput};
use crate::{App, AppError, AppResult};

/// The password of every demo account. The demo is for showing, never for
/// real data: anyone who reads this file can sign in.
pub const DEMO_PASSWORD: &str = "soleil-demo";
/// The e-mail domain of every demo account.
pub const DEMO_DOMAIN: &str = "demo.soleil.local";

/// What a load of the demo left in the database.
#[derive(Debug, Clone)]
pub struct DemoSummary {
    pub organisations: usize,
    pub users: usize,
    pub persons: usize,
    /// Every case state, in pathway order, with how many cases are in it.
    pub cases_by_state: Vec<(CaseState, usize)>,
    /// The demo accounts (e-mail and role); all share [`DEMO_PASSWORD`].
    pub accounts: Vec<(String, Role)>,
    /// The demo was there already: nothing was added, and the counts are
    /// those of the whole database.
    pub already_loaded: bool,
}

/// Seed of the people generator; change it and every demo person changes.
const SEED: u64 = 0x5013_11de_2026;

/// Birth dates are counted back from a fixed day, not from today, so that the
/// same seed gives the same people whatever the day of the load.
const BIRTH_ANCHOR_YEAR: i32 = 2026;

// ---------------------------------------------------------------------------
// The network: organisations and the people who work in them.

/// Region, kind and name of every demo organisation. (Kept one row a line,
/// like the other wide tables here: they read as tables.)
#[rustfmt::skip]
const ORGANISATIONS: &[(RegionCode, Kind, &str)] = &[
    (Laz, Kind::Secretariat, "Segreteria tecnica regionale – Lazio"),
    (Laz, Kind::Desk, "Sportello lavoro e diritti – Latina"),
    (Laz, Kind::Desk, "PAS – Punto di accesso ai servizi di Fondi"),
    (Laz, Kind::MobileUnit, "Unità mobile Agro Pontino"),
    (Laz, Kind::Union, "FLAI CGIL Latina"),
    (Laz, Kind::ReceptionCentre, "CAS Borgo Montello – Latina"),
    (Laz, Kind::Inspectorate, "Ispettorato territoriale del lavoro di Latina"),
    (Laz, Kind::HealthAuthority, "ASL Latina – Distretto 2"),
    (Laz, Kind::JobCentre, "Centro per l'Impiego di Latina"),
    (Laz, Kind::SocialServices, "Servizi sociali – Comune di Sabaudia"),
    (Laz, Kind::ThirdSector, "Cooperativa sociale Terra Comune – Latina"),
    (Laz, Kind::TrainingBody, "CPIA 9 Latina – Istruzione degli adulti"),
    (Laz, Kind::AntiTrafficking, "Progetto antitratta regionale Lazio"),
    (Laz, Kind::Helpline, "Numero verde antitratta – postazione Lazio"),
    (Tos, Kind::Secretariat, "Segreteria tecnica regionale – Toscana"),
    (Tos, Kind::Desk, "Sportello antisfruttamento – Prato"),
    (Tos, Kind::MobileUnit, "Unità mobile Maremma – Grosseto"),
    (Tos, Kind::Union, "FLAI CGIL Grosseto"),
    (Tos, Kind::JobCentre, "Centro per l'Impiego di Grosseto"),
    (Tos, Kind::SocialServices, "Società della Salute Area Pratese – Servizi sociali"),
    (Tos, Kind::HealthAuthority, "Azienda USL Toscana sud est – Zona Grossetana"),
    (Tos, Kind::TerritorialCommission, "Commissione territoriale per la protezione internazionale di Firenze"),
    (Abr, Kind::Secretariat, "Segreteria tecnica regionale – Abruzzo"),
    (Abr, Kind::Desk, "Sportello lavoro migranti – Avezzano"),
    (Abr, Kind::MobileUnit, "Unità mobile Piana del Fucino"),
    (Abr, Kind::Union, "FLAI CGIL Avezzano"),
    (Abr, Kind::JobCentre, "Centro per l'Impiego di Avezzano"),
    (Abr, Kind::SocialServices, "ECAD 11 Marsica – Servizi sociali"),
    (Abr, Kind::TrainingBody, "Centro di formazione professionale Fucino – Avezzano"),
    (Abr, Kind::ReceptionCentre, "SAI Comune di Pescara"),
    (Abr, Kind::Court, "Tribunale di Avezzano – Sezione lavoro"),
    (Mar, Kind::Secretariat, "Segreteria tecnica regionale – Marche"),
    (Mar, Kind::Desk, "Sportello antisfruttamento – San Benedetto del Tronto"),
    (Mar, Kind::Union, "FLAI CGIL Ascoli Piceno"),
    (Mar, Kind::JobCentre, "Centro per l'Impiego di San Benedetto del Tronto"),
    (Mar, Kind::SocialServices, "ATS 21 San Benedetto del Tronto – Servizi sociali"),
    (Mar, Kind::ThirdSector, "Cooperativa sociale Approdo – San Benedetto del Tronto"),
    (Mar, Kind::TrainingBody, "Centro di formazione professionale Piceno"),
    (Mar, Kind::AntiTrafficking, "Progetto antitratta Marche"),
    (Mar, Kind::Employer, "Azienda agricola Valle del Tronto – Monsampolo"),
    (Mol, Kind::Secretariat, "Segreteria tecnica regionale – Molise"),
    (Mol, Kind::Desk, "Sportello antisfruttamento – Termoli"),
    (Mol, Kind::MobileUnit, "Unità mobile Basso Molise"),
    (Mol, Kind::Union, "FLAI CGIL Molise"),
    (Mol, Kind::JobCentre, "Centro per l'Impiego di Termoli"),
    (Mol, Kind::SocialServices, "Ambito territoriale sociale di Termoli – Servizi sociali"),
    (Mol, Kind::HealthAuthority, "ASReM – Distretto sanitario di Termoli"),
    (Mol, Kind::Municipality, "Comune di Termoli"),
];

/// A regional account: region, role, login (`None` for the standard
/// `ROLE.REGION` login), display name and organisation.
type StaffSeed = (RegionCode, Role, Option<&'static str>, &'static str, &'static str);

/// Regional staff. Within a region and role the order matters: the first
/// frontline user, case manager… is the one a story's index 0 picks.
#[rustfmt::skip]
const STAFF: &[StaffSeed] = &[
    (Laz, Role::Frontline, None, "Giulia Romano", "Sportello lavoro e diritti – Latina"),
    (Laz, Role::Frontline, Some("stefano.marchetti"), "Stefano Marchetti", "FLAI CGIL Latina"),
    (Laz, Role::Frontline, Some("chiara.valente"), "Chiara Valente", "Unità mobile Agro Pontino"),
    (Laz, Role::Secretariat, None, "Marco De Santis", "Segreteria tecnica regionale – Lazio"),
    (Laz, Role::CaseManager, None, "Francesca Colombo", "Servizi sociali – Comune di Sabaudia"),
    (Laz, Role::CaseManager, Some("davide.russo"), "Davide Russo", "Cooperativa sociale Terra Comune – Latina"),
    (Laz, Role::Service, None, "Luca Ferri", "Centro per l'Impiego di Latina"),
    (Laz, Role::Service, Some("anna.esposito"), "Anna Esposito", "ASL Latina – Distretto 2"),
    (Laz, Role::Service, Some("elena.greco"), "Elena Greco", "CPIA 9 Latina – Istruzione degli adulti"),
    (Laz, Role::Coordinator, None, "Paola Marini", "Segreteria tecnica regionale – Lazio"),
    (Tos, Role::Frontline, None, "Sara Bianchi", "Sportello antisfruttamento – Prato"),
    (Tos, Role::Frontline, Some("tommaso.lenzi"), "Tommaso Lenzi", "FLAI CGIL Grosseto"),
    (Tos, Role::Secretariat, None, "Lorenzo Bartolini", "Segreteria tecnica regionale – Toscana"),
    (Tos, Role::CaseManager, None, "Martina Innocenti", "Società della Salute Area Pratese – Servizi sociali"),
    (Tos, Role::CaseManager, Some("federico.pieri"), "Federico Pieri", "Società della Salute Area Pratese – Servizi sociali"),
    (Tos, Role::Service, None, "Niccolò Mancini", "Centro per l'Impiego di Grosseto"),
    (Tos, Role::Service, Some("ilaria.cecchi"), "Ilaria Cecchi", "Azienda USL Toscana sud est – Zona Grossetana"),
    (Tos, Role::Coordinator, None, "Cristina Fabbri", "Segreteria tecnica regionale – Toscana"),
    (Abr, Role::Frontline, None, "Alessio D'Angelo", "Unità mobile Piana del Fucino"),
    (Abr, Role::Frontline, Some("sabrina.colantoni"), "Sabrina Colantoni", "FLAI CGIL Avezzano"),
    (Abr, Role::Secretariat, None, "Valentina Di Felice", "Segreteria tecnica regionale – Abruzzo"),
    (Abr, Role::CaseManager, None, "Silvia Di Berardino", "ECAD 11 Marsica – Servizi sociali"),
    (Abr, Role::CaseManager, Some("laura.dimarco"), "Laura Di Marco", "ECAD 11 Marsica – Servizi sociali"),
    (Abr, Role::Service, None, "Matteo Di Pietro", "Centro per l'Impiego di Avezzano"),
    (Abr, Role::Service, Some("fabio.cerasoli"), "Fabio Cerasoli", "Centro di formazione professionale Fucino – Avezzano"),
    (Abr, Role::Coordinator, None, "Giovanni Ranieri", "Segreteria tecnica regionale – Abruzzo"),
    (Mar, Role::Frontline, None, "Elisa Pagliarini", "Sportello antisfruttamento – San Benedetto del Tronto"),
    (Mar, Role::Frontline, Some("giacomo.voltattorni"), "Giacomo Voltattorni", "FLAI CGIL Ascoli Piceno"),
    (Mar, Role::Secretariat, None, "Andrea Marinelli", "Segreteria tecnica regionale – Marche"),
    (Mar, Role::CaseManager, None, "Roberta Capriotti", "ATS 21 San Benedetto del Tronto – Servizi sociali"),
    (Mar, Role::CaseManager, Some("michele.perotti"), "Michele Perotti", "Cooperativa sociale Approdo – San Benedetto del Tronto"),
    (Mar, Role::Service, None, "Simone Ciarrocchi", "Centro per l'Impiego di San Benedetto del Tronto"),
    (Mar, Role::Service, Some("serena.pompei"), "Serena Pompei", "Centro di formazione professionale Piceno"),
    (Mar, Role::Coordinator, None, "Monica Santarelli", "Segreteria tecnica regionale – Marche"),
    (Mol, Role::Frontline, None, "Antonio Di Lallo", "Sportello antisfruttamento – Termoli"),
    (Mol, Role::Frontline, Some("pasquale.mastrangelo"), "Pasquale Mastrangelo", "FLAI CGIL Molise"),
    (Mol, Role::Secretariat, None, "Carla Iacovone", "Segreteria tecnica regionale – Molise"),
    (Mol, Role::CaseManager, None, "Rosa Di Iorio", "Ambito territoriale sociale di Termoli – Servizi sociali"),
    (Mol, Role::CaseManager, Some("vincenzo.colavita"), "Vincenzo Colavita", "Ambito territoriale sociale di Termoli – Servizi sociali"),
    (Mol, Role::Service, None, "Nicola Fratangelo", "Centro per l'Impiego di Termoli"),
    (Mol, Role::Service, Some("ilenia.caruso"), "Ilenia Caruso", "ASReM – Distretto sanitario di Termoli"),
    (Mol, Role::Coordinator, None, "Maria Teresa Vitale", "Segreteria tecnica regionale – Molise"),
];

/// Network-wide accounts: role, login, display name. The admin comes last on
/// purpose: its existence marks a complete load (see [`App::load_demo`]).
const NETWORK_ACCOUNTS: &[(Role, &str, &str)] = &[
    (Role::Auditor, "auditor", "Enrico Sartori"),
    (Role::Admin, "admin", "Roberta Galli"),
];

fn email(login: &str) -> String {
    format!("{login}@{DEMO_DOMAIN}")
}

/// The login of a regional account: its own, or `ROLE.REGION`.
fn staff_login(seed: &StaffSeed) -> String {
    let (region, role, login, _, _) = *seed;
    login.map_or_else(|| format!("{role}.{region}"), str::to_owned)
}

/// Every demo account in creation order, the admin last.
fn demo_accounts() -> Vec<(String, Role)> {
    let regional = STAFF.iter().map(|seed| (email(&staff_login(seed)), seed.1));
    let network = NETWORK_ACCOUNTS
        .iter()
        .map(|(role, login, _)| (email(login), *role));
    regional.chain(network).collect()
}

fn staff_of(region: RegionCode, role: Role) -> impl Iterator<Item = &'static StaffSeed> {
    STAFF.iter().filter(move |s| s.0 == region && s.1 == role)
}

fn organisation_kind(region: RegionCode, name: &str) -> Option<Kind> {
    ORGANISATIONS
        .iter()
        .find(|(r, _, n)| *r == region && *n == name)
        .map(|(_, kind, _)| *kind)
}

// ---------------------------------------------------------------------------
// The people: where they come from, where they work.

/// A value and how often it comes up relative to the others in its list.
type Weighted<T> = (T, u32);

/// A country the network's workers come from, with what tends to go with it.
struct Origin {
    /// ISO 3166-1 alpha-2.
    country: &'static str,
    female_percent: u32,
    male_names: &'static [&'static str],
    female_names: &'static [&'static str],
    surnames: &'static [&'static str],
    /// Women's surnames where they differ (Kaur); empty when they do not.
    female_surnames: &'static [&'static str],
    /// ISO 639-1; the first is always spoken, the others sometimes.
    languages: &'static [&'static str],
    /// The first language as an operator writes it in an alias.
    language_name: &'static str,
    sectors: &'static [Weighted<WorkSector>],
    statuses: &'static [Weighted<DeclaredLegalStatus>],
}

/// Legal statuses of workers from outside the EU as desks meet them.
const THIRD_COUNTRY: &[Weighted<Status>] = &[
    (Status::ResidencePermit, 3),
    (Status::PermitExpired, 2),
    (Status::NoPermit, 2),
    (Status::AsylumSeeker, 1),
    (Status::InternationalProtection, 1),
    (Status::Unknown, 1),
];

const ORIGINS: &[Origin] = &[
    Origin {
        country: "IN",
        female_percent: 15,
        male_names: &[
            "Gurpreet",
            "Harjinder",
            "Sukhwinder",
            "Manjit",
            "Balwinder",
            "Jaswinder",
            "Kulwinder",
        ],
        female_names: &["Harpreet", "Manpreet", "Jaspreet", "Kamaljit", "Simranjit"],
        surnames: &["Singh", "Singh", "Singh", "Kumar", "Sandhu", "Gill", "Dhillon"],
        female_surnames: &["Kaur", "Kaur", "Kaur", "Rani"],
        languages: &["pa", "hi"],
        language_name: "punjabi",
        sectors: &[
            (Sector::Agriculture, 5),
            (Sector::Logistics, 1),
            (Sector::Construction, 1),
        ],
        statuses: THIRD_COUNTRY,
    },
    Origin {
        country: "BD",
        female_percent: 5,
        male_names: &[
            "Mohammad", "Abdul", "Shahidul", "Rafiqul", "Jahangir", "Mizanur", "Kamrul",
        ],
        female_names: &["Nasima", "Fatema", "Rokeya"],
        surnames: &["Hossain", "Rahman", "Islam", "Ahmed", "Uddin", "Miah", "Alam"],
        female_surnames: &[],
        languages: &["bn", "en"],
        language_name: "bengalese",
        sectors: &[
            (Sector::Agriculture, 2),
            (Sector::Hospitality, 1),
            (Sector::Manufacturing, 1),
            (Sector::Construction, 1),
        ],
        statuses: THIRD_COUNTRY,
    },
    Origin {
        country: "PK",
        female_percent: 3,
        male_names: &[
            "Imran", "Asif", "Waqas", "Bilal", "Naveed", "Tariq", "Usman", "Zeeshan",
        ],
        female_names: &["Ayesha", "Sadia"],
        surnames: &["Khan", "Ahmed", "Iqbal", "Butt", "Hussain", "Malik", "Raza"],
        female_surnames: &[],
        languages: &["ur", "pa"],
        language_name: "urdu",
        sectors: &[
            (Sector::Agriculture, 1),
            (Sector::Manufacturing, 2),
            (Sector::Logistics, 1),
            (Sector::Construction, 1),
        ],
        statuses: THIRD_COUNTRY,
    },
    Origin {
        country: "MA",
        female_percent: 20,
        male_names: &[
            "Youssef", "Mohamed", "Hamid", "Rachid", "Abdelali", "Mustapha", "Hicham",
        ],
        female_names: &["Fatima", "Khadija", "Naima", "Samira", "Latifa"],
        surnames: &[
            "El Amrani",
            "Benali",
            "Ouahbi",
            "Bouzid",
            "El Idrissi",
            "Tahiri",
            "Chakir",
        ],
        female_surnames: &[],
        languages: &["ar", "fr"],
        language_name: "arabo",
        sectors: &[
            (Sector::Agriculture, 3),
            (Sector::Construction, 1),
            (Sector::Logistics, 1),
        ],
        statuses: THIRD_COUNTRY,
    },
    Origin {
        country: "TN",
        female_percent: 15,
        male_names: &["Mehdi", "Karim", "Sami", "Anis", "Walid", "Bilel", "Hamza"],
        female_names: &["Amel", "Sonia", "Imen", "Rim"],
        surnames: &["Ben Salah", "Trabelsi", "Jaziri", "Gharbi", "Mejri", "Ben Amor"],
        female_surnames: &[],
        languages: &["ar", "fr"],
        language_name: "arabo",
        sectors: &[
            (Sector::Agriculture, 2),
            (Sector::Construction, 1),
            (Sector::Hospitality, 1),
        ],
        statuses: THIRD_COUNTRY,
    },
    Origin {
        country: "SN",
        female_percent: 10,
        male_names: &[
            "Mamadou",
            "Cheikh",
            "Ousmane",
            "Modou",
            "Ibrahima",
            "Abdoulaye",
            "Pape",
        ],
        female_names: &["Awa", "Fatou", "Aminata", "Ndèye"],
        surnames: &["Diop", "Ndiaye", "Fall", "Sow", "Gueye", "Faye", "Sarr"],
        female_surnames: &[],
        languages: &["wo", "fr"],
        language_name: "wolof",
        sectors: &[(Sector::Agriculture, 3), (Sector::Logistics, 1)],
        statuses: THIRD_COUNTRY,
    },
    Origin {
        country: "ML",
        female_percent: 5,
        male_names: &["Moussa", "Seydou", "Bakary", "Souleymane", "Adama", "Drissa"],
        female_names: &["Mariam", "Kadiatou", "Fanta"],
        surnames: &["Traoré", "Keita", "Coulibaly", "Diarra", "Konaté", "Sangaré"],
        female_surnames: &[],
        languages: &["bm", "fr"],
        language_name: "bambara",
        sectors: &[(Sector::Agriculture, 1)],
        statuses: &[
            (Status::AsylumSeeker, 2),
            (Status::InternationalProtection, 2),
            (Status::NoPermit, 1),
            (Status::PermitExpired, 1),
        ],
    },
    Origin {
        country: "NG",
        female_percent: 55,
        male_names: &["Chinedu", "Emeka", "Samuel", "Godwin", "Friday", "Osas"],
        female_names: &["Blessing", "Joy", "Precious", "Gift", "Favour", "Esther"],
        surnames: &[
            "Okafor",
            "Eze",
            "Okonkwo",
            "Adeyemi",
            "Osagie",
            "Igbinedion",
            "Omoregie",
        ],
        female_surnames: &[],
        languages: &["en"],
        language_name: "inglese",
        sectors: &[
            (Sector::Agriculture, 2),
            (Sector::DomesticWork, 1),
            (Sector::Hospitality, 1),
        ],
        statuses: &[
            (Status::AsylumSeeker, 2),
            (Status::NoPermit, 1),
            (Status::PermitExpired, 1),
            (Status::ResidencePermit, 1),
        ],
    },
    Origin {
        country: "GM",
        female_percent: 5,
        male_names: &["Lamin", "Ebrima", "Omar", "Alieu", "Modou", "Sulayman"],
        female_names: &["Isatou", "Fatoumatta", "Mariama"],
        surnames: &["Jallow", "Ceesay", "Touray", "Bah", "Sanneh", "Darboe", "Camara"],
        female_surnames: &[],
        languages: &["en", "wo"],
        language_name: "inglese",
        sectors: &[(Sector::Agriculture, 3), (Sector::Construction, 1)],
        statuses: &[
            (Status::AsylumSeeker, 2),
            (Status::InternationalProtection, 1),
            (Status::PermitExpired, 1),
            (Status::NoPermit, 1),
        ],
    },
    Origin {
        country: "RO",
        female_percent: 45,
        male_names: &[
            "Ionuț",
            "Florin",
            "Marian",
            "Gheorghe",
            "Adrian",
            "Constantin",
            "Vasile",
        ],
        female_names: &["Elena", "Mihaela", "Ioana", "Maria", "Daniela", "Georgiana"],
        surnames: &[
            "Popescu", "Ionescu", "Munteanu", "Stan", "Dumitru", "Rusu", "Lungu",
        ],
        female_surnames: &[],
        languages: &["ro", "it"],
        language_name: "rumeno",
        sectors: &[
            (Sector::Agriculture, 2),
            (Sector::CareWork, 1),
            (Sector::Construction, 1),
        ],
        statuses: &[(Status::ItalianOrEuCitizen, 1)],
    },
    Origin {
        country: "AL",
        female_percent: 25,
        male_names: &["Arben", "Ilir", "Gentian", "Besnik", "Altin", "Erion", "Fatmir"],
        female_names: &["Elira", "Blerina", "Mirela", "Anila"],
        surnames: &["Hoxha", "Shehu", "Kola", "Leka", "Dervishi", "Muça", "Bregu"],
        female_surnames: &[],
        languages: &["sq", "it"],
        language_name: "albanese",
        sectors: &[(Sector::Construction, 2), (Sector::Agriculture, 1)],
        statuses: &[(Status::ResidencePermit, 2), (Status::PermitExpired, 1)],
    },
    Origin {
        country: "UA",
        female_percent: 80,
        male_names: &["Andriy", "Oleksandr", "Mykola", "Serhiy"],
        female_names: &[
            "Olena", "Nataliia", "Oksana", "Iryna", "Halyna", "Tetiana", "Svitlana",
        ],
        surnames: &[
            "Kovalenko",
            "Shevchenko",
            "Bondarenko",
            "Melnyk",
            "Tkachenko",
            "Kravchenko",
            "Boiko",
        ],
        female_surnames: &[],
        languages: &["uk"],
        language_name: "ucraino",
        sectors: &[
            (Sector::CareWork, 2),
            (Sector::DomesticWork, 1),
            (Sector::Agriculture, 1),
        ],
        statuses: &[(Status::InternationalProtection, 2), (Status::ResidencePermit, 1)],
    },
];

/// A workplace: the comune (or a place in it), its zonal group, and the
/// sector people mostly work in there.
type Place = (&'static str, &'static str, WorkSector);

/// A partner region as the demo fills it.
struct RegionProfile {
    code: RegionCode,
    persons: usize,
    /// Countries of origin by ISO code.
    origins: &'static [Weighted<&'static str>],
    places: &'static [Place],
}

const LATINA_1: &str = "Ambito territoriale Latina 1";
const LATINA_2: &str = "Ambito territoriale Latina 2";
const LATINA_4: &str = "Ambito territoriale Latina 4";
const VITERBO_2: &str = "Distretto sociosanitario Viterbo 2";
const VITERBO_3: &str = "Distretto sociosanitario Viterbo 3";
const PRATESE: &str = "Zona distretto Pratese";
const GROSSETANA: &str = "Zona distretto Amiata grossetana, Colline metallifere e Grossetana";
const ALBEGNA: &str = "Zona distretto Colline dell'Albegna";
const MARSICA: &str = "ECAD 11 Marsica – Avezzano";
const PESCARA: &str = "ECAD 15 Pescara";
const TRONTO: &str = "ATS 21 San Benedetto del Tronto";
const ASCOLI: &str = "ATS 22 Ascoli Piceno";
const TERMOLI: &str = "Ambito territoriale sociale di Termoli";
const LARINO: &str = "Ambito territoriale sociale di Larino";
const CAMPOBASSO: &str = "Ambito territoriale sociale di Campobasso";

const REGIONS: &[RegionProfile] = &[
    RegionProfile {
        code: Laz,
        persons: 68,
        origins: &[
            ("IN", 8),
            ("BD", 3),
            ("PK", 1),
            ("MA", 2),
            ("TN", 1),
            ("NG", 2),
            ("RO", 2),
            ("UA", 1),
            ("AL", 1),
            ("SN", 1),
        ],
        places: &[
            ("Latina", LATINA_2, Sector::Agriculture),
            ("Sabaudia", LATINA_2, Sector::Agriculture),
            ("Pontinia", LATINA_2, Sector::Agriculture),
            ("Borgo Hermada, Terracina", LATINA_4, Sector::Agriculture),
            ("Fondi", LATINA_4, Sector::Agriculture),
            ("Fondi, mercato ortofrutticolo", LATINA_4, Sector::Logistics),
            ("Terracina", LATINA_4, Sector::Hospitality),
            ("Cisterna di Latina", LATINA_1, Sector::Agriculture),
            ("Aprilia", LATINA_1, Sector::Logistics),
            ("Latina Scalo", LATINA_2, Sector::Construction),
            ("Viterbo", VITERBO_3, Sector::Construction),
            ("Tarquinia", VITERBO_2, Sector::Agriculture),
            ("Montalto di Castro", VITERBO_2, Sector::Agriculture),
        ],
    },
    RegionProfile {
        code: Tos,
        persons: 36,
        origins: &[
            ("PK", 3),
            ("BD", 2),
            ("MA", 2),
            ("SN", 2),
            ("AL", 2),
            ("RO", 2),
            ("UA", 2),
            ("NG", 1),
            ("IN", 1),
            ("GM", 1),
        ],
        places: &[
            ("Prato, Macrolotto 1", PRATESE, Sector::Manufacturing),
            ("Montemurlo", PRATESE, Sector::Manufacturing),
            ("Prato", PRATESE, Sector::Logistics),
            ("Grosseto", GROSSETANA, Sector::Agriculture),
            ("Alberese, Grosseto", GROSSETANA, Sector::Agriculture),
            ("Grosseto, zona industriale", GROSSETANA, Sector::Construction),
            ("Follonica", GROSSETANA, Sector::Hospitality),
            ("Orbetello", ALBEGNA, Sector::Agriculture),
            ("Capalbio", ALBEGNA, Sector::Agriculture),
        ],
    },
    RegionProfile {
        code: Abr,
        persons: 36,
        origins: &[
            ("MA", 3),
            ("IN", 2),
            ("RO", 3),
            ("AL", 2),
            ("BD", 1),
            ("TN", 2),
            ("SN", 1),
            ("ML", 1),
            ("UA", 1),
        ],
        places: &[
            ("Avezzano", MARSICA, Sector::Agriculture),
            ("Celano", MARSICA, Sector::Agriculture),
            ("Trasacco", MARSICA, Sector::Agriculture),
            ("Ortucchio, Piana del Fucino", MARSICA, Sector::Agriculture),
            ("Luco dei Marsi", MARSICA, Sector::Agriculture),
            ("Avezzano, zona industriale", MARSICA, Sector::Logistics),
            ("Pescara", PESCARA, Sector::Construction),
            ("Pescara, lungomare", PESCARA, Sector::Hospitality),
        ],
    },
    RegionProfile {
        code: Mar,
        persons: 32,
        origins: &[
            ("AL", 2),
            ("RO", 2),
            ("MA", 2),
            ("TN", 1),
            ("BD", 2),
            ("PK", 1),
            ("NG", 1),
            ("UA", 2),
            ("SN", 1),
        ],
        places: &[
            ("San Benedetto del Tronto", TRONTO, Sector::Hospitality),
            ("Grottammare", TRONTO, Sector::Hospitality),
            ("Monteprandone", TRONTO, Sector::Manufacturing),
            ("Monsampolo del Tronto", TRONTO, Sector::Agriculture),
            ("Acquaviva Picena", TRONTO, Sector::Agriculture),
            ("Ascoli Piceno", ASCOLI, Sector::Construction),
            ("Castel di Lama", ASCOLI, Sector::Agriculture),
        ],
    },
    RegionProfile {
        code: Mol,
        persons: 28,
        origins: &[
            ("RO", 3),
            ("MA", 2),
            ("IN", 1),
            ("GM", 2),
            ("ML", 2),
            ("NG", 1),
            ("SN", 1),
            ("AL", 1),
            ("UA", 1),
        ],
        places: &[
            ("Termoli", TERMOLI, Sector::Agriculture),
            ("Campomarino", TERMOLI, Sector::Agriculture),
            ("Portocannone", TERMOLI, Sector::Agriculture),
            ("San Martino in Pensilis", TERMOLI, Sector::Agriculture),
            ("Termoli, zona industriale", TERMOLI, Sector::Manufacturing),
            ("Larino", LARINO, Sector::Agriculture),
            ("Campobasso", CAMPOBASSO, Sector::Construction),
        ],
    },
];

// ---------------------------------------------------------------------------
// What operators write.

/// The ILO forced-labour indicators (`shared/reference/indicators.yaml`).
const INSTRUMENT: (&str, &str) = ("ilo_forced_labour_11", "2012");
const INDICATORS: [&str; 11] = [
    "fl_abuse_of_vulnerability",
    "fl_deception",
    "fl_restriction_of_movement",
    "fl_isolation",
    "fl_physical_sexual_violence",
    "fl_intimidation_threats",
    "fl_retention_of_documents",
    "fl_withholding_of_wages",
    "fl_debt_bondage",
    "fl_abusive_working_living_conditions",
    "fl_excessive_overtime",
];

/// What the person told the operator about their work (`{place}` is filled
/// in), and the indicators that story answers yes to.
const WORK_ACCOUNTS: &[(WorkSector, &str, &[&str])] = &[
    (
        Sector::Agriculture,
        "Bracciante nelle serre di {place}: 10-11 ore al giorno, sette giorni su sette, 4 euro l'ora \
         contro i 9 del contratto provinciale. Il trasporto nei campi lo organizza un connazionale che \
         trattiene 5 euro al giorno.",
        &[
            "fl_withholding_of_wages",
            "fl_excessive_overtime",
            "fl_debt_bondage",
        ],
    ),
    (
        Sector::Agriculture,
        "Raccolta di ortaggi a {place}, pagata a cottimo; in busta paga risultano 8 giornate al mese \
         contro le 26 lavorate. Vive in un casolare del datore di lavoro, in sei in una stanza.",
        &[
            "fl_withholding_of_wages",
            "fl_abusive_working_living_conditions",
            "fl_abuse_of_vulnerability",
        ],
    ),
    (
        Sector::Agriculture,
        "Lavora nei campi a {place} da due stagioni. All'arrivo gli era stato promesso un contratto \
         annuale; ha pagato 8.000 euro al reclutatore e restituisce ancora il debito.",
        &["fl_deception", "fl_debt_bondage"],
    ),
    (
        Sector::Construction,
        "Manovale in un cantiere edile a {place}, senza contratto e senza dispositivi di protezione; \
         pagato in contanti, con ritardi di settimane.",
        &["fl_withholding_of_wages", "fl_abusive_working_living_conditions"],
    ),
    (
        Sector::Logistics,
        "Facchino per una cooperativa di logistica a {place}: turni notturni pagati come diurni, ore in \
         busta paga molto inferiori a quelle lavorate.",
        &["fl_withholding_of_wages", "fl_excessive_overtime"],
    ),
    (
        Sector::DomesticWork,
        "Lavoro domestico presso una famiglia di {place}, senza contratto; il datore di lavoro tiene il \
         passaporto \"per sicurezza\" e non lo restituisce.",
        &["fl_retention_of_documents", "fl_abuse_of_vulnerability"],
    ),
    (
        Sector::CareWork,
        "Assistenza familiare convivente a {place}: reperibile giorno e notte, un pomeriggio libero a \
         settimana, stipendio sotto il minimo contrattuale.",
        &["fl_excessive_overtime", "fl_isolation", "fl_withholding_of_wages"],
    ),
    (
        Sector::Manufacturing,
        "Lavora in un laboratorio tessile a {place}: turni di 12 ore, sette giorni su sette; dorme nel \
         capannone accanto alle macchine.",
        &[
            "fl_excessive_overtime",
            "fl_abusive_working_living_conditions",
            "fl_restriction_of_movement",
        ],
    ),
    (
        Sector::Hospitality,
        "Aiuto cuoco e lavapiatti in un ristorante a {place}: contratto part-time, ma lavora più di 60 \
         ore a settimana; straordinari mai pagati.",
        &["fl_excessive_overtime", "fl_withholding_of_wages", "fl_deception"],
    ),
    (
        Sector::Other,
        "Lavori saltuari a {place} procurati da un intermediario che trattiene metà della paga.",
        &["fl_withholding_of_wages", "fl_abuse_of_vulnerability"],
    ),
];

/// What an ordinary labour dispute sounds like: no sign of exploitation.
const ORDINARY_DISPUTE: &str = "Chiede informazioni su una differenza di paga con il datore di lavoro a \
     {place}; contratto regolare, nessun altro problema riferito.";

/// What an operator adds for each urgent need, with the indicator it confirms.
const URGENT_NOTES: [(&str, Option<&str>); 4] = [
    (
        "Riferisce minacce del datore di lavoro dopo aver chiesto la paga arretrata; teme ritorsioni.",
        Some("fl_intimidation_threats"),
    ),
    (
        "Lamenta un infortunio alla mano mai denunciato e forti dolori alla schiena; non ha medico di base.",
        None,
    ),
    (
        "Ha lasciato l'alloggio del datore di lavoro e da alcuni giorni dorme in stazione.",
        Some("fl_abusive_working_living_conditions"),
    ),
    (
        "È con due figli minori, uno dei quali non è iscritto a scuola.",
        None,
    ),
];

/// The urgent needs of the reported cases, in turn, so the secretariat's
/// queue shows every kind of priority.
const QUEUE_URGENCIES: [UrgentNeeds; 6] = [
    urgent(true, false, false, false),
    urgent(false, true, false, false),
    urgent(false, false, true, false),
    urgent(false, false, false, true),
    urgent(false, true, true, false),
    urgent(false, false, false, false),
];

/// Emergencies are danger or the street; in turn as well.
const EMERGENCY_URGENCIES: [UrgentNeeds; 3] = [
    urgent(true, false, false, false),
    urgent(false, false, true, false),
    urgent(true, false, false, true),
];

const fn urgent(danger: bool, health: bool, no_shelter: bool, minors: bool) -> UrgentNeeds {
    UrgentNeeds {
        danger,
        health,
        no_shelter,
        minors,
    }
}

const ANONYMOUS_NOTE: &str = "Contatto durante l'uscita serale a {place}: ha accettato acqua e il volantino \
     nella sua lingua, ma non ha voluto lasciare il nome. Da ricontattare alla prossima uscita.";
const DRAFT_NOTE: &str = "Scheda da completare: manca la verifica dei documenti.";
const FOLLOW_UP_NOTE: &str = "Ripassato allo sportello dopo una settimana: conferma quanto riferito e porta \
     le buste paga degli ultimi tre mesi.";

/// How the operators of each kind of organisation meet the people they
/// record.
fn channels(kind: Option<Kind>) -> &'static [Weighted<ContactChannel>] {
    use ContactChannel as C;
    match kind {
        Some(Kind::MobileUnit) => &[(C::MobileUnit, 3), (C::Other, 1)],
        Some(Kind::Union) => &[(C::Union, 3), (C::SelfReferral, 1), (C::LabourInspection, 1)],
        Some(Kind::ReceptionCentre) => &[(C::ReceptionCentre, 1)],
        _ => &[
            (C::Desk, 3),
            (C::SelfReferral, 2),
            (C::ReferralFromService, 1),
            (C::Helpline, 1),
            (C::LabourInspection, 1),
            (C::HealthService, 1),
            (C::TerritorialCommission, 1),
        ],
    }
}

/// How the secretariat records its check of a declared legal status.
fn legal_status_checked(status: Option<DeclaredLegalStatus>) -> &'static str {
    match status.unwrap_or(Status::Unknown) {
        Status::ItalianOrEuCitizen => "Cittadinanza UE: diritto di soggiorno, nessun permesso necessario.",
        Status::ResidencePermit => {
            "Permesso di soggiorno per lavoro subordinato valido, verificato con la Questura."
        }
        Status::PermitExpired => {
            "Permesso scaduto: rinnovo possibile; valutato il permesso per casi speciali (art. 18-ter TUI)."
        }
        Status::AsylumSeeker => {
            "Domanda di protezione internazionale pendente presso la Commissione territoriale."
        }
        Status::InternationalProtection => {
            "Titolare di protezione internazionale o temporanea in corso di validità."
        }
        Status::NoPermit => "Senza titolo di soggiorno: valutato il permesso ex art. 22, c. 12-quater TUI.",
        Status::Unknown => "Da verificare: la persona non aveva con sé documenti.",
    }
}

/// Where a case may be referred, and why, in the order tried.
const REFERRALS: &[(Kind, &str)] = &[
    (
        Kind::AntiTrafficking,
        "Indicatori di tratta a scopo di sfruttamento sessuale: presa in carico dal progetto antitratta.",
    ),
    (
        Kind::ReceptionCentre,
        "Chiede soltanto un posto in accoglienza; nessun bisogno di percorso: inviata al centro SAI/CAS.",
    ),
    (
        Kind::TerritorialCommission,
        "Elementi rilevanti per la domanda di protezione internazionale: segnalazione alla Commissione territoriale.",
    ),
    (
        Kind::Union,
        "Controversia di lavoro da seguire con l'ufficio vertenze del sindacato.",
    ),
];

const NOT_IN_SCOPE: &[&str] = &[
    "Vertenza retributiva ordinaria senza indicatori di grave sfruttamento: indirizzata alla tutela sindacale.",
    "La persona non intende proseguire e al colloquio non emergono indicatori di sfruttamento.",
    "Residenza e lavoro fuori regione: informata sui servizi della regione in cui vive.",
];

const TRIAGE_NOTE: &str = "Presa in esame: colloquio fissato con il mediatore linguistico.";
const PATH_SUMMARY: &str = "Indicatori di sfruttamento lavorativo confermati al colloquio; la persona chiede \
     un percorso di uscita e accetta la presa in carico.";
const EMERGENCY_SUMMARY: &str = "Rischio immediato: attivata l'accoglienza in emergenza con il sistema \
     antitratta e il pronto intervento sociale.";
const OUT_OF_EMERGENCY: &str = "Messa in sicurezza completata; avvio del percorso personalizzato.";
const AGREEMENT_NOTE: &str = "Piano illustrato con il mediatore linguistico; modulo di adesione firmato.";
const IN_FORCE_NOTE: &str = "Piano in vigore: avvio delle azioni.";
const APPROVAL_COMMENT: &str = "Disponibilità confermata: primo appuntamento fissato.";
const DROPPED_ACTION: &str = "La persona ha rinunciato: orari incompatibili con il nuovo lavoro.";

/// A need area as the case manager writes it: two ways a need may present,
/// the action that answers each, what is noted when it is done, who is
/// responsible (by kind, in order of preference) and when it is due.
struct NeedTemplate {
    area: NeedArea,
    label: &'static str,
    needs: [&'static str; 2],
    actions: [&'static str; 2],
    done: &'static str,
    responsible: &'static [Kind],
    due_in_days: u64,
}

const NEED_TEMPLATES: &[NeedTemplate] = &[
    NeedTemplate {
        area: NeedArea::Training,
        label: "formazione",
        needs: [
            "Nessuna qualifica professionale riconosciuta in Italia.",
            "Esperienza da trattorista nel paese d'origine, senza abilitazione valida in Italia.",
        ],
        actions: [
            "Laboratorio professionale di 80 ore per operatore agricolo qualificato.",
            "Corso di 40 ore per l'abilitazione all'uso delle macchine agricole.",
        ],
        done: "Laboratorio concluso con attestato di frequenza.",
        responsible: &[Kind::TrainingBody, Kind::JobCentre],
        due_in_days: 90,
    },
    NeedTemplate {
        area: NeedArea::Work,
        label: "lavoro",
        needs: [
            "Cerca un lavoro regolare, con contratto e busta paga corretta.",
            "Vuole lasciare l'attuale datore di lavoro ma teme di restare senza reddito.",
        ],
        actions: [
            "Colloquio di orientamento, bilancio delle competenze e candidatura alle offerte della rete.",
            "Tirocinio extracurricolare di 6 mesi presso un'impresa aderente alla rete.",
        ],
        done: "Avviato un rapporto di lavoro regolare.",
        responsible: &[Kind::JobCentre],
        due_in_days: 60,
    },
    NeedTemplate {
        area: NeedArea::Housing,
        label: "alloggio",
        needs: [
            "Vive in un alloggio sovraffollato messo a disposizione dal datore di lavoro.",
            "Senza dimora: dorme in un casolare abbandonato.",
        ],
        actions: [
            "Inserimento in un alloggio di transizione e richiesta del buono casa.",
            "Accompagnamento nella ricerca di una stanza in affitto con contratto registrato.",
        ],
        done: "Ingresso nell'alloggio avvenuto.",
        responsible: &[
            Kind::SocialServices,
            Kind::ThirdSector,
            Kind::ReceptionCentre,
            Kind::Municipality,
        ],
        due_in_days: 30,
    },
    NeedTemplate {
        area: NeedArea::Health,
        label: "salute",
        needs: [
            "Nessuna iscrizione al Servizio sanitario regionale e nessun medico di base.",
            "Dolori lombari cronici dovuti al lavoro nei campi; un infortunio alla mano mai curato.",
        ],
        actions: [
            "Iscrizione al Servizio sanitario regionale e scelta del medico di base.",
            "Visita di medicina del lavoro presso l'ASL e ciclo di fisioterapia.",
        ],
        done: "Iscrizione al Servizio sanitario completata e visita effettuata.",
        responsible: &[Kind::HealthAuthority, Kind::SocialServices],
        due_in_days: 21,
    },
    NeedTemplate {
        area: NeedArea::LegalAid,
        label: "assistenza legale",
        needs: [
            "Crediti retributivi non pagati per circa sei mesi di lavoro.",
            "Vuole valutare una denuncia per intermediazione illecita e sfruttamento del lavoro (art. 603-bis c.p.).",
        ],
        actions: [
            "Consulenza legale e avvio della vertenza per le differenze retributive.",
            "Accompagnamento legale alla denuncia e richiesta del permesso per casi speciali.",
        ],
        done: "Vertenza avviata; tentativo di conciliazione fissato.",
        responsible: &[Kind::Union, Kind::ThirdSector, Kind::AntiTrafficking],
        due_in_days: 60,
    },
    NeedTemplate {
        area: NeedArea::UnionAid,
        label: "tutela sindacale",
        needs: [
            "Non conosce il contratto provinciale degli operai agricoli né i propri diritti.",
            "Ha diritto alla disoccupazione agricola ma non ha mai presentato domanda.",
        ],
        actions: [
            "Incontro informativo sul contratto di lavoro e sui diritti sindacali.",
            "Domanda di disoccupazione agricola tramite il patronato.",
        ],
        done: "Domanda presentata tramite il patronato.",
        responsible: &[Kind::Union],
        due_in_days: 30,
    },
    NeedTemplate {
        area: NeedArea::SocialSupport,
        label: "sostegno sociale",
        needs: [
            "Nessuna rete di riferimento sul territorio; forte isolamento.",
            "Reddito insufficiente durante la frequenza del corso.",
        ],
        actions: [
            "Presa in carico del servizio sociale e affiancamento di un tutor di comunità.",
            "Indennità di frequenza e buono trasporto.",
        ],
        done: "Indennità di frequenza e buono trasporto attivati.",
        responsible: &[Kind::SocialServices, Kind::ThirdSector],
        due_in_days: 30,
    },
    NeedTemplate {
        area: NeedArea::Documents,
        label: "documenti",
        needs: [
            "Permesso di soggiorno scaduto; rinnovo mai chiesto per paura di perdere il lavoro.",
            "Documenti trattenuti dal datore di lavoro; nessun documento d'identità con sé.",
        ],
        actions: [
            "Accompagnamento in Questura per il rinnovo del permesso di soggiorno.",
            "Richiesta del duplicato del passaporto al consolato e del codice fiscale all'Agenzia delle Entrate.",
        ],
        done: "Ricevuta della richiesta consegnata alla persona.",
        responsible: &[Kind::Union, Kind::ThirdSector, Kind::Desk],
        due_in_days: 45,
    },
    NeedTemplate {
        area: NeedArea::Language,
        label: "lingua italiana",
        needs: [
            "Conoscenza dell'italiano di livello pre-A1.",
            "Parla italiano ma non lo legge né lo scrive.",
        ],
        actions: [
            "Corso di italiano L2, livello A1, presso il CPIA.",
            "Corso serale di alfabetizzazione e italiano per il lavoro.",
        ],
        done: "Test di italiano A2 superato.",
        responsible: &[Kind::TrainingBody, Kind::ThirdSector],
        due_in_days: 120,
    },
];

fn need_template(area: NeedArea) -> AppResult<&'static NeedTemplate> {
    NEED_TEMPLATES
        .iter()
        .find(|t| t.area == area)
        .ok_or(AppError::NotFound("demo need template"))
}

// ---------------------------------------------------------------------------
// Stories: each person's path, planned as data before anything is stored.

/// How far along the pathway a demo person's story goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Anonymous contact, screening kept as a draft.
    Anonymous,
    /// Named person, screening not sent yet.
    Draft,
    Reported,
    Assessing,
    Emergency,
    NotInScope,
    ReferredElsewhere,
    Planning,
    PlanReview,
    Inclusion,
    GoalsMet,
    DroppedOut,
    MovedRegion,
}

/// How many of every forty people reach each stage.
const STAGE_WEIGHTS: [(Stage, usize); 13] = [
    (Stage::Anonymous, 3),
    (Stage::Draft, 2),
    (Stage::Reported, 5),
    (Stage::Assessing, 3),
    (Stage::Emergency, 3),
    (Stage::NotInScope, 2),
    (Stage::ReferredElsewhere, 2),
    (Stage::Planning, 4),
    (Stage::PlanReview, 3),
    (Stage::Inclusion, 7),
    (Stage::GoalsMet, 3),
    (Stage::DroppedOut, 2),
    (Stage::MovedRegion, 1),
];

/// Why and how the stages that end the path close the case.
fn closing(stage: Stage) -> Option<(ClosingReason, &'static str)> {
    match stage {
        Stage::GoalsMet => Some((
            ClosingReason::GoalsMet,
            "Contratto regolare e alloggio autonomo: obiettivi del piano raggiunti.",
        )),
        Stage::DroppedOut => Some((
            ClosingReason::DroppedOut,
            "Non si presenta agli appuntamenti da oltre un mese e il telefono risulta spento.",
        )),
        Stage::MovedRegion => Some((
            ClosingReason::MovedRegion,
            "Trasferito in Puglia per la raccolta del pomodoro; informati i servizi della regione di arrivo.",
        )),
        _ => None,
    }
}

/// One demo person's path, decided in advance.
#[derive(Debug, Clone)]
struct Story {
    region: RegionCode,
    stage: Stage,
    person: PersonInput,
    profile: FirstProfileInput,
    /// Index among the region's frontline, case manager users.
    recorder: usize,
    case_manager: usize,
    zonal_group: &'static str,
    /// Through emergency protection before the personalised path.
    via_emergency: bool,
    /// A second screening sent before triage.
    follow_up: bool,
    /// Need areas with the variant of their text.
    needs: Vec<(NeedArea, usize)>,
    /// The working group first asks for this need to be added.
    requested_change: Option<NeedArea>,
    /// For those who drop out: before the plan is even submitted.
    early_exit: bool,
    /// Index into [`REFERRALS`] and [`NOT_IN_SCOPE`].
    referral: usize,
}

fn pick<T: Copy>(rng: &mut StdRng, items: &[T]) -> T {
    items[rng.gen_range(0..items.len())]
}

fn pick_weighted<T: Copy>(rng: &mut StdRng, items: &[Weighted<T>]) -> T {
    let total: u32 = items.iter().map(|(_, weight)| weight).sum();
    let mut ticket = rng.gen_range(0..total.max(1));
    for &(item, weight) in items {
        if ticket < weight {
            return item;
        }
        ticket -= weight;
    }
    items[0].0
}

/// Splits `total` people over weighted stages: at least one each, the rest
/// in proportion, what rounding leaves going to the heaviest stages.
fn allocate(total: usize, weights: &[usize]) -> Vec<usize> {
    let sum: usize = weights.iter().sum();
    let spare = total.saturating_sub(weights.len());
    let mut counts: Vec<usize> = weights.iter().map(|w| 1 + spare * w / sum.max(1)).collect();
    let mut heaviest: Vec<usize> = (0..weights.len()).collect();
    heaviest.sort_by_key(|&i| std::cmp::Reverse(weights[i]));
    let left = total.saturating_sub(counts.iter().sum());
    for &i in heaviest.iter().cycle().take(left) {
        counts[i] += 1;
    }
    counts
}

/// Every demo person's story, in the order they are recorded: shuffled, so
/// lists mix regions and stages as real work would.
fn stories(rng: &mut StdRng) -> Vec<Story> {
    let weights = STAGE_WEIGHTS.map(|(_, weight)| weight);
    let mut all = Vec::new();
    for region in REGIONS {
        let counts = allocate(region.persons, &weights);
        for ((stage, _), count) in STAGE_WEIGHTS.iter().zip(counts) {
            for ordinal in 0..count {
                all.push(story(rng, region, *stage, ordinal));
            }
        }
    }
    all.shuffle(rng);
    all
}

fn origin(code: &str) -> &'static Origin {
    ORIGINS.iter().find(|o| o.country == code).unwrap_or(&ORIGINS[0])
}

/// A birth date for someone `age` years old in [`BIRTH_ANCHOR_YEAR`].
fn birth_date(rng: &mut StdRng, age: i32) -> Option<NaiveDate> {
    NaiveDate::from_yo_opt(BIRTH_ANCHOR_YEAR - age, rng.gen_range(1..=365))
}

/// An Italian mobile number, as people give it.
fn phone(rng: &mut StdRng) -> String {
    format!(
        "+39 3{}{} {:03} {:04}",
        rng.gen_range(2..=9),
        rng.gen_range(0..=9),
        rng.gen_range(0..1000),
        rng.gen_range(0..10000)
    )
}

/// A workplace of the region where the sector is found; care and domestic
/// work happen anywhere.
fn place(rng: &mut StdRng, region: &RegionProfile, sector: WorkSector) -> Place {
    let fitting: Vec<Place> = region.places.iter().copied().filter(|p| p.2 == sector).collect();
    if fitting.is_empty() {
        pick(rng, region.places)
    } else {
        pick(rng, &fitting)
    }
}

fn urgent_needs(rng: &mut StdRng, stage: Stage, ordinal: usize) -> UrgentNeeds {
    match stage {
        Stage::Reported => QUEUE_URGENCIES[ordinal % QUEUE_URGENCIES.len()],
        Stage::Emergency => EMERGENCY_URGENCIES[ordinal % EMERGENCY_URGENCIES.len()],
        Stage::NotInScope => UrgentNeeds::default(),
        _ => urgent(
            rng.gen_bool(0.08),
            rng.gen_bool(0.15),
            rng.gen_bool(0.10),
            rng.gen_bool(0.05),
        ),
    }
}

/// The operator's note and indicator answers for what the person told.
fn account(
    rng: &mut StdRng,
    stage: Stage,
    sector: WorkSector,
    place: &str,
    needs: UrgentNeeds,
) -> (String, IndicatorSheet) {
    let (text, confirmed): (&str, &[&str]) = match stage {
        Stage::Anonymous => (ANONYMOUS_NOTE, &[]),
        Stage::NotInScope => (ORDINARY_DISPUTE, &[]),
        _ => {
            let told_in = |wanted| WORK_ACCOUNTS.iter().filter(move |a| a.0 == wanted);
            // A sector with no story of its own gets the generic one.
            let mut told: Vec<_> = told_in(sector).collect();
            if told.is_empty() {
                told = told_in(Sector::Other).collect();
            }
            let (_, text, confirmed) = *pick(rng, &told);
            (text, confirmed)
        }
    };
    let mut note = text.replace("{place}", place);
    let mut yes: Vec<&str> = confirmed.to_vec();
    let flags = [needs.danger, needs.health, needs.no_shelter, needs.minors];
    for ((addendum, indicator), _) in URGENT_NOTES.iter().zip(flags).filter(|(_, on)| *on) {
        note.push(' ');
        note.push_str(addendum);
        yes.extend(indicator);
    }
    if stage == Stage::Draft {
        note.push(' ');
        note.push_str(DRAFT_NOTE);
    }
    let ordinary = matches!(stage, Stage::NotInScope);
    let answers = INDICATORS
        .iter()
        .map(|id| {
            let answer = if yes.contains(id) {
                Answer::Yes
            } else {
                match rng.gen_range(0..20) {
                    0..=2 if !ordinary => Answer::Yes,
                    0..=6 => Answer::Unknown,
                    _ => Answer::No,
                }
            };
            ((*id).to_owned(), answer)
        })
        .collect();
    let sheet = IndicatorSheet {
        instrument_id: Some(INSTRUMENT.0.to_owned()),
        instrument_version: Some(INSTRUMENT.1.to_owned()),
        answers,
    };
    (note, sheet)
}

/// The need areas of a plan: work always, documents, language, housing and
/// health when the first profile asks for them, then others up to 3-5.
fn plan_needs(
    rng: &mut StdRng,
    status: DeclaredLegalStatus,
    languages: &[String],
    needs: UrgentNeeds,
) -> Vec<(NeedArea, usize)> {
    let mut areas = vec![NeedArea::Work];
    if matches!(status, Status::PermitExpired | Status::NoPermit | Status::Unknown) {
        areas.push(NeedArea::Documents);
    }
    if !languages.iter().any(|l| l == "it") {
        areas.push(NeedArea::Language);
    }
    if needs.no_shelter {
        areas.push(NeedArea::Housing);
    }
    if needs.health {
        areas.push(NeedArea::Health);
    }
    let target = rng.gen_range(3..=5);
    let mut optional = [
        NeedArea::Training,
        NeedArea::LegalAid,
        NeedArea::UnionAid,
        NeedArea::SocialSupport,
        NeedArea::Housing,
        NeedArea::Health,
    ];
    optional.shuffle(rng);
    for area in optional {
        if areas.len() >= target {
            break;
        }
        if !areas.contains(&area) {
            areas.push(area);
        }
    }
    areas
        .into_iter()
        .map(|area| (area, rng.gen_range(0..2)))
        .collect()
}

/// Who the operator recorded: a name, or a description for someone who
/// gave none.
fn person(rng: &mut StdRng, origin: &Origin, female: bool, age: i32, anonymous: bool) -> PersonInput {
    let (names, surnames) = if female {
        let surnames = if origin.female_surnames.is_empty() {
            origin.surnames
        } else {
            origin.female_surnames
        };
        (origin.female_names, surnames)
    } else {
        (origin.male_names, origin.surnames)
    };
    if anonymous {
        let sex = if female { "Donna" } else { "Uomo" };
        let about = (age + 2) / 5 * 5;
        PersonInput {
            anonymous: true,
            alias: Some(format!(
                "{sex}, circa {about} anni, parla {}",
                origin.language_name
            )),
            sex: Some(if female { Sex::Female } else { Sex::Male }),
            nationality: rng.gen_bool(0.7).then(|| origin.country.to_owned()),
            ..PersonInput::default()
        }
    } else {
        PersonInput {
            anonymous: false,
            given_name: Some(pick(rng, names).to_owned()),
            surname: Some(pick(rng, surnames).to_owned()),
            alias: None,
            sex: Some(if female { Sex::Female } else { Sex::Male }),
            date_of_birth: if rng.gen_bool(0.9) {
                birth_date(rng, age)
            } else {
                None
            },
            nationality: Some(origin.country.to_owned()),
            phone: rng.gen_bool(0.85).then(|| phone(rng)),
        }
    }
}

fn story(rng: &mut StdRng, region: &RegionProfile, stage: Stage, ordinal: usize) -> Story {
    let origin = origin(pick_weighted(rng, region.origins));
    let female = rng.gen_range(0..100) < origin.female_percent;
    let age = rng.gen_range(19..=58);
    let mut languages = vec![origin.languages[0].to_owned()];
    for other in &origin.languages[1..] {
        if rng.gen_bool(0.5) {
            languages.push((*other).to_owned());
        }
    }
    if !languages.iter().any(|l| l == "it") && rng.gen_bool(0.35) {
        languages.push("it".to_owned());
    }
    let sector = if female && rng.gen_bool(0.35) {
        pick(rng, &[Sector::CareWork, Sector::DomesticWork])
    } else {
        pick_weighted(rng, origin.sectors)
    };
    let (place_name, zonal_group, _) = place(rng, region, sector);
    let status = pick_weighted(rng, origin.statuses);
    let needs = urgent_needs(rng, stage, ordinal);
    let anonymous = stage == Stage::Anonymous;
    let person = person(rng, origin, female, age, anonymous);
    let frontline: Vec<_> = staff_of(region.code, Role::Frontline).collect();
    let recorder = rng.gen_range(0..frontline.len().max(1));
    let recorder_kind = frontline
        .get(recorder)
        .and_then(|seed| organisation_kind(region.code, seed.4));
    let channel = if anonymous {
        ContactChannel::MobileUnit
    } else {
        pick_weighted(rng, channels(recorder_kind))
    };
    let (notes, indicators) = account(rng, stage, sector, place_name, needs);
    let sent = !matches!(stage, Stage::Anonymous | Stage::Draft);
    let plan = plan_needs(rng, status, &languages, needs);
    let requested_change = rng
        .gen_bool(0.25)
        .then(|| {
            [
                NeedArea::Housing,
                NeedArea::SocialSupport,
                NeedArea::Training,
                NeedArea::LegalAid,
            ]
            .into_iter()
            .find(|area| !plan.iter().any(|(a, _)| a == area))
        })
        .flatten();
    Story {
        region: region.code,
        stage,
        profile: FirstProfileInput {
            contact_channel: Some(channel),
            work_place: Some(place_name.to_owned()),
            sector: Some(sector),
            legal_status: (!anonymous || rng.gen_bool(0.5)).then_some(status),
            urgent: needs,
            languages,
            consent_to_referral: sent || rng.gen_bool(0.3),
            notes: Some(notes),
            indicators,
        },
        person,
        recorder,
        case_manager: rng.gen_range(0..staff_of(region.code, Role::CaseManager).count().max(1)),
        zonal_group,
        via_emergency: needs.danger || needs.no_shelter,
        follow_up: stage == Stage::Reported && ordinal.is_multiple_of(3),
        needs: plan,
        requested_change,
        early_exit: rng.gen_bool(0.5),
        referral: rng.gen_range(0..REFERRALS.len()),
    }
}

// ---------------------------------------------------------------------------
// Playing the stories through the use cases.

/// The demo users and organisations of one region, who act in its stories.
struct Cast {
    region: RegionCode,
    organisations: Vec<Organisation>,
    secretariat: Option<User>,
    frontline: Vec<User>,
    case_managers: Vec<User>,
    services: Vec<User>,
}

impl Cast {
    fn new(region: RegionCode, organisations: &[Organisation]) -> Self {
        Self {
            region,
            organisations: organisations
                .iter()
                .filter(|o| o.region == region)
                .cloned()
                .collect(),
            secretariat: None,
            frontline: Vec::new(),
            case_managers: Vec::new(),
            services: Vec::new(),
        }
    }

    fn join(&mut self, user: User) {
        match user.role {
            Role::Secretariat => self.secretariat = Some(user),
            Role::Frontline => self.frontline.push(user),
            Role::CaseManager => self.case_managers.push(user),
            Role::Service => self.services.push(user),
            _ => {}
        }
    }

    fn secretariat(&self) -> AppResult<&User> {
        self.secretariat
            .as_ref()
            .ok_or(AppError::NotFound("demo secretariat user"))
    }

    fn nth(users: &[User], index: usize) -> AppResult<&User> {
        users.get(index).ok_or(AppError::NotFound("demo user"))
    }

    /// The first organisation of the region of the first kind it has.
    fn organisation_of(&self, kinds: &[Kind]) -> Option<OrganisationId> {
        kinds
            .iter()
            .find_map(|kind| self.organisations.iter().find(|o| o.kind == *kind))
            .map(|o| o.id)
    }

    /// Who marks an action: the team member of the organisation responsible
    /// for it, or the case manager.
    fn action_owner<'a>(&'a self, manager: &'a User, responsible: OrganisationId) -> &'a User {
        self.services
            .iter()
            .find(|s| s.organisation_id == Some(responsible))
            .unwrap_or(manager)
    }

    /// The plan a case manager writes for these needs; an area no
    /// organisation of the region covers stays with the case manager's own.
    fn plan(&self, manager: &User, needs: &[(NeedArea, usize)]) -> AppResult<PlanInput> {
        let today = Utc::now().date_naive();
        let mut plan = PlanInput::default();
        for &(area, variant) in needs {
            let template = need_template(area)?;
            let variant = variant % 2;
            let responsible = self
                .organisation_of(template.responsible)
                .or(manager.organisation_id)
                .ok_or(AppError::NotFound("demo organisation"))?;
            plan.needs.push(NeedInput {
                area,
                description: template.needs[variant].to_owned(),
            });
            plan.actions.push(ActionInput {
                area,
                description: template.actions[variant].to_owned(),
                responsible_organisation_id: responsible,
                due_date: today.checked_add_days(Days::new(template.due_in_days)),
            });
        }
        Ok(plan)
    }

    /// The assessment that closes a case at triage or sends it to emergency.
    fn decision(&self, story: &Story) -> AssessmentInput {
        let mut input = assessment(Decision::EmergencyResponse, story);
        match story.stage {
            Stage::NotInScope => {
                input.decision = Decision::NotInScope;
                input.summary = None;
                input.reason = Some(NOT_IN_SCOPE[story.referral % NOT_IN_SCOPE.len()].to_owned());
            }
            Stage::ReferredElsewhere => {
                // The story's choice if the region has such a body, else the next one.
                let target = (0..REFERRALS.len())
                    .map(|i| REFERRALS[(story.referral + i) % REFERRALS.len()])
                    .find_map(|(kind, reason)| self.organisation_of(&[kind]).map(|id| (id, reason)));
                input.decision = Decision::ReferElsewhere;
                input.summary = None;
                input.referred_to = target.map(|(id, _)| id);
                input.reason = target.map(|(_, reason)| reason.to_owned());
            }
            _ => {}
        }
        input
    }
}

fn assessment(decision: Decision, story: &Story) -> AssessmentInput {
    AssessmentInput {
        decision,
        legal_status_checked: Some(legal_status_checked(story.profile.legal_status).to_owned()),
        summary: Some(
            if decision == Decision::EmergencyResponse {
                EMERGENCY_SUMMARY
            } else {
                PATH_SUMMARY
            }
            .to_owned(),
        ),
        zonal_group: None,
        case_manager_id: None,
        referred_to: None,
        reason: None,
    }
}

fn move_to(to: CaseState, note: &str) -> TransitionInput {
    TransitionInput {
        to,
        closing_reason: None,
        note: Some(note.to_owned()),
        case_manager_id: None,
        zonal_group: None,
    }
}

impl App {
    /// Loads the demo network, once. If `admin@demo.soleil.local` exists the
    /// demo is there already and nothing is added. The admin is created last,
    /// so it exists only after a complete load; a load that failed half-way
    /// leaves its organisations behind, and the next one stops on them
    /// (`organisation_exists`) rather than adding a second, partial copy.
    pub async fn load_demo(&self) -> AppResult<DemoSummary> {
        let started = Instant::now();
        if self.demo_loaded().await? {
            return self.database_summary().await;
        }
        let mut organisations = Vec::with_capacity(ORGANISATIONS.len());
        for (region, kind, name) in ORGANISATIONS {
            let new = NewOrganisation::parse(name, *kind, *region)?;
            organisations.push(self.create_organisation_unattended(new).await?);
        }
        let mut casts: Vec<Cast> = REGIONS
            .iter()
            .map(|r| Cast::new(r.code, &organisations))
            .collect();
        let mut users = 0;
        for seed in STAFF {
            let (region, role, _, name, organisation) = *seed;
            let organisation = organisations
                .iter()
                .find(|o| o.region == region && o.name == organisation)
                .ok_or(AppError::NotFound("demo organisation"))?;
            let user = self
                .create_demo_user(&staff_login(seed), name, role, Some(organisation.id))
                .await?;
            users += 1;
            if let Some(cast) = casts.iter_mut().find(|c| c.region == region) {
                cast.join(user);
            }
        }
        let mut rng = StdRng::seed_from_u64(SEED);
        let stories = stories(&mut rng);
        let mut reached = Vec::with_capacity(stories.len());
        for story in &stories {
            let cast = casts
                .iter()
                .find(|c| c.region == story.region)
                .ok_or(AppError::NotFound("demo region"))?;
            if let Some(state) = self.play(cast, story).await? {
                reached.push(state);
            }
        }
        for (role, login, name) in NETWORK_ACCOUNTS {
            self.create_demo_user(login, name, *role, None).await?;
            users += 1;
        }
        let cases_by_state = CaseState::all()
            .map(|state| (state, reached.iter().filter(|s| **s == state).count()))
            .collect();
        tracing::info!(
            persons = stories.len(),
            elapsed_ms = started.elapsed().as_millis(),
            "demo network loaded"
        );
        Ok(DemoSummary {
            organisations: organisations.len(),
            users,
            persons: stories.len(),
            cases_by_state,
            accounts: demo_accounts(),
            already_loaded: false,
        })
    }

    async fn demo_loaded(&self) -> AppResult<bool> {
        let mut handle = self.store.handle().await?;
        let admin = network::user_by_email(handle.conn(), &email("admin")).await?;
        Ok(admin.is_some())
    }

    /// What the database holds now, for a demo that was loaded before.
    async fn database_summary(&self) -> AppResult<DemoSummary> {
        let count = |n: i64| usize::try_from(n).unwrap_or(0);
        let one = Page::new(0, 1);
        let mut handle = self.store.handle().await?;
        let (_, organisations) =
            network::organisations(handle.conn(), &OrganisationFilter::default(), one).await?;
        let (_, users) = network::users(handle.conn(), &UserFilter::default(), one).await?;
        let mut persons = 0;
        for region in RegionCode::all() {
            persons += count(
                persons::list(handle.conn(), Scope::Region(region), None, one)
                    .await?
                    .1,
            );
        }
        let by_state = cases::count_by_state(handle.conn(), None).await?;
        let cases_by_state = CaseState::all()
            .map(|state| {
                let n = by_state.iter().find(|(s, _)| *s == state).map_or(0, |(_, n)| *n);
                (state, count(n))
            })
            .collect();
        Ok(DemoSummary {
            organisations: count(organisations),
            users: count(users),
            persons,
            cases_by_state,
            accounts: demo_accounts(),
            already_loaded: true,
        })
    }

    async fn create_demo_user(
        &self,
        login: &str,
        name: &str,
        role: Role,
        organisation_id: Option<OrganisationId>,
    ) -> AppResult<User> {
        let input = UserInput {
            email: email(login),
            display_name: name.to_owned(),
            role,
            organisation_id,
            password: DEMO_PASSWORD.to_owned(),
        };
        self.create_user_unattended(&input).await
    }

    /// Plays one story as far as its stage; returns the state its case ends
    /// in, or `None` when no screening was sent and so no case opened.
    async fn play(&self, cast: &Cast, story: &Story) -> AppResult<Option<CaseState>> {
        let Some(case) = self.report(cast, story).await? else {
            return Ok(None);
        };
        if story.stage == Stage::Reported {
            return Ok(Some(CaseState::Reported));
        }
        let secretariat = cast.secretariat()?;
        let triaged = self
            .transition(secretariat, case, &move_to(CaseState::Assessing, TRIAGE_NOTE))
            .await?;
        if matches!(
            story.stage,
            Stage::Assessing | Stage::Emergency | Stage::NotInScope | Stage::ReferredElsewhere
        ) {
            if story.stage == Stage::Assessing {
                return Ok(Some(triaged.state));
            }
            let decided = self.assess(secretariat, case, &cast.decision(story)).await?;
            return Ok(Some(decided.state));
        }
        let manager = Cast::nth(&cast.case_managers, story.case_manager)?;
        self.open_path(cast, story, case, manager).await?;
        self.save_plan(manager, case, &cast.plan(manager, &story.needs)?)
            .await?;
        if story.stage == Stage::Planning || (story.stage == Stage::DroppedOut && story.early_exit) {
            return self.close_if_due(story, case, manager, CaseState::Planning).await;
        }
        for service in &cast.services {
            self.add_team_member(manager, case, service.id).await?;
        }
        let submitted = self.submit_plan(manager, case).await?;
        if story.stage == Stage::PlanReview {
            // One member of the group has answered; the others have not yet.
            if let Some(first) = cast.services.first() {
                self.review(first, case, ReviewVerdict::Approve, Some(APPROVAL_COMMENT))
                    .await?;
            }
            return Ok(Some(submitted.state));
        }
        if let Some(area) = story.requested_change {
            self.revise(cast, story, case, manager, area).await?;
        }
        for service in &cast.services {
            self.review(service, case, ReviewVerdict::Approve, None).await?;
        }
        let agreement = AgreementInput {
            note: Some(AGREEMENT_NOTE.to_owned()),
        };
        let plan = self.record_agreement(manager, case, &agreement).await?;
        self.transition(manager, case, &move_to(CaseState::Inclusion, IN_FORCE_NOTE))
            .await?;
        self.carry_out(cast, story.stage, case, manager, &plan).await?;
        self.close_if_due(story, case, manager, CaseState::Inclusion)
            .await
    }

    /// The first contact: person and screening, sent unless the story stops
    /// at a draft; a follow-up screening joins the case before triage.
    async fn report(&self, cast: &Cast, story: &Story) -> AppResult<Option<CaseId>> {
        let recorder = Cast::nth(&cast.frontline, story.recorder)?;
        let contact = ContactInput {
            person: story.person.clone(),
            screening: story.profile.clone(),
            send: !matches!(story.stage, Stage::Anonymous | Stage::Draft),
        };
        let (person, screening) = self.record_contact(recorder, &contact).await?;
        if !contact.send {
            return Ok(None);
        }
        if story.follow_up {
            let mut profile = story.profile.clone();
            profile.notes = Some(FOLLOW_UP_NOTE.to_owned());
            let again = ScreeningInput {
                person_id: person.id,
                profile,
                send: true,
            };
            self.create_screening(recorder, &again).await?;
        }
        screening
            .case_id
            .map(Some)
            .ok_or(AppError::NotFound("case of the sent screening"))
    }

    /// The secretariat opens the personalised path: straight away, or after
    /// emergency protection when the person was in danger or on the street.
    async fn open_path(&self, cast: &Cast, story: &Story, case: CaseId, manager: &User) -> AppResult<()> {
        let secretariat = cast.secretariat()?;
        if story.via_emergency {
            let input = assessment(Decision::EmergencyResponse, story);
            self.assess(secretariat, case, &input).await?;
            let onwards = TransitionInput {
                case_manager_id: Some(manager.id),
                zonal_group: Some(story.zonal_group.to_owned()),
                ..move_to(CaseState::Planning, OUT_OF_EMERGENCY)
            };
            self.transition(secretariat, case, &onwards).await?;
        } else {
            let input = AssessmentInput {
                zonal_group: Some(story.zonal_group.to_owned()),
                case_manager_id: Some(manager.id),
                ..assessment(Decision::PersonalisedPath, story)
            };
            self.assess(secretariat, case, &input).await?;
        }
        Ok(())
    }

    async fn review(
        &self,
        reviewer: &User,
        case: CaseId,
        verdict: ReviewVerdict,
        comment: Option<&str>,
    ) -> AppResult<Plan> {
        let input = ReviewInput {
            verdict,
            comment: comment.map(str::to_owned),
        };
        self.review_plan(reviewer, case, &input).await
    }

    /// The working group asks for a missing need; the case manager adds it
    /// and submits the plan again.
    async fn revise(
        &self,
        cast: &Cast,
        story: &Story,
        case: CaseId,
        manager: &User,
        area: NeedArea,
    ) -> AppResult<()> {
        let Some(reviewer) = cast.services.first() else {
            return Ok(());
        };
        let comment = format!(
            "Manca un'azione per l'area {}: da aggiungere prima dell'approvazione.",
            need_template(area)?.label
        );
        self.review(reviewer, case, ReviewVerdict::RequestChanges, Some(&comment))
            .await?;
        let mut needs = story.needs.clone();
        needs.push((area, 0));
        self.save_plan(manager, case, &cast.plan(manager, &needs)?)
            .await?;
        self.submit_plan(manager, case).await?;
        Ok(())
    }

    /// Marks the actions of the plan in force as far as the story goes: some
    /// done (and one dropped) while inclusion goes on, all done when the
    /// goals are met, the first only for those who leave.
    async fn carry_out(
        &self,
        cast: &Cast,
        stage: Stage,
        case: CaseId,
        manager: &User,
        plan: &Plan,
    ) -> AppResult<()> {
        let actions = &plan.actions;
        let done = match stage {
            Stage::GoalsMet => actions.len(),
            Stage::Inclusion | Stage::DroppedOut | Stage::MovedRegion => 1,
            _ => 0,
        };
        let dropped = usize::from(stage == Stage::Inclusion && actions.len() >= 4);
        let updates = actions.iter().take(done).map(|a| (a, ActionStatus::Done)).chain(
            actions
                .iter()
                .rev()
                .take(dropped)
                .map(|a| (a, ActionStatus::Dropped)),
        );
        for (action, status) in updates {
            let note = match status {
                ActionStatus::Dropped => DROPPED_ACTION,
                _ => need_template(action.area)?.done,
            };
            let input = ActionUpdateInput {
                status,
                note: Some(note.to_owned()),
            };
            let owner = cast.action_owner(manager, action.responsible_organisation_id);
            self.update_action(owner, case, action.id, &input).await?;
        }
        Ok(())
    }

    /// Closes the case if the story ends that way; otherwise it stays in
    /// `current`.
    async fn close_if_due(
        &self,
        story: &Story,
        case: CaseId,
        manager: &User,
        current: CaseState,
    ) -> AppResult<Option<CaseState>> {
        let Some((reason, note)) = closing(story.stage) else {
            return Ok(Some(current));
        };
        let input = TransitionInput {
            closing_reason: Some(reason),
            ..move_to(CaseState::Closed, note)
        };
        Ok(Some(self.transition(manager, case, &input).await?.state))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::Settings;

    #[test]
    fn the_tables_hold_together() {
        for &(region, _, _, name, organisation) in STAFF {
            assert!(
                organisation_kind(region, organisation).is_some(),
                "{name}: no {organisation} in {region}"
            );
        }
        for kind in Kind::all() {
            assert!(
                ORGANISATIONS.iter().any(|o| o.1 == kind),
                "no organisation is a {kind}"
            );
        }
        for region in RegionCode::all() {
            for role in [
                Role::Frontline,
                Role::Secretariat,
                Role::CaseManager,
                Role::Service,
                Role::Coordinator,
            ] {
                let standard = format!("{role}.{region}");
                assert!(
                    staff_of(region, role).any(|s| staff_login(s) == standard),
                    "no {standard}"
                );
            }
            assert!(REGIONS.iter().any(|r| r.code == region), "{region} has no people");
        }
        let emails: HashSet<_> = demo_accounts().into_iter().map(|(email, _)| email).collect();
        assert_eq!(emails.len(), STAFF.len() + NETWORK_ACCOUNTS.len());
        for area in NeedArea::all() {
            assert!(need_template(area).is_ok(), "no template for {area}");
        }
        for region in REGIONS {
            for (code, _) in region.origins {
                assert!(
                    ORIGINS.iter().any(|o| o.country == *code),
                    "unknown origin {code}"
                );
            }
        }
    }

    #[test]
    fn every_region_has_every_stage_and_lazio_the_most_people() {
        let stories = stories(&mut StdRng::seed_from_u64(SEED));
        assert_eq!(stories.len(), REGIONS.iter().map(|r| r.persons).sum::<usize>());
        for region in RegionCode::all() {
            for (stage, _) in STAGE_WEIGHTS {
                assert!(
                    stories.iter().any(|s| s.region == region && s.stage == stage),
                    "{region} has no {stage:?}"
                );
            }
        }
        let in_lazio = stories.iter().filter(|s| s.region == Laz).count();
        assert!(RegionCode::all().all(|r| stories.iter().filter(|s| s.region == r).count() <= in_lazio));
    }

    #[test]
    fn the_same_seed_gives_the_same_people() {
        let first = format!("{:?}", stories(&mut StdRng::seed_from_u64(SEED)));
        let second = format!("{:?}", stories(&mut StdRng::seed_from_u64(SEED)));
        assert_eq!(first, second);
    }

    #[test]
    fn allocation_gives_every_stage_someone_and_loses_nobody() {
        let counts = allocate(28, &[3, 2, 5, 1]);
        assert_eq!(counts.iter().sum::<usize>(), 28);
        assert!(counts.iter().all(|c| *c >= 1));
        assert!(counts[2] > counts[3]);
    }

    #[tokio::test]
    async fn the_demo_loads_once_with_every_stage_of_the_pathway() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.db");
        let settings = Settings {
            password_memory_kib: 1024,
            ..Settings::default()
        };
        let app = App::open(&format!("sqlite://{}", path.display()), settings)
            .await
            .unwrap();

        let summary = app.load_demo().await.unwrap();
        assert!(!summary.already_loaded);
        assert!(summary.persons >= 190, "{} persons", summary.persons);
        assert!(
            summary.organisations >= 35,
            "{} organisations",
            summary.organisations
        );
        for (state, count) in &summary.cases_by_state {
            assert!(*count > 0, "no case is {state}");
        }
        assert_eq!(summary.cases_by_state.len(), CaseState::all().count());

        let again = app.load_demo().await.unwrap();
        assert!(again.already_loaded);
        assert_eq!(again.persons, summary.persons);
        assert_eq!(again.organisations, summary.organisations);
        assert_eq!(again.users, summary.users);
        assert_eq!(again.cases_by_state, summary.cases_by_state);
        assert_eq!(again.accounts, summary.accounts);

        let secretariat = app
            .sign_in("secretariat.laz@demo.soleil.local", DEMO_PASSWORD)
            .await
            .unwrap()
            .user;
        let (queue, _) = app.queue(&secretariat, Page::default()).await.unwrap();
        assert!(!queue.is_empty());
        assert!(queue.iter().all(|c| c.case.region == Laz));
    }
}
