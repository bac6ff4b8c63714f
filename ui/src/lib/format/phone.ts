// Display formatting of phone numbers stored as E.164 ("+79123456789").

// Country calling codes of two digits (ITU-T E.164 zones 2–9). Codes 1 and 7
// have one digit; every other code has three.
const TWO_DIGIT_CODES = new Set([
  "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45",
  "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61",
  "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94",
  "95", "98",
]);

function countryCodeLength(digits: string): number {
  if (digits.startsWith("1") || digits.startsWith("7")) return 1;
  return TWO_DIGIT_CODES.has(digits.slice(0, 2)) ? 2 : 3;
}

/** Groups a national number as "AAA BBB-CC-DD": the last seven as "BBB-CC-DD", the rest in front. */
function groupNational(national: string): string {
  if (national.length < 7) return national;
  const head = national.slice(0, -7);
  const tail = `${national.slice(-7, -4)}-${national.slice(-4, -2)}-${national.slice(-2)}`;
  return head ? `${head} ${tail}` : tail;
}

/**
 * "+79123456789" → "+7 912 345-67-89"; "+375291234567" → "+375 29 123-45-67".
 * Anything that is not E.164 is returned unchanged; null/empty → "".
 */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return "";
  const value = e164.trim();
  if (!/^\+\d{4,15}$/.test(value)) return value;
  const digits = value.slice(1);
  const ccLength = countryCodeLength(digits);
  const cc = digits.slice(0, ccLength);
  const national = digits.slice(ccLength);
  return `+${cc} ${groupNational(national)}`;
}

/** True when a search query is a phone number (or a part of one) rather than a name. */
export function looksLikePhone(query: string): boolean {
  const value = query.trim();
  if (!/^[+\d\s()\-.]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, "");
  return digits.length >= 3;
}
