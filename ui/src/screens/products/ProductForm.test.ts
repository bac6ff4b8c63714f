import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import { SUPPLIERS, issue, movement, product } from "../../test/fakeProducts";
import ProductForm from "./ProductForm.svelte";

function setup(props: Record<string, unknown> = {}) {
  const backend = fakeBackend();
  backend.products.suppliers.mockResolvedValue(SUPPLIERS);
  const callbacks = { onsaved: vi.fn(), onclose: vi.fn() };
  render(ProductForm, { props: { ...callbacks, ...props }, context: withBackend(backend) });
  return { backend, ...callbacks };
}

const byId = (id: string) => screen.getByTestId(id) as HTMLInputElement;
async function type(testId: string, value: string) {
  await fireEvent.input(byId(testId), { target: { value } });
}

describe("ProductForm", () => {
  it("shows on blur only the issues of fields already left", async () => {
    const { backend } = setup();
    backend.products.validate.mockResolvedValue([issue("name", "required"), issue("purchasePrice", "number_invalid")]);
    expect(document.activeElement).toBe(byId("product-name"));
    await type("product-purchase-price", "четыреста");
    await fireEvent.blur(byId("product-purchase-price"));
    await waitFor(() => expect(screen.getByTestId("error-purchasePrice").textContent).toBe("Введите число, например 1 234,50"));
    expect(screen.queryByTestId("error-name")).toBeNull();
    expect(byId("product-purchase-price").getAttribute("aria-invalid")).toBe("true");
  });

  it("shows every issue on save, focuses the first bad field and saves nothing", async () => {
    const { backend, onsaved } = setup();
    backend.products.validate.mockResolvedValue([issue("salePrice", "number_invalid"), issue("name", "required")]);
    await fireEvent.click(screen.getByTestId("product-save"));
    await waitFor(() => expect(screen.getByTestId("error-name").textContent).toBe("Заполните это поле"));
    expect(screen.getByTestId("error-salePrice")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(byId("product-name")));
    expect(backend.products.create).not.toHaveBeenCalled();
    expect(onsaved).not.toHaveBeenCalled();
  });

  it("creates a product from what was typed", async () => {
    const { backend, onsaved } = setup({ prefill: { article: "OC 90" } });
    await type("product-name", "Фильтр масляный");
    await type("product-brand", "MAHLE");
    await fireEvent.change(byId("product-unit"), { target: { value: "set" } });
    await type("product-purchase-price", "400");
    await type("product-sale-price", "650");
    await fireEvent.change(byId("product-vat"), { target: { value: "vat22" } });
    await type("product-min-stock", "2");
    await waitFor(() => expect(screen.getByTestId("product-implied-markup").textContent).toBe("Наценка 62,5\u00a0%"));
    await fireEvent.keyDown(byId("product-notes"), { key: "Enter", ctrlKey: true });

    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(backend.products.create).toHaveBeenCalledWith({
      name: "Фильтр масляный",
      article: "OC 90",
      brand: "MAHLE",
      categoryId: null,
      unit: "set",
      numbers: [],
      barcodes: [],
      attributes: [],
      purchasePrice: "400",
      salePrice: "650",
      markupPercent: "",
      vat: "vat22",
      minStock: "2",
      supplierId: null,
      notes: "",
    });
  });

  it("previews the sale price a markup gives and sends the markup", async () => {
    const { backend } = setup();
    await fireEvent.click(screen.getByTestId("product-price-mode-markup"));
    expect(screen.queryByTestId("product-sale-price")).toBeNull();
    const preview = () => screen.getByTestId("product-markup-preview").textContent;
    expect(preview()).toContain("появится");
    await type("product-purchase-price", "400");
    await type("product-markup", "30");
    expect(preview()).toBe("Цена продажи: 520,00\u00a0₽");
    await type("product-purchase-price", "1 234,50");
    expect(preview()).toBe("Цена продажи: 1\u00a0604,85\u00a0₽");

    await type("product-name", "Свеча");
    await fireEvent.click(screen.getByTestId("product-save"));
    await waitFor(() => expect(backend.products.create).toHaveBeenCalled());
    expect(backend.products.create.mock.calls[0]![0]).toMatchObject({ purchasePrice: "1 234,50", salePrice: "", markupPercent: "30" });
  });

  it("offers to open the product that already has the article", async () => {
    const onopenproduct = vi.fn();
    const { backend } = setup({ onopenproduct });
    backend.products.validate.mockResolvedValue([issue("article", "taken", "p-77")]);
    await type("product-article", "OC 90");
    await fireEvent.blur(byId("product-article"));
    await waitFor(() => expect(screen.getByTestId("error-article").textContent).toContain("Товар с таким артикулом этого бренда уже есть"));
    await fireEvent.click(screen.getByTestId("product-open-existing"));
    expect(onopenproduct).toHaveBeenCalledWith("p-77");
  });

  it("opens the existing product itself when nobody else does", async () => {
    const { backend } = setup();
    backend.products.validate.mockResolvedValueOnce([issue("article", "taken", "p-77")]);
    backend.products.get.mockResolvedValue(product({ id: "p-77", name: "Фильтр масляный MAHLE" }));
    await type("product-article", "OC 90");
    await fireEvent.blur(byId("product-article"));
    await fireEvent.click(await screen.findByTestId("product-open-existing"));
    await waitFor(() => expect(byId("product-name").value).toBe("Фильтр масляный MAHLE"));
    expect(backend.products.get).toHaveBeenCalledWith("p-77");
    expect(screen.getByRole("dialog").getAttribute("aria-labelledby")).toBeTruthy();
    expect(screen.getByText("Товар: Фильтр масляный MAHLE")).toBeTruthy();
  });

  it("edits OEM and cross numbers as rows and puts issues on the right row", async () => {
    const { backend } = setup();
    await fireEvent.click(screen.getByTestId("product-add-number"));
    await fireEvent.click(screen.getByTestId("product-add-number"));
    await fireEvent.click(screen.getByTestId("product-add-number"));
    expect(screen.getAllByTestId("product-number-row")).toHaveLength(3);
    await fireEvent.change(byId("product-number-kind-0"), { target: { value: "oem" } });
    await type("product-number-brand-0", "VAG");
    await type("product-number-0", "03C 115 561 H");
    await type("product-number-brand-2", "MANN-FILTER");
    await type("product-number-2", "W 712/73");
    await fireEvent.click(screen.getByTestId("product-remove-number-0"));
    expect(screen.getAllByTestId("product-number-row")).toHaveLength(2);

    // Row 0 (empty) is not sent, so the core's «numbers.0» is the form's row 1.
    backend.products.validate.mockResolvedValue([issue("numbers.0.number", "repeated")]);
    await type("product-name", "Фильтр");
    await fireEvent.click(screen.getByTestId("product-save"));
    await waitFor(() => expect(screen.getByTestId("error-numbers.1.number")).toBeTruthy());
    expect(backend.products.validate).toHaveBeenLastCalledWith(
      expect.objectContaining({ numbers: [{ kind: "cross", brand: "MANN-FILTER", number: "W 712/73" }] }),
    );
    await waitFor(() => expect(document.activeElement).toBe(byId("product-number-1")));
  });

  it("loads an existing product with its stock and movements", async () => {
    const onstock = vi.fn();
    const { backend, onsaved } = setup({ productId: "p-1", onstock });
    backend.products.movements.mockResolvedValue([
      movement(),
      movement({ kind: "sale", number: "ПР-26-00001", quantity: -2000, price: 65000 }),
    ]);
    await waitFor(() => expect(byId("product-article").value).toBe("OC 90"));
    expect(backend.products.get).toHaveBeenCalledWith("p-1");
    expect(byId("product-purchase-price").value).toBe("400");
    expect(byId("product-sale-price").value).toBe("650");
    expect(byId("product-min-stock").value).toBe("2");
    expect(byId("product-number-0").value).toBe("W 712/73");
    expect(byId("product-barcode-0").value).toBe("4009026022467");
    expect(byId("product-attribute-value-0").value).toBe("79 мм");
    expect(screen.getByTestId("product-stock-total").textContent).toContain("8\u00a0шт");
    await waitFor(() => expect(screen.getAllByTestId("product-movement")).toHaveLength(2));
    const [receipt, sale] = screen.getAllByTestId("product-movement") as [HTMLElement, HTMLElement];
    expect(receipt.textContent).toContain("Приход");
    expect(receipt.textContent).toContain("ПН-26-00001");
    expect(receipt.textContent).toContain("+10\u00a0шт");
    expect(sale.textContent).toContain("Продажа");
    expect(sale.textContent).toContain("\u22122\u00a0шт");

    await fireEvent.click(screen.getByTestId("product-receive"));
    expect(onstock).toHaveBeenCalledWith("receipt", expect.objectContaining({ id: "p-1" }));

    await fireEvent.click(screen.getByTestId("product-archive"));
    await waitFor(() => expect(backend.products.archive).toHaveBeenCalledWith("p-1", true));
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
  });

  it("asks before throwing away changes on Esc, closes at once when nothing changed", async () => {
    const { onclose } = setup();
    const dialog = screen.getByTestId("product-form");
    await fireEvent.keyDown(dialog, { key: "Escape" });
    expect(onclose).toHaveBeenCalledTimes(1);

    onclose.mockClear();
    await type("product-name", "Фильтр");
    await fireEvent.keyDown(byId("product-name"), { key: "Escape" });
    expect(onclose).not.toHaveBeenCalled();
    expect(screen.getByRole("alert").textContent).toContain("Закрыть товар без сохранения изменений?");
    await fireEvent.click(screen.getByTestId("product-discard"));
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it("adds a supplier inline and selects it", async () => {
    const { backend } = setup();
    backend.products.saveSupplier.mockResolvedValue(3);
    await waitFor(() => expect(within(byId("product-supplier")).getAllByRole("option")).toHaveLength(3));
    await fireEvent.click(screen.getByTestId("product-supplier-new"));
    await fireEvent.keyDown(byId("product-supplier-new-name"), { key: "Enter" });
    expect(screen.getByTestId("error-supplier.name").textContent).toBe("Заполните это поле");
    expect(backend.products.saveSupplier).not.toHaveBeenCalled();

    backend.products.suppliers.mockResolvedValue([...SUPPLIERS, { ...SUPPLIERS[0]!, id: 3, name: "ООО «Запчасть-Сервис»" }]);
    await type("product-supplier-new-name", "ООО «Запчасть-Сервис»");
    await type("product-supplier-new-inn", "7707083893");
    await fireEvent.click(screen.getByTestId("product-supplier-new-save"));
    await waitFor(() => expect(byId("product-supplier").value).toBe("3"));
    expect(backend.products.saveSupplier).toHaveBeenCalledWith(null, {
      name: "ООО «Запчасть-Сервис»",
      inn: "7707083893",
      phone: "",
      email: "",
      notes: "",
    });
    expect(screen.queryByTestId("product-supplier-new-form")).toBeNull();
  });

  it("reports a failure to save in a banner", async () => {
    const { backend } = setup();
    backend.products.create.mockRejectedValue(failure("database"));
    await type("product-name", "Фильтр");
    await fireEvent.click(screen.getByTestId("product-save"));
    await waitFor(() => expect(screen.getByTestId("product-form-error")).toBeTruthy());
  });
});
