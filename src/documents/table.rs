//! Tables: columns of fixed or shared width, a shaded bold header repeated on
//! every page the table runs onto, wrapped cells, row heights from content,
//! section rows, and totals under the grid.

use super::DocumentError;
use super::geometry::Path;
use super::page::Document;
use super::style::{Align, Color, Stroke, TextStyle, Weight};

/// How wide a column is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ColumnWidth {
    /// Exactly this many mm: numbers, quantities, money.
    Mm(f32),
    /// A share of the width left after the fixed columns: names, descriptions.
    Flex(f32),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Header text; may wrap («Кол-во, н/ч»).
    pub header: String,
    pub width: ColumnWidth,
    /// Alignment of the body cells (headers are always centred).
    pub align: Align,
}

impl Column {
    pub fn fixed(header: impl Into<String>, mm: f32, align: Align) -> Column {
        Column {
            header: header.into(),
            width: ColumnWidth::Mm(mm),
            align,
        }
    }

    pub fn flex(header: impl Into<String>, share: f32, align: Align) -> Column {
        Column {
            header: header.into(),
            width: ColumnWidth::Flex(share),
            align,
        }
    }
}

/// The look of a table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TableStyle {
    pub text: TextStyle,
    pub header: TextStyle,
    /// Horizontal padding inside a cell, mm.
    pub pad_x: f32,
    /// Vertical padding inside a cell, mm.
    pub pad_y: f32,
    pub header_fill: Option<Color>,
    pub section_fill: Option<Color>,
    pub grid: Stroke,
}

impl Default for TableStyle {
    fn default() -> TableStyle {
        TableStyle {
            text: TextStyle::regular(8.5),
            header: TextStyle::bold(8.0),
            pad_x: 1.4,
            pad_y: 1.0,
            header_fill: Some(Color::SHADE),
            section_fill: Some(Color::LIGHT_SHADE),
            grid: Stroke::THIN,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Row {
    Cells(Vec<String>),
    /// A bold row across all columns: «Запчасти клиента».
    Section(String),
    /// Under the grid: a right-aligned label over all columns but the last,
    /// the value in the last column.
    Total {
        label: String,
        value: String,
        strong: bool,
    },
}

/// A table to draw with [`Document::table`].
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    columns: Vec<Column>,
    rows: Vec<Row>,
    style: TableStyle,
    header: bool,
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
            style: TableStyle::default(),
            header: true,
        }
    }

    pub fn with_style(mut self, style: TableStyle) -> Table {
        self.style = style;
        self
    }

    /// Drops the header row: for a block of totals laid out on the same
    /// columns as the table above it.
    pub fn without_header(mut self) -> Table {
        self.header = false;
        self
    }

    /// Adds a body row, one text per column.
    pub fn row<I, S>(&mut self, cells: I) -> &mut Table
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.rows
            .push(Row::Cells(cells.into_iter().map(Into::into).collect()));
        self
    }

    /// Adds a bold, shaded row spanning all columns.
    pub fn section(&mut self, title: impl Into<String>) -> &mut Table {
        self.rows.push(Row::Section(title.into()));
        self
    }

    /// Adds a totals line under the grid: «Итого по работам: 3 500,00».
    pub fn total(&mut self, label: impl Into<String>, value: impl Into<String>) -> &mut Table {
        self.rows.push(Row::Total {
            label: label.into(),
            value: value.into(),
            strong: false,
        });
        self
    }

    /// Like [`total`](Self::total), in bold: the amount to pay.
    pub fn grand_total(
        &mut self,
        label: impl Into<String>,
        value: impl Into<String>,
    ) -> &mut Table {
        self.rows.push(Row::Total {
            label: label.into(),
            value: value.into(),
            strong: true,
        });
        self
    }

    /// Whether the table has no body rows (callers usually skip such a table).
    pub fn is_empty(&self) -> bool {
        !self.rows.iter().any(|r| matches!(r, Row::Cells(_)))
    }

    /// Column widths in mm for a table `width` mm wide.
    pub fn resolve_widths(&self, width: f32) -> Result<Vec<f32>, DocumentError> {
        let fixed: f32 = self
            .columns
            .iter()
            .map(|c| {
                if let ColumnWidth::Mm(w) = c.width {
                    w
                } else {
                    0.0
                }
            })
            .sum();
        let shares: f32 = self
            .columns
            .iter()
            .map(|c| {
                if let ColumnWidth::Flex(s) = c.width {
                    s
                } else {
                    0.0
                }
            })
            .sum();
        let rest = width - fixed;
        if rest < -0.01 || (shares > 0.0 && rest < 5.0) {
            return Err(DocumentError::Layout(format!(
                "the table's fixed columns take {fixed:.1} mm of the {width:.1} mm available"
            )));
        }
        let widths = self.columns.iter().map(|c| match c.width {
            ColumnWidth::Mm(w) => w,
            ColumnWidth::Flex(s) => rest * s / shares,
        });
        Ok(widths.collect())
    }

    fn check_rows(&self) -> Result<(), DocumentError> {
        if self.columns.is_empty() {
            return Err(DocumentError::Layout(
                "a table needs at least one column".to_owned(),
            ));
        }
        for (i, row) in self.rows.iter().enumerate() {
            if let Row::Cells(cells) = row
                && cells.len() != self.columns.len()
            {
                return Err(DocumentError::Layout(format!(
                    "row {} has {} cells, the table has {} columns",
                    i + 1,
                    cells.len(),
                    self.columns.len()
                )));
            }
        }
        Ok(())
    }
}

/// A table laid out for the content width: the column edges.
struct Grid {
    xs: Vec<f32>,
}

impl Grid {
    fn new(left: f32, widths: &[f32]) -> Grid {
        let mut xs = vec![left];
        for w in widths {
            let last = xs.last().copied().unwrap_or(left);
            xs.push(last + w);
        }
        Grid { xs }
    }

    fn left(&self) -> f32 {
        self.xs.first().copied().unwrap_or(0.0)
    }

    fn right(&self) -> f32 {
        self.xs.last().copied().unwrap_or(0.0)
    }

    fn cell(&self, i: usize) -> (f32, f32) {
        (self.xs[i], self.xs[i + 1] - self.xs[i])
    }
}

impl Document<'_> {
    /// Draws `table` across the content width at the cursor, breaking pages
    /// between rows and repeating the header on each new page; the cursor ends
    /// below the table. Fails if a row's cell count differs from the columns
    /// or the fixed columns do not fit.
    pub fn table(&mut self, table: &Table) -> Result<(), DocumentError> {
        table.check_rows()?;
        let widths = table.resolve_widths(self.content_width())?;
        let grid = Grid::new(self.left(), &widths);
        let header_h = if table.header {
            self.header_height(table, &grid)
        } else {
            0.0
        };
        let first_h = table
            .rows
            .first()
            .map_or(0.0, |r| self.row_height(table, &grid, r));
        self.ensure_space(header_h + first_h);
        self.draw_header(table, &grid, header_h);
        // Whether the next grid row must draw its own top line: each line is
        // stroked once, or shared edges would print darker than the rest.
        let mut open_top = !table.header;
        for row in &table.rows {
            let h = self.row_height(table, &grid, row);
            if h > self.space_left() && !self.at_page_top() {
                self.new_page();
                open_top = !table.header;
                if matches!(row, Row::Cells(_) | Row::Section(_)) {
                    self.draw_header(table, &grid, header_h);
                }
            }
            self.draw_row(table, &grid, row, h, open_top);
            open_top = matches!(row, Row::Total { .. });
        }
        self.advance(1.0);
        Ok(())
    }

    fn header_height(&self, table: &Table, grid: &Grid) -> f32 {
        let s = &table.style;
        let lines = table.columns.iter().enumerate().map(|(i, c)| {
            let (_, w) = grid.cell(i);
            self.text_block_height(w - 2.0 * s.pad_x, &c.header, s.header)
        });
        lines.fold(0.0, f32::max) + 2.0 * s.pad_y
    }

    fn row_height(&self, table: &Table, grid: &Grid, row: &Row) -> f32 {
        let s = &table.style;
        let content = match row {
            Row::Cells(cells) => cells
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    self.text_block_height(grid.cell(i).1 - 2.0 * s.pad_x, text, s.text)
                })
                .fold(s.text.line_height(), f32::max),
            Row::Section(title) => self.text_block_height(
                grid.right() - grid.left() - 2.0 * s.pad_x,
                title,
                bold(s.text),
            ),
            Row::Total { .. } => s.text.line_height(),
        };
        content + 2.0 * s.pad_y
    }

    fn draw_header(&mut self, table: &Table, grid: &Grid, h: f32) {
        if !table.header {
            return;
        }
        let s = table.style;
        let top = self.cursor();
        if let Some(fill) = s.header_fill {
            self.rect(
                super::Rect::new(grid.left(), top, grid.right() - grid.left(), h),
                None,
                Some(fill),
            );
        }
        for (i, column) in table.columns.iter().enumerate() {
            let (x, w) = grid.cell(i);
            let text_h = self.text_block_height(w - 2.0 * s.pad_x, &column.header, s.header);
            let y = top + (h - text_h) / 2.0;
            self.text_block_at(
                x + s.pad_x,
                y,
                w - 2.0 * s.pad_x,
                &column.header,
                s.header,
                Align::Centre,
            );
        }
        self.draw_grid(grid, top, h, s.grid, (true, true));
        self.set_cursor(top + h);
    }

    fn draw_row(&mut self, table: &Table, grid: &Grid, row: &Row, h: f32, with_top: bool) {
        let s = table.style;
        let top = self.cursor();
        match row {
            Row::Cells(cells) => {
                for (i, text) in cells.iter().enumerate() {
                    let (x, w) = grid.cell(i);
                    let align = table.columns[i].align;
                    self.text_block_at(
                        x + s.pad_x,
                        top + s.pad_y,
                        w - 2.0 * s.pad_x,
                        text,
                        s.text,
                        align,
                    );
                }
                self.draw_grid(grid, top, h, s.grid, (with_top, true));
            }
            Row::Section(title) => {
                let width = grid.right() - grid.left();
                if let Some(fill) = s.section_fill {
                    self.rect(
                        super::Rect::new(grid.left(), top, width, h),
                        None,
                        Some(fill),
                    );
                }
                let text_w = width - 2.0 * s.pad_x;
                self.text_block_at(
                    grid.left() + s.pad_x,
                    top + s.pad_y,
                    text_w,
                    title,
                    bold(s.text),
                    Align::Left,
                );
                self.draw_grid(grid, top, h, s.grid, (with_top, false));
            }
            Row::Total {
                label,
                value,
                strong,
            } => self.draw_total(table, grid, top, (label, value), *strong),
        }
        self.set_cursor(top + h);
    }

    fn draw_total(
        &mut self,
        table: &Table,
        grid: &Grid,
        top: f32,
        (label, value): (&str, &str),
        strong: bool,
    ) {
        let s = table.style;
        let style = if strong { bold(s.text) } else { s.text };
        let last = table.columns.len().saturating_sub(1);
        let (value_x, value_w) = grid.cell(last);
        let baseline = top + s.pad_y + style.baseline_offset();
        let label_w = value_x - grid.left() - 2.0 * s.pad_x;
        self.text_aligned(
            grid.left(),
            label_w.max(0.0),
            baseline,
            label,
            style,
            Align::Right,
        );
        self.text_aligned(
            value_x + s.pad_x,
            value_w - 2.0 * s.pad_x,
            baseline,
            value,
            style,
            Align::Right,
        );
    }

    /// The row's bottom and side lines, plus its top line and inner verticals
    /// when asked, as one path.
    fn draw_grid(
        &mut self,
        grid: &Grid,
        top: f32,
        h: f32,
        stroke: Stroke,
        (with_top, inner): (bool, bool),
    ) {
        let (left, right, bottom) = (grid.left(), grid.right(), top + h);
        let mut path = Path::new().polyline(
            &[(left, top), (left, bottom), (right, bottom), (right, top)],
            false,
        );
        if with_top {
            path = path.move_to(left, top).line_to(right, top);
        }
        if inner {
            for &x in grid.xs.iter().skip(1).take(grid.xs.len().saturating_sub(2)) {
                path = path.move_to(x, top).line_to(x, bottom);
            }
        }
        self.path(&path, Some(stroke), None);
    }
}

fn bold(style: TextStyle) -> TextStyle {
    style.with_weight(Weight::Bold)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table::new(vec![
            Column::fixed("№", 8.0, Align::Right),
            Column::flex("Наименование", 2.0, Align::Left),
            Column::flex("Примечание", 1.0, Align::Left),
            Column::fixed("Сумма", 25.0, Align::Right),
        ])
    }

    #[test]
    fn shares_the_rest_between_flex_columns() {
        let widths = table().resolve_widths(183.0).expect("fits");
        assert_eq!(widths, vec![8.0, 100.0, 50.0, 25.0]);
    }

    #[test]
    fn refuses_columns_wider_than_the_page() {
        assert!(table().resolve_widths(35.0).is_err());
        let mut t = table();
        t.row(["1", "Замена масла"]);
        assert!(matches!(t.check_rows(), Err(DocumentError::Layout(_))));
    }
}
