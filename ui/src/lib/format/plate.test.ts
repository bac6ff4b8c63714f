import { describe, expect, it } from "vitest";
import { formatPlate } from "./plate";
import { vehicleLabel, vehicleMark } from "./vehicle";

describe("formatPlate", () => {
  it.each([
    ["А123ВС77", "А 123 ВС 77"],
    ["А123ВС777", "А 123 ВС 777"],
    ["Х001ХХ199", "Х 001 ХХ 199"],
    ["АВ12377", "АВ12377"], // taxi: as it is
    ["1234АВ77", "1234АВ77"], // trailer
    ["ABC1234", "ABC1234"], // foreign
    ["А123ВС7", "А123ВС7"],
    ["", ""],
    [null, ""],
  ])("%s → %s", (input, expected) => {
    expect(formatPlate(input)).toBe(expected);
  });
});

describe("vehicle names", () => {
  const car = { make: "LADA", model: "Granta", plate: "А123ВС77", vin: "XTA219070K0123456" };
  it("labels and marks a car", () => {
    expect(vehicleLabel(car)).toBe("LADA Granta, А 123 ВС 77");
    expect(vehicleLabel({ ...car, plate: null })).toBe("LADA Granta, XTA219070K0123456");
    expect(vehicleMark(car)).toBe("А 123 ВС 77");
    expect(vehicleMark({ ...car, plate: null })).toBe("LADA Granta");
    expect(vehicleMark({ make: "", model: "", plate: null, vin: "XTA219070K0123456" })).toBe("XTA219070K0123456");
  });
});
