// A fake Backend for component tests: every method is a vi.fn with a sensible default.
import { vi } from "vitest";
import type { ApiError, Client, ClientDraft, ClientListItem, ErrorCode, FieldIssue } from "../lib/api/bindings";
import { ApiFailure, type Backend } from "../lib/api/client";
import { BACKEND_KEY } from "../lib/api/context";

export function client(overrides: Partial<Client> = {}): Client {
  return {
    id: "c1",
    surname: "Иванов",
    name: "Иван",
    patronymic: "Иванович",
    fullName: "Иванов Иван Иванович",
    phones: [{ number: "+79123456789", label: "мобильный", primary: true }],
    email: "ivanov@mail.ru",
    notes: "",
    createdAt: "2025-03-04T09:00:00Z",
    updatedAt: "2025-03-05T09:00:00Z",
    ...overrides,
  };
}

export function listItem(overrides: Partial<ClientListItem> = {}): ClientListItem {
  return {
    id: "c1",
    fullName: "Иванов Иван Иванович",
    primaryPhone: "+79123456789",
    otherPhones: 0,
    email: "ivanov@mail.ru",
    notes: "",
    createdAt: "2025-03-04T09:00:00Z",
    ...overrides,
  };
}

export function failure(code: ErrorCode, extra: Partial<ApiError> = {}): ApiFailure {
  return new ApiFailure({ code, message: `${code} happened`, field: null, issues: [], duplicate: null, ...extra });
}

function clientFromDraft(draft: ClientDraft, id = "new-1"): Client {
  return client({
    id,
    surname: draft.surname,
    name: draft.name,
    patronymic: draft.patronymic,
    fullName: [draft.surname, draft.name, draft.patronymic].filter(Boolean).join(" "),
    phones: draft.phones,
    email: draft.email || null,
    notes: draft.notes,
  });
}

export function fakeBackend() {
  const backend = {
    clients: {
      search: vi.fn(async (_query: string, _limit: number) => ({ items: [] as ClientListItem[], total: 0 })),
      get: vi.fn(async (id: string) => client({ id })),
      validate: vi.fn(async (_draft: ClientDraft): Promise<FieldIssue[]> => []),
      create: vi.fn(async (draft: ClientDraft, _allowSharedPhone: boolean) => clientFromDraft(draft)),
      update: vi.fn(async (id: string, draft: ClientDraft, _allowSharedPhone: boolean) => clientFromDraft(draft, id)),
    },
    app: {
      info: vi.fn(async () => ({ version: "0.1.0", dbPath: "/home/desk/remzona.sqlite3" })),
    },
  } satisfies Backend;
  return backend;
}

export function withBackend(backend: Backend): Map<symbol, unknown> {
  return new Map<symbol, unknown>([[BACKEND_KEY, backend]]);
}
