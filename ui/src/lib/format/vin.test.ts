import { describe, expect, it } from "vitest";
import { vinCheckDigit, vinCheckMismatch } from "./vin";

describe("VIN check digit", () => {
  it("accepts a North-American VIN with the right check digit", () => {
    expect(vinCheckDigit("1M8GDM9AXKP042788")).toBe("X");
    expect(vinCheckMismatch("1M8GDM9AXKP042788")).toBe(false);
    expect(vinCheckMismatch("1m8gdm9axkp042788")).toBe(false);
  });
  it("flags a mismatch", () => {
    expect(vinCheckMismatch("1M8GDM9A1KP042788")).toBe(true);
  });
  it("never bothers about cars made outside North America", () => {
    // A LADA's 9th character is a factory code, not a check digit.
    expect(vinCheckMismatch("XTA219070K0123456")).toBe(false);
    expect(vinCheckMismatch("WVWZZZ1JZXW000001")).toBe(false);
  });
  it("says nothing about incomplete or malformed VINs", () => {
    expect(vinCheckDigit("XTA2190")).toBeNull();
    expect(vinCheckMismatch("XTA2190")).toBe(false);
    expect(vinCheckMismatch("1M8GDM9AXKP04278O")).toBe(false);
  });
});
