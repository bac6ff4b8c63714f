import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ProductSearch, StockDocSummary } from "../../../lib/api/client";
import { failure, fakeBackend, withBackend } from "../../../test/fakeBackend";
import { AIR_FILTER, MOTOR_OIL, OIL_FILTER, PRODUCTS, stockDocument } from "../../../test/fakeProducts";
import DocumentsDialog from "./DocumentsDialog.svelte";
import InventoryDialog from "./InventoryDialog.svelte";
import WriteOffDialog from "./WriteOffDialog.svelte";
import { inputs, pickProduct } from "./testing";

const files = vi.hoisted(() => ({ pickPdfPath: vi.fn(async (_name: string): Promise<string | null> => null) }));
vi.mock("../../orders/pdfFiles", async (original) => ({ ...(await original<typeof import("../../orders/pdfFiles")>()), ...files }));
beforeEach(() => files.pickPdfPath.mockReset());

function backendWithProducts() {
  const backend = fakeBackend();
  backend.products.search.mockImplementation(async (s: ProductSearch) =>
    PRODUCTS.filter((p) => p.name.toLowerCase().includes(s.query.toLowerCase())),
  );
  return backend;
}

describe("WriteOffDialog", () => {
  it("requires a reason and posts the lines", async () => {
    const backend = backendWithProducts();
    const onposted = vi.fn();
    render(WriteOffDialog, { props: { initial: MOTOR_OIL, onposted, onclose: vi.fn() }, context: withBackend(backend) });
    expect(screen.getByTestId("writeoff-line").textContent).toContain("1,5\u00a0л");
    await fireEvent.input(inputs("writeoff-line-quantity")[0]!, { target: { value: "0,5" } });
    await fireEvent.click(screen.getByTestId("writeoff-save"));
    expect(screen.getByTestId("error-reason").textContent).toBe("Укажите причину списания");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("writeoff-reason")));
    expect(backend.stock.writeOff).not.toHaveBeenCalled();

    await fireEvent.input(screen.getByTestId("writeoff-reason"), { target: { value: "Пролито при замене" } });
    expect(screen.queryByTestId("error-reason")).toBeNull();
    await fireEvent.click(screen.getByTestId("writeoff-save"));
    await waitFor(() => expect(onposted).toHaveBeenCalled());
    expect(backend.stock.writeOff).toHaveBeenCalledWith({
      warehouseId: null,
      reason: "Пролито при замене",
      lines: [{ productId: MOTOR_OIL.id, quantity: "0,5" }],
    });
  });
});

describe("InventoryDialog", () => {
  it("shows the recorded quantity and the difference, and posts what was counted", async () => {
    const backend = backendWithProducts();
    const onposted = vi.fn();
    render(InventoryDialog, { props: { onposted, onclose: vi.fn() }, context: withBackend(backend) });
    await pickProduct("inventory-picker", "фильтр", OIL_FILTER.id);
    await pickProduct("inventory-picker", "возд", AIR_FILTER.id);
    const recorded = screen.getAllByTestId("inventory-line-recorded").map((c) => c.textContent);
    expect(recorded).toEqual(["8\u00a0шт", "1\u00a0шт"]);
    const difference = () => screen.getAllByTestId("inventory-line-difference").map((c) => c.textContent?.trim());
    expect(difference()).toEqual(["—", "—"]);
    await fireEvent.input(inputs("inventory-line-counted")[0]!, { target: { value: "6" } });
    await fireEvent.input(inputs("inventory-line-counted")[1]!, { target: { value: "1" } });
    expect(difference()).toEqual(["\u22122\u00a0шт", "нет"]);

    await fireEvent.keyDown(inputs("inventory-line-counted")[1]!, { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(onposted).toHaveBeenCalled());
    expect(backend.stock.inventory).toHaveBeenCalledWith({
      warehouseId: null,
      comment: "",
      lines: [
        { productId: OIL_FILTER.id, counted: "6" },
        { productId: AIR_FILTER.id, counted: "1" },
      ],
    });
  });
});

describe("DocumentsDialog", () => {
  const JOURNAL: StockDocSummary[] = [
    {
      id: "d2",
      kind: "sale",
      number: "ПР-26-00001",
      createdAt: "2026-11-27T09:00:00Z",
      warehouse: "Основной склад",
      counterparty: null,
      lines: 1,
      total: 130000,
    },
    {
      id: "d1",
      kind: "receipt",
      number: "ПН-26-00001",
      createdAt: "2026-11-26T09:00:00Z",
      warehouse: "Основной склад",
      counterparty: "ООО «Автодеталь»",
      lines: 2,
      total: 1200000,
    },
  ];

  it("lists documents by kind and opens one read-only", async () => {
    const backend = fakeBackend();
    backend.stock.documents.mockImplementation(async (kind) => JOURNAL.filter((d) => kind === null || d.kind === kind));
    backend.stock.document.mockResolvedValue(
      stockDocument({
        id: "d1",
        supplier: "ООО «Автодеталь»",
        invoiceNumber: "А-1024",
        invoiceDate: "2026-11-20",
        total: 1200000,
        lines: [
          { productId: OIL_FILTER.id, name: "Фильтр масляный", article: "OC 90", brand: "MAHLE", unit: "piece", quantity: 30000, price: 40000, amount: 1200000 },
        ],
      }),
    );
    render(DocumentsDialog, { props: { onclose: vi.fn() }, context: withBackend(backend) });
    await waitFor(() => expect(screen.getAllByTestId("documents-row")).toHaveLength(2));
    expect(backend.stock.documents).toHaveBeenCalledWith(null, 200);
    expect(screen.getAllByTestId("documents-row")[1]!.textContent).toContain("ООО «Автодеталь»");

    await fireEvent.click(screen.getByTestId("documents-filter-receipt"));
    await waitFor(() => expect(screen.getAllByTestId("documents-row")).toHaveLength(1));
    expect(backend.stock.documents).toHaveBeenLastCalledWith("receipt", 200);

    await fireEvent.click(screen.getByTestId("documents-open"));
    await waitFor(() => expect(screen.getByTestId("stock-document")).toBeTruthy());
    expect(backend.stock.document).toHaveBeenCalledWith("d1");
    expect(screen.getByTestId("stock-document-title").textContent).toBe("Приход ПН-26-00001");
    const view = screen.getByTestId("stock-document").textContent!;
    expect(view).toContain("№ А-1024 от 20.11.2026");
    expect(screen.getByTestId("stock-document-line").textContent).toContain("30\u00a0шт");
    expect(screen.getByTestId("stock-document-total").textContent).toBe("Итого: 12\u00a0000,00\u00a0₽");

    await fireEvent.keyDown(screen.getByTestId("documents-dialog"), { key: "Escape" });
    await waitFor(() => expect(screen.getAllByTestId("documents-row")).toHaveLength(1));
  });

  it("prints and saves the товарный чек of a sale, and only of a sale", async () => {
    const backend = fakeBackend();
    const SALE_DOC = "01938f00-0000-7000-8000-000000000202";
    backend.stock.documents.mockResolvedValue([
      { id: SALE_DOC, kind: "sale", number: "ПР-26-00001", createdAt: "2026-11-27T09:00:00Z", warehouse: "Основной склад", counterparty: null, lines: 1, total: 130000 },
    ]);
    backend.stock.document.mockResolvedValue(stockDocument({ id: SALE_DOC, kind: "sale", number: "ПР-26-00001", total: 130000 }));
    render(DocumentsDialog, { props: { onclose: vi.fn() }, context: withBackend(backend) });
    await waitFor(() => expect(screen.getAllByTestId("documents-row")).toHaveLength(1));
    await fireEvent.click(screen.getByTestId("documents-open"));
    await screen.findByTestId("stock-document");

    await fireEvent.click(screen.getByTestId("stock-document-receipt-print"));
    await waitFor(() => expect(backend.stock.printSaleReceipt).toHaveBeenCalledWith(SALE_DOC));
    expect((await screen.findByTestId("stock-document-receipt-notice")).textContent).toContain("открыт");

    backend.stock.printSaleReceipt.mockResolvedValueOnce({ path: "/tmp/remzona-print/Товарный чек ПР-26-00001.pdf", opened: false, error: null });
    await fireEvent.click(screen.getByTestId("stock-document-receipt-print"));
    await waitFor(() =>
      expect(screen.getByTestId("stock-document-receipt-notice").textContent).toContain("Файл сохранён: /tmp/remzona-print/Товарный чек ПР-26-00001.pdf"),
    );

    backend.stock.printSaleReceipt.mockRejectedValueOnce(failure("document"));
    await fireEvent.click(screen.getByTestId("stock-document-receipt-print"));
    await waitFor(() => expect(screen.getByTestId("stock-document-receipt-notice").getAttribute("role")).toBe("alert"));

    await fireEvent.click(screen.getByTestId("stock-document-receipt-save"));
    await waitFor(() => expect(files.pickPdfPath).toHaveBeenCalledWith("Товарный чек ПР-26-00001.pdf"));
    expect(backend.stock.saveSaleReceipt).not.toHaveBeenCalled(); // cancelled

    files.pickPdfPath.mockResolvedValueOnce("/home/desk/чек.pdf");
    await fireEvent.click(screen.getByTestId("stock-document-receipt-save"));
    await waitFor(() => expect(backend.stock.saveSaleReceipt).toHaveBeenCalledWith(SALE_DOC, "/home/desk/чек.pdf"));
    expect((await screen.findByTestId("stock-document-receipt-notice")).textContent).toContain("Сохранено: /home/desk/чек.pdf");
  });

  it("offers no товарный чек for other documents", async () => {
    const backend = fakeBackend();
    backend.stock.documents.mockResolvedValue(JOURNAL);
    backend.stock.document.mockResolvedValue(stockDocument({ id: "d1" }));
    render(DocumentsDialog, { props: { onclose: vi.fn() }, context: withBackend(backend) });
    await waitFor(() => expect(screen.getAllByTestId("documents-row").length).toBeGreaterThan(0));
    await fireEvent.click(screen.getAllByTestId("documents-open")[0]!);
    await screen.findByTestId("stock-document");
    expect(screen.queryByTestId("stock-document-receipt-print")).toBeNull();
  });
});
