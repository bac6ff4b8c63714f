import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { card, client, failure, fakeBackend, listItem, vehicle, withBackend } from "../../test/fakeBackend";
import MergeDialog from "./MergeDialog.svelte";

const KEEP = client({ id: "c1", displayName: "Иванов Иван Иванович" });
const DUPLICATE = listItem({
  id: "c2",
  displayName: "Иванов Иван",
  primaryPhone: "+79001112233",
  otherPhones: 1,
  vehicles: [{ id: "v9", plate: "В456ОР99", vin: null, make: "Kia", model: "Rio", year: 2015 }],
});

function setup() {
  const backend = fakeBackend();
  backend.clients.search.mockResolvedValue({ items: [listItem({ id: "c1" }), DUPLICATE], total: 2 });
  backend.clients.card.mockResolvedValue(card({ client: KEEP, vehicles: [vehicle(), vehicle({ id: "v2" })] }));
  const props = { keep: KEEP, onmerged: vi.fn(), onclose: vi.fn() };
  render(MergeDialog, { props, context: withBackend(backend) });
  return { backend, ...props };
}

async function pickDuplicate() {
  const input = screen.getByTestId("client-picker-input") as HTMLInputElement;
  await waitFor(() => expect(document.activeElement).toBe(input));
  await fireEvent.input(input, { target: { value: "иванов" } });
  await waitFor(() => expect(screen.getAllByTestId("client-picker-option")).toHaveLength(1));
  await fireEvent.keyDown(input, { key: "ArrowDown" });
  await fireEvent.keyDown(input, { key: "Enter" });
}

describe("MergeDialog", () => {
  it("picks the duplicate, compares both and merges it into the kept client", async () => {
    const { backend, onmerged } = setup();
    const confirm = screen.getByTestId("merge-confirm") as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await waitFor(() => expect(screen.getByTestId("merge-keep").textContent).toMatch(/Автомобили\s*2/));

    await pickDuplicate();
    expect(screen.getByTestId("merge-keep").textContent).toContain("+7 912 345-67-89");
    const other = screen.getByTestId("merge-other");
    expect(other.textContent).toContain("Иванов Иван");
    expect(other.textContent).toContain("+7 900 111-22-33");
    expect(other.textContent).toContain("Ещё 1 телефон");
    expect(screen.getByTestId("merge-dialog").textContent).toContain(
      "Автомобили, контакты, согласия и история клиента Б перейдут к клиенту А; клиент Б останется в архиве со ссылкой на А.",
    );

    expect(confirm.disabled).toBe(false);
    await fireEvent.click(confirm);
    await waitFor(() => expect(onmerged).toHaveBeenCalledWith(expect.objectContaining({ id: "c1" })));
    expect(backend.clients.merge).toHaveBeenCalledWith("c1", "c2");
  });

  it("explains a refused merge and lets the operator choose again", async () => {
    const { backend, onmerged } = setup();
    backend.clients.merge.mockRejectedValueOnce(failure("conflict", { conflict: "merged_client" }));
    await pickDuplicate();
    await fireEvent.click(screen.getByTestId("merge-confirm"));
    const error = await screen.findByTestId("merge-error");
    expect(error.textContent).toContain("Эта запись уже присоединена к другому клиенту");
    expect(onmerged).not.toHaveBeenCalled();

    await fireEvent.click(screen.getByTestId("merge-change"));
    expect(screen.getByTestId("client-picker-input")).toBeTruthy();
    expect((screen.getByTestId("merge-confirm") as HTMLButtonElement).disabled).toBe(true);
  });

  it("closes with Esc", async () => {
    const { onclose } = setup();
    await fireEvent.keyDown(screen.getByTestId("merge-dialog"), { key: "Escape" });
    expect(onclose).toHaveBeenCalled();
  });
});
