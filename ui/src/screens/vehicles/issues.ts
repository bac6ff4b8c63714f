// Messages of the car window's field issues: a few car-specific wordings, the
// rest from the common texts in errors.ts.
import type { FieldIssue } from "../../lib/api/client";
import { issueMessage } from "../../lib/api/errors";
import { fmtNumber, t } from "../../lib/i18n";

function specific(issue: FieldIssue): string | null {
  const field = issue.field;
  if (issue.issue === "required") {
    if (field === "make") return t("vehicle.issue.make_required");
    if (field === "model") return t("vehicle.issue.model_required");
    if (field === "odometerReason" || field === "reason") return t("vehicle.issue.odometer_reason_required");
    if (field === "odometerKm" || field === "km") return t("vehicle.issue.km_required");
  }
  if (issue.issue === "out_of_range" && issue.max !== null && issue.max !== undefined) {
    const max = fmtNumber(issue.max);
    if (field === "engineVolumeCc") return t("vehicle.issue.engine_volume_range", { max });
    if (field === "odometerKm" || field === "km") return t("vehicle.issue.odometer_range", { max });
  }
  return null;
}

export function vehicleIssueMessage(issue: FieldIssue): string {
  return specific(issue) ?? issueMessage(issue);
}

/** Messages grouped by field, without repeats. */
export function vehicleMessagesByField(issues: readonly FieldIssue[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const issue of issues) {
    const list = (grouped[issue.field] ??= []);
    const message = vehicleIssueMessage(issue);
    if (!list.includes(message)) list.push(message);
  }
  return grouped;
}
