// The operating system's «Сохранить как» dialog for a PDF the desk hands out
// (an issued document, a товарный чек), and the names it suggests. One module
// for every screen, so tests `vi.mock` it in one place.
import { save } from "@tauri-apps/plugin-dialog";
import { t } from "../../lib/i18n";

/** Asks where to save a PDF; null when the operator cancelled. */
export type PickPdfPath = (defaultName: string) => Promise<string | null>;

/** The path chosen for `defaultName`, or null when the operator cancelled. */
export const pickPdfPath: PickPdfPath = async (defaultName) => {
  return save({ defaultPath: defaultName, filters: [{ name: t("paperwork.doc.save.filter"), extensions: ["pdf"] }] });
};

/**
 * As the core names an issued document's file (`paperwork::file_name`), in
 * Russian like the document: `АП-2026-000003.pdf`, `АП-2026-000003 (версия 2).pdf`.
 */
export function documentFileName(doc: { number: string; version?: number | null }): string {
  return doc.version && doc.version > 1 ? `${doc.number} (версия ${doc.version}).pdf` : `${doc.number}.pdf`;
}

/** The товарный чек of a counter sale: `Товарный чек ПР-26-00001.pdf`. */
export function saleReceiptFileName(number: string): string {
  return `Товарный чек ${number}.pdf`;
}
