// The gateway cards of «Каналы рассылки»: which fields each gateway has (one
// description drives the four forms), the form's values to and from the
// settings the core takes, the channels a gateway carries, and the core's
// issues about them in words. The secret is never part of the form's values:
// it is typed, sent once and forgotten.
import type {
  FieldIssue,
  GatewayKind,
  GatewaySettingsDraft,
  GatewaySetup,
  ReminderChannel,
  SmtpSecurity,
  VoiceGender,
} from "../../lib/api/client";
import { issueMessage } from "../../lib/api/errors";
import { fmtNumber, t, type MessageKey } from "../../lib/i18n";

/** The form's kind (`smsru`), as the settings are tagged; also the test ids' part. */
export type FormKind = GatewaySettingsDraft["kind"];

/** The form's values by the core's field names: texts as typed, check boxes. */
export type GatewayForm = Record<string, string | boolean>;

type Check = { field: string; testid: string; label: MessageKey };

export type FieldSpec =
  | { type: "text" | "email" | "port"; field: string; testid: string; label: MessageKey; placeholder?: MessageKey; hint?: MessageKey }
  | { type: "select"; field: string; testid: string; label: MessageKey; options: readonly { value: string; label: MessageKey }[] }
  | ({ type: "check" } & Check)
  | { type: "checks"; legend: MessageKey; items: readonly Check[] };

const BASE_URL: FieldSpec = {
  type: "text",
  field: "baseUrl",
  testid: "base-url",
  label: "gateways.field.baseUrl",
  hint: "gateways.field.baseUrl.hint",
};

const SENDER: FieldSpec = { type: "text", field: "sender", testid: "sender", label: "gateways.field.sender", hint: "gateways.field.sender.hint" };

export const SECURITIES: readonly SmtpSecurity[] = ["none", "start_tls", "tls"];
const VOICES: readonly VoiceGender[] = ["m", "w"];

/** Each gateway's fields in the order the card shows them. */
export const GATEWAY_FIELDS: Record<FormKind, readonly FieldSpec[]> = {
  smtp: [
    { type: "text", field: "host", testid: "host", label: "gateways.field.host", placeholder: "gateways.field.host.placeholder" },
    { type: "port", field: "port", testid: "port", label: "gateways.field.port" },
    {
      type: "select",
      field: "security",
      testid: "security",
      label: "gateways.field.security",
      options: SECURITIES.map((value) => ({ value, label: `gateways.security.${value}` as const })),
    },
    { type: "text", field: "login", testid: "login", label: "gateways.field.login" },
    {
      type: "email",
      field: "fromAddress",
      testid: "from-address",
      label: "gateways.field.fromAddress",
      placeholder: "gateways.field.fromAddress.placeholder",
    },
    { type: "text", field: "fromName", testid: "from-name", label: "gateways.field.fromName", placeholder: "gateways.field.fromName.placeholder" },
  ],
  smsc: [
    BASE_URL,
    { type: "text", field: "login", testid: "login", label: "gateways.field.login", hint: "gateways.field.login.smsc.hint" },
    SENDER,
    {
      type: "checks",
      legend: "gateways.field.channels",
      items: [
        { field: "sms", testid: "sms", label: "gateways.field.sms" },
        { field: "viber", testid: "viber", label: "gateways.field.viber" },
        { field: "voice", testid: "voice", label: "gateways.field.voice" },
        { field: "telegram", testid: "telegram", label: "gateways.field.telegram" },
      ],
    },
    {
      type: "select",
      field: "voiceGender",
      testid: "voice-gender",
      label: "gateways.field.voiceGender",
      options: VOICES.map((value) => ({ value, label: `gateways.voice.${value}` as const })),
    },
  ],
  smsru: [BASE_URL, SENDER, { type: "check", field: "test", testid: "test-mode", label: "gateways.field.test" }],
  telegram_bot: [
    BASE_URL,
    {
      type: "text",
      field: "botUsername",
      testid: "bot-username",
      label: "gateways.field.botUsername",
      placeholder: "gateways.field.botUsername.placeholder",
    },
  ],
};

/** The fields in the card's order, for «focus the first one with a message». */
export function fieldOrder(kind: FormKind): string[] {
  return GATEWAY_FIELDS[kind].flatMap((spec) => (spec.type === "checks" ? spec.items.map((item) => item.field) : [spec.field]));
}

/** The test id of a field: `gateway-smtp-from-address`. */
export function fieldTestid(kind: FormKind, field: string): string {
  for (const spec of GATEWAY_FIELDS[kind]) {
    if (spec.type === "checks") {
      const item = spec.items.find((i) => i.field === field);
      if (item) return `gateway-${kind}-${item.testid}`;
    } else if (spec.field === field) {
      return `gateway-${kind}-${spec.testid}`;
    }
  }
  return `gateway-${kind}-${field}`;
}

/** The port an SMTP server listens on for the security, when none is typed. */
export function defaultPort(security: string): number {
  return security === "none" ? 25 : security === "tls" ? 465 : 587;
}

/** The settings as the form edits them. */
export function formOf(settings: GatewaySettingsDraft): GatewayForm {
  const form: GatewayForm = {};
  for (const [field, value] of Object.entries(settings)) {
    if (field === "kind") continue;
    form[field] = typeof value === "boolean" ? value : value === null || value === undefined ? "" : String(value);
  }
  return form;
}

const text = (form: GatewayForm, field: string) => String(form[field] ?? "");
const flag = (form: GatewayForm, field: string) => form[field] === true;

/** The settings the core takes, and what is wrong before asking it (a port that is not a number). */
export function settingsOf(kind: FormKind, form: GatewayForm): { settings: GatewaySettingsDraft; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  switch (kind) {
    case "smtp": {
      const typed = text(form, "port").trim();
      let port: number | null = null;
      if (typed !== "") {
        if (/^\d{1,6}$/.test(typed)) port = Number(typed);
        else issues.push({ field: "port", issue: "number_invalid", max: null, detail: null });
      }
      const security = SECURITIES.find((s) => s === form.security) ?? "start_tls";
      return {
        settings: {
          kind,
          host: text(form, "host"),
          port,
          security,
          login: text(form, "login"),
          fromAddress: text(form, "fromAddress"),
          fromName: text(form, "fromName"),
        },
        issues,
      };
    }
    case "smsc":
      return {
        settings: {
          kind,
          baseUrl: text(form, "baseUrl"),
          login: text(form, "login"),
          sender: text(form, "sender"),
          sms: flag(form, "sms"),
          viber: flag(form, "viber"),
          voice: flag(form, "voice"),
          telegram: flag(form, "telegram"),
          voiceGender: form.voiceGender === "w" ? "w" : "m",
        },
        issues,
      };
    case "smsru":
      return { settings: { kind, baseUrl: text(form, "baseUrl"), sender: text(form, "sender"), test: flag(form, "test") }, issues };
    case "telegram_bot":
      return { settings: { kind, baseUrl: text(form, "baseUrl"), botUsername: text(form, "botUsername") }, issues };
  }
}

/** The channels a gateway carries as set up: what its test message may go by. */
export function carries(kind: FormKind, form: GatewayForm): ReminderChannel[] {
  switch (kind) {
    case "smtp":
      return ["email"];
    case "smsc":
      return (["sms", "viber", "voice", "telegram"] as const).filter((channel) => flag(form, channel));
    case "smsru":
      return ["sms"];
    case "telegram_bot":
      return ["telegram"];
  }
}

/** What a test recipient looks like: an address, a phone, or a bot's chat. */
export function recipientPlaceholder(gateway: GatewayKind, channel: ReminderChannel | null): string {
  if (channel === "email") return t("gateways.test.recipient.email");
  if (gateway === "telegram_bot") return t("gateways.test.recipient.chat");
  return t("gateways.test.recipient.phone");
}

/** A gateway setting's issue in words, saying more than the generic message where it can. */
export function gatewayIssueMessage(issue: FieldIssue): string {
  const { field, issue: code } = issue;
  if (field === "port" && (code === "out_of_range" || code === "number_invalid")) {
    return t("gateways.issue.port", { max: fmtNumber(issue.max ?? 65_535) });
  }
  if (code === "unknown_value") {
    if (field === "host") return t("gateways.issue.host");
    if (field === "baseUrl") return t("gateways.issue.baseUrl");
    if (field === "botUsername") return t("gateways.issue.botUsername");
  }
  return issueMessage(issue);
}

/** A card's form kind from the setup the core sent. */
export function formKind(setup: GatewaySetup): FormKind {
  return setup.settings.kind;
}
