import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { failure, fakeBackend, withBackend } from "../../test/fakeBackend";
import { RULES, SHOP } from "../../test/fakeReminders";
import ReminderRules from "./ReminderRules.svelte";
import ShopContacts from "./ShopContacts.svelte";

function setup(component: typeof ReminderRules | typeof ShopContacts = ReminderRules) {
  const backend = fakeBackend();
  render(component, { context: withBackend(backend) });
  return backend;
}

const input = (field: string) => screen.getByTestId(`reminder-rules-${field}`) as HTMLInputElement;
const type = (field: string, value: string) => fireEvent.input(input(field), { target: { value } });
const save = () => screen.getByTestId("reminder-rules-save") as HTMLButtonElement;

describe("ReminderRules", () => {
  it("shows the rules as stored", async () => {
    setup();
    await waitFor(() => expect(input("windowStart").value).toBe("10:00"));
    expect(input("dayBefore").checked).toBe(true);
    expect(input("windowEnd").value).toBe("20:00");
    expect(input("secondHoursBefore").value).toBe("");
    expect(input("quietStart").value).toBe("21:00");
    expect(input("quietEnd").value).toBe("09:00");
    expect(input("minLeadMinutes").value).toBe("60");
    expect(screen.getByLabelText("Окно отправки: начало")).toBe(input("windowStart"));
    expect(screen.getByLabelText("Второе напоминание за")).toBe(input("secondHoursBefore"));
    expect(save().disabled).toBe(true);
  });

  it("saves what is typed, a blank second reminder as none", async () => {
    const backend = setup();
    await waitFor(() => expect(input("windowStart").value).toBe("10:00"));
    await fireEvent.click(input("dayBefore"));
    await type("windowStart", "9.30");
    await type("secondHoursBefore", "3");
    await fireEvent.click(save());
    await waitFor(() =>
      expect(backend.reminders.setRules).toHaveBeenCalledWith({ ...RULES, dayBefore: false, windowStart: "9.30", secondHoursBefore: 3 }),
    );
    expect(await screen.findByTestId("reminder-rules-saved")).toBeTruthy();

    await type("secondHoursBefore", " ");
    await fireEvent.click(save());
    await waitFor(() => expect(backend.reminders.setRules).toHaveBeenLastCalledWith(expect.objectContaining({ secondHoursBefore: null })));
  });

  it("shows the core's issues at their fields, and a number that is not one", async () => {
    const backend = setup();
    await waitFor(() => expect(input("windowStart").value).toBe("10:00"));
    await type("minLeadMinutes", "час");
    await fireEvent.click(save());
    expect((await screen.findByTestId("error-reminder-rules-minLeadMinutes")).textContent).toBe("Введите целое число");
    expect(backend.reminders.setRules).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(input("minLeadMinutes")));

    await type("minLeadMinutes", "200");
    await type("windowEnd", "8:00");
    backend.reminders.setRules.mockRejectedValueOnce(
      failure("validation", {
        issues: [
          { field: "windowEnd", issue: "out_of_range", max: null, detail: null },
          { field: "quietStart", issue: "out_of_range", max: null, detail: null },
          { field: "quietEnd", issue: "date_invalid", max: null, detail: null },
          { field: "secondHoursBefore", issue: "out_of_range", max: 48, detail: null },
          { field: "minLeadMinutes", issue: "out_of_range", max: 180, detail: null },
        ],
      }),
    );
    await fireEvent.click(save());
    expect((await screen.findByTestId("error-reminder-rules-windowEnd")).textContent).toBe("Окно должно заканчиваться позже, чем начинается");
    expect(screen.getByTestId("error-reminder-rules-quietStart").textContent).toBe(
      "Тихие часы закрывают всё окно отправки — напоминания не уйдут никогда",
    );
    expect(screen.getByTestId("error-reminder-rules-quietEnd").textContent).toBe("Время не распознано — введите, например, 9:00 или 18:30");
    expect(screen.getByTestId("error-reminder-rules-secondHoursBefore").textContent).toBe("От 1 до 48 часов");
    expect(screen.getByTestId("error-reminder-rules-minLeadMinutes").textContent).toBe("Не больше 180 минут");
    expect(input("windowEnd").getAttribute("aria-invalid")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(input("windowEnd")));

    await type("windowEnd", "20:00");
    expect(screen.queryByTestId("error-reminder-rules-windowEnd")).toBeNull();

    backend.reminders.setRules.mockRejectedValueOnce(failure("database"));
    await fireEvent.click(save());
    expect((await screen.findByTestId("settings-reminders-error")).textContent).toContain("Ошибка базы данных");
  });
});

describe("ShopContacts", () => {
  const field = (name: string) => screen.getByTestId(`shop-contacts-${name}`) as HTMLInputElement;

  it("shows and saves the shop's name, address and phone", async () => {
    const backend = setup(ShopContacts);
    await waitFor(() => expect(field("name").value).toBe(SHOP.name));
    expect(field("address").value).toBe(SHOP.address);
    expect(field("phone").value).toBe(SHOP.phone);
    await fireEvent.input(field("address"), { target: { value: "ул. Лесная, 7" } });
    await fireEvent.click(screen.getByTestId("shop-contacts-save"));
    await waitFor(() => expect(backend.reminders.setShopContacts).toHaveBeenCalledWith({ ...SHOP, address: "ул. Лесная, 7" }));
    expect(await screen.findByTestId("shop-contacts-saved")).toBeTruthy();
  });

  it("asks for the name the messages are signed with", async () => {
    const backend = setup(ShopContacts);
    await waitFor(() => expect(field("name").value).toBe(SHOP.name));
    backend.reminders.setShopContacts.mockRejectedValueOnce(
      failure("validation", { issues: [{ field: "name", issue: "required", max: null, detail: null }] }),
    );
    await fireEvent.input(field("name"), { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("shop-contacts-save"));
    expect((await screen.findByTestId("error-shop-contacts-name")).textContent).toBe("Заполните это поле");
    await waitFor(() => expect(document.activeElement).toBe(field("name")));
  });
});
