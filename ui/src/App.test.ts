import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import App from "./App.svelte";
import { fakeBackend } from "./test/fakeBackend";

describe("App", () => {
  it("starts on the schedule and switches screens with the sidebar and Alt+digits", async () => {
    render(App, { props: { backend: fakeBackend() } });
    expect(screen.getByTestId("nav-schedule").getAttribute("aria-current")).toBe("page");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Расписание");

    await fireEvent.keyDown(window, { key: "2", code: "Digit2", altKey: true });
    expect(screen.getByTestId("clients-search")).toBeTruthy();

    await fireEvent.keyDown(window, { key: "3", code: "Digit3", altKey: true });
    expect(screen.getByTestId("orders-screen")).toBeTruthy();

    await fireEvent.click(screen.getByTestId("nav-orders"));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Заказ-наряды");

    await fireEvent.click(screen.getByTestId("nav-reminders"));
    expect(screen.getByTestId("reminders-screen")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Напоминания");
  });

  it("switches the language in settings and shows the app info", async () => {
    const backend = fakeBackend();
    render(App, { props: { backend } });
    await fireEvent.keyDown(window, { key: "7", code: "Digit7", altKey: true });
    await waitFor(() => expect(screen.getByTestId("settings-db-path").textContent).toBe("/home/desk/remzona.sqlite3"));

    const select = screen.getByTestId("settings-language") as HTMLSelectElement;
    expect(select.value).toBe("ru");
    await fireEvent.change(select, { target: { value: "en" } });
    expect(screen.getByTestId("nav-clients").textContent).toContain("Clients");
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem("remzona.locale")).toBe("en");
  });
});
