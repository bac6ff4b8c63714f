import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { ClientRef, ContactPerson, Duplicate, Vehicle } from "../../lib/api/client";
import { failure, fakeBackend, vehicle, withBackend } from "../../test/fakeBackend";
import VehicleForm from "./VehicleForm.svelte";

const OWNER: ClientRef = { id: "c1", kind: "person", displayName: "Иванов Иван Иванович" };

function setup(props: { vehicle?: Vehicle; owner?: ClientRef & { contacts?: ContactPerson[] } } = {}) {
  const backend = fakeBackend();
  const callbacks = { onsaved: vi.fn(), onclose: vi.fn(), onopenclient: vi.fn() };
  render(VehicleForm, { props: { owner: OWNER, ...callbacks, ...props }, context: withBackend(backend) });
  return { backend, ...callbacks };
}

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const type = (id: string, value: string) => fireEvent.input(input(id), { target: { value } });

const PETROV: ClientRef = { id: "c7", kind: "person", displayName: "Петров Пётр Петрович" };
const OTHER_CAR = { id: "v7", plate: "В456ОР77", vin: "XTA219070K0123456", make: "LADA", model: "Vesta", year: 2020 };

describe("VehicleForm", () => {
  it("sends the draft as typed, with the plate in upper case and numbers parsed", async () => {
    const { backend, onsaved } = setup();
    await type("vehicle-plate", "a123bc77");
    expect(input("vehicle-plate").value).toBe("A123BC77");
    await type("vehicle-vin", "xta 2190 70k0123456");
    expect(input("vehicle-vin").value).toBe("XTA219070K0123456");
    await type("vehicle-make", "LADA");
    await type("vehicle-model", "Granta");
    await type("vehicle-year", "2019г");
    await type("vehicle-engine-volume", "1596");
    await fireEvent.change(screen.getByTestId("vehicle-fuel"), { target: { value: "petrol" } });
    await type("vehicle-colour", "белый");
    await type("vehicle-odometer", "84 000");
    await fireEvent.click(screen.getByTestId("vehicle-save"));

    await waitFor(() => expect(onsaved).toHaveBeenCalledTimes(1));
    expect(backend.vehicles.create).toHaveBeenCalledWith(
      "c1",
      {
        vin: "XTA219070K0123456",
        plate: "A123BC77",
        make: "LADA",
        model: "Granta",
        year: 2019,
        engineNumber: "",
        engineVolumeCc: 1596,
        fuel: "petrol",
        colour: "белый",
        odometerKm: 84000,
        odometerReason: "",
        driverContactId: null,
        notes: "",
      },
      false,
    );
    expect(screen.queryByTestId("vehicle-driver")).toBeNull();
  });

  it("offers models of the chosen make from the catalogue", async () => {
    const { backend } = setup();
    await waitFor(() => expect(backend.vehicles.catalogue).toHaveBeenCalled());
    await type("vehicle-make", "kia");
    const models = [...document.querySelectorAll("#vehicle-models option")].map((o) => o.getAttribute("value"));
    expect(models).toEqual(["Rio", "Sportage"]);
    expect(input("vehicle-model").getAttribute("list")).toBe("vehicle-models");
  });

  it("counts VIN characters and warns softly about a check digit", async () => {
    setup();
    expect(screen.getByTestId("vehicle-vin-counter").textContent).toContain("17 знаков");
    await type("vehicle-vin", "1M8GDM9A1K");
    expect(screen.getByTestId("vehicle-vin-counter").textContent).toContain("осталось 7 знаков");
    await type("vehicle-vin", "1M8GDM9A1KP04278");
    expect(screen.getByTestId("vehicle-vin-counter").textContent).toContain("остался 1 знак");
    expect(screen.queryByTestId("vehicle-vin-warning")).toBeNull();
    await type("vehicle-vin", "1M8GDM9A1KP042788");
    expect(screen.getByTestId("vehicle-vin-warning").textContent).toContain("Проверьте VIN: контрольный знак не сходится");
  });

  it("shows the core's issues on blur and all of them on save, focusing the first", async () => {
    const { backend } = setup();
    backend.vehicles.validate.mockResolvedValue([
      { field: "plate", issue: "required", max: null, detail: null },
      { field: "year", issue: "out_of_range", max: 2027, detail: null },
    ]);
    await fireEvent.blur(input("vehicle-plate"));
    await waitFor(() => expect(screen.getByTestId("error-plate").textContent).toContain("Укажите госномер или VIN"));
    expect(screen.queryByTestId("error-year")).toBeNull();

    await fireEvent.click(screen.getByTestId("vehicle-save"));
    await waitFor(() => expect(screen.getByTestId("error-year").textContent).toContain("2027"));
    expect(input("vehicle-year").getAttribute("aria-invalid")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(input("vehicle-plate")));
    expect(backend.vehicles.create).not.toHaveBeenCalled();
  });

  it("asks for a reason when the odometer goes down", async () => {
    const existing = vehicle({ odometer: { km: 84000, readAt: "2026-11-20T09:00:00Z", reason: "" } });
    const { backend, onsaved } = setup({ vehicle: existing });
    expect(input("vehicle-odometer").value).toBe("84000");
    expect(input("vehicle-plate").value).toBe("А 123 ВС 77");
    expect(screen.queryByTestId("vehicle-odometer-reason")).toBeNull();

    await type("vehicle-odometer", "1200");
    expect(screen.getByTestId("vehicle-odometer-reason")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("vehicle-save"));
    await waitFor(() =>
      expect(screen.getByTestId("error-odometerReason").textContent).toContain("Укажите, почему пробег уменьшился"),
    );
    await waitFor(() => expect(document.activeElement).toBe(input("vehicle-odometer-reason")));
    expect(backend.vehicles.update).not.toHaveBeenCalled();

    await type("vehicle-odometer-reason", "Заменили панель приборов");
    await fireEvent.click(screen.getByTestId("vehicle-save"));
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(backend.vehicles.update).toHaveBeenCalledWith(
      "v1",
      expect.objectContaining({ odometerKm: 1200, odometerReason: "Заменили панель приборов", plate: "А 123 ВС 77" }),
      false,
    );
  });

  it("hands over the car whose VIN is already on record instead of creating a second one", async () => {
    const { backend, onsaved, onopenclient } = setup();
    const duplicate: Duplicate = { field: "vin", value: OTHER_CAR.vin, existing: PETROV, vehicle: OTHER_CAR, blocking: true };
    backend.vehicles.create.mockRejectedValueOnce(failure("duplicate", { duplicates: [duplicate] }));
    await type("vehicle-vin", OTHER_CAR.vin);
    await fireEvent.click(screen.getByTestId("vehicle-save"));

    const panel = await screen.findByTestId("vehicle-duplicate");
    expect(panel.textContent).toContain("Автомобиль с таким VIN уже есть");
    expect(panel.textContent).toContain("Петров Пётр Петрович");
    expect(screen.queryByTestId("vehicle-save-anyway")).toBeNull();

    await fireEvent.click(screen.getByTestId("vehicle-open-owner"));
    expect(onopenclient).toHaveBeenCalledWith("c7");

    const transfer = screen.getByTestId("vehicle-transfer-here");
    expect(transfer.textContent).toContain("Передать этот автомобиль клиенту Иванов Иван Иванович");
    await fireEvent.click(transfer);
    await waitFor(() => expect(onsaved).toHaveBeenCalledTimes(1));
    expect(backend.vehicles.transfer).toHaveBeenCalledWith("v7", "c1");
    expect(backend.vehicles.create).toHaveBeenCalledTimes(1);
  });

  it("saves anyway when the plate only belongs to another car", async () => {
    const { backend, onsaved } = setup();
    const duplicate: Duplicate = { field: "plate", value: "В456ОР77", existing: PETROV, vehicle: OTHER_CAR, blocking: false };
    backend.vehicles.create.mockRejectedValueOnce(failure("duplicate", { duplicates: [duplicate] }));
    await type("vehicle-plate", "В456ОР77");
    await fireEvent.click(screen.getByTestId("vehicle-save"));

    const panel = await screen.findByTestId("vehicle-duplicate");
    expect(panel.textContent).toContain("госномером");
    expect(screen.queryByTestId("vehicle-transfer-here")).toBeNull();
    await fireEvent.click(screen.getByTestId("vehicle-save-anyway"));
    await waitFor(() => expect(onsaved).toHaveBeenCalledTimes(1));
    expect(backend.vehicles.create).toHaveBeenCalledTimes(2);
    expect(backend.vehicles.create).toHaveBeenLastCalledWith("c1", expect.objectContaining({ plate: "В456ОР77" }), true);
  });

  it("offers a company's contact persons as the driver", async () => {
    const contacts: ContactPerson[] = [
      { id: "p1", name: "Сидоров Олег", position: "водитель", phone: null, email: null },
      { id: "p2", name: "Кузнецова Анна", position: "", phone: null, email: null },
    ];
    const { backend } = setup({ owner: { id: "c5", kind: "company", displayName: "ООО «Вектор»", contacts } });
    const select = screen.getByTestId("vehicle-driver") as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(["не указан", "Сидоров Олег (водитель)", "Кузнецова Анна"]);
    await type("vehicle-plate", "А123ВС77");
    await fireEvent.change(select, { target: { value: "p1" } });
    await fireEvent.click(screen.getByTestId("vehicle-save"));
    await waitFor(() => expect(backend.vehicles.create).toHaveBeenCalled());
    expect(backend.vehicles.create).toHaveBeenCalledWith("c5", expect.objectContaining({ driverContactId: "p1" }), false);
  });

  it("asks before dropping typed data on Esc", async () => {
    const { onclose } = setup();
    await type("vehicle-plate", "А123ВС77");
    await fireEvent.keyDown(screen.getByTestId("vehicle-form"), { key: "Escape" });
    expect(onclose).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId("vehicle-discard"));
    expect(onclose).toHaveBeenCalled();
  });
});
