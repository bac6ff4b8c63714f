import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { FieldIssue } from "../../lib/api/bindings";
import { client, failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import ClientForm from "./ClientForm.svelte";
import { formFromClient, formFromQuery } from "./draft";

function setup(props: Partial<Parameters<typeof render<typeof ClientForm>>[1] & object> = {}) {
  const backend = fakeBackend();
  const callbacks = { onsaved: vi.fn(), onclose: vi.fn(), onopenclient: vi.fn() };
  render(ClientForm, { props: { ...callbacks, ...props }, context: withBackend(backend) });
  return { backend, ...callbacks };
}

const byId = (id: string) => screen.getByTestId(id) as HTMLInputElement;

async function type(testId: string, value: string) {
  await fireEvent.input(byId(testId), { target: { value } });
}

const PHONE_INVALID =
  "Телефон не распознан: введите 10 цифр номера, например 8 912 345-67-89 или +7 912 345-67-89";

describe("ClientForm", () => {
  it("shows all issues inline on an invalid save and saves nothing", async () => {
    const { backend, onsaved } = setup();
    const issues: FieldIssue[] = [
      { field: "surname", issue: "name_required", max: null },
      { field: "phones.0.number", issue: "phone_invalid", max: null },
    ];
    backend.clients.validate.mockResolvedValue(issues);
    await type("client-phone-0", "123");
    await fireEvent.click(screen.getByTestId("client-save"));

    await waitFor(() => expect(screen.getByTestId("error-surname").textContent).toContain("Укажите фамилию или имя"));
    expect(screen.getByTestId("error-phones.0.number").textContent).toContain(PHONE_INVALID);
    expect(byId("client-surname").getAttribute("aria-invalid")).toBe("true");
    expect(byId("client-surname").getAttribute("aria-describedby")).toBe("client-surname-error");
    expect(byId("client-phone-0").getAttribute("aria-invalid")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(byId("client-surname")));
    expect(backend.clients.validate).toHaveBeenCalledWith(
      expect.objectContaining({ phones: [{ number: "123", label: "", primary: true }] }),
    );
    expect(backend.clients.create).not.toHaveBeenCalled();
    expect(onsaved).not.toHaveBeenCalled();
  });

  it("on blur shows only the issues of fields already left", async () => {
    const { backend } = setup();
    backend.clients.validate.mockResolvedValue([
      { field: "surname", issue: "name_required", max: null },
      { field: "phones", issue: "phone_required", max: null },
    ]);
    await fireEvent.blur(byId("client-surname"));
    await waitFor(() => expect(screen.getByTestId("error-surname")).toBeTruthy());
    expect(screen.queryByTestId("error-phones")).toBeNull();

    await fireEvent.blur(byId("client-phone-0"));
    await waitFor(() => expect(screen.getByTestId("error-phones").textContent).toContain("Укажите хотя бы один телефон"));
  });

  it("offers to open the existing client or to save anyway on a duplicate phone", async () => {
    const { backend, onsaved, onopenclient } = setup({ initial: formFromQuery("Петрова Анна") });
    backend.clients.create.mockRejectedValueOnce(
      failure("duplicate_phone", {
        duplicate: { phone: "+79123456789", client: { id: "c7", fullName: "Иванов Иван Иванович" } },
      }),
    );
    await type("client-phone-0", "8 912 345-67-89");
    await fireEvent.click(screen.getByTestId("client-save"));

    const panel = await screen.findByTestId("client-duplicate");
    expect(panel.textContent).toContain("Телефон +7 912 345-67-89 уже записан у клиента Иванов Иван Иванович");
    expect(backend.clients.create).toHaveBeenLastCalledWith(expect.objectContaining({ surname: "Петрова" }), false);
    expect(onsaved).not.toHaveBeenCalled();

    await fireEvent.click(screen.getByTestId("client-open-existing"));
    expect(onopenclient).toHaveBeenCalledWith("c7");

    await fireEvent.click(screen.getByTestId("client-save-anyway"));
    await waitFor(() => expect(onsaved).toHaveBeenCalledTimes(1));
    expect(backend.clients.create).toHaveBeenCalledTimes(2);
    expect(backend.clients.create).toHaveBeenLastCalledWith(
      expect.objectContaining({ surname: "Петрова", name: "Анна", phones: [{ number: "8 912 345-67-89", label: "", primary: true }] }),
      true,
    );
  });

  it("updates an existing client with Ctrl+Enter", async () => {
    const existing = client({ id: "c3", notes: "" });
    const { backend, onsaved } = setup({ client: existing, initial: formFromClient(existing) });
    expect(byId("client-phone-0").value).toBe("+7 912 345-67-89");
    await type("client-notes", "Приедет в пятницу");
    await fireEvent.keyDown(byId("client-notes"), { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(backend.clients.update).toHaveBeenCalledWith("c3", expect.objectContaining({ notes: "Приедет в пятницу" }), false);
    expect(backend.clients.create).not.toHaveBeenCalled();
  });

  it("maps issues of dropped empty phone rows back to the right row", async () => {
    const { backend } = setup();
    await fireEvent.click(screen.getByTestId("client-add-phone"));
    await type("client-phone-1", "12");
    backend.clients.validate.mockResolvedValue([{ field: "phones.0.number", issue: "phone_invalid", max: null }]);
    await fireEvent.keyDown(byId("client-phone-1"), { key: "Enter" });
    await waitFor(() => expect(screen.getByTestId("error-phones.1.number").textContent).toContain(PHONE_INVALID));
    expect(backend.clients.validate).toHaveBeenLastCalledWith(
      expect.objectContaining({ phones: [{ number: "12", label: "", primary: true }] }),
    );
  });

  it("shows a banner for other errors", async () => {
    const { backend } = setup({ initial: formFromQuery("89123456789") });
    backend.clients.create.mockRejectedValueOnce(failure("database", { message: "database is locked" }));
    await fireEvent.click(screen.getByTestId("client-save"));
    const banner = await screen.findByTestId("client-form-error");
    expect(banner.textContent).toContain("Ошибка базы данных");
    expect(banner.textContent).toContain("database is locked");
  });

  it("asks before closing with unsaved changes", async () => {
    const { onclose } = setup();
    await fireEvent.keyDown(screen.getByTestId("client-form"), { key: "Escape" });
    expect(onclose).toHaveBeenCalledTimes(1);

    onclose.mockClear();
    await type("client-surname", "Сидоров");
    await fireEvent.keyDown(byId("client-surname"), { key: "Escape" });
    expect(onclose).not.toHaveBeenCalled();
    await fireEvent.click(await screen.findByTestId("client-discard"));
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it("keeps at least one phone row", async () => {
    setup();
    const remove = screen.getByTestId("client-remove-phone-0") as HTMLButtonElement;
    expect(remove.disabled).toBe(true);
    await fireEvent.click(screen.getByTestId("client-add-phone"));
    expect(screen.getByTestId("client-phone-1")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("client-remove-phone-0"));
    expect(screen.queryByTestId("client-phone-1")).toBeNull();
    expect((screen.getByTestId("client-remove-phone-0") as HTMLButtonElement).disabled).toBe(true);
  });
});
