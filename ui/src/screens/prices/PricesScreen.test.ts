import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Service } from "../../lib/api/client";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import { SERVICES, searchServices } from "../../test/fakePrices";
import PricesScreen from "./PricesScreen.svelte";

const nbsp = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim();

function setup(list: readonly Service[] = SERVICES) {
  const backend = fakeBackend();
  backend.prices.search.mockImplementation(searchServices(list));
  render(PricesScreen, { context: withBackend(backend) });
  return backend;
}

const rows = () => screen.queryAllByTestId("service-row");
const search = () => screen.getByTestId("prices-search") as HTMLInputElement;
const cell = (row: HTMLElement, index: number) => nbsp(row.querySelectorAll("td")[index]?.textContent);

describe("PricesScreen: services", () => {
  it("lists the price list with hours, prices, durations and skills", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(backend.prices.search).toHaveBeenCalledWith({ query: "", categoryId: null, includeArchived: false, limit: 500 });
    expect(document.activeElement).toBe(search());
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Прайс-лист работ");
    expect(screen.getByTestId("prices-count").textContent).toBe("Всего: 4 работы");

    const oil = rows()[0]!;
    expect(cell(oil, 0)).toBe("ТО-01");
    expect(cell(oil, 2)).toBe("0,5 н/ч");
    expect(cell(oil, 3)).toBe("1 250 ₽ по ставке 2 500 ₽/ч");
    expect(cell(oil, 4)).toBe("30 мин");
    expect(cell(oil, 5)).toBe("");
    const diagnostics = rows()[2]!;
    expect(cell(diagnostics, 3)).toBe("1 500 ₽ фикс.");
    const generator = rows()[3]!;
    expect(cell(generator, 3)).toBe("4 500 ₽ по ставке 3 000 ₽/ч");
    expect(cell(generator, 4)).toBe("1 ч 30 мин");
    // Its own category sits under the name; the column adds what else a mechanic needs.
    expect(cell(generator, 1)).toContain("Электрика");
    expect(cell(generator, 5)).toBe("Техническое обслуживание");
  });

  it("shows the categories with their rates and filters by one", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(4));
    const filters = screen.getAllByTestId("prices-category");
    // The archived category only shows with the archive.
    expect(filters.map((f) => nbsp(f.textContent))).toEqual([
      "Диагностика 2 500 ₽/ч",
      "Техническое обслуживание 2 500 ₽/ч",
      "Электрика 3 000 ₽/ч",
    ]);
    await fireEvent.click(filters[2]!);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(backend.prices.search).toHaveBeenLastCalledWith(expect.objectContaining({ categoryId: 3 }));
    expect(filters[2]!.getAttribute("aria-pressed")).toBe("true");
    await fireEvent.click(screen.getByTestId("prices-category-all"));
    await waitFor(() => expect(rows()).toHaveLength(4));
  });

  it("debounces the search and finds by a code or words of the name", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(4));
    const before = backend.prices.search.mock.calls.length;
    await fireEvent.input(search(), { target: { value: "зам" } });
    await fireEvent.input(search(), { target: { value: "зам фил" } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(backend.prices.search.mock.calls.length).toBe(before + 1);
    expect(backend.prices.search).toHaveBeenLastCalledWith(expect.objectContaining({ query: "зам фил" }));
    expect(screen.getByTestId("prices-count").textContent).toBe("Найдено: 1 работа");

    await fireEvent.input(search(), { target: { value: "дг-0" } });
    await waitFor(() => expect(rows()[0]?.dataset.id).toBe(SERVICES[2]!.id));
  });

  it("offers to add a service that is not found, with the typed name", async () => {
    setup();
    await waitFor(() => expect(rows()).toHaveLength(4));
    await fireEvent.input(search(), { target: { value: "развал схождение" } });
    const empty = await screen.findByTestId("prices-empty");
    expect(empty.textContent).toContain("По запросу «развал схождение» работ не найдено");
    await fireEvent.click(screen.getByTestId("prices-add-query"));
    expect((screen.getByTestId("service-name") as HTMLInputElement).value).toBe("развал схождение");
  });

  it("says when the price list or a category is empty", async () => {
    setup([]);
    expect((await screen.findByTestId("prices-empty")).textContent).toContain("В прайс-листе пока нет работ");
    await fireEvent.click(screen.getAllByTestId("prices-category")[0]!);
    await waitFor(() => expect(screen.getByTestId("prices-empty").textContent).toContain("В категории «Диагностика» пока нет работ"));
  });

  it("shows the archive on request", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(4));
    await fireEvent.click(screen.getByTestId("prices-show-archived"));
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(backend.prices.search).toHaveBeenLastCalledWith(expect.objectContaining({ includeArchived: true }));
    expect(rows()[4]!.querySelector('[data-testid="service-archived"]')).not.toBeNull();
    expect(screen.getAllByTestId("prices-category")).toHaveLength(4);
  });

  it("moves with the arrows and opens with Enter; Ctrl+N makes a new one", async () => {
    setup();
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(rows()[0]!.getAttribute("aria-selected")).toBe("true");
    await fireEvent.keyDown(search(), { key: "ArrowDown" });
    await fireEvent.keyDown(search(), { key: "ArrowDown" });
    expect(rows()[2]!.getAttribute("aria-selected")).toBe("true");
    await fireEvent.keyDown(search(), { key: "Enter" });
    const form = await screen.findByTestId("service-form");
    expect(form.textContent).toContain("Работа прайс-листа");
    expect((screen.getByTestId("service-code") as HTMLInputElement).value).toBe("ДГ-01");
    expect((screen.getByTestId("service-price") as HTMLInputElement).value).toBe("1500");
    await fireEvent.keyDown(screen.getByTestId("service-code"), { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("service-form")).toBeNull());

    await fireEvent.keyDown(window, { key: "n", code: "KeyN", ctrlKey: true });
    expect((await screen.findByTestId("service-form")).textContent).toContain("Новая работа");
  });

  it("opens a service by its name button and refreshes the list after saving", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(4));
    await fireEvent.click(rows()[1]!.querySelector<HTMLElement>('[data-testid="service-open"]')!);
    await fireEvent.input(screen.getByTestId("service-name"), { target: { value: "Замена воздушного фильтра двигателя" } });
    await fireEvent.click(screen.getByTestId("service-save"));
    await waitFor(() => expect(screen.queryByTestId("service-form")).toBeNull());
    expect(backend.prices.update).toHaveBeenCalledWith(SERVICES[1]!.id, expect.objectContaining({ name: "Замена воздушного фильтра двигателя" }));
    await waitFor(() => expect(rows()[1]!.classList.contains("saved")).toBe(true));
  });
});

describe("PricesScreen: hourly rate", () => {
  it("changes the shop's rate in place", async () => {
    const backend = setup();
    await waitFor(() => expect(nbsp(screen.getByTestId("hourly-rate-value").textContent)).toBe("2 500 ₽/ч"));
    backend.prices.setHourlyRate.mockResolvedValueOnce({ hourlyRate: 280000 });
    await fireEvent.click(screen.getByTestId("hourly-rate-edit"));
    const input = screen.getByTestId("hourly-rate-input") as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe("2500");
    await fireEvent.input(input, { target: { value: "2 800" } });
    await fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() => expect(nbsp(screen.getByTestId("hourly-rate-value").textContent)).toBe("2 800 ₽/ч"));
    expect(backend.prices.setHourlyRate).toHaveBeenCalledWith("2 800");
  });

  it("shows why a rate was refused and cancels with Esc", async () => {
    const backend = setup();
    await waitFor(() => expect(nbsp(screen.getByTestId("hourly-rate-value").textContent)).toBe("2 500 ₽/ч"));
    backend.prices.setHourlyRate.mockRejectedValueOnce(
      failure("validation", { issues: [{ field: "hourlyRate", issue: "number_invalid", max: null, detail: null }] }),
    );
    await fireEvent.click(screen.getByTestId("hourly-rate-edit"));
    const input = screen.getByTestId("hourly-rate-input");
    await fireEvent.input(input, { target: { value: "две тысячи" } });
    await fireEvent.click(screen.getByTestId("hourly-rate-save"));
    expect((await screen.findByTestId("error-hourlyRate")).textContent).toBe("Введите число, например 1 234,50");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    await fireEvent.keyDown(input, { key: "Escape" });
    expect(screen.queryByTestId("hourly-rate-input")).toBeNull();
    expect(nbsp(screen.getByTestId("hourly-rate-value").textContent)).toBe("2 500 ₽/ч");
  });
});

describe("PricesScreen: tabs", () => {
  it("switches between services, packages and categories", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(screen.getByTestId("prices-tab-services-label").textContent).toContain("Работы");
    await fireEvent.click(screen.getByTestId("prices-tab-packages"));
    expect(await screen.findByTestId("packages-empty")).toBeTruthy();
    expect(backend.prices.packages).toHaveBeenCalledWith(false);
    await fireEvent.click(screen.getByTestId("prices-tab-categories"));
    await waitFor(() => expect(screen.getAllByTestId("category-row")).toHaveLength(4));
    expect(screen.queryByTestId("prices-search")).toBeNull();
  });
});
