//! Flowing blocks that every shop document is made of: the letterhead, titles,
//! headings, requisites (key–value) blocks, rules, signatures and the stamp
//! place. Each starts at the cursor, breaks the page if it does not fit, and
//! leaves the cursor below itself.

use super::page::{Document, Image};
use super::style::{Align, Color, Rect, Stroke, TextStyle};

/// Body text of the documents.
pub const BODY: TextStyle = TextStyle::regular(9.0);
/// Labels, captions and secondary lines.
pub const SMALL: TextStyle = TextStyle::regular(7.5).with_color(Color::DARK_GREY);

/// The shop's header: logo (when set), name, requisites lines.
#[derive(Debug, Clone, Default)]
pub struct Letterhead<'a> {
    pub logo: Option<&'a Image>,
    /// E.g. «ООО «Ремзона»».
    pub name: String,
    /// Requisites, one per line: «ИНН 7701234567, ОГРН …», the address, phones.
    pub lines: Vec<String>,
}

/// A titled block of label–value rows: «Заказчик: Петров П. П.», «VIN: …».
#[derive(Debug, Clone)]
pub struct KeyValues {
    pub title: Option<String>,
    /// Width of the label column, mm; values wrap in the rest.
    pub key_width: f32,
    pub rows: Vec<(String, String)>,
}

impl KeyValues {
    pub fn new(key_width: f32) -> KeyValues {
        KeyValues {
            title: None,
            key_width,
            rows: Vec::new(),
        }
    }

    pub fn title(mut self, title: impl Into<String>) -> KeyValues {
        self.title = Some(title.into());
        self
    }

    /// Adds a row; rows with an empty value are kept (a blank to fill in by hand
    /// shows as a line) — skip them in the caller when a field is not applicable.
    pub fn row(mut self, key: impl Into<String>, value: impl Into<String>) -> KeyValues {
        self.rows.push((key.into(), value.into()));
        self
    }
}

/// One side's signature: «Исполнитель / Мастер-приёмщик ____ / Сидоров А. В. /».
#[derive(Debug, Clone, Default)]
pub struct Signature {
    /// The party, in bold: «Исполнитель», «Заказчик».
    pub party: String,
    /// Position or capacity: «Мастер-приёмщик»; may be empty.
    pub role: String,
    /// Printed over the «расшифровка» line; empty leaves it to be written in.
    pub name: String,
    /// Whether to mark the stamp place «М.П.» under this signature.
    pub stamp: bool,
}

const TITLE: TextStyle = TextStyle::bold(14.0);
const HEADING: TextStyle = TextStyle::bold(10.0);
const KV_TITLE: TextStyle = TextStyle::bold(9.0);
const KV_KEY: TextStyle = TextStyle::regular(8.5).with_color(Color::DARK_GREY);
const KV_VALUE: TextStyle = TextStyle::regular(8.5);
const CAPTION: TextStyle = TextStyle::regular(6.5).with_color(Color::GREY);

impl Document<'_> {
    /// The shop's header across the top of the page, with a rule under it.
    pub fn letterhead(&mut self, head: &Letterhead<'_>) {
        // About the size of a business card's logo: a wide mark gets the
        // width, a square one the height.
        const LOGO_WIDTH: f32 = 35.0;
        const LOGO_HEIGHT: f32 = 20.0;
        let (left, top) = (self.left(), self.cursor());
        let mut x = left;
        let mut logo_bottom = top;
        if let Some(logo) = head.logo {
            let placed = self.image(logo, Rect::new(left, top, LOGO_WIDTH, LOGO_HEIGHT));
            x += placed.w + 5.0;
            logo_bottom = placed.bottom();
        }
        let width = self.right() - x;
        let name_style = TextStyle::bold(12.0);
        let mut y = top + self.text_block_at(x, top, width, &head.name, name_style, Align::Left);
        let lines_style = TextStyle::regular(8.0).with_color(Color::DARK_GREY);
        for line in &head.lines {
            y += self.text_block_at(x, y, width, line, lines_style, Align::Left);
        }
        let bottom = y.max(logo_bottom) + 2.0;
        self.line(left, bottom, self.right(), bottom, Stroke::solid(1.2));
        self.set_cursor(bottom + 5.0);
    }

    /// The document's title, large and centred: «Заказ-наряд № 12 от …».
    pub fn title(&mut self, text: &str) {
        self.ensure_space(TITLE.line_height() * 3.0);
        self.paragraph(text, TITLE, Align::Centre);
        self.advance(1.0);
    }

    /// A centred line under the title, e.g. «к заказ-наряду № 12».
    pub fn subtitle(&mut self, text: &str) {
        self.paragraph(
            text,
            TextStyle::regular(9.0).with_color(Color::DARK_GREY),
            Align::Centre,
        );
        self.advance(1.0);
    }

    /// A section heading. It is kept with at least `keep_with` mm of what
    /// follows, so it never ends a page alone.
    pub fn heading(&mut self, text: &str, keep_with: f32) {
        if !self.at_page_top() {
            self.advance(3.0);
        }
        self.ensure_space(HEADING.line_height() + keep_with);
        self.paragraph(text, HEADING, Align::Left);
        self.advance(1.0);
    }

    /// A full-width horizontal rule at the cursor.
    pub fn rule(&mut self, stroke: Stroke) {
        let y = self.cursor() + 1.0;
        self.line(self.left(), y, self.right(), y, stroke);
        self.set_cursor(y + 2.0);
    }

    /// A requisites block across the content width.
    pub fn key_values(&mut self, block: &KeyValues) {
        self.key_values_columns(std::slice::from_ref(block), 0.0);
    }

    /// Requisites blocks side by side in equal columns separated by `gap` mm
    /// («Заказчик» left, «Автомобиль» right); the cursor moves below the
    /// tallest. Moved to a new page whole if they do not fit.
    pub fn key_values_columns(&mut self, blocks: &[KeyValues], gap: f32) {
        if blocks.is_empty() {
            return;
        }
        let n = blocks.len() as f32;
        let width = (self.content_width() - gap * (n - 1.0)) / n;
        let height = blocks
            .iter()
            .map(|b| self.key_values_height(b, width))
            .fold(0.0, f32::max);
        self.ensure_space(height);
        let top = self.cursor();
        for (i, block) in blocks.iter().enumerate() {
            let x = self.left() + i as f32 * (width + gap);
            self.key_values_at(block, x, top, width);
        }
        self.set_cursor(top + height + 2.0);
    }

    /// Draws a requisites block at a place of the caller's choosing; returns
    /// its height.
    pub fn key_values_at(&mut self, block: &KeyValues, x: f32, y: f32, width: f32) -> f32 {
        let mut cy = y;
        if let Some(title) = &block.title {
            cy += self.text_block_at(x, cy, width, title, KV_TITLE, Align::Left);
            self.line(
                x,
                cy + 0.3,
                x + width,
                cy + 0.3,
                Stroke::HAIRLINE.with_color(Color::GREY),
            );
            cy += 1.5;
        }
        let value_x = x + block.key_width;
        let value_w = (width - block.key_width).max(1.0);
        for (key, value) in &block.rows {
            let key_h = self.text_block_at(x, cy, block.key_width - 1.5, key, KV_KEY, Align::Left);
            let value_h = if value.trim().is_empty() {
                let line_y = cy + KV_VALUE.line_height() - 0.5;
                self.line(
                    value_x,
                    line_y,
                    x + width,
                    line_y,
                    Stroke::HAIRLINE.with_color(Color::GREY),
                );
                KV_VALUE.line_height()
            } else {
                self.text_block_at(value_x, cy, value_w, value, KV_VALUE, Align::Left)
            };
            cy += key_h.max(value_h) + 0.5;
        }
        cy - y
    }

    fn key_values_height(&self, block: &KeyValues, width: f32) -> f32 {
        let mut h = 0.0;
        if let Some(title) = &block.title {
            h += self.text_block_height(width, title, KV_TITLE) + 1.5;
        }
        let value_w = (width - block.key_width).max(1.0);
        for (key, value) in &block.rows {
            let key_h = self.text_block_height(block.key_width - 1.5, key, KV_KEY);
            let value_h = self
                .text_block_height(value_w, value, KV_VALUE)
                .max(KV_VALUE.line_height());
            h += key_h.max(value_h) + 0.5;
        }
        h
    }

    /// Signature blocks side by side in equal columns; each has its party,
    /// role, a signature line captioned «подпись», a name line captioned
    /// «расшифровка подписи», and optionally «М.П.». Never split across pages.
    pub fn signatures(&mut self, signatures: &[Signature]) {
        if signatures.is_empty() {
            return;
        }
        const GAP: f32 = 12.0;
        let n = signatures.len() as f32;
        let width = (self.content_width() - GAP * (n - 1.0)) / n;
        let height = signatures
            .iter()
            .map(|s| self.signature_height(s, width))
            .fold(0.0, f32::max);
        self.ensure_space(height);
        let top = self.cursor();
        for (i, signature) in signatures.iter().enumerate() {
            let x = self.left() + i as f32 * (width + GAP);
            self.signature_at(signature, x, top, width);
        }
        self.set_cursor(top + height + 2.0);
    }

    fn signature_height(&self, s: &Signature, width: f32) -> f32 {
        let role = if s.role.is_empty() {
            0.0
        } else {
            self.text_block_height(width, &s.role, SMALL)
        };
        let stamp = if s.stamp { 9.0 } else { 0.0 };
        BODY.line_height() + role + SIGN_SPACE + CAPTION.line_height() + stamp
    }

    /// Draws one signature block; returns its height.
    pub fn signature_at(&mut self, s: &Signature, x: f32, y: f32, width: f32) -> f32 {
        let mut cy =
            y + self.text_block_at(x, y, width, &s.party, TextStyle::bold(9.0), Align::Left);
        if !s.role.is_empty() {
            cy += self.text_block_at(x, cy, width, &s.role, SMALL, Align::Left);
        }
        cy += SIGN_SPACE;
        let sign_w = (width * 0.42).min(40.0);
        let name_x = x + sign_w + 4.0;
        let name_w = x + width - name_x;
        self.line(x, cy, x + sign_w, cy, Stroke::THIN);
        self.line(name_x, cy, x + width, cy, Stroke::THIN);
        if !s.name.is_empty() {
            self.text_aligned(name_x, name_w, cy - 1.0, &s.name, BODY, Align::Centre);
        }
        let caption_y = cy + CAPTION.baseline_offset();
        self.text_aligned(x, sign_w, caption_y, "подпись", CAPTION, Align::Centre);
        self.text_aligned(
            name_x,
            name_w,
            caption_y,
            "расшифровка подписи",
            CAPTION,
            Align::Centre,
        );
        cy += CAPTION.line_height();
        if s.stamp {
            self.stamp_place(x + 4.0, cy + 3.0);
            cy += 9.0;
        }
        cy - y
    }

    /// Marks the place for the shop's stamp: «М.П.» with its top-left at
    /// `(x, y)`.
    pub fn stamp_place(&mut self, x: f32, y: f32) {
        let style = TextStyle::regular(9.0).with_color(Color::DARK_GREY);
        self.text(x, y + style.baseline_offset(), "М.П.", style);
    }
}

/// Height left for a handwritten signature above its line.
const SIGN_SPACE: f32 = 9.0;
