/**
 * Text widths for a scene: measured on a canvas in the bundled fonts (load
 * them first with `loadPageFonts`), estimated where there is no canvas
 * (jsdom), so a layout can be computed in tests too.
 */
import { SCENE_FONT } from "./scene";

/** The width in pixels of `text` at `size` px in the regular or semibold face. */
export type SceneMeasure = (text: string, size: number, weight: 400 | 600) => number;

/** A rough advance per character: Arabic and Latin average widths of Noto Sans, relative to the size. */
export const estimateSceneWidth: SceneMeasure = (text, size, weight) => {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 32) em += 0.26;
    else if ((code >= 0x0590 && code <= 0x08ff) || (code >= 0xfb1d && code <= 0xfefc)) em += 0.5;
    else if (code >= 0x2e80) em += 1;
    else em += 0.56;
  }
  return em * size * (weight === 600 ? 1.05 : 1);
};

/** A canvas-backed measure (cached), or null where there is no real canvas (jsdom). */
export function canvasSceneMeasure(): SceneMeasure | null {
  if (/jsdom/i.test(navigator.userAgent)) return null;
  let ctx: CanvasRenderingContext2D | null = null;
  try {
    ctx = document.createElement("canvas").getContext("2d");
  } catch {
    return null;
  }
  if (ctx === null) return null;
  const context = ctx;
  const cache = new Map<string, number>();
  return (text, size, weight) => {
    const key = `${String(size)}|${String(weight)}|${text}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    if (cache.size > 50_000) cache.clear();
    context.font = `${String(weight)} ${String(size)}px ${SCENE_FONT}`;
    const width = context.measureText(text).width;
    cache.set(key, width);
    return width;
  };
}

/** The canvas measure, or the estimate where there is no real canvas. */
export function sceneMeasure(): SceneMeasure {
  return canvasSceneMeasure() ?? estimateSceneWidth;
}
