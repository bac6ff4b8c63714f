// The current locale, reactive (runes) and persisted in localStorage.
import { en } from "./en";
import { ru, type MessageKey } from "./ru";
import {
  LOCALES,
  formatNumber,
  interpolate,
  pluralForm,
  type Locale,
  type Params,
  type PluralKey,
} from "./translate";

export const STORAGE_KEY = "remzona.locale";
const DEFAULT_LOCALE: Locale = "ru";

const dictionaries: Record<Locale, Record<MessageKey, string>> = { ru, en };

function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

function readStored(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

const initialLocale = readStored();
let current = $state<Locale>(initialLocale);
applyToDocument(initialLocale);

function applyToDocument(locale: Locale): void {
  if (typeof document !== "undefined") document.documentElement.lang = locale;
}

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  if (!isLocale(locale)) return;
  current = locale;
  applyToDocument(locale);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage may be unavailable (private mode); the choice still applies now.
  }
}

/** Translates a key in the current locale; reactive when read in markup. */
export function t(key: MessageKey, params?: Params): string {
  return interpolate(dictionaries[current][key] ?? ru[key] ?? key, params);
}

/** Plural phrase: tn("clients.count.found", 3) → «Найдено: 3 клиента». `{n}` is the formatted number. */
export function tn(key: PluralKey, n: number, params?: Params): string {
  const form = pluralForm(current, n);
  return t(`${key}.${form}` as MessageKey, { n: formatNumber(current, n), ...params });
}

/** A number formatted for the current locale: 1234 → «1 234». */
export function fmtNumber(n: number): string {
  return formatNumber(current, n);
}
