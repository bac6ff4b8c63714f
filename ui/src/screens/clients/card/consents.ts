// Consent topics, reminder channels and what the card says about them.
import type { ConsentRecord, ConsentState, ConsentTopic, ReminderChannel } from "../../../lib/api/client";
import { t, type MessageKey } from "../../../lib/i18n";

export const TOPICS: readonly ConsentTopic[] = ["personal_data", "sms", "email", "telegram", "viber", "voice"];

export function isTopic(value: string): value is ConsentTopic {
  return (TOPICS as readonly string[]).includes(value);
}

export function topicLabel(topic: ConsentTopic): string {
  return t(`consent.topic.${topic}` as MessageKey);
}

export function channelLabel(channel: ReminderChannel): string {
  return t(`card.channel.${channel}` as MessageKey);
}

export type ChannelStatus = {
  channel: ReminderChannel;
  allowed: boolean;
  /** Short mark next to a struck-out channel, and the longer reason for its tooltip. */
  mark: string;
  hint: string;
};

/**
 * The client's reminder channels in order. The operator's call is always
 * allowed; the others need the personal-data consent and their own consent.
 */
export function channelStatuses(
  channels: readonly ReminderChannel[],
  consents: readonly ConsentState[],
  allowed: readonly ReminderChannel[],
): ChannelStatus[] {
  const granted = (topic: ConsentTopic) => consents.some((c) => c.topic === topic && c.granted);
  return channels.map((channel) => {
    if (channel === "call" || allowed.includes(channel)) return { channel, allowed: true, mark: "", hint: "" };
    if (!granted("personal_data")) {
      return { channel, allowed: false, mark: t("card.channels.no_consent"), hint: t("card.channels.no_consent.pd") };
    }
    if (!granted(channel)) {
      return { channel, allowed: false, mark: t("card.channels.no_consent"), hint: t("card.channels.no_consent.topic") };
    }
    return { channel, allowed: false, mark: t("card.channels.unavailable"), hint: t("card.channels.unavailable.hint") };
  });
}

const OPERATOR_KEY = "remzona.operator";
const DOCUMENT_KEY = "remzona.consentDocument";

function read(key: string): string {
  try {
    return globalThis.localStorage?.getItem(key) ?? "";
  } catch {
    return "";
  }
}

function write(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Storage may be unavailable; the operator types it again next time.
  }
}

/** The operator name typed last on this computer. */
export const lastOperator = (): string => read(OPERATOR_KEY);
export const rememberOperator = (name: string): void => write(OPERATOR_KEY, name);
export const rememberDocument = (version: string): void => write(DOCUMENT_KEY, version);

/**
 * The document version to offer: the one this client last signed for the topic,
 * else (for personal data) the last one used on this computer.
 */
export function suggestedDocument(topic: ConsentTopic, log: readonly ConsentRecord[]): string {
  const own = [...log]
    .filter((r) => r.topic === topic && r.granted && r.documentVersion)
    .sort((a, b) => Date.parse(b.recordedAt) - Date.parse(a.recordedAt))[0];
  if (own) return own.documentVersion;
  return topic === "personal_data" ? read(DOCUMENT_KEY) : "";
}
