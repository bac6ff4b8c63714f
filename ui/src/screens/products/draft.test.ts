import { describe, expect, it } from "vitest";
import { CATEGORIES, product } from "../../test/fakeProducts";
import {
  attributeRow,
  barcodeRow,
  categoryTree,
  emptyProductForm,
  formFromProduct,
  impliedMarkup,
  isTouched,
  lineAmount,
  looksLikeArticle,
  markupPreview,
  numberRow,
  percentInput,
  prefillFromQuery,
  remapIssues,
  toDraft,
} from "./draft";
import { issue } from "../../test/fakeProducts";

describe("product draft helpers", () => {
  it.each([
    ["OC 90", true],
    ["03C115561H", true],
    ["W 712/73", true],
    ["0 986 452 041", true],
    ["масло 5W-30", false],
    ["фильтр масляный", false],
    ["колодки", false],
    ["Mobil 1 ESP", false],
  ])("«%s» looks like an article: %s", (query, expected) => {
    expect(looksLikeArticle(query)).toBe(expected);
  });

  it("pre-fills the article or the name from a picker's query", () => {
    expect(prefillFromQuery(" OC 90 ")).toEqual({ article: "OC 90" });
    expect(prefillFromQuery("фильтр салона")).toEqual({ name: "фильтр салона" });
  });

  it("drops empty rows and sends the price the mode says", () => {
    const form = {
      ...emptyProductForm(),
      name: "Фильтр",
      purchasePrice: "400",
      salePrice: "650",
      markupPercent: "30",
      numbers: [numberRow("oem", "", ""), numberRow("cross", "MANN-FILTER", "W 712/73")],
      barcodes: [barcodeRow(" "), barcodeRow("4009026022467")],
      attributes: [attributeRow("Высота", "79 мм"), attributeRow()],
    };
    const { draft, rows } = toDraft(form);
    expect(draft.numbers).toEqual([{ kind: "cross", brand: "MANN-FILTER", number: "W 712/73" }]);
    expect(draft.barcodes).toEqual(["4009026022467"]);
    expect(draft.attributes).toEqual([{ name: "Высота", value: "79 мм" }]);
    expect(draft).toMatchObject({ salePrice: "650", markupPercent: "" });
    expect(rows).toEqual({ numbers: [1], barcodes: [1], attributes: [0] });
    expect(toDraft({ ...form, priceMode: "markup" }).draft).toMatchObject({ salePrice: "", markupPercent: "30" });

    // The core's «numbers.0» is the form's second row.
    expect(remapIssues([issue("numbers.0.number", "repeated"), issue("barcodes.0", "barcode_checksum")], rows).map((i) => i.field)).toEqual([
      "numbers.1.number",
      "barcodes.1",
    ]);
  });

  it("fills the form from a product, a markup as a percent", () => {
    const form = formFromProduct(product({ fixedPrice: null, markupBasisPoints: 1250, minStock: 1500, purchasePrice: 123450 }));
    expect(form).toMatchObject({ priceMode: "markup", markupPercent: "12,5", purchasePrice: "1234,5", minStock: "1,5", salePrice: "" });
    expect(percentInput(3000)).toBe("30");
  });

  it("previews a markup, an implied markup and a line amount", () => {
    expect(markupPreview("400", "30")).toBe(52000);
    expect(markupPreview("1 234,50", "10")).toBe(135795);
    expect(markupPreview("", "30")).toBeNull();
    expect(impliedMarkup("400", "650")).toBe(62.5);
    expect(lineAmount("1,5", "650")).toBe(97500);
    expect(lineAmount("2", "650", "10")).toBe(117000);
    expect(lineAmount("два", "650")).toBeNull();
  });

  it("shows a markup issue once either price field was left", () => {
    expect(isTouched("markupPercent", new Set(["purchasePrice"]))).toBe(true);
    expect(isTouched("numbers", new Set(["numbers.0.number"]))).toBe(true);
    expect(isTouched("name", new Set(["article"]))).toBe(false);
  });

  it("orders the category tree parents first, siblings by name", () => {
    const tree = categoryTree([
      ...CATEGORIES,
      { id: 3, parentId: null, name: "Масла", path: "Масла", archived: false },
      { id: 202, parentId: 2, name: "Воздушные", path: "Фильтры / Воздушные", archived: false },
    ]);
    expect(tree.map((n) => [n.category.name, n.depth])).toEqual([
      ["Масла", 0],
      ["Фильтры", 0],
      ["Воздушные", 1],
      ["Масляные", 1],
    ]);
  });
});
