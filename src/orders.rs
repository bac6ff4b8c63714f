//! Use cases of repair orders (заказ-наряды): intake from an appointment
//! («Клиент приехал») or as a walk-in, works and parts, statuses, payments,
//! and the documents issued from an order as numbered, frozen snapshots.
//!
//! Each write is one `BEGIN IMMEDIATE` transaction, and every change is
//! recorded in the order's append-only history (`order_events`).
//!
//! Decisions:
//!
//! - **Pricing is frozen at intake**: the shop's VAT mode and the client's
//!   discount are copied into the order, so a later change of either does not
//!   reprice an order under way. Lines copy their names, codes and prices.
//! - **Stock moves only at issue.** Parts are taken out of the main warehouse
//!   by one stock document when the order is issued (refused for a shortage
//!   unless the shop allows negative stock). Reopening an issued order puts
//!   back everything it took, by a second document, so the lines are free to
//!   change; issuing again takes the parts as they are then. A line removed
//!   from an open order therefore never touches the stock, and the stock
//!   always equals the ledger. The stock layer has no kind for orders yet, so
//!   both are `write_off` documents (СП series) commented with the order's
//!   number: the return is a storno (positive lines). `order_stock_documents`
//!   links them to the order.
//! - **Numbers**: the order takes `ЗН-<year>-<n>` at intake from
//!   `document_counters`; the заказ-наряд document carries the order's own
//!   number. Every other kind takes the next number of its series and the
//!   shop's year when first issued for the order. Issuing a kind again makes
//!   a new version under the same number and keeps the old one. Both happen in
//!   the transaction that stores the document, so numbers never skip or repeat.
//! - **Missing values** are checked on the snapshot before a number is taken
//!   ([`missing_values`]): the refusal names the fields to fill.

use chrono::{DateTime, Datelike, Utc};
use serde::Serialize;
use sqlx::SqliteConnection;

use crate::Remzona;
use crate::appointments::zone;
use crate::db::appointments::{self as appointment_store, AppointmentFields};
use crate::db::orders::{self as store, NewIssued, NewOrder, OrderHeader, StoredIssued};
use crate::db::products as catalogue;
use crate::db::stock::{self as stock_store, MAIN_WAREHOUSE, NewDocument, NewLine};
use crate::db::{clients, history, pricelist, staff, vehicles};
use crate::domain::client::{Client, ClientKind, ClientRef, VehicleBrief};
use crate::domain::history::HistoryKind;
use crate::domain::ids::{
    AppointmentId, ClientId, IssuedDocumentId, OrderLineId, PaymentId, RepairOrderId, StockDocId,
    VehicleId,
};
use crate::domain::money::Money;
use crate::domain::order::intake::{Intake, IntakeDraft, ValidIntake};
use crate::domain::order::line::{
    MAX_ORDER_LINES, PartLine, PartLineDraft, Percent, ProductFacts, ServiceFacts, WorkLine,
    WorkLineDraft,
};
use crate::domain::order::payment::{
    Balance, OrderPayment, PaymentDraft, PaymentError, PaymentKind, balance, check_accepts,
    client_balance,
};
use crate::domain::order::snapshot::{
    ClientSnapshot, DocumentKind, DocumentSnapshot, PartRow, PaymentRow, ShopRequisites,
    VehicleSnapshot, WorkRow, missing_values, printed_number,
};
use crate::domain::order::status::{
    OrderAction, OrderChange, OrderEvent, OrderStatus, StatusError, apply, ensure_editable,
};
use crate::domain::order::terms::{OrderTerms, OrderTermsDraft};
use crate::domain::order::totals::{ClientDiscount, DiscountScope, Pricing, Totals};
use crate::domain::order::vat::VatMode;
use crate::domain::quantity::Quantity;
use crate::domain::schedule::appointment::{AppointmentChange, AppointmentStatus};
use crate::domain::stock::{StockDocKind, document_number};
use crate::domain::validation::{IssueCode, Issues};
use crate::domain::vehicle::{Vehicle, check_odometer};
use crate::domain::words::amount_in_words;
use crate::error::{ConflictReason, Error, Result};

const VAT_MODE: &str = "vat_mode";
const ALLOW_NEGATIVE: &str = "allow_negative_stock";
const MAX_REQUISITE: usize = 300;
const MAX_WARRANTY_TEXT: usize = 2000;

/// A work line of an order with its id and the mechanic's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct WorkItem {
    pub id: OrderLineId,
    pub line: WorkLine,
    pub mechanic: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PartItem {
    pub id: OrderLineId,
    pub line: PartLine,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PaymentItem {
    pub id: PaymentId,
    pub payment: OrderPayment,
    pub comment: String,
    pub paid_at: DateTime<Utc>,
}

/// The order window: everything about an order, with its totals and balance
/// computed by the core.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OrderView {
    pub id: RepairOrderId,
    /// `ЗН-2026-000123`.
    pub number: String,
    pub status: OrderStatus,
    /// The status buttons to show.
    pub actions: Vec<OrderAction>,
    pub client: ClientRef,
    pub vehicle: VehicleBrief,
    pub appointment: Option<AppointmentId>,
    pub intake: Intake,
    pub terms: OrderTerms,
    pub pricing: Pricing,
    pub works: Vec<WorkItem>,
    pub parts: Vec<PartItem>,
    pub totals: Totals,
    pub payments: Vec<PaymentItem>,
    pub balance: Balance,
    pub accepted_at: DateTime<Utc>,
    pub issued_at: Option<DateTime<Utc>>,
}

/// An entry of the order's history; `detail` is the event's JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OrderHistoryEntry {
    pub at: DateTime<Utc>,
    pub kind: String,
    pub detail: String,
}

/// One version of a document issued from an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct IssuedDocument {
    pub id: IssuedDocumentId,
    pub order: RepairOrderId,
    pub kind: DocumentKind,
    /// `АП-2026-000007`.
    pub number: String,
    pub version: u32,
    pub issued_at: DateTime<Utc>,
    pub snapshot: DocumentSnapshot,
}

/// The shop's settings keys of its requisites (`shop_name` is shared with
/// the reminders).
const REQUISITE_KEYS: [&str; 15] = [
    "shop_name",
    "shop_inn",
    "shop_kpp",
    "shop_ogrn",
    "shop_address",
    "shop_phone",
    "shop_bank_account",
    "shop_bank_name",
    "shop_bik",
    "shop_corr_account",
    "shop_director",
    "shop_accountant",
    "warranty_text",
    LOGO_KEY,
    FOOTER_KEY,
];

/// The logo's media name; set through [`Remzona::set_shop_logo`].
const LOGO_KEY: &str = "shop_logo";
const FOOTER_KEY: &str = "document_footer";
/// The footer is printed small under every page: a few lines at most.
const MAX_FOOTER: usize = 500;
const MAX_FOOTER_LINES: usize = 3;

fn requisite_fields(r: &mut ShopRequisites) -> [&mut String; 15] {
    [
        &mut r.name,
        &mut r.inn,
        &mut r.kpp,
        &mut r.ogrn,
        &mut r.address,
        &mut r.phone,
        &mut r.bank_account,
        &mut r.bank_name,
        &mut r.bik,
        &mut r.corr_account,
        &mut r.director,
        &mut r.accountant,
        &mut r.warranty_text,
        &mut r.logo,
        &mut r.footer,
    ]
}

impl Remzona {
    /// «Клиент приехал»: the appointment becomes «приехал» and a repair order
    /// is opened for its client and car with the intake written down; a new
    /// odometer reading is recorded on the car. One order per appointment.
    pub async fn take_in(
        &self,
        appointment: AppointmentId,
        draft: &IntakeDraft,
    ) -> Result<OrderView> {
        let valid = draft.validate()?;
        let now = self.now();
        let mut tx = self.db().begin_write().await?;
        let seq = appointment_store::seq_of(&mut tx, appointment).await?;
        let before = appointment_store::get(&mut tx, appointment).await?;
        let awaited = matches!(
            before.status,
            AppointmentStatus::Planned | AppointmentStatus::Confirmed | AppointmentStatus::Arrived
        );
        if !awaited || store::appointment_taken(&mut tx, seq).await? {
            return Err(Error::Conflict(ConflictReason::AppointmentNotAwaited));
        }
        let Some(vehicle) = before.vehicle.as_ref().map(|v| v.id) else {
            let mut issues = Issues::default();
            issues.add("vehicleId", IssueCode::Required);
            return Err(issues.into());
        };
        if before.status != AppointmentStatus::Arrived {
            // Planned and confirmed hold the time as arrived does: no new check.
            let fields = AppointmentFields {
                status: AppointmentStatus::Arrived,
                ..AppointmentFields::of(&before)
            };
            appointment_store::update(&mut tx, seq, &fields, now).await?;
            let change = AppointmentChange::StatusChanged {
                from: before.status,
                to: AppointmentStatus::Arrived,
            };
            appointment_store::record(&mut tx, seq, now, &change).await?;
        }
        let id = self
            .open_order(&mut tx, before.client.id, vehicle, Some(seq), valid)
            .await?;
        tx.commit().await?;
        self.repair_order(id).await
    }

    /// A walk-in: an order for a client's car without an appointment.
    pub async fn take_in_walk_in(
        &self,
        client: ClientId,
        vehicle: VehicleId,
        draft: &IntakeDraft,
    ) -> Result<OrderView> {
        let valid = draft.validate()?;
        let mut tx = self.db().begin_write().await?;
        let id = self
            .open_order(&mut tx, client, vehicle, None, valid)
            .await?;
        tx.commit().await?;
        self.repair_order(id).await
    }

    async fn open_order(
        &self,
        conn: &mut SqliteConnection,
        client: ClientId,
        vehicle: VehicleId,
        appointment_seq: Option<i64>,
        valid: ValidIntake,
    ) -> Result<RepairOrderId> {
        let now = self.now();
        clients::refuse_merged(conn, client).await?;
        let mut issues = Issues::default();
        if vehicles::owner_of(conn, vehicle).await? != client {
            issues.add("vehicleId", IssueCode::Unavailable);
        }
        issues.into_result(())?;
        record_reading(conn, client, vehicle, &valid, now).await?;
        let discount = clients::discount_percent(conn, client).await?;
        let pricing = Pricing {
            vat: vat_mode_in(conn).await?,
            client_discount: ClientDiscount {
                percent: Percent::whole(discount).unwrap_or(Percent::ZERO),
                applies_to: DiscountScope::All,
            },
        };
        let year = zone(conn).await?.to_local(now).year();
        let number = stock_store::next_number(conn, DocumentKind::Order.series(), year).await?;
        let id = RepairOrderId::new();
        let order = NewOrder {
            id,
            year,
            number,
            client,
            vehicle,
            appointment_seq,
            intake: &valid.intake,
            terms: &OrderTerms::default(),
            pricing: &pricing,
            now,
        };
        let seq = store::insert_order(conn, &order).await?;
        let printed = printed_number(DocumentKind::Order, year, number);
        let detail = serde_json::json!({
            "number": printed,
            "walkIn": appointment_seq.is_none(),
            "damageMarks": valid.intake.damage.len(),
        });
        store::record(conn, seq, now, "created", &detail).await?;
        let summary = format!("{printed} · {}", valid.intake.complaints);
        history::append(
            conn,
            client,
            now,
            HistoryKind::RepairOrder,
            Some(vehicle),
            summary.trim_end_matches(" · "),
        )
        .await?;
        Ok(id)
    }

    /// The order window's data.
    pub async fn repair_order(&self, id: RepairOrderId) -> Result<OrderView> {
        let mut conn = self.db().read().await?;
        let header = store::order(&mut conn, id).await?;
        view(&mut conn, header).await
    }

    /// The order list (and the CLI's `orders list`): newest first,
    /// optionally of one status, at most `limit` (1..=500).
    pub async fn repair_orders(
        &self,
        status: Option<OrderStatus>,
        limit: u32,
    ) -> Result<Vec<OrderView>> {
        let mut conn = self.db().read().await?;
        let headers = store::recent(&mut conn, status, limit.clamp(1, 500)).await?;
        let mut views = Vec::with_capacity(headers.len());
        for header in headers {
            views.push(view(&mut conn, header).await?);
        }
        Ok(views)
    }

    /// The client's orders, oldest first.
    pub async fn client_repair_orders(&self, client: ClientId) -> Result<Vec<OrderView>> {
        let mut conn = self.db().read().await?;
        let headers = store::orders_of_client(&mut conn, client).await?;
        let mut views = Vec::with_capacity(headers.len());
        for header in headers {
            views.push(view(&mut conn, header).await?);
        }
        Ok(views)
    }

    /// Corrects the intake of an order not yet issued: marks and photos
    /// added after the walk-round, a corrected odometer (recorded on the car).
    pub async fn update_intake(&self, id: RepairOrderId, draft: &IntakeDraft) -> Result<OrderView> {
        let valid = draft.validate()?;
        let now = self.now();
        let mut tx = self.db().begin_write().await?;
        let header = editable(&mut tx, id).await?;
        record_reading(&mut tx, header.client, header.vehicle, &valid, now).await?;
        store::set_intake(&mut tx, header.seq, &valid.intake, now).await?;
        let detail = serde_json::json!({
            "odometerKm": valid.intake.odometer_km,
            "damageMarks": valid.intake.damage.len(),
            "photos": valid.intake.photos.len(),
        });
        store::record(&mut tx, header.seq, now, "intake_changed", &detail).await?;
        tx.commit().await?;
        self.repair_order(id).await
    }

    /// The promised date and the warranty.
    pub async fn set_order_terms(
        &self,
        id: RepairOrderId,
        draft: &OrderTermsDraft,
    ) -> Result<OrderView> {
        let mut tx = self.db().begin_write().await?;
        let header = editable(&mut tx, id).await?;
        let accepted_on = zone(&mut tx).await?.to_local(header.accepted_at).date();
        let terms = draft.validate(accepted_on)?;
        store::set_terms(&mut tx, header.seq, &terms, self.now()).await?;
        store::record(&mut tx, header.seq, self.now(), "terms_changed", &terms).await?;
        tx.commit().await?;
        self.repair_order(id).await
    }

    /// Adds a work from the price list; empty quantity and price take the
    /// price list's. Issues name `serviceId`, `mechanicId`, `quantity`,
    /// `price`, `discount`.
    pub async fn add_work(&self, order: RepairOrderId, draft: &WorkLineDraft) -> Result<OrderView> {
        self.save_work(order, None, draft).await
    }

    pub async fn update_work(
        &self,
        order: RepairOrderId,
        line: OrderLineId,
        draft: &WorkLineDraft,
    ) -> Result<OrderView> {
        self.save_work(order, Some(line), draft).await
    }

    async fn save_work(
        &self,
        order: RepairOrderId,
        line: Option<OrderLineId>,
        draft: &WorkLineDraft,
    ) -> Result<OrderView> {
        let rate = self.pricing_settings().await?.hourly_rate;
        let mut tx = self.db().begin_write().await?;
        let header = editable(&mut tx, order).await?;
        let mut issues = Issues::default();
        let service = match pricelist::service(&mut tx, draft.service_id, rate).await {
            Ok(service) if !service.archived || line.is_some() => Some(service),
            Ok(_) | Err(Error::NotFound { .. }) => {
                issues.add("serviceId", IssueCode::Unavailable);
                None
            }
            Err(other) => return Err(other),
        };
        if let Some(mechanic) = draft.mechanic_id {
            match staff::employee(&mut tx, mechanic).await {
                Ok(_) => {}
                Err(Error::NotFound { .. }) => issues.add("mechanicId", IssueCode::Unavailable),
                Err(other) => return Err(other),
            }
        }
        if line.is_none() {
            check_room(&mut tx, header.seq, &mut issues).await?;
        }
        let Some(service) = service else {
            return Err(issues.into());
        };
        let valid = match draft.validate(&ServiceFacts::from(&service)) {
            Ok(valid) => Some(valid),
            Err(more) => {
                issues.absorb("", more);
                None
            }
        };
        let valid = match (valid, issues.is_empty()) {
            (Some(valid), true) => valid,
            _ => return Err(issues.into()),
        };
        let now = self.now();
        let detail = serde_json::json!({ "name": valid.name, "quantity": valid.quantity, "price": valid.price });
        match line {
            None => {
                store::insert_work(&mut tx, header.seq, OrderLineId::new(), &valid).await?;
                store::record(&mut tx, header.seq, now, "work_added", &detail).await?;
            }
            Some(id) => {
                store::update_work(&mut tx, header.seq, id, &valid).await?;
                store::record(&mut tx, header.seq, now, "work_changed", &detail).await?;
            }
        }
        self.finish_edit(tx, header).await
    }

    pub async fn remove_work(&self, order: RepairOrderId, line: OrderLineId) -> Result<OrderView> {
        self.remove_line(order, line, false).await
    }

    /// Adds a part from the nomenclature; an empty price takes the product's
    /// sale price. Issues name `productId`, `quantity`, `price`, `discount`.
    pub async fn add_part(&self, order: RepairOrderId, draft: &PartLineDraft) -> Result<OrderView> {
        self.save_part(order, None, draft).await
    }

    pub async fn update_part(
        &self,
        order: RepairOrderId,
        line: OrderLineId,
        draft: &PartLineDraft,
    ) -> Result<OrderView> {
        self.save_part(order, Some(line), draft).await
    }

    async fn save_part(
        &self,
        order: RepairOrderId,
        line: Option<OrderLineId>,
        draft: &PartLineDraft,
    ) -> Result<OrderView> {
        let mut tx = self.db().begin_write().await?;
        let header = editable(&mut tx, order).await?;
        let mut issues = Issues::default();
        let row = match catalogue::row_by_id(&mut tx, draft.product_id).await {
            Ok(row) if !row.archived => row,
            Ok(_) | Err(Error::NotFound { .. }) => {
                issues.add("productId", IssueCode::Unavailable);
                return Err(issues.into());
            }
            Err(other) => return Err(other),
        };
        if line.is_none() {
            check_room(&mut tx, header.seq, &mut issues).await?;
        }
        let facts = ProductFacts {
            name: row.name.clone(),
            article: row.article.clone(),
            brand: row.brand.clone(),
            unit: row.unit(),
            price: row.sale_price(),
        };
        let valid = match draft.validate(&facts) {
            Ok(valid) if issues.is_empty() => valid,
            Ok(_) => return Err(issues.into()),
            Err(more) => {
                issues.absorb("", more);
                return Err(issues.into());
            }
        };
        let now = self.now();
        let detail = serde_json::json!({ "name": valid.name, "article": valid.article, "quantity": valid.quantity, "price": valid.price });
        match line {
            None => {
                store::insert_part(&mut tx, header.seq, OrderLineId::new(), row.seq, &valid)
                    .await?;
                store::record(&mut tx, header.seq, now, "part_added", &detail).await?;
            }
            Some(id) => {
                store::update_part(&mut tx, header.seq, id, row.seq, &valid).await?;
                store::record(&mut tx, header.seq, now, "part_changed", &detail).await?;
            }
        }
        self.finish_edit(tx, header).await
    }

    pub async fn remove_part(&self, order: RepairOrderId, line: OrderLineId) -> Result<OrderView> {
        self.remove_line(order, line, true).await
    }

    async fn remove_line(
        &self,
        order: RepairOrderId,
        line: OrderLineId,
        part: bool,
    ) -> Result<OrderView> {
        let mut tx = self.db().begin_write().await?;
        let header = editable(&mut tx, order).await?;
        store::delete_line(&mut tx, header.seq, line, part).await?;
        let kind = if part { "part_removed" } else { "work_removed" };
        let detail = serde_json::json!({ "line": line });
        store::record(&mut tx, header.seq, self.now(), kind, &detail).await?;
        self.finish_edit(tx, header).await
    }

    /// Checks that the totals still compute, then commits and returns the view.
    async fn finish_edit(&self, mut tx: crate::db::Tx, header: OrderHeader) -> Result<OrderView> {
        store::touch(&mut tx, header.seq, self.now()).await?;
        let view = view(&mut tx, header).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// A status change: start, wait for parts, finish, issue, cancel, reopen.
    /// Issuing takes the parts out of stock; reopening an issued order puts
    /// them back. A reopening needs a reason, recorded in the order's history.
    pub async fn change_order_status(
        &self,
        id: RepairOrderId,
        event: &OrderEvent,
    ) -> Result<OrderView> {
        let now = self.now();
        let mut tx = self.db().begin_write().await?;
        let header = store::order(&mut tx, id).await?;
        let transition = apply(header.status, event).map_err(status_error)?;
        let printed = printed_number(DocumentKind::Order, header.year, header.number);
        let mut issued_at = header.issued_at;
        if transition.to == OrderStatus::Issued {
            self.consume_parts(&mut tx, &header, &printed).await?;
            issued_at = Some(now);
        }
        if transition.from == OrderStatus::Issued {
            self.return_parts(&mut tx, &header, &printed).await?;
            issued_at = None;
        }
        store::set_status(&mut tx, header.seq, transition.to, issued_at, now).await?;
        let kind = match &transition.change {
            OrderChange::StatusChanged { .. } => "status_changed",
            OrderChange::Cancelled { .. } => "cancelled",
            OrderChange::Reopened { .. } => "reopened",
        };
        store::record(&mut tx, header.seq, now, kind, &transition.change).await?;
        let detail = format!("{printed} · {}", transition.to.as_str());
        history::append(
            &mut tx,
            header.client,
            now,
            HistoryKind::RepairOrder,
            Some(header.vehicle),
            &detail,
        )
        .await?;
        tx.commit().await?;
        self.repair_order(id).await
    }

    async fn consume_parts(
        &self,
        conn: &mut SqliteConnection,
        header: &OrderHeader,
        printed: &str,
    ) -> Result<()> {
        let parts = store::parts(conn, header.seq).await?;
        if parts.is_empty() {
            return Ok(());
        }
        let allow_negative =
            stock_store::setting(conn, ALLOW_NEGATIVE).await?.as_deref() == Some("true");
        let mut issues = Issues::default();
        let mut lines = Vec::new();
        for (index, part) in parts.iter().enumerate() {
            let row = catalogue::row_by_id(conn, part.line.product_id).await?;
            let cost = row.purchase();
            let amount = cost
                .map_or(Ok(Money::ZERO), |c| c.times(part.line.quantity))
                .map_err(|_| overflow())?;
            if !allow_negative {
                let needed: i64 = parts
                    .iter()
                    .take(index + 1)
                    .filter(|p| p.product_seq == part.product_seq)
                    .map(|p| p.line.quantity.milli())
                    .sum();
                let on_hand = stock_store::on_hand(conn, part.product_seq, MAIN_WAREHOUSE).await?;
                if on_hand.milli() < needed {
                    issues.add_detail(
                        format!("parts.{index}.quantity"),
                        IssueCode::NotEnoughStock,
                        on_hand.to_string(),
                    );
                }
            }
            lines.push(NewLine {
                product_seq: part.product_seq,
                quantity: part.line.quantity.negated(),
                price: cost,
                amount,
            });
        }
        issues.into_result(())?;
        let comment = format!("Заказ-наряд {printed}");
        self.post_stock(conn, header, &lines, &comment, true).await
    }

    async fn return_parts(
        &self,
        conn: &mut SqliteConnection,
        header: &OrderHeader,
        printed: &str,
    ) -> Result<()> {
        let taken = store::consumed(conn, header.seq).await?;
        let lines = taken
            .into_iter()
            .map(|(product_seq, milli, cost)| {
                let quantity = Quantity::from_milli(milli);
                let price = cost.map(Money::from_kopecks);
                let amount = price
                    .map_or(Ok(Money::ZERO), |c| c.times(quantity))
                    .map_err(|_| overflow())?;
                Ok(NewLine {
                    product_seq,
                    quantity,
                    price,
                    amount,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        if lines.is_empty() {
            return Ok(());
        }
        let comment = format!("Сторно: возврат по заказ-наряду {printed}");
        self.post_stock(conn, header, &lines, &comment, false).await
    }

    async fn post_stock(
        &self,
        conn: &mut SqliteConnection,
        header: &OrderHeader,
        lines: &[NewLine],
        comment: &str,
        consume: bool,
    ) -> Result<()> {
        let now = self.now();
        let kind = StockDocKind::WriteOff;
        let year = zone(conn).await?.to_local(now).year();
        let n = stock_store::next_number(conn, kind.series(), year).await?;
        let number = document_number(kind.series(), year, n);
        let total = Money::sum(lines.iter().map(|l| l.amount)).map_err(|_| overflow())?;
        let doc = NewDocument {
            id: StockDocId::new(),
            kind,
            number: &number,
            warehouse: MAIN_WAREHOUSE,
            supplier: None,
            client: Some(header.client),
            invoice_number: "",
            invoice_date: None,
            comment,
            total,
            created_at: now,
        };
        let seq = stock_store::insert_document(conn, &doc).await?;
        stock_store::insert_lines(conn, seq, lines).await?;
        for line in lines {
            stock_store::change_stock(conn, line.product_seq, MAIN_WAREHOUSE, line.quantity)
                .await?;
        }
        store::link_stock_document(conn, header.seq, seq, consume).await?;
        let detail = serde_json::json!({ "stockDocument": number, "consume": consume });
        store::record(conn, header.seq, now, "stock", &detail).await
    }

    /// Records an advance, a final payment or a refund. A refund may not
    /// return more than was paid (`out_of_range` on `amount` quoting it); a
    /// cancelled order takes refunds only.
    pub async fn record_payment(
        &self,
        id: RepairOrderId,
        draft: &PaymentDraft,
    ) -> Result<OrderView> {
        let now = self.now();
        let mut tx = self.db().begin_write().await?;
        let header = store::order(&mut tx, id).await?;
        check_accepts(header.status, draft.kind)
            .map_err(|_| Error::Conflict(ConflictReason::OrderCancelled))?;
        let before = view(&mut tx, header.clone()).await?;
        let valid = draft.validate(before.balance.paid)?;
        store::insert_payment(
            &mut tx,
            header.seq,
            PaymentId::new(),
            &valid.payment,
            &valid.comment,
            now,
        )
        .await?;
        let printed = printed_number(DocumentKind::Order, header.year, header.number);
        let detail = serde_json::json!({
            "kind": valid.payment.kind,
            "method": valid.payment.method,
            "amount": valid.payment.amount,
        });
        store::record(&mut tx, header.seq, now, "payment", &detail).await?;
        let sign = if valid.payment.kind == PaymentKind::Refund {
            "−"
        } else {
            ""
        };
        let summary = format!(
            "{printed} · {sign}{} · {}",
            valid.payment.amount,
            valid.payment.method.as_str()
        );
        history::append(
            &mut tx,
            header.client,
            now,
            HistoryKind::Payment,
            Some(header.vehicle),
            &summary,
        )
        .await?;
        let view = view(&mut tx, header).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// The client's standing over all their orders: a debt, or a prepayment
    /// that covers the next order. A cancelled order owes nothing; money
    /// still held for it counts as a prepayment until refunded.
    pub async fn client_order_balance(&self, client: ClientId) -> Result<Balance> {
        balance_of(&self.client_repair_orders(client).await?)
    }

    /// The order's history, oldest first.
    pub async fn order_history(&self, id: RepairOrderId) -> Result<Vec<OrderHistoryEntry>> {
        let mut conn = self.db().read().await?;
        let header = store::order(&mut conn, id).await?;
        Ok(store::events(&mut conn, header.seq)
            .await?
            .into_iter()
            .map(|(at, kind, detail)| OrderHistoryEntry {
                at,
                kind,
                detail: detail.to_string(),
            })
            .collect())
    }

    /// Issues a document of `kind` for the order: checks that every value it
    /// must show is there (refusing with the fields to fill), takes its
    /// number, and stores its data as a frozen snapshot — all in one
    /// transaction. Issuing a kind again makes a new version under the same
    /// number and keeps the old one.
    pub async fn issue_document(
        &self,
        id: RepairOrderId,
        kind: DocumentKind,
    ) -> Result<IssuedDocument> {
        let now = self.now();
        let mut tx = self.db().begin_write().await?;
        let header = store::order(&mut tx, id).await?;
        if header.status == OrderStatus::Cancelled {
            return Err(Error::Conflict(ConflictReason::OrderLocked));
        }
        let shop_zone = zone(&mut tx).await?;
        let local = shop_zone.to_local(now);
        let mut snapshot = self
            .snapshot(
                &mut tx,
                &header,
                kind,
                local.date(),
                shop_zone.to_local(header.accepted_at).date(),
            )
            .await?;
        let missing = missing_values(&snapshot);
        if !missing.is_empty() {
            return Err(missing.into());
        }
        let (year, number, version) = match store::last_issued(&mut tx, header.seq, kind).await? {
            Some((year, number, version)) => (year, number, version + 1),
            None if kind == DocumentKind::Order => (header.year, header.number, 1),
            None => {
                let year = local.year();
                (
                    year,
                    stock_store::next_number(&mut tx, kind.series(), year).await?,
                    1,
                )
            }
        };
        let display = printed_number(kind, year, number);
        snapshot.number = display.clone();
        snapshot.version = version;
        let json = serde_json::to_string(&snapshot)
            .map_err(|e| clients::damaged(format!("snapshot: {e}")))?;
        let doc_id = IssuedDocumentId::new();
        store::insert_issued(
            &mut tx,
            &NewIssued {
                id: doc_id,
                order_seq: header.seq,
                kind,
                year,
                number,
                version,
                display: &display,
                snapshot: &json,
                issued_at: now,
            },
        )
        .await?;
        let detail = serde_json::json!({ "kind": kind, "number": display, "version": version });
        store::record(&mut tx, header.seq, now, "document_issued", &detail).await?;
        let summary = if version > 1 {
            format!("{} {display} (версия {version})", kind.title_ru())
        } else {
            format!("{} {display}", kind.title_ru())
        };
        history::append(
            &mut tx,
            header.client,
            now,
            HistoryKind::Document,
            Some(header.vehicle),
            &summary,
        )
        .await?;
        tx.commit().await?;
        Ok(IssuedDocument {
            id: doc_id,
            order: id,
            kind,
            number: display,
            version,
            issued_at: now,
            snapshot,
        })
    }

    async fn snapshot(
        &self,
        conn: &mut SqliteConnection,
        header: &OrderHeader,
        kind: DocumentKind,
        date: chrono::NaiveDate,
        accepted_on: chrono::NaiveDate,
    ) -> Result<DocumentSnapshot> {
        let view = view(conn, header.clone()).await?;
        let client = clients::get(conn, header.client).await?;
        let car = vehicles::get(conn, header.vehicle).await?;
        let shop = requisites_in(conn).await?;
        let shop_zone = zone(conn).await?;
        let mut amounts = view.totals.lines.iter().copied();
        let works = view
            .works
            .iter()
            .map(|w| WorkRow {
                line: w.line.clone(),
                mechanic: w.mechanic.clone(),
                amounts: amounts.next().unwrap_or_else(unreachable_amounts),
            })
            .collect();
        let parts = view
            .parts
            .iter()
            .map(|p| PartRow {
                line: p.line.clone(),
                amounts: amounts.next().unwrap_or_else(unreachable_amounts),
            })
            .collect();
        let total_in_words = match kind {
            DocumentKind::Invoice => {
                Some(amount_in_words(view.totals.total()).map_err(|_| overflow())?)
            }
            _ => None,
        };
        Ok(DocumentSnapshot {
            kind,
            number: String::new(),
            version: 0,
            date,
            shop,
            order_number: view.number.clone(),
            accepted_on,
            client: client_snapshot(&client),
            vehicle: vehicle_snapshot(&car),
            intake: view.intake.clone(),
            works,
            parts,
            vat_mode: view.pricing.vat,
            totals: view.totals.clone(),
            payments: view
                .payments
                .iter()
                .map(|p| PaymentRow {
                    kind: p.payment.kind,
                    method: p.payment.method,
                    amount: p.payment.amount,
                    paid_at: p.paid_at,
                    paid_on: Some(shop_zone.to_local(p.paid_at).date()),
                })
                .collect(),
            balance: view.balance,
            terms: view.terms,
            total_in_words,
        })
    }

    /// Every version of every document issued for the order, oldest first.
    pub async fn issued_documents(&self, id: RepairOrderId) -> Result<Vec<IssuedDocument>> {
        let mut conn = self.db().read().await?;
        let header = store::order(&mut conn, id).await?;
        store::issued_of_order(&mut conn, header.seq)
            .await?
            .into_iter()
            .map(issued_document)
            .collect()
    }

    /// One issued document, as it was issued.
    pub async fn issued_document(&self, id: IssuedDocumentId) -> Result<IssuedDocument> {
        let mut conn = self.db().read().await?;
        issued_document(store::issued(&mut conn, id).await?)
    }

    pub async fn shop_requisites(&self) -> Result<ShopRequisites> {
        let mut conn = self.db().read().await?;
        requisites_in(&mut conn).await
    }

    /// Saves the requisites the documents print (trimmed; lengths checked).
    /// The logo must be empty or a stored media file (set it with
    /// [`Remzona::set_shop_logo`]); the footer takes at most three lines.
    pub async fn set_shop_requisites(&self, requisites: &ShopRequisites) -> Result<ShopRequisites> {
        let mut issues = Issues::default();
        let mut clean = requisites.clone();
        for (key, value) in REQUISITE_KEYS.iter().zip(requisite_fields(&mut clean)) {
            *value = match *key {
                "warranty_text" => issues.text("warranty_text", value, MAX_WARRANTY_TEXT),
                LOGO_KEY => value.trim().to_owned(),
                FOOTER_KEY => footer_text(&mut issues, value),
                _ => issues.line(key.trim_start_matches("shop_"), value, MAX_REQUISITE),
            };
        }
        // A name that resolves to no file would print no logo without a word.
        if !clean.logo.is_empty() && self.media_path(&clean.logo).is_err() {
            issues.add("logo", IssueCode::Unavailable);
        }
        issues.into_result(())?;
        let mut tx = self.db().begin_write().await?;
        for (key, value) in REQUISITE_KEYS.iter().zip(requisite_fields(&mut clean)) {
            stock_store::set_setting(&mut tx, key, value).await?;
        }
        tx.commit().await?;
        Ok(clean)
    }

    /// Sets the logo the documents print from an image the operator chose
    /// (PNG or JPEG, copied into the media folder under a new name), or
    /// removes it with `None`. Documents issued before keep the logo they
    /// were issued with: the old file stays.
    pub async fn set_shop_logo(&self, source: Option<&std::path::Path>) -> Result<ShopRequisites> {
        let name = match source {
            Some(path) => self.store_image(crate::media::MediaKind::Logo, path, "logo")?,
            None => String::new(),
        };
        let mut tx = self.db().begin_write().await?;
        stock_store::set_setting(&mut tx, LOGO_KEY, &name).await?;
        let requisites = requisites_in(&mut tx).await?;
        tx.commit().await?;
        Ok(requisites)
    }

    /// The VAT mode new orders are priced with.
    pub async fn vat_mode(&self) -> Result<VatMode> {
        let mut conn = self.db().read().await?;
        vat_mode_in(&mut conn).await
    }

    pub async fn set_vat_mode(&self, mode: VatMode) -> Result<()> {
        let json =
            serde_json::to_string(&mode).map_err(|e| clients::damaged(format!("vat mode: {e}")))?;
        let mut tx = self.db().begin_write().await?;
        stock_store::set_setting(&mut tx, VAT_MODE, &json).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Records the intake's odometer reading on the car when it is new; a
/// reading below the last one needs the intake's reason (`odometer`).
async fn record_reading(
    conn: &mut SqliteConnection,
    client: ClientId,
    vehicle: VehicleId,
    valid: &ValidIntake,
    now: DateTime<Utc>,
) -> Result<()> {
    let last = vehicles::last_odometer(conn, vehicle).await?;
    let Some(km) = valid.intake.odometer_km.filter(|km| last != Some(*km)) else {
        return Ok(());
    };
    if let Err(issue) = check_odometer(last, km, &valid.odometer_reason) {
        let mut issues = Issues::default();
        issues.add_limit("odometer", issue, last.unwrap_or(0) as usize);
        return Err(issues.into());
    }
    vehicles::record_odometer(conn, vehicle, km, &valid.odometer_reason, now).await?;
    let detail = format!("{km} km");
    history::append(
        conn,
        client,
        now,
        HistoryKind::OdometerRecorded,
        Some(vehicle),
        &detail,
    )
    .await
}

/// The order, refused when it is issued or cancelled.
async fn editable(conn: &mut SqliteConnection, id: RepairOrderId) -> Result<OrderHeader> {
    let header = store::order(conn, id).await?;
    ensure_editable(header.status).map_err(status_error)?;
    Ok(header)
}

async fn check_room(
    conn: &mut SqliteConnection,
    order_seq: i64,
    issues: &mut Issues,
) -> Result<()> {
    let count =
        store::works(conn, order_seq).await?.len() + store::parts(conn, order_seq).await?.len();
    if count >= MAX_ORDER_LINES {
        issues.add_limit("works", IssueCode::TooMany, MAX_ORDER_LINES);
    }
    Ok(())
}

/// Loads the lines and payments and computes the totals and the balance.
async fn view(conn: &mut SqliteConnection, header: OrderHeader) -> Result<OrderView> {
    let client = clients::client_ref(conn, header.client).await?;
    let car = vehicles::get(conn, header.vehicle).await?;
    let works: Vec<WorkItem> = store::works(conn, header.seq)
        .await?
        .into_iter()
        .map(|(id, line, mechanic)| WorkItem { id, line, mechanic })
        .collect();
    let parts: Vec<PartItem> = store::parts(conn, header.seq)
        .await?
        .into_iter()
        .map(|p| PartItem {
            id: p.id,
            line: p.line,
        })
        .collect();
    let work_lines: Vec<WorkLine> = works.iter().map(|w| w.line.clone()).collect();
    let part_lines: Vec<PartLine> = parts.iter().map(|p| p.line.clone()).collect();
    let totals =
        Totals::of_order(&work_lines, &part_lines, &header.pricing).map_err(|_| overflow())?;
    let payments: Vec<PaymentItem> = store::payments(conn, header.seq)
        .await?
        .into_iter()
        .map(|p| PaymentItem {
            id: p.id,
            payment: p.payment,
            comment: p.comment,
            paid_at: p.paid_at,
        })
        .collect();
    let due = if header.status == OrderStatus::Cancelled {
        Money::ZERO
    } else {
        totals.total()
    };
    let list: Vec<OrderPayment> = payments.iter().map(|p| p.payment).collect();
    let balance = balance(due, &list).map_err(payment_error)?;
    Ok(OrderView {
        id: header.id,
        number: printed_number(DocumentKind::Order, header.year, header.number),
        status: header.status,
        actions: header.status.actions(),
        client,
        vehicle: vehicles::brief_of(&car),
        appointment: header.appointment,
        intake: header.intake,
        terms: header.terms,
        pricing: header.pricing,
        works,
        parts,
        totals,
        payments,
        balance,
        accepted_at: header.accepted_at,
        issued_at: header.issued_at,
    })
}

/// The footer trimmed line by line, at most [`MAX_FOOTER_LINES`] lines of
/// [`MAX_FOOTER`] characters in all.
fn footer_text(issues: &mut Issues, value: &str) -> String {
    let text = issues.text("footer", value, MAX_FOOTER);
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    if lines.len() > MAX_FOOTER_LINES {
        issues.add_limit("footer", IssueCode::TooMany, MAX_FOOTER_LINES);
    }
    lines.join("\n")
}

async fn vat_mode_in(conn: &mut SqliteConnection) -> Result<VatMode> {
    Ok(stock_store::setting(conn, VAT_MODE)
        .await?
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default())
}

async fn requisites_in(conn: &mut SqliteConnection) -> Result<ShopRequisites> {
    let mut requisites = ShopRequisites::default();
    for (key, value) in REQUISITE_KEYS.iter().zip(requisite_fields(&mut requisites)) {
        *value = stock_store::setting(conn, key).await?.unwrap_or_default();
    }
    Ok(requisites)
}

fn client_snapshot(client: &Client) -> ClientSnapshot {
    let phone = client
        .phones
        .iter()
        .find(|p| p.primary)
        .or_else(|| client.phones.first())
        .map(|p| p.number.as_e164().to_owned())
        .unwrap_or_default();
    let company = &client.company;
    let (name, address) = match client.kind {
        ClientKind::Company => (
            if company.full_name.is_empty() {
                client.display_name.clone()
            } else {
                company.full_name.clone()
            },
            if company.legal_address.is_empty() {
                client.address.clone()
            } else {
                company.legal_address.clone()
            },
        ),
        ClientKind::Person => (client.display_name.clone(), client.address.clone()),
    };
    ClientSnapshot {
        kind: client.kind,
        name,
        phone,
        address,
        inn: company.inn.clone(),
        kpp: company.kpp.clone(),
        bank_account: company.bank_account.clone(),
        bank_name: company.bank_name.clone(),
        bik: company.bik.clone(),
        corr_account: company.corr_account.clone(),
    }
}

fn vehicle_snapshot(car: &Vehicle) -> VehicleSnapshot {
    VehicleSnapshot {
        make: car.make.clone(),
        model: car.model.clone(),
        year: car.year,
        plate: car.plate_display.clone().unwrap_or_default(),
        vin: car.vin.clone().unwrap_or_default(),
        engine_number: car.engine_number.clone(),
        colour: car.colour.clone(),
    }
}

fn issued_document(stored: StoredIssued) -> Result<IssuedDocument> {
    let snapshot: DocumentSnapshot = serde_json::from_str(&stored.snapshot)
        .map_err(|e| clients::damaged(format!("issued document {}: {e}", stored.id)))?;
    Ok(IssuedDocument {
        id: stored.id,
        order: stored.order,
        kind: stored.kind,
        number: stored.display,
        version: stored.version,
        issued_at: stored.issued_at,
        snapshot,
    })
}

/// `Totals::lines` has one entry per line, works then parts; a missing one
/// cannot happen, and prints as zeros rather than failing the document.
fn unreachable_amounts() -> crate::domain::order::totals::LineAmounts {
    crate::domain::order::totals::LineAmounts {
        kind: crate::domain::order::line::LineKind::Work,
        gross: Money::ZERO,
        discount: Money::ZERO,
        net: Money::ZERO,
        vat_rate: crate::domain::order::vat::VatRate::Without,
        vat: Money::ZERO,
        total: Money::ZERO,
    }
}

fn status_error(error: StatusError) -> Error {
    let mut issues = Issues::default();
    match error {
        StatusError::Locked { .. } => return Error::Conflict(ConflictReason::OrderLocked),
        StatusError::NotAllowed { .. } => {
            return Error::Conflict(ConflictReason::OrderActionNotAllowed);
        }
        StatusError::ReasonRequired => issues.add("reason", IssueCode::Required),
        StatusError::ReasonTooLong { max } => issues.add_limit("reason", IssueCode::TooLong, max),
    }
    Error::Validation(issues)
}

fn payment_error(error: PaymentError) -> Error {
    match error {
        PaymentError::OrderCancelled => Error::Conflict(ConflictReason::OrderCancelled),
        _ => overflow(),
    }
}

/// A sum beyond any real shop's totals: reported on the lines, never wrapped.
/// The standing over these orders (the client's, already read).
pub(crate) fn balance_of(orders: &[OrderView]) -> Result<Balance> {
    let balances: Vec<Balance> = orders.iter().map(|order| order.balance).collect();
    client_balance(&balances).map_err(|_| overflow())
}

fn overflow() -> Error {
    let mut issues = Issues::default();
    issues.add("works", IssueCode::OutOfRange);
    Error::Validation(issues)
}
