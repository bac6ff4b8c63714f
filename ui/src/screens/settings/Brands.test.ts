import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Brand } from "../../lib/api/client";
import { fakeBackend, withBackend } from "../../test/fakeBackend";
import Brands from "./Brands.svelte";

function setup(initial: Brand[]) {
  const backend = fakeBackend();
  let list = initial;
  backend.products.brands.mockImplementation(async () => list);
  backend.products.renameBrand.mockImplementation(async (id: number, name: string) => {
    list = list.map((b) => (b.id === id ? { ...b, name } : b));
    return null;
  });
  backend.products.archiveBrand.mockImplementation(async (id: number, archived: boolean) => {
    list = list.map((b) => (b.id === id ? { ...b, archived } : b));
    return null;
  });
  render(Brands, { context: withBackend(backend) });
  return backend;
}

const rows = () => screen.queryAllByTestId("brand-row");
const within = (row: HTMLElement, testid: string) => row.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!;

describe("Brands", () => {
  it("lists brands with their product counts, renames and archives", async () => {
    const backend = setup([
      { id: 1, name: "MAHLE", archived: false, products: 12 },
      { id: 2, name: "Bosh", archived: false, products: 3 },
      { id: 3, name: "Лукойл", archived: true, products: 0 },
    ]);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(within(rows()[0]!, "brand-products").textContent?.trim()).toBe("12 товаров");
    expect(within(rows()[1]!, "brand-products").textContent?.trim()).toBe("3 товара");
    expect(within(rows()[2]!, "brand-products").textContent?.trim()).toBe("нет товаров");

    await fireEvent.click(within(rows()[1]!, "brand-rename"));
    const field = screen.getByTestId("brand-rename-input");
    await fireEvent.input(field, { target: { value: "BOSCH" } });
    await fireEvent.keyDown(field, { key: "Enter" });
    await waitFor(() => expect(rows()[1]!.textContent).toContain("BOSCH"));
    expect(backend.products.renameBrand).toHaveBeenCalledWith(2, "BOSCH");

    await fireEvent.click(within(rows()[2]!, "brand-archive"));
    await waitFor(() => expect(backend.products.archiveBrand).toHaveBeenCalledWith(3, false));
  });

  it("says where brands come from when there are none", async () => {
    setup([]);
    expect((await screen.findByTestId("brands-empty")).textContent).toContain("в карточках товаров");
  });
});
