// The intake window's pure part: the form and the draft it sends, the limits
// of the core (src/domain/order/intake.rs), the body diagram's coordinates
// and the damage marks.
import type { BodyOutline, BodyView, ClientPartDraft, ContactPerson, DamageKind, DamageMark, Intake, IntakeDraft, Vehicle } from "../../../lib/api/client";
import { quantityInput } from "../../../lib/format/money";
import { formatPhone } from "../../../lib/format/phone";

/** The core's limits, repeated so the window stops before the core refuses. */
export const LIMITS = {
  complaints: 2000,
  belongings: 1000,
  marks: 100,
  note: 200,
  parts: 50,
  partName: 200,
  photos: 40,
  keys: 10,
  other: 300,
  odometerReason: 200,
  odometerKm: 9_999_999,
  handedOverBy: 200,
} as const;

/** The coordinate range of a mark: thousandths of its view's box. */
export const PER_MILLE = 1000;

/** Fuel in quarters of a tank: пусто, ¼, ½, ¾, полный. */
export const FUEL_STEPS = [0, 1, 2, 3, 4] as const;

/** The checklist's yes/no items in the order of the acceptance act. */
export const CHECK_ITEMS = [
  "registrationCertificate",
  "spareWheel",
  "jack",
  "tools",
  "firstAidKit",
  "extinguisher",
  "warningTriangle",
  "headUnit",
  "mats",
] as const;
export type CheckItem = (typeof CHECK_ITEMS)[number];

/** The damage kinds in the order of the document's legend. */
export const DAMAGE_KINDS: readonly DamageKind[] = ["scratch", "dent", "chip", "crack", "corrosion", "other"];

/** A colour per kind, for the marks and the legend (the letters are in i18n, as the PDF prints them). */
export const KIND_COLOURS: Record<DamageKind, string> = {
  scratch: "#d6336c",
  dent: "#1c7ed6",
  chip: "#e8590c",
  crack: "#7048e8",
  corrosion: "#8c5a2b",
  other: "#495057",
};

/** The views as the acceptance act lays them out. */
export const VIEWS: readonly BodyView[] = ["left", "right", "front", "top", "rear"];

/** The size of each view's box when the core leaves it out (cm of a 4.6 m sedan). */
export const VIEW_SIZES: Record<BodyView, { width: number; height: number }> = {
  top: { width: 460, height: 190 },
  left: { width: 460, height: 150 },
  right: { width: 460, height: 150 },
  front: { width: 190, height: 150 },
  rear: { width: 190, height: 150 },
};

export type Checklist = {
  keys: number;
  registrationCertificate: boolean;
  spareWheel: boolean;
  jack: boolean;
  tools: boolean;
  firstAidKit: boolean;
  extinguisher: boolean;
  warningTriangle: boolean;
  headUnit: boolean;
  mats: boolean;
  other: string;
};

/** What the window edits: the draft with every field present. */
export type IntakeForm = {
  odometer: string;
  odometerReason: string;
  fuelQuarters: number;
  checklist: Checklist;
  belongings: string;
  complaints: string;
  clientParts: ClientPartDraft[];
  damage: DamageMark[];
  photos: string[];
  /** «Автомобиль сдал»: the driver or whoever the client sent; empty — the client in person. */
  handedOverBy: string;
};

export function emptyChecklist(): Checklist {
  return {
    keys: 1,
    registrationCertificate: false,
    spareWheel: false,
    jack: false,
    tools: false,
    firstAidKit: false,
    extinguisher: false,
    warningTriangle: false,
    headUnit: false,
    mats: false,
    other: "",
  };
}

export function emptyForm(complaints = ""): IntakeForm {
  return {
    odometer: "",
    odometerReason: "",
    fuelQuarters: 0,
    checklist: emptyChecklist(),
    belongings: "",
    complaints,
    clientParts: [],
    damage: [],
    photos: [],
    handedOverBy: "",
  };
}

/**
 * The form of an order's stored intake («Изменить приёмку»): every field as
 * the operator would have typed it — the odometer in plain digits, the
 * client's parts' quantities from thousandths back to «1,5» — so sending it
 * untouched gives the core the same intake back. Copies, never the order's
 * own arrays.
 */
export function formOf(intake: Intake): IntakeForm {
  return {
    odometer: intake.odometerKm === null ? "" : String(intake.odometerKm),
    odometerReason: "",
    fuelQuarters: Math.max(0, Math.min(4, intake.fuelQuarters)),
    checklist: { ...emptyChecklist(), ...intake.checklist },
    belongings: intake.belongings,
    complaints: intake.complaints,
    clientParts: intake.clientParts.map((p) => ({ name: p.name, description: p.description, quantity: quantityInput(p.quantity) })),
    damage: intake.damage.map((m) => ({ view: m.view, x: m.x, y: m.y, kind: m.kind, note: m.note })),
    photos: [...intake.photos],
    handedOverBy: intake.handedOverBy ?? "",
  };
}

/**
 * The reason of the visit as the appointment tells it: the client's words
 * (the comment) first, then the booked works.
 */
export function complaintsOf(comment: string, services: readonly { name: string }[]): string {
  const works = services.map((s) => s.name.trim()).filter(Boolean).join(", ");
  return [comment.trim(), works].filter(Boolean).join("\n");
}

/** The typed odometer in km; null when empty or not a whole number («123 456» is fine). */
export function odometerKm(text: string): number | null {
  const digits = text.replace(/\s/g, "");
  if (!/^\d+$/.test(digits)) return null;
  const km = Number(digits);
  return Number.isSafeInteger(km) ? km : null;
}

/** Whether the typed reading is below the car's last one: then a reason is needed. */
export function odometerDecreased(text: string, last: number | null): boolean {
  const km = odometerKm(text);
  return km !== null && last !== null && km < last;
}

/**
 * What goes to the core: copies (never the window's reactive arrays), the
 * reason only while the window asks for it.
 */
export function draftOf(form: IntakeForm, askReason: boolean): IntakeDraft {
  return {
    odometer: form.odometer.trim(),
    odometerReason: askReason ? form.odometerReason : "",
    fuelQuarters: form.fuelQuarters,
    checklist: { ...form.checklist },
    belongings: form.belongings,
    complaints: form.complaints,
    clientParts: form.clientParts.map((p) => ({ name: p.name, description: p.description, quantity: p.quantity })),
    damage: form.damage.map((m) => ({ view: m.view, x: m.x, y: m.y, kind: m.kind, note: m.note })),
    photos: [...form.photos],
    // As typed: the core trims it.
    handedOverBy: form.handedOverBy,
  };
}

/** A stable text of the form, for «was anything typed?». */
export function snapshot(form: IntakeForm): string {
  return JSON.stringify(draftOf(form, true));
}

export function isDirty(form: IntakeForm, base: IntakeForm): boolean {
  return snapshot(form) !== snapshot(base);
}

// ---- Who handed the car over ----

/** A suggestion for «Сдал автомобиль»: the text it puts in, and what else the list shows. */
export type DriverSuggestion = { value: string; hint: string };

/**
 * A company's contact persons as «Сдал автомобиль» suggestions: «Имя, телефон»
 * (the act prints it as the representative), the car's own driver first,
 * nameless contacts left out, each text once.
 */
export function driverSuggestions(contacts: readonly ContactPerson[], carDriver: Vehicle["driver"] = null): DriverSuggestion[] {
  const ordered = carDriver ? [...contacts.filter((c) => c.id === carDriver.id), ...contacts.filter((c) => c.id !== carDriver.id)] : [...contacts];
  const seen = new Set<string>();
  const found: DriverSuggestion[] = [];
  for (const contact of ordered) {
    const name = contact.name.trim();
    if (!name) continue;
    const phone = contact.phone ? formatPhone(contact.phone) : "";
    const value = [name, phone].filter(Boolean).join(", ").slice(0, LIMITS.handedOverBy);
    if (seen.has(value)) continue;
    seen.add(value);
    found.push({ value, hint: contact.position.trim() });
  }
  return found;
}

// ---- The body diagram ----

/** A view's box, with the core's size or the default one. */
export function viewSize(outline: Pick<BodyOutline, "view" | "width" | "height">): { width: number; height: number } {
  const fallback = VIEW_SIZES[outline.view];
  const ok = (n: number | null): n is number => n !== null && Number.isFinite(n) && n > 0;
  return {
    width: ok(outline.width) ? outline.width : fallback.width,
    height: ok(outline.height) ? outline.height : fallback.height,
  };
}

/** The views in the order they are drawn, whatever order the core sent them in. */
export function orderedViews(outlines: readonly BodyOutline[]): BodyOutline[] {
  return VIEWS.flatMap((view) => outlines.filter((o) => o.view === view).slice(0, 1));
}

type Rect = { left: number; top: number; width: number; height: number };

/**
 * A point on screen in the view box's units, for an SVG drawn in `rect` with
 * `viewBox="0 0 width height"` and the default `xMidYMid meet`: the box is
 * scaled evenly and centred. Null when the SVG has no size on screen.
 */
export function screenToBox(
  clientX: number,
  clientY: number,
  rect: Rect,
  width: number,
  height: number,
): { x: number; y: number } | null {
  if (rect.width <= 0 || rect.height <= 0 || width <= 0 || height <= 0) return null;
  const scale = Math.min(rect.width / width, rect.height / height);
  const left = rect.left + (rect.width - width * scale) / 2;
  const top = rect.top + (rect.height - height * scale) / 2;
  return { x: (clientX - left) / scale, y: (clientY - top) / scale };
}

/** A point of the view box as the core stores it: thousandths from the top-left, whole, in 0..1000. */
export function toPerMille(x: number, y: number, width: number, height: number): { x: number; y: number } {
  const clamp = (n: number) => Math.max(0, Math.min(PER_MILLE, Math.round(n)));
  return { x: clamp((PER_MILLE * x) / width), y: clamp((PER_MILLE * y) / height) };
}

/** Where a stored mark is drawn in its view box. */
export function fromPerMille(mark: Pick<DamageMark, "x" | "y">, width: number, height: number): { x: number; y: number } {
  return { x: (mark.x * width) / PER_MILLE, y: (mark.y * height) / PER_MILLE };
}

/** The marks of one view with their numbers (1-based, in the list's order: as the act numbers them). */
export function marksOfView(damage: readonly DamageMark[], view: BodyView): { mark: DamageMark; index: number; number: number }[] {
  return damage.flatMap((mark, index) => (mark.view === view ? [{ mark, index, number: index + 1 }] : []));
}

/** A new mark, or null when the diagram already holds as many as the act takes. */
export function addMark(damage: DamageMark[], view: BodyView, point: { x: number; y: number }, kind: DamageKind): DamageMark | null {
  if (damage.length >= LIMITS.marks) return null;
  const mark: DamageMark = { view, x: point.x, y: point.y, kind, note: "" };
  damage.push(mark);
  return mark;
}

/** A mark moved by the arrow keys, kept inside its box. */
export function nudged(mark: Pick<DamageMark, "x" | "y">, dx: number, dy: number): { x: number; y: number } {
  const clamp = (n: number) => Math.max(0, Math.min(PER_MILLE, n));
  return { x: clamp(mark.x + dx), y: clamp(mark.y + dy) };
}

// ---- Issues ----

/** Where the window shows a core field: known fields next to their input, the rest in the summary only. */
export function isShownField(field: string): boolean {
  return (
    /^(odometer|odometerReason|fuelQuarters|belongings|complaints|photos|damage|clientParts|handedOverBy)$/.test(field) ||
    /^checklist\.(keys|other)$/.test(field) ||
    /^damage\.\d+\.note$/.test(field) ||
    /^clientParts\.\d+\.(name|description|quantity)$/.test(field)
  );
}
