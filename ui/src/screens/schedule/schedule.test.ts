import { describe, expect, it } from "vitest";
import { appointment, MECHANICS, scheduleView } from "../../test/fakeSchedule";
import { carLine, clientLine, holdsTime, loadRange, loadOf, periodLabel, shiftDate, shownMechanics, toBackground, toEvents, toResources } from "./schedule";

describe("the schedule screen's logic", () => {
  it("loads the whole Monday-to-Sunday week, or the day", () => {
    expect(loadRange("week", "2026-12-02")).toEqual({ from: "2026-11-30", to: "2026-12-06" });
    expect(loadRange("day", "2026-12-02")).toEqual({ from: "2026-12-02", to: "2026-12-02" });
    expect(shiftDate("week", "2026-12-02", -1)).toBe("2026-11-25");
    expect(shiftDate("day", "2026-12-31", 1)).toBe("2027-01-01");
  });

  it("labels the period in Russian", () => {
    expect(periodLabel("week", "2026-12-02")).toBe("30 ноября – 6 декабря 2026");
    expect(periodLabel("week", "2026-12-09")).toBe("7 – 13 декабря 2026");
    expect(periodLabel("day", "2026-11-30")).toBe("понедельник, 30 ноября 2026");
  });

  it("shows all mechanics or the one chosen", () => {
    expect(shownMechanics(MECHANICS, null).map((m) => m.id)).toEqual([1, 2, 3]);
    expect(shownMechanics(MECHANICS, 2).map((m) => m.name)).toEqual(["Сидоров Алексей"]);
    expect(toResources(shownMechanics(MECHANICS, 3))).toEqual([{ id: "3", title: "Кузнецов Иван", colour: "#f4511e" }]);
  });

  it("draws appointments as blocks with the client, the car and the work, faded when they hold no time", () => {
    const list = [appointment(), appointment({ id: "b", mechanic: 2, status: "cancelled", vehicle: null })];
    const events = toEvents(list, MECHANICS);
    expect(events[0]).toMatchObject({
      id: appointment().id,
      resourceId: "1",
      title: "Иванов И. И.",
      lines: ["Kia Rio А 123 ВС 77", "Замена масла в двигателе"],
      faded: false,
    });
    expect(events[1]).toMatchObject({ resourceId: "2", faded: true, lines: ["Замена масла в двигателе"] });
    expect(toEvents(list, shownMechanics(MECHANICS, 1))).toHaveLength(1);
    expect(holdsTime("rescheduled")).toBe(false);
    expect(loadOf(list, 2)).toBe(0);
  });

  it("names companies in full and people short", () => {
    expect(clientLine("ООО «Ромашка»")).toBe("ООО «Ромашка»");
    expect(clientLine("Петров Пётр")).toBe("Петров П.");
    expect(carLine(appointment({ vehicle: { id: "v", name: "LADA Granta", plate: null } }))).toBe("LADA Granta");
  });

  it("puts each shown mechanic's working time behind the grid", () => {
    const spans = toBackground(scheduleView(), shownMechanics(MECHANICS, 2));
    // Five working days, two stretches each (lunch in between).
    expect(spans).toHaveLength(10);
    expect(spans[0]).toEqual({ resourceId: "2", start: "2026-11-30T09:00:00", end: "2026-11-30T13:00:00" });
  });
});
