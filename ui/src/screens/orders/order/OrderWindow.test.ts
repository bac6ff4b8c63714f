import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { failure, fakeBackend, withBackend } from "../../../test/fakeBackend";
import { ORDER_ID, issuedDocument, orderView } from "../../../test/fakeOrders";
import { SERVICES, searchServices } from "../../../test/fakePrices";
import { OIL_FILTER } from "../../../test/fakeProducts";
import { windows } from "../hosts.svelte";
import OrderWindow from "./OrderWindow.svelte";

const files = vi.hoisted(() => ({ pickPdfPath: vi.fn(async (_name: string): Promise<string | null> => null) }));
vi.mock("../pdfFiles", async (original) => ({ ...(await original<typeof import("../pdfFiles")>()), ...files }));

function mount(backend = fakeBackend()) {
  const onclose = vi.fn();
  render(OrderWindow, { props: { id: ORDER_ID, onclose }, context: withBackend(backend) });
  return { backend, onclose };
}

const byId = (id: string) => screen.getByTestId(id);
const nbsp = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

async function loaded() {
  await screen.findByTestId("order-number");
}

beforeEach(() => files.pickPdfPath.mockReset());

describe("the order window", () => {
  it("shows the order: number, status, client, car, lines and totals", async () => {
    const { backend } = mount();
    await loaded();
    expect(backend.orders.get).toHaveBeenCalledWith(ORDER_ID);
    expect(backend.documents.ofOrder).toHaveBeenCalledWith(ORDER_ID);
    expect(byId("order-number").textContent).toBe("ЗН-2026-000012");
    expect(byId("order-status").textContent).toBe("Открыт");
    expect(byId("order-client").textContent).toBe("Иванов Иван Петрович");
    expect(byId("order-vehicle").textContent).toBe("Kia Rio, А 123 ВС 77");
    expect(byId("order-promised").textContent).toBe("01.12.2026 к 18:00");
    expect(nbsp(byId("order-warranty").textContent)).toContain("180 дн. / 10 000 км");

    const work = nbsp(byId("order-work-row-0").textContent);
    expect(work).toContain("Замена моторного масла");
    expect(work).toContain("ТО-01");
    expect(work).toContain("1 н/ч");
    expect(work).toContain("2 000,00 ₽");
    expect(work).toContain("Петров Сергей");
    const part = nbsp(byId("order-part-row-0").textContent);
    expect(part).toContain("26300-35505");
    expect(part).toContain("Фильтр масляный");
    expect(part).toContain("1 шт");
    expect(part).toContain("850,00 ₽");

    expect(nbsp(byId("order-total").textContent)).toBe("2 850,00 ₽");
    expect(nbsp(byId("order-paid").textContent)).toBe("1 000,00 ₽");
    expect(nbsp(byId("order-debt").textContent)).toBe("1 850,00 ₽");
    expect(byId("order-totals").textContent).toContain("Без НДС");
    expect(byId("order-action-start").textContent).toBe("Начать работу");
    expect(screen.queryByTestId("order-action-issue")).toBeNull();
    expect(byId("order-intake").textContent).toContain("Стук спереди справа");
    expect(byId("order-intake-damage").textContent).toBe("2 отметки на схеме");
  });

  it("adds VAT on top and shows an overpayment", async () => {
    const backend = fakeBackend();
    const base = orderView();
    backend.orders.get.mockResolvedValue(
      orderView({
        pricing: { vat: { kind: "onTop", rate: "vat22" }, clientDiscount: { percent: 0, appliesTo: "all" } },
        totals: {
          ...base.totals,
          all: { gross: 285000, discount: 28500, net: 256500, vat: 56430, total: 312930 },
          vat: [{ rate: "vat22", net: 256500, vat: 56430, total: 312930 }],
        },
        balance: { total: 312930, received: 400000, refunded: 0, paid: 400000, debt: 0, prepayment: 87070 },
      }),
    );
    mount(backend);
    await loaded();
    expect(nbsp(byId("order-total-discount").textContent)).toBe("−285,00 ₽");
    expect(nbsp(byId("order-total-vat").textContent)).toContain("НДС 22 %");
    expect(nbsp(byId("order-total-vat").textContent)).toContain("564,30 ₽");
    expect(nbsp(byId("order-total").textContent)).toBe("3 129,30 ₽");
    expect(nbsp(byId("order-prepayment").textContent)).toBe("870,70 ₽");
    expect(screen.queryByTestId("order-debt")).toBeNull();
    // The overpaid money is what a refund offers.
    expect((byId("payment-kind") as HTMLSelectElement).value).toBe("refund");
    expect((byId("payment-amount") as HTMLInputElement).value).toBe("870,7");
  });

  it("adds a work picked from the price list with the mechanic chosen", async () => {
    const { backend } = mount();
    backend.prices.search.mockImplementation(searchServices(SERVICES));
    const revision = windows.revision;
    await loaded();
    await fireEvent.click(byId("order-add-work"));
    await fireEvent.change(byId("order-work-mechanic"), { target: { value: "1" } });
    const input = byId("order-work-picker") as HTMLInputElement;
    await fireEvent.input(input, { target: { value: "замена" } });
    await waitFor(() => expect(screen.getAllByTestId("order-work-picker-option").length).toBeGreaterThan(0));
    await fireEvent.click(screen.getAllByTestId("order-work-picker-option")[0]!);
    await waitFor(() =>
      expect(backend.orders.addWork).toHaveBeenCalledWith(ORDER_ID, {
        serviceId: SERVICES[0]!.id,
        quantity: "",
        price: "",
        mechanicId: 1,
        discount: "",
        discountKind: "percent",
        vatRate: null,
      }),
    );
    expect(windows.revision).toBeGreaterThan(revision);
  });

  it("edits a work line in place and keeps what was typed when refused", async () => {
    const { backend } = mount();
    await loaded();
    await fireEvent.click(byId("order-work-edit-0"));
    const quantity = byId("order-work-editor-quantity") as HTMLInputElement;
    expect(quantity.value).toBe("1");
    expect((byId("order-work-editor-price") as HTMLInputElement).value).toBe("2000");
    await fireEvent.input(quantity, { target: { value: "1,5x" } });
    backend.orders.updateWork.mockRejectedValueOnce(
      failure("validation", { issues: [{ field: "quantity", issue: "number_invalid", max: null, detail: null }] }),
    );
    await fireEvent.click(byId("order-work-editor-save"));
    await waitFor(() => expect(screen.getByTestId("error-quantity")).toBeTruthy());
    expect((byId("order-work-editor-quantity") as HTMLInputElement).value).toBe("1,5x");
    expect(backend.orders.updateWork.mock.calls[0]![2]).toMatchObject({ quantity: "1,5x", price: "2000", mechanicId: 1, discount: "" });
  });

  it("adds a part picked from the nomenclature with its quantity", async () => {
    const { backend } = mount();
    backend.products.search.mockResolvedValue([OIL_FILTER]);
    await loaded();
    await fireEvent.click(byId("order-add-part"));
    await fireEvent.input(byId("order-part-picker"), { target: { value: "фильтр" } });
    await waitFor(() => expect(screen.getAllByTestId("order-part-picker-option").length).toBe(1));
    await fireEvent.click(screen.getAllByTestId("order-part-picker-option")[0]!);
    const quantity = (await screen.findByTestId("order-part-quantity")) as HTMLInputElement;
    expect(quantity.value).toBe("1");
    await fireEvent.input(quantity, { target: { value: "2" } });
    await fireEvent.keyDown(quantity, { key: "Enter" });
    await waitFor(() =>
      expect(backend.orders.addPart).toHaveBeenCalledWith(ORDER_ID, {
        productId: OIL_FILTER.id,
        quantity: "2",
        price: "",
        discount: "",
        discountKind: "percent",
        vatRate: null,
      }),
    );
  });

  it("offers the booked mechanic for new works and reads the appointment once", async () => {
    const { backend } = mount();
    await loaded();
    await fireEvent.click(byId("order-add-work"));
    const booked = (await backend.appointments.get("")).appointment.mechanic;
    backend.appointments.get.mockClear();
    await fireEvent.click(byId("order-action-start"));
    await waitFor(() => expect(byId("order-status").textContent).toBe("В работе"));
    expect(backend.appointments.get).not.toHaveBeenCalled();
    expect((byId("order-work-mechanic") as HTMLSelectElement).value).toBe(String(booked));
  });

  it("starts the work with a status button and shows the new status", async () => {
    const { backend } = mount();
    await loaded();
    await fireEvent.click(byId("order-action-start"));
    await waitFor(() => expect(backend.orders.changeStatus).toHaveBeenCalledWith(ORDER_ID, { action: "start" }));
    await waitFor(() => expect(byId("order-status").textContent).toBe("В работе"));
  });

  it("asks a reason before cancelling", async () => {
    const { backend } = mount();
    await loaded();
    await fireEvent.click(byId("order-action-cancel"));
    expect(backend.orders.changeStatus).not.toHaveBeenCalled();
    await fireEvent.input(byId("order-reason"), { target: { value: "Клиент передумал" } });
    backend.orders.changeStatus.mockResolvedValueOnce(orderView({ status: "cancelled", actions: ["reopen"] }));
    await fireEvent.click(byId("order-reason-submit"));
    await waitFor(() =>
      expect(backend.orders.changeStatus).toHaveBeenCalledWith(ORDER_ID, { action: "cancel", reason: "Клиент передумал" }),
    );
    await waitFor(() => expect(byId("order-status").textContent).toBe("Отменён"));
  });

  it("takes a payment of the debt", async () => {
    const { backend } = mount();
    await loaded();
    expect((byId("payment-amount") as HTMLInputElement).value).toBe("1850");
    expect((byId("payment-kind") as HTMLSelectElement).value).toBe("advance");
    await fireEvent.change(byId("payment-kind"), { target: { value: "final" } });
    await fireEvent.change(byId("payment-method"), { target: { value: "cash" } });
    backend.orders.recordPayment.mockResolvedValueOnce(
      orderView({
        balance: { total: 285000, received: 285000, refunded: 0, paid: 285000, debt: 0, prepayment: 0 },
      }),
    );
    await fireEvent.click(byId("payment-submit"));
    await waitFor(() =>
      expect(backend.orders.recordPayment).toHaveBeenCalledWith(ORDER_ID, { kind: "final", method: "cash", amount: "1850", comment: "" }),
    );
    await waitFor(() => expect(nbsp(byId("order-debt").textContent)).toBe("0,00 ₽"));
    expect(byId("payment-notice")).toBeTruthy();
  });

  it("keeps the typed amount and shows the message when a payment is refused", async () => {
    const { backend } = mount();
    await loaded();
    await fireEvent.input(byId("payment-amount"), { target: { value: "99 999 999" } });
    backend.orders.recordPayment.mockRejectedValueOnce(
      failure("validation", { issues: [{ field: "amount", issue: "out_of_range", max: 10000000, detail: null }] }),
    );
    await fireEvent.click(byId("payment-submit"));
    await waitFor(() => expect(screen.getByTestId("error-amount")).toBeTruthy());
    expect((byId("payment-amount") as HTMLInputElement).value).toBe("99 999 999");
  });

  it("issues the acceptance act and prints it, naming the file when no viewer opens", async () => {
    const { backend } = mount();
    await loaded();
    expect(byId("doc-issue-acceptance").textContent?.trim()).toBe("Выдать");
    expect(screen.queryByTestId("doc-issue-invoice")).toBeNull(); // a person: no invoice
    await fireEvent.click(byId("doc-issue-acceptance"));
    await waitFor(() => expect(backend.documents.issue).toHaveBeenCalledWith(ORDER_ID, "acceptance"));
    const row = await screen.findByTestId("doc-row-acceptance");
    expect(row.textContent).toContain("АП-2026-000007");
    expect(byId("doc-issue-acceptance").textContent?.trim()).toBe("Выдать заново (версия 2)");

    backend.documents.print.mockResolvedValueOnce({ path: "/tmp/remzona-print/АП-2026-000007.pdf", opened: false, error: null });
    await fireEvent.click(byId("doc-open-acceptance"));
    await waitFor(() => expect(backend.documents.print).toHaveBeenCalledWith(issuedDocument("acceptance").id));
    const notice = await screen.findByTestId("doc-notice-acceptance");
    expect(notice.textContent).toContain("Файл сохранён: /tmp/remzona-print/АП-2026-000007.pdf");
    expect(notice.textContent).toContain("откройте его вручную");

    await fireEvent.click(byId("doc-open-acceptance"));
    await waitFor(() => expect(byId("doc-notice-acceptance").textContent).toContain("Документ открыт"));
  });

  it("saves a document where the operator chose, with the number as the file name", async () => {
    const backend = fakeBackend();
    backend.documents.ofOrder.mockResolvedValue([issuedDocument("completion", { version: 2 })]);
    files.pickPdfPath.mockResolvedValueOnce("/home/desk/АВ.pdf");
    mount(backend);
    await loaded();
    await fireEvent.click(await screen.findByTestId("doc-save-completion"));
    await waitFor(() => expect(backend.documents.save).toHaveBeenCalledWith(issuedDocument("completion").id, "/home/desk/АВ.pdf"));
    expect((await screen.findByTestId("doc-notice-completion")).textContent).toContain("Сохранено: /home/desk/АВ.pdf");
    expect(files.pickPdfPath).toHaveBeenCalledWith("АВ-2026-000007 (версия 2).pdf");
    expect(byId("doc-issue-completion").textContent?.trim()).toBe("Выдать заново (версия 3)");
  });

  it("sends a document by e-mail to the client's address and explains an unset mail server", async () => {
    const backend = fakeBackend();
    backend.documents.ofOrder.mockResolvedValue([issuedDocument("receipt")]);
    mount(backend);
    await loaded();
    await fireEvent.click(await screen.findByTestId("doc-email-receipt"));
    const to = byId("doc-email-input-receipt") as HTMLInputElement;
    await waitFor(() => expect(to.value).toBe("ivanov@mail.ru"));
    backend.documents.email.mockRejectedValueOnce(failure("conflict", { conflict: "gateway_not_configured" }));
    await fireEvent.click(byId("doc-email-send-receipt"));
    expect((await screen.findByTestId("doc-notice-receipt")).textContent).toContain("Почта не настроена");
    backend.documents.email.mockRejectedValueOnce(
      failure("validation", { issues: [{ field: "to", issue: "email_invalid", max: null, detail: null }] }),
    );
    await fireEvent.click(byId("doc-email-send-receipt"));
    expect((await screen.findByTestId("error-doc-email-input-receipt")).textContent?.length).toBeGreaterThan(0);
    backend.documents.email.mockResolvedValueOnce({ accepted: false, to: "ivanov@mail.ru", error: "550 mailbox unavailable" } as never);
    await fireEvent.submit(to.form!); // Enter in the address field
    await waitFor(() => expect(byId("doc-notice-receipt").textContent).toContain("550 mailbox unavailable"));
    await fireEvent.click(byId("doc-email-send-receipt"));
    await waitFor(() => expect(byId("doc-notice-receipt").textContent).toContain("Отправлено на ivanov@mail.ru"));
    expect(screen.queryByTestId("doc-email-input-receipt")).toBeNull();
  });

  it("lists the missing values in words when a document is refused", async () => {
    const { backend } = mount();
    await loaded();
    backend.documents.issue.mockRejectedValueOnce(
      failure("validation", {
        issues: [
          { field: "client.phone", issue: "required", max: null, detail: null },
          { field: "vehicle.vin", issue: "required", max: null, detail: null },
          { field: "vehicle.plate", issue: "required", max: null, detail: null },
          { field: "promisedDate", issue: "required", max: null, detail: null },
        ],
      }),
    );
    await fireEvent.click(byId("doc-issue-order"));
    const missing = await screen.findByTestId("doc-missing");
    expect(missing.textContent?.trim()).toBe(
      "Чтобы выдать документ «Заказ-наряд», заполните: телефон клиента, VIN или госномер автомобиля, обещанную дату готовности.",
    );
  });

  it("offers the invoice to a company", async () => {
    const backend = fakeBackend();
    backend.orders.get.mockResolvedValue(orderView({ client: { id: "c9", kind: "company", displayName: "ООО «Ромашка»" } }));
    mount(backend);
    await loaded();
    expect(byId("doc-issue-invoice")).toBeTruthy();
  });

  it("is read-only once issued: no line, terms or status controls but reopening", async () => {
    const backend = fakeBackend();
    backend.orders.get.mockResolvedValue(orderView({ status: "issued", actions: ["reopen"], issuedAt: "2026-12-01T15:00:00Z" }));
    mount(backend);
    await loaded();
    expect(byId("order-status").textContent).toBe("Выдан");
    expect(screen.queryByTestId("order-add-work")).toBeNull();
    expect(screen.queryByTestId("order-add-part")).toBeNull();
    expect(screen.queryByTestId("order-work-edit-0")).toBeNull();
    expect(screen.queryByTestId("order-part-remove-0")).toBeNull();
    expect(screen.queryByTestId("order-terms-edit")).toBeNull();
    expect(byId("order-read-only")).toBeTruthy();
    // Documents and payments still work on an issued order.
    expect(byId("doc-issue-completion")).toBeTruthy();
    expect(byId("payment-submit")).toBeTruthy();

    await fireEvent.click(byId("order-action-reopen"));
    expect((byId("order-reason") as HTMLTextAreaElement).value).toBe("Исправление выданного заказ-наряда");
    await fireEvent.click(byId("order-reason-submit"));
    await waitFor(() =>
      expect(backend.orders.changeStatus).toHaveBeenCalledWith(ORDER_ID, { action: "reopen", reason: "Исправление выданного заказ-наряда" }),
    );
  });

  it("changes the promised date and shows the core's message under the field", async () => {
    const { backend } = mount();
    await loaded();
    await fireEvent.click(byId("order-terms-edit"));
    expect((byId("order-terms-date") as HTMLInputElement).value).toBe("01.12.2026");
    await fireEvent.input(byId("order-terms-date"), { target: { value: "29.11.2026" } });
    backend.orders.setTerms.mockRejectedValueOnce(
      failure("validation", { issues: [{ field: "promisedDate", issue: "out_of_range", max: null, detail: null }] }),
    );
    await fireEvent.click(byId("order-terms-save"));
    await waitFor(() => expect(screen.getByTestId("error-promisedDate")).toBeTruthy());
    expect(backend.orders.setTerms).toHaveBeenCalledWith(ORDER_ID, {
      promisedDate: "29.11.2026",
      promisedTime: "18:00",
      warrantyDays: "180",
      warrantyKm: "10000",
    });
    expect((byId("order-terms-date") as HTMLInputElement).value).toBe("29.11.2026");
  });

  it("shows the history in words when unfolded", async () => {
    const { backend } = mount();
    backend.orders.history.mockResolvedValue([
      { at: "2026-11-30T07:05:00Z", kind: "created", detail: '{"number":"ЗН-2026-000012","walkIn":false}' },
      { at: "2026-11-30T07:10:00Z", kind: "status_changed", detail: '{"kind":"statusChanged","from":"open","to":"in_progress"}' },
      { at: "2026-11-30T07:15:00Z", kind: "payment", detail: '{"kind":"advance","method":"card","amount":100000}' },
      { at: "2026-11-30T07:20:00Z", kind: "document_issued", detail: '{"kind":"acceptance","number":"АП-2026-000007","version":1}' },
    ]);
    await loaded();
    const history = byId("order-history") as HTMLDetailsElement;
    history.open = true;
    await fireEvent(history, new Event("toggle"));
    await waitFor(() => expect(screen.getAllByTestId("order-history-item")).toHaveLength(4));
    const lines = screen.getAllByTestId("order-history-item").map((li) => nbsp(within(li).getByText(/./, { selector: "span" }).textContent));
    expect(lines).toEqual([
      "Заказ-наряд открыт по записи",
      "Статус: Открыт → В работе",
      "Аванс, карта: 1 000,00 ₽",
      "Выдан документ «Акт приёма-передачи» № АП-2026-000007",
    ]);
  });

  it("closes with the button", async () => {
    const { onclose } = mount();
    await loaded();
    await fireEvent.click(byId("order-close"));
    expect(onclose).toHaveBeenCalled();
  });
});
