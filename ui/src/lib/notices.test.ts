import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Backend, Notice, OutboxMessage } from "./api/client";
import { setLocale } from "./i18n";
import { deliverDesktopNotice, failureText, failureTexts, noticeText, noticeTexts, startNoticePoller } from "./notices";
import { fakeBackend } from "../test/fakeBackend";
import { outboxMessage } from "../test/fakeReminders";

const plugin = vi.hoisted(() => ({
  isPermissionGranted: vi.fn(async () => true),
  requestPermission: vi.fn(async (): Promise<NotificationPermission> => "granted"),
  sendNotification: vi.fn(),
}));
vi.mock("@tauri-apps/plugin-notification", () => plugin);

function notice(overrides: Partial<Notice> = {}): Notice {
  return {
    kind: "upcoming",
    appointment: "01938f00-0000-7000-8000-000000000901",
    start: "2026-11-30T10:00:00",
    minutes: 30,
    client: "Иванов Иван",
    vehicle: "Kia Rio А123ВС77",
    mechanic: "Петров Сергей",
    ...overrides,
  };
}

describe("noticeText", () => {
  it.each([
    ["upcoming", notice(), "Через 30 мин — запись", "Иванов Иван, Kia Rio А 123 ВС 77 · мастер Петров С."],
    ["in an hour and a half", notice({ minutes: 90 }), "Через 1 ч 30 мин — запись", "Иванов Иван, Kia Rio А 123 ВС 77 · мастер Петров С."],
    ["starting now", notice({ minutes: 0 }), "Запись начинается сейчас", "Иванов Иван, Kia Rio А 123 ВС 77 · мастер Петров С."],
    ["late", notice({ kind: "late", minutes: -15 }), "Клиент опаздывает на 15 мин", "Иванов Иван, Kia Rio А 123 ВС 77 · мастер Петров С."],
    ["without a car", notice({ vehicle: "" }), "Через 30 мин — запись", "Иванов Иван · мастер Петров С."],
    ["a plate that is not a private car's", notice({ vehicle: "Газель ВТ12377" }), "Через 30 мин — запись", "Иванов Иван, Газель ВТ12377 · мастер Петров С."],
  ])("%s", (_name, n, title, body) => {
    expect(noticeText(n)).toEqual({ title, body });
  });

  it("speaks English too", () => {
    setLocale("en");
    expect(noticeText(notice({ kind: "late", minutes: -20 }))).toEqual({
      title: "The client is 20 min late",
      body: "Иванов Иван, Kia Rio А 123 ВС 77 · mechanic Петров С.",
    });
  });
});

/** A fake core whose notices and undelivered reminders the test decides. */
function pollerBackend() {
  const takeDueNotices = vi.fn(async (): Promise<Notice[]> => []);
  const takeFailures = vi.fn(async (): Promise<OutboxMessage[]> => []);
  const fake = fakeBackend();
  const backend: Backend = {
    ...fake,
    appointments: { ...fake.appointments, takeDueNotices },
    reminders: { ...fake.reminders, takeFailures },
  };
  return { backend, takeDueNotices, takeFailures };
}

const failed = (clientName: string, overrides: Partial<OutboxMessage> = {}) =>
  outboxMessage({ clientName, status: "failed", lastError: "неверный номер", ...overrides });

describe("failureText", () => {
  it("names the client, the channel and the provider's words", () => {
    expect(failureText(failed("Иванов Иван"))).toEqual({ title: "Напоминание не доставлено", body: "Иванов Иван, SMS — неверный номер" });
    expect(failureText(failed("Петрова Анна", { channel: "email", lastError: null }))).toEqual({
      title: "Напоминание не доставлено",
      body: "Петрова Анна, E-mail",
    });
  });

  it("sums up many failures at once", () => {
    const many = ["Андреев А.", "Борисов Б.", "Васильев В.", "Громов Г.", "Андреев А."].map((name) => failed(name));
    expect(failureTexts(many)).toEqual([{ title: "5 напоминаний не доставлено", body: "Андреев А., Борисов Б., Васильев В. и ещё 1" }]);
    expect(failureTexts(many.slice(0, 2))).toHaveLength(2);
    expect(failureTexts([])).toEqual([]);
  });
});

describe("noticeTexts", () => {
  it("shows a few notices each on its own and many as one summary per kind", () => {
    const few = [notice(), notice({ client: "Петров Пётр" })];
    expect(noticeTexts(few)).toHaveLength(2);
    const many = [
      ...["Андреев А.", "Борисов Б.", "Васильев В.", "Громов Г.", "Дмитриев Д."].map((client) => notice({ client })),
      notice({ kind: "late", minutes: -16, client: "Егоров Е." }),
    ];
    expect(noticeTexts(many)).toEqual([
      { title: "5 записей в ближайшее время", body: "Андреев А., Борисов Б., Васильев В. и ещё 2" },
      { title: "1 клиент опаздывает", body: "Егоров Е." },
    ]);
  });
});

describe("startNoticePoller", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("asks at once and then every interval, delivering each notice; stop ends it", async () => {
    const { backend, takeDueNotices } = pollerBackend();
    takeDueNotices
      .mockResolvedValueOnce([notice(), notice({ kind: "late", minutes: -15, client: "Петрова Анна", vehicle: "" })])
      .mockResolvedValueOnce([])
      .mockResolvedValue([notice({ minutes: 29 })]);
    const deliver = vi.fn();
    const stop = startNoticePoller(backend, deliver, 1000);
    await vi.advanceTimersByTimeAsync(0);
    expect(takeDueNotices).toHaveBeenCalledTimes(1);
    expect(deliver.mock.calls).toEqual([
      ["Через 30 мин — запись", "Иванов Иван, Kia Rio А 123 ВС 77 · мастер Петров С."],
      ["Клиент опаздывает на 15 мин", "Петрова Анна · мастер Петров С."],
    ]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(takeDueNotices).toHaveBeenCalledTimes(2);
    expect(deliver).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(deliver).toHaveBeenLastCalledWith("Через 29 мин — запись", expect.any(String));
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(takeDueNotices).toHaveBeenCalledTimes(3);
  });

  it("survives a failing core and a failing delivery", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { backend, takeDueNotices } = pollerBackend();
    takeDueNotices
      .mockRejectedValueOnce(new Error("database is locked"))
      .mockResolvedValue([notice(), notice({ client: "Петрова Анна" })]);
    const deliver = vi.fn().mockRejectedValueOnce(new Error("no notification daemon"));
    const stop = startNoticePoller(backend, deliver, 1000);
    await vi.advanceTimersByTimeAsync(0);
    expect(deliver).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    // The first delivery failed; the second notice still went out.
    expect(deliver).toHaveBeenCalledTimes(2);
    expect(deliver).toHaveBeenLastCalledWith("Через 30 мин — запись", "Петрова Анна, Kia Rio А 123 ВС 77 · мастер Петров С.");
    expect(errors).toHaveBeenCalledTimes(2);
    stop();
  });

  it("tells of reminders that failed for good, even when the notices cannot be read", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { backend, takeDueNotices, takeFailures } = pollerBackend();
    takeDueNotices.mockRejectedValue(new Error("database is locked"));
    takeFailures.mockResolvedValueOnce([failed("Иванов Иван")]).mockResolvedValue([]);
    const deliver = vi.fn();
    const stop = startNoticePoller(backend, deliver, 1000);
    await vi.advanceTimersByTimeAsync(0);
    expect(deliver.mock.calls).toEqual([["Напоминание не доставлено", "Иванов Иван, SMS — неверный номер"]]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(takeFailures).toHaveBeenCalledTimes(2);
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(errors).toHaveBeenCalledTimes(2);
    stop();
  });

  it("never asks twice at once when the core is slow", async () => {
    const { backend, takeDueNotices } = pollerBackend();
    let answer: (notices: Notice[]) => void = () => {};
    takeDueNotices.mockImplementation(() => new Promise<Notice[]>((resolve) => (answer = resolve)));
    const deliver = vi.fn();
    const stop = startNoticePoller(backend, deliver, 1000);
    await vi.advanceTimersByTimeAsync(3000);
    expect(takeDueNotices).toHaveBeenCalledTimes(1);
    answer([notice()]);
    await vi.advanceTimersByTimeAsync(0);
    expect(deliver).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(takeDueNotices).toHaveBeenCalledTimes(2);
    stop();
  });
});

describe("deliverDesktopNotice", () => {
  beforeEach(() => {
    plugin.isPermissionGranted.mockReset().mockResolvedValue(true);
    plugin.requestPermission.mockReset().mockResolvedValue("granted");
    plugin.sendNotification.mockReset();
  });

  it("sends when allowed", async () => {
    await deliverDesktopNotice("Через 30 мин — запись", "Иванов Иван");
    expect(plugin.requestPermission).not.toHaveBeenCalled();
    expect(plugin.sendNotification).toHaveBeenCalledWith({ title: "Через 30 мин — запись", body: "Иванов Иван" });
  });

  it("asks for the permission first, and sends nothing when refused", async () => {
    plugin.isPermissionGranted.mockResolvedValue(false);
    plugin.requestPermission.mockResolvedValueOnce("granted").mockResolvedValueOnce("denied");
    await deliverDesktopNotice("A", "a");
    expect(plugin.sendNotification).toHaveBeenCalledTimes(1);
    await deliverDesktopNotice("B", "b");
    expect(plugin.requestPermission).toHaveBeenCalledTimes(2);
    expect(plugin.sendNotification).toHaveBeenCalledTimes(1);
  });
});
