// Fakes of the schedule part of the Backend (staff, bays, shifts, the calendar
// and appointments), with fixtures: three mechanics working 09:00–18:00 with a
// lunch break on the week of Monday 30 November 2026.
import { vi } from "vitest";
import type {
  Appointment,
  AppointmentDetails,
  Bay,
  DayShift,
  ScheduleSettings,
  ScheduleView,
  Staff,
  StaffDays,
} from "../lib/api/client";

export const WEEK = ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"];

export function mechanic(overrides: Partial<Staff> = {}): Staff {
  return {
    id: 1,
    name: "Петров Сергей",
    roles: ["mechanic"],
    skills: [1, 2],
    colour: "#1e88e5",
    active: true,
    ...overrides,
  };
}

export const MECHANICS: Staff[] = [
  mechanic(),
  mechanic({ id: 2, name: "Сидоров Алексей", skills: [2, 3], colour: "#43a047" }),
  mechanic({ id: 3, name: "Кузнецов Иван", skills: [1, 2, 3], colour: "#f4511e" }),
];

export const BAYS: Bay[] = [
  { id: 1, name: "Пост 1", fitFor: [], active: true },
  { id: 2, name: "Развал-схождение", fitFor: [5], active: true },
];

export const SETTINGS: ScheduleSettings = {
  opens: "08:00:00",
  closes: "21:00:00",
  notifyBeforeMinutes: 30,
  lateAfterMinutes: 15,
  zone: "Europe/Moscow",
};

export const ZONES = [
  { name: "Europe/Kaliningrad", utcOffsetHours: 2 },
  { name: "Europe/Moscow", utcOffsetHours: 3 },
  { name: "Asia/Novosibirsk", utcOffsetHours: 7 },
];

/** A working day 09:00–18:00 with lunch 13:00–14:00; Saturday and Sunday off. */
export function dayShift(date: string): DayShift {
  const weekday = new Date(`${date}T12:00:00`).getDay();
  if (weekday === 0 || weekday === 6) return { date, kind: "off", intervals: [], note: "" };
  return {
    date,
    kind: "working",
    intervals: [
      { start: `${date}T09:00:00`, end: `${date}T13:00:00` },
      { start: `${date}T14:00:00`, end: `${date}T18:00:00` },
    ],
    note: "",
  };
}

export function staffDays(employee: number, dates: string[] = WEEK): StaffDays {
  return { employee, days: dates.map(dayShift) };
}

export function appointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: "01938f00-0000-7000-8000-000000000901",
    client: { id: "01938f00-0000-7000-8000-000000000001", name: "Иванов Иван Иванович", phone: "+79161234567" },
    vehicle: { id: "01938f00-0000-7000-8000-000000000101", name: "Kia Rio", plate: "А123ВС77" },
    services: [{ id: "01938f00-0000-7000-8000-000000000501", code: "ТО-01", name: "Замена масла в двигателе", minutes: 30 }],
    mechanic: 1,
    bay: 1,
    start: "2026-11-30T10:00:00",
    end: "2026-11-30T10:30:00",
    status: "planned",
    source: "phone",
    comment: "",
    createdAt: "2026-11-27T08:00:00Z",
    ...overrides,
  };
}

export function scheduleView(overrides: Partial<ScheduleView> = {}): ScheduleView {
  return {
    from: WEEK[0]!,
    to: WEEK[6]!,
    mechanics: MECHANICS,
    bays: BAYS,
    shifts: MECHANICS.map((m) => staffDays(m.id)),
    appointments: [appointment()],
    settings: SETTINGS,
    now: "2026-11-30T08:30:00",
    ...overrides,
  };
}

export function details(overrides: Partial<Appointment> = {}): AppointmentDetails {
  const a = appointment(overrides);
  return {
    appointment: a,
    history: [
      {
        at: a.createdAt,
        change: { kind: "created", at: { start: a.start, end: a.end, mechanic: "Петров Сергей", bay: "Пост 1" } },
      },
    ],
  };
}

export function fakeSchedule() {
  return {
    staff: vi.fn(async (_withInactive: boolean) => MECHANICS),
    saveStaff: vi.fn(async (id: number | null, draft: { name: string }) => mechanic({ id: id ?? 9, name: draft.name })),
    bays: vi.fn(async (_withInactive: boolean) => BAYS),
    saveBay: vi.fn(async (id: number | null, draft: { name: string }) => ({ ...BAYS[0]!, id: id ?? 9, name: draft.name })),
    shiftPlan: vi.fn(async (_employee: number) => ({ patterns: [], exceptions: [] })),
    shiftDays: vi.fn(async (_from: string, _to: string, _employee: number | null) => MECHANICS.map((m) => staffDays(m.id))),
    paintPattern: vi.fn(async () => ({ outsideShift: [] as Appointment[] })),
    deletePattern: vi.fn(async () => ({ outsideShift: [] as Appointment[] })),
    paintException: vi.fn(async () => ({ outsideShift: [] as Appointment[] })),
    clearExceptions: vi.fn(async () => ({ outsideShift: [] as Appointment[] })),
    settings: vi.fn(async () => SETTINGS),
    setSettings: vi.fn(async () => SETTINGS),
    zones: vi.fn(async () => ZONES),
    load: vi.fn(async (_from: string, _to: string) => scheduleView()),
    now: vi.fn(async () => "2026-11-30T08:30:00"),
  };
}

export function fakeAppointments() {
  return {
    get: vi.fn(async (_id: string) => details()),
    validate: vi.fn(async () => []),
    create: vi.fn(async () => appointment()),
    update: vi.fn(async () => appointment()),
    move: vi.fn(async () => appointment()),
    setStatus: vi.fn(async () => appointment()),
    findSlots: vi.fn(async () => [
      { start: "2026-11-30T09:00:00", end: "2026-11-30T09:30:00", mechanic: 1, bay: 1 },
      { start: "2026-11-30T09:15:00", end: "2026-11-30T09:45:00", mechanic: 2, bay: 1 },
    ]),
    freeAt: vi.fn(async () => ({ mechanics: [2, 3], bay: 1 })),
    takeDueNotices: vi.fn(async () => []),
  };
}
