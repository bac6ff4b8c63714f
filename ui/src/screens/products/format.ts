// Small display helpers shared by the nomenclature screen, its windows and the picker.
import type { ProductListItem, Quantity, StockDocKind, Unit } from "../../lib/api/client";
import { fmtQuantity } from "../../lib/format/money";
import { t } from "../../lib/i18n";

/** «Приход», «Списание»… */
export function docKindLabel(kind: StockDocKind): string {
  return t(`products.doc_kind.${kind}`);
}

/** A movement with its direction: «+8 шт», «−1,5 л». */
export function fmtSignedQuantity(milli: Quantity, unit: Unit): string {
  const sign = milli > 0 ? "+" : milli < 0 ? "\u2212" : "";
  return `${sign}${fmtQuantity(Math.abs(milli), unit)}`;
}

/**
 * Why a product is in the answer when it is not by its own name or article:
 * «аналог · MANN-FILTER W 712/73», «OEM · 03C 115 561 H», «штрихкод». Null otherwise.
 */
export function matchBadge(item: Pick<ProductListItem, "matchedBy" | "matchedNumber">): string | null {
  const number = item.matchedNumber?.trim() ?? "";
  switch (item.matchedBy) {
    case "cross":
      return number ? t("products.match.cross", { number }) : t("products.match.cross_plain");
    case "oem":
      return number ? t("products.match.oem", { number }) : t("products.match.oem_plain");
    case "barcode":
      return t("products.match.barcode");
    default:
      return null;
  }
}

/** «OC 90 · MAHLE», or whichever of the two there is. */
export function articleBrand(item: Pick<ProductListItem, "article" | "brand">): string {
  return [item.article, item.brand ?? ""].filter((s) => s.trim() !== "").join(" · ");
}
