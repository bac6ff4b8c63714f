import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { ClientListItem, ClientSearchResult, SearchOptions } from "../../lib/api/client";
import { fakeBackend, listItem, withBackend } from "../../test/fakeBackend";
import ClientsScreen from "./ClientsScreen.svelte";

// The card is another screen with its own tests; here only its contract matters.
vi.mock("./card/ClientCard.svelte", async () => ({ default: (await import("../../test/ClientCardStub.svelte")).default }));

const GRANTA = { id: "v1", plate: "А123ВС77", vin: "XTA219070K0123456", make: "LADA", model: "Granta", year: 2019 };
const RIO = { id: "v2", plate: "О777ОО777", vin: null, make: "Kia", model: "Rio", year: 2021 };

const PEOPLE: ClientListItem[] = [
  listItem({ id: "c1", displayName: "Иванов Иван Иванович", primaryPhone: "+79123456789", otherPhones: 2, notes: "Любит звонки утром", vehicles: [GRANTA, RIO], tags: ["VIP"] }),
  listItem({ id: "c2", displayName: "Иванова Мария Петровна", primaryPhone: "+79001112233", email: null, createdAt: "2024-12-31T22:30:00Z" }),
  listItem({ id: "c3", displayName: "Петров Пётр", primaryPhone: null }),
];

const OPTIONS: SearchOptions = { limit: 200, includeArchived: false };

function setup(people: ClientListItem[] = PEOPLE) {
  const backend = fakeBackend();
  backend.clients.search.mockImplementation(async (query: string) => {
    const items = people.filter((p) => p.displayName.toLowerCase().includes(query.toLowerCase()));
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
    expect(backend.clients.search).toHaveBeenCalledWith("", OPTIONS);
    expect(document.activeElement).toBe(search());
    expect(search().placeholder).toBe("ФИО, телефон, госномер, VIN, ИНН или название");
    expect(screen.getByTestId("clients-count").textContent).toBe("Всего: 3 клиента");

    const first = rows()[0]!;
    expect(first.dataset.id).toBe("c1");
    expect(first.textContent).toContain("+7 912 345-67-89");
    expect(first.textContent).toContain("+2");
    expect(first.textContent).toContain("04.03.2025");
    expect(first.textContent).toContain("VIP");
    const cars = first.querySelectorAll<HTMLElement>('[data-testid="client-vehicle"]');
    expect([...cars].map((c) => c.textContent)).toEqual(["А 123 ВС 77", "О 777 ОО 777"]);
    expect(cars[0]!.title).toBe("LADA Granta, 2019, VIN XTA219070K0123456");

    await fireEvent.input(search(), { target: { value: "иванов" } });
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(backend.clients.search).toHaveBeenLastCalledWith("иванов", OPTIONS);
    expect(screen.getByTestId("clients-count").textContent).toBe("Найдено: 2 клиента");
  });

  it("says why a row matched and highlights the matched car", async () => {
    const backend = fakeBackend();
    backend.clients.search.mockImplementation(async (query: string) =>
      query
        ? {
            items: [
              listItem({ ...PEOPLE[0], matchedBy: "plate", matchedVehicle: "v2" }),
              listItem({ id: "c4", kind: "company", displayName: "ООО «Ромашка»", inn: "7707083893", matchedBy: "name" }),
            ],
            total: 2,
          }
        : { items: PEOPLE, total: 3 },
    );
    render(ClientsScreen, { context: withBackend(backend) });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.queryByTestId("client-match")).toBeNull();

    await fireEvent.input(search(), { target: { value: "о777оо" } });
    await waitFor(() => expect(rows()).toHaveLength(2));
    const [ivanov, romashka] = rows() as [HTMLElement, HTMLElement];
    expect(ivanov.querySelector('[data-testid="client-match"]')?.textContent).toBe("по госномеру");
    const matched = ivanov.querySelector(".plate.matched") as HTMLElement;
    expect(matched.dataset.id).toBe("v2");
    expect(romashka.querySelector('[data-testid="client-match"]')).toBeNull();
    expect(romashka.textContent).toContain("организация");
    expect(romashka.textContent).toContain("ИНН 7707083893");
  });

  it("shows archived clients when asked", async () => {
    const backend = fakeBackend();
    backend.clients.search.mockImplementation(async (_q: string, options: SearchOptions) =>
      options.includeArchived
        ? { items: [...PEOPLE, listItem({ id: "c9", displayName: "Старый Клиент", archived: true })], total: 4 }
        : { items: PEOPLE, total: 3 },
    );
    render(ClientsScreen, { context: withBackend(backend) });
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(screen.getByTestId("clients-show-archived"));
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(backend.clients.search).toHaveBeenLastCalledWith("", { limit: 200, includeArchived: true });
    const archived = rows()[3]!;
    expect(archived.classList.contains("archived")).toBe(true);
    expect(archived.textContent).toContain("в архиве");
  });

  it("debounces typing and ignores stale answers", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    backend.clients.search.mockClear();

    let releaseSlow: (r: ClientSearchResult) => void = () => {};
    backend.clients.search.mockImplementationOnce(() => new Promise((resolve) => (releaseSlow = resolve)));
    await fireEvent.input(search(), { target: { value: "и" } });
    await waitFor(() => expect(backend.clients.search).toHaveBeenCalledWith("и", OPTIONS));
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
    expect(backend.clients.search.mock.calls).toEqual([["Пет", OPTIONS]]);
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
    await fireEvent.click(screen.getByRole("button", { name: "Добавить клиента «8 912 000-00-00»" }));
    expect((screen.getByTestId("client-phone-0") as HTMLInputElement).value).toBe("8 912 000-00-00");
    expect((screen.getByTestId("client-surname") as HTMLInputElement).value).toBe("");
  });

  it("pre-fills a company from a name with its legal form", async () => {
    const backend = fakeBackend();
    render(ClientsScreen, { context: withBackend(backend) });
    await fireEvent.input(search(), { target: { value: "ООО Ромашка" } });
    await fireEvent.click(await screen.findByTestId("clients-add-query"));
    expect((screen.getByTestId("client-kind-company") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("company-short-name") as HTMLInputElement).value).toBe("ООО Ромашка");
  });

  it("opens the card with Enter and comes back to the same list", async () => {
    setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.input(search(), { target: { value: "иванов" } });
    await waitFor(() => expect(rows()).toHaveLength(2));

    await fireEvent.keyDown(search(), { key: "ArrowDown" });
    expect(rows()[1]!.classList.contains("selected")).toBe(true);
    await fireEvent.keyDown(search(), { key: "Enter" });
    const card = await screen.findByTestId("client-card");
    expect(card.dataset.id).toBe("c2");
    expect(screen.queryByTestId("clients-search")).toBeNull();

    await fireEvent.click(screen.getByTestId("card-open-other"));
    expect(screen.getByTestId("client-card").dataset.id).toBe("c1");

    await fireEvent.click(screen.getByTestId("card-back"));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(search().value).toBe("иванов");
    expect(document.activeElement).toBe(search());
    await waitFor(() => expect(rows()[0]!.classList.contains("selected")).toBe(true));
  });

  it("opens a card with a click", async () => {
    setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(rows()[2]!);
    expect((await screen.findByTestId("client-card")).dataset.id).toBe("c3");
  });

  it("opens an empty client window with Ctrl+N and the card of the saved client", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.keyDown(window, { key: "n", code: "KeyN", ctrlKey: true });
    expect(screen.getByTestId("client-form").textContent).toContain("Новый клиент");
    await fireEvent.input(screen.getByTestId("client-surname"), { target: { value: "Сидоров" } });
    await fireEvent.input(screen.getByTestId("client-phone-0"), { target: { value: "89001234567" } });
    await fireEvent.click(screen.getByTestId("client-save"));
    await waitFor(() => expect(screen.queryByTestId("client-form")).toBeNull());
    expect(backend.clients.create).toHaveBeenCalledWith(expect.objectContaining({ surname: "Сидоров" }), false);
    expect(screen.getByTestId("client-card").dataset.id).toBe("new-1");
  });
});
