// The typed client every screen talks to. Screens never call `invoke` or
// `commands` themselves: they receive a `Backend` through Svelte context
// (see ./context.ts), so tests can hand them a fake.
import { Channel } from "@tauri-apps/api/core";
import {
  commands,
  type ExportFormat,
  type ImportColumn,
  type ImportPreview_Serialize as ImportPreview,
  type ImportProgress,
  type ImportReport_Serialize as ImportReport,
  type ProductColumn,
  type ProductImportPreview_Serialize as ProductImportPreview,
  type ProductImportReport_Serialize as ProductImportReport,
  type ApiError_Serialize as ApiError,
  type AppInfo,
  type ClientCard_Serialize as ClientCard,
  type ClientDraft_Deserialize as ClientDraft,
  type ClientId,
  type ClientSearchResult_Serialize as ClientSearchResult,
  type Client_Serialize as Client,
  type ConsentInput,
  type ConsentRecord,
  type FieldIssue_Serialize as FieldIssue,
  type LeadSourceId,
  type LeadSource,
  type MakeModels,
  type SearchOptions,
  type VehicleDetails_Serialize as VehicleDetails,
  type VehicleDraft_Deserialize as VehicleDraft,
  type VehicleId,
  type Vehicle_Serialize as Vehicle,
  type Product_Serialize as Product,
  type ProductDraft_Deserialize as ProductDraft,
  type ProductListItem_Serialize as ProductListItem,
  type ProductSearch_Deserialize as ProductSearch,
  type ProductMovement_Serialize as ProductMovement,
  type Brand,
  type Category_Serialize as Category,
  type Supplier,
  type SupplierDraft,
  type ReceiptDraft_Deserialize as ReceiptDraft,
  type WriteOffDraft_Deserialize as WriteOffDraft,
  type InventoryDraft_Deserialize as InventoryDraft,
  type SaleDraft_Deserialize as SaleDraft,
  type Sale_Serialize as Sale,
  type StockDocument_Serialize as StockDocument,
  type StockDocSummary_Serialize as StockDocSummary,
  type Warehouse,
  type StockSettings,
  type Service_Serialize as Service,
  type ServiceDraft_Deserialize as ServiceDraft,
  type ServiceSearch_Deserialize as ServiceSearch,
  type ServiceCategory_Serialize as ServiceCategory,
  type ServiceCategoryDraft,
  type Package_Serialize as Package,
  type PackageDraft,
  type PricingSettings,
  type Staff,
  type StaffDraft,
  type Bay,
  type BayDraft,
  type EmployeeId,
  type BayId,
  type ShiftPlan_Serialize as ShiftPlan,
  type StaffDays,
  type PatternPaint,
  type ExceptionPaint_Deserialize as ExceptionPaint,
  type ExceptionClearing,
  type ShiftChange_Serialize as ShiftChange,
  type ScheduleSettings,
  type ScheduleSettingsDraft,
  type ZoneChoice,
  type ScheduleView_Serialize as ScheduleView,
  type AppointmentId,
  type AppointmentDetails_Serialize as AppointmentDetails,
  type AppointmentDraft_Deserialize as AppointmentDraft,
  type Appointment_Serialize as Appointment,
  type AppointmentMove,
  type AppointmentStatus,
  type SlotQuery_Deserialize as SlotQuery,
  type SlotOffer_Serialize as SlotOffer,
  type FreeQuery_Deserialize as FreeQuery,
  type FreeAt_Serialize as FreeAt,
  type Notice,
  type ProductId,
  type BrandId,
  type CategoryId,
  type SupplierId,
  type WarehouseId,
  type StockDocId,
  type SaleId,
  type ServiceId,
  type ServiceCategoryId,
  type PackageId,
  type StockDocKind,
  type ReminderRulesDraft_Serialize as ReminderRulesDraft,
  type ShopContacts,
  type ChannelTemplate,
  type TemplateDraft,
  type TemplatePreview_Serialize as TemplatePreview,
  type GatewaySetup_Serialize as GatewaySetup,
  type GatewaySetupDraft_Serialize as GatewaySetupDraft,
  type GatewayKind,
  type ReminderChannel,
  type TestMessageResult_Serialize as TestMessageResult,
  type OutboxFilter,
  type OutboxMessage_Serialize as OutboxMessage,
  type OutboxMessageDetails_Serialize as OutboxMessageDetails,
  type PassReport,
  type CallTask_Serialize as CallTask,
  type CallOutcome,
  type OrderView_Serialize as OrderView,
  type IntakeDraft_Deserialize as IntakeDraft,
  type WorkLineDraft_Deserialize as WorkLineDraft,
  type PartLineDraft_Deserialize as PartLineDraft,
  type PaymentDraft,
  type OrderTermsDraft,
  type OrderEvent,
  type OrderStatus,
  type IssuedDocument_Serialize as IssuedDocument,
  type OrderHistoryEntry,
  type DocumentBrief,
  type EmailResult_Serialize as EmailResult,
  type PrintResult_Serialize as PrintResult,
  type ShopRequisites_Serialize as ShopRequisites,
  type VatMode,
  type ClientOrders_Serialize as ClientOrders,
  type DocumentKind,
  type RepairOrderId,
  type IssuedDocumentId,
  type OrderLineId,
  type BodyOutline,
} from "./bindings";

// Short names for the shapes the screens use: what the core sends (`_Serialize`)
// and what it accepts (`_Deserialize`).
export type {
  ExportFormat,
  ImportColumn,
  ImportPreview,
  ImportProgress,
  ImportReport,
  ProductColumn,
  ProductImportPreview,
  ProductImportReport,
  ApiError,
  AppInfo,
  Client,
  ClientCard,
  ClientDraft,
  ClientId,
  ClientSearchResult,
  ConsentInput,
  ConsentRecord,
  FieldIssue,
  LeadSource,
  LeadSourceId,
  MakeModels,
  SearchOptions,
  Vehicle,
  VehicleDetails,
  VehicleDraft,
  VehicleId,
  Product,
  ProductDraft,
  ProductListItem,
  ProductSearch,
  ProductMovement,
  Brand,
  Category,
  Supplier,
  SupplierDraft,
  ReceiptDraft,
  WriteOffDraft,
  InventoryDraft,
  SaleDraft,
  Sale,
  StockDocument,
  StockDocSummary,
  Warehouse,
  StockSettings,
  Service,
  ServiceDraft,
  ServiceSearch,
  ServiceCategory,
  ServiceCategoryDraft,
  Package,
  PackageDraft,
  PricingSettings,
  ProductId,
  BrandId,
  CategoryId,
  SupplierId,
  WarehouseId,
  StockDocId,
  SaleId,
  ServiceId,
  ServiceCategoryId,
  PackageId,
  StockDocKind,
  ReminderRulesDraft,
  ShopContacts,
  ChannelTemplate,
  TemplateDraft,
  TemplatePreview,
  GatewaySetup,
  GatewaySetupDraft,
  GatewayKind,
  TestMessageResult,
  OutboxFilter,
  OutboxMessage,
  OutboxMessageDetails,
  PassReport,
  CallTask,
  CallOutcome,
  OrderView,
  IntakeDraft,
  WorkLineDraft,
  PartLineDraft,
  PaymentDraft,
  OrderTermsDraft,
  OrderEvent,
  OrderStatus,
  IssuedDocument,
  OrderHistoryEntry,
  DocumentBrief,
  EmailResult,
  PrintResult,
  ShopRequisites,
  VatMode,
  ClientOrders,
  DocumentKind,
  RepairOrderId,
  IssuedDocumentId,
  OrderLineId,
  BodyOutline,
};
export type {
  ClientListItem_Serialize as ClientListItem,
  ClientPhone,
  ClientRef,
  Company,
  CompanyDraft,
  ConsentState_Serialize as ConsentState,
  ContactDraft_Deserialize as ContactDraft,
  ContactPerson_Serialize as ContactPerson,
  Duplicate_Serialize as Duplicate,
  HistoryEntry_Serialize as HistoryEntry,
  OdometerReading,
  Ownership_Serialize as Ownership,
  PhoneInput,
  VehicleBrief_Serialize as VehicleBrief,
  ClientKind,
  ConflictReason,
  ConsentTopic,
  DuplicateField,
  ErrorCode,
  Fuel,
  HistoryKind,
  IssueCode,
  MatchedBy,
  ReminderChannel,
  Attribute,
  NumberKind,
  PaymentMethod,
  ProductMatch,
  ProductNumber,
  SaleLine_Serialize as SaleLine,
  Intake_Serialize as Intake,
  Checklist_Serialize as Checklist,
  DamageMark,
  BodyView,
  DamageKind,
  ClientPartDraft,
  OrderAction,
  Totals,
  WorkItem_Serialize as WorkItem,
  PartItem_Serialize as PartItem,
  PaymentItem,
  PaymentKind,
  Balance,
  OrderTerms_Serialize as OrderTerms,
  SaleLineDraft,
  ReceiptLineDraft,
  QuantityLineDraft,
  CountedLineDraft,
  SkillRef,
  StockLevel,
  StockLine_Serialize as StockLine,
  PackageProduct_Serialize as PackageProduct,
  PackageProductDraft,
  Unit,
  VatRate,
  Money,
  Quantity,
  Staff,
  StaffDraft,
  Bay,
  BayDraft,
  EmployeeId,
  BayId,
  ShiftPlan_Serialize as ShiftPlan,
  PatternEntry,
  ExceptionEntry_Serialize as ExceptionEntry,
  StaffDays,
  DayShift,
  DayKind,
  DayTemplateDraft,
  PatternDraft,
  PatternType,
  ExceptionDraft_Deserialize as ExceptionDraft,
  ExceptionType,
  PatternPaint,
  ExceptionPaint_Deserialize as ExceptionPaint,
  ExceptionClearing,
  ShiftChange_Serialize as ShiftChange,
  ScheduleSettings,
  ScheduleSettingsDraft,
  ZoneChoice,
  ScheduleView_Serialize as ScheduleView,
  AppointmentId,
  AppointmentDetails_Serialize as AppointmentDetails,
  AppointmentDraft_Deserialize as AppointmentDraft,
  Appointment_Serialize as Appointment,
  AppointmentEvent_Serialize as AppointmentEvent,
  AppointmentChange_Serialize as AppointmentChange,
  Placement_Serialize as Placement,
  AppointmentService,
  AppointmentClient,
  AppointmentVehicle_Serialize as AppointmentVehicle,
  AppointmentMove,
  AppointmentStatus,
  BookingSource,
  BookingConflict,
  Interval,
  Role,
  SlotQuery_Deserialize as SlotQuery,
  SlotOffer_Serialize as SlotOffer,
  FreeQuery_Deserialize as FreeQuery,
  FreeAt_Serialize as FreeAt,
  Notice,
  NoticeKind,
  OutboxStatus,
  OutboxStep,
  ReminderKind,
  CallReason,
  SmsLength,
  SmsEncoding,
  GatewaySettingsDraft_Serialize as GatewaySettingsDraft,
  SmtpSettingsDraft_Serialize as SmtpSettingsDraft,
  SmscSettingsDraft,
  SmsRuSettingsDraft,
  TelegramSettingsDraft,
  SmtpSecurity,
  VoiceGender,
} from "./bindings";

// The generated commands return this shape; declared here so the client does
// not depend on whether a given generator version exports it.
type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

export interface Backend {
  clients: {
    search(query: string, options: SearchOptions): Promise<ClientSearchResult>;
    get(id: ClientId): Promise<Client>;
    card(id: ClientId): Promise<ClientCard>;
    validate(draft: ClientDraft): Promise<FieldIssue[]>;
    /** `allowDuplicates`: the operator confirmed a phone or ИНН another client has. */
    create(draft: ClientDraft, allowDuplicates: boolean): Promise<Client>;
    update(id: ClientId, draft: ClientDraft, allowDuplicates: boolean): Promise<Client>;
    archive(id: ClientId, archived: boolean): Promise<Client>;
    /** Merges `duplicate` into `keep`; returns the kept client. */
    merge(keep: ClientId, duplicate: ClientId): Promise<Client>;
    recordConsent(client: ClientId, input: ConsentInput): Promise<ConsentRecord[]>;
  };
  leadSources: {
    list(withArchived: boolean): Promise<LeadSource[]>;
    add(name: string): Promise<LeadSource>;
    rename(id: LeadSourceId, name: string): Promise<null>;
    archive(id: LeadSourceId, archived: boolean): Promise<null>;
  };
  vehicles: {
    get(id: VehicleId): Promise<VehicleDetails>;
    validate(draft: VehicleDraft): Promise<FieldIssue[]>;
    /** `allowDuplicates`: the operator confirmed a plate another car has (a VIN never). */
    create(owner: ClientId, draft: VehicleDraft, allowDuplicates: boolean): Promise<Vehicle>;
    update(id: VehicleId, draft: VehicleDraft, allowDuplicates: boolean): Promise<Vehicle>;
    recordOdometer(id: VehicleId, km: number, reason: string): Promise<Vehicle>;
    transfer(id: VehicleId, newOwner: ClientId): Promise<Vehicle>;
    catalogue(): Promise<MakeModels[]>;
  };
  imports: {
    /** What importing the file would do; `mapping` null = guess from the headers. */
    preview(path: string, mapping: ImportColumn[] | null): Promise<ImportPreview>;
    /** Imports all or nothing; `onprogress` drives the progress bar. */
    run(path: string, mapping: ImportColumn[] | null, onprogress: (p: ImportProgress) => void): Promise<ImportReport>;
    /** Writes every client with their cars; resolves to the number of rows. */
    exportClients(path: string, format: ExportFormat): Promise<number>;
  };
  productImports: {
    /** What importing the price list or catalogue would do; `mapping` null = guess from the headers. */
    preview(path: string, mapping: ProductColumn[] | null): Promise<ProductImportPreview>;
    /** Imports all or nothing, updating by article and brand; `onprogress` drives the progress bar. */
    run(
      path: string,
      mapping: ProductColumn[] | null,
      onprogress: (p: ImportProgress) => void,
    ): Promise<ProductImportReport>;
    /** Writes every product; resolves to the number of rows. */
    exportProducts(path: string, format: ExportFormat): Promise<number>;
  };
  products: {
    search(search: ProductSearch): Promise<ProductListItem[]>;
    get(id: ProductId): Promise<Product>;
    validate(draft: ProductDraft): Promise<FieldIssue[]>;
    create(draft: ProductDraft): Promise<Product>;
    update(id: ProductId, draft: ProductDraft): Promise<Product>;
    archive(id: ProductId, archived: boolean): Promise<null>;
    /** What came and went, newest first. */
    movements(id: ProductId): Promise<ProductMovement[]>;
    brands(): Promise<Brand[]>;
    renameBrand(id: BrandId, name: string): Promise<null>;
    archiveBrand(id: BrandId, archived: boolean): Promise<null>;
    categories(withArchived: boolean): Promise<Category[]>;
    addCategory(parent: CategoryId | null, name: string): Promise<CategoryId>;
    renameCategory(id: CategoryId, name: string): Promise<null>;
    archiveCategory(id: CategoryId, archived: boolean): Promise<null>;
    suppliers(withArchived: boolean): Promise<Supplier[]>;
    /** Adds a supplier (`id` null) or changes one. */
    saveSupplier(id: SupplierId | null, draft: SupplierDraft): Promise<SupplierId>;
    archiveSupplier(id: SupplierId, archived: boolean): Promise<null>;
  };
  stock: {
    receive(draft: ReceiptDraft): Promise<StockDocument>;
    writeOff(draft: WriteOffDraft): Promise<StockDocument>;
    inventory(draft: InventoryDraft): Promise<StockDocument>;
    /** A counter sale: stock out and payment in, in one transaction. */
    sell(draft: SaleDraft): Promise<Sale>;
    document(id: StockDocId): Promise<StockDocument>;
    /** The journal of stock documents, newest first; `kind` null = all kinds. */
    documents(kind: StockDocKind | null, limit: number): Promise<StockDocSummary[]>;
    sale(id: SaleId): Promise<Sale>;
    /** The товарный чек of a counter sale's stock document, opened in the system viewer. */
    printSaleReceipt(doc: StockDocId): Promise<PrintResult>;
    saveSaleReceipt(doc: StockDocId, path: string): Promise<null>;
    warehouses(withArchived: boolean): Promise<Warehouse[]>;
    addWarehouse(name: string): Promise<WarehouseId>;
    renameWarehouse(id: WarehouseId, name: string): Promise<null>;
    archiveWarehouse(id: WarehouseId, archived: boolean): Promise<null>;
    settings(): Promise<StockSettings>;
    setSettings(settings: StockSettings): Promise<null>;
  };
  prices: {
    search(search: ServiceSearch): Promise<Service[]>;
    get(id: ServiceId): Promise<Service>;
    validate(draft: ServiceDraft): Promise<FieldIssue[]>;
    create(draft: ServiceDraft): Promise<Service>;
    update(id: ServiceId, draft: ServiceDraft): Promise<Service>;
    archive(id: ServiceId, archived: boolean): Promise<null>;
    categories(withArchived: boolean): Promise<ServiceCategory[]>;
    /** Adds a category (`id` null) or changes its name and hourly rate. */
    saveCategory(id: ServiceCategoryId | null, draft: ServiceCategoryDraft): Promise<ServiceCategoryId>;
    archiveCategory(id: ServiceCategoryId, archived: boolean): Promise<null>;
    packages(withArchived: boolean): Promise<Package[]>;
    createPackage(draft: PackageDraft): Promise<Package>;
    updatePackage(id: PackageId, draft: PackageDraft): Promise<Package>;
    archivePackage(id: PackageId, archived: boolean): Promise<null>;
    pricing(): Promise<PricingSettings>;
    /** The shop's hourly rate as typed (`2 500`). */
    setHourlyRate(rate: string): Promise<PricingSettings>;
  };
  schedule: {
    staff(withInactive: boolean): Promise<Staff[]>;
    /** Adds a person (`id` null) or changes one. */
    saveStaff(id: EmployeeId | null, draft: StaffDraft): Promise<Staff>;
    bays(withInactive: boolean): Promise<Bay[]>;
    saveBay(id: BayId | null, draft: BayDraft): Promise<Bay>;
    shiftPlan(employee: EmployeeId): Promise<ShiftPlan>;
    /** The days `from..=to` (yyyy-MM-dd) of every active mechanic, or of one. */
    shiftDays(from: string, to: string, employee: EmployeeId | null): Promise<StaffDays[]>;
    paintPattern(paint: PatternPaint): Promise<ShiftChange>;
    deletePattern(id: number): Promise<ShiftChange>;
    paintException(paint: ExceptionPaint): Promise<ShiftChange>;
    clearExceptions(clearing: ExceptionClearing): Promise<ShiftChange>;
    settings(): Promise<ScheduleSettings>;
    setSettings(draft: ScheduleSettingsDraft): Promise<ScheduleSettings>;
    /** The zones a shop may choose, west to east. */
    zones(): Promise<ZoneChoice[]>;
    /** Everything the calendar draws for `from..=to`. */
    load(from: string, to: string): Promise<ScheduleView>;
    /** The shop's time now, `yyyy-MM-ddTHH:mm:ss`. */
    now(): Promise<string>;
  };
  appointments: {
    get(id: AppointmentId): Promise<AppointmentDetails>;
    validate(draft: AppointmentDraft): Promise<FieldIssue[]>;
    create(draft: AppointmentDraft): Promise<Appointment>;
    update(id: AppointmentId, draft: AppointmentDraft): Promise<Appointment>;
    /** A drag or a resize on the calendar. */
    move(id: AppointmentId, to: AppointmentMove): Promise<Appointment>;
    setStatus(id: AppointmentId, status: AppointmentStatus): Promise<Appointment>;
    /** The nearest free times. */
    findSlots(query: SlotQuery): Promise<SlotOffer[]>;
    /** Who is free for the whole work from a start. */
    freeAt(query: FreeQuery): Promise<FreeAt>;
    /** The desktop notices due now; each comes once, ever. */
    takeDueNotices(): Promise<Notice[]>;
  };
  reminders: {
    /** When reminders go out; times as the form shows them («10:00»). */
    rules(): Promise<ReminderRulesDraft>;
    setRules(draft: ReminderRulesDraft): Promise<ReminderRulesDraft>;
    /** The shop's name, address and phone the texts mention. */
    shopContacts(): Promise<ShopContacts>;
    setShopContacts(contacts: ShopContacts): Promise<ShopContacts>;
    /** Every text channel's template, in the editor's order. */
    templates(): Promise<ChannelTemplate[]>;
    /** Unknown placeholders come back as `unknown_value` issues naming the fragment. */
    saveTemplate(draft: TemplateDraft): Promise<ChannelTemplate>;
    resetTemplate(channel: ReminderChannel): Promise<ChannelTemplate>;
    /** The draft rendered with an appointment's values (example ones when null), and its SMS length. */
    previewTemplate(draft: TemplateDraft, appointment: AppointmentId | null): Promise<TemplatePreview>;
    outbox(filter: OutboxFilter): Promise<OutboxMessage[]>;
    /** A message with its history, oldest step first. */
    message(id: number): Promise<OutboxMessageDetails>;
    /** Sends a failed (or waiting) message again now. */
    retry(id: number): Promise<OutboxMessageDetails>;
    /** Cancels a message still waiting to go. */
    cancel(id: number): Promise<OutboxMessageDetails>;
    /** Final failures since the last call, each once ever: the desktop notices. */
    takeFailures(): Promise<OutboxMessage[]>;
    /** Plans and sends now, without waiting for the timer. */
    runNow(): Promise<PassReport>;
    /** A new deep link that binds the client's Telegram chat to the shop's bot. */
    telegramLink(client: ClientId): Promise<string>;
  };
  gateways: {
    /** Every gateway, set up or not; secrets never, only whether one is kept. */
    list(): Promise<GatewaySetup[]>;
    /** `secret`: null keeps the stored one, "" removes it. */
    save(draft: GatewaySetupDraft): Promise<GatewaySetup>;
    /** Sends the channel's template with example values through the saved gateway. */
    test(kind: GatewayKind, channel: ReminderChannel, recipient: string): Promise<TestMessageResult>;
  };
  calls: {
    /** The calls about visits on `day` (yyyy-MM-dd; tomorrow when null). */
    list(day: string | null): Promise<CallTask[]>;
    record(id: number, outcome: CallOutcome): Promise<CallTask>;
  };
  orders: {
    /** «Клиент приехал»: the appointment becomes an order with this intake. */
    takeIn(appointment: AppointmentId, draft: IntakeDraft): Promise<OrderView>;
    takeInWalkIn(client: ClientId, vehicle: VehicleId, draft: IntakeDraft): Promise<OrderView>;
    get(id: RepairOrderId): Promise<OrderView>;
    /** Newest first; null: every status. */
    list(status: OrderStatus | null, limit: number): Promise<OrderView[]>;
    /** The order an appointment became, if any. */
    ofAppointment(appointment: AppointmentId): Promise<RepairOrderId | null>;
    /** The client card's orders, documents and balance. */
    ofClient(client: ClientId): Promise<ClientOrders>;
    updateIntake(id: RepairOrderId, draft: IntakeDraft): Promise<OrderView>;
    setTerms(id: RepairOrderId, draft: OrderTermsDraft): Promise<OrderView>;
    addWork(order: RepairOrderId, draft: WorkLineDraft): Promise<OrderView>;
    updateWork(order: RepairOrderId, line: OrderLineId, draft: WorkLineDraft): Promise<OrderView>;
    removeWork(order: RepairOrderId, line: OrderLineId): Promise<OrderView>;
    addPart(order: RepairOrderId, draft: PartLineDraft): Promise<OrderView>;
    updatePart(order: RepairOrderId, line: OrderLineId, draft: PartLineDraft): Promise<OrderView>;
    removePart(order: RepairOrderId, line: OrderLineId): Promise<OrderView>;
    changeStatus(id: RepairOrderId, event: OrderEvent): Promise<OrderView>;
    recordPayment(id: RepairOrderId, draft: PaymentDraft): Promise<OrderView>;
    history(id: RepairOrderId): Promise<OrderHistoryEntry[]>;
    /** Copies a chosen photo into the app's data folder; the name goes into the intake. */
    attachPhoto(path: string): Promise<string>;
    /** A stored photo or logo as a `data:` URL. */
    image(name: string): Promise<string>;
    /** The body diagram's views, the outline the acceptance act prints. */
    bodyViews(): Promise<BodyOutline[]>;
  };
  documents: {
    /** Issues the kind for the order (again: a new version under the same number). */
    issue(order: RepairOrderId, kind: DocumentKind): Promise<IssuedDocument>;
    ofOrder(order: RepairOrderId): Promise<IssuedDocument[]>;
    ofVehicle(vehicle: VehicleId): Promise<DocumentBrief[]>;
    /** Writes the PDF and opens it in the system viewer. */
    print(id: IssuedDocumentId): Promise<PrintResult>;
    save(id: IssuedDocumentId, path: string): Promise<null>;
    email(id: IssuedDocumentId, to: string): Promise<EmailResult>;
  };
  shop: {
    requisites(): Promise<ShopRequisites>;
    setRequisites(requisites: ShopRequisites): Promise<ShopRequisites>;
    /** An image file's path, or null to remove the logo. */
    setLogo(path: string | null): Promise<ShopRequisites>;
    vatMode(): Promise<VatMode>;
    setVatMode(mode: VatMode): Promise<VatMode>;
  };
  app: {
    info(): Promise<AppInfo>;
  };
}

/** A failure reported by the core, with its stable code. */
export class ApiFailure extends Error {
  readonly error: ApiError;

  constructor(error: ApiError) {
    super(error.message || error.code);
    this.name = "ApiFailure";
    this.error = error;
  }
}

export function isApiFailure(e: unknown): e is ApiFailure {
  return e instanceof ApiFailure;
}

function unwrap<T>(result: Result<T, ApiError>): T {
  if (result.status === "ok") return result.data;
  throw new ApiFailure(result.error);
}

/** The real back end: the Tauri commands generated from the Rust core. */
export function tauriBackend(): Backend {
  return {
    clients: {
      search: async (query, options) => unwrap(await commands.clientsSearch(query, options)),
      get: async (id) => unwrap(await commands.clientsGet(id)),
      card: async (id) => unwrap(await commands.clientsCard(id)),
      validate: async (draft) => unwrap(await commands.clientsValidate(draft)),
      create: async (draft, allow) => unwrap(await commands.clientsCreate(draft, allow)),
      update: async (id, draft, allow) => unwrap(await commands.clientsUpdate(id, draft, allow)),
      archive: async (id, archived) => unwrap(await commands.clientsArchive(id, archived)),
      merge: async (keep, duplicate) => unwrap(await commands.clientsMerge(keep, duplicate)),
      recordConsent: async (client, input) => unwrap(await commands.consentsRecord(client, input)),
    },
    leadSources: {
      list: async (withArchived) => unwrap(await commands.leadSourcesList(withArchived)),
      add: async (name) => unwrap(await commands.leadSourcesAdd(name)),
      rename: async (id, name) => unwrap(await commands.leadSourcesRename(id, name)),
      archive: async (id, archived) => unwrap(await commands.leadSourcesArchive(id, archived)),
    },
    vehicles: {
      get: async (id) => unwrap(await commands.vehiclesGet(id)),
      validate: async (draft) => unwrap(await commands.vehiclesValidate(draft)),
      create: async (owner, draft, allow) => unwrap(await commands.vehiclesCreate(owner, draft, allow)),
      update: async (id, draft, allow) => unwrap(await commands.vehiclesUpdate(id, draft, allow)),
      recordOdometer: async (id, km, reason) => unwrap(await commands.vehiclesRecordOdometer(id, km, reason)),
      transfer: async (id, newOwner) => unwrap(await commands.vehiclesTransfer(id, newOwner)),
      catalogue: async () => unwrap(await commands.vehiclesCatalogue()),
    },
    imports: {
      preview: async (path, mapping) => unwrap(await commands.importsPreview(path, mapping)),
      run: async (path, mapping, onprogress) => {
        const channel = new Channel<ImportProgress>();
        channel.onmessage = onprogress;
        return unwrap(await commands.importsRun(path, mapping, channel));
      },
      exportClients: async (path, format) => unwrap(await commands.clientsExport(path, format)),
    },
    productImports: {
      preview: async (path, mapping) => unwrap(await commands.productsImportPreview(path, mapping)),
      run: async (path, mapping, onprogress) => {
        const channel = new Channel<ImportProgress>();
        channel.onmessage = onprogress;
        return unwrap(await commands.productsImportRun(path, mapping, channel));
      },
      exportProducts: async (path, format) => unwrap(await commands.productsExport(path, format)),
    },
    products: {
      search: async (search) => unwrap(await commands.productsSearch(search)),
      get: async (id) => unwrap(await commands.productsGet(id)),
      validate: async (draft) => unwrap(await commands.productsValidate(draft)),
      create: async (draft) => unwrap(await commands.productsCreate(draft)),
      update: async (id, draft) => unwrap(await commands.productsUpdate(id, draft)),
      archive: async (id, archived) => unwrap(await commands.productsArchive(id, archived)),
      movements: async (id) => unwrap(await commands.productsMovements(id)),
      brands: async () => unwrap(await commands.brandsList()),
      renameBrand: async (id, name) => unwrap(await commands.brandsRename(id, name)),
      archiveBrand: async (id, archived) => unwrap(await commands.brandsArchive(id, archived)),
      categories: async (withArchived) => unwrap(await commands.categoriesList(withArchived)),
      addCategory: async (parent, name) => unwrap(await commands.categoriesAdd(parent, name)),
      renameCategory: async (id, name) => unwrap(await commands.categoriesRename(id, name)),
      archiveCategory: async (id, archived) => unwrap(await commands.categoriesArchive(id, archived)),
      suppliers: async (withArchived) => unwrap(await commands.suppliersList(withArchived)),
      saveSupplier: async (id, draft) => unwrap(await commands.suppliersSave(id, draft)),
      archiveSupplier: async (id, archived) => unwrap(await commands.suppliersArchive(id, archived)),
    },
    stock: {
      receive: async (draft) => unwrap(await commands.stockReceive(draft)),
      writeOff: async (draft) => unwrap(await commands.stockWriteOff(draft)),
      inventory: async (draft) => unwrap(await commands.stockInventory(draft)),
      sell: async (draft) => unwrap(await commands.stockSell(draft)),
      document: async (id) => unwrap(await commands.stockDocument(id)),
      documents: async (kind, limit) => unwrap(await commands.stockDocuments(kind, limit)),
      sale: async (id) => unwrap(await commands.salesGet(id)),
      printSaleReceipt: async (doc) => unwrap(await commands.salesReceiptPrint(doc)),
      saveSaleReceipt: async (doc, path) => unwrap(await commands.salesReceiptSave(doc, path)),
      warehouses: async (withArchived) => unwrap(await commands.warehousesList(withArchived)),
      addWarehouse: async (name) => unwrap(await commands.warehousesAdd(name)),
      renameWarehouse: async (id, name) => unwrap(await commands.warehousesRename(id, name)),
      archiveWarehouse: async (id, archived) => unwrap(await commands.warehousesArchive(id, archived)),
      settings: async () => unwrap(await commands.stockSettingsGet()),
      setSettings: async (settings) => unwrap(await commands.stockSettingsSet(settings)),
    },
    prices: {
      search: async (search) => unwrap(await commands.servicesSearch(search)),
      get: async (id) => unwrap(await commands.servicesGet(id)),
      validate: async (draft) => unwrap(await commands.servicesValidate(draft)),
      create: async (draft) => unwrap(await commands.servicesCreate(draft)),
      update: async (id, draft) => unwrap(await commands.servicesUpdate(id, draft)),
      archive: async (id, archived) => unwrap(await commands.servicesArchive(id, archived)),
      categories: async (withArchived) => unwrap(await commands.serviceCategoriesList(withArchived)),
      saveCategory: async (id, draft) => unwrap(await commands.serviceCategoriesSave(id, draft)),
      archiveCategory: async (id, archived) => unwrap(await commands.serviceCategoriesArchive(id, archived)),
      packages: async (withArchived) => unwrap(await commands.packagesList(withArchived)),
      createPackage: async (draft) => unwrap(await commands.packagesCreate(draft)),
      updatePackage: async (id, draft) => unwrap(await commands.packagesUpdate(id, draft)),
      archivePackage: async (id, archived) => unwrap(await commands.packagesArchive(id, archived)),
      pricing: async () => unwrap(await commands.pricingGet()),
      setHourlyRate: async (rate) => unwrap(await commands.pricingSetHourlyRate(rate)),
    },
    schedule: {
      staff: async (withInactive) => unwrap(await commands.staffList(withInactive)),
      saveStaff: async (id, draft) => unwrap(await commands.staffSave(id, draft)),
      bays: async (withInactive) => unwrap(await commands.baysList(withInactive)),
      saveBay: async (id, draft) => unwrap(await commands.baysSave(id, draft)),
      shiftPlan: async (employee) => unwrap(await commands.shiftsPlan(employee)),
      shiftDays: async (from, to, employee) => unwrap(await commands.shiftsDays(from, to, employee)),
      paintPattern: async (paint) => unwrap(await commands.shiftsPaintPattern(paint)),
      deletePattern: async (id) => unwrap(await commands.shiftsDeletePattern(id)),
      paintException: async (paint) => unwrap(await commands.shiftsPaintException(paint)),
      clearExceptions: async (clearing) => unwrap(await commands.shiftsClearExceptions(clearing)),
      settings: async () => unwrap(await commands.scheduleSettingsGet()),
      setSettings: async (draft) => unwrap(await commands.scheduleSettingsSet(draft)),
      zones: () => commands.scheduleZones(),
      load: async (from, to) => unwrap(await commands.scheduleLoad(from, to)),
      now: async () => unwrap(await commands.scheduleNow()),
    },
    appointments: {
      get: async (id) => unwrap(await commands.appointmentsGet(id)),
      validate: async (draft) => unwrap(await commands.appointmentsValidate(draft)),
      create: async (draft) => unwrap(await commands.appointmentsCreate(draft)),
      update: async (id, draft) => unwrap(await commands.appointmentsUpdate(id, draft)),
      move: async (id, to) => unwrap(await commands.appointmentsMove(id, to)),
      setStatus: async (id, status) => unwrap(await commands.appointmentsSetStatus(id, status)),
      findSlots: async (query) => unwrap(await commands.finderSlots(query)),
      freeAt: async (query) => unwrap(await commands.finderFreeAt(query)),
      takeDueNotices: async () => unwrap(await commands.noticesTakeDue()),
    },
    reminders: {
      rules: async () => unwrap(await commands.reminderRulesGet()),
      setRules: async (draft) => unwrap(await commands.reminderRulesSet(draft)),
      shopContacts: async () => unwrap(await commands.shopContactsGet()),
      setShopContacts: async (contacts) => unwrap(await commands.shopContactsSet(contacts)),
      templates: async () => unwrap(await commands.reminderTemplatesList()),
      saveTemplate: async (draft) => unwrap(await commands.reminderTemplatesSave(draft)),
      resetTemplate: async (channel) => unwrap(await commands.reminderTemplatesReset(channel)),
      previewTemplate: async (draft, appointment) => unwrap(await commands.reminderTemplatesPreview(draft, appointment)),
      outbox: async (filter) => unwrap(await commands.outboxList(filter)),
      message: async (id) => unwrap(await commands.outboxGet(id)),
      retry: async (id) => unwrap(await commands.outboxRetry(id)),
      cancel: async (id) => unwrap(await commands.outboxCancel(id)),
      takeFailures: async () => unwrap(await commands.remindersTakeFailures()),
      runNow: async () => unwrap(await commands.remindersRunNow()),
      telegramLink: async (client) => unwrap(await commands.telegramLink(client)),
    },
    gateways: {
      list: async () => unwrap(await commands.gatewaysList()),
      save: async (draft) => unwrap(await commands.gatewaysSave(draft)),
      test: async (kind, channel, recipient) => unwrap(await commands.gatewaysTest(kind, channel, recipient)),
    },
    calls: {
      list: async (day) => unwrap(await commands.callsList(day)),
      record: async (id, outcome) => unwrap(await commands.callsRecord(id, outcome)),
    },
    orders: {
      takeIn: async (appointment, draft) => unwrap(await commands.ordersTakeIn(appointment, draft)),
      takeInWalkIn: async (client, vehicle, draft) => unwrap(await commands.ordersTakeInWalkIn(client, vehicle, draft)),
      get: async (id) => unwrap(await commands.ordersGet(id)),
      list: async (status, limit) => unwrap(await commands.ordersList(status, limit)),
      ofAppointment: async (appointment) => unwrap(await commands.ordersOfAppointment(appointment)),
      ofClient: async (client) => unwrap(await commands.ordersOfClient(client)),
      updateIntake: async (id, draft) => unwrap(await commands.ordersUpdateIntake(id, draft)),
      setTerms: async (id, draft) => unwrap(await commands.ordersSetTerms(id, draft)),
      addWork: async (order, draft) => unwrap(await commands.ordersAddWork(order, draft)),
      updateWork: async (order, line, draft) => unwrap(await commands.ordersUpdateWork(order, line, draft)),
      removeWork: async (order, line) => unwrap(await commands.ordersRemoveWork(order, line)),
      addPart: async (order, draft) => unwrap(await commands.ordersAddPart(order, draft)),
      updatePart: async (order, line, draft) => unwrap(await commands.ordersUpdatePart(order, line, draft)),
      removePart: async (order, line) => unwrap(await commands.ordersRemovePart(order, line)),
      changeStatus: async (id, event) => unwrap(await commands.ordersChangeStatus(id, event)),
      recordPayment: async (id, draft) => unwrap(await commands.ordersRecordPayment(id, draft)),
      history: async (id) => unwrap(await commands.ordersHistory(id)),
      attachPhoto: async (path) => unwrap(await commands.photosAttach(path)),
      image: async (name) => unwrap(await commands.mediaImage(name)),
      bodyViews: () => commands.intakeBodyViews(),
    },
    documents: {
      issue: async (order, kind) => unwrap(await commands.documentsIssue(order, kind)),
      ofOrder: async (order) => unwrap(await commands.documentsOfOrder(order)),
      ofVehicle: async (vehicle) => unwrap(await commands.documentsOfVehicle(vehicle)),
      print: async (id) => unwrap(await commands.documentsPrint(id)),
      save: async (id, path) => unwrap(await commands.documentsSave(id, path)),
      email: async (id, to) => unwrap(await commands.documentsEmail(id, to)),
    },
    shop: {
      requisites: async () => unwrap(await commands.shopRequisitesGet()),
      setRequisites: async (requisites) => unwrap(await commands.shopRequisitesSet(requisites)),
      setLogo: async (path) => unwrap(await commands.shopLogoSet(path)),
      vatMode: async () => unwrap(await commands.vatModeGet()),
      setVatMode: async (mode) => unwrap(await commands.vatModeSet(mode)),
    },
    app: {
      info: () => commands.appInfo(),
    },
  };
}
