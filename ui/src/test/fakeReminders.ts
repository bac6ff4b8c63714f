// Fakes of the reminders part of the Backend (rules, templates, the outbox,
// the gateways, the call list), with fixtures on the week of Monday
// 30 November 2026: Иванов's SMS for his visit on Tuesday at 10:00, a failed
// one of Петрова's, the call list of Tuesday.
import { vi } from "vitest";
import type {
  CallOutcome,
  CallTask,
  ChannelTemplate,
  GatewayKind,
  GatewaySetup,
  GatewaySetupDraft,
  OutboxFilter,
  OutboxMessage,
  OutboxMessageDetails,
  PassReport,
  ReminderChannel,
  ReminderRulesDraft,
  ShopContacts,
  TemplateDraft,
  TemplatePreview,
  TestMessageResult,
} from "../lib/api/client";

export function outboxMessage(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id: 1,
    appointment: "01938f00-0000-7000-8000-000000000901",
    client: "01938f00-0000-7000-8000-000000000001",
    clientName: "Иванов Иван",
    visitAt: "2026-12-01T10:00:00",
    kind: "day_before",
    channel: "sms",
    gateway: "smsc",
    recipient: "79161234567",
    subject: null,
    text: "Иван, ждём вас завтра, 1 декабря, в 10:00. Автосервис «Гайка»",
    status: "pending",
    dueAt: "2026-11-30T10:00:00",
    attempts: 0,
    lastError: null,
    updatedAt: "2026-11-29T09:00:00Z",
    ...overrides,
  };
}

/** Иванов's pending SMS, Петрова's failed one, Сидоров's delivered e-mail. */
export const OUTBOX: OutboxMessage[] = [
  outboxMessage(),
  outboxMessage({
    id: 2,
    appointment: "01938f00-0000-7000-8000-000000000902",
    client: "01938f00-0000-7000-8000-000000000002",
    clientName: "Петрова Анна",
    visitAt: "2026-12-01T12:00:00",
    recipient: "79031112233",
    status: "failed",
    attempts: 3,
    lastError: "абонент недоступен",
  }),
  outboxMessage({
    id: 3,
    appointment: "01938f00-0000-7000-8000-000000000903",
    client: "01938f00-0000-7000-8000-000000000003",
    clientName: "Сидоров Пётр",
    visitAt: "2026-12-01T15:30:00",
    channel: "email",
    gateway: "smtp",
    recipient: "sidorov@mail.ru",
    subject: "Напоминание о визите 1 декабря",
    status: "delivered",
    attempts: 1,
  }),
];

export function messageDetails(message: OutboxMessage): OutboxMessageDetails {
  const steps: OutboxMessageDetails["steps"] = [{ at: "2026-11-29T09:00:00Z", status: "pending", event: "planned", detail: "" }];
  if (message.status === "failed") {
    steps.push(
      { at: "2026-11-30T07:00:00Z", status: "sending", event: "claim", detail: "" },
      { at: "2026-11-30T07:00:02Z", status: "failed", event: "permanent_failure", detail: message.lastError ?? "" },
    );
  }
  return { message, steps };
}

export function callTask(overrides: Partial<CallTask> = {}): CallTask {
  return {
    id: 11,
    appointment: "01938f00-0000-7000-8000-000000000901",
    client: "01938f00-0000-7000-8000-000000000001",
    clientName: "Иванов Иван Иванович",
    phone: "+79161234567",
    car: "Kia Rio",
    plate: "А123ВС77",
    services: ["Замена масла в двигателе", "Диагностика подвески"],
    mechanic: "Петров Сергей",
    visitAt: "2026-12-01T10:00:00",
    reason: "prefers_call",
    detail: "",
    dueOn: "2026-11-30",
    outcome: null,
    attempts: 0,
    retryAt: null,
    ...overrides,
  };
}

/** Tuesday's calls: Иванов wants a call, Петрова's SMS failed, Сидоров has no consent. */
export const CALLS: CallTask[] = [
  callTask(),
  callTask({
    id: 12,
    appointment: "01938f00-0000-7000-8000-000000000902",
    client: "01938f00-0000-7000-8000-000000000002",
    clientName: "Петрова Анна",
    phone: "+79031112233",
    car: "LADA Vesta",
    plate: null,
    services: ["Шиномонтаж"],
    visitAt: "2026-12-01T12:00:00",
    reason: "failed",
    detail: "абонент недоступен",
  }),
  callTask({
    id: 13,
    appointment: "01938f00-0000-7000-8000-000000000903",
    client: "01938f00-0000-7000-8000-000000000003",
    clientName: "Сидоров Пётр",
    phone: "",
    visitAt: "2026-12-01T15:30:00",
    reason: "no_consent",
  }),
];

export const RULES: ReminderRulesDraft = {
  dayBefore: true,
  windowStart: "10:00",
  windowEnd: "20:00",
  secondHoursBefore: null,
  quietStart: "21:00",
  quietEnd: "09:00",
  minLeadMinutes: 60,
};

export const SHOP: ShopContacts = { name: "Автосервис «Гайка»", address: "ул. Лесная, 5", phone: "+7 495 123-45-67" };

export const TEMPLATES: ChannelTemplate[] = [
  { draft: { channel: "sms", subject: "", text: "{client}, ждём вас {date} в {time}. {shop}, {phone}" }, isDefault: true },
  {
    draft: { channel: "email", subject: "Напоминание о визите {date}", text: "Здравствуйте, {client}!\nЖдём вас {date} в {time}." },
    isDefault: false,
  },
  { draft: { channel: "telegram", subject: "", text: "{client}, ждём вас {date} в {time}." }, isDefault: true },
  { draft: { channel: "viber", subject: "", text: "{client}, ждём вас {date} в {time}." }, isDefault: true },
  { draft: { channel: "voice", subject: "", text: "Здравствуйте! Ждём вас {date} в {time}." }, isDefault: true },
];

/** A stand-in renderer: the placeholders' example values, the length counted as the core does for Cyrillic. */
export function renderPreview(draft: TemplateDraft): TemplatePreview {
  const values: Record<string, string> = { client: "Иван Петров", date: "30 ноября", time: "10:00", shop: "Гайка", phone: "+7 495 123-45-67" };
  const render = (text: string) => text.replace(/\{(\w+)\}/g, (_all, name: string) => values[name] ?? "");
  const text = render(draft.text);
  const units = text.length;
  const segments = units === 0 ? 0 : units <= 70 ? 1 : Math.ceil(units / 67);
  const perSegment = segments > 1 ? 67 : 70;
  return {
    subject: draft.channel === "email" ? render(draft.subject) : null,
    text,
    length: { encoding: "ucs2", units, segments, perSegment, leftInSegment: segments * perSegment - units },
  };
}

export function gatewaySetup(kind: GatewayKind, overrides: Partial<GatewaySetup> = {}): GatewaySetup {
  const settings: Record<GatewayKind, GatewaySetup["settings"]> = {
    smtp: { kind: "smtp", host: "smtp.yandex.ru", port: 587, security: "start_tls", login: "service@gaika.ru", fromAddress: "service@gaika.ru", fromName: "Гайка" },
    smsc: { kind: "smsc", baseUrl: "https://smsc.ru", login: "gaika", sender: "Gaika", sms: true, viber: true, voice: false, telegram: false, voiceGender: "m" },
    sms_ru: { kind: "smsru", baseUrl: "https://sms.ru", sender: "", test: false },
    telegram_bot: { kind: "telegram_bot", baseUrl: "https://api.telegram.org", botUsername: "" },
  };
  return { kind, enabled: kind === "smtp", settings: settings[kind], hasSecret: kind === "smtp", keychainError: null, ...overrides };
}

export const GATEWAYS: GatewaySetup[] = (["smtp", "smsc", "sms_ru", "telegram_bot"] as const).map((kind) => gatewaySetup(kind));

const KIND_OF: Record<GatewaySetup["settings"]["kind"], GatewayKind> = { smtp: "smtp", smsc: "smsc", smsru: "sms_ru", telegram_bot: "telegram_bot" };

export const NO_PASS: PassReport = { planned: 0, calls: 0, cancelled: 0, recovered: 0, sent: 0, retried: 0, failed: 0, delivered: 0 };

export function fakeReminders() {
  return {
    rules: vi.fn(async () => RULES),
    setRules: vi.fn(async (draft: ReminderRulesDraft) => draft),
    shopContacts: vi.fn(async () => SHOP),
    setShopContacts: vi.fn(async (contacts: ShopContacts) => contacts),
    templates: vi.fn(async () => TEMPLATES),
    saveTemplate: vi.fn(async (draft: TemplateDraft): Promise<ChannelTemplate> => ({ draft, isDefault: false })),
    resetTemplate: vi.fn(async (channel: ReminderChannel): Promise<ChannelTemplate> => TEMPLATES.find((x) => x.draft.channel === channel)!),
    previewTemplate: vi.fn(async (draft: TemplateDraft, _appointment: string | null) => renderPreview(draft)),
    outbox: vi.fn(async (filter: OutboxFilter) => (filter === "failed" ? OUTBOX.filter((m) => m.status === "failed") : OUTBOX)),
    message: vi.fn(async (id: number) => messageDetails(OUTBOX.find((m) => m.id === id) ?? OUTBOX[0]!)),
    retry: vi.fn(async (id: number) => messageDetails({ ...(OUTBOX.find((m) => m.id === id) ?? OUTBOX[0]!), status: "pending" })),
    cancel: vi.fn(async (id: number) => messageDetails({ ...(OUTBOX.find((m) => m.id === id) ?? OUTBOX[0]!), status: "cancelled" })),
    takeFailures: vi.fn(async (): Promise<OutboxMessage[]> => []),
    runNow: vi.fn(async (): Promise<PassReport> => ({ ...NO_PASS, sent: 3, calls: 1 })),
    telegramLink: vi.fn(async (_client: string) => "https://t.me/gaika_service_bot?start=abc123"),
  };
}

export function fakeGateways() {
  return {
    list: vi.fn(async () => GATEWAYS),
    save: vi.fn(async (draft: GatewaySetupDraft): Promise<GatewaySetup> => {
      const kind = KIND_OF[draft.settings.kind];
      const before = GATEWAYS.find((g) => g.kind === kind)!;
      const hasSecret = draft.secret === null ? before.hasSecret : draft.secret !== "";
      return { kind, enabled: draft.enabled, settings: draft.settings, hasSecret, keychainError: null };
    }),
    test: vi.fn(
      async (_kind: GatewayKind, _channel: ReminderChannel, _recipient: string): Promise<TestMessageResult> => ({
        accepted: true,
        providerId: "4521",
        error: null,
      }),
    ),
  };
}

export function fakeCalls() {
  return {
    list: vi.fn(async (_day: string | null) => CALLS),
    record: vi.fn(async (id: number, outcome: CallOutcome): Promise<CallTask> => {
      const task = CALLS.find((c) => c.id === id) ?? CALLS[0]!;
      return outcome === "no_answer"
        ? { ...task, attempts: task.attempts + 1, retryAt: "2026-11-30T14:30:00" }
        : { ...task, outcome };
    }),
  };
}
