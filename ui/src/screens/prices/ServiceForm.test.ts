import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { FieldIssue, Service } from "../../lib/api/client";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import { SERVICES } from "../../test/fakePrices";
import { emptyService } from "./draft";
import ServiceForm from "./ServiceForm.svelte";

const nbsp = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

function setup(props: { service?: Service; name?: string } = {}) {
  const backend = fakeBackend();
  const callbacks = { onsaved: vi.fn(), onclose: vi.fn(), onarchived: vi.fn() };
  render(ServiceForm, {
    props: { ...callbacks, service: props.service ?? null, initial: emptyService(props.name ?? "") },
    context: withBackend(backend),
  });
  return { backend, ...callbacks };
}

const byId = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const type = (id: string, value: string) => fireEvent.input(byId(id), { target: { value } });
const issue = (field: string, code: FieldIssue["issue"]): FieldIssue => ({ field, issue: code, max: null, detail: null });

async function loaded() {
  await waitFor(() => expect(screen.getAllByRole("option").length).toBeGreaterThan(1));
}

describe("ServiceForm", () => {
  it("on blur shows only the issues of fields already left", async () => {
    const { backend } = setup();
    await loaded();
    expect(document.activeElement).toBe(byId("service-code"));
    backend.prices.validate.mockResolvedValue([issue("code", "required"), issue("name", "required"), issue("categoryId", "required")]);
    await fireEvent.blur(byId("service-code"));
    await waitFor(() => expect(screen.getByTestId("error-code").textContent).toBe("Заполните это поле"));
    expect(screen.queryByTestId("error-name")).toBeNull();
    expect(byId("service-code").getAttribute("aria-invalid")).toBe("true");
    expect(byId("service-code").getAttribute("aria-describedby")).toBe("service-code-error");
  });

  it("shows every issue on save, focuses the first and saves nothing", async () => {
    const { backend, onsaved } = setup();
    await loaded();
    backend.prices.validate.mockResolvedValue([issue("standardHours", "number_invalid"), issue("name", "required")]);
    await type("service-hours", "полтора");
    await fireEvent.click(screen.getByTestId("service-save"));
    await waitFor(() => expect(screen.getByTestId("error-name")).toBeTruthy());
    expect(screen.getByTestId("error-standardHours").textContent).toBe("Введите число, например 1 234,50");
    await waitFor(() => expect(document.activeElement).toBe(byId("service-name")));
    expect(backend.prices.create).not.toHaveBeenCalled();
    expect(onsaved).not.toHaveBeenCalled();
  });

  it("sends the typed text and the chosen category and skills", async () => {
    const { backend, onsaved } = setup({ name: "Замена свечей зажигания" });
    await loaded();
    await type("service-code", "ДВ-12");
    await fireEvent.change(byId("service-category"), { target: { value: "2" } });
    await type("service-hours", "0,8");
    await fireEvent.click(screen.getByTestId("service-skill-3"));
    // The service's own category is not offered as an extra skill.
    expect(screen.queryByTestId("service-skill-2")).toBeNull();
    // Neither is an archived category.
    expect(screen.queryByTestId("service-skill-4")).toBeNull();
    await fireEvent.keyDown(byId("service-hours"), { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(backend.prices.create).toHaveBeenCalledWith({
      code: "ДВ-12",
      name: "Замена свечей зажигания",
      categoryId: 2,
      standardHours: "0,8",
      price: "",
      durationMinutes: "",
      extraSkills: [3],
      notes: "",
    });
  });

  it("previews the price by the rate of the category or the shop", async () => {
    setup();
    await loaded();
    await waitFor(() => expect(nbsp(screen.getByTestId("service-price-preview").textContent)).toBe("Пусто — цена по ставке 2 500 ₽/ч за нормо-час"));
    await type("service-hours", "1,5");
    expect(nbsp(screen.getByTestId("service-price-preview").textContent)).toBe("По ставке: 3 750 ₽ (1,5 н/ч × 2 500 ₽/ч)");
    await fireEvent.change(byId("service-category"), { target: { value: "3" } });
    expect(nbsp(screen.getByTestId("service-price-preview").textContent)).toBe("По ставке: 4 500 ₽ (1,5 н/ч × 3 000 ₽/ч)");
    await type("service-price", "4000");
    expect(screen.getByTestId("service-price-preview").textContent).toBe("Фиксированная цена: не зависит от ставки");
  });

  it("previews the duration from the hours, rounded up to 15 minutes", async () => {
    setup();
    await loaded();
    expect(screen.getByTestId("service-duration-preview").textContent).toBe("Пусто — по нормо-часам с округлением до 15 минут вверх");
    await type("service-hours", "1,1");
    expect(screen.getByTestId("service-duration-preview").textContent).toBe("По нормо-часам: 1 ч 15 мин");
    await type("service-duration", "100");
    expect(screen.getByTestId("service-duration-preview").textContent).toBe("В расписании: 1 ч 40 мин");
  });

  it("says a code is taken when the core refuses it", async () => {
    const { backend, onsaved } = setup({ name: "Замена масла" });
    await loaded();
    backend.prices.create.mockRejectedValueOnce(failure("validation", { issues: [issue("code", "taken")] }));
    await type("service-code", "ТО-01");
    await fireEvent.click(screen.getByTestId("service-save"));
    await waitFor(() => expect(screen.getByTestId("error-code").textContent).toBe("Такой код уже есть в прайс-листе — придумайте другой"));
    await waitFor(() => expect(document.activeElement).toBe(byId("service-code")));
    expect(onsaved).not.toHaveBeenCalled();
  });

  it("edits a service: keeps a fixed price, leaves a duration the hours give empty", async () => {
    const { backend, onsaved } = setup({ service: SERVICES[3]! });
    await loaded();
    expect(byId("service-hours").value).toBe("1,5");
    expect(byId("service-price").value).toBe("");
    expect(byId("service-duration").value).toBe("");
    expect((screen.getByTestId("service-skill-2") as HTMLInputElement).checked).toBe(true);
    await type("service-price", "5000");
    await fireEvent.keyDown(byId("service-price"), { key: "Enter" });
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(backend.prices.update).toHaveBeenCalledWith(SERVICES[3]!.id, expect.objectContaining({ price: "5000", extraSkills: [2] }));
  });

  it("asks before discarding changes on Esc", async () => {
    const { onclose } = setup();
    await loaded();
    await fireEvent.keyDown(byId("service-code"), { key: "Escape" });
    expect(onclose).toHaveBeenCalledTimes(1);
    onclose.mockClear();
    await type("service-code", "ТО-05");
    await fireEvent.keyDown(byId("service-code"), { key: "Escape" });
    expect(onclose).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("service-keep-editing")));
    await fireEvent.click(screen.getByTestId("service-keep-editing"));
    await fireEvent.keyDown(byId("service-code"), { key: "Escape" });
    await fireEvent.click(screen.getByTestId("service-discard"));
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it("archives and restores an existing service", async () => {
    const { backend, onarchived } = setup({ service: SERVICES[0]! });
    await loaded();
    expect(screen.getByTestId("service-archive").textContent).toContain("В архив");
    await fireEvent.click(screen.getByTestId("service-archive"));
    await waitFor(() => expect(onarchived).toHaveBeenCalledWith(expect.objectContaining({ id: SERVICES[0]!.id, archived: true })));
    expect(backend.prices.archive).toHaveBeenCalledWith(SERVICES[0]!.id, true);
  });

  it("offers restoring an archived one", async () => {
    const { backend } = setup({ service: SERVICES[4]! });
    await loaded();
    expect(screen.getByTestId("service-archived-note")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("service-archive"));
    await waitFor(() => expect(backend.prices.archive).toHaveBeenCalledWith(SERVICES[4]!.id, false));
  });
});
