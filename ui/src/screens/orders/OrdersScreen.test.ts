import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { fakeBackend, listItem, withBackend } from "../../test/fakeBackend";
import { orderView } from "../../test/fakeOrders";
import { closeIntake, closeOrder, ordersChanged, windows } from "./hosts.svelte";
import OrdersScreen from "./OrdersScreen.svelte";

const ORDERS = [
  orderView({ id: "o3", number: "ЗН-2026-000014", status: "ready", acceptedAt: "2026-12-02T07:00:00Z" }),
  orderView({
    id: "o2",
    number: "ЗН-2026-000013",
    status: "issued",
    client: { id: "c2", kind: "person", displayName: "Петрова Анна" },
    vehicle: { id: "v2", plate: "В456ОР199", vin: null, make: "LADA", model: "Vesta", year: 2021 },
    balance: { total: 500000, received: 500000, refunded: 0, paid: 500000, debt: 0, prepayment: 0 },
  }),
  orderView({ id: "o1", number: "ЗН-2026-000012", status: "open" }),
];

function mount(backend = fakeBackend()) {
  backend.orders.list.mockResolvedValue(ORDERS);
  render(OrdersScreen, { context: withBackend(backend) });
  return backend;
}

const rows = () => screen.queryAllByTestId(/^orders-row-\d+$/);
const nbsp = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

afterEach(() => {
  closeOrder();
  closeIntake();
});

describe("the orders screen", () => {
  it("lists the open orders with number, date, client, car, status, total and debt", async () => {
    const backend = mount();
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(backend.orders.list).toHaveBeenCalledWith(null, 500);
    expect((screen.getByTestId("orders-filter-status") as HTMLSelectElement).value).toBe("active");
    const first = nbsp(rows()[0]!.textContent);
    expect(first).toContain("ЗН-2026-000014");
    expect(first).toContain("02.12.2026");
    expect(first).toContain("Иванов Иван Петрович");
    expect(first).toContain("Kia Rio");
    expect(first).toContain("А 123 ВС 77");
    expect(first).toContain("Готов");
    expect(first).toContain("2 850,00 ₽");
    expect(first).toContain("1 850,00 ₽");
    expect(screen.getByTestId("orders-count").textContent).toBe("2 заказ-наряда");
  });

  it("filters by status: all, or one status asked of the core", async () => {
    const backend = mount();
    await waitFor(() => expect(rows()).toHaveLength(2));
    await fireEvent.change(screen.getByTestId("orders-filter-status"), { target: { value: "all" } });
    await waitFor(() => expect(rows()).toHaveLength(3));
    backend.orders.list.mockResolvedValueOnce([ORDERS[1]!]);
    await fireEvent.change(screen.getByTestId("orders-filter-status"), { target: { value: "issued" } });
    await waitFor(() => expect(backend.orders.list).toHaveBeenLastCalledWith("issued", 500));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(localStorage.getItem("remzona.orders.filter")).toBe("issued");
  });

  it("narrows the loaded list by number, client or plate typed in any layout", async () => {
    mount();
    await fireEvent.change(await screen.findByTestId("orders-filter-status"), { target: { value: "all" } });
    await waitFor(() => expect(rows()).toHaveLength(3));
    const search = screen.getByTestId("orders-search");
    await fireEvent.input(search, { target: { value: "петрова" } });
    expect(rows()).toHaveLength(1);
    expect(rows()[0]!.textContent).toContain("ЗН-2026-000013");
    await fireEvent.input(search, { target: { value: "b456op" } });
    expect(rows()).toHaveLength(1);
    await fireEvent.input(search, { target: { value: "000012" } });
    expect(rows()).toHaveLength(1);
    expect(rows()[0]!.textContent).toContain("ЗН-2026-000012");
    await fireEvent.input(search, { target: { value: "нет такого" } });
    expect(rows()).toHaveLength(0);
    expect(screen.getByTestId("orders-empty")).toBeTruthy();
  });

  it("opens an order with a click or Enter", async () => {
    mount();
    await waitFor(() => expect(rows()).toHaveLength(2));
    await fireEvent.click(rows()[1]!);
    expect(windows.order).toBe("o1");
    closeOrder();
    await fireEvent.keyDown(rows()[0]!, { key: "Enter" });
    expect(windows.order).toBe("o3");
  });

  it("reads the list again when an order changes", async () => {
    const backend = mount();
    await waitFor(() => expect(rows()).toHaveLength(2));
    const calls = backend.orders.list.mock.calls.length;
    ordersChanged();
    await waitFor(() => expect(backend.orders.list.mock.calls.length).toBeGreaterThan(calls));
  });

  it("takes in a walk-in: a client, then one of their cars", async () => {
    const backend = fakeBackend();
    const cars = [
      { id: "v1", plate: "А123ВС77", vin: null, make: "Kia", model: "Rio", year: 2019 },
      { id: "v2", plate: "М001ММ77", vin: null, make: "Skoda", model: "Octavia", year: 2020 },
    ];
    backend.clients.search.mockResolvedValue({ items: [listItem({ vehicles: cars })], total: 1 } as never);
    mount(backend);
    await fireEvent.click(screen.getByTestId("orders-new"));
    expect(screen.getByTestId("orders-new-dialog")).toBeTruthy();
    expect((screen.getByTestId("orders-new-submit") as HTMLButtonElement).disabled).toBe(true);
    const input = within(screen.getByTestId("orders-new-dialog")).getByRole("combobox");
    await fireEvent.input(input, { target: { value: "иванов" } });
    await waitFor(() => expect(screen.getAllByTestId("client-picker-option").length).toBeGreaterThan(0));
    await fireEvent.click(screen.getAllByTestId("client-picker-option")[0]!);
    await fireEvent.click(await screen.findByTestId("orders-new-vehicle-1"));
    await fireEvent.click(screen.getByTestId("orders-new-submit"));
    expect(windows.intake).toEqual({ kind: "walk_in", client: "c1", vehicle: "v2" });
    expect(screen.queryByTestId("orders-new-dialog")).toBeNull();
  });
});
