// Pure logic of the shift editor: the days of a month, the selection of cells
// and the painting calls it turns into, what a cell shows, patterns described
// in words, the pattern form turned into a PatternDraft, and the core's issue
// fields matched to the form's fields. No DOM here; tested in shifts.test.ts.
//
// Dates are the core's "yyyy-MM-dd" strings and times its local wall-clock
// "yyyy-MM-ddTHH:mm:ss"; the arithmetic runs on UTC so the browser's zone
// never shifts a day.
import { format } from "date-fns";
import { enUS, ru } from "date-fns/locale";
import type { DayKind, DayShift, DayTemplateDraft, EmployeeId, FieldIssue, PatternDraft, PatternEntry } from "../../../lib/api/client";
import { issueMessage } from "../../../lib/api/errors";
import { getLocale, t, tn } from "../../../lib/i18n";

// ---------------------------------------------------------------------------
// Dates

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})/;

function utc(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return isoDate(utc(date) + days * DAY_MS);
}

/** 0 for Monday … 6 for Sunday. */
export function weekday(date: string): number {
  return (new Date(utc(date)).getUTCDay() + 6) % 7;
}

export function isWeekend(date: string): boolean {
  return weekday(date) >= 5;
}

/** "2026-11-30" → "2026-11". */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** "2026-11" moved by `months`. */
export function addMonths(month: string, months: number): string {
  const [year, index] = month.split("-").map(Number);
  return isoDate(Date.UTC(year ?? 1970, (index ?? 1) - 1 + months, 1)).slice(0, 7);
}

/** Every day of a month, "yyyy-MM-dd". */
export function monthDates(month: string): string[] {
  const dates: string[] = [];
  for (let date = `${month}-01`; monthOf(date) === month; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** "2026-12-01" → «01.12.2026». */
export function formatDay(date: string): string {
  const m = DATE_RE.exec(date);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : date;
}

function dateLocale() {
  return getLocale() === "ru" ? ru : enUS;
}

/** «Ноябрь 2026». */
export function monthTitle(month: string): string {
  const title = format(new Date(`${month}-15T12:00:00`), "LLLL yyyy", { locale: dateLocale() });
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** «пн, 30 ноября». */
function longDay(date: string): string {
  const day = format(new Date(`${date}T12:00:00`), getLocale() === "ru" ? "d MMMM" : "MMMM d", { locale: dateLocale() });
  return `${weekdayName(date)}, ${day}`;
}

/** «Пн». */
export function weekdayName(date: string): string {
  return t(`shifts.weekday.${weekday(date)}` as `shifts.weekday.0`);
}

// ---------------------------------------------------------------------------
// The selection: a set of cells, each a mechanic's day

export type CellPos = { row: number; col: number };

/** A row of the grid: a mechanic and their days by date. */
export type GridRow = { employee: EmployeeId; name: string; colour: string; days: ReadonlyMap<string, DayShift> };

export function cellKey(employee: EmployeeId, date: string): string {
  return `${employee}|${date}`;
}

export function keyParts(key: string): { employee: EmployeeId; date: string } {
  const [employee, date] = key.split("|");
  return { employee: Number(employee), date: date ?? "" };
}

/** The cells between two corners, both included, in any direction. */
export function rectangle(employees: readonly EmployeeId[], dates: readonly string[], a: CellPos, b: CellPos): Set<string> {
  const cells = new Set<string>();
  const [top, bottom] = [Math.min(a.row, b.row), Math.max(a.row, b.row)];
  const [left, right] = [Math.min(a.col, b.col), Math.max(a.col, b.col)];
  for (let row = Math.max(0, top); row <= Math.min(bottom, employees.length - 1); row++) {
    for (let col = Math.max(0, left); col <= Math.min(right, dates.length - 1); col++) {
      cells.add(cellKey(employees[row]!, dates[col]!));
    }
  }
  return cells;
}

/** Where an arrow key (or Home, End) takes the cursor; null for other keys. */
export function moveCursor(from: CellPos, key: string, rows: number, cols: number): CellPos | null {
  const clamp = (value: number, size: number) => Math.max(0, Math.min(size - 1, value));
  switch (key) {
    case "ArrowUp":
      return { row: clamp(from.row - 1, rows), col: from.col };
    case "ArrowDown":
      return { row: clamp(from.row + 1, rows), col: from.col };
    case "ArrowLeft":
      return { row: from.row, col: clamp(from.col - 1, cols) };
    case "ArrowRight":
      return { row: from.row, col: clamp(from.col + 1, cols) };
    case "Home":
      return { row: from.row, col: 0 };
    case "End":
      return { row: from.row, col: cols - 1 };
    default:
      return null;
  }
}

/** Who and which days the selection holds, in the grid's order. */
export function selectionSpan(keys: Iterable<string>, order: readonly EmployeeId[]): { employees: EmployeeId[]; dates: string[] } {
  const employees = new Set<EmployeeId>();
  const dates = new Set<string>();
  for (const key of keys) {
    const { employee, date } = keyParts(key);
    employees.add(employee);
    dates.add(date);
  }
  return {
    employees: order.filter((id) => employees.has(id)),
    dates: [...dates].sort(),
  };
}

/** One painting call: the same days for several people. */
export type Run = { employees: EmployeeId[]; from: string; to: string };

/**
 * The selection as painting calls: each person's selected days split into
 * unbroken runs, the same runs of different people joined into one call. A
 * rectangle is a single call.
 */
export function selectionRuns(keys: Iterable<string>, order: readonly EmployeeId[]): Run[] {
  const byEmployee = new Map<EmployeeId, string[]>();
  for (const key of keys) {
    const { employee, date } = keyParts(key);
    const dates = byEmployee.get(employee) ?? [];
    dates.push(date);
    byEmployee.set(employee, dates);
  }
  const runs = new Map<string, Run>();
  for (const employee of order) {
    const dates = byEmployee.get(employee)?.sort();
    if (!dates) continue;
    let from = dates[0]!;
    let to = from;
    const close = () => {
      const run = runs.get(`${from}|${to}`) ?? { employees: [], from, to };
      run.employees.push(employee);
      runs.set(`${from}|${to}`, run);
    };
    for (const date of dates.slice(1)) {
      if (date === addDays(to, 1)) {
        to = date;
      } else {
        close();
        from = date;
        to = date;
      }
    }
    close();
  }
  return [...runs.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

// ---------------------------------------------------------------------------
// What a cell shows

/** «9», «9:30», and «24» for the midnight that ends a day's shift. */
function shortTime(at: string, day: string): string {
  const hours = Number(at.slice(11, 13));
  const minutes = at.slice(14, 16);
  const shown = hours === 0 && minutes === "00" && at.slice(0, 10) > day && at.slice(0, 10) === addDays(day, 1) ? 24 : hours;
  return minutes === "00" ? String(shown) : `${shown}:${minutes}`;
}

/** The hours of a day as a form shows them: «09:00», «18:00», breaks «13:00–14:00»; null for no work. */
export function dayHours(day: DayShift): { start: string; end: string; breaks: string[] } | null {
  const first = day.intervals[0];
  const last = day.intervals[day.intervals.length - 1];
  if (!first || !last) return null;
  const breaks: string[] = [];
  for (let i = 1; i < day.intervals.length; i++) {
    breaks.push(`${day.intervals[i - 1]!.end.slice(11, 16)}–${day.intervals[i]!.start.slice(11, 16)}`);
  }
  return { start: first.start.slice(11, 16), end: last.end.slice(11, 16), breaks };
}

/** A cell's text («9–18», «20–8», «В», «О») and its corner mark («+» an extra shift, «*» changed hours). */
export function cellLabel(day: DayShift): { text: string; mark: string } {
  const first = day.intervals[0];
  const last = day.intervals[day.intervals.length - 1];
  const hours = first && last ? `${shortTime(first.start, day.date)}–${shortTime(last.end, day.date)}` : "";
  switch (day.kind) {
    case "working":
      return { text: hours || t("shifts.mark.working"), mark: "" };
    case "extraShift":
    case "changedHours":
      return { text: hours || t(`shifts.mark.${day.kind}`), mark: t(`shifts.mark.${day.kind}`) };
    case "noSchedule":
      return { text: "", mark: "" };
    default:
      return { text: t(`shifts.mark.${day.kind}`), mark: "" };
  }
}

/** «09:00–18:00, перерыв 13:00–14:00»; «сутки с 08:00» for a shift of 24 hours. */
export function hoursText(hours: { start: string; end: string; breaks: readonly string[] }): string {
  const span = hours.start === hours.end ? t("shifts.hours.full_day", { start: hours.start }) : `${hours.start}–${hours.end}`;
  const breaks = hours.breaks.filter((b) => b.trim() !== "");
  if (breaks.length === 0) return span;
  const key = breaks.length === 1 ? "shifts.hours.with_break" : "shifts.hours.with_breaks";
  return `${span}, ${t(key, { breaks: breaks.join(", ") })}`;
}

/** The tooltip of a cell: who and when, what the day is, its hours and note, one per line. */
export function dayTitle(day: DayShift, name: string): string {
  const lines = [`${name} — ${longDay(day.date)}`, t(`shifts.kind.${day.kind}`)];
  const hours = dayHours(day);
  if (hours) lines.push(hoursText(hours));
  if (day.note) lines.push(t("shifts.note_line", { note: day.note }));
  return lines.join("\n");
}

/** The kinds in the legend, in its order. */
export const LEGEND_KINDS: readonly DayKind[] = ["working", "off", "dayOff", "vacation", "sickLeave", "extraShift", "changedHours", "noSchedule"];

// ---------------------------------------------------------------------------
// Patterns in words: «5/2, 09:00–18:00, перерыв 13:00–14:00»

function sameHours(a: DayTemplateDraft | null | undefined, b: DayTemplateDraft | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.start === b.start && a.end === b.end && a.breaks.join("|") === b.breaks.join("|");
}

/** The pattern's days as runs of equal days: «Пн–Пт», «Сб»; or «2 дня», «2 выходных». */
function runsOf(days: readonly (DayTemplateDraft | null)[]): { first: number; last: number; day: DayTemplateDraft | null }[] {
  const runs: { first: number; last: number; day: DayTemplateDraft | null }[] = [];
  days.forEach((day, index) => {
    const previous = runs[runs.length - 1];
    if (previous && sameHours(previous.day, day)) previous.last = index;
    else runs.push({ first: index, last: index, day });
  });
  return runs;
}

function describeWeekly(days: readonly (DayTemplateDraft | null)[]): string {
  const monday = days[0];
  if (monday && days.slice(0, 5).every((day) => sameHours(day, monday)) && !days[5] && !days[6]) {
    return t("shifts.pattern.five_two", { hours: hoursText(monday) });
  }
  const name = (index: number) => t(`shifts.weekday.${index}` as `shifts.weekday.0`);
  const parts = runsOf(days)
    .filter((run) => run.day)
    .map((run) => {
      const span = run.first === run.last ? name(run.first) : `${name(run.first)}–${name(run.last)}`;
      return `${span} ${hoursText(run.day!)}`;
    });
  return t("shifts.pattern.weekly", { days: parts.join("; ") });
}

function describeCycle(days: readonly (DayTemplateDraft | null)[]): string {
  const runs = runsOf(days);
  const [work, rest] = runs;
  // N days of the same hours, then M days off: 2/2, 3/3, «сутки через трое».
  if (runs.length === 2 && work?.day && !rest?.day) {
    const on = work.last + 1;
    const off = rest!.last - rest!.first + 1;
    if (on === 1 && off === 3 && work.day.start === work.day.end) {
      const breaks = work.day.breaks.filter((b) => b.trim() !== "");
      const text = t("shifts.pattern.one_in_four", { start: work.day.start });
      if (breaks.length === 0) return text;
      return `${text}, ${t(breaks.length === 1 ? "shifts.hours.with_break" : "shifts.hours.with_breaks", { breaks: breaks.join(", ") })}`;
    }
    return t("shifts.pattern.on_off", { on, off, hours: hoursText(work.day) });
  }
  const [day, night, third, fourth] = days;
  if (days.length === 4 && day && night && !third && !fourth && !sameHours(day, night)) {
    return t("shifts.pattern.day_night", { day: hoursText(day), night: hoursText(night) });
  }
  const parts = runs.map((run) => {
    const n = run.last - run.first + 1;
    return run.day ? tn("shifts.pattern.run.work", n, { hours: hoursText(run.day) }) : tn("shifts.pattern.run.off", n);
  });
  return tn("shifts.pattern.cycle", days.length, { runs: parts.join("; ") });
}

/** A pattern in words, without its first day. */
export function describePattern(draft: PatternDraft): string {
  return draft.kind === "weekly" ? describeWeekly(draft.days) : describeCycle(draft.days);
}

/** «с 01.12.2026 — 5/2, 09:00–18:00, перерыв 13:00–14:00». */
export function patternLine(entry: PatternEntry): string {
  return t("shifts.patterns.since", { date: formatDay(entry.draft.from), what: describePattern(entry.draft) });
}

// ---------------------------------------------------------------------------
// The pattern form

export type Preset = "fiveTwo" | "twoTwo" | "dayNight" | "oneInFour" | "weekly" | "cycle";
export const PRESETS: readonly Preset[] = ["fiveTwo", "twoTwo", "dayNight", "oneInFour", "weekly", "cycle"];

/** Hours as typed: «9:00», «18:00», breaks «13:00–14:00, 16:00–16:15». */
export type HoursForm = { start: string; end: string; breaks: string };
/** A day of a custom template: whether it is worked, and its hours. */
export type DayForm = HoursForm & { works: boolean };

export type PatternForm = {
  preset: Preset;
  fiveTwo: HoursForm;
  twoTwo: HoursForm;
  day: HoursForm;
  night: HoursForm;
  oneInFour: HoursForm;
  /** Monday first. */
  week: DayForm[];
  cycle: DayForm[];
};

export const MAX_CYCLE_DAYS = 28;

const OFFICE: HoursForm = { start: "9:00", end: "18:00", breaks: "13:00–14:00" };

export function defaultPatternForm(): PatternForm {
  return {
    preset: "fiveTwo",
    fiveTwo: { ...OFFICE },
    twoTwo: { start: "8:00", end: "20:00", breaks: "13:00–14:00" },
    day: { start: "8:00", end: "20:00", breaks: "" },
    night: { start: "20:00", end: "8:00", breaks: "" },
    oneInFour: { start: "8:00", end: "8:00", breaks: "" },
    week: Array.from({ length: 7 }, (_, index) => ({ ...OFFICE, works: index < 5 })),
    cycle: Array.from({ length: 4 }, (_, index) => ({ ...OFFICE, works: index < 2 })),
  };
}

/** A cycle made `length` days long: new days copy the last one's hours and are days off. */
export function resizeCycle(days: readonly DayForm[], length: number): DayForm[] {
  const n = Math.max(1, Math.min(MAX_CYCLE_DAYS, Math.trunc(length) || 1));
  const last = days[days.length - 1] ?? { ...OFFICE, works: true };
  return Array.from({ length: n }, (_, index) => days[index] ?? { ...last, works: false });
}

/** «13:00–14:00, 16:00–16:15» → one entry per break. */
export function splitBreaks(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

export function templateDraft(hours: HoursForm): DayTemplateDraft {
  return { start: hours.start, end: hours.end, breaks: splitBreaks(hours.breaks) };
}

/** What «Применить» sends, the pattern starting on `from`. */
export function patternDraft(form: PatternForm, from: string): PatternDraft {
  const work = (hours: HoursForm) => templateDraft(hours);
  switch (form.preset) {
    case "fiveTwo":
      return { from, kind: "weekly", days: Array.from({ length: 7 }, (_, index) => (index < 5 ? work(form.fiveTwo) : null)) };
    case "twoTwo":
      return { from, kind: "cycle", days: [work(form.twoTwo), work(form.twoTwo), null, null] };
    case "dayNight":
      return { from, kind: "cycle", days: [work(form.day), work(form.night), null, null] };
    case "oneInFour":
      return { from, kind: "cycle", days: [work(form.oneInFour), null, null, null] };
    case "weekly":
      return { from, kind: "weekly", days: form.week.map((day) => (day.works ? work(day) : null)) };
    case "cycle":
      return { from, kind: "cycle", days: form.cycle.map((day) => (day.works ? work(day) : null)) };
  }
}

/**
 * The form field an issue of the core belongs to: `days.1.start` of a
 * day/night pattern is `night.start`, `days.3.breaks.0` of a custom week is
 * `week.3.breaks`. "" for issues of the pattern as a whole.
 */
export function patternField(preset: Preset, field: string): string {
  if (field === "days") return "days";
  const m = /^days\.(\d+)\.(start|end|breaks)(?:\.\d+)?$/.exec(field);
  if (!m) return "";
  const index = Number(m[1]);
  const part = m[2]!;
  switch (preset) {
    case "dayNight":
      return `${index === 1 ? "night" : "day"}.${part}`;
    case "weekly":
      return `week.${index}.${part}`;
    case "cycle":
      return `cycle.${index}.${part}`;
    default:
      return `${preset}.${part}`;
  }
}

/** The field of the hours window an issue of an exception belongs to: `hours.breaks.1` is `breaks`; "" for the rest. */
export function hoursField(field: string): string {
  if (field === "note") return "note";
  if (field === "hours") return "start";
  const m = /^hours\.(start|end|breaks)(?:\.\d+)?$/.exec(field);
  return m ? m[1]! : "";
}

/** The messages of issues grouped by the form field `place` puts them on. */
export function messagesAt(issues: readonly FieldIssue[], place: (field: string) => string): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const issue of issues) {
    const list = (grouped[place(issue.field)] ??= []);
    const message = shiftIssueMessage(issue);
    if (!list.includes(message)) list.push(message);
  }
  return grouped;
}

// ---------------------------------------------------------------------------
// Messages of the core's issues about shifts and times

/**
 * An issue in words, saying more than the generic message where the field is
 * a time, a break or a range of days: the core reports a time it cannot read
 * as `date_invalid` and a break outside its shift as `out_of_range`.
 */
export function shiftIssueMessage(issue: FieldIssue): string {
  const { field, issue: code } = issue;
  const max = issue.max ?? 0;
  const last = field.split(".").pop() ?? "";
  if (/(^|\.)breaks\.\d+$/.test(field)) {
    if (code === "date_invalid") return t("shifts.issue.break_invalid");
    if (code === "out_of_range") return t("shifts.issue.break_outside");
  }
  if (last === "breaks" && code === "too_many") return tn("shifts.issue.breaks_too_many", max);
  if (["start", "end", "opens", "closes"].includes(last) && code === "date_invalid") return t("shifts.issue.time_invalid");
  if (field === "days" && code === "required") return t("shifts.issue.no_working_days");
  if (field === "days" && code === "too_many") return tn("shifts.issue.cycle_too_long", max);
  if (field === "to" && code === "date_invalid") return t("shifts.issue.to_before_from");
  if (field === "to" && code === "out_of_range") return tn("shifts.issue.range_too_long", max);
  if (field === "employees" && code === "required") return t("shifts.issue.no_employees");
  return issueMessage(issue);
}
