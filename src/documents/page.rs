//! [`Document`]: A4 pages, a top-down cursor, and the drawing primitives.
//!
//! Everything is in millimetres from the page's top-left corner; the
//! conversion to PDF's points from the bottom-left happens only here.

use printpdf::{
    FontId, Line, LineCapStyle, LineDashPattern, LineJoinStyle, LinePoint, Mm, Op, PaintMode,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Polygon, PolygonRing, Pt, RawImage,
    TextItem, WindingOrder, XObjectTransform,
};

use super::DocumentError;
use super::fonts::Fonts;
use super::geometry::{Path, Point, Segment};
use super::style::{Align, Color, PT, Rect, Stroke, TextStyle, Weight};

/// A4 portrait, mm.
pub const PAGE_WIDTH: f32 = 210.0;
pub const PAGE_HEIGHT: f32 = 297.0;

/// Page margins in mm.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Margins {
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
    pub left: f32,
}

impl Default for Margins {
    /// 20 mm on the left for filing in a binder (as Russian office documents
    /// have it), 10 mm on the right, 12 mm at the top and 16 mm at the bottom,
    /// where the footer with page numbers sits.
    fn default() -> Margins {
        Margins {
            top: 12.0,
            right: 10.0,
            bottom: 16.0,
            left: 20.0,
        }
    }
}

/// When to print «Стр. N из M» in the footer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PageNumbers {
    Never,
    /// Only when the document runs to two pages or more.
    #[default]
    WhenSeveral,
    Always,
}

/// A decoded raster image (the shop's logo), ready to be placed.
#[derive(Debug, Clone)]
pub struct Image {
    raw: RawImage,
}

impl Image {
    /// Decodes PNG or JPEG bytes. Decode once and reuse the `Image` for
    /// every document: decoding costs more than placing.
    pub fn decode(bytes: &[u8]) -> Result<Image, DocumentError> {
        let raw =
            RawImage::decode_from_bytes(bytes, &mut Vec::new()).map_err(DocumentError::Image)?;
        if raw.width == 0 || raw.height == 0 {
            return Err(DocumentError::Image("the image is empty".to_owned()));
        }
        Ok(Image { raw })
    }

    /// Width and height in pixels.
    pub fn size_px(&self) -> (usize, usize) {
        (self.raw.width, self.raw.height)
    }
}

/// Resolution printpdf assumes for an image's natural size; the placement
/// scale is computed against it.
const IMAGE_DPI: f32 = 300.0;

/// A document being laid out: finished pages, the current page's operations,
/// and the cursor (`y`, mm from the top) that flowing blocks advance.
pub struct Document<'f> {
    fonts: &'f Fonts,
    pdf: PdfDocument,
    regular: FontId,
    bold: FontId,
    margins: Margins,
    pages: Vec<Vec<Op>>,
    ops: Vec<Op>,
    y: f32,
    footer: Option<String>,
    /// The shop's own lines above the footer, wrapped to the content width.
    note: Vec<String>,
    page_numbers: PageNumbers,
}

/// The shop's footer note: small, grey, centred.
const NOTE: TextStyle = TextStyle::regular(7.0).with_color(Color::DARK_GREY);

impl<'f> Document<'f> {
    /// Starts a document titled `title` (shown by PDF viewers) on its first page.
    pub fn new(title: &str, fonts: &'f Fonts) -> Document<'f> {
        let mut pdf = PdfDocument::new(title);
        pdf.metadata.info.creator = "Remzona".to_owned();
        let regular = pdf.add_font(&fonts.face(Weight::Regular).parsed);
        let bold = pdf.add_font(&fonts.face(Weight::Bold).parsed);
        let margins = Margins::default();
        Document {
            fonts,
            pdf,
            regular,
            bold,
            margins,
            pages: Vec::new(),
            ops: page_prelude(),
            y: margins.top,
            footer: None,
            note: Vec::new(),
            page_numbers: PageNumbers::default(),
        }
    }

    /// Sets the margins; call before drawing anything (the cursor moves to the
    /// new top margin).
    pub fn set_margins(&mut self, margins: Margins) {
        self.margins = margins;
        self.y = margins.top;
    }

    /// Text printed at the bottom left of every page, e.g. «Заказ-наряд № 12
    /// от 27.11.2026»: identifies a loose second page.
    pub fn set_footer(&mut self, text: impl Into<String>) {
        self.footer = Some(text.into());
    }

    /// The shop's own text at the foot of every page (a slogan, opening
    /// hours, the website), centred above the footer line under a thin rule.
    /// Raises the bottom margin to make room, so call it before drawing; an
    /// empty text leaves the page as it was.
    pub fn set_footer_note(&mut self, text: &str) {
        self.margins.bottom -= self.note_room();
        self.note = self.fonts.wrap(text.trim(), NOTE, self.content_width());
        self.margins.bottom += self.note_room();
    }

    /// What the note adds to the bottom margin: its lines. The rule above
    /// them fits in the space the footer line already keeps.
    fn note_room(&self) -> f32 {
        self.note.len() as f32 * NOTE.line_height()
    }

    pub fn set_page_numbers(&mut self, numbers: PageNumbers) {
        self.page_numbers = numbers;
    }

    pub fn fonts(&self) -> &'f Fonts {
        self.fonts
    }

    pub fn margins(&self) -> Margins {
        self.margins
    }

    /// Left edge of the content area.
    pub fn left(&self) -> f32 {
        self.margins.left
    }

    /// Right edge of the content area.
    pub fn right(&self) -> f32 {
        PAGE_WIDTH - self.margins.right
    }

    pub fn content_width(&self) -> f32 {
        self.right() - self.left()
    }

    /// Lowest y that content may reach on a page.
    pub fn bottom(&self) -> f32 {
        PAGE_HEIGHT - self.margins.bottom
    }

    /// The cursor: where the next flowing block starts, mm from the top.
    pub fn cursor(&self) -> f32 {
        self.y
    }

    pub fn set_cursor(&mut self, y: f32) {
        self.y = y;
    }

    /// Moves the cursor down by `dy` mm (a vertical space).
    pub fn advance(&mut self, dy: f32) {
        self.y += dy;
    }

    /// Height left between the cursor and the bottom margin.
    pub fn space_left(&self) -> f32 {
        self.bottom() - self.y
    }

    /// 1-based number of the page being drawn.
    pub fn page_number(&self) -> usize {
        self.pages.len() + 1
    }

    /// Whether nothing has flowed onto the current page yet.
    pub fn at_page_top(&self) -> bool {
        self.y <= self.margins.top + 0.01
    }

    /// Starts a new page unless `height` mm still fit below the cursor (or the
    /// page is still empty, where a new page would not help). Returns whether a
    /// page was started.
    pub fn ensure_space(&mut self, height: f32) -> bool {
        if height <= self.space_left() || self.at_page_top() {
            return false;
        }
        self.new_page();
        true
    }

    /// Finishes the current page and puts the cursor at the top of a new one.
    pub fn new_page(&mut self) {
        let ops = std::mem::replace(&mut self.ops, page_prelude());
        self.pages.push(ops);
        self.y = self.margins.top;
    }

    /// Draws one line of text with its baseline at `baseline` and its left end
    /// at `x`; returns its width. No wrapping: see
    /// [`text_block_at`](Self::text_block_at).
    pub fn text(&mut self, x: f32, baseline: f32, text: &str, style: TextStyle) -> f32 {
        let text = self.fonts.printable(text);
        if text.trim().is_empty() {
            return 0.0;
        }
        let font = match style.weight {
            Weight::Regular => self.regular.clone(),
            Weight::Bold => self.bold.clone(),
        };
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(style.size),
            },
            Op::SetFillColor {
                col: style.color.to_pdf(),
            },
            Op::SetTextCursor {
                pos: pdf_point(x, baseline),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.clone().into_owned())],
            },
            Op::EndTextSection,
        ]);
        self.fonts.width(&text, style)
    }

    /// Draws one line of text aligned within `[x, x + width]`.
    pub fn text_aligned(
        &mut self,
        x: f32,
        width: f32,
        baseline: f32,
        text: &str,
        style: TextStyle,
        align: Align,
    ) {
        let start = align.start(x, width, self.fonts.width(text, style));
        self.text(start, baseline, text, style);
    }

    /// Wraps `text` into `width` and draws it with the first line's box top at
    /// `y`; returns the height used. Does not move the cursor or break pages:
    /// for cells, columns and anything placed side by side.
    pub fn text_block_at(
        &mut self,
        x: f32,
        y: f32,
        width: f32,
        text: &str,
        style: TextStyle,
        align: Align,
    ) -> f32 {
        let lines = self.fonts.wrap(text, style, width);
        let lh = style.line_height();
        for (i, line) in lines.iter().enumerate() {
            let baseline = y + i as f32 * lh + style.baseline_offset();
            self.text_aligned(x, width, baseline, line, style, align);
        }
        lines.len() as f32 * lh
    }

    /// Height [`text_block_at`](Self::text_block_at) would use.
    pub fn text_block_height(&self, width: f32, text: &str, style: TextStyle) -> f32 {
        self.fonts.wrap(text, style, width).len() as f32 * style.line_height()
    }

    /// Flows wrapped text across the content width at the cursor, breaking
    /// pages between lines, and moves the cursor below it.
    pub fn paragraph(&mut self, text: &str, style: TextStyle, align: Align) {
        let (x, width) = (self.left(), self.content_width());
        let lh = style.line_height();
        for line in self.fonts.wrap(text, style, width) {
            self.ensure_space(lh);
            let baseline = self.y + style.baseline_offset();
            self.text_aligned(x, width, baseline, &line, style, align);
            self.y += lh;
        }
    }

    /// A straight line.
    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, stroke: Stroke) {
        let path = Path::new().move_to(x1, y1).line_to(x2, y2);
        self.path(&path, Some(stroke), None);
    }

    /// A rectangle, stroked and/or filled.
    pub fn rect(&mut self, r: Rect, stroke: Option<Stroke>, fill: Option<Color>) {
        let path = Path::new().polyline(
            &[
                (r.x, r.y),
                (r.right(), r.y),
                (r.right(), r.bottom()),
                (r.x, r.bottom()),
            ],
            true,
        );
        self.path(&path, stroke, fill);
    }

    /// An ellipse centred at `(cx, cy)` with radii `rx`, `ry`.
    pub fn ellipse(
        &mut self,
        cx: f32,
        cy: f32,
        rx: f32,
        ry: f32,
        stroke: Option<Stroke>,
        fill: Option<Color>,
    ) {
        self.path(&Path::new().ellipse(cx, cy, rx, ry), stroke, fill);
    }

    /// A polyline through page points (mm), closed into a polygon if asked.
    pub fn polyline(&mut self, points: &[(f32, f32)], closed: bool, stroke: Stroke) {
        self.path(&Path::new().polyline(points, closed), Some(stroke), None);
    }

    /// Draws a path whose coordinates are page mm (map other units with
    /// [`Path::transformed`]). With a fill, closed subpaths are filled with the
    /// non-zero rule; the stroke is drawn over the fill.
    pub fn path(&mut self, path: &Path, stroke: Option<Stroke>, fill: Option<Color>) {
        let subpaths = pdf_subpaths(path);
        if subpaths.is_empty() {
            return;
        }
        if let Some(fill) = fill {
            let rings = subpaths
                .iter()
                .map(|(points, _)| PolygonRing {
                    points: points.clone(),
                })
                .collect();
            self.ops.push(Op::SetFillColor { col: fill.to_pdf() });
            let polygon = Polygon {
                rings,
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            };
            self.ops.push(Op::DrawPolygon { polygon });
        }
        if let Some(stroke) = stroke {
            self.set_stroke(stroke);
            for (points, is_closed) in subpaths {
                self.ops.push(Op::DrawLine {
                    line: Line { points, is_closed },
                });
            }
        }
    }

    fn set_stroke(&mut self, stroke: Stroke) {
        let dash = match stroke.dash {
            Some((on, off)) => LineDashPattern::new(0.0, &[on, off]),
            None => LineDashPattern::solid(),
        };
        self.ops.extend([
            Op::SetOutlineColor {
                col: stroke.color.to_pdf(),
            },
            Op::SetOutlineThickness {
                pt: Pt(stroke.width),
            },
            Op::SetLineDashPattern { dash },
        ]);
    }

    /// Places `image` inside `area`, scaled to fit with its aspect kept and
    /// aligned to the area's top-left corner; returns where it landed.
    pub fn image(&mut self, image: &Image, area: Rect) -> Rect {
        let (w_px, h_px) = image.size_px();
        let fitted = area.fit(w_px as f32, h_px as f32);
        let placed = Rect::new(area.x, area.y, fitted.w, fitted.h);
        let natural_mm = |px: usize| px as f32 / IMAGE_DPI * 25.4;
        let id = self.pdf.add_image(&image.raw);
        let transform = XObjectTransform {
            translate_x: Some(Mm(placed.x).into()),
            translate_y: Some(Mm(PAGE_HEIGHT - placed.bottom()).into()),
            scale_x: Some(placed.w / natural_mm(w_px)),
            scale_y: Some(placed.h / natural_mm(h_px)),
            dpi: Some(IMAGE_DPI),
            ..XObjectTransform::default()
        };
        self.ops.push(Op::UseXobject { id, transform });
        placed
    }

    /// Finishes the last page, adds footers and page numbers, and serialises
    /// the PDF with the fonts subset to the glyphs used.
    pub fn finish(mut self) -> Result<Vec<u8>, DocumentError> {
        let last = std::mem::take(&mut self.ops);
        self.pages.push(last);
        let total = self.pages.len();
        let pages = std::mem::take(&mut self.pages);
        let mut pdf_pages = Vec::with_capacity(total);
        for (i, ops) in pages.into_iter().enumerate() {
            self.ops = ops;
            self.draw_footer(i + 1, total);
            let ops = std::mem::take(&mut self.ops);
            pdf_pages.push(PdfPage::new(Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT), ops));
        }
        let options = PdfSaveOptions {
            subset_fonts: true,
            ..PdfSaveOptions::default()
        };
        let bytes = self
            .pdf
            .with_pages(pdf_pages)
            .save(&options, &mut Vec::new());
        if bytes.is_empty() {
            return Err(DocumentError::Pdf("printpdf produced no bytes".to_owned()));
        }
        Ok(bytes)
    }

    fn draw_footer(&mut self, page: usize, total: usize) {
        let style = TextStyle::regular(7.5).with_color(Color::DARK_GREY);
        let baseline = PAGE_HEIGHT - (self.margins.bottom - self.note_room()) / 2.0;
        if !self.note.is_empty() {
            self.draw_note(baseline - style.line_height());
        }
        let numbered = match self.page_numbers {
            PageNumbers::Never => false,
            PageNumbers::WhenSeveral => total > 1,
            PageNumbers::Always => true,
        };
        if let Some(footer) = self.footer.clone() {
            self.text(self.left(), baseline, &footer, style);
        }
        if numbered {
            let label = format!("Стр. {page} из {total}");
            let (x, w) = (self.left(), self.content_width());
            self.text_aligned(x, w, baseline, &label, style, Align::Right);
        }
    }
}

impl Document<'_> {
    /// The note's lines ending at `bottom` (just above the footer line),
    /// with a rule separating them from the content.
    fn draw_note(&mut self, bottom: f32) {
        let lh = NOTE.line_height();
        let top = bottom - self.note.len() as f32 * lh;
        let rule = top - 1.0;
        let (x, w) = (self.left(), self.content_width());
        self.line(
            x,
            rule,
            x + w,
            rule,
            Stroke::HAIRLINE.with_color(Color::GREY),
        );
        for (i, line) in self.note.clone().iter().enumerate() {
            let baseline = top + i as f32 * lh + NOTE.baseline_offset();
            self.text_aligned(x, w, baseline, line, NOTE, Align::Centre);
        }
    }
}

/// Operations every page starts with: round joins so that outlines drawn
/// from many segments have no notches, butt caps so grid lines end exactly.
fn page_prelude() -> Vec<Op> {
    vec![
        Op::SetLineJoinStyle {
            join: LineJoinStyle::Round,
        },
        Op::SetLineCapStyle {
            cap: LineCapStyle::Butt,
        },
    ]
}

/// A page point in mm from the top-left as PDF points from the bottom-left.
fn pdf_point(x: f32, y: f32) -> printpdf::Point {
    printpdf::Point {
        x: Pt(x / PT),
        y: Pt((PAGE_HEIGHT - y) / PT),
    }
}

fn line_point(p: Point, bezier: bool) -> LinePoint {
    LinePoint {
        p: pdf_point(p.x, p.y),
        bezier,
    }
}

/// Splits a path into printpdf's subpaths (points, closed?). printpdf reads a
/// cubic as two points flagged `bezier` followed by the end point.
fn pdf_subpaths(path: &Path) -> Vec<(Vec<LinePoint>, bool)> {
    let mut out: Vec<(Vec<LinePoint>, bool)> = Vec::new();
    for seg in path.segments() {
        match *seg {
            Segment::MoveTo(p) => out.push((vec![line_point(p, false)], false)),
            Segment::LineTo(p) => push_points(&mut out, &[line_point(p, false)]),
            Segment::CubicTo(a, b, p) => {
                push_points(
                    &mut out,
                    &[
                        line_point(a, true),
                        line_point(b, true),
                        line_point(p, false),
                    ],
                );
            }
            Segment::Close => {
                if let Some(last) = out.last_mut() {
                    last.1 = true;
                }
            }
        }
    }
    out.retain(|(points, _)| points.len() > 1);
    out
}

/// Appends to the current subpath; a path that does not start with a move
/// starts at its first point.
fn push_points(out: &mut Vec<(Vec<LinePoint>, bool)>, points: &[LinePoint]) {
    match out.last_mut() {
        Some((current, false)) => current.extend_from_slice(points),
        _ => out.push((points.to_vec(), false)),
    }
}
