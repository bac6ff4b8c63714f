import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import { GATEWAYS, gatewaySetup } from "../../test/fakeReminders";
import Gateways from "./Gateways.svelte";
import { carries, formOf, settingsOf } from "./gateways";

function setup(backend = fakeBackend()) {
  render(Gateways, { context: withBackend(backend) });
  return backend;
}

const el = <T extends HTMLElement = HTMLInputElement>(testid: string) => screen.getByTestId(testid) as T;
const type = (testid: string, value: string) => fireEvent.input(el(testid), { target: { value } });

async function loaded() {
  await waitFor(() => expect(screen.getAllByTestId(/^gateway-(smtp|smsc|smsru|telegram_bot)$/)).toHaveLength(4));
}

describe("Gateways", () => {
  it("shows a card per gateway with its settings, never a secret", async () => {
    setup();
    await loaded();
    expect(el("gateway-smtp-enabled").checked).toBe(true);
    expect(el("gateway-smtp-host").value).toBe("smtp.yandex.ru");
    expect(el("gateway-smtp-port").value).toBe("587");
    expect(el<HTMLSelectElement>("gateway-smtp-security").value).toBe("start_tls");
    expect(el("gateway-smtp-login").value).toBe("service@gaika.ru");
    expect(el("gateway-smtp-from-address").value).toBe("service@gaika.ru");
    expect(el("gateway-smtp-from-name").value).toBe("Гайка");
    const secret = el("gateway-smtp-secret");
    expect(secret.type).toBe("password");
    expect(secret.value).toBe("");
    expect(secret.placeholder).toBe("сохранён в системной связке ключей");
    expect(el("gateway-smsc-secret").placeholder).toBe("не задан");
    expect(screen.queryByTestId("gateway-smsc-secret-remove")).toBeNull();

    expect(el("gateway-smsc-enabled").checked).toBe(false);
    expect(el("gateway-smsc-sms").checked).toBe(true);
    expect(el("gateway-smsc-viber").checked).toBe(true);
    expect(el("gateway-smsc-voice").checked).toBe(false);
    expect(el<HTMLSelectElement>("gateway-smsc-voice-gender").value).toBe("m");
    expect(el("gateway-smsru-test-mode").checked).toBe(false);
    expect(el("gateway-telegram_bot-bot-username").value).toBe("");
    expect(el<HTMLButtonElement>("gateway-smtp-save").disabled).toBe(true);
  });

  it("keeps the stored secret when the field is left empty", async () => {
    const backend = setup();
    await loaded();
    await type("gateway-smtp-host", "smtp.mail.ru");
    await type("gateway-smtp-port", "");
    await fireEvent.click(el("gateway-smtp-save"));
    await waitFor(() =>
      expect(backend.gateways.save).toHaveBeenCalledWith({
        enabled: true,
        settings: {
          kind: "smtp",
          host: "smtp.mail.ru",
          port: null,
          security: "start_tls",
          login: "service@gaika.ru",
          fromAddress: "service@gaika.ru",
          fromName: "Гайка",
        },
        secret: null,
      }),
    );
    expect(await screen.findByTestId("gateway-smtp-saved")).toBeTruthy();
  });

  it("sends a typed secret once and forgets it", async () => {
    const backend = setup();
    await loaded();
    await fireEvent.click(el("gateway-smsc-enabled"));
    await type("gateway-smsc-secret", "  s3cret  ");
    await fireEvent.click(el("gateway-smsc-save"));
    await waitFor(() =>
      expect(backend.gateways.save).toHaveBeenCalledWith(expect.objectContaining({ enabled: true, secret: "s3cret" })),
    );
    await waitFor(() => expect(el("gateway-smsc-secret").value).toBe(""));
    expect(el("gateway-smsc-secret").placeholder).toBe("сохранён в системной связке ключей");
    expect(document.body.innerHTML).not.toContain("s3cret");
  });

  it("removes the stored secret with «Удалить», or keeps it after all", async () => {
    const backend = setup();
    await loaded();
    await fireEvent.click(el("gateway-smtp-secret-remove"));
    expect(el("gateway-smtp-secret-removing").textContent).toContain("Будет удалён при сохранении");
    await fireEvent.click(el("gateway-smtp-secret-keep"));
    expect(screen.queryByTestId("gateway-smtp-secret-removing")).toBeNull();
    expect(el<HTMLButtonElement>("gateway-smtp-save").disabled).toBe(true);

    await fireEvent.click(el("gateway-smtp-secret-remove"));
    await fireEvent.click(el("gateway-smtp-save"));
    await waitFor(() => expect(backend.gateways.save).toHaveBeenCalledWith(expect.objectContaining({ secret: "" })));
    await waitFor(() => expect(el("gateway-smtp-secret").placeholder).toBe("не задан"));
    expect(screen.queryByTestId("gateway-smtp-secret-remove")).toBeNull();
  });

  it("warns when the system keychain cannot keep the secret", async () => {
    const backend = fakeBackend();
    backend.gateways.list.mockResolvedValue([
      gatewaySetup("smtp", { hasSecret: false, keychainError: "org.freedesktop.secrets was not provided" }),
      ...GATEWAYS.slice(1),
    ]);
    setup(backend);
    const warning = await screen.findByTestId("gateway-smtp-keychain");
    expect(warning.textContent).toContain("Системная связка ключей недоступна: пароль не сохранится");
    expect(warning.textContent).toContain("org.freedesktop.secrets was not provided");
  });

  it("shows the core's issues at the fields and a port that is not a number", async () => {
    const backend = setup();
    await loaded();
    await type("gateway-smtp-port", "пятьсот");
    await fireEvent.click(el("gateway-smtp-save"));
    expect((await screen.findByTestId("error-gateway-smtp-port")).textContent).toBe("Порт — целое число от 1 до 65\u00a0535");
    expect(backend.gateways.save).not.toHaveBeenCalled();

    await type("gateway-smtp-port", "465");
    backend.gateways.save.mockRejectedValueOnce(
      failure("validation", {
        issues: [
          { field: "host", issue: "unknown_value", max: null, detail: null },
          { field: "fromAddress", issue: "email_invalid", max: null, detail: null },
        ],
      }),
    );
    await type("gateway-smtp-host", "https://smtp.mail.ru");
    await fireEvent.click(el("gateway-smtp-save"));
    expect((await screen.findByTestId("error-gateway-smtp-host")).textContent).toContain("без http:// и пробелов");
    expect(screen.getByTestId("error-gateway-smtp-from-address").textContent).toBe("Адрес e-mail не распознан, пример: ivanov@mail.ru");
    await waitFor(() => expect(document.activeElement).toBe(el("gateway-smtp-host")));
  });

  it("sends a test message and shows what the provider said", async () => {
    const backend = setup();
    await loaded();
    expect(el<HTMLButtonElement>("gateway-smtp-test").disabled).toBe(true);
    await type("gateway-smtp-test-recipient", "ivanov@mail.ru");
    await fireEvent.click(el("gateway-smtp-test"));
    await waitFor(() => expect(backend.gateways.test).toHaveBeenCalledWith("smtp", "email", "ivanov@mail.ru"));
    const result = await screen.findByTestId("gateway-smtp-test-result");
    expect(result.textContent).toContain("Принято к отправке, номер у провайдера: 4521");
    expect(result.dataset.accepted).toBe("true");

    backend.gateways.test.mockResolvedValueOnce({ accepted: false, providerId: null, error: "недостаточно средств на счёте" });
    await type("gateway-smsc-test-recipient", "8 916 123-45-67");
    const channel = el<HTMLSelectElement>("gateway-smsc-test-channel");
    expect([...channel.options].map((o) => o.value)).toEqual(["sms", "viber"]);
    await fireEvent.change(channel, { target: { value: "viber" } });
    await fireEvent.click(el("gateway-smsc-test"));
    await waitFor(() => expect(backend.gateways.test).toHaveBeenLastCalledWith("smsc", "viber", "8 916 123-45-67"));
    expect((await screen.findByTestId("gateway-smsc-test-result")).textContent).toContain(
      "Провайдер не принял сообщение: недостаточно средств на счёте",
    );

    backend.gateways.test.mockRejectedValueOnce(failure("conflict", { conflict: "gateway_not_configured" }));
    await type("gateway-telegram_bot-test-recipient", "123456789");
    await fireEvent.click(el("gateway-telegram_bot-test"));
    expect((await screen.findByTestId("gateway-telegram_bot-test-result")).textContent).toContain("Шлюз не настроен");
  });

  it("reminds that the test goes with the saved settings", async () => {
    setup();
    await loaded();
    expect(screen.queryByTestId("gateway-smtp-test-unsaved")).toBeNull();
    await type("gateway-smtp-host", "smtp.mail.ru");
    expect(screen.getByTestId("gateway-smtp-test-unsaved")).toBeTruthy();
  });
});

describe("the gateway forms", () => {
  it("turn settings into a form and back", () => {
    for (const setup of GATEWAYS) {
      expect(settingsOf(setup.settings.kind, formOf(setup.settings)).settings).toEqual(setup.settings);
    }
  });

  it("carry the channels ticked", () => {
    expect(carries("smsc", { sms: true, viber: false, voice: true, telegram: true })).toEqual(["sms", "voice", "telegram"]);
    expect(carries("smtp", {})).toEqual(["email"]);
    expect(carries("telegram_bot", {})).toEqual(["telegram"]);
  });
});
