import type { productsRu } from "./products.ru";

// English keys of the nomenclature, stock and counter sales (merged into en.ts).
export const productsEn: Record<keyof typeof productsRu, string> = {
  "unit.piece": "pcs",
  "unit.litre": "l",
  "unit.kilogram": "kg",
  "unit.metre": "m",
  "unit.set": "set",
};
