import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { failure, fakeBackend, withBackend } from "../../../test/fakeBackend";
import { appointment } from "../../../test/fakeSchedule";
import { monthShifts, pattern, scheduleMocks } from "../../../test/fakeShifts";
import ShiftEditor from "./ShiftEditor.svelte";

function setup(props: Record<string, unknown> = {}) {
  const backend = fakeBackend();
  const schedule = scheduleMocks(backend);
  schedule.shiftDays.mockImplementation(async (from, to, employee) => monthShifts(from, to, employee));
  render(ShiftEditor, { context: withBackend(backend), props });
  return { schedule };
}

const rows = () => screen.queryAllByTestId("shift-row");
const row = (employee: number) => rows().find((r) => r.dataset.employee === String(employee))!;
const cell = (employee: number, date: string) => row(employee).querySelector<HTMLElement>(`[data-date="${date}"]`)!;
const grid = () => screen.getByTestId("shift-grid");
const status = () => screen.getByTestId("shifts-selection").textContent!.trim();
const type = (testid: string, value: string) => fireEvent.input(screen.getByTestId(testid), { target: { value } });

async function loaded() {
  await waitFor(() => expect(rows()).toHaveLength(3));
}

describe("ShiftEditor", () => {
  it("shows the month of every mechanic with the kind of each day", async () => {
    const { schedule } = setup();
    await loaded();
    expect(schedule.shiftDays).toHaveBeenCalledWith("2026-11-01", "2026-11-30", null);
    expect(screen.getByTestId("shifts-month").textContent).toBe("Ноябрь 2026");
    expect(row(1).querySelectorAll('[data-testid="shift-cell"]')).toHaveLength(30);
    expect(row(2).querySelector("th")!.textContent).toContain("Сидоров Алексей");
    expect(cell(1, "2026-11-30").textContent!.trim()).toBe("9–18");
    expect(cell(1, "2026-11-30").title).toBe("Петров Сергей — Пн, 30 ноября\nРабочий день\n09:00–18:00, перерыв 13:00–14:00");
    expect(cell(1, "2026-11-29").textContent!.trim()).toBe("В");
    expect(cell(1, "2026-11-29").classList.contains("weekend")).toBe(true);

    await fireEvent.click(screen.getByTestId("shifts-next"));
    await waitFor(() => expect(schedule.shiftDays).toHaveBeenLastCalledWith("2026-12-01", "2026-12-31", null));
    expect(screen.getByTestId("shifts-month").textContent).toBe("Декабрь 2026");
    await fireEvent.click(screen.getByTestId("shifts-today"));
    await waitFor(() => expect(schedule.shiftDays).toHaveBeenLastCalledWith("2026-11-01", "2026-11-30", null));
  });

  it("paints a vacation over a rectangle of mechanics and days", async () => {
    const { schedule } = setup();
    await loaded();
    expect((screen.getByTestId("shifts-vacation") as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.mouseDown(cell(2, "2026-11-24"));
    await fireEvent.mouseDown(cell(3, "2026-11-26"), { shiftKey: true });
    expect(status()).toBe("Выделено: 2 мастера, 3 дня (24.11.2026–26.11.2026)");
    expect(cell(3, "2026-11-25").getAttribute("aria-selected")).toBe("true");
    expect(cell(1, "2026-11-25").getAttribute("aria-selected")).toBe("false");

    await type("shifts-note", "ежегодный");
    await fireEvent.click(screen.getByTestId("shifts-vacation"));
    await waitFor(() =>
      expect(schedule.paintException).toHaveBeenCalledWith({
        employees: [2, 3],
        exception: { from: "2026-11-24", to: "2026-11-26", kind: "vacation", hours: null, note: "ежегодный" },
      }),
    );
    expect(schedule.paintException).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(schedule.shiftDays).toHaveBeenCalledTimes(2));
    await waitFor(() => expect((screen.getByTestId("shifts-note") as HTMLInputElement).value).toBe(""));
  });

  it("lists the appointments a change left outside working time", async () => {
    const { schedule } = setup();
    await loaded();
    schedule.paintException.mockResolvedValueOnce({ outsideShift: [appointment()] });
    await fireEvent.mouseDown(cell(1, "2026-11-30"));
    await fireEvent.click(screen.getByTestId("shifts-sick"));
    const warning = await screen.findByTestId("shifts-outside");
    expect(warning.textContent).toContain("1 запись теперь вне рабочего времени мастера");
    expect(screen.getByTestId("shifts-outside-item").textContent).toBe(
      "30.11.2026, 10:00–10:30 — Иванов Иван Иванович, Kia Rio, А 123 ВС 77, мастер Петров Сергей",
    );
    await fireEvent.click(screen.getByTestId("shifts-outside-dismiss"));
    expect(screen.queryByTestId("shifts-outside")).toBeNull();
  });

  it("selects by dragging and by the headers, and returns days to the pattern", async () => {
    const { schedule } = setup();
    await loaded();
    await fireEvent.mouseDown(cell(1, "2026-11-02"));
    await fireEvent.mouseOver(cell(1, "2026-11-03"));
    await fireEvent.mouseOver(cell(1, "2026-11-04"));
    await fireEvent.mouseUp(window);
    await fireEvent.mouseOver(cell(2, "2026-11-06"));
    expect(status()).toBe("Выделено: 1 мастер, 3 дня (02.11.2026–04.11.2026)");
    await fireEvent.click(screen.getByTestId("shifts-clear"));
    await waitFor(() => expect(schedule.clearExceptions).toHaveBeenCalledWith({ employees: [1], from: "2026-11-02", to: "2026-11-04" }));

    await fireEvent.mouseDown(row(2).querySelector("th")!);
    expect(status()).toBe("Выделено: 1 мастер, 30 дней (01.11.2026–30.11.2026)");
    await fireEvent.mouseDown(grid().querySelector('thead [data-col="4"]')!);
    expect(status()).toBe("Выделено: 3 мастера, 1 день (05.11.2026)");
  });

  it("adds days with Ctrl+click and paints each unbroken run", async () => {
    const { schedule } = setup();
    await loaded();
    await fireEvent.mouseDown(cell(1, "2026-11-02"));
    await fireEvent.mouseDown(cell(2, "2026-11-05"), { ctrlKey: true });
    await fireEvent.mouseDown(cell(3, "2026-11-02"), { ctrlKey: true });
    await fireEvent.click(screen.getByTestId("shifts-day-off"));
    await waitFor(() => expect(schedule.paintException).toHaveBeenCalledTimes(2));
    expect(schedule.paintException.mock.calls.map(([paint]) => paint)).toEqual([
      { employees: [1, 3], exception: { from: "2026-11-02", to: "2026-11-02", kind: "dayOff", hours: null, note: "" } },
      { employees: [2], exception: { from: "2026-11-05", to: "2026-11-05", kind: "dayOff", hours: null, note: "" } },
    ]);
  });

  it("selects with the keyboard: arrows, Shift+arrows and Space", async () => {
    const { schedule } = setup();
    await loaded();
    await fireEvent.focus(grid());
    // The cursor starts on today, 30 November of the first mechanic.
    expect(grid().getAttribute("aria-activedescendant")).toBe(cell(1, "2026-11-30").id);
    await fireEvent.keyDown(grid(), { key: "Home" });
    await fireEvent.keyDown(grid(), { key: "ArrowRight" });
    await fireEvent.keyDown(grid(), { key: " " });
    await fireEvent.keyDown(grid(), { key: "ArrowRight", shiftKey: true });
    await fireEvent.keyDown(grid(), { key: "ArrowDown", shiftKey: true });
    expect(status()).toBe("Выделено: 2 мастера, 2 дня (02.11.2026–03.11.2026)");
    await fireEvent.keyDown(grid(), { key: " " });
    expect(cell(2, "2026-11-03").getAttribute("aria-selected")).toBe("false");
    await fireEvent.click(screen.getByTestId("shifts-sick"));
    await waitFor(() => expect(schedule.paintException).toHaveBeenCalledTimes(2));
    expect(schedule.paintException.mock.calls.map(([paint]) => [paint.employees, paint.exception.from, paint.exception.to, paint.exception.kind])).toEqual([
      [[2], "2026-11-02", "2026-11-02", "sickLeave"],
      [[1], "2026-11-02", "2026-11-03", "sickLeave"],
    ]);
    await fireEvent.keyDown(grid(), { key: "Escape" });
    expect(status()).toContain("Выделите дни");
  });

  it("applies a pattern from the first selected day to every selected mechanic", async () => {
    const { schedule } = setup();
    await loaded();
    await fireEvent.mouseDown(cell(1, "2026-11-02"));
    await fireEvent.mouseDown(cell(2, "2026-11-06"), { shiftKey: true });
    await fireEvent.click(screen.getByTestId("shifts-pattern"));
    expect(screen.getByTestId("shift-pattern").textContent).toContain("С 02.11.2026 для: Петров Сергей, Сидоров Алексей");
    await fireEvent.click(screen.getByTestId("preset-twoTwo"));
    await type("pattern-twoTwo-start", "7:00");

    schedule.paintPattern.mockRejectedValueOnce(
      failure("validation", { issues: [{ field: "days.0.start", issue: "date_invalid", max: null, detail: null }] }),
    );
    await fireEvent.click(screen.getByTestId("shift-pattern-apply"));
    expect((await screen.findByTestId("error-pattern-twoTwo-start")).textContent).toBe("Время не распознано — введите, например, 9:00 или 18:30");

    await type("pattern-twoTwo-start", "7:30");
    expect(screen.queryByTestId("error-pattern-twoTwo-start")).toBeNull();
    await fireEvent.click(screen.getByTestId("shift-pattern-apply"));
    await waitFor(() => expect(screen.queryByTestId("shift-pattern")).toBeNull());
    const shift = { start: "7:30", end: "20:00", breaks: ["13:00–14:00"] };
    expect(schedule.paintPattern).toHaveBeenLastCalledWith({
      employees: [1, 2],
      pattern: { from: "2026-11-02", kind: "cycle", days: [shift, shift, null, null] },
    });
  });

  it("asks the hours of an extra shift, and starts changed hours from the day's own", async () => {
    const { schedule } = setup();
    await loaded();
    await fireEvent.mouseDown(cell(3, "2026-11-28"));
    await fireEvent.click(screen.getByTestId("shifts-extra"));
    expect(screen.getByTestId("shift-hours").textContent).toContain("Кузнецов Иван · 28.11.2026");
    await type("hours-start", "10:00");
    await type("hours-end", "16:00");
    await type("hours-breaks", "");
    await type("hours-note", "подмена");
    schedule.paintException.mockRejectedValueOnce(
      failure("validation", { issues: [{ field: "hours.end", issue: "required", max: null, detail: null }] }),
    );
    await fireEvent.click(screen.getByTestId("shift-hours-apply"));
    expect((await screen.findByTestId("error-hours-end")).textContent).toBe("Заполните это поле");
    await fireEvent.click(screen.getByTestId("shift-hours-apply"));
    await waitFor(() => expect(screen.queryByTestId("shift-hours")).toBeNull());
    expect(schedule.paintException).toHaveBeenLastCalledWith({
      employees: [3],
      exception: { from: "2026-11-28", to: "2026-11-28", kind: "extraShift", hours: { start: "10:00", end: "16:00", breaks: [] }, note: "подмена" },
    });

    await fireEvent.mouseDown(cell(1, "2026-11-30"));
    await fireEvent.click(screen.getByTestId("shifts-hours"));
    expect((screen.getByTestId("hours-start") as HTMLInputElement).value).toBe("09:00");
    expect((screen.getByTestId("hours-end") as HTMLInputElement).value).toBe("18:00");
    expect((screen.getByTestId("hours-breaks") as HTMLInputElement).value).toBe("13:00–14:00");
  });

  it("shows one mechanic with their patterns, and deletes one", async () => {
    const { schedule } = setup();
    await loaded();
    schedule.shiftPlan.mockResolvedValue({ patterns: [pattern()], exceptions: [] });
    await fireEvent.change(screen.getByTestId("shifts-mechanic"), { target: { value: "1" } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(schedule.shiftDays).toHaveBeenLastCalledWith("2026-11-01", "2026-11-30", 1);
    expect(schedule.shiftPlan).toHaveBeenCalledWith(1);
    const line = await screen.findByTestId("shift-pattern-row");
    expect(line.textContent).toContain("с 01.12.2026 — 5/2, 09:00–18:00, перерыв 13:00–14:00");

    schedule.deletePattern.mockResolvedValueOnce({ outsideShift: [appointment()] });
    await fireEvent.click(screen.getByTestId("shift-pattern-delete"));
    await fireEvent.click(screen.getByTestId("shift-pattern-delete-yes"));
    await waitFor(() => expect(schedule.deletePattern).toHaveBeenCalledWith(7));
    expect(await screen.findByTestId("shifts-outside")).toBeTruthy();
    await waitFor(() => expect(schedule.shiftPlan).toHaveBeenCalledTimes(2));
  });

  it("reports a failed change above the grid", async () => {
    const { schedule } = setup();
    await loaded();
    schedule.paintException.mockRejectedValueOnce(failure("database"));
    await fireEvent.mouseDown(cell(1, "2026-11-30"));
    await fireEvent.click(screen.getByTestId("shifts-vacation"));
    expect((await screen.findByTestId("shifts-error")).textContent).toContain("Ошибка базы данных");
  });
});
