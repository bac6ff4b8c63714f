import type { shiftsRu } from "./shifts.ru";

// English keys of the shift editor and of the staff and bay settings (merged into en.ts).
export const shiftsEn: Record<keyof typeof shiftsRu, string> = {
};
