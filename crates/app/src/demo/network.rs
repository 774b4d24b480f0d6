//! The network: organisations and the people who work in them, and the
//! demo accounts created for them.

use soleil_domain::OrganisationKind as Kind;
use soleil_domain::RegionCode::{Abr, Laz, Mar, Mol, Tos};
use soleil_domain::organisation::PublicContacts;
use soleil_domain::{NewOrganisation, Organisation, OrganisationId, RegionCode, Role, User};
use soleil_store::network;

use super::{DEMO_DOMAIN, DEMO_PASSWORD};
use crate::accounts::UserInput;
use crate::{App, AppError, AppResult};

/// Region, kind and name of every demo organisation. (Kept one row a line,
/// like the other wide tables here: they read as tables.)
#[rustfmt::skip]
pub(super) const ORGANISATIONS: &[(RegionCode, Kind, &str)] = &[
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

/// The public contacts of the demo desks, mobile units, unions and
/// reception centres: region, name, address, phone, opening hours. All
/// made up — "Via degli Esempi" streets and 0000 phone numbers — so that a
/// demo shown in public sends nobody to a real door.
#[rustfmt::skip]
pub(super) const PUBLIC_CONTACTS: &[(RegionCode, &str, &str, &str, &str)] = &[
    (Laz, "Sportello lavoro e diritti – Latina", "Via degli Esempi 10, Latina", "0773 0000 101", "lun–ven 9–13, mar e gio anche 15–18"),
    (Laz, "PAS – Punto di accesso ai servizi di Fondi", "Piazza dell'Esempio 2, Fondi (LT)", "0771 0000 102", "mar e gio 9–13"),
    (Laz, "Unità mobile Agro Pontino", "Base: Via degli Esempi 14, Sabaudia (LT)", "0773 0000 103", "nei campi lun–sab; telefonare prima"),
    (Laz, "FLAI CGIL Latina", "Via Dimostrativa 5, Latina", "0773 0000 104", "lun–ven 9–12.30 e 15.30–18"),
    (Laz, "CAS Borgo Montello – Latina", "Strada dell'Esempio 1, Borgo Montello – Latina", "0773 0000 105", "ufficio tutti i giorni 9–17"),
    (Tos, "Sportello antisfruttamento – Prato", "Via degli Esempi 20, Prato", "0574 0000 201", "lun, mer, ven 9–13"),
    (Tos, "Unità mobile Maremma – Grosseto", "Base: Via Dimostrativa 3, Grosseto", "0564 0000 202", "nei campi lun–ven; telefonare prima"),
    (Tos, "FLAI CGIL Grosseto", "Piazza dell'Esempio 8, Grosseto", "0564 0000 203", "lun–ven 9–13 e 15–18"),
    (Abr, "Sportello lavoro migranti – Avezzano", "Via degli Esempi 30, Avezzano (AQ)", "0863 0000 301", "lun–ven 9–13"),
    (Abr, "Unità mobile Piana del Fucino", "Base: Via Dimostrativa 7, Celano (AQ)", "0863 0000 302", "nei campi lun–sab; telefonare prima"),
    (Abr, "FLAI CGIL Avezzano", "Piazza dell'Esempio 4, Avezzano (AQ)", "0863 0000 303", "lun–ven 9–12.30"),
    (Abr, "SAI Comune di Pescara", "Via degli Esempi 40, Pescara", "085 0000 304", "ufficio lun–ven 9–17"),
    (Mar, "Sportello antisfruttamento – San Benedetto del Tronto", "Via degli Esempi 50, San Benedetto del Tronto (AP)", "0735 0000 401", "mar e ven 9–13"),
    (Mar, "FLAI CGIL Ascoli Piceno", "Via Dimostrativa 9, Ascoli Piceno", "0736 0000 402", "lun–ven 9–13 e 15–18"),
    (Mol, "Sportello antisfruttamento – Termoli", "Via degli Esempi 60, Termoli (CB)", "0875 0000 501", "lun e gio 9–13"),
    (Mol, "Unità mobile Basso Molise", "Base: Via Dimostrativa 11, Termoli (CB)", "0875 0000 502", "nei campi lun–ven; telefonare prima"),
    (Mol, "FLAI CGIL Molise", "Piazza dell'Esempio 6, Campobasso", "0874 0000 503", "lun–ven 9–13"),
];

/// The public contacts of a demo organisation: listed when it has any.
fn demo_contacts(region: RegionCode, name: &str) -> PublicContacts {
    PUBLIC_CONTACTS
        .iter()
        .find(|(r, n, ..)| *r == region && *n == name)
        .map_or_else(PublicContacts::default, |(_, _, address, phone, hours)| {
            PublicContacts {
                address: Some((*address).to_owned()),
                phone: Some((*phone).to_owned()),
                opening_hours: Some((*hours).to_owned()),
                public_listing: true,
            }
        })
}

/// A regional account: region, role, login (`None` for the standard
/// `ROLE.REGION` login), display name and organisation.
type StaffSeed = (RegionCode, Role, Option<&'static str>, &'static str, &'static str);

/// Regional staff. Within a region and role the order matters: the first
/// frontline user, case manager… is the one a story's index 0 picks.
#[rustfmt::skip]
pub(super) const STAFF: &[StaffSeed] = &[
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
pub(super) const NETWORK_ACCOUNTS: &[(Role, &str, &str)] = &[
    (Role::Auditor, "auditor", "Enrico Sartori"),
    (Role::Admin, "admin", "Roberta Galli"),
];

fn email(login: &str) -> String {
    format!("{login}@{DEMO_DOMAIN}")
}

/// The login of a regional account: its own, or `ROLE.REGION`.
pub(super) fn staff_login(seed: &StaffSeed) -> String {
    let (region, role, login, _, _) = *seed;
    login.map_or_else(|| format!("{role}.{region}"), str::to_owned)
}

/// Every demo account in creation order, the admin last.
pub(super) fn demo_accounts() -> Vec<(String, Role)> {
    let regional = STAFF.iter().map(|seed| (email(&staff_login(seed)), seed.1));
    let network = NETWORK_ACCOUNTS
        .iter()
        .map(|(role, login, _)| (email(login), *role));
    regional.chain(network).collect()
}

pub(super) fn staff_of(region: RegionCode, role: Role) -> impl Iterator<Item = &'static StaffSeed> {
    STAFF.iter().filter(move |s| s.0 == region && s.1 == role)
}

pub(super) fn organisation_kind(region: RegionCode, name: &str) -> Option<Kind> {
    ORGANISATIONS
        .iter()
        .find(|(r, _, n)| *r == region && *n == name)
        .map(|(_, kind, _)| *kind)
}

impl App {
    /// Whether the demo is there already: its admin is created last.
    pub(super) async fn demo_loaded(&self) -> AppResult<bool> {
        let mut handle = self.store.handle().await?;
        let admin = network::user_by_email(handle.conn(), &email("admin")).await?;
        Ok(admin.is_some())
    }

    /// Every demo organisation, in table order.
    pub(super) async fn create_demo_organisations(&self) -> AppResult<Vec<Organisation>> {
        let mut organisations = Vec::with_capacity(ORGANISATIONS.len());
        for (region, kind, name) in ORGANISATIONS {
            let new =
                NewOrganisation::parse(name, *kind, *region)?.with_contacts(demo_contacts(*region, name));
            organisations.push(self.create_organisation_unattended(new).await?);
        }
        Ok(organisations)
    }

    /// The regional staff, in table order, each in their organisation.
    pub(super) async fn create_demo_staff(&self, organisations: &[Organisation]) -> AppResult<Vec<User>> {
        let mut users = Vec::with_capacity(STAFF.len());
        for seed in STAFF {
            let (region, role, _, name, organisation) = *seed;
            let organisation = organisations
                .iter()
                .find(|o| o.region == region && o.name == organisation)
                .ok_or(AppError::NotFound("demo organisation"))?;
            let user = self
                .create_demo_user(&staff_login(seed), name, role, Some(organisation.id))
                .await?;
            users.push(user);
        }
        Ok(users)
    }

    /// The network-wide accounts, the admin last; returns how many.
    pub(super) async fn create_network_accounts(&self) -> AppResult<usize> {
        let mut users = 0;
        for (role, login, name) in NETWORK_ACCOUNTS {
            self.create_demo_user(login, name, *role, None).await?;
            users += 1;
        }
        Ok(users)
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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every contact belongs to a demo organisation, and every desk, mobile
    /// unit, union and reception centre has contacts that parse.
    #[test]
    fn public_contacts_match_the_organisations() {
        for (region, name, address, phone, hours) in PUBLIC_CONTACTS {
            assert!(
                organisation_kind(*region, name).is_some(),
                "no {name} in {region}"
            );
            assert!(
                PublicContacts::parse(Some(address), Some(phone), Some(hours), true).is_ok(),
                "{name}"
            );
        }
        let public = [Kind::Desk, Kind::MobileUnit, Kind::Union, Kind::ReceptionCentre];
        for (region, kind, name) in ORGANISATIONS {
            let listed = demo_contacts(*region, name).public_listing;
            assert_eq!(listed, public.contains(kind), "{name}");
        }
    }
}
