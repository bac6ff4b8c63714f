import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../i18n";
import type { ApiError, FieldIssue } from "./bindings";
import { ApiFailure } from "./client";
import { apiErrorMessage, errorDetails, errorMessage, issueMessage, messagesByField } from "./errors";

const issue = (field: string, code: string, max: number | null = null) =>
  ({ field, issue: code, max }) as FieldIssue;

const apiError = (code: string, message = "raw"): ApiError =>
  ({ code, message, field: null, issues: [], duplicate: null }) as unknown as ApiError;

afterEach(() => setLocale("ru"));

describe("issueMessage", () => {
  it.each([
    [issue("surname", "name_required"), "Укажите фамилию или имя"],
    [issue("phones", "phone_required"), "Укажите хотя бы один телефон"],
    [issue("email", "email_invalid"), "Адрес e-mail не распознан, пример: ivanov@mail.ru"],
    [issue("notes", "too_long", 2000), "Слишком длинно: максимум 2 000 символов"],
    [issue("surname", "too_long", 21), "Слишком длинно: максимум 21 символ"],
    [issue("surname", "too_long", 100), "Слишком длинно: максимум 100 символов"],
    [issue("phones", "too_many", 10), "Слишком много значений: максимум 10"],
    [issue("phones.0.number", "phone_invalid"), "Телефон не распознан: введите 10 цифр номера, например 8 912 345-67-89 или +7 912 345-67-89"],
    [issue("phones.0.label", "something_new"), "Проверьте значение"],
  ])("%o", (input, expected) => {
    expect(issueMessage(input)).toBe(expected.replace(/ (?=000)/, "\u00a0"));
  });

  it("follows the locale", () => {
    setLocale("en");
    expect(issueMessage(issue("surname", "too_long", 1))).toBe("Too long: at most 1 character");
  });
});

describe("apiErrorMessage", () => {
  it("translates known codes", () => {
    expect(apiErrorMessage(apiError("not_found"))).toBe("Запись не найдена — возможно, её удалили.");
  });
  it("falls back to the core's message for unknown codes", () => {
    expect(apiErrorMessage(apiError("quota_exceeded", "Quota exceeded"))).toBe("Quota exceeded");
  });
  it("handles thrown values", () => {
    expect(errorMessage(new ApiFailure(apiError("io")))).toBe("Ошибка чтения или записи файла.");
    expect(errorMessage(new Error("boom"))).toBe("Непредвиденная ошибка.");
    expect(errorDetails(new Error("boom"))).toBe("Подробности: boom");
    expect(errorDetails(new ApiFailure(apiError("database", "disk I/O error")))).toBe("Подробности: disk I/O error");
    expect(errorDetails(new ApiFailure(apiError("not_found")))).toBeNull();
  });
});

describe("messagesByField", () => {
  it("groups by field and drops repeats", () => {
    expect(
      messagesByField([
        issue("surname", "name_required"),
        issue("phones.1.number", "phone_invalid"),
        issue("phones.1.number", "phone_repeated"),
        issue("phones.1.number", "phone_repeated"),
      ]),
    ).toEqual({
      surname: ["Укажите фамилию или имя"],
      "phones.1.number": [
        "Телефон не распознан: введите 10 цифр номера, например 8 912 345-67-89 или +7 912 345-67-89",
        "Этот номер уже есть в списке телефонов клиента",
      ],
    });
  });
});
