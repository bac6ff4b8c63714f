import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Staff } from "../../lib/api/client";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import { MECHANICS, mechanic } from "../../test/fakeSchedule";
import { scheduleMocks } from "../../test/fakeShifts";
import StaffPanel from "./Staff.svelte";
import { PALETTE, freeColour } from "./StaffForm.svelte";

const FORMER = mechanic({ id: 4, name: "Волков Пётр", skills: [], colour: "#6d4c41", active: false });
const OPERATOR = mechanic({ id: 5, name: "Смирнова Ольга", roles: ["operator", "manager"], skills: [], colour: "#d81b60" });

function setup() {
  const backend = fakeBackend();
  const schedule = scheduleMocks(backend);
  let list: Staff[] = [FORMER, ...MECHANICS, OPERATOR];
  backend.schedule.staff.mockImplementation(async () => list);
  schedule.saveStaff.mockImplementation(async (id, draft) => {
    const saved = { id: id ?? 9, ...draft };
    list = id === null ? [...list, saved] : list.map((p) => (p.id === id ? saved : p));
    return saved;
  });
  render(StaffPanel, { context: withBackend(backend) });
  return backend;
}

const rows = () => screen.queryAllByTestId("staff-row");
const rowOf = (name: string) => rows().find((r) => r.textContent!.includes(name))!;
const within = (row: HTMLElement, testid: string) => row.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!;
const type = (id: string, value: string) => fireEvent.input(screen.getByTestId(id), { target: { value } });
const box = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe("Staff", () => {
  it("lists the staff with roles, skills and colour, former employees last", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(backend.schedule.staff).toHaveBeenCalledWith(true);
    expect(backend.prices.categories).toHaveBeenCalledWith(false);
    expect(rows()[0]!.textContent).toContain("Петров Сергей");
    expect(rows()[0]!.textContent).toContain("Мастер · навыки: Диагностика, Техническое обслуживание");
    expect(rowOf("Смирнова Ольга").textContent).toContain("Приёмщик, Руководитель");
    expect(rowOf("Смирнова Ольга").textContent).not.toContain("навыки");
    expect(rows()[4]!.textContent).toContain("Волков Пётр");
    expect(rows()[4]!.textContent).toContain("не работает");
  });

  it("adds a mechanic with skills and a free colour of the palette", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(5));
    await fireEvent.click(screen.getByTestId("staff-add"));
    expect(document.activeElement).toBe(screen.getByTestId("staff-name"));
    expect(box("staff-role-mechanic").checked).toBe(true);
    // Blue, green, orange are taken by the mechanics; brown by a former one.
    expect(box("staff-colour").value).toBe("#8e24aa");
    await type("staff-name", "Морозов Денис");
    await fireEvent.click(screen.getByTestId("staff-skill-3"));
    await fireEvent.click(screen.getByTestId("staff-role-manager"));
    await fireEvent.click(screen.getByLabelText("Бирюзовый"));
    await fireEvent.click(screen.getByTestId("staff-save"));
    await waitFor(() => expect(rows()).toHaveLength(6));
    expect(backend.schedule.saveStaff).toHaveBeenCalledWith(null, {
      name: "Морозов Денис",
      roles: ["mechanic", "manager"],
      skills: [3],
      colour: "#00897b",
      active: true,
    });
    expect(screen.queryByTestId("staff-form")).toBeNull();
  });

  it("edits one: no skills once not a mechanic, and a former employee", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(5));
    await fireEvent.click(within(rowOf("Сидоров Алексей"), "staff-edit"));
    expect(box("staff-skill-2").checked).toBe(true);
    await fireEvent.click(screen.getByTestId("staff-role-mechanic"));
    expect(screen.queryByTestId("staff-skills")).toBeNull();
    await fireEvent.click(screen.getByTestId("staff-role-operator"));
    await fireEvent.click(screen.getByTestId("staff-active"));
    await fireEvent.keyDown(screen.getByTestId("staff-name"), { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(backend.schedule.saveStaff).toHaveBeenCalled());
    expect(backend.schedule.saveStaff).toHaveBeenCalledWith(2, {
      name: "Сидоров Алексей",
      roles: ["operator"],
      skills: [],
      colour: "#43a047",
      active: false,
    });
    await waitFor(() => expect(rows()[4]!.textContent).toContain("Сидоров Алексей"));
  });

  it("shows the core's issues at the fields", async () => {
    const backend = setup();
    await waitFor(() => expect(rows()).toHaveLength(5));
    await fireEvent.click(screen.getByTestId("staff-add"));
    await fireEvent.click(screen.getByTestId("staff-role-mechanic"));
    backend.schedule.saveStaff.mockRejectedValueOnce(
      failure("validation", {
        issues: [
          { field: "name", issue: "required", max: null, detail: null },
          { field: "roles", issue: "required", max: null, detail: null },
        ],
      }),
    );
    await fireEvent.click(screen.getByTestId("staff-save"));
    expect((await screen.findByTestId("error-name")).textContent).toBe("Заполните это поле");
    expect(screen.getByTestId("error-roles").textContent).toBe("Отметьте хотя бы одну роль");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("staff-name")));
    await type("staff-name", "Орлов");
    expect(screen.queryByTestId("error-name")).toBeNull();

    await fireEvent.keyDown(screen.getByTestId("staff-name"), { key: "Escape" });
    await fireEvent.click(screen.getByTestId("staff-discard"));
    expect(screen.queryByTestId("staff-form")).toBeNull();
  });

  it("picks the first colour nobody has", () => {
    expect(freeColour([])).toBe(PALETTE[0].value);
    expect(freeColour(PALETTE.map((c) => c.value.toUpperCase()))).toBe(PALETTE[0].value);
    expect(freeColour(["#1E88E5"])).toBe("#43a047");
  });
});
