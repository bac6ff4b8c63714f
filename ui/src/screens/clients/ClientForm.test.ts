import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { Duplicate, FieldIssue } from "../../lib/api/client";
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

const ROMASHKA = { id: "c9", kind: "company" as const, displayName: "ООО «Ромашка»" };
const IVANOV = { id: "c7", kind: "person" as const, displayName: "Иванов Иван Иванович" };

describe("ClientForm", () => {
  it("shows all issues inline on an invalid save and saves nothing", async () => {
    const { backend, onsaved } = setup();
    const issues: FieldIssue[] = [
      { field: "surname", issue: "name_required", max: null, detail: null },
      { field: "phones.0.number", issue: "phone_invalid", max: null, detail: null },
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
      expect.objectContaining({ kind: "person", phones: [{ number: "123", label: "", primary: true }] }),
    );
    expect(backend.clients.create).not.toHaveBeenCalled();
    expect(onsaved).not.toHaveBeenCalled();
  });

  it("on blur shows only the issues of fields already left", async () => {
    const { backend } = setup();
    backend.clients.validate.mockResolvedValue([
      { field: "surname", issue: "name_required", max: null, detail: null },
      { field: "phones", issue: "phone_required", max: null, detail: null },
    ]);
    await fireEvent.blur(byId("client-surname"));
    await waitFor(() => expect(screen.getByTestId("error-surname")).toBeTruthy());
    expect(screen.queryByTestId("error-phones")).toBeNull();

    await fireEvent.blur(byId("client-phone-0"));
    await waitFor(() => expect(screen.getByTestId("error-phones").textContent).toContain("Укажите хотя бы один телефон"));
  });

  it("lists every duplicate, opens an existing client or saves anyway", async () => {
    const { backend, onsaved, onopenclient } = setup({ initial: formFromQuery("Петрова Анна") });
    const duplicates: Duplicate[] = [
      { field: "phone", value: "+79123456789", existing: IVANOV, vehicle: null, blocking: false },
      { field: "phone", value: "+79001112233", existing: ROMASHKA, vehicle: null, blocking: false },
    ];
    backend.clients.create.mockRejectedValueOnce(failure("duplicate", { duplicates }));
    await type("client-phone-0", "8 912 345-67-89");
    await fireEvent.click(screen.getByTestId("client-save"));

    const panel = await screen.findByTestId("client-duplicate");
    expect(panel.textContent).toContain("Телефон +7 912 345-67-89 уже записан у клиента Иванов Иван Иванович");
    expect(panel.textContent).toContain("Телефон +7 900 111-22-33 уже записан у ООО «Ромашка»");
    expect(backend.clients.create).toHaveBeenLastCalledWith(expect.objectContaining({ surname: "Петрова" }), false);
    expect(onsaved).not.toHaveBeenCalled();

    await fireEvent.click(screen.getByTestId("client-duplicate-open-1"));
    expect(onopenclient).toHaveBeenCalledWith("c9");
    await fireEvent.click(screen.getByTestId("client-duplicate-open-0"));
    expect(onopenclient).toHaveBeenLastCalledWith("c7");

    await fireEvent.click(screen.getByTestId("client-save-anyway"));
    await waitFor(() => expect(onsaved).toHaveBeenCalledTimes(1));
    expect(backend.clients.create).toHaveBeenCalledTimes(2);
    expect(backend.clients.create).toHaveBeenLastCalledWith(
      expect.objectContaining({ surname: "Петрова", name: "Анна", phones: [{ number: "8 912 345-67-89", label: "", primary: true }] }),
      true,
    );
  });

  it("groups duplicates of one client and refuses to save anyway when one is blocking", async () => {
    const { backend } = setup({ initial: formFromQuery("7707083893") });
    backend.clients.create.mockRejectedValueOnce(
      failure("duplicate", {
        duplicates: [
          { field: "inn", value: "7707083893", existing: ROMASHKA, vehicle: null, blocking: false },
          { field: "phone", value: "+79001112233", existing: ROMASHKA, vehicle: null, blocking: true },
        ],
      }),
    );
    await fireEvent.click(screen.getByTestId("client-save"));
    const panel = await screen.findByTestId("client-duplicate");
    expect(panel.textContent).toContain("ИНН 7707083893 уже есть у ООО «Ромашка»");
    expect(screen.queryByTestId("client-duplicate-open-1")).toBeNull();
    expect(screen.queryByTestId("client-save-anyway")).toBeNull();
  });

  it("sends a company with requisites, contacts, channels in order and tags", async () => {
    const { backend, onsaved } = setup();
    await fireEvent.click(byId("client-kind-company"));
    expect(screen.queryByTestId("client-surname")).toBeNull();
    await type("company-short-name", "ООО «Ромашка»");
    await type("company-inn", "7707083893");
    await type("company-kpp", "773601001");
    await type("company-legal-address", "Москва, ул. Ленина, 1");
    await fireEvent.click(screen.getByTestId("company-same-address"));
    expect(byId("company-postal-address").value).toBe("Москва, ул. Ленина, 1");
    await type("company-bik", "044525225");
    await type("company-bank-account", "40702810938000000001");

    await fireEvent.click(screen.getByTestId("contact-add"));
    await fireEvent.click(screen.getByTestId("contact-add"));
    await type("contact-name-0", "Петров Пётр");
    await type("contact-position-0", "механик");
    await type("contact-phone-0", "8 900 111-22-33");
    await type("contact-name-1", "Лишний");
    await fireEvent.click(screen.getByTestId("contact-remove-1"));
    expect(screen.queryByTestId("contact-name-1")).toBeNull();

    await fireEvent.click(screen.getByTestId("client-channel-telegram"));
    await fireEvent.click(screen.getByTestId("client-channel-sms"));
    await fireEvent.click(screen.getByTestId("client-channel-up-telegram"));
    await fireEvent.click(screen.getByTestId("client-channel-call")); // untick
    await fireEvent.click(screen.getByTestId("client-channel-up-sms"));

    await waitFor(() => expect((screen.getByTestId("client-lead-source") as HTMLSelectElement).options).toHaveLength(4));
    await fireEvent.change(screen.getByTestId("client-lead-source"), { target: { value: "3" } });
    await type("client-discount", "5");

    const tags = byId("client-tags");
    await fireEvent.input(tags, { target: { value: "VIP" } });
    await fireEvent.keyDown(tags, { key: "Enter" });
    await fireEvent.input(tags, { target: { value: "автопарк, vip," } });
    expect(screen.getByTestId("client-tag-0").textContent).toContain("VIP");
    expect(screen.getByTestId("client-tag-1").textContent).toContain("автопарк");
    expect(screen.queryByTestId("client-tag-2")).toBeNull();
    await fireEvent.input(tags, { target: { value: "лишняя" } });
    await fireEvent.keyDown(tags, { key: "Enter" });
    await fireEvent.keyDown(tags, { key: "Backspace" });
    expect(screen.queryByTestId("client-tag-2")).toBeNull();

    await fireEvent.click(screen.getByTestId("client-save"));
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    const [draft, allow] = backend.clients.create.mock.calls[0]!;
    expect(allow).toBe(false);
    expect(draft).toMatchObject({
      kind: "company",
      surname: "",
      company: {
        shortName: "ООО «Ромашка»",
        inn: "7707083893",
        kpp: "773601001",
        legalAddress: "Москва, ул. Ленина, 1",
        postalAddress: "Москва, ул. Ленина, 1",
        bik: "044525225",
        bankAccount: "40702810938000000001",
      },
      phones: [],
      contacts: [{ id: null, name: "Петров Пётр", position: "механик", phone: "8 900 111-22-33", email: "" }],
      reminderChannels: ["sms", "telegram"],
      leadSourceId: 3,
      discountPercent: 5,
      tags: ["VIP", "автопарк"],
    });
  });

  it("keeps the stored ids of contact persons when editing", async () => {
    const stored = client({
      id: "c5",
      kind: "company",
      displayName: "ООО «Ромашка»",
      surname: "",
      name: "",
      patronymic: "",
      company: { ...client().company, shortName: "ООО «Ромашка»" },
      contacts: [
        { id: "k1", name: "Петров Пётр", position: "механик", phone: "+79001112233", email: null },
        { id: "k2", name: "Сидорова Анна", position: "бухгалтер", phone: null, email: "buh@romashka.ru" },
      ],
    });
    const { backend, onsaved } = setup({ client: stored, initial: formFromClient(stored) });
    await fireEvent.click(screen.getByTestId("contact-remove-0"));
    await fireEvent.click(screen.getByTestId("contact-add"));
    await type("contact-name-1", "Новый водитель");
    await fireEvent.keyDown(byId("contact-name-1"), { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(backend.clients.update).toHaveBeenCalledWith(
      "c5",
      expect.objectContaining({
        contacts: [
          { id: "k2", name: "Сидорова Анна", position: "бухгалтер", phone: "", email: "buh@romashka.ru" },
          { id: null, name: "Новый водитель", position: "", phone: "", email: "" },
        ],
      }),
      false,
    );
  });

  it("shows issues under company fields and focuses the first one on screen", async () => {
    const { backend } = setup({ initial: formFromQuery("ООО Ромашка") });
    await fireEvent.click(screen.getByTestId("contact-add"));
    await type("contact-phone-0", "12");
    backend.clients.validate.mockResolvedValue([
      { field: "contacts.0.phone", issue: "phone_invalid", max: null, detail: null },
      { field: "company.bankAccount", issue: "account_checksum", max: null, detail: null },
      { field: "company.inn", issue: "inn_checksum", max: null, detail: null },
      { field: "contacts.0.name", issue: "required", max: null, detail: null },
    ]);
    await fireEvent.click(screen.getByTestId("client-save"));
    await waitFor(() =>
      expect(screen.getByTestId("error-company.inn").textContent).toBe(
        "Контрольное число ИНН не сходится — проверьте, нет ли опечатки",
      ),
    );
    expect(screen.getByTestId("error-company.bankAccount").textContent).toContain("Счёт не сходится с БИК");
    expect(screen.getByTestId("error-contacts.0.name").textContent).toBe("Укажите ФИО контактного лица");
    expect(screen.getByTestId("error-contacts.0.phone").textContent).toBe(PHONE_INVALID);
    expect(byId("company-inn").getAttribute("aria-invalid")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(byId("company-inn")));
    expect(backend.clients.create).not.toHaveBeenCalled();
  });

  it("asks a company for a phone of its own or of a contact person", async () => {
    const { backend } = setup({ initial: formFromQuery("ООО Ромашка") });
    backend.clients.validate.mockResolvedValue([{ field: "phones", issue: "phone_required", max: null, detail: null }]);
    await fireEvent.click(screen.getByTestId("client-save"));
    await waitFor(() =>
      expect(screen.getByTestId("error-phones").textContent).toBe("Укажите телефон организации или контактного лица"),
    );
  });

  it("checks the discount itself", async () => {
    const { backend } = setup({ initial: formFromQuery("Петров") });
    await type("client-discount", "15%");
    await fireEvent.click(screen.getByTestId("client-save"));
    await waitFor(() => expect(screen.getByTestId("error-discountPercent").textContent).toBe("Скидка — целое число от 0 до 100"));
    expect(backend.clients.validate).toHaveBeenCalledWith(expect.objectContaining({ discountPercent: 0 }));
    expect(backend.clients.create).not.toHaveBeenCalled();
  });

  it("sends the person's birth date, address and messengers", async () => {
    const { backend, onsaved } = setup({ initial: formFromQuery("Петров Пётр") });
    await type("client-birth-date", "27.11.1985");
    await type("client-address", "Пермь, ул. Мира, 5");
    await fireEvent.click(screen.getByTestId("client-telegram"));
    await type("client-phone-0", "89001112233");
    await fireEvent.keyDown(byId("client-phone-0"), { key: "Enter" });
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(backend.clients.create).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: "person",
        birthDate: "27.11.1985",
        address: "Пермь, ул. Мира, 5",
        usesTelegram: true,
        usesViber: false,
        company: expect.objectContaining({ shortName: "" }),
        contacts: [],
      }),
      false,
    );
  });

  it("adds the tag still being typed when Ctrl+Enter saves", async () => {
    const { backend, onsaved } = setup({ initial: formFromQuery("89001112233") });
    await type("client-surname", "Петров");
    await fireEvent.input(byId("client-tags"), { target: { value: "должник" } });
    await fireEvent.keyDown(byId("client-tags"), { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(backend.clients.create).toHaveBeenCalledWith(expect.objectContaining({ tags: ["должник"] }), false);
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
    backend.clients.validate.mockResolvedValue([{ field: "phones.0.number", issue: "phone_invalid", max: null, detail: null }]);
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

  it("counts a switch of the client's kind as a change", async () => {
    const { onclose } = setup();
    await fireEvent.click(byId("client-kind-company"));
    await fireEvent.keyDown(screen.getByTestId("client-form"), { key: "Escape" });
    expect(onclose).not.toHaveBeenCalled();
    expect(screen.getByTestId("client-discard")).toBeTruthy();
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
