import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Supplier, SupplierDraft } from "../../lib/api/client";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import Suppliers from "./Suppliers.svelte";

const AVTODETAL: Supplier = {
  id: 1,
  name: "ООО «Автодеталь»",
  inn: "7707083893",
  phone: "+7 495 123-45-67",
  email: "zakaz@avtodetal.ru",
  notes: "Доставка на следующий день",
  archived: false,
};

function setup() {
  const backend = fakeBackend();
  let list: Supplier[] = [AVTODETAL];
  backend.products.suppliers.mockImplementation(async () => list);
  backend.products.saveSupplier.mockImplementation(async (id: number | null, draft: SupplierDraft) => {
    if (id === null) {
      list = [...list, { id: 2, ...draft, archived: false }];
      return 2;
    }
    list = list.map((s) => (s.id === id ? { ...s, ...draft } : s));
    return id;
  });
  backend.products.archiveSupplier.mockImplementation(async (id: number, archived: boolean) => {
    list = list.map((s) => (s.id === id ? { ...s, archived } : s));
    return null;
  });
  render(Suppliers, { context: withBackend(backend) });
  return backend;
}

const rows = () => screen.queryAllByTestId("supplier-row");
const within = (row: HTMLElement, testid: string) => row.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!;
const type = (id: string, value: string) => fireEvent.input(screen.getByTestId(id), { target: { value } });

describe("Suppliers", () => {
  it("lists suppliers with their details", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(backend.products.suppliers).toHaveBeenCalledWith(true);
    expect(rows()[0]!.textContent).toContain("ИНН 7707083893 · +7 495 123-45-67 · zakaz@avtodetal.ru");
  });

  it("adds a supplier in the supplier window", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(1));
    await fireEvent.click(screen.getByTestId("supplier-add"));
    expect(document.activeElement).toBe(screen.getByTestId("supplier-name"));
    await type("supplier-name", "ИП Петров");
    await type("supplier-phone", "8 912 000-00-00");
    await fireEvent.keyDown(screen.getByTestId("supplier-phone"), { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(backend.products.saveSupplier).toHaveBeenCalledWith(null, { name: "ИП Петров", inn: "", phone: "8 912 000-00-00", email: "", notes: "" });
    expect(screen.queryByTestId("supplier-form")).toBeNull();
  });

  it("edits one and shows the core's issues on the fields", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(1));
    await fireEvent.click(within(rows()[0]!, "supplier-edit"));
    expect((screen.getByTestId("supplier-inn") as HTMLInputElement).value).toBe("7707083893");
    backend.products.saveSupplier.mockRejectedValueOnce(
      failure("validation", { issues: [{ field: "name", issue: "required", max: null, detail: null }] }),
    );
    await type("supplier-name", "");
    await fireEvent.click(screen.getByTestId("supplier-save"));
    expect((await screen.findByTestId("error-name")).textContent).toBe("Заполните это поле");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("supplier-name")));
    await type("supplier-name", "ООО «Автодеталь-М»");
    await fireEvent.click(screen.getByTestId("supplier-save"));
    await waitFor(() => expect(rows()[0]!.textContent).toContain("Автодеталь-М"));
    expect(backend.products.saveSupplier).toHaveBeenLastCalledWith(1, expect.objectContaining({ name: "ООО «Автодеталь-М»" }));
  });

  it("asks before discarding changes and archives", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(1));
    await fireEvent.click(screen.getByTestId("supplier-add"));
    await type("supplier-name", "Черновик");
    await fireEvent.keyDown(screen.getByTestId("supplier-name"), { key: "Escape" });
    expect(screen.getByTestId("supplier-form")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("supplier-discard"));
    expect(screen.queryByTestId("supplier-form")).toBeNull();
    expect(backend.products.saveSupplier).not.toHaveBeenCalled();

    await fireEvent.click(within(rows()[0]!, "supplier-archive"));
    await waitFor(() => expect(rows()[0]!.textContent).toContain("в архиве"));
    expect(backend.products.archiveSupplier).toHaveBeenCalledWith(1, true);
  });
});
