// Russian keys of the product import and export windows (merged into ru.ts):
// loading a price list or catalogue (`productImport.`) and saving the
// nomenclature (`productExport.`). Wording shared with the client import
// (steps, the file line, problem lines, the progress bar) stays in import.ru.ts.
export const productImportRu = {
  "productImport.title": "Загрузка товаров из файла",
  "productImport.pick.text":
    "Прайс-лист поставщика или свой каталог товаров из Excel (XLSX) или CSV. Одна строка — один товар: товар с тем же артикулом и брендом, что уже есть в номенклатуре, обновится, остальные добавятся.",
  "productImport.pick.safe":
    "Сначала программа покажет, сколько товаров будет создано и обновлено и что в файле нужно поправить. Ничего не записывается, пока вы не нажмёте «Загрузить».",
  "productImport.map.hint":
    "Проверьте, что лежит в каждой колонке. Колонки «Не загружать» пропускаются, и у товаров, которые уже есть, их значения остаются прежними.",
  "productImport.map.group.product": "Товар",
  "productImport.map.group.prices": "Цены и склад",
  "productImport.map.group.numbers": "Номера и штрихкоды",

  "productImport.column.ignore": "Не загружать",
  "productImport.column.article": "Артикул",
  "productImport.column.brand": "Бренд",
  "productImport.column.name": "Наименование",
  "productImport.column.category": "Категория",
  "productImport.column.unit": "Единица измерения",
  "productImport.column.purchase_price": "Закупочная цена",
  "productImport.column.sale_price": "Цена продажи",
  "productImport.column.markup": "Наценка, %",
  "productImport.column.vat": "НДС",
  "productImport.column.min_stock": "Мин. остаток",
  "productImport.column.barcode": "Штрихкод",
  "productImport.column.oem_numbers": "OEM-номера",
  "productImport.column.cross_numbers": "Кросс-номера (аналоги)",
  "productImport.column.characteristics": "Характеристики",
  "productImport.column.supplier": "Поставщик",
  "productImport.column.notes": "Примечание",

  "productImport.summary": "Будет создано товаров: {create}, обновлено: {update}",
  "productImport.summary.nothing":
    "Загружать нечего: укажите, в каких колонках лежат артикул, бренд и наименование.",
  "productImport.summary.merge":
    "У товаров, которые уже есть, меняется только то, что есть в файле: пустая ячейка не стирает прежнее значение (кроме примечания).",
  "productImport.problem.unit": "Единица измерения не распознана: шт, л, кг, м или компл",
  "productImport.problem.vat": "Ставка НДС не распознана: Без НДС, 0%, 5%, 7%, 10% или 22%",
  "productImport.problem.repeated": "Товар с этим артикулом и брендом уже есть в файле выше — оставьте одну строку",

  "productImport.running.hint":
    "Дождитесь окончания загрузки. Товары загружаются все разом: если что-то пойдёт не так, в номенклатуру не попадёт ни одна строка.",
  "productImport.done.summary": "Загружено: создано товаров — {create}, обновлено — {update}",
  "productImport.done.hint":
    "Товары уже в номенклатуре — их можно найти по артикулу, кросс-номеру, штрихкоду или названию.",

  "productExport.title": "Выгрузка товаров в файл",
  "productExport.note":
    "В файле — вся номенклатура, по строке на товар, с номерами, штрихкодами и характеристиками. Его можно поправить в Excel и загрузить обратно.",
  "productExport.file_name": "Товары",
} as const;
