// Pure state helpers of the client window: the editable form, the draft sent
// to the core, and which validation issues the operator should see.
import type { Client, ClientDraft, FieldIssue } from "../../lib/api/bindings";
import { formatPhone, looksLikePhone } from "../../lib/format/phone";

export type PhoneRow = { key: number; number: string; label: string; primary: boolean };
export type FormState = {
  surname: string;
  name: string;
  patronymic: string;
  phones: PhoneRow[];
  email: string;
  notes: string;
};

let nextKey = 1;
export function phoneRow(primary = false, number = "", label = ""): PhoneRow {
  return { key: nextKey++, number, label, primary };
}

export function emptyForm(): FormState {
  return { surname: "", name: "", patronymic: "", phones: [phoneRow(true)], email: "", notes: "" };
}

export function formFromClient(client: Client): FormState {
  const phones = client.phones.map((p) => phoneRow(p.primary, formatPhone(p.number), p.label));
  if (phones.length === 0) phones.push(phoneRow(true));
  else if (!phones.some((p) => p.primary)) phones[0]!.primary = true;
  return {
    surname: client.surname,
    name: client.name,
    patronymic: client.patronymic,
    phones,
    email: client.email ?? "",
    notes: client.notes,
  };
}

function capitalize(word: string): string {
  return word.charAt(0).toLocaleUpperCase("ru-RU") + word.slice(1);
}

/** A new client's form pre-filled from a search that found nothing: a phone, or «Фамилия Имя Отчество». */
export function formFromQuery(query: string): FormState {
  const form = emptyForm();
  const text = query.trim();
  if (!text) return form;
  if (looksLikePhone(text)) {
    form.phones[0]!.number = text;
    return form;
  }
  const [surname = "", name = "", ...rest] = text.split(/\s+/).map(capitalize);
  form.surname = surname;
  form.name = name;
  form.patronymic = rest.join(" ");
  return form;
}

const isBlankRow = (row: PhoneRow) => row.number.trim() === "" && row.label.trim() === "";

/**
 * The draft for the core. Phone rows left completely empty are dropped;
 * `rows[i]` is the form row of `draft.phones[i]`, to map issues back.
 */
export function toDraft(form: FormState): { draft: ClientDraft; rows: number[] } {
  const rows: number[] = [];
  form.phones.forEach((row, index) => {
    if (!isBlankRow(row)) rows.push(index);
  });
  const phones = rows.map((index) => {
    const row = form.phones[index]!;
    return { number: row.number, label: row.label, primary: row.primary };
  });
  if (phones.length > 0 && !phones.some((p) => p.primary)) phones[0]!.primary = true;
  return {
    draft: {
      surname: form.surname,
      name: form.name,
      patronymic: form.patronymic,
      phones,
      email: form.email,
      notes: form.notes,
    },
    rows,
  };
}

/** Rewrites `phones.N.*` fields of the draft's issues to the form's row numbers. */
export function remapIssues(issues: readonly FieldIssue[], rows: readonly number[]): FieldIssue[] {
  return issues.map((issue) => {
    const match = /^phones\.(\d+)\.(.+)$/.exec(issue.field);
    if (!match) return issue;
    const row = rows[Number(match[1])];
    return row === undefined ? issue : { ...issue, field: `phones.${row}.${match[2]}` };
  });
}

/** Whether an issue concerns a field the operator has already left. */
export function isTouched(field: string, touched: ReadonlySet<string>): boolean {
  if (touched.has(field)) return true;
  // «Укажите фамилию или имя» is reported on surname but is about the name too.
  if (field === "surname" && touched.has("name")) return true;
  if (field === "phones") return [...touched].some((f) => f.startsWith("phones."));
  return false;
}

/** Shifts touched phone fields after row `removed` was deleted. */
export function shiftTouched(touched: ReadonlySet<string>, removed: number): Set<string> {
  const next = new Set<string>();
  for (const field of touched) {
    const match = /^phones\.(\d+)\.(.+)$/.exec(field);
    if (!match) next.add(field);
    else {
      const index = Number(match[1]);
      if (index < removed) next.add(field);
      else if (index > removed) next.add(`phones.${index - 1}.${match[2]}`);
    }
  }
  return next;
}

/** The element id (and test id) of the input a field's issue points at. */
export function inputIdOf(field: string): string {
  const phone = /^phones\.(\d+)\.(number|label|primary)$/.exec(field);
  if (phone) return phone[2] === "label" ? `client-phone-label-${phone[1]}` : `client-phone-${phone[1]}`;
  if (field === "phones" || field.startsWith("phones")) return "client-phone-0";
  return `client-${field}`;
}

/** Order of fields on screen, to focus the first invalid one. */
export function fieldOrder(field: string): number {
  const base = ["surname", "name", "patronymic"].indexOf(field);
  if (base >= 0) return base;
  if (field === "phones") return 10;
  const phone = /^phones\.(\d+)\.(\w+)/.exec(field);
  if (phone) return 11 + Number(phone[1]) * 2 + (phone[2] === "label" ? 1 : 0);
  if (field === "email") return 1000;
  if (field === "notes") return 1001;
  return 2000;
}

/** Comparable snapshot of the form for "unsaved changes". */
export function snapshot(form: FormState): string {
  const { draft } = toDraft(form);
  return JSON.stringify(draft);
}
