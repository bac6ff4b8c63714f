// Rewrites what the operator types (upper case, digits only) without making
// the caret jump to the end.

/** Applies `rewrite` to the input's text and keeps the caret after the same characters. */
export function rewriteInput(el: HTMLInputElement, rewrite: (text: string) => string): string {
  const value = rewrite(el.value);
  if (value === el.value) return value;
  const caret = el.selectionStart;
  const before = caret === null ? null : rewrite(el.value.slice(0, caret)).length;
  el.value = value;
  if (before !== null && document.activeElement === el) el.setSelectionRange(before, before);
  return value;
}

export const toUpper = (s: string) => s.toLocaleUpperCase("ru-RU");
export const toVin = (s: string) => s.replace(/\s+/g, "").toUpperCase();
export const digitsOnly = (s: string) => s.replace(/\D+/g, "");
