import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { fakeBackend, withBackend } from "../../../test/fakeBackend";
import { ORDER_ID, orderView } from "../../../test/fakeOrders";
import { details } from "../../../test/fakeSchedule";
import { closeIntake, closeOrder, openIntake, openOrder, windows } from "../hosts.svelte";
import OrderHost from "../order/OrderHost.svelte";
import IntakeHost from "./IntakeHost.svelte";

describe("IntakeHost", () => {
  afterEach(() => {
    closeIntake();
    closeOrder();
  });

  it("shows the intake while one is asked for and opens the order it made", async () => {
    const backend = fakeBackend();
    render(IntakeHost, { context: withBackend(backend) });
    expect(screen.queryByTestId("intake-window")).toBeNull();

    openIntake({ kind: "appointment", appointment: details().appointment.id });
    await waitFor(() => expect(screen.getByTestId("intake-odometer")).toBeTruthy());
    const revision = windows.revision;
    await fireEvent.click(screen.getByTestId("intake-submit"));
    await waitFor(() => expect(windows.order).toBe(ORDER_ID));
    expect(windows.intake).toBeNull();
    expect(windows.revision).toBe(revision + 1);
    await waitFor(() => expect(screen.queryByTestId("intake-window")).toBeNull());
  });

  it("closes on «Отмена» without opening anything", async () => {
    render(IntakeHost, { context: withBackend(fakeBackend()) });
    openIntake({ kind: "walk_in", client: "c1", vehicle: "v1" });
    await waitFor(() => expect(screen.getByTestId("intake-odometer")).toBeTruthy());
    await fireEvent.click(screen.getByTestId("intake-cancel"));
    expect(windows.intake).toBeNull();
    expect(windows.order).toBeNull();
  });

  describe("«Изменить приёмку» over the order window", () => {
    /** Both hosts in App's order: the order's first, the intake's after it. */
    async function openOrderWindow() {
      const backend = fakeBackend();
      const context = withBackend(backend);
      render(OrderHost, { context });
      render(IntakeHost, { context });
      openOrder(ORDER_ID);
      await waitFor(() => expect(screen.getByTestId("order-intake-edit")).toBeTruthy());
      // A click focuses the button in a browser (jsdom doesn't).
      screen.getByTestId("order-intake-edit").focus();
      await fireEvent.click(screen.getByTestId("order-intake-edit"));
      await waitFor(() => expect((screen.getByTestId("intake-odometer") as HTMLInputElement).value).toBe("84500"));
      return backend;
    }

    it("opens the intake above the order window; Esc closes only the intake", async () => {
      await openOrderWindow();
      expect(windows.intake).toEqual({ kind: "order", order: ORDER_ID });
      const order = screen.getByTestId("order-window");
      const intake = screen.getByTestId("intake-window");
      // Later in the document and on a higher layer: drawn on top.
      expect(order.compareDocumentPosition(intake) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(intake.contains(document.activeElement)).toBe(true);

      await fireEvent.keyDown(document.activeElement!, { key: "Escape" });
      await waitFor(() => expect(screen.queryByTestId("intake-window")).toBeNull());
      expect(windows.intake).toBeNull();
      expect(windows.order).toBe(ORDER_ID);
      expect(screen.getByTestId("order-window")).toBeTruthy();
      // The focus is back on the button that opened it.
      await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("order-intake-edit")));
    });

    it("saves, closes the intake and shows the order read again", async () => {
      const backend = await openOrderWindow();
      const reads = backend.orders.get.mock.calls.length;
      const revision = windows.revision;
      const corrected = orderView({ intake: { ...orderView().intake, odometerKm: 85400 } });
      backend.orders.updateIntake.mockResolvedValueOnce(corrected);
      backend.orders.get.mockResolvedValue(corrected);

      await fireEvent.input(screen.getByTestId("intake-odometer"), { target: { value: "85400" } });
      await fireEvent.click(screen.getByTestId("intake-submit"));
      await waitFor(() => expect(screen.queryByTestId("intake-window")).toBeNull());
      expect(backend.orders.updateIntake).toHaveBeenCalledWith(ORDER_ID, expect.objectContaining({ odometer: "85400" }));
      expect(windows.revision).toBe(revision + 1);
      expect(windows.order).toBe(ORDER_ID);
      await waitFor(() => expect(backend.orders.get.mock.calls.length).toBe(reads + 1));
      await waitFor(() => expect(screen.getByTestId("order-intake-odometer").textContent?.replace(/\s/g, "")).toBe("85400км"));
    });
  });
});
