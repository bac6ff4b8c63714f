// Fixtures of the appointment window's tests: a client with two cars, the
// price list, and the history of a moved and confirmed appointment.
import { render } from "@testing-library/svelte";
import { vi } from "vitest";
import type { AppointmentDetails, ClientListItem, FreeAt, FreeQuery, SlotOffer, SlotQuery, Vehicle } from "../lib/api/client";
import AppointmentWindow from "../screens/schedule/appointment/AppointmentWindow.svelte";
import { card, client, fakeBackend, listItem, vehicle, withBackend } from "./fakeBackend";
import { SERVICES, searchServices } from "./fakePrices";
import { appointment, details } from "./fakeSchedule";

export const CLIENT_ID = "01938f00-0000-7000-8000-000000000001";

export const GRANTA: Vehicle = vehicle({ id: "v1", owner: { id: CLIENT_ID, kind: "person", displayName: "Иванов Иван Иванович" } });
export const RIO: Vehicle = vehicle({
  id: "01938f00-0000-7000-8000-000000000101",
  owner: GRANTA.owner,
  vin: null,
  plate: "А123ВС77",
  plateDisplay: "А 123 ВС 77",
  make: "Kia",
  model: "Rio",
  year: 2021,
});

const brief = (v: Vehicle) => ({ id: v.id, plate: v.plate, vin: v.vin, make: v.make, model: v.model, year: v.year });

export const IVANOV: ClientListItem = listItem({
  id: CLIENT_ID,
  displayName: "Иванов Иван Иванович",
  primaryPhone: "+79161234567",
  vehicles: [brief(GRANTA), brief(RIO)],
});

/** The stored appointment after a move and a confirmation, oldest first. */
export function movedDetails(): AppointmentDetails {
  const d = details({ status: "confirmed", start: "2026-12-01T12:00:00", end: "2026-12-01T12:30:00", mechanic: 2 });
  return {
    appointment: d.appointment,
    history: [
      {
        at: "2026-11-27T10:15:00",
        change: { kind: "created", at: { start: "2026-11-30T10:00:00", end: "2026-11-30T10:30:00", mechanic: "Петров Сергей", bay: "Пост 1" } },
      },
      {
        at: "2026-11-28T09:05:00",
        change: {
          kind: "moved",
          from: { start: "2026-11-30T10:00:00", end: "2026-11-30T10:30:00", mechanic: "Петров Сергей", bay: "Пост 1" },
          to: { start: "2026-12-01T12:00:00", end: "2026-12-01T12:30:00", mechanic: "Сидоров Алексей", bay: "Пост 1" },
        },
      },
      { at: "2026-11-28T09:06:00", change: { kind: "statusChanged", from: "planned", to: "confirmed" } },
    ],
  };
}

/** A fake backend that knows Иванов with his two cars and the price list. */
export function windowBackend() {
  const backend = fakeBackend();
  backend.clients.search.mockImplementation(async (query: string) => {
    const items = "иванов".startsWith(query.toLowerCase().slice(0, 3)) ? [IVANOV] : [];
    return { items, total: items.length };
  });
  backend.clients.card.mockImplementation(async (id: string) =>
    card({ client: client({ id, displayName: "Иванов Иван Иванович" }), vehicles: id === CLIENT_ID ? [GRANTA, RIO] : [] }),
  );
  backend.prices.search.mockImplementation(searchServices(SERVICES));
  backend.prices.get.mockImplementation(async (id: string) => SERVICES.find((s) => s.id === id) ?? SERVICES[0]!);
  // Typed wide enough for «no bay» answers.
  const findSlots = vi.fn(async (_query: SlotQuery): Promise<SlotOffer[]> => [
    { start: "2026-11-30T09:00:00", end: "2026-11-30T09:30:00", mechanic: 1, bay: 1 },
    { start: "2026-11-30T09:15:00", end: "2026-11-30T09:45:00", mechanic: 2, bay: 1 },
  ]);
  const freeAt = vi.fn(async (_query: FreeQuery): Promise<FreeAt> => ({ mechanics: [2, 3], bay: 1 }));
  return { ...backend, appointments: { ...backend.appointments, findSlots, freeAt } };
}

export function renderWindow(props: { id?: string | null; start?: string | null; mechanic?: number | null } = {}, backend = windowBackend()) {
  const callbacks = { onsaved: vi.fn(), onclose: vi.fn() };
  render(AppointmentWindow, { props: { ...callbacks, ...props }, context: withBackend(backend) });
  return { backend, ...callbacks };
}

export { appointment, SERVICES };
