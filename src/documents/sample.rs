//! A sample заказ-наряд built from hard-coded data: the toolkit's worked
//! example for whoever writes the real documents, rendered by its tests and
//! by the `pdf_layout` benchmark. Page 1 is the order, page 2 the body
//! diagram with three marks.

use super::{
    Align, Column, DamageKind, Document, DocumentError, Fonts, Image, KeyValues, Letterhead, Mark,
    PageNumbers, Signature, Table, TextStyle, View, format_money,
};

/// A logo to try the letterhead with (240 × 240 PNG).
pub const SAMPLE_LOGO: &[u8] = include_bytes!("testdata/logo.png");

/// Works: name, standard hours, price per hour (kopecks).
const WORKS: &[(&str, &str, i64, i64)] = &[
    (
        "Компьютерная диагностика двигателя",
        "0,5",
        240_000,
        120_000,
    ),
    (
        "Замена моторного масла и масляного фильтра",
        "0,8",
        240_000,
        192_000,
    ),
    ("Замена передних тормозных колодок", "1,0", 240_000, 240_000),
    (
        "Проверка и регулировка углов установки колёс (развал-схождение)",
        "1,2",
        240_000,
        288_000,
    ),
];

/// Parts: name, article, quantity, price, sum (kopecks).
const PARTS: &[(&str, &str, &str, i64, i64)] = &[
    (
        "Масло моторное Shell Helix HX8 ECT 5W-30, 4 л",
        "550048036",
        "1 шт.",
        345_000,
        345_000,
    ),
    (
        "Фильтр масляный MANN-FILTER W 712/95",
        "W71295",
        "1 шт.",
        78_000,
        78_000,
    ),
    (
        "Колодки тормозные передние TRW",
        "GDB1550",
        "1 к-т",
        425_000,
        425_000,
    ),
    (
        "Прокладка сливной пробки",
        "N0138157",
        "1 шт.",
        9_500,
        9_500,
    ),
];

const DISCOUNT: i64 = 42_000;
const ADVANCE: i64 = 500_000;

/// The three damages of page 2: view, position, kind, description.
const DAMAGES: &[(View, f32, f32, DamageKind, &str)] = &[
    (
        View::Left,
        0.47,
        0.55,
        DamageKind::Scratch,
        "Передняя левая дверь, царапина 12 см до грунта",
    ),
    (
        View::Front,
        0.78,
        0.58,
        DamageKind::Crack,
        "Левая фара, трещина рассеивателя",
    ),
    (
        View::Top,
        0.12,
        0.38,
        DamageKind::Chip,
        "Капот, два скола ЛКП у переднего края",
    ),
];

/// Renders the sample order.
pub fn sample_order(fonts: &Fonts, logo: Option<&Image>) -> Result<Vec<u8>, DocumentError> {
    let mut doc = Document::new("Заказ-наряд № 12", fonts);
    doc.set_footer("Заказ-наряд № 12 от 27.11.2026 · ООО «Ремзона»");
    doc.set_page_numbers(PageNumbers::Always);
    order_page(&mut doc, logo)?;
    doc.new_page();
    damage_page(&mut doc)?;
    doc.finish()
}

fn letterhead(logo: Option<&Image>) -> Letterhead<'_> {
    Letterhead {
        logo,
        name: "ООО «Ремзона» — автосервис".to_owned(),
        lines: vec![
            "ИНН 7701234567, КПП 770101001, ОГРН 1157746123456".to_owned(),
            "117105, г. Москва, Варшавское шоссе, д. 26, стр. 3".to_owned(),
            "Тел.: +7 (495) 123-45-67, service@remzona.ru · ежедневно 9:00–21:00".to_owned(),
        ],
    }
}

fn order_page(doc: &mut Document<'_>, logo: Option<&Image>) -> Result<(), DocumentError> {
    doc.letterhead(&letterhead(logo));
    doc.title("Заказ-наряд № 12 от 27 ноября 2026 г.");
    doc.subtitle(
        "ЗН-2026-000012 · принят 27.11.2026 в 10:15 · срок выполнения 28.11.2026 до 18:00",
    );
    doc.advance(2.0);
    doc.key_values_columns(&[client(), vehicle()], 10.0);
    doc.heading("Работы", 20.0);
    doc.table(&works())?;
    doc.heading("Запчасти и материалы исполнителя", 20.0);
    doc.table(&parts())?;
    doc.paragraph(
        "Запчасти и материалы заказчика: не предоставлялись.",
        TextStyle::regular(8.5),
        Align::Left,
    );
    doc.advance(1.0);
    doc.table(&totals())?;
    doc.paragraph(
        "Гарантия на выполненные работы — 6 месяцев или 10 000 км пробега (что наступит раньше), \
         на запчасти исполнителя — по гарантии производителя. Заказчик ознакомлен с перечнем работ, \
         их стоимостью и сроком выполнения и согласен с ними.",
        TextStyle::regular(8.0),
        Align::Left,
    );
    doc.advance(5.0);
    doc.signatures(&order_signatures());
    Ok(())
}

fn client() -> KeyValues {
    KeyValues::new(24.0)
        .title("Заказчик")
        .row("ФИО", "Петров Пётр Петрович")
        .row("Телефон", "+7 (916) 555-12-34")
        .row("Адрес", "г. Москва, ул. Кировоградская, д. 15, кв. 42")
}

fn vehicle() -> KeyValues {
    KeyValues::new(24.0)
        .title("Автомобиль")
        .row("Марка, модель", "Škoda Octavia, 2019 г., серый")
        .row("Гос. номер", "А123ВС 777")
        .row("VIN", "XW8AN2NE5KH012345")
        .row("№ двигателя", "CZD 123456")
        .row("Пробег", "87\u{a0}450 км")
}

fn works() -> Table {
    let mut table = Table::new(vec![
        Column::fixed("№", 8.0, Align::Right),
        Column::flex("Наименование работы", 1.0, Align::Left),
        Column::fixed("Кол-во, н/ч", 17.0, Align::Right),
        Column::fixed("Цена н/ч, ₽", 22.0, Align::Right),
        Column::fixed("Сумма, ₽", 24.0, Align::Right),
    ]);
    for (i, (name, hours, price, sum)) in WORKS.iter().enumerate() {
        table.row([
            (i + 1).to_string(),
            (*name).to_owned(),
            (*hours).to_owned(),
            format_money(*price),
            format_money(*sum),
        ]);
    }
    table.total("Итого по работам:", format_money(works_total()));
    table
}

fn parts() -> Table {
    let mut table = Table::new(vec![
        Column::fixed("№", 8.0, Align::Right),
        Column::flex("Наименование", 1.0, Align::Left),
        Column::fixed("Артикул", 24.0, Align::Left),
        Column::fixed("Кол-во", 15.0, Align::Right),
        Column::fixed("Цена, ₽", 22.0, Align::Right),
        Column::fixed("Сумма, ₽", 24.0, Align::Right),
    ]);
    for (i, (name, article, qty, price, sum)) in PARTS.iter().enumerate() {
        let cells = [
            (i + 1).to_string(),
            (*name).to_owned(),
            (*article).to_owned(),
            (*qty).to_owned(),
        ];
        table.row(
            cells
                .into_iter()
                .chain([format_money(*price), format_money(*sum)]),
        );
    }
    table.total("Итого по запчастям:", format_money(parts_total()));
    table
}

/// The order's totals as a borderless table, so their sums line up with the
/// «Сумма» column above.
fn totals() -> Table {
    let mut table = Table::new(vec![
        Column::flex("", 1.0, Align::Left),
        Column::fixed("", 24.0, Align::Right),
    ]);
    let total = works_total() + parts_total() - DISCOUNT;
    table
        .total(
            "Скидка на работы 5 %:",
            format!("−{}", format_money(DISCOUNT)),
        )
        .grand_total("Всего по заказ-наряду, ₽:", format_money(total))
        .total(
            "Оплачено (аванс наличными 27.11.2026):",
            format_money(ADVANCE),
        )
        .grand_total("К доплате при выдаче, ₽:", format_money(total - ADVANCE));
    table.without_header()
}

fn works_total() -> i64 {
    WORKS.iter().map(|w| w.3).sum()
}

fn parts_total() -> i64 {
    PARTS.iter().map(|p| p.4).sum()
}

fn order_signatures() -> [Signature; 2] {
    [
        Signature {
            party: "Исполнитель".to_owned(),
            role: "Мастер-приёмщик".to_owned(),
            name: "Сидоров А. В.".to_owned(),
            stamp: true,
        },
        Signature {
            party: "Заказчик".to_owned(),
            role: "С перечнем работ и стоимостью согласен".to_owned(),
            name: "Петров П. П.".to_owned(),
            stamp: false,
        },
    ]
}

fn damage_page(doc: &mut Document<'_>) -> Result<(), DocumentError> {
    doc.title("Схема повреждений кузова");
    doc.subtitle("к заказ-наряду № 12 от 27.11.2026 · Škoda Octavia, А123ВС 777 · пробег 87\u{a0}450 км · топливо ½ бака");
    doc.advance(4.0);
    let marks: Vec<Mark> = DAMAGES
        .iter()
        .enumerate()
        .map(|(i, &(view, x, y, kind, _))| Mark {
            view,
            x,
            y,
            kind,
            number: i as u32 + 1,
        })
        .collect();
    let width = doc.content_width();
    doc.body_diagram(&marks, width);
    doc.heading("Выявленные повреждения", 15.0);
    let mut list = Table::new(vec![
        Column::fixed("№", 8.0, Align::Right),
        Column::fixed("Вид", 20.0, Align::Left),
        Column::fixed("Повреждение", 26.0, Align::Left),
        Column::flex("Описание", 1.0, Align::Left),
    ]);
    for (i, (view, _, _, kind, text)) in DAMAGES.iter().enumerate() {
        let kind = format!("{} — {}", kind.letter(), kind.label());
        list.row([
            (i + 1).to_string(),
            view.label().to_owned(),
            kind,
            (*text).to_owned(),
        ]);
    }
    doc.table(&list)?;
    doc.advance(6.0);
    doc.signatures(&[
        Signature {
            party: "Автомобиль осмотрел".to_owned(),
            role: "Мастер-приёмщик".to_owned(),
            name: "Сидоров А. В.".to_owned(),
            stamp: false,
        },
        Signature {
            party: "С отметками согласен".to_owned(),
            role: "Заказчик".to_owned(),
            name: "Петров П. П.".to_owned(),
            stamp: false,
        },
    ]);
    Ok(())
}
