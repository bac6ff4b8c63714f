// Pure state helpers of the product window: the editable form, the draft sent
// to the core, which issues the operator should see, and display-only
// arithmetic (previews of a markup or of a line amount; the core computes the
// real figures from the typed text).
import type {
  Category,
  CategoryId,
  FieldIssue,
  NumberKind,
  Product,
  ProductDraft,
  ProductListItem,
  SupplierId,
  Unit,
  VatRate,
} from "../../lib/api/client";
import { getLocale } from "../../lib/i18n";
import { moneyInput, quantityInput } from "../../lib/format/money";

export type PriceMode = "fixed" | "markup";
export type NumberRow = { key: number; kind: NumberKind; brand: string; number: string };
export type BarcodeRow = { key: number; value: string };
export type AttributeRow = { key: number; name: string; value: string };

export type ProductFormState = {
  name: string;
  article: string;
  brand: string;
  categoryId: CategoryId | null;
  unit: Unit;
  purchasePrice: string;
  priceMode: PriceMode;
  salePrice: string;
  markupPercent: string;
  vat: VatRate;
  minStock: string;
  supplierId: SupplierId | null;
  notes: string;
  numbers: NumberRow[];
  barcodes: BarcodeRow[];
  attributes: AttributeRow[];
};

/** What a picker knows when it opens the product window for a product not found. */
export type ProductPrefill = { name?: string; article?: string };

export const UNITS: readonly Unit[] = ["piece", "litre", "kilogram", "metre", "set"];
export const VAT_RATES: readonly VatRate[] = ["without", "vat0", "vat5", "vat7", "vat10", "vat22"];

let nextKey = 1;
export function numberRow(kind: NumberKind = "cross", brand = "", number = ""): NumberRow {
  return { key: nextKey++, kind, brand, number };
}
export function barcodeRow(value = ""): BarcodeRow {
  return { key: nextKey++, value };
}
export function attributeRow(name = "", value = ""): AttributeRow {
  return { key: nextKey++, name, value };
}

export function emptyProductForm(): ProductFormState {
  return {
    name: "",
    article: "",
    brand: "",
    categoryId: null,
    unit: "piece",
    purchasePrice: "",
    priceMode: "fixed",
    salePrice: "",
    markupPercent: "",
    vat: "without",
    minStock: "",
    supplierId: null,
    notes: "",
    numbers: [],
    barcodes: [],
    attributes: [],
  };
}

/**
 * Whether a query typed into a picker is an article rather than a name: it has
 * a digit, no spaces between letters (`масло моторное`), no long Cyrillic
 * word (`масло 5W-30` is a name) and at most one word of several letters.
 * `OC 90`, `03C115561H`, `W 712/73` are articles.
 */
export function looksLikeArticle(query: string): boolean {
  const q = query.trim();
  if (!/\d/.test(q)) return false;
  if (/\p{L}\s+\p{L}/u.test(q)) return false;
  if (/[а-яё]{4,}/iu.test(q)) return false;
  // Two words with letters (`Mobil 1 ESP`) are a name; `03C 115 561 H`, `LX 1566` are not.
  const wordy = q.split(/\s+/).filter((word) => (word.match(/\p{L}/gu)?.length ?? 0) >= 2);
  return wordy.length < 2;
}

export function formFromPrefill(prefill: ProductPrefill | null | undefined): ProductFormState {
  return { ...emptyProductForm(), name: prefill?.name?.trim() ?? "", article: prefill?.article?.trim() ?? "" };
}

/** The pre-fill for «Добавить новый товар «…»»: the query as an article or as a name. */
export function prefillFromQuery(query: string): ProductPrefill {
  const q = query.trim();
  return looksLikeArticle(q) ? { article: q } : { name: q };
}

/** Hundredths of a percent as typed: 3000 → «30», 1250 → «12,5». */
export function percentInput(basisPoints: number | null | undefined): string {
  if (basisPoints === null || basisPoints === undefined) return "";
  const whole = Math.trunc(basisPoints / 100);
  const fraction = String(Math.abs(basisPoints % 100)).padStart(2, "0").replace(/0+$/, "");
  const sign = basisPoints < 0 && whole === 0 ? "-" : "";
  return fraction ? `${sign}${whole}${getLocale() === "ru" ? "," : "."}${fraction}` : `${sign}${whole}`;
}

export function formFromProduct(p: Product): ProductFormState {
  const markup = p.markupBasisPoints !== null && p.fixedPrice === null;
  return {
    name: p.name,
    article: p.article,
    brand: p.brand ?? "",
    categoryId: p.category?.id ?? null,
    unit: p.unit,
    purchasePrice: moneyInput(p.purchasePrice),
    priceMode: markup ? "markup" : "fixed",
    salePrice: moneyInput(p.fixedPrice),
    markupPercent: percentInput(p.markupBasisPoints),
    vat: p.vat,
    minStock: quantityInput(p.minStock),
    supplierId: p.supplier?.id ?? null,
    notes: p.notes,
    numbers: p.numbers.map((n) => numberRow(n.kind, n.brand, n.number)),
    barcodes: p.barcodes.map((b) => barcodeRow(b)),
    attributes: p.attributes.map((a) => attributeRow(a.name, a.value)),
  };
}

/** For each list of the draft: the form row each draft entry came from. */
export type RowMap = { numbers: number[]; barcodes: number[]; attributes: number[] };

function keptRows<T>(rows: readonly T[], blank: (row: T) => boolean): number[] {
  return rows.flatMap((row, index) => (blank(row) ? [] : [index]));
}

/** The draft for the core; rows left completely empty are dropped. */
export function toDraft(form: ProductFormState): { draft: ProductDraft; rows: RowMap } {
  const rows: RowMap = {
    numbers: keptRows(form.numbers, (r) => !r.number.trim() && !r.brand.trim()),
    barcodes: keptRows(form.barcodes, (r) => !r.value.trim()),
    attributes: keptRows(form.attributes, (r) => !r.name.trim() && !r.value.trim()),
  };
  const markup = form.priceMode === "markup";
  return {
    draft: {
      name: form.name,
      article: form.article,
      brand: form.brand,
      categoryId: form.categoryId,
      unit: form.unit,
      numbers: rows.numbers.map((i) => {
        const { kind, brand, number } = form.numbers[i]!;
        return { kind, brand, number };
      }),
      barcodes: rows.barcodes.map((i) => form.barcodes[i]!.value),
      attributes: rows.attributes.map((i) => {
        const { name, value } = form.attributes[i]!;
        return { name, value };
      }),
      purchasePrice: form.purchasePrice,
      salePrice: markup ? "" : form.salePrice,
      markupPercent: markup ? form.markupPercent : "",
      vat: form.vat,
      minStock: form.minStock,
      supplierId: form.supplierId,
      notes: form.notes,
    },
    rows,
  };
}

const ROW_FIELD = /^(numbers|barcodes|attributes)\.(\d+)(\..+)?$/;

/** Rewrites `numbers.N…`, `barcodes.N`, `attributes.N…` of the draft to the form's row numbers. */
export function remapIssues(issues: readonly FieldIssue[], rows: RowMap): FieldIssue[] {
  return issues.map((issue) => {
    const match = ROW_FIELD.exec(issue.field);
    if (!match) return issue;
    const list = match[1] as keyof RowMap;
    const row = rows[list][Number(match[2])];
    return row === undefined ? issue : { ...issue, field: `${list}.${row}${match[3] ?? ""}` };
  });
}

/** Shifts the touched fields of a row list after its row `removed` was deleted. */
export function shiftTouched(touched: ReadonlySet<string>, list: keyof RowMap, removed: number): Set<string> {
  const next = new Set<string>();
  for (const field of touched) {
    const match = ROW_FIELD.exec(field);
    if (!match || match[1] !== list) next.add(field);
    else {
      const index = Number(match[2]);
      if (index < removed) next.add(field);
      else if (index > removed) next.add(`${list}.${index - 1}${match[3] ?? ""}`);
    }
  }
  return next;
}

/** Whether an issue concerns a field the operator has already left. */
export function isTouched(field: string, touched: ReadonlySet<string>): boolean {
  if (touched.has(field)) return true;
  // A markup needs the purchase price: the message belongs to either field.
  if (field === "markupPercent" || field === "purchasePrice") {
    return touched.has("markupPercent") || touched.has("purchasePrice");
  }
  if (field === "salePrice") return touched.has("purchasePrice");
  const list = /^(numbers|barcodes|attributes)$/.exec(field);
  if (list) return [...touched].some((f) => f.startsWith(`${list[1]}.`));
  // «numbers.0» (the row as a whole) is about the number and its brand.
  const row = /^(numbers|attributes)\.(\d+)$/.exec(field);
  if (row) return [...touched].some((f) => f.startsWith(`${field}.`));
  return false;
}

const NAMED_INPUTS: Record<string, string> = {
  name: "product-name",
  article: "product-article",
  brand: "product-brand",
  categoryId: "product-category",
  unit: "product-unit",
  purchasePrice: "product-purchase-price",
  salePrice: "product-sale-price",
  markupPercent: "product-markup",
  vat: "product-vat",
  minStock: "product-min-stock",
  supplierId: "product-supplier",
  notes: "product-notes",
  numbers: "product-add-number",
  barcodes: "product-add-barcode",
  attributes: "product-add-attribute",
};

/** The element id (and test id) of the input a field's issue points at. */
export function inputIdOf(field: string): string {
  const number = /^numbers\.(\d+)(?:\.(\w+))?$/.exec(field);
  if (number) return number[2] === "brand" ? `product-number-brand-${number[1]}` : `product-number-${number[1]}`;
  const barcode = /^barcodes\.(\d+)/.exec(field);
  if (barcode) return `product-barcode-${barcode[1]}`;
  const attribute = /^attributes\.(\d+)(?:\.(\w+))?$/.exec(field);
  if (attribute) return attribute[2] === "name" ? `product-attribute-name-${attribute[1]}` : `product-attribute-value-${attribute[1]}`;
  return NAMED_INPUTS[field] ?? `product-${field}`;
}

/** Comparable snapshot of the form for "unsaved changes". */
export function snapshot(form: ProductFormState): string {
  const { draft } = toDraft(form);
  return JSON.stringify([draft, form.salePrice, form.markupPercent]);
}

/**
 * A typed number read leniently for a preview: «1 234,50», «1234.5», «1,5».
 * Null when it is not a plain number. Never sent anywhere.
 */
export function parseDecimal(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return null;
  return Number(compact);
}

/** Typed money → kopecks, for previews. */
export function kopecksOf(text: string): number | null {
  const value = parseDecimal(text);
  return value === null ? null : Math.round(value * 100);
}

/** Typed quantity → thousandths, for previews. */
export function milliOf(text: string): number | null {
  const value = parseDecimal(text);
  return value === null ? null : Math.round(value * 1000);
}

/** The sale price a markup gives, for the preview next to it; null until both are numbers. */
export function markupPreview(purchasePrice: string, markupPercent: string): number | null {
  const purchase = kopecksOf(purchasePrice);
  const markup = parseDecimal(markupPercent);
  if (purchase === null || markup === null || purchase < 0 || markup < 0) return null;
  return Math.round((purchase * (100 + markup)) / 100);
}

/** The markup a fixed price means over the purchase price, in percent; null when it cannot be said. */
export function impliedMarkup(purchasePrice: string, salePrice: string): number | null {
  const purchase = kopecksOf(purchasePrice);
  const sale = kopecksOf(salePrice);
  if (purchase === null || sale === null || purchase <= 0 || sale <= 0) return null;
  return Math.round(((sale - purchase) / purchase) * 1000) / 10;
}

/** quantity × price − discount %, to the kopeck; null while something is not a number. */
export function lineAmount(quantity: string, price: string, discountPercent = ""): number | null {
  const milli = milliOf(quantity);
  const kopecks = kopecksOf(price);
  const discount = discountPercent.trim() === "" ? 0 : parseDecimal(discountPercent);
  if (milli === null || kopecks === null || discount === null) return null;
  const gross = Math.round((milli * kopecks) / 1000);
  return gross - Math.round((gross * discount) / 100);
}

/** A saved product as a list row, for a picker that has just created or opened it. */
export function listItemFromProduct(p: Product): ProductListItem {
  return {
    id: p.id,
    name: p.name,
    article: p.article,
    brand: p.brand,
    unit: p.unit,
    price: p.price,
    purchasePrice: p.purchasePrice,
    onHand: p.onHand,
    minStock: p.minStock,
    low: p.minStock !== null && p.onHand < p.minStock,
    archived: p.archived,
    matchedBy: "article",
    matchedNumber: null,
  };
}

export type CategoryNode = { category: Category; depth: number };

/** The category tree in display order (parents first, siblings by name). */
export function categoryTree(categories: readonly Category[]): CategoryNode[] {
  const ids = new Set(categories.map((c) => c.id));
  const children = new Map<CategoryId | null, Category[]>();
  for (const c of categories) {
    // A child of a category that is not in the list is shown at the top level.
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(c);
    children.set(parent, list);
  }
  const collator = new Intl.Collator(getLocale());
  const out: CategoryNode[] = [];
  const seen = new Set<CategoryId>();
  const walk = (parent: CategoryId | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => collator.compare(a.name, b.name));
    for (const category of list) {
      if (seen.has(category.id)) continue;
      seen.add(category.id);
      out.push({ category, depth });
      walk(category.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
