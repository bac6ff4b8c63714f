// A fake Backend for component tests: every method is a vi.fn with a sensible default.
import { vi } from "vitest";
import { fakePrices } from "./fakePrices";
import { fakeProductImports } from "./fakeProductImports";
import { fakeProducts, fakeStock } from "./fakeProducts";
import { fakeAppointments, fakeSchedule } from "./fakeSchedule";
import { fakeCalls, fakeGateways, fakeReminders } from "./fakeReminders";
import { fakeDocuments, fakeOrders, fakeShop } from "./fakeOrders";
import {
  ApiFailure,
  type ApiError,
  type Backend,
  type Client,
  type ClientCard,
  type ClientDraft,
  type ClientId,
  type ClientListItem,
  type ConsentInput,
  type ConsentRecord,
  type ErrorCode,
  type FieldIssue,
  type ImportColumn,
  type ImportPreview,
  type ImportProgress,
  type ImportReport,
  type LeadSource,
  type MakeModels,
  type SearchOptions,
  type Vehicle,
  type VehicleDetails,
  type VehicleDraft,
} from "../lib/api/client";
import { BACKEND_KEY } from "../lib/api/context";

export function client(overrides: Partial<Client> = {}): Client {
  return {
    id: "c1",
    kind: "person",
    displayName: "Иванов Иван Иванович",
    surname: "Иванов",
    name: "Иван",
    patronymic: "Иванович",
    birthDate: null,
    company: {
      fullName: "",
      shortName: "",
      inn: "",
      kpp: "",
      ogrn: "",
      legalAddress: "",
      postalAddress: "",
      bankAccount: "",
      bankName: "",
      bik: "",
      corrAccount: "",
    },
    phones: [{ number: "+79123456789", label: "мобильный", primary: true }],
    email: "ivanov@mail.ru",
    address: "",
    usesTelegram: false,
    usesViber: false,
    notes: "",
    leadSource: null,
    discountPercent: 0,
    reminderChannels: ["sms", "call"],
    tags: [],
    contacts: [],
    archivedAt: null,
    mergedInto: null,
    createdAt: "2025-03-04T09:00:00Z",
    updatedAt: "2025-03-05T09:00:00Z",
    ...overrides,
  };
}

export function listItem(overrides: Partial<ClientListItem> = {}): ClientListItem {
  return {
    id: "c1",
    kind: "person",
    displayName: "Иванов Иван Иванович",
    inn: "",
    primaryPhone: "+79123456789",
    otherPhones: 0,
    email: "ivanov@mail.ru",
    notes: "",
    tags: [],
    archived: false,
    vehicles: [],
    matchedBy: null,
    matchedVehicle: null,
    createdAt: "2025-03-04T09:00:00Z",
    ...overrides,
  };
}

export function vehicle(overrides: Partial<Vehicle> = {}): Vehicle {
  return {
    id: "v1",
    owner: { id: "c1", kind: "person", displayName: "Иванов Иван Иванович" },
    driver: null,
    vin: "XTA219070K0123456",
    vinCheckWarning: false,
    plate: "А123ВС77",
    plateDisplay: "А 123 ВС 77",
    make: "LADA",
    model: "Granta",
    year: 2019,
    engineNumber: "",
    engineVolumeCc: 1596,
    fuel: "petrol",
    colour: "белый",
    notes: "",
    odometer: { km: 84000, readAt: "2026-11-20T09:00:00Z", reason: "" },
    createdAt: "2025-03-04T09:00:00Z",
    updatedAt: "2025-03-05T09:00:00Z",
    ...overrides,
  };
}

export function card(overrides: Partial<ClientCard> = {}): ClientCard {
  return {
    client: client(),
    vehicles: [],
    consents: (["personal_data", "sms", "email", "telegram", "viber", "voice"] as const).map((topic) => ({
      topic,
      granted: false,
      latest: null,
    })),
    consentLog: [],
    allowedChannels: ["call"],
    history: [],
    ...overrides,
  };
}

export function failure(code: ErrorCode, extra: Partial<ApiError> = {}): ApiFailure {
  return new ApiFailure({
    code,
    message: `${code} happened`,
    field: null,
    issues: [],
    duplicates: [],
    conflict: null,
    booking: null,
    ...extra,
  });
}

function clientFromDraft(draft: ClientDraft, id = "new-1"): Client {
  const person = [draft.surname, draft.name, draft.patronymic].filter(Boolean).join(" ");
  return client({
    id,
    kind: draft.kind,
    displayName: draft.kind === "company" ? draft.company.shortName || draft.company.fullName : person,
    surname: draft.surname,
    name: draft.name,
    patronymic: draft.patronymic,
    company: { ...draft.company },
    phones: draft.phones,
    email: draft.email || null,
    notes: draft.notes,
    tags: draft.tags,
  });
}

function vehicleFromDraft(draft: VehicleDraft, id = "v-new"): Vehicle {
  return vehicle({
    id,
    vin: draft.vin || null,
    plate: draft.plate || null,
    plateDisplay: draft.plate || null,
    make: draft.make,
    model: draft.model,
    year: draft.year,
  });
}

export const LEAD_SOURCES: LeadSource[] = [
  { id: 1, name: "Рекомендация", archived: false },
  { id: 2, name: "Повторный визит", archived: false },
  { id: 3, name: "Яндекс Карты", archived: false },
];

export const CATALOGUE: MakeModels[] = [
  { make: "LADA", models: ["Granta", "Vesta", "Niva Legend"] },
  { make: "Kia", models: ["Rio", "Sportage"] },
];

export function fakeBackend() {
  const backend = {
    clients: {
      search: vi.fn(async (_query: string, _options: SearchOptions) => ({ items: [] as ClientListItem[], total: 0 })),
      get: vi.fn(async (id: ClientId) => client({ id })),
      card: vi.fn(async (id: ClientId) => card({ client: client({ id }) })),
      validate: vi.fn(async (_draft: ClientDraft): Promise<FieldIssue[]> => []),
      create: vi.fn(async (draft: ClientDraft, _allow: boolean) => clientFromDraft(draft)),
      update: vi.fn(async (id: ClientId, draft: ClientDraft, _allow: boolean) => clientFromDraft(draft, id)),
      archive: vi.fn(async (id: ClientId, archived: boolean) =>
        client({ id, archivedAt: archived ? "2026-11-27T09:00:00Z" : null }),
      ),
      merge: vi.fn(async (keep: ClientId, _duplicate: ClientId) => client({ id: keep })),
      recordConsent: vi.fn(async (_client: ClientId, input: ConsentInput): Promise<ConsentRecord[]> => [
        { ...input, recordedAt: "2026-11-27T09:00:00Z" },
      ]),
    },
    leadSources: {
      list: vi.fn(async (_withArchived: boolean) => LEAD_SOURCES),
      add: vi.fn(async (name: string) => ({ id: 99, name, archived: false })),
      rename: vi.fn(async (_id: number, _name: string) => null),
      archive: vi.fn(async (_id: number, _archived: boolean) => null),
    },
    vehicles: {
      get: vi.fn(async (id: string): Promise<VehicleDetails> => ({
        vehicle: vehicle({ id }),
        owners: [{ owner: vehicle().owner, since: "2025-03-04T09:00:00Z", until: null }],
        readings: [],
      })),
      validate: vi.fn(async (_draft: VehicleDraft): Promise<FieldIssue[]> => []),
      create: vi.fn(async (_owner: ClientId, draft: VehicleDraft, _allow: boolean) => vehicleFromDraft(draft)),
      update: vi.fn(async (id: string, draft: VehicleDraft, _allow: boolean) => vehicleFromDraft(draft, id)),
      recordOdometer: vi.fn(async (id: string, km: number, reason: string) =>
        vehicle({ id, odometer: { km, readAt: "2026-11-27T09:00:00Z", reason } }),
      ),
      transfer: vi.fn(async (id: string, newOwner: ClientId) =>
        vehicle({ id, owner: { id: newOwner, kind: "person", displayName: "Новый владелец" } }),
      ),
      catalogue: vi.fn(async () => CATALOGUE),
    },
    imports: {
      preview: vi.fn(async (_path: string, mapping: ImportColumn[] | null): Promise<ImportPreview> => ({
        headers: ["ФИО", "Телефон", "Госномер"],
        sample: [["Иванов Иван", "8 912 345-67-89", "А123ВС77"]],
        mapping: mapping ?? ["full_name", "phone", "plate"],
        encoding: "UTF-8",
        delimiter: ";",
        rows: 1,
        plan: { clients: 1, vehicles: 1, problems: [], duplicates: [] },
      })),
      run: vi.fn(
        async (_path: string, _mapping: ImportColumn[] | null, onprogress: (p: ImportProgress) => void): Promise<ImportReport> => {
          onprogress({ done: 1, total: 1 });
          return { imported: true, plan: { clients: 1, vehicles: 1, problems: [], duplicates: [] } };
        },
      ),
      exportClients: vi.fn(async (_path: string, _format: "csv" | "xlsx") => 1),
    },
    products: fakeProducts(),
    productImports: fakeProductImports(),
    stock: fakeStock(),
    prices: fakePrices(),
    schedule: fakeSchedule(),
    appointments: fakeAppointments(),
    reminders: fakeReminders(),
    gateways: fakeGateways(),
    calls: fakeCalls(),
    orders: fakeOrders(),
    documents: fakeDocuments(),
    shop: fakeShop(),
    app: {
      info: vi.fn(async () => ({ version: "0.1.0", dbPath: "/home/desk/remzona.sqlite3" })),
    },
  } satisfies Backend;
  return backend;
}

export function withBackend(backend: Backend): Map<symbol, unknown> {
  return new Map<symbol, unknown>([[BACKEND_KEY, backend]]);
}
