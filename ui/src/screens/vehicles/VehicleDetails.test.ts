import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { VehicleDetails as Details } from "../../lib/api/client";
import { failure, fakeBackend, vehicle, withBackend } from "../../test/fakeBackend";
import { documentBrief } from "../../test/fakeOrders";
import { ordersChanged } from "../orders/hosts.svelte";
import VehicleDetails from "./VehicleDetails.svelte";

vi.mock("../../lib/components/ClientPicker.svelte", async () => ({
  default: (await import("./testing/ClientPickerStub.svelte")).default,
}));

const DETAILS: Details = {
  vehicle: vehicle({ vinCheckWarning: true, driver: { id: "p1", name: "Сидоров Олег" } }),
  owners: [
    { owner: { id: "c1", kind: "person", displayName: "Иванов Иван Иванович" }, since: "2026-10-01T09:00:00", until: null },
    { owner: { id: "c2", kind: "person", displayName: "Смирнов Сергей" }, since: "2024-03-12T09:00:00", until: "2026-10-01T09:00:00" },
  ],
  readings: [
    { km: 84000, readAt: "2026-11-20T09:00:00", reason: "" },
    { km: 1200, readAt: "2025-05-02T09:00:00", reason: "Заменили панель приборов" },
  ],
};

const dialog = vi.hoisted(() => ({ save: vi.fn(async (_options: unknown): Promise<string | null> => null) }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

function setup(props: Record<string, unknown> = {}) {
  const backend = fakeBackend();
  backend.vehicles.get.mockResolvedValue(DETAILS);
  const callbacks = { onchanged: vi.fn(), onclose: vi.fn(), onopenclient: vi.fn() };
  render(VehicleDetails, { props: { id: "v1", ...callbacks, ...props }, context: withBackend(backend) });
  return { backend, ...callbacks };
}

describe("VehicleDetails", () => {
  it("shows the car, its owners and odometer readings", async () => {
    const { backend, onopenclient } = setup();
    const owners = await screen.findByTestId("vehicle-owners");
    expect(backend.vehicles.get).toHaveBeenCalledWith("v1");
    expect(owners.textContent).toContain("с 01.10.2026 — Иванов Иван Иванович");
    expect(owners.textContent).toContain("текущий владелец");
    expect(owners.textContent).toContain("с 12.03.2024 по 01.10.2026 — Смирнов Сергей");
    const readings = screen.getByTestId("vehicle-readings").textContent ?? "";
    expect(readings).toContain("84\u00a0000\u00a0км");
    expect(readings).toContain("Заменили панель приборов");
    const dialog = screen.getByTestId("vehicle-details");
    expect(dialog.textContent).toContain("LADA Granta, 2019 — А 123 ВС 77");
    expect(dialog.textContent).toContain("Сидоров Олег");
    expect(screen.getByTestId("vehicle-vin-warning").textContent).toContain("Проверьте VIN");

    await fireEvent.click(screen.getByRole("button", { name: "Смирнов Сергей" }));
    expect(onopenclient).toHaveBeenCalledWith("c2");
  });

  it("hands the car over to another client after a confirmation", async () => {
    const { backend, onchanged } = setup();
    await fireEvent.click(await screen.findByTestId("vehicle-transfer"));
    const picker = screen.getByTestId("picker-stub");
    expect(picker.dataset.exclude).toBe("c1");
    await fireEvent.click(picker);

    expect(screen.getByTestId("vehicle-transfer-question").textContent).toBe(
      "Передать автомобиль LADA Granta, А 123 ВС 77 клиенту Петров Пётр Петрович? История автомобиля сохранится.",
    );
    expect(backend.vehicles.transfer).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId("vehicle-transfer-confirm"));

    await waitFor(() => expect(onchanged).toHaveBeenCalledTimes(1));
    expect(backend.vehicles.transfer).toHaveBeenCalledWith("v1", "c9");
    expect(await screen.findByTestId("vehicle-notice")).toBeTruthy();
    await waitFor(() => expect(backend.vehicles.get).toHaveBeenCalledTimes(2));
  });

  it("records a lower odometer reading only with a reason", async () => {
    const { backend, onchanged } = setup();
    await fireEvent.click(await screen.findByTestId("vehicle-record-odometer"));
    const km = screen.getByTestId("odometer-km") as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(km));
    await fireEvent.input(km, { target: { value: "500" } });
    await fireEvent.click(screen.getByTestId("odometer-save"));
    expect(await screen.findByTestId("error-reason")).toBeTruthy();
    expect(backend.vehicles.recordOdometer).not.toHaveBeenCalled();

    await fireEvent.input(screen.getByTestId("odometer-reason"), { target: { value: "Скрутили до покупки" } });
    await fireEvent.click(screen.getByTestId("odometer-save"));
    await waitFor(() => expect(onchanged).toHaveBeenCalled());
    expect(backend.vehicles.recordOdometer).toHaveBeenCalledWith("v1", 500, "Скрутили до покупки");
    expect(screen.queryByTestId("odometer-km")).toBeNull();
  });

  it("edits the car in the car window and comes back", async () => {
    const { backend, onchanged } = setup();
    await fireEvent.click(await screen.findByTestId("vehicle-edit"));
    expect(screen.queryByTestId("vehicle-details")).toBeNull();
    await fireEvent.input(screen.getByTestId("vehicle-colour"), { target: { value: "серый" } });
    await fireEvent.click(screen.getByTestId("vehicle-save"));
    await waitFor(() => expect(onchanged).toHaveBeenCalled());
    expect(backend.vehicles.update).toHaveBeenCalledWith("v1", expect.objectContaining({ colour: "серый" }), false);
    expect(await screen.findByTestId("vehicle-details")).toBeTruthy();
  });
  it("lists the car's documents across owners with their actions", async () => {
    const backend = fakeBackend();
    backend.vehicles.get.mockResolvedValue(DETAILS);
    backend.documents.ofVehicle.mockResolvedValue([
      documentBrief("acceptance", { id: "d1", issuedAt: "2025-02-01T09:00:00Z", number: "АП-2025-000040" }),
      documentBrief("invoice", { id: "d2", number: "СЧ-2026-000003", version: 2 }),
    ]);
    render(VehicleDetails, {
      props: {
        id: "v1",
        owner: { id: "c1", kind: "person", displayName: "Иванов Иван Иванович" },
        email: "ivanov@mail.ru",
        onchanged: vi.fn(),
        onclose: vi.fn(),
        onopenclient: vi.fn(),
      },
      context: withBackend(backend),
    });
    const docs = await screen.findByTestId("vehicle-docs");
    await waitFor(() => expect(screen.getAllByTestId(/^vehicle-doc-\d+$/)).toHaveLength(2));
    expect(backend.documents.ofVehicle).toHaveBeenCalledWith("v1");
    const [first, second] = screen.getAllByTestId(/^vehicle-doc-\d+$/);
    expect(first!.textContent).toContain("Счёт на оплату");
    expect(first!.textContent).toContain("СЧ-2026-000003");
    expect(first!.textContent).toContain("версия 2");
    expect(first!.textContent).toContain("к ЗН-2026-000012");
    expect(second!.textContent).toContain("Акт приёма-передачи");
    expect(second!.textContent).toContain("01.02.2025");
    expect(docs.textContent).toContain("прежним владельцам");

    await fireEvent.click(screen.getByTestId("vehicle-doc-open-1"));
    await waitFor(() => expect(backend.documents.print).toHaveBeenCalledWith("d1"));
    await fireEvent.click(screen.getByTestId("vehicle-doc-email-0"));
    expect((screen.getByTestId("vehicle-doc-email-input-0") as HTMLInputElement).value).toBe("ivanov@mail.ru");

    ordersChanged();
    await waitFor(() => expect(backend.documents.ofVehicle).toHaveBeenCalledTimes(2));
  });

  it("says when the car has no documents and when they did not load", async () => {
    const { backend } = setup();
    backend.documents.ofVehicle.mockResolvedValue([]);
    ordersChanged();
    await waitFor(() => expect(screen.getByTestId("vehicle-docs").textContent).toContain("Документов по автомобилю пока нет"));
    backend.documents.ofVehicle.mockRejectedValueOnce(failure("database"));
    ordersChanged();
    expect((await screen.findByTestId("vehicle-docs-error")).textContent).toContain("Не удалось загрузить документы.");
  });
});
