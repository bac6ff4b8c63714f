import { cleanup } from "@testing-library/svelte";
import { afterEach } from "vitest";
import { setLocale } from "../lib/i18n";

afterEach(() => {
  cleanup();
  setLocale("ru");
  localStorage.clear();
});
