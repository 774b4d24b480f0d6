//! A statement of disbursements as people and spreadsheets read it, for a
//! region's expense reporting: the texts the page and the PDF show, and the
//! CSV and XLSX files (in [`csv`] and [`xlsx`]).
//!
//! People read amounts and dates in their language; the files keep them as
//! values a spreadsheet can add up and sort: amounts in euros, dates as
//! dates, the period's two ends in columns of their own.

pub mod csv;
pub mod xlsx;

use chrono::NaiveDate;
use soleil_app::measures::Statement;
use soleil_domain::inclusion::course::format_hours;
use soleil_domain::inclusion::money::Cents;
use soleil_store::measures::StatementRow;

use crate::i18n::Lang;

/// A file that could not be written. Never the reader's doing: its text is
/// logged, and the reader gets the page of an internal error.
#[derive(Debug, thiserror::Error)]
#[error("statement file: {0}")]
pub struct FileError(String);

impl FileError {
    pub(crate) fn of(error: impl std::fmt::Display) -> Self {
        Self(error.to_string())
    }
}

// ---------------------------------------------------------------------------
// What people read

/// An amount as people of a language read it: "1.234,56 €", "€1,234.56".
pub fn money(lang: Lang, amount: Cents) -> String {
    match lang {
        Lang::It => amount.format_it(),
        Lang::En => amount.format_en(),
    }
}

/// dd/mm/yyyy, as Italian forms write dates.
pub fn day(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// Hours attended as a register counts them: "2 h 30", "3 h".
pub fn hours_attended(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (hours, 0) => format!("{hours} h"),
        (hours, rest) => format!("{hours} h {rest:02}"),
    }
}

/// The person a row pays, given name first.
pub fn person_name(row: &StatementRow) -> String {
    [row.given_name.as_deref(), row.surname.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the statement is a person's (from every line) rather than a line's.
pub fn by_person(statement: &Statement) -> bool {
    statement.budget_line.is_none()
}

/// What the statement is of: "Linea di budget FSE-IND – Indennità (FSE+ …)"
/// or "Persona: Mario Rossi".
pub fn subject(lang: Lang, statement: &Statement) -> String {
    match (&statement.budget_line, &statement.person_name) {
        (Some(line), _) => {
            let source = lang.label("funding_source", line.funding_source.as_str());
            let line = format!("{} – {} ({source})", line.code, line.name);
            lang.t1("statements-of-line", "line", line)
        }
        (None, Some(name)) => lang.t1("statements-of-person", "name", name),
        (None, None) => String::new(),
    }
}

/// "dal 01/01/2026 al 23/11/2026".
pub fn period(lang: Lang, statement: &Statement) -> String {
    lang.with_args(
        "statements-period",
        &[
            ("from", day(statement.from).into()),
            ("to", day(statement.to).into()),
        ],
    )
}

/// "Regione: Abruzzo".
pub fn region(lang: Lang, statement: &Statement) -> String {
    lang.t1("statements-region", "region", statement.region.name())
}

/// The totals, labelled: proposed, approved (not yet paid), paid. Refused
/// and cancelled disbursements count in none.
pub fn totals(lang: Lang, statement: &Statement) -> [(String, Cents); 3] {
    [
        ("statements-total-proposed", statement.proposed),
        ("statements-total-approved", statement.approved),
        ("statements-total-paid", statement.paid),
    ]
    .map(|(id, amount)| (lang.t(id), amount))
}

/// One disbursement as the page and the PDF show it.
pub struct ShownRow {
    pub period: String,
    pub line: String,
    pub person: String,
    pub codice_fiscale: String,
    pub measure: String,
    /// For attendance allowances only.
    pub hours: String,
    pub amount: String,
    pub status: String,
    pub paid_on: String,
    pub reference: String,
}

impl ShownRow {
    pub fn new(lang: Lang, row: &StatementRow) -> Self {
        Self {
            period: format!("{} – {}", day(row.period_from), day(row.period_to)),
            line: row.budget_line_code.clone(),
            person: person_name(row),
            codice_fiscale: row.codice_fiscale.clone().unwrap_or_default(),
            measure: lang.label("measure_kind", row.measure.as_str()),
            hours: row.attended_minutes.map(hours_attended).unwrap_or_default(),
            amount: money(lang, row.amount_cents),
            status: lang.label("disbursement_status", row.status.as_str()),
            paid_on: row.paid_on.map(day).unwrap_or_default(),
            reference: row.payment_reference.clone().unwrap_or_default(),
        }
    }

    /// The cells in the order of [`shown_headings`].
    pub fn cells(self, by_person: bool) -> Vec<String> {
        let mut cells = vec![self.period];
        if by_person {
            cells.push(self.line);
        }
        cells.extend([
            self.person,
            self.codice_fiscale,
            self.measure,
            self.hours,
            self.amount,
            self.status,
            self.paid_on,
            self.reference,
        ]);
        cells
    }
}

/// The column of the person in [`ShownRow::cells`]: the cell that heads
/// each row on the page.
pub fn person_column(by_person: bool) -> usize {
    if by_person { 2 } else { 1 }
}

/// The headings of the table people read. A line's statement names its
/// line above the table; a person's, drawn from several lines, has a
/// column for it.
pub fn shown_headings(lang: Lang, by_person: bool) -> Vec<String> {
    let mut ids = vec!["statements-col-period"];
    if by_person {
        ids.push("statements-col-line");
    }
    ids.extend([
        "statements-col-person",
        "statements-col-codice-fiscale",
        "statements-col-measure",
        "statements-col-hours",
        "statements-col-amount",
        "statements-col-status",
        "statements-col-paid-on",
        "statements-col-reference",
    ]);
    ids.into_iter().map(|id| lang.t(id)).collect()
}

// ---------------------------------------------------------------------------
// What spreadsheets read

/// A value of the files, typed so that a spreadsheet can add it up or sort it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Date(Option<NaiveDate>),
    Money(Cents),
    /// Minutes attended, for attendance allowances.
    Hours(Option<i64>),
}

impl Value {
    /// The value as a CSV for Italian Excel writes it: dates YYYY-MM-DD,
    /// euros and hours with a decimal comma and no grouping ("1234,56", "2,5").
    pub fn plain(&self) -> String {
        match self {
            Value::Text(text) => text.clone(),
            Value::Date(date) => date.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
            Value::Money(amount) => amount.to_input(),
            Value::Hours(minutes) => minutes
                .map(|m| format_hours(i32::try_from(m).unwrap_or(i32::MAX)))
                .unwrap_or_default(),
        }
    }
}

/// The columns of the files: their heading and their width in a sheet, in
/// characters.
const FILE_COLUMNS: [(&str, f64); 11] = [
    ("statements-col-from", 12.0),
    ("statements-col-to", 12.0),
    ("statements-col-line", 14.0),
    ("statements-col-person", 28.0),
    ("statements-col-codice-fiscale", 19.0),
    ("statements-col-measure", 28.0),
    ("statements-col-hours", 10.0),
    ("statements-col-amount-euros", 14.0),
    ("statements-col-status", 12.0),
    ("statements-col-paid-on", 12.0),
    ("statements-col-reference", 24.0),
];

/// Where the amounts are in the files, so the totals line up under them.
pub const AMOUNT_COLUMN: usize = 7;

/// The headings of the files, in the reader's language.
pub fn file_headings(lang: Lang) -> Vec<String> {
    FILE_COLUMNS.iter().map(|(id, _)| lang.t(id)).collect()
}

/// The width of each column of a sheet, in characters.
pub fn file_widths() -> impl Iterator<Item = f64> {
    FILE_COLUMNS.iter().map(|(_, width)| *width)
}

/// One disbursement as the files write it, in the order of [`file_headings`].
pub fn file_row(lang: Lang, row: &StatementRow) -> Vec<Value> {
    vec![
        Value::Date(Some(row.period_from)),
        Value::Date(Some(row.period_to)),
        Value::Text(row.budget_line_code.clone()),
        Value::Text(person_name(row)),
        Value::Text(row.codice_fiscale.clone().unwrap_or_default()),
        Value::Text(lang.label("measure_kind", row.measure.as_str())),
        Value::Hours(row.attended_minutes),
        Value::Money(row.amount_cents),
        Value::Text(lang.label("disbursement_status", row.status.as_str())),
        Value::Date(row.paid_on),
        Value::Text(row.payment_reference.clone().unwrap_or_default()),
    ]
}

/// The name of a downloaded file: "estratto-FSE-IND-2026-01-01-2026-11-23.csv".
/// A person's statement does not carry their name: file names show in
/// download lists and mail attachments.
pub fn file_name(lang: Lang, statement: &Statement, extension: &str) -> String {
    let subject = match &statement.budget_line {
        Some(line) => file_safe(&line.code),
        None => lang.t("statements-file-person"),
    };
    format!(
        "{}-{subject}-{}-{}.{extension}",
        lang.t("statements-file-stem"),
        statement.from.format("%Y-%m-%d"),
        statement.to.format("%Y-%m-%d")
    )
}

/// A line's code as part of a file name: letters, digits, `-` and `_`;
/// anything else (spaces, slashes, quotes) becomes `-`.
fn file_safe(code: &str) -> String {
    code.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use chrono::NaiveDate;
    use soleil_app::measures::Statement;
    use soleil_domain::inclusion::measure::{
        BudgetLine, BudgetLineId, DisbursementId, DisbursementStatus, FundingSource, MeasureKind,
    };
    use soleil_domain::inclusion::money::Cents;
    use soleil_domain::{PersonId, RegionCode, UserId};
    use soleil_store::measures::StatementRow;

    use super::*;

    pub(crate) fn date(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).unwrap()
    }

    /// Two disbursements of line FSE-IND in 2026: an allowance of 2 h 30
    /// paid, and a voucher waiting for a decision.
    pub(crate) fn two_rows() -> Statement {
        let row = |measure, minutes, cents, status, paid: Option<NaiveDate>| StatementRow {
            id: DisbursementId::new(),
            budget_line_code: "FSE-IND".into(),
            person_id: PersonId::new(),
            given_name: Some("Mario".into()),
            surname: Some("Rossi".into()),
            codice_fiscale: Some("RSSMRA90E01H501X".into()),
            measure,
            period_from: date(3, 2),
            period_to: date(3, 6),
            attended_minutes: minutes,
            amount_cents: Cents(cents),
            status,
            paid_on: paid,
            payment_reference: paid.map(|_| "TRN; 0001".into()),
        };
        let now = chrono::Utc::now();
        Statement {
            region: RegionCode::Abr,
            budget_line: Some(BudgetLine {
                id: BudgetLineId::new(),
                region: RegionCode::Abr,
                funding_source: FundingSource::FsePlus,
                code: "FSE-IND".into(),
                name: "Indennità di frequenza".into(),
                measures: vec![MeasureKind::AttendanceAllowance, MeasureKind::TransportVoucher],
                amount: Cents(100_000),
                per_person_cap: None,
                valid_from: date(1, 1),
                valid_to: date(12, 31),
                created_by: UserId::new(),
                created_at: now,
                updated_at: now,
            }),
            person_name: None,
            from: date(1, 1),
            to: date(11, 23),
            rows: vec![
                row(
                    MeasureKind::AttendanceAllowance,
                    Some(150),
                    875,
                    DisbursementStatus::Paid,
                    Some(date(3, 10)),
                ),
                row(
                    MeasureKind::TransportVoucher,
                    None,
                    123_450,
                    DisbursementStatus::Proposed,
                    None,
                ),
            ],
            proposed: Cents(123_450),
            approved: Cents::ZERO,
            paid: Cents(875),
        }
    }

    #[test]
    fn hours_read_as_a_register_counts_them() {
        assert_eq!(hours_attended(150), "2 h 30");
        assert_eq!(hours_attended(180), "3 h");
        assert_eq!(hours_attended(5), "0 h 05");
    }

    #[test]
    fn a_row_reads_in_the_language_of_its_reader() {
        let statement = two_rows();
        let row = ShownRow::new(Lang::It, &statement.rows[0]);
        assert_eq!(row.period, "02/03/2026 – 06/03/2026");
        assert_eq!(
            (row.person.as_str(), row.hours.as_str()),
            ("Mario Rossi", "2 h 30")
        );
        assert_eq!((row.amount.as_str(), row.status.as_str()), ("8,75 €", "Pagata"));
        let english = ShownRow::new(Lang::En, &statement.rows[1]);
        assert_eq!(
            (english.amount.as_str(), english.hours.as_str()),
            ("€1,234.50", "")
        );
        // The line's code is a column of a person's statement only.
        assert_eq!(shown_headings(Lang::It, false).len(), 9);
        let cells = row.cells(true);
        assert_eq!(
            (cells[1].as_str(), cells[person_column(true)].as_str()),
            ("FSE-IND", "Mario Rossi")
        );
        assert_eq!(shown_headings(Lang::En, true)[1], "Budget line");
        assert_eq!(
            subject(Lang::It, &statement),
            "Linea di budget FSE-IND – Indennità di frequenza (FSE+ 2021-2027 (PR regionale))"
        );
        assert_eq!(period(Lang::It, &statement), "dal 01/01/2026 al 23/11/2026");
    }

    #[test]
    fn files_are_named_by_line_and_period_never_by_person() {
        let mut statement = two_rows();
        assert_eq!(
            file_name(Lang::It, &statement, "csv"),
            "estratto-FSE-IND-2026-01-01-2026-11-23.csv"
        );
        if let Some(line) = statement.budget_line.as_mut() {
            line.code = "PR 2026/\"A\"".into();
        }
        assert_eq!(
            file_name(Lang::En, &statement, "pdf"),
            "statement-PR-2026--A--2026-01-01-2026-11-23.pdf"
        );
        statement.budget_line = None;
        statement.person_name = Some("Mario Rossi".into());
        assert_eq!(
            file_name(Lang::It, &statement, "xlsx"),
            "estratto-persona-2026-01-01-2026-11-23.xlsx"
        );
    }

    #[test]
    fn file_values_are_plain() {
        let statement = two_rows();
        let values = file_row(Lang::It, &statement.rows[0]);
        assert_eq!(values.len(), file_headings(Lang::It).len());
        assert_eq!(file_widths().count(), values.len());
        let plain: Vec<String> = values.iter().map(Value::plain).collect();
        assert_eq!(plain[0], "2026-03-02");
        assert_eq!(plain[6], "2,5");
        assert_eq!(plain[AMOUNT_COLUMN], "8,75");
        assert_eq!(Value::Money(Cents(123_450)).plain(), "1234,50");
    }
}
