import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { ClientCard as Card, ConsentRecord, HistoryEntry } from "../../../lib/api/client";
import { card, client, failure, fakeBackend, vehicle, withBackend } from "../../../test/fakeBackend";
import { documentBrief, orderView } from "../../../test/fakeOrders";
import { closeOrder, ordersChanged, windows } from "../../orders/hosts.svelte";
import ClientCard from "./ClientCard.svelte";

const dialog = vi.hoisted(() => ({ save: vi.fn(async (_options: unknown): Promise<string | null> => null) }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

vi.mock("../../../lib/components/MergeDialog.svelte", async () => ({
  default: (await import("./testing/MergeDialogStub.svelte")).default,
}));

function setup(data: Card = card()) {
  const backend = fakeBackend();
  backend.clients.card.mockResolvedValue(data);
  const callbacks = { onback: vi.fn(), onopenclient: vi.fn() };
  render(ClientCard, { props: { id: data.client.id, ...callbacks }, context: withBackend(backend) });
  return { backend, ...callbacks };
}

const company = () =>
  client({
    id: "c5",
    kind: "company",
    displayName: "ООО «Вектор»",
    surname: "",
    name: "",
    patronymic: "",
    company: {
      fullName: "Общество с ограниченной ответственностью «Вектор»",
      shortName: "ООО «Вектор»",
      inn: "7707083893",
      kpp: "773601001",
      ogrn: "1027700132195",
      legalAddress: "г. Москва, ул. Вавилова, д. 19",
      postalAddress: "",
      bankAccount: "40702810900000000001",
      bankName: "ПАО Сбербанк",
      bik: "044525225",
      corrAccount: "30101810400000000225",
    },
    phones: [
      { number: "+74951234567", label: "офис", primary: true },
      { number: "+79161112233", label: "", primary: false },
    ],
    usesTelegram: true,
    contacts: [
      { id: "p1", name: "Сидоров Олег", position: "главный механик", phone: "+79035556677", email: "sidorov@vector.ru" },
    ],
  });

const PD_RECORD: ConsentRecord = {
  topic: "personal_data",
  granted: true,
  documentVersion: "Согласие на обработку ПДн, ред. 01.09.2025",
  recordedBy: "Смирнова Анна",
  note: "",
  recordedAt: "2025-03-12T10:00:00",
};

describe("ClientCard", () => {
  it("shows a company's requisites and contact persons", async () => {
    setup(card({ client: company() }));
    expect((await screen.findByTestId("card-name")).textContent).toBe("ООО «Вектор»");
    expect(screen.getByTestId("card-kind").textContent?.trim()).toBe("Организация");
    expect(screen.getByTestId("client-card").dataset.id).toBe("c5");

    const requisites = screen.getByTestId("card-requisites").textContent ?? "";
    for (const text of ["Общество с ограниченной ответственностью «Вектор»", "ИНН", "7707083893", "КПП", "773601001", "ОГРН", "1027700132195", "ул. Вавилова", "ПАО Сбербанк", "044525225", "40702810900000000001", "30101810400000000225"]) {
      expect(requisites).toContain(text);
    }
    expect(requisites).not.toContain("Почтовый адрес");

    const contacts = screen.getByTestId("card-contacts");
    expect(contacts.textContent).toContain("+7 495 123-45-67");
    expect(contacts.textContent).toContain("основной");
    expect(contacts.textContent).toContain("Telegram");
    const person = within(contacts).getByTestId("card-contact-person").textContent ?? "";
    expect(person).toContain("Сидоров Олег");
    expect(person).toContain("главный механик");
    expect(person).toContain("+7 903 555-66-77");
    expect(person).toContain("sidorov@vector.ru");
  });

  it("records a consent and reloads the card", async () => {
    const { backend } = setup(card({ consentLog: [{ ...PD_RECORD, granted: false, recordedAt: "2025-04-01T10:00:00" }, PD_RECORD] }));
    localStorage.setItem("remzona.operator", "Смирнова Анна");
    await fireEvent.click(await screen.findByTestId("consent-grant-personal_data"));
    const dialog = screen.getByTestId("consent-dialog");
    expect(dialog.textContent).toContain("Согласие: Обработка персональных данных");
    const version = screen.getByTestId("consent-document-version") as HTMLInputElement;
    expect(version.value).toBe("Согласие на обработку ПДн, ред. 01.09.2025");
    expect((screen.getByTestId("consent-recorded-by") as HTMLInputElement).value).toBe("Смирнова Анна");

    await fireEvent.input(version, { target: { value: "" } });
    await fireEvent.input(screen.getByTestId("consent-recorded-by"), { target: { value: "Кузнецов Павел" } });
    await fireEvent.click(screen.getByTestId("consent-save"));
    expect(screen.getByTestId("error-documentVersion").textContent).toContain("Укажите документ и его редакцию");
    expect(backend.clients.recordConsent).not.toHaveBeenCalled();

    await fireEvent.input(version, { target: { value: "Согласие на обработку ПДн, ред. 01.12.2026" } });
    await fireEvent.click(screen.getByTestId("consent-save"));
    await waitFor(() => expect(screen.queryByTestId("consent-dialog")).toBeNull());
    expect(backend.clients.recordConsent).toHaveBeenCalledWith("c1", {
      topic: "personal_data",
      granted: true,
      documentVersion: "Согласие на обработку ПДн, ред. 01.12.2026",
      recordedBy: "Кузнецов Павел",
      note: "",
    });
    expect(backend.clients.card).toHaveBeenCalledTimes(2);
    expect(localStorage.getItem("remzona.operator")).toBe("Кузнецов Павел");
  });

  it("shows the state of each consent and records a withdrawal", async () => {
    const data = card();
    data.consents[0] = { topic: "personal_data", granted: true, latest: PD_RECORD };
    data.consents[1] = { topic: "sms", granted: false, latest: { ...PD_RECORD, topic: "sms", granted: false, documentVersion: "", recordedBy: "Кузнецов Павел", recordedAt: "2026-01-15T10:00:00" } };
    const { backend } = setup(data);
    const pd = await screen.findByTestId("consent-personal_data");
    expect(pd.textContent).toContain("получено 12.03.2025, записал(а) Смирнова Анна");
    expect(pd.textContent).toContain("ред. 01.09.2025");
    expect(screen.getByTestId("consent-sms").textContent).toContain("отозвано 15.01.2026");
    expect(screen.getByTestId("consent-email").textContent).toContain("нет");
    expect(screen.queryByTestId("consent-withdraw-sms")).toBeNull();

    await fireEvent.click(screen.getByTestId("consent-withdraw-personal_data"));
    expect(screen.getByTestId("consent-dialog").textContent).toContain("Отзыв согласия");
    expect((screen.getByTestId("consent-document-version") as HTMLInputElement).value).toBe("");
    await fireEvent.input(screen.getByTestId("consent-recorded-by"), { target: { value: "Кузнецов Павел" } });
    await fireEvent.click(screen.getByTestId("consent-save"));
    await waitFor(() => expect(backend.clients.recordConsent).toHaveBeenCalled());
    expect(backend.clients.recordConsent).toHaveBeenCalledWith("c1", expect.objectContaining({ topic: "personal_data", granted: false }));
  });

  it("strikes out reminder channels the shop may not use and says why", async () => {
    const data = card({
      client: client({ reminderChannels: ["telegram", "sms", "call"] }),
      allowedChannels: ["sms", "call"],
    });
    data.consents[0] = { topic: "personal_data", granted: true, latest: PD_RECORD };
    data.consents[1] = { topic: "sms", granted: true, latest: { ...PD_RECORD, topic: "sms" } };
    setup(data);
    const telegram = await screen.findByTestId("card-channel-telegram");
    expect(telegram.dataset.allowed).toBe("false");
    expect(telegram.querySelector("s")?.textContent).toBe("Telegram");
    expect(telegram.textContent).toContain("нет согласия");
    expect(telegram.textContent).toContain("основной");
    expect(telegram.getAttribute("title")).toContain("Нет согласия на этот канал");
    expect(screen.getByTestId("card-channel-sms").dataset.allowed).toBe("true");
    expect(screen.getByTestId("card-channel-call").dataset.allowed).toBe("true");
  });

  it("names the missing personal-data consent when channels are not allowed", async () => {
    setup(card({ client: client({ reminderChannels: ["sms", "call"] }), allowedChannels: ["call"] }));
    const sms = await screen.findByTestId("card-channel-sms");
    expect(sms.dataset.allowed).toBe("false");
    expect(sms.getAttribute("title")).toContain("обработку персональных данных");
  });

  it("filters the history by section and says when a section is empty", async () => {
    const history: HistoryEntry[] = [
      { at: "2025-03-04T09:00:00", kind: "client_created", vehicle: null, detail: "" },
      { at: "2025-03-05T09:00:00", kind: "vehicle_added", vehicle: { id: "v1", plate: "А123ВС77", vin: null, make: "LADA", model: "Granta", year: 2019 }, detail: "" },
      { at: "2025-03-06T09:00:00", kind: "odometer_recorded", vehicle: { id: "v1", plate: "А123ВС77", vin: null, make: "LADA", model: "Granta", year: 2019 }, detail: "84000 km" },
      { at: "2025-03-12T10:00:00", kind: "consent_granted", vehicle: null, detail: "personal_data" },
    ];
    setup(card({ history }));
    const entries = await screen.findAllByTestId("history-entry");
    expect(entries.map((e) => e.dataset.kind)).toEqual(["consent_granted", "odometer_recorded", "vehicle_added", "client_created"]);
    expect(entries[0]!.textContent).toContain("12 марта 2025, 10:00");
    expect(entries[0]!.textContent).toContain("Получено согласие");
    expect(entries[0]!.textContent).toContain("Обработка персональных данных");
    expect(entries[1]!.textContent).toContain("84\u00a0000\u00a0км");
    expect(entries[1]!.textContent).toContain("А 123 ВС 77");

    await fireEvent.click(screen.getByTestId("history-filter-orders"));
    expect(screen.getByTestId("history-filter-orders").getAttribute("aria-pressed")).toBe("true");
    expect(screen.queryAllByTestId("history-entry")).toHaveLength(0);
    expect(screen.getByTestId("card-history").textContent).toContain("Заказ-нарядов пока нет");

    await fireEvent.click(screen.getByTestId("history-filter-vehicles"));
    expect(screen.getAllByTestId("history-entry")).toHaveLength(2);
    await fireEvent.click(screen.getByTestId("history-filter-consents"));
    expect(screen.getAllByTestId("history-entry")).toHaveLength(1);
  });

  it("lists the cars and opens one", async () => {
    const { backend } = setup(card({ vehicles: [vehicle({ driver: { id: "p1", name: "Сидоров Олег" } })] }));
    const row = await screen.findByTestId("card-vehicle");
    expect(row.dataset.id).toBe("v1");
    for (const text of ["А 123 ВС 77", "LADA Granta, 2019", "XTA219070K0123456", "84\u00a0000\u00a0км на 20.11.2026", "Водитель: Сидоров Олег"]) {
      expect(row.textContent).toContain(text);
    }
    await fireEvent.click(row);
    expect(await screen.findByTestId("vehicle-details")).toBeTruthy();
    expect(backend.vehicles.get).toHaveBeenCalledWith("v1");
  });

  it("adds a car for the client and reloads", async () => {
    const { backend } = setup();
    await fireEvent.click(await screen.findByTestId("card-add-vehicle"));
    expect(screen.getByTestId("vehicle-form").textContent).toContain("Владелец: Иванов Иван Иванович");
    await fireEvent.input(screen.getByTestId("vehicle-plate"), { target: { value: "А123ВС77" } });
    await fireEvent.click(screen.getByTestId("vehicle-save"));
    await waitFor(() => expect(screen.queryByTestId("vehicle-form")).toBeNull());
    expect(backend.vehicles.create).toHaveBeenCalledWith("c1", expect.objectContaining({ plate: "А123ВС77" }), false);
    expect(backend.clients.card).toHaveBeenCalledTimes(2);
  });

  it("edits the client in the client window and reloads", async () => {
    const { backend } = setup();
    await fireEvent.click(await screen.findByTestId("card-edit"));
    expect(screen.getByTestId("client-form")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("client-save"));
    await waitFor(() => expect(screen.queryByTestId("client-form")).toBeNull());
    expect(backend.clients.update).toHaveBeenCalledWith("c1", expect.objectContaining({ surname: "Иванов" }), false);
    expect(backend.clients.card).toHaveBeenCalledTimes(2);
  });

  it("archives and restores", async () => {
    const { backend } = setup();
    const button = await screen.findByTestId("card-archive");
    expect(button.textContent?.trim()).toBe("В архив");
    backend.clients.card.mockResolvedValue(card({ client: client({ archivedAt: "2026-11-27T09:00:00Z" }) }));
    await fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId("card-archive").textContent?.trim()).toBe("Вернуть из архива"));
    expect(backend.clients.archive).toHaveBeenCalledWith("c1", true);
    expect(screen.getByTestId("card-archived").textContent?.trim()).toBe("в архиве");
  });

  it("goes back on Esc only when no dialog is open", async () => {
    const { onback } = setup();
    await fireEvent.click(await screen.findByTestId("consent-grant-sms"));
    await fireEvent.keyDown(screen.getByTestId("consent-recorded-by"), { key: "Escape" });
    expect(screen.queryByTestId("consent-dialog")).toBeNull();
    expect(onback).not.toHaveBeenCalled();
    await fireEvent.keyDown(window, { key: "Escape" });
    expect(onback).toHaveBeenCalledTimes(1);
    await fireEvent.click(screen.getByTestId("card-back"));
    expect(onback).toHaveBeenCalledTimes(2);
  });

  it("opens the kept client after a merge", async () => {
    const { onopenclient } = setup();
    await fireEvent.click(await screen.findByTestId("card-merge"));
    expect(screen.getByTestId("merge-dialog").dataset.keep).toBe("c1");
    await fireEvent.click(screen.getByTestId("merge-stub"));
    expect(onopenclient).toHaveBeenCalledWith("c2");
    expect(screen.queryByTestId("merge-dialog")).toBeNull();
  });

  it("points a merged record to the main card", async () => {
    const { onopenclient } = setup(card({ client: client({ mergedInto: "c2" }) }));
    const banner = await screen.findByTestId("card-merged");
    expect(banner.textContent).toContain("Клиент объединён с другой карточкой");
    expect((screen.getByTestId("card-edit") as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId("card-merged-open"));
    expect(onopenclient).toHaveBeenCalledWith("c2");
  });

  it("makes a link for the Telegram bot and copies it", async () => {
    const { backend } = setup();
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    try {
      expect(screen.queryByTestId("client-telegram-link-url")).toBeNull();
      const button = await screen.findByTestId("client-telegram-link");
      expect(button.textContent?.trim()).toBe("Ссылка для Telegram-бота");
      await fireEvent.click(button);
      const url = (await screen.findByTestId("client-telegram-link-url")) as HTMLInputElement;
      expect(backend.reminders.telegramLink).toHaveBeenCalledWith("c1");
      expect(url.value).toBe("https://t.me/gaika_service_bot?start=abc123");
      expect(url.readOnly).toBe(true);
      expect(screen.getByTestId("card-telegram").textContent).toContain(
        "Отправьте ссылку клиенту: после нажатия «Start» в Telegram напоминания будут приходить в чат с ботом.",
      );

      const copy = screen.getByTestId("client-telegram-link-copy");
      expect(copy.textContent?.trim()).toBe("Копировать");
      await fireEvent.click(copy);
      await waitFor(() => expect(writeText).toHaveBeenCalledWith("https://t.me/gaika_service_bot?start=abc123"));
      expect((await screen.findByTestId("client-telegram-link-copied")).textContent).toContain("Скопировано");
    } finally {
      Reflect.deleteProperty(navigator, "clipboard");
    }
  });

  it("selects the Telegram link when the clipboard is not available", async () => {
    setup();
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: vi.fn(async () => Promise.reject(new Error("denied"))) },
      configurable: true,
    });
    try {
      await fireEvent.click(await screen.findByTestId("client-telegram-link"));
      const url = (await screen.findByTestId("client-telegram-link-url")) as HTMLInputElement;
      await fireEvent.click(screen.getByTestId("client-telegram-link-copy"));
      await waitFor(() => expect(screen.getByTestId("client-telegram-link-copied").textContent).toContain("нажмите Ctrl+C"));
      expect(document.activeElement).toBe(url);
      expect([url.selectionStart, url.selectionEnd]).toEqual([0, url.value.length]);
    } finally {
      Reflect.deleteProperty(navigator, "clipboard");
    }
  });

  it("says where to set up the Telegram bot when it is not configured", async () => {
    const { backend } = setup();
    backend.reminders.telegramLink.mockRejectedValue(failure("conflict", { conflict: "gateway_not_configured" }));
    await fireEvent.click(await screen.findByTestId("client-telegram-link"));
    const error = await screen.findByTestId("client-telegram-link-error");
    expect(error.textContent?.trim()).toBe("Telegram-бот не настроен: Настройки → Каналы рассылки.");
    expect(screen.queryByTestId("client-telegram-link-url")).toBeNull();
  });

  it("does not offer a Telegram link on a merged record", async () => {
    setup(card({ client: client({ mergedInto: "c2" }) }));
    expect(((await screen.findByTestId("client-telegram-link")) as HTMLButtonElement).disabled).toBe(true);
  });
  it("shows the client's debt, orders and documents, newest first", async () => {
    const { backend } = setup(card({ client: client({ email: "ivanov@mail.ru" }) }));
    backend.orders.ofClient.mockResolvedValue({
      orders: [
        orderView(),
        orderView({
          id: "01938f00-0000-7000-8000-00000000a002",
          number: "ЗН-2026-000003",
          status: "issued",
          acceptedAt: "2026-10-02T07:00:00Z",
          balance: { total: 450000, received: 450000, refunded: 0, paid: 450000, debt: 0, prepayment: 0 },
        }),
      ],
      documents: [
        documentBrief("acceptance"),
        documentBrief("completion", { id: "d-old", number: "АВ-2026-000002", issuedAt: "2026-10-03T09:00:00Z", version: 2 }),
        documentBrief("order", { id: "d-new", number: "ЗН-2026-000012", issuedAt: "2026-11-30T08:00:00Z" }),
      ],
      balance: { total: 735000, received: 550000, refunded: 0, paid: 550000, debt: 185000, prepayment: 0 },
    });
    const balance = await screen.findByTestId("card-balance");
    expect(backend.orders.ofClient).toHaveBeenCalledWith("c1");
    expect(balance.textContent).toContain("Долг 1\u00a0850,00\u00a0₽");
    expect(balance.querySelector("[data-state=debt]")).toBeTruthy();

    const first = screen.getByTestId("card-order-0");
    for (const text of ["ЗН-2026-000012", "30.11.2026", "Открыт", "А 123 ВС 77", "2\u00a0850,00\u00a0₽", "долг 1\u00a0850,00\u00a0₽"]) {
      expect(first.textContent).toContain(text);
    }
    expect(screen.getByTestId("card-order-1").textContent).toContain("Выдан");
    expect(screen.getByTestId("card-order-1").textContent).not.toContain("долг");

    const docs = [0, 1, 2].map((i) => screen.getByTestId(`card-doc-${i}`));
    expect(docs.map((d) => d.dataset.kind)).toEqual(["order", "acceptance", "completion"]);
    expect(docs[0]!.textContent).toContain("Заказ-наряд");
    expect(docs[1]!.textContent).toContain("Акт приёма-передачи");
    expect(docs[1]!.textContent).toContain("АП-2026-000007");
    expect(docs[1]!.textContent).toContain("А 123 ВС 77");
    expect(docs[1]!.textContent).not.toContain("версия");
    expect(docs[2]!.textContent).toContain("Акт выполненных работ");
    expect(docs[2]!.textContent).toContain("версия 2");
    expect(docs[2]!.textContent).toContain("03.10.2026");

    await fireEvent.click(screen.getByTestId("card-doc-open-1"));
    await waitFor(() => expect(backend.documents.print).toHaveBeenCalledWith(documentBrief("acceptance").id));
    await fireEvent.click(screen.getByTestId("card-doc-email-1"));
    expect((screen.getByTestId("card-doc-email-input-1") as HTMLInputElement).value).toBe("ivanov@mail.ru");
    expect(screen.getByTestId("card-doc-save-1")).toBeTruthy();

    await fireEvent.click(first);
    expect(windows.order).toBe(orderView().id);
    closeOrder();
  });

  it("says when the client owes nothing or has paid ahead", async () => {
    const { backend } = setup();
    backend.orders.ofClient.mockResolvedValue({
      orders: [orderView({ balance: { total: 285000, received: 285000, refunded: 0, paid: 285000, debt: 0, prepayment: 0 } })],
      documents: [],
      balance: { total: 285000, received: 285000, refunded: 0, paid: 285000, debt: 0, prepayment: 0 },
    });
    expect((await screen.findByTestId("card-balance")).textContent).toContain("Расчёты закрыты");
    expect(screen.getByTestId("card-orders").textContent).toContain("Документов пока нет");

    backend.orders.ofClient.mockResolvedValue({
      orders: [orderView()],
      documents: [],
      balance: { total: 285000, received: 300000, refunded: 0, paid: 300000, debt: 0, prepayment: 15000 },
    });
    ordersChanged();
    await waitFor(() => expect(screen.getByTestId("card-balance").textContent).toContain("Предоплата 150,00\u00a0₽"));
    expect(backend.clients.card).toHaveBeenCalledTimes(2);
  });

  it("says when there are no orders yet", async () => {
    const { backend } = setup();
    backend.orders.ofClient.mockResolvedValue({
      orders: [],
      documents: [],
      balance: { total: 0, received: 0, refunded: 0, paid: 0, debt: 0, prepayment: 0 },
    });
    await waitFor(() => expect(screen.getByTestId("card-orders").textContent).toContain("Заказ-нарядов пока нет"));
    expect(screen.queryByTestId("card-balance")).toBeNull();
  });

  it("words the orders, payments and documents in the history", async () => {
    const car = { id: "v1", plate: "А123ВС77", vin: null, make: "Kia", model: "Rio", year: 2019 };
    const history: HistoryEntry[] = [
      { at: "2026-11-30T07:05:00Z", kind: "repair_order", vehicle: car, detail: "ЗН-2026-000012 · Стук спереди" },
      { at: "2026-11-30T07:15:00Z", kind: "payment", vehicle: car, detail: "ЗН-2026-000012 · 1000.00 · card" },
      { at: "2026-11-30T07:20:00Z", kind: "document", vehicle: car, detail: "Акт приёма-передачи автомобиля в ремонт АП-2026-000007 (версия 2)" },
      { at: "2026-11-30T09:00:00Z", kind: "repair_order", vehicle: car, detail: "ЗН-2026-000012 · in_progress" },
    ];
    setup(card({ history }));
    const entries = await screen.findAllByTestId("history-entry");
    expect(entries[0]!.textContent).toContain("ЗН-2026-000012 · В работе");
    expect(entries[1]!.textContent).toContain("Акт приёма-передачи АП-2026-000007, версия 2");
    expect(entries[2]!.textContent).toContain("Оплата");
    expect(entries[2]!.textContent).toContain("ЗН-2026-000012 · 1\u00a0000,00\u00a0₽ · картой");
    expect(entries[3]!.textContent).toContain("ЗН-2026-000012 · Стук спереди");

    await fireEvent.click(screen.getByTestId("history-filter-payments"));
    expect(screen.getAllByTestId("history-entry")).toHaveLength(1);
    await fireEvent.click(screen.getByTestId("history-filter-orders"));
    expect(screen.getAllByTestId("history-entry")).toHaveLength(2);
    await fireEvent.click(screen.getByTestId("history-filter-documents"));
    expect(screen.getAllByTestId("history-entry")).toHaveLength(1);
  });
});
