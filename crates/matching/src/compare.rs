//! Field comparators: each turns two prepared values into an [`Outcome`] (a comparison level).

use crate::evidence::Outcome;
use crate::phonetic;
use crate::prepare::NameToken;
use crate::record::{BirthDate, Sex};
use crate::similarity::jaro_winkler;

/// Jaro–Winkler similarity from which two spellings count as close.
pub const FUZZY_SIMILARITY: f64 = 0.88;

/// How well two name tokens agree, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum TokenAgreement {
    None,
    Fuzzy,
    Variant,
    Exact,
}

fn token_agreement(a: &NameToken, b: &NameToken) -> (TokenAgreement, f64) {
    if a.text == b.text {
        return (TokenAgreement::Exact, 1.0);
    }
    let similarity = jaro_winkler(&a.text, &b.text);
    let same_key = a.key == b.key;
    // Short keys (`al` for Ali, Ola, Eli) say little: they also need close transliterations.
    let variant = phonetic::same_group(&a.text, &b.text)
        || !phonetic::different_groups(&a.text, &b.text)
            && (a.transliterated == b.transliterated
                || same_key
                    && (a.key.len() >= 3 || jaro_winkler(&a.transliterated, &b.transliterated) >= 0.85));
    if variant {
        (TokenAgreement::Variant, similarity)
    } else if similarity >= FUZZY_SIMILARITY
        || similarity >= 0.7 && jaro_winkler(&a.transliterated, &b.transliterated) >= 0.9
    {
        (TokenAgreement::Fuzzy, similarity)
    } else {
        (TokenAgreement::None, similarity)
    }
}

/// The agreements of a one-to-one assignment of tokens (greedy on the best agreement first, which is
/// optimal for the two or three tokens a name part usually has). One entry per token of the shorter side.
/// Returns the weakest agreement of the assignment (`None` also when a token was left unassigned because
/// a side has more than [`MAX_TOKENS`]).
fn weakest_assigned(x: &[NameToken], y: &[NameToken]) -> TokenAgreement {
    let (x, y) = (&x[..x.len().min(MAX_TOKENS)], &y[..y.len().min(MAX_TOKENS)]);
    let mut scores = [(TokenAgreement::None, 0.0, 0u8, 0u8); MAX_TOKENS * MAX_TOKENS];
    let mut count = 0;
    for (i, a) in x.iter().enumerate() {
        for (j, b) in y.iter().enumerate() {
            let (agreement, similarity) = token_agreement(a, b);
            scores[count] = (agreement, similarity, i as u8, j as u8);
            count += 1;
        }
    }
    let scores = &mut scores[..count];
    scores.sort_unstable_by(|p, q| q.0.cmp(&p.0).then(q.1.total_cmp(&p.1)));
    let (mut used_x, mut used_y) = (0u32, 0u32);
    let mut assigned = 0;
    let mut weakest = TokenAgreement::Exact;
    for (agreement, _, i, j) in scores.iter() {
        let (bit_x, bit_y) = (1u32 << i, 1u32 << j);
        if used_x & bit_x == 0 && used_y & bit_y == 0 {
            used_x |= bit_x;
            used_y |= bit_y;
            assigned += 1;
            weakest = weakest.min(*agreement);
        }
    }
    if assigned == 0 {
        TokenAgreement::None
    } else {
        weakest
    }
}

/// Name parts longer than this are compared on their first tokens.
const MAX_TOKENS: usize = 6;

/// Compares two name parts (surnames, given names, or one's surname with the other's given names),
/// order-insensitively:
/// - `exact`: the same tokens in the same order;
/// - `variant`: the same number of tokens, each agreeing exactly or as a known variant / phonetic key
///   (so reordered tokens are `variant`), or the same letters split differently (`Mohamedali`);
/// - `fuzzy`: the same number of tokens, each at least close in spelling, or close joined spellings;
/// - `partial`: every token of the shorter side agrees at least closely with one of the longer side
///   (an extra middle name);
/// - `disagree` otherwise; `missing` when a side has no token.
pub fn name_parts(x: &[NameToken], x_joined: &str, y: &[NameToken], y_joined: &str) -> Outcome {
    if x.is_empty() || y.is_empty() {
        return Outcome::Missing;
    }
    if x == y {
        return Outcome::Exact;
    }
    if x_joined == y_joined {
        return Outcome::Variant;
    }
    let weakest = weakest_assigned(x, y);
    if x.len() == y.len() {
        if weakest >= TokenAgreement::Variant {
            return Outcome::Variant;
        }
        if weakest >= TokenAgreement::Fuzzy {
            return Outcome::Fuzzy;
        }
    } else if weakest >= TokenAgreement::Fuzzy {
        return Outcome::Partial;
    }
    if (x.len() > 1 || y.len() > 1) && jaro_winkler(x_joined, y_joined) >= 0.92 {
        return Outcome::Fuzzy;
    }
    Outcome::Disagree
}

/// Compares dates of birth; the first level that applies:
/// - `exact`: all parts known and equal, not a placeholder;
/// - `placeholder`: a side is a placeholder (1 January, the first of a month, unknown day or month) and the
///   parts it can be trusted for agree with the other side (the year, and the month unless it is 1 January
///   or unknown); two equal placeholders also land here, as they say less than two equal real dates;
/// - `swapped_day_month`: same year, day and month written the other way round;
/// - `typing_slip`: the eight digits differ in one place or by two adjacent digits transposed;
/// - `year_close`: same day and month, years one apart;
/// - `disagree`; `missing` when a side or its year is unknown.
pub fn dates(a: Option<BirthDate>, b: Option<BirthDate>) -> Outcome {
    let (Some(a), Some(b)) = (a, b) else {
        return Outcome::Missing;
    };
    let (Some(year_a), Some(year_b)) = (a.year, b.year) else {
        return Outcome::Missing;
    };
    if a.is_placeholder() || b.is_placeholder() {
        let trusts_month =
            |date: &BirthDate| date.month.is_some() && !(date.month == Some(1) && date.day == Some(1));
        let months_agree = match (a.month, b.month) {
            (Some(month_a), Some(month_b)) if trusts_month(&a) && trusts_month(&b) => month_a == month_b,
            _ => true,
        };
        if year_a == year_b && months_agree {
            return Outcome::Placeholder;
        }
    }
    let (Some(month_a), Some(day_a), Some(month_b), Some(day_b)) = (a.month, a.day, b.month, b.day) else {
        return Outcome::Disagree;
    };
    if a == b {
        return Outcome::Exact;
    }
    if year_a == year_b && month_a == day_b && day_a == month_b {
        return Outcome::SwappedDayMonth;
    }
    if is_typing_slip_bytes(
        &date_digits(year_a, month_a, day_a),
        &date_digits(year_b, month_b, day_b),
    ) {
        return Outcome::TypingSlip;
    }
    if month_a == month_b && day_a == day_b && year_a.abs_diff(year_b) == 1 {
        return Outcome::YearClose;
    }
    Outcome::Disagree
}

/// A date as its eight digits `YYYYMMDD`.
fn date_digits(year: u16, month: u8, day: u8) -> [u8; 8] {
    let mut digits = [0u8; 8];
    let number = u32::from(year) * 10_000 + u32::from(month) * 100 + u32::from(day);
    for (position, digit) in digits.iter_mut().rev().enumerate() {
        *digit = b'0' + (number / 10u32.pow(position as u32) % 10) as u8;
    }
    digits
}

/// Whether two strings of the same length differ in exactly one place, or by one pair of adjacent
/// characters swapped.
pub fn is_typing_slip(a: &str, b: &str) -> bool {
    is_typing_slip_bytes(a.as_bytes(), b.as_bytes())
}

fn is_typing_slip_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() || a == b {
        return false;
    }
    let mut differences = (0..a.len()).filter(|&i| a[i] != b[i]);
    match (differences.next(), differences.next(), differences.next()) {
        (Some(_), None, _) => true,
        (Some(i), Some(j), None) => j == i + 1 && a[i] == b[j] && a[j] == b[i],
        _ => false,
    }
}

/// Equal, different, or missing.
pub fn equality<T: PartialEq>(a: Option<T>, b: Option<T>) -> Outcome {
    match (a, b) {
        (Some(a), Some(b)) if a == b => Outcome::Exact,
        (Some(_), Some(_)) => Outcome::Disagree,
        _ => Outcome::Missing,
    }
}

pub fn sexes(a: Option<Sex>, b: Option<Sex>) -> Outcome {
    equality(a, b)
}

/// Identifiers (codice fiscale, phone): `exact`, `typing_slip`, `disagree`, `missing`.
pub fn identifiers(a: Option<&str>, b: Option<&str>) -> Outcome {
    match (a, b) {
        (Some(a), Some(b)) if a == b => Outcome::Exact,
        (Some(a), Some(b)) if is_typing_slip(a, b) => Outcome::TypingSlip,
        (Some(_), Some(_)) => Outcome::Disagree,
        _ => Outcome::Missing,
    }
}

/// Documents: `exact` when any number is shared, `typing_slip` when two differ by a slip, `disagree` when
/// both sides have numbers and none agree (a person may hold several documents, so this weighs little).
pub fn documents(a: &[Box<str>], b: &[Box<str>]) -> Outcome {
    if a.is_empty() || b.is_empty() {
        return Outcome::Missing;
    }
    let pairs = || a.iter().flat_map(|x| b.iter().map(move |y| (x, y)));
    if pairs().any(|(x, y)| x == y) {
        Outcome::Exact
    } else if pairs().any(|(x, y)| is_typing_slip(x, y)) {
        Outcome::TypingSlip
    } else {
        Outcome::Disagree
    }
}

/// Places of birth: `exact`, `fuzzy` (close spelling, or one name contained in the other: `Conakry` /
/// `Conakry Guinea`), `disagree`, `missing`.
pub fn places(a: Option<&str>, b: Option<&str>) -> Outcome {
    match (a, b) {
        (Some(a), Some(b)) if a == b => Outcome::Exact,
        (Some(a), Some(b)) if is_close_text(a, b) => Outcome::Fuzzy,
        (Some(_), Some(_)) => Outcome::Disagree,
        _ => Outcome::Missing,
    }
}

fn is_close_text(a: &str, b: &str) -> bool {
    let contained = |short: &str, long: &str| short.len() >= 4 && long.split(' ').any(|word| word == short);
    jaro_winkler(a, b) >= FUZZY_SIMILARITY || contained(a, b) || contained(b, a)
}

/// The parts of an address compared together.
pub struct AddressParts<'a> {
    pub address: Option<&'a str>,
    pub locality: Option<&'a str>,
    pub postcode: Option<&'a str>,
}

/// Addresses: `exact` / `fuzzy` on the street address; `partial` when only the locality or postcode
/// agrees; `disagree` when something comparable differs; `missing` when nothing can be compared.
pub fn addresses(a: &AddressParts<'_>, b: &AddressParts<'_>) -> Outcome {
    let street = places(a.address, b.address);
    if matches!(street, Outcome::Exact | Outcome::Fuzzy) {
        return street;
    }
    let locality = places(a.locality, b.locality);
    let postcode = equality(a.postcode, b.postcode);
    if matches!(locality, Outcome::Exact | Outcome::Fuzzy) || postcode == Outcome::Exact {
        return Outcome::Partial;
    }
    if [street, locality, postcode].contains(&Outcome::Disagree) {
        Outcome::Disagree
    } else {
        Outcome::Missing
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::name_tokens;

    fn part(text: &str) -> (Vec<NameToken>, String) {
        let tokens: Vec<NameToken> = name_tokens(text).into_iter().map(NameToken::new).collect();
        let joined = tokens.iter().map(|token| &*token.text).collect();
        (tokens, joined)
    }

    fn names(a: &str, b: &str) -> Outcome {
        let (a, a_joined) = part(a);
        let (b, b_joined) = part(b);
        name_parts(&a, &a_joined, &b, &b_joined)
    }

    #[test]
    fn name_levels() {
        assert_eq!(names("Mohamed", "Mohamed"), Outcome::Exact);
        assert_eq!(names("Mohamed", "Muhammad"), Outcome::Variant);
        assert_eq!(names("Mohammed", "Mohd"), Outcome::Variant);
        assert_eq!(names("Singh", "Sing"), Outcome::Variant);
        assert_eq!(names("Abd el Rahman", "Abdul Rahman"), Outcome::Exact);
        assert_eq!(names("Ali Hassan", "Hassan Ali"), Outcome::Variant);
        assert_eq!(names("Mohamed Ali", "Mohamedali"), Outcome::Variant);
        assert_eq!(names("Jonathan", "Jonathon"), Outcome::Variant);
        assert_eq!(names("Jonathan", "Jonahtan"), Outcome::Fuzzy);
        assert_eq!(names("Mohamed", "Mahmoud"), Outcome::Disagree);
        assert_eq!(names("Mohamed Ali", "Mohamed"), Outcome::Partial);
        assert_eq!(names("Mohamed", "Ibrahim"), Outcome::Disagree);
        assert_eq!(names("Mohamed Ali", "Mohamed Hassan"), Outcome::Disagree);
        assert_eq!(names("", "Ibrahim"), Outcome::Missing);
    }

    fn date(text: &str) -> Option<BirthDate> {
        BirthDate::parse(text)
    }

    #[test]
    fn date_levels() {
        assert_eq!(dates(date("1994-03-17"), date("17/03/1994")), Outcome::Exact);
        assert_eq!(
            dates(date("01/01/1994"), date("1994-06-15")),
            Outcome::Placeholder
        );
        assert_eq!(
            dates(date("01/01/1994"), date("01/01/1994")),
            Outcome::Placeholder
        );
        assert_eq!(dates(date("1994"), date("1994-06-15")), Outcome::Placeholder);
        assert_eq!(
            dates(date("1994-06-01"), date("1994-06-15")),
            Outcome::Placeholder
        );
        assert_eq!(dates(date("1994-06-01"), date("1994-07-15")), Outcome::Disagree);
        assert_eq!(dates(date("01/01/1994"), date("1995-06-15")), Outcome::Disagree);
        assert_eq!(
            dates(date("1994-03-07"), date("1994-07-03")),
            Outcome::SwappedDayMonth
        );
        assert_eq!(dates(date("1994-03-17"), date("1994-03-18")), Outcome::TypingSlip);
        assert_eq!(dates(date("1994-03-17"), date("1949-03-17")), Outcome::TypingSlip);
        assert_eq!(dates(date("1989-03-17"), date("1990-03-17")), Outcome::YearClose);
        assert_eq!(dates(date("1989-03-17"), date("1975-11-02")), Outcome::Disagree);
        assert_eq!(dates(None, date("1975-11-02")), Outcome::Missing);
    }

    #[test]
    fn typing_slips() {
        assert!(is_typing_slip("12345", "12355"));
        assert!(is_typing_slip("12345", "12354"));
        assert!(!is_typing_slip("12345", "12345"));
        assert!(!is_typing_slip("12345", "13355"));
        assert!(!is_typing_slip("12345", "1234"));
    }

    #[test]
    fn other_fields() {
        assert_eq!(sexes(Some(Sex::Male), Some(Sex::Male)), Outcome::Exact);
        assert_eq!(sexes(Some(Sex::Male), None), Outcome::Missing);
        assert_eq!(places(Some("conakry"), Some("konakry")), Outcome::Fuzzy);
        assert_eq!(places(Some("conakry"), Some("conakry guinea")), Outcome::Fuzzy);
        assert_eq!(places(Some("conakry"), Some("dakar")), Outcome::Disagree);
        let docs = |numbers: &[&str]| numbers.iter().map(|n| Box::<str>::from(*n)).collect::<Vec<_>>();
        assert_eq!(
            documents(&docs(&["AB123", "X999"]), &docs(&["X999"])),
            Outcome::Exact
        );
        assert_eq!(
            documents(&docs(&["AB123"]), &docs(&["AB132"])),
            Outcome::TypingSlip
        );
        assert_eq!(documents(&docs(&["AB123"]), &docs(&["ZZ999"])), Outcome::Disagree);
        assert_eq!(documents(&docs(&[]), &docs(&["ZZ999"])), Outcome::Missing);
        assert_eq!(
            identifiers(Some("3331234567"), Some("3331234576")),
            Outcome::TypingSlip
        );
    }

    #[test]
    fn address_levels() {
        let parts = |address, locality, postcode| AddressParts {
            address,
            locality,
            postcode,
        };
        let home = parts(Some("via roma 12"), Some("latina"), Some("04100"));
        assert_eq!(
            addresses(&home, &parts(Some("via roma 12"), None, None)),
            Outcome::Exact
        );
        assert_eq!(
            addresses(&home, &parts(Some("via rome 12"), None, None)),
            Outcome::Fuzzy
        );
        assert_eq!(
            addresses(&home, &parts(Some("corso italia 3"), Some("latina"), None)),
            Outcome::Partial
        );
        assert_eq!(
            addresses(&home, &parts(Some("corso italia 3"), Some("foggia"), None)),
            Outcome::Disagree
        );
        assert_eq!(addresses(&home, &parts(None, None, None)), Outcome::Missing);
    }
}
