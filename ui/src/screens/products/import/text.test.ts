import { describe, expect, it } from "vitest";
import { en } from "../../../lib/i18n/en";
import { ru } from "../../../lib/i18n/ru";
import { PRODUCT_COLUMN_GROUPS, planSummary, productColumnLabel, productProblemText } from "./text";
import type { ProductColumn } from "../../../lib/api/client";

describe("product import texts", () => {
  it("offers every column once, each with a label in both languages", () => {
    const offered = PRODUCT_COLUMN_GROUPS.flatMap((g) => g.columns);
    expect(new Set(offered).size).toBe(offered.length);
    expect(offered).toHaveLength(16);
    for (const column of ["ignore", ...offered] as ProductColumn[]) {
      const key = `productImport.column.${column}` as keyof typeof ru;
      expect(ru[key], column).toBeTruthy();
      expect(en[key], column).toBeTruthy();
    }
    expect(productColumnLabel("oem_numbers")).toBe("OEM-номера");
  });

  it("names the line, the column and the value of a problem", () => {
    const headers = ["Артикул", "НДС"];
    const mapping: ProductColumn[] = ["article", "vat"];
    expect(
      productProblemText({ line: 3, column: "НДС", value: "18%", issue: "unknown_value", max: null }, headers, mapping),
    ).toBe("Строка 3, «НДС»: Ставка НДС не распознана: Без НДС, 0%, 5%, 7%, 10% или 22% («18%»)");
    expect(
      productProblemText(
        { line: 5, column: "Наименование", value: "", issue: "required", max: null },
        headers,
        mapping,
      ),
    ).toBe("Строка 5, «Наименование»: Заполните это поле");
    expect(
      productProblemText({ line: 8, column: "Артикул", value: "x".repeat(70), issue: "too_long", max: 60 }, headers, mapping),
    ).toBe(`Строка 8, «Артикул»: Слишком длинно: максимум 60 символов («${"x".repeat(59)}…»)`);
  });

  it("counts what will be done", () => {
    expect(planSummary({ create: 12000, update: 1 })).toBe("Будет создано товаров: 12\u00a0000, обновлено: 1");
  });
});
