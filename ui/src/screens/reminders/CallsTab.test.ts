import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import CallsTab from "./CallsTab.svelte";

function mount(backend = fakeBackend()) {
  render(CallsTab, { context: withBackend(backend) });
  return backend;
}

const rows = () => screen.queryAllByTestId("call-row");
const rowOf = (name: string) => rows().find((r) => r.textContent!.includes(name))!;
const within = (row: HTMLElement, testid: string) => row.querySelector<HTMLElement>(`[data-testid="${testid}"]`);

async function loaded() {
  await waitFor(() => expect(rows()).toHaveLength(3));
}

describe("the call list", () => {
  it("opens on tomorrow's visits with what the operator needs on the phone", async () => {
    const backend = mount();
    await loaded();
    expect(backend.calls.list).toHaveBeenCalledWith("2026-12-01");
    expect(screen.getByTestId("calls-day-label").textContent).toBe("Завтра, вторник, 1 декабря");
    expect((screen.getByTestId("calls-day") as HTMLInputElement).value).toBe("2026-12-01");

    const ivanov = rowOf("Иванов Иван Иванович");
    expect(ivanov.textContent).toContain("10:00");
    const phone = within(ivanov, "call-phone") as HTMLAnchorElement;
    expect(phone.textContent).toBe("+7 916 123-45-67");
    expect(phone.getAttribute("href")).toBe("tel:+79161234567");
    expect(ivanov.textContent).toContain("Kia Rio, А 123 ВС 77");
    expect(ivanov.textContent).toContain("Замена масла в двигателе, Диагностика подвески");
    expect(ivanov.textContent).toContain("мастер Петров С.");
    expect(ivanov.textContent).toContain("Клиент просит позвонить");

    expect(rowOf("Петрова Анна").textContent).toContain("Напоминание не доставлено: абонент недоступен");
    const sidorov = rowOf("Сидоров Пётр");
    expect(sidorov.textContent).toContain("Нет согласия на рассылки");
    expect(sidorov.textContent).toContain("телефон не указан");
    expect(screen.getByTestId("calls-count").textContent).toBe("Звонков: 3, осталось: 3");
  });

  it("steps through the days", async () => {
    const backend = mount();
    await loaded();
    await fireEvent.click(screen.getByTestId("calls-next"));
    await waitFor(() => expect(backend.calls.list).toHaveBeenLastCalledWith("2026-12-02"));
    await fireEvent.click(screen.getByTestId("calls-previous"));
    await fireEvent.click(screen.getByTestId("calls-previous"));
    await waitFor(() => expect(backend.calls.list).toHaveBeenLastCalledWith("2026-11-30"));
    expect(screen.getByTestId("calls-day-label").textContent).toBe("Сегодня, понедельник, 30 ноября");
    await fireEvent.change(screen.getByTestId("calls-day"), { target: { value: "2026-12-07" } });
    await waitFor(() => expect(backend.calls.list).toHaveBeenLastCalledWith("2026-12-07"));
    expect(screen.getByTestId("calls-day-label").textContent).toBe("понедельник, 7 декабря 2026");
  });

  it("records a confirmation and dims the call as done", async () => {
    const backend = mount();
    await loaded();
    await fireEvent.click(within(rowOf("Иванов"), "call-confirmed")!);
    await waitFor(() => expect(backend.calls.record).toHaveBeenCalledWith(11, "confirmed"));
    await waitFor(() => expect(rowOf("Иванов").classList.contains("done")).toBe(true));
    expect(within(rowOf("Иванов"), "call-outcome")!.textContent).toBe("Подтвердил");
    expect(within(rowOf("Иванов"), "call-confirmed")).toBeNull();
    expect(screen.getByTestId("calls-count").textContent).toBe("Звонков: 3, осталось: 2");
  });

  it("opens the appointment window to move the visit after «Перенёс»", async () => {
    const backend = mount();
    await loaded();
    await fireEvent.click(within(rowOf("Петрова"), "call-rescheduled")!);
    await waitFor(() => expect(backend.calls.record).toHaveBeenCalledWith(12, "rescheduled"));
    expect(await screen.findByTestId("appointment-window")).toBeTruthy();
    expect(backend.appointments.get).toHaveBeenCalledWith("01938f00-0000-7000-8000-000000000902");
  });

  it("asks before «Отказался» cancels the appointment", async () => {
    const backend = mount();
    await loaded();
    await fireEvent.click(within(rowOf("Иванов"), "call-declined")!);
    const dialog = await screen.findByTestId("call-decline-dialog");
    expect(dialog.textContent).toContain("Запись клиента Иванов Иван Иванович на вт 01.12 10:00 будет отменена.");
    await fireEvent.click(screen.getByTestId("call-decline-keep"));
    expect(screen.queryByTestId("call-decline-dialog")).toBeNull();
    expect(backend.calls.record).not.toHaveBeenCalled();

    await fireEvent.click(within(rowOf("Иванов"), "call-declined")!);
    await fireEvent.click(await screen.findByTestId("call-decline-confirm"));
    await waitFor(() => expect(backend.calls.record).toHaveBeenCalledWith(11, "declined"));
    await waitFor(() => expect(within(rowOf("Иванов"), "call-outcome")!.textContent).toBe("Отказался"));
  });

  it("keeps an unanswered call on the list with the time to try again", async () => {
    const backend = mount();
    await loaded();
    await fireEvent.click(within(rowOf("Сидоров"), "call-no-answer")!);
    await waitFor(() => expect(backend.calls.record).toHaveBeenCalledWith(13, "no_answer"));
    const retry = await waitFor(() => within(rowOf("Сидоров"), "call-retry")!);
    expect(retry.textContent).toBe("Не дозвонился · повторить после 14:30");
    expect(within(rowOf("Сидоров"), "call-attempts")!.textContent).toBe("1");
    expect(within(rowOf("Сидоров"), "call-confirmed")).toBeTruthy();
  });

  it("works from the keyboard: arrows choose the call, 1–4 the outcome", async () => {
    const backend = mount();
    await loaded();
    rows()[0]!.focus();
    await fireEvent.keyDown(rows()[0]!, { key: "ArrowDown" });
    expect(document.activeElement).toBe(rows()[1]);
    await fireEvent.keyDown(rows()[1]!, { key: "1" });
    await waitFor(() => expect(backend.calls.record).toHaveBeenCalledWith(12, "confirmed"));
    await fireEvent.keyDown(rows()[1]!, { key: "ArrowDown" });
    await fireEvent.keyDown(rows()[2]!, { key: "3" });
    expect(await screen.findByTestId("call-decline-dialog")).toBeTruthy();
  });

  it("says when an outcome could not be recorded", async () => {
    const backend = fakeBackend();
    backend.calls.record.mockRejectedValueOnce(failure("not_found"));
    mount(backend);
    await loaded();
    await fireEvent.click(within(rowOf("Иванов"), "call-confirmed")!);
    expect((await screen.findByTestId("calls-action-error")).textContent).toContain("Запись не найдена");
  });

  it("tells an empty day", async () => {
    const backend = fakeBackend();
    backend.calls.list.mockResolvedValue([]);
    mount(backend);
    expect((await screen.findByTestId("calls-empty")).textContent).toContain("звонить никому не нужно");
  });
});
