//! Nationalities: ISO 3166 codes and the usual names in Italian, English and French, for the countries
//! most present among the people the networks meet. A name not listed is compared as written.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::normalise::plain;

/// Alpha-2 code, alpha-3 code, then names (compared once [`plain`], without spaces).
const COUNTRIES: &[(&str, &str, &[&str])] = &[
    ("AF", "AFG", &["afghanistan", "afgano", "afghan"]),
    ("AL", "ALB", &["albania", "albanese", "albanian", "albanie"]),
    ("DZ", "DZA", &["algeria", "algerino", "algerian", "algerie"]),
    ("AR", "ARG", &["argentina", "argentine"]),
    ("AM", "ARM", &["armenia", "armenie"]),
    ("BD", "BGD", &["bangladesh", "bengalese", "bangladeshi"]),
    ("BY", "BLR", &["belarus", "bielorussia", "bielorussie"]),
    ("BJ", "BEN", &["benin"]),
    (
        "BA",
        "BIH",
        &[
            "bosnia",
            "bosnia erzegovina",
            "bosnia and herzegovina",
            "bosnie herzegovine",
        ],
    ),
    (
        "BR",
        "BRA",
        &["brasile", "brazil", "bresil", "brasiliano", "brazilian"],
    ),
    ("BG", "BGR", &["bulgaria", "bulgarie", "bulgaro", "bulgarian"]),
    ("BF", "BFA", &["burkina faso", "burkina", "burkinabe"]),
    (
        "CM",
        "CMR",
        &["camerun", "cameroon", "cameroun", "camerunese", "cameroonian"],
    ),
    ("TD", "TCD", &["ciad", "chad", "tchad"]),
    ("CN", "CHN", &["cina", "china", "chine", "cinese", "chinese"]),
    ("CO", "COL", &["colombia", "colombie"]),
    (
        "CG",
        "COG",
        &["congo", "repubblica del congo", "republic of the congo"],
    ),
    (
        "CD",
        "COD",
        &[
            "repubblica democratica del congo",
            "democratic republic of the congo",
            "rd congo",
            "rdc",
            "drc",
        ],
    ),
    (
        "CI",
        "CIV",
        &[
            "costa d avorio",
            "cote d ivoire",
            "ivory coast",
            "ivoriano",
            "ivorian",
        ],
    ),
    ("CU", "CUB", &["cuba"]),
    (
        "DO",
        "DOM",
        &[
            "repubblica dominicana",
            "dominican republic",
            "republique dominicaine",
        ],
    ),
    ("EC", "ECU", &["ecuador", "equateur", "ecuadoriano"]),
    (
        "EG",
        "EGY",
        &["egitto", "egypt", "egypte", "egiziano", "egyptian"],
    ),
    ("ER", "ERI", &["eritrea", "erythree", "eritreo", "eritrean"]),
    (
        "ET",
        "ETH",
        &["etiopia", "ethiopia", "ethiopie", "etiope", "ethiopian"],
    ),
    (
        "PH",
        "PHL",
        &["filippine", "philippines", "filippino", "filipino"],
    ),
    ("FR", "FRA", &["francia", "france", "francese", "french"]),
    ("GA", "GAB", &["gabon"]),
    ("GM", "GMB", &["gambia", "gambie", "gambiano", "gambian"]),
    ("GE", "GEO", &["georgia", "georgie"]),
    (
        "DE",
        "DEU",
        &["germania", "germany", "allemagne", "tedesco", "german"],
    ),
    ("GH", "GHA", &["ghana", "ghanese", "ghanaian"]),
    ("GR", "GRC", &["grecia", "greece", "grece"]),
    (
        "GN",
        "GIN",
        &["guinea", "guinee", "guinea conakry", "guineano", "guinean"],
    ),
    ("GW", "GNB", &["guinea bissau", "guinee bissau"]),
    ("IN", "IND", &["india", "inde", "indiano", "indian"]),
    ("IR", "IRN", &["iran"]),
    ("IQ", "IRQ", &["iraq", "irak"]),
    ("IT", "ITA", &["italia", "italy", "italie", "italiano", "italian"]),
    ("JO", "JOR", &["giordania", "jordan", "jordanie"]),
    ("KZ", "KAZ", &["kazakistan", "kazakhstan"]),
    ("KE", "KEN", &["kenya"]),
    ("XK", "XKX", &["kosovo"]),
    ("KG", "KGZ", &["kirghizistan", "kyrgyzstan"]),
    ("LB", "LBN", &["libano", "lebanon", "liban"]),
    ("LR", "LBR", &["liberia"]),
    ("LY", "LBY", &["libia", "libya", "libye", "libico", "libyan"]),
    (
        "MK",
        "MKD",
        &["macedonia", "macedonia del nord", "north macedonia", "macedoine"],
    ),
    ("ML", "MLI", &["mali", "maliano", "malian"]),
    (
        "MA",
        "MAR",
        &["marocco", "morocco", "maroc", "marocchino", "moroccan"],
    ),
    ("MR", "MRT", &["mauritania", "mauritanie"]),
    (
        "MD",
        "MDA",
        &["moldavia", "moldova", "moldavie", "moldavo", "moldovan"],
    ),
    ("NP", "NPL", &["nepal"]),
    ("NE", "NER", &["niger"]),
    ("NG", "NGA", &["nigeria", "nigeriano", "nigerian"]),
    ("PK", "PAK", &["pakistan", "pakistano", "pakistani"]),
    ("PS", "PSE", &["palestina", "palestine"]),
    ("PE", "PER", &["peru", "perou", "peruviano", "peruvian"]),
    (
        "PL",
        "POL",
        &["polonia", "poland", "pologne", "polacco", "polish"],
    ),
    ("PT", "PRT", &["portogallo", "portugal"]),
    (
        "GB",
        "GBR",
        &[
            "regno unito",
            "united kingdom",
            "uk",
            "royaume uni",
            "great britain",
        ],
    ),
    (
        "CZ",
        "CZE",
        &[
            "repubblica ceca",
            "czech republic",
            "czechia",
            "republique tcheque",
        ],
    ),
    (
        "CF",
        "CAF",
        &[
            "repubblica centrafricana",
            "central african republic",
            "centrafrique",
        ],
    ),
    ("RO", "ROU", &["romania", "roumanie", "rumeno", "romanian"]),
    (
        "RU",
        "RUS",
        &[
            "russia",
            "russie",
            "russo",
            "russian",
            "federazione russa",
            "russian federation",
        ],
    ),
    (
        "SA",
        "SAU",
        &["arabia saudita", "saudi arabia", "arabie saoudite"],
    ),
    ("SN", "SEN", &["senegal", "senegalese"]),
    ("RS", "SRB", &["serbia", "serbie"]),
    ("SL", "SLE", &["sierra leone"]),
    ("SY", "SYR", &["siria", "syria", "syrie", "siriano", "syrian"]),
    ("SK", "SVK", &["slovacchia", "slovakia", "slovaquie"]),
    ("SO", "SOM", &["somalia", "somalie", "somalo", "somali"]),
    ("ES", "ESP", &["spagna", "spain", "espagne"]),
    ("LK", "LKA", &["sri lanka", "srilanka", "cingalese", "sri lankan"]),
    (
        "US",
        "USA",
        &["stati uniti", "united states", "usa", "etats unis"],
    ),
    ("SD", "SDN", &["sudan", "soudan", "sudanese"]),
    ("SS", "SSD", &["sud sudan", "south sudan", "soudan du sud"]),
    ("TJ", "TJK", &["tagikistan", "tajikistan"]),
    ("TG", "TGO", &["togo"]),
    ("TN", "TUN", &["tunisia", "tunisie", "tunisino", "tunisian"]),
    (
        "TR",
        "TUR",
        &["turchia", "turkey", "turquie", "turkiye", "turco", "turkish"],
    ),
    ("UA", "UKR", &["ucraina", "ukraine", "ucraino", "ukrainian"]),
    ("UG", "UGA", &["uganda", "ouganda"]),
    ("HU", "HUN", &["ungheria", "hungary", "hongrie"]),
    ("UZ", "UZB", &["uzbekistan", "ouzbekistan"]),
    ("VE", "VEN", &["venezuela"]),
    ("VN", "VNM", &["vietnam", "viet nam"]),
    ("YE", "YEM", &["yemen"]),
];

/// The alpha-2 code of a nationality written as a code or a name; otherwise the [`plain`] text.
pub fn nationality(text: &str) -> Option<String> {
    static LOOKUP: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    let lookup = LOOKUP.get_or_init(|| {
        let mut lookup = FxHashMap::default();
        for (alpha2, alpha3, names) in COUNTRIES {
            lookup.insert(alpha2.to_lowercase(), *alpha2);
            lookup.insert(alpha3.to_lowercase(), *alpha2);
            for name in *names {
                lookup.insert(plain(name).replace(' ', ""), *alpha2);
            }
        }
        lookup
    });
    let plain = plain(text);
    if plain.is_empty() {
        return None;
    }
    Some(
        lookup
            .get(&plain.replace(' ', ""))
            .map_or(plain, |code| (*code).to_owned()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_agree() {
        for written in ["MA", "mar", "Marocco", "Morocco", "Maroc"] {
            assert_eq!(nationality(written).as_deref(), Some("MA"), "{written}");
        }
        assert_eq!(nationality("Côte d'Ivoire").as_deref(), Some("CI"));
        assert_eq!(nationality("costa d'avorio").as_deref(), Some("CI"));
        assert_eq!(nationality("Atlantis").as_deref(), Some("atlantis"));
        assert_eq!(nationality("  "), None);
    }
}
