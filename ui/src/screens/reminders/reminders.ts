// The reminders screen's pure logic: statuses, events and reasons in words,
// what a pass did in one sentence, the SMS counter, recipients and phones as
// people read them, the call list's day, and the template editor's
// placeholders. The core decides and renders; these only word it.
import { format, isValid, parseISO } from "date-fns";
import { enUS, ru } from "date-fns/locale";
import type {
  CallOutcome,
  CallTask,
  FieldIssue,
  GatewayKind,
  OutboxFilter,
  OutboxStatus,
  PassReport,
  ReminderChannel,
  SmsLength,
} from "../../lib/api/client";
import { issueMessage } from "../../lib/api/errors";
import { formatPhone } from "../../lib/format/phone";
import { getLocale, t, tn, type MessageKey } from "../../lib/i18n";
import { addDays } from "../schedule/calendar/calendar";

/** The outbox is read again this often while the screen is open. */
export const OUTBOX_REFRESH_MS = 30_000;

export const OUTBOX_FILTERS: readonly OutboxFilter[] = ["today", "tomorrow", "failed", "all"];

/** The outcomes in the order of their keys 1–4. */
export const CALL_OUTCOMES: readonly CallOutcome[] = ["confirmed", "rescheduled", "declined", "no_answer"];

/** The channels with a text, in the editor's order (the core's `TEXT_CHANNELS`). */
export const TEXT_CHANNELS: readonly ReminderChannel[] = ["sms", "email", "telegram", "viber", "voice"];

/** The placeholders a template may name, in the order of the editor's buttons. */
export const PLACEHOLDERS = ["client", "date", "weekday", "time", "car", "plate", "services", "mechanic", "shop", "address", "phone"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export function statusLabel(status: OutboxStatus): string {
  return t(`outbox.status.${status}`);
}

export function channelLabel(channel: ReminderChannel): string {
  return t(`channel.${channel}`);
}

export function gatewayLabel(gateway: GatewayKind): string {
  return t(`gateway.${gateway}`);
}

const EVENTS = new Set([
  "planned",
  "claim",
  "accepted",
  "transient_failure",
  "permanent_failure",
  "cancel",
  "retry",
  "poll",
  "delivered",
  "undelivered",
  "recovered_unknown",
  "recovered_accepted",
  "recovered_delivered",
  "recovered_failed",
]);

/** A step's event in words; a name this build does not know shows as it is. */
export function eventLabel(event: string): string {
  return EVENTS.has(event) ? t(`outbox.event.${event}` as MessageKey) : event;
}

/** «Отправить снова»: a failed message, or a waiting one (it goes at once). */
export function canRetry(status: OutboxStatus): boolean {
  return status === "failed" || status === "pending";
}

/** Only a message still waiting can be cancelled. */
export function canCancel(status: OutboxStatus): boolean {
  return status === "pending";
}

const REPORT_ORDER = ["sent", "calls", "planned", "delivered", "retried", "failed", "cancelled", "recovered"] as const;

/** «Отправлено: 3, в обзвон: 1.» — what one pass did, naming only what happened. */
export function passReportText(report: PassReport): string {
  const parts = REPORT_ORDER.filter((key) => report[key] > 0).map((key) => t(`reminders.report.${key}`, { n: report[key] }));
  if (parts.length === 0) return t("reminders.report.nothing");
  const sentence = parts.join(", ");
  return `${sentence.charAt(0).toLocaleUpperCase()}${sentence.slice(1)}.`;
}

const PHONE_CHANNELS: readonly ReminderChannel[] = ["sms", "viber", "voice", "call"];

/** A recipient as people read it: `79161234567` → «+7 916 123-45-67»; an address or a chat as it is. */
export function recipientText(channel: ReminderChannel, recipient: string): string {
  if (!PHONE_CHANNELS.includes(channel)) return recipient;
  const digits = recipient.trim();
  if (/^\d{11,15}$/.test(digits)) return formatPhone(`+${digits}`);
  return formatPhone(digits);
}

function local(at: string): Date | null {
  const date = parseISO(at);
  return isValid(date) ? date : null;
}

/** «30.11 10:00» of a shop time; an instant (`…Z`) in this computer's time. */
export function shortDateTime(at: string): string {
  const date = local(at);
  return date ? format(date, "dd.MM HH:mm") : at;
}

/** «10:00». */
export function timeOf(at: string): string {
  const date = local(at);
  return date ? format(date, "HH:mm") : at;
}

/** «вт 01.12 10:00» of a shop time. */
export function visitText(at: string): string {
  const date = local(at);
  if (!date) return at;
  const day = format(date, getLocale() === "ru" ? "EEEEEE" : "EEE", { locale: getLocale() === "ru" ? ru : enUS });
  return `${day} ${format(date, "dd.MM HH:mm")}`;
}

/** «+7 916 123-45-67» with its `tel:` link; null when the client has no phone. */
export function phoneLink(e164: string): { text: string; href: string } | null {
  const phone = e164.trim();
  if (phone === "") return null;
  return { text: formatPhone(phone), href: `tel:${phone.replace(/[^\d+]/g, "")}` };
}

/** Why the visit is on the call list, in words; a failed reminder says why it failed. */
export function callReasonText(task: Pick<CallTask, "reason" | "detail">): string {
  if (task.reason === "failed" && task.detail.trim() !== "") return t("calls.reason.failed_detail", { detail: task.detail.trim() });
  return t(`calls.reason.${task.reason}`);
}

export function outcomeLabel(outcome: CallOutcome): string {
  return t(`calls.outcome.${outcome}`);
}

/** Whether the call is done: only «no answer» keeps it to be made. */
export function isDone(task: Pick<CallTask, "outcome">): boolean {
  return task.outcome !== null && task.outcome !== "no_answer";
}

/** «повторить после 14:30» after an unanswered call (with the day when it is not the visit's eve). */
export function retryText(task: Pick<CallTask, "retryAt" | "dueOn">): string | null {
  if (!task.retryAt) return null;
  const sameDay = task.retryAt.slice(0, 10) === task.dueOn;
  return t("calls.retry_after", { time: sameDay ? timeOf(task.retryAt) : shortDateTime(task.retryAt) });
}

/** «Завтра, вторник, 1 декабря», «Сегодня, …» or «среда, 2 декабря 2026». */
export function dayLabel(day: string, today: string | null): string {
  const date = local(day);
  if (!date) return day;
  const locale = getLocale() === "ru" ? ru : enUS;
  const long = format(date, getLocale() === "ru" ? "EEEE, d MMMM" : "EEEE, MMMM d", { locale });
  if (today !== null && day === today) return t("calls.day.today", { date: long });
  if (today !== null && day === addDays(today, 1)) return t("calls.day.tomorrow", { date: long });
  return format(date, getLocale() === "ru" ? "EEEE, d MMMM yyyy" : "EEEE, MMMM d, yyyy", { locale });
}

export { addDays };

/** The room of one message alone and of one part of a long one. */
const SEGMENT_ROOM = { gsm7: { single: 160, part: 153 }, ucs2: { single: 70, part: 67 } } as const;

/** «124 символа · 2 SMS · кириллица (70/67)». */
export function smsCounter(length: SmsLength): string {
  const room = SEGMENT_ROOM[length.encoding];
  return [
    tn("templates.counter.chars", length.units),
    t("templates.counter.sms", { n: length.segments }),
    t(`templates.counter.${length.encoding}`, room),
  ].join(" · ");
}

/** Whether the channel's counter of characters and messages means something. */
export function countsSegments(channel: ReminderChannel): boolean {
  return channel === "sms" || channel === "viber";
}

/** `{client}` as typed into a template. */
export function placeholderText(name: Placeholder): string {
  return `{${name}}`;
}

/** The text with `insert` put over `start..end`, and where the caret goes after it. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), caret: from + insert.length };
}

/** A template issue in words: the fragment at fault named («Неизвестная подстановка {clent}»). */
export function templateIssueMessage(issue: FieldIssue): string {
  if (issue.issue === "unknown_value") {
    const fragment = issue.detail ?? "";
    if (fragment === "{") return t("templates.issue.open_brace");
    if (fragment === "}") return t("templates.issue.close_brace");
    return t("templates.issue.unknown", { detail: fragment });
  }
  return issueMessage(issue);
}
