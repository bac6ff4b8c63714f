import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { ClientListItem, ClientSearchResult } from "../../lib/api/bindings";
import { client, fakeBackend, listItem, withBackend } from "../../test/fakeBackend";
import ClientsScreen from "./ClientsScreen.svelte";

const PEOPLE: ClientListItem[] = [
  listItem({ id: "c1", fullName: "Иванов Иван Иванович", primaryPhone: "+79123456789", otherPhones: 2, notes: "Любит звонки утром" }),
  listItem({ id: "c2", fullName: "Иванова Мария Петровна", primaryPhone: "+79001112233", email: null, createdAt: "2024-12-31T22:30:00Z" }),
  listItem({ id: "c3", fullName: "Петров Пётр", primaryPhone: null }),
];

function setup() {
  const backend = fakeBackend();
  backend.clients.search.mockImplementation(async (query: string) => {
    const items = PEOPLE.filter((p) => p.fullName.toLowerCase().includes(query.toLowerCase()));
    return { items, total: items.length };
  });
  render(ClientsScreen, { context: withBackend(backend) });
  return backend;
}

const rows = () => screen.queryAllByTestId("client-row");
const search = () => screen.getByTestId("clients-search") as HTMLInputElement;

describe("ClientsScreen", () => {
  it("lists clients and searches as the user types", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(backend.clients.search).toHaveBeenCalledWith("", 200);
    expect(document.activeElement).toBe(search());
    expect(screen.getByTestId("clients-count").textContent).toBe("Всего: 3 клиента");

    const first = rows()[0]!;
    expect(first.dataset.id).toBe("c1");
    expect(first.textContent).toContain("+7 912 345-67-89");
    expect(first.textContent).toContain("+2");
    expect(first.textContent).toContain("04.03.2025");

    await fireEvent.input(search(), { target: { value: "иванов" } });
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(backend.clients.search).toHaveBeenLastCalledWith("иванов", 200);
    expect(screen.getByTestId("clients-count").textContent).toBe("Найдено: 2 клиента");
  });

  it("debounces typing and ignores stale answers", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    backend.clients.search.mockClear();

    let releaseSlow: (r: ClientSearchResult) => void = () => {};
    backend.clients.search.mockImplementationOnce(() => new Promise((resolve) => (releaseSlow = resolve)));
    await fireEvent.input(search(), { target: { value: "и" } });
    await waitFor(() => expect(backend.clients.search).toHaveBeenCalledWith("и", 200));
    await fireEvent.input(search(), { target: { value: "Петров П" } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    releaseSlow({ items: PEOPLE, total: 3 });
    await new Promise((r) => setTimeout(r, 20));
    expect(rows()).toHaveLength(1);
    expect(rows()[0]!.dataset.id).toBe("c3");

    backend.clients.search.mockClear();
    await fireEvent.input(search(), { target: { value: "П" } });
    await fireEvent.input(search(), { target: { value: "Пе" } });
    await fireEvent.input(search(), { target: { value: "Пет" } });
    await waitFor(() => expect(backend.clients.search).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 200));
    expect(backend.clients.search.mock.calls).toEqual([["Пет", 200]]);
  });

  it("shows the capped count", async () => {
    const backend = fakeBackend();
    backend.clients.search.mockResolvedValue({ items: PEOPLE, total: 1234 });
    render(ClientsScreen, { context: withBackend(backend) });
    await waitFor(() => expect(screen.getByTestId("clients-count").textContent).toContain("Показаны 3 из 1\u00a0234"));
  });

  it("tells an empty base from an empty search and pre-fills the new client", async () => {
    const backend = fakeBackend();
    render(ClientsScreen, { context: withBackend(backend) });
    await waitFor(() => expect(screen.getByTestId("clients-empty").textContent).toContain("Клиентов пока нет"));

    await fireEvent.input(search(), { target: { value: "8 912 000-00-00" } });
    await waitFor(() =>
      expect(screen.getByTestId("clients-empty").textContent).toContain("По запросу «8 912 000-00-00» ничего не найдено"),
    );
    await fireEvent.click(screen.getByRole("button", { name: "Добавить клиента" }));
    expect((screen.getByTestId("client-phone-0") as HTMLInputElement).value).toBe("8 912 000-00-00");
    expect((screen.getByTestId("client-surname") as HTMLInputElement).value).toBe("");
  });

  it("opens a client with Enter, saves and highlights it", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    backend.clients.get.mockResolvedValue(client({ id: "c2", surname: "Иванова", name: "Мария" }));

    await fireEvent.keyDown(search(), { key: "ArrowDown" });
    expect(rows()[1]!.classList.contains("selected")).toBe(true);
    await fireEvent.keyDown(search(), { key: "Enter" });
    await waitFor(() => expect(screen.getByTestId("client-form")).toBeTruthy());
    expect(backend.clients.get).toHaveBeenCalledWith("c2");
    expect((screen.getByTestId("client-surname") as HTMLInputElement).value).toBe("Иванова");

    await fireEvent.click(screen.getByTestId("client-save"));
    await waitFor(() => expect(screen.queryByTestId("client-form")).toBeNull());
    expect(backend.clients.update).toHaveBeenCalledWith("c2", expect.objectContaining({ surname: "Иванова" }), false);
    await waitFor(() => expect(rows()[1]!.classList.contains("saved")).toBe(true));
  });

  it("opens an empty client window with Ctrl+N", async () => {
    setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.keyDown(window, { key: "n", code: "KeyN", ctrlKey: true });
    expect(screen.getByTestId("client-form").textContent).toContain("Новый клиент");
  });
});
