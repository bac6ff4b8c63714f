//! The car body diagram of the acceptance act: five views of a sedan drawn as
//! vector paths, with damage marks placed at normalised coordinates.
//!
//! One geometry, two renderers: [`Document::body_diagram`] draws the views
//! into the PDF, and [`svg_views`] hands the very same paths to the UI as SVG
//! `d` strings with their view boxes. The operator clicks on the SVG; the UI
//! stores the click as `x / width`, `y / height` of that view's box in a
//! [`Mark`]; the PDF puts the mark at the same spot of the same outline.
//!
//! Each view's box is in centimetres of a 4.6 m sedan (y pointing down): the
//! side views are 460 × 150, the top view 460 × 190, front and rear 190 × 150.
//! In the top view the car's front points left, so its upper edge is the
//! car's right side. The left side view has the front on the left, the right
//! side view (its mirror image) on the right. The front view is seen standing
//! before the car, so the car's left headlight is on the image's right; the
//! rear view is seen from behind, the car's left on the image's left.

use serde::{Deserialize, Serialize};

use super::geometry::{Path, Transform};
use super::page::Document;
use super::style::{Align, Color, Rect, Stroke, TextStyle, pt_to_mm};

/// A view of the car.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum View {
    Top,
    Left,
    Right,
    Front,
    Rear,
}

impl View {
    pub const ALL: [View; 5] = [View::Left, View::Right, View::Front, View::Top, View::Rear];

    /// Caption under the view on the document.
    pub fn label(self) -> &'static str {
        match self {
            View::Top => "Сверху",
            View::Left => "Слева",
            View::Right => "Справа",
            View::Front => "Спереди",
            View::Rear => "Сзади",
        }
    }

    /// Width and height of the view's box, in the geometry's units (cm).
    pub fn size(self) -> (f32, f32) {
        match self {
            View::Top => (CAR_LENGTH, TOP_WIDTH),
            View::Left | View::Right => (CAR_LENGTH, CAR_HEIGHT),
            View::Front | View::Rear => (TOP_WIDTH, CAR_HEIGHT),
        }
    }
}

const CAR_LENGTH: f32 = 460.0;
const CAR_HEIGHT: f32 = 150.0;
const TOP_WIDTH: f32 = 190.0;

/// What kind of damage a mark records; each has the letter printed in the
/// mark and explained in the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DamageKind {
    Scratch,
    Dent,
    Chip,
    Crack,
    Corrosion,
    Other,
}

impl DamageKind {
    pub const ALL: [DamageKind; 6] = [
        DamageKind::Scratch,
        DamageKind::Dent,
        DamageKind::Chip,
        DamageKind::Crack,
        DamageKind::Corrosion,
        DamageKind::Other,
    ];

    /// The first letter of the Russian word, as shop staff abbreviate it.
    pub fn letter(self) -> &'static str {
        match self {
            DamageKind::Scratch => "Ц",
            DamageKind::Dent => "В",
            DamageKind::Chip => "С",
            DamageKind::Crack => "Т",
            DamageKind::Corrosion => "К",
            DamageKind::Other => "Д",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DamageKind::Scratch => "царапина",
            DamageKind::Dent => "вмятина",
            DamageKind::Chip => "скол",
            DamageKind::Crack => "трещина",
            DamageKind::Corrosion => "коррозия",
            DamageKind::Other => "другое",
        }
    }
}

/// A damage mark: where (a view and a point in it as fractions 0..1 of the
/// view's box, from its top-left corner), what, and its number in the list of
/// damages printed under the diagram.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    pub view: View,
    pub x: f32,
    pub y: f32,
    pub kind: DamageKind,
    pub number: u32,
}

/// A view's paths in its own box: the outline is drawn heavier than the
/// details (glass, doors, lights, wheels' rims).
#[derive(Clone, Debug, PartialEq)]
pub struct ViewGeometry {
    pub view: View,
    pub width: f32,
    pub height: f32,
    pub outline: Path,
    pub details: Path,
}

/// A view for the UI: put the paths in `<svg viewBox="0 0 {width} {height}">`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SvgView {
    pub view: View,
    pub label: &'static str,
    pub width: f32,
    pub height: f32,
    pub outline: String,
    pub details: String,
}

/// The geometry of one view.
pub fn geometry(view: View) -> ViewGeometry {
    let (width, height) = view.size();
    let (outline, details) = match view {
        View::Left => (side_outline(), side_details()),
        View::Right => {
            let mirror = Transform {
                scale_x: -1.0,
                scale_y: 1.0,
                dx: CAR_LENGTH,
                dy: 0.0,
            };
            (
                side_outline().transformed(mirror),
                side_details().transformed(mirror),
            )
        }
        View::Top => (top_outline(), top_details()),
        View::Front => (end_outline(), front_details()),
        View::Rear => (end_outline(), rear_details()),
    };
    ViewGeometry {
        view,
        width,
        height,
        outline,
        details,
    }
}

/// All five views as SVG path data, in [`View::ALL`] order.
pub fn svg_views() -> Vec<SvgView> {
    View::ALL
        .iter()
        .map(|&view| {
            let g = geometry(view);
            SvgView {
                view,
                label: view.label(),
                width: g.width,
                height: g.height,
                outline: g.outline.to_svg_d(),
                details: g.details.to_svg_d(),
            }
        })
        .collect()
}

// --- Side view (left side; front at x = 0, ground at y ≈ 149) ---

/// Wheel centres along the side views.
const FRONT_AXLE: f32 = 95.0;
const REAR_AXLE: f32 = 365.0;
/// y of the body's lower edge (sills, bumpers) in the side views.
const SILL: f32 = 121.0;

fn side_outline() -> Path {
    let body = Path::new()
        .move_to(57.0, SILL)
        .line_to(12.0, SILL)
        .cubic_to(5.0, SILL - 1.0, 1.0, 113.0, 1.0, 104.0)
        .line_to(2.0, 88.0)
        .cubic_to(3.0, 80.0, 8.0, 76.0, 16.0, 74.0)
        .cubic_to(60.0, 68.0, 110.0, 65.0, 152.0, 62.0)
        .cubic_to(176.0, 50.0, 198.0, 30.0, 222.0, 17.0)
        .cubic_to(242.0, 10.0, 302.0, 9.0, 330.0, 13.0)
        .cubic_to(355.0, 22.0, 378.0, 44.0, 394.0, 57.0)
        .cubic_to(420.0, 59.0, 445.0, 60.0, 455.0, 63.0)
        .cubic_to(459.0, 70.0, 460.0, 80.0, 459.0, 92.0)
        .cubic_to(459.0, 104.0, 456.0, 117.0, 447.0, SILL);
    let body = arch(body.line_to(REAR_AXLE + 38.0, SILL), REAR_AXLE);
    let body = arch(body.line_to(FRONT_AXLE + 38.0, SILL), FRONT_AXLE).close();
    let mirror = Path::new()
        .move_to(168.0, 61.0)
        .line_to(163.0, 52.0)
        .cubic_to(166.0, 48.0, 176.0, 48.0, 180.0, 52.0)
        .line_to(177.0, 60.0)
        .close();
    body.append(&mirror)
        .ellipse(FRONT_AXLE, 118.0, 31.0, 31.0)
        .ellipse(REAR_AXLE, 118.0, 31.0, 31.0)
}

/// A wheel arch over the axle at `cx`, from its rear end to its front end.
fn arch(path: Path, cx: f32) -> Path {
    let (r, h) = (38.0, 40.0);
    let (kx, ky) = (r * 0.552, h * 0.552);
    path.cubic_to(cx + r, SILL - ky, cx + kx, SILL - h, cx, SILL - h)
        .cubic_to(cx - kx, SILL - h, cx - r, SILL - ky, cx - r, SILL)
}

fn side_details() -> Path {
    let glass = Path::new()
        .move_to(163.0, 62.0)
        .cubic_to(182.0, 50.0, 202.0, 32.0, 224.0, 21.0)
        .cubic_to(244.0, 15.0, 300.0, 14.0, 326.0, 17.0)
        .cubic_to(348.0, 26.0, 366.0, 42.0, 380.0, 57.0)
        .close();
    let doors = Path::new()
        .move_to(158.0, 63.0)
        .cubic_to(156.0, 80.0, 156.0, 100.0, 160.0, 116.0)
        .line_to(FRONT_AXLE + 38.0 + 194.0, 116.0)
        .move_to(271.0, 17.0)
        .line_to(272.0, 116.0)
        .move_to(382.0, 58.0)
        .cubic_to(380.0, 70.0, 375.0, 78.0, 366.0, 81.0)
        .move_to(236.0, 72.0)
        .line_to(249.0, 72.0)
        .move_to(344.0, 70.0)
        .line_to(357.0, 70.0);
    let lights = Path::new()
        .move_to(3.0, 84.0)
        .cubic_to(4.0, 79.0, 9.0, 76.0, 16.0, 75.0)
        .line_to(36.0, 72.5)
        .line_to(34.0, 80.0)
        .cubic_to(24.0, 82.0, 12.0, 84.0, 3.0, 84.0)
        .close()
        .polyline(
            &[(456.0, 66.0), (436.0, 64.0), (437.0, 74.0), (459.0, 76.0)],
            false,
        )
        .move_to(2.0, 98.0)
        .cubic_to(20.0, 99.0, 40.0, 99.0, 58.0, 98.0)
        .move_to(459.0, 98.0)
        .cubic_to(440.0, 99.0, 420.0, 99.0, 404.0, 98.0);
    let rims = Path::new()
        .ellipse(FRONT_AXLE, 118.0, 19.0, 19.0)
        .ellipse(REAR_AXLE, 118.0, 19.0, 19.0)
        .ellipse(FRONT_AXLE, 118.0, 5.0, 5.0)
        .ellipse(REAR_AXLE, 118.0, 5.0, 5.0);
    glass.append(&doors).append(&lights).append(&rims)
}

// --- Top view (front at x = 0; the upper edge is the car's right side) ---

fn top_outline() -> Path {
    let (t, b) = (16.0, 174.0);
    let body = Path::new()
        .move_to(64.0, t)
        .line_to(410.0, t)
        .cubic_to(440.0, t + 1.0, 457.0, 28.0, 459.0, 58.0)
        .line_to(459.0, 132.0)
        .cubic_to(457.0, 162.0, 440.0, b - 1.0, 410.0, b)
        .line_to(64.0, b)
        .cubic_to(22.0, b - 3.0, 3.0, 150.0, 1.5, 118.0)
        .line_to(1.5, 72.0)
        .cubic_to(3.0, 40.0, 22.0, t + 3.0, 64.0, t)
        .close();
    let mirrors = Path::new()
        .polyline(&[(162.0, t), (158.0, 4.0), (176.0, 5.0), (181.0, t)], false)
        .polyline(
            &[(162.0, b), (158.0, 186.0), (176.0, 185.0), (181.0, b)],
            false,
        );
    body.append(&mirrors)
}

fn top_details() -> Path {
    let windshield = Path::new()
        .move_to(152.0, 30.0)
        .cubic_to(146.0, 70.0, 146.0, 120.0, 152.0, 160.0)
        .line_to(218.0, 150.0)
        .cubic_to(214.0, 120.0, 214.0, 70.0, 218.0, 40.0)
        .close();
    let roof = Path::new().rounded_rect(218.0, 40.0, 110.0, 110.0, 8.0);
    let rear_glass = Path::new()
        .move_to(328.0, 42.0)
        .line_to(384.0, 32.0)
        .cubic_to(390.0, 70.0, 390.0, 120.0, 384.0, 158.0)
        .line_to(328.0, 148.0);
    let panels = Path::new()
        .move_to(24.0, 60.0)
        .cubic_to(60.0, 54.0, 110.0, 47.0, 150.0, 42.0)
        .move_to(24.0, 130.0)
        .cubic_to(60.0, 136.0, 110.0, 143.0, 150.0, 148.0)
        .move_to(440.0, 28.0)
        .cubic_to(445.0, 70.0, 445.0, 120.0, 440.0, 162.0)
        .move_to(152.0, 20.0)
        .line_to(385.0, 20.0)
        .move_to(152.0, 170.0)
        .line_to(385.0, 170.0);
    let lights = Path::new()
        .polyline(
            &[
                (5.0, 56.0),
                (14.0, 36.0),
                (32.0, 23.0),
                (36.0, 31.0),
                (11.0, 58.0),
            ],
            true,
        )
        .polyline(
            &[
                (5.0, 134.0),
                (14.0, 154.0),
                (32.0, 167.0),
                (36.0, 159.0),
                (11.0, 132.0),
            ],
            true,
        )
        .polyline(
            &[(457.0, 52.0), (450.0, 34.0), (436.0, 24.0), (440.0, 38.0)],
            false,
        )
        .polyline(
            &[
                (457.0, 138.0),
                (450.0, 156.0),
                (436.0, 166.0),
                (440.0, 152.0),
            ],
            false,
        );
    windshield
        .append(&roof)
        .append(&rear_glass)
        .append(&panels)
        .append(&lights)
}

// --- Front and rear views (the car's width across, ground at y ≈ 148) ---

fn end_outline() -> Path {
    let body = Path::new()
        .move_to(16.0, 128.0)
        .line_to(16.0, 82.0)
        .cubic_to(16.0, 73.0, 20.0, 67.0, 30.0, 65.0)
        .line_to(42.0, 63.0)
        .cubic_to(50.0, 42.0, 58.0, 22.0, 70.0, 14.0)
        .line_to(120.0, 14.0)
        .cubic_to(132.0, 22.0, 140.0, 42.0, 148.0, 63.0)
        .line_to(160.0, 65.0)
        .cubic_to(170.0, 67.0, 174.0, 73.0, 174.0, 82.0)
        .line_to(174.0, 128.0)
        .cubic_to(174.0, 132.0, 171.0, 134.0, 167.0, 134.0)
        .line_to(23.0, 134.0)
        .cubic_to(19.0, 134.0, 16.0, 132.0, 16.0, 128.0)
        .close();
    let mirrors = Path::new()
        .polyline(
            &[(31.0, 64.0), (6.0, 58.0), (5.0, 69.0), (24.0, 72.0)],
            false,
        )
        .polyline(
            &[(159.0, 64.0), (184.0, 58.0), (185.0, 69.0), (166.0, 72.0)],
            false,
        );
    let tyres = Path::new()
        .rounded_rect(22.0, 134.0, 24.0, 14.0, 3.0)
        .rounded_rect(144.0, 134.0, 24.0, 14.0, 3.0);
    body.append(&mirrors).append(&tyres)
}

fn front_details() -> Path {
    Path::new()
        .move_to(47.0, 60.0)
        .cubic_to(53.0, 42.0, 61.0, 26.0, 72.0, 18.0)
        .line_to(118.0, 18.0)
        .cubic_to(129.0, 26.0, 137.0, 42.0, 143.0, 60.0)
        .close()
        .rounded_rect(22.0, 79.0, 36.0, 12.0, 4.0)
        .rounded_rect(132.0, 79.0, 36.0, 12.0, 4.0)
        .rounded_rect(66.0, 82.0, 58.0, 16.0, 3.0)
        .move_to(17.0, 106.0)
        .line_to(173.0, 106.0)
        .rounded_rect(70.0, 112.0, 50.0, 11.0, 1.0)
}

fn rear_details() -> Path {
    Path::new()
        .move_to(50.0, 60.0)
        .cubic_to(56.0, 44.0, 63.0, 28.0, 74.0, 20.0)
        .line_to(116.0, 20.0)
        .cubic_to(127.0, 28.0, 134.0, 44.0, 140.0, 60.0)
        .close()
        .rounded_rect(20.0, 74.0, 34.0, 12.0, 3.0)
        .rounded_rect(136.0, 74.0, 34.0, 12.0, 3.0)
        .move_to(40.0, 70.0)
        .line_to(150.0, 70.0)
        .rounded_rect(70.0, 90.0, 50.0, 11.0, 1.0)
        .move_to(17.0, 110.0)
        .line_to(173.0, 110.0)
        .ellipse(150.0, 130.0, 6.0, 2.5)
}

// --- Drawing into a document ---

/// Colour of the marks: a dark red that stands out on screen and prints as a
/// dark grey on a black-and-white printer.
const MARK_COLOR: Color = Color::rgb(190, 25, 25);
const MARK_RADIUS: f32 = 2.4;
const CAPTION: TextStyle = TextStyle::regular(7.5).with_color(Color::DARK_GREY);

impl Document<'_> {
    /// Draws the five views `width` mm wide at the cursor — the side views in
    /// the first row; front, top and rear in the second — with `marks` and
    /// a legend of the damage letters, then moves the cursor below.
    pub fn body_diagram(&mut self, marks: &[Mark], width: f32) {
        const GAP: f32 = 8.0;
        let width = width.min(self.content_width());
        // Both rows are 2·460 + GAP and 190 + 460 + 190 + 2·GAP wide: one scale.
        let scale = ((width - GAP) / (2.0 * CAR_LENGTH))
            .min((width - 2.0 * GAP) / (CAR_LENGTH + 2.0 * TOP_WIDTH));
        let caption_h = CAPTION.line_height() + 1.0;
        let row1 = CAR_HEIGHT * scale;
        let row2 = TOP_WIDTH * scale;
        let legend_h = 9.0;
        self.ensure_space(row1 + row2 + 2.0 * caption_h + 4.0 + legend_h);
        let x0 = self.left() + (self.content_width() - width) / 2.0;
        let top = self.cursor();
        let side_w = CAR_LENGTH * scale;
        let row1_x = x0 + (width - 2.0 * side_w - GAP) / 2.0;
        self.body_view(View::Left, Rect::new(row1_x, top, side_w, row1), marks);
        self.body_view(
            View::Right,
            Rect::new(row1_x + side_w + GAP, top, side_w, row1),
            marks,
        );
        let y2 = top + row1 + caption_h + 4.0;
        let end_w = TOP_WIDTH * scale;
        let row2_x = x0 + (width - 2.0 * end_w - side_w - 2.0 * GAP) / 2.0;
        // Front and rear stand on the top view's bottom line, so that all three
        // captions share a baseline.
        let end_y = y2 + row2 - row1;
        self.body_view(View::Front, Rect::new(row2_x, end_y, end_w, row1), marks);
        self.body_view(
            View::Top,
            Rect::new(row2_x + end_w + GAP, y2, side_w, row2),
            marks,
        );
        self.body_view(
            View::Rear,
            Rect::new(row2_x + end_w + side_w + 2.0 * GAP, end_y, end_w, row1),
            marks,
        );
        self.set_cursor(y2 + row2 + caption_h + 2.0);
        self.damage_legend();
    }

    /// Draws one view fitted into `area` (aspect kept, centred) with its
    /// caption under the area and the marks that belong to it.
    pub fn body_view(&mut self, view: View, area: Rect, marks: &[Mark]) {
        let g = geometry(view);
        let t = Transform::fit(g.width, g.height, area);
        self.path(&g.outline.transformed(t), Some(Stroke::solid(0.9)), None);
        self.path(
            &g.details.transformed(t),
            Some(Stroke::solid(0.4).with_color(Color::DARK_GREY)),
            None,
        );
        let baseline = area.bottom() + 1.0 + CAPTION.baseline_offset();
        self.text_aligned(
            area.x,
            area.w,
            baseline,
            view.label(),
            CAPTION,
            Align::Centre,
        );
        for mark in marks.iter().filter(|m| m.view == view) {
            let x = t.dx + mark.x.clamp(0.0, 1.0) * g.width * t.scale_x;
            let y = t.dy + mark.y.clamp(0.0, 1.0) * g.height * t.scale_y;
            self.damage_mark(x, y, mark.kind, Some(mark.number));
        }
    }

    /// A mark: the kind's letter in a circle centred at `(x, y)`, the number
    /// (if any) at its upper right.
    pub fn damage_mark(&mut self, x: f32, y: f32, kind: DamageKind, number: Option<u32>) {
        let letter_style = TextStyle::bold(7.0).with_color(MARK_COLOR);
        self.ellipse(
            x,
            y,
            MARK_RADIUS,
            MARK_RADIUS,
            Some(Stroke::solid(0.8).with_color(MARK_COLOR)),
            Some(Color::WHITE),
        );
        let baseline = y + pt_to_mm(7.0 * 0.35);
        self.text_aligned(
            x - MARK_RADIUS,
            2.0 * MARK_RADIUS,
            baseline,
            kind.letter(),
            letter_style,
            Align::Centre,
        );
        if let Some(n) = number {
            let style = TextStyle::bold(7.5).with_color(MARK_COLOR);
            self.text(
                x + MARK_RADIUS + 0.3,
                y - MARK_RADIUS + 0.6,
                &n.to_string(),
                style,
            );
        }
    }

    /// «Обозначения: Ц — царапина, В — вмятина, …» with the marks' circles.
    pub fn damage_legend(&mut self) {
        let style = TextStyle::regular(8.0);
        let y = self.cursor() + MARK_RADIUS + 0.5;
        let baseline = y + pt_to_mm(8.0 * 0.35);
        let mut x = self.left();
        x += self.text(x, baseline, "Обозначения:", TextStyle::bold(8.0)) + 4.0;
        for kind in DamageKind::ALL {
            let label = format!("— {}", kind.label());
            let item_w = 2.0 * MARK_RADIUS + 1.5 + self.fonts().width(&label, style) + 5.0;
            if x + item_w > self.right() {
                break;
            }
            self.damage_mark(x + MARK_RADIUS, y, kind, None);
            x += 2.0 * MARK_RADIUS + 1.5;
            x += self.text(x, baseline, &label, style) + 5.0;
        }
        self.set_cursor(y + MARK_RADIUS + 3.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::geometry::Segment;

    #[test]
    fn every_view_stays_inside_its_box() {
        for view in View::ALL {
            let g = geometry(view);
            for path in [&g.outline, &g.details] {
                for seg in path.segments() {
                    let points = match *seg {
                        Segment::MoveTo(p) | Segment::LineTo(p) => vec![p],
                        Segment::CubicTo(a, b, p) => vec![a, b, p],
                        Segment::Close => vec![],
                    };
                    for p in points {
                        assert!(
                            (0.0..=g.width).contains(&p.x) && (0.0..=g.height).contains(&p.y),
                            "{view:?} {p:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn svg_export_matches_the_pdf_geometry() {
        let views = svg_views();
        assert_eq!(views.len(), 5);
        for v in &views {
            let g = geometry(v.view);
            assert_eq!((v.width, v.height), (g.width, g.height));
            assert_eq!(v.outline, g.outline.to_svg_d());
            assert!(v.outline.starts_with('M') && v.details.starts_with('M'));
        }
        // The right side is the left side mirrored.
        let left = geometry(View::Left).outline;
        let right = geometry(View::Right).outline;
        let mirror = Transform {
            scale_x: -1.0,
            scale_y: 1.0,
            dx: CAR_LENGTH,
            dy: 0.0,
        };
        assert_eq!(left.transformed(mirror), right);
    }

    #[test]
    fn kinds_have_distinct_letters() {
        let mut letters: Vec<&str> = DamageKind::ALL.iter().map(|k| k.letter()).collect();
        letters.sort_unstable();
        letters.dedup();
        assert_eq!(letters.len(), DamageKind::ALL.len());
    }

    #[test]
    fn marks_serialise_with_snake_case_names() {
        let mark = Mark {
            view: View::Left,
            x: 0.5,
            y: 0.25,
            kind: DamageKind::Scratch,
            number: 1,
        };
        let json = serde_json::to_string(&mark).expect("serialises");
        assert_eq!(
            json,
            r#"{"view":"left","x":0.5,"y":0.25,"kind":"scratch","number":1}"#
        );
    }
}
