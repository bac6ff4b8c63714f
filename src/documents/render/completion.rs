//! Акт выполненных работ / передачи автомобиля из ремонта: what was done and
//! used, the car's state at handover, the warranty, and the client's
//! statement that there are no claims.

use super::{
    Align, Document, DocumentError, DocumentSnapshot, KEY, KeyValues, TextStyle, lines, note,
    parties, sign, title, totals_block, vehicle, warranty,
};

pub(super) fn body(doc: &mut Document<'_>, s: &DocumentSnapshot) -> Result<(), DocumentError> {
    title(
        doc,
        s,
        &format!(
            "по заказ-наряду № {} от {}",
            s.order_number,
            super::short_date(s.accepted_on)
        ),
    );
    parties(doc, s);
    doc.key_values_columns(&[vehicle(s, false), handover(s)], 10.0);
    doc.paragraph(
        "Исполнитель выполнил, а заказчик принял следующие работы; использованы запчасти и \
         материалы:",
        TextStyle::regular(9.0),
        Align::Left,
    );
    lines(doc, s)?;
    totals_block(doc, s, true)?;
    note(doc, &warranty(s));
    doc.advance(2.0);
    doc.paragraph(
        "Автомобиль из ремонта получил. Работы выполнены полностью и в срок. \
         Претензий к объёму, качеству и срокам не имею.",
        TextStyle::bold(9.5),
        Align::Left,
    );
    sign(
        doc,
        s,
        "Автомобиль выдал: мастер-приёмщик",
        "Автомобиль получил",
    );
    Ok(())
}

/// The dates and the car's state at handover.
fn handover(s: &DocumentSnapshot) -> KeyValues {
    KeyValues::new(KEY)
        .title("Передача из ремонта")
        .row("Дата приёма", super::short_date(s.accepted_on))
        .row("Дата выдачи", super::short_date(s.date))
        .row("Пробег", super::odometer(s.intake.odometer_km))
        .row("Топливо", super::fuel(s.intake.fuel_quarters))
}
