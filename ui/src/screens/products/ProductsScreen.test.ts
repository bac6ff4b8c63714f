import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { ProductListItem, ProductSearch } from "../../lib/api/client";
import { fakeBackend, withBackend } from "../../test/fakeBackend";
import { AIR_FILTER, MOTOR_OIL, OIL_FILTER, PRODUCTS, product, productItem, sale, stockDocument } from "../../test/fakeProducts";
import ProductsScreen from "./ProductsScreen.svelte";

const ALL: ProductSearch = { query: "", limit: 300, includeArchived: false, categoryId: null, lowStockOnly: false };

function setup(products: ProductListItem[] = PRODUCTS) {
  const backend = fakeBackend();
  backend.products.search.mockImplementation(async (s: ProductSearch) =>
    products.filter((p) => p.name.toLowerCase().includes(s.query.toLowerCase()) && (!s.lowStockOnly || p.low)),
  );
  render(ProductsScreen, { context: withBackend(backend) });
  return backend;
}

const rows = () => screen.queryAllByTestId("product-row");
const search = () => screen.getByTestId("products-search") as HTMLInputElement;
const count = () => screen.getByTestId("products-count").textContent;

describe("ProductsScreen", () => {
  it("opens the price-list import and the export windows from the toolbar", async () => {
    setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(screen.getByTestId("products-import"));
    expect(screen.getByTestId("product-import-dialog")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("product-import-cancel"));
    await waitFor(() => expect(screen.queryByTestId("product-import-dialog")).toBeNull());
    await fireEvent.click(screen.getByTestId("products-export"));
    expect(screen.getByTestId("product-export-dialog")).toBeTruthy();
  });

  it("lists products with what is on hand and the price", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(backend.products.search).toHaveBeenCalledWith(ALL);
    expect(document.activeElement).toBe(search());
    expect(search().placeholder).toBe("Наименование, артикул, OEM-номер, бренд или штрихкод");
    expect(count()).toBe("Всего: 3 товара");

    const [oil, air, motorOil] = rows() as [HTMLElement, HTMLElement, HTMLElement];
    expect(oil.querySelector('[data-testid="product-open"]')?.textContent).toBe("Фильтр масляный");
    expect(oil.textContent).toContain("OC 90");
    expect(oil.textContent).toContain("MAHLE");
    expect(oil.querySelector('[data-testid="product-onhand"]')?.textContent?.trim()).toBe("8\u00a0шт");
    expect(oil.querySelector('[data-testid="product-price"]')?.textContent).toBe("650,00\u00a0₽");
    expect(motorOil.querySelector('[data-testid="product-onhand"]')?.textContent?.trim()).toBe("1,5\u00a0л");

    // Below the minimum: highlighted, with the minimum in the tooltip.
    const low = air.querySelector('[data-testid="product-onhand"]') as HTMLElement;
    expect(low.classList.contains("low")).toBe(true);
    expect(low.title).toBe("Меньше минимального остатка (2\u00a0шт)");
    expect(oil.querySelector('[data-testid="product-onhand"]')?.classList.contains("low")).toBe(false);
  });

  it("debounces typing and ignores stale answers", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    backend.products.search.mockClear();

    let releaseSlow: (items: ProductListItem[]) => void = () => {};
    backend.products.search.mockImplementationOnce(() => new Promise((resolve) => (releaseSlow = resolve)));
    await fireEvent.input(search(), { target: { value: "ф" } });
    expect(backend.products.search).not.toHaveBeenCalled();
    await waitFor(() => expect(backend.products.search).toHaveBeenCalledWith({ ...ALL, query: "ф" }));
    await fireEvent.input(search(), { target: { value: "фильтр возд" } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    releaseSlow(PRODUCTS);
    await new Promise((r) => setTimeout(r, 20));
    expect(rows()).toHaveLength(1);
    expect(rows()[0]!.dataset.id).toBe(AIR_FILTER.id);
    expect(count()).toBe("Найдено: 1 товар");

    // Three quick keystrokes, one search.
    backend.products.search.mockClear();
    await fireEvent.input(search(), { target: { value: "м" } });
    await fireEvent.input(search(), { target: { value: "ма" } });
    await fireEvent.input(search(), { target: { value: "мас" } });
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(backend.products.search).toHaveBeenCalledTimes(1);
  });

  it("says when a product was found by another number or its barcode", async () => {
    const backend = fakeBackend();
    backend.products.search.mockImplementation(async (s: ProductSearch) =>
      s.query
        ? [
            productItem({ ...OIL_FILTER, matchedBy: "cross", matchedNumber: "MANN-FILTER W 712/73" }),
            productItem({ ...AIR_FILTER, matchedBy: "barcode" }),
            productItem({ ...MOTOR_OIL, matchedBy: "article" }),
          ]
        : PRODUCTS,
    );
    render(ProductsScreen, { context: withBackend(backend) });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.queryByTestId("product-match")).toBeNull();
    await fireEvent.input(search(), { target: { value: "w71273" } });
    await waitFor(() => expect(screen.queryAllByTestId("product-match")).toHaveLength(2));
    const badges = screen.getAllByTestId("product-match").map((b) => b.textContent);
    expect(badges).toEqual(["аналог · MANN-FILTER W 712/73", "штрихкод"]);
  });

  it("tells an empty nomenclature from a search that found nothing", async () => {
    setup([]);
    await waitFor(() => expect(screen.getByTestId("products-empty").dataset.state).toBe("none"));
    expect(screen.getByTestId("products-empty").textContent).toContain("В номенклатуре пока нет товаров");

    await fireEvent.input(search(), { target: { value: "OC 90" } });
    await waitFor(() => expect(screen.getByTestId("products-empty").dataset.state).toBe("query"));
    expect(screen.getByTestId("products-empty").textContent).toContain("По запросу «OC 90» ничего не найдено");
    await fireEvent.click(screen.getByTestId("products-add-query"));
    await screen.findByTestId("product-form");
    expect((screen.getByTestId("product-article") as HTMLInputElement).value).toBe("OC 90");
  });

  it("filters by category, low stock and archive", async () => {
    const backend = setup();
    await waitFor(() => expect(screen.getAllByTestId("products-category")).toHaveLength(2));
    const [filters, oil] = screen.getAllByTestId("products-category") as [HTMLElement, HTMLElement];
    expect(filters.textContent?.trim()).toBe("Фильтры");
    expect(oil.style.paddingLeft).toBe("24px");
    await fireEvent.click(filters);
    await waitFor(() => expect(backend.products.search).toHaveBeenLastCalledWith({ ...ALL, categoryId: 2 }));
    expect(filters.getAttribute("aria-current")).toBe("true");

    await fireEvent.click(screen.getByTestId("products-category-all"));
    await fireEvent.click(screen.getByTestId("products-low"));
    await waitFor(() => expect(backend.products.search).toHaveBeenLastCalledWith({ ...ALL, lowStockOnly: true }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    await fireEvent.click(screen.getByTestId("products-show-archived"));
    await waitFor(() => expect(backend.products.search).toHaveBeenLastCalledWith({ ...ALL, lowStockOnly: true, includeArchived: true }));
  });

  it("moves with the arrows, opens with Enter, adds with Ctrl+N", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows()[0]!.classList.contains("selected")).toBe(true);
    await fireEvent.keyDown(search(), { key: "ArrowDown" });
    expect(rows()[1]!.classList.contains("selected")).toBe(true);
    await fireEvent.keyDown(search(), { key: "Enter" });
    await screen.findByTestId("product-form");
    expect(backend.products.get).toHaveBeenCalledWith(AIR_FILTER.id);

    await fireEvent.keyDown(screen.getByTestId("product-form"), { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("product-form")).toBeNull());

    const open = rows()[2]!.querySelector('[data-testid="product-open"]') as HTMLButtonElement;
    await fireEvent.click(open);
    await waitFor(() => expect(backend.products.get).toHaveBeenLastCalledWith(MOTOR_OIL.id));
    await fireEvent.keyDown(screen.getByTestId("product-form"), { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("product-form")).toBeNull());

    await fireEvent.keyDown(window, { key: "n", code: "KeyN", ctrlKey: true });
    await screen.findByTestId("product-form");
    expect(screen.getByText("Новый товар", { selector: "h2" })).toBeTruthy();
  });

  it("sells from the toolbar, says so and refreshes the list", async () => {
    const backend = setup();
    backend.stock.sell.mockResolvedValue(sale({ number: "ПР-26-00001", total: 130000 }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    backend.products.search.mockClear();

    await fireEvent.click(screen.getByTestId("products-sell"));
    await screen.findByTestId("sale-dialog");
    await fireEvent.input(screen.getByTestId("sale-picker"), { target: { value: "масл" } });
    await fireEvent.click((await screen.findAllByTestId("sale-picker-option"))[0]!);
    await fireEvent.input(screen.getByTestId("sale-line-quantity"), { target: { value: "2" } });
    await fireEvent.click(screen.getByTestId("sale-save"));

    await waitFor(() => expect(screen.getByTestId("sale-done").textContent).toContain("Продажа ПР-26-00001 на 1\u00a0300,00\u00a0₽ проведена"));
    expect(screen.queryByTestId("sale-dialog")).toBeNull();
    expect(backend.products.search).toHaveBeenCalledWith(ALL);

    backend.stock.printSaleReceipt.mockResolvedValueOnce({ path: "/tmp/remzona-print/Товарный чек ПР-26-00001.pdf", opened: false, error: null });
    await fireEvent.click(screen.getByTestId("sale-posted-receipt-print"));
    await waitFor(() => expect(backend.stock.printSaleReceipt).toHaveBeenCalledWith(sale().stockDocumentId));
    expect((await screen.findByTestId("sale-posted-receipt-notice")).textContent).toContain("Файл сохранён: /tmp/remzona-print/Товарный чек ПР-26-00001.pdf");
  });

  it("opens a receipt of the product from its window and reloads its stock after posting", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(rows()[0]!.querySelector('[data-testid="product-open"]')!);
    await waitFor(() => expect((screen.getByTestId("product-name") as HTMLInputElement).value).toBe("Фильтр масляный"));

    await fireEvent.click(screen.getByTestId("product-receive"));
    await screen.findByTestId("receipt-dialog");
    expect(screen.getAllByTestId("receipt-line")).toHaveLength(1);
    expect((screen.getByTestId("receipt-line-price") as HTMLInputElement).value).toBe("400");
    await fireEvent.input(screen.getByTestId("receipt-line-quantity"), { target: { value: "10" } });

    backend.stock.receive.mockResolvedValue(stockDocument({ number: "ПН-26-00002", total: 400000 }));
    backend.products.get.mockResolvedValue(product({ onHand: 18000, stock: [{ warehouseId: 1, warehouse: "Основной склад", onHand: 18000 }] }));
    await fireEvent.click(screen.getByTestId("receipt-save"));
    await waitFor(() => expect(screen.queryByTestId("receipt-dialog")).toBeNull());
    expect(backend.stock.receive).toHaveBeenCalledWith(expect.objectContaining({ lines: [{ productId: OIL_FILTER.id, quantity: "10", price: "400" }] }));
    await waitFor(() => expect(screen.getByTestId("product-stock-total").textContent).toContain("18\u00a0шт"));
    expect(screen.getByTestId("product-form")).toBeTruthy();
    expect(screen.getByTestId("stock-done").textContent).toContain("Приход ПН-26-00002 на 4\u00a0000,00\u00a0₽ проведён");
    expect(screen.queryByTestId("sale-posted-receipt-print")).toBeNull(); // a товарный чек is for a sale
  });
});
