import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { LEAD_SOURCES, client, failure, fakeBackend, vehicle, withBackend } from "../../../test/fakeBackend";
import { ORDER_ID, orderView } from "../../../test/fakeOrders";
import { details } from "../../../test/fakeSchedule";
import type { IntakeSource } from "../hosts.svelte";
import IntakeWindow from "./IntakeWindow.svelte";

const APPOINTMENT = details().appointment.id;
const byId = <T extends HTMLElement = HTMLInputElement>(id: string) => screen.getByTestId(id) as T;
const text = (el: Element | null) => (el?.textContent ?? "").replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim();

function backendWithComment() {
  const backend = fakeBackend();
  backend.appointments.get.mockResolvedValue(details({ comment: "Стук спереди справа" }));
  return backend;
}

function renderIntake(source: IntakeSource = { kind: "appointment", appointment: APPOINTMENT }, backend = backendWithComment()) {
  const callbacks = { onaccepted: vi.fn(), onclose: vi.fn() };
  const pickPhotos = vi.fn(async () => ["/home/desk/Фото/IMG_0412.jpg"]);
  render(IntakeWindow, { props: { source, pickPhotos, ...callbacks }, context: withBackend(backend) });
  return { backend, pickPhotos, ...callbacks };
}

/** Puts a view on screen (jsdom lays nothing out) and clicks it at a point of its box. */
async function clickView(view: string, x: number, y: number, size: [number, number]) {
  const svg = screen.getByTestId(`intake-diagram-${view}`);
  svg.getBoundingClientRect = () =>
    ({ left: 0, top: 0, width: size[0], height: size[1], right: size[0], bottom: size[1], x: 0, y: 0, toJSON: () => ({}) }) as DOMRect;
  await fireEvent.click(svg, { clientX: x, clientY: y });
}

async function opened() {
  await waitFor(() => expect(byId("intake-odometer")).toBeTruthy());
  await waitFor(() => expect(screen.getByTestId("intake-diagram-left")).toBeTruthy());
}

describe("IntakeWindow", () => {
  it("shows who and what car came, with the booked work as the complaints", async () => {
    const { backend } = renderIntake();
    await opened();
    expect(backend.appointments.get).toHaveBeenCalledWith(APPOINTMENT);
    expect(text(byId("intake-client"))).toBe("Иванов Иван Иванович");
    expect(text(byId("intake-client-phone"))).toBe("+7 916 123-45-67");
    expect(text(byId("intake-vehicle"))).toBe("Kia Rio");
    await waitFor(() => expect(text(byId("intake-odometer-last"))).toBe("Прежний пробег: 84 000 км на 20.11.2026"));
    expect(text(byId("intake-plate"))).toBe("А 123 ВС 77");
    expect(text(byId("intake-booked"))).toBe("По записи · Работы: Замена масла в двигателе · Комментарий: Стук спереди справа");
    expect(byId<HTMLTextAreaElement>("intake-complaints").value).toBe("Стук спереди справа\nЗамена масла в двигателе");
    expect(document.activeElement).toBe(byId("intake-odometer"));
  });

  it("takes the car in with everything written down, marks and photos included", async () => {
    const { backend, onaccepted, pickPhotos } = renderIntake();
    await opened();
    await fireEvent.input(byId("intake-odometer"), { target: { value: "84 500" } });
    await fireEvent.click(byId("intake-fuel-3"));
    expect(byId("intake-fuel-3-input").checked).toBe(true);
    await fireEvent.click(byId("intake-keys-more"));
    await fireEvent.click(byId("intake-check-registrationCertificate"));
    await fireEvent.click(byId("intake-check-spareWheel"));
    await fireEvent.input(byId("intake-check-other"), { target: { value: "Видеорегистратор" } });
    await fireEvent.input(byId("intake-belongings"), { target: { value: "Детское кресло" } });

    // Two marks: a dent on the left side (drawn twice its size), a chip on the top view.
    await fireEvent.click(byId("intake-damage-kind-dent"));
    expect(byId("intake-damage-kind-dent").getAttribute("aria-pressed")).toBe("true");
    await clickView("left", 230, 150, [920, 300]);
    await waitFor(() => expect(document.activeElement).toBe(byId("intake-mark-0-note")));
    await fireEvent.input(byId("intake-mark-0-note"), { target: { value: "Задняя дверь" } });
    await fireEvent.click(byId("intake-damage-kind-chip"));
    await clickView("top", 46, 171, [460, 190]);
    expect(text(byId("intake-mark-1-place"))).toBe("Сверху");
    expect(byId<HTMLSelectElement>("intake-mark-1-kind").value).toBe("chip");
    expect(text(screen.getByTestId("intake-diagram-mark-1").querySelector("text"))).toBe("2");

    await fireEvent.click(byId("intake-part-add"));
    await fireEvent.input(byId("intake-part-0-name"), { target: { value: "Масло Shell Helix 5W-30" } });
    await fireEvent.input(byId("intake-part-0-quantity"), { target: { value: "4" } });

    await fireEvent.click(byId("intake-photo-add"));
    await waitFor(() => expect(screen.getByTestId("intake-photo-0").querySelector("img")).toBeTruthy());
    expect(pickPhotos).toHaveBeenCalled();
    expect(backend.orders.attachPhoto).toHaveBeenCalledWith("/home/desk/Фото/IMG_0412.jpg");
    expect(backend.orders.image).toHaveBeenCalledWith("photos/0193.jpg");

    await fireEvent.keyDown(byId("intake-belongings"), { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(onaccepted).toHaveBeenCalledWith(orderView()));
    expect(backend.orders.takeIn).toHaveBeenCalledWith(APPOINTMENT, {
      odometer: "84 500",
      odometerReason: "",
      fuelQuarters: 3,
      checklist: {
        keys: 2,
        registrationCertificate: true,
        spareWheel: true,
        jack: false,
        tools: false,
        firstAidKit: false,
        extinguisher: false,
        warningTriangle: false,
        headUnit: false,
        mats: false,
        other: "Видеорегистратор",
      },
      belongings: "Детское кресло",
      complaints: "Стук спереди справа\nЗамена масла в двигателе",
      clientParts: [{ name: "Масло Shell Helix 5W-30", description: "", quantity: "4" }],
      damage: [
        { view: "left", x: 250, y: 500, kind: "dent", note: "Задняя дверь" },
        { view: "top", x: 100, y: 900, kind: "chip", note: "" },
      ],
      photos: ["photos/0193.jpg"],
      handedOverBy: "",
    });
    expect(backend.orders.takeInWalkIn).not.toHaveBeenCalled();
  });

  it("asks for a reason when the odometer is below the last reading", async () => {
    const { backend } = renderIntake();
    await opened();
    await waitFor(() => expect(text(byId("intake-odometer-last"))).toContain("84 000"));
    expect(screen.queryByTestId("intake-odometer-reason")).toBeNull();
    await fireEvent.input(byId("intake-odometer"), { target: { value: "12000" } });
    expect(text(byId("intake-odometer-lower"))).toBe("Меньше прежнего на 72 000 км — укажите причину");
    await fireEvent.input(byId("intake-odometer-reason"), { target: { value: "Заменили щиток приборов" } });
    await fireEvent.click(byId("intake-submit"));
    await waitFor(() =>
      expect(backend.orders.takeIn).toHaveBeenCalledWith(
        APPOINTMENT,
        expect.objectContaining({ odometer: "12000", odometerReason: "Заменили щиток приборов" }),
      ),
    );
  });

  it("shows the core's issues next to their fields and in a summary, keeping what was typed", async () => {
    const backend = backendWithComment();
    backend.orders.takeIn.mockRejectedValueOnce(
      failure("validation", {
        issues: [
          { field: "odometer", issue: "odometer_decreased", max: 90000, detail: null },
          { field: "damage.0.note", issue: "too_long", max: 200, detail: null },
        ],
      }),
    );
    const { onaccepted } = renderIntake(undefined, backend);
    await opened();
    await fireEvent.input(byId("intake-odometer"), { target: { value: "85000" } });
    await clickView("front", 95, 75, [190, 150]);
    await fireEvent.input(byId("intake-mark-0-note"), { target: { value: "Бампер" } });
    await fireEvent.click(byId("intake-submit"));

    await waitFor(() => expect(text(screen.getByTestId("error-odometer"))).toBe("Пробег меньше прежнего — укажите причину, например замену щитка приборов"));
    expect(byId("intake-odometer").getAttribute("aria-invalid")).toBe("true");
    expect(text(screen.getByTestId("error-damage.0.note"))).toBe("Слишком длинно: максимум 200 символов");
    expect(text(byId("intake-issues"))).toContain("Пробег: Пробег меньше прежнего");
    expect(text(byId("intake-issues"))).toContain("Отметка 1: Слишком длинно");
    // The reason field appears for the core's refusal; nothing typed is lost.
    expect(byId("intake-odometer-reason")).toBeTruthy();
    expect(document.activeElement).toBe(byId("intake-odometer"));
    expect(byId("intake-odometer").value).toBe("85000");
    expect(byId("intake-mark-0-note").value).toBe("Бампер");
    expect(onaccepted).not.toHaveBeenCalled();

    await fireEvent.input(byId("intake-odometer-reason"), { target: { value: "Замена щитка" } });
    expect(screen.queryByTestId("error-odometer")).toBeNull();
  });

  it("shows other failures at the top and lets the operator try again", async () => {
    const backend = backendWithComment();
    backend.orders.takeIn.mockRejectedValueOnce(failure("conflict", { conflict: "appointment_not_awaited" }));
    const { onaccepted } = renderIntake(undefined, backend);
    await opened();
    await fireEvent.click(byId("intake-submit"));
    await waitFor(() => expect(screen.getByTestId("intake-failure")).toBeTruthy());
    await fireEvent.click(screen.getByText("Повторить"));
    await waitFor(() => expect(onaccepted).toHaveBeenCalled());
  });

  it("takes a walk-in's car in with takeInWalkIn", async () => {
    const backend = fakeBackend();
    const { onaccepted } = renderIntake({ kind: "walk_in", client: "c7", vehicle: "v7" }, backend);
    await opened();
    expect(backend.clients.get).toHaveBeenCalledWith("c7");
    expect(backend.vehicles.get).toHaveBeenCalledWith("v7");
    expect(text(byId("intake-vehicle"))).toBe("LADA Granta");
    expect(text(byId("intake-booked"))).toBe("Без записи");
    expect(byId<HTMLTextAreaElement>("intake-complaints").value).toBe("");
    await fireEvent.input(byId("intake-complaints"), { target: { value: "Не заводится" } });
    await fireEvent.click(byId("intake-submit"));
    await waitFor(() => expect(onaccepted).toHaveBeenCalled());
    expect(backend.orders.takeInWalkIn).toHaveBeenCalledWith("c7", "v7", expect.objectContaining({ complaints: "Не заводится", damage: [] }));
    expect(backend.orders.takeIn).not.toHaveBeenCalled();
  });

  it("edits, moves and removes marks from the list with the keyboard", async () => {
    renderIntake();
    await opened();
    await fireEvent.keyDown(byId("intake-diagram-rear"), { key: "Enter" });
    await fireEvent.keyDown(byId("intake-diagram-left"), { key: " " });
    expect(screen.getAllByTestId("intake-mark")).toHaveLength(2);
    await fireEvent.change(byId<HTMLSelectElement>("intake-mark-0-kind"), { target: { value: "corrosion" } });
    expect(screen.getByTestId("intake-diagram-mark-0").getAttribute("data-kind")).toBe("corrosion");

    const row = screen.getAllByTestId("intake-mark")[0]!;
    row.focus();
    await fireEvent.keyDown(row, { key: "ArrowRight" });
    await fireEvent.keyDown(row, { key: "ArrowUp", shiftKey: true });
    const circle = screen.getByTestId("intake-diagram-mark-0").querySelector("circle")!;
    expect(circle.getAttribute("cx")).toBe(String((510 * 190) / 1000));
    expect(circle.getAttribute("cy")).toBe(String((450 * 150) / 1000));

    await fireEvent.keyDown(row, { key: "Delete" });
    expect(screen.getAllByTestId("intake-mark")).toHaveLength(1);
    expect(text(byId("intake-mark-0-place"))).toBe("Слева");
    await fireEvent.click(byId("intake-mark-0-remove"));
    expect(screen.getByTestId("intake-marks-empty")).toBeTruthy();
  });

  it("removes a client's part and a photo", async () => {
    renderIntake();
    await opened();
    await fireEvent.click(byId("intake-part-add"));
    await fireEvent.click(byId("intake-part-add"));
    expect(screen.getAllByTestId(/^intake-part-\d+$/)).toHaveLength(2);
    await fireEvent.click(byId("intake-part-0-remove"));
    expect(screen.getAllByTestId(/^intake-part-\d+$/)).toHaveLength(1);
    await fireEvent.click(byId("intake-photo-add"));
    await waitFor(() => expect(screen.getByTestId("intake-photo-0")).toBeTruthy());
    await fireEvent.click(byId("intake-photo-0-remove"));
    expect(screen.queryByTestId("intake-photo-0")).toBeNull();
  });

  it("says which photo could not be added", async () => {
    const backend = backendWithComment();
    backend.orders.attachPhoto.mockRejectedValueOnce(
      failure("validation", { issues: [{ field: "path", issue: "file_too_large", max: null, detail: null }] }),
    );
    renderIntake(undefined, backend);
    await opened();
    await fireEvent.click(byId("intake-photo-add"));
    await waitFor(() => expect(text(byId("intake-photo-errors"))).toContain("Не удалось добавить IMG_0412.jpg:"));
    expect(screen.queryByTestId("intake-photo-0")).toBeNull();
  });

  it("refuses an appointment without a car before asking the core", async () => {
    const backend = fakeBackend();
    backend.appointments.get.mockResolvedValue(details({ vehicle: null }));
    renderIntake(undefined, backend);
    await waitFor(() => expect(screen.getByTestId("intake-no-vehicle")).toBeTruthy());
    expect(byId<HTMLButtonElement>("intake-submit").disabled).toBe(true);
  });

  it("closes at once when nothing was typed, asks when something was", async () => {
    const first = renderIntake();
    await opened();
    await fireEvent.click(byId("intake-cancel"));
    expect(first.onclose).toHaveBeenCalledTimes(1);
    document.body.innerHTML = "";

    const second = renderIntake();
    await opened();
    await fireEvent.click(byId("intake-check-mats"));
    await fireEvent.keyDown(byId("intake-odometer"), { key: "Escape" });
    expect(second.onclose).not.toHaveBeenCalled();
    await fireEvent.click(await screen.findByTestId("intake-keep-editing"));
    expect(byId<HTMLInputElement>("intake-check-mats").checked).toBe(true);
    await fireEvent.click(byId("intake-cancel"));
    await fireEvent.click(await screen.findByTestId("intake-discard"));
    expect(second.onclose).toHaveBeenCalledTimes(1);
  });

  describe("«Изменить приёмку»: an order's intake", () => {
    const ORDER: IntakeSource = { kind: "order", order: ORDER_ID };

    function backendWithOrder(overrides: Parameters<typeof orderView>[0] = {}) {
      const backend = fakeBackend();
      backend.orders.get.mockResolvedValue(
        orderView({
          intake: {
            ...orderView().intake,
            checklist: { ...orderView().intake.checklist, other: "Видеорегистратор" },
            clientParts: [{ name: "Масло Shell Helix 5W-30", description: "канистра", quantity: 1500 }],
            photos: ["photos/0193-a.jpg"],
          },
          ...overrides,
        }),
      );
      return backend;
    }

    it("opens with everything recorded at the intake, titled by the order", async () => {
      const { backend } = renderIntake(ORDER, backendWithOrder());
      await opened();
      expect(backend.orders.get).toHaveBeenCalledWith(ORDER_ID);
      expect(backend.appointments.get).not.toHaveBeenCalled();
      expect(text(screen.getByTestId("intake-window").querySelector("h2"))).toBe("Изменение приёмки — ЗН-2026-000012");
      expect(text(byId("intake-client"))).toBe("Иванов Иван Петрович");
      expect(text(byId("intake-vehicle"))).toBe("Kia Rio");
      expect(text(byId("intake-plate"))).toBe("А 123 ВС 77");
      expect(text(byId("intake-booked"))).toBe("Заказ-наряд ЗН-2026-000012, принят 30.11.2026");
      await waitFor(() => expect(text(byId("intake-odometer-last"))).toBe("Прежний пробег: 84 000 км на 20.11.2026"));

      expect(byId("intake-odometer").value).toBe("84500");
      expect(byId("intake-fuel-2-input").checked).toBe(true);
      expect(byId("intake-keys").value).toBe("2");
      expect(byId("intake-check-registrationCertificate").checked).toBe(true);
      expect(byId("intake-check-tools").checked).toBe(false);
      expect(byId("intake-check-other").value).toBe("Видеорегистратор");
      expect(byId<HTMLTextAreaElement>("intake-belongings").value).toBe("Детское кресло");
      expect(byId<HTMLTextAreaElement>("intake-complaints").value).toBe("Стук спереди справа на неровностях");
      expect(byId("intake-part-0-name").value).toBe("Масло Shell Helix 5W-30");
      expect(byId("intake-part-0-description").value).toBe("канистра");
      expect(byId("intake-part-0-quantity").value).toBe("1,5");
      expect(screen.getAllByTestId("intake-mark")).toHaveLength(2);
      expect(byId("intake-mark-0-note").value).toBe("Задняя дверь");
      expect(byId<HTMLSelectElement>("intake-mark-1-kind").value).toBe("chip");
      await waitFor(() => expect(screen.getByTestId("intake-photo-0").querySelector("img")).toBeTruthy());
      expect(backend.orders.image).toHaveBeenCalledWith("photos/0193-a.jpg");
      expect(text(byId("intake-submit"))).toBe("Сохранить приёмку");
    });

    it("saves the corrected intake with updateIntake", async () => {
      const { backend, onaccepted } = renderIntake(ORDER, backendWithOrder());
      await opened();
      await fireEvent.input(byId("intake-odometer"), { target: { value: "85 400" } });
      await fireEvent.click(byId("intake-fuel-4"));
      await fireEvent.click(byId("intake-mark-1-remove"));
      await fireEvent.click(byId("intake-submit"));
      await waitFor(() => expect(onaccepted).toHaveBeenCalledWith(orderView()));
      expect(backend.orders.takeIn).not.toHaveBeenCalled();
      expect(backend.orders.takeInWalkIn).not.toHaveBeenCalled();
      expect(backend.orders.updateIntake).toHaveBeenCalledWith(ORDER_ID, {
        odometer: "85 400",
        odometerReason: "",
        fuelQuarters: 4,
        checklist: { ...orderView().intake.checklist, other: "Видеорегистратор" },
        belongings: "Детское кресло",
        complaints: "Стук спереди справа на неровностях",
        clientParts: [{ name: "Масло Shell Helix 5W-30", description: "канистра", quantity: "1,5" }],
        damage: [orderView().intake.damage[0]],
        photos: ["photos/0193-a.jpg"],
        handedOverBy: "",
      });
    });

    it("opens with who handed the car over and sends it back corrected", async () => {
      const backend = backendWithOrder();
      backend.orders.get.mockResolvedValue(orderView({ intake: { ...orderView().intake, handedOverBy: "Сидоров Олег" } }));
      const { onaccepted } = renderIntake(ORDER, backend);
      await opened();
      // A private client's driver shows at once when the intake names one.
      expect(byId("intake-handed-over-by").value).toBe("Сидоров Олег");
      await fireEvent.input(byId("intake-handed-over-by"), { target: { value: "Сидоров Олег Ильич" } });
      await fireEvent.click(byId("intake-submit"));
      await waitFor(() => expect(onaccepted).toHaveBeenCalled());
      expect(backend.orders.updateIntake).toHaveBeenCalledWith(ORDER_ID, expect.objectContaining({ handedOverBy: "Сидоров Олег Ильич" }));
    });

    it("closes at once when nothing was changed, asks when something was", async () => {
      const first = renderIntake(ORDER, backendWithOrder());
      await opened();
      await fireEvent.keyDown(byId("intake-odometer"), { key: "Escape" });
      expect(first.onclose).toHaveBeenCalledTimes(1);
      document.body.innerHTML = "";

      const second = renderIntake(ORDER, backendWithOrder());
      await opened();
      await fireEvent.input(byId("intake-belongings"), { target: { value: "" } });
      await fireEvent.keyDown(byId("intake-odometer"), { key: "Escape" });
      expect(second.onclose).not.toHaveBeenCalled();
      expect(text(await screen.findByTestId("intake-discard"))).toBe("Закрыть без сохранения");
    });

    it("refuses to correct an issued order's intake before asking the core", async () => {
      const { backend } = renderIntake(ORDER, backendWithOrder({ status: "issued", actions: ["reopen"], issuedAt: "2026-12-01T15:00:00Z" }));
      await opened();
      expect(screen.getByTestId("intake-locked")).toBeTruthy();
      expect(byId<HTMLButtonElement>("intake-submit").disabled).toBe(true);
      await fireEvent.keyDown(byId("intake-odometer"), { key: "Enter", ctrlKey: true });
      expect(backend.orders.updateIntake).not.toHaveBeenCalled();
    });

    it("shows the core's refusal (the order was issued meanwhile) and keeps what was typed", async () => {
      const backend = backendWithOrder();
      backend.orders.updateIntake.mockRejectedValueOnce(failure("conflict"));
      const { onaccepted } = renderIntake(ORDER, backend);
      await opened();
      await fireEvent.input(byId("intake-odometer"), { target: { value: "85400" } });
      await fireEvent.click(byId("intake-submit"));
      expect(await screen.findByTestId("intake-failure")).toBeTruthy();
      expect(onaccepted).not.toHaveBeenCalled();
      expect(byId("intake-odometer").value).toBe("85400");
    });
  });

  describe("the header: the client, the car and who handed it over", () => {
    const COMPANY = client({
      id: "c9",
      kind: "company",
      displayName: "ООО «Вектор»",
      surname: "",
      name: "",
      patronymic: "",
      company: { ...client().company, shortName: "ООО «Вектор»", inn: "7707083893" },
      leadSource: LEAD_SOURCES[0]!,
      contacts: [
        { id: "k1", name: "Петров Пётр", position: "Механик", phone: "+79161112233", email: null },
        { id: "k2", name: "Сидоров Олег", position: "Водитель", phone: null, email: null },
      ],
    });

    it("asks a company's driver, suggesting its contact persons, and sends it in the draft", async () => {
      const backend = fakeBackend();
      backend.clients.get.mockResolvedValue(COMPANY);
      const { onaccepted } = renderIntake({ kind: "walk_in", client: "c9", vehicle: "v9" }, backend);
      await opened();
      expect(text(screen.getByText("Сдал автомобиль (водитель)"))).toBe("Сдал автомобиль (водитель)");
      expect(screen.queryByTestId("intake-handed-over-by-show")).toBeNull();
      const field = byId("intake-handed-over-by");
      const list = screen.getByTestId("intake-handed-over-by-suggestions");
      expect(field.getAttribute("list")).toBe(list.id);
      expect(Array.from(list.querySelectorAll("option")).map((o) => o.value)).toEqual(["Петров Пётр, +7 916 111-22-33", "Сидоров Олег"]);
      // Not everybody is on the list: free text goes too.
      await fireEvent.input(field, { target: { value: "Кузнецов Иван, +7 903 000-11-22" } });
      await fireEvent.click(byId("intake-submit"));
      await waitFor(() => expect(onaccepted).toHaveBeenCalled());
      expect(backend.orders.takeInWalkIn).toHaveBeenCalledWith("c9", "v9", expect.objectContaining({ handedOverBy: "Кузнецов Иван, +7 903 000-11-22" }));
    });

    it("keeps a private client's «сдал» behind a link", async () => {
      const { backend, onaccepted } = renderIntake();
      await opened();
      await waitFor(() => expect(backend.clients.get).toHaveBeenCalled());
      expect(screen.queryByTestId("intake-handed-over-by")).toBeNull();
      await fireEvent.click(byId("intake-handed-over-by-show"));
      await waitFor(() => expect(document.activeElement).toBe(byId("intake-handed-over-by")));
      expect(byId("intake-handed-over-by").getAttribute("list")).toBeNull();
      await fireEvent.input(byId("intake-handed-over-by"), { target: { value: "Иванова Мария (жена)" } });
      await fireEvent.click(byId("intake-submit"));
      await waitFor(() => expect(onaccepted).toHaveBeenCalled());
      expect(backend.orders.takeIn).toHaveBeenCalledWith(APPOINTMENT, expect.objectContaining({ handedOverBy: "Иванова Мария (жена)" }));
    });

    it("edits the car in its own form and shows the new plate and VIN", async () => {
      const { backend } = renderIntake();
      await opened();
      await fireEvent.click(await screen.findByTestId("intake-vehicle-edit"));
      const form = await screen.findByTestId("vehicle-form");
      expect(byId("vehicle-plate").value).toBe("А 123 ВС 77");
      await fireEvent.input(byId("vehicle-plate"), { target: { value: "В456ОР77" } });
      const edited = vehicle({ id: "v1", plate: "В456ОР77", plateDisplay: "В 456 ОР 77", odometer: { km: 85000, readAt: "2026-11-29T09:00:00Z", reason: "" } });
      backend.vehicles.get.mockResolvedValue({ vehicle: edited, owners: [], readings: [] });
      await fireEvent.click(byId("vehicle-save"));
      await waitFor(() => expect(backend.vehicles.update).toHaveBeenCalledWith(
        details().appointment.vehicle!.id,
        expect.objectContaining({ plate: "В456ОР77" }),
        false,
      ));
      await waitFor(() => expect(text(byId("intake-plate"))).toBe("В 456 ОР 77"));
      expect(form.isConnected).toBe(false);
      expect(text(byId("intake-vehicle"))).toBe("LADA Granta");
      expect(text(byId("intake-vin"))).toBe("VIN XTA219070K0123456");
      expect(text(byId("intake-odometer-last"))).toBe("Прежний пробег: 85 000 км на 29.11.2026");
      // Nothing of the intake was typed: closing asks nothing.
      await fireEvent.click(byId("intake-cancel"));
    });

    it("edits the client in the client form and re-reads the name and phone", async () => {
      const backend = backendWithComment();
      const { onclose } = renderIntake(undefined, backend);
      await opened();
      await fireEvent.click(await screen.findByTestId("intake-client-edit"));
      await screen.findByTestId("client-form");
      expect(byId("client-surname").value).toBe("Иванов");
      backend.clients.get.mockResolvedValue(client({ displayName: "Иванов Иван Сергеевич", phones: [{ number: "+79035550011", label: "", primary: true }] }));
      await fireEvent.input(byId("client-patronymic"), { target: { value: "Сергеевич" } });
      await fireEvent.click(byId("client-save"));
      await waitFor(() => expect(backend.clients.update).toHaveBeenCalledWith(details().appointment.client.id, expect.objectContaining({ patronymic: "Сергеевич" }), false));
      await waitFor(() => expect(text(byId("intake-client"))).toBe("Иванов Иван Сергеевич"));
      expect(text(byId("intake-client-phone"))).toBe("+7 903 555-00-11");
      expect(screen.queryByTestId("client-form")).toBeNull();
      await fireEvent.click(byId("intake-cancel"));
      expect(onclose).toHaveBeenCalled();
    });

    it("asks where an unknown client heard of the shop and saves it to the client", async () => {
      const backend = backendWithComment();
      backend.clients.update.mockImplementation(async (id, draft) =>
        client({ id, leadSource: LEAD_SOURCES.find((s) => s.id === draft.leadSourceId) ?? null }),
      );
      const { onclose } = renderIntake(undefined, backend);
      await opened();
      const select = await screen.findByTestId<HTMLSelectElement>("intake-lead-source");
      expect(Array.from(select.options).map((o) => o.text)).toEqual(["— не указано —", "Рекомендация", "Повторный визит", "Яндекс Карты"]);
      expect(byId<HTMLButtonElement>("intake-lead-source-save").disabled).toBe(true);
      await fireEvent.change(select, { target: { value: String(LEAD_SOURCES[2]!.id) } });
      await fireEvent.click(byId("intake-lead-source-save"));
      await waitFor(() => expect(screen.getByTestId("intake-lead-source-saved")).toBeTruthy());
      expect(text(byId("intake-lead-source-saved"))).toContain("Сохранено");
      expect(screen.queryByTestId("intake-lead-source")).toBeNull();
      const [id, draft, allow] = backend.clients.update.mock.calls[0]!;
      expect(id).toBe(details().appointment.client.id);
      // The client's draft as the client form loads it, only the source changed.
      expect(draft).toMatchObject({ kind: "person", surname: "Иванов", name: "Иван", leadSourceId: 3 });
      expect(allow).toBe(true);
      // Saving the source is not part of the intake: nothing to lose on close.
      await fireEvent.click(byId("intake-cancel"));
      expect(onclose).toHaveBeenCalled();
    });

    it("does not ask for a source the client already has", async () => {
      const backend = fakeBackend();
      backend.clients.get.mockResolvedValue(COMPANY);
      renderIntake({ kind: "walk_in", client: "c9", vehicle: "v9" }, backend);
      await opened();
      expect(screen.getByTestId("intake-client-edit")).toBeTruthy();
      expect(screen.queryByTestId("intake-lead-source")).toBeNull();
      expect(backend.leadSources.list).not.toHaveBeenCalled();
    });
  });
});
