// The operating system's file dialogs for the product import and export: the
// dialogs take them as props with these defaults, tests pass fakes.
import { open, save } from "@tauri-apps/plugin-dialog";
import type { ExportFormat } from "../../../lib/api/client";
import { t } from "../../../lib/i18n";
import { IMPORT_EXTENSIONS, type PickExportFile, type PickImportFile } from "../../clients/import/files";

export type { PickExportFile, PickImportFile };

/** «Открыть» dialog for a price list or catalogue; null when the operator cancelled. */
export const pickProductFile: PickImportFile = async () => {
  const path = await open({
    multiple: false,
    directory: false,
    filters: [{ name: t("import.files.filter"), extensions: [...IMPORT_EXTENSIONS] }],
  });
  return typeof path === "string" ? path : null;
};

/** «Сохранить как» dialog for the nomenclature in `format`; null when cancelled. */
export const pickProductExportFile: PickExportFile = async (format: ExportFormat) => {
  const name = format === "xlsx" ? t("export.filter.xlsx") : t("export.filter.csv");
  return save({
    defaultPath: `${t("productExport.file_name")}.${format}`,
    filters: [{ name, extensions: [format] }],
  });
};
