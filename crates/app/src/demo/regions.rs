//! The partner regions as the demo fills them: how many people, where from,
//! and the places they work in, each with its zonal group.

use rand::rngs::StdRng;
use soleil_domain::RegionCode::{Abr, Laz, Mar, Mol, Tos};
use soleil_domain::WorkSector as Sector;
use soleil_domain::{RegionCode, WorkSector};

use super::draw::{Weighted, pick};

/// A workplace: the comune (or a place in it), its zonal group, and the
/// sector people mostly work in there.
pub(super) type Place = (&'static str, &'static str, WorkSector);

/// A partner region as the demo fills it.
pub(super) struct RegionProfile {
    pub(super) code: RegionCode,
    pub(super) persons: usize,
    /// Countries of origin by ISO code.
    pub(super) origins: &'static [Weighted<&'static str>],
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
pub(super) const MARSICA: &str = "ECAD 11 Marsica – Avezzano";
pub(super) const PESCARA: &str = "ECAD 15 Pescara";
const TRONTO: &str = "ATS 21 San Benedetto del Tronto";
const ASCOLI: &str = "ATS 22 Ascoli Piceno";
const TERMOLI: &str = "Ambito territoriale sociale di Termoli";
const LARINO: &str = "Ambito territoriale sociale di Larino";
const CAMPOBASSO: &str = "Ambito territoriale sociale di Campobasso";

pub(super) const REGIONS: &[RegionProfile] = &[
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

/// A workplace of the region where the sector is found; care and domestic
/// work happen anywhere.
pub(super) fn place(rng: &mut StdRng, region: &RegionProfile, sector: WorkSector) -> Place {
    let fitting: Vec<Place> = region.places.iter().copied().filter(|p| p.2 == sector).collect();
    if fitting.is_empty() {
        pick(rng, region.places)
    } else {
        pick(rng, &fitting)
    }
}
