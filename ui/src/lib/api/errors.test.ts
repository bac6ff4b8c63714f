import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../i18n";
import { failure } from "../../test/fakeBackend";
import type { ApiError, Duplicate, FieldIssue, IssueCode } from "./client";
import { ApiFailure } from "./client";
import {
  apiErrorMessage,
  conflictMessage,
  duplicateMessage,
  errorDetails,
  errorMessage,
  issueMessage,
  messagesByField,
} from "./errors";

const issue = (field: string, code: string, max: number | null = null) =>
  ({ field, issue: code as IssueCode, max, detail: null }) satisfies FieldIssue;

const apiError = (code: string, message = "raw"): ApiError =>
  ({ code, message, field: null, issues: [], duplicates: [], conflict: null }) as unknown as ApiError;

afterEach(() => setLocale("ru"));

describe("issueMessage", () => {
  it.each([
    [issue("surname", "name_required"), "Укажите фамилию или имя"],
    [issue("company.shortName", "name_required"), "Укажите краткое или полное наименование организации"],
    [issue("contacts.2.name", "required"), "Укажите ФИО контактного лица"],
    [issue("plate", "required"), "Укажите госномер или VIN"],
    [issue("make", "required"), "Заполните это поле"],
    [issue("phones", "phone_required"), "Укажите хотя бы один телефон"],
    [issue("email", "email_invalid"), "Адрес e-mail не распознан, пример: ivanov@mail.ru"],
    [issue("notes", "too_long", 2000), "Слишком длинно: максимум 2 000 символов"],
    [issue("surname", "too_long", 21), "Слишком длинно: максимум 21 символ"],
    [issue("surname", "too_long", 100), "Слишком длинно: максимум 100 символов"],
    [issue("phones", "too_many", 10), "Слишком много значений: максимум 10"],
    [issue("phones.0.number", "phone_invalid"), "Телефон не распознан: введите 10 цифр номера, например 8 912 345-67-89 или +7 912 345-67-89"],
    [issue("company.inn", "inn_invalid"), "ИНН организации — 10 цифр, ИП — 12 цифр"],
    [issue("company.inn", "inn_checksum"), "Контрольное число ИНН не сходится — проверьте, нет ли опечатки"],
    [issue("company.bankAccount", "account_invalid"), "Номер счёта — 20 цифр"],
    [issue("company.corrAccount", "account_invalid"), "Корреспондентский счёт — 20 цифр и начинается с 301"],
    [issue("company.bankAccount", "account_checksum"), "Счёт не сходится с БИК — проверьте, нет ли опечатки в счёте или в БИК"],
    [issue("discountPercent", "out_of_range", 100), "Скидка — целое число от 0 до 100"],
    [issue("year", "out_of_range", 2027), "Проверьте год выпуска: не позже 2027"],
    [issue("birthDate", "date_in_future"), "Эта дата ещё не наступила — проверьте год"],
    [issue("vin", "vin_forbidden_letter"), "В VIN не бывает букв I, O и Q — скорее всего, это цифры 1 и 0"],
    [issue("phones.0.label", "something_new"), "Проверьте значение"],
  ])("%o", (input, expected) => {
    expect(issueMessage(input)).toBe(expected.replace(/ (?=000)/, "\u00a0"));
  });

  it("translates every issue code the core has", () => {
    const codes: IssueCode[] = [
      "required", "name_required", "phone_required", "too_long", "too_many", "phone_invalid", "phone_repeated",
      "email_invalid", "inn_invalid", "inn_checksum", "kpp_invalid", "ogrn_invalid", "ogrn_checksum", "bik_invalid",
      "account_invalid", "account_checksum", "vin_invalid", "vin_forbidden_letter", "plate_invalid", "date_invalid",
      "date_in_future", "out_of_range", "odometer_decreased",
    ];
    for (const code of codes) expect(issueMessage(issue("x", code, 5)), code).not.toBe("Проверьте значение");
  });

  it("asks a company for its own or a contact person's phone", () => {
    expect(issueMessage(issue("phones", "phone_required"), { kind: "company" })).toBe(
      "Укажите телефон организации или контактного лица",
    );
  });

  it("follows the locale", () => {
    setLocale("en");
    expect(issueMessage(issue("surname", "too_long", 1))).toBe("Too long: at most 1 character");
  });
});

describe("conflictMessage", () => {
  it("translates every reason", () => {
    expect(conflictMessage("merge_into_itself")).toBe("Нельзя объединить клиента с самим собой.");
    expect(conflictMessage("driver_not_a_contact")).toContain("контактное лицо");
    expect(conflictMessage("reminder_not_retriable")).toContain("отправить его снова нельзя");
    expect(conflictMessage("gateway_not_configured")).toContain("Шлюз не настроен");
    for (const reason of ["merged_client", "same_owner", "import_has_errors", "reminder_not_cancellable"] as const) {
      expect(conflictMessage(reason)).not.toBe(conflictMessage(null));
    }
    expect(conflictMessage(null)).toBe("Это действие сейчас невозможно.");
  });
});

describe("duplicateMessage", () => {
  const dup = (overrides: Partial<Duplicate>): Duplicate => ({
    field: "phone",
    value: "+79123456789",
    existing: { id: "c1", kind: "person", displayName: "Иванов Иван" },
    vehicle: null,
    blocking: false,
    ...overrides,
  });

  it.each([
    [dup({}), "Телефон +7 912 345-67-89 уже записан у клиента Иванов Иван"],
    [
      dup({ field: "inn", value: "7707083893", existing: { id: "c2", kind: "company", displayName: "ООО «Ромашка»" } }),
      "ИНН 7707083893 уже есть у ООО «Ромашка»",
    ],
    [
      dup({ existing: { id: "c3", kind: "company", displayName: "Ромашка" } }),
      "Телефон +7 912 345-67-89 уже записан у организации Ромашка",
    ],
    [
      dup({
        field: "vin",
        value: "XTA219070K0123456",
        vehicle: { id: "v1", plate: "А123ВС77", vin: "XTA219070K0123456", make: "LADA", model: "Granta", year: 2019 },
        blocking: true,
      }),
      "Автомобиль с таким VIN уже есть: LADA Granta, А 123 ВС 77 (владелец — Иванов Иван)",
    ],
    [dup({ field: "plate", value: "А123ВС77" }), "Автомобиль с таким госномером уже есть: А 123 ВС 77 (владелец — Иванов Иван)"],
  ])("%#", (input, expected) => {
    expect(duplicateMessage(input)).toBe(expected);
  });
});

describe("apiErrorMessage", () => {
  it("translates known codes", () => {
    expect(apiErrorMessage(apiError("not_found"))).toBe("Запись не найдена — возможно, её удалили.");
  });
  it("says what went wrong with the keychain or a gateway, with the core's words as details", () => {
    expect(errorMessage(failure("keychain"))).toContain("Системная связка ключей недоступна");
    expect(errorMessage(failure("gateway_setup"))).toContain("шлюз не подключить");
    expect(errorDetails(new ApiFailure(apiError("gateway_setup", "invalid TLS name")))).toBe("Подробности: invalid TLS name");
  });
  it("explains conflicts and duplicates", () => {
    expect(errorMessage(failure("conflict", { conflict: "merged_client" }))).toContain("уже присоединена");
    expect(
      errorMessage(
        failure("duplicate", {
          duplicates: [
            { field: "phone", value: "+79123456789", existing: { id: "c1", kind: "person", displayName: "Иванов Иван" }, vehicle: null, blocking: false },
          ],
        }),
      ),
    ).toBe("Телефон +7 912 345-67-89 уже записан у клиента Иванов Иван");
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
    expect(errorDetails(new ApiFailure(apiError("conflict")))).toBeNull();
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
