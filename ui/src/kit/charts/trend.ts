import type uPlot from "uplot";
import { labelledWeeks, textWidth } from "./bars";
import type { ChartOptions } from "./Chart";
import { chartFont, withAlpha, type ChartTheme } from "./theme";

/** One bucket of a trend: its value and 95% interval (null where it has no answers), and whether it is thin. */
export interface TrendValue {
  value: number | null;
  low: number | null;
  high: number | null;
  thin: boolean;
}

/** x is the bucket's index; then the interval's low and high ends and the value. */
export function trendData(points: readonly TrendValue[]): uPlot.AlignedData {
  return [
    points.map((_, i) => i),
    points.map((p) => p.low),
    points.map((p) => p.high),
    points.map((p) => p.value),
  ];
}

interface TrendOptions {
  theme: ChartTheme;
  rtl: boolean;
  /** Each bucket's name under the axis. */
  labels: readonly string[];
  /** How a value reads on the value axis. */
  format: (value: number) => string;
  /** The scale's fixed ends, when the measure has them (NPS −100..100, CSAT 0..100). */
  range?: [number, number];
  /** Which buckets rest on too few answers: drawn hollow. */
  thin: readonly boolean[];
  labelValue: string;
}

/**
 * A value line over its 95% band, one slot a bucket, oldest first in
 * reading direction (the x scale runs right to left in Arabic); gaps where a
 * bucket has no answers; thin buckets drawn as hollow points.
 */
export function trendOptions({
  theme,
  rtl,
  labels,
  format,
  range,
  thin,
  labelValue,
}: TrendOptions): ChartOptions {
  const count = labels.length;
  const font = chartFont(theme, 11);
  const common = { stroke: theme.muted, font, ticks: { show: false } };
  const hollow: uPlot.Hooks.Arrays = {
    draw: [
      (u) => {
        const values = u.data[3];
        if (values === undefined) return;
        const ratio = window.devicePixelRatio || 1;
        const ctx = u.ctx;
        ctx.save();
        ctx.lineWidth = 2 * ratio;
        ctx.strokeStyle = theme.accent;
        ctx.fillStyle =
          getComputedStyle(document.documentElement).getPropertyValue("--color-bg").trim() || "#ffffff";
        values.forEach((value, i) => {
          if (value === null || value === undefined || thin[i] !== true) return;
          const x = u.valToPos(i, "x", true);
          const y = u.valToPos(value, "y", true);
          ctx.beginPath();
          ctx.arc(x, y, 4 * ratio, 0, 2 * Math.PI);
          ctx.fill();
          ctx.stroke();
        });
        ctx.restore();
      },
    ],
  };
  return {
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    padding: [12, 12, 0, 12],
    scales: {
      x: { time: false, dir: rtl ? -1 : 1, range: () => [-0.5, count - 0.5] },
      y:
        range === undefined
          ? { range: (_u, min, max) => [Math.min(0, min), max === min ? max + 1 : max + (max - min) * 0.1] }
          : { range: () => range },
    },
    axes: [
      {
        ...common,
        grid: { show: false },
        splits: (u) => {
          const ratio = window.devicePixelRatio || 1;
          return labelledWeeks(
            labels.map((label) => textWidth(font, label)),
            u.bbox.width / ratio,
          );
        },
        values: (_u, splits) => splits.map((i) => labels[i] ?? ""),
      },
      {
        ...common,
        // uPlot's sides (a const enum): 1 right, 3 left.
        // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
        side: rtl ? 1 : 3,
        size: 48,
        grid: { stroke: theme.grid, width: 1 },
        values: (_u, splits) => splits.map((v) => format(v)),
      },
    ],
    bands: [{ series: [2, 1], fill: withAlpha(theme.accent, 0.16) }],
    series: [
      {},
      { stroke: "transparent", points: { show: false }, spanGaps: false },
      { stroke: "transparent", points: { show: false }, spanGaps: false },
      {
        label: labelValue,
        stroke: theme.accent,
        width: 2,
        spanGaps: false,
        points: { show: true, size: 7, fill: theme.accent, stroke: theme.accent },
      },
    ],
    hooks: hollow,
  };
}

/** A legend entry drawn into an exported picture. */
export interface LegendEntry {
  label: string;
  color: string;
}

/**
 * The chart drawn in `box` as a PNG (base64, no prefix) with a title and
 * legend above it, on the page's background, in the reading direction.
 * Null when there is no drawn chart.
 */
export function chartPng(
  box: HTMLElement,
  title: string,
  legend: readonly LegendEntry[],
  theme: ChartTheme,
  rtl: boolean,
): string | null {
  const plot = box.querySelector("canvas");
  if (plot === null || plot.width === 0) return null;
  const ratio = plot.width / Math.max(1, plot.getBoundingClientRect().width || plot.width);
  const pad = 16 * ratio;
  const header = 56 * ratio;
  const canvas = document.createElement("canvas");
  canvas.width = plot.width + 2 * pad;
  canvas.height = plot.height + header + pad;
  const ctx = canvas.getContext("2d");
  if (ctx === null) return null;
  const background =
    getComputedStyle(document.documentElement).getPropertyValue("--color-bg").trim() || "#ffffff";
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.direction = rtl ? "rtl" : "ltr";
  ctx.textAlign = "start";
  ctx.textBaseline = "top";
  const start = rtl ? canvas.width - pad : pad;
  ctx.fillStyle = theme.text;
  ctx.font = chartFont(theme, 15 * ratio, 600);
  ctx.fillText(title, start, pad);
  ctx.font = chartFont(theme, 12 * ratio);
  let at = start;
  const y = pad + 24 * ratio;
  for (const entry of legend) {
    const swatch = 10 * ratio;
    ctx.fillStyle = entry.color;
    ctx.fillRect(rtl ? at - swatch : at, y + 2 * ratio, swatch, swatch);
    ctx.fillStyle = theme.text;
    const textAt = rtl ? at - swatch - 6 * ratio : at + swatch + 6 * ratio;
    ctx.fillText(entry.label, textAt, y);
    const width = swatch + 6 * ratio + ctx.measureText(entry.label).width + 18 * ratio;
    at = rtl ? at - width : at + width;
  }
  ctx.drawImage(plot, pad, header);
  return canvas.toDataURL("image/png").replace(/^data:image\/png;base64,/, "");
}
