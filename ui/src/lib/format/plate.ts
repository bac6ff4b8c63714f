// Display formatting of registration plates stored canonically in Cyrillic ("А123ВС77").

/** The 12 Cyrillic letters Russian plates use (they look like Latin ones). */
const L = "[АВЕКМНОРСТУХ]";
const PRIVATE_CAR = new RegExp(`^(${L})(\\d{3})(${L}{2})(\\d{2,3})$`, "u");

/**
 * A private car's plate spaced like the plate itself: "А123ВС77" → "А 123 ВС 77",
 * "А123ВС777" → "А 123 ВС 777". Other plates (taxi, trailer, foreign) as they are.
 */
export function formatPlate(canonical: string | null | undefined): string {
  if (!canonical) return "";
  const m = PRIVATE_CAR.exec(canonical);
  return m ? `${m[1]} ${m[2]} ${m[3]} ${m[4]}` : canonical;
}
