import { describe, expect, it } from "vitest";
import type { FieldIssue } from "../../lib/api/client";
import { client } from "../../test/fakeBackend";
import {
  contactRow,
  emptyForm,
  formFromClient,
  formFromQuery,
  inputIdOf,
  isTouched,
  listItemFromClient,
  localIssues,
  parseDiscount,
  phoneRow,
  remapIssues,
  russianDate,
  shiftTouched,
  snapshot,
  toDraft,
} from "./draft";

describe("formFromQuery", () => {
  it.each([
    ["", { kind: "person", surname: "", name: "", patronymic: "", phone: "" }],
    ["иванов", { kind: "person", surname: "Иванов", name: "", patronymic: "", phone: "" }],
    ["  иванов  иван ", { kind: "person", surname: "Иванов", name: "Иван", patronymic: "", phone: "" }],
    ["Иванов Иван Иванович", { kind: "person", surname: "Иванов", name: "Иван", patronymic: "Иванович", phone: "" }],
    ["+7 (912) 345-67-89", { kind: "person", surname: "", name: "", patronymic: "", phone: "+7 (912) 345-67-89" }],
    ["89123456789", { kind: "person", surname: "", name: "", patronymic: "", phone: "89123456789" }],
    ["9123456789", { kind: "person", surname: "", name: "", patronymic: "", phone: "9123456789" }],
  ])("%j → a person", (query, expected) => {
    const form = formFromQuery(query);
    expect({
      kind: form.kind,
      surname: form.surname,
      name: form.name,
      patronymic: form.patronymic,
      phone: form.phones[0]!.number,
    }).toEqual(expected);
    expect(form.phones).toHaveLength(1);
  });

  it.each([
    ["7707083893", { inn: "7707083893", shortName: "" }],
    ["500100732259", { inn: "500100732259", shortName: "" }],
    ["1234567890", { inn: "1234567890", shortName: "" }],
    ["ООО «Ромашка»", { inn: "", shortName: "ООО «Ромашка»" }],
    ["ооо ромашка", { inn: "", shortName: "ООО ромашка" }],
    ["ИП Петров", { inn: "", shortName: "ИП Петров" }],
    ["ПАО  Сбербанк", { inn: "", shortName: "ПАО Сбербанк" }],
    ["«Автодом»", { inn: "", shortName: "«Автодом»" }],
    ['"Автодом"', { inn: "", shortName: '"Автодом"' }],
  ])("%j → a company", (query, expected) => {
    const form = formFromQuery(query);
    expect(form.kind).toBe("company");
    expect({ inn: form.company.inn, shortName: form.company.shortName }).toEqual(expected);
    expect(form.surname).toBe("");
  });

  it("takes a word that only starts like a legal form for a surname", () => {
    expect(formFromQuery("Аоки Юки").kind).toBe("person");
    expect(formFromQuery("Ипатов").surname).toBe("Ипатов");
  });
});

describe("toDraft", () => {
  it("drops empty phone rows and keeps one primary", () => {
    const form = emptyForm();
    form.phones = [phoneRow(true), phoneRow(false, "8 912 345-67-89", "жена"), phoneRow(false, "", "  ")];
    const { draft, rows } = toDraft(form);
    expect(draft.phones).toEqual([{ number: "8 912 345-67-89", label: "жена", primary: true }]);
    expect(rows.phones).toEqual([1]);
  });

  it("sends a company with its contacts and without the person's fields", () => {
    const form = emptyForm("company");
    form.surname = "Остался от частного лица";
    form.birthDate = "1980-01-01";
    form.company.shortName = "ООО «Ромашка»";
    form.contacts = [contactRow({ id: "k1", name: "Петров" }), contactRow(), contactRow({ name: "Сидорова", phone: "89001112233" })];
    form.discount = " 7 ";
    const { draft, rows } = toDraft(form);
    expect(draft).toMatchObject({ kind: "company", surname: "", birthDate: "", discountPercent: 7 });
    expect(draft.company.shortName).toBe("ООО «Ромашка»");
    expect(draft.contacts).toEqual([
      { id: "k1", name: "Петров", position: "", phone: "", email: "" },
      { id: null, name: "Сидорова", position: "", phone: "89001112233", email: "" },
    ]);
    expect(rows.contacts).toEqual([0, 2]);
  });

  it("sends a person without company data", () => {
    const form = emptyForm();
    form.company.inn = "7707083893";
    form.contacts = [contactRow({ name: "Петров" })];
    const { draft } = toDraft(form);
    expect(draft.company.inn).toBe("");
    expect(draft.contacts).toEqual([]);
    expect(draft.reminderChannels).toEqual(["call"]);
  });

  it("maps issues back to form rows", () => {
    const issues: FieldIssue[] = [
      { field: "phones.0.number", issue: "phone_invalid", max: null, detail: null },
      { field: "phones.1.label", issue: "too_long", max: 60, detail: null },
      { field: "contacts.1.email", issue: "email_invalid", max: null, detail: null },
      { field: "email", issue: "email_invalid", max: null, detail: null },
    ];
    expect(remapIssues(issues, { phones: [1, 3], contacts: [0, 2] }).map((i) => i.field)).toEqual([
      "phones.1.number",
      "phones.3.label",
      "contacts.2.email",
      "email",
    ]);
  });
});

describe("discount", () => {
  it.each([
    ["", 0],
    ["5", 5],
    ["100", 100],
    ["101", null],
    ["-1", null],
    ["5,5", null],
    ["abc", null],
  ])("%j → %s", (text, expected) => {
    expect(parseDiscount(text)).toBe(expected);
  });

  it("reports a bad discount itself", () => {
    const form = emptyForm();
    form.discount = "15%";
    expect(localIssues(form)).toEqual([{ field: "discountPercent", issue: "out_of_range", max: 100, detail: null }]);
  });
});

describe("formFromClient", () => {
  it("keeps contact ids, channels, tags and the lead source", () => {
    const stored = client({
      kind: "company",
      displayName: "ООО «Ромашка»",
      surname: "",
      name: "",
      patronymic: "",
      company: { ...client().company, shortName: "ООО «Ромашка»", inn: "7707083893" },
      contacts: [{ id: "k1", name: "Петров Пётр", position: "механик", phone: "+79001112233", email: null }],
      reminderChannels: ["telegram", "call"],
      tags: ["VIP"],
      leadSource: { id: 3, name: "Яндекс Карты", archived: false },
      discountPercent: 10,
    });
    const form = formFromClient(stored);
    expect(form.contacts[0]).toMatchObject({ id: "k1", phone: "+7 900 111-22-33", email: "" });
    expect(form).toMatchObject({ kind: "company", reminderChannels: ["telegram", "call"], tags: ["VIP"], leadSourceId: 3, discount: "10" });
    expect(snapshot(formFromClient(stored))).toBe(snapshot(form));
  });

  it("makes a list row of a saved client", () => {
    const row = listItemFromClient(client({ phones: [
      { number: "+79001112233", label: "", primary: false },
      { number: "+79123456789", label: "", primary: true },
    ] }));
    expect(row).toMatchObject({ id: "c1", primaryPhone: "+79123456789", otherPhones: 1, vehicles: [], archived: false });
  });
});

describe("touched fields", () => {
  it.each([
    ["surname", ["surname"], true],
    ["surname", ["name"], true],
    ["surname", ["email"], false],
    ["company.shortName", ["company.fullName"], true],
    ["phones", ["phones.2.label"], true],
    ["phones", ["contacts.0.phone"], true],
    ["phones", ["surname"], false],
    ["contacts", ["contacts.3.name"], true],
    ["phones.1.number", ["phones.0.number"], false],
  ])("%s after %j → %s", (field, touched, expected) => {
    expect(isTouched(field, new Set(touched))).toBe(expected);
  });

  it("shifts after a row is removed", () => {
    const touched = new Set(["email", "phones.0.number", "phones.1.number", "phones.2.label", "contacts.2.name"]);
    expect([...shiftTouched(touched, "phones", 1)].sort()).toEqual([
      "contacts.2.name",
      "email",
      "phones.0.number",
      "phones.1.label",
    ]);
    expect([...shiftTouched(touched, "contacts", 0)]).toContain("contacts.1.name");
  });
});

describe("field placement", () => {
  it.each([
    ["phones.2.label", "client-phone-label-2"],
    ["phones.1.number", "client-phone-1"],
    ["phones", "client-phone-0"],
    ["email", "client-email"],
    ["birthDate", "client-birth-date"],
    ["discountPercent", "client-discount"],
    ["tags", "client-tags"],
    ["company.shortName", "company-short-name"],
    ["company.corrAccount", "company-corr-account"],
    ["contacts.3.phone", "contact-phone-3"],
    ["contacts", "contact-add"],
  ])("%s → #%s", (field, id) => {
    expect(inputIdOf(field)).toBe(id);
  });
});

describe("russianDate", () => {
  it("shows a stored date the way it is typed", () => {
    expect(russianDate("1985-04-15")).toBe("15.04.1985");
    expect(russianDate(null)).toBe("");
  });
});
