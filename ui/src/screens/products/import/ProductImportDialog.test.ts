import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { ImportProgress, ProductImportPreview, ProductImportReport } from "../../../lib/api/client";
import { setLocale } from "../../../lib/i18n";
import { failure, fakeBackend, withBackend } from "../../../test/fakeBackend";
import { productImportPlan, productImportPreview, productImportReport } from "../../../test/fakeProductImports";
import ProductImportDialog from "./ProductImportDialog.svelte";

const PATH = "C:\\Users\\Склад\\Прайс Автодок.xlsx";

function setup(first: ProductImportPreview = productImportPreview(), path: string | null = PATH) {
  const backend = fakeBackend();
  backend.productImports.preview.mockResolvedValue(first);
  const callbacks = { onclose: vi.fn(), onimported: vi.fn() };
  const pickFile = vi.fn(async () => path);
  render(ProductImportDialog, { props: { ...callbacks, pickFile }, context: withBackend(backend) });
  return { backend, pickFile, ...callbacks };
}

/** A promise resolved from the test, to hold a call open. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => {
    resolve = res;
  });
  return { promise, resolve };
}

const byId = (id: string) => screen.getByTestId(id);
const runButton = () => byId("product-import-run") as HTMLButtonElement;
const select = (index: number) => byId(`product-import-map-${index}`) as HTMLSelectElement;

async function pick() {
  await fireEvent.click(byId("product-import-pick"));
  await screen.findByTestId("product-import-map-0");
}

describe("ProductImportDialog: choosing a file and matching columns", () => {
  it("explains the update rule, reads the file and shows the plan", async () => {
    const { backend, pickFile } = setup();
    const dialog = byId("product-import-dialog");
    expect(dialog.textContent).toContain("Загрузка товаров из файла");
    expect(dialog.textContent).toContain("товар с тем же артикулом и брендом");
    expect(document.activeElement).toBe(byId("product-import-pick"));

    await pick();
    expect(pickFile).toHaveBeenCalledTimes(1);
    expect(backend.productImports.preview).toHaveBeenCalledWith(PATH, null);
    expect(byId("product-import-file-name").textContent).toBe("Прайс Автодок.xlsx");
    expect(dialog.textContent).toContain("кодировка Windows-1251 · разделитель — точка с запятой · 1\u00a0540 строк");
    expect([0, 1, 2, 3, 4].map((i) => select(i).value)).toEqual(["article", "brand", "name", "sale_price", "ignore"]);
    expect(select(1).getAttribute("aria-label")).toBe("Колонка «Производитель»: что в ней");
    const cross = within(select(0)).getByRole("option", { name: "Кросс-номера (аналоги)" });
    expect(cross.parentElement?.getAttribute("label")).toBe("Номера и штрихкоды");
    expect(screen.getAllByRole("row")).toHaveLength(3);
    expect(screen.getByRole("cell", { name: "W 712/73" })).toBeTruthy();

    const summary = byId("product-import-summary").textContent;
    expect(summary).toContain("Будет создано товаров: 1\u00a0200, обновлено: 340");
    expect(summary).toContain("пустая ячейка не стирает прежнее значение");
    expect(runButton().disabled).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(select(0)));
  });

  it("stays on the first step when the file dialog is cancelled", async () => {
    const { backend } = setup(productImportPreview(), null);
    await fireEvent.click(byId("product-import-pick"));
    await Promise.resolve();
    expect(backend.productImports.preview).not.toHaveBeenCalled();
    expect(screen.queryByTestId("product-import-map-0")).toBeNull();
  });

  it("shows an unreadable file as an error", async () => {
    const { backend } = setup();
    backend.productImports.preview.mockRejectedValueOnce(failure("io", { message: "unsupported file type: \"doc\"" }));
    await fireEvent.click(byId("product-import-pick"));
    const banner = await screen.findByTestId("product-import-error");
    expect(banner.textContent).toContain("Ошибка чтения или записи файла.");
    expect(screen.queryByTestId("product-import-map-0")).toBeNull();
  });

  it("checks the file again with a changed column", async () => {
    const { backend } = setup();
    await pick();
    backend.productImports.preview.mockResolvedValue(
      productImportPreview({
        mapping: ["article", "brand", "name", "purchase_price", "ignore"],
        plan: productImportPlan({ create: 3, update: 0 }),
      }),
    );
    await fireEvent.change(select(3), { target: { value: "purchase_price" } });
    expect(runButton().disabled).toBe(true); // the plan shown is for the old mapping

    await waitFor(() => expect(backend.productImports.preview).toHaveBeenCalledTimes(2));
    expect(backend.productImports.preview).toHaveBeenLastCalledWith(PATH, [
      "article",
      "brand",
      "name",
      "purchase_price",
      "ignore",
    ]);
    await waitFor(() =>
      expect(byId("product-import-summary").textContent).toContain("Будет создано товаров: 3, обновлено: 0"),
    );
    expect(byId("product-import-summary").textContent).not.toContain("пустая ячейка");
    expect(runButton().disabled).toBe(false);
  });

  it("lists the problems by line and column and explains all or nothing", async () => {
    setup(
      productImportPreview({
        headers: ["Артикул", "Производитель", "Наименование", "Цена", "Ед."],
        mapping: ["article", "brand", "name", "sale_price", "unit"],
        plan: productImportPlan({
          create: 10,
          update: 0,
          problems: [
            { line: 4, column: "Наименование", value: "", issue: "required", max: null },
            { line: 7, column: "Цена", value: "шестьсот", issue: "number_invalid", max: null },
            { line: 7, column: "Ед.", value: "ящик", issue: "unknown_value", max: null },
            { line: 9, column: "Артикул", value: "oc-90", issue: "repeated", max: null },
          ],
        }),
      }),
    );
    await pick();
    const box = byId("product-import-problems");
    expect(box.textContent).toContain("Исправьте файл: 4 ошибки");
    expect(within(box).getAllByTestId("product-import-problem").map((li) => li.textContent?.trim())).toEqual([
      "Строка 4, «Наименование»: Заполните это поле",
      "Строка 7, «Цена»: Введите число, например 1 234,50 («шестьсот»)",
      "Строка 7, «Ед.»: Единица измерения не распознана: шт, л, кг, м или компл («ящик»)",
      "Строка 9, «Артикул»: Товар с этим артикулом и брендом уже есть в файле выше — оставьте одну строку («oc-90»)",
    ]);
    expect(runButton().disabled).toBe(true);
    expect(runButton().getAttribute("aria-describedby")).toBe("product-import-problems-hint");
    expect(document.getElementById("product-import-problems-hint")?.textContent).toContain("ничего не загружается");
  });

  it("has nothing to load when no column is mapped", async () => {
    setup(
      productImportPreview({
        mapping: ["ignore", "ignore", "ignore", "ignore", "ignore"],
        plan: productImportPlan({ create: 0, update: 0 }),
      }),
    );
    await pick();
    expect(byId("product-import-summary").textContent).toContain("Загружать нечего");
    expect(runButton().disabled).toBe(true);
  });

  it("closes with «Отмена»", async () => {
    const { onclose } = setup();
    await pick();
    await fireEvent.click(byId("product-import-cancel"));
    expect(onclose).toHaveBeenCalledTimes(1);
  });
});

describe("ProductImportDialog: loading", () => {
  it("drives the progress bar, cannot be closed meanwhile and reports what was done", async () => {
    const { backend, onclose, onimported } = setup();
    await pick();
    const running = deferred<ProductImportReport>();
    let report: (p: ImportProgress) => void = () => {};
    backend.productImports.run.mockImplementation((_path, _mapping, onprogress) => {
      report = onprogress;
      return running.promise;
    });

    await fireEvent.click(runButton());
    expect(backend.productImports.run).toHaveBeenCalledWith(
      PATH,
      ["article", "brand", "name", "sale_price", "ignore"],
      expect.any(Function),
    );
    const bar = byId("product-import-progress");
    expect(bar.getAttribute("aria-valuemax")).toBe("1540");
    report({ done: 500, total: 1540 });
    await waitFor(() => expect(bar.getAttribute("aria-valuenow")).toBe("500"));
    expect(byId("product-import-dialog").textContent).toContain("Загружено строк: 500 из 1\u00a0540");
    expect((bar.firstElementChild as HTMLElement).style.width).toBe("32%");

    await fireEvent.keyDown(byId("product-import-dialog"), { key: "Escape" });
    expect(onclose).not.toHaveBeenCalled();

    const done = productImportReport({ plan: productImportPlan({ create: 1199, update: 341 }) });
    running.resolve(done);
    const close = await screen.findByTestId("product-import-done");
    expect(byId("product-import-result").textContent).toContain("Загружено: создано товаров — 1\u00a0199, обновлено — 341");
    await waitFor(() => expect(document.activeElement).toBe(close));
    await fireEvent.click(close);
    expect(onimported).toHaveBeenCalledWith(done);
    expect(onclose).not.toHaveBeenCalled();
  });

  it("goes back to the columns when the file changed and now has problems", async () => {
    const { backend, onimported } = setup();
    await pick();
    backend.productImports.run.mockResolvedValueOnce({
      imported: false,
      plan: productImportPlan({
        problems: [{ line: 12, column: "Цена", value: "-5", issue: "number_invalid", max: null }],
      }),
    });
    await fireEvent.click(runButton());
    const box = await screen.findByTestId("product-import-problems");
    expect(byId("product-import-changed").textContent).toContain("Файл изменился после проверки");
    expect(within(box).getByTestId("product-import-problem").textContent).toContain("Строка 12, «Цена»");
    expect(runButton().disabled).toBe(true);
    expect(onimported).not.toHaveBeenCalled();
  });

  it("shows a failed load as an error on the columns step", async () => {
    const { backend } = setup();
    await pick();
    backend.productImports.run.mockRejectedValueOnce(failure("database", { message: "database is locked" }));
    await fireEvent.click(runButton());
    const banner = await screen.findByTestId("product-import-error");
    expect(banner.textContent).toContain("Ошибка базы данных");
    expect(runButton().disabled).toBe(false);
  });
});

describe("ProductImportDialog in English", () => {
  it("follows the locale", async () => {
    setLocale("en");
    setup();
    expect(byId("product-import-dialog").textContent).toContain("Load products from a file");
    await pick();
    expect(byId("product-import-summary").textContent).toContain("Products to create: 1,200, to update: 340");
    expect(within(select(0)).getByRole("option", { name: "Cross numbers (analogues)" })).toBeTruthy();
  });
});
