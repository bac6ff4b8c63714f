import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { ExportFormat } from "../../../lib/api/client";
import { failure, fakeBackend, withBackend } from "../../../test/fakeBackend";
import ProductExportDialog from "./ProductExportDialog.svelte";

function setup(path: string | null = "/home/desk/Товары.xlsx") {
  const backend = fakeBackend();
  const onclose = vi.fn();
  const pickFile = vi.fn(async (_format: ExportFormat) => path);
  render(ProductExportDialog, { props: { onclose, pickFile }, context: withBackend(backend) });
  return { backend, onclose, pickFile };
}

const byId = (id: string) => screen.getByTestId(id);

describe("ProductExportDialog", () => {
  it("saves the nomenclature to Excel and shows the row count and the file", async () => {
    const { backend, pickFile } = setup();
    backend.productImports.exportProducts.mockResolvedValueOnce(100000);
    expect(byId("product-export-dialog").textContent).toContain("Выгрузка товаров в файл");
    expect((byId("product-export-format-xlsx") as HTMLInputElement).checked).toBe(true);
    expect(byId("product-export-dialog").textContent).toContain("можно поправить в Excel и загрузить обратно");

    await fireEvent.click(byId("product-export-save"));
    const result = await screen.findByTestId("product-export-result");
    expect(pickFile).toHaveBeenCalledWith("xlsx");
    expect(backend.productImports.exportProducts).toHaveBeenCalledWith("/home/desk/Товары.xlsx", "xlsx");
    expect(result.textContent).toContain("Сохранено строк: 100\u00a0000");
    expect(result.textContent).toContain("Файл: /home/desk/Товары.xlsx");
    expect(byId("product-export-cancel").textContent?.trim()).toBe("Закрыть");
  });

  it("saves CSV when chosen", async () => {
    const { backend, pickFile } = setup("/home/desk/products.csv");
    await fireEvent.click(byId("product-export-format-csv"));
    await fireEvent.click(byId("product-export-save"));
    await screen.findByTestId("product-export-result");
    expect(pickFile).toHaveBeenCalledWith("csv");
    expect(backend.productImports.exportProducts).toHaveBeenCalledWith("/home/desk/products.csv", "csv");
  });

  it("writes nothing when the save dialog is cancelled", async () => {
    const { backend, pickFile } = setup(null);
    await fireEvent.click(byId("product-export-save"));
    await waitFor(() => expect(pickFile).toHaveBeenCalled());
    await waitFor(() => expect((byId("product-export-save") as HTMLButtonElement).disabled).toBe(false));
    expect(backend.productImports.exportProducts).not.toHaveBeenCalled();
    expect(screen.queryByTestId("product-export-result")).toBeNull();
  });

  it("shows a failed write and cannot be closed while writing", async () => {
    const { backend, onclose } = setup();
    let fail: (reason: unknown) => void = () => {};
    backend.productImports.exportProducts.mockReturnValueOnce(
      new Promise<number>((_resolve, reject) => {
        fail = reject;
      }),
    );
    await fireEvent.click(byId("product-export-save"));
    await waitFor(() => expect(byId("product-export-save").textContent).toContain("Сохраняем…"));
    await fireEvent.keyDown(byId("product-export-dialog"), { key: "Escape" });
    expect(onclose).not.toHaveBeenCalled();

    fail(failure("io", { message: "Access is denied. (os error 5)" }));
    const banner = await screen.findByTestId("product-export-error");
    expect(banner.textContent).toContain("Ошибка чтения или записи файла.");
    await fireEvent.click(byId("product-export-cancel"));
    expect(onclose).toHaveBeenCalledTimes(1);
  });
});
