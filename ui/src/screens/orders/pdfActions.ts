// «Печать» and «Сохранить…» of a PDF the desk hands out (an issued document,
// a товарный чек): each takes the backend's call and the texts of its screen
// and gives the notice to show under the buttons — also on a refusal, which
// never throws.
import type { PrintResult } from "../../lib/api/client";
import { errorDetails, errorMessage } from "../../lib/api/errors";
import { pickPdfPath } from "./pdfFiles";

export type PdfNotice = { kind: "ok" | "warning" | "error"; text: string; details?: string | null };

/** A refusal: the core's message with its details. */
export function failureNotice(e: unknown): PdfNotice {
  return { kind: "error", text: errorMessage(e), details: errorDetails(e) };
}

/**
 * Opens the PDF in the system viewer (`print`); when no viewer took it, the
 * notice names the file to open by hand.
 */
export async function printPdf(
  print: () => Promise<PrintResult>,
  texts: { opened: string; notOpened: (path: string) => string },
): Promise<PdfNotice> {
  try {
    const result = await print();
    return result.opened
      ? { kind: "ok", text: texts.opened }
      : { kind: "warning", text: texts.notOpened(result.path), details: result.error };
  } catch (e) {
    return failureNotice(e);
  }
}

/**
 * The save dialog for `defaultName`, then `save` to the chosen path; null
 * when the operator cancelled. `saving` is called once a path is chosen,
 * before the file is written.
 */
export async function savePdf(
  defaultName: string,
  save: (path: string) => Promise<unknown>,
  texts: { saved: (path: string) => string },
  saving: () => void = () => {},
): Promise<PdfNotice | null> {
  let path: string | null;
  try {
    path = await pickPdfPath(defaultName);
  } catch (e) {
    return failureNotice(e);
  }
  if (!path) return null;
  saving();
  try {
    await save(path);
    return { kind: "ok", text: texts.saved(path) };
  } catch (e) {
    return failureNotice(e);
  }
}
