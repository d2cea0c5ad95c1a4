/**
 * Text measurement for the layout. In the webview we measure with a canvas in
 * the bundled fonts, once they are loaded; elsewhere (jsdom, benchmarks) the
 * layout's estimate stands in.
 */
import { useEffect, useMemo, useState } from "react";
import { loadPageFonts, pageFontsLoaded } from "../../../kit/pageFonts";
import { GEOMETRY, type Measure, estimateWidth } from "./layout";
import { SCENE_FONT } from "../../../kit/export/scene/scene";

/** A canvas-backed measure, or null where there is no real canvas (jsdom). */
export function canvasMeasure(): Measure | null {
  if (/jsdom/i.test(navigator.userAgent)) return null;
  let ctx: CanvasRenderingContext2D | null = null;
  try {
    ctx = document.createElement("canvas").getContext("2d");
  } catch {
    return null;
  }
  if (ctx === null) return null;
  const context = ctx;
  const regular = `400 ${String(GEOMETRY.fontSize)}px ${SCENE_FONT}`;
  const bold = `600 ${String(GEOMETRY.fontSize)}px ${SCENE_FONT}`;
  const cache = new Map<string, number>();
  return (text, isBold) => {
    const key = (isBold ? "b" : "r") + text;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    if (cache.size > 50_000) cache.clear();
    context.font = isBold ? bold : regular;
    const width = context.measureText(text).width;
    cache.set(key, width);
    return width;
  };
}

/** The measure to lay out with; changes once when the fonts finish loading. */
export function useTextMeasure(): Measure {
  const [ready, setReady] = useState(pageFontsLoaded);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void loadPageFonts().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [ready]);
  // `ready` is a deliberate dependency: measure again with the real fonts.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => canvasMeasure() ?? estimateWidth, [ready]);
}
