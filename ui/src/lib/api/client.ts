// The typed client every screen talks to. Screens never call `invoke` or
// `commands` themselves: they receive a `Backend` through Svelte context
// (see ./context.ts), so tests can hand them a fake.
import { Channel } from "@tauri-apps/api/core";
import {
  commands,
  type ExportFormat,
  type ImportColumn,
  type ImportPreview_Serialize as ImportPreview,
  type ImportProgress,
  type ImportReport_Serialize as ImportReport,
  type ApiError_Serialize as ApiError,
  type AppInfo,
  type ClientCard_Serialize as ClientCard,
  type ClientDraft_Deserialize as ClientDraft,
  type ClientId,
  type ClientSearchResult_Serialize as ClientSearchResult,
  type Client_Serialize as Client,
  type ConsentInput,
  type ConsentRecord,
  type FieldIssue_Serialize as FieldIssue,
  type LeadSourceId,
  type LeadSource,
  type MakeModels,
  type SearchOptions,
  type VehicleDetails_Serialize as VehicleDetails,
  type VehicleDraft_Deserialize as VehicleDraft,
  type VehicleId,
  type Vehicle_Serialize as Vehicle,
} from "./bindings";

// Short names for the shapes the screens use: what the core sends (`_Serialize`)
// and what it accepts (`_Deserialize`).
export type {
  ExportFormat,
  ImportColumn,
  ImportPreview,
  ImportProgress,
  ImportReport,
  ApiError,
  AppInfo,
  Client,
  ClientCard,
  ClientDraft,
  ClientId,
  ClientSearchResult,
  ConsentInput,
  ConsentRecord,
  FieldIssue,
  LeadSource,
  LeadSourceId,
  MakeModels,
  SearchOptions,
  Vehicle,
  VehicleDetails,
  VehicleDraft,
  VehicleId,
};
export type {
  ClientListItem_Serialize as ClientListItem,
  ClientPhone,
  ClientRef,
  Company,
  CompanyDraft,
  ConsentState_Serialize as ConsentState,
  ContactDraft_Deserialize as ContactDraft,
  ContactPerson_Serialize as ContactPerson,
  Duplicate_Serialize as Duplicate,
  HistoryEntry_Serialize as HistoryEntry,
  OdometerReading,
  Ownership_Serialize as Ownership,
  PhoneInput,
  VehicleBrief_Serialize as VehicleBrief,
  ClientKind,
  ConflictReason,
  ConsentTopic,
  DuplicateField,
  ErrorCode,
  Fuel,
  HistoryKind,
  IssueCode,
  MatchedBy,
  ReminderChannel,
} from "./bindings";

// The generated commands return this shape; declared here so the client does
// not depend on whether a given generator version exports it.
type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

export interface Backend {
  clients: {
    search(query: string, options: SearchOptions): Promise<ClientSearchResult>;
    get(id: ClientId): Promise<Client>;
    card(id: ClientId): Promise<ClientCard>;
    validate(draft: ClientDraft): Promise<FieldIssue[]>;
    /** `allowDuplicates`: the operator confirmed a phone or ИНН another client has. */
    create(draft: ClientDraft, allowDuplicates: boolean): Promise<Client>;
    update(id: ClientId, draft: ClientDraft, allowDuplicates: boolean): Promise<Client>;
    archive(id: ClientId, archived: boolean): Promise<Client>;
    /** Merges `duplicate` into `keep`; returns the kept client. */
    merge(keep: ClientId, duplicate: ClientId): Promise<Client>;
    recordConsent(client: ClientId, input: ConsentInput): Promise<ConsentRecord[]>;
  };
  leadSources: {
    list(withArchived: boolean): Promise<LeadSource[]>;
    add(name: string): Promise<LeadSource>;
    rename(id: LeadSourceId, name: string): Promise<null>;
    archive(id: LeadSourceId, archived: boolean): Promise<null>;
  };
  vehicles: {
    get(id: VehicleId): Promise<VehicleDetails>;
    validate(draft: VehicleDraft): Promise<FieldIssue[]>;
    /** `allowDuplicates`: the operator confirmed a plate another car has (a VIN never). */
    create(owner: ClientId, draft: VehicleDraft, allowDuplicates: boolean): Promise<Vehicle>;
    update(id: VehicleId, draft: VehicleDraft, allowDuplicates: boolean): Promise<Vehicle>;
    recordOdometer(id: VehicleId, km: number, reason: string): Promise<Vehicle>;
    transfer(id: VehicleId, newOwner: ClientId): Promise<Vehicle>;
    catalogue(): Promise<MakeModels[]>;
  };
  imports: {
    /** What importing the file would do; `mapping` null = guess from the headers. */
    preview(path: string, mapping: ImportColumn[] | null): Promise<ImportPreview>;
    /** Imports all or nothing; `onprogress` drives the progress bar. */
    run(path: string, mapping: ImportColumn[] | null, onprogress: (p: ImportProgress) => void): Promise<ImportReport>;
    /** Writes every client with their cars; resolves to the number of rows. */
    exportClients(path: string, format: ExportFormat): Promise<number>;
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
      search: async (query, options) => unwrap(await commands.clientsSearch(query, options)),
      get: async (id) => unwrap(await commands.clientsGet(id)),
      card: async (id) => unwrap(await commands.clientsCard(id)),
      validate: async (draft) => unwrap(await commands.clientsValidate(draft)),
      create: async (draft, allow) => unwrap(await commands.clientsCreate(draft, allow)),
      update: async (id, draft, allow) => unwrap(await commands.clientsUpdate(id, draft, allow)),
      archive: async (id, archived) => unwrap(await commands.clientsArchive(id, archived)),
      merge: async (keep, duplicate) => unwrap(await commands.clientsMerge(keep, duplicate)),
      recordConsent: async (client, input) => unwrap(await commands.consentsRecord(client, input)),
    },
    leadSources: {
      list: async (withArchived) => unwrap(await commands.leadSourcesList(withArchived)),
      add: async (name) => unwrap(await commands.leadSourcesAdd(name)),
      rename: async (id, name) => unwrap(await commands.leadSourcesRename(id, name)),
      archive: async (id, archived) => unwrap(await commands.leadSourcesArchive(id, archived)),
    },
    vehicles: {
      get: async (id) => unwrap(await commands.vehiclesGet(id)),
      validate: async (draft) => unwrap(await commands.vehiclesValidate(draft)),
      create: async (owner, draft, allow) => unwrap(await commands.vehiclesCreate(owner, draft, allow)),
      update: async (id, draft, allow) => unwrap(await commands.vehiclesUpdate(id, draft, allow)),
      recordOdometer: async (id, km, reason) => unwrap(await commands.vehiclesRecordOdometer(id, km, reason)),
      transfer: async (id, newOwner) => unwrap(await commands.vehiclesTransfer(id, newOwner)),
      catalogue: async () => unwrap(await commands.vehiclesCatalogue()),
    },
    imports: {
      preview: async (path, mapping) => unwrap(await commands.importsPreview(path, mapping)),
      run: async (path, mapping, onprogress) => {
        const channel = new Channel<ImportProgress>();
        channel.onmessage = onprogress;
        return unwrap(await commands.importsRun(path, mapping, channel));
      },
      exportClients: async (path, format) => unwrap(await commands.clientsExport(path, format)),
    },
    app: {
      info: () => commands.appInfo(),
    },
  };
}
