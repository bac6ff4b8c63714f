import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { TemplateDraft } from "../../lib/api/client";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import { TEMPLATES } from "../../test/fakeReminders";
import { appointment, scheduleView } from "../../test/fakeSchedule";
import TemplatesTab from "./TemplatesTab.svelte";

function mount(backend = fakeBackend()) {
  render(TemplatesTab, { context: withBackend(backend) });
  return backend;
}

const text = () => screen.getByTestId("template-text") as HTMLTextAreaElement;
const type = (value: string) => fireEvent.input(text(), { target: { value } });
const save = () => screen.getByTestId("template-save") as HTMLButtonElement;

describe("the template editor", () => {
  it("shows the SMS text, its preview and the counter of characters and messages", async () => {
    const backend = mount();
    await waitFor(() => expect(text().value).toBe(TEMPLATES[0]!.draft.text));
    expect(screen.getByTestId("template-channel-sms").getAttribute("aria-current")).toBe("true");
    expect(screen.queryByTestId("template-subject")).toBeNull();
    await waitFor(() => expect(screen.getByTestId("template-preview").textContent).toBe("Иван Петров, ждём вас 30 ноября в 10:00. Гайка, +7 495 123-45-67"));
    expect(screen.getByTestId("template-counter").textContent).toBe("64 символа · 1 SMS · кириллица (70/67)");
    expect(backend.reminders.previewTemplate).toHaveBeenLastCalledWith(TEMPLATES[0]!.draft, null);

    await type(`${TEMPLATES[0]!.draft.text} Если планы изменились, позвоните нам, пожалуйста, заранее.`);
    await waitFor(() => expect(screen.getByTestId("template-counter").textContent).toBe("123 символа · 2 SMS · кириллица (70/67)"));
    expect(save().disabled).toBe(false);
    expect(screen.getByTestId("template-unsaved")).toBeTruthy();
  });

  it("puts a placeholder where the caret is", async () => {
    mount();
    await waitFor(() => expect(text().value).not.toBe(""));
    await type("Ждём вас  в 10:00");
    text().setSelectionRange(9, 9);
    await fireEvent.click(screen.getByTestId("template-insert-date"));
    expect(text().value).toBe("Ждём вас {date} в 10:00");
    expect(text().selectionStart).toBe(15);
    await fireEvent.click(screen.getByTestId("template-insert-weekday"));
    expect(text().value).toBe("Ждём вас {date}{weekday} в 10:00");
    expect(screen.getByTestId("template-insert-plate").textContent).toBe("Госномер");
  });

  it("names an unknown placeholder under the text on saving", async () => {
    const backend = mount();
    await waitFor(() => expect(text().value).not.toBe(""));
    backend.reminders.previewTemplate.mockRejectedValue(
      failure("validation", { issues: [{ field: "text", issue: "unknown_value", max: null, detail: "{clent}" }] }),
    );
    backend.reminders.saveTemplate.mockRejectedValueOnce(
      failure("validation", { issues: [{ field: "text", issue: "unknown_value", max: null, detail: "{clent}" }] }),
    );
    await type("{clent}, ждём вас {date}");
    expect((await screen.findByTestId("template-preview-error")).textContent).toBe("Неизвестная подстановка {clent}");
    await fireEvent.click(save());
    expect((await screen.findByTestId("error-template-text")).textContent).toBe("Неизвестная подстановка {clent}");
    expect(text().getAttribute("aria-invalid")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(text()));

    // Typing again clears the message until the next save.
    await type("{client}, ждём вас {date}");
    expect(screen.queryByTestId("error-template-text")).toBeNull();
    await fireEvent.click(save());
    await waitFor(() =>
      expect(backend.reminders.saveTemplate).toHaveBeenLastCalledWith({ channel: "sms", subject: "", text: "{client}, ждём вас {date}" }),
    );
    expect((await screen.findByTestId("template-saved")).textContent).toBe("Сохранено");
    expect(screen.getByTestId("template-channel-sms").textContent).toContain("свой текст");
  });

  it("edits an e-mail's subject and keeps each channel's unsaved text", async () => {
    const backend = mount();
    await waitFor(() => expect(text().value).not.toBe(""));
    await type("Своё SMS");
    await fireEvent.click(screen.getByTestId("template-channel-email"));
    const subject = screen.getByTestId("template-subject") as HTMLInputElement;
    expect(subject.value).toBe("Напоминание о визите {date}");
    await waitFor(() => expect(screen.getByTestId("template-preview-subject").textContent).toBe("Тема: Напоминание о визите 30 ноября"));
    expect(screen.queryByTestId("template-counter")).toBeNull();

    await fireEvent.focus(subject);
    subject.setSelectionRange(0, 0);
    await fireEvent.click(screen.getByTestId("template-insert-shop"));
    expect(subject.value).toBe("{shop}Напоминание о визите {date}");

    await fireEvent.click(screen.getByTestId("template-channel-sms"));
    expect(text().value).toBe("Своё SMS");
    expect(backend.reminders.saveTemplate).not.toHaveBeenCalled();
  });

  it("goes back to the standard text", async () => {
    const backend = mount();
    await waitFor(() => expect(text().value).not.toBe(""));
    await fireEvent.click(screen.getByTestId("template-channel-email"));
    const standard: TemplateDraft = { channel: "email", subject: "Запись на {date}", text: "Ждём вас {date} в {time}." };
    backend.reminders.resetTemplate.mockResolvedValueOnce({ draft: standard, isDefault: true });
    await fireEvent.click(screen.getByTestId("template-reset"));
    await waitFor(() => expect(backend.reminders.resetTemplate).toHaveBeenCalledWith("email"));
    await waitFor(() => expect(text().value).toBe(standard.text));
    expect((screen.getByTestId("template-subject") as HTMLInputElement).value).toBe(standard.subject);
    expect(screen.getByTestId("template-saved").textContent).toBe("Стандартный текст восстановлен");
    expect((screen.getByTestId("template-reset") as HTMLButtonElement).disabled).toBe(true);
  });

  it("previews with a real upcoming appointment", async () => {
    const backend = fakeBackend();
    backend.schedule.load.mockResolvedValue(
      scheduleView({
        appointments: [
          appointment({ id: "a-late", start: "2026-12-02T15:00:00", end: "2026-12-02T16:00:00", client: { id: "c2", name: "Петрова Анна Сергеевна", phone: "" } }),
          appointment({ id: "a-past", start: "2026-11-30T08:00:00", end: "2026-11-30T08:30:00" }),
          appointment({ id: "a-cancelled", start: "2026-12-01T09:00:00", status: "cancelled" }),
          appointment({ id: "a-soon", start: "2026-11-30T10:00:00" }),
        ],
      }),
    );
    mount(backend);
    const picker = (await screen.findByTestId("template-appointment")) as HTMLSelectElement;
    await waitFor(() => expect(picker.options).toHaveLength(3));
    expect(backend.schedule.load).toHaveBeenCalledWith("2026-11-30", "2026-12-06");
    expect([...picker.options].map((o) => o.textContent)).toEqual([
      "Пример с вымышленными данными",
      "Иванов И. И. — пн 30.11 10:00",
      "Петрова А. С. — ср 02.12 15:00",
    ]);
    await fireEvent.change(picker, { target: { value: "a-late" } });
    await waitFor(() => expect(backend.reminders.previewTemplate).toHaveBeenLastCalledWith(TEMPLATES[0]!.draft, "a-late"));
  });
});
