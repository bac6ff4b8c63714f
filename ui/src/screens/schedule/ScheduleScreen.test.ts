import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import { appointment, scheduleView } from "../../test/fakeSchedule";
import { ordersChanged } from "../orders/hosts.svelte";
import ScheduleScreen from "./ScheduleScreen.svelte";

// jsdom has no layout: EventCalendar needs a ResizeObserver to mount at all.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

beforeEach(() => vi.stubGlobal("ResizeObserver", NoResizeObserver));
afterEach(() => vi.unstubAllGlobals());

function mount(backend = fakeBackend()) {
  render(ScheduleScreen, { context: withBackend(backend) });
  return backend;
}

describe("ScheduleScreen", () => {
  it("opens on the shop's current week with every mechanic side by side", async () => {
    const backend = mount();
    await waitFor(() => expect(backend.schedule.load).toHaveBeenCalledWith("2026-11-30", "2026-12-06"));
    expect(screen.getByTestId("schedule-period").textContent).toBe("30 ноября – 6 декабря 2026");
    await waitFor(() => expect(screen.getByTestId("schedule-calendar").textContent).toContain("Сидоров Алексей"));
    expect(screen.getByTestId("schedule-calendar").textContent).toContain("Кузнецов Иван");
  });

  it("steps by weeks and days, and shows one mechanic's week", async () => {
    const backend = mount();
    await waitFor(() => expect(backend.schedule.load).toHaveBeenCalled());
    await fireEvent.click(screen.getByTestId("schedule-next"));
    await waitFor(() => expect(backend.schedule.load).toHaveBeenLastCalledWith("2026-12-07", "2026-12-13"));
    await fireEvent.click(screen.getByTestId("schedule-view-day"));
    await waitFor(() => expect(backend.schedule.load).toHaveBeenLastCalledWith("2026-12-07", "2026-12-07"));
    await fireEvent.click(screen.getByTestId("schedule-today"));
    await waitFor(() => expect(backend.schedule.load).toHaveBeenLastCalledWith("2026-11-30", "2026-11-30"));

    await fireEvent.click(screen.getByTestId("schedule-view-week"));
    const select = (await screen.findByTestId("schedule-mechanic")) as HTMLSelectElement;
    await waitFor(() => expect(select.options).toHaveLength(4));
    await fireEvent.change(select, { target: { value: "2" } });
    await waitFor(() => expect(screen.getByTestId("schedule-calendar").textContent).not.toContain("Кузнецов Иван"));
  });

  it("comes back to the operator's last view and mechanic", async () => {
    const first = mount();
    await waitFor(() => expect(first.schedule.load).toHaveBeenCalled());
    await fireEvent.click(screen.getByTestId("schedule-view-day"));
    const select = (await screen.findByTestId("schedule-mechanic")) as HTMLSelectElement;
    await waitFor(() => expect(select.options).toHaveLength(4));
    await fireEvent.change(select, { target: { value: "2" } });
    cleanup();

    const again = mount();
    await waitFor(() => expect(again.schedule.load).toHaveBeenCalledWith("2026-11-30", "2026-11-30"));
    await waitFor(() => expect((screen.getByTestId("schedule-mechanic") as HTMLSelectElement).value).toBe("2"));
  });

  it("opens the appointment window from the toolbar", async () => {
    mount();
    await fireEvent.click(await screen.findByTestId("schedule-new"));
    expect(await screen.findByTestId("appointment-window")).toBeTruthy();
  });

  it("opens the appointment window with Ctrl+N", async () => {
    mount();
    await screen.findByTestId("schedule-calendar");
    await fireEvent.keyDown(window, { key: "n", ctrlKey: true });
    expect(await screen.findByTestId("appointment-window")).toBeTruthy();
  });

  it("says what went wrong when the week cannot be read, and retries", async () => {
    const backend = fakeBackend();
    backend.schedule.load.mockRejectedValueOnce(failure("database"));
    mount(backend);
    expect(await screen.findByTestId("schedule-load-error")).toBeTruthy();
    await fireEvent.click(screen.getByText("Повторить"));
    await waitFor(() => expect(screen.queryByTestId("schedule-load-error")).toBeNull());
  });

  it("tells a shop without mechanics what to do", async () => {
    const backend = fakeBackend();
    backend.schedule.load.mockResolvedValue(scheduleView({ mechanics: [], shifts: [], appointments: [] }));
    mount(backend);
    expect((await screen.findByTestId("schedule-no-mechanics")).textContent).toContain("Мастеров пока нет");
  });

  it("reads the shown week again when a car is taken in, so the visit shows «Клиент приехал»", async () => {
    const backend = mount();
    await waitFor(() => expect(backend.schedule.load).toHaveBeenCalledWith("2026-11-30", "2026-12-06"));
    const colour = () =>
      (document.querySelector(`[data-event-id="${appointment().id}"]`)?.closest("article") as HTMLElement | null)?.style.backgroundColor;
    await waitFor(() => expect(colour()).toBe("rgb(100, 160, 224)")); // planned
    const calls = backend.schedule.load.mock.calls.length;
    backend.schedule.load.mockResolvedValue(scheduleView({ appointments: [appointment({ status: "arrived" })] }));

    // The intake window opened the order: IntakeHost calls ordersChanged().
    ordersChanged();
    await waitFor(() => expect(backend.schedule.load.mock.calls.length).toBe(calls + 1));
    expect(backend.schedule.load).toHaveBeenLastCalledWith("2026-11-30", "2026-12-06");
    await waitFor(() => expect(colour()).toBe("rgb(46, 139, 87)")); // arrived
  });

  it("does not read the week again while nothing about orders changed", async () => {
    const backend = mount();
    await waitFor(() => expect(backend.schedule.load).toHaveBeenCalledWith("2026-11-30", "2026-12-06"));
    await screen.findByTestId("schedule-calendar");
    const calls = backend.schedule.load.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(backend.schedule.load.mock.calls.length).toBe(calls);
  });
});
