//! Small PDF documents (certificates, statements): a title, paragraphs,
//! tables with headers and a footer line on every page, laid out top to
//! bottom on A4 pages (upright, or sideways for wide tables) in the PDF's
//! built-in Helvetica, so no font files ship.
//!
//! Built-in fonts read text as WinAnsi: Italian and other western European
//! letters print, characters outside it do not. Lines are wrapped on an
//! estimate of Helvetica's average glyph width, which is good enough for
//! forms of this kind.

pub mod certificate;
pub mod statement;

use printpdf::{
    BuiltinFont, Line, LinePoint, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt,
    TextItem,
};

const PAGE_WIDTH: f32 = 210.0;
const PAGE_HEIGHT: f32 = 297.0;
const MARGIN: f32 = 20.0;
const BODY_SIZE: f32 = 11.0;
/// The text of the tables of a wide document.
const SMALL_SIZE: f32 = 9.0;
const TITLE_SIZE: f32 = 18.0;
const FOOTER_SIZE: f32 = 8.0;
/// Helvetica's glyphs average about half an em wide.
const AVERAGE_GLYPH_EM: f32 = 0.5;
const PT_PER_MM: f32 = 72.0 / 25.4;

/// One part of a document, in reading order.
enum Block {
    Title(String),
    Paragraph {
        text: String,
        bold: bool,
    },
    Table {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Space,
}

/// A document being built; [`PdfBuilder::build`] lays it out.
pub struct PdfBuilder {
    name: String,
    blocks: Vec<Block>,
    footer: Option<String>,
    wide: bool,
}

impl PdfBuilder {
    /// `name` is the document's title in its metadata.
    pub fn new(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            blocks: Vec::new(),
            footer: None,
            wide: false,
        }
    }

    /// Pages turned sideways and tables in smaller type, for tables of
    /// many columns.
    pub fn wide(mut self) -> Self {
        self.wide = true;
        self
    }

    pub fn title(mut self, text: &str) -> Self {
        self.blocks.push(Block::Title(text.to_owned()));
        self
    }

    pub fn paragraph(mut self, text: &str) -> Self {
        self.blocks.push(Block::Paragraph {
            text: text.to_owned(),
            bold: false,
        });
        self
    }

    pub fn bold(mut self, text: &str) -> Self {
        self.blocks.push(Block::Paragraph {
            text: text.to_owned(),
            bold: true,
        });
        self
    }

    pub fn space(mut self) -> Self {
        self.blocks.push(Block::Space);
        self
    }

    /// A table: a bold header row, then the rows. Columns are as wide as
    /// their content asks, within limits; a cell too long for its column
    /// wraps, and a table that goes on to a new page repeats its headers.
    pub fn table(mut self, headers: &[&str], rows: Vec<Vec<String>>) -> Self {
        self.blocks.push(Block::Table {
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows,
        });
        self
    }

    /// A line at the foot of every page.
    pub fn footer(mut self, text: &str) -> Self {
        self.footer = Some(text.to_owned());
        self
    }

    /// The PDF file.
    pub fn build(self) -> Vec<u8> {
        let mut layout = if self.wide {
            Layout::new(self.footer, (PAGE_HEIGHT, PAGE_WIDTH), SMALL_SIZE)
        } else {
            Layout::new(self.footer, (PAGE_WIDTH, PAGE_HEIGHT), BODY_SIZE)
        };
        for block in &self.blocks {
            match block {
                Block::Title(text) => layout.lines(text, TITLE_SIZE, BuiltinFont::HelveticaBold),
                Block::Paragraph { text, bold } => {
                    let font = if *bold {
                        BuiltinFont::HelveticaBold
                    } else {
                        BuiltinFont::Helvetica
                    };
                    layout.lines(text, BODY_SIZE, font);
                }
                Block::Table { headers, rows } => layout.table(headers, rows),
                Block::Space => layout.y -= BODY_SIZE,
            }
        }
        let pages = layout.finish();
        // Uncompressed: a certificate is small, and its text stays searchable.
        let options = PdfSaveOptions {
            optimize: false,
            ..PdfSaveOptions::default()
        };
        PdfDocument::new(&self.name)
            .with_pages(pages)
            .save(&options, &mut Vec::new())
    }
}

/// Where the next line goes, and the pages filled so far.
struct Layout {
    pages: Vec<PdfPage>,
    ops: Vec<Op>,
    /// The baseline of the next line, in points from the bottom.
    y: f32,
    footer: Option<String>,
    /// The page's size, in millimetres.
    width: f32,
    height: f32,
    /// The size of the tables' text.
    table_size: f32,
}

fn mm_to_pt(mm: f32) -> f32 {
    mm * PT_PER_MM
}

impl Layout {
    fn new(footer: Option<String>, (width, height): (f32, f32), table_size: f32) -> Self {
        Self {
            pages: Vec::new(),
            ops: Vec::new(),
            y: mm_to_pt(height - MARGIN),
            footer,
            width,
            height,
            table_size,
        }
    }

    fn usable_width(&self) -> f32 {
        mm_to_pt(self.width - 2.0 * MARGIN)
    }

    fn fits(&self, height: f32) -> bool {
        self.y - height >= mm_to_pt(MARGIN + 10.0)
    }

    /// Starts a new page when `height` points do not fit on this one.
    fn room_for(&mut self, height: f32) {
        if !self.fits(height) {
            self.end_page();
        }
    }

    fn end_page(&mut self) {
        if let Some(footer) = self.footer.clone() {
            self.text_at(
                &footer,
                mm_to_pt(MARGIN),
                mm_to_pt(MARGIN) - FOOTER_SIZE,
                FOOTER_SIZE,
                BuiltinFont::Helvetica,
            );
        }
        let ops = std::mem::take(&mut self.ops);
        self.pages
            .push(PdfPage::new(Mm(self.width), Mm(self.height), ops));
        self.y = mm_to_pt(self.height - MARGIN);
    }

    fn finish(mut self) -> Vec<PdfPage> {
        self.end_page();
        self.pages
    }

    fn text_at(&mut self, text: &str, x: f32, y: f32, size: f32, font: BuiltinFont) {
        self.ops.extend([
            Op::StartTextSection,
            Op::SetTextCursor {
                pos: Point { x: Pt(x), y: Pt(y) },
            },
            Op::SetFont {
                font: PdfFontHandle::Builtin(font),
                size: Pt(size),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            },
            Op::EndTextSection,
        ]);
    }

    /// A paragraph wrapped to the page's width, with space after it.
    fn lines(&mut self, text: &str, size: f32, font: BuiltinFont) {
        let leading = size * 1.35;
        for line in wrap(text, chars_that_fit(self.usable_width(), size)) {
            self.room_for(leading);
            self.y -= leading;
            self.text_at(&line, mm_to_pt(MARGIN), self.y, size, font);
        }
        self.y -= size * 0.5;
    }

    fn table(&mut self, headers: &[String], rows: &[Vec<String>]) {
        let size = self.table_size;
        let widths = column_widths(self.usable_width(), headers, rows);
        let headers = cell_lines(headers, &widths, size);
        self.header_row(&headers, &widths);
        for row in rows {
            let lines = cell_lines(row, &widths, size);
            if !self.fits(row_height(&lines, size)) {
                self.end_page();
                self.header_row(&headers, &widths);
            }
            self.row(&lines, &widths, BuiltinFont::Helvetica);
        }
        self.y -= BODY_SIZE;
    }

    fn header_row(&mut self, headers: &[Vec<String>], widths: &[f32]) {
        self.room_for(row_height(headers, self.table_size) + 4.0);
        self.row(headers, widths, BuiltinFont::HelveticaBold);
        self.rule(self.y - 4.0);
    }

    /// A row of cells already wrapped to their columns.
    fn row(&mut self, cells: &[Vec<String>], widths: &[f32], font: BuiltinFont) {
        let size = self.table_size;
        let top = self.y;
        let mut x = mm_to_pt(MARGIN);
        for (lines, width) in cells.iter().zip(widths) {
            let mut y = top;
            for line in lines {
                y -= leading(size);
                self.text_at(line, x, y, size, font);
            }
            x += width;
        }
        self.y = top - row_height(cells, size);
    }

    /// A horizontal line across the page at `y`.
    fn rule(&mut self, y: f32) {
        let point = |x: f32| LinePoint {
            p: Point { x: Pt(x), y: Pt(y) },
            bezier: false,
        };
        self.ops.extend([
            Op::SetOutlineThickness { pt: Pt(0.5) },
            Op::DrawLine {
                line: Line {
                    points: vec![point(mm_to_pt(MARGIN)), point(mm_to_pt(self.width - MARGIN))],
                    is_closed: false,
                },
            },
        ]);
    }
}

/// The distance between the lines of a table's text of a size.
fn leading(size: f32) -> f32 {
    size * 1.5
}

/// Columns are never narrower or wider than this many characters asks.
const NARROWEST_COLUMN: usize = 4;
const WIDEST_COLUMN: usize = 32;

/// The width of each column: the page's width shared in proportion to the
/// longest cell of each (a heading counts by its longest word, since
/// headings wrap), within limits so no column starves the others.
fn column_widths(usable: f32, headers: &[String], rows: &[Vec<String>]) -> Vec<f32> {
    let longest_word = |text: &str| text.split_whitespace().map(|w| w.chars().count()).max();
    let wants: Vec<usize> = (0..headers.len().max(1))
        .map(|column| {
            let heading = headers.get(column).and_then(|h| longest_word(h));
            let cells = rows
                .iter()
                .filter_map(|row| row.get(column))
                .map(|c| c.chars().count());
            cells
                .chain(heading)
                .max()
                .unwrap_or_default()
                .clamp(NARROWEST_COLUMN, WIDEST_COLUMN)
        })
        .collect();
    let total: usize = wants.iter().sum();
    wants
        .iter()
        .map(|want| usable * *want as f32 / total as f32)
        .collect()
}

/// Each cell wrapped to the width of its column; a word longer than the
/// column is cut.
fn cell_lines(cells: &[String], widths: &[f32], size: f32) -> Vec<Vec<String>> {
    cells
        .iter()
        .zip(widths)
        .map(|(cell, width)| {
            let fit = chars_that_fit(width - 4.0, size);
            wrap(cell, fit).iter().map(|line| truncate(line, fit)).collect()
        })
        .collect()
}

/// The height of a row: its tallest cell.
fn row_height(cells: &[Vec<String>], size: f32) -> f32 {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    leading(size) * lines as f32
}

/// How many characters of a size fit in a width, on average.
fn chars_that_fit(width: f32, size: f32) -> usize {
    ((width / (size * AVERAGE_GLYPH_EM)) as usize).max(1)
}

/// Words gathered into lines of at most `width` characters; a longer word
/// stands on a line of its own.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

/// The text cut to `width` characters, an ellipsis marking the cut.
fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_a_pdf_with_its_text() {
        let bytes = PdfBuilder::new("Prova")
            .title("Attestato di frequenza")
            .paragraph("Si attesta che Mario Rossi ha frequentato il laboratorio.")
            .table(&["Ore", "Percentuale"], vec![vec!["28".into(), "70%".into()]])
            .footer("SOLEIL")
            .build();
        assert!(bytes.starts_with(b"%PDF"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("Mario Rossi"));
        assert!(text.contains("Percentuale"));
    }

    #[test]
    fn long_text_wraps_between_words() {
        assert_eq!(wrap("uno due tre", 7), ["uno due", "tre"]);
        assert_eq!(truncate("abcdef", 4), "abc…");
    }

    #[test]
    fn columns_share_the_width_by_what_they_hold() {
        let headers = ["Ore".to_owned(), "Riferimento pagamento".to_owned()];
        let rows = [vec![
            "2 h 30".to_owned(),
            "TRN 0001 del bonifico cumulativo".to_owned(),
        ]];
        let widths = column_widths(100.0, &headers, &rows);
        // "2 h 30" asks 6 characters, the reference is held to 32.
        assert_eq!(widths.iter().map(|w| w.round()).collect::<Vec<_>>(), [16.0, 84.0]);
        let lines = cell_lines(&rows[0], &[40.0, 40.0], BODY_SIZE);
        assert_eq!(lines[1], ["TRN", "0001", "del", "bonif…", "cumul…"]);
        assert_eq!(row_height(&lines, BODY_SIZE), leading(BODY_SIZE) * 5.0);
    }

    #[test]
    fn a_long_table_goes_on_over_sideways_pages() {
        let rows = (0..80).map(|n| vec![format!("riga {n}"), "x".into()]).collect();
        let bytes = PdfBuilder::new("Prova")
            .wide()
            .table(&["Riga", "Valore"], rows)
            .build();
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("riga 79"));
        // The headers are repeated on each new page.
        assert!(text.matches("(Riga)").count() > 1, "headers once");
    }
}
