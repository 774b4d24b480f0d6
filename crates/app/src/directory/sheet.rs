//! The sheets regions keep their directory in today, as CSV or Excel: one
//! line per location of a service, Italian column headings, Italian words
//! for need areas, languages and kinds of location, and opening hours as
//! people write them ("lun-ven 9-13; mar, gio 15:00-18:00"). Lines with the
//! same ente and servizio make one service with several locations.
//!
//! Headings and words are matched without regard to case, accents or
//! punctuation. The columns are listed in [`Column`]; the README documents
//! them for the regions.

use std::io::Cursor;

use chrono::NaiveTime;
use soleil_domain::OrganisationId;
use soleil_domain::directory::{
    LocationInput, LocationKind, OpeningHours, ServiceInput, Weekday, language_code,
};
use soleil_domain::plan::NeedArea;
use uuid::Uuid;

/// Headings, words and names are compared folded: lower case, no accents,
/// every run of other characters one space ("Accessibilità" → "accessibilita").
pub use soleil_store::directory::fold;

use super::import::{ImportRow, OrganisationRef, RowError, RowOrigin};

/// The columns a sheet may have. Their Italian headings are what reports
/// name; other spellings are accepted as aliases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Organisation,
    Service,
    Description,
    NeedAreas,
    Languages,
    Eligibility,
    Phone,
    Email,
    Website,
    LocationKind,
    LocationName,
    Street,
    Postcode,
    Comune,
    Latitude,
    Longitude,
    Hours,
    Accessibility,
    /// Notes kept for the region's own use; read and ignored.
    Notes,
}

impl Column {
    const ALL: [Column; 19] = [
        Self::Organisation,
        Self::Service,
        Self::Description,
        Self::NeedAreas,
        Self::Languages,
        Self::Eligibility,
        Self::Phone,
        Self::Email,
        Self::Website,
        Self::LocationKind,
        Self::LocationName,
        Self::Street,
        Self::Postcode,
        Self::Comune,
        Self::Latitude,
        Self::Longitude,
        Self::Hours,
        Self::Accessibility,
        Self::Notes,
    ];

    /// The heading, as reports name the column.
    pub fn heading(self) -> &'static str {
        self.spellings()[0]
    }

    /// Folded spellings, the heading first.
    fn spellings(self) -> &'static [&'static str] {
        match self {
            Self::Organisation => &["ente", "organizzazione", "ente erogatore"],
            Self::Service => &["servizio", "nome servizio"],
            Self::Description => &["descrizione"],
            Self::NeedAreas => &["aree", "aree di bisogno", "area"],
            Self::Languages => &["lingue", "lingue parlate"],
            Self::Eligibility => &["destinatari"],
            Self::Phone => &["telefono", "tel"],
            Self::Email => &["email", "e mail", "posta elettronica"],
            Self::Website => &["sito", "sito web", "web"],
            Self::LocationKind => &["tipo sede", "tipo"],
            Self::LocationName => &["sede", "nome sede"],
            Self::Street => &["indirizzo", "via"],
            Self::Postcode => &["cap"],
            Self::Comune => &["comune"],
            Self::Latitude => &["latitudine", "lat"],
            Self::Longitude => &["longitudine", "lon", "lng"],
            Self::Hours => &["orari", "orario"],
            Self::Accessibility => &["accessibilita"],
            Self::Notes => &["note"],
        }
    }

    fn from_heading(heading: &str) -> Option<Self> {
        let folded = fold(heading);
        Self::ALL
            .into_iter()
            .find(|c| c.spellings().contains(&folded.as_str()))
    }

    /// The columns that describe a location rather than the service.
    fn is_location(self) -> bool {
        matches!(
            self,
            Self::LocationKind
                | Self::LocationName
                | Self::Street
                | Self::Postcode
                | Self::Comune
                | Self::Latitude
                | Self::Longitude
                | Self::Hours
                | Self::Accessibility
        )
    }

    /// The column a field of [`ServiceInput::parse`] came from.
    fn of_field(field: &str) -> Self {
        let inner = field.split_once("].").map_or(field, |(_, inner)| inner);
        match inner.split(['.', '[']).next().unwrap_or_default() {
            "name" if field.starts_with("locations[") => Self::LocationName,
            "name" | "locations" => Self::Service,
            "description" => Self::Description,
            "eligibility" => Self::Eligibility,
            "languages" => Self::Languages,
            "email" => Self::Email,
            "phone" => Self::Phone,
            "url" => Self::Website,
            "street" => Self::Street,
            "postcode" => Self::Postcode,
            "comune" => Self::Comune,
            "latitude" | "longitude" => Self::Latitude,
            "accessibility" => Self::Accessibility,
            "hours" => Self::Hours,
            _ => Self::Service,
        }
    }
}

/// The sheet line and column a field of [`ServiceInput::parse`] names:
/// `locations[i]…` points at the i-th line of the service, the rest at its
/// first line.
pub fn locate(field: &str, lines: &[usize]) -> (Option<usize>, &'static str) {
    let index = field
        .strip_prefix("locations[")
        .and_then(|rest| rest.split(']').next())
        .and_then(|i| i.parse::<usize>().ok())
        .unwrap_or(0);
    let line = lines.get(index).or(lines.first()).copied();
    (line, Column::of_field(field).heading())
}

/// The most lines a sheet may have; larger directories go in several files.
pub const MAX_LINES: usize = 5_000;

/// A sheet saved as CSV: UTF-8 (with or without BOM) or, as Excel saves it
/// on Italian systems, Windows-1252; comma or semicolon separated.
pub fn read_csv(bytes: &[u8]) -> Result<Vec<ImportRow>, Vec<RowError>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.trim_start_matches('\u{feff}').to_owned(),
        // Latin-1 is Windows-1252 but for a few signs sheets do not use here.
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    };
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut table = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| vec![unreadable(&e.to_string())])?;
        table.push(record.iter().map(str::to_owned).collect());
    }
    rows(table)
}

/// A sheet saved as Excel (.xlsx): the first worksheet.
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<ImportRow>, Vec<RowError>> {
    use calamine::Reader;
    let mut workbook =
        calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| vec![unreadable(&e.to_string())])?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| vec![unreadable("no worksheet")])?
        .map_err(|e| vec![unreadable(&e.to_string())])?;
    // Lines above the table's first cell are blank: keep the numbering of the sheet.
    let blank_lines = range.start().map_or(0, |(row, _)| row as usize);
    let mut table: Vec<Vec<String>> = vec![Vec::new(); blank_lines];
    let first_column = range.start().map_or(0, |(_, column)| column as usize);
    for row in range.rows() {
        let mut cells = vec![String::new(); first_column];
        cells.extend(row.iter().map(cell_text));
        table.push(cells);
    }
    rows(table)
}

fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::String(text) => text.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
        Data::Float(n) => n.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.to_string(),
        Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

fn unreadable(detail: &str) -> RowError {
    RowError::new(None, "file", "unreadable_file").with_detail(detail)
}

/// The first line non-blank line holds the headings; every later non-blank
/// line is a location of a service (or a service without one).
fn rows(table: Vec<Vec<String>>) -> Result<Vec<ImportRow>, Vec<RowError>> {
    let mut lines = table
        .into_iter()
        .enumerate()
        .map(|(i, cells)| (i + 1, cells))
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
    let Some((_, headings)) = lines.next() else {
        return Err(vec![RowError::new(None, "file", "empty_file")]);
    };
    let columns = columns(&headings)?;
    let lines: Vec<(usize, Vec<String>)> = lines.collect();
    if lines.is_empty() {
        return Err(vec![RowError::new(None, "file", "empty_file")]);
    }
    if lines.len() > MAX_LINES {
        return Err(vec![
            RowError::new(None, "file", "too_many_lines").with_detail(&MAX_LINES.to_string()),
        ]);
    }
    let mut services: Vec<ServiceLines> = Vec::new();
    for (number, cells) in lines {
        let line = Line::new(number, &columns, cells);
        let key = (
            fold(line.get(Column::Organisation)),
            fold(line.get(Column::Service)),
        );
        match services.iter_mut().find(|s| s.key == key) {
            Some(service) => service.lines.push(line),
            None => services.push(ServiceLines {
                key,
                lines: vec![line],
            }),
        }
    }
    Ok(services.into_iter().map(ServiceLines::into_row).collect())
}

/// Which column each cell of a line belongs to; unknown headings and
/// missing required ones are refused, so no data is silently dropped.
fn columns(headings: &[String]) -> Result<Vec<Option<Column>>, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut columns = Vec::new();
    for heading in headings {
        let column = Column::from_heading(heading);
        if column.is_none() && !heading.trim().is_empty() {
            errors.push(RowError::new(Some(1), heading.trim(), "unknown_column"));
        }
        if column.is_some() && columns.contains(&column) {
            errors.push(RowError::new(Some(1), heading.trim(), "duplicate_column"));
        }
        columns.push(column);
    }
    for required in [Column::Organisation, Column::Service, Column::Description] {
        if !columns.contains(&Some(required)) {
            errors.push(RowError::new(Some(1), required.heading(), "missing_column"));
        }
    }
    if errors.is_empty() {
        Ok(columns)
    } else {
        Err(errors)
    }
}

/// One line of the sheet, by column.
struct Line {
    number: usize,
    cells: Vec<(Column, String)>,
}

impl Line {
    fn new(number: usize, columns: &[Option<Column>], cells: Vec<String>) -> Self {
        let cells = columns
            .iter()
            .zip(cells)
            .filter_map(|(column, cell)| Some(((*column)?, cell.trim().to_owned())))
            .filter(|(_, cell)| !cell.is_empty())
            .collect();
        Self { number, cells }
    }

    /// The cell of a column, empty when blank or absent.
    fn get(&self, column: Column) -> &str {
        self.cells
            .iter()
            .find(|(c, _)| *c == column)
            .map_or("", |(_, cell)| cell.as_str())
    }

    fn optional(&self, column: Column) -> Option<String> {
        Some(self.get(column).to_owned()).filter(|cell| !cell.is_empty())
    }

    fn has_location(&self) -> bool {
        self.cells.iter().any(|(column, _)| column.is_location())
    }
}

/// The lines of one service (same ente and servizio).
struct ServiceLines {
    key: (String, String),
    lines: Vec<Line>,
}

impl ServiceLines {
    fn into_row(self) -> ImportRow {
        let mut problems = Vec::new();
        let first = &self.lines[0];
        // Service columns are read from the first line; later lines may
        // leave them blank but must not say something else.
        for line in &self.lines[1..] {
            for (column, cell) in &line.cells {
                let stated = first.get(*column);
                let service_column = !column.is_location() && *column != Column::Notes;
                if service_column && !stated.is_empty() && fold(cell) != fold(stated) {
                    problems.push(RowError::new(
                        Some(line.number),
                        column.heading(),
                        "differs_from_first_line",
                    ));
                }
            }
        }
        let mut problem = |line: usize, column: Column, code: &str, detail: &str| {
            problems.push(RowError::new(Some(line), column.heading(), code).with_detail(detail));
        };
        let organisation = first.get(Column::Organisation);
        let organisation = match organisation.parse::<Uuid>() {
            Ok(id) => OrganisationRef {
                id: Some(OrganisationId(id)),
                name: None,
            },
            Err(_) => OrganisationRef {
                id: None,
                name: Some(organisation.to_owned()).filter(|n| !n.is_empty()),
            },
        };
        let mut need_areas = Vec::new();
        for word in list(first.get(Column::NeedAreas)) {
            match need_area_from_word(word) {
                Some(area) => need_areas.push(area),
                None => problem(first.number, Column::NeedAreas, "unknown_need_area", word),
            }
        }
        let mut languages = Vec::new();
        for word in list(first.get(Column::Languages)) {
            match language_from_word(word) {
                Some(code) => languages.push(code),
                None => problem(first.number, Column::Languages, "unknown_language", word),
            }
        }
        let mut locations = Vec::new();
        let mut location_lines = Vec::new();
        for line in self.lines.iter().filter(|l| l.has_location()) {
            locations.push(location(line, &mut problem));
            location_lines.push(line.number);
        }
        let lines = if location_lines.is_empty() {
            vec![first.number]
        } else {
            location_lines
        };
        let numbers: Vec<String> = self.lines.iter().map(|l| l.number.to_string()).collect();
        let label = format!("rows {}: {}", numbers.join(", "), first.get(Column::Service));
        let input = ServiceInput {
            organisation_id: OrganisationId(Uuid::nil()),
            name: first.get(Column::Service).to_owned(),
            description: first.get(Column::Description).to_owned(),
            need_areas,
            eligibility: first.optional(Column::Eligibility),
            languages,
            email: first.optional(Column::Email),
            phone: first.optional(Column::Phone),
            url: first.optional(Column::Website),
            active: true,
            locations,
        };
        ImportRow {
            label,
            origin: RowOrigin::Sheet { lines },
            organisation,
            service_id: None,
            last_modified: None,
            input,
            problems,
        }
    }
}

fn location(line: &Line, problem: &mut impl FnMut(usize, Column, &str, &str)) -> LocationInput {
    let kind = match line.get(Column::LocationKind) {
        "" => LocationKind::Office,
        word => location_kind_from_word(word).unwrap_or_else(|| {
            problem(line.number, Column::LocationKind, "unknown_location_kind", word);
            LocationKind::Office
        }),
    };
    let comune = match line.get(Column::Comune) {
        "" => String::new(),
        text => find_comune(text, None).unwrap_or_else(|(code, detail)| {
            problem(line.number, Column::Comune, code, &detail);
            String::new()
        }),
    };
    // A location without a name of its own is known by its comune.
    let name = line.optional(Column::LocationName).unwrap_or_else(|| {
        soleil_reference::comune(&comune)
            .map(|c| c.name.to_owned())
            .unwrap_or_default()
    });
    let mut coordinate = |column: Column| match line.get(column) {
        "" => None,
        text => text.replace(',', ".").parse::<f64>().map_or_else(
            |_| {
                problem(line.number, column, "invalid_number", text);
                None
            },
            Some,
        ),
    };
    let latitude = coordinate(Column::Latitude);
    let longitude = coordinate(Column::Longitude);
    let hours = parse_hours(line.get(Column::Hours)).unwrap_or_else(|detail| {
        problem(line.number, Column::Hours, "invalid_hours", &detail);
        Vec::new()
    });
    LocationInput {
        id: None,
        kind,
        name,
        street: line.get(Column::Street).to_owned(),
        postcode: line.optional(Column::Postcode).map(|cap| pad_digits(&cap, 5)),
        comune,
        latitude,
        longitude,
        accessibility: line.optional(Column::Accessibility),
        hours,
    }
}

/// Excel turns "04100" into the number 4100: put the zeros back.
fn pad_digits(text: &str, width: usize) -> String {
    if text.len() < width && text.bytes().all(|b| b.is_ascii_digit()) {
        format!("{text:0>width$}")
    } else {
        text.to_owned()
    }
}

/// The items of a list cell: "lavoro; salute, casa".
fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([';', ',']).map(str::trim).filter(|w| !w.is_empty())
}

/// A comune by ISTAT code ("059011", or 59011 as Excel keeps it), by name
/// ("Latina"), or by name and province when the name is not unique
/// ("Calliano (AT)"). `Err` gives the code and what was looked for.
pub fn find_comune(text: &str, province: Option<&str>) -> Result<String, (&'static str, String)> {
    let text = text.trim();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        let code = pad_digits(text, 6);
        return match soleil_reference::comune(&code) {
            Some(comune) => Ok(comune.code.to_owned()),
            None => Err(("unknown_comune", text.to_owned())),
        };
    }
    let (name, sigla) = match text.rsplit_once('(') {
        Some((name, rest)) if rest.trim_end().ends_with(')') => {
            (name, Some(rest.trim_end().trim_end_matches(')')))
        }
        _ => (text, province.map(str::trim).filter(|p| !p.is_empty())),
    };
    let folded = fold(name);
    let found: Vec<_> = soleil_reference::comuni()
        .iter()
        .filter(|c| fold(c.name) == folded)
        .filter(|c| sigla.is_none_or(|s| c.province_abbreviation.eq_ignore_ascii_case(s.trim())))
        .collect();
    match found[..] {
        [comune] => Ok(comune.code.to_owned()),
        [] => Err(("unknown_comune", text.to_owned())),
        _ => {
            let siglas: Vec<&str> = found.iter().map(|c| c.province_abbreviation).collect();
            Err(("ambiguous_comune", format!("{text}: {}", siglas.join(", "))))
        }
    }
}

fn need_area_from_word(word: &str) -> Option<NeedArea> {
    use NeedArea::*;
    let folded = fold(word);
    let area = match folded.as_str() {
        "formazione" | "training" => Training,
        "lavoro" | "work" => Work,
        "abitare" | "casa" | "alloggio" | "abitazione" | "housing" => Housing,
        "salute" | "sanita" | "health" => Health,
        "assistenza legale" | "legale" | "legal aid" => LegalAid,
        "tutela sindacale" | "sindacale" | "sindacato" | "union aid" => UnionAid,
        "sostegno sociale" | "sociale" | "social support" => SocialSupport,
        "documenti" | "documents" => Documents,
        "lingua" | "lingua italiana" | "italiano l2" | "language" => Language,
        _ => return None,
    };
    Some(area)
}

fn location_kind_from_word(word: &str) -> Option<LocationKind> {
    use LocationKind::*;
    let kind = match fold(word).as_str() {
        "sportello" | "desk" => Desk,
        "sportello unico" | "pas" | "sportello unico pas" | "one stop shop" => OneStopShop,
        "sosta unita mobile" | "unita mobile" | "unita di strada" | "mobile unit stop" => MobileUnitStop,
        "accoglienza" | "struttura di accoglienza" | "shelter" => Shelter,
        "ufficio" | "office" => Office,
        _ => return None,
    };
    Some(kind)
}

/// Languages people are likely to name in a sheet: ISO 639-1 code, English
/// name (as HSDS shows it), and other names, folded (Italian first).
const LANGUAGES: &[(&str, &str, &[&str])] = &[
    ("it", "Italian", &["italiano"]),
    ("en", "English", &["inglese"]),
    ("fr", "French", &["francese"]),
    ("es", "Spanish", &["spagnolo"]),
    ("pt", "Portuguese", &["portoghese"]),
    ("de", "German", &["tedesco"]),
    ("ro", "Romanian", &["rumeno", "romeno"]),
    ("sq", "Albanian", &["albanese"]),
    ("bg", "Bulgarian", &["bulgaro"]),
    ("pl", "Polish", &["polacco"]),
    ("uk", "Ukrainian", &["ucraino"]),
    ("ru", "Russian", &["russo"]),
    ("ar", "Arabic", &["arabo"]),
    ("tr", "Turkish", &["turco"]),
    ("fa", "Persian", &["persiano", "farsi"]),
    ("ps", "Pashto", &["pashtu"]),
    ("ku", "Kurdish", &["curdo"]),
    ("pa", "Punjabi", &["panjabi"]),
    ("hi", "Hindi", &[]),
    ("ur", "Urdu", &[]),
    ("bn", "Bengali", &["bengalese", "bangla"]),
    ("ne", "Nepali", &["nepalese"]),
    ("si", "Sinhala", &["singalese"]),
    ("ta", "Tamil", &[]),
    ("zh", "Chinese", &["cinese"]),
    ("tl", "Tagalog", &["filippino", "filipino"]),
    ("am", "Amharic", &["amarico"]),
    ("ti", "Tigrinya", &["tigrino"]),
    ("so", "Somali", &["somalo"]),
    ("wo", "Wolof", &[]),
    ("ff", "Fula", &["pulaar", "peul", "fulani"]),
    ("bm", "Bambara", &[]),
    ("ha", "Hausa", &[]),
    ("yo", "Yoruba", &[]),
    ("ig", "Igbo", &[]),
    ("tw", "Twi", &[]),
];

/// The ISO 639 code of a language as a sheet names it: a code ("pa"), or
/// its Italian or English name ("punjabi", "Inglese").
pub fn language_from_word(word: &str) -> Option<String> {
    let folded = fold(word);
    if folded.len() <= 3 {
        return language_code(&folded);
    }
    LANGUAGES
        .iter()
        .find(|(_, english, others)| fold(english) == folded || others.contains(&folded.as_str()))
        .map(|(code, _, _)| (*code).to_owned())
}

/// The English name of a language code, where we know it (for HSDS).
pub fn language_name(code: &str) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, english, _)| *english)
}

/// Opening hours as people write them: "lun-ven 9-13; mar, gio 15:00-18:00",
/// "sab 9.30-12.30", "lunedì 9-13, 15-18". Segments are separated by `;`;
/// each names days (single, lists, ranges) then one or more intervals.
/// `Err` gives the segment that could not be read.
pub fn parse_hours(text: &str) -> Result<Vec<OpeningHours>, String> {
    let mut hours = Vec::new();
    for segment in text.split([';', '\n']).map(str::trim).filter(|s| !s.is_empty()) {
        let unreadable = || segment.to_owned();
        let normalised = segment.replace(['–', '—'], "-");
        let split = normalised
            .find(|c: char| c.is_ascii_digit())
            .ok_or_else(unreadable)?;
        let (days_text, times_text) = normalised.split_at(split);
        let days = parse_days(days_text).ok_or_else(unreadable)?;
        let intervals = parse_intervals(times_text).ok_or_else(unreadable)?;
        for day in &days {
            for (opens, closes) in &intervals {
                hours.push(OpeningHours {
                    day: *day,
                    opens: *opens,
                    closes: *closes,
                });
            }
        }
    }
    Ok(hours)
}

/// Words and ranges of days: "lun-ven", "mar, gio", "sabato e domenica".
fn parse_days(text: &str) -> Option<Vec<Weekday>> {
    let text = text.replace(" -", "-").replace("- ", "-");
    let mut days = Vec::new();
    for item in text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty() && *w != "e" && *w != "ore" && *w != "dalle")
    {
        match item.split_once('-') {
            Some((from, to)) => {
                let (from, to) = (weekday(from)?, weekday(to)?);
                let mut day = from.number();
                loop {
                    days.push(Weekday::all().nth(day as usize)?);
                    if day == to.number() {
                        break;
                    }
                    day = (day + 1) % 7;
                }
            }
            None => days.push(weekday(item)?),
        }
    }
    (!days.is_empty()).then_some(days)
}

fn weekday(word: &str) -> Option<Weekday> {
    use Weekday::*;
    let folded = fold(word);
    let day = match folded.as_str() {
        "lun" | "lunedi" | "mon" | "monday" => Monday,
        "mar" | "martedi" | "tue" | "tuesday" => Tuesday,
        "mer" | "mercoledi" | "wed" | "wednesday" => Wednesday,
        "gio" | "giovedi" | "thu" | "thursday" => Thursday,
        "ven" | "venerdi" | "fri" | "friday" => Friday,
        "sab" | "sabato" | "sat" | "saturday" => Saturday,
        "dom" | "domenica" | "sun" | "sunday" => Sunday,
        _ => return None,
    };
    Some(day)
}

/// Intervals: "9-13", "9:30-13, 15-18", "9.00-13.00 e 15-18".
fn parse_intervals(text: &str) -> Option<Vec<(NaiveTime, NaiveTime)>> {
    let text = text.replace(" -", "-").replace("- ", "-");
    let intervals: Option<Vec<_>> = text
        .split(|c: char| c == ',' || c == '/' || c.is_whitespace())
        .filter(|w| !w.is_empty() && *w != "e")
        .map(|range| {
            let (opens, closes) = range.split_once('-')?;
            Some((time_of_day(opens)?, time_of_day(closes)?))
        })
        .collect();
    intervals.filter(|i| !i.is_empty())
}

/// "9", "09", "9:30", "9.30".
fn time_of_day(text: &str) -> Option<NaiveTime> {
    let (hour, minute) = text.split_once([':', '.']).unwrap_or((text, "0"));
    let all_digits = |t: &str| !t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(hour) || !all_digits(minute) {
        return None;
    }
    NaiveTime::from_hms_opt(hour.parse().ok()?, minute.parse().ok()?, 0)
}

/// Every heading a sheet may use, for the import page and the README.
pub fn headings() -> Vec<&'static str> {
    Column::ALL.iter().map(|c| c.heading()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveTime {
        text.parse().unwrap_or_default()
    }

    fn hours(text: &str) -> Vec<(Weekday, String, String)> {
        parse_hours(text)
            .unwrap_or_default()
            .into_iter()
            .map(|h| {
                (
                    h.day,
                    h.opens.format("%H:%M").to_string(),
                    h.closes.format("%H:%M").to_string(),
                )
            })
            .collect()
    }

    fn interval(day: Weekday, opens: &str, closes: &str) -> (Weekday, String, String) {
        (day, opens.to_owned(), closes.to_owned())
    }

    #[test]
    fn hours_are_read_as_people_write_them() {
        use Weekday::*;
        let week = hours("lun-ven 9-13; mar, gio 15:00-18:00");
        assert_eq!(week.len(), 7);
        assert_eq!(week[0], interval(Monday, "09:00", "13:00"));
        assert_eq!(week[4], interval(Friday, "09:00", "13:00"));
        assert_eq!(week[5], interval(Tuesday, "15:00", "18:00"));
        assert_eq!(week[6], interval(Thursday, "15:00", "18:00"));
        assert_eq!(
            hours("Lunedì 9.30-13, 15–18"),
            vec![
                interval(Monday, "09:30", "13:00"),
                interval(Monday, "15:00", "18:00")
            ]
        );
        assert_eq!(
            hours("sabato e domenica 8 - 12"),
            vec![
                interval(Saturday, "08:00", "12:00"),
                interval(Sunday, "08:00", "12:00")
            ]
        );
        // A range may run over the end of the week.
        assert_eq!(hours("sab-lun 10-11").len(), 3);
        assert_eq!(hours(""), Vec::new());
    }

    #[test]
    fn unreadable_hours_name_the_segment() {
        assert_eq!(parse_hours("lun-ven 9-13; gio 15"), Err("gio 15".to_owned()));
        assert_eq!(parse_hours("9-13"), Err("9-13".to_owned()));
        assert_eq!(parse_hours("lunedi 25-26"), Err("lunedi 25-26".to_owned()));
        assert_eq!(parse_hours("festivi 9-12"), Err("festivi 9-12".to_owned()));
    }

    #[test]
    fn headings_match_without_case_or_accents() {
        let headings: Vec<String> = [
            "Ente",
            "SERVIZIO",
            "Descrizione",
            "Tipo_sede",
            "Accessibilità",
            "E-mail",
            "",
        ]
        .map(str::to_owned)
        .to_vec();
        let columns = columns(&headings).unwrap_or_default();
        assert_eq!(columns[3], Some(Column::LocationKind));
        assert_eq!(columns[4], Some(Column::Accessibility));
        assert_eq!(columns[5], Some(Column::Email));
        assert_eq!(columns[6], None);
        let missing = columns_errors(&["ente", "colore", "ente"]);
        assert_eq!(
            missing,
            vec![
                ("colore".to_owned(), "unknown_column".to_owned()),
                ("ente".to_owned(), "duplicate_column".to_owned()),
                ("servizio".to_owned(), "missing_column".to_owned()),
                ("descrizione".to_owned(), "missing_column".to_owned()),
            ]
        );
    }

    fn columns_errors(headings: &[&str]) -> Vec<(String, String)> {
        let headings: Vec<String> = headings.iter().map(|h| (*h).to_owned()).collect();
        columns(&headings)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn languages_are_codes_or_names() {
        let codes: Vec<Option<String>> = [
            "italiano",
            "Inglese",
            "punjabi",
            "PA",
            "urdu",
            "Bengalese",
            "ita",
            "klingon",
        ]
        .into_iter()
        .map(language_from_word)
        .collect();
        let expected = [
            Some("it"),
            Some("en"),
            Some("pa"),
            Some("pa"),
            Some("ur"),
            Some("bn"),
            Some("ita"),
            None,
        ];
        assert_eq!(codes, expected.map(|c| c.map(str::to_owned)).to_vec());
        assert_eq!(language_name("pa"), Some("Punjabi"));
        assert_eq!(language_name("xx"), None);
    }

    #[test]
    fn comuni_by_code_name_or_name_and_province() {
        assert_eq!(find_comune("059011", None), Ok("059011".to_owned()));
        assert_eq!(find_comune("59011", None), Ok("059011".to_owned()));
        assert_eq!(find_comune("  latina ", None), Ok("059011".to_owned()));
        assert_eq!(find_comune("Forlì", None).map(|c| c.len()), Ok(6));
        assert_eq!(
            find_comune("Calliano", None).map_err(|e| e.0),
            Err("ambiguous_comune")
        );
        assert_eq!(
            find_comune("Calliano (AT)", None).map(|c| c.starts_with("005")),
            Ok(true)
        );
        assert_eq!(
            find_comune("Atlantide", None).map_err(|e| e.0),
            Err("unknown_comune")
        );
        assert_eq!(
            find_comune("999999", None).map_err(|e| e.0),
            Err("unknown_comune")
        );
    }

    const SHEET: &str = "\
Ente;Servizio;Descrizione;Aree;Lingue;Tipo sede;Indirizzo;CAP;Comune;Orari;Latitudine;Longitudine
Sportello Latina;Orientamento;Colloqui;lavoro, salute;italiano, punjabi;sportello;Via Roma 1;4100;Latina;lun-ven 9-13;41,4676;12.9037
Sportello Latina;Orientamento;;;;sosta unità mobile;Borgo Hermada;;Terracina;mar 6-8;;
Sportello Latina;Ascolto;Ascolto telefonico;sostegno sociale;;;;;;;;
";

    #[test]
    fn lines_of_one_service_become_its_locations() {
        let rows = read_csv(SHEET.as_bytes()).unwrap_or_default();
        assert_eq!(rows.len(), 2);
        let first = &rows[0];
        assert_eq!(first.problems, Vec::new());
        assert_eq!(first.label, "rows 2, 3: Orientamento");
        assert_eq!(first.origin, RowOrigin::Sheet { lines: vec![2, 3] });
        assert_eq!(first.organisation.name.as_deref(), Some("Sportello Latina"));
        assert_eq!(first.input.need_areas, vec![NeedArea::Work, NeedArea::Health]);
        assert_eq!(first.input.languages, vec!["it".to_owned(), "pa".to_owned()]);
        let [desk, stop] = &first.input.locations[..] else {
            unreachable!("two locations: {:?}", first.input.locations)
        };
        assert_eq!(desk.kind, LocationKind::Desk);
        assert_eq!(desk.postcode.as_deref(), Some("04100"));
        assert_eq!(desk.latitude, Some(41.4676));
        assert_eq!(desk.hours.len(), 5);
        assert_eq!(desk.name, "Latina");
        assert_eq!(stop.kind, LocationKind::MobileUnitStop);
        assert_eq!(stop.hours[0].opens, at("06:00"));
        // A service without a place of its own has no location.
        assert_eq!(rows[1].input.locations, Vec::new());
        assert_eq!(rows[1].origin, RowOrigin::Sheet { lines: vec![4] });
    }

    #[test]
    fn mistakes_name_line_and_column() {
        let sheet = "ente,servizio,descrizione,aree,tipo sede,comune,orari,latitudine\n\
            A,B,C,lavoro;pesca,chiosco,Atlantide,lun 9,abc\n\
            A,B,altro,,,Latina,,\n";
        let rows = read_csv(sheet.as_bytes()).unwrap_or_default();
        let problems: Vec<(Option<usize>, String, String)> = rows[0]
            .problems
            .iter()
            .map(|p| (p.line, p.field.clone(), p.code.clone()))
            .collect();
        let expected = [
            (3, "descrizione", "differs_from_first_line"),
            (2, "aree", "unknown_need_area"),
            (2, "tipo sede", "unknown_location_kind"),
            (2, "comune", "unknown_comune"),
            (2, "latitudine", "invalid_number"),
            (2, "orari", "invalid_hours"),
        ];
        assert_eq!(
            problems,
            expected
                .map(|(l, f, c)| (Some(l), f.to_owned(), c.to_owned()))
                .to_vec()
        );
        assert_eq!(locate("locations[1].comune", &[2, 3]), (Some(3), "comune"));
        assert_eq!(locate("languages[0]", &[2, 3]), (Some(2), "lingue"));
        assert_eq!(locate("locations[0].name", &[5]), (Some(5), "sede"));
        assert_eq!(locate("name", &[5]), (Some(5), "servizio"));
    }

    #[test]
    fn a_sheet_without_its_columns_or_lines_is_refused_whole() {
        let codes = |bytes: &[u8]| -> Vec<String> {
            read_csv(bytes)
                .err()
                .unwrap_or_default()
                .into_iter()
                .map(|e| e.code)
                .collect()
        };
        assert_eq!(codes(b""), vec!["empty_file"]);
        assert_eq!(codes(b"ente,servizio,descrizione\n"), vec!["empty_file"]);
        assert_eq!(codes(b"ente,servizio\nA,B\n"), vec!["missing_column"]);
    }

    #[test]
    fn an_excel_sheet_reads_like_a_csv_one() {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        let headings = ["Ente", "Servizio", "Descrizione", "Comune", "CAP", "Orari"];
        for (column, heading) in headings.into_iter().enumerate() {
            let written = sheet.write_string(0, column as u16, heading);
            assert!(written.is_ok());
        }
        let cells = [
            (0, "Sportello Latina"),
            (1, "Orientamento"),
            (2, "Colloqui"),
            (5, "gio 9-12"),
        ];
        for (column, text) in cells {
            assert!(sheet.write_string(1, column, text).is_ok());
        }
        // Excel keeps codes typed as numbers: the zeros must come back.
        assert!(sheet.write_number(1, 3, 59011.0).is_ok());
        assert!(sheet.write_number(1, 4, 4100.0).is_ok());
        let bytes = workbook.save_to_buffer().unwrap_or_default();
        let rows = read_xlsx(&bytes).unwrap_or_default();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].problems, Vec::new());
        let location = &rows[0].input.locations[0];
        assert_eq!(location.comune, "059011");
        assert_eq!(location.postcode.as_deref(), Some("04100"));
        assert_eq!(location.hours[0].day, Weekday::Thursday);
        assert_eq!(
            read_xlsx(b"not a workbook").map_err(|e| e[0].code.clone()).err(),
            Some("unreadable_file".to_owned())
        );
    }
}
