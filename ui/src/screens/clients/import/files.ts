// The operating system's file dialogs for import and export, behind two small
// functions: the dialogs take them as props with these defaults, tests pass fakes.
import { open, save } from "@tauri-apps/plugin-dialog";
import type { ExportFormat } from "../../../lib/api/client";
import { t } from "../../../lib/i18n";

/** What the import can read; the core tells a real table from a renamed file. */
export const IMPORT_EXTENSIONS = ["csv", "txt", "xlsx", "xlsm", "xls", "ods"] as const;

export type PickImportFile = () => Promise<string | null>;
export type PickExportFile = (format: ExportFormat) => Promise<string | null>;

/** «Открыть» dialog for a table; null when the operator cancelled. */
export const pickImportFile: PickImportFile = async () => {
  const path = await open({
    multiple: false,
    directory: false,
    filters: [{ name: t("import.files.filter"), extensions: [...IMPORT_EXTENSIONS] }],
  });
  return typeof path === "string" ? path : null;
};

/** «Сохранить как» dialog for an export in `format`; null when cancelled. */
export const pickExportFile: PickExportFile = async (format) => {
  const name = format === "xlsx" ? t("export.filter.xlsx") : t("export.filter.csv");
  return save({
    defaultPath: `${t("export.file_name")}.${format}`,
    filters: [{ name, extensions: [format] }],
  });
};
