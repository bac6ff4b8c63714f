// A refused change of the order window: the message for the banner and the
// field messages for the form that sent it.
import { ApiFailure, type FieldIssue } from "../../../lib/api/client";
import { errorDetails, errorMessage, messagesByField } from "../../../lib/api/errors";

export type Failure = {
  message: string;
  details: string | null;
  issues: FieldIssue[];
  fields: Record<string, string[]>;
};

export function failureOf(e: unknown): Failure {
  const issues = e instanceof ApiFailure ? e.error.issues : [];
  return { message: errorMessage(e), details: errorDetails(e), issues, fields: messagesByField(issues) };
}

/**
 * The text of the banner under a form: the messages of fields it has no place
 * for, else the core's message when no field was named; null when the fields
 * show it all.
 */
export function bannerText(failure: Failure | null, shown: readonly string[]): string | null {
  if (!failure) return null;
  const stray = strayMessages(failure, shown);
  if (stray.length > 0) return stray.join(" ");
  return failure.issues.length === 0 ? failure.message : null;
}

/** Messages of issues about fields the form has no place for. */
export function strayMessages(failure: Failure | null, shown: readonly string[]): string[] {
  if (!failure) return [];
  return Object.entries(failure.fields)
    .filter(([field]) => !shown.includes(field))
    .flatMap(([, list]) => list);
}
