//! What frontline operators write at a first contact: how they met the
//! person, what the person told about their work, the forced-labour
//! indicators it answers and the urgent needs.

use rand::Rng;
use rand::rngs::StdRng;
use soleil_domain::OrganisationKind as Kind;
use soleil_domain::WorkSector as Sector;
use soleil_domain::{Answer, ContactChannel, IndicatorSheet, UrgentNeeds, WorkSector};

use super::draw::{Weighted, pick};
use super::stories::Stage;

/// The ILO forced-labour indicators (`catalogue/instruments/ilo_forced_labour_11`).
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

/// The ILO/EC operational indicators of trafficking (Delphi), for the
/// contacts screened with them (`catalogue/instruments/ilo_ec_delphi_labour`).
const DELPHI: (&str, &str) = ("ilo_ec_delphi_labour", "2009");

/// The Delphi indicators an operator answers for each sign of the ILO list
/// the stories tell; the others of the sheet stay unasked (unknown).
const DELPHI_FOR_ILO: [(&str, &[&str]); 11] = [
    (
        "fl_abuse_of_vulnerability",
        &["vd_dependency_on_exploiters", "vd_economic_reasons"],
    ),
    (
        "fl_deception",
        &[
            "dr_conditions_of_work",
            "dr_wages_earnings",
            "dr_contract_content_legality",
        ],
    ),
    (
        "fl_restriction_of_movement",
        &["cd_isolation_confinement_surveillance"],
    ),
    ("fl_isolation", &["vd_difficulty_unknown_area"]),
    ("fl_physical_sexual_violence", &["cd_violence_on_victim"]),
    (
        "fl_intimidation_threats",
        &["cd_threats_of_violence", "cd_threat_denunciation_authorities"],
    ),
    ("fl_retention_of_documents", &["cd_confiscation_of_documents"]),
    (
        "fl_withholding_of_wages",
        &["cd_withholding_of_wages", "ex_low_or_no_salary"],
    ),
    ("fl_debt_bondage", &["cd_debt_bondage"]),
    (
        "fl_abusive_working_living_conditions",
        &["ex_bad_living_conditions", "ex_very_bad_working_conditions"],
    ),
    ("fl_excessive_overtime", &["ex_excessive_hours"]),
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
pub(super) const FOLLOW_UP_NOTE: &str = "Ripassato allo sportello dopo una settimana: conferma quanto riferito e porta \
     le buste paga degli ultimi tre mesi.";

/// How the operators of each kind of organisation meet the people they
/// record.
pub(super) fn channels(kind: Option<Kind>) -> &'static [Weighted<ContactChannel>] {
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

pub(super) fn urgent_needs(rng: &mut StdRng, stage: Stage, ordinal: usize) -> UrgentNeeds {
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
pub(super) fn account(
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
    // Desks trained on the Delphi indicators use them for one contact in
    // three; the story's signs become the matching Delphi indicators.
    let (instrument, asked, yes): ((&str, &str), Vec<&str>, Vec<&str>) = if rng.gen_bool(0.35) {
        let yes = DELPHI_FOR_ILO
            .iter()
            .filter(|(ilo, _)| yes.contains(ilo))
            .flat_map(|(_, delphi)| delphi.iter().copied())
            .collect();
        let asked = DELPHI_FOR_ILO
            .iter()
            .flat_map(|(_, delphi)| delphi.iter().copied())
            .collect();
        (DELPHI, asked, yes)
    } else {
        (INSTRUMENT, INDICATORS.to_vec(), yes)
    };
    let answers = asked
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
        instrument_id: Some(instrument.0.to_owned()),
        instrument_version: Some(instrument.1.to_owned()),
        answers,
        notes: Default::default(),
    };
    (note, sheet)
}
