import { describe, expect, it } from "vitest";
import type { AppointmentChange } from "../../../lib/api/client";
import { setLocale } from "../../../lib/i18n";
import { SERVICES } from "../../../test/fakePrices";
import { appointment, BAYS, MECHANICS } from "../../../test/fakeSchedule";
import {
  draftOf,
  effectiveMinutes,
  emptyForm,
  finderInput,
  fmtClock,
  fmtDuration,
  formFromAppointment,
  freeInput,
  historySentence,
  historyTime,
  holdsSlot,
  isDirty,
  lineOfService,
  localErrors,
  neededSkills,
  parseDate,
  parseDuration,
  parseTime,
  shortName,
  slotLabel,
  snapshot,
  suits,
  withSlot,
  type AppointmentForm,
} from "./appointment";

const [oil, filter, diagnostics, generator] = SERVICES.map(lineOfService) as [
  ReturnType<typeof lineOfService>,
  ReturnType<typeof lineOfService>,
  ReturnType<typeof lineOfService>,
  ReturnType<typeof lineOfService>,
];

function form(overrides: Partial<AppointmentForm> = {}): AppointmentForm {
  return { ...emptyForm(), ...overrides };
}

describe("typed dates, times and durations", () => {
  it.each([
    ["30.11.2026", "2026-11-30"],
    ["2026-11-30", "2026-11-30"],
    [" 1.12.2026 ", "2026-12-01"],
    ["31.11.2026", null],
    ["30.11", null],
    ["", null],
  ])("date %j → %j", (text, iso) => expect(parseDate(text)).toBe(iso));

  it.each([
    ["10:00", "10:00"],
    ["10.30", "10:30"],
    ["1030", "10:30"],
    ["9", "09:00"],
    ["24:00", "00:00"],
    ["25:00", null],
    ["10:7", null],
  ])("time %j → %j", (text, hm) => expect(parseTime(text)).toBe(hm));

  it.each([
    ["", 0],
    ["90", 90],
    ["1:30", 90],
    ["1.30", 90],
    ["1 ч 30 мин", 90],
    ["2ч", 120],
    ["45 мин", 45],
    ["1h 30m", 90],
    ["1:75", null],
    ["полчаса", null],
  ])("duration %j → %j", (text, minutes) => expect(parseDuration(text)).toBe(minutes));

  it.each([
    [30, "30 мин", "0:30"],
    [60, "1 ч", "1:00"],
    [90, "1 ч 30 мин", "1:30"],
    [150, "2 ч 30 мин", "2:30"],
  ])("%i minutes read «%s» and type «%s»", (minutes, words, clock) => {
    expect(fmtDuration(minutes)).toBe(words);
    expect(fmtClock(minutes)).toBe(clock);
  });
});

describe("the draft", () => {
  it("sends the services' own duration as 0, a typed one in minutes", () => {
    const client = { id: "c1", name: "Иванов Иван", phone: "" };
    const byWorks = form({ client, vehicle: "v1", services: [oil, filter], date: "30.11.2026", time: "10:00", mechanic: 1, bay: 1 });
    expect(effectiveMinutes(byWorks)).toBe(45);
    expect(draftOf(byWorks)).toEqual({
      client: "c1",
      vehicle: "v1",
      services: [oil.id, filter.id],
      durationMinutes: 0,
      mechanic: 1,
      bay: 1,
      date: "30.11.2026",
      time: "10:00",
      status: "planned",
      source: "phone",
      comment: "",
    });
    const typed = { ...byWorks, duration: "1:30" };
    expect(draftOf(typed).durationMinutes).toBe(90);
    expect(localErrors(typed)).toEqual({});
    expect(localErrors({ ...byWorks, duration: "полтора" })).toEqual({
      durationMinutes: ["Укажите длительность в минутах (90) или в часах и минутах (1:30)"],
    });
    // Clearing the field goes back to the services.
    expect(draftOf({ ...byWorks, duration: " " }).durationMinutes).toBe(0);
  });

  it("prefills the date, time and mechanic from a click on the calendar", () => {
    const f = emptyForm("2026-11-30T10:00:00", 2);
    expect([f.date, f.time, f.mechanic, f.status, f.source]).toEqual(["30.11.2026", "10:00", 2, "planned", "phone"]);
  });

  it("opens a stored appointment; a duration other than the services' is kept as typed", () => {
    const a = appointment({ end: "2026-11-30T10:30:00" });
    const f = formFromAppointment(a);
    expect(f).toMatchObject({ client: { id: a.client.id }, vehicle: a.vehicle!.id, date: "30.11.2026", time: "10:00", mechanic: 1, bay: 1, duration: null });
    expect(f.services[0]!.skills).toBeNull();
    expect(formFromAppointment(appointment({ end: "2026-11-30T11:30:00" })).duration).toBe("1:30");
  });

  it("is dirty only when what would be saved changed", () => {
    const f = formFromAppointment(appointment());
    const pristine = snapshot(f);
    expect(isDirty({ ...f, services: f.services.map((s) => ({ ...s, skills: [2] })) }, pristine)).toBe(false);
    expect(isDirty({ ...f, date: " 30.11.2026 " }, pristine)).toBe(false);
    expect(isDirty({ ...f, comment: "Стучит подвеска" }, pristine)).toBe(true);
    expect(isDirty({ ...f, duration: "0:45" }, pristine)).toBe(true);
    expect(isDirty({ ...f, duration: "" }, pristine)).toBe(false);
  });
});

describe("mechanics and the finder", () => {
  it.each([
    ["Петров Сергей", "Петров С."],
    ["Петров Сергей Иванович", "Петров С. И."],
    ["Петров", "Петров"],
  ])("short name of %s", (name, short) => expect(shortName(name)).toBe(short));

  it("marks mechanics without the skills the work needs", () => {
    const needed = neededSkills([oil, generator]);
    expect(needed?.sort()).toEqual([2, 3]);
    expect(MECHANICS.map((m) => suits(m, needed))).toEqual([false, true, true]);
    // Skills not known yet: nobody is marked.
    expect(neededSkills([oil, { ...diagnostics, skills: null }])).toBeNull();
    expect(suits(MECHANICS[0]!, null)).toBe(true);
  });

  it("asks the finder only when there is work to fit", () => {
    expect(finderInput(form())).toBeNull();
    expect(finderInput(form({ duration: "abc" }))).toBeNull();
    expect(finderInput(form({ duration: "1:00" }))).toEqual({ services: [], durationMinutes: 60, mechanic: null, day: null });
    expect(finderInput(form({ services: [oil], mechanic: 2, date: "01.12.2026" }))).toEqual({
      services: [oil.id],
      durationMinutes: 0,
      mechanic: 2,
      day: "2026-12-01",
    });
    expect(freeInput(form({ services: [oil], date: "01.12.2026" }))).toBeNull();
    expect(freeInput(form({ services: [oil], date: "01.12.2026", time: "12.00" }))).toEqual({
      services: [oil.id],
      durationMinutes: 0,
      start: "2026-12-01T12:00:00",
    });
  });

  it("labels a slot and takes it into the form", () => {
    const slot = { start: "2026-11-30T10:00:00", end: "2026-11-30T11:30:00", mechanic: 1, bay: 1 };
    expect(slotLabel(slot, MECHANICS, BAYS)).toBe("Пн 30.11, 10:00–11:30 · Петров С. · Пост 1");
    expect(slotLabel({ ...slot, mechanic: 7, bay: null }, MECHANICS, BAYS)).toBe("Пн 30.11, 10:00–11:30 · Мастер №7");
    const taken = withSlot(form({ services: [oil] }), slot);
    expect([taken.date, taken.time, taken.mechanic, taken.bay]).toEqual(["30.11.2026", "10:00", 1, 1]);
    expect(holdsSlot(taken, slot)).toBe(true);
    expect(holdsSlot({ ...taken, mechanic: 2 }, slot)).toBe(false);
    setLocale("en");
    expect(slotLabel(slot, MECHANICS, BAYS)).toBe("Mon 30.11, 10:00–11:30 · Петров С. · Пост 1");
  });
});

describe("the history", () => {
  const at = (start: string, end: string, mechanic: string, bay: string | null = "Пост 1") => ({ start, end, mechanic, bay });
  const cases: [string, AppointmentChange, string][] = [
    ["created", { kind: "created", at: at("2026-11-30T10:00:00", "2026-11-30T10:30:00", "Петров Сергей") }, "Создана: пн 30.11 10:00 Петров, Пост 1"],
    [
      "moved",
      { kind: "moved", from: at("2026-11-30T10:00:00", "2026-11-30T10:30:00", "Петров Сергей"), to: at("2026-12-01T12:00:00", "2026-12-01T12:30:00", "Сидоров Алексей") },
      "Перенесена: пн 30.11 10:00 Петров → вт 01.12 12:00 Сидоров",
    ],
    [
      "moved to another bay",
      { kind: "moved", from: at("2026-11-30T10:00:00", "2026-11-30T10:30:00", "Петров Сергей"), to: at("2026-11-30T10:00:00", "2026-11-30T10:30:00", "Петров Сергей", "Пост 2") },
      "Перенесена: пн 30.11 10:00 Петров, Пост 1 → пн 30.11 10:00 Петров, Пост 2",
    ],
    [
      "stretched",
      { kind: "moved", from: at("2026-11-30T10:00:00", "2026-11-30T10:30:00", "Петров Сергей"), to: at("2026-11-30T10:00:00", "2026-11-30T11:00:00", "Петров Сергей") },
      "Изменена длительность: 1 ч",
    ],
    ["status", { kind: "statusChanged", from: "planned", to: "confirmed" }, "Статус: Запланирована → Подтверждена"],
    ["edited", { kind: "edited" }, "Изменены клиент, автомобиль, работы или комментарий"],
    ["called, confirmed", { kind: "called", outcome: "confirmed" }, "Звонок клиенту: подтвердил визит"],
    ["called, no answer", { kind: "called", outcome: "no_answer" }, "Звонок клиенту: не дозвонились"],
  ];
  it.each(cases)("%s", (_name, change, sentence) => expect(historySentence(change)).toBe(sentence));

  it("dates a change «27.11 10:15»", () => {
    expect(historyTime("2026-11-27T10:15:00")).toBe("27.11 10:15");
    // An instant is shown in this computer's time.
    const instant = new Date(Date.UTC(2026, 10, 27, 7, 15));
    const pad = (n: number) => String(n).padStart(2, "0");
    expect(historyTime("2026-11-27T07:15:00Z")).toBe(
      `${pad(instant.getDate())}.${pad(instant.getMonth() + 1)} ${pad(instant.getHours())}:${pad(instant.getMinutes())}`,
    );
  });
});
