//! The statement as CSV for Excel in Italian: UTF-8 with a byte order mark
//! (without it Excel reads the file as Windows-1252 and garbles accented
//! names), `;` between fields (the comma is the decimal separator there),
//! amounts with a decimal comma, and the totals under the amounts.

use soleil_app::measures::Statement;
use soleil_domain::inclusion::money::Cents;

use super::{AMOUNT_COLUMN, FileError, Value, file_headings, file_row, totals};
use crate::i18n::Lang;
use crate::table::BOM;

pub fn write(lang: Lang, statement: &Statement) -> Result<Vec<u8>, FileError> {
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(BOM.as_bytes().to_vec());
    let headings = file_headings(lang);
    let columns = headings.len();
    writer.write_record(&headings).map_err(FileError::of)?;
    for row in &statement.rows {
        let values = file_row(lang, row);
        writer
            .write_record(values.iter().map(Value::plain))
            .map_err(FileError::of)?;
    }
    // An empty record sets the totals apart from the disbursements.
    writer.write_record(vec![""; columns]).map_err(FileError::of)?;
    for (label, amount) in totals(lang, statement) {
        writer
            .write_record(total_record(columns, label, amount))
            .map_err(FileError::of)?;
    }
    writer.into_inner().map_err(FileError::of)
}

/// A total as a record: its label first, its amount under the amounts.
fn total_record(columns: usize, label: String, amount: Cents) -> Vec<String> {
    let mut record = vec![String::new(); columns];
    record[0] = label;
    record[AMOUNT_COLUMN] = Value::Money(amount).plain();
    record
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::tests::two_rows;

    #[test]
    fn a_two_row_statement_reads_in_italian_excel() {
        let bytes = write(Lang::It, &two_rows()).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let expected = "\u{feff}Periodo dal;Periodo al;Linea;Persona;Codice fiscale;Misura;Ore frequentate;\
Importo (€);Stato;Pagata il;Riferimento pagamento
2026-03-02;2026-03-06;FSE-IND;Mario Rossi;RSSMRA90E01H501X;Indennità di frequenza;2,5;8,75;Pagata;2026-03-10;\"TRN; 0001\"
2026-03-02;2026-03-06;FSE-IND;Mario Rossi;RSSMRA90E01H501X;Voucher trasporto;;1234,50;Proposta;;
;;;;;;;;;;
Totale proposto;;;;;;;1234,50;;;
Totale approvato;;;;;;;0,00;;;
Totale pagato;;;;;;;8,75;;;
";
        assert_eq!(text, expected);
    }

    #[test]
    fn headings_follow_the_reader() {
        let text = String::from_utf8(write(Lang::En, &two_rows()).unwrap()).unwrap();
        assert!(
            text.starts_with("\u{feff}Period from;Period to;Budget line;"),
            "{text}"
        );
        assert!(text.contains("Total paid;;;;;;;8,75;;;"), "{text}");
    }
}
