// Fixtures of the shift editor: days of any range (fakeSchedule's 5/2 with a
// lunch break), days of other kinds, and patterns as the core lists them.
import type { Mock } from "vitest";
import type { Backend, DayKind, DayShift, EmployeeId, PatternEntry, StaffDays } from "../lib/api/client";
import type { fakeBackend } from "./fakeBackend";
import { MECHANICS, dayShift } from "./fakeSchedule";

/** The fake's schedule part typed as the Backend's, so mocks take and return the real shapes. */
export function scheduleMocks(backend: ReturnType<typeof fakeBackend>): { [K in keyof Backend["schedule"]]: Mock<Backend["schedule"][K]> } {
  return backend.schedule as unknown as { [K in keyof Backend["schedule"]]: Mock<Backend["schedule"][K]> };
}

/** Every date `from..=to`, "yyyy-MM-dd". */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += 86_400_000) {
    dates.push(new Date(at).toISOString().slice(0, 10));
  }
  return dates;
}

/** What `shiftDays` answers: the 5/2 days of every fixture mechanic (or of one). */
export function monthShifts(from: string, to: string, employee: EmployeeId | null): StaffDays[] {
  return MECHANICS.filter((m) => employee === null || m.id === employee).map((m) => ({
    employee: m.id,
    days: datesBetween(from, to).map(dayShift),
  }));
}

/** A day of any kind: hours «start–end» on `date` (an end before the start is the next day). */
export function day(date: string, kind: DayKind, hours: [string, string][] = [], note = ""): DayShift {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  let overnight = false;
  const intervals = hours.map(([start, end]) => {
    const startDate = overnight ? next : date;
    if (end <= start) overnight = true;
    return { start: `${startDate}T${start}:00`, end: `${overnight ? next : date}T${end}:00` };
  });
  return { date, kind, intervals, note };
}

export function pattern(overrides: Partial<PatternEntry> = {}): PatternEntry {
  return {
    id: 7,
    employee: 1,
    draft: {
      from: "2026-12-01",
      kind: "weekly",
      days: Array.from({ length: 7 }, (_, index) =>
        index < 5 ? { start: "09:00", end: "18:00", breaks: ["13:00–14:00"] } : null,
      ),
    },
    ...overrides,
  };
}
