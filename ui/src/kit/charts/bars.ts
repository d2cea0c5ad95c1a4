import type uPlot from "uplot";
import type { ChartOptions, ChartSeries } from "./Chart";
import { chartFont, type ChartTheme } from "./theme";

/** Plain data for a bar chart of weeks: x is the week's index, then one array a series. */
export function weekData(...series: readonly (readonly number[])[]): uPlot.AlignedData {
  const count = series[0]?.length ?? 0;
  return [Array.from({ length: count }, (_, i) => i), ...series.map((values) => [...values])];
}

/**
 * Options for bars over `count` weeks: one slot a week, oldest first in
 * reading direction (uPlot's x scale runs right to left in Arabic), counts
 * from zero, no cursor, legend or selection. Axes are hidden unless given.
 */
export function weekBarOptions(
  count: number,
  rtl: boolean,
  series: ChartSeries[],
  more: Partial<ChartOptions> = {},
): ChartOptions {
  return {
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    padding: [0, 0, 0, 0],
    axes: [{ show: false }, { show: false }],
    ...more,
    scales: {
      x: { time: false, dir: rtl ? -1 : 1, range: () => [-0.5, count - 0.5] },
      y: { range: (_u, _min, max) => [0, Math.max(1, max) * (1 + headroom(more))] },
    },
    series: [{}, ...series],
  };
}

function headroom(more: Partial<ChartOptions>): number {
  return more.hooks?.draw === undefined ? 0 : 0.18;
}

interface BarOptions {
  label?: string;
  fill: string;
  /** Where the bar sits against its week: -1 before, 0 centred, 1 after (in time order). */
  align?: -1 | 0 | 1;
  /** Share of the week's slot, and the widest a bar gets, in CSS pixels. */
  size?: [number, number];
  /** A colour a bar (by week index), overriding `fill`. */
  fills?: (index: number) => string;
  each?: uPlot.Series.BarsPathBuilderOpts["each"];
}

/** One series of bars, rounded at the top. */
export function barSeries({
  label,
  fill,
  align = 0,
  size = [0.7, 24],
  fills,
  each,
}: BarOptions): ChartSeries {
  return {
    label,
    fill,
    stroke: fill,
    width: 0,
    points: { show: false },
    bars: {
      align,
      size,
      radius: [0.15, 0],
      each,
      disp:
        fills === undefined
          ? undefined
          : {
              fill: {
                // uPlot's const enums cannot be read under isolatedModules: 3 is its "colour" unit.
                // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
                unit: 3 as uPlot.Series.BarsPathBuilderFacetUnit,
                values: (u, seriesIdx) =>
                  Array.from({ length: u.data[seriesIdx]?.length ?? 0 }, (_, i) => fills(i)),
              },
            },
    },
  };
}

/** Week names under the bars and a count axis at the line's start (left, or right in Arabic). */
export function weekAxes(theme: ChartTheme, rtl: boolean, labels: readonly string[]): uPlot.Axis[] {
  const font = chartFont(theme, 11);
  const common = { stroke: theme.muted, font, ticks: { show: false } };
  return [
    {
      ...common,
      grid: { show: false },
      // As many week names as fit side by side, always the newest week's.
      splits: (u) => {
        const ratio = window.devicePixelRatio || 1;
        const widths = labels.map((label) => textWidth(font, label));
        return labelledWeeks(widths, u.bbox.width / ratio);
      },
      values: (_u, splits) => splits.map((i) => labels[i] ?? ""),
    },
    {
      ...common,
      // uPlot's sides (a const enum): 1 right, 3 left.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
      side: rtl ? 1 : 3,
      size: 32,
      grid: { stroke: theme.grid, width: 1 },
      incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
      values: (_u, splits) => splits.map((v) => String(v)),
    },
  ];
}

let measurer: CanvasRenderingContext2D | null | undefined;
/** How wide `text` is in `font`, in CSS pixels (a generous estimate where there is no canvas). */
export function textWidth(font: string, text: string): number {
  if (measurer === undefined) {
    try {
      measurer = document.createElement("canvas").getContext("2d");
    } catch {
      measurer = null;
    }
  }
  if (measurer === null || typeof measurer.measureText !== "function") return Array.from(text).length * 7;
  measurer.font = font;
  return measurer.measureText(text).width;
}

/**
 * Which weeks get a name under them when the names are `widths` wide on a
 * plot `plotWidth` wide (one slot a week): every week when they fit, else
 * every second, third… counted back from the newest, so this week is always named.
 */
export function labelledWeeks(widths: readonly number[], plotWidth: number, gap = 8): number[] {
  const count = widths.length;
  if (count === 0) return [];
  const slot = plotWidth / count;
  const widest = Math.max(...widths);
  const step = slot > 0 ? Math.max(1, Math.ceil((widest + gap) / slot)) : count;
  const weeks: number[] = [];
  for (let i = count - 1; i >= 0; i -= step) weeks.unshift(i);
  return weeks;
}

/**
 * The value over each bar, drawn on the canvas after the bars: bars report
 * where they were drawn (`each`), the draw hook writes the numbers.
 */
export function barValueLabels(theme: ChartTheme, rtl: boolean, format: (value: number) => string) {
  const boxes = new Map<string, { x: number; y: number; value: number }>();
  const each: NonNullable<BarOptions["each"]> = (u, seriesIdx, idx, left, top, width) => {
    const value = u.data[seriesIdx]?.[idx];
    if (typeof value === "number")
      boxes.set(`${String(seriesIdx)}:${String(idx)}`, { x: left + width / 2, y: top, value });
  };
  const hooks: uPlot.Hooks.Arrays = {
    setData: [
      () => {
        boxes.clear();
      },
    ],
    draw: [
      (u) => {
        const ctx = u.ctx;
        ctx.save();
        // Canvas pixels: uPlot draws at the screen's pixel ratio.
        const ratio = window.devicePixelRatio || 1;
        ctx.font = chartFont(theme, 11 * ratio);
        ctx.fillStyle = theme.text;
        ctx.textAlign = "center";
        ctx.textBaseline = "bottom";
        ctx.direction = rtl ? "rtl" : "ltr";
        for (const box of boxes.values())
          if (box.value > 0) ctx.fillText(format(box.value), box.x, box.y - 3 * ratio);
        ctx.restore();
      },
    ],
  };
  return { each, hooks };
}

/** A label over a chart: where it starts (0–1 of the width, from the line's start) and how wide it is (px). */
export interface OverlayLabel {
  at: number;
  width: number;
}

/** Where each label goes: its row (0 at the top) and whether it runs back from its point (near the end). */
export interface PlacedLabel {
  row: number;
  back: boolean;
}

/**
 * Stacks labels on as few rows as keeps them from overlapping: each runs
 * from its point towards the line's end (or back when it would not fit) and
 * takes the first row where it clears every label already there.
 */
export function stackLabels<T extends OverlayLabel>(
  labels: readonly T[],
  plotWidth: number,
  gap = 6,
): (T & PlacedLabel)[] {
  const rows: [number, number][][] = [];
  return labels.map((label) => {
    const { at, width } = label;
    const point = at * plotWidth;
    const back = point + width > plotWidth && point - width >= 0;
    const span: [number, number] = back ? [point - width, point] : [point, point + width];
    let row = rows.findIndex((taken) => taken.every(([s, e]) => span[1] + gap <= s || span[0] >= e + gap));
    if (row === -1) row = rows.push([]) - 1;
    rows[row]?.push(span);
    return { ...label, row, back };
  });
}
