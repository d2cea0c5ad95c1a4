import { render, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { barSeries, labelledWeeks, stackLabels, weekAxes, weekBarOptions, weekData } from "./bars";
import { Chart, keepNavigatorLanguageValid } from "./Chart";
import { withAlpha, type ChartTheme } from "./theme";
import { drawn } from "../../test/uplot-double";

vi.mock("uplot", () => import("../../test/uplot-double"));

const THEME: ChartTheme = {
  text: "#111111",
  muted: "#555555",
  grid: "#eeeeee",
  axis: "#888888",
  accent: "#4f46e5",
  success: "#067647",
  danger: "#b42318",
  family: '"Noto Sans", system-ui',
};

describe("chart builders", () => {
  it("lays weeks out by index, oldest first in reading direction", () => {
    expect(weekData([3, 0, 2], [1, 1, 0])).toEqual([
      [0, 1, 2],
      [3, 0, 2],
      [1, 1, 0],
    ]);
    const ltr = weekBarOptions(3, false, [barSeries({ fill: THEME.accent })]);
    const rtl = weekBarOptions(3, true, [barSeries({ fill: THEME.accent })]);
    expect(ltr.scales?.x?.dir).toBe(1);
    expect(rtl.scales?.x?.dir).toBe(-1);
    // One slot a week, and counts from zero.
    type Range = (u: null, min: number, max: number) => [number, number];
    const xRange = ltr.scales?.x?.range as unknown as Range;
    const yRange = ltr.scales?.y?.range as unknown as Range;
    expect(xRange(null, 0, 2)).toEqual([-0.5, 2.5]);
    expect(yRange(null, 2, 4)).toEqual([0, 4]);
    expect(yRange(null, 0, 0)).toEqual([0, 1]);
    expect(ltr.series).toHaveLength(2);
  });

  it("puts week names under the bars and the counts at the line's start", () => {
    const [x, y] = weekAxes(THEME, false, ["Jan 6", "Jan 13"]);
    const values = x?.values as (u: unknown, splits: number[]) => string[];
    expect(values(null, [0, 1])).toEqual(["Jan 6", "Jan 13"]);
    expect(x?.font).toBe('400 11px "Noto Sans", system-ui');
    expect(y?.side).toBe(3);
    expect(weekAxes(THEME, true, [])[1]?.side).toBe(1);
  });

  it("names as many weeks as fit, always the newest", () => {
    // 12 weeks on 600px: 50px a slot.
    expect(labelledWeeks(Array<number>(12).fill(40), 600)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // Longer (Arabic) names: every second week, counted back from this week.
    expect(labelledWeeks(Array<number>(12).fill(60), 600)).toEqual([1, 3, 5, 7, 9, 11]);
    expect(labelledWeeks(Array<number>(12).fill(60), 300)).toEqual([2, 5, 8, 11]);
    expect(labelledWeeks([], 300)).toEqual([]);
    expect(labelledWeeks([10, 10], 0)).toEqual([1]);
  });

  it("stacks overlay labels on rows so that none overlap", () => {
    const stack = (labels: { at: number; width: number }[]) =>
      stackLabels(labels, 400).map(({ row, back }) => ({ row, back }));
    // Far apart: one row. Close together: a second row. Near the end: runs back.
    expect(
      stack([
        { at: 0.1, width: 50 },
        { at: 0.5, width: 50 },
      ]),
    ).toEqual([
      { row: 0, back: false },
      { row: 0, back: false },
    ]);
    expect(
      stack([
        { at: 0.1, width: 100 },
        { at: 0.2, width: 100 },
        { at: 0.95, width: 100 },
      ]),
    ).toEqual([
      { row: 0, back: false },
      { row: 1, back: false },
      { row: 0, back: true },
    ]);
  });

  it("keeps the chart library loading when the system locale is one Intl refuses (LANG=C)", () => {
    const posix = { language: "c" } as Navigator;
    expect(() => new Intl.NumberFormat(posix.language)).toThrow(RangeError);
    keepNavigatorLanguageValid(posix);
    expect(posix.language).toBe("en-US");
    const arabic = { language: "ar-SA" } as Navigator;
    keepNavigatorLanguageValid(arabic);
    expect(arabic.language).toBe("ar-SA");
  });

  it("makes a token colour translucent", () => {
    expect(withAlpha("#4f46e5", 0.55)).toBe("#4f46e58c");
    expect(withAlpha("rgb(1 2 3)", 0.5)).toBe("rgb(1 2 3)");
  });
});

describe("Chart", () => {
  it("draws once, takes new data without a new chart, and goes away on unmount", async () => {
    const options = weekBarOptions(2, false, [barSeries({ fill: THEME.accent })]);
    const before = drawn.length;
    const { rerender, unmount, getByTestId } = render(
      <Chart
        options={options}
        data={weekData([1, 2])}
        height={40}
        role="img"
        aria-label="Two weeks"
        data-testid="c"
      />,
    );
    expect(getByTestId("c")).toHaveAccessibleName("Two weeks");
    await waitFor(() => {
      expect(drawn).toHaveLength(before + 1);
    });
    const chart = drawn.at(-1);
    expect(chart?.options.height).toBe(40);
    expect(chart?.options.width).toBeGreaterThan(0);

    rerender(<Chart options={options} data={weekData([5, 6])} height={40} data-testid="c" />);
    expect(drawn).toHaveLength(before + 1);
    expect(chart?.data[1]).toEqual([5, 6]);

    unmount();
    expect(chart?.destroyed).toBe(true);
  });
});
