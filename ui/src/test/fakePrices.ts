// Fakes of the price-list part of the Backend, with fixtures.
import { vi } from "vitest";
import type {
  FieldIssue,
  Package,
  PackageDraft,
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
];

export function fakePrices() {
  return {
    search: vi.fn(async (_search: ServiceSearch): Promise<Service[]> => []),
    get: vi.fn(async (id: ServiceId) => service({ id })),
    validate: vi.fn(async (_draft: ServiceDraft): Promise<FieldIssue[]> => []),
    create: vi.fn(async (draft: ServiceDraft) => service({ code: draft.code, name: draft.name })),
    update: vi.fn(async (id: ServiceId, draft: ServiceDraft) => service({ id, code: draft.code, name: draft.name })),
    archive: vi.fn(async (_id: ServiceId, _archived: boolean) => null),
    categories: vi.fn(async (_withArchived: boolean) => SERVICE_CATEGORIES),
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
