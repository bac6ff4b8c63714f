// Pure state helpers of the client window: the editable form, the draft sent
// to the core, and which validation issues the operator should see.
import type {
  Client,
  ClientDraft,
  ClientKind,
  ClientListItem,
  CompanyDraft,
  FieldIssue,
  LeadSourceId,
  ReminderChannel,
  VehicleBrief,
} from "../../lib/api/client";
import { innChecksumOk, isQuotedName, startsWithLegalForm } from "../../lib/format/company";
import { formatPhone, looksLikePhone } from "../../lib/format/phone";

export type PhoneRow = { key: number; number: string; label: string; primary: boolean };
export type ContactRow = {
  key: number;
  /** The stored contact's id, so its cars keep their driver; null for a new one. */
  id: string | null;
  name: string;
  position: string;
  phone: string;
  email: string;
};

export type FormState = {
  kind: ClientKind;
  surname: string;
  name: string;
  patronymic: string;
  /** `YYYY-MM-DD` (what a date input holds) or "". */
  birthDate: string;
  company: CompanyDraft;
  phones: PhoneRow[];
  email: string;
  address: string;
  usesTelegram: boolean;
  usesViber: boolean;
  notes: string;
  leadSourceId: LeadSourceId | null;
  /** As typed; checked here because the core only takes a whole number. */
  discount: string;
  reminderChannels: ReminderChannel[];
  tags: string[];
  contacts: ContactRow[];
};

/** Every reminder channel in the order the window lists unticked ones. */
export const CHANNELS: readonly ReminderChannel[] = ["call", "sms", "email", "telegram", "viber", "voice"];

/** A new client is reminded by the operator's call: it needs no consent. */
const DEFAULT_CHANNELS: readonly ReminderChannel[] = ["call"];
const MAX_DISCOUNT = 100;

let nextKey = 1;
export function phoneRow(primary = false, number = "", label = ""): PhoneRow {
  return { key: nextKey++, number, label, primary };
}

export function contactRow(values: Partial<Omit<ContactRow, "key">> = {}): ContactRow {
  return { key: nextKey++, id: null, name: "", position: "", phone: "", email: "", ...values };
}

export function emptyCompany(): CompanyDraft {
  return {
    fullName: "",
    shortName: "",
    inn: "",
    kpp: "",
    ogrn: "",
    legalAddress: "",
    postalAddress: "",
    bankAccount: "",
    bankName: "",
    bik: "",
    corrAccount: "",
  };
}

export function emptyForm(kind: ClientKind = "person"): FormState {
  return {
    kind,
    surname: "",
    name: "",
    patronymic: "",
    birthDate: "",
    company: emptyCompany(),
    phones: [phoneRow(true)],
    email: "",
    address: "",
    usesTelegram: false,
    usesViber: false,
    notes: "",
    leadSourceId: null,
    discount: "",
    reminderChannels: [...DEFAULT_CHANNELS],
    tags: [],
    contacts: [],
  };
}

export function formFromClient(client: Client): FormState {
  const phones = client.phones.map((p) => phoneRow(p.primary, formatPhone(p.number), p.label));
  if (phones.length === 0) phones.push(phoneRow(true));
  else if (!phones.some((p) => p.primary)) phones[0]!.primary = true;
  return {
    kind: client.kind,
    surname: client.surname,
    name: client.name,
    patronymic: client.patronymic,
    birthDate: russianDate(client.birthDate),
    company: { ...client.company },
    phones,
    email: client.email ?? "",
    address: client.address,
    usesTelegram: client.usesTelegram,
    usesViber: client.usesViber,
    notes: client.notes,
    leadSourceId: client.leadSource?.id ?? null,
    discount: client.discountPercent > 0 ? String(client.discountPercent) : "",
    reminderChannels: [...client.reminderChannels],
    tags: [...client.tags],
    contacts: client.contacts.map((c) =>
      contactRow({ id: c.id, name: c.name, position: c.position, phone: formatPhone(c.phone), email: c.email ?? "" }),
    ),
  };
}

/**
 * 12 digits are an ИНН: no phone has them. 10 digits may also be a phone typed
 * without the 8; Russian area codes start with 3, 4, 8 or 9, so such digits are
 * an ИНН only when they pass its check and do not start with 9 like a mobile.
 */
function looksLikeInn(text: string): boolean {
  if (/^\d{12}$/.test(text)) return true;
  if (!/^\d{10}$/.test(text)) return false;
  if (!"3489".includes(text[0]!)) return true;
  return text[0] !== "9" && innChecksumOk(text);
}

function capitalize(word: string): string {
  return word.charAt(0).toLocaleUpperCase("ru-RU") + word.slice(1);
}

/**
 * A new client's form pre-filled from a search that found nothing: an ИНН
 * (see looksLikeInn) — a company with it; a phone; «ООО …», «ИП …» or a name in
 * quotes — a company's short name; anything else — «Фамилия Имя Отчество».
 */
export function formFromQuery(query: string): FormState {
  const text = query.trim().replace(/\s+/g, " ");
  if (!text) return emptyForm();
  if (looksLikeInn(text)) {
    const form = emptyForm("company");
    form.company.inn = text;
    return form;
  }
  if (looksLikePhone(text)) {
    const form = emptyForm();
    form.phones[0]!.number = text;
    return form;
  }
  if (startsWithLegalForm(text) || isQuotedName(text)) {
    const form = emptyForm("company");
    form.company.shortName = text.replace(/^\S+/, (legalForm) =>
      startsWithLegalForm(legalForm) ? legalForm.toLocaleUpperCase("ru-RU") : legalForm,
    );
    return form;
  }
  const form = emptyForm();
  const [surname = "", name = "", ...rest] = text.split(" ").map(capitalize);
  form.surname = surname;
  form.name = name;
  form.patronymic = rest.join(" ");
  return form;
}

/** A list row for a client just created or opened, for pickers that hand one back. */
export function listItemFromClient(client: Client, vehicles: VehicleBrief[] = []): ClientListItem {
  const primary = client.phones.find((p) => p.primary) ?? client.phones[0] ?? null;
  return {
    id: client.id,
    kind: client.kind,
    displayName: client.displayName,
    inn: client.company.inn,
    primaryPhone: primary?.number ?? null,
    otherPhones: Math.max(0, client.phones.length - 1),
    email: client.email,
    notes: client.notes,
    tags: client.tags,
    archived: client.archivedAt !== null,
    vehicles,
    matchedBy: null,
    matchedVehicle: null,
    createdAt: client.createdAt,
  };
}

const isBlankPhone = (row: PhoneRow) => row.number.trim() === "" && row.label.trim() === "";
const isBlankContact = (row: ContactRow) =>
  [row.name, row.position, row.phone, row.email].every((v) => v.trim() === "");

function indexesOf<T>(rows: readonly T[], blank: (row: T) => boolean): number[] {
  return rows.flatMap((row, index) => (blank(row) ? [] : [index]));
}

/** Form rows of `draft.phones[i]` and `draft.contacts[i]`, to map issues back. */
export type RowMap = { phones: number[]; contacts: number[] };

/** The discount as a whole number 0–100, or null when it is not one. */
export function parseDiscount(text: string): number | null {
  const value = text.trim();
  if (value === "") return 0;
  if (!/^\d{1,3}$/.test(value)) return null;
  const n = Number(value);
  return n <= MAX_DISCOUNT ? n : null;
}

/** Problems the core cannot see because they do not fit the draft's types. */
export function localIssues(form: FormState): FieldIssue[] {
  return parseDiscount(form.discount) === null
    ? [{ field: "discountPercent", issue: "out_of_range", max: MAX_DISCOUNT, detail: null }]
    : [];
}

/**
 * The draft for the core. Phone and contact rows left completely empty are
 * dropped; the fields of the other kind of client are sent empty.
 */
export function toDraft(form: FormState): { draft: ClientDraft; rows: RowMap } {
  const company = form.kind === "company";
  const phoneRows = indexesOf(form.phones, isBlankPhone);
  const contactRows = company ? indexesOf(form.contacts, isBlankContact) : [];
  const phones = phoneRows.map((index) => {
    const row = form.phones[index]!;
    return { number: row.number, label: row.label, primary: row.primary };
  });
  if (phones.length > 0 && !phones.some((p) => p.primary)) phones[0]!.primary = true;
  const contacts = contactRows.map((index) => {
    const { id, name, position, phone, email } = form.contacts[index]!;
    return { id, name, position, phone, email };
  });
  return {
    draft: {
      kind: form.kind,
      surname: company ? "" : form.surname,
      name: company ? "" : form.name,
      patronymic: company ? "" : form.patronymic,
      birthDate: company ? "" : form.birthDate,
      company: company ? { ...form.company } : emptyCompany(),
      phones,
      email: form.email,
      address: form.address,
      usesTelegram: form.usesTelegram,
      usesViber: form.usesViber,
      notes: form.notes,
      leadSourceId: form.leadSourceId,
      discountPercent: parseDiscount(form.discount) ?? 0,
      reminderChannels: [...form.reminderChannels],
      tags: [...form.tags],
      contacts,
    },
    rows: { phones: phoneRows, contacts: contactRows },
  };
}

const ROW_FIELD = /^(phones|contacts)\.(\d+)\.(.+)$/;

/** Rewrites `phones.N.*` and `contacts.N.*` fields of the draft's issues to the form's row numbers. */
export function remapIssues(issues: readonly FieldIssue[], rows: RowMap): FieldIssue[] {
  return issues.map((issue) => {
    const match = ROW_FIELD.exec(issue.field);
    if (!match) return issue;
    const list = match[1] as keyof RowMap;
    const row = rows[list][Number(match[2])];
    return row === undefined ? issue : { ...issue, field: `${list}.${row}.${match[3]}` };
  });
}

/** Whether an issue concerns a field the operator has already left. */
export function isTouched(field: string, touched: ReadonlySet<string>): boolean {
  if (touched.has(field)) return true;
  const any = (prefix: string) => [...touched].some((f) => f.startsWith(prefix));
  // «Укажите фамилию или имя» is reported on surname but is about the name too.
  if (field === "surname") return touched.has("name");
  if (field === "company.shortName") return touched.has("company.fullName");
  // «Укажите телефон» is about every phone, a contact person's too.
  if (field === "phones") return any("phones.") || [...touched].some((f) => /^contacts\.\d+\.phone$/.test(f));
  if (field === "contacts") return any("contacts.");
  return false;
}

/** Shifts touched row fields of `list` after its row `removed` was deleted. */
export function shiftTouched(touched: ReadonlySet<string>, list: "phones" | "contacts", removed: number): Set<string> {
  const next = new Set<string>();
  for (const field of touched) {
    const match = ROW_FIELD.exec(field);
    if (!match || match[1] !== list) next.add(field);
    else {
      const index = Number(match[2]);
      if (index < removed) next.add(field);
      else if (index > removed) next.add(`${list}.${index - 1}.${match[3]}`);
    }
  }
  return next;
}

const kebab = (camel: string) => camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The element id (and test id) of the input a field's issue points at. */
export function inputIdOf(field: string): string {
  const phone = /^phones\.(\d+)\.(\w+)$/.exec(field);
  if (phone) return phone[2] === "label" ? `client-phone-label-${phone[1]}` : `client-phone-${phone[1]}`;
  if (field.startsWith("phones")) return "client-phone-0";
  const contact = /^contacts\.(\d+)\.(name|position|phone|email)$/.exec(field);
  if (contact) return `contact-${contact[2]}-${contact[1]}`;
  if (field.startsWith("contacts")) return "contact-add";
  if (field.startsWith("company.")) return `company-${kebab(field.slice("company.".length))}`;
  const named: Record<string, string> = {
    discountPercent: "client-discount",
    leadSourceId: "client-lead-source",
  };
  return named[field] ?? `client-${kebab(field)}`;
}

/** Comparable snapshot of the form for "unsaved changes". */
export function snapshot(form: FormState): string {
  const { draft } = toDraft(form);
  return JSON.stringify([draft, form.discount]);
}

/** `1985-04-15` (as stored) → `15.04.1985` (as typed). */
export function russianDate(iso: string | null): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  return match ? `${match[3]}.${match[2]}.${match[1]}` : "";
}
