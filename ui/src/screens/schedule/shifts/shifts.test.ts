import { describe, expect, it } from "vitest";
import type { DayTemplateDraft, FieldIssue, PatternDraft } from "../../../lib/api/client";
import { setLocale } from "../../../lib/i18n";
import { day, pattern } from "../../../test/fakeShifts";
import {
  addMonths,
  cellKey,
  cellLabel,
  dayHours,
  dayTitle,
  defaultPatternForm,
  describePattern,
  hoursField,
  isWeekend,
  monthDates,
  monthTitle,
  moveCursor,
  patternDraft,
  patternField,
  patternLine,
  rectangle,
  resizeCycle,
  selectionRuns,
  selectionSpan,
  shiftIssueMessage,
  splitBreaks,
  weekday,
  type PatternForm,
  type Preset,
} from "./shifts";

const hours = (start: string, end: string, breaks: string[] = []): DayTemplateDraft => ({ start, end, breaks });
const issue = (field: string, code: FieldIssue["issue"], max: number | null = null): FieldIssue => ({ field, issue: code, max, detail: null });

describe("dates", () => {
  it("lays out a month", () => {
    const november = monthDates("2026-11");
    expect(november).toHaveLength(30);
    expect([november[0], november[29]]).toEqual(["2026-11-01", "2026-11-30"]);
    expect(monthDates("2028-02")).toHaveLength(29);
    expect([addMonths("2026-12", 1), addMonths("2026-01", -1), addMonths("2026-11", 0)]).toEqual(["2027-01", "2025-12", "2026-11"]);
    expect([weekday("2026-11-30"), weekday("2026-12-06")]).toEqual([0, 6]);
    expect(["2026-12-04", "2026-12-05", "2026-12-06", "2026-12-07"].map(isWeekend)).toEqual([false, true, true, false]);
    expect(monthTitle("2026-11")).toBe("Ноябрь 2026");
    setLocale("en");
    expect(monthTitle("2026-11")).toBe("November 2026");
  });
});

describe("selection", () => {
  const people = [1, 2, 3];
  const dates = ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"];

  it("takes a rectangle between two corners in any direction", () => {
    const cells = rectangle(people, dates, { row: 2, col: 2 }, { row: 1, col: 0 });
    expect([...cells].sort()).toEqual(
      ["2|2026-12-01", "2|2026-12-02", "2|2026-12-03", "3|2026-12-01", "3|2026-12-02", "3|2026-12-03"].sort(),
    );
    expect([...rectangle(people, dates, { row: 0, col: 3 }, { row: 0, col: 3 })]).toEqual([cellKey(1, "2026-12-04")]);
  });

  it("moves the cursor within the grid", () => {
    const table: [string, { row: number; col: number } | null][] = [
      ["ArrowRight", { row: 1, col: 2 }],
      ["ArrowLeft", { row: 1, col: 0 }],
      ["ArrowUp", { row: 0, col: 1 }],
      ["ArrowDown", { row: 2, col: 1 }],
      ["Home", { row: 1, col: 0 }],
      ["End", { row: 1, col: 3 }],
      ["Enter", null],
    ];
    for (const [key, expected] of table) expect(moveCursor({ row: 1, col: 1 }, key, 3, 4), key).toEqual(expected);
    expect(moveCursor({ row: 0, col: 0 }, "ArrowUp", 3, 4)).toEqual({ row: 0, col: 0 });
    expect(moveCursor({ row: 2, col: 3 }, "ArrowRight", 3, 4)).toEqual({ row: 2, col: 3 });
  });

  it("turns a rectangle into one painting call", () => {
    const cells = rectangle(people, dates, { row: 0, col: 1 }, { row: 2, col: 3 });
    expect(selectionRuns(cells, people)).toEqual([{ employees: [1, 2, 3], from: "2026-12-02", to: "2026-12-04" }]);
    expect(selectionSpan(cells, people)).toEqual({ employees: [1, 2, 3], dates: ["2026-12-02", "2026-12-03", "2026-12-04"] });
  });

  it("splits a scattered selection into unbroken runs, joining the same runs of different people", () => {
    const cells = ["3|2026-12-01", "1|2026-12-04", "1|2026-12-01", "1|2026-12-02", "3|2026-12-02", "2|2026-12-03"];
    expect(selectionRuns(cells, people)).toEqual([
      { employees: [1, 3], from: "2026-12-01", to: "2026-12-02" },
      { employees: [2], from: "2026-12-03", to: "2026-12-03" },
      { employees: [1], from: "2026-12-04", to: "2026-12-04" },
    ]);
    // A run across the month's end stays one.
    expect(selectionRuns(["1|2026-11-30", "1|2026-12-01"], [1])).toEqual([{ employees: [1], from: "2026-11-30", to: "2026-12-01" }]);
  });
});

describe("cells", () => {
  it("show the kind of the day in short", () => {
    const table: [ReturnType<typeof day>, string, string][] = [
      [day("2026-12-01", "working", [["09:00", "13:00"], ["14:00", "18:00"]]), "9–18", ""],
      [day("2026-12-01", "working", [["09:30", "18:15"]]), "9:30–18:15", ""],
      [day("2026-12-01", "working", [["20:00", "08:00"]]), "20–8", ""],
      [day("2026-12-01", "working", [["16:00", "00:00"]]), "16–24", ""],
      [day("2026-12-01", "working", [["08:00", "08:00"]]), "8–8", ""],
      [day("2026-12-05", "off"), "В", ""],
      [day("2026-12-01", "vacation"), "О", ""],
      [day("2026-12-01", "sickLeave"), "Б", ""],
      [day("2026-12-01", "dayOff"), "ОТ", ""],
      [day("2026-12-05", "extraShift", [["10:00", "16:00"]]), "10–16", "+"],
      [day("2026-12-01", "changedHours", [["09:00", "15:00"]]), "9–15", "*"],
      [day("2026-12-01", "noSchedule"), "", ""],
    ];
    for (const [shift, text, mark] of table) expect(cellLabel(shift), shift.kind).toEqual({ text, mark });
  });

  it("tell the full hours, breaks and note in the tooltip", () => {
    const working = day("2026-11-30", "working", [["09:00", "13:00"], ["14:00", "18:00"]]);
    expect(dayHours(working)).toEqual({ start: "09:00", end: "18:00", breaks: ["13:00–14:00"] });
    expect(dayTitle(working, "Петров Сергей")).toBe("Петров Сергей — Пн, 30 ноября\nРабочий день\n09:00–18:00, перерыв 13:00–14:00");
    const vacation = day("2026-12-14", "vacation", [], "ежегодный");
    expect(dayTitle(vacation, "Кузнецов Иван")).toBe("Кузнецов Иван — Пн, 14 декабря\nОтпуск\nПримечание: ежегодный");
    expect(dayHours(vacation)).toBeNull();
    const night = day("2026-12-02", "working", [["20:00", "08:00"]]);
    expect(dayTitle(night, "Сидоров Алексей").split("\n")[2]).toBe("20:00–08:00");
  });
});

describe("patterns in words", () => {
  const fiveTwo = pattern().draft;
  const cycle = (days: (DayTemplateDraft | null)[]): PatternDraft => ({ from: "2026-12-01", kind: "cycle", days });
  const week = (days: (DayTemplateDraft | null)[]): PatternDraft => ({ from: "2026-12-01", kind: "weekly", days });

  it("names the usual patterns", () => {
    const day = hours("08:00", "20:00");
    const table: [PatternDraft, string][] = [
      [fiveTwo, "5/2, 09:00–18:00, перерыв 13:00–14:00"],
      [cycle([day, day, null, null]), "2/2, 08:00–20:00"],
      [cycle([day, day, day, null, null, null]), "3/3, 08:00–20:00"],
      [cycle([day, hours("20:00", "08:00"), null, null]), "день — ночь — два выходных: днём 08:00–20:00, ночью 20:00–08:00"],
      [cycle([hours("08:00", "08:00"), null, null, null]), "сутки через трое, с 08:00"],
      [
        week([...Array(5).fill(hours("09:00", "18:00", ["13:00–14:00", "16:00–16:15"])), hours("10:00", "15:00"), null]),
        "по дням недели: Пн–Пт 09:00–18:00, перерывы 13:00–14:00, 16:00–16:15; Сб 10:00–15:00",
      ],
      [
        cycle([day, day, hours("20:00", "08:00"), null, null]),
        "цикл из 5 дней: 2 рабочих дня 08:00–20:00; 1 рабочий день 20:00–08:00; 2 выходных",
      ],
    ];
    for (const [draft, text] of table) expect(describePattern(draft)).toBe(text);
  });

  it("dates a pattern from its first day", () => {
    expect(patternLine(pattern())).toBe("с 01.12.2026 — 5/2, 09:00–18:00, перерыв 13:00–14:00");
    setLocale("en");
    expect(patternLine(pattern())).toBe("from 01.12.2026: 5/2, 09:00–18:00, break 13:00–14:00");
  });
});

describe("the pattern form", () => {
  const form = (preset: Preset, change: (f: PatternForm) => void = () => {}): PatternForm => {
    const f = { ...defaultPatternForm(), preset };
    change(f);
    return f;
  };
  const office = hours("9:00", "18:00", ["13:00–14:00"]);

  it("turns each preset into a pattern from the first selected day", () => {
    const from = "2026-12-01";
    expect(patternDraft(form("fiveTwo"), from)).toEqual({ from, kind: "weekly", days: [office, office, office, office, office, null, null] });
    const twoTwo = hours("8:00", "20:00", ["13:00–14:00"]);
    expect(patternDraft(form("twoTwo"), from)).toEqual({ from, kind: "cycle", days: [twoTwo, twoTwo, null, null] });
    expect(patternDraft(form("dayNight"), from)).toEqual({
      from,
      kind: "cycle",
      days: [hours("8:00", "20:00"), hours("20:00", "8:00"), null, null],
    });
    expect(patternDraft(form("oneInFour"), from)).toEqual({ from, kind: "cycle", days: [hours("8:00", "8:00"), null, null, null] });
  });

  it("takes custom weeks and cycles day by day", () => {
    const custom = form("weekly", (f) => {
      f.week[5] = { works: true, start: "10:00", end: "15:00", breaks: "" };
      f.week[0] = { works: false, start: "9:00", end: "18:00", breaks: "" };
    });
    expect(patternDraft(custom, "2026-12-07").days).toEqual([null, office, office, office, office, hours("10:00", "15:00"), null]);
    const cycle = form("cycle", (f) => {
      f.cycle = resizeCycle(f.cycle, 3);
      f.cycle[2] = { works: true, start: "20:00", end: "8:00", breaks: " 0:00-0:30 ;  3:00-3:15 " };
    });
    expect(patternDraft(cycle, "2026-12-07")).toEqual({
      from: "2026-12-07",
      kind: "cycle",
      days: [office, office, hours("20:00", "8:00", ["0:00-0:30", "3:00-3:15"])],
    });
    expect(resizeCycle(cycle.cycle, 5).map((d) => d.works)).toEqual([true, true, true, false, false]);
    expect(resizeCycle(cycle.cycle, 40)).toHaveLength(28);
    expect(resizeCycle(cycle.cycle, 0)).toHaveLength(1);
    expect(splitBreaks("  ")).toEqual([]);
  });

  it("puts the core's issues at the fields they are about", () => {
    const table: [Preset, string, string][] = [
      ["fiveTwo", "days.3.start", "fiveTwo.start"],
      ["twoTwo", "days.1.breaks.0", "twoTwo.breaks"],
      ["dayNight", "days.0.end", "day.end"],
      ["dayNight", "days.1.breaks.2", "night.breaks"],
      ["weekly", "days.5.breaks", "week.5.breaks"],
      ["cycle", "days.12.start", "cycle.12.start"],
      ["cycle", "days", "days"],
      ["fiveTwo", "from", ""],
    ];
    for (const [preset, field, expected] of table) expect(patternField(preset, field), `${preset} ${field}`).toBe(expected);
    expect(["hours.start", "hours.breaks.1", "hours", "note", "to"].map(hoursField)).toEqual(["start", "breaks", "start", "note", ""]);
  });

  it("words the core's issues about times and breaks", () => {
    expect(shiftIssueMessage(issue("days.0.start", "date_invalid"))).toBe("Время не распознано — введите, например, 9:00 или 18:30");
    expect(shiftIssueMessage(issue("hours.breaks.1", "out_of_range"))).toBe("Перерыв должен быть внутри смены и длиться хотя бы минуту");
    expect(shiftIssueMessage(issue("days.1.breaks.0", "date_invalid"))).toBe("Перерыв не распознан — введите, например, 13:00–14:00");
    expect(shiftIssueMessage(issue("hours.breaks", "too_many", 4))).toBe("Не больше 4 перерывов за смену");
    expect(shiftIssueMessage(issue("days", "required"))).toBe("Отметьте хотя бы один рабочий день");
    expect(shiftIssueMessage(issue("to", "out_of_range", 366))).toBe("Не больше 366 дней за раз — длинный период отметьте частями");
    expect(shiftIssueMessage(issue("hours.end", "required"))).toBe("Заполните это поле");
  });
});
