// What the stock document windows share: their lines, the messages of the
// issues the core reports on them, and where those messages go.
import { tick } from "svelte";
import { ApiFailure, type FieldIssue, type ProductListItem } from "../../../lib/api/client";
import { errorDetails, errorMessage, issueMessage } from "../../../lib/api/errors";
import { fmtMoney, fmtQuantity } from "../../../lib/format/money";
import { t } from "../../../lib/i18n";
import { milliOf } from "../draft";

export type Failure = { message: string; details: string | null };

/** A document line: the product picked and whatever the operator types for it. */
export type Line<T> = { key: number; item: ProductListItem } & T;

let nextKey = 1;
export function lineKey(): number {
  return nextKey++;
}

const LINE_FIELD = /^lines\.(\d+)\.(\w+)$/;

/**
 * Messages per field. «Not enough stock» names the quantity on hand with the
 * line's unit; an empty document and an empty reason get messages of their own.
 */
export function docMessages(issues: readonly FieldIssue[], lines: readonly { item: ProductListItem }[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const issue of issues) {
    const list = (grouped[issue.field] ??= []);
    const message = docIssueMessage(issue, lines);
    if (!list.includes(message)) list.push(message);
  }
  return grouped;
}

function docIssueMessage(issue: FieldIssue, lines: readonly { item: ProductListItem }[]): string {
  if (issue.field === "lines" && issue.issue === "required") {
    return t("products.doc.lines_required");
  }
  if (issue.field === "reason" && issue.issue === "required") return t("products.writeoff.reason_required");
  const match = LINE_FIELD.exec(issue.field);
  const line = match ? lines[Number(match[1])] : undefined;
  if (issue.issue === "not_enough_stock" && line && issue.detail) {
    const onHand = milliOf(issue.detail);
    if (onHand !== null) return t("products.doc.not_enough", { onhand: fmtQuantity(onHand, line.item.unit) });
  }
  return issueMessage(issue);
}

/** The messages of fields the window has no place for: shown in its banner. */
export function unplacedMessages(messages: Record<string, string[]>, placed: (field: string) => boolean): string[] {
  return Object.entries(messages)
    .filter(([field]) => !placed(field))
    .flatMap(([, list]) => list);
}

/** What a failed post means for the window: issues to show at the fields, or a banner. */
export function postFailure(e: unknown): { issues: FieldIssue[] } | { failure: Failure } {
  if (e instanceof ApiFailure && e.error.code === "validation" && e.error.issues.length > 0) return { issues: e.error.issues };
  return { failure: { message: errorMessage(e), details: errorDetails(e) } };
}

/** The element id of the input a line issue points at: `receipt-line-quantity-0`. */
export function lineInputId(prefix: string, field: string, fallback: string): string {
  const match = LINE_FIELD.exec(field);
  if (!match) return fallback;
  return `${prefix}-line-${match[2] === "productId" ? fallback : match[2]}-${match[1]}`;
}

/** Focuses (and selects) an input once it is on screen. */
export function focusInput(id: string): void {
  void tick().then(() => {
    const el = document.getElementById(id);
    el?.focus();
    if (el instanceof HTMLInputElement) el.select();
  });
}

/** Adds a line for `item`, or finds the line it already has; returns its index. */
export function addLine<T>(lines: Line<T>[], item: ProductListItem, fields: T): { index: number; added: boolean } {
  const existing = lines.findIndex((l) => l.item.id === item.id);
  if (existing >= 0) return { index: existing, added: false };
  lines.push({ key: lineKey(), item, ...fields });
  return { index: lines.length - 1, added: true };
}

/** The total of the lines' amounts as shown in the footer; a dash while any amount is unknown. */
export function docTotal(amounts: readonly (number | null)[]): string {
  if (amounts.some((a) => a === null)) return t("common.dash");
  return fmtMoney(amounts.reduce<number>((sum, a) => sum + (a ?? 0), 0));
}
