// Sections of the history timeline and the wording of its entries. Later
// features add entries of their kinds; each kind belongs to one section.
import type { HistoryEntry, HistoryKind } from "../../../lib/api/client";
import { t, type MessageKey } from "../../../lib/i18n";
import { fmtMoney } from "../../../lib/format/money";
import { vehicleMark } from "../../../lib/format/vehicle";
import { formatKm } from "../../vehicles/format";
import { isTopic, topicLabel } from "./consents";

export const SECTIONS = [
  "all",
  "visits",
  "appointments",
  "orders",
  "documents",
  "payments",
  "reminders",
  "vehicles",
  "consents",
] as const;
export type HistorySection = (typeof SECTIONS)[number];

/** null: the entry is about the client record itself and shows under «Все» only. */
const SECTION_OF: Record<HistoryKind, HistorySection | null> = {
  client_created: null,
  client_updated: null,
  client_archived: null,
  client_restored: null,
  client_merged: null,
  imported: null,
  vehicle_added: "vehicles",
  vehicle_received: "vehicles",
  vehicle_handed_over: "vehicles",
  odometer_recorded: "vehicles",
  consent_granted: "consents",
  consent_withdrawn: "consents",
  visit: "visits",
  appointment: "appointments",
  repair_order: "orders",
  document: "documents",
  payment: "payments",
  sale: "payments",
  reminder: "reminders",
};

export function sectionOf(kind: HistoryKind): HistorySection | null {
  return SECTION_OF[kind] ?? null;
}

export function inSection(entry: HistoryEntry, section: HistorySection): boolean {
  return section === "all" || sectionOf(entry.kind) === section;
}

/** Newest first. */
export function sortHistory(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

export function kindLabel(kind: HistoryKind): string {
  return t(`history.kind.${kind}` as MessageKey);
}

/** The entry's fact in the interface language: a consent topic is named, «84000 km» becomes «84 000 км». */
export function detailText(entry: HistoryEntry): string {
  const detail = entry.detail.trim();
  if ((entry.kind === "consent_granted" || entry.kind === "consent_withdrawn") && isTopic(detail)) {
    return topicLabel(detail);
  }
  if (entry.kind === "odometer_recorded") {
    const km = /^(\d+)\s*km$/i.exec(detail);
    if (km) return formatKm(Number(km[1]));
  }
  if (entry.kind === "repair_order") return orderDetail(detail);
  if (entry.kind === "payment") return paymentDetail(detail);
  if (entry.kind === "document") return documentDetail(detail);
  if (entry.kind === "sale") return saleDetail(detail);
  return detail;
}

const ORDER_STATUSES = ["open", "in_progress", "waiting_parts", "ready", "issued", "cancelled"] as const;
const PAYMENT_METHODS = ["cash", "card", "transfer"] as const;
/** The core writes a document's title in Russian (`DocumentKind::title_ru`); the kind is read back from it. */
const DOCUMENT_TITLES: Record<string, string> = {
  "Заказ-наряд": "order",
  "Акт приёма-передачи автомобиля в ремонт": "acceptance",
  "Акт выполненных работ": "completion",
  "Квитанция": "receipt",
  "Счёт на оплату": "invoice",
};

/** The core's amount «1850.00» (rubles with a dot) in kopecks; null when it is not one. */
function kopecksOf(text: string): number | null {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const kopecks = Number(match[2]) * 100 + Number(match[3]);
  return match[1] ? -kopecks : kopecks;
}

/** «ЗН-2026-000012 · in_progress» → «ЗН-2026-000012 · В работе»; a complaint stays as written. */
function orderDetail(detail: string): string {
  const [number, ...rest] = detail.split(" · ");
  const tail = rest.join(" · ");
  if ((ORDER_STATUSES as readonly string[]).includes(tail)) {
    return `${number} · ${t(`paperwork.status.${tail}` as MessageKey)}`;
  }
  return detail;
}

/** «ЗН-2026-000012 · 1850.00 · card» → «ЗН-2026-000012 · 1 850,00 ₽ · картой»; a refund comes with «−». */
function paymentDetail(detail: string): string {
  const parts = detail.split(" · ");
  if (parts.length !== 3) return detail;
  const [number, amountText, method] = parts as [string, string, string];
  const refund = amountText.startsWith("−");
  const kopecks = kopecksOf(refund ? amountText.slice(1) : amountText);
  if (kopecks === null) return detail;
  const amount = refund ? t("history.payment.refund", { amount: fmtMoney(kopecks) }) : fmtMoney(kopecks);
  const how = (PAYMENT_METHODS as readonly string[]).includes(method)
    ? t(`history.payment.method.${method}` as MessageKey)
    : method;
  return [number, amount, how].join(" · ");
}

/** «Акт приёма-передачи автомобиля в ремонт АП-2026-000007 (версия 2)» in the interface language. */
function documentDetail(detail: string): string {
  const match = /^(.+?) (\S+-\d{4}-\d+)(?: \(версия (\d+)\))?$/.exec(detail);
  const kind = match ? DOCUMENT_TITLES[match[1]!] : undefined;
  if (!match || !kind) return detail;
  const title = `${t(`paperwork.kind.${kind}` as MessageKey)} ${match[2]}`;
  return match[3] ? `${title}, ${t("paperwork.version", { n: match[3] })}` : title;
}

/** «ПР-2026-00017 · 1850.00» → «ПР-2026-00017 · 1 850,00 ₽». */
function saleDetail(detail: string): string {
  const [number, amountText, ...rest] = detail.split(" · ");
  const kopecks = amountText === undefined ? null : kopecksOf(amountText);
  if (kopecks === null || rest.length > 0) return detail;
  return `${number} · ${fmtMoney(kopecks)}`;
}

export function vehicleText(entry: HistoryEntry): string {
  if (!entry.vehicle) return "";
  return vehicleMark(entry.vehicle);
}
