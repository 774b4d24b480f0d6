//! The people: where they come from, what they are called, how old they
//! are and how they can be reached.

use chrono::NaiveDate;
use rand::Rng;
use rand::rngs::StdRng;
use soleil_domain::DeclaredLegalStatus as Status;
use soleil_domain::WorkSector as Sector;
use soleil_domain::{DeclaredLegalStatus, PersonInput, Sex, WorkSector};

use super::draw::{Weighted, pick};

/// Birth dates are counted back from a fixed day, not from today, so that the
/// same seed gives the same people whatever the day of the load.
const BIRTH_ANCHOR_YEAR: i32 = 2026;

/// A country the network's workers come from, with what tends to go with it.
pub(super) struct Origin {
    /// ISO 3166-1 alpha-2.
    pub(super) country: &'static str,
    pub(super) female_percent: u32,
    male_names: &'static [&'static str],
    female_names: &'static [&'static str],
    surnames: &'static [&'static str],
    /// Women's surnames where they differ (Kaur); empty when they do not.
    female_surnames: &'static [&'static str],
    /// ISO 639-1; the first is always spoken, the others sometimes.
    pub(super) languages: &'static [&'static str],
    /// The first language as an operator writes it in an alias.
    language_name: &'static str,
    pub(super) sectors: &'static [Weighted<WorkSector>],
    pub(super) statuses: &'static [Weighted<DeclaredLegalStatus>],
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

pub(super) const ORIGINS: &[Origin] = &[
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

pub(super) fn origin(code: &str) -> &'static Origin {
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

/// Who the operator recorded: a name, or a description for someone who
/// gave none.
pub(super) fn person(
    rng: &mut StdRng,
    origin: &Origin,
    female: bool,
    age: i32,
    anonymous: bool,
) -> PersonInput {
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
        let input = PersonInput {
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
            ..PersonInput::default()
        };
        with_birth_place(input, origin)
    }
}

/// Most persons with a known birth date also said where they were born, and
/// some showed a health card: its codice fiscale is the one computed, as for
/// anyone without omocodia. Decided by the birth date's day of the year, not
/// by the random draws, so the rest of the demo stays as the seed makes it.
fn with_birth_place(mut input: PersonInput, origin: &Origin) -> PersonInput {
    use soleil_domain::codice_fiscale::{CodiceFiscale, Holder};
    let (Some(born), Some(state)) = (
        input.date_of_birth,
        soleil_reference::foreign_state_by_iso(origin.country),
    ) else {
        return input;
    };
    let day = chrono::Datelike::ordinal(&born);
    if day % 4 == 0 {
        return input;
    }
    input.place_of_birth = Some(state.name.to_owned());
    if day % 2 == 1 {
        let holder = (input.surname.as_deref(), input.given_name.as_deref(), input.sex);
        if let (Some(surname), Some(given_name), Some(sex)) = holder {
            let code = CodiceFiscale::compute(&Holder {
                surname,
                given_name,
                sex,
                date_of_birth: born,
                belfiore_code: state.code,
            });
            input.codice_fiscale = code.ok().map(|code| code.to_string());
        }
    }
    input
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rand::SeedableRng;
    use rand::rngs::StdRng;
    use soleil_domain::NewPerson;

    use super::super::SEED;
    use super::super::stories::stories;

    #[test]
    fn some_persons_have_a_place_of_birth_and_a_codice_fiscale_that_fits_them() {
        let stories = stories(&mut StdRng::seed_from_u64(SEED));
        let persons: Vec<_> = stories.iter().map(|s| &s.person).collect();
        let with_place = persons.iter().filter(|p| p.place_of_birth.is_some()).count();
        let with_code = persons.iter().filter(|p| p.codice_fiscale.is_some()).count();
        assert!(
            with_place * 2 > persons.len() / 2,
            "{with_place} of {} with a place",
            persons.len()
        );
        assert!(
            with_code > 20 && with_code < with_place,
            "{with_code} with a codice fiscale"
        );
        // NewPerson checks each code against the person's birth date and sex.
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        for person in persons.iter().filter(|p| p.codice_fiscale.is_some()) {
            let checked = NewPerson::parse(person, today);
            assert!(checked.is_ok(), "{person:?}: {checked:?}");
        }
    }
}
