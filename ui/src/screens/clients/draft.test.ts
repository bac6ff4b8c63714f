import { describe, expect, it } from "vitest";
import type { FieldIssue } from "../../lib/api/bindings";
import { fieldOrder, formFromQuery, inputIdOf, isTouched, phoneRow, remapIssues, shiftTouched, toDraft, emptyForm } from "./draft";

describe("formFromQuery", () => {
  it.each([
    ["", { surname: "", name: "", patronymic: "", phone: "" }],
    ["иванов", { surname: "Иванов", name: "", patronymic: "", phone: "" }],
    ["  иванов  иван ", { surname: "Иванов", name: "Иван", patronymic: "", phone: "" }],
    ["Иванов Иван Иванович", { surname: "Иванов", name: "Иван", patronymic: "Иванович", phone: "" }],
    ["+7 (912) 345-67-89", { surname: "", name: "", patronymic: "", phone: "+7 (912) 345-67-89" }],
  ])("%j", (query, expected) => {
    const form = formFromQuery(query);
    expect({ surname: form.surname, name: form.name, patronymic: form.patronymic, phone: form.phones[0]!.number }).toEqual(expected);
    expect(form.phones).toHaveLength(1);
  });
});

describe("toDraft", () => {
  it("drops empty phone rows and keeps one primary", () => {
    const form = emptyForm();
    form.phones = [phoneRow(true), phoneRow(false, "8 912 345-67-89", "жена"), phoneRow(false, "", "  ")];
    const { draft, rows } = toDraft(form);
    expect(draft.phones).toEqual([{ number: "8 912 345-67-89", label: "жена", primary: true }]);
    expect(rows).toEqual([1]);
  });

  it("maps issues back to form rows", () => {
    const issues: FieldIssue[] = [
      { field: "phones.0.number", issue: "phone_invalid", max: null },
      { field: "phones.1.label", issue: "too_long", max: 60 },
      { field: "email", issue: "email_invalid", max: null },
    ];
    expect(remapIssues(issues, [1, 3]).map((i) => i.field)).toEqual(["phones.1.number", "phones.3.label", "email"]);
  });
});

describe("touched fields", () => {
  it.each([
    ["surname", ["surname"], true],
    ["surname", ["name"], true],
    ["surname", ["email"], false],
    ["phones", ["phones.2.label"], true],
    ["phones", ["surname"], false],
    ["phones.1.number", ["phones.0.number"], false],
  ])("%s after %j → %s", (field, touched, expected) => {
    expect(isTouched(field, new Set(touched))).toBe(expected);
  });

  it("shifts after a row is removed", () => {
    const next = shiftTouched(new Set(["email", "phones.0.number", "phones.1.number", "phones.2.label"]), 1);
    expect([...next].sort()).toEqual(["email", "phones.0.number", "phones.1.label"]);
  });
});

describe("field placement", () => {
  it("finds inputs and orders them as on screen", () => {
    expect(inputIdOf("phones.2.label")).toBe("client-phone-label-2");
    expect(inputIdOf("phones.1.number")).toBe("client-phone-1");
    expect(inputIdOf("phones")).toBe("client-phone-0");
    expect(inputIdOf("email")).toBe("client-email");
    const fields = ["notes", "email", "phones.1.number", "phones.0.label", "phones", "patronymic", "surname"];
    expect([...fields].sort((a, b) => fieldOrder(a) - fieldOrder(b))).toEqual([
      "surname", "patronymic", "phones", "phones.0.label", "phones.1.number", "email", "notes",
    ]);
  });
});
