import { useEffect, useRef, type ComponentPropsWithoutRef, type ReactNode } from "react";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/** A uPlot series, or bars: `bars` says how, and the chart makes uPlot's bar paths from it. */
export interface ChartSeries extends uPlot.Series {
  bars?: uPlot.Series.BarsPathBuilderOpts;
}

/** uPlot's options without the size, which the chart takes from its box. */
export type ChartOptions = Omit<uPlot.Options, "width" | "height" | "series"> & { series: ChartSeries[] };

/** The width drawn at before the box is measured (and in jsdom, which has no layout). */
const FALLBACK_WIDTH = 480;

let canvasOk: boolean | undefined;
/** False where there is no 2D canvas (jsdom): the chart then shows only its text alternative. */
function canvasAvailable(): boolean {
  if (canvasOk === undefined) {
    try {
      canvasOk = document.createElement("canvas").getContext("2d") !== null;
    } catch {
      canvasOk = false;
    }
  }
  return canvasOk;
}

/**
 * uPlot makes a number format from `navigator.language` as it loads, and
 * WebKit reports the system locale as it is: under `LANG=C` that is "c",
 * which Intl refuses, so the module fails to load and no chart draws. The
 * charts format every number themselves; uPlot's default only needs to be a
 * tag Intl accepts.
 */
export function keepNavigatorLanguageValid(nav: Navigator = navigator): void {
  try {
    new Intl.NumberFormat(nav.language);
  } catch {
    Object.defineProperty(nav, "language", { configurable: true, value: "en-US" });
  }
}

let library: Promise<typeof uPlot> | undefined;
/** uPlot, loaded once for every chart. */
function loadUPlot(): Promise<typeof uPlot> {
  library ??= (() => {
    keepNavigatorLanguageValid();
    return import("uplot").then((module) => module.default);
  })();
  return library;
}

export interface ChartProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  /** Memoise: a new object draws a new chart; new `data` alone only redraws. */
  options: ChartOptions;
  data: uPlot.AlignedData;
  height: number;
  /** DOM drawn over the plot (labels), positioned by the caller. */
  children?: ReactNode;
  /** Told the plot's width in CSS pixels whenever it changes (to lay out `children`). */
  onWidth?: (width: number) => void;
}

/**
 * The one chart of the app: a uPlot canvas that fills its box's width,
 * follows its size, redraws on new data and goes away with the component.
 * Role, label and test ids go on the box, with any overlay from `children`.
 * uPlot is loaded when a chart is first drawn (it reads the screen's pixel
 * ratio as it loads, which jsdom cannot give).
 */
export function Chart({ options, data, height, children, onWidth, className, ...rest }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const target = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(data);
  const widthChanged = useRef(onWidth);

  useEffect(() => {
    widthChanged.current = onWidth;
  }, [onWidth]);

  useEffect(() => {
    latest.current = data;
    plot.current?.setData(data);
  }, [data]);

  useEffect(() => {
    const frame = box.current;
    const root = target.current;
    if (frame === null || root === null || !canvasAvailable()) return;
    const measure = () => frame.clientWidth || FALLBACK_WIDTH;
    let chart: uPlot | undefined;
    let observer: ResizeObserver | undefined;
    let gone = false;
    void loadUPlot().then((UPlot) => {
      if (gone) return;
      const series = options.series.map((s) =>
        s.bars === undefined ? s : { ...s, paths: UPlot.paths.bars?.(s.bars) },
      );
      const drawn = new UPlot({ ...options, series, width: measure(), height }, latest.current, root);
      chart = drawn;
      plot.current = drawn;
      widthChanged.current?.(drawn.width);
      if (typeof ResizeObserver === "undefined") return;
      observer = new ResizeObserver(() => {
        const next = measure();
        if (next === drawn.width) return;
        drawn.setSize({ width: next, height });
        widthChanged.current?.(next);
      });
      observer.observe(frame);
    });
    return () => {
      gone = true;
      observer?.disconnect();
      chart?.destroy();
      plot.current = null;
    };
  }, [options, height]);

  return (
    <div ref={box} className={className === undefined ? "chart" : `chart ${className}`} {...rest}>
      <div ref={target} />
      {children}
    </div>
  );
}
