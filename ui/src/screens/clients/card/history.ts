// Sections of the history timeline and the wording of its entries. Later
// features add entries of their kinds; each kind belongs to one section.
import type { HistoryEntry, HistoryKind } from "../../../lib/api/client";
import { t, type MessageKey } from "../../../lib/i18n";
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
  return detail;
}

export function vehicleText(entry: HistoryEntry): string {
  if (!entry.vehicle) return "";
  return vehicleMark(entry.vehicle);
}
