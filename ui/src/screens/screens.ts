import type { MessageKey } from "../lib/i18n";

export type ScreenId = "schedule" | "clients" | "orders" | "products" | "prices" | "reminders" | "settings";

/** Sidebar order; Alt+1…Alt+7 follow it. */
export const SCREENS: readonly { id: ScreenId; title: MessageKey }[] = [
  { id: "schedule", title: "nav.schedule" },
  { id: "clients", title: "nav.clients" },
  { id: "orders", title: "nav.orders" },
  { id: "products", title: "nav.products" },
  { id: "prices", title: "nav.prices" },
  { id: "reminders", title: "nav.reminders" },
  { id: "settings", title: "nav.settings" },
];

/** The operator's main screen. */
export const START_SCREEN: ScreenId = "schedule";

/** The screen of an Alt+digit shortcut (by physical key, so any layout works), or null. */
export function screenForShortcut(event: Pick<KeyboardEvent, "altKey" | "ctrlKey" | "metaKey" | "shiftKey" | "code">): ScreenId | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
  if (!match) return null;
  return SCREENS[Number(match[1]) - 1]?.id ?? null;
}
