import { describe, expect, it } from "vitest";
import { vehicle } from "../../test/fakeBackend";
import { emptyVehicleForm, formFromVehicle, localIssues, parseCount, toVehicleDraft } from "./draft";

describe("car window draft", () => {
  it("round-trips a stored car", () => {
    const form = formFromVehicle(vehicle({ driver: { id: "p1", name: "Сидоров" } }));
    expect(form).toMatchObject({ plate: "А 123 ВС 77", year: "2019", odometerKm: "84000", driverContactId: "p1", fuel: "petrol" });
    expect(toVehicleDraft(form)).toMatchObject({ year: 2019, engineVolumeCc: 1596, odometerKm: 84000, driverContactId: "p1" });
  });

  it("sends empty numbers and choices as null", () => {
    expect(toVehicleDraft(emptyVehicleForm())).toMatchObject({ year: null, engineVolumeCc: null, odometerKm: null, fuel: null, driverContactId: null });
    expect(parseCount("84 000")).toBe(84000);
    expect(parseCount("12a")).toBeNull();
  });

  it("needs a reason only for a lower reading", () => {
    const form = { ...emptyVehicleForm(), odometerKm: "1000" };
    expect(localIssues(form, 84000)).toEqual([{ field: "odometerReason", issue: "required", max: null, detail: null }]);
    expect(localIssues({ ...form, odometerReason: "новая панель" }, 84000)).toEqual([]);
    expect(localIssues({ ...form, odometerKm: "90000" }, 84000)).toEqual([]);
    expect(localIssues(form, null)).toEqual([]);
  });
});
