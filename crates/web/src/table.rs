//! A table of figures, as a page shows it and as CSV and XLSX files hand it
//! out: one value, several readings, so a file never says something the
//! page does not.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// The byte order mark that tells Excel a CSV file is UTF-8 (without it,
/// accented words come out garbled).
pub const BOM: &str = "\u{feff}";

/// Rows of figures under their headings; the first cell of each row names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub caption: String,
    pub headings: Vec<String>,
    /// An empty cell is a figure that cannot be computed (a median of no
    /// case): the page shows a dash, the file leaves it empty.
    pub rows: Vec<Vec<String>>,
}

/// A cell as a page shows it: its text and, for a figure the reader may
/// follow, the address of the records behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub href: Option<String>,
}

impl Table {
    /// The rows as a page shows them: a cell links where `href(row, column)`
    /// gives an address and the figure counts something (a 0 has nothing
    /// behind it).
    pub fn cells(&self, href: impl Fn(usize, usize) -> Option<String>) -> Vec<Vec<Cell>> {
        self.rows
            .iter()
            .enumerate()
            .map(|(row, cells)| {
                cells
                    .iter()
                    .enumerate()
                    .map(|(column, text)| Cell {
                        href: (!text.is_empty() && text != "0")
                            .then(|| href(row, column))
                            .flatten(),
                        text: text.clone(),
                    })
                    .collect()
            })
            .collect()
    }

    /// The table as CSV for Excel in Italian: UTF-8 with a byte order mark,
    /// `;` between fields.
    pub fn to_csv(&self) -> Result<Vec<u8>, csv::Error> {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(BOM.as_bytes().to_vec());
        writer.write_record(&self.headings)?;
        for row in &self.rows {
            writer.write_record(row)?;
        }
        writer
            .into_inner()
            .map_err(|error| csv::Error::from(error.into_error()))
    }

    /// The table as an Excel workbook of one sheet: its caption above it,
    /// headings in bold, and whole numbers as numbers a sheet can add up.
    pub fn to_xlsx(&self, sheet_name: &str) -> Result<Vec<u8>, XlsxError> {
        let bold = Format::new().set_bold();
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name)?;
        sheet.write_string_with_format(0, 0, &self.caption, &bold)?;
        for (column, heading) in (0..).zip(&self.headings) {
            sheet.write_string_with_format(2, column, heading, &bold)?;
            sheet.set_column_width(column, if column == 0 { 28 } else { 16 })?;
        }
        for (row, cells) in (3..).zip(&self.rows) {
            for (column, cell) in (0..).zip(cells) {
                match cell.parse::<i64>() {
                    // Counts are far below 2^53: exact as a sheet's numbers.
                    #[allow(clippy::cast_precision_loss)]
                    Ok(number) if column > 0 => sheet.write_number(row, column, number as f64)?,
                    _ => sheet.write_string(row, column, cell)?,
                };
            }
        }
        workbook.save_to_buffer()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_reads_in_italian_excel() {
        let table = Table {
            caption: "Imbuto".into(),
            headings: vec!["Fase".into(), "Casi".into(), "Mediana".into()],
            rows: vec![
                vec!["Segnalati; inviati".into(), "12".into(), String::new()],
                vec!["Valutati".into(), "9".into(), "3".into()],
            ],
        };
        let text = String::from_utf8(table.to_csv().unwrap()).unwrap();
        assert_eq!(
            text,
            "\u{feff}Fase;Casi;Mediana\n\"Segnalati; inviati\";12;\nValutati;9;3\n"
        );
    }
}
