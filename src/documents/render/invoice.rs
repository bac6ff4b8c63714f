//! Счёт на оплату for a company: the supplier's bank requisites, the buyer,
//! the basis (the repair order), the lines, VAT per the shop's mode, the
//! total in words, and the director's and chief accountant's signatures.

use super::{
    Align, Column, Document, DocumentError, DocumentSnapshot, KEY, KeyValues, Signature, Table,
    TextStyle, money, quantity, title, totals_block, work_unit,
};

pub(super) fn body(doc: &mut Document<'_>, s: &DocumentSnapshot) -> Result<(), DocumentError> {
    doc.table(&bank(s))?;
    doc.advance(3.0);
    title(
        doc,
        s,
        &format!(
            "Основание: заказ-наряд № {} от {}",
            s.order_number,
            super::short_date(s.accepted_on)
        ),
    );
    doc.key_values(&supplier(s));
    doc.key_values(&buyer(s));
    doc.advance(2.0);
    doc.table(&items(s))?;
    totals_block(doc, s, false)?;
    // The sum in words, the note and the signatures stay on one page.
    doc.ensure_space(50.0);
    let count = s.works.len() + s.parts.len();
    let words = s.total_in_words.clone().unwrap_or_default();
    doc.paragraph(
        &format!(
            "Всего наименований {count}, на сумму {} ₽",
            money(s.totals.total())
        ),
        TextStyle::regular(9.0),
        Align::Left,
    );
    doc.paragraph(
        &format!("Сумма прописью: {words}"),
        TextStyle::bold(9.5),
        Align::Left,
    );
    doc.advance(1.0);
    doc.paragraph(
        "Оплата настоящего счёта означает согласие с условиями выполнения работ. \
         Счёт действителен в течение 5 банковских дней.",
        TextStyle::regular(8.0),
        Align::Left,
    );
    doc.advance(6.0);
    doc.signatures(&[
        Signature {
            party: "Руководитель".to_owned(),
            role: String::new(),
            name: s.shop.director.clone(),
            stamp: true,
        },
        Signature {
            party: "Главный бухгалтер".to_owned(),
            role: String::new(),
            name: s.shop.accountant.clone(),
            stamp: false,
        },
    ]);
    Ok(())
}

/// The payment order's box: the supplier's bank, БИК, accounts, ИНН/КПП.
fn bank(s: &DocumentSnapshot) -> Table {
    let shop = &s.shop;
    let mut table = Table::new(vec![
        Column::flex("", 1.0, Align::Left),
        Column::fixed("", 18.0, Align::Left),
        Column::fixed("", 48.0, Align::Left),
    ])
    .without_header();
    table.row([
        format!("Банк получателя: {}", shop.bank_name),
        "БИК".to_owned(),
        shop.bik.clone(),
    ]);
    table.row([String::new(), "К/с №".to_owned(), shop.corr_account.clone()]);
    table.row([
        format!("ИНН {}    КПП {}", shop.inn, shop.kpp),
        "Р/с №".to_owned(),
        shop.bank_account.clone(),
    ]);
    table.row([
        format!("Получатель: {}", shop.name),
        String::new(),
        String::new(),
    ]);
    table
}

fn supplier(s: &DocumentSnapshot) -> KeyValues {
    let shop = &s.shop;
    KeyValues::new(KEY).row(
        "Поставщик (исполнитель)",
        format!(
            "{}, ИНН {}, КПП {}, {}, тел. {}",
            shop.name, shop.inn, shop.kpp, shop.address, shop.phone
        ),
    )
}

fn buyer(s: &DocumentSnapshot) -> KeyValues {
    let c = &s.client;
    let mut text = format!("{}, ИНН {}", c.name, c.inn);
    if !c.kpp.is_empty() {
        text.push_str(&format!(", КПП {}", c.kpp));
    }
    if !c.address.is_empty() {
        text.push_str(&format!(", {}", c.address));
    }
    if !c.bank_account.is_empty() {
        text.push_str(&format!(
            ", р/с {} в {}, БИК {}, к/с {}",
            c.bank_account, c.bank_name, c.bik, c.corr_account
        ));
    }
    KeyValues::new(KEY).row("Покупатель (заказчик)", text)
}

/// Works then parts as one numbered list.
fn items(s: &DocumentSnapshot) -> Table {
    let mut table = Table::new(vec![
        Column::fixed("№", 8.0, Align::Right),
        Column::flex("Товары (работы, услуги)", 1.0, Align::Left),
        Column::fixed("Кол-во", 16.0, Align::Right),
        Column::fixed("Ед.", 12.0, Align::Left),
        Column::fixed("Цена, ₽", 22.0, Align::Right),
        Column::fixed("Сумма, ₽", 24.0, Align::Right),
    ]);
    let works = s.works.iter().map(|w| {
        (
            w.line.name.clone(),
            w.line.quantity,
            work_unit(w),
            w.line.price,
            w.amounts.net,
        )
    });
    let parts = s.parts.iter().map(|p| {
        let name = if p.line.article.is_empty() {
            p.line.name.clone()
        } else {
            format!("{} ({})", p.line.name, p.line.article)
        };
        (
            name,
            p.line.quantity,
            p.line.unit.short_ru(),
            p.line.price,
            p.amounts.net,
        )
    });
    for (i, (name, qty, unit, price, sum)) in works.chain(parts).enumerate() {
        table.row([
            (i + 1).to_string(),
            name,
            quantity(qty),
            unit.to_owned(),
            money(price),
            money(sum),
        ]);
    }
    table
}
