// The appointment window's pure logic: the form's state and the draft it
// sends, durations («1 ч 30 мин», typed «90» or «1:30»), the finder's inputs
// and labels («Пн 30.11, 10:00–11:30 · Петров С. · Пост 1»), and the history
// sentences. The core checks and books; these only mirror it for display.
import { format, isValid, parseISO, type Locale as DateLocale } from "date-fns";
import { enUS, ru } from "date-fns/locale";
import type {
  Appointment,
  AppointmentChange,
  AppointmentDraft,
  AppointmentService,
  AppointmentStatus,
  Bay,
  BayId,
  BookingSource,
  ClientId,
  EmployeeId,
  Placement,
  Service,
  ServiceId,
  SlotOffer,
  Staff,
  VehicleId,
} from "../../../lib/api/client";
import { getLocale, t } from "../../../lib/i18n";
import { fmtDuration } from "../../prices/format";

export { fmtDuration };

/** A service of the appointment; `skills` is null until the price list told them. */
export interface ServiceLine {
  id: ServiceId;
  code: string;
  name: string;
  minutes: number;
  skills: number[] | null;
}

export interface ChosenClient {
  id: ClientId;
  name: string;
  /** As stored (`+79161234567`); empty when none. */
  phone: string;
}

export interface AppointmentForm {
  client: ChosenClient | null;
  vehicle: VehicleId | null;
  services: ServiceLine[];
  /** The duration typed over the services' own («1:30», «90»); null or blank: by the works. */
  duration: string | null;
  mechanic: EmployeeId | null;
  bay: BayId | null;
  /** As typed: «30.11.2026» or «2026-11-30». */
  date: string;
  /** As typed: «10:00». */
  time: string;
  status: AppointmentStatus;
  source: BookingSource;
  comment: string;
}

export const STATUSES: readonly AppointmentStatus[] = ["planned", "confirmed", "arrived", "no_show", "cancelled", "rescheduled"];
export const SOURCES: readonly BookingSource[] = ["phone", "walk_in", "online"];
/** The statuses an existing appointment gets with one button. */
export const QUICK_STATUSES = ["confirmed", "arrived", "no_show", "cancelled"] as const;

/** The core's field names in the order the window shows them (for «focus the first bad field»). */
export const FIELDS = ["client", "vehicle", "services", "durationMinutes", "mechanic", "bay", "date", "time", "status", "source", "comment"] as const;

export function statusLabel(status: AppointmentStatus): string {
  return t(`status.${status}`);
}

export function sourceLabel(source: BookingSource): string {
  return t(`source.${source}`);
}

export function lineOfService(s: Service): ServiceLine {
  return { id: s.id, code: s.code, name: s.name, minutes: s.durationMinutes, skills: s.skills.map((k) => k.id) };
}

export function lineOfAppointment(s: AppointmentService): ServiceLine {
  return { id: s.id, code: s.code, name: s.name, minutes: s.minutes, skills: null };
}

// ---- Dates and times ----

const pad = (n: number) => String(n).padStart(2, "0");

/** «30.11.2026» or «2026-11-30» (as the core reads them) → «2026-11-30»; null when it is not a date. */
export function parseDate(text: string): string | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : ru ? [ru[3], ru[2], ru[1]] : [];
  if (!y || !m || !d) return null;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return `${y}-${pad(month)}-${pad(day)}`;
}

/** «10:00», «10.30», «1030», «9» (as the core reads them) → «10:00»; null when it is not a time. */
export function parseTime(text: string): string | null {
  const s = text.trim();
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(s) ?? /^(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? "0");
  if (hours === 24 && minutes === 0) return "00:00";
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}

/** «2026-11-30T10:00:00» → { date: «30.11.2026», time: «10:00» }. */
export function splitStart(start: string): { date: string; time: string } {
  const [y, m, d] = start.slice(0, 10).split("-");
  return { date: `${d}.${m}.${y}`, time: start.slice(11, 16) };
}

/** The typed date and time as the finder asks about them (`2026-11-30T10:00:00`); null until both are read. */
export function startOf(form: Pick<AppointmentForm, "date" | "time">): string | null {
  const date = parseDate(form.date);
  const time = parseTime(form.time);
  return date && time ? `${date}T${time}:00` : null;
}

function dateLocale(): DateLocale {
  return getLocale() === "ru" ? ru : enUS;
}

function local(text: string): Date | null {
  const date = parseISO(text);
  return isValid(date) ? date : null;
}

/** «пн» (ru) / «Mon» (en). */
function weekday(date: Date): string {
  return format(date, getLocale() === "ru" ? "EEEEEE" : "EEE", { locale: dateLocale() });
}

const capital = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** «пн 30.11 10:00» of a shop-time `2026-11-30T10:00:00`. */
export function dayAndTime(at: string): string {
  const date = local(at);
  return date ? `${weekday(date)} ${format(date, "dd.MM HH:mm")}` : at;
}

/** «27.11 10:15»: when a change was made (an instant, shown in this computer's time). */
export function historyTime(at: string): string {
  const date = local(at);
  return date ? format(date, "dd.MM HH:mm") : at;
}

// ---- Durations ----

export function servicesMinutes(lines: readonly Pick<ServiceLine, "minutes">[]): number {
  return lines.reduce((sum, line) => sum + line.minutes, 0);
}

/** «1:30» of 90 minutes: how the duration field shows it. */
export function fmtClock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${pad(minutes % 60)}`;
}

/**
 * A typed duration in minutes: «90», «1:30», «1.30», «1 ч 30 мин», «2ч», «45 мин»,
 * «1h 30m». Blank → 0 (by the works); null when it is not a duration.
 */
export function parseDuration(text: string): number | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (s === "") return 0;
  if (/^\d+$/.test(s)) return Number(s);
  const clock = /^(\d+)[:.](\d{2})$/.exec(s);
  if (clock) return Number(clock[2]) < 60 ? Number(clock[1]) * 60 + Number(clock[2]) : null;
  const words = /^(?:(\d+) ?(?:ч|час|часа|часов|h)\.?)? ?(?:(\d+) ?(?:м|мин|min|m)\.?)?$/.exec(s);
  if (words && (words[1] !== undefined || words[2] !== undefined)) {
    return Number(words[1] ?? 0) * 60 + Number(words[2] ?? 0);
  }
  return null;
}

/** Whether the duration follows the services (nothing typed over it). */
export function byWorks(form: Pick<AppointmentForm, "duration">): boolean {
  return form.duration === null || form.duration.trim() === "";
}

/** The minutes the appointment takes as the form stands; null when the typed duration is not one. */
export function effectiveMinutes(form: Pick<AppointmentForm, "duration" | "services">): number | null {
  if (byWorks(form)) return servicesMinutes(form.services);
  const typed = parseDuration(form.duration ?? "");
  return typed === null || typed === 0 ? null : typed;
}

/** What the draft sends as `durationMinutes`: 0 = the services' own (the core adds them up). */
export function draftMinutes(form: Pick<AppointmentForm, "duration" | "services">): number {
  return byWorks(form) ? 0 : (effectiveMinutes(form) ?? 0);
}

// ---- The form ----

export function emptyForm(start: string | null = null, mechanic: EmployeeId | null = null): AppointmentForm {
  const when = start ? splitStart(start) : { date: "", time: "" };
  return {
    client: null,
    vehicle: null,
    services: [],
    duration: null,
    mechanic,
    bay: null,
    date: when.date,
    time: when.time,
    status: "planned",
    source: "phone",
    comment: "",
  };
}

function minutesBetween(start: string, end: string): number {
  const a = local(start);
  const b = local(end);
  return a && b ? Math.round((b.getTime() - a.getTime()) / 60000) : 0;
}

export function formFromAppointment(a: Appointment): AppointmentForm {
  const services = a.services.map(lineOfAppointment);
  const minutes = minutesBetween(a.start, a.end);
  return {
    client: { id: a.client.id, name: a.client.name, phone: a.client.phone },
    vehicle: a.vehicle?.id ?? null,
    services,
    duration: minutes === servicesMinutes(services) ? null : fmtClock(minutes),
    mechanic: a.mechanic,
    bay: a.bay ?? null,
    ...splitStart(a.start),
    status: a.status,
    source: a.source,
    comment: a.comment,
  };
}

export function draftOf(form: AppointmentForm): AppointmentDraft {
  return {
    client: form.client?.id ?? null,
    vehicle: form.vehicle,
    services: form.services.map((s) => s.id),
    durationMinutes: draftMinutes(form),
    mechanic: form.mechanic,
    bay: form.bay,
    date: form.date.trim(),
    time: form.time.trim(),
    status: form.status,
    source: form.source,
    comment: form.comment,
  };
}

/** What «changed?» compares: the draft and the duration as typed (not names or skills looked up later). */
export function snapshot(form: AppointmentForm): string {
  return JSON.stringify({ ...draftOf(form), duration: byWorks(form) ? null : form.duration?.trim() });
}

export function isDirty(form: AppointmentForm, pristine: string): boolean {
  return snapshot(form) !== pristine;
}

/** Problems the window sees before asking the core: a duration that is not one. */
export function localErrors(form: AppointmentForm): Record<string, string[]> {
  return byWorks(form) || effectiveMinutes(form) !== null ? {} : { durationMinutes: [t("appointment.duration.invalid")] };
}

// ---- Mechanics and the finder ----

/** «Петров Сергей» → «Петров С.», «Петров Сергей Иванович» → «Петров С. И.». */
export function shortName(name: string): string {
  const [surname, ...rest] = name.trim().split(/\s+/);
  if (!surname) return "";
  return [surname, ...rest.map((part) => `${part.charAt(0)}.`)].join(" ");
}

/** Every skill the services need; null while some service's skills are not known yet. */
export function neededSkills(lines: readonly ServiceLine[]): number[] | null {
  const needed = new Set<number>();
  for (const line of lines) {
    if (line.skills === null) return null;
    for (const skill of line.skills) needed.add(skill);
  }
  return [...needed];
}

/** Whether the mechanic does all of that work (unknown skills count as suitable). */
export function suits(mechanic: Pick<Staff, "skills">, needed: readonly number[] | null): boolean {
  return needed === null || needed.every((skill) => mechanic.skills.includes(skill));
}

export function mechanicShort(id: EmployeeId, mechanics: readonly Staff[]): string {
  const found = mechanics.find((m) => m.id === id);
  return found ? shortName(found.name) : t("appointment.mechanic.unknown", { id });
}

export function bayName(id: BayId, bays: readonly Bay[]): string {
  return bays.find((b) => b.id === id)?.name ?? t("appointment.bay.unknown", { id });
}

/** What the nearest-time finder searches with; null when there is nothing to search for yet. */
export function finderInput(form: AppointmentForm): { services: ServiceId[]; durationMinutes: number; mechanic: EmployeeId | null; day: string | null } | null {
  const minutes = effectiveMinutes(form);
  if (minutes === null || minutes <= 0) return null;
  return { services: form.services.map((s) => s.id), durationMinutes: draftMinutes(form), mechanic: form.mechanic, day: parseDate(form.date) };
}

/** What «who is free then» asks with; null until the work and the time are known. */
export function freeInput(form: AppointmentForm): { services: ServiceId[]; durationMinutes: number; start: string } | null {
  const minutes = effectiveMinutes(form);
  const start = startOf(form);
  if (minutes === null || minutes <= 0 || start === null) return null;
  return { services: form.services.map((s) => s.id), durationMinutes: draftMinutes(form), start };
}

/** «Пн 30.11, 10:00–11:30 · Петров С. · Пост 1». */
export function slotLabel(slot: SlotOffer, mechanics: readonly Staff[], bays: readonly Bay[]): string {
  const start = local(slot.start);
  const end = local(slot.end);
  const when = start && end
    ? t("finder.slot", { day: `${capital(weekday(start))} ${format(start, "dd.MM")}`, start: format(start, "HH:mm"), end: format(end, "HH:mm") })
    : slot.start;
  const bay = slot.bay === null || slot.bay === undefined ? null : bayName(slot.bay, bays);
  return [when, mechanicShort(slot.mechanic, mechanics), bay].filter(Boolean).join(" · ");
}

/** Whether the form now holds this slot (its time and mechanic). */
export function holdsSlot(form: AppointmentForm, slot: SlotOffer): boolean {
  return startOf(form) === slot.start && form.mechanic === slot.mechanic;
}

/** The form with the slot's date, time, mechanic and bay. */
export function withSlot(form: AppointmentForm, slot: SlotOffer): AppointmentForm {
  return { ...form, ...splitStart(slot.start), mechanic: slot.mechanic, bay: slot.bay ?? null };
}

// ---- History ----

const surname = (name: string) => name.trim().split(/\s+/)[0] ?? "";

/** «пн 30.11 10:00 Петров», with «, Пост 1» when the bay is worth saying. */
function place(p: Placement, withBay: boolean): string {
  const where = [dayAndTime(p.start), surname(p.mechanic)].filter(Boolean).join(" ");
  return withBay && p.bay ? `${where}, ${p.bay}` : where;
}

/** «Перенесена: пн 30.11 10:00 Петров → вт 01.12 12:00 Сидоров». */
export function historySentence(change: AppointmentChange): string {
  switch (change.kind) {
    case "created":
      return t("appointment.history.created", { at: place(change.at, true) });
    case "moved": {
      const bayChanged = (change.from.bay ?? null) !== (change.to.bay ?? null);
      const sameStart = change.from.start === change.to.start && change.from.mechanic === change.to.mechanic;
      if (sameStart && !bayChanged) {
        const minutes = minutesBetween(change.to.start, change.to.end);
        return t("appointment.history.resized", { duration: fmtDuration(minutes) });
      }
      return t("appointment.history.moved", { from: place(change.from, bayChanged), to: place(change.to, bayChanged) });
    }
    case "statusChanged":
      return t("appointment.history.status", { from: statusLabel(change.from), to: statusLabel(change.to) });
    case "edited":
      return t("appointment.history.edited");
    case "called":
      return t(`appointment.history.called.${change.outcome}`);
  }
}
