// Fakes of the nomenclature and stock parts of the Backend, with fixtures.
import { vi } from "vitest";
import type {
  PrintResult,
  Brand,
  Category,
  FieldIssue,
  InventoryDraft,
  Product,
  ProductDraft,
  ProductId,
  ProductListItem,
  ProductMovement,
  ProductSearch,
  ReceiptDraft,
  Sale,
  SaleDraft,
  StockDocKind,
  StockDocSummary,
  StockDocument,
  StockSettings,
  Supplier,
  SupplierDraft,
  Warehouse,
  WriteOffDraft,
} from "../lib/api/client";

const NOW = "2026-11-27T09:00:00Z";

export function product(overrides: Partial<Product> = {}): Product {
  return {
    id: "01938f00-0000-7000-8000-000000000101",
    name: "Фильтр масляный",
    article: "OC 90",
    brand: "MAHLE",
    category: { id: 201, parentId: 2, name: "Масляные", path: "Фильтры / Масляные", archived: false },
    unit: "piece",
    numbers: [{ kind: "cross", brand: "MANN-FILTER", number: "W 712/73" }],
    barcodes: ["4009026022467"],
    attributes: [{ name: "Высота", value: "79 мм" }],
    purchasePrice: 40000,
    fixedPrice: 65000,
    markupBasisPoints: null,
    price: 65000,
    vat: "without",
    minStock: 2000,
    supplier: null,
    notes: "",
    archived: false,
    stock: [{ warehouseId: 1, warehouse: "Основной склад", onHand: 8000 }],
    onHand: 8000,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

export function productItem(overrides: Partial<ProductListItem> = {}): ProductListItem {
  return {
    id: "01938f00-0000-7000-8000-000000000101",
    name: "Фильтр масляный",
    article: "OC 90",
    brand: "MAHLE",
    unit: "piece",
    price: 65000,
    purchasePrice: 40000,
    onHand: 8000,
    minStock: 2000,
    low: false,
    archived: false,
    matchedBy: "name",
    matchedNumber: null,
    ...overrides,
  };
}

export function stockDocument(overrides: Partial<StockDocument> = {}): StockDocument {
  return {
    id: "01938f00-0000-7000-8000-000000000201",
    kind: "receipt",
    number: "ПН-26-00001",
    createdAt: NOW,
    warehouseId: 1,
    warehouse: "Основной склад",
    supplier: null,
    invoiceNumber: "",
    invoiceDate: null,
    comment: "",
    client: null,
    lines: [],
    total: 0,
    ...overrides,
  };
}

export function sale(overrides: Partial<Sale> = {}): Sale {
  return {
    id: "01938f00-0000-7000-8000-000000000301",
    number: "ПР-26-00001",
    createdAt: NOW,
    client: null,
    warehouse: "Основной склад",
    paymentMethod: "cash",
    comment: "",
    lines: [],
    total: 0,
    discount: 0,
    stockDocumentId: "01938f00-0000-7000-8000-000000000202",
    paymentId: "01938f00-0000-7000-8000-000000000401",
    ...overrides,
  };
}

/** A list of the nomenclature for screen and picker tests: one low, one in litres. */
export const OIL_FILTER = productItem();
export const AIR_FILTER = productItem({
  id: "01938f00-0000-7000-8000-000000000102",
  name: "Фильтр воздушный",
  article: "LX 1566",
  brand: "MAHLE",
  price: 120000,
  purchasePrice: 80000,
  onHand: 1000,
  minStock: 2000,
  low: true,
});
export const MOTOR_OIL = productItem({
  id: "01938f00-0000-7000-8000-000000000103",
  name: "Масло моторное 5W-30",
  article: "3049",
  brand: "Лукойл",
  unit: "litre",
  price: 65000,
  purchasePrice: 48000,
  onHand: 1500,
  minStock: null,
});
export const PRODUCTS: ProductListItem[] = [OIL_FILTER, AIR_FILTER, MOTOR_OIL];

/** A field issue as the core reports it. */
export function issue(field: string, code: FieldIssue["issue"], detail: string | null = null): FieldIssue {
  return { field, issue: code, max: null, detail };
}

export function movement(overrides: Partial<ProductMovement> = {}): ProductMovement {
  return {
    documentId: "01938f00-0000-7000-8000-000000000201",
    kind: "receipt",
    number: "ПН-26-00001",
    createdAt: NOW,
    warehouse: "Основной склад",
    quantity: 10000,
    price: 40000,
    ...overrides,
  };
}

export const SUPPLIERS: Supplier[] = [
  { id: 1, name: "ООО «Автодеталь»", inn: "7707083893", phone: "", email: "", notes: "", archived: false },
  { id: 2, name: "ИП Кузнецов", inn: "", phone: "", email: "", notes: "", archived: false },
];

export const CATEGORIES: Category[] = [
  { id: 2, parentId: null, name: "Фильтры", path: "Фильтры", archived: false },
  { id: 201, parentId: 2, name: "Масляные", path: "Фильтры / Масляные", archived: false },
];

export const WAREHOUSES: Warehouse[] = [{ id: 1, name: "Основной склад", archived: false }];

export function fakeProducts() {
  return {
    search: vi.fn(async (_search: ProductSearch): Promise<ProductListItem[]> => []),
    get: vi.fn(async (id: ProductId) => product({ id })),
    validate: vi.fn(async (_draft: ProductDraft): Promise<FieldIssue[]> => []),
    create: vi.fn(async (draft: ProductDraft) => product({ name: draft.name, article: draft.article })),
    update: vi.fn(async (id: ProductId, draft: ProductDraft) => product({ id, name: draft.name, article: draft.article })),
    archive: vi.fn(async (_id: ProductId, _archived: boolean) => null),
    movements: vi.fn(async (_id: ProductId): Promise<ProductMovement[]> => []),
    brands: vi.fn(async (): Promise<Brand[]> => [{ id: 1, name: "MAHLE", archived: false, products: 1 }]),
    renameBrand: vi.fn(async (_id: number, _name: string) => null),
    archiveBrand: vi.fn(async (_id: number, _archived: boolean) => null),
    categories: vi.fn(async (_withArchived: boolean) => CATEGORIES),
    addCategory: vi.fn(async (_parent: number | null, _name: string) => 999),
    renameCategory: vi.fn(async (_id: number, _name: string) => null),
    archiveCategory: vi.fn(async (_id: number, _archived: boolean) => null),
    suppliers: vi.fn(async (_withArchived: boolean): Promise<Supplier[]> => []),
    saveSupplier: vi.fn(async (_id: number | null, _draft: SupplierDraft) => 1),
    archiveSupplier: vi.fn(async (_id: number, _archived: boolean) => null),
  };
}

export function fakeStock() {
  return {
    receive: vi.fn(async (_draft: ReceiptDraft) => stockDocument()),
    writeOff: vi.fn(async (_draft: WriteOffDraft) => stockDocument({ kind: "write_off", number: "СП-26-00001" })),
    inventory: vi.fn(async (_draft: InventoryDraft) => stockDocument({ kind: "inventory", number: "ИН-26-00001" })),
    sell: vi.fn(async (_draft: SaleDraft) => sale()),
    document: vi.fn(async (id: string) => stockDocument({ id })),
    documents: vi.fn(async (_kind: StockDocKind | null, _limit: number): Promise<StockDocSummary[]> => []),
    sale: vi.fn(async (id: string) => sale({ id })),
    printSaleReceipt: vi.fn(
      async (_doc: string): Promise<PrintResult> => ({
        path: "/tmp/remzona-print/Товарный чек ПР-26-00001.pdf",
        opened: true,
        error: null,
      }),
    ),
    saveSaleReceipt: vi.fn(async (_doc: string, _path: string) => null),
    warehouses: vi.fn(async (_withArchived: boolean) => WAREHOUSES),
    addWarehouse: vi.fn(async (_name: string) => 2),
    renameWarehouse: vi.fn(async (_id: number, _name: string) => null),
    archiveWarehouse: vi.fn(async (_id: number, _archived: boolean) => null),
    settings: vi.fn(async (): Promise<StockSettings> => ({ allowNegativeStock: false })),
    setSettings: vi.fn(async (_settings: StockSettings) => null),
  };
}
