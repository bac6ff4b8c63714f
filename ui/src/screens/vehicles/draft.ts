// Pure state of the car window: the editable form, the draft sent to the core,
// and the checks the core cannot make from a draft alone.
import type { FieldIssue, Fuel, Vehicle, VehicleDraft } from "../../lib/api/client";

export type VehicleFormState = {
  plate: string;
  vin: string;
  make: string;
  model: string;
  year: string;
  engineVolumeCc: string;
  engineNumber: string;
  fuel: Fuel | "";
  colour: string;
  odometerKm: string;
  odometerReason: string;
  driverContactId: string;
  notes: string;
};

/** The core's field names in screen order; the first bad one gets the focus. */
export const FIELD_ORDER = [
  "plate",
  "vin",
  "make",
  "model",
  "year",
  "engineVolumeCc",
  "engineNumber",
  "fuel",
  "colour",
  "odometerKm",
  "odometerReason",
  "driverContactId",
  "notes",
] as const;

const INPUT_IDS: Record<string, string> = {
  engineVolumeCc: "vehicle-engine-volume",
  engineNumber: "vehicle-engine-number",
  odometerKm: "vehicle-odometer",
  odometerReason: "vehicle-odometer-reason",
  driverContactId: "vehicle-driver",
};

export function inputIdOf(field: string): string {
  return INPUT_IDS[field] ?? `vehicle-${field}`;
}

export function fieldOrder(field: string): number {
  const index = (FIELD_ORDER as readonly string[]).indexOf(field);
  return index < 0 ? FIELD_ORDER.length : index;
}

export function emptyVehicleForm(): VehicleFormState {
  return {
    plate: "",
    vin: "",
    make: "",
    model: "",
    year: "",
    engineVolumeCc: "",
    engineNumber: "",
    fuel: "",
    colour: "",
    odometerKm: "",
    odometerReason: "",
    driverContactId: "",
    notes: "",
  };
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));

export function formFromVehicle(v: Vehicle): VehicleFormState {
  return {
    plate: v.plateDisplay ?? v.plate ?? "",
    vin: v.vin ?? "",
    make: v.make,
    model: v.model,
    year: text(v.year),
    engineVolumeCc: text(v.engineVolumeCc),
    engineNumber: v.engineNumber,
    fuel: v.fuel ?? "",
    colour: v.colour,
    odometerKm: text(v.odometer?.km),
    odometerReason: "",
    driverContactId: v.driver?.id ?? "",
    notes: v.notes,
  };
}

/** "84 000" → 84000; "" → null. The inputs only let digits and spaces through. */
export function parseCount(value: string): number | null {
  const digits = value.replace(/\s/g, "");
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

export function toVehicleDraft(form: VehicleFormState): VehicleDraft {
  return {
    vin: form.vin.trim(),
    plate: form.plate.trim(),
    make: form.make.trim(),
    model: form.model.trim(),
    year: parseCount(form.year),
    engineNumber: form.engineNumber.trim(),
    engineVolumeCc: parseCount(form.engineVolumeCc),
    fuel: form.fuel || null,
    colour: form.colour.trim(),
    odometerKm: parseCount(form.odometerKm),
    odometerReason: form.odometerReason.trim(),
    driverContactId: form.driverContactId || null,
    notes: form.notes.trim(),
  };
}

/** A reading below the last recorded one (needs a reason). */
export function isDecrease(km: number | null, last: number | null): boolean {
  return km !== null && last !== null && km < last;
}

/**
 * Issues `validate(draft)` cannot find because it does not know the car:
 * a lowered odometer without a reason.
 */
export function localIssues(form: VehicleFormState, lastKm: number | null): FieldIssue[] {
  if (isDecrease(parseCount(form.odometerKm), lastKm) && !form.odometerReason.trim()) {
    return [{ field: "odometerReason", issue: "required", max: null, detail: null }];
  }
  return [];
}
