//! What the secretariat and the case managers write as a case moves: the
//! check of the legal status, the decisions at triage and the notes on the
//! way.

use soleil_domain::DeclaredLegalStatus as Status;
use soleil_domain::DeclaredLegalStatus;
use soleil_domain::OrganisationKind as Kind;

/// How the secretariat records its check of a declared legal status.
pub(super) fn legal_status_checked(status: Option<DeclaredLegalStatus>) -> &'static str {
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
pub(super) const REFERRALS: &[(Kind, &str)] = &[
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

pub(super) const NOT_IN_SCOPE: &[&str] = &[
    "Vertenza retributiva ordinaria senza indicatori di grave sfruttamento: indirizzata alla tutela sindacale.",
    "La persona non intende proseguire e al colloquio non emergono indicatori di sfruttamento.",
    "Residenza e lavoro fuori regione: informata sui servizi della regione in cui vive.",
];

pub(super) const TRIAGE_NOTE: &str = "Presa in esame: colloquio fissato con il mediatore linguistico.";
pub(super) const PATH_SUMMARY: &str = "Indicatori di sfruttamento lavorativo confermati al colloquio; la persona chiede \
     un percorso di uscita e accetta la presa in carico.";
pub(super) const EMERGENCY_SUMMARY: &str = "Rischio immediato: attivata l'accoglienza in emergenza con il sistema \
     antitratta e il pronto intervento sociale.";
pub(super) const OUT_OF_EMERGENCY: &str = "Messa in sicurezza completata; avvio del percorso personalizzato.";
pub(super) const AGREEMENT_NOTE: &str =
    "Piano illustrato con il mediatore linguistico; modulo di adesione firmato.";
pub(super) const IN_FORCE_NOTE: &str = "Piano in vigore: avvio delle azioni.";
pub(super) const APPROVAL_COMMENT: &str = "Disponibilità confermata: primo appuntamento fissato.";
pub(super) const DROPPED_ACTION: &str = "La persona ha rinunciato: orari incompatibili con il nuovo lavoro.";
