import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { ProductSearch } from "../../../lib/api/client";
import { client, failure, fakeBackend, listItem, withBackend } from "../../../test/fakeBackend";
import { AIR_FILTER, MOTOR_OIL, OIL_FILTER, PRODUCTS, issue, sale } from "../../../test/fakeProducts";
import SaleDialog from "./SaleDialog.svelte";
import { inputs, pickProduct } from "./testing";

function setup(props: Record<string, unknown> = {}) {
  const backend = fakeBackend();
  backend.products.search.mockImplementation(async (s: ProductSearch) =>
    PRODUCTS.filter((p) => p.name.toLowerCase().includes(s.query.toLowerCase())),
  );
  const callbacks = { onposted: vi.fn(), onclose: vi.fn() };
  render(SaleDialog, { props: { ...callbacks, ...props }, context: withBackend(backend) });
  return { backend, ...callbacks };
}

const total = () => screen.getByTestId("sale-total").textContent;

describe("SaleDialog", () => {
  it("sells to an anonymous buyer at the sale price with a discount per line", async () => {
    const sold = sale({ total: 130000 });
    const { backend, onposted } = setup();
    backend.stock.sell.mockResolvedValue(sold);
    expect(screen.getByTestId("sale-buyer-none").textContent).toBe("Покупатель не указан");
    expect((screen.getByTestId("sale-payment-cash") as HTMLInputElement).checked).toBe(true);

    await pickProduct("sale-picker", "фильтр масл", OIL_FILTER.id);
    expect(inputs("sale-line-price")[0]!.value).toBe("650");
    await fireEvent.input(inputs("sale-line-quantity")[0]!, { target: { value: "2" } });
    expect(screen.getByTestId("sale-line-amount").textContent).toBe("1\u00a0300,00\u00a0₽");
    await pickProduct("sale-picker", "масло", MOTOR_OIL.id);
    await fireEvent.input(inputs("sale-line-quantity")[1]!, { target: { value: "1,5" } });
    await fireEvent.input(screen.getAllByTestId("sale-line-discount")[1]!, { target: { value: "10" } });
    expect(total()).toBe("К оплате: 2\u00a0177,50\u00a0₽");

    await fireEvent.click(screen.getByTestId("sale-payment-card"));
    await fireEvent.click(screen.getByTestId("sale-save"));
    await waitFor(() => expect(onposted).toHaveBeenCalledWith(sold));
    expect(backend.stock.sell).toHaveBeenCalledWith({
      clientId: null,
      warehouseId: null,
      paymentMethod: "card",
      comment: "",
      lines: [
        { productId: OIL_FILTER.id, quantity: "2", price: "650", discountPercent: "" },
        { productId: MOTOR_OIL.id, quantity: "1,5", price: "650", discountPercent: "10" },
      ],
    });
  });

  it("says how much is on hand when there is not enough", async () => {
    const { backend, onposted } = setup({ initial: AIR_FILTER });
    backend.stock.sell.mockRejectedValue(failure("validation", { issues: [issue("lines.0.quantity", "not_enough_stock", "1")] }));
    await fireEvent.input(inputs("sale-line-quantity")[0]!, { target: { value: "3" } });
    await fireEvent.keyDown(inputs("sale-line-quantity")[0]!, { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId("error-lines.0.quantity").textContent).toBe("Столько нет на складе: в наличии 1\u00a0шт"));
    expect(document.activeElement).toBe(inputs("sale-line-quantity")[0]);
    expect(onposted).not.toHaveBeenCalled();
  });

  it("shows issues of the price, the discount and the product under their line", async () => {
    const { backend } = setup({ initial: OIL_FILTER });
    backend.stock.sell.mockRejectedValue(
      failure("validation", {
        issues: [issue("lines.0.discountPercent", "out_of_range"), issue("lines.0.productId", "unavailable"), issue("clientId", "unavailable")],
      }),
    );
    await fireEvent.click(screen.getByTestId("sale-save"));
    await waitFor(() => expect(screen.getByTestId("error-lines.0.discountPercent")).toBeTruthy());
    expect(screen.getByTestId("error-lines.0.productId").textContent).toBe("Эта позиция в архиве или удалена — выберите другую");
    // A field the window has no place for goes to the banner.
    expect(screen.getByTestId("sale-error").textContent).toContain("Эта позиция в архиве или удалена");
  });

  it("sells to a client picked from the client list, with the client's discount in the preview", async () => {
    const { backend } = setup();
    backend.clients.search.mockResolvedValue({ items: [listItem({ id: "c5", displayName: "Петров Пётр" })], total: 1 });
    backend.clients.get.mockResolvedValue(client({ id: "c5", discountPercent: 5 }));
    await fireEvent.input(screen.getByTestId("client-picker-input"), { target: { value: "петров" } });
    await fireEvent.click(await screen.findByTestId("client-picker-option"));
    await waitFor(() => expect(screen.getByTestId("sale-buyer-name").textContent).toBe("Петров Пётр"));
    await waitFor(() => expect(screen.getByTestId("sale-buyer").textContent).toContain("скидка клиента 5\u00a0%"));

    await pickProduct("sale-picker", "фильтр масл", OIL_FILTER.id);
    expect(total()).toBe("К оплате: 617,50\u00a0₽");
    await fireEvent.click(screen.getByTestId("sale-save"));
    await waitFor(() => expect(backend.stock.sell).toHaveBeenCalled());
    expect(backend.stock.sell.mock.calls[0]![0]).toMatchObject({ clientId: "c5" });

    await fireEvent.click(screen.getByTestId("sale-buyer-clear"));
    expect(screen.getByTestId("sale-buyer-none")).toBeTruthy();
  });
});
