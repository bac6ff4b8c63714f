import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Bay } from "../../lib/api/client";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import { scheduleMocks } from "../../test/fakeShifts";
import Bays from "./Bays.svelte";

const LIST: Bay[] = [
  { id: 1, name: "Пост 1", fitFor: [], active: true },
  { id: 2, name: "Диагностика и электрика", fitFor: [1, 3], active: true },
  { id: 3, name: "Старый подъёмник", fitFor: [], active: false },
];

function setup() {
  const backend = fakeBackend();
  const schedule = scheduleMocks(backend);
  let list = [...LIST];
  backend.schedule.bays.mockImplementation(async () => list);
  schedule.saveBay.mockImplementation(async (id, draft) => {
    const saved = { id: id ?? 9, ...draft };
    list = id === null ? [...list, saved] : list.map((b) => (b.id === id ? saved : b));
    return saved;
  });
  render(Bays, { context: withBackend(backend) });
  return backend;
}

const rows = () => screen.queryAllByTestId("bay-row");
const within = (row: HTMLElement, testid: string) => row.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!;
const type = (id: string, value: string) => fireEvent.input(screen.getByTestId(id), { target: { value } });

describe("Bays", () => {
  it("lists the bays with the work they are fit for", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(backend.schedule.bays).toHaveBeenCalledWith(true);
    expect(rows()[0]!.textContent).toContain("любые работы");
    expect(rows()[1]!.textContent).toContain("для работ: Диагностика, Электрика");
    expect(rows()[2]!.textContent).toContain("не используется");
  });

  it("adds a bay fit for some work", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(screen.getByTestId("bay-add"));
    expect(document.activeElement).toBe(screen.getByTestId("bay-name"));
    expect(screen.getByTestId("bay-fit").textContent).toContain("Ничего не отмечено — пост подходит для любых работ.");
    await type("bay-name", "Развал-схождение");
    await fireEvent.click(screen.getByTestId("bay-fit-2"));
    await fireEvent.click(screen.getByTestId("bay-save"));
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(backend.schedule.saveBay).toHaveBeenCalledWith(null, { name: "Развал-схождение", fitFor: [2], active: true });
    expect(screen.queryByTestId("bay-form")).toBeNull();
  });

  it("says when the name is taken, then saves the change", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(within(rows()[2]!, "bay-edit"));
    expect((screen.getByTestId("bay-active") as HTMLInputElement).checked).toBe(false);
    await type("bay-name", "Пост 1");
    backend.schedule.saveBay.mockRejectedValueOnce(failure("validation", { issues: [{ field: "name", issue: "taken", max: null, detail: null }] }));
    await fireEvent.click(screen.getByTestId("bay-save"));
    expect((await screen.findByTestId("error-name")).textContent).toBe("Пост с таким названием уже есть — назовите этот по-другому");
    expect(screen.getByTestId("bay-name").getAttribute("aria-invalid")).toBe("true");

    await type("bay-name", "Пост 3");
    expect(screen.queryByTestId("error-name")).toBeNull();
    await fireEvent.click(screen.getByTestId("bay-active"));
    await fireEvent.keyDown(screen.getByTestId("bay-name"), { key: "Enter" });
    await waitFor(() => expect(screen.queryByTestId("bay-form")).toBeNull());
    expect(backend.schedule.saveBay).toHaveBeenLastCalledWith(3, { name: "Пост 3", fitFor: [], active: true });
    await waitFor(() => expect(rows()[2]!.textContent).toContain("Пост 3"));
  });

  it("reports a failure to save in the window", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(screen.getByTestId("bay-add"));
    await type("bay-name", "Мойка");
    backend.schedule.saveBay.mockRejectedValueOnce(failure("database"));
    await fireEvent.click(screen.getByTestId("bay-save"));
    expect((await screen.findByTestId("bay-form-error")).textContent).toContain("Ошибка базы данных");
  });
});
