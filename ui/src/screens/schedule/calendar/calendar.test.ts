import { describe, expect, it } from "vitest";
import {
  COLUMN_WIDTH,
  FADED_CLASS,
  OFF_CLASS,
  addDays,
  clockTime,
  escapeHtml,
  eventHtml,
  eventLines,
  formatLocal,
  fromWallMinutes,
  mondayOf,
  offTimeSpans,
  parseLocal,
  textColourFor,
  timeMinutes,
  toBackgroundEvents,
  toCalendarEvents,
  toMove,
  toRange,
  toResources,
  viewName,
  viewOptions,
  visibleDays,
  wallMinutes,
  type BackgroundSpan,
  type CalendarEvent,
} from "./calendar";

function appointment(over: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    id: "a1",
    resourceId: "m1",
    start: "2026-04-15T10:00:00",
    end: "2026-04-15T11:30:00",
    title: "ТО-2",
    lines: ["Иванов И. И.", "Kia Rio А123ВС77"],
    colour: "#2563a8",
    faded: false,
    ...over,
  };
}

describe("local wall-clock strings", () => {
  it.each([
    "2026-04-15T10:00:00",
    "2026-01-01T00:00:00",
    "2026-12-31T23:59:59",
    // Spring-forward night in Europe: still the written time, whatever the zone.
    "2026-03-29T12:30:00",
  ])("%s survives parseLocal → formatLocal", (text) => {
    expect(formatLocal(parseLocal(text))).toBe(text);
  });

  it.each([
    ["2026-04-15", "2026-04-15T00:00:00"],
    ["2026-04-15T09:05", "2026-04-15T09:05:00"],
    ["2026-04-15 09:05:07", "2026-04-15T09:05:07"],
  ])("parseLocal(%s) fills the missing parts", (text, expected) => {
    expect(formatLocal(parseLocal(text))).toBe(expected);
  });

  it.each(["", "15.04.2026", "2026-04-15T10:00:00Z", "2026-04-15T10:00:00+03:00", "10:00"])(
    "parseLocal rejects %j",
    (text) => {
      expect(() => parseLocal(text)).toThrow();
    },
  );

  it("formatLocal and clockTime read the local fields of a Date", () => {
    expect(formatLocal(new Date(2026, 3, 5, 7, 8, 9))).toBe("2026-04-05T07:08:09");
    expect(clockTime(new Date(2026, 3, 5, 7, 8, 9))).toBe("07:08");
  });

  it("wall minutes round-trip and ignore the browser's zone", () => {
    const m = wallMinutes("2026-04-15T10:45:00");
    expect(fromWallMinutes(m)).toBe("2026-04-15T10:45:00");
    expect(wallMinutes("2026-04-16") - wallMinutes("2026-04-15")).toBe(24 * 60);
    // A DST change in the browser's zone would make this 23 or 25 hours with local Dates.
    expect(wallMinutes("2026-03-30") - wallMinutes("2026-03-29")).toBe(24 * 60);
    expect(wallMinutes("2026-10-26") - wallMinutes("2026-10-25")).toBe(24 * 60);
  });

  it.each([
    ["08:00", 480],
    ["8:30", 510],
    ["21:00", 1260],
    ["24:00", 1440],
    ["09:15:00", 555],
  ])("timeMinutes(%s) = %i", (time, minutes) => {
    expect(timeMinutes(time)).toBe(minutes);
  });
});

describe("days", () => {
  it.each([
    ["2026-04-15", 1, "2026-04-16"],
    ["2026-04-30", 1, "2026-05-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2028-03-01", -1, "2028-02-29"],
    ["2026-04-15", -7, "2026-04-08"],
  ])("addDays(%s, %i) = %s", (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it.each([
    ["2026-04-13", "2026-04-13"], // Monday
    ["2026-04-15", "2026-04-13"],
    ["2026-04-19", "2026-04-13"], // Sunday belongs to the week before it
    ["2026-04-20", "2026-04-20"],
    ["2027-01-01", "2026-12-28"],
  ])("mondayOf(%s) = %s", (day, expected) => {
    expect(mondayOf(day)).toBe(expected);
  });

  it("a week runs Monday to Sunday around the date", () => {
    expect(visibleDays("week", "2026-04-19")).toEqual([
      "2026-04-13",
      "2026-04-14",
      "2026-04-15",
      "2026-04-16",
      "2026-04-17",
      "2026-04-18",
      "2026-04-19",
    ]);
  });

  it("a day is itself, even given with a time", () => {
    expect(visibleDays("day", "2026-04-15T13:00:00")).toEqual(["2026-04-15"]);
  });
});

describe("options", () => {
  it.each([
    ["day", 0, "timeGridDay"],
    ["day", 1, "timeGridDay"],
    ["day", 2, "resourceTimeGridDay"],
    ["week", 0, "timeGridWeek"],
    ["week", 1, "timeGridWeek"],
    ["week", 20, "resourceTimeGridWeek"],
  ] as const)("viewName(%s, %i) = %s", (view, count, expected) => {
    expect(viewName(view, count)).toBe(expected);
  });

  it("follows the props", () => {
    const options = viewOptions({
      view: "week",
      date: "2026-04-15",
      resourceCount: 20,
      slotMin: "08:00",
      slotMax: "21:00",
      locale: "ru",
    });
    expect(options).toMatchObject({
      view: "resourceTimeGridWeek",
      date: "2026-04-15",
      locale: "ru",
      slotMinTime: "08:00",
      slotMaxTime: "21:00",
      scrollTime: "08:00",
      columnWidth: COLUMN_WIDTH.resourceWeek,
    });
  });

  it("lets a single mechanic's week fill the width", () => {
    const options = viewOptions({
      view: "week",
      date: "2026-04-15",
      resourceCount: 1,
      slotMin: "09:00",
      slotMax: "20:00",
      locale: "en",
    });
    expect(options.view).toBe("timeGridWeek");
    expect(options.columnWidth).toBeUndefined();
  });

  it("keeps the identity of unchanged values, so the calendar is not told twice", () => {
    const input = { view: "day", date: "2026-04-15", resourceCount: 3, slotMin: "08:00", slotMax: "21:00", locale: "ru" } as const;
    const a = viewOptions(input);
    const b = viewOptions({ ...input, date: "2026-04-16" });
    expect(b.dayHeaderFormat).toBe(a.dayHeaderFormat);
    expect(b.columnWidth).toBe(a.columnWidth);
  });
});

describe("toCalendarEvents", () => {
  const mechanics = [
    { id: "m1", title: "Иванов", colour: "#f6c945" },
    { id: "m2", title: "Петров", colour: "" },
  ];

  it("maps an appointment, colour and lines included", () => {
    expect(toCalendarEvents([appointment()], mechanics)).toEqual([
      {
        id: "a1",
        resourceId: "m1",
        start: "2026-04-15T10:00:00",
        end: "2026-04-15T11:30:00",
        title: "ТО-2",
        backgroundColor: "#2563a8",
        textColor: "#ffffff",
        classNames: [],
        extendedProps: { lines: ["Иванов И. И.", "Kia Rio А123ВС77"] },
      },
    ]);
  });

  it("takes the mechanic's colour when the appointment has none", () => {
    const [event] = toCalendarEvents([appointment({ colour: "" })], mechanics);
    expect(event!.backgroundColor).toBe("#f6c945");
    expect(event!.textColor).toBe("#1f2933");
  });

  it("leaves the default colour when neither has one", () => {
    const [event] = toCalendarEvents([appointment({ resourceId: "m2", colour: "" })], mechanics);
    expect(event!.backgroundColor).toBeUndefined();
    expect(event!.textColor).toBeUndefined();
  });

  it("marks faded blocks", () => {
    const [event] = toCalendarEvents([appointment({ faded: true })], mechanics);
    expect(event!.classNames).toEqual([FADED_CLASS]);
  });

  it("drops appointments of mechanics not shown", () => {
    const events = [appointment({ id: "1", resourceId: "m1" }), appointment({ id: "2", resourceId: "m9" })];
    expect(toCalendarEvents(events, mechanics).map((e) => e.id)).toEqual(["1"]);
    expect(toCalendarEvents(events, [])).toEqual([]);
  });

  it("passes text through as data, never as markup", () => {
    const [event] = toCalendarEvents([appointment({ title: "<img src=x onerror=alert(1)>" })], mechanics);
    expect(event!.title).toBe("<img src=x onerror=alert(1)>");
  });
});

describe("toResources", () => {
  it("keeps order and the colour for the label, and colours no events (nor off-time)", () => {
    expect(
      toResources([
        { id: "m1", title: "Иванов", colour: "#f6c945" },
        { id: "m2", title: "Петров", colour: "" },
      ]),
    ).toEqual([
      { id: "m1", title: "Иванов", extendedProps: { colour: "#f6c945" } },
      { id: "m2", title: "Петров", extendedProps: { colour: "" } },
    ]);
  });
});

describe("offTimeSpans", () => {
  const day = "2026-04-15";
  function check(working: [string, string][], expected: [string, string][], slotMin = "08:00", slotMax = "21:00") {
    const background: BackgroundSpan[] = working.map(([s, e]) => ({
      resourceId: "m1",
      start: `${day}T${s}:00`,
      end: `${day}T${e}:00`,
    }));
    const off = offTimeSpans(background, ["m1"], [day], slotMin, slotMax);
    expect(off.map((s) => [s.start.slice(11, 16), s.end.slice(11, 16)])).toEqual(expected);
    expect(off.every((s) => s.resourceId === "m1")).toBe(true);
  }

  it("greys the whole day without a shift", () => check([], [["08:00", "21:00"]]));
  it("greys before and after a shift", () =>
    check([["09:00", "18:00"]], [
      ["08:00", "09:00"],
      ["18:00", "21:00"],
    ]));
  it("greys a lunch break between two spans", () =>
    check(
      [
        ["13:00", "20:00"],
        ["09:00", "12:00"],
      ],
      [
        ["08:00", "09:00"],
        ["12:00", "13:00"],
        ["20:00", "21:00"],
      ],
    ));
  it("merges overlapping spans", () =>
    check(
      [
        ["09:00", "14:00"],
        ["12:00", "16:00"],
      ],
      [
        ["08:00", "09:00"],
        ["16:00", "21:00"],
      ],
    ));
  it("leaves nothing when the shift covers the grid", () => check([["07:00", "22:00"]], []));
  it("clips to the shown hours", () => check([["06:00", "10:00"]], [["10:00", "21:00"]]));
  it("ignores empty and backward spans", () =>
    check(
      [
        ["10:00", "10:00"],
        ["15:00", "11:00"],
      ],
      [["08:00", "21:00"]],
    ));
  it("runs to midnight with slotMax 24:00", () => {
    const off = offTimeSpans([], ["m1"], [day], "20:00", "24:00");
    expect(off).toEqual([{ resourceId: "m1", start: "2026-04-15T20:00:00", end: "2026-04-16T00:00:00" }]);
  });

  it("treats a night shift from the day before as working time", () => {
    const off = offTimeSpans(
      [{ resourceId: "m1", start: "2026-04-14T20:00:00", end: "2026-04-15T10:00:00" }],
      ["m1"],
      [day],
      "08:00",
      "21:00",
    );
    expect(off).toEqual([{ resourceId: "m1", start: "2026-04-15T10:00:00", end: "2026-04-15T21:00:00" }]);
  });

  it("covers every shown mechanic and day, each with their own shifts", () => {
    const off = offTimeSpans(
      [
        { resourceId: "m1", start: "2026-04-13T09:00:00", end: "2026-04-13T21:00:00" },
        { resourceId: "m2", start: "2026-04-14T08:00:00", end: "2026-04-14T20:00:00" },
        { resourceId: "hidden", start: "2026-04-13T08:00:00", end: "2026-04-13T21:00:00" },
      ],
      ["m1", "m2"],
      ["2026-04-13", "2026-04-14"],
      "08:00",
      "21:00",
    );
    expect(off.map((s) => `${s.resourceId} ${s.start}–${s.end.slice(11)}`)).toEqual([
      "m1 2026-04-13T08:00:00–09:00:00",
      "m1 2026-04-14T08:00:00–21:00:00",
      "m2 2026-04-13T08:00:00–21:00:00",
      "m2 2026-04-14T20:00:00–21:00:00",
    ]);
  });

  it("becomes background events with stable ids", () => {
    const [event] = toBackgroundEvents([{ resourceId: "m1", start: "2026-04-15T08:00:00", end: "2026-04-15T09:00:00" }]);
    expect(event).toEqual({
      id: "off:m1:2026-04-15T08:00:00",
      resourceId: "m1",
      start: "2026-04-15T08:00:00",
      end: "2026-04-15T09:00:00",
      display: "background",
      classNames: [OFF_CLASS],
    });
  });
});

describe("callbacks", () => {
  it("reads a moved block back as wall-clock strings on its new mechanic", () => {
    const move = toMove(
      { id: "a1", start: new Date(2026, 3, 16, 14, 15), end: new Date(2026, 3, 16, 15, 45), resourceIds: ["m2"] },
      "",
    );
    expect(move).toEqual({ id: "a1", start: "2026-04-16T14:15:00", end: "2026-04-16T15:45:00", resourceId: "m2" });
  });

  it("falls back to the sole mechanic of a plain week", () => {
    const move = toMove({ id: 7, start: new Date(2026, 3, 16, 9), end: new Date(2026, 3, 16, 10), resourceIds: [] }, "m1");
    expect(move.id).toBe("7");
    expect(move.resourceId).toBe("m1");
  });

  it("reports the range as days, end exclusive", () => {
    expect(toRange("2026-04-13T00:00:00", "2026-04-20T00:00:00")).toEqual({ from: "2026-04-13", to: "2026-04-20" });
  });

  it.each([
    [{ lines: ["  Иванов ", "", "Kia Rio", 5, null] }, ["Иванов", "Kia Rio"]],
    [{ lines: "Иванов" }, []],
    [{}, []],
  ])("eventLines(%j)", (props, expected) => {
    expect(eventLines(props as Record<string, unknown>)).toEqual(expected);
  });
});

describe("block content", () => {
  it.each([
    ["plain", "plain"],
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    [`"quoted" & 'single'`, "&quot;quoted&quot; &amp; &#39;single&#39;"],
    ["&amp;", "&amp;amp;"],
  ])("escapeHtml(%j)", (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });

  it("shows the start, the title and the lines, with the whole text as a tooltip", () => {
    const html = eventHtml({
      id: "a1",
      title: "ТО-2",
      start: new Date(2026, 3, 15, 9, 5),
      timeText: "09:05–10:00",
      extendedProps: { lines: ["Иванов И. И.", "Kia Rio"] },
    });
    expect(html).toBe(
      '<div class="rz-block" data-event-id="a1" title="09:05–10:00 ТО-2\nИванов И. И.\nKia Rio">' +
        '<div class="rz-head"><span class="rz-time">09:05</span> <span class="rz-title">ТО-2</span></div>' +
        '<div class="rz-line">Иванов И. И.</div><div class="rz-line">Kia Rio</div></div>',
    );
  });

  it("escapes every piece of text, attributes included", () => {
    const hostile = '"><img src=x onerror=alert(1)>';
    const html = eventHtml({
      id: hostile,
      title: hostile,
      start: new Date(2026, 3, 15, 9),
      timeText: hostile,
      extendedProps: { lines: [hostile] },
    });
    const host = document.createElement("div");
    host.innerHTML = html;
    expect(host.querySelector("img")).toBeNull();
    const block = host.querySelector<HTMLElement>(".rz-block")!;
    expect(block.dataset.eventId).toBe(hostile);
    expect(block.title).toBe(`${hostile} ${hostile}\n${hostile}`);
    expect(host.querySelector(".rz-title")!.textContent).toBe(hostile);
    expect(host.querySelector(".rz-line")!.textContent).toBe(hostile);
  });

  it("takes a non-text title as empty", () => {
    const html = eventHtml({ id: 1, title: { html: "<b>x</b>" }, start: new Date(2026, 3, 15, 9), timeText: "", extendedProps: {} });
    expect(html).toContain('<span class="rz-title"></span>');
    expect(html).toContain('title=""');
  });
});

describe("textColourFor", () => {
  it.each([
    ["#2563a8", "#ffffff"],
    ["#000", "#ffffff"],
    ["#ffffff", "#1f2933"],
    ["#f6c945", "#1f2933"],
    ["#FFF", "#1f2933"],
    ["#16a34a", "#1f2933"],
    ["#b42318", "#ffffff"],
    ["rebeccapurple", "#ffffff"],
    ["", "#ffffff"],
  ])("%s → %s", (background, expected) => {
    expect(textColourFor(background)).toBe(expected);
  });
});
