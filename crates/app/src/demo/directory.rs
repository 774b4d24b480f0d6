//! The demo directory: what the demo organisations offer in the five
//! regions, where and when. Desks, one-stop shops (Abruzzo's sixteen PAS
//! and its three mobile units, whose shape the other regions follow),
//! mobile-unit stops at the farm areas (Agro Pontino, Fucino, Maremma and
//! Val di Chiana, Val Vibrata, Basso Molise), job centres in every province,
//! union offices, health services, legal aid and the shelters of the
//! organisations that declare places.
//!
//! The comuni are real (ISTAT codes) and the points lie near their centres;
//! streets and phone numbers are made up ("Via degli Esempi", 0000), as in
//! the demo network, so a demo shown in public sends nobody to a real door.
//! Everything is created through [`App::create_service`], as the admin.

use chrono::NaiveTime;
use soleil_domain::directory::{LocationInput, LocationKind, OpeningHours, ServiceInput, Weekday};
use soleil_domain::{NeedArea, Organisation};

use crate::{App, AppError, AppResult};

/// A comune of the demo directory: ISTAT code, name, and a point near its centre.
#[derive(Debug, Clone, Copy)]
pub(super) struct Town {
    pub code: &'static str,
    pub name: &'static str,
    pub latitude: f64,
    pub longitude: f64,
}

const fn town(code: &'static str, name: &'static str, latitude: f64, longitude: f64) -> Town {
    Town {
        code,
        name,
        latitude,
        longitude,
    }
}

// Lazio
const LATINA: Town = town("059011", "Latina", 41.4676, 12.9037);
const SABAUDIA: Town = town("059024", "Sabaudia", 41.3003, 13.0286);
const TERRACINA: Town = town("059032", "Terracina", 41.2917, 13.2486);
const FONDI: Town = town("059007", "Fondi", 41.3575, 13.4267);
const PONTINIA: Town = town("059017", "Pontinia", 41.4106, 13.0428);
const CISTERNA: Town = town("059005", "Cisterna di Latina", 41.5906, 12.8283);
const APRILIA: Town = town("059001", "Aprilia", 41.5946, 12.6537);
const SEZZE: Town = town("059028", "Sezze", 41.4990, 13.0600);
const SAN_FELICE: Town = town("059025", "San Felice Circeo", 41.2355, 13.0920);
const ROMA: Town = town("058091", "Roma", 41.9028, 12.4964);
const VITERBO: Town = town("056059", "Viterbo", 42.4207, 12.1077);
const RIETI: Town = town("057059", "Rieti", 42.4040, 12.8628);
const FROSINONE: Town = town("060038", "Frosinone", 41.6396, 13.3508);
const CASSINO: Town = town("060019", "Cassino", 41.4920, 13.8310);
const TARQUINIA: Town = town("056050", "Tarquinia", 42.2490, 11.7560);
const MONTALTO: Town = town("056035", "Montalto di Castro", 42.3510, 11.6070);
// Toscana
const FIRENZE: Town = town("048017", "Firenze", 43.7696, 11.2558);
const PRATO: Town = town("100005", "Prato", 43.8777, 11.1023);
const GROSSETO: Town = town("053011", "Grosseto", 42.7635, 11.1124);
const ORBETELLO: Town = town("053018", "Orbetello", 42.4400, 11.2120);
const CAPALBIO: Town = town("053003", "Capalbio", 42.4530, 11.4220);
const MANCIANO: Town = town("053014", "Manciano", 42.5880, 11.5160);
const FOLLONICA: Town = town("053009", "Follonica", 42.9190, 10.7610);
const MONTEPULCIANO: Town = town("052015", "Montepulciano", 43.0930, 11.7800);
const CORTONA: Town = town("051017", "Cortona", 43.2750, 11.9850);
const CHIUSI: Town = town("052011", "Chiusi", 43.0170, 11.9480);
const SIENA: Town = town("052032", "Siena", 43.3188, 11.3308);
const AREZZO: Town = town("051002", "Arezzo", 43.4633, 11.8797);
const PISA: Town = town("050026", "Pisa", 43.7228, 10.4017);
const LIVORNO: Town = town("049009", "Livorno", 43.5485, 10.3106);
const LUCCA: Town = town("046017", "Lucca", 43.8429, 10.5027);
const PISTOIA: Town = town("047014", "Pistoia", 43.9330, 10.9170);
const MASSA: Town = town("045010", "Massa", 44.0350, 10.1390);
const EMPOLI: Town = town("048014", "Empoli", 43.7190, 10.9460);
// Abruzzo
const AVEZZANO: Town = town("066006", "Avezzano", 42.0310, 13.4260);
const CELANO: Town = town("066032", "Celano", 42.0850, 13.5480);
const PESCINA: Town = town("066069", "Pescina", 42.0260, 13.6520);
const TRASACCO: Town = town("066102", "Trasacco", 41.9580, 13.5340);
const LUCO: Town = town("066051", "Luco dei Marsi", 41.9610, 13.4680);
const ORTUCCHIO: Town = town("066064", "Ortucchio", 41.9540, 13.6460);
const L_AQUILA: Town = town("066049", "L'Aquila", 42.3498, 13.3995);
const SULMONA: Town = town("066098", "Sulmona", 42.0480, 13.9260);
const PESCARA: Town = town("068028", "Pescara", 42.4618, 14.2161);
const MONTESILVANO: Town = town("068024", "Montesilvano", 42.5130, 14.1500);
const CHIETI: Town = town("069022", "Chieti", 42.3510, 14.1670);
const LANCIANO: Town = town("069046", "Lanciano", 42.2300, 14.3900);
const VASTO: Town = town("069099", "Vasto", 42.1120, 14.7070);
const SAN_SALVO: Town = town("069083", "San Salvo", 42.0450, 14.7310);
const TERAMO: Town = town("067041", "Teramo", 42.6589, 13.7044);
const GIULIANOVA: Town = town("067025", "Giulianova", 42.7530, 13.9660);
const MARTINSICURO: Town = town("067047", "Martinsicuro", 42.8850, 13.9160);
const SANT_EGIDIO: Town = town("067038", "Sant'Egidio alla Vibrata", 42.8260, 13.7170);
const ORTONA: Town = town("069058", "Ortona", 42.3560, 14.4030);
// Marche
const ANCONA: Town = town("042002", "Ancona", 43.6158, 13.5189);
const SAN_BENEDETTO: Town = town("044066", "San Benedetto del Tronto", 42.9430, 13.8810);
const ASCOLI: Town = town("044007", "Ascoli Piceno", 42.8540, 13.5750);
const FERMO: Town = town("109006", "Fermo", 43.1600, 13.7180);
const PORTO_SANT_ELPIDIO: Town = town("109034", "Porto Sant'Elpidio", 43.2580, 13.7590);
const MACERATA: Town = town("043023", "Macerata", 43.3000, 13.4530);
const CIVITANOVA: Town = town("043013", "Civitanova Marche", 43.3060, 13.7290);
const PESARO: Town = town("041044", "Pesaro", 43.9100, 12.9130);
const FANO: Town = town("041013", "Fano", 43.8430, 13.0190);
const JESI: Town = town("042021", "Jesi", 43.5230, 13.2440);
const SENIGALLIA: Town = town("042045", "Senigallia", 43.7150, 13.2170);
const GROTTAMMARE: Town = town("044023", "Grottammare", 42.9890, 13.8660);
// Molise
const CAMPOBASSO: Town = town("070006", "Campobasso", 41.5600, 14.6560);
const TERMOLI: Town = town("070078", "Termoli", 41.9990, 14.9950);
const ISERNIA: Town = town("094023", "Isernia", 41.5930, 14.2330);
const LARINO: Town = town("070031", "Larino", 41.8040, 14.9110);
const CAMPOMARINO: Town = town("070010", "Campomarino", 41.9560, 15.0350);
const GUGLIONESI: Town = town("070029", "Guglionesi", 41.9140, 14.9160);
const MONTENERO: Town = town("070046", "Montenero di Bisaccia", 41.9600, 14.7810);
const VENAFRO: Town = town("094052", "Venafro", 41.4840, 14.0450);

/// When a place is open, as the week repeats.
#[derive(Debug, Clone, Copy)]
enum Hours {
    /// Monday to Friday, mornings.
    Mornings,
    /// Monday to Friday mornings, and Tuesday and Thursday afternoons.
    Office,
    /// Two mornings a week: the days' numbers (Monday 0).
    Days(u8, u8),
    /// A mobile unit at dawn, before and as work in the fields starts.
    Dawn(u8, u8),
    /// Union offices: weekday mornings and late afternoons.
    Union,
    /// Always open (a shelter's reception).
    Always,
}

impl Hours {
    fn intervals(self) -> Vec<OpeningHours> {
        let at = |h: u32, m: u32| NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
        let day = |n: u8| Weekday::all().nth(usize::from(n)).unwrap_or(Weekday::Monday);
        let span = |d: u8, opens, closes| OpeningHours {
            day: day(d),
            opens,
            closes,
        };
        match self {
            Self::Mornings => (0..5).map(|d| span(d, at(9, 0), at(13, 0))).collect(),
            Self::Office => {
                let mut hours: Vec<_> = (0..5).map(|d| span(d, at(9, 0), at(12, 30))).collect();
                hours.extend([1, 3].map(|d| span(d, at(15, 0), at(17, 30))));
                hours
            }
            Self::Days(a, b) => [a, b].map(|d| span(d, at(9, 0), at(13, 0))).to_vec(),
            Self::Dawn(a, b) => [a, b].map(|d| span(d, at(5, 30), at(8, 30))).to_vec(),
            Self::Union => (0..5)
                .flat_map(|d| [span(d, at(9, 0), at(12, 30)), span(d, at(15, 30), at(18, 0))])
                .collect(),
            Self::Always => (0..7).map(|d| span(d, at(0, 0), at(23, 59))).collect(),
        }
    }
}

/// One place of a demo service.
struct Place {
    kind: LocationKind,
    name: String,
    town: Town,
    hours: Hours,
}

/// One demo service: which organisation keeps it, and what it is.
struct Entry {
    organisation: &'static str,
    name: String,
    description: &'static str,
    needs: &'static [NeedArea],
    eligibility: Option<&'static str>,
    languages: &'static [&'static str],
    phone: &'static str,
    places: Vec<Place>,
}

impl Entry {
    fn input(&self, organisation: &Organisation, number: usize) -> ServiceInput {
        let locations = self
            .places
            .iter()
            .enumerate()
            .map(|(i, place)| {
                // A few metres apart, so markers on a map do not overlap.
                let shift = (number % 7 + i % 5) as f64 * 0.0009;
                LocationInput {
                    id: None,
                    kind: place.kind,
                    name: place.name.clone(),
                    street: match place.kind {
                        LocationKind::MobileUnitStop => format!("Strada dell'Esempio, località {}", i + 1),
                        LocationKind::Shelter => "Indirizzo riservato alla rete".to_owned(),
                        _ => format!("Via degli Esempi {}", 2 + (number * 3 + i) % 97),
                    },
                    postcode: None,
                    comune: place.town.code.to_owned(),
                    latitude: Some(place.town.latitude + shift),
                    longitude: Some(place.town.longitude - shift),
                    accessibility: matches!(
                        place.kind,
                        LocationKind::Desk | LocationKind::OneStopShop | LocationKind::Office
                    )
                    .then(|| "Accesso senza gradini; mediatori linguistici su appuntamento".to_owned()),
                    hours: place.hours.intervals(),
                }
            })
            .collect();
        ServiceInput {
            organisation_id: organisation.id,
            name: self.name.clone(),
            description: self.description.to_owned(),
            need_areas: self.needs.to_vec(),
            eligibility: self.eligibility.map(str::to_owned),
            languages: self.languages.iter().map(|l| (*l).to_owned()).collect(),
            email: None,
            phone: Some(self.phone.to_owned()),
            url: None,
            active: true,
            locations,
        }
    }
}

fn place(kind: LocationKind, name: impl Into<String>, town: Town, hours: Hours) -> Place {
    Place {
        kind,
        name: name.into(),
        town,
        hours,
    }
}

/// A service at one place.
#[allow(clippy::too_many_arguments)]
fn single(
    organisation: &'static str,
    name: impl Into<String>,
    description: &'static str,
    needs: &'static [NeedArea],
    languages: &'static [&'static str],
    phone: &'static str,
    place: Place,
) -> Entry {
    Entry {
        organisation,
        name: name.into(),
        description,
        needs,
        eligibility: Some(OPEN_TO_ALL),
        languages,
        phone,
        places: vec![place],
    }
}

use LocationKind::{Desk, MobileUnitStop, Office, OneStopShop, Shelter};
use NeedArea::{Documents, Health, Housing, Language, LegalAid, SocialSupport, Training, UnionAid, Work};

const OPEN_TO_ALL: &str = "Lavoratrici e lavoratori stranieri e italiani, anche senza permesso di soggiorno";
const FARM_WORKERS: &str = "Braccianti e lavoratori agricoli, anche senza contratto o permesso di soggiorno";

/// The languages most spoken where each area's people come from.
const PONTINO: &[&str] = &["it", "pa", "hi", "en"];
const FUCINO: &[&str] = &["it", "pa", "ur", "bn", "ar", "sq"];
const MAREMMA: &[&str] = &["it", "ro", "sq", "ar", "wo", "fr"];
const PRATESE: &[&str] = &["it", "zh", "ur", "bn", "en"];
const PICENO: &[&str] = &["it", "sq", "ro", "ar", "bn"];
const BASSO_MOLISE: &[&str] = &["it", "ro", "bg", "ar", "fr", "wo"];
const CITIES: &[&str] = &["it", "en", "fr", "ar", "ro"];

/// Job centres, one in each province's chief town: (organisation, towns).
const JOB_CENTRES: &[(&str, &[Town])] = &[
    (
        "Centro per l'Impiego di Latina",
        &[LATINA, ROMA, FROSINONE, VITERBO, RIETI, FONDI, APRILIA, CASSINO],
    ),
    (
        "Centro per l'Impiego di Grosseto",
        &[
            GROSSETO, FIRENZE, PRATO, SIENA, AREZZO, PISA, LIVORNO, LUCCA, PISTOIA, MASSA, ORBETELLO, EMPOLI,
        ],
    ),
    (
        "Centro per l'Impiego di Avezzano",
        &[
            AVEZZANO, L_AQUILA, PESCARA, CHIETI, TERAMO, SULMONA, VASTO, LANCIANO,
        ],
    ),
    (
        "Centro per l'Impiego di San Benedetto del Tronto",
        &[
            SAN_BENEDETTO,
            ANCONA,
            ASCOLI,
            FERMO,
            MACERATA,
            PESARO,
            FANO,
            JESI,
            CIVITANOVA,
        ],
    ),
    (
        "Centro per l'Impiego di Termoli",
        &[TERMOLI, CAMPOBASSO, ISERNIA, LARINO, VENAFRO],
    ),
];

/// Union offices: (organisation, towns, languages).
const UNION_OFFICES: &[(&str, &[Town], &[&str])] = &[
    (
        "FLAI CGIL Latina",
        &[
            LATINA, SABAUDIA, FONDI, TERRACINA, APRILIA, CISTERNA, PONTINIA, SEZZE, ROMA, TARQUINIA,
        ],
        PONTINO,
    ),
    (
        "FLAI CGIL Grosseto",
        &[
            GROSSETO,
            ORBETELLO,
            MANCIANO,
            FOLLONICA,
            MONTEPULCIANO,
            CORTONA,
            PRATO,
        ],
        MAREMMA,
    ),
    (
        "FLAI CGIL Avezzano",
        &[AVEZZANO, CELANO, TRASACCO, PESCARA, VASTO, TERAMO, SANT_EGIDIO],
        FUCINO,
    ),
    (
        "FLAI CGIL Ascoli Piceno",
        &[ASCOLI, SAN_BENEDETTO, FERMO, CIVITANOVA, ANCONA, SENIGALLIA],
        PICENO,
    ),
    (
        "FLAI CGIL Molise",
        &[TERMOLI, CAMPOBASSO, LARINO, CAMPOMARINO, ISERNIA],
        BASSO_MOLISE,
    ),
];

/// Mobile units: (organisation, unit name, stops, days out, languages).
type Unit = (
    &'static str,
    &'static str,
    &'static [Town],
    (u8, u8),
    &'static [&'static str],
);
const MOBILE_UNITS: &[Unit] = &[
    (
        "Unità mobile Agro Pontino",
        "Unità di strada Agro Pontino nord",
        &[CISTERNA, APRILIA, LATINA, SEZZE],
        (0, 3),
        PONTINO,
    ),
    (
        "Unità mobile Agro Pontino",
        "Unità di strada Agro Pontino sud",
        &[SABAUDIA, PONTINIA, SAN_FELICE, TERRACINA, FONDI],
        (1, 4),
        PONTINO,
    ),
    (
        "Unità mobile Agro Pontino",
        "Unità di strada Maremma laziale",
        &[TARQUINIA, MONTALTO],
        (2, 5),
        MAREMMA,
    ),
    (
        "Unità mobile Maremma – Grosseto",
        "Unità di strada Maremma",
        &[GROSSETO, ORBETELLO, CAPALBIO, MANCIANO, FOLLONICA],
        (0, 3),
        MAREMMA,
    ),
    (
        "Unità mobile Maremma – Grosseto",
        "Unità di strada Val di Chiana",
        &[MONTEPULCIANO, CHIUSI, CORTONA],
        (1, 4),
        MAREMMA,
    ),
    // Abruzzo's three units.
    (
        "Unità mobile Piana del Fucino",
        "Unità mobile Fucino",
        &[AVEZZANO, CELANO, PESCINA, TRASACCO, LUCO, ORTUCCHIO],
        (0, 3),
        FUCINO,
    ),
    (
        "Unità mobile Piana del Fucino",
        "Unità mobile Val Vibrata e costa teramana",
        &[SANT_EGIDIO, MARTINSICURO, GIULIANOVA],
        (1, 4),
        PICENO,
    ),
    (
        "Unità mobile Piana del Fucino",
        "Unità mobile Vastese e Ortonese",
        &[VASTO, SAN_SALVO, ORTONA],
        (2, 5),
        FUCINO,
    ),
    (
        "Unità mobile Basso Molise",
        "Unità di strada Basso Molise",
        &[TERMOLI, CAMPOMARINO, GUGLIONESI, MONTENERO, LARINO],
        (0, 3),
        BASSO_MOLISE,
    ),
];

/// Abruzzo's sixteen PAS, punti di accesso ai servizi.
const ABRUZZO_PAS: &[Town] = &[
    AVEZZANO,
    CELANO,
    PESCINA,
    TRASACCO,
    LUCO,
    ORTUCCHIO,
    L_AQUILA,
    SULMONA,
    PESCARA,
    MONTESILVANO,
    CHIETI,
    LANCIANO,
    VASTO,
    SAN_SALVO,
    TERAMO,
    GIULIANOVA,
];

/// Desks and one-stop shops of the other regions: (organisation, kind, towns, languages).
const DESKS: &[(&str, LocationKind, &[Town], &[&str])] = &[
    (
        "Sportello lavoro e diritti – Latina",
        Desk,
        &[LATINA, SABAUDIA, CISTERNA, APRILIA, TERRACINA],
        PONTINO,
    ),
    (
        "PAS – Punto di accesso ai servizi di Fondi",
        OneStopShop,
        &[FONDI, TERRACINA, SAN_FELICE],
        PONTINO,
    ),
    (
        "Sportello antisfruttamento – Prato",
        Desk,
        &[PRATO, FIRENZE, PISTOIA, EMPOLI],
        PRATESE,
    ),
    (
        "Sportello lavoro migranti – Avezzano",
        Desk,
        &[AVEZZANO, PESCARA, TERAMO],
        FUCINO,
    ),
    (
        "Sportello antisfruttamento – San Benedetto del Tronto",
        Desk,
        &[
            SAN_BENEDETTO,
            ASCOLI,
            GROTTAMMARE,
            PORTO_SANT_ELPIDIO,
            ANCONA,
            MACERATA,
        ],
        PICENO,
    ),
    (
        "Sportello antisfruttamento – Termoli",
        Desk,
        &[TERMOLI, CAMPOMARINO, CAMPOBASSO, ISERNIA],
        BASSO_MOLISE,
    ),
];

/// Health services: (organisation, name, towns, languages).
const HEALTH: &[(&str, &str, &[Town], &[&str])] = &[
    (
        "ASL Latina – Distretto 2",
        "Ambulatorio STP per stranieri",
        &[LATINA, SABAUDIA, FONDI, APRILIA],
        PONTINO,
    ),
    (
        "Azienda USL Toscana sud est – Zona Grossetana",
        "Ambulatorio di medicina delle migrazioni",
        &[GROSSETO, ORBETELLO, MONTEPULCIANO, AREZZO, SIENA],
        MAREMMA,
    ),
    (
        "ASReM – Distretto sanitario di Termoli",
        "Ambulatorio STP/ENI",
        &[TERMOLI, LARINO, CAMPOBASSO],
        BASSO_MOLISE,
    ),
    (
        "ECAD 11 Marsica – Servizi sociali",
        "Presidio sanitario e sociale di prossimità",
        &[AVEZZANO, CELANO],
        FUCINO,
    ),
    (
        "ATS 21 San Benedetto del Tronto – Servizi sociali",
        "Ambulatorio solidale",
        &[SAN_BENEDETTO, ASCOLI, FERMO],
        PICENO,
    ),
];

/// Shelters of the organisations that declare emergency places: (organisation, towns, languages).
const SHELTERS: &[(&str, &[Town], &[&str])] = &[
    ("CAS Borgo Montello – Latina", &[LATINA], PONTINO),
    (
        "Cooperativa sociale Terra Comune – Latina",
        &[SABAUDIA, FONDI],
        PONTINO,
    ),
    (
        "Progetto antitratta regionale Lazio",
        &[ROMA, LATINA, FROSINONE],
        &["it", "en", "ro", "bg", "fr", "pa"],
    ),
    (
        "Società della Salute Area Pratese – Servizi sociali",
        &[PRATO],
        PRATESE,
    ),
    ("SAI Comune di Pescara", &[PESCARA, CHIETI], FUCINO),
    ("ECAD 11 Marsica – Servizi sociali", &[AVEZZANO], FUCINO),
    (
        "Cooperativa sociale Approdo – San Benedetto del Tronto",
        &[SAN_BENEDETTO, FERMO],
        PICENO,
    ),
    (
        "Progetto antitratta Marche",
        &[ANCONA, MACERATA, PESARO],
        &["it", "en", "ro", "sq", "fr", "ar"],
    ),
    (
        "Ambito territoriale sociale di Termoli – Servizi sociali",
        &[TERMOLI],
        BASSO_MOLISE,
    ),
    ("Comune di Termoli", &[TERMOLI], BASSO_MOLISE),
];

/// Every service of the demo directory.
fn entries() -> Vec<Entry> {
    let mut entries = Vec::new();
    for (organisation, towns) in JOB_CENTRES {
        for town in *towns {
            entries.push(single(
                organisation,
                format!("Centro per l'impiego di {}", town.name),
                "Iscrizione e dichiarazione di disponibilità, orientamento, offerte di lavoro e tirocini; \
                 incrocio tra domanda e offerta in agricoltura con liste di prenotazione trasparenti.",
                &[Work, Training],
                CITIES,
                "0000 000 301",
                place(Office, format!("CPI {}", town.name), *town, Hours::Office),
            ));
        }
    }
    for (organisation, towns, languages) in UNION_OFFICES {
        for town in *towns {
            entries.push(single(
                organisation,
                format!("Vertenze e tutela del lavoro – {}", town.name),
                "Controllo di buste paga e contratti, recupero delle ore non pagate, vertenze, \
                 denuncia del caporalato; assistenza per disoccupazione agricola e infortuni.",
                &[UnionAid, LegalAid, Work],
                languages,
                "0000 000 401",
                place(Office, format!("Sede {}", town.name), *town, Hours::Union),
            ));
        }
    }
    for (organisation, name, stops, (first, second), languages) in MOBILE_UNITS {
        entries.push(Entry {
            organisation,
            name: (*name).to_owned(),
            description: "Il furgone raggiunge braccianti e lavoratori nei campi e nei luoghi di raccolta: \
                informazioni su diritti e salario, primo soccorso, accompagnamento agli sportelli e ai servizi.",
            needs: &[Health, Work, LegalAid, SocialSupport],
            eligibility: Some(FARM_WORKERS),
            languages,
            phone: "0000 000 501",
            places: stops
                .iter()
                .enumerate()
                .map(|(i, town)| {
                    let days = if i % 2 == 0 { (*first, *second) } else { (*second, *first) };
                    let hours = Hours::Dawn(days.0, days.1);
                    place(MobileUnitStop, format!("Sosta campi {}", town.name), *town, hours)
                })
                .collect(),
        });
    }
    entries.push(Entry {
        organisation: "Sportello lavoro migranti – Avezzano",
        name: "PAS – Punti di accesso ai servizi dell'Abruzzo".to_owned(),
        description: "Sportelli unici della rete regionale: ascolto, orientamento ai servizi per il lavoro, \
            la salute e i documenti, presa in carico insieme alla segreteria tecnica.",
        needs: &[Work, Documents, Health, SocialSupport, LegalAid],
        eligibility: Some(OPEN_TO_ALL),
        languages: FUCINO,
        phone: "0000 000 601",
        places: ABRUZZO_PAS
            .iter()
            .enumerate()
            .map(|(i, town)| {
                let hours = Hours::Days((i % 5) as u8, ((i + 2) % 5) as u8);
                place(OneStopShop, format!("PAS {}", town.name), *town, hours)
            })
            .collect(),
    });
    for (organisation, kind, towns, languages) in DESKS {
        for (i, town) in towns.iter().enumerate() {
            let hours = if i == 0 {
                Hours::Office
            } else {
                Hours::Days((i % 5) as u8, ((i + 3) % 5) as u8)
            };
            entries.push(single(
                organisation,
                format!("Sportello diritti e documenti – {}", town.name),
                "Ascolto e prima valutazione, informazioni su permesso di soggiorno, residenza e tessera \
                 sanitaria, segnalazione alla segreteria tecnica; mediazione linguistica.",
                &[Documents, LegalAid, SocialSupport, Work],
                languages,
                "0000 000 701",
                place(*kind, format!("Sportello {}", town.name), *town, hours),
            ));
        }
    }
    for (organisation, name, towns, languages) in HEALTH {
        for town in *towns {
            entries.push(single(
                organisation,
                format!("{name} – {}", town.name),
                "Visite mediche di base anche senza iscrizione al Servizio sanitario (codice STP/ENI), \
                 vaccinazioni, orientamento ai servizi sanitari; mediatori culturali.",
                &[Health],
                languages,
                "0000 000 801",
                place(
                    Office,
                    format!("Ambulatorio {}", town.name),
                    *town,
                    Hours::Mornings,
                ),
            ));
        }
    }
    for (organisation, towns, languages) in SHELTERS {
        for town in *towns {
            entries.push(single(
                organisation,
                format!("Accoglienza in emergenza – {}", town.name),
                "Posti letto per la prima accoglienza delle persone allontanate dallo sfruttamento, \
                 assegnati dalla segreteria tecnica regionale; l'indirizzo è riservato alla rete.",
                &[Housing, SocialSupport],
                languages,
                "0000 000 901",
                place(Shelter, format!("Struttura {}", town.name), *town, Hours::Always),
            ));
        }
    }
    for (organisation, town) in [
        ("CPIA 9 Latina – Istruzione degli adulti", LATINA),
        ("CPIA 9 Latina – Istruzione degli adulti", SABAUDIA),
        ("Centro di formazione professionale Fucino – Avezzano", AVEZZANO),
        ("Centro di formazione professionale Piceno", SAN_BENEDETTO),
        ("Centro di formazione professionale Piceno", ASCOLI),
    ] {
        entries.push(single(
            organisation,
            format!("Corsi di italiano e formazione – {}", town.name),
            "Corsi gratuiti di lingua italiana (livelli A1–B1) la sera e nei giorni di pioggia, \
             corsi di sicurezza sul lavoro e patentino per i trattori.",
            &[Language, Training],
            &["it", "en", "pa", "ar"],
            "0000 000 951",
            place(Office, format!("Aule {}", town.name), town, Hours::Days(1, 3)),
        ));
    }
    entries
}

impl App {
    /// Fills the directory with the demo services; returns how many.
    pub(super) async fn create_demo_directory(&self, organisations: &[Organisation]) -> AppResult<usize> {
        let admin = self.demo_user("admin").await?;
        let entries = entries();
        for (number, entry) in entries.iter().enumerate() {
            let organisation = organisations
                .iter()
                .find(|o| o.name == entry.organisation)
                .ok_or(AppError::NotFound("demo organisation"))?;
            self.create_service(&admin, &entry.input(organisation, number))
                .await?;
        }
        Ok(entries.len())
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use soleil_domain::directory::ServiceId;
    use soleil_domain::{OrganisationId, OrganisationKind, RegionCode};

    use super::*;
    use crate::demo::network::ORGANISATIONS;

    fn organisation(name: &str) -> Organisation {
        Organisation {
            id: OrganisationId::new(),
            name: name.to_owned(),
            kind: OrganisationKind::Desk,
            region: RegionCode::Laz,
            address: None,
            phone: None,
            opening_hours: None,
            public_listing: false,
            created_at: Utc::now(),
        }
    }

    #[test]
    fn every_demo_service_is_valid_and_kept_by_a_demo_organisation() {
        let entries = entries();
        assert!(entries.len() > 100, "{}", entries.len());
        for (number, entry) in entries.iter().enumerate() {
            assert!(
                ORGANISATIONS.iter().any(|o| o.2 == entry.organisation),
                "{}: no organisation {}",
                entry.name,
                entry.organisation
            );
            let input = entry.input(&organisation(entry.organisation), number);
            let known = |code: &str| soleil_reference::comune(code).is_some();
            let parsed = input.parse(ServiceId::new(), Utc::now(), known);
            assert!(parsed.is_ok(), "{}: {:?}", entry.name, parsed.err());
        }
    }

    #[test]
    fn towns_are_real_comuni_of_the_five_regions() {
        for entry in entries() {
            for place in entry.places {
                let comune = soleil_reference::comune(place.town.code);
                assert_eq!(
                    comune.map(|c| c.name),
                    Some(place.town.name),
                    "{}",
                    place.town.code
                );
                let region = comune.map(|c| c.region_code).unwrap_or_default();
                assert!(
                    RegionCode::all().any(|r| r.istat_code() == region),
                    "{}",
                    place.town.name
                );
                // Inside Italy's mainland box, near the centre of central Italy.
                assert!((41.0..44.5).contains(&place.town.latitude), "{}", place.town.name);
                assert!(
                    (10.0..15.5).contains(&place.town.longitude),
                    "{}",
                    place.town.name
                );
            }
        }
    }

    #[test]
    fn abruzzo_publishes_sixteen_pas_and_three_mobile_units() {
        let entries = entries();
        let pas = entries
            .iter()
            .find(|e| e.name.starts_with("PAS – Punti di accesso"));
        assert_eq!(pas.map(|e| e.places.len()), Some(16));
        let units = entries
            .iter()
            .filter(|e| e.organisation == "Unità mobile Piana del Fucino")
            .count();
        assert_eq!(units, 3);
    }
}
