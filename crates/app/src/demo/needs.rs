//! The needs a case manager writes into a plan: how each need area reads,
//! and which areas a person's plan covers.

use rand::Rng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use soleil_domain::DeclaredLegalStatus as Status;
use soleil_domain::OrganisationKind as Kind;
use soleil_domain::{DeclaredLegalStatus, NeedArea, UrgentNeeds};

use crate::{AppError, AppResult};

/// A need area as the case manager writes it: two ways a need may present,
/// the action that answers each, what is noted when it is done, who is
/// responsible (by kind, in order of preference) and when it is due.
pub(super) struct NeedTemplate {
    area: NeedArea,
    pub(super) label: &'static str,
    pub(super) needs: [&'static str; 2],
    pub(super) actions: [&'static str; 2],
    pub(super) done: &'static str,
    pub(super) responsible: &'static [Kind],
    pub(super) due_in_days: u64,
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

pub(super) fn need_template(area: NeedArea) -> AppResult<&'static NeedTemplate> {
    NEED_TEMPLATES
        .iter()
        .find(|t| t.area == area)
        .ok_or(AppError::NotFound("demo need template"))
}

/// The need areas of a plan: work always, documents, language, housing and
/// health when the first profile asks for them, then others up to 3-5.
pub(super) fn plan_needs(
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
