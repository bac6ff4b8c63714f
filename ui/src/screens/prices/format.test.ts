import { describe, expect, it } from "vitest";
import { setLocale } from "../../lib/i18n";
import { SERVICE_CATEGORIES } from "../../test/fakePrices";
import { durationForHours, fmtDuration, fmtHours, fmtRate, fmtRub, parseScaled, priceByRate, rateOf } from "./format";

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("price list formatting", () => {
  it("shows hours, durations and rates the Russian way", () => {
    expect(nbsp(fmtHours(1500))).toBe("1,5 н/ч");
    expect(nbsp(fmtHours(250))).toBe("0,25 н/ч");
    expect(fmtDuration(90)).toBe("1 ч 30 мин");
    expect(fmtDuration(45)).toBe("45 мин");
    expect(fmtDuration(120)).toBe("2 ч");
    expect(nbsp(fmtRate(250000))).toBe("2 500 ₽/ч");
    expect(nbsp(fmtRub(375050))).toBe("3 750,50 ₽");
  });

  it("follows the language", () => {
    setLocale("en");
    expect(fmtDuration(90)).toBe("1 h 30 min");
    expect(fmtHours(1500)).toBe("1.5 h");
  });

  it("reads typed decimals for previews, refusing what the core would refuse", () => {
    expect(parseScaled("1,5", 3)).toBe(1500);
    expect(parseScaled(" 2 500 ", 2)).toBe(250000);
    expect(parseScaled("1234.5", 2)).toBe(123450);
    expect(parseScaled("0,125", 3)).toBe(125);
    expect(parseScaled("1,2345", 3)).toBeNull();
    expect(parseScaled("полтора", 3)).toBeNull();
    expect(parseScaled("", 3)).toBeNull();
  });

  it("rounds durations up to 15 minutes and prices to the kopeck, as the core does", () => {
    expect(durationForHours(0)).toBe(15);
    expect(durationForHours(250)).toBe(15);
    expect(durationForHours(300)).toBe(30);
    expect(durationForHours(1500)).toBe(90);
    expect(durationForHours(1510)).toBe(105);
    expect(priceByRate(250000, 1500)).toBe(375000);
    expect(priceByRate(333333, 1)).toBe(333);
  });

  it("prices a category at its own rate or the shop's", () => {
    expect(rateOf(3, SERVICE_CATEGORIES, 250000)).toBe(300000);
    expect(rateOf(2, SERVICE_CATEGORIES, 250000)).toBe(250000);
    expect(rateOf(null, SERVICE_CATEGORIES, 250000)).toBe(250000);
  });
});
