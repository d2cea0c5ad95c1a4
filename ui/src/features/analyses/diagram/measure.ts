/**
 * Text measurement for the layout. In the webview we measure with a canvas in
 * the bundled fonts, once they are loaded; elsewhere (jsdom, benchmarks) the
 * layout's estimate stands in.
 */
import { useEffect, useMemo, useState } from "react";
import { loadPageFonts, pageFontsLoaded } from "../../../kit/pageFonts";
import { GEOMETRY, type Measure, estimateWidth } from "./layout";
import { canvasSceneMeasure } from "../../../kit/export/scene/measure";

/** A canvas-backed measure at the layout's font size, or null where there is no real canvas (jsdom). */
export function canvasMeasure(): Measure | null {
  const measure = canvasSceneMeasure();
  if (measure === null) return null;
  return (text, isBold) => measure(text, GEOMETRY.fontSize, isBold ? 600 : 400);
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
