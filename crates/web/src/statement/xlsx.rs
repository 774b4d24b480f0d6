//! The statement as an Excel workbook: one sheet, with the line or person,
//! the period and the region above a table whose amounts are numbers in
//! euros and whose dates are dates, so that the region's accountants add,
//! filter and sort without retyping anything; the totals under the amounts.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use soleil_app::measures::Statement;
use soleil_domain::inclusion::money::Cents;

use super::{
    AMOUNT_COLUMN, FileError, Value, file_headings, file_row, file_widths, period, region, subject, totals,
};
use crate::i18n::Lang;

/// Number formats are written in Excel's own (English) notation; Excel
/// shows them with the separators of the reader's settings.
const EURO: &str = "#,##0.00 \"€\"";
const DATE: &str = "dd/mm/yyyy";
const HOURS: &str = "0.00";

/// The row of the table's headings: title, subject, period and region
/// above it, then a blank row.
const HEADINGS_ROW: u32 = 5;

pub fn write(lang: Lang, statement: &Statement) -> Result<Vec<u8>, FileError> {
    build(lang, statement).map_err(FileError::of)
}

/// The formats of the sheet's cells.
struct Formats {
    bold: Format,
    euro: Format,
    bold_euro: Format,
    date: Format,
    hours: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            bold: Format::new().set_bold(),
            euro: Format::new().set_num_format(EURO),
            bold_euro: Format::new().set_num_format(EURO).set_bold(),
            date: Format::new().set_num_format(DATE),
            hours: Format::new().set_num_format(HOURS),
        }
    }
}

fn build(lang: Lang, statement: &Statement) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(lang.t("statements-sheet"))?;
    heading(sheet, lang, statement, &formats)?;
    let last = table(sheet, lang, statement, &formats)?;
    total_rows(sheet, lang, statement, &formats, last + 2)?;
    // The headings stay in sight while scrolling a long statement.
    sheet.set_freeze_panes(HEADINGS_ROW + 1, 0)?;
    workbook.save_to_buffer()
}

/// What the sheet is: its title, the line or person, the period, the region.
fn heading(sheet: &mut Worksheet, lang: Lang, statement: &Statement, f: &Formats) -> Result<(), XlsxError> {
    sheet.write_string_with_format(0, 0, lang.t("statements-document-title"), &f.bold)?;
    let lines = [
        subject(lang, statement),
        period(lang, statement),
        region(lang, statement),
    ];
    for (row, text) in (1..).zip(lines) {
        sheet.write_string(row, 0, text)?;
    }
    Ok(())
}

/// The headings and a row per disbursement; the number of the last row.
fn table(sheet: &mut Worksheet, lang: Lang, statement: &Statement, f: &Formats) -> Result<u32, XlsxError> {
    for ((column, heading), width) in (0..).zip(file_headings(lang)).zip(file_widths()) {
        sheet.write_string_with_format(HEADINGS_ROW, column, heading, &f.bold)?;
        sheet.set_column_width(column, width)?;
    }
    let mut row = HEADINGS_ROW;
    for disbursement in &statement.rows {
        row += 1;
        for (column, value) in (0..).zip(file_row(lang, disbursement)) {
            cell(sheet, row, column, &value, f)?;
        }
    }
    Ok(row)
}

/// A value as a typed cell; nothing for an empty one.
fn cell(sheet: &mut Worksheet, row: u32, column: u16, value: &Value, f: &Formats) -> Result<(), XlsxError> {
    match value {
        Value::Text(text) if text.is_empty() => {}
        Value::Text(text) => {
            sheet.write_string(row, column, text)?;
        }
        Value::Date(Some(date)) => {
            sheet.write_datetime_with_format(row, column, excel_date(*date)?, &f.date)?;
        }
        Value::Money(amount) => {
            sheet.write_number_with_format(row, column, euros(*amount), &f.euro)?;
        }
        Value::Hours(Some(minutes)) => {
            sheet.write_number_with_format(row, column, *minutes as f64 / 60.0, &f.hours)?;
        }
        Value::Date(None) | Value::Hours(None) => {}
    }
    Ok(())
}

/// The totals from `row` down: the label first, the amount under the amounts.
fn total_rows(
    sheet: &mut Worksheet,
    lang: Lang,
    statement: &Statement,
    f: &Formats,
    row: u32,
) -> Result<(), XlsxError> {
    let amounts = AMOUNT_COLUMN as u16;
    for (row, (label, amount)) in (row..).zip(totals(lang, statement)) {
        sheet.write_string_with_format(row, 0, label, &f.bold)?;
        sheet.write_number_with_format(row, amounts, euros(amount), &f.bold_euro)?;
    }
    Ok(())
}

/// A date as Excel counts days. A year Excel cannot hold (before 1900)
/// fails the file rather than showing another date.
fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let part = |n: u32| u8::try_from(n).unwrap_or_default();
    let year = u16::try_from(date.year()).unwrap_or_default();
    ExcelDateTime::from_ymd(year, part(date.month()), part(date.day()))
}

/// Cents as euros, the number a spreadsheet adds up. Exact to the cent for
/// any amount a budget line holds.
fn euros(amount: Cents) -> f64 {
    amount.0 as f64 / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::tests::two_rows;

    #[test]
    fn a_statement_is_a_workbook() {
        let bytes = write(Lang::It, &two_rows()).unwrap();
        // An XLSX file is a zip archive.
        assert!(bytes.starts_with(b"PK"));
        assert_eq!(euros(Cents(123_450)), 1234.5);
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(excel_date(day).unwrap().to_excel(), 46083.0);
    }
}
