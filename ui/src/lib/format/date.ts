import { format, isValid, parseISO } from "date-fns";

/** Shop date format: an ISO-8601 instant → "dd.MM.yyyy" in local time; "" when unparseable. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = parseISO(iso);
  return isValid(date) ? format(date, "dd.MM.yyyy") : "";
}
