import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import { OUTBOX, messageDetails, outboxMessage } from "../../test/fakeReminders";
import RemindersScreen from "./RemindersScreen.svelte";

afterEach(() => vi.useRealTimers());

function mount(backend = fakeBackend()) {
  render(RemindersScreen, { context: withBackend(backend) });
  return backend;
}

const rows = () => screen.queryAllByTestId("outbox-row");
const rowOf = (name: string) => rows().find((r) => r.textContent!.includes(name))!;
const details = () => screen.getByTestId("outbox-details");

describe("the outbox", () => {
  it("lists today's messages with their status, recipient and last error", async () => {
    const backend = mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(backend.reminders.outbox).toHaveBeenCalledWith("today");
    const failed = rowOf("Петрова Анна");
    expect(failed.textContent).toContain("вт 01.12 12:00");
    expect(failed.textContent).toContain("SMS");
    expect(failed.textContent).toContain("+7 903 111-22-33");
    expect(failed.textContent).toContain("Не доставлено");
    expect(failed.textContent).toContain("абонент недоступен");
    expect(rowOf("Сидоров Пётр").textContent).toContain("Доставлено");
    expect(screen.getByTestId("outbox-count").textContent).toContain("3 сообщения");
  });

  it("asks the core for the chosen filter and keeps it for the next time", async () => {
    const backend = mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(screen.getByTestId("outbox-filter-failed"));
    await waitFor(() => expect(backend.reminders.outbox).toHaveBeenLastCalledWith("failed"));
    await waitFor(() => expect(rows()).toHaveLength(1));
    for (const filter of ["tomorrow", "all"] as const) {
      await fireEvent.click(screen.getByTestId(`outbox-filter-${filter}`));
      await waitFor(() => expect(backend.reminders.outbox).toHaveBeenLastCalledWith(filter));
    }
    expect(localStorage.getItem("remzona.reminders.filter")).toBe("all");
  });

  it("says so when a filter finds nothing", async () => {
    const backend = fakeBackend();
    backend.reminders.outbox.mockResolvedValue([]);
    mount(backend);
    expect((await screen.findByTestId("outbox-empty")).textContent).toContain("Сегодня напоминаний нет");
  });

  it("shows the selected message's text, gateway and history in words", async () => {
    const backend = mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(rowOf("Петрова Анна"));
    await waitFor(() => expect(details().dataset.id).toBe("2"));
    expect(screen.getByTestId("outbox-details-text").textContent).toBe(OUTBOX[1]!.text);
    expect(screen.getByTestId("outbox-details-gateway").textContent).toBe("SMSC.ru");
    expect(screen.getByTestId("outbox-details-error").textContent).toContain("абонент недоступен");
    await waitFor(() => expect(screen.getAllByTestId("outbox-step")).toHaveLength(3));
    const steps = screen.getAllByTestId("outbox-step").map((s) => s.textContent ?? "");
    expect(steps[0]).toContain("Поставлено в очередь");
    expect(steps[1]).toContain("Передано на отправку");
    expect(steps[2]).toContain("Отправить невозможно — абонент недоступен");
    expect(backend.reminders.message).toHaveBeenCalledWith(2);

    // An e-mail shows its subject.
    await fireEvent.click(rowOf("Сидоров Пётр"));
    expect((await screen.findByTestId("outbox-details-subject")).textContent).toBe("Напоминание о визите 1 декабря");
  });

  it("moves through the rows with the arrows", async () => {
    mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await waitFor(() => expect(details().dataset.id).toBe("1"));
    await fireEvent.keyDown(rows()[0]!, { key: "ArrowDown" });
    await waitFor(() => expect(details().dataset.id).toBe("2"));
    expect(document.activeElement).toBe(rows()[1]);
  });

  it("sends a failed message again", async () => {
    const backend = mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(rowOf("Петрова Анна"));
    await waitFor(() => expect(details().dataset.id).toBe("2"));
    expect(screen.queryByTestId("outbox-cancel")).toBeNull();
    await fireEvent.click(screen.getByTestId("outbox-retry"));
    await waitFor(() => expect(backend.reminders.retry).toHaveBeenCalledWith(2));
    expect((await screen.findByTestId("outbox-notice")).textContent).toContain("снова в очереди");
    expect(screen.getByTestId("outbox-details-status").textContent).toBe("В очереди");
    expect(backend.reminders.outbox).toHaveBeenCalledTimes(2);
  });

  it("cancels a waiting message, and offers nothing for a delivered one", async () => {
    const backend = mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await waitFor(() => expect(details().dataset.id).toBe("1"));
    expect(screen.getByTestId("outbox-retry")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("outbox-cancel"));
    await waitFor(() => expect(backend.reminders.cancel).toHaveBeenCalledWith(1));
    await waitFor(() => expect(screen.getByTestId("outbox-details-status").textContent).toBe("Отменено"));
    expect(screen.queryByTestId("outbox-cancel")).toBeNull();

    await fireEvent.click(rowOf("Сидоров Пётр"));
    await waitFor(() => expect(details().dataset.id).toBe("3"));
    expect(screen.queryByTestId("outbox-retry")).toBeNull();
    expect(screen.queryByTestId("outbox-cancel")).toBeNull();
  });

  it("says why a message cannot be cancelled any more", async () => {
    const backend = fakeBackend();
    backend.reminders.cancel.mockRejectedValueOnce(failure("conflict", { conflict: "reminder_not_cancellable" }));
    mount(backend);
    await waitFor(() => expect(details().dataset.id).toBe("1"));
    await fireEvent.click(screen.getByTestId("outbox-cancel"));
    expect((await screen.findByTestId("outbox-action-error")).textContent).toContain("отменить его нельзя");
  });

  it("reads the list again every 30 seconds", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const backend = fakeBackend();
    backend.reminders.outbox.mockResolvedValueOnce(OUTBOX).mockResolvedValue([...OUTBOX, outboxMessage({ id: 4, clientName: "Кузнецова Ольга" })]);
    backend.reminders.message.mockImplementation(async (id: number) => messageDetails(outboxMessage({ id })));
    mount(backend);
    await waitFor(() => expect(rows()).toHaveLength(3));
    vi.advanceTimersByTime(30_000);
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(backend.reminders.outbox).toHaveBeenCalledTimes(2);
  });
});

describe("the reminders screen", () => {
  it("runs a pass now and says what it did", async () => {
    const backend = mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(screen.getByTestId("reminders-run-now"));
    expect((await screen.findByTestId("reminders-report")).textContent).toContain("Отправлено: 3, в обзвон: 1.");
    expect(backend.reminders.runNow).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(backend.reminders.outbox).toHaveBeenCalledTimes(2));
  });

  it("says why a pass failed", async () => {
    const backend = fakeBackend();
    backend.reminders.runNow.mockRejectedValueOnce(failure("keychain", { message: "Secret Service is not running" }));
    mount(backend);
    await fireEvent.click(screen.getByTestId("reminders-run-now"));
    const report = await screen.findByTestId("reminders-report");
    expect(report.textContent).toContain("Системная связка ключей недоступна");
    expect(report.textContent).toContain("Secret Service is not running");
  });

  it("switches to the call list and the templates, and comes back to the last tab", async () => {
    const backend = mount();
    await fireEvent.click(screen.getByTestId("tab-calls"));
    await waitFor(() => expect(backend.calls.list).toHaveBeenCalledWith("2026-12-01"));
    await fireEvent.click(screen.getByTestId("tab-templates"));
    expect(await screen.findByTestId("template-text")).toBeTruthy();
    expect(localStorage.getItem("remzona.reminders.tab")).toBe("templates");
  });
});
