import { describe, expect, it } from "vitest";
import type { FieldIssue, PassReport, SmsLength } from "../../lib/api/client";
import { setLocale } from "../../lib/i18n";
import { NO_PASS, callTask } from "../../test/fakeReminders";
import {
  callReasonText,
  canCancel,
  canRetry,
  dayLabel,
  eventLabel,
  insertAt,
  passReportText,
  phoneLink,
  recipientText,
  retryText,
  smsCounter,
  templateIssueMessage,
  visitText,
} from "./reminders";

const pass = (overrides: Partial<PassReport>): PassReport => ({ ...NO_PASS, ...overrides });
const length = (overrides: Partial<SmsLength>): SmsLength => ({
  encoding: "ucs2",
  units: 124,
  segments: 2,
  perSegment: 67,
  leftInSegment: 10,
  ...overrides,
});
const issue = (field: string, detail: string | null, code: FieldIssue["issue"] = "unknown_value"): FieldIssue => ({
  field,
  issue: code,
  max: null,
  detail,
});

describe("passReportText", () => {
  it.each([
    [pass({ sent: 3, calls: 1 }), "Отправлено: 3, в обзвон: 1."],
    [pass({ planned: 5, delivered: 2, failed: 1, retried: 1 }), "Запланировано: 5, доставлено: 2, повтор позже: 1, не доставлено: 1."],
    [pass({ cancelled: 1, recovered: 2 }), "Отменено: 1, восстановлено после сбоя: 2."],
    [NO_PASS, "Новых напоминаний нет — отправлять нечего."],
  ])("%o", (report, text) => expect(passReportText(report)).toBe(text));

  it("speaks English too", () => {
    setLocale("en");
    expect(passReportText(pass({ sent: 2, calls: 1 }))).toBe("Sent: 2, to call: 1.");
  });
});

describe("smsCounter", () => {
  it.each([
    [length({}), "124 символа · 2 SMS · кириллица (70/67)"],
    [length({ units: 61, segments: 1, perSegment: 70 }), "61 символ · 1 SMS · кириллица (70/67)"],
    [length({ encoding: "gsm7", units: 45, segments: 1, perSegment: 160 }), "45 символов · 1 SMS · латиница (160/153)"],
  ])("%o", (counted, text) => expect(smsCounter(counted)).toBe(text));
});

describe("people's forms of values", () => {
  it("shows a phone recipient as a phone, other recipients as they are", () => {
    expect(recipientText("sms", "79161234567")).toBe("+7 916 123-45-67");
    expect(recipientText("voice", "+79161234567")).toBe("+7 916 123-45-67");
    expect(recipientText("email", "ivanov@mail.ru")).toBe("ivanov@mail.ru");
    expect(recipientText("telegram", "123456789")).toBe("123456789");
  });

  it("links a phone for calling", () => {
    expect(phoneLink("+79161234567")).toEqual({ text: "+7 916 123-45-67", href: "tel:+79161234567" });
    expect(phoneLink("")).toBeNull();
  });

  it("names the visit's weekday", () => {
    expect(visitText("2026-12-01T10:00:00")).toBe("вт 01.12 10:00");
  });

  it("says what an event did, and shows a name it does not know", () => {
    expect(eventLabel("transient_failure")).toBe("Временная ошибка — повторим позже");
    expect(eventLabel("recovered_unknown")).toBe("После сбоя: неизвестно, ушло ли сообщение");
    expect(eventLabel("teleported")).toBe("teleported");
  });

  it("retries a failed or waiting message and cancels only a waiting one", () => {
    expect([canRetry("failed"), canRetry("pending"), canRetry("delivered"), canRetry("sending")]).toEqual([true, true, false, false]);
    expect([canCancel("pending"), canCancel("failed"), canCancel("sent")]).toEqual([true, false, false]);
  });
});

describe("the call list", () => {
  it("says why the client is to be called", () => {
    expect(callReasonText(callTask({ reason: "prefers_call" }))).toBe("Клиент просит позвонить");
    expect(callReasonText(callTask({ reason: "no_consent" }))).toBe("Нет согласия на рассылки");
    expect(callReasonText(callTask({ reason: "no_channel" }))).toBe("Нет канала связи");
    expect(callReasonText(callTask({ reason: "failed", detail: "неверный номер" }))).toBe("Напоминание не доставлено: неверный номер");
    expect(callReasonText(callTask({ reason: "failed", detail: "" }))).toBe("Напоминание не доставлено");
  });

  it("says when to call again, with the day when it is another one", () => {
    expect(retryText(callTask({ retryAt: "2026-11-30T14:30:00", dueOn: "2026-11-30" }))).toBe("повторить после 14:30");
    expect(retryText(callTask({ retryAt: "2026-12-01T09:00:00", dueOn: "2026-11-30" }))).toBe("повторить после 01.12 09:00");
    expect(retryText(callTask({ retryAt: null }))).toBeNull();
  });

  it("names today and tomorrow", () => {
    expect(dayLabel("2026-12-01", "2026-11-30")).toBe("Завтра, вторник, 1 декабря");
    expect(dayLabel("2026-11-30", "2026-11-30")).toBe("Сегодня, понедельник, 30 ноября");
    expect(dayLabel("2026-12-02", "2026-11-30")).toBe("среда, 2 декабря 2026");
  });
});

describe("the template editor", () => {
  it("puts a placeholder over the selection and the caret after it", () => {
    expect(insertAt("ждём вас в ", 11, 11, "{time}")).toEqual({ text: "ждём вас в {time}", caret: 17 });
    expect(insertAt("ждём XX вас", 5, 7, "{client}")).toEqual({ text: "ждём {client} вас", caret: 13 });
    expect(insertAt("abc", 10, 12, "{date}")).toEqual({ text: "abc{date}", caret: 9 });
  });

  it("names the fragment at fault", () => {
    expect(templateIssueMessage(issue("text", "{clent}"))).toBe("Неизвестная подстановка {clent}");
    expect(templateIssueMessage(issue("text", "{"))).toBe("Скобка «{» не закрыта — допишите «}» или уберите её");
    expect(templateIssueMessage(issue("text", "}"))).toBe("Лишняя скобка «}» — уберите её или удвойте, чтобы напечатать");
    expect(templateIssueMessage(issue("text", null, "required"))).toBe("Заполните это поле");
  });
});
