import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { DamageMark } from "../../../lib/api/client";
import { BODY_VIEWS } from "../../../test/fakeOrders";
import BodyDiagram from "./BodyDiagram.svelte";

/** Puts a view on screen at `scale` pixels per unit (jsdom lays nothing out). */
export function placeView(testid: string, left: number, top: number, width: number, height: number): SVGSVGElement {
  const svg = screen.getByTestId(testid) as unknown as SVGSVGElement;
  svg.getBoundingClientRect = () => ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) });
  return svg;
}

function renderDiagram(marks: DamageMark[] = [], props: { selected?: number | null; full?: boolean } = {}) {
  const onadd = vi.fn();
  const onselect = vi.fn();
  render(BodyDiagram, { props: { views: BODY_VIEWS, marks, onadd, onselect, ...props } });
  return { onadd, onselect };
}

describe("BodyDiagram", () => {
  it("draws the five views from the core with their captions", () => {
    renderDiagram();
    for (const view of ["left", "right", "front", "top", "rear"]) {
      const svg = screen.getByTestId(`intake-diagram-${view}`);
      const outline = BODY_VIEWS.find((o) => o.view === view)!;
      expect(svg.getAttribute("viewBox")).toBe(`0 0 ${outline.width} ${outline.height}`);
      expect(svg.querySelector(".outline")!.getAttribute("d")).toBe(outline.outline);
      expect(svg.querySelector(".details")!.getAttribute("d")).toBe(outline.details);
    }
    const captions = Array.from(document.querySelectorAll("figcaption")).map((c) => c.textContent!.replace(/\s+/g, " ").trim());
    expect(captions).toEqual(["Слева", "Спереди", "Справа", "Сзади", "Сверху · перёд слева"]);
    expect(screen.getByTestId("intake-diagram-legend").textContent).toContain("Ц Царапина");
  });

  it("turns a click into thousandths of the view's box, at any size", async () => {
    const { onadd } = renderDiagram();
    // The left view (460×150) drawn at 920×300 px from (20, 40).
    const left = placeView("intake-diagram-left", 20, 40, 920, 300);
    await fireEvent.click(left, { clientX: 20 + 230, clientY: 40 + 150 });
    expect(onadd).toHaveBeenLastCalledWith("left", { x: 250, y: 500 });
    // The front view (190×150) drawn at its own size.
    const front = placeView("intake-diagram-front", 0, 0, 190, 150);
    await fireEvent.click(front, { clientX: 95, clientY: 15 });
    expect(onadd).toHaveBeenLastCalledWith("front", { x: 500, y: 100 });
  });

  it("marks the middle of a view with Enter", async () => {
    const { onadd } = renderDiagram();
    await fireEvent.keyDown(screen.getByTestId("intake-diagram-rear"), { key: "Enter" });
    expect(onadd).toHaveBeenCalledWith("rear", { x: 500, y: 500 });
  });

  it("draws the marks numbered in the list's order and selects one on a click", async () => {
    const marks: DamageMark[] = [
      { view: "left", x: 500, y: 200, kind: "scratch", note: "" },
      { view: "top", x: 100, y: 900, kind: "dent", note: "" },
      { view: "left", x: 0, y: 1000, kind: "corrosion", note: "" },
    ];
    const { onadd, onselect } = renderDiagram(marks, { selected: 2 });
    const second = screen.getByTestId("intake-diagram-mark-1");
    expect(second.closest("svg")!.getAttribute("data-testid")).toBe("intake-diagram-top");
    expect(second.querySelector("circle")!.getAttribute("cx")).toBe("46");
    expect(second.querySelector("circle")!.getAttribute("cy")).toBe("171");
    expect(second.querySelector("text")!.textContent).toBe("2");
    expect(screen.getByTestId("intake-diagram-mark-2").querySelector("text")!.textContent).toBe("3");
    expect(screen.getByTestId("intake-diagram-mark-2").classList.contains("selected")).toBe(true);
    await fireEvent.click(second);
    expect(onselect).toHaveBeenCalledWith(1);
    expect(onadd).not.toHaveBeenCalled();
  });

  it("adds nothing when the act is full", async () => {
    const { onadd } = renderDiagram([], { full: true });
    await fireEvent.click(placeView("intake-diagram-left", 0, 0, 460, 150), { clientX: 10, clientY: 10 });
    await fireEvent.keyDown(screen.getByTestId("intake-diagram-left"), { key: "Enter" });
    expect(onadd).not.toHaveBeenCalled();
  });
});
