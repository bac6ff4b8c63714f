// Russian keys of the shift editor and of the staff and bay settings (merged into ru.ts).
export const shiftsRu = {
} as const;
