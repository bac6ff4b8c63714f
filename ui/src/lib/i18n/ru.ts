// Russian: the default language and the source of truth for keys.
// Keys are grouped by screen. A plural phrase has three keys ending in
// `.one` / `.few` / `.many` (1 клиент, 2 клиента, 5 клиентов); see tn().
// Common words and error texts live here; the client screens' keys are in
// crm.ru.ts, the client card's and car window's in card.ru.ts, the reminders'
// (screen, settings, notices) in reminders.ru.ts; repair orders: the intake
// window in intake.ru.ts, the order window and list in orders.ru.ts, the
// documents on cards and the shop's requisites in paperwork.ru.ts.
import { cardRu } from "./card.ru";
import { crmRu } from "./crm.ru";
import { importRu } from "./import.ru";
import { productImportRu } from "./productImport.ru";
import { pricesRu } from "./prices.ru";
import { scheduleRu } from "./schedule.ru";
import { shiftsRu } from "./shifts.ru";
import { productsRu } from "./products.ru";
import { remindersRu } from "./reminders.ru";
import { intakeRu } from "./intake.ru";
import { ordersRu } from "./orders.ru";
import { paperworkRu } from "./paperwork.ru";

export const ru = {
  ...crmRu,
  ...cardRu,
  ...importRu,
  ...productImportRu,
  ...productsRu,
  ...pricesRu,
  ...scheduleRu,
  ...shiftsRu,
  ...remindersRu,
  ...intakeRu,
  ...ordersRu,
  ...paperworkRu,
  "app.title": "Ремзона",
  "app.sections": "Разделы",

  "nav.schedule": "Расписание",
  "nav.clients": "Клиенты",
  "nav.orders": "Заказ-наряды",
  "nav.products": "Номенклатура",
  "nav.prices": "Прайс-лист",
  "nav.reminders": "Напоминания",
  "nav.settings": "Настройки",
  "nav.shortcut": "Alt+{n}",


  "common.loading": "Загрузка…",
  "common.retry": "Повторить",
  "common.close": "Закрыть",
  "common.cancel": "Отмена",
  "common.save": "Сохранить",
  "common.saving": "Сохранение…",
  "common.add": "Добавить",
  "common.remove": "Удалить",
  "common.open": "Открыть",
  "common.rename": "Переименовать",
  "common.to_archive": "В архив",
  "common.restore": "Вернуть из архива",
  "common.archived": "в архиве",
  "common.not_set": "— не указано —",
  "common.move_up": "Выше",
  "common.move_down": "Ниже",
  "common.dash": "—",

  "settings.title": "Настройки",
  "settings.language": "Язык интерфейса",
  "settings.language.ru": "Русский",
  "settings.language.en": "English",
  "settings.about": "О программе",
  "settings.version": "Версия",
  "settings.db_path": "Файл базы данных",
  "settings.info_error": "Не удалось получить сведения о программе.",

  "errors.issue.required": "Заполните это поле",
  "errors.issue.name_required": "Укажите фамилию или имя",
  "errors.issue.company_name_required": "Укажите краткое или полное наименование организации",
  "errors.issue.contact_name_required": "Укажите ФИО контактного лица",
  "errors.issue.plate_or_vin_required": "Укажите госномер или VIN",
  "errors.issue.phone_required": "Укажите хотя бы один телефон",
  "errors.issue.company_phone_required": "Укажите телефон организации или контактного лица",
  "errors.issue.too_long.one": "Слишком длинно: максимум {max} символ",
  "errors.issue.too_long.few": "Слишком длинно: максимум {max} символа",
  "errors.issue.too_long.many": "Слишком длинно: максимум {max} символов",
  "errors.issue.too_many": "Слишком много значений: максимум {max}",
  "errors.issue.phone_invalid": "Телефон не распознан: введите 10 цифр номера, например 8 912 345-67-89 или +7 912 345-67-89",
  "errors.issue.phone_repeated": "Этот номер уже есть в списке телефонов клиента",
  "errors.issue.email_invalid": "Адрес e-mail не распознан, пример: ivanov@mail.ru",
  "errors.issue.inn_invalid": "ИНН организации — 10 цифр, ИП — 12 цифр",
  "errors.issue.inn_checksum": "Контрольное число ИНН не сходится — проверьте, нет ли опечатки",
  "errors.issue.kpp_invalid": "КПП — 9 знаков: цифры, 5-й и 6-й могут быть латинскими буквами",
  "errors.issue.ogrn_invalid": "ОГРН — 13 цифр (начинается с 1 или 5), ОГРНИП — 15 цифр (начинается с 3)",
  "errors.issue.ogrn_checksum": "Контрольная цифра ОГРН не сходится — проверьте, нет ли опечатки",
  "errors.issue.bik_invalid": "БИК банка — 9 цифр и начинается с 04",
  "errors.issue.account_invalid": "Номер счёта — 20 цифр",
  "errors.issue.corr_account_invalid": "Корреспондентский счёт — 20 цифр и начинается с 301",
  "errors.issue.account_checksum": "Счёт не сходится с БИК — проверьте, нет ли опечатки в счёте или в БИК",
  "errors.issue.vin_invalid": "VIN — 17 знаков: латинские буквы и цифры",
  "errors.issue.vin_forbidden_letter": "В VIN не бывает букв I, O и Q — скорее всего, это цифры 1 и 0",
  "errors.issue.plate_invalid": "Госномер не распознан, пример: А 123 ВС 77",
  "errors.issue.date_invalid": "Дата указана неверно — проверьте день, месяц и год",
  "errors.issue.date_in_future": "Эта дата ещё не наступила — проверьте год",
  "errors.issue.out_of_range": "Значение вне допустимых пределов: не больше {max}",
  "errors.issue.discount_out_of_range": "Скидка — целое число от 0 до {max}",
  "errors.issue.year_out_of_range": "Проверьте год выпуска: не позже {max}",
  "errors.issue.odometer_decreased": "Пробег меньше прежнего — укажите причину, например замену щитка приборов",
  "errors.issue.repeated": "Это значение уже встречается выше — оставьте его один раз",
  "errors.issue.number_invalid": "Введите число, например 1 234,50",
  "errors.issue.fraction_not_allowed": "Этот товар считается целыми штуками — уберите дробную часть",
  "errors.issue.barcode_invalid": "Штрихкод — это от 6 до 14 цифр",
  "errors.issue.barcode_checksum": "Контрольная цифра штрихкода не сходится — проверьте цифры",
  "errors.issue.taken": "Это значение уже занято другой записью",
  "errors.issue.article_taken": "Товар с таким артикулом этого бренда уже есть — откройте его или укажите другой бренд",
  "errors.issue.code_taken": "Такой код уже есть в прайс-листе — придумайте другой",
  "errors.issue.not_enough_stock": "Столько нет на складе: в наличии {detail}",
  "errors.issue.purchase_price_required": "Наценка считается от закупочной цены — укажите её",
  "errors.issue.unavailable": "Эта позиция в архиве или удалена — выберите другую",
  "errors.issue.unknown_value": "Значение не распознано",
  "errors.issue.file_type": "Этот тип файла не подходит — выберите изображение JPEG или PNG",
  "errors.issue.file_too_large": "Файл слишком большой: не больше {max} МБ",
  "errors.issue.unknown": "Проверьте значение",

  "errors.code.validation": "Проверьте правильность заполнения полей.",
  "errors.code.not_found": "Запись не найдена — возможно, её удалили.",
  "errors.code.duplicate": "Такие данные уже записаны у другого клиента.",
  "errors.code.conflict": "Это действие сейчас невозможно.",
  "errors.code.database": "Ошибка базы данных. Попробуйте ещё раз; если ошибка повторится, обратитесь к администратору.",
  "errors.code.io": "Ошибка чтения или записи файла.",
  "errors.code.document": "Не удалось сформировать документ. Попробуйте ещё раз; если ошибка повторится, сообщите разработчикам.",
  "errors.code.internal": "Внутренняя ошибка программы.",

  "errors.conflict.merge_into_itself": "Нельзя объединить клиента с самим собой.",
  "errors.conflict.merged_client": "Эта запись уже присоединена к другому клиенту — работайте с основной записью.",
  "errors.conflict.same_owner": "Автомобиль уже записан за этим клиентом.",
  "errors.conflict.driver_not_a_contact": "Водителем можно назначить только контактное лицо этой организации.",
  "errors.conflict.import_has_errors": "В файле есть ошибки — исправьте их и загрузите файл снова.",
  "errors.conflict.order_locked": "Заказ-наряд выдан или отменён — чтобы изменить его, сначала откройте его снова с указанием причины.",
  "errors.conflict.order_action_not_allowed": "Из текущего статуса заказ-наряда так перейти нельзя.",
  "errors.conflict.appointment_not_awaited": "Эта запись не ожидается или по ней уже открыт заказ-наряд.",
  "errors.conflict.order_cancelled": "Заказ-наряд отменён: по нему можно только вернуть деньги.",
  "errors.conflict.not_a_sale": "Это не продажа: товарный чек печатается только для продажи со склада.",

  "errors.duplicate.phone": "Телефон {value} уже записан у {owner}",
  "errors.duplicate.inn": "ИНН {value} уже есть у {owner}",
  "errors.duplicate.plate": "Автомобиль с таким госномером уже есть: {car} (владелец — {name})",
  "errors.duplicate.vin": "Автомобиль с таким VIN уже есть: {car} (владелец — {name})",
  "errors.duplicate.owner.person": "клиента {name}",
  "errors.duplicate.owner.company": "организации {name}",

  "errors.unexpected": "Непредвиденная ошибка.",
  "errors.details": "Подробности: {message}",
} as const;

export type MessageKey = keyof typeof ru;
