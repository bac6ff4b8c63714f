// The typed client every screen talks to. Screens never call `invoke` or
// `commands` themselves: they receive a `Backend` through Svelte context
// (see ./context.ts), so tests can hand them a fake.
import {
  commands,
  type ApiError,
  type AppInfo,
  type Client,
  type ClientDraft,
  type ClientId,
  type ClientSearchResult,
  type FieldIssue,
} from "./bindings";

// The generated commands return this shape; declared here so the client does
// not depend on whether a given generator version exports it.
type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

export interface Backend {
  clients: {
    search(query: string, limit: number): Promise<ClientSearchResult>;
    get(id: ClientId): Promise<Client>;
    validate(draft: ClientDraft): Promise<FieldIssue[]>;
    create(draft: ClientDraft, allowSharedPhone: boolean): Promise<Client>;
    update(id: ClientId, draft: ClientDraft, allowSharedPhone: boolean): Promise<Client>;
  };
  app: {
    info(): Promise<AppInfo>;
  };
}

/** A failure reported by the core, with its stable code. */
export class ApiFailure extends Error {
  readonly error: ApiError;

  constructor(error: ApiError) {
    super(error.message || error.code);
    this.name = "ApiFailure";
    this.error = error;
  }
}

export function isApiFailure(e: unknown): e is ApiFailure {
  return e instanceof ApiFailure;
}

function unwrap<T>(result: Result<T, ApiError>): T {
  if (result.status === "ok") return result.data;
  throw new ApiFailure(result.error);
}

/** The real back end: the Tauri commands generated from the Rust core. */
export function tauriBackend(): Backend {
  return {
    clients: {
      search: async (query, limit) => unwrap(await commands.clientsSearch(query, limit)),
      get: async (id) => unwrap(await commands.clientsGet(id)),
      validate: async (draft) => unwrap(await commands.clientsValidate(draft)),
      create: async (draft, allowSharedPhone) =>
        unwrap(await commands.clientsCreate(draft, allowSharedPhone)),
      update: async (id, draft, allowSharedPhone) =>
        unwrap(await commands.clientsUpdate(id, draft, allowSharedPhone)),
    },
    app: {
      info: () => commands.appInfo(),
    },
  };
}
