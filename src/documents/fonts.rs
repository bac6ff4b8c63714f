//! The bundled fonts and text measurement.
//!
//! printpdf writes each character as the font's glyph and advances by the
//! glyph's width from the `hmtx` table, without kerning. Measuring with the same
//! widths here is what makes right-aligned sums end exactly at the cell edge and
//! wrapped lines never spill out of a column.

use std::borrow::Cow;
use std::sync::OnceLock;

use printpdf::ParsedFont;

use super::DocumentError;
use super::style::{TextStyle, Weight, pt_to_mm};

const PT_SANS_REGULAR: &[u8] = include_bytes!("../../assets/fonts/PTSans-Regular.ttf");
const PT_SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/PTSans-Bold.ttf");

/// Characters below this code point have their advance cached in a table:
/// Latin, Cyrillic and the common punctuation of Russian text.
const CACHED_CHARS: usize = 0x500;

/// The parsed faces, ready to be measured and embedded. Parsing takes a few
/// milliseconds, so [`Fonts::shared`] parses once per process and every
/// [`Document`](super::Document) borrows the same `Fonts`.
#[derive(Debug, Clone)]
pub struct Fonts {
    regular: Face,
    bold: Face,
}

#[derive(Debug, Clone)]
pub(crate) struct Face {
    pub(crate) parsed: ParsedFont,
    units_per_em: f32,
    /// Advance in font units per cached char; `None` when the font lacks it.
    cached: Vec<Option<u16>>,
}

impl Fonts {
    /// PT Sans Regular and Bold, bundled in `assets/fonts/` (ParaType Free Font
    /// License, see `assets/fonts/README.md`), parsed on the first call and
    /// shared after it: they are the same bytes for the life of the process,
    /// and parsing them for every document cost more than some layouts.
    /// A parse failure is a broken build and is kept as well.
    pub fn shared() -> Result<&'static Fonts, DocumentError> {
        static SHARED: OnceLock<Result<Fonts, String>> = OnceLock::new();
        SHARED
            .get_or_init(|| Fonts::bundled().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| DocumentError::Font(e.clone()))
    }

    /// The bundled faces parsed afresh, owned by the caller; prefer
    /// [`Fonts::shared`].
    pub fn bundled() -> Result<Fonts, DocumentError> {
        Ok(Fonts {
            regular: Face::parse("PT Sans Regular", PT_SANS_REGULAR)?,
            bold: Face::parse("PT Sans Bold", PT_SANS_BOLD)?,
        })
    }

    pub(crate) fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Width of `text` set in `style`, in mm.
    pub fn width(&self, text: &str, style: TextStyle) -> f32 {
        let face = self.face(style.weight);
        let units: f32 = text.chars().map(|c| face.advance(c)).sum();
        pt_to_mm(units / face.units_per_em * style.size)
    }

    /// Whether the bundled faces can draw `c` (both have the same repertoire).
    pub fn has_glyph(&self, c: char) -> bool {
        self.regular.glyph(c).is_some()
    }

    /// Breaks `text` into lines no wider than `width` mm. Lines break at spaces
    /// (never at the no-break space that groups money) and at `\n`; a word wider
    /// than the whole width is cut between characters rather than left sticking
    /// out of its cell. An empty text gives no lines.
    pub fn wrap(&self, text: &str, style: TextStyle, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            self.wrap_paragraph(paragraph, style, width, &mut lines);
        }
        while lines.last().is_some_and(|l: &String| l.is_empty()) {
            lines.pop();
        }
        lines
    }

    fn wrap_paragraph(&self, text: &str, style: TextStyle, width: f32, out: &mut Vec<String>) {
        let space = self.width(" ", style);
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let word_width = self.width(word, style);
            if !line.is_empty() && line_width + space + word_width <= width {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
            } else {
                line = self.break_word(word, style, width, out);
                line_width = self.width(&line, style);
            }
        }
        out.push(line);
    }

    /// Cuts an over-long word into lines of at most `width`, pushing all but the
    /// last piece, which is returned to start the next line.
    fn break_word(
        &self,
        word: &str,
        style: TextStyle,
        width: f32,
        out: &mut Vec<String>,
    ) -> String {
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if self.width(&piece, style) > width && piece.chars().count() > 1 {
                piece.pop();
                out.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        piece
    }

    /// Replaces what the font cannot draw: tabs and line-breaking controls by a
    /// space, the thin and narrow no-break spaces by the no-break space, and any
    /// other missing character by «?» — a visible mark instead of an empty box.
    pub fn printable<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if text.chars().all(|c| self.has_glyph(c)) {
            return Cow::Borrowed(text);
        }
        Cow::Owned(text.chars().map(|c| self.substitute(c)).collect())
    }

    fn substitute(&self, c: char) -> char {
        match c {
            _ if self.has_glyph(c) => c,
            '\t' | '\r' | '\n' => ' ',
            '\u{2009}' | '\u{202f}' | '\u{2007}' => '\u{a0}',
            _ => '?',
        }
    }
}

impl Face {
    fn parse(name: &str, bytes: &[u8]) -> Result<Face, DocumentError> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| DocumentError::Font(format!("{name}: {warnings:?}")))?;
        let units_per_em = f32::from(parsed.font_metrics.units_per_em.max(1));
        let mut face = Face {
            parsed,
            units_per_em,
            cached: Vec::new(),
        };
        face.cached = (0..CACHED_CHARS)
            .map(|code| char::from_u32(code as u32).and_then(|c| face.lookup(c)))
            .collect();
        Ok(face)
    }

    fn lookup(&self, c: char) -> Option<u16> {
        let gid = self.parsed.lookup_glyph_index(c as u32)?;
        Some(self.parsed.get_horizontal_advance(gid))
    }

    fn glyph(&self, c: char) -> Option<u16> {
        match self.cached.get(c as usize) {
            Some(cached) => *cached,
            None => self.lookup(c),
        }
    }

    /// Advance in font units; a missing glyph measures as the `.notdef` box
    /// printpdf would draw for it.
    fn advance(&self, c: char) -> f32 {
        let units = self
            .glyph(c)
            .unwrap_or_else(|| self.parsed.get_horizontal_advance(0));
        f32::from(units)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> &'static Fonts {
        Fonts::shared().expect("bundled fonts parse")
    }

    #[test]
    fn measures_cyrillic_from_the_font() {
        let fonts = fonts();
        let style = TextStyle::regular(10.0);
        let w = fonts.width("Заказ-наряд", style);
        assert!(w > 15.0 && w < 25.0, "{w}");
        // Bold is wider, and width is additive.
        assert!(fonts.width("Заказ-наряд", TextStyle::bold(10.0)) > w);
        let sum = fonts.width("Заказ", style) + fonts.width("-наряд", style);
        assert!((sum - w).abs() < 1e-3);
        assert!(fonts.has_glyph('₽') && fonts.has_glyph('№') && fonts.has_glyph('\u{a0}'));
    }

    fn check_wrap(text: &str, width: f32, expected: &[&str]) {
        let lines = fonts().wrap(text, TextStyle::regular(10.0), width);
        assert_eq!(lines, expected, "wrapping {text:?} into {width} mm");
    }

    #[test]
    fn wraps_at_spaces_within_the_width() {
        check_wrap("", 50.0, &[]);
        check_wrap("Замена масла", 100.0, &["Замена масла"]);
        check_wrap(
            "Замена масла в двигателе",
            30.0,
            &["Замена масла в", "двигателе"],
        );
        check_wrap("Первая\nвторая", 100.0, &["Первая", "вторая"]);
        check_wrap("1\u{a0}234,50 руб", 14.0, &["1\u{a0}234,50", "руб"]);
        check_wrap("WVWZZZ1JZXW000001", 15.0, &["WVWZZZ", "1JZXW00", "0001"]);
    }

    #[test]
    fn wrapped_lines_fit() {
        let fonts = fonts();
        let style = TextStyle::regular(9.0);
        let text = "Диагностика ходовой части, замена передних тормозных колодок и дисков";
        for width in [20.0, 35.0, 60.0] {
            for line in fonts.wrap(text, style, width) {
                assert!(fonts.width(&line, style) <= width, "{line:?} in {width}");
            }
        }
    }

    #[test]
    fn substitutes_what_the_font_cannot_draw() {
        let fonts = fonts();
        assert!(matches!(
            fonts.printable("Итого: 1\u{a0}000,00 ₽"),
            Cow::Borrowed(_)
        ));
        assert_eq!(fonts.printable("a\tb\u{202f}c\u{1f600}"), "a b\u{a0}c?");
    }
}
