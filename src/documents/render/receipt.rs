//! Квитанция: a quick job and its payments — what was done, the totals_block, and
//! the money received with its method.

use super::{
    Align, Column, Document, DocumentError, DocumentSnapshot, Table, customer, lines, method,
    money, note, sign, title, totals_block, vehicle,
};
use crate::domain::order::payment::PaymentKind;

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
    doc.key_values_columns(&[customer(s, "Заказчик"), vehicle(s, false)], 10.0);
    lines(doc, s)?;
    doc.heading("Оплата", 15.0);
    doc.table(&payments(s))?;
    totals_block(doc, s, true)?;
    note(
        doc,
        "Квитанция подтверждает приём оплаты по заказ-наряду. Кассовый чек по 54-ФЗ \
         выдаётся онлайн-кассой исполнителя.",
    );
    sign(doc, s, "Деньги принял", "Получил квитанцию");
    Ok(())
}

fn payments(s: &DocumentSnapshot) -> Table {
    let mut table = Table::new(vec![
        Column::fixed("№", 8.0, Align::Right),
        Column::fixed("Дата", 24.0, Align::Left),
        Column::flex("Вид платежа", 1.0, Align::Left),
        Column::flex("Способ оплаты", 1.0, Align::Left),
        Column::fixed("Сумма, ₽", 24.0, Align::Right),
    ]);
    if s.payments.is_empty() {
        table.row(["", "", "Платежей не было", "", "—"]);
    }
    for (i, p) in s.payments.iter().enumerate() {
        let (label, sign) = match p.kind {
            PaymentKind::Advance => ("Аванс", ""),
            PaymentKind::Final => ("Окончательный расчёт", ""),
            PaymentKind::Refund => ("Возврат", "−"),
        };
        table.row([
            (i + 1).to_string(),
            super::short_date(p.date()),
            label.to_owned(),
            method(p.method).to_owned(),
            format!("{sign}{}", money(p.amount)),
        ]);
    }
    table.total("Итого оплачено:", money(s.balance.paid));
    table
}
