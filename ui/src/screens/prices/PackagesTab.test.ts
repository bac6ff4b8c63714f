import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { fakeBackend, withBackend } from "../../test/fakeBackend";
import { SERVICES, pkg } from "../../test/fakePrices";
import PackagesTab from "./PackagesTab.svelte";

const nbsp = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim();

const TO1 = pkg();
const TO2 = pkg({
  id: "01938f00-0000-7000-8000-000000000602",
  code: "ТО-2",
  name: "ТО-2: расширенное",
  services: [SERVICES[0]!, SERVICES[1]!, SERVICES[2]!],
});

function setup() {
  const backend = fakeBackend();
  backend.prices.packages.mockResolvedValue([TO1, TO2]);
  render(PackagesTab, { context: withBackend(backend) });
  return backend;
}

const rows = () => screen.queryAllByTestId("package-row");
const filter = () => screen.getByTestId("packages-search") as HTMLInputElement;

describe("PackagesTab", () => {
  it("lists packages with their counts, price and duration", async () => {
    setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.getByTestId("packages-count").textContent).toBe("Всего: 2 пакета");
    const cells = [...rows()[1]!.querySelectorAll("td")].map((td) => nbsp(td.textContent));
    expect(cells).toEqual(["ТО-2", "ТО-2: расширенное", "3", "1", "4 150 ₽", "1 ч 45 мин"]);
  });

  it("filters by code or name and opens with Enter", async () => {
    setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(document.activeElement).toBe(filter());
    await fireEvent.input(filter(), { target: { value: "расш" } });
    expect(rows()).toHaveLength(1);
    expect(screen.getByTestId("packages-count").textContent).toBe("Найдено: 1 пакет");
    await fireEvent.keyDown(filter(), { key: "Enter" });
    expect((await screen.findByTestId("package-form")).textContent).toContain("Пакет работ");
    expect((screen.getByTestId("package-code") as HTMLInputElement).value).toBe("ТО-2");
  });

  it("says what a package is when there are none", async () => {
    const backend = fakeBackend();
    render(PackagesTab, { context: withBackend(backend) });
    expect((await screen.findByTestId("packages-empty")).textContent).toContain("Пакетов пока нет");
    await fireEvent.keyDown(window, { key: "n", code: "KeyN", ctrlKey: true });
    expect((await screen.findByTestId("package-form")).textContent).toContain("Новый пакет");
  });
});
