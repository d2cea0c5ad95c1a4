/**
 * A stand-in for uPlot in component tests (jsdom has no canvas):
 * `vi.mock("uplot", () => import("…/kit/charts/uplotDouble"))`. Each chart
 * drawn is recorded with the options and data it got, so a test asserts on
 * what would be drawn (charts load uPlot once mounted: wait for them). Importing it gives canvases a dummy 2D context so
 * `Chart` draws.
 */
import type uPlot from "uplot";

export interface DrawnChart {
  options: uPlot.Options;
  data: uPlot.AlignedData;
  target: HTMLElement;
  destroyed: boolean;
}

export const drawn: DrawnChart[] = [];

/** The live chart drawn inside `element` (a chart's box). */
export function chartIn(element: HTMLElement): DrawnChart {
  const found = [...drawn].reverse().find((c) => !c.destroyed && element.contains(c.target));
  if (found === undefined) throw new Error("no chart drawn here");
  return found;
}

Object.defineProperty(HTMLCanvasElement.prototype, "getContext", {
  configurable: true,
  value: () => ({}),
});

export default class UPlotDouble {
  static paths = { bars: () => () => null };

  readonly record: DrawnChart;
  width: number;

  constructor(options: uPlot.Options, data: uPlot.AlignedData, target: HTMLElement) {
    this.record = { options, data, target, destroyed: false };
    this.width = options.width;
    drawn.push(this.record);
  }

  setData(data: uPlot.AlignedData) {
    this.record.data = data;
  }

  setSize({ width }: { width: number }) {
    this.width = width;
  }

  destroy() {
    this.record.destroyed = true;
  }
}
