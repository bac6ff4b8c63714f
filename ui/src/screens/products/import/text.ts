// Texts of the product import window that depend on the core's answers:
// column names and one line per problem. The file line («кодировка … ·
// разделитель … · N строк») is the client import's.
import type { ProductColumn, ProductImportPreview } from "../../../lib/api/client";
import { issueMessage } from "../../../lib/api/errors";
import { fmtNumber, t, type MessageKey } from "../../../lib/i18n";

export type ProductImportPlan = ProductImportPreview["plan"];
export type ProductRowProblem = ProductImportPlan["problems"][number];

/** The choices of a column's select, grouped the way the operator looks for them. */
export const PRODUCT_COLUMN_GROUPS: readonly { key: MessageKey; columns: readonly ProductColumn[] }[] = [
  {
    key: "productImport.map.group.product",
    columns: ["article", "brand", "name", "category", "unit", "characteristics", "supplier", "notes"],
  },
  {
    key: "productImport.map.group.prices",
    columns: ["purchase_price", "sale_price", "markup", "vat", "min_stock"],
  },
  {
    key: "productImport.map.group.numbers",
    columns: ["barcode", "oem_numbers", "cross_numbers"],
  },
];

export function productColumnLabel(column: ProductColumn): string {
  return t(`productImport.column.${column}` as MessageKey);
}

/** Messages that say more than the generic one for a column. */
function columnMessage(problem: ProductRowProblem, column: ProductColumn | undefined): string | null {
  if (problem.issue === "unknown_value" && column === "unit") return t("productImport.problem.unit");
  if (problem.issue === "unknown_value" && column === "vat") return t("productImport.problem.vat");
  if (problem.issue === "repeated" && column === "article") return t("productImport.problem.repeated");
  return null;
}

const MAX_VALUE = 60;

function shortValue(value: string): string {
  const trimmed = value.trim();
  return trimmed.length > MAX_VALUE ? `${trimmed.slice(0, MAX_VALUE - 1)}…` : trimmed;
}

/**
 * «Строка 15, «Цена»: Введите число, например 1 234,50 («шестьсот»)». A
 * problem in a column the file does not map names the column by its usual
 * header («Наименование»).
 */
export function productProblemText(
  problem: ProductRowProblem,
  headers: readonly string[],
  mapping: readonly ProductColumn[],
): string {
  const index = problem.column ? headers.indexOf(problem.column) : -1;
  const column = index >= 0 ? mapping[index] : undefined;
  const message =
    columnMessage(problem, column) ??
    issueMessage({ field: "", issue: problem.issue, max: problem.max ?? null, detail: null });
  const line = problem.line;
  const text = problem.column
    ? t("import.problem.cell", { line, column: problem.column, message })
    : t("import.problem.row", { line, message });
  const value = shortValue(problem.value);
  return value ? t("import.problem.value", { text, value }) : text;
}

/** «Будет создано товаров: 1 200, обновлено: 340». */
export function planSummary(plan: Pick<ProductImportPlan, "create" | "update">): string {
  return t("productImport.summary", { create: fmtNumber(plan.create), update: fmtNumber(plan.update) });
}

/** «Загружено: создано товаров — 1 200, обновлено — 340». */
export function doneSummary(plan: Pick<ProductImportPlan, "create" | "update">): string {
  return t("productImport.done.summary", { create: fmtNumber(plan.create), update: fmtNumber(plan.update) });
}
