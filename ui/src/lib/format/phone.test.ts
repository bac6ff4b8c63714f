import { describe, expect, it } from "vitest";
import { formatPhone, looksLikePhone } from "./phone";

describe("formatPhone", () => {
  const cases: [string | null, string][] = [
    ["+79123456789", "+7 912 345-67-89"],
    ["+74951234567", "+7 495 123-45-67"],
    ["+77011234567", "+7 701 123-45-67"], // Kazakhstan shares +7
    ["+375291234567", "+375 29 123-45-67"],
    ["+380501234567", "+380 50 123-45-67"],
    ["+998901234567", "+998 90 123-45-67"],
    ["+493012345678", "+49 301 234-56-78"],
    ["+12025550123", "+1 202 555-01-23"],
    ["+3725123", "+372 5123"],
    ["89123456789", "89123456789"],
    ["", ""],
    [null, ""],
  ];
  it.each(cases)("%s → %s", (input, expected) => {
    expect(formatPhone(input)).toBe(expected);
  });
});

describe("looksLikePhone", () => {
  it.each([
    ["8 912 345-67-89", true],
    ["+7 (912) 345-67-89", true],
    ["912", true],
    ["45", false],
    ["Иванов", false],
    ["ivanov@mail.ru", false],
    ["Иванов 912", false],
    ["", false],
  ])("%s → %s", (input, expected) => {
    expect(looksLikePhone(input)).toBe(expected);
  });
});
