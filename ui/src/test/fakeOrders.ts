// Fakes of the orders part of the Backend (intake, the order window,
// payments, documents, the shop's requisites), with one fixture order:
// Иванов's Kia Rio taken in on Monday 30 November 2026 with an oil change
// (1 h at 2 000 ₽) and a filter (1 pc at 850 ₽), no VAT, 1 000 ₽ paid ahead.
// Money is in kopecks, quantities in thousandths, as the core sends them.
import { vi } from "vitest";
import type {
  BodyOutline,
  ClientId,
  ClientOrders,
  DocumentBrief,
  DocumentKind,
  EmailResult,
  IntakeDraft,
  IssuedDocument,
  OrderEvent,
  OrderView,
  PaymentDraft,
  PrintResult,
  RepairOrderId,
  ShopRequisites,
  VatMode,
} from "../lib/api/client";

export const ORDER_ID: RepairOrderId = "01938f00-0000-7000-8000-00000000a001";
export const CLIENT_ID: ClientId = "01938f00-0000-7000-8000-000000000001";
export const VEHICLE_ID = "01938f00-0000-7000-8000-000000000101";

export function orderView(overrides: Partial<OrderView> = {}): OrderView {
  return {
    id: ORDER_ID,
    number: "ЗН-2026-000012",
    status: "open",
    actions: ["start", "wait_for_parts", "finish", "cancel"],
    client: { id: CLIENT_ID, kind: "person", displayName: "Иванов Иван Петрович" },
    vehicle: { id: VEHICLE_ID, plate: "А123ВС77", vin: "XWEPC811DC0000001", make: "Kia", model: "Rio", year: 2019 },
    appointment: "01938f00-0000-7000-8000-000000000901",
    intake: {
      odometerKm: 84500,
      fuelQuarters: 2,
      checklist: {
        keys: 2,
        registrationCertificate: true,
        spareWheel: true,
        jack: true,
        tools: false,
        firstAidKit: true,
        extinguisher: true,
        warningTriangle: true,
        headUnit: true,
        mats: true,
        other: "",
      },
      belongings: "Детское кресло",
      complaints: "Стук спереди справа на неровностях",
      clientParts: [],
      damage: [
        { view: "left", x: 300, y: 500, kind: "scratch", note: "Задняя дверь" },
        { view: "front", x: 500, y: 700, kind: "chip", note: "" },
      ],
      photos: [],
      handedOverBy: "",
    },
    terms: { promisedOn: "2026-12-01", promisedAt: "18:00", warranty: { days: 180, km: 10000 } },
    pricing: { vat: { kind: "without" }, clientDiscount: { percent: 0, appliesTo: "all" } },
    works: [
      {
        id: "01938f00-0000-7000-8000-00000000b001",
        line: {
          serviceId: "01938f00-0000-7000-8000-000000000501",
          code: "ТО-01",
          name: "Замена моторного масла",
          billing: "per_hour",
          quantity: 1000,
          price: 200000,
          mechanicId: 1,
          discount: null,
          vatRate: null,
        },
        mechanic: "Петров Сергей",
      },
    ],
    parts: [
      {
        id: "01938f00-0000-7000-8000-00000000b002",
        line: {
          productId: "01938f00-0000-7000-8000-000000000601",
          name: "Фильтр масляный",
          article: "26300-35505",
          brand: "Hyundai/Kia",
          unit: "piece",
          quantity: 1000,
          price: 85000,
          discount: null,
          vatRate: null,
        },
      },
    ],
    totals: {
      lines: [
        { kind: "work", gross: 200000, discount: 0, net: 200000, vatRate: "without", vat: 0, total: 200000 },
        { kind: "part", gross: 85000, discount: 0, net: 85000, vatRate: "without", vat: 0, total: 85000 },
      ],
      works: { gross: 200000, discount: 0, net: 200000, vat: 0, total: 200000 },
      parts: { gross: 85000, discount: 0, net: 85000, vat: 0, total: 85000 },
      all: { gross: 285000, discount: 0, net: 285000, vat: 0, total: 285000 },
      vat: [],
    },
    payments: [
      {
        id: "01938f00-0000-7000-8000-00000000c001",
        payment: { kind: "advance", method: "card", amount: 100000 },
        comment: "",
        paidAt: "2026-11-30T07:15:00Z",
      },
    ],
    balance: { total: 285000, received: 100000, refunded: 0, paid: 100000, debt: 185000, prepayment: 0 },
    acceptedAt: "2026-11-30T07:05:00Z",
    issuedAt: null,
    ...overrides,
  };
}

export function requisites(overrides: Partial<ShopRequisites> = {}): ShopRequisites {
  return {
    name: "ООО «Гайка»",
    inn: "7707083893",
    kpp: "770701001",
    ogrn: "1027700132195",
    address: "г. Москва, ул. Моторная, д. 5",
    phone: "+7 495 123-45-67",
    bankAccount: "40702810938000012345",
    bankName: "ПАО Сбербанк",
    bik: "044525225",
    corrAccount: "30101810400000000225",
    director: "Гайкин А. В.",
    accountant: "Болтова Е. С.",
    warrantyText: "Гарантия на работы — 6 месяцев или 10 000 км.",
    logo: "",
    footer: "Ждём вас снова! Пн–Сб 9:00–20:00",
    ...overrides,
  };
}

const DOCUMENT_KINDS: DocumentKind[] = ["order", "acceptance", "completion", "receipt", "invoice"];

export function documentBrief(kind: DocumentKind, overrides: Partial<DocumentBrief> = {}): DocumentBrief {
  const series = { order: "ЗН", acceptance: "АП", completion: "АВ", receipt: "КВ", invoice: "СЧ" }[kind];
  return {
    id: `01938f00-0000-7000-8000-00000000d00${DOCUMENT_KINDS.indexOf(kind)}`,
    order: ORDER_ID,
    orderNumber: "ЗН-2026-000012",
    vehicle: VEHICLE_ID,
    kind,
    number: `${series}-2026-000007`,
    version: 1,
    issuedAt: "2026-11-30T07:20:00Z",
    ...overrides,
  };
}

/** An issued document; its snapshot is the core's business, the window shows the header only. */
export function issuedDocument(kind: DocumentKind, overrides: Partial<IssuedDocument> = {}): IssuedDocument {
  const brief = documentBrief(kind);
  return {
    id: brief.id,
    order: ORDER_ID,
    kind,
    number: brief.number,
    version: 1,
    issuedAt: brief.issuedAt,
    snapshot: {} as IssuedDocument["snapshot"],
    ...overrides,
  };
}

/** The five views as plain boxes: the real outline comes from the core. */
export const BODY_VIEWS: BodyOutline[] = (
  [
    ["left", 460, 150],
    ["right", 460, 150],
    ["front", 190, 150],
    ["top", 460, 190],
    ["rear", 190, 150],
  ] as const
).map(([view, width, height]) => ({
  view,
  width,
  height,
  outline: `M0 0 H${width} V${height} H0 Z`,
  details: `M10 10 H${width - 10}`,
}));

export function fakeOrders() {
  return {
    takeIn: vi.fn(async (_appointment: string, _draft: IntakeDraft) => orderView()),
    takeInWalkIn: vi.fn(async (_client: ClientId, _vehicle: string, _draft: IntakeDraft) =>
      orderView({ appointment: null }),
    ),
    get: vi.fn(async (_id: RepairOrderId) => orderView()),
    list: vi.fn(async (_status: OrderView["status"] | null, _limit: number) => [orderView()]),
    ofAppointment: vi.fn(async (_appointment: string): Promise<RepairOrderId | null> => null),
    ofClient: vi.fn(
      async (_client: ClientId): Promise<ClientOrders> => ({
        orders: [orderView()],
        documents: [documentBrief("acceptance")],
        balance: { total: 285000, received: 100000, refunded: 0, paid: 100000, debt: 185000, prepayment: 0 },
      }),
    ),
    updateIntake: vi.fn(async (_id: RepairOrderId, _draft: IntakeDraft) => orderView()),
    setTerms: vi.fn(async (_id: RepairOrderId, _draft: unknown) => orderView()),
    addWork: vi.fn(async (_order: RepairOrderId, _draft: unknown) => orderView()),
    updateWork: vi.fn(async (_order: RepairOrderId, _line: string, _draft: unknown) => orderView()),
    removeWork: vi.fn(async (_order: RepairOrderId, _line: string) => orderView({ works: [] })),
    addPart: vi.fn(async (_order: RepairOrderId, _draft: unknown) => orderView()),
    updatePart: vi.fn(async (_order: RepairOrderId, _line: string, _draft: unknown) => orderView()),
    removePart: vi.fn(async (_order: RepairOrderId, _line: string) => orderView({ parts: [] })),
    changeStatus: vi.fn(async (_id: RepairOrderId, _event: OrderEvent) => orderView({ status: "in_progress" })),
    recordPayment: vi.fn(async (_id: RepairOrderId, _draft: PaymentDraft) => orderView()),
    history: vi.fn(async (_id: RepairOrderId) => [
      { at: "2026-11-30T07:05:00Z", kind: "opened", detail: "{}" },
    ]),
    attachPhoto: vi.fn(async (_path: string) => "photos/0193.jpg"),
    image: vi.fn(async (_name: string) => "data:image/png;base64,iVBORw0KGgo="),
    bodyViews: vi.fn(async () => BODY_VIEWS),
  };
}

export function fakeDocuments() {
  return {
    issue: vi.fn(async (_order: RepairOrderId, kind: DocumentKind) => issuedDocument(kind)),
    ofOrder: vi.fn(async (_order: RepairOrderId): Promise<IssuedDocument[]> => []),
    ofVehicle: vi.fn(async (_vehicle: string) => [documentBrief("acceptance")]),
    print: vi.fn(
      async (_id: string): Promise<PrintResult> => ({
        path: "/tmp/remzona-print/АП-2026-000007.pdf",
        opened: true,
        error: null,
      }),
    ),
    save: vi.fn(async (_id: string, _path: string) => null),
    email: vi.fn(async (_id: string, to: string): Promise<EmailResult> => ({ accepted: true, to, error: null })),
  };
}

export function fakeShop() {
  return {
    requisites: vi.fn(async () => requisites()),
    setRequisites: vi.fn(async (value: ShopRequisites) => value),
    setLogo: vi.fn(async (path: string | null) => requisites({ logo: path ? "logo/0193.png" : "" })),
    vatMode: vi.fn(async (): Promise<VatMode> => ({ kind: "without" })),
    setVatMode: vi.fn(async (mode: VatMode) => mode),
  };
}
