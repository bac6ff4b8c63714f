// How the price list shows its numbers: hours, durations, rates, and the
// previews the service window draws while the operator types. The previews
// only mirror the core's arithmetic for display; what is saved is always
// parsed and computed by the core.
import type { ServiceCategory, ServiceCategoryId } from "../../lib/api/client";
import { fmtQuantityNumber } from "../../lib/format/money";
import { getLocale, t } from "../../lib/i18n";

/** The schedule's grid: a duration from hours is rounded up to it. */
export const SLOT_MINUTES = 15;
const MILLI = 1000;

/** «2 500 ₽» for whole rubles, «2 500,50 ₽» otherwise: rates and totals read better without «,00». */
export function fmtRub(kopecks: number): string {
  const whole = kopecks % 100 === 0;
  return new Intl.NumberFormat(getLocale() === "ru" ? "ru-RU" : "en-US", {
    style: "currency",
    currency: "RUB",
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(kopecks / 100);
}

/** «2 500 ₽/ч». */
export function fmtRate(kopecks: number): string {
  return t("prices.rate.per_hour", { rate: fmtRub(kopecks) });
}

/** «1,5 н/ч». */
export function fmtHours(milli: number): string {
  return t("prices.hours.value", { hours: fmtQuantityNumber(milli) });
}

/** «1 ч 30 мин», «45 мин», «2 ч». */
export function fmtDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t("prices.duration.m", { m });
  if (m === 0) return t("prices.duration.h", { h });
  return t("prices.duration.hm", { h, m });
}

/**
 * A decimal as typed («1,5», «2 500», «1234.50») scaled to an integer with
 * `decimals` places, or null when it is not one (or has more places). For
 * previews only.
 */
export function parseScaled(text: string, decimals: number): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > decimals) return null;
  const scaled = Number(match[1]) * 10 ** decimals + Number(fraction.padEnd(decimals, "0") || "0");
  return Number.isSafeInteger(scaled) ? scaled : null;
}

/** The standard hours rounded up to the 15-minute grid, at least one slot (as the core books them). */
export function durationForHours(milli: number): number {
  const minutes = Math.ceil((Math.max(0, milli) * 60) / MILLI);
  return Math.max(SLOT_MINUTES, Math.ceil(minutes / SLOT_MINUTES) * SLOT_MINUTES);
}

/** Hours × rate to the kopeck, half away from zero (both are positive here). */
export function priceByRate(rateKopecks: number, milli: number): number {
  return Math.round((rateKopecks * milli) / MILLI);
}

/** The rate a service of this category is priced at: the category's own or the shop's. */
export function rateOf(
  categoryId: ServiceCategoryId | null,
  categories: readonly ServiceCategory[],
  shopRate: number,
): number {
  const own = categories.find((c) => c.id === categoryId)?.hourlyRate;
  return own ?? shopRate;
}
