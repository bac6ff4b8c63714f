// A fake of the product import and export part of the Backend, with fixtures.
import { vi } from "vitest";
import type {
  ExportFormat,
  ImportProgress,
  ProductColumn,
  ProductImportPreview,
  ProductImportReport,
} from "../lib/api/client";

export type ProductImportPlan = ProductImportPreview["plan"];

export function productImportPlan(overrides: Partial<ProductImportPlan> = {}): ProductImportPlan {
  return { create: 1200, update: 340, problems: [], ...overrides };
}

export function productImportPreview(overrides: Partial<ProductImportPreview> = {}): ProductImportPreview {
  return {
    headers: ["Артикул", "Производитель", "Наименование", "Цена", "Остаток"],
    sample: [
      ["OC 90", "MAHLE", "Фильтр масляный", "650", "12"],
      ["W 712/73", "MANN-FILTER", "Фильтр масляный", "610,50", "4"],
    ],
    mapping: ["article", "brand", "name", "sale_price", "ignore"],
    encoding: "Windows-1251",
    delimiter: ";",
    rows: 1540,
    plan: productImportPlan(),
    ...overrides,
  };
}

export function productImportReport(overrides: Partial<ProductImportReport> = {}): ProductImportReport {
  return { imported: true, plan: productImportPlan(), ...overrides };
}

export function fakeProductImports() {
  return {
    preview: vi.fn(
      async (_path: string, mapping: ProductColumn[] | null): Promise<ProductImportPreview> =>
        productImportPreview(mapping ? { mapping } : {}),
    ),
    run: vi.fn(
      async (
        _path: string,
        _mapping: ProductColumn[] | null,
        onprogress: (p: ImportProgress) => void,
      ): Promise<ProductImportReport> => {
        onprogress({ done: 1540, total: 1540 });
        return productImportReport();
      },
    ),
    exportProducts: vi.fn(async (_path: string, _format: ExportFormat) => 1540),
  };
}
