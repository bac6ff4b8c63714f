//! The shop's documents drawn from their frozen [`DocumentSnapshot`]:
//! заказ-наряд, акт приёма-передачи в ремонт, акт выполненных работ,
//! квитанция and счёт. Every kind shares the letterhead, the title, the
//! parties, the line tables and the signatures defined here; each kind's
//! module only orders those blocks and adds what is its own (the body
//! diagram of the acceptance act, the bank requisites of the invoice).
//!
//! A document is rendered from the snapshot alone, so an issued document reads
//! the same years later: [`Remzona::render_issued_document`].

mod acceptance;
mod completion;
mod invoice;
mod order;
mod receipt;
pub mod sale;

use chrono::NaiveDate;

use super::{
    Align, Column, Document, DocumentError, Fonts, Image, KeyValues, Letterhead, PageNumbers,
    Signature, Table, TextStyle, format_money,
};
use crate::Remzona;
use crate::domain::client::ClientKind;
use crate::domain::ids::IssuedDocumentId;
use crate::domain::money::Money;
use crate::domain::order::intake::FULL_TANK;
use crate::domain::order::line::WorkBilling;
use crate::domain::order::payment::{PaymentMark, PaymentMethod};
use crate::domain::order::snapshot::{
    DocumentKind, DocumentSnapshot, PartRow, ShopRequisites, WorkRow,
};
use crate::domain::order::vat::VatMode;
use crate::domain::quantity::Quantity;

/// Renders `snapshot` as the PDF of its kind, with the shop's `logo` (the
/// decoded file its requisites name) in the letterhead.
pub fn render(
    snapshot: &DocumentSnapshot,
    fonts: &Fonts,
    logo: Option<&Image>,
) -> Result<Vec<u8>, DocumentError> {
    let mut doc = Document::new(&heading_text(snapshot), fonts);
    let id_line = format!(
        "{} № {} от {}",
        snapshot.kind.title_ru(),
        snapshot.number,
        short_date(snapshot.date),
    );
    frame(&mut doc, &snapshot.shop, logo, id_line);
    match snapshot.kind {
        DocumentKind::Order => order::body(&mut doc, snapshot)?,
        DocumentKind::Acceptance => acceptance::body(&mut doc, snapshot)?,
        DocumentKind::Completion => completion::body(&mut doc, snapshot)?,
        DocumentKind::Receipt => receipt::body(&mut doc, snapshot)?,
        DocumentKind::Invoice => invoice::body(&mut doc, snapshot)?,
    }
    doc.finish()
}

/// What every document has around its body: the letterhead, the shop's
/// footer note, and «<document> · <shop>» with the page number at the foot.
fn frame(doc: &mut Document<'_>, shop: &ShopRequisites, logo: Option<&Image>, id_line: String) {
    doc.set_footer_note(&shop.footer);
    doc.set_footer(format!("{id_line} · {}", shop.name));
    doc.set_page_numbers(PageNumbers::Always);
    doc.letterhead(&letterhead(shop, logo));
}

impl Remzona {
    /// The PDF of an issued document, drawn from its stored snapshot.
    pub async fn render_issued_document(&self, id: IssuedDocumentId) -> crate::Result<Vec<u8>> {
        let issued = self.issued_document(id).await?;
        self.render_snapshot(&issued.snapshot)
    }

    /// The PDF of a snapshot already read (printing and e-mailing need the
    /// document's number too, and read it once).
    pub fn render_snapshot(&self, snapshot: &DocumentSnapshot) -> crate::Result<Vec<u8>> {
        let fonts = Fonts::shared().map_err(document_error)?;
        let logo = self.logo_image(&snapshot.shop.logo);
        render(snapshot, fonts, logo.as_ref()).map_err(document_error)
    }

    /// The logo a document names, decoded; `None` when there is none, or its
    /// file is gone or unreadable: a document is still worth printing
    /// without its logo, and the operator sees at once that it is missing.
    fn logo_image(&self, name: &str) -> Option<Image> {
        if name.is_empty() {
            return None;
        }
        let path = self.media_path(name).ok()?;
        let bytes = std::fs::read(path).ok()?;
        Image::decode(&bytes).ok()
    }
}

fn document_error(error: DocumentError) -> crate::Error {
    crate::Error::Document(error.to_string())
}

/// «Заказ-наряд № ЗН-2026-000012 от 27 ноября 2026 г.».
fn heading_text(s: &DocumentSnapshot) -> String {
    format!(
        "{} № {} от {}",
        s.kind.title_ru(),
        s.number,
        long_date(s.date)
    )
}

/// The title, with the version and the basis under it.
fn title(doc: &mut Document<'_>, s: &DocumentSnapshot, subtitle: &str) {
    let text = heading_text(s);
    let fits = doc.fonts().width(&text, TextStyle::bold(14.0)) <= doc.content_width();
    if fits {
        doc.title(&text);
    } else {
        // A long name keeps its line; the number and date go under it.
        doc.title(s.kind.title_ru());
        doc.paragraph(
            &format!("№ {} от {}", s.number, long_date(s.date)),
            TextStyle::bold(11.0),
            Align::Centre,
        );
        doc.advance(1.0);
    }
    let version = if s.version > 1 {
        format!(" · версия {} (исправленная)", s.version)
    } else {
        String::new()
    };
    doc.subtitle(&format!("{subtitle}{version}"));
    doc.advance(2.0);
}

fn letterhead<'a>(shop: &ShopRequisites, logo: Option<&'a Image>) -> Letterhead<'a> {
    let mut ids = vec![format!("ИНН {}", shop.inn)];
    if !shop.kpp.is_empty() {
        ids.push(format!("КПП {}", shop.kpp));
    }
    if !shop.ogrn.is_empty() {
        let label = if shop.name.starts_with("ИП") {
            "ОГРНИП"
        } else {
            "ОГРН"
        };
        ids.push(format!("{label} {}", shop.ogrn));
    }
    let mut lines = vec![ids.join(", "), format!("Адрес: {}", shop.address)];
    if !shop.phone.is_empty() {
        lines.push(format!("Тел.: {}", shop.phone));
    }
    Letterhead {
        logo,
        name: shop.name.clone(),
        lines,
    }
}

/// Key widths of the requisites blocks, mm.
const KEY: f32 = 26.0;

/// «Исполнитель» | «Заказчик» side by side.
fn parties(doc: &mut Document<'_>, s: &DocumentSnapshot) {
    doc.key_values_columns(&[executor(s), customer(s, "Заказчик")], 10.0);
}

fn executor(s: &DocumentSnapshot) -> KeyValues {
    let shop = &s.shop;
    let mut block = KeyValues::new(KEY)
        .title("Исполнитель")
        .row("Наименование", &shop.name)
        .row("ИНН", &shop.inn);
    if !shop.kpp.is_empty() {
        block = block.row("КПП", &shop.kpp);
    }
    block
        .row("ОГРН / ОГРНИП", &shop.ogrn)
        .row("Адрес", &shop.address)
        .row("Телефон", &shop.phone)
}

fn customer(s: &DocumentSnapshot, title: &str) -> KeyValues {
    let client = &s.client;
    let company = client.kind == ClientKind::Company;
    let mut block = KeyValues::new(KEY).title(title).row(
        if company {
            "Организация"
        } else {
            "ФИО"
        },
        &client.name,
    );
    if company || !client.inn.is_empty() {
        block = block.row("ИНН", &client.inn);
    }
    if !client.kpp.is_empty() {
        block = block.row("КПП", &client.kpp);
    }
    block = block
        .row("Телефон", phone(&client.phone))
        .row("Адрес", &client.address);
    // A company's car comes with its driver: the person who signs the acts.
    let driver = s.intake.handed_over_by.trim();
    if !driver.is_empty() {
        block = block.row("Представитель", driver);
    }
    block
}

/// The car as the order identifies it; `with_intake` adds the odometer and
/// fuel read at intake.
fn vehicle(s: &DocumentSnapshot, with_intake: bool) -> KeyValues {
    let car = &s.vehicle;
    let mut make = format!("{} {}", car.make, car.model).trim().to_owned();
    if let Some(year) = car.year {
        make.push_str(&format!(", {year} г. в."));
    }
    let mut block = KeyValues::new(KEY)
        .title("Автомобиль")
        .row("Марка, модель", make)
        .row("Гос. номер", &car.plate)
        .row("VIN", &car.vin)
        .row("№ двигателя", &car.engine_number)
        .row("Цвет", &car.colour);
    if with_intake {
        block = block
            .row("Пробег", odometer(s.intake.odometer_km))
            .row("Топливо", fuel(s.intake.fuel_quarters));
    }
    block
}

fn dates(s: &DocumentSnapshot) -> KeyValues {
    let promised = match (s.terms.promised_on, s.terms.promised_at) {
        (Some(day), Some(at)) => format!("{} до {}", short_date(day), at.format("%H:%M")),
        (Some(day), None) => short_date(day),
        _ => String::new(),
    };
    KeyValues::new(KEY)
        .title("Сроки")
        .row("Дата приёма", short_date(s.accepted_on))
        .row("Срок выполнения", promised)
}

/// The unit of a work's quantity: standard hours or services.
fn work_unit(row: &WorkRow) -> &'static str {
    match row.line.billing {
        WorkBilling::PerHour => "н/ч",
        WorkBilling::PerUnit => "усл.",
    }
}

fn works_table(rows: &[WorkRow]) -> Table {
    let mut table = Table::new(vec![
        Column::fixed("№", 8.0, Align::Right),
        Column::flex("Наименование работы", 1.0, Align::Left),
        Column::fixed("Кол-во", 20.0, Align::Right),
        Column::fixed("Цена, ₽", 22.0, Align::Right),
        Column::fixed("Скидка, ₽", 20.0, Align::Right),
        Column::fixed("Сумма, ₽", 24.0, Align::Right),
    ]);
    for (i, row) in rows.iter().enumerate() {
        table.row([
            (i + 1).to_string(),
            row.line.name.clone(),
            format!("{} {}", quantity(row.line.quantity), work_unit(row)),
            money(row.line.price),
            discount(row.amounts.discount),
            money(row.amounts.net),
        ]);
    }
    let total: i64 = rows.iter().map(|r| r.amounts.net.kopecks()).sum();
    table.total("Итого по работам:", format_money(total));
    table
}

fn parts_table(rows: &[PartRow]) -> Table {
    let mut table = Table::new(vec![
        Column::fixed("№", 8.0, Align::Right),
        Column::flex("Наименование", 1.0, Align::Left),
        Column::fixed("Артикул", 24.0, Align::Left),
        Column::fixed("Кол-во", 16.0, Align::Right),
        Column::fixed("Цена, ₽", 20.0, Align::Right),
        Column::fixed("Скидка, ₽", 18.0, Align::Right),
        Column::fixed("Сумма, ₽", 24.0, Align::Right),
    ]);
    for (i, row) in rows.iter().enumerate() {
        let line = &row.line;
        let name = match &line.brand {
            Some(brand) if !brand.is_empty() => format!("{} {brand}", line.name),
            _ => line.name.clone(),
        };
        table.row([
            (i + 1).to_string(),
            name,
            line.article.clone(),
            format!("{} {}", quantity(line.quantity), line.unit.short_ru()),
            money(line.price),
            discount(row.amounts.discount),
            money(row.amounts.net),
        ]);
    }
    let total: i64 = rows.iter().map(|r| r.amounts.net.kopecks()).sum();
    table.total("Итого по запчастям:", format_money(total));
    table
}

/// Works and parts under their headings; nothing for an empty group.
fn lines(doc: &mut Document<'_>, s: &DocumentSnapshot) -> Result<(), DocumentError> {
    if !s.works.is_empty() {
        doc.heading("Работы (услуги)", 20.0);
        doc.table(&works_table(&s.works))?;
    }
    if !s.parts.is_empty() {
        doc.heading("Запчасти и материалы исполнителя", 20.0);
        doc.table(&parts_table(&s.parts))?;
    }
    Ok(())
}

/// Parts the client brought: the order lists them with their exact names.
fn client_parts(doc: &mut Document<'_>, s: &DocumentSnapshot) -> Result<(), DocumentError> {
    let parts = &s.intake.client_parts;
    if parts.is_empty() {
        doc.paragraph(
            "Запчасти и материалы заказчика: не предоставлялись.",
            TextStyle::regular(8.5),
            Align::Left,
        );
        return Ok(());
    }
    doc.heading("Запчасти и материалы заказчика", 15.0);
    let mut table = Table::new(vec![
        Column::fixed("№", 8.0, Align::Right),
        Column::flex("Наименование", 1.0, Align::Left),
        Column::flex("Описание, состояние", 1.0, Align::Left),
        Column::fixed("Кол-во", 18.0, Align::Right),
    ]);
    for (i, part) in parts.iter().enumerate() {
        table.row([
            (i + 1).to_string(),
            part.name.clone(),
            part.description.clone(),
            quantity(part.quantity),
        ]);
    }
    doc.table(&table)
}

/// The totals block, kept whole on one page.
fn totals_block(
    doc: &mut Document<'_>,
    s: &DocumentSnapshot,
    with_payment: bool,
) -> Result<(), DocumentError> {
    doc.advance(1.0);
    doc.ensure_space(34.0);
    doc.table(&totals(s, with_payment))
}

/// The totals under the lines, aligned with their «Сумма» column; VAT per
/// the order's mode.
fn totals(s: &DocumentSnapshot, with_payment: bool) -> Table {
    let mut table = Table::new(vec![
        Column::flex("", 1.0, Align::Left),
        Column::fixed("", 24.0, Align::Right),
    ]);
    let all = &s.totals.all;
    if all.discount > Money::ZERO {
        table.total("Без скидки:", money(all.gross));
        table.total("Скидка:", format!("−{}", money(all.discount)));
    }
    // VAT on top is added before the total it makes up; VAT in the price
    // (or none) is said of the total, under it.
    if let VatMode::OnTop(_) = s.vat_mode {
        table.total("Итого без НДС:", money(all.net));
        for (label, amount) in vat_lines(s) {
            table.total(label, amount);
        }
        table.grand_total("Всего к оплате, ₽:", money(s.totals.total()));
    } else {
        table.grand_total("Всего к оплате, ₽:", money(s.totals.total()));
        for (label, amount) in vat_lines(s) {
            table.total(label, amount);
        }
    }
    if with_payment {
        let balance = &s.balance;
        table.total("Оплачено:", money(balance.paid));
        table.grand_total(
            format!("{}, ₽:", payment_mark(balance.mark())),
            money(balance.debt),
        );
    }
    table.without_header()
}

/// «В т. ч. НДС 22 %: …» per rate, or «Без НДС».
fn vat_lines(s: &DocumentSnapshot) -> Vec<(String, String)> {
    match s.vat_mode {
        VatMode::Without => vec![("Без НДС".to_owned(), "—".to_owned())],
        VatMode::Included(_) | VatMode::OnTop(_) => s
            .totals
            .vat
            .iter()
            .map(|summary| match summary.rate.percent() {
                Some(p) if matches!(s.vat_mode, VatMode::Included(_)) => {
                    (format!("В том числе НДС {p} %:"), money(summary.vat))
                }
                Some(p) => (format!("НДС {p} %:"), money(summary.vat)),
                None => ("Без НДС:".to_owned(), money(summary.net)),
            })
            .collect(),
    }
}

fn payment_mark(mark: PaymentMark) -> &'static str {
    match mark {
        PaymentMark::Unpaid => "Не оплачено, к оплате",
        PaymentMark::Partial => "Оплачено частично (аванс), к доплате",
        PaymentMark::Paid => "Оплачено полностью, к доплате",
        PaymentMark::Overpaid => "Переплата, к доплате",
    }
}

/// The warranty: the order's own periods, else the shop's standard text.
fn warranty(s: &DocumentSnapshot) -> String {
    let own = s.terms.warranty.map(|w| {
        let mut parts = Vec::new();
        if let Some(days) = w.days {
            parts.push(format!("{days} дн."));
        }
        if let Some(km) = w.km {
            parts.push(format!("{} км пробега", group(u64::from(km))));
        }
        parts.join(" или ")
    });
    match own {
        Some(text) if !text.is_empty() => format!(
            "Гарантия на выполненные работы: {text} (что наступит раньше), на запчасти \
             исполнителя — по гарантии производителя."
        ),
        _ if !s.shop.warranty_text.trim().is_empty() => {
            format!("Гарантия: {}", s.shop.warranty_text.trim())
        }
        _ => "Гарантия на выполненные работы — в соответствии с Законом РФ «О защите прав \
              потребителей» и Правилами оказания услуг по ремонту автомототранспортных средств."
            .to_owned(),
    }
}

fn note(doc: &mut Document<'_>, text: &str) {
    doc.advance(1.0);
    doc.paragraph(text, TextStyle::regular(8.0), Align::Left);
}

/// The shop's and the client's signatures side by side.
fn sign(doc: &mut Document<'_>, s: &DocumentSnapshot, shop_role: &str, client_role: &str) {
    doc.advance(5.0);
    doc.signatures(&[
        Signature {
            party: "Исполнитель".to_owned(),
            role: shop_role.to_owned(),
            name: String::new(),
            stamp: true,
        },
        Signature {
            party: "Заказчик".to_owned(),
            role: client_role.to_owned(),
            name: initials(&s.client.name, s.client.kind),
            stamp: false,
        },
    ]);
}

/// «Иванов Иван Иванович» → «Иванов И. И.»; a company keeps its name.
fn initials(name: &str, kind: ClientKind) -> String {
    if kind == ClientKind::Company {
        return String::new();
    }
    let mut words = name.split_whitespace();
    let Some(surname) = words.next() else {
        return String::new();
    };
    let rest: Vec<String> = words
        .filter_map(|w| w.chars().next())
        .map(|c| format!("{c}."))
        .collect();
    if rest.is_empty() {
        surname.to_owned()
    } else {
        format!("{surname} {}", rest.join(" "))
    }
}

fn money(amount: Money) -> String {
    format_money(amount.kopecks())
}

fn discount(amount: Money) -> String {
    if amount == Money::ZERO {
        "—".to_owned()
    } else {
        money(amount)
    }
}

/// `1.5` → `1,5`.
fn quantity(q: Quantity) -> String {
    q.to_string().replace('.', ",")
}

fn group(n: u64) -> String {
    super::group_thousands(n)
}

fn odometer(km: Option<u32>) -> String {
    km.map_or(String::new(), |km| format!("{} км", group(u64::from(km))))
}

/// Quarters of the tank as the act writes them.
fn fuel(quarters: u8) -> String {
    match quarters.min(FULL_TANK) {
        0 => "пустой бак (резерв)",
        1 => "¼ бака",
        2 => "½ бака",
        3 => "¾ бака",
        _ => "полный бак",
    }
    .to_owned()
}

fn phone(e164: &str) -> String {
    let digits: Vec<char> = e164.chars().filter(char::is_ascii_digit).collect();
    if e164.starts_with("+7") && digits.len() == 11 {
        let d: String = digits[1..].iter().collect();
        format!("+7 ({}) {}-{}-{}", &d[0..3], &d[3..6], &d[6..8], &d[8..10])
    } else {
        e164.to_owned()
    }
}

fn method(m: PaymentMethod) -> &'static str {
    match m {
        PaymentMethod::Cash => "наличными",
        PaymentMethod::Card => "банковской картой",
        PaymentMethod::Transfer => "безналичным переводом",
    }
}

const MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// «27 ноября 2026 г.».
fn long_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    let month = MONTHS[date.month0() as usize];
    format!("{} {month} {} г.", date.day(), date.year())
}

/// «27.11.2026».
fn short_date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_write_russian() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 7).expect("date");
        assert_eq!(long_date(date), "7 ноября 2026 г.");
        assert_eq!(short_date(date), "07.11.2026");
        assert_eq!(phone("+79161234567"), "+7 (916) 123-45-67");
        assert_eq!(
            initials("Иванов Иван Иванович", ClientKind::Person),
            "Иванов И. И."
        );
        assert_eq!(fuel(2), "½ бака");
    }
}
