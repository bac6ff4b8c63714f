// Pure helpers behind t()/tn(): interpolation and plural rules.
import type { MessageKey } from "./ru";

export type Locale = "ru" | "en";
export const LOCALES: readonly Locale[] = ["ru", "en"];
export type Params = Record<string, string | number>;

export type PluralForm = "one" | "few" | "many";
/** Base of every plural key: "clients.count.found" for "clients.count.found.one". */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.one` ? Base : never;
}[MessageKey];

/** Russian: 1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 11–14, 25… → many. */
export function pluralRu(n: number): PluralForm {
  const abs = Math.abs(Math.trunc(n));
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (!Number.isInteger(n)) return "few"; // 1,5 клиента — fractions take the genitive singular
  if (mod10 === 1 && mod100 !== 11) return "one";
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return "few";
  return "many";
}

export function pluralEn(n: number): PluralForm {
  return n === 1 ? "one" : "many";
}

export function pluralForm(locale: Locale, n: number): PluralForm {
  return locale === "ru" ? pluralRu(n) : pluralEn(n);
}

/** Replaces `{name}` with params.name; unknown placeholders stay as they are. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function formatNumber(locale: Locale, n: number): string {
  return new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-US").format(n);
}
