//! The demo shop's history: closed repair orders for the past appointments
//! of the seeded month, taken in, worked, issued, documented and paid through
//! the same use cases as the desk uses. Deterministic for a given seed.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{Days, NaiveDateTime};

use crate::demo::Dice;
use crate::demo::schedule::SchedulePlan;
use crate::domain::client::ClientKind;
use crate::domain::ids::ProductId;
use crate::domain::money::Money;
use crate::domain::order::intake::{BodyView, Checklist, DamageKind, DamageMark, IntakeDraft};
use crate::domain::order::line::{DiscountKind, PartLineDraft, WorkLineDraft};
use crate::domain::order::payment::{PaymentDraft, PaymentKind, PaymentMethod};
use crate::domain::order::snapshot::{DocumentKind, ShopRequisites};
use crate::domain::order::status::OrderEvent;
use crate::domain::order::terms::OrderTermsDraft;
use crate::domain::product::ProductSearch;
use crate::domain::schedule::appointment::{Appointment, AppointmentStatus};
use crate::error::Result;
use crate::{FixedClock, Remzona};

/// At most this many past appointments become closed orders.
pub const MAX_DEMO_ORDERS: usize = 40;

/// What the demo history added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OrdersOutcome {
    /// Closed (issued) orders.
    pub orders: usize,
    pub documents: usize,
    pub payments: usize,
    /// Orders left with a debt.
    pub debts: usize,
}

const COMPLAINTS: &[&str] = &[
    "Плановое ТО",
    "Стук в передней подвеске на неровностях",
    "Скрип тормозов при торможении",
    "Горит лампа «Check Engine»",
    "Плавают обороты на холостом ходу",
    "Тянет вправо при движении",
    "Не работает кондиционер",
    "Вибрация руля на скорости выше 80 км/ч",
    "Сезонная замена шин",
    "Посторонний шум из-под капота",
];

/// Drivers who bring a company's car.
const DRIVERS: &[&str] = &[
    "Водитель Кузнецов А. П.",
    "Водитель Морозов Д. С.",
    "Водитель Лебедев И. В.",
];

const BELONGINGS: &[&str] = &["", "", "", "Детское кресло", "Видеорегистратор", "Зарядка"];

/// (view, x, y, kind, note): spots a walk-round finds.
const DAMAGE: &[(BodyView, u16, u16, DamageKind, &str)] = &[
    (
        BodyView::Left,
        250,
        600,
        DamageKind::Scratch,
        "передняя левая дверь",
    ),
    (
        BodyView::Front,
        500,
        900,
        DamageKind::Chip,
        "передний бампер",
    ),
    (BodyView::Rear, 450, 850, DamageKind::Dent, "задний бампер"),
    (
        BodyView::Right,
        700,
        550,
        DamageKind::Scratch,
        "задняя правая дверь",
    ),
    (BodyView::Top, 500, 300, DamageKind::Chip, "лобовое стекло"),
    (
        BodyView::Left,
        150,
        700,
        DamageKind::Corrosion,
        "арка переднего колеса",
    ),
];

/// (a word of the service's name, words of the parts it consumes).
const FITTING: &[(&str, &[&str])] = &[
    ("масл", &["фильтр масляный", "масло моторное"]),
    ("тормоз", &["колодки", "тормозная жидкость"]),
    ("колод", &["колодки"]),
    ("свеч", &["свеча зажигания"]),
    ("воздушн", &["фильтр воздушный"]),
    ("салон", &["фильтр салонный"]),
    ("ремн", &["ремень", "ролик"]),
    ("ремень", &["ремень", "ролик"]),
    ("аморт", &["амортизатор"]),
    ("антифриз", &["антифриз"]),
    ("охлажд", &["антифриз"]),
    ("помп", &["помпа"]),
    ("рычаг", &["рычаг"]),
    ("датчик", &["датчик"]),
    ("шин", &["вентиль"]),
];

/// A product the demo can put on an order.
#[derive(Debug, Clone)]
struct Shelf {
    id: ProductId,
    /// Thousandths left on hand after the orders seeded so far.
    left: i64,
}

/// The demo shop's requisites; every number passes its checksum.
pub fn demo_requisites() -> ShopRequisites {
    ShopRequisites {
        name: "ООО «Автосервис «Ремзона»»".into(),
        inn: "7714123459".into(),
        kpp: "771401001".into(),
        ogrn: "1027714123458".into(),
        address: "125167, г. Москва, ул. Моторная, д. 12, стр. 3".into(),
        phone: "+7 495 123-45-67, service@remzona.ru".into(),
        bank_account: "40702810538000123456".into(),
        bank_name: "ПАО Сбербанк".into(),
        bik: "044525225".into(),
        corr_account: "30101810400000000225".into(),
        director: "Волков Андрей Петрович".into(),
        accountant: "Смирнова Ольга Викторовна".into(),
        warranty_text: "Гарантия на работы — 30 дней или 1 000 км пробега, на запчасти — \
                        по условиям производителя."
            .into(),
        logo: String::new(),
        footer: "Пн–Сб 9:00–21:00, вс 10:00–18:00 · remzona.ru · +7 495 123-45-67\n\
                 Спасибо, что выбрали нас!"
            .into(),
    }
}

impl Remzona {
    /// Closed orders for up to [`MAX_DEMO_ORDERS`] past appointments that
    /// the client came to. Skipped when the shop already has orders.
    pub async fn seed_demo_orders(&self, seed: u64) -> Result<OrdersOutcome> {
        let mut outcome = OrdersOutcome::default();
        if !self.repair_orders(None, 1).await?.is_empty() {
            return Ok(outcome);
        }
        if self.shop_requisites().await?.name.trim().is_empty() {
            self.set_shop_requisites(&demo_requisites()).await?;
        }
        let now = self.local_now().await?;
        let today = now.date();
        let from = today - Days::new(SchedulePlan::DEMO.days_before);
        let mut past = past_visits(self.schedule(from, today).await?.appointments, now);
        let mut dice = Dice(seed.rotate_left(17) | 1);
        // A deterministic choice, kept in the order of the visits.
        while past.len() > MAX_DEMO_ORDERS {
            let drop = dice.below(past.len());
            past.remove(drop);
        }
        let mut shelves: BTreeMap<&'static str, Vec<Shelf>> = BTreeMap::new();
        let mut readings: BTreeMap<crate::domain::ids::VehicleId, u32> = BTreeMap::new();
        // The shop's offset from UTC, to put each visit's events at its time.
        let offset = now.and_utc() - self.now();
        let at = |local: NaiveDateTime| -> Remzona {
            self.with_clock(Arc::new(FixedClock::at(local.and_utc() - offset)))
        };
        for (n, visit) in past.iter().enumerate() {
            let Some(car) = visit.vehicle.as_ref().map(|v| v.id) else {
                continue;
            };
            // Taken in when the visit began, handed back when it ended.
            let (arrived, done) = (at(visit.start), at(visit.end));
            let company = self.client(visit.client.id).await?.kind == ClientKind::Company;
            let last = match readings.get(&car) {
                Some(km) => *km,
                None => self
                    .vehicle(car)
                    .await?
                    .odometer
                    .map_or(20_000 + 1_000 * dice.below(120) as u32, |r| r.km),
            };
            let km = last + 150 + 50 * dice.below(60) as u32;
            readings.insert(car, km);
            let order = arrived
                .take_in(visit.id, &intake_draft(&mut dice, km, visit, company))
                .await?
                .id;
            arrived
                .set_order_terms(
                    order,
                    &OrderTermsDraft {
                        promised_date: visit.end.date().to_string(),
                        promised_time: visit.end.format("%H:%M").to_string(),
                        warranty_days: "30".into(),
                        warranty_km: "1000".into(),
                    },
                )
                .await?;
            for service in &visit.services {
                arrived
                    .add_work(
                        order,
                        &WorkLineDraft {
                            service_id: service.id,
                            quantity: String::new(),
                            price: String::new(),
                            mechanic_id: Some(visit.mechanic),
                            discount: String::new(),
                            discount_kind: DiscountKind::Percent,
                            vat_rate: None,
                        },
                    )
                    .await?;
            }
            let names: Vec<String> = visit.services.iter().map(|s| s.name.clone()).collect();
            for (product, quantity) in self.fitting_parts(&mut dice, &names, &mut shelves).await? {
                arrived
                    .add_part(
                        order,
                        &PartLineDraft {
                            product_id: product,
                            quantity: quantity.to_string(),
                            price: String::new(),
                            discount: String::new(),
                            discount_kind: DiscountKind::Percent,
                            vat_rate: None,
                        },
                    )
                    .await?;
            }
            arrived
                .issue_document(order, DocumentKind::Acceptance)
                .await?;
            arrived.issue_document(order, DocumentKind::Order).await?;
            outcome.documents += 2;
            let total = arrived.repair_order(order).await?.totals.total();
            let advance = !company && total.kopecks() >= 300_000 && dice.below(4) == 0;
            let mut paid = Money::ZERO;
            if advance {
                let amount = round_down(total.kopecks() / 2);
                arrived
                    .record_payment(
                        order,
                        &payment(PaymentKind::Advance, cash_or_card(&mut dice), amount),
                    )
                    .await?;
                paid = Money::from_kopecks(amount);
                outcome.payments += 1;
            }
            for event in [OrderEvent::Start, OrderEvent::Finish, OrderEvent::Issue] {
                done.change_order_status(order, &event).await?;
            }
            done.issue_document(order, DocumentKind::Completion).await?;
            outcome.documents += 1;
            let method = if company {
                done.issue_document(order, DocumentKind::Invoice).await?;
                outcome.documents += 1;
                PaymentMethod::Transfer
            } else {
                cash_or_card(&mut dice)
            };
            let mut rest = total.kopecks() - paid.kopecks();
            // One or two clients leave part of the bill as a debt.
            let due = if n >= past.len() * 3 / 4 {
                2
            } else {
                usize::from(n >= past.len() / 3)
            };
            if outcome.debts < due && rest >= 200_000 {
                rest = round_down(rest / 2);
                outcome.debts += 1;
            }
            if rest > 0 {
                done.record_payment(order, &payment(PaymentKind::Final, method, rest))
                    .await?;
                outcome.payments += 1;
            }
            outcome.orders += 1;
        }
        Ok(outcome)
    }

    /// 0–3 parts in stock that fit the services, each taken off the shelf
    /// the demo keeps so that issuing never runs short.
    async fn fitting_parts(
        &self,
        dice: &mut Dice,
        services: &[String],
        shelves: &mut BTreeMap<&'static str, Vec<Shelf>>,
    ) -> Result<Vec<(ProductId, i64)>> {
        let mut words: Vec<&'static str> = Vec::new();
        for name in services {
            let name = name.to_lowercase();
            for (hint, parts) in FITTING {
                if name.contains(hint) {
                    words.extend(parts.iter().copied());
                }
            }
        }
        words.sort_unstable();
        words.dedup();
        let wanted = dice.below(4);
        let mut picked = Vec::new();
        for word in words {
            if picked.len() >= wanted {
                break;
            }
            if !shelves.contains_key(word) {
                let found = self
                    .search_products(&ProductSearch {
                        query: word.to_owned(),
                        limit: 30,
                        ..ProductSearch::default()
                    })
                    .await?
                    .into_iter()
                    .filter(|p| p.price.is_some() && p.on_hand.milli() >= 1_000)
                    .map(|p| Shelf {
                        id: p.id,
                        left: p.on_hand.milli(),
                    })
                    .collect();
                shelves.insert(word, found);
            }
            let Some(shelf) = shelves.get_mut(word) else {
                continue;
            };
            let ready: Vec<usize> = (0..shelf.len())
                .filter(|i| shelf[*i].left >= 1_000)
                .collect();
            if ready.is_empty() {
                continue;
            }
            let index = ready[dice.below(ready.len())];
            let quantity = if word == "масло моторное" && shelf[index].left >= 4_000 {
                4
            } else {
                1
            };
            let product = shelf[index].id;
            if picked.iter().any(|(p, _)| *p == product) {
                continue;
            }
            // The same product may sit on another word's shelf too.
            for other in shelves.values_mut() {
                for item in other.iter_mut().filter(|s| s.id == product) {
                    item.left -= quantity * 1_000;
                }
            }
            picked.push((product, quantity));
        }
        Ok(picked)
    }
}

/// The visits before now the client came to, oldest first.
fn past_visits(appointments: Vec<Appointment>, now: NaiveDateTime) -> Vec<Appointment> {
    let mut past: Vec<Appointment> = appointments
        .into_iter()
        .filter(|a| {
            a.end <= now
                && a.status == AppointmentStatus::Arrived
                && a.vehicle.is_some()
                && !a.services.is_empty()
        })
        .collect();
    past.sort_by(|a, b| {
        let key = |x: &Appointment| {
            (
                x.start,
                x.client.name.clone(),
                x.vehicle.as_ref().map(|v| v.name.clone()),
                x.services.first().map(|s| s.code.clone()),
            )
        };
        key(a).cmp(&key(b))
    });
    past
}

/// `company`: a company's car, brought by its driver.
fn intake_draft(dice: &mut Dice, km: u32, visit: &Appointment, company: bool) -> IntakeDraft {
    let complaint = match visit.services.first() {
        Some(service) if dice.below(3) == 0 => service.name.clone(),
        _ => COMPLAINTS[dice.below(COMPLAINTS.len())].to_owned(),
    };
    let damage = match dice.below(8) {
        0 => vec![damage_mark(dice)],
        1 => vec![damage_mark(dice), damage_mark(dice)],
        _ => Vec::new(),
    };
    IntakeDraft {
        odometer: km.to_string(),
        odometer_reason: String::new(),
        fuel_quarters: 1 + dice.below(4) as u8,
        checklist: Checklist {
            keys: 1 + u8::from(dice.below(3) == 0),
            registration_certificate: dice.below(5) != 0,
            spare_wheel: dice.below(4) != 0,
            jack: dice.below(2) == 0,
            tools: dice.below(3) == 0,
            first_aid_kit: true,
            extinguisher: true,
            warning_triangle: dice.below(6) != 0,
            head_unit: true,
            mats: dice.below(5) != 0,
            other: String::new(),
        },
        belongings: BELONGINGS[dice.below(BELONGINGS.len())].to_owned(),
        complaints: complaint,
        client_parts: Vec::new(),
        damage,
        photos: Vec::new(),
        handed_over_by: if company {
            DRIVERS[dice.below(DRIVERS.len())].to_owned()
        } else {
            String::new()
        },
    }
}

fn damage_mark(dice: &mut Dice) -> DamageMark {
    let (view, x, y, kind, note) = DAMAGE[dice.below(DAMAGE.len())];
    DamageMark {
        view,
        x,
        y,
        kind,
        note: note.to_owned(),
    }
}

fn cash_or_card(dice: &mut Dice) -> PaymentMethod {
    if dice.below(3) == 0 {
        PaymentMethod::Cash
    } else {
        PaymentMethod::Card
    }
}

/// Whole hundreds of roubles, as people pay an advance or a part.
fn round_down(kopecks: i64) -> i64 {
    kopecks - kopecks % 10_000
}

fn payment(kind: PaymentKind, method: PaymentMethod, kopecks: i64) -> PaymentDraft {
    PaymentDraft {
        kind,
        method,
        amount: Money::from_kopecks(kopecks).to_string(),
        comment: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::requisites::{
        parse_bik, parse_corr_account, parse_inn, parse_kpp, parse_ogrn, parse_settlement_account,
    };

    #[test]
    fn the_demo_requisites_pass_their_checks() {
        let shop = demo_requisites();
        assert!(parse_inn(&shop.inn).is_ok());
        assert!(parse_kpp(&shop.kpp).is_ok());
        assert!(parse_ogrn(&shop.ogrn).is_ok());
        assert!(parse_bik(&shop.bik).is_ok());
        assert!(parse_settlement_account(&shop.bank_account, Some(&shop.bik)).is_ok());
        assert!(parse_corr_account(&shop.corr_account, Some(&shop.bik)).is_ok());
    }
}
