import { describe, expect, it } from "vitest";
import type { DamageMark } from "../../../lib/api/client";
import { orderView } from "../../../test/fakeOrders";
import {
  LIMITS,
  addMark,
  complaintsOf,
  draftOf,
  driverSuggestions,
  emptyForm,
  formOf,
  fromPerMille,
  isDirty,
  isShownField,
  marksOfView,
  nudged,
  odometerDecreased,
  odometerKm,
  orderedViews,
  screenToBox,
  toPerMille,
  viewSize,
} from "./intake";

const mark = (view: DamageMark["view"], x = 500, y = 500): DamageMark => ({ view, x, y, kind: "dent", note: "" });

describe("the intake form", () => {
  it("starts with one key, an empty tank and the prefilled complaints", () => {
    const form = emptyForm("Стук спереди");
    expect(form.checklist.keys).toBe(1);
    expect(form.fuelQuarters).toBe(0);
    expect(form.complaints).toBe("Стук спереди");
  });

  it("takes the complaints from the appointment: the client's words, then the works", () => {
    expect(complaintsOf("  Стук справа ", [{ name: "Диагностика подвески" }, { name: "Замена масла" }])).toBe(
      "Стук справа\nДиагностика подвески, Замена масла",
    );
    expect(complaintsOf("", [{ name: "Замена масла" }])).toBe("Замена масла");
    expect(complaintsOf(" ", [])).toBe("");
  });

  it.each([
    ["84500", 84500],
    ["84 500", 84500],
    [" 1\u00a0234 ", 1234],
    ["", null],
    ["12a", null],
    ["-5", null],
    ["1,5", null],
  ])("reads the odometer %j as %j", (text, km) => {
    expect(odometerKm(text)).toBe(km);
  });

  it("asks for a reason only below the last reading", () => {
    expect(odometerDecreased("84 000", 84500)).toBe(true);
    expect(odometerDecreased("84500", 84500)).toBe(false);
    expect(odometerDecreased("90000", 84500)).toBe(false);
    expect(odometerDecreased("100", null)).toBe(false);
    expect(odometerDecreased("", 84500)).toBe(false);
  });

  it("builds the draft as the core takes it, the reason only while asked", () => {
    const form = emptyForm();
    form.odometer = " 84 000 ";
    form.odometerReason = "Замена щитка";
    form.clientParts.push({ name: "Масло", description: "", quantity: "4" });
    form.damage.push(mark("left", 300, 400));
    form.photos.push("photos/a.jpg");
    const draft = draftOf(form, true);
    expect(draft).toEqual({
      odometer: "84 000",
      odometerReason: "Замена щитка",
      fuelQuarters: 0,
      checklist: emptyForm().checklist,
      belongings: "",
      complaints: "",
      clientParts: [{ name: "Масло", description: "", quantity: "4" }],
      damage: [{ view: "left", x: 300, y: 400, kind: "dent", note: "" }],
      photos: ["photos/a.jpg"],
      handedOverBy: "",
    });
    expect(draft.damage![0]).not.toBe(form.damage[0]);
    expect(draftOf(form, false).odometerReason).toBe("");
  });

  it("carries who handed the car over, as typed (the core trims it)", () => {
    const form = emptyForm();
    expect(form.handedOverBy).toBe("");
    form.handedOverBy = " Сидоров Олег, +7 916 555-00-11 ";
    expect(draftOf(form, false).handedOverBy).toBe(" Сидоров Олег, +7 916 555-00-11 ");
    expect(isDirty(form, emptyForm())).toBe(true);
    expect(isShownField("handedOverBy")).toBe(true);
  });

  it("suggests a company's contact persons as the driver, the car's own driver first", () => {
    const contact = (id: string, name: string, phone: string | null, position = "") => ({ id, name, position, phone, email: null });
    const contacts = [
      contact("k1", "Петров Пётр", "+79161112233", "Механик"),
      contact("k2", "  ", "+79160000000"),
      contact("k3", "Сидоров Олег", null, "Водитель"),
      contact("k4", "Петров Пётр", "+79161112233"),
    ];
    expect(driverSuggestions(contacts)).toEqual([
      { value: "Петров Пётр, +7 916 111-22-33", hint: "Механик" },
      { value: "Сидоров Олег", hint: "Водитель" },
    ]);
    expect(driverSuggestions(contacts, { id: "k3", name: "Сидоров Олег" }).map((s) => s.value)).toEqual([
      "Сидоров Олег",
      "Петров Пётр, +7 916 111-22-33",
    ]);
    expect(driverSuggestions([])).toEqual([]);
  });

  it("is dirty once anything is typed, checked or marked", () => {
    const base = emptyForm("Стук");
    const form = emptyForm("Стук");
    expect(isDirty(form, base)).toBe(false);
    form.checklist.mats = true;
    expect(isDirty(form, base)).toBe(true);
    form.checklist.mats = false;
    form.damage.push(mark("top"));
    expect(isDirty(form, base)).toBe(true);
  });
});

describe("an order's intake as a form («Изменить приёмку»)", () => {
  const stored = () =>
    orderView({
      intake: {
        ...orderView().intake,
        clientParts: [
          { name: "Масло Shell Helix 5W-30", description: "канистра 4 л", quantity: 4000 },
          { name: "Антифриз", description: "", quantity: 1500 },
        ],
        photos: ["photos/0193-a.jpg"],
      },
    }).intake;

  it("gives every field back as the operator typed it", () => {
    const form = formOf(stored());
    expect(form.odometer).toBe("84500");
    expect(form.odometerReason).toBe("");
    expect(form.fuelQuarters).toBe(2);
    expect(form.checklist).toEqual(orderView().intake.checklist);
    expect(form.belongings).toBe("Детское кресло");
    expect(form.complaints).toBe("Стук спереди справа на неровностях");
    expect(form.clientParts).toEqual([
      { name: "Масло Shell Helix 5W-30", description: "канистра 4 л", quantity: "4" },
      { name: "Антифриз", description: "", quantity: "1,5" },
    ]);
    expect(form.damage).toEqual(orderView().intake.damage);
    expect(form.photos).toEqual(["photos/0193-a.jpg"]);
    expect(form.handedOverBy).toBe("");
    expect(formOf({ ...stored(), handedOverBy: "Сидоров Олег" }).handedOverBy).toBe("Сидоров Олег");
  });

  it("leaves the odometer empty when none was recorded, and copies rather than shares", () => {
    const intake = stored();
    const form = formOf({ ...intake, odometerKm: null });
    expect(form.odometer).toBe("");
    form.damage[0]!.note = "другое";
    form.photos.push("x.jpg");
    expect(intake.damage[0]!.note).toBe("Задняя дверь");
    expect(intake.photos).toEqual(["photos/0193-a.jpg"]);
  });

  it("is not dirty as opened, and sends the same intake back untouched", () => {
    const intake = stored();
    expect(isDirty(formOf(intake), formOf(intake))).toBe(false);
    const draft = draftOf(formOf(intake), false);
    expect(draft.odometer).toBe("84500");
    expect(draft.clientParts?.map((p) => p.quantity)).toEqual(["4", "1,5"]);
    expect(draft.damage).toEqual(intake.damage);
  });
});

describe("the body diagram's coordinates", () => {
  it("maps a click into the view box, also when the SVG is drawn larger or letterboxed", () => {
    const rect = { left: 100, top: 50, width: 920, height: 300 }; // 460×150 at twice the size
    expect(screenToBox(100 + 460, 50 + 150, rect, 460, 150)).toEqual({ x: 230, y: 75 });
    // A wider box than the view: the view is centred horizontally.
    const wide = { left: 0, top: 0, width: 600, height: 150 };
    expect(screenToBox(70, 0, wide, 460, 150)).toEqual({ x: 0, y: 0 });
    expect(screenToBox(10, 10, { left: 0, top: 0, width: 0, height: 0 }, 460, 150)).toBeNull();
  });

  it("stores thousandths from the top-left, whole and inside 0..1000", () => {
    expect(toPerMille(230, 75, 460, 150)).toEqual({ x: 500, y: 500 });
    expect(toPerMille(100, 33, 460, 150)).toEqual({ x: 217, y: 220 });
    expect(toPerMille(-3, 160, 460, 150)).toEqual({ x: 0, y: 1000 });
    expect(fromPerMille({ x: 500, y: 220 }, 460, 150)).toEqual({ x: 230, y: 33 });
  });

  it("takes the core's view size, or the act's own when it is missing", () => {
    expect(viewSize({ view: "top", width: 400, height: 170 })).toEqual({ width: 400, height: 170 });
    expect(viewSize({ view: "top", width: null, height: null })).toEqual({ width: 460, height: 190 });
    expect(viewSize({ view: "front", width: 0, height: Number.NaN })).toEqual({ width: 190, height: 150 });
  });

  it("orders the views as the act lays them out", () => {
    const outline = (view: DamageMark["view"]) => ({ view, width: 1, height: 1, outline: "", details: "" });
    expect(orderedViews([outline("top"), outline("rear"), outline("left"), outline("front"), outline("right")]).map((o) => o.view)).toEqual([
      "left",
      "right",
      "front",
      "top",
      "rear",
    ]);
  });
});

describe("damage marks", () => {
  it("numbers the marks in the list's order across the views", () => {
    const damage = [mark("left"), mark("top"), mark("left")];
    expect(marksOfView(damage, "left").map((m) => [m.index, m.number])).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(marksOfView(damage, "rear")).toEqual([]);
  });

  it("adds a mark of the chosen kind, up to the act's limit", () => {
    const damage: DamageMark[] = [];
    expect(addMark(damage, "front", { x: 10, y: 20 }, "chip")).toEqual({ view: "front", x: 10, y: 20, kind: "chip", note: "" });
    while (damage.length < LIMITS.marks) addMark(damage, "top", { x: 1, y: 1 }, "dent");
    expect(addMark(damage, "top", { x: 1, y: 1 }, "dent")).toBeNull();
    expect(damage).toHaveLength(100);
  });

  it("moves a mark with the arrows without leaving its box", () => {
    expect(nudged({ x: 500, y: 995 }, 10, 10)).toEqual({ x: 510, y: 1000 });
    expect(nudged({ x: 5, y: 0 }, -50, -10)).toEqual({ x: 0, y: 0 });
  });

  it("knows which core fields it shows next to an input", () => {
    expect(isShownField("odometer")).toBe(true);
    expect(isShownField("damage.3.note")).toBe(true);
    expect(isShownField("clientParts.0.quantity")).toBe(true);
    expect(isShownField("checklist.keys")).toBe(true);
    expect(isShownField("damage.1.x")).toBe(false);
    expect(isShownField("vehicleId")).toBe(false);
    expect(isShownField("photos.2")).toBe(false);
  });
});
