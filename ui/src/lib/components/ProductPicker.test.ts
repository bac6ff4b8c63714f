import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { ProductListItem, ProductSearch } from "../api/client";
import { fakeBackend, withBackend } from "../../test/fakeBackend";
import { AIR_FILTER, MOTOR_OIL, OIL_FILTER, issue, product, productItem } from "../../test/fakeProducts";
import ProductPicker from "./ProductPicker.svelte";

function setup(found: (query: string) => ProductListItem[] = () => [], props: Record<string, unknown> = {}) {
  const backend = fakeBackend();
  backend.products.search.mockImplementation(async (search: ProductSearch) => found(search.query));
  const onpick = vi.fn();
  render(ProductPicker, { props: { onpick, testid: "pp", autofocus: true, ...props }, context: withBackend(backend) });
  const input = screen.getByTestId("pp") as HTMLInputElement;
  return { backend, onpick, input };
}

const key = (el: HTMLElement, k: string) => fireEvent.keyDown(el, { key: k });
const options = () => screen.queryAllByTestId("pp-option");
const activeId = (input: HTMLInputElement) =>
  document.getElementById(input.getAttribute("aria-activedescendant") ?? "")?.dataset.id ?? null;

describe("ProductPicker", () => {
  it("searches as the operator types and shows what a counter needs", async () => {
    const crossHit = productItem({ ...OIL_FILTER, matchedBy: "cross", matchedNumber: "MANN-FILTER W 712/73" });
    const { backend, input } = setup(() => [crossHit, AIR_FILTER]);
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute("role")).toBe("combobox");
    expect(input.placeholder).toBe("Наименование, артикул, OEM-номер или штрихкод");

    await fireEvent.input(input, { target: { value: "w712/73" } });
    expect(backend.products.search).not.toHaveBeenCalled(); // debounced
    await waitFor(() => expect(options()).toHaveLength(2));
    expect(backend.products.search).toHaveBeenCalledTimes(1);
    expect(backend.products.search).toHaveBeenCalledWith({
      query: "w712/73",
      limit: 20,
      includeArchived: false,
      categoryId: null,
      lowStockOnly: false,
    });
    const [first, second] = options() as [HTMLElement, HTMLElement];
    expect(first.textContent).toContain("Фильтр масляный");
    expect(first.textContent).toContain("OC 90 · MAHLE");
    expect(first.textContent).toContain("8\u00a0шт");
    expect(first.textContent).toContain("650,00\u00a0₽");
    expect(first.querySelector('[data-testid="pp-match"]')?.textContent).toBe("аналог · MANN-FILTER W 712/73");
    expect(second.querySelector(".on-hand")?.classList.contains("low")).toBe(true);
    expect(screen.getByTestId("pp-add").textContent).toContain("Добавить новый товар «w712/73»");
  });

  it("is driven by the keyboard: ↓/↑ move, Enter picks, Esc closes then clears", async () => {
    const { onpick, input } = setup(() => [OIL_FILTER, AIR_FILTER, MOTOR_OIL]);
    await fireEvent.input(input, { target: { value: "ф" } });
    await waitFor(() => expect(options()).toHaveLength(3));
    expect(input.getAttribute("aria-expanded")).toBe("true");

    await key(input, "ArrowDown");
    expect(activeId(input)).toBe(OIL_FILTER.id);
    await key(input, "ArrowDown");
    await key(input, "ArrowDown");
    expect(activeId(input)).toBe(MOTOR_OIL.id);
    await key(input, "ArrowUp");
    expect(activeId(input)).toBe(AIR_FILTER.id);
    await key(input, "Enter");
    expect(onpick).toHaveBeenCalledWith(AIR_FILTER);
    expect(input.value).toBe("Фильтр воздушный");
    expect(input.getAttribute("aria-expanded")).toBe("false");

    await fireEvent.input(input, { target: { value: "мас" } });
    await waitFor(() => expect(input.getAttribute("aria-expanded")).toBe("true"));
    await key(input, "Escape");
    expect(input.getAttribute("aria-expanded")).toBe("false");
    expect(input.value).toBe("мас");
    await key(input, "Escape");
    expect(input.value).toBe("");
  });

  it("takes the first answer on Enter right after a scan, and can clear itself after a pick", async () => {
    const { backend, onpick, input } = setup(() => [OIL_FILTER], { clearOnPick: true });
    await fireEvent.input(input, { target: { value: "4009026022467" } });
    await key(input, "Enter");
    await waitFor(() => expect(onpick).toHaveBeenCalledWith(OIL_FILTER));
    expect(backend.products.search).toHaveBeenCalledTimes(1);
    expect(input.value).toBe("");
  });

  it("drops stale answers", async () => {
    const { backend, input } = setup();
    let release: (items: ProductListItem[]) => void = () => {};
    backend.products.search.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
    backend.products.search.mockImplementationOnce(async () => [AIR_FILTER]);
    await fireEvent.input(input, { target: { value: "ф" } });
    await waitFor(() => expect(backend.products.search).toHaveBeenCalledTimes(1));
    await fireEvent.input(input, { target: { value: "фильтр возд" } });
    await waitFor(() => expect(options()).toHaveLength(1));
    release([OIL_FILTER, MOTOR_OIL]);
    await new Promise((r) => setTimeout(r, 20));
    expect(options().map((o) => o.dataset.id)).toEqual([AIR_FILTER.id]);
  });

  it("adds a product not found, with the query as its article, and picks it", async () => {
    const { backend, onpick, input } = setup(() => []);
    backend.products.create.mockImplementation(async (draft) =>
      product({ id: "new-product", name: draft.name, article: draft.article, onHand: 0, price: null }),
    );
    await fireEvent.input(input, { target: { value: "W 712/73" } });
    await waitFor(() => expect(screen.getByTestId("pp-add")).toBeTruthy());
    expect(screen.getByTestId("pp-box").textContent).toContain("Ничего не нашли");
    await key(input, "ArrowDown");
    await key(input, "Enter");

    await screen.findByTestId("product-form");
    expect((screen.getByTestId("product-article") as HTMLInputElement).value).toBe("W 712/73");
    expect((screen.getByTestId("product-name") as HTMLInputElement).value).toBe("");
    await fireEvent.input(screen.getByTestId("product-name"), { target: { value: "Фильтр масляный" } });
    await fireEvent.click(screen.getByTestId("product-save"));

    await waitFor(() => expect(onpick).toHaveBeenCalled());
    expect(backend.products.create).toHaveBeenCalledWith(expect.objectContaining({ name: "Фильтр масляный", article: "W 712/73" }));
    expect(onpick).toHaveBeenCalledWith(expect.objectContaining({ id: "new-product", name: "Фильтр масляный", onHand: 0 }));
    expect(screen.queryByTestId("product-form")).toBeNull();
  });

  it("pre-fills the name for a query of words, and picks the product the window points to", async () => {
    const { backend, onpick, input } = setup(() => []);
    await fireEvent.input(input, { target: { value: "фильтр салона" } });
    await fireEvent.click(await screen.findByTestId("pp-add"));
    expect((screen.getByTestId("product-name") as HTMLInputElement).value).toBe("фильтр салона");
    expect((screen.getByTestId("product-article") as HTMLInputElement).value).toBe("");

    backend.products.validate.mockResolvedValue([issue("article", "taken", "existing-id")]);
    await fireEvent.input(screen.getByTestId("product-article"), { target: { value: "CU 2939" } });
    await fireEvent.blur(screen.getByTestId("product-article"));
    await fireEvent.click(await screen.findByTestId("product-open-existing"));
    await waitFor(() => expect(onpick).toHaveBeenCalledWith(expect.objectContaining({ id: "existing-id" })));
    expect(backend.products.get).toHaveBeenCalledWith("existing-id");
  });
});
