import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { ExportFormat } from "../../../lib/api/client";
import { failure, fakeBackend, withBackend } from "../../../test/fakeBackend";
import ExportDialog from "./ExportDialog.svelte";
import { deferred } from "./testing/fixtures";

function setup(path: string | null = "/home/desk/Клиенты.xlsx") {
  const backend = fakeBackend();
  const onclose = vi.fn();
  const pickFile = vi.fn(async (_format: ExportFormat) => path);
  render(ExportDialog, { props: { onclose, pickFile }, context: withBackend(backend) });
  return { backend, onclose, pickFile };
}

const byId = (id: string) => screen.getByTestId(id);

describe("ExportDialog", () => {
  it("saves every client to Excel and shows the row count and the file", async () => {
    const { backend, pickFile } = setup();
    backend.imports.exportClients.mockResolvedValueOnce(1234);
    expect((byId("export-format-xlsx") as HTMLInputElement).checked).toBe(true);
    expect(byId("export-dialog").textContent).toContain(
      "В файле — все клиенты с автомобилями, по строке на автомобиль; такой файл можно загрузить обратно.",
    );

    await fireEvent.click(byId("export-save"));
    const result = await screen.findByTestId("export-result");
    expect(pickFile).toHaveBeenCalledWith("xlsx");
    expect(backend.imports.exportClients).toHaveBeenCalledWith("/home/desk/Клиенты.xlsx", "xlsx");
    expect(result.textContent).toContain("Сохранено строк: 1\u00a0234");
    expect(result.textContent).toContain("Файл: /home/desk/Клиенты.xlsx");
    expect(byId("export-cancel").textContent?.trim()).toBe("Закрыть");
  });

  it("saves CSV when chosen", async () => {
    const { backend, pickFile } = setup("/home/desk/clients.csv");
    await fireEvent.click(byId("export-format-csv"));
    expect(byId("export-dialog").textContent).toContain("CSV (для 1С и других программ)");
    await fireEvent.click(byId("export-save"));
    await screen.findByTestId("export-result");
    expect(pickFile).toHaveBeenCalledWith("csv");
    expect(backend.imports.exportClients).toHaveBeenCalledWith("/home/desk/clients.csv", "csv");
  });

  it("writes nothing when the save dialog is cancelled", async () => {
    const { backend, pickFile } = setup(null);
    await fireEvent.click(byId("export-save"));
    await waitFor(() => expect(pickFile).toHaveBeenCalled());
    await waitFor(() => expect((byId("export-save") as HTMLButtonElement).disabled).toBe(false));
    expect(backend.imports.exportClients).not.toHaveBeenCalled();
    expect(screen.queryByTestId("export-result")).toBeNull();
  });

  it("shows a failed write and cannot be closed while writing", async () => {
    const { backend, onclose } = setup();
    const writing = deferred<number>();
    backend.imports.exportClients.mockReturnValueOnce(writing.promise);
    await fireEvent.click(byId("export-save"));
    await waitFor(() => expect(byId("export-save").textContent).toContain("Сохраняем…"));
    await fireEvent.keyDown(byId("export-dialog"), { key: "Escape" });
    expect(onclose).not.toHaveBeenCalled();

    writing.reject(failure("io", { message: "Access is denied. (os error 5)" }));
    const banner = await screen.findByTestId("export-error");
    expect(banner.textContent).toContain("Ошибка чтения или записи файла.");
    expect(screen.queryByTestId("export-result")).toBeNull();

    await fireEvent.click(byId("export-cancel"));
    expect(onclose).toHaveBeenCalledTimes(1);
  });
});
