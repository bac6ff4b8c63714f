// The VIN check digit (9th character) of ISO 3779 as North America requires it.
// Elsewhere the 9th character may be anything, so a mismatch is only a hint.

const LETTER_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** The expected 9th character of a well-formed 17-character VIN, or null when it is not one. */
export function vinCheckDigit(vin: string): string | null {
  const value = vin.trim().toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(value)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = value[i]!;
    const n = /\d/.test(ch) ? Number(ch) : LETTER_VALUES[ch]!;
    sum += n * WEIGHTS[i]!;
  }
  const rest = sum % 11;
  return rest === 10 ? "X" : String(rest);
}

/** Made for North America (WMI starting with 1–5), where the check digit is mandatory. */
export function isNorthAmericanVin(vin: string): boolean {
  return /^[1-5]/.test(vin.trim());
}

/**
 * True for a well-formed North-American VIN whose 9th character is not its
 * check digit: then the VIN was most likely misread. Cars made elsewhere
 * (a LADA, a Kia from Kaliningrad) need not have a check digit at all, so
 * they never get the hint.
 */
export function vinCheckMismatch(vin: string): boolean {
  const expected = vinCheckDigit(vin);
  return expected !== null && isNorthAmericanVin(vin) && vin.trim().toUpperCase()[8] !== expected;
}
