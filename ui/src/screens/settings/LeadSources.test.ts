import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { LeadSource } from "../../lib/api/client";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import LeadSources from "./LeadSources.svelte";

function setup() {
  const backend = fakeBackend();
  let sources: LeadSource[] = [
    { id: 1, name: "Рекомендация", archived: false },
    { id: 2, name: "Листовки", archived: true },
  ];
  backend.leadSources.list.mockImplementation(async () => sources);
  backend.leadSources.add.mockImplementation(async (name: string) => {
    const added = { id: 3, name, archived: false };
    sources = [...sources, added];
    return added;
  });
  backend.leadSources.rename.mockImplementation(async (id: number, name: string) => {
    sources = sources.map((s) => (s.id === id ? { ...s, name } : s));
    return null;
  });
  backend.leadSources.archive.mockImplementation(async (id: number, archived: boolean) => {
    sources = sources.map((s) => (s.id === id ? { ...s, archived } : s));
    return null;
  });
  render(LeadSources, { context: withBackend(backend) });
  return backend;
}

const rows = () => screen.queryAllByTestId("lead-source-row");
const within = (row: HTMLElement, testid: string) => row.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!;

describe("LeadSources", () => {
  it("lists every source, archived ones marked", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(backend.leadSources.list).toHaveBeenCalledWith(true);
    expect(rows()[1]!.textContent).toContain("в архиве");
    expect(within(rows()[1]!, "lead-source-archive").textContent).toContain("Вернуть из архива");
  });

  it("adds a source with Enter", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    const input = screen.getByTestId("lead-source-add-input") as HTMLInputElement;
    await fireEvent.input(input, { target: { value: "Авито" } });
    await fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(backend.leadSources.add).toHaveBeenCalledWith("Авито");
    expect(input.value).toBe("");
  });

  it("shows why a name was refused", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    backend.leadSources.add.mockRejectedValueOnce(
      failure("validation", { issues: [{ field: "name", issue: "too_long", max: 60, detail: null }] }),
    );
    await fireEvent.input(screen.getByTestId("lead-source-add-input"), { target: { value: "x".repeat(70) } });
    await fireEvent.click(screen.getByTestId("lead-source-add"));
    expect((await screen.findByTestId("lead-source-add-error")).textContent).toBe("Слишком длинно: максимум 60 символов");
  });

  it("renames in place and archives", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    await fireEvent.click(within(rows()[0]!, "lead-source-rename"));
    const field = screen.getByTestId("lead-source-rename-input") as HTMLInputElement;
    expect(document.activeElement).toBe(field);
    await fireEvent.input(field, { target: { value: "По рекомендации" } });
    await fireEvent.keyDown(field, { key: "Enter" });
    await waitFor(() => expect(rows()[0]!.textContent).toContain("По рекомендации"));
    expect(backend.leadSources.rename).toHaveBeenCalledWith(1, "По рекомендации");

    await fireEvent.click(within(rows()[0]!, "lead-source-archive"));
    await waitFor(() => expect(rows()[0]!.textContent).toContain("в архиве"));
    expect(backend.leadSources.archive).toHaveBeenCalledWith(1, true);
    await fireEvent.click(within(rows()[1]!, "lead-source-archive"));
    expect(backend.leadSources.archive).toHaveBeenLastCalledWith(2, false);
  });

  it("cancels a rename with Esc", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    await fireEvent.click(within(rows()[0]!, "lead-source-rename"));
    await fireEvent.keyDown(screen.getByTestId("lead-source-rename-input"), { key: "Escape" });
    expect(screen.queryByTestId("lead-source-rename-input")).toBeNull();
    expect(backend.leadSources.rename).not.toHaveBeenCalled();
  });
});
