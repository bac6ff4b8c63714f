// Turns core errors into translated text. The UI branches on codes, never on
// message strings; `message` is only shown for codes this build does not know.
import { fmtNumber, t, tn, type MessageKey } from "../i18n";
import { startsWithLegalForm } from "../format/company";
import { formatPhone } from "../format/phone";
import { formatPlate } from "../format/plate";
import { vehicleLabel } from "../format/vehicle";
import type { ApiError, BookingConflict, ClientKind, ClientRef, ConflictReason, Duplicate, FieldIssue, Interval } from "./client";
import { ApiFailure } from "./client";

const ISSUE_KEYS: Record<string, MessageKey> = {
  required: "errors.issue.required",
  name_required: "errors.issue.name_required",
  phone_required: "errors.issue.phone_required",
  too_many: "errors.issue.too_many",
  phone_invalid: "errors.issue.phone_invalid",
  phone_repeated: "errors.issue.phone_repeated",
  email_invalid: "errors.issue.email_invalid",
  inn_invalid: "errors.issue.inn_invalid",
  inn_checksum: "errors.issue.inn_checksum",
  kpp_invalid: "errors.issue.kpp_invalid",
  ogrn_invalid: "errors.issue.ogrn_invalid",
  ogrn_checksum: "errors.issue.ogrn_checksum",
  bik_invalid: "errors.issue.bik_invalid",
  account_invalid: "errors.issue.account_invalid",
  account_checksum: "errors.issue.account_checksum",
  vin_invalid: "errors.issue.vin_invalid",
  vin_forbidden_letter: "errors.issue.vin_forbidden_letter",
  plate_invalid: "errors.issue.plate_invalid",
  date_invalid: "errors.issue.date_invalid",
  date_in_future: "errors.issue.date_in_future",
  out_of_range: "errors.issue.out_of_range",
  odometer_decreased: "errors.issue.odometer_decreased",
  repeated: "errors.issue.repeated",
  number_invalid: "errors.issue.number_invalid",
  fraction_not_allowed: "errors.issue.fraction_not_allowed",
  barcode_invalid: "errors.issue.barcode_invalid",
  barcode_checksum: "errors.issue.barcode_checksum",
  taken: "errors.issue.taken",
  not_enough_stock: "errors.issue.not_enough_stock",
  purchase_price_required: "errors.issue.purchase_price_required",
  unavailable: "errors.issue.unavailable",
  unknown_value: "errors.issue.unknown_value",
  file_type: "errors.issue.file_type",
  file_too_large: "errors.issue.file_too_large",
};

/** Messages that say more than the generic one for a particular field. */
const FIELD_ISSUE_KEYS: readonly [RegExp, string, MessageKey][] = [
  [/^company\./, "name_required", "errors.issue.company_name_required"],
  [/^contacts\.\d+\.name$/, "required", "errors.issue.contact_name_required"],
  [/^plate$/, "required", "errors.issue.plate_or_vin_required"],
  [/^company\.corrAccount$/, "account_invalid", "errors.issue.corr_account_invalid"],
  [/^discountPercent$/, "out_of_range", "errors.issue.discount_out_of_range"],
  [/^year$/, "out_of_range", "errors.issue.year_out_of_range"],
  [/^article$/, "taken", "errors.issue.article_taken"],
  [/^code$/, "taken", "errors.issue.code_taken"],
];

const CODE_KEYS: Record<string, MessageKey> = {
  validation: "errors.code.validation",
  not_found: "errors.code.not_found",
  duplicate: "errors.code.duplicate",
  conflict: "errors.code.conflict",
  booking: "errors.code.booking",
  database: "errors.code.database",
  io: "errors.code.io",
  document: "errors.code.document",
  keychain: "errors.code.keychain",
  gateway_setup: "errors.code.gateway_setup",
  internal: "errors.code.internal",
};

const CONFLICT_KEYS: Record<ConflictReason, MessageKey> = {
  merge_into_itself: "errors.conflict.merge_into_itself",
  merged_client: "errors.conflict.merged_client",
  same_owner: "errors.conflict.same_owner",
  driver_not_a_contact: "errors.conflict.driver_not_a_contact",
  import_has_errors: "errors.conflict.import_has_errors",
  reminder_not_retriable: "errors.conflict.reminder_not_retriable",
  reminder_not_cancellable: "errors.conflict.reminder_not_cancellable",
  gateway_not_configured: "errors.conflict.gateway_not_configured",
  order_locked: "errors.conflict.order_locked",
  order_action_not_allowed: "errors.conflict.order_action_not_allowed",
  appointment_not_awaited: "errors.conflict.appointment_not_awaited",
  order_cancelled: "errors.conflict.order_cancelled",
  not_a_sale: "errors.conflict.not_a_sale",
};

/** What the message of an issue may depend on besides the issue itself. */
export type IssueContext = { kind?: ClientKind };

/** The translated message of one field issue, with `{max}` filled in. */
export function issueMessage(issue: FieldIssue, context: IssueContext = {}): string {
  const limit = issue.max ?? null;
  // A year is not a quantity: «2027», not «2 027».
  const max = limit === null ? "" : issue.field === "year" ? String(limit) : fmtNumber(limit);
  if (issue.issue === "too_long" && limit !== null) return tn("errors.issue.too_long", limit, { max });
  if (issue.issue === "phone_required" && context.kind === "company") return t("errors.issue.company_phone_required");
  const special = FIELD_ISSUE_KEYS.find(([field, code]) => code === issue.issue && field.test(issue.field));
  const key = special?.[2] ?? ISSUE_KEYS[issue.issue];
  // A quantity on hand comes locale-free («1.5»); shown the Russian way («1,5»).
  const detail = issue.detail === null || issue.detail === undefined ? "" : fmtDetail(issue.detail);
  return key ? t(key, { max, detail }) : t("errors.issue.unknown");
}

/** Why a `conflict` was refused. */
export function conflictMessage(reason: ConflictReason | null | undefined): string {
  const key = reason ? CONFLICT_KEYS[reason] : undefined;
  return t(key ?? "errors.code.conflict");
}

/** «с 10:00 до 11:30», or with dates when the busy time spans days. */
function bookingWhen(span: Interval): string {
  const sameDay = span.start.slice(0, 10) === span.end.slice(0, 10);
  const show = (at: string) => (sameDay ? at.slice(11, 16) : `${at.slice(8, 10)}.${at.slice(5, 7)} ${at.slice(11, 16)}`);
  return t("errors.booking.when", { start: show(span.start), end: show(span.end) });
}

/** Why a booking was refused, with what to do instead. */
export function bookingMessage(conflict: BookingConflict | null | undefined): string {
  if (!conflict) return t("errors.code.booking");
  switch (conflict.reason) {
    case "mechanicBusy":
      return t("errors.booking.mechanicBusy", { when: bookingWhen(conflict.with) });
    case "bayBusy":
      return t("errors.booking.bayBusy", { when: bookingWhen(conflict.with) });
    default:
      return t(`errors.booking.${conflict.reason}`);
  }
}

/** «клиента Иванов Иван», «ООО «Ромашка»», «организации Ромашка». */
function ownerOf(ref: ClientRef): string {
  if (ref.kind === "person") return t("errors.duplicate.owner.person", { name: ref.displayName });
  if (startsWithLegalForm(ref.displayName)) return ref.displayName;
  return t("errors.duplicate.owner.company", { name: ref.displayName });
}

/**
 * One line about a value another record already has: «Телефон +7 912 345-67-89
 * уже записан у клиента Иванов Иван», «ИНН 7707083893 уже есть у ООО «Ромашка»»,
 * «Автомобиль с таким VIN уже есть: LADA Granta, А 123 ВС 77 (владелец — …)».
 */
export function duplicateMessage(d: Duplicate): string {
  const owner = ownerOf(d.existing);
  switch (d.field) {
    case "phone":
      return t("errors.duplicate.phone", { value: formatPhone(d.value), owner });
    case "inn":
      return t("errors.duplicate.inn", { value: d.value, owner });
    case "plate":
    case "vin": {
      const fallback = d.field === "plate" ? formatPlate(d.value) : d.value;
      const car = (d.vehicle && vehicleLabel(d.vehicle)) || fallback;
      return t(`errors.duplicate.${d.field}`, { car, name: d.existing.displayName });
    }
    default:
      return t("errors.code.duplicate");
  }
}

/** The translated message of an API error; codes unknown to the UI fall back to the core's message. */
export function apiErrorMessage(error: ApiError): string {
  if (error.code === "conflict") return conflictMessage(error.conflict);
  if (error.code === "booking") return bookingMessage(error.booking);
  if (error.code === "duplicate" && error.duplicates.length > 0) {
    return error.duplicates.map(duplicateMessage).join(". ");
  }
  const key = CODE_KEYS[error.code];
  if (key) return t(key);
  return error.message || t("errors.unexpected");
}

/** Message for anything a backend call threw (ApiFailure or a plain Error). */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiFailure) return apiErrorMessage(e.error);
  return t("errors.unexpected");
}

/** Codes whose translated message says everything the operator can act on. */
const SELF_EXPLAINING = new Set(["validation", "not_found", "duplicate", "conflict"]);

/** Technical detail for a support person, or null when there is nothing useful to add. */
export function errorDetails(e: unknown): string | null {
  let message: string | null = null;
  if (e instanceof ApiFailure) {
    if (SELF_EXPLAINING.has(e.error.code)) return null;
    if (!CODE_KEYS[e.error.code]) return null; // already shown as the message
    message = e.error.message;
  } else if (e instanceof Error) {
    message = e.message;
  } else if (typeof e === "string") {
    message = e;
  }
  return message ? t("errors.details", { message }) : null;
}

/** Translated messages grouped by field: { "phones.0.number": ["Телефон не распознан…"] }. */
export function messagesByField(issues: readonly FieldIssue[], context: IssueContext = {}): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const issue of issues) {
    const list = (grouped[issue.field] ??= []);
    const message = issueMessage(issue, context);
    if (!list.includes(message)) list.push(message);
  }
  return grouped;
}

function fmtDetail(detail: string): string {
  return /^-?\d+(\.\d+)?$/.test(detail) ? fmtNumber(Number(detail)) : detail;
}
