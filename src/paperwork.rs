//! What the desk does with issued documents: lists them on the client's and
//! the car's cards, prints (a PDF for the system viewer), saves where the
//! operator chose, and e-mails them to the client through the shop's SMTP
//! server; the товарный чек of a counter sale is printed and saved the same
//! way. The document is always drawn from its frozen snapshot, so each of
//! these gives the same pages as the day it was issued.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::Remzona;
use crate::db::orders::{self as store, IssuedOf};
use crate::domain::email::Email;
use crate::domain::ids::{
    AppointmentId, ClientId, IssuedDocumentId, RepairOrderId, StockDocId, VehicleId,
};
use crate::domain::order::payment::Balance;
use crate::domain::order::snapshot::{DocumentKind, DocumentSnapshot, printed_number};
use crate::domain::validation::{IssueCode, Issues};
use crate::error::Result;
use crate::orders::{OrderView, balance_of};
use crate::reminders::gateway::SendOutcome;
use crate::reminders::gateways::Letter;
use crate::reminders::secrets::SecretStore;

/// A document as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DocumentBrief {
    pub id: IssuedDocumentId,
    pub order: RepairOrderId,
    /// `ЗН-2026-000123`.
    pub order_number: String,
    pub vehicle: VehicleId,
    pub kind: DocumentKind,
    /// `АП-2026-000007`.
    pub number: String,
    pub version: u32,
    pub issued_at: DateTime<Utc>,
}

/// The client card's orders, documents and standing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClientOrders {
    /// Oldest first.
    pub orders: Vec<OrderView>,
    /// Newest first.
    pub documents: Vec<DocumentBrief>,
    pub balance: Balance,
}

/// What became of a document sent by e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct EmailResult {
    pub accepted: bool,
    /// The address it went to, as normalised.
    pub to: String,
    /// The server's words, when refused.
    pub error: Option<String>,
}

/// Where «Печать» puts the PDFs it hands to the system viewer.
const PRINT_FOLDER: &str = "remzona-print";

impl Remzona {
    /// Every document issued for the client's orders, newest first.
    pub async fn client_documents(&self, client: ClientId) -> Result<Vec<DocumentBrief>> {
        let mut conn = self.db().read().await?;
        let rows = store::issued_of(&mut conn, IssuedOf::Client(client)).await?;
        Ok(rows.into_iter().map(brief).collect())
    }

    /// The client card's section: the orders read once, their balance
    /// computed from them, and the documents.
    pub async fn client_orders(&self, client: ClientId) -> Result<ClientOrders> {
        let orders = self.client_repair_orders(client).await?;
        let balance = balance_of(&orders)?;
        Ok(ClientOrders {
            orders,
            documents: self.client_documents(client).await?,
            balance,
        })
    }

    /// Every document issued for the car's orders, newest first.
    pub async fn vehicle_documents(&self, vehicle: VehicleId) -> Result<Vec<DocumentBrief>> {
        let mut conn = self.db().read().await?;
        let rows = store::issued_of(&mut conn, IssuedOf::Vehicle(vehicle)).await?;
        Ok(rows.into_iter().map(brief).collect())
    }

    /// The order an appointment became («Клиент приехал»), if any.
    pub async fn order_of_appointment(
        &self,
        appointment: AppointmentId,
    ) -> Result<Option<RepairOrderId>> {
        let mut conn = self.db().read().await?;
        store::order_of_appointment(&mut conn, appointment).await
    }

    /// Writes the document's PDF to `path` (the operator's «Сохранить»):
    /// a complete file or none, never a half-written one.
    pub async fn save_document(&self, id: IssuedDocumentId, path: &Path) -> Result<()> {
        let pdf = self.render_issued_document(id).await?;
        write_whole(path, &pdf)
    }

    /// Renders the document into the system's temporary folder for «Печать»
    /// and returns the file to open in the viewer. The name carries the
    /// number and version, so the viewer's title says which it is.
    pub async fn print_file(&self, id: IssuedDocumentId) -> Result<PathBuf> {
        let issued = self.issued_document(id).await?;
        let pdf = self.render_snapshot(&issued.snapshot)?;
        print_copy(&file_name(&issued.number, issued.version), &pdf)
    }

    /// The товарный чек of a counter sale, for «Печать» (as [`Self::print_file`]).
    pub async fn sale_receipt_print_file(&self, doc: StockDocId) -> Result<PathBuf> {
        let receipt = self.sale_receipt(doc).await?;
        let pdf = self.render_receipt_of_sale(&receipt)?;
        print_copy(&format!("Товарный чек {}.pdf", receipt.number), &pdf)
    }

    /// Writes the товарный чек of a counter sale to `path`.
    pub async fn save_sale_receipt(&self, doc: StockDocId, path: &Path) -> Result<()> {
        let pdf = self.render_sale_receipt(doc).await?;
        write_whole(path, &pdf)
    }

    /// Sends the document to `to` with the PDF attached, through the shop's
    /// SMTP server as set up for reminders, and notes it in the order's
    /// history. A wrong address is a validation issue on `to`; a server that
    /// refuses comes back as `accepted: false` with its words.
    pub async fn email_document(
        &self,
        id: IssuedDocumentId,
        to: &str,
        secrets: &dyn SecretStore,
    ) -> Result<EmailResult> {
        let address = Email::parse(to).map_err(|_| {
            let mut issues = Issues::default();
            issues.add("to", IssueCode::EmailInvalid);
            crate::Error::from(issues)
        })?;
        let gateway = self.smtp_gateway(secrets).await?;
        let issued = self.issued_document(id).await?;
        let pdf = self.render_snapshot(&issued.snapshot)?;
        let letter = Letter {
            to: address.as_str().to_owned(),
            subject: subject(&issued.snapshot),
            text: letter_text(&issued.snapshot),
            file_name: file_name(&issued.number, issued.version),
            pdf,
        };
        let result = match gateway.send_letter(&letter).await {
            SendOutcome::Accepted { .. } => EmailResult {
                accepted: true,
                to: letter.to,
                error: None,
            },
            SendOutcome::Refused(failure) => EmailResult {
                accepted: false,
                to: letter.to,
                error: Some(failure.error),
            },
        };
        if result.accepted {
            self.note_emailed(issued.order, &issued.number, &result.to)
                .await?;
        }
        Ok(result)
    }

    async fn note_emailed(&self, order: RepairOrderId, number: &str, to: &str) -> Result<()> {
        let mut tx = self.db().begin_write().await?;
        let header = store::order(&mut tx, order).await?;
        let detail = serde_json::json!({ "number": number, "to": to });
        store::record(&mut tx, header.seq, self.now(), "document_emailed", &detail).await?;
        tx.commit().await?;
        Ok(())
    }
}

fn brief(row: store::IssuedBrief) -> DocumentBrief {
    DocumentBrief {
        id: row.id,
        order: row.order,
        order_number: printed_number(DocumentKind::Order, row.order_year, row.order_number),
        vehicle: row.vehicle,
        kind: row.kind,
        number: row.display,
        version: row.version,
        issued_at: row.issued_at,
    }
}

/// `ЗН-2026-000123.pdf`; a later version `ЗН-2026-000123 (версия 2).pdf`.
fn file_name(number: &str, version: u32) -> String {
    if version > 1 {
        format!("{number} (версия {version}).pdf")
    } else {
        format!("{number}.pdf")
    }
}

/// «Акт выполненных работ № АВ-2026-000004 — Автосервис «Ремзона»».
fn subject(snapshot: &DocumentSnapshot) -> String {
    let shop = snapshot.shop.name.trim();
    let title = format!("{} № {}", snapshot.kind.title_ru(), snapshot.number);
    if shop.is_empty() {
        title
    } else {
        format!("{title} — {shop}")
    }
}

fn letter_text(snapshot: &DocumentSnapshot) -> String {
    let car = [
        snapshot.vehicle.make.as_str(),
        snapshot.vehicle.model.as_str(),
        snapshot.vehicle.plate.as_str(),
    ]
    .iter()
    .map(|part| part.trim())
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    let mut text = format!(
        "Здравствуйте!\n\nВо вложении — {} № {} от {}",
        snapshot.kind.title_ru(),
        snapshot.number,
        snapshot.date.format("%d.%m.%Y"),
    );
    if !car.is_empty() {
        text.push_str(&format!(" по автомобилю {car}"));
    }
    text.push_str(&format!(" (заказ-наряд № {}).", snapshot.order_number));
    let signature: Vec<&str> = [snapshot.shop.name.trim(), snapshot.shop.phone.trim()]
        .into_iter()
        .filter(|line| !line.is_empty())
        .collect();
    if !signature.is_empty() {
        text.push_str("\n\n");
        text.push_str(&signature.join("\n"));
    }
    text
}

/// Puts a PDF into the system's temporary folder for the viewer to open.
fn print_copy(name: &str, pdf: &[u8]) -> Result<PathBuf> {
    let folder = std::env::temp_dir().join(PRINT_FOLDER);
    std::fs::create_dir_all(&folder)?;
    let path = folder.join(name);
    write_whole(&path, pdf)?;
    Ok(path)
}

/// Writes beside the target and renames: a reader never sees half a PDF.
fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let partial = path.with_extension("pdf.partial");
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, path)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_carry_the_number_and_a_later_version() {
        assert_eq!(file_name("ЗН-2026-000012", 1), "ЗН-2026-000012.pdf");
        assert_eq!(
            file_name("АП-2026-000003", 2),
            "АП-2026-000003 (версия 2).pdf"
        );
    }
}
