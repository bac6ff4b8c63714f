import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import StockRules from "./StockRules.svelte";

function setup(allowNegativeStock = false) {
  const backend = fakeBackend();
  backend.stock.settings.mockResolvedValue({ allowNegativeStock });
  render(StockRules, { context: withBackend(backend) });
  return backend;
}

const box = () => screen.getByTestId("stock-allow-negative") as HTMLInputElement;

describe("StockRules", () => {
  it("shows the setting with its explanation", async () => {
    setup(true);
    await waitFor(() => expect(box().checked).toBe(true));
    expect(screen.getByLabelText("Разрешить отрицательные остатки")).toBe(box());
    expect(document.getElementById(box().getAttribute("aria-describedby")!)!.textContent).toContain("до оформления прихода");
  });

  it("saves as soon as the box is ticked", async () => {
    const backend = setup();
    await waitFor(() => expect(box().checked).toBe(false));
    await fireEvent.click(box());
    await waitFor(() => expect(backend.stock.setSettings).toHaveBeenCalledWith({ allowNegativeStock: true }));
    expect(await screen.findByTestId("stock-rules-saved")).toBeTruthy();
    expect(box().checked).toBe(true);
  });

  it("puts the box back when saving fails", async () => {
    const backend = setup();
    await waitFor(() => expect(box().checked).toBe(false));
    backend.stock.setSettings.mockRejectedValueOnce(failure("database"));
    await fireEvent.click(box());
    expect((await screen.findByTestId("stock-rules-error")).textContent).toContain("Ошибка базы данных");
    expect(box().checked).toBe(false);
  });
});
