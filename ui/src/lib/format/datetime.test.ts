import { describe, expect, it } from "vitest";
import { setLocale } from "../i18n";
import { formatDateTime } from "./datetime";

describe("formatDateTime", () => {
  it("uses Russian month names by default and English ones in English", () => {
    expect(formatDateTime("2025-03-12T12:00:00")).toBe("12 марта 2025, 12:00");
    setLocale("en");
    expect(formatDateTime("2025-03-12T12:00:00")).toBe("Mar 12, 2025, 12:00 PM");
  });
  it("is empty for nothing or garbage", () => {
    expect(formatDateTime(null)).toBe("");
    expect(formatDateTime("вчера")).toBe("");
  });
});
