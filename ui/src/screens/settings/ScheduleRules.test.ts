import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import { SETTINGS } from "../../test/fakeSchedule";
import ScheduleRules from "./ScheduleRules.svelte";

function setup() {
  const backend = fakeBackend();
  render(ScheduleRules, { context: withBackend(backend) });
  return backend;
}

const input = (field: string) => screen.getByTestId(`rules-${field}`) as HTMLInputElement;
const type = (field: string, value: string) => fireEvent.input(input(field), { target: { value } });
const save = () => screen.getByTestId("rules-save") as HTMLButtonElement;

describe("ScheduleRules", () => {
  it("offers the Russian time zones by city and saves the one chosen", async () => {
    const backend = setup();
    const zone = (await screen.findByTestId("rules-zone")) as HTMLSelectElement;
    await waitFor(() => expect(zone.options).toHaveLength(3));
    expect(zone.value).toBe("Europe/Moscow");
    expect([...zone.options].map((o) => o.textContent)).toEqual(["Калининград (UTC+2)", "Москва (UTC+3)", "Новосибирск (UTC+7)"]);
    await fireEvent.change(zone, { target: { value: "Asia/Novosibirsk" } });
    await fireEvent.click(save());
    await waitFor(() => expect(backend.schedule.setSettings).toHaveBeenCalledWith(expect.objectContaining({ zone: "Asia/Novosibirsk" })));
  });

  it("shows the shop's hours and the notices' minutes", async () => {
    setup();
    await waitFor(() => expect(input("opens").value).toBe("08:00"));
    expect(input("closes").value).toBe("21:00");
    expect(input("notifyBeforeMinutes").value).toBe("30");
    expect(input("lateAfterMinutes").value).toBe("15");
    expect(screen.getByLabelText("Напомнить о записи за")).toBe(input("notifyBeforeMinutes"));
    expect(save().disabled).toBe(true);
  });

  it("saves the typed hours and minutes", async () => {
    const backend = setup();
    await waitFor(() => expect(input("opens").value).toBe("08:00"));
    backend.schedule.setSettings.mockResolvedValueOnce({ ...SETTINGS, opens: "09:00:00", notifyBeforeMinutes: 0 });
    await type("opens", "9:00");
    await type("notifyBeforeMinutes", "0");
    await fireEvent.click(save());
    await waitFor(() =>
      expect(backend.schedule.setSettings).toHaveBeenCalledWith({
        opens: "9:00",
        closes: "21:00",
        notifyBeforeMinutes: 0,
        lateAfterMinutes: 15,
        zone: "Europe/Moscow",
      }),
    );
    expect(await screen.findByTestId("schedule-rules-saved")).toBeTruthy();
    expect(input("opens").value).toBe("09:00");
    expect(save().disabled).toBe(true);
  });

  it("shows the core's issues and a typed minute that is not a number", async () => {
    const backend = setup();
    await waitFor(() => expect(input("opens").value).toBe("08:00"));
    await type("lateAfterMinutes", "пять");
    await fireEvent.click(save());
    expect((await screen.findByTestId("error-lateAfterMinutes")).textContent).toBe("Введите число, например 1 234,50");
    expect(backend.schedule.setSettings).not.toHaveBeenCalled();

    await type("lateAfterMinutes", "15");
    await type("closes", "7:00");
    await type("notifyBeforeMinutes", "2000");
    backend.schedule.setSettings.mockRejectedValueOnce(
      failure("validation", {
        issues: [
          { field: "closes", issue: "out_of_range", max: null, detail: null },
          { field: "notifyBeforeMinutes", issue: "out_of_range", max: 1440, detail: null },
        ],
      }),
    );
    await fireEvent.click(save());
    expect((await screen.findByTestId("error-closes")).textContent).toBe("Закрытие должно быть позже открытия");
    expect(screen.getByTestId("error-notifyBeforeMinutes").textContent).toBe("Не больше 1\u00a0440 минут");
    await waitFor(() => expect(document.activeElement).toBe(input("closes")));

    backend.schedule.setSettings.mockRejectedValueOnce(
      failure("validation", { issues: [{ field: "opens", issue: "date_invalid", max: null, detail: null }] }),
    );
    await type("opens", "восемь");
    await fireEvent.click(save());
    expect((await screen.findByTestId("error-opens")).textContent).toBe("Время не распознано — введите, например, 9:00 или 18:30");

    backend.schedule.setSettings.mockRejectedValueOnce(failure("database"));
    await type("opens", "8:00");
    await fireEvent.click(save());
    expect((await screen.findByTestId("schedule-rules-error")).textContent).toContain("Ошибка базы данных");
  });
});
