//! Vector paths in any coordinate system with y pointing down (the page's and
//! SVG's convention), drawn into a PDF by
//! [`Document::path`](super::Document::path) and written as SVG `d` data by
//! [`Path::to_svg_d`]: one geometry, two renderers.

use std::fmt::Write as _;

use super::style::Rect;

/// A point in the path's own units.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub const fn new(x: f32, y: f32) -> Point {
        Point { x, y }
    }
}

/// One drawing command, as in SVG's `M`, `L`, `C`, `Z`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Segment {
    MoveTo(Point),
    LineTo(Point),
    /// Two control points, then the end point.
    CubicTo(Point, Point, Point),
    Close,
}

/// Bézier handle length for a quarter ellipse: the standard 4/3·(√2 − 1).
const KAPPA: f32 = 0.552_284_8;

/// A sequence of subpaths built with chained calls:
/// `Path::new().move_to(0.0, 0.0).line_to(10.0, 0.0).close()`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Path {
    segments: Vec<Segment>,
}

impl Path {
    pub fn new() -> Path {
        Path::default()
    }

    pub fn move_to(mut self, x: f32, y: f32) -> Path {
        self.segments.push(Segment::MoveTo(Point::new(x, y)));
        self
    }

    pub fn line_to(mut self, x: f32, y: f32) -> Path {
        self.segments.push(Segment::LineTo(Point::new(x, y)));
        self
    }

    /// A cubic Bézier from the current point through handles `(x1, y1)` and
    /// `(x2, y2)` to `(x, y)`.
    pub fn cubic_to(mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) -> Path {
        let seg = Segment::CubicTo(Point::new(x1, y1), Point::new(x2, y2), Point::new(x, y));
        self.segments.push(seg);
        self
    }

    pub fn close(mut self) -> Path {
        self.segments.push(Segment::Close);
        self
    }

    /// Adds an open (or, with `closed`, closed) polyline as a new subpath.
    pub fn polyline(mut self, points: &[(f32, f32)], closed: bool) -> Path {
        for (i, &(x, y)) in points.iter().enumerate() {
            self = if i == 0 {
                self.move_to(x, y)
            } else {
                self.line_to(x, y)
            };
        }
        if closed && !points.is_empty() {
            self.close()
        } else {
            self
        }
    }

    /// Adds an axis-aligned ellipse as a closed subpath of four Bézier arcs.
    pub fn ellipse(self, cx: f32, cy: f32, rx: f32, ry: f32) -> Path {
        let (kx, ky) = (rx * KAPPA, ry * KAPPA);
        self.move_to(cx + rx, cy)
            .cubic_to(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry)
            .cubic_to(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy)
            .cubic_to(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry)
            .cubic_to(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy)
            .close()
    }

    /// Adds a rectangle with corners rounded by `r` as a closed subpath.
    pub fn rounded_rect(self, x: f32, y: f32, w: f32, h: f32, r: f32) -> Path {
        let r = r.min(w / 2.0).min(h / 2.0).max(0.0);
        let k = r * (1.0 - KAPPA);
        let (x2, y2) = (x + w, y + h);
        self.move_to(x + r, y)
            .line_to(x2 - r, y)
            .cubic_to(x2 - k, y, x2, y + k, x2, y + r)
            .line_to(x2, y2 - r)
            .cubic_to(x2, y2 - k, x2 - k, y2, x2 - r, y2)
            .line_to(x + r, y2)
            .cubic_to(x + k, y2, x, y2 - k, x, y2 - r)
            .line_to(x, y + r)
            .cubic_to(x, y + k, x + k, y, x + r, y)
            .close()
    }

    /// Appends all subpaths of `other`.
    pub fn append(mut self, other: &Path) -> Path {
        self.segments.extend_from_slice(&other.segments);
        self
    }

    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// The same path with every point mapped through `t`.
    pub fn transformed(&self, t: Transform) -> Path {
        let segments = self
            .segments
            .iter()
            .map(|seg| match *seg {
                Segment::MoveTo(p) => Segment::MoveTo(t.apply(p)),
                Segment::LineTo(p) => Segment::LineTo(t.apply(p)),
                Segment::CubicTo(a, b, p) => Segment::CubicTo(t.apply(a), t.apply(b), t.apply(p)),
                Segment::Close => Segment::Close,
            })
            .collect();
        Path { segments }
    }

    /// The path as an SVG `d` attribute (absolute commands, at most two
    /// decimals), in the path's own units: put it in an `<svg viewBox>` of the
    /// same units.
    pub fn to_svg_d(&self) -> String {
        let mut d = String::with_capacity(self.segments.len() * 16);
        for seg in &self.segments {
            if !d.is_empty() {
                d.push(' ');
            }
            match seg {
                Segment::MoveTo(p) => push_cmd(&mut d, 'M', &[*p]),
                Segment::LineTo(p) => push_cmd(&mut d, 'L', &[*p]),
                Segment::CubicTo(a, b, p) => push_cmd(&mut d, 'C', &[*a, *b, *p]),
                Segment::Close => d.push('Z'),
            }
        }
        d
    }
}

fn push_cmd(d: &mut String, cmd: char, points: &[Point]) {
    d.push(cmd);
    for (i, p) in points.iter().enumerate() {
        if i > 0 {
            d.push(' ');
        }
        let _ = write!(d, "{},{}", num(p.x), num(p.y));
    }
}

/// Formats a coordinate with at most two decimals and no trailing zeros.
fn num(v: f32) -> String {
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// Scale then translate: maps a path's units onto the page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transform {
    pub scale_x: f32,
    pub scale_y: f32,
    pub dx: f32,
    pub dy: f32,
}

impl Transform {
    pub const IDENTITY: Transform = Transform {
        scale_x: 1.0,
        scale_y: 1.0,
        dx: 0.0,
        dy: 0.0,
    };

    /// Maps the box `0..w × 0..h` onto `target` exactly (axes scaled apart).
    pub fn stretch(w: f32, h: f32, target: Rect) -> Transform {
        Transform {
            scale_x: target.w / w.max(f32::EPSILON),
            scale_y: target.h / h.max(f32::EPSILON),
            dx: target.x,
            dy: target.y,
        }
    }

    /// Maps the box `0..w × 0..h` into `target` keeping its aspect, centred.
    pub fn fit(w: f32, h: f32, target: Rect) -> Transform {
        Transform::stretch(w, h, target.fit(w, h))
    }

    pub fn apply(&self, p: Point) -> Point {
        Point::new(p.x * self.scale_x + self.dx, p.y * self.scale_y + self.dy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_svg_path_data() {
        let p = Path::new()
            .move_to(0.0, 0.0)
            .line_to(10.5, 0.25)
            .cubic_to(1.0, 2.0, 3.0, 4.0, 5.0, 6.0)
            .close();
        assert_eq!(p.to_svg_d(), "M0,0 L10.5,0.25 C1,2 3,4 5,6 Z");
        assert_eq!(
            Path::new()
                .polyline(&[(1.0, 1.0), (2.0, -0.001)], true)
                .to_svg_d(),
            "M1,1 L2,0 Z"
        );
    }

    #[test]
    fn ellipse_passes_through_its_extremes() {
        let e = Path::new().ellipse(10.0, 5.0, 4.0, 2.0);
        let ends: Vec<Point> = e
            .segments()
            .iter()
            .filter_map(|s| match s {
                Segment::MoveTo(p) | Segment::CubicTo(_, _, p) => Some(*p),
                _ => None,
            })
            .collect();
        let expected = [
            (14.0, 5.0),
            (10.0, 7.0),
            (6.0, 5.0),
            (10.0, 3.0),
            (14.0, 5.0),
        ];
        assert_eq!(ends, expected.map(|(x, y)| Point::new(x, y)));
    }

    #[test]
    fn fits_a_box_into_a_rect() {
        let t = Transform::fit(200.0, 100.0, Rect::new(10.0, 10.0, 100.0, 100.0));
        assert_eq!(t.apply(Point::new(0.0, 0.0)), Point::new(10.0, 35.0));
        assert_eq!(t.apply(Point::new(200.0, 100.0)), Point::new(110.0, 85.0));
    }
}
