import { fireEvent, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { card, client, failure } from "../../../test/fakeBackend";
import { ORDER_ID } from "../../../test/fakeOrders";
import { closeIntake, closeOrder, windows } from "../../orders/hosts.svelte";
import { CLIENT_ID, GRANTA, IVANOV, RIO, SERVICES, appointment, movedDetails, renderWindow, windowBackend } from "../../../test/fakeAppointmentWindow";

const byId = <T extends HTMLElement = HTMLInputElement>(id: string) => screen.getByTestId(id) as T;
const select = (id: string) => byId<HTMLSelectElement>(id);
const text = (el: Element | null) => (el?.textContent ?? "").replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim();
const optionText = (id: string) => text(select(id).selectedOptions[0] ?? null);

async function pickClient() {
  const input = byId("client-picker-input");
  await fireEvent.input(input, { target: { value: "иван" } });
  await waitFor(() => expect(screen.getAllByTestId("client-picker-option")).toHaveLength(1));
  await fireEvent.keyDown(input, { key: "Enter" });
  await waitFor(() => expect(byId("appointment-client-name").textContent).toBe("Иванов Иван Иванович"));
}

async function addService(query: string) {
  const picker = byId("appointment-services");
  picker.focus();
  await fireEvent.input(picker, { target: { value: query } });
  await waitFor(() => expect(screen.getAllByTestId("appointment-services-option").length).toBeGreaterThan(0));
  await fireEvent.keyDown(picker, { key: "Enter" });
}

describe("AppointmentWindow: a new appointment", () => {
  it("books from the catalogs: client, car, work, the first free time", async () => {
    const { backend, onsaved } = renderWindow();
    expect(document.activeElement).toBe(byId("client-picker-input"));
    expect(screen.getByRole("dialog").getAttribute("aria-labelledby")).toBeTruthy();
    expect(screen.getByText("Новая запись")).toBeTruthy();

    await pickClient();
    // Two cars and none matched: the car is chosen from the client's list, which now has the focus.
    await waitFor(() => expect(document.activeElement).toBe(select("appointment-vehicle")));
    expect(backend.clients.card).toHaveBeenCalledWith(CLIENT_ID);
    expect(byId("appointment-client").textContent).toContain("+7 916 123-45-67");
    expect(Array.from(select("appointment-vehicle").options).map((o) => text(o))).toEqual([
      "Без автомобиля",
      "LADA Granta, А 123 ВС 77",
      "Kia Rio, А 123 ВС 77",
    ]);
    await fireEvent.change(select("appointment-vehicle"), { target: { value: RIO.id } });

    await addService("масла");
    await waitFor(() => expect(screen.getAllByTestId("appointment-service")).toHaveLength(1));
    await addService("диагностика");
    await waitFor(() => expect(screen.getAllByTestId("appointment-service")).toHaveLength(2));
    expect(byId("appointment-duration").value).toBe("1:30");
    expect(text(byId("appointment-duration-total"))).toBe("1 ч 30 мин по работам");

    // The finder asks as the work changes and lists the nearest times.
    await waitFor(() => expect(screen.getByTestId("finder-slot-0")).toBeTruthy());
    expect(backend.appointments.findSlots).toHaveBeenLastCalledWith({
      services: [SERVICES[0]!.id, SERVICES[2]!.id],
      durationMinutes: 0,
      mechanic: null,
      from: "2026-11-30T08:30:00",
      limit: 8,
      exclude: null,
    });
    expect(text(byId("finder-slot-0"))).toBe("Пн 30.11, 09:00–09:30 · Петров С. · Пост 1");
    expect(text(byId("finder-slot-1"))).toBe("Пн 30.11, 09:15–09:45 · Сидоров А. · Пост 1");

    // ↓ then Enter on the list takes the slot into the form.
    const list = byId<HTMLUListElement>("finder-slots");
    list.focus();
    await fireEvent.keyDown(list, { key: "ArrowDown" });
    await fireEvent.keyDown(list, { key: "ArrowUp" });
    await fireEvent.keyDown(list, { key: "Enter" });
    expect(byId("appointment-date").value).toBe("30.11.2026");
    expect(byId("appointment-time").value).toBe("09:00");
    expect(optionText("appointment-mechanic")).toBe("Петров Сергей");
    expect(optionText("appointment-bay")).toBe("Пост 1");
    expect(byId("finder-slot-0").classList.contains("held")).toBe(true);

    await fireEvent.click(byId("appointment-source-walk_in"));
    await fireEvent.input(byId("appointment-comment"), { target: { value: "Стук справа" } });
    await fireEvent.keyDown(byId("appointment-comment"), { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(onsaved).toHaveBeenCalledWith(appointment()));
    expect(backend.appointments.create).toHaveBeenCalledWith({
      client: CLIENT_ID,
      vehicle: RIO.id,
      services: [SERVICES[0]!.id, SERVICES[2]!.id],
      durationMinutes: 0,
      mechanic: 1,
      bay: 1,
      date: "30.11.2026",
      time: "09:00",
      status: "planned",
      source: "walk_in",
      comment: "Стук справа",
    });
  });

  it("shows a booking refusal at the top, translated", async () => {
    const backend = windowBackend();
    backend.appointments.create.mockRejectedValueOnce(
      failure("booking", { booking: { reason: "mechanicBusy", with: { start: "2026-11-30T10:00:00", end: "2026-11-30T11:00:00" } } }),
    );
    const { onsaved } = renderWindow({ start: "2026-11-30T10:00:00", mechanic: 1 }, backend);
    expect(byId("appointment-date").value).toBe("30.11.2026");
    expect(byId("appointment-time").value).toBe("10:00");
    await waitFor(() => expect(optionText("appointment-mechanic")).toBe("Петров Сергей"));
    await pickClient();
    await addService("масла");
    await fireEvent.click(byId("appointment-save"));
    await waitFor(() =>
      expect(byId("appointment-failure").textContent).toContain("Мастер занят с 10:00 до 11:00. Выберите другое время или другого мастера."),
    );
    expect(onsaved).not.toHaveBeenCalled();
  });

  it("shows the core's issues under their fields and focuses the first", async () => {
    const backend = windowBackend();
    backend.appointments.create.mockRejectedValueOnce(
      failure("validation", {
        issues: [
          { field: "time", issue: "required", max: null, detail: null },
          { field: "client", issue: "required", max: null, detail: null },
        ],
      }),
    );
    renderWindow({}, backend);
    await fireEvent.click(byId("appointment-save"));
    await waitFor(() => expect(screen.getByTestId("error-client").textContent).toBe("Заполните это поле"));
    expect(screen.getByTestId("error-time").textContent).toBe("Заполните это поле");
    expect(byId("appointment-time").getAttribute("aria-invalid")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(byId("client-picker-input")));
    await fireEvent.input(byId("appointment-time"), { target: { value: "10:00" } });
    expect(screen.queryByTestId("error-time")).toBeNull();
  });

  it("checks a typed duration before asking the core and goes back to the work's", async () => {
    const { backend } = renderWindow();
    await addService("масла");
    await waitFor(() => expect(byId("appointment-duration").value).toBe("0:30"));
    await fireEvent.input(byId("appointment-duration"), { target: { value: "полтора" } });
    await fireEvent.click(byId("appointment-save"));
    await waitFor(() => expect(screen.getByTestId("error-durationMinutes").textContent).toContain("1:30"));
    expect(document.activeElement).toBe(byId("appointment-duration"));
    expect(backend.appointments.create).not.toHaveBeenCalled();
    await fireEvent.input(byId("appointment-duration"), { target: { value: "1:30" } });
    expect(text(byId("appointment-duration-total"))).toBe("1 ч 30 мин задана вручную");
    await waitFor(() => expect(backend.appointments.findSlots).toHaveBeenLastCalledWith(expect.objectContaining({ durationMinutes: 90 })));
    await fireEvent.click(byId("appointment-duration-reset"));
    expect(byId("appointment-duration").value).toBe("0:30");
    expect(screen.queryByTestId("appointment-duration-reset")).toBeNull();
  });

  it("marks mechanics without the skills and lists who is free at the typed time", async () => {
    const { backend } = renderWindow();
    await addService("генератор"); // needs Электрика and ТО: Петров has neither
    await waitFor(() => expect(text(select("appointment-mechanic").options[1]!)).toBe("Петров Сергей — не выполняет эти работы"));
    expect(text(select("appointment-mechanic").options[2]!)).toBe("Сидоров Алексей");

    expect(screen.getByTestId("free-at").textContent).toContain("Укажите работы, дату и время");
    await fireEvent.input(byId("appointment-date"), { target: { value: "01.12.2026" } });
    await fireEvent.input(byId("appointment-time"), { target: { value: "12:00" } });
    await waitFor(() => expect(screen.getByTestId("free-mechanic-0")).toBeTruthy());
    expect(backend.appointments.freeAt).toHaveBeenLastCalledWith({
      services: [SERVICES[3]!.id],
      durationMinutes: 0,
      start: "2026-12-01T12:00:00",
      exclude: null,
    });
    expect(text(byId("free-mechanic-0"))).toBe("Сидоров А. · меньше всех загружен");
    expect(text(byId("free-mechanic-1"))).toBe("Кузнецов И.");
    await fireEvent.click(byId("free-mechanic-1"));
    expect(optionText("appointment-mechanic")).toBe("Кузнецов Иван");
    expect(byId("free-mechanic-1").getAttribute("aria-pressed")).toBe("true");
    // The finder now looks from the typed day for that mechanic.
    await waitFor(() =>
      expect(backend.appointments.findSlots).toHaveBeenLastCalledWith(expect.objectContaining({ mechanic: 3, from: "2026-12-01T00:00:00" })),
    );
  });

  it("says so when nothing is free", async () => {
    const backend = windowBackend();
    backend.appointments.findSlots.mockResolvedValue([]);
    backend.appointments.freeAt.mockResolvedValue({ mechanics: [], bay: null });
    renderWindow({ start: "2026-11-30T10:00:00" }, backend);
    await addService("масла");
    await waitFor(() => expect(screen.getByTestId("finder-empty").textContent).toBe("Нет свободного времени в ближайший месяц"));
    await waitFor(() => expect(screen.getByTestId("free-nobody").textContent).toBe("Никто не свободен"));
  });

  it("adds a car to the chosen client through the car window", async () => {
    const backend = windowBackend();
    backend.clients.card.mockResolvedValue(card({ client: client({ id: CLIENT_ID }), vehicles: [] }));
    backend.clients.search.mockResolvedValue({ items: [{ ...IVANOV, vehicles: [] }], total: 1 });
    renderWindow({}, backend);
    await pickClient();
    await waitFor(() => expect(document.activeElement).toBe(byId("appointment-vehicle-add")));
    expect(optionText("appointment-vehicle")).toBe("У клиента нет автомобилей");
    await fireEvent.click(byId("appointment-vehicle-add"));
    await fireEvent.input(byId("vehicle-plate"), { target: { value: "В456ОР77" } });
    await fireEvent.input(byId("vehicle-make"), { target: { value: "LADA" } });
    await fireEvent.click(byId("vehicle-save"));
    await waitFor(() => expect(screen.queryByTestId("vehicle-save")).toBeNull());
    expect(backend.vehicles.create).toHaveBeenCalledWith(CLIENT_ID, expect.objectContaining({ plate: "В456ОР77" }), false);
    expect(optionText("appointment-vehicle")).toBe("LADA, В 456 ОР 77");
    await waitFor(() => expect(document.activeElement).toBe(select("appointment-vehicle")));
  });

  it("closes at once when nothing changed, asks when something did", async () => {
    const first = renderWindow();
    await fireEvent.keyDown(byId("appointment-comment"), { key: "Escape" });
    expect(first.onclose).toHaveBeenCalledTimes(1);
    document.body.innerHTML = "";

    const second = renderWindow();
    await fireEvent.input(byId("appointment-comment"), { target: { value: "Перезвонить" } });
    await fireEvent.keyDown(byId("appointment-comment"), { key: "Escape" });
    expect(second.onclose).not.toHaveBeenCalled();
    await fireEvent.click(await screen.findByTestId("appointment-discard"));
    expect(second.onclose).toHaveBeenCalledTimes(1);
  });
});

describe("AppointmentWindow: an existing appointment", () => {
  it("fills the form, shows the history and changes the status with one button", async () => {
    const backend = windowBackend();
    backend.appointments.get.mockResolvedValue(movedDetails());
    const stored = movedDetails().appointment;
    const missed = { ...stored, status: "no_show" as const };
    backend.appointments.setStatus.mockResolvedValue(missed);
    const { onsaved, onclose } = renderWindow({ id: stored.id }, backend);

    await waitFor(() => expect(byId("appointment-client-name").textContent).toBe("Иванов Иван Иванович"));
    expect(screen.getByText("Запись")).toBeTruthy();
    expect(byId("appointment-date").value).toBe("01.12.2026");
    expect(byId("appointment-time").value).toBe("12:00");
    expect(optionText("appointment-status")).toBe("Подтверждена");
    await waitFor(() => expect(optionText("appointment-mechanic")).toBe("Сидоров Алексей"));
    await waitFor(() => expect(optionText("appointment-vehicle")).toBe("Kia Rio, А 123 ВС 77"));
    expect(text(byId("appointment-save"))).toBe("Сохранить");
    expect(document.activeElement).toBe(byId("appointment-client-change"));
    expect(screen.getAllByTestId("appointment-history-item").map(text)).toEqual([
      "27.11 10:15 Создана: пн 30.11 10:00 Петров, Пост 1",
      "28.11 09:05 Перенесена: пн 30.11 10:00 Петров → вт 01.12 12:00 Сидоров",
      "28.11 09:06 Статус: Запланирована → Подтверждена",
    ]);
    // The finder leaves the appointment's own time free.
    await waitFor(() => expect(backend.appointments.findSlots).toHaveBeenCalledWith(expect.objectContaining({ exclude: stored.id, mechanic: 2 })));
    expect(byId<HTMLButtonElement>("appointment-status-confirmed").disabled).toBe(true);

    backend.appointments.get.mockResolvedValue({
      appointment: missed,
      history: [...movedDetails().history, { at: "2026-12-01T12:40:00", change: { kind: "statusChanged", from: "confirmed", to: "no_show" } }],
    });
    await fireEvent.click(byId("appointment-status-no_show"));
    await waitFor(() => expect(backend.appointments.setStatus).toHaveBeenCalledWith(stored.id, "no_show"));
    await waitFor(() => expect(screen.getAllByTestId("appointment-history-item")).toHaveLength(4));
    expect(optionText("appointment-status")).toBe("Не приехал");
    expect(text(screen.getAllByTestId("appointment-history-item")[3]!)).toBe("01.12 12:40 Статус: Подтверждена → Не приехал");
    // A missed visit is not taken in.
    expect(byId<HTMLButtonElement>("appointment-status-arrived").disabled).toBe(true);

    // Nothing else changed: Esc closes, telling the calendar what changed.
    await fireEvent.keyDown(byId("appointment-comment"), { key: "Escape" });
    expect(onsaved).toHaveBeenCalledWith(missed);
    expect(onclose).not.toHaveBeenCalled();
  });

  it("saves changes with update and can change the client", async () => {
    const backend = windowBackend();
    backend.appointments.get.mockResolvedValue(movedDetails());
    const { onsaved } = renderWindow({ id: appointment().id }, backend);
    await waitFor(() => expect(byId("appointment-client-change")).toBeTruthy());
    await waitFor(() => expect(backend.prices.get).toHaveBeenCalledWith(SERVICES[0]!.id));
    await fireEvent.click(byId("appointment-client-change"));
    await waitFor(() => expect(document.activeElement).toBe(byId("client-picker-input")));
    await pickClient();
    await fireEvent.change(select("appointment-vehicle"), { target: { value: GRANTA.id } });
    await fireEvent.click(byId("appointment-save"));
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(backend.appointments.update).toHaveBeenCalledWith(appointment().id, {
      client: CLIENT_ID,
      vehicle: GRANTA.id,
      services: [SERVICES[0]!.id],
      durationMinutes: 0,
      mechanic: 2,
      bay: 1,
      date: "01.12.2026",
      time: "12:00",
      status: "confirmed",
      source: "phone",
      comment: "",
    });
  });

  it("offers a retry when the appointment does not load", async () => {
    const backend = windowBackend();
    backend.appointments.get.mockRejectedValueOnce(failure("not_found"));
    renderWindow({ id: appointment().id }, backend);
    await waitFor(() => expect(screen.getByTestId("appointment-load-failure")).toBeTruthy());
    expect(byId<HTMLButtonElement>("appointment-save").disabled).toBe(true);
    await fireEvent.click(screen.getByText("Повторить"));
    await waitFor(() => expect(byId("appointment-client-name")).toBeTruthy());
  });
});

describe("AppointmentWindow: the client arrived", () => {
  afterEach(() => {
    closeIntake();
    closeOrder();
  });

  it("«Клиент приехал» opens the intake and closes the window, the status is left to the intake", async () => {
    const backend = windowBackend();
    backend.appointments.get.mockResolvedValue(movedDetails());
    const stored = movedDetails().appointment;
    const { onclose, onsaved } = renderWindow({ id: stored.id }, backend);
    await waitFor(() => expect(byId("appointment-client-name")).toBeTruthy());
    await waitFor(() => expect(backend.orders.ofAppointment).toHaveBeenCalledWith(stored.id));
    expect(text(byId("appointment-status-arrived"))).toBe("Клиент приехал");
    expect(screen.queryByTestId("appointment-open-order")).toBeNull();

    await fireEvent.click(byId("appointment-status-arrived"));
    expect(windows.intake).toEqual({ kind: "appointment", appointment: stored.id });
    expect(onclose).toHaveBeenCalledTimes(1);
    expect(onsaved).not.toHaveBeenCalled();
    expect(backend.appointments.setStatus).not.toHaveBeenCalled();
  });

  it("asks before throwing away unsaved edits on the way to the intake", async () => {
    const backend = windowBackend();
    backend.appointments.get.mockResolvedValue(movedDetails());
    const stored = movedDetails().appointment;
    const { onclose } = renderWindow({ id: stored.id }, backend);
    await waitFor(() => expect(byId("appointment-client-name")).toBeTruthy());
    await fireEvent.input(byId("appointment-comment"), { target: { value: "Перезвонить" } });
    await fireEvent.click(byId("appointment-status-arrived"));
    expect(screen.getByText("Перейти к приёмке без сохранения записи? Внесённые изменения будут потеряны.")).toBeTruthy();
    // «Продолжить редактирование» stays, and a later «Отмена» is only about closing.
    await fireEvent.click(byId("appointment-keep-editing"));
    expect(windows.intake).toBeNull();
    await fireEvent.click(byId("appointment-cancel"));
    expect(screen.getByText("Закрыть запись без сохранения? Внесённые изменения будут потеряны.")).toBeTruthy();
    await fireEvent.click(byId("appointment-keep-editing"));

    await fireEvent.click(byId("appointment-status-arrived"));
    await fireEvent.click(byId("appointment-discard"));
    expect(windows.intake).toEqual({ kind: "appointment", appointment: stored.id });
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it("offers «Открыть заказ-наряд» once the appointment became an order", async () => {
    const backend = windowBackend();
    backend.appointments.get.mockResolvedValue(movedDetails());
    backend.orders.ofAppointment.mockResolvedValue(ORDER_ID);
    const stored = movedDetails().appointment;
    const { onclose } = renderWindow({ id: stored.id }, backend);
    await waitFor(() => expect(byId("appointment-open-order")).toBeTruthy());
    expect(text(byId("appointment-open-order"))).toBe("Открыть заказ-наряд");
    expect(screen.queryByTestId("appointment-status-arrived")).toBeNull();
    await fireEvent.click(byId("appointment-open-order"));
    expect(windows.order).toBe(ORDER_ID);
    expect(windows.intake).toBeNull();
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it("does not look for an order of a new appointment", async () => {
    const { backend } = renderWindow();
    await waitFor(() => expect(byId("client-picker-input")).toBeTruthy());
    expect(backend.orders.ofAppointment).not.toHaveBeenCalled();
    expect(screen.queryByTestId("appointment-status-arrived")).toBeNull();
  });
});
