// Russian keys of the nomenclature, stock and counter sales (merged into ru.ts).
export const productsRu = {
  "unit.piece": "шт",
  "unit.litre": "л",
  "unit.kilogram": "кг",
  "unit.metre": "м",
  "unit.set": "компл",
};
