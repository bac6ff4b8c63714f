//! Заказ-наряд: the contract with the client, as the rules for car repair
//! services require it.

use super::{
    Document, DocumentError, DocumentSnapshot, client_parts, dates, lines, note, parties, sign,
    title, totals_block, vehicle, warranty,
};
use crate::domain::money::Money;

pub(super) fn body(doc: &mut Document<'_>, s: &DocumentSnapshot) -> Result<(), DocumentError> {
    title(
        doc,
        s,
        &format!("принят {}", super::short_date(s.accepted_on)),
    );
    parties(doc, s);
    doc.key_values_columns(&[vehicle(s, true), dates(s)], 10.0);
    lines(doc, s)?;
    client_parts(doc, s)?;
    totals_block(doc, s, true)?;
    if s.balance.prepayment > Money::ZERO {
        note(
            doc,
            &format!(
                "Переплата {} ₽ учтена как аванс заказчика.",
                super::money(s.balance.prepayment)
            ),
        );
    }
    note(doc, &warranty(s));
    note(
        doc,
        "Заказчик ознакомлен с перечнем работ, их стоимостью и сроком выполнения и согласен \
         с ними. Стоимость дополнительных работ согласовывается с заказчиком до их выполнения.",
    );
    sign(
        doc,
        s,
        "Заказ принял: мастер-приёмщик",
        "С перечнем работ и стоимостью согласен",
    );
    Ok(())
}
