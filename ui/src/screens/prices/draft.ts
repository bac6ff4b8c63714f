// What the service and package windows edit, and how it maps to the core's
// drafts and to the inputs that show a field's issues.
import type {
  Package,
  PackageDraft,
  ProductId,
  Service,
  ServiceCategoryId,
  ServiceDraft,
  Unit,
} from "../../lib/api/client";
import { moneyInput, quantityInput } from "../../lib/format/money";
import { durationForHours } from "./format";

export type ServiceFormState = {
  code: string;
  name: string;
  categoryId: ServiceCategoryId | null;
  standardHours: string;
  /** Empty: by the hourly rate. */
  price: string;
  /** Empty: from the hours. */
  durationMinutes: string;
  extraSkills: ServiceCategoryId[];
  notes: string;
};

export function emptyService(name = "", categoryId: ServiceCategoryId | null = null): ServiceFormState {
  return {
    code: "",
    name,
    categoryId,
    standardHours: "",
    price: "",
    durationMinutes: "",
    extraSkills: [],
    notes: "",
  };
}

export function formFromService(service: Service): ServiceFormState {
  return {
    code: service.code,
    name: service.name,
    categoryId: service.categoryId,
    standardHours: service.standardHours === 0 ? "" : quantityInput(service.standardHours),
    price: moneyInput(service.fixedPrice),
    // A duration the hours give anyway stays empty, so it follows the hours when they change.
    durationMinutes:
      service.durationMinutes === durationForHours(service.standardHours) ? "" : String(service.durationMinutes),
    extraSkills: service.skills.map((s) => s.id).filter((id) => id !== service.categoryId),
    notes: service.notes,
  };
}

export function serviceDraft(form: ServiceFormState): ServiceDraft {
  return {
    code: form.code,
    name: form.name,
    categoryId: form.categoryId,
    standardHours: form.standardHours,
    price: form.price,
    durationMinutes: form.durationMinutes.trim(),
    // The service's own category is implied; the core drops it anyway.
    extraSkills: form.extraSkills.filter((id) => id !== form.categoryId),
    notes: form.notes,
  };
}

const SERVICE_INPUTS: Record<string, string> = {
  code: "service-code",
  name: "service-name",
  categoryId: "service-category",
  standardHours: "service-hours",
  price: "service-price",
  durationMinutes: "service-duration",
  notes: "service-notes",
};

/** The input that shows (and gets focus for) a service field's issue. */
export function serviceInputOf(field: string): string {
  return SERVICE_INPUTS[field] ?? "service-code";
}

/** One part of a package: what the form shows and the typed quantity. */
export type PackagePart = {
  productId: ProductId;
  name: string;
  article: string;
  brand: string | null;
  unit: Unit;
  /** The sale price of one unit, when the product has one. */
  price: number | null;
  quantity: string;
};

export type PackageFormState = {
  code: string;
  name: string;
  services: Service[];
  parts: PackagePart[];
};

export function emptyPackage(): PackageFormState {
  return { code: "", name: "", services: [], parts: [] };
}

export function formFromPackage(pkg: Package): PackageFormState {
  return {
    code: pkg.code,
    name: pkg.name,
    services: pkg.services.map((s) => ({ ...s, skills: [...s.skills] })),
    parts: pkg.products.map((p) => ({
      productId: p.productId,
      name: p.name,
      article: p.article,
      brand: p.brand ?? null,
      unit: p.unit,
      price: p.price ?? null,
      quantity: quantityInput(p.quantity),
    })),
  };
}

export function packageDraft(form: PackageFormState): PackageDraft {
  return {
    code: form.code,
    name: form.name,
    services: form.services.map((s) => s.id),
    products: form.parts.map((p) => ({ productId: p.productId, quantity: p.quantity })),
  };
}

/** The input that shows a package field's issue. */
export function packageInputOf(field: string): string {
  if (field === "code") return "package-code";
  if (field === "name") return "package-name";
  const service = /^services\.(\d+)$/.exec(field);
  if (service) return `package-service-remove-${service[1]}`;
  if (field.startsWith("services")) return "package-service-picker";
  const part = /^products\.(\d+)\.(quantity|productId)$/.exec(field);
  if (part) return part[2] === "quantity" ? `package-part-qty-${part[1]}` : `package-part-remove-${part[1]}`;
  return "package-code";
}
