import { describe, expect, it } from "vitest";
import type { ImportColumn } from "../../../lib/api/client";
import { en } from "../../../lib/i18n/en";
import { ru } from "../../../lib/i18n/ru";
import { setLocale } from "../../../lib/i18n";
import { CLIENT_COLUMNS, VEHICLE_COLUMNS, columnLabel, fileDetails, fileName, headerLabel, problemText } from "./text";
import { problem } from "./testing/fixtures";

const ALL_COLUMNS: ImportColumn[] = [
  "ignore", "full_name", "surname", "name", "patronymic", "company_name", "inn", "kpp", "ogrn", "phone", "email",
  "address", "birth_date", "notes", "lead_source", "discount", "tags", "contact_person", "plate", "vin", "make",
  "model", "year", "odometer", "colour", "engine_volume", "fuel",
];

describe("import texts", () => {
  it("offers every column once and names each in both languages", () => {
    expect(["ignore", ...CLIENT_COLUMNS, ...VEHICLE_COLUMNS].sort()).toEqual([...ALL_COLUMNS].sort());
    for (const column of ALL_COLUMNS) {
      expect(Object.keys(ru)).toContain(`import.column.${column}`);
      expect(Object.keys(en)).toContain(`import.column.${column}`);
    }
    expect(columnLabel("discount")).toBe("Скидка, %");
    expect(columnLabel("ignore")).toBe("Не загружать");
  });

  it("takes the file name from Windows and Unix paths", () => {
    expect(fileName("C:\\Users\\desk\\Клиенты.xlsx")).toBe("Клиенты.xlsx");
    expect(fileName("/home/desk/clients.csv")).toBe("clients.csv");
  });

  it("describes the file", () => {
    expect(fileDetails({ encoding: "UTF-8", delimiter: "\t", rows: 21 })).toBe("кодировка UTF-8 · разделитель — табуляция · 21 строка");
    expect(fileDetails({ encoding: "XLSX", delimiter: null, rows: 1500 })).toBe("книга Excel · 1\u00a0500 строк");
    expect(fileDetails({ encoding: "UTF-16LE", delimiter: "|", rows: 3 })).toBe("кодировка UTF-16LE · разделитель — «|» · 3 строки");
  });

  it("names a column without a header by its number", () => {
    expect(headerLabel(["ФИО", "  "], 1)).toBe("Колонка 2");
    expect(headerLabel(["ФИО", "  "], 0)).toBe("ФИО");
  });

  it("words a problem by what its column holds", () => {
    const headers = ["Организация", "Гос. номер", "Скидка"];
    const mapping: ImportColumn[] = ["company_name", "plate", "discount"];
    expect(problemText(problem(3, "Организация", "name_required"), headers, mapping)).toBe(
      "Строка 3, «Организация»: Укажите краткое или полное наименование организации",
    );
    expect(problemText(problem(4, "Гос. номер", "required"), headers, mapping)).toBe(
      "Строка 4, «Гос. номер»: Укажите госномер или VIN",
    );
    expect(problemText(problem(5, "Скидка", "out_of_range", "150", 100), headers, mapping)).toBe(
      "Строка 5, «Скидка»: Скидка — целое число от 0 до 100 («150»)",
    );
    const long = "д".repeat(300);
    expect(problemText(problem(6, "Неизвестная", "too_long", long, 200), headers, mapping)).toBe(
      `Строка 6, «Неизвестная»: Слишком длинно: максимум 200 символов («${"д".repeat(59)}…»)`,
    );
  });

  it("follows the locale", () => {
    setLocale("en");
    expect(fileDetails({ encoding: "Windows-1251", delimiter: ";", rows: 1 })).toBe("encoding Windows-1251 · delimiter: semicolon · 1 row");
    expect(problemText(problem(9, "Phone", "phone_invalid", "12"), ["Phone"], ["phone"])).toContain("Row 9, “Phone”: Phone not recognised");
  });
});
