import { describe, expect, it } from "vitest";
import type { ConsentState, HistoryEntry } from "../../../lib/api/client";
import { fmtMoney } from "../../../lib/format/money";
import { setLocale } from "../../../lib/i18n";
import { channelStatuses, suggestedDocument } from "./consents";
import { detailText, inSection, sectionOf, sortHistory } from "./history";

const entry = (kind: HistoryEntry["kind"], at: string, detail = ""): HistoryEntry => ({ at, kind, vehicle: null, detail });

describe("history helpers", () => {
  it("sorts newest first and files kinds under sections", () => {
    const sorted = sortHistory([entry("client_created", "2025-01-01T10:00:00Z"), entry("payment", "2025-02-01T10:00:00+03:00")]);
    expect(sorted.map((e) => e.kind)).toEqual(["payment", "client_created"]);
    expect(sectionOf("repair_order")).toBe("orders");
    expect(sectionOf("vehicle_handed_over")).toBe("vehicles");
    expect(inSection(entry("client_updated", "2025-01-01"), "all")).toBe(true);
    expect(inSection(entry("client_updated", "2025-01-01"), "vehicles")).toBe(false);
  });

  it("translates consent topics and mileage in details", () => {
    expect(detailText(entry("consent_withdrawn", "2025-01-01", "sms"))).toBe("SMS-рассылка");
    expect(detailText(entry("odometer_recorded", "2025-01-01", "84000 km"))).toBe("84\u00a0000\u00a0км");
    expect(detailText(entry("client_merged", "2025-01-01", "Петров П. П."))).toBe("Петров П. П.");
    setLocale("en");
    expect(detailText(entry("odometer_recorded", "2025-01-01", "84000 km"))).toBe("84,000 km");
  });

  it("words orders, payments, documents and sales, keeping what it cannot read", () => {
    expect(detailText(entry("repair_order", "2026-11-30", "ЗН-2026-000012 · ready"))).toBe("ЗН-2026-000012 · Готов");
    expect(detailText(entry("repair_order", "2026-11-30", "ЗН-2026-000012"))).toBe("ЗН-2026-000012");
    expect(detailText(entry("payment", "2026-11-30", "ЗН-2026-000012 · −500.50 · cash"))).toBe(
      "ЗН-2026-000012 · возврат 500,50\u00a0₽ · наличными",
    );
    expect(detailText(entry("payment", "2026-11-30", "что-то другое"))).toBe("что-то другое");
    expect(detailText(entry("document", "2026-11-30", "Счёт на оплату СЧ-2026-000001"))).toBe("Счёт на оплату СЧ-2026-000001");
    expect(detailText(entry("sale", "2026-11-30", "ПР-26-00017 · 1850.00"))).toBe("ПР-26-00017 · 1\u00a0850,00\u00a0₽");
    setLocale("en");
    expect(detailText(entry("document", "2026-11-30", "Квитанция КВ-2026-000004 (версия 3)"))).toBe("Receipt КВ-2026-000004, version 3");
    expect(detailText(entry("payment", "2026-11-30", "ЗН-2026-000012 · 1000.00 · transfer"))).toBe(`ЗН-2026-000012 · ${fmtMoney(100000)} · by transfer`);
  });
});

describe("consent helpers", () => {
  const state = (topic: ConsentState["topic"], granted: boolean): ConsentState => ({ topic, granted, latest: null });

  it("explains why a channel is not allowed", () => {
    const none = channelStatuses(["sms", "call"], [], ["call"]);
    expect(none.map((c) => c.allowed)).toEqual([false, true]);
    expect(none[0]!.hint).toContain("персональных данных");

    const pdOnly = channelStatuses(["viber"], [state("personal_data", true)], []);
    expect(pdOnly[0]!.hint).toContain("на этот канал");

    const both = channelStatuses(["email"], [state("personal_data", true), state("email", true)], []);
    expect(both[0]!.mark).toBe("сейчас недоступен");
  });

  it("suggests the client's last signed document, else the last one used here", () => {
    const record = { topic: "personal_data" as const, granted: true, documentVersion: "ред. 1", recordedBy: "А", note: "", recordedAt: "2025-01-01T00:00:00Z" };
    const newer = { ...record, documentVersion: "ред. 2", recordedAt: "2025-06-01T00:00:00Z" };
    expect(suggestedDocument("personal_data", [record, newer])).toBe("ред. 2");
    expect(suggestedDocument("personal_data", [])).toBe("");
    localStorage.setItem("remzona.consentDocument", "ред. 3");
    expect(suggestedDocument("personal_data", [])).toBe("ред. 3");
    expect(suggestedDocument("sms", [])).toBe("");
  });
});
