import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { Service } from "../api/client";
import { fakeBackend, withBackend } from "../../test/fakeBackend";
import { SERVICES, searchServices } from "../../test/fakePrices";
import ServicePicker from "./ServicePicker.svelte";

function setup(list: readonly Service[] = SERVICES, props: { exclude?: string[] } = {}) {
  const backend = fakeBackend();
  backend.prices.search.mockImplementation(searchServices(list));
  const onpick = vi.fn();
  render(ServicePicker, { props: { onpick, testid: "picker", autofocus: true, ...props }, context: withBackend(backend) });
  const input = screen.getByTestId("picker") as HTMLInputElement;
  return { backend, onpick, input };
}

const key = (el: HTMLElement, k: string) => fireEvent.keyDown(el, { key: k });
const options = () => screen.queryAllByTestId("picker-option");
const nbsp = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

describe("ServicePicker", () => {
  it("is an ARIA combobox listing code, name, price and duration", async () => {
    const { backend, input } = setup();
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute("role")).toBe("combobox");
    expect(input.getAttribute("aria-expanded")).toBe("false");
    await fireEvent.input(input, { target: { value: "замена" } });
    await waitFor(() => expect(input.getAttribute("aria-expanded")).toBe("true"));
    expect(backend.prices.search).toHaveBeenCalledWith({ query: "замена", categoryId: null, includeArchived: false, limit: 12 });
    expect(options().map((o) => o.dataset.id)).toEqual([SERVICES[0]!.id, SERVICES[1]!.id, SERVICES[3]!.id]);
    const generator = nbsp(options()[2]!.textContent);
    expect(generator).toContain("ЭЛ-01");
    expect(generator).toContain("Замена генератора");
    expect(generator).toContain("1 ч 30 мин");
    expect(generator).toContain("4 500 ₽");
    expect(screen.getByTestId("picker-add").textContent).toContain("Добавить работу «замена»");
  });

  it("moves with the arrows, picks with Enter and clears for the next one", async () => {
    const { onpick, input } = setup();
    await fireEvent.input(input, { target: { value: "замена" } });
    await waitFor(() => expect(options()).toHaveLength(3));
    const active = () => document.getElementById(input.getAttribute("aria-activedescendant") ?? "")?.dataset.id;
    await key(input, "ArrowDown");
    expect(active()).toBe(SERVICES[0]!.id);
    await key(input, "ArrowDown");
    await key(input, "ArrowDown");
    await key(input, "ArrowUp");
    expect(active()).toBe(SERVICES[1]!.id);
    await key(input, "Enter");
    expect(onpick).toHaveBeenCalledWith(SERVICES[1]);
    expect(input.value).toBe("");
    expect(input.getAttribute("aria-expanded")).toBe("false");
  });

  it("takes the first answer when Enter comes right after typing", async () => {
    const { onpick, input } = setup();
    await fireEvent.input(input, { target: { value: "дг" } });
    await key(input, "Enter");
    await waitFor(() => expect(onpick).toHaveBeenCalledWith(SERVICES[2]));
  });

  it("leaves out excluded services", async () => {
    const { input } = setup(SERVICES, { exclude: [SERVICES[0]!.id] });
    await fireEvent.input(input, { target: { value: "замена" } });
    await waitFor(() => expect(options()).toHaveLength(2));
    expect(options().map((o) => o.dataset.id)).not.toContain(SERVICES[0]!.id);
  });

  it("Esc closes the list, then clears the text", async () => {
    const { input } = setup();
    await fireEvent.input(input, { target: { value: "замена" } });
    await waitFor(() => expect(input.getAttribute("aria-expanded")).toBe("true"));
    await key(input, "Escape");
    expect(input.getAttribute("aria-expanded")).toBe("false");
    expect(input.value).toBe("замена");
    await key(input, "Escape");
    expect(input.value).toBe("");
  });

  it("adds a service that is not in the price list and picks it", async () => {
    const { backend, onpick, input } = setup([]);
    await fireEvent.input(input, { target: { value: "Промывка инжектора" } });
    await waitFor(() => expect(screen.getByTestId("picker-add")).toBeTruthy());
    expect(screen.getByRole("listbox").parentElement!.textContent).toContain("Такой работы в прайс-листе нет");
    await key(input, "ArrowDown");
    await key(input, "Enter");
    await screen.findByTestId("service-form");
    expect((screen.getByTestId("service-name") as HTMLInputElement).value).toBe("Промывка инжектора");
    await waitFor(() => expect(screen.getAllByRole("option").length).toBeGreaterThan(1));
    await fireEvent.input(screen.getByTestId("service-code"), { target: { value: "ДВ-30" } });
    await fireEvent.change(screen.getByTestId("service-category"), { target: { value: "2" } });
    await fireEvent.input(screen.getByTestId("service-hours"), { target: { value: "1" } });
    await fireEvent.click(screen.getByTestId("service-save"));
    await waitFor(() => expect(onpick).toHaveBeenCalled());
    expect(backend.prices.create).toHaveBeenCalledWith(expect.objectContaining({ code: "ДВ-30", name: "Промывка инжектора", categoryId: 2 }));
    expect(onpick).toHaveBeenCalledWith(expect.objectContaining({ id: "new-service", name: "Промывка инжектора" }));
    expect(screen.queryByTestId("service-form")).toBeNull();
    expect(input.value).toBe("");
  });
});
