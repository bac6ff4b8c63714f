// Russian keys of the price list of services (merged into ru.ts).
export const pricesRu = {
};
