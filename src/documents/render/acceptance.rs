//! Акт приёма-передачи автомобиля в ремонт: the car's state when it is handed
//! to the shop — checklist, fuel, odometer, belongings, complaints, the
//! client's parts and the damage on the body diagram.

use super::{
    Align, Column, Document, DocumentError, DocumentSnapshot, KEY, KeyValues, Table, TextStyle,
    client_parts, customer, note, sign, title, vehicle,
};
use crate::documents::body_diagram::{DamageKind as Drawn, Mark, View};
use crate::domain::order::intake::{BodyView, Checklist, DamageKind, DamageMark, PER_MILLE};

pub(super) fn body(doc: &mut Document<'_>, s: &DocumentSnapshot) -> Result<(), DocumentError> {
    title(
        doc,
        s,
        &format!(
            "к заказ-наряду № {} от {}",
            s.order_number,
            super::short_date(s.accepted_on)
        ),
    );
    doc.key_values_columns(&[customer(s, "Заказчик (сдал)"), vehicle(s, true)], 10.0);
    doc.heading("Причина обращения (жалобы заказчика)", 8.0);
    doc.paragraph(&s.intake.complaints, TextStyle::regular(9.0), Align::Left);
    doc.heading("Комплектность", 25.0);
    doc.table(&checklist(&s.intake.checklist))?;
    let belongings = s.intake.belongings.trim();
    let belongings = if belongings.is_empty() {
        "не оставлены"
    } else {
        belongings
    };
    let other = s.intake.checklist.other.trim();
    let other = if other.is_empty() { "—" } else { other };
    doc.key_values(
        &KeyValues::new(KEY)
            .row("Прочее", other)
            .row("Личные вещи", belongings),
    );
    client_parts(doc, s)?;
    damage(doc, &s.intake.damage)?;
    note(
        doc,
        "Автомобиль осмотрен в присутствии заказчика; отмеченные повреждения и комплектность \
         подтверждаются подписями сторон. Скрытые дефекты, не видимые при наружном осмотре, \
         в акт не вносятся. Акт составлен в двух экземплярах, один из них передан заказчику.",
    );
    sign(
        doc,
        s,
        "Автомобиль принял: мастер-приёмщик",
        "Автомобиль сдал",
    );
    Ok(())
}

/// Each item of the checklist with «есть» / «нет», two items a row.
fn checklist(c: &Checklist) -> Table {
    let keys = if c.keys == 0 {
        "нет".to_owned()
    } else {
        format!("{} шт.", c.keys)
    };
    let yes = |present: bool| if present { "есть" } else { "нет" }.to_owned();
    let items = vec![
        ("Ключи".to_owned(), keys),
        (
            "СТС (свидетельство о регистрации ТС)".to_owned(),
            yes(c.registration_certificate),
        ),
        ("Запасное колесо".to_owned(), yes(c.spare_wheel)),
        ("Домкрат".to_owned(), yes(c.jack)),
        ("Инструмент".to_owned(), yes(c.tools)),
        ("Аптечка".to_owned(), yes(c.first_aid_kit)),
        ("Огнетушитель".to_owned(), yes(c.extinguisher)),
        (
            "Знак аварийной остановки".to_owned(),
            yes(c.warning_triangle),
        ),
        (
            "Магнитола / головное устройство".to_owned(),
            yes(c.head_unit),
        ),
        ("Коврики".to_owned(), yes(c.mats)),
    ];
    let mut table = Table::new(vec![
        Column::flex("Предмет", 1.0, Align::Left),
        Column::fixed("Наличие", 22.0, Align::Left),
        Column::flex("Предмет", 1.0, Align::Left),
        Column::fixed("Наличие", 22.0, Align::Left),
    ]);
    for pair in items.chunks(2) {
        let (b, bv) = pair.get(1).cloned().unwrap_or_default();
        table.row([pair[0].0.clone(), pair[0].1.clone(), b, bv]);
    }
    table
}

/// The body diagram with numbered marks, the legend and the text list.
fn damage(doc: &mut Document<'_>, marks: &[DamageMark]) -> Result<(), DocumentError> {
    doc.heading("Наружные повреждения и дефекты", 60.0);
    let drawn: Vec<Mark> = marks.iter().enumerate().map(|(i, m)| mark(i, m)).collect();
    let width = doc.content_width();
    doc.body_diagram(&drawn, width);
    if marks.is_empty() {
        doc.paragraph(
            "Видимых повреждений не обнаружено.",
            TextStyle::regular(9.0),
            Align::Left,
        );
        return Ok(());
    }
    doc.heading("Перечень повреждений", 15.0);
    let mut list = Table::new(vec![
        Column::fixed("№", 8.0, Align::Right),
        Column::fixed("Вид", 24.0, Align::Left),
        Column::fixed("Повреждение", 30.0, Align::Left),
        Column::flex("Описание", 1.0, Align::Left),
    ]);
    for (i, m) in marks.iter().enumerate() {
        let drawn = kind(m.kind);
        list.row([
            (i + 1).to_string(),
            view(m.view).label().to_owned(),
            format!("{} — {}", drawn.letter(), m.kind.label_ru()),
            m.note.clone(),
        ]);
    }
    doc.table(&list)
}

fn mark(i: usize, m: &DamageMark) -> Mark {
    let scale = f32::from(PER_MILLE);
    Mark {
        view: view(m.view),
        x: f32::from(m.x.min(PER_MILLE)) / scale,
        y: f32::from(m.y.min(PER_MILLE)) / scale,
        kind: kind(m.kind),
        number: i as u32 + 1,
    }
}

fn view(v: BodyView) -> View {
    match v {
        BodyView::Top => View::Top,
        BodyView::Left => View::Left,
        BodyView::Right => View::Right,
        BodyView::Front => View::Front,
        BodyView::Rear => View::Rear,
    }
}

fn kind(k: DamageKind) -> Drawn {
    match k {
        DamageKind::Scratch => Drawn::Scratch,
        DamageKind::Dent => Drawn::Dent,
        DamageKind::Chip => Drawn::Chip,
        DamageKind::Crack => Drawn::Crack,
        DamageKind::Corrosion => Drawn::Corrosion,
        DamageKind::Other => Drawn::Other,
    }
}
