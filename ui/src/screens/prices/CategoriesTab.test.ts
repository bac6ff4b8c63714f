import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import { SERVICE_CATEGORIES } from "../../test/fakePrices";
import CategoriesTab from "./CategoriesTab.svelte";

const nbsp = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim();

function setup() {
  const backend = fakeBackend();
  const onchanged = vi.fn(async () => {});
  render(CategoriesTab, { props: { categories: SERVICE_CATEGORIES, shopRate: 250000, onchanged }, context: withBackend(backend) });
  return { backend, onchanged };
}

const rows = () => screen.getAllByTestId("category-row");
const within = (row: HTMLElement, testid: string) => row.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!;

describe("CategoriesTab", () => {
  it("shows each category's own rate or the shop's", () => {
    setup();
    expect(rows()).toHaveLength(4);
    expect(nbsp(within(rows()[0]!, "category-rate").textContent)).toBe("по ставке мастерской (2 500 ₽/ч)");
    expect(nbsp(within(rows()[2]!, "category-rate").textContent)).toBe("3 000 ₽/ч");
    expect(rows()[3]!.textContent).toContain("в архиве");
    expect(within(rows()[3]!, "category-archive").textContent).toContain("Вернуть из архива");
  });

  it("adds a category with its own rate", async () => {
    const { backend, onchanged } = setup();
    await fireEvent.input(screen.getByTestId("category-add-name"), { target: { value: "Шиномонтаж" } });
    await fireEvent.input(screen.getByTestId("category-add-rate"), { target: { value: "2 000" } });
    await fireEvent.keyDown(screen.getByTestId("category-add-rate"), { key: "Enter" });
    await waitFor(() => expect(onchanged).toHaveBeenCalled());
    expect(backend.prices.saveCategory).toHaveBeenCalledWith(null, { name: "Шиномонтаж", hourlyRate: "2 000" });
    await waitFor(() => expect((screen.getByTestId("category-add-name") as HTMLInputElement).value).toBe(""));
    expect(document.activeElement).toBe(screen.getByTestId("category-add-name"));
  });

  it("changes the rate in place and shows why it was refused", async () => {
    const { backend, onchanged } = setup();
    await fireEvent.click(within(rows()[2]!, "category-edit"));
    const name = screen.getByTestId("category-edit-name") as HTMLInputElement;
    expect(document.activeElement).toBe(name);
    const rate = screen.getByTestId("category-edit-rate") as HTMLInputElement;
    expect(rate.value).toBe("3000");
    backend.prices.saveCategory.mockRejectedValueOnce(
      failure("validation", { issues: [{ field: "hourlyRate", issue: "number_invalid", max: null, detail: null }] }),
    );
    await fireEvent.input(rate, { target: { value: "три" } });
    await fireEvent.keyDown(rate, { key: "Enter" });
    expect((await screen.findByTestId("category-edit-error")).textContent).toBe("Введите число, например 1 234,50");
    expect(rate.getAttribute("aria-invalid")).toBe("true");

    await fireEvent.input(rate, { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("category-edit-save"));
    await waitFor(() => expect(screen.queryByTestId("category-edit-name")).toBeNull());
    expect(backend.prices.saveCategory).toHaveBeenLastCalledWith(3, { name: "Электрика", hourlyRate: "" });
    expect(onchanged).toHaveBeenCalled();
  });

  it("archives and restores", async () => {
    const { backend } = setup();
    await fireEvent.click(within(rows()[0]!, "category-archive"));
    await waitFor(() => expect(backend.prices.archiveCategory).toHaveBeenCalledWith(1, true));
    await fireEvent.click(within(rows()[3]!, "category-archive"));
    await waitFor(() => expect(backend.prices.archiveCategory).toHaveBeenLastCalledWith(4, false));
  });
});
