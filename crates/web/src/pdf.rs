//! Small PDF documents (certificates, statements): a title, paragraphs,
//! tables with headers and a footer line on every page, laid out top to
//! bottom on A4 pages in the PDF's built-in Helvetica, so no font files ship.
//!
//! Built-in fonts read text as WinAnsi: Italian and other western European
//! letters print, characters outside it do not. Lines are wrapped on an
//! estimate of Helvetica's average glyph width, which is good enough for
//! forms of this kind.

pub mod certificate;

use printpdf::{
    BuiltinFont, Line, LinePoint, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt,
    TextItem,
};

const PAGE_WIDTH: f32 = 210.0;
const PAGE_HEIGHT: f32 = 297.0;
const MARGIN: f32 = 20.0;
const BODY_SIZE: f32 = 11.0;
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
}

impl PdfBuilder {
    /// `name` is the document's title in its metadata.
    pub fn new(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            blocks: Vec::new(),
            footer: None,
        }
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

    /// A table: a bold header row, then the rows, columns of equal width.
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
        let mut layout = Layout::new(self.footer);
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
}

fn mm_to_pt(mm: f32) -> f32 {
    mm * PT_PER_MM
}

impl Layout {
    fn new(footer: Option<String>) -> Self {
        Self {
            pages: Vec::new(),
            ops: Vec::new(),
            y: mm_to_pt(PAGE_HEIGHT - MARGIN),
            footer,
        }
    }

    fn usable_width(&self) -> f32 {
        mm_to_pt(PAGE_WIDTH - 2.0 * MARGIN)
    }

    /// Starts a new page when `height` points do not fit on this one.
    fn room_for(&mut self, height: f32) {
        if self.y - height < mm_to_pt(MARGIN + 10.0) {
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
            .push(PdfPage::new(Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT), ops));
        self.y = mm_to_pt(PAGE_HEIGHT - MARGIN);
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
        let columns = headers.len().max(1);
        let column_width = self.usable_width() / columns as f32;
        let fit = chars_that_fit(column_width - 4.0, BODY_SIZE);
        let leading = BODY_SIZE * 1.5;
        self.row(headers, column_width, fit, BuiltinFont::HelveticaBold);
        self.rule(self.y - 4.0);
        for row in rows {
            self.room_for(leading);
            self.row(row, column_width, fit, BuiltinFont::Helvetica);
        }
        self.y -= BODY_SIZE;
    }

    fn row(&mut self, cells: &[String], column_width: f32, fit: usize, font: BuiltinFont) {
        self.room_for(BODY_SIZE * 1.5);
        self.y -= BODY_SIZE * 1.5;
        for (i, cell) in cells.iter().enumerate() {
            let x = mm_to_pt(MARGIN) + column_width * i as f32;
            let text = truncate(cell, fit);
            self.text_at(&text, x, self.y, BODY_SIZE, font);
        }
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
                    points: vec![point(mm_to_pt(MARGIN)), point(mm_to_pt(PAGE_WIDTH - MARGIN))],
                    is_closed: false,
                },
            },
        ]);
    }
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
}
