//! The small value types every drawing call takes: lengths are millimetres
//! from the page's top-left corner, font sizes are points (as typographers and
//! office programs give them), colours are 8-bit RGB.

/// One typographic point in millimetres.
pub const PT: f32 = 25.4 / 72.0;

/// Converts a length in points (font sizes, line widths) to millimetres.
pub fn pt_to_mm(pt: f32) -> f32 {
    pt * PT
}

/// A colour. Documents are printed on office laser printers, mostly black and
/// white: keep to greys and use colour only where a grey would do as well.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Color {
    pub const BLACK: Color = Color::grey(0);
    /// Secondary text: captions under lines, labels of requisites.
    pub const DARK_GREY: Color = Color::grey(85);
    pub const GREY: Color = Color::grey(140);
    /// Table header shading: visible on a cheap printer, text still crisp.
    pub const SHADE: Color = Color::grey(230);
    pub const LIGHT_SHADE: Color = Color::grey(243);
    pub const WHITE: Color = Color::grey(255);

    pub const fn rgb(r: u8, g: u8, b: u8) -> Color {
        Color { r, g, b }
    }

    pub const fn grey(level: u8) -> Color {
        Color::rgb(level, level, level)
    }

    pub(crate) fn to_pdf(self) -> printpdf::Color {
        let c = |v: u8| f32::from(v) / 255.0;
        printpdf::Color::Rgb(printpdf::Rgb::new(c(self.r), c(self.g), c(self.b), None))
    }
}

/// The two faces bundled: every document needs only these two.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// How a run of text looks: size in points, weight, colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    pub size: f32,
    pub weight: Weight,
    pub color: Color,
}

impl TextStyle {
    pub const fn regular(size: f32) -> TextStyle {
        TextStyle {
            size,
            weight: Weight::Regular,
            color: Color::BLACK,
        }
    }

    pub const fn bold(size: f32) -> TextStyle {
        TextStyle {
            size,
            weight: Weight::Bold,
            color: Color::BLACK,
        }
    }

    pub const fn with_color(self, color: Color) -> TextStyle {
        TextStyle { color, ..self }
    }

    pub const fn with_weight(self, weight: Weight) -> TextStyle {
        TextStyle { weight, ..self }
    }

    /// Distance between baselines of wrapped lines, in mm (1.2 × size: the
    /// usual leading of office documents).
    pub fn line_height(&self) -> f32 {
        pt_to_mm(self.size * 1.2)
    }

    /// Where the baseline sits below the top of a line box of
    /// [`line_height`](Self::line_height): centres the capitals in the box, so
    /// text in a table cell looks vertically centred.
    pub fn baseline_offset(&self) -> f32 {
        self.line_height() / 2.0 + pt_to_mm(self.size * CAP_HEIGHT / 2.0)
    }
}

/// PT Sans's cap height is 0.7 em.
const CAP_HEIGHT: f32 = 0.7;

/// Horizontal alignment of text within a width.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Centre,
    Right,
}

impl Align {
    /// The x where a run of `text_width` starts inside `[x, x + width]`.
    pub fn start(self, x: f32, width: f32, text_width: f32) -> f32 {
        match self {
            Align::Left => x,
            Align::Centre => x + (width - text_width) / 2.0,
            Align::Right => x + width - text_width,
        }
    }
}

/// How a line is stroked: width in points, colour, optional dash.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    pub width: f32,
    pub color: Color,
    /// Dash and gap lengths in points; `None` draws a solid line.
    pub dash: Option<(f32, f32)>,
}

impl Stroke {
    /// Table grid lines and rules.
    pub const THIN: Stroke = Stroke::solid(0.5);
    /// Fine detail: windows and doors on the body diagram, inner rules.
    pub const HAIRLINE: Stroke = Stroke::solid(0.3);
    /// Outlines that must dominate: the car body, the document frame.
    pub const BOLD: Stroke = Stroke::solid(1.0);

    pub const fn solid(width: f32) -> Stroke {
        Stroke {
            width,
            color: Color::BLACK,
            dash: None,
        }
    }

    pub const fn with_color(self, color: Color) -> Stroke {
        Stroke { color, ..self }
    }

    pub const fn dashed(self, dash: f32, gap: f32) -> Stroke {
        Stroke {
            dash: Some((dash, gap)),
            ..self
        }
    }
}

/// A rectangle in mm; `x`, `y` is its top-left corner on the page.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub const fn new(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }

    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// The largest rectangle of aspect `w:h` that fits inside, centred.
    pub fn fit(&self, w: f32, h: f32) -> Rect {
        if w <= 0.0 || h <= 0.0 {
            return Rect::new(self.x, self.y, 0.0, 0.0);
        }
        let scale = (self.w / w).min(self.h / h);
        let (fw, fh) = (w * scale, h * scale);
        Rect::new(
            self.x + (self.w - fw) / 2.0,
            self.y + (self.h - fh) / 2.0,
            fw,
            fh,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_within_a_width() {
        assert_eq!(Align::Left.start(10.0, 50.0, 20.0), 10.0);
        assert_eq!(Align::Centre.start(10.0, 50.0, 20.0), 25.0);
        assert_eq!(Align::Right.start(10.0, 50.0, 20.0), 40.0);
    }

    #[test]
    fn fits_keeping_aspect() {
        let r = Rect::new(0.0, 0.0, 40.0, 20.0).fit(100.0, 100.0);
        assert_eq!(r, Rect::new(10.0, 0.0, 20.0, 20.0));
    }
}
