import type { productImportRu } from "./productImport.ru";

// English keys of the product import and export windows: exactly the keys of productImport.ru.ts.
export const productImportEn: Record<keyof typeof productImportRu, string> = {
  "productImport.title": "Load products from a file",
  "productImport.pick.text":
    "A supplier's price list or your own product catalogue from Excel (XLSX) or CSV. One row is one product: a product with the same article and brand as one on record is updated, the others are added.",
  "productImport.pick.safe":
    "First you will see how many products will be created and updated, and what needs fixing in the file. Nothing is written until you press “Load”.",
  "productImport.map.hint":
    "Check what each column holds. “Don't load” columns are skipped, and products already on record keep their values for them.",
  "productImport.map.group.product": "Product",
  "productImport.map.group.prices": "Prices and stock",
  "productImport.map.group.numbers": "Numbers and barcodes",

  "productImport.column.ignore": "Don't load",
  "productImport.column.article": "Article",
  "productImport.column.brand": "Brand",
  "productImport.column.name": "Name",
  "productImport.column.category": "Category",
  "productImport.column.unit": "Unit",
  "productImport.column.purchase_price": "Purchase price",
  "productImport.column.sale_price": "Sale price",
  "productImport.column.markup": "Markup, %",
  "productImport.column.vat": "VAT",
  "productImport.column.min_stock": "Minimum stock",
  "productImport.column.barcode": "Barcode",
  "productImport.column.oem_numbers": "OEM numbers",
  "productImport.column.cross_numbers": "Cross numbers (analogues)",
  "productImport.column.characteristics": "Characteristics",
  "productImport.column.supplier": "Supplier",
  "productImport.column.notes": "Notes",

  "productImport.summary": "Products to create: {create}, to update: {update}",
  "productImport.summary.nothing": "Nothing to load: say which columns hold the article, the brand and the name.",
  "productImport.summary.merge":
    "Products already on record change only in what the file has: an empty cell keeps the old value (except the notes).",
  "productImport.problem.unit": "The unit is not recognised: pcs, l, kg, m or set",
  "productImport.problem.vat": "The VAT rate is not recognised: no VAT, 0%, 5%, 7%, 10% or 22%",
  "productImport.problem.repeated": "A product with this article and brand is already in the file above: keep one row",

  "productImport.running.hint":
    "Wait until the load finishes. Products are loaded all at once: if anything goes wrong, not a single row gets into the nomenclature.",
  "productImport.done.summary": "Loaded: {create} products created, {update} updated",
  "productImport.done.hint": "The products are in the nomenclature: find them by article, cross number, barcode or name.",

  "productExport.title": "Save products to a file",
  "productExport.note":
    "The file holds the whole nomenclature, one row per product, with numbers, barcodes and characteristics. It can be edited in Excel and loaded back.",
  "productExport.file_name": "Products",
};
