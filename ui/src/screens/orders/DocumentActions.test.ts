import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import { documentBrief } from "../../test/fakeOrders";
import DocumentActions from "./DocumentActions.svelte";

const dialog = vi.hoisted(() => ({ save: vi.fn(async (_options: unknown): Promise<string | null> => null) }));
vi.mock("@tauri-apps/plugin-dialog", () => dialog);

const DOC = documentBrief("acceptance");

function setup(props: { email?: string | null } = {}) {
  const backend = fakeBackend();
  render(DocumentActions, {
    props: { document: DOC, testid: "doc", index: 0, ...props },
    context: withBackend(backend),
  });
  return backend;
}

beforeEach(() => dialog.save.mockReset());

describe("DocumentActions", () => {
  it("opens the PDF in the viewer and names the file when no viewer took it", async () => {
    const backend = setup();
    await fireEvent.click(screen.getByTestId("doc-open-0"));
    await waitFor(() => expect(backend.documents.print).toHaveBeenCalledWith(DOC.id));
    expect((await screen.findByTestId("doc-notice-0")).textContent).toContain("Документ открыт в программе просмотра");

    backend.documents.print.mockResolvedValueOnce({ path: "/tmp/remzona-print/АП-2026-000007.pdf", opened: false, error: "no viewer" });
    await fireEvent.click(screen.getByTestId("doc-open-0"));
    await waitFor(() => expect(screen.getByTestId("doc-notice-0").textContent).toContain("Файл сохранён: /tmp/remzona-print/АП-2026-000007.pdf"));
    expect(screen.getByTestId("doc-notice-0").textContent).toContain("откройте его вручную");
    expect(screen.getByTestId("doc-notice-0").textContent).toContain("no viewer");
  });

  it("shows why the document could not be made", async () => {
    const backend = setup();
    backend.documents.print.mockRejectedValueOnce(failure("document"));
    await fireEvent.click(screen.getByTestId("doc-open-0"));
    expect((await screen.findByTestId("doc-notice-0")).getAttribute("role")).toBe("alert");
  });

  it("saves a copy where the operator chose, named by the number", async () => {
    const backend = setup();
    dialog.save.mockResolvedValueOnce("/home/anna/АП-2026-000007.pdf");
    await fireEvent.click(screen.getByTestId("doc-save-0"));
    await waitFor(() => expect(backend.documents.save).toHaveBeenCalledWith(DOC.id, "/home/anna/АП-2026-000007.pdf"));
    expect(dialog.save).toHaveBeenCalledWith({
      defaultPath: "АП-2026-000007.pdf",
      filters: [{ name: "Документ PDF", extensions: ["pdf"] }],
    });
    expect((await screen.findByTestId("doc-notice-0")).textContent).toContain("Сохранено: /home/anna/АП-2026-000007.pdf");
  });

  it("names a later version as the core names its file", async () => {
    const backend = fakeBackend();
    render(DocumentActions, {
      props: { document: { ...DOC, version: 3 }, testid: "doc", index: "acceptance" },
      context: withBackend(backend),
    });
    await fireEvent.click(screen.getByTestId("doc-save-acceptance"));
    await waitFor(() => expect(dialog.save).toHaveBeenCalled());
    expect(dialog.save.mock.calls[0]![0]).toMatchObject({ defaultPath: "АП-2026-000007 (версия 3).pdf" });
  });

  it("does nothing when the save dialog is cancelled", async () => {
    const backend = setup();
    await fireEvent.click(screen.getByTestId("doc-save-0"));
    await waitFor(() => expect(dialog.save).toHaveBeenCalled());
    expect(backend.documents.save).not.toHaveBeenCalled();
  });

  it("sends by e-mail to the client's address, editable", async () => {
    const backend = setup({ email: "ivanov@mail.ru" });
    await fireEvent.click(screen.getByTestId("doc-email-0"));
    const input = screen.getByTestId("doc-email-input-0") as HTMLInputElement;
    expect(input.value).toBe("ivanov@mail.ru");
    await waitFor(() => expect(document.activeElement).toBe(input));
    await fireEvent.input(input, { target: { value: "buh@vector.ru" } });
    await fireEvent.click(screen.getByTestId("doc-email-send-0"));
    await waitFor(() => expect(backend.documents.email).toHaveBeenCalledWith(DOC.id, "buh@vector.ru"));
    expect((await screen.findByTestId("doc-notice-0")).textContent).toContain("Отправлено на buh@vector.ru");
    expect(screen.queryByTestId("doc-email-input-0")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("doc-email-0")));
  });

  it("sends on Enter and keeps following the client's address until one is typed", async () => {
    const backend = fakeBackend();
    const view = render(DocumentActions, {
      props: { document: DOC, testid: "doc", index: 0, email: "" },
      context: withBackend(backend),
    });
    await fireEvent.click(screen.getByTestId("doc-email-0"));
    const input = screen.getByTestId("doc-email-input-0") as HTMLInputElement;
    expect(input.value).toBe("");
    await view.rerender({ document: DOC, testid: "doc", index: 0, email: "ivanov@mail.ru" });
    await waitFor(() => expect(input.value).toBe("ivanov@mail.ru"));
    await fireEvent.submit(input.form!);
    await waitFor(() => expect(backend.documents.email).toHaveBeenCalledWith(DOC.id, "ivanov@mail.ru"));
  });

  it("shows the server's words when it refuses the letter", async () => {
    const backend = setup({ email: "ivanov@mail.ru" });
    backend.documents.email.mockResolvedValueOnce({ accepted: false, to: "ivanov@mail.ru", error: "550 mailbox unavailable" });
    await fireEvent.click(screen.getByTestId("doc-email-0"));
    await fireEvent.click(screen.getByTestId("doc-email-send-0"));
    const notice = await screen.findByTestId("doc-notice-0");
    expect(notice.textContent).toContain("Почтовый сервер не принял письмо: 550 mailbox unavailable");
    expect(screen.getByTestId("doc-email-input-0")).toBeTruthy();
  });

  it("shows a wrong address at the field and says when mail is not set up", async () => {
    const backend = setup();
    await fireEvent.click(screen.getByTestId("doc-email-0"));
    await fireEvent.click(screen.getByTestId("doc-email-send-0"));
    expect(screen.getByTestId("error-doc-email-input-0").textContent).toContain("Укажите адрес e-mail");
    expect(backend.documents.email).not.toHaveBeenCalled();

    backend.documents.email.mockRejectedValueOnce(
      failure("validation", { issues: [{ field: "to", issue: "email_invalid", max: null, detail: null }] }),
    );
    await fireEvent.input(screen.getByTestId("doc-email-input-0"), { target: { value: "ivanov@" } });
    await fireEvent.click(screen.getByTestId("doc-email-send-0"));
    expect((await screen.findByTestId("error-doc-email-input-0")).textContent?.length).toBeGreaterThan(0);

    backend.documents.email.mockRejectedValueOnce(failure("conflict", { conflict: "gateway_not_configured" }));
    await fireEvent.input(screen.getByTestId("doc-email-input-0"), { target: { value: "ivanov@mail.ru" } });
    await fireEvent.click(screen.getByTestId("doc-email-send-0"));
    expect((await screen.findByTestId("doc-notice-0")).textContent).toContain("Почта не настроена");

    backend.documents.email.mockRejectedValueOnce(failure("database"));
    await fireEvent.click(screen.getByTestId("doc-email-send-0"));
    await waitFor(() => expect(screen.getByTestId("doc-notice-0").getAttribute("role")).toBe("alert"));
    expect(screen.queryByTestId("error-doc-email-input-0")).toBeNull();
  });

  it("closes the address on Esc without closing anything around it", async () => {
    setup({ email: "ivanov@mail.ru" });
    const outer = vi.fn();
    window.addEventListener("keydown", outer);
    try {
      await fireEvent.click(screen.getByTestId("doc-email-0"));
      await fireEvent.keyDown(screen.getByTestId("doc-email-input-0"), { key: "Escape" });
      expect(screen.queryByTestId("doc-email-input-0")).toBeNull();
      expect(outer).not.toHaveBeenCalled();
    } finally {
      window.removeEventListener("keydown", outer);
    }
  });
});
