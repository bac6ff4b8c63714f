import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { Package } from "../../lib/api/client";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import { SERVICES, pkg, searchServices } from "../../test/fakePrices";
import { productItem } from "../../test/fakeProducts";
import PackageForm from "./PackageForm.svelte";

const nbsp = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim();

function setup(existing: Package | null = null) {
  const backend = fakeBackend();
  backend.prices.search.mockImplementation(searchServices(SERVICES));
  backend.products.search.mockImplementation(async () => [
    productItem(),
    productItem({ id: "p-oil", name: "Масло моторное 5W-30", article: "5W30-4", brand: "Лукойл", unit: "litre", price: 90000 }),
  ]);
  const callbacks = { onsaved: vi.fn(), onclose: vi.fn(), onarchived: vi.fn() };
  render(PackageForm, { props: { ...callbacks, pkg: existing }, context: withBackend(backend) });
  return { backend, ...callbacks };
}

const byId = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const services = () => screen.queryAllByTestId("package-service");
const parts = () => screen.queryAllByTestId("package-part");
const total = () => nbsp(screen.getByTestId("package-total-price").textContent);

async function addService(query: string) {
  const picker = byId("package-service-picker");
  picker.focus();
  await fireEvent.input(picker, { target: { value: query } });
  await waitFor(() => expect(screen.getAllByTestId("package-service-picker-option").length).toBeGreaterThan(0));
  await fireEvent.keyDown(picker, { key: "Enter" });
}

describe("PackageForm", () => {
  it("adds services with the picker and totals the price and duration", async () => {
    setup();
    expect(document.activeElement).toBe(byId("package-code"));
    expect(total()).toBe("0 ₽");
    await addService("генератор");
    await waitFor(() => expect(services()).toHaveLength(1));
    await addService("масла");
    await waitFor(() => expect(services()).toHaveLength(2));
    expect(nbsp(services()[0]!.textContent)).toContain("Замена генератора");
    expect(total()).toBe("5 750 ₽");
    expect(nbsp(screen.getByTestId("package-total-duration").textContent)).toBe("2 ч");
    // A service already in the package is not offered again.
    await fireEvent.input(byId("package-service-picker"), { target: { value: "генератор" } });
    await waitFor(() => expect(screen.getByTestId("package-service-picker-add")).toBeTruthy());
    expect(screen.queryAllByTestId("package-service-picker-option")).toHaveLength(0);
  });

  it("reorders and removes services", async () => {
    setup(pkg());
    expect(services().map((s) => s.dataset.id)).toEqual([SERVICES[0]!.id, SERVICES[1]!.id]);
    await fireEvent.click(services()[1]!.querySelector<HTMLElement>('[data-testid="package-service-up"]')!);
    expect(services().map((s) => s.dataset.id)).toEqual([SERVICES[1]!.id, SERVICES[0]!.id]);
    expect(total()).toBe("2 650 ₽");
    await fireEvent.click(services()[0]!.querySelector<HTMLElement>('[data-testid="package-service-remove"]')!);
    expect(services().map((s) => s.dataset.id)).toEqual([SERVICES[0]!.id]);
    expect(total()).toBe("1 900 ₽");
    expect(nbsp(screen.getByTestId("package-total-duration").textContent)).toBe("30 мин");
  });

  it("adds parts with a quantity that counts in the total", async () => {
    setup();
    await addService("масла");
    await waitFor(() => expect(services()).toHaveLength(1));
    const picker = byId("package-part-picker");
    picker.focus();
    await fireEvent.input(picker, { target: { value: "масло" } });
    await waitFor(() => expect(screen.getAllByTestId("package-part-picker-option")).toHaveLength(2));
    await fireEvent.keyDown(picker, { key: "ArrowDown" });
    await fireEvent.keyDown(picker, { key: "ArrowDown" });
    await fireEvent.keyDown(picker, { key: "Enter" });
    await waitFor(() => expect(parts()).toHaveLength(1));
    const qty = parts()[0]!.querySelector<HTMLInputElement>('[data-testid="package-part-qty"]')!;
    await waitFor(() => expect(document.activeElement).toBe(qty));
    expect(qty.value).toBe("1");
    await fireEvent.input(qty, { target: { value: "4,5" } });
    expect(nbsp(parts()[0]!.querySelector('[data-testid="package-part-amount"]')!.textContent)).toBe("4 050 ₽");
    expect(total()).toBe("5 300 ₽");
  });

  it("saves the services in order with the typed quantities", async () => {
    const { backend, onsaved } = setup(pkg());
    const qty = parts()[0]!.querySelector<HTMLInputElement>('[data-testid="package-part-qty"]')!;
    await fireEvent.input(qty, { target: { value: "2" } });
    await fireEvent.keyDown(qty, { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(backend.prices.updatePackage).toHaveBeenCalledWith(pkg().id, {
      code: "ТО-1",
      name: "ТО-1: масло и фильтры",
      services: [SERVICES[0]!.id, SERVICES[1]!.id],
      products: [{ productId: "01938f00-0000-7000-8000-000000000101", quantity: "2" }],
    });
  });

  it("shows the core's issues on their lines and focuses the first", async () => {
    const { backend, onsaved } = setup();
    backend.prices.createPackage.mockRejectedValueOnce(
      failure("validation", {
        issues: [
          { field: "code", issue: "taken", max: null, detail: null },
          { field: "services", issue: "required", max: null, detail: null },
        ],
      }),
    );
    await fireEvent.input(byId("package-code"), { target: { value: "ТО-1" } });
    await fireEvent.click(screen.getByTestId("package-save"));
    await waitFor(() => expect(screen.getByTestId("error-code").textContent).toBe("Такой код уже есть в прайс-листе — придумайте другой"));
    expect(screen.getByTestId("error-services").textContent).toBe("Заполните это поле");
    await waitFor(() => expect(document.activeElement).toBe(byId("package-code")));
    expect(onsaved).not.toHaveBeenCalled();
    // Editing the field clears its message.
    await fireEvent.input(byId("package-code"), { target: { value: "ТО-2" } });
    expect(screen.queryByTestId("error-code")).toBeNull();
  });

  it("asks before discarding changes and archives an existing package", async () => {
    const { backend, onclose, onarchived } = setup(pkg());
    await fireEvent.input(byId("package-name"), { target: { value: "ТО-1 расширенное" } });
    await fireEvent.keyDown(byId("package-name"), { key: "Escape" });
    expect(onclose).not.toHaveBeenCalled();
    await fireEvent.click(await screen.findByTestId("package-keep-editing"));
    await fireEvent.click(screen.getByTestId("package-archive"));
    await waitFor(() => expect(onarchived).toHaveBeenCalledWith(expect.objectContaining({ archived: true })));
    expect(backend.prices.archivePackage).toHaveBeenCalledWith(pkg().id, true);
  });
});
