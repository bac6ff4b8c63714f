import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Warehouse } from "../../lib/api/client";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import Warehouses from "./Warehouses.svelte";

const REFUSED = failure("validation", { issues: [{ field: "warehouse", issue: "unavailable", max: null, detail: null }] });

function setup() {
  const backend = fakeBackend();
  let list: Warehouse[] = [
    { id: 1, name: "Основной склад", archived: false },
    { id: 2, name: "Шинный склад", archived: false },
  ];
  backend.stock.warehouses.mockImplementation(async () => list);
  backend.stock.addWarehouse.mockImplementation(async (name: string) => {
    list = [...list, { id: 3, name, archived: false }];
    return 3;
  });
  backend.stock.renameWarehouse.mockImplementation(async (id: number, name: string) => {
    list = list.map((w) => (w.id === id ? { ...w, name } : w));
    return null;
  });
  backend.stock.archiveWarehouse.mockImplementation(async (id: number, archived: boolean) => {
    list = list.map((w) => (w.id === id ? { ...w, archived } : w));
    return null;
  });
  render(Warehouses, { context: withBackend(backend) });
  return backend;
}

const rows = () => screen.queryAllByTestId("warehouse-row");
const within = (row: HTMLElement, testid: string) => row.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!;

describe("Warehouses", () => {
  it("lists warehouses, the main one marked, and adds one", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(backend.stock.warehouses).toHaveBeenCalledWith(true);
    expect(rows()[0]!.textContent).toContain("основной");
    await fireEvent.input(screen.getByTestId("warehouse-add-input"), { target: { value: "Склад на Ленина" } });
    await fireEvent.keyDown(screen.getByTestId("warehouse-add-input"), { key: "Enter" });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(backend.stock.addWarehouse).toHaveBeenCalledWith("Склад на Ленина");
  });

  it("renames in place", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    await fireEvent.click(within(rows()[1]!, "warehouse-rename"));
    const field = screen.getByTestId("warehouse-rename-input");
    expect(document.activeElement).toBe(field);
    await fireEvent.input(field, { target: { value: "Шины и диски" } });
    await fireEvent.keyDown(field, { key: "Enter" });
    await waitFor(() => expect(rows()[1]!.textContent).toContain("Шины и диски"));
    expect(backend.stock.renameWarehouse).toHaveBeenCalledWith(2, "Шины и диски");
  });

  it("explains why a warehouse with stock cannot be archived", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    backend.stock.archiveWarehouse.mockRejectedValueOnce(REFUSED);
    await fireEvent.click(within(rows()[1]!, "warehouse-archive"));
    const message = await screen.findByTestId("warehouse-refused");
    expect(message.textContent).toBe("На этом складе есть товар. Переместите или спишите остатки, потом уберите склад в архив.");
    expect(rows()[1]!.contains(message)).toBe(true);
    expect(rows()[1]!.textContent).not.toContain("в архиве");
  });

  it("explains why the main warehouse cannot be archived", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    backend.stock.archiveWarehouse.mockRejectedValueOnce(REFUSED);
    await fireEvent.click(within(rows()[0]!, "warehouse-archive"));
    expect((await screen.findByTestId("warehouse-refused")).textContent).toContain("Основной склад нельзя убрать в архив");
  });

  it("archives an empty one", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    await fireEvent.click(within(rows()[1]!, "warehouse-archive"));
    await waitFor(() => expect(rows()[1]!.textContent).toContain("в архиве"));
    expect(backend.stock.archiveWarehouse).toHaveBeenCalledWith(2, true);
    expect(screen.queryByTestId("warehouse-refused")).toBeNull();
  });
});
