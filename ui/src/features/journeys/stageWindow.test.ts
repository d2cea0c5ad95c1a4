import { describe, expect, it } from "vitest";
import { firstDrawn, stagesInView } from "./stageWindow";

/** Twelve stage heads of 240 px after a 176 px label column, as laid out left to right. */
const ltr = Array.from({ length: 12 }, (_, i) => ({ left: 176 + i * 240, right: 176 + (i + 1) * 240 }));
/** The same, right to left: the first stage at the right of a 3,056 px grid. */
const rtl = ltr.map((h) => ({ left: 3056 - h.right, right: 3056 - h.left }));

describe("the stages a map draws", () => {
  it("draws those in view and one stage's width either side", () => {
    // A 900 px scroller at the start: stages 0-2 show, 3 barely, 4 starts within the room after.
    expect(stagesInView(ltr, { left: 0, right: 900 }, null)).toEqual({ from: 0, to: 4 });
    // Scrolled to the middle: 4-7 show; 3 and 8-9 reach into the room either side.
    expect(stagesInView(ltr, { left: 1200, right: 2100 }, null)).toEqual({ from: 3, to: 9 });
  });

  it("reads right to left the same way: the first stages sit at the right", () => {
    expect(stagesInView(rtl, { left: 2156, right: 3056 }, null)).toEqual({ from: 0, to: 4 });
  });

  it("keeps the stage holding the focus drawn, however far it scrolled", () => {
    expect(stagesInView(ltr, { left: 2000, right: 2900 }, 0)).toEqual({ from: 0, to: 11 });
  });

  it("has nothing to say without stages", () => {
    expect(stagesInView([], { left: 0, right: 900 }, null)).toBeNull();
  });

  it("draws, before measuring, as many stages as the window shows and the room after them", () => {
    // What the measure finds then, so the map is drawn once: a 1200 px
    // window's 900 px scroller draws 0-4 (above); a 1920 px window's
    // 1,616 px scroller, stages after a 145 px label column (as the app
    // lays them out), draws 0-7.
    expect(firstDrawn(1200)).toBe(5);
    const wide = Array.from({ length: 12 }, (_, i) => ({ left: 145 + i * 240, right: 145 + (i + 1) * 240 }));
    expect(stagesInView(wide, { left: 0, right: 1616 }, null)).toEqual({ from: 0, to: 7 });
    expect(firstDrawn(1920)).toBe(8);
    expect(firstDrawn(400)).toBe(4);
  });
});
