import type { pricesRu } from "./prices.ru";

// English keys of the price list of services (merged into en.ts).
export const pricesEn: Record<keyof typeof pricesRu, string> = {
};
