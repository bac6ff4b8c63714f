//! The PDF layout toolkit the shop's documents are written with (заказ-наряд,
//! акты, квитанция, счёт): A4 portrait pages, millimetres, a top-down cursor,
//! and the bundled PT Sans font, over [`printpdf`]'s operation lists.
//!
//! printpdf draws glyphs where it is told and knows nothing of lines, tables
//! or pages; this module adds exactly that, measuring text with the same glyph
//! widths printpdf embeds, so that right-aligned sums end at the cell edge and
//! wrapped text never leaves its column. It knows nothing of orders or clients:
//! a document module takes a frozen snapshot (plain strings, kopecks) and calls
//! the toolkit.
//!
//! # Coordinates
//!
//! Lengths are mm from the page's top-left corner, y pointing down; font sizes
//! and line widths are points. [`Document::cursor`] is the y where the next
//! flowing block goes. Flowing calls (`title`, `paragraph`, `key_values`,
//! `table`, `signatures`, `body_diagram`…) start at the cursor, break the page
//! when they do not fit and leave the cursor below themselves. Placing calls
//! (`text`, `text_block_at`, `line`, `rect`, `path`, `image`, `key_values_at`,
//! `signature_at`, `body_view`) draw where they are told and move nothing.
//!
//! # A document
//!
//! ```no_run
//! use remzona::documents::{Align, Column, Document, Fonts, KeyValues, Signature, Table, TextStyle, format_money};
//!
//! # fn main() -> Result<(), remzona::documents::DocumentError> {
//! let fonts = Fonts::shared()?; // parsed on the first call, shared after
//! let mut doc = Document::new("Квитанция № 7", fonts);
//! doc.set_footer("Квитанция № 7 от 27.11.2026");
//! doc.title("Квитанция № 7 от 27 ноября 2026 г.");
//! doc.key_values(&KeyValues::new(30.0).row("Заказчик", "Петров Пётр Петрович"));
//! let mut works = Table::new(vec![
//!     Column::fixed("№", 8.0, Align::Right),
//!     Column::flex("Наименование работы", 1.0, Align::Left),
//!     Column::fixed("Сумма, ₽", 26.0, Align::Right),
//! ]);
//! works.row(["1", "Замена масла в двигателе", &format_money(150_000)]);
//! works.grand_total("Итого:", format_money(150_000));
//! doc.table(&works)?;
//! doc.signatures(&[Signature { party: "Исполнитель".into(), stamp: true, ..Default::default() }]);
//! let pdf: Vec<u8> = doc.finish()?;
//! # let _ = (pdf, TextStyle::regular(9.0));
//! # Ok(()) }
//! ```
//!
//! # The API
//!
//! - [`Fonts`]: `shared()` (parsed once per process), `bundled()`,
//!   `width(text, style)` in mm, `wrap(text, style,
//!   width)` into lines, `printable(text)` (what the font cannot draw becomes
//!   «?»; thin spaces become no-break spaces).
//! - [`Document`]: `new(title, &fonts)`, `set_margins`, `set_footer`, `set_footer_note`,
//!   `set_page_numbers` («Стр. 1 из 2»), `left`/`right`/`content_width`/`bottom`,
//!   `cursor`/`set_cursor`/`advance`/`space_left`/`ensure_space`/`new_page`,
//!   `finish() -> Vec<u8>`.
//! - Text: `text` (one line at a baseline), `text_aligned`, `text_block_at`
//!   (wrapped, returns its height), `text_block_height`, `paragraph` (flowing).
//! - Blocks ([`blocks`]): `letterhead(&Letterhead)`, `title`, `subtitle`,
//!   `heading(text, keep_with)`, `rule`, `key_values(&KeyValues)`,
//!   `key_values_columns(&[KeyValues], gap)`, `signatures(&[Signature])`,
//!   `stamp_place(x, y)`.
//! - [`Table`]: [`Column::fixed`]/[`Column::flex`] with an [`Align`]; `row`,
//!   `section`, `total`, `grand_total`; drawn by `Document::table`, which
//!   repeats the shaded header on each page it runs onto.
//! - Graphics: `line`, `rect`, `ellipse`, `polyline`, `path(&Path, stroke,
//!   fill)` with [`Path`] (`move_to`, `line_to`, `cubic_to`, `ellipse`,
//!   `rounded_rect`, `transformed`, `to_svg_d`), `image(&Image, area)`.
//! - The car body diagram ([`body_diagram`]): `Document::body_diagram(&[Mark],
//!   width)`, `body_view`, `damage_legend`; [`svg_views`] for the UI.
//! - Money: [`format_money`] (`123450` → `"1 234,50"`), [`group_thousands`].

pub mod blocks;
pub mod body_diagram;
mod fonts;
pub mod geometry;
mod money;
mod page;
pub mod render;
pub mod sample;
mod style;
mod table;

#[cfg(test)]
mod tests;

pub use blocks::{BODY, KeyValues, Letterhead, SMALL, Signature};
pub use body_diagram::{DamageKind, Mark, SvgView, View, svg_views};
pub use fonts::Fonts;
pub use geometry::{Path, Point, Segment, Transform};
pub use money::{GROUP_SEPARATOR, format_money, group_thousands};
pub use page::{Document, Image, Margins, PAGE_HEIGHT, PAGE_WIDTH, PageNumbers};
pub use style::{Align, Color, PT, Rect, Stroke, TextStyle, Weight, pt_to_mm};
pub use table::{Column, ColumnWidth, Table, TableStyle};

/// Why a document could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The bundled font did not parse (a broken build, not a user error).
    #[error("font error: {0}")]
    Font(String),

    /// The logo is not a PNG or JPEG the renderer can decode.
    #[error("image error: {0}")]
    Image(String),

    /// The content cannot be laid out: columns wider than the page, a row
    /// with the wrong number of cells.
    #[error("layout error: {0}")]
    Layout(String),

    #[error("PDF error: {0}")]
    Pdf(String),
}
