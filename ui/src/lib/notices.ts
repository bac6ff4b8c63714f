// Desktop notices about appointments: «Через 30 мин — запись», «Клиент
// опаздывает на 15 мин», and about reminders that failed for good:
// «Напоминание не доставлено: Иванов Иван, SMS — …». The core decides what is
// due and hands each notice out once, ever (even to two windows); the UI
// polls it, words the notice in the interface language and gives it to the OS.
import { isPermissionGranted, requestPermission, sendNotification } from "@tauri-apps/plugin-notification";
import type { Backend, Notice, OutboxMessage } from "./api/client";
import { formatPlate } from "./format/plate";
import { t, tn } from "./i18n";
import { fmtDuration, shortName } from "../screens/schedule/appointment/appointment";

export const NOTICE_POLL_MS = 30_000;
/** More notices than this at once (a big shop at a shift's start) become one summary. */
export const MAX_SEPARATE_NOTICES = 3;

/** «Kia Rio А123ВС77» → «Kia Rio А 123 ВС 77»: the core sends the plate canonical, last. */
function vehicleText(vehicle: string): string {
  return vehicle.trim().replace(/\S+$/u, (last) => formatPlate(last));
}

/** The title and body of a desktop notice, in the interface language. */
export function noticeText(notice: Notice): { title: string; body: string } {
  const minutes = Math.abs(notice.minutes);
  const title =
    notice.kind === "late"
      ? t("notice.late.title", { late: fmtDuration(minutes) })
      : notice.minutes > 0
        ? t("notice.upcoming.title", { in: fmtDuration(minutes) })
        : t("notice.upcoming.now");
  const vehicle = vehicleText(notice.vehicle);
  const who = vehicle ? t("notice.client_vehicle", { client: notice.client, vehicle }) : notice.client;
  const mechanic = notice.mechanic.trim() ? t("notice.mechanic", { name: shortName(notice.mechanic) }) : "";
  return { title, body: [who, mechanic].filter(Boolean).join(" · ") };
}

/**
 * The notices of one poll as the OS should show them: each on its own, or,
 * when there are many, one summary per kind naming the first clients.
 */
export function noticeTexts(due: readonly Notice[]): { title: string; body: string }[] {
  if (due.length <= MAX_SEPARATE_NOTICES) return due.map(noticeText);
  const texts: { title: string; body: string }[] = [];
  for (const kind of ["upcoming", "late"] as const) {
    const ofKind = due.filter((n) => n.kind === kind);
    if (ofKind.length === 0) continue;
    const names = ofKind.slice(0, MAX_SEPARATE_NOTICES).map((n) => n.client);
    const more = ofKind.length - names.length;
    const body = more > 0 ? t("notice.summary.more", { names: names.join(", "), n: more }) : names.join(", ");
    texts.push({ title: tn(`notice.summary.${kind}`, ofKind.length), body });
  }
  return texts;
}

/** «Напоминание не доставлено» / «Иванов Иван, SMS — неверный номер». */
export function failureText(message: OutboxMessage): { title: string; body: string } {
  const params = { client: message.clientName, channel: t(`channel.${message.channel}`) };
  const error = message.lastError?.trim() ?? "";
  const body = error
    ? t("notice.reminder_failed.body", { ...params, error })
    : t("notice.reminder_failed.body_no_error", params);
  return { title: t("notice.reminder_failed.title"), body };
}

/** The failed reminders of one poll: each on its own, or one summary when there are many. */
export function failureTexts(failed: readonly OutboxMessage[]): { title: string; body: string }[] {
  if (failed.length <= MAX_SEPARATE_NOTICES) return failed.map(failureText);
  const names = [...new Set(failed.map((m) => m.clientName))];
  const shown = names.slice(0, MAX_SEPARATE_NOTICES);
  const more = names.length - shown.length;
  const body = more > 0 ? t("notice.summary.more", { names: shown.join(", "), n: more }) : shown.join(", ");
  return [{ title: tn("notice.summary.reminder_failed", failed.length), body }];
}

/**
 * Asks the core for due notices and final reminder failures now and every
 * `everyMs`, and hands each to `deliver`. A failed poll or delivery is logged
 * and the polling goes on. Returns the function that stops it.
 */
export function startNoticePoller(
  backend: Backend,
  deliver: (title: string, body: string) => void | Promise<void>,
  everyMs: number = NOTICE_POLL_MS,
): () => void {
  let polling = false;

  async function show(texts: readonly { title: string; body: string }[]): Promise<void> {
    // Delivered even after stop(): the core has already marked them shown.
    for (const { title, body } of texts) {
      try {
        await deliver(title, body);
      } catch (e) {
        console.error("Remzona: a desktop notice was not shown", e);
      }
    }
  }

  async function poll(): Promise<void> {
    if (polling) return; // a slow answer: never two requests at once
    polling = true;
    try {
      // Each question on its own: a failing one must not silence the other.
      try {
        await show(noticeTexts(await backend.appointments.takeDueNotices()));
      } catch (e) {
        console.error("Remzona: could not check for due notices", e);
      }
      try {
        await show(failureTexts(await backend.reminders.takeFailures()));
      } catch (e) {
        console.error("Remzona: could not check for undelivered reminders", e);
      }
    } finally {
      polling = false;
    }
  }

  void poll();
  const timer = setInterval(() => void poll(), everyMs);
  return () => clearInterval(timer);
}

/** Shows a notice through the OS, asking for the permission the first time. */
export async function deliverDesktopNotice(title: string, body: string): Promise<void> {
  let granted = await isPermissionGranted();
  if (!granted) granted = (await requestPermission()) === "granted";
  if (granted) sendNotification({ title, body });
}
