// Display helpers of the car screens (plates and car labels: lib/format/plate.ts, vehicle.ts).
import type { Fuel, VehicleBrief } from "../../lib/api/client";
import { vehicleName } from "../../lib/format/vehicle";
import { fmtNumber, t, type MessageKey } from "../../lib/i18n";

export const FUELS: readonly Fuel[] = ["petrol", "diesel", "gas", "hybrid", "electric"];

export function fuelLabel(fuel: Fuel): string {
  return t(`vehicle.fuel.${fuel}` as MessageKey);
}

/** 84000 → «84 000 км». */
export function formatKm(km: number): string {
  return t("vehicle.km", { km: fmtNumber(km) });
}

/** «LADA Granta, 2019»; «Автомобиль» when neither make nor model is known. */
export function carTitle(v: Pick<VehicleBrief, "make" | "model" | "year">): string {
  const name = vehicleName(v);
  if (!name) return t("vehicle.untitled");
  return v.year ? `${name}, ${v.year}` : name;
}
