import { fireEvent, render } from "@testing-library/svelte";
import { tick, type ComponentProps } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import ScheduleCalendar from "./ScheduleCalendar.svelte";
import type { CalendarEvent } from "./calendar";

type Props = ComponentProps<typeof ScheduleCalendar>;

// jsdom has no layout: EventCalendar needs a ResizeObserver to mount at all.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

beforeEach(() => {
  vi.stubGlobal("ResizeObserver", NoResizeObserver);
});

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(document, "elementsFromPoint");
});

const MECHANICS = [
  { id: "m1", title: "Иванов", colour: "#2563a8" },
  { id: "m2", title: "Петров", colour: "#f6c945" },
];

function appointment(over: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    id: "a1",
    resourceId: "m1",
    start: "2026-04-15T10:00:00",
    end: "2026-04-15T11:00:00",
    title: "ТО-2",
    lines: ["Сидоров П.", "Kia Rio А123ВС77"],
    colour: "#2563a8",
    faded: false,
    ...over,
  };
}

function props(over: Partial<Props> = {}): Props {
  return {
    view: "week",
    date: "2026-04-15",
    resources: MECHANICS,
    events: [appointment()],
    background: [{ resourceId: "m1", start: "2026-04-15T09:00:00", end: "2026-04-15T18:00:00" }],
    slotMin: "08:00",
    slotMax: "21:00",
    locale: "ru",
    onMove: vi.fn(),
    onSlotClick: vi.fn(),
    onEventClick: vi.fn(),
    onRangeChange: vi.fn(),
    ...over,
  };
}

async function settle(): Promise<void> {
  await tick();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function blocks(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>("article.ec-event")];
}

describe("ScheduleCalendar", () => {
  it("puts a block at its wall-clock time: 10:00 is two hours below 08:00", async () => {
    const { container } = render(ScheduleCalendar, { props: props() });
    await settle();
    const [block] = blocks(container);
    // slotHeight 26px per 30 minutes: 4 slots = 104px, one hour tall = 52px.
    expect(block!.style.insetBlockStart).toBe("104px");
    expect(block!.style.blockSize).toBe("52px");
    expect(block!.querySelector(".rz-time")!.textContent).toBe("10:00");
    expect(block!.querySelector(".rz-block")!.getAttribute("title")).toBe("10:00–11:00 ТО-2\nСидоров П.\nKia Rio А123ВС77");
  });

  it("renders title and lines as text, never as markup", async () => {
    const hostile = appointment({ title: "<img src=x onerror=alert(1)>", lines: ["<b>Сидоров</b>", "Kia"] });
    const { container } = render(ScheduleCalendar, { props: props({ events: [hostile] }) });
    await settle();
    const [block] = blocks(container);
    expect(block!.querySelector("img, b")).toBeNull();
    expect(block!.querySelector(".rz-title")!.textContent).toBe("<img src=x onerror=alert(1)>");
    expect([...block!.querySelectorAll(".rz-line")].map((l) => l.textContent)).toEqual(["<b>Сидоров</b>", "Kia"]);
  });

  it("shows each mechanic as a column group with their colour", async () => {
    const { container } = render(ScheduleCalendar, { props: props() });
    await settle();
    expect(container.querySelector(".ec")!.classList.contains("ec-resource")).toBe(true);
    const names = [...container.querySelectorAll(".resource .name")].map((n) => n.textContent);
    expect(names).toEqual(["Иванов", "Петров"]);
  });

  it("shows a single mechanic as a plain week", async () => {
    const { container } = render(ScheduleCalendar, { props: props({ resources: [MECHANICS[0]!] }) });
    await settle();
    const root = container.querySelector(".ec")!;
    expect(root.classList.contains("ec-resource")).toBe(false);
    expect(root.classList.contains("ec-week-view")).toBe(true);
    expect(container.querySelectorAll(".ec-col-head")).toHaveLength(7);
    expect(blocks(container)).toHaveLength(1);
  });

  it("greys off-time: the parts of each mechanic's days outside their shifts", async () => {
    const { container } = render(ScheduleCalendar, { props: props() });
    await settle();
    // m1: Wednesday 08–09 and 18–21, six other days whole; m2: seven whole days.
    expect(container.querySelectorAll(".ec-bg-event.rz-off")).toHaveLength(2 + 6 + 7);
  });

  it("dims faded blocks", async () => {
    const { container } = render(ScheduleCalendar, { props: props({ events: [appointment({ faded: true })] }) });
    await settle();
    expect(blocks(container)[0]!.classList.contains("rz-faded")).toBe(true);
  });

  it("reports the shown days once per change of range", async () => {
    const onRangeChange = vi.fn();
    const { rerender } = render(ScheduleCalendar, { props: props({ onRangeChange }) });
    await settle();
    expect(onRangeChange.mock.calls).toEqual([["2026-04-13", "2026-04-20"]]);

    await rerender({ date: "2026-04-17" });
    await settle();
    await rerender({ resources: [MECHANICS[0]!] });
    await settle();
    expect(onRangeChange).toHaveBeenCalledTimes(1);

    await rerender({ date: "2026-04-21" });
    await settle();
    await rerender({ view: "day" });
    await settle();
    expect(onRangeChange.mock.calls.slice(1)).toEqual([
      ["2026-04-20", "2026-04-27"],
      ["2026-04-21", "2026-04-22"],
    ]);
  });

  it("updates in place: new events and a new date keep the same calendar element", async () => {
    const { container, rerender } = render(ScheduleCalendar, { props: props() });
    await settle();
    const root = container.querySelector(".ec");

    await rerender({ events: [appointment(), appointment({ id: "a2", resourceId: "m2", start: "2026-04-16T12:00:00", end: "2026-04-16T13:30:00" })] });
    await settle();
    expect(blocks(container)).toHaveLength(2);

    await rerender({ date: "2026-04-22", events: [] });
    await settle();
    expect(blocks(container)).toHaveLength(0);
    expect(container.querySelector(".ec")).toBe(root);
  });

  it("tells which block was clicked", async () => {
    const onEventClick = vi.fn();
    const { container } = render(ScheduleCalendar, { props: props({ onEventClick }) });
    await settle();
    await fireEvent.click(blocks(container)[0]!);
    expect(onEventClick).toHaveBeenCalledWith("a1");
  });

  it("tells the time and the mechanic of a clicked empty slot", async () => {
    const onSlotClick = vi.fn();
    const { container } = render(ScheduleCalendar, {
      props: props({ view: "day", date: "2026-04-15", onSlotClick }),
    });
    await settle();
    // The body's day cells, one per mechanic; the second is Петров's.
    const days = [...container.querySelectorAll<HTMLElement>(".ec-body .ec-day")];
    expect(days).toHaveLength(2);
    const day = days[1]!;
    // Give jsdom the geometry a browser would have: 26 slots of 26px.
    const height = 26 * 26;
    Object.defineProperty(day, "offsetHeight", { configurable: true, value: height });
    day.getBoundingClientRect = () => new DOMRect(0, 0, 100, height);
    // jsdom has no elementsFromPoint; the calendar finds the cell under the pointer with it.
    Object.defineProperty(document, "elementsFromPoint", { configurable: true, value: () => [day] });

    // 12:15 is 4h15m below 08:00: 17 snaps of 15 minutes, 13px each.
    const y = 17 * 13 + 5;
    await fireEvent.pointerDown(day, { isPrimary: true, pointerType: "mouse", buttons: 1, clientX: 50, clientY: y });
    await fireEvent.pointerUp(window, { isPrimary: true, pointerType: "mouse", clientX: 50, clientY: y });
    expect(onSlotClick).toHaveBeenCalledWith({ start: "2026-04-15T12:15:00", resourceId: "m2" });
  });
});
