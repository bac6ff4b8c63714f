// The Russian names of the shop's possible time zones, by IANA name.
import { getLocale } from "../../lib/i18n";

const CITIES: Record<string, readonly [ru: string, en: string]> = {
  "Europe/Kaliningrad": ["Калининград", "Kaliningrad"],
  "Europe/Moscow": ["Москва", "Moscow"],
  "Europe/Kirov": ["Киров", "Kirov"],
  "Europe/Volgograd": ["Волгоград", "Volgograd"],
  "Europe/Simferopol": ["Симферополь", "Simferopol"],
  "Europe/Samara": ["Самара", "Samara"],
  "Europe/Saratov": ["Саратов", "Saratov"],
  "Europe/Ulyanovsk": ["Ульяновск", "Ulyanovsk"],
  "Europe/Astrakhan": ["Астрахань", "Astrakhan"],
  "Asia/Yekaterinburg": ["Екатеринбург", "Yekaterinburg"],
  "Asia/Omsk": ["Омск", "Omsk"],
  "Asia/Novosibirsk": ["Новосибирск", "Novosibirsk"],
  "Asia/Barnaul": ["Барнаул", "Barnaul"],
  "Asia/Tomsk": ["Томск", "Tomsk"],
  "Asia/Novokuznetsk": ["Новокузнецк", "Novokuznetsk"],
  "Asia/Krasnoyarsk": ["Красноярск", "Krasnoyarsk"],
  "Asia/Irkutsk": ["Иркутск", "Irkutsk"],
  "Asia/Chita": ["Чита", "Chita"],
  "Asia/Yakutsk": ["Якутск", "Yakutsk"],
  "Asia/Khandyga": ["Хандыга", "Khandyga"],
  "Asia/Vladivostok": ["Владивосток", "Vladivostok"],
  "Asia/Ust-Nera": ["Усть-Нера", "Ust-Nera"],
  "Asia/Magadan": ["Магадан", "Magadan"],
  "Asia/Sakhalin": ["Южно-Сахалинск", "Yuzhno-Sakhalinsk"],
  "Asia/Srednekolymsk": ["Среднеколымск", "Srednekolymsk"],
  "Asia/Kamchatka": ["Петропавловск-Камчатский", "Petropavlovsk-Kamchatsky"],
  "Asia/Anadyr": ["Анадырь", "Anadyr"],
};

/** «Новосибирск» for `Asia/Novosibirsk`; an unknown zone keeps its IANA name. */
export function zoneName(iana: string): string {
  const names = CITIES[iana];
  if (!names) return iana;
  return getLocale() === "ru" ? names[0] : names[1];
}
