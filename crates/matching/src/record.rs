//! The input of the engine: a person as recorded, before any normalisation.

use chrono::Datelike;
use serde::{Deserialize, Serialize};

/// Sex as recorded; anything other than female or male is treated as unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
}

impl Sex {
    /// Reads the usual spellings (`F`, `female`, `donna`, `femmina`, `M`, `male`, `uomo`, `maschio`);
    /// anything else is unknown.
    pub fn parse(text: &str) -> Option<Sex> {
        match text.trim().to_lowercase().as_str() {
            "f" | "female" | "woman" | "donna" | "femmina" | "femminile" => Some(Sex::Female),
            "m" | "male" | "man" | "uomo" | "maschio" | "maschile" => Some(Sex::Male),
            _ => None,
        }
    }
}

/// A date of birth whose parts may be unknown (a registry may hold only the year).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BirthDate {
    pub year: Option<u16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl BirthDate {
    /// Reads a date leniently: `YYYY-MM-DD`, `DD/MM/YYYY` (also with `-` or `.`), `YYYYMMDD`, `YYYY-MM`,
    /// `MM/YYYY` or `YYYY`. A part written as zeros (`00/00/1994`) is unknown. A month above 12 with a day
    /// of 12 or less is read as day and month written the other way round. Returns `None` when nothing
    /// sensible can be read, so that a bad date counts as missing rather than failing.
    pub fn parse(text: &str) -> Option<BirthDate> {
        let text = text.trim();
        let text = text.split(['T', ' ']).next().unwrap_or(text);
        let parts: Vec<&str> = text
            .split(['-', '/', '.'])
            .filter(|part| !part.is_empty())
            .collect();
        if parts.iter().any(|part| !part.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        let number = |part: &str| part.parse::<u32>().ok();
        let (year, month, day) = match parts.as_slice() {
            [compact] if compact.len() == 8 => (
                number(&compact[..4])?,
                number(&compact[4..6])?,
                number(&compact[6..])?,
            ),
            [year] if year.len() == 4 => (number(year)?, 0, 0),
            [year, month] if year.len() == 4 => (number(year)?, number(month)?, 0),
            [month, year] if year.len() == 4 => (number(year)?, number(month)?, 0),
            [year, month, day] if year.len() == 4 => (number(year)?, number(month)?, number(day)?),
            [day, month, year] if year.len() == 4 => (number(year)?, number(month)?, number(day)?),
            [day, month, year] if year.len() == 2 => {
                (two_digit_year(number(year)?), number(month)?, number(day)?)
            }
            _ => return None,
        };
        Self::from_parts(year, month, day)
    }

    fn from_parts(year: u32, month: u32, day: u32) -> Option<BirthDate> {
        let (month, day) = if month > 12 && (1..=12).contains(&day) {
            (day, month)
        } else {
            (month, day)
        };
        let year = (1850..=2150).contains(&year).then_some(year as u16);
        let month = (1..=12).contains(&month).then_some(month as u8);
        let day = (1..=31).contains(&day).then_some(day as u8);
        if year.is_none() && month.is_none() && day.is_none() {
            return None;
        }
        Some(BirthDate { year, month, day })
    }

    /// Whether the known parts look like a placeholder written when the real date was unknown:
    /// 1 January, or the first of a month (only the year, or year and month, can then be trusted).
    pub fn is_placeholder(&self) -> bool {
        self.day.is_none() || self.month.is_none() || self.day == Some(1)
    }
}

/// Two-digit years are read as the most recent past century (a person is born before today).
fn two_digit_year(year: u32) -> u32 {
    let this_year = chrono::Utc::now().year() as u32 % 100;
    if year <= this_year {
        2000 + year
    } else {
        1900 + year
    }
}

impl From<chrono::NaiveDate> for BirthDate {
    fn from(date: chrono::NaiveDate) -> Self {
        BirthDate {
            year: u16::try_from(date.year()).ok(),
            month: Some(date.month() as u8),
            day: Some(date.day() as u8),
        }
    }
}

/// A person as recorded. Only the names are needed; every other field is used when present.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub given_name: String,
    pub surname: String,
    pub date_of_birth: Option<BirthDate>,
    pub sex: Option<Sex>,
    /// An ISO 3166 code (alpha-2 or alpha-3) or a country name in Italian, English or French.
    pub nationality: Option<String>,
    pub place_of_birth: Option<String>,
    pub codice_fiscale: Option<String>,
    /// Numbers of any identity or stay document (passport, permit, social security number...).
    pub document_numbers: Vec<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub locality: Option<String>,
    pub postcode: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: u16, month: u8, day: u8) -> Option<BirthDate> {
        Some(BirthDate {
            year: Some(year),
            month: Some(month),
            day: Some(day),
        })
    }

    #[test]
    fn parses_the_usual_formats() {
        assert_eq!(BirthDate::parse("1994-03-17"), date(1994, 3, 17));
        assert_eq!(BirthDate::parse("17/03/1994"), date(1994, 3, 17));
        assert_eq!(BirthDate::parse("17.03.1994"), date(1994, 3, 17));
        assert_eq!(BirthDate::parse("19940317"), date(1994, 3, 17));
        assert_eq!(BirthDate::parse(" 1994-03-17T00:00:00 "), date(1994, 3, 17));
    }

    #[test]
    fn keeps_partial_dates_and_reads_zeros_as_unknown() {
        let year_only = BirthDate {
            year: Some(1994),
            month: None,
            day: None,
        };
        assert_eq!(BirthDate::parse("1994"), Some(year_only));
        assert_eq!(BirthDate::parse("00/00/1994"), Some(year_only));
        assert_eq!(
            BirthDate::parse("1994-05"),
            Some(BirthDate {
                month: Some(5),
                ..year_only
            })
        );
        assert!(year_only.is_placeholder());
    }

    #[test]
    fn reads_a_month_above_twelve_as_swapped() {
        assert_eq!(BirthDate::parse("1994-17-03"), date(1994, 3, 17));
    }

    #[test]
    fn rejects_text_that_is_not_a_date() {
        assert_eq!(BirthDate::parse("unknown"), None);
        assert_eq!(BirthDate::parse(""), None);
        assert_eq!(BirthDate::parse("12/ab/1990"), None);
        assert_eq!(BirthDate::parse("99/99/99999"), None);
    }

    #[test]
    fn placeholder_dates_are_recognised() {
        assert!(date(1994, 1, 1).is_some_and(|d| d.is_placeholder()));
        assert!(date(1994, 6, 1).is_some_and(|d| d.is_placeholder()));
        assert!(!date(1994, 6, 2).is_some_and(|d| d.is_placeholder()));
    }

    #[test]
    fn reads_sex() {
        assert_eq!(Sex::parse(" F "), Some(Sex::Female));
        assert_eq!(Sex::parse("maschio"), Some(Sex::Male));
        assert_eq!(Sex::parse("x"), None);
    }
}
