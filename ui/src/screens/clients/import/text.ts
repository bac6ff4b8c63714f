// Texts of the import window that depend on the core's answers: column names,
// the file line, one line per problem or duplicate.
import type { ImportColumn, ImportPreview } from "../../../lib/api/client";
import { duplicateMessage, issueMessage } from "../../../lib/api/errors";
import { t, tn, type MessageKey } from "../../../lib/i18n";

export type ImportPlan = ImportPreview["plan"];
export type RowProblem = ImportPlan["problems"][number];
export type RowDuplicate = ImportPlan["duplicates"][number];

/** The choices of a column's select, in the order the operator looks for them. */
export const CLIENT_COLUMNS: readonly ImportColumn[] = [
  "full_name",
  "surname",
  "name",
  "patronymic",
  "company_name",
  "contact_person",
  "inn",
  "kpp",
  "ogrn",
  "phone",
  "email",
  "address",
  "birth_date",
  "lead_source",
  "discount",
  "tags",
  "notes",
];
export const VEHICLE_COLUMNS: readonly ImportColumn[] = [
  "plate",
  "vin",
  "make",
  "model",
  "year",
  "odometer",
  "colour",
  "engine_volume",
  "fuel",
];

export function columnLabel(column: ImportColumn): string {
  return t(`import.column.${column}` as MessageKey);
}

/** «clients.csv» of «C:\Users\desk\clients.csv» or «/home/desk/clients.csv». */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** The header as shown: the file's own, or «Колонка 3» when the cell is empty. */
export function headerLabel(headers: readonly string[], index: number): string {
  const header = headers[index]?.trim() ?? "";
  return header || t("import.map.no_header", { n: index + 1 });
}

function delimiterName(delimiter: string): string {
  switch (delimiter) {
    case ";":
      return t("import.delimiter.semicolon");
    case ",":
      return t("import.delimiter.comma");
    case "\t":
      return t("import.delimiter.tab");
    default:
      return t("import.delimiter.other", { value: delimiter });
  }
}

/** «кодировка Windows-1251 · разделитель — точка с запятой · 120 строк». */
export function fileDetails(preview: Pick<ImportPreview, "encoding" | "delimiter" | "rows">): string {
  const parts =
    preview.encoding === "XLSX"
      ? [t("import.file.excel")]
      : [t("import.file.encoding", { encoding: preview.encoding })];
  if (preview.delimiter) parts.push(t("import.file.delimiter", { delimiter: delimiterName(preview.delimiter) }));
  parts.push(tn("import.file.rows", preview.rows));
  return parts.join(" · ");
}

/**
 * The core's field a column stands for, where the message of an issue is
 * better for it: a year is printed as «2027», not «2 027»; a missing plate
 * asks for a plate or a VIN; a company's name has its own wording.
 */
const ISSUE_FIELDS: Partial<Record<ImportColumn, string>> = {
  year: "year",
  discount: "discountPercent",
  plate: "plate",
  company_name: "company.shortName",
};

const MAX_VALUE = 60;

function shortValue(value: string): string {
  const trimmed = value.trim();
  return trimmed.length > MAX_VALUE ? `${trimmed.slice(0, MAX_VALUE - 1)}…` : trimmed;
}

/**
 * «Строка 15, «Телефон»: Телефон не распознан… («8 912 34»)». `mapping` and
 * `headers` tell what the problem's column holds.
 */
export function problemText(
  problem: RowProblem,
  headers: readonly string[],
  mapping: readonly ImportColumn[],
): string {
  const index = problem.column ? headers.indexOf(problem.column) : -1;
  const column = index >= 0 ? mapping[index] : undefined;
  const field = (column && ISSUE_FIELDS[column]) ?? "";
  const message = issueMessage({ field, issue: problem.issue, max: problem.max ?? null, detail: null });
  const line = problem.line;
  const text = problem.column
    ? t("import.problem.cell", { line, column: problem.column, message })
    : t("import.problem.row", { line, message });
  const value = shortValue(problem.value);
  return value ? t("import.problem.value", { text, value }) : text;
}

/** «Строка 12: Телефон +7 912 345-67-89 уже записан у клиента Иванов Иван Иванович». */
export function duplicateText(row: RowDuplicate): string {
  return t("import.duplicate.line", { line: row.line, message: duplicateMessage(row.duplicate) });
}

/** «120 клиентов», «1 автомобиль». */
export function countClients(n: number): string {
  return tn("import.count.clients", n);
}
export function countVehicles(n: number): string {
  return tn("import.count.vehicles", n);
}
