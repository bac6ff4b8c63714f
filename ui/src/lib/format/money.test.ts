import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../i18n";
import { fmtMoney, fmtQuantity, moneyInput, quantityInput } from "./money";

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("money and quantities", () => {
  afterEach(() => setLocale("ru"));

  it("renders kopecks as rubles the Russian way", () => {
    expect(nbsp(fmtMoney(123450))).toBe("1 234,50 ₽");
    expect(nbsp(fmtMoney(5))).toBe("0,05 ₽");
  });

  it("pre-fills inputs without grouping", () => {
    expect(moneyInput(123450)).toBe("1234,5");
    expect(moneyInput(99000)).toBe("990");
    expect(moneyInput(null)).toBe("");
    expect(quantityInput(1500)).toBe("1,5");
    expect(quantityInput(-125)).toBe("-0,125");
    setLocale("en");
    expect(moneyInput(123450)).toBe("1234.5");
  });

  it("shows quantities with their unit", () => {
    expect(nbsp(fmtQuantity(8000, "piece"))).toBe("8 шт");
    expect(nbsp(fmtQuantity(1500, "litre"))).toBe("1,5 л");
    expect(nbsp(fmtQuantity(1234500, "metre"))).toBe("1 234,5 м");
  });
});
