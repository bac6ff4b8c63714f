// Fakes of the price-list part of the Backend, with fixtures.
import { vi } from "vitest";
import type {
  FieldIssue,
  Package,
  PackageDraft,
  PackageProduct,
  PricingSettings,
  Service,
  ServiceCategory,
  ServiceCategoryDraft,
  ServiceDraft,
  ServiceId,
  ServiceSearch,
} from "../lib/api/client";

export function service(overrides: Partial<Service> = {}): Service {
  return {
    id: "01938f00-0000-7000-8000-000000000501",
    code: "ТО-01",
    name: "Замена масла в двигателе",
    categoryId: 2,
    category: "Техническое обслуживание",
    standardHours: 500,
    fixedPrice: null,
    hourlyRate: 250000,
    price: 125000,
    durationMinutes: 30,
    skills: [{ id: 2, name: "Техническое обслуживание" }],
    notes: "",
    archived: false,
    ...overrides,
  };
}

export const SERVICE_CATEGORIES: ServiceCategory[] = [
  { id: 1, name: "Диагностика", hourlyRate: null, archived: false },
  { id: 2, name: "Техническое обслуживание", hourlyRate: null, archived: false },
  { id: 3, name: "Электрика", hourlyRate: 300000, archived: false },
  { id: 4, name: "Кузовной ремонт", hourlyRate: null, archived: true },
];

/** A small price list: by the rate, fixed, with an extra skill, archived. */
export const SERVICES: Service[] = [
  service(),
  service({
    id: "01938f00-0000-7000-8000-000000000502",
    code: "ТО-02",
    name: "Замена воздушного фильтра",
    standardHours: 300,
    price: 75000,
    durationMinutes: 15,
  }),
  service({
    id: "01938f00-0000-7000-8000-000000000503",
    code: "ДГ-01",
    name: "Компьютерная диагностика",
    categoryId: 1,
    category: "Диагностика",
    standardHours: 1000,
    fixedPrice: 150000,
    price: 150000,
    durationMinutes: 60,
    skills: [{ id: 1, name: "Диагностика" }],
  }),
  service({
    id: "01938f00-0000-7000-8000-000000000504",
    code: "ЭЛ-01",
    name: "Замена генератора",
    categoryId: 3,
    category: "Электрика",
    standardHours: 1500,
    hourlyRate: 300000,
    price: 450000,
    durationMinutes: 90,
    skills: [
      { id: 3, name: "Электрика" },
      { id: 2, name: "Техническое обслуживание" },
    ],
  }),
  service({
    id: "01938f00-0000-7000-8000-000000000505",
    code: "ТО-99",
    name: "Замена масла в АКПП (старая)",
    archived: true,
  }),
];

/** What the core's search does, over `list`: a code prefix or every word starting a word of the name. */
export function searchServices(list: readonly Service[]) {
  return async (search: ServiceSearch): Promise<Service[]> => {
    const query = search.query.trim().toLowerCase();
    const words = query.split(/\s+/).filter(Boolean);
    return list
      .filter((s) => search.includeArchived || !s.archived)
      .filter((s) => search.categoryId === null || search.categoryId === undefined || s.categoryId === search.categoryId)
      .filter((s) => {
        if (!query) return true;
        const parts = s.name.toLowerCase().split(/[^\p{L}\p{N}]+/u);
        return s.code.toLowerCase().startsWith(query) || words.every((w) => parts.some((p) => p.startsWith(w)));
      })
      .slice(0, search.limit);
  };
}

export function packageProduct(overrides: Partial<PackageProduct> = {}): PackageProduct {
  return {
    productId: "01938f00-0000-7000-8000-000000000101",
    name: "Фильтр масляный",
    article: "OC 90",
    brand: "MAHLE",
    unit: "piece",
    quantity: 1000,
    price: 65000,
    amount: 65000,
    ...overrides,
  };
}

export function pkg(overrides: Partial<Package> = {}): Package {
  const services = overrides.services ?? [SERVICES[0]!, SERVICES[1]!];
  const products = overrides.products ?? [packageProduct()];
  return {
    id: "01938f00-0000-7000-8000-000000000601",
    code: "ТО-1",
    name: "ТО-1: масло и фильтры",
    services,
    products,
    price: services.reduce((sum, s) => sum + s.price, 0) + products.reduce((sum, p) => sum + p.amount, 0),
    durationMinutes: services.reduce((sum, s) => sum + s.durationMinutes, 0),
    archived: false,
    ...overrides,
  };
}

export function fakePrices() {
  return {
    search: vi.fn(async (_search: ServiceSearch): Promise<Service[]> => []),
    get: vi.fn(async (id: ServiceId) => service({ id })),
    validate: vi.fn(async (_draft: ServiceDraft): Promise<FieldIssue[]> => []),
    create: vi.fn(async (draft: ServiceDraft) => service({ id: "new-service", code: draft.code, name: draft.name })),
    update: vi.fn(async (id: ServiceId, draft: ServiceDraft) => service({ id, code: draft.code, name: draft.name })),
    archive: vi.fn(async (_id: ServiceId, _archived: boolean) => null),
    categories: vi.fn(async (withArchived: boolean) => SERVICE_CATEGORIES.filter((c) => withArchived || !c.archived)),
    saveCategory: vi.fn(async (_id: number | null, _draft: ServiceCategoryDraft) => 99),
    archiveCategory: vi.fn(async (_id: number, _archived: boolean) => null),
    packages: vi.fn(async (_withArchived: boolean): Promise<Package[]> => []),
    createPackage: vi.fn(
      async (draft: PackageDraft): Promise<Package> => ({
        id: "01938f00-0000-7000-8000-000000000601",
        code: draft.code,
        name: draft.name,
        services: [],
        products: [],
        price: 0,
        durationMinutes: 0,
        archived: false,
      }),
    ),
    updatePackage: vi.fn(
      async (id: string, draft: PackageDraft): Promise<Package> => ({
        id,
        code: draft.code,
        name: draft.name,
        services: [],
        products: [],
        price: 0,
        durationMinutes: 0,
        archived: false,
      }),
    ),
    archivePackage: vi.fn(async (_id: string, _archived: boolean) => null),
    pricing: vi.fn(async (): Promise<PricingSettings> => ({ hourlyRate: 250000 })),
    setHourlyRate: vi.fn(async (_rate: string): Promise<PricingSettings> => ({ hourlyRate: 250000 })),
  };
}
