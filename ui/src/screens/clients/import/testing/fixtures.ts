// Answers of the import commands for the import window's tests.
import type { ImportPreview, ImportReport } from "../../../../lib/api/client";
import type { ImportPlan, RowDuplicate, RowProblem } from "../text";

export function importPlan(overrides: Partial<ImportPlan> = {}): ImportPlan {
  return { clients: 120, vehicles: 180, problems: [], duplicates: [], ...overrides };
}

export function importPreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    headers: ["ФИО", "Телефон", "Госномер", "Комментарий"],
    sample: [
      ["Иванов Иван Иванович", "8 912 345-67-89", "А123ВС77", "постоянный клиент, просит звонить после обеда"],
      ["Петрова Анна", "+7 922 000-11-22", "В456ОР96"],
    ],
    mapping: ["full_name", "phone", "plate", "ignore"],
    encoding: "Windows-1251",
    delimiter: ";",
    rows: 312,
    plan: importPlan(),
    ...overrides,
  };
}

export function importReport(overrides: Partial<ImportReport> = {}): ImportReport {
  return { imported: true, plan: importPlan(), ...overrides };
}

export function problem(line: number, column: string, issue: RowProblem["issue"], value = "", max: number | null = null): RowProblem {
  return { line, column, value, issue, max };
}

export function phoneDuplicate(line: number, phone = "+79123456789"): RowDuplicate {
  return {
    line,
    duplicate: {
      field: "phone",
      value: phone,
      existing: { id: "c7", kind: "person", displayName: "Иванов И. И." },
      vehicle: null,
      blocking: false,
    },
  };
}

/** A promise resolved or rejected from the test, to hold a call open. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
