/** `2026-11-20` (as stored) → `20.11.2026` (as the shop writes it); other text as it is. */
export function russianDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}
