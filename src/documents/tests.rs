//! Renders documents and reads them back with poppler's `pdftotext` and
//! `pdftoppm`, as a person opening the PDF would.
//!
//! Set `REMZONA_DOCUMENTS_PREVIEW=/some/dir` to keep the PDFs and their PNG
//! pages there for a look.

use std::path::{Path as FsPath, PathBuf};
use std::process::Command;

use super::sample::{SAMPLE_LOGO, sample_order};
use super::*;

fn fonts() -> Fonts {
    Fonts::bundled().expect("bundled fonts parse")
}

/// Writes `pdf` to a temp dir (or the preview dir) and returns its path.
fn write_pdf(dir: &FsPath, name: &str, pdf: &[u8]) -> PathBuf {
    let target = match std::env::var_os("REMZONA_DOCUMENTS_PREVIEW") {
        Some(preview) => PathBuf::from(preview),
        None => dir.to_path_buf(),
    };
    std::fs::create_dir_all(&target).expect("create the output dir");
    let path = target.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).expect("write the PDF");
    path
}

/// The text layer as `pdftotext` extracts it, no-break spaces made plain.
fn pdf_text(path: &FsPath) -> String {
    let out = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(path)
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8 text")
        .replace('\u{a0}', " ")
}

/// Rasterises every page with `pdftoppm -png -r 80`; returns the PNG paths.
fn pdf_pages(path: &FsPath) -> Vec<PathBuf> {
    let prefix = path.with_extension("");
    let out = Command::new("pdftoppm")
        .args(["-png", "-r", "80"])
        .arg(path)
        .arg(&prefix)
        .output()
        .expect("run pdftoppm");
    assert!(
        out.status.success(),
        "pdftoppm failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = path.parent().expect("the PDF has a parent dir");
    let stem = prefix
        .file_name()
        .and_then(|s| s.to_str())
        .expect("a file name")
        .to_owned();
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read the dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|s| s.to_str()).unwrap_or_default();
            name.starts_with(&format!("{stem}-")) && name.ends_with(".png")
        })
        .collect();
    pages.sort();
    pages
}

#[test]
fn sample_order_has_extractable_cyrillic_text_on_two_pages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fonts = fonts();
    let logo = Image::decode(SAMPLE_LOGO).expect("the sample logo decodes");
    let pdf = sample_order(&fonts, Some(&logo)).expect("renders");
    assert!(pdf.starts_with(b"%PDF-"));
    // Subset fonts keep the file small: the two faces whole are 870 KB.
    assert!(pdf.len() < 150_000, "{} bytes", pdf.len());
    let path = write_pdf(dir.path(), "sample-order", &pdf);
    let text = pdf_text(&path);
    for expected in [
        "ООО «Ремзона» — автосервис",
        "ИНН 7701234567",
        "Заказ-наряд № 12 от 27 ноября 2026 г.",
        "Петров Пётр Петрович",
        "XW8AN2NE5KH012345",
        "Наименование работы",
        "Итого по работам:",
        "8 400,00",
        "Итого по запчастям:",
        "8 575,00",
        "16 555,00",
        "К доплате при выдаче",
        "подпись",
        "расшифровка подписи",
        "М.П.",
        "Стр. 1 из 2",
        "Стр. 2 из 2",
        "Схема повреждений кузова",
        "Обозначения:",
        "Ц — царапина",
        "Т — трещина",
        "Капот, два скола ЛКП",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not in the text layer:\n{text}"
        );
    }
    assert_eq!(pdf_pages(&path).len(), 2);
}

#[test]
fn long_table_breaks_pages_and_repeats_its_header() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fonts = fonts();
    let mut doc = Document::new("Длинная таблица", &fonts);
    doc.set_footer("Проверка переноса");
    doc.title("Прайс-лист");
    let mut table = Table::new(vec![
        Column::fixed("№", 10.0, Align::Right),
        Column::flex("Наименование", 1.0, Align::Left),
        Column::fixed("Цена, ₽", 25.0, Align::Right),
    ]);
    for i in 1..=120 {
        let name = if i % 7 == 0 {
            format!(
                "Позиция {i} с длинным названием, которое не помещается в одну строку столбца и переносится"
            )
        } else {
            format!("Позиция {i}")
        };
        table.row([i.to_string(), name, format_money(i * 12_345)]);
    }
    table.grand_total("Итого:", format_money((1..=120).map(|i| i * 12_345).sum()));
    doc.table(&table).expect("lays out");
    let pages = doc.page_number();
    assert!(pages >= 3, "{pages} pages");
    let path = write_pdf(dir.path(), "long-table", &doc.finish().expect("renders"));
    let text = pdf_text(&path);
    assert_eq!(
        text.matches("Наименование").count(),
        pages,
        "a header on every page"
    );
    assert!(text.contains(&format!("Стр. {pages} из {pages}")));
    assert!(
        text.contains("Позиция 120") && text.contains("896 247,00"),
        "{text}"
    );
}

#[test]
fn right_aligned_money_ends_at_the_cell_edge() {
    let fonts = fonts();
    let style = TextStyle::regular(8.5);
    for kopecks in [5, 12_345, 1_234_567, 987_654_321] {
        let text = format_money(kopecks);
        let x = Align::Right.start(100.0, 30.0, fonts.width(&text, style));
        assert!((x + fonts.width(&text, style) - 130.0).abs() < 1e-4);
    }
}

#[test]
fn refuses_a_broken_logo_and_a_table_that_does_not_fit() {
    assert!(matches!(
        Image::decode(b"not a picture"),
        Err(DocumentError::Image(_))
    ));
    let fonts = fonts();
    let mut doc = Document::new("x", &fonts);
    let mut table = Table::new(vec![
        Column::fixed("A", 150.0, Align::Left),
        Column::fixed("B", 50.0, Align::Left),
    ]);
    table.row(["1", "2"]);
    assert!(matches!(doc.table(&table), Err(DocumentError::Layout(_))));
}
