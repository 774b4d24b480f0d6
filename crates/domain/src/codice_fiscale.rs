//! The codice fiscale of a natural person: checked, decoded and computed
//! as the Ministry of Finance's decree of 23 December 1976 defines it.
//!
//! Sixteen characters: three letters of the surname, three of the given
//! name, two digits of the year of birth, a letter for the month, two digits
//! for the day (plus 40 for a woman), the Belfiore code of the place of birth
//! (the cadastral code of an Italian comune, or `Z` and three digits for a
//! foreign state) and a check character.
//!
//! When two persons would get the same code (*omocodia*), the Agenzia delle
//! Entrate replaces digits with letters (`0`–`9` → `L M N P Q R S T U V`),
//! from the rightmost digit on; such a code is valid as it stands, with a
//! check character computed over its letters.
//!
//! Pure: the Belfiore code of a place is an input here. The list of codes
//! lives in the reference data.

use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::person::Sex;

/// A checked codice fiscale: sixteen characters, uppercase, no spaces, its
/// structure and check character right. Kept as typed (an omocodic code
/// stays omocodic); see [`CodiceFiscale::canonical`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CodiceFiscale(String);

/// Why a text is not a codice fiscale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodiceFiscaleError {
    #[error("a codice fiscale has 16 characters, not {found}")]
    Length { found: usize },
    /// `position` counts from 1, as people count the characters on a card.
    #[error("character {position} ({found:?}) cannot stand there")]
    Character { position: usize, found: char },
    /// The day is neither 1–31 (men) nor 41–71 (women).
    #[error("the day of birth {day} is not a day")]
    Day { day: u8 },
    #[error("the check character is {found}, the code gives {expected}")]
    CheckCharacter { expected: char, found: char },
}

impl CodiceFiscaleError {
    /// The stable code of the field error, for forms and the API.
    pub fn code(&self) -> &'static str {
        match self {
            Self::CheckCharacter { .. } => "codice_fiscale_check_character",
            Self::Length { .. } | Self::Character { .. } | Self::Day { .. } => "invalid_codice_fiscale",
        }
    }

    /// What exactly is wrong, in a few words that need no translation:
    /// `length 15`, `position 9: Z`, `day 35`, `expected S`.
    pub fn detail(&self) -> String {
        match self {
            Self::Length { found } => format!("length {found}"),
            Self::Character { position, found } => format!("position {position}: {found}"),
            Self::Day { day } => format!("day {day}"),
            Self::CheckCharacter { expected, .. } => format!("expected {expected}"),
        }
    }
}

/// What a codice fiscale says about its holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The last two digits of the year of birth.
    pub year_of_century: u8,
    pub month: u8,
    pub day: u8,
    /// The date of birth, the century guessed (see [`CodiceFiscale::decode`]);
    /// `None` when the day does not exist in that month (30 February).
    pub date_of_birth: Option<NaiveDate>,
    /// [`Sex::Female`] or [`Sex::Male`]: the code knows no other.
    pub sex: Sex,
    /// The Belfiore code of the place of birth, e.g. `H501` or `Z330`.
    pub belfiore_code: String,
    /// How many digits were replaced with letters (0 for most codes, at most 7).
    pub omocodia_level: u8,
}

impl Decoded {
    /// True when the code was made for this date of birth; the century is
    /// not in the code, so only the day, month and two digits of the year count.
    pub fn agrees_with_date(&self, date: NaiveDate) -> bool {
        u32::from(self.year_of_century) == date.year().rem_euclid(100).unsigned_abs()
            && u32::from(self.month) == date.month()
            && u32::from(self.day) == date.day()
    }

    /// True for a person born abroad: a foreign state's code starts with Z.
    pub fn born_abroad(&self) -> bool {
        self.belfiore_code.starts_with('Z')
    }
}

/// What a codice fiscale is computed from.
#[derive(Debug, Clone, Copy)]
pub struct Holder<'a> {
    pub surname: &'a str,
    pub given_name: &'a str,
    pub sex: Sex,
    pub date_of_birth: NaiveDate,
    /// The Belfiore code of the place of birth: a comune's cadastral code
    /// (`H501`) or a foreign state's (`Z330`).
    pub belfiore_code: &'a str,
}

/// Why a codice fiscale cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ComputeError {
    /// The surname has no Latin letter to take (written in another script only).
    #[error("the surname has no Latin letter")]
    Surname,
    #[error("the given name has no Latin letter")]
    GivenName,
    /// The code knows only women and men.
    #[error("the codice fiscale knows only the sexes female and male")]
    Sex,
    #[error("the date of birth cannot be written in a codice fiscale")]
    DateOfBirth,
    /// Not a letter and three digits.
    #[error("not a Belfiore code")]
    BelfioreCode,
}

impl ComputeError {
    /// The input field that stopped the computation.
    pub fn field(&self) -> &'static str {
        match self {
            Self::Surname => "surname",
            Self::GivenName => "given_name",
            Self::Sex => "sex",
            Self::DateOfBirth => "date_of_birth",
            Self::BelfioreCode => "place_of_birth",
        }
    }
}

/// The month letters, January to December.
const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";

/// The letters that stand for the digits 0–9 in an omocodic code.
const OMOCODIA: &[u8; 10] = b"LMNPQRSTUV";

/// The positions (from 0) of the seven digits that omocodia may replace:
/// year, day and the three digits of the Belfiore code.
const DIGIT_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];

/// The value towards the check character of a character in an odd
/// position (the first, the third...), from the decree's table. Digits and
/// letters share it by index: `0` and `A` are worth 1, `1` and `B` 0, and so on.
const ODD_VALUES: [u8; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

impl CodiceFiscale {
    /// Checks a codice fiscale as typed: case, spaces and hyphens do not matter.
    pub fn parse(text: &str) -> Result<Self, CodiceFiscaleError> {
        let code = normalise(text);
        let chars: Vec<char> = code.chars().collect();
        if chars.len() != 16 {
            return Err(CodiceFiscaleError::Length { found: chars.len() });
        }
        for (index, &c) in chars.iter().enumerate() {
            let fits = match index {
                8 => MONTHS.contains(&ascii(c)),
                _ if DIGIT_POSITIONS.contains(&index) => c.is_ascii_digit() || OMOCODIA.contains(&ascii(c)),
                _ => c.is_ascii_uppercase(),
            };
            if !fits {
                return Err(CodiceFiscaleError::Character {
                    position: index + 1,
                    found: c,
                });
            }
        }
        let day = two_digits(&code, 9);
        if !(1..=31).contains(&day) && !(41..=71).contains(&day) {
            return Err(CodiceFiscaleError::Day { day });
        }
        let expected = check_character(&code[..15]);
        let found = chars[15];
        if found != expected {
            return Err(CodiceFiscaleError::CheckCharacter { expected, found });
        }
        Ok(Self(code))
    }

    /// The code, as checked: uppercase, sixteen characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What the code says. The century is not written, so the year is the
    /// latest one that does not put the birth after `today`: `85` is 1985,
    /// `10` is 2010 in 2026 but `30` is 1930.
    pub fn decode(&self, today: NaiveDate) -> Decoded {
        let code = self.canonical();
        let code = code.as_str();
        let year_of_century = two_digits(code, 6);
        let month_letter = code.as_bytes()[8];
        let month = MONTHS
            .iter()
            .position(|&m| m == month_letter)
            .map_or(1, |i| i as u8 + 1);
        let day_field = two_digits(code, 9);
        let (sex, day) = if day_field > 40 {
            (Sex::Female, day_field - 40)
        } else {
            (Sex::Male, day_field)
        };
        Decoded {
            year_of_century,
            month,
            day,
            date_of_birth: guess_date(year_of_century, month, day, today),
            sex,
            belfiore_code: code[11..15].to_owned(),
            omocodia_level: DIGIT_POSITIONS
                .iter()
                .filter(|&&i| !self.0.as_bytes()[i].is_ascii_digit())
                .count() as u8,
        }
    }

    /// The same code without omocodia: letters standing for digits put back
    /// to digits and the check character computed again. Two codes of the
    /// same person compare equal this way.
    pub fn canonical(&self) -> Self {
        let mut bytes = self.0.clone().into_bytes();
        for &i in &DIGIT_POSITIONS {
            if let Some(digit) = OMOCODIA.iter().position(|&l| l == bytes[i]) {
                bytes[i] = b'0' + digit as u8;
            }
        }
        let body: String = bytes[..15].iter().map(|&b| char::from(b)).collect();
        let check = check_character(&body);
        Self(format!("{body}{check}"))
    }

    /// The code of a person, with no omocodia (only the Agenzia knows when a
    /// code was changed because another person had it first).
    pub fn compute(holder: &Holder<'_>) -> Result<Self, ComputeError> {
        let surname = surname_part(holder.surname).ok_or(ComputeError::Surname)?;
        let given_name = given_name_part(holder.given_name).ok_or(ComputeError::GivenName)?;
        let day_offset = match holder.sex {
            Sex::Male => 0,
            Sex::Female => 40,
            Sex::Other => return Err(ComputeError::Sex),
        };
        let date = holder.date_of_birth;
        if date.year() < 1800 {
            return Err(ComputeError::DateOfBirth);
        }
        let belfiore = holder.belfiore_code.trim().to_ascii_uppercase();
        let well_formed = belfiore.len() == 4
            && belfiore.as_bytes()[0].is_ascii_uppercase()
            && belfiore.as_bytes()[1..].iter().all(u8::is_ascii_digit);
        if !well_formed {
            return Err(ComputeError::BelfioreCode);
        }
        let month = char::from(MONTHS[date.month0() as usize]);
        let body = format!(
            "{surname}{given_name}{:02}{month}{:02}{belfiore}",
            date.year().rem_euclid(100),
            date.day() + day_offset,
        );
        let check = check_character(&body);
        Ok(Self(format!("{body}{check}")))
    }
}

impl std::fmt::Display for CodiceFiscale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Uppercase, without the spaces, dots and hyphens people type between groups.
pub fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.'))
        .flat_map(char::to_uppercase)
        .collect()
}

/// The byte of an ASCII character, or 0 (which no table holds) for any other.
fn ascii(c: char) -> u8 {
    u8::try_from(c).ok().filter(u8::is_ascii).unwrap_or(0)
}

/// The number at `start` and `start + 1` of a checked code, letters of
/// omocodia read as the digits they stand for.
fn two_digits(code: &str, start: usize) -> u8 {
    let digit = |b: u8| {
        if b.is_ascii_digit() {
            b - b'0'
        } else {
            OMOCODIA.iter().position(|&l| l == b).map_or(0, |d| d as u8)
        }
    };
    let bytes = code.as_bytes();
    digit(bytes[start]) * 10 + digit(bytes[start + 1])
}

/// The check character of the first fifteen characters (uppercase ASCII
/// letters and digits): the characters in odd positions count by
/// [`ODD_VALUES`], those in even positions by their index (`0`–`9` as 0–9,
/// `A`–`Z` as 0–25); the sum modulo 26 is the letter.
fn check_character(body: &str) -> char {
    let sum: u32 = body
        .bytes()
        .enumerate()
        .map(|(index, b)| {
            let value = if b.is_ascii_digit() {
                b - b'0'
            } else {
                b.wrapping_sub(b'A') % 26
            };
            u32::from(if index % 2 == 0 {
                ODD_VALUES[usize::from(value)]
            } else {
                value
            })
        })
        .sum();
    char::from(b'A' + (sum % 26) as u8)
}

/// The date of birth for two digits of the year: this century unless that
/// puts it after `today`.
fn guess_date(year_of_century: u8, month: u8, day: u8, today: NaiveDate) -> Option<NaiveDate> {
    let century = today.year() - today.year().rem_euclid(100);
    let date_in = |century: i32| {
        NaiveDate::from_ymd_opt(
            century + i32::from(year_of_century),
            u32::from(month),
            u32::from(day),
        )
    };
    match date_in(century) {
        Some(date) if date <= today => Some(date),
        Some(_) => date_in(century - 100),
        // 29 February of a year that is not leap in this century may be in the last.
        None => date_in(century - 100).filter(|_| century - 100 + i32::from(year_of_century) <= today.year()),
    }
}

/// The Latin letters of a name, uppercase and without accents; apostrophes,
/// spaces, hyphens and any other sign dropped. Letters that do not decompose
/// into a Latin letter and an accent are written as Italian offices write them.
fn letters(name: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for c in name.nfd().filter(|c| !is_combining_mark(*c)) {
        let replacement = match c {
            'ß' => "SS",
            'æ' | 'Æ' => "AE",
            'œ' | 'Œ' => "OE",
            'ø' | 'Ø' => "O",
            'ł' | 'Ł' => "L",
            'đ' | 'Đ' => "D",
            'þ' | 'Þ' => "TH",
            'ı' => "I",
            _ if c.is_ascii_alphabetic() => {
                out.push(c.to_ascii_uppercase() as u8);
                continue;
            }
            _ => continue,
        };
        out.extend_from_slice(replacement.as_bytes());
    }
    out
}

fn is_vowel(b: &u8) -> bool {
    b"AEIOU".contains(b)
}

/// Consonants first, then vowels, then X: the first three.
fn three_of(consonants: &[u8], vowels: &[u8]) -> String {
    consonants
        .iter()
        .chain(vowels)
        .chain(b"XXX")
        .take(3)
        .map(|&b| char::from(b))
        .collect()
}

/// The consonants and the vowels of a name's letters, or `None` when it has no letter.
fn split_letters(name: &str) -> Option<(Vec<u8>, Vec<u8>)> {
    let letters = letters(name);
    if letters.is_empty() {
        return None;
    }
    Some(letters.into_iter().partition(|b| !is_vowel(b)))
}

/// The first three consonants of the surname, then its vowels, then X.
fn surname_part(surname: &str) -> Option<String> {
    let (consonants, vowels) = split_letters(surname)?;
    Some(three_of(&consonants, &vowels))
}

/// As the surname, except that a given name of four consonants or more
/// gives its first, third and fourth.
fn given_name_part(given_name: &str) -> Option<String> {
    let (consonants, vowels) = split_letters(given_name)?;
    if consonants.len() >= 4 {
        let chosen = [consonants[0], consonants[2], consonants[3]];
        return Some(chosen.iter().map(|&b| char::from(b)).collect());
    }
    Some(three_of(&consonants, &vowels))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        date(2026, 6, 1)
    }

    fn compute(surname: &str, given_name: &str, sex: Sex, born: NaiveDate, place: &str) -> String {
        CodiceFiscale::compute(&Holder {
            surname,
            given_name,
            sex,
            date_of_birth: born,
            belfiore_code: place,
        })
        .unwrap()
        .to_string()
    }

    #[test]
    fn the_agenzia_example_is_valid_and_decodes() {
        // Mario Rossi, born in San Giuliano Terme (A562, Pisa) on 10 December 1985: the
        // example of the Agenzia delle Entrate.
        let code = CodiceFiscale::parse("RSSMRA85T10A562S").unwrap();
        let decoded = code.decode(today());
        assert_eq!(decoded.date_of_birth, Some(date(1985, 12, 10)));
        assert_eq!(decoded.sex, Sex::Male);
        assert_eq!(decoded.belfiore_code, "A562");
        assert_eq!(decoded.omocodia_level, 0);
        assert!(!decoded.born_abroad());
        assert_eq!(
            compute("Rossi", "Mario", Sex::Male, date(1985, 12, 10), "A562"),
            "RSSMRA85T10A562S"
        );
    }

    #[test]
    fn spaces_and_case_do_not_matter() {
        let code = CodiceFiscale::parse(" rssmra 85t10 a562s ").unwrap();
        assert_eq!(code.as_str(), "RSSMRA85T10A562S");
        assert_eq!(normalise("rss-mra.85"), "RSSMRA85");
    }

    #[test]
    fn a_wrong_length_is_told() {
        assert_eq!(
            CodiceFiscale::parse("RSSMRA85T10A562"),
            Err(CodiceFiscaleError::Length { found: 15 })
        );
        assert_eq!(
            CodiceFiscale::parse(""),
            Err(CodiceFiscaleError::Length { found: 0 })
        );
    }

    #[test]
    fn a_character_out_of_place_is_told_with_its_position() {
        // A digit among the surname's letters.
        let err = CodiceFiscale::parse("R5SMRA85T10A562S").unwrap_err();
        assert_eq!(
            err,
            CodiceFiscaleError::Character {
                position: 2,
                found: '5'
            }
        );
        assert_eq!(err.code(), "invalid_codice_fiscale");
        assert_eq!(err.detail(), "position 2: 5");
        // Z is no month.
        assert_eq!(
            CodiceFiscale::parse("RSSMRA85Z10A562S"),
            Err(CodiceFiscaleError::Character {
                position: 9,
                found: 'Z'
            })
        );
        // A letter that stands for no digit where a digit belongs.
        assert_eq!(
            CodiceFiscale::parse("RSSMRA8AT10A562S"),
            Err(CodiceFiscaleError::Character {
                position: 8,
                found: 'A'
            })
        );
        // The place's first character is a letter.
        assert_eq!(
            CodiceFiscale::parse("RSSMRA85T101562S"),
            Err(CodiceFiscaleError::Character {
                position: 12,
                found: '1'
            })
        );
    }

    #[test]
    fn a_day_that_is_no_day_is_refused() {
        assert_eq!(
            CodiceFiscale::parse("RSSMRA85T35A562S"),
            Err(CodiceFiscaleError::Day { day: 35 })
        );
        assert_eq!(
            CodiceFiscale::parse("RSSMRA85T00A562S"),
            Err(CodiceFiscaleError::Day { day: 0 })
        );
    }

    #[test]
    fn a_wrong_check_character_names_the_right_one() {
        let err = CodiceFiscale::parse("RSSMRA85T10A562T").unwrap_err();
        assert_eq!(
            err,
            CodiceFiscaleError::CheckCharacter {
                expected: 'S',
                found: 'T'
            }
        );
        assert_eq!(err.code(), "codice_fiscale_check_character");
        assert_eq!(err.detail(), "expected S");
        // One typing slip in the body is caught by the check character.
        assert!(matches!(
            CodiceFiscale::parse("RSSMRA85T10A563S"),
            Err(CodiceFiscaleError::CheckCharacter { .. })
        ));
        // Two neighbours swapped too.
        assert!(matches!(
            CodiceFiscale::parse("RSSMRA58T10A562S"),
            Err(CodiceFiscaleError::CheckCharacter { .. })
        ));
    }

    #[test]
    fn women_have_forty_added_to_the_day() {
        let code = compute("Rossi", "Maria", Sex::Female, date(1985, 12, 10), "A562");
        assert_eq!(&code[..11], "RSSMRA85T50");
        let decoded = CodiceFiscale::parse(&code).unwrap().decode(today());
        assert_eq!(decoded.sex, Sex::Female);
        assert_eq!(decoded.day, 10);
        assert_eq!(decoded.date_of_birth, Some(date(1985, 12, 10)));
    }

    #[test]
    fn omocodic_codes_are_valid_and_decode_to_the_same_person() {
        // The seven digits replaced one at a time from the right, each with
        // its own check character.
        let base = CodiceFiscale::parse("RSSMRA85T10A562S").unwrap();
        let mut bytes = base.as_str().as_bytes()[..15].to_vec();
        for (level, &i) in DIGIT_POSITIONS.iter().rev().enumerate() {
            bytes[i] = OMOCODIA[usize::from(bytes[i] - b'0')];
            let body = String::from_utf8(bytes.clone()).unwrap();
            let text = format!("{body}{}", check_character(&body));
            let code = CodiceFiscale::parse(&text).unwrap();
            let decoded = code.decode(today());
            assert_eq!(decoded.omocodia_level as usize, level + 1, "{text}");
            assert_eq!(decoded.date_of_birth, Some(date(1985, 12, 10)), "{text}");
            assert_eq!(decoded.belfiore_code, "A562", "{text}");
            assert_eq!(code.canonical(), base, "{text}");
        }
        // The first level by hand: 2 → N in the last digit of the place.
        let first = CodiceFiscale::parse("RSSMRA85T10A56NH").unwrap();
        assert_eq!(first.decode(today()).omocodia_level, 1);
        assert_eq!(first.canonical().as_str(), "RSSMRA85T10A562S");
    }

    #[test]
    fn a_person_born_abroad_has_the_state_code() {
        // Born in Morocco (Z330) on 3 March 1990.
        let code = compute("El Amrani", "Youssef", Sex::Male, date(1990, 3, 3), "Z330");
        assert_eq!(&code[..15], "LMRYSF90C03Z330");
        let decoded = CodiceFiscale::parse(&code).unwrap().decode(today());
        assert!(decoded.born_abroad());
        assert_eq!(decoded.belfiore_code, "Z330");
        // Born in India (Z222), a woman.
        let code = compute("Kaur", "Harpreet", Sex::Female, date(2001, 7, 15), "z222");
        assert_eq!(&code[..15], "KRAHPR01L55Z222");
        assert_eq!(
            CodiceFiscale::parse(&code).unwrap().decode(today()).date_of_birth,
            Some(date(2001, 7, 15))
        );
    }

    #[test]
    fn the_name_rules_of_the_decree() {
        let part = |s: &str, g: &str| compute(s, g, Sex::Male, date(1980, 1, 1), "H501")[..6].to_owned();
        // Fewer than three consonants: vowels follow, then X.
        assert_eq!(part("Fo", "Ugo"), "FOXGUO");
        assert_eq!(part("Ai", "Al"), "AIXLAX");
        // Four consonants or more in the given name: the first, third and fourth.
        assert_eq!(part("Bianchi", "Gianfranco"), "BNCGFR");
        assert_eq!(part("Singh", "Gurpreet"), "SNGGPR");
        // Exactly three: all three.
        assert_eq!(part("Diallo", "Mamadou"), "DLLMMD");
        // Accents, apostrophes and spaces.
        assert_eq!(part("D'Amico", "Niccolò"), "DMCNCL");
        assert_eq!(part("De Luca", "José"), "DLCJSO");
        assert_eq!(part("Müller", "Zoë"), "MLLZOE");
        assert_eq!(part("Łukasz", "Søren"), "LKSSRN");
    }

    #[test]
    fn what_cannot_be_computed_names_its_field() {
        let holder = Holder {
            surname: "محمد",
            given_name: "Ali",
            sex: Sex::Male,
            date_of_birth: date(1990, 1, 1),
            belfiore_code: "Z330",
        };
        assert_eq!(CodiceFiscale::compute(&holder), Err(ComputeError::Surname));
        assert_eq!(ComputeError::Surname.field(), "surname");
        let holder = Holder {
            surname: "Ali",
            given_name: "  ",
            ..holder
        };
        assert_eq!(CodiceFiscale::compute(&holder), Err(ComputeError::GivenName));
        let holder = Holder {
            given_name: "Omar",
            sex: Sex::Other,
            ..holder
        };
        assert_eq!(CodiceFiscale::compute(&holder), Err(ComputeError::Sex));
        let holder = Holder {
            sex: Sex::Male,
            belfiore_code: "Marocco",
            ..holder
        };
        assert_eq!(CodiceFiscale::compute(&holder), Err(ComputeError::BelfioreCode));
        assert_eq!(ComputeError::BelfioreCode.field(), "place_of_birth");
    }

    #[test]
    fn the_century_is_the_latest_that_is_not_in_the_future() {
        let born = |code: &str| CodiceFiscale::parse(code).unwrap().decode(today()).date_of_birth;
        let code_for = |d: NaiveDate| compute("Rossi", "Mario", Sex::Male, d, "H501");
        assert_eq!(born(&code_for(date(2010, 1, 5))), Some(date(2010, 1, 5)));
        assert_eq!(born(&code_for(date(1930, 1, 5))), Some(date(1930, 1, 5)));
        // Later this year than today: last century.
        assert_eq!(born(&code_for(date(1926, 12, 5))), Some(date(1926, 12, 5)));
        assert_eq!(born(&code_for(date(2026, 5, 31))), Some(date(2026, 5, 31)));
    }

    #[test]
    fn a_day_that_does_not_exist_decodes_without_a_date() {
        // 31 April: the structure is right, the date is not.
        let body = "RSSMRA85D31H501";
        let code = CodiceFiscale::parse(&format!("{body}{}", check_character(body))).unwrap();
        let decoded = code.decode(today());
        assert_eq!(decoded.date_of_birth, None);
        assert_eq!((decoded.month, decoded.day), (4, 31));
    }

    #[test]
    fn agreement_with_a_date_ignores_the_century() {
        let decoded = CodiceFiscale::parse("RSSMRA85T10A562S").unwrap().decode(today());
        assert!(decoded.agrees_with_date(date(1985, 12, 10)));
        assert!(decoded.agrees_with_date(date(1885, 12, 10)));
        assert!(!decoded.agrees_with_date(date(1985, 12, 11)));
        assert!(!decoded.agrees_with_date(date(1984, 12, 10)));
    }
}
