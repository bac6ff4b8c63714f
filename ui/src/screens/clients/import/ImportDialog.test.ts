import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { ImportPreview, ImportProgress, ImportReport } from "../../../lib/api/client";
import { setLocale } from "../../../lib/i18n";
import { failure, fakeBackend, withBackend } from "../../../test/fakeBackend";
import ImportDialog from "./ImportDialog.svelte";
import { deferred, importPlan, importPreview, importReport, phoneDuplicate, problem } from "./testing/fixtures";

const PATH = "C:\\Users\\Приёмка\\Клиенты из 1С.csv";
const PHONE_INVALID =
  "Телефон не распознан: введите 10 цифр номера, например 8 912 345-67-89 или +7 912 345-67-89";

function setup(first: ImportPreview = importPreview(), path: string | null = PATH) {
  const backend = fakeBackend();
  backend.imports.preview.mockResolvedValue(first);
  const callbacks = { onclose: vi.fn(), onimported: vi.fn() };
  const pickFile = vi.fn(async () => path);
  render(ImportDialog, { props: { ...callbacks, pickFile }, context: withBackend(backend) });
  return { backend, pickFile, ...callbacks };
}

const byId = (id: string) => screen.getByTestId(id);
const runButton = () => byId("import-run") as HTMLButtonElement;
const select = (index: number) => byId(`import-map-${index}`) as HTMLSelectElement;

async function pick() {
  await fireEvent.click(byId("import-pick"));
  await screen.findByTestId("import-map-0");
}

async function choose(index: number, value: string) {
  await fireEvent.change(select(index), { target: { value } });
}

describe("ImportDialog: choosing a file", () => {
  it("explains what can be loaded and reads the file with guessed columns", async () => {
    const { backend, pickFile } = setup();
    expect(byId("import-dialog").textContent).toContain("выгрузка из 1С, RemOnline или своей таблицы");
    expect(document.activeElement).toBe(byId("import-pick"));

    await pick();
    expect(pickFile).toHaveBeenCalledTimes(1);
    expect(backend.imports.preview).toHaveBeenCalledWith(PATH, null);
    expect(byId("import-file-name").textContent).toBe("Клиенты из 1С.csv");
    expect(byId("import-dialog").textContent).toContain("кодировка Windows-1251 · разделитель — точка с запятой · 312 строк");
    expect([0, 1, 2, 3].map((i) => select(i).value)).toEqual(["full_name", "phone", "plate", "ignore"]);
    expect(select(1).getAttribute("aria-label")).toBe("Колонка «Телефон»: что в ней");
    expect(within(select(0)).getByRole("option", { name: "ФИО целиком" })).toBeTruthy();
    expect(screen.getAllByRole("row")).toHaveLength(3); // the header row and two sample rows
    expect(screen.getByRole("cell", { name: "Петрова Анна" })).toBeTruthy();
    expect(byId("import-summary").textContent).toContain("Будет добавлено: 120 клиентов, 180 автомобилей");
    expect(runButton().disabled).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(select(0)));
  });

  it("stays on the first step when the operator cancels the file dialog", async () => {
    const { backend } = setup(importPreview(), null);
    await fireEvent.click(byId("import-pick"));
    await Promise.resolve();
    expect(backend.imports.preview).not.toHaveBeenCalled();
    expect(screen.queryByTestId("import-map-0")).toBeNull();
    expect(byId("import-pick")).toBeTruthy();
  });

  it("shows an unreadable file as an error and lets the operator pick another", async () => {
    const { backend } = setup();
    backend.imports.preview.mockRejectedValueOnce(failure("io", { message: "Permission denied (os error 13)" }));
    await fireEvent.click(byId("import-pick"));

    const banner = await screen.findByTestId("import-error");
    expect(banner.textContent).toContain("Ошибка чтения или записи файла.");
    expect(banner.textContent).toContain("Permission denied (os error 13)");
    expect(screen.queryByTestId("import-map-0")).toBeNull();

    await pick();
    expect(screen.queryByTestId("import-error")).toBeNull();
  });

  it("closes with «Отмена» and Esc", async () => {
    const { onclose } = setup();
    await fireEvent.click(byId("import-cancel"));
    expect(onclose).toHaveBeenCalledTimes(1);
    await fireEvent.keyDown(byId("import-dialog"), { key: "Escape" });
    expect(onclose).toHaveBeenCalledTimes(2);
  });
});

describe("ImportDialog: matching columns", () => {
  it("checks the file again with the new mapping once the operator stops changing it", async () => {
    const { backend } = setup();
    await pick();
    backend.imports.preview.mockResolvedValue(
      importPreview({ mapping: ["surname", "phone", "plate", "notes"], plan: importPlan({ clients: 3, vehicles: 1 }) }),
    );
    await choose(0, "surname");
    await choose(3, "notes");
    expect(runButton().disabled).toBe(true); // the summary shown is for the old mapping

    await waitFor(() => expect(backend.imports.preview).toHaveBeenCalledTimes(2));
    expect(backend.imports.preview).toHaveBeenLastCalledWith(PATH, ["surname", "phone", "plate", "notes"]);
    await waitFor(() => expect(byId("import-summary").textContent).toContain("Будет добавлено: 3 клиента, 1 автомобиль"));
    expect(runButton().disabled).toBe(false);
    expect(select(3).value).toBe("notes");
  });

  it("drops an answer that came for an older mapping", async () => {
    const { backend } = setup();
    await pick();
    const older = deferred<ImportPreview>();
    const newer = deferred<ImportPreview>();
    backend.imports.preview.mockReturnValueOnce(older.promise).mockReturnValueOnce(newer.promise);

    await choose(3, "notes");
    await waitFor(() => expect(backend.imports.preview).toHaveBeenCalledTimes(2));
    await choose(3, "tags");
    await waitFor(() => expect(backend.imports.preview).toHaveBeenCalledTimes(3));
    expect(backend.imports.preview).toHaveBeenLastCalledWith(PATH, ["full_name", "phone", "plate", "tags"]);

    newer.resolve(importPreview({ mapping: ["full_name", "phone", "plate", "tags"], plan: importPlan({ clients: 2, vehicles: 2 }) }));
    await waitFor(() => expect(byId("import-summary").textContent).toContain("2 клиента, 2 автомобиля"));
    older.resolve(importPreview({ mapping: ["full_name", "phone", "plate", "notes"], plan: importPlan({ clients: 9, vehicles: 9 }) }));
    await new Promise((r) => setTimeout(r, 20));
    expect(byId("import-summary").textContent).toContain("2 клиента, 2 автомобиля");
    expect(select(3).value).toBe("tags");
    expect(runButton().disabled).toBe(false);
  });

  it("lists the file's errors by line and keeps the load button off", async () => {
    setup(
      importPreview({
        plan: importPlan({
          problems: [
            problem(15, "Телефон", "phone_invalid", "8 912 34"),
            problem(27, "Год", "out_of_range", "2031", 2027),
            problem(40, "", "name_required"),
          ],
        }),
        headers: ["ФИО", "Телефон", "Госномер", "Год"],
        mapping: ["full_name", "phone", "plate", "year"],
      }),
    );
    await pick();

    const box = byId("import-problems");
    expect(box.textContent).toContain("Исправьте файл: 3 ошибки");
    const lines = within(box).getAllByTestId("import-problem").map((li) => li.textContent);
    expect(lines).toEqual([
      `Строка 15, «Телефон»: ${PHONE_INVALID} («8 912 34»)`,
      "Строка 27, «Год»: Проверьте год выпуска: не позже 2027 («2031»)",
      "Строка 40: Укажите фамилию или имя",
    ]);
    expect(runButton().disabled).toBe(true);
    expect(runButton().getAttribute("aria-describedby")).toBe("import-problems-hint");
    expect(document.getElementById("import-problems-hint")?.textContent).toBe(
      "Пока в файле есть ошибки, ничего не загружается — так база не окажется наполовину заполненной.",
    );
  });

  it("re-reads the fixed file with the same columns", async () => {
    const { backend } = setup(importPreview({ plan: importPlan({ problems: [problem(2, "Телефон", "phone_invalid", "x")] }) }));
    await pick();
    await choose(3, "notes");
    await waitFor(() => expect(backend.imports.preview).toHaveBeenCalledTimes(2));
    backend.imports.preview.mockResolvedValue(importPreview({ mapping: ["full_name", "phone", "plate", "notes"] }));

    await fireEvent.click(byId("import-reload"));
    await waitFor(() => expect(screen.queryByTestId("import-problems")).toBeNull());
    expect(backend.imports.preview).toHaveBeenLastCalledWith(PATH, ["full_name", "phone", "plate", "notes"]);
    expect(runButton().disabled).toBe(false);
  });

  it("shows the rows the shop already has in an expandable list", async () => {
    setup(importPreview({ plan: importPlan({ duplicates: [phoneDuplicate(12), phoneDuplicate(19, "+79220001122")] }) }));
    await pick();

    const details = byId("import-duplicates") as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector("summary")?.textContent).toBe("Уже есть в базе и будут пропущены: 2");
    expect(within(details).getAllByTestId("import-duplicate").map((li) => li.textContent)).toEqual([
      "Строка 12: Телефон +7 912 345-67-89 уже записан у клиента Иванов И. И.",
      "Строка 19: Телефон +7 922 000-11-22 уже записан у клиента Иванов И. И.",
    ]);
    expect(runButton().disabled).toBe(false);
  });

  it("has nothing to load when every row is already in the shop", async () => {
    setup(importPreview({ plan: importPlan({ clients: 0, vehicles: 0, duplicates: [phoneDuplicate(2)] }) }));
    await pick();
    expect(byId("import-summary").textContent).toContain("Добавлять нечего: все клиенты и автомобили из файла уже есть в базе.");
    expect(runButton().disabled).toBe(true);
  });

  it("shortens a long list of errors", async () => {
    const problems = Array.from({ length: 130 }, (_, i) => problem(i + 2, "Телефон", "phone_invalid", "1"));
    setup(importPreview({ plan: importPlan({ problems }) }));
    await pick();
    expect(byId("import-problems").textContent).toContain("Исправьте файл: 130 ошибок");
    expect(screen.getAllByTestId("import-problem")).toHaveLength(100);
    expect(byId("import-problems").textContent).toContain("…и ещё 30");
  });
});

describe("ImportDialog: loading", () => {
  it("drives the progress bar, cannot be closed meanwhile and reports what was done", async () => {
    const { backend, onclose, onimported } = setup();
    await pick();
    const running = deferred<ImportReport>();
    let report: (p: ImportProgress) => void = () => {};
    backend.imports.run.mockImplementation((_path, _mapping, onprogress) => {
      report = onprogress;
      return running.promise;
    });

    await fireEvent.click(runButton());
    expect(backend.imports.run).toHaveBeenCalledWith(PATH, ["full_name", "phone", "plate", "ignore"], expect.any(Function));
    const bar = byId("import-progress");
    expect(bar.getAttribute("role")).toBe("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("0");
    expect(bar.getAttribute("aria-valuemax")).toBe("312");

    report({ done: 150, total: 312 });
    await waitFor(() => expect(bar.getAttribute("aria-valuenow")).toBe("150"));
    expect(byId("import-dialog").textContent).toContain("Загружено строк: 150 из 312");
    expect((bar.firstElementChild as HTMLElement).style.width).toBe("48%");

    await fireEvent.keyDown(byId("import-dialog"), { key: "Escape" });
    expect(onclose).not.toHaveBeenCalled();
    expect(screen.queryByTestId("import-cancel")).toBeNull();

    const done = importReport({ plan: importPlan({ clients: 118, vehicles: 176, duplicates: [phoneDuplicate(12), phoneDuplicate(30)] }) });
    running.resolve(done);
    const close = await screen.findByTestId("import-done");
    expect(byId("import-result").textContent).toContain("Загружено: 118 клиентов, 176 автомобилей; пропущено дублей: 2");
    expect(byId("import-duplicates").querySelector("summary")?.textContent).toBe("Пропущенные строки: 2");
    await waitFor(() => expect(document.activeElement).toBe(close));

    await fireEvent.click(close);
    expect(onimported).toHaveBeenCalledWith(done);
    expect(onclose).not.toHaveBeenCalled();
  });

  it("goes back to the columns when the file changed and now has errors", async () => {
    const { backend, onimported } = setup();
    await pick();
    backend.imports.run.mockResolvedValueOnce({
      imported: false,
      plan: importPlan({ problems: [problem(7, "Госномер", "plate_invalid", "А12")] }),
    });
    await fireEvent.click(runButton());

    const box = await screen.findByTestId("import-problems");
    expect(byId("import-changed").textContent).toContain("Файл изменился после проверки");
    expect(within(box).getByTestId("import-problem").textContent).toBe(
      "Строка 7, «Госномер»: Госномер не распознан, пример: А 123 ВС 77 («А12»)",
    );
    expect(runButton().disabled).toBe(true);
    expect(onimported).not.toHaveBeenCalled();
  });

  it("shows a failed load as an error on the columns step", async () => {
    const { backend } = setup();
    await pick();
    backend.imports.run.mockRejectedValueOnce(failure("database", { message: "database is locked" }));
    await fireEvent.click(runButton());

    const banner = await screen.findByTestId("import-error");
    expect(banner.textContent).toContain("Ошибка базы данных");
    expect(screen.getByTestId("import-map-0")).toBeTruthy();
    expect(runButton().disabled).toBe(false);
  });
});

describe("ImportDialog in English", () => {
  it("follows the locale", async () => {
    setLocale("en");
    setup(importPreview({ plan: importPlan({ clients: 1, vehicles: 2 }) }));
    expect(byId("import-pick").textContent).toContain("Choose a file…");
    await pick();
    expect(byId("import-summary").textContent).toContain("To be added: 1 client, 2 cars");
    expect(within(select(0)).getByRole("option", { name: "Full name" })).toBeTruthy();
  });
});
