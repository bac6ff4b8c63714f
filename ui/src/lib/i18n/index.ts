export { t, tn, fmtNumber, getLocale, setLocale, STORAGE_KEY } from "./locale.svelte";
export { LOCALES, pluralRu, pluralEn, interpolate, type Locale, type Params, type PluralKey } from "./translate";
export type { MessageKey } from "./ru";
