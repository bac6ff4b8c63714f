//! Repair orders: intake («Клиент приехал» or a walk-in), the order's works,
//! parts, status and payments, the documents issued from it (print, save,
//! e-mail), intake photos, and the shop's requisites the documents print.

use remzona::documents::body_diagram::{View, svg_views};
use remzona::domain::ids::{
    AppointmentId, ClientId, IssuedDocumentId, OrderLineId, RepairOrderId, StockDocId, VehicleId,
};
use remzona::domain::order::intake::{BodyView, IntakeDraft};
use remzona::domain::order::line::{PartLineDraft, WorkLineDraft};
use remzona::domain::order::payment::PaymentDraft;
use remzona::domain::order::snapshot::{DocumentKind, ShopRequisites};
use remzona::domain::order::status::{OrderEvent, OrderStatus};
use remzona::domain::order::terms::OrderTermsDraft;
use remzona::domain::order::vat::VatMode;
use remzona::media::MediaKind;
use remzona::orders::{IssuedDocument, OrderHistoryEntry, OrderView};
use remzona::paperwork::{ClientOrders, DocumentBrief, EmailResult};
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn orders_take_in(
    state: State<'_, AppState>,
    appointment: AppointmentId,
    draft: IntakeDraft,
) -> ApiResult<OrderView> {
    Ok(state.shop.take_in(appointment, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn orders_take_in_walk_in(
    state: State<'_, AppState>,
    client: ClientId,
    vehicle: VehicleId,
    draft: IntakeDraft,
) -> ApiResult<OrderView> {
    Ok(state.shop.take_in_walk_in(client, vehicle, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn orders_get(state: State<'_, AppState>, id: RepairOrderId) -> ApiResult<OrderView> {
    Ok(state.shop.repair_order(id).await?)
}

/// Newest first; `status` narrows to one status.
#[tauri::command]
#[specta::specta]
pub async fn orders_list(
    state: State<'_, AppState>,
    status: Option<OrderStatus>,
    limit: u32,
) -> ApiResult<Vec<OrderView>> {
    Ok(state.shop.repair_orders(status, limit).await?)
}

/// The order an appointment became, for its window's «Открыть заказ-наряд».
#[tauri::command]
#[specta::specta]
pub async fn orders_of_appointment(
    state: State<'_, AppState>,
    appointment: AppointmentId,
) -> ApiResult<Option<RepairOrderId>> {
    Ok(state.shop.order_of_appointment(appointment).await?)
}

/// The client card's orders, documents and balance.
#[tauri::command]
#[specta::specta]
pub async fn orders_of_client(
    state: State<'_, AppState>,
    client: ClientId,
) -> ApiResult<ClientOrders> {
    Ok(state.shop.client_orders(client).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn orders_update_intake(
    state: State<'_, AppState>,
    id: RepairOrderId,
    draft: IntakeDraft,
) -> ApiResult<OrderView> {
    Ok(state.shop.update_intake(id, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn orders_set_terms(
    state: State<'_, AppState>,
    id: RepairOrderId,
    draft: OrderTermsDraft,
) -> ApiResult<OrderView> {
    Ok(state.shop.set_order_terms(id, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn orders_add_work(
    state: State<'_, AppState>,
    order: RepairOrderId,
    draft: WorkLineDraft,
) -> ApiResult<OrderView> {
    Ok(state.shop.add_work(order, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn orders_update_work(
    state: State<'_, AppState>,
    order: RepairOrderId,
    line: OrderLineId,
    draft: WorkLineDraft,
) -> ApiResult<OrderView> {
    Ok(state.shop.update_work(order, line, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn orders_remove_work(
    state: State<'_, AppState>,
    order: RepairOrderId,
    line: OrderLineId,
) -> ApiResult<OrderView> {
    Ok(state.shop.remove_work(order, line).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn orders_add_part(
    state: State<'_, AppState>,
    order: RepairOrderId,
    draft: PartLineDraft,
) -> ApiResult<OrderView> {
    Ok(state.shop.add_part(order, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn orders_update_part(
    state: State<'_, AppState>,
    order: RepairOrderId,
    line: OrderLineId,
    draft: PartLineDraft,
) -> ApiResult<OrderView> {
    Ok(state.shop.update_part(order, line, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn orders_remove_part(
    state: State<'_, AppState>,
    order: RepairOrderId,
    line: OrderLineId,
) -> ApiResult<OrderView> {
    Ok(state.shop.remove_part(order, line).await?)
}

/// Start, wait for parts, finish, issue, cancel, reopen (with a reason).
#[tauri::command]
#[specta::specta]
pub async fn orders_change_status(
    state: State<'_, AppState>,
    id: RepairOrderId,
    event: OrderEvent,
) -> ApiResult<OrderView> {
    Ok(state.shop.change_order_status(id, &event).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn orders_record_payment(
    state: State<'_, AppState>,
    id: RepairOrderId,
    draft: PaymentDraft,
) -> ApiResult<OrderView> {
    Ok(state.shop.record_payment(id, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn orders_history(
    state: State<'_, AppState>,
    id: RepairOrderId,
) -> ApiResult<Vec<OrderHistoryEntry>> {
    Ok(state.shop.order_history(id).await?)
}

/// Copies a photo the operator chose into the app's data folder; the name
/// returned goes into the intake's `photos`.
#[tauri::command]
#[specta::specta]
pub fn photos_attach(state: State<'_, AppState>, path: String) -> ApiResult<String> {
    Ok(state
        .shop
        .store_image(MediaKind::Photo, std::path::Path::new(&path), "photos")?)
}

/// A stored photo (or the logo) as a `data:` URL for an `<img>`.
#[tauri::command]
#[specta::specta]
pub fn media_image(state: State<'_, AppState>, name: String) -> ApiResult<String> {
    Ok(state.shop.media_data_url(&name)?)
}

/// A view of the body diagram for the intake window, the very outline the
/// acceptance act prints: put `outline` and `details` (SVG path data) in
/// `<svg viewBox="0 0 {width} {height}">`.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BodyOutline {
    pub view: BodyView,
    pub width: f32,
    pub height: f32,
    pub outline: String,
    pub details: String,
}

#[tauri::command]
#[specta::specta]
pub fn intake_body_views() -> Vec<BodyOutline> {
    svg_views()
        .into_iter()
        .map(|svg| BodyOutline {
            view: match svg.view {
                View::Top => BodyView::Top,
                View::Left => BodyView::Left,
                View::Right => BodyView::Right,
                View::Front => BodyView::Front,
                View::Rear => BodyView::Rear,
            },
            width: svg.width,
            height: svg.height,
            outline: svg.outline,
            details: svg.details,
        })
        .collect()
}

/// Issues (or issues again, as a new version) a document of the order.
#[tauri::command]
#[specta::specta]
pub async fn documents_issue(
    state: State<'_, AppState>,
    order: RepairOrderId,
    kind: DocumentKind,
) -> ApiResult<IssuedDocument> {
    Ok(state.shop.issue_document(order, kind).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn documents_of_order(
    state: State<'_, AppState>,
    order: RepairOrderId,
) -> ApiResult<Vec<IssuedDocument>> {
    Ok(state.shop.issued_documents(order).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn documents_of_vehicle(
    state: State<'_, AppState>,
    vehicle: VehicleId,
) -> ApiResult<Vec<DocumentBrief>> {
    Ok(state.shop.vehicle_documents(vehicle).await?)
}

/// What «Печать» did: the PDF is written; `opened` says whether the system
/// viewer took it (when not, the window names the file to open by hand).
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PrintResult {
    pub path: String,
    pub opened: bool,
    pub error: Option<String>,
}

#[tauri::command]
#[specta::specta]
pub async fn documents_print(
    app: AppHandle,
    state: State<'_, AppState>,
    id: IssuedDocumentId,
) -> ApiResult<PrintResult> {
    let path = state.shop.print_file(id).await?;
    Ok(open_in_viewer(&app, &path))
}

/// The товарный чек of a counter sale, opened in the system viewer.
#[tauri::command]
#[specta::specta]
pub async fn sales_receipt_print(
    app: AppHandle,
    state: State<'_, AppState>,
    doc: StockDocId,
) -> ApiResult<PrintResult> {
    let path = state.shop.sale_receipt_print_file(doc).await?;
    Ok(open_in_viewer(&app, &path))
}

#[tauri::command]
#[specta::specta]
pub async fn sales_receipt_save(
    state: State<'_, AppState>,
    doc: StockDocId,
    path: String,
) -> ApiResult<()> {
    Ok(state
        .shop
        .save_sale_receipt(doc, std::path::Path::new(&path))
        .await?)
}

fn open_in_viewer(app: &AppHandle, path: &std::path::Path) -> PrintResult {
    let path = path.to_string_lossy().into_owned();
    let opened = app.opener().open_path(path.clone(), None::<&str>);
    PrintResult {
        opened: opened.is_ok(),
        error: opened.err().map(|error| error.to_string()),
        path,
    }
}

/// Writes the PDF where the operator chose in the save dialog.
#[tauri::command]
#[specta::specta]
pub async fn documents_save(
    state: State<'_, AppState>,
    id: IssuedDocumentId,
    path: String,
) -> ApiResult<()> {
    Ok(state
        .shop
        .save_document(id, std::path::Path::new(&path))
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn documents_email(
    state: State<'_, AppState>,
    id: IssuedDocumentId,
    to: String,
) -> ApiResult<EmailResult> {
    Ok(state
        .shop
        .email_document(id, &to, state.secrets.as_ref())
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn shop_requisites_get(state: State<'_, AppState>) -> ApiResult<ShopRequisites> {
    Ok(state.shop.shop_requisites().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn shop_requisites_set(
    state: State<'_, AppState>,
    requisites: ShopRequisites,
) -> ApiResult<ShopRequisites> {
    Ok(state.shop.set_shop_requisites(&requisites).await?)
}

/// Sets the logo from an image file, or removes it (`null`).
#[tauri::command]
#[specta::specta]
pub async fn shop_logo_set(
    state: State<'_, AppState>,
    path: Option<String>,
) -> ApiResult<ShopRequisites> {
    let path = path.map(std::path::PathBuf::from);
    Ok(state.shop.set_shop_logo(path.as_deref()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn vat_mode_get(state: State<'_, AppState>) -> ApiResult<VatMode> {
    Ok(state.shop.vat_mode().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn vat_mode_set(state: State<'_, AppState>, mode: VatMode) -> ApiResult<VatMode> {
    state.shop.set_vat_mode(mode).await?;
    Ok(mode)
}
