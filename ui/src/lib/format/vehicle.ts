// How a car is named in lists, pickers and messages.
import type { VehicleBrief } from "../api/client";
import { formatPlate } from "./plate";

/** "LADA Granta" (or just the make when the model is unknown). */
export function vehicleName(v: Pick<VehicleBrief, "make" | "model">): string {
  return [v.make, v.model].map((s) => s.trim()).filter(Boolean).join(" ");
}

/** "LADA Granta, А 123 ВС 77"; falls back to the VIN when there is no plate. */
export function vehicleLabel(v: Pick<VehicleBrief, "make" | "model" | "plate" | "vin">): string {
  return [vehicleName(v), formatPlate(v.plate) || (v.vin ?? "")].filter(Boolean).join(", ");
}

/** The short mark of a car in a list cell: its plate, else make and model, else the VIN. */
export function vehicleMark(v: Pick<VehicleBrief, "make" | "model" | "plate" | "vin">): string {
  return formatPlate(v.plate) || vehicleName(v) || (v.vin ?? "");
}
