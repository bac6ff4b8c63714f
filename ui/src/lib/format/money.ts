// Money comes from the core as whole kopecks and quantities as thousandths of
// their unit (never floats there); these helpers only render and pre-fill text
// for inputs. Parsing of what the operator types stays in the core.
import { getLocale, t, type MessageKey } from "../i18n";
import type { Unit } from "../api/client";

const KOPECKS = 100;
const MILLI = 1000;

/** «1 234,50 ₽» (ru) or «₽1,234.50» (en); whole rubles keep their kopecks for alignment. */
export function fmtMoney(kopecks: number): string {
  return new Intl.NumberFormat(getLocale() === "ru" ? "ru-RU" : "en-US", {
    style: "currency",
    currency: "RUB",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(kopecks / KOPECKS);
}

/** An amount as the operator types it back into an input: «1234,5» / «1234.5», no grouping. */
export function moneyInput(kopecks: number | null | undefined): string {
  if (kopecks === null || kopecks === undefined) return "";
  return decimalInput(kopecks, KOPECKS);
}

/** A quantity as typed into an input: 1500 → «1,5» (ru). */
export function quantityInput(milli: number | null | undefined): string {
  if (milli === null || milli === undefined) return "";
  return decimalInput(milli, MILLI);
}

function decimalInput(scaled: number, scale: number): string {
  const sign = scaled < 0 ? "-" : "";
  const abs = Math.abs(scaled);
  const whole = Math.trunc(abs / scale);
  const digits = String(scale).length - 1;
  const fraction = String(abs % scale).padStart(digits, "0").replace(/0+$/, "");
  const mark = getLocale() === "ru" ? "," : ".";
  return fraction ? `${sign}${whole}${mark}${fraction}` : `${sign}${whole}`;
}

/** «1,5» without the unit, grouped: 1234500 → «1 234,5». */
export function fmtQuantityNumber(milli: number): string {
  return new Intl.NumberFormat(getLocale() === "ru" ? "ru-RU" : "en-US", { maximumFractionDigits: 3 }).format(milli / MILLI);
}

const UNIT_KEYS: Record<Unit, MessageKey> = {
  piece: "unit.piece",
  litre: "unit.litre",
  kilogram: "unit.kilogram",
  metre: "unit.metre",
  set: "unit.set",
};

/** «шт», «л»… */
export function unitLabel(unit: Unit): string {
  return t(UNIT_KEYS[unit]);
}

/** «8 шт», «1,5 л». */
export function fmtQuantity(milli: number, unit: Unit): string {
  return `${fmtQuantityNumber(milli)}\u00a0${unitLabel(unit)}`;
}
