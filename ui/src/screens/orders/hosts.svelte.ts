// The order and intake windows open from several places (the schedule's
// appointment window, the orders list, the client card), so each has one
// host mounted by App.svelte, and callers only say what to open.
import type { AppointmentId, ClientId, RepairOrderId, VehicleId } from "../../lib/api/client";

/**
 * What an intake window is for: taking a car in from an appointment («Клиент
 * приехал») or as a walk-in, or correcting the intake of an open order
 * («Изменить приёмку»).
 */
export type IntakeSource =
  | { kind: "appointment"; appointment: AppointmentId }
  | { kind: "walk_in"; client: ClientId; vehicle: VehicleId }
  | { kind: "order"; order: RepairOrderId };

export const windows = $state<{
  order: RepairOrderId | null;
  intake: IntakeSource | null;
  /** Bumped on every change an open screen may want to re-read (an order saved, taken in, its intake corrected). */
  revision: number;
}>({ order: null, intake: null, revision: 0 });

export function openOrder(id: RepairOrderId): void {
  windows.order = id;
}

export function closeOrder(): void {
  windows.order = null;
}

export function openIntake(source: IntakeSource): void {
  windows.intake = source;
}

export function closeIntake(): void {
  windows.intake = null;
}

/** Tells lists on screen that orders changed. */
export function ordersChanged(): void {
  windows.revision += 1;
}
