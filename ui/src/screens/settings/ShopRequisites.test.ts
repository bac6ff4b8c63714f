import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import { requisites } from "../../test/fakeOrders";
import ShopRequisites from "./ShopRequisites.svelte";

vi.mock("@tauri-apps/plugin-dialog", () => ({ open: vi.fn(async () => null) }));

function setup(props: Record<string, unknown> = {}) {
  const backend = fakeBackend();
  const onsaved = vi.fn();
  render(ShopRequisites, { props: { onsaved, ...props }, context: withBackend(backend) });
  return { backend, onsaved };
}

const input = (testid: string) => screen.getByTestId(testid) as HTMLInputElement;

describe("ShopRequisites", () => {
  it("shows the stored requisites, VAT mode and hourly rate", async () => {
    setup();
    await waitFor(() => expect(input("req-name").value).toBe("ООО «Гайка»"));
    expect(input("req-inn").value).toBe("7707083893");
    expect(input("req-kpp").value).toBe("770701001");
    expect(input("req-bank-account").value).toBe("40702810938000012345");
    expect(input("req-corr-account").value).toBe("30101810400000000225");
    expect(input("req-accountant").value).toBe("Болтова Е. С.");
    expect((screen.getByTestId("req-footer") as HTMLTextAreaElement).value).toBe("Ждём вас снова! Пн–Сб 9:00–20:00");
    expect(screen.getByLabelText("КПП")).toBe(input("req-kpp"));
    expect(document.getElementById(input("req-kpp").getAttribute("aria-describedby")!)!.textContent).toContain(
      "Только для организации",
    );
    expect(screen.getByTestId("req-shared-hint").textContent).toContain("Мастерская в сообщениях");
    expect((screen.getByTestId("req-vat-kind") as HTMLSelectElement).value).toBe("without");
    expect(screen.queryByTestId("req-vat-rate")).toBeNull();
    expect(screen.getByTestId("req-logo-none")).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId("hourly-rate-value").textContent).toContain("2\u00a0500"));
    expect((screen.getByTestId("req-save") as HTMLButtonElement).disabled).toBe(true);
  });

  it("saves the requisites and the VAT mode", async () => {
    const { backend, onsaved } = setup();
    await waitFor(() => expect(input("req-name").value).toBe("ООО «Гайка»"));
    await fireEvent.input(input("req-director"), { target: { value: "Винтов П. П." } });
    await fireEvent.change(screen.getByTestId("req-vat-kind"), { target: { value: "included" } });
    const rate = screen.getByTestId("req-vat-rate") as HTMLSelectElement;
    expect([...rate.options].map((o) => o.value)).toEqual(["vat22", "vat7", "vat5"]);
    expect(rate.value).toBe("vat22");
    await fireEvent.change(rate, { target: { value: "vat5" } });
    await fireEvent.click(screen.getByTestId("req-save"));

    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(backend.shop.setRequisites).toHaveBeenCalledWith(requisites({ director: "Винтов П. П." }));
    expect(backend.shop.setVatMode).toHaveBeenCalledWith({ kind: "included", rate: "vat5" });
    expect(onsaved).toHaveBeenCalledWith(requisites({ director: "Винтов П. П." }), false);
    expect(await screen.findByTestId("req-saved")).toBeTruthy();
    expect((screen.getByTestId("req-save") as HTMLButtonElement).disabled).toBe(true);
  });

  it("does not touch the VAT mode when it did not change", async () => {
    const { backend } = setup();
    await waitFor(() => expect(input("req-name").value).toBe("ООО «Гайка»"));
    await fireEvent.input(input("req-name"), { target: { value: "ИП Гайкин Андрей Викторович" } });
    await fireEvent.input(input("req-kpp"), { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("req-save"));
    await waitFor(() => expect(backend.shop.setRequisites).toHaveBeenCalled());
    expect(backend.shop.setVatMode).not.toHaveBeenCalled();
  });

  it("shows the core's issues at their fields", async () => {
    const { backend } = setup();
    await waitFor(() => expect(input("req-name").value).toBe("ООО «Гайка»"));
    backend.shop.setRequisites.mockRejectedValueOnce(
      failure("validation", {
        issues: [
          { field: "bank_account", issue: "too_long", max: 300, detail: null },
          { field: "footer", issue: "too_many", max: 3, detail: null },
        ],
      }),
    );
    await fireEvent.input(screen.getByTestId("req-footer"), { target: { value: "1\n2\n3\n4" } });
    await fireEvent.click(screen.getByTestId("req-save"));
    expect((await screen.findByTestId("error-footer")).textContent).toContain("Не больше 3 строк");
    expect(screen.getByTestId("error-bankAccount").textContent).toContain("максимум 300");
    expect(input("req-bank-account").getAttribute("aria-invalid")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(input("req-bank-account")));

    await fireEvent.input(input("req-bank-account"), { target: { value: "40702810938000012345" } });
    expect(screen.queryByTestId("error-bankAccount")).toBeNull();
  });

  it("keeps the name the contacts panel saved meanwhile", async () => {
    const { backend, onsaved } = setup();
    await waitFor(() => expect(input("req-name").value).toBe("ООО «Гайка»"));
    await fireEvent.input(input("req-bik"), { target: { value: "044525974" } });
    // «Мастерская в сообщениях» renamed the shop after this panel read it.
    backend.shop.requisites.mockResolvedValue(requisites({ name: "ООО «Гайка и Болт»" }));
    await fireEvent.click(screen.getByTestId("req-save"));
    await waitFor(() => expect(backend.shop.setRequisites).toHaveBeenCalled());
    expect(backend.shop.setRequisites).toHaveBeenCalledWith(requisites({ name: "ООО «Гайка и Болт»", bik: "044525974" }));
    await waitFor(() => expect(input("req-name").value).toBe("ООО «Гайка и Болт»"));
    expect(onsaved).toHaveBeenCalledWith(expect.anything(), false);
  });

  it("says when the shared name changed", async () => {
    const { onsaved } = setup();
    await waitFor(() => expect(input("req-name").value).toBe("ООО «Гайка»"));
    await fireEvent.input(input("req-phone"), { target: { value: "+7 495 765-43-21" } });
    await fireEvent.click(screen.getByTestId("req-save"));
    await waitFor(() => expect(onsaved).toHaveBeenCalledWith(expect.anything(), true));
  });

  it("sets, shows and removes the logo", async () => {
    const pickImage = vi.fn(async () => "/home/anna/logo.png");
    const { backend } = setup({ pickImage });
    await waitFor(() => expect(input("req-name").value).toBe("ООО «Гайка»"));
    await fireEvent.click(screen.getByTestId("req-logo-choose"));
    await waitFor(() => expect(backend.shop.setLogo).toHaveBeenCalledWith("/home/anna/logo.png"));
    const img = (await screen.findByTestId("req-logo-preview")) as HTMLImageElement;
    expect(backend.orders.image).toHaveBeenCalledWith("logo/0193.png");
    expect(img.src).toContain("data:image/png");
    expect(img.alt).toBe("Логотип мастерской");

    await fireEvent.click(screen.getByTestId("req-logo-remove"));
    await waitFor(() => expect(backend.shop.setLogo).toHaveBeenLastCalledWith(null));
    expect(await screen.findByTestId("req-logo-none")).toBeTruthy();
  });

  it("shows a refused image at the logo", async () => {
    const { backend } = setup({ pickImage: vi.fn(async () => "/home/anna/logo.gif") });
    await waitFor(() => expect(input("req-name").value).toBe("ООО «Гайка»"));
    backend.shop.setLogo.mockRejectedValueOnce(
      failure("validation", { issues: [{ field: "logo", issue: "file_type", max: null, detail: null }] }),
    );
    await fireEvent.click(screen.getByTestId("req-logo-choose"));
    expect((await screen.findByTestId("error-logo")).textContent).toContain("JPEG или PNG");
  });

  it("offers to retry when the requisites did not load", async () => {
    const backend = fakeBackend();
    backend.shop.requisites.mockRejectedValueOnce(failure("database"));
    render(ShopRequisites, { context: withBackend(backend) });
    await fireEvent.click(await screen.findByRole("button", { name: "Повторить" }));
    await waitFor(() => expect(input("req-name").value).toBe("ООО «Гайка»"));
  });
});
