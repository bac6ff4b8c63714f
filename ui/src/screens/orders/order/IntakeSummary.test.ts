import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { fakeBackend, withBackend } from "../../../test/fakeBackend";
import { ORDER_ID, orderView } from "../../../test/fakeOrders";
import { closeIntake, windows } from "../hosts.svelte";
import IntakeSummary from "./IntakeSummary.svelte";

const text = (el: Element | null) => (el?.textContent ?? "").replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim();

function mount(order = orderView(), editable = true, backend = fakeBackend()) {
  render(IntakeSummary, { props: { order, editable }, context: withBackend(backend) });
  return backend;
}

describe("IntakeSummary", () => {
  afterEach(() => closeIntake());

  it("shows what was recorded at the intake", () => {
    mount();
    expect(text(screen.getByTestId("order-intake-odometer"))).toBe("84 500 км");
    expect(text(screen.getByTestId("order-intake-fuel"))).toBe("½ бака");
    expect(text(screen.getByTestId("order-intake-damage"))).toBe("2 отметки на схеме");
    expect(text(screen.getByTestId("order-intake-complaints"))).toBe("Стук спереди справа на неровностях");
    expect(text(screen.getByTestId("order-intake-belongings"))).toBe("Детское кресло");
    expect(screen.queryByTestId("order-intake-photos")).toBeNull();
  });

  it("opens the intake window for the order with «Изменить приёмку»", async () => {
    mount();
    const edit = screen.getByTestId("order-intake-edit");
    expect(text(edit)).toBe("Изменить приёмку");
    await fireEvent.click(edit);
    expect(windows.intake).toEqual({ kind: "order", order: ORDER_ID });
  });

  it("offers no «Изменить приёмку» for an order that cannot be edited", () => {
    mount(orderView({ status: "issued", actions: ["reopen"] }), false);
    expect(screen.queryByTestId("order-intake-edit")).toBeNull();
  });

  it("shows the intake's photos as thumbnails, the file name while one cannot be read", async () => {
    const backend = fakeBackend();
    backend.orders.image.mockImplementation(async (name: string) => {
      if (name === "photos/b.jpg") throw new Error("gone");
      return `data:image/png;base64,${name}`;
    });
    mount(orderView({ intake: { ...orderView().intake, photos: ["photos/a.jpg", "photos/b.jpg"] } }), true, backend);
    await waitFor(() => expect(screen.getByTestId("order-intake-photo-0").querySelector("img")).toBeTruthy());
    const img = screen.getByTestId("order-intake-photo-0").querySelector("img")!;
    expect(img.getAttribute("src")).toBe("data:image/png;base64,photos/a.jpg");
    expect(img.getAttribute("alt")).toBe("Фото 1 приёмки");
    expect(backend.orders.image).toHaveBeenCalledWith("photos/b.jpg");
    expect(text(screen.getByTestId("order-intake-photo-1"))).toBe("b.jpg");
    expect(backend.orders.image).toHaveBeenCalledTimes(2);
  });
});
