//! The statement of a budget line or of a person as a PDF, in the reader's
//! language: the document a region signs and attaches to its expense report.

use chrono::Utc;
use soleil_app::measures::Statement;
use soleil_domain::time::rome_time;

use super::PdfBuilder;
use crate::i18n::Lang;
use crate::statement::{ShownRow, by_person, money, period, region, shown_headings, subject, totals};

/// Title, region, line or person, period, the disbursements, the totals,
/// and on every page the moment it was produced (Italian time).
pub fn render(lang: Lang, statement: &Statement) -> Vec<u8> {
    let title = lang.t("statements-document-title");
    let by_person = by_person(statement);
    let headings = shown_headings(lang, by_person);
    let headings: Vec<&str> = headings.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = statement
        .rows
        .iter()
        .map(|row| ShownRow::new(lang, row).cells(by_person))
        .collect();
    let produced = rome_time(Utc::now()).format("%d/%m/%Y %H:%M").to_string();
    let mut pdf = PdfBuilder::new(&title)
        .wide()
        .title(&title)
        .paragraph(&region(lang, statement))
        .bold(&subject(lang, statement))
        .paragraph(&period(lang, statement))
        .space();
    pdf = if rows.is_empty() {
        pdf.paragraph(&lang.t("statements-none"))
    } else {
        pdf.table(&headings, rows)
    };
    pdf = pdf.bold(&lang.t("statements-totals"));
    for (label, amount) in totals(lang, statement) {
        pdf = pdf.paragraph(&format!("{label}: {}", money(lang, amount)));
    }
    pdf.paragraph(&lang.t("statements-totals-note"))
        .footer(&lang.t1("statements-produced", "date", produced))
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::tests::two_rows;

    #[test]
    fn a_statement_prints_its_rows_and_totals() {
        let bytes = render(Lang::It, &two_rows());
        assert!(bytes.starts_with(b"%PDF"));
        let text = String::from_utf8_lossy(&bytes);
        // Text with letters beyond ASCII ("–", "€") is written in hex: not looked for.
        for expected in ["Mario Rossi", "RSSMRA90E01H501X", "Voucher trasporto", "Totali"] {
            assert!(text.contains(expected), "{expected}");
        }
    }
}
