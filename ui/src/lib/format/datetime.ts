// Date and time in the current interface language, via date-fns locales.
import { format, isValid, parseISO, type Locale as DateLocale } from "date-fns";
import { enUS, ru } from "date-fns/locale";
import { getLocale } from "../i18n";

function dateLocale(): DateLocale {
  return getLocale() === "ru" ? ru : enUS;
}

/** An ISO instant → «12 марта 2025, 14:30» (ru) / «Mar 12, 2025, 2:30 PM» (en); "" when unparseable. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = parseISO(iso);
  if (!isValid(date)) return "";
  const pattern = getLocale() === "ru" ? "d MMMM yyyy, HH:mm" : "MMM d, yyyy, h:mm a";
  return format(date, pattern, { locale: dateLocale() });
}
