// Pure conversions between the schedule's props and EventCalendar's options.
// No DOM here: everything is a function of its arguments, so it is tested in
// calendar.test.ts without mounting the calendar.
//
// Times cross as local wall-clock strings without a zone ("yyyy-MM-ddTHH:mm:ss").
// EventCalendar takes such strings as "floating" and shows them as written; the
// arithmetic below works on those wall-clock numbers through Date.UTC, so the
// browser's zone and its DST changes never shift a time.
import type { Calendar } from "@event-calendar/core";

export type ScheduleView = "day" | "week";
export type CalendarLocale = "ru" | "en";

export interface CalendarResource {
  id: string;
  title: string;
  /** CSS colour of the mechanic: a mark in the column header, and the default colour of their events ("" for none). */
  colour: string;
}

export interface CalendarEvent {
  id: string;
  resourceId: string;
  /** Local "yyyy-MM-ddTHH:mm:ss" (seconds may be left out). */
  start: string;
  end: string;
  title: string;
  /** Shown under the title, one per line: client, car, services. */
  lines: string[];
  /** CSS colour; "" takes the resource's. */
  colour: string;
  /** Drawn dimmed (done, cancelled, not matching a filter). */
  faded: boolean;
}

/** A mechanic's working time; the rest of their column is drawn as off-time. */
export interface BackgroundSpan {
  resourceId: string;
  start: string;
  end: string;
}

/** What a drag or a resize asks for. */
export interface EventMove {
  id: string;
  start: string;
  end: string;
  resourceId: string;
}

/** The part of EventCalendar's event that the schedule reads back in callbacks. */
export interface DroppedEvent {
  id: string | number;
  start: Date;
  end: Date;
  resourceIds: Array<string | number>;
}

/** Class names the wrapper styles (ScheduleCalendar.svelte). */
export const OFF_CLASS = "rz-off";
export const FADED_CLASS = "rz-faded";

const MINUTES_PER_DAY = 24 * 60;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

// ---------------------------------------------------------------------------
// Local wall-clock strings

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** A Date's local wall-clock time → "yyyy-MM-ddTHH:mm:ss" (no zone). */
export function formatLocal(date: Date): string {
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/** A Date's local time of day, "HH:mm". */
export function clockTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "yyyy-MM-dd[THH:mm[:ss]]" → a Date holding that local wall-clock time; throws on anything else. */
export function parseLocal(text: string): Date {
  const date = DATE_RE.exec(text);
  if (date) return new Date(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
  const m = DATE_TIME_RE.exec(text);
  if (!m) throw new Error(`not a local date-time: ${JSON.stringify(text)}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
}

/** Minutes since 1970-01-01T00:00 of a wall-clock "yyyy-MM-dd[THH:mm[:ss]]" (seconds dropped). */
export function wallMinutes(text: string): number {
  const date = DATE_RE.exec(text);
  const m = date ? null : DATE_TIME_RE.exec(text);
  const parts = date ?? m;
  if (!parts) throw new Error(`not a local date-time: ${JSON.stringify(text)}`);
  const ms = Date.UTC(
    Number(parts[1]),
    Number(parts[2]) - 1,
    Number(parts[3]),
    m ? Number(m[4]) : 0,
    m ? Number(m[5]) : 0,
  );
  return Math.floor(ms / 60_000);
}

/** Inverse of wallMinutes: → "yyyy-MM-ddTHH:mm:00". */
export function fromWallMinutes(minutes: number): string {
  const d = new Date(minutes * 60_000);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`
  );
}

/** "08:00", "8:30", "24:00" → minutes after midnight. */
export function timeMinutes(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new Error(`not a time of day: ${JSON.stringify(time)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** "yyyy-MM-dd" shifted by whole days. */
export function addDays(day: string, days: number): string {
  return fromWallMinutes(wallMinutes(day) + days * MINUTES_PER_DAY).slice(0, 10);
}

/** The Monday of the week holding `day`. */
export function mondayOf(day: string): string {
  const weekday = new Date(wallMinutes(day) * 60_000).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The days a view shows around `date` (weeks start on Monday). */
export function visibleDays(view: ScheduleView, date: string): string[] {
  const day = date.slice(0, 10);
  if (view === "day") return [day];
  const monday = mondayOf(day);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

// ---------------------------------------------------------------------------
// Options

/**
 * Side by side columns, one per mechanic, when there are several; a plain time
 * grid when there is one (or none), so a single mechanic's week is an ordinary week.
 */
export function viewName(view: ScheduleView, resourceCount: number): string {
  const base = resourceCount > 1 ? "resourceTimeGrid" : "timeGrid";
  return base + (view === "day" ? "Day" : "Week");
}

// Module-level constants keep their identity, so a prop change that recomputes
// the options object never calls setOption for these.
const TIME_FORMAT: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
const DAY_HEADER_WEEK: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "numeric" };
const DAY_HEADER_DAY: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long" };
const NO_TOOLBAR = { start: "", center: "", end: "" };

/** Narrowest column before the grid scrolls sideways. */
export const COLUMN_WIDTH = {
  /** Day view: one column per mechanic. */
  day: "minmax(7.5rem, 1fr)",
  /** Week view with mechanics: 7 columns per mechanic. */
  resourceWeek: "minmax(4.25rem, 1fr)",
} as const;

/** Options that never change while the calendar lives. */
export const FIXED_OPTIONS = {
  headerToolbar: NO_TOOLBAR,
  firstDay: 1,
  allDaySlot: false,
  nowIndicator: true,
  height: "100%",
  slotDuration: "00:30",
  snapDuration: "00:15",
  slotHeight: 26,
  slotLabelFormat: TIME_FORMAT,
  eventTimeFormat: TIME_FORMAT,
  // Columns of a mechanic side by side are narrow: no half-width overlap.
  slotEventOverlap: false,
  editable: true,
  eventResizableFromStart: false,
  selectable: false,
  // The wall-clock strings are floating times; "local" keeps "today" and the
  // now-indicator in the desk's own zone.
  timeZone: "local",
} satisfies Calendar.Options;

export interface ViewInput {
  view: ScheduleView;
  date: string;
  resourceCount: number;
  slotMin: string;
  slotMax: string;
  locale: CalendarLocale;
}

/** The options that follow the props (the data and the callbacks aside). */
export function viewOptions(input: ViewInput): Calendar.Options {
  const name = viewName(input.view, input.resourceCount);
  const columnWidth = name === "resourceTimeGridDay"
    ? COLUMN_WIDTH.day
    : name === "resourceTimeGridWeek" ? COLUMN_WIDTH.resourceWeek : undefined;
  return {
    view: name,
    date: input.date.slice(0, 10),
    locale: input.locale,
    slotMinTime: input.slotMin,
    slotMaxTime: input.slotMax,
    scrollTime: input.slotMin,
    columnWidth,
    dayHeaderFormat: name === "timeGridDay" ? DAY_HEADER_DAY : DAY_HEADER_WEEK,
  };
}

// ---------------------------------------------------------------------------
// Data

export function toResources(resources: readonly CalendarResource[]): Calendar.ResourceInput[] {
  // No eventBackgroundColor here: EventCalendar would paint the off-time
  // background events with it too. Events get the colour in toCalendarEvents.
  return resources.map((r) => ({ id: r.id, title: r.title, extendedProps: { colour: r.colour } }));
}

/**
 * Appointments of the shown mechanics (others would float outside any column),
 * coloured by their own colour or else their mechanic's.
 */
export function toCalendarEvents(
  events: readonly CalendarEvent[],
  resources: readonly CalendarResource[],
): Calendar.EventInput[] {
  const colours = new Map(resources.map((r) => [r.id, r.colour]));
  const result: Calendar.EventInput[] = [];
  for (const e of events) {
    const resourceColour = colours.get(e.resourceId);
    if (resourceColour === undefined) continue;
    const colour = e.colour || resourceColour;
    result.push({
      id: e.id,
      resourceId: e.resourceId,
      start: e.start,
      end: e.end,
      title: e.title,
      backgroundColor: colour || undefined,
      textColor: colour ? textColourFor(colour) : undefined,
      classNames: e.faded ? [FADED_CLASS] : [],
      extendedProps: { lines: e.lines },
    });
  }
  return result;
}

/**
 * Off-time as background events: for every shown mechanic and day, the parts of
 * [slotMin, slotMax) that no working span covers. Drawing off-time (rather than
 * working time over a grey grid) leaves the slot lines of working hours crisp.
 */
export function offTimeSpans(
  background: readonly BackgroundSpan[],
  resourceIds: readonly string[],
  days: readonly string[],
  slotMin: string,
  slotMax: string,
): BackgroundSpan[] {
  const from = timeMinutes(slotMin);
  const to = timeMinutes(slotMax);
  const working = new Map<string, [number, number][]>();
  for (const span of background) {
    const start = wallMinutes(span.start);
    const end = wallMinutes(span.end);
    if (end <= start) continue;
    const list = working.get(span.resourceId) ?? [];
    list.push([start, end]);
    working.set(span.resourceId, list);
  }
  for (const list of working.values()) list.sort((a, b) => a[0] - b[0]);

  const result: BackgroundSpan[] = [];
  for (const resourceId of resourceIds) {
    const spans = working.get(resourceId) ?? [];
    for (const day of days) {
      const midnight = wallMinutes(day);
      const windowEnd = midnight + to;
      let cursor = midnight + from;
      for (const [start, end] of spans) {
        if (end <= cursor) continue;
        if (start >= windowEnd) break;
        if (start > cursor) result.push(span(resourceId, cursor, start));
        cursor = Math.max(cursor, end);
        if (cursor >= windowEnd) break;
      }
      if (cursor < windowEnd) result.push(span(resourceId, cursor, windowEnd));
    }
  }
  return result;
}

function span(resourceId: string, start: number, end: number): BackgroundSpan {
  return { resourceId, start: fromWallMinutes(start), end: fromWallMinutes(end) };
}

/** Off-time spans as EventCalendar background events. */
export function toBackgroundEvents(spans: readonly BackgroundSpan[]): Calendar.EventInput[] {
  return spans.map((s) => ({
    id: `off:${s.resourceId}:${s.start}`,
    resourceId: s.resourceId,
    start: s.start,
    end: s.end,
    display: "background",
    classNames: [OFF_CLASS],
  }));
}

// ---------------------------------------------------------------------------
// Callbacks back to props

/** EventCalendar's dropped/resized event → the move the screen saves. */
export function toMove(event: DroppedEvent, fallbackResourceId: string): EventMove {
  return {
    id: String(event.id),
    start: formatLocal(event.start),
    end: formatLocal(event.end),
    resourceId: event.resourceIds.length > 0 ? String(event.resourceIds[0]) : fallbackResourceId,
  };
}

/** datesSet's startStr/endStr → "yyyy-MM-dd" days, `to` exclusive. */
export function toRange(startStr: string, endStr: string): { from: string; to: string } {
  return { from: startStr.slice(0, 10), to: endStr.slice(0, 10) };
}

/** What a block shows, read from EventCalendar's eventContent argument. */
export interface BlockContent {
  id: string | number;
  title: unknown;
  start: Date;
  /** EventCalendar's formatted "HH:mm–HH:mm". */
  timeText: string;
  extendedProps: Record<string, unknown>;
}

/**
 * A block's inner HTML: start time and title, then one line each (client, car,
 * services); a tooltip with the full text. All text is escaped. Plain HTML
 * rather than a Svelte snippet: with ~800 blocks re-rendered on every change of
 * events, innerHTML is about a quarter faster.
 */
export function eventHtml(block: BlockContent): string {
  const title = typeof block.title === "string" ? block.title : "";
  const lines = eventLines(block.extendedProps);
  const tooltip = [`${block.timeText} ${title}`.trim(), ...lines].join("\n");
  return (
    `<div class="rz-block" data-event-id="${escapeHtml(String(block.id))}" title="${escapeHtml(tooltip)}">` +
    `<div class="rz-head"><span class="rz-time">${clockTime(block.start)}</span> ` +
    `<span class="rz-title">${escapeHtml(title)}</span></div>` +
    lines.map((line) => `<div class="rz-line">${escapeHtml(line)}</div>`).join("") +
    `</div>`
  );
}

/** Text → HTML-safe text, for content and attribute values alike. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** An event's text lines: its non-blank lines, trimmed. */
export function eventLines(extendedProps: Record<string, unknown>): string[] {
  const lines = extendedProps.lines;
  if (!Array.isArray(lines)) return [];
  return lines.filter((l): l is string => typeof l === "string" && l.trim() !== "").map((l) => l.trim());
}

// ---------------------------------------------------------------------------
// Colours

/** Black or white text, whichever reads better on a "#rgb"/"#rrggbb" background; white otherwise. */
export function textColourFor(background: string): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(background.trim());
  if (!hex) return "#ffffff";
  const digits = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join("") : hex[1]!;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16) / 255);
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
  // Contrast with black beats contrast with white above ≈0.179.
  return luminance > 0.179 ? "#1f2933" : "#ffffff";
}

