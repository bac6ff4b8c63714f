// The schedule screen's pure logic: what the calendar is given for a loaded
// week (columns, blocks, working time), the period's label, and the colours of
// the statuses. No DOM: tested in schedule.test.ts.
import { format, parseISO } from "date-fns";
import { enUS, ru } from "date-fns/locale";
import type { Appointment, AppointmentStatus, EmployeeId, ScheduleView as LoadedWeek, Staff } from "../../lib/api/client";
import { startsWithLegalForm } from "../../lib/format/company";
import { formatPlate } from "../../lib/format/plate";
import { getLocale } from "../../lib/i18n";
import { addDays, visibleDays, type BackgroundSpan, type CalendarEvent, type CalendarResource, type ScheduleView } from "./calendar/calendar";
import { shortName } from "./appointment/appointment";

/** Block colours: the awaited ones blue, the car at the shop green, the rest muted. */
export const STATUS_COLOURS: Record<AppointmentStatus, string> = {
  planned: "#64a0e0",
  confirmed: "#1f6fc5",
  arrived: "#2e8b57",
  no_show: "#c0504d",
  cancelled: "#9aa3ad",
  rescheduled: "#d88a2b",
};

/** Statuses that keep the mechanic busy; the others are drawn faded. */
export function holdsTime(status: AppointmentStatus): boolean {
  return status === "planned" || status === "confirmed" || status === "arrived";
}

/** The days to load for the shown period, inclusive. */
export function loadRange(view: ScheduleView, date: string): { from: string; to: string } {
  const days = visibleDays(view, date);
  return { from: days[0]!, to: days[days.length - 1]! };
}

/** One step back or forward: a day or a week. */
export function shiftDate(view: ScheduleView, date: string, steps: number): string {
  return addDays(date, steps * (view === "day" ? 1 : 7));
}

/** The shown mechanics: all, or the one chosen. */
export function shownMechanics(mechanics: readonly Staff[], only: EmployeeId | null): Staff[] {
  if (only === null) return [...mechanics];
  return mechanics.filter((m) => m.id === only);
}

export function toResources(mechanics: readonly Staff[]): CalendarResource[] {
  return mechanics.map((m) => ({ id: String(m.id), title: m.name, colour: m.colour }));
}

/** «Иванов И. И.» for a person, the name as it is for a company. */
export function clientLine(name: string): string {
  return startsWithLegalForm(name) ? name : shortName(name);
}

/** «Kia Rio А 123 ВС 77», or the model alone. */
export function carLine(a: Appointment): string {
  if (!a.vehicle) return "";
  const plate = a.vehicle.plate ? formatPlate(a.vehicle.plate) : "";
  return [a.vehicle.name, plate].filter((part) => part !== "").join(" ");
}

export function toEvents(appointments: readonly Appointment[], shown: readonly Staff[]): CalendarEvent[] {
  const ids = new Set(shown.map((m) => m.id));
  return appointments
    .filter((a) => ids.has(a.mechanic))
    .map((a) => ({
      id: a.id,
      resourceId: String(a.mechanic),
      start: a.start,
      end: a.end,
      title: clientLine(a.client.name),
      lines: [carLine(a), a.services.map((s) => s.name).join(", ")].filter((line) => line !== ""),
      colour: STATUS_COLOURS[a.status],
      faded: !holdsTime(a.status),
    }));
}

/** Each shown mechanic's working intervals. */
export function toBackground(week: LoadedWeek, shown: readonly Staff[]): BackgroundSpan[] {
  const ids = new Set(shown.map((m) => m.id));
  return week.shifts
    .filter((s) => ids.has(s.employee))
    .flatMap((s) =>
      s.days.flatMap((day) => day.intervals.map((span) => ({ resourceId: String(s.employee), start: span.start, end: span.end }))),
    );
}

/** «HH:mm» of a core time «HH:mm:ss». */
export function clock(time: string): string {
  return time.slice(0, 5);
}

/** «30 ноября – 6 декабря 2026» for a week, «понедельник, 30 ноября 2026» for a day. */
export function periodLabel(view: ScheduleView, date: string): string {
  const locale = getLocale() === "ru" ? ru : enUS;
  const days = visibleDays(view, date);
  const first = parseISO(days[0]!);
  if (view === "day") return format(first, getLocale() === "ru" ? "EEEE, d MMMM yyyy" : "EEEE, MMMM d, yyyy", { locale });
  const last = parseISO(days[days.length - 1]!);
  const sameMonth = first.getMonth() === last.getMonth();
  if (getLocale() === "ru") {
    return sameMonth
      ? `${format(first, "d", { locale })} – ${format(last, "d MMMM yyyy", { locale })}`
      : `${format(first, "d MMMM", { locale })} – ${format(last, "d MMMM yyyy", { locale })}`;
  }
  return sameMonth
    ? `${format(first, "MMMM d", { locale })} – ${format(last, "d, yyyy", { locale })}`
    : `${format(first, "MMM d", { locale })} – ${format(last, "MMM d, yyyy", { locale })}`;
}

/** How many time-holding appointments a mechanic has in the loaded period. */
export function loadOf(appointments: readonly Appointment[], mechanic: EmployeeId): number {
  return appointments.filter((a) => a.mechanic === mechanic && holdsTime(a.status)).length;
}
