// Pure helpers of the order window and the orders list: labels of statuses,
// payments and documents, line amounts, the wording of a refused document and
// of the order's history. Money is kopecks, quantities thousandths (core units).
import type {
  DocumentKind,
  FieldIssue,
  IssuedDocument,
  OrderAction,
  OrderHistoryEntry,
  OrderStatus,
  OrderTermsDraft,
  OrderView,
  PaymentKind,
  PaymentMethod,
  VatRate,
  WorkItem,
} from "../../../lib/api/client";
import { formatDate } from "../../../lib/format/date";
import { fmtMoney, fmtQuantityNumber, moneyInput } from "../../../lib/format/money";
import { formatPlate } from "../../../lib/format/plate";
import { fmtNumber, getLocale, t, type MessageKey } from "../../../lib/i18n";
import { documentTitle } from "../DocumentActions.svelte";

/** A line's own discount (client.ts does not name the type). */
export type Discount = NonNullable<WorkItem["line"]["discount"]>;

export const STATUSES: readonly OrderStatus[] = ["open", "in_progress", "waiting_parts", "ready", "issued", "cancelled"];
/** Not yet with the client: what «Открытые» lists. */
export const ACTIVE_STATUSES: readonly OrderStatus[] = ["open", "in_progress", "waiting_parts", "ready"];
export const PAYMENT_KINDS: readonly PaymentKind[] = ["advance", "final", "refund"];
export const PAYMENT_METHODS: readonly PaymentMethod[] = ["cash", "card", "transfer"];
/** In the order of the visit: the car comes in, is repaired, goes back, is paid. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ["acceptance", "order", "completion", "receipt", "invoice"];

/** Issued and cancelled orders are frozen: reopening is the only change. */
export function isEditable(order: Pick<OrderView, "status">): boolean {
  return order.status !== "issued" && order.status !== "cancelled";
}

export function statusLabel(status: OrderStatus): string {
  return t(`order.status.${status}`);
}

export function actionLabel(action: OrderAction): string {
  return t(`order.action.${action}`);
}

export function paymentKindLabel(kind: PaymentKind): string {
  return t(`order.payment.kind.${kind}`);
}

export function paymentMethodLabel(method: PaymentMethod): string {
  return t(`order.payment.method.${method}`);
}

export { documentTitle };

/** The kinds this order can issue: the invoice only for a company. */
export function documentKinds(order: Pick<OrderView, "client">): DocumentKind[] {
  return DOCUMENT_KINDS.filter((kind) => kind !== "invoice" || order.client.kind === "company");
}

/** The newest version of each kind, and the older ones. */
export function latestByKind(documents: readonly IssuedDocument[]): Map<DocumentKind, IssuedDocument> {
  const latest = new Map<DocumentKind, IssuedDocument>();
  for (const doc of documents) {
    const known = latest.get(doc.kind);
    if (!known || doc.version > known.version) latest.set(doc.kind, doc);
  }
  return latest;
}

/** «Kia Rio, А 123 ВС 77». */
export function carText(order: Pick<OrderView, "vehicle">): string {
  const v = order.vehicle;
  const name = [v.make, v.model].filter(Boolean).join(" ");
  const plate = v.plate ? formatPlate(v.plate) : "";
  return [name, plate].filter(Boolean).join(", ");
}

/** 1250 basis points → «12,5 %». */
export function fmtPercent(basisPoints: number): string {
  const n = new Intl.NumberFormat(getLocale() === "ru" ? "ru-RU" : "en-US", { maximumFractionDigits: 2 }).format(basisPoints / 100);
  return `${n}\u00a0%`;
}

/** «10 %», «500,00 ₽», or "" for none. */
export function discountText(discount: Discount | null): string {
  if (!discount) return "";
  if (discount.kind === "percent") return discount.value === 0 ? "" : fmtPercent(discount.value);
  return discount.value === 0 ? "" : fmtMoney(discount.value);
}

/** A discount as the line editor types it: «12,5» (percent) or «500» (rubles). */
export function discountInput(discount: Discount | null): string {
  if (!discount) return "";
  if (discount.kind === "amount") return moneyInput(discount.value);
  return moneyInput(discount.value); // basis points read like kopecks: 1250 → «12,5»
}

/** «1,5 н/ч» for hours, «2» for jobs. */
export function workQuantity(item: WorkItem): string {
  const n = fmtQuantityNumber(item.line.quantity);
  return item.line.billing === "per_hour" ? t("order.works.hours", { n }) : n;
}

export function vatRateLabel(rate: VatRate): string {
  return t(`order.vat.rate.${rate}`);
}

/** What the terms editor starts from: `01.12.2026`, `18:00`, `180`, `10000`. */
export function termsDraft(order: Pick<OrderView, "terms">): OrderTermsDraft {
  const { promisedOn, promisedAt, warranty } = order.terms;
  return {
    promisedDate: promisedOn ? formatDate(promisedOn) : "",
    promisedTime: promisedAt ? promisedAt.slice(0, 5) : "",
    warrantyDays: warranty?.days != null ? String(warranty.days) : "",
    warrantyKm: warranty?.km != null ? String(warranty.km) : "",
  };
}

/** «01.12.2026 к 18:00», «01.12.2026», or "". */
export function promisedText(order: Pick<OrderView, "terms">): string {
  const { promisedOn, promisedAt } = order.terms;
  if (!promisedOn) return "";
  const day = formatDate(promisedOn);
  return promisedAt ? t("order.terms.promised_at", { date: day, time: promisedAt.slice(0, 5) }) : day;
}

/** «180 дн. / 10 000 км», or "" for the shop's standard warranty. */
export function warrantyText(order: Pick<OrderView, "terms">): string {
  const w = order.terms.warranty;
  if (!w) return "";
  const parts: string[] = [];
  if (w.days != null) parts.push(t("order.terms.days", { n: fmtNumber(w.days) }));
  if (w.km != null) parts.push(t("order.terms.km", { n: fmtNumber(w.km) }));
  return parts.join(" / ");
}

/** The values a document cannot go without, in the operator's words. */
const MISSING_KEYS: Record<string, MessageKey> = {
  "shop.name": "order.missing.shop.name",
  "shop.inn": "order.missing.shop.inn",
  "shop.address": "order.missing.shop.address",
  "shop.ogrn": "order.missing.shop.ogrn",
  "shop.bankAccount": "order.missing.shop.bankAccount",
  "shop.bankName": "order.missing.shop.bankName",
  "shop.bik": "order.missing.shop.bik",
  "client.inn": "order.missing.client.inn",
  "client.name": "order.missing.client.name",
  "client.phone": "order.missing.client.phone",
  "vehicle.make": "order.missing.vehicle.make",
  "vehicle.vin": "order.missing.vehicle.vin",
  "vehicle.plate": "order.missing.vehicle.plate",
  "intake.odometer": "order.missing.intake.odometer",
  "intake.complaints": "order.missing.intake.complaints",
  promisedDate: "order.missing.promisedDate",
  works: "order.missing.works",
};

/**
 * The missing values of a refused document as a list of words («VIN или
 * госномер автомобиля, телефон клиента»), or null when the issues are not
 * about missing values.
 */
export function missingValues(issues: readonly FieldIssue[]): string[] | null {
  const missing = issues.filter((i) => i.issue === "required");
  if (missing.length === 0 || missing.length !== issues.length) return null;
  const fields = new Set(missing.map((i) => i.field));
  const words: string[] = [];
  for (const field of fields) {
    if (field === "vehicle.plate" && fields.has("vehicle.vin")) continue;
    if (field === "vehicle.vin" && fields.has("vehicle.plate")) {
      words.push(t("order.missing.vehicle.vin_or_plate"));
      continue;
    }
    const key = MISSING_KEYS[field];
    words.push(key ? t(key) : field);
  }
  return words;
}

// ---- The order's history ----

type Json = Record<string, unknown>;

function parse(detail: string): Json {
  try {
    const value: unknown = JSON.parse(detail);
    return value && typeof value === "object" ? (value as Json) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const num = (v: unknown): number | null => (typeof v === "number" ? v : null);

function statusOf(v: unknown): string {
  const s = str(v);
  return (STATUSES as readonly string[]).includes(s) ? statusLabel(s as OrderStatus) : s;
}

/** One human sentence per event of the order's history. */
export function historySentence(entry: OrderHistoryEntry): string {
  const d = parse(entry.detail);
  switch (entry.kind) {
    case "created":
    case "opened":
      return d.walkIn === true ? t("order.history.created_walk_in") : t("order.history.created");
    case "intake_changed":
      return t("order.history.intake_changed");
    case "terms_changed": {
      const promised = str(d.promisedOn) ? formatDate(str(d.promisedOn)) : t("order.history.terms.none");
      return t("order.history.terms_changed", { date: promised });
    }
    case "work_added":
      return t("order.history.work_added", { name: str(d.name) });
    case "work_changed":
      return t("order.history.work_changed", { name: str(d.name) });
    case "work_removed":
      return t("order.history.work_removed");
    case "part_added":
      return t("order.history.part_added", { name: str(d.name) });
    case "part_changed":
      return t("order.history.part_changed", { name: str(d.name) });
    case "part_removed":
      return t("order.history.part_removed");
    case "status_changed":
      return t("order.history.status_changed", { from: statusOf(d.from), to: statusOf(d.to) });
    case "cancelled":
      return t("order.history.cancelled", { reason: str(d.reason) || t("order.history.no_reason") });
    case "reopened":
      return t("order.history.reopened", { reason: str(d.reason) });
    case "stock":
      return d.consume === false
        ? t("order.history.stock_returned", { number: str(d.stockDocument) })
        : t("order.history.stock_taken", { number: str(d.stockDocument) });
    case "payment": {
      const kind = str(d.kind) as PaymentKind;
      const method = str(d.method) as PaymentMethod;
      const amount = num(d.amount);
      return t("order.history.payment", {
        kind: PAYMENT_KINDS.includes(kind) ? paymentKindLabel(kind) : kind,
        method: PAYMENT_METHODS.includes(method) ? paymentMethodLabel(method).toLowerCase() : method,
        amount: amount === null ? "" : fmtMoney(amount),
      });
    }
    case "document_issued": {
      const kind = str(d.kind) as DocumentKind;
      const title = DOCUMENT_KINDS.includes(kind) ? documentTitle(kind) : kind;
      const version = num(d.version) ?? 1;
      return version > 1
        ? t("order.history.document_reissued", { title, number: str(d.number), version })
        : t("order.history.document_issued", { title, number: str(d.number) });
    }
    case "document_emailed":
      return t("order.history.document_emailed", { number: str(d.number), to: str(d.to) });
    default:
      return entry.kind;
  }
}
