import { afterEach, describe, expect, it } from "vitest";
import { en } from "./en";
import { ru } from "./ru";
import { STORAGE_KEY, getLocale, setLocale, t, tn } from "./locale.svelte";
import { interpolate, pluralEn, pluralRu } from "./translate";

afterEach(() => setLocale("ru"));

describe("dictionaries", () => {
  it("have the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });
  it.each([
    ["ru", ru],
    ["en", en],
  ] as const)("%s has no empty strings", (_name, dict) => {
    const empty = Object.entries(dict).filter(([, v]) => v.trim() === "");
    expect(empty).toEqual([]);
  });
  it("every plural phrase has one, few and many", () => {
    const bases = Object.keys(ru)
      .filter((k) => /\.(one|few|many)$/.test(k))
      .map((k) => k.replace(/\.(one|few|many)$/, ""));
    for (const base of new Set(bases)) {
      for (const form of ["one", "few", "many"]) expect(Object.keys(ru)).toContain(`${base}.${form}`);
    }
  });
  it("use the same placeholders in both languages", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(ru) as (keyof typeof ru)[]) {
      expect(names(en[key]), key).toEqual(names(ru[key]));
    }
  });
});

describe("plural rules", () => {
  it.each([
    [1, "one"],
    [2, "few"],
    [5, "many"],
    [11, "many"],
    [12, "many"],
    [14, "many"],
    [21, "one"],
    [22, "few"],
    [25, "many"],
    [111, "many"],
    [0, "many"],
    [101, "one"],
  ] as const)("ru %i → %s", (n, form) => {
    expect(pluralRu(n)).toBe(form);
  });
  it("en", () => {
    expect([0, 1, 2, 21].map(pluralEn)).toEqual(["many", "one", "many", "many"]);
  });
  it.each([
    [1, "Найдено: 1 клиент"],
    [2, "Найдено: 2 клиента"],
    [5, "Найдено: 5 клиентов"],
    [11, "Найдено: 11 клиентов"],
    [21, "Найдено: 21 клиент"],
    [22, "Найдено: 22 клиента"],
    [25, "Найдено: 25 клиентов"],
    [111, "Найдено: 111 клиентов"],
  ])("tn %i", (n, text) => {
    expect(tn("clients.count.found", n)).toBe(text);
  });
});

describe("locale", () => {
  it("interpolates and leaves unknown placeholders", () => {
    expect(interpolate("{a} и {b}", { a: 1 })).toBe("1 и {b}");
  });
  it("defaults to Russian and persists the choice", () => {
    expect(getLocale()).toBe("ru");
    expect(t("nav.clients")).toBe("Клиенты");
    setLocale("en");
    expect(t("nav.clients")).toBe("Clients");
    expect(localStorage.getItem(STORAGE_KEY)).toBe("en");
    expect(document.documentElement.lang).toBe("en");
    expect(tn("clients.count.found", 1)).toBe("Found: 1 client");
  });
});
