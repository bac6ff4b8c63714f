// Turns core errors into translated text. The UI branches on codes, never on
// message strings; `message` is only shown for codes this build does not know.
import { fmtNumber, t, tn, type MessageKey } from "../i18n";
import type { ApiError, FieldIssue } from "./bindings";
import { ApiFailure } from "./client";

const ISSUE_KEYS: Record<string, MessageKey> = {
  required: "errors.issue.required",
  name_required: "errors.issue.name_required",
  phone_required: "errors.issue.phone_required",
  too_many: "errors.issue.too_many",
  phone_invalid: "errors.issue.phone_invalid",
  phone_repeated: "errors.issue.phone_repeated",
  email_invalid: "errors.issue.email_invalid",
};

const CODE_KEYS: Record<string, MessageKey> = {
  validation: "errors.code.validation",
  not_found: "errors.code.not_found",
  duplicate_phone: "errors.code.duplicate_phone",
  database: "errors.code.database",
  io: "errors.code.io",
  internal: "errors.code.internal",
};

/** The translated message of one field issue, with `{max}` filled in. */
export function issueMessage(issue: FieldIssue): string {
  const limit = issue.max ?? null;
  const max = limit === null ? "" : fmtNumber(limit);
  if (issue.issue === "too_long" && limit !== null) return tn("errors.issue.too_long", limit, { max });
  const key = ISSUE_KEYS[issue.issue];
  return key ? t(key, { max }) : t("errors.issue.unknown");
}

/** The translated message of an API error; codes unknown to the UI fall back to the core's message. */
export function apiErrorMessage(error: ApiError): string {
  const key = CODE_KEYS[error.code];
  if (key) return t(key);
  return error.message || t("errors.unexpected");
}

/** Message for anything a backend call threw (ApiFailure or a plain Error). */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiFailure) return apiErrorMessage(e.error);
  return t("errors.unexpected");
}

/** Technical detail for a support person, or null when there is nothing useful to add. */
export function errorDetails(e: unknown): string | null {
  let message: string | null = null;
  if (e instanceof ApiFailure) {
    if (e.error.code === "validation" || e.error.code === "not_found" || e.error.code === "duplicate_phone") return null;
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
export function messagesByField(issues: readonly FieldIssue[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const issue of issues) {
    const list = (grouped[issue.field] ??= []);
    const message = issueMessage(issue);
    if (!list.includes(message)) list.push(message);
  }
  return grouped;
}
