//! The partita IVA: eleven digits, the first seven the taxpayer's number,
//! the next three the code of the tax office that issued it, the last a
//! check digit computed as in the Luhn algorithm (DPR 633/1972, art. 35;
//! DM 23 dicembre 1976).

/// A checked VAT number: eleven digits, no prefix, no spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VatNumber(String);

/// Why a text is not a VAT number. Each has a stable field error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum VatError {
    #[error("a VAT number has eleven digits")]
    Length,
    #[error("the check digit does not match")]
    CheckDigit,
    #[error("no tax office has this code")]
    Office,
}

impl VatError {
    pub fn code(self) -> &'static str {
        match self {
            Self::Length => "vat_number_length",
            Self::CheckDigit => "vat_number_check_digit",
            Self::Office => "vat_number_office",
        }
    }
}

impl VatNumber {
    /// Reads a VAT number as people write it: with or without the `IT`
    /// prefix, with spaces anywhere. A mistyped digit mostly breaks the
    /// check digit, so it is checked before the office code.
    pub fn parse(text: &str) -> Result<Self, VatError> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let digits = compact
            .strip_prefix("IT")
            .or_else(|| compact.strip_prefix("it"))
            .unwrap_or(&compact);
        if digits.len() != 11 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(VatError::Length);
        }
        let values: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
        if check_digit(&values[..10]) != values[10] {
            return Err(VatError::CheckDigit);
        }
        if !is_office(&digits[7..10]) {
            return Err(VatError::Office);
        }
        Ok(Self(digits.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Luhn: the digits in even places (2nd, 4th...) are doubled, less 9 when
/// over 9; the check digit brings the sum to a multiple of ten.
fn check_digit(first_ten: &[u32]) -> u32 {
    let sum: u32 = first_ten
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    (10 - sum % 10) % 10
}

/// The codes of the tax offices: 001–100 the provincial offices, 120 and
/// 121 assigned by the Agenzia delle Entrate, 888 and 999 the special ones
/// (numbers given by the Agenzia's own offices and to non-residents).
fn is_office(code: &str) -> bool {
    matches!(code.parse::<u32>(), Ok(1..=100 | 120 | 121 | 888 | 999))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_numbers_are_accepted_however_they_are_written() {
        // Eni S.p.A., Telecom Italia S.p.A., Ferrari S.p.A.
        for number in [
            "00905811006",
            "IT00488410010",
            "it 001 595 603 66",
            " 00905811006 ",
        ] {
            assert!(VatNumber::parse(number).is_ok(), "{number}");
        }
        assert_eq!(
            VatNumber::parse("IT 00905811006").map(|v| v.0),
            Ok("00905811006".into())
        );
    }

    #[test]
    fn a_number_of_another_length_is_refused() {
        assert_eq!(VatNumber::parse("0090581100"), Err(VatError::Length));
        assert_eq!(VatNumber::parse("009058110061"), Err(VatError::Length));
        assert_eq!(VatNumber::parse("0090581100A"), Err(VatError::Length));
        assert_eq!(VatNumber::parse("DE00905811006"), Err(VatError::Length));
        assert_eq!(VatNumber::parse(""), Err(VatError::Length));
    }

    #[test]
    fn a_mistyped_digit_breaks_the_check_digit() {
        assert_eq!(VatNumber::parse("00905811007"), Err(VatError::CheckDigit));
        assert_eq!(VatNumber::parse("00905181006"), Err(VatError::CheckDigit));
    }

    #[test]
    fn the_office_code_must_exist() {
        // Right check digit, office 890: no such office.
        assert_eq!(VatNumber::parse("12345678903"), Err(VatError::Office));
        assert_eq!(VatNumber::parse("00000000000"), Err(VatError::Office));
    }

    #[test]
    fn the_check_digit_brings_the_sum_to_ten() {
        assert_eq!(check_digit(&[0, 0, 9, 0, 5, 8, 1, 1, 0, 0]), 6);
        assert!(is_office("001") && is_office("100") && is_office("121") && is_office("999"));
        assert!(!is_office("000") && !is_office("101") && !is_office("122") && !is_office("887"));
    }
}
