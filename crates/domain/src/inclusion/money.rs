//! Exact money: integer euro cents, never floats.
//!
//! Every amount in SOLEIL is a [`Cents`]: stored as a 64-bit integer,
//! sent in JSON as an integer number of cents, typed by people as euros
//! ("12,50", "12.50", "1.234,56") and shown in their language
//! ("1.234,56 €" in Italian, "€1,234.56" in English).

use std::fmt::Write as _;

/// The code of every amount that cannot be read as euros and cents.
pub const INVALID_AMOUNT: &str = "invalid_amount";
/// The code of a zero amount where something must be paid.
pub const AMOUNT_NOT_POSITIVE: &str = "amount_not_positive";

/// An amount of money in euro cents.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    utoipa::ToSchema,
)]
#[serde(transparent)]
#[schema(value_type = i64)]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
pub struct Cents(pub i64);

impl Cents {
    pub const ZERO: Cents = Cents(0);

    /// Reads euros as people type them: an optional euro sign, digits,
    /// optionally grouped by thousands with `.` or `,`, and up to two
    /// decimals after `,` or `.`.
    ///
    /// Which separator is the decimal one: when both appear, the last; when
    /// only one kind appears once and one or two digits follow it, that one;
    /// otherwise (three digits after it, or several of it) it groups
    /// thousands. So "1.234" is 1234 euros, never 1,234 euros: cents have two
    /// digits. Negative amounts are refused: nobody types a negative payment.
    pub fn parse(text: &str) -> Result<Cents, &'static str> {
        let text = text.trim();
        let text = text.strip_prefix('€').unwrap_or(text);
        let text = text.strip_suffix('€').unwrap_or(text).trim();
        let (whole, decimals) = split_decimals(text).ok_or(INVALID_AMOUNT)?;
        let euros = parse_grouped(whole).ok_or(INVALID_AMOUNT)?;
        let cents = match decimals.len() {
            0 => 0,
            1 => digits_value(decimals).ok_or(INVALID_AMOUNT)? * 10,
            2 => digits_value(decimals).ok_or(INVALID_AMOUNT)?,
            _ => return Err(INVALID_AMOUNT),
        };
        euros
            .checked_mul(100)
            .and_then(|c| c.checked_add(cents))
            .map(Cents)
            .ok_or(INVALID_AMOUNT)
    }

    /// Like [`Cents::parse`], and zero is refused too: for amounts to pay.
    pub fn parse_positive(text: &str) -> Result<Cents, &'static str> {
        let amount = Self::parse(text)?;
        if amount.0 == 0 {
            Err(AMOUNT_NOT_POSITIVE)
        } else {
            Ok(amount)
        }
    }

    pub fn checked_add(self, other: Cents) -> Option<Cents> {
        self.0.checked_add(other.0).map(Cents)
    }

    pub fn checked_sub(self, other: Cents) -> Option<Cents> {
        self.0.checked_sub(other.0).map(Cents)
    }

    /// The sum of amounts, or `None` on overflow.
    pub fn checked_sum(amounts: impl IntoIterator<Item = Cents>) -> Option<Cents> {
        amounts.into_iter().try_fold(Cents::ZERO, Cents::checked_add)
    }

    /// What `minutes` are worth at `rate_per_hour`: rate × minutes / 60,
    /// rounded half up to the cent (the rule of art. 2 of the allowance
    /// regulations: a half cent or more counts as a cent; less is dropped).
    /// Computed on integers, so 50 minutes at 3,33 €/h is 16650 / 60 =
    /// 277.5 → 2,78 €. `None` when rate or minutes are negative or the
    /// product overflows.
    pub fn for_minutes(rate_per_hour: Cents, minutes: i64) -> Option<Cents> {
        if rate_per_hour.0 < 0 || minutes < 0 {
            return None;
        }
        let product = rate_per_hour.0.checked_mul(minutes)?;
        // Half up on non-negative integers: add half the divisor, then floor.
        Some(Cents(product.checked_add(30)? / 60))
    }

    /// Whether `minutes` at `rate_per_hour` came out exact or was rounded.
    pub fn is_rounded_for_minutes(rate_per_hour: Cents, minutes: i64) -> bool {
        rate_per_hour.0.checked_mul(minutes).is_some_and(|p| p % 60 != 0)
    }

    /// The amount in euros with a decimal comma and thousands dots: "1.234,56 €".
    pub fn format_it(self) -> String {
        format!("{} €", self.digits('.', ','))
    }

    /// The amount in euros with a decimal point and thousands commas: "€1,234.56".
    pub fn format_en(self) -> String {
        let digits = self.digits(',', '.');
        match digits.strip_prefix('-') {
            Some(positive) => format!("-€{positive}"),
            None => format!("€{digits}"),
        }
    }

    /// The amount as a plain decimal with a point and no grouping ("1234.56"),
    /// for files other programs read (CSV).
    pub fn to_plain(self) -> String {
        self.digits_grouped(None, '.')
    }

    /// The amount in euros as typed back into a form ("1234,56").
    pub fn to_input(self) -> String {
        self.digits_grouped(None, ',')
    }

    fn digits(self, thousands: char, decimal: char) -> String {
        self.digits_grouped(Some(thousands), decimal)
    }

    fn digits_grouped(self, thousands: Option<char>, decimal: char) -> String {
        let magnitude = self.0.unsigned_abs();
        let euros = (magnitude / 100).to_string();
        let mut out = String::new();
        if self.0 < 0 {
            out.push('-');
        }
        for (index, digit) in euros.chars().enumerate() {
            let remaining = euros.len() - index;
            if let Some(separator) = thousands.filter(|_| index > 0 && remaining.is_multiple_of(3)) {
                out.push(separator);
            }
            out.push(digit);
        }
        let _ = write!(out, "{decimal}{:02}", magnitude % 100);
        out
    }
}

impl std::fmt::Display for Cents {
    /// Italian first, like the rest of SOLEIL.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.format_it())
    }
}

/// Splits "1.234,56" into ("1.234", "56"); `None` when no reading fits.
fn split_decimals(text: &str) -> Option<(&str, &str)> {
    let last_dot = text.rfind('.');
    let last_comma = text.rfind(',');
    let decimal_at = match (last_dot, last_comma) {
        (None, None) => return Some((text, "")),
        (Some(dot), Some(comma)) => dot.max(comma),
        (Some(at), None) | (None, Some(at)) => {
            let separator = &text[at..at + 1];
            let after = text.len() - at - 1;
            if text.matches(separator).count() == 1 && (1..=2).contains(&after) {
                at
            } else {
                return Some((text, ""));
            }
        }
    };
    Some((&text[..decimal_at], &text[decimal_at + 1..]))
}

/// Reads "1.234.567" or "1234567" (one kind of grouping separator, groups
/// of three after the first) as a number of euros.
fn parse_grouped(whole: &str) -> Option<i64> {
    let separator = whole.chars().find(|c| *c == '.' || *c == ',');
    let Some(separator) = separator else {
        return digits_value(whole);
    };
    let mut groups = whole.split(separator);
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 {
        return None;
    }
    let mut value = digits_value(first)?;
    for group in groups {
        if group.len() != 3 {
            return None;
        }
        value = value.checked_mul(1000)?.checked_add(digits_value(group)?)?;
    }
    Some(value)
}

/// The value of a non-empty run of ASCII digits.
fn digits_value(digits: &str) -> Option<i64> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_ways_people_type_euros() {
        assert_eq!(Cents::parse("12,50"), Ok(Cents(1250)));
        assert_eq!(Cents::parse("12.50"), Ok(Cents(1250)));
        assert_eq!(Cents::parse("12"), Ok(Cents(1200)));
        assert_eq!(Cents::parse("12,5"), Ok(Cents(1250)));
        assert_eq!(Cents::parse("0,01"), Ok(Cents(1)));
        assert_eq!(Cents::parse("1.234,56"), Ok(Cents(123_456)));
        assert_eq!(Cents::parse("1,234.56"), Ok(Cents(123_456)));
        assert_eq!(Cents::parse("1.234"), Ok(Cents(123_400)));
        assert_eq!(Cents::parse("1,234"), Ok(Cents(123_400)));
        assert_eq!(Cents::parse("1.234.567"), Ok(Cents(123_456_700)));
        assert_eq!(Cents::parse(" 8,75 € "), Ok(Cents(875)));
        assert_eq!(Cents::parse("€8.75"), Ok(Cents(875)));
        assert_eq!(Cents::parse("0"), Ok(Cents(0)));
    }

    #[test]
    fn refuses_anything_inexact_or_negative() {
        for text in [
            "",
            " ",
            "€",
            "-1",
            "-0,01",
            "1,2345",
            "12,3456",
            "1.2.3",
            "1.23,4,5",
            "1.23,45",
            "12,",
            ",50",
            "1e3",
            "12 50",
            "abc",
            "1.234,567",
            "99999999999999999999",
            "1,,5",
            "+3",
        ] {
            assert_eq!(Cents::parse(text), Err(INVALID_AMOUNT), "{text:?}");
        }
    }

    #[test]
    fn overflow_is_an_invalid_amount_not_a_panic() {
        assert_eq!(Cents::parse("92233720368547758,07"), Ok(Cents(i64::MAX)));
        assert_eq!(Cents::parse("92233720368547758,08"), Err(INVALID_AMOUNT));
    }

    #[test]
    fn zero_is_refused_where_something_must_be_paid() {
        assert_eq!(Cents::parse_positive("0,00"), Err(AMOUNT_NOT_POSITIVE));
        assert_eq!(Cents::parse_positive("0,01"), Ok(Cents(1)));
        assert_eq!(Cents::parse_positive("-5"), Err(INVALID_AMOUNT));
    }

    #[test]
    fn formats_in_each_language() {
        assert_eq!(Cents(123_456).format_it(), "1.234,56 €");
        assert_eq!(Cents(123_456).format_en(), "€1,234.56");
        assert_eq!(Cents(5).format_it(), "0,05 €");
        assert_eq!(Cents(0).format_en(), "€0.00");
        assert_eq!(Cents(100_000_000).format_it(), "1.000.000,00 €");
        assert_eq!(Cents(-1250).format_it(), "-12,50 €");
        assert_eq!(Cents(-1250).format_en(), "-€12.50");
        assert_eq!(Cents(123_456).to_plain(), "1234.56");
        assert_eq!(Cents(123_456).to_input(), "1234,56");
        assert_eq!(Cents(i64::MIN).to_plain(), "-92233720368547758.08");
    }

    #[test]
    fn formatted_amounts_parse_back() {
        for cents in [0, 1, 99, 100, 875, 123_456, 100_000_000] {
            let amount = Cents(cents);
            assert_eq!(Cents::parse(&amount.format_it()), Ok(amount));
            assert_eq!(Cents::parse(&amount.format_en()), Ok(amount));
            assert_eq!(Cents::parse(&amount.to_input()), Ok(amount));
        }
    }

    #[test]
    fn arithmetic_is_checked() {
        assert_eq!(Cents(1).checked_add(Cents(2)), Some(Cents(3)));
        assert_eq!(Cents(i64::MAX).checked_add(Cents(1)), None);
        assert_eq!(Cents(1).checked_sub(Cents(2)), Some(Cents(-1)));
        assert_eq!(Cents(i64::MIN).checked_sub(Cents(1)), None);
        assert_eq!(Cents::checked_sum([Cents(1), Cents(2)]), Some(Cents(3)));
        assert_eq!(Cents::checked_sum([Cents(i64::MAX), Cents(1)]), None);
    }

    #[test]
    fn minutes_are_paid_pro_rata_rounded_half_up() {
        // 2 h 30 at 3,50 €/h.
        assert_eq!(Cents::for_minutes(Cents(350), 150), Some(Cents(875)));
        // 50 min at 3,33 €/h = 277.5 cents → 2,78 €.
        assert_eq!(Cents::for_minutes(Cents(333), 50), Some(Cents(278)));
        assert!(Cents::is_rounded_for_minutes(Cents(333), 50));
        assert!(!Cents::is_rounded_for_minutes(Cents(350), 150));
        // 277.4 rounds down: 1 min at 1,00 €/h = 1.666… → 2; 1 min at 0,29 €/h = 0.48 → 0.
        assert_eq!(Cents::for_minutes(Cents(100), 1), Some(Cents(2)));
        assert_eq!(Cents::for_minutes(Cents(29), 1), Some(Cents(0)));
        assert_eq!(Cents::for_minutes(Cents(30), 1), Some(Cents(1)));
        assert_eq!(Cents::for_minutes(Cents(350), 0), Some(Cents(0)));
        assert_eq!(Cents::for_minutes(Cents(-1), 60), None);
        assert_eq!(Cents::for_minutes(Cents(1), -60), None);
        assert_eq!(Cents::for_minutes(Cents(i64::MAX), 2), None);
    }
}
