import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { ProductSearch } from "../../../lib/api/client";
import { failure, fakeBackend, withBackend } from "../../../test/fakeBackend";
import { AIR_FILTER, MOTOR_OIL, OIL_FILTER, PRODUCTS, SUPPLIERS, issue } from "../../../test/fakeProducts";
import ReceiptDialog from "./ReceiptDialog.svelte";
import { inputs, pickProduct } from "./testing";

function setup(props: Record<string, unknown> = {}) {
  const backend = fakeBackend();
  backend.products.search.mockImplementation(async (s: ProductSearch) =>
    PRODUCTS.filter((p) => p.name.toLowerCase().includes(s.query.toLowerCase())),
  );
  backend.products.suppliers.mockResolvedValue(SUPPLIERS);
  const callbacks = { onposted: vi.fn(), onclose: vi.fn() };
  render(ReceiptDialog, { props: { ...callbacks, ...props }, context: withBackend(backend) });
  return { backend, ...callbacks };
}

const total = () => screen.getByTestId("receipt-total").textContent;

describe("ReceiptDialog", () => {
  it("adds lines with the purchase price and previews amounts and the total", async () => {
    setup();
    expect(document.activeElement).toBe(screen.getByTestId("receipt-picker"));
    await pickProduct("receipt-picker", "фильтр", OIL_FILTER.id);
    expect(inputs("receipt-line-quantity").map((i) => i.value)).toEqual(["1"]);
    expect(inputs("receipt-line-price").map((i) => i.value)).toEqual(["400"]);
    await waitFor(() => expect(document.activeElement).toBe(inputs("receipt-line-quantity")[0]));
    expect((screen.getByTestId("receipt-picker") as HTMLInputElement).value).toBe("");

    await fireEvent.input(inputs("receipt-line-quantity")[0]!, { target: { value: "10" } });
    expect(screen.getByTestId("receipt-line-amount").textContent).toBe("4\u00a0000,00\u00a0₽");
    await pickProduct("receipt-picker", "масло", MOTOR_OIL.id);
    await fireEvent.input(inputs("receipt-line-quantity")[1]!, { target: { value: "2,5" } });
    expect(total()).toBe("Итого: 5\u00a0200,00\u00a0₽");
    await fireEvent.input(inputs("receipt-line-price")[1]!, { target: { value: "много" } });
    expect(total()).toBe("Итого: —");

    // The same product again goes to its line, not a new one.
    await pickProduct("receipt-picker", "фильтр масл", OIL_FILTER.id);
    expect(screen.getAllByTestId("receipt-line")).toHaveLength(2);
    await waitFor(() => expect(document.activeElement).toBe(inputs("receipt-line-quantity")[0]));
  });

  it("posts the receipt as typed", async () => {
    const { backend, onposted } = setup();
    await waitFor(() => expect(screen.getByTestId("receipt-supplier-id").querySelectorAll("option")).toHaveLength(3));
    await fireEvent.change(screen.getByTestId("receipt-supplier-id"), { target: { value: "1" } });
    await fireEvent.input(screen.getByTestId("receipt-invoice-number"), { target: { value: "А-1024" } });
    await fireEvent.input(screen.getByTestId("receipt-invoice-date"), { target: { value: "20.11.2026" } });
    await pickProduct("receipt-picker", "возд", AIR_FILTER.id);
    await fireEvent.input(inputs("receipt-line-quantity")[0]!, { target: { value: "4" } });
    await fireEvent.input(inputs("receipt-line-price")[0]!, { target: { value: "790,50" } });
    await fireEvent.keyDown(inputs("receipt-line-price")[0]!, { key: "Enter", ctrlKey: true });

    await waitFor(() => expect(onposted).toHaveBeenCalled());
    expect(backend.stock.receive).toHaveBeenCalledWith({
      warehouseId: null,
      supplierId: 1,
      invoiceNumber: "А-1024",
      invoiceDate: "20.11.2026",
      comment: "",
      lines: [{ productId: AIR_FILTER.id, quantity: "4", price: "790,50" }],
    });
  });

  it("shows the core's issues under the line fields", async () => {
    const { backend, onposted } = setup({ initial: OIL_FILTER });
    expect(inputs("receipt-line-quantity")).toHaveLength(1);
    backend.stock.receive.mockRejectedValue(
      failure("validation", {
        issues: [issue("lines.0.quantity", "fraction_not_allowed"), issue("lines.0.price", "number_invalid"), issue("invoiceDate", "date_invalid")],
      }),
    );
    await fireEvent.input(inputs("receipt-line-quantity")[0]!, { target: { value: "1,5" } });
    await fireEvent.click(screen.getByTestId("receipt-save"));
    await waitFor(() => expect(screen.getByTestId("error-lines.0.quantity").textContent).toBe("Этот товар считается целыми штуками — уберите дробную часть"));
    expect(screen.getByTestId("error-lines.0.price").textContent).toBe("Введите число, например 1 234,50");
    expect(screen.getByTestId("error-invoiceDate").textContent).toContain("Дата указана неверно");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("receipt-invoice-date")));
    expect(inputs("receipt-line-quantity")[0]!.getAttribute("aria-invalid")).toBe("true");
    expect(onposted).not.toHaveBeenCalled();

    // Typing again takes the message of that field away.
    await fireEvent.input(inputs("receipt-line-quantity")[0]!, { target: { value: "2" } });
    expect(screen.queryByTestId("error-lines.0.quantity")).toBeNull();
  });

  it("does not post an empty document and reports other failures in a banner", async () => {
    const { backend } = setup();
    await fireEvent.click(screen.getByTestId("receipt-save"));
    expect(screen.getByTestId("error-lines").textContent).toBe("Добавьте в документ хотя бы один товар");
    expect(backend.stock.receive).not.toHaveBeenCalled();

    backend.stock.receive.mockRejectedValue(failure("database"));
    await pickProduct("receipt-picker", "фильтр", OIL_FILTER.id);
    expect(screen.queryByTestId("error-lines")).toBeNull();
    await fireEvent.click(screen.getByTestId("receipt-save"));
    await waitFor(() => expect(screen.getByTestId("receipt-error").textContent).toContain("Ошибка базы данных"));
  });

  it("asks before throwing away a document with lines", async () => {
    const { onclose } = setup({ initial: OIL_FILTER });
    await fireEvent.keyDown(screen.getByTestId("receipt-dialog"), { key: "Escape" });
    expect(onclose).not.toHaveBeenCalled();
    expect(screen.getByRole("alert").textContent).toContain("Закрыть документ, не проводя его?");
    await fireEvent.click(screen.getByTestId("receipt-discard"));
    expect(onclose).toHaveBeenCalled();
  });
});
