import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { ClientListItem, ClientSearchResult } from "../api/client";
import { failure, fakeBackend, listItem, withBackend } from "../../test/fakeBackend";
import ClientPicker from "./ClientPicker.svelte";

const GRANTA = { id: "v1", plate: "А123ВС77", vin: "XTA219070K0123456", make: "LADA", model: "Granta", year: 2019 };
const RIO = { id: "v2", plate: "О777ОО777", vin: null, make: "Kia", model: "Rio", year: 2021 };
const IVANOV = listItem({ id: "c1", displayName: "Иванов Иван", vehicles: [GRANTA, RIO] });
const PETROV = listItem({ id: "c2", displayName: "Петров Пётр", primaryPhone: "+79001112233", vehicles: [GRANTA] });

function setup(found: (query: string) => ClientListItem[] = () => [], props: { exclude?: string } = {}) {
  const backend = fakeBackend();
  backend.clients.search.mockImplementation(async (query: string) => {
    const items = found(query);
    return { items, total: items.length };
  });
  const onpick = vi.fn();
  render(ClientPicker, { props: { onpick, label: "Клиент", autofocus: true, ...props }, context: withBackend(backend) });
  const input = screen.getByTestId("client-picker-input") as HTMLInputElement;
  return { backend, onpick, input };
}

const key = (el: HTMLElement, k: string) => fireEvent.keyDown(el, { key: k });
const options = () => screen.queryAllByRole("option");

describe("ClientPicker", () => {
  it("is an ARIA combobox that searches as the operator types", async () => {
    const { backend, input } = setup(() => [IVANOV, PETROV]);
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute("role")).toBe("combobox");
    expect(input.getAttribute("aria-expanded")).toBe("false");
    expect(screen.getByRole("combobox", { name: "Клиент" })).toBe(input);

    await fireEvent.input(input, { target: { value: "иван" } });
    await waitFor(() => expect(input.getAttribute("aria-expanded")).toBe("true"));
    expect(backend.clients.search).toHaveBeenCalledWith("иван", { limit: 10, includeArchived: false });
    const listbox = screen.getByRole("listbox");
    expect(input.getAttribute("aria-controls")).toBe(listbox.id);
    // Иванов, his two cars, Петров (his only car on his line), «Добавить…».
    expect(options().map((o) => o.dataset.testid)).toEqual([
      "client-picker-option",
      "client-picker-vehicle",
      "client-picker-vehicle",
      "client-picker-option",
      "client-picker-add",
    ]);
    expect(options()[3]!.textContent).toContain("+7 900 111-22-33");
    expect(options()[3]!.textContent).toContain("А 123 ВС 77");
    expect(options()[2]!.getAttribute("aria-label")).toBe("Kia Rio, О 777 ОО 777 — Иванов Иван");
  });

  it("type → ↓ → Enter picks the car the query matched", async () => {
    const { onpick, input } = setup(() => [listItem({ ...IVANOV, matchedBy: "plate", matchedVehicle: "v2" }), PETROV]);
    await fireEvent.input(input, { target: { value: "о777" } });
    await waitFor(() => expect(options().length).toBeGreaterThan(0));
    expect(input.getAttribute("aria-activedescendant")).toBeNull();

    await key(input, "ArrowDown");
    const active = document.getElementById(input.getAttribute("aria-activedescendant")!)!;
    expect(active.dataset.testid).toBe("client-picker-vehicle");
    expect(active.dataset.id).toBe("v2");
    expect(active.getAttribute("aria-selected")).toBe("true");

    await key(input, "Enter");
    expect(onpick).toHaveBeenCalledWith(expect.objectContaining({ id: "c1" }), "v2");
    expect(input.value).toBe("Иванов Иван");
    expect(input.getAttribute("aria-expanded")).toBe("false");
  });

  it("moves through clients and cars with the arrows", async () => {
    const { onpick, input } = setup(() => [IVANOV, PETROV]);
    await fireEvent.input(input, { target: { value: "ив" } });
    await waitFor(() => expect(options().length).toBe(5));
    const activeId = () => document.getElementById(input.getAttribute("aria-activedescendant")!)?.dataset.id;
    await key(input, "ArrowDown");
    expect(activeId()).toBe("c1");
    await key(input, "ArrowDown");
    expect(activeId()).toBe("v1");
    await key(input, "ArrowDown");
    await key(input, "ArrowDown");
    expect(activeId()).toBe("c2");
    await key(input, "ArrowUp");
    expect(activeId()).toBe("v2");
    await key(input, "Enter");
    expect(onpick).toHaveBeenLastCalledWith(expect.objectContaining({ id: "c1" }), "v2");
  });

  it("gives a client's only car with the client and none for a client with several", async () => {
    const { onpick, input } = setup(() => [IVANOV, PETROV]);
    await fireEvent.input(input, { target: { value: "ив" } });
    await waitFor(() => expect(options().length).toBe(5));
    await fireEvent.click(options()[3]!);
    expect(onpick).toHaveBeenLastCalledWith(expect.objectContaining({ id: "c2" }), "v1");

    await fireEvent.input(input, { target: { value: "иванов" } });
    await waitFor(() => expect(options().length).toBe(5));
    await key(input, "Enter");
    expect(onpick).toHaveBeenLastCalledWith(expect.objectContaining({ id: "c1" }), null);
  });

  it("drops stale answers and leaves out the excluded client", async () => {
    const { backend, input } = setup(() => [], { exclude: "c1" });
    let release: (r: ClientSearchResult) => void = () => {};
    backend.clients.search.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
    backend.clients.search.mockImplementationOnce(async () => ({ items: [IVANOV, PETROV], total: 2 }));
    await fireEvent.input(input, { target: { value: "и" } });
    await waitFor(() => expect(backend.clients.search).toHaveBeenCalledTimes(1));
    await fireEvent.input(input, { target: { value: "петров" } });
    await waitFor(() => expect(screen.queryAllByTestId("client-picker-option")).toHaveLength(1));
    release({ items: [listItem({ id: "c3", displayName: "Сидоров" })], total: 1 });
    await new Promise((r) => setTimeout(r, 20));
    const shown = screen.queryAllByTestId("client-picker-option");
    expect(shown.map((o) => o.dataset.id)).toEqual(["c2"]);
  });

  it("Esc closes the list, then clears the text", async () => {
    const { input } = setup(() => [PETROV]);
    await fireEvent.input(input, { target: { value: "пет" } });
    await waitFor(() => expect(input.getAttribute("aria-expanded")).toBe("true"));
    await key(input, "Escape");
    expect(input.getAttribute("aria-expanded")).toBe("false");
    expect(input.value).toBe("пет");
    await key(input, "ArrowDown");
    expect(input.getAttribute("aria-expanded")).toBe("true");
    await key(input, "Escape");
    await key(input, "Escape");
    expect(input.value).toBe("");
  });

  it("adds a client who is not found and picks them", async () => {
    const { backend, onpick, input } = setup(() => []);
    await fireEvent.input(input, { target: { value: "сидоров пётр" } });
    await waitFor(() => expect(screen.getByTestId("client-picker-add")).toBeTruthy());
    expect(screen.getByTestId("client-picker").textContent).toContain("Никого не нашли");
    expect(screen.getByTestId("client-picker-add").textContent).toContain("Добавить клиента «сидоров пётр»");

    await key(input, "ArrowDown");
    await key(input, "Enter");
    const form = await screen.findByTestId("client-form");
    expect(form).toBeTruthy();
    expect((screen.getByTestId("client-surname") as HTMLInputElement).value).toBe("Сидоров");
    expect((screen.getByTestId("client-name") as HTMLInputElement).value).toBe("Пётр");
    await fireEvent.input(screen.getByTestId("client-phone-0"), { target: { value: "89001234567" } });
    await fireEvent.click(screen.getByTestId("client-save"));

    await waitFor(() => expect(onpick).toHaveBeenCalled());
    expect(backend.clients.create).toHaveBeenCalledWith(expect.objectContaining({ surname: "Сидоров", name: "Пётр" }), false);
    expect(onpick).toHaveBeenCalledWith(
      expect.objectContaining({ id: "new-1", displayName: "Сидоров Пётр", primaryPhone: "89001234567", vehicles: [] }),
      null,
    );
    expect(screen.queryByTestId("client-form")).toBeNull();
    expect(input.value).toBe("Сидоров Пётр");
  });

  it("picks the existing client the client window points to", async () => {
    const { backend, onpick, input } = setup(() => []);
    await fireEvent.input(input, { target: { value: "89123456789" } });
    await fireEvent.click(await screen.findByTestId("client-picker-add"));
    expect((screen.getByTestId("client-phone-0") as HTMLInputElement).value).toBe("89123456789");
    backend.clients.create.mockRejectedValueOnce(
      failure("duplicate", {
        duplicates: [
          { field: "phone", value: "+79123456789", existing: { id: "c7", kind: "person", displayName: "Иванов Иван" }, vehicle: null, blocking: false },
        ],
      }),
    );
    await fireEvent.input(screen.getByTestId("client-surname"), { target: { value: "Иванов" } });
    await fireEvent.click(screen.getByTestId("client-save"));
    await fireEvent.click(await screen.findByTestId("client-duplicate-open-0"));
    await waitFor(() => expect(onpick).toHaveBeenCalledWith(expect.objectContaining({ id: "c7" }), null));
    expect(backend.clients.card).toHaveBeenCalledWith("c7");
  });
});
